"""Fixtures for every test: its own SK_TUI_HOME, the frozen clock, a store with the tiny
organisation. The app and live-server fixtures come from the plugins below (tests/helpers/);
helpers are imported by name (``from tests.helpers.live import LiveServer``), never fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from sk_tui.store import Store
from tests.helpers.clock import FROZEN_NOW
from tests.helpers.org import build_org

# Loaded for the whole suite: pytest allows pytest_plugins only in the top-level conftest.
pytest_plugins = ["tests.helpers.app_fixtures", "tests.helpers.live_fixtures"]


@pytest.fixture(autouse=True)
def sk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Relocate every sk_tui folder under the test's tmp dir and freeze the clock."""
    home = tmp_path / "sk-home"
    monkeypatch.setenv("SK_TUI_HOME", str(home))
    monkeypatch.setenv("SK_TUI_NOW", FROZEN_NOW)
    for name in ("SK_TUI_LANG", "SK_TUI_THEME", "SK_TUI_SERVER"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "workspace.db")
    yield s
    s.close()


@pytest.fixture
def org(store: Store) -> SimpleNamespace:
    return build_org(store)


@pytest.fixture
def cli_env(sk_home: Path) -> dict[str, str]:
    """Environment for running `sk-tui` in a subprocess with the test's home and clock."""
    env = dict(os.environ)
    env["SK_TUI_HOME"] = str(sk_home)
    env["SK_TUI_NOW"] = FROZEN_NOW
    return env
