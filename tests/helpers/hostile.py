"""The hostile-text corpus: what an attacker on the team, or an unlucky paste, puts in a field.

``TRAVELS`` may be stored and synced (it is only odd text) and must show exactly as typed;
``REFUSED`` must be refused by validation everywhere (forms, CLI, server) and, when it is
already stored, shown escaped so the terminal never acts on it. ``REFUSED_ONE_LINE`` is fine in
a multi-line field (description, note, evidence) and refused in a one-line one (title, name).
"""

from __future__ import annotations

TRAVELS: dict[str, str] = {
    "markup_action": "[@click=screen.approve]Lihat bukti[/]",
    "markup_screenshot": "[@click=app.screenshot('/tmp','pwned.svg')]klik[/]",
    "markup_style": "[bold red]PENTING[/bold red] [link=https://x.example]tautan[/link]",
    "unbalanced_close": "bukti: https://drive.example/a[/]b",
    "unbalanced_open": "Rapat [internal tim",
    "brackets_literal": "Rapat [internal] tim",
    "rich_emoji_code": ":warning: :skull:",
    "emoji": "Rapat 📄✅ tim 👨‍👩‍👧 selesai",
    "wide": "会议记录 – 회의 – ミーティング",
    "combining": "Re\u0301sume\u0301 cafe\u0301",
    "long_word": "x" * 10_000,
    "percent_braces": "%s {0} {name} %(x)s $HOME `id`",
    "sql": "'); DROP TABLE reports; --",
}

REFUSED: dict[str, str] = {
    "csi_clear": "judul\x1b[2J\x1b[H",
    "osc52_clipboard": "judul\x1b]52;c;cm0gLXJmIH4K\x07",
    "osc0_title": "\x1b]0;pwned\x07judul",
    "osc8_link": "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\",
    "c0_bell_nul": "a\x07b\x00c",
    "c1_csi": "a\x9b2Jb",
    "del": "a\x7fb",
    "bidi_override": "tagihan \u202egnp.exe\u202c",
    "bidi_isolate": "a\u2066b\u2069",
    "zero_width_space": "ad\u200bmin",
    "bom": "\ufeffjudul",
    "line_separator": "a\u2028b",
    "crlf": "a\r\nb",
}

REFUSED_ONE_LINE: dict[str, str] = {
    "newline": "baris satu\nbaris dua",
    "tab": "kolom\tkolom",
}
