"""The local store: one object the app, the CLI and the sync client all go through.

    >>> store = Store.open("workspace.db")       # doctest: +SKIP
    >>> store.status()["queued"]                 # doctest: +SKIP
    0

Where things are: store/base.py (connection, transactions, meta, organisation data, the one
row-to-model converter), reports.py, tasks.py, recap.py (domain reads and writes),
outbox.py (the queue of local changes: the only code that changes an op's state),
replica.py (what a sync writes: pulled pages, cursor, epoch, kept-aside records, problems),
bulk.py (loading a workspace built from scratch), schema.py (tables and migrations). Every client-side SQL statement lives in this package
(tests/store/test_sql_home.py checks it).

Threads: one store, and so one SQLite connection, per thread. A ``Store`` is not thread-safe
and does not pretend to be: its connection keeps sqlite3's ``check_same_thread``, so a call
from another thread raises ``sqlite3.ProgrammingError`` rather than racing. A thread that needs
the workspace opens its own ``Store`` on the same file (the app's sync worker does so through
``sync_once``; the demo builder too); SQLite's WAL and ``busy_timeout`` serialise the writers
between connections and processes, and a file lock keeps two syncs apart.
"""

from __future__ import annotations

from sk_tui.store.bulk import BulkMixin
from sk_tui.store.org import OrgMixin
from sk_tui.store.outbox import OutboxMixin
from sk_tui.store.recap import RecapMixin
from sk_tui.store.replica import ReplicaMixin
from sk_tui.store.reports import ReportsMixin
from sk_tui.store.tasks import TasksMixin


class Store(ReportsMixin, TasksMixin, OrgMixin, RecapMixin, OutboxMixin, ReplicaMixin, BulkMixin):
    """Typed access to the workspace database; one per thread (see the module docstring)."""
