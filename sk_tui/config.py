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
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sk_tui import paths
from sk_tui.domain.errors import first_error_line

if TYPE_CHECKING:
    from sk_tui.domain.policy import Policy


class ConfigError(ValueError):
    """The config file is unreadable or holds a bad key or value; the message names it."""


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    language: Literal["id", "en"] = "id"
    theme: str = "textual-dark"
    server_url: str | None = None
    sync_interval_seconds: int = Field(default=300, ge=10, le=86400)
    # binding id -> key(s), e.g. {"board.move_right" = "ctrl+right"}; see `sk-tui --help`.
    keymap: dict[str, str] = Field(default_factory=dict)

    @field_validator("server_url")
    @classmethod
    def _url_has_scheme(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value


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
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {first_error_line(exc)}") from None


def load_policy(path: Path | None = None) -> Policy:
    """The device's policy: policy.toml in the config folder when present, else the defaults.

    It counts only in a workspace without a server: a workspace that syncs computes with the
    agency's policy as pulled from the server (``Store.agency_policy``), whatever this file says.
    """
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
