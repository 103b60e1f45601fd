"""Issue 10 (rest) point 4: a pulled agency policy this app cannot read is said where figures are
shown ("kebijakan instansi tidak terbaca: ..."); the defaults that stand in are never presented
as the agency's version or as official."""

from __future__ import annotations

import json

from sk_tui.store import Store
from tests.helpers.app import make_app
from tests.helpers.live import run_cli

UNREADABLE = "monthly_target_minutes = 6750\nnew_rule_of_a_later_app = true\n"


def _pull_policy(path, toml: str, version: int = 5) -> None:
    store = Store.open(path)
    try:
        store.apply_pulled_page([{"seq": 1, "entity": "policy", "entity_id": "agency", "data": {
            "id": "agency", "version": version, "hash": f"h{version}", "toml": toml, "set_at": "2026-11-20"}}], 1)
    finally:
        store.close()


async def test_an_unreadable_agency_policy_is_said_on_the_targets_screen_and_the_recap(workspace, cli_env):
    path, _org, _ids = workspace
    _pull_policy(path, UNREADABLE)
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        line = app.screen.query_one("#targets-view").month_line
        assert "kebijakan instansi tidak terbaca: new_rule_of_a_later_app" in line and "bukan resmi" in line
        assert "kebijakan v" not in line
    table = run_cli(cli_env, "--db", str(path), "recap", "--month", "2026-11")
    assert table.returncode == 0, table.stderr
    assert "kebijakan instansi tidak terbaca: new_rule_of_a_later_app" in table.stdout
    assert "kebijakan v" not in table.stdout and "(angka resmi)" not in table.stdout
    english = run_cli(cli_env, "--db", str(path), "--lang", "en", "recap", "--month", "2026-11")
    assert "the agency's policy cannot be read: new_rule_of_a_later_app" in english.stdout
    (row,) = json.loads(run_cli(cli_env, "--db", str(path), "recap", "--month", "2026-11", "--format", "json").stdout)
    assert row["policy_version"] is None and any(w.startswith("policy_unreadable:") for w in row["warnings"])

    _pull_policy(path, "monthly_target_minutes = 6000\n", version=6)  # a readable version clears it
    fixed = run_cli(cli_env, "--db", str(path), "recap", "--month", "2026-11")
    assert "kebijakan v6" in fixed.stdout and "tidak terbaca" not in fixed.stdout
