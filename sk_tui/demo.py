"""A deterministic, realistic demo workspace: the Biro Hukum of Setda Provinsi Jawa Barat.

    >>> org = demo_organisation(seed=2026)                # pure data, no store
    >>> org.roles.keys() == {"staff", "lead", "jpt"}
    True
    >>> path = ensure_demo(Path("demo.db"))               # doctest: +SKIP
    >>> act_as(Store.open(path), "lead").name             # doctest: +SKIP

Everything comes from ``random.Random(seed)`` (ids too: never uuid4) and from ``today``, so the
same seed and the same ``today`` give byte-identical tables. ``scale="large"`` writes a leader
workspace of more than a million activities with raw ``executemany`` (no model per activity).
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sk_tui import clock
from sk_tui import demo_data as data
from sk_tui.domain.models import (
    Absence,
    Aspect,
    Employee,
    Indicator,
    MemberRole,
    Membership,
    NegativeEvent,
    PerformancePlan,
    Target,
    TargetKind,
    Team,
    Unit,
)

if TYPE_CHECKING:
    from sk_tui.store import Store

Progress = Callable[[str, float], None]
ROLES = ("staff", "lead", "jpt")


@dataclass(frozen=True)
class _Scale:
    extra_employees: int  # beyond the small organisation
    team_size: int  # members of each generated team
    history_days: int  # calendar days of daily reports up to today
    big_team_cards: int  # cards on the one huge board (0: no such team)


SCALES = {
    "small": _Scale(extra_employees=0, team_size=0, history_days=92, big_team_cards=0),
    "large": _Scale(extra_employees=1000, team_size=16, history_days=400, big_team_cards=4000),
}


@dataclass
class DemoOrg:
    """The organisation of the demo: pure data, no store."""

    units: list[Unit] = field(default_factory=list)
    employees: list[Employee] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    plans: list[PerformancePlan] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # "staff", "lead", "jpt" -> employee id
    # team id -> work kind (key of demo_data.WORK); not stored, used to write the history
    team_work: dict[str, str] = field(default_factory=dict)
    big_team_id: str | None = None

    def models(self) -> list:
        return [*self.units, *self.employees, *self.teams, *self.memberships, *self.plans,
                *self.targets, *self.indicators]


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


def _uid(rng: random.Random) -> str:
    """A UUID4-shaped id from the seeded generator (same text as uuid.UUID(int=..., version=4))."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


def _scale(scale: str) -> _Scale:
    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r} (small or large)")
    return SCALES[scale]


# --- the organisation ----------------------------------------------------------------------


class _People:
    """Unique names and NIPs for generated employees."""

    def __init__(self, rng: random.Random, year: int):
        self.rng, self.year = rng, year
        self.names: set[str] = set()
        self.nips: set[str] = set()

    def name(self, male: bool, degrees: tuple[str, ...], doctor: bool) -> str:
        rng = self.rng
        while True:
            first = rng.choice(data.MALE_FIRST if male else data.FEMALE_FIRST)
            last = rng.choice(data.MALE_LAST if male else data.FEMALE_LAST)
            base = f"{first} {last}"
            if rng.random() < 0.2:
                base = f"{first} {rng.choice(data.MALE_FIRST if male else data.FEMALE_FIRST)} {last}"
            if base not in self.names:
                self.names.add(base)
                break
        degree = rng.choice(degrees)
        full = f"Dr. {base}" if doctor else base
        return f"{full}, {degree}" if degree else full

    def nip(self, male: bool, ages: tuple[int, int]) -> tuple[str, dt.date]:
        rng = self.rng
        while True:
            birth = dt.date(self.year - rng.randint(*ages), rng.randint(1, 12), rng.randint(1, 28))
            appointed = min(birth.year + rng.randint(22, 30), self.year - 1)
            appointed = max(appointed, birth.year + 18)
            nip = f"{birth:%Y%m%d}{appointed}{rng.choice((1, 2, 3, 3, 4, 12)):02d}{1 if male else 2}{rng.randint(1, 999):03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip, dt.date(appointed, int(nip[12:14]), 1)


def _staff_list(rng: random.Random, spec: _Scale) -> list[tuple[str, str]]:
    staff = list(data.SMALL_STAFF)
    extra_posts = ("analis_pertama", "analis_muda", "perancang_pertama", "perancang_muda", "penyuluh_pertama",
                   "kebijakan_muda", "penata_layanan", "pengolah_data", "pengadministrasi", "prakom_pertama",
                   "perencana_muda", "sdm_pertama", "arsiparis_terampil", "analis_madya")
    extra_units = ("hukum", "hukum", "hukum", "bappeda", "bkd", "kominfo", "dpmptsp")
    staff.extend((rng.choice(extra_posts), rng.choice(extra_units)) for _ in range(spec.extra_employees))
    return staff


