"""Hostile text in every field the app shows: never markup, never an action, never a terminal
escape, shown as typed (issue 7, points 1 and 8; the attacks of its first paragraph).

The corpus (tests/helpers/hostile.py) is written straight into the workspace's SQLite tables, the way
old data or a misbehaving server would leave it, so the app is tested on what it reads, not on
what validation lets in. Frames are captured as the bytes Textual would write to a terminal.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rich.text import Text

from sk_tui.domain.models import TASK_COLUMNS, ReportStatus
from sk_tui.domain.text import visible
from sk_tui.store import outbox
from sk_tui.tui.plain import fit
from sk_tui.tui.widgets.board import _wrap2
from tests.helpers.app import make_app
from tests.helpers.clock import TODAY
from tests.helpers.hostile import REFUSED, REFUSED_ONE_LINE, TRAVELS
from tests.helpers.terminal import foreign_bytes, record_terminal

YESTERDAY = TODAY - dt.timedelta(days=1)
SIZE = (120, 40)


# --- the hostile workspace ---------------------------------------------------------------------


def _bounded(model, field: str, text: str) -> str:
    """``text`` cut to the field's length bound, if it has one (the 10k-character word)."""
    for rule in model.model_fields[field].metadata:
        if getattr(rule, "max_length", None):
            return text[: rule.max_length]
    return text


def _sql(store, statement: str, *params) -> None:
    store.db.conn.execute(statement, params)
    store.db.conn.commit()


def seed_hostile(store, org, texts: dict[str, str], name: str) -> dict:
    """Cards, activities, locations, a review note, target and indicator texts, a team name, a
    member's name and sync problems carrying ``texts`` (each cut to its field's length bound);
    ``name`` becomes Dedi's and team A's name. Records are made through the store, then their
    text is overwritten in SQLite. Returns what each field now holds."""
    from sk_tui.domain.models import Activity, DailyReport, Indicator, Task

    values = list(texts.values())
    cards = []
    for index, text in enumerate(values):
        title = _bounded(Task, "title", text)
        task = store.create_task(org.team_a.id, f"kartu {index}", actor_id=org.ani.id,
                                 assignees=[org.ani.id, org.dedi.id], status=TASK_COLUMNS[index % 5],
                                 target_id=org.target.id)
        _sql(store, "UPDATE tasks SET title=?, description=? WHERE id=?", title, text, task.id)
        cards.append((task.id, title))
    descriptions = [_bounded(Activity, "description", text) for text in values]
    evidence = [_bounded(Activity, "evidence", text) for text in values]
    location = _bounded(DailyReport, "location", values[0])
    # Ani's draft today: one activity per text (description, evidence, unit), a hostile location.
    draft = store.ensure_draft(org.ani.id, TODAY)
    store.set_work_mode(draft.id, "WFA", "Garut")
    _sql(store, "UPDATE reports SET location=? WHERE id=?", location, draft.id)
    for text, desc, proof in zip(values, descriptions, evidence, strict=True):
        activity = store.add_activity(draft.id, description="isi", minutes=10, evidence="ND 1")
        _sql(store, "UPDATE activities SET description=?, evidence=?, volume_unit=? WHERE id=?",
             desc, proof, _bounded(Activity, "volume_unit", text), activity.id)
    # Ani's report of yesterday, returned by the lead with a hostile note.
    returned = store.ensure_draft(org.ani.id, YESTERDAY)
    store.add_activity(returned.id, description="Rapat", minutes=60)
    store.submit_report(returned.id, org.ani.id)
    store.review_report(returned.id, org.lead.id, "return", "catatan")
    _sql(store, "UPDATE reports SET review_note=? WHERE id=?", values[0], returned.id)
    # Dedi's submitted report for the lead, every activity hostile.
    dedi = store.ensure_draft(org.dedi.id, YESTERDAY)
    for desc, proof in zip(descriptions, evidence, strict=True):
        activity = store.add_activity(dedi.id, description="isi", minutes=10, evidence="ND 1")
        _sql(store, "UPDATE activities SET description=?, evidence=? WHERE id=?", desc, proof, activity.id)
    store.submit_report(dedi.id, org.dedi.id)
    _sql(store, "UPDATE reports SET location=? WHERE id=?", location, dedi.id)
    _sql(store, "UPDATE employees SET name=? WHERE id=?", name, org.dedi.id)
    _sql(store, "UPDATE teams SET name=? WHERE id=?", name, org.team_a.id)
    _sql(store, "UPDATE targets SET text=? WHERE id=?", values[1], org.target.id)
    _sql(store, "UPDATE indicators SET text=?, unit=? WHERE id=?", values[2],
         _bounded(Indicator, "unit", values[3]), org.indicator.id)
    with store.transaction():
        for text in values[:4]:
            op = outbox.enqueue(store.db, entity="task", entity_id="t-1", op="update", base_version=1,
                                payload={"title": text})
            outbox.mark_result(store.db, op, "rejected", error=text, result={"reason": text})
    return {"cards": cards, "descriptions": descriptions, "evidence": evidence, "location": location,
            "note": values[0], "target": values[1], "indicator": values[2], "reasons": values[:4],
            "dedi_report": dedi.id, "draft": draft.id}


