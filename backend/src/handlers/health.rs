//! `GET /health`, `/health/live` and `/health/ready`: the process runs, its database answers,
//! its data migrations are done.

use std::time::Duration;

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::db::{Db, MigrationReport, Migrations};
use crate::error::{AppError, AppResult, Problem};
use crate::state::AppState;

/// Health report.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthResponse {
    /// `ok`.
    #[schema(example = "ok")]
    pub status: String,
    /// `ok` when the database answered a query.
    #[schema(example = "ok")]
    pub database: String,
    /// Server version.
    #[schema(example = "0.1.0")]
    pub version: String,
}

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health)).routes(routes!(health_live)).routes(routes!(health_ready))
}

/// Liveness and database check.
#[utoipa::path(get, path = "/health", tag = "health", security(()),
    responses(
        (status = 200, description = "Healthy", body = HealthResponse),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn health(State(db): State<Db>) -> AppResult<Json<HealthResponse>> {
    let check = tokio::time::timeout(Duration::from_secs(3), crate::repositories::ping(&db)).await;
    match check {
        Ok(Ok(_)) => Ok(Json(HealthResponse {
            status: "ok".into(),
            database: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        })),
        Ok(Err(e)) => Err(AppError::Unavailable(e.to_string())),
        Err(_) => Err(AppError::Unavailable("database timed out".into())),
    }
}

/// Liveness: the process serves requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct LiveResponse {
    /// `ok`.
    #[schema(example = "ok")]
    pub status: String,
}

/// Readiness: the database answers and every data migration is done.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReadyResponse {
    /// `ready`, `migrating` or `unavailable`.
    #[schema(example = "ready")]
    pub status: String,
    /// `ok` or `unavailable`.
    #[schema(example = "ok")]
    pub database: String,
    /// Data migrations still to run, the one running and its progress.
    pub migrations: MigrationReport,
}

/// Liveness probe: 200 while the process runs (no database call).
#[utoipa::path(get, path = "/health/live", tag = "health", security(()),
    responses((status = 200, description = "The process is alive", body = LiveResponse)))]
pub async fn health_live() -> Json<LiveResponse> {
    Json(LiveResponse { status: "ok".into() })
}

/// Readiness probe: 200 when the database answers and the data migrations are done, else 503
/// with what is missing (`migrating` with progress, or `unavailable`).
#[utoipa::path(get, path = "/health/ready", tag = "health", security(()),
    responses(
        (status = 200, description = "Ready", body = ReadyResponse),
        (status = 503, description = "Not ready: migrating or the database does not answer", body = ReadyResponse),
    ))]
pub async fn health_ready(
    State(db): State<Db>,
    State(migrations): State<Migrations>,
) -> (axum::http::StatusCode, Json<ReadyResponse>) {
    use axum::http::StatusCode;
    let database_ok =
        matches!(tokio::time::timeout(Duration::from_secs(3), crate::repositories::ping(&db)).await, Ok(Ok(())));
    let report = migrations.report();
    let status = if !database_ok {
        "unavailable"
    } else if !migrations.done() {
        "migrating"
    } else {
        "ready"
    };
    let code = if status == "ready" { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let body = ReadyResponse {
        status: status.into(),
        database: if database_ok { "ok" } else { "unavailable" }.into(),
        migrations: report,
    };
    (code, Json(body))
}
