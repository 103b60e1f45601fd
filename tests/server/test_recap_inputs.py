"""Issue 10: the recap's inputs through `sk-tui server import` (attendance, negative events, SKP,
employees' post dates and job class), `server negative add`, the agency's policy, and the
official month (server recap, close-month, reopen-month), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from sk_tui.domain.errors import DomainError
from sk_tui.server import admin, recap
from sk_tui.server import storage as st
from tests.helpers.live import run_cli
from tests.server.test_admin import EMPLOYEES, write_csvs

ANI, RINA, HENDRA = "199105052019032012", "198301222008012005", "197204151998031002"
PPPK = "198503152021212001"  # an NI PPPK: "21" where a PNS NIP has the appointment month

ATTENDANCE = (
    "nip,date,status\n"
    f"{ANI},2026-11-02,hadir\n"
    f"{ANI},2026-11-03,tanpa_keterangan\n"
    f"{ANI},2026-11-09,cuti\n"
    f"{ANI},2026-11-10,cuti\n"
    f"{ANI},2026-11-11,sakit\n"
    f"{ANI},2026-11-12,izin\n"
    f"{ANI},2026-11-13,dinas_luar\n"
)
NEGATIVES = f"nip,date,kind,reference\n{ANI},2026-11-05,hukuman_disiplin,800/HD-01/2026\n"
PLANS = f"id,nip,period_start,period_end\nskp-ani,{ANI},2026-01-01,2026-12-31\nskp-rina,{RINA},2026-01-01,2026-12-31\n"
TARGETS = ("id,plan,text,parent,team\nrhk-rina,skp-rina,Produk hukum tersusun,,tim-ph\n"
           "rhk-ani,skp-ani,Rancangan Pergub tersusun,rhk-rina,tim-ph\n")
INDICATORS = "id,target,text,target_value,unit\niki-ani,rhk-ani,Jumlah rancangan Pergub,12,dokumen\n"
POLICY = """
negative_kind_penalty = { hukuman_disiplin = 0.10 }
"""


def org(tmp_path: Path, employees: str = EMPLOYEES) -> dict[str, Path]:
    folder = write_csvs(tmp_path / "org", employees=employees)
    for name, text in (("attendance", ATTENDANCE), ("negative_events", NEGATIVES), ("plans", PLANS),
                       ("targets", TARGETS), ("indicators", INDICATORS)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return {name: folder / f"{name}.csv" for name in admin.CSV_FILES}


def log_size(db: st.ServerDB) -> int:
    with db.reading() as conn:
        return db.last_seq(conn)


@pytest.fixture
def db(server_db):
    opened = st.ServerDB.open(server_db)
    yield opened
    opened.close()


def test_everything_imports_and_a_reimport_changes_nothing(db, tmp_path):
    files = org(tmp_path)
    counts = admin.import_csv(db, files)
    assert counts["attendance"] == 7 and counts["negative_events"] == 1
    assert (counts["plans"], counts["targets"], counts["indicators"]) == (2, 2, 1)
    before = log_size(db)
    with db.reading() as conn:
        rows = conn.execute(select(st.attendance.c.day, st.attendance.c.status)).all()
    assert len(rows) == 7
    admin.import_csv(db, {k: files[k] for k in ("attendance", "negative_events")})
    assert log_size(db) == before  # the same rows again: nothing new stored, nothing logged
    with db.reading() as conn:
        assert conn.execute(select(st.attendance.c.id)).all().__len__() == 7
        assert conn.execute(select(st.negative_events.c.id)).all().__len__() == 1
        parent = json.loads(conn.execute(select(st.targets.c.data).where(st.targets.c.id == "rhk-ani")).scalar_one())
    assert parent["parent_id"] == "rhk-rina"


def test_a_corrected_day_replaces_the_old_status(db, tmp_path):
    files = org(tmp_path)
    admin.import_csv(db, files)
    files["attendance"].write_text(f"nip,date,status\n{ANI},2026-11-03,hadir\n", encoding="utf-8")
    admin.import_csv(db, {"attendance": files["attendance"]})
    with db.reading() as conn:
        status = conn.execute(select(st.attendance.c.status).where(st.attendance.c.day == "2026-11-03")).scalar_one()
    assert status == "hadir"


def test_bad_rows_are_named_by_file_and_line_and_nothing_is_imported(db, tmp_path):
    files = org(tmp_path)
    admin.import_csv(db, {k: files[k] for k in ("units", "employees", "teams", "memberships")})
    files["attendance"].write_text(
        f"nip,date,status\n{ANI},2026-11-02,hadir\n{ANI},2026-11-03,bolos\n{ANI},2026-11-31,cuti\n"
        f"199901012020011001,2026-11-04,cuti\n{ANI},2026-11-02,sakit\n", encoding="utf-8")
    files["negative_events"].write_text(f"nip,date,kind,reference\n{ANI},2026-11-05,,X\n", encoding="utf-8")
    before = log_size(db)
    with pytest.raises(admin.CsvImportError) as caught:
        admin.import_csv(db, {k: files[k] for k in ("attendance", "negative_events")})
    problems = caught.value.problems
    at = str(files["attendance"])
    assert problems[0].startswith(f"{at}:3:") and "bolos" in problems[0]
    assert problems[1].startswith(f"{at}:4:")  # 31 November
    assert problems[2].startswith(f"{at}:5:") and "Unknown NIP" in problems[2]
    assert problems[3].startswith(f"{at}:6:") and "line 2" in problems[3]  # the same day twice
    assert problems[4].startswith(f"{files['negative_events']}:2:") and "kind" in problems[4]
    assert log_size(db) == before
    with db.reading() as conn:
        assert conn.execute(select(st.attendance.c.id)).first() is None  # line 2 was fine, yet not kept


def test_a_missing_or_unknown_job_class_is_an_import_error(db, tmp_path):
    employees = EMPLOYEES + f"{PPPK},Siti PPPK,pelaksana,BH,,,,\n" + "198801012010011001,Budi,pelaksana,BH,,,18,\n"
    files = org(tmp_path, employees=employees)
    with pytest.raises(admin.CsvImportError) as caught:
        admin.import_csv(db, {k: files[k] for k in ("units", "employees")})
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in caught.value.problems] == ["5", "6"]
    assert "The job_class column is required" in caught.value.problems[0]
    assert "'18' is not in the policy's ceiling table" in caught.value.problems[1]


def test_a_pppk_number_and_post_dates_import(db, tmp_path):
    employees = ("nip,name,position_kind,unit,job_class,post_start,post_end\n"
                 f"{PPPK},Siti Rahmawati,pelaksana,BH,7,2026-11-16,\n")
    files = org(tmp_path, employees=employees)
    admin.import_csv(db, {k: files[k] for k in ("units", "employees")})
    [row] = recap.month_recap(db, "2026-11").rows
    assert row.employee.nip == PPPK and row.employee.post_start.isoformat() == "2026-11-16"
    assert row.figures["target"] == "3535.71" and row.figures["target_exact"] == "24750/7"


def test_negative_add_is_idempotent_and_refuses_an_unknown_nip(db, tmp_path):
    admin.import_csv(db, {k: v for k, v in org(tmp_path).items() if k in ("units", "employees", "teams", "memberships")})
    first = admin.add_negative(db, nip=ANI, day="2026-11-20", kind="lhkpn", reference="LHKPN-2026")
    again = admin.add_negative(db, nip=ANI, day="2026-11-20", kind="lhkpn", reference="LHKPN-2026")
    assert first.id == again.id
    with db.reading() as conn:
        assert len(conn.execute(select(st.negative_events.c.id)).all()) == 1
    with pytest.raises(DomainError, match="Unknown NIP"):
        admin.add_negative(db, nip="199901012020011001", day="2026-11-20", kind="lhkpn", reference="x")


def test_policy_versions_count_up_and_the_same_numbers_change_nothing(db):
    assert admin.current_policy(db)[1] == 0
    assert admin.set_policy(db, POLICY)[:1] == (1,)
    version, _digest, changed = admin.set_policy(db, POLICY + "\n# only a comment\n")
    assert (version, changed) == (1, False)
    assert admin.set_policy(db, "monthly_target_minutes = 6000\n")[0] == 2
    assert admin.current_policy(db)[0].monthly_target_minutes == 6000
    with pytest.raises(ValueError, match="working_weekdays"):
        admin.set_policy(db, "working_weekdays = [0]\n")
    assert admin.current_policy(db)[1] == 2


def test_server_recap_close_and_reopen(db, tmp_path):
    admin.import_csv(db, org(tmp_path))
    admin.set_policy(db, POLICY)
    live = recap.month_recap(db, "2026-11")
    ani = next(r for r in live.rows if r.employee.nip == ANI)
    f = ani.figures
    # 21 working days in November 2026; 3 of cuti/sakit lower the target: 6750 x 18/21
    assert (f["excused_days"], f["target_exact"], f["target"]) == (3, "40500/7", "5785.71")
    assert (f["absent_days"], f["absent_deduction"]) == (1, 300)
    assert f["negative_events"] == [{"day": "2026-11-05", "kind": "hukuman_disiplin", "reference": "800/HD-01/2026",
                                     "penalty": "0.1"}]
    assert (f["approved"], f["effective"], f["allowance"], f["policy_version"]) == (0, 0, 0, 1)
    assert not live.closed

    closed = recap.close_month(db, "2026-11")
    assert closed.closed and all(len(r.hash or "") == 64 for r in closed.rows)
    with pytest.raises(recap.MonthStateError, match="closed_already"):
        recap.close_month(db, "2026-11")
    # a later input does not move a closed month
    admin.add_negative(db, nip=ANI, day="2026-11-06", kind="lhkpn", reference="late")
    frozen = next(r for r in recap.month_recap(db, "2026-11").rows if r.employee.nip == ANI)
    assert frozen.figures == f and frozen.hash == recap.figures_hash(f)

    with pytest.raises(recap.MonthStateError, match="reason"):
        recap.reopen_month(db, "2026-11", "  ")
    assert recap.reopen_month(db, "2026-11", "SK koreksi absensi") == len(closed.rows)
    after = recap.month_recap(db, "2026-11")
    assert not after.closed and [e["action"] for e in after.log] == ["close", "reopen"]
    assert after.log[1]["reason"] == "SK koreksi absensi"
    moved = next(r for r in after.rows if r.employee.nip == ANI)
    assert moved.figures["negative_activities"] == 2


def test_cli_server_recap_csv_and_close(server_db, cli_env, tmp_path):
    files = org(tmp_path)
    folder = files["units"].parent
    done = run_cli(cli_env, "--lang", "en", "server", "import", "--dir", str(folder), "--db", server_db)
    assert done.returncode == 0, done.stderr
    assert "attendance 7" in done.stdout and "negative_events 1" in done.stdout
    (tmp_path / "policy.toml").write_text(POLICY, encoding="utf-8")
    done = run_cli(cli_env, "--lang", "en", "server", "policy", "set", str(tmp_path / "policy.toml"), "--db", server_db)
    assert done.returncode == 0 and "Policy v1 stored" in done.stdout, done.stderr
    out = run_cli(cli_env, "server", "recap", "--month", "2026-11", "--format", "csv", "--db", server_db)
    assert out.returncode == 0, out.stderr
    import csv
    import io

    rows = {r["nip"]: r for r in csv.DictReader(io.StringIO(out.stdout))}
    assert rows[ANI]["target"] == "5785.71" and rows[ANI]["policy_version"] == "1" and rows[ANI]["closed"] == "False"
    steps = run_cli(cli_env, "--lang", "en", "server", "recap", "--month", "2026-11", "--nip", ANI, "--db", server_db)
    assert "Leave/sick days (lower the target)  3 days, target −964.29 min" in steps.stdout, steps.stdout
    assert "2026-11-05 disciplinary penalty 800/HD-01/2026: −10.00%" in steps.stdout
    assert run_cli(cli_env, "server", "close-month", "2026-11", "--db", server_db).returncode == 0
    unknown = run_cli(cli_env, "server", "recap", "--month", "2026-11", "--unit", "XX", "--db", server_db)
    assert unknown.returncode != 0 and "Unit kerja 'XX' tidak ditemukan" in unknown.stderr, unknown.stderr
    twice = run_cli(cli_env, "server", "close-month", "2026-11", "--db", server_db)  # the admin's language
    assert twice.returncode != 0 and "Bulan 2026-11 sudah ditutup" in twice.stderr, twice.stderr
    hostile = run_cli(cli_env, "server", "reopen-month", "2026-11", "--reason", "ok\x1b[2J\x07", "--db", server_db)
    assert hostile.returncode != 0 and "satu baris teks biasa" in hostile.stderr and "\x1b" not in hostile.stderr
    again = run_cli(cli_env, "--lang", "en", "server", "reopen-month", "2026-11", "--reason", "koreksi",
                    "--db", server_db)
    assert again.returncode == 0, again.stderr
    table = run_cli(cli_env, "--lang", "en", "server", "recap", "--month", "2026-11", "--db", server_db).stdout
    assert "Month 2026-11 open (preview, policy v1)" in table and "reopened (v1): koreksi" in table


def test_cli_negative_add_and_policy_show(server_db, cli_env, tmp_path):
    folder = org(tmp_path)["units"].parent
    assert run_cli(cli_env, "server", "import", "--units", str(folder / "units.csv"), "--employees",
                   str(folder / "employees.csv"), "--db", server_db).returncode == 0
    done = run_cli(cli_env, "--lang", "en", "server", "negative", "add", "--nip", ANI, "--date", "2026-11-20",
                   "--kind", "lhkpn", "--reference", "LHKPN-2026", "--db", server_db)
    assert done.returncode == 0 and "Negative event recorded: 2026-11-20 lhkpn LHKPN-2026" in done.stdout
    bad = run_cli(cli_env, "--lang", "en", "server", "negative", "add", "--nip", ANI, "--date", "2026-11-31",
                  "--kind", "lhkpn", "--reference", "x", "--db", server_db)
    assert bad.returncode != 0 and len(bad.stderr.splitlines()) == 1 and "Traceback" not in bad.stderr
    shown = run_cli(cli_env, "--lang", "en", "server", "policy", "show", "--db", server_db)
    assert shown.stdout.startswith("# policy v0 (hash ") and "the defaults" in shown.stdout
    (tmp_path / "bad.toml").write_text("working_weekdays = [9]\n", encoding="utf-8")
    refused = run_cli(cli_env, "server", "policy", "set", str(tmp_path / "bad.toml"), "--db", server_db)
    assert refused.returncode != 0 and "working_weekdays" in refused.stderr


def test_server_recap_of_one_unit(db, tmp_path):
    admin.import_csv(db, org(tmp_path))
    assert {r.employee.nip for r in recap.month_recap(db, "2026-11", "BH-PP").rows} == {RINA, ANI}
    assert {r.employee.nip for r in recap.month_recap(db, "2026-11", "BH").rows} == {HENDRA}
    with pytest.raises(DomainError, match="Unknown unit"):
        recap.month_recap(db, "2026-11", "XX")
