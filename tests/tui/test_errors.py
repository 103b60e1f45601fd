"""What the app does with an error: a refusal the user can act on is shown (toast or form line);
anything else is a bug that ends the app, so the test that meets it fails. The background sync
is the one exception: it shows the error in Indonesian/English and logs the traceback."""

from __future__ import annotations

import errno

import pytest

from sk_tui.domain.errors import DomainError
from sk_tui.domain.models import NAME_MAX, TaskStatus
from sk_tui.store import Store
from sk_tui.store.failures import StorageError
from tests.helpers.app import make_app


def _toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize(("error", "shown"), [
    (DomainError("not_team_member"), DomainError("not_team_member").message("id")),
    (StorageError("disk_full", "/data/workspace.db"), "Disk penuh: /data/workspace.db tidak dapat ditulis"),
], ids=["refused", "disk-full"])
async def test_a_refused_card_move_is_a_toast_in_the_users_language(workspace, monkeypatch, error, shown):
    path, _org, ids = workspace

    def refuse(self, task_id, step, *, actor_id=None):
        raise error

    monkeypatch.setattr(Store, "move_task", refuse)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("greater_than_sign")
        await app.wait_for_writes()  # the move is written on the writer thread
        await pilot.pause()
        assert app.is_running
        assert any(shown in toast for toast in _toasts(app)), _toasts(app)
        assert app.store.task(ids["card0"]).status == TaskStatus.BACKLOG


async def test_an_unexpected_error_in_an_action_ends_the_app_instead_of_a_toast(workspace, monkeypatch):
    path, _org, _ids = workspace

    def broken(self, task_id, step, *, actor_id=None):
        raise RuntimeError("a bug in move_task")

    monkeypatch.setattr(Store, "move_task", broken)
    app = make_app(path)

    async def move_a_card() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("greater_than_sign")
            await app.wait_for_writes()
            await pilot.pause()

    with pytest.raises(RuntimeError, match="a bug in move_task"):
        await move_a_card()
    assert not any("a bug" in toast for toast in _toasts(app))


async def test_a_name_the_rules_refuse_is_said_in_the_form(tmp_path):
    app = make_app(tmp_path / "new.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        form = app.screen
        form.query_one("#me-name").value = "A" * (NAME_MAX + 1)  # pydantic refuses it, not the form
        form.query_one("#me-nip").value = "199105052019032012"
        form.query_one("#me-unit").value = "Biro Hukum"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = str(form.query_one("#personal-error").render())
        assert "terlalu panjang" in error and str(NAME_MAX) in error
        assert app.store is None


async def test_a_demo_that_cannot_be_written_is_a_toast_and_the_welcome_stays(tmp_path, monkeypatch):
    from sk_tui import demo

    def disk_full(path, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(demo, "ensure_demo", disk_full)
    app = make_app(tmp_path / "none.db")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        assert any(toast.startswith("Disk penuh: ") for toast in _toasts(app)), _toasts(app)


async def test_an_unexpected_sync_failure_is_shown_and_its_traceback_logged(workspace, monkeypatch, sk_home):
    import sk_tui.sync.client as client

    def broken(db_path, **kwargs):
        raise RuntimeError("the sync client broke")

    monkeypatch.setattr(client, "sync_once", broken)
    path, _org, _ids = workspace
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        log = sk_home / "log" / "errors.log"
        assert _toasts(app)[-1] == f"Sinkron gagal: RuntimeError: the sync client broke (rincian di {log})"
        assert not app.sync_state.syncing and not app.sync_state.online
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: the sync client broke" in text
