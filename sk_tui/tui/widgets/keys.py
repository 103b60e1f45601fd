"""The footer: the keys that work here, drawn as one line of text.

Textual's Footer mounts a widget per key and rebuilds them on every focus change (about a tenth
of a second per screen change here); this draws the same information as one ``Text``.
"""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.widgets import Static


class KeyFooter(Static):
    COMPONENT_CLASSES = {"key-footer--key"}
    DEFAULT_CSS = """
    KeyFooter { dock: bottom; height: 1; background: $panel; color: $foreground; }
    KeyFooter > .key-footer--key { color: $accent; text-style: bold; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._pending = False
        self.call_after_refresh(self.show_keys)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self.show_keys)

    def show_keys(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        active = self.screen.active_bindings
        by_action: dict[str, list] = defaultdict(list)
        palette = None
        for _node, binding, enabled, _tooltip in active.values():
            if binding.action in ("command_palette", "app.command_palette"):
                palette = binding
                continue
            if binding.show:
                by_action[binding.action].append((binding, enabled))
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis")
        groups: dict[str, list] = {}
        items: list = []
        for entries in by_action.values():
            binding, enabled = entries[0]
            if binding.group is not None:
                if binding.group.description not in groups:
                    groups[binding.group.description] = []
                    items.append(("group", binding.group.description))
                groups[binding.group.description].append((binding, enabled))
            else:
                items.append(("one", (binding, enabled)))
        for kind, value in items:
            if kind == "group":
                keys = "".join(self.app.get_key_display(b) for b, _e in groups[value])
                self._append(text, keys, value, True, key_style)
            else:
                binding, enabled = value
                self._append(text, self.app.get_key_display(binding), binding.description, enabled, key_style)
        if palette is not None:
            tail = Text.assemble((" " + self.app.get_key_display(palette), key_style), " " + palette.description + " ")
            room = max(0, self.size.width - tail.cell_len - 1)
            text.truncate(room, overflow="ellipsis", pad=True)
            text = Text.assemble(text, "▏", tail)
        self.update(text)

    @staticmethod
    def _append(text: Text, keys: str, description: str, enabled: bool, key_style) -> None:
        style = "" if enabled else "dim"
        text.append(" " + keys, style=key_style if enabled else "dim")
        text.append(" " + description + " ", style=style)

    def on_resize(self) -> None:
        self.show_keys()
