"""The monthly aggregates (store/aggregates.py) hold what a recomputation from the raw rows
gives, after any series of the store's writes, pulled reports (replacing the local ones) and
decisions; and the figures read from them equal the same figures read from the raw rows."""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sk_tui.domain import kinerja
from sk_tui.domain.errors import DomainError
from sk_tui.store import Store, aggregates
from tests.helpers.clock import TODAY
from tests.helpers.org import build_org

DAYS = [dt.date(2025, 12, 30), dt.date(2026, 1, 5), dt.date(2026, 10, 29), dt.date(2026, 11, 2),
        dt.date(2026, 11, 3), dt.date(2026, 11, 16), dt.date(2026, 11, 26)]
UNITS = ["dokumen", "Dokumen", "kegiatan"]

person = st.sampled_from(["ani", "dedi", "lead"])
day = st.sampled_from(DAYS)
add = st.tuples(st.just("add"), person, day, st.integers(1, 240), st.sampled_from([0.0, 0.5, 1.0, 3.0]),
                st.sampled_from(UNITS), st.booleans(), st.sampled_from([None, "team-a", "team-b"]))
update = st.tuples(st.just("update"), st.integers(0, 50), st.integers(1, 240), st.sampled_from([0.0, 2.0, 0.25]),
                   st.sampled_from(UNITS))
delete = st.tuples(st.just("delete"), st.integers(0, 50))
submit = st.tuples(st.just("submit"), person, day)
decide = st.tuples(st.just("decide"), st.integers(0, 50), st.sampled_from(["approve", "return"]), st.integers(0, 1))
pull = st.tuples(st.just("pull"), st.integers(0, 50), st.sampled_from(["submitted", "approved", "returned"]),
                 st.sampled_from([0, 1, 2]), st.sampled_from(["WFO", "WFH"]))
mode = st.tuples(st.just("mode"), person, day, st.sampled_from(["WFO", "WFH"]))
# some reports first, then anything (submissions and decisions often, to have parts to count)
OPS = st.builds(lambda first, then: first + then, st.lists(add, min_size=2, max_size=8),
                st.lists(st.one_of(add, update, delete, submit, submit, decide, decide, pull, mode), max_size=30))

LEAD_OF = {"team-a": "emp-lead", "team-b": "emp-lead2"}


def _apply(store: Store, org, op: tuple, seq: list[int]) -> None:
    people = {"ani": org.ani.id, "dedi": org.dedi.id, "lead": org.lead.id}
    kind = op[0]
    activities = [r[0] for r in store.db.execute("SELECT id FROM activities ORDER BY id")]
    if kind == "add":
        _, who, when, minutes, volume, unit, linked, team = op
        report = store.ensure_draft(people[who], when)
        store.add_activity(report.id, description="Kerja", minutes=minutes, volume=volume, volume_unit=unit,
                           indicator_id=org.indicator.id if linked else None, team_id=team)
    elif kind == "update" and activities:
        _, index, minutes, volume, unit = op
        store.update_activity(activities[index % len(activities)], minutes=minutes, volume=volume, volume_unit=unit)
    elif kind == "delete" and activities:
        store.delete_activity(activities[op[1] % len(activities)])
    elif kind == "submit":
        report = store.report_for(people[op[1]], op[2])
        if report is not None:
            store.submit_report(report.id, people[op[1]])
    elif kind == "decide":  # one team's lead decides its part of a submitted report
        _, index, decision, which = op
        parts = store.db.execute(
            """SELECT DISTINCT r.id, r.employee_id, a.team_id FROM reports r JOIN activities a ON a.report_id = r.id
               WHERE r.status = 'submitted' AND a.verdict = 'pending' AND a.team_id IS NOT NULL
               ORDER BY r.id, a.team_id""").fetchall()
        if parts:
            report_id, employee_id, team = parts[(index + which) % len(parts)]
            reviewer = org.jpt.id if employee_id == LEAD_OF[team] else LEAD_OF[team]
            store.review_report(report_id, reviewer, decision, note="Lengkapi", team_id=team)
    elif kind == "mode":
        report = store.report_for(people[op[1]], op[2])
        if report is not None:
            store.set_work_mode(report.id, op[3])
    elif kind == "pull":
        # the server's copy of a report replaces the local one: other status, activities, mode
        reports = [r[0] for r in store.db.execute("SELECT id FROM reports ORDER BY id")]
        if not reports:
            return
        _, index, status, keep, work_mode = op
        report = store.require_report(reports[index % len(reports)])
        acts = store.activities(report.id)[:keep]
        seq[0] += 1
        data = {**report.model_dump(mode="json"), "status": status, "work_mode": work_mode, "location": "",
                "version": report.version + 1, "submitted_at": f"{report.work_date}T15:00:00+07:00",
                "activities": [{**a.model_dump(mode="json"), "minutes": a.minutes + 5,
                                "verdict": "approved" if status == "approved" else "pending",
                                # the part's activities decided at different times: the part's decision is the latest
                                "reviewed_at": f"{report.work_date + dt.timedelta(days=4 - n)}T09:00:00+07:00"
                                if status != "submitted" else None} for n, a in enumerate(acts)]}
        data["total_minutes"] = sum(a["minutes"] for a in data["activities"])
        store.apply_pulled_page([{"seq": seq[0], "entity": "report", "entity_id": report.id, "data": data}], seq[0])


