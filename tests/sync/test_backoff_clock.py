"""Issue 8 point 6: the wait after a failed sync never outlasts the 15-minute cap, whatever the
device clock did. A failure is provoked on a closed port (the client is offline), with the
frozen clock ``SK_TUI_NOW`` moved to play the device clock."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from sk_tui.store import Store
from sk_tui.sync.client import Backoff, sync_once
from tests.helpers.clock import FROZEN_NOW
from tests.helpers.live import free_port

NOW = dt.datetime.fromisoformat(FROZEN_NOW)
CAP = dt.timedelta(minutes=15)


def at(monkeypatch: pytest.MonkeyPatch, when: dt.datetime) -> None:
    monkeypatch.setenv("SK_TUI_NOW", when.isoformat())


def fail_offline(db: Path, seconds: float) -> None:
    """One sync that cannot reach its server; the backoff asks for ``seconds`` before the next."""
    backoff = Backoff(base=seconds, cap=seconds * 2, rand=lambda: 1.0, sleep=lambda _: None)
    result = sync_once(db, server_url=f"http://127.0.0.1:{free_port()}", token="skt_x", backoff=backoff)
    assert (result.error, result.online) == ("offline", False), result


def timer_sync(db: Path) -> str | None:
    """What the app's timer gets (it respects the backoff); 'offline' means it did try."""
    return sync_once(db, server_url=f"http://127.0.0.1:{free_port()}", token="skt_x", respect_backoff=True).error


def status(db: Path) -> dict:
    store = Store.open(db)
    try:
        return store.status()
    finally:
        store.close()


def test_failure_while_the_clock_ran_two_days_fast_does_not_hold_sync_back(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    at(monkeypatch, NOW + dt.timedelta(days=2))
    fail_offline(db, 600)
    assert status(db)["next_try"] == (NOW + dt.timedelta(days=2, minutes=10)).isoformat()
    assert timer_sync(db) == "backoff"  # while the clock is still fast, the wait holds
    at(monkeypatch, NOW)  # the clock is corrected
    assert status(db)["next_try"] is None  # not two days out
    assert timer_sync(db) == "offline"  # the timer tried again at once, not "backoff"
    # that second failure in a row was stamped on the corrected clock: the default backoff's
    # 2-4 s wait from now, not from two days ahead
    next_try = dt.datetime.fromisoformat(status(db)["next_try"])
    assert NOW + dt.timedelta(seconds=2) <= next_try <= NOW + dt.timedelta(seconds=4)


def test_a_stored_retry_time_beyond_the_cap_is_not_waited_for(tmp_path, monkeypatch):
    # a workspace written before the failure time was stored, or by a clock far ahead
    db = tmp_path / "w.db"
    fail_offline(db, 60)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'sync_failed_at'")
        conn.execute("UPDATE meta SET value = ? WHERE key = 'sync_retry_at'",
                     ((NOW + dt.timedelta(days=2)).isoformat(),))
    assert status(db)["next_try"] is None
    assert timer_sync(db) == "offline"


def test_an_ordinary_wait_is_kept_and_never_longer_than_fifteen_minutes(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    fail_offline(db, 3600)  # asks for an hour: stored capped
    assert status(db)["next_try"] == (NOW + CAP).isoformat()
    at(monkeypatch, NOW + CAP - dt.timedelta(seconds=1))
    assert timer_sync(db) == "backoff"
    at(monkeypatch, NOW + CAP)
    assert status(db)["next_try"] is None
    assert timer_sync(db) == "offline"


def test_an_explicit_sync_ignores_the_wait(tmp_path, monkeypatch):
    db = tmp_path / "w.db"
    fail_offline(db, 600)
    result = sync_once(db, server_url=f"http://127.0.0.1:{free_port()}", token="skt_x")
    assert result.error == "offline"


def test_sk_tui_status_says_when_the_next_try_is_due(tmp_path, monkeypatch, capsys):
    from sk_tui.cli import main

    db = tmp_path / "w.db"
    at(monkeypatch, NOW)
    fail_offline(db, 600)
    assert main(["--db", str(db), "status"]) == 0
    expected = re.escape((NOW + dt.timedelta(minutes=10)).isoformat())
    assert re.search(rf"^Coba lagi *: {expected}$", capsys.readouterr().out, re.M)
    at(monkeypatch, NOW + dt.timedelta(minutes=11))
    assert main(["--db", str(db), "--lang", "en", "status"]) == 0
    assert "Next try" not in capsys.readouterr().out  # the wait is over: nothing to announce
