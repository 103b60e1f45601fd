"""DWA rules (DOMAIN.md ruling "DWA"): pattern limits per ISO week, holidays, leave, DL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from sk_tui.domain import dwa
from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import DwaArrangement, WorkMode
from sk_tui.domain.policy import Policy

MON = dt.date(2026, 11, 23)  # ISO week 48 of 2026
TUE, WED, THU, FRI = (MON + dt.timedelta(days=i) for i in range(1, 5))


def arrangement(pattern: str = "3-2", approved: bool = True, **kw) -> DwaArrangement:
    return DwaArrangement(
        id="dwa-1", employee_id="e1", pattern=pattern, valid_from=kw.pop("valid_from", dt.date(2026, 11, 1)),
        approved_by="jpt" if approved else None, **kw,
    )


def code(excinfo: pytest.ExceptionInfo[DomainError]) -> str:
    return excinfo.value.code


def test_three_two_allows_three_away_days_and_refuses_the_fourth() -> None:
    week = {MON: WorkMode.WFA, TUE: WorkMode.WFA}
    assert dwa.check_day_mode(WED, "WFA", "Garut", week, [arrangement()]) is WorkMode.WFA
    week[WED] = WorkMode.WFA
    with pytest.raises(DomainError) as err:
        dwa.check_day_mode(THU, "WFA", "Garut", week, [arrangement()])
    assert code(err) == "dwa_week_full"
    assert "3 hari" in err.value.message("id") and "(3-2)" in err.value.message("id")


def test_wfh_counts_as_away_so_a_third_wfa_day_after_a_wfh_day_is_refused() -> None:
    week = {MON: WorkMode.WFH, TUE: WorkMode.WFA, WED: WorkMode.WFA}
    with pytest.raises(DomainError) as err:
        dwa.check_day_mode(THU, WorkMode.WFA, "Garut", week, [arrangement()])
    assert code(err) == "dwa_week_full"


def test_changing_a_day_already_away_does_not_count_itself() -> None:
    week = {MON: WorkMode.WFA, TUE: WorkMode.WFA, WED: WorkMode.WFA}
    assert dwa.check_day_mode(WED, "WFH", "", week, [arrangement()]) is WorkMode.WFH


def test_the_count_is_per_iso_week() -> None:
    last_week = {MON - dt.timedelta(days=d): WorkMode.WFA for d in (3, 4, 5, 6)}  # Thu..Mon before
    assert dwa.away_days_in_week(MON, last_week) == 0
    assert dwa.check_day_mode(MON, "WFA", "Garut", last_week, [arrangement("1-4")]) is WorkMode.WFA


def test_the_policy_ceiling_caps_a_generous_pattern() -> None:
    policy = Policy(dwa_max_wfa_days_per_week=2)
    week = {MON: WorkMode.WFA, TUE: WorkMode.WFH}
    with pytest.raises(DomainError) as err:
        dwa.check_day_mode(WED, "WFA", "Garut", week, [arrangement("4-1")], policy)
    assert err.value.params["limit"] == 2


def test_holidays_and_leave_are_not_counted() -> None:
    policy = Policy(holidays=frozenset({MON}))
    week = {MON: WorkMode.WFA, TUE: WorkMode.WFA}
    # Monday is a holiday and Tuesday is leave: neither uses the one away day of 1-4
    assert dwa.check_day_mode(WED, "WFA", "Garut", week, [arrangement("1-4")], policy, days_off=[TUE])
    with pytest.raises(DomainError):
        dwa.check_day_mode(WED, "WFA", "Garut", week, [arrangement("1-4")], policy)


def test_without_an_approved_arrangement_only_wfo_and_dl() -> None:
    for arrangements in ([], [arrangement(approved=False)], [arrangement(valid_from=FRI)]):
        with pytest.raises(DomainError) as err:
            dwa.check_day_mode(MON, "WFH", "", {}, arrangements)
        assert code(err) == "dwa_none"
    assert dwa.check_day_mode(MON, "WFO", "", {}, []) is WorkMode.WFO
    assert dwa.check_day_mode(MON, "DL", "Kemendagri, Jakarta", {}, []) is WorkMode.DL


def test_an_ended_arrangement_no_longer_governs() -> None:
    ended = arrangement(valid_to=dt.date(2026, 11, 20))
    with pytest.raises(DomainError) as err:
        dwa.check_day_mode(MON, "WFA", "Garut", {}, [ended])
    assert code(err) == "dwa_none"


def test_dl_needs_a_place_and_never_counts_against_the_pattern() -> None:
    with pytest.raises(DomainError) as err:
        dwa.check_day_mode(MON, "DL", "  ", {}, [])
    assert code(err) == "location_required_mode"
    week = {MON: WorkMode.DL, TUE: WorkMode.DL, WED: WorkMode.DL, THU: WorkMode.DL}
    assert dwa.check_day_mode(FRI, "WFA", "Garut", week, [arrangement("1-4")]) is WorkMode.WFA


def test_patterns_come_from_policy() -> None:
    assert dwa.check_pattern("3-2") == "3-2"
    with pytest.raises(DomainError) as err:
        dwa.check_pattern("2-3")
    assert code(err) == "dwa_pattern_not_offered" and "3-2, 4-1, 1-4" in err.value.message("en")
    assert dwa.check_pattern("2-3", Policy(dwa_patterns=("2-3",))) == "2-3"
    with pytest.raises(DomainError) as err:
        dwa.parse_pattern("3-3")
    assert code(err) == "dwa_pattern_invalid"


def test_output_by_mode_counts_person_days_not_activities() -> None:
    rows = [
        ("ani", MON, "WFO", 240, 2), ("ani", MON, "WFO", 180, 1),  # one WFO day, two activities
        ("ani", TUE, "WFA", 300, 2.5),
        ("budi", TUE, "WFA", 200, 1.5),
        ("budi", WED, "DL", 420, 1),
    ]
    out = {m.mode: m for m in dwa.output_by_mode(rows)}
    assert [m.mode for m in dwa.output_by_mode(rows)] == ["WFO", "WFA", "DL"]
    assert (out["WFO"].days, out["WFO"].minutes, out["WFO"].minutes_per_day) == (1, 420, Decimal(420))
    assert (out["WFA"].days, out["WFA"].minutes_per_day, out["WFA"].volume_per_day) == (2, Decimal(250), Decimal(2))
    assert out["DL"].as_dict()["volume_per_day"] == "1.00"
