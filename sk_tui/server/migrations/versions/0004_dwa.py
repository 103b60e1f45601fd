"""DWA arrangements (issue 12): an employee's application for a pattern, decided by the unit's
JPT, kept with its decision; pulled by the applicant and the decider. A new table only; teams
keep their closing day inside ``data`` (no column changes).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dwa", sa.Column("id", sa.String(64), primary_key=True), sa.Column("employee_id", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_dwa_employee_id", "dwa", ["employee_id"])


def downgrade() -> None:
    op.drop_table("dwa")
