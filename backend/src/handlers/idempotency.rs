//! Middleware for `Idempotency-Key` on POST: replays the first response of a key for 24 h;
//! the same key with a different body is 422; a key still being processed is 409.

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::services::idempotency::{hash_body, Claim};
use crate::state::AppState;

/// Header marking a replayed response.
const REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
/// Response headers worth replaying.
const KEPT: [&str; 3] = ["location", "etag", "content-type"];

/// Applies `Idempotency-Key` semantics to POST requests that carry one.
pub async fn idempotency(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !req.headers().contains_key("idempotency-key") {
        return next.run(req).await;
    }
    match run(state, req, next).await {
        Ok(response) | Err(response) => response,
    }
}

async fn run(state: AppState, req: Request, next: Next) -> Result<Response, Response> {
    let key = req
        .headers()
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 255)
        .ok_or_else(|| {
            AppError::invalid_field("Idempotency-Key", "must be 1 to 255 visible ASCII characters").into_response()
        })?
        .to_string();
    let actor = req.extensions().get::<crate::domain::auth::Principal>().map(|p| p.actor()).unwrap_or_default();
    let scope = format!("{actor} POST {} {key}", req.uri().path());
    let (parts, body) = req.into_parts();
    let limit = state.settings.server.body_limit_bytes;
    let bytes = to_bytes(body, limit).await.map_err(|_| AppError::PayloadTooLarge.into_response())?;
    let claim = state.idempotency.claim(&scope, &hash_body(&bytes)).await.map_err(IntoResponse::into_response)?;
    if let Claim::Replay { status, headers, body } = claim {
        return Ok(replay(status, headers, body));
    }
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, usize::MAX).await else {
        let _ = state.idempotency.release(&scope).await;
        return Err(AppError::Internal("response body could not be buffered".into()).into_response());
    };
    let status = parts.status;
    // Only settled outcomes are remembered: 5xx, 409 and 429 may succeed on retry.
    let settled =
        !(status.is_server_error() || status == StatusCode::CONFLICT || status == StatusCode::TOO_MANY_REQUESTS);
    let stored = if settled {
        let headers = KEPT
            .iter()
            .filter_map(|h| parts.headers.get(*h).and_then(|v| v.to_str().ok()).map(|v| (h.to_string(), v.to_string())))
            .collect();
        state.idempotency.complete(&scope, status.as_u16(), headers, String::from_utf8_lossy(&bytes).into_owned()).await
    } else {
        state.idempotency.release(&scope).await
    };
    if let Err(e) = stored {
        tracing::warn!(error = %e, "idempotency record not stored");
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

fn replay(status: u16, headers: Vec<(String, String)>, body: String) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    for (name, value) in headers {
        if let (Ok(n), Ok(v)) = (HeaderName::try_from(name), HeaderValue::from_str(&value)) {
            response.headers_mut().insert(n, v);
        }
    }
    response.headers_mut().insert(REPLAYED, HeaderValue::from_static("true"));
    response
}
