"""Every bad input: non-zero exit, exactly one line in the user's language, no traceback,
and the database's content exactly as it was."""

from __future__ import annotations

import datetime as dt

import pytest

# name: (arguments, Indonesian fragment, English fragment)
# The cases the foundation issue names run through the real console script...
SCRIPT_CASES = {
    "date_does_not_exist": (["report", "add", "--date", "2026-02-30", "--minutes", "60", "--desc", "x"],
                            "Tanggal tidak valid: '2026-02-30'", "Invalid date: '2026-02-30'"),
    "negative_minutes": (["report", "add", "--minutes", "-5", "--desc", "x"],
                         "Menit harus antara 1 dan 1440 (diisi -5)", "Minutes must be between 1 and 1440 (got -5)"),
    "non_numeric_minutes": (["report", "add", "--minutes", "sejam", "--desc", "x"],
                            "Menit harus antara 1 dan 1440 (diisi sejam)", "(got sejam)"),
    "over_24_hours_in_a_day": (["report", "add", "--minutes", "100", "--desc", "x"],
                               "menjadi 1500, melebihi batas 1440", "would be 1500 minutes, over the limit of 1440"),
    "unknown_task": (["report", "add", "--minutes", "60", "--desc", "x", "--task", "tugas-hantu"],
                     "Tugas 'tugas-hantu' tidak ditemukan", "Unknown task 'tugas-hantu'"),
    "edit_submitted_report": (["report", "add", "--date", "2026-11-26", "--minutes", "60", "--desc", "x"],
                              "berstatus diajukan", "is submitted"),
    "edit_approved_report": (["report", "add", "--date", "2026-11-25", "--minutes", "60", "--desc", "x"],
                             "berstatus disetujui", "is approved"),
    "malformed_nip": (["recap", "--month", "2026-11", "--nip", "19910505201903201"],
                      "NIP tidak valid: '19910505201903201' (harus 18 angka)", "Invalid NIP: '19910505201903201'"),
}
# ...and more of them through the same entry point in-process (same code, no interpreter start-up).
MAIN_CASES = {
    **SCRIPT_CASES,
    "date_in_the_future": (["report", "add", "--date", "2026-11-28", "--minutes", "60", "--desc", "x"],
                           "belum tiba", "in the future"),
    "too_many_minutes_at_once": (["report", "add", "--minutes", "1441", "--desc", "x"],
                                 "Menit harus antara", "Minutes must be"),
    "fractional_minutes": (["report", "add", "--minutes", "1.5", "--desc", "x"], "Menit harus antara",
                           "Minutes must be"),
    "unknown_indicator": (["report", "add", "--minutes", "60", "--desc", "x", "--indicator", "iki-hantu"],
                          "Indikator 'iki-hantu' tidak ditemukan", "Unknown indicator 'iki-hantu'"),
    "empty_description": (["report", "add", "--minutes", "60", "--desc", "  "],
                          "Uraian kegiatan tidak boleh kosong", "must not be empty"),
    "bad_volume": (["report", "add", "--minutes", "60", "--desc", "x", "--volume", "banyak"],
                   "Volume harus angka", "Volume must be a number"),
    "negative_volume": (["report", "add", "--minutes", "60", "--desc", "x", "--volume", "-1"],
                        "Volume harus angka", "Volume must be a number"),
    "infinite_volume": (["report", "add", "--minutes", "60", "--desc", "x", "--volume", "inf"],
                        "Volume harus angka", "Volume must be a number"),
    "wildcard_report_prefix": (["review", "approve", "%"], "Laporan '%' tidak ditemukan", "Unknown report"),
    "wfa_without_location": (["report", "add", "--minutes", "60", "--desc", "x", "--mode", "WFA"],
                             "Mode WFA memerlukan lokasi", "WFA needs a location"),
    "unknown_work_mode": (["report", "add", "--minutes", "60", "--desc", "x", "--mode", "kantor"],
                          "Mode kerja harus WFO, WFH, WFA atau DL", "Work mode must be"),
    "submit_submitted_report": (["report", "submit", "--date", "2026-11-26"], "tidak bisa diajukan",
                                "cannot be"),
    "submit_approved_report": (["report", "submit", "--date", "2026-11-25"], "tidak bisa diajukan", "cannot be"),
    "submit_empty_day": (["report", "submit", "--date", "2026-11-20"], "belum berisi kegiatan",
                         "has no activities"),
    "submit_bad_date": (["report", "submit", "--date", "2026-11-31"], "Tanggal tidak valid", "Invalid date"),
    "nip_with_impossible_birth_date": (["recap", "--month", "2026-11", "--nip", "199102302019032012"],
                                       "tanggal lahir tidak ada", "birth date does not exist"),
    "nip_with_letters": (["recap", "--month", "2026-11", "--nip", "1991050520190320AB"],
                         "Pegawai '1991050520190320AB' tidak ditemukan", "Unknown employee"),
    "unknown_nip": (["recap", "--month", "2026-11", "--nip", "199105052019032099"],
                    "Pegawai '199105052019032099' tidak ditemukan", "Unknown employee"),
    "bad_month": (["recap", "--month", "2026-13"], "Bulan tidak valid", "Invalid month"),
    "bad_list_month": (["report", "list", "--month", "bulan-ini"], "Bulan tidak valid", "Invalid month"),
    "unknown_team": (["recap", "--month", "2026-11", "--team", "tim-hantu"], "Tim 'tim-hantu' tidak ditemukan",
                     "Unknown team"),
    "unknown_report_to_review": (["review", "approve", "zzzz"], "Laporan 'zzzz' tidak ditemukan",
                                 "Unknown report"),
    "review_own_report": (["review", "approve", "r-"], "Laporan sendiri", "your own report"),
}


