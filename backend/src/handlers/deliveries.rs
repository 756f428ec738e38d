//! Campaign delivery: `POST /api/campaigns/{id}/execute`, pause, resume, cancel, progress,
//! audience, messages, `GET /api/analytics/campaign/{id}`; and the routes recipients and email
//! providers reach without credentials: the open pixel `/t/o/{token}`, tracked links
//! `/t/c/{token}`, one-click unsubscribe `/u/{token}` (RFC 8058), `POST /webhooks/bounce`.

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::config::Settings;
use crate::domain::campaigns::CampaignStatus;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin};
use crate::models::campaigns::CampaignResponse;
use crate::models::deliveries::{
    AudienceResponse, BounceRequest, BounceResponse, CampaignAnalytics, MessageList, MessageParams, ProgressResponse,
};
use crate::services::deliveries::{Bounce, DeliveryService};
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(execute_campaign))
        .routes(routes!(pause_campaign))
        .routes(routes!(resume_campaign))
        .routes(routes!(cancel_campaign))
        .routes(routes!(campaign_progress))
        .routes(routes!(campaign_audience))
        .routes(routes!(campaign_messages))
        .routes(routes!(campaign_analytics))
        .routes(routes!(open_pixel))
        .routes(routes!(tracked_click))
        .routes(routes!(unsubscribe_page, unsubscribe))
        .routes(routes!(report_bounce))
}

/// Start sending a campaign (202): its audience is resolved now, less those who unsubscribed,
/// withdrew consent, bounced or are `do_not_contact`, and queued in the background; a campaign
/// with a later `scheduled_at` is scheduled and starts by itself. Executing a running or paused
/// campaign again changes nothing. The webhook channel POSTs one signed `campaign.message` per
/// member (`{id, event, campaign: {id, name}, contact: {id, email, fields}, at}`; only
/// `do_not_contact` keeps a member out) to the subscriptions naming that event.
#[utoipa::path(post, path = "/api/campaigns/{id}/execute", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 202, description = "Started (or scheduled); follow `/progress`", body = CampaignResponse),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No approved asset for a channel (`assets_not_approved`), no segment (`campaign_has_no_audience`), a webhook channel and no subscription to `campaign.message` (`campaign_has_no_webhook`), or finished (`campaign_finished`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn execute_campaign(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let campaign = deliveries.execute(&id, &origin).await?;
    Ok((StatusCode::ACCEPTED, Json(CampaignResponse::from(campaign))).into_response())
}

async fn move_to(
    deliveries: &DeliveryService,
    id: &str,
    to: CampaignStatus,
    origin: &crate::domain::history::Origin,
) -> AppResult<Json<CampaignResponse>> {
    Ok(Json(deliveries.set_status(id, to, origin).await?.into()))
}

/// Pause a running campaign: nothing more is claimed; messages being sent finish.
#[utoipa::path(post, path = "/api/campaigns/{id}/pause", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Paused", body = CampaignResponse),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not running", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn pause_campaign(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Json<CampaignResponse>> {
    move_to(&deliveries, &id, CampaignStatus::Paused, &origin).await
}

/// Resume a paused campaign.
#[utoipa::path(post, path = "/api/campaigns/{id}/resume", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Running again", body = CampaignResponse),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is not paused (`campaign_not_paused`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn resume_campaign(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Json<CampaignResponse>> {
    move_to(&deliveries, &id, CampaignStatus::Running, &origin).await
}

/// Cancel a campaign, mid-delivery too: what is still queued is never sent.
#[utoipa::path(post, path = "/api/campaigns/{id}/cancel", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Cancelled", body = CampaignResponse),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The campaign is finished", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn cancel_campaign(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Json<CampaignResponse>> {
    move_to(&deliveries, &id, CampaignStatus::Cancelled, &origin).await
}

