//! The one application error type and its RFC 9457 problem+json rendering.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::telemetry::current_trace_id;

/// Result alias used by services and handlers.
pub type AppResult<T> = Result<T, AppError>;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct FieldError {
    /// Field path, e.g. `email` or `tags[2]`.
    #[schema(example = "email")]
    pub field: String,
    /// What is wrong with it.
    #[schema(example = "is not a valid email address")]
    pub message: String,
}

impl FieldError {
    /// A field error from any two strings.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

/// Everything that can go wrong while serving a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 422: fields failed validation.
    #[error("validation failed")]
    Validation { code: &'static str, detail: String, errors: Vec<FieldError> },
    /// 400: the request could not be read at all.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 401: missing or bad credentials.
    #[error("unauthorized")]
    Unauthorized,
    /// 403: not allowed.
    #[error("forbidden")]
    Forbidden,
    /// 403: the caller's role may not change these fields (field-level security).
    #[error("your role may not change these fields")]
    FieldsLocked(Vec<FieldError>),
    /// 404: no such resource.
    #[error("{0} not found")]
    NotFound(String),
    /// 410: the record was merged into another (`merged_into` names it).
    #[error("{entity} merged")]
    Gone { entity: &'static str, merged_into: String },
    /// 409: conflicts with stored state.
    #[error("conflict: {detail}")]
    Conflict { code: &'static str, detail: String },
    /// 409 `already_checked_in`: the guest was checked in before, at `at`.
    #[error("already checked in")]
    AlreadyCheckedIn { at: String },
    /// 412: the `If-Match` precondition failed.
    #[error("precondition failed")]
    PreconditionFailed { detail: String },
    /// 413: the body is larger than allowed.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 415: the body is not JSON.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 405: the path exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 429: slow down.
    #[error("rate limited")]
    RateLimited { retry_after_secs: u64 },
    /// 429: the day's LLM token budget is spent (`Retry-After`: until midnight UTC).
    #[error("llm budget spent")]
    BudgetSpent { retry_after_secs: u64 },
    /// 502: the language model could not be reached or kept failing.
    #[error("llm unavailable: {0}")]
    LlmUnavailable(String),
    /// 503: a dependency (the database) is not available.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    /// 503: a data migration this feature needs is still running (`Retry-After` given).
    #[error("migrating: {0}")]
    Migrating(String),
    /// 500: the database failed.
    #[error("database error: {0}")]
    Database(#[from] surrealdb::Error),
    /// 500: anything else.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The problem+json body every error shares (RFC 9457).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// URI naming the problem type.
    #[schema(example = "https://crm.local/problems/validation")]
    pub r#type: String,
    /// Short summary of the status.
    #[schema(example = "Unprocessable Entity")]
    pub title: String,
    /// HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// Human-readable explanation of this occurrence.
    #[schema(example = "one or more fields are invalid")]
    pub detail: String,
    /// Stable machine-readable code.
    #[schema(example = "validation_failed")]
    pub code: String,
    /// Invalid fields, for 422 responses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// For 410 `merged`: the id of the record this one was merged into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// For 409 `already_checked_in`: when the guest was checked in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_in_at: Option<String>,
    /// Trace id of the request, for support.
    pub trace_id: String,
}

impl Problem {
    /// The field errors as one line (for the command line).
    pub fn errors_text(&self) -> String {
        match &self.errors {
            Some(errors) if !errors.is_empty() => {
                errors.iter().map(|e| format!("{} {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
            }
            _ => self.detail.clone(),
        }
    }
}

impl AppError {
    /// 404 for one kind of resource and id.
    pub fn not_found(entity: &str, id: &str) -> Self {
        let _ = id;
        Self::NotFound(entity.to_string())
    }

    /// 422 with a single invalid field.
    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError::new(field, message)])
    }

    /// 422 with a list of invalid fields.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        Self::Validation { code: "validation_failed", detail: "one or more fields are invalid".into(), errors }
    }

    /// 409 with a code and explanation.
    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::Conflict { code, detail: detail.into() }
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::FieldsLocked(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Gone { .. } => StatusCode::GONE,
            Self::Conflict { .. } | Self::AlreadyCheckedIn { .. } => StatusCode::CONFLICT,
            Self::PreconditionFailed { .. } => StatusCode::PRECONDITION_FAILED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::RateLimited { .. } | Self::BudgetSpent { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::LlmUnavailable(_) => StatusCode::BAD_GATEWAY,
            Self::Unavailable(_) | Self::Migrating(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Database(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem's `code`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation { code, .. } | Self::Conflict { code, .. } => code,
            Self::BadRequest(_) => "bad_request",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::FieldsLocked(_) => "field_read_only",
            Self::NotFound(_) => "not_found",
            Self::Gone { .. } => "merged",
            Self::AlreadyCheckedIn { .. } => "already_checked_in",
            Self::PreconditionFailed { .. } => "precondition_failed",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::RateLimited { .. } => "rate_limited",
            Self::BudgetSpent { .. } => "llm_budget_spent",
            Self::LlmUnavailable(_) => "llm_unavailable",
            Self::Unavailable(_) => "unavailable",
            Self::Migrating(_) => "migrating",
            Self::Database(_) | Self::Internal(_) => "internal_error",
        }
    }

    /// The problem's `detail`.
    pub fn detail(&self) -> String {
        match self {
            Self::Validation { detail, .. } | Self::Conflict { detail, .. } | Self::PreconditionFailed { detail } => {
                detail.clone()
            }
            Self::BadRequest(msg) => msg.clone(),
            Self::Unauthorized => "missing or invalid credentials".into(),
            Self::Forbidden => "you are not allowed to do this".into(),
            Self::FieldsLocked(_) => "your role may not change these fields".into(),
            Self::NotFound(entity) => format!("{entity} not found"),
            Self::Gone { entity, merged_into } => format!("this {entity} was merged into {merged_into}"),
            Self::AlreadyCheckedIn { at } => format!("this guest was already checked in at {at}"),
            Self::PayloadTooLarge => "the request body is larger than allowed".into(),
            Self::UnsupportedMediaType => "the request body must be JSON (Content-Type: application/json)".into(),
            Self::MethodNotAllowed => "this method is not allowed on this path".into(),
            Self::RateLimited { retry_after_secs } => format!("too many requests; retry after {retry_after_secs} s"),
            Self::BudgetSpent { retry_after_secs } => {
                format!("today's token budget for the language model (llm.daily_token_budget) is spent; it renews in {retry_after_secs} s")
            }
            Self::LlmUnavailable(why) => format!("the language model is unavailable: {why}"),
            Self::Unavailable(_) => "a dependency is not available; try again shortly".into(),
            Self::Migrating(progress) => {
                format!("a data migration this needs is running ({progress}); try again shortly")
            }
            Self::Database(_) | Self::Internal(_) => "an unexpected error occurred".into(),
        }
    }

    /// The problem body of this error, stamped with the current trace id.
    pub fn to_problem(&self) -> Problem {
        let status = self.status();
        let code = self.code();
        Problem {
            r#type: format!("https://crm.local/problems/{}", code.replace('_', "-")),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: self.detail(),
            code: code.to_string(),
            errors: match self {
                Self::Validation { errors, .. } | Self::FieldsLocked(errors) => Some(errors.clone()),
                _ => None,
            },
            merged_into: match self {
                Self::Gone { merged_into, .. } => Some(merged_into.clone()),
                _ => None,
            },
            checked_in_at: match self {
                Self::AlreadyCheckedIn { at } => Some(at.clone()),
                _ => None,
            },
            trace_id: current_trace_id(),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() && !matches!(self, Self::Migrating(_)) {
            // Logged once, with the whole chain; the client gets a generic message.
            tracing::error!(error = %redact(&self.to_string()), trace_id = %current_trace_id(), "request failed");
        }
        let body = serde_json::to_vec(&self.to_problem()).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        match self {
            Self::RateLimited { retry_after_secs } | Self::BudgetSpent { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            }
            Self::Migrating(_) => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(5));
            }
            _ => {}
        }
        response
    }
}

/// Removes quoted values from an error text before it is logged: database messages quote
/// the offending value, which may be personal data.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_quote = false;
    for c in text.chars() {
        if c == '\'' {
            if !in_quote {
                out.push_str("'…");
            }
            in_quote = !in_quote;
            if !in_quote {
                out.push('\'');
            }
        } else if !in_quote {
            out.push(c);
        }
    }
    out
}

/// A problem+json response for a bare status produced outside the handlers (timeouts).
pub fn bare_status_problem(status: StatusCode) -> Response {
    let problem = Problem {
        r#type: format!("https://crm.local/problems/http-{}", status.as_u16()),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail: status.canonical_reason().unwrap_or("error").to_lowercase(),
        code: status.canonical_reason().unwrap_or("error").to_lowercase().replace(' ', "_"),
        errors: None,
        merged_into: None,
        checked_in_at: None,
        trace_id: current_trace_id(),
    };
    let mut response = (status, serde_json::to_vec(&problem).unwrap_or_default()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}

/// Maps a SurrealDB error that reports a unique-index violation to 409, others to 500.
pub fn on_unique_violation(err: surrealdb::Error, code: &'static str, detail: &str) -> AppError {
    if is_unique_violation(&err) {
        AppError::conflict(code, detail)
    } else {
        AppError::Database(err)
    }
}

/// Whether a SurrealDB error is a unique-index violation.
pub fn is_unique_violation(err: &surrealdb::Error) -> bool {
    let msg = err.message();
    msg.contains("already contains") && msg.contains("index")
}

impl From<crate::repositories::RepoError> for AppError {
    fn from(err: crate::repositories::RepoError) -> Self {
        use crate::repositories::RepoError;
        match err {
            RepoError::NotFound => AppError::NotFound("record".into()),
            RepoError::VersionMismatch => AppError::PreconditionFailed {
                detail: "the record was changed concurrently; fetch it again and retry".into(),
            },
            RepoError::TxConflict => {
                AppError::conflict("write_contention", "a concurrent change got in the way; retry the request")
            }
            RepoError::Duplicate(index) => {
                AppError::conflict("duplicate", format!("a unique value is already taken ({index})"))
            }
            RepoError::Rule(code) => AppError::Internal(format!("unmapped rule {code}")),
            RepoError::Db(e) => AppError::Database(e),
            RepoError::Decode(msg) => AppError::Internal(msg),
        }
    }
}

/// A task that panicked or was cancelled (spawned or blocking work the request waited for).
impl From<tokio::task::JoinError> for AppError {
    fn from(err: tokio::task::JoinError) -> Self {
        AppError::Internal(err.to_string())
    }
}

impl From<crate::domain::fields::DomainError> for AppError {
    fn from(err: crate::domain::fields::DomainError) -> Self {
        use crate::domain::fields::DomainError;
        match err {
            DomainError::Invalid(issues) => {
                AppError::validation(issues.into_iter().map(|i| FieldError::new(i.field, i.message)).collect())
            }
            DomainError::InvalidTransition { from, to } => AppError::Validation {
                code: "invalid_transition",
                detail: format!("status cannot change from {from} to {to}"),
                errors: vec![FieldError::new("status", format!("cannot change from {from} to {to}"))],
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_hides_quoted_values() {
        assert_eq!(redact("index `x` already contains 'ann@example.com', yes"), "index `x` already contains '…', yes");
        assert_eq!(redact("no quotes"), "no quotes");
    }
}
