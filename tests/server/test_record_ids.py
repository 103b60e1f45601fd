"""The id registry (``record_ids``, Alembic revision 0005) holds exactly the ids the record tables
hold, whatever wrote them (load_org, pushed records, org ops, a deleted membership, the admin's
add-user, a replaced row), so the push engine's taken-id check, which reads only the registry,
answers as a look in every record table would: an id another kind of record holds is refused,
and an id freed by a delete can be taken again. An old database gets its registry filled by the
upgrade. The registry is PostgreSQL's (SK_TUI_TEST_PG_URL); on SQLite the engine looks in the
record tables, and the answers are the same."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, select

from sk_tui.domain.policy import DEFAULT_POLICY
from sk_tui.server import admin
from sk_tui.server import storage as st
from sk_tui.server.engine import PushEngine
from sk_tui.sync import protocol as p
from tests.helpers.live import ENTITY, database, org_models, seed
from tests.helpers.live_fixtures import BACKENDS

PG_ONLY = [b for b in BACKENDS if not isinstance(b, str)]


def _op(entity: str, entity_id: str, verb: str, payload: dict, base_version: int = 0) -> p.Op:
    return p.Op.model_validate({"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": entity_id, "op": verb,
                                "base_version": base_version, "payload": payload})


def create_task(task_id: str, title: str = "Kartu") -> p.Op:
    return _op("task", task_id, "create", {"id": task_id, "team_id": "team-a", "title": title, "description": "",
                                           "assignees": "[]", "status": "backlog", "rank": 1.0, "version": 1})


def registry(db: st.ServerDB) -> set[tuple[str, str]]:
    with db.reading() as conn:
        return {(row.entity, row.id) for row in conn.execute(select(st.record_ids.c.entity, st.record_ids.c.id))}


def records(db: st.ServerDB) -> set[tuple[str, str]]:
    with db.reading() as conn:
        return {(entity, rid) for entity, table in st.RECORD_TABLES.items()
                for rid in conn.execute(select(table.c.id)).scalars()}


@pytest.fixture(params=BACKENDS)
def engine(request, tmp_path):
    with database(request.param, tmp_path) as url:
        seed(url)
        db = st.ServerDB.open(url)
        try:
            yield PushEngine(db, DEFAULT_POLICY)
        finally:
            db.close()


def membership_of(db: st.ServerDB, employee_id: str) -> str:
    m = st.memberships.c
    with db.reading() as conn:
        return conn.execute(select(m.id).where(m.employee_id == employee_id, m.team_id == "team-a")).scalar_one()


def statuses(out: list) -> list[str]:
    return [r["status"] if isinstance(r, dict) else repr(r) for results in out for r in results]


@pytest.mark.parametrize("engine", PG_ONLY, indirect=True)
def test_every_write_path_keeps_the_registry_in_step(engine):
    db = engine.db
    assert registry(db) == records(db) and ("team", "team-a") in registry(db)  # load_org
    ids = [f"task-{n}" for n in range(5)]
    assert statuses(engine.push_group([("emp-lead", [create_task(i) for i in ids])])) == ["applied"] * 5
    # an update replaces the row (delete, then insert): the id stays registered, once
    update = _op("task", ids[0], "update", {"title": "Baru"}, base_version=1)
    assert statuses(engine.push_group([("emp-lead", [update])])) == ["applied"]
    gone = membership_of(db, "emp-dedi")
    assert statuses(engine.push_group([("emp-jpt", [_op("membership", gone, "delete", {})])])) == ["applied"]
    admin.add_user(db, nip="199512122020121001", name="Baru", unit="unit-hukum")
    held = registry(db)
    assert held == records(db)
    assert {("task", i) for i in ids} <= held and ("membership", gone) not in held
    assert sum(1 for entity, _rid in held if entity == "employee") == 6


def test_an_id_is_refused_while_another_kind_of_record_holds_it_and_free_once_deleted(engine):
    db = engine.db
    held = membership_of(db, "emp-dedi")
    refused = engine.push_group([("emp-lead", [create_task(held)])])[0][0]
    assert (refused["status"], refused["reason"]) == ("rejected", "id_unavailable")
    assert statuses(engine.push_group([("emp-jpt", [_op("membership", held, "delete", {})])])) == ["applied"]
    assert statuses(engine.push_group([("emp-lead", [create_task(held)])])) == ["applied"]
    if not db.is_sqlite:
        assert ("task", held) in registry(db) and ("membership", held) not in registry(db)


@pytest.mark.parametrize("kind", PG_ONLY)
def test_an_old_database_gets_its_registry_filled_by_the_upgrade(kind, tmp_path):
    with database(kind, tmp_path) as url:
        sa_engine = create_engine(st.normalise_url(url))
        try:
            with sa_engine.begin() as conn:
                st.ServerDB.migrate(conn, "0004")
                _, models = org_models()
                for entity in st.ORG_ORDER:
                    rows = [m.model_dump(mode="json") for m in models if ENTITY[type(m).__name__] == entity]
                    if rows:
                        conn.execute(st.RECORD_TABLES[entity].insert(), [st.org_rows(entity, r)[0] for r in rows])
                conn.execute(st.tasks.insert(), [{"id": "task-old", "team_id": "team-a", "version": 1, "data": "{}"}])
        finally:
            sa_engine.dispose()
        db = st.ServerDB.open(url)  # what a server does at start: upgrade to head
        try:
            held = registry(db)
            assert held == records(db) and ("task", "task-old") in held and ("team", "team-a") in held
            engine = PushEngine(db, DEFAULT_POLICY)
            refused = engine.push_group([("emp-lead", [create_task("team-a")])])[0][0]
            assert refused["reason"] == "id_unavailable"  # a team's id, found through the registry
        finally:
            db.close()
