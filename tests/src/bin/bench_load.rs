//! Loads a realistic volume of online consultations into a fresh database, for the HTTP
//! benchmark of `scripts/bench.sh`:
//!
//! - the reference and demo data, by running the release server binary's `seed --demo`
//!   (which applies the migrations first): units, standards, demo accounts, 85 articles;
//! - a few hundred verified members of the public (their password is the demo citizen's);
//! - `BENCH_CONSULTATIONS` consultations (default 100,000) over the five demo units: 2 % waiting
//!   (2,000), 1 % active (assigned to the demo officers and supervisors), the rest closed with a
//!   resolution; 1 % (1,000) owned by the demo citizen `warga@statkonsul.test`; numbers unique
//!   per unit and year, `consultation_counters` matching;
//! - about 10 messages each (UUIDv7 ids in time order, alternating officer and owner), read
//!   receipts, and ratings of some answered ones.
//!
//! Rows go in as multi-row `INSERT`s into the tables themselves (never into derived tables: any
//! trigger the schema has keeps those up to date) in large transactions, values bound through
//! sea-orm exactly as the entities bind them. Deterministic: the same count gives the same data
//! (but times are relative to now).
//!
//! Environment: `DATABASE_URL` (a fresh database: SQLite file or PostgreSQL), `DATA_DIR` (for
//! the seed command), `BENCH_CONSULTATIONS`, `STATKONSUL_BIN` (default: the `statkonsul` binary
//! beside this one).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{
    collections::HashMap,
    path::PathBuf,
    process::Command,
    time::{Duration, Instant},
};

use chrono::{DateTime, Datelike, FixedOffset, TimeDelta, Utc};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
    TransactionTrait, Value,
};
use uuid::{NoContext, Timestamp, Uuid};

const UNITS: [(&str, u64); 5] = [
    ("3375", 30),
    ("3304", 20),
    ("1207", 20),
    ("1808", 15),
    ("6571", 15),
];
const OWNER_EMAIL: &str = "warga@statkonsul.test";
const PUBLIC_USERS: usize = 300;
/// Consultations per transaction.
const TXN_CONSULTATIONS: usize = 10_000;

/// splitmix64: deterministic and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn weighted_unit(&mut self) -> usize {
        let total: u64 = UNITS.iter().map(|u| u.1).sum();
        let mut r = self.below(total);
        for (i, (_, w)) in UNITS.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        0
    }
}

/// A timestamp with nine fractional digits, as `Utc::now()` usually has (SQLite stores times as
/// RFC 3339 text, and equal widths keep them ordered as text), never in the future.
fn at(t: DateTime<Utc>, rng: &mut Rng) -> DateTime<Utc> {
    use chrono::Timelike;
    let nanos = (rng.below(999_999_999) as u32) | 1;
    let t = t.with_nanosecond(nanos).unwrap_or(t);
    let latest = Utc::now() - TimeDelta::seconds(1);
    if t > latest { latest } else { t }
}

fn v7(t: DateTime<Utc>) -> Uuid {
    Uuid::new_v7(Timestamp::from_unix(
        NoContext,
        t.timestamp() as u64,
        t.timestamp_subsec_nanos(),
    ))
}

/// A growing multi-row `INSERT`: flushed every `rows_per_statement` rows.
struct Inserter {
    table: &'static str,
    columns: &'static [&'static str],
    rows_per_statement: usize,
    values: Vec<Value>,
    rows: usize,
    total: u64,
}

impl Inserter {
    fn new(
        table: &'static str,
        columns: &'static [&'static str],
        rows_per_statement: usize,
    ) -> Self {
        Self {
            table,
            columns,
            rows_per_statement,
            values: Vec::new(),
            rows: 0,
            total: 0,
        }
    }

    async fn push<C: ConnectionTrait>(&mut self, conn: &C, row: Vec<Value>) {
        assert_eq!(row.len(), self.columns.len(), "{}: row width", self.table);
        self.values.extend(row);
        self.rows += 1;
        if self.rows >= self.rows_per_statement {
            self.flush(conn).await;
        }
    }

    async fn flush<C: ConnectionTrait>(&mut self, conn: &C) {
        if self.rows == 0 {
            return;
        }
        let backend = conn.get_database_backend();
        let width = self.columns.len();
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            self.table,
            self.columns.join(", ")
        );
        let mut n = 0;
        for r in 0..self.rows {
            if r > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for c in 0..width {
                if c > 0 {
                    sql.push_str(", ");
                }
                n += 1;
                match backend {
                    DbBackend::Postgres => sql.push_str(&format!("${n}")),
                    _ => sql.push('?'),
                }
            }
            sql.push(')');
        }
        let values = std::mem::take(&mut self.values);
        conn.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await
            .unwrap_or_else(|e| panic!("inserting into {}: {e}", self.table));
        self.total += self.rows as u64;
        self.rows = 0;
    }
}

