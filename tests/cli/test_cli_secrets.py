"""Secrets and files (issue 7, point 6): owner-only files and folders, the login token kept off
the command line, a loud warning for a server without TLS, demo tokens that do not pile up."""

from __future__ import annotations

import json
import os
import re
import ssl
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.helpers.live import ROOT, free_port, wait_until

URL = "http://127.0.0.1:9"  # nothing listens: every login here is --offline


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def sk(env, *args, stdin: str | None = None, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run([sys.executable, "-m", "sk_tui", *args], env={**env, **(extra or {})}, cwd=ROOT,
                          capture_output=True, text=True, timeout=60, **feed)


def saved_token(home: Path) -> str:
    return json.loads((home / "config" / "token.json").read_text())["token"]


# --- files ---------------------------------------------------------------------------------


def test_a_new_workspace_and_its_folder_are_owner_only(cli_env, sk_home):
    previous = os.umask(0o022)  # a usual login shell's umask (inherited): the CLI must not rely on it
    try:
        done = sk(cli_env, "sync")  # not logged in: it still makes the (empty) workspace
    finally:
        os.umask(previous)
    assert done.returncode == 1
    assert mode(sk_home / "data") == 0o700 and mode(sk_home / "data" / "workspace.db") == 0o600


def test_wal_and_shm_files_get_the_databases_mode(tmp_path):
    from sk_tui.store import Store

    previous = os.umask(0o022)
    try:
        store = Store.open(tmp_path / "deep" / "ws.db")
        store.set_meta("x", "1")  # a write: SQLite now holds -wal and -shm beside it
        for name in ("ws.db", "ws.db-wal", "ws.db-shm"):
            assert mode(tmp_path / "deep" / name) == 0o600, name
        assert mode(tmp_path / "deep") == 0o700
        store.close()
    finally:
        os.umask(previous)


def test_the_server_database_its_wal_and_shm_are_owner_only(cli_env, tmp_path):
    db = tmp_path / "srv" / "server.db"
    server = Serve(cli_env, "--db", str(db))
    try:
        server.wait_ready()
        for name in ("server.db", "server.db-wal", "server.db-shm"):
            assert mode(db.parent / name) == 0o600, name
        assert mode(db.parent) == 0o700
    finally:
        server.stop()


# --- login ---------------------------------------------------------------------------------


def test_login_reads_the_token_from_standard_input_without_a_warning(cli_env, sk_home):
    done = sk(cli_env, "login", URL, "--offline", stdin="skt_from_stdin\n")
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and saved_token(sk_home) == "skt_from_stdin"
    assert mode(sk_home / "config" / "token.json") == 0o600
    dash = sk(cli_env, "login", URL, "--offline", "--token", "-", stdin="skt_dash\n")
    assert dash.returncode == 0 and dash.stderr == "" and saved_token(sk_home) == "skt_dash"


def test_login_reads_sk_tui_token_from_the_environment(cli_env, sk_home):
    done = sk(cli_env, "login", URL, "--offline", extra={"SK_TUI_TOKEN": "skt_from_env"})
    assert done.returncode == 0 and done.stderr == ""
    assert saved_token(sk_home) == "skt_from_env"


def test_a_token_on_the_command_line_still_works_but_warns_in_the_users_language(cli_env, sk_home):
    done = sk(cli_env, "login", URL, "--offline", "--token", "skt_argv")
    assert done.returncode == 0 and saved_token(sk_home) == "skt_argv"
    assert "peringatan" in done.stderr and "pengguna lain" in done.stderr
    english = sk(cli_env, "--lang", "en", "login", URL, "--offline", "--token", "skt_argv2")
    assert english.returncode == 0 and saved_token(sk_home) == "skt_argv2"
    assert "warning" in english.stderr and "other users of this computer" in english.stderr
    assert "skt_argv2" not in english.stderr


def test_login_without_any_token_says_how_to_give_one(cli_env, sk_home):
    done = sk(cli_env, "--lang", "en", "login", URL, "--offline", stdin="")
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "empty" in done.stderr and not (sk_home / "config" / "token.json").exists()


# --- serve ---------------------------------------------------------------------------------


class Serve:
    """`sk-tui serve` as a child process whose output the test reads."""

    def __init__(self, env, *args: str, host: str = "127.0.0.1", scheme: str = "http"):
        self.port = free_port()
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.log = Path(env["SK_TUI_HOME"]).parent / f"serve-{self.port}.log"
        with self.log.open("w") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "sk_tui", "serve", "--host", host,
                                          "--port", str(self.port), *args],
                                         env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)

    def ready(self) -> bool:
        assert self.proc.poll() is None, self.output()
        try:
            return httpx.get(self.url + "/v2/health", timeout=1, verify=False).status_code == 200
        except httpx.HTTPError:
            return False

    def wait_ready(self) -> None:
        wait_until(self.ready, timeout=30, what="server health")

    def output(self) -> str:
        return self.log.read_text()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def test_serve_on_a_public_address_without_tls_warns_loudly(cli_env, tmp_path):
    server = Serve(cli_env, "--db", str(tmp_path / "s.db"), host="0.0.0.0")
    try:
        server.wait_ready()
        assert "PERINGATAN" in server.output() and "TANPA TLS" in server.output()
    finally:
        server.stop()
    local = Serve(cli_env, "--db", str(tmp_path / "s.db"))
    try:
        local.wait_ready()
        assert "TLS" not in local.output()
    finally:
        local.stop()


