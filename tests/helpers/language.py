"""Is this text in one language? Words that only the other language's catalogue uses.

The word lists come from the catalogues themselves (sk_tui/domain/i18n.py TEXT and
sk_tui/domain/errors.py MESSAGES): an English-only word is one that some English value uses
and no Indonesian value does (and the reverse). What a user typed or the organisation named
(people, titles, units) is data, not interface: ``foreign_words`` skips words found in the
workspace's own data (``data_words``), option names, backquoted commands, URLs and paths.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
# Not words of either language: code the user types, addresses, file names, placeholders.
_NOT_PROSE = re.compile(
    r"`[^`]*`"  # `sk-tui workspace use default`
    r"|https?://\S+|\S+@\S+"  # addresses
    r"|(?<![\w-])--?[A-Za-z][\w-]*"  # --minutes, -h
    r"|\{[^}]*\}"  # {id,en}, {table,csv,json}
    r"|\S*(?:[/\\_|=]|\.(?=\w))\S*"  # paths, ids, PATH|demo|default, config.toml, key=value
)
# Words both languages use in the interface without translating them.
SHARED = {
    "sk", "tui", "demo", "status", "target", "volume", "backlog", "mode", "token", "server", "json", "csv",
    "url", "nip", "wfo", "wfh", "wfa", "iki", "rhk", "skp", "trk", "jpt", "sqlite", "postgresql", "http",
    "https", "pem", "tls", "id", "en", "ctrl", "enter", "esc", "tab", "shift", "space", "del", "ins",
    "keymap", "config", "toml", "staff", "lead", "member", "large", "small", "table", "default", "label",
    "port", "unit", "list", "add", "submit", "move", "approve", "return", "use", "show", "users", "import",
    "revoke", "sync", "login", "serve", "review", "recap", "task", "report", "workspace", "todo", "done",
    "in", "progress", "unicode", "nul", "textual", "dark", "light", "ansi", "indonesia", "english", "bahasa",
    "rp", "pergub", "raperda", "rapergub", "jdih", "ptun", "dwa", "jabar", "garut", "biro", "hukum",
    "update",  # `sk-tui team update`: a command word, like list, add, move
}


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_NOT_PROSE.sub(" ", text)) if len(w) >= 3}


@cache
def _catalogue_words() -> tuple[frozenset[str], frozenset[str]]:
    from sk_tui.domain import errors, i18n

    pairs = [*i18n.TEXT.values(), *errors.MESSAGES.values(), *errors.FIELD_LABELS.values(),
             *errors.PROBLEM_WORDS.values(), *errors.REFUSALS.values(), *errors.BOUND_WORDS.values(),
             *i18n.MONTHS, *i18n.DAYS]
    indonesian: set[str] = set()
    english: set[str] = set()
    for ind, eng in pairs:
        indonesian |= _words(re.sub(r"\{[^}]*\}", " ", ind))
        english |= _words(re.sub(r"\{[^}]*\}", " ", eng))
    return frozenset(indonesian), frozenset(english)


def only_words(lang: str) -> frozenset[str]:
    """Words only ``lang``'s catalogue uses."""
    indonesian, english = _catalogue_words()
    mine, other = (english, indonesian) if lang == "en" else (indonesian, english)
    return frozenset(mine - other - SHARED)


def data_words(db: Path | str | None) -> frozenset[str]:
    """Every word stored in a workspace's text columns (names, titles, notes: data, not UI)."""
    if db is None or not Path(db).exists():
        return frozenset()
    found: set[str] = set()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        found |= {w.lower() for w in _WORD.findall(value)}
    return frozenset(found)


def foreign_words(text: str, lang: str, *, data: frozenset[str] = frozenset()) -> set[str]:
    """Words of ``text`` that only the other language uses (an English word on an Indonesian
    screen); words of the workspace's data are not counted."""
    other = only_words("id" if lang == "en" else "en")
    return {w for w in _words(text) if w in other and w not in data}
