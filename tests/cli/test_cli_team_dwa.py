"""`sk-tui team ...` and `sk-tui dwa ...` on a workspace: forming teams (JPT only), other-unit
members marked, DWA applications decided by the unit's JPT, and the DWA output report."""

from __future__ import annotations

import csv
import io
import json

from sk_tui.domain.models import Employee, Unit
from tests.helpers.app import seed_workspace
from tests.helpers.cli import Workspace


def _other_unit(ws: Workspace) -> list[Employee]:
    unit = Unit(id="unit-org", code="ORG", name="Biro Organisasi")
    people = [
        Employee(id="emp-eko", nip="199203142018011003", name="Eko Prasetyo", position_kind="pelaksana",
                 unit_id=unit.id),
        Employee(id="emp-sri", nip="198512032010122002", name="Sri Wahyuni, S.E.", position_kind="jf",
                 unit_id=unit.id),
    ]
    store = ws.store()
    store.save_models([unit, *people])
    store.close()
    return people


def test_the_jpt_forms_a_cross_unit_team_from_the_shell(ws: Workspace, capsys):
    eko, sri = _other_unit(ws)
    ws.act_as(ws.org.jpt.id)
    made = json.loads(ws.in_process("team", "create", "--name", "Tim Percepatan Perizinan", "--scope", "cross_unit",
                                    "--decree", "800/Kep.45-Huk/2026", "--from", "2026-11-01", "--to",
                                    "2027-06-30", "--json", capsys=capsys).out)
    team = made["id"]
    assert ws.in_process("team", "lead", team[:8], ws.org.lead2.nip, capsys=capsys).code == 0  # a pelaksana
    added = ws.in_process("team", "add", team[:8], eko.nip, capsys=capsys)
    assert added.code == 0 and "(unit lain)" in added.out
    assert ws.in_process("team", "add", team[:8], sri.nip, capsys=capsys).code == 0
    again = ws.in_process("--lang", "en", "team", "add", team[:8], sri.nip, capsys=capsys)
    assert again.code != 0 and "already on this team" in again.err
    listed = {t["id"]: t for t in json.loads(ws.in_process("team", "list", "--json", capsys=capsys).out)}
    members = {m["name"]: (m["role"], m["other_unit"]) for m in listed[team]["members"]}
    assert members == {"Asep Saepudin": ("lead", False), "Eko Prasetyo": ("member", True),
                       "Sri Wahyuni, S.E.": ("member", True)}
    table = ws.in_process("team", "list", capsys=capsys).out
    row = next(line for line in table.splitlines() if "Tim Percepatan Perizinan" in line)
    assert "Lintas PD" in row and "3 (2 unit lain)" in row and "800/Kep.45-Huk/2026" in row
    queued = [(op.entity, op.op) for op in ws.store().next_push_batch(50)]
    assert queued == [("team", "create"), ("team", "lead"), ("membership", "create"), ("membership", "create")]
    # a member is not a JPT: refused, nothing queued
    ws.act_as(ws.org.ani.id)
    refused = ws.in_process("team", "create", "--name", "Tim Bayangan", capsys=capsys)
    assert refused.code != 0 and "Hanya pimpinan unit (JPT)" in refused.err
    closed = ws.in_process("--lang", "en", "team", "close", team[:8], capsys=capsys)
    assert closed.code != 0
    # the JPT closes it: its cards turn read-only
    ws.act_as(ws.org.jpt.id)
    assert "Tim ditutup" in ws.in_process("team", "close", team[:8], capsys=capsys).out
    ws.act_as(ws.org.lead2.id)
    late = ws.in_process("task", "add", "--team", team, "--title", "Kartu baru", capsys=capsys)
    assert late.code != 0 and "sudah ditutup" in late.err


