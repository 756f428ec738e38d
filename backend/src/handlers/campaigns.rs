//! `/api/campaigns`: create, list, read (now or `as_of`), update and move through the status
//! machine, delete, history; assets: generate (JSON or streamed), list, read, edit, approve,
//! history.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::llm_tools::{event_stream, json_event};
use super::{created, with_etag};
use crate::domain::campaigns::{AssetKind, CampaignPatch};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::campaigns::{
    AssetList, AssetResponse, CampaignList, CampaignResponse, CreateCampaignRequest, GenerateAssetsRequest,
    ListCampaignsParams, UpdateAssetRequest, UpdateCampaignRequest,
};
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::models::llm_tools::{SseEventDto, StreamParams};
use crate::services::campaigns::CampaignService;
use crate::services::history::HistoryService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_campaigns, create_campaign))
        .routes(routes!(get_campaign, update_campaign, delete_campaign))
        .routes(routes!(list_campaign_history))
        .routes(routes!(list_assets))
        .routes(routes!(get_asset, update_asset))
        .routes(routes!(approve_asset))
        .routes(routes!(list_asset_history))
}

/// Asset generation, outside the request timeout (it calls the model).
pub fn long_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(generate_assets))
}

/// Two path ids: the campaign's and the asset's.
fn ids(campaign_id: String, asset_id: String) -> AppResult<(String, String)> {
    let parse =
        |raw: &str, what: &str| crate::domain::ids::parse_id(raw).ok_or_else(|| AppError::NotFound(what.to_string()));
    Ok((parse(&campaign_id, "campaign")?, parse(&asset_id, "asset")?))
}

