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

from sk_tui.domain.i18n_cli import CLI_TEXT

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
    "sync.syncing": ("menyinkronkan…", "syncing…"),
    "sync.pulling": ("menarik {n} catatan…", "pulling {n} records…"),
    "sync.queued": ("antrean {n}", "queued {n}"),
    "sync.last": ("sinkron {time}", "synced {time}"),
    "sync.never": ("belum sinkron", "never synced"),
    "sync.problems": ("⚠ {n} masalah", "⚠ {n} problems"),
    "sync.done": ("Sinkron: {sent} dikirim, {received} diterima.", "Sync: {sent} sent, {received} received."),
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
    "teams.output_none": ("Belum ada laporan yang disetujui bulan ini.", "No approved reports this month yet."),
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
    "col.backlog": ("Rencana", "Backlog"),
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
    "board.assign": ("Tugaskan", "Assign"),
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
    "task.assignees": ("Penerima tugas", "Assignees"),
    "task.none": ("(tidak ada)", "(none)"),
    "task.new": ("Tugas baru · {team}", "New task · {team}"),
    "task.edit": ("Ubah tugas", "Edit task"),
    "task.saved": ("Tugas disimpan.", "Task saved."),
    "task.created": ("Tugas dibuat.", "Task created."),
    "task.assign_title": ("Penerima tugas: {title}", "Assignees: {title}"),
    "task.assign_hint": ("Spasi pilih · Enter simpan · Esc batal", "Space toggles · Enter saves · Esc cancels"),
    "task.title_empty": ("Judul tidak boleh kosong.", "The title must not be empty."),
    "form.save": ("Simpan", "Save"),
    "form.hint": ("Tab pindah kolom · Ctrl+S simpan · Esc batal", "Tab next field · Ctrl+S save · Esc cancel"),
    "form.hint_one_field": ("Enter/Ctrl+S simpan · Esc batal", "Enter/Ctrl+S save · Esc cancel"),
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
    "report.submit": ("Ajukan", "Submit"),
    "report.mode": ("Mode kerja", "Work mode"),
    "report.location": ("Lokasi", "Location"),
    "report.location.placeholder": ("lokasi kerja (wajib untuk WFA)", "where you work (needed for WFA)"),
    "report.heading": ("Laporan {day}", "Report for {day}"),
    "report.deadline_left": ("batas kirim pukul {time} {zone} ({left} lagi)", "due at {time} {zone} ({left} left)"),
    "report.deadline_passed": ("batas kirim pukul {time} {zone} terlewati", "the {time} {zone} deadline has passed"),
    "report.status.none": ("Belum ada", "Not started"),
    "report.status.draft": ("Draf", "Draft"),
    "report.status.submitted": ("Diajukan", "Submitted"),
    "report.status.approved": ("Disetujui", "Approved"),
    "report.status.returned": ("Dikembalikan", "Returned"),
    "report.note": ("Catatan ketua tim: {note}", "Lead's note: {note}"),
    "report.note_team": ("↩ Dikembalikan oleh {team}: {note}", "↩ Returned by {team}: {note}"),
    "report.day_total": ("Jumlah {minutes} menit", "Day {minutes} min"),
    "report.month_total": (
        "Bulan ini {reported} menit dilaporkan, {approved} disetujui / target {target}",
        "Month {reported} min reported, {approved} approved / target {target}",
    ),
    "report.col.no": ("#", "#"),
    "report.col.desc": ("Uraian kegiatan", "Activity"),
    "report.col.minutes": ("Menit", "Min"),
    "report.col.volume": ("Volume", "Volume"),
    "report.col.link": ("Terkait", "Linked"),
    "report.col.evidence": ("Bukti", "Evidence"),
    "report.empty": ("Belum ada kegiatan. Tekan A untuk menambah.", "No activities yet. Press A to add one."),
    "report.confirm_submit": (
        "Ajukan laporan {day} ({minutes} menit, {count} kegiatan) ke ketua tim? Setelah diajukan, laporan tidak bisa diubah.",
        "Submit the report for {day} ({minutes} min, {count} activities) to your team lead? It cannot be changed afterwards.",
    ),
    "report.confirm_delete": ("Hapus kegiatan “{desc}”?", "Delete the activity “{desc}”?"),
    "report.submitted": ("Laporan {day} diajukan; menunggu sinkronisasi.", "Report for {day} submitted; queued for sync."),
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
    "activity.link": ("Terkait tugas / indikator", "Linked to a task / indicator"),
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
    "targets.explain": ("Rincian", "Breakdown"),
    "targets.col.effective": ("Efektif", "Effective"),
    "targets.col.negative": ("Negatif", "Negative"),
    "targets.col.class": ("Kelas", "Class"),
    "targets.closed": ("Bulan ditutup · angka resmi {allowance} · kebijakan v{version}",
                       "Month closed · official figure {allowance} · policy v{version}"),
    "targets.policy": ("kebijakan v{version}", "policy v{version}"),
    "targets.policy_local": ("kebijakan lokal", "local policy"),
    "targets.policy_unreadable": ("kebijakan instansi tidak terbaca: {why} (angka dengan nilai bawaan, bukan resmi)",
                                  "the agency's policy cannot be read: {why} (figures with the defaults, not official)"),
    "targets.no_ceiling": ("kelas jabatan {job_class} tidak ada di tabel pagu kebijakan",
                           "job class {job_class} is not in the policy's ceiling table"),
    "explain.title": ("Rincian tunjangan {month}", "Allowance breakdown {month}"),
    "explain.close": ("Tutup", "Close"),
    "explain.hint": ("Esc/r: tutup · ↑↓: gulir", "Esc/r: close · ↑↓: scroll"),
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
    "review.col.team": ("Tim", "Team"),
    "review.team": ("bagian {team}", "{team}'s part"),
    "review.link.task": ("tugas: {title}", "task: {title}"),
    "review.link.indicator": ("IKI: {text}", "IKI: {text}"),
    "review.verdict.approved": ("disetujui", "approved"),
    "review.verdict.returned": ("dikembalikan", "returned"),
    "activity.team": ("Tim yang memverifikasi", "Team that verifies it"),
    "activity.team_default": ("otomatis: tim tugas/IKI, atau bawaan saya {team}",
                              "automatic: the task's/IKI's team, else my default {team}"),
    "activity.team_default_auto": ("otomatis: tim tugas/IKI, atau {team}",
                                   "automatic: the task's/IKI's team, else {team}"),
    "activity.hint": ("Tab pindah kolom · F4 tim jadi bawaan · Ctrl+S simpan · Esc batal",
                      "Tab next field · F4 team as default · Ctrl+S save · Esc cancel"),
    "activity.make_default": ("Jadikan bawaan", "Make default"),
    "activity.pick_team_first": ("Pilih timnya dulu, lalu F4 untuk menjadikannya bawaan.",
                                 "Choose the team first, then F4 makes it the default."),
    "activity.team_auto": ("otomatis (tim tugas/IKI, atau tim utama)", "automatic (the task's/IKI's team, else my main team)"),
    "review.none": ("Tidak ada laporan yang perlu diverifikasi.", "Nothing to review."),
    "review.approved": ("Laporan {who} {day} disetujui.", "Approved {who}'s report for {day}."),
    "review.returned": ("Laporan {who} {day} dikembalikan.", "Returned {who}'s report for {day}."),
    "review.note_title": ("Catatan pengembalian untuk {who} ({day})", "Note for returning {who}'s report ({day})"),
    "review.note_placeholder": ("apa yang perlu diperbaiki", "what needs fixing"),
    "review.not_lead": ("Anda tidak memimpin tim; tidak ada laporan untuk diverifikasi.", "You lead no team; there is nothing to review."),
    # sync problems
    "problems.heading": ("{n} masalah: ditolak, konflik, atau tak dapat disimpan",
                         "{n} problems: refused, conflicting or unstorable"),
    "problems.none": ("Tidak ada masalah sinkron.", "No sync problems."),
    "problems.retry": ("Terapkan ulang", "Reapply mine"),
    "problems.dismiss": ("Pakai versi server", "Keep server's"),
    "problems.edit": ("Sunting", "Edit"),
    "problems.reapplied": ("{what} diterapkan ulang pada versi terbaru; menunggu sinkron.",
                           "{what} reapplied on the current version; waiting to sync."),
    "problems.edited": ("Isi laporan {day} dikembalikan sebagai draf; sunting lalu kirim.",
                        "The report for {day} is back as a draft; edit it, then submit."),
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
    "problems.op.submit": ("ajukan", "submit"),
    "problems.op.decide": ("keputusan verifikasi", "review decision"),
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
    # --- added for issue 11 (conventions, live sync, forms) ---
    "app.back": ("Kembali", "Back"),
    "app.list_down": ("Baris berikutnya", "Next row"),
    "app.list_up": ("Baris sebelumnya", "Previous row"),
    "quit.confirm_offline": (
        ("{n} perubahan masih di antrean dan aplikasi luring. Keluar sekarang? Perubahan tetap tersimpan "
        "dan dikirim pada sinkron berikutnya."),
        ("{n} changes are still queued and the app is offline. Quit now? They stay saved and are sent "
        "at the next sync."),
    ),
    "settings.not_saved": ("Pengaturan tidak tersimpan ke config.toml: {error}",
                           "The setting was not saved to config.toml: {error}"),
    "sync.busy": ("Sinkronisasi lain sedang berjalan; dicoba lagi sebentar.",
                  "Another sync is running; trying again shortly."),
    "sync.decision.approved": ("Laporan {day} disetujui.", "Report for {day} approved."),
    "sync.decision.returned": ("Laporan {day} dikembalikan: {note}", "Report for {day} returned: {note}"),
    "report.confirm_submit_full": (
        ("Ajukan laporan {day} ke ketua tim?\n\nMode kerja: {mode}{location}\nKegiatan: {count}\n"
        "Jumlah: {minutes} menit\n\nSetelah diajukan, laporan tidak bisa diubah."),
        ("Submit the report for {day} to your team lead?\n\nWork mode: {mode}{location}\nActivities: {count}\n"
        "Total: {minutes} minutes\n\nOnce submitted, the report cannot be changed."),
    ),
    "report.confirm_location": (" · lokasi {location}", " · location {location}"),
    "report.mode_invalid": ("Laporan belum bisa diajukan: {error}", "The report cannot be submitted yet: {error}"),
    "report.location.hint": ("mis. Kantor Bappeda Garut", "e.g. Bappeda office, Garut"),
    "activity.desc.hint": ("mis. Menyusun telaah Raperda Cadangan Pangan", "e.g. Drafted the review of the food reserve bylaw"),
    "activity.minutes.hint": ("mis. 90", "e.g. 90"),
    "activity.volume.hint": ("mis. 1 atau 1,5", "e.g. 1 or 1.5"),
    "activity.unit.hint": ("mis. dokumen", "e.g. document"),
    "activity.evidence.hint": ("mis. https://… atau ND 800/123/Huk", "e.g. https://… or ND 800/123/Huk"),
    "task.title.hint": ("mis. Telaah Raperda Cadangan Pangan", "e.g. Review of the food reserve bylaw"),
    "task.description.hint": ("mis. Biro Hukum, untuk rapat Kamis", "e.g. for Thursday's meeting"),
    "task.due.hint": ("mis. 2026-12-15 (TTTT-BB-HH)", "e.g. 2026-12-15 (YYYY-MM-DD)"),
    "draft.question": ("Isian belum disimpan. Apa yang ingin dilakukan?", "This form has unsaved changes. What now?"),
    "draft.keep": ("Simpan sebagai draf (dipulihkan saat dibuka lagi)", "Keep as a draft (restored next time)"),
    "draft.discard": ("Buang perubahan", "Discard the changes"),
    "draft.back": ("Kembali ke isian", "Back to the form"),
    "welcome.server_url.hint": ("mis. https://kinerja.contoh.go.id", "e.g. https://kinerja.example.go.id"),
    "welcome.name.hint": ("mis. Ani Lestari, S.H.", "e.g. Ani Lestari, S.H."),
    "welcome.nip.hint": ("18 angka, mis. 1991…", "18 digits, e.g. 1991…"),
    "welcome.unit.hint": ("mis. Biro Hukum", "e.g. Legal Bureau"),
    "draft.hint": ("↑↓/j k pilih · Enter lanjut · Esc kembali ke isian", "↑↓/j k choose · Enter go · Esc back to the form"),
    "draft.kept": ("Isian disimpan sebagai draf.", "Kept as a draft."),
    "board.preview.none": ("Tidak ada kartu terpilih.", "No card selected."),
    "board.preview.assignees": ("Penerima tugas: {names}", "Assignees: {names}"),
    "board.preview.due": ("Tenggat: {due}", "Due: {due}"),
    "board.preview.overdue": ("Tenggat: {due} ! terlambat", "Due: {due} ! overdue"),
    "board.preview.target": ("Target: {target}", "Target: {target}"),
    "board.preview.no_description": ("(tanpa uraian)", "(no description)"),
    "footer.filter": ("saring: {what}", "filter: {what}"),
    "help.section.here": ("Layar ini: {screen}", "This screen: {screen}"),
    # sync outcomes by code (SyncResult.error); the app and `sk-tui sync` say the same
    "sync.error.not_logged_in": ("Belum masuk ke server; jalankan `sk-tui login URL` (token lewat standar masukan).",
                                 "Not logged in; run `sk-tui login URL` (token on standard input)."),
    "sync.error.busy": ("Sinkronisasi lain sedang berjalan untuk ruang kerja ini.",
                        "Another sync is running for this workspace."),
    "sync.error.backoff": ("Menunggu sebelum mencoba lagi; perubahan tetap di antrean.",
                           "Waiting before the next try; changes stay queued."),
    "sync.error.offline": ("Server tidak dapat dihubungi; perubahan tetap di antrean.",
                           "Cannot reach the server; changes stay queued."),
    "sync.error.server_unavailable": ("Server bermasalah atau lambat; perubahan tetap di antrean, coba lagi nanti.",
                                      "The server is failing or slow; changes stay queued, try again later."),
    "sync.error.unauthorized": (("Token ditolak (dicabut atau kedaluwarsa); perubahan tetap di antrean. "
                                 "Masuk lagi: `sk-tui login URL` (token lewat standar masukan)."),
                                ("Token refused (revoked or expired); changes stay queued. "
                                 "Log in again: `sk-tui login URL` (token on standard input).")),
    "sync.error.forbidden": ("Server menolak akses akun ini; perubahan tetap di antrean.",
                             "The server refused this account; changes stay queued."),
    "sync.error.wrong_user": ("Token milik pegawai lain daripada pemilik ruang kerja ini.",
                              "The token belongs to someone other than this workspace's user."),
    "sync.error.update_required": ("Server meminta versi aplikasi yang lebih baru; perbarui sk-tui.",
                                   "The server needs a newer version of the app; update sk-tui."),
    "sync.error.protocol_error": ("Jawaban server tidak terduga; perubahan tetap di antrean.",
                                  "Unexpected answer from the server; changes stay queued."),
    "sync.error.other": ("Sinkronisasi terhenti ({code}); perubahan tetap di antrean.",
                         "Sync stopped ({code}); changes stay queued."),
    # Textual's own texts, in the interface language
    "palette.no_matches": ("Tidak ada yang cocok", "No matches found"),
    "palette.close": ("Tutup palet perintah", "Close the command palette"),
    "palette.next": ("Perintah berikutnya", "Next command"),
    "palette.previous": ("Perintah sebelumnya", "Previous command"),
    "palette.page_down": ("Halaman berikutnya", "Next page"),
    "palette.page_up": ("Halaman sebelumnya", "Previous page"),
    "palette.top": ("Ke atas", "Go to top"),
    "palette.bottom": ("Ke bawah", "Go to bottom"),
    "quit.title": ("Mau keluar?", "Do you want to quit?"),
    "quit.press": ("Tekan {key} untuk keluar dari aplikasi.", "Press {key} to quit the app."),
    # time and durations
    "duration.hm": ("{h} jam {m} menit", "{h} h {m} min"),
    "duration.m": ("{m} menit", "{m} min"),
    # review made for the lead's day (issue 11): marks, overdue, the scrolling detail, confirmation
    "review.mark": ("Pilih", "Select"),
    "review.approve_marked": ("Setujui pilihan", "Approve selected"),
    "review.scroll": ("Gulir rincian", "Scroll details"),
    "review.scroll_up": ("Gulir rincian ke atas", "Scroll details up"),
    "review.col.due": ("Batas", "Due"),
    "review.overdue": ("! lewat", "! late"),
    "review.heading.overdue": ("{n} lewat batas", "{n} overdue"),
    "review.heading.marked": ("{n} dipilih", "{n} selected"),
    "review.more_above": ("▲ {n} di atas", "▲ {n} above"),
    "review.more_below": ("▼ {n} lagi", "▼ {n} more"),
    "review.more_keys": ("Tab/J/K: gulir", "Tab/J/K: scroll"),
    "review.detail.location": ("Lokasi: {location}", "Location: {location}"),
    "review.detail.count": ("{n} kegiatan · {minutes}", "{n} activities · {minutes}"),
    "review.detail.due": ("batas verifikasi {day}", "review due {day}"),
    "review.detail.overdue": ("! lewat batas verifikasi {day}", "! review overdue since {day}"),
    "review.detail.related": ("Terkait: {link}", "Related: {link}"),
    "review.detail.evidence": ("Bukti: {evidence}", "Evidence: {evidence}"),
    "review.verdict.pending": ("menunggu", "waiting"),
    "review.confirm.one": ("Setujui bagian {team} dari laporan {who}, {day}?\n{acts} kegiatan · {minutes}",
                           "Approve {team}'s part of {who}'s report for {day}?\n{acts} activities · {minutes}"),
    "review.confirm.marked": (("Setujui {n} bagian laporan yang dipilih?\n"
                               "{people} pegawai · {acts} kegiatan · {minutes}"),
                              "Approve the {n} selected report parts?\n{people} people · {acts} activities · {minutes}"),
    "review.approved_marked": ("{n} bagian laporan disetujui.", "Approved {n} report parts."),
    "review.some_refused": ("{n} tidak dapat disetujui: {reason}", "{n} could not be approved: {reason}"),
    "review.nothing_marked": ("Belum ada yang dipilih: Spasi memilih baris.", "Nothing selected: Space selects a row."),
    # The allowance's explanation (domain/kinerja.describe): one label and value text per step.
    "explain.step.approved": ("Menit disetujui", "Approved minutes"),
    "explain.step.late": ("Laporan terlambat (tidak dihitung)", "Late reports (not counted)"),
    "explain.step.absent": ("Hari tanpa keterangan", "Days absent without leave"),
    "explain.step.excused": ("Hari cuti/sakit (mengurangi target)", "Leave/sick days (lower the target)"),
    "explain.step.effective": ("Menit efektif", "Effective minutes"),
    "explain.step.target": ("Target menit", "Target minutes"),
    "explain.step.base": ("Capaian dasar", "Base achievement"),
    "explain.step.negative": ("Kegiatan negatif", "Negative activities"),
    "explain.step.achievement": ("Capaian", "Achievement"),
    "explain.step.ceiling": ("Kelas jabatan dan pagu", "Job class and ceiling"),
    "explain.step.allowance": ("Tunjangan", "Allowance"),
    "explain.step.policy": ("Kebijakan", "Policy"),
    "explain.step.official": ("Angka resmi (bulan ditutup)", "Official figure (month closed)"),
    "explain.step.closed": ("Status bulan", "Month"),
    "explain.kind.overdue_review": ("verifikasi terlambat", "overdue review"),
    "explain.kind.hukuman_disiplin": ("hukuman disiplin", "disciplinary penalty"),
    "explain.kind.lhkpn": ("LHKPN/LHKASN tidak disampaikan", "LHKPN/LHKASN not filed"),
    "explain.kind.lainnya": ("lainnya", "other"),
    "explain.minutes": ("{n} menit", "{n} min"),
    "explain.day_one": ("{n} hari", "{n} day"),
    "explain.days": ("{n} hari", "{n} days"),
    "explain.late_value": ("{n} laporan, {minutes} menit", "{n} reports, {minutes} min"),
    "explain.absent_value": ("{days} × {per_day} = −{deduction} menit", "{days} × {per_day} = −{deduction} min"),
    "explain.excused_value": ("{days}, target −{removed} menit", "{days}, target −{removed} min"),
    "explain.target_value": ("{n} menit ({monthly} × {held}/{all} hari kerja)",
                             "{n} min ({monthly} × {held}/{all} working days)"),
    "explain.negative_value": ("{n} × potongan = −{penalty}", "{n} × penalty = −{penalty}"),
    "explain.job_class": ("kelas {job_class}: ", "class {job_class}: "),
    "explain.not_in_ceiling": ("tidak ada di tabel pagu", "not in the ceiling table"),
    "explain.policy_unreadable_value": ("kebijakan instansi tidak terbaca (nilai bawaan, bukan angka resmi)",
                                        "the agency's policy cannot be read (defaults, not official)"),
    "explain.policy_local": ("berkas lokal (tanpa server)", "local file (no server)"),
    "explain.closed_yes": ("bulan ditutup (angka resmi)", "month closed (official figure)"),
    "explain.closed_no": ("terbuka (pratinjau)", "open (preview)"),
    "explain.closed_policy": (" · kebijakan v{version}", " · policy v{version}"),
    "explain.warn.holidays_missing": ("kebijakan tidak memuat hari libur tahun {arg}", "the policy lists no holidays for {arg}"),
    "explain.warn.policy_unreadable": ("kebijakan instansi tidak terbaca: {arg}", "the agency's policy cannot be read: {arg}"),
    "explain.warn.job_class_unknown": ("kelas jabatan {arg} tidak ada di tabel pagu kebijakan",
                                       "job class {arg} is not in the policy's ceiling table"),
    # the view across teams at 80 columns, and its parts below the fold while they load
    "teams.loading": ("Memuat…", "Loading…"),
    "teams.detail": ("{team} · {scope} · ketua {lead} · {members} anggota",
                     "{team} · {scope} · lead {lead} · {members} members"),
    "teams.col.load_both": ("Menit/kartu per tim", "Minutes/cards by team"),
    "teams.col.late_reviews_short": ("V.lewat", "Late v."),
    "teams.col.verified_short": ("Verif", "Verif."),
    # storage failures a person can act on (store/failures.py)
    "storage.disk_full": (
        "Disk penuh: {path} tidak dapat ditulis; tidak ada yang diubah. Kosongkan ruang disk lalu coba lagi.",
        "Disk full: could not write {path}; nothing was changed. Free some disk space and try again.",
    ),
    "storage.read_only": (
        "{path} hanya-baca (berkas atau foldernya tidak boleh ditulis); tidak ada yang diubah.",
        "{path} is read-only (the file or its folder cannot be written); nothing was changed.",
    ),
    "storage.cannot_open": (
        "{path} tidak dapat dibuka (folder hanya-baca, tanpa izin, atau tidak ada); tidak ada yang diubah.",
        "Cannot open {path} (read-only folder, no permission, or missing); nothing was changed.",
    ),
    "storage.busy": (
        "{path} sedang dikunci program lain; tidak ada yang diubah. Coba lagi sebentar lagi.",
        "{path} is locked by another program; nothing was changed. Try again shortly.",
    ),
    "storage.io_error": (
        "Kesalahan baca/tulis disk pada {path}; tidak ada yang diubah.",
        "Disk read/write error on {path}; nothing was changed.",
    ),
}
# The command line's and the server's texts (help, argparse, admin output, HTTP errors) live
# beside this file, in the same format; TEXT is the one catalogue of both.
TEXT.update(CLI_TEXT)

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


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language (the key itself when unknown)."""
    return text(key, _LANG, **params)


def text(key: str, lang: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` (for the CLI and the server, which do not switch the
    process-wide language per request); the key itself when unknown."""
    pair = TEXT.get(key)
    if pair is None:
        return key
    value = pair[1] if lang == "en" else pair[0]
    return value.format(**params) if params else value


