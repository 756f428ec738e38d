//! Outgoing webhooks: admins subscribe URLs to change events; a dispatcher (one process at a
//! time, by lease) follows the change feed and queues one delivery per event and matching
//! subscription; every process sends what is queued (claims that run out, so a killed process's
//! deliveries go again), signed, retried with backoff, dead after the last attempt, listed and
//! redeliverable. A target resolving to a private, loopback, link-local or metadata address is
//! refused at delivery time, after DNS, and the request goes to the address that was checked.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::changes::ChangeService;
use crate::config::WebhookSettings;
use crate::domain::auth::Role;
use crate::domain::deliveries::{backoff, Outcome};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::webhooks::{event_name, forbidden, matches, NewWebhook, Webhook};
use crate::error::{AppError, AppResult};
use crate::repositories::webhooks::{lost_race, DeliveryStatus, WebhookDelivery, WebhookRepository};
use crate::repositories::RepoError;

/// Change events read per dispatch step.
const DISPATCH_PAGE: usize = 500;
/// Deliveries claimed at once.
const SEND_BATCH: usize = 20;

/// Webhook subscriptions and deliveries.
#[derive(Clone)]
pub struct WebhookService {
    repo: WebhookRepository,
    changes: ChangeService,
    settings: Arc<WebhookSettings>,
}

impl WebhookService {
    /// A service over `repo`, following `changes`.
    pub fn new(repo: WebhookRepository, changes: ChangeService, settings: &WebhookSettings) -> Self {
        Self { repo, changes, settings: Arc::new(settings.clone()) }
    }

    /// Subscribes a URL; the secret is in the answer, and only there.
    pub async fn create(&self, new: NewWebhook, actor: &str) -> AppResult<Webhook> {
        let at = now();
        let secret = format!("whsec_{}", hex(&rand::random::<[u8; 24]>()));
        let webhook = Webhook {
            id: new_id(at),
            url: new.url,
            events: new.events,
            secret,
            from: self.changes.last_number().await?,
            created_by: actor.to_string(),
            created_at: format_ts(at),
        };
        self.repo.create(&webhook).await?;
        Ok(webhook)
    }

    /// Every subscription.
    pub async fn list(&self) -> AppResult<Vec<Webhook>> {
        Ok(self.repo.all().await?)
    }

    /// One subscription.
    pub async fn get(&self, id: &str) -> AppResult<Webhook> {
        self.repo.get(id).await?.ok_or_else(|| AppError::not_found("webhook", id))
    }

    /// Ends a subscription.
    pub async fn delete(&self, id: &str) -> AppResult<()> {
        if self.repo.delete(id).await? {
            Ok(())
        } else {
            Err(AppError::not_found("webhook", id))
        }
    }

    /// A page of a subscription's deliveries, newest first.
    pub async fn deliveries(
        &self,
        id: &str,
        after: Option<&str>,
        limit: usize,
    ) -> AppResult<(Vec<WebhookDelivery>, Option<String>)> {
        self.get(id).await?;
        Ok(self.repo.deliveries(id, after, limit).await?)
    }

    /// Sends a delivery again (a full set of attempts).
    pub async fn redeliver(&self, id: &str, delivery_id: &str) -> AppResult<WebhookDelivery> {
        let found = self.repo.delivery(delivery_id).await?.filter(|d| d.webhook_id == id);
        if found.is_none() {
            return Err(AppError::not_found("delivery", delivery_id));
        }
        match self.repo.redeliver(delivery_id, &format_ts(now())).await {
            Ok(()) => {}
            Err(RepoError::Rule(code)) if code == "delivery_in_flight" => {
                return Err(AppError::conflict("delivery_in_flight", "the delivery is being sent right now"))
            }
            Err(e) => return Err(e.into()),
        }
        self.repo.delivery(delivery_id).await?.ok_or_else(|| AppError::not_found("delivery", delivery_id))
    }

    /// The subscriptions that take the event `name`.
    pub async fn subscribers(&self, name: &str) -> AppResult<Vec<Webhook>> {
        Ok(self.repo.all().await?.into_iter().filter(|w| matches(&w.events, name)).collect())
    }

