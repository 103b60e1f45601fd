"""The ``ws`` fixture: the default workspace for the real `sk-tui` command (tests/helpers/cli.py)."""

from __future__ import annotations

import pytest

from sk_tui import paths
from sk_tui.store import Store
from tests.helpers.cli import Workspace
from tests.helpers.org import build_org


@pytest.fixture
def ws(cli_env: dict[str, str]) -> Workspace:
    """The default workspace (in SK_TUI_HOME's data folder) holding the tiny organisation."""
    db = paths.default_db_path()
    store = Store.open(db)
    org = build_org(store)
    _ = store.device_id  # made once here, so read-only commands write nothing later
    store.close()
    return Workspace(db=db, env=cli_env, org=org)
