"""Issue 12's story against a real server: the JPT forms a cross-unit team with a pelaksana lead
and members from another unit, the members see it after a sync, a member's 3-2 arrangement is
approved and the day past its pattern is refused, offline and on the server alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.live import run_cli, seed_wider


class Device:
    """One person's workspace driven through the CLI, as they would from a shell."""

    def __init__(self, env: dict[str, str], home: Path, url: str, token: str):
        self.env, self.home = env, home
        self.db = home / "workspace.db"
        assert self.run("login", url, "--token", token).returncode == 0
        self.sync()

    def run(self, *args: str):
        return run_cli(self.env, "--db", str(self.db), *args, home=self.home)

    def ok(self, *args: str) -> str:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr + done.stdout
        return done.stdout

    def sync(self) -> None:
        done = self.run("sync")
        assert done.returncode == 0, done.stderr + done.stdout

    def json(self, *args: str):
        return json.loads(self.ok(*args, "--json"))


@pytest.fixture
def wider(live):
    return seed_wider(live.db_url, "", 1)


def test_jpt_forms_a_cross_unit_team_and_a_dwa_pattern_governs_the_week(live, wider, cli_env, tmp_path):
    jpt = Device(cli_env, tmp_path / "jpt", live.url, live.tokens["jpt"])
    team = jpt.json("team", "create", "--name", "Tim Percepatan Perizinan", "--scope", "cross_unit",
                    "--decree", "800/Kep.45-Huk/2026", "--from", "2026-11-01", "--to", "2027-06-30")
    jpt.ok("team", "lead", team["id"], "199408082019022001")   # Fani, a pelaksana of the JPT's unit
    jpt.ok("team", "add", team["id"], "199203142018011001")    # Eko, Biro Organisasi
    added = jpt.ok("team", "add", team["id"], "198512032010121001")  # lead3, Biro Organisasi
    assert "unit lain" in added
    jpt.sync()
    assert jpt.json("status")["queued"] == 0

    eko = Device(cli_env, tmp_path / "eko", live.url, wider["eko"])
    seen = {t["id"]: t for t in eko.json("team", "list")}
    assert team["id"] in seen
    members = {m["name"]: (m["role"], m["other_unit"]) for m in seen[team["id"]]["members"]}
    assert members == {"Fani": ("lead", False), "Eko": ("member", True), "Lead3": ("member", True)}
    assert seen[team["id"]]["scope"] == "cross_unit" and seen[team["id"]]["decree_no"] == "800/Kep.45-Huk/2026"

    # Eko works from the office until an arrangement is approved
    refused = eko.run("--lang", "en", "report", "add", "--date", "2026-11-23", "--minutes", "240",
                      "--desc", "Telaah SOP", "--mode", "WFH")
    assert refused.returncode != 0 and "No approved dynamic working arrangement" in refused.stderr
    applied = eko.json("dwa", "apply", "--pattern", "3-2", "--from", "2026-11-23", "--targets", "4 SOP/bulan")
    eko.sync()
    jpt2 = Device(cli_env, tmp_path / "jpt2", live.url, wider["jpt2"])
    assert [a["id"] for a in jpt2.json("dwa", "list")] == [applied["id"]]
    jpt2.ok("dwa", "approve", applied["id"][:8])
    jpt2.sync()
    eko.sync()
    assert eko.json("dwa", "list")[0]["status"] == "approved"

    for day, mode in (("2026-11-23", "WFH"), ("2026-11-24", "WFA"), ("2026-11-25", "WFA")):
        eko.ok("report", "add", "--date", day, "--minutes", "300", "--desc", "Telaah SOP", "--mode", mode,
               "--location", "Garut")
        eko.ok("report", "submit", "--date", day)
    third_wfa = eko.run("report", "add", "--date", "2026-11-26", "--minutes", "300", "--desc", "Telaah SOP",
                        "--mode", "WFA", "--location", "Garut")
    assert third_wfa.returncode != 0 and "pola Anda (3-2) membolehkan 3" in third_wfa.stderr
    eko.ok("report", "add", "--date", "2026-11-26", "--minutes", "300", "--desc", "Rapat di Kemendagri",
           "--mode", "DL", "--location", "Kemendagri, Jakarta")  # official travel never counts
    eko.ok("report", "submit", "--date", "2026-11-26")
    eko.sync()
    assert eko.json("status")["queued"] == 0 and eko.json("status")["problems"] == 0


