"""Issue 10: exact targets, leave and absences, per-kind penalties, the policy's working week,
unknown job classes and every step explained, with figures worked by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from sk_tui.domain import kinerja
from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import validate_nip
from sk_tui.domain.policy import Policy

NOV = "2026-11"  # 21 working days (Monday-Friday, no holiday)


def nov(day: int) -> dt.date:
    return dt.date(2026, 11, day)


def test_a_joiner_gets_a_fractional_target_and_nothing_is_rounded_before_the_rupiah():
    # joins Monday 16 November: 11 of 21 working days -> 6750 x 11/21 = 24750/7 = 3535.714...
    inputs = kinerja.MonthInputs(approved_minutes=3000, job_class=8, post_start=nov(16))
    r = kinerja.recap_for(NOV, inputs, Policy())
    assert r.target == Fraction(24750, 7)
    # base = 3000 / (24750/7) = 21000/24750 = 28/33; allowance = 4,595,000 x 28/33 = 3,898,787.87... -> 3,898,788
    assert r.base == Decimal("0.8485") and r.allowance == 3_898_788
    # a target rounded first (3536) would give 4,595,000 x 3000/3536 = 3,898,472: a different rupiah figure
    assert r.allowance != round(4_595_000 * 3000 / 3536)


def test_an_excused_week_of_leave_lowers_the_target_like_days_out_of_post():
    week = [nov(9), nov(10), nov(11), nov(12), nov(13)]
    inputs = kinerja.MonthInputs(approved_minutes=4500, excused_days=week, job_class=8)
    r = kinerja.recap_for(NOV, inputs, Policy())
    # 16 of 21 days: 6750 x 16/21 = 36000/7 (5142.86); base 4500 x 7/36000 = 0.875
    assert r.target == Fraction(36000, 7) and r.base == Decimal("0.8750")
    assert r.allowance == 4_020_625  # 4,595,000 x 0.875
    explained = kinerja.explain(NOV, inputs, Policy())
    assert explained.step("excused").value == "5" and explained.step("excused").detail["removed"] == "1607.14"


def test_izin_and_dinas_luar_are_not_leave_unless_the_policy_says_so():
    policy = Policy(target_reducing_statuses=["cuti", "sakit", "izin"])
    inputs = kinerja.MonthInputs(approved_minutes=0, excused_days=[nov(9)], job_class=8)
    assert kinerja.recap_for(NOV, inputs, policy).target == Fraction(6750 * 20, 21)
    with pytest.raises(ValueError, match="unknown attendance status"):
        Policy(target_reducing_statuses=["libur"])


def test_only_days_absent_without_leave_deduct_minutes():
    inputs = kinerja.MonthInputs(approved_minutes=6300, absent_days=[nov(3)], job_class=8)
    r = kinerja.recap_for(NOV, inputs, Policy())
    assert (r.effective, r.target) == (6000, 6750)


def test_negative_events_cost_their_kind_s_own_penalty():
    policy = Policy(negative_kind_penalty={"hukuman_disiplin": Decimal("0.10")})
    negatives = [kinerja.NegativeItem(nov(5), "hukuman_disiplin", "800/HD-01/2026"),
                 kinerja.NegativeItem(nov(6), "lhkpn", "LHKPN"),
                 kinerja.NegativeItem(None, kinerja.OVERDUE_REVIEW)]
    inputs = kinerja.MonthInputs(approved_minutes=6750, negatives=negatives, job_class=10)
    r = kinerja.recap_for(NOV, inputs, policy)
    # base 1; penalties 0.10 + 0.03 + 0.03 = 0.16; 5,979,000 x 0.84 = 5,022,360
    assert (r.negative_activities, r.achievement, r.allowance) == (3, Decimal("0.8400"), 5_022_360)
    items = kinerja.explain(NOV, inputs, policy).step("negative").detail["items"]
    assert [(i["day"], i["kind"], i["reference"], i["penalty"]) for i in items] == [
        ("2026-11-05", "hukuman_disiplin", "800/HD-01/2026", "0.10"), ("2026-11-06", "lhkpn", "LHKPN", "0.03"),
        ("", "overdue_review", "", "0.03")]


def test_an_unknown_job_class_is_an_error_never_rp_0():
    policy = Policy(job_class_ceiling={1: 1_000_000})
    with pytest.raises(DomainError) as caught:
        policy.ceiling_for(8)
    assert caught.value.code == "job_class_unknown" and "8" in caught.value.message("en")
    inputs = kinerja.MonthInputs(approved_minutes=6750, job_class=8)
    with pytest.raises(DomainError):
        kinerja.recap_for(NOV, inputs, policy)
    explained = kinerja.explain(NOV, inputs, policy)  # shown, not a crash
    assert explained.recap is None and explained.value("allowance") == "?"
    assert explained.warnings == ["job_class_unknown:8"]
    lines = dict(kinerja.describe(explained, "en"))
    assert lines["Job class and ceiling"] == "class 8: not in the ceiling table"


def test_a_pppk_number_is_accepted():
    assert validate_nip("198503152021212001") == "198503152021212001"
    with pytest.raises(DomainError):
        validate_nip("198502302021212001")  # 30 February is no birth date


def test_working_weekdays_come_from_the_policy():
    six_days = Policy(working_weekdays=[1, 2, 3, 4, 5, 6])
    first, last = kinerja.month_bounds(NOV)
    assert len(kinerja.working_days(first, last)) == 21
    assert len(kinerja.working_days(first, last, six_days)) == 25  # + 4 Saturdays
    assert six_days.is_working_day(nov(7)) and not Policy().is_working_day(nov(7))
    with pytest.raises(ValueError, match="ISO weekday"):
        Policy(working_weekdays=[0])


def test_the_demo_policy_lists_holidays_for_2025_to_2027_and_a_missing_year_is_a_warning():
    assert Policy().missing_holiday_years(2025, 2026, 2027) == []
    explained = kinerja.explain("2028-03", kinerja.MonthInputs(approved_minutes=0, job_class=7), Policy())
    assert explained.warnings == ["holidays_missing:2028"]
    assert ("⚠", "kebijakan tidak memuat hari libur tahun 2028") in kinerja.describe(explained)


def test_every_step_in_order_and_in_both_languages():
    inputs = kinerja.MonthInputs(approved_minutes=6300, late_reports=1, late_minutes=240, absent_days=[nov(3)],
                                 negatives=[kinerja.NegativeItem(None, kinerja.OVERDUE_REVIEW)] * 2, job_class=13)
    explained = kinerja.explain(NOV, inputs, Policy(), policy_version=3)
    assert [s.key for s in explained.steps] == ["approved", "late", "absent", "excused", "effective", "target", "base",
                                                "negative", "achievement", "ceiling", "allowance", "policy", "closed"]
    # the DOMAIN.md example: effective 6000, base 8/9, achievement 8/9 - 0.06 = 373/450;
    # 10,936,000 x 373/450 = 9,064,728.89 -> Rp 9,064,729
    f = explained.figures()
    assert (f["effective"], f["base"], f["achievement"], f["allowance"]) == (6000, "0.8889", "0.8289", 9_064_729)
    ind = dict(kinerja.describe(explained))
    assert ind["Menit disetujui"] == "6.300 menit" and ind["Target menit"].startswith("6.750,00 menit")
    assert ind["Tunjangan"] == "Rp 9.064.729" and ind["Kebijakan"] == "v3"
    en = dict(kinerja.describe(explained, "en"))
    assert en["Late reports (not counted)"] == "1 reports, 240 min" and en["Allowance"] == "Rp 9,064,729"
    assert en["Month"] == "open (preview)"
    closed = kinerja.explain(NOV, inputs, Policy(), policy_version=3, closed=True, official={"allowance": 9_000_000})
    assert dict(kinerja.describe(closed, "en"))["Official figure (month closed)"] == "Rp 9,000,000"
