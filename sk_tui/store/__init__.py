"""The local SQLite database (sqlite-utils) and its outbox."""

from sk_tui.store.store import Store

__all__ = ["Store"]