    /// POSTs `body` as the event `name` (delivery id `id`, the same on every attempt) to each of
    /// `webhooks` now, signed, for a sender that keeps its own retries (the campaign webhook
    /// channel): `Sent` once every one answered 2xx, `Refused` when there is none or a target is
    /// refused for good, else `Retry` with the first error.
    pub async fn post_now(&self, webhooks: &[Webhook], name: &str, id: &str, body: &str) -> Outcome {
        if webhooks.is_empty() {
            return Outcome::Refused(format!("no webhook subscription takes {name}"));
        }
        let posts = webhooks.iter().map(|w| self.post(w, name, id, body));
        let mut outcome = Outcome::Sent;
        for (w, result) in webhooks.iter().zip(futures::future::join_all(posts).await) {
            let failed = match result {
                Ok(code) if (200..300).contains(&code) => continue,
                Ok(code) => Outcome::Retry(format!("{} answered {code}", w.url)),
                Err((error, true)) => Outcome::Retry(format!("{}: {error}", w.url)),
                Err((error, false)) => Outcome::Refused(format!("{}: {error}", w.url)),
            };
            if matches!(outcome, Outcome::Sent) || matches!(failed, Outcome::Refused(_)) {
                outcome = failed;
            }
        }
        outcome
    }

    /// Queues a signed POST of `payload` (JSON) as the custom event `name` (`custom.<name>`) to
    /// every subscription that takes it (`custom.*` or the name), through the same outbox, retries and signatures as change events; how many.
    pub async fn send_event(&self, name: &str, payload: serde_json::Value) -> AppResult<usize> {
        let name = name.trim();
        if !crate::domain::webhooks::valid_custom(name) {
            return Err(AppError::invalid_field(
                "event",
                "must be custom.<name>, the name of a-z, 0-9, _ and - (at most 60)",
            ));
        }
        let at = now();
        let deliveries: Vec<WebhookDelivery> = self
            .subscribers(name)
            .await?
            .into_iter()
            .map(|w| {
                let id = new_id(at);
                let body = json!({"id": id, "event": name, "payload": payload, "at": format_ts(at)});
                WebhookDelivery::queued(id, &w.id, (name, "", 0), body.to_string(), &format_ts(at))
            })
            .collect();
        self.repo.queue(&deliveries).await?;
        Ok(deliveries.len())
    }

    /// One dispatch step: the next page of the change feed becomes deliveries for the matching
    /// subscriptions; true while there may be more to read at once.
    pub async fn dispatch_step(&self) -> Result<bool, RepoError> {
        let webhooks = self.repo.all().await?;
        let from = self.repo.cursor().await?;
        if webhooks.is_empty() {
            // Nobody listens: skip to the feed's end without reading it (a subscription starts
            // from the feed's position when it is made anyway).
            let last = self.changes.last_number().await.map_err(app_to_repo)?;
            if last > from {
                match self.repo.enqueue(from, last, &[]).await {
                    Ok(()) => {}
                    Err(e) if lost_race(&e) => {}
                    Err(e) => return Err(e),
                }
            }
            return Ok(false);
        }
        let events = self.changes.page(from, None, Role::Admin, DISPATCH_PAGE).await.map_err(app_to_repo)?;
        let Some(to) = events.last().map(|(n, _)| *n) else { return Ok(false) };
        let at = now();
        let mut deliveries = Vec::new();
        for (number, event) in &events {
            let Some(name) = event_name(&event.entity, &event.kind) else { continue };
            for webhook in webhooks.iter().filter(|w| *number > w.from && matches(&w.events, &name)) {
                let id = new_id(at);
                let body = json!({
                    "id": id, "event": name, "number": number, "kind": event.kind,
                    "entity": name.split('.').next(), "entity_id": event.entity_id, "version": event.version,
                    "changes": event.changes, "actor": event.actor, "source": event.source, "at": event.at,
                });
                let key = (name.as_str(), event.entity_id.as_str(), *number);
                deliveries.push(WebhookDelivery::queued(id, &webhook.id, key, body.to_string(), &format_ts(at)));
            }
        }
        match self.repo.enqueue(from, to, &deliveries).await {
            Ok(()) => Ok(events.len() == DISPATCH_PAGE),
            Err(e) if lost_race(&e) => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// One send step of this process; true while there may be more due at once.
    pub async fn send_step(&self) -> Result<bool, RepoError> {
        let at = now();
        let claim = new_id(at);
        let until = at + chrono::Duration::seconds(self.settings.timeout_secs as i64 * 2 + 30);
        let claimed = match self.repo.claim(&format_ts(at), &format_ts(until), &claim, SEND_BATCH).await {
            Ok(c) => c,
            Err(RepoError::TxConflict) => return Ok(true),
            Err(e) => return Err(e),
        };
        if claimed.is_empty() {
            return Ok(false);
        }
        let webhooks = self.repo.all().await?;
        let attempts = claimed.into_iter().map(|d| {
            let webhook = webhooks.iter().find(|w| w.id == d.webhook_id).cloned();
            async move { self.attempt(webhook, d).await }
        });
        for done in futures::future::join_all(attempts).await {
            self.repo.record(&done, &claim).await?;
        }
        Ok(true)
    }

    async fn attempt(&self, webhook: Option<Webhook>, mut d: WebhookDelivery) -> WebhookDelivery {
        let Some(webhook) = webhook else {
            d.status = DeliveryStatus::Dead;
            d.error = Some("the subscription was deleted".into());
            return d;
        };
        let outcome = self.post(&webhook, &d.event, &d.id, &d.body).await;
        let at = now();
        match outcome {
            Ok(code) if (200..300).contains(&code) => {
                d.status = DeliveryStatus::Delivered;
                d.response_status = Some(code);
                d.error = None;
                d.delivered_at = Some(format_ts(at));
            }
            other => {
                let (code, error, retry) = match other {
                    Ok(code) => (Some(code), format!("the target answered {code}"), true),
                    Err((error, retry)) => (None, error, retry),
                };
                d.response_status = code;
                d.error = Some(error);
                if retry && d.attempts < self.settings.max_attempts.max(1) {
                    d.status = DeliveryStatus::Queued;
                    let wait = backoff(d.attempts, Duration::from_secs(self.settings.retry_base_secs), rand::random());
                    d.due = format_ts(at + chrono::Duration::from_std(wait).unwrap_or_default());
                } else {
                    d.status = DeliveryStatus::Dead;
                }
            }
        }
        d
    }

    /// POSTs the delivery's body to the subscription's URL, signed; the HTTP status, or the
    /// error and whether another attempt may help.
    async fn post(&self, webhook: &Webhook, event: &str, id: &str, body: &str) -> Result<u16, (String, bool)> {
        let url = reqwest::Url::parse(&webhook.url).map_err(|e| (format!("bad URL: {e}"), false))?;
        let (host, addr) = self.target(&url).await?;
        let client = reqwest::Client::builder()
            .resolve(&host, addr)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(self.settings.timeout_secs.max(1)))
            .build()
            .map_err(|e| (format!("client: {e}"), true))?;
        let t = chrono::Utc::now().timestamp();
        let signature = crate::domain::signature::sign(webhook.secret.as_bytes(), t, body.as_bytes());
        let res = client
            .post(url)
            .header("content-type", "application/json")
            .header(crate::domain::signature::HEADER, signature)
            .header("X-CRM-Event", event)
            .header("X-CRM-Delivery", id)
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| (format!("request failed: {}", without_url(&e)), true))?;
        Ok(res.status().as_u16())
    }

