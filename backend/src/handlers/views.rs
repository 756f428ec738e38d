//! `/api/views`: saved views of an object's records, each user's own and the shared ones.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{created, with_etag};
use crate::domain::auth::{Principal, Role};
use crate::domain::custom::Object;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::views::{CreateViewRequest, UpdateViewRequest, ViewList, ViewParams, ViewResponse};
use crate::services::views::ViewService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_views, create_view)).routes(routes!(get_view, update_view, delete_view))
}

async fn object_of(schema: &crate::services::schema::SchemaService, raw: &str) -> AppResult<Object> {
    schema.object(raw).await.map_err(|_| {
        AppError::invalid_field("object", "must be contact, company, deal, case, event or a custom object's name")
    })
}

/// The caller's views and the shared ones, by name.
#[utoipa::path(get, path = "/api/views", tag = "views", params(ViewParams),
    responses(
        (status = 200, description = "Views", body = ViewList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_views(
    State(views): State<Arc<ViewService>>,
    State(schema): State<Arc<crate::services::schema::SchemaService>>,
    Extension(principal): Extension<Principal>,
    ApiQuery(params): ApiQuery<ViewParams>,
) -> AppResult<Json<ViewList>> {
    let object = match params.object.as_deref().filter(|o| !o.is_empty()) {
        Some(raw) => Some(object_of(&schema, raw).await?),
        None => None,
    };
    let actor = principal.actor();
    let items = views.list(&actor, object).await?.into_iter().map(|v| ViewResponse::for_actor(v, &actor)).collect();
    Ok(Json(ViewList { items }))
}

/// Save a view for yourself (`shared`: for everyone). Its columns and filter are checked
/// against the object's fields as `POST /api/query` checks them (422 naming `columns[i]` or the
/// filter's node).
#[utoipa::path(post, path = "/api/views", tag = "views", request_body = CreateViewRequest,
    responses(
        (status = 201, description = "Created", body = ViewResponse,
            headers(("Location" = String, description = "URL of the view"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid view", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_view(
    State(views): State<Arc<ViewService>>,
    State(schema): State<Arc<crate::services::schema::SchemaService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateViewRequest>,
) -> AppResult<Response> {
    let object = object_of(&schema, body.object.as_deref().unwrap_or_default()).await?;
    let view = views.create(object, body.into(), &origin).await?;
    let location = format!("/api/views/{}", view.id);
    Ok(created(location, view.version, ViewResponse::for_actor(view, &origin.actor)))
}

/// One view: your own or a shared one (404 otherwise).
#[utoipa::path(get, path = "/api/views/{id}", tag = "views", params(("id" = String, Path, description = "View id")),
    responses(
        (status = 200, description = "The view", body = ViewResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such view, or another user's unshared one", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_view(
    State(views): State<Arc<ViewService>>,
    Extension(principal): Extension<Principal>,
    PathId(id): PathId,
) -> AppResult<Response> {
    let actor = principal.actor();
    let view = views.get(&actor, principal.role == Role::Admin, &id).await?;
    Ok(with_etag(view.version, ViewResponse::for_actor(view, &actor)))
}

/// Change a view: its owner, or an admin (403 for anyone else's shared view).
#[utoipa::path(patch, path = "/api/views/{id}", tag = "views", request_body = UpdateViewRequest,
    params(("id" = String, Path, description = "View id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the view changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = ViewResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another user's view", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such view", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid change", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_view(
    State(views): State<Arc<ViewService>>,
    Extension(principal): Extension<Principal>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateViewRequest>,
) -> AppResult<Response> {
    let view = views.update(&id, body.into(), pre, &origin, principal.role == Role::Admin).await?;
    Ok(with_etag(view.version, ViewResponse::for_actor(view, &origin.actor)))
}

/// Remove a view: its owner, or an admin.
#[utoipa::path(delete, path = "/api/views/{id}", tag = "views",
    params(("id" = String, Path, description = "View id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the view changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Another user's view", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such view", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_view(
    State(views): State<Arc<ViewService>>,
    Extension(principal): Extension<Principal>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    views.delete(&id, pre, &origin, principal.role == Role::Admin).await?;
    Ok(StatusCode::NO_CONTENT)
}
