"""Small modal dialogs: pick one, confirm, pick several, write a note.

Each is a ``Dialog[T]``: it is dismissed with a ``T``, or with None when cancelled (Esc), so
the callback given to ``push_screen`` takes ``T | None``::

    def done(yes: bool | None) -> None: ...
    self.app.push_screen(ConfirmScreen("Hapus?"), done)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from sk_tui.domain.i18n import t
from sk_tui.tui.bindings import localize, make
from sk_tui.tui.plain import plain
from sk_tui.tui.screens.base import AppAccess
from sk_tui.tui.widgets.inputs import TextInput

if TYPE_CHECKING:
    pass

ResultT = TypeVar("ResultT")


def _text(value: str | Text) -> Text:
    """Titles, questions and options often quote a person's text: shown literally, never markup."""
    return value if isinstance(value, Text) else plain(value, multiline=True)


class Dialog(AppAccess, ModalScreen[ResultT]):
    """A centred box; Esc closes it with None. Every title, question and option it shows is
    plain text (callers may pass ``str`` with data in it)."""

    BINDINGS = [
        make("escape", "cancel", "form.cancel_id"),
        # A modal screen hides the app's bindings: j/k for the lists in dialogs, here too.
        make("j", "list(1)", "app.list_down", show=False),
        make("k", "list(-1)", "app.list_up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        localize(self)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_list(self, step: int) -> None:
        self.sk.action_list(step)


class PickScreen(Dialog[str]):
    """Choose one of ``options`` [(value, label)]; returns the value or None."""

    def __init__(self, title: str | Text, options: list[tuple[str, str]], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pick-dialog"):
            yield Label(_text(self.title_text), classes="dialog-title", markup=False)
            yield OptionList(*(Option(plain(label), id=value) for value, label in self.options), id="pick-list")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        for index, (value, _label) in enumerate(self.options):
            if value == self.current:
                option_list.highlighted = index
                break
        else:
            option_list.highlighted = 0 if self.options else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class DraftChoiceScreen(Dialog[str]):
    """Esc on a changed form: "keep" (as a draft), "discard", or None (back to the form)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="draft-dialog"):
            yield Label(t("draft.question"), classes="dialog-title", markup=False)
            yield OptionList(Option(t("draft.keep"), id="keep"), Option(t("draft.discard"), id="discard"),
                             Option(t("draft.back"), id="back"), id="draft-choices")
            yield Label(t("draft.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(None if event.option.id == "back" else event.option.id)


class ConfirmScreen(Dialog[bool]):
    """Yes or no; returns True or False (Esc = no)."""

    BINDINGS = [
        make("y,enter", "answer(True)", "confirm.yes"),
        make("n,escape", "answer(False)", "confirm.no"),
    ]

    def __init__(self, question: str | Text) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(_text(self.question), id="confirm-question", markup=False)
            yield Label(t("confirm.hint"), classes="dialog-hint", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class AssignScreen(Dialog[list[str]]):
    """Pick the people on a card; returns the list of employee ids or None."""

    BINDINGS = [make("enter,ctrl+s", "save", "form.save_id", priority=True)]

    def __init__(self, title: str | Text, people: list[tuple[str, str]], chosen: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.people = people
        self.chosen = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="assign-dialog"):
            yield Label(_text(self.title_text), classes="dialog-title", markup=False)
            yield SelectionList[str](
                *((plain(label), value, value in self.chosen) for value, label in self.people), id="assign-list"
            )
            yield Label(t("task.assign_hint"), classes="dialog-hint", markup=False)

    def action_save(self) -> None:
        self.dismiss(list(self.query_one(SelectionList).selected))


class NoteScreen(Dialog[str]):
    """Write a required note (returning a report); returns the text or None."""

    BINDINGS = [make("ctrl+s", "save", "form.save_id")]

    def __init__(self, title: str | Text, placeholder: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Label(_text(self.title_text), classes="dialog-title", markup=False)
            yield TextInput(placeholder=self.placeholder, id="note-input")
            yield Label("", id="note-error", classes="form-error", markup=False)
            yield Label(t("form.hint_one_field"), classes="dialog-hint", markup=False)

    @on(Input.Submitted)
    def action_save(self) -> None:
        text = self.query_one("#note-input", Input).value.strip()
        if not text:
            from sk_tui.domain.errors import DomainError
            from sk_tui.domain.i18n import language

            self.query_one("#note-error", Label).update(DomainError("return_needs_note").message(language()))
            return
        self.dismiss(text)
