//! The engagement score of a contact, computed from its timeline and won deals when asked.

use chrono::Duration;

use crate::domain::engagement::{score, Activity, Score, Weights};
use crate::domain::ids::{now, parse_ts};
use crate::error::{AppError, AppResult};
use crate::repositories::contacts::ContactRepository;
use crate::repositories::deals::DealRepository;
use crate::repositories::timeline::{TimelineQuery, TimelineRepository};

/// Timeline entries read for one score at most (newest first).
const MAX_ENTRIES: usize = 2_000;
/// Activities older than this many half-lives are worth less than a thousandth: not read.
const HORIZON_HALF_LIVES: f64 = 10.0;

/// Engagement use cases.
#[derive(Clone)]
pub struct EngagementService {
    contacts: ContactRepository,
    timeline: TimelineRepository,
    deals: DealRepository,
    weights: Weights,
}

impl EngagementService {
    /// A service with these weights.
    pub fn new(
        contacts: ContactRepository,
        timeline: TimelineRepository,
        deals: DealRepository,
        weights: Weights,
    ) -> Self {
        Self { contacts, timeline, deals, weights }
    }

    /// The contact's score now, with every activity that makes it up.
    pub async fn score(&self, contact_id: &str) -> AppResult<Score> {
        if self.contacts.get(contact_id).await?.is_none() {
            return Err(AppError::not_found("contact", contact_id));
        }
        let at = now();
        let horizon = Duration::seconds((self.weights.half_life_days * HORIZON_HALF_LIVES * 86_400.0) as i64);
        let query =
            TimelineQuery { contact_id: Some(contact_id.to_string()), after: Some(at - horizon), ..Default::default() };
        let mut activities = Vec::new();
        let mut cursor = None;
        while activities.len() < MAX_ENTRIES {
            let (page, next) = self.timeline.list(&query, cursor, 500).await?;
            for entry in page {
                // Hand-logged entries and case interactions count; change records do not.
                if let Some(when) = parse_ts(&entry.at) {
                    activities.push(Activity { kind: entry.kind, at: when });
                }
            }
            match next {
                Some(n) => cursor = Some(n),
                None => break,
            }
        }
        for deal in self.deals.naming_contact(contact_id, 500).await? {
            if let (crate::domain::deals::Stage::Won, Some(closed)) =
                (deal.stage, deal.closed_at.as_deref().and_then(parse_ts))
            {
                activities.push(Activity { kind: "deal_won".into(), at: closed });
            }
        }
        Ok(score(&activities, &self.weights, at))
    }

    /// Whether activities of this kind earn points.
    pub fn counts(&self, kind: &str) -> bool {
        self.weights.points.get(kind).is_some_and(|p| *p != 0)
    }

    /// Recomputes and stores the contact's score (a contact deleted meanwhile is skipped).
    pub async fn refresh(&self, contact_id: &str) -> AppResult<()> {
        match self.score(contact_id).await {
            Ok(s) => Ok(self.contacts.set_score(contact_id, s.score.0 as f64 / 100.0).await?),
            Err(AppError::NotFound { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Refreshes the scores of these contacts after a write that changed what they earn; the
    /// write has committed, so a failure here is logged (the decay job catches up), not returned.
    pub async fn refresh_after_write(&self, contact_ids: impl IntoIterator<Item = String>) {
        let mut ids: Vec<String> = contact_ids.into_iter().collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            if let Err(e) = self.refresh(&id).await {
                tracing::warn!(error = %e, "refreshing an engagement score failed");
            }
        }
    }

    /// One pass of the decay job: refreshes every contact whose stored score is above zero, in
    /// score order, `batch` at a time. Returns how many were refreshed.
    pub async fn refresh_scored(&self, batch: usize) -> AppResult<usize> {
        let mut after = None;
        let mut done = 0;
        loop {
            let (ids, last) = self.contacts.scored(after.as_deref(), batch).await?;
            for id in &ids {
                self.refresh(id).await?;
            }
            done += ids.len();
            match last {
                Some(l) if ids.len() == batch => after = Some(l),
                _ => return Ok(done),
            }
        }
    }

    /// Runs the decay job every `every`, in whichever process holds its lease.
    pub fn spawn_decay(self, db: crate::db::Db, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
        crate::repositories::leases::spawn_leased(db, "score_decay", every, move || {
            let this = self.clone();
            async move {
                let started = std::time::Instant::now();
                match this.refresh_scored(500).await {
                    Ok(n) => tracing::info!(contacts = n, ms = started.elapsed().as_millis() as u64, "scores decayed"),
                    Err(e) => tracing::warn!(error = %e, "the score decay job failed"),
                }
            }
        })
    }
}
