# Day-to-day commands. `cargo install just --locked` if `just` is missing.

# Serve the API + Swagger UI on the embedded on-disk database (./data/crm.db)
run:
    cargo run -p crm

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

# Fill the configured database with demo data
seed contacts="10000" companies="500":
    cargo run --release -p crm -- seed --contacts {{contacts}} --companies {{companies}}

# Print the OpenAPI document
openapi:
    cargo run -q -p crm -- openapi

# Refresh the OpenAPI snapshot after an intended contract change
snapshot:
    UPDATE_SNAPSHOTS=1 cargo test --test api openapi_document_matches_the_snapshot
