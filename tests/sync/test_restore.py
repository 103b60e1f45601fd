"""A restored server loses nothing acknowledged (issue 8, point 4): `sk-tui server backup` /
`restore` (and a restore by other means: a copied file) mint a new epoch; every client sees it
before it pushes, pulls again and re-sends what it kept, whatever order the clients sync in."""

from __future__ import annotations

import os
import shutil

import pytest

from sk_tui.store import Store
from sk_tui.sync.client import sync_once
from tests.helpers.clock import TODAY as DAY
from tests.helpers.live import LiveServer, run_cli
from tests.helpers.replica import assert_same_as_server


def _backup_tools() -> bool:
    return bool(shutil.which("pg_dump") and shutil.which("pg_restore"))


def _restore(how: str, cli_env, url: str, backup_file) -> None:
    if how == "command":
        done = run_cli(cli_env, "--lang", "en", "server", "restore", str(backup_file), "--db", url)
        assert done.returncode == 0, done.stderr
        assert "new server epoch" in done.stdout
        return
    # by other means: the old file copied back over the database
    for suffix in ("-wal", "-shm"):
        if os.path.exists(url + suffix):
            os.remove(url + suffix)
    shutil.copyfile(backup_file, url)


@pytest.mark.parametrize("first", ["lead", "ani"])
@pytest.mark.parametrize("how", ["command", "copied_file"])
def test_a_restore_loses_nothing_acknowledged_whatever_order_clients_sync(server_db, seeded, cli_env, tmp_path,
                                                                          how, first):
    if not server_db.endswith(".db") and how == "copied_file":
        pytest.skip("a copied file is a SQLite restore")
    if not server_db.endswith(".db") and not _backup_tools():
        pytest.skip("pg_dump / pg_restore not on PATH")
    server = LiveServer(seeded.url, cli_env)
    tokens = seeded.tokens
    ani_db, lead_db = tmp_path / "ani.db", tmp_path / "lead.db"
    try:
        for db, who in ((ani_db, "ani"), (lead_db, "lead")):
            assert sync_once(db, server_url=server.url, token=tokens[who]).ok
        backup_file = tmp_path / "backup.dump"
        done = run_cli(cli_env, "--lang", "en", "server", "backup", str(backup_file), "--db", seeded.url)
        assert done.returncode == 0, done.stderr
        # acknowledged after the backup: a report, its approval, a card
        ani, lead = Store.open(ani_db), Store.open(lead_db)
        report = ani.ensure_draft("emp-ani", DAY)
        ani.add_activity(report.id, description="Menyusun telaah", minutes=240)
        ani.submit_report(report.id, "emp-ani")
        assert sync_once(ani_db, server_url=server.url, token=tokens["ani"]).ok
        assert sync_once(lead_db, server_url=server.url, token=tokens["lead"]).ok
        lead.review_report(report.id, "emp-lead", "approve")
        card = lead.create_task("team-a", "Kartu sesudah cadangan", actor_id="emp-lead", assignees=["emp-ani"])
        assert sync_once(lead_db, server_url=server.url, token=tokens["lead"]).ok
        assert sync_once(ani_db, server_url=server.url, token=tokens["ani"]).ok
        old_epoch = server.call("GET", "/v2/health", None).json()["server_epoch"]
    finally:
        server.stop()
    _restore(how, cli_env, seeded.url, backup_file)
    server = LiveServer(seeded.url, cli_env)
    try:
        assert server.call("GET", "/v2/health", None).json()["server_epoch"] != old_epoch
        # the first client also makes something new, and pushes before the other has synced
        if first == "lead":
            newer = lead.create_task("team-a", "Kartu baru", actor_id="emp-lead")
        else:
            newer = ani.create_task("team-a", "Kartu baru", actor_id="emp-ani")
        order = [first, "ani" if first == "lead" else "lead"]
        dbs = {"ani": ani_db, "lead": lead_db}
        for _round in range(2):
            for who in order:
                result = sync_once(dbs[who], server_url=server.url, token=tokens[who])
                assert result.error is None, result
        for store in (ani, lead):
            assert store.queued_count() == 0 and store.sync_problems() == []
            assert store.report(report.id).status == "approved"
            assert store.task(card.id) is not None and store.task(newer.id) is not None
        for who in order:
            assert_same_as_server(dbs[who], server.url, tokens[who], tmp_path)
        changes = server.pull_all(tokens["lead"])
        assert [c["entity_id"] for c in changes if c["entity"] == "review"].__len__() == 1  # applied once
    finally:
        server.stop()


def test_restore_refuses_a_file_that_is_not_a_server_backup(cli_env, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 10)
    done = run_cli(cli_env, "--lang", "en", "server", "restore", str(bogus), "--db", str(tmp_path / "server.db"))
    assert done.returncode != 0 and "not a backup" in done.stderr and "Traceback" not in done.stderr
