"""Administering the central endpoint: CSV import, adding users, loading the demo organisation.

CSV files (UTF-8, header row, comma separated; empty cells mean "none"):

| file            | columns (required in bold in the README)                                        |
|-----------------|----------------------------------------------------------------------------------|
| units.csv       | code, name, id, parent, agency, timezone                                         |
| employees.csv   | nip, name, position_kind, unit, id, position_title, jf_level, job_class,         |
|                 | superior_nip, timezone                                                           |
| teams.csv       | id, name, unit, jpt_nip, scope, kind, decree_no, period_start, period_end         |
| memberships.csv | team, nip, role                                                                  |
| attendance.csv  | nip, date, status (hadir, cuti, sakit, izin, dinas_luar, tanpa_keterangan)       |
| negative_events.csv | nip, date, kind, reference, reason                                           |
| plans.csv       | id, nip, period_start, period_end, status                                        |
| targets.csv     | id, plan, text, kind, parent, team                                               |
| indicators.csv  | id, target, text, target_value, unit, aspect                                     |

employees.csv also takes post_start and post_end (dates); its job_class is required and must be
in the policy's ceiling table. ``unit`` / ``parent`` name a unit by code or id; ``team`` names a
team by id; ``plan``, ``target`` and ``parent`` (an RHK) name a record by id. A bad row is
reported as ``file:line: reason`` and nothing is imported. Re-importing a file changes nothing:
attendance is keyed by (nip, date), a negative event by (nip, date, kind, reference).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import func, select

from sk_tui.domain.errors import DomainError, validation_error
from sk_tui.domain.models import (
    Absence,
    Employee,
    Indicator,
    Membership,
    NegativeEvent,
    PerformancePlan,
    Target,
    Team,
    Unit,
)
from sk_tui.domain.policy import ATTENDANCE_STATUSES, DEFAULT_POLICY, Policy
from sk_tui.server import storage as st

NAMESPACE = uuid.UUID("6f1e1a52-6d0c-4b7e-9d41-5c1f3b7a2e10")
CSV_FILES = ("units", "employees", "teams", "memberships", "plans", "targets", "indicators", "attendance",
             "negative_events")

_M = TypeVar("_M", bound=BaseModel)


class CsvImportError(ValueError):
    """Bad rows: ``problems`` lists ``file:line: reason`` (English); ``lines(lang)`` the same
    in the admin's language."""

    def __init__(self, rows: list[tuple[str, Exception]]):
        self.rows = rows  # (file:line, what was wrong)
        self.problems = self.lines("en")
        super().__init__(self.problems[0] if self.problems else "import failed")

    def lines(self, lang: str) -> list[str]:
        return [f"{where}: {_why(exc, lang)}" for where, exc in self.rows]


def stable_id(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def _why(exc: Exception, lang: str = "en") -> str:
    # a model's refusal and the import's own (DomainError) in the domain's words
    if isinstance(exc, ValidationError):
        return validation_error(exc).message(lang)
    if isinstance(exc, DomainError):
        return exc.message(lang)
    if isinstance(exc, KeyError):  # a column the file does not have
        return DomainError("column_required", column=exc.args[0] if exc.args else "?").message(lang)
    return str(exc)


def _read(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}) for row in reader]


@dataclasses.dataclass
class _Known:
    """The organisation as stored, plus what the files being imported add as they are read."""

    unit_ids: set[str]
    unit_codes: dict[str, str]  # code -> unit id
    nips: dict[str, str]  # NIP -> employee id
    teams: set[str]
    members: dict[tuple[str, str], str]  # (team id, employee id) -> membership id
    plans: set[str] = dataclasses.field(default_factory=set)
    targets: set[str] = dataclasses.field(default_factory=set)


def _existing(db: st.ServerDB) -> _Known:
    with db.reading() as conn:
        units = {r.id: st.from_row(Unit, r.data) for r in conn.execute(select(st.units.c.id, st.units.c.data))}
        employees = {r.nip: r.id for r in conn.execute(select(st.employees.c.nip, st.employees.c.id))}
        teams = set(conn.execute(select(st.teams.c.id)).scalars())
        members = {(r.team_id, r.employee_id): r.id for r in conn.execute(
            select(st.memberships.c.team_id, st.memberships.c.employee_id, st.memberships.c.id))}
        plans = set(conn.execute(select(st.plans.c.id)).scalars())
        targets = set(conn.execute(select(st.targets.c.id)).scalars())
    by_code = {u.code: uid for uid, u in units.items() if u.code}
    return _Known(unit_ids=set(units), unit_codes=by_code, nips=employees, teams=teams, members=members,
                  plans=plans, targets=targets)


