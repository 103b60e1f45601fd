"""Headless daily reporting, review and recap through the real `sk-tui` command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest


def test_add_then_submit_then_status_shows_one_queued_op(ws):
    added = ws.ok("report", "add", "--minutes", "90", "--desc", "Menyusun telaah hukum", "--json")
    body = json.loads(added.out)
    assert body["activity"]["minutes"] == 90 and body["activity"]["description"] == "Menyusun telaah hukum"
    assert body["report"]["status"] == "draft" and body["report"]["work_date"] == "2026-11-27"

    submitted = ws.ok("report", "submit")
    assert "2026-11-27" in submitted.out and "diajukan" in submitted.out

    status = json.loads(ws.ok("status", "--json").out)
    assert {"queued", "problems", "last_sync"} <= set(status)
    assert status["queued"] == 1 and status["problems"] == 0 and status["last_sync"] is None


def test_add_in_plain_text_in_both_languages_warns_over_660(ws, capsys):
    out = ws.in_process("report", "add", "--minutes", "400", "--desc", "Rapat", "--mode", "WFA", "--location",
                        "Garut", capsys=capsys).out
    assert "400 menit" in out
    out = ws.in_process("--lang", "en", "report", "add", "--minutes", "300", "--desc", "Telaah",
                        capsys=capsys).out
    assert "day total 700" in out and "over 660" in out  # warned, not refused
    store = ws.store()
    report = store.report_for(ws.org.ani.id, dt.date(2026, 11, 27))
    assert (report.work_mode.value, report.location, report.total_minutes) == ("WFA", "Garut", 700)
    store.close()


def test_report_list_json(ws, capsys):
    ws.in_process("report", "add", "--date", "2026-11-26", "--minutes", "120", "--desc", "Telaah", "--indicator",
                  ws.org.indicator.id, "--volume", "2", "--unit", "dokumen", capsys=capsys)
    ws.in_process("report", "submit", "--date", "2026-11-26", capsys=capsys)
    ws.in_process("report", "add", "--minutes", "60", "--desc", "Rapat koordinasi", "--mode", "WFH",
                  capsys=capsys)
    listed = json.loads(ws.ok("report", "list", "--json").out)
    assert [(r["work_date"], r["status"], r["total_minutes"], r["activities"], r["late"]) for r in listed] == [
        ("2026-11-26", "submitted", 120, 1, False), ("2026-11-27", "draft", 60, 1, False)]
    assert listed[1]["work_mode"] == "WFH"
    assert json.loads(ws.in_process("report", "list", "--month", "2026-10", "--json", capsys=capsys).out) == []
    table = ws.in_process("report", "list", capsys=capsys).out
    assert "2026-11-26  diajukan" in table and "2026-11-27  draf" in table and "120" in table
    table_en = ws.in_process("--lang", "en", "report", "list", capsys=capsys).out
    assert "2026-11-26  submitted" in table_en and "2026-11-27  draft" in table_en


def submitted_today(ws, minutes=300):
    store = ws.store()
    report = store.ensure_draft(ws.org.ani.id, dt.date(2026, 11, 27))
    store.add_activity(report.id, description="Menyusun rancangan Pergub", minutes=minutes)
    store.submit_report(report.id, ws.org.ani.id)
    store.close()
    return report.id


def test_review_approve_as_the_lead(ws, capsys):
    report_id = submitted_today(ws)
    ws.act_as(ws.org.lead.id)
    [waiting] = json.loads(ws.in_process("review", "list", "--json", capsys=capsys).out)
    assert waiting["id"] == report_id and waiting["author"] == ws.org.ani.name
    out = ws.ok("review", "approve", report_id[:8]).out
    assert "disetujui" in out
    ws.act_as(ws.org.ani.id)
    listed = json.loads(ws.in_process("report", "list", "--json", capsys=capsys).out)
    assert [(r["id"], r["status"]) for r in listed] == [(report_id, "approved")]
    assert json.loads(ws.in_process("status", "--json", capsys=capsys).out)["queued"] == 2  # submit + decision


def test_review_return_as_the_lead_needs_a_note(ws, capsys):
    report_id = submitted_today(ws)
    ws.act_as(ws.org.lead.id)
    before = ws.dump()
    refused = ws.run("review", "return", report_id)
    assert refused.code != 0 and len(refused.err_lines) == 1 and "catatan" in refused.err
    assert ws.dump() == before
    back = json.loads(ws.ok("review", "return", report_id, "--note", "Lengkapi bukti dukung", "--json").out)
    assert back["decision"] == "return" and back["note"] == "Lengkapi bukti dukung"
    assert json.loads(ws.in_process("review", "list", "--json", capsys=capsys).out) == []
    ws.act_as(ws.org.ani.id)
    [mine] = json.loads(ws.in_process("report", "list", "--json", capsys=capsys).out)
    assert mine["status"] == "returned" and mine["review_note"] == "Lengkapi bukti dukung"
    # a returned report is the author's to fix and send again
    assert ws.in_process("report", "add", "--minutes", "30", "--desc", "Bukti dilampirkan", capsys=capsys).code == 0
    assert ws.in_process("report", "submit", capsys=capsys).code == 0


def test_a_lead_of_another_team_cannot_approve(ws, capsys):
    report_id = submitted_today(ws)
    ws.act_as(ws.org.lead2.id)
    assert json.loads(ws.in_process("review", "list", "--json", capsys=capsys).out) == []
    before = ws.dump()
    refused = ws.run("review", "approve", report_id)
    assert refused.code != 0 and len(refused.err_lines) == 1
    assert "ketua tim" in refused.err and "Traceback" not in refused.err
    assert ws.dump() == before


def test_recap_csv_and_json(ws, capsys):
    report_id = submitted_today(ws)
    store = ws.store()
    store.review_report(report_id, ws.org.lead.id, "approve")
    store.close()
    [row] = json.loads(ws.ok("recap", "--month", "2026-11", "--format", "json").out)
    # 300 of 6750 minutes: base 0.0444; 4,595,000 x 300/6750 = 204,222.2 -> Rp 204,222
    assert (row["nip"], row["approved"], row["target"], row["target_exact"]) == (ws.org.ani.nip, 300, "6750.00", "6750")
    assert (row["base"], row["achievement"], row["allowance"]) == ("0.0444", "0.0444", 204_222)
    rows = list(csv.DictReader(io.StringIO(ws.ok("recap", "--month", "2026-11", "--format", "csv").out)))
    assert len(rows) == 1 and rows[0]["allowance"] == "204222" and rows[0]["name"] == ws.org.ani.name
    assert rows[0]["nip"] == ws.org.ani.nip  # the full 18 digits, not a float
    team = json.loads(ws.in_process("recap", "--month", "2026-11", "--team", ws.org.team_a.id, "--format",
                                    "json", capsys=capsys).out)
    assert {r["nip"] for r in team} == {ws.org.lead.nip, ws.org.ani.nip, ws.org.dedi.nip}
    assert "Rp 204.222" in ws.in_process("recap", "--month", "2026-11", capsys=capsys).out
    one = json.loads(ws.in_process("recap", "--month", "2026-11", "--nip", ws.org.ani.nip, "--format", "json",
                                   capsys=capsys).out)
    assert one == [row]


def test_help_of_the_console_script(ws):
    result = ws.run("--help")
    assert result.code == 0 and "pemakaian: sk-tui" in result.out and "report" in result.out


def all_commands():
    from sk_tui.cli import build_parser

    def walk(parser, prefix):
        yield prefix
        for action in parser._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                for name, sub in action.choices.items():
                    yield from walk(sub, [*prefix, name])

    return list(walk(build_parser(), []))


@pytest.mark.parametrize("command", all_commands(), ids=lambda c: " ".join(c) or "sk-tui")
def test_every_command_has_help(ws, command, capsys):
    result = ws.in_process(*command, "--help", capsys=capsys)
    assert result.code == 0, result.err
    assert "pemakaian: sk-tui" in result.out


def test_a_member_on_two_teams_files_one_day_and_each_lead_decides_their_part(ws, capsys):
    org = ws.org
    ws.act_as(org.dedi.id)
    for minutes, desc, team in (("120", "Menyusun telaah Pergub", org.team_a.id),
                                ("60", "Pendampingan perkara", org.team_b.name)):  # an id or a team name
        assert ws.in_process("report", "add", "--date", "2026-11-26", "--minutes", minutes, "--desc", desc,
                             "--team", team, capsys=capsys).code == 0
    refused = ws.in_process("report", "add", "--minutes", "10", "--desc", "x", "--team", "Tim Lain", capsys=capsys)
    assert refused.code != 0 and "anggota tim" in refused.err
    ws.in_process("report", "submit", "--date", "2026-11-26", capsys=capsys)

    ws.act_as(org.lead2.id)
    (listed,) = json.loads(ws.in_process("review", "list", "--json", capsys=capsys).out)
    assert [(a["description"], a["team_id"]) for a in listed["activities"]] == [("Pendampingan perkara",
                                                                                 org.team_b.id)]
    assert listed["minutes"] == 60
    table = ws.in_process("review", "list", capsys=capsys).out
    assert org.team_b.name in table and "60 menit" in table and org.team_a.name not in table
    returned = ws.in_process("review", "return", listed["id"][:8], "--note", "Lampirkan SKK", capsys=capsys)
    assert returned.code == 0

    ws.act_as(org.lead.id)
    (listed,) = json.loads(ws.in_process("review", "list", "--json", capsys=capsys).out)
    assert [a["minutes"] for a in listed["activities"]] == [120]
    assert ws.in_process("review", "approve", listed["id"][:8], capsys=capsys).code == 0
    store = ws.store()
    try:
        report = store.require_report(listed["id"])
        assert (report.status.value, report.approved_minutes) == ("returned", 120)
    finally:
        store.close()
