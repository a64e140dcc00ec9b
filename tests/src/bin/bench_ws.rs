//! Many WebSockets on one instance, for `scripts/bench-scale.sh`: opens `BENCH_SOCKETS` sockets
//! (default 10,000), one per member of the public (inserted into the database, their access
//! tokens signed with the server's `JWT_SECRET`, each socket opened with its own one-time
//! ticket), then has the demo officer answer `BENCH_MESSAGES` times (default 2,000, from
//! `BENCH_POSTERS` concurrent posters) in `BENCH_CONVERSATIONS` consultations (default 200) and
//! times each answer from the start of its `POST` to its arrival on the owner's socket. Prints
//! the sockets' opening rate, the server's RSS (`SERVER_PID`) idle and with every socket open,
//! and the delivery latencies. Figures, not pass/fail.
//!
//! Environment: `BASE` (the server), `DATABASE_URL` (its database, seeded with the demo data),
//! `JWT_SECRET`, `SERVER_PID`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use chrono::Utc;
use futures_util::{StreamExt, stream};
use sea_orm::{Database, EntityTrait, Set};
use serde_json::{Value, json};
use statkonsul::{auth::Role, entities::user, security::tokens::JwtKeys};
use tokio_tungstenite::{connect_async, tungstenite::Message};
use uuid::Uuid;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The server's resident memory in MB: all of it (`VmRSS`), and of it the heap and other
/// anonymous memory (`RssAnon`) and the mapped files (`RssFile`: the binary, the database and
/// index files, pages the kernel shares and takes back under pressure).
struct Rss {
    total: f64,
    anon: f64,
    file: f64,
}

impl std::fmt::Display for Rss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:.0} MB (anonymous {:.0}, files {:.0})",
            self.total, self.anon, self.file
        )
    }
}

