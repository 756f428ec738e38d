//! Timelines: `POST/GET /api/contacts/{id}/timeline` and the feed `GET /api/timeline`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::ids::parse_ts;
use crate::domain::timeline::NewEntry;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin, ValidJson};
use crate::models::timeline::{CreateTimelineEntryRequest, TimelineEntryResponse, TimelineList, TimelineParams};
use crate::services::timeline::TimelineService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_contact_timeline, create_timeline_entry)).routes(routes!(list_timeline))
}

/// Log a note, call, meeting or email on a contact's timeline.
#[utoipa::path(post, path = "/api/contacts/{id}/timeline", tag = "timeline", request_body = CreateTimelineEntryRequest,
    params(("id" = String, Path, description = "Contact id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Logged", body = TimelineEntryResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_timeline_entry(
    State(timeline): State<Arc<TimelineService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateTimelineEntryRequest>,
) -> AppResult<Response> {
    let at = match body.at.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => Some(parse_ts(raw).ok_or_else(|| AppError::invalid_field("at", "must be an RFC 3339 timestamp"))?),
    };
    let new = NewEntry::parse(body.kind, body.body)?;
    let entry = timeline.add(&id, new, at, &origin).await?;
    Ok((StatusCode::CREATED, Json(TimelineEntryResponse::from(entry))).into_response())
}

/// A contact's timeline, newest first: logged entries and the contact's own changes.
#[utoipa::path(get, path = "/api/contacts/{id}/timeline", tag = "timeline",
    params(("id" = String, Path, description = "Contact id"), TimelineParams),
    responses(
        (status = 200, description = "Entries, newest first", body = TimelineList),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_contact_timeline(
    State(timeline): State<Arc<TimelineService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<TimelineParams>,
) -> AppResult<Json<TimelineList>> {
    let (query, page) = params.parse()?;
    Ok(Json(timeline.for_contact(&id, query, &page).await?.into()))
}

/// The feed across all contacts, newest first (filters: contact, kind, time).
#[utoipa::path(get, path = "/api/timeline", tag = "timeline", params(TimelineParams),
    responses(
        (status = 200, description = "Entries, newest first", body = TimelineList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_timeline(
    State(timeline): State<Arc<TimelineService>>,
    ApiQuery(params): ApiQuery<TimelineParams>,
) -> AppResult<Json<TimelineList>> {
    let (query, page) = params.parse()?;
    Ok(Json(timeline.feed(&query, &page).await?.into()))
}
