#!/usr/bin/env bash
# The field app's tests: typed client up to date, type check, Jest (jest-expo + Testing Library:
# every screen and the offline queue), the web export, and its end-to-end smoke in Debian's
# Chromium against the real crm on mem://. Installs npm packages and, when missing, chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export EXPO_NO_TELEMETRY=1 EXPO_OFFLINE=1 CI=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

command -v npm >/dev/null || { echo "npm is required (Node 20+)"; exit 1; }

cd mobile
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "-- npm install (locked versions)"
  npm install --no-audit --no-fund
fi

echo "-- typed API client matches the OpenAPI document"
npm run --silent api:check

echo "-- type check"
npm run --silent typecheck

echo "-- unit tests (Jest)"
npm run --silent test

echo "-- web export"
rm -rf dist
npx expo export --platform web >/dev/null
test -f dist/index.html

../scripts/install-chromium.sh

echo "-- end-to-end smoke of the web export (Playwright, Chromium, crm on mem://)"
(cd .. && cargo build -q -p crm)
rm -rf e2e/artifacts
npx playwright test
echo "screenshots of the smoke's steps: mobile/e2e/artifacts/"
