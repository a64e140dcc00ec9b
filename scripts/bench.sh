#!/usr/bin/env bash
# Prints latency percentiles and throughput of the hot paths (release build, SQLite;
# STATKONSUL_TEST_DB=postgres with STATKONSUL_TEST_PG_URL for PostgreSQL). Figures, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -p statkonsul-tests --bin bench
# The embedded knowledge index at scale (BENCH_ARTICLES, default 100,000 generated articles).
cargo run --release --quiet -p statkonsul-tests --bin bench_search
