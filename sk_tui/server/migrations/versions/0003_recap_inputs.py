"""The recap's inputs, the agency's policy and the official month (issue 10): attendance and
negative events imported by HR, every version of the agency's policy, the frozen figures of a
closed month and the log of closes and reopens. New tables only; nothing existing changes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = 64


def _id(name: str = "id", **kw) -> sa.Column:
    return sa.Column(name, sa.String(ID), **kw)


def upgrade() -> None:
    op.create_table(
        "attendance", _id(primary_key=True), _id("employee_id", nullable=False),
        sa.Column("day", sa.String(10), nullable=False), sa.Column("status", sa.String(20), nullable=False),
        sa.Column("data", sa.Text, nullable=False), sa.UniqueConstraint("employee_id", "day"),
    )
    op.create_table(
        "negative_events", _id(primary_key=True), _id("employee_id", nullable=False),
        sa.Column("day", sa.String(10), nullable=False), sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_negative_events_employee_id", "negative_events", ["employee_id"])
    op.create_table(
        "policy", sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False), sa.Column("toml", sa.Text, nullable=False),
        sa.Column("set_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "month_closes", _id(primary_key=True), sa.Column("month", sa.String(7), nullable=False),
        _id("employee_id", nullable=False), sa.Column("policy_version", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False), sa.Column("data", sa.Text, nullable=False),
        sa.Column("closed_at", sa.String(40), nullable=False), sa.UniqueConstraint("month", "employee_id"),
    )
    op.create_table(
        "month_log", sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("month", sa.String(7), nullable=False), sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False), sa.Column("policy_version", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_month_log_month", "month_log", ["month"])


def downgrade() -> None:
    for table in ("month_log", "month_closes", "policy", "negative_events", "attendance"):
        op.drop_table(table)
