//! Analytics counters: what one change adds to or takes from the per-day counts the analytics
//! endpoints sum, and the summaries built from those sums. Pure: the repository stores the
//! counts in the write's own transaction, and a recount from the records and their history must
//! give the same sums (tests/analytics.rs).

use std::collections::BTreeMap;

use serde_json::Value;

use super::contacts::{Contact, ContactStatus};
use super::deals::{Deal, Stage};
use super::history::ChangeEvent;
use super::timeline::TimelineEntry;

/// Contacts by status, on the day they were created.
pub const CONTACT_STATUS: &str = "contact.status";
/// Contacts by source (`(none)` without one), on the day they were created.
pub const CONTACT_SOURCE: &str = "contact.source";
/// Contacts by tag, on the day they were created.
pub const CONTACT_TAG: &str = "contact.tag";
/// Contacts by company (`(none)` without one), all days in one: companies are many, so a
/// per-day count would make a summary read a row per contact.
pub const CONTACT_COMPANY: &str = "contact.company";
/// The day of counters kept for all days at once (below every real day).
pub const ALL_DAYS: &str = "";
/// Contacts entering a status, on the day they entered it (never taken back: history).
pub const FUNNEL_ENTERED: &str = "funnel.entered";
/// Contacts moving on from a status to a later stage of the funnel, on the day they moved.
pub const FUNNEL_ADVANCED: &str = "funnel.advanced";
/// Timeline entries by kind, on the day they happened.
pub const ACTIVITY: &str = "activity";
/// Deals by stage, on the day they were created.
pub const DEAL_STAGE: &str = "deal.stage";
/// Closed deals by outcome (`won`, `lost`), on the day they closed, with seconds to close.
pub const DEAL_CLOSED: &str = "deal.closed";

/// The key of a missing source or company.
pub const NONE_KEY: &str = "(none)";

/// The stages of the funnel, in order; `churned` is entered but leads nowhere.
pub const FUNNEL: [ContactStatus; 5] =
    [ContactStatus::Lead, ContactStatus::Mql, ContactStatus::Sql, ContactStatus::Opportunity, ContactStatus::Customer];

/// A change of one counter.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count {
    /// Which counter (the constants above).
    pub metric: &'static str,
    /// The UTC day (`YYYY-MM-DD`).
    pub day: String,
    /// The value counted (a status, tag, kind, ...).
    pub key: String,
    /// How many.
    pub n: i64,
    /// Seconds summed alongside (time to close of closed deals), else 0.
    pub secs: i64,
}

impl Count {
    fn one(metric: &'static str, day: &str, key: &str) -> Self {
        Count { metric, day: day.to_string(), key: key.to_string(), n: 1, secs: 0 }
    }

    fn negated(mut self) -> Self {
        self.n = -self.n;
        self.secs = -self.secs;
        self
    }
}

/// The UTC day of an RFC 3339 time (its first ten characters when it does not parse).
pub fn day(ts: &str) -> String {
    match super::ids::parse_ts(ts) {
        Some(at) => at.format("%Y-%m-%d").to_string(),
        None => ts.chars().take(10).collect(),
    }
}

