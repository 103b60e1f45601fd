"""Domain errors with a stable code and a message in Indonesian (default) or English.

    >>> DomainError("minutes_range", minutes=-5).message("en")
    'Minutes must be between 1 and 1440 (got -5).'
"""

from __future__ import annotations

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
    "report_empty": (
        "Laporan {day} belum berisi kegiatan; tambahkan kegiatan sebelum mengirim.",
        "The report for {day} has no activities; add one before submitting.",
    ),
    "transition_refused": (
        "Laporan berstatus {status} tidak bisa di-{action}.",
        "A {status} report cannot be {action}.",
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
    "task_move_edge": (
        "Kartu sudah di kolom paling {side}.",
        "The card is already in the {side_en} column.",
    ),
    "not_team_member": (
        "Anda bukan anggota tim ini.",
        "You are not a member of this team.",
    ),
    "work_mode_invalid": (
        "Mode kerja harus WFO, WFH atau WFA (diisi {value!r}).",
        "Work mode must be WFO, WFH or WFA (got {value!r}).",
    ),
    "location_required": (
        "Mode WFA memerlukan lokasi.",
        "WFA needs a location.",
    ),
    "status_invalid": (
        "Kolom tidak dikenal: {value!r}.",
        "Unknown column: {value!r}.",
    ),
    "no_workspace_user": (
        "Ruang kerja belum punya pengguna; jalankan `sk-tui demo` atau buat ruang kerja di aplikasi.",
        "The workspace has no user yet; run `sk-tui demo` or set one up in the app.",
    ),
    "work_date_window": (
        "Tanggal kerja {day} di luar jendela {days} hari.",
        "Work date {day} is outside the {days}-day window.",
    ),
    "assignee_not_member": (
        "Penerima tugas harus anggota tim tugas itu.",
        "Task assignees must be members of the task's team.",
    ),
}

_WHY = {
    "nip_digits": ("harus 18 angka", "must be 18 digits"),
    "nip_birth": ("tanggal lahir tidak ada", "the birth date does not exist"),
    "nip_appointment": ("TMT pengangkatan tidak masuk akal", "the appointment month is implausible"),
    "nip_sex": ("digit ke-15 harus 1 atau 2", "digit 15 must be 1 or 2"),
}


# Report status words as an Indonesian user reads them.
STATUS_ID = {"draft": "draf", "submitted": "terkirim", "approved": "disetujui", "returned": "dikembalikan"}


class DomainError(ValueError):
    """A refused input or action. ``code`` is stable; ``message(lang)`` is for people."""

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = dict(params)
        why = params.get("why")
        if isinstance(why, str) and why in _WHY:
            self.params["why_id"], self.params["why_en"] = _WHY[why]
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        templates = MESSAGES.get(self.code)
        if templates is None:
            return f"{self.code}: {self.params}"
        template = templates[1] if lang == "en" else templates[0]
        params = self.params
        if lang != "en" and params.get("status") in STATUS_ID:
            params = {**params, "status": STATUS_ID[params["status"]]}
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            return f"{self.code}: {self.params}"
