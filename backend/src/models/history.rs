//! History DTOs: change events and their list parameters.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::pagination::{list_response, ParamErrors};
use crate::domain::history::ChangeEvent;
use crate::domain::pagination::{parse_limit, Cursor, Page};
use crate::error::AppError;
use crate::services::history::HISTORY_SORT;

/// One field's value before and after a change (`null` = absent).
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldChangeResponse {
    /// Before.
    #[schema(value_type = Value)]
    pub old: serde_json::Value,
    /// After.
    #[schema(value_type = Value)]
    pub new: serde_json::Value,
}

/// An immutable record of one change.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeEventResponse {
    /// Event id.
    pub id: String,
    /// The changed record's kind: `contact`, `company`, `deal`, `support_case`, `task`, ...
    pub entity: String,
    /// Id of the changed record.
    pub entity_id: String,
    /// Version of the record after this change.
    pub version: i64,
    /// `created`, `updated`, `deleted`.
    pub kind: String,
    /// Changed fields.
    pub changes: BTreeMap<String, FieldChangeResponse>,
    /// Who made it: `user:<id>` or `api_key:<id>`.
    pub actor: String,
    /// Who that is: the user's email or the API key's name (`null` when not resolved, e.g. a
    /// deleted user, or in an export).
    pub actor_name: Option<String>,
    /// Through what (`api`, `import`, `seed`, ...).
    pub source: String,
    /// Trace id of the request.
    pub trace_id: String,
    /// The trigger that made the change, when `source` is `trigger`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_id: Option<String>,
    /// When (RFC 3339 UTC).
    pub at: String,
}

impl From<ChangeEvent> for ChangeEventResponse {
    fn from(e: ChangeEvent) -> Self {
        Self {
            id: e.id,
            entity: e.entity,
            entity_id: e.entity_id,
            version: e.version,
            kind: e.kind,
            changes: e.changes.into_iter().map(|(k, c)| (k, FieldChangeResponse { old: c.old, new: c.new })).collect(),
            actor: e.actor,
            actor_name: None,
            source: e.source,
            trace_id: e.trace_id,
            trigger_id: e.trigger_id,
            at: e.at,
        }
    }
}

list_response!(HistoryList, ChangeEventResponse, "A page of change events, oldest first.");

impl HistoryList {
    /// A page whose events name their actors.
    pub fn named(page: Page<ChangeEvent>, names: &HashMap<String, String>) -> Self {
        let mut list: Self = page.into();
        for event in &mut list.data {
            event.actor_name = names.get(&event.actor).cloned();
        }
        list
    }
}

/// Position in a history list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

impl HistoryParams {
    /// The version to continue after, and the page size.
    pub fn parse(self) -> Result<(i64, usize), AppError> {
        let mut errors = ParamErrors::default();
        let limit = parse_limit(self.limit.as_deref()).unwrap_or_else(|m| {
            errors.add("limit", m);
            1
        });
        let after = match self.cursor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => 0,
            Some(c) => match Cursor::decode(c, &HISTORY_SORT).ok().and_then(|c| c.k.parse::<i64>().ok()) {
                Some(v) => v,
                None => {
                    errors.add("cursor", "is not a valid cursor");
                    0
                }
            },
        };
        errors.finish((after, limit))
    }
}

/// `?as_of=` on a single-record GET.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// Rebuild the record as it was at this moment (RFC 3339), from its change events.
    #[param(value_type = Option<String>, format = DateTime, nullable = false)]
    pub as_of: Option<String>,
}
