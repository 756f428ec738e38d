//! `/api/deals`: create, list, pipeline, read (now or `as_of`), update (stage moves), delete, history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, download, with_etag};
use crate::domain::deals::DealPatch;
use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::deals::{
    CreateDealRequest, DealList, DealResponse, ListDealsParams, PipelineParams, PipelineResponse, UpdateDealRequest,
};
use crate::models::exports::ExportParams;
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::services::deals::DealService;
use crate::services::exports::{encode, Format};
use crate::services::history::HistoryService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_deals, create_deal))
        .routes(routes!(export_deals))
        .routes(routes!(pipeline))
        .routes(routes!(get_deal, update_deal, delete_deal))
        .routes(routes!(list_deal_history))
}

/// List deals (keyset-paginated, filterable).
#[utoipa::path(get, path = "/api/deals", tag = "deals", params(ListDealsParams, crate::models::pagination::FieldFilterParams),
    responses(
        (status = 200, description = "A page of deals", body = DealList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_deals(
    State(deals): State<Arc<DealService>>,
    State(fields): State<Arc<crate::services::query::QueryService>>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    ApiQuery(params): ApiQuery<ListDealsParams>,
) -> AppResult<Json<DealList>> {
    if let Some((filter, page)) = crate::models::pagination::field_filter(raw.as_deref())? {
        let object = crate::domain::custom::Object::Deal;
        return Ok(Json(
            fields.list::<crate::domain::deals::Deal>(object, Some(filter), &audience.page(page)).await?.into(),
        ));
    }
    let (query, page) = params.parse()?;
    Ok(Json(deals.list(&query, &audience.page(page)).await?.into()))
}

/// Column order of a deal CSV export.
const DEAL_COLUMNS: &[&str] = &[
    "id",
    "name",
    "company_id",
    "contact_ids",
    "amount",
    "currency",
    "stage",
    "probability",
    "expected_close",
    "owner_id",
    "lost_reason",
    "closed_at",
    "version",
    "created_at",
    "updated_at",
];

/// Export the deals a list selects, as CSV or NDJSON, streamed.
#[utoipa::path(get, path = "/api/deals/export", tag = "deals", params(ListDealsParams, ExportParams),
    responses(
        (status = 200, description = "The deals, as a download", content(
            (String = "text/csv"),
            (String = "application/x-ndjson"),
        )),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_deals(
    State(schema): State<Arc<crate::services::schema::SchemaService>>,
    State(deals): State<Arc<DealService>>,
    ApiQuery(params): ApiQuery<ListDealsParams>,
    ApiQuery(export): ApiQuery<ExportParams>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> AppResult<Response> {
    crate::models::pagination::no_field_filter(raw.as_deref())?;
    let format = Format::parse(export.format.as_deref())?;
    let columns = schema.export_columns(crate::domain::custom::Object::Deal, DEAL_COLUMNS).await?;
    let (query, page) = params.parse()?;
    let pages = deals.export_list(query, page.sort, audience.visible()).await?;
    Ok(download(format, "deals", encode::<_, DealResponse, _>(format, columns, audience.clone(), pages)))
}

/// Create a deal.
#[utoipa::path(post, path = "/api/deals", tag = "deals", request_body = CreateDealRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = DealResponse,
            headers(("Location" = String, description = "URL of the deal"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_deal(
    State(deals): State<Arc<DealService>>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateDealRequest>,
) -> AppResult<Response> {
    let patch = DealPatch::try_from(body)?;
    let deal = deals.create(patch, caller, &origin).await?;
    Ok(created(format!("/api/deals/{}", deal.id), deal.version, DealResponse::from(deal)))
}

/// The pipeline: count, amount and weighted amount per stage and currency; win rate and
/// average days to close.
#[utoipa::path(get, path = "/api/deals/pipeline", tag = "deals", params(PipelineParams),
    responses(
        (status = 200, description = "The pipeline", body = PipelineResponse),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn pipeline(
    State(deals): State<Arc<DealService>>,
    ApiQuery(params): ApiQuery<PipelineParams>,
) -> AppResult<Json<PipelineResponse>> {
    let query = params.parse()?;
    Ok(Json(deals.pipeline(&query).await?.into()))
}

/// Get a deal, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/deals/{id}", tag = "deals",
    params(("id" = String, Path, description = "Deal id"), AsOfParams),
    responses(
        (status = 200, description = "The deal", body = DealResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such deal", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_deal(
    State(deals): State<Arc<DealService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let deal = match as_of(params)? {
        Some(at) => deals.get_as_of(&id, at).await?,
        None => deals.get(&id).await?,
    };
    Ok(with_etag(deal.version, DealResponse::from(deal)))
}

/// Update a deal: fields, stage moves (to `lost` with a `lost_reason`), reopening.
#[utoipa::path(patch, path = "/api/deals/{id}", tag = "deals", request_body = UpdateDealRequest,
    params(("id" = String, Path, description = "Deal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the deal changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = DealResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such deal", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or a rule of the stages", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_deal(
    State(deals): State<Arc<DealService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateDealRequest>,
) -> AppResult<Response> {
    let patch = DealPatch::try_from(body)?;
    let deal = deals.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(deal.version, DealResponse::from(deal)))
}

/// Delete a deal (its history stays readable).
#[utoipa::path(delete, path = "/api/deals/{id}", tag = "deals",
    params(("id" = String, Path, description = "Deal id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the deal changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such deal", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_deal(
    State(deals): State<Arc<DealService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    deals.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The change events of a deal, oldest first (also after it was deleted).
#[utoipa::path(get, path = "/api/deals/{id}/history", tag = "deals",
    params(("id" = String, Path, description = "Deal id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No deal with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_deal_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("deal", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
