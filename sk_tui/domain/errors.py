"""Domain errors with a stable code and a message in Indonesian (default) or English.

    >>> DomainError("minutes_range", minutes=-5).message("en")
    'Minutes must be between 1 and 1440 (got -5).'
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sized
from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Indonesian, English)
    "nip_invalid": (
        "NIP tidak valid: {nip!r} ({why_id}).",
        "Invalid NIP: {nip!r} ({why_en}).",
    ),
    "date_invalid": (
        "Tanggal tidak valid: {value!r} (format YYYY-MM-DD).",
        "Invalid date: {value!r} (use YYYY-MM-DD).",
    ),
    "date_future": (
        "Tanggal kerja {day} belum tiba; laporan hanya untuk hari ini atau sebelumnya.",
        "Work date {day} is in the future; report today or earlier.",
    ),
    "minutes_range": (
        "Menit harus antara 1 dan 1440 (diisi {minutes}).",
        "Minutes must be between 1 and 1440 (got {minutes}).",
    ),
    "day_total_exceeded": (
        "Total menit pada {day} menjadi {total}, melebihi batas {limit} menit sehari.",
        "The total for {day} would be {total} minutes, over the limit of {limit} a day.",
    ),
    "volume_invalid": (
        "Volume harus angka 0 atau lebih (diisi {value!r}).",
        "Volume must be a number of 0 or more (got {value!r}).",
    ),
    "description_empty": (
        "Uraian kegiatan tidak boleh kosong.",
        "The activity description must not be empty.",
    ),
    "task_unknown": (
        "Tugas {task_id!r} tidak ditemukan.",
        "Unknown task {task_id!r}.",
    ),
    "indicator_unknown": (
        "Indikator {indicator_id!r} tidak ditemukan.",
        "Unknown indicator {indicator_id!r}.",
    ),
    "team_unknown": (
        "Tim {team_id!r} tidak ditemukan.",
        "Unknown team {team_id!r}.",
    ),
    "employee_unknown": (
        "Pegawai {who!r} tidak ditemukan.",
        "Unknown employee {who!r}.",
    ),
    "report_unknown": (
        "Laporan {report_id!r} tidak ditemukan.",
        "Unknown report {report_id!r}.",
    ),
    "activity_unknown": (
        "Kegiatan {activity_id!r} tidak ditemukan.",
        "Unknown activity {activity_id!r}.",
    ),
    "report_locked": (
        "Laporan {day} berstatus {status}; hanya draf atau yang dikembalikan yang bisa diubah.",
        "The report for {day} is {status}; only a draft or a returned report can be changed.",
    ),
    "problem_unknown": (
        "Masalah sinkron {what!r} tidak ada atau sudah diselesaikan.",
        "Sync problem {what!r} does not exist or is already resolved.",
    ),
    "problem_not_editable": (
        "Perubahan {what} tidak dapat disunting; terapkan ulang atau pakai versi server.",
        "A {what} change cannot be edited; reapply it or keep the server's version.",
    ),
    "report_empty": (
        "Laporan {day} belum berisi kegiatan; tambahkan kegiatan sebelum mengajukan.",
        "The report for {day} has no activities; add one before submitting.",
    ),
    "transition_refused": (
        "Laporan berstatus {status} tidak bisa {action_id}.",
        "The report is {status} and cannot be {action_en}.",
    ),
    "not_author": (
        "Hanya penyusun laporan yang boleh mengubahnya.",
        "Only the report's author may change it.",
    ),
    "not_reviewer": (
        "Hanya ketua tim laporan ini atau JPT unitnya yang boleh memverifikasi.",
        "Only the lead of this report's team or the unit's JPT may review it.",
    ),
    "own_report": (
        "Laporan sendiri tidak bisa diverifikasi sendiri.",
        "You cannot review your own report.",
    ),
    "return_needs_note": (
        "Laporan yang dikembalikan wajib diberi catatan.",
        "A returned report needs a note.",
    ),
    "stale_version": (
        "Laporan sudah berubah (versi {current}, Anda melihat versi {seen}).",
        "The report changed (version {current}; you saw version {seen}).",
    ),
    "activity_approved": (
        "Kegiatan ini sudah disetujui ketua timnya dan tidak bisa diubah lagi.",
        "This activity was approved by its team lead and can no longer be changed.",
    ),
    "review_team_ambiguous": (
        "Anda memverifikasi lebih dari satu tim pada laporan ini; pilih timnya (--team).",
        "You verify more than one team in this report; choose the team (--team).",
    ),
    "nothing_to_review": (
        "Tidak ada kegiatan tim Anda yang menunggu verifikasi pada laporan ini.",
        "No activity of your team is waiting for verification in this report.",
    ),
    "device_time_out_of_range": (
        ("Waktu perangkat {time} di luar rentang yang diterima (sejak {earliest} sampai {latest}); "
         "periksa jam perangkat."),
        ("The device time {time} is outside the accepted range ({earliest} to {latest}); "
         "check the device clock."),
    ),
    "task_move_edge": (
        "Kartu sudah di kolom paling {side}.",
        "The card is already in the {side_en} column.",
    ),
    "not_team_member": (
        "Anda bukan anggota tim ini.",
        "You are not a member of this team.",
    ),
    "work_mode_invalid": (
        "Mode kerja harus WFO, WFH, WFA atau DL (diisi {value!r}).",
        "Work mode must be WFO, WFH, WFA or DL (got {value!r}).",
    ),
    "location_required": (
        "Mode WFA memerlukan lokasi.",
        "WFA needs a location.",
    ),
    "not_team_former": (
        "Hanya pimpinan unit (JPT) yang membentuk dan mengubah tim unit itu.",
        "Only the Eselon II leader (JPT) of the unit forms its teams.",
    ),
    "team_closed": (
        "Tim {team} sudah ditutup ({day}); riwayatnya tetap ada tetapi tidak menerima pekerjaan baru.",
        "Team {team} was closed on {day}; its history stays but it takes no new work.",
    ),
    "lead_is_jpt": (
        "Ketua tim dipilih dari pejabat fungsional atau pelaksana, bukan JPT.",
        "A team lead is a functional or executor employee, not the JPT.",
    ),
    "already_member": (
        "{who} sudah menjadi anggota tim ini.",
        "{who} is already on this team.",
    ),
    "not_dwa_decider": (
        "Hanya JPT unit (atau atasan langsung, sesuai kebijakan) yang memutuskan pengajuan DWA.",
        "Only the unit's JPT (or the direct superior, by policy) decides a DWA application.",
    ),
    "dwa_decided": (
        "Pengajuan DWA ini sudah diputuskan ({status}).",
        "This DWA application was already decided ({status}).",
    ),
    "dwa_refuse_needs_note": (
        "Penolakan DWA memerlukan catatan alasan.",
        "Refusing a DWA application needs a note.",
    ),
    "membership_unknown": (
        "Keanggotaan tim ini tidak ditemukan.",
        "That team membership was not found.",
    ),
    "dwa_unknown": (
        "Pengajuan DWA {dwa_id} tidak ditemukan.",
        "DWA application {dwa_id} not found.",
    ),
    "location_required_mode": (
        "Mode {mode} memerlukan tempat kerja.",
        "{mode} needs a place of work.",
    ),
    "dwa_none": (
        "Belum ada pengaturan kerja dinamis (DWA) yang disetujui untuk {day}; pilih WFO atau DL.",
        "No approved dynamic working arrangement (DWA) covers {day}; choose WFO or DL.",
    ),
    "dwa_week_full": (
        "Minggu ini sudah {used} hari kerja di luar kantor (WFA/WFH); pola Anda ({pattern}) membolehkan {limit}.",
        "This week already has {used} days away from the office (WFA/WFH); your arrangement ({pattern}) allows {limit}.",
    ),
    "dwa_pattern_invalid": (
        "Pola DWA harus seperti 3-2 (hari di luar kantor - hari di kantor, 5 hari), diisi {value!r}.",
        "A DWA pattern looks like 3-2 (days away - days in the office, 5 in all); got {value!r}.",
    ),
    "dwa_pattern_not_offered": (
        "Pola DWA {value} tidak ditawarkan instansi (pilihan: {allowed}).",
        "The agency does not offer DWA pattern {value} (choices: {allowed}).",
    ),
    "status_invalid": (
        "Kolom tidak dikenal: {value!r}.",
        "Unknown column: {value!r}.",
    ),
    "no_workspace_user": (
        "Ruang kerja belum punya pengguna; jalankan `sk-tui demo` atau buat ruang kerja di aplikasi.",
        "The workspace has no user yet; run `sk-tui demo` or set one up in the app.",
    ),
    # what a model's validation refused (see validation_error), field named in the user's language
    "text_control_char": (
        "Isian {field_id} memuat karakter yang tidak diizinkan: {char}.",
        "The {field_en} contains a character that is not allowed: {char}.",
    ),
    "text_too_long": (
        "Isian {field_id} terlalu panjang: {length} karakter, paling banyak {max_length}.",
        "The {field_en} is too long: {length} characters, at most {max_length}.",
    ),
    "text_empty": (
        "Isian {field_id} tidak boleh kosong.",
        "The {field_en} must not be empty.",
    ),
    "id_invalid": (
        "Isian {field_id} bukan id yang sah (huruf, angka dan . _ : -, paling banyak 64 karakter).",
        "The {field_en} is not a valid id (letters, digits and . _ : -, at most 64 characters).",
    ),
    "list_too_long": (
        "Isian {field_id} terlalu banyak: {length}, paling banyak {max_length}.",
        "Too many {field_en}: {length}, at most {max_length}.",
    ),
    "number_out_of_range": (
        "Isian {field_id} di luar batas: {value} (harus {bound_id}).",
        "The {field_en} is out of range: {value} (must be {bound_en}).",
    ),
    "value_invalid": (
        "Isian {field_id} tidak valid: {detail}.",
        "The {field_en} is invalid: {detail}.",
    ),
    "work_date_window": (
        "Tanggal kerja {day} di luar jendela {days} hari.",
        "Work date {day} is outside the {days}-day window.",
    ),
    "job_class_unknown": (
        "Kelas jabatan {job_class!r} tidak ada di tabel pagu kebijakan; tunjangan tidak dapat dihitung.",
        "Job class {job_class!r} is not in the policy's ceiling table; the allowance cannot be computed.",
    ),
    # the server's admin commands (server/admin.py: `sk-tui server import | user-add`)
    "job_class_not_in_table": (
        "Kelas jabatan {job_class!r} tidak ada di tabel pagu kebijakan ({low}-{high}).",
        "Job class {job_class!r} is not in the policy's ceiling table ({low}-{high}).",
    ),
    "unit_unknown": (
        "Unit kerja {value!r} tidak ditemukan.",
        "Unknown unit {value!r}.",
    ),
    "nip_unknown": (
        "NIP {value!r} tidak ditemukan.",
        "Unknown NIP {value!r}.",
    ),
    "plan_unknown": ("Rencana SKP {value!r} tidak ditemukan.", "Unknown SKP plan {value!r}."),
    "parent_rhk_unknown": ("RHK induk {value!r} tidak ditemukan.", "Unknown parent RHK {value!r}."),
    "target_unknown": ("RHK {value!r} tidak ditemukan.", "Unknown RHK {value!r}."),
    "attendance_status_unknown": ("Status kehadiran {value!r} tidak dikenal (salah satu dari: {known}).",
                                  "Unknown attendance status {value!r} (one of: {known})."),
    "attendance_repeated": ("NIP dan tanggal yang sama dengan baris {line}.", "The same NIP and date as line {line}."),
    "superior_unknown": (
        "NIP atasan {value!r} tidak ditemukan.",
        "Unknown superior NIP {value!r}.",
    ),
    "column_required": (
        "Kolom {column} wajib diisi.",
        "The {column} column is required.",
    ),
    "assignee_not_member": (
        "Penerima tugas harus anggota tim tugas itu.",
        "Task assignees must be members of the task's team.",
    ),
    "team_nothing_to_update": (
        "Sebutkan yang diubah: --name, --scope, --kind, --decree, --start atau --end.",
        "Say what changes: --name, --scope, --kind, --decree, --start or --end.",
    ),
}

# Why the server refused an op, by reason code, when no domain rule did (server/engine.py's
# Refused); the client shows the words in its user's language. (Indonesian, English)
REFUSALS: dict[str, tuple[str, str]] = {
    "review_team_unknown": ("Laporan ini tidak memuat kegiatan tim {team} yang Anda verifikasi.",
                            "This report holds no activity of team {team} that you verify."),
    "unknown_op": ("Operasi tidak dikenal: {what}.", "Unknown operation: {what}."),
    "invalid": ("Data tidak valid: {why}.", "Invalid data: {why}."),
    "day_exists": ("Sudah ada laporan lain untuk tanggal {day}.", "Another report exists for {day}."),
    "record_exists": ("Rekaman {what} sudah ada di server.", "Record {what} already exists on the server."),
    "not_actor": ("Pelaku diambil dari token, bukan dari isi data.", "The actor comes from the token, not the payload."),
    "key_reused": ("op_id yang sama dipakai untuk isi yang berbeda.", "The same op_id was sent with a different payload."),
    "blocked": ("Operasi sebelumnya pada data yang sama gagal.", "An earlier op on the same record failed."),
    "not_feedback_giver": ("Hanya ketua tim atau JPT pegawai itu yang dapat memberi umpan balik.",
                           "Only the employee's team lead or JPT may give feedback."),
    "id_unavailable": ("ID rekaman ini tidak dapat dipakai; simpan sebagai rekaman baru.",
                       "This record id cannot be used; save it as a new record."),
    "value_refused": ("Nilai {field} tidak diterima: {why_id}.", "Value {field} refused: {why_en}."),
    # an op that does not fit the wire Op model (server/app.py reads a push body op by op)
    "op_invalid": ("Operasi #{index} tidak valid: kolom {field} {why_id}.",
                   "Op #{index} is invalid: field {field} {why_en}."),
}

# What is wrong with a value a payload carries (server/engine.py's backstops). (Indonesian, English)
BOUND_WORDS: dict[str, tuple[str, str]] = {
    "int": ("bilangan di luar batas", "number out of range"),
    "float": ("bukan bilangan hingga", "not a finite number"),
    "string": ("teks terlalu panjang atau tidak dapat disimpan", "text too long or not storable"),
    "items": ("terlalu banyak isian", "too many items"),
    "depth": ("bertingkat terlalu dalam", "nested too deeply"),
    "shape": ("bentuk data salah", "wrong shape"),
}

_WHY = {
    "nip_digits": ("harus 18 angka", "must be 18 digits"),
    "nip_birth": ("tanggal lahir tidak ada", "the birth date does not exist"),
    "nip_appointment": ("TMT pengangkatan tidak masuk akal", "the appointment month is implausible"),
    "nip_sex": ("digit ke-15 harus 1 atau 2", "digit 15 must be 1 or 2"),
}


# Field names as a user reads them in a validation message: (Indonesian, English).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "title": ("judul", "title"),
    "description": ("uraian", "description"),
    "name": ("nama", "name"),
    "code": ("kode", "code"),
    "agency": ("instansi", "agency"),
    "timezone": ("zona waktu", "time zone"),
    "position_title": ("nama jabatan", "position title"),
    "jf_level": ("jenjang", "level"),
    "decree_no": ("nomor SK", "decree number"),
    "status": ("status", "status"),
    "text": ("teks", "text"),
    "unit": ("satuan", "unit"),
    "target_value": ("nilai target", "target value"),
    "assignees": ("penerima tugas", "assignees"),
    "rank": ("urutan", "order"),
    "version": ("versi", "version"),
    "report_version": ("versi laporan", "report version"),
    "minutes": ("menit", "minutes"),
    "total_minutes": ("total menit", "total minutes"),
    "volume": ("volume", "volume"),
    "volume_unit": ("satuan volume", "volume unit"),
    "evidence": ("bukti dukung", "evidence"),
    "position": ("posisi", "position"),
    "location": ("lokasi", "location"),
    "review_note": ("catatan verifikasi", "review note"),
    "note": ("catatan", "note"),
    "pattern": ("pola DWA", "DWA pattern"),
    "reason": ("alasan", "reason"),
    "job_class": ("kelas jabatan", "job class"),
    "base_version": ("versi dasar", "base version"),
    "device_id": ("id perangkat", "device id"),
    "op_id": ("id operasi", "op id"),
    "entity_id": ("id rekaman", "record id"),
    "value": ("nilai", "value"),
    "work_date": ("tanggal kerja", "work date"),
    "work_mode": ("mode kerja", "work mode"),
}

# what an id field points at, for "id tim" / "team id"
_ID_STEMS: dict[str, tuple[str, str]] = {
    "": ("", ""), "team": ("tim", "team"), "employee": ("pegawai", "employee"), "report": ("laporan", "report"),
    "task": ("tugas", "task"), "indicator": ("indikator", "indicator"), "target": ("target", "target"),
    "plan": ("rencana", "plan"), "unit": ("unit", "unit"), "reviewer": ("verifikator", "reviewer"),
    "from": ("pengirim", "sender"), "to": ("penerima", "recipient"), "parent": ("induk", "parent"),
    "superior": ("atasan", "superior"), "jpt": ("JPT", "JPT"),
}

_BOUNDS = {"gt": (">", ">"), "ge": (">=", ">="), "lt": ("<", "<"), "le": ("<=", "<=")}


def field_label(field: str) -> tuple[str, str]:
    """(Indonesian, English) words for a model field; ids read as "id tim" / "team id"."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    if field == "id" or field.endswith("_id"):
        stem = field[:-3] if field != "id" else ""
        indonesian, english = _ID_STEMS.get(stem, (stem.replace("_", " "), stem.replace("_", " ")))
        return (f"id {indonesian}".strip(), f"{english} id".strip())
    words = field.replace("_", " ")
    return words, words


