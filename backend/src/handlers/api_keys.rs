//! `/api/api-keys` (admin only): create (secret shown once), list, revoke.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::auth::Role;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{PathId, RequestOrigin, ValidJson};
use crate::models::auth::{ApiKeyList, ApiKeyResponse, CreateApiKeyRequest, CreatedApiKeyResponse};
use crate::services::auth::AuthService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_api_keys, create_api_key)).routes(routes!(delete_api_key))
}

/// List API keys (admin); secrets are never shown again.
#[utoipa::path(get, path = "/api/api-keys", tag = "api-keys",
    responses(
        (status = 200, description = "Every key", body = ApiKeyList),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_api_keys(State(auth): State<Arc<AuthService>>) -> AppResult<Json<ApiKeyList>> {
    let data = auth.list_keys().await?.into_iter().map(ApiKeyResponse::from).collect();
    Ok(Json(ApiKeyList { data, next_cursor: None }))
}

/// Create an API key (admin); `key` in the answer is the secret, shown this once.
#[utoipa::path(post, path = "/api/api-keys", tag = "api-keys", request_body = CreateApiKeyRequest,
    responses(
        (status = 201, description = "Created", body = CreatedApiKeyResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_api_key(
    State(auth): State<Arc<AuthService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateApiKeyRequest>,
) -> AppResult<Response> {
    let role = Role::parse(&body.role)
        .ok_or_else(|| AppError::invalid_field("role", "must be one of admin, member, viewer"))?;
    let name = body.name.trim().to_string();
    if name.is_empty() {
        return Err(AppError::invalid_field("name", "is required"));
    }
    let (record, key) = auth.create_key(name, role, &origin.actor).await?;
    let location = format!("/api/api-keys/{}", record.id);
    let mut response =
        (StatusCode::CREATED, Json(CreatedApiKeyResponse { key, api_key: record.into() })).into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(&location) {
        response.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    Ok(response)
}

/// Revoke an API key at once (admin).
#[utoipa::path(delete, path = "/api/api-keys/{id}", tag = "api-keys", params(("id" = String, Path, description = "Key id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such live key", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_api_key(State(auth): State<Arc<AuthService>>, PathId(id): PathId) -> AppResult<StatusCode> {
    auth.revoke_key(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}
