"""Tables of names, posts, teams and phrases the demo workspace draws from (Indonesian UI data).

Everything here is plain data; ``sk_tui.demo`` combines it with a seeded random generator.
"""

from __future__ import annotations

# --- people ---------------------------------------------------------------------------------

MALE_FIRST = (
    "Asep", "Dadang", "Ujang", "Cecep", "Dede", "Yayan", "Agus", "Deden", "Iwan", "Wawan",
    "Endang", "Ade", "Dodi", "Hendra", "Rudi", "Ridwan", "Yusuf", "Taufik", "Fajar", "Rizky",
    "Gilang", "Rangga", "Ilham", "Budi", "Wahyu", "Joko", "Bambang", "Eko", "Arief", "Dimas",
    "Yogi", "Irfan", "Aditya", "Kusnadi", "Nandang", "Dikdik", "Jajang", "Usep", "Engkos", "Tatang",
)
FEMALE_FIRST = (
    "Euis", "Neneng", "Iis", "Enung", "Lilis", "Cucu", "Rina", "Siti", "Nurul", "Dewi",
    "Fitri", "Ratna", "Anisa", "Putri", "Intan", "Rani", "Nisa", "Ayu", "Wulan", "Nenden",
    "Imas", "Yuyun", "Sri", "Endah", "Tri", "Dwi", "Retno", "Yanti", "Elis", "Ai",
    "Rika", "Mira", "Hana", "Salsabila", "Nabila", "Dian", "Novi", "Tati", "Eha", "Cici",
)
MALE_LAST = (
    "Saepudin", "Sopandi", "Hidayat", "Permana", "Suherman", "Kurniawan", "Nugraha", "Ramdani",
    "Gunawan", "Setiawan", "Mulyana", "Sutisna", "Firmansyah", "Hermawan", "Sudrajat", "Wiguna",
    "Santoso", "Prasetyo", "Susilo", "Widodo", "Nasution", "Siregar", "Harahap", "Rahmat",
    "Kusumah", "Suryana", "Hakim", "Maulana", "Sutarman", "Purnama",
)
FEMALE_LAST = (
    "Rahayu", "Lestari", "Nurhayati", "Komalasari", "Maryani", "Rosmiati", "Wulandari",
    "Purnamasari", "Sulastri", "Wahyuni", "Susilowati", "Handayani", "Astuti", "Rostika",
    "Nurjanah", "Kartika", "Fauziah", "Anggraeni", "Sari", "Puspitasari", "Hasanah",
    "Marlina", "Yuliani", "Herlina", "Suryani",
)

# Degree suffixes by education level; a post picks from the ones it plausibly needs.
LAW_DEGREES = ("S.H.", "S.H., M.H.", "S.H., M.Kn.", "S.H., LL.M.")
SENIOR_LAW_DEGREES = ("S.H., M.H.", "S.H., M.Hum.", "S.H., M.Si.")
ADMIN_DEGREES = ("S.E.", "S.Sos.", "S.AP.", "S.IP.", "A.Md.", "S.Kom.", "")
IT_DEGREES = ("S.Kom.", "S.T.", "A.Md.Kom.", "S.Kom., M.T.")
PLAN_DEGREES = ("S.T., M.T.", "S.E., M.Si.", "S.P.W.K.", "S.Si.")

# --- units ----------------------------------------------------------------------------------

JABAR = "Pemerintah Daerah Provinsi Jawa Barat"
MARVES = "Kementerian Koordinator Bidang Kemaritiman dan Investasi"

