"""Nothing the user chose is silently replaced or lost: the day's work mode, every keystroke of
a fast typist, and a form left with Esc."""

from __future__ import annotations

import json

from textual import events

from sk_tui.domain.models import ReportStatus, WorkMode
from tests.helpers.app import make_app
from tests.helpers.clock import TODAY

KEYS = {" ": "space", ",": "comma", ".": "full_stop", "/": "slash", ":": "colon"}


def _keys(text: str) -> list[str]:
    return [KEYS.get(ch, ch) for ch in text]


def _form_values(app) -> dict[str, str]:
    return {name: app.screen.query_one(f"#act-{name}").value for name in ("desc", "minutes", "volume", "unit")}


BURST = [
    *_keys("Rapat KTR"), "tab", *_keys("120"), "tab", "end", "ctrl+u", *_keys("1,5"), "tab", "end", "ctrl+u", *_keys("dokumen"),
]
EXPECTED = {"desc": "Rapat KTR", "minutes": "120", "volume": "1,5", "unit": "dokumen"}


async def test_a_burst_of_keys_stays_in_its_fields_and_writes_no_draft_per_key(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        writes: list[str] = []
        real_set_meta = app.store.set_meta
        app.store.set_meta = lambda key, value: (writes.append(key), real_set_meta(key, value))[1]
        await pilot.press(*BURST)
        assert _form_values(app) == EXPECTED
        # The draft is written after the typing stops (or on leaving a field), not per key.
        assert writes.count("draft.activity") <= 4  # at most once per field left
        await pilot.pause(0.8)
        draft = json.loads(store.get_meta("draft.activity"))
        assert {k: draft["fields"][k] for k in EXPECTED} == EXPECTED
        await pilot.press("ctrl+s")
        await pilot.pause()
        report = store.report_for(org.ani.id, TODAY)
        [activity] = store.activities(report.id)
        assert (activity.description, activity.minutes, activity.volume, activity.volume_unit) == (
            "Rapat KTR", 120, 1.5, "dokumen")
        assert store.get_meta("draft.activity") is None


async def test_key_events_posted_faster_than_the_app_handles_them_keep_their_order(store, org):
    """As keystrokes arrive over SSH: all queued before the app handles the first."""
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        for key in BURST:
            char = key if len(key) == 1 else {"space": " ", "comma": ",", "full_stop": ".", "tab": "\t"}.get(key)
            app.post_message(events.Key(key, char))
        for _ in range(len(BURST)):  # each key may take a round through two queues
            await pilot.pause()
        assert _form_values(app) == EXPECTED


async def test_esc_on_a_changed_activity_asks_keep_discard_or_back(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a", *_keys("Nota dinas"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id is None and app.screen.query_one("#draft-choices")
        # back: the form, with what was typed
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#act-desc").value == "Nota dinas"
        # keep as draft: closed, and the text comes back next time
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not app.screen.query("#act-desc")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#act-desc").value == "Nota dinas"
        # discard: closed, and the next form is empty
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j", "enter")
        await pilot.pause()
        assert store.get_meta("draft.activity") is None
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#act-desc").value == ""
        # nothing changed: Esc closes at once
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query("#act-desc")


async def test_esc_on_a_changed_task_form_asks_too_and_keeps_a_draft(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", *_keys("Telaah Raperda"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#draft-choices")
        await pilot.press("enter")  # keep as draft
        await pilot.pause()
        assert not app.screen.query("#task-title")
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#task-title").value == "Telaah Raperda"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get_meta("draft.task") is None
        assert "Telaah Raperda" in [t["title"] for t in store.task_rows_for_team(org.team_a.id)]


async def test_placeholders_read_as_examples_and_look_like_hints(store, org):
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "a")
        await pilot.pause()
        minutes = app.screen.query_one("#act-minutes")
        assert minutes.value == "" and minutes.placeholder.startswith("mis. ")
        style = minutes.get_component_rich_style("input--placeholder")
        assert style.italic


async def _choose_mode(pilot, app, mode: str) -> None:
    select = app.screen.query_one("#report-mode")
    select.value = mode
    await pilot.pause()


async def test_wfa_without_a_location_stays_wfa_on_screen_and_submit_is_refused(store, org):
    report = store.ensure_draft(org.ani.id, TODAY)
    store.add_activity(report.id, description="Rapat koordinasi", minutes=90)
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await _choose_mode(pilot, app, "WFA")
        assert "lokasi" in str(app.screen.query_one("#report-mode-error").render()).lower()
        assert app.screen.query_one("#report-mode").value == "WFA"  # the choice is not put back
        app.screen.reload()  # e.g. a sync arrived
        assert app.screen.query_one("#report-mode").value == "WFA"
        app.screen.query_one("#activities").focus()
        await pilot.press("s")
        await pilot.pause()
        assert not app.screen.query("#confirm-question")  # refused, no confirmation
        assert store.report(report.id).status == ReportStatus.DRAFT
        # a location makes it valid; the confirmation names the mode and the location
        app.screen.query_one("#report-location").focus()
        await pilot.press(*_keys("Garut"))
        await pilot.pause(0.8)
        assert (store.report(report.id).work_mode, store.report(report.id).location) == (WorkMode.WFA, "Garut")
        app.screen.query_one("#activities").focus()
        await pilot.press("s")
        await pilot.pause()
        question = str(app.screen.query_one("#confirm-question").render())
        for part in ("WFA", "Garut", "Kegiatan: 1", "90 menit"):
            assert part in question
        await pilot.press("y")
        await pilot.pause()
        submitted = store.report(report.id)
        assert (submitted.status, submitted.work_mode) == (ReportStatus.SUBMITTED, WorkMode.WFA)


async def test_the_location_is_written_once_after_typing_not_per_key(store, org):
    report = store.ensure_draft(org.ani.id, TODAY)
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        calls: list[str] = []
        real = app.store.set_work_mode
        app.store.set_work_mode = lambda *a, **kw: (calls.append(a[2] if len(a) > 2 else kw.get("location")),
                                                    real(*a, **kw))[1]
        app.screen.query_one("#report-location").focus()
        await pilot.press(*_keys("Kantor Cabang"))
        assert len(calls) <= 1
        await pilot.press("escape")  # leaving the field stores it at once
        await pilot.pause()
        assert store.report(report.id).location == "Kantor Cabang"