def _same(table: str, stored: list[tuple], expected: list[tuple]) -> None:
    def key(rows: list[tuple]) -> dict:
        return {r[:-4] if table in ("agg_indicator", "agg_mode_month") else r[:-1]: r for r in rows}
    got, want = key(stored), key(expected)
    assert set(got) == set(want), table
    for k, row in want.items():
        for a, b in zip(got[k], row, strict=True):
            assert a == b or (isinstance(a, float) and math.isclose(a, b, abs_tol=1e-9)), (table, got[k], row)


def check_aggregates(store: Store) -> None:
    for table in aggregates.AGGREGATES:
        stored = store.db.execute(f"SELECT * FROM {table}").fetchall()
        _same(table, stored, aggregates.recompute(store.db, table))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS, st.sampled_from([(dt.date(2026, 1, 1), dt.date(2026, 11, 27)), (dt.date(2026, 11, 3), dt.date(2026, 11, 26)),
                             (dt.date(2025, 12, 1), dt.date(2026, 11, 30)), (dt.date(2026, 11, 1), dt.date(2026, 11, 2))]))
def test_aggregates_equal_a_recomputation_after_any_writes_pulls_and_decisions(ops, span):
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "w.db")
        try:
            org = build_org(store)
            seq = [0]
            for op in ops:
                with contextlib.suppress(DomainError):  # a refused write changes nothing
                    _apply(store, org, op, seq)
            check_aggregates(store)
            # the figures read from the aggregates, as from the raw rows
            ids = [org.indicator.id]
            fast = store.indicator_progress(ids, *span)
            raw = {i: {"approved": 0.0, "reported": 0.0, "minutes": 0} for i in ids}
            store._add_progress_raw(raw, ids, *span, None)
            assert fast[ids[0]]["minutes"] == raw[ids[0]]["minutes"]
            for key in ("approved", "reported"):
                assert math.isclose(fast[ids[0]][key], raw[ids[0]][key], abs_tol=1e-9)
            first, last = kinerja.month_bounds("2026-11")
            leads = dict(LEAD_OF)
            assert store.overdue_by_team(leads, first, last) == store._overdue_by_team_raw(leads, first, last)
            people = [org.ani.id, org.dedi.id, org.lead.id]
            assert store.dwa_output(people, first, last) == store.dwa_output(people, first, last, raw=True)
            assert store.team_report_counts(["team-a", "team-b"], first, last) == \
                store.team_report_counts(["team-a", "team-b"], first, last, raw=True)
            # the overview's IKI progress: team A's one indicator (target 12), from the raw rows
            year = {i: {"approved": 0.0, "reported": 0.0, "minutes": 0} for i in ids}
            store._add_progress_raw(year, ids, dt.date(2026, 1, 1), TODAY, None)
            overview = {row["team"].id: row for row in store.team_overview(["team-a", "team-b"], first, last, TODAY)}
            assert math.isclose(overview["team-a"]["progress"], min(1.0, year[ids[0]]["approved"] / 12),
                                abs_tol=1e-9)
        finally:
            store.close()


