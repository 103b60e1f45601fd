"""Verification per team and the time rules, with hand-worked figures (DOMAIN.md "Rulings")."""

from __future__ import annotations

import datetime as dt

import pytest

from sk_tui.domain import kinerja, rules
from sk_tui.domain.errors import DomainError
from sk_tui.domain.policy import Policy

JKT = dt.timezone(dt.timedelta(hours=7))
# the server received the op at 10:00 Jakarta on Fri 27 Nov 2026 (= 03:00 UTC)
RECEIVED = dt.datetime(2026, 11, 27, 3, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(("verdicts", "status"), [
    (["pending", "pending"], "submitted"),
    (["approved", "pending"], "submitted"),  # team A approved, team B still deciding
    (["approved", "returned"], "returned"),  # B returned: the member fixes B's part
    (["pending", "returned"], "returned"),
    (["approved", "approved"], "approved"),  # the day is approved when every activity is
])
def test_the_days_status_follows_its_activities(verdicts, status):
    assert rules.report_status_for(verdicts).value == status


def test_an_approved_activity_is_locked_and_a_decided_part_has_nothing_to_review():
    with pytest.raises(DomainError) as caught:
        rules.check_activity_editable("approved")
    assert caught.value.code == "activity_approved"
    rules.check_activity_editable("returned")
    rules.check_reviewable(["pending"], "returned")  # B returned; A may still decide its part
    with pytest.raises(DomainError) as caught:
        rules.check_reviewable(["approved", "approved"], "submitted")
    assert caught.value.code == "nothing_to_review"
    with pytest.raises(DomainError) as caught:
        rules.check_reviewable(["pending"], "draft")
    assert caught.value.code == "transition_refused"


def test_the_activity_team_is_the_links_else_the_default():
    assert rules.activity_team("team-b", "team-a") == "team-b"
    assert rules.activity_team(None, "team-a") == "team-a"


@pytest.mark.parametrize(("device", "day", "ok"), [
    # within [work date 00:00 Jakarta, receipt + 10 min]: the device time stands
    (dt.datetime(2026, 11, 27, 10, 10, tzinfo=JKT), dt.date(2026, 11, 27), True),   # exactly receipt + 10
    (dt.datetime(2026, 11, 27, 10, 11, tzinfo=JKT), dt.date(2026, 11, 27), False),  # a minute past it
    (dt.datetime(2026, 11, 24, 0, 0, tzinfo=JKT), dt.date(2026, 11, 24), True),     # offline for 3 days
    (dt.datetime(2026, 11, 23, 23, 59, tzinfo=JKT), dt.date(2026, 11, 24), False),  # before the work date
    # 16:59 UTC on the 23rd is 23:59 in Jakarta: still the day before
    (dt.datetime(2026, 11, 23, 16, 59, tzinfo=dt.UTC), dt.date(2026, 11, 24), False),
    (dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.UTC), dt.date(2026, 11, 24), True),
])
def test_a_device_time_must_fall_between_the_work_date_and_receipt_plus_skew(device, day, ok):
    if ok:
        rules.check_device_time(device, day, RECEIVED, Policy())
        return
    with pytest.raises(DomainError) as caught:
        rules.check_device_time(device, day, RECEIVED, Policy())
    assert caught.value.code == "device_time_out_of_range"
    assert "perangkat" in caught.value.message("id") and "device clock" in caught.value.message("en")


def test_the_skew_is_a_policy_key():
    device = dt.datetime(2026, 11, 27, 10, 25, tzinfo=JKT)  # 25 minutes ahead of receipt
    with pytest.raises(DomainError):
        rules.check_device_time(device, dt.date(2026, 11, 27), RECEIVED, Policy())
    rules.check_device_time(device, dt.date(2026, 11, 27), RECEIVED, Policy(max_clock_skew_minutes=30))
    assert Policy().max_clock_skew_minutes == 10
    assert Policy().overdue_review_unit == "per_report_day"
    with pytest.raises(ValueError, match="overdue_review_unit"):
        Policy.from_toml_text('overdue_review_unit = "per_activity"')


def test_lateness_is_judged_on_the_first_submission():
    # work date Mon 2 Nov; late_report_max_days = 3, so on time through Thu 5 Nov (local)
    policy = Policy()
    first = dt.datetime(2026, 11, 2, 15, 0, tzinfo=JKT)
    resubmitted = dt.datetime(2026, 11, 9, 9, 0, tzinfo=JKT)  # after a return, 7 days on
    assert not kinerja.is_late(dt.date(2026, 11, 2), first, policy)
    assert kinerja.is_late(dt.date(2026, 11, 2), resubmitted, policy)  # why the first one is kept
    assert kinerja.is_late(dt.date(2026, 11, 2), dt.datetime(2026, 11, 6, 8, 0, tzinfo=JKT), policy)
