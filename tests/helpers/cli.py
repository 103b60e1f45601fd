"""Running the real `sk-tui` console script (or ``sk_tui.cli.main`` in-process) against a
workspace; the ``ws`` fixture in tests/cli/conftest.py builds one with the tiny organisation."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from sk_tui.store import Store


def sk_tui_executable() -> str:
    """The installed console script next to this interpreter (not a pyenv shim)."""
    beside = Path(sys.executable).parent / "sk-tui"
    if beside.exists():
        return str(beside)
    found = shutil.which("sk-tui")
    assert found, "the sk-tui console script is not installed (pip install -e '.[test]')"
    return found


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@dataclass
class Workspace:
    db: Path
    env: dict[str, str]
    org: SimpleNamespace

    def run(self, *args: str) -> Result:
        done = subprocess.run([sk_tui_executable(), *args], env=self.env, capture_output=True, text=True,
                              timeout=60)
        return Result(done.returncode, done.stdout, done.stderr)

    def ok(self, *args: str) -> Result:
        result = self.run(*args)
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        return result

    def in_process(self, *args: str, capsys: pytest.CaptureFixture[str]) -> Result:
        """The same command through ``sk_tui.cli.main`` in this process (fast, for the many cases)."""
        from sk_tui.cli import main

        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help or a usage error
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def store(self) -> Store:
        return Store.open(self.db)

    def act_as(self, employee_id: str) -> None:
        store = Store.open(self.db)
        store.set_me(employee_id)
        store.close()

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table, in a stable order: the database's content."""
        conn = sqlite3.connect(self.db)
        try:
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        finally:
            conn.close()
