#!/usr/bin/env bash
# Contract fuzzing: schemathesis (pinned in tests/contract/requirements.txt, installed into a
# virtualenv under target/) runs every operation of the served OpenAPI document against the debug
# server (target/debug/statkonsul on a throwaway SQLite database with the demo data) three times:
# as an anonymous caller, as the demo member of the public and as an officer. It fails on any
# server error, undocumented status code, undocumented content type or response that does not
# match its documented schema.
#
#   CONTRACT_FUZZ_MAX_EXAMPLES  generated cases per operation in the fuzzing phase (default 25)
#   CONTRACT_FUZZ_SEED          the generator's seed (default fixed, so a run can be repeated)
#   CONTRACT_FUZZ_WORKERS       concurrent requests of each pass (default 1: the three passes run
#                               at once; with more, schemathesis's threads sometimes stopped on an
#                               internal error under Python 3.11)
#   CONTRACT_FUZZ_KEEP=1        keep the server's log and the reports (printed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="$TARGET/debug/statkonsul"
REQUIREMENTS="$ROOT/tests/contract/requirements.txt"
VENV="$TARGET/contract-fuzz-venv"
MAX_EXAMPLES="${CONTRACT_FUZZ_MAX_EXAMPLES:-25}"
SEED="${CONTRACT_FUZZ_SEED:-20261203}"
WORKERS="${CONTRACT_FUZZ_WORKERS:-1}"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

step() { printf '\n==> %s\n' "$*"; }

# The server as the code is now (nothing to do after scripts/test.sh's build).
cargo build --quiet -p statkonsul

if ! cmp -s "$REQUIREMENTS" "$VENV/requirements.txt"; then
  step "Installing schemathesis (tests/contract/requirements.txt) into $VENV"
  rm -rf "$VENV"
  # Debian's Python makes virtualenvs (with pip) only with python3-venv.
  if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    step "Installing python3-venv"
    as_root apt-get update
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends python3-venv
    rm -rf "$VENV"
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  cp "$REQUIREMENTS" "$VENV/requirements.txt"
fi
PY="$VENV/bin/python"

WORK=$(mktemp -d /tmp/statkonsul-fuzz.XXXXXX)
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${CONTRACT_FUZZ_KEEP:-}" = 1 ]; then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap stop_server EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
# Everything the server reads is set here; it runs in the temp dir, so no `.env` is read.
export APP_ENV=dev
export DATA_DIR="$WORK/data"
export DATABASE_URL="sqlite://$WORK/data/statkonsul.db?mode=rwc"
export BIND_ADDR="127.0.0.1:$PORT"
export PUBLIC_URL="$BASE"
export STATIC_DIR="$WORK/no-web-app"
export JWT_SECRET
JWT_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
# The tokens must outlive the run.
export ACCESS_TOKEN_TTL_SECONDS=7200
export RUST_LOG="${RUST_LOG:-warn}"
unset SMTP_URL MEILI_URL MEILI_API_KEY DATABASE_MAX_CONNECTIONS
mkdir -p "$DATA_DIR"

step "Starting the server with the demo data at $BASE"
(cd "$WORK" && "$BIN" seed --demo >/dev/null)
(cd "$WORK" && exec "$BIN" serve >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 1 300); do
  if curl -fsS "$BASE/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    cat "$WORK/server.log"
    echo "the server did not start" >&2
    exit 1
  fi
  sleep 0.2
done
curl -fsS "$BASE/readyz" >/dev/null

# Logged in before fuzzing: the fuzzed logins soon meet the limit of failed logins per address.
# The demo data's identifiers go into the fuzzer's configuration, so that generated requests
# also reach real units, consultations, complaints, articles and tickets rather than only 404.
"$PY" - "$BASE" "$WORK" <<'EOF'
import json, sys, urllib.request

base, work = sys.argv[1:]


def call(path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"{base}{path}", data=data, headers=headers)
    with urllib.request.urlopen(request) as reply:
        return json.load(reply)


def login(email, password):
    return call("/api/v1/auth/login", body={"email": email, "password": password})["access_token"]


public = login("warga@statkonsul.test", "Warga-Demo-2026!")
officer = login("officer.3375@statkonsul.test", "Staff-Demo-2026!")
for name, token in [("public", public), ("officer", officer)]:
    with open(f"{work}/{name}.token", "w") as f:
        f.write(token)

ids, tracking = [], []


def made(what, make):
    try:
        return make()
    except Exception as e:  # The fuzzing goes on without it.
        print(f"could not make {what} for the fuzzer: {e}")


