"""Review made for a lead's real day (issue 11, point 2), at 80x24 through Textual Pilot.

The detail pane scrolls to the last of many activities and says how many are out of sight; the
list shows the date, minutes, team and a late mark in words; approving asks once; Space marks
rows and one key approves them all after one question (a 60-report queue); a return needs a note.
"""

from __future__ import annotations

import datetime as dt
import time
from contextlib import closing

import pytest

from sk_tui.config import Config
from sk_tui.domain.models import ReportStatus, Verdict
from sk_tui.store import Store
from sk_tui.sync.client import save_credentials, sync_once
from sk_tui.tui.app import SkApp
from sk_tui.tui.screens.dialogs import ConfirmScreen, NoteScreen
from tests.helpers.app import make_app
from tests.helpers.clock import TODAY

SIZE = (80, 24)


def _plain(visual) -> str:
    return getattr(visual, "plain", str(visual))


def _cells(table, row: int) -> list[str]:
    return [_plain(cell) for cell in table.get_row_at(row)]


def _blocks(screen) -> list:
    return [b for b in screen.query(".review-activity") if b.display]


def _more(screen) -> str:
    return _plain(screen.query_one("#review-more").render())


def _submit(store, org, who, days_back: int, minutes: list[int]) -> str:
    """``who``'s report of ``days_back`` days ago, one team A activity per entry of ``minutes``."""
    report = store.ensure_draft(who.id, TODAY - dt.timedelta(days=days_back))
    for i, value in enumerate(minutes, 1):
        store.add_activity(report.id, description=f"Kegiatan nomor {i}", minutes=value, team_id=org.team_a.id)
    store.submit_report(report.id, who.id)
    return report.id


def _as_lead(store, org):
    """The app on this workspace as team A's lead, and the workspace's path."""
    store.set_me(org.lead.id)
    path = store.path
    store.close()
    return make_app(path), path


def _late_and_fresh(store, org) -> tuple[str, str]:
    """Ani's report of ten days ago, submitted then (its three-working-day window long over),
    and Dedi's of yesterday, submitted today."""
    real_clock = store.clock
    store.clock = lambda: real_clock() - dt.timedelta(days=10)
    late = store.ensure_draft(org.ani.id, TODAY - dt.timedelta(days=10))
    store.add_activity(late.id, description="Menyusun telaah", minutes=200)
    store.submit_report(late.id, org.ani.id)
    store.clock = real_clock
    return late.id, _submit(store, org, org.dedi, 1, [90])


def _seven_activities(store, org) -> str:
    """Dedi's yesterday for team A: seven activities, one linked to a card, with evidence."""
    task = store.create_task(org.team_a.id, "Draf Pergub Cadangan Pangan", actor_id=org.lead.id,
                             assignees=[org.dedi.id])
    report = store.ensure_draft(org.dedi.id, TODAY - dt.timedelta(days=1))
    store.set_work_mode(report.id, "WFA", "Garut")
    for i in range(1, 8):
        store.add_activity(report.id, description=f"Kegiatan nomor {i}", minutes=30 + i, volume=i,
                           volume_unit="dokumen", evidence=f"ND 800/{i}/Huk", team_id=org.team_a.id,
                           task_id=task.id if i == 7 else None)
    store.submit_report(report.id, org.dedi.id)
    return report.id


async def test_the_detail_scrolls_to_the_last_of_seven_activities(store, org):
    _seven_activities(store, org)
    app, _path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        pane = screen.query_one("#review-pane")
        blocks = _blocks(screen)
        assert len(blocks) == 7
        texts = [_plain(b.render()) for b in blocks]
        # every activity with its state (a sign and a word), minutes, volume + unit, evidence
        for i, text in enumerate(texts, 1):
            assert f"{i}/7 ○ menunggu · {30 + i} menit" in text
            assert f"Kegiatan nomor {i}" in text and f"{i} dokumen" in text and f"Bukti: ND 800/{i}/Huk" in text
        assert "Terkait: tugas: Draf Pergub Cadangan Pangan" in texts[6]
        head = _plain(screen.query_one("#review-head").render())
        assert "Lokasi: Garut" in head and "7 kegiatan · 3 jam 58 menit" in head
        assert "Tim Penyusunan Produk Hukum" in head
        # not all fits at 80x24: the pane says how many are below, in words
        assert not pane.region.contains_region(blocks[-1].region)
        assert "▼" in _more(screen) and "lagi" in _more(screen)

        # J from the list, activity by activity, until the last one is on screen
        for _ in range(7):
            await pilot.press("J")
        await pilot.pause()
        assert pane.region.contains_region(blocks[-1].region)
        assert "▼" not in _more(screen) and "▲" in _more(screen)
        # K goes back to the top
        for _ in range(8):
            await pilot.press("K")
        await pilot.pause()
        assert pane.scroll_y == 0

        # the pane can be focused and scrolled with its own keys too
        await pilot.press("tab")
        assert app.focused is pane
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert pane.region.contains_region(blocks[-1].region)
        await pilot.press("home", "j", "j")
        await pilot.pause()
        assert pane.scroll_y == 2


