//! Reading the change-event log (it is written only by versioned writes, never updated).

use serde_json::{json, Value};

use super::{decode_rows, RepoResult};
use crate::db::Db;
use crate::domain::history::ChangeEvent;

/// Change-event log reader.
#[derive(Clone)]
pub struct HistoryRepository {
    db: Db,
}

impl HistoryRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Display names of actors (`user:<id>` -> email, `api_key:<id>` -> key name) in one round trip;
    /// actors that no longer exist (a deleted user) have none.
    pub async fn actor_names(&self, user_ids: &[&str], key_ids: &[&str]) -> RepoResult<Vec<(String, String)>> {
        let mut response = self
            .db
            .query(
                "SELECT VALUE ['user:' + key, email] FROM array::map($users, |$i| type::record('user', $i)) WHERE key != NONE;\n\
                 SELECT VALUE ['api_key:' + key, name] FROM array::map($keys, |$i| type::record('api_key', $i)) WHERE key != NONE;",
            )
            .bind(json!({ "users": user_ids, "keys": key_ids }))
            .await?
            .check()?;
        let mut names: Vec<(String, String)> = Vec::new();
        for statement in 0..2 {
            let rows: Vec<Value> = response.take(statement)?;
            names.extend(rows.into_iter().filter_map(|row| {
                let pair = row.as_array()?;
                Some((pair.first()?.as_str()?.to_string(), pair.get(1)?.as_str()?.to_string()))
            }));
        }
        Ok(names)
    }

    /// Events of one record with a version above `after_version`, oldest first.
    pub async fn events(
        &self,
        entity: &str,
        entity_id: &str,
        after_version: i64,
        limit: usize,
    ) -> RepoResult<Vec<ChangeEvent>> {
        let mut response = self
            .db
            .query(
                "SELECT * FROM change_event WHERE entity = $entity AND entity_id = $id AND version > $after \
                 ORDER BY version ASC LIMIT $limit",
            )
            .bind(json!({ "entity": entity, "id": entity_id, "after": after_version, "limit": limit }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        decode_rows(rows)
    }

    /// Every event of one record up to and including `at`, oldest first.
    pub async fn events_until(&self, entity: &str, entity_id: &str, at: &str) -> RepoResult<Vec<ChangeEvent>> {
        let mut response = self
            .db
            .query(
                "SELECT * FROM change_event WHERE entity = $entity AND entity_id = $id AND at <= $at \
                 ORDER BY version ASC",
            )
            .bind(json!({ "entity": entity, "id": entity_id, "at": at }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        decode_rows(rows)
    }

    /// A page of the whole log in write order (ids are time-ordered), after event id `after`.
    pub async fn log_page(&self, after: Option<&str>, limit: usize) -> RepoResult<Vec<ChangeEvent>> {
        let mut response = self
            .db
            .query("SELECT * FROM change_event WHERE part = 0 AND key > $after ORDER BY key ASC LIMIT $limit")
            .bind(json!({ "after": after.unwrap_or(""), "limit": limit }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        decode_rows(rows)
    }
}