/// Where the campaign's delivery stands (all zero before it starts).
#[utoipa::path(get, path = "/api/campaigns/{id}/progress", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Counts", body = ProgressResponse),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn campaign_progress(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
) -> AppResult<Json<ProgressResponse>> {
    Ok(Json(deliveries.progress(&id).await?.into()))
}

/// Who the campaign would reach if executed now: its segment's members, less those left out.
#[utoipa::path(get, path = "/api/campaigns/{id}/audience", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Counts", body = AudienceResponse),
        (status = 404, description = "No such campaign or segment", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn campaign_audience(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
) -> AppResult<Json<AudienceResponse>> {
    Ok(Json(deliveries.audience(&id).await?.into()))
}

/// The campaign's messages, in id order (`status` filters): attempts, last error, opens, clicks.
#[utoipa::path(get, path = "/api/campaigns/{id}/messages", tag = "campaigns",
    params(("id" = String, Path, description = "Campaign id"), MessageParams),
    responses(
        (status = 200, description = "A page of messages", body = MessageList),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn campaign_messages(
    State(deliveries): State<Arc<DeliveryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<MessageParams>,
) -> AppResult<Json<MessageList>> {
    let (status, after, limit) = params.parse()?;
    let mut rows = deliveries.messages(&id, status, after.as_deref(), limit + 1).await?;
    let next_cursor = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|m| m.id.clone())
    } else {
        None
    };
    Ok(Json(MessageList { data: rows.into_iter().map(Into::into).collect(), next_cursor }))
}

/// What the campaign's messages did: sends, deliveries, opens, clicks, unsubscribes, bounces,
/// conversions, with rates. A conversion is a deal won whose contacts were sent this campaign's
/// email last, within 30 days before the win, or a form submitted on one of its landing pages.
#[utoipa::path(get, path = "/api/analytics/campaign/{id}", tag = "analytics",
    params(("id" = String, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "Figures", body = CampaignAnalytics),
        (status = 404, description = "No such campaign", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn campaign_analytics(
    State(deliveries): State<Arc<DeliveryService>>,
    State(pages): State<Arc<crate::services::landing_pages::LandingPageService>>,
    PathId(id): PathId,
) -> AppResult<Json<CampaignAnalytics>> {
    let progress = deliveries.progress(&id).await?;
    Ok(Json(CampaignAnalytics::new(progress, pages.campaign_submissions(&id).await?)))
}

/// A transparent 1x1 GIF.
const PIXEL: &[u8] = &[
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff,
    0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
    0x02, 0x44, 0x01, 0x00, 0x3b,
];

/// The open pixel: records the message's open, answers a transparent GIF (for any token).
#[utoipa::path(get, path = "/t/o/{token}", tag = "tracking", security(()),
    params(("token" = String, Path, description = "Signed token of the message")),
    responses((status = 200, description = "A 1x1 GIF", content_type = "image/gif")))]
pub async fn open_pixel(State(deliveries): State<Arc<DeliveryService>>, Path(token): Path<String>) -> Response {
    if let Err(e) = deliveries.open(&token).await {
        if !matches!(e, AppError::NotFound(_)) {
            tracing::warn!(error = %e, "recording an open failed");
        }
    }
    ([(header::CONTENT_TYPE, "image/gif"), (header::CACHE_CONTROL, "no-store")], PIXEL).into_response()
}

/// A tracked link: records the click and redirects to the link the message contained (only
/// there: a token for any other URL does not exist).
#[utoipa::path(get, path = "/t/c/{token}", tag = "tracking", security(()),
    params(("token" = String, Path, description = "Signed token of the message and link")),
    responses(
        (status = 302, description = "To the message's link", headers(("Location" = String, description = "The link"))),
        (status = 404, description = "Not a link of ours", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn tracked_click(
    State(deliveries): State<Arc<DeliveryService>>,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let url = deliveries.click(&token).await?;
    Ok((StatusCode::FOUND, [(header::LOCATION, url), (header::CACHE_CONTROL, "no-store".into())]).into_response())
}

fn page(title: &str, body: &str) -> Html<String> {
    Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}}\
         button{{font-size:1rem;padding:.6rem 1.2rem;background:#1d4ed8;color:#fff;border:0;border-radius:6px;cursor:pointer}}</style>\
         </head><body><main><h1>{title}</h1>{body}</main></body></html>"
    ))
}

