"""Issue 10 end to end: recap inputs, the agency's policy and the official month travel from
the server to the people who may see them, and the device computes with the server's policy
(its own policy.toml changes no figure)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sk_tui.domain.models import Absence
from sk_tui.domain.policy import Policy
from sk_tui.server import admin, recap
from sk_tui.server import storage as st
from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.clock import TODAY as DAY
from tests.helpers.live import run_cli

POLICY = "negative_kind_penalty = { hukuman_disiplin = 0.10 }\n"


def sync(path: Path, live, who: str) -> None:
    result = sync_once(path, server_url=live.url, token=live.tokens[who])
    assert result.online and result.error is None, result


def server_inputs(url: str) -> None:
    """HR's side: attendance for Ani (a week of leave, one day absent), a negative event, the policy."""
    db = st.ServerDB.open(url)
    try:
        days = [("2026-11-09", "cuti"), ("2026-11-10", "cuti"), ("2026-11-11", "cuti"), ("2026-11-12", "sakit"),
                ("2026-11-13", "cuti"), ("2026-11-03", "tanpa_keterangan"), ("2026-11-04", "hadir")]
        rows = [st.row_form(Absence(id=admin.stable_id("attendance", f"emp-ani/{d}"), employee_id="emp-ani", day=d,
                                    status=s, excused=s != "tanpa_keterangan")) for d, s in days]
        admin.save_person_records(db, absences=rows)
        admin.add_negative(db, nip="199105052019032012", day="2026-11-05", kind="hukuman_disiplin",
                           reference="800/HD-01/2026")
        admin.set_policy(db, POLICY)
    finally:
        db.close()


def test_inputs_policy_and_the_closed_month_reach_the_right_devices(live, tmp_path, cli_env):
    paths = {who: tmp_path / f"{who}.db" for who in ("ani", "lead", "dedi", "lead2", "jpt")}
    for who, path in paths.items():
        sync(path, live, who)
    ani = Store.open(paths["ani"], policy=Policy(monthly_target_minutes=100, absent_day_deduction_minutes=0))
    report = ani.ensure_draft("emp-ani", DAY)
    ani.add_activity(report.id, description="Menyusun telaah Raperda", minutes=300)
    ani.submit_report(report.id, "emp-ani")
    sync(paths["ani"], live, "ani")
    sync(paths["lead"], live, "lead")
    lead = Store.open(paths["lead"])
    lead.review_report(report.id, "emp-lead", "approve")
    sync(paths["lead"], live, "lead")

    server_inputs(live.db_url)
    for who, path in paths.items():
        sync(path, live, who)

    # who sees Ani's attendance and negative event: Ani, her lead, her JPT; not a teammate, not another team's lead
    def counts(who: str) -> tuple[int, int]:
        store = Store.open(paths[who])
        try:
            return (store.scalar("SELECT COUNT(*) FROM absences WHERE employee_id = 'emp-ani'"),
                    store.scalar("SELECT COUNT(*) FROM negative_events WHERE employee_id = 'emp-ani'"))
        finally:
            store.close()

    assert counts("ani") == (7, 1) and counts("lead") == (7, 1) and counts("jpt") == (7, 1)
    assert counts("dedi") == (0, 0) and counts("lead2") == (0, 0)

    # the device's own policy (target 100, no absence deduction) changes nothing: the server's v1 counts
    mine = ani.explain("emp-ani", "2026-11")
    assert ani.agency_policy()[1] == 1 and ani.policy.negative_kind_penalty == {"hukuman_disiplin": Decimal("0.1")}
    db = st.ServerDB.open(live.db_url)
    try:
        official = next(r for r in recap.month_recap(db, "2026-11").rows if r.employee.id == "emp-ani").figures
    finally:
        db.close()
    figures = mine.figures()
    assert figures == {k: v for k, v in official.items() if k not in ("nip", "name")}
    # hand-worked: 21 working days, 5 of leave -> target 6750 x 16/21 = 36000/7 (5142.86);
    # 300 approved - 300 for the absent day = 0 effective; 1 event at its own 10%
    assert (figures["target_exact"], figures["approved"], figures["effective"]) == ("36000/7", 300, 0)
    assert (figures["excused_days"], figures["absent_days"], figures["negative_penalty"]) == (5, 1, "0.1000")
    assert figures["policy_version"] == 1 and not mine.closed
    shown = run_cli(cli_env, "--db", str(paths["ani"]), "recap", "--month", "2026-11").stdout
    assert "kebijakan v1" in shown and "800/HD-01/2026" in shown and "5.142,86" in shown

    db = st.ServerDB.open(live.db_url)
    try:
        recap.close_month(db, "2026-11")
    finally:
        db.close()
    sync(paths["ani"], live, "ani")
    closed = ani.explain("emp-ani", "2026-11")
    assert closed.closed and closed.step("official").detail["figures"]["allowance"] == official["allowance"]
    sync(paths["dedi"], live, "dedi")
    dedi = Store.open(paths["dedi"])
    assert dedi.month_close("emp-ani", "2026-11") is None and dedi.month_close("emp-dedi", "2026-11") is not None
    dedi.close()

    db = st.ServerDB.open(live.db_url)
    try:
        recap.reopen_month(db, "2026-11", "koreksi absensi")
    finally:
        db.close()
    sync(paths["ani"], live, "ani")
    assert not ani.explain("emp-ani", "2026-11").closed
    ani.close()
    lead.close()


def test_a_workspace_without_a_server_uses_its_own_policy(tmp_path):
    from tests.helpers.org import build_org

    store = Store.open(tmp_path / "solo.db", policy=Policy(monthly_target_minutes=6000))
    try:
        org = build_org(store)
        assert store.agency_policy() == (store.policy, None) and store.policy.monthly_target_minutes == 6000
        explanation = store.explain(org.ani, dt.date(2026, 11, 2))
        assert explanation.value("target") == "6000.00" and explanation.policy_version is None
    finally:
        store.close()