@dataclasses.dataclass(frozen=True)
class FirstError:
    """The first problem a pydantic ValidationError reports, as plain values."""

    path: str  # the dotted location: "op_id", "payload", "activities.0.minutes"; "" for the whole
    field: str  # the last named part of the location, as a person calls the field; "value" for none
    kind: str  # pydantic's error type ("missing", "string_too_long") or one of ours ("text_control_char")
    msg: str  # pydantic's English sentence
    ctx: dict[str, Any]
    value: object  # the refused input (None when pydantic does not say)


def first_error(exc: BaseException) -> FirstError | None:
    """The first problem of a pydantic ValidationError; None for any other exception.

    The one place that reads pydantic's error list: validation_error (below) turns it into
    words for people, error_line into one technical line, and the server names the field of a
    malformed op with it (server/app.py).
    """
    from pydantic_core import ValidationError  # only when there is an error to read

    if not isinstance(exc, ValidationError) or not exc.error_count():
        return None
    return read_error(exc.errors(include_url=False)[0])


def read_error(error: Mapping[str, Any]) -> FirstError:
    """One entry of pydantic's error list (``exc.errors()``) as plain values."""
    loc = error.get("loc", ())
    names = [str(part) for part in loc if not isinstance(part, int)]
    return FirstError(path=".".join(str(part) for part in loc), field=names[-1] if names else "value",
                      kind=error.get("type", ""), msg=error.get("msg", ""), ctx=dict(error.get("ctx") or {}),
                      value=error.get("input"))


