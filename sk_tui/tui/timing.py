"""Opt-in timing records from inside the app, for bench/bench_tui.py (issue 13, point 1).

    SK_TUI_TIMING=/tmp/timing.jsonl sk-tui          # or any headless run of SkApp

With the variable unset nothing here is imported or installed (app.py checks it first), so the
hook costs nothing. When set, the app appends one JSON object a line to that file:

- ``{"ev": "key", "key": ..., "t": ..., "done": ...}``: a key event, ``t`` when it arrived
  (the event's own creation time: the driver's input thread, or Pilot) and ``done`` when the
  app had dispatched it (bindings run, or forwarded to the focused widget);
- ``{"ev": "frame", "t0": ..., "t": ..., "screen": ..., "full": ...}``: a frame the compositor
  handed to ``App._display`` (where Textual writes it to the driver and flushes), ``t0`` when the
  write began and ``t`` when it ended, ``full`` for a whole-screen (layout) update;
- ``{"ev": "switch", "t": ..., "to": ..., "how": ...}``: a screen switch began at ``t``
  (``switch_mode``, ``push_screen``, ``switch_screen`` or ``pop_screen``), ``to`` the class of
  the screen on top once the call returned.

Times are ``time.monotonic()`` seconds, Textual's own event clock on Linux/macOS. Pairing is
left to the reader (bench/bench_tui.py): key-to-frame is a key's ``t`` to the end of the first
frame that began after its ``done``; a screen open is a switch's ``t`` to the end of the first
full frame of the new screen.
"""

from __future__ import annotations

import atexit
import json
import os
import time
from collections.abc import Callable
from typing import IO, Any

from textual import events
from textual.app import App

ENV = "SK_TUI_TIMING"


class Recorder:
    """Buffered lines, written on exit and every 256 records (not in the frame's path)."""

    def __init__(self, path: str) -> None:
        self.file: IO[str] = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed at exit
        self.lines: list[str] = []
        atexit.register(self.close)

    def add(self, **record: Any) -> None:
        self.lines.append(json.dumps(record))
        if len(self.lines) >= 256:
            self.flush()

    def flush(self) -> None:
        if self.lines and not self.file.closed:
            self.file.write("\n".join(self.lines) + "\n")
            self.file.flush()
        self.lines.clear()

    def close(self) -> None:
        self.flush()
        self.file.close()


def install(app: App[Any], path: str | None = None) -> Recorder | None:
    """Wrap the app's key dispatch, frame write and screen switches (instance attributes only,
    so other apps and the class are untouched). None when no path is given or set."""
    path = path or os.environ.get(ENV)
    if not path:
        return None
    rec = Recorder(path)
    clock = time.monotonic
    on_event, display = app.on_event, app._display

    async def timed_on_event(event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await on_event(event)
            rec.add(ev="key", key=event.key, t=event.time, done=clock())
        else:
            await on_event(event)

    def timed_display(screen: Any, renderable: Any) -> None:
        started = clock()
        display(screen, renderable)
        if renderable is not None:
            rec.add(ev="frame", t0=started, t=clock(), screen=type(screen).__name__,
                    full=type(renderable).__name__ == "LayoutUpdate")

    def switching(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            result = method(*args, **kwargs)
            # the screen now on top (a mode's screen is made by the call itself)
            rec.add(ev="switch", t=started, how=name, to=type(app.screen).__name__)
            return result
        return timed

    app.on_event = timed_on_event  # type: ignore[method-assign]
    app._display = timed_display  # type: ignore[method-assign]
    for name in ("switch_mode", "push_screen", "switch_screen", "pop_screen"):
        setattr(app, name, switching(name, getattr(app, name)))
    app._sk_timing = rec  # type: ignore[attr-defined]  # so a test can flush it
    return rec
