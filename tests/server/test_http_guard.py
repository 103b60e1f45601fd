"""The server protects itself (issue 7, point 5), over real HTTP against a real server process:
authentication before the body, body and page limits, per-op rejection, rate limits, and 401 for
every shape of Authorization header."""

from __future__ import annotations

import json
import select
import socket
import uuid
from urllib.parse import urlsplit

import httpx
import pytest

PUSH = "/v2/sync/push"
ENDPOINTS = [("GET", "/v2/me"), ("GET", "/v2/sync/pull"), ("POST", PUSH)]


@pytest.fixture
def limited(start_server):
    """Start a server over the seeded database with ``SK_TUI_SERVER_LIMITS`` set."""
    return lambda spec: start_server(env={"SK_TUI_SERVER_LIMITS": spec})


def task_create(ns: str, tid: str, description: str = "") -> dict:
    return {
        "op_id": str(uuid.uuid4()), "entity": "task", "entity_id": tid, "op": "create", "base_version": 0,
        "payload": {
            "id": tid, "team_id": ns + "team-a", "title": "Menyusun draf Pergub", "description": description,
            "assignees": json.dumps([ns + "emp-ani"]), "status": "backlog", "due_date": None,
            "target_id": None, "indicator_id": None, "rank": 1.0, "version": 1, "updated_at": None,
        },
    }


# --- raw HTTP, for what httpx will not send (no body after the headers, NUL in a header) ----

def _connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def _head(path: str, headers: dict[str, bytes | str], method: str = "POST") -> bytes:
    lines = [f"{method} {path} HTTP/1.1".encode(), b"Host: 127.0.0.1"]
    for name, value in headers.items():
        lines.append(name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()))
    return b"\r\n".join(lines) + b"\r\n\r\n"


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one response; the socket's timeout bounds the wait."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    want = int(headers.get("content-length", "0"))
    while len(body) < want:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(status_line.split()[1]), headers, body


def raw_call(url: str, path: str, headers: dict[str, bytes | str], method: str = "POST") -> tuple[int, dict, bytes]:
    """Send only the request head (no body, whatever Content-Length says) and read the answer.

    A server that waited for the declared body would never answer: the socket times out."""
    with _connect(url) as sock:
        sock.sendall(_head(path, headers, method))
        return _read_response(sock)


# --- 1. authentication before the body ------------------------------------------------------

def test_push_without_a_valid_token_is_refused_before_the_body_is_read(shared):
    for auth in ({}, {"Authorization": "Bearer skt_not-a-real-token"}):
        status, headers, body = raw_call(shared.url, PUSH, {
            **auth, "Content-Type": "application/json", "Content-Length": "1000000"})
        assert status == 401, body
        assert headers["www-authenticate"] == "Bearer"
        assert json.loads(body)["detail"]


# --- 2. body limits ---------------------------------------------------------------------

def test_a_body_declared_over_the_limit_is_refused_at_once(shared):
    token = shared.tokens["ani"]
    status, _, body = raw_call(shared.url, PUSH, {
        "Authorization": f"Bearer {token}", "Content-Type": "application/json",
        "Content-Length": str(64 * 1024 * 1024)})
    assert status == 413, body
    assert "bytes" in json.loads(body)["detail"]


