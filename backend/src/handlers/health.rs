//! `GET /health`: the server is up and its database answers.

use std::time::Duration;

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::db::Db;
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
    OpenApiRouter::new().routes(routes!(health))
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
