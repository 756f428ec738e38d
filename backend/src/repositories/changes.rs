//! The change feed's storage: events waiting for a number, the numbers given, the sequencer's
//! state (schema/010_changes.surql explains the design).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{check_tx, decode_row, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::changes::Queued;
use crate::domain::history::ChangeEvent;

/// The statement that queues the change events bound as `$var` (rows with `key` and `entity`)
/// for numbering; every transaction that writes change events runs it with them.
pub(crate) fn queue_sql(var: &str) -> String {
    format!(
        "INSERT INTO change_pending array::map(${var}, |$e| {{ id: $e.key, entity: $e.entity, \
         entity_id: $e.entity_id, version: $e.version }}) RETURN NONE;\n"
    )
}

/// The statement that queues the one change event written as `type::record('change_event',
/// $<id_var>)` with content `$<event_var>`.
pub(crate) fn queue_one_sql(id_var: &str, event_var: &str) -> String {
    format!(
        "CREATE type::record('change_pending', ${id_var}) CONTENT {{ entity: ${event_var}.entity, \
         entity_id: ${event_var}.entity_id, version: ${event_var}.version }} RETURN NONE;\n"
    )
}

/// The statement that appends `event` (and queues it for numbering) inside another write's
/// transaction: a trigger's change beside the write that fired it.
pub fn event_statement(event: &crate::domain::history::ChangeEvent) -> super::records::Statement {
    super::records::Statement::new(
        "CREATE type::record('change_event', $P_id) CONTENT $P_ev RETURN NONE;\n\
         CREATE type::record('change_pending', $P_id) CONTENT { entity: $P_ev.entity, \
         entity_id: $P_ev.entity_id, version: $P_ev.version } RETURN NONE;",
        serde_json::json!({"id": event.id, "ev": super::encode_row(event)}),
    )
}

/// What a numbering transaction does with the queue rows of the events it numbers and of
/// earlier ones. Every transaction that deletes a record pays a fixed cost in the database
/// (its purge of references reads every table's field definitions), so the sequencer marks the
/// rows it numbers and deletes them in bulk, about once a second, rather than in every batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct QueueRows<'a> {
    /// Rows to mark numbered (`numbered = true`), which takes them out of [`ChangeRepository::queued`].
    pub mark: &'a [String],
    /// Rows to delete (numbered now or before).
    pub delete: &'a [String],
}

const DELETE_QUEUED: &str = "DELETE array::map($delete, |$k| type::record('change_pending', $k)) RETURN NONE;\n";

/// Where the numbering stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SequenceState {
    /// The last number given (0: none yet).
    pub last: i64,
    /// Events written before the feed existed are numbered first, in id order: the last id
    /// numbered so far (`""` at the start), `None` once all are.
    pub older_after: Option<String>,
}

/// The stored state row.
#[derive(Deserialize)]
struct StateRow {
    #[serde(default)]
    last: i64,
    #[serde(default)]
    older_after: Option<String>,
    #[serde(default)]
    older_done: bool,
}

fn queued(row: Value) -> RepoResult<Queued> {
    serde_json::from_value(row).map_err(|e| RepoError::Decode(e.to_string()))
}

/// Change-feed storage.
#[derive(Clone)]
pub struct ChangeRepository {
    db: Db,
}