def demo_organisation(seed: int = 2026, scale: str = "small", *, year: int | None = None) -> DemoOrg:
    """The demo organisation for ``seed`` and ``scale``; plans cover ``year`` (default: this year)."""
    spec = _scale(scale)
    year = year or clock.today().year
    rng = random.Random(seed)
    org = DemoOrg()

    units: dict[str, Unit] = {}
    for key, code, name, parent, agency in data.UNITS:
        units[key] = Unit(id=_uid(rng), code=code, name=name, agency=agency,
                          parent_id=units[parent].id if parent else None)
    org.units = list(units.values())

    people = _People(rng, year)
    for index, (post_key, unit_key) in enumerate(_staff_list(rng, spec)):
        kind, title, level, job_class, degrees, ages = data.POSTS[post_key]
        male = rng.random() < 0.55
        nip, _appointed = people.nip(male, ages)
        doctor = kind == "jpt" or (level == "Ahli Madya" and rng.random() < 0.3)
        org.employees.append(Employee(
            id=_uid(rng), nip=nip, name=people.name(male, degrees, doctor), position_kind=kind,
            position_title=title, jf_level=level, job_class=job_class, unit_id=units[unit_key].id,
            superior_id=None if index == data.JPT_INDEX or unit_key != "hukum" else "JPT",
            post_start=dt.date(year, 10, 5) if post_key == "operator_layanan" else None,
        ))
    jpt = org.employees[data.JPT_INDEX]
    for employee in org.employees:
        if employee.superior_id == "JPT":
            employee.superior_id = jpt.id
    org.roles = {"staff": org.employees[data.STAFF_INDEX].id, "lead": org.employees[data.LEAD_INDEX].id,
                 "jpt": jpt.id}

    _make_teams(org, rng, spec, year, units["hukum"].id)
    _make_plans(org, rng, year)
    return org


def _make_teams(org: DemoOrg, rng: random.Random, spec: _Scale, year: int, unit_id: str) -> None:
    """Teams and memberships. Team ids are sorted in team order, so the store's
    "first team by id" rule picks each person's first team as the one reviewing their reports."""
    people = org.employees
    # (name, scope, kind, work, lead index, member indexes, decree serial)
    plan: list[tuple[str, str, str, str, int, list[int], int]] = [
        (name, scope, kind, data.TEAM_WORK[key], lead, list(members), serial)
        for key, name, scope, kind, lead, members, serial in data.SMALL_TEAMS
    ]
    extra = list(range(len(data.SMALL_STAFF), len(people)))
    if spec.extra_employees:
        big_members = extra[: 24]
        plan.append((data.BIG_TEAM_NAME, "cross_unit", "administrative", "bankum", data.LEAD_INDEX, big_members, 20))
        rest = extra[24:]
        works = list(data.WORK)[:-1]
        scopes = ("internal", "cross_division", "cross_unit", "internal")
        for number, start in enumerate(range(0, len(rest), spec.team_size)):
            chunk = rest[start:start + spec.team_size]
            theme = data.EXTRA_TEAM_THEMES[number % len(data.EXTRA_TEAM_THEMES)]
            wave = number // len(data.EXTRA_TEAM_THEMES) + 1
            members = chunk[1:] + rng.sample(rest, 2)  # some sit on two teams
            members = [m for m in dict.fromkeys(members) if m != chunk[0]]
            plan.append((f"{theme} {wave}", scopes[number % 4], ("administrative", "development")[number % 2],
                         works[number % len(works)], chunk[0], members, 30 + number))
    team_ids = sorted(_uid(rng) for _ in plan)
    jpt_id = org.roles["jpt"]
    for team_id, (name, scope, kind, work, lead, members, serial) in zip(team_ids, plan, strict=True):
        org.teams.append(Team(
            id=team_id, name=name, unit_id=unit_id, scope=scope, kind=kind, jpt_id=jpt_id,
            decree_no=f"800.1.2/Kep.{serial:02d}-Huk/{year}", period_start=dt.date(year, 1, 2),
            period_end=dt.date(year, 12, 31),
        ))
        org.team_work[team_id] = work
        org.memberships.append(Membership(id=_uid(rng), team_id=team_id, employee_id=people[lead].id, role=MemberRole.LEAD))
        for member in members:
            org.memberships.append(Membership(id=_uid(rng), team_id=team_id, employee_id=people[member].id))
        if name == data.BIG_TEAM_NAME:
            org.big_team_id = team_id