const CONSULTATION_COLUMNS: &[&str] = &[
    "id",
    "unit_code",
    "number",
    "user_id",
    "category",
    "subject",
    "question",
    "status",
    "resolution",
    "summary",
    "assignee_id",
    "to_index",
    "claimed_at",
    "clarified_at",
    "deadline_at",
    "closed_at",
    "last_user_message_at",
    "last_officer_message_at",
    "auto_close_warned_at",
    "created_at",
    "updated_at",
];
const MESSAGE_COLUMNS: &[&str] = &[
    "id",
    "consultation_id",
    "sender_id",
    "sender_role",
    "body",
    "created_at",
];
const RECEIPT_COLUMNS: &[&str] = &[
    "consultation_id",
    "user_id",
    "last_read_message_id",
    "updated_at",
];
const RATING_COLUMNS: &[&str] = &[
    "id",
    "subject_kind",
    "subject_id",
    "unit_code",
    "user_id",
    "u1",
    "u2",
    "u3",
    "u4",
    "u5",
    "u6",
    "u7",
    "u8",
    "u9",
    "comment",
    "needs_follow_up",
    "created_at",
];
const USER_COLUMNS: &[&str] = &[
    "id",
    "email",
    "password_hash",
    "full_name",
    "phone",
    "institution",
    "occupation",
    "role",
    "unit_code",
    "email_verified_at",
    "created_at",
    "updated_at",
];

