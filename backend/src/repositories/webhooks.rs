//! Webhook storage: subscriptions (`webhook`), their deliveries (`webhook_delivery`, an outbox
//! claimed like campaign email) and how far the dispatcher read the change feed
//! (`webhook_feed:cursor`).

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{check_tx, decode_row, decode_rows, encode_row, strip_id, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::webhooks::Webhook;

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting for its (next) attempt.
    Queued,
    /// Claimed by a worker.
    Sending,
    /// The target answered 2xx.
    Delivered,
    /// Every attempt failed (or the target is refused); the last error is kept.
    Dead,
}

impl DeliveryStatus {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Queued => "queued",
            DeliveryStatus::Sending => "sending",
            DeliveryStatus::Delivered => "delivered",
            DeliveryStatus::Dead => "dead",
        }
    }
}

/// One delivery of one event to one subscription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookDelivery {
    /// Id (UUIDv7; also the `X-CRM-Delivery` header).
    pub id: String,
    /// The subscription.
    pub webhook_id: String,
    /// `contact.created`, ...
    pub event: String,
    /// The changed record (erasing a contact scrubs the bodies about it).
    #[serde(default)]
    pub entity_id: String,
    /// The change event's number in the feed.
    pub number: i64,
    /// The exact body sent (signed as it is on every attempt).
    pub body: String,
    /// Where it stands.
    pub status: DeliveryStatus,
    /// Attempts made.
    #[serde(default)]
    pub attempts: u32,
    /// When it may be tried (queued) or when its claim runs out (sending).
    pub due: String,
    /// The claim of the worker sending it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// The last error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The target's last HTTP status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_status: Option<u16>,
    /// When the target took it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<String>,
    /// When it was queued.
    pub created_at: String,
}

impl WebhookDelivery {
    /// A delivery of `body` as the event `event` (about `entity_id`, number `number` in the
    /// feed) to the subscription `webhook_id`, due at `ts`.
    pub fn queued(
        id: String,
        webhook_id: &str,
        (event, entity_id, number): (&str, &str, i64),
        body: String,
        ts: &str,
    ) -> Self {
        WebhookDelivery {
            id,
            webhook_id: webhook_id.to_string(),
            event: event.to_string(),
            entity_id: entity_id.to_string(),
            number,
            body,
            status: DeliveryStatus::Queued,
            attempts: 0,
            due: ts.to_string(),
            claim: None,
            error: None,
            response_status: None,
            delivered_at: None,
            created_at: ts.to_string(),
        }
    }
}

/// Stored rows of new deliveries (keyed, with the descending key the lists page by).
fn delivery_rows(deliveries: &[WebhookDelivery]) -> Vec<Value> {
    deliveries
        .iter()
        .map(|d| {
            let mut row = super::records::keyed(encode_row(d));
            super::records::add_descending_keys(&mut row, &["key"]);
            row
        })
        .collect()
}

/// Webhook persistence.
#[derive(Clone)]
pub struct WebhookRepository {
    db: Db,
}

