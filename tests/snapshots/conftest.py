"""Snapshot tests share the app tests' fixtures (cursor blink off, a seeded workspace)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tui"))

from tui_fixtures import *  # noqa: F403
