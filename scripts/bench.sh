#!/usr/bin/env bash
# Prints latency percentiles and throughput of the foundation's hot paths (release build, SQLite;
# STATKONSUL_TEST_DB=postgres with STATKONSUL_TEST_PG_URL for PostgreSQL). Figures, not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release --quiet -p statkonsul-tests --bin bench