def test_the_server_refuses_what_the_rules_forbid(live, wider, cli_env, tmp_path):
    """Ops pushed straight at the server (an old or altered client): the same rules hold."""
    def push(who: str, *ops):
        token = live.tokens.get(who) or wider[who]
        body = live.push(token, [{"op_id": f"op-{who}-{i}-{o[0]}-{o[2]}", "entity": o[0], "entity_id": o[1],
                                  "op": o[2], "base_version": 0, "payload": o[3]} for i, o in enumerate(ops)])
        assert body.status_code == 200, body.text
        return [(r["status"], r.get("reason")) for r in body.json()["results"]]

    # a lead is not a JPT: cannot form teams; the JPT of another unit cannot form this unit's
    assert push("lead", ("team", "t-x", "create", {"name": "Tim X", "unit_id": "unit-hukum"})) == [
        ("rejected", "not_team_former")]
    assert push("jpt2", ("team", "t-y", "create", {"name": "Tim Y", "unit_id": "unit-hukum"})) == [
        ("rejected", "not_team_former")]
    # jpt2 may not touch team-a (the other JPT's), nor approve a Biro Hukum member's DWA
    assert push("jpt2", ("membership", "m-x", "create", {"team_id": "team-a", "employee_id": "emp-eko"})) == [
        ("rejected", "not_team_former")]
    assert push("fani", ("dwa", "d-fani", "apply", {"pattern": "2-3", "valid_from": "2026-11-23"})) == [
        ("rejected", "dwa_pattern_not_offered")]
    assert push("fani", ("dwa", "d-fani", "apply", {"pattern": "1-4", "valid_from": "2026-11-23"})) == [
        ("applied", None)]
    assert push("jpt2", ("dwa", "d-fani", "decide", {"decision": "approve"})) == [("rejected", "not_dwa_decider")]
    assert push("jpt", ("dwa", "d-fani", "decide", {"decision": "refuse"})) == [
        ("rejected", "dwa_refuse_needs_note")]
    # a closed team's cards are read-only
    assert push("jpt", ("team", "team-a", "close", {})) == [("applied", None)]
    assert push("lead", ("task", "t-new", "create", {"team_id": "team-a", "title": "Kartu baru"})) == [
        ("rejected", "team_closed")]
    # without an approved arrangement the server refuses a WFA day too
    report = {"work_date": "2026-11-27", "work_mode": "WFA", "location": "Garut", "team_id": "team-b",
              "activities": [{"id": "a-1", "description": "Telaah", "minutes": 60}]}
    assert push("fani", ("report", "r-fani", "submit", report)) == [("rejected", "dwa_none")]


def test_a_team_update_reaches_its_members(live, wider, cli_env, tmp_path):
    jpt = Device(cli_env, tmp_path / "jpt", live.url, live.tokens["jpt"])
    team = jpt.json("team", "create", "--name", "Tim Percepatan Perizinan", "--scope", "cross_unit",
                    "--decree", "800/Kep.45-Huk/2026", "--from", "2026-11-01", "--to", "2027-06-30")
    jpt.ok("team", "lead", team["id"], "199408082019022001")
    jpt.ok("team", "add", team["id"], "199203142018011001")    # Eko, Biro Organisasi
    jpt.sync()
    eko = Device(cli_env, tmp_path / "eko", live.url, wider["eko"])
    assert {t["id"]: t for t in eko.json("team", "list")}[team["id"]]["decree_no"] == "800/Kep.45-Huk/2026"

    jpt.ok("team", "update", team["id"][:8], "--name", "Tim Percepatan Perizinan Terpadu", "--decree",
           "800/Kep.52-Huk/2026", "--end", "2027-12-31")
    jpt.sync()
    assert jpt.json("status")["queued"] == 0 and jpt.json("status")["problems"] == 0
    eko.sync()
    seen = {t["id"]: t for t in eko.json("team", "list")}[team["id"]]
    assert (seen["name"], seen["decree_no"], seen["period_end"]) == (
        "Tim Percepatan Perizinan Terpadu", "800/Kep.52-Huk/2026", "2027-12-31")
    # a member cannot change it: refused on the device, nothing queued
    refused = eko.run("--lang", "en", "team", "update", team["id"][:8], "--name", "Tim Eko")
    assert refused.returncode != 0 and "Only the Eselon II leader" in refused.stderr
    assert eko.json("status")["queued"] == 0
