//! Timeline storage: hand-logged entries and lists across one or all contacts.

use chrono::{DateTime, Utc};
use serde_json::{json, Map};

use super::records::{self, ListQuery};
use super::{encode_row, RepoResult};
use crate::db::Db;
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

/// The stored form of a timeline entry: `part` and the newest-first sort key for lists.
pub fn row(entry: &TimelineEntry) -> serde_json::Value {
    let mut row = encode_row(entry);
    if let serde_json::Value::Object(map) = &mut row {
        map.insert("part".into(), json!(records::LIST_PART));
    }
    records::add_descending_keys(&mut row, &["key"]);
    row
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
        // Run again when it collides (on its activity counter, or with a score refresh of the
        // contact it checks): it is all or nothing.
        let sql = format!(
            "BEGIN;\n\
             IF (SELECT VALUE key FROM ONLY type::record('contact', $cid)) = NONE {{ THROW 'not_found' }};\n\
             CREATE type::record('timeline_entry', $id) CONTENT $row;\n\
             {apply}\n\
             COMMIT;",
            apply = super::analytics::apply_counts_sql()
        );
        let vars = json!({ "cid": entry.contact_id, "id": entry.id, "row": row(entry),
                           "counts": super::analytics::bound(&crate::domain::analytics::activity([entry])) });
        super::records::run_retried(&self.db, &sql, vars).await
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
        let filtered = !conditions.is_empty();
        let mut list = ListQuery {
            compiled: None,
            table: "timeline_entry",
            conditions,
            vars,
            sort_column: "key",
            desc: true,
            after,
            limit,
            filtered,
        };
        list.time_range(query.after, query.before, ("at >= $after", "at < $before"));
        list.page(&self.db).await
    }
}
