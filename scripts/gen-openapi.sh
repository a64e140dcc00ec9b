#!/usr/bin/env bash
# Regenerates openapi/openapi.json from the code (the route table is declared once) and the
# web app's API types from it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet -p statkonsul -- openapi > openapi/openapi.json.tmp
mv openapi/openapi.json.tmp openapi/openapi.json
if [ -d frontend/node_modules ]; then (cd frontend && npm run gen:api); fi
echo "openapi/openapi.json regenerated"
