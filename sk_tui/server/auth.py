"""Device tokens: shown once, stored as a SHA-256 hash, revocable.

    >>> token = issue_token(db, "199105052019032012")     # doctest: +SKIP
    >>> who_has(db, token)                                # doctest: +SKIP
    'emp-ani'
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import select, update

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import Employee
from sk_tui.server.storage import ServerDB, employees, from_row, memberships, now_iso, teams, tokens

TOKEN_PREFIX = "skt_"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


def employee_id_for(db: ServerDB, who: str) -> str:
    """An employee id from a NIP or an id; DomainError when unknown."""
    with db.reading() as conn:
        found = conn.execute(
            select(employees.c.id).where((employees.c.nip == who.strip()) | (employees.c.id == who.strip()))
        ).scalar()
    if found is None:
        raise DomainError("employee_unknown", who=who)
    return found


def issue_token(db: ServerDB, who: str, label: str = "") -> str:
    """A new device token for the employee with this NIP (or id)."""
    employee_id = employee_id_for(db, who)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with db.writing() as conn:
        conn.execute(tokens.insert(), [{
            "token_hash": hash_token(token), "employee_id": employee_id, "label": label[:100],
            "created_at": now_iso(), "revoked_at": None,
        }])
    return token


def revoke(db: ServerDB, who: str | None = None, token: str | None = None) -> int:
    """Revoke one token, or every token of an employee; returns how many were live."""
    stmt = update(tokens).where(tokens.c.revoked_at.is_(None)).values(revoked_at=now_iso())
    if token:
        stmt = stmt.where(tokens.c.token_hash == hash_token(token))
    elif who:
        stmt = stmt.where(tokens.c.employee_id == employee_id_for(db, who))
    else:
        raise ValueError("revoke needs an employee or a token")
    with db.writing() as conn:
        return conn.execute(stmt).rowcount


def who_has(db: ServerDB, token: str) -> str | None:
    """The employee id a live token belongs to, or None (also when that employee is gone)."""
    with db.reading() as conn:
        return conn.execute(
            select(tokens.c.employee_id).join(employees, employees.c.id == tokens.c.employee_id).where(
                tokens.c.token_hash == hash_token(token), tokens.c.revoked_at.is_(None))
        ).scalar()


def roles_of(conn, employee_id: str, position_kind: str) -> list[str]:
    roles = {r for (r,) in conn.execute(select(memberships.c.role).where(memberships.c.employee_id == employee_id))}
    if position_kind == "jpt" or conn.execute(select(teams.c.id).where(teams.c.jpt_id == employee_id).limit(1)).first():
        roles.add("jpt")
    order = {"jpt": 0, "lead": 1, "member": 2}
    return sorted(roles, key=lambda r: order.get(r, 9))


def employee_summary(db: ServerDB, employee_id: str) -> dict[str, Any] | None:
    """Id, NIP, name and roles of an employee; None when there is no such employee."""
    with db.reading() as conn:
        row = conn.execute(select(employees.c.data, employees.c.position_kind).where(
            employees.c.id == employee_id)).first()
        if row is None:
            return None
        employee = from_row(Employee, row.data)
        return {"employee_id": employee_id, "nip": employee.nip, "name": employee.name,
                "roles": roles_of(conn, employee_id, row.position_kind)}


def list_users(db: ServerDB) -> list[dict[str, Any]]:
    """Every employee: NIP, name, roles, live token count."""
    with db.reading() as conn:
        role_rows = conn.execute(select(memberships.c.employee_id, memberships.c.role)).all()
        jpts = {r for (r,) in conn.execute(select(teams.c.jpt_id))}
        live: dict[str, int] = {}
        for (emp,) in conn.execute(select(tokens.c.employee_id).where(tokens.c.revoked_at.is_(None))):
            live[emp] = live.get(emp, 0) + 1
        roles: dict[str, set[str]] = {}
        for emp, role in role_rows:
            roles.setdefault(emp, set()).add(role)
        out = []
        for row in conn.execute(select(employees.c.id, employees.c.position_kind, employees.c.data)):
            employee = from_row(Employee, row.data)
            mine = set(roles.get(row.id, set()))
            if row.position_kind == "jpt" or row.id in jpts:
                mine.add("jpt")
            out.append({
                "id": row.id, "nip": employee.nip, "name": employee.name,
                "roles": sorted(mine, key=lambda r: {"jpt": 0, "lead": 1, "member": 2}.get(r, 9)),
                "tokens": live.get(row.id, 0),
            })
    return sorted(out, key=lambda u: u["name"])
