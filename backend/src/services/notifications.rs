//! NotificationService: a notifier (one process at a time, by lease) follows the change feed
//! and raises notifications for the users it names (a task or case assigned to them, a campaign
//! of theirs finished); it also watches tasks falling due and running campaigns that fail, and
//! imports raise theirs when they finish. Each goes in-app and, as the user's preferences say,
//! into `notification_outbox` for email (the campaign mailer, to the user's sign-in address),
//! SMS or push (a signed POST to the provider webhook configured); the notifier sends those
//! with retries. Users list theirs, count the unread ones and mark them read.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use super::mail::{Mailer, Outgoing};
use crate::config::NotificationSettings;
use crate::domain::auth::Role;
use crate::domain::deliveries::{settle_attempt, Outcome};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::notifications::{
    channels, check_preferences, failing, raised, Device, Notification, Outbound, Preferences, Raised,
};
use crate::error::{AppError, AppResult};
use crate::repositories::deliveries::DeliveryRepository;
use crate::repositories::history::HistoryRepository;
use crate::repositories::notifications::{NotificationRepository, Source};
use crate::repositories::RepoError;

/// Change events (and tasks falling due) read per step.
const PAGE: usize = 500;
/// Outbound messages sent per step.
const SEND_BATCH: usize = 50;
/// The entities whose events raise notifications.
const ENTITIES: [&str; 3] = ["task", "support_case", "campaign"];

/// Notifications.
#[derive(Clone)]
pub struct NotificationService {
    repo: NotificationRepository,
    changes: super::changes::ChangeService,
    history: HistoryRepository,
    deliveries: DeliveryRepository,
    out: Arc<Channels>,
}

/// What sends notifications beyond the dashboard.
struct Channels {
    mailer: Mailer,
    public_url: String,
    settings: NotificationSettings,
    client: reqwest::Client,
}

impl NotificationService {
    /// A service following `changes`, sending email through `mailer` (links to the dashboard
    /// at `public_url`) and SMS or push as `settings` say.
    pub fn new(
        repo: NotificationRepository,
        changes: super::changes::ChangeService,
        history: HistoryRepository,
        mailer: Mailer,
        public_url: &str,
        settings: &NotificationSettings,
    ) -> Self {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default();
        let deliveries = DeliveryRepository::new(repo.db().clone());
        let out = Channels {
            mailer,
            public_url: public_url.trim_end_matches('/').to_string(),
            settings: settings.clone(),
            client,
        };
        Self { repo, changes, history, deliveries, out: Arc::new(out) }
    }

