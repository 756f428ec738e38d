//! `/api/users` (admin only): create, list, read, change, delete users.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{created, with_etag};
use crate::domain::auth::NewUser;
use crate::error::{AppResult, Problem};
use crate::extract::{IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::auth::{CreateUserRequest, UpdateUserRequest, UserList, UserResponse};
use crate::services::users::{UserPatch, UserService};
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_users, create_user)).routes(routes!(get_user, update_user, delete_user))
}

/// List users (admin).
#[utoipa::path(get, path = "/api/users", tag = "users",
    responses(
        (status = 200, description = "Every user", body = UserList),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_users(State(users): State<Arc<UserService>>) -> AppResult<Json<UserList>> {
    let data = users.list().await?.into_iter().map(Into::into).collect();
    Ok(Json(UserList { data, next_cursor: None }))
}

/// Create a user (admin). Passwords need at least 12 characters.
#[utoipa::path(post, path = "/api/users", tag = "users", request_body = CreateUserRequest,
    responses(
        (status = 201, description = "Created", body = UserResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Email taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or weak password", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_user(
    State(users): State<Arc<UserService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateUserRequest>,
) -> AppResult<Response> {
    let new = NewUser::parse(body.email, body.password, body.role)?;
    let user = users.create(new, &origin).await?;
    Ok(created(format!("/api/users/{}", user.id), user.version, UserResponse::from(user)))
}

/// Get a user (admin).
#[utoipa::path(get, path = "/api/users/{id}", tag = "users", params(("id" = String, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserResponse),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_user(State(users): State<Arc<UserService>>, PathId(id): PathId) -> AppResult<Response> {
    let user = users.get(&id).await?;
    Ok(with_etag(user.version, UserResponse::from(user)))
}

/// Change a user's email, password or role (admin). The last admin cannot be demoted.
#[utoipa::path(patch, path = "/api/users/{id}", tag = "users", request_body = UpdateUserRequest,
    params(("id" = String, Path, description = "User id"), ("If-Match" = Option<String>, Header, description = "ETag from a GET", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = UserResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Email taken, or the last admin", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or weak password", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_user(
    State(users): State<Arc<UserService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateUserRequest>,
) -> AppResult<Response> {
    let patch = UserPatch::parse(body.email, body.password, body.role)?;
    let user = users.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(user.version, UserResponse::from(user)))
}

/// Delete a user and revoke their sign-ins (admin). The last admin cannot be deleted.
#[utoipa::path(delete, path = "/api/users/{id}", tag = "users", params(("id" = String, Path, description = "User id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The last admin", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_user(
    State(users): State<Arc<UserService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<StatusCode> {
    users.delete(&id, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}
