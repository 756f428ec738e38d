//! Delivery storage: the outbox (`outbox:<campaign>_<contact>`, one message per campaign and
//! contact), each campaign's progress marker and counters (`delivery:<campaign>`), suppressed
//! addresses (`suppression:<sha-256 of the address>`), and the look-ups queueing needs.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{check_tx, decode_row, decode_rows, encode_row, strip_id, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::consents::ConsentStatus;
use crate::domain::deliveries::{MessageStatus, Skipped, Suppressed};

/// One message of the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// `<campaign id>_<contact id>`.
    pub id: String,
    /// The campaign.
    pub campaign_id: String,
    /// The recipient.
    pub contact_id: String,
    /// Channel (`email`).
    pub channel: String,
    /// Address as it was when queued.
    pub to: String,
    /// Merge field values as they were when queued.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
    /// Where it stands.
    pub status: MessageStatus,
    /// Attempts made (or under way).
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
    /// `Message-ID`, the same on every attempt.
    pub message_id: String,
    /// When it was accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<String>,
    /// First open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<String>,
    /// First click.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clicked_at: Option<String>,
    /// When it was queued.
    pub created_at: String,
}

/// A campaign's delivery: how far queueing got and what its messages did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// The campaign.
    #[serde(default)]
    pub campaign_id: String,
    /// Every member of the audience is queued or skipped.
    #[serde(default)]
    pub queued_all: bool,
    /// Where queueing goes on (the segment's page cursor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Messages queued.
    #[serde(default)]
    pub total: u64,
    /// Waiting.
    #[serde(default)]
    pub queued: u64,
    /// Claimed.
    #[serde(default)]
    pub sending: u64,
    /// Accepted.
    #[serde(default)]
    pub sent: u64,
    /// Refused for good.
    #[serde(default)]
    pub failed: u64,
    /// Out of attempts.
    #[serde(default)]
    pub dead: u64,
    /// Members left out.
    #[serde(default)]
    pub skipped: Skipped,
    /// Opens (every one).
    #[serde(default)]
    pub opens: u64,
    /// Messages opened.
    #[serde(default)]
    pub unique_opens: u64,
    /// Clicks (every one).
    #[serde(default)]
    pub clicks: u64,
    /// Messages clicked.
    #[serde(default)]
    pub unique_clicks: u64,
    /// Recipients who unsubscribed from it.
    #[serde(default)]
    pub unsubscribed: u64,
    /// Messages that hard-bounced.
    #[serde(default)]
    pub bounced: u64,
    /// Deals won by recipients that were attributed to it.
    #[serde(default)]
    pub conversions: u64,
    /// Of `sent`, the webhook channel's posts.
    #[serde(default)]
    pub webhook_sent: u64,
    /// Of `failed` and `dead`, the webhook channel's posts.
    #[serde(default)]
    pub webhook_failed: u64,
    /// When delivery started.
    #[serde(default)]
    pub started_at: String,
}

/// The result of one attempt at a claimed message.
#[derive(Debug, Clone)]
pub struct Attempted {
    /// Message key.
    pub id: String,
    /// Where it moves.
    pub status: MessageStatus,
    /// The error, unless sent.
    pub error: Option<String>,
    /// When to try again (queued).
    pub due: String,
}

