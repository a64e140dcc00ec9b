#!/usr/bin/env bash
# Read and write throughput at realistic scale, over real HTTP: loads BENCH_CONSULTATIONS
# consultations (default 100,000, about 10 messages each) into a fresh SQLite database and a
# throwaway PostgreSQL, starts the release server on each, and drives it with `wrk` (64
# connections), printing req/s, p50, p99 and the share of /healthz per request. Figures, not
# pass/fail. See docs/benchmarks.md.
#
#   BENCH_CONSULTATIONS=100000   how many consultations to load (e.g. 10000 for a quick run)
#   BENCH_DB=both                sqlite, postgres or both
#   BENCH_DURATION=10s           wrk duration per request (BENCH_CONNECTIONS=64, BENCH_THREADS=2)
#   BENCH_WARMUP=2s              an unmeasured wrk run before each read's measurement (caches,
#                                the search index's pages); 0 for none
#   BENCH_REPORT_CONNECTIONS=2   wrk connections for the supervisor's reports (aggregates over a
#                                period, each hundreds of ms at 100,000 consultations: with 64
#                                connections they queue past wrk's timeout and measure nothing)
#                                (at least BENCH_THREADS)
#   BENCH_IDLE_WAIT=180          seconds to wait, before each measurement, for the rest of the
#                                machine to be quiet (builds, tests); 0 to not wait. Each row
#                                reports the CPU the server and everything else used.
#   BENCH_NICE=0                 scheduling priority of the server, PostgreSQL, the loader and wrk
#                                (e.g. -10 as root, to keep a busy machine's other work aside)
#   BENCH_LEGACY=1               afterwards, also run the older in-process benches (bench,
#                                bench_search); `--legacy-only` runs only those
#   BENCH_COMMIT=...             label of the code measured (default: git's HEAD, "+ changes" if dirty)
#   BENCH_STARTS=3               starts of the embedded default measured for start-to-ready time
#                                and idle memory; `--startup-only` measures only those
#   BENCH_SETTLE=5               seconds a started server is left idle before its memory is read
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

CONSULTATIONS=${BENCH_CONSULTATIONS:-100000}
DBS=${BENCH_DB:-both}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
REPORT_CONNECTIONS=${BENCH_REPORT_CONNECTIONS:-2}
THREADS=${BENCH_THREADS:-2}
IDLE_WAIT=${BENCH_IDLE_WAIT:-180}
LEGACY=${BENCH_LEGACY:-0}
NICE=${BENCH_NICE:-0}
STARTS=${BENCH_STARTS:-3}
SETTLE=${BENCH_SETTLE:-5}
LEGACY_ONLY=0
STARTUP_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --legacy) LEGACY=1 ;;
    --legacy-only) LEGACY=1; LEGACY_ONLY=1 ;;
    --startup-only) STARTUP_ONLY=1 ;;
    *) echo "usage: $0 [--legacy | --legacy-only | --startup-only]" >&2; exit 2 ;;
  esac
done
case "$DBS" in
  sqlite) DB_LIST=(sqlite) ;;
  postgres) DB_LIST=(postgres) ;;
  both) DB_LIST=(sqlite postgres) ;;
  *) echo "BENCH_DB must be sqlite, postgres or both, not $DBS" >&2; exit 2 ;;
esac

step() { printf '\n==> %s\n' "$*" >&2; }
die() { printf '\nbench: %s\n' "$*" >&2; exit 1; }

legacy() {
  step "Older in-process benches (bench, bench_search)"
  cargo run --release --quiet -p statkonsul-tests --bin bench
  # The embedded knowledge index at scale (BENCH_ARTICLES, default 100,000 generated articles).
  cargo run --release --quiet -p statkonsul-tests --bin bench_search
}

if [ "$LEGACY_ONLY" = 1 ]; then
  legacy
  exit 0
fi

if [ "$NICE" -lt 0 ] && [ "$(id -u)" != 0 ]; then die "BENCH_NICE=$NICE needs root"; fi
TOOLS=(wrk curl jq python3)
[ "$STARTUP_ONLY" = 1 ] && TOOLS=(curl python3)
for tool in "${TOOLS[@]}"; do
  command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install wrk curl jq python3)"
done

if [ -n "${BENCH_COMMIT:-}" ]; then
  COMMIT=$BENCH_COMMIT
