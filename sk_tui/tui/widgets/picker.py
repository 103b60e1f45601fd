"""Choose one of a few options in a box drawn over the current screen, not on a pushed screen.

A pushed dialog (``dialogs.PickScreen``) costs two full-screen frames: the push draws the
screen below it again, dimmed, and the pop draws it again at full colour with a layout of
every widget. The board's team picker is opened and closed many times a day and each close is
followed by a new board, so it is this box instead: mounting it lays out and draws only its
own region, removing it redraws only what it covered.

While it is open it takes the keys a dialog would: the list's own (up, down, home, end, page
up/down, Enter), j/k and Esc; any other key is swallowed, so the screen's keys below it do not
act on a board the user cannot see behind the box. Leaving it (Esc, or focus going elsewhere)
chooses nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sk_tui.tui.bindings import localize, make
from sk_tui.tui.plain import plain

DIALOG_WIDTH = 76  # as .dialog in app.tcss
LIST_MAX = 16  # as #pick-list in app.tcss
LAYERS = "default picker"  # the ``layers`` of a screen that shows the box
PASSED_KEYS = {"up", "down", "home", "end", "pageup", "pagedown", "enter", "escape", "j", "k"}


class InlinePicker(Vertical):
    """The options [(value, label)] in a box centred over the screen; ``done`` gets the chosen
    value, or None when the box is left without a choice. Ids and classes are the dialog's
    (``#pick-dialog``, ``.dialog-title``, ``#pick-list``), so it looks and is found as one."""

    # Above every widget of the screen, however deep (the screen names the layer: see
    # LAYERS); placed by ``place``, out of the screen's flow.
    DEFAULT_CSS = """
    InlinePicker { position: absolute; layer: picker; }
    """
    BINDINGS = [
        make("escape", "cancel", "form.cancel_id"),
        make("j", "list(1)", "app.list_down", show=False),
        make("k", "list(-1)", "app.list_up", show=False),
    ]

    def __init__(self, title: str | Text, options: list[tuple[str, str]], current: str | None,
                 done: Callable[[str | None], None]) -> None:
        super().__init__(classes="dialog", id="pick-dialog")
        localize(self)
        self.title_text = title
        self.options = options
        self.current = current
        self._done: Callable[[str | None], None] | None = done

    def compose(self) -> ComposeResult:
        title = self.title_text if isinstance(self.title_text, Text) else plain(self.title_text, multiline=True)
        yield Label(title, classes="dialog-title", markup=False)
        yield OptionList(*(Option(plain(label), id=value) for value, label in self.options), id="pick-list")

    def place(self, width: int, height: int) -> None:
        """Centre the box in a screen of ``width`` x ``height`` cells (set before mounting)."""
        box_width = min(DIALOG_WIDTH, width)
        box_height = min(height, 5 + min(LIST_MAX, len(self.options)))  # borders, title, options
        self.styles.offset = (max(0, (width - box_width) // 2), max(0, (height - box_height) // 2))

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        for index, (value, _label) in enumerate(self.options):
            if value == self.current:
                option_list.highlighted = index
                break
        option_list.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key not in PASSED_KEYS:  # the screen's keys do not reach what the box covers
            event.stop()
            event.prevent_default()

    def action_list(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        (option_list.action_cursor_down if step > 0 else option_list.action_cursor_up)()

    def action_cancel(self) -> None:
        self.close(None)

    @on(OptionList.OptionSelected, "#pick-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.close(event.option.id)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # A click elsewhere took the focus: the box is left without a choice, as Esc would.
        self.call_after_refresh(self._left)

    def _left(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        if self.is_attached and (focused is None or self not in focused.ancestors):
            self.close(None)

    def close(self, value: str | None) -> None:
        """Remove the box and hand ``value`` to ``done`` (once)."""
        done, self._done = self._done, None
        if done is None:
            return
        # Hidden now, so the next frame (the one that answers the key) is drawn without it;
        # the removal itself follows.
        self.display = False
        self.remove()
        done(value)
