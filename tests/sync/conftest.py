"""Fixtures for tests against a real server process, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from sk_live import PG_ENV, LiveServer, database, seed  # noqa: E402

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


@pytest.fixture
def start_server(seeded, cli_env):
    """Start a server with options (e.g. faults=...); stopped at the end of the test."""
    started = []

    def start(**kw) -> LiveServer:
        server = LiveServer(seeded.url, cli_env, **kw)
        server.tokens, server.org = seeded.tokens, seeded.org
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
