"""The sync problems screen (key 5): rejected ops stay listed until retried or dismissed."""

from __future__ import annotations

from sk_tui.store import outbox
from tests.helpers.app import make_app


def _seed_problems(store) -> tuple[str, str]:
    with store.transaction():
        first = outbox.enqueue(store.db, entity="report", entity_id="r-1", op="submit", base_version=0,
                               payload={"work_date": "2026-11-20"})
        second = outbox.enqueue(store.db, entity="task", entity_id="t-1", op="update", base_version=2,
                                payload={"title": "Draf Pergub"})
        outbox.mark_result(store.db, first, "rejected", error="Laporan melewati batas waktu")
        outbox.mark_result(store.db, second, "rejected", error="Tugas sudah dihapus")
    return first, second


def _screen_text(app) -> str:
    table = app.screen.query_one("#problems-list")
    rows = [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
    title = str(app.screen.query_one("#problems-title").render())
    return "\n".join([title, *rows])


async def test_retry_and_dismiss_sync_problems(store, org):
    _first, _second = _seed_problems(store)
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "⚠ 2 masalah" in str(app.screen.query_one("#status-bar").render())
        await pilot.press("5")
        await pilot.pause()
        text = _screen_text(app)
        assert "Laporan melewati batas waktu" in text
        assert "Tugas sudah dihapus" in text
        assert "Laporan 2026-11-20 kirim" in text
        assert "ditolak" in text
        # Retry the first (the cursor starts on it): back in the queue.
        await pilot.press("r")
        await pilot.pause()
        assert outbox.ops_for_entity(store.db, "r-1")[0]["state"] == "pending"
        assert outbox.problem_count(store.db) == 1
        assert "antrean 1" in str(app.screen.query_one("#status-bar").render())
        assert "Laporan melewati batas waktu" not in _screen_text(app)
        # Dismiss the other: the server's copy stays, no problems left.
        await pilot.press("x")
        await pilot.pause()
        assert outbox.problem_count(store.db) == 0
        assert outbox.ops_for_entity(store.db, "t-1")[0]["resolution"] == "dismissed"
        assert "Tidak ada masalah sinkron." in str(app.screen.query_one("#problems-title").render())
        assert "masalah" not in str(app.screen.query_one("#status-bar").render()).replace("Masalah sinkron", "")


async def test_no_problems_in_english(store, org):
    app = make_app(store.path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert "No sync problems." in str(app.screen.query_one("#problems-title").render())


async def test_dismissing_a_problem_keeps_its_binding_id_for_keymaps(store, org):
    """The action is ``dismiss_problem`` (Textual's own ``dismiss`` closes a screen); a keymap
    names the binding id ``problems.dismiss``, as before."""
    from textual.screen import Screen

    from sk_tui.tui.screens.problems import ProblemsScreen

    assert ProblemsScreen.action_dismiss is Screen.action_dismiss
    _seed_problems(store)
    app = make_app(store.path, keymap={"problems.dismiss": "z"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "down", "z")
        await pilot.pause()
        assert outbox.ops_for_entity(store.db, "t-1")[0]["resolution"] == "dismissed"
        assert outbox.problem_count(store.db) == 1
        assert type(app.screen) is ProblemsScreen
        assert [n.message for n in app._notifications][-1] == "Tugas “Draf Pergub” ubah diabaikan; salinan server dipakai."
