//! NotificationService: a notifier (one process at a time, by lease) follows the change feed
//! and raises in-app notifications for the users it names (a task or case assigned to them, a
//! campaign of theirs finished), as each user's preferences allow; users list theirs, count the
//! unread ones and mark them read.

use std::time::Duration;

use crate::domain::auth::Role;
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::notifications::{check_preferences, in_app, raised, Notification, Preferences};
use crate::error::{AppError, AppResult};
use crate::repositories::history::HistoryRepository;
use crate::repositories::notifications::NotificationRepository;
use crate::repositories::RepoError;

/// Change events read per step.
const PAGE: usize = 500;
/// The entities whose events raise notifications.
const ENTITIES: [&str; 3] = ["task", "support_case", "campaign"];

/// Notifications.
#[derive(Clone)]
pub struct NotificationService {
    repo: NotificationRepository,
    changes: super::changes::ChangeService,
    history: HistoryRepository,
}

impl NotificationService {
    /// A service following `changes`.
    pub fn new(
        repo: NotificationRepository,
        changes: super::changes::ChangeService,
        history: HistoryRepository,
    ) -> Self {
        Self { repo, changes, history }
    }

    /// One step of the notifier: the next events of each entity it notifies about (read by
    /// entity, so imports of contacts cost it nothing); true while there may be more at once.
    pub async fn notify_step(&self) -> Result<bool, RepoError> {
        let mut more = false;
        for entity in ENTITIES {
            more |= self.notify_entity(entity).await?;
        }
        Ok(more)
    }

    async fn notify_entity(&self, entity: &str) -> Result<bool, RepoError> {
        let from = self.repo.cursor(entity).await?;
        let events = self
            .changes
            .page(from, Some(entity), Role::Admin, PAGE)
            .await
            .map_err(|e| RepoError::Decode(e.to_string()))?;
        let Some(to) = events.last().map(|(n, _)| *n) else { return Ok(false) };
        let mut raised_now = Vec::new();
        for (_, event) in &events {
            let creator = if event.entity == "campaign" && event.kind == "completed" {
                let first = self.history.events_until("campaign", &event.entity_id, &event.at).await?;
                first.first().and_then(|e| e.actor.strip_prefix("user:")).map(String::from)
            } else {
                None
            };
            raised_now.extend(raised(event, creator.as_deref()));
        }
        let users: Vec<String> = raised_now.iter().map(|(u, ..)| u.clone()).collect();
        let prefs = self.repo.all_preferences(&users).await?;
        let at = now();
        let notifications: Vec<Notification> = raised_now
            .into_iter()
            .filter(|(user, kind, ..)| prefs.get(user).is_none_or(|p| in_app(p, kind)))
            .map(|(user_id, kind, title, link)| Notification {
                id: new_id(at),
                user_id,
                kind: kind.to_string(),
                title,
                link,
                read_at: None,
                created_at: format_ts(at),
            })
            .collect();
        match self.repo.raise(entity, from, to, &notifications).await {
            Ok(()) => Ok(events.len() == PAGE),
            Err(RepoError::TxConflict) => Ok(true),
            Err(RepoError::Rule(code)) if code == "cursor_moved" => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// A page of the user's notifications, newest first.
    pub async fn list(
        &self,
        user_id: &str,
        unread: bool,
        after: Option<&str>,
        limit: usize,
    ) -> AppResult<(Vec<Notification>, Option<String>)> {
        Ok(self.repo.page(user_id, unread, after, limit).await?)
    }

    /// How many of the user's notifications are unread.
    pub async fn unread(&self, user_id: &str) -> AppResult<u64> {
        Ok(self.repo.unread(user_id).await?)
    }

    /// Marks one read (404 when the user has no such notification).
    pub async fn mark_read(&self, user_id: &str, id: &str) -> AppResult<()> {
        if self.repo.mark_read(user_id, id, &format_ts(now())).await? {
            Ok(())
        } else {
            Err(AppError::not_found("notification", id))
        }
    }

    /// Marks all read.
    pub async fn mark_all_read(&self, user_id: &str) -> AppResult<()> {
        Ok(self.repo.mark_all_read(user_id, &format_ts(now())).await?)
    }

    /// The user's channels per kind.
    pub async fn preferences(&self, user_id: &str) -> AppResult<Preferences> {
        Ok(self.repo.preferences(user_id).await?)
    }

    /// Replaces the user's channels per kind.
    pub async fn set_preferences(&self, user_id: &str, prefs: Preferences) -> AppResult<Preferences> {
        check_preferences(&prefs)?;
        self.repo.set_preferences(user_id, &prefs).await?;
        Ok(prefs)
    }

    /// Runs the notifier in whichever process holds its lease.
    pub fn spawn(self, db: crate::db::Db) -> tokio::task::JoinHandle<()> {
        crate::repositories::leases::spawn_leased_worker(
            db,
            "notifier",
            "notifications",
            Duration::from_millis(500),
            move || {
                let this = self.clone();
                async move { this.notify_step().await }
            },
        )
    }
}
