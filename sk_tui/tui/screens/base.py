"""What every main screen shares: the status line on top, the footer, localized bindings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.screen import Screen

from sk_tui.tui.bindings import localize
from sk_tui.tui.i18n import language
from sk_tui.tui.widgets.keys import KeyFooter
from sk_tui.tui.widgets.status import StatusBar

if TYPE_CHECKING:
    from sk_tui.store import Store
    from sk_tui.tui.app import SkApp


class SkScreen(Screen):
    """A main screen (a mode). Subclasses compose ``body()`` and load data in ``reload()``."""

    TITLE_KEY = "app.title"

    def __init__(self) -> None:
        super().__init__()
        localize(self)
        self._language = language()

    @property
    def sk(self) -> SkApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> Store:
        return self.sk.store

    def compose(self) -> ComposeResult:
        yield StatusBar(self.TITLE_KEY)
        yield from self.body()
        yield KeyFooter()

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self._fresh = True
        self.after_compose()
        self.reload()

    def after_compose(self) -> None:
        """Set up freshly composed widgets (table columns, focus). Override."""

    async def on_screen_resume(self) -> None:
        if self._language != language():
            await self.relabel()
        elif getattr(self, "_fresh", False):
            self._fresh = False  # just mounted: on_mount has loaded it
        else:
            self.reload()
        self.refresh_status()

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

    def fail(self, exc: Exception) -> None:
        self.sk.show_error(exc)
