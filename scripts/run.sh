#!/usr/bin/env bash
# The server with its dashboard: builds the dashboard's static export when it is missing or
# older than its sources (needs npm), then runs `crm` (API, Swagger UI and the dashboard at /).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if command -v npm >/dev/null; then
  stale=""
  if [ ! -f frontend/out/index.html ]; then
    stale=1
  elif [ -n "$(find frontend/app frontend/components frontend/lib frontend/package-lock.json frontend/next.config.ts -newer frontend/out/index.html -print -quit)" ]; then
    stale=1
  fi
  if [ -n "$stale" ]; then
    echo "building the dashboard (frontend/out)..."
    (
      cd frontend
      if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        npm install --no-audit --no-fund   # the locked versions (see scripts/test-frontend.sh)
      fi
      npm run --silent build >/dev/null
    )
  fi
else
  echo "npm not found: serving the API without the dashboard"
fi

exec cargo run -p crm "$@"