def test_dwa_apply_decide_and_the_output_report(ws: Workspace, capsys):
    seed_workspace(ws.store(), ws.org)
    ws.act_as(ws.org.dedi.id)
    applied = json.loads(ws.in_process("dwa", "apply", "--pattern", "3-2", "--from", "2026-12-01",
                                       "--targets", "4 unggahan JDIH/minggu", "--json", capsys=capsys).out)
    wrong = ws.in_process("--lang", "en", "dwa", "apply", "--pattern", "2-3", "--from", "2026-12-01",
                          capsys=capsys)
    assert wrong.code != 0 and "does not offer DWA pattern 2-3" in wrong.err
    ws.act_as(ws.org.lead.id)  # a lead is not the unit's JPT
    assert ws.in_process("dwa", "approve", applied["id"][:8], capsys=capsys).code != 0
    ws.act_as(ws.org.jpt.id)
    no_note = ws.in_process("dwa", "refuse", applied["id"][:8], "--note", " ", capsys=capsys)
    assert no_note.code != 0
    assert "disetujui" in ws.in_process("dwa", "approve", applied["id"][:8], capsys=capsys).out
    listed = ws.in_process("dwa", "list", capsys=capsys).out
    assert "3-2" in listed and "disetujui" in listed
    out = ws.in_process("dwa", "report", "--month", "2026-11", "--format", "csv", capsys=capsys).out
    rows = list(csv.DictReader(io.StringIO(out)))
    unit_nov = [r for r in rows if r["level"] == "unit" and r["month"] == "2026-11"]
    # Ani's approved November: every day WFO in the seeded history, 300-345 minutes a day
    assert [r["mode"] for r in unit_nov] == ["WFO"]
    assert int(unit_nov[0]["days"]) > 10 and 300 <= float(unit_nov[0]["minutes_per_day"]) <= 345
    assert {r["month"] for r in rows} <= {"2026-09", "2026-10", "2026-11"}
    table = ws.in_process("dwa", "report", "--month", "2026-11", capsys=capsys).out
    assert "Menit/hari" in table and "WFO" in table and "█" in table


def test_the_jpt_updates_a_team_and_nobody_else_may(ws: Workspace, capsys):
    ws.act_as(ws.org.jpt.id)
    team = ws.org.team_b
    done = ws.in_process("team", "update", team.id[:8], "--decree", "800/Kep.52-Huk/2026", "--end", "2027-12-31",
                         "--scope", "cross_agency", capsys=capsys)
    assert done.code == 0 and "Tim diubah" in done.out
    listed = {t["id"]: t for t in json.loads(ws.in_process("team", "list", "--json", capsys=capsys).out)}
    changed = listed[team.id]
    assert (changed["decree_no"], changed["period_end"], changed["scope"], changed["name"]) == (
        "800/Kep.52-Huk/2026", "2027-12-31", "cross_agency", team.name)
    queued = [(op.entity, op.op, json.loads(op.payload_json)) for op in ws.store().next_push_batch(50)]
    assert queued == [("team", "update", {"decree_no": "800/Kep.52-Huk/2026", "period_end": "2027-12-31",
                                          "scope": "cross_agency"})]
    renamed = json.loads(ws.in_process("--lang", "en", "team", "update", team.id[:8], "--name", "Tim Advokasi",
                                       "--json", capsys=capsys).out)
    assert renamed["name"] == "Tim Advokasi"
    nothing = ws.in_process("--lang", "en", "team", "update", team.id[:8], capsys=capsys)
    assert nothing.code != 0 and "Say what changes" in nothing.err
    backwards = ws.in_process("team", "update", team.id[:8], "--start", "2028-01-01", capsys=capsys)
    assert backwards.code != 0  # the period would end before it starts: refused, nothing queued
    # the team's own lead is not the JPT: refused, nothing more queued
    ws.act_as(ws.org.lead2.id)
    refused = ws.in_process("team", "update", team.id[:8], "--name", "Tim Saya", capsys=capsys)
    assert refused.code != 0 and "Hanya pimpinan unit (JPT)" in refused.err
    assert len(ws.store().next_push_batch(50)) == 2
