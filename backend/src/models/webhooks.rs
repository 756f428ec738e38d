//! Webhook DTOs: subscriptions (the secret shown once) and deliveries.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::domain::webhooks::Webhook;
use crate::repositories::webhooks::WebhookDelivery;

/// A new subscription.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://hooks.example.com/crm", "events": ["contact.created", "deal.updated"]}))]
pub struct CreateWebhookRequest {
    /// Where deliveries go: an `http` or `https` URL (private and loopback addresses are
    /// refused at delivery time unless `webhooks.allow_private_targets` is on).
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub url: Option<String>,
    /// Event patterns: `<entity>.<kind>` with entity one of contact, company, deal, case, task,
    /// campaign, segment, consent and kind one of created, updated, deleted; either may be `*`.
    #[validate(length(max = 50))]
    pub events: Option<Vec<String>>,
}

/// A subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookResponse {
    /// Id.
    pub id: String,
    /// Target URL.
    pub url: String,
    /// Event patterns.
    pub events: Vec<String>,
    /// The signing key: only in the answer to the create, never again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Who created it.
    pub created_by: String,
    /// When.
    pub created_at: String,
}

impl WebhookResponse {
    /// The subscription; with its secret only when `reveal`.
    pub fn new(w: Webhook, reveal: bool) -> Self {
        WebhookResponse {
            id: w.id,
            url: w.url,
            events: w.events,
            secret: reveal.then_some(w.secret),
            created_by: w.created_by,
            created_at: w.created_at,
        }
    }
}

/// Every subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookList {
    /// The subscriptions, oldest first.
    pub data: Vec<WebhookResponse>,
}

/// Where a delivery stands.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = WebhookDeliveryStatus)]
pub enum DeliveryStatusSchema {
    /// Waiting for its (next) attempt.
    Queued,
    /// Being sent.
    Sending,
    /// The target answered 2xx.
    Delivered,
    /// Out of attempts, or refused.
    Dead,
}

/// One delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryResponse {
    /// Id (the `X-CRM-Delivery` header).
    pub id: String,
    /// `contact.created`, ...
    pub event: String,
    /// The change event's number in the feed.
    pub number: i64,
    /// Where it stands.
    #[schema(value_type = DeliveryStatusSchema)]
    pub status: String,
    /// Attempts made.
    pub attempts: u32,
    /// The target's last HTTP status.
    pub response_status: Option<u16>,
    /// The last error.
    pub error: Option<String>,
    /// When the target took it.
    pub delivered_at: Option<String>,
    /// When it was queued.
    pub created_at: String,
    /// The body sent (JSON text).
    pub body: String,
}

impl From<WebhookDelivery> for DeliveryResponse {
    fn from(d: WebhookDelivery) -> Self {
        DeliveryResponse {
            id: d.id,
            event: d.event,
            number: d.number,
            status: d.status.as_str().into(),
            attempts: d.attempts,
            response_status: d.response_status,
            error: d.error,
            delivered_at: d.delivered_at,
            created_at: d.created_at,
            body: d.body,
        }
    }
}

/// A page of deliveries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryList {
    /// The deliveries.
    pub data: Vec<DeliveryResponse>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// Page size and position.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[0-9a-f~]*$")]
    pub cursor: Option<String>,
}

impl DeliveryParams {
    /// Cursor and size.
    pub fn parse(self) -> Result<(Option<String>, usize), crate::error::AppError> {
        let mut errors = super::pagination::ParamErrors::default();
        let limit = crate::domain::pagination::parse_limit(self.limit.as_deref()).unwrap_or_else(|m| {
            errors.add("limit", m);
            1
        });
        let cursor = self.cursor.filter(|c| !c.is_empty());
        if cursor.as_deref().is_some_and(|c| c.len() > 200 || !c.chars().all(|ch| ch.is_ascii_hexdigit() || ch == '~'))
        {
            errors.add("cursor", "is not a cursor from this list");
        }
        errors.finish((cursor, limit))
    }
}
