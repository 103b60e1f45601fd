"""A first pull shows how far it is (issue 13: the first full pull of a large workspace shows
progress), and a pull that fetches the next page while the last one is written still applies
every page in order.

`sk-tui sync` rewrites one line on stderr after each page, in the user's language, when stderr
is a terminal or SK_TUI_PROGRESS=1 asks for it; a script reading stderr otherwise gets only the
result. ``sync_once(progress=...)`` is told (records, pages) after each page is written."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.live import run_cli


def _login(cli_env: dict[str, str], db: Path, url: str, token: str) -> None:
    done = run_cli(cli_env, "--db", str(db), "login", url, extra_env={"SK_TUI_TOKEN": token})
    assert done.returncode == 0, done.stderr


def _progress(stderr: str) -> list[tuple[int, int]]:
    """(records, pages) of every progress line shown."""
    return [(int(n.replace(".", "").replace(",", "")), int(pages))
            for n, pages in re.findall(r"(?:Menarik perubahan|Pulling changes): ([\d.,]+) \D+ \((\d+) ", stderr)]


def test_sync_shows_its_progress_page_by_page_in_the_users_language(live, cli_env, tmp_path):
    db = tmp_path / "lead.db"
    _login(cli_env, db, live.url, live.tokens["lead"])
    done = run_cli(cli_env, "--db", str(db), "sync", extra_env={"SK_TUI_PROGRESS": "1", "SK_TUI_SYNC_PAGE_SIZE": "3"})
    assert done.returncode == 0, done.stderr
    shown = _progress(done.stderr)
    received = int(re.search(r"diterima (\d+)", done.stdout)[1])
    assert len(shown) >= 3, done.stderr  # a line per page of three records
    assert [pages for _, pages in shown] == list(range(1, len(shown) + 1))
    assert [n for n, _ in shown] == sorted(n for n, _ in shown) and shown[-1][0] == received
    assert "Menarik perubahan" in done.stderr and "Pulling" not in done.stderr
    assert done.stderr.endswith("\n")  # the result is not printed over the progress line

    again = tmp_path / "lead-en.db"
    _login(cli_env, again, live.url, live.tokens["lead"])
    done = run_cli(cli_env, "--db", str(again), "--lang", "en", "sync", extra_env={"SK_TUI_PROGRESS": "1"})
    assert done.returncode == 0, done.stderr
    assert "Pulling changes" in done.stderr and "Menarik" not in done.stderr


def test_no_progress_when_stderr_is_not_a_terminal(live, cli_env, tmp_path):
    db = tmp_path / "lead.db"
    _login(cli_env, db, live.url, live.tokens["lead"])
    env = {k: v for k, v in cli_env.items() if k != "SK_TUI_PROGRESS"}
    done = run_cli(env, "--db", str(db), "sync")
    assert done.returncode == 0, done.stderr
    assert _progress(done.stderr) == [] and done.stderr == ""


def test_small_pages_fetched_ahead_bring_the_same_records_as_one_page(live, tmp_path):
    """Page n+1 travels while page n is written: the records, and the cursor, are those of a
    pull in one page."""
    calls: list[tuple[int, int]] = []
    paged, whole = tmp_path / "paged.db", tmp_path / "whole.db"
    result = sync_once(paged, server_url=live.url, token=live.tokens["lead"], pull_limit=2,
                       progress=lambda n, pages: calls.append((n, pages)))
    assert result.ok, result
    assert sync_once(whole, server_url=live.url, token=live.tokens["lead"]).ok
    assert calls and calls[-1] == (result.received, len(calls)) and len(calls) > 2

    def content(path: Path) -> dict[str, list]:
        conn = sqlite3.connect(path)
        tables = ("units", "employees", "teams", "memberships", "tasks", "reports", "activities")
        out = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        conn.close()
        return out

    assert content(paged) == content(whole)
    assert content(paged)["employees"]
    stores = [Store.open(paged), Store.open(whole)]
    try:
        assert stores[0].pull_cursor() == stores[1].pull_cursor() > 0
    finally:
        for store in stores:
            store.close()
