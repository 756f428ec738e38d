# Day-to-day commands. `cargo install just --locked` if `just` is missing.

# Serve the API, Swagger UI and the dashboard (built when stale) on the embedded on-disk database
run:
    ./scripts/run.sh

# Build the dashboard's static export (frontend/out), which `crm` serves at /
dashboard:
    cd frontend && npm install --no-audit --no-fund && npm run build

# The dashboard's dev server on :3000 (hot reload) against a crm started with `just run`
dev:
    cd frontend && npm run dev

# The dashboard's tests only: typed client, type check, Vitest, build, Playwright journeys
test-frontend:
    ./scripts/test-frontend.sh

# The field app's tests (Jest, web export, end-to-end smoke)
test-mobile:
    ./scripts/test-mobile.sh

# The field app in Expo (a QR code for Expo Go; `w` opens the web build)
mobile:
    cd mobile && npx expo start

# Ask a running server's gRPC health service (grpc.health.v1) whether it serves
grpc-smoke addr="http://127.0.0.1:50051":
    cargo run -q -p crm -- grpc-health --addr {{addr}}

# After an API change: refresh the OpenAPI snapshot and regenerate the typed clients (dashboard, app)
api-client:
    UPDATE_SNAPSHOTS=1 cargo test --test api openapi_document_matches_the_snapshot
    cd frontend && npm run api:generate
    cd mobile && npm run api:generate

# Every test (the same as CI)
test:
    ./scripts/test.sh

# Format the code
fmt:
    cargo fmt --all

# Lints, warnings are errors
lint:
    cargo fmt --all -- --check
    cargo clippy --all-targets -- -D warnings
    cargo clippy --test crash -- -D warnings

# Fill the configured database with demo data
seed contacts="10000" companies="500":
    cargo run --release -p crm -- seed --contacts {{contacts}} --companies {{companies}}

# Print the OpenAPI document
openapi:
    cargo run -q -p crm -- openapi

# Refresh the OpenAPI snapshot after an intended contract change
snapshot:
    UPDATE_SNAPSHOTS=1 cargo test --test api openapi_document_matches_the_snapshot

# Benchmark: seeds a release crm on disk and prints the table (`just bench --contacts 1000000`)
bench *args:
    cargo build --release -p crm -p crm-bench
    target/release/crm-bench {{args}}

# Soak: mixed load for a while, RSS over time (`just soak 10m`)
soak duration="10m" *args:
    cargo build --release -p crm -p crm-bench
    target/release/crm-bench --duration {{duration}} {{args}}

# Crash test: 20 SIGKILL cycles during concurrent writes
crash-test cycles="20":
    CRASH_CYCLES={{cycles}} cargo test --test crash -- --nocapture --test-threads=1

# Fuzz the API with schemathesis (installs it into .venv)
fuzz-api *args:
    ./scripts/fuzz-api.sh {{args}}

# Build the real SurrealDB server (its own workspace in surreal/)
surreal profile="release":
    cd surreal && CARGO_TARGET_DIR=../target/surreal cargo build --profile {{profile}}

# The integration suite against a real SurrealDB server over ws://, and two crm processes on it
test-remote:
    ./scripts/test-remote.sh

# The benchmark over ws:// against a release SurrealDB server on loopback
bench-remote *args:
    just surreal release
    cargo build --release -p crm -p crm-bench
    target/release/crm-bench --surreal target/surreal/release/surreal {{args}}
