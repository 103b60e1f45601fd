"""User settings: a TOML file in the config folder, overridable by environment variables.

    >>> load_config().language          # doctest: +SKIP
    'id'

Environment overrides: ``SK_TUI_LANG``, ``SK_TUI_THEME``, ``SK_TUI_SERVER``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sk_tui import paths


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


def _describe(error: ValidationError, source: str) -> str:
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"]) or "(root)"
    value = first.get("input")
    reason = first["msg"]
    if first["type"] == "extra_forbidden":
        reason = "unknown key"
    return f"{source}: {key} = {value!r}: {reason}"


def load_config(path: Path | None = None) -> Config:
    """Read the config file (missing file = defaults), then apply environment overrides."""
    path = path or paths.config_file()
    data: dict = {}
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
        raise ConfigError(_describe(exc, str(path))) from None