/// The unsubscribe page: one button unsubscribes (a GET changes nothing, so link scanners
/// cannot unsubscribe anyone).
#[utoipa::path(get, path = "/u/{token}", tag = "tracking", security(()),
    params(("token" = String, Path, description = "Signed unsubscribe token")),
    responses(
        (status = 200, description = "The page", content_type = "text/html"),
        (status = 404, description = "Not a link of ours", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unsubscribe_page(
    State(deliveries): State<Arc<DeliveryService>>,
    Path(token): Path<String>,
) -> AppResult<Html<String>> {
    deliveries.check_unsubscribe(&token).await?;
    Ok(page(
        "Unsubscribe",
        &format!(
            "<p>Stop receiving these emails?</p><form method=\"post\" action=\"/u/{}\">\
             <input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>",
            crate::llm_tools::html::escape(&token)
        ),
    ))
}

/// One-click unsubscribe (RFC 8058: mail clients POST `List-Unsubscribe=One-Click` here; so does
/// the page's button). Doing it twice changes nothing.
#[utoipa::path(post, path = "/u/{token}", tag = "tracking", security(()),
    params(("token" = String, Path, description = "Signed unsubscribe token")),
    responses(
        (status = 200, description = "Unsubscribed", content_type = "text/html"),
        (status = 404, description = "Not a link of ours", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unsubscribe(
    State(deliveries): State<Arc<DeliveryService>>,
    Path(token): Path<String>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
) -> AppResult<Html<String>> {
    deliveries.unsubscribe(&token, Some(peer.ip().to_string())).await?;
    Ok(page("You are unsubscribed", "<p>You will not receive these emails any more.</p>"))
}

/// A bounce from an email provider, signed with `email.bounce_secret`
/// (`X-CRM-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`); a hard bounce suppresses the
/// address for every later campaign.
#[utoipa::path(post, path = "/webhooks/bounce", tag = "tracking", security(()), request_body = BounceRequest,
    params(("X-CRM-Signature" = String, Header, description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">")),
    responses(
        (status = 202, description = "Recorded", body = BounceResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, wrong or stale signature", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Bounce reports are off (`email.bounce_secret` is not set)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn report_bounce(
    State(deliveries): State<Arc<DeliveryService>>,
    State(settings): State<std::sync::Arc<Settings>>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let secret = settings.email.bounce_secret.expose();
    if secret.is_empty() {
        // Off until a secret is set: no report could be told from a forgery.
        return Err(AppError::NotFound("bounce endpoint (email.bounce_secret is not set)".into()));
    }
    let signature = headers.get(crate::domain::signature::HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
    if !crate::domain::signature::verify(secret.as_bytes(), signature, &body, chrono::Utc::now().timestamp()) {
        return Err(AppError::Unauthorized);
    }
    let report: BounceRequest = serde_json::from_slice(&body)
        .map_err(|e| AppError::BadRequest(format!("the body is not a bounce report: {e}")))?;
    let hard = match report.kind.as_str() {
        "hard" => true,
        "soft" => false,
        _ => return Err(AppError::invalid_field("type", "must be hard or soft")),
    };
    let email = crate::domain::fields::parse_email(&report.email).map_err(|m| AppError::invalid_field("email", m))?;
    let suppressed = deliveries.bounce(Bounce { email, hard, message_id: report.message_id }).await?;
    Ok((StatusCode::ACCEPTED, Json(BounceResponse { suppressed })).into_response())
}
