//! Timeline use cases: log a note, call, meeting or email; read one contact's or everyone's.

use chrono::{DateTime, Utc};
use tracing::instrument;

use crate::db::{Feature, Migrations};
use crate::domain::history::Origin;
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::pagination::{Page, PageRequest};
use crate::domain::timeline::{NewEntry, TimelineEntry};
use crate::error::{AppError, AppResult};
use crate::repositories::contacts::ContactRepository;
use crate::repositories::timeline::{TimelineQuery, TimelineRepository};
use crate::repositories::RepoError;

/// Timeline use cases.
#[derive(Clone)]
pub struct TimelineService {
    timeline: TimelineRepository,
    contacts: ContactRepository,
    migrations: Migrations,
    scores: Option<crate::services::engagement::EngagementService>,
}

impl TimelineService {
    /// A service over its repositories.
    pub fn new(timeline: TimelineRepository, contacts: ContactRepository, migrations: Migrations) -> Self {
        Self { timeline, contacts, migrations, scores: None }
    }

    /// The same service, refreshing a contact's stored score when an entry that earns points lands.
    pub fn with_scores(mut self, scores: crate::services::engagement::EngagementService) -> Self {
        self.scores = Some(scores);
        self
    }

    /// Logs an entry on a contact's timeline; `at` defaults to now (a past call can be back-dated).
    #[instrument(skip_all)]
    pub async fn add(
        &self,
        contact_id: &str,
        new: NewEntry,
        at: Option<DateTime<Utc>>,
        origin: &Origin,
    ) -> AppResult<TimelineEntry> {
        let recorded = now();
        let at = at.unwrap_or(recorded);
        let entry = TimelineEntry {
            id: new_id(at),
            contact_id: contact_id.to_string(),
            kind: new.kind,
            body: new.body,
            actor: origin.actor.clone(),
            source: origin.source.clone(),
            at: format_ts(at),
            created_at: format_ts(recorded),
            change_event_id: None,
            change_kind: None,
            version: None,
            fields: None,
            entity: None,
            entity_id: None,
        };
        match self.timeline.insert(&entry).await {
            Ok(()) => {
                if let Some(scores) = self.scores.as_ref().filter(|s| s.counts(&entry.kind)) {
                    scores.refresh_after_write([entry.contact_id.clone()]).await;
                }
                Ok(entry)
            }
            Err(RepoError::NotFound) => Err(AppError::not_found("contact", contact_id)),
            Err(e) => Err(e.into()),
        }
    }

    /// Newest-first entries of one existing contact.
    pub async fn for_contact(
        &self,
        contact_id: &str,
        mut query: TimelineQuery,
        page: &PageRequest,
    ) -> AppResult<Page<TimelineEntry>> {
        if self.contacts.get(contact_id).await?.is_none() {
            return Err(AppError::not_found("contact", contact_id));
        }
        query.contact_id = Some(contact_id.to_string());
        self.feed(&query, page).await
    }

    /// Newest-first entries across all contacts.
    pub async fn feed(&self, query: &TimelineQuery, page: &PageRequest) -> AppResult<Page<TimelineEntry>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) = self.timeline.list(query, page.after.clone(), page.limit).await?;
        Ok(page.page(rows, next, None))
    }
}
