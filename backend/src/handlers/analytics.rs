//! `GET /api/analytics/*`: contacts, funnel, pipeline and activity summaries over a day range,
//! summed from counters kept current by every write.

use axum::extract::State;
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppResult, Problem};
use crate::extract::ApiQuery;
use crate::models::analytics::{ActivityAnalytics, ContactAnalytics, FunnelAnalytics, PipelineAnalytics, RangeParams};
use crate::services::analytics::AnalyticsService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contact_analytics))
        .routes(routes!(funnel_analytics))
        .routes(routes!(pipeline_analytics))
        .routes(routes!(activity_analytics))
}

/// Contacts created in the range (that still exist) by status, source, tag and company, and new
/// contacts per day.
#[utoipa::path(get, path = "/api/analytics/contacts", tag = "analytics", params(RangeParams),
    responses(
        (status = 200, description = "The summary", body = ContactAnalytics),
        (status = 422, description = "Invalid range", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The counters are being built", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn contact_analytics(
    State(analytics): State<Arc<AnalyticsService>>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> AppResult<Json<ContactAnalytics>> {
    Ok(Json(analytics.contacts(&params.parse()?).await?))
}

/// The funnel: for each status, the contacts that entered it in the range (from the change
/// history) and the share of them that moved on to a later stage.
#[utoipa::path(get, path = "/api/analytics/funnel", tag = "analytics", params(RangeParams),
    responses(
        (status = 200, description = "The funnel", body = FunnelAnalytics),
        (status = 422, description = "Invalid range", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The counters are being built", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn funnel_analytics(
    State(analytics): State<Arc<AnalyticsService>>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> AppResult<Json<FunnelAnalytics>> {
    Ok(Json(analytics.funnel(&params.parse()?).await?))
}

/// Deals created in the range by stage; deals won and lost in it, the win rate and the average
/// days to close.
#[utoipa::path(get, path = "/api/analytics/pipeline", tag = "analytics", params(RangeParams),
    responses(
        (status = 200, description = "The pipeline summary", body = PipelineAnalytics),
        (status = 422, description = "Invalid range", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The counters are being built", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn pipeline_analytics(
    State(analytics): State<Arc<AnalyticsService>>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> AppResult<Json<PipelineAnalytics>> {
    Ok(Json(analytics.pipeline(&params.parse()?).await?))
}

/// Timeline entries (notes, calls, meetings, changes, ...) in the range, by kind and per day.
#[utoipa::path(get, path = "/api/analytics/activity", tag = "analytics", params(RangeParams),
    responses(
        (status = 200, description = "The activity summary", body = ActivityAnalytics),
        (status = 422, description = "Invalid range", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The counters are being built", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn activity_analytics(
    State(analytics): State<Arc<AnalyticsService>>,
    ApiQuery(params): ApiQuery<RangeParams>,
) -> AppResult<Json<ActivityAnalytics>> {
    Ok(Json(analytics.activity(&params.parse()?).await?))
}
