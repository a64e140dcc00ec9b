#!/usr/bin/env bash
# Scale figures (not pass/fail), in docs/benchmarks.md:
#
#   ws         BENCH_SOCKETS (10,000) WebSockets on one instance (SQLite, embedded search, demo
#              data): the rate they open at, the server's RSS, and the delivery latency of
#              BENCH_MESSAGES officer answers to their owners' sockets (tests/src/bin/bench_ws.rs).
#   instances  one instance against two on one PostgreSQL: a read and write mix driven by wrk
#              (64 connections: all on one instance, then 32 on each of two), req/s and p99.
#   soak       BENCH_SOAK_MINUTES (30) minutes of a steady read and write mix (wrk, 8
#              connections) on one instance, the server's RSS sampled every minute.
#
#   bash scripts/bench-scale.sh [ws] [instances] [soak]     (no argument: all three)
#
# The file limit is raised for the sockets (ulimit -n). BENCH_NICE as in bench.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
NICE=${BENCH_NICE:-0}
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(ws instances soak)

step() { printf '\n==> %s\n' "$*" >&2; }
die() { printf '\nbench-scale: %s\n' "$*" >&2; exit 1; }
for tool in wrk curl jq python3; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install wrk curl jq python3)"
done
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge 20000 ] || die "the file limit is $(ulimit -n): 10,000 sockets need more (ulimit -n 65536 as root)"

