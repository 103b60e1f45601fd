"""The local store: one object the app, the CLI and the sync client all go through.

    >>> store = Store.open("workspace.db")       # doctest: +SKIP
    >>> store.status()["queued"]                 # doctest: +SKIP
    0
"""

from __future__ import annotations

from sk_tui.store.recap import RecapMixin
from sk_tui.store.reports import ReportsMixin
from sk_tui.store.tasks import TasksMixin


class Store(ReportsMixin, TasksMixin, RecapMixin):
    """Typed access to the workspace database. Not thread-safe: a thread opens its own."""
