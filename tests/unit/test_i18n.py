"""The catalogue (sk_tui/domain/i18n.py) and the domain's messages: both languages for every
key, no empty text, the same placeholders, and the words an ASN uses."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest

from sk_tui.domain import errors, i18n


def _placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


CATALOGUES = {"TEXT": i18n.TEXT, "MESSAGES": errors.MESSAGES, "FIELD_LABELS": errors.FIELD_LABELS,
              "PROBLEM_WORDS": errors.PROBLEM_WORDS, "REFUSALS": errors.REFUSALS, "BOUND_WORDS": errors.BOUND_WORDS}


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_key_has_both_languages_and_no_empty_text(name):
    for key, pair in CATALOGUES[name].items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        indonesian, english = pair
        assert indonesian.strip() and english.strip(), key


@pytest.mark.parametrize("name", CATALOGUES)
def test_placeholders_match(name):
    for key, (indonesian, english) in CATALOGUES[name].items():
        # a domain message names a field or word per language: {field_id} / {field_en}
        eng = {re.sub(r"_en$", "", p) for p in _placeholders(english)}
        ind = {p[:-3] if p.endswith("_id") and p[:-3] in eng else p for p in _placeholders(indonesian)}
        assert ind == eng, f"{key}: {sorted(ind)} vs {sorted(eng)}"


def test_every_value_formats_with_its_placeholders():
    for key, pair in i18n.TEXT.items():
        params = dict.fromkeys(_placeholders(pair[0]) | _placeholders(pair[1]), "x")
        for lang in ("id", "en"):
            assert i18n.text(key, lang, **params)


# Words an ASN does not use, or uses for something else (issue 11, point 6)
BANNED = [
    (r"\bdi-\w", "hyphenated passive (di-setujui): write disetujui"),
    (r"\bTerkirim\b|\bterkirim\b", "a submitted report is Diajukan"),
    (r"\bPelaksana\b", "task assignees are Penerima tugas (pelaksana is a jabatan)"),
    (r"^Orang$", "assigning is Tugaskan"),
    (r"(?<!ke)putusan\b", "putusan is a court's; say keputusan verifikasi"),
    (r"\bTautan\b", "the task/IKI link is Terkait"),
    (r"\bmenyinkron\b|menyinkron…", "menyinkronkan"),
    (r"\b\d+ j \d+ m\b|\{h\} j\b", "6 jam 0 menit"),
]


@pytest.mark.parametrize(("pattern", "why"), BANNED, ids=[b[0] for b in BANNED])
def test_indonesian_words(pattern, why):
    indonesian = [pair[0] for pair in [*i18n.TEXT.values(), *errors.MESSAGES.values(), *errors.REFUSALS.values()]]
    offending = [text for text in indonesian if re.search(pattern, text)]
    assert not offending, f"{why}: {offending}"


def test_no_language_mixed_into_the_other():
    """An Indonesian word in an English value (or the reverse) would show in the wrong mode:
    "A submitted report cannot be kirim"."""
    from sk_tui.domain.errors import DomainError

    for action in ("submit", "approve", "return"):
        error = DomainError("transition_refused", status="submitted", action=action)
        assert re.fullmatch(r"The report is submitted and cannot be (submitted|approved|returned)\.",
                            error.message("en"))
        assert re.fullmatch(r"Laporan berstatus diajukan tidak bisa (diajukan|disetujui|dikembalikan)\.",
                            error.message("id"))


def test_durations_times_and_zones():
    i18n.set_language("id")
    try:
        assert i18n.duration(360) == "6 jam 0 menit"
        assert i18n.duration(45) == "45 menit"
        assert i18n.clock_time(dt.time(16, 0)) == "16.00"
        assert [i18n.zone_name(z) for z in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")] == ["WIB", "WITA", "WIT"]
        assert i18n.t("report.deadline_passed", time="16.00", zone="WIB") == "batas kirim pukul 16.00 WIB terlewati"
        i18n.set_language("en")
        assert i18n.duration(360) == "6 h 0 min"
        assert i18n.clock_time(dt.time(16, 0)) == "16:00"
    finally:
        i18n.set_language("id")


def test_sync_outcomes_are_words_not_codes():
    assert "offline" not in i18n.sync_error("offline", "id")
    assert "unauthorized" not in i18n.sync_error("unauthorized", "id")
    assert i18n.sync_error("offline", "en").startswith("Cannot reach the server")
    assert "(teapot)" in i18n.sync_error("teapot", "id")  # a code without words is named
    assert i18n.sync_error("Disk penuh.", "id") == "Disk penuh."  # words stay words


def test_the_server_speaks_both_when_it_cannot_know_the_reader():
    assert i18n.both("sync.error.busy") == (
        "Sinkronisasi lain sedang berjalan untuk ruang kerja ini. / Another sync is running for this workspace.")


def test_the_catalogue_is_pure_data():
    """sk_tui/domain/i18n.py is imported by the server and the CLI: no I/O, no Textual."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(i18n))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
                for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
    assert imported <= {"__future__", "datetime", "decimal", "sk_tui"}, imported


def test_no_key_is_written_twice():
    """TEXT is written in two files (i18n.py: the app; i18n_cli.py: the command line and the
    server); a key given twice would silently keep only one of its texts."""
    import ast
    import inspect

    from sk_tui.domain import i18n_cli

    seen: dict[str, str] = {}
    for module in (i18n, i18n_cli):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict):
                for key in node.value.keys:
                    assert isinstance(key, ast.Constant), "catalogue keys are plain strings"
                    assert key.value not in seen, f"{key.value!r} in {seen.get(key.value)} and {module.__name__}"
                    seen[key.value] = module.__name__
    assert set(seen) == set(i18n.TEXT)
