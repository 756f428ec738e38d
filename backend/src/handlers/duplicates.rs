//! `/api/contacts/duplicates` and merging: pairs of contacts that look like one person, the
//! background scan that finds them, merge and unmerge.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin, ValidJson};
use crate::models::duplicates::{
    DuplicateList, DuplicateParams, MergeRequest, MergeResponse, ScanResponse, UnmergeRequest, UnmergeResponse,
};
use crate::services::duplicates::DuplicateService;
use crate::services::merges::MergeService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_duplicates))
        .routes(routes!(scan_progress, rescan))
        .routes(routes!(merge_contact))
        .routes(routes!(unmerge_contact))
}

/// Pairs of contacts that look like one person, each with the strongest `reason`, checked
/// against the contacts as they are now. A background scan finds them: it reads every contact
/// once (see `GET /api/contacts/duplicates/scan` for its progress), then each contact written
/// since, within about a second.
#[utoipa::path(get, path = "/api/contacts/duplicates", tag = "contacts", params(DuplicateParams),
    responses(
        (status = 200, description = "Duplicate pairs", body = DuplicateList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_duplicates(
    State(duplicates): State<Arc<DuplicateService>>,
    ApiQuery(params): ApiQuery<DuplicateParams>,
) -> AppResult<Json<DuplicateList>> {
    let (reason, cursor, limit) = params.parse()?;
    let (pairs, next_cursor) = duplicates.list(reason, cursor.as_deref(), limit).await?;
    Ok(Json(DuplicateList { data: pairs.into_iter().map(Into::into).collect(), next_cursor, total: None }))
}

/// Where the duplicate scan stands.
#[utoipa::path(get, path = "/api/contacts/duplicates/scan", tag = "contacts",
    responses((status = 200, description = "Progress", body = ScanResponse)))]
pub async fn scan_progress(State(duplicates): State<Arc<DuplicateService>>) -> AppResult<Json<ScanResponse>> {
    Ok(Json(duplicates.progress().await?.into()))
}

/// Scan every contact again from the start (in the background; follow the progress with GET).
#[utoipa::path(post, path = "/api/contacts/duplicates/scan", tag = "contacts",
    responses((status = 202, description = "Scanning from the start", body = ScanResponse)))]
pub async fn rescan(State(duplicates): State<Arc<DuplicateService>>) -> AppResult<(StatusCode, Json<ScanResponse>)> {
    Ok((StatusCode::ACCEPTED, Json(duplicates.rescan().await?.into())))
}

/// Merge another contact into this one: this contact takes the fields chosen as `theirs`, both
/// contacts' tags, the other's timeline and every deal, case and task naming it; the other is
/// retired (its GET answers 410 with `merged_into`). Both histories record the merge (kinds
/// `merged` and `merged_into`, `source: merge`, `trace_id`: the merge id).
#[utoipa::path(post, path = "/api/contacts/{id}/merge", tag = "contacts", request_body = MergeRequest,
    params(("id" = String, Path, description = "The contact that stays")),
    responses(
        (status = 200, description = "Merged", body = MergeResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The other contact was already merged, or a contact changed meanwhile", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "This contact was merged into another", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or no other contact with that id", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn merge_contact(
    State(merges): State<Arc<MergeService>>,
    RequestOrigin(origin): RequestOrigin,
    PathId(id): PathId,
    ValidJson(body): ValidJson<MergeRequest>,
) -> AppResult<Json<MergeResponse>> {
    let other_id = crate::domain::ids::parse_id(&body.other_id)
        .ok_or_else(|| crate::error::AppError::invalid_field("other_id", "is not a contact id"))?;
    let (contact, merge_id) = merges.merge(&id, &other_id, body.sides(), &origin).await?;
    Ok(Json(MergeResponse { contact: contact.into(), merge_id }))
}

/// Undo a merge: both contacts as they were before it, and every deal, case, task and timeline
/// entry it moved back where it was. Refused (409) once any of them changed after the merge.
#[utoipa::path(post, path = "/api/contacts/{id}/unmerge", tag = "contacts", request_body = UnmergeRequest,
    params(("id" = String, Path, description = "The contact the merge went into")),
    responses(
        (status = 200, description = "Both contacts restored", body = UnmergeResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already undone, or something the merge wrote changed since", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a merge into this contact", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unmerge_contact(
    State(merges): State<Arc<MergeService>>,
    RequestOrigin(origin): RequestOrigin,
    PathId(id): PathId,
    ValidJson(body): ValidJson<UnmergeRequest>,
) -> AppResult<Json<UnmergeResponse>> {
    let (contact, other) = merges.unmerge(&id, body.merge_id.trim(), &origin).await?;
    Ok(Json(UnmergeResponse { contact: contact.into(), other: other.into() }))
}
