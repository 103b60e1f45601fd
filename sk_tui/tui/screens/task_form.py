"""Create or edit a card: title, description, due date, linked target, assignees.

What is typed is kept as a draft (meta ``draft.task``) half a second after the last change and
when a field loses focus, never on the keystroke itself (sk_tui/tui/drafts.py, as the activity
form does); it comes back when the same card, or a new card of the same team, is opened again.
Esc on a changed form asks: keep as draft, discard, or back to the form.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, SelectionList

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import t
from sk_tui.domain.models import Task, TaskStatus
from sk_tui.tui.bindings import make
from sk_tui.tui.drafts import FormDraft
from sk_tui.tui.plain import plain, say, shown
from sk_tui.tui.screens.dialogs import Dialog, DraftChoiceScreen
from sk_tui.tui.widgets.inputs import TextInput

DRAFT_KEY = "draft.task"


class TaskForm(Dialog[str]):
    """Returns the saved task's id, or None when cancelled."""

    BINDINGS = [make("ctrl+s", "save", "form.save_id")]

    def __init__(self, team_id: str, task: Task | None, status: TaskStatus) -> None:
        super().__init__()
        self.team_id = team_id
        self.card = task
        self.status = status
        self.draft = FormDraft(self, DRAFT_KEY, {"team": team_id, "task": task.id if task else None})

    def compose(self) -> ComposeResult:
        task = self.card
        team = self.store.team(self.team_id)
        title = t("task.edit") if task else say("task.new", team=team.name if team else "")
        targets = self.store.team_targets(self.team_id)
        if task and task.target_id and all(x.id != task.target_id for x in targets):
            extra = self.store.target(task.target_id)
            targets += [extra] if extra else []
        members = [(plain(e.name), e.id, bool(task and e.id in task.assignees))
                   for e, _role in self.store.team_members(self.team_id)]
        self._target_ids = {x.id for x in targets}
        self._member_ids = {value for _label, value, _on in members}
        with Vertical(classes="dialog form", id="task-form"):
            yield Label(title, classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Label(t("task.title"), markup=False)
                yield TextInput(self._shown("title"), id="task-title", placeholder=t("task.title.hint"))
                yield Label(t("task.description"), markup=False)
                yield TextInput(self._shown("description"), id="task-description",
                            placeholder=t("task.description.hint"))
                yield Label(t("task.due"), markup=False)
                yield TextInput(task.due_date.isoformat() if task and task.due_date else "", id="task-due",
                            placeholder=t("task.due.hint"))
                yield Label(t("task.target"), markup=False)
                yield Select([(plain(x.text, ellipsis=True), x.id) for x in targets], prompt=t("task.none"),
                             id="task-target", value=task.target_id if task and task.target_id else Select.NULL)
                yield Label(t("task.assignees"), markup=False)
                yield SelectionList[str](*members, id="task-assignees")
            yield Label("", id="task-error", classes="form-error", markup=False)
            yield Label(t("form.hint"), classes="dialog-hint", markup=False)

    def _shown(self, name: str) -> str:
        """The field as the Input shows it: stored text that predates validation appears with
        its control characters escaped (one line), so the terminal never receives them."""
        return shown(getattr(self.card, name) or "") if self.card else ""

    def _typed(self, name: str, value: str) -> str:
        """What the user means by the field: the stored value when the Input still shows it as
        it was loaded (saving the title must not rewrite an untouched old description)."""
        if self.card is not None and value == self._shown(name).strip():
            return getattr(self.card, name) or ""
        return value

    def on_mount(self) -> None:
        self.query_one("#task-title", Input).focus()
        self.loaded = self._values()
        draft = self.draft.restore()
        if draft:
            for name in ("title", "description", "due"):
                if isinstance(draft.get(name), str):
                    self.query_one(f"#task-{name}", Input).value = shown(draft[name])
            if draft.get("target") in self._target_ids:
                self.query_one("#task-target", Select).value = draft["target"]
            chosen = draft.get("assignees")
            if isinstance(chosen, list):
                people = self.query_one("#task-assignees", SelectionList)
                people.deselect_all()
                for value in chosen:
                    if isinstance(value, str) and value in self._member_ids:
                        people.select(value)
            self.app.notify(t("activity.draft_restored"))

    # --- the draft: written once typing pauses, on blur, on close ---------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def _field_changed(self) -> None:
        if self.is_mounted and hasattr(self, "loaded"):
            self.draft.changed(self._values())

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.draft.save()

    def on_unmount(self) -> None:
        self.draft.save()  # the app is closing with a change not yet written

    def _values(self) -> dict[str, Any]:
        target = self.query_one("#task-target", Select).value
        return {
            "title": self.query_one("#task-title", Input).value,
            "description": self.query_one("#task-description", Input).value,
            "due": self.query_one("#task-due", Input).value,
            "target": "" if target in (Select.NULL, None) else str(target),
            "assignees": sorted(self.query_one("#task-assignees", SelectionList).selected),
        }

    def action_cancel(self) -> None:
        """Esc: close at once when nothing changed; else ask keep as draft / discard / back."""
        if self._values() == self.loaded:
            self.draft.drop()
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "keep":
                self.draft.keep(self._values())
                self.app.notify(t("draft.kept"))
                self.dismiss(None)
            elif choice == "discard":
                self.draft.drop()
                self.dismiss(None)

        self.app.push_screen(DraftChoiceScreen(), chosen)

    def _error(self, text: str) -> None:
        self.query_one("#task-error", Label).update(plain(text, multiline=True))

    @on(Input.Submitted)
    def action_save(self) -> None:
        title = self._typed("title", self.query_one("#task-title", Input).value.strip())
        if not title:
            self._error(t("task.title_empty"))
            self.query_one("#task-title", Input).focus()
            return
        due_text = self.query_one("#task-due", Input).value.strip()
        try:
            due = dt.date.fromisoformat(due_text) if due_text else None
        except ValueError:
            self._error(t("form.date_bad"))
            self.query_one("#task-due", Input).focus()
            return
        target = self.query_one("#task-target", Select).value
        target_id = None if target in (Select.NULL, None) else str(target)
        fields: dict[str, Any] = {
            "title": title,
            "description": self._typed("description", self.query_one("#task-description", Input).value.strip()),
            "due_date": due,
            "target_id": target_id,
            "assignees": list(self.query_one("#task-assignees", SelectionList).selected),
        }
        me = self.store.require_me()
        try:
            if self.card is None:
                saved = self.store.create_task(self.team_id, actor_id=me.id, status=self.status, **fields)
                self.app.notify(t("task.created"))
            else:
                changed = {k: v for k, v in fields.items() if getattr(self.card, k) != v}
                saved = self.store.update_task(self.card.id, actor_id=me.id, **changed) if changed else self.card
                self.app.notify(t("task.saved"))
        except (DomainError, ValidationError) as exc:  # shown in the form; what was typed stays
            self._error(self.sk.error_text(exc))
            return
        self.draft.drop()
        self.dismiss(saved.id)
