#!/usr/bin/env bash
# Every test: formatting, lints, unit + integration tests, deploy-file checks.
# Needs only the Rust toolchain, Node/npm and Python 3; installs what else it needs (schemathesis
# into .venv, the dashboard's and the app's npm packages, Debian's chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy (warnings are errors)"
cargo clippy --all-targets -- -D warnings
cargo clippy --test crash -- -D warnings # not among --all-targets: see backend/Cargo.toml

echo "== unit and integration tests (mem://)"
cargo test --all-targets

if [ "${CRM_TEST_SURREALKV:-1}" = "1" ]; then
  echo "== integration tests again on surrealkv:// (temp dirs)"
  CRM_TEST_DATABASE=surrealkv cargo test --test api
fi

echo "== crash test: SIGKILL during concurrent writes, restart, nothing acknowledged is lost"
# One at a time: each test drives its own servers hard, and two at once on a small machine time out.
CRASH_CYCLES="${CRASH_CYCLES:-5}" cargo test --test crash -- --nocapture --test-threads=1

echo "== API fuzzing: schemathesis against the served OpenAPI document"
./scripts/fuzz-api.sh

echo "== dashboard: typed client, type check, Vitest, static export, Playwright journeys"
./scripts/test-frontend.sh

echo "== field app: typed client, type check, Jest, web export, end-to-end smoke"
./scripts/test-mobile.sh

echo "== deploy files (static)"
PY=python3
if ! python3 -c "import yaml" 2>/dev/null; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet pyyaml
  PY=.venv/bin/python
fi
"$PY" scripts/check_deploy.py

echo "== infra: kustomize overlays against the Kubernetes schema, checkov, Terraform references"
if [ ! -x .venv-infra/bin/checkov ]; then
  python3 -m venv .venv-infra
  .venv-infra/bin/pip install --quiet "checkov==3.3.30" "kubernetes-validate==1.37.0" "python-hcl2==8.1.4" "PyYAML==6.0.4"
fi
.venv-infra/bin/python scripts/check_infra.py
