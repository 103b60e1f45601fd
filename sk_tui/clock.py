"""The time source. ``SK_TUI_NOW`` (ISO datetime) freezes it for demos, tests and snapshots.

    >>> import os; os.environ["SK_TUI_NOW"] = "2026-11-27T10:00:00+07:00"
    >>> now().isoformat()
    '2026-11-27T10:00:00+07:00'
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


def now() -> dt.datetime:
    """An aware datetime: the frozen one if SK_TUI_NOW is set, else the real time in UTC."""
    frozen = os.environ.get("SK_TUI_NOW")
    if frozen:
        value = dt.datetime.fromisoformat(frozen)
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.now(dt.UTC)


def local_now(timezone: str = "Asia/Jakarta", clock=now) -> dt.datetime:
    return clock().astimezone(ZoneInfo(timezone))


def today(timezone: str = "Asia/Jakarta", clock=now) -> dt.date:
    """The local working date in ``timezone``."""
    return local_now(timezone, clock).date()
