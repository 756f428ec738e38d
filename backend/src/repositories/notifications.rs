//! Notification storage: each user's notifications (`notification`, newest first), their
//! preferences (`notification_pref:<user>`) and how far the notifier read the change feed
//! (`notify_feed:cursor`).

use serde_json::{json, Value};

use super::{check_tx, decode_rows, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::notifications::{Notification, Preferences};

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

    /// Stores `notifications` and moves the cursor of `entity` from `from` to `to` in one
    /// transaction.
    pub async fn raise(&self, entity: &str, from: i64, to: i64, notifications: &[Notification]) -> RepoResult<()> {
        let rows: Vec<Value> = notifications
            .iter()
            .map(|n| {
                let mut row = super::records::keyed(encode_row(n));
                super::records::add_descending_keys(&mut row, &["key"]);
                row["unread"] = json!(true);
                row
            })
            .collect();
        let sql = "BEGIN;\n\
            IF ((SELECT VALUE last FROM ONLY type::record('notify_feed', $e)) ?? 0) != $from { THROW 'cursor_moved' };\n\
            IF array::len($rows) > 0 { INSERT INTO notification $rows RETURN NONE };\n\
            UPSERT type::record('notify_feed', $e) SET last = $to RETURN NONE;\n\
            COMMIT;";
        check_tx(self.db.query(sql).bind(json!({"e": entity, "from": from, "to": to, "rows": rows})).await?).map(|_| ())
    }

    /// A page of a user's notifications, newest first (only unread ones when `unread`).
    pub async fn page(
        &self,
        user_id: &str,
        unread: bool,
        after: Option<&str>,
        limit: usize,
    ) -> RepoResult<(Vec<Notification>, Option<String>)> {
        let sql = if unread {
            "SELECT * OMIT id, unread FROM notification WHERE user_id = $u AND unread = true AND rkey > $after ORDER BY rkey LIMIT $limit"
        } else {
            "SELECT * OMIT id, unread FROM notification WHERE user_id = $u AND rkey > $after ORDER BY rkey LIMIT $limit"
        };
        let vars = json!({"u": user_id, "after": after.unwrap_or(""), "limit": limit + 1});
        let mut r = self.db.query(sql).bind(vars).await?.check()?;
        let mut rows: Vec<Value> = r.take(0)?;
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().and_then(|r| r.get("rkey")).and_then(Value::as_str).map(String::from)
        } else {
            None
        };
        for row in &mut rows {
            if let Value::Object(map) = row {
                map.remove("rkey");
            }
        }
        Ok((decode_rows(rows)?, next))
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
