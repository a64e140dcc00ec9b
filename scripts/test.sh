#!/usr/bin/env bash
# Runs every test: formatting and lints, the API tests on SQLite and on PostgreSQL, contract
# fuzzing of the API against its OpenAPI document, the SPA's unit tests, and the browser journey
# in Chromium. Installs what it needs when missing (PostgreSQL and Chromium from Debian, npm
# packages from the lockfile, schemathesis from PyPI into a virtualenv under target/) and
# starts/stops the servers it uses.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

step() { printf '\n==> %s\n' "$*"; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]}"
  as_root apt-get update
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "Installing the web app's packages (from package-lock.json)"
(cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)

step "Formatting and lints"
cargo fmt --all --check
python3 scripts/check-layers.py
cargo clippy --workspace --all-targets -- -D warnings
(cd frontend && npm run lint && npm run typecheck)

step "Starting a throwaway PostgreSQL"
PGBIN=$(pg_bin)
PGROOT=$(mktemp -d /tmp/statkonsul-pg.XXXXXX)
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$PGROOT"; fi
stop_pg() {
  pg_as "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap stop_pg EXIT
pg_as "$PGBIN/initdb" -D "$PGROOT/data" --auth=trust -U postgres >/dev/null
pg_as "$PGBIN/pg_ctl" -D "$PGROOT/data" -w -l "$PGROOT/server.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export STATKONSUL_TEST_PG_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"

# The knowledge index's behaviour tests, its retrieval check and the API's knowledge tests run on
# the embedded index and, when the Meilisearch build kept beside the repository is there, on it too.
MEILI_START="$ROOT/../shared/tools/meilisearch/start.sh"
if [ -x "$MEILI_START" ] || [ -f "$MEILI_START" ]; then
  step "Starting a throwaway Meilisearch"
  MEILI_ROOT=$(mktemp -d /tmp/statkonsul-meili.XXXXXX)
  MEILI_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  MEILI_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  MEILI_PID=$(bash "$MEILI_START" "$MEILI_PORT" "$MEILI_ROOT" "$MEILI_KEY")
  stop_meili() {
    kill "$MEILI_PID" 2>/dev/null || true
    wait "$MEILI_PID" 2>/dev/null || true
    rm -rf "$MEILI_ROOT"
  }
  trap 'stop_meili; stop_pg' EXIT
  export MEILI_URL="http://127.0.0.1:$MEILI_PORT" MEILI_API_KEY="$MEILI_KEY"
else
  echo "Meilisearch not found at $MEILI_START: its tests are skipped (the embedded index is tested alone)"
  unset MEILI_URL MEILI_API_KEY
fi

step "Web app: unit tests and build"
# Built before the server's tests: the server serves it (a debug build reads frontend/dist).
(cd frontend && npm test && npm run build)

step "Building the server"
cargo build -p statkonsul

step "Rust tests on SQLite"
STATKONSUL_TEST_DB=sqlite cargo test --workspace

step "API tests on PostgreSQL"
STATKONSUL_TEST_DB=postgres cargo test -p statkonsul-tests

# The fuzzing and the browser journeys run on the default (embedded) index.
step "Contract fuzzing of the API (schemathesis)"
env -u MEILI_URL -u MEILI_API_KEY bash scripts/contract-fuzz.sh

step "Browser journey in Chromium"
(cd frontend && env -u MEILI_URL -u MEILI_API_KEY STATKONSUL_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/statkonsul" npm run e2e)

step "All tests passed"