/// Running sums of counters with equal metric, day and key.
#[derive(Debug, Default)]
pub struct Tally(BTreeMap<(&'static str, String, String), (i64, i64)>);

impl Tally {
    /// Adds `counts`.
    pub fn add(&mut self, counts: impl IntoIterator<Item = Count>) {
        for c in counts {
            let e = self.0.entry((c.metric, c.day, c.key)).or_default();
            e.0 += c.n;
            e.1 += c.secs;
        }
    }

    /// The sums that do not come to nothing, in order.
    pub fn into_counts(self) -> Vec<Count> {
        self.0
            .into_iter()
            .filter(|(_, (n, secs))| *n != 0 || *secs != 0)
            .map(|((metric, day, key), (n, secs))| Count { metric, day, key, n, secs })
            .collect()
    }
}

/// Sums equal counters and drops the ones that come to nothing.
pub fn merge(counts: impl IntoIterator<Item = Count>) -> Vec<Count> {
    let mut tally = Tally::default();
    tally.add(counts);
    tally.into_counts()
}

/// What one contact counts for: its status, source, each tag and company on its creation day.
fn contact_counts(c: &Contact) -> Vec<Count> {
    let d = day(&c.created_at);
    let mut out = vec![
        Count::one(CONTACT_STATUS, &d, c.status.as_str()),
        Count::one(CONTACT_SOURCE, &d, c.source.as_deref().unwrap_or(NONE_KEY)),
        Count::one(CONTACT_COMPANY, ALL_DAYS, c.company_id.as_deref().unwrap_or(NONE_KEY)),
    ];
    out.extend(c.tags.iter().map(|t| Count::one(CONTACT_TAG, &d, t)));
    out
}

fn funnel_rank(status: ContactStatus) -> Option<usize> {
    FUNNEL.iter().position(|s| *s == status)
}

/// The funnel counts of a status change from `old` (none: a new contact) to `new` at `at`.
fn funnel_move(old: Option<ContactStatus>, new: ContactStatus, at: &str) -> Vec<Count> {
    if old == Some(new) {
        return Vec::new();
    }
    let d = day(at);
    let mut out = vec![Count::one(FUNNEL_ENTERED, &d, new.as_str())];
    if let Some(old) = old {
        if let (Some(from), Some(to)) = (funnel_rank(old), funnel_rank(new)) {
            if to > from {
                out.push(Count::one(FUNNEL_ADVANCED, &d, old.as_str()));
            }
        }
    }
    out
}

/// The counter changes of a contact going from `old` to `new` (either absent) at `at`.
pub fn contact_change(old: Option<&Contact>, new: Option<&Contact>, at: &str) -> Vec<Count> {
    let mut all: Vec<Count> = old.map(contact_counts).unwrap_or_default().into_iter().map(Count::negated).collect();
    all.extend(new.map(contact_counts).unwrap_or_default());
    if let Some(n) = new {
        all.extend(funnel_move(old.map(|o| o.status), n.status, at));
    }
    merge(all)
}

/// The funnel counts a contact's change event records (the recount reads history with this).
pub fn funnel_of_event(event: &ChangeEvent) -> Vec<Count> {
    let Some(change) = event.changes.get("status") else { return Vec::new() };
    let status = |v: &Value| v.as_str().and_then(ContactStatus::parse);
    match status(&change.new) {
        Some(new) => funnel_move(status(&change.old), new, &event.at),
        None => Vec::new(),
    }
}

/// What one deal counts for: its stage on its creation day, and its outcome on its close day.
fn deal_counts(d: &Deal) -> Vec<Count> {
    let mut out = vec![Count::one(DEAL_STAGE, &day(&d.created_at), d.stage.as_str())];
    if let (Stage::Won | Stage::Lost, Some(closed)) = (d.stage, d.closed_at.as_deref()) {
        let mut c = Count::one(DEAL_CLOSED, &day(closed), d.stage.as_str());
        c.secs = d.seconds_to_close().unwrap_or(0);
        out.push(c);
    }
    out
}

/// The counter changes of a deal going from `old` to `new`.
pub fn deal_change(old: Option<&Deal>, new: Option<&Deal>) -> Vec<Count> {
    let mut all: Vec<Count> = old.map(deal_counts).unwrap_or_default().into_iter().map(Count::negated).collect();
    all.extend(new.map(deal_counts).unwrap_or_default());
    merge(all)
}

/// What appending timeline entries counts for.
pub fn activity<'a>(entries: impl IntoIterator<Item = &'a TimelineEntry>) -> Vec<Count> {
    merge(entries.into_iter().map(|e| Count::one(ACTIVITY, &day(&e.at), &e.kind)))
}

/// A day range, both ends included (`YYYY-MM-DD`); open ends take everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayRange {
    /// First day.
    pub from: Option<String>,
    /// Last day.
    pub to: Option<String>,
}

/// One stage of the funnel in a range.
#[derive(Debug, Clone, PartialEq)]
pub struct FunnelStage {
    /// Status.
    pub status: ContactStatus,
    /// Contacts that entered it.
    pub entered: i64,
    /// Contacts that moved on from it to a later stage.
    pub advanced: i64,
    /// `advanced / entered`, when anyone entered and a later stage exists.
    pub conversion_rate: Option<f64>,
}

/// The funnel from the sums of entered and advanced counts by status.
pub fn funnel(entered: &BTreeMap<String, i64>, advanced: &BTreeMap<String, i64>) -> Vec<FunnelStage> {
    ContactStatus::ALL
        .iter()
        .map(|s| {
            let e = entered.get(s.as_str()).copied().unwrap_or(0);
            let a = advanced.get(s.as_str()).copied().unwrap_or(0);
            let leads_on = funnel_rank(*s).is_some_and(|r| r + 1 < FUNNEL.len());
            FunnelStage {
                status: *s,
                entered: e,
                advanced: a,
                conversion_rate: (leads_on && e > 0).then(|| ratio(a, e)),
            }
        })
        .collect()
}