async def test_the_list_shows_team_date_minutes_and_a_late_mark_in_words(store, org):
    _late_and_fresh(store, org)
    fresh = store.report_for(org.dedi.id, TODAY - dt.timedelta(days=1)).id
    due, late = store.review_windows([store.require_report(fresh)])[fresh]
    assert not late
    app, _path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one("#review-list")
        team = "Tim Penyusunan Produk …"  # cut to what 80 columns leave, and said so
        assert [_cells(table, i) for i in range(table.row_count)] == [
            ["[ ]", "17/11", "Ani Lestari", "200", "WFO", team, "! lewat"],
            ["[ ]", "26/11", "Dedi Kurniawan", "90", "WFO", team, f"{due.day:02d}/{due.month:02d}"],
        ]
        title = _plain(app.screen.query_one("#review-title").render())
        assert "1 lewat batas" in title
        # wider: the team's whole name
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert _cells(table, 0)[5] == org.team_a.name
        head = _plain(app.screen.query_one("#review-head").render())
        assert "! lewat batas verifikasi" in head


async def test_approve_asks_once_naming_what_it_covers(store, org):
    report = _submit(store, org, org.dedi, 1, [90, 45])
    app, path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "y")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = _plain(app.screen.query_one("#confirm-question").render())
        assert "Dedi" in question and "26 November 2026" in question
        assert "2 kegiatan · 2 jam 15 menit" in question
        await pilot.press("n")  # no: nothing decided
        await pilot.pause()
        table = app.screen.query_one("#review-list")
        assert table.row_count == 1
        await pilot.press("y", "y")
        await pilot.pause()
        assert table.row_count == 0

    with closing(Store.open(path)) as after:
        assert after.require_report(report).status == ReportStatus.APPROVED
        reviews = after.reviews_of(report)
        assert len(reviews) == 1  # asked once, decided once
        assert [op["op"] for op in after.ops_for_entity(reviews[0].id)] == ["decide"]


async def test_a_return_needs_a_note(store, org):
    report = _submit(store, org, org.dedi, 1, [90])
    app, path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "r")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("space", "enter")  # only a blank: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert _plain(app.screen.query_one("#note-error").render()).strip()
        await pilot.press(*"Lampirkan notula", "enter")
        await pilot.pause()
        assert app.screen.query_one("#review-list").row_count == 0

    with closing(Store.open(path)) as after:
        assert after.require_report(report).status == ReportStatus.RETURNED
        assert after.require_report(report).review_note == "Lampirkan notula"


async def test_a_sixty_report_queue_is_cleared_by_approving_the_marked_rows(store, org):
    reports = [_submit(store, org, who, back, [60 + back]) for who in (org.ani, org.dedi) for back in range(1, 31)]
    app, path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one("#review-list")
        assert table.row_count == 60
        await pilot.press("a")  # nothing marked yet: said, nothing decided
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        for _ in range(60):
            await pilot.press("space")
        await pilot.pause()
        assert all(_cells(table, i)[0] == "[x]" for i in range(60))
        assert "60 dipilih" in _plain(app.screen.query_one("#review-title").render())
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = _plain(app.screen.query_one("#confirm-question").render())
        assert "60 bagian laporan" in question and "2 pegawai · 60 kegiatan" in question
        await pilot.press("y")
        await pilot.pause()
        assert table.row_count == 0
        assert "Tidak ada laporan" in _plain(app.screen.query_one("#review-title").render())

    with closing(Store.open(path)) as after:
        assert {after.require_report(r).status for r in reports} == {ReportStatus.APPROVED}
        assert all(a.verdict == Verdict.APPROVED for r in reports for a in after.activities(r))


