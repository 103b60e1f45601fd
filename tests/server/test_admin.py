"""`sk-tui server ...` administration and `sk-tui serve --demo`, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.live import LiveServer, run_cli

UNITS = "code,name,parent,timezone\nBH,Biro Hukum,,Asia/Jakarta\nBH-PP,Bagian Perundang-undangan,BH,\n"
EMPLOYEES = (
    "nip,name,position_kind,unit,position_title,jf_level,job_class,superior_nip\n"
    "197204151998031002,Dr. Hendra Gunawan,jpt,BH,Kepala Biro Hukum,,14,\n"
    "198301222008012005,Rina Marlina,jf,BH-PP,Perancang Peraturan,Ahli Muda,9,197204151998031002\n"
    "199105052019032012,Ani Lestari,jf,BH-PP,Perancang Peraturan,Ahli Pertama,8,198301222008012005\n"
)
TEAMS = "id,name,unit,jpt_nip,scope,kind,decree_no\ntim-ph,Tim Produk Hukum,BH,197204151998031002,internal,administrative,800/12\n"
MEMBERSHIPS = "team,nip,role\ntim-ph,198301222008012005,lead\ntim-ph,199105052019032012,member\n"


def write_csvs(folder: Path, employees: str = EMPLOYEES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("units", UNITS), ("employees", employees), ("teams", TEAMS),
                       ("memberships", MEMBERSHIPS)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def users(cli_env, db: str) -> list[dict]:
    out = run_cli(cli_env, "server", "users", "--json", "--db", db)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_import_csv_then_users_token_revoke(server_db, cli_env, tmp_path):
    folder = write_csvs(tmp_path / "org")
    done = run_cli(cli_env, "--lang", "en", "server", "import", "--dir", str(folder), "--db", server_db)
    assert done.returncode == 0, done.stderr
    assert "employees 3" in done.stdout and "memberships 2" in done.stdout
    listed = {u["nip"]: (u["name"], u["roles"]) for u in users(cli_env, server_db)}
    assert listed == {
        "197204151998031002": ("Dr. Hendra Gunawan", ["jpt"]),
        "198301222008012005": ("Rina Marlina", ["lead"]),
        "199105052019032012": ("Ani Lestari", ["member"]),
    }
    token = run_cli(cli_env, "server", "token", "199105052019032012", "--db", server_db)
    assert token.returncode == 0 and token.stdout.startswith("skt_") and len(token.stdout.splitlines()) == 1

    from sk_tui.server import auth
    from sk_tui.server.storage import ServerDB

    db = ServerDB.open(server_db)
    try:
        assert auth.who_has(db, token.stdout.strip()) is not None
        with db.engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT token_hash FROM tokens").scalars().all()
        assert token.stdout.strip() not in stored  # only a hash is kept
        revoked = run_cli(cli_env, "--lang", "en", "server", "revoke", "199105052019032012", "--db", server_db)
        assert revoked.returncode == 0 and "1 tokens revoked" in revoked.stdout
        assert auth.who_has(db, token.stdout.strip()) is None
    finally:
        db.close()


def test_bad_csv_row_names_file_and_line_and_imports_nothing(server_db, cli_env, tmp_path):
    bad = EMPLOYEES + "19910505201903201X,Budi,jf,BH,,,,\n"
    folder = write_csvs(tmp_path / "org", employees=bad)
    out = run_cli(cli_env, "--lang", "en", "server", "import", "--dir", str(folder), "--db", server_db)
    assert out.returncode == 1
    assert f"{folder / 'employees.csv'}:5:" in out.stderr and "nip" in out.stderr.lower()
    assert "nothing was imported" in out.stderr and "Traceback" not in out.stderr
    assert users(cli_env, server_db) == []


def test_user_add_and_unknown_nip(server_db, cli_env, tmp_path):
    write_csvs(tmp_path / "org")
    assert run_cli(cli_env, "server", "import", "--dir", str(tmp_path / "org"), "--db", server_db).returncode == 0
    added = run_cli(cli_env, "server", "user-add", "--nip", "198807172014021003", "--name", "Dedi Kurniawan",
                    "--unit", "BH", "--team", "tim-ph", "--db", server_db)
    assert added.returncode == 0, added.stderr
    assert ("Dedi Kurniawan", ["member"]) in [(u["name"], u["roles"]) for u in users(cli_env, server_db)]
    unknown = run_cli(cli_env, "--lang", "en", "server", "token", "199999999999999999", "--db", server_db)
    assert unknown.returncode == 1 and unknown.stdout == "" and "Traceback" not in unknown.stderr


RINA, ANI, HENDRA = "198301222008012005", "199105052019032012", "197204151998031002"


def employee(db_url: str, nip: str) -> dict:
    """The stored employee record of ``nip`` (its JSON data), read straight from the server."""
    from sqlalchemy import select

    from sk_tui.server.storage import ServerDB, employees

    db = ServerDB.open(db_url)
    try:
        with db.engine.connect() as conn:
            data = conn.execute(select(employees.c.data).where(employees.c.nip == nip)).scalar_one()
    finally:
        db.close()
    return json.loads(data)


def test_user_add_on_an_existing_nip_refuses_without_changes(server_db, cli_env, tmp_path):
    write_csvs(tmp_path / "org")
    assert run_cli(cli_env, "server", "import", "--dir", str(tmp_path / "org"), "--db", server_db).returncode == 0
    before = employee(server_db, ANI)
    # the bug: the same name and unit again used to reset job class 8 -> 7 and drop the superior
    again = run_cli(cli_env, "server", "user-add", "--nip", ANI, "--name", "Ani Lestari", "--unit", "BH-PP",
                    "--db", server_db)
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.strip() == (f"sk-tui: NIP sudah terdaftar: Ani Lestari ({ANI}); tidak ada yang diubah "
                                    "(sebutkan kolom yang hendak diubah, mis. --job-class).")
    bare = run_cli(cli_env, "--lang", "en", "server", "user-add", "--nip", ANI, "--db", server_db)
    assert bare.returncode == 1 and len(bare.stderr.splitlines()) == 1
    assert f"NIP already exists: Ani Lestari ({ANI}); nothing changed" in bare.stderr
    assert employee(server_db, ANI) == before
    assert (before["job_class"], before["superior_id"]) == (8, employee(server_db, RINA)["id"])


def test_user_add_on_an_existing_nip_changes_only_the_fields_given(server_db, cli_env, tmp_path):
    write_csvs(tmp_path / "org")
    assert run_cli(cli_env, "server", "import", "--dir", str(tmp_path / "org"), "--db", server_db).returncode == 0
    before = employee(server_db, ANI)
    changed = run_cli(cli_env, "--lang", "en", "server", "user-add", "--nip", ANI, "--name", "Ani Lestari",
                      "--job-class", "9", "--superior", HENDRA, "--team", "tim-ph", "--role", "lead",
                      "--db", server_db)
    assert changed.returncode == 0, changed.stderr
    assert changed.stdout.splitlines() == [
        f"Updated Ani Lestari ({ANI}):",
        "  job-class: 8 -> 9",
        f"  superior: {RINA} -> {HENDRA}",
        "  team tim-ph: member -> lead",
    ]
    after = employee(server_db, ANI)
    assert after == {**before, "job_class": 9, "superior_id": employee(server_db, HENDRA)["id"]}
    assert ("Ani Lestari", ["lead"]) in [(u["name"], u["roles"]) for u in users(cli_env, server_db)]
    unit = run_cli(cli_env, "server", "user-add", "--nip", ANI, "--unit", "BH", "--db", server_db)
    assert unit.returncode == 0, unit.stderr
    assert unit.stdout.splitlines() == [f"Pegawai Ani Lestari ({ANI}) diperbarui:", "  unit: BH-PP -> BH"]
    assert employee(server_db, ANI) == {**after, "unit_id": employee(server_db, HENDRA)["unit_id"]}


def test_user_add_of_a_new_nip_needs_name_and_unit(server_db, cli_env, tmp_path):
    write_csvs(tmp_path / "org")
    assert run_cli(cli_env, "server", "import", "--dir", str(tmp_path / "org"), "--db", server_db).returncode == 0
    out = run_cli(cli_env, "--lang", "en", "server", "user-add", "--nip", "198807172014021003", "--name", "Dedi",
                  "--db", server_db)
    assert out.returncode == 1 and out.stderr.strip() == "sk-tui: A new employee needs --unit."
    assert "198807172014021003" not in [u["nip"] for u in users(cli_env, server_db)]


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_serve_demo_prints_four_working_tokens(server_db, cli_env):
    server = LiveServer(server_db, cli_env, extra_args=("--demo",))
    try:
        lines = [line for line in server.output().splitlines() if line.startswith("Token")]
        assert len(lines) == 4  # and the lead of the staff member's other team
        roles = [server.call("GET", "/v2/me", line.split()[-1]).json()["roles"] for line in lines]
        assert roles[0] == ["member"] and "lead" in roles[1] and "jpt" in roles[2] and "lead" in roles[3]
    finally:
        server.stop()


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_user_add_refuses_a_job_class_the_ceiling_table_lacks_as_import_does(server_db, cli_env, tmp_path):
    write_csvs(tmp_path / "org")
    assert run_cli(cli_env, "server", "import", "--dir", str(tmp_path / "org"), "--db", server_db).returncode == 0
    before = employee(server_db, ANI)
    bad_row = EMPLOYEES + "198807172014021003,Dedi,pelaksana,BH,,,18,\n"
    said = {}
    for lang in ("id", "en"):
        refused = run_cli(cli_env, "--lang", lang, "server", "user-add", "--nip", ANI, "--job-class", "18",
                          "--db", server_db)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        imported = run_cli(cli_env, "--lang", lang, "server", "import", "--dir",
                           str(write_csvs(tmp_path / f"bad-{lang}", bad_row)), "--db", server_db)
        assert imported.returncode == 1
        import_line = next(line for line in imported.stderr.splitlines() if "employees.csv:5:" in line)
        said[lang] = refused.stderr.strip().removeprefix("sk-tui: ")
        assert import_line.endswith(": " + said[lang])  # the same words both ways in
    assert said == {"id": "Kelas jabatan '18' tidak ada di tabel pagu kebijakan (1-17).",
                    "en": "Job class '18' is not in the policy's ceiling table (1-17)."}
    assert employee(server_db, ANI) == before
    new = run_cli(cli_env, "server", "user-add", "--nip", "198807172014021003", "--name", "Dedi", "--unit", "BH",
                  "--job-class", "0", "--db", server_db)
    assert new.returncode == 1 and "198807172014021003" not in [u["nip"] for u in users(cli_env, server_db)]
