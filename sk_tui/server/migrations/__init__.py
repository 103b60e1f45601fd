"""Alembic migrations of the server's database (see README "Contributing": a new column needs a
revision in versions/; ``ServerDB.create_schema`` runs them)."""
