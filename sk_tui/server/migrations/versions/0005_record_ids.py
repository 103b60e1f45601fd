"""The id registry (issue 13): every record id of every record table with its entity, so the
push engine's taken-id check is one index probe an id instead of a look in twelve tables.

Kept in step by triggers on the record tables (an insert registers the id, a delete drops it),
so every path that writes a record (push, org ops, admin import, load_org, a restore, raw SQL)
registers it in the same statement, hence the same transaction. No ``ON CONFLICT``: a record
table's own key refuses a second row with the id, and a replaced row (delete, then insert)
was dropped from the registry by its delete. PostgreSQL: one statement-level
trigger a table and event, reading the statement's transition table (a COPY of 500 rows runs
one set-wise INSERT, not 500 calls). Filled here from the existing records. PostgreSQL only:
on SQLite the table is made (the schema is one) but stays empty, see upgrade.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# entity -> table, as storage.RECORD_TABLES is today (a revision never imports code that may change)
TABLES = {
    "unit": "units", "employee": "employees", "team": "teams", "membership": "memberships", "plan": "plans",
    "target": "targets", "indicator": "indicators", "task": "tasks", "report": "reports", "review": "reviews",
    "feedback": "feedback", "dwa": "dwa",
}

_PG_FUNCTIONS = """
CREATE OR REPLACE FUNCTION sk_tui_record_ids_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO record_ids (id, entity) SELECT id, TG_ARGV[0] FROM sk_new_rows;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION sk_tui_record_ids_drop() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM record_ids r USING sk_old_rows o WHERE r.id = o.id AND r.entity = TG_ARGV[0];
    RETURN NULL;
END $$;
"""


def upgrade() -> None:
    conn = op.get_bind()
    pg = conn.dialect.name == "postgresql"
    # a pg_restore of a backup from before this revision leaves the newer registry in place
    # (--clean drops only what the dump holds): this revision makes it anew from the records
    _drop_triggers(pg)
    op.execute("DROP TABLE IF EXISTS record_ids")
    op.create_table(
        "record_ids", sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("entity", sa.String(32), primary_key=True),
    )
    if not pg:
        # SQLite: the table only, left empty; the engine looks in the record tables there
        # (in-process: the registry's row triggers cost a 500-task insert more than the
        # twelve-table look-up it saves, 3.0 -> 11.4 ms against 8.8 -> 2.2 ms)
        return
    op.execute("INSERT INTO record_ids (id, entity) " + " UNION ALL ".join(
        f"SELECT id, '{entity}' FROM {table}" for entity, table in TABLES.items()))
    op.execute(_PG_FUNCTIONS)
    for entity, table in TABLES.items():
        op.execute(f"CREATE TRIGGER {table}_record_ids_add AFTER INSERT ON {table} "
                   f"REFERENCING NEW TABLE AS sk_new_rows FOR EACH STATEMENT "
                   f"EXECUTE FUNCTION sk_tui_record_ids_add('{entity}')")
        op.execute(f"CREATE TRIGGER {table}_record_ids_drop AFTER DELETE ON {table} "
                   f"REFERENCING OLD TABLE AS sk_old_rows FOR EACH STATEMENT "
                   f"EXECUTE FUNCTION sk_tui_record_ids_drop('{entity}')")


def _drop_triggers(pg: bool) -> None:
    # SQLite: none are made now, but a database upgraded by an earlier build of this revision has them
    for table in TABLES.values():
        for event in ("add", "drop"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_record_ids_{event}" + (f" ON {table}" if pg else ""))


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    _drop_triggers(pg)
    if pg:
        op.execute("DROP FUNCTION IF EXISTS sk_tui_record_ids_add()")
        op.execute("DROP FUNCTION IF EXISTS sk_tui_record_ids_drop()")
    op.drop_table("record_ids")
