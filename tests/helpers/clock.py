"""The one frozen clock of the test suite. tests/conftest.py sets ``SK_TUI_NOW`` to
``FROZEN_NOW`` for every test (and for the processes tests start), so the app's today is
``TODAY`` everywhere."""

from __future__ import annotations

import datetime as dt

FROZEN_NOW = "2026-11-27T10:00:00+07:00"  # a Friday, 10:00 in Jakarta
TODAY = dt.datetime.fromisoformat(FROZEN_NOW).date()
