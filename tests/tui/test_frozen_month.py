"""Issue 10 (rest) point 3: a closed month shows the steps HR froze (the snapshot synced down),
with "bulan ditutup" and the policy version, on the targets explanation and `sk-tui recap`; an
input that changes after the close (a leave day imported late) changes nothing on the device."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from sk_tui.domain.models import Absence
from sk_tui.store import Store
from tests.helpers.app import make_app
from tests.helpers.live import run_cli
from tests.tui.test_explain import _inputs, _text


def _close_as_the_server_would(path, org) -> dict:
    """The month_close record a pull brings after `server close-month`: the figures computed
    from the same inputs (the server's are the same: tests/sync/test_official_month.py)."""
    store = Store.open(path)
    try:
        figures = {"nip": org.ani.nip, "name": org.ani.name, **store.explain(org.ani, "2026-11").figures(),
                   "policy_version": 4}
        store.apply_pulled_page([{"seq": 1, "entity": "month_close", "entity_id": "close-ani-2026-11", "data": {
            "id": "close-ani-2026-11", "employee_id": org.ani.id, "month": "2026-11", "policy_version": 4,
            "hash": "ab" * 32, "figures": figures, "closed_at": "2026-12-01"}}], 1)
        # after the close, two more leave days arrive: the preview would lower the target
        store.save_models([Absence(employee_id=org.ani.id, day=dt.date(2026, 11, d), status="sakit", excused=True)
                           for d in (16, 17)])
        assert store.month_target(org.ani, "2026-11") == Fraction(6750 * 17, 21)
        return figures
    finally:
        store.close()


async def test_a_closed_month_shows_the_frozen_steps_after_an_input_changes(workspace, cli_env):
    path, org, _ids = workspace
    _inputs(path, org)  # 2 cuti days, 1 absent day, 1 negative event
    frozen = _close_as_the_server_would(path, org)
    # hand-worked: 21 working days, 2 of leave -> 6750 x 19/21 = 42750/7 = 6107.14 (4 leave days: 5464.29)
    assert (frozen["target_exact"], frozen["excused_days"], frozen["absent_days"]) == ("42750/7", 2, 1)
    store = Store.open(path)
    try:
        explained = store.explain(org.ani, "2026-11")
        assert explained.closed and explained.policy_version == 4
        assert {k: v for k, v in explained.figures().items() if k != "warnings"} == {
            k: v for k, v in frozen.items() if k not in ("nip", "name", "warnings")}
    finally:
        store.close()
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "r")
        await pilot.pause()
        shown = _text(app)
        assert "2 hari, target" in shown and "6.107,14 menit" in shown and "5.464,29" not in shown
        assert "bulan ditutup (angka resmi) · kebijakan v4" in shown
    out = run_cli(cli_env, "--db", str(path), "--lang", "en", "recap", "--month", "2026-11")
    assert out.returncode == 0, out.stderr
    assert "2 days, target" in out.stdout and "6,107.14 min" in out.stdout and "5,464.29" not in out.stdout
    assert "month closed (official figure) · policy v4" in out.stdout
