//! HTTP only: extract, call one service, map to a DTO. No SurrealQL here.

pub mod admin;
pub mod analytics;
pub mod api_keys;
pub mod auth;
pub mod cases;
pub mod companies;
pub mod contacts;
pub mod deals;
pub mod engagement;
pub mod health;
pub mod idempotency;
pub mod imports;
pub mod segments;
pub mod tasks;
pub mod timeline;
pub mod users;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// `ETag` value for a version.
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// 201 with `Location` and `ETag`.
pub fn created<T: Serialize>(location: String, version: i64, body: T) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(loc) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, loc);
    }
    response.headers_mut().insert(header::ETAG, etag(version));
    response
}

/// 200 with every record `fetch` lists from `page` on, streamed as a download named `what`
/// plus the format's extension. The first row is read before answering, so a list that cannot
/// be read is an error status rather than a cut download.
pub async fn export_list<T, R, F, Fut>(
    format: crate::services::exports::Format,
    what: &str,
    columns: &'static [&'static str],
    page: crate::domain::pagination::PageRequest,
    fetch: F,
) -> crate::error::AppResult<Response>
where
    T: Send + 'static,
    R: From<T> + Serialize + 'static,
    F: Fn(crate::domain::pagination::PageRequest) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = crate::error::AppResult<crate::domain::pagination::Page<T>>> + Send + 'static,
{
    fetch(crate::domain::pagination::PageRequest { limit: 1, ..page.clone() }).await?;
    let body = crate::services::exports::stream::<T, R, F, Fut>(format, columns, page, fetch);
    let disposition = format!("attachment; filename=\"{}\"", format.file_name(what));
    let mut response = axum::body::Body::from_stream(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// 200 with `ETag`.
pub fn with_etag<T: Serialize>(version: i64, body: T) -> Response {
    let mut response = Json(body).into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    response
}
