"""An Input that keeps every keystroke in the order it was typed.

Textual's Input handles a printable key as soon as the key reaches it, but its own editing keys
(backspace, ctrl+u, end, ...) are bindings, run only after the key has travelled up through
every parent to the app. Keys that arrive together (typing over SSH, a paste of keystrokes)
are then applied out of order: "ab<backspace>c" can become "ab" instead of "ac". This Input
runs its own bindings the moment the key reaches it, in line with the typed characters.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class TextInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input's own handler (after this one) inserts it
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue
            if await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # handled: not again as a binding on the way up
                return
