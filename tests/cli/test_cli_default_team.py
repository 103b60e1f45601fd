"""Issue 10 (rest) point 1: a member on two teams chooses a default team (`sk-tui team default`);
`report add` without --team sends an unlinked activity there, and the choice survives restarts."""

from __future__ import annotations

import datetime as dt

from tests.helpers.cli import Workspace


def _teams_of_the_day(ws: Workspace) -> list[tuple[str, str]]:
    store = ws.store()
    try:
        report = store.report_for(ws.org.dedi.id, dt.date(2026, 11, 26))
        return [(a.description, a.team_id) for a in store.activities(report.id)]
    finally:
        store.close()


def test_report_add_without_team_uses_the_chosen_default_team(ws: Workspace, capsys):
    org = ws.org
    ws.act_as(org.dedi.id)
    auto = ws.run("team", "default")  # a real process: nothing chosen yet
    assert auto.code == 0 and auto.out.strip() == (
        f"Tim bawaan: {org.team_a.name} ({org.team_a.id[:8]}), otomatis (tim pertama yang tidak Anda ketuai).")
    add = ("report", "add", "--date", "2026-11-26", "--minutes", "60")
    assert ws.in_process(*add, "--desc", "Sebelum memilih", capsys=capsys).code == 0
    chosen = ws.run("--lang", "en", "team", "default", org.team_b.name)  # by name or id, like report add --team
    assert chosen.code == 0, chosen.err
    assert chosen.out.strip() == f"Default team: {org.team_b.name} ({org.team_b.id[:8]}), your choice."
    # another process, later: the choice was kept in the workspace
    assert ws.in_process(*add, "--desc", "Sesudah memilih", capsys=capsys).code == 0
    assert ws.in_process(*add, "--desc", "Tetap tim A", "--team", org.team_a.id, capsys=capsys).code == 0
    assert _teams_of_the_day(ws) == [("Sebelum memilih", org.team_a.id), ("Sesudah memilih", org.team_b.id),
                                             ("Tetap tim A", org.team_a.id)]
    refused = ws.run("team", "default", "Tim Lain")
    assert refused.code == 1 and "anggota tim" in refused.err and "Traceback" not in refused.err
    cleared = ws.run("team", "default", "--clear")
    assert cleared.code == 0 and "otomatis" in cleared.out and org.team_a.name in cleared.out


def test_team_default_is_listed_in_help_in_both_languages(ws: Workspace):
    assert "tim bawaan saya" in ws.run("team", "--help").out
    assert "my default team" in ws.run("--lang", "en", "team", "--help").out
