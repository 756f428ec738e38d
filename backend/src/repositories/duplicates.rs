//! Duplicate pairs, the scan's position in the change feed, and merge records.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::records::Statement;
use super::{decode_rows, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::contacts::Contact;

/// A pair of contacts the scan found alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPair {
    /// `domain::duplicates::pair_id` of the two.
    pub key: String,
    /// One contact.
    pub a: String,
    /// The other.
    pub b: String,
    /// `domain::duplicates::Reason` when found.
    pub reason: String,
}

/// Most contacts one match key contributes as candidates.
pub const PER_KEY: usize = 20;

/// Duplicate storage.
#[derive(Clone)]
pub struct DuplicateRepository {
    db: Db,
}

impl DuplicateRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The contacts with these ids that exist.
    pub async fn contacts(&self, ids: &[String]) -> RepoResult<Vec<Contact>> {
        let sql = format!(
            "SELECT {} FROM array::map($ids, |$i| type::record('contact', $i))",
            super::records::projection("contact", None)
        );
        let mut response = self.db.query(sql).bind(json!({ "ids": ids })).await?.check()?;
        decode_rows(response.take(0)?)
    }

    /// For each match key, the ids of up to [`PER_KEY`] contacts holding it, and those contacts.
    /// One statement per key (a forward scan of the facets index from the key; inside a closure
    /// the planner would scan the table instead), then the contacts by id: two round trips.
    pub async fn candidates(&self, keys: &[String]) -> RepoResult<(Vec<(String, Vec<String>)>, Vec<Contact>)> {
        if keys.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let mut sql = String::new();
        let mut vars = serde_json::Map::new();
        for (i, key) in keys.iter().enumerate() {
            sql.push_str(&format!("SELECT VALUE key FROM contact WHERE facets CONTAINS $k{i} LIMIT {PER_KEY};\n"));
            vars.insert(format!("k{i}"), json!(key));
        }
        let mut response = self.db.query(sql).bind(Value::Object(vars)).await?.check()?;
        let mut hits = Vec::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            let ids: Vec<String> = response.take(i)?;
            hits.push((key.clone(), ids));
        }
        let mut ids: Vec<String> = hits.iter().flat_map(|(_, ids)| ids.iter().cloned()).collect();
        ids.sort_unstable();
        ids.dedup();
        Ok((hits, self.contacts(&ids).await?))
    }

    /// Stores pairs (again: the reason is updated).
    pub async fn save(&self, pairs: &[StoredPair]) -> RepoResult<()> {
        if pairs.is_empty() {
            return Ok(());
        }
        let rows: Vec<Value> =
            pairs.iter().map(|p| json!({ "key": p.key, "a": p.a, "b": p.b, "reason": p.reason, "part": 0 })).collect();
        self.db
            .query("FOR $p IN $rows { UPSERT type::record('duplicate_pair', $p.key) CONTENT $p RETURN NONE; };")
            .bind(json!({ "rows": rows }))
            .await?
            .check()?;
        Ok(())
    }

    /// Forgets pairs.
    pub async fn remove(&self, keys: &[String]) -> RepoResult<()> {
        if keys.is_empty() {
            return Ok(());
        }
        self.db
            .query("DELETE array::map($keys, |$k| type::record('duplicate_pair', $k)) RETURN NONE;")
            .bind(json!({ "keys": keys }))
            .await?
            .check()?;
        Ok(())
    }

    /// Up to `limit` stored pairs after `after` in key order (of one reason when given).
    pub async fn page(&self, reason: Option<&str>, after: &str, limit: usize) -> RepoResult<Vec<StoredPair>> {
        let filter = if reason.is_some() { "reason = $reason" } else { "part = 0" };
        let sql =
            format!("SELECT key, a, b, reason FROM duplicate_pair WHERE {filter} AND key > $after ORDER BY key ASC LIMIT $limit");
        let mut response =
            self.db.query(sql).bind(json!({ "reason": reason, "after": after, "limit": limit })).await?.check()?;
        let rows: Vec<Value> = response.take(0)?;
        rows.into_iter().map(|r| serde_json::from_value(r).map_err(|e| RepoError::Decode(e.to_string()))).collect()
    }

    /// The change-feed number the scan has read up to.
    pub async fn position(&self) -> RepoResult<i64> {
        let mut response = self.db.query("SELECT VALUE after FROM ONLY duplicate_scan:state").await?.check()?;
        let after: Option<i64> = response.take(0)?;
        Ok(after.unwrap_or(0))
    }

    /// Moves the scan from `from` to `to`; refused with `scan_moved` when another process moved
    /// it meanwhile.
    pub async fn advance(&self, from: i64, to: i64) -> RepoResult<()> {
        let sql = "BEGIN;\n\
            IF ((SELECT VALUE after FROM ONLY duplicate_scan:state) ?? 0) != $from { THROW 'scan_moved' };\n\
            UPSERT duplicate_scan:state SET after = $to RETURN NONE;\n\
            COMMIT;";
        super::check_tx(self.db.query(sql).bind(json!({ "from": from, "to": to })).await?)?;
        Ok(())
    }

    /// Starts the scan again from the first event.
    /// (The scan writes the same row: a collision is tried again.)
    pub async fn restart(&self) -> RepoResult<()> {
        super::records::run_retried(&self.db, "UPSERT duplicate_scan:state SET after = 0 RETURN NONE;", json!({})).await
    }

    /// A merge record, as stored.
    pub async fn merge(&self, merge_id: &str) -> RepoResult<Option<Value>> {
        let mut response = self
            .db
            .query("SELECT * OMIT id FROM ONLY type::record('contact_merge', $id)")
            .bind(json!({ "id": merge_id }))
            .await?
            .check()?;
        let row: Option<Value> = response.take(0)?;
        Ok(row.filter(|r| !r.is_null()))
    }

    /// Ids of up to `limit` timeline entries of a contact.
    pub async fn timeline_ids(&self, contact_id: &str, limit: usize) -> RepoResult<Vec<String>> {
        let mut response = self
            .db
            .query("SELECT VALUE key FROM timeline_entry WHERE contact_id = $c LIMIT $limit")
            .bind(json!({ "c": contact_id, "limit": limit }))
            .await?
            .check()?;
        Ok(response.take(0)?)
    }
}

/// The statement that moves timeline entries to contact `to` (part of a merge's transaction).
pub fn move_timeline(ids: &[String], to: &str) -> Statement {
    Statement::new(
        "FOR $t IN $P_ids { UPDATE type::record('timeline_entry', $t) SET contact_id = $P_to RETURN NONE; };",
        json!({ "ids": ids, "to": to }),
    )
}

/// The statement that stores a merge record.
pub fn record_merge(merge_id: &str, record: Value) -> Statement {
    Statement::new(
        "CREATE type::record('contact_merge', $P_id) CONTENT $P_rec RETURN NONE;",
        json!({ "id": merge_id, "rec": record }),
    )
}

/// The statement that marks a merge undone at `at`.
pub fn merge_undone(merge_id: &str, at: &str) -> Statement {
    Statement::new(
        "UPDATE type::record('contact_merge', $P_id) SET undone_at = $P_at RETURN NONE;",
        json!({ "id": merge_id, "at": at }),
    )
}
