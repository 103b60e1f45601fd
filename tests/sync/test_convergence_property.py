"""The property that keeps sync converging (issue 8, point 8): two to four devices of three
people (Ani a member, with a second device; Rina the lead; the JPT) edit, create and move cards,
submit reports, decide them, resolve problems, go offline and sync in any order against a live
server; then everything quiesces: every device equals the server's view for its user, nothing
acknowledged is missing from the server, and nothing is applied twice.

CI runs a small number of examples per backend (SQLite always; PostgreSQL when
SK_TUI_TEST_PG_URL is set); SK_TUI_LONG_PROPERTY=1 runs a long search.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from sk_tui.domain.errors import DomainError
from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.clock import TODAY
from tests.helpers.live import free_port, seed
from tests.helpers.replica import differences, replica_rows, server_view

LONG = os.environ.get("SK_TUI_LONG_PROPERTY") == "1"
EXAMPLES, STEPS = (300, 60) if LONG else (10, 50)
if os.environ.get("SK_TUI_PROPERTY_EXAMPLES"):  # e.g. "40x25": examples x steps, for a local search
    EXAMPLES, STEPS = map(int, os.environ["SK_TUI_PROPERTY_EXAMPLES"].split("x"))
PEOPLE = ("ani", "lead", "jpt", "ani")  # the fourth device is Ani's second one
_namespaces = itertools.count(1)


class Devices(RuleBasedStateMachine):
    server = None  # the live server (set by the test)
    tmp = None

    @initialize(count=st.integers(min_value=2, max_value=4))
    def start(self, count):
        n = next(_namespaces)
        self.ns = f"p{n}-"
        seeded = seed(self.server.db_url, ns=self.ns, serial=500 + n)
        self.tokens = seeded.tokens
        self.devices = []
        for index, who in enumerate(PEOPLE[:count]):
            path = self.tmp / f"{self.ns}{who}-{index}.db"
            assert sync_once(path, server_url=self.server.url, token=self.tokens[who]).error is None
            self.devices.append((who, path, Store.open(path)))
        self.dead = f"http://127.0.0.1:{free_port()}"
        # team B's history, made by its lead (no device here): Ani gets it when she joins team B
        from tests.helpers.ops import task_create

        answer = self.server.push(self.tokens["lead2"], [task_create(f"{self.ns}card-b", self.id("team-b"),
                                                                      title="Kartu tim B")])
        assert answer.json()["results"][0]["status"] == "applied", answer.text
        # a card every device holds: edits of one card from several devices are the interesting part
        first, path, store = self.devices[0]
        store.create_task(self.id("team-a"), "Kartu bersama", actor_id=self.id(f"emp-{first}"))
        for who, path, _store in self.devices:
            assert sync_once(path, server_url=self.server.url, token=self.tokens[who]).error is None

    def id(self, raw: str) -> str:
        return self.ns + raw

    def teardown(self):
        if not getattr(self, "devices", None):
            return
        try:
            self._quiesce()
            self._check()
        finally:
            for _who, _path, store in self.devices:
                store.close()

    # --- what people do -----------------------------------------------------------------

    def _device(self, index):
        return self.devices[index % len(self.devices)]

    def _cards(self, store):
        return store.tasks_for_team(self.id("team-a"))

    @rule(d=st.integers(0, 3), title=st.sampled_from(["Telaah", "Draf Pergub", "Harmonisasi"]))
    def create_card(self, d, title):
        who, _path, store = self._device(d)
        store.create_task(self.id("team-a"), title, actor_id=self.id(f"emp-{who}"))

    @rule(d=st.integers(0, 3), pick=st.integers(0, 2), title=st.sampled_from(["Ubah", "Revisi", "Final"]))
    def edit_card(self, d, pick, title):
        who, _path, store = self._device(d)
        cards = self._cards(store)
        if cards:
            store.update_task(cards[pick % len(cards)].id, actor_id=self.id(f"emp-{who}"), title=title)

    @rule(d=st.integers(0, 3), pick=st.integers(0, 2), step=st.sampled_from([-1, 1]))
    def move_card(self, d, pick, step):
        who, _path, store = self._device(d)
        cards = self._cards(store)
        if cards:
            with contextlib.suppress(DomainError):  # at the board's edge
                store.move_task(cards[pick % len(cards)].id, step, actor_id=self.id(f"emp-{who}"))

    @rule(d=st.integers(0, 3), back=st.integers(0, 2), minutes=st.integers(30, 300))
    def report(self, d, back, minutes):
        who, _path, store = self._device(d)
        if who != "ani":
            return
        me = self.id("emp-ani")
        try:
            report = store.ensure_draft(me, TODAY - dt.timedelta(days=back))
            store.add_activity(report.id, description="Menyusun telaah", minutes=minutes)
            store.submit_report(report.id, me)
        except DomainError:
            pass  # submitted already, or the day is full

    @rule(d=st.integers(0, 3), approve=st.booleans())
    def decide(self, d, approve):
        who, _path, store = self._device(d)
        if who == "ani":
            return
        waiting = store.reports_to_review(self.id(f"emp-{who}"))
        if waiting:
            store.review_report(waiting[0].id, self.id(f"emp-{who}"), "approve" if approve else "return",
                                "" if approve else "Lengkapi bukti")

    @rule(d=st.integers(0, 3))
    def sync(self, d):
        who, path, _store = self._device(d)
        result = sync_once(path, server_url=self.server.url, token=self.tokens[who])
        assert result.error is None, result

    @rule(d=st.integers(0, 3), pick=st.integers(0, 2), title=st.sampled_from(["Sela", "Sisip"]))
    def sync_while_editing(self, d, pick, title):
        """A sync during which the person edits a card: the edit is queued after the push went
        out, before the pull (the app's sync worker runs beside the screens)."""
        who, path, store = self._device(d)
        with session(path, self.server.url, self.tokens[who]) as (worker, _result):
            worker.push(500)
            cards = self._cards(store)
            if cards:
                store.update_task(cards[pick % len(cards)].id, actor_id=self.id(f"emp-{who}"), title=title)
            worker.pull(1000)

    @rule(d=st.integers(0, 3))
    def killed_after_the_server_committed(self, d):
        """The device dies once the server has committed its batch, before it recorded the
        answers: its ops stay in flight and go again with the next sync."""
        who, path, _store = self._device(d)
        with session(path, self.server.url, self.tokens[who]) as (worker, _result):
            ops = worker.store.next_push_batch(500)
            if ops:
                assert worker._send(ops).status_code == 200  # the answer is lost with the process

    @rule(join=st.booleans())
    def team_change(self, join):
        """Ani joins team B (led by someone without a device here) or leaves it again."""
        from sk_tui.server import storage as sst

        db = sst.ServerDB.open(self.server.db_url)
        try:
            mid = self.id("m-ani-b")
            if join:
                sst.load_org(db, {"membership": [{"id": mid, "team_id": self.id("team-b"),
                                                  "employee_id": self.id("emp-ani"), "role": "member"}]})
            else:
                with db.writing() as conn:
                    if conn.execute(sst.memberships.delete().where(sst.memberships.c.id == mid)).rowcount:
                        db.append_changes(conn, [{"entity": "membership", "entity_id": mid, "vis": sst.VIS_ALL,
                                                  "data": None, "team_id": self.id("team-b")}])
        finally:
            db.close()

    @rule(d=st.integers(0, 3))
    def offline(self, d):
        who, path, store = self._device(d)
        queued = store.queued_count()
        assert sync_once(path, server_url=self.dead, token=self.tokens[who]).error == "offline"
        assert store.queued_count() == queued  # nothing dropped

    @rule(d=st.integers(0, 3), reapply=st.booleans())
    def resolve(self, d, reapply):
        _who, _path, store = self._device(d)
        problems = store.sync_problems()
        if problems:
            try:
                store.resolve_problem(problems[0]["op_id"], "reapplied" if reapply else "dismissed")
            except DomainError:
                store.resolve_problem(problems[0]["op_id"], "dismissed")

    @invariant()
    def nothing_queued_is_lost(self):
        for _who, _path, store in getattr(self, "devices", []):
            assert store.db.execute("SELECT COUNT(*) FROM outbox WHERE state NOT IN "
                                    "('pending','inflight','acked','rejected','conflict','blocked')").fetchone()[0] == 0

    # --- quiescing and the checks -------------------------------------------------------

    def _quiesce(self):
        for _round in range(8):
            busy = False
            for who, path, store in self.devices:
                result = sync_once(path, server_url=self.server.url, token=self.tokens[who])
                assert result.error is None, result
                for problem in store.sync_problems():  # keep the server's
                    store.resolve_problem(problem["op_id"], "dismissed")
                    busy = True
                busy = busy or result.sent > 0 or store.queued_count() > 0
            if not busy:
                return
        raise AssertionError("the devices did not quiesce")

    def _check(self):
        views = {}
        for who, path, store in self.devices:
            assert store.queued_count() == 0
            if who not in views:
                views[who] = server_view(self.server.url, self.tokens[who], self.tmp)
            diff = differences(replica_rows(path), views[who])
            assert not diff, f"{who}'s device differs from the server: {diff}"
        for who, _path, store in self.devices:  # nothing acknowledged is missing
            theirs = {row[0] for table in ("tasks", "reports", "reviews") for row in views[who][table]}
            acked = store.db.execute("SELECT entity, entity_id FROM outbox WHERE state = 'acked' AND op != 'update'"
                                     ).fetchall()
            assert {entity_id for _entity, entity_id in acked} <= theirs
        reviews = [row for view in views.values() for row in view["reviews"]]
        decided = {}
        for row in reviews:  # nothing applied twice: one decision per report version
            decided.setdefault(row[0], row)
        columns = [c[1] for c in self.devices[0][2].db.execute("PRAGMA table_info(reviews)")]
        at = columns.index("report_id"), columns.index("report_version")
        versions = [(row[at[0]], row[at[1]]) for row in decided.values()]
        assert len(versions) == len(set(versions))


@contextlib.contextmanager
def session(path, url: str, token: str):
    """The sync client's own session (sk_tui/sync/client.py) on its own connection, as the app's
    sync worker holds it, so a step can act between its push and its pull."""
    import httpx

    from sk_tui.sync.client import Backoff, SyncResult, _Session

    store = Store.open(path)
    result = SyncResult()
    try:
        with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as http:
            yield _Session(store, http, result, Backoff(), 3), result
    finally:
        store.close()


def _run(module_server, tmp_path_factory):
    Devices.server = module_server
    Devices.tmp = tmp_path_factory.mktemp("devices")
    run_state_machine_as_test(Devices, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, derandomize=not LONG,
        suppress_health_check=list(HealthCheck), database=None))


def test_devices_converge_with_the_server(module_server, tmp_path_factory):
    _run(module_server, tmp_path_factory)


@pytest.mark.skipif(not LONG, reason="the long run: SK_TUI_LONG_PROPERTY=1")
def test_devices_converge_long_run(module_server, tmp_path_factory):
    _run(module_server, tmp_path_factory)
