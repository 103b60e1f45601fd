"""The monthly recap from store data follows DOMAIN.md's formula; indicator progress."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from sk_tui.domain import kinerja
from sk_tui.domain.models import Absence, NegativeEvent
from sk_tui.store import Store


def approved_report(store, org, day, minutes, *, submitted_at=None, indicator=None, volume=1.0,
                    unit="dokumen"):
    report = store.ensure_draft(org.ani.id, day)
    for m in minutes:
        store.add_activity(report.id, description="Menyusun rancangan", minutes=m,
                           indicator_id=indicator, volume=volume, volume_unit=unit)
    store.submit_report(report.id, org.ani.id)
    # submitted on the afternoon of the work day unless told otherwise
    submitted_at = submitted_at or f"{day.isoformat()}T15:00:00+07:00"
    store.db.execute("UPDATE reports SET submitted_at = ?, first_submitted_at = ? WHERE id = ?",
                     (submitted_at, submitted_at, report.id))
    store.review_report(report.id, org.lead.id, "approve")
    return report


def test_recap_from_store_matches_the_worked_example(store, org):
    # 20 approved days (2-27 Nov) of 315 minutes = 6300, one unexcused absence, two negative events.
    days = kinerja.working_days(dt.date(2026, 11, 2), dt.date(2026, 11, 27))
    assert len(days) == 20
    with store.transaction():
        for day in days:
            approved_report(store, org, day, [200, 115])
    store.save_models([
        Absence(employee_id=org.ani.id, day=dt.date(2026, 11, 10)),
        Absence(employee_id=org.ani.id, day=dt.date(2026, 11, 11), excused=True, reason="sakit"),
        NegativeEvent(employee_id=org.ani.id, day=dt.date(2026, 11, 12), reason="apel"),
        NegativeEvent(employee_id=org.ani.id, day=dt.date(2026, 11, 13), reason="apel"),
        NegativeEvent(employee_id=org.ani.id, day=dt.date(2026, 10, 30), reason="bulan lain"),
    ])
    store.policy = store.policy.model_copy(update={"job_class_ceiling": {8: 10_000_000}})
    r = store.recap(org.ani.id, "2026-11")
    assert (r.approved, r.target, r.absent_days, r.negative_activities) == (6300, 6750, 1, 2)
    assert r.effective == 6000
    assert (r.base, r.achievement, r.allowance) == (Decimal("0.8889"), Decimal("0.8289"), 8_288_889)


def test_only_approved_minutes_of_the_month_count(store, org):
    approved_report(store, org, dt.date(2026, 11, 2), [120])
    approved_report(store, org, dt.date(2026, 10, 30), [400])  # another month
    submitted = store.ensure_draft(org.ani.id, dt.date(2026, 11, 3))
    store.add_activity(submitted.id, description="x", minutes=240)
    store.submit_report(submitted.id, org.ani.id)  # not yet approved
    store.add_activity(store.ensure_draft(org.ani.id, dt.date(2026, 11, 4)).id, description="y", minutes=60)
    r = store.recap(org.ani, "2026-11")
    assert r.approved == 120
    assert store.minutes_by_status(org.ani.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == {
        "draft": 60, "submitted": 240, "approved": 120, "returned": 0}


def test_late_reports_are_kept_and_shown_but_count_zero(store, org):
    approved_report(store, org, dt.date(2026, 11, 2), [300], submitted_at="2026-11-05T15:00:00+07:00")  # 3 days
    approved_report(store, org, dt.date(2026, 11, 3), [200], submitted_at="2026-11-07T09:00:00+07:00")  # 4 days
    r = store.recap(org.ani.id, "2026-11")
    assert r.approved == 300 and r.late_reports == 1 and r.late_minutes == 200
    late = store.report_for(org.ani.id, dt.date(2026, 11, 3))
    assert store.is_report_late(late)


def test_recap_target_is_prorated_for_a_post_started_mid_month(store, org):
    store.save_models([org.ani.model_copy(update={"post_start": dt.date(2026, 11, 16)})])
    assert store.recap(org.ani.id, "2026-11").target == Fraction(24750, 7)  # 11 of 21 days, exact


def test_recap_by_nip(store, org):
    assert store.recap(org.ani.nip, "2026-11").ceiling == store.policy.ceiling_for(8)


def test_an_overdue_review_is_a_negative_activity_of_the_lead(tmp_path, org, store):
    # Ani's report submitted on Mon 2 Nov; the lead had until Thu 5 Nov; nobody decided.
    report = store.ensure_draft(org.ani.id, dt.date(2026, 11, 2))
    store.add_activity(report.id, description="x", minutes=60)
    store.submit_report(report.id, org.ani.id)
    store.db.execute("UPDATE reports SET submitted_at = '2026-11-02T15:00:00+07:00' WHERE id = ?", (report.id,))
    assert store.overdue_reviews(org.lead.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == 1
    assert store.negative_activities(org.lead.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == 1
    assert store.overdue_reviews(org.ani.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == 0


def test_a_review_decided_in_time_is_not_overdue(store, org):
    report = store.ensure_draft(org.ani.id, dt.date(2026, 11, 2))
    store.add_activity(report.id, description="x", minutes=60)
    store.submit_report(report.id, org.ani.id)
    store.review_report(report.id, org.lead.id, "approve")
    store.db.execute("UPDATE reports SET submitted_at = '2026-11-02T15:00:00+07:00' WHERE id = ?", (report.id,))
    # the decision time of a team's part lives on its activities (verification per team)
    store.db.execute("UPDATE activities SET reviewed_at = '2026-11-05T15:00:00+07:00' WHERE report_id = ?",
                     (report.id,))
    assert store.overdue_reviews(org.lead.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == 0


def test_review_deadlines_use_local_dates_even_when_the_device_clock_is_utc(tmp_path, org, store):
    # Submitted Tue 3 Nov 06:00 Jakarta (= Mon 2 Nov 23:00 UTC): due 3 working days later, Fri 6 Nov.
    # Decided Fri 6 Nov 10:00 Jakarta (= 03:00 UTC): on time. Read as UTC dates the due day would be
    # Thu 5 Nov and the lead would be charged a negative activity for nothing.
    report = store.ensure_draft(org.ani.id, dt.date(2026, 11, 2))
    store.add_activity(report.id, description="x", minutes=60)
    store.submit_report(report.id, org.ani.id)
    store.review_report(report.id, org.lead.id, "approve")
    store.db.execute("UPDATE reports SET submitted_at = '2026-11-02T23:00:00+00:00' WHERE id = ?", (report.id,))
    store.db.execute("UPDATE activities SET reviewed_at = '2026-11-06T03:00:00+00:00' WHERE report_id = ?",
                     (report.id,))
    assert store.overdue_reviews(org.lead.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == 0
    # Decided Sat 7 Nov 06:00 Jakarta (Fri 6 Nov 23:00 UTC): after the due day, overdue.
    store.db.execute("UPDATE activities SET reviewed_at = '2026-11-06T23:00:00+00:00' WHERE report_id = ?",
                     (report.id,))
    assert store.overdue_reviews(org.lead.id, dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == 1


def test_a_store_on_a_utc_clock_judges_lateness_by_the_local_date(tmp_path, org, store):
    utc_store = Store.open(store.path, clock=lambda: dt.datetime(2026, 11, 23, 22, 0, tzinfo=dt.UTC))
    try:
        report = utc_store.ensure_draft(org.ani.id, dt.date(2026, 11, 20))
        utc_store.add_activity(report.id, description="x", minutes=60)
        submitted = utc_store.submit_report(report.id, org.ani.id)
        # 24 November 05:00 in Jakarta: four days after the work date
        assert utc_store.is_report_late(submitted)
    finally:
        utc_store.close()


def test_indicator_progress_sums_volumes_by_status(store, org):
    approved_report(store, org, dt.date(2026, 11, 2), [60], indicator=org.indicator.id, volume=2)
    pending = store.ensure_draft(org.ani.id, dt.date(2026, 11, 3))
    store.add_activity(pending.id, description="x", minutes=30, indicator_id=org.indicator.id, volume=1,
                       volume_unit="Dokumen")
    # A meeting toward the same indicator, counted in another unit: minutes, not output.
    store.add_activity(pending.id, description="rapat", minutes=45, indicator_id=org.indicator.id, volume=3,
                       volume_unit="kegiatan")
    store.submit_report(pending.id, org.ani.id)
    draft = store.ensure_draft(org.ani.id, dt.date(2026, 11, 4))
    store.add_activity(draft.id, description="x", minutes=15, indicator_id=org.indicator.id, volume=5,
                       volume_unit="dokumen")
    progress = store.indicator_progress([org.indicator.id], dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    entry = progress[org.indicator.id]
    assert entry["approved"] == 2 and entry["reported"] == 3
    assert entry["minutes"] == 60 + 30 + 45 + 15
    assert store.indicator_progress([org.indicator.id], dt.date(2026, 11, 1), dt.date(2026, 11, 30),
                                    employee_ids=[org.dedi.id])[org.indicator.id]["reported"] == 0
    assert store.indicator_progress([], dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == {}


def test_team_recap_lists_every_member(store, org):
    names = [e.name for e, _ in store.team_recap(org.team_a.id, "2026-11")]
    assert names[0] == org.lead.name and set(names) == {org.lead.name, org.ani.name, org.dedi.name}
