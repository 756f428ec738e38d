//! Analytics DTOs: the date range and the four summaries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::pagination::ParamErrors;
use crate::domain::analytics::DayRange;
use crate::error::AppResult;

/// The days a summary covers, both ends included, in UTC; an open end takes everything.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// First day: `YYYY-MM-DD` or an RFC 3339 time (its UTC day).
    pub from: Option<String>,
    /// Last day, included: `YYYY-MM-DD` or an RFC 3339 time (its UTC day).
    pub to: Option<String>,
}

/// The UTC day of a `YYYY-MM-DD` date or an RFC 3339 time.
fn parse_day(errors: &mut ParamErrors, field: &str, raw: Option<&str>) -> Option<String> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    if let Ok(d) = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Some(d.format("%Y-%m-%d").to_string());
    }
    match crate::domain::ids::parse_ts(raw) {
        Some(at) => Some(at.format("%Y-%m-%d").to_string()),
        None => {
            errors.add(field, "must be a date such as 2026-01-31 or an RFC 3339 time");
            None
        }
    }
}

impl RangeParams {
    /// The day range; 422 when a bound does not parse or `from` is after `to`.
    pub fn parse(&self) -> AppResult<DayRange> {
        let mut errors = ParamErrors::default();
        let from = parse_day(&mut errors, "from", self.from.as_deref());
        let to = parse_day(&mut errors, "to", self.to.as_deref());
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                errors.add("to", "must not be before from");
            }
        }
        errors.finish(DayRange { from, to })
    }
}

/// A value and how many have it.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct KeyCount {
    /// The value (a status, source, tag, kind or stage; `(none)` for no source).
    pub key: String,
    /// How many.
    pub count: i64,
}

/// A company and how many contacts it has.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct CompanyCount {
    /// Company id; null for contacts without a company.
    pub company_id: Option<String>,
    /// Its name, when it still exists.
    pub name: Option<String>,
    /// How many contacts.
    pub count: i64,
}

/// A day and a count.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct DayCount {
    /// UTC day, `YYYY-MM-DD`.
    pub day: String,
    /// How many.
    pub count: i64,
}

/// Contacts created in the range, by status, source, tag and company, and per day.
#[derive(Debug, Serialize, ToSchema, PartialEq)]
pub struct ContactAnalytics {
    /// First day covered, if bounded.
    pub from: Option<String>,
    /// Last day covered, if bounded.
    pub to: Option<String>,
    /// Contacts created in the range that still exist.
    pub total: i64,
    /// Every status, in funnel order.
    pub by_status: Vec<KeyCount>,
    /// Sources, most contacts first (at most 50).
    pub by_source: Vec<KeyCount>,
    /// Tags, most contacts first (at most 50).
    pub by_tag: Vec<KeyCount>,
    /// Companies with the most contacts now, whatever the range (at most 20).
    pub by_company: Vec<CompanyCount>,
    /// New contacts per day, every day of the range (zeros included).
    pub new_per_day: Vec<DayCount>,
}

/// One status of the funnel.
#[derive(Debug, Serialize, ToSchema, PartialEq)]
pub struct FunnelStageResponse {
    /// Status.
    pub status: String,
    /// Contacts that entered it in the range (created in it or moved to it).
    pub entered: i64,
    /// Contacts that moved on from it to a later stage in the range.
    pub advanced: i64,
    /// `advanced / entered` (4 decimals); null when nobody entered or no stage follows.
    pub conversion_rate: Option<f64>,
}

/// The contact funnel in the range, from the change history.
#[derive(Debug, Serialize, ToSchema, PartialEq)]
pub struct FunnelAnalytics {
    /// First day covered, if bounded.
    pub from: Option<String>,
    /// Last day covered, if bounded.
    pub to: Option<String>,
    /// Every status, in funnel order (`churned` last).
    pub stages: Vec<FunnelStageResponse>,
}

/// Deals in the range: created by stage, closed won and lost.
#[derive(Debug, Serialize, ToSchema, PartialEq)]
pub struct PipelineAnalytics {
    /// First day covered, if bounded.
    pub from: Option<String>,
    /// Last day covered, if bounded.
    pub to: Option<String>,
    /// Deals created in the range, by their stage now (every stage).
    pub by_stage: Vec<KeyCount>,
    /// Deals won in the range (by close day).
    pub won: i64,
    /// Deals lost in the range (by close day).
    pub lost: i64,
    /// `won / (won + lost)` (4 decimals); null when none closed.
    pub win_rate: Option<f64>,
    /// Mean days from creation to close of the deals closed in the range (1 decimal).
    pub average_days_to_close: Option<f64>,
}

/// One day of activity.
#[derive(Debug, Serialize, ToSchema, PartialEq)]
pub struct ActivityDay {
    /// UTC day.
    pub day: String,
    /// Entries that day.
    pub total: i64,
    /// Entries that day by kind.
    pub by_kind: BTreeMap<String, i64>,
}

/// Timeline entries in the range, by kind and per day.
#[derive(Debug, Serialize, ToSchema, PartialEq)]
pub struct ActivityAnalytics {
    /// First day covered, if bounded.
    pub from: Option<String>,
    /// Last day covered, if bounded.
    pub to: Option<String>,
    /// Kinds, most entries first.
    pub by_kind: Vec<KeyCount>,
    /// Every day of the range (zeros included).
    pub per_day: Vec<ActivityDay>,
}