def _make_plans(org: DemoOrg, rng: random.Random, year: int) -> None:
    """SKP plans; RHK cascade: unit RHK (JPT) -> team RHK (lead) -> member RHK (members)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    plans: dict[str, PerformancePlan] = {}
    for employee in org.employees:
        plans[employee.id] = PerformancePlan(id=_uid(rng), employee_id=employee.id, period_start=start, period_end=end)
    org.plans = list(plans.values())

    def target(owner: str, text: str, parent: str | None, team: str | None, kind: TargetKind,
               indicators: list[tuple[Aspect, str, float, str]]) -> Target:
        made = Target(id=_uid(rng), plan_id=plans[owner].id, kind=kind, text=text, parent_id=parent, team_id=team)
        org.targets.append(made)
        for aspect, text_, value, unit in indicators:
            org.indicators.append(Indicator(id=_uid(rng), target_id=made.id, aspect=aspect, text=text_,
                                            target_value=value, unit=unit))
        return made

    jpt = org.roles["jpt"]
    unit_targets = [target(jpt, text, None, None, TargetKind.UTAMA, [(Aspect.QUANTITY, ind, value, unit)])
                    for text, ind, value, unit in data.UNIT_TARGETS]
    keys = {name: key for key, name, *_ in data.SMALL_TEAMS}
    first_team: dict[str, str] = {}
    for membership in org.memberships:
        first_team.setdefault(membership.employee_id, membership.team_id)
    by_team: dict[str, list[Membership]] = {}
    for membership in org.memberships:
        by_team.setdefault(membership.team_id, []).append(membership)
    for team in org.teams:
        key = keys.get(team.name)
        text, ind, value, unit, member_rhk = data.TEAM_TARGETS.get(key or "", data.GENERIC_TEAM_TARGET)
        parent = unit_targets[1 if key == "bankum" else 0]
        lead = next(m.employee_id for m in by_team[team.id] if m.role == MemberRole.LEAD)
        team_target = target(lead, text, parent.id, team.id, TargetKind.UTAMA, [
            (Aspect.QUANTITY, ind, value, unit),
            (Aspect.TIME, "Ketepatan waktu penyelesaian keluaran tim", 100, "persen"),
        ])
        for membership in by_team[team.id]:
            if membership.role == MemberRole.LEAD:
                continue
            owner = membership.employee_id
            kind = TargetKind.UTAMA if first_team[owner] == team.id else TargetKind.TAMBAHAN
            for rhk_text, rhk_ind, rhk_value, rhk_unit in member_rhk[: 2 if kind == TargetKind.UTAMA else 1]:
                share = max(1, round(rhk_value * rng.uniform(0.7, 1.2))) if rhk_unit != "persen" else rhk_value
                target(owner, rhk_text, team_target.id, team.id, kind, [
                    (Aspect.QUANTITY, rhk_ind, share, rhk_unit),
                    (Aspect.QUALITY, "Persentase keluaran diterima tanpa revisi mayor", 90, "persen"),
                ])


# --- the workspace --------------------------------------------------------------------------


def second_lead(org: DemoOrg) -> str:
    """The lead of the staff member's other team (the demo lead leads their first): with the
    demo lead, the two leads who each verify their own part of one daily report."""
    staff, lead = org.roles["staff"], org.roles["lead"]
    mine = [m.team_id for m in org.memberships if m.employee_id == staff]
    leads = {m.team_id: m.employee_id for m in org.memberships if m.role == MemberRole.LEAD}
    return next(leads[t] for t in sorted(mine) if leads.get(t) not in (None, lead, staff))


DEMO_NEGATIVE_REFERENCE = "800.1.6.4/HD-07/BKD"  # a disciplinary decision's number (made up)


def demo_recap_inputs(org: DemoOrg, today: dt.date) -> tuple[list[Absence], list[NegativeEvent]]:
    """The staff member's recap inputs HR would import: a week of cuti, one day tanpa keterangan
    and one negative event with its decision number, all before ``today`` in its month (the
    month before when no whole week of it has passed yet), so the month's recap shows every step."""
    import uuid

    staff = org.roles["staff"]
    month = today.replace(day=1)
    monday = month + dt.timedelta(days=(7 - month.weekday()) % 7)
    if monday + dt.timedelta(days=8) >= today:  # the week and the day after it must have passed
        month = (month - dt.timedelta(days=1)).replace(day=1)
        monday = month + dt.timedelta(days=(7 - month.weekday()) % 7)
    key = uuid.UUID("0d3e5f0a-6c1b-4f8e-9a7d-2b4c6e8f1a3c")
    absences = [Absence(id=str(uuid.uuid5(key, f"absence/{staff}/{monday + dt.timedelta(days=n)}")), employee_id=staff,
                        day=monday + dt.timedelta(days=n), status="cuti", excused=True, reason="cuti tahunan")
                for n in range(5)]
    absent = monday + dt.timedelta(days=8)  # the Tuesday after
    absences.append(Absence(id=str(uuid.uuid5(key, f"absence/{staff}/{absent}")), employee_id=staff, day=absent,
                            status="tanpa_keterangan", excused=False))
    event_day = monday + dt.timedelta(days=7)
    negatives = [NegativeEvent(id=str(uuid.uuid5(key, f"negative/{staff}/{event_day}")), employee_id=staff,
                               day=event_day, kind="hukuman_disiplin", reference=DEMO_NEGATIVE_REFERENCE,
                               reason="hukuman disiplin ringan: teguran lisan")]
    return absences, negatives