# What is wrong with a field, by error type, as words that follow its name: "kolom op_id wajib
# diisi" / "field op_id is required" (server/app.py's op_invalid). (Indonesian, English)
PROBLEM_WORDS: dict[str, tuple[str, str]] = {
    "missing": ("wajib diisi", "is required"),
    "string_type": ("harus berupa teks", "must be text"),
    "string_too_short": ("terlalu pendek", "is too short"),
    "string_too_long": ("terlalu panjang", "is too long"),
    "string_pattern_mismatch": ("formatnya tidak valid", "has an invalid format"),
    "int_type": ("harus bilangan bulat", "must be an integer"),
    "int_parsing": ("harus bilangan bulat", "must be an integer"),
    "int_from_float": ("harus bilangan bulat", "must be an integer"),
    "greater_than_equal": ("di luar rentang yang diizinkan", "is out of range"),
    "greater_than": ("di luar rentang yang diizinkan", "is out of range"),
    "less_than_equal": ("di luar rentang yang diizinkan", "is out of range"),
    "less_than": ("di luar rentang yang diizinkan", "is out of range"),
    "dict_type": ("harus berupa objek", "must be an object"),
    "model_type": ("harus berupa objek", "must be an object"),
    "literal_error": ("nilainya tidak dikenal", "has an unknown value"),
    "too_deep": ("bersarang terlalu dalam", "is nested too deeply"),
    "text_nul": ("berisi karakter NUL", "contains a NUL character"),
    "text_surrogate": ("bukan teks Unicode yang sah", "is not valid Unicode text"),
}


