"""Fixtures for the app's Pilot tests live in tui_fixtures.py (shared with tests/snapshots)."""

from tui_fixtures import *  # noqa: F403
