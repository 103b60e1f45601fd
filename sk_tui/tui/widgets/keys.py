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
    KeyFooter > .key-footer--key { color: $text-accent; text-style: bold; }
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
        """Draw what fits: the screen's note (the active filter) and help always, then the
        screen's own keys in their order, then the app's; what does not fit is left out whole
        (never cut in the middle of a word)."""
        self._pending = False
        if not self.is_attached:
            return
        active = self.screen.active_bindings
        by_action: dict[str, list] = defaultdict(list)
        palette = None
        for node, binding, enabled, _tooltip in active.values():
            if binding.action in ("command_palette", "app.command_palette"):
                palette = binding
                continue
            # Only keys of ours (with an id, described in the UI language): a widget's built-in
            # key (a Select's "Dismiss menu") would put English on an Indonesian screen.
            if binding.show and binding.id:
                by_action[binding.action].append((binding, enabled, node is self.app))
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        groups: dict[str, list] = {}
        items: list = []
        for entries in by_action.values():
            binding, enabled, of_app = entries[0]
            if binding.group is not None:
                if binding.group.description not in groups:
                    groups[binding.group.description] = []
                    items.append(("group", binding.group.description, of_app))
                groups[binding.group.description].append((binding, enabled))
            else:
                items.append(("one", (binding, enabled), of_app))
        # (rank, piece): lower ranks stay longest; ties keep the earlier key.
        pieces: list[tuple[int, Text]] = []
        for kind, value, of_app in items:
            if kind == "group":
                keys = "".join(self.app.get_key_display(b) for b, _e in groups[value])
                piece = self._piece(keys, value, True, key_style)
            else:
                binding, enabled = value
                piece = self._piece(self.app.get_key_display(binding), binding.description, enabled, key_style)
            rank = 2 if of_app else 1
            if value is not None and kind == "one" and value[0].action in ("help", "app.help"):
                rank = 0
            pieces.append((rank, piece))
        note_text = getattr(self.screen, "footer_note", None)
        note = note_text() if callable(note_text) else None
        tail = Text()
        if palette is not None:
            tail = Text.assemble("▏", (self.app.get_key_display(palette), key_style), " " + palette.description + " ")
        head = Text.assemble((" " + note + " ", "bold reverse")) if note else Text()
        room = self.size.width - tail.cell_len - head.cell_len
        order = sorted(range(len(pieces)), key=lambda i: (pieces[i][0], i))
        kept: set[int] = set()
        used = 0
        for i in order:
            width = pieces[i][1].cell_len
            if used + width <= room:
                kept.add(i)
                used += width
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append_text(head)
        for i, (_rank, piece) in enumerate(pieces):
            if i in kept:
                text.append_text(piece)
        if palette is not None:
            text.append(" " * max(0, self.size.width - text.cell_len - tail.cell_len))
            text.append_text(tail)
        self.update(text, layout=False)  # one docked line: its size never changes

    @staticmethod
    def _piece(keys: str, description: str, enabled: bool, key_style) -> Text:
        return Text.assemble((" " + keys, key_style if enabled else "italic"),
                             (" " + description + " ", "" if enabled else "italic"))

    def on_resize(self) -> None:
        self.show_keys()
