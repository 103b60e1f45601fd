"""Issue 10 point 6: the targets screen explains every number: `r` opens my month's steps, and a
lead's Enter on a member's row opens that member's (the same lines `sk-tui recap` prints)."""

from __future__ import annotations

import datetime as dt
import os

from sk_tui.domain.models import Absence, NegativeEvent
from sk_tui.store import Store
from tests.helpers.app import make_app


def _inputs(path, org) -> None:
    store = Store.open(path)
    try:
        store.save_models([
            *[Absence(employee_id=org.ani.id, day=dt.date(2026, 11, d), status="cuti", excused=True) for d in (9, 10)],
            Absence(employee_id=org.ani.id, day=dt.date(2026, 11, 3), status="tanpa_keterangan"),
            NegativeEvent(employee_id=org.ani.id, day=dt.date(2026, 11, 5), kind="hukuman_disiplin",
                          reference="[b]800/HD-01[/b]", reason="hukuman disiplin"),
        ])
    finally:
        store.close()


def _text(app) -> str:
    """The explanation as the terminal shows it."""
    from rich.console import Console

    console = Console(width=100, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(app.screen.table)
    return console.export_text()


async def test_r_opens_my_months_steps_and_closes_again(workspace):
    path, org, _ids = workspace
    _inputs(path, org)
    app = make_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "kebijakan lokal" in app.screen.query_one("#targets-view").month_line
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExplainScreen"
        shown = _text(app)
        for label in ("Menit disetujui", "Hari tanpa keterangan", "Hari cuti/sakit", "Target menit", "Capaian dasar",
                      "Kegiatan negatif", "Kelas jabatan dan pagu", "Tunjangan", "Status bulan"):
            assert label in shown, label
        assert "[b]800/HD-01[/b]" in shown  # a decision's number is text, never markup
        assert "2 hari, target" in shown and "1 hari × 300" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "TargetsScreen"


async def test_a_lead_opens_a_members_explanation_from_the_team_table(workspace):
    path, org, _ids = workspace
    _inputs(path, org)
    store = Store.open(path)
    store.set_me(org.lead.id)
    store.close()
    app = make_app(path, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "m")
        await pilot.pause()
        table = app.screen.query_one("#members")
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["Employee", "Approved", "Target", "Effective", "Negative", "Achiev.", "Class", "Allowance"]
        row = [str(k.value) for k in table.rows].index(org.ani.id)
        table.focus()
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExplainScreen"
        shown = _text(app)
        assert "Ani Lestari" in str(app.screen.query_one(".dialog-title").render())
        assert "Leave/sick days (lower the target)" in shown and "2 days, target" in shown


async def test_a_closed_month_shows_its_official_figure(workspace):
    path, org, _ids = workspace
    store = Store.open(path)
    try:  # as a pull brings it after HR's `server close-month`
        store.apply_pulled_page([{"seq": 1, "entity": "month_close", "entity_id": "close-ani-2026-11", "data": {
            "id": "close-ani-2026-11", "employee_id": org.ani.id, "month": "2026-11", "policy_version": 4,
            "hash": "ab" * 32, "figures": {"allowance": 1_234_567, "policy_version": 4}, "closed_at": "2026-12-01"}}], 1)
    finally:
        store.close()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "Bulan ditutup · angka resmi Rp 1.234.567 · kebijakan v4" in (
            app.screen.query_one("#targets-view").month_line)
        await pilot.press("r")
        await pilot.pause()
        shown = _text(app)
        assert "Angka resmi (bulan ditutup)" in shown and "Rp 1.234.567" in shown and "ditutup (angka resmi)" in shown
