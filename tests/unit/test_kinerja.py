"""The monthly recap exactly as DOMAIN.md defines it, the rating matrix, pro-rating."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sk_tui.domain import kinerja
from sk_tui.domain.models import Expectation, Rating
from sk_tui.domain.policy import Policy


def test_the_domain_worked_example_exactly():
    r = kinerja.monthly_recap(approved_minutes=6300, target_minutes=6750, absent_days=1,
                              negative_activities=2, ceiling=10_000_000)
    assert r.effective == 6000
    assert r.base == Decimal("0.8889")
    assert r.achievement == Decimal("0.8289")
    assert r.allowance == 8_288_889
    assert r.as_dict()["achievement"] == "0.8289"


def test_base_is_capped_at_one():
    r = kinerja.monthly_recap(approved_minutes=9000, target_minutes=6750, ceiling=1_000_000)
    assert r.base == Decimal(1) and r.allowance == 1_000_000


def test_effective_never_goes_below_zero():
    r = kinerja.monthly_recap(approved_minutes=200, target_minutes=6750, absent_days=3, ceiling=1_000_000)
    assert r.effective == 0 and r.allowance == 0


def test_achievement_never_goes_below_zero():
    r = kinerja.monthly_recap(approved_minutes=6750, target_minutes=6750, negative_activities=40,
                              ceiling=1_000_000)
    assert r.achievement == 0 and r.allowance == 0


def test_allowance_rounds_half_up_to_whole_rupiah():
    # 1/2 achievement of Rp 3 = 1.5 -> 2 (banker's rounding would give 2 as well; 5/2 tells)
    r = kinerja.monthly_recap(approved_minutes=1, target_minutes=2, ceiling=5)
    assert r.allowance == 3  # 2.5 -> 3, not 2


def test_zero_target_gives_zero_not_a_crash():
    r = kinerja.monthly_recap(approved_minutes=100, target_minutes=0, ceiling=1_000_000)
    assert r.base == 0 and r.allowance == 0


def test_policy_numbers_drive_the_recap():
    policy = Policy(absent_day_deduction_minutes=510, negative_activity_penalty=Decimal("0.05"))
    r = kinerja.monthly_recap(approved_minutes=6000, target_minutes=6000, absent_days=1,
                              negative_activities=1, ceiling=1_000_000, policy=policy)
    assert r.effective == 5490
    assert r.achievement == Decimal("0.8650")  # 0.915 - 0.05
    assert r.allowance == 865_000


# --- working days and pro-rated targets --------------------------------------------------

def test_november_2026_has_21_working_days_and_the_full_target():
    first, last = kinerja.month_bounds("2026-11")
    assert (first, last) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert len(kinerja.working_days(first, last)) == 21
    assert kinerja.prorated_target("2026-11") == 6750


def test_holidays_are_not_working_days():
    first, last = kinerja.month_bounds("2026-12")
    assert len(kinerja.working_days(first, last, Policy(holidays=[]))) == 23
    with_holidays = kinerja.working_days(first, last)  # 24 and 25 December
    assert len(with_holidays) == 21
    assert dt.date(2026, 12, 25) not in with_holidays


def test_target_is_prorated_to_the_part_of_the_month_the_post_was_held():
    # from 16 November: 11 of 21 working days -> 6750 * 11 / 21 = 24750/7 (3535.71), not rounded
    assert kinerja.prorated_target("2026-11", post_start=dt.date(2026, 11, 16)) == Fraction(24750, 7)
    # until 13 November: 10 of 21 -> 22500/7 (3214.29)
    assert kinerja.prorated_target("2026-11", post_end=dt.date(2026, 11, 13)) == Fraction(22500, 7)
    # a post held outside the month
    assert kinerja.prorated_target("2026-11", post_start=dt.date(2026, 12, 1)) == 0
    assert kinerja.prorated_target("2026-11", post_end=dt.date(2026, 10, 31)) == 0


def test_prorating_counts_holidays_out_of_both_sides():
    # December: 21 working days; from 21 Dec: 21, 22, 23, 28-31 = 7 -> 6750 * 7 / 21 = 2250
    assert kinerja.prorated_target("2026-12", post_start=dt.date(2026, 12, 21)) == 2250


def test_prorated_target_follows_the_policy_target():
    assert kinerja.prorated_target("2026-11", Policy(monthly_target_minutes=6000)) == 6000


def test_add_working_days_skips_weekends_and_holidays():
    assert kinerja.add_working_days(dt.date(2026, 11, 27), 3) == dt.date(2026, 12, 2)  # Fri -> Wed
    assert kinerja.add_working_days(dt.date(2026, 12, 23), 1) == dt.date(2026, 12, 28)


# --- late reports ------------------------------------------------------------------------

JKT = dt.timezone(dt.timedelta(hours=7))


def test_a_report_submitted_within_three_days_is_on_time():
    assert not kinerja.is_late(dt.date(2026, 11, 20), dt.datetime(2026, 11, 23, 23, 0, tzinfo=JKT), Policy())


def test_a_report_submitted_more_than_three_days_after_is_late():
    assert kinerja.is_late(dt.date(2026, 11, 20), dt.datetime(2026, 11, 24, 7, 0, tzinfo=JKT), Policy())


def test_lateness_is_judged_by_the_local_date_not_utc():
    # 24 November 05:00 in Jakarta is still 23 November in UTC: four local days late.
    submitted = dt.datetime(2026, 11, 23, 22, 0, tzinfo=dt.UTC)
    assert kinerja.is_late(dt.date(2026, 11, 20), submitted, Policy())
    # 23 November 10:00 UTC is 17:00 the same day in Jakarta: three days, on time
    assert not kinerja.is_late(dt.date(2026, 11, 20), dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC), Policy())
    # the employee's own zone wins when given: 23 Nov 16:00 UTC is 24 Nov 01:00 in Jayapura
    late_in_papua = dt.datetime(2026, 11, 23, 16, 0, tzinfo=dt.UTC)
    assert not kinerja.is_late(dt.date(2026, 11, 20), late_in_papua, Policy())
    assert kinerja.is_late(dt.date(2026, 11, 20), late_in_papua, Policy(), timezone="Asia/Jayapura")


def test_an_unsubmitted_report_is_not_late():
    assert not kinerja.is_late(dt.date(2026, 11, 1), None, Policy())


# --- rating matrix (PermenPANRB 6/2022) --------------------------------------------------

# DOMAIN.md's table, written out by hand as plain text (not built from the production table or
# its enums): results down the side, behaviour across the top.
MATRIX_TEXT = """
results \\ behaviour | below             | as_expected     | above
above                | Kurang/Misconduct | Baik            | Sangat Baik
as_expected          | Kurang/Misconduct | Baik            | Baik
below                | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan
"""


def _matrix() -> dict[tuple[str, str], str]:
    header, *rows = [[cell.strip() for cell in line.split("|")] for line in MATRIX_TEXT.strip().splitlines()]
    return {(row[0], behaviour): rating for row in rows for behaviour, rating in zip(header[1:], row[1:], strict=True)}


MATRIX = _matrix()


def test_the_matrix_has_every_cell_once():
    levels = {"below", "as_expected", "above"}
    assert set(MATRIX) == {(r, b) for r in levels for b in levels}


@pytest.mark.parametrize(("results", "behaviour"), sorted(MATRIX))
def test_rating_matrix_cell(results, behaviour):
    rating = kinerja.performance_rating(Expectation(results), Expectation(behaviour))
    assert isinstance(rating, Rating) and rating.value == MATRIX[(results, behaviour)]


def test_rating_accepts_plain_strings():
    assert kinerja.performance_rating("above", "above").value == "Sangat Baik"


# --- properties --------------------------------------------------------------------------

recap_inputs = st.fixed_dictionaries({
    "approved_minutes": st.integers(0, 20_000),
    "target_minutes": st.integers(0, 10_000),
    "absent_days": st.integers(0, 25),
    "negative_activities": st.integers(0, 40),
    "ceiling": st.integers(0, 40_000_000),
})


@settings(max_examples=150, deadline=None)
@given(recap_inputs)
def test_achievement_stays_between_zero_and_one_and_allowance_under_the_ceiling(kwargs):
    r = kinerja.monthly_recap(**kwargs)
    assert 0 <= r.base <= 1
    assert 0 <= r.achievement <= r.base
    assert 0 <= r.allowance <= kwargs["ceiling"]


@settings(max_examples=150, deadline=None)
@given(recap_inputs, st.integers(0, 5_000))
def test_more_approved_minutes_never_lower_the_allowance(kwargs, more):
    lower = kinerja.monthly_recap(**kwargs)
    higher = kinerja.monthly_recap(**{**kwargs, "approved_minutes": kwargs["approved_minutes"] + more})
    assert higher.allowance >= lower.allowance
    assert higher.achievement >= lower.achievement


@settings(max_examples=100, deadline=None)
@given(recap_inputs, st.integers(1, 5))
def test_more_negative_activities_never_raise_the_allowance(kwargs, more):
    base = kinerja.monthly_recap(**kwargs)
    worse = kinerja.monthly_recap(**{**kwargs, "negative_activities": kwargs["negative_activities"] + more})
    assert worse.allowance <= base.allowance


def test_output_per_day_by_work_mode():
    rows = [("WFO", 300), ("WFO", 400), ("WFA", 330)]
    assert kinerja.output_per_day_by_mode(rows) == {"WFO": 350.0, "WFA": 330.0}


def test_pace_projection():
    assert kinerja.pace_projection(6, 10, 20) == 12
    assert kinerja.pace_projection(6, 0, 20) == 0
