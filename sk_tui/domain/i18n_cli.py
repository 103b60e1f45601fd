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
    "cmd.sync.progress": (
        "Menarik perubahan: {n} catatan diterima ({pages} halaman)…",
        "Pulling changes: {n} records received ({pages} pages)…",
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
    "who.lead2": (
        "ketua tim 2",
        "team lead 2",
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
        "    sk-tui review return REPORT_ID --note \"Lengkapi bukti dukung\"\n\n"
        "Verifikasi per tim: ketua tim hanya melihat dan memutuskan kegiatan tim yang dipimpinnya (JPT:\n"
        "tim di bawahnya); --team memilih satu tim bila ia memverifikasi beberapa tim dalam laporan yang sama."),
        ("Headless review, for team leads.\n\n"
        "    sk-tui review list\n"
        "    sk-tui review approve REPORT_ID\n"
        "    sk-tui review return REPORT_ID --note \"Lengkapi bukti dukung\"\n\n"
        "Verification is per team: a lead sees and decides only the activities of the teams they lead\n"
        "(the JPT those of the teams under them); --team picks one when they verify several teams of\n"
        "the same report."),
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
        "    sk-tui server users --json\n"
        "    sk-tui server import --attendance absen.csv --negative-events negatif.csv   # masukan rekap\n"
        "    sk-tui server policy set policy.toml         # kebijakan instansi (versi baru setiap perubahan)\n"
        "    sk-tui server policy show\n"
        "    sk-tui server negative add --nip NIP --date 2026-11-12 --kind hukuman_disiplin --reference 800/1/2026\n"
        "    sk-tui server recap --month 2026-11 [--unit BH] [--nip NIP] [--format table|csv|json]\n"
        "    sk-tui server close-month 2026-11            # bekukan angka resmi (bulan ditutup)\n"
        "    sk-tui server reopen-month 2026-11 --reason \"...\"\n"
        "    sk-tui server backup BERKAS                  # SQLite: cadangan daring; PostgreSQL: pg_dump\n"
        "    sk-tui server restore BERKAS                 # hentikan server dahulu; membuat epoch baru\n\n"
        "Setiap perintah menerima --db yang sama (berkas SQLite, sqlite:///..., atau postgresql://...)."),
        ("Administers the central endpoint.\n\n"
        "    sk-tui server import --dir ./org-csv         # units.csv employees.csv teams.csv memberships.csv\n"
        "    sk-tui server user-add --nip NIP --name NAME --unit CODE [--team ID --role lead]\n"
        "    sk-tui server user-add --nip NIP --job-class 9   # an existing NIP: changes only what is given\n"
        "    sk-tui server token NIP                      # prints a new device token and nothing else\n"
        "    sk-tui server revoke NIP                     # revokes every token of NIP\n"
        "    sk-tui server users --json\n"
        "    sk-tui server import --attendance absen.csv --negative-events negatif.csv   # recap inputs\n"
        "    sk-tui server policy set policy.toml         # the agency's policy (a new version each change)\n"
        "    sk-tui server policy show\n"
        "    sk-tui server negative add --nip NIP --date 2026-11-12 --kind hukuman_disiplin --reference 800/1/2026\n"
        "    sk-tui server recap --month 2026-11 [--unit BH] [--nip NIP] [--format table|csv|json]\n"
        "    sk-tui server close-month 2026-11            # freeze the official figures\n"
        "    sk-tui server reopen-month 2026-11 --reason \"...\"\n"
        "    sk-tui server backup FILE                    # SQLite: online backup; PostgreSQL: pg_dump\n"
        "    sk-tui server restore FILE                   # stop the server first; mints a new epoch\n\n"
        "Every command takes the same --db (a SQLite path, sqlite:///..., or postgresql://...)."),
    ),
    "cli.server.--db": ("basis data server: berkas atau URL SQLite, atau postgresql://... (bawaan: server.db di folder data)",
                        "server database: a SQLite path or URL, or postgresql://... (default: server.db in the data folder)"),
    "cli.server.import": ("muat organisasi, SKP dan masukan rekap dari CSV (lihat README)",
                          "load the organisation, SKP and recap inputs from CSV (see README)"),
    "cli.server.import.--dir": (("folder berisi units.csv, employees.csv, teams.csv, memberships.csv, plans.csv, "
                                 "targets.csv, indicators.csv, attendance.csv, negative_events.csv (yang ada saja)"),
                                ("folder holding units.csv, employees.csv, teams.csv, memberships.csv, plans.csv, "
                                 "targets.csv, indicators.csv, attendance.csv, negative_events.csv (those present)")),
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
    # the merged commands' help: `team`, `dwa`, `resolve`, the server's month and policy commands
    "cli.metavar.team": ("tim", "team"),
    "cli.metavar.who": ("pegawai", "who"),
    "cli.metavar.problem": ("masalah", "problem"),
    "cli.metavar.file": ("berkas", "file"),
    "cli.metavar.FILE.toml": ("BERKAS.toml", "FILE.toml"),
    "cli.metavar.DECREE": ("NOMOR_SK", "DECREE"),
    "cli.metavar.PERIOD_START": ("TANGGAL", "DATE"),
    "cli.metavar.PERIOD_END": ("TANGGAL", "DATE"),
    "cli.metavar.VALID_FROM": ("TANGGAL", "DATE"),
    "cli.metavar.VALID_TO": ("TANGGAL", "DATE"),
    "cli.metavar.PATTERN": ("POLA", "PATTERN"),
    "cli.metavar.TARGETS": ("TARGET", "TARGETS"),
    "cli.metavar.CODE": ("KODE", "CODE"),
    "cli.metavar.KIND": ("JENIS", "KIND"),
    "cli.metavar.REFERENCE": ("RUJUKAN", "REFERENCE"),
    "cli.metavar.REASON": ("ALASAN", "REASON"),
    "cli.team": ("bentuk dan daftar tim kerja", "form and list teams"),
    "cli.team.about": (
        ("Pembentukan tim kerja oleh JPT unit kerja.\n\n"
        "    sk-tui team create --name \"Tim Percepatan Perizinan\" --scope cross_unit --decree \"800/Kep.45/2026\" \\\n"
        "        --from 2026-12-01 --to 2027-06-30\n"
        "    sk-tui team lead TIM 199002102015031001        # JF atau pelaksana mana pun boleh menjadi ketua\n"
        "    sk-tui team add TIM 199408082019022004         # anggota boleh dari unit kerja mana pun\n"
        "    sk-tui team remove TIM 199408082019022004\n"
        "    sk-tui team close TIM                          # kartu menjadi hanya-baca, riwayat tetap ada\n"
        "    sk-tui team list [--json]\n"
        "    sk-tui team default TIM                        # tim bawaan saya untuk aktivitas tanpa tautan\n\n"
        "Tetap jalan tanpa internet: setiap perubahan diterapkan di ruang kerja dan masuk antrean sinkron;\n"
        "server memutuskannya dengan aturan yang sama (hanya JPT unit kerja yang membentuk dan mengubah\n"
        "tim kerjanya)."),
        ("The JPT forms the unit's teams.\n\n"
        "    sk-tui team create --name \"Tim Percepatan Perizinan\" --scope cross_unit --decree \"800/Kep.45/2026\" \\\n"
        "        --from 2026-12-01 --to 2027-06-30\n"
        "    sk-tui team lead TEAM 199002102015031001       # any JF or pelaksana may lead\n"
        "    sk-tui team add TEAM 199408082019022004        # members may come from any unit\n"
        "    sk-tui team remove TEAM 199408082019022004\n"
        "    sk-tui team close TEAM                         # cards turn read-only, history stays\n"
        "    sk-tui team list [--json]\n"
        "    sk-tui team default TEAM                       # my default team for activities without a link\n\n"
        "Offline first: each change is applied to the workspace and queued; the server decides it with\n"
        "the same rules (only the unit's JPT forms and changes its teams)."),
    ),
    "cli.team.@team": ("id tim (atau awalannya yang unik)", "team id (or a unique prefix)"),
    "cli.team.@who": ("NIP atau id pegawai", "NIP or employee id"),
    "cli.team.create": ("bentuk tim kerja (JPT)", "form a team (JPT)"),
    "cli.team.create.--name": ("nama tim", "team name"),
    "cli.team.create.--scope": (
        ("lingkup: internal, cross_division (lintas bidang), cross_unit (lintas PD) atau cross_agency "
         "(lintas instansi)"),
        "internal, cross_division, cross_unit or cross_agency",
    ),
    "cli.team.create.--kind": ("jenis tim: administrative (administratif) atau development (pengembangan)",
                               "administrative or development"),
    "cli.team.create.--decree": ("nomor SK pembentukan tim", "decree (SK) number"),
    "cli.team.create.--from": ("awal masa kerja tim YYYY-MM-DD", "period start YYYY-MM-DD"),
    "cli.team.create.--to": ("akhir masa kerja tim YYYY-MM-DD", "period end YYYY-MM-DD"),
    "cli.team.create.--json": ("cetak tim sebagai JSON", "print the team as JSON"),
    "cli.team.lead": ("tunjuk ketua tim (JPT)", "name the team's lead (JPT)"),
    "cli.team.add": ("tambah anggota tim (JPT)", "add a member (JPT)"),
    "cli.team.remove": ("keluarkan anggota dari tim (JPT)", "remove a member (JPT)"),
    "cli.team.close": ("tutup tim di akhir masa kerjanya (JPT)", "close a team at the end of its period (JPT)"),
    "cli.team.default": ("tim bawaan saya: tujuan aktivitas tanpa tugas/IKI tertaut (tanpa TIM: tampilkan)",
                         "my default team: where an activity without a linked task or indicator goes (no TEAM: show it)"),
    "cli.team.default.@team": ("id atau nama tim (salah satu tim saya)", "team id or name (one of my teams)"),
    "cli.team.default.--clear": ("lupakan pilihan (kembali ke tim otomatis)", "forget the choice (back to the automatic team)"),
    "cli.team.list": ("tim saya (JPT: setiap tim di unit kerjanya)", "my teams (a JPT: every team of the unit)"),
    "cli.dwa": ("pengaturan kerja dinamis (DWA)", "dynamic working arrangements (DWA)"),
    "cli.dwa.about": (
        ("Pengaturan kerja dinamis (Dynamic Working Arrangements).\n\n"
        "    sk-tui dwa apply --pattern 3-2 --from 2026-12-01 --to 2027-05-31 --targets \"12 telaah hukum/bulan\"\n"
        "    sk-tui dwa list [--json]                     # milik saya; JPT juga melihat pengajuan di unit kerjanya\n"
        "    sk-tui dwa approve ID_DWA                    # JPT unit kerja (atau atasan, menurut kebijakan)\n"
        "    sk-tui dwa refuse ID_DWA --note \"Jabatan layanan garda depan\"\n"
        "    sk-tui dwa report --month 2026-11 [--unit BH] [--format table|csv|json]\n\n"
        "Pola DWA A-O berarti A hari seminggu di luar kantor (WFA atau WFH) dan O hari di kantor. DWA yang\n"
        "disetujui berlaku untuk setiap minggu ISO; tanpa DWA pegawai bekerja WFO (dinas luar tetap boleh).\n"
        "Laporannya menampilkan menit dan volume hasil yang disetujui per hari kerja menurut mode kerja, untuk\n"
        "unit kerja, setiap tim dan setiap pegawai, bulan ini dan dua bulan sebelumnya: apakah hasil kerja\n"
        "turun saat bekerja di luar kantor."),
        ("Dynamic Working Arrangements.\n\n"
        "    sk-tui dwa apply --pattern 3-2 --from 2026-12-01 --to 2027-05-31 --targets \"12 telaah hukum/bulan\"\n"
        "    sk-tui dwa list [--json]                     # mine; a JPT also sees the unit's applications\n"
        "    sk-tui dwa approve DWA_ID                    # the unit's JPT (or the superior, by policy)\n"
        "    sk-tui dwa refuse DWA_ID --note \"Jabatan layanan garda depan\"\n"
        "    sk-tui dwa report --month 2026-11 [--unit BH] [--format table|csv|json]\n\n"
        "A pattern A-O gives A days a week away from the office (WFA or WFH) and O in it; an approved\n"
        "arrangement governs each ISO week, and without one a person works WFO (DL allowed). The report\n"
        "shows approved minutes and output volume per working day by work mode, for the unit, each team\n"
        "and each person, this month and the two before: whether output fell away from the office."),
    ),
    "cli.dwa.@dwa": ("id pengajuan (atau awalannya yang unik)", "application id (or a unique prefix)"),
    "cli.dwa.apply": ("ajukan DWA", "apply for an arrangement"),
    "cli.dwa.apply.--pattern": ("pola DWA: hari di luar kantor-hari di kantor seminggu, mis. 3-2, 4-1, 1-4",
                                "days away-office a week, e.g. 3-2, 4-1, 1-4"),
    "cli.dwa.apply.--from": ("hari pertama YYYY-MM-DD", "first day YYYY-MM-DD"),
    "cli.dwa.apply.--to": ("hari terakhir YYYY-MM-DD", "last day YYYY-MM-DD"),
    "cli.dwa.apply.--targets": ("target hasil kerja yang disepakati untuk masa itu", "the agreed output targets it covers"),
    "cli.dwa.apply.--json": ("cetak pengajuan sebagai JSON", "print the application as JSON"),
    "cli.dwa.approve": ("setujui pengajuan DWA (JPT)", "approve an application (JPT)"),
    "cli.dwa.approve.--note": ("catatan", "a note"),
    "cli.dwa.refuse": ("tolak pengajuan DWA dengan catatan (JPT)", "refuse an application with a note (JPT)"),
    "cli.dwa.refuse.--note": ("alasan penolakan", "why"),
    "cli.dwa.list": ("pengaturan DWA yang boleh saya lihat", "arrangements I may see"),
    "cli.dwa.report": ("hasil kerja per hari kerja menurut mode kerja", "output per working day by work mode"),
    "cli.dwa.report.--month": ("YYYY-MM (bawaan: bulan ini)", "YYYY-MM (default this month)"),
    "cli.dwa.report.--unit": ("kode atau id unit kerja (bawaan: unit kerja saya)", "unit code or id (default mine)"),
    "cli.dwa.report.--format": ("bentuk keluaran (bawaan table)", "output format (default table)"),
    "cli.resolve": ("selesaikan masalah sinkron yang tercantum di `sk-tui status`",
                    "deal with a sync problem listed by `sk-tui status`"),
    "cli.resolve.about": (
        ("Perubahan yang ditolak server, atau yang didahului salinan server yang lebih baru, tetap menyimpan\n"
        "isi Anda sampai Anda memilih: reapply (kirim ulang pada versi terbaru), keep (salinan server yang\n"
        "dipakai; milik Anda dibuang) atau edit (laporan kembali menjadi draf lokal; kartu menerima perubahan\n"
        "Anda pada versinya yang terbaru, untuk disesuaikan dengan `sk-tui task`).\n\n"
        "    sk-tui resolve 3f2a9c1e reapply"),
        ("A change the server refused, or that a newer server copy overtook, keeps your content until\n"
        "you choose: reapply (send it again on the current version), keep (the server's copy stays;\n"
        "yours is dropped) or edit (a report goes back into a local draft; a card gets your changes on\n"
        "its current version, to adjust with `sk-tui task`).\n\n"
        "    sk-tui resolve 3f2a9c1e reapply"),
    ),
    "cli.resolve.@problem": ("id masalah (atau beberapa karakter awalnya) dari `sk-tui status`",
                             "the problem's id (or its first characters) from `sk-tui status`"),
    "cli.resolve.@choice": ("reapply, keep atau edit (lihat di atas)", "reapply, keep or edit (see above)"),
    "cli.report.add.--team": (
        ("tim yang ketuanya memverifikasi kegiatan ini: id atau nama salah satu tim saya (bawaan: tim dari "
         "tugas atau IKI terkait, selain itu tim utama saya)"),
        ("the team whose lead verifies it: id or name of one of my teams (default: the linked task's or "
         "indicator's team, else my default team)"),
    ),
    "cli.review.--team": ("tim yang kegiatannya saya verifikasi (bila saya memverifikasi beberapa tim)",
                          "the team whose activities to decide (when I verify several)"),
    "cli.serve.--workers": ("jumlah proses server (hanya PostgreSQL; SQLite satu proses; bawaan 1)",
                            "worker processes (PostgreSQL only; SQLite is one process; default 1)"),
    "cli.server.import.--plans": ("berkas CSV rencana SKP", "plans CSV file"),
    "cli.server.import.--targets": ("berkas CSV target (RHK)", "targets CSV file"),
    "cli.server.import.--indicators": ("berkas CSV indikator (IKI)", "indicators CSV file"),
    "cli.server.import.--attendance": ("berkas CSV kehadiran", "attendance CSV file"),
    "cli.server.import.--negative-events": ("berkas CSV kejadian negatif", "negative events CSV file"),
    "cli.server.policy": ("kebijakan instansi: simpan versi baru dari TOML, atau tampilkan",
                          "the agency's policy: set a new version from TOML, or show it"),
    "cli.server.policy.set": ("simpan BERKAS.toml sebagai kebijakan instansi (versi baru)",
                              "store FILE.toml as the agency's policy (a new version)"),
    "cli.server.policy.set.@file": ("berkas TOML kebijakan", "the policy's TOML file"),
    "cli.server.policy.show": ("cetak versi, hash dan TOML kebijakan yang berlaku", "print the version, hash and TOML in force"),
    "cli.server.negative": ("catat kejadian negatif (kepegawaian)", "record a negative event (HR)"),
    "cli.server.negative.add": ("satu kejadian negatif: dikenai pengurangan menurut jenisnya dalam kebijakan",
                                "one negative event: it costs the policy's penalty for its kind"),
    "cli.server.negative.add.--nip": ("NIP 18 angka pegawai itu", "the employee's 18-digit NIP"),
    "cli.server.negative.add.--date": ("tanggal kejadian YYYY-MM-DD", "YYYY-MM-DD"),
    "cli.server.negative.add.--kind": ("jenis kejadian, mis. hukuman_disiplin, lhkpn", "e.g. hukuman_disiplin, lhkpn"),
    "cli.server.negative.add.--reference": ("rujukan, mis. nomor keputusan", "e.g. the decision's number"),
    "cli.server.negative.add.--reason": ("catatan (bawaan: jenis dan rujukan)", "a note (default: kind and reference)"),
    "cli.server.recap": ("angka resmi sebulan dari data server", "the month's official figures from the server's data"),
    "cli.server.recap.--month": ("bulan YYYY-MM", "YYYY-MM"),
    "cli.server.recap.--unit": ("hanya unit kerja ini (kode atau id)", "only this unit (code or id)"),
    "cli.server.recap.--nip": ("hanya pegawai ini, dengan setiap langkah perhitungan bulannya (table)",
                               "only this employee, with every step of the month (table)"),
    "cli.server.recap.--format": ("bentuk keluaran (bawaan table)", "output format (default table)"),
    "cli.server.@month": ("bulan YYYY-MM", "the month YYYY-MM"),
    "cli.server.close-month": ("tutup bulan: bekukan angka resminya (kepegawaian)", "freeze a month's figures (HR)"),
    "cli.server.reopen-month": ("buka kembali bulan yang ditutup; alasannya dicatat",
                                "lift a month's freeze; the reason is logged"),
    "cli.server.reopen-month.--reason": ("alasan membuka kembali (dicatat)", "why it is reopened (logged)"),
    "cli.server.backup": ("tulis salinan utuh basis data server ke BERKAS (SQLite: cadangan daring; PostgreSQL: pg_dump)",
                          ("write a consistent copy of the server database to FILE "
                           "(SQLite: online backup; PostgreSQL: pg_dump)")),
    "cli.server.backup.@file": ("berkas cadangan yang ditulis", "the backup file to write"),
    "cli.server.restore": (
        ("ganti basis data server dengan BERKAS dan buat epoch baru, sehingga setiap perangkat menarik ulang "
         "dan mengirim ulang yang tidak ada di salinan itu (hentikan server dahulu)"),
        ("replace the server database with FILE and mint a new epoch, so every client re-pulls and re-sends "
         "what the copy lacks (stop the server first)"),
    ),
    "cli.server.restore.@file": ("berkas cadangan yang dipulihkan", "the backup file to restore"),
    # the merged commands' output
    "cmd.team.name_empty": (
        "Nama tim tidak boleh kosong.",
        "The team name must not be empty.",
    ),
    "cmd.team.formed": (
        "Tim dibentuk: {id} {name}",
        "Team formed: {id} {name}",
    ),
    "cmd.team.lead": (
        "Ketua {team}: {name}",
        "Lead of {team}: {name}",
    ),
    "cmd.team.other_unit": (
        "unit lain",
        "other unit",
    ),
    "cmd.team.joined": (
        "{name}{mark} bergabung dengan {team}",
        "{name}{mark} joined {team}",
    ),
    "cmd.team.left": (
        "{name} keluar dari {team}",
        "{name} left {team}",
    ),
    "cmd.team.closed": (
        "Tim ditutup: {team} ({day})",
        "Team closed: {team} ({day})",
    ),
    "cmd.team.default_chosen": (
        "Tim bawaan: {team} ({id}), pilihan Anda.",
        "Default team: {team} ({id}), your choice.",
    ),
    "cmd.team.default_auto": (
        "Tim bawaan: {team} ({id}), otomatis (tim pertama yang tidak Anda ketuai).",
        "Default team: {team} ({id}), automatic (the first team you do not lead).",
    ),
    "cmd.team.no_default": (
        "Anda belum tergabung dalam tim mana pun.",
        "You are not on any team.",
    ),
    "cmd.team.none": (
        "Belum ada tim.",
        "No teams yet.",
    ),
    "cmd.team.from_other_units": (
        "{n} unit lain",
        "{n} from other units",
    ),
    "cmd.team.state.closed": (
        "ditutup",
        "closed",
    ),
    "cmd.team.scope.internal": (
        "Internal",
        "Internal",
    ),
    "cmd.team.scope.cross_division": (
        "Lintas bidang",
        "Cross-division",
    ),
    "cmd.team.scope.cross_unit": (
        "Lintas PD",
        "Cross-unit",
    ),
    "cmd.team.scope.cross_agency": (
        "Lintas instansi",
        "Cross-agency",
    ),
    "cmd.team.col.team": (
        "Tim",
        "Team",
    ),
    "cmd.team.col.scope": (
        "Lingkup",
        "Scope",
    ),
    "cmd.team.col.lead": (
        "Ketua",
        "Lead",
    ),
    "cmd.team.col.members": (
        "Anggota",
        "Members",
    ),
    "cmd.team.col.decree": (
        "SK",
        "Decree",
    ),
    "cmd.dwa.applied": (
        "DWA diajukan: {id} pola {pattern}",
        "DWA applied for: {id} pattern {pattern}",
    ),
    "cmd.dwa.status.applied": (
        "diajukan",
        "applied",
    ),
    "cmd.dwa.status.approved": (
        "disetujui",
        "approved",
    ),
    "cmd.dwa.status.refused": (
        "ditolak",
        "refused",
    ),
    "cmd.dwa.none": (
        "Belum ada pengaturan DWA.",
        "No DWA arrangements yet.",
    ),
    "cmd.dwa.col.employee": (
        "Pegawai",
        "Employee",
    ),
    "cmd.dwa.col.pattern": (
        "Pola",
        "Pattern",
    ),
    "cmd.dwa.col.valid": (
        "Masa berlaku",
        "Valid",
    ),
    "cmd.dwa.col.status": (
        "Status",
        "Status",
    ),
    "cmd.dwa.col.note": (
        "Catatan/target",
        "Note/targets",
    ),
    "cmd.dwa.unknown_unit": (
        "Unit tidak dikenal: {unit!r}.",
        "Unknown unit: {unit!r}.",
    ),
    "cmd.dwa.no_output": (
        "Belum ada laporan yang disetujui untuk bulan ini.",
        "No approved reports for this month yet.",
    ),
    "cmd.dwa.level.unit": (
        "Unit",
        "Unit",
    ),
    "cmd.dwa.level.team": (
        "Tim",
        "Team",
    ),
    "cmd.dwa.level.person": (
        "Pegawai",
        "Employee",
    ),
    "cmd.dwa.col.month": (
        "Bulan",
        "Month",
    ),
    "cmd.dwa.col.level": (
        "Tingkat",
        "Level",
    ),
    "cmd.dwa.col.name": (
        "Nama",
        "Name",
    ),
    "cmd.dwa.col.mode": (
        "Mode",
        "Mode",
    ),
    "cmd.dwa.col.days": (
        "Hari",
        "Days",
    ),
    "cmd.dwa.col.minutes_per_day": (
        "Menit/hari",
        "Min/day",
    ),
    "cmd.dwa.col.volume_per_day": (
        "Volume/hari",
        "Volume/day",
    ),
    "cmd.dwa.chart": (
        "Menit disetujui per hari kerja, unit, {month}:",
        "Approved minutes per working day, unit, {month}:",
    ),
    "cmd.resolve.not_found": (
        "Masalah sinkron {key!r} tidak ditemukan (atau tidak unik); lihat `sk-tui status`.",
        "Sync problem {key!r} not found (or not unique); see `sk-tui status`.",
    ),
    "cmd.resolve.kept": (
        "Versi server dipakai; perubahan Anda dibuang.",
        "The server's version stays; yours is dropped.",
    ),
    "cmd.resolve.reapplied": (
        "Diterapkan ulang pada versi terbaru; jalankan `sk-tui sync`.",
        "Reapplied on the current version; run `sk-tui sync`.",
    ),
    "cmd.resolve.card": (
        "Perubahan Anda diterapkan pada kartu {card}; ubah lagi di aplikasi (papan), lalu `sk-tui sync`.",
        "Your changes are on card {card}; change it further in the app (board), then `sk-tui sync`.",
    ),
    "cmd.resolve.draft": (
        "Isi laporan {day} dikembalikan sebagai draf; sunting lalu ajukan.",
        "The report for {day} is back as a draft; edit it, then submit.",
    ),
    "cmd.status.resolve_hint": (
        "`sk-tui resolve ID reapply|keep|edit` menyelesaikannya.",
        "`sk-tui resolve ID reapply|keep|edit` resolves one.",
    ),
    "cmd.recap.col.effective": (
        "efektif",
        "effective",
    ),
    "cmd.recap.col.negative": (
        "negatif",
        "negative",
    ),
    "cmd.recap.col.class": (
        "kelas",
        "class",
    ),
    "cmd.recap.policy": (
        "kebijakan v{version}",
        "policy v{version}",
    ),
    "cmd.recap.policy_unreadable": (
        "kebijakan instansi tidak terbaca: {why} (angka dengan nilai bawaan, bukan resmi)",
        "the agency's policy cannot be read: {why} (figures with the defaults, not official)",
    ),
    "cmd.recap.local_policy": (
        "kebijakan lokal",
        "local policy",
    ),
    "cmd.serve.workers_min": (
        "--workers paling sedikit 1.",
        "--workers must be at least 1.",
    ),
    "cmd.serve.sqlite_one_process": (
        "SQLite: satu proses. --workers lebih dari 1 memerlukan PostgreSQL (--db postgresql://...).",
        "SQLite: one process. --workers above 1 needs PostgreSQL (--db postgresql://...).",
    ),
    "cmd.serve.started_workers": (
        "sk-tui server di {url} (basis data: {db}, {n} proses)",
        "sk-tui server at {url} (database: {db}, {n} processes)",
    ),
    "cmd.server.backup_written": (
        "Cadangan ditulis ke {file}.",
        "Backup written to {file}.",
    ),
    "cmd.server.restored": (
        ("Dipulihkan dari {file}; epoch server baru {epoch}: setiap perangkat menarik ulang dan mengirim ulang "
         "perubahannya pada sinkron berikutnya."),
        ("Restored from {file}; new server epoch {epoch}: every device pulls again and re-sends its changes "
         "at its next sync."),
    ),
    "cmd.server.unreadable": (
        "Berkas {file} tidak dapat dibaca: {error}",
        "Cannot read {file}: {error}",
    ),
    "cmd.server.policy_stored": (
        "Kebijakan v{version} disimpan (hash {hash}).",
        "Policy v{version} stored (hash {hash}).",
    ),
    "cmd.server.policy_unchanged": (
        "Tidak berubah: kebijakan v{version} sudah sama (hash {hash}).",
        "Unchanged: policy v{version} is the same (hash {hash}).",
    ),
    "cmd.server.policy_header": (
        "# kebijakan v{version} (hash {hash})",
        "# policy v{version} (hash {hash})",
    ),
    "cmd.server.policy_defaults": (
        "# bawaan (belum ada `server policy set`)",
        "# the defaults (no `server policy set` yet)",
    ),
    "cmd.server.negative_recorded": (
        "Kejadian negatif dicatat: {day} {kind} {reference}",
        "Negative event recorded: {day} {kind} {reference}",
    ),
    "cmd.server.nip_not_in_recap": (
        "NIP {nip} tidak ada dalam rekap {month}.",
        "NIP {nip} is not in the {month} recap.",
    ),
    "cmd.server.month_state_closed": (
        "Bulan {month} DITUTUP (angka resmi, kebijakan v{version}).",
        "Month {month} CLOSED (official figures, policy v{version}).",
    ),
    "cmd.server.month_state_open": (
        "Bulan {month} terbuka (pratinjau, kebijakan v{version}).",
        "Month {month} open (preview, policy v{version}).",
    ),
    "cmd.server.month_closed": (
        "Bulan {month} ditutup: {n} pegawai, kebijakan v{version}.",
        "Month {month} closed: {n} employees, policy v{version}.",
    ),
    "cmd.server.month_reopened": (
        "Bulan {month} dibuka kembali ({n} angka resmi dicabut); alasan dicatat.",
        "Month {month} reopened ({n} official figures lifted); the reason is logged.",
    ),
    # s4-lang: the policy file's problems and the month's log, in the admin's language
    "cmd.server.policy_not_toml": (
        "{file}: bukan TOML yang sah (baris {line}, kolom {column}).",
        "{file}: not valid TOML (line {line}, column {column}).",
    ),
    "cmd.server.policy_unknown_key": (
        "{file}: kunci {key} tidak dikenal.",
        "{file}: unknown key {key}.",
    ),
    "cmd.server.policy_bad_value": (
        "{file}: nilai {key} tidak sah.",
        "{file}: the value of {key} is not valid.",
    ),
    "cmd.server.month_log.close": ("ditutup", "closed"),
    "cmd.server.month_err.closed_already": ("Bulan {month} sudah ditutup (buka kembali dulu).",
                                            "{month} is closed already (reopen it first)."),
    "cmd.server.month_err.no_allowance": ("Bulan {month} tidak dapat ditutup: tunjangan tidak dapat dihitung untuk {names}.",
                                          "Cannot close {month}: no allowance for {names}."),
    "cmd.server.month_err.reason_required": ("Alasan wajib diisi (--reason).", "A reason is required (--reason)."),
    "cmd.server.month_err.reason_invalid": ("Alasan harus satu baris teks biasa, paling banyak {max} karakter.",
                                            "The reason must be one line of plain text, at most {max} characters."),
    "cmd.server.month_err.not_closed": ("Bulan {month} tidak sedang ditutup.", "{month} is not closed."),
    "cmd.server.month_log.reopen": ("dibuka kembali", "reopened"),
    # the demo builder's stages (sk_tui/demo.py names them in Indonesian)
    "cmd.demo.stage.organisasi": ("Organisasi", "Organisation"),
    "cmd.demo.stage.indeks": ("Indeks", "Indexes"),
    "cmd.demo.stage.papan_tugas": ("Papan tugas", "Task boards"),
    "cmd.demo.stage.menyimpan": ("Menyimpan", "Saving"),
    "cmd.demo.stage.laporan_harian": ("Laporan harian", "Daily reports"),
    # `sk-tui team update`
    "cli.team.update": ("ubah nama, lingkup, jenis, SK atau masa kerja tim (JPT)",
                        "change a team's name, scope, kind, decree or period (JPT)"),
    "cli.team.update.--name": ("nama tim yang baru", "new team name"),
    "cli.team.update.--scope": (
        ("lingkup: internal, cross_division (lintas bidang), cross_unit (lintas PD) atau cross_agency "
         "(lintas instansi)"),
        "internal, cross_division, cross_unit or cross_agency",
    ),
    "cli.team.update.--kind": ("jenis tim: administrative (administratif) atau development (pengembangan)",
                               "administrative or development"),
    "cli.team.update.--decree": ("nomor SK pembentukan tim", "decree (SK) number"),
    "cli.team.update.--start": ("awal masa kerja tim YYYY-MM-DD", "period start YYYY-MM-DD"),
    "cli.team.update.--end": ("akhir masa kerja tim YYYY-MM-DD", "period end YYYY-MM-DD"),
    "cli.team.update.--json": ("cetak tim sebagai JSON", "print the team as JSON"),
    "cmd.team.updated": (
        "Tim diubah: {id} {name}",
        "Team updated: {id} {name}",
    ),
}
