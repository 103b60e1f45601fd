"""Shared fixtures: every test runs in its own SK_TUI_HOME with a frozen clock."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sk_org import build_org

FROZEN_NOW = "2026-11-27T10:00:00+07:00"  # a Friday, 10:00 in Jakarta
TODAY = dt.date(2026, 11, 27)


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
def store(tmp_path: Path):
    from sk_tui.store import Store

    s = Store.open(tmp_path / "workspace.db")
    yield s
    s.close()


@pytest.fixture
def org(store):
    return build_org(store)


@pytest.fixture
def cli_env(sk_home: Path) -> dict[str, str]:
    """Environment for running `sk-tui` in a subprocess with the test's home and clock."""
    env = dict(os.environ)
    env["SK_TUI_HOME"] = str(sk_home)
    env["SK_TUI_NOW"] = FROZEN_NOW
    return env
