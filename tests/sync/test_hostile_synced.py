"""Hostile text end to end (issue 7, point 8): a member types odd but valid text into every field
she can send, it travels through a real server to her lead and back, and each app shows it as
typed, with no action fired and no escape reaching the terminal; text that may not travel is
refused by the server op by op, whoever sends it."""

from __future__ import annotations

import pytest

from sk_tui.domain.models import TASK_COLUMNS, Activity, DailyReport, ReportStatus, Task
from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from sk_tui.tui.plain import fit
from sk_tui.tui.widgets.board import _wrap2
from tests.helpers.app import make_app
from tests.helpers.clock import TODAY
from tests.helpers.hostile import REFUSED, REFUSED_ONE_LINE, TRAVELS
from tests.helpers.ops import feedback_create, new_id, results, task_create
from tests.helpers.terminal import foreign_bytes, record_terminal

# Client behaviour over the wire: the server's storage is tested on both backends elsewhere.
pytestmark = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)


def bounded(model, field: str, text: str) -> str:
    """``text`` cut to the field's length bound (the 10,000-character word)."""
    limit = model.model_json_schema()["properties"][field].get("maxLength")
    return text[:limit] if limit else text


def synced(tmp_path, name: str, live, who: str):
    path = tmp_path / f"{name}.db"
    assert sync_once(path, server_url=live.url, token=live.tokens[who]).ok
    return path


def sync(path, live, who: str) -> None:
    result = sync_once(path, server_url=live.url, token=live.tokens[who])
    assert result.ok and result.refused == 0 and result.kept_aside == 0, result


def board_lines(app) -> list[str]:
    board = app.screen.query_one("#board")
    return [board.render_line(y).text for y in range(board.size.height)]


async def test_hostile_text_typed_by_a_member_reaches_her_lead_and_back_as_text(live, tmp_path):
    ani_db, lead_db = synced(tmp_path, "ani", live, "ani"), synced(tmp_path, "lead", live, "lead")
    ani = Store.open(ani_db)
    texts = list(TRAVELS.values())
    # Ani types the corpus into cards (title, description), her day's location and activities.
    titles = []
    for index, text in enumerate(texts[:5]):
        title = bounded(Task, "title", text)
        ani.create_task("team-a", title, actor_id="emp-ani", description=bounded(Task, "description", text),
                        status=TASK_COLUMNS[index])
        titles.append(title)
    report = ani.ensure_draft("emp-ani", TODAY)
    ani.set_work_mode(report.id, "WFA", bounded(DailyReport, "location", texts[0]))
    lines = []
    for text in texts:
        description, proof = bounded(Activity, "description", text), bounded(Activity, "evidence", text)
        ani.add_activity(report.id, description=description, minutes=10, evidence=proof,
                         volume_unit=bounded(Activity, "volume_unit", text))
        lines += [description, f"Bukti: {proof}"]
    ani.submit_report(report.id, "emp-ani")
    sync(ani_db, live, "ani")
    sync(lead_db, live, "lead")

    # The lead's app: the board and the review show it as typed; clicking it approves nothing.
    app = make_app(lead_db)
    async with app.run_test(size=(120, 40)) as pilot:
        written = record_terminal(app)
        await pilot.pause()
        app.screen.refresh(layout=True)
        await pilot.pause()
        board_widget = app.screen.query_one("#board")
        widths = board_widget._widths()
        board = "\n".join(board_lines(app))
        for column, title in enumerate(titles):
            # on two lines when the column's cards share their target (the board's rule)
            two_lines = board_widget.shared_target[column] is not None
            shown_title = _wrap2(title, widths[column] - 1)[0] if two_lines else fit(title, widths[column] - 1)
            assert shown_title in board, title
        await pilot.press("4")
        await pilot.pause()
        widget = app.screen.query_one("#review-pane")
        detail = app.screen.detail_text()
        for line in lines:
            assert line in detail
        for y in range(min(10, widget.size.height)):  # click all over the activities
            for x in range(0, widget.size.width, 7):
                await pilot.click("#review-pane", offset=(x, y))
        await pilot.pause()
        assert app.is_running
        assert app.store.report(report.id).status == ReportStatus.SUBMITTED
        assert "Tinjau" in "".join(written) or "Verifikasi" in "".join(written)
        assert foreign_bytes(written) == []

    # The lead returns it with markup as the note; it reaches Ani as text.
    lead = Store.open(lead_db)
    note = TRAVELS["markup_action"]
    lead.review_report(report.id, "emp-lead", "return", note)
    sync(lead_db, live, "lead")
    sync(ani_db, live, "ani")
    assert ani.report(report.id).review_note == note
    app = make_app(ani_db)
    async with app.run_test(size=(120, 40)) as pilot:
        written = record_terminal(app)
        await pilot.press("2")
        await pilot.pause()
        assert note in app.screen.query_one("#report-note").visual.plain
        await pilot.click("#report-note", offset=(5, 0))
        await pilot.pause()
        assert app.is_running and foreign_bytes(written) == []
    lead.close()
    ani.close()


def test_text_that_may_not_travel_is_refused_by_the_server_op_by_op(live):
    """What a patched client could send: every refused string in a card title, a card
    description and a feedback note; each op is refused alone, the valid one beside it applies."""
    ops = [task_create(new_id("t"), "team-a", title=text) for text in {**REFUSED, **REFUSED_ONE_LINE}.values()]
    for text in REFUSED.values():
        ops.append(task_create(new_id("t"), "team-a", description=text))
        ops.append(feedback_create("emp-ani", "emp-lead", text=text))
    good = task_create(new_id("t"), "team-a", title="Rapat [internal] tim 📄")
    answers = results(live.push(live.tokens["lead"], [*ops, good]))
    assert [a["status"] for a in answers] == ["rejected"] * len(ops) + ["applied"]
    for answer in answers[:-1]:
        assert answer["current"] is None and answer["message"] and answer["message_en"]
    pulled = [c["data"]["title"] for c in live.pull_all(live.tokens["ani"]) if c["entity"] == "task"]
    assert pulled == ["Rapat [internal] tim 📄"]
