//! HTTP only: extract, call one service, map to a DTO. No SurrealQL here.

pub mod admin;
pub mod analytics;
pub mod api_keys;
pub mod auth;
pub mod campaigns;
pub mod cases;
pub mod changes;
pub mod companies;
pub mod consents;
pub mod contacts;
pub mod deals;
pub mod deliveries;
pub mod duplicates;
pub mod engagement;
pub mod events;
pub mod health;
pub mod idempotency;
pub mod imports;
pub mod landing_pages;
pub mod llm_tools;
pub mod notifications;
pub mod objects;
pub mod query;
pub mod rsvp;
pub mod schema;
pub mod security;
pub mod segments;
pub mod tasks;
pub mod timeline;
pub mod users;
pub mod views;
pub mod webhooks;

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

/// 200 with an export streamed as a download named `what` plus the format's extension.
pub fn download<S>(format: crate::services::exports::Format, what: &str, body: S) -> Response
where
    S: futures::Stream<Item = Result<axum::body::Bytes, std::io::Error>> + Send + 'static,
{
    let disposition = format!("attachment; filename=\"{}\"", format.file_name(what));
    let mut response = axum::body::Body::from_stream(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// 200 with `ETag`.
pub fn with_etag<T: Serialize>(version: i64, body: T) -> Response {
    let mut response = Json(body).into_response();
    response.headers_mut().insert(header::ETAG, etag(version));
    response
}