def test_a_streamed_body_is_refused_once_it_passes_the_limit(limited):
    server = limited("body=65536")
    token = server.tokens["ani"]
    chunk = b"x" * 16384
    framed = b"%x\r\n%s\r\n" % (len(chunk), chunk)
    cap, sent = 64 * 1024 * 1024, 0
    with _connect(server.url) as sock:
        sock.sendall(_head(PUSH, {"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                                  "Transfer-Encoding": "chunked"}))
        # keep streaming (never ending the body) until the server answers
        while sent < cap:
            readable, writable, _ = select.select([sock], [sock], [], 10)
            if readable:
                break
            assert writable, "server neither answered nor read"
            try:
                sent += sock.send(framed)
            except (BrokenPipeError, ConnectionResetError):
                break
        status, _, body = _read_response(sock)
    assert status == 413, body
    assert sent < cap  # answered while the body was still coming, not after reading it all
    # the limit is the server's only: a body under it still goes through
    ok = server.push(token, [task_create(server.ns, server.ns + "task-small")])
    assert ok.status_code == 200 and ok.json()["results"][0]["status"] == "applied"


# --- 3. per-op decisions ----------------------------------------------------------------

def test_malformed_ops_are_rejected_one_by_one_next_to_applied_ones(shared):
    ns, token = shared.ns, shared.tokens["ani"]
    good1, good2 = task_create(ns, ns + "task-good-1"), task_create(ns, ns + "task-good-2")
    no_op_id = {k: v for k, v in task_create(ns, ns + "task-no-id").items() if k != "op_id"}
    negative_base = {**task_create(ns, ns + "task-neg"), "base_version": -1}
    wrong_type = {**task_create(ns, ns + "task-wrong"), "entity_id": 12345}
    bad_payload = {**task_create(ns, ns + "task-bad-payload"), "payload": ["not", "an", "object"]}
    # an unreadable op blocks later ops on the same record, as a failed op does in the engine
    after_bad = {**task_create(ns, ns + "task-bad-payload"), "op_id": str(uuid.uuid4())}
    ops = [good1, no_op_id, negative_base, "not an op", wrong_type, bad_payload, after_bad, good2]
    response = shared.push(token, ops)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["op_id"] for r in results] == [
        good1["op_id"], "#1", negative_base["op_id"], "#3", wrong_type["op_id"], bad_payload["op_id"],
        after_bad["op_id"], good2["op_id"]]
    assert [r["status"] for r in results] == [
        "applied", "rejected", "rejected", "rejected", "rejected", "rejected", "blocked", "applied"]
    named = {1: "op_id", 2: "base_version", 3: "op", 4: "entity_id", 5: "payload"}
    for index, field in named.items():
        r = results[index]
        assert r["reason"] == "op_invalid"
        assert f"Operasi #{index} tidak valid: kolom {field} " in r["message"]
        assert f"Op #{index} is invalid: field {field} " in r["message_en"]
        assert "\n" not in r["message"] + r["message_en"]
    tasks = {c["entity_id"] for c in shared.pull_all(token) if c["entity"] == "task"}
    assert {ns + "task-good-1", ns + "task-good-2"} <= tasks
    assert not tasks & {ns + "task-no-id", ns + "task-neg", ns + "task-wrong", ns + "task-bad-payload"}


def test_text_no_database_can_store_is_rejected_per_op(shared):
    """NUL (PostgreSQL refuses it) and lone surrogates (not UTF-8) in any string of an op."""
    ns, token = shared.ns, shared.tokens["ani"]
    good = task_create(ns, ns + "task-text-ok")
    nul_id = {**task_create(ns, ns + "task-nul-id"), "op_id": "op\x00id"}
    nul_entity = {**task_create(ns, ns + "task-nul\x00")}
    nul_payload = task_create(ns, ns + "task-nul-payload", description="a\x00b")
    surrogate = task_create(ns, ns + "task-surrogate", description="SURROGATE")
    body = json.dumps({"device_id": "d", "ops": [good, nul_id, nul_entity, nul_payload, surrogate]})
    body = body.replace('"SURROGATE"', '"x\\ud800y"')  # json.dumps would not write a lone one
    response = httpx.post(shared.url + PUSH, content=body.encode(), timeout=10, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["op_id"] for r in results] == [
        good["op_id"], "#1", nul_entity["op_id"], nul_payload["op_id"], surrogate["op_id"]]
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "rejected", "rejected"]
    assert [r["message_en"].split(": ", 1)[1] for r in results[1:]] == [
        # ids must match the documented id pattern (sync/protocol.py), which a NUL never does
        "field op_id has an invalid format.", "field entity_id has an invalid format.",
        "field payload contains a NUL character.", "field payload is not valid Unicode text."]


def test_a_body_that_cannot_be_read_is_refused_whole(shared):
    token = shared.tokens["ani"]
    for body in (b"not json", b"[1, 2]", b'{"ops": {"a": 1}}', b'{"device_id": 7, "ops": []}',
                 b"[" * 100_000):
        response = httpx.post(shared.url + PUSH, content=body, timeout=10, headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        assert response.status_code == 422, (body[:30], response.text)
        assert isinstance(response.json()["detail"], str)


# --- 4. pull pages capped by bytes --------------------------------------------------------

def test_pull_pages_are_capped_by_bytes_and_still_deliver_everything(limited):
    server = limited("page=4096")
    ns = server.ns
    created = [task_create(ns, f"{ns}task-big-{i}", description="Uraian panjang. " * 60) for i in range(20)]
    assert all(r["status"] == "applied" for r in server.push(server.tokens["ani"], created).json()["results"])
    token, since, pages, seen = server.tokens["lead"], 0, 0, []
    while True:
        response = server.call("GET", "/v2/sync/pull", token, params={"since": since, "limit": 1000})
        page = response.json()
        pages += 1
        assert len(response.content) <= 4096 + 1024  # the cap, plus the page's head and one change
        assert page["changes"], "every page makes progress"
        seen += page["changes"]
        if not page["has_more"]:
            break
        assert page["next_cursor"] == page["changes"][-1]["seq"]
        since = page["next_cursor"]
    assert pages >= 5  # 20 changes of ~1 KiB each cannot fit a 4 KiB page
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(set(seqs))
    assert {c["entity_id"] for c in seen if c["entity"] == "task"} == {op["entity_id"] for op in created}
    assert page["next_cursor"] >= seqs[-1]


# --- 5. per-token rate limit ----------------------------------------------------------------

def test_a_token_over_its_rate_gets_429_with_retry_after(limited):
    server = limited("rate=0.01,burst=3")  # one request per 100 s once the burst is spent
    ani, dedi = server.tokens["ani"], server.tokens["dedi"]
    assert [server.call("GET", "/v2/me", ani).status_code for _ in range(3)] == [200, 200, 200]
    refused = server.call("GET", "/v2/me", ani)
    assert refused.status_code == 429
    assert 90 <= int(refused.headers["Retry-After"]) <= 100
    assert server.call("GET", "/v2/sync/pull", ani).status_code == 429
    # a push over the limit is refused before its body is read
    status, headers, _ = raw_call(server.url, PUSH, {"Authorization": f"Bearer {ani}",
                                                     "Content-Length": "1000000"})
    assert status == 429 and int(headers["retry-after"]) >= 1
    # the bucket is the token's own: another token is served
    assert server.call("GET", "/v2/me", dedi).status_code == 200


def test_the_bucket_refills_at_its_rate():
    from sk_tui.server.app import RateLimiter

    now = [1000.0]
    limiter = RateLimiter(rate=2.0, burst=2, clock=lambda: now[0])
    assert [limiter.wait_for("t") for _ in range(2)] == [0.0, 0.0]
    assert limiter.wait_for("t") == pytest.approx(0.5)
    now[0] += 0.5
    assert limiter.wait_for("t") == 0.0 and limiter.wait_for("t") > 0
    now[0] += 60  # a long pause refills only up to the burst
    assert [limiter.wait_for("t") for _ in range(3)][2] > 0
    assert RateLimiter(rate=0, burst=1).wait_for("t") == 0.0  # rate=0 turns limiting off


def test_default_limits_leave_room_for_the_sync_client():
    from sk_tui.server.app import Limits

    limits = Limits.from_env("")
    assert limits.body_bytes >= 500 * 32 * 1024 and limits.rate >= 50 and limits.burst >= 500
    assert Limits.from_env("body=65536,page=4096,rate=5,burst=7") == Limits(65536, 4096, 5.0, 7)
    with pytest.raises(ValueError, match="unknown limit"):
        Limits.from_env("bodyy=1")


# --- 6. Authorization headers of any shape --------------------------------------------------

MALFORMED = [
    "", "Bearer", "Bearer ", "Bearer  ", "bearer", "Basic dXNlcjpwYXNz", "Token skt_abc", "Bearer\tskt_abc",
    "Bearer " + "x" * 8000, "Bearer skt_a b", "Bearer Bearer skt_abc",
    "Bearer t\u00f6k\u00e9n".encode(), "Bearer \u4ee4\u724c".encode(), b"Bearer \xff\xfe",
]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
def test_every_malformed_authorization_is_401(shared, method, path):
    for value in MALFORMED:
        status, headers, body = raw_call(shared.url, path, {"Authorization": value, "Content-Length": "2"},
                                         method=method)
        assert status == 401, (value[:40], status, body[:200])
        assert headers["www-authenticate"] == "Bearer"
    # a real token with something glued to it is not that token
    token = shared.tokens["ani"]
    for value in (f"Bearer {token}x", f"Bearer {token} extra", f"Basic {token}"):
        assert httpx.request(method, shared.url + path, headers={"Authorization": value}).status_code == 401


def test_a_header_with_control_characters_never_reaches_the_app_as_a_500(shared):
    for value in (b"Bearer skt_\x00abc", b"Bearer \x00", b"\x00", b"Bearer skt_\x01abc", b"Bearer \x7f"):
        status, _, body = raw_call(shared.url, "/v2/me", {"Authorization": value}, method="GET")
        # the HTTP parser itself refuses NUL in a header (400); the app never sees it
        assert status in (400, 401), (value, status, body[:200])


def test_a_token_of_an_employee_who_no_longer_exists_is_401(live):
    from sk_tui.server import storage as st

    token = live.tokens["dedi"]
    assert live.call("GET", "/v2/me", token).status_code == 200
    db = st.ServerDB.open(live.db_url)
    try:
        with db.writing() as conn:
            conn.execute(st.employees.delete().where(st.employees.c.id == "emp-dedi"))
    finally:
        db.close()
    for method, path in ENDPOINTS:
        response = live.call(method, path, token, **({"json": {"ops": []}} if method == "POST" else {}))
        assert response.status_code == 401, (path, response.text)


def test_valid_token_still_works_everywhere(shared):
    token = shared.tokens["ani"]
    assert shared.call("GET", "/v2/me", token).json()["employee_id"] == shared.ns + "emp-ani"
    assert shared.call("GET", "/v2/sync/pull", token).status_code == 200
    assert shared.push(token, []).json()["results"] == []
    with httpx.Client() as client:  # lower-case scheme is still the Bearer scheme (RFC 7235)
        me = client.get(shared.url + "/v2/me", headers={"Authorization": f"bearer {token}"})
    assert me.status_code == 200