def accepted_language(header: str | None) -> str | None:
    """"id" or "en" from an Accept-Language header (the first of them it names), else None."""
    for part in (header or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("id"):
            return "id"
        if tag.startswith("en"):
            return "en"
    return None


def both(key: str, /, **params: object) -> str:
    """Indonesian, then English: for a text whose reader's language is unknown (a server's
    HTTP error body read by curl or a proxy log)."""
    return f"{text(key, 'id', **params)} / {text(key, 'en', **params)}"


def sync_error(error: str, lang: str | None = None) -> str:
    """Why a sync stopped, in words: SyncResult.error is a code ("offline"); a code without
    words is named; an error already in words (a full disk) is kept."""
    key = f"sync.error.{error}"
    if key in TEXT:
        return text(key, lang or _LANG)
    if error.isidentifier() and error.islower():
        return text("sync.error.other", lang or _LANG, code=error)
    return error


def refusal(answer: object, fallback: str | None = None, lang: str | None = None) -> str | None:
    """Why the server refused an op, in the user's language: its answer carries the stable
    ``reason`` code with the words in both languages (``message``, ``message_en``); older
    answers without them fall back to ``fallback`` (the outbox's last_error)."""
    if isinstance(answer, dict):
        words = answer.get("message_en" if (lang or _LANG) == "en" else "message")
        if isinstance(words, str) and words.strip():
            return words
    return fallback


# The unit's time zone as an Indonesian reads it (Permendagri: WIB, WITA, WIT).
ZONES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def zone_name(timezone: str) -> str:
    """WIB / WITA / WIT for Indonesia's zones, else the zone's own name."""
    return ZONES.get(timezone, timezone)


def clock_time(value: dt.time, lang: str | None = None) -> str:
    """16.00 in Indonesian (the official style uses a dot), 16:00 in English."""
    separator = ":" if (lang or _LANG) == "en" else "."
    return f"{value.hour:02d}{separator}{value.minute:02d}"


def duration(minutes: int) -> str:
    """6 jam 0 menit / 6 h 0 min; under an hour just the minutes."""
    if minutes < 60:
        return t("duration.m", m=minutes)
    return t("duration.hm", h=minutes // 60, m=minutes % 60)


def number(value: float | int, decimals: int = 0) -> str:
    """Thousands grouped the local way: 6.750 in Indonesian, 6,750 in English."""
    return grouped(value, _LANG, decimals)


def grouped(value: float | int | str, lang: str, decimals: int = 0) -> str:
    """``number`` in ``lang`` (the CLI and the server do not switch the process's language)."""
    text = f"{float(value) if isinstance(value, str) else value:,.{decimals}f}"
    return text if lang == "en" else text.replace(",", "_").replace(".", ",").replace("_", ".")


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
