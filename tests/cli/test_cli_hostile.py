"""Issue 7 at the CLI: control characters are refused with one line in the user's language and
nothing stored; text stored before the rules shows escaped in tables and exact in --json;
wide characters do not shift columns."""

from __future__ import annotations

import json
import sqlite3

import pytest

from sk_tui.domain.text import cell_width, visible
from tests.helpers.hostile import REFUSED, REFUSED_ONE_LINE, TRAVELS

OSC52 = REFUSED["osc52_clipboard"]


def check_refused(ws, result, *fragments):
    assert result.code != 0
    assert "Traceback" not in result.err and result.out == ""
    assert len(result.err_lines) == 1, result.err
    assert "\x1b" not in result.err and "\x07" not in result.err
    for fragment in fragments:
        assert fragment in result.err, result.err


def test_an_osc52_title_is_refused_by_the_console_script_and_nothing_is_stored(ws):
    before = ws.dump()
    result = ws.run("task", "add", "--title", OSC52)
    check_refused(ws, result, "Isian judul memuat karakter yang tidak diizinkan: U+001B ESCAPE")
    result = ws.run("--lang", "en", "task", "add", "--title", OSC52)
    check_refused(ws, result, "The title contains a character that is not allowed: U+001B ESCAPE")
    assert ws.dump() == before


@pytest.mark.parametrize("key", sorted(REFUSED))
def test_every_refused_title_and_description_through_main(ws, key, capsys):
    before = ws.dump()
    for args, indonesian, english in (
        (["task", "add", "--title", REFUSED[key]], "Isian judul memuat", "The title contains"),
        (["task", "add", "--title", "Rapat", "--desc", REFUSED[key]], "Isian uraian memuat",
         "The description contains"),
        (["report", "add", "--minutes", "60", "--desc", REFUSED[key]], "Isian uraian memuat",
         "The description contains"),
        (["report", "add", "--minutes", "60", "--desc", "Telaah", "--evidence", REFUSED[key]],
         "Isian bukti dukung memuat", "The evidence contains"),
        (["report", "add", "--minutes", "60", "--desc", "Telaah", "--unit", REFUSED[key]],
         "Isian satuan volume memuat", "The volume unit contains"),
        (["report", "add", "--minutes", "60", "--desc", "Telaah", "--mode", "WFA", "--location", REFUSED[key]],
         "Isian lokasi memuat", "The location contains"),
    ):
        check_refused(ws, ws.in_process(*args, capsys=capsys), indonesian, "tidak diizinkan: U+")
        check_refused(ws, ws.in_process("--lang", "en", *args, capsys=capsys), english, "not allowed: U+")
    assert ws.dump() == before


@pytest.mark.parametrize("key", sorted(REFUSED_ONE_LINE))
def test_a_newline_or_tab_is_refused_in_one_line_fields_and_kept_in_descriptions(ws, key, capsys):
    before = ws.dump()
    for args in (["task", "add", "--title", REFUSED_ONE_LINE[key]],
                 ["report", "add", "--minutes", "60", "--desc", "Telaah", "--unit", REFUSED_ONE_LINE[key]]):
        check_refused(ws, ws.in_process(*args, capsys=capsys), "memuat karakter yang tidak diizinkan")
    assert ws.dump() == before
    added = ws.in_process("report", "add", "--minutes", "60", "--desc", REFUSED_ONE_LINE[key], "--json",
                          capsys=capsys)
    assert added.code == 0 and json.loads(added.out)["activity"]["description"] == REFUSED_ONE_LINE[key]


def test_an_overlong_description_says_so_in_both_languages(ws, capsys):
    args = ["report", "add", "--minutes", "60", "--desc", TRAVELS["long_word"]]
    check_refused(ws, ws.in_process(*args, capsys=capsys), "Isian uraian terlalu panjang: 10000 karakter",
                  "paling banyak 2000")
    check_refused(ws, ws.in_process("--lang", "en", *args, capsys=capsys),
                  "The description is too long: 10000 characters, at most 2000")


def _store_title(ws, task_id: str, title: str) -> None:
    """Write a title straight into the database: data from before these rules existed."""
    conn = sqlite3.connect(ws.db)
    with conn:
        conn.execute("UPDATE tasks SET title = ? WHERE id = ?", (title, task_id))
    conn.close()


def test_an_old_title_with_escapes_shows_escaped_in_the_table_and_exact_in_json(ws):
    created = json.loads(ws.ok("task", "add", "--title", "Rapat", "--json").out)
    old = REFUSED["csi_clear"] + " " + OSC52 + " \u202egnp.exe"
    _store_title(ws, created["id"], old)

    table = ws.ok("task", "list")
    assert "\x1b" not in table.out and "\x07" not in table.out and "\u202e" not in table.out
    assert visible(old) in table.out
    assert "judul\\x1b[2J\\x1b[H judul\\x1b]52;c;cm0gLXJmIH4K\\x07 \\u202egnp.exe" in table.out

    [listed] = json.loads(ws.ok("task", "list", "--json").out)
    assert listed["title"] == old


def test_wide_characters_keep_columns_aligned(ws):
    conn = sqlite3.connect(ws.db)
    with conn:  # an assignee whose initials are two wide characters, and an emoji name
        conn.execute("UPDATE employees SET name = '李 王' WHERE id = ?", (ws.org.dedi.id,))
        conn.execute("UPDATE employees SET name = ? WHERE id = ?", ("Ani 📄✅ 会议记录", ws.org.ani.id))
    conn.close()
    ws.ok("task", "add", "--title", TRAVELS["emoji"], "--assign", ws.org.dedi.nip, "--due", "2026-12-01")
    ws.ok("task", "add", "--title", TRAVELS["wide"], "--assign", ws.org.ani.nip)
    ws.ok("task", "add", "--title", "Rapat [internal] tim")

    lines = ws.ok("task", "list").out.splitlines()
    titles = [TRAVELS["emoji"], TRAVELS["wide"], "Rapat [internal] tim"]
    starts = [cell_width(line[: line.index(title)]) for line, title in zip(lines, titles, strict=True)]
    assert len(set(starts)) == 1, lines
    assert "李王" in lines[0]  # the wide initials are there, and still the title starts in one column

    recap = ws.ok("recap", "--month", "2026-11", "--team", ws.org.team_a.id).out.splitlines()
    assert any("Ani 📄✅ 会议记录" in line for line in recap)
    # right-aligned columns: every line ends in the same terminal cell
    assert len({cell_width(line) for line in recap}) == 1, recap
    assert len({len(line) for line in recap}) > 1  # (which plain len() would get wrong)
