"""The server's own error words (401, 413, 422 ...) follow Accept-Language, and give both
languages when the reader named neither; refusals of ops carry a stable ``reason`` code that
the client puts into words (tests/tui/test_one_language.py)."""

from __future__ import annotations

import httpx
import pytest

CASES = {
    "id": "token tidak dikenal atau sudah dicabut",
    "id-ID,id;q=0.9,en;q=0.5": "token tidak dikenal atau sudah dicabut",
    "en-US": "unknown or revoked token",
    None: "token tidak dikenal atau sudah dicabut / unknown or revoked token",
}


@pytest.mark.parametrize("accept", CASES, ids=lambda a: a or "none")
def test_an_unknown_token_is_refused_in_the_readers_language(live, accept):
    headers = {"Authorization": "Bearer skt_not_a_token"}
    if accept:
        headers["Accept-Language"] = accept
    response = httpx.get(live.url + "/v2/me", headers=headers, timeout=10)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": CASES[accept]}


def test_a_body_over_the_limit_says_so_in_indonesian(live):
    response = httpx.post(live.url + "/v2/sync/push", content=b"{" * 100,
                          headers={"Authorization": f"Bearer {live.tokens['ani']}", "Accept-Language": "id",
                                   "Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 422
    assert response.json() == {"detail": "isi permintaan bukan JSON"}
