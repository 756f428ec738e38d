//! `/api/webhooks` (admins): subscriptions to change events, their deliveries, redelivery.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::webhooks::NewWebhook;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin, ValidJson};
use crate::models::webhooks::{
    CreateWebhookRequest, DeliveryList, DeliveryParams, DeliveryResponse, WebhookList, WebhookResponse,
};
use crate::services::webhooks::WebhookService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_webhooks, create_webhook))
        .routes(routes!(get_webhook, delete_webhook))
        .routes(routes!(list_deliveries))
        .routes(routes!(redeliver))
}

/// Every subscription (without secrets).
#[utoipa::path(get, path = "/api/webhooks", tag = "webhooks",
    responses((status = 200, description = "Subscriptions", body = WebhookList)))]
pub async fn list_webhooks(State(webhooks): State<Arc<WebhookService>>) -> AppResult<Json<WebhookList>> {
    let data = webhooks.list().await?.into_iter().map(|w| WebhookResponse::new(w, false)).collect();
    Ok(Json(WebhookList { data }))
}

/// Subscribe a URL to change events. The answer holds the signing secret, once: every delivery
/// carries `X-CRM-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` made with it.
#[utoipa::path(post, path = "/api/webhooks", tag = "webhooks", request_body = CreateWebhookRequest,
    responses(
        (status = 201, description = "Subscribed; `secret` is shown only now", body = WebhookResponse,
            headers(("Location" = String, description = "URL of the subscription"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid URL or event patterns", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_webhook(
    State(webhooks): State<Arc<WebhookService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateWebhookRequest>,
) -> AppResult<Response> {
    let new = NewWebhook::parse(body.url, body.events)?;
    let webhook = webhooks.create(new, &origin.actor).await?;
    let location = format!("/api/webhooks/{}", webhook.id);
    let mut response = (StatusCode::CREATED, Json(WebhookResponse::new(webhook, true))).into_response();
    if let Ok(value) = axum::http::HeaderValue::from_str(&location) {
        response.headers_mut().insert(axum::http::header::LOCATION, value);
    }
    Ok(response)
}

/// One subscription (without its secret).
#[utoipa::path(get, path = "/api/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription", body = WebhookResponse),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_webhook(
    State(webhooks): State<Arc<WebhookService>>,
    PathId(id): PathId,
) -> AppResult<Json<WebhookResponse>> {
    Ok(Json(WebhookResponse::new(webhooks.get(&id).await?, false)))
}

/// End a subscription; its queued deliveries are not sent.
#[utoipa::path(delete, path = "/api/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "Subscription id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_webhook(State(webhooks): State<Arc<WebhookService>>, PathId(id): PathId) -> AppResult<StatusCode> {
    webhooks.delete(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The subscription's deliveries, newest first: status, attempts, the target's answer, the body.
#[utoipa::path(get, path = "/api/webhooks/{id}/deliveries", tag = "webhooks",
    params(("id" = String, Path, description = "Subscription id"), DeliveryParams),
    responses(
        (status = 200, description = "A page of deliveries", body = DeliveryList),
        (status = 404, description = "No such subscription", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_deliveries(
    State(webhooks): State<Arc<WebhookService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<DeliveryParams>,
) -> AppResult<Json<DeliveryList>> {
    let (after, limit) = params.parse()?;
    let (rows, next_cursor) = webhooks.deliveries(&id, after.as_deref(), limit).await?;
    Ok(Json(DeliveryList { data: rows.into_iter().map(Into::into).collect(), next_cursor }))
}

/// Send a delivery again now, with a full set of attempts.
#[utoipa::path(post, path = "/api/webhooks/{id}/deliveries/{delivery_id}/redeliver", tag = "webhooks",
    params(("id" = String, Path, description = "Subscription id"), ("delivery_id" = String, Path, description = "Delivery id")),
    responses(
        (status = 202, description = "Queued again", body = DeliveryResponse),
        (status = 404, description = "No such subscription or delivery", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It is being sent right now (`delivery_in_flight`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn redeliver(
    State(webhooks): State<Arc<WebhookService>>,
    Path((id, delivery_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let parse =
        |raw: &str, what: &str| crate::domain::ids::parse_id(raw).ok_or_else(|| AppError::NotFound(what.to_string()));
    let (id, delivery_id) = (parse(&id, "webhook")?, parse(&delivery_id, "delivery")?);
    let delivery = webhooks.redeliver(&id, &delivery_id).await?;
    Ok((StatusCode::ACCEPTED, Json(DeliveryResponse::from(delivery))).into_response())
}
