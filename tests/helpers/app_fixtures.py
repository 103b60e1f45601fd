"""Fixtures for the app's Pilot and snapshot tests: cursor blink off, a seeded workspace.
A plugin of tests/conftest.py, so the blink is off in every test that starts the app."""

from __future__ import annotations

import pytest

from tests.helpers.app import seed_workspace


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.widgets import Input

    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def workspace(store, org):
    """(path, org, ids): the tiny organisation with a month of history, as Ani."""
    ids = seed_workspace(store, org)
    return store.path, org, ids
