"""Text from a person is data: one place that says which characters may travel and how to show
the ones that may not.

Two kinds of field:

- one-line (titles, names, units, locations, codes): no control character at all, no newline;
- multi-line (descriptions, notes, evidence, feedback): newline and tab allowed, nothing else
  from C0/C1.

In both, bidi overrides/isolates and other invisible format characters (Unicode category Cf,
such as zero-width space or a byte-order mark) are refused; only the zero-width joiner stays,
because emoji sequences need it.

    >>> first_refused("Rapat [internal] tim") is None
    True
    >>> describe_char(first_refused("judul\\x1b[2J"))
    'U+001B ESCAPE'
    >>> visible("judul\\x1b[2J")
    'judul\\\\x1b[2J'
    >>> cell_width("rapat 📄")
    8
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# Every record id, op id and device id: letters, digits and . _ : - (UUIDs, CSV codes like
# "tim-ph"), at most 64 characters, never empty, never a NUL or a space.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
ID_RE = re.compile(ID_PATTERN)

_ZWJ = "\u200d"  # kept: emoji sequences (family, profession) are joined by it


def _refused(char: str, *, multiline: bool) -> bool:
    code = ord(char)
    if char in "\n\t":
        return not multiline
    if code < 0x20 or 0x7F <= code <= 0x9F:  # C0, DEL, C1
        return True
    if char == _ZWJ:
        return False
    category = unicodedata.category(char)
    # Cf: bidi overrides and isolates, zero-width space, BOM, soft hyphen...; Zl/Zp: line and
    # paragraph separators that break a line where a one-line field must not.
    return category in ("Cf", "Zl", "Zp", "Cs", "Co", "Cn") and code > 0x7F


def first_refused(text: str, *, multiline: bool = False) -> str | None:
    """The first character a field of that kind may not hold, or None when all may travel."""
    if text.isascii() and text.isprintable():
        return None  # the common case, decided in C
    for char in text:
        if _refused(char, multiline=multiline):
            return char
    return None


# Control characters have no Unicode name; these are their usual aliases.
_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "TAB", 0x0A: "LINE FEED",
    0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x9B: "CONTROL SEQUENCE INTRODUCER",
    0x9D: "OPERATING SYSTEM COMMAND",
}


def describe_char(char: str) -> str:
    """U+001B ESCAPE: how a refused character is named in a message."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` with every character that may not travel written as an escape (``\\x1b``,
    ``\\u202e``); newlines become ``\\n`` unless ``multiline``. For showing stored or
    received text that predates validation: the reader sees it, the terminal never acts on it.
    """
    if first_refused(text, multiline=multiline) is None:
        return text
    out = []
    for char in text:
        if not _refused(char, multiline=multiline):
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}")
    return "".join(out)


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide (CJK, most emoji) 2, combining marks and ZWJ 0."""
    if text.isascii():
        return len(text)
    width = 0
    for char in text:
        if char == _ZWJ or unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def bar(value: float | Decimal, top: float | Decimal, width: int) -> str:
    """A horizontal bar of ``value`` against ``top`` in ``width`` cells, drawn in eighths of a
    cell so close figures still look different: ``bar(3, 4, 8)`` is six full blocks."""
    if top <= 0:
        return ""
    eighths = int(Decimal(str(value)) / Decimal(str(top)) * width * 8)
    return "█" * (eighths // 8) + ("▏▎▍▌▋▊▉"[eighths % 8 - 1] if eighths % 8 else "")
