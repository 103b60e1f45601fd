"""Helpers shared by tests/server, tests/sync and tests/cli: a real `sk-tui serve` (uvicorn)
process on a free loopback port, over SQLite or PostgreSQL, with the tiny organisation of
tests/helpers/org.py. Its fixtures are in live_fixtures.py."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import types
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.helpers.org import build_org

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "SK_TUI_TEST_PG_URL"

PEOPLE = {  # name in build_org -> NIP
    "jpt": "197204151998031002", "lead": "198301222008012005", "lead2": "199002102015031001",
    "ani": "199105052019032012", "dedi": "198807172014021003",
}


def wait_until(check: Callable[[], object], timeout: float = 20.0, what: str = "condition") -> object:
    """Poll ``check`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def database(kind: str, tmp_path: Path):
    """A fresh, empty server database URL of ``kind`` (sqlite | postgres)."""
    if kind == "sqlite":
        yield str(tmp_path / "server.db")
        return
    import psycopg

    base = os.environ[PG_ENV]
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '10s'")
            with contextlib.suppress(psycopg.errors.LockNotAvailable):
                conn.execute(f"DROP SCHEMA {schema} CASCADE")


def org_models():
    """The models of build_org, without a store."""
    class Capture:
        models: list = []

        def save_models(self, models):
            self.models = list(models)

        def set_me(self, _):
            pass

    capture = Capture()
    org = build_org(capture)
    return org, capture.models


ENTITY = {"Unit": "unit", "Employee": "employee", "Team": "team", "Membership": "membership",
          "PerformancePlan": "plan", "Target": "target", "Indicator": "indicator", "DwaArrangement": "dwa"}


ID_FIELDS = ("id", "unit_id", "superior_id", "jpt_id", "team_id", "employee_id", "plan_id", "target_id",
             "parent_id", "approved_by", "decided_by")


def namespaced(model, ns: str, serial: int):
    """A copy of an organisation record with ids prefixed by ``ns`` and the NIP serial set."""
    data = model.model_dump()
    for key in ID_FIELDS:
        if data.get(key):
            data[key] = ns + data[key]
    if "nip" in data:
        data["nip"] = data["nip"][:15] + f"{serial % 1000:03d}"
    return type(model).model_validate(data)


def seed(db_url: str, ns: str = "", serial: int = 0) -> types.SimpleNamespace:
    """Load the tiny organisation into the server database and issue a token per person.

    With ``ns``, every id gets that prefix (and NIPs serial ``serial``) so many tests can share
    one server without seeing each other's records.
    """
    from sk_tui.server import auth
    from sk_tui.server import storage as st

    org, models = org_models()
    if ns:
        models = [namespaced(m, ns, serial) for m in models]
    records: dict[str, list] = {}
    for model in models:
        records.setdefault(ENTITY[type(model).__name__], []).append(model.model_dump(mode="json"))
    db = st.ServerDB.open(db_url)
    try:
        st.load_org(db, records)
        tokens = {name: auth.issue_token(db, f"{ns}emp-{name}") for name in PEOPLE}
    finally:
        db.close()
    return types.SimpleNamespace(org=org, tokens=tokens, url=db_url, ns=ns)


class LiveServer:
    """`python -m sk_tui serve --port P --db URL` as a subprocess."""

    def __init__(self, db_url: str, env: dict[str, str], faults: str = "", extra_args: tuple[str, ...] = ()):
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(env)
        if faults:
            env["SK_TUI_SERVER_FAULTS"] = faults
        self.log = open(Path(env["SK_TUI_HOME"]).parent / f"server-{self.port}.log", "w+")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sk_tui", "serve", "--port", str(self.port), "--db", db_url, *extra_args],
            env=env, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
        )
        try:
            wait_until(self._healthy, timeout=30, what="server health")
        except AssertionError:
            self.stop()
            self.log.seek(0)
            raise AssertionError("server did not start:\n" + self.log.read()[-3000:]) from None

    def _healthy(self) -> bool:
        if self.proc.poll() is not None:
            self.log.seek(0)
            raise AssertionError("server exited:\n" + self.log.read()[-3000:])
        try:
            return httpx.get(self.url + "/v2/health", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def output(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.log.close()

    # --- a raw protocol client for the tests ----------------------------------------------

    def call(self, method: str, path: str, token: str | None, **kw) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.request(method, self.url + path, headers=headers, timeout=10, **kw)

    def push(self, token: str, ops: list[dict]) -> httpx.Response:
        return self.call("POST", "/v2/sync/push", token, json={"device_id": "test", "ops": ops})

    def pull_all(self, token: str, since: int = 0) -> list[dict]:
        changes = []
        while True:
            page = self.call("GET", "/v2/sync/pull", token, params={"since": since, "limit": 1000}).json()
            changes += page["changes"]
            since = page["next_cursor"]
            if not page["has_more"]:
                return changes


def run_cli(env: dict[str, str], *args: str, timeout: float = 60, home: Path | None = None,
            extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = dict(env)
    if home is not None:
        env["SK_TUI_HOME"] = str(home)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "sk_tui", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


WIDER_PEOPLE = {  # name -> (NIP, unit, position kind); see seed_wider
    "fani": ("199408082019022004", "unit-hukum", "pelaksana"),
    "jpt2": ("197506102000031001", "unit-2", "jpt"),
    "lead3": ("198512032010121002", "unit-2", "jf"),
    "eko": ("199203142018011003", "unit-2", "pelaksana"),
}


def seed_wider(db_url: str, ns: str, serial: int) -> dict[str, str]:
    """Beside seed()'s organisation (same ``ns``): Fani, a member of team-b only, and a second
    unit with its own JPT (jpt2) and team-c (lead3 leading eko). Returns a token per new person."""
    from sk_tui.server import auth
    from sk_tui.server import storage as st

    def person(name: str) -> dict:
        nip, unit, kind = WIDER_PEOPLE[name]
        superior = {"unit-hukum": "emp-jpt", "unit-2": "emp-jpt2"}[unit] if kind != "jpt" else None
        return {"id": f"{ns}emp-{name}", "nip": nip[:15] + f"{serial % 1000:03d}", "name": name.title(),
                "position_kind": kind, "unit_id": ns + unit, "superior_id": ns + superior if superior else None}

    records = {
        "unit": [{"id": ns + "unit-2", "code": f"{ns}B2", "name": "Biro Organisasi"}],
        "employee": [person(name) for name in WIDER_PEOPLE],
        "team": [{"id": ns + "team-c", "name": "Tim Tata Laksana", "unit_id": ns + "unit-2",
                  "jpt_id": ns + "emp-jpt2"}],
        "membership": [
            {"id": ns + "m6", "team_id": ns + "team-b", "employee_id": ns + "emp-fani", "role": "member"},
            {"id": ns + "m7", "team_id": ns + "team-c", "employee_id": ns + "emp-lead3", "role": "lead"},
            {"id": ns + "m8", "team_id": ns + "team-c", "employee_id": ns + "emp-eko", "role": "member"},
        ],
    }
    from sk_tui.domain.models import Employee, Membership, Team, Unit

    kinds = {"unit": Unit, "employee": Employee, "team": Team, "membership": Membership}
    records = {k: [kinds[k].model_validate(r).model_dump(mode="json") for r in rows] for k, rows in records.items()}
    db = st.ServerDB.open(db_url)
    try:
        st.load_org(db, records)
        return {name: auth.issue_token(db, f"{ns}emp-{name}") for name in WIDER_PEOPLE}
    finally:
        db.close()