def test_serve_with_a_certificate_speaks_https_and_does_not_warn(cli_env, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    server = Serve(cli_env, "--lang", "en", "--db", str(tmp_path / "s.db"), "--tls-cert", str(cert),
                   "--tls-key", str(key), host="0.0.0.0", scheme="https")
    try:
        server.wait_ready()
        trusted = ssl.create_default_context(cafile=str(cert))  # the certificate it was given, checked
        assert httpx.get(server.url + "/v2/health", verify=trusted).json()["ok"] is True
        assert "WARNING" not in server.output() and f"https://0.0.0.0:{server.port}" in server.output()
    finally:
        server.stop()
    half = sk(cli_env, "--lang", "en", "serve", "--db", str(tmp_path / "s.db"), "--tls-cert", str(cert))
    assert half.returncode == 1 and "go together" in half.stderr


def demo_tokens(output: str) -> dict[str, str]:
    """NIP -> token, from the `Token ROLE NAME (NIP): TOKEN` lines."""
    return dict(re.findall(r"\((\d{18})\): (skt_\S+)", output))


def run_demo(env, db: Path) -> dict[str, str]:
    server = Serve(env, "--db", str(db), "--demo")
    try:
        server.wait_ready()
        tokens = demo_tokens(server.output())
    finally:
        server.stop()
    assert len(tokens) == 4
    return tokens


def test_serve_demo_reuses_its_tokens_instead_of_minting_new_ones(cli_env, sk_home, tmp_path):
    db = tmp_path / "demo.db"
    first = run_demo(cli_env, db)
    assert run_demo(cli_env, db) == first
    users = json.loads(sk(cli_env, "server", "users", "--db", str(db), "--json").stdout)
    assert {u["nip"]: u["tokens"] for u in users if u["nip"] in first} == dict.fromkeys(first, 1)
    assert mode(sk_home / "data" / "demo-tokens.json") == 0o600
    # a revoked demo token is replaced, not printed again
    staff = next(iter(first))
    assert sk(cli_env, "server", "revoke", staff, "--db", str(db)).returncode == 0
    third = run_demo(cli_env, db)
    assert third[staff] != first[staff] and {k: v for k, v in third.items() if k != staff} == {
        k: v for k, v in first.items() if k != staff}


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                           ("127.8.9.10", True), ("0.0.0.0", False), ("::", False),
                                           ("10.0.0.5", False), ("sk.example.go.id", False)])
def test_which_addresses_count_as_this_computer_only(host, loopback):
    from sk_tui.commands.server import is_loopback

    assert is_loopback(host) is loopback
