"""Issue 10 (rest) point 2: `sk-tui server policy set` counts for a running server's next push (every
worker of `serve --workers N`), no restart: the push rules follow the stored version."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from tests.helpers.clock import TODAY
from tests.helpers.live import PG_ENV, LiveServer, database, run_cli, seed
from tests.helpers.ops import new_id, report_submit, results

STRICT = "daily_minutes_warn = 300\ndaily_minutes_max = 400\n"  # the default hard limit is 1440


def _push_500_minutes(url: str, token: str, day: dt.date) -> dict:
    # a fresh connection each time: under --workers the kernel spreads them over the processes
    with httpx.Client(base_url=url, timeout=30, headers={"Authorization": f"Bearer {token}"}) as http:
        answer = http.post("/v2/sync/push", json={"device_id": "test", "ops": [
            report_submit(new_id("rep"), "emp-ani", "team-a", day, minutes=500)]})
    (result,) = results(answer)
    return result


def _set_policy(cli_env, tmp_path, db_url: str, text: str) -> None:
    file = tmp_path / "policy.toml"
    file.write_text(text, encoding="utf-8")
    done = run_cli(cli_env, "server", "policy", "set", str(file), "--db", db_url)
    assert done.returncode == 0, done.stderr


def test_a_new_policy_counts_for_the_running_servers_next_push(live, cli_env, tmp_path):
    assert _push_500_minutes(live.url, live.tokens["ani"], TODAY - dt.timedelta(days=1))["status"] == "applied"
    _set_policy(cli_env, tmp_path, live.db_url, STRICT)
    refused = _push_500_minutes(live.url, live.tokens["ani"], TODAY - dt.timedelta(days=2))
    assert (refused["status"], refused["reason"]) == ("rejected", "day_total_exceeded")
    _set_policy(cli_env, tmp_path, live.db_url, "daily_minutes_max = 1440\n")  # and back, still no restart
    assert _push_500_minutes(live.url, live.tokens["ani"], TODAY - dt.timedelta(days=2))["status"] == "applied"


@pytest.mark.skipif(not __import__("os").environ.get(PG_ENV), reason="no PostgreSQL: set SK_TUI_TEST_PG_URL")
def test_every_worker_takes_the_new_policy(tmp_path, cli_env):
    with database("postgres", tmp_path) as url:
        org = seed(url)
        server = LiveServer(url, cli_env, extra_args=("--workers", "2"))
        try:
            _set_policy(cli_env, tmp_path, url, STRICT)
            outcomes = [_push_500_minutes(server.url, org.tokens["ani"], TODAY - dt.timedelta(days=n))
                        for n in range(1, 9)]
            assert {(r["status"], r["reason"]) for r in outcomes} == {("rejected", "day_total_exceeded")}
        finally:
            server.stop()
