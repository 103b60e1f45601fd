"""Interface text in Indonesian (default) and English.

    >>> set_language("en"); t("col.todo")
    'To do'
    >>> set_language("id"); t("col.todo")
    'Dijadwalkan'

Binding descriptions use the binding id as their key, so the footer, the help screen and the
command palette all read from this one table.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

_LANG = "id"

TEXT: dict[str, tuple[str, str]] = {
    # app and modes
    "app.title": ("SK-TUI · Kerja Tim", "SK-TUI · Team work"),
    "mode.board": ("Papan tim", "Team board"),
    "mode.report": ("Laporan harian", "Daily report"),
    "mode.targets": ("Target kinerja", "Target progress"),
    "mode.review": ("Verifikasi", "Review"),
    "mode.problems": ("Masalah sinkron", "Sync problems"),
    "mode.teams": ("Lintas tim", "Across teams"),
    "sync.online": ("daring", "online"),
    "sync.offline": ("luring", "offline"),
    "sync.syncing": ("menyinkron…", "syncing…"),
    "sync.queued": ("antrean {n}", "queued {n}"),
    "sync.last": ("sinkron {time}", "synced {time}"),
    "sync.never": ("belum sinkron", "never synced"),
    "sync.problems": ("⚠ {n} masalah", "⚠ {n} problems"),
    "sync.done": ("Sinkron: {sent} terkirim, {received} diterima.", "Sync: {sent} sent, {received} received."),
    "sync.failed": ("Sinkron gagal: {error}", "Sync failed: {error}"),
    "error.logged": ("rincian di {path}", "details in {path}"),
    "error.not_logged": ("log {path} tidak dapat ditulis: {why}", "the log {path} could not be written: {why}"),
    "sync.kept_aside": ("{n} rekaman dari server tidak dapat disimpan; lihat Masalah sinkron (5).",
                        "{n} records from the server could not be stored; see Sync problems (5)."),
    "sync.no_server": ("Luring: belum terhubung ke server.", "Offline: no server connected."),
    "lang.switched": ("Bahasa: Indonesia", "Language: English"),
    "theme.switched": ("Tema: {name}", "Theme: {name}"),
    # app bindings (ids)
    "app.board": ("Papan", "Board"),
    "app.report": ("Laporan", "Report"),
    "app.targets": ("Target", "Targets"),
    "app.review": ("Verifikasi", "Review"),
    "app.problems": ("Masalah", "Problems"),
    "app.teams": ("Tim", "Teams"),
    "teams.heading": ("{n} tim · {month}", "{n} teams · {month}"),
    "teams.open": ("Buka papan", "Open board"),
    "teams.dwa_approve": ("Setujui DWA", "Approve DWA"),
    "teams.dwa_refuse": ("Tolak DWA", "Refuse DWA"),
    "teams.load": ("Pegawai di beberapa tim (menit bulan ini, kartu terbuka)",
                   "People on several teams (minutes this month, open cards)"),
    "teams.dwa_pending": ("Pengajuan DWA menunggu keputusan", "DWA applications awaiting a decision"),
    "teams.output": ("Keluaran per hari kerja menurut mode kerja, unit, {month}",
                     "Output per working day by work mode, unit, {month}"),
    "teams.output_none": ("Belum ada laporan disetujui bulan ini.", "No approved reports this month yet."),
    "teams.output_line": ("{minutes} menit/hari · volume {volume}/hari · {days} hari",
                          "{minutes} min/day · volume {volume}/day · {days} days"),
    "teams.closed": ("(ditutup)", "(closed)"),
    "teams.other_unit": ("{n} lain", "{n} other"),
    "teams.col.team": ("Tim", "Team"),
    "teams.col.scope": ("Lingkup", "Scope"),
    "teams.col.lead": ("Ketua", "Lead"),
    "teams.col.members": ("Anggota", "Members"),
    "teams.col.open": ("Kartu", "Cards"),
    "teams.col.overdue": ("Lewat", "Late"),
    "teams.col.reports": ("Laporan", "Reports"),
    "teams.col.verified": ("Verif", "Verified"),
    "teams.col.progress": ("IKI", "IKI"),
    "teams.col.submitted": ("Lapor", "Filed"),
    "teams.col.late_reviews": ("Verif lewat", "Late verif"),
    "teams.open_targets": ("Target tim", "Team targets"),
    "teams.open_review": ("Antrean verifikasi", "Review queue"),
    "teams.col.person": ("Pegawai", "Employee"),
    "teams.col.teams": ("Tim", "Teams"),
    "teams.col.minutes": ("Menit per tim", "Minutes by team"),
    "teams.col.tasks": ("Kartu per tim", "Cards by team"),
    "teams.col.pattern": ("Pola", "Pattern"),
    "teams.col.period": ("Masa berlaku", "Valid"),
    "teams.col.targets": ("Target keluaran", "Output targets"),
    "teams.dwa_none_selected": ("Pilih pengajuan DWA dulu.", "Choose a DWA application first."),
    "teams.dwa_approved": ("DWA pola {pattern} disetujui.", "DWA pattern {pattern} approved."),
    "teams.dwa_refused": ("DWA pola {pattern} ditolak.", "DWA pattern {pattern} refused."),
    "teams.dwa_refuse_note": ("Alasan penolakan DWA", "Why the DWA application is refused"),
    "app.help": ("Bantuan", "Help"),
    "app.palette": ("Perintah", "Commands"),
    "app.language": ("Bahasa", "Language"),
    "app.theme": ("Tema", "Theme"),
    "app.sync": ("Sinkron", "Sync"),
    "app.quit": ("Keluar", "Quit"),
    "palette.placeholder": ("Cari perintah…", "Search for commands…"),
    "scroll.down": ("Gulir ke bawah", "Scroll down"),
    "scroll.up": ("Gulir ke atas", "Scroll up"),
    "group.screens": ("Layar", "Screens"),
    "group.move": ("Geser", "Move"),
    "group.day": ("Hari", "Day"),
    # board
    "col.backlog": ("Backlog", "Backlog"),
    "col.todo": ("Dijadwalkan", "To do"),
    "col.in_progress": ("Dikerjakan", "In progress"),
    "col.review": ("Ditinjau", "Review"),
    "col.done": ("Selesai", "Done"),
    "board.left": ("Kolom kiri", "Column left"),
    "board.right": ("Kolom kanan", "Column right"),
    "board.up": ("Kartu atas", "Card up"),
    "board.down": ("Kartu bawah", "Card down"),
    "board.move_left": ("Geser ←", "Move ←"),
    "board.move_right": ("Geser →", "Move →"),
    "board.open": ("Buka", "Open"),
    "board.new": ("Baru", "New"),
    "board.assign": ("Orang", "Assign"),
    "board.filter_assignee": ("Saring", "Filter"),
    "board.filter_overdue": ("Terlambat", "Overdue"),
    "board.search": ("Cari", "Search"),
    "board.team": ("Tim", "Team"),
    "board.clear": ("Hapus saringan", "Clear filters"),
    "board.no_team": ("Anda belum tergabung dalam tim.", "You are not on any team yet."),
    "board.empty_col": ("(kosong)", "(empty)"),
    "board.filter.all": ("Semua orang", "Everyone"),
    "board.filter.me": ("Saya", "Me"),
    "board.filter.label": ("saring: {what}", "filter: {what}"),
    "board.filter.overdue": ("terlambat", "overdue"),
    "board.search.placeholder": ("Cari judul… (Enter selesai, Esc batal)", "Search titles… (Enter done, Esc clear)"),
    "board.cards": ("{n} kartu", "{n} cards"),
    "board.choose_team": ("Pilih tim", "Choose a team"),
    "board.choose_person": ("Saring menurut orang", "Filter by person"),
    "task.title": ("Judul", "Title"),
    "task.description": ("Uraian", "Description"),
    "task.due": ("Tenggat (YYYY-MM-DD)", "Due (YYYY-MM-DD)"),
    "task.target": ("Target (RHK) terkait", "Linked target (RHK)"),
    "task.assignees": ("Pelaksana", "Assignees"),
    "task.none": ("(tidak ada)", "(none)"),
    "task.new": ("Tugas baru · {team}", "New task · {team}"),
    "task.edit": ("Ubah tugas", "Edit task"),
    "task.saved": ("Tugas disimpan.", "Task saved."),
    "task.created": ("Tugas dibuat.", "Task created."),
    "task.assign_title": ("Pelaksana: {title}", "Assignees: {title}"),
    "task.assign_hint": ("Spasi pilih · Enter simpan · Esc batal", "Space toggles · Enter saves · Esc cancels"),
    "task.title_empty": ("Judul tidak boleh kosong.", "The title must not be empty."),
    "form.save": ("Simpan", "Save"),
    "form.hint": ("Tab pindah kolom · Ctrl+S simpan · Esc batal", "Tab next field · Ctrl+S save · Esc cancel"),
    "form.invalid": ("Periksa isian: {msg}", "Check the form: {msg}"),
    "form.date_bad": ("Tanggal harus YYYY-MM-DD.", "Dates must be YYYY-MM-DD."),
    "form.save_id": ("Simpan", "Save"),
    "form.cancel_id": ("Batal", "Cancel"),
    "confirm.yes": ("Ya", "Yes"),
    "confirm.no": ("Tidak", "No"),
    "confirm.hint": ("Y/Enter ya · N/Esc tidak", "Y/Enter yes · N/Esc no"),
    # report
    "report.prev": ("Hari sebelumnya", "Previous day"),
    "report.next": ("Hari berikutnya", "Next day"),
    "report.today": ("Hari ini", "Today"),
    "report.add": ("Tambah", "Add"),
    "report.edit": ("Ubah", "Edit"),
    "report.delete": ("Hapus", "Delete"),
    "report.submit": ("Kirim", "Submit"),
    "report.mode": ("Mode kerja", "Work mode"),
    "report.location": ("Lokasi", "Location"),
    "report.location.placeholder": ("lokasi kerja (wajib untuk WFA)", "where you work (needed for WFA)"),
    "report.heading": ("Laporan {day}", "Report for {day}"),
    "report.deadline_left": ("batas kirim {time} ({left} lagi)", "due {time} ({left} left)"),
    "report.deadline_passed": ("batas kirim {time} terlewati", "{time} deadline passed"),
    "report.status.none": ("Belum ada", "Not started"),
    "report.status.draft": ("Draf", "Draft"),
    "report.status.submitted": ("Terkirim", "Submitted"),
    "report.status.approved": ("Disetujui", "Approved"),
    "report.status.returned": ("Dikembalikan", "Returned"),
    "report.note": ("Catatan ketua tim: {note}", "Lead's note: {note}"),
    "report.day_total": ("Hari ini {minutes} menit", "Day {minutes} min"),
    "report.month_total": (
        "Bulan ini {reported} menit dilaporkan, {approved} disetujui / target {target}",
        "Month {reported} min reported, {approved} approved / target {target}",
    ),
    "report.col.no": ("#", "#"),
    "report.col.desc": ("Uraian kegiatan", "Activity"),
    "report.col.minutes": ("Menit", "Min"),
    "report.col.volume": ("Volume", "Volume"),
    "report.col.link": ("Tautan", "Link"),
    "report.col.evidence": ("Bukti", "Evidence"),
    "report.empty": ("Belum ada kegiatan. Tekan A untuk menambah.", "No activities yet. Press A to add one."),
    "report.confirm_submit": (
        "Kirim laporan {day} ({minutes} menit, {count} kegiatan) ke ketua tim? Setelah dikirim laporan tidak bisa diubah.",
        "Submit the report for {day} ({minutes} min, {count} activities) to your team lead? It cannot be changed afterwards.",
    ),
    "report.confirm_delete": ("Hapus kegiatan “{desc}”?", "Delete the activity “{desc}”?"),
    "report.submitted": ("Laporan {day} dikirim; menunggu sinkronisasi.", "Report for {day} submitted; queued for sync."),
    "report.saved": ("Draf tersimpan.", "Draft saved."),
    "report.deleted": ("Kegiatan dihapus.", "Activity deleted."),
    "report.future": ("Laporan hanya untuk hari ini atau sebelumnya.", "Reports are for today or earlier."),
    "report.warn_day": ("Perhatian: lebih dari {limit} menit sehari.", "Note: over {limit} minutes in a day."),
    "activity.new": ("Kegiatan baru · {day}", "New activity · {day}"),
    "activity.edit": ("Ubah kegiatan · {day}", "Edit activity · {day}"),
    "activity.desc": ("Uraian kegiatan", "What you did"),
    "activity.minutes": ("Menit (1–1440)", "Minutes (1–1440)"),
    "activity.volume": ("Volume", "Volume"),
    "activity.unit": ("Satuan", "Unit"),
    "activity.link": ("Tautan ke tugas / indikator", "Link to a task / indicator"),
    "activity.evidence": ("Bukti dukung (tautan atau nomor dokumen)", "Evidence (a link or document number)"),
    "activity.link.task": ("Tugas: {title}", "Task: {title}"),
    "activity.link.indicator": ("IKI: {text}", "IKI: {text}"),
    "activity.draft_restored": ("Isian yang belum disimpan dipulihkan.", "Unsaved input restored."),
    "valid.minutes": ("Menit harus bilangan bulat 1–1440.", "Minutes must be a whole number from 1 to 1440."),
    "valid.volume": ("Volume harus angka 0 atau lebih.", "Volume must be a number of 0 or more."),
    "valid.desc": ("Uraian kegiatan tidak boleh kosong.", "The activity description must not be empty."),
    "valid.evidence": (
        "Bukti harus tautan http(s) yang utuh atau nomor dokumen (maks. 1000 huruf).",
        "Evidence must be a full http(s) link or a document number (at most 1000 characters).",
    ),
    "valid.unit": ("Satuan tidak boleh kosong.", "The unit must not be empty."),
    # targets
    "targets.heading": ("Target kinerja {who} · {year}", "Target progress · {who} · {year}"),
    "targets.team_heading": ("Target tim {team} · {year}", "Team targets · {team} · {year}"),
    "targets.toggle": ("Saya/Tim", "Me/Team"),
    "targets.team": ("Pilih tim", "Team"),
    "targets.month": (
        "{month}: disetujui {approved} / target {target} menit · capaian {achievement} · tunjangan {allowance}",
        "{month}: {approved} approved / {target} target minutes · achievement {achievement} · allowance {allowance}",
    ),
    "targets.projection": (
        "Proyeksi akhir bulan pada laju saat ini: {minutes} menit ({pct} dari target)",
        "Month-end projection at the current pace: {minutes} min ({pct} of target)",
    ),
    "targets.daily": ("Menit harian bulan ini", "Daily minutes this month"),
    "targets.indicators": ("Indikator (IKI): realisasi disetujui / target periode", "Indicators (IKI): approved result / period target"),
    "targets.assessed": ("target {target} {unit} · dinilai saat evaluasi kinerja", "target {target} {unit} · assessed at the performance evaluation"),
    "targets.indicator_line": ("{value} / {target} {unit} · proyeksi {projected}", "{value} / {target} {unit} · projected {projected}"),
    "targets.none": ("Belum ada target (SKP) untuk periode ini.", "No targets (SKP) for this period."),
    "targets.members": ("Rekap anggota tim bulan ini", "Team members this month"),
    "targets.col.name": ("Pegawai", "Employee"),
    "targets.col.approved": ("Disetujui", "Approved"),
    "targets.col.target": ("Target", "Target"),
    "targets.col.achievement": ("Capaian", "Achiev."),
    "targets.col.allowance": ("Tunjangan", "Allowance"),
    "targets.late": ("{n} laporan terlambat ({minutes} menit tidak dihitung)", "{n} late reports ({minutes} min not counted)"),
    # review
    "review.heading": ("Laporan menunggu verifikasi: {n}", "Reports waiting for review: {n}"),
    "review.approve": ("Setujui", "Approve"),
    "review.return": ("Kembalikan", "Return"),
    "review.refresh": ("Muat ulang", "Reload"),
    "review.col.date": ("Tanggal", "Date"),
    "review.col.who": ("Pegawai", "Employee"),
    "review.col.minutes": ("Menit", "Min"),
    "review.col.mode": ("Mode", "Mode"),
    "review.none": ("Tidak ada laporan yang perlu diverifikasi.", "Nothing to review."),
    "review.approved": ("Laporan {who} {day} disetujui.", "Approved {who}'s report for {day}."),
    "review.returned": ("Laporan {who} {day} dikembalikan.", "Returned {who}'s report for {day}."),
    "review.note_title": ("Catatan pengembalian untuk {who} ({day})", "Note for returning {who}'s report ({day})"),
    "review.note_placeholder": ("apa yang perlu diperbaiki", "what needs fixing"),
    "review.not_lead": ("Anda tidak memimpin tim; tidak ada laporan untuk diverifikasi.", "You lead no team; there is nothing to review."),
    # sync problems
    "problems.heading": ("{n} masalah: ditolak, bentrok, atau tak dapat disimpan",
                         "{n} problems: refused, conflicting or unstorable"),
    "problems.none": ("Tidak ada masalah sinkron.", "No sync problems."),
    "problems.retry": ("Kirim ulang", "Retry"),
    "problems.dismiss": ("Abaikan", "Dismiss"),
    "problems.refresh": ("Muat ulang", "Reload"),
    "problems.col.what": ("Perubahan", "Change"),
    "problems.col.state": ("Status", "State"),
    "problems.col.reason": ("Alasan", "Reason"),
    "problems.state.rejected": ("ditolak", "rejected"),
    "problems.state.conflict": ("konflik", "conflict"),
    "problems.state.blocked": ("terblokir", "blocked"),
    "problems.state.invalid": ("tidak sah", "invalid"),
    "problems.entity.unit": ("Unit kerja", "Unit"),
    "problems.entity.employee": ("Pegawai", "Employee"),
    "problems.entity.team": ("Tim", "Team"),
    "problems.entity.membership": ("Keanggotaan tim", "Team membership"),
    "problems.entity.plan": ("SKP", "Performance plan"),
    "problems.entity.target": ("RHK", "Target"),
    "problems.entity.indicator": ("IKI", "Indicator"),
    "problems.op.pull": ("terima", "receive"),
    "problems.entity.report": ("Laporan", "Report"),
    "problems.entity.review": ("Verifikasi", "Review"),
    "problems.entity.task": ("Tugas", "Task"),
    "problems.entity.feedback": ("Umpan balik", "Feedback"),
    "problems.op.submit": ("kirim", "submit"),
    "problems.op.decide": ("putusan", "decision"),
    "problems.op.create": ("buat", "create"),
    "problems.op.update": ("ubah", "update"),
    "problems.retried": ("{what} diantrekan ulang.", "{what} queued again."),
    "problems.dismissed": ("{what} diabaikan; salinan server dipakai.", "{what} dismissed; the server's copy stays."),
    "problems.dismissed_pulled": ("{what} diabaikan; salinan lokal tetap seperti sebelumnya.",
                                  "{what} dismissed; the local copy stays as it was."),
    "problems.no_reason": ("(tanpa alasan)", "(no reason given)"),
    # help
    "help.title": ("Bantuan: semua tombol", "Help: every key"),
    "help.close": ("Tutup", "Close"),
    "help.col.keys": ("Tombol", "Keys"),
    "help.col.action": ("Aksi", "Action"),
    "help.col.id": ("ID (untuk keymap)", "ID (for keymap)"),
    "help.section.app": ("Di mana saja", "Anywhere"),
    "help.footer": (
        "Ubah tombol di config.toml: [keymap] \"board.move_right\" = \"ctrl+right\"",
        "Remap keys in config.toml: [keymap] \"board.move_right\" = \"ctrl+right\"",
    ),
    # welcome
    "welcome.title": ("Selamat datang di SK-TUI", "Welcome to SK-TUI"),
    "welcome.body": (
        ("Aplikasi kerja tim, laporan harian dan rekap TRK yang tetap jalan tanpa internet.\n"
         "Belum ada ruang kerja di komputer ini. Mau mulai dari mana?"),
        ("Team work, daily reports and the TRK recap, working offline.\n"
         "There is no workspace on this computer yet. Where would you like to start?"),
    ),
    "welcome.demo": ("Coba demo (data contoh Biro Hukum)", "Try the demo (sample data)"),
    "welcome.server": ("Sambungkan ke server kantor (alamat + token)", "Connect to your office server (address + token)"),
    "welcome.personal": ("Ruang kerja pribadi luring (nama, NIP, unit)", "Personal offline workspace (name, NIP, unit)"),
    "welcome.building": ("Menyiapkan demo…", "Preparing the demo…"),
    "welcome.server_url": ("Alamat server (https://…)", "Server address (https://…)"),
    "welcome.token": ("Token perangkat", "Device token"),
    "welcome.url_bad": ("Alamat harus diawali http:// atau https://", "The address must start with http:// or https://"),
    "welcome.token_empty": ("Token tidak boleh kosong.", "The token must not be empty."),
    "welcome.connected": ("Server disimpan. Lengkapi profil Anda.", "Server saved. Complete your profile."),
    "welcome.name": ("Nama lengkap", "Full name"),
    "welcome.nip": ("NIP (18 angka)", "NIP (18 digits)"),
    "welcome.unit": ("Unit kerja", "Work unit"),
    "welcome.name_empty": ("Nama tidak boleh kosong.", "The name must not be empty."),
    "welcome.unit_empty": ("Unit kerja tidak boleh kosong.", "The unit must not be empty."),
    "welcome.team_name": ("Tim {name}", "{name}'s team"),
    "welcome.ready": ("Ruang kerja siap.", "Workspace ready."),
    # misc
    "who.lead": ("ketua tim", "team lead"),
    "who.jpt": ("JPT", "JPT"),
    "who.member": ("anggota", "member"),
    "minutes": ("menit", "min"),
    "left.hm": ("{h} j {m} m", "{h} h {m} m"),
}

MONTHS = (
    ("Januari", "January"), ("Februari", "February"), ("Maret", "March"), ("April", "April"),
    ("Mei", "May"), ("Juni", "June"), ("Juli", "July"), ("Agustus", "August"),
    ("September", "September"), ("Oktober", "October"), ("November", "November"), ("Desember", "December"),
)
DAYS = (
    ("Senin", "Monday"), ("Selasa", "Tuesday"), ("Rabu", "Wednesday"), ("Kamis", "Thursday"),
    ("Jumat", "Friday"), ("Sabtu", "Saturday"), ("Minggu", "Sunday"),
)


def set_language(lang: str) -> None:
    global _LANG
    _LANG = "en" if lang == "en" else "id"


def language() -> str:
    return _LANG


def t(key: str, **params: object) -> str:
    """The text for ``key`` in the current language (the key itself when unknown)."""
    pair = TEXT.get(key)
    if pair is None:
        return key
    text = pair[1] if _LANG == "en" else pair[0]
    return text.format(**params) if params else text


def number(value: float | int, decimals: int = 0) -> str:
    """Thousands grouped the local way: 6.750 in Indonesian, 6,750 in English."""
    text = f"{value:,.{decimals}f}"
    if _LANG == "en":
        return text
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(fraction: float | Decimal) -> str:
    return number(float(fraction) * 100, 1) + "%"


def rupiah(amount: int) -> str:
    return "Rp " + number(amount)


def long_date(day: dt.date) -> str:
    index = 1 if _LANG == "en" else 0
    return f"{DAYS[day.weekday()][index]}, {day.day} {MONTHS[day.month - 1][index]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}"


def month_name(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1][1 if _LANG == 'en' else 0]} {day.year}"
