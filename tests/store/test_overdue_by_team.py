"""The JPT's view counts late verifications for every team in one pass: the same figures as
each lead's own count (``overdue_reviews``), team by team."""

from __future__ import annotations

import datetime as dt

from sk_tui.domain import kinerja


def test_many_teams_at_once_match_each_leads_own_count(store, org):
    # Dedi files for both teams on four November days, Ani for team A; all submitted on the
    # work date at 15:00 local, so every window ends inside November, before the 27th
    days = [dt.date(2026, 11, d) for d in (2, 4, 10, 12)]
    for day in days:
        for who, teams in ((org.dedi, (org.team_a, org.team_b)), (org.ani, (org.team_a,))):
            report = store.ensure_draft(who.id, day)
            for team in teams:
                store.add_activity(report.id, description=f"Kerja {team.name}", minutes=60, team_id=team.id)
            store.submit_report(report.id, who.id)
    store.db.execute("UPDATE reports SET submitted_at = work_date || 'T15:00:00+07:00'")
    # team A's lead decides the 2nd at once, the 4th late; team B's lead decides nothing
    for day, late in ((days[0], False), (days[1], True)):
        for report in [store.report_for(org.dedi.id, day), store.report_for(org.ani.id, day)]:
            store.review_report(report.id, org.lead.id, "approve", team_id=org.team_a.id)
            decided = day + dt.timedelta(days=10 if late else 0)
            store.db.execute("UPDATE activities SET reviewed_at = ? WHERE report_id = ? AND team_id = ?",
                             (f"{decided}T16:00:00+07:00", report.id, org.team_a.id))
    first, last = kinerja.month_bounds("2026-11")
    together = store.overdue_by_team({org.team_a.id: org.lead.id, org.team_b.id: org.lead2.id}, first, last)
    each = {org.team_a.id: store.overdue_reviews(org.lead.id, first, last),
            org.team_b.id: store.overdue_reviews(org.lead2.id, first, last)}
    assert together == each
    # team A: Dedi's and Ani's parts of the 4th (late), 10th and 12th (undecided); team B: Dedi's four
    assert each == {org.team_a.id: 6, org.team_b.id: 4}
