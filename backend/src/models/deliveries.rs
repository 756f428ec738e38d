//! Delivery DTOs: a campaign's progress, audience, messages and analytics; the bounce webhook.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::deliveries::{MessageStatus, Skipped};
use crate::repositories::deliveries::Message;
use crate::services::deliveries::{Audience, Progress};

/// Members left out of a campaign, by reason.
#[derive(Debug, Serialize, ToSchema)]
pub struct SkippedCounts {
    /// Unsubscribed, or withdrew consent for the channel.
    pub unsubscribed: u64,
    /// No consent recorded while `campaigns.require_consent` is on.
    pub no_consent: u64,
    /// The address hard-bounced.
    pub bounced: u64,
    /// Marked `do_not_contact`.
    pub do_not_contact: u64,
}

impl From<Skipped> for SkippedCounts {
    fn from(s: Skipped) -> Self {
        SkippedCounts {
            unsubscribed: s.unsubscribed,
            no_consent: s.no_consent,
            bounced: s.bounced,
            do_not_contact: s.do_not_contact,
        }
    }
}

/// Where a campaign's delivery stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressResponse {
    /// The campaign.
    pub campaign_id: String,
    /// Its status (`running`, `paused`, `completed`, ...).
    pub status: String,
    /// Every member of the audience is queued or skipped.
    pub queued_all: bool,
    /// Messages queued in all.
    pub total: u64,
    /// Waiting for their (next) attempt.
    pub queued: u64,
    /// Being sent.
    pub sending: u64,
    /// Accepted by the receiving server.
    pub sent: u64,
    /// Refused for good.
    pub failed: u64,
    /// Out of attempts (the last error is kept on the message).
    pub dead: u64,
    /// Members left out, by reason.
    pub skipped: SkippedCounts,
}

impl From<Progress> for ProgressResponse {
    fn from(p: Progress) -> Self {
        let m = p.marker;
        ProgressResponse {
            campaign_id: m.campaign_id,
            status: p.status.as_str().into(),
            queued_all: p.queued_all,
            total: m.total,
            queued: m.queued,
            sending: m.sending,
            sent: m.sent,
            failed: m.failed,
            dead: m.dead,
            skipped: m.skipped.into(),
        }
    }
}

/// Who a campaign would reach if executed now.
#[derive(Debug, Serialize, ToSchema)]
pub struct AudienceResponse {
    /// Members of its segment.
    pub members: u64,
    /// Members a message would go to.
    pub recipients: u64,
    /// Members left out, by reason.
    pub skipped: SkippedCounts,
}

impl From<Audience> for AudienceResponse {
    fn from(a: Audience) -> Self {
        AudienceResponse { members: a.members, recipients: a.recipients, skipped: a.skipped.into() }
    }
}

/// Where a message stands.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = MessageStatus)]
pub enum MessageStatusSchema {
    /// Waiting for its (next) attempt.
    Queued,
    /// Being sent.
    Sending,
    /// Accepted.
    Sent,
    /// Refused for good.
    Failed,
    /// Out of attempts.
    Dead,
}

/// One message of a campaign (its content is the campaign's approved email, filled in).
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageResponse {
    /// `<campaign id>_<contact id>`.
    pub id: String,
    /// The recipient.
    pub contact_id: String,
    /// Where it stands.
    #[schema(value_type = MessageStatusSchema)]
    pub status: String,
    /// Attempts made.
    pub attempts: u32,
    /// The last error.
    pub error: Option<String>,
    /// Its `Message-ID`.
    pub message_id: String,
    /// When it was accepted.
    pub sent_at: Option<String>,
    /// First open.
    pub opened_at: Option<String>,
    /// First click.
    pub clicked_at: Option<String>,
    /// When it was queued.
    pub created_at: String,
}

impl From<Message> for MessageResponse {
    fn from(m: Message) -> Self {
        MessageResponse {
            id: m.id,
            contact_id: m.contact_id,
            status: m.status.as_str().into(),
            attempts: m.attempts,
            error: m.error,
            message_id: m.message_id,
            sent_at: m.sent_at,
            opened_at: m.opened_at,
            clicked_at: m.clicked_at,
            created_at: m.created_at,
        }
    }
}

/// A page of a campaign's messages.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageList {
    /// The messages, in id order.
    pub data: Vec<MessageResponse>,
    /// Pass as `cursor` for the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// Which messages, and where to start.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessageParams {
    /// Only messages in this status.
    #[param(value_type = Option<MessageStatusSchema>, nullable = false)]
    pub status: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[0-9a-f_-]*$")]
    pub cursor: Option<String>,
}

