"""A member on two teams, two leads, one day: end to end through a real server (SQLite and
PostgreSQL) and real workspaces.

Dedi sits on team-a (lead: Rina) and team-b (lead: lead2). He files Thu 26 Nov with 120
minutes for team-a and 60 for team-b. Lead A approves A's part; lead B returns B's; Dedi fixes
B's activity (60 -> 90 minutes) and resubmits it alone; B approves. Approved minutes: 120 after
A's decision, 210 at the end, when the day is approved.
"""

from __future__ import annotations

import datetime as dt

from sk_tui.domain.models import ReportStatus, Verdict
from sk_tui.store import Store
from sk_tui.sync import protocol as p
from sk_tui.sync.client import sync_once
from tests.helpers.clock import TODAY

DAY = TODAY - dt.timedelta(days=1)


def synced(path, live, who):
    result = sync_once(path, server_url=live.url, token=live.tokens[who])
    assert result.ok, result
    return result


def test_two_leads_decide_their_own_part_of_one_day(tmp_path, live):
    org = live.org
    paths = {who: tmp_path / f"{who}.db" for who in ("dedi", "lead", "lead2")}
    for who, path in paths.items():
        synced(path, live, who)

    dedi = Store.open(paths["dedi"])
    try:
        report = dedi.ensure_draft(org.dedi.id, DAY)
        a = dedi.add_activity(report.id, description="Menyusun telaah Pergub", minutes=120, team_id=org.team_a.id)
        b = dedi.add_activity(report.id, description="Pendampingan perkara", minutes=60, team_id=org.team_b.id)
        dedi.submit_report(report.id, org.dedi.id)
    finally:
        dedi.close()
    synced(paths["dedi"], live, "dedi")

    # each lead pulls the report and is offered only their team's activities
    for who, mine in (("lead", a.id), ("lead2", b.id)):
        synced(paths[who], live, who)
        store = Store.open(paths[who])
        try:
            lead_id = getattr(org, who).id
            assert [r.id for r in store.reports_to_review(lead_id)] == [report.id]
            assert [x.id for x in store.activities_to_review(report.id, lead_id)] == [mine]
        finally:
            store.close()

    store = Store.open(paths["lead"])
    try:
        store.review_report(report.id, org.lead.id, "approve")  # team-a's part
    finally:
        store.close()
    synced(paths["lead"], live, "lead")

    synced(paths["lead2"], live, "lead2")
    store = Store.open(paths["lead2"])
    try:
        seen = store.require_report(report.id)
        assert (seen.status, seen.approved_minutes) == (ReportStatus.SUBMITTED, 120)
        store.review_report(report.id, org.lead2.id, "return", "Lampirkan surat kuasa")
    finally:
        store.close()
    synced(paths["lead2"], live, "lead2")

    synced(paths["dedi"], live, "dedi")
    dedi = Store.open(paths["dedi"])
    try:
        day = dedi.require_report(report.id)
        assert (day.status, day.approved_minutes, day.review_note) == (ReportStatus.RETURNED, 120,
                                                                       "Lampirkan surat kuasa")
        assert dedi.activity(a.id).verdict == Verdict.APPROVED
        assert dedi.activity(b.id).verdict == Verdict.RETURNED
        first = day.first_submitted_at
        dedi.update_activity(b.id, minutes=90, evidence="SKK 12/2026")
        dedi.submit_report(report.id, org.dedi.id)
    finally:
        dedi.close()
    synced(paths["dedi"], live, "dedi")

    synced(paths["lead"], live, "lead")
    store = Store.open(paths["lead"])
    try:
        assert store.reports_to_review(org.lead.id) == []  # A's approval stood through the resubmission
    finally:
        store.close()
    synced(paths["lead2"], live, "lead2")
    store = Store.open(paths["lead2"])
    try:
        assert [x.minutes for x in store.activities_to_review(report.id, org.lead2.id)] == [90]
        store.review_report(report.id, org.lead2.id, "approve")
    finally:
        store.close()
    synced(paths["lead2"], live, "lead2")

    synced(paths["dedi"], live, "dedi")
    dedi = Store.open(paths["dedi"])
    try:
        day = dedi.require_report(report.id)
        assert (day.status, day.approved_minutes, day.total_minutes) == (ReportStatus.APPROVED, 210, 210)
        assert day.first_submitted_at == first and day.received_at is not None
        assert not dedi.is_report_late(day)
        assert dedi.recap(org.dedi.id, DAY.strftime("%Y-%m")).approved == 210
        assert {r.team_id for r in dedi.reviews_of(report.id)} == {org.team_a.id, org.team_b.id}
    finally:
        dedi.close()


def test_a_client_told_to_update_says_so_in_the_servers_words(tmp_path, live, monkeypatch):
    # this client speaks the retired v1 paths: the server answers 426 and the client shows its message
    monkeypatch.setattr(p, "API_PREFIX", "/v1")
    result = sync_once(tmp_path / "old.db", server_url=live.url, token=live.tokens["ani"], max_attempts=1)
    assert result.error == "update_required"
    assert "perbarui aplikasi" in result.detail and "update the app" in result.detail
