"""Sync tests run against the same live-server fixtures as tests/server."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from live_fixtures import *  # noqa: F403 - the shared live-server fixtures
