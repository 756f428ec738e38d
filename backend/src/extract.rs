//! Extractors whose rejections are [`AppError`]s, so every bad request gets problem+json.

use std::borrow::Cow;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::header::{CONTENT_TYPE, IF_MATCH};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::domain::auth::Principal;
use crate::domain::history::Origin;
use crate::domain::ids::parse_id;
use crate::error::{AppError, FieldError};
use crate::services::Precondition;
use crate::telemetry::current_trace_id;

/// A JSON body, parsed strictly (unknown fields are errors) and validated.
///
/// 415 without a JSON content type, 413 over the size limit, 400 for malformed JSON,
/// 422 (with the field) for wrong types, unknown fields or failed validation.
pub struct ValidJson<T>(pub T);

fn is_json(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

impl<S, T> FromRequest<S> for ValidJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        if !is_json(content_type) {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge
            } else {
                AppError::BadRequest("the request body could not be read".into())
            }
        })?;
        let value: T = parse_json(&bytes)?;
        value.validate().map_err(validation_error)?;
        Ok(ValidJson(value))
    }
}

/// An optional JSON body (an action such as closing a case): no body at all is `None`; a body
/// is read as [`ValidJson`] reads it.
pub struct OptionalJson<T>(pub Option<T>);

impl<S, T> FromRequest<S> for OptionalJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let content_type = req.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::PayloadTooLarge
            } else {
                AppError::BadRequest("the request body could not be read".into())
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) || bytes.trim_ascii() == b"null" {
            return Ok(OptionalJson(None));
        }
        if !is_json(&content_type) {
            return Err(AppError::UnsupportedMediaType);
        }
        let value: T = parse_json(&bytes)?;
        value.validate().map_err(validation_error)?;
        Ok(OptionalJson(Some(value)))
    }
}

/// Parses JSON bytes into `T`, mapping syntax errors to 400 and data errors to 422.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::BadRequest("the request body is empty; send a JSON object".into()));
    }
    // serde reads a struct from an array too (`[null, null]`); every request body is an object.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(AppError::validation(vec![FieldError::new("body", "must be a JSON object")]));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let field = if path == "." { "body".to_string() } else { path };
                AppError::validation(vec![FieldError::new(field, clean_serde_message(&inner))])
            }
            _ => AppError::BadRequest(format!("malformed JSON: {inner}")),
        }
    })?;
    de.end().map_err(|e| AppError::BadRequest(format!("malformed JSON: {e}")))?;
    Ok(value)
}

/// Reads an already parsed JSON object as `T`: wrong types, missing and unknown fields are 422s
/// naming the field.
pub fn parse_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let field = if path == "." { "body".to_string() } else { path };
        AppError::validation(vec![FieldError::new(field, clean_serde_message(err.inner()))])
    })
}

/// serde's message without the " at line X column Y" suffix.
fn clean_serde_message(err: &serde_json::Error) -> String {
    let msg = err.to_string();
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    }
}

/// Flattens validator errors into field errors with readable messages.
pub fn validation_error(errors: ValidationErrors) -> AppError {
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        if let ValidationErrorsKind::Field(list) = kind {
            for e in list {
                let message = match (e.code.as_ref(), e.params.get("max")) {
                    ("length", Some(max)) => format!("must be at most {max} long"),
                    _ => e.message.clone().unwrap_or(Cow::Borrowed("is invalid")).into_owned(),
                };
                out.push(FieldError::new(field.to_string(), message));
            }
        }
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    AppError::validation(out)
}

/// Query parameters; a query string that cannot be read is a 422.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state).await.map(|Query(v)| ApiQuery(v)).map_err(|e| {
            AppError::Validation {
                code: "invalid_query",
                detail: "the query string is invalid".into(),
                errors: vec![FieldError::new("query", e.body_text())],
            }
        })
    }
}

/// A record id from the path; anything that is not a well-formed id is a 404.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let entity = entity_of(parts.uri.path());
        let Path(raw) =
            Path::<String>::from_request_parts(parts, state).await.map_err(|_| AppError::NotFound(entity.into()))?;
        parse_id(&raw).map(PathId).ok_or_else(|| AppError::NotFound(entity.into()))
    }
}

/// The kind of record a path names, for 404 messages.
fn entity_of(path: &str) -> &'static str {
    match path.trim_start_matches("/api/").split('/').next() {
        Some("contacts") => "contact",
        Some("companies") => "company",
        _ => "resource",
    }
}

/// The `If-Match` precondition of a write.
pub struct IfMatch(pub Precondition);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(raw) = parts.headers.get(IF_MATCH) else { return Ok(IfMatch(Precondition::None)) };
        let raw = raw.to_str().map_err(|_| bad_if_match())?.trim();
        if raw == "*" {
            return Ok(IfMatch(Precondition::Any));
        }
        let tag = raw.strip_prefix("W/").unwrap_or(raw).trim_matches('"');
        tag.parse::<i64>().map(|v| IfMatch(Precondition::Version(v))).map_err(|_| bad_if_match())
    }
}

fn bad_if_match() -> AppError {
    AppError::BadRequest("If-Match must be an ETag from a GET, such as \"3\", or *".into())
}

/// Who is making this request and under which trace.
pub struct RequestOrigin(pub Origin);

impl<S: Send + Sync> FromRequestParts<S> for RequestOrigin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let actor = parts.extensions.get::<Principal>().map(Principal::actor).ok_or(AppError::Unauthorized)?;
        Ok(RequestOrigin(Origin { triggers: Vec::new(), actor, source: "api".into(), trace_id: current_trace_id() }))
    }
}

/// The signed-in user making this request (`None` for an API key): the default owner or
/// assignee of what it creates, and `me` in filters.
pub struct CallerUser(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for CallerUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let principal = parts.extensions.get::<Principal>().ok_or(AppError::Unauthorized)?;
        let user = (principal.kind == crate::domain::auth::PrincipalKind::User).then(|| principal.id.clone());
        Ok(CallerUser(user))
    }
}
