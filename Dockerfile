# The crm server: one binary, embedded SurrealDB by default, or a SurrealDB server over ws://,
# serving the dashboard's static export at /.
FROM node:20-bookworm-slim AS dashboard
WORKDIR /src/frontend
ENV NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY frontend/package.json frontend/package-lock.json ./
# the locked versions; `npm ci` would reject a lock without other platforms' optional packages
RUN npm install --no-audit --no-fund
COPY frontend ./
COPY backend/tests/snapshots/openapi.json /src/backend/tests/snapshots/openapi.json
COPY scripts/generate-api.mjs scripts/playwright-chromium.mjs /src/scripts/
RUN npm run api:check && npm run build

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml ./
COPY backend ./backend
# The gRPC contracts, compiled by backend/build.rs.
COPY proto ./proto
# Every workspace member and the patched engine (docs/surrealkv-rotation-fix.md) must be present.
COPY bench ./bench
COPY vendor ./vendor
RUN cargo build --release -p crm --locked

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --create-home --home-dir /app crm
WORKDIR /app
COPY --from=build /src/target/release/crm /usr/local/bin/crm
COPY backend/config ./config
COPY --from=dashboard /src/frontend/out ./dashboard
ENV APP_ENV=production \
    CRM_CONFIG_DIR=/app/config \
    CRM__SERVER__HOST=0.0.0.0 \
    CRM__SERVER__PORT=8080 \
    CRM__DATABASE__URL=surrealkv:///app/data/crm.db \
    CRM__SERVER__DASHBOARD_DIR=/app/dashboard
USER crm
VOLUME ["/app/data"]
EXPOSE 8080 50051
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["crm"]
