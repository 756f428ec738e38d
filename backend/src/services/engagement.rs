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
}
