"""The review screen offers a lead only their team's part of a member's day (Textual Pilot).

Dedi (team-a and team-b) files yesterday with one activity for each team. Lead B opens the
review screen: one row, 45 minutes, and the detail lists only team-b's activity; approving it
leaves team-a's activity pending for lead A.
"""

from __future__ import annotations

import datetime as dt

from sk_tui.domain.models import ReportStatus, Verdict
from sk_tui.store import Store
from tests.helpers.app import make_app
from tests.helpers.clock import TODAY


def _plain(visual) -> str:
    return getattr(visual, "plain", str(visual))


async def test_a_lead_sees_and_approves_only_their_teams_activities(store, org):
    day = TODAY - dt.timedelta(days=1)
    report = store.ensure_draft(org.dedi.id, day)
    a = store.add_activity(report.id, description="Menyusun telaah Pergub", minutes=120, team_id=org.team_a.id)
    b = store.add_activity(report.id, description="Pendampingan perkara", minutes=45, volume=2,
                           volume_unit="berkas", evidence="SKK 12/2026", team_id=org.team_b.id)
    store.submit_report(report.id, org.dedi.id)
    store.set_me(org.lead2.id)
    path = store.path
    store.close()

    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one("#review-list")
        assert table.row_count == 1
        row = [getattr(cell, "plain", str(cell)) for cell in table.get_row_at(0)]
        assert row[3] == "45" and row[5] == org.team_b.name
        blocks = [_plain(b.render()) for b in app.screen.query(".review-activity") if b.display]
        assert len(blocks) == 1
        assert "Pendampingan perkara\n2 berkas\nBukti: SKK 12/2026" in blocks[0]
        assert "Menyusun telaah" not in blocks[0]  # team-a's activity is lead A's to see
        await pilot.press("y", "y")  # approve, and yes to the one question
        await pilot.pause()
        assert table.row_count == 0

    after = Store.open(path)
    try:
        assert after.activity(b.id).verdict == Verdict.APPROVED
        assert after.activity(a.id).verdict == Verdict.PENDING
        assert after.require_report(report.id).status == ReportStatus.SUBMITTED
        assert [r.id for r in after.reports_to_review(org.lead.id)] == [report.id]
    finally:
        after.close()


async def test_the_member_sees_which_part_came_back_and_each_leads_note(store, org):
    """Lead A approves team A's activity, lead B returns team B's with a note: Dedi's day shows
    which activity came back (a sign, not colour alone) and lead B's note named by team."""
    day = TODAY - dt.timedelta(days=1)
    report = store.ensure_draft(org.dedi.id, day)
    store.add_activity(report.id, description="Menyusun telaah Pergub", minutes=120, team_id=org.team_a.id)
    store.add_activity(report.id, description="Pendampingan perkara", minutes=45, team_id=org.team_b.id)
    store.submit_report(report.id, org.dedi.id)
    store.review_report(report.id, org.lead.id, "approve", team_id=org.team_a.id)
    store.review_report(report.id, org.lead2.id, "return", note="Lampirkan SKK", team_id=org.team_b.id)
    assert store.require_report(report.id).status == ReportStatus.RETURNED
    store.set_me(org.dedi.id)
    path = store.path
    store.close()

    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "p")  # yesterday
        await pilot.pause()
        table = app.screen.query_one("#activities")
        rows = {_plain(table.get_row_at(i)[1]): _plain(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert rows == {"Menyusun telaah Pergub": "1✓", "Pendampingan perkara": "2↩"}
        note = _plain(app.screen.query_one("#report-note").render())
        assert note == f"↩ Dikembalikan oleh {org.team_b.name}: Lampirkan SKK"
