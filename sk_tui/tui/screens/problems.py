"""Sync problems (DESIGN §4): ops the server rejected, that conflict or are blocked, or that a
newer server copy overtook, stay listed here with the user's content until the user chooses:

- ``r`` reapply mine on top of the server's current version (a new op with the right base),
- ``x`` keep the server's (the device already shows it; mine is dropped),
- ``e`` edit: a report's content goes back into a local draft of its day; a card gets my
  changes on its current version and opens in the card form.

A record the pull could not store: ``r`` checks it again at the next sync, ``x`` forgets it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import refusal, t
from sk_tui.tui.bindings import make
from sk_tui.tui.plain import plain, shown
from sk_tui.tui.screens.base import SkScreen


def describe(op: dict[str, Any]) -> str:
    """What the op changed, for a person: "Laporan 2026-11-20 kirim", "Tugas “Judul” ubah"."""
    entity, name = op.get("entity", ""), op.get("op", "")
    label = t(f"problems.entity.{entity}")
    if label == f"problems.entity.{entity}":
        label = entity
    payload = op.get("payload") or {}
    detail = ""
    if isinstance(payload, dict):
        if payload.get("work_date"):
            detail = str(payload["work_date"])
        elif payload.get("title"):
            detail = f"“{payload['title']}”"
    verb = t(f"problems.op.{name}")
    if verb == f"problems.op.{name}":
        verb = name
    return shown(" ".join(part for part in (label, detail, verb) if part))


def state_label(state: str) -> str:
    key = f"problems.state.{state}"
    text = t(key)
    return state if text == key else text


class ProblemsScreen(SkScreen):
    TITLE_KEY = "mode.problems"
    BINDINGS = [
        make("r", "retry", "problems.retry"),
        # Not Textual's "dismiss" action (which closes a screen): the binding id, which user
        # keymaps name, stays "problems.dismiss".
        make("x", "dismiss_problem", "problems.dismiss"),
        make("e", "edit_problem", "problems.edit"),
        make("f6", "reload", "problems.refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ops: dict[str, dict[str, Any]] = {}

    def body(self) -> ComposeResult:
        yield Static("", id="problems-title", classes="screen-title", markup=False)
        yield DataTable(id="problems-list", cursor_type="row", zebra_stripes=True)
        yield Static("", id="problems-detail", markup=False)

    def after_compose(self) -> None:
        table = self.query_one("#problems-list", DataTable)
        for key, width in (("problems.col.what", 28), ("problems.col.state", 10), ("problems.col.reason", None)):
            table.add_column(t(key), key=key, width=width)
        table.focus()

    def reload(self) -> None:
        ops = self.store.sync_problems()
        self.ops = {op["op_id"]: op for op in ops}
        table = self.query_one("#problems-list", DataTable)
        row = table.cursor_row
        table.clear()
        for op in ops:
            reason = refusal(op.get("result"), op.get("last_error")) or t("problems.no_reason")
            # The reason may come from the server, and the title from anyone: plain text, escaped.
            table.add_row(plain(describe(op), ellipsis=True), plain(state_label(op["state"])),
                          plain(reason, ellipsis=True), key=op["op_id"])
        if ops:
            table.move_cursor(row=min(max(row, 0), len(ops) - 1))
        title = t("problems.heading", n=len(ops)) if ops else t("problems.none")
        self.query_one("#problems-title", Static).update(title)
        table.display = bool(ops)
        self._show_detail()

    def selected(self) -> dict[str, Any] | None:
        table = self.query_one("#problems-list", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return self.ops.get(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#problems-list")
    def _show_detail(self) -> None:
        op = self.selected()
        detail = self.query_one("#problems-detail", Static)
        if op is None:
            detail.update("")
            detail.display = False
            return
        detail.display = True
        text = Text()
        text.append(describe(op), style="bold")
        text.append(f" · {shown(state_label(op['state']))}")
        reason = refusal(op.get("result"), op.get("last_error"))
        if reason:
            text.append("\n" + shown(reason, multiline=True))
        result = op.get("result")
        if isinstance(result, dict) and result:
            # the words were shown above, in the user's language only; the stable code stays for
            # whoever supports the user, under a label in their language
            rest = {(t("problems.col.reason") if k == "reason" else k): v for k, v in result.items()
                    if k not in ("message", "message_en", "op_id", "status") and v not in (None, "", {}, [])}
            if rest:
                text.append("\n" + shown(", ".join(f"{k}: {v}" for k, v in rest.items()), multiline=True))
        detail.update(text)

    def action_retry(self) -> None:
        op = self.selected()
        pulled = op is not None and op.get("source") == "pull"
        self._resolve("retried" if pulled else "reapplied", "problems.retried" if pulled else "problems.reapplied")

    def action_edit_problem(self) -> None:
        op = self.selected()
        if op is None or op.get("source") == "pull":
            return
        try:
            if op["entity"] == "task":
                self.store.reapply(op["op_id"])
                target = self.store.task(op["entity_id"])
            else:
                opened = self.store.edit_problem(op["op_id"])
                target = None
        except DomainError as exc:
            self.fail(exc)
            return
        self.reload()
        self.sk.refresh_sync_state()
        if op["entity"] == "task":
            if target is not None:
                from sk_tui.tui.screens.task_form import TaskForm

                self.app.push_screen(TaskForm(target.team_id, target, target.status), lambda _saved: self.reload())
            return
        self.app.notify(t("problems.edited", day=opened["fields"].get("work_date", "")))

    def action_dismiss_problem(self) -> None:
        op = self.selected()
        pulled = op is not None and op.get("source") == "pull"  # a server record we could not store
        self._resolve("dismissed", "problems.dismissed_pulled" if pulled else "problems.dismissed")

    def _resolve(self, resolution: str, message_key: str) -> None:
        op = self.selected()
        if op is None:
            return
        try:
            self.store.resolve_problem(op["op_id"], resolution)
        except DomainError as exc:  # e.g. a full disk (StorageError)
            self.fail(exc)
            return
        self.app.notify(t(message_key, what=describe(op)))
        self.reload()
        if resolution == "retried":
            self.sk.request_sync()
        else:
            self.sk.refresh_sync_state()

    def action_reload(self) -> None:
        self.reload()
