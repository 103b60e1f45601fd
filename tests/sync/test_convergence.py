"""Sync converges (issue 8, points 1, 2 and 5): each "tried as users would" situation of the
issue, against a real server; after a sync that ends with an empty queue every device holds
exactly the server's view for its user (tests/helpers/replica.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.clock import TODAY as DAY
from tests.helpers.replica import assert_same_as_server, replica_rows, server_view

client_only = pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)


def device(tmp_path, name, live, who):
    path = tmp_path / f"{name}.db"
    assert sync_once(path, server_url=live.url, token=live.tokens[who]).ok
    return path, Store.open(path)


def sync(live, path, who):
    return sync_once(path, server_url=live.url, token=live.tokens[who])


def team_b_history(live, tmp_path):
    """A card on team B's board and Dedi's submitted day for team B, synced: history a device
    whose cursor passed it never pulls again (a card, a report)."""
    lead2_db, lead2 = device(tmp_path, "lead2", live, "lead2")
    dedi_db, dedi = device(tmp_path, "dedi", live, "dedi")
    old_card = lead2.create_task("team-b", "Kartu lama tim B", actor_id="emp-lead2")
    report = dedi.ensure_draft("emp-dedi", DAY, team_id="team-b")
    dedi.add_activity(report.id, description="Pendampingan", minutes=120)
    dedi.submit_report(report.id, "emp-dedi")
    assert sync(live, lead2_db, "lead2").ok and sync(live, dedi_db, "dedi").ok
    return old_card, report


def converged(live, path, who, tmp_path):
    assert Store.open(path).queued_count() == 0
    assert_same_as_server(path, live.url, live.tokens[who], tmp_path)


def test_card_edited_while_a_pull_brings_a_newer_copy_converges_and_keeps_my_change(live, tmp_path):
    ani_db, ani = device(tmp_path, "ani", live, "ani")
    lead_db, lead = device(tmp_path, "lead", live, "lead")
    task = ani.create_task("team-a", "Telaah", actor_id="emp-ani")
    assert sync(live, ani_db, "ani").ok and sync(live, lead_db, "lead").ok
    lead.move_task(task.id, +1, actor_id="emp-lead")
    assert sync(live, lead_db, "lead").ok
    # Ani edits the card while her device is pulling: the page arrives after the edit was queued
    ani.update_task(task.id, actor_id="emp-ani", title="Telaah ulang")
    since = ani.pull_cursor()
    page = live.call("GET", "/v2/sync/pull", live.tokens["ani"], params={"since": since}).json()
    ani.apply_pulled_page(page["changes"], page["next_cursor"], final=True)
    card = ani.task(task.id)
    assert (card.status, card.title, card.version) == ("todo", "Telaah", 2)  # the server's copy
    [problem] = ani.sync_problems()
    assert (problem["state"], problem["payload"]["title"]) == ("conflict", "Telaah ulang")  # mine, kept
    assert "changed_on_server" in problem["last_error"]
    # reapply mine on top of the new version: one new op with the right base, applied
    ani.resolve_problem(problem["op_id"], "reapplied")
    assert [(op["base_version"], op["state"]) for op in ani.ops_for_entity(task.id)][-1] == (2, "pending")
    assert sync(live, ani_db, "ani").ok and ani.sync_problems() == []
    assert sync(live, lead_db, "lead").ok
    for store in (ani, lead):
        card = store.task(task.id)
        assert (card.status, card.title, card.version) == ("todo", "Telaah ulang", 3)
    converged(live, ani_db, "ani", tmp_path)
    converged(live, lead_db, "lead", tmp_path)


def test_a_conflict_answers_server_copy_is_applied_and_keep_theirs_restores_it(live, tmp_path):
    ani_db, ani = device(tmp_path, "ani", live, "ani")
    lead_db, lead = device(tmp_path, "lead", live, "lead")
    task = ani.create_task("team-a", "Telaah", actor_id="emp-ani")
    assert sync(live, ani_db, "ani").ok and sync(live, lead_db, "lead").ok
    ani.update_task(task.id, actor_id="emp-ani", title="Telaah ulang")
    ani.update_task(task.id, actor_id="emp-ani", description="dua kali")  # built on the first edit
    lead.move_task(task.id, +1, actor_id="emp-lead")
    assert sync(live, lead_db, "lead").ok
    clash = sync(live, ani_db, "ani")
    assert (clash.conflicts, clash.blocked, clash.ok) == (1, 1, False)
    problems = ani.sync_problems()
    assert [p["state"] for p in problems] == ["conflict", "blocked"]  # the second rode on the first
    assert ani.task(task.id).status == "todo" and ani.task(task.id).title == "Telaah"
    for p in problems:  # keep the server's
        ani.resolve_problem(p["op_id"], "dismissed")
    assert ani.sync_problems() == [] and sync(live, ani_db, "ani").ok
    converged(live, ani_db, "ani", tmp_path)


@client_only
def test_conflict_copy_is_applied_without_any_pull(live, tmp_path):
    """The push answer alone puts the server's copy back (a device whose cursor already passed it)."""
    ani_db, ani = device(tmp_path, "ani", live, "ani")
    lead_db, lead = device(tmp_path, "lead", live, "lead")
    task = ani.create_task("team-a", "Telaah", actor_id="emp-ani")
    assert sync(live, ani_db, "ani").ok and sync(live, lead_db, "lead").ok
    lead.move_task(task.id, +1, actor_id="emp-lead")
    assert sync(live, lead_db, "lead").ok
    ani.update_task(task.id, actor_id="emp-ani", title="Telaah ulang")
    # the lead's change is behind the cursor: only the conflict answer can bring it
    top = live.pull_all(live.tokens["ani"])[-1]["seq"]
    ani.set_meta("sync_cursor", str(top))
    ani.set_meta("sync_scope", live.call("GET", "/v2/sync/pull", live.tokens["ani"],
                                         params={"since": top}).json()["scope"])
    assert sync(live, ani_db, "ani").conflicts == 1
    assert (ani.task(task.id).status, ani.task(task.id).version) == ("todo", 2)


