"""The opt-in timing hook (SK_TUI_TIMING, sk_tui/tui/timing.py) that bench/bench_tui.py reads:
with the variable set the app records keys, frames and screen switches; unset, nothing is
installed."""

from __future__ import annotations

import json

from sk_tui.tui.app import SkApp
from tests.helpers.app import make_app


async def test_timing_records_keys_frames_and_screen_switches(store, org, tmp_path, monkeypatch):
    records = tmp_path / "timing.jsonl"
    monkeypatch.setenv("SK_TUI_TIMING", str(records))
    app = make_app(store.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("5")
        await pilot.pause()
    app._sk_timing.close()  # what the process's exit does
    lines = [json.loads(line) for line in records.read_text().splitlines()]
    kinds = {line["ev"] for line in lines}
    assert {"key", "frame", "switch"} <= kinds
    keys = [line for line in lines if line["ev"] == "key"]
    assert [k["key"] for k in keys] == ["down", "5"]
    assert all(k["done"] >= k["t"] for k in keys)
    switch = next(line for line in lines if line["ev"] == "switch" and line["to"] == "ProblemsScreen")
    frames = [line for line in lines if line["ev"] == "frame" and line["screen"] == "ProblemsScreen"]
    assert frames and frames[0]["t0"] >= switch["t"] and frames[0]["full"]


async def test_no_hook_without_the_variable(store, org, monkeypatch):
    monkeypatch.delenv("SK_TUI_TIMING", raising=False)
    app = make_app(store.path)
    assert "on_event" not in vars(app) and "_display" not in vars(app)
    assert app.on_event.__func__ is SkApp.on_event  # type: ignore[attr-defined]