fn rss_mb(pid: &str) -> Rss {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    Rss {
        total: field("VmRSS:"),
        anon: field("RssAnon:"),
        file: field("RssFile:"),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let base = std::env::var("BASE").expect("BASE");
    let ws_base = base.replacen("http://", "ws://", 1);
    let pid = std::env::var("SERVER_PID").unwrap_or_default();
    let keys = JwtKeys::new(&std::env::var("JWT_SECRET").expect("JWT_SECRET"));
    let sockets = env_usize("BENCH_SOCKETS", 10_000);
    let messages = env_usize("BENCH_MESSAGES", 2_000);
    let conversations = env_usize("BENCH_CONVERSATIONS", 200).min(sockets).max(1);
    let posters = env_usize("BENCH_POSTERS", 4);
    let db = Database::connect(std::env::var("DATABASE_URL").expect("DATABASE_URL"))
        .await
        .unwrap();
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .unwrap();

    // Members of the public, straight into the database (nobody logs in: tokens are signed).
    let now = Utc::now();
    let run = Uuid::new_v4().simple().to_string();
    let ids: Vec<Uuid> = (0..sockets).map(|_| Uuid::now_v7()).collect();
    for (chunk_no, chunk) in ids.chunks(500).enumerate() {
        let rows = chunk.iter().enumerate().map(|(i, id)| user::ActiveModel {
            id: Set(*id),
            email: Set(format!("ws.{run}.{}.{i}@statkonsul.test", chunk_no)),
            password_hash: Set("not-a-password-hash".into()),
            full_name: Set(format!("Warga Soket {chunk_no}-{i}")),
            phone: Set(None),
            institution: Set(None),
            occupation: Set(None),
            role: Set("public".into()),
            unit_code: Set(None),
            email_verified_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            capacity: Set(0),
            availability: Set("offline".into()),
            last_assigned_at: Set(None),
        });
        user::Entity::insert_many(rows)
            .exec_without_returning(&db)
            .await
            .unwrap();
    }
    let tokens: Vec<String> = ids
        .iter()
        .map(|id| {
            keys.issue(
                *id,
                Role::Public,
                None,
                Uuid::new_v4(),
                Duration::from_secs(3600),
            )
            .unwrap()
        })
        .collect();

    // The conversations: opened by their owners, taken by the demo officer.
    let login: Value = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": "officer.3375@statkonsul.test", "password": "Staff-Demo-2026!"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let officer = login["access_token"]
        .as_str()
        .expect("officer login")
        .to_owned();
    let mut consultations = Vec::with_capacity(conversations);
    for token in tokens.iter().take(conversations) {
        let c: Value = http
            .post(format!("{base}/api/v1/consultations"))
            .bearer_auth(token)
            .json(
                &json!({"unit_code": "3375", "category": "data", "subject": "Angka kemiskinan",
                          "question": "Berapa persentase penduduk miskin menurut kecamatan?"}),
            )
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = c["id"].as_str().expect("consultation").to_owned();
        let claimed = http
            .post(format!("{base}/api/v1/consultations/{id}/claim"))
            .bearer_auth(&officer)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert!(claimed.status().is_success(), "claim: {}", claimed.status());
        consultations.push(id);
    }

    let idle_rss = rss_mb(&pid);
    // Open every socket, 64 at a time, each with its own ticket.
    let sent: Arc<Mutex<HashMap<usize, Instant>>> = Arc::new(Mutex::new(HashMap::new()));
    let latencies: Arc<Mutex<Vec<Duration>>> = Arc::new(Mutex::new(Vec::new()));
    let opening = Instant::now();
    let opened: Vec<_> = stream::iter(tokens.iter().cloned())
        .map(|token| {
            let http = http.clone();
            let base = base.clone();
            let ws_base = ws_base.clone();
            async move {
                let ticket: Value = http
                    .post(format!("{base}/api/v1/ws/tickets"))
                    .bearer_auth(&token)
                    .send()
                    .await
                    .ok()?
                    .json()
                    .await
                    .ok()?;
                let url = format!("{ws_base}/api/v1/ws?ticket={}", ticket["ticket"].as_str()?);
                connect_async(url).await.ok().map(|(s, _)| s)
            }
        })
        .buffer_unordered(64)
        .collect()
        .await;
    let open_time = opening.elapsed();
    let open_count = opened.iter().filter(|s| s.is_some()).count();
    let mut readers = Vec::new();
    for socket in opened.into_iter().flatten() {
        let sent = sent.clone();
        let latencies = latencies.clone();
        readers.push(tokio::spawn(async move {
            let (_write, mut read) = socket.split();
            while let Some(Ok(frame)) = read.next().await {
                let Message::Text(text) = frame else { continue };
                let Ok(event) = serde_json::from_str::<Value>(&text) else {
                    continue;
                };
                if event["type"] != "message.created" {
                    continue;
                }
                let Some(seq) = event["data"]["body"]
                    .as_str()
                    .and_then(|b| b.rsplit('#').next())
                    .and_then(|n| n.parse::<usize>().ok())
                else {
                    continue;
                };
                let started = sent.lock().unwrap().get(&seq).copied();
                if let Some(started) = started {
                    latencies.lock().unwrap().push(started.elapsed());
                }
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let open_rss = rss_mb(&pid);

    // Answers, from `posters` at once, each timed to its owner's socket.
    let posting = Instant::now();
    let failed = Arc::new(Mutex::new(0usize));
    stream::iter(0..messages)
        .map(|seq| {
            let http = http.clone();
            let url = format!(
                "{base}/api/v1/consultations/{}/messages",
                consultations[seq % consultations.len()]
            );
            let officer = officer.clone();
            let sent = sent.clone();
            let failed = failed.clone();
            async move {
                sent.lock().unwrap().insert(seq, Instant::now());
                let ok = http
                    .post(url)
                    .bearer_auth(&officer)
                    .json(&json!({"body": format!("Data sudah kami kirim, nomor #{seq}")}))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success());
                if !ok {
                    *failed.lock().unwrap() += 1;
                }
            }
        })
        .buffer_unordered(posters)
        .collect::<Vec<()>>()
        .await;
    let post_time = posting.elapsed();
    // Wait for the stragglers (at most 10 s).
    let deadline = Instant::now() + Duration::from_secs(10);
    let failed = *failed.lock().unwrap();
    while latencies.lock().unwrap().len() + failed < messages && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut got = latencies.lock().unwrap().clone();
    got.sort();
    let busy_rss = rss_mb(&pid);
    println!(
        "sockets opened: {open_count} of {sockets} in {:.1} s ({:.0}/s)",
        open_time.as_secs_f64(),
        open_count as f64 / open_time.as_secs_f64()
    );
    println!(
        "server RSS: {idle_rss} before, {open_rss} with the sockets open, {busy_rss} after the answers"
    );
    println!(
        "answers: {messages} from {posters} posters in {:.1} s ({:.0}/s), {failed} failed; delivered {} of {}",
        post_time.as_secs_f64(),
        messages as f64 / post_time.as_secs_f64(),
        got.len(),
        messages - failed
    );
    println!(
        "delivery (POST start to the owner's socket): p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&got, 0.50),
        percentile(&got, 0.95),
        percentile(&got, 0.99),
        percentile(&got, 1.0)
    );
    for r in readers {
        r.abort();
    }
}
