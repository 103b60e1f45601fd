"""While a pull runs, the header says how many records have arrived (a new device's first pull
of a large workspace takes a while: issue 13). Real app through Pilot; the live test pulls from
a real server on loopback."""

from __future__ import annotations

import time

import pytest

from sk_tui.config import Config
from sk_tui.store import Store
from sk_tui.sync.client import save_credentials, sync_once
from sk_tui.tui.app import SkApp
from sk_tui.tui.messages import SyncFinished, SyncProgress
from tests.helpers.app import make_app


def _header(app) -> str:
    return str(app.screen.query_one("#status-bar").render())


@pytest.mark.parametrize(("language", "shown", "hidden"), [("id", "menarik 12.345 catatan", "pulling"),
                                                           ("en", "pulling 12,345 records", "menarik")])
async def test_the_header_counts_the_records_a_running_pull_brought(workspace, language, shown, hidden):
    app = make_app(workspace[0], language=language)
    async with app.run_test(size=(120, 24)) as pilot:
        app.sync_state.syncing = True
        app.post_message(SyncProgress(12_345))
        await pilot.pause()
        assert shown in _header(app) and hidden not in _header(app)
        app.post_message(SyncFinished(online=True, received=12_345))
        await pilot.pause()
        assert shown not in _header(app)
        app.post_message(SyncProgress(99))  # news of a page after the end changes nothing
        await pilot.pause()
        assert "99" not in _header(app)


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
async def test_a_first_pull_in_the_app_reports_its_pages(live, tmp_path, monkeypatch):
    seen: list[int] = []  # what the header was told, page by page
    original = SyncProgress.__init__

    def record(self, received):
        seen.append(received)
        original(self, received)

    monkeypatch.setattr(SyncProgress, "__init__", record)
    save_credentials(live.url, live.tokens["lead"])
    config = Config(language="id", theme="textual-dark", server_url=live.url, sync_interval_seconds=300)
    db = tmp_path / "lead.db"
    # the app opens a workspace that knows its user: a first sync made it, and a full re-pull
    # (what a new server epoch or a changed scope asks for) brings everything again
    assert sync_once(db, server_url=live.url, token=live.tokens["lead"]).ok
    store = Store.open(db)
    store.begin_resync()
    store.close()
    app = SkApp(db, language="id", config=config, theme="textual-dark", save_settings=False)
    async with app.run_test(size=(120, 24)) as pilot:
        deadline = time.monotonic() + 40
        while not (seen and not app.sync_state.syncing and app.sync_state.online):
            assert time.monotonic() < deadline, "the first pull did not end"
            await pilot.pause(0.2)
        assert seen[-1] > 0 and seen == sorted(seen)
        assert "menarik" not in _header(app)
