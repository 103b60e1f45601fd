"""What every main screen shares: the status line on top, the footer, localized bindings;
and how a refused action is shown (``fail``)."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any, cast

from textual import events, on
from textual.app import ComposeResult
from textual.dom import DOMNode, NoActiveAppError
from textual.screen import Screen

from sk_tui.domain.i18n import language
from sk_tui.tui.bindings import localize
from sk_tui.tui.widgets.keys import KeyFooter
from sk_tui.tui.widgets.status import StatusBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic import ValidationError
    from textual.app import App

    from sk_tui.domain.errors import DomainError
    from sk_tui.store import Store
    from sk_tui.tui.app import SkApp


def sk_app(node: DOMNode) -> SkApp:
    """The running app as the SkApp every screen of this package runs in."""
    return cast("SkApp", node.app)


class AppAccess:
    """``sk`` (the app) and ``store`` for every screen and dialog of this package."""

    app: App[object]

    @property
    def sk(self) -> SkApp:
        return cast("SkApp", self.app)

    @property
    def store(self) -> Store:
        return self.sk.require_store()


class SkScreen(AppAccess, Screen[None]):
    """A main screen (a mode). Subclasses compose ``body()`` and load data in ``reload()``."""

    TITLE_KEY = "app.title"
    _dialog_epoch: int | None = None  # the app's data_epoch when a dialog of this screen opened

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self._language = language()
        # A new screen is styled as its widgets mount. Textual's CSS refresh on switching to a
        # screen whose count is behind (a reparse of every stylesheet and a restyle of every
        # screen: 30-50 ms, twice on a mode's first switch) is for screens styled before the
        # CSS last changed, which a screen not yet mounted was not.
        with suppress(NoActiveAppError):
            self._css_update_count = self.app._css_update_count

    def compose(self) -> ComposeResult:
        yield StatusBar(self.TITLE_KEY)
        yield from self.body()
        yield KeyFooter()

    def body(self) -> ComposeResult:
        yield from ()

    def _style_state(self) -> tuple[object, ...]:
        """What styles a hidden screen: the app's CSS count (a theme change bumps it), the
        app's classes (the ANSI and light-mode ones) and whether the app has focus."""
        app = self.app
        return app._css_update_count, frozenset(app.classes), app.app_focus

    @on(events.ScreenSuspend)
    def _remember_style_state(self) -> None:
        self._styled_as = self._style_state()

    @on(events.ScreenResume)
    def _restyle_only_if_changed(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own resume handler (subclass first), which restyles every node
        # of the screen on each resume (10-40 ms here); that is needed only when what styles the
        # screen changed while it was hidden.
        if getattr(self, "_styled_as", None) == self._style_state():
            event.refresh_styles = False

    def on_mount(self) -> None:
        self._fresh = True
        self.after_compose()
        self.reload()

    def after_compose(self) -> None:
        """Set up freshly composed widgets (table columns, focus). Override."""

    async def on_screen_resume(self) -> None:
        # A dialog of this screen just closed, and nothing else can have changed the data since
        # it opened (no sync brought any, no other screen was shown): its callback reloads
        # what it changed, the rest is as it was.
        dialog_epoch, self._dialog_epoch = self._dialog_epoch, None
        if self._language != language():
            await self.relabel()
        elif getattr(self, "_fresh", False):
            self._fresh = False  # just mounted: on_mount has loaded it
        elif dialog_epoch is None or dialog_epoch != self.sk.data_epoch:
            self.reload()
        self.refresh_status()

    def push_dialog(self, dialog: Screen[Any], done: Callable[[Any], None]) -> None:
        """Open a dialog of this screen whose ``done`` reloads whatever it changes: closing it
        then redraws this screen without reading it again (see on_screen_resume)."""
        self._dialog_epoch = self.sk.data_epoch
        self.app.push_screen(dialog, done)

    async def relabel(self) -> None:
        """The language changed: rebuild the labels, keep the state, reload the data."""
        self._language = language()
        localize(self)
        await self.recompose()
        self.after_compose()
        self.refresh_bindings()
        self.reload()

    def refresh_status(self) -> None:
        for bar in self.query(StatusBar):
            bar.refresh_status()

    def reload(self) -> None:
        """Read what the screen shows from the store. Override."""

    def fail(self, exc: DomainError | ValidationError) -> None:
        """Show why an action was refused. Actions catch only these two: the domain refused
        (a StorageError, a full disk or a read-only workspace, is one too) or pydantic refused a
        model built from what was typed or from stored text that predates the rules. Anything
        else is a bug: it is not caught, so it ends the app (and fails the test that met it)."""
        self.sk.show_error(exc)
