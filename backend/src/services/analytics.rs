//! Analytics: the four summaries, summed from the per-day counters the writes maintain.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};

use crate::db::{Feature, Migrations};
use crate::domain::analytics::{self as counters, DayRange};
use crate::domain::contacts::ContactStatus;
use crate::domain::deals::Stage;
use crate::error::AppResult;
use crate::models::analytics::{
    ActivityAnalytics, ActivityDay, CompanyCount, ContactAnalytics, DayCount, FunnelAnalytics, FunnelStageResponse,
    KeyCount, PipelineAnalytics,
};
use crate::repositories::analytics::{AnalyticsRepository, Sum};

/// Most sources and tags a summary lists.
const TOP_KEYS: usize = 50;
/// Most companies a summary lists.
const TOP_COMPANIES: usize = 20;
/// Most days a per-day series fills with zeros (ten years).
const MAX_DAYS: i64 = 3_660;

/// Analytics use cases.
#[derive(Clone)]
pub struct AnalyticsService {
    repo: AnalyticsRepository,
    migrations: Migrations,
}

/// Sums by key (over days).
fn by_key(sums: &[Sum]) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for s in sums {
        *out.entry(s.key.clone()).or_default() += s.n;
    }
    out
}

/// The keys with a count, most first (then by key), at most `top`.
fn ranked(totals: BTreeMap<String, i64>, top: usize) -> Vec<KeyCount> {
    let mut out: Vec<KeyCount> =
        totals.into_iter().filter(|(_, n)| *n != 0).map(|(key, count)| KeyCount { key, count }).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    out.truncate(top);
    out
}

/// Every day from the range's start (or the first day with data) to its end (or the last day
/// with data), at most [`MAX_DAYS`] of them ending at the last.
fn days(range: &DayRange, seen: impl Iterator<Item = String> + Clone) -> Vec<String> {
    let parse = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let first = range.from.as_deref().and_then(parse).or_else(|| seen.clone().filter_map(|d| parse(&d)).min());
    let last = range.to.as_deref().and_then(parse).or_else(|| seen.filter_map(|d| parse(&d)).max());
    let (Some(first), Some(last)) = (first, last) else { return Vec::new() };
    let first = first.max(last - Duration::days(MAX_DAYS - 1));
    first.iter_days().take_while(|d| *d <= last).map(|d| d.format("%Y-%m-%d").to_string()).collect()
}

impl AnalyticsService {
    /// A service over its repository.
    pub fn new(repo: AnalyticsRepository, migrations: Migrations) -> Self {
        Self { repo, migrations }
    }

    /// Folds the counters of settled days (before today, UTC) every `every`, in whichever process
    /// holds the job's lease.
    pub fn spawn_fold(db: crate::db::Db, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
        crate::repositories::leases::spawn_leased(db.clone(), "stat_fold", every, move || {
            let db = db.clone();
            async move {
                let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
                match crate::repositories::analytics::fold(&db, &today, true).await {
                    Ok(n) => tracing::info!(groups = n, "analytics counters folded"),
                    Err(e) => tracing::warn!(error = %e, "folding analytics counters failed"),
                }
            }
        })
    }

    /// Contacts created in the range by status, source, tag and company, and per day.
    pub async fn contacts(&self, range: &DayRange) -> AppResult<ContactAnalytics> {
        self.migrations.require(Feature::Analytics)?;
        let status = self.repo.sums(counters::CONTACT_STATUS, range).await?;
        let source = self.repo.sums(counters::CONTACT_SOURCE, range).await?;
        let tag = self.repo.sums(counters::CONTACT_TAG, range).await?;
        // Kept for all days at once: the range does not apply.
        let company = self.repo.sums(counters::CONTACT_COMPANY, &DayRange::default()).await?;
        let statuses = by_key(&status);
        let mut per_day: BTreeMap<String, i64> = BTreeMap::new();
        for s in &status {
            *per_day.entry(s.day.clone()).or_default() += s.n;
        }
        let companies = ranked(by_key(&company), TOP_COMPANIES);
        let ids: Vec<String> =
            companies.iter().filter(|c| c.key != counters::NONE_KEY).map(|c| c.key.clone()).collect();
        let names = self.repo.company_names(&ids).await?;
        let new_per_day = days(range, per_day.keys().cloned())
            .into_iter()
            .map(|day| DayCount { count: per_day.get(&day).copied().unwrap_or(0), day })
            .collect();
        Ok(ContactAnalytics {
            from: range.from.clone(),
            to: range.to.clone(),
            total: statuses.values().sum(),
            by_status: ContactStatus::ALL
                .iter()
                .map(|s| KeyCount { key: s.as_str().into(), count: statuses.get(s.as_str()).copied().unwrap_or(0) })
                .collect(),
            by_source: ranked(by_key(&source), TOP_KEYS),
            by_tag: ranked(by_key(&tag), TOP_KEYS),
            by_company: companies
                .into_iter()
                .map(|c| {
                    let id = (c.key != counters::NONE_KEY).then_some(c.key);
                    CompanyCount {
                        name: id.as_ref().and_then(|i| names.get(i).cloned()),
                        company_id: id,
                        count: c.count,
                    }
                })
                .collect(),
            new_per_day,
        })
    }