def import_csv(db: st.ServerDB, files: dict[str, Path]) -> dict[str, int]:
    """Validate every row of every file, then load them all in one transaction."""
    known = _existing(db)
    policy = current_policy(db)[0]
    problems: list[tuple[str, Exception]] = []
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in CSV_FILES}

    def unit_ref(value: str) -> str | None:
        if not value:
            return None
        if value in known.unit_ids:
            return value
        if value in known.unit_codes:
            return known.unit_codes[value]
        raise DomainError("unit_unknown", value=value)

    def nip_ref(value: str) -> str | None:
        if not value:
            return None
        if value in known.nips:
            return known.nips[value]
        raise DomainError("nip_unknown", value=value)

    def check(name: str, line: int, row: dict[str, str], build: Callable[[dict[str, str]], BaseModel]) -> None:
        try:
            model = build(row)
        except (ValueError, ValidationError, KeyError) as exc:
            problems.append((f"{files[name]}:{line}", exc))
            return
        out[name].append(st.row_form(model))

    if "units" in files:
        rows = _read(files["units"])
        for _line, row in rows:  # codes first so parents may come later in the file
            if row.get("code"):
                uid = row.get("id") or stable_id("unit", row["code"])
                known.unit_ids.add(uid)
                known.unit_codes[row["code"]] = uid
        for line, row in rows:
            check("units", line, row, lambda row: Unit(
                id=row.get("id") or stable_id("unit", row["code"]), code=row["code"], name=row["name"],
                parent_id=unit_ref(row.get("parent", "")),
                **{k: row[k] for k in ("agency", "timezone") if row.get(k)}))
    if "employees" in files:
        rows = _read(files["employees"])
        for _line, row in rows:
            if row.get("nip"):
                known.nips.setdefault(row["nip"], row.get("id") or stable_id("employee", row["nip"]))
        def employee(row: dict[str, str]) -> Employee:
            built = Employee(  # the row's other columns first, so a bad NIP is named before the class
                id=known.nips[row["nip"]], nip=row["nip"], name=row["name"],
                position_kind=row["position_kind"], unit_id=unit_ref(row["unit"]) or _missing("unit"),
                superior_id=nip_ref(row.get("superior_nip", "")),
                **{k: row[k] for k in ("position_title", "jf_level", "timezone", "post_start", "post_end")
                   if row.get(k)})
            job_class = row.get("job_class") or _missing("job_class")
            built.job_class = policy.known_job_class(job_class)  # validated on assignment
            return built

        for line, row in rows:
            check("employees", line, row, employee)
    if "teams" in files:
        rows = _read(files["teams"])
        known.teams.update(row["id"] for _line, row in rows if row.get("id"))
        for line, row in rows:
            check("teams", line, row, lambda row: Team(
                id=row.get("id") or _missing("id"), name=row["name"], unit_id=unit_ref(row["unit"]) or _missing("unit"),
                jpt_id=nip_ref(row["jpt_nip"]) or _missing("jpt_nip"),
                **{k: row[k] for k in ("scope", "kind", "decree_no", "period_start", "period_end") if row.get(k)}))
    if "memberships" in files:
        def membership(row: dict[str, str]) -> Membership:
            team = row.get("team") or _missing("team")
            if team not in known.teams:
                raise DomainError("team_unknown", team_id=team)
            employee = nip_ref(row.get("nip", "")) or _missing("nip")
            mid = known.members.get((team, employee)) or stable_id("membership", f"{team}/{employee}")
            return Membership(id=mid, team_id=team, employee_id=employee, role=row.get("role") or "member")

        for line, row in _read(files["memberships"]):
            check("memberships", line, row, membership)
    _skp(files, known, nip_ref, check)
    _recap_inputs(files, nip_ref, check)
    if problems:
        raise CsvImportError(problems)
    records = {"unit": out["units"], "employee": out["employees"], "team": out["teams"],
               "membership": out["memberships"], "plan": out["plans"], "target": out["targets"],
               "indicator": out["indicators"]}
    st.load_org(db, records)
    if out["attendance"] or out["negative_events"]:
        save_person_records(db, absences=out["attendance"], negatives=out["negative_events"])
    return {name: len(rows) for name, rows in out.items() if name in files}


