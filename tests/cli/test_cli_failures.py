"""Honest failures (issue 7, point 7): a full disk or a read-only workspace gives one line that
says so in the user's language, exits non-zero and changes nothing; the error log holds what
the line says it holds.

Tests run as root, which ignores file modes, so the failures come from SQLite itself: a
read-only open (``mode=ro``) and ``PRAGMA max_page_count`` (SQLite's real disk-full path).
"""

from __future__ import annotations

import sqlite3

import pytest

from sk_tui.store import schema
from tests.helpers.org import build_org

LONG = "Menyusun telaah hukum atas rancangan peraturan gubernur " * 25  # ~1.4 kB: needs new pages


@pytest.fixture
def small_ws(ws, cli_env):
    """The default workspace, built with 512-byte pages so one long activity needs new pages."""
    from sk_tui import paths
    from sk_tui.store import Store

    db = paths.data_dir() / "small.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA page_size = 512")
    conn.execute("VACUUM")
    conn.close()
    store = Store.open(db)
    org = build_org(store)
    _ = store.device_id
    store.close()
    return type(ws)(db=db, env=cli_env, org=org)


def disk_full(monkeypatch) -> None:
    """Every workspace connection from now on may not grow the file: writes that need a new
    page fail with SQLITE_FULL, as on a full disk."""
    real = schema.connect

    def full(path, **kw):
        db = real(path, **kw)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(schema, "connect", full)


def read_only(monkeypatch) -> None:
    """Every workspace connection from now on is opened read-only (as a read-only file is)."""

    def ro(path, *, timeout=30.0):
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout, isolation_level=None)
        conn.execute("PRAGMA busy_timeout=30000")
        return schema.Database(conn)

    monkeypatch.setattr(schema, "connect", ro)


def add(workspace) -> tuple[str, ...]:
    return ("--db", str(workspace.db), "report", "add", "--date", "2026-11-26", "--minutes", "60", "--desc", LONG)


def test_report_add_on_a_full_disk_says_so_and_changes_nothing(small_ws, capsys, monkeypatch, sk_home):
    before = small_ws.dump()
    disk_full(monkeypatch)
    result = small_ws.in_process(*add(small_ws), capsys=capsys)
    assert result.code == 1 and result.out == "" and len(result.err_lines) == 1
    log = sk_home / "log" / "errors.log"
    assert result.err_lines[0] == (f"sk-tui: Disk penuh: {small_ws.db} tidak dapat ditulis; tidak ada yang diubah. "
                                   f"Kosongkan ruang disk lalu coba lagi. Rincian di {log}.")
    english = small_ws.in_process("--lang", "en", *add(small_ws), capsys=capsys)
    assert english.code == 1
    assert english.err_lines == [(f"sk-tui: Disk full: could not write {small_ws.db}; nothing was changed. "
                                  f"Free some disk space and try again. Details in {log}.")]
    monkeypatch.undo()
    assert small_ws.dump() == before
    # the log holds what the line promises: the failure with its traceback, owner-only
    text = log.read_text()
    assert text.count("--- 2026-11-27T10:00:00+07:00\nTraceback (most recent call last)") == 2  # one per failure
    assert "sqlite3.OperationalError: database or disk is full" in text and "StorageError" in text
    assert oct(log.stat().st_mode & 0o777) == "0o600" and oct(log.parent.stat().st_mode & 0o777) == "0o700"
    # with room again, the same command works
    assert small_ws.in_process(*add(small_ws), capsys=capsys).code == 0


def test_report_add_on_a_read_only_workspace_says_so_and_changes_nothing(ws, capsys, monkeypatch):
    before = ws.dump()
    read_only(monkeypatch)
    result = ws.in_process("--lang", "en", "report", "add", "--minutes", "60", "--desc", "Rapat", capsys=capsys)
    assert result.code == 1 and len(result.err_lines) == 1
    assert result.err_lines[0].startswith(
        f"sk-tui: {ws.db} is read-only (the file or its folder cannot be written); nothing was changed.")
    indonesian = ws.in_process("report", "add", "--minutes", "60", "--desc", "Rapat", capsys=capsys)
    assert indonesian.code == 1 and "hanya-baca" in indonesian.err and "tidak ada yang diubah" in indonesian.err
    monkeypatch.undo()
    assert ws.dump() == before


def test_when_the_log_cannot_be_written_the_line_does_not_point_at_it(small_ws, capsys, monkeypatch, sk_home):
    (sk_home / "log").write_text("not a folder")  # the log folder cannot be made
    disk_full(monkeypatch)
    result = small_ws.in_process("--lang", "en", *add(small_ws), capsys=capsys)
    assert result.code == 1 and len(result.err_lines) == 1
    assert "Disk full" in result.err and "Details in" not in result.err and "errors.log" not in result.err


def test_an_internal_error_line_names_the_log_only_when_it_holds_the_traceback(ws, capsys, monkeypatch, sk_home):
    from sk_tui.store import Store

    def boom(self):
        raise RuntimeError("unexpected state 42")

    monkeypatch.setattr(Store, "require_me", boom)
    result = ws.in_process("--lang", "en", "report", "list", capsys=capsys)
    log = sk_home / "log" / "errors.log"
    assert result.code == 1 and result.err_lines == [f"sk-tui: Internal error (RuntimeError); details in {log}"]
    assert "RuntimeError: unexpected state 42" in log.read_text() and "Traceback" in log.read_text()
    log.unlink()
    log.parent.rmdir()
    (sk_home / "log").write_text("not a folder")
    broken = ws.in_process("--lang", "en", "report", "list", capsys=capsys)
    assert broken.code == 1 and len(broken.err_lines) == 1
    assert "unexpected state 42" in broken.err and "could not be written" in broken.err


# --- the app's save path (the store the screens call) -------------------------------------


def test_the_apps_save_on_a_full_disk_raises_one_plain_message_and_keeps_the_data(small_ws, monkeypatch):
    import datetime as dt

    from sk_tui.store import Store
    from sk_tui.store.failures import StorageError

    store = Store.open(small_ws.db)
    draft = store.ensure_draft("emp-ani", dt.date(2026, 11, 26))
    store.add_activity(draft.id, description="Rapat", minutes=30)
    store.close()
    before = small_ws.dump()
    disk_full(monkeypatch)
    store = Store.open(small_ws.db)
    with pytest.raises(StorageError) as failed:
        store.add_activity(draft.id, description=LONG, minutes=60)
    # what the app's error toast shows (SkApp.error_text: DomainError.message in the UI language)
    assert failed.value.message("id").startswith(f"Disk penuh: {small_ws.db} tidak dapat ditulis")
    assert failed.value.message("en").startswith(f"Disk full: could not write {small_ws.db}")
    assert not store.db.conn.in_transaction
    assert [a.minutes for a in store.activities(draft.id)] == [30]  # the store still reads
    store.close()
    monkeypatch.undo()
    assert small_ws.dump() == before


def test_the_apps_save_on_a_read_only_workspace_changes_nothing(ws, monkeypatch):
    import datetime as dt

    from sk_tui.store import Store
    from sk_tui.store.failures import StorageError

    before = ws.dump()
    read_only(monkeypatch)
    store = Store.open(ws.db)
    with pytest.raises(StorageError) as failed:
        store.ensure_draft("emp-ani", dt.date(2026, 11, 26))
    assert "hanya-baca" in failed.value.message("id") and "read-only" in failed.value.message("en")
    assert not store.db.conn.in_transaction
    store.close()
    monkeypatch.undo()
    assert ws.dump() == before
