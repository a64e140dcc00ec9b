//! Walk-in load against a running server (`BENCH_BASE`, e.g. http://127.0.0.1:8080, with the demo
//! accounts): `BENCH_TAKES` (default 1,000) concurrent ticket takes over `BENCH_CONNECTIONS` (64)
//! connections, checked to be distinct and gap-free; then `BENCH_BOARDS` (100) board clients on the
//! unit's live feed while `BENCH_CALLS` (200) calls go out one after the other, each timed from the
//! call's request to the moment every board client has the number on screen. Figures, not pass/fail
//! (except a repeated or missing number, which is a failure).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{
    collections::BTreeSet,
    sync::Arc,
    time::{Duration, Instant},
};

use futures_util::StreamExt;
use serde_json::{Value, json};
use tokio::sync::Semaphore;
use tokio_tungstenite::{connect_async, tungstenite::Message};

fn var(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

async fn login(client: &reqwest::Client, base: &str, email: &str, password: &str) -> String {
    let reply: Value = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    reply["access_token"]
        .as_str()
        .expect("demo login")
        .to_owned()
}

#[tokio::main]
async fn main() {
    let base = std::env::var("BENCH_BASE").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let unit = std::env::var("BENCH_UNIT").unwrap_or_else(|_| "3375".into());
    let takes = var("BENCH_TAKES", 1000);
    let connections = var("BENCH_CONNECTIONS", 64);
    let boards = var("BENCH_BOARDS", 100);
    let calls = var("BENCH_CALLS", 200);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(connections)
        .build()
        .unwrap();
    let front = login(
        &client,
        &base,
        &format!("frontoffice.{unit}@statkonsul.test"),
        "Staff-Demo-2026!",
    )
    .await;
    let officer = login(
        &client,
        &base,
        &format!("officer.{unit}@statkonsul.test"),
        "Staff-Demo-2026!",
    )
    .await;

    // A service of its own, so the numbers checked are only this run's.
    let services: Value = client
        .get(format!("{base}/api/v1/units/{unit}/walkin/services"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let service = services["items"][1]["code"].as_str().unwrap().to_owned();
    let gate = Arc::new(Semaphore::new(connections));
    let started = Instant::now();
    let tasks: Vec<_> = (0..takes)
        .map(|_| {
            let (client, base, unit, front, service, gate) = (
                client.clone(),
                base.clone(),
                unit.clone(),
                front.clone(),
                service.clone(),
                gate.clone(),
            );
            tokio::spawn(async move {
                let _slot = gate.acquire().await.unwrap();
                let t = Instant::now();
                let reply = client
                    .post(format!("{base}/api/v1/units/{unit}/walkin/tickets"))
                    .bearer_auth(&front)
                    .json(&json!({"service": service}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(reply.status(), 201, "a take failed");
                let body: Value = reply.json().await.unwrap();
                (
                    body["number"].as_str().unwrap().to_owned(),
                    t.elapsed().as_secs_f64() * 1000.0,
                )
            })
        })
        .collect();
    let mut numbers = BTreeSet::new();
    let mut seqs: Vec<u32> = vec![];
    let mut latencies = vec![];
    for task in tasks {
        let (number, ms) = task.await.unwrap();
        assert!(
            numbers.insert(number.clone()),
            "number {number} given twice"
        );
        seqs.push(number.split('-').nth(1).unwrap().parse().unwrap());
        latencies.push(ms);
    }
    let elapsed = started.elapsed().as_secs_f64();
    seqs.sort_unstable();
    let first = *seqs.iter().min().unwrap();
    let gap_free = seqs.iter().copied().eq(first..first + takes as u32);
    assert!(gap_free, "the numbers have gaps: {seqs:?}");
    latencies.sort_by(f64::total_cmp);
    println!(
        "ticket takes: {takes} concurrent over {connections} connections in {elapsed:.2} s = {:.0}/s, \
         p50 {:.1} ms, p99 {:.1} ms; {} distinct numbers, gap-free from {first}",
        takes as f64 / elapsed,
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        numbers.len()
    );

    // Board clients, each waiting for its first board.
    let ws_base = base.replacen("http", "ws", 1);
    let mut feeds = vec![];
    for _ in 0..boards {
        let (mut socket, _) =
            connect_async(format!("{ws_base}/api/v1/units/{unit}/walkin/board/live"))
                .await
                .expect("board feed");
        socket.next().await.unwrap().unwrap();
        feeds.push(socket);
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(String, Instant)>();
    for mut socket in feeds {
        let tx = tx.clone();
        tokio::spawn(async move {
            while let Some(Ok(frame)) = socket.next().await {
                if let Message::Text(text) = frame {
                    let event: Value = serde_json::from_str(&text).unwrap();
                    if let Some(now) = event["data"]["now_serving"].as_array() {
                        for call in now {
                            let _ = tx.send((
                                call["number"].as_str().unwrap().to_owned(),
                                Instant::now(),
                            ));
                        }
                    }
                }
            }
        });
    }
    drop(tx);
    let mut board_ms = vec![];
    for _ in 0..calls.min(takes) {
        let sent = Instant::now();
        let reply = client
            .post(format!("{base}/api/v1/units/{unit}/walkin/call-next"))
            .bearer_auth(&officer)
            .json(&json!({"desk": "meja-3"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            reply.status(),
            200,
            "a call failed: {}",
            reply.text().await.unwrap_or_default()
        );
        let called: Value = reply.json().await.unwrap();
        let number = called["number"].as_str().unwrap().to_owned();
        let mut seen = 0;
        while seen < boards {
            let (shown, at) = tokio::time::timeout(Duration::from_secs(30), rx.recv())
                .await
                .expect("every board shows the call")
                .unwrap();
            if shown == number {
                seen += 1;
                board_ms.push((at - sent).as_secs_f64() * 1000.0);
            }
        }
        let id = called["id"].as_str().unwrap();
        let done = client
            .post(format!("{base}/api/v1/walkin/tickets/{id}/finish"))
            .bearer_auth(&officer)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(done.status(), 200);
    }
    board_ms.sort_by(f64::total_cmp);
    println!(
        "board updates: {} calls seen by {boards} board clients each ({} deliveries): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms from the call's request",
        calls.min(takes),
        board_ms.len(),
        percentile(&board_ms, 0.5),
        percentile(&board_ms, 0.99),
        board_ms.last().copied().unwrap_or_default()
    );
}