_Check = Callable[[str, int, dict[str, str], Callable[[dict[str, str]], BaseModel]], None]


def _skp(files: dict[str, Path], known: _Known, nip_ref: Callable[[str], str | None], check: _Check) -> None:
    """plans.csv, targets.csv (RHK, with the parent RHK they cascade from), indicators.csv (IKI)."""
    if "plans" in files:
        rows = _read(files["plans"])
        known.plans.update(row["id"] for _line, row in rows if row.get("id"))
        for line, row in rows:
            check("plans", line, row, lambda row: PerformancePlan(
                id=row.get("id") or _missing("id"), employee_id=nip_ref(row.get("nip", "")) or _missing("nip"),
                period_start=row.get("period_start") or _missing("period_start"),
                period_end=row.get("period_end") or _missing("period_end"),
                **{k: row[k] for k in ("status",) if row.get(k)}))
    if "targets" in files:
        rows = _read(files["targets"])
        known.targets.update(row["id"] for _line, row in rows if row.get("id"))

        def target(row: dict[str, str]) -> Target:
            plan = row.get("plan") or _missing("plan")
            if plan not in known.plans:
                raise DomainError("plan_unknown", value=plan)
            parent = row.get("parent") or None
            if parent is not None and parent not in known.targets:
                raise DomainError("parent_rhk_unknown", value=parent)
            team = row.get("team") or None
            if team is not None and team not in known.teams:
                raise DomainError("team_unknown", team_id=team)
            return Target(id=row.get("id") or _missing("id"), plan_id=plan, text=row.get("text") or _missing("text"),
                          parent_id=parent, team_id=team, **{k: row[k] for k in ("kind",) if row.get(k)})

        for line, row in rows:
            check("targets", line, row, target)
    if "indicators" in files:
        def indicator(row: dict[str, str]) -> Indicator:
            target_id = row.get("target") or _missing("target")
            if target_id not in known.targets:
                raise DomainError("target_unknown", value=target_id)
            return Indicator(id=row.get("id") or _missing("id"), target_id=target_id,
                             text=row.get("text") or _missing("text"),
                             target_value=row.get("target_value") or _missing("target_value"),
                             unit=row.get("unit") or _missing("unit"),
                             **{k: row[k] for k in ("aspect",) if row.get(k)})

        for line, row in _read(files["indicators"]):
            check("indicators", line, row, indicator)


def _recap_inputs(files: dict[str, Path], nip_ref: Callable[[str], str | None], check: _Check) -> None:
    """attendance.csv and negative_events.csv; ids are derived from their keys, so a re-import
    replaces rather than adds (and a corrected status replaces the day's old one)."""
    if "attendance" in files:
        seen: dict[tuple[str, str], int] = {}

        def attendance(line: int, row: dict[str, str]) -> Absence:
            employee_id = nip_ref(row.get("nip", "")) or _missing("nip")
            day = row.get("date") or _missing("date")
            status = row.get("status") or _missing("status")
            if status not in ATTENDANCE_STATUSES:
                raise DomainError("attendance_status_unknown", value=status, known=", ".join(ATTENDANCE_STATUSES))
            absence = Absence(id=stable_id("attendance", f"{employee_id}/{day}"), employee_id=employee_id, day=day,
                              status=status, excused=status != "tanpa_keterangan")
            key = (employee_id, absence.day.isoformat())
            if key in seen:
                raise DomainError("attendance_repeated", line=seen[key])
            seen[key] = line
            return absence

        for line, row in _read(files["attendance"]):
            check("attendance", line, row, lambda row, line=line: attendance(line, row))  # type: ignore[misc]
    if "negative_events" in files:
        for line, row in _read(files["negative_events"]):
            check("negative_events", line, row, lambda row: negative_event(
                nip_ref(row.get("nip", "")) or _missing("nip"), row.get("date") or _missing("date"),
                row.get("kind") or _missing("kind"), row.get("reference", ""), row.get("reason", "")))