elif git rev-parse --git-dir >/dev/null 2>&1; then
  COMMIT=$(git log -1 --format='%h %s' | cut -c1-72)
  if [ -n "$(git status --porcelain --untracked-files=no -- backend migrations Cargo.lock)" ]; then
    COMMIT="$COMMIT (+ uncommitted changes in backend/migrations)"
  fi
else
  COMMIT="(not a git checkout)"
fi

step "Building the release server and the loader"
if [ "$STARTUP_ONLY" = 1 ]; then
  cargo build --release -p statkonsul
else
  cargo build --release -p statkonsul -p statkonsul-tests
fi
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release"

WORK=$(mktemp -d /tmp/statkonsul-bench.XXXXXX)
PGROOT=""
PGBIN=""
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  stop_server
  if [ -n "$PGROOT" ]; then
    pg_as "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_postgres() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || return 1
  PGROOT=$(mktemp -d /tmp/statkonsul-bench-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGROOT"; fi
  PGPORT=$(free_port)
  pg_as "$PGBIN/initdb" -D "$PGROOT/data" --auth=trust -U postgres >/dev/null
  # Default durability (fsync and synchronous_commit on), more shared buffers than the default.
  local as_pg=()
  if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi
  nice -n "$NICE" "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -w -l "$PGROOT/server.log" \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c shared_buffers=256MB -c max_connections=200" \
    start >/dev/null
  pg_as "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres statkonsul_bench
  PG_VERSION=$("$PGBIN/postgres" --version | awk '{print $3}')
}

# CPU accounting from /proc/stat (clock ticks summed over all cores): "busy" and "all".
cpu_ticks() { awk '/^cpu / {b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6}' /proc/stat; }
# The processes that serve the requests: our server, and our PostgreSQL (postmaster and backends).
our_pids() {
  [ -n "$SERVER_PID" ] && echo "$SERVER_PID"
  if [ -n "$PGROOT" ] && [ -f "$PGROOT/data/postmaster.pid" ]; then
    local pm
    pm=$(head -n 1 "$PGROOT/data/postmaster.pid")
    echo "$pm"
    pgrep -P "$pm" || true
  fi
}
# utime + stime of our processes (all their threads), in clock ticks.
proc_ticks() {
  local total=0 pid t
  for pid in $(our_pids); do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
TICKS=$(getconf CLK_TCK)

# Percentage of the machine's CPU used over 2 s by anything else than our (then idle) server and database.
other_load() {
  local b0 a0 s0 b1 a1 s1
  read -r b0 a0 < <(cpu_ticks); s0=$(proc_ticks)
  sleep 2
  read -r b1 a1 < <(cpu_ticks); s1=$(proc_ticks)
  awk -v b=$((b1 - b0 - (s1 - s0))) -v a=$((a1 - a0)) 'BEGIN {printf "%.0f", (a > 0 ? 100 * b / a : 0)}'
}

# The busiest processes that are not ours (for the notes), from a 1-second `top` frame.
other_hogs() {
  top -b -n 2 -d 1 -w 200 | awk -v ours=" $(our_pids | tr '\n' ' ') " '/^ *PID/ {frame++; next}
    frame == 2 && $9 + 0 >= 10 && index(ours, " " $1 " ") == 0 && $12 != "wrk" && $12 != "top" {
      printf "%s%s %.0f %%", sep, $12, $9; sep = ", "; if (++n == 4) exit }'
}

# Waits (up to BENCH_IDLE_WAIT s) until the rest of the machine is quiet (under 15 % of the CPU:
# no build, no test run): figures taken while the two cores do something else are meaningless.
wait_idle() {
  local waited=0 load
  load=$(other_load)
  while [ "$load" -ge 15 ] && [ "$waited" -lt "$IDLE_WAIT" ]; do
    [ "$waited" = 0 ] && printf '   (other processes use %s %% of the CPU: %s; waiting up to %s s)\n' "$load" "$(other_hogs)" "$IDLE_WAIT" >&2
    sleep 8
    waited=$((waited + 10))
    load=$(other_load)
  done
}

# 12345.6 -> 12,346
thousands() {
  awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); out = "";
    while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }
    print s out }'
}

# "1.23ms" / "456.78us" / "1.20s" / "2.00m" -> milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}

RESULTS=""   # accumulated markdown tables
NOTES=""

