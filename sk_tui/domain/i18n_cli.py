"""The command line's and the server's texts, Indonesian (default) and English: every
`sk-tui` command's help and output, argparse's own words, the admin commands, the server's
HTTP error bodies. Part of the one catalogue (``sk_tui.domain.i18n.TEXT`` holds both files);
the keys and format are the same: ``key: (Indonesian, English)``.

Help keys follow the command path (see sk_tui/cli.py ``_localize``): ``cli.report.add`` is a
sub-command's one-line help, ``cli.report.add.about`` its description, ``cli.report.add.--minutes``
an option, ``cli.task.move.@task`` a positional; an option's key is looked up from the command
up to the root (``cli.--json`` serves every --json without one of its own).
"""

from __future__ import annotations

CLI_TEXT: dict[str, tuple[str, str]] = {
    # the server's own HTTP answers (sk_tui/server/app.py): the reader's language from
    # Accept-Language, both when it names neither
    "http.token_missing": ("token bearer tidak ada", "missing bearer token"),
    "http.token_unknown": ("token tidak dikenal atau sudah dicabut", "unknown or revoked token"),
    "http.too_many_ops": ("paling banyak {n} operasi per permintaan", "at most {n} ops a request"),
    "http.not_json": ("isi permintaan bukan JSON", "body is not JSON"),
    "http.not_object": ("isi permintaan bukan objek JSON", "body is not a JSON object"),
    "http.ops_not_list": ("ops harus berupa daftar", "ops must be a list"),
    "http.device_id": ("device_id harus teks paling panjang 64 karakter", "device_id must be text of at most 64 characters"),
    "http.cursor_ahead": ("kursor melewati server: tarik ulang dari 0", "cursor ahead of the server: re-pull from 0"),
    "http.too_many_requests": ("terlalu banyak permintaan", "too many requests"),
    "http.bad_length": ("Content-Length tidak sah", "bad Content-Length"),
    "http.body_too_large": ("isi permintaan melebihi {n} bytes", "request body over {n} bytes"),
    # the command line's own texts (sk_tui/commands: ``tr(args, key)``)
    "cmd.workspace.current_missing": (
        "Ruang kerja saat ini {path} belum ada; pilih yang lain dengan `sk-tui workspace use PATH|demo|default`.",
        "The current workspace {path} does not exist; choose another with `sk-tui workspace use PATH|demo|default`.",
    ),
    "cmd.workspace.missing": (
        "Ruang kerja {path} belum ada; jalankan `sk-tui` untuk membuatnya atau `sk-tui demo`.",
        "No workspace at {path}; run `sk-tui` to set one up, or `sk-tui demo`.",
    ),
    "cmd.details_in": (
        "Rincian di {path}.",
        "Details in {path}.",
    ),
    "cmd.summary.workspace": (
        "Ruang kerja: {path}",
        "Workspace: {path}",
    ),
    "cmd.summary.user": (
        "Pengguna: {name} ({kind})",
        "User: {name} ({kind})",
    ),
    "cmd.summary.teams": (
        "Tim: {n}",
        "Teams: {n}",
    ),
    "cmd.summary.tasks": (
        "{n} tugas",
        "{n} tasks",
    ),
    "cmd.summary.queued": (
        "Antrean sinkron: {n}",
        "Queued ops: {n}",
    ),
    "cmd.demo.current": (
        "Ruang kerja saat ini: {path}; perintah tanpa --db memakainya (kembali dengan `sk-tui workspace use default`).",
        "Current workspace: {path}; commands without --db use it (switch back with `sk-tui workspace use default`).",
    ),
    "cmd.demo.building": (
        "Membuat ruang kerja demo di {path} ...",
        "Building the demo workspace at {path} ...",
    ),
    "cmd.recap.bad_month": (
        "Bulan tidak valid: {month!r} (format YYYY-MM).",
        "Invalid month: {month!r} (use YYYY-MM).",
    ),
    "cmd.recap.col.name": (
        "Nama",
        "Name",
    ),
    "cmd.recap.col.approved": (
        "disetujui",
        "approved",
    ),
    "cmd.recap.col.target": (
        "target",
        "target",
    ),
    "cmd.recap.col.achievement": (
        "capaian",
        "achieve",
    ),
    "cmd.recap.col.allowance": (
        "tunjangan",
        "allowance",
    ),
    "cmd.review.none": (
        "Tidak ada laporan yang menunggu verifikasi.",
        "No reports waiting for review.",
    ),
    "cmd.review.approved": (
        "Laporan {report} disetujui.",
        "Report {report} approved.",
    ),
    "cmd.review.returned": (
        "Laporan {report} dikembalikan.",
        "Report {report} returned.",
    ),
    "cmd.status.no_user": (
        "(belum diatur)",
        "(not set up)",
    ),
    "cmd.status.never": (
        "belum pernah",
        "never",
    ),
    "cmd.status.user": (
        "Pengguna",
        "User",
    ),
    "cmd.status.queued": (
        "Antrean sinkron",
        "Queued ops",
    ),
    "cmd.status.problems": (
        "Masalah sinkron",
        "Sync problems",
    ),
    "cmd.status.last_sync": (
        "Sinkron terakhir",
        "Last sync",
    ),
    "cmd.status.next_try": (
        "Coba lagi",
        "Next try",
    ),
    "cmd.task.none": (
        "Tidak ada kartu.",
        "No cards.",
    ),
    "cmd.task.unknown_target": (
        "Target {target!r} tidak ditemukan.",
        "Unknown target {target!r}.",
    ),
    "cmd.task.created": (
        "Tugas dibuat: {id} {title} [{status}]",
        "Task created: {id} {title} [{status}]",
    ),
    "cmd.workspace.kind.default": (
        "bawaan",
        "default",
    ),
    "cmd.workspace.kind.path": (
        "pilihan sendiri",
        "chosen path",
    ),
    "cmd.workspace.current": (
        "Ruang kerja saat ini: {path} ({kind})",
        "Current workspace: {path} ({kind})",
    ),
    "cmd.workspace.not_yet": (
        "Belum ada; `sk-tui` akan membuatnya.",
        "It does not exist yet; `sk-tui` sets it up.",
    ),
    "cmd.workspace.by_db": (
        "Dipilih dengan --db untuk perintah ini saja.",
        "Chosen by --db for this command only.",
    ),
    "cmd.workspace.switch": (
        "Ganti dengan `sk-tui workspace use PATH|demo|default`.",
        "Switch with `sk-tui workspace use PATH|demo|default`.",
    ),
    "cmd.workspace.no_demo": (
        "Ruang kerja demo {path} belum ada; jalankan `sk-tui demo` dahulu.",
        "No demo workspace at {path} yet; run `sk-tui demo` first.",
    ),
    "cmd.workspace.is_folder": (
        "{path} adalah folder; sebutkan berkas ruang kerja (.db).",
        "{path} is a folder; name the workspace file (.db).",
    ),
    "cmd.workspace.no_folder": (
        "Folder {path} tidak ada.",
        "The folder {path} does not exist.",
    ),
    "cmd.report.added": (
        "Kegiatan ditambahkan ke draf {day}: {minutes} menit (total hari ini {total}).",
        "Activity added to the {day} draft: {minutes} min (day total {total}).",
    ),
    "cmd.report.submitted": (
        "Laporan {day} diajukan ({minutes} menit); menunggu sinkronisasi.",
        "Report for {day} submitted ({minutes} min); queued for sync.",
    ),
    "cmd.report.none": (
        "Belum ada laporan pada {month}.",
        "No reports in {month}.",
    ),
    "cmd.report.late": (
        "terlambat",
        "late",
    ),
    "cmd.report.col.date": (
        "tanggal",
        "date",
    ),
    "cmd.report.status.draft": (
        "draf",
        "draft",
    ),
    "cmd.report.status.submitted": (
        "diajukan",
        "submitted",
    ),
    "cmd.report.status.approved": (
        "disetujui",
        "approved",
    ),
    "cmd.report.status.returned": (
        "dikembalikan",
        "returned",
    ),
    "cmd.login.bad_url": (
        "Alamat server harus diawali http:// atau https:// ({url}).",
        "The server address must start with http:// or https:// ({url}).",
    ),
    "cmd.login.refused": (
        "Token ditolak server (tidak dikenal atau dicabut).",
        "The server refused the token (unknown or revoked).",
    ),
    "cmd.login.unreachable": (
        "Server {url} tidak dapat dihubungi ({error}); pakai --offline untuk menyimpan token tanpa memeriksa.",
        "Cannot reach {url} ({error}); use --offline to save the token without checking.",
    ),
    "cmd.login.done": (
        "Masuk ke {url} sebagai {name} ({nip}). Token disimpan di {file}.",
        "Logged in to {url} as {name} ({nip}). Token saved in {file}.",
    ),
    "cmd.login.saved": (
        "Token untuk {url} disimpan di {file}.",
        "Token for {url} saved in {file}.",
    ),
    "cmd.login.token_visible": (
        "peringatan: token di baris perintah dapat dilihat pengguna lain di komputer ini (daftar proses, riwayat shell). Lain kali kirim lewat standar masukan atau SK_TUI_TOKEN.",
        "warning: a token on the command line can be seen by other users of this computer (process list, shell history). Next time pass it on standard input or in SK_TUI_TOKEN.",
    ),
    "cmd.login.no_token": (
        "Token tidak diberikan: kirim lewat standar masukan (`--token -`) atau SK_TUI_TOKEN.",
        "No token given: pass it on standard input (`--token -`) or in SK_TUI_TOKEN.",
    ),
    "cmd.login.bad_token": (
        "Token kosong atau tidak sah.",
        "The token is empty or malformed.",
    ),
    "cmd.sync.done": (
        "Dikirim {sent} (diterapkan {applied}, duplikat {duplicates}), ditolak {refused}, diterima {received}.",
        "Sent {sent} (applied {applied}, duplicates {duplicates}), refused {refused}, received {received}.",
    ),
    "cmd.sync.refused": (
        "{n} perubahan ditolak/konflik; lihat `sk-tui status`.",
        "{n} changes refused or in conflict; see `sk-tui status`.",
    ),
    "cmd.sync.kept_aside": (
        "{n} rekaman dari server tidak dapat disimpan dan disisihkan; lihat `sk-tui status`.",
        "{n} records from the server could not be stored and were set aside; see `sk-tui status`.",
    ),
    "cmd.server.db_unopenable": (
        "Basis data server tidak dapat dibuka: {error}",
        "Cannot open the server database: {error}",
    ),
    "cmd.serve.tls_pair": (
        "--tls-cert dan --tls-key harus diberikan bersama.",
        "--tls-cert and --tls-key go together.",
    ),
    "cmd.serve.no_tls": (
        "PERINGATAN: server terbuka di {host} TANPA TLS. Token dan laporan dikirim sebagai teks biasa dan dapat disadap siapa pun di jaringan. Pakai --tls-cert/--tls-key, atau jalankan di 127.0.0.1 di belakang reverse proxy HTTPS (lihat README, bagian TLS).",
        "WARNING: serving on {host} WITHOUT TLS. Tokens and reports travel as plain text that anyone on the network can read. Use --tls-cert/--tls-key, or bind 127.0.0.1 behind an HTTPS reverse proxy (see the README, section TLS).",
    ),
    "cmd.serve.no_tls_file": (
        "Berkas TLS {file} tidak ada.",
        "No such TLS file: {file}.",
    ),
    "cmd.serve.started": (
        "sk-tui server di {url} (basis data: {db})",
        "sk-tui server at {url} (database: {db})",
    ),
    "cmd.serve.demo_loaded": (
        "Organisasi demo dimuat ({n} rekaman).",
        "Demo organisation loaded ({n} records).",
    ),
    "who.staff": (
        "staf",
        "staff",
    ),
    "cmd.server.no_file": (
        "Berkas {file} tidak ada.",
        "No such file: {file}.",
    ),
    "cmd.server.no_csv": (
        "Tidak ada berkas CSV; pakai --dir atau --units/--employees/--teams/--memberships.",
        "No CSV files; use --dir or --units/--employees/--teams/--memberships.",
    ),
    "cmd.server.more_rows": (
        "... dan {n} baris lain.",
        "... and {n} more rows.",
    ),
    "cmd.server.nothing_imported": (
        "tidak ada yang diimpor.",
        "nothing was imported.",
    ),
    "cmd.server.imported": (
        "Diimpor: {summary}.",
        "Imported: {summary}.",
    ),
    "cmd.server.nip_exists": (
        "NIP sudah terdaftar: {who}; tidak ada yang diubah (sebutkan kolom yang hendak diubah, mis. --job-class).",
        "NIP already exists: {who}; nothing changed (give the fields to change, e.g. --job-class).",
    ),
    "cmd.server.needs": (
        "Pegawai baru memerlukan {options}.",
        "A new employee needs {options}.",
    ),
    "cmd.server.added": (
        "Pegawai {name} ({nip}) ditambahkan: {id}",
        "Added {name} ({nip}): {id}",
    ),
    "cmd.server.updated": (
        "Pegawai {name} ({nip}) diperbarui:",
        "Updated {name} ({nip}):",
    ),
    "cmd.server.revoke_what": (
        "Sebutkan NIP atau --token.",
        "Give a NIP or --token.",
    ),
    "cmd.server.revoked": (
        "{n} token dicabut.",
        "{n} tokens revoked.",
    ),
    # the command line: argparse's own words (sk_tui/cli.py's parser)
    "argparse.usage": ("pemakaian: ", "usage: "),
    "argparse.positionals": ("argumen posisi", "positional arguments"),
    "argparse.options": ("opsi", "options"),
    "argparse.help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
    "argparse.version": ("tampilkan versi program lalu keluar", "show the program's version and exit"),
    "argparse.error": ("{prog}: kesalahan: {message}", "{prog}: error: {message}"),
    "argparse.argument": ("argumen {name}: {message}", "argument {name}: {message}"),
    "argparse.required": ("argumen berikut wajib diisi: {names}", "the following arguments are required: {names}"),
    "argparse.invalid_choice": ("pilihan tidak sah: {value} (pilih dari {choices})",
                                "invalid choice: {value} (choose from {choices})"),
    "argparse.unrecognized": ("argumen tidak dikenal: {args}", "unrecognized arguments: {args}"),
    "argparse.expected_one": ("perlu satu nilai", "expected one argument"),
    "argparse.expected_at_least_one": ("perlu paling sedikit satu nilai", "expected at least one argument"),
    "argparse.expected_at_most_one": ("paling banyak satu nilai", "expected at most one argument"),
    "argparse.expected_n": ("perlu {n} nilai", "expected {n} arguments"),
    "argparse.invalid_value": ("nilai {type} tidak sah: {value}", "invalid {type} value: {value}"),
    "argparse.type.int": ("bilangan bulat", "int"),
    "argparse.type.float": ("bilangan", "float"),
    "argparse.type.Path": ("berkas", "Path"),
    "argparse.not_allowed": ("tidak boleh bersama argumen {other}", "not allowed with argument {other}"),
    "argparse.one_required": ("salah satu argumen {names} wajib diisi", "one of the arguments {names} is required"),
    "argparse.ambiguous": ("opsi ambigu: {option} bisa berarti {matches}", "ambiguous option: {option} could match {matches}"),
    "argparse.ignored_explicit": ("nilai {value} tidak dipakai", "ignored explicit argument {value}"),
    "argparse.see_help": ("Lihat `{prog} --help`.", "See `{prog} --help`."),
    # metavars: what an option's value is, in --help
    "cli.metavar.COMMAND": ("PERINTAH", "COMMAND"),
    "cli.metavar.ACTION": ("AKSI", "ACTION"),
    "cli.metavar.PATH": ("BERKAS", "PATH"),
    "cli.metavar.FILE": ("BERKAS", "FILE"),
    "cli.metavar.URL": ("URL", "URL"),
    "cli.metavar.CSV": ("CSV", "CSV"),
    "cli.metavar.N": ("N", "N"),
    "cli.metavar.NIP": ("NIP", "NIP"),
    "cli.metavar.TOKEN|-": ("TOKEN|-", "TOKEN|-"),
    "cli.metavar.PATH|demo|default": ("BERKAS|demo|default", "PATH|demo|default"),
    "cli.metavar.AS_WHO": ("SIAPA", "WHO"),
    "cli.metavar.DATE": ("TANGGAL", "DATE"),
    "cli.metavar.MINUTES": ("MENIT", "MINUTES"),
    "cli.metavar.DESCRIPTION": ("URAIAN", "DESCRIPTION"),
    "cli.metavar.VOLUME": ("VOLUME", "VOLUME"),
    "cli.metavar.UNIT": ("SATUAN", "UNIT"),
    "cli.metavar.TASK": ("TUGAS", "TASK"),
    "cli.metavar.INDICATOR": ("IKI", "INDICATOR"),
    "cli.metavar.EVIDENCE": ("BUKTI", "EVIDENCE"),
    "cli.metavar.MODE": ("MODE", "MODE"),
    "cli.metavar.LOCATION": ("LOKASI", "LOCATION"),
    "cli.metavar.MONTH": ("BULAN", "MONTH"),
    "cli.metavar.TEAM": ("TIM", "TEAM"),
    "cli.metavar.STATUS": ("KOLOM", "COLUMN"),
    "cli.metavar.TITLE": ("JUDUL", "TITLE"),
    "cli.metavar.DUE": ("TENGGAT", "DUE"),
    "cli.metavar.ASSIGN": ("NIP,...", "NIP,..."),
    "cli.metavar.TARGET": ("RHK", "TARGET"),
    "cli.metavar.TO": ("KOLOM", "COLUMN"),
    "cli.metavar.NOTE": ("CATATAN", "NOTE"),
    "cli.metavar.SERVER": ("URL", "URL"),
    "cli.metavar.HOST": ("ALAMAT", "HOST"),
    "cli.metavar.PORT": ("PORT", "PORT"),
    "cli.metavar.DIR": ("FOLDER", "DIR"),
    "cli.metavar.NAME": ("NAMA", "NAME"),
    "cli.metavar.LABEL": ("LABEL", "LABEL"),
    "cli.metavar.report_id": ("id_laporan", "report_id"),
    "cli.metavar.task": ("tugas", "task"),
    "cli.metavar.url": ("url", "url"),
    "cli.metavar.nip": ("nip", "nip"),
    # the command line: every command's help (keys follow the command path; see sk_tui/cli.py)
    "cli.about": (
        ("Kerja tim, laporan harian dan rekap TRK; tetap jalan tanpa internet, disinkronkan saat daring.\n"
        "Tanpa sub-perintah, membuka aplikasi pada ruang kerja saat ini (`sk-tui workspace`\n"
        "menampilkannya, `sk-tui workspace use PATH|demo|default` menggantinya)."),
        ("Team work, daily reports and TRK recap; offline-first with sync.\n"
        "Without a sub-command, opens the app on the current workspace (`sk-tui workspace`\n"
        "shows it, `sk-tui workspace use PATH|demo|default` switches)."),
    ),
    "cli.--db": ("berkas ruang kerja untuk perintah ini (bawaan: ruang kerja saat ini)",
                 "workspace database for this command (default: the current workspace)"),
    "cli.--lang": ("bahasa antarmuka (bawaan: config, selain itu id)", "interface language (default: config, else id)"),
    "cli.--json": ("cetak sebagai JSON", "print JSON"),
    "cli.demo": ("buka ruang kerja demo yang realistis", "open a realistic demo workspace"),
    "cli.demo.about": (
        ("Membuat ruang kerja demo (sekali, dari benih tetap) lalu membuka aplikasi. --as memilih sudut\n"
        "pandang: staff (bawaan), lead, jpt, atau NIP mana pun di dalamnya. Demo menjadi ruang kerja\n"
        "saat ini: `sk-tui report add`, `status`, `recap` ... memakainya tanpa --db sampai\n"
        "`sk-tui workspace use PATH|default` menggantinya."),
        ("Builds the demo workspace (once, from a fixed seed) and opens the app. --as picks whose eyes\n"
        "you see it through: staff (default), lead, jpt, or any NIP in it. The demo becomes the current\n"
        "workspace: `sk-tui report add`, `status`, `recap` ... reach it without --db until\n"
        "`sk-tui workspace use PATH|default` switches."),
    ),
    "cli.demo.--as": ("staff, lead, jpt atau sebuah NIP (bawaan staff)", "staff, lead, jpt or a NIP (default staff)"),
    "cli.demo.--scale": ("large: ruang kerja pimpinan dengan 1.000.000 kegiatan (uji kinerja)",
                         "large: a leader workspace with 1,000,000 activities (benchmarks)"),
    "cli.demo.--no-open": ("siapkan ruang kerja dan cetak ringkasannya saja, tanpa membuka aplikasi",
                           "build the workspace and print a summary only"),
    "cli.report": ("laporan harian", "daily reports"),
    "cli.report.about": (
        ("Laporan harian tanpa aplikasi, untuk di lapangan dan skrip.\n\n"
        "    sk-tui report add --minutes 90 --desc \"Menyusun telaah hukum\" --mode WFA --location Garut\n"
        "    sk-tui report submit\n"
        "    sk-tui report list --month 2026-11 --json"),
        ("Headless daily reporting, for field use and scripts.\n\n"
        "    sk-tui report add --minutes 90 --desc \"Menyusun telaah hukum\" --mode WFA --location Garut\n"
        "    sk-tui report submit\n"
        "    sk-tui report list --month 2026-11 --json"),
    ),
    "cli.report.add": ("tambah kegiatan ke laporan suatu hari (draf)", "add an activity to a day's report (draft)"),
    "cli.report.--date": ("tanggal kerja YYYY-MM-DD (bawaan: hari ini)", "work date YYYY-MM-DD (default: today)"),
    "cli.report.add.--minutes": ("menit yang dipakai, 1-1440", "minutes spent, 1-1440"),
    "cli.report.add.--description": ("uraian kegiatan", "what was done"),
    "cli.report.add.--volume": ("volume hasil (bawaan 1; 1,5 atau 1.5)", "output volume (default 1; 1,5 or 1.5)"),
    "cli.report.add.--unit": ("satuan volume (bawaan: kegiatan)", "volume unit (default: kegiatan)"),
    "cli.report.add.--task": ("id tugas terkait", "linked task id"),
    "cli.report.add.--indicator": ("id indikator (IKI) terkait", "linked indicator (IKI) id"),
    "cli.report.add.--evidence": ("bukti dukung: tautan atau nomor dokumen", "evidence: a link or document number"),
    "cli.report.add.--mode": ("mode kerja WFO, WFH atau WFA (untuk hari itu)", "work mode WFO, WFH or WFA (sets the day's mode)"),
    "cli.report.add.--location": ("lokasi kerja (wajib untuk WFA)", "where (needed for WFA)"),
    "cli.report.add.--json": ("cetak kegiatan sebagai JSON", "print the activity as JSON"),
    "cli.report.submit": ("ajukan laporan suatu hari ke ketua tim", "submit a day's report to the team lead"),
    "cli.report.submit.--json": ("cetak laporan sebagai JSON", "print the report as JSON"),
    "cli.report.list": ("daftar laporan saya", "list my reports"),
    "cli.report.list.--month": ("YYYY-MM (bawaan: bulan ini)", "YYYY-MM (default: this month)"),
    "cli.task": ("tugas di papan tim (penugasan)", "team board tasks"),
    "cli.task.about": (
        ("Kerja papan tim tanpa aplikasi, untuk skrip dan jaringan lambat.\n\n"
        "    sk-tui task list --team TEAM_ID --json\n"
        "    sk-tui task add --title \"Menyusun draf Pergub\" --due 2026-12-15 --assign 199105052019032012\n"
        "    sk-tui task move 3f2a9c1e --right\n"
        "    sk-tui task move 3f2a9c1e --to done\n\n"
        "Setiap perubahan masuk antrean sinkron, sama seperti di papan aplikasi."),
        ("Headless board work, for scripts and slow links.\n\n"
        "    sk-tui task list --team TEAM_ID --json\n"
        "    sk-tui task add --title \"Menyusun draf Pergub\" --due 2026-12-15 --assign 199105052019032012\n"
        "    sk-tui task move 3f2a9c1e --right\n"
        "    sk-tui task move 3f2a9c1e --to done\n\n"
        "Every change lands in the sync queue, as on the board in the app."),
    ),
    "cli.task.--team": ("id tim (bawaan: tim pertama saya)", "team id (default: my first team)"),
    "cli.task.--json": ("cetak tugas sebagai JSON", "print the task as JSON"),
    "cli.task.list": ("daftar kartu sebuah tim, per kolom", "list a team's cards, column by column"),
    "cli.task.list.--status": ("hanya kolom ini: backlog, todo, in_progress, review, done",
                               "only this column: backlog, todo, in_progress, review, done"),
    "cli.task.list.--mine": ("hanya kartu yang ditugaskan kepada saya", "only cards assigned to me"),
    "cli.task.list.--overdue": ("hanya kartu yang terlambat", "only overdue cards"),
    "cli.task.list.--json": ("cetak sebagai JSON", "print JSON"),
    "cli.task.add": ("buat kartu", "create a card"),
    "cli.task.add.--title": ("apa yang harus dikerjakan", "what is to be done"),
    "cli.task.add.--description": ("rincian", "details"),
    "cli.task.add.--status": ("kolom (bawaan backlog)", "column (default backlog)"),
    "cli.task.add.--due": ("tenggat YYYY-MM-DD", "due date YYYY-MM-DD"),
    "cli.task.add.--assign": ("NIP atau id pegawai penerima tugas, dipisah koma", "comma-separated NIPs or employee ids"),
    "cli.task.add.--target": ("id target (RHK) terkait", "linked target (RHK) id"),
    "cli.task.move": ("pindahkan kartu ke kolom lain", "move a card to another column"),
    "cli.task.move.@task": ("id tugas (atau awalannya yang unik, 4+ karakter)", "task id (or a unique prefix of 4+ characters)"),
    "cli.task.move.--to": ("kolom: backlog, todo, in_progress, review, done", "column: backlog, todo, in_progress, review, done"),
    "cli.task.move.--right": ("satu kolom ke kanan", "one column right"),
    "cli.task.move.--left": ("satu kolom ke kiri", "one column left"),
    "cli.review": ("verifikasi laporan anggota tim (ketua tim)", "verify team members' reports (leads)"),
    "cli.review.about": (
        ("Verifikasi tanpa aplikasi, untuk ketua tim.\n\n"
        "    sk-tui review list\n"
        "    sk-tui review approve REPORT_ID\n"
        "    sk-tui review return REPORT_ID --note \"Lengkapi bukti dukung\""),
        ("Headless review, for team leads.\n\n"
        "    sk-tui review list\n"
        "    sk-tui review approve REPORT_ID\n"
        "    sk-tui review return REPORT_ID --note \"Lengkapi bukti dukung\""),
    ),
    "cli.review.list": ("laporan yang diajukan dan menunggu keputusan saya", "submitted reports waiting for my decision"),
    "cli.review.approve": ("setujui laporan", "approve a report"),
    "cli.review.return": ("kembalikan laporan dengan catatan", "return a report with a note"),
    "cli.review.@report_id": ("id laporan (awalan yang unik cukup)", "report id (a unique prefix is enough)"),
    "cli.review.--note": ("catatan untuk penyusun (wajib saat mengembalikan)", "note to the author (required to return)"),
    "cli.status": ("antrean sinkron, sinkron terakhir dan masalah", "sync queue, last sync and problems"),
    "cli.status.--json": ("cetak JSON: queued, problems, last_sync", "print JSON: queued, problems, last_sync"),
    "cli.recap": ("menit, capaian dan tunjangan bulanan (TRK)", "monthly minutes, achievement and allowance (TRK)"),
    "cli.recap.about": (
        ("Rekap TRK sebulan. Tanpa --team: rekap saya sendiri. Dengan --team: setiap anggota tim.\n"
        "Dengan --nip: satu pegawai (ketua tim atau JPT melihat bulan seseorang)."),
        ("The month's TRK recap. Without --team: my own recap. With --team: every member of the team.\n"
        "With --nip: one employee (a lead or JPT looking at one person's month)."),
    ),
    "cli.recap.--month": ("bulan YYYY-MM", "month YYYY-MM"),
    "cli.recap.--team": ("id tim: rekap setiap anggota", "team id: recap every member"),
    "cli.recap.--nip": ("NIP 18 angka seorang pegawai: rekap pegawai itu saja",
                        "an employee's 18-digit NIP: recap that employee only"),
    "cli.recap.--format": ("bentuk keluaran (bawaan table)", "output format (default table)"),
    "cli.login": ("simpan token perangkat untuk sebuah server", "store a device token for a server"),
    "cli.login.about": (
        ("Menyimpan alamat server dan token perangkat.\n\n"
        "    sk-tui server token NIP | sk-tui login http://127.0.0.1:8765      # token lewat standar masukan\n"
        "    SK_TUI_TOKEN=skt_... sk-tui login http://127.0.0.1:8765\n"
        "    sk-tui login http://127.0.0.1:8765 --token -                      # ditanyakan (tersembunyi)\n\n"
        "Token dibaca dari standar masukan (--token -, atau tanpa --token bila masukan disalurkan) atau\n"
        "dari SK_TUI_TOKEN. --token TOKEN tetap bisa, tetapi setiap pengguna lokal dapat membacanya di\n"
        "daftar proses, jadi ada peringatan."),
        ("Stores a server address and a device token.\n\n"
        "    sk-tui server token NIP | sk-tui login http://127.0.0.1:8765      # token on standard input\n"
        "    SK_TUI_TOKEN=skt_... sk-tui login http://127.0.0.1:8765\n"
        "    sk-tui login http://127.0.0.1:8765 --token -                      # asks for it (hidden)\n\n"
        "The token is read from standard input (--token -, or no --token with input piped in), or\n"
        "from SK_TUI_TOKEN. --token TOKEN still works but every local user can read it in the\n"
        "process list, so it warns."),
    ),
    "cli.login.@url": ("alamat server, mis. http://127.0.0.1:8765", "server address, e.g. http://127.0.0.1:8765"),
    "cli.login.--token": (
        ("token perangkat dari `sk-tui server token NIP`; '-' (atau tanpa opsi ini) membacanya dari standar "
        "masukan; SK_TUI_TOKEN juga bisa. Token yang ditulis di sini terlihat oleh pengguna lokal lain"),
        ("device token from `sk-tui server token NIP`; '-' (or leaving it out) reads it from standard input; "
        "SK_TUI_TOKEN also works. A token given here is visible to other local users"),
    ),
    "cli.login.--offline": ("simpan tanpa memeriksa token sekarang", "save without checking the token now"),
    "cli.sync": ("kirim perubahan di antrean, lalu terima (sekali)", "push queued changes, then pull (once)"),
    "cli.sync.about": (
        ("Mengirim perubahan di antrean, lalu menerima yang berubah di server; mencetak yang dikirim,\n"
        "diterima dan ditolak, dan keluar dengan kode bukan nol bila ada yang gagal. Perubahan yang\n"
        "ditolak tetap terdaftar di `sk-tui status` sampai diselesaikan."),
        ("Pushes the queued changes, then pulls what changed on the server; prints what it sent,\n"
        "received and refused and exits non-zero when anything failed. Refused changes stay listed\n"
        "by `sk-tui status` until resolved."),
    ),
    "cli.sync.--server": ("alamat server (bawaan: dari login)", "server address (default: the saved login)"),
    "cli.sync.--json": ("cetak hasil sebagai JSON", "print the result as JSON"),
    "cli.serve": ("jalankan server pusat", "run the central endpoint"),
    "cli.serve.about": (
        ("Server pusat: menerima perubahan dari setiap perangkat dan membagikannya.\n\n"
        "    sk-tui serve --demo                          # SQLite di folder data, organisasi demo\n"
        "    sk-tui serve --db postgresql://user@host/db --host 0.0.0.0 --port 8765 \\\n"
        "                 --tls-cert /etc/sk-tui/cert.pem --tls-key /etc/sk-tui/key.pem"),
        ("The central endpoint: takes every device's changes and shares them.\n\n"
        "    sk-tui serve --demo                          # SQLite in the data folder, demo organisation\n"
        "    sk-tui serve --db postgresql://user@host/db --host 0.0.0.0 --port 8765 \\\n"
        "                 --tls-cert /etc/sk-tui/cert.pem --tls-key /etc/sk-tui/key.pem"),
    ),
    "cli.serve.--db": ("basis data server: berkas atau URL SQLite, atau postgresql://... (bawaan: server.db di folder data)",
                       "server database: a SQLite path or URL, or postgresql://... (default: server.db in the data folder)"),
    "cli.serve.--host": ("alamat yang didengarkan (bawaan 127.0.0.1)", "address to bind (default 127.0.0.1)"),
    "cli.serve.--port": ("port (bawaan 8765)", "port (default 8765)"),
    "cli.serve.--demo": ("muat organisasi demo ke basis data kosong dan cetak tokennya (sama setiap kali dimulai)",
                         ("load the demo organisation into an empty database and print its tokens "
                         "(the same ones on every start)")),
    "cli.serve.--tls-cert": ("layani HTTPS dengan sertifikat ini (PEM)", "serve HTTPS with this certificate (PEM)"),
    "cli.serve.--tls-key": ("kunci privat sertifikat itu (PEM)", "the certificate's private key (PEM)"),
    "cli.server": ("kelola server pusat", "administer the central endpoint"),
    "cli.server.about": (
        ("Mengelola server pusat.\n\n"
        "    sk-tui server import --dir ./org-csv         # units.csv employees.csv teams.csv memberships.csv\n"
        "    sk-tui server user-add --nip NIP --name NAMA --unit KODE [--team ID --role lead]\n"
        "    sk-tui server user-add --nip NIP --job-class 9   # NIP yang ada: hanya yang diberikan berubah\n"
        "    sk-tui server token NIP                      # cetak token perangkat baru, tanpa yang lain\n"
        "    sk-tui server revoke NIP                     # cabut setiap token NIP\n"
        "    sk-tui server users --json\n\n"
        "Setiap perintah menerima --db yang sama (berkas SQLite, sqlite:///..., atau postgresql://...)."),
        ("Administers the central endpoint.\n\n"
        "    sk-tui server import --dir ./org-csv         # units.csv employees.csv teams.csv memberships.csv\n"
        "    sk-tui server user-add --nip NIP --name NAME --unit CODE [--team ID --role lead]\n"
        "    sk-tui server user-add --nip NIP --job-class 9   # an existing NIP: changes only what is given\n"
        "    sk-tui server token NIP                      # prints a new device token and nothing else\n"
        "    sk-tui server revoke NIP                     # revokes every token of NIP\n"
        "    sk-tui server users --json\n\n"
        "Every command takes the same --db (a SQLite path, sqlite:///..., or postgresql://...)."),
    ),
    "cli.server.--db": ("basis data server: berkas atau URL SQLite, atau postgresql://... (bawaan: server.db di folder data)",
                        "server database: a SQLite path or URL, or postgresql://... (default: server.db in the data folder)"),
    "cli.server.import": ("muat unit, pegawai, tim, keanggotaan dari CSV", "load units, employees, teams, memberships from CSV"),
    "cli.server.import.--dir": ("folder berisi units.csv, employees.csv, teams.csv, memberships.csv",
                                "folder holding units.csv, employees.csv, teams.csv, memberships.csv"),
    "cli.server.import.--units": ("berkas CSV unit kerja", "units CSV file"),
    "cli.server.import.--employees": ("berkas CSV pegawai", "employees CSV file"),
    "cli.server.import.--teams": ("berkas CSV tim", "teams CSV file"),
    "cli.server.import.--memberships": ("berkas CSV keanggotaan tim", "memberships CSV file"),
    "cli.server.user-add": ("tambah pegawai (pengguna server), atau ubah isian yang diberikan dari pegawai yang ada",
                            "add an employee (a user of the server), or change the fields given of an existing one"),
    "cli.server.user-add.about": (
        ("NIP baru memerlukan --name dan --unit. Pada NIP yang ada hanya opsi yang diberikan yang\n"
        "berubah (setiap perubahan dicetak); tanpa perubahan perintah ini menolak."),
        ("A new NIP needs --name and --unit. On an existing NIP only the options given change\n"
        "(each change is printed); with nothing to change the command refuses."),
    ),
    "cli.server.user-add.--nip": ("NIP 18 angka", "the 18-digit NIP"),
    "cli.server.user-add.--name": ("nama lengkap (wajib untuk NIP baru)", "full name (required for a new NIP)"),
    "cli.server.user-add.--unit": ("kode atau id unit kerja (wajib untuk NIP baru)", "unit code or id (required for a new NIP)"),
    "cli.server.user-add.--position-kind": ("jenis jabatan (bawaan untuk NIP baru: pelaksana)",
                                            "kind of position (default for a new NIP: pelaksana)"),
    "cli.server.user-add.--title": ("nama jabatan", "position title"),
    "cli.server.user-add.--job-class": ("kelas jabatan, 1-17 (bawaan 7)", "job class (kelas jabatan, 1-17; default 7)"),
    "cli.server.user-add.--superior": ('NIP atasan ("" bila tidak ada)', 'the superior\'s NIP ("" for none)'),
    "cli.server.user-add.--team": ("masukkan ke tim ini (id)", "put on this team (id)"),
    "cli.server.user-add.--role": ("peran di --team (bawaan member)", "role on --team (default member)"),
    "cli.server.token": ("cetak token perangkat baru untuk NIP (tanpa yang lain)",
                         "print a new device token for NIP (and nothing else)"),
    "cli.server.token.@nip": ("NIP pegawai", "the employee's NIP"),
    "cli.server.token.--label": ("catatan, mis. nama perangkat", "a note, e.g. the device name"),
    "cli.server.revoke": ("cabut setiap token NIP (atau satu --token)", "revoke every token of NIP (or one --token)"),
    "cli.server.revoke.@nip": ("NIP pegawai", "the employee's NIP"),
    "cli.server.revoke.--token": ("cabut token ini saja", "revoke just this token"),
    "cli.server.users": ("daftar NIP, nama dan peran", "list NIP, name and roles"),
    "cli.workspace": ("tampilkan atau ganti ruang kerja saat ini", "show or switch the current workspace"),
    "cli.workspace.about": (
        ("Ruang kerja saat ini dipakai setiap perintah tanpa --db (aplikasi, `report`, `task`, `status`,\n"
        "`recap`, `sync` ...). `sk-tui demo` menjadikan demo sebagai ruang kerja saat ini;\n"
        "`workspace use default` kembali ke ruang kerja pribadi di folder data. --db tetap berlaku\n"
        "untuk satu perintah."),
        ("The current workspace is the one every command uses without --db (the app, `report`, `task`,\n"
        "`status`, `recap`, `sync` ...). `sk-tui demo` makes the demo current; `workspace use default`\n"
        "goes back to the personal workspace in the data folder. --db still overrides for one command."),
    ),
    "cli.workspace.show": ("cetak ruang kerja saat ini", "print the current workspace"),
    "cli.workspace.show.--json": ("cetak JSON: path, kind, exists, chosen_by", "print JSON: path, kind, exists, chosen_by"),
    "cli.workspace.use": ("jadikan PATH, demo atau default ruang kerja saat ini",
                          "make PATH, demo or default the current workspace"),
    "cli.workspace.use.@target": ("berkas ruang kerja, `demo`, atau `default` (milik Anda)",
                                  "a workspace file, `demo`, or `default` (your own)"),
}
