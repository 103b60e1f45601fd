"""The files that configure sk-tui: the user's settings and the agency's policy.

    >>> load_config().language          # doctest: +SKIP
    'id'
    >>> load_policy().minutes_target    # doctest: +SKIP

Settings: config.toml in the config folder, overridable by environment variables
(``SK_TUI_LANG``, ``SK_TUI_THEME``, ``SK_TUI_SERVER``). Policy: policy.toml beside it, else
the domain's defaults. The app and the command line both read them from here; a bad file
raises ``ConfigError`` naming the file, the key and the value.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sk_tui import paths
from sk_tui.domain.lazy import lazy_module

if TYPE_CHECKING:
    import tomllib

    from sk_tui.domain.policy import Policy
else:
    tomllib = lazy_module("tomllib")  # only when a config or policy file exists


class ConfigError(ValueError):
    """The config file is unreadable or holds a bad key or value; the message names it."""


_LANGUAGES = ("id", "en")


class Config:
    """The user's settings. A plain class, not a pydantic model: every start of the app and of
    a command reads it, and building a validator for it cost a headless `report add` a seventh
    of its time. Each key's rule lives here only; a bad value raises ValueError worded as
    ``key = value: why`` (the form ``first_error_line`` gives the domain's errors)."""

    __slots__ = ("keymap", "language", "last_team", "server_url", "sync_interval_seconds", "theme")

    def __init__(self, language: str = "id", theme: str = "textual-dark",
                 server_url: str | None = None, sync_interval_seconds: int = 300,
                 last_team: str | None = None, keymap: dict[str, str] | None = None) -> None:
        if language not in _LANGUAGES:
            raise ValueError(_bad("language", language, "Input should be 'id' or 'en'"))
        if not isinstance(theme, str):
            raise ValueError(_bad("theme", theme, "Input should be a valid string"))
        if server_url is not None and not isinstance(server_url, str):
            raise ValueError(_bad("server_url", server_url, "Input should be a valid string"))
        if server_url is not None and not server_url.startswith(("http://", "https://")):
            raise ValueError(_bad("server_url", server_url, "Value error, must start with http:// or https://"))
        interval, why = _integer(sync_interval_seconds)
        if interval is None:
            raise ValueError(_bad("sync_interval_seconds", sync_interval_seconds, f"Input should be a valid integer{why}"))
        if interval < 10:
            raise ValueError(_bad("sync_interval_seconds", sync_interval_seconds,
                                  "Input should be greater than or equal to 10"))
        if interval > 86400:
            raise ValueError(_bad("sync_interval_seconds", sync_interval_seconds,
                                  "Input should be less than or equal to 86400"))
        # the board's team when the app last closed (written by the app, see save_settings)
        if last_team is not None and not isinstance(last_team, str):
            raise ValueError(_bad("last_team", last_team, "Input should be a valid string"))
        if last_team is not None and len(last_team) > 200:
            raise ValueError(_bad("last_team", last_team, "String should have at most 200 characters"))
        # binding id -> key(s), e.g. {"board.move_right" = "ctrl+right"}; see `sk-tui --help`
        keymap = {} if keymap is None else keymap
        if not isinstance(keymap, dict):
            raise ValueError(_bad("keymap", keymap, "Input should be a valid dictionary"))
        for binding, keys in keymap.items():
            if not isinstance(keys, str):
                raise ValueError(_bad(f"keymap.{binding}", keys, "Input should be a valid string"))
        self.language = language
        self.theme = theme
        self.server_url = server_url
        self.sync_interval_seconds = interval
        self.last_team = last_team
        self.keymap = dict(keymap)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> Config:
        """A config from a TOML table: an unknown key is refused (a typo would be lost)."""
        for key, value in data.items():
            if key not in cls.__slots__:
                raise ValueError(_bad(key, value, "unknown key"))
        return cls(**data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return all(getattr(self, key) == getattr(other, key) for key in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the model it replaced

    def __repr__(self) -> str:
        return "Config(" + ", ".join(f"{key}={getattr(self, key)!r}" for key in self.__slots__) + ")"


def _integer(value: object) -> tuple[int | None, str]:
    """``value`` as an int the way the config always took it (an int, a whole float, digits),
    else None and why not."""
    if isinstance(value, int):
        return int(value), ""
    if isinstance(value, float):
        if value.is_integer():
            return int(value), ""
        return None, ", got a number with a fractional part"
    if isinstance(value, str):
        try:
            return int(value.strip()), ""
        except ValueError:
            return None, ", unable to parse string as an integer"
    return None, ""


def _bad(key: str, value: object, why: str) -> str:
    """``key = value: why`` (the value only when short and plain), as ``error_line`` words it."""
    if value is None or isinstance(value, str | int | float | bool):
        shown = repr(value)
        if len(shown) <= 80:
            return f"{key} = {shown}: {why}"
    return f"{key}: {why}"


def load_config(path: Path | None = None) -> Config:
    """Read the config file (missing file = defaults), then apply environment overrides."""
    path = path or paths.config_file()
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    for env, key in (
        ("SK_TUI_LANG", "language"),
        ("SK_TUI_THEME", "theme"),
        ("SK_TUI_SERVER", "server_url"),
    ):
        if os.environ.get(env):
            data[key] = os.environ[env]
    try:
        return Config.from_mapping(data)
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def load_policy(path: Path | None = None) -> Policy:
    """The device's policy: policy.toml in the config folder when present, else the defaults.

    It counts only in a workspace without a server: a workspace that syncs computes with the
    agency's policy as pulled from the server (``Store.agency_policy``), whatever this file says.
    """
    from sk_tui.domain.errors import first_error_line
    from sk_tui.domain.policy import DEFAULT_POLICY, Policy

    path = path or paths.policy_file()
    if not path.exists():
        return DEFAULT_POLICY
    try:
        return Policy.from_toml_text(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except ValueError as exc:  # pydantic's ValidationError, or a validator's own
        raise ConfigError(f"{path}: {first_error_line(exc)}") from None


def current_workspace() -> Path | None:
    """The workspace chosen by `sk-tui demo` or `sk-tui workspace use`, or None for the default.

    Kept in its own small file (not config.toml) so writing it never rewrites the user's
    hand-edited settings.
    """
    path = paths.current_workspace_file()
    try:
        chosen = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    return Path(chosen) if chosen else None


def set_current_workspace(workspace: Path | None) -> None:
    """Make ``workspace`` current for commands without --db; None goes back to the default."""
    path = paths.current_workspace_file()
    if workspace is None:
        path.unlink(missing_ok=True)
        return
    paths.ensure_parent(path)
    partial = path.with_name(path.name + ".tmp")
    partial.unlink(missing_ok=True)
    paths.create_private_file(partial)
    partial.write_text(f"{workspace}\n", encoding="utf-8")
    os.replace(partial, path)  # a reader never sees half a path


# --- writing settings back (F2 language, F3 theme, the last team) -----------------------------

_BARE_KEY = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are all valid TOML escapes."""
    import json

    return json.dumps(value, ensure_ascii=False)


def save_settings(changes: dict[str, str | None], path: Path | None = None) -> Path:
    """Set (or, with None, remove) top-level string keys of config.toml, keeping every other
    line (comments, tables, the keymap) as the user wrote it. The new text is checked to parse
    and to hold the new values, then replaces the file atomically (a reader sees old or new)."""
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    lines = text.splitlines()
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), len(lines))
    for key, value in changes.items():
        if not key or not set(key) <= _BARE_KEY:
            raise ValueError(f"not a bare TOML key: {key!r}")
        new_line = None if value is None else f"{key} = {_toml_string(value)}"
        for i in range(first_table):
            name, sep, _rest = lines[i].partition("=")
            if sep and name.strip() == key:
                if new_line is None:
                    del lines[i]
                    first_table -= 1
                else:
                    lines[i] = new_line
                break
        else:
            if new_line is not None:
                lines.insert(first_table, new_line)
                first_table += 1
    new_text = "\n".join(lines) + "\n"
    parsed = tomllib.loads(new_text)  # never write a file the reader would refuse
    for key, value in changes.items():
        if parsed.get(key) != value:
            raise ValueError(f"{path}: could not set {key}")
    paths.ensure_parent(path)
    partial = path.with_name(path.name + ".tmp")
    partial.unlink(missing_ok=True)
    partial.write_text(new_text, encoding="utf-8")
    os.replace(partial, path)
    return path
