"""The command palette (Ctrl+P): every action of the app and of the screen you are on,
plus teams, languages and themes, in the UI language."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.align import Align
from rich.text import Text
from textual.binding import BindingType
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from sk_tui.domain.i18n import t
from sk_tui.tui.bindings import localize, make
from sk_tui.tui.plain import shown

if TYPE_CHECKING:
    pass

# (what the palette lists, what choosing it runs, the key shown beside it)
Command = tuple[str, Callable[[], Any], str]


class SkCommandPalette(CommandPalette):
    """Textual's palette with its own words (key descriptions, "No matches found") in the UI
    language: an Indonesian screen shows no English."""

    BINDINGS: ClassVar[list[BindingType]] = [
        make("ctrl+end,shift+end", "command_list('last')", "palette.bottom", show=False),
        make("ctrl+home,shift+home", "command_list('first')", "palette.top", show=False),
        make("down", "cursor_down", "palette.next", show=False),
        make("escape", "escape", "palette.close"),
        make("pagedown", "command_list('page_down')", "palette.page_down", show=False),
        make("pageup", "command_list('page_up')", "palette.page_up", show=False),
        make("up", "command_list('cursor_up')", "palette.previous", show=False),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(placeholder=t("palette.placeholder"), **kwargs)
        localize(self)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own version adds the words "No matches found"; the same, translated.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(t("palette.no_matches"), style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


class SkCommands(Provider):
    def _commands(self) -> list[Command]:
        from sk_tui.tui.app import THEMES
        from sk_tui.tui.screens.base import sk_app

        app = sk_app(self.screen)
        screen = self.screen
        commands: list[Command] = []
        seen: set[str] = set()
        for node in (screen, app):
            for _key, binding in node._bindings:
                if not binding.id or binding.id in seen or binding.action == "command_palette":
                    continue
                if binding.id.startswith("board.") and binding.id in {"board.left", "board.right", "board.up", "board.down"}:
                    continue
                seen.add(binding.id)
                keys = binding.key_display or binding.key
                commands.append((t(binding.id), partial(node.run_action, binding.action), keys))
        me = app.me
        if app.store is not None and me is not None:
            commands.extend((f"{t('board.team')}: {shown(team.name)}", partial(app.show_team_board, team.id), "")
                            for team in app.store.teams_for(me.id))
        commands.extend((f"{t('app.language')}: {label}", partial(app.set_language, lang), "F2")
                        for lang, label in (("id", "Bahasa Indonesia"), ("en", "English")))
        commands.extend((f"{t('app.theme')}: {theme}", partial(app.set_theme, theme), "F3")
                        for theme in THEMES)
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)


def _highlight(matcher: Matcher, name: str) -> Content:
    """Like ``Matcher.highlight`` but never reading ``name`` as markup (a team's name is data)."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
