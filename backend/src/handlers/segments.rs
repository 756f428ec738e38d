//! `/api/segments`: saved contact filters, their members now, previews of unsaved filters.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, with_etag};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::contacts::ContactList;
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::models::segments::{
    CreateSegmentRequest, PreviewRequest, PreviewResponse, SegmentList, SegmentPageParams, SegmentResponse,
    UpdateSegmentRequest,
};
use crate::services::history::HistoryService;
use crate::services::segments::SegmentService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_segments, create_segment))
        .routes(routes!(preview_segment))
        .routes(routes!(get_segment, update_segment, delete_segment))
        .routes(routes!(segment_contacts))
        .routes(routes!(list_segment_history))
}

/// List segments, newest first.
#[utoipa::path(get, path = "/api/segments", tag = "segments", params(SegmentPageParams),
    responses(
        (status = 200, description = "A page of segments", body = SegmentList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_segments(
    State(segments): State<Arc<SegmentService>>,
    ApiQuery(params): ApiQuery<SegmentPageParams>,
) -> AppResult<Json<SegmentList>> {
    let page = params.parse()?;
    Ok(Json(segments.list(&page).await?.into()))
}

/// Save a segment. An invalid filter is 422 with `errors[].field` naming the node
/// (`filter.and[1].op`).
#[utoipa::path(post, path = "/api/segments", tag = "segments", request_body = CreateSegmentRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = SegmentResponse,
            headers(("Location" = String, description = "URL of the segment"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or filter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_segment(
    State(segments): State<Arc<SegmentService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateSegmentRequest>,
) -> AppResult<Response> {
    let patch = segments.parse(body.into()).await?;
    let segment = segments.create(patch, &origin).await?;
    Ok(created(format!("/api/segments/{}", segment.id), segment.version, SegmentResponse::from(segment)))
}

/// How many contacts an unsaved filter selects now, and the first 10 of them.
#[utoipa::path(post, path = "/api/segments/preview", tag = "segments", request_body = PreviewRequest,
    responses(
        (status = 200, description = "Count and sample", body = PreviewResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn preview_segment(
    State(segments): State<Arc<SegmentService>>,
    ValidJson(body): ValidJson<PreviewRequest>,
) -> AppResult<Json<PreviewResponse>> {
    let filter = body.filter.ok_or_else(|| AppError::invalid_field("filter", "is required"))?;
    Ok(Json(segments.preview(&filter).await?.into()))
}

/// Get a segment, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/segments/{id}", tag = "segments",
    params(("id" = String, Path, description = "Segment id"), AsOfParams),
    responses(
        (status = 200, description = "The segment", body = SegmentResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such segment", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_segment(
    State(segments): State<Arc<SegmentService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let segment = match as_of(params)? {
        Some(at) => segments.get_as_of(&id, at).await?,
        None => segments.get(&id).await?,
    };
    Ok(with_etag(segment.version, SegmentResponse::from(segment)))
}

/// Change a segment's name, description or filter.
#[utoipa::path(patch, path = "/api/segments/{id}", tag = "segments", request_body = UpdateSegmentRequest,
    params(("id" = String, Path, description = "Segment id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the segment changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = SegmentResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such segment", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or filter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_segment(
    State(segments): State<Arc<SegmentService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateSegmentRequest>,
) -> AppResult<Response> {
    let patch = segments.parse(body.into()).await?;
    let segment = segments.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(segment.version, SegmentResponse::from(segment)))
}

/// Delete a segment (its contacts are untouched).
#[utoipa::path(delete, path = "/api/segments/{id}", tag = "segments",
    params(("id" = String, Path, description = "Segment id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the segment changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such segment", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_segment(
    State(segments): State<Arc<SegmentService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    segments.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The segment's contacts as they are now (newest first); `count=true` adds the total.
#[utoipa::path(get, path = "/api/segments/{id}/contacts", tag = "segments",
    params(("id" = String, Path, description = "Segment id"), SegmentPageParams),
    responses(
        (status = 200, description = "A page of contacts", body = ContactList),
        (status = 404, description = "No such segment", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn segment_contacts(
    State(segments): State<Arc<SegmentService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<SegmentPageParams>,
) -> AppResult<Json<ContactList>> {
    let page = params.parse()?;
    Ok(Json(segments.members(&id, &page).await?.into()))
}

/// The change events of a segment, oldest first.
#[utoipa::path(get, path = "/api/segments/{id}/history", tag = "segments",
    params(("id" = String, Path, description = "Segment id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No segment with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_segment_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("segment", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
