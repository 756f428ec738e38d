#!/usr/bin/env bash
# The dashboard's tests: typed client up to date, type check, unit tests (Vitest), static build,
# and the browser journeys (Playwright in Debian's Chromium against the real crm on mem://).
# Installs npm packages and, when missing, Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

command -v npm >/dev/null || { echo "npm is required (Node 20+)"; exit 1; }

cd frontend
# `npm install` (not `npm ci`): it installs exactly the locked versions, but unlike `npm ci` it
# accepts a lock without other platforms' optional packages (the registry mirror here lacks
# some of them, e.g. @next/swc-darwin-*, so the lock written here has none).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "-- npm install (locked versions)"
  npm install --no-audit --no-fund
fi

echo "-- typed API client matches the OpenAPI document"
npm run --silent api:check

echo "-- OpenAPI document passes Redocly's recommended lint (redocly.yaml)"
# Warnings fail too: the recommended rules are the bar, with the exceptions .redocly.lint-ignore.yaml explains.
(cd .. && frontend/node_modules/.bin/redocly lint backend/tests/snapshots/openapi.json --format=json 2>/dev/null) \
  | python3 -c 'import json, sys; t = json.load(sys.stdin)["totals"]; print(f"redocly: {t}"); sys.exit(1 if t["errors"] or t["warnings"] else 0)'

echo "-- type check"
npm run --silent typecheck

echo "-- unit tests (Vitest)"
npm run --silent test

echo "-- static export"
npm run --silent build >/dev/null
test -f out/index.html && test -f out/contacts/view.html

../scripts/install-chromium.sh

echo "-- browser journeys (Playwright, Chromium, crm on mem://)"
(cd .. && cargo build -q -p crm)
rm -rf e2e/artifacts
npx playwright test
echo "screenshots of each journey's end: frontend/e2e/artifacts/"