    /// The channels this server can deliver.
    pub fn available(&self) -> Vec<&'static str> {
        let s = &self.out.settings;
        let mut list = vec!["in_app", "email"];
        if !s.sms_url.trim().is_empty() {
            list.push("sms");
        }
        if !s.push_url.trim().is_empty() {
            list.push("push");
        }
        list
    }

    /// Raises `raised` directly (an import finished).
    pub async fn raise(&self, raised: Vec<Raised>) -> AppResult<()> {
        Ok(self.store(Source::Direct, raised).await?)
    }

    /// Stores what was raised, in-app and on each further channel its user chose, moving
    /// `source` on in the same transaction.
    async fn store(&self, source: Source<'_>, raised: Vec<Raised>) -> Result<(), RepoError> {
        let users: Vec<String> = raised.iter().map(|r| r.user_id.clone()).collect::<HashSet<_>>().into_iter().collect();
        let prefs = if users.is_empty() { Default::default() } else { self.repo.all_preferences(&users).await? };
        let at = now();
        let ts = format_ts(at);
        let mut notifications = Vec::new();
        let mut outbound = Vec::new();
        for r in raised {
            let chosen = channels(prefs.get(&r.user_id), r.kind);
            rows(&r, &chosen, new_id(at), &ts, &mut notifications, &mut outbound);
        }
        self.repo.raise(source, &notifications, &outbound).await
    }

    /// A push to a user sent through the API (`kind` `message`): in-app and on the push
    /// channel whatever the user chose, queued to the push provider; 404 for an unknown user,
    /// 409 `no_push_provider` when none is configured. The notification's id.
    pub async fn send_push(&self, user_id: &str, title: &str, link: &str) -> AppResult<String> {
        if !self.available().contains(&"push") {
            return Err(AppError::conflict(
                "no_push_provider",
                "no push provider is configured (notifications.push_url)",
            ));
        }
        let mut issues = crate::domain::fields::Issues::default();
        let title = issues.required_text("title", Some(title.to_string()), 200);
        let link = issues.text("link", Some(link.to_string()), 500).unwrap_or_default();
        if !link.is_empty() && (!link.starts_with('/') || link.starts_with("//")) {
            issues.add("link", "must be a path of the dashboard, such as /tasks");
        }
        issues.finish(()).map_err(AppError::from)?;
        if self.repo.user_emails(&[user_id.to_string()]).await?.is_empty() {
            return Err(AppError::not_found("user", user_id));
        }
        let at = now();
        let id = new_id(at);
        let (mut notifications, mut outbound) = (Vec::new(), Vec::new());
        let raised = Raised::new(user_id, "message", title, link);
        rows(&raised, &["in_app", "push"], id.clone(), &format_ts(at), &mut notifications, &mut outbound);
        self.repo.raise(Source::Direct, &notifications, &outbound).await?;
        Ok(id)
    }
}

/// The rows of one raised notification: in-app, and an outbound message per other channel.
fn rows(
    r: &Raised,
    channels: &[&str],
    id: String,
    ts: &str,
    notifications: &mut Vec<Notification>,
    outbound: &mut Vec<Outbound>,
) {
    for &channel in channels {
        if channel == "in_app" {
            notifications.push(Notification {
                id: id.clone(),
                user_id: r.user_id.clone(),
                kind: r.kind.to_string(),
                title: r.title.clone(),
                link: r.link.clone(),
                read_at: None,
                created_at: ts.to_string(),
            });
        } else {
            outbound.push(Outbound {
                id: format!("{id}_{channel}"),
                user_id: r.user_id.clone(),
                channel: channel.to_string(),
                kind: r.kind.to_string(),
                title: r.title.clone(),
                link: r.link.clone(),
                status: "queued".into(),
                attempts: 0,
                due: ts.to_string(),
                error: None,
                created_at: ts.to_string(),
            });
        }
    }
}