def _as(store, employee_id: str) -> None:
    store.set_me(employee_id)


def _plain(visual) -> str:
    """The text a Static/Label holds, whatever form it was given in."""
    if isinstance(visual, Text):
        return visual.plain
    return getattr(visual, "plain", str(visual))


def _board_lines(app) -> list[str]:
    board = app.screen.query_one("#board")
    return [board.render_line(y).text for y in range(board.size.height)]


CORPORA = [
    pytest.param(TRAVELS, TRAVELS["markup_action"], id="travels"),
    pytest.param({**REFUSED, **REFUSED_ONE_LINE}, REFUSED["osc52_clipboard"], id="refused-old-data"),
]


# --- every screen, staff and lead --------------------------------------------------------------


@pytest.mark.parametrize(("texts", "name"), CORPORA)
async def test_every_screen_shows_hostile_text_as_typed_and_never_passes_an_escape(store, org, texts, name):
    seeded = seed_hostile(store, org, texts, name)
    app = make_app(store.path)
    async with app.run_test(size=SIZE) as pilot:
        written = record_terminal(app)
        await pilot.pause()
        app.screen.refresh(layout=True)
        await pilot.pause()

        # Board: each visible card title is the title as typed, cut by cell width with "…" (on
        # two lines when the column's cards share their target).
        board = app.screen.query_one("#board")
        widths = board._widths()
        lines = "\n".join(_board_lines(app))
        for index, (_task_id, title) in enumerate(seeded["cards"][:5]):
            two_lines = board.shared_target[index] is not None
            assert (_wrap2(title, widths[index] - 1)[0] if two_lines else fit(title, widths[index] - 1)) in lines
        assert visible(name) in str(app.screen.query_one("#board-title").render())

        # Task form on the first card: the inputs hold the text (escaped when it may not travel).
        await pilot.press("enter")
        await pilot.pause()
        first_title = seeded["cards"][0][1]
        assert app.screen.query_one("#task-title").value == visible(first_title)
        assert app.screen.query_one("#task-description").value == visible(first_title)
        await pilot.press("escape")
        # Dialogs that list people and teams.
        for key in ("a", "f", "t"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.click(".dialog-title", offset=(2, 0))
            await pilot.press("escape")
            await pilot.pause()

        # Daily report: table cells, location, the form, the delete question.
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#activities")
        descriptions = [table.get_row_at(i)[1].plain for i in range(table.row_count)]
        assert descriptions == [visible(text) for text in seeded["descriptions"]]
        assert app.screen.query_one("#report-location").value == visible(seeded["location"])
        await pilot.click("#activities", offset=(10, 1))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#act-desc").value == visible(seeded["descriptions"][0])
        assert app.screen.query_one("#act-evidence").value == visible(seeded["evidence"][0])
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        question = _plain(app.screen.query_one("#confirm-question").visual)
        assert visible(seeded["descriptions"][0])[:50] in question
        await pilot.press("n")
        await pilot.press("p")  # yesterday: returned with the lead's note
        await pilot.pause()
        note = _plain(app.screen.query_one("#report-note").visual)
        assert visible(seeded["note"]) in note

        # Targets, problems, help, palette.
        await pilot.press("3")
        await pilot.pause()
        indicators = " ".join(app.screen.query_one("#targets-view").indicator_texts())
        assert visible(seeded["indicator"], multiline=True) in indicators
        assert visible(seeded["target"], multiline=True) in indicators
        await pilot.press("5")
        await pilot.pause()
        problems = app.screen.query_one("#problems-list")
        reasons = [problems.get_row_at(i)[2].plain for i in range(problems.row_count)]
        assert sorted(reasons) == sorted(visible(v) for v in seeded["reasons"])
        await pilot.click("#problems-detail", offset=(3, 1))
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"tim")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        # The lead: review list and detail, clicked all over; team targets; the board.
        _as(app.store, org.lead.id)
        app.who_label = app._who(app.store.me())
        await pilot.press("4")
        await pilot.pause()
        review = app.screen.query_one("#review-list")
        cell = review.get_row_at(0)[2].plain  # the list cuts a long name with "…"; the detail has it whole
        assert visible(name).startswith(cell.removesuffix("…"))
        detail = app.screen.detail_text()
        assert visible(name) in detail
        for desc, proof in zip(seeded["descriptions"], seeded["evidence"], strict=True):
            assert visible(desc, multiline=True) in detail
            assert f"Bukti: {visible(proof, multiline=True)}" in detail
        for y in range(8):
            for x in (3, 18, 25, 40):
                await pilot.click("#review-pane", offset=(x, y))
        await pilot.click("#review-list", offset=(20, 1))
        await pilot.pause()
        await pilot.press("3", "m")
        await pilot.pause()
        members = app.screen.query_one("#members")
        assert visible(name) in [members.get_row_at(i)[0].plain for i in range(members.row_count)]
        await pilot.press("1")
        await pilot.pause()

        assert app.is_running
        assert app.store.report(seeded["dedi_report"]).status == ReportStatus.SUBMITTED
        assert "Papan tim" in "".join(written)  # the app's own output did reach the terminal
        assert foreign_bytes(written) == []


