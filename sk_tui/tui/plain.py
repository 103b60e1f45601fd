"""Text from a person, ready for any widget: never markup, never a terminal escape.

Every title, description, note, name or server message the app shows goes through here. A
``str`` handed to a Textual widget (Static, Label, DataTable cell, Option, notification) is
parsed as markup, where ``[@click=screen.approve]`` becomes a live action; a Rich ``Text`` is
not parsed at all. And a character such as ESC would reach the terminal as it is, so anything
that may not travel (``domain.text``) is written as an escape the reader can see.

    >>> plain("[@click=screen.approve]Lihat bukti[/]").plain
    '[@click=screen.approve]Lihat bukti[/]'
    >>> plain("judul\\x1b[2J").plain
    'judul\\\\x1b[2J'
    >>> fit("Rapat 会议 tim", 9), fit("Rapat 会议 tim", 8)
    ('Rapat 会…', 'Rapat … ')
    >>> say("review.note_title", who="[b]Ani[/b]", day="27/11").plain
    'Catatan pengembalian untuk [b]Ani[/b] (27/11)'
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size, set_cell_size
from rich.text import Text

from sk_tui.domain.i18n import t
from sk_tui.domain.text import visible

ELLIPSIS = "…"


def shown(text: object, *, multiline: bool = False) -> str:
    """``text`` as a string that is safe to draw: control, bidi and format characters escaped."""
    return visible("" if text is None else str(text), multiline=multiline)


def plain(text: object, style: str = "", *, multiline: bool = False, ellipsis: bool = False) -> Text:
    """A Rich ``Text`` of ``text`` taken literally; ``ellipsis`` ends a cut line with "…"."""
    result = Text(shown(text, multiline=multiline), style=style, end="")
    if ellipsis:
        result.no_wrap = True
        result.overflow = "ellipsis"
    return result


def say(key: str, style: str = "", **params: object) -> Text:
    """Our sentence ``key`` with data filled in, as plain ``Text``: the data is never markup
    and never an escape, our own newlines stay."""
    safe = {name: shown(value) if isinstance(value, str) else value for name, value in params.items()}
    return Text(t(key, **safe), style=style, end="")


def fit(text: str, width: int) -> str:
    """``text`` padded or cut to exactly ``width`` terminal cells, a cut shown by "…".

    Widths are counted as the terminal counts them (wide characters and most emoji take two
    cells), so a column border after the text stays where it belongs.
    """
    if width <= 0:
        return ""
    text = shown(text)
    if text.isascii():
        return text.ljust(width) if len(text) <= width else text[: width - 1] + ELLIPSIS
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    used, end = 0, 0
    for end, char in enumerate(text):  # noqa: B007 - ``end`` is the cut point after the loop
        size = get_character_cell_size(char)
        if used + size > width - 1:
            break
        used += size
    return text[:end] + ELLIPSIS + " " * (width - 1 - used)


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells with "…" when cut, not padded."""
    return fit(text, width).rstrip() if cell_len(shown(text)) > width else shown(text)