impl NotificationService {
    /// One step of the notifier: the next events of each entity it notifies about (read by
    /// entity, so imports of contacts cost it nothing), tasks fallen due, failing campaigns, and
    /// a batch of outbound messages; true while there may be more at once.
    pub async fn notify_step(&self) -> Result<bool, RepoError> {
        let mut more = false;
        for entity in ENTITIES {
            more |= self.notify_entity(entity).await?;
        }
        more |= self.due_step().await?;
        self.failing_step().await?;
        more |= self.send_step().await?;
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
                self.creator(&event.entity_id, &event.at).await?
            } else {
                None
            };
            raised_now.extend(raised(event, creator.as_deref()));
        }
        let source = Source::Feed { name: entity, from: json!(from), to: json!(to) };
        let more = settle(self.store(source, raised_now).await, events.len() == PAGE)?;
        // A campaign that finished before a step saw it running is checked as it finishes.
        for (_, event) in events.iter().filter(|(_, e)| e.entity == "campaign" && e.kind == "completed") {
            self.check_failing(&event.entity_id).await?;
        }
        Ok(more)
    }

    /// The user who created a campaign (its first event's actor).
    async fn creator(&self, campaign_id: &str, until: &str) -> Result<Option<String>, RepoError> {
        let first = self.history.events_until("campaign", campaign_id, until).await?;
        Ok(first.first().and_then(|e| e.actor.strip_prefix("user:")).map(String::from))
    }

    /// Open, assigned tasks whose due time passed since the last step raise `task_due` (the
    /// first step starts from now: tasks overdue before the server first ran raise nothing).
    async fn due_step(&self) -> Result<bool, RepoError> {
        let until = format!("{}|~", format_ts(now()));
        let Some(from) = self.repo.due_cursor().await? else {
            let source = Source::Feed { name: "task_due", from: json!(""), to: json!(until) };
            return settle(self.store(source, Vec::new()).await, false);
        };
        let tasks = self.repo.tasks_falling_due(&from, &until, PAGE).await?;
        if tasks.is_empty() {
            // Nothing fell due: the place stays (the next look covers the same time and more),
            // so an idle server writes nothing.
            return Ok(false);
        }
        let full = tasks.len() == PAGE;
        let to = if full { tasks.last().map(|t| t.0.clone()).unwrap_or(until) } else { until };
        let raised_now = tasks
            .into_iter()
            .filter(|(_, _, _, assignee, status)| assignee.is_some() && status == "open")
            .filter_map(|(_, id, title, assignee, _)| {
                Some(Raised::new(assignee?, "task_due", format!("Task due: {title}"), format!("/tasks/view?id={id}")))
            })
            .collect();
        let source = Source::Feed { name: "task_due", from: json!(from), to: json!(to) };
        settle(self.store(source, raised_now).await, full)
    }

    /// A running campaign whose messages fail (see [`failing`]) raises `campaign_failing` for
    /// its creator, once.
    async fn failing_step(&self) -> Result<(), RepoError> {
        for (id, _) in self.deliveries.campaigns_in("running").await? {
            self.check_failing(&id).await?;
        }
        Ok(())
    }

    /// Raises `campaign_failing` for the campaign's creator if its messages fail, once.
    async fn check_failing(&self, id: &str) -> Result<(), RepoError> {
        let Some(marker) = self.deliveries.marker(id).await? else { return Ok(()) };
        let once = format!("campaign_failing_{id}");
        if !failing(marker.sent, marker.failed + marker.dead) || self.repo.raised_once(&once).await? {
            return Ok(());
        }
        let Some(user) = self.creator(id, &format_ts(now())).await? else { return Ok(()) };
        let title = format!(
            "A campaign of yours is failing: {} of {} messages could not be sent",
            marker.failed + marker.dead,
            marker.sent + marker.failed + marker.dead
        );
        let raised = vec![Raised::new(user, "campaign_failing", title, format!("/campaigns/view?id={id}"))];
        match self.store(Source::Once(&once), raised).await {
            Ok(()) | Err(RepoError::TxConflict) => Ok(()),
            Err(RepoError::Rule(code)) if code == "already_raised" => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Sends a batch of due outbound messages; true when the batch was full.
    async fn send_step(&self) -> Result<bool, RepoError> {
        let due = self.repo.due_outbound(&format_ts(now()), SEND_BATCH).await?;
        if due.is_empty() {
            return Ok(false);
        }
        let users: Vec<String> = due.iter().map(|o| o.user_id.clone()).collect();
        let emails = self.repo.user_emails(&users).await?;
        let push_users: Vec<String> = due.iter().filter(|o| o.channel == "push").map(|o| o.user_id.clone()).collect();
        let devices = if push_users.is_empty() { Vec::new() } else { self.repo.devices(&push_users).await? };
        let full = due.len() == SEND_BATCH;
        for mut o in due {
            let theirs: Vec<Value> = devices
                .iter()
                .filter(|d| d.user_id == o.user_id)
                .map(|d| json!({"token": d.token, "platform": d.platform}))
                .collect();
            let outcome = match emails.get(&o.user_id) {
                None => Outcome::Refused("the user no longer exists".into()),
                Some(email) => self.send(&o, email, theirs).await,
            };
            let s = &self.out.settings;
            o.attempts += 1;
            let settled =
                settle_attempt(outcome, o.attempts, s.max_attempts, Duration::from_secs(s.retry_base_secs), now());
            (o.status, o.due, o.error) = (settled.status.into(), format_ts(settled.due), settled.error);
            self.repo.record_outbound(&o).await?;
        }
        Ok(full)
    }

    /// One attempt at an outbound message to the user with sign-in address `email` (and, for
    /// push, the user's registered `devices`).
    async fn send(&self, o: &Outbound, email: &str, devices: Vec<Value>) -> Outcome {
        let out = &self.out;
        let link = format!("{}{}", out.public_url, o.link);
        let url = match o.channel.as_str() {
            "email" => {
                let message = Outgoing {
                    to: email.to_string(),
                    subject: o.title.clone(),
                    html: format!(
                        "<p>{}</p><p><a href=\"{}\">Open it in the CRM</a></p>",
                        ammonia::clean_text(&o.title),
                        ammonia::clean_text(&link)
                    ),
                    text: format!("{}\n\n{link}\n", o.title),
                    message_id: format!("<{}@{}>", o.id, out.mailer.from().email.domain()),
                    unsubscribe_url: None,
                    attachments: Vec::new(),
                };
                return out.mailer.send(&message).await;
            }
            "sms" => out.settings.sms_url.trim(),
            "push" => out.settings.push_url.trim(),
            other => return Outcome::Refused(format!("unknown channel {other}")),
        };
        if url.is_empty() {
            return Outcome::Refused(format!("no {} provider is configured", o.channel));
        }
        let mut body = json!({
            "id": o.id, "channel": o.channel, "kind": o.kind, "user_id": o.user_id, "user_email": email,
            "title": o.title, "link": link,
        });
        if o.channel == "push" {
            body["devices"] = Value::Array(devices);
        }
        let body = serde_json::to_vec(&body).unwrap_or_default();
        let signature = crate::domain::signature::sign(
            out.settings.provider_secret.expose().as_bytes(),
            chrono::Utc::now().timestamp(),
            &body,
        );
        let sent = out
            .client
            .post(url)
            .header("content-type", "application/json")
            .header(crate::domain::signature::HEADER, signature)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(r) if r.status().is_success() => Outcome::Sent,
            Ok(r) if r.status().is_client_error() && r.status().as_u16() != 429 => {
                Outcome::Refused(format!("the provider answered {}", r.status()))
            }
            Ok(r) => Outcome::Retry(format!("the provider answered {}", r.status())),
            Err(e) => Outcome::Retry(format!("the provider did not answer: {e}")),
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
        check_preferences(&prefs, &self.available())?;
        self.repo.set_preferences(user_id, &prefs).await?;
        Ok(prefs)
    }

    /// Registers a device of the user for push (again: refreshed).
    pub async fn register_device(&self, device: Device) -> AppResult<Device> {
        self.repo.register_device(&device).await?;
        Ok(device)
    }

    /// The user's push devices, most recently registered first.
    pub async fn devices(&self, user_id: &str) -> AppResult<Vec<Device>> {
        Ok(self.repo.devices(&[user_id.to_string()]).await?)
    }

    /// Forgets a device of the user (404 when the user has no such device).
    pub async fn remove_device(&self, user_id: &str, id: &str) -> AppResult<()> {
        if self.repo.remove_device(user_id, id).await? {
            Ok(())
        } else {
            Err(AppError::not_found("device", id))
        }
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

/// What storing a step's notifications came to: `more` when it went through, a step again at
/// once when another notifier moved the source first.
fn settle(stored: Result<(), RepoError>, more: bool) -> Result<bool, RepoError> {
    match stored {
        Ok(()) => Ok(more),
        Err(RepoError::TxConflict) => Ok(true),
        Err(RepoError::Rule(code)) if code == "cursor_moved" => Ok(true),
        Err(e) => Err(e),
    }
}