def _quiet(stage: str, fraction: float) -> None:
    return None


def build_demo(store: Store, *, seed: int = 2026, scale: str = "small", today: dt.date | None = None,
               progress: Progress | None = None) -> DemoOrg:
    """Write the demo organisation and its history into ``store`` (best on a fresh file).

    Sets meta ``me`` to the staff role and ``demo_role_<role>`` for ``act_as``.
    """
    from sk_tui.demo_history import History

    spec = _scale(scale)
    progress = progress or _quiet
    today = today or store.today()
    progress("Organisasi", 0.0)
    org = demo_organisation(seed, scale, year=today.year)
    # A fresh file being built: durability buys nothing until the end (ensure_demo renames it
    # into place only once it is complete).
    with store.bulk_build():
        store.save_models(org.models())
        progress("Organisasi", 1.0)
        history = History(store, org, seed=seed, today=today, spec=spec, progress=progress)
        with store.transaction(), store.indexes_dropped(("reports", "activities", "reviews"),
                                                        lambda done: progress("Indeks", done)):
            progress("Papan tugas", 0.0)
            history.write_tasks()
            progress("Papan tugas", 1.0)
            history.write_reports()
            history.write_people_events()
            absences, negatives = demo_recap_inputs(org, today)
            store.save_models([*absences, *negatives])
            meta = {"me": org.roles["staff"], "demo_seed": str(seed), "demo_scale": scale,
                    "demo_today": today.isoformat(), "demo_activities": str(history.activity_count)}
            meta.update({f"demo_role_{role}": employee_id for role, employee_id in org.roles.items()})
            if org.big_team_id:
                meta["demo_big_team"] = org.big_team_id
            store.set_meta_values(meta)
        progress("Indeks", 1.0)
        progress("Menyimpan", 0.0)
        store.optimize()
        progress("Menyimpan", 1.0)
    return org


def ensure_demo(path: Path, *, scale: str = "small", seed: int = 2026, progress: Progress | None = None) -> Path:
    """The demo workspace at ``path``, built only if absent. It is built in a temporary file
    beside it and renamed into place, so a crash never leaves a half-built workspace."""
    from sk_tui.store import Store

    path = Path(path)
    if path.exists():
        return path
    _scale(scale)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_builds(path)
    building = path.with_name(f".{path.name}.building-{os.getpid()}")
    _remove_database(building)
    store = Store.open(building)
    try:
        build_demo(store, seed=seed, scale=scale, progress=progress)
        store.checkpoint()
    except BaseException:
        store.close()
        _remove_database(building)
        raise
    store.close()
    os.replace(building, path)
    return path


def _remove_database(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _remove_abandoned_builds(path: Path) -> None:
    """Temporary files of builds whose process is gone (killed mid-build)."""
    for leftover in path.parent.glob(f".{path.name}.building-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if not pid.isdigit():
            continue  # a -wal/-shm companion: removed with its database
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            _remove_database(leftover)
        except OSError:
            pass  # alive, owned by someone else


def act_as(store: Store, who: str) -> Employee:
    """Look at the workspace as ``who``: "staff", "lead", "jpt" or a NIP (or employee id).

    Sets meta ``me``; an unknown name raises DomainError("employee_unknown"), a malformed
    NIP DomainError("nip_invalid").
    """
    key = who.strip()
    employee_id = store.get_meta(f"demo_role_{key.lower()}") if key.lower() in ROLES else None
    employee = store.employee(employee_id) if employee_id else None
    if employee is None:
        # Unknown people and malformed NIPs get find_employee's own specific message.
        employee = store.find_employee(key)
    store.set_me(employee.id)
    return employee
