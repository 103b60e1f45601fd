"""Alembic environment: run by ``ServerDB.create_schema`` (storage.py) on the connection it holds
(``config.attributes["connection"]``, inside its writer lock), or by the alembic command line
with ``-x url=...`` (e.g. ``alembic -c sk_tui/server/migrations/alembic.ini -x url=sqlite:///s.db
revision -m "..."``, see README "Contributing")."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sk_tui.server.storage import metadata, normalise_url

config = context.config
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
else:  # the command line: a URL of its own
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(normalise_url(url))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
