//! Timeline storage: hand-logged entries and lists across one or all contacts.

use chrono::{DateTime, Utc};
use serde_json::{json, Map};

use super::records::ListQuery;
use super::{check_tx, decode_row, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::ids::{format_ts, id_floor};
use crate::domain::timeline::TimelineEntry;

/// Filters of a timeline list.
#[derive(Debug, Clone, Default)]
pub struct TimelineQuery {
    /// One contact only.
    pub contact_id: Option<String>,
    /// One kind only.
    pub kind: Option<String>,
    /// At or after.
    pub after: Option<DateTime<Utc>>,
    /// Before.
    pub before: Option<DateTime<Utc>>,
}

/// Timeline persistence.
#[derive(Clone)]
pub struct TimelineRepository {
    db: Db,
}

impl TimelineRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Appends an entry, provided the contact exists (else `not_found`).
    pub async fn insert(&self, entry: &TimelineEntry) -> RepoResult<()> {
        let response = self
            .db
            .query(
                "BEGIN;\n\
                 IF (SELECT VALUE key FROM ONLY type::record('contact', $cid)) = NONE { THROW 'not_found' };\n\
                 CREATE type::record('timeline_entry', $id) CONTENT $row;\n\
                 COMMIT;",
            )
            .bind(json!({ "cid": entry.contact_id, "id": entry.id, "row": encode_row(entry) }))
            .await?;
        check_tx(response).map(|_| ())
    }

    /// Newest-first page of entries and the key to continue from.
    pub async fn list(
        &self,
        query: &TimelineQuery,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<TimelineEntry>, Option<String>)> {
        let mut conditions = Vec::new();
        let mut vars = Map::new();
        if let Some(contact) = &query.contact_id {
            conditions.push("contact_id = $contact_id");
            vars.insert("contact_id".into(), json!(contact));
        }
        if let Some(kind) = &query.kind {
            conditions.push("kind = $kind");
            vars.insert("kind".into(), json!(kind));
        }
        if let Some(from) = query.after {
            conditions.push("key >= $after_key AND at >= $after");
            vars.insert("after_key".into(), json!(id_floor(from)));
            vars.insert("after".into(), json!(format_ts(from)));
        }
        if let Some(until) = query.before {
            conditions.push("key < $before_key AND at < $before");
            vars.insert("before_key".into(), json!(id_floor(until + chrono::Duration::milliseconds(1))));
            vars.insert("before".into(), json!(format_ts(until)));
        }
        let list =
            ListQuery { table: "timeline_entry", conditions, vars, sort_column: "key", desc: true, after, limit };
        let page = list.fetch(&self.db).await?;
        let entries = page.rows.into_iter().map(decode_row::<TimelineEntry>).collect::<RepoResult<Vec<_>>>()?;
        Ok((entries, page.next))
    }
}
