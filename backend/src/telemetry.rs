//! Logging set-up and the per-request trace id (from `traceparent` / `x-request-id`, or fresh).

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::OnceLock;

use opentelemetry::trace::{SpanContext, SpanId, TraceContextExt, TraceFlags, TraceId, TraceState, TracerProvider};
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

use crate::config::{LogSettings, OtelSettings};

/// The OpenTelemetry exporter, when `otel.endpoint` is set.
static TRACER_PROVIDER: OnceLock<SdkTracerProvider> = OnceLock::new();

tokio::task_local! {
    static TRACE_ID: String;
}

/// Header echoing the trace id on every response.
pub const TRACE_ID_HEADER: HeaderName = HeaderName::from_static("x-trace-id");

/// Installs the global `tracing` subscriber (text or JSON), with OpenTelemetry export over
/// OTLP/HTTP when `otel.endpoint` is set. Safe to call twice.
pub fn init(settings: &LogSettings, otel: &OtelSettings) -> anyhow::Result<()> {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new(format!("{},surrealdb=warn,surrealkv=warn", settings.level)));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let otel_layer = match otel.endpoint.trim() {
        "" => None,
        endpoint => {
            use opentelemetry_otlp::WithExportConfig;
            let exporter = opentelemetry_otlp::SpanExporter::builder()
                .with_http()
                .with_endpoint(format!("{}/v1/traces", endpoint.trim_end_matches('/')))
                .build()?;
            let name = if otel.service_name.trim().is_empty() { "crm" } else { otel.service_name.trim() };
            let resource = opentelemetry_sdk::Resource::builder().with_service_name(name.to_string()).build();
            let provider = SdkTracerProvider::builder().with_batch_exporter(exporter).with_resource(resource).build();
            let tracer = provider.tracer("crm");
            let _ = TRACER_PROVIDER.set(provider);
            Some(tracing_opentelemetry::layer().with_tracer(tracer))
        }
    };
    let base = tracing_subscriber::registry().with(otel_layer).with(filter);
    let fmt = tracing_subscriber::fmt::layer().with_target(false);
    let _ = if settings.json {
        base.with(fmt.json().flatten_event(true)).try_init()
    } else {
        base.with(fmt.with_ansi(ansi)).try_init()
    };
    Ok(())
}

/// Sends the spans still buffered (at shutdown).
pub fn flush_traces() {
    if let Some(provider) = TRACER_PROVIDER.get() {
        if let Err(e) = provider.shutdown() {
            tracing::warn!(error = %e, "flushing traces failed");
        }
    }
}

/// Makes `span` part of the trace `trace_id` when that is a W3C trace id (32 hex digits, as
/// `traceparent` gives and fresh ids are), so exported spans carry the id change events store.
fn join_trace(span: &tracing::Span, trace_id: &str) {
    if TRACER_PROVIDER.get().is_none() {
        return;
    }
    let Ok(id) = TraceId::from_hex(trace_id) else { return };
    if id == TraceId::INVALID {
        return;
    }
    let parent = SpanContext::new(
        id,
        SpanId::from(rand::random::<u64>().max(1)),
        TraceFlags::SAMPLED,
        true,
        TraceState::default(),
    );
    let _ = span.set_parent(opentelemetry::Context::new().with_remote_span_context(parent));
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
    join_trace(&span, &trace_id);
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