    /// The funnel: contacts entering each status in the range and moving on from it.
    pub async fn funnel(&self, range: &DayRange) -> AppResult<FunnelAnalytics> {
        self.migrations.require(Feature::Analytics)?;
        let entered = by_key(&self.repo.sums(counters::FUNNEL_ENTERED, range).await?);
        let advanced = by_key(&self.repo.sums(counters::FUNNEL_ADVANCED, range).await?);
        Ok(FunnelAnalytics {
            from: range.from.clone(),
            to: range.to.clone(),
            stages: counters::funnel(&entered, &advanced)
                .into_iter()
                .map(|s| FunnelStageResponse {
                    status: s.status.as_str().into(),
                    entered: s.entered,
                    advanced: s.advanced,
                    conversion_rate: s.conversion_rate,
                })
                .collect(),
        })
    }

    /// Deals created in the range by stage; won, lost, win rate and days to close of the deals
    /// closed in it.
    pub async fn pipeline(&self, range: &DayRange) -> AppResult<PipelineAnalytics> {
        self.migrations.require(Feature::Analytics)?;
        let stages = by_key(&self.repo.sums(counters::DEAL_STAGE, range).await?);
        let closed = self.repo.sums(counters::DEAL_CLOSED, range).await?;
        let count = |stage: Stage| closed.iter().filter(|s| s.key == stage.as_str()).map(|s| s.n).sum::<i64>();
        let (won, lost) = (count(Stage::Won), count(Stage::Lost));
        let secs: i64 = closed.iter().map(|s| s.secs).sum();
        let n = won + lost;
        Ok(PipelineAnalytics {
            from: range.from.clone(),
            to: range.to.clone(),
            by_stage: Stage::ALL
                .iter()
                .map(|s| KeyCount { key: s.as_str().into(), count: stages.get(s.as_str()).copied().unwrap_or(0) })
                .collect(),
            won,
            lost,
            win_rate: (n > 0).then(|| counters::ratio(won, n)),
            average_days_to_close: (n > 0).then(|| (secs as f64 / n as f64 / 8_640.0).round() / 10.0),
        })
    }

    /// Timeline entries in the range by kind and per day.
    pub async fn activity(&self, range: &DayRange) -> AppResult<ActivityAnalytics> {
        self.migrations.require(Feature::Analytics)?;
        let sums = self.repo.sums(counters::ACTIVITY, range).await?;
        let mut per_day: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
        for s in &sums {
            *per_day.entry(s.day.clone()).or_default().entry(s.key.clone()).or_default() += s.n;
        }
        let per_day = days(range, per_day.keys().cloned())
            .into_iter()
            .map(|day| {
                let by_kind = per_day.get(&day).cloned().unwrap_or_default();
                ActivityDay { total: by_kind.values().sum(), by_kind, day }
            })
            .collect();
        Ok(ActivityAnalytics {
            from: range.from.clone(),
            to: range.to.clone(),
            by_kind: ranked(by_key(&sums), usize::MAX),
            per_day,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_series_covers_every_day_of_the_range_or_of_the_data() {
        let range = DayRange { from: Some("2026-02-27".into()), to: Some("2026-03-02".into()) };
        assert_eq!(days(&range, std::iter::empty()), ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
        let seen = ["2026-01-03".to_string(), "2026-01-01".to_string()];
        assert_eq!(days(&DayRange::default(), seen.iter().cloned()), ["2026-01-01", "2026-01-02", "2026-01-03"]);
        assert!(days(&DayRange::default(), std::iter::empty()).is_empty());
        let long = DayRange { from: Some("1900-01-01".into()), to: Some("2026-01-01".into()) };
        assert_eq!(days(&long, std::iter::empty()).len() as i64, MAX_DAYS);
    }

    #[test]
    fn rankings_put_the_most_first_and_drop_zeros() {
        let totals =
            BTreeMap::from([("a".to_string(), 1), ("b".to_string(), 3), ("c".to_string(), 0), ("d".to_string(), 3)]);
        let keys: Vec<String> = ranked(totals, 2).into_iter().map(|k| k.key).collect();
        assert_eq!(keys, ["b", "d"]);
    }
}
