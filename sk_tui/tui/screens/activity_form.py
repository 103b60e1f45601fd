"""Add or edit one activity of a day's report, with validators and a crash-proof draft.

The form's text is saved to the workspace (meta ``draft.activity``) half a second after the
last change and when a field loses focus, never on the keystroke itself (typing never waits for
the disk), so an interrupted entry comes back the next time the form opens for the same day.
Esc on a changed form asks: keep as draft, discard, or back to the form.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.validation import Function, Integer, ValidationResult
from textual.widgets import Input, Label, Select

from sk_tui.domain.errors import DomainError
from sk_tui.domain.i18n import language, long_date, t
from sk_tui.domain.models import Activity
from sk_tui.domain.rules import parse_volume
from sk_tui.tui.bindings import make
from sk_tui.tui.drafts import FormDraft
from sk_tui.tui.plain import plain, say, shown
from sk_tui.tui.screens.dialogs import Dialog, DraftChoiceScreen
from sk_tui.tui.widgets.inputs import TextInput

DRAFT_KEY = "draft.activity"
FIELDS = ("desc", "minutes", "volume", "unit", "evidence")


def evidence_ok(value: str) -> bool:
    """Empty, a document number, or a whole http(s) link."""
    from urllib.parse import urlparse

    value = value.strip()
    if len(value) > 1000:
        return False
    if value.lower().startswith(("http:", "https:", "www.")):
        parsed = urlparse(value if not value.lower().startswith("www.") else "https://" + value)
        return bool(parsed.netloc) and "." in parsed.netloc and " " not in value
    return True


def volume_ok(value: str) -> bool:
    """What the command line accepts too: "1,5" (decimal comma) as well as "1.5"."""
    try:
        parse_volume(value)
    except DomainError:
        return False
    return True


def volume_text(volume: float) -> str:
    """``volume`` in plain digits that ``parse_volume`` reads back exactly (never "1e+06")."""
    text = format(Decimal(repr(volume)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class ActivityForm(Dialog[str]):
    """Returns the saved activity's id, or None when cancelled."""

    BINDINGS = [make("ctrl+s", "save", "form.save_id"), make("f4", "make_default", "activity.make_default")]

    def __init__(self, day: dt.date, activity: Activity | None) -> None:
        super().__init__()
        self.day = day
        self.activity = activity
        self.draft = FormDraft(self, DRAFT_KEY, {"day": day.isoformat(), "activity": activity.id if activity else None})

    def _link_options(self) -> list[tuple[Text, str]]:
        me = self.store.require_me()
        options = [(say("activity.link.task", title=x.title), f"task:{x.id}")
                   for x in self.store.open_tasks_assigned_to(me.id)]
        targets = self.store.targets_for(me.id, self.day)
        options += [(say("activity.link.indicator", text=i.text), f"indicator:{i.id}")
                    for i in self.store.indicators_for([x.id for x in targets])]
        current = self._current_link()
        if current and all(value != current for _label, value in options):
            kind, _, ident = current.partition(":")
            found = self.store.task(ident) if kind == "task" else self.store.indicator(ident)
            if found is not None:
                label = getattr(found, "title", None) or getattr(found, "text", "")
                options.append((say(f"activity.link.{kind}", title=label, text=label), current))
        return options

    def _current_link(self) -> str | None:
        a = self.activity
        if a is None:
            return None
        if a.task_id:
            return f"task:{a.task_id}"
        return f"indicator:{a.indicator_id}" if a.indicator_id else None

    def compose(self) -> ComposeResult:
        a = self.activity
        # Stored text that predates validation shows its control characters escaped; an
        # untouched field keeps the stored value when saved (see _stored).
        values = {
            "desc": shown(a.description) if a else "",
            "minutes": str(a.minutes) if a else "",
            "volume": (volume_text(a.volume) if a else "1"),
            "unit": shown(a.volume_unit) if a else "kegiatan",
            "evidence": shown(a.evidence) if a else "",
        }
        self.restored = self._restore_draft()
        values.update({name: shown(value) for name, value in self.restored.items() if name in values})
        title = t("activity.edit" if a else "activity.new", day=long_date(self.day))
        with Vertical(classes="dialog form", id="activity-form"):
            yield Label(title, classes="dialog-title", markup=False)
            with VerticalScroll():
                yield Label(t("activity.desc"), markup=False)
                yield TextInput(values["desc"], id="act-desc", placeholder=t("activity.desc.hint"), validators=[
                    Function(lambda v: bool(v.strip()), t("valid.desc"))])
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label(t("activity.minutes"), markup=False)
                        yield TextInput(values["minutes"], id="act-minutes", placeholder=t("activity.minutes.hint"), validators=[
                            Integer(minimum=1, maximum=1440, failure_description=t("valid.minutes"))])
                    with Vertical():
                        yield Label(t("activity.volume"), markup=False)
                        yield TextInput(values["volume"], id="act-volume", placeholder=t("activity.volume.hint"),
                                    validators=[
                            Function(volume_ok, t("valid.volume"))])
                    with Vertical():
                        yield Label(t("activity.unit"), markup=False)
                        yield TextInput(values["unit"], id="act-unit", placeholder=t("activity.unit.hint"), validators=[
                            Function(lambda v: bool(v.strip()), t("valid.unit"))])
                yield Label(t("activity.link"), markup=False)
                current = self.restored.get("link") or self._current_link()
                options = self._link_options()
                yield Select(options, prompt=t("task.none"), id="act-link",
                             value=current if current in {v for _l, v in options} else Select.NULL)
                # the team whose lead verifies it: automatic (the link's team, else the default
                # team) unless chosen; only the member's own teams are offered
                yield Label(t("activity.team"), markup=False)
                teams = [(plain(team.name, ellipsis=True), team.id)
                         for team in self.store.teams_for(self.store.require_me().id)]
                chosen = self.restored.get("team") or (a.team_id if a else None)
                yield Select(teams, prompt=self._default_team_line(), id="act-team",
                             value=chosen if chosen in {v for _l, v in teams} else Select.NULL)
                yield Label(t("activity.evidence"), markup=False)
                yield TextInput(values["evidence"], id="act-evidence", placeholder=t("activity.evidence.hint"),
                            validators=[Function(evidence_ok, t("valid.evidence"))])
            yield Label("", id="act-error", classes="form-error", markup=False)
            yield Label(t("activity.hint"), classes="dialog-hint", markup=False)

    def _default_team_line(self) -> str:
        """Where an unlinked activity goes: the member's chosen default team, else the automatic one."""
        me = self.store.require_me()
        team_id = self.store.default_team_id(me.id)
        team = self.store.team(team_id) if team_id else None
        if team is None:
            return t("activity.team_auto")
        key = "activity.team_default" if self.store.chosen_default_team(me.id) else "activity.team_default_auto"
        return t(key, team=shown(team.name))

    def action_make_default(self) -> None:
        """F4: the team chosen in the field becomes the member's default team (kept in the workspace)."""
        value = self.query_one("#act-team", Select).value
        if value in (Select.NULL, None):
            self.app.notify(t("activity.pick_team_first"), severity="warning")
            return
        try:
            self.store.set_default_team(self.store.require_me().id, str(value))
        except DomainError as exc:
            self.app.notify(exc.message(language()), severity="warning")
            return
        self.query_one("#act-team", Select).prompt = self._default_team_line()

    def on_mount(self) -> None:
        self.query_one("#act-desc", Input).focus()
        # What "unchanged" means for Esc: the values as loaded, before any restored draft.
        self.loaded = self._loaded_values()
        if self.restored:
            self.app.notify(t("activity.draft_restored"))

    # --- the draft of the form itself ----------------------------------------------------

    def _restore_draft(self) -> dict[str, str]:
        return {k: v for k, v in self.draft.restore().items() if isinstance(v, str)}

    def _loaded_values(self) -> dict[str, str]:
        a = self.activity
        return {
            "desc": shown(a.description) if a else "",
            "minutes": str(a.minutes) if a else "",
            "volume": volume_text(a.volume) if a else "1",
            "unit": shown(a.volume_unit) if a else "kegiatan",
            "evidence": shown(a.evidence) if a else "",
            "link": self._current_link() or "",
        }

    def changed(self) -> bool:
        """The form differs from what it was opened for (a restored draft counts as a change)."""
        values = self._values()
        return any(values.get(name, "") != value for name, value in self.loaded.items())

    def _values(self) -> dict[str, str]:
        values = {name: self.query_one(f"#act-{name}", Input).value for name in FIELDS}
        link = self.query_one("#act-link", Select).value
        values["link"] = "" if link in (Select.NULL, None) else str(link)
        team = self.query_one("#act-team", Select).value
        values["team"] = "" if team in (Select.NULL, None) else str(team)
        return values

    @on(Input.Changed)
    @on(Select.Changed)
    def _field_changed(self, event: Input.Changed | Select.Changed) -> None:
        if not self.is_mounted:
            return
        self.draft.changed(self._values())
        validation = getattr(event, "validation_result", None)
        if validation is not None and not validation.is_valid:
            self._error(validation.failure_descriptions[0])
        else:
            self._error("")

    def _error(self, text: str) -> None:
        if getattr(self, "_shown_error", "") != text:
            self._shown_error = text
            self.query_one("#act-error", Label).update(plain(text, multiline=True))

    def save_draft(self) -> None:
        """Write the form's text to the workspace, if it changed since the last write."""
        self.draft.save()

    def on_unmount(self) -> None:
        self.draft.save()  # the app is closing with a change not yet written

    def on_descendant_blur(self, _event: events.DescendantBlur) -> None:
        self.draft.save()

    def _drop_draft(self) -> None:
        self.draft.drop()

    def action_cancel(self) -> None:
        """Esc: close at once when nothing changed; else ask keep as draft / discard / back."""
        if not self.changed():
            self._drop_draft()
            self.dismiss(None)
            return

        def chosen(choice: str | None) -> None:
            if choice == "keep":
                self.draft.keep(self._values())
                self.app.notify(t("draft.kept"))
                self.dismiss(None)
            elif choice == "discard":
                self._drop_draft()
                self.dismiss(None)

        self.app.push_screen(DraftChoiceScreen(), chosen)

    # --- saving --------------------------------------------------------------------------

    def _stored(self, name: str, value: str) -> str:
        """The stored value when the field still shows it as loaded, else what was typed."""
        if self.activity is not None and value == shown(getattr(self.activity, name) or "").strip():
            return getattr(self.activity, name) or ""
        return value

    @on(Input.Submitted)
    def action_save(self) -> None:
        for name in ("desc", "minutes", "volume", "unit", "evidence"):
            field = self.query_one(f"#act-{name}", Input)
            result: ValidationResult | None = field.validate(field.value)
            if result is not None and not result.is_valid:
                self._error(t("form.invalid", msg=result.failure_descriptions[0]))
                field.focus()
                return
        values = self._values()
        kind, _, ident = values["link"].partition(":")
        fields: dict[str, Any] = {
            "description": self._stored("description", values["desc"].strip()),
            "minutes": int(values["minutes"].strip()),
            "volume": parse_volume(values["volume"]),
            "volume_unit": self._stored("volume_unit", values["unit"].strip()),
            "task_id": ident if kind == "task" else None,
            "indicator_id": ident if kind == "indicator" else None,
            "evidence": self._stored("evidence", values["evidence"].strip()),
        }
        if values["team"]:
            fields["team_id"] = values["team"]
        me = self.store.require_me()
        try:
            if self.activity is None:
                report = self.store.ensure_draft(me.id, self.day)
                saved = self.store.add_activity(report.id, **fields)
            else:
                saved = self.store.update_activity(self.activity.id, **fields)
        except (DomainError, ValidationError) as exc:  # shown in the form; what was typed stays
            self._error(self.sk.error_text(exc))
            return
        self._drop_draft()
        self.app.notify(t("report.saved"))
        self.dismiss(saved.id)
