"""Verification per team in the local store (DOMAIN.md "Verification in Teams of Teams").

Dedi sits on team-a (lead: Rina, ``org.lead``) and team-b (lead: ``org.lead2``). He files one
day, Wed 25 Nov 2026, with 120 minutes for team-a and 60 for team-b. Hand-worked figures:
after lead A approves, the day's approved minutes are 120; after lead B's return and Dedi's
fix (60 -> 90 minutes) and B's approval, 120 + 90 = 210, and the day is approved.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import ReportStatus, Verdict
from sk_tui.store import Store, schema

DAY = dt.date(2026, 11, 25)


def two_team_day(store, org):
    report = store.ensure_draft(org.dedi.id, DAY)
    a = store.add_activity(report.id, description="Menyusun telaah Pergub", minutes=120, team_id=org.team_a.id)
    b = store.add_activity(report.id, description="Pendampingan perkara", minutes=60, team_id=org.team_b.id)
    store.submit_report(report.id, org.dedi.id)
    return report, a, b


def test_each_lead_sees_and_decides_only_their_teams_activities(store, org):
    report, a, b = two_team_day(store, org)
    assert [r.id for r in store.reports_to_review(org.lead.id)] == [report.id]
    assert [x.id for x in store.activities_to_review(report.id, org.lead.id)] == [a.id]
    assert [x.id for x in store.activities_to_review(report.id, org.lead2.id)] == [b.id]

    store.review_report(report.id, org.lead.id, "approve")  # team-a's part: the lead's only team here
    assert {x.id: x.verdict for x in store.activities(report.id)} == {a.id: Verdict.APPROVED, b.id: Verdict.PENDING}
    day = store.require_report(report.id)
    assert (day.status, day.approved_minutes) == (ReportStatus.SUBMITTED, 120)
    assert store.reports_to_review(org.lead.id) == []  # nothing of team-a waits any more
    assert [r.id for r in store.reports_to_review(org.lead2.id)] == [report.id]
    # lead A cannot decide team-b's part
    with pytest.raises(DomainError) as caught:
        store.review_report(report.id, org.lead.id, "approve", team_id=org.team_b.id)
    assert caught.value.code == "not_reviewer"

    review = store.review_report(report.id, org.lead2.id, "return", "Lampirkan surat kuasa")
    assert review.team_id == org.team_b.id
    day = store.require_report(report.id)
    assert (day.status, day.approved_minutes, day.review_note) == (ReportStatus.RETURNED, 120, "Lampirkan surat kuasa")
    assert store.recap(org.dedi.id, "2026-11").approved == 120  # A's approved minutes count already

    # the approved activity stands: no change, no removal; the returned one is fixed alone
    for attempt in (lambda: store.update_activity(a.id, minutes=100), lambda: store.delete_activity(a.id)):
        with pytest.raises(DomainError) as caught:
            attempt()
        assert caught.value.code == "activity_approved"
    store.update_activity(b.id, minutes=90, evidence="SKK 12/2026")
    again = store.submit_report(report.id, org.dedi.id)
    assert again.status == ReportStatus.SUBMITTED
    assert {x.id: x.verdict for x in store.activities(report.id)} == {a.id: Verdict.APPROVED, b.id: Verdict.PENDING}
    assert store.reports_to_review(org.lead.id) == []
    payload = json.loads(store.db.execute(
        "SELECT payload FROM outbox WHERE op = 'submit' ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert [x["verdict"] for x in payload["activities"]] == ["approved", "pending"]

    store.review_report(report.id, org.lead2.id, "approve")
    day = store.require_report(report.id)
    assert (day.status, day.approved_minutes, day.total_minutes) == (ReportStatus.APPROVED, 210, 210)
    assert store.recap(org.dedi.id, "2026-11").approved == 210


def test_a_returned_part_does_not_block_the_other_team(store, org):
    # B returns first; A may still decide its pending part of the (returned) report
    report, a, _b = two_team_day(store, org)
    store.review_report(report.id, org.lead2.id, "return", "Lengkapi")
    assert [r.id for r in store.reports_to_review(org.lead.id)] == [report.id]
    store.review_report(report.id, org.lead.id, "approve")
    assert store.activity(a.id).verdict == Verdict.APPROVED
    assert store.require_report(report.id).status == ReportStatus.RETURNED


def test_the_activity_team_defaults_to_the_link_then_the_default_team(store, org):
    report = store.ensure_draft(org.dedi.id, DAY)
    assert report.team_id == store.default_team_id(org.dedi.id)
    plain = store.add_activity(report.id, description="Rapat", minutes=30)
    assert plain.team_id == report.team_id
    task = store.create_task(team_id=org.team_b.id, title="Perkara 7", actor_id=org.dedi.id)
    linked = store.add_activity(report.id, description="Perkara", minutes=30, task_id=task.id)
    assert linked.team_id == org.team_b.id
    # a chosen team must be one of the member's own
    with pytest.raises(DomainError) as caught:
        store.add_activity(report.id, description="x", minutes=10, team_id="team-x")
    assert caught.value.code == "not_team_member"
    moved = store.update_activity(plain.id, team_id=org.team_b.id)
    assert moved.team_id == org.team_b.id


def test_lateness_counts_from_the_first_submission(tmp_path, store, org):
    # first submitted on the work date; returned; resubmitted 6 days later: still on time
    report, _a, b = two_team_day(store, org)
    store.db.execute("UPDATE reports SET submitted_at = ?, first_submitted_at = ? WHERE id = ?",
                     ("2026-11-25T15:00:00+07:00", "2026-11-25T15:00:00+07:00", report.id))
    store.review_report(report.id, org.lead.id, "approve")
    store.review_report(report.id, org.lead2.id, "return", "Lengkapi")
    store.update_activity(b.id, minutes=90)
    later = Store.open(store.path, clock=lambda: dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC))
    try:
        again = later.submit_report(report.id, org.dedi.id)
    finally:
        later.close()
    assert again.first_submitted_at == dt.datetime.fromisoformat("2026-11-25T15:00:00+07:00")
    assert again.submitted_at > again.first_submitted_at
    assert not store.is_report_late(again)
    store.review_report(report.id, org.lead2.id, "approve")
    recap = store.recap(org.dedi.id, "2026-11")
    assert (recap.approved, recap.late_reports) == (210, 0)


def test_an_undecided_part_past_the_window_is_one_negative_activity_per_team(store, org):
    # submitted Mon 2 Nov; due Thu 5 Nov; A decided Wed 4 Nov, B never: only lead B owes one
    day = dt.date(2026, 11, 2)
    report = store.ensure_draft(org.dedi.id, day)
    store.add_activity(report.id, description="a1", minutes=60, team_id=org.team_a.id)
    store.add_activity(report.id, description="a2", minutes=30, team_id=org.team_a.id)
    store.add_activity(report.id, description="b1", minutes=60, team_id=org.team_b.id)
    store.submit_report(report.id, org.dedi.id)
    store.review_report(report.id, org.lead.id, "approve")
    store.db.execute("UPDATE reports SET submitted_at = '2026-11-02T15:00:00+07:00' WHERE id = ?", (report.id,))
    store.db.execute("UPDATE activities SET reviewed_at = '2026-11-04T10:00:00+07:00' WHERE report_id = ? "
                     "AND team_id = ?", (report.id, org.team_a.id))
    month = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert store.overdue_reviews(org.lead.id, *month) == 0
    assert store.overdue_reviews(org.lead2.id, *month) == 1  # one member-day-team, not one per activity


def test_migration_4_gives_old_activities_their_reports_team_and_decision(tmp_path):
    path = tmp_path / "v3.db"
    db = schema.connect(path)
    schema.migrate(db, target=3)
    db.execute("""INSERT INTO reports (id, employee_id, work_date, work_mode, status, team_id, version,
                  submitted_at, total_minutes, review_note, reviewed_by, reviewed_at)
                  VALUES ('r1', 'e1', '2026-11-02', 'WFO', 'approved', 't1', 2, '2026-11-02T15:00:00+07:00', 90,
                          '', 'lead', '2026-11-03T09:00:00+07:00'),
                         ('r2', 'e1', '2026-11-03', 'WFO', 'returned', 't1', 2, '2026-11-03T15:00:00+07:00', 45,
                          'Lengkapi', 'lead', '2026-11-04T09:00:00+07:00')""")
    db.execute("""INSERT INTO activities (id, report_id, description, minutes, volume, volume_unit, position)
                  VALUES ('a1', 'r1', 'x', 60, 1, 'kegiatan', 0), ('a2', 'r1', 'y', 30, 1, 'kegiatan', 1),
                         ('a3', 'r2', 'z', 45, 1, 'kegiatan', 0)""")
    db.execute("""INSERT INTO reviews (id, report_id, reviewer_id, decision, note, report_version, decided_at)
                  VALUES ('v1', 'r1', 'lead', 'approve', '', 1, '2026-11-03T09:00:00+07:00')""")
    assert schema.migrate(db) == schema.SCHEMA_VERSION
    rows = {r[0]: r[1:] for r in db.execute(
        "SELECT id, team_id, verdict, review_note, reviewed_by FROM activities ORDER BY id")}
    assert rows == {"a1": ("t1", "approved", "", "lead"), "a2": ("t1", "approved", "", "lead"),
                    "a3": ("t1", "returned", "Lengkapi", "lead")}
    reports = {r[0]: r[1:] for r in db.execute("SELECT id, approved_minutes, first_submitted_at FROM reports")}
    assert reports == {"r1": (90, "2026-11-02T15:00:00+07:00"), "r2": (0, "2026-11-03T15:00:00+07:00")}
    assert db.execute("SELECT team_id FROM reviews").fetchall() == [("t1",)]
    db.conn.close()


def test_a_decision_covers_only_the_teams_pending_activities(store, org):
    # A approved 120; B returned; Dedi adds another team-a activity while fixing: A's new
    # decision (a return) touches only the new one, the approved 120 minutes stand
    report, a, b = two_team_day(store, org)
    store.review_report(report.id, org.lead.id, "approve")
    store.review_report(report.id, org.lead2.id, "return", "Lengkapi")
    extra = store.add_activity(report.id, description="Rapat", minutes=30, team_id=org.team_a.id)
    store.submit_report(report.id, org.dedi.id)
    store.review_report(report.id, org.lead.id, "return", "Rapat apa?")
    verdicts = {x.id: x.verdict for x in store.activities(report.id)}
    assert verdicts == {a.id: Verdict.APPROVED, b.id: Verdict.PENDING, extra.id: Verdict.RETURNED}
    assert store.require_report(report.id).approved_minutes == 120