/// The suppression row of an address (its SHA-256, so no address is kept in the list).
pub fn suppression_key(email: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(email.trim().to_lowercase().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Rows each campaign's delivery counters are spread over (`delivery_count:[<campaign>, n]`), so
/// that workers and tracking links rarely write the same one, nor the queueing marker.
pub const COUNT_SHARDS: u64 = 16;

fn shard() -> u64 {
    rand::random::<u64>() % COUNT_SHARDS
}

/// The consent entries of a batch of contacts for a channel and purpose.
pub const CONSENTS_SQL: &str =
    "SELECT contact_id, status, at, key FROM consent WHERE contact_id IN $ids AND channel = $ch AND purpose = $p";

/// The due messages of a campaign in a status, oldest due first.
pub const DUE_SQL: &str =
    "SELECT VALUE id FROM outbox WHERE campaign_id = $c AND status = $st AND due <= $now ORDER BY due LIMIT $limit";

/// Delivery persistence.
#[derive(Clone)]
pub struct DeliveryRepository {
    db: Db,
}

impl DeliveryRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The campaign's marker with its counters summed, if delivery started.
    pub async fn marker(&self, campaign_id: &str) -> RepoResult<Option<Marker>> {
        let shards: Vec<Value> = (0..COUNT_SHARDS).map(|n| json!([campaign_id, n])).collect();
        let mut r = self
            .db
            .query(
                "SELECT * OMIT id FROM ONLY type::record('delivery', $c);\n\
                 SELECT * OMIT id FROM array::map($shards, |$k| type::record('delivery_count', $k));",
            )
            .bind(json!({"c": campaign_id, "shards": shards}))
            .await?
            .check()?;
        let row: Option<Value> = r.take(0)?;
        let Some(row) = row.filter(|v| !v.is_null()) else { return Ok(None) };
        let mut marker: Marker = serde_json::from_value(row).map_err(|e| RepoError::Decode(e.to_string()))?;
        let counts: Vec<Value> = r.take(1)?;
        let sum = |field: &str| -> u64 {
            let total: i64 = counts.iter().filter_map(|c| c.get(field).and_then(Value::as_i64)).sum();
            total.max(0) as u64
        };
        marker.sending = sum("sending");
        marker.sent = sum("sent");
        marker.failed = sum("failed");
        marker.dead = sum("dead");
        marker.opens = sum("opens");
        marker.unique_opens = sum("unique_opens");
        marker.clicks = sum("clicks");
        marker.unique_clicks = sum("unique_clicks");
        marker.unsubscribed = sum("unsubscribed");
        marker.bounced = sum("bounced");
        marker.conversions = sum("conversions");
        marker.webhook_sent = sum("webhook_sent");
        marker.webhook_failed = sum("webhook_failed");
        marker.queued = marker.total.saturating_sub(marker.sending + marker.sent + marker.failed + marker.dead);
        Ok(Some(marker))
    }

    /// Creates the campaign's marker unless it exists.
    pub async fn start(&self, campaign_id: &str, now: &str) -> RepoResult<()> {
        let marker = Marker { campaign_id: campaign_id.to_string(), started_at: now.to_string(), ..Default::default() };
        let sql = "IF (SELECT VALUE campaign_id FROM ONLY type::record('delivery', $c)) = NONE \
                   { CREATE type::record('delivery', $c) CONTENT $m RETURN NONE };";
        let response = self.db.query(sql).bind(json!({"c": campaign_id, "m": marker})).await?;
        match check_tx(response) {
            Ok(_) | Err(RepoError::Duplicate(_) | RepoError::TxConflict) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Writes one batch of queued messages and moves the marker's cursor from `from` to `to`
    /// in one transaction; `cursor_moved` when another worker moved it first.
    pub async fn queue(
        &self,
        campaign_id: &str,
        from: Option<&str>,
        to: Option<&str>,
        messages: &[Message],
        skipped: Skipped,
    ) -> RepoResult<()> {
        let rows: Vec<Value> = messages.iter().map(|m| super::records::keyed(encode_row(m))).collect();
        let sql = "BEGIN;\n\
            LET $m = (SELECT cursor, queued_all FROM ONLY type::record('delivery', $c));\n\
            IF $m = NONE OR $m.queued_all OR ($m.cursor OR '') != $from { THROW 'cursor_moved' };\n\
            LET $new = IF array::len($rows) > 0 { (INSERT IGNORE INTO outbox $rows RETURN VALUE id) } ELSE { [] };\n\
            UPDATE type::record('delivery', $c) SET cursor = $to, queued_all = $done, total += array::len($new), \
              skipped.unsubscribed += $s.unsubscribed, skipped.no_consent += $s.no_consent, \
              skipped.bounced += $s.bounced, skipped.do_not_contact += $s.do_not_contact RETURN NONE;\n\
            COMMIT;";
        let vars = json!({"c": campaign_id, "from": from.unwrap_or(""), "to": to, "done": to.is_none(), "rows": rows,
                          "n": messages.len(), "s": skipped});
        let response = self.db.query(sql).bind(vars).await?;
        check_tx(response).map(|_| ())
    }

    /// Claims up to `limit` messages of the campaign that are due (queued, or sending with a
    /// claim that ran out) until `until`, under `claim`.
    pub async fn claim(
        &self,
        campaign_id: &str,
        now: &str,
        until: &str,
        claim: &str,
        limit: usize,
    ) -> RepoResult<Vec<Message>> {
        let sql = format!(
            "BEGIN;\n\
            LET $q = ({queued});\n\
            LET $s = ({sending});\n\
            LET $fresh = (UPDATE $q SET status = 'sending', due = $until, claim = $claim, attempts += 1 RETURN AFTER);\n\
            LET $stale = (UPDATE $s SET due = $until, claim = $claim, attempts += 1 RETURN AFTER);\n\
            UPSERT type::record('delivery_count', [$c, $shard]) SET sending += array::len($fresh) RETURN NONE;\n\
            RETURN array::concat($fresh, $stale);\n\
            COMMIT;",
            queued = DUE_SQL.replace("$st", "'queued'"),
            sending = DUE_SQL.replace("$st", "'sending'"),
        );
        let vars =
            json!({"c": campaign_id, "now": now, "until": until, "claim": claim, "limit": limit, "shard": shard()});
        let response = self.db.query(sql).bind(vars).await?;
        let mut response = check_tx(response)?;
        let rows: Vec<Value> = response.take(response.num_statements() - 2)?;
        let mut messages: Vec<Message> = decode_rows(rows.into_iter().map(strip_id).collect())?;
        messages.truncate(limit.max(1) * 2);
        Ok(messages)
    }

    /// Records what the attempts of messages claimed under `claim` did, in one transaction; a
    /// message another worker claimed since (its claim ran out) is left to that worker.
    /// `timeline` holds a timeline entry row per sent message (written for those recorded).
    pub async fn finish(
        &self,
        campaign_id: &str,
        claim: &str,
        results: &[Attempted],
        timeline: Vec<(String, crate::domain::timeline::TimelineEntry)>,
        now: &str,
    ) -> RepoResult<()> {
        let rows = |s: MessageStatus| -> Value {
            results
                .iter()
                .filter(|r| r.status == s)
                .map(|a| json!({"id": a.id, "error": a.error, "due": a.due}))
                .collect()
        };
        let sent_ids: Vec<&str> =
            results.iter().filter(|r| r.status == MessageStatus::Sent).map(|r| r.id.as_str()).collect();
        let counts = crate::domain::analytics::activity(timeline.iter().map(|(_, e)| e));
        let timeline: Vec<Value> = timeline
            .iter()
            .map(|(message, entry)| json!({"m": message, "row": super::records::keyed(super::timeline::row(entry))}))
            .collect();
        // Only the messages still claimed under `claim` are this worker's to record (another
        // worker may have claimed one whose claim ran out). Sends are the many: one UPDATE;
        // failures are the few: checked, then changed one by one.
        let mut sql = String::from(
            "BEGIN;\n\
            LET $sent = (UPDATE array::map($sent_ids, |$i| type::record('outbox', $i)) \
                SET status = 'sent', sent_at = $now, error = NONE, claim = NONE \
                WHERE claim = $claim AND status = 'sending' RETURN VALUE key);\n\
            LET $hooks = array::filter($sent, |$k| string::ends_with($k, '_webhook'));\n\
            LET $failed = (SELECT VALUE record::id(id) FROM array::map($failed_rows, |$r| type::record('outbox', $r.id)) \
                WHERE claim = $claim AND status = 'sending');\n\
            LET $dead = (SELECT VALUE record::id(id) FROM array::map($dead_rows, |$r| type::record('outbox', $r.id)) \
                WHERE claim = $claim AND status = 'sending');\n\
            LET $retried = (SELECT VALUE record::id(id) FROM array::map($retry_rows, |$r| type::record('outbox', $r.id)) \
                WHERE claim = $claim AND status = 'sending');\n\
            FOR $r IN $failed_rows { IF $r.id INSIDE $failed { UPDATE type::record('outbox', $r.id) \
                SET status = 'failed', error = $r.error, claim = NONE RETURN NONE; }; };\n\
            FOR $r IN $dead_rows { IF $r.id INSIDE $dead { UPDATE type::record('outbox', $r.id) \
                SET status = 'dead', error = $r.error, claim = NONE RETURN NONE; }; };\n\
            FOR $r IN $retry_rows { IF $r.id INSIDE $retried { UPDATE type::record('outbox', $r.id) \
                SET status = 'queued', due = $r.due, error = $r.error, claim = NONE RETURN NONE; }; };\n\
            UPSERT type::record('delivery_count', [$c, $shard]) SET sent += array::len($sent), \
                failed += array::len($failed), dead += array::len($dead), sending -= array::len($sent) + \
                array::len($failed) + array::len($dead) + array::len($retried), \
                webhook_sent += array::len($hooks), webhook_failed += array::len(array::filter(\
                array::concat($failed, $dead), |$k| string::ends_with($k, '_webhook'))) RETURN NONE;\n\
            IF array::len($sent) - array::len($hooks) = array::len($timeline) { INSERT INTO timeline_entry $timeline.row RETURN NONE } \
            ELSE IF array::len($sent) > 0 { INSERT INTO timeline_entry (SELECT VALUE row FROM $timeline WHERE m INSIDE $sent) RETURN NONE };\n\
            COMMIT;",
        );
        let mut vars = json!({
            "c": campaign_id, "claim": claim, "now": now, "shard": shard(), "sent_ids": sent_ids,
            "failed_rows": rows(MessageStatus::Failed), "dead_rows": rows(MessageStatus::Dead),
            "retry_rows": rows(MessageStatus::Queued), "timeline": timeline,
        });
        if !counts.is_empty() {
            sql = sql.replacen("BEGIN;\n", &format!("BEGIN;\n{}\n", super::analytics::apply_counts_sql()), 1);
            vars["counts"] = super::analytics::bound(&counts);
        }
        super::records::run_retried(&self.db, &sql, vars).await
    }

    /// Ids of the campaigns in `status`.
    pub async fn campaigns_in(&self, status: &str) -> RepoResult<Vec<(String, Option<String>)>> {
        let mut r = self
            .db
            .query("SELECT key, scheduled_at FROM campaign WHERE status = $s LIMIT 1000")
            .bind(("s", status.to_string()))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let key = r.get("key")?.as_str()?.to_string();
                Some((key, r.get("scheduled_at").and_then(Value::as_str).map(String::from)))
            })
            .collect())
    }

    /// One message.
    pub async fn message(&self, id: &str) -> RepoResult<Option<Message>> {
        let mut r = self
            .db
            .query("SELECT * FROM ONLY type::record('outbox', $id)")
            .bind(("id", id.to_string()))
            .await?
            .check()?;
        let row: Option<Value> = r.take(0)?;
        row.filter(|v| !v.is_null()).map(|v| decode_row(strip_id(v))).transpose()
    }

    /// A page of the campaign's messages in `status` (all when `None`), in key order.
    pub async fn messages(
        &self,
        campaign_id: &str,
        status: Option<MessageStatus>,
        after: Option<&str>,
        limit: usize,
    ) -> RepoResult<Vec<Message>> {
        let sql = match status {
            Some(_) => {
                "SELECT * FROM outbox WHERE campaign_id = $c AND status = $s AND key > $after ORDER BY key LIMIT $limit"
            }
            None => "SELECT * FROM outbox WHERE campaign_id = $c AND key > $after ORDER BY key LIMIT $limit",
        };
        let vars =
            json!({"c": campaign_id, "s": status.map(|s| s.as_str()), "after": after.unwrap_or(""), "limit": limit});
        let mut r = self.db.query(sql).bind(vars).await?.check()?;
        let rows: Vec<Value> = r.take(0)?;
        decode_rows(rows.into_iter().map(strip_id).collect())
    }

    /// Records an open (`unique`: the message's first) or a click.
    pub async fn track(&self, id: &str, campaign_id: &str, field: Tracked, now: &str) -> RepoResult<bool> {
        let (first_field, total, unique) = match field {
            Tracked::Open => ("opened_at", "opens", "unique_opens"),
            Tracked::Click => ("clicked_at", "clicks", "unique_clicks"),
        };
        let sql = format!(
            "BEGIN;\n\
             LET $m = (SELECT {first_field} AS at FROM ONLY type::record('outbox', $id));\n\
             IF $m = NONE {{ THROW 'not_found' }};\n\
             LET $first = $m.at = NONE;\n\
             IF $first {{ UPDATE type::record('outbox', $id) SET {first_field} = $now RETURN NONE }};\n\
             UPSERT type::record('delivery_count', [$c, $shard]) SET {total} += 1, \
               {unique} += IF $first THEN 1 ELSE 0 END RETURN NONE;\n\
             RETURN $first;\n\
             COMMIT;"
        );
        let response =
            self.db.query(sql).bind(json!({"id": id, "c": campaign_id, "now": now, "shard": shard()})).await?;
        let mut response = check_tx(response)?;
        let first: Option<bool> = response.take(response.num_statements() - 2)?;
        Ok(first.unwrap_or(false))
    }

    /// Adds one to a campaign counter (`unsubscribed`, `bounced`).
    pub async fn bump(&self, campaign_id: &str, counter: Counter) -> RepoResult<()> {
        let sql = match counter {
            Counter::Unsubscribed => {
                "UPSERT type::record('delivery_count', [$c, $shard]) SET unsubscribed += 1 RETURN NONE"
            }
            Counter::Bounced => "UPSERT type::record('delivery_count', [$c, $shard]) SET bounced += 1 RETURN NONE",
        };
        super::records::run_retried(&self.db, sql, json!({"c": campaign_id, "shard": shard()})).await
    }

    /// How far attribution read the deal events of the change feed.
    pub async fn attribution_cursor(&self) -> RepoResult<i64> {
        let mut r = self.db.query("SELECT VALUE last FROM ONLY attribution_feed:deal").await?.check()?;
        let last: Option<i64> = r.take(0)?;
        Ok(last.unwrap_or(0))
    }

    /// The contacts of each of `deals` (deals deleted since have none).
    pub async fn deal_contacts(&self, deals: &[String]) -> RepoResult<HashMap<String, Vec<String>>> {
        let mut r = self
            .db
            .query("SELECT VALUE [key, contact_ids ?? []] FROM array::map($d, |$i| type::record('deal', $i)) WHERE key != NONE")
            .bind(("d", deals.to_vec()))
            .await?
            .check()?;
        let rows: Vec<(String, Vec<String>)> = r.take(0)?;
        Ok(rows.into_iter().collect())
    }

    /// The campaign emails sent to `contact` between `since` and `until`: `(campaign, sent at)`.
    pub async fn sent_to(&self, contact: &str, since: &str, until: &str) -> RepoResult<Vec<(String, String)>> {
        let mut r = self
            .db
            .query(
                "SELECT VALUE [campaign_id, sent_at] FROM outbox WHERE contact_id = $c AND status = 'sent' \
                 AND channel = 'email' AND sent_at >= $since AND sent_at <= $until",
            )
            .bind(json!({"c": contact, "since": since, "until": until}))
            .await?
            .check()?;
        Ok(r.take(0)?)
    }

    /// Counts a conversion for each of `campaigns` and moves the attribution cursor from `from`
    /// to `to`, in one transaction (`cursor_moved` when another worker moved it first).
    pub async fn attribute(&self, from: i64, to: i64, campaigns: &[String]) -> RepoResult<()> {
        let sql = "BEGIN;\n\
            IF ((SELECT VALUE last FROM ONLY attribution_feed:deal) ?? 0) != $from { THROW 'cursor_moved' };\n\
            UPSERT attribution_feed:deal SET last = $to RETURN NONE;\n\
            FOR $c IN $campaigns { UPSERT type::record('delivery_count', [$c, $shard]) SET conversions += 1 RETURN NONE; };\n\
            COMMIT;";
        let vars = json!({"from": from, "to": to, "campaigns": campaigns, "shard": shard()});
        check_tx(self.db.query(sql).bind(vars).await?).map(|_| ())
    }

    /// Suppresses an address (kept as its hash); an earlier suppression stays.
    pub async fn suppress(&self, email: &str, reason: Suppressed, now: &str) -> RepoResult<bool> {
        let sql = "BEGIN;\n\
            LET $had = (SELECT VALUE reason FROM ONLY type::record('suppression', $k));\n\
            IF $had = NONE { CREATE type::record('suppression', $k) SET reason = $r, at = $now RETURN NONE };\n\
            RETURN $had = NONE;\n\
            COMMIT;";
        let response = self.db.query(sql).bind(json!({"k": suppression_key(email), "r": reason, "now": now})).await?;
        let mut response = check_tx(response)?;
        let new: Option<bool> = response.take(response.num_statements() - 2)?;
        Ok(new.unwrap_or(false))
    }

    /// Why each of `emails` is suppressed (absent: it is not), keyed by address.
    pub async fn suppressions(&self, emails: &[String]) -> RepoResult<HashMap<String, Suppressed>> {
        if emails.is_empty() {
            return Ok(HashMap::new());
        }
        let keys: Vec<String> = emails.iter().map(|e| suppression_key(e)).collect();
        let mut r = self
            .db
            .query("SELECT VALUE [record::id(id), reason] FROM array::map($k, |$i| type::record('suppression', $i)) WHERE reason != NONE")
            .bind(("k", keys.clone()))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        let by_key: HashMap<String, Suppressed> = rows
            .into_iter()
            .filter_map(|row| {
                let key = row.get(0)?.as_str()?.to_string();
                Some((key, serde_json::from_value(row.get(1)?.clone()).ok()?))
            })
            .collect();
        Ok(emails.iter().zip(keys).filter_map(|(e, k)| by_key.get(&k).map(|s| (e.clone(), *s))).collect())
    }

    /// The latest consent status per contact of `contact_ids` for `channel` and `purpose`.
    pub async fn consents(
        &self,
        contact_ids: &[String],
        channel: &str,
        purpose: &str,
    ) -> RepoResult<HashMap<String, ConsentStatus>> {
        if contact_ids.is_empty() {
            return Ok(HashMap::new());
        }
        // One scan of consent_contact_key per contact, in one query.
        let mut r = self
            .db
            .query(CONSENTS_SQL)
            .bind(json!({"ids": contact_ids, "ch": channel, "p": purpose}))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        let mut latest: HashMap<String, (String, String, ConsentStatus)> = HashMap::new();
        for row in rows {
            let (Some(c), Some(at), Some(key), Some(status)) = (
                row.get("contact_id").and_then(Value::as_str),
                row.get("at").and_then(Value::as_str),
                row.get("key").and_then(Value::as_str),
                row.get("status").cloned().and_then(|s| serde_json::from_value::<ConsentStatus>(s).ok()),
            ) else {
                continue;
            };
            let newer = latest.get(c).is_none_or(|(a, k, _)| (at, key) > (a.as_str(), k.as_str()));
            if newer {
                latest.insert(c.to_string(), (at.to_string(), key.to_string(), status));
            }
        }
        Ok(latest.into_iter().map(|(c, (_, _, s))| (c, s)).collect())
    }

    /// The names of the companies `ids`.
    pub async fn company_names(&self, ids: &[String]) -> RepoResult<HashMap<String, String>> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut r = self
            .db
            .query("SELECT VALUE [key, name] FROM array::map($ids, |$i| type::record('company', $i)) WHERE key != NONE")
            .bind(("ids", ids.to_vec()))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| Some((row.get(0)?.as_str()?.to_string(), row.get(1)?.as_str()?.to_string())))
            .collect())
    }
}

/// What a tracking link recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tracked {
    /// The pixel loaded.
    Open,
    /// A link followed.
    Click,
}

/// Campaign counters raised one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counter {
    /// A recipient unsubscribed.
    Unsubscribed,
    /// A message hard-bounced.
    Bounced,
}
