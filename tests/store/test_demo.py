"""The demo workspace: deterministic from a seed, and realistic in every way the app shows."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from sk_tui import demo
from sk_tui.domain import kinerja
from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import validate_nip
from sk_tui.store import Store
from tests.helpers.clock import TODAY

TABLES = ("units", "employees", "teams", "memberships", "plans", "targets", "indicators", "tasks",
          "reports", "activities", "reviews", "feedback", "dwa", "absences", "negative_events", "meta")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    """One small demo for the read-only checks (built with an explicit today)."""
    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.db")
    org = demo.build_demo(store, today=TODAY)
    yield store, org
    store.close()


def table_digest(store: Store) -> dict[str, str]:
    digests = {}
    for table in TABLES:
        columns = [c[1] for c in store.db.execute(f"PRAGMA table_info({table})").fetchall()]
        order = ", ".join(columns)
        rows = store.db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        digests[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return digests


def q(store: Store, sql: str, params=()) -> list[dict]:
    return store.rows(sql, params)


# --- determinism ----------------------------------------------------------------------------


def test_same_seed_and_day_give_identical_tables(tmp_path: Path, built):
    store, _org = built
    again = Store.open(tmp_path / "again.db")
    demo.build_demo(again, today=TODAY)
    assert table_digest(again) == table_digest(store)
    other = Store.open(tmp_path / "other.db")
    demo.build_demo(other, seed=7, today=TODAY)
    assert table_digest(other)["employees"] != table_digest(store)["employees"]
    again.close()
    other.close()


def test_demo_organisation_is_the_stored_organisation(built):
    store, org = built
    pure = demo.demo_organisation(2026, "small", year=TODAY.year)
    assert [e.model_dump() for e in pure.employees] == [e.model_dump() for e in org.employees]
    assert pure.roles == org.roles
    stored = {r["id"] for r in q(store, "SELECT id FROM teams")}
    assert stored == {t.id for t in pure.teams}


def test_unknown_scale_is_refused(store):
    with pytest.raises(ValueError, match="scale"):
        demo.build_demo(store, scale="huge", today=TODAY)


# --- people ---------------------------------------------------------------------------------


def test_employees_have_valid_unique_nips_and_every_kind_of_post(built):
    store, org = built
    employees = q(store, "SELECT * FROM employees")
    for e in employees:
        assert validate_nip(e["nip"]) == e["nip"]
        birth = dt.date.fromisoformat(f"{e['nip'][:4]}-{e['nip'][4:6]}-{e['nip'][6:8]}")
        assert 20 <= (TODAY - birth).days // 365 <= 58, e
    assert len({e["nip"] for e in employees}) == len(employees)
    assert len({e["name"] for e in employees}) == len(employees)
    biro = [e for e in employees if e["unit_id"] == org.teams[0].unit_id]
    assert 35 <= len(biro) <= 45
    assert {e["position_kind"] for e in biro} == {"jpt", "administrator", "pengawas", "pelaksana", "jf"}
    levels = {e["jf_level"] for e in biro if e["position_kind"] == "jf"}
    assert {"Ahli Pertama", "Ahli Muda", "Ahli Madya"} <= levels
    assert all(1 <= e["job_class"] <= 17 for e in employees)
    jpt = store.employee(org.roles["jpt"])
    assert jpt.position_kind == "jpt" and jpt.job_class >= 13
    assert sum(", S." in e["name"] or ", A.Md" in e["name"] for e in employees) > len(employees) // 2
    assert any(e["name"].startswith("Dr. ") for e in employees)


# --- teams ----------------------------------------------------------------------------------


def test_teams_span_units_and_agencies_with_jf_and_pelaksana_leads(built):
    store, org = built
    teams = store.all_teams()
    assert len(teams) >= 6
    assert {"cross_unit", "cross_agency"} <= {t.scope.value for t in teams}
    assert all(t.jpt_id == org.roles["jpt"] and t.decree_no for t in teams)
    lead_kinds = {r["position_kind"] for r in q(store, """
        SELECT e.position_kind FROM memberships m JOIN employees e ON e.id = m.employee_id WHERE m.role = 'lead'""")}
    assert {"jf", "pelaksana"} <= lead_kinds
    cross_agency = next(t for t in teams if t.scope.value == "cross_agency")
    agencies = {store.unit(e.unit_id).agency for e, _role in store.team_members(cross_agency.id)}
    assert len(agencies) >= 2
    cross_unit = next(t for t in teams if t.scope.value == "cross_unit")
    assert len({e.unit_id for e, _role in store.team_members(cross_unit.id)}) >= 2
    multi = q(store, "SELECT employee_id FROM memberships GROUP BY employee_id HAVING COUNT(*) > 1")
    assert len(multi) >= 5
    for team in teams:
        assert len(store.team_lead_ids(team.id)) == 1


def test_roles_are_what_the_demo_promises(built):
    store, org = built
    staff = store.employee(org.roles["staff"])
    assert staff.position_kind == "jf"
    assert len(store.teams_for(staff.id)) >= 2
    lead = org.roles["lead"]
    assert store.led_team_ids(lead)
    waiting = store.reports_to_review(lead)
    assert waiting and any(r.employee_id == staff.id for r in waiting)
    assert store.me().id == staff.id


# --- plans ----------------------------------------------------------------------------------


def test_targets_cascade_from_unit_to_team_to_member(built):
    store, org = built
    targets = {r["id"]: r for r in q(store, "SELECT t.*, p.employee_id FROM targets t JOIN plans p ON p.id = t.plan_id")}
    members = [t for t in targets.values() if t["parent_id"] and targets[t["parent_id"]]["team_id"]]
    assert len(members) >= 30
    for target in members:
        parent = targets[target["parent_id"]]
        assert parent["team_id"] == target["team_id"]
        assert parent["employee_id"] in store.team_lead_ids(target["team_id"])
        assert targets[parent["parent_id"]]["employee_id"] == org.roles["jpt"]
    staff_targets = store.targets_for(org.roles["staff"], TODAY)
    assert {"utama", "tambahan"} <= {t.kind.value for t in staff_targets}
    indicators = store.indicators_for([t.id for t in staff_targets])
    assert indicators and all(i.target_value > 0 and i.unit for i in indicators)
    assert {"quantity", "quality"} <= {i.aspect.value for i in indicators}


# --- tasks ----------------------------------------------------------------------------------


def test_tasks_fill_every_column_with_assigned_linked_cards(built):
    store, _org = built
    for team in store.all_teams():
        tasks = store.tasks_for_team(team.id)
        assert {t.status.value for t in tasks} == {"backlog", "todo", "in_progress", "review", "done"}
        member_ids = {m.employee_id for m in store.memberships(team.id)}
        for task in tasks:
            assert task.assignees and set(task.assignees) <= member_ids
    rows = q(store, "SELECT * FROM tasks")
    assert sum(1 for r in rows if r["due_date"] and r["due_date"] < TODAY.isoformat() and r["status"] != "done") >= 5
    assert sum(1 for r in rows if r["target_id"]) > len(rows) // 2


# --- daily reports --------------------------------------------------------------------------


def test_reports_cover_three_months_in_every_state_and_work_mode(built):
    store, _org = built
    assert {r["status"] for r in q(store, "SELECT DISTINCT status FROM reports")} == {
        "draft", "submitted", "approved", "returned"}
    modes = q(store, "SELECT work_mode, MIN(location) AS loc, COUNT(*) AS n FROM reports GROUP BY work_mode")
    assert {m["work_mode"] for m in modes} == {"WFO", "WFH", "WFA"}
    assert q(store, "SELECT COUNT(*) AS n FROM reports WHERE work_mode = 'WFA' AND location = ''")[0]["n"] == 0
    first = store.scalar("SELECT MIN(work_date) FROM reports")
    assert (TODAY - dt.date.fromisoformat(first)).days >= 85
    assert store.scalar("SELECT MAX(work_date) FROM reports") == TODAY.isoformat()
    # a past draft is a report someone has not sent yet: only a few, only in the last week
    week_ago = (TODAY - dt.timedelta(days=7)).isoformat()
    assert store.scalar("SELECT COUNT(*) FROM reports WHERE status = 'draft' AND work_date < ?", (week_ago,)) == 0
    statuses = q(store, "SELECT status, MIN(work_date) AS first FROM reports GROUP BY status")
    approved = q(store, "SELECT COUNT(*) AS n FROM reports WHERE status = 'approved'")[0]["n"]
    assert approved > 0.85 * store.scalar("SELECT COUNT(*) FROM reports WHERE work_date < ?", (TODAY.isoformat(),))
    assert any(s["status"] == "submitted" for s in statuses)


def test_totals_equal_activities_and_days_are_plausible(built):
    store, _org = built
    mismatched = store.scalar("""SELECT COUNT(*) FROM reports r WHERE r.total_minutes !=
        (SELECT COALESCE(SUM(minutes), 0) FROM activities a WHERE a.report_id = r.id)""")
    assert mismatched == 0
    assert store.scalar("SELECT COUNT(*) FROM reports WHERE id NOT IN (SELECT report_id FROM activities)") == 0
    low, high = store.db.execute(
        "SELECT MIN(total_minutes), MAX(total_minutes) FROM reports WHERE work_date < ?", (TODAY.isoformat(),)).fetchone()
    assert low >= 300 and high <= 480
    low, high = store.db.execute("SELECT MIN(minutes), MAX(minutes) FROM activities").fetchone()
    assert low >= 30 and high <= 240
    sample = q(store, "SELECT * FROM activities ORDER BY id LIMIT 300")
    assert all(a["description"] and a["volume"] > 0 and a["volume_unit"] for a in sample)
    assert sum(bool(a["evidence"]) for a in sample) > 200
    assert sum(bool(a["indicator_id"]) for a in sample) > 150
    assert sum(bool(a["task_id"]) for a in sample) > 30
    assert any(a["evidence"].startswith("ND 180/") for a in sample)
    assert store.scalar("SELECT MAX(minutes) FROM activities WHERE description LIKE 'Apel pagi%'") <= 45


def test_staff_has_a_filled_history_and_a_draft_for_today(built):
    store, org = built
    staff = org.roles["staff"]
    draft = store.report_for(staff, TODAY)
    assert draft.status.value == "draft" and draft.editable and store.activities(draft.id)
    history = store.reports_for(staff, TODAY - dt.timedelta(days=91), TODAY - dt.timedelta(days=1))
    assert len(history) >= 55
    assert {r.status.value for r in history} >= {"approved", "submitted", "returned"}
    returned = next(r for r in history if r.status.value == "returned")
    assert returned.review_note and returned.reviewed_by
    assert {r.work_mode.value for r in history} >= {"WFO", "WFA"}
    recap = store.recap(staff, "2026-10")
    assert recap.allowance > 0 and 0.8 < float(recap.achievement) <= 1


def test_reports_go_to_the_team_lead_and_reviews_match(built):
    store, org = built
    for employee_id in {r["employee_id"] for r in q(store, "SELECT DISTINCT employee_id FROM reports")}:
        teams = {r["team_id"] for r in q(store, "SELECT DISTINCT team_id FROM reports WHERE employee_id = ?", (employee_id,))}
        assert teams == {store.default_team_id(employee_id)}
    reviews = q(store, """SELECT v.*, r.team_id AS report_team, r.employee_id, r.submitted_at, r.work_date, r.status
                          FROM reviews v JOIN reports r ON r.id = v.report_id""")
    for review in reviews:
        # verification per team: the lead of the review's team (or the JPT) decided it
        allowed = set(store.team_lead_ids(review["team_id"])) | {org.roles["jpt"]}
        assert review["reviewer_id"] in allowed and review["reviewer_id"] != review["employee_id"]
        assert review["decided_at"][:10] >= review["work_date"] and review["decided_at"][:10] < TODAY.isoformat()
        assert review["decision"] == "approve" or review["note"]
    # the report's status follows its default team's part (the demo's other teams approve theirs)
    last = {r["report_id"]: r for r in sorted(reviews, key=lambda r: r["decided_at"])
            if r["team_id"] == r["report_team"]}
    for report in q(store, "SELECT * FROM reports WHERE status IN ('approved', 'returned')"):
        assert last[report["id"]]["decision"] == ("approve" if report["status"] == "approved" else "return")
        assert report["reviewed_at"] == last[report["id"]]["decided_at"]
        assert report["submitted_at"] < report["reviewed_at"]


def test_late_reports_absences_and_negative_events_exist(built):
    store, _org = built
    policy = store.policy
    reports = q(store, "SELECT work_date, submitted_at FROM reports WHERE submitted_at IS NOT NULL")
    late = [r for r in reports if kinerja.is_late(dt.date.fromisoformat(r["work_date"]),
                                                  dt.datetime.fromisoformat(r["submitted_at"]), policy)]
    assert 1 <= len(late) < len(reports) * 0.05
    assert store.scalar("SELECT COUNT(*) FROM absences WHERE excused = 0") >= 1
    assert store.scalar("SELECT COUNT(*) FROM absences WHERE excused = 1") >= 5
    assert store.scalar("SELECT COUNT(*) FROM negative_events") >= 1
    slow = 0
    for row in q(store, """SELECT r.submitted_at, v.decided_at FROM reviews v JOIN reports r ON r.id = v.report_id
                           WHERE v.decision = 'approve'"""):
        submitted = dt.date.fromisoformat(row["submitted_at"][:10])
        window_end = kinerja.add_working_days(submitted, policy.review_window_working_days, policy)
        slow += row["decided_at"][:10] > window_end.isoformat()
    assert slow >= 3


def test_feedback_and_dwa(built):
    store, org = built
    feedback = q(store, "SELECT * FROM feedback")
    assert len(feedback) >= 10
    lead_ids = {r["employee_id"] for r in q(store, "SELECT employee_id FROM memberships WHERE role = 'lead'")}
    assert all(f["from_id"] in lead_ids and f["from_id"] != f["to_id"] for f in feedback)
    assert any(f["to_id"] == org.roles["staff"] for f in feedback)
    dwa = q(store, "SELECT * FROM dwa")
    assert {"3-2", "4-1"} <= {d["pattern"] for d in dwa}
    assert all(d["approved_by"] == org.roles["jpt"] for d in dwa)
    assert any(d["employee_id"] == org.roles["staff"] for d in dwa)


# --- act_as and ensure_demo -----------------------------------------------------------------


def test_act_as_each_role_a_nip_and_an_unknown(built):
    store, org = built
    try:
        for role in ("staff", "lead", "jpt"):
            assert demo.act_as(store, role).id == org.roles[role]
            assert store.get_meta("me") == org.roles[role]
        someone = org.employees[12]
        assert demo.act_as(store, someone.nip).id == someone.id
        assert store.me().id == someone.id
        with pytest.raises(DomainError) as refused:
            demo.act_as(store, "199901012020011999")
        assert refused.value.code == "employee_unknown"
        assert store.me().id == someone.id  # unchanged by the refusal
    finally:
        demo.act_as(store, "staff")


def test_ensure_demo_builds_once_and_roles_survive_reopening(tmp_path: Path):
    path = tmp_path / "ws" / "demo.db"
    assert demo.ensure_demo(path) == path
    assert sorted(p.name for p in path.parent.iterdir()) == ["demo.db"]
    first = path.stat()
    store = Store.open(path)
    lead = demo.act_as(store, "lead")
    assert store.reports_to_review(lead.id)
    assert store.report_for(demo.act_as(store, "staff").id, TODAY).status.value == "draft"
    store.close()
    stamp = path.stat()
    demo.ensure_demo(path)
    assert path.stat().st_mtime_ns == stamp.st_mtime_ns and path.stat().st_ino == first.st_ino


def test_a_failed_build_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo, "build_demo", broken)
    with pytest.raises(RuntimeError):
        demo.ensure_demo(tmp_path / "demo.db")
    assert list(tmp_path.iterdir()) == []


def test_an_abandoned_build_is_cleaned_up(tmp_path: Path):
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    for suffix in ("", "-wal"):
        (tmp_path / f".demo.db.building-{dead_pid}{suffix}").write_text("half-built")
    demo.ensure_demo(tmp_path / "demo.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


def test_progress_is_reported_up_to_done(tmp_path: Path):
    seen: list[tuple[str, float]] = []
    store = Store.open(tmp_path / "p.db")
    demo.build_demo(store, today=TODAY, progress=lambda stage, fraction: seen.append((stage, fraction)))
    store.close()
    assert seen and all(0.0 <= f <= 1.0 for _s, f in seen)
    assert ("Laporan harian", 1.0) in seen
