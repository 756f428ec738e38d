//! Timeline DTOs: new entries, entries, list parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::pagination::{list_response, ParamErrors};
use crate::domain::ids::parse_id;
use crate::domain::pagination::{PageRequest, Sort};
use crate::domain::timeline::{TimelineEntry, CHANGE_KIND, MANUAL_KINDS, RECORD_KINDS};
use crate::error::AppError;
use crate::repositories::timeline::TimelineQuery;

/// A note, call, meeting or email to log on a contact's timeline.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "call", "body": "Discussed the Q3 proposal; follow up Friday."}))]
pub struct CreateTimelineEntryRequest {
    /// `note`, `call`, `meeting` or `email`.
    #[schema(example = "note", required = true, nullable = false, pattern = "^(note|call|meeting|email)$")]
    pub kind: Option<String>,
    /// Text, up to 20,000 characters.
    #[validate(length(max = 20000))]
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 20000)]
    pub body: Option<String>,
    /// When it happened (RFC 3339); default now.
    #[schema(nullable = false, format = DateTime)]
    pub at: Option<String>,
}

/// One timeline entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineEntryResponse {
    /// Id.
    pub id: String,
    /// The contact.
    pub contact_id: String,
    /// `note`, `call`, `meeting`, `email`; `change` for the contact's own changes; `deal`, `case`,
    /// `task` for changes to records that name the contact.
    pub kind: String,
    /// Text; for changes a summary naming the changed fields.
    pub body: String,
    /// Who logged it.
    pub actor: String,
    /// Through what.
    pub source: String,
    /// When it happened.
    pub at: String,
    /// When it was recorded.
    pub created_at: String,
    /// For `change` entries: the change event id.
    pub change_event_id: Option<String>,
    /// For `change` entries: `created`, `updated`, `deleted`.
    pub change_kind: Option<String>,
    /// For `change` entries: the version after the change.
    pub version: Option<i64>,
    /// For `change` entries: names of the changed fields.
    pub fields: Option<Vec<String>>,
    /// For entries about another record: its table (`deal`, `support_case`, `task`).
    pub entity: Option<String>,
    /// For entries about another record: its id.
    pub entity_id: Option<String>,
}

impl From<TimelineEntry> for TimelineEntryResponse {
    fn from(e: TimelineEntry) -> Self {
        Self {
            id: e.id,
            contact_id: e.contact_id,
            kind: e.kind,
            body: e.body,
            actor: e.actor,
            source: e.source,
            at: e.at,
            created_at: e.created_at,
            change_event_id: e.change_event_id,
            change_kind: e.change_kind,
            version: e.version,
            fields: e.fields,
            entity: e.entity,
            entity_id: e.entity_id,
        }
    }
}

list_response!(TimelineList, TimelineEntryResponse, "A page of timeline entries, newest first.");

/// Timeline order: newest first (the only order).
pub const TIMELINE_SORT: Sort = Sort { field: "at", desc: true };

/// Filters and position of a timeline list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// Only this contact (feed only).
    #[serde(alias = "contact")]
    #[param(value_type = Option<String>, format = Uuid, nullable = false)]
    pub contact_id: Option<String>,
    /// Only this kind: `note`, `call`, `meeting`, `email`, `change`, or `deal`, `case`, `task` (changes
    /// to records that name the contact).
    #[param(nullable = false, pattern = "^(note|call|meeting|email|change|deal|case|task)?$")]
    pub kind: Option<String>,
    /// At or after this time (RFC 3339).
    #[serde(alias = "from", alias = "since")]
    #[param(value_type = Option<String>, format = DateTime, nullable = false)]
    pub after: Option<String>,
    /// Before this time (RFC 3339).
    #[serde(alias = "to", alias = "until")]
    #[param(value_type = Option<String>, format = DateTime, nullable = false)]
    pub before: Option<String>,
}

impl TimelineParams {
    /// Parses every parameter, reporting all invalid ones at once.
    pub fn parse(self) -> Result<(TimelineQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(self.limit.as_deref(), None, self.cursor.as_deref(), None, &["at"], TIMELINE_SORT);
        let contact_id = self.contact_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).and_then(|s| {
            let id = parse_id(s);
            if id.is_none() {
                errors.add("contact_id", "is not a contact id");
            }
            id
        });
        let kind = self.kind.map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty());
        if let Some(k) = &kind {
            if !MANUAL_KINDS.contains(&k.as_str()) && k != CHANGE_KIND && !RECORD_KINDS.contains(&k.as_str()) {
                errors.add("kind", "must be one of note, call, meeting, email, change, deal, case, task");
            }
        }
        let query = TimelineQuery {
            contact_id,
            kind,
            after: errors.timestamp("after", self.after.as_deref()),
            before: errors.timestamp("before", self.before.as_deref()),
        };
        errors.finish((query, page))
    }
}