async def test_space_unmarks_and_only_the_marked_rows_are_approved(store, org):
    ids = [_submit(store, org, org.dedi, back, [60]) for back in (1, 2, 3)]
    app, path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        # rows are oldest first: mark the first two, then unmark the first
        await pilot.press("4", "space", "space", "up", "up", "space")
        await pilot.pause()
        table = app.screen.query_one("#review-list")
        assert [_cells(table, i)[0] for i in range(3)] == ["[ ]", "[x]", "[ ]"]
        await pilot.press("a", "y")
        await pilot.pause()
        assert table.row_count == 2

    with closing(Store.open(path)) as after:
        assert [after.require_report(r).status for r in ids] == [
            ReportStatus.SUBMITTED, ReportStatus.APPROVED, ReportStatus.SUBMITTED]


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
async def test_a_return_made_on_the_review_screen_is_announced_to_the_member(live, tmp_path):
    """The lead returns Ani's day with a note on the review screen; the lead's workspace syncs;
    Ani's app, started with a server, announces it without a key pressed (the live app)."""
    ani_db, lead_db = tmp_path / "ani.db", tmp_path / "lead.db"
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    with closing(Store.open(ani_db)) as ani:
        report = ani.ensure_draft("emp-ani", TODAY)
        ani.add_activity(report.id, description="Menyusun telaah Raperda", minutes=240)
        ani.submit_report(report.id, "emp-ani")
    assert sync_once(ani_db, server_url=live.url, token=live.tokens["ani"]).ok
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok

    lead_app = make_app(lead_db)
    async with lead_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "r", *"Lampirkan daftar hadir", "enter")
        await pilot.pause()
        assert lead_app.screen.query_one("#review-list").row_count == 0
    assert sync_once(lead_db, server_url=live.url, token=live.tokens["lead"]).ok

    save_credentials(live.url, live.tokens["ani"])
    config = Config(language="id", theme="textual-dark", server_url=live.url, sync_interval_seconds=10)
    app = SkApp(ani_db, language="id", config=config, theme="textual-dark", save_settings=False)
    async with app.run_test(size=SIZE) as pilot:
        deadline = time.monotonic() + 40
        while not any("dikembalikan: Lampirkan daftar hadir" in str(n.message) for n in app._notifications):
            assert time.monotonic() < deadline, "the return was not announced"
            await pilot.pause(0.2)


async def test_a_chosen_report_changed_meanwhile_is_refused_and_said_the_rest_approved(store, org):
    ids = [_submit(store, org, org.dedi, back, [60]) for back in (1, 2)]
    app, path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "space", "space", "a")
        await pilot.pause()
        # meanwhile the oldest one changes (as a pull may bring): its version moves on
        with closing(Store.open(path)) as other:
            other.db.execute("UPDATE reports SET version = version + 1 WHERE id = ?", (ids[1],))
        await pilot.press("y")
        await pilot.pause()
        toasts = [str(n.message) for n in app._notifications]
        assert "1 bagian laporan disetujui." in toasts
        assert any(m.startswith("1 tidak dapat disetujui: ") for m in toasts)
        table = app.screen.query_one("#review-list")
        assert table.row_count == 1 and _cells(table, 0)[0] == "[x]"  # still chosen, to look at again

    with closing(Store.open(path)) as after:
        assert [after.require_report(r).status for r in ids] == [ReportStatus.APPROVED, ReportStatus.SUBMITTED]


async def test_the_review_keys_fit_the_80_column_footer_and_lead_the_help(store, org):
    _submit(store, org, org.dedi, 1, [60])
    app, _path = _as_lead(store, org)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        footer = str(app.screen.query_one("KeyFooter").render())
        assert len(footer) <= 80 and "…" not in footer
        for piece in ("y Setujui", "r Kembalikan", "␣ Pilih", "a Setujui pilihan", "? Bantuan"):
            assert piece in footer
        await pilot.press("f1")
        await pilot.pause()
        keys = [_plain(cell) for cell in app.screen.table.columns[0]._cells]
        assert keys[:7] == ["▸", "y", "r", "␣", "a", "J", "K"]  # this screen's keys first, as typed


def test_a_report_marked_late_on_the_review_screen_is_the_one_counted_late(store, org):
    """The list's late mark and the lead's count of late verifications (the negative activity)
    read one rule: the same report is late in both, a fresh one in neither."""
    late, fresh = _late_and_fresh(store, org)
    windows = store.review_windows([store.require_report(late), store.require_report(fresh)])
    assert [windows[late][1], windows[fresh][1]] == [True, False]
    assert store.overdue_reviews(org.lead.id, TODAY.replace(day=1), TODAY) == 1