impl ChangeRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The numbering's state; a database that never numbered has numbered nothing.
    pub async fn state(&self) -> RepoResult<SequenceState> {
        let mut response =
            self.db.query("SELECT last, older_after, older_done FROM ONLY change_sequence:state").await?.check()?;
        let row: Option<Value> = response.take(0)?;
        let Some(row) = row.filter(|r| !r.is_null()) else {
            return Ok(SequenceState { last: 0, older_after: Some(String::new()) });
        };
        let row: StateRow = serde_json::from_value(row).map_err(|e| RepoError::Decode(e.to_string()))?;
        let older_after = if row.older_done { None } else { Some(row.older_after.unwrap_or_default()) };
        Ok(SequenceState { last: row.last, older_after })
    }

    /// Up to `limit` queued events not numbered yet, in id order (ids are time-ordered); with
    /// `since`, only those whose id was made at or after it. The queue's rows are deleted soon
    /// after they are numbered, and a read from the table's start walks every deleted row the
    /// storage engine has not compacted away yet (~80 ms at ~700,000 events); a read from a
    /// recent id starts past them.
    pub async fn queued(&self, limit: usize, since: Option<DateTime<Utc>>) -> RepoResult<Vec<Queued>> {
        // A range of string ids takes no parameter: the floor (hex digits and hyphens only) is
        // spelled into the statement.
        let range = match since {
            Some(at) => format!("change_pending:⟨{}⟩..", crate::domain::ids::id_floor(at)),
            None => "change_pending".to_string(),
        };
        let mut response = self
            .db
            .query(format!(
                "SELECT record::id(id) AS key, entity, entity_id, version FROM {range} WHERE numbered = NONE LIMIT $limit"
            ))
            .bind(json!({ "limit": limit }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        rows.into_iter().map(queued).collect()
    }

    /// Up to `limit` events after id `after` in id order, without those queued (they are numbered
    /// from the queue), and the last id read.
    pub async fn older(&self, after: &str, limit: usize) -> RepoResult<(Vec<Queued>, Option<String>)> {
        let mut response = self
            .db
            .query(
                "SELECT key, entity, entity_id, version, record::exists(type::record('change_pending', key)) AS queued FROM change_event \
                 WHERE part = 0 AND key > $after ORDER BY key ASC LIMIT $limit",
            )
            .bind(json!({ "after": after, "limit": limit }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        let last = rows.last().and_then(|r| r.get("key")).and_then(Value::as_str).map(str::to_string);
        let events = rows
            .into_iter()
            .filter(|r| r.get("queued") != Some(&Value::Bool(true)))
            .map(queued)
            .collect::<RepoResult<Vec<Queued>>>()?;
        Ok((events, last))
    }

    /// Numbers `events` `last + 1`, `last + 2`, ... in one transaction that also records the new
    /// state (`older_after`) and settles queue rows as `queue` says; refused with `sequence_moved`
    /// unless the stored last number is still `last` (another sequencer numbered meanwhile).
    pub async fn number(
        &self,
        last: i64,
        events: &[Queued],
        older_after: Option<&str>,
        queue: QueueRows<'_>,
    ) -> RepoResult<i64> {
        let rows: Vec<Value> = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let seq = last + 1 + i as i64;
                json!({ "id": seq, "seq": seq, "part": 0, "entity": e.entity, "event": e.key })
            })
            .collect();
        let next = last + events.len() as i64;
        let mut sql = String::from(
            "BEGIN;\n\
             IF ((SELECT VALUE last FROM ONLY change_sequence:state) ?? 0) != $last { THROW 'sequence_moved' };\n\
             INSERT INTO change_seq $rows RETURN NONE;\n",
        );
        if !queue.mark.is_empty() {
            sql.push_str(
                "UPDATE array::map($mark, |$k| type::record('change_pending', $k)) SET numbered = true RETURN NONE;\n",
            );
        }
        if !queue.delete.is_empty() {
            sql.push_str(DELETE_QUEUED);
        }
        sql.push_str(
            "UPSERT change_sequence:state SET last = $next, older_after = $older_after, older_done = $older_done RETURN NONE;\n\
             COMMIT;",
        );
        let vars = json!({ "last": last, "rows": rows, "mark": queue.mark, "delete": queue.delete, "next": next,
            "older_after": older_after.unwrap_or(""), "older_done": older_after.is_none() });
        check_tx(self.db.query(sql).bind(vars).await?)?;
        Ok(next)
    }

    /// Deletes these queue rows (already numbered: their numbers are committed).
    pub async fn delete_queued(&self, keys: &[String]) -> RepoResult<()> {
        if keys.is_empty() {
            return Ok(());
        }
        self.db.query(DELETE_QUEUED).bind(json!({ "delete": keys })).await?.check()?;
        Ok(())
    }

    /// Deletes every queue row marked numbered (left behind by a sequencer that stopped before
    /// deleting them): one scan of the queue.
    pub async fn sweep_numbered(&self) -> RepoResult<()> {
        self.db.query("DELETE change_pending WHERE numbered = true RETURN NONE").await?.check()?;
        Ok(())
    }

    /// The events numbered after `after` (of one entity when given), in number order, with their
    /// numbers. An event erased since it was numbered is skipped.
    /// Events of the entities in `hidden` are left out.
    pub async fn page(
        &self,
        after: i64,
        entity: Option<&str>,
        hidden: &[&str],
        limit: usize,
    ) -> RepoResult<Vec<(i64, ChangeEvent)>> {
        let mut filter = String::from(if entity.is_some() { "entity = $entity" } else { "part = 0" });
        if !hidden.is_empty() {
            filter.push_str(" AND entity NOT IN $hidden");
        }
        let sql = format!(
            "LET $s = (SELECT seq, event FROM change_seq WHERE {filter} AND seq > $after ORDER BY seq ASC LIMIT $limit);\n\
             $s;\n\
             SELECT * FROM array::map($s.event, |$k| type::record('change_event', $k));"
        );
        let mut response = self
            .db
            .query(sql)
            .bind(json!({ "after": after, "entity": entity, "hidden": hidden, "limit": limit }))
            .await?
            .check()?;
        let numbers: Vec<Value> = response.take(1)?;
        let events: Vec<Value> = response.take(2)?;
        let mut by_key: std::collections::HashMap<String, ChangeEvent> = std::collections::HashMap::new();
        for row in events {
            let event: ChangeEvent = decode_row(row)?;
            by_key.insert(event.id.clone(), event);
        }
        Ok(numbers
            .iter()
            .filter_map(|n| {
                let seq = n.get("seq")?.as_i64()?;
                let event = by_key.remove(n.get("event")?.as_str()?)?;
                Some((seq, event))
            })
            .collect())
    }
}
