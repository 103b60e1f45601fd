"""What the app writes to a terminal, captured in tests: the headless driver made to receive
every frame, and a check for control, bidi and format characters the app did not put there."""

from __future__ import annotations

import re

from textual.drivers.headless_driver import HeadlessDriver


class TerminalRecorder(HeadlessDriver):
    """The headless driver, except that Textual writes every frame to it as it would to a real
    terminal (``App._display`` skips headless drivers): ``written`` holds those bytes."""

    written: list[str]

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        self.written.append(data)


def record_terminal(app) -> list[str]:
    driver = app._driver
    driver.__class__ = TerminalRecorder
    driver.written = []
    return driver.written


# The app's own sequences: colours (SGR), cursor position, synchronized output and cursor
# visibility, the pointer shape. Anything else with ESC, any C1 or other C0 byte is not ours.
_OWN_SEQUENCES = re.compile(
    r"\x1b\[[0-9;:]*m|\x1b\[\d+;\d+H|\x1b\[\d*[ABCD]|\x1b\[\?\d+[hl]|\x1b\]22;[a-z-]+\x07"
)
_FOREIGN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]")


def foreign_bytes(written: list[str]) -> list[str]:
    """Control, bidi and format characters in the output that the app did not put there."""
    residue = _OWN_SEQUENCES.sub("", "".join(w for w in written if w != "\x07"))  # a bell is ours
    return sorted({repr(residue[max(0, m.start() - 12): m.end() + 12]) for m in _FOREIGN.finditer(residue)})
