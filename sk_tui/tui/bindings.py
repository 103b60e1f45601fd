"""Bindings with ids (remappable through config ``keymap``) and descriptions in the UI language.

Each binding's id doubles as its i18n key: ``Binding("n", "new", id="board.new")`` shows as
"Tugas baru" or "New task". ``localize(node)`` rebuilds a node's bindings in the current
language; the app calls it again when the language changes.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from sk_tui.domain.i18n import t


def localize(node: DOMNode) -> None:
    merged = type(node)._merged_bindings
    if merged is None:
        return
    bindings = []
    for key_bindings in merged.key_to_bindings.values():
        for binding in key_bindings:
            if binding.id:
                changes: dict = {"description": t(binding.id)}
                if binding.group is not None:
                    changes["group"] = Binding.Group(t(GROUPS.get(binding.id, "")), compact=True)
                binding = dataclasses.replace(binding, **changes)
            bindings.append(binding)
    node._bindings = BindingsMap(bindings)


def binding_rows(node_class: type[DOMNode], keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(keys, description, id) for every binding with an id: the help screen's rows."""
    merged = node_class._merge_bindings()
    seen: dict[str, list[str]] = {}
    order: list[str] = []
    for key_bindings in merged.key_to_bindings.values():
        for binding in key_bindings:
            if not binding.id or (binding.system and not binding.id):
                continue
            if binding.id not in seen:
                seen[binding.id] = []
                order.append(binding.id)
            seen[binding.id].append(binding.key)
    rows = []
    for binding_id in order:
        keys = keymap.get(binding_id) or ", ".join(dict.fromkeys(seen[binding_id]))
        rows.append((_pretty(keys), t(binding_id), binding_id))
    return rows


_NAMES = {
    "question_mark": "?", "slash": "/", "less_than_sign": "<", "greater_than_sign": ">",
    "left_square_bracket": "[", "right_square_bracket": "]", "escape": "esc", "delete": "del",
    "full_stop": ".", "comma": ",", "insert": "ins", "space": "␣",
    # arrows as drawn on the keys: no English word on an Indonesian help screen
    "left": "←", "right": "→", "up": "↑", "down": "↓",
}


def _pretty(keys: str) -> str:
    """Keys as they are typed, lower case: ``ctrl+s``, ``f1``, ``?``, ``shift+left``."""
    parts = []
    for key in keys.split(","):
        mods = key.strip().split("+")
        mods[-1] = _NAMES.get(mods[-1], mods[-1])
        parts.append("+".join(mods))
    return " ".join(dict.fromkeys(parts))


# binding id -> i18n key of the footer group it is shown in
GROUPS: dict[str, str] = {}


def make(key: str, action: str, binding_id: str, *, show: bool = True, key_display: str | None = None,
         priority: bool = False, group: str | None = None) -> Binding:
    if group:
        GROUPS[binding_id] = group
    return Binding(key, action, t(binding_id), show=show, key_display=key_display, id=binding_id,
                   priority=priority, group=Binding.Group(t(group), compact=True) if group else None)