impl WebhookRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Stores a subscription.
    pub async fn create(&self, webhook: &Webhook) -> RepoResult<()> {
        let sql = "CREATE type::record('webhook', $id) CONTENT $row RETURN NONE";
        self.db.query(sql).bind(json!({"id": webhook.id, "row": encode_row(webhook)})).await?.check()?;
        Ok(())
    }

    /// One subscription.
    pub async fn get(&self, id: &str) -> RepoResult<Option<Webhook>> {
        let mut r = self
            .db
            .query("SELECT * FROM ONLY type::record('webhook', $id)")
            .bind(("id", id.to_string()))
            .await?
            .check()?;
        let row: Option<Value> = r.take(0)?;
        row.filter(|v| !v.is_null()).map(|v| decode_row(strip_id(v))).transpose()
    }

    /// Every subscription, oldest first (at most 1,000).
    pub async fn all(&self) -> RepoResult<Vec<Webhook>> {
        let mut r = self.db.query("SELECT * FROM webhook ORDER BY key LIMIT 1000").await?.check()?;
        let rows: Vec<Value> = r.take(0)?;
        decode_rows(rows.into_iter().map(strip_id).collect())
    }

    /// Deletes a subscription; its queued deliveries die with it when they come up.
    pub async fn delete(&self, id: &str) -> RepoResult<bool> {
        let mut r = self
            .db
            .query("DELETE type::record('webhook', $id) RETURN BEFORE")
            .bind(("id", id.to_string()))
            .await?
            .check()?;
        let gone: Vec<Value> = r.take(0)?;
        Ok(!gone.is_empty())
    }

    /// How far the dispatcher read the feed.
    pub async fn cursor(&self) -> RepoResult<i64> {
        let mut r = self.db.query("SELECT VALUE last FROM ONLY webhook_feed:cursor").await?.check()?;
        let last: Option<i64> = r.take(0)?;
        Ok(last.unwrap_or(0))
    }

    /// Queues `deliveries` and moves the cursor from `from` to `to` in one transaction
    /// (`cursor_moved` when another dispatcher moved it first).
    pub async fn enqueue(&self, from: i64, to: i64, deliveries: &[WebhookDelivery]) -> RepoResult<()> {
        let rows = delivery_rows(deliveries);
        let sql = "BEGIN;\n\
            IF ((SELECT VALUE last FROM ONLY webhook_feed:cursor) ?? 0) != $from { THROW 'cursor_moved' };\n\
            IF array::len($rows) > 0 { INSERT INTO webhook_delivery $rows RETURN NONE };\n\
            UPSERT webhook_feed:cursor SET last = $to RETURN NONE;\n\
            COMMIT;";
        check_tx(self.db.query(sql).bind(json!({"from": from, "to": to, "rows": rows})).await?).map(|_| ())
    }

    /// Queues deliveries made outside the change feed (an event an integration sends through
    /// the API), in one transaction.
    pub async fn queue(&self, deliveries: &[WebhookDelivery]) -> RepoResult<()> {
        let rows = delivery_rows(deliveries);
        let sql = "IF array::len($rows) > 0 { INSERT INTO webhook_delivery $rows RETURN NONE };";
        check_tx(self.db.query(sql).bind(json!({"rows": rows})).await?).map(|_| ())
    }

    /// Claims up to `limit` due deliveries (queued, or sending with a claim that ran out).
    pub async fn claim(&self, now: &str, until: &str, claim: &str, limit: usize) -> RepoResult<Vec<WebhookDelivery>> {
        let sql = "BEGIN;\n\
            LET $q = (SELECT VALUE id FROM webhook_delivery WHERE status = 'queued' AND due <= $now ORDER BY due LIMIT $limit);\n\
            LET $s = (SELECT VALUE id FROM webhook_delivery WHERE status = 'sending' AND due <= $now ORDER BY due LIMIT $limit);\n\
            LET $c = (UPDATE array::concat($q, $s) SET status = 'sending', due = $until, claim = $claim, attempts += 1 RETURN AFTER);\n\
            RETURN $c;\n\
            COMMIT;";
        let vars = json!({"now": now, "until": until, "claim": claim, "limit": limit});
        let mut response = check_tx(self.db.query(sql).bind(vars).await?)?;
        let rows: Vec<Value> = response.take(response.num_statements() - 2)?;
        decode_rows(rows.into_iter().map(strip_id).collect())
    }

    /// Records an attempt's result, if the delivery is still claimed under `claim`.
    pub async fn record(&self, delivery: &WebhookDelivery, claim: &str) -> RepoResult<()> {
        let sql = "UPDATE type::record('webhook_delivery', $id) SET status = $status, due = $due, error = $error, \
                   response_status = $code, delivered_at = $delivered_at, claim = NONE \
                   WHERE claim = $claim AND status = 'sending' RETURN NONE";
        let vars = json!({
            "id": delivery.id, "status": delivery.status, "due": delivery.due, "error": delivery.error,
            "code": delivery.response_status, "delivered_at": delivery.delivered_at, "claim": claim,
        });
        super::records::run_retried(&self.db, sql, vars).await
    }

    /// A subscription's deliveries, newest first, after the descending key `after`.
    pub async fn deliveries(
        &self,
        webhook_id: &str,
        after: Option<&str>,
        limit: usize,
    ) -> RepoResult<(Vec<WebhookDelivery>, Option<String>)> {
        let mut query = super::records::ListQuery::newest_first("webhook_delivery", after.map(String::from), limit);
        // The (webhook_id, rkey) index serves it.
        query.filtered = true;
        query.conditions.push("webhook_id = $w");
        query.vars.insert("w".into(), json!(webhook_id));
        query.page(&self.db).await
    }

    /// One delivery.
    pub async fn delivery(&self, id: &str) -> RepoResult<Option<WebhookDelivery>> {
        let mut r = self
            .db
            .query("SELECT * OMIT rkey FROM ONLY type::record('webhook_delivery', $id)")
            .bind(("id", id.to_string()))
            .await?
            .check()?;
        let row: Option<Value> = r.take(0)?;
        row.filter(|v| !v.is_null()).map(|v| decode_row(strip_id(v))).transpose()
    }

    /// Queues a delivery again now, with a full set of attempts (unless it is being sent).
    pub async fn redeliver(&self, id: &str, now: &str) -> RepoResult<()> {
        let sql = "BEGIN;\n\
            LET $d = (SELECT status FROM ONLY type::record('webhook_delivery', $id));\n\
            IF $d = NONE { THROW 'not_found' };\n\
            IF $d.status = 'sending' { THROW 'delivery_in_flight' };\n\
            UPDATE type::record('webhook_delivery', $id) SET status = 'queued', due = $now, attempts = 0, error = NONE, \
              claim = NONE RETURN NONE;\n\
            COMMIT;";
        match check_tx(self.db.query(sql).bind(json!({"id": id, "now": now})).await?) {
            Ok(_) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Whether an error is the dispatcher losing a race to another.
pub fn lost_race(e: &RepoError) -> bool {
    matches!(e, RepoError::TxConflict) || matches!(e, RepoError::Rule(code) if code == "cursor_moved")
}
