"""Issue 10's "Done when", walked through the CLI on `serve --demo`: the README's walk-through
blocks (between <!-- walkthrough --> markers) run as written, in bash, one block at a time. A member
on two teams files one day; each lead sees only their activity; after an attendance import and a
negative event the server's recap and the member's device show the same figures with every step;
closing the month freezes them on the device."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from tests.helpers.live import ROOT, free_port, wait_until

README = ROOT / "README.md"


def _blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- walkthrough -->(.*?)<!-- /walkthrough -->", text, re.S)
    assert found, "README.md lost its <!-- walkthrough --> markers"
    return re.findall(r"```sh\n(.*?)```", found[1], re.S)


def test_the_readme_walkthrough_runs_the_done_when_on_serve_demo(cli_env, tmp_path):
    env = dict(cli_env, HOME=str(tmp_path), PATH=f"{Path(sys.executable).parent}{os.pathsep}{cli_env['PATH']}")
    env.pop("SK_TUI_HOME", None)
    port = free_port()
    log = (tmp_path / "server.log").open("w+")
    server = subprocess.Popen([sys.executable, "-m", "sk_tui", "serve", "--demo", "--port", str(port)],
                              env={**env, "SK_TUI_HOME": str(tmp_path / "skdemo" / "server")}, cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def ready() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{port}/v2/health", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        wait_until(ready, timeout=60, what="serve --demo")
        printed = Path(log.name).read_text()
        tokens = re.findall(r"^Token .*\((\d{18})\): (skt_\S+)$", printed, re.M)
        assert len(tokens) == 4, printed
        (staff_nip, staff), (_n, lead), (_j, _jpt), (_n2, lead2) = tokens
        env.update(SERVER=f"http://127.0.0.1:{port}", STAFF=staff, LEAD=lead, LEAD2=lead2, STAFF_NIP=staff_nip,
                   MONTH="2026-11")
        out = []
        for block in _blocks():
            done = subprocess.run(["bash", "-e", "-c", block], env=env, capture_output=True, text=True, timeout=240,
                                  cwd=tmp_path)
            assert done.returncode == 0, f"{block}\n{done.stdout}\n{done.stderr}"
            assert "Traceback" not in done.stderr
            out.append(done.stdout)
        _filed, lead_list, lead2_list, hr, device, closed = out

        # each lead sees only their own team's activity of the one day
        perda, jdih = "Tim Penyusunan Rancangan Peraturan Daerah dan Pergub", "Tim Transformasi Digital JDIH Jawa Barat"
        assert "120 menit" in lead_list and perda in lead_list and "90 menit" not in lead_list and jdih not in lead_list
        assert "90 menit" in lead2_list and jdih in lead2_list and "120 menit" not in lead2_list and perda not in lead2_list
        # the server's official figures (csv) and the device's steps agree
        (row,) = list(csv.DictReader(io.StringIO(hr[hr.index("nip,"):])))
        assert row["nip"] == staff_nip and row["excused_days"] == "5" and row["absent_days"] == "1"
        assert "800.1.6.4/HD-07/BKD" in row["negative_events"] and "LHKASN-2026/017" in row["negative_events"]
        staff_home = {**env, "SK_TUI_HOME": str(tmp_path / "skdemo" / "staff")}
        mine = subprocess.run([sys.executable, "-m", "sk_tui", "recap", "--month", "2026-11", "--format", "json"],
                              env=staff_home, capture_output=True, text=True, cwd=ROOT, timeout=60)
        (figures,) = json.loads(mine.stdout)
        for key in ("approved", "excused_days", "absent_days", "effective", "target", "target_exact", "base",
                    "negative_activities", "achievement", "ceiling", "allowance"):
            assert str(figures[key]) == row[key], key
        assert "800.1.6.4/HD-07/BKD" in device and "kebijakan v0" in device and "terbuka (pratinjau)" in device
        assert "bulan ditutup (angka resmi) · kebijakan v0" in closed
        assert f"Rp {int(row['allowance']):,}".replace(",", ".") in closed
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        log.close()