def negative_event(employee_id: str, day: str | dt.date, kind: str, reference: str, reason: str = "") -> NegativeEvent:
    """One negative event as HR records it; its id is its key (person, date, kind, reference)."""
    day_text = day.isoformat() if isinstance(day, dt.date) else day
    return NegativeEvent(id=stable_id("negative", f"{employee_id}/{day_text}/{kind}/{reference}"),
                         employee_id=employee_id, day=day, kind=kind, reference=reference,
                         reason=reason or (f"{kind} {reference}".strip()))


def save_person_records(db: st.ServerDB, *, absences: list[dict[str, Any]] | None = None,
                        negatives: list[dict[str, Any]] | None = None) -> None:
    """Store attendance rows and negative events (row form) and log them to the person, their
    team leads and their JPT, in one transaction. A row that is stored already, unchanged, is
    not logged again (an idempotent re-import adds nothing to the change log)."""
    with db.writing() as conn:
        entries: list[dict[str, Any]] = []
        for table, entity, rows in ((st.attendance, "absence", absences or []),
                                    (st.negative_events, "negative_event", negatives or [])):
            if not rows:
                continue
            ids = [r["id"] for r in rows]
            stored: dict[str, str] = {}
            for start in range(0, len(ids), 900):
                stored.update(conn.execute(select(table.c.id, table.c.data)
                                           .where(table.c.id.in_(ids[start:start + 900]))).all())
            changed = [r for r in rows if stored.get(r["id"]) != st.dumps(r)]
            if entity == "absence":
                # a corrected day under another id (never: ids are keyed by person and day)
                table_rows = [{"id": r["id"], "employee_id": r["employee_id"], "day": r["day"], "status": r["status"],
                               "data": st.dumps(r)} for r in changed]
            else:
                table_rows = [{"id": r["id"], "employee_id": r["employee_id"], "day": r["day"], "kind": r["kind"],
                               "data": st.dumps(r)} for r in changed]
            db.upsert(conn, table, table_rows, existing=set(stored))
            entries += st.person_changes(conn, entity, [{**r, "data": st.dumps(r)} for r in changed])
        db.append_changes(conn, entries)


def add_negative(db: st.ServerDB, *, nip: str, day: str, kind: str, reference: str, reason: str = "") -> NegativeEvent:
    """`sk-tui server negative add`: one negative event (ValueError: unknown NIP or a bad field)."""
    known = _existing(db)
    key = nip.strip().replace(" ", "")
    if key not in known.nips:
        raise DomainError("nip_unknown", value=nip)
    event = negative_event(known.nips[key], day, kind, reference, reason)
    save_person_records(db, negatives=[st.row_form(event)])
    return event


# --- the agency's policy (issue 10 point 4) ----------------------------------------------


def current_policy(db: st.ServerDB) -> tuple[Policy, int, str]:
    """(policy in force, version, hash); version 0 and the defaults until one is set."""
    with db.reading() as conn:
        row = conn.execute(select(st.policy_versions.c.version, st.policy_versions.c.toml)
                           .order_by(st.policy_versions.c.version.desc()).limit(1)).first()
    if row is None:
        return DEFAULT_POLICY, 0, DEFAULT_POLICY.fingerprint()
    policy = Policy.from_toml_text(row.toml)
    return policy, row.version, policy.fingerprint()


class PolicyProvider:
    """The policy a running server decides pushes with: the agency's latest stored version
    (`server policy set`, from any process), else ``fallback`` (policy.toml or the defaults).

    Each call reads the stored version number (one primary-key max) and parses the TOML only
    when it changed, so a new version counts from the next push in every worker, no restart."""

    def __init__(self, db: st.ServerDB, fallback: Policy = DEFAULT_POLICY):
        import threading

        self.db, self.fallback = db, fallback
        self._lock = threading.Lock()
        self._cached: tuple[int, Policy] | None = None
        self._latest = select(func.max(st.policy_versions.c.version))  # built once: it runs per push

    def __call__(self, conn: Any = None) -> Policy:
        """The policy for the push about to be decided; ``conn``: that push's own transaction
        (no connection of its own: one indexed read on it)."""
        if conn is None:
            with self.db.reading() as own:
                return self(own)
        version = conn.execute(self._latest).scalar()
        if version is None:
            return self.fallback
        with self._lock:
            if self._cached is None or self._cached[0] != version:
                text = conn.execute(select(st.policy_versions.c.toml)
                                    .where(st.policy_versions.c.version == version)).scalar_one()
                self._cached = (version, Policy.from_toml_text(text))
            return self._cached[1]