def test_a_bulk_build_rebuilds_the_aggregates_and_the_triggers(store, org):
    report = store.ensure_draft(org.ani.id, dt.date(2026, 11, 2))
    with store.transaction(), store.indexes_dropped(("reports", "activities")):
        store.insert_rows("activities", ("id", "report_id", "description", "minutes", "volume", "volume_unit",
                                         "indicator_id", "team_id"),
                          [(f"bulk-{i}", report.id, "Kerja", 30, 1.0, "dokumen", org.indicator.id, "team-a")
                           for i in range(5)])
    check_aggregates(store)
    assert store.db.execute("SELECT n FROM agg_indicator WHERE period = '2026-11'").fetchone() == (5,)
    store.add_activity(report.id, description="Lagi", minutes=10, volume=1, volume_unit="dokumen",
                       indicator_id=org.indicator.id)
    check_aggregates(store)  # the triggers are back
    assert store.db.execute("SELECT n FROM agg_indicator WHERE period = '2026-11'").fetchone() == (6,)


def test_the_migration_fills_the_aggregates_from_the_rows_already_there(tmp_path):
    from sk_tui.store import schema

    path = tmp_path / "old.db"
    db = schema.connect(path)
    schema.migrate(db, target=7)
    db.execute("INSERT INTO indicators (id, target_id, aspect, text, target_value, unit) "
               "VALUES ('i1', 't1', 'quantity', 'x', 10, 'dokumen')")
    db.execute("INSERT INTO reports (id, employee_id, work_date, status, team_id, submitted_at) "
               "VALUES ('r1', 'e1', '2026-11-02', 'approved', 'team-a', '2026-11-02T09:00:00+07:00')")
    db.execute("INSERT INTO activities (id, report_id, description, minutes, volume, volume_unit, indicator_id, "
               "team_id, reviewed_at) VALUES ('a1', 'r1', 'x', 60, 2, 'Dokumen', 'i1', 'team-a', "
               "'2026-11-03T09:00:00+07:00')")
    db.conn.close()
    store = Store.open(path)
    try:
        check_aggregates(store)
        progress = store.indicator_progress(["i1"], dt.date(2026, 1, 1), dt.date(2026, 11, 27))
        assert progress["i1"] == {"approved": 2.0, "reported": 2.0, "minutes": 60}
    finally:
        store.close()


@pytest.mark.parametrize("span", [(dt.date(2026, 1, 1), dt.date(2026, 11, 27)), (dt.date(2026, 2, 14), dt.date(2026, 2, 14)),
                                  (dt.date(2025, 3, 2), dt.date(2026, 12, 31))])
def test_a_range_splits_into_periods_and_raw_days_that_cover_it_once(span):
    from sk_tui.store.recap import _periods_of

    periods: dict[str, int] = {}
    raw: list[tuple[dt.date, dt.date, int]] = []
    _periods_of(*span, 1, periods, raw)
    counted: dict[dt.date, int] = {}
    day = dt.date(2025, 1, 1)
    while day <= dt.date(2026, 12, 31):
        n = periods.get(str(day.year), 0) + periods.get(day.strftime("%Y-%m"), 0)
        n += sum(sign for a, b, sign in raw if a <= day <= b)
        counted[day] = n
        day += dt.timedelta(days=1)
    assert all(n == (1 if span[0] <= d <= span[1] else 0) for d, n in counted.items())
