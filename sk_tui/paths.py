"""Where sk_tui keeps its files.

platformdirs gives the usual per-user folders; ``SK_TUI_HOME`` moves all of them under one
folder (the tests set it so nothing touches the real home folder)::

    >>> data_dir()            # doctest: +SKIP
    PosixPath('/home/ani/.local/share/sk-tui')
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "sk-tui"


def _home_override() -> Path | None:
    home = os.environ.get("SK_TUI_HOME")
    return Path(home).expanduser() if home else None


def _platform_dir(kind: str) -> Path:
    import platformdirs

    getter = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "log": platformdirs.user_log_dir,
    }[kind]
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


def default_db_path() -> Path:
    return data_dir() / "workspace.db"


def demo_db_path(scale: str = "small") -> Path:
    return data_dir() / ("demo.db" if scale == "small" else f"demo-{scale}.db")


def server_db_path() -> Path:
    return data_dir() / "server.db"


def ensure_parent(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