def test_one_person_two_devices_same_day_converge_and_recaps_match(live, tmp_path):
    phone_db, phone = device(tmp_path, "phone", live, "ani")
    laptop_db, laptop = device(tmp_path, "laptop", live, "ani")
    on_laptop = laptop.ensure_draft("emp-ani", DAY)
    laptop.add_activity(on_laptop.id, description="Menyusun telaah", minutes=240)
    laptop.submit_report(on_laptop.id, "emp-ani")
    on_phone = phone.ensure_draft("emp-ani", DAY)
    phone.add_activity(on_phone.id, description="Rapat koordinasi", minutes=60)
    phone.submit_report(on_phone.id, "emp-ani")
    assert sync(live, laptop_db, "ani").ok
    clash = sync(live, phone_db, "ani")
    assert clash.conflicts == 1
    # the phone now shows the server's report of that day (the laptop's), and keeps its own as a problem
    assert phone.report_for("emp-ani", DAY).id == on_laptop.id
    assert phone.report_for("emp-ani", DAY).total_minutes == 240
    month = (DAY.replace(day=1), DAY)
    assert phone.minutes_by_status("emp-ani", *month) == laptop.minutes_by_status("emp-ani", *month)
    [problem] = phone.sync_problems()
    assert [a["minutes"] for a in problem["payload"]["activities"]] == [60]
    converged(live, phone_db, "ani", tmp_path)
    # reapply: the phone's activities become the day's report, on the server's version
    phone.resolve_problem(problem["op_id"], "reapplied")
    assert sync(live, phone_db, "ani").ok and sync(live, laptop_db, "ani").ok
    for store in (phone, laptop):
        report = store.report_for("emp-ani", DAY)
        assert (report.id, report.version, report.total_minutes) == (on_laptop.id, 2, 60)
    assert phone.minutes_by_status("emp-ani", *month) == laptop.minutes_by_status("emp-ani", *month)
    converged(live, phone_db, "ani", tmp_path)
    converged(live, laptop_db, "ani", tmp_path)


