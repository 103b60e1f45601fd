"""A form's draft kept in the workspace, written off the input path.

The activity form and the task form share it: each change only remembers the values (no IO on
the keystroke, so typing never waits for the disk); they are written to the workspace (meta
``key``) half a second after the last change, when a field loses focus, and when the form
closes with a change not yet written. The draft belongs to what the form was opened for
(``owner``: the day, the card, the team...) and comes back only for the same owner::

    self.draft = FormDraft(self, "draft.task", {"team": team_id, "task": None})
    fields = self.draft.restore()          # {} when there is none for this owner
    self.draft.changed(self._values())     # on every Input.Changed / Select.Changed
    self.draft.save()                      # on blur and on unmount
    self.draft.keep(self._values())        # Esc -> "keep as draft"
    self.draft.drop()                      # saved, discarded, or closed unchanged
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.timer import Timer

    from sk_tui.tui.screens.dialogs import Dialog

DRAFT_SAVE_SECONDS = 0.5


class FormDraft:
    def __init__(self, form: Dialog[Any], key: str, owner: dict[str, str | None]) -> None:
        self.form = form
        self.key = key
        self.owner = owner
        self._timer: Timer | None = None
        self._dirty = False
        self._latest: dict[str, Any] = {}

    def restore(self) -> dict[str, Any]:
        """The kept fields for this owner, or {} (none, another owner's, or unreadable)."""
        raw = self.form.store.get_meta(self.key)
        try:
            draft = json.loads(raw) if raw else {}
        except ValueError:
            return {}
        if not isinstance(draft, dict) or {k: draft.get(k) for k in self.owner} != self.owner:
            return {}
        fields = draft.get("fields")
        return fields if isinstance(fields, dict) else {}

    def changed(self, values: dict[str, Any]) -> None:
        """A field changed: remember ``values`` (no IO) and write them once typing pauses."""
        self._dirty = True
        self._latest = values  # kept so the draft can be written even while the form closes
        self._stop_timer()
        self._timer = self.form.set_timer(DRAFT_SAVE_SECONDS, self.save)

    def save(self) -> None:
        """Write the remembered values, if they changed since the last write."""
        self._stop_timer()
        if not self._dirty:
            return
        self._dirty = False
        self.form.store.set_meta(self.key, json.dumps({**self.owner, "fields": self._latest}))

    def keep(self, values: dict[str, Any]) -> None:
        """Write ``values`` now (Esc, "keep as draft")."""
        self._dirty, self._latest = True, values
        self.save()

    def drop(self) -> None:
        """No draft any more: saved, discarded, or closed unchanged."""
        self._stop_timer()
        self._dirty = False
        self.form.store.set_meta(self.key, None)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
