//! `/api/cases`: open, list, the open queue, read (now or `as_of`), update, close, reopen,
//! interactions, history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, with_etag};
use crate::domain::cases::CasePatch;
use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, OptionalJson, PathId, RequestOrigin, ValidJson};
use crate::models::cases::{
    CaseList, CaseResponse, CloseCaseRequest, CreateCaseRequest, CreateInteractionRequest, InteractionList,
    InteractionParams, InteractionResponse, ListCasesParams, OpenCasesParams, UpdateCaseRequest,
};
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::services::cases::CaseService;
use crate::services::history::HistoryService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_cases, open_case))
        .routes(routes!(open_queue))
        .routes(routes!(get_case, update_case))
        .routes(routes!(close_case))
        .routes(routes!(reopen_case))
        .routes(routes!(list_interactions, add_interaction))
        .routes(routes!(list_case_history))
}

/// List cases (keyset-paginated, filterable; newest first by default).
#[utoipa::path(get, path = "/api/cases", tag = "cases", params(ListCasesParams, crate::models::pagination::FieldFilterParams),
    responses(
        (status = 200, description = "A page of cases", body = CaseList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_cases(
    State(cases): State<Arc<CaseService>>,
    State(fields): State<Arc<crate::services::query::QueryService>>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    ApiQuery(params): ApiQuery<ListCasesParams>,
) -> AppResult<Json<CaseList>> {
    if let Some((filter, page)) = crate::models::pagination::field_filter(raw.as_deref())? {
        let object = crate::domain::custom::Object::Case;
        return Ok(Json(
            fields.list::<crate::domain::cases::SupportCase>(object, Some(filter), &audience.page(page)).await?.into(),
        ));
    }
    let (query, page) = params.parse()?;
    Ok(Json(cases.list(&query, &audience.page(page)).await?.into()))
}

/// Open a case.
#[utoipa::path(post, path = "/api/cases", tag = "cases", request_body = CreateCaseRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Opened", body = CaseResponse,
            headers(("Location" = String, description = "URL of the case"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn open_case(
    State(cases): State<Arc<CaseService>>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateCaseRequest>,
) -> AppResult<Response> {
    let patch = CasePatch::try_from(body)?;
    let case = cases.open(patch, caller, &origin).await?;
    Ok(created(format!("/api/cases/{}", case.id), case.version, CaseResponse::from(case)))
}

/// The open queue: open cases, oldest first (optionally of one company).
#[utoipa::path(get, path = "/api/cases/open", tag = "cases", params(OpenCasesParams),
    responses(
        (status = 200, description = "A page of open cases, oldest first", body = CaseList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn open_queue(
    State(cases): State<Arc<CaseService>>,
    audience: crate::services::security::Audience,
    ApiQuery(params): ApiQuery<OpenCasesParams>,
) -> AppResult<Json<CaseList>> {
    let (query, page) = params.parse()?;
    Ok(Json(cases.list(&query, &audience.page(page)).await?.into()))
}

/// Get a case, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/cases/{id}", tag = "cases",
    params(("id" = String, Path, description = "Case id"), AsOfParams),
    responses(
        (status = 200, description = "The case", body = CaseResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_case(
    State(cases): State<Arc<CaseService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let case = match as_of(params)? {
        Some(at) => cases.get_as_of(&id, at).await?,
        None => cases.get(&id).await?,
    };
    Ok(with_etag(case.version, CaseResponse::from(case)))
}

/// Update some fields of a case.
#[utoipa::path(patch, path = "/api/cases/{id}", tag = "cases", request_body = UpdateCaseRequest,
    params(("id" = String, Path, description = "Case id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the case changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = CaseResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_case(
    State(cases): State<Arc<CaseService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateCaseRequest>,
) -> AppResult<Response> {
    let patch = CasePatch::try_from(body)?;
    let case = cases.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(case.version, CaseResponse::from(case)))
}

/// Close a case, with an optional resolution. A closed case cannot be closed again (409 `case_closed`).
#[utoipa::path(post, path = "/api/cases/{id}/close", tag = "cases", request_body(content = Option<CloseCaseRequest>, description = "Optional"),
    params(("id" = String, Path, description = "Case id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the case changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Closed", body = CaseResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed already", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn close_case(
    State(cases): State<Arc<CaseService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    OptionalJson(body): OptionalJson<CloseCaseRequest>,
) -> AppResult<Response> {
    let resolution = body.and_then(|b| b.resolution).map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
    let case = cases.close(&id, resolution, pre, &origin).await?;
    Ok(with_etag(case.version, CaseResponse::from(case)))
}

/// Reopen a closed case (409 `case_open` when it is open).
#[utoipa::path(post, path = "/api/cases/{id}/reopen", tag = "cases",
    params(("id" = String, Path, description = "Case id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the case changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Reopened", body = CaseResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is open", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reopen_case(
    State(cases): State<Arc<CaseService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let case = cases.reopen(&id, pre, &origin).await?;
    Ok(with_etag(case.version, CaseResponse::from(case)))
}

/// The interactions of a case, oldest first.
#[utoipa::path(get, path = "/api/cases/{id}/interactions", tag = "cases",
    params(("id" = String, Path, description = "Case id"), InteractionParams),
    responses(
        (status = 200, description = "A page of interactions", body = InteractionList),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_interactions(
    State(cases): State<Arc<CaseService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<InteractionParams>,
) -> AppResult<Json<InteractionList>> {
    let page = params.parse()?;
    Ok(Json(cases.interactions(&id, &page).await?.into()))
}

/// Add a note, call, email or meeting to an open case (409 `case_closed` on a closed one).
#[utoipa::path(post, path = "/api/cases/{id}/interactions", tag = "cases", request_body = CreateInteractionRequest,
    params(("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Added", body = InteractionResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn add_interaction(
    State(cases): State<Arc<CaseService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateInteractionRequest>,
) -> AppResult<impl IntoResponse> {
    let interaction = cases.interact(&id, body.kind, body.body, &origin).await?;
    Ok((StatusCode::CREATED, Json(InteractionResponse::from(interaction))))
}

/// The change events of a case, oldest first.
#[utoipa::path(get, path = "/api/cases/{id}/history", tag = "cases",
    params(("id" = String, Path, description = "Case id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No case with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_case_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("support_case", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
