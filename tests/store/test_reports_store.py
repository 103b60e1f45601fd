"""Daily reports in the local store: drafts, activities, submit and review with their outbox rows."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import ReportStatus, Task
from sk_tui.store import outbox
from tests.helpers.clock import TODAY as DAY


def outbox_rows(store):
    return store.rows("SELECT * FROM outbox ORDER BY seq")


def draft_with(store, employee_id, day=DAY, minutes=(120,)):
    report = store.ensure_draft(employee_id, day)
    for i, m in enumerate(minutes):
        store.add_activity(report.id, description=f"Kegiatan {i}", minutes=m)
    return store.require_report(report.id)


# --- drafts ------------------------------------------------------------------------------

def test_ensure_draft_creates_one_draft_a_day_and_reuses_it(store, org):
    first = store.ensure_draft(org.ani.id, DAY)
    again = store.ensure_draft(org.ani.id, DAY)
    assert first.id == again.id
    assert first.status == ReportStatus.DRAFT and first.version == 0
    assert first.team_id == org.team_a.id  # reviewed by the lead of her team
    assert store.scalar("SELECT COUNT(*) FROM reports") == 1
    assert outbox_rows(store) == []  # drafts stay local


def test_a_draft_for_tomorrow_is_refused(store, org):
    with pytest.raises(DomainError) as caught:
        store.ensure_draft(org.ani.id, DAY + dt.timedelta(days=1))
    assert caught.value.code == "date_future"
    assert store.scalar("SELECT COUNT(*) FROM reports") == 0


def test_a_member_of_two_teams_is_reviewed_by_the_team_where_they_are_a_member(store, org):
    report = store.ensure_draft(org.dedi.id, DAY)
    assert report.team_id == org.team_a.id


# --- activities --------------------------------------------------------------------------

def test_adding_activities_keeps_the_day_total(store, org):
    report = store.ensure_draft(org.ani.id, DAY)
    a = store.add_activity(report.id, description="  Menyusun telaah  ", minutes=90, evidence=" ND-1 ")
    b = store.add_activity(report.id, description="Rapat", minutes=60, indicator_id=org.indicator.id)
    assert store.require_report(report.id).total_minutes == 150
    assert [x.id for x in store.activities(report.id)] == [a.id, b.id]
    assert a.description == "Menyusun telaah" and a.evidence == "ND-1"
    assert (a.position, b.position) == (0, 1)


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"minutes": 0}, "minutes_range"),
        ({"minutes": -5}, "minutes_range"),
        ({"minutes": 1441}, "minutes_range"),
        ({"description": "   "}, "description_empty"),
        ({"volume": -1}, "volume_invalid"),
        ({"task_id": "no-such-task"}, "task_unknown"),
        ({"indicator_id": "no-such-iki"}, "indicator_unknown"),
    ],
)
def test_bad_activities_are_refused_and_nothing_changes(store, org, kwargs, code):
    report = draft_with(store, org.ani.id, minutes=(100,))
    with pytest.raises(DomainError) as caught:
        store.add_activity(report.id, **{"description": "x", "minutes": 30, **kwargs})
    assert caught.value.code == code
    assert len(store.activities(report.id)) == 1
    assert store.require_report(report.id).total_minutes == 100


def test_the_day_may_hold_24_hours_but_not_a_minute_more(store, org):
    report = draft_with(store, org.ani.id, minutes=(720, 700))
    store.add_activity(report.id, description="lembur", minutes=20)  # exactly 1440
    with pytest.raises(DomainError) as caught:
        store.add_activity(report.id, description="satu menit lagi", minutes=1)
    assert caught.value.code == "day_total_exceeded"
    assert store.require_report(report.id).total_minutes == 1440
    assert len(store.activities(report.id)) == 3


def test_an_activity_may_link_a_task(store, org):
    task = store.create_task(org.team_a.id, "Menyusun draf Pergub", actor_id=org.ani.id)
    report = store.ensure_draft(org.ani.id, DAY)
    activity = store.add_activity(report.id, description="Draf pasal 1-5", minutes=60, task_id=task.id)
    assert store.activity(activity.id).task_id == task.id


def test_update_activity_changes_minutes_and_total(store, org):
    report = draft_with(store, org.ani.id, minutes=(100, 50))
    first = store.activities(report.id)[0]
    updated = store.update_activity(first.id, minutes=200, description="Telaah ulang")
    assert updated.minutes == 200
    assert store.activity(first.id).description == "Telaah ulang"
    assert store.require_report(report.id).total_minutes == 250


def test_update_activity_over_the_day_limit_is_refused_and_keeps_the_old_value(store, org):
    report = draft_with(store, org.ani.id, minutes=(700, 700))
    first = store.activities(report.id)[0]
    with pytest.raises(DomainError) as caught:
        store.update_activity(first.id, minutes=741)
    assert caught.value.code == "day_total_exceeded"
    assert store.activity(first.id).minutes == 700
    assert store.require_report(report.id).total_minutes == 1400


@pytest.mark.parametrize(("changes", "code"), [({"minutes": 0}, "minutes_range"),
                                               ({"description": " "}, "description_empty"),
                                               ({"task_id": "ghost"}, "task_unknown")])
def test_update_activity_validates_like_adding(store, org, changes, code):
    report = draft_with(store, org.ani.id, minutes=(100,))
    first = store.activities(report.id)[0]
    with pytest.raises(DomainError) as caught:
        store.update_activity(first.id, **changes)
    assert caught.value.code == code
    assert store.activity(first.id) == first


def test_an_activity_cannot_be_moved_into_another_report(store, org):
    mine = draft_with(store, org.ani.id, minutes=(100,))
    other = submitted = draft_with(store, org.ani.id, day=DAY - dt.timedelta(days=1), minutes=(60,))
    store.submit_report(submitted.id, org.ani.id)
    activity = store.activities(mine.id)[0]
    with pytest.raises((DomainError, ValueError)):
        store.update_activity(activity.id, report_id=other.id)
    assert store.activity(activity.id).report_id == mine.id
    assert store.require_report(other.id).total_minutes == 60


def test_delete_activity_updates_the_total(store, org):
    report = draft_with(store, org.ani.id, minutes=(100, 50))
    store.delete_activity(store.activities(report.id)[0].id)
    assert store.require_report(report.id).total_minutes == 50
    with pytest.raises(DomainError) as caught:
        store.delete_activity("ghost")
    assert caught.value.code == "activity_unknown"


@pytest.mark.parametrize("final_status", ["submitted", "approved"])
def test_a_submitted_or_approved_report_cannot_be_edited(store, org, final_status):
    report = draft_with(store, org.ani.id, minutes=(100,))
    store.submit_report(report.id, org.ani.id)
    if final_status == "approved":
        store.review_report(report.id, org.lead.id, "approve")
    activity = store.activities(report.id)[0]
    before = store.rows("SELECT * FROM activities"), store.rows("SELECT * FROM reports")
    for attempt in (
        lambda: store.add_activity(report.id, description="x", minutes=10),
        lambda: store.update_activity(activity.id, minutes=10),
        lambda: store.delete_activity(activity.id),
        lambda: store.set_work_mode(report.id, "WFH"),
    ):
        with pytest.raises(DomainError) as caught:
            attempt()
        assert caught.value.code == "report_locked"
        assert final_status in caught.value.message("en")
        assert {"submitted": "diajukan", "approved": "disetujui"}[final_status] in caught.value.message("id")
    assert (store.rows("SELECT * FROM activities"), store.rows("SELECT * FROM reports")) == before


def test_set_work_mode_wfa_needs_a_location(store, org):
    report = store.ensure_draft(org.ani.id, DAY)
    with pytest.raises(DomainError):
        store.set_work_mode(report.id, "WFA")
    changed = store.set_work_mode(report.id, "wfa", " Garut ")
    assert (changed.work_mode.value, changed.location) == ("WFA", "Garut")


# --- submit ------------------------------------------------------------------------------

def test_submit_writes_exactly_one_outbox_row_with_the_frozen_payload(store, org):
    report = draft_with(store, org.ani.id, minutes=(90, 30))
    submitted = store.submit_report(report.id, org.ani.id)
    assert submitted.status == ReportStatus.SUBMITTED and submitted.version == 1
    stored = store.require_report(report.id)
    assert stored.status == ReportStatus.SUBMITTED and stored.version == 1
    assert stored.submitted_at == dt.datetime.fromisoformat("2026-11-27T10:00:00+07:00")
    rows = outbox_rows(store)
    assert len(rows) == 1
    op = rows[0]
    assert (op["entity"], op["entity_id"], op["op"], op["base_version"], op["state"]) == (
        "report", report.id, "submit", 0, "pending")
    payload = json.loads(op["payload"])
    assert payload["status"] == "submitted" and payload["version"] == 1
    assert payload["employee_id"] == org.ani.id and payload["work_date"] == "2026-11-27"
    assert payload["total_minutes"] == 120
    assert [a["minutes"] for a in payload["activities"]] == [90, 30]
    assert [a["description"] for a in payload["activities"]] == ["Kegiatan 0", "Kegiatan 1"]
    assert store.status()["queued"] == 1


def test_the_queued_payload_is_frozen_against_later_changes(store, org):
    report = draft_with(store, org.ani.id, minutes=(90,))
    store.submit_report(report.id, org.ani.id)
    store.review_report(report.id, org.lead.id, "return", "Lengkapi bukti")
    store.add_activity(report.id, description="Bukti ditambahkan", minutes=15)
    first = json.loads(outbox_rows(store)[0]["payload"])
    assert [a["minutes"] for a in first["activities"]] == [90]


def test_an_empty_report_cannot_be_submitted(store, org):
    report = store.ensure_draft(org.ani.id, DAY)
    with pytest.raises(DomainError) as caught:
        store.submit_report(report.id, org.ani.id)
    assert caught.value.code == "report_empty"
    assert store.require_report(report.id).status == ReportStatus.DRAFT
    assert outbox_rows(store) == []


def test_only_the_author_submits(store, org):
    report = draft_with(store, org.ani.id)
    with pytest.raises(DomainError) as caught:
        store.submit_report(report.id, org.lead.id)
    assert caught.value.code == "not_author"
    assert store.require_report(report.id).status == ReportStatus.DRAFT
    assert outbox_rows(store) == []


def test_submitting_twice_is_refused_and_queues_nothing_more(store, org):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    with pytest.raises(DomainError) as caught:
        store.submit_report(report.id, org.ani.id)
    assert caught.value.code == "transition_refused"
    assert len(outbox_rows(store)) == 1


# --- review ------------------------------------------------------------------------------

def test_approval_by_the_lead_writes_status_review_and_outbox_row(store, org):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    review = store.review_report(report.id, org.lead.id, "approve")
    stored = store.require_report(report.id)
    assert stored.status == ReportStatus.APPROVED and stored.version == 2
    assert stored.reviewed_by == org.lead.id
    assert [r.id for r in store.reviews_of(report.id)] == [review.id]
    assert review.report_version == 1
    rows = outbox_rows(store)
    assert [(r["entity"], r["op"]) for r in rows] == [("report", "submit"), ("review", "decide")]
    payload = json.loads(rows[1]["payload"])
    assert payload["report_id"] == report.id and payload["decision"] == "approve"
    assert payload["report_version"] == 1 and payload["reviewer_id"] == org.lead.id


def test_the_jpt_may_review_too(store, org):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    store.review_report(report.id, org.jpt.id, "approve")
    assert store.require_report(report.id).status == ReportStatus.APPROVED


def test_return_needs_a_note_then_the_author_fixes_and_resubmits(store, org):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    with pytest.raises(DomainError) as caught:
        store.review_report(report.id, org.lead.id, "return", "  ")
    assert caught.value.code == "return_needs_note"
    assert store.require_report(report.id).status == ReportStatus.SUBMITTED
    assert len(outbox_rows(store)) == 1

    store.review_report(report.id, org.lead.id, "return", "Lengkapi bukti dukung")
    returned = store.require_report(report.id)
    assert returned.status == ReportStatus.RETURNED
    assert returned.review_note == "Lengkapi bukti dukung"
    store.add_activity(report.id, description="Bukti", minutes=10)
    again = store.submit_report(report.id, org.ani.id)
    assert again.status == ReportStatus.SUBMITTED and again.version == 3
    last = outbox_rows(store)[-1]
    assert last["op"] == "submit" and last["base_version"] == 2
    assert len(json.loads(last["payload"])["activities"]) == 2


@pytest.mark.parametrize("who", ["lead2", "dedi", "ani"])
def test_others_may_not_review(store, org, who):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    with pytest.raises(DomainError) as caught:
        store.review_report(report.id, getattr(org, who).id, "approve")
    assert caught.value.code == ("own_report" if who == "ani" else "not_reviewer")
    assert store.require_report(report.id).status == ReportStatus.SUBMITTED
    assert store.reviews_of(report.id) == []
    assert len(outbox_rows(store)) == 1


def test_a_draft_cannot_be_reviewed(store, org):
    report = draft_with(store, org.ani.id)
    with pytest.raises(DomainError) as caught:
        store.review_report(report.id, org.lead.id, "approve")
    assert caught.value.code == "transition_refused"


def test_a_decision_on_a_version_the_reviewer_did_not_see_is_refused(store, org):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    store.review_report(report.id, org.lead.id, "return", "Perbaiki")
    store.submit_report(report.id, org.ani.id)  # now version 3
    with pytest.raises(DomainError) as caught:
        store.review_report(report.id, org.lead.id, "approve", seen_version=1)
    assert caught.value.code == "stale_version"
    assert store.require_report(report.id).status == ReportStatus.SUBMITTED
    store.review_report(report.id, org.lead.id, "approve", seen_version=3)
    assert store.require_report(report.id).status == ReportStatus.APPROVED


# --- review queue scoping ----------------------------------------------------------------

def test_reports_to_review_shows_only_my_teams_and_not_my_own(store, org):
    ani = draft_with(store, org.ani.id)
    dedi = draft_with(store, org.dedi.id)
    lead = draft_with(store, org.lead.id)
    dedi_b = store.ensure_draft(org.dedi.id, DAY - dt.timedelta(days=1), team_id=org.team_b.id)
    store.add_activity(dedi_b.id, description="Bantuan hukum", minutes=60)
    store.ensure_draft(org.lead2.id, DAY)  # a draft: nobody reviews it yet
    for r, who in ((ani, org.ani), (dedi, org.dedi), (lead, org.lead), (dedi_b, org.dedi)):
        store.submit_report(r.id, who.id)

    ids = lambda reviewer: {r.id for r in store.reports_to_review(reviewer.id)}  # noqa: E731
    assert ids(org.lead) == {ani.id, dedi.id}  # team A, not her own
    assert ids(org.lead2) == {dedi_b.id}  # team B only
    assert ids(org.jpt) == {ani.id, dedi.id, lead.id, dedi_b.id}  # every team under the JPT
    assert ids(org.ani) == set()
    store.review_report(ani.id, org.lead.id, "approve")
    assert ids(org.lead) == {dedi.id}


def test_outbox_problem_and_queue_counts(store, org):
    report = draft_with(store, org.ani.id)
    store.submit_report(report.id, org.ani.id)
    op_id = outbox_rows(store)[0]["op_id"]
    with store.transaction():
        outbox.mark_result(store.db, op_id, "rejected", error="bad")
    assert store.status()["queued"] == 0 and store.status()["problems"] == 1
    with store.transaction():
        outbox.resolve(store.db, op_id, "dismissed")
    # a resolved problem never goes back in the queue as it was: its base version is stale
    # (issue 8); "reapply" queues a new op instead (tests/sync/test_convergence.py)
    assert store.status()["queued"] == 0 and store.status()["problems"] == 0


def test_task_model_round_trips_through_the_store(store, org):
    task = store.create_task(org.team_a.id, "Telaah", actor_id=org.lead.id, assignees=[org.ani.id],
                             due_date=DAY)
    assert store.task(task.id) == Task.model_validate(task.model_dump())
