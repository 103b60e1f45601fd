"""SkApp: the full-screen app. Modes: board, report, targets, review, problems; first run: welcome.

    SkApp(db_path=Path("workspace.db")).run()

The app holds the one ``Store`` the screens use (main thread). Background work (sync, demo
building) runs in thread workers that open their own connection and report back with messages;
a write a key should not wait for (a card move) goes to the writer thread
(``write_in_background``), which keeps its own connection and the writes' order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from sk_tui.domain import i18n
from sk_tui.domain.i18n import sync_error, t
from sk_tui.tui.bindings import localize, make
from sk_tui.tui.messages import (
    DataChanged,
    SyncFinished,
    SyncProgress,
    WorkspaceFailed,
    WorkspaceReady,
)
from sk_tui.tui.palette import SkCommands
from sk_tui.tui.screens.board import BoardScreen

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from textual.widget import AwaitMount

    from sk_tui.config import Config
    from sk_tui.domain.models import Employee
    from sk_tui.store import Store

THEMES = ("textual-dark", "textual-light", "ansi-dark", "ansi-light")
SYNC_SOON_SECONDS = 2.0  # after a local change: several quick changes go in one sync
DECISION_WINDOW_DAYS = 62  # my reports whose decisions a pull may bring


@dataclass
class DecisionsArrived(Message):
    """A sync brought decisions on my reports: (work date, "approved" | "returned", note)."""

    decisions: list[tuple[dt.date, str, str]]


@dataclass
class WriteDone(Message):
    """A write on the writer thread ended: ``then`` runs on the UI thread."""

    then: Callable[[], None]


def _raise(exc: BaseException) -> None:
    raise exc


@dataclass
class SyncState:
    online: bool = False
    syncing: bool = False
    pulled: int = 0  # records a running pull has written so far (a first pull shows it)
    queued: int = 0
    problems: int = 0
    last_sync: str | None = None


PREIMPORT_AFTER_SECONDS = 1.0  # after the board's first frame (a cold start that only shows the board never pays it)
SCREEN_MODULES = ("report", "targets", "review", "problems", "teams", "task_form", "activity_form", "dialogs")


def _import_screens() -> None:
    """Import the other screens' modules on a daemon thread once the board is up: the first
    open of each then only builds its widgets. A daemon thread, so quitting never waits."""
    import threading

    def work() -> None:
        import importlib

        # the writer pool's executor too: App.write_in_background imports it at the first card
        # move, ~0.1 s at load, which would otherwise land inside that key's frame
        for module in ("concurrent.futures.thread", *(f"sk_tui.tui.screens.{m}" for m in SCREEN_MODULES)):
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - only a head start: the open itself imports it again, and says why
                return

    threading.Thread(target=work, name="sk-import-screens", daemon=True).start()


def _screen_on_demand(module: str, name: str) -> Callable[[], Screen[None]]:
    """A MODES factory that imports its screen on first use: only the board (and what it
    needs) is imported at start-up, which keeps the cold start close to a bare Textual app."""

    def make_screen() -> Screen[None]:
        import importlib

        screen: Screen[None] = getattr(importlib.import_module(f"sk_tui.tui.screens.{module}"), name)()
        return screen

    return make_screen


class SkApp(App[None]):
    """Team board, daily report, target progress and review, keyboard first."""

    CSS_PATH = "app.tcss"
    TITLE = "SK-TUI"
    COMMANDS = {SkCommands}
    MODES = {
        "board": BoardScreen,
        "report": _screen_on_demand("report", "ReportScreen"),
        "targets": _screen_on_demand("targets", "TargetsScreen"),
        "review": _screen_on_demand("review", "ReviewScreen"),
        "problems": _screen_on_demand("problems", "ProblemsScreen"),
        "teams": _screen_on_demand("teams", "TeamsScreen"),
    }
    BINDINGS = [
        make("1", "mode('board')", "app.board", group="group.screens"),
        make("2", "mode('report')", "app.report", group="group.screens"),
        make("3", "mode('targets')", "app.targets", group="group.screens"),
        make("4", "mode('review')", "app.review", group="group.screens"),
        make("5", "mode('problems')", "app.problems", group="group.screens"),
        make("6", "mode('teams')", "app.teams", group="group.screens"),
        make("f1,question_mark", "help", "app.help", key_display="?"),
        make("ctrl+p", "command_palette", "app.palette", show=False, priority=True),
        make("f2", "toggle_language", "app.language", show=False),
        make("f3", "next_theme", "app.theme", show=False),
        make("f5", "sync", "app.sync", show=False),
        make("ctrl+q", "quit_app", "app.quit", priority=True, show=False),
        # Focus moves when the app reads Tab, not when the field it leaves gets to it: keys
        # that arrive together (typing over SSH) would otherwise all land in the first field.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
        # Not priority: typed into an Input, q and j/k are letters.
        make("q", "quit_key", "app.quit"),
        make("escape", "back", "app.back", show=False),
        make("j", "list(1)", "app.list_down", show=False),
        make("k", "list(-1)", "app.list_up", show=False),
    ]

    def __init__(
        self,
        db_path: Path | str | None = None,
        *,
        language: str | None = None,
        config: Config | None = None,
        autosync: bool = True,
        theme: str | None = None,
        save_settings: bool = True,
    ) -> None:
        from sk_tui.config import Config

        self.config = config or Config()
        i18n.set_language(language or self.config.language)
        super().__init__()
        import os  # frame timings for bench/bench_tui.py, installed only when asked (sk_tui/tui/timing.py)

        if os.environ.get("SK_TUI_TIMING"):
            from sk_tui.tui import timing

            timing.install(self)
        localize(self)
        self.animation_level = "none"
        self.db_path = Path(db_path) if db_path else None
        self.store: Store | None = None
        self.autosync = autosync
        self.sync_state = SyncState()
        self.who_label = ""
        self.board_team_id: str | None = self.config.last_team
        self._theme_name = theme or self.config.theme
        self.save_settings = save_settings
        self._sync_timer: Timer | None = None
        self._sync_soon: Timer | None = None
        self._sync_again: bool | None = None  # a sync was asked for while one ran (True: manual)
        self._writer: ThreadPoolExecutor | None = None  # one thread: writes keep their order
        self._writer_db: tuple[Path, Store] | None = None  # its own connection
        self._write_futures: list[Future[None]] = []
        self._unsubmitted: list[Callable[[], None]] = []  # writes waiting for the key's frame
        self._screens_imported = False
        # Bumped when data may have changed under a screen: a sync brought some, or another
        # mode's screen was shown (SkScreen.push_dialog, on_screen_resume).
        self.data_epoch = 0

    # --- writes off the UI thread --------------------------------------------------------

    def write_in_background(self, write: Callable[[Store], Any], done: Callable[[Any], None]) -> None:
        """Run ``write`` on the writer thread with a connection of its own, one write at a
        time in the order given; ``done`` then gets its result on the UI thread. A refusal
        (DomainError, ValidationError) is passed to ``done`` as the result; anything else ends
        the app as an error in an action would. The key's answer is drawn meanwhile, and the
        write's own code (``done``) says it is saved only after its commit; every waiting write
        ends before the app quits or closes the workspace (``finish_writes``)."""
        from concurrent.futures import ThreadPoolExecutor

        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sk-writer")
        path = self.db_path

        def run() -> None:
            from pydantic import ValidationError

            from sk_tui.domain.errors import DomainError

            try:
                result = write(self._writer_store(path))
            except (DomainError, ValidationError) as exc:
                result = exc
            except BaseException as exc:  # noqa: BLE001 - raised again on the UI thread
                self.post_message(WriteDone(partial(_raise, exc)))
                return
            self.post_message(WriteDone(partial(done, result)))

        # Handed to the thread once the key's frame is drawn: the write's Python work would
        # otherwise share the GIL with that frame.
        self._unsubmitted.append(run)
        if len(self._unsubmitted) == 1:
            self.call_after_refresh(self._submit_writes)

    def _submit_writes(self) -> None:
        if self._writer is None:
            return
        self._write_futures = [f for f in self._write_futures if not f.done()]
        while self._unsubmitted:
            self._write_futures.append(self._writer.submit(self._unsubmitted.pop(0)))

    def _writer_store(self, path: Path | None) -> Store:
        """The writer thread's own store (opened there on its first write)."""
        from sk_tui.config import load_policy
        from sk_tui.store import Store

        if self._writer_db is None or self._writer_db[0] != path:
            if self._writer_db is not None:
                self._writer_db[1].close()
            if path is None:
                raise RuntimeError("no workspace is open")
            self._writer_db = (path, Store.open(path, policy=load_policy()))
        return self._writer_db[1]

    async def wait_for_writes(self) -> None:
        """Until every write asked for so far has committed (or been refused); their ``done``
        callbacks follow as messages (tests: ``await app.wait_for_writes(); await pilot.pause()``)."""
        import asyncio

        self._submit_writes()
        for future in list(self._write_futures):
            await asyncio.wrap_future(future)

    def finish_writes(self) -> None:
        """Block until the waiting writes have committed: before quitting, counting the queue
        for the quit question, or closing the workspace."""
        self._submit_writes()
        for future in list(self._write_futures):
            future.result()
        self._write_futures.clear()

    @on(WriteDone)
    def _write_done(self, message: WriteDone) -> None:
        message.then()

    def switch_mode(self, mode: str) -> AwaitMount:
        self.data_epoch += 1
        return super().switch_mode(mode)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self.finish_writes()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        if self._writer is not None:
            self.finish_writes()  # hands over what still waits for a frame, then waits
            if self._writer_db is not None:
                self._writer.submit(self._writer_db[1].close).result()  # closed on its own thread
                self._writer_db = None
            self._writer.shutdown(wait=True)

    # --- start ---------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme = self._theme_name if self._theme_name in self.available_themes else "textual-dark"
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.db_path is not None and self.db_path.exists():
            self.open_workspace(self.db_path)
        if self.store is None or self.store.me() is None:
            from sk_tui.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(has_store=self.store is not None))

    def open_workspace(self, path: Path) -> None:
        """Open the store at ``path``; when it has a user, show the board and start syncing."""
        from sk_tui.config import load_policy
        from sk_tui.store import Store

        if self.store is not None:
            self.finish_writes()
            self.store.close()
        self.db_path = path
        self.store = Store.open(path, policy=load_policy())
        me = self.store.me()
        if me is None:
            return
        self.who_label = self._who(me)
        self.refresh_sync_state()
        self.switch_mode("board")
        if not self._screens_imported:
            self._screens_imported = True
            self.set_timer(PREIMPORT_AFTER_SECONDS, _import_screens)
        if self.autosync:
            self.sync_in_background()
            if self._sync_timer is None:
                self._sync_timer = self.set_interval(self.config.sync_interval_seconds, self.sync_in_background,
                                                     name="sync")

    def _who(self, me: Employee) -> str:
        store = self.require_store()
        if store.is_jpt(me):
            role = t("who.jpt")
        elif store.led_team_ids(me.id):
            role = t("who.lead")
        else:
            role = t("who.member")
        return f"{me.short_name} ({role})"

    def require_store(self) -> Store:
        """The open workspace: the main screens and forms exist only once there is one."""
        if self.store is None:
            raise RuntimeError("no workspace is open")
        return self.store

    @property
    def me(self) -> Employee | None:
        return self.store.me() if self.store is not None else None

    @on(WorkspaceReady)
    def _workspace_ready(self, message: WorkspaceReady) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.open_workspace(Path(message.db_path))
        self.notify(t("welcome.ready"))

    @work(thread=True, exclusive=True, group="workspace")
    def build_demo_workspace(self) -> None:
        """Build (or reuse) the demo workspace on a connection of this thread's own. A full
        disk or an unwritable folder is shown and the welcome stays; anything else is a bug
        and ends the app with its traceback."""
        from sk_tui import demo, paths
        from sk_tui.domain.errors import DomainError
        from sk_tui.store import Store

        try:
            path = demo.ensure_demo(paths.demo_db_path())
            store = Store.open(path)
            try:
                demo.act_as(store, "staff")
            finally:
                store.close()
        except (DomainError, OSError) as exc:  # StorageError is a DomainError
            self.post_message(WorkspaceFailed(self.error_text(exc)))
            return
        self.post_message(WorkspaceReady(str(path)))

    def create_personal_workspace(self, path: Path, *, name: str, nip: str, unit_name: str) -> None:
        """One unit, me, and my own team (I lead it) so the board and reports work offline."""
        from sk_tui.domain.models import Employee, Membership, Team, Unit
        from sk_tui.store import Store

        store = Store.open(path)
        try:
            existing = store.employee_by_nip(nip)
            if existing is not None:
                store.set_me(existing.id)
                return
            unit = Unit(name=unit_name)
            me = Employee(nip=nip, name=name, position_kind="pelaksana", unit_id=unit.id)
            team = Team(name=t("welcome.team_name", name=me.short_name), unit_id=unit.id, jpt_id=me.id)
            store.save_models([unit, me, team, Membership(team_id=team.id, employee_id=me.id, role="lead")])
            store.set_me(me.id)
        finally:
            store.close()

    @on(WorkspaceFailed)
    def _workspace_failed(self, message: WorkspaceFailed) -> None:
        self.notify(message.error, severity="error", timeout=10)

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screen keys are hidden until there is a workspace with a user (first run)."""
        return action not in ("mode", "sync") or bool(self.who_label)

    def action_quit_key(self) -> None:
        """``q`` quits from a main screen; in a dialog it means nothing (Esc closes those)."""
        if not isinstance(self.screen, ModalScreen):
            self.action_quit_app()

    def action_quit_app(self) -> None:
        """Quit; when changes wait in the queue and there is no server to take them, ask first."""
        if isinstance(self.screen, ModalScreen) and self.screen.id == "quit-confirm":
            return
        self.finish_writes()  # a card moved just before: its op is in the count
        queued = self.sync_state.queued
        if self.store is not None:
            queued = self.store.status()["queued"]
        if not queued or self.sync_state.online:
            self.exit()
            return
        from sk_tui.tui.screens.dialogs import ConfirmScreen

        def done(yes: bool | None) -> None:
            if yes:
                self.exit()

        screen = ConfirmScreen(t("quit.confirm_offline", n=queued))
        screen.id = "quit-confirm"
        self.push_screen(screen, done)

    async def action_back(self) -> None:
        """Esc on a main screen: the board is home; on the board, Esc clears the filters."""
        if isinstance(self.screen, ModalScreen) or not self.who_label:
            return
        if self.current_mode != "board":
            await self.switch_mode("board")
            return
        clear = getattr(self.screen, "action_clear_filters", None)
        if clear is not None:
            clear()

    def action_list(self, step: int) -> None:
        """j/k in every list and table (DataTable, OptionList, SelectionList, ListView)."""
        focused = self.focused
        action = getattr(focused, "action_cursor_down" if step > 0 else "action_cursor_up", None)
        if action is not None:
            action()

    def remember_team(self, team_id: str) -> None:
        """The team chosen on the board: shown again after a restart."""
        self.board_team_id = team_id
        self._save_settings({"last_team": team_id})

    def _save_settings(self, changes: dict[str, str | None]) -> None:
        """Write a choice back to config.toml; a refused write is said once, never a crash."""
        if not self.save_settings:
            return
        from sk_tui.config import save_settings

        try:
            save_settings(changes)
        except (OSError, ValueError) as exc:
            self.notify(t("settings.not_saved", error=str(exc)), severity="warning")

    async def show_team_board(self, team_id: str) -> None:
        """Open the board on ``team_id``, whatever team the board showed before (the palette
        and the view across teams)."""
        self.board_team_id = team_id
        await self.action_mode("board")
        show = getattr(self.screen, "show_team", None)
        if show is not None:
            show(team_id)

    async def action_mode(self, mode: str) -> None:
        if self.store is None or self.store.me() is None:
            return
        if self.current_mode != mode:
            await self.switch_mode(mode)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from sk_tui.tui.palette import SkCommandPalette

        if not isinstance(self.screen, CommandPalette):
            self.push_screen(SkCommandPalette(id="--command-palette"))

    def action_help_quit(self) -> None:
        """Ctrl+C (Textual's "Press Ctrl+Q to quit the app" hint), in the UI language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit", "quit_app", "app.quit_app"):
                self.notify(t("quit.press", key=key), title=t("quit.title"))
                return

    def action_help(self) -> None:
        from sk_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(type(self.screen)))

    async def action_toggle_language(self) -> None:
        await self.set_language("en" if i18n.language() == "id" else "id")

    async def set_language(self, lang: str) -> None:
        i18n.set_language(lang)
        localize(self)
        me = self.me
        if self.store is not None and me is not None:
            self.who_label = self._who(me)
        screen = self.screen
        relabel = getattr(screen, "relabel", None)
        if relabel is not None:
            await relabel()
        else:
            for base in self.screen_stack:
                if hasattr(base, "relabel"):
                    await base.relabel()
        self.refresh_bindings()
        self._save_settings({"language": lang})
        self.notify(t("lang.switched"))

    def action_next_theme(self) -> None:
        current = self.theme if self.theme in THEMES else THEMES[-1]
        self.set_theme(THEMES[(THEMES.index(current) + 1) % len(THEMES)])

    def watch_theme(self) -> None:
        # CSS cannot ask which theme is on; ANSI themes get reverse-video cursors (app.tcss).
        self.set_class(self.current_theme.ansi, "-ansi")

    def set_theme(self, name: str) -> None:
        self.theme = name
        self._save_settings({"theme": name})
        self.notify(t("theme.switched", name=name))

    def action_sync(self) -> None:
        self.sync_in_background(manual=True)

    # --- sync ----------------------------------------------------------------------------

    def request_sync(self) -> None:
        """After a local change: refresh the queue count and push shortly (debounced, so a
        burst of changes is one sync and typing never waits for the network)."""
        self.refresh_sync_state()
        if self.autosync:
            if self._sync_soon is not None:
                self._sync_soon.stop()
            self._sync_soon = self.set_timer(SYNC_SOON_SECONDS, self.sync_in_background, name="sync-soon")

    def refresh_sync_state(self) -> None:
        if self.store is None:
            return
        status = self.store.status()
        self.sync_state.queued = status["queued"]
        self.sync_state.problems = status["problems"]
        self.sync_state.last_sync = _clock_time(status["last_sync"], self.store.policy.timezone)
        self._refresh_status_bars()

    def _refresh_status_bars(self) -> None:
        from sk_tui.tui.widgets.status import StatusBar

        for bar in self.screen.query(StatusBar):
            bar.refresh_status()

    def sync_in_background(self, manual: bool = False) -> None:
        """Start a sync unless one is running (then one more follows it); the header shows it
        until it reports back."""
        if self.db_path is None or self.store is None:
            return
        if self.sync_state.syncing:
            self._sync_again = bool(self._sync_again) or manual
            return
        self.sync_state.syncing = True
        self.sync_state.pulled = 0
        self._refresh_status_bars()
        self._sync_worker(self.db_path, manual)

    @work(thread=True, exit_on_error=False, group="sync")
    def _sync_worker(self, db_path: Path, manual: bool = False) -> None:
        """Push then pull once on a connection of its own; the result comes back as a message,
        and decisions on my reports that the pull brought come back as another."""
        import sqlite3

        try:
            from sk_tui.sync.client import sync_once
        except ImportError:
            self.post_message(SyncFinished(online=False, manual=manual))
            return
        from sk_tui.domain.errors import DomainError

        try:
            before = _my_reports(db_path)
            def progress(received: int, _pages: int) -> None:
                self.post_message(SyncProgress(received))  # the header counts what arrived

            result = sync_once(db_path, respect_backoff=not manual, progress=progress)
            if result.received:
                arrived = _decisions(before, _my_reports(db_path))
                if arrived:
                    self.post_message(DecisionsArrived(arrived))
        except DomainError as exc:  # a full disk or a read-only workspace: said in the user's words
            self.post_message(SyncFinished(online=False, error=exc.message(i18n.language()), manual=manual))
            return
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):  # another writer holds the file: not offline
                self.post_message(SyncFinished(online=self.sync_state.online, error="busy", manual=manual))
                return
            self._post_crash(exc, manual)
            return
        except Exception as exc:  # noqa: BLE001 - a thread: shown in the status line and logged, never a crash
            self._post_crash(exc, manual)
            return
        self.post_message(SyncFinished(
            online=bool(result.online), sent=result.sent, received=result.received,
            refused=result.refused, kept_aside=result.kept_aside, error=result.error, manual=manual,
        ))

    def _post_crash(self, exc: Exception, manual: bool) -> None:
        from sk_tui.errorlog import write_error_log

        log, failure = write_error_log()
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        where = t("error.logged", path=log) if failure is None else t("error.not_logged", path=log, why=failure)
        self.post_message(SyncFinished(online=False, error=f"{error} ({where})", manual=manual))

    @on(SyncProgress)
    def _sync_progress(self, message: SyncProgress) -> None:
        if self.sync_state.syncing:  # a page's news that arrives after the end changes nothing
            self.sync_state.pulled = message.received
            self._refresh_status_bars()

    @on(SyncFinished)
    def _sync_finished(self, message: SyncFinished) -> None:
        self.sync_state.syncing = False
        self.sync_state.pulled = 0
        if message.error not in ("busy", "backoff"):  # another sync or a wait: the last state stands
            self.sync_state.online = message.online
        self.refresh_sync_state()
        if message.manual:
            if message.error == "busy":
                self.notify(t("sync.busy"))
            elif not message.online and message.error in (None, "not_logged_in"):
                self.notify(t("sync.no_server"), severity="warning")
            elif message.error:
                self.notify(t("sync.failed", error=sync_error(message.error)), severity="warning")
            else:
                self.notify(t("sync.done", sent=message.sent, received=message.received))
        if message.kept_aside:
            self.notify(t("sync.kept_aside", n=message.kept_aside), severity="warning")
        if message.received or message.refused:  # a refused op's record shows the server's copy again
            self.post_message(DataChanged())
        again, self._sync_again = self._sync_again, None
        if again is not None:
            self.sync_in_background(manual=again)

    @on(DecisionsArrived)
    def _decisions_arrived(self, message: DecisionsArrived) -> None:
        from sk_tui.domain.i18n import long_date

        for day, status, note in message.decisions:
            if status == "returned":
                self.notify(t("sync.decision.returned", day=long_date(day), note=note or "–"),
                            severity="warning", timeout=15)
            else:
                self.notify(t("sync.decision.approved", day=long_date(day)), timeout=10)

    @on(DataChanged)
    def _data_changed(self) -> None:
        self.data_epoch += 1
        reload = getattr(self.screen, "reload", None)
        if reload is not None:
            reload()

    # --- messages ------------------------------------------------------------------------

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every toast is plain text: a message may quote a title, a reason or an error the
        server sent, and Textual would otherwise read it as markup (``[@click=...]`` included)
        and pass a stored ESC to the terminal. ``markup`` is accepted and ignored."""
        from sk_tui.tui.plain import shown

        super().notify(shown(message, multiline=True), title=shown(title), severity=severity, timeout=timeout,
                       markup=False)

    # --- errors --------------------------------------------------------------------------

    def error_text(self, exc: Exception) -> str:
        """What a refused action says, in the UI language: a DomainError's message, a form
        field pydantic refused (the same line the CLI prints), a disk the OS refused."""
        from pydantic import ValidationError

        from sk_tui.domain.errors import DomainError, validation_error
        from sk_tui.store.failures import translate

        if isinstance(exc, ValidationError):
            exc = validation_error(exc)
        elif isinstance(exc, OSError):
            exc = translate(exc) or exc
        if isinstance(exc, DomainError):
            return exc.message(i18n.language())
        return str(exc) or type(exc).__name__

    def show_error(self, exc: Exception) -> None:
        self.notify(self.error_text(exc), severity="error", timeout=8)


def _my_reports(db_path: Path) -> dict[str, tuple[dt.date, str, str]]:
    """My recent reports (id -> work date, status, note), read on the calling thread's own
    connection: compared before and after a pull to announce new decisions."""
    from sk_tui.store import Store

    store = Store.open(db_path)
    try:
        me = store.me()
        if me is None:
            return {}
        today = store.today(me)
        reports = store.reports_for(me.id, today - dt.timedelta(days=DECISION_WINDOW_DAYS), today)
        return {r.id: (r.work_date, r.status.value, r.review_note or "") for r in reports}
    finally:
        store.close()


def _decisions(before: dict[str, tuple[dt.date, str, str]],
               after: dict[str, tuple[dt.date, str, str]]) -> list[tuple[dt.date, str, str]]:
    """Reports I had that became approved or returned (or returned again with a new note); a
    report first seen in this pull (a new device's history) is not news."""
    arrived = []
    for report_id, (day, status, note) in sorted(after.items(), key=lambda item: item[1][0]):
        old = before.get(report_id)
        if old is not None and status in ("approved", "returned") and old[1:] != (status, note):
            arrived.append((day, status, note))
    return arrived


def _clock_time(stamp: str | None, timezone: str) -> str | None:
    if not stamp:
        return None
    try:
        from zoneinfo import ZoneInfo

        moment = dt.datetime.fromisoformat(stamp)
        if moment.tzinfo is not None:
            moment = moment.astimezone(ZoneInfo(timezone))
        return moment.strftime("%d/%m %H:%M")
    except ValueError:
        return stamp