/// (category, subject, what is asked)
const TOPICS: &[(&str, &str, &str)] = &[
    (
        "data",
        "Angka kemiskinan",
        "persentase penduduk miskin menurut kecamatan",
    ),
    (
        "data",
        "Inflasi bulanan",
        "inflasi bulanan dan tahunan beserta andil per kelompok pengeluaran",
    ),
    (
        "data",
        "PDRB menurut lapangan usaha",
        "PDRB atas dasar harga berlaku dan konstan menurut lapangan usaha",
    ),
    (
        "data",
        "Indeks Pembangunan Manusia",
        "IPM beserta komponennya (harapan lama sekolah, rata-rata lama sekolah, pengeluaran)",
    ),
    (
        "data",
        "Jumlah penduduk per kecamatan",
        "jumlah penduduk menurut kecamatan dan jenis kelamin",
    ),
    (
        "data",
        "Tingkat pengangguran terbuka",
        "tingkat pengangguran terbuka hasil Sakernas Agustus",
    ),
    (
        "data",
        "Produksi padi",
        "luas panen, produktivitas dan produksi padi per kecamatan",
    ),
    (
        "data",
        "Nilai tukar petani",
        "nilai tukar petani per subsektor",
    ),
    (
        "data",
        "Indeks harga konsumen",
        "IHK menurut kelompok pengeluaran dan inflasi inti",
    ),
    (
        "data",
        "Angka harapan hidup",
        "angka harapan hidup saat lahir",
    ),
    (
        "data",
        "Statistik pendidikan",
        "angka partisipasi sekolah dan angka partisipasi murni",
    ),
    (
        "data",
        "Upah buruh",
        "rata-rata upah buruh menurut lapangan pekerjaan utama",
    ),
    (
        "metadata",
        "Konsep rumah tangga",
        "definisi rumah tangga dan anggota rumah tangga yang dipakai dalam survei",
    ),
    (
        "metadata",
        "Definisi pengangguran",
        "konsep pengangguran terbuka dan setengah pengangguran",
    ),
    (
        "metadata",
        "Metode penghitungan garis kemiskinan",
        "cara penghitungan garis kemiskinan makanan dan nonmakanan",
    ),
    (
        "activity_recommendation",
        "Rekomendasi survei kepuasan masyarakat",
        "rekomendasi kegiatan statistik untuk survei kepuasan masyarakat di dinas kami",
    ),
    (
        "activity_recommendation",
        "Rekomendasi survei sektoral",
        "tata cara pengajuan rekomendasi kegiatan statistik sektoral",
    ),
    (
        "classification",
        "Kode KBLI untuk usaha",
        "kode KBLI 2020 yang tepat untuk usaha warung kopi dan katering",
    ),
    (
        "classification",
        "Kode KBJI jabatan",
        "kode KBJI untuk jabatan pranata komputer dan analis data",
    ),
    (
        "classification",
        "Klasifikasi baku komoditas",
        "kode KBKI untuk komoditas hasil olahan perikanan",
    ),
];
const OCCUPATIONS: &[&str] = &[
    "mahasiswa",
    "peneliti",
    "dosen",
    "pegawai dinas",
    "wartawan",
    "pelaku usaha",
    "guru",
    "konsultan",
];
const FIRST_NAMES: &[&str] = &[
    "Siti", "Budi", "Dewi", "Agus", "Rina", "Andi", "Nur", "Yusuf", "Sri", "Eko", "Putri", "Rizky",
    "Ayu", "Hendra", "Fitri", "Joko", "Lestari", "Bayu", "Wulan", "Dimas",
];
const LAST_NAMES: &[&str] = &[
    "Rahma",
    "Santoso",
    "Wijaya",
    "Hidayat",
    "Pratama",
    "Saputra",
    "Lestari",
    "Nugroho",
    "Kurniawan",
    "Sari",
    "Siregar",
    "Nasution",
    "Hasibuan",
    "Setiawan",
    "Permata",
];
const INSTITUTIONS: &[&str] = &[
    "Universitas Diponegoro",
    "Universitas Sumatera Utara",
    "Universitas Lampung",
    "Universitas Borneo Tarakan",
    "Bappeda",
    "Dinas Pertanian",
    "CV Maju Bersama",
    "Harian Suara Merdeka",
];
const OFFICER_LINES: &[&str] = &[
    "Selamat pagi, terima kasih telah menghubungi PST. Data {t} tahun {y} tersedia pada publikasi Daerah Dalam Angka; tabelnya kami lampirkan.",
    "Baik, kami cek dahulu ketersediaan {t} sampai tingkat yang Bapak/Ibu minta. Mohon ditunggu sebentar.",
    "Untuk {t}, rincian sampai kecamatan belum tersedia; yang tersedia tingkat kabupaten/kota. Apakah itu cukup untuk keperluan Anda?",
    "Berikut tautan tabel dinamis di situs web kami untuk {t} {y}. Silakan diunduh dalam format XLSX.",
    "Konsep yang dipakai mengikuti standar internasional; penjelasan lengkapnya ada di bagian metadata publikasi.",
    "Data tahun {y} masih angka sementara dan akan diperbarui pada rilis berikutnya.",
    "Apakah ada data lain yang dapat kami bantu? Jika sudah cukup, konsultasi ini akan kami tutup.",
    "Mohon maaf atas keterlambatan balasan. Tabel {t} sudah kami siapkan dan kami kirim melalui percakapan ini.",
];
const OWNER_LINES: &[&str] = &[
    "Terima kasih, Pak/Bu. Apakah ada data {t} untuk tahun {y} juga?",
    "Baik, tingkat kabupaten sudah cukup untuk skripsi saya.",
    "Maaf, saya perlu datanya dalam format Excel, bukan PDF. Apakah bisa?",
    "Apakah data ini boleh dikutip di laporan kami, dan bagaimana cara menyebut sumbernya?",
    "Datanya sudah saya terima, terima kasih banyak atas bantuannya.",
    "Saya juga ingin menanyakan apakah ada rincian menurut jenis kelamin.",
    "Kapan rilis angka tetap untuk tahun {y}?",
    "Mohon dibantu, tenggat laporan saya minggu depan.",
];