# key: (code, name, parent key, agency)
UNITS: tuple[tuple[str, str, str, str | None, str], ...] = (
    ("setda", "SETDA", "Sekretariat Daerah Provinsi Jawa Barat", None, JABAR),
    ("hukum", "BH", "Biro Hukum", "setda", JABAR),
    ("bappeda", "BAPPEDA", "Badan Perencanaan Pembangunan Daerah", None, JABAR),
    ("bkd", "BKD", "Badan Kepegawaian Daerah", None, JABAR),
    ("kominfo", "DISKOMINFO", "Dinas Komunikasi dan Informatika", None, JABAR),
    ("dpmptsp", "DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", None, JABAR),
    ("marves", "KEMENKO-MARVES", "Deputi Bidang Koordinasi Investasi dan Pertambangan", None, MARVES),
)

# --- posts ----------------------------------------------------------------------------------

# A post: (key, position_kind, title, jf_level, job_class, degrees, age range)
POSTS: dict[str, tuple[str, str, str | None, int, tuple[str, ...], tuple[int, int]]] = {
    "kabiro": ("jpt", "Kepala Biro Hukum", None, 14, SENIOR_LAW_DEGREES, (48, 56)),
    "kabag_uu": ("administrator", "Kepala Bagian Perundang-undangan", None, 12, SENIOR_LAW_DEGREES, (42, 54)),
    "kabag_bankum": ("administrator", "Kepala Bagian Bantuan Hukum", None, 12, SENIOR_LAW_DEGREES, (42, 54)),
    "kasubag_tu": ("pengawas", "Kepala Subbagian Tata Usaha", None, 9, ADMIN_DEGREES[:4], (38, 52)),
    "kasubag_keu": ("pengawas", "Kepala Subbagian Keuangan dan Aset", None, 9, ("S.E.", "S.E., M.Ak."), (36, 52)),
    "perancang_madya": ("jf", "Perancang Peraturan Perundang-undangan Ahli Madya", "Ahli Madya", 11, SENIOR_LAW_DEGREES, (42, 55)),
    "perancang_muda": ("jf", "Perancang Peraturan Perundang-undangan Ahli Muda", "Ahli Muda", 9, LAW_DEGREES, (33, 48)),
    "perancang_pertama": ("jf", "Perancang Peraturan Perundang-undangan Ahli Pertama", "Ahli Pertama", 8, LAW_DEGREES[:2], (25, 36)),
    "analis_madya": ("jf", "Analis Hukum Ahli Madya", "Ahli Madya", 11, SENIOR_LAW_DEGREES, (42, 55)),
    "analis_muda": ("jf", "Analis Hukum Ahli Muda", "Ahli Muda", 9, LAW_DEGREES, (33, 48)),
    "analis_pertama": ("jf", "Analis Hukum Ahli Pertama", "Ahli Pertama", 8, LAW_DEGREES[:2], (25, 36)),
    "penyuluh_muda": ("jf", "Penyuluh Hukum Ahli Muda", "Ahli Muda", 9, LAW_DEGREES, (33, 50)),
    "penyuluh_pertama": ("jf", "Penyuluh Hukum Ahli Pertama", "Ahli Pertama", 8, LAW_DEGREES[:2], (25, 38)),
    "kebijakan_muda": ("jf", "Analis Kebijakan Ahli Muda", "Ahli Muda", 9, ("S.Sos., M.Si.", "S.IP., M.AP.", "S.H., M.H."), (33, 50)),
    "prakom_pertama": ("jf", "Pranata Komputer Ahli Pertama", "Ahli Pertama", 8, IT_DEGREES, (25, 38)),
    "arsiparis_terampil": ("jf", "Arsiparis Terampil", "Terampil", 6, ("A.Md.", "A.Md.Ars."), (25, 45)),
    "pustakawan_mahir": ("jf", "Pustakawan Mahir", "Mahir", 7, ("A.Md.", "S.IIP."), (28, 50)),
    "keuangan_pertama": ("jf", "Analis Keuangan Pusat dan Daerah Ahli Pertama", "Ahli Pertama", 8, ("S.E.", "S.Ak."), (26, 40)),
    "sdm_muda": ("jf", "Analis Sumber Daya Manusia Aparatur Ahli Muda", "Ahli Muda", 9, ("S.Psi.", "S.Sos., M.Si."), (32, 50)),
    "penata_layanan": ("pelaksana", "Penata Layanan Operasional", None, 7, ADMIN_DEGREES[:5], (28, 50)),
    "pengolah_data": ("pelaksana", "Pengolah Data dan Informasi", None, 6, ("S.Kom.", "A.Md.Kom.", "S.T."), (25, 45)),
    "pengelola_keu": ("pelaksana", "Pengelola Keuangan", None, 6, ("S.E.", "A.Md.Ak."), (26, 50)),
    "pengadministrasi": ("pelaksana", "Pengadministrasi Perkantoran", None, 5, ("", "", "A.Md."), (24, 55)),
    "operator_layanan": ("pelaksana", "Operator Layanan Operasional", None, 3, ("",), (22, 50)),
    "pengemudi": ("pelaksana", "Pengemudi", None, 2, ("",), (28, 55)),
    "pramu_bakti": ("pelaksana", "Pramu Bakti", None, 1, ("",), (24, 55)),
    # posts of other units on cross-unit / cross-agency teams
    "prakom_muda": ("jf", "Pranata Komputer Ahli Muda", "Ahli Muda", 9, IT_DEGREES, (32, 48)),
    "perencana_muda": ("jf", "Perencana Ahli Muda", "Ahli Muda", 9, PLAN_DEGREES, (32, 50)),
    "perencana_madya": ("jf", "Perencana Ahli Madya", "Ahli Madya", 11, PLAN_DEGREES, (42, 55)),
    "sdm_pertama": ("jf", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", "Ahli Pertama", 8, ("S.Psi.", "S.Sos."), (25, 38)),
    "investasi_muda": ("jf", "Analis Kebijakan Ahli Muda", "Ahli Muda", 9, ("S.E., M.E.", "S.H., M.H."), (32, 50)),
    "marves_asdep": ("administrator", "Asisten Deputi Hilirisasi dan Regulasi Investasi", None, 13, ("S.H., M.H.", "S.E., M.B.A."), (44, 55)),
    "marves_analis": ("jf", "Analis Kebijakan Ahli Pertama", "Ahli Pertama", 8, ("S.H.", "S.E.", "S.IP."), (25, 36)),
}

# The people of the small organisation, as (post key, unit key). The first of each key is
# looked up by role: see sk_tui.demo.
SMALL_STAFF: tuple[tuple[str, str], ...] = (
    ("kabiro", "hukum"),
    ("kabag_uu", "hukum"), ("kabag_bankum", "hukum"),
    ("kasubag_tu", "hukum"), ("kasubag_keu", "hukum"),
    ("perancang_madya", "hukum"), ("perancang_madya", "hukum"),
    ("perancang_muda", "hukum"), ("perancang_muda", "hukum"), ("perancang_muda", "hukum"),
    ("perancang_pertama", "hukum"), ("perancang_pertama", "hukum"), ("perancang_pertama", "hukum"),
    ("analis_madya", "hukum"),
    ("analis_muda", "hukum"), ("analis_muda", "hukum"), ("analis_muda", "hukum"),
    ("analis_pertama", "hukum"), ("analis_pertama", "hukum"), ("analis_pertama", "hukum"),
    ("analis_pertama", "hukum"),
    ("penyuluh_muda", "hukum"), ("penyuluh_pertama", "hukum"), ("penyuluh_pertama", "hukum"),
    ("kebijakan_muda", "hukum"), ("prakom_pertama", "hukum"), ("arsiparis_terampil", "hukum"),
    ("pustakawan_mahir", "hukum"), ("keuangan_pertama", "hukum"), ("sdm_muda", "hukum"),
    ("penata_layanan", "hukum"), ("penata_layanan", "hukum"),
    ("pengolah_data", "hukum"), ("pengolah_data", "hukum"),
    ("pengelola_keu", "hukum"), ("pengadministrasi", "hukum"), ("pengadministrasi", "hukum"),
    ("operator_layanan", "hukum"), ("pengemudi", "hukum"), ("pramu_bakti", "hukum"),
    # other units
    ("prakom_muda", "kominfo"), ("prakom_pertama", "kominfo"),
    ("perencana_madya", "bappeda"), ("perencana_muda", "bappeda"),
    ("sdm_pertama", "bkd"), ("investasi_muda", "dpmptsp"),
    ("marves_asdep", "marves"), ("marves_analis", "marves"), ("marves_analis", "marves"),
)

# --- teams ----------------------------------------------------------------------------------

# (key, name, scope, kind, lead (staff index), members (staff indexes), decree serial)
# Staff indexes refer to SMALL_STAFF. 20 is the "staff" role (Analis Hukum Ahli Pertama),
# 5 leads the staff's reporting team (the "lead" role), 0 is the JPT.
SMALL_TEAMS: tuple[tuple[str, str, str, str, int, tuple[int, ...], int], ...] = (
    ("perda", "Tim Penyusunan Rancangan Peraturan Daerah dan Pergub", "internal", "administrative",
     5, (1, 7, 8, 10, 11, 20, 17, 36, 26), 11),
    ("harmonisasi", "Tim Fasilitasi dan Harmonisasi Produk Hukum Kabupaten/Kota", "cross_division",
     "administrative", 14, (6, 9, 12, 18, 19, 24, 37), 12),
    ("bankum", "Tim Bantuan Hukum dan Penanganan Perkara", "internal", "administrative",
     13, (2, 15, 16, 21, 19, 31, 38), 13),
    ("jdih", "Tim Transformasi Digital JDIH Jawa Barat", "cross_unit", "development",
     32, (25, 33, 27, 20, 40, 41, 42), 14),
    ("investasi", "Tim Percepatan Regulasi Investasi dan Kemudahan Berusaha", "cross_agency",
     "development", 15, (20, 8, 24, 45, 46, 47, 48, 43), 15),
    ("penyuluhan", "Tim Penyuluhan dan Desa Sadar Hukum", "internal", "administrative",
     22, (23, 21, 17, 35, 39), 16),
    ("tu", "Tim Tata Usaha, Keuangan dan Kepegawaian Biro", "cross_unit", "administrative",
     30, (3, 4, 28, 29, 34, 35, 36, 37, 38, 39, 31, 44), 17),
)
STAFF_INDEX = 20
LEAD_INDEX = 5
JPT_INDEX = 0

# The board of one team in the large workspace holds thousands of cards.
BIG_TEAM_NAME = "Tim Layanan Konsultasi dan Pengaduan Hukum Daring"

# Team subjects for generated teams (large scale).
EXTRA_TEAM_THEMES = (
    "Tim Evaluasi Produk Hukum Daerah", "Tim Penataan Regulasi Perizinan", "Tim Pengkajian Hukum",
    "Tim Advokasi Hukum Aset Daerah", "Tim Kerja Sama Daerah", "Tim Reformasi Birokrasi",
    "Tim Perencanaan dan Evaluasi Program", "Tim Pengelolaan Arsip Dinamis", "Tim Layanan Kepegawaian",
    "Tim Satu Data Jawa Barat", "Tim Pengadaan Barang dan Jasa", "Tim Pengawasan Internal",
    "Tim Percepatan Penurunan Stunting", "Tim Pengendalian Inflasi Daerah", "Tim Smart Province",
    "Tim Pengelolaan Pengaduan Masyarakat",
)

# --- targets (RHK) --------------------------------------------------------------------------

UNIT_TARGETS = (
    ("Meningkatnya kualitas produk hukum daerah Provinsi Jawa Barat", "Persentase produk hukum daerah yang ditetapkan tepat waktu", 90, "persen"),
    ("Meningkatnya kepastian hukum dalam penyelenggaraan pemerintahan daerah", "Persentase perkara yang dimenangkan atau diselesaikan", 85, "persen"),
)

# team key -> (team RHK, indicator, value, unit, member RHKs [(text, indicator, value, unit)])
TEAM_TARGETS: dict[str, tuple[str, str, float, str, tuple[tuple[str, str, float, str], ...]]] = {
    "perda": ("Tersusunnya rancangan Perda dan Pergub sesuai program pembentukan", "Jumlah Raperda/Rapergub yang disusun", 24, "dokumen", (
        ("Tersusunnya draf Rancangan Pergub yang ditugaskan", "Jumlah draf Rapergub", 6, "dokumen"),
        ("Tersusunnya naskah akademik dan telaah Raperda", "Jumlah telaah hukum", 12, "dokumen"),
    )),
    "harmonisasi": ("Terharmonisasinya produk hukum kabupaten/kota", "Jumlah Raperda kab/kota yang difasilitasi", 120, "dokumen", (
        ("Terlaksananya fasilitasi Raperda kabupaten/kota", "Jumlah Raperda yang difasilitasi", 30, "dokumen"),
        ("Tersusunnya berita acara harmonisasi", "Jumlah berita acara", 30, "berkas"),
    )),
    "bankum": ("Terselesaikannya perkara hukum Pemerintah Daerah Provinsi", "Persentase perkara yang ditangani", 100, "persen", (
        ("Tersusunnya dokumen beracara (gugatan, jawaban, duplik)", "Jumlah dokumen beracara", 20, "dokumen"),
        ("Terlaksananya pendampingan hukum perangkat daerah", "Jumlah pendampingan", 24, "kegiatan"),
    )),
    "jdih": ("Tersedianya layanan JDIH digital yang mutakhir", "Jumlah produk hukum terunggah di JDIH", 1500, "dokumen", (
        ("Terunggahnya produk hukum dan abstrak ke JDIH", "Jumlah produk hukum terunggah", 400, "dokumen"),
        ("Terselesaikannya fitur aplikasi JDIH", "Jumlah fitur yang dirilis", 6, "fitur"),
    )),
    "investasi": ("Tersusunnya rekomendasi deregulasi perizinan berusaha", "Jumlah rekomendasi deregulasi", 8, "rekomendasi", (
        ("Tersusunnya inventarisasi regulasi penghambat investasi", "Jumlah regulasi yang diinventarisasi", 60, "regulasi"),
        ("Tersusunnya kajian deregulasi bersama Kemenko Marves", "Jumlah kajian", 2, "dokumen"),
    )),
    "penyuluhan": ("Meningkatnya kesadaran hukum masyarakat", "Jumlah desa/kelurahan sadar hukum yang dibina", 50, "desa", (
        ("Terlaksananya penyuluhan hukum langsung", "Jumlah penyuluhan", 36, "kegiatan"),
        ("Tersusunnya materi penyuluhan hukum", "Jumlah materi", 12, "materi"),
    )),
    "tu": ("Terselenggaranya layanan administrasi Biro yang tertib", "Persentase layanan administrasi tepat waktu", 100, "persen", (
        ("Terkelolanya persuratan dan kearsipan Biro", "Jumlah naskah dinas yang diproses", 1200, "naskah"),
        ("Tersusunnya laporan keuangan dan kepegawaian", "Jumlah laporan", 12, "laporan"),
    )),
}
GENERIC_TEAM_TARGET = ("Tercapainya sasaran kinerja tim", "Persentase capaian keluaran tim", 100, "persen", (
    ("Tersusunnya keluaran kerja yang ditugaskan tim", "Jumlah keluaran", 24, "dokumen"),
    ("Terlaksananya koordinasi dan pelaporan tim", "Jumlah laporan", 12, "laporan"),
))

# --- daily work ----------------------------------------------------------------------------

TOPICS = (
    "Pengelolaan Barang Milik Daerah", "Pajak Daerah dan Retribusi Daerah", "Rencana Tata Ruang Wilayah",
    "Penyelenggaraan Perlindungan Anak", "Pengelolaan Sampah Regional", "Kawasan Tanpa Rokok",
    "Cadangan Pangan Pemerintah Daerah", "Penanggulangan Bencana", "Desa Wisata",
    "Penyertaan Modal pada BUMD", "Tunjangan Remunerasi Kinerja ASN", "Mekanisme Kerja Dinamis ASN",
    "Perlindungan Lahan Pertanian Pangan Berkelanjutan", "Pengelolaan Keuangan Daerah",
    "Pesantren", "Penyelenggaraan Ketenteraman dan Ketertiban Umum", "Perizinan Berusaha Berbasis Risiko",
)
KABKOTA = (
    "Kabupaten Bogor", "Kabupaten Bandung", "Kabupaten Garut", "Kabupaten Tasikmalaya",
    "Kabupaten Cianjur", "Kabupaten Sumedang", "Kabupaten Cirebon", "Kabupaten Kuningan",
    "Kota Bekasi", "Kota Depok", "Kota Cimahi", "Kota Banjar", "Kabupaten Pangandaran",
    "Kabupaten Subang", "Kabupaten Karawang", "Kabupaten Majalengka",
)
PARTNERS = (
    "Kanwil Kemenkumham Jawa Barat", "Bappeda", "BPKAD", "Diskominfo", "DPRD Provinsi Jawa Barat",
    "Kemenko Marves", "Kementerian Dalam Negeri", "DPMPTSP", "Biro Pemerintahan", "Inspektorat",
)

# Activity templates per kind of work: (description, volume unit, volume range)
WORK: dict[str, tuple[tuple[str, str, tuple[int, int]], ...]] = {
    "drafting": (
        ("Menyusun draf Rancangan Pergub tentang {topic}", "dokumen", (1, 1)),
        ("Menyempurnakan batang tubuh Raperda tentang {topic}", "pasal", (3, 15)),
        ("Menyusun naskah akademik Raperda tentang {topic}", "halaman", (4, 20)),
        ("Telaah hukum atas usulan Rancangan Pergub tentang {topic}", "dokumen", (1, 2)),
        ("Rapat pembahasan Raperda tentang {topic} bersama {partner}", "kegiatan", (1, 1)),
    ),
    "harmonisasi": (
        ("Fasilitasi Raperda {kab} tentang {topic}", "dokumen", (1, 2)),
        ("Harmonisasi Rancangan Perbup {kab} tentang {topic}", "dokumen", (1, 1)),
        ("Menyusun berita acara harmonisasi Raperda {kab}", "berkas", (1, 1)),
        ("Rapat koordinasi pengharmonisasian dengan {partner}", "kegiatan", (1, 1)),
    ),
    "bankum": (
        ("Menyusun jawaban gugatan perkara TUN terkait {topic}", "dokumen", (1, 1)),
        ("Menghadiri sidang perkara perdata di PN Bandung", "kegiatan", (1, 1)),
        ("Telaah hukum permohonan pendampingan dari {partner}", "dokumen", (1, 2)),
        ("Menyusun duplik dan daftar bukti perkara", "berkas", (1, 3)),
        ("Rapat koordinasi penanganan perkara dengan Kejati Jawa Barat", "kegiatan", (1, 1)),
    ),
    "jdih": (
        ("Mengunggah produk hukum dan abstrak ke JDIH", "dokumen", (5, 40)),
        ("Memverifikasi metadata produk hukum JDIH", "dokumen", (10, 60)),
        ("Pengembangan fitur pencarian JDIH bersama Diskominfo", "fitur", (1, 1)),
        ("Pengujian aplikasi JDIH versi seluler", "skenario", (3, 12)),
        ("Rapat sprint tim JDIH digital", "kegiatan", (1, 1)),
    ),
    "investasi": (
        ("Inventarisasi regulasi daerah penghambat investasi sektor {topic}", "regulasi", (2, 10)),
        ("Rapat koordinasi deregulasi perizinan dengan Kemenko Marves (daring)", "kegiatan", (1, 1)),
        ("Menyusun matriks rekomendasi deregulasi", "dokumen", (1, 1)),
        ("Telaah kesesuaian Perda dengan PP 28 Tahun 2025 tentang perizinan berbasis risiko", "dokumen", (1, 2)),
    ),
    "penyuluhan": (
        ("Penyuluhan hukum di Desa {desa}, {kab}", "kegiatan", (1, 1)),
        ("Menyusun materi penyuluhan hukum tentang {topic}", "materi", (1, 1)),
        ("Pembinaan Kelompok Keluarga Sadar Hukum di {kab}", "kegiatan", (1, 1)),
        ("Menyusun laporan pelaksanaan penyuluhan hukum", "laporan", (1, 1)),
    ),
    "tu": (
        ("Mengagendakan dan mendistribusikan surat masuk", "naskah", (10, 45)),
        ("Menyusun SPJ kegiatan {topic}", "berkas", (1, 4)),
        ("Menginput data kehadiran dan TRK pegawai Biro", "data", (20, 60)),
        ("Menata arsip dinamis Biro Hukum", "berkas", (10, 50)),
        ("Menyiapkan bahan rapat pimpinan", "paket", (1, 2)),
        ("Melayani pengemudian dinas pimpinan ke {partner}", "kegiatan", (1, 2)),
        ("Menyiapkan ruang rapat dan konsumsi rapat", "kegiatan", (1, 3)),
    ),
    "common": (
        ("Apel pagi dan briefing tim", "kegiatan", (1, 1)),
        ("Rapat koordinasi tim membahas rencana kerja mingguan", "kegiatan", (1, 1)),
        ("Menyusun laporan kemajuan penugasan", "laporan", (1, 1)),
        ("Mengikuti webinar peningkatan kompetensi tentang {topic}", "kegiatan", (1, 1)),
        ("Menindaklanjuti disposisi pimpinan", "disposisi", (1, 4)),
    ),
}
# The most minutes a day one of these plausibly takes (others: up to 240).
SHORT_WORK = {
    "Apel pagi dan briefing tim": 45,
    "Rapat koordinasi tim membahas rencana kerja mingguan": 120,
    "Menindaklanjuti disposisi pimpinan": 120,
    "Menyiapkan ruang rapat dan konsumsi rapat": 90,
    "Menyusun berita acara harmonisasi Raperda {kab}": 120,
}
# team key -> work kind
TEAM_WORK = {
    "perda": "drafting", "harmonisasi": "harmonisasi", "bankum": "bankum", "jdih": "jdih",
    "investasi": "investasi", "penyuluhan": "penyuluhan", "tu": "tu",
}
DESA = ("Cibiru Wetan", "Sukamaju", "Mekarsari", "Cikoneng", "Sindangsari", "Margahayu", "Jatisari", "Karangsari")

EVIDENCE = (
    "ND 180/{n}/Huk", "ND 180/{n}/Huk.PUU", "Surat 180/{n}/Hukham", "BA Harmonisasi {n}/BA/Huk/{year}",
    "https://jdih.jabarprov.go.id/dokumen/{n}", "https://drive.jabarprov.go.id/huk/{n}",
    "Notula rapat {day}", "Daftar hadir rapat {day}", "Foto kegiatan {day}", "",
)

WFA_LOCATIONS = (
    "Kota Bandung - Coworking Space Braga", "Kabupaten Garut (rumah orang tua)", "Kota Cimahi - Techno Park",
    "Kabupaten Sumedang", "Kota Bogor - Perpustakaan Daerah", "Kabupaten Pangandaran",
    "Kota Cirebon - Kantor Bakorwil", "Kabupaten Bandung Barat - Lembang", "Jakarta - Kantor Kemenko Marves",
)
WFH_LOCATION = "Rumah"

RETURN_NOTES = (
    "Mohon lengkapi bukti dukung (nomor ND atau tautan dokumen).",
    "Uraian kegiatan terlalu umum; sebutkan judul rancangan yang dikerjakan.",
    "Jumlah menit rapat tidak sesuai dengan notula; mohon diperbaiki.",
    "Kegiatan belum dikaitkan dengan RHK; mohon pilih indikatornya.",
    "Volume keluaran belum diisi sesuai satuan IKI.",
)
FEEDBACK_TEXTS = (
    "Draf yang disampaikan sudah baik, tinggal merapikan konsiderans dan dasar hukumnya.",
    "Terima kasih, telaahnya tajam. Untuk berikutnya sertakan juga ringkasan eksekutif satu halaman.",
    "Mohon laporan harian dikirim sebelum pukul 16.00 agar bisa segera diverifikasi.",
    "Koordinasi dengan Diskominfo berjalan baik; pertahankan ritme sprint mingguan.",
    "Progres inventarisasi regulasi masih di bawah target bulan ini; mari kita bahas hambatannya.",
    "Presentasi di depan Kemenko Marves kemarin sangat jelas, terima kasih.",
    "Tolong pastikan bukti dukung diunggah ke folder tim setiap selesai rapat.",
    "Capaian IKI triwulan ini sudah di atas ekspektasi. Lanjutkan!",
)
NEGATIVE_REASONS = (
    "Tidak mengikuti apel pagi tanpa keterangan",
    "Terlambat menyampaikan dokumen yang ditugaskan pimpinan",
)
ABSENCE_REASONS = ("Sakit (surat dokter)", "Cuti tahunan", "Dinas luar", "Cuti alasan penting")

TASK_TITLES: dict[str, tuple[str, ...]] = {
    "drafting": (
        "Draf Rapergub tentang {topic}", "Naskah akademik Raperda {topic}", "Telaah usulan Pergub {topic}",
        "Matriks pembahasan Raperda {topic}", "Finalisasi Pergub {topic} untuk paraf",
    ),
    "harmonisasi": ("Fasilitasi Raperda {kab} tentang {topic}", "BA harmonisasi Raperbup {kab}", "Evaluasi Raperda APBD {kab}"),
    "bankum": ("Jawaban gugatan perkara {topic}", "Pendampingan hukum {partner}", "Daftar bukti perkara {topic}"),
    "jdih": ("Fitur pencarian JDIH: {topic}", "Unggah produk hukum {kab}", "Perbaikan metadata JDIH batch {n}", "Uji aplikasi seluler JDIH"),
    "investasi": ("Inventarisasi regulasi sektor {topic}", "Matriks deregulasi untuk Kemenko Marves", "Kajian perizinan {topic}"),
    "penyuluhan": ("Penyuluhan hukum di {kab}", "Materi penyuluhan {topic}", "Pembinaan Kadarkum Desa {desa}"),
    "tu": ("SPJ kegiatan {topic}", "Rekap TRK pegawai bulan ini", "Penataan arsip {n}", "Laporan keuangan bulanan"),
}
BIG_TEAM_TASK = ("Konsultasi hukum {kab} no. {n}", "Pengaduan masyarakat no. {n} ({topic})", "Permohonan salinan produk hukum no. {n}")
TASK_NOTES = (
    "Keluaran mengacu pada RHK tim; unggah bukti dukung ke folder tim.",
    "Koordinasikan dengan bagian terkait sebelum paraf pimpinan.",
    "Prioritas pimpinan bulan ini.",
    "Gunakan format naskah dinas sesuai Pergub tentang tata naskah dinas.",
    "Sertakan telaah singkat dan daftar dasar hukum.",
)
