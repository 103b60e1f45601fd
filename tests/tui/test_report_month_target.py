"""Issue 10 (rest) point 6: the report screen's month target is the recap's: whole days of leave
(cuti/sakit, `target_reducing_statuses`) lower it, absent days without leave do not."""

from __future__ import annotations

import datetime as dt

from sk_tui.domain.models import Absence
from sk_tui.store import Store
from tests.helpers.app import make_app


async def _target_line(path) -> str:
    app = make_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        return str(app.screen.query_one("#report-totals").render())


async def test_leave_days_lower_the_report_screens_month_target(workspace):
    path, org, _ids = workspace
    assert "target 6.750" in await _target_line(path)  # November 2026: 21 working days, 6,750 minutes
    store = Store.open(path)
    try:
        store.save_models([
            *[Absence(employee_id=org.ani.id, day=dt.date(2026, 11, d), status="cuti", excused=True) for d in (9, 10)],
            Absence(employee_id=org.ani.id, day=dt.date(2026, 11, 11), status="sakit", excused=True),
            Absence(employee_id=org.ani.id, day=dt.date(2026, 11, 3), status="tanpa_keterangan"),
            Absence(employee_id=org.ani.id, day=dt.date(2026, 11, 4), status="izin"),
        ])
        # 6,750 x (21 - 3) / 21 = 5,785.71...: the same figure as the recap's target step
        assert store.explain(org.ani, "2026-11").value("target") == "5785.71"
    finally:
        store.close()
    assert "target 5.786" in await _target_line(path)
