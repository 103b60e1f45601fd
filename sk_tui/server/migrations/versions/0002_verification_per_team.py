"""Verification per team (issue 10): every activity in a report's ``data`` gets a team (the
report's) and that team's verdict (the report's decision so far); a report keeps its first
submission time and its approved minutes (also a column, for a server recap); a review names
its team (a column: the engine and a recap select by it). The change log's copies are rewritten
the same way, so a device pulling from 0 gets what the tables hold.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 1000


def _dumps(data: Any) -> str:
    # storage.dumps as it is today (a revision never imports code that may change later)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str)


def migrate_report(data: dict[str, Any]) -> dict[str, Any]:
    """One report record (row form) brought to verification per team."""
    status = data.get("status")
    verdict = {"approved": "approved", "returned": "returned"}.get(str(status), "pending")
    decided = verdict != "pending"
    approved = 0
    for act in data.get("activities") or []:
        if not isinstance(act, dict):
            continue
        act.setdefault("team_id", data.get("team_id"))
        act.setdefault("verdict", verdict)
        act.setdefault("review_note", data.get("review_note") or "" if verdict == "returned" else "")
        act.setdefault("reviewed_by", data.get("reviewed_by") if decided else None)
        act.setdefault("reviewed_at", data.get("reviewed_at") if decided else None)
        if act["verdict"] == "approved" and isinstance(act.get("minutes"), int):
            approved += act["minutes"]
    data.setdefault("first_submitted_at", data.get("submitted_at"))
    data.setdefault("received_at", None)
    data.setdefault("approved_minutes", approved)
    return data


def upgrade() -> None:
    op.add_column("reports", sa.Column("approved_minutes", sa.Integer, nullable=False, server_default="0"))
    op.add_column("reviews", sa.Column("team_id", sa.String(64)))
    conn = op.get_bind()
    reports = sa.table("reports", sa.column("id"), sa.column("team_id"), sa.column("data"),
                       sa.column("approved_minutes"))
    reviews = sa.table("reviews", sa.column("id"), sa.column("report_id"), sa.column("team_id"), sa.column("data"))
    changes = sa.table("changes", sa.column("seq"), sa.column("entity"), sa.column("entity_id"), sa.column("data"))

    report_team: dict[str, str | None] = {}
    last = ""
    while True:  # keyset pages: a large database is never held in memory at once
        rows = conn.execute(sa.select(reports.c.id, reports.c.team_id, reports.c.data)
                            .where(reports.c.id > last).order_by(reports.c.id).limit(BATCH)).all()
        if not rows:
            break
        updates = []
        for row in rows:
            data = migrate_report(json.loads(row.data))
            report_team[row.id] = row.team_id
            updates.append({"i": row.id, "d": _dumps(data), "m": int(data.get("approved_minutes") or 0)})
        conn.execute(sa.text("UPDATE reports SET data = :d, approved_minutes = :m WHERE id = :i"), updates)
        last = rows[-1].id

    last = ""
    while True:
        rows = conn.execute(sa.select(reviews.c.id, reviews.c.report_id, reviews.c.data)
                            .where(reviews.c.id > last).order_by(reviews.c.id).limit(BATCH)).all()
        if not rows:
            break
        updates = []
        for row in rows:
            data = json.loads(row.data)
            data.setdefault("team_id", report_team.get(row.report_id))
            data.setdefault("received_at", None)
            updates.append({"i": row.id, "t": data["team_id"], "d": _dumps(data)})
        conn.execute(sa.text("UPDATE reviews SET team_id = :t, data = :d WHERE id = :i"), updates)
        last = rows[-1].id

    review_team: dict[str, str | None] = {}
    last_seq = 0
    while True:
        logged = conn.execute(sa.select(changes.c.seq, changes.c.entity, changes.c.entity_id, changes.c.data)
                            .where(changes.c.seq > last_seq, changes.c.entity.in_(("report", "review")),
                                   changes.c.data.isnot(None))
                            .order_by(changes.c.seq).limit(BATCH)).all()
        if not logged:
            break
        updates = []
        for change in logged:
            data = json.loads(change.data)
            if change.entity == "report":
                data = migrate_report(data)
            else:
                if change.entity_id not in review_team:
                    review_team[change.entity_id] = report_team.get(data.get("report_id"))
                data.setdefault("team_id", review_team[change.entity_id])
                data.setdefault("received_at", None)
            updates.append({"s": change.seq, "d": _dumps(data)})
        conn.execute(sa.text("UPDATE changes SET data = :d WHERE seq = :s"), updates)
        last_seq = logged[-1].seq


def downgrade() -> None:
    op.drop_column("reviews", "team_id")
    op.drop_column("reports", "approved_minutes")
