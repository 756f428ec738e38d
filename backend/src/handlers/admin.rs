//! `/api/admin`: operations on the whole installation (admin only).

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppResult, Problem};
use crate::services::backup::BackupService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_backup))
}

/// Download a consistent backup of the whole database (admin).
///
/// A SurrealQL export taken in one read transaction while the server keeps serving, streamed as
/// it is read. Load it with `crm restore FILE` into an empty database.
#[utoipa::path(get, path = "/api/admin/backup", tag = "admin",
    responses(
        (status = 200, description = "The export (SurrealQL text), streamed", content_type = "application/sql", body = String,
            headers(("Content-Disposition" = String, description = "attachment; filename=crm-backup-<time>.surql"))),
        (status = 500, description = "The export could not start", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_backup(State(backup): State<Arc<BackupService>>) -> AppResult<Response> {
    let chunks = backup.export().await?;
    let name = format!("attachment; filename=\"crm-backup-{}.surql\"", chrono::Utc::now().format("%Y%m%dT%H%M%SZ"));
    let mut response = Response::new(Body::from_stream(chunks));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/sql; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