# bench_run NAME DB-LABEL WRK-ARGS... : runs wrk, appends one row to the current table.
HEALTHZ_RPS=""
ROWS=""
bench_run() {
  local name=$1; shift
  local conns=$CONNECTIONS
  case "$name" in
    *reports*) conns=$REPORT_CONNECTIONS; set -- --timeout 30s "$@" ;;
  esac
  wait_idle
  # Reads are warmed first (the first requests page in what later ones find in memory); a
  # write's warm-up would only add rows.
  case "$name" in
    GET*) [ "$WARMUP" = 0 ] || nice -n "$NICE" wrk -t"$THREADS" -c"$conns" -d"$WARMUP" "$@" >/dev/null 2>&1 || true ;;
  esac
  local out=$WORK/wrk.out b0 a0 s0 b1 a1 s1 wrk_cpu
  read -r b0 a0 < <(cpu_ticks); s0=$(proc_ticks)
  local TIMEFORMAT='%U %S'
  { time nice -n "$NICE" wrk -t"$THREADS" -c"$conns" -d"$DURATION" --latency "$@" >"$out" 2>&1; } 2>"$WORK/wrk.time" || {
    cat "$out" >&2; die "wrk failed for $name"
  }
  read -r b1 a1 < <(cpu_ticks); s1=$(proc_ticks)
  wrk_cpu=$(awk -v t="$TICKS" '{printf "%.0f", ($1 + $2) * t}' "$WORK/wrk.time")
  # What the server, wrk and everything else used, in % of the machine (all cores).
  local server_pct other_pct hogs=""
  server_pct=$(awk -v s=$((s1 - s0)) -v a=$((a1 - a0)) 'BEGIN {printf "%.0f", 100 * s / a}')
  other_pct=$(awk -v o=$((b1 - b0 - (s1 - s0) - wrk_cpu)) -v a=$((a1 - a0)) 'BEGIN {o = o < 0 ? 0 : o; printf "%.0f", 100 * o / a}')
  if [ "$other_pct" -ge 10 ]; then hogs=$(other_hogs); fi
  local rps p50 p99 requests non2xx errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  requests=$(awk '/requests in/ {print $1}' "$out")
  non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' "$out")
  non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",", ""); print "connect " $4 ", read " $6 ", write " $8 ", timeout " $10}' "$out")
  [ -n "$rps" ] || { cat "$out" >&2; die "cannot read wrk's output for $name"; }
  if [ -z "$HEALTHZ_RPS" ]; then HEALTHZ_RPS=$rps; fi
  local share target
  share=$(awk -v a="$rps" -v b="$HEALTHZ_RPS" 'BEGIN {printf "%.1f %%", 100 * a / b}')
  case "$name" in
    *healthz* | *walkin*) target="—" ;;
    # A report aggregates the period's records: no target, measured to be known.
    *reports*) target="— (aggregate)" ;;
    # Posting's target is its rate (the p99 bound is the reads').
    POST*messages*) target=$(awk -v r="$rps" 'BEGIN { print (r >= 1000 ? "yes" : "no (< 1,000/s)") }') ;;
    *) target=$(awk -v a="$rps" -v b="$HEALTHZ_RPS" -v p="$p99" 'BEGIN {
             sh = 100 * a / b; if (sh >= 4 && p < 25) print "yes"; else { s = "no ("; if (sh < 4) s = s "share"; if (p >= 25) s = s (sh < 4 ? ", " : "") "p99"; print s ")" } }') ;;
  esac
  local failed="$non2xx"
  [ -n "$errors" ] && failed="$failed; socket errors: $errors"
  local mark=""
  if [ "$other_pct" -ge 10 ]; then
    mark=" ⚠"
    BUSY="${BUSY:+$BUSY; }\`$name\` $other_pct %${hogs:+ ($hogs)}"
  fi
  printf '   %-52s %10s req/s  p50 %8s ms  p99 %8s ms  %7s  non-2xx %s  cpu: server %s %%, other %s %%\n' \
    "$name" "$rps" "$p50" "$p99" "$share" "$failed" "$server_pct" "$other_pct" >&2
  ROWS="$ROWS
| $name$mark | $(thousands "$rps") | $p50 ms | $p99 ms | $share | $target | $failed / $(thousands "$requests") | $server_pct % / $other_pct % |"
}

