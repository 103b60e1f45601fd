"""The board's team picker: a box drawn over the board, mounted once with the board and then
only shown and hidden.

A pushed dialog (``dialogs.PickScreen``) costs two full-screen frames: its open draws the board
again, dimmed, behind it (Textual renders the whole screen below a translucent modal through
Rich), and its close lays out and repaints every widget of the board before the new team's
frame. Mounting and removing a box per open (session 5) put the removal and a focus-chain
rebuild before the frame that answers Enter. This box is composed with the board, hidden:
showing it lays out and draws only its own region, hiding it redraws what it covered, which the
new team's board redraws anyway.

While it is shown it is modal as a dialog is: the binding chain stops at it (``is_modal``), so
the footer shows its keys and the board's and the app's (non-priority) keys do not act on a
board the user cannot see behind the box; any other key is swallowed. Leaving it (Esc, or focus
going elsewhere) chooses nothing.
"""

from __future__ import annotations

from collections.abc import Callable

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


class TeamPicker(Vertical):
    """Choose one of ``options`` [(value, label)]; ``done`` gets the value, or None when the
    box is left without a choice. Ids and classes are the dialog's (``#pick-dialog``,
    ``.dialog-title``, ``#pick-list``), so it looks and is found as one."""

    # Above every widget of the screen (the screen names the layer: see LAYERS); placed by
    # ``place``, out of the screen's flow; hidden until opened.
    DEFAULT_CSS = """
    TeamPicker { position: absolute; layer: picker; display: none; }
    """
    BINDINGS = [
        make("escape", "cancel", "form.cancel_id"),
        make("j", "list(1)", "app.list_down", show=False),
        make("k", "list(-1)", "app.list_up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(classes="dialog", id="pick-dialog")
        localize(self)
        self._options: list[tuple[str, str]] = []
        self._title = ""
        self._done: Callable[[str | None], None] | None = None

    def compose(self) -> ComposeResult:
        yield Label("", classes="dialog-title", markup=False)
        yield OptionList(id="pick-list")

    @property
    def is_modal(self) -> bool:
        return bool(self.display)

    @property
    def shown(self) -> bool:
        return bool(self.display)

    def open(self, title: str, options: list[tuple[str, str]], current: str | None,
             done: Callable[[str | None], None]) -> None:
        """Show the box with ``options``, the cursor on ``current``; the list is rebuilt only
        when the options changed."""
        self._done = done
        if title != self._title:
            self._title = title
            self.query_one(Label).update(plain(title, multiline=True))
        option_list = self.query_one(OptionList)
        if options != self._options:
            self._options = list(options)
            option_list.set_options(Option(plain(label), id=value) for value, label in options)
        self.place(*self.app.size)
        index = next((i for i, (value, _label) in enumerate(options) if value == current), 0 if options else None)
        option_list.highlighted = index
        self.display = True
        option_list.focus()
        self.screen.refresh_bindings()

    def place(self, width: int, height: int) -> None:
        """Centre the box in a screen of ``width`` x ``height`` cells."""
        box_width = min(DIALOG_WIDTH, width)
        box_height = min(height, 5 + min(LIST_MAX, len(self._options)))  # borders, title, options
        self.styles.offset = (max(0, (width - box_width) // 2), max(0, (height - box_height) // 2))

    def on_key(self, event: events.Key) -> None:
        if self.display and event.key not in PASSED_KEYS:  # nothing reaches what the box covers
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
        if not (self.is_attached and self.display):
            return
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.close(None)

    def close(self, value: str | None) -> None:
        """Hide the box and hand ``value`` to ``done`` (once), in the same step: the frame that
        answers the key is drawn without the box and with what the choice changed."""
        done, self._done = self._done, None
        if not self.display:
            return
        self.display = False
        self.screen.refresh_bindings()
        if done is not None:
            done(value)