impl MessageParams {
    /// Status, cursor and size.
    pub fn parse(self) -> Result<(Option<MessageStatus>, Option<String>, usize), crate::error::AppError> {
        let mut errors = super::pagination::ParamErrors::default();
        let status = errors.choice(
            "status",
            self.status.as_deref(),
            |raw| MessageStatus::ALL.into_iter().find(|s| s.as_str() == raw),
            "must be one of queued, sending, sent, failed, dead",
        );
        let limit = crate::domain::pagination::parse_limit(self.limit.as_deref()).unwrap_or_else(|m| {
            errors.add("limit", m);
            1
        });
        let cursor = self.cursor.filter(|c| !c.is_empty());
        if cursor
            .as_deref()
            .is_some_and(|c| c.len() > 80 || !c.chars().all(|ch| ch.is_ascii_hexdigit() || ch == '-' || ch == '_'))
        {
            errors.add("cursor", "is not a cursor from this list");
        }
        errors.finish((status, cursor, limit))
    }
}

/// Rates, each a share of the messages sent (0 to 1; 0 when none was sent).
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignRates {
    /// delivered / sent.
    pub delivery: f64,
    /// unique_opens / delivered.
    pub open: f64,
    /// unique_clicks / delivered.
    pub click: f64,
    /// unique_clicks / unique_opens.
    pub click_to_open: f64,
    /// unsubscribed / delivered.
    pub unsubscribe: f64,
    /// bounced / sent.
    pub bounce: f64,
    /// conversions / delivered.
    pub conversion: f64,
}

/// What a campaign's messages did, from the recorded events.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignAnalytics {
    /// The campaign.
    pub campaign_id: String,
    /// Emails accepted by the receiving servers.
    pub sent: u64,
    /// Sent and not bounced.
    pub delivered: u64,
    /// Emails refused for good or out of attempts.
    pub failed: u64,
    /// The webhook channel's posts accepted (a 2xx from every subscription).
    pub webhooks_sent: u64,
    /// The webhook channel's posts refused for good or out of attempts.
    pub webhooks_failed: u64,
    /// Opens, every one.
    pub opened: u64,
    /// Messages opened.
    pub unique_opens: u64,
    /// Clicks, every one.
    pub clicked: u64,
    /// Messages clicked.
    pub unique_clicks: u64,
    /// Recipients who unsubscribed through it.
    pub unsubscribed: u64,
    /// Messages that hard-bounced.
    pub bounced: u64,
    /// Conversions: deals won attributed to the campaign (its email reached one of the deal's
    /// contacts last in the 30 days before the win) and forms submitted on its landing pages.
    pub conversions: u64,
    /// Forms submitted on the campaign's landing pages (counted in `conversions`).
    pub form_submissions: u64,
    /// Rates.
    pub rates: CampaignRates,
}

fn rate(n: u64, of: u64) -> f64 {
    if of == 0 {
        0.0
    } else {
        ((n as f64 / of as f64) * 10_000.0).round() / 10_000.0
    }
}

impl CampaignAnalytics {
    /// The figures of a campaign's progress marker, with the forms submitted on its pages.
    pub fn new(p: Progress, form_submissions: u64) -> Self {
        let m = p.marker;
        let conversions = m.conversions + form_submissions;
        // Email figures: the webhook channel's posts are counted apart.
        let sent = m.sent.saturating_sub(m.webhook_sent);
        let delivered = sent.saturating_sub(m.bounced);
        CampaignAnalytics {
            campaign_id: m.campaign_id,
            sent,
            delivered,
            failed: (m.failed + m.dead).saturating_sub(m.webhook_failed),
            webhooks_sent: m.webhook_sent,
            webhooks_failed: m.webhook_failed,
            opened: m.opens,
            unique_opens: m.unique_opens,
            clicked: m.clicks,
            unique_clicks: m.unique_clicks,
            unsubscribed: m.unsubscribed,
            bounced: m.bounced,
            conversions,
            form_submissions,
            rates: CampaignRates {
                delivery: rate(delivered, sent),
                open: rate(m.unique_opens, delivered),
                click: rate(m.unique_clicks, delivered),
                click_to_open: rate(m.unique_clicks, m.unique_opens),
                unsubscribe: rate(m.unsubscribed, delivered),
                bounce: rate(m.bounced, sent),
                conversion: rate(conversions, delivered),
            },
        }
    }
}

/// A bounce reported by an email provider.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BounceRequest {
    /// The address that bounced.
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// `hard` (permanent: the address is never mailed again) or `soft`.
    #[serde(rename = "type")]
    #[schema(pattern = "^(hard|soft)$")]
    pub kind: String,
    /// The bounced message's `Message-ID`, when the provider passes it on.
    #[serde(default)]
    #[schema(max_length = 500)]
    pub message_id: Option<String>,
    /// The provider's diagnostic (not stored).
    #[serde(default)]
    pub reason: Option<String>,
}

/// What a bounce report did.
#[derive(Debug, Serialize, ToSchema)]
pub struct BounceResponse {
    /// Whether the address is newly suppressed.
    pub suppressed: bool,
}
