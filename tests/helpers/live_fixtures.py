"""Live-server fixtures (a plugin of tests/conftest.py) used by tests/server and tests/sync: a
real `sk-tui serve` process over a fresh SQLite file or PostgreSQL schema per test (PostgreSQL
when SK_TUI_TEST_PG_URL is set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers.clock import FROZEN_NOW
from tests.helpers.live import PG_ENV, LiveServer, database, seed

BACKENDS = [
    "sqlite",
    pytest.param("postgres", marks=[
        pytest.mark.postgres,
        pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"no PostgreSQL: set {PG_ENV} (CI's .ci/run does)"),
    ]),
]


@pytest.fixture(params=BACKENDS)
def server_db(request, tmp_path: Path):
    """An empty server database URL, one per test (its own file or PostgreSQL schema)."""
    with database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def seeded(server_db):
    return seed(server_db)


@pytest.fixture
def live(seeded, cli_env):
    """A running server over the seeded database; ``live.tokens[name]``, ``live.org``."""
    server = LiveServer(seeded.url, cli_env)
    server.tokens, server.org = seeded.tokens, seeded.org
    yield server
    server.stop()


@pytest.fixture(scope="module", params=BACKENDS)
def module_server(request, tmp_path_factory):
    """One server per module and backend, shared by tests that each seed their own namespace."""
    import itertools

    tmp = tmp_path_factory.mktemp("shared")
    env = dict(os.environ, SK_TUI_HOME=str(tmp / "home"), SK_TUI_NOW=FROZEN_NOW)
    with database(request.param, tmp) as url:
        seed(url, ns="base-", serial=999)  # an unrelated organisation alongside
        server = LiveServer(url, env)
        server.counter = itertools.count(1)
        yield server
        server.stop()


@pytest.fixture
def shared(module_server):
    """The module's server with a fresh organisation of its own: ``shared.id("emp-ani")``."""
    n = next(module_server.counter)
    ns = f"n{n}-"
    seeded = seed(module_server.db_url, ns=ns, serial=n)
    module_server.tokens = dict(seeded.tokens)
    module_server.ns = ns
    module_server.id = lambda raw: ns + raw
    return module_server


@pytest.fixture
def start_server(seeded, cli_env):
    """Start a server with options (e.g. faults=...) and extra environment (``env``); stopped
    at the end of the test."""
    started = []

    def start(env: dict[str, str] | None = None, **kw) -> LiveServer:
        server = LiveServer(seeded.url, {**cli_env, **(env or {})}, **kw)
        server.tokens, server.org, server.ns = seeded.tokens, seeded.org, seeded.ns
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