/// `part / whole` rounded to four decimals.
pub fn ratio(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    ((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::FieldChange;

    fn contact(status: ContactStatus, tags: &[&str]) -> Contact {
        let mut c: Contact = serde_json::from_value(serde_json::json!({
            "id": "c1", "email": "a@b.co", "status": "lead", "tags": [], "version": 1,
            "created_at": "2026-03-04T23:59:59.000000Z", "updated_at": "2026-03-04T23:59:59.000000Z"
        }))
        .unwrap();
        c.status = status;
        c.tags = tags.iter().map(|t| t.to_string()).collect();
        c
    }

    #[test]
    fn a_new_contact_counts_once_per_dimension_and_enters_its_status() {
        let c = contact(ContactStatus::Mql, &["vip", "b2b"]);
        let counts = contact_change(None, Some(&c), "2026-03-05T10:00:00Z");
        let keys: Vec<(&str, &str, &str, i64)> =
            counts.iter().map(|c| (c.metric, c.day.as_str(), c.key.as_str(), c.n)).collect();
        assert!(keys.contains(&(CONTACT_STATUS, "2026-03-04", "mql", 1)));
        assert!(keys.contains(&(CONTACT_SOURCE, "2026-03-04", NONE_KEY, 1)));
        assert!(keys.contains(&(CONTACT_TAG, "2026-03-04", "vip", 1)));
        assert!(keys.contains(&(FUNNEL_ENTERED, "2026-03-05", "mql", 1)));
        assert_eq!(counts.len(), 6);
    }

    #[test]
    fn a_status_change_moves_one_count_and_records_the_advance() {
        let old = contact(ContactStatus::Lead, &["vip"]);
        let new = contact(ContactStatus::Sql, &["vip"]);
        let counts = contact_change(Some(&old), Some(&new), "2026-04-01T00:00:00Z");
        let keys: Vec<(&str, &str, i64)> = counts.iter().map(|c| (c.metric, c.key.as_str(), c.n)).collect();
        assert_eq!(
            keys,
            [
                (CONTACT_STATUS, "lead", -1),
                (CONTACT_STATUS, "sql", 1),
                (FUNNEL_ADVANCED, "lead", 1),
                (FUNNEL_ENTERED, "sql", 1)
            ]
        );
        // Backwards is entered, not advanced; a rename changes nothing.
        let back = contact_change(Some(&new), Some(&old), "2026-04-02T00:00:00Z");
        assert!(!back.iter().any(|c| c.metric == FUNNEL_ADVANCED));
        assert!(contact_change(Some(&old), Some(&old), "2026-04-02T00:00:00Z").is_empty());
    }

    #[test]
    fn the_history_gives_the_same_funnel_counts_as_the_write() {
        let old = contact(ContactStatus::Mql, &[]);
        let new = contact(ContactStatus::Customer, &[]);
        let mut event: ChangeEvent = serde_json::from_value(serde_json::json!({
            "id": "e", "entity": "contact", "entity_id": "c1", "version": 2, "kind": "updated",
            "changes": {}, "actor": "a", "source": "api", "trace_id": "t", "at": "2026-04-01T00:00:00Z"
        }))
        .unwrap();
        event.changes.insert("status".into(), FieldChange { old: "mql".into(), new: "customer".into() });
        let from_write: Vec<Count> = contact_change(Some(&old), Some(&new), &event.at)
            .into_iter()
            .filter(|c| c.metric.starts_with("funnel"))
            .collect();
        assert_eq!(merge(funnel_of_event(&event)), from_write);
    }

    #[test]
    fn the_funnel_rates_divide_advances_by_entries() {
        let entered = BTreeMap::from([("lead".to_string(), 10), ("mql".to_string(), 4), ("customer".to_string(), 2)]);
        let advanced = BTreeMap::from([("lead".to_string(), 4), ("customer".to_string(), 1)]);
        let stages = funnel(&entered, &advanced);
        assert_eq!(stages[0].conversion_rate, Some(0.4));
        assert_eq!(stages[1].conversion_rate, Some(0.0));
        assert_eq!(stages[2].conversion_rate, None, "nobody entered sql");
        assert_eq!(stages[4].conversion_rate, None, "customer is the last stage");
        assert_eq!(ratio(1, 3), 0.3333);
    }
}
