"""Where sk_tui keeps its files.

platformdirs gives the usual per-user folders; ``SK_TUI_HOME`` moves all of them under one
folder (the tests set it so nothing touches the real home folder)::

    >>> data_dir()            # doctest: +SKIP
    PosixPath('/home/ani/.local/share/sk-tui')
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

APP_NAME = "sk-tui"


def _home_override() -> Path | None:
    home = os.environ.get("SK_TUI_HOME")
    return Path(home).expanduser() if home else None


def _platform_dir(kind: str) -> Path:
    import platformdirs

    getters: dict[str, Callable[..., str]] = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "log": platformdirs.user_log_dir,
    }
    getter = getters[kind]
    return Path(getter(APP_NAME, appauthor=False))


def _dir(kind: str) -> Path:
    home = _home_override()
    return home / kind if home else _platform_dir(kind)


def data_dir() -> Path:
    return _dir("data")


def config_dir() -> Path:
    return _dir("config")


def log_dir() -> Path:
    return _dir("log")


def config_file() -> Path:
    return config_dir() / "config.toml"


def policy_file() -> Path:
    return config_dir() / "policy.toml"


def token_file() -> Path:
    return config_dir() / "token.json"


def current_workspace_file() -> Path:
    """Which workspace the commands use without --db (one line, a path; absent = the default)."""
    return config_dir() / "current-workspace"


def default_db_path() -> Path:
    return data_dir() / "workspace.db"


def demo_db_path(scale: str = "small") -> Path:
    return data_dir() / ("demo.db" if scale == "small" else f"demo-{scale}.db")


def server_db_path() -> Path:
    return data_dir() / "server.db"


# Files hold personnel data and tokens: owner-only (the CLI also sets umask 077 for everything
# it creates, which covers SQLite's -wal/-shm files and anything a library writes).
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def ensure_parent(path: Path) -> Path:
    """Create ``path``'s folder (owner-only when new) and return ``path``."""
    private_dir(path.parent)
    return path


def private_dir(folder: Path) -> Path:
    """Create ``folder`` and any missing parents with mode 0700; an existing one is left as is."""
    missing = []
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue
        os.chmod(new, PRIVATE_DIR)  # mkdir's mode is filtered by the umask; say it exactly
    return folder


def create_private_file(path: Path) -> bool:
    """Create an empty file with mode 0600 unless it exists; True when it was created.

    An empty file is a valid empty SQLite database, and SQLite gives the -wal, -shm and
    journal files the main file's permissions, so creating the database this way covers them.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    os.chmod(path, PRIVATE_FILE)
    return True