# --- the attacks of issue 7, one by one --------------------------------------------------------


def _dedi_reports(store, org, description: str, evidence: str = "") -> str:
    """Dedi's submitted report of yesterday with one activity; the app opens as his lead."""
    report = store.ensure_draft(org.dedi.id, YESTERDAY)
    store.add_activity(report.id, description=description, minutes=90, evidence=evidence)
    store.submit_report(report.id, org.dedi.id)
    store.set_me(org.lead.id)
    return report.id


async def _click_along_the_activity(pilot) -> None:
    """Click along the first activity's description line (its line 2), every third cell: any
    link of more than two characters there is hit."""
    block = pilot.app.screen.query(".review-activity").first()
    for x in range(0, block.size.width, 3):
        await pilot.click(block, offset=(x, 1))


async def test_a_description_made_a_link_does_not_approve_when_the_lead_clicks_it(store, org):
    link = TRAVELS["markup_action"]
    report_id = _dedi_reports(store, org, link)
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert link in app.screen.detail_text()
        await _click_along_the_activity(pilot)
        await pilot.pause()
        assert app.is_running
        assert store.report(report_id).status == ReportStatus.SUBMITTED
        assert not app._notifications  # no "approved" toast either


async def test_a_screenshot_link_in_a_description_writes_no_file(store, org, tmp_path):
    target = tmp_path / "chosen-by-author"
    target.mkdir()
    link = f"[@click=app.screenshot('pwned.svg','{target}')]klik[/]"
    _dedi_reports(store, org, link)
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert link in app.screen.detail_text()
        await _click_along_the_activity(pilot)
        await pilot.pause()
        assert app.is_running
    assert list(target.iterdir()) == []


async def test_an_evidence_link_with_a_closing_tag_does_not_close_the_review(store, org):
    evidence = "https://drive.example/a[/]b"
    report_id = _dedi_reports(store, org, "Mengunggah bukti", evidence)
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("down", "up")
        await pilot.pause()
        assert app.is_running
        assert f"Mengunggah bukti\n1 kegiatan\nBukti: {evidence}" in app.screen.detail_text()
        await pilot.press("y", "y")  # the review still works: the lead approves it (and confirms)
        await pilot.pause()
        assert store.report(report_id).status == ReportStatus.APPROVED


async def test_a_card_title_with_terminal_escapes_never_reaches_the_terminal(store, org):
    title = REFUSED["osc52_clipboard"] + REFUSED["csi_clear"]
    task = store.create_task(org.team_a.id, "Rapat", actor_id=org.ani.id, assignees=[org.ani.id])
    _sql(store, "UPDATE tasks SET title=? WHERE id=?", title, task.id)  # old data or a bad server
    report_id = _dedi_reports(store, org, "Rapat")
    _sql(store, "UPDATE activities SET description=? WHERE report_id=?", title, report_id)
    app = make_app(store.path)
    async with app.run_test(size=SIZE) as pilot:
        written = record_terminal(app)
        app.screen.refresh(layout=True)  # a full frame of the board
        await pilot.pause()
        board_output = "".join(written)
        await pilot.press("4")
        await pilot.pause()
        review_output = "".join(written)[len(board_output):]
        assert app.is_running
        await pilot.press("1")
        await pilot.pause()
        width = app.screen.query_one("#board")._widths()[0] - 1
    assert _wrap2(title, width)[0].rstrip() in board_output  # shown escaped, wrapped to two lines
    assert visible(title) in review_output
    assert foreign_bytes(written) == []
    for sequence in ("\x1b]52;", "\x1b[2J"):
        assert sequence not in "".join(written)
