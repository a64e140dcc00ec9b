//! Measures the foundation's hot paths against the real server (in-process, on loopback):
//! public reads of units and service standards, and logins (argon2id on purpose slow).
//! Run with `bash scripts/bench.sh`; prints latency percentiles and throughput.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use statkonsul::auth::Role;
use statkonsul_tests::spawn_app;

struct Figures {
    name: &'static str,
    latencies: Vec<Duration>,
    wall: Duration,
}

impl Figures {
    fn print(mut self) {
        self.latencies.sort();
        let pick = |q: f64| {
            let i = ((self.latencies.len() as f64 - 1.0) * q).round() as usize;
            self.latencies[i].as_secs_f64() * 1000.0
        };
        println!(
            "{:<34} n={:<6} p50={:>7.2} ms  p95={:>7.2} ms  p99={:>7.2} ms  throughput={:>8.0} req/s",
            self.name,
            self.latencies.len(),
            pick(0.50),
            pick(0.95),
            pick(0.99),
            self.latencies.len() as f64 / self.wall.as_secs_f64()
        );
    }
}

async fn run(
    app: &statkonsul_tests::TestApp,
    name: &'static str,
    total: usize,
    concurrency: usize,
    path: impl Fn(usize) -> String,
) -> Figures {
    let start = Instant::now();
    let mut latencies = Vec::with_capacity(total);
    for chunk in (0..total).collect::<Vec<_>>().chunks(concurrency) {
        let requests = chunk.iter().map(|i| {
            let url = app.url(&path(*i));
            let client = app.client.clone();
            async move {
                let t = Instant::now();
                let res = client.get(url).send().await.unwrap();
                assert!(res.status().is_success());
                res.bytes().await.unwrap();
                t.elapsed()
            }
        });
        latencies.extend(futures_join(requests).await);
    }
    Figures {
        name,
        latencies,
        wall: start.elapsed(),
    }
}

async fn futures_join<F: std::future::Future<Output = Duration> + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<Duration> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::main]
async fn main() {
    let app = spawn_app().await;
    println!("database: {}", statkonsul_tests::test_database());
    let codes = ["3375", "3304", "1207", "1808", "6571"];
    run(&app, "warm-up", 200, 8, |_| "/api/v1/units".into()).await;
    run(&app, "GET /api/v1/units", 4000, 16, |_| {
        "/api/v1/units".into()
    })
    .await
    .print();
    run(&app, "GET /api/v1/units/{code}", 4000, 16, |i| {
        format!("/api/v1/units/{}", codes[i % 5])
    })
    .await
    .print();
    run(&app, "GET /api/v1/holidays?year=2026", 4000, 16, |_| {
        "/api/v1/holidays?year=2026".into()
    })
    .await
    .print();

    let user = app.staff(Role::Officer, Some("3304")).await;
    let start = Instant::now();
    let mut latencies = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        app.login(&user.email, &user.password).await.ok();
        latencies.push(t.elapsed());
    }
    Figures {
        name: "POST /api/v1/auth/login (argon2id)",
        latencies,
        wall: start.elapsed(),
    }
    .print();

    // The knowledge base with the 85 demo articles: public search over HTTP, and how long a
    // published article takes to become searchable (commit → index job → worker → visible).
    app.seed_knowledge().await;
    let queries = [
        "berapa%20angka%20kemiskinan%20banjarnegara",
        "inflsi%20bulanan",
        "gmn%20cara%20dapetin%20data%20mikro",
        "kode%20kbli%20warung%20kopi",
        "ipm",
    ];
    run(&app, "GET /api/v1/knowledge/search", 4000, 16, |i| {
        format!(
            "/api/v1/knowledge/search?q={}&unit=3304",
            queries[i % queries.len()]
        )
    })
    .await
    .print();
    let start = Instant::now();
    let mut latencies = Vec::new();
    for i in 0..30 {
        // Distinct words, far apart in spelling (typo tolerance would match neighbours).
        let word = format!(
            "penanda{}",
            ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"][i % 6].repeat(1 + i / 6)
        );
        let t = Instant::now();
        let reply = app
            .post(
                "/api/v1/knowledge/articles",
                Some(user.access_token.as_str()),
                serde_json::json!({
                    "title": format!("Artikel {word}"),
                    "question": "Pertanyaan untuk mengukur waktu sampai artikel dapat dicari.",
                    "answer": "Jawaban yang cukup panjang untuk artikel pengukuran kecepatan indeks.",
                    "category": "data",
                    "unit_code": "3304",
                    "status": "published",
                }),
            )
            .await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        loop {
            let found = app
                .get(&format!("/api/v1/knowledge/search?q={word}"), None)
                .await;
            let title = format!("Artikel {word}");
            let hits = found.body["hits"].as_array().cloned().unwrap_or_default();
            if hits.iter().any(|h| h["title"] == title.as_str()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        latencies.push(t.elapsed());
    }
    Figures {
        name: "publish → searchable (embedded)",
        latencies,
        wall: start.elapsed(),
    }
    .print();
}