    /// The host and the one address a request to `url` may go to: every address its name
    /// resolves to is checked (a name that resolves to one public and one private address is
    /// refused), and the request is pinned to the first.
    async fn target(&self, url: &reqwest::Url) -> Result<(String, SocketAddr), (String, bool)> {
        let host = url.host_str().ok_or_else(|| ("the URL names no host".to_string(), false))?.to_string();
        let port = url.port_or_known_default().unwrap_or(443);
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let addrs: Vec<SocketAddr> = match bare.parse::<std::net::IpAddr>() {
            Ok(ip) => vec![SocketAddr::new(ip, port)],
            Err(_) => tokio::net::lookup_host((bare, port))
                .await
                .map_err(|e| (format!("{host} does not resolve: {e}"), true))?
                .collect(),
        };
        let first = *addrs.first().ok_or_else(|| (format!("{host} resolves to no address"), true))?;
        if !self.settings.allow_private_targets {
            for a in &addrs {
                if let Some(why) = forbidden(a.ip()) {
                    return Err((format!("refused: {host} resolves to a {why} address ({})", a.ip()), false));
                }
            }
        }
        Ok((bare.to_string(), first))
    }

    /// Runs the dispatcher (one process at a time) and this process's sender.
    pub fn spawn(self, db: crate::db::Db) -> Vec<tokio::task::JoinHandle<()>> {
        const IDLE: Duration = Duration::from_millis(500);
        let dispatcher = self.clone();
        let dispatch = crate::repositories::leases::spawn_leased_worker(
            db,
            "webhook_dispatch",
            "webhook dispatch",
            IDLE,
            move || {
                let this = dispatcher.clone();
                async move { this.dispatch_step().await }
            },
        );
        let sender = crate::repositories::leases::spawn_loop("sending webhooks", IDLE, move || {
            let this = self.clone();
            async move { this.send_step().await }
        });
        vec![dispatch, sender]
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A request error without its URL (which may carry a token in its query).
fn without_url(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect"
    } else {
        "failed"
    };
    kind.to_string()
}

fn app_to_repo(e: AppError) -> RepoError {
    RepoError::Decode(e.to_string())
}