def problem_words(kind: str) -> tuple[str, str]:
    """(Indonesian, English) words for an error type (PROBLEM_WORDS), "is invalid" for others."""
    return PROBLEM_WORDS.get(kind, ("tidak valid", "is invalid"))


def validation_error(exc: Exception) -> DomainError:
    """The first problem of a pydantic ValidationError as a DomainError a person can read.

        >>> from sk_tui.domain.models import Task
        >>> try:
        ...     Task(team_id="t1", title="judul\x1b[2J")
        ... except ValueError as exc:
        ...     print(validation_error(exc).message("en"))
        The title contains a character that is not allowed: U+001B ESCAPE.
    """
    first = first_error(exc)
    if first is None:  # not a ValidationError after all: its own first line
        return DomainError("value_invalid", field="value", detail=str(exc).splitlines()[0] if str(exc) else "?")
    field, kind, ctx, value = first.field, first.kind, first.ctx, first.value
    if kind == "text_control_char":
        return DomainError("text_control_char", field=field, char=ctx.get("char", "?"))
    if kind in ("text_too_long", "string_too_long"):
        length = ctx.get("length", len(value) if isinstance(value, str) else "?")
        return DomainError("text_too_long", field=field, length=length, max_length=ctx.get("max_length"))
    if kind == "string_too_short":
        return DomainError("text_empty", field=field)
    if kind in ("id_invalid", "string_pattern_mismatch"):
        return DomainError("id_invalid", field=field)
    if kind == "too_long":
        length = ctx.get("actual_length", len(value) if isinstance(value, Sized) else "?")
        return DomainError("list_too_long", field=field, length=length, max_length=ctx.get("max_length"))
    bound = next(((key, ctx[key]) for key in _BOUNDS if key in ctx), None)
    if bound is not None:
        sign = _BOUNDS[bound[0]][0]
        return DomainError("number_out_of_range", field=field, value=_short(value),
                           bound_id=f"{sign} {bound[1]}", bound_en=f"{sign} {bound[1]}")
    if kind == "finite_number":
        return DomainError("number_out_of_range", field=field, value=_short(value),
                           bound_id="angka terhingga", bound_en="a finite number")
    return DomainError("value_invalid", field=field, detail=first.msg or kind)


