"""No English word on an Indonesian screen, and no Indonesian word on an English one: every
main screen, the forms and dialogs, the help screen, Textual's command palette ("No matches
found") and the quit hint, rendered by the real app and read as a user sees them.

What people wrote (names, titles, notes) is data, not interface: words from the workspace's
own tables are not counted (tests/helpers/language.py)."""

from __future__ import annotations

import re

import pytest

from tests.helpers.app import make_app
from tests.helpers.language import data_words, foreign_words

# (what the user does, the keys) from the board, as Ani (staff) or the lead
TOURS = {
    "board": ["down"],
    "assign": ["right", "a"],
    "task_form": ["right", "enter"],
    "report": ["2"],
    "activity_form": ["2", "a"],
    "activity_form_bad": ["2", "a", *"Rapat", "tab", *"abc", "ctrl+s"],
    "submit_confirm": ["2", "s"],
    "targets": ["3"],
    "explanation": ["3", "r"],
    "review_staff": ["4"],
    "problems": ["5"],
    "help": ["question_mark"],
    "palette": ["ctrl+p"],
    "quit_hint": ["ctrl+c"],
}
LEAD_TOURS = {
    "review_lead": ["4"],
    "review_return_note": ["4", "r"],
    "targets_team": ["3", "m"],
}
JPT_TOURS = {
    "teams_jpt": ["6"],
}
# Task status codes are shared words where they are typed (`sk-tui task move --to backlog`),
# never on a screen: an Indonesian board names its columns in Indonesian.
CODES_NOT_SHOWN = {"id": {"backlog"}, "en": set()}


def screen_text(app) -> str:
    """The current screen's cells as text, and the toasts' titles and messages (read from the
    app: a headless run does not draw them)."""
    cells = [strip.text for strip in app.screen._compositor.render_strips()]
    toasts = [f"{note.title}: {note.message}" for note in app._notifications]
    return "\n".join(cells + toasts)


async def _visit(path, lang: str, keys: list[str]) -> str:
    app = make_app(path, language=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()
        return screen_text(app)


def _as(path, employee_id: str) -> None:
    from sk_tui.store import Store

    store = Store.open(path)
    store.set_me(employee_id)
    store.close()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("tour", [*TOURS, *LEAD_TOURS, *JPT_TOURS])
async def test_every_screen_speaks_one_language(workspace, tour, lang):
    path, org, _ids = workspace
    if tour in LEAD_TOURS:
        _as(path, org.lead.id)
    if tour in JPT_TOURS:
        _as(path, org.jpt.id)
    text = await _visit(path, lang, {**TOURS, **LEAD_TOURS, **JPT_TOURS}[tour])
    assert text.strip()
    assert not foreign_words(text, lang, data=data_words(path)), text
    shown = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    assert not shown & CODES_NOT_SHOWN[lang], text


async def test_the_board_names_the_first_column_in_indonesian(workspace):
    path, _org, _ids = workspace
    text = await _visit(path, "id", ["right"])
    assert "Rencana" in text and "Backlog" not in text
    assert "Backlog" in await _visit(path, "en", ["right"])


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_palette_says_no_matches_in_the_interface_language(workspace, lang):
    path, _org, _ids = workspace
    app = make_app(path, language=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "qqqzzz":
            await pilot.press(key)
        # Textual shows its no-match line after a short countdown; wait for it, not for a time
        for _ in range(50):
            await pilot.pause(0.05)
            text = screen_text(app)
            if "Tidak ada yang cocok" in text or "No matches found" in text:
                break
        expected, other = ("Tidak ada yang cocok", "No matches found")[:: 1 if lang == "id" else -1]
        assert expected in text and other not in text


async def test_the_quit_hint_is_indonesian(workspace):
    path, _org, _ids = workspace
    text = await _visit(path, "id", ["ctrl+c"])
    assert "Tekan ctrl+q untuk keluar" in text and "Mau keluar?" in text


async def test_the_deadline_is_in_local_indonesian_time(workspace):
    path, _org, _ids = workspace
    text = await _visit(path, "id", ["2"])
    assert "batas kirim pukul 16.00 WIB" in text
    english = await _visit(path, "en", ["2"])
    assert "16:00 WIB" in english


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_refusal_from_the_server_is_shown_in_the_interface_language(workspace, lang):
    """The server answers with a stable reason code and the words in both languages; the
    problems screen (list and detail) shows only the user's."""
    from sk_tui.store import Store, outbox

    path, _org, _ids = workspace
    store = Store.open(path)
    with store.transaction():
        op_id = outbox.enqueue(store.db, entity="report", entity_id="r-1", op="submit", base_version=0,
                               payload={"work_date": "2026-11-20"})
        answer = {"op_id": op_id, "status": "rejected", "reason": "return_needs_note",
                  "message": "Laporan yang dikembalikan wajib diberi catatan.",
                  "message_en": "A returned report needs a note.", "current": None}
        outbox.mark_result(store.db, op_id, "rejected", error="return_needs_note: A returned report needs a note.",
                           result=answer)
    store.close()
    text = await _visit(path, lang, ["5"])
    mine, other = (answer["message"], answer["message_en"])[:: 1 if lang == "id" else -1]
    assert mine[:30] in text and other[:20] not in text
    assert not foreign_words(text, lang, data=data_words(path)), text


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_a_failed_sync_says_why_in_words(workspace, lang):
    """F5 with the server unreachable: the reason in the interface language, not the code
    ("Sinkron gagal: offline")."""
    import socket

    from sk_tui.sync import client

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client.save_credentials(f"http://127.0.0.1:{port}", "skt_test")
    path, _org, _ids = workspace
    app = make_app(path, language=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = " ".join(note.message for note in app._notifications)
    expected = ("Sinkron gagal: Server tidak dapat dihubungi" if lang == "id"
                else "Sync failed: Cannot reach the server")
    assert expected in messages, messages
    assert not foreign_words(messages, lang), messages
