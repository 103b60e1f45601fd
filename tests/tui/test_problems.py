"""The sync problems screen (key 5): refused ops stay listed with the user's content until
reapplied on the current version (r), the server's copy kept (x), or edited (e)."""

from __future__ import annotations

from sk_tui.store import outbox
from tests.helpers.app import make_app


def _seed_problems(store) -> tuple[str, str]:
    with store.transaction():
        first = outbox.enqueue(store.db, entity="report", entity_id="r-1", op="submit", base_version=0,
                               payload={"id": "r-1", "employee_id": "emp-ani", "work_date": "2026-11-20",
                                        "status": "submitted", "team_id": "team-a", "version": 1,
                                        "activities": [{"id": "a-1", "report_id": "r-1", "minutes": 90,
                                                        "description": "Rapat koordinasi"}]})
        second = outbox.enqueue(store.db, entity="task", entity_id="t-1", op="create", base_version=0,
                                payload={"id": "t-1", "team_id": "team-a", "title": "Draf Pergub",
                                         "status": "backlog", "version": 1, "assignees": "[]"})
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
        assert "Laporan 2026-11-20 ajukan" in text
        assert "ditolak" in text
        # Reapply the first (the cursor starts on it): a new op on the current version is queued.
        await pilot.press("r")
        await pilot.pause()
        ops = outbox.ops_for_entity(store.db, "r-1")
        assert [(op["state"], op["resolution"]) for op in ops] == [("rejected", "reapplied"), ("pending", None)]
        assert [a.minutes for a in store.activities("r-1")] == [90]
        assert outbox.problem_count(store.db) == 1
        assert "antrean 1" in str(app.screen.query_one("#status-bar").render())
        assert "Laporan melewati batas waktu" not in _screen_text(app)
        # Keep the server's for the other: no problems left.
        await pilot.press("x")
        await pilot.pause()
        assert outbox.problem_count(store.db) == 0
        assert outbox.ops_for_entity(store.db, "t-1")[0]["resolution"] == "dismissed"
        assert "Tidak ada masalah sinkron." in str(app.screen.query_one("#problems-title").render())
        assert "masalah" not in str(app.screen.query_one("#status-bar").render()).replace("Masalah sinkron", "")


async def test_edit_puts_a_refused_report_back_as_a_draft(store, org):
    _seed_problems(store)
    app = make_app(store.path, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        report = store.report("r-1")
        assert report.status == "draft" and [a.minutes for a in store.activities("r-1")] == [90]
        assert outbox.problem_count(store.db) == 1 and store.queued_count() == 0
        assert "Laporan melewati" not in _screen_text(app)


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
        assert [n.message for n in app._notifications][-1] == "Tugas “Draf Pergub” buat diabaikan; salinan server dipakai."
