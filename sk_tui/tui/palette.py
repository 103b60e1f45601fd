"""The command palette (Ctrl+P): every action of the app and of the screen you are on,
plus teams, languages and themes, in the UI language."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from sk_tui.tui.i18n import t
from sk_tui.tui.plain import shown


class SkCommands(Provider):
    def _commands(self) -> list[tuple[str, object, str]]:
        app = self.app
        screen = self.screen
        commands: list[tuple[str, object, str]] = []
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
        store = getattr(app, "store", None)
        if store is not None and store.me() is not None:
            for team in store.teams_for(store.me().id):
                commands.append((f"{t('board.team')}: {shown(team.name)}", partial(_show_team, app, team.id), ""))
        for lang, label in (("id", "Bahasa Indonesia"), ("en", "English")):
            commands.append((f"{t('app.language')}: {label}", partial(app.set_language, lang), "F2"))
        for theme in ("textual-dark", "textual-light", "ansi-dark", "ansi-light"):
            commands.append((f"{t('app.theme')}: {theme}", partial(app.set_theme, theme), "F3"))
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


def _highlight(matcher, name: str) -> Content:
    """Like ``Matcher.highlight`` but never reading ``name`` as markup (a team's name is data)."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


async def _show_team(app, team_id: str) -> None:
    app.board_team_id = team_id
    await app.action_mode("board")
    show = getattr(app.screen, "show_team", None)
    if show is not None:
        show(team_id)