@client_only
def test_a_draft_of_the_day_the_server_already_holds_is_kept_as_a_problem(live, tmp_path):
    phone_db, phone = device(tmp_path, "phone", live, "ani")
    laptop_db, laptop = device(tmp_path, "laptop", live, "ani")
    sent = laptop.ensure_draft("emp-ani", DAY)
    laptop.add_activity(sent.id, description="Menyusun telaah", minutes=240)
    laptop.submit_report(sent.id, "emp-ani")
    assert sync(live, laptop_db, "ani").ok
    draft = phone.ensure_draft("emp-ani", DAY)
    phone.add_activity(draft.id, description="Catatan di ponsel", minutes=30)
    assert not sync(live, phone_db, "ani").ok  # the draft had to give way: listed as a problem
    assert phone.report_for("emp-ani", DAY).id == sent.id
    [problem] = phone.sync_problems()
    assert problem["payload"]["activities"][0]["description"] == "Catatan di ponsel"
    converged(live, phone_db, "ani", tmp_path)


def test_a_refused_report_leaves_the_server_view_and_edit_brings_it_back_as_a_draft(live, tmp_path):
    ani_db, ani = device(tmp_path, "ani", live, "ani")
    old = dt.date(2026, 9, 1)  # outside the server's window
    report = ani.ensure_draft("emp-ani", old)
    ani.add_activity(report.id, description="Rapat lama", minutes=90)
    ani.submit_report(report.id, "emp-ani")
    task = ani.create_task("team-a", "Kartu baik", actor_id="emp-ani")
    result = sync(live, ani_db, "ani")
    assert (result.rejected, result.applied) == (1, 1)
    assert ani.report(report.id) is None and ani.task(task.id) is not None  # the server's view
    converged(live, ani_db, "ani", tmp_path)
    [problem] = ani.sync_problems()
    ani.resolve_problem(problem["op_id"], "edited")
    draft = ani.report_for("emp-ani", old)
    assert draft.status == "draft" and [a.minutes for a in ani.activities(draft.id)] == [90]
    assert ani.sync_problems() == []


def test_a_member_added_to_a_team_later_receives_its_history_and_loses_it_when_removed(live, tmp_path, seeded):
    from sk_tui.server import storage as st

    old_card, report = team_b_history(live, tmp_path)
    ani_db, ani = device(tmp_path, "ani", live, "ani")  # her cursor is past team B's history
    assert ani.task(old_card.id) is None

    def membership(role: str | None) -> None:
        db = st.ServerDB.open(seeded.url)
        try:
            if role is None:
                with db.writing() as conn:
                    conn.execute(st.memberships.delete().where(st.memberships.c.id == "m9"))
                    db.append_changes(conn, [{"entity": "membership", "entity_id": "m9", "vis": st.VIS_ALL,
                                              "data": None, "team_id": "team-b"}])
            else:
                st.load_org(db, {"membership": [{"id": "m9", "team_id": "team-b", "employee_id": "emp-ani",
                                                 "role": role}]})
        finally:
            db.close()

    membership("member")
    joined = sync(live, ani_db, "ani")
    assert joined.ok and joined.rescoped
    assert ani.task(old_card.id).title == "Kartu lama tim B"
    assert ani.report(report.id) is None  # a member does not see a teammate's report
    converged(live, ani_db, "ani", tmp_path)
    membership("lead")  # now she leads team B: the reports to review arrive
    assert sync(live, ani_db, "ani").ok
    assert [r.id for r in ani.reports_to_review("emp-ani")] == [report.id]
    converged(live, ani_db, "ani", tmp_path)
    membership(None)  # and removed: what she may no longer see goes
    left = sync(live, ani_db, "ani")
    assert left.ok and left.removed >= 2
    assert ani.task(old_card.id) is None and ani.report(report.id) is None
    converged(live, ani_db, "ani", tmp_path)
    assert replica_rows(ani_db) == server_view(live.url, live.tokens["ani"], tmp_path)


