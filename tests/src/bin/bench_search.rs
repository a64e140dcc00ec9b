//! Measures the knowledge index at scale (the embedded one, or Meilisearch when `MEILI_URL` is
//! set): loads 100,000 generated articles (built from the words of the demo articles) and reports indexing throughput and search latency
//! (p50/p95/p99, snippets included) for realistic questions. Figures, not pass/fail.
//! Run with `bash scripts/bench.sh` (or `BENCH_ARTICLES=20000` for a quicker run).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use serde::Deserialize;
use statkonsul::search::{
    IndexedArticle, SearchRequest, SharedIndex, embedded::EmbeddedIndex, meili::MeiliIndex, search,
};
use statkonsul_tests::tempdir::TempDir;
use uuid::Uuid;

const ARTICLES: &str = include_str!("../../../backend/seed/knowledge-articles.json");
const SYNONYMS: &str = include_str!("../../../backend/seed/knowledge-synonyms.json");
const CASES: &str = include_str!("../../fixtures/knowledge-retrieval.json");
const CATEGORIES: [&str; 4] = [
    "data",
    "metadata",
    "activity_recommendation",
    "classification",
];
const UNITS: [Option<&str>; 6] = [
    None,
    Some("3375"),
    Some("3304"),
    Some("1207"),
    Some("1808"),
    Some("6571"),
];

#[derive(Deserialize)]
struct Seed {
    title: String,
    question: String,
    answer: String,
}

#[derive(Deserialize)]
struct Case {
    query: String,
}

/// xorshift64*: deterministic, so every run indexes the same articles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn words(&mut self, vocabulary: &[String], n: usize) -> String {
        (0..n)
            .map(|_| vocabulary[self.below(vocabulary.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn percentile(sorted: &[Duration], q: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        dir_size(&p)
                    } else {
                        e.metadata().map(|m| m.len()).unwrap_or(0)
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let total: usize = std::env::var("BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let seeds: Vec<Seed> = serde_json::from_str(ARTICLES).unwrap();
    let cases: Vec<Case> = serde_json::from_str(CASES).unwrap();
    let mut vocabulary: Vec<String> = seeds
        .iter()
        .flat_map(|s| {
            format!("{} {} {}", s.title, s.question, s.answer)
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().count() > 2)
        .collect();
    vocabulary.sort();
    vocabulary.dedup();
    let dir = TempDir::new();
    // The embedded index, or with MEILI_URL (and MEILI_API_KEY) a fresh index in that Meilisearch.
    let index: SharedIndex = match std::env::var("MEILI_URL") {
        Ok(url) => Arc::new(
            MeiliIndex::connect(
                &url,
                std::env::var("MEILI_API_KEY").ok().as_deref(),
                &format!("statkonsul_bench_{}", Uuid::new_v4().simple()),
            )
            .await
            .unwrap(),
        ),
        Err(_) => Arc::new(EmbeddedIndex::open(dir.path()).unwrap()),
    };
    println!("engine: {}", index.engine());
    index
        .set_synonyms(serde_json::from_str(SYNONYMS).unwrap())
        .await
        .unwrap();

    let mut rng = Rng(0x5EED_2026);
    let started = Instant::now();
    let batch = 5_000;
    let mut made = 0;
    while made < total {
        let n = batch.min(total - made);
        let articles: Vec<IndexedArticle> = (0..n)
            .map(|i| {
                let seed = &seeds[(made + i) % seeds.len()];
                IndexedArticle {
                    id: Uuid::now_v7(),
                    slug: format!("artikel-{}", made + i),
                    title: format!("{} {}", rng.words(&vocabulary, 3), seed.title),
                    question: format!("{} {}", seed.question, rng.words(&vocabulary, 8)),
                    answer: format!(
                        "{} {}",
                        rng.words(&vocabulary, 120),
                        rng.words(&vocabulary, 80)
                    ),
                    category: CATEGORIES[rng.below(4)].into(),
                    unit_code: UNITS[rng.below(UNITS.len())].map(Into::into),
                    tags: vec![rng.words(&vocabulary, 1), rng.words(&vocabulary, 1)],
                }
            })
            .collect();
        index.upsert(articles).await.unwrap();
        made += n;
    }
    let indexing = started.elapsed();
    println!(
        "indexed {total} articles (~{} words each) in {:.1} s: {:.0} articles/s; index size {:.0} MiB",
        215,
        indexing.as_secs_f64(),
        total as f64 / indexing.as_secs_f64(),
        dir_size(dir.path()) as f64 / 1_048_576.0
    );
    assert_eq!(index.count().await.unwrap(), total as u64);

    for (label, unit) in [("no unit", None), ("unit 3304 first", Some("3304"))] {
        let mut latencies = Vec::new();
        let mut slowest: Vec<(Duration, &str)> = Vec::new();
        // Warm-up, then three passes over the realistic questions.
        for round in 0..4 {
            for case in &cases {
                let t = Instant::now();
                let found = search(
                    index.as_ref(),
                    SearchRequest {
                        q: case.query.clone(),
                        category: None,
                        unit: unit.map(Into::into),
                        offset: 0,
                        limit: 10,
                    },
                )
                .await
                .unwrap();
                if round > 0 {
                    latencies.push(t.elapsed());
                    slowest.push((t.elapsed(), case.query.as_str()));
                }
                assert!(found.total > 0, "{}", case.query);
            }
        }
        latencies.sort();
        println!(
            "search over {total} articles ({label}), n={}: p50={:.2} ms  p95={:.2} ms  p99={:.2} ms",
            latencies.len(),
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.95),
            percentile(&latencies, 0.99)
        );
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        let mut shown: Vec<&str> = Vec::new();
        slowest.retain(|(_, q)| {
            let first = !shown.contains(q);
            shown.push(q);
            first
        });
        for (took, query) in slowest.iter().take(3) {
            println!("  slow: {:.2} ms  {query:?}", took.as_secs_f64() * 1000.0);
        }
    }
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..4 {
        let index = index.clone();
        let queries: Vec<String> = cases.iter().map(|c| c.query.clone()).collect();
        tasks.push(tokio::spawn(async move {
            for q in queries.iter().cycle().skip(worker * 7).take(250) {
                search(
                    index.as_ref(),
                    SearchRequest {
                        q: q.clone(),
                        category: None,
                        unit: None,
                        offset: 0,
                        limit: 10,
                    },
                )
                .await
                .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    println!(
        "search throughput, 4 concurrent clients: {:.0} searches/s",
        1000.0 / started.elapsed().as_secs_f64()
    );
}