step "Building the release server and the bench tools"
cargo build --release -p statkonsul -p statkonsul-tests
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release"
WORK=$(mktemp -d /tmp/statkonsul-scale.XXXXXX)
SECRET="bench-scale-secret-of-at-least-32-characters"
PIDS=()
PGROOT=""
PGBIN=""
pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_servers() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}
cleanup() {
  stop_servers
  if [ -n "$PGROOT" ]; then
    pg_as "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# RSS, and of it the heap (anonymous) and the mapped files (SQLite maps its database: those pages
# are the kernel's page cache, shared and given back under pressure).
rss_parts() { awk '/^VmRSS:/ {r = $2} /^RssAnon:/ {a = $2} /^RssFile:/ {f = $2} END {printf "%.0f | %.0f | %.0f", r / 1024, a / 1024, f / 1024}' "/proc/$1/status"; }
mkdir -p "$WORK/static"
echo '<!doctype html><title>Statkonsul</title>' >"$WORK/static/index.html"

# serve NAME DATABASE_URL DATA_DIR: starts an instance, sets PORT and LAST_PID.
serve() {
  local name=$1 url=$2 data=$3
  PORT=$(free_port)
  (cd "$WORK" && exec env -u SMTP_URL -u MEILI_URL -u CORS_ORIGINS APP_ENV=dev DATABASE_URL="$url" \
    DATA_DIR="$data" BIND_ADDR="127.0.0.1:$PORT" PUBLIC_URL="http://127.0.0.1:$PORT" \
    STATIC_DIR="$WORK/static" JWT_SECRET="$SECRET" RUST_LOG=warn ACCESS_TOKEN_TTL_SECONDS=3600 \
    nice -n "$NICE" "$BIN/statkonsul" serve) >"$WORK/server-$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
  for _ in $(seq 1 1200); do
    curl -s -f "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$LAST_PID" 2>/dev/null || { cat "$WORK/server-$name.log" >&2; die "$name exited"; }
    sleep 0.1
  done
  die "$name is not ready after 120 s"
}

login() { # BASE EMAIL PASSWORD
  curl -s -f -X POST -H 'Content-Type: application/json' \
    -d "{\"email\": \"$2\", \"password\": \"$3\"}" "$1/api/v1/auth/login" | jq -r .access_token
}

# A wrk script of the backbone's mix: 8 reads (the unit, the owner's consultation and list, the
# officer's waiting queue) for every 2 writes (the owner's and the officer's answers).
mix_script() { # FILE OWNER OFFICER OWNER_CONSULTATION OFFICER_CONSULTATION
  cat >"$1" <<LUA
local owner = {["Authorization"] = "Bearer $2", ["Content-Type"] = "application/json"}
local officer = {["Authorization"] = "Bearer $3", ["Content-Type"] = "application/json"}
local n = 0
request = function()
  n = n + 1
  local k = n % 10
  if k == 0 then
    return wrk.format("POST", "/api/v1/consultations/$4/messages", owner, '{"body": "Terima kasih, saya tunggu datanya (' .. n .. ')."}')
  elseif k == 5 then
    return wrk.format("POST", "/api/v1/consultations/$5/messages", officer, '{"body": "Datanya sudah kami kirim (' .. n .. ')."}')
  elseif k == 1 or k == 6 then
    return wrk.format("GET", "/api/v1/units/3375", owner)
  elseif k == 2 or k == 7 then
    return wrk.format("GET", "/api/v1/consultations/$4", owner)
  elseif k == 3 or k == 8 then
    return wrk.format("GET", "/api/v1/consultations?per_page=20", owner)
  else
    return wrk.format("GET", "/api/v1/consultations?status=waiting", officer)
  end
end
LUA
}

# ids BASE OWNER OFFICER: the owner's and the officer's active consultations (OWNER_C, OFFICER_C).
ids() {
  OWNER_C=$(curl -s -f -H "Authorization: Bearer $2" "$1/api/v1/consultations?status=active&per_page=1" | jq -r '.items[0].id')
  OFFICER_C=$(curl -s -f -H "Authorization: Bearer $3" "$1/api/v1/consultations?status=active&assignee=me&per_page=1" | jq -r '.items[0].id')
  [ "$OWNER_C" != null ] && [ "$OFFICER_C" != null ] || die "no active consultations to write to"
}

wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
wrk_p99() { awk '$1 == "99%" {print $2}' "$1"; }

part_ws() {
  step "ws: ${BENCH_SOCKETS:-10000} sockets on one instance (SQLite)"
  local data=$WORK/ws url
  mkdir -p "$data"
  url="sqlite://$data/statkonsul.db?mode=rwc"
  env -u SMTP_URL -u MEILI_URL DATABASE_URL="$url" DATA_DIR="$data" RUST_LOG=warn "$BIN/statkonsul" seed --demo >/dev/null
  serve ws "$url" "$data"
  BASE="http://127.0.0.1:$PORT" DATABASE_URL="$url" JWT_SECRET="$SECRET" SERVER_PID=$LAST_PID \
    nice -n "$NICE" "$BIN/bench_ws" | tee "$WORK/ws.txt"
  stop_servers
}

part_instances() {
  step "instances: one against two on one PostgreSQL"
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PGBIN" ] || die "PostgreSQL is not installed"
  PGROOT=$(mktemp -d /tmp/statkonsul-scale-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGROOT"; fi
  local pgport
  pgport=$(free_port)
  pg_as "$PGBIN/initdb" -D "$PGROOT/data" --auth=trust -U postgres >/dev/null
  pg_as "$PGBIN/pg_ctl" -D "$PGROOT/data" -w -l "$PGROOT/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $pgport -k $PGROOT -c shared_buffers=256MB -c max_connections=200" start >/dev/null
  pg_as "$PGBIN/createdb" -h 127.0.0.1 -p "$pgport" -U postgres statkonsul_scale
  local url="postgres://postgres@127.0.0.1:$pgport/statkonsul_scale"
  mkdir -p "$WORK/a" "$WORK/b"
  env -u SMTP_URL -u MEILI_URL DATABASE_URL="$url" DATA_DIR="$WORK/a" BENCH_CONSULTATIONS="${BENCH_CONSULTATIONS:-20000}" \
    STATKONSUL_BIN="$BIN/statkonsul" RUST_LOG=warn "$BIN/bench_load" >/dev/null
  serve a "$url" "$WORK/a"
  local a="http://127.0.0.1:$PORT"
  local owner officer
  owner=$(login "$a" warga@statkonsul.test 'Warga-Demo-2026!')
  officer=$(login "$a" officer.3375@statkonsul.test 'Staff-Demo-2026!')
  ids "$a" "$owner" "$officer"
  mix_script "$WORK/mix.lua" "$owner" "$officer" "$OWNER_C" "$OFFICER_C"
  local d=${BENCH_DURATION:-20s}
  nice -n "$NICE" wrk -t2 -c64 -d5s -s "$WORK/mix.lua" "$a/" >/dev/null
  nice -n "$NICE" wrk -t2 -c64 -d"$d" --latency -s "$WORK/mix.lua" "$a/" >"$WORK/one.txt"
  serve b "$url" "$WORK/b"
  local b="http://127.0.0.1:$PORT"
  nice -n "$NICE" wrk -t1 -c32 -d"$d" --latency -s "$WORK/mix.lua" "$a/" >"$WORK/two-a.txt" &
  local wa=$!
  nice -n "$NICE" wrk -t1 -c32 -d"$d" --latency -s "$WORK/mix.lua" "$b/" >"$WORK/two-b.txt"
  wait "$wa"
  local one two_a two_b
  one=$(wrk_rps "$WORK/one.txt"); two_a=$(wrk_rps "$WORK/two-a.txt"); two_b=$(wrk_rps "$WORK/two-b.txt")
  printf '| Setup | req/s | p99 |\n|---|---:|---:|\n' | tee "$WORK/instances.txt"
  printf '| one instance, 64 connections | %.0f | %s |\n' "$one" "$(wrk_p99 "$WORK/one.txt")" | tee -a "$WORK/instances.txt"
  printf '| two instances, 32 connections each | %.0f (%.0f + %.0f) | %s / %s |\n' \
    "$(python3 -c "print($two_a + $two_b)")" "$two_a" "$two_b" "$(wrk_p99 "$WORK/two-a.txt")" "$(wrk_p99 "$WORK/two-b.txt")" | tee -a "$WORK/instances.txt"
  stop_servers
}

part_soak() {
  local minutes=${BENCH_SOAK_MINUTES:-30}
  step "soak: $minutes minutes of the mix on one instance (SQLite), RSS every minute"
  local data=$WORK/soak url
  mkdir -p "$data"
  url="sqlite://$data/statkonsul.db?mode=rwc"
  env -u SMTP_URL -u MEILI_URL DATABASE_URL="$url" DATA_DIR="$data" BENCH_CONSULTATIONS="${BENCH_CONSULTATIONS:-20000}" \
    STATKONSUL_BIN="$BIN/statkonsul" RUST_LOG=warn "$BIN/bench_load" >/dev/null
  serve soak "$url" "$data"
  local base="http://127.0.0.1:$PORT" pid=$LAST_PID owner officer
  owner=$(login "$base" warga@statkonsul.test 'Warga-Demo-2026!')
  officer=$(login "$base" officer.3375@statkonsul.test 'Staff-Demo-2026!')
  ids "$base" "$owner" "$officer"
  mix_script "$WORK/soak.lua" "$owner" "$officer" "$OWNER_C" "$OFFICER_C"
  nice -n "$NICE" wrk -t1 -c8 -d"$((minutes * 60))s" --latency -s "$WORK/soak.lua" "$base/" >"$WORK/soak-wrk.txt" &
  local load=$!
  printf '| minute | RSS (MB) | heap (MB) | mapped files (MB) | database file (MB) |\n|---:|---:|---:|---:|---:|\n' | tee "$WORK/soak.txt"
  for m in $(seq 0 "$minutes"); do
    [ "$m" = 0 ] || sleep 60
    printf '| %d | %s | %s |\n' "$m" "$(rss_parts "$pid")" "$(( $(stat -c %s "$data/statkonsul.db") / 1048576 ))" | tee -a "$WORK/soak.txt"
  done
  wait "$load"
  printf 'soak load: %s req/s over %d minutes, p99 %s\n' "$(wrk_rps "$WORK/soak-wrk.txt")" "$minutes" "$(wrk_p99 "$WORK/soak-wrk.txt")" | tee -a "$WORK/soak.txt"
  stop_servers
}

for part in "${PARTS[@]}"; do
  case "$part" in
    ws) part_ws ;;
    instances) part_instances ;;
    soak) part_soak ;;
    *) die "unknown part $part (ws, instances, soak)" ;;
  esac
done
