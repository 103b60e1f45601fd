"""Bulk loading for a workspace being built from scratch (the demo at any scale).

    with store.bulk_build():                       # fast and not durable until the end
        store.save_models(org.models())
        with store.transaction(), store.indexes_dropped(("reports", "activities")):
            store.insert_rows("reports", REPORT_COLUMNS, rows)
    store.checkpoint()

Only for a file nobody else uses yet: ``ensure_demo`` builds in a temporary file and renames
it into place once complete, so the durability given up here buys nothing until then.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sk_tui.store import aggregates
from sk_tui.store.base import BaseStore


class BulkMixin(BaseStore):
    @contextlib.contextmanager
    def bulk_build(self) -> Iterator[None]:
        """No fsync and a large cache while building; durability and a normal cache after."""
        conn = self.db.conn
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-262144")
        conn.execute("PRAGMA temp_store=MEMORY")
        try:
            yield
        finally:
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA cache_size=-2000")

    @contextlib.contextmanager
    def indexes_dropped(self, tables: Sequence[str],
                        progress: Callable[[float], None] | None = None) -> Iterator[None]:
        """Bulk rows go in faster without secondary indexes; they are rebuilt (sorted) after.
        Use inside a transaction, so a failure leaves the indexes as they were."""
        marks = ", ".join("?" for _ in tables)
        indexes = self.db.execute(
            f"""SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                AND tbl_name IN ({marks}) ORDER BY name""", tuple(tables)).fetchall()
        for name, _sql in indexes:
            self.db.execute(f"DROP INDEX {name}")
        # the aggregates' triggers look rows up by those indexes: rebuilt set-wise after instead
        with aggregates.suspended(self.db):
            yield
            for number, (_name, sql) in enumerate(indexes):
                if progress is not None:
                    progress(number / len(indexes))
                self.db.execute(sql)

    def insert_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Plain INSERTs of ready-made rows (values already in their stored form)."""
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        self.db.conn.executemany(sql, rows)

    def optimize(self) -> None:
        """Let SQLite refresh its planner statistics after a large load."""
        self.db.execute("PRAGMA optimize")

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before the file is renamed into place)."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