/// List campaigns, newest first (`status` filters).
#[utoipa::path(get, path = "/api/campaigns", tag = "campaigns", params(ListCampaignsParams),
    responses(
        (status = 200, description = "A page of campaigns", body = CampaignList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_campaigns(
    State(campaigns): State<Arc<CampaignService>>,
    ApiQuery(params): ApiQuery<ListCampaignsParams>,
) -> AppResult<Json<CampaignList>> {
    let (status, page) = params.parse()?;
    Ok(Json(campaigns.list(status, &page).await?.into()))
}

/// Create a campaign (a draft).
#[utoipa::path(post, path = "/api/campaigns", tag = "campaigns", request_body = CreateCampaignRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = CampaignResponse,
            headers(("Location" = String, description = "URL of the campaign"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_campaign(
    State(campaigns): State<Arc<CampaignService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateCampaignRequest>,
) -> AppResult<Response> {
    let patch = CampaignPatch::try_from(body)?;
    let campaign = campaigns.create(patch, &origin).await?;
    Ok(created(format!("/api/campaigns/{}", campaign.id), campaign.version, CampaignResponse::from(campaign)))
}

/// Get a campaign, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/campaigns/{id}", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"), AsOfParams),
    responses(
        (status = 200, description = "The campaign", body = CampaignResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_campaign(
    State(campaigns): State<Arc<CampaignService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let campaign = match as_of(params)? {
        Some(at) => campaigns.get_as_of(&id, at).await?,
        None => campaigns.get(&id).await?,
    };
    Ok(with_etag(campaign.version, CampaignResponse::from(campaign)))
}

/// Update a campaign or move its status. Content changes only while it is a draft (409
/// `campaign_not_editable`); a move the status machine forbids is 409 (`invalid_status_transition`,
/// `campaign_finished`); scheduling needs an approved asset for each channel (409
/// `assets_not_approved`).
#[utoipa::path(patch, path = "/api/campaigns/{id}", tag = "campaigns", request_body = UpdateCampaignRequest,
    params(("id" = String, Path, description = "Campaign id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the campaign changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = CampaignResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A status move or change the campaign's state forbids", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_campaign(
    State(campaigns): State<Arc<CampaignService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateCampaignRequest>,
) -> AppResult<Response> {
    let patch = CampaignPatch::try_from(body)?;
    let campaign = campaigns.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(campaign.version, CampaignResponse::from(campaign)))
}

/// Delete a campaign that is not under way (409 `campaign_active` when scheduled, running or paused).
#[utoipa::path(delete, path = "/api/campaigns/{id}", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the campaign changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is under way", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_campaign(
    State(campaigns): State<Arc<CampaignService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    campaigns.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The change events of a campaign, oldest first.
#[utoipa::path(get, path = "/api/campaigns/{id}/history", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No campaign with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_campaign_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("campaign", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}

/// Write one draft asset per kind from the campaign's brief (a draft campaign only). With
/// `stream=true` the answer is `text/event-stream`: `partial` events (`{"kind", "text"}`) as
/// each asset is written, an `asset` event per stored asset, then `result` (`{"data": [...]}`)
/// or `error` (problem+json).
#[utoipa::path(post, path = "/api/campaigns/{id}/assets", tag = "campaigns", request_body = GenerateAssetsRequest,
    params(("id" = String, Path, description = "Campaign id"), StreamParams),
    responses(
        (status = 200, description = "With `stream=true`: Server-Sent Events (`partial`, `asset`, then `result` or `error`)", content_type = "text/event-stream", body = SseEventDto),
        (status = 201, description = "The new assets, in the order of `kinds`", body = AssetList),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not a draft, or holds too many assets", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid kinds, or the model's answer failed the checks twice", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Today's token budget is spent", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "The model could not be reached", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn generate_assets(
    State(campaigns): State<Arc<CampaignService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ApiQuery(params): ApiQuery<StreamParams>,
    ValidJson(body): ValidJson<GenerateAssetsRequest>,
) -> AppResult<Response> {
    let kinds = body.kinds()?;
    if !params.wanted()? {
        let assets = campaigns.generate(&id, &kinds, &origin, None).await?;
        return Ok((StatusCode::CREATED, Json(AssetList::new(assets))).into_response());
    }
    // Refusals that need no model (no such campaign, not a draft) are plain error responses.
    campaigns.draft(&id).await?;
    Ok(event_stream(|events| async move {
        let on_piece = {
            let events = events.clone();
            move |kind: AssetKind, text: String| {
                let _ = events.send(json_event("partial", &json!({ "kind": kind.as_str(), "text": text })));
            }
        };
        let list = AssetList::new(campaigns.generate(&id, &kinds, &origin, Some(&on_piece)).await?);
        let mut last: Vec<_> = list.data.iter().map(|asset| json_event("asset", asset)).collect();
        last.push(json_event("result", &list));
        Ok(last)
    })
    .into_response())
}

/// The campaign's assets, oldest first.
#[utoipa::path(get, path = "/api/campaigns/{id}/assets", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Its assets", body = AssetList),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_assets(
    State(campaigns): State<Arc<CampaignService>>,
    PathId(id): PathId,
) -> AppResult<Json<AssetList>> {
    Ok(Json(AssetList::new(campaigns.assets(&id).await?)))
}

/// One asset.
#[utoipa::path(get, path = "/api/campaigns/{id}/assets/{asset_id}", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"), ("asset_id" = String, Path, description = "Asset id")),
    responses(
        (status = 200, description = "The asset", body = AssetResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such campaign or asset", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_asset(
    State(campaigns): State<Arc<CampaignService>>,
    Path((campaign_id, asset_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (campaign_id, asset_id) = ids(campaign_id, asset_id)?;
    let asset = campaigns.asset(&campaign_id, &asset_id).await?;
    Ok(with_etag(asset.version, AssetResponse::from(asset)))
}

/// Edit an asset: the content fields given replace the current ones; the result is checked
/// like a generated asset (email HTML sanitised, 422 naming an unknown merge field). A change
/// is a new version and makes the asset a draft again. A draft campaign's assets only.
#[utoipa::path(patch, path = "/api/campaigns/{id}/assets/{asset_id}", tag = "campaigns", request_body = UpdateAssetRequest,
    params(("id" = String, Path, description = "Campaign id"), ("asset_id" = String, Path, description = "Asset id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the asset changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = AssetResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such campaign or asset", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid content", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_asset(
    State(campaigns): State<Arc<CampaignService>>,
    Path((campaign_id, asset_id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateAssetRequest>,
) -> AppResult<Response> {
    let (campaign_id, asset_id) = ids(campaign_id, asset_id)?;
    let content = body.content.ok_or_else(|| AppError::invalid_field("content", "is required"))?;
    let asset = campaigns.edit_asset(&campaign_id, &asset_id, content, pre, &origin).await?;
    Ok(with_etag(asset.version, AssetResponse::from(asset)))
}

/// Approve an asset as it is (an approved one is answered as it is).
#[utoipa::path(post, path = "/api/campaigns/{id}/assets/{asset_id}/approve", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"), ("asset_id" = String, Path, description = "Asset id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the asset changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Approved", body = AssetResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such campaign or asset", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not a draft", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn approve_asset(
    State(campaigns): State<Arc<CampaignService>>,
    Path((campaign_id, asset_id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let (campaign_id, asset_id) = ids(campaign_id, asset_id)?;
    let asset = campaigns.approve_asset(&campaign_id, &asset_id, pre, &origin).await?;
    Ok(with_etag(asset.version, AssetResponse::from(asset)))
}

/// The change events of an asset, oldest first (each edit's `changes` is its diff).
#[utoipa::path(get, path = "/api/campaigns/{id}/assets/{asset_id}/history", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"), ("asset_id" = String, Path, description = "Asset id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No such asset ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_asset_history(
    State(campaigns): State<Arc<CampaignService>>,
    State(history): State<Arc<HistoryService>>,
    Path((campaign_id, asset_id)): Path<(String, String)>,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (campaign_id, asset_id) = ids(campaign_id, asset_id)?;
    campaigns.asset(&campaign_id, &asset_id).await?;
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("campaign_asset", &asset_id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
