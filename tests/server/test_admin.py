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


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_serve_demo_prints_three_working_tokens(server_db, cli_env):
    server = LiveServer(server_db, cli_env, extra_args=("--demo",))
    try:
        lines = [line for line in server.output().splitlines() if line.startswith("Token")]
        assert len(lines) == 3
        roles = [server.call("GET", "/v1/me", line.split()[-1]).json()["roles"] for line in lines]
        assert roles[0] == ["member"] and "lead" in roles[1] and "jpt" in roles[2]
    finally:
        server.stop()