@pytest.fixture
def seeded(ws):
    """Today: 1400 minutes in a draft; the 26th submitted; the 25th approved; the 20th an empty draft."""
    store = ws.store()
    today = store.ensure_draft(ws.org.ani.id, dt.date(2026, 11, 27))
    store.add_activity(today.id, description="Menyusun rancangan", minutes=700)
    store.add_activity(today.id, description="Lembur rapat", minutes=700)
    for day in (26, 25):
        report = store.ensure_draft(ws.org.ani.id, dt.date(2026, 11, day))
        store.add_activity(report.id, description="Telaah", minutes=60)
        store.submit_report(report.id, ws.org.ani.id)
    store.review_report(store.report_for(ws.org.ani.id, dt.date(2026, 11, 25)).id, ws.org.lead.id, "approve")
    store.ensure_draft(ws.org.ani.id, dt.date(2026, 11, 20))
    # a submitted report of the lead herself, for "review your own report"
    own = store.ensure_draft(ws.org.lead.id, dt.date(2026, 11, 27))
    store.db.execute("UPDATE reports SET id = 'r-own' WHERE id = ?", (own.id,))
    store.add_activity("r-own", description="Rapat tim", minutes=60)
    store.submit_report("r-own", ws.org.lead.id)
    store.set_me(ws.org.ani.id)
    store.close()
    return ws


def check_refused(ws, result, fragment):
    assert result.code != 0
    assert "Traceback" not in result.err and result.out == ""
    assert len(result.err_lines) == 1, result.err
    assert fragment in result.err


@pytest.mark.parametrize("case", sorted(SCRIPT_CASES))
def test_bad_input_to_the_console_script_is_one_line_in_indonesian_and_changes_nothing(seeded, case):
    args, indonesian, _english = SCRIPT_CASES[case]
    before = seeded.dump()
    check_refused(seeded, seeded.run(*args), indonesian)
    assert seeded.dump() == before
    # (the English line for each of these is checked through main() below)


@pytest.mark.parametrize("case", sorted(MAIN_CASES))
def test_bad_input_through_main_in_both_languages(seeded, case, capsys):
    args, indonesian, english = MAIN_CASES[case]
    if case == "review_own_report":
        seeded.act_as(seeded.org.lead.id)
    before = seeded.dump()
    check_refused(seeded, seeded.in_process(*args, capsys=capsys), indonesian)
    check_refused(seeded, seeded.in_process("--lang", "en", *args, capsys=capsys), english)
    assert seeded.dump() == before


def test_the_language_comes_from_the_config_file(seeded, capsys):
    from sk_tui import paths

    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('language = "en"\n', encoding="utf-8")
    result = seeded.in_process("report", "add", "--minutes", "-5", "--desc", "x", capsys=capsys)
    check_refused(seeded, result, "Minutes must be")


def test_argument_errors_exit_2_without_traceback(ws):
    result = ws.run("report", "add", "--desc", "lupa menit")
    assert result.code == 2 and "Traceback" not in result.err and "--minutes" in result.err


def test_a_missing_workspace_is_one_line_and_is_not_created(ws, tmp_path, capsys):
    missing = tmp_path / "nowhere" / "workspace.db"
    result = ws.in_process("--db", str(missing), "report", "add", "--minutes", "60", "--desc", "x", capsys=capsys)
    check_refused(ws, result, "belum ada")
    assert not missing.exists()


def test_demo_as_a_malformed_nip_says_the_nip_is_malformed(ws, tmp_path, capsys):
    demo_db = tmp_path / "demo.db"
    assert ws.in_process("--db", str(demo_db), "demo", "--no-open", capsys=capsys).code == 0
    demo = type(ws)(db=demo_db, env=ws.env, org=None)
    before = demo.dump()
    result = ws.in_process("--db", str(demo_db), "demo", "--no-open", "--as", "12345", capsys=capsys)
    assert result.code != 0 and len(result.err_lines) == 1 and "Traceback" not in result.err
    assert demo.dump() == before
    assert "NIP tidak valid: '12345' (harus 18 angka)" in result.err