# A few things of the officer's unit, for the fuzzer to act on.
consultation = made("a consultation", lambda: call("/api/v1/consultations", public, {
    "unit_code": "3375", "category": "data", "subject": "Angka kemiskinan 2025",
    "question": "Berapa persentase penduduk miskin Kota Pekalongan tahun 2025?"}))
receipt = made("a complaint", lambda: call("/api/v1/complaints", None, {
    "unit_code": "3375", "kind": "suggestion", "subject": "Ruang tunggu",
    "description": "Mohon kursi ruang tunggu ditambah.", "email": "warga@statkonsul.test"}))
if receipt:
    tracking.append(receipt["tracking_code"])
services = made("the walk-in services", lambda: call("/api/v1/units/3375/walkin/services"))
for service in (services or {}).get("items", [])[:1]:
    made("a walk-in ticket", lambda: call(
        "/api/v1/units/3375/walkin/tickets", officer, {"service": service["code"]}))
for path, token in [
    ("/api/v1/consultations?per_page=20", public),
    ("/api/v1/consultations?per_page=20", officer),
    ("/api/v1/complaints?per_page=20", officer),
    ("/api/v1/ratings?per_page=20", officer),
    ("/api/v1/knowledge/articles?per_page=10", None),
    ("/api/v1/units/3375/walkin/tickets?per_page=20", officer),
]:
    for item in call(path, token)["items"]:
        ids.append(item["id"])
        if item.get("tracking_code"):
            tracking.append(item["tracking_code"])


def values(items):
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


lines = [
    # Server errors, undocumented status codes, undocumented content types and responses against
    # their schema; nothing else.
    "[checks]",
    "enabled = false",
    "not_a_server_error.enabled = true",
    "status_code_conformance.enabled = true",
    "content_type_conformance.enabled = true",
    "response_schema_conformance.enabled = true",
    "[dictionaries.units]",
    'values = ["3375", "3304", "3300", "0000"]',
    "[dictionaries.ids]",
    f"values = {values(ids)}",
]
if tracking:
    lines += ["[dictionaries.tracking]", f"values = {values(tracking)}"]
lines += [
    "[parameters]",
    '"path.code" = { dictionary = "units", probability = 0.8 }',
    '"path.id" = { dictionary = "ids", probability = 0.6 }',
]
if tracking:
    lines.append('"path.tracking_code" = { dictionary = "tracking", probability = 0.8 }')
with open(f"{work}/schemathesis.toml", "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(ids)} identifiers and {len(tracking)} tracking codes of the demo data for the fuzzer")
EOF
PUBLIC_TOKEN=$(cat "$WORK/public.token")
OFFICER_TOKEN=$(cat "$WORK/officer.token")

fuzz() {
  local name=$1
  shift
  # No operation is left out: the fuzzer cannot end its own session (logout needs the refresh
  # token, which it never sees; a password change needs the current password and keeps the
  # caller's session).
  (cd "$WORK" && "$VENV/bin/schemathesis" --config-file "$WORK/schemathesis.toml" run "$BASE/api/openapi.json" \
    --url "$BASE" \
    --phases examples,coverage,fuzzing \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers "$WORKERS" \
    --request-timeout 30 \
    --generation-database none \
    --suppress-health-check all \
    --continue-on-failure \
    --no-color \
    --report junit --report-dir "$WORK/report-$name" \
    "$@") >"$WORK/fuzz-$name.log" 2>&1
}

step "Fuzzing every operation as an anonymous caller, a member of the public and an officer (max $MAX_EXAMPLES examples, seed $SEED)"
started=$(date +%s)
fuzz anonymous &
anonymous_pid=$!
fuzz public -H "Authorization: Bearer $PUBLIC_TOKEN" &
public_pid=$!
fuzz officer -H "Authorization: Bearer $OFFICER_TOKEN" &
officer_pid=$!
failed=()
wait "$anonymous_pid" || failed+=(anonymous)
wait "$public_pid" || failed+=(public)
wait "$officer_pid" || failed+=(officer)
for name in anonymous public officer; do
  step "schemathesis as $name"
  cat "$WORK/fuzz-$name.log"
done
echo "fuzzed in $(($(date +%s) - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  step "Server log (errors and warnings)"
  tail -n 200 "$WORK/server.log"
  echo "contract fuzzing failed as: ${failed[*]}" >&2
  exit 1
fi
step "Contract fuzzing passed"
