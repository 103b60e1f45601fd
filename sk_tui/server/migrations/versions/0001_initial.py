"""The schema as ``metadata.create_all`` made it before Alembic (commit c6bb2c5).

A database made then has no alembic_version table: ``ServerDB.create_schema`` stamps it 0001
and upgrades from there. Never edit this revision: write a new one.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = 64


def _id(name: str = "id", **kw) -> sa.Column:
    return sa.Column(name, sa.String(ID), **kw)


def upgrade() -> None:
    op.create_table("meta", sa.Column("key", sa.String(64), primary_key=True), sa.Column("value", sa.Text))
    op.create_table("units", _id(primary_key=True), sa.Column("data", sa.Text, nullable=False))
    op.create_table(
        "employees", _id(primary_key=True), sa.Column("nip", sa.String(32), nullable=False, unique=True),
        sa.Column("position_kind", sa.String(32), nullable=False), sa.Column("data", sa.Text, nullable=False),
        _id("unit_id"),
    )
    op.create_table("teams", _id(primary_key=True), _id("jpt_id"), sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_teams_jpt_id", "teams", ["jpt_id"])
    op.create_table(
        "memberships", _id(primary_key=True), _id("team_id", nullable=False), _id("employee_id", nullable=False),
        sa.Column("role", sa.String(16), nullable=False), sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("team_id", "employee_id"),
    )
    op.create_index("ix_memberships_employee_id", "memberships", ["employee_id"])
    op.create_table("plans", _id(primary_key=True), _id("employee_id"), sa.Column("data", sa.Text, nullable=False))
    op.create_index("ix_plans_employee_id", "plans", ["employee_id"])
    op.create_table("targets", _id(primary_key=True), _id("employee_id"), _id("team_id"),
                    sa.Column("data", sa.Text, nullable=False))
    op.create_table("indicators", _id(primary_key=True), _id("employee_id"), _id("team_id"),
                    sa.Column("data", sa.Text, nullable=False))
    op.create_table(
        "tasks", _id(primary_key=True), _id("team_id", nullable=False),
        sa.Column("version", sa.Integer, nullable=False), sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_tasks_team_id", "tasks", ["team_id"])
    op.create_table(
        "reports", _id(primary_key=True), _id("employee_id", nullable=False), _id("team_id"),
        sa.Column("work_date", sa.String(10), nullable=False), sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False), sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("employee_id", "work_date"),
    )
    op.create_table(
        "reviews", _id(primary_key=True), _id("report_id", nullable=False), _id("reviewer_id", nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_reviews_report_id", "reviews", ["report_id"])
    op.create_table(
        "feedback", _id(primary_key=True), _id("from_id", nullable=False), _id("to_id", nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_table(
        "ops", _id("user_id", primary_key=True), _id("op_id", primary_key=True),
        sa.Column("payload_hash", sa.String(64), nullable=False), sa.Column("result", sa.Text, nullable=False),
    )
    op.create_table(
        "changes", sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("entity", sa.String(32), nullable=False), _id("entity_id", nullable=False),
        sa.Column("vis", sa.SmallInteger, nullable=False), _id("employee_id"), _id("other_id"), _id("team_id"),
        sa.Column("data", sa.Text), sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "tokens", sa.Column("token_hash", sa.String(64), primary_key=True), _id("employee_id", nullable=False),
        sa.Column("label", sa.String(100)), sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40)),
    )
    op.create_index("ix_tokens_employee", "tokens", ["employee_id"])


def downgrade() -> None:
    for table in ("tokens", "changes", "ops", "feedback", "reviews", "reports", "tasks", "indicators", "targets",
                  "plans", "memberships", "teams", "employees", "units", "meta"):
        op.drop_table(table)
