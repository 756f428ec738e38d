#!/usr/bin/env bash
# The integration suite against a real SurrealDB server over ws:// (each test gets its own
# database on it), including two `crm` processes sharing it. Builds the server from the
# `surrealdb-server` crate (surreal/, its own workspace) unless SURREAL_BIN points at one.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SURREAL_BIN:-}" ]; then
  if [ -x target/surreal/release/surreal ]; then
    SURREAL_BIN=target/surreal/release/surreal
  else
    echo "== building the SurrealDB server (debug; \`just surreal\` builds the release one)"
    (cd surreal && CARGO_TARGET_DIR=../target/surreal cargo build)
    SURREAL_BIN=target/surreal/debug/surreal
  fi
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp)
"$SURREAL_BIN" start --bind "127.0.0.1:$PORT" --user root --pass root --log warn memory >"$LOG" 2>&1 &
SURREAL_PID=$!
trap 'kill $SURREAL_PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/health', timeout=1)" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
echo "== $("$SURREAL_BIN" version 2>/dev/null | head -1) on 127.0.0.1:$PORT"

echo "== integration suite over ws://"
CRM_TEST_DATABASE="ws://127.0.0.1:$PORT" cargo test --test api -- "$@"
