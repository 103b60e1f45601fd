"""First run: no workspace yet. Offer the demo, a server connection, or a personal workspace."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import language, t
from sk_tui.tui.bindings import localize, make
from sk_tui.tui.messages import WorkspaceReady
from sk_tui.tui.plain import plain
from sk_tui.tui.screens.base import sk_app
from sk_tui.tui.screens.dialogs import Dialog
from sk_tui.tui.widgets.inputs import TextInput
from sk_tui.tui.widgets.keys import KeyFooter


class WelcomeScreen(Screen[None]):
    BINDINGS = [make("f2", "app.toggle_language", "app.language")]

    def __init__(self, has_store: bool = False) -> None:
        super().__init__()
        localize(self)
        self.has_store = has_store

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome"):
            yield Label(t("welcome.title"), id="welcome-title", markup=False)
            yield Static(t("welcome.body"), id="welcome-body", markup=False)
            yield OptionList(
                Option("1  " + t("welcome.demo"), id="demo"),
                Option("2  " + t("welcome.server"), id="server"),
                Option("3  " + t("welcome.personal"), id="personal"),
                id="welcome-choices",
            )
            yield Label("", id="welcome-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0
        self.query_one(OptionList).focus()

    async def relabel(self) -> None:
        localize(self)
        await self.recompose()
        self.on_mount()

    def on_key(self, event: events.Key) -> None:
        choices = {"1": "demo", "2": "server", "3": "personal"}
        if event.key in choices:
            event.stop()
            self.choose(choices[event.key])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option.id)

    def workspace_path(self) -> Path:
        from sk_tui import paths

        return sk_app(self).db_path or paths.default_db_path()

    def choose(self, what: str | None) -> None:
        if what == "demo":
            self.query_one("#welcome-status", Label).update(t("welcome.building"))
            sk_app(self).build_demo_workspace()
        elif what == "server":
            self.app.push_screen(ServerForm(), self._server_saved)
        elif what == "personal":
            self.app.push_screen(PersonalForm(self.workspace_path()))

    def _server_saved(self, saved: bool | None) -> None:
        if saved:
            self.app.notify(t("welcome.connected"))
            self.app.push_screen(PersonalForm(self.workspace_path()))


class ServerForm(Dialog[bool]):
    """Server address and device token; saved 0600 for the sync client. Returns True."""

    BINDINGS = [make("ctrl+s", "save", "form.save_id")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="server-form"):
            yield Label(t("welcome.server"), classes="dialog-title", markup=False)
            yield Label(t("welcome.server_url"), markup=False)
            yield TextInput(placeholder=t("welcome.server_url.hint"), id="server-url")
            yield Label(t("welcome.token"), markup=False)
            yield TextInput(password=True, id="server-token")
            yield Label("", id="server-error", classes="form-error", markup=False)
            yield Label(t("form.hint"), classes="dialog-hint", markup=False)

    @on(Input.Submitted)
    def action_save(self) -> None:
        url = self.query_one("#server-url", Input).value.strip()
        token = self.query_one("#server-token", Input).value.strip()
        error = self.query_one("#server-error", Label)
        if not url.startswith(("http://", "https://")):
            error.update(t("welcome.url_bad"))
            return
        if not token:
            error.update(t("welcome.token_empty"))
            return
        try:
            save_server(url, token)
        except OSError as exc:
            error.update(plain(str(exc), multiline=True))
            return
        self.dismiss(True)


def save_server(url: str, token: str) -> None:
    """Through the sync client's credential store when present, else a 0600 token file."""
    try:
        from sk_tui.sync.client import save_credentials
    except ImportError:
        import json
        import os

        from sk_tui import paths

        file = paths.ensure_parent(paths.token_file())
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"server_url": url.rstrip("/"), "token": token}, out)
        return
    save_credentials(url, token)


class PersonalForm(Dialog[None]):
    """Name, NIP and unit: makes a personal workspace with one team and posts WorkspaceReady."""

    BINDINGS = [make("ctrl+s", "save", "form.save_id")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="personal-form"):
            yield Label(t("welcome.personal"), classes="dialog-title", markup=False)
            yield Label(t("welcome.name"), markup=False)
            yield TextInput(id="me-name", placeholder=t("welcome.name.hint"))
            yield Label(t("welcome.nip"), markup=False)
            yield TextInput(id="me-nip", placeholder=t("welcome.nip.hint"), max_length=18)
            yield Label(t("welcome.unit"), markup=False)
            yield TextInput(id="me-unit", placeholder=t("welcome.unit.hint"))
            yield Label("", id="personal-error", classes="form-error", markup=False)
            yield Label(t("form.hint"), classes="dialog-hint", markup=False)

    @on(Input.Submitted)
    def action_save(self) -> None:
        from sk_tui.domain.models import validate_nip

        name = self.query_one("#me-name", Input).value.strip()
        nip = self.query_one("#me-nip", Input).value.strip()
        unit = self.query_one("#me-unit", Input).value.strip()
        error = self.query_one("#personal-error", Label)
        if not name:
            error.update(t("welcome.name_empty"))
            return
        try:
            nip = validate_nip(nip)
        except DomainError as exc:
            error.update(plain(exc.message(language()), multiline=True))
            self.query_one("#me-nip", Input).focus()
            return
        if not unit:
            error.update(t("welcome.unit_empty"))
            return
        try:
            self.sk.create_personal_workspace(self.path, name=name, nip=nip, unit_name=unit)
        except (DomainError, ValidationError) as exc:  # a name or unit the rules refuse, a full disk
            error.update(plain(self.sk.error_text(exc), multiline=True))
            return
        self.app.post_message(WorkspaceReady(str(self.path)))