def current_policy_text(db: st.ServerDB) -> str | None:
    with db.reading() as conn:
        return conn.execute(select(st.policy_versions.c.toml)
                            .order_by(st.policy_versions.c.version.desc()).limit(1)).scalar()


def set_policy(db: st.ServerDB, text: str) -> tuple[int, str, bool]:
    """Store a new policy version (validated first; DomainError/ValueError otherwise) and log
    it to everyone. Returns (version, hash, changed): the same numbers as the version in force
    change nothing. Raises ValueError naming the first bad key."""
    import tomllib

    try:
        policy = Policy.from_toml_text(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"not valid TOML: {exc}") from None
    except ValidationError as exc:
        from sk_tui.domain.errors import first_error_line

        raise ValueError(first_error_line(exc)) from None
    digest = policy.fingerprint()
    with db.writing() as conn:
        row = conn.execute(select(st.policy_versions.c.version, st.policy_versions.c.hash)
                           .order_by(st.policy_versions.c.version.desc()).limit(1)).first()
        if row is not None and row.hash == digest:
            return row.version, digest, False
        version = (row.version if row is not None else 0) + 1
        stamp = st.now_iso()
        conn.execute(st.policy_versions.insert().values(version=version, hash=digest, toml=text, set_at=stamp))
        record = {"id": st.POLICY_ENTITY_ID, "version": version, "hash": digest, "toml": text, "set_at": stamp}
        db.append_changes(conn, [{"entity": "policy", "entity_id": st.POLICY_ENTITY_ID, "vis": st.VIS_ALL,
                                  "data": st.dumps(record)}])
    return version, digest, True


def _missing(column: str) -> NoReturn:
    raise DomainError("column_required", column=column)


class EmployeeExists(ValueError):
    """`user-add` on a NIP already stored, with nothing given that would change it."""

    def __init__(self, employee: Employee):
        super().__init__(f"NIP {employee.nip} already exists ({employee.name}); nothing changed")
        self.employee = employee


class MissingFields(ValueError):
    """A new employee needs these (as the command's options name them)."""

    def __init__(self, fields: list[str]):
        super().__init__("required for a new employee: " + ", ".join(fields))
        self.fields = fields


@dataclasses.dataclass
class UserAdded:
    """What `add_user` did: ``changes`` lists (field, old, new) as shown to the admin; on a new
    employee it is empty, on an existing one it is never empty (nothing to change is refused)."""

    employee: Employee
    created: bool
    changes: list[tuple[str, str, str]]


# Employee field -> the name the admin typed it under (user-add's options)
_FIELD_NAMES = {"name": "name", "unit_id": "unit", "position_kind": "position-kind",
                "position_title": "title", "job_class": "job-class", "superior_id": "superior"}


