//! Change-feed DTOs: the feed's parameters and its entries.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::history::ChangeEventResponse;
use super::pagination::ParamErrors;
use crate::domain::history::ChangeEvent;
use crate::domain::pagination::parse_limit;
use crate::error::AppError;

/// One change event and its place in the feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeFeedEntry {
    /// This event's position: pass it as `after` (or, in the stream, it is the SSE `id`) to
    /// continue after it.
    pub cursor: String,
    /// The event.
    #[serde(flatten)]
    pub event: ChangeEventResponse,
}

impl ChangeFeedEntry {
    /// The entry of the event numbered `seq`.
    pub fn new(seq: i64, event: ChangeEvent) -> Self {
        Self { cursor: seq.to_string(), event: event.into() }
    }
}

/// A page of the change feed, in commit order.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeFeedPage {
    /// The events after `after`, oldest first.
    pub data: Vec<ChangeFeedEntry>,
    /// The last entry's cursor: pass it as `after` for the events that follow; `null` when this
    /// page is empty (nothing after `after` yet: ask again later with the same `after`).
    pub next_cursor: Option<String>,
}

impl ChangeFeedPage {
    /// The page of these numbered events.
    pub fn new(events: Vec<(i64, ChangeEvent)>) -> Self {
        let data: Vec<ChangeFeedEntry> = events.into_iter().map(|(seq, e)| ChangeFeedEntry::new(seq, e)).collect();
        let next_cursor = data.last().map(|e| e.cursor.clone());
        Self { data, next_cursor }
    }
}

/// Where to read the feed from.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangeFeedParams {
    /// A `cursor` (or `next_cursor`) from an earlier read: the events after it. Absent: from the
    /// first event.
    #[param(nullable = false, pattern = "^[0-9]{1,18}$")]
    pub after: Option<String>,
    /// Only events of this entity (`contact`, `company`, `deal`, `support_case`, `task`, `segment`, ...).
    #[param(nullable = false, pattern = "^[a-z_]{1,40}$")]
    pub entity: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
}

/// Where the stream starts and what it carries.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangeStreamParams {
    /// Start after this cursor (`Last-Event-ID`, sent by a reconnecting client, wins). Absent:
    /// only events numbered from now on; `0`: from the first event.
    #[param(nullable = false, pattern = "^[0-9]{1,18}$")]
    pub after: Option<String>,
    /// Only events of this entity.
    #[param(nullable = false, pattern = "^[a-z_]{1,40}$")]
    pub entity: Option<String>,
}

/// A parsed feed position and filter.
pub struct FeedQuery {
    /// Number to continue after, when given.
    pub after: Option<i64>,
    /// Entity filter.
    pub entity: Option<String>,
    /// Page size.
    pub limit: usize,
}

impl ChangeFeedParams {
    /// Checks the parameters.
    pub fn parse(self) -> Result<FeedQuery, AppError> {
        let mut errors = ParamErrors::default();
        let limit = parse_limit(self.limit.as_deref()).unwrap_or_else(|m| {
            errors.add("limit", m);
            1
        });
        let after = cursor(&mut errors, "after", self.after.as_deref());
        let entity = entity(&mut errors, self.entity.as_deref());
        errors.finish(FeedQuery { after, entity, limit })
    }
}

impl ChangeStreamParams {
    /// Checks the parameters; `last_event_id` is the `Last-Event-ID` header.
    pub fn parse(self, last_event_id: Option<&str>) -> Result<FeedQuery, AppError> {
        let mut errors = ParamErrors::default();
        let after = match last_event_id {
            Some(id) => cursor(&mut errors, "Last-Event-ID", Some(id)),
            None => cursor(&mut errors, "after", self.after.as_deref()),
        };
        let entity = entity(&mut errors, self.entity.as_deref());
        errors.finish(FeedQuery { after, entity, limit: crate::domain::pagination::MAX_LIMIT })
    }
}

fn cursor(errors: &mut ParamErrors, field: &str, raw: Option<&str>) -> Option<i64> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    match raw.parse::<i64>() {
        Ok(n) if n >= 0 && raw.bytes().all(|b| b.is_ascii_digit()) => Some(n),
        _ => {
            errors.add(field, "is not a cursor of this feed");
            None
        }
    }
}

fn entity(errors: &mut ParamErrors, raw: Option<&str>) -> Option<String> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    if raw.len() <= 40 && raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        Some(raw.to_string())
    } else {
        errors.add("entity", "must be an entity name such as contact or deal");
        None
    }
}
