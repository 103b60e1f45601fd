"""A live app: with a server configured, the running app syncs by itself (on start, on a timer,
shortly after a change) and announces decisions on my reports, without F5. Real server on
loopback, real app through Pilot."""

from __future__ import annotations

import asyncio
import time

import pytest

from sk_tui.config import Config
from sk_tui.store import Store
from sk_tui.sync.client import save_credentials, sync_once
from sk_tui.tui.app import SkApp
from tests.helpers.clock import TODAY

# The app's behaviour does not depend on the server's storage: SQLite only.
pytestmark = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)


def _toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _until(pilot, check, seconds: float = 40.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the app did not get there in time"
        await pilot.pause(0.2)


async def test_a_leads_decision_reaches_the_members_running_app_as_a_notification(live, tmp_path):
    ani_db, lead_db = tmp_path / "ani.db", tmp_path / "lead.db"
    for path, who in ((ani_db, "ani"), (lead_db, "lead")):
        assert sync_once(path, server_url=live.url, token=live.tokens[who]).ok
    ani = Store.open(ani_db)
    report = ani.ensure_draft("emp-ani", TODAY)
    ani.add_activity(report.id, description="Menyusun telaah Raperda", minutes=240)
    ani.submit_report(report.id, "emp-ani")
    ani.close()
    save_credentials(live.url, live.tokens["ani"])  # as `sk-tui login` leaves it

    config = Config(language="id", theme="textual-dark", server_url=live.url, sync_interval_seconds=10)
    app = SkApp(ani_db, language="id", config=config, theme="textual-dark", save_settings=False)
    async with app.run_test(size=(80, 24)) as pilot:
        # On start: the queued submission goes out, and the header says online.
        await _until(pilot, lambda: not app.sync_state.syncing and app.sync_state.online
                     and app.sync_state.queued == 0)
        assert "daring" in str(app.screen.query_one("#status-bar").render())

        def lead_returns() -> None:
            assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok
            lead = Store.open(lead_db)
            lead.review_report(report.id, "emp-lead", "return", note="Lampirkan notulen rapat")
            lead.close()
            assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok

        await asyncio.to_thread(lead_returns)
        # No key pressed: the timer's sync brings it, and it is announced.
        await _until(pilot, lambda: any("dikembalikan: Lampirkan notulen rapat" in m for m in _toasts(app)))
        await pilot.press("2")
        await pilot.pause()
        assert "Lampirkan notulen rapat" in str(app.screen.query_one("#report-note").render())


async def test_a_change_is_pushed_shortly_after_without_f5(live, tmp_path):
    ani_db = tmp_path / "ani.db"
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    save_credentials(live.url, live.tokens["ani"])
    config = Config(language="id", server_url=live.url, sync_interval_seconds=3600)
    app = SkApp(ani_db, language="id", config=config, theme="textual-dark", save_settings=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: not app.sync_state.syncing and app.sync_state.online)
        await pilot.press("n", *"Harmonisasi", "ctrl+s")
        await pilot.pause()
        assert app.sync_state.queued == 1
        await _until(pilot, lambda: app.sync_state.queued == 0 and not app.sync_state.syncing)
    titles = [c["data"].get("title") for c in live.pull_all(live.tokens["lead"]) if c["entity"] == "task"]
    assert "Harmonisasi" in titles


async def test_a_busy_workspace_lock_is_not_shown_as_offline(live, tmp_path):
    from sk_tui.sync.client import sync_lock

    ani_db = tmp_path / "ani.db"
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    save_credentials(live.url, live.tokens["ani"])
    config = Config(language="id", server_url=live.url, sync_interval_seconds=3600)
    app = SkApp(ani_db, language="id", config=config, theme="textual-dark", save_settings=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _until(pilot, lambda: not app.sync_state.syncing and app.sync_state.online)
        with sync_lock(ani_db) as locked:  # another process (`sk-tui sync`) is syncing
            assert locked
            await pilot.press("f5")
            await _until(pilot, lambda: not app.sync_state.syncing)
            assert app.sync_state.online
            assert "daring" in str(app.screen.query_one("#status-bar").render())