def add_user(db: st.ServerDB, *, nip: str, name: str | None = None, unit: str | None = None,
             position_kind: str | None = None, position_title: str | None = None, job_class: int | None = None,
             superior: str | None = None, team: str | None = None, role: str | None = None) -> UserAdded:
    """Add one employee, or change the fields given (not None) of an existing one, optionally
    putting them onto ``team`` (as ``role``, default member). On an existing NIP the fields not
    given stay as stored: the job class sets the allowance ceiling and must not be reset by a
    command that did not name it. ``superior`` is a NIP ("" clears it).

    Raises EmployeeExists when the NIP is stored and nothing given differs, MissingFields when a
    new NIP lacks a name or unit, DomainError for an unknown unit, team or superior.
    """
    known = _existing(db)
    key = nip.strip().replace(" ", "")  # as the model normalises it
    given: dict[str, Any] = {}
    if name is not None:
        given["name"] = name
    if unit is not None:
        unit_id = unit if unit in known.unit_ids else known.unit_codes.get(unit)
        if unit_id is None:
            raise DomainError("unit_unknown", value=unit)
        given["unit_id"] = unit_id
    if position_kind is not None:
        given["position_kind"] = position_kind
    if position_title is not None:
        given["position_title"] = position_title
    if job_class is not None:  # refused as the import refuses it: a class without a ceiling pays Rp 0
        given["job_class"] = current_policy(db)[0].known_job_class(job_class)
    if superior is not None:
        superior_nip = superior.strip().replace(" ", "")
        if superior_nip and superior_nip not in known.nips:
            raise DomainError("superior_unknown", value=superior)
        given["superior_id"] = known.nips[superior_nip] if superior_nip else None
    if team and team not in known.teams:
        raise DomainError("team_unknown", team_id=team)

    employee_id = known.nips.get(key)
    changes: list[tuple[str, str, str]] = []
    if employee_id is None:
        missing = [option for option, value in (("name", name), ("unit", unit)) if value is None]
        if missing:
            raise MissingFields(missing)
        employee = Employee(id=stable_id("employee", key), nip=nip,
                            **{"position_kind": "pelaksana", **given})
    else:
        current = _stored(db, st.employees, Employee, employee_id)
        employee = current.model_copy()
        for field, value in given.items():
            setattr(employee, field, value)  # validated one by one (validate_assignment)
        shown = _Shown(known)
        changes = [(_FIELD_NAMES[f], shown(f, getattr(current, f)), shown(f, getattr(employee, f)))
                   for f in given if getattr(current, f) != getattr(employee, f)]
    records: dict[str, list[dict[str, Any]]] = {}
    if changes or employee_id is None:
        records["employee"] = [st.row_form(employee)]
    if team:
        mid = known.members.get((team, employee.id))
        old_role = _stored(db, st.memberships, Membership, mid).role if mid else None
        new_role = role or old_role or "member"
        if new_role != old_role:
            membership = Membership(id=mid or stable_id("membership", f"{team}/{employee.id}"), team_id=team,
                                    employee_id=employee.id, role=new_role)
            records["membership"] = [st.row_form(membership)]
            if employee_id is not None:
                changes.append((f"team {team}", _text(old_role), _text(new_role)))
    if employee_id is not None and not changes:
        raise EmployeeExists(employee)
    st.load_org(db, records)
    return UserAdded(employee=employee, created=employee_id is None, changes=changes)


def _stored(db: st.ServerDB, table: Any, model: type[_M], record_id: str) -> _M:
    with db.reading() as conn:
        data = conn.execute(select(table.c.data).where(table.c.id == record_id)).scalar_one()
    return st.from_row(model, data)


def _text(value: Any) -> str:
    """A field's value as the admin reads it: enums by value, nothing as "-"."""
    if value is None or value == "":
        return "-"
    return str(getattr(value, "value", value))


@dataclasses.dataclass
class _Shown:
    """Ids shown as the admin typed them: a unit by its code, a superior by NIP."""

    known: _Known

    def __call__(self, field: str, value: Any) -> str:
        if field == "unit_id":
            codes = {uid: code for code, uid in self.known.unit_codes.items()}
            return codes.get(value, _text(value))
        if field == "superior_id":
            nips = {eid: nip for nip, eid in self.known.nips.items()}
            return nips.get(value, _text(value))
        return _text(value)


def is_empty(db: st.ServerDB) -> bool:
    with db.reading() as conn:
        return conn.execute(select(st.employees.c.id).limit(1)).first() is None


DEMO_PARTS = {"units": "unit", "employees": "employee", "teams": "team", "memberships": "membership",
              "plans": "plan", "targets": "target", "indicators": "indicator"}


def load_demo(db: st.ServerDB, org: Any, absences: Sequence[Absence] = (), negatives: Sequence[NegativeEvent] = ()) -> int:
    """Load a DemoOrg (sk_tui.demo.demo_organisation) into the server, with the recap inputs
    HR would import (sk_tui.demo.demo_recap_inputs)."""
    records = {entity: [st.row_form(m) for m in getattr(org, attr, None) or []]
               for attr, entity in DEMO_PARTS.items()}
    count = st.load_org(db, records)
    if absences or negatives:
        save_person_records(db, absences=[st.row_form(a) for a in absences],
                            negatives=[st.row_form(n) for n in negatives])
    return count + len(absences) + len(negatives)