# check NAME EXPECT-JQ CURL-ARGS... : one request with curl; aborts unless 2xx and EXPECT holds.
check() {
  local name=$1 expect=$2; shift 2
  local code
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$@") || die "$name: curl failed"
  if [ "${code:0:1}" != 2 ]; then
    die "$name answered $code, not 2xx: $(head -c 400 "$WORK/body")"
  fi
  if ! jq -e "$expect" "$WORK/body" >/dev/null 2>&1; then
    die "$name: the answer does not satisfy \`$expect\`: $(head -c 400 "$WORK/body")"
  fi
  printf '   ok %-50s %s, %s bytes\n' "$name" "$code" "$(wc -c <"$WORK/body" | tr -d ' ')" >&2
}

login() {
  curl -s -f -X POST -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"$2\"}" "$BASE/api/v1/auth/login" | jq -r .access_token
}

post_script() { # FILE TOKEN IDS...
  local file=$1 token=$2; shift 2
  {
    printf 'local ids = {'
    printf '"%s",' "$@"
    printf '}\n'
    cat <<LUA
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}
local n = 0
request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  return wrk.format("POST", "/api/v1/consultations/" .. id .. "/messages", headers,
    '{"body": "Terima kasih, datanya sudah saya terima. Apakah ada rincian menurut kecamatan dan jenis kelamin? (' .. n .. ')"}')
end
LUA
  } >"$file"
}

