//! Logging set-up and the per-request trace id (from `traceparent` / `x-request-id`, or fresh).

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

use crate::config::LogSettings;

tokio::task_local! {
    static TRACE_ID: String;
}

/// Header echoing the trace id on every response.
pub const TRACE_ID_HEADER: HeaderName = HeaderName::from_static("x-trace-id");

/// Installs the global `tracing` subscriber (text or JSON). Safe to call twice.
pub fn init(settings: &LogSettings) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("{},surrealdb=warn,surrealkv=warn", settings.level)));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_ansi(ansi);
    let _ = if settings.json { builder.json().flatten_event(true).try_init() } else { builder.try_init() };
}

/// The trace id of the request being served, or `"-"` outside one.
pub fn current_trace_id() -> String {
    TRACE_ID.try_with(Clone::clone).unwrap_or_else(|_| "-".to_string())
}

/// Runs `fut` with `trace_id` as the current trace id (used by background work and tests).
pub async fn with_trace_id<F: std::future::Future>(trace_id: String, fut: F) -> F::Output {
    TRACE_ID.scope(trace_id, fut).await
}

/// Reads the W3C `traceparent` trace id or `x-request-id`, else makes a fresh id.
pub fn trace_id_from(headers: &HeaderMap) -> String {
    if let Some(tp) = headers.get("traceparent").and_then(|v| v.to_str().ok()) {
        let parts: Vec<&str> = tp.split('-').collect();
        if parts.len() == 4
            && parts[1].len() == 32
            && parts[1].bytes().all(|b| b.is_ascii_hexdigit())
            && parts[1] != "00000000000000000000000000000000"
        {
            return parts[1].to_ascii_lowercase();
        }
    }
    if let Some(rid) = headers.get("x-request-id").and_then(|v| v.to_str().ok()) {
        let rid = rid.trim();
        if !rid.is_empty()
            && rid.len() <= 128
            && rid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        {
            return rid.to_string();
        }
    }
    uuid::Uuid::new_v4().simple().to_string()
}

/// Middleware: assigns the trace id, opens the request span, logs the outcome, echoes the id.
pub async fn trace_requests(req: Request, next: Next) -> Response {
    let trace_id = trace_id_from(req.headers());
    let route =
        req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "unmatched".to_owned());
    let method = req.method().clone();
    let span = tracing::info_span!("request", %method, %route, trace_id = %trace_id);
    let started = std::time::Instant::now();
    let mut response = TRACE_ID.scope(trace_id.clone(), next.run(req)).instrument(span.clone()).await;
    span.in_scope(|| {
        tracing::info!(
            status = response.status().as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "served"
        );
    });
    if let Ok(v) = HeaderValue::from_str(&trace_id) {
        response.headers_mut().insert(TRACE_ID_HEADER, v.clone());
        response.headers_mut().insert(HeaderName::from_static("x-request-id"), v);
    }
    response
}
