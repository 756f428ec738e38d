//! Consent DTOs: a new entry, an entry, the ledger with the contact's state.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::consents::{Consent, ConsentInput};
use crate::services::consents::Ledger;

/// Granted or withdrawn.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatusDto {
    /// The contact agreed.
    Granted,
    /// The contact withdrew.
    Withdrawn,
}

/// A new entry on a contact's consent ledger.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"channel": "email", "purpose": "newsletter", "status": "granted", "text": "Yes, send me the monthly newsletter. I can unsubscribe at any time.", "source": "form", "ip": "203.0.113.7"}))]
pub struct CreateConsentRequest {
    /// `email`, `sms`, `phone`, `push`, `post` or `whatsapp`.
    #[schema(required = true, nullable = false, example = "email")]
    pub channel: Option<String>,
    /// What for (default `marketing`).
    #[schema(max_length = 100)]
    pub purpose: Option<String>,
    /// `granted` or `withdrawn`.
    #[schema(value_type = ConsentStatusDto, required = true)]
    pub status: Option<String>,
    /// The exact wording the contact saw (required when granted).
    #[schema(max_length = 5000)]
    pub text: Option<String>,
    /// Where it was given (default `api`).
    #[schema(max_length = 50)]
    pub source: Option<String>,
    /// The address it came from.
    #[schema(max_length = 45)]
    pub ip: Option<String>,
    /// When it was given (RFC 3339, not in the future; default now).
    #[schema(format = DateTime)]
    pub at: Option<String>,
}

impl From<CreateConsentRequest> for ConsentInput {
    fn from(r: CreateConsentRequest) -> Self {
        ConsentInput {
            channel: r.channel,
            purpose: r.purpose,
            status: r.status,
            text: r.text,
            source: r.source,
            ip: r.ip,
            at: r.at,
        }
    }
}

/// One entry of the ledger.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentResponse {
    /// Id.
    pub id: String,
    /// The contact.
    pub contact_id: String,
    /// Channel.
    pub channel: String,
    /// Purpose.
    pub purpose: String,
    /// Granted or withdrawn.
    #[schema(value_type = ConsentStatusDto)]
    pub status: String,
    /// The wording.
    pub text: Option<String>,
    /// Where it was given.
    pub source: String,
    /// The address it came from.
    pub ip: Option<String>,
    /// When it was given.
    pub at: String,
    /// Who recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    pub created_at: String,
}

impl From<Consent> for ConsentResponse {
    fn from(c: Consent) -> Self {
        Self {
            id: c.id,
            contact_id: c.contact_id,
            channel: c.channel,
            purpose: c.purpose,
            status: c.status.as_str().to_string(),
            text: c.text,
            source: c.source,
            ip: c.ip,
            at: c.at,
            recorded_by: c.recorded_by,
            created_at: c.created_at,
        }
    }
}

/// A page of a contact's ledger, and its state now.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentLedger {
    /// Entries, newest recorded first.
    pub data: Vec<ConsentResponse>,
    /// Pass as `cursor` for the next page; `null` on the last.
    pub next_cursor: Option<String>,
    /// The latest entry per channel and purpose (by `at`): the contact's consent now.
    pub state: Vec<ConsentResponse>,
}

impl From<Ledger> for ConsentLedger {
    fn from(l: Ledger) -> Self {
        Self {
            data: l.page.data.into_iter().map(Into::into).collect(),
            next_cursor: l.page.next_cursor,
            state: l.state.into_iter().map(Into::into).collect(),
        }
    }
}

/// Page of the ledger.
pub type ConsentPageParams = super::pagination::NewestFirstParams;
