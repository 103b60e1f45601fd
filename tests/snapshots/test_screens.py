"""SVG snapshots of every screen at 80x24 and 120x40 (frozen clock, fixed theme, no blink).

Regenerate after an intended change: pytest tests/snapshots --snapshot-update
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers.app import make_app
from tests.helpers.clock import TODAY

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
LANGS = ["id", "en"]


def _as(path, employee_id: str) -> None:
    from sk_tui.store import Store

    store = Store.open(path)
    store.set_me(employee_id)
    store.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_board(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["right"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_board_overdue_filter(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["o"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_task_form(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["right", "enter"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_report(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["2"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_activity_form_empty_shows_hints(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["2", "a"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_esc_on_a_changed_form_asks(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["2", "a", *"Rapat", "escape"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_wfa_without_location_is_kept_and_explained(snap_compare, workspace, size, lang):
    path, org, _ids = workspace
    from sk_tui.store import Store

    store = Store.open(path)
    draft = store.report_for(org.ani.id, TODAY)
    store.set_work_mode(draft.id, "WFO", "")
    store.close()

    async def choose_wfa(pilot):
        await pilot.press("2")
        await pilot.pause()
        pilot.app.screen.query_one("#report-mode").value = "WFA"
        await pilot.pause()

    assert snap_compare(make_app(path, language=lang), terminal_size=size, run_before=choose_wfa)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_activity_form_with_a_bad_value(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    keys = ["2", "a", *"Rapat", "tab", *"abc", "ctrl+s"]
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=keys)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_submit_confirmation(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["2", "s"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_targets(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["3"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_targets_team_view_for_a_lead(snap_compare, workspace, size, lang):
    path, org, _ids = workspace
    _as(path, org.lead.id)
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["3", "m"])


@pytest.mark.parametrize("size", SIZES)
def test_review_for_a_lead(snap_compare, workspace, size):
    path, org, _ids = workspace
    _as(path, org.lead.id)
    assert snap_compare(make_app(path), terminal_size=size, press=["4"])


def _seed_lead_day(path) -> None:
    """Dedi's day of seven activities for team A (one linked to a card), submitted eight days
    ago: past the verification window. The app opens as team A's lead."""
    from sk_tui.store import Store

    store = Store.open(path)
    task = store.create_task("team-a", "Draf Pergub Cadangan Pangan", actor_id="emp-lead", assignees=["emp-dedi"])
    report = store.ensure_draft("emp-dedi", TODAY - dt.timedelta(days=2))
    store.set_work_mode(report.id, "WFA", "Garut")
    for i in range(1, 8):
        store.add_activity(report.id, description=f"Telaah rancangan Pergub bagian {i}", minutes=30 + i, volume=i,
                           volume_unit="dokumen", evidence=f"ND 800/{i}/Huk", team_id="team-a",
                           task_id=task.id if i == 7 else None)
    frozen = store.clock
    store.clock = lambda: frozen() - dt.timedelta(days=8)
    store.submit_report(report.id, "emp-dedi")
    store.clock = frozen
    store.set_me("emp-lead")
    store.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_review_lead_day(snap_compare, workspace, size, lang):
    """The late report marked, one row chosen with Space, its detail scrolled two activities."""
    path, _org, _ids = workspace
    _seed_lead_day(path)
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["4", "space", "up", "J", "J"])