bench_database() {
  local db=$1
  CURRENT_DB=$db
  local data_dir=$WORK/$db
  mkdir -p "$data_dir" "$WORK/static"
  echo '<!doctype html><title>Statkonsul</title>' >"$WORK/static/index.html"
  local url label
  if [ "$db" = sqlite ]; then
    url="sqlite://$data_dir/statkonsul.db?mode=rwc"
    label="SQLite (WAL, the server's defaults)"
  else
    url="postgres://postgres@127.0.0.1:$PGPORT/statkonsul_bench"
    label="PostgreSQL $PG_VERSION (default durability, shared_buffers 256MB)"
  fi

  step "$db: loading $CONSULTATIONS consultations"
  local load_log=$WORK/load-$db.log
  (cd "$WORK" && env -u SMTP_URL -u MEILI_URL DATABASE_URL="$url" DATA_DIR="$data_dir" \
    BENCH_CONSULTATIONS="$CONSULTATIONS" STATKONSUL_BIN="$BIN/statkonsul" RUST_LOG=warn \
    nice -n "$NICE" "$BIN/bench_load") | tee "$load_log" >&2
  local loaded
  loaded=$(grep -E '^(loaded|  )' "$load_log" | sed 's/^/    /')

  step "$db: starting the server"
  local port
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  (cd "$WORK" && exec env -u SMTP_URL -u MEILI_URL -u CORS_ORIGINS APP_ENV=dev DATABASE_URL="$url" \
    DATA_DIR="$data_dir" BIND_ADDR="127.0.0.1:$port" PUBLIC_URL="$BASE" STATIC_DIR="$WORK/static" \
    RUST_LOG=warn ACCESS_TOKEN_TTL_SECONDS=3600 nice -n "$NICE" "$BIN/statkonsul" serve) >"$WORK/server-$db.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    curl -s -f "$BASE/readyz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server-$db.log" >&2; die "the server exited"; }
    sleep 0.1
  done
  curl -s -f "$BASE/readyz" >/dev/null || die "the server is not ready after 60 s"
  # The embedded knowledge index is built from the database at start.
  for _ in $(seq 1 600); do
    [ "$(curl -s "$BASE/api/v1/knowledge/search?q=inflasi" | jq -r '.total // 0')" -gt 0 ] 2>/dev/null && break
    sleep 0.1
  done

  local owner officer
  owner=$(login warga@statkonsul.test 'Warga-Demo-2026!') || die "the demo citizen cannot log in"
  officer=$(login officer.3375@statkonsul.test 'Staff-Demo-2026!') || die "officer.3375 cannot log in"
  [ -n "$owner" ] && [ "$owner" != null ] && [ -n "$officer" ] && [ "$officer" != null ] || die "login gave no token"
  local supervisor YEAR_START
  YEAR_START="$(TZ=Asia/Jakarta date +%Y)-01-01"
  supervisor=$(login supervisor.3375@statkonsul.test 'Staff-Demo-2026!') || die "supervisor.3375 cannot log in"
  local oh="Authorization: Bearer $owner" fh="Authorization: Bearer $officer" sh="Authorization: Bearer $supervisor"

  # The ids: the owner's newest closed consultation; the head of unit 3375's queue; the owner's
  # active ones (the owner may write while open) and those assigned to officer.3375.
  local owner_closed queue_head owner_active officer_active
  owner_closed=$(curl -s -f -H "$oh" "$BASE/api/v1/consultations?status=closed&per_page=1" | jq -r '.items[0].id')
  queue_head=$(curl -s -f -H "$fh" "$BASE/api/v1/consultations?status=waiting&per_page=1" | jq -r '.items[0].id')
  mapfile -t owner_active < <(curl -s -f -H "$oh" "$BASE/api/v1/consultations?status=active&per_page=100" | jq -r '.items[].id')
  mapfile -t officer_active < <(curl -s -f -H "$fh" "$BASE/api/v1/consultations?status=active&assignee=me&per_page=100" | jq -r '.items[].id')
  [ "$owner_closed" != null ] && [ "$queue_head" != null ] || die "no consultations found: did the load work?"
  [ "${#owner_active[@]}" -gt 0 ] && [ "${#officer_active[@]}" -gt 0 ] || die "no active consultations to post to"

  step "$db: checking each request once"
  local msg='{"body": "Terima kasih, datanya sudah saya terima."}'
  check "GET /healthz" '.status != null' "$BASE/healthz"
  check "GET /api/v1/units/3375" '.code == "3375"' "$BASE/api/v1/units/3375"
  check "GET /api/v1/consultations/{id} (owner)" '.id != null and .number != null' -H "$oh" "$BASE/api/v1/consultations/$owner_closed"
  check "GET /api/v1/consultations/{id} (officer)" '.queue_position != null' -H "$fh" "$BASE/api/v1/consultations/$queue_head"
  check "GET /api/v1/consultations?per_page=20 (owner)" '(.items | length) == 20' -H "$oh" "$BASE/api/v1/consultations?per_page=20"
  check "GET /api/v1/consultations?status=waiting (officer)" '(.items | length) > 0' -H "$fh" "$BASE/api/v1/consultations?status=waiting"
  check "GET /api/v1/consultations (officer, every status)" '(.items | length) == 20' -H "$fh" "$BASE/api/v1/consultations"
  check "GET /api/v1/knowledge/search?q=inflasi" '.total > 0' "$BASE/api/v1/knowledge/search?q=inflasi"
  check "GET /api/v1/reports/satisfaction (supervisor, this month)" '.all.respondents != null' -H "$sh" "$BASE/api/v1/reports/satisfaction"
  check "GET /api/v1/reports/volumes (supervisor, this month)" '.consultations.total > 0' -H "$sh" "$BASE/api/v1/reports/volumes"
  check "GET /api/v1/reports/service-levels (supervisor, year)" '.online.opened > 0' -H "$sh" "$BASE/api/v1/reports/service-levels?from=$YEAR_START"
  check "POST /api/v1/consultations/{id}/messages (owner)" '.id != null' -X POST -H "$oh" -H 'Content-Type: application/json' -d "$msg" "$BASE/api/v1/consultations/${owner_active[0]}/messages"
  check "POST /api/v1/consultations/{id}/messages (officer)" '.id != null' -X POST -H "$fh" -H 'Content-Type: application/json' -d "$msg" "$BASE/api/v1/consultations/${officer_active[0]}/messages"
  local queue_total list_total
  queue_total=$(curl -s -H "$fh" "$BASE/api/v1/consultations?status=waiting&per_page=1" | jq -r .total)
  list_total=$(curl -s -H "$oh" "$BASE/api/v1/consultations?per_page=1" | jq -r .total)

  local front
  front=$(login frontoffice.3375@statkonsul.test 'Staff-Demo-2026!') || die "frontoffice.3375 cannot log in"
  cat >"$WORK/take-ticket.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"service": "konsultasi"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $front"
LUA

  post_script "$WORK/post-owner.lua" "$owner" "${owner_active[@]}"
  post_script "$WORK/post-officer.lua" "$officer" "${officer_active[@]}"

  step "$db: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, one request after the other"
  HEALTHZ_RPS=""
  ROWS=""
  BUSY=""
  bench_run "GET /healthz" "$BASE/healthz"
  bench_run "GET /api/v1/units/3375" "$BASE/api/v1/units/3375"
  bench_run "GET /api/v1/consultations/{id} (owner)" -H "$oh" "$BASE/api/v1/consultations/$owner_closed"
  bench_run "GET /api/v1/consultations/{id} (officer)" -H "$fh" "$BASE/api/v1/consultations/$queue_head"
  bench_run "GET /api/v1/consultations?per_page=20 (owner)" -H "$oh" "$BASE/api/v1/consultations?per_page=20"
  bench_run "GET /api/v1/consultations?status=waiting (officer)" -H "$fh" "$BASE/api/v1/consultations?status=waiting"
  bench_run "GET /api/v1/consultations (officer, every status)" -H "$fh" "$BASE/api/v1/consultations"
  bench_run "GET /api/v1/knowledge/search?q=inflasi" "$BASE/api/v1/knowledge/search?q=inflasi"
  bench_run "GET /api/v1/reports/satisfaction (supervisor, month, -c$REPORT_CONNECTIONS)" -H "$sh" "$BASE/api/v1/reports/satisfaction"
  bench_run "GET /api/v1/reports/volumes (supervisor, month, -c$REPORT_CONNECTIONS)" -H "$sh" "$BASE/api/v1/reports/volumes"
  bench_run "GET /api/v1/reports/service-levels (supervisor, year, -c$REPORT_CONNECTIONS)" -H "$sh" "$BASE/api/v1/reports/service-levels?from=$YEAR_START"
  bench_run "POST /api/v1/consultations/{id}/messages (owner)" -s "$WORK/post-owner.lua" "$BASE/"
  bench_run "POST /api/v1/consultations/{id}/messages (officer)" -s "$WORK/post-officer.lua" "$BASE/"
  bench_run "POST /api/v1/units/3375/walkin/tickets (front office)" -s "$WORK/take-ticket.lua" "$BASE/api/v1/units/3375/walkin/tickets"
  bench_run "GET /api/v1/units/3375/walkin/board" "$BASE/api/v1/units/3375/walkin/board"
  bench_run "GET /healthz (again, at the end)" "$BASE/healthz"

  step "$db: walk-in: 1,000 concurrent ticket takes, then board updates with 100 board clients"
  wait_idle
  local walkin
  walkin=$(BENCH_BASE="$BASE" nice -n "$NICE" "$BIN/bench_walkin") || die "the walk-in bench failed"
  printf '%s\n' "$walkin" | sed 's/^/   /' >&2

  local server_errors cpu_db=""
  [ "$db" = postgres ] && cpu_db=" + PostgreSQL"
  server_errors=$(grep -ciE 'panic|error' "$WORK/server-$db.log" || true)
  stop_server

  RESULTS="$RESULTS

### $label

$CONSULTATIONS consultations loaded; the owner (\`warga@statkonsul.test\`) has $list_total, unit 3375's queue holds $queue_total waiting. Posts rotate over the owner's ${#owner_active[@]} active consultations, and officer.3375's ${#officer_active[@]} (an officer's reply also queues an email to the owner).

$loaded

| request | req/s | p50 | p99 | share of /healthz | SQLite target met | non-2xx / requests | CPU: server$cpu_db / other |
|---|---|---|---|---|---|---|---|$ROWS

Walk-in (\`bench_walkin\`, 64 connections, 100 board clients on the unit's live board):

$(printf '%s\n' "$walkin" | sed 's/^/- /')
"
  if [ -n "$BUSY" ]; then
    NOTES="$NOTES
- ⚠ $db: other processes used at least 10 % of the machine's CPU during: $BUSY."
  fi
  if [ "$server_errors" -gt 0 ]; then
    NOTES="$NOTES
- $db: the server logged $server_errors lines with \"error\" or \"panic\"; first ones:
\`\`\`
$(grep -iE 'panic|error' "$WORK/server-$db.log" | head -n 5 | cut -c1-300)
\`\`\`"
  fi
}

# The embedded default as someone would first run it: SQLite, the embedded search index, the
# web app built into the binary (no STATIC_DIR), demo data, started from another folder than the
# checkout. Each start is timed from the spawn to the first 200 of /readyz; the memory (VmRSS,
# and its peak VmHWM) is read after BENCH_SETTLE idle seconds. The first start also builds the
# search index (missing until then).
startup_figures() {
  step "Embedded default: $STARTS starts (start-to-ready), idle memory after $SETTLE s"
  local data_dir=$WORK/startup port base t0 t1 ms pid rows="" web rss hwm threads what
  mkdir -p "$data_dir"
  (cd "$WORK" && env -u SMTP_URL -u MEILI_URL -u DATABASE_URL -u STATIC_DIR APP_ENV=dev \
    DATA_DIR="$data_dir" RUST_LOG=warn "$BIN/statkonsul" seed --demo) >/dev/null 2>&1 || die "seed --demo failed"
  for i in $(seq 1 "$STARTS"); do
    wait_idle
    port=$(free_port)
    base="http://127.0.0.1:$port"
    t0=$(date +%s%N)
    (cd "$WORK" && exec env -u SMTP_URL -u MEILI_URL -u DATABASE_URL -u STATIC_DIR APP_ENV=dev \
      DATA_DIR="$data_dir" BIND_ADDR="127.0.0.1:$port" RUST_LOG=warn \
      nice -n "$NICE" "$BIN/statkonsul" serve) >"$WORK/server-startup.log" 2>&1 &
    SERVER_PID=$!
    pid=$SERVER_PID
    until curl -s -f -o /dev/null "$base/readyz" 2>/dev/null; do
      kill -0 "$pid" 2>/dev/null || { cat "$WORK/server-startup.log" >&2; die "the server exited"; }
      [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt 60 ] || die "the server is not ready after 60 s"
      sleep 0.01
    done
    t1=$(date +%s%N)
    web=$(curl -s -o /dev/null -w '%{http_code}' "$base/")
    sleep "$SETTLE"
    rss=$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
    hwm=$(awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
    threads=$(awk '/^Threads/ {print $2}' "/proc/$pid/status")
    ms=$(( (t1 - t0) / 1000000 ))
    what="restart"
    [ "$i" = 1 ] && what="first start (builds the search index)"
    printf '   start %s: ready in %s ms, idle RSS %s MiB (peak %s MiB), %s threads, GET / %s\n' \
      "$i" "$ms" "$rss" "$hwm" "$threads" "$web" >&2
    rows="$rows
| $i, $what | $ms ms | $rss MiB | $hwm MiB | $threads | $web |"
    stop_server
  done
  STARTUP="

### Start-up and idle memory: the embedded default

The release binary, started from another folder than the checkout with no configuration but \`DATA_DIR\` (SQLite, the embedded search index, emails logged, the built-in web app), after \`seed --demo\`; ready is the first 200 from \`/readyz\` after the spawn (polled every 10 ms); memory read from /proc after $SETTLE idle seconds. \`GET /\` is 200 when the binary carries the web app.

| start | start to ready | idle RSS | peak RSS | threads | GET / |
|---|---|---|---|---|---|$rows
"
}

STARTUP=""
startup_figures
if [ "$STARTUP_ONLY" = 1 ]; then
  printf '%s\n' "$STARTUP"
  exit 0
fi

for db in "${DB_LIST[@]}"; do
  if [ "$db" = postgres ]; then
    if ! start_postgres; then
      NOTES="$NOTES
- PostgreSQL was skipped: no /usr/lib/postgresql/*/bin/initdb."
      continue
    fi
  fi
  bench_database "$db"
done

CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
cat <<EOF

## HTTP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')

Code: $COMMIT. Machine: $(nproc) cores ($CPU), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); the server (release build, RUST_LOG=warn, no SMTP: emails are logged) and \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\` share the same cores$( [ "$NICE" != 0 ] && printf ' (server, PostgreSQL and wrk at nice %s)' "$NICE"). Each request is measured alone, one after the other, in one run; "share of /healthz" is its req/s over /healthz's at the start of the run; "CPU" is the share of the whole machine (all cores) used by the server (and PostgreSQL) and by every other process but wrk during the measurement (⚠ from 10 %: figures taken while something else runs are low). SQLite targets: every read at least 4 % of /healthz and p99 under 25 ms, posting at least 1,000/s. Posting has no rate limit in backend/src/chat (only logins and readers' votes are limited).
$STARTUP$RESULTS
EOF
if [ -n "$NOTES" ]; then
  printf '\nNotes:\n%s\n' "$NOTES"
fi

if [ "$LEGACY" = 1 ]; then
  legacy
fi
