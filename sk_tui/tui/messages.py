"""App-level messages: workers and screens talk to the app through these."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SyncFinished(Message):
    """A background sync ended (or could not start)."""

    online: bool
    sent: int = 0
    received: int = 0
    refused: int = 0
    kept_aside: int = 0  # pulled records that failed validation (listed as problems)
    error: str | None = None
    manual: bool = False


@dataclass
class SyncProgress(Message):
    """A page of a running pull is written: how many records have arrived so far."""

    received: int


class DataChanged(Message):
    """The workspace changed (a local write or data received by sync): screens reload."""


@dataclass
class WorkspaceReady(Message):
    """The first-run flow made or chose a workspace; the app opens it."""

    db_path: str


@dataclass
class WorkspaceFailed(Message):
    """Building the demo (or another first-run step) failed."""

    error: str