def _short(value: object) -> str:
    # repr escapes control characters; long input is cut so the message stays one line
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# Report status words as an Indonesian user reads them.
STATUS_ID = {"draft": "draf", "submitted": "diajukan", "approved": "disetujui", "returned": "dikembalikan"}

# What was refused to a report, as a passive verb: "tidak bisa diajukan" / "cannot be submitted".
ACTION_WORDS: dict[str, tuple[str, str]] = {
    "submit": ("diajukan", "submitted"),
    "edit": ("diubah", "changed"),
    "approve": ("disetujui", "approved"),
    "return": ("dikembalikan", "returned"),
}


class DomainError(ValueError):
    """A refused input or action. ``code`` is stable; ``message(lang)`` is for people."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = dict(params)
        why = params.get("why")
        if isinstance(why, str) and why in _WHY:
            self.params["why_id"], self.params["why_en"] = _WHY[why]
        action = params.get("action")
        if isinstance(action, str):
            self.params["action_id"], self.params["action_en"] = ACTION_WORDS.get(action, (action, action))
        field = params.get("field")
        if isinstance(field, str):
            self.params["field_id"], self.params["field_en"] = field_label(field)
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        templates = MESSAGES.get(self.code)
        if templates is None:
            return f"{self.code}: {self.params}"
        template = templates[1] if lang == "en" else templates[0]
        params = self.params
        status = params.get("status")
        if lang != "en" and isinstance(status, str) and status in STATUS_ID:
            params = {**params, "status": STATUS_ID[status]}
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return f"{self.code}: {self.params}"


def first_error_line(exc: BaseException) -> str:
    """The first problem of a pydantic ValidationError as one technical line: where, the value
    when it is short, and why. The one formatter for logs, sync problems and config files
    (``validation_error`` is the one for people's messages).

        >>> from sk_tui.domain.models import Activity
        >>> try:
        ...     Activity(report_id="r1", description="Rapat", minutes=60, position=10001)
        ... except ValueError as exc:
        ...     print(first_error_line(exc))
        position = 10001: Input should be less than or equal to 10000

    Any other exception gives its first line.
    """
    first = first_error(exc)
    if first is None:
        text = str(exc)
        return text.splitlines()[0] if text else type(exc).__name__
    return error_line(first)


def error_line(first: FirstError) -> str:
    """``where = value: why`` (the value only when it is short and plain)."""
    where = first.path or "value"
    reason = "unknown key" if first.kind == "extra_forbidden" else first.msg or "?"
    value = first.value
    if value is None or isinstance(value, str | int | float | bool):
        shown = repr(value)
        if len(shown) <= 80:
            return f"{where} = {shown}: {reason}"
    return f"{where}: {reason}"
