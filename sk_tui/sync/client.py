"""The sync client: push the outbox, then pull what changed (DESIGN.md section 4).

    >>> result = sync_once(Path("workspace.db"))        # doctest: +SKIP
    >>> result.online, result.sent, result.received     # doctest: +SKIP
    (True, 3, 12)

This module speaks HTTP and calls store methods only: the outbox's life cycle is in
store/outbox.py (the one place an op's state changes), what a pull writes in store/replica.py.

``sync_once`` never raises for a network or server problem: it returns ``online=False`` (or
``error``) and leaves every queued op queued. It opens its own SQLite connection, so the app
may call it from a thread worker. A file lock next to the workspace keeps two syncs from
running at once. HTTP handling:

- 401: the token is unknown or revoked; the queue is kept and the user is asked to log in.
- 403: refused for this user; the queue is kept.
- 400 / 413 / 422 for a whole push: the batch is bisected until the op(s) the server refuses
  alone are found; each becomes a sync problem with the server's reason, later ops on the same
  record are blocked behind it, and the rest is delivered. The pull runs after any push trouble
  that leaves the server reachable.
- 429 / 503: wait as ``Retry-After`` says (capped), then retry.
- network errors, timeouts, other 5xx: jittered exponential backoff, 2 s doubling to 15 min.
- a changed ``server_epoch`` (seen in /me before any push, or in a push or pull answer) or 410:
  pull everything again and re-push every kept op (store/replica.py ``reset_for_new_epoch``).
- a pull page whose ``scope`` (what this user may see) changed: pull everything again, so a
  team joined brings its history and what may no longer be seen is removed.
- a refused op: the server's copy is put back (store/replica.py ``settle_push_results``) and the
  op stays listed with the user's content until reapplied, kept as the server's, or edited.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import random
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sk_tui import clock, paths
from sk_tui.sync import protocol as p

if TYPE_CHECKING:
    import httpx

    from sk_tui.store import Store
    from sk_tui.store.outbox import OutgoingOp, PushResult

# told (records received so far, pages so far) after each pulled page is written
Progress = Callable[[int, int], None]

# a push refused as a whole: the batch is bisected to find the op(s) the server will not take
BATCH_REFUSALS = (400, 413, 422)
_BATCH_REASON = {413: "too_large", 422: "unreadable", 400: "bad_request"}

# the server's answer for an op -> the op's state in the outbox (store/outbox.py writes it)
_STATE_FOR = {
    p.APPLIED: "acked", p.DUPLICATE: "acked", p.CONFLICT: "conflict", p.REJECTED: "rejected",
    p.KEY_REUSED: "rejected", p.BLOCKED: "blocked",
}


@dataclasses.dataclass
class SyncResult:
    """What one sync did. ``refused`` counts conflicts, rejections, key reuse and blocked ops."""

    sent: int = 0
    applied: int = 0
    duplicates: int = 0
    refused: int = 0
    received: int = 0
    online: bool = False
    error: str | None = None
    conflicts: int = 0
    rejected: int = 0
    blocked: int = 0
    key_reused: int = 0
    retries: int = 0
    resent: int = 0  # acked ops queued again after a server restore
    kept_aside: int = 0  # pulled records that could not be stored: listed as sync problems
    superseded: int = 0  # queued local changes a newer server copy overtook: listed as sync problems
    removed: int = 0  # local records a full re-pull found the server no longer shows (or not to us)
    rescoped: bool = False  # what this user may see changed: everything was pulled again
    server_url: str | None = None
    employee_id: str | None = None
    detail: str | None = None  # the last error's text, for logs and the status line
    push_seconds: float = 0.0
    pull_seconds: float = 0.0
    delays: list[float] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.online and self.error is None and self.refused == 0 and self.kept_aside == 0
                and self.superseded == 0)


@dataclasses.dataclass
class Backoff:
    """Jittered exponential backoff: failure n waits base*2^(n-1) capped, jittered to [d/2, d].

    Waits inside one sync are slept (``time.sleep`` runs on the monotonic clock, so a wall-clock
    jump changes nothing). The wait between syncs outlives the process and is stored as the
    failure's wall-clock time plus the delay; the store reads it back capped at 15 minutes
    whatever the clock did meanwhile (``Store.sync_retry_at``).
    """

    base: float = 2.0
    cap: float = 900.0
    sleep: Callable[[float], None] = time.sleep
    rand: Callable[[], float] = random.random

    def delay(self, failures: int) -> float:
        exp = min(max(failures, 1) - 1, 30)
        full = min(self.cap, self.base * (2 ** exp))
        return full / 2 + self.rand() * full / 2


class _Stop(Exception):
    """Ends a sync early; ``code`` goes to SyncResult.error."""

    def __init__(self, code: str, detail: str = "", *, online: bool = True):
        super().__init__(code)
        self.code, self.detail, self.online = code, detail, online


def _update_message(response: Any) -> str:
    """The server's own words from a 426 (both languages), else the protocol's."""
    try:
        body = response.json()
        ind, eng = str(body["message"]), str(body["message_en"])
    except (ValueError, KeyError, TypeError):
        ind, eng = p.UPDATE_REQUIRED
    shown = "".join(ch for ch in f"{ind} / {eng}" if ch.isprintable())  # server text is data
    return shown[:400]


class _Gone(Exception):
    """The server lost what our cursor points at (410 or a new epoch in a pull)."""


# --- credentials ---------------------------------------------------------------------------


def load_credentials() -> dict[str, Any] | None:
    """The saved login ({server_url, token, employee_id, ...}), or None."""
    file = paths.token_file()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("token") and data.get("server_url") else None


def save_credentials(server_url: str, token: str, **extra: Any) -> Path:
    """Write the token file with mode 0600 (atomically: a 0600 temp file renamed over it)."""
    file = paths.ensure_parent(paths.token_file())
    tmp = file.with_name(file.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"server_url": server_url.rstrip("/"), "token": token, **extra}, out, indent=2)
    os.chmod(tmp, 0o600)
    os.replace(tmp, file)
    return file


def whoami(server_url: str, token: str, *, timeout: float = 10.0) -> dict[str, Any]:
    """GET /v2/me; raises httpx errors, PermissionError on 401/403, RuntimeError (the server's words) on 426."""
    import httpx

    from sk_tui.domain.i18n import language

    response = httpx.get(server_url.rstrip("/") + p.API_PREFIX + "/me", timeout=timeout,
                         headers={"Authorization": f"Bearer {token}", "Accept-Language": language()})
    if response.status_code == 426:
        raise RuntimeError(_update_message(response))
    if response.status_code in (401, 403):
        raise PermissionError(response.status_code)
    response.raise_for_status()
    return response.json()


# --- the lock ------------------------------------------------------------------------------


@contextlib.contextmanager
def sync_lock(db_path: Path) -> Iterator[bool]:
    """An exclusive, non-blocking file lock beside the workspace; yields False when held."""
    import fcntl

    lock_path = Path(str(db_path) + ".sync.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


# --- one sync ------------------------------------------------------------------------------


class _Session:
    def __init__(self, store: Store, http: httpx.Client, result: SyncResult, backoff: Backoff,
                 max_attempts: int) -> None:
        self.store, self.http, self.result = store, http, result
        self.backoff, self.max_attempts = backoff, max_attempts
        self.failures = store.sync_failures()
        self.contacted = False
        self.counts: dict[str, int] = {"kept_aside": 0, "removed": 0}  # what settling and pulls set aside
        self.waiting: set[str] = set()  # ops sent in this sync that wait in the queue for a later one
        self.progress: Progress | None = None  # told (records received, pages) after each pull page

    def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One request with the retry rules; returns the response of any status below 500
        except 401/403/429 (raised as _Stop or retried)."""
        import httpx

        attempt = 0
        while True:
            wait: float | None = None
            try:
                response = self.http.request(method, url, **kwargs)
            except httpx.ConnectError as exc:
                if not self.contacted:
                    self.failures += 1
                    raise _Stop("offline", str(exc) or type(exc).__name__, online=False) from None
                detail = f"{type(exc).__name__}: {exc}"
            except httpx.TransportError as exc:  # timeouts, resets, protocol errors
                detail = f"{type(exc).__name__}: {exc}"
            else:
                self.contacted = True
                status = response.status_code
                if status == 426:  # the server retired this protocol: the user must update the app
                    raise _Stop("update_required", _update_message(response))
                if status == 401:
                    raise _Stop("unauthorized", response.text[:200])
                if status == 403:
                    raise _Stop("forbidden", response.text[:200])
                if status in (429, 503):
                    wait = _retry_after(response.headers.get("Retry-After"))
                    detail = f"HTTP {status}"
                elif status >= 500:
                    detail = f"HTTP {status}: {response.text[:200]}"
                else:
                    self.failures = 0
                    return response
            attempt += 1
            self.failures += 1
            self.result.detail = detail
            if attempt >= self.max_attempts:
                raise _Stop("server_unavailable", detail, online=self.contacted)
            delay = min(self.backoff.cap, wait) if wait is not None else self.backoff.delay(self.failures)
            self.result.retries += 1
            self.result.delays.append(delay)
            self.backoff.sleep(delay)

    # --- push ------------------------------------------------------------------------

    def push(self, batch_size: int) -> None:
        """Deliver the queue batch by batch. While one batch's answers are written, the next
        batch is already on its way (``_Ahead``), but only after a batch whose every op was
        acked: nothing in the next batch then depends on those answers (no record refused,
        no op waiting), and its ops were claimed without them. A batch with any other answer
        is settled first, as refusals block later ops on the same record."""
        store = self.store
        ops = store.next_push_batch(batch_size, self.waiting)
        response: httpx.Response | None = None  # the answer to ``ops``, when it was sent ahead
        while ops:
            acked = self._deliver(ops, set(), response, defer=True)
            if acked is None:
                ops, response = store.next_push_batch(batch_size, self.waiting), None
                continue
            # the answered batch is still inflight in the store: claimed again it would go twice
            following = store.next_push_batch(batch_size, self.waiting.union(op.op_id for op in ops))
            with _Ahead(self, following) as ahead:
                store.record_push_results(acked)
            ops, response = following, ahead.response

    def _body(self, ops: list[OutgoingOp]) -> bytes:
        # the payload goes on the wire as the JSON it was queued as (so it hashes the same
        # on every resend)
        body = '{"device_id":%s,"ops":[%s]}' % (json.dumps(self.store.device_id), ",".join(  # noqa: UP031 - JSON built around raw payloads
            '{"op_id":%s,"entity":%s,"entity_id":%s,"op":%s,"base_version":%d,"payload":%s}' % (  # noqa: UP031
                json.dumps(op.op_id), json.dumps(op.entity), json.dumps(op.entity_id),
                json.dumps(op.op), op.base_version, op.payload_json)
            for op in ops))
        return body.encode("utf-8")

    def _post(self, body: bytes) -> httpx.Response:
        return self.call("POST", p.API_PREFIX + "/sync/push", content=body,
                         headers={"Content-Type": "application/json"})

    def _send(self, ops: list[OutgoingOp]) -> httpx.Response:
        try:
            return self._post(self._body(ops))
        except BaseException as exc:
            self.store.requeue_ops([op.op_id for op in ops], str(getattr(exc, "code", exc)))
            raise

    def _deliver(self, ops: list[OutgoingOp], poisoned: set[tuple[str, str]],
                 response: httpx.Response | None = None, *, defer: bool = False) -> list[PushResult] | None:
        """Send ``ops`` (``response``: their answer, when already sent); when the server refuses
        the batch as a whole (400/413/422), bisect it until the op(s) it refuses alone are found:
        each becomes a problem with the server's reason (later ops on the same record are
        blocked behind it) and the rest is delivered. ``poisoned``: records with an op refused
        this way in this sync. ``defer``: when every op was acked, return the results for the
        caller to record instead of recording them."""
        blocked = [op for op in ops if (op.entity, op.entity_id) in poisoned]
        if blocked:
            self._refuse(blocked, "blocked", "blocked: an earlier change to this record was refused")
            ops = [op for op in ops if (op.entity, op.entity_id) not in poisoned]
            if not ops:
                return None
        if response is None:
            response = self._send(ops)
        status = response.status_code
        if status in BATCH_REFUSALS:
            if len(ops) > 1:
                half = len(ops) // 2
                self._deliver(ops[:half], poisoned)
                self._deliver(ops[half:], poisoned)
                return None
            op = ops[0]
            poisoned.add((op.entity, op.entity_id))
            self._refuse(ops, "rejected", f"{_BATCH_REASON.get(status, 'refused')}: HTTP {status}: "
                                          f"{_detail(response)}")
            return None
        if status >= 400:
            self.store.requeue_ops([op.op_id for op in ops], f"HTTP {status}")
            raise _Stop("protocol_error", f"push: HTTP {status}: {response.text[:200]}")
        return self._record(response.json(), [op.op_id for op in ops], defer=defer)

    def _refuse(self, ops: list[OutgoingOp], state: str, error: str) -> None:
        from sk_tui.store.outbox import PushResult

        result = self.result
        self.store.settle_push_results([PushResult(op.op_id, state, None, error[:500], None) for op in ops],
                                       counts=self.counts)
        result.sent += len(ops)
        result.refused += len(ops)
        field = "blocked" if state == "blocked" else "rejected"
        setattr(result, field, getattr(result, field) + len(ops))

    def _record(self, answer: dict[str, Any], ids: list[str], *, defer: bool = False) -> list[PushResult] | None:
        """Count and record the server's answers (``defer``: when all were acked, return them
        unrecorded for the caller)."""
        from sk_tui.store.outbox import PushResult

        result = self.result
        self._check_epoch(answer.get("server_epoch"))
        by_id = {r["op_id"]: r for r in answer.get("results", [])}
        missing = []
        results = []
        acked = 0
        for op_id in ids:
            r = by_id.get(op_id)
            if r is None:
                missing.append(op_id)
                continue
            status = r.get("status")
            state = _STATE_FOR.get(status, "rejected")
            error = None
            if state != "acked":
                error = f"{r.get('reason') or status}: {r.get('message_en') or r.get('message') or ''}".strip()
            results.append(PushResult(op_id, state, r.get("server_seq"), error, json.dumps(r, default=str)))
            result.sent += 1
            if status == p.APPLIED:
                result.applied += 1
                acked += 1
            elif status == p.DUPLICATE:
                result.duplicates += 1
                acked += 1
            else:
                result.refused += 1
                field = {p.CONFLICT: "conflicts", p.BLOCKED: "blocked", p.KEY_REUSED: "key_reused"}.get(
                    status, "rejected")
                setattr(result, field, getattr(result, field) + 1)
        if defer and not missing and acked == len(results):
            return results
        self.waiting.update(self.store.settle_push_results(results, missing, self.counts))
        if missing:
            raise _Stop("protocol_error", f"{len(missing)} ops without a result")
        return None

    def _check_epoch(self, epoch: str | None) -> None:
        known = self.store.server_epoch()
        if epoch and known and epoch != known:
            raise _Gone()

    # --- pull ------------------------------------------------------------------------

    def pull(self, limit: int) -> None:
        store, result, counts = self.store, self.result, self.counts
        problems = store.sync_problem_count()
        try:
            store.recheck_kept_records(counts)
            with store.pulling():
                self._pull_pages(limit, counts)
        except BaseException:
            # a first pull stopped early (offline, refused): its deferred indexes are built now,
            # so the screens read with them until the pull resumes (a kill -9 leaves them to the
            # resumed pull's last page)
            with contextlib.suppress(Exception):
                store.build_deferred_indexes()
            raise
        finally:
            # local changes a newer server copy overtook (kept as problems), beyond the kept-aside records
            result.superseded += max(0, store.sync_problem_count() - problems - counts["kept_aside"])
            result.kept_aside += counts["kept_aside"]
            result.removed += counts.get("removed", 0)
            counts["kept_aside"] = counts["removed"] = 0

    def _pull_pages(self, limit: int, counts: dict[str, int]) -> None:
        """Apply pages in order while the next one is fetched (``_Prefetch``): the store's
        cursor still moves only with a page's records, in the page's own transaction."""
        store, result = self.store, self.result
        cursor = store.pull_cursor()
        restarts = 0
        pages = 0
        while True:
            with _Prefetch(self, cursor, limit) as fetched:
                for since, response in fetched:
                    if since != cursor:  # the fetcher guessed the next cursor wrong: fetch from ours
                        break
                    with p.collector_paused():
                        page = _decode_page(response.content)
                    self._check_epoch(page.get("server_epoch"))
                    # what this user may see changed (a team joined or left, a new lead or JPT): pull
                    # everything again under the new scope, dropping what may no longer be seen
                    if store.check_scope(page.get("scope")):
                        restarts += 1
                        if restarts > 3:
                            raise _Stop("protocol_error", "the server's scope keeps changing")
                        result.rescoped = True
                        cursor = 0
                        break
                    has_more = bool(page.get("has_more"))
                    next_cursor = int(page["next_cursor"])
                    with p.collector_paused():
                        store.apply_pulled_page(page["changes"], next_cursor, counts, final=not has_more)
                    result.received += len(page["changes"])
                    pages += 1
                    if self.progress is not None:
                        self.progress(result.received, pages)
                    cursor = next_cursor
                    if not has_more:
                        return
                # the fetcher stopped where a page's head said it was the last, but the page
                # itself says more come: fetch on from our cursor


# the head of a pull page (the server writes it before the changes): where the next page starts
_HEAD_CURSOR = re.compile(rb'"next_cursor":\s*(-?\d+)')
_HEAD_MORE = re.compile(rb'"has_more":\s*(true|false)')


def _decode_page(body: bytes) -> Any:
    """A pull page decoded by pydantic-core's JSON parser (Rust: about twice json's speed). It
    refuses a lone surrogate escape that json reads; such a page is decoded by json, so the
    record holding one is kept aside as before (store/replica.py), not the page refused."""
    from pydantic_core import from_json

    try:
        return from_json(body)
    except ValueError:
        return json.loads(body)


def _page_head(body: bytes) -> tuple[bool, int]:
    """(has_more, next_cursor) of a page, read from its first bytes (the whole page is decoded
    only when they do not say): the fetching thread stays light."""
    head = body[:1024]
    more, cursor = _HEAD_MORE.search(head), _HEAD_CURSOR.search(head)
    if more is None or cursor is None:
        page = json.loads(body)
        return bool(page.get("has_more")), int(page["next_cursor"])
    return more.group(1) == b"true", int(cursor.group(1))


class _Prefetch:
    """Fetch pull pages on a thread, one page ahead of the caller: page n+1 comes over the
    wire while page n is written. Iterating yields (since, response) in order and re-raises
    the fetcher's error (``_Stop``, ``_Gone``) where its page would be.

    The thread only speaks HTTP (the session's retry rules) and reads each page's head; the
    page is decoded, checked and written on the caller's thread (work on this one would hold
    the GIL while the caller's SQLite writes wait to take it back), so every store call stays
    there and the cursor never passes a page that was not applied."""

    _DONE = object()

    def __init__(self, session: _Session, cursor: int, limit: int) -> None:
        import queue
        import threading

        self.session, self.cursor, self.limit = session, cursor, limit
        self.pages: queue.Queue[Any] = queue.Queue(maxsize=1)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="sk-tui-pull", daemon=True)

    def __enter__(self) -> _Prefetch:
        self.thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        import queue

        self.stop.set()
        # unblock a fetcher waiting to hand over a page; after an error or Ctrl-C do not wait
        # for a request in flight (the daemon thread ends when the HTTP client closes)
        deadline = time.monotonic() + (1.0 if kind is not None else 3600.0)
        while self.thread.is_alive() and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                self.pages.get(timeout=0.05)

    def __iter__(self) -> Iterator[tuple[int, httpx.Response]]:
        while True:
            item = self.pages.get()
            if item is self._DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item

    def _put(self, item: Any) -> bool:
        import queue

        while not self.stop.is_set():
            try:
                self.pages.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        session, since = self.session, self.cursor
        try:
            while not self.stop.is_set():
                response = session.call("GET", p.API_PREFIX + "/sync/pull",
                                        params={"since": since, "limit": self.limit})
                if response.status_code == 410:
                    raise _Gone()
                if response.status_code >= 400:
                    raise _Stop("protocol_error", f"pull: HTTP {response.status_code}: {response.text[:200]}")
                try:
                    has_more, following = _page_head(response.content)
                except (ValueError, KeyError, TypeError, AttributeError):
                    has_more, following = False, since  # the caller decodes it and says what is wrong
                if not self._put((since, response)) or not has_more:
                    break
                since = following
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread, raised there
            self._put(exc)
            return
        self._put(self._DONE)


class _Ahead:
    """Send a push batch on a thread while the caller writes the previous batch's answers:
    the server decides this batch meanwhile. The thread only speaks HTTP (the session's
    retry rules); the body is built, and a failure requeues the batch, on the caller's
    thread (the store's connection belongs to it). ``response`` after the block: the
    answer, or the send's error raised; None when there was no batch."""

    def __init__(self, session: _Session, ops: list[OutgoingOp]) -> None:
        import threading

        self.session, self.ops = session, ops
        self._answer: httpx.Response | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if ops:
            body = session._body(ops)
            self._thread = threading.Thread(target=self._run, args=(body,), name="sk-tui-push", daemon=True)

    def _run(self, body: bytes) -> None:
        try:
            self._answer = self.session._post(body)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread, raised there
            self._error = exc

    def __enter__(self) -> _Ahead:
        if self._thread is not None:
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self._thread is not None:
            # after an error or Ctrl-C in the block do not wait long for a request in flight:
            # the batch stays inflight and is sent again (the server dedups by op_id)
            self._thread.join(None if kind is None else 1.0)
            if kind is None and self._error is not None:
                error = self._error
                self.session.store.requeue_ops([op.op_id for op in self.ops], str(getattr(error, "code", error)))
                raise error

    @property
    def response(self) -> httpx.Response | None:
        return self._answer


def _detail(response: httpx.Response) -> str:
    """The ``detail`` of an error answer (its text when it has none), one short line."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    text = detail if isinstance(detail, str) else response.text
    return " ".join(str(text).split())[:200]


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        import email.utils

        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, (when - clock.now()).total_seconds())
        except (TypeError, ValueError):
            return None


def resolve_server(server_url: str | None, token: str | None) -> tuple[str | None, str | None]:
    """Arguments first, then the saved login, then the config's server_url."""
    saved = load_credentials() or {}
    url = server_url or saved.get("server_url")
    if not url:
        try:
            from sk_tui.config import load_config

            url = load_config().server_url
        except Exception:  # noqa: BLE001 - a bad config file only means "no server"
            url = None
    if token is None and saved.get("token") and (not server_url or
                                                 saved.get("server_url", "").rstrip("/") == server_url.rstrip("/")):
        token = saved["token"]
    return (url.rstrip("/") if url else None), token


def sync_once(
    db_path: Path,
    *,
    server_url: str | None = None,
    token: str | None = None,
    backoff: Backoff | None = None,
    max_attempts: int = 5,
    timeout: float = 30.0,
    push_batch: int = p.MAX_OPS_PER_PUSH,
    pull_limit: int = p.MAX_PULL_LIMIT,
    respect_backoff: bool = False,
    progress: Progress | None = None,
) -> SyncResult:
    """Push the outbox, then pull every page of changes; never raises for network trouble.

    ``respect_backoff``: return at once (error "backoff") while a previous failure's wait
    has not run out; the app's timer sets it, an explicit `sk-tui sync` does not.
    ``progress``: called with (records received, pages) after each pulled page is written
    (on the calling thread), so a first pull of a large workspace shows how far it is.
    """
    url, token = resolve_server(server_url, token)
    result = SyncResult(server_url=url)
    if not url or not token:
        result.error = "not_logged_in"
        return result
    db_path = Path(db_path)
    with sync_lock(db_path) as locked:
        if not locked:
            result.error = "busy"
            return result
        from sk_tui.store import Store

        store = Store.open(db_path)
        try:
            if respect_backoff:
                retry_at = store.sync_retry_at()  # never more than the cap ahead (store/replica.py)
                if retry_at is not None and clock.now() < retry_at:
                    result.error = "backoff"
                    return result
            _run(store, url, token, result, backoff or Backoff(), max_attempts, timeout, push_batch, pull_limit,
                 progress)
        finally:
            store.close()
    return result


def _run(store: Store, url: str, token: str, result: SyncResult, backoff: Backoff, max_attempts: int,
         timeout: float, push_batch: int, pull_limit: int, progress: Progress | None = None) -> None:
    import datetime as dt

    import httpx

    from sk_tui.domain.i18n import language

    # the server's own error words in the language the user reads (the CLI and the app set it)
    headers = {"Authorization": f"Bearer {token}", "User-Agent": f"sk-tui-sync/{p.PROTOCOL_VERSION}",
               "Accept-Language": language()}
    with httpx.Client(base_url=url, headers=headers,
                      timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0))) as http:
        session = _Session(store, http, result, backoff, max(1, max_attempts))
        session.progress = progress
        try:
            me = session.call("GET", p.API_PREFIX + "/me")
            if me.status_code >= 400:
                raise _Stop("protocol_error", f"me: HTTP {me.status_code}")
            who = me.json()
            result.online = True
            result.employee_id = who["employee_id"]
            mine = store.get_meta("me")
            if mine and mine != who["employee_id"] and store.employee(mine) is not None:
                raise _Stop("wrong_user", f"workspace belongs to {mine}, token to {who['employee_id']}")
            store.remember_sync_account(who["employee_id"], url)
            known = store.server_epoch()
            if known is None:
                store.remember_server_epoch(who["server_epoch"])
            elif known != who["server_epoch"]:
                result.resent += store.reset_for_new_epoch(who["server_epoch"])
            for round_ in range(2):
                try:
                    started = time.perf_counter()
                    push_failed: _Stop | None = None
                    try:
                        session.push(push_batch)
                    except _Stop as stop:
                        if stop.code != "protocol_error":
                            raise
                        push_failed = stop  # the server answers: still bring its changes
                    pushed = time.perf_counter()
                    session.pull(pull_limit)
                    if push_failed is not None:
                        raise push_failed
                    result.push_seconds += pushed - started
                    result.pull_seconds += time.perf_counter() - pushed
                    break
                except _Gone:
                    if round_:
                        raise _Stop("protocol_error", "server epoch keeps changing") from None
                    epoch = session.call("GET", p.API_PREFIX + "/health").json().get("server_epoch")
                    result.resent += store.reset_for_new_epoch(epoch)
            store.record_sync_success()
        except _Stop as stop:
            result.error = stop.code
            result.detail = stop.detail or result.detail
            result.online = stop.online and session.contacted
            failures = session.failures if stop.code in ("offline", "server_unavailable") else 0
            wait = dt.timedelta(seconds=backoff.delay(failures)) if failures else None
            store.record_sync_failure(failures, f"{stop.code}: {stop.detail}", wait)
