"""Administering the central endpoint: CSV import, adding users, loading the demo organisation.

CSV files (UTF-8, header row, comma separated; empty cells mean "none"):

| file            | columns (required in bold in the README)                                        |
|-----------------|----------------------------------------------------------------------------------|
| units.csv       | code, name, id, parent, agency, timezone                                         |
| employees.csv   | nip, name, position_kind, unit, id, position_title, jf_level, job_class,         |
|                 | superior_nip, timezone                                                           |
| teams.csv       | id, name, unit, jpt_nip, scope, kind, decree_no, period_start, period_end         |
| memberships.csv | team, nip, role                                                                  |

``unit`` / ``parent`` name a unit by code or id; ``team`` names a team by id. A bad row is
reported as ``file:line: reason`` and nothing is imported.
"""

from __future__ import annotations

import csv
import dataclasses
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy import select

from sk_tui.domain.errors import DomainError, validation_error
from sk_tui.domain.models import Employee, Membership, Team, Unit
from sk_tui.server import storage as st

NAMESPACE = uuid.UUID("6f1e1a52-6d0c-4b7e-9d41-5c1f3b7a2e10")
CSV_FILES = ("units", "employees", "teams", "memberships")

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


def _existing(db: st.ServerDB) -> _Known:
    with db.reading() as conn:
        units = {r.id: st.from_row(Unit, r.data) for r in conn.execute(select(st.units.c.id, st.units.c.data))}
        employees = {r.nip: r.id for r in conn.execute(select(st.employees.c.nip, st.employees.c.id))}
        teams = set(conn.execute(select(st.teams.c.id)).scalars())
        members = {(r.team_id, r.employee_id): r.id for r in conn.execute(
            select(st.memberships.c.team_id, st.memberships.c.employee_id, st.memberships.c.id))}
    by_code = {u.code: uid for uid, u in units.items() if u.code}
    return _Known(unit_ids=set(units), unit_codes=by_code, nips=employees, teams=teams, members=members)


def import_csv(db: st.ServerDB, files: dict[str, Path]) -> dict[str, int]:
    """Validate every row of every file, then load them all in one transaction."""
    known = _existing(db)
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
        for line, row in rows:
            check("employees", line, row, lambda row: Employee(
                id=known.nips[row["nip"]], nip=row["nip"], name=row["name"],
                position_kind=row["position_kind"], unit_id=unit_ref(row["unit"]) or _missing("unit"),
                superior_id=nip_ref(row.get("superior_nip", "")),
                **{k: row[k] for k in ("position_title", "jf_level", "job_class", "timezone") if row.get(k)}))
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
    if problems:
        raise CsvImportError(problems)
    records = {"unit": out["units"], "employee": out["employees"], "team": out["teams"],
               "membership": out["memberships"]}
    st.load_org(db, records)
    return {name: len(rows) for name, rows in out.items() if name in files}


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
    if job_class is not None:
        given["job_class"] = job_class
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


def load_demo(db: st.ServerDB, org: Any) -> int:
    """Load a DemoOrg (sk_tui.demo.demo_organisation) into the server."""
    records = {entity: [st.row_form(m) for m in getattr(org, attr, None) or []]
               for attr, entity in DEMO_PARTS.items()}
    return st.load_org(db, records)
