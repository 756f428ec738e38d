//! Notification storage: each user's notifications (`notification`, newest first), the ones
//! waiting to go out by email, SMS or push (`notification_outbox`), their preferences
//! (`notification_pref:<user>`), how far the notifier read the change feed of each entity and
//! the tasks' due dates (`notify_feed:<entity>`, `notify_feed:task_due`), and the notifications
//! raised only once (`notify_once:<key>`).

use serde_json::{json, Value};

use super::{check_tx, decode_rows, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::notifications::{Device, Notification, Outbound, Preferences};

/// Where a batch of notifications came from, so that storing them moves that source on in the
/// same transaction (or refuses to store them twice).
pub enum Source<'a> {
    /// Raised directly.
    Direct,
    /// Raised once only: a second batch with the same key stores nothing (`already_raised`).
    Once(&'a str),
    /// The feed `notify_feed:<name>` read from `from` to `to` (`cursor_moved` when another
    /// notifier moved it first).
    Feed { name: &'a str, from: Value, to: Value },
}

/// Notification persistence.
#[derive(Clone)]
pub struct NotificationRepository {
    db: Db,
}

impl NotificationRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// How far the notifier read the feed's events of `entity`.
    pub async fn cursor(&self, entity: &str) -> RepoResult<i64> {
        let mut r = self
            .db
            .query("SELECT VALUE last FROM ONLY type::record('notify_feed', $e)")
            .bind(("e", entity.to_string()))
            .await?
            .check()?;
        let last: Option<i64> = r.take(0)?;
        Ok(last.unwrap_or(0))
    }

    /// The task-due scan's place: the due key it read up to (none before its first step).
    pub async fn due_cursor(&self) -> RepoResult<Option<String>> {
        let mut r = self.db.query("SELECT VALUE last FROM ONLY notify_feed:task_due").await?.check()?;
        Ok(r.take(0)?)
    }

    /// Tasks whose due key is after `from` and at most `to`, in due order: `(due key, id,
    /// title, assignee, status)`.
    pub async fn tasks_falling_due(
        &self,
        from: &str,
        to: &str,
        limit: usize,
    ) -> RepoResult<Vec<(String, String, String, Option<String>, String)>> {
        let mut r = self
            .db
            .query(
                "SELECT VALUE [dkey, key, title, assignee_id, status] FROM task \
                 WHERE part = $p AND dkey > $from AND dkey <= $to ORDER BY dkey LIMIT $limit",
            )
            .bind(json!({"p": super::records::LIST_PART, "from": from, "to": to, "limit": limit}))
            .await?
            .check()?;
        let rows: Vec<(String, String, String, Option<String>, String)> = r.take(0)?;
        Ok(rows)
    }

    /// Stores `notifications` (in-app) and `outbound` messages, moving `source` on in the same
    /// transaction.
    pub async fn raise(
        &self,
        source: Source<'_>,
        notifications: &[Notification],
        outbound: &[Outbound],
    ) -> RepoResult<()> {
        let rows: Vec<Value> = notifications
            .iter()
            .map(|n| {
                let mut row = super::records::keyed(encode_row(n));
                super::records::add_descending_keys(&mut row, &["key"]);
                row["unread"] = json!(true);
                row
            })
            .collect();
        let out: Vec<Value> = outbound.iter().map(|o| super::records::keyed(encode_row(o))).collect();
        let (guard, name, from, to) = match source {
            Source::Direct => (String::new(), Value::Null, Value::Null, Value::Null),
            Source::Once(key) => (
                "IF (SELECT VALUE id FROM ONLY type::record('notify_once', $name)) != NONE { THROW 'already_raised' };\n\
                 CREATE type::record('notify_once', $name) SET at = time::now() RETURN NONE;\n"
                    .to_string(),
                json!(key),
                Value::Null,
                Value::Null,
            ),
            Source::Feed { name, from, to } => (
                "IF ((SELECT VALUE last FROM ONLY type::record('notify_feed', $name)) ?? $zero) != $from { THROW 'cursor_moved' };\n\
                 UPSERT type::record('notify_feed', $name) SET last = $to RETURN NONE;\n"
                    .to_string(),
                json!(name),
                from,
                to,
            ),
        };
        let zero = if from.is_string() { json!("") } else { json!(0) };
        let sql = format!(
            "BEGIN;\n{guard}\
            IF array::len($rows) > 0 {{ INSERT INTO notification $rows RETURN NONE }};\n\
            IF array::len($out) > 0 {{ INSERT IGNORE INTO notification_outbox $out RETURN NONE }};\n\
            COMMIT;"
        );
        let vars = json!({"name": name, "from": from, "to": to, "zero": zero, "rows": rows, "out": out});
        check_tx(self.db.query(sql).bind(vars).await?).map(|_| ())
    }

    /// Whether the notification raised once under `key` was raised.
    pub async fn raised_once(&self, key: &str) -> RepoResult<bool> {
        let mut r = self
            .db
            .query("SELECT VALUE at FROM ONLY type::record('notify_once', $k)")
            .bind(("k", key.to_string()))
            .await?
            .check()?;
        let at: Option<Value> = r.take(0)?;
        Ok(at.is_some_and(|v| !v.is_null()))
    }

    /// Outbound messages due by `now`, in due order.
    pub async fn due_outbound(&self, now: &str, limit: usize) -> RepoResult<Vec<Outbound>> {
        let mut r = self
            .db
            .query(
                "SELECT * FROM notification_outbox WHERE status = 'queued' AND due <= $now ORDER BY due LIMIT $limit",
            )
            .bind(json!({"now": now, "limit": limit}))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        decode_rows(rows.into_iter().map(super::strip_id).collect())
    }

    /// Records an attempt at an outbound message.
    pub async fn record_outbound(&self, o: &Outbound) -> RepoResult<()> {
        self.db
            .query(
                "UPDATE type::record('notification_outbox', $id) SET status = $status, attempts = $attempts, \
                 due = $due, error = $error RETURN NONE",
            )
            .bind(json!({"id": o.id, "status": o.status, "attempts": o.attempts, "due": o.due, "error": o.error}))
            .await?
            .check()?;
        Ok(())
    }

    /// The sign-in addresses of `users`.
    pub async fn user_emails(&self, users: &[String]) -> RepoResult<std::collections::HashMap<String, String>> {
        let mut r = self
            .db
            .query("SELECT VALUE [key, email] FROM array::map($u, |$i| type::record('user', $i)) WHERE email != NONE")
            .bind(("u", users.to_vec()))
            .await?
            .check()?;
        let rows: Vec<(String, String)> = r.take(0)?;
        Ok(rows.into_iter().collect())
    }

    /// A page of a user's notifications, newest first (only unread ones when `unread`).
    pub async fn page(
        &self,
        user_id: &str,
        unread: bool,
        after: Option<&str>,
        limit: usize,
    ) -> RepoResult<(Vec<Notification>, Option<String>)> {
        let mut query = super::records::ListQuery::newest_first("notification", after.map(String::from), limit);
        // The (user_id, rkey) and (user_id, unread, rkey) indexes serve these.
        query.filtered = true;
        query.conditions.push("user_id = $u");
        if unread {
            query.conditions.push("unread = true");
        }
        query.vars.insert("u".into(), json!(user_id));
        query.page(&self.db).await
    }

    /// How many notifications of the user are unread.
    pub async fn unread(&self, user_id: &str) -> RepoResult<u64> {
        let mut r = self
            .db
            .query("SELECT count() AS n FROM notification WHERE user_id = $u AND unread = true GROUP ALL")
            .bind(("u", user_id.to_string()))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        Ok(rows.first().and_then(|r| r.get("n")).and_then(Value::as_u64).unwrap_or(0))
    }

    /// Marks one of the user's notifications read; false when the user has no such one.
    pub async fn mark_read(&self, user_id: &str, id: &str, now: &str) -> RepoResult<bool> {
        let mut r = self
            .db
            .query(
                "UPDATE type::record('notification', $id) SET unread = false, read_at = read_at ?? $now \
                 WHERE user_id = $u RETURN VALUE key",
            )
            .bind(json!({"id": id, "u": user_id, "now": now}))
            .await?
            .check()?;
        let done: Vec<Value> = r.take(0)?;
        Ok(!done.is_empty())
    }

    /// Marks every unread notification of the user read.
    pub async fn mark_all_read(&self, user_id: &str, now: &str) -> RepoResult<()> {
        self.db
            .query("UPDATE notification SET unread = false, read_at = $now WHERE user_id = $u AND unread = true RETURN NONE")
            .bind(json!({"u": user_id, "now": now}))
            .await?
            .check()?;
        Ok(())
    }

    /// A user's preferences (empty: every kind in-app).
    pub async fn preferences(&self, user_id: &str) -> RepoResult<Preferences> {
        let mut r = self
            .db
            .query("SELECT VALUE kinds FROM ONLY type::record('notification_pref', $u)")
            .bind(("u", user_id.to_string()))
            .await?
            .check()?;
        let kinds: Option<Value> = r.take(0)?;
        Ok(kinds.and_then(|k| serde_json::from_value(k).ok()).unwrap_or_default())
    }

    /// Preferences of every user that set any (for the notifier).
    pub async fn all_preferences(
        &self,
        users: &[String],
    ) -> RepoResult<std::collections::HashMap<String, Preferences>> {
        let mut r = self
            .db
            .query("SELECT VALUE [record::id(id), kinds] FROM array::map($u, |$i| type::record('notification_pref', $i)) WHERE kinds != NONE")
            .bind(("u", users.to_vec()))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                Some((row.get(0)?.as_str()?.to_string(), serde_json::from_value(row.get(1)?.clone()).ok()?))
            })
            .collect())
    }

    /// Registers (or refreshes) a device of the user for push; a token moving to another user
    /// (a phone signed in by someone else) moves with it.
    pub async fn register_device(&self, device: &Device) -> RepoResult<()> {
        self.db
            .query(
                "UPSERT type::record('notification_device', $id) SET token = $push_token, user_id = $user_id, \
                 platform = $platform, created_at = created_at ?? $at, updated_at = $at RETURN NONE",
            )
            .bind(json!({"id": device.id, "push_token": device.token, "user_id": device.user_id,
                "platform": device.platform, "at": device.updated_at}))
            .await?
            .check()?;
        Ok(())
    }

    /// Removes one of the user's devices; false when the user has no such device.
    pub async fn remove_device(&self, user_id: &str, id: &str) -> RepoResult<bool> {
        let mut r = self
            .db
            .query("DELETE type::record('notification_device', $id) WHERE user_id = $u RETURN BEFORE")
            .bind(json!({"id": id, "u": user_id}))
            .await?
            .check()?;
        let gone: Vec<Value> = r.take(0)?;
        Ok(!gone.is_empty())
    }

    /// The push devices of `users`.
    pub async fn devices(&self, users: &[String]) -> RepoResult<Vec<Device>> {
        let mut r = self
            .db
            .query(
                "SELECT record::id(id) AS id, token, user_id, platform, updated_at FROM notification_device \
                 WHERE user_id IN $u ORDER BY updated_at DESC",
            )
            .bind(("u", users.to_vec()))
            .await?
            .check()?;
        let rows: Vec<Value> = r.take(0)?;
        decode_rows(rows)
    }

    /// Replaces a user's preferences.
    pub async fn set_preferences(&self, user_id: &str, prefs: &Preferences) -> RepoResult<()> {
        self.db
            .query("UPSERT type::record('notification_pref', $u) SET kinds = $k RETURN NONE")
            .bind(json!({"u": user_id, "k": prefs}))
            .await?
            .check()?;
        Ok(())
    }
}