def test_review_approve_asks_once(snap_compare, workspace):
    path, _org, _ids = workspace
    _seed_lead_day(path)
    assert snap_compare(make_app(path), terminal_size=(80, 24), press=["4", "y"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["f1"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_welcome(snap_compare, tmp_path, size, lang):
    assert snap_compare(make_app(tmp_path / "none.db", language=lang), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_board_ansi_light(snap_compare, workspace, size):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, theme="ansi-light"), terminal_size=size)


def _seed_problems(path) -> None:
    from sk_tui.store import Store, outbox

    store = Store.open(path)
    with store.transaction():
        # the server's answers carry the words in both languages (protocol v2)
        for entity, entity_id, op, payload, state, error, english in (
            ("report", "r-1", "submit", {"work_date": "2026-11-20"}, "rejected", "Laporan melewati batas waktu",
             "The report is past its deadline"),
            ("task", "t-1", "update", {"title": "Draf Pergub Pengelolaan Sampah Regional"}, "conflict",
             "Tugas diubah orang lain (versi 3)", "Someone else changed the task (version 3)"),
        ):
            op_id = outbox.enqueue(store.db, entity=entity, entity_id=entity_id, op=op, base_version=0,
                                   payload=payload, op_id=f"op-{entity_id}")
            answer = {"op_id": op_id, "status": state, "message": error, "message_en": english, "current": None}
            outbox.mark_result(store.db, op_id, state, error=error, result=answer)
    store.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_problems(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    _seed_problems(path)
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["5"])


def _seed_hostile_but_valid(path) -> None:
    """Brackets that look like markup, emoji and wide characters: text that may travel."""
    from sk_tui.store import Store

    store = Store.open(path)
    for title in ("Rapat [internal] tim", "[bold red]PENTING[/bold red] 📄✅", "会议记录 – 회의 – ミーティング",
                  "[@click=screen.approve]Lihat bukti[/]"):
        store.create_task("team-a", title, actor_id="emp-ani", assignees=["emp-ani"], status="todo")
    report = store.ensure_draft("emp-dedi", dt.date(2026, 11, 25))
    store.add_activity(report.id, description="[@click=screen.approve]Lihat bukti[/] 📄 会议记录", minutes=30,
                       evidence="https://drive.example/a[/]b")
    store.submit_report(report.id, "emp-dedi")
    store.close()


def test_board_with_hostile_but_valid_text(snap_compare, workspace):
    path, _org, _ids = workspace
    _seed_hostile_but_valid(path)
    assert snap_compare(make_app(path), terminal_size=(80, 24), press=["right"])


def test_review_with_hostile_but_valid_text(snap_compare, workspace):
    path, org, _ids = workspace
    _seed_hostile_but_valid(path)
    _as(path, org.lead.id)
    assert snap_compare(make_app(path), terminal_size=(80, 24), press=["4"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_targets_explanation(snap_compare, workspace, size, lang):
    """`r` on the targets screen: every step of the month, leave and a negative event included."""
    from sk_tui.domain.models import Absence, NegativeEvent
    from sk_tui.store import Store

    path, org, _ids = workspace
    store = Store.open(path)
    store.save_models([
        *[Absence(id=f"cuti-{d}", employee_id=org.ani.id, day=dt.date(2026, 11, d), status="cuti", excused=True)
          for d in (9, 10, 11)],
        Absence(id="tk-3", employee_id=org.ani.id, day=dt.date(2026, 11, 3), status="tanpa_keterangan"),
        NegativeEvent(id="neg-1", employee_id=org.ani.id, day=dt.date(2026, 11, 5), kind="hukuman_disiplin",
                      reference="800/HD-01/2026", reason="hukuman disiplin"),
    ])
    store.close()
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["3", "r"])


def _with_dwa_application(path, org) -> None:
    from sk_tui.store import Store

    store = Store.open(path)
    store.apply_dwa("3-2", dt.date(2026, 11, 30), actor_id=org.dedi.id, targets="4 unggahan JDIH per minggu")
    store.close()


async def _open_teams(pilot) -> None:
    await pilot.press("6")
    await pilot.pause()  # the first frame, then the parts below the fold come from a worker
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_teams_for_the_jpt(snap_compare, workspace, size, lang):
    path, org, _ids = workspace
    _with_dwa_application(path, org)
    _as(path, org.jpt.id)
    assert snap_compare(make_app(path, language=lang), terminal_size=size, run_before=_open_teams)


@pytest.mark.parametrize("size", SIZES)
def test_review_for_a_lead_in_english(snap_compare, workspace, size):
    """The Indonesian review is test_review_for_a_lead (kept apart: that screen is changing)."""
    path, org, _ids = workspace
    _as(path, org.lead.id)
    assert snap_compare(make_app(path, language="en"), terminal_size=size, press=["4"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_assign_dialog(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["right", "a"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_delete_confirmation(snap_compare, workspace, size, lang):
    path, _org, _ids = workspace
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["2", "d"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
def test_return_note_for_a_lead(snap_compare, workspace, size, lang):
    path, org, _ids = workspace
    _as(path, org.lead.id)
    assert snap_compare(make_app(path, language=lang), terminal_size=size, press=["4", "r"])
