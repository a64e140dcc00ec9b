#!/usr/bin/env bash
# Builds the web app and the server, loads the demo data and serves everything at
# http://127.0.0.1:8080 (SQLite and the embedded search under ./data; no other service needed).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Building the web app"
(cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund && npm run build)

echo "==> Building the server"
cargo build --release -p statkonsul

echo "==> Loading reference and demo data"
./target/release/statkonsul seed --demo

echo "==> Serving at ${BIND_ADDR:-127.0.0.1:8080}"
exec ./target/release/statkonsul serve
