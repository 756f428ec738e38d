//! Prometheus metrics (`GET /metrics`) through the `metrics` facade: requests by route template
//! and status, latency histograms, database call latency, background work, build info.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::error::AppError;
use crate::state::AppState;

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Latency buckets in seconds: 0.25 ms to 10 s.
const BUCKETS: [f64; 15] =
    [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// Installs the process-wide recorder once and returns its handle (later calls return the same).
pub fn install() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new().set_buckets(&BUCKETS).unwrap_or_else(|_| PrometheusBuilder::new());
        let handle = match builder.install_recorder() {
            Ok(handle) => handle,
            // Another recorder is installed already (an embedding program): render our own.
            Err(_) => PrometheusBuilder::new().build_recorder().handle(),
        };
        describe();
        metrics::gauge!("crm_build_info", "version" => env!("CARGO_PKG_VERSION")).set(1.0);
        // No outbox exists yet: its depth is truly zero until the deliveries module fills one.
        metrics::gauge!("crm_outbox_depth").set(0.0);
        handle
    })
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!("http_requests_total", "HTTP requests answered, by method, route template and status");
    describe_histogram!("http_request_duration_seconds", Unit::Seconds, "HTTP request latency by method and route");
    describe_histogram!(
        "db_query_duration_seconds",
        Unit::Seconds,
        "Latency of one database call (a query or transaction)"
    );
    describe_gauge!("crm_background_jobs", "Background jobs running, by job");
    describe_gauge!("crm_migrations_pending", "Data migrations not yet done");
    describe_counter!("crm_migration_rows_total", "Rows processed by data migrations");
    describe_gauge!("crm_outbox_depth", "Messages waiting in the outbox");
    describe_gauge!("crm_build_info", "Build information; the value is always 1");
}

/// Drains the recorder's buffers now and then (the recorder has no thread of its own).
pub fn spawn_upkeep() -> tokio::task::JoinHandle<()> {
    let handle = install();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            handle.run_upkeep();
        }
    })
}

/// Counts every request and records its latency under its route template (`/api/contacts/{id}`),
/// never the raw path, so the number of series stays bounded.
pub async fn track_requests(req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string());
    let method = req.method().as_str().to_string();
    let started = Instant::now();
    let response = next.run(req).await;
    let route = route.unwrap_or_else(|| "unmatched".to_string());
    let status = response.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}

/// Records one database call's latency.
pub fn record_db_call(started: Instant) {
    metrics::histogram!("db_query_duration_seconds").record(started.elapsed().as_secs_f64());
}

/// Runs one step of the background job `job` and records its time
/// (`crm_job_step_duration_seconds`); a step longer than 100 ms is also logged at debug, to tell
/// which job keeps a quiet server busy.
pub async fn job_step<T>(job: &'static str, step: impl std::future::Future<Output = T>) -> T {
    let started = Instant::now();
    let outcome = step.await;
    let elapsed = started.elapsed();
    metrics::histogram!("crm_job_step_duration_seconds", "job" => job).record(elapsed.as_secs_f64());
    if elapsed >= Duration::from_millis(100) {
        tracing::debug!(job, elapsed_ms = elapsed.as_millis() as u64, "a background job step took long");
    }
    outcome
}

/// `GET /metrics` in the Prometheus text format; with `metrics.token` set it needs
/// `Authorization: Bearer <token>`.
pub async fn metrics_endpoint(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let token = &state.settings.metrics.token;
    if !token.is_empty() {
        let presented = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if !crate::domain::signature::same(presented.as_bytes(), token.expose().as_bytes()) {
            return AppError::Unauthorized.into_response();
        }
    }
    let report = state.migrations.report();
    metrics::gauge!("crm_migrations_pending").set(report.pending.len() as f64);
    metrics::gauge!("crm_background_jobs", "job" => "migrations").set(if report.running.is_some() { 1.0 } else { 0.0 });
    let body = install().render();
    let mut response = (StatusCode::OK, body).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"));
    response
}
