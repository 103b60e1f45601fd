"""Fixtures for the snapshot tests: cursor blink off, a seeded workspace."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tui"))
from sk_tui_testkit import seed_workspace  # noqa: E402


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import Input

    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def workspace(store, org):
    """(path, org, ids): the tiny organisation with a month of history, as Ani."""
    ids = seed_workspace(store, org)
    return store.path, org, ids