def test_becoming_a_teams_jpt_brings_its_history_and_losing_it_takes_it_away(live, tmp_path, seeded):
    """Issue 8 point 5 for the JPT: a team put under another Eselon II leader (a reorganisation)
    reaches that leader's device with its older cards and reports to verify, and leaves it again."""
    from sk_tui.server import storage as st
    from tests.helpers.live import seed_wider

    wider = seed_wider(seeded.url, "", 1)
    live.tokens = {**live.tokens, "jpt2": wider["jpt2"]}
    old_card, report = team_b_history(live, tmp_path)
    jpt2_db, jpt2 = device(tmp_path, "jpt2", live, "jpt2")  # his cursor is past team B's history
    assert jpt2.task(old_card.id) is None and jpt2.report(report.id) is None

    def answer_to(jpt_id: str) -> None:
        db = st.ServerDB.open(seeded.url)
        try:
            st.load_org(db, {"team": [{**seeded.org.team_b.model_dump(mode="json"), "jpt_id": jpt_id}]})
        finally:
            db.close()

    answer_to("emp-jpt2")
    moved = sync(live, jpt2_db, "jpt2")
    assert moved.ok and moved.rescoped
    assert jpt2.task(old_card.id).title == "Kartu lama tim B"
    assert jpt2.report(report.id) is not None  # the JPT may verify any of his teams' reports
    converged(live, jpt2_db, "jpt2", tmp_path)
    answer_to("emp-jpt")  # back to Biro Hukum's JPT: what he may no longer see goes
    back = sync(live, jpt2_db, "jpt2")
    assert back.ok and back.rescoped
    assert jpt2.task(old_card.id) is None and jpt2.report(report.id) is None
    converged(live, jpt2_db, "jpt2", tmp_path)


@client_only
def test_the_cli_lists_a_problem_with_its_id_and_resolves_it(live, cli_env, tmp_path):
    from tests.helpers.live import run_cli

    home, db = tmp_path / "home", tmp_path / "ani.db"
    assert run_cli(cli_env, "login", live.url, "--token", live.tokens["ani"], home=home).returncode == 0
    assert run_cli(cli_env, "--db", str(db), "sync", home=home).returncode == 0
    for args in (("report", "add", "--date", "2026-09-01", "--minutes", "90", "--desc", "Rapat lama"),
                 ("report", "submit", "--date", "2026-09-01")):
        assert run_cli(cli_env, "--db", str(db), *args, home=home).returncode == 0
    assert run_cli(cli_env, "--db", str(db), "sync", home=home).returncode == 1
    status = run_cli(cli_env, "--lang", "en", "--db", str(db), "status", home=home).stdout
    op_id = json.loads(run_cli(cli_env, "--db", str(db), "status", "--json", home=home).stdout)["problem_ops"][0]["op_id"]
    assert f"[{op_id[:8]}]" in status and "sk-tui resolve ID" in status
    edited = run_cli(cli_env, "--lang", "en", "--db", str(db), "resolve", op_id[:8], "edit", home=home)
    assert edited.returncode == 0 and "back as a draft" in edited.stdout, edited.stderr
    again = run_cli(cli_env, "--lang", "en", "--db", str(db), "resolve", op_id[:8], "keep", home=home)
    assert again.returncode == 1 and "not found" in again.stderr
    store = Store.open(db)
    assert store.report_for("emp-ani", dt.date(2026, 9, 1)).status == "draft" and store.sync_problems() == []