fn line(template: &str, topic: &str, year: i32) -> String {
    template
        .replace("{t}", &topic.to_lowercase())
        .replace("{y}", &year.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Waiting,
    Active,
    Closed,
}

struct Planned {
    kind: Kind,
    unit: usize,
    user: Uuid,
    created_at: DateTime<Utc>,
    seed: u64,
    force_officer: bool,
    number: String,
}

struct Staff {
    officer: Uuid,
    supervisor: Uuid,
    deadline_days: i64,
    auto_close_days: i64,
    offset: FixedOffset,
}

fn zone_offset(name: &str) -> FixedOffset {
    let hours = match name {
        "Asia/Makassar" => 8,
        "Asia/Jayapura" => 9,
        _ => 7,
    };
    FixedOffset::east_opt(hours * 3600).unwrap()
}

/// Runs `sql` (written with `?` placeholders) and returns its first row.
async fn query_one<C: ConnectionTrait>(
    conn: &C,
    sql: &str,
    values: Vec<Value>,
) -> Option<sea_orm::QueryResult> {
    let backend = conn.get_database_backend();
    let sql = if backend == DbBackend::Postgres {
        let mut n = 0;
        sql.chars()
            .map(|c| {
                if c == '?' {
                    n += 1;
                    format!("${n}")
                } else {
                    c.to_string()
                }
            })
            .collect()
    } else {
        sql.to_owned()
    };
    conn.query_one_raw(Statement::from_sql_and_values(backend, sql, values))
        .await
        .unwrap()
}

async fn uuid_of<C: ConnectionTrait>(conn: &C, email: &str) -> Uuid {
    query_one(
        conn,
        "SELECT id FROM users WHERE email = ?",
        vec![email.to_owned().into()],
    )
    .await
    .unwrap_or_else(|| panic!("no user {email}: did the demo seed run?"))
    .try_get_by_index::<Uuid>(0)
    .unwrap()
}

async fn count<C: ConnectionTrait>(conn: &C, sql: &str) -> i64 {
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            sql.to_owned(),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<i64>(0).unwrap()
}

fn server_binary() -> PathBuf {
    if let Ok(path) = std::env::var("STATKONSUL_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().unwrap();
    let path = exe.parent().unwrap().join("statkonsul");
    assert!(
        path.exists(),
        "build the server first (cargo build --release -p statkonsul): {}",
        path.display()
    );
    path
}

async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(30));
    if url.starts_with("sqlite:") {
        options.max_connections(1).map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(30))
                .pragma("cache_size", "-262144")
        });
    } else {
        options.max_connections(2);
    }
    Database::connect(options)
        .await
        .expect("cannot connect to DATABASE_URL")
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("set DATABASE_URL to a fresh database");
    assert!(
        std::env::var_os("DATA_DIR").is_some(),
        "set DATA_DIR (the seed command keeps a dev JWT secret there)"
    );
    let total: usize = std::env::var("BENCH_CONSULTATIONS")
        .ok()
        .map(|v| v.parse().expect("BENCH_CONSULTATIONS must be a number"))
        .unwrap_or(100_000);
    assert!(total >= 100, "BENCH_CONSULTATIONS must be at least 100");
    let started = Instant::now();

    // 1. Schema and reference data, exactly as an operator would load them.
    let t = Instant::now();
    let mut seed = Command::new(server_binary());
    seed.args(["seed", "--demo"]);
    if std::env::var_os("RUST_LOG").is_none() {
        seed.env("RUST_LOG", "warn");
    }
    let out = seed.output().expect("cannot run statkonsul seed --demo");
    assert!(
        out.status.success(),
        "statkonsul seed --demo failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    print!("{}", String::from_utf8_lossy(&out.stdout));
    let seed_time = t.elapsed();

    let db = connect(&url).await;
    let backend = db.get_database_backend();
    let existing = count(&db, "SELECT COUNT(*) FROM consultations").await;
    assert_eq!(
        existing, 0,
        "the database already holds consultations: load into a fresh one"
    );

    // 2. Who is who.
    let owner = uuid_of(&db, OWNER_EMAIL).await;
    let password_hash: String = query_one(
        &db,
        "SELECT password_hash FROM users WHERE id = ?",
        vec![owner.into()],
    )
    .await
    .expect("the demo citizen")
    .try_get_by_index(0)
    .unwrap();
    let mut staff = Vec::new();
    for (code, _) in UNITS {
        let row = query_one(
            &db,
            "SELECT time_zone, online_deadline_working_days, auto_close_after_days FROM units WHERE code = ?",
            vec![code.to_owned().into()],
        )
        .await
        .unwrap_or_else(|| panic!("no unit {code}"));
        let zone: String = row.try_get_by_index(0).unwrap();
        let deadline: i32 = row.try_get_by_index(1).unwrap();
        let auto_close: i32 = row.try_get_by_index(2).unwrap();
        staff.push(Staff {
            officer: uuid_of(&db, &format!("officer.{code}@statkonsul.test")).await,
            supervisor: uuid_of(&db, &format!("supervisor.{code}@statkonsul.test")).await,
            deadline_days: i64::from(deadline.max(1)),
            auto_close_days: i64::from(auto_close.max(1)),
            offset: zone_offset(&zone),
        });
    }

    let now = Utc::now();
    let mut rng = Rng::new(2026);
    let t = Instant::now();
    let txn = db.begin().await.unwrap();
    let mut users = Inserter::new("users", USER_COLUMNS, 200);
    let mut public_users = Vec::with_capacity(PUBLIC_USERS);
    for i in 0..PUBLIC_USERS {
        let id = Uuid::now_v7();
        public_users.push(id);
        let since = at(now - TimeDelta::days(rng.range(30, 900)), &mut rng);
        let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        users
            .push(
                &txn,
                vec![
                    id.into(),
                    format!("bench.warga.{i:03}@statkonsul.test").into(),
                    password_hash.clone().into(),
                    name.into(),
                    Some(format!("08{:010}", rng.below(10_000_000_000))).into(),
                    Some(rng.pick(INSTITUTIONS).to_string()).into(),
                    Some(rng.pick(OCCUPATIONS).to_string()).into(),
                    "public".to_owned().into(),
                    Option::<String>::None.into(),
                    Some(since).into(),
                    since.into(),
                    since.into(),
                ],
            )
            .await;
    }
    users.flush(&txn).await;
    txn.commit().await.unwrap();
    let users_time = t.elapsed();

    // 3. The plan: who asked where and when, and what became of it.
    let waiting_total = total / 50;
    let active_total = total / 100;
    let owner_total = total / 100;
    let owner_waiting = (owner_total / 50).max(2);
    let owner_active = (owner_total / 50).max(2);
    let mut plan: Vec<Planned> = Vec::with_capacity(total);
    for i in 0..total {
        let (kind, user, force_officer) = if i < owner_total {
            let kind = if i < owner_waiting {
                Kind::Waiting
            } else if i < owner_waiting + owner_active {
                Kind::Active
            } else {
                Kind::Closed
            };
            (kind, owner, true)
        } else {
            let j = i - owner_total;
            let kind = if j < waiting_total - owner_waiting {
                Kind::Waiting
            } else if j < waiting_total - owner_waiting + active_total - owner_active {
                Kind::Active
            } else {
                Kind::Closed
            };
            (kind, *rng.pick(&public_users), false)
        };
        // The owner's first active ones are at unit 3375 with its officer (they post in the bench).
        let unit = if user == owner && kind == Kind::Active && i < owner_waiting + owner_active / 2
        {
            0
        } else {
            rng.weighted_unit()
        };
        let age_minutes = match kind {
            Kind::Waiting => rng.range(1, 3 * 24 * 60),
            Kind::Active => rng.range(3 * 60, 4 * 24 * 60),
            Kind::Closed => rng.range(14 * 24 * 60, 730 * 24 * 60),
        };
        let created_at = at(now - TimeDelta::minutes(age_minutes), &mut rng);
        plan.push(Planned {
            kind,
            unit,
            user,
            created_at,
            seed: i as u64,
            force_officer,
            number: String::new(),
        });
    }
    plan.sort_by_key(|p| p.created_at);
    let mut counters: HashMap<(usize, i32), i32> = HashMap::new();
    for p in &mut plan {
        let year = p.created_at.with_timezone(&staff[p.unit].offset).year();
        let seq = counters.entry((p.unit, year)).or_insert(0);
        *seq += 1;
        p.number = format!("{}-{year}-{:06}", UNITS[p.unit].0, *seq);
    }

    // 4. Consultations, their messages, read receipts and ratings.
    let t = Instant::now();
    let mut consultations = Inserter::new("consultations", CONSULTATION_COLUMNS, 400);
    let mut messages = Inserter::new("messages", MESSAGE_COLUMNS, 1000);
    let mut receipts = Inserter::new("read_receipts", RECEIPT_COLUMNS, 1000);
    let mut ratings = Inserter::new("ratings", RATING_COLUMNS, 500);
    let mut status_counts: HashMap<&str, u64> = HashMap::new();
    for chunk in plan.chunks(TXN_CONSULTATIONS) {
        let txn = db.begin().await.unwrap();
        let mut pending_messages: Vec<Vec<Value>> = Vec::new();
        let mut pending_receipts: Vec<Vec<Value>> = Vec::new();
        let mut pending_ratings: Vec<Vec<Value>> = Vec::new();
        for p in chunk {
            let mut rng = Rng::new(0xC0FFEE ^ p.seed);
            let s = &staff[p.unit];
            let (unit_code, _) = UNITS[p.unit];
            let id = v7(p.created_at);
            let (category, topic, asked) = *rng.pick(TOPICS);
            let year = p.created_at.year() - rng.range(0, 2) as i32;
            let occupation = rng.pick(OCCUPATIONS);
            let subject = format!("{topic} {year}");
            let question = format!(
                "Selamat siang. Saya {occupation} dan sedang menyusun laporan. Saya memerlukan {asked} \
                 tahun {year} untuk wilayah {unit_code}. Apakah datanya tersedia, dan dalam format apa \
                 dapat saya peroleh? Terima kasih."
            );
            let resolution = match p.kind {
                Kind::Closed => Some(match rng.below(100) {
                    0..=79 => "answered",
                    80..=87 => "referred",
                    88..=91 => "withdrawn",
                    92..=94 => "cancelled",
                    _ => "inactive",
                }),
                _ => None,
            };
            let claimed = p.kind == Kind::Active
                || (p.kind == Kind::Closed && resolution != Some("withdrawn"));
            let assignee = claimed.then(|| {
                if p.force_officer || rng.chance(70) {
                    s.officer
                } else {
                    s.supervisor
                }
            });
            let staff_role = if assignee == Some(s.supervisor) {
                "supervisor"
            } else {
                "officer"
            };
            // The conversation: officer first, then owner, alternating. Active ones end with the
            // owner (so the auto-close timer leaves them alone); inactive ones with the officer.
            let (count, gap_minutes) = match (p.kind, resolution) {
                (Kind::Waiting, _) => (rng.range(0, 2), (1, 30)),
                (Kind::Active, _) => (2 * rng.range(1, 5), (1, 12)),
                (_, Some("withdrawn")) => (rng.range(0, 2), (5, 600)),
                (_, Some("inactive")) => (2 * rng.range(3, 5) + 1, (5, 600)),
                _ => (rng.range(8, 12), (2, 360)),
            };
            let mut clock = p.created_at;
            let claimed_at = claimed.then(|| {
                clock += TimeDelta::minutes(
                    rng.range(5, if p.kind == Kind::Active { 60 } else { 1440 }),
                );
                at(clock, &mut rng)
            });
            let clarified_at =
                claimed_at.map(|c| at(c + TimeDelta::minutes(rng.range(1, 30)), &mut rng));
            let deadline_at = clarified_at
                .map(|c| c + TimeDelta::days(s.deadline_days + 2 * (s.deadline_days / 5) + 1));
            if let Some(c) = clarified_at {
                clock = c;
            }
            let mut last_user = Some(p.created_at);
            let mut last_officer = None;
            let mut last_message = None;
            let mut last_when = p.created_at;
            let mut last_officer_message = None;
            for k in 0..count {
                clock += TimeDelta::minutes(rng.range(gap_minutes.0, gap_minutes.1));
                let when = at(clock, &mut rng);
                let from_owner = !claimed || k % 2 == 1;
                let mid = v7(when);
                let (sender, role, body) = if from_owner {
                    last_user = Some(when);
                    (
                        p.user,
                        "public",
                        line(rng.pick::<&str>(OWNER_LINES), topic, year),
                    )
                } else {
                    last_officer = Some(when);
                    last_officer_message = Some(mid);
                    (
                        assignee.unwrap(),
                        staff_role,
                        line(rng.pick::<&str>(OFFICER_LINES), topic, year),
                    )
                };
                last_message = Some(mid);
                last_when = when;
                pending_messages.push(vec![
                    mid.into(),
                    id.into(),
                    sender.into(),
                    role.to_owned().into(),
                    body.into(),
                    when.into(),
                ]);
            }
            let closed_at = (p.kind == Kind::Closed).then(|| {
                let after = if resolution == Some("inactive") {
                    TimeDelta::days(s.auto_close_days) + TimeDelta::minutes(rng.range(0, 60))
                } else {
                    TimeDelta::minutes(rng.range(1, 1440))
                };
                at(clock + after, &mut rng)
            });
            let warned_at =
                (resolution == Some("inactive")).then(|| closed_at.unwrap() - TimeDelta::days(1));
            let updated_at = closed_at.unwrap_or(last_when);
            let summary = matches!(resolution, Some("answered" | "referred")).then(|| {
                format!(
                    "{subject}: tabel dikirim melalui percakapan; sumber Daerah Dalam Angka {year}."
                )
            });
            let to_index = resolution == Some("answered") && rng.chance(2);
            let status = match p.kind {
                Kind::Waiting => "waiting",
                Kind::Active => "active",
                Kind::Closed => "closed",
            };
            *status_counts.entry(status).or_default() += 1;
            consultations
                .push(
                    &txn,
                    vec![
                        id.into(),
                        unit_code.to_owned().into(),
                        p.number.clone().into(),
                        p.user.into(),
                        category.to_owned().into(),
                        subject.into(),
                        question.into(),
                        status.to_owned().into(),
                        resolution.map(str::to_owned).into(),
                        summary.into(),
                        assignee.into(),
                        to_index.into(),
                        claimed_at.into(),
                        clarified_at.into(),
                        deadline_at.into(),
                        closed_at.into(),
                        last_user.into(),
                        last_officer.into(),
                        warned_at.into(),
                        p.created_at.into(),
                        updated_at.into(),
                    ],
                )
                .await;
            // Receipts: the owner has read everything; the officer too once it is closed, else
            // up to their own last message.
            if let Some(last) = last_message {
                pending_receipts.push(vec![
                    id.into(),
                    p.user.into(),
                    last.into(),
                    updated_at.into(),
                ]);
                if let Some(a) = assignee {
                    let read = if p.kind == Kind::Closed {
                        Some(last)
                    } else {
                        last_officer_message
                    };
                    if let Some(read) = read {
                        pending_receipts.push(vec![
                            id.into(),
                            a.into(),
                            read.into(),
                            updated_at.into(),
                        ]);
                    }
                }
            }
            if matches!(resolution, Some("answered")) && rng.chance(40) {
                let u: Vec<i16> = (0..9)
                    .map(|_| {
                        if rng.chance(85) {
                            3 + rng.below(2) as i16
                        } else {
                            1 + rng.below(2) as i16
                        }
                    })
                    .collect();
                let mut row: Vec<Value> = vec![
                    v7(closed_at.unwrap()).into(),
                    "consultation".to_owned().into(),
                    id.into(),
                    unit_code.to_owned().into(),
                    Some(p.user).into(),
                ];
                row.extend(u.iter().map(|v| Value::from(*v)));
                row.push(
                    rng.chance(20)
                        .then(|| "Pelayanan cepat dan ramah.".to_owned())
                        .into(),
                );
                row.push(u.iter().any(|v| *v <= 2).into());
                row.push(
                    at(
                        closed_at.unwrap() + TimeDelta::minutes(rng.range(1, 600)),
                        &mut rng,
                    )
                    .into(),
                );
                pending_ratings.push(row);
            }
        }
        // Parents before children: the foreign keys are checked at each statement.
        consultations.flush(&txn).await;
        for row in pending_messages {
            messages.push(&txn, row).await;
        }
        messages.flush(&txn).await;
        for row in pending_receipts {
            receipts.push(&txn, row).await;
        }
        receipts.flush(&txn).await;
        for row in pending_ratings {
            ratings.push(&txn, row).await;
        }
        ratings.flush(&txn).await;
        txn.commit().await.unwrap();
        eprint!(
            "\r  {} / {total} consultations, {} messages ({:.0} s)",
            consultations.total,
            messages.total,
            t.elapsed().as_secs_f64()
        );
    }
    eprintln!();
    let bulk_time = t.elapsed();

    // 5. Counters, so the next consultation opened gets the next number; queue positions.
    let t = Instant::now();
    let txn = db.begin().await.unwrap();
    let mut counter_rows = Inserter::new(
        "consultation_counters",
        &["unit_code", "year", "last_number"],
        500,
    );
    let mut keys: Vec<_> = counters.into_iter().collect();
    keys.sort();
    for ((unit, year), last) in keys {
        counter_rows
            .push(
                &txn,
                vec![UNITS[unit].0.to_owned().into(), year.into(), last.into()],
            )
            .await;
    }
    counter_rows.flush(&txn).await;
    // The rows went in without their places in the queues: number them as the migration does.
    txn.execute_unprepared(statkonsul::db::NUMBER_THE_QUEUES)
        .await
        .unwrap();
    txn.commit().await.unwrap();

    // Statistics: PostgreSQL's autovacuum would analyse these tables soon after such a load
    // (doing it now keeps it from happening during the measurement). The server never runs
    // ANALYZE on SQLite, so neither do we; the WAL is checkpointed so the server starts clean.
    match backend {
        DbBackend::Postgres => {
            db.execute_unprepared("ANALYZE").await.unwrap();
        }
        _ => {
            db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .unwrap();
        }
    }
    let finish_time = t.elapsed();

    let waiting_by_unit: Vec<String> = {
        let mut out = Vec::new();
        for (code, _) in UNITS {
            let n = count(
                &db,
                &format!(
                    "SELECT COUNT(*) FROM consultations WHERE status = 'waiting' AND unit_code = '{code}'"
                ),
            )
            .await;
            out.push(format!("{code}: {n}"));
        }
        out
    };
    let owned = count(
        &db,
        &format!(
            "SELECT COUNT(*) FROM consultations WHERE user_id IN (SELECT id FROM users WHERE email = '{OWNER_EMAIL}')"
        ),
    )
    .await;
    let in_db = count(&db, "SELECT COUNT(*) FROM consultations").await;
    let messages_in_db = count(&db, "SELECT COUNT(*) FROM messages").await;
    db.close().await.unwrap();
    let size = url
        .strip_prefix("sqlite://")
        .and_then(|p| p.split('?').next())
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| format!(", database file {:.0} MiB", m.len() as f64 / 1048576.0))
        .unwrap_or_default();

    let secs = bulk_time.as_secs_f64();
    println!(
        "loaded ({}): {in_db} consultations (waiting {}, active {}, closed {}), {messages_in_db} messages, \
         {} read receipts, {} ratings, {} public users + the demo accounts{size}",
        match backend {
            DbBackend::Postgres => "postgres",
            _ => "sqlite",
        },
        status_counts.get("waiting").unwrap_or(&0),
        status_counts.get("active").unwrap_or(&0),
        status_counts.get("closed").unwrap_or(&0),
        receipts.total,
        ratings.total,
        PUBLIC_USERS,
    );
    println!("  waiting per unit: {}", waiting_by_unit.join(", "));
    println!("  owned by {OWNER_EMAIL}: {owned}");
    println!(
        "  timings: migrate + seed --demo {:.1} s, users {:.1} s, consultations + messages {:.1} s \
         ({:.0} consultations/s, {:.0} messages/s), counters + {} {:.1} s; total {:.1} s",
        seed_time.as_secs_f64(),
        users_time.as_secs_f64(),
        secs,
        consultations.total as f64 / secs,
        messages.total as f64 / secs,
        match backend {
            DbBackend::Postgres => "ANALYZE",
            _ => "WAL checkpoint",
        },
        finish_time.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
