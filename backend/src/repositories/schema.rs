//! Custom field definitions and validation rules: their rows, read whole per object, and the
//! database indexes of indexed and unique custom fields (`cf_<table>_<name>`).

use serde_json::{json, Value};

use super::records::{self, Stored};
use super::{encode_row, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::custom::{FieldDef, Object};
use crate::domain::rules::Rule;
use crate::domain::triggers::{Trigger, TriggerRun};

/// Table of field definitions.
pub const FIELDS: &str = "custom_field";
/// Table of validation rules.
pub const RULES: &str = "validation_rule";
/// Table of triggers.
pub const TRIGGERS: &str = "record_trigger";
/// Table of after-trigger runs (the outbox and its log).
pub const RUNS: &str = "trigger_run";

impl Stored for Trigger {
    const TABLE: &'static str = TRIGGERS;
    const NOUN: &'static str = "trigger";

    records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        self.name.clone()
    }
}

fn run_row(run: &TriggerRun) -> Value {
    let mut row = records::keyed(encode_row(run));
    records::add_descending_keys(&mut row, &["key"]);
    row
}

/// The statement that queues `run` inside the transaction of the write that fired it.
pub fn queue_run(run: &TriggerRun) -> records::Statement {
    records::Statement::new(
        "CREATE type::record('trigger_run', $P_id) CONTENT $P_row RETURN NONE;",
        json!({"id": run.id, "row": run_row(run)}),
    )
}

impl Stored for FieldDef {
    const TABLE: &'static str = FIELDS;
    const NOUN: &'static str = "field";

    records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        self.label.clone()
    }
}

impl Stored for Rule {
    const TABLE: &'static str = RULES;
    const NOUN: &'static str = "rule";

    records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        self.name.clone()
    }
}

/// Where the database index of a custom field stands.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexState {
    /// Usable.
    Ready,
    /// Being built in the background; `count` rows indexed so far when the database says.
    Building {
        /// Rows indexed so far.
        count: Option<u64>,
    },
    /// The build failed (for a unique field: two records share a value).
    Failed(String),
    /// Not defined.
    Missing,
}

/// Reads and index management of the schema tables.
#[derive(Clone)]
pub struct SchemaRepository {
    db: Db,
}

/// The name of the index of custom field `name` on `object`.
pub fn index_name(object: Object, name: &str) -> String {
    format!("cf_{}_{name}", object.table())
}

/// The custom field an index name belongs to (`cf_contact_tier` -> `(contact, tier)`).
pub fn field_of_index(index: &str) -> Option<(Object, &str)> {
    let rest = index.strip_prefix("cf_")?;
    // The longest table that prefixes it: `obj_contract_x_value` is `value` of `contract_x`
    // when both `contract` and `contract_x` exist.
    Object::known()
        .into_iter()
        .filter_map(|o| rest.strip_prefix(o.table()).and_then(|r| r.strip_prefix('_')).map(|name| (o, name)))
        .min_by_key(|(_, name)| name.len())
}

impl SchemaRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Every field of `object`, in form order.
    pub async fn fields(&self, object: Object) -> RepoResult<Vec<FieldDef>> {
        self.of_object(FIELDS, object, "position ASC, created_at ASC").await
    }

    /// Every field of these objects, in form order per object (one query).
    pub async fn fields_of_all(&self, objects: &[Object]) -> RepoResult<Vec<FieldDef>> {
        let names: Vec<&str> = objects.iter().map(|o| o.name()).collect();
        let sql = format!(
            "SELECT * FROM {FIELDS} WHERE object IN $objects ORDER BY object, position ASC, created_at ASC LIMIT 20000"
        );
        let mut res = self.db.query(sql).bind(json!({"objects": names})).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        super::decode_rows(rows.into_iter().map(super::strip_id).collect())
    }

    /// Every rule of `object`, oldest first.
    pub async fn rules(&self, object: Object) -> RepoResult<Vec<Rule>> {
        self.of_object(RULES, object, "created_at ASC").await
    }

    /// Every trigger of `object`, in order.
    pub async fn triggers(&self, object: Object) -> RepoResult<Vec<Trigger>> {
        self.of_object(TRIGGERS, object, "position ASC, created_at ASC").await
    }

    /// Claims up to `limit` due runs (queued, or running with a claim that ran out), oldest first.
    pub async fn claim_runs(&self, now: &str, until: &str, claim: &str, limit: usize) -> RepoResult<Vec<TriggerRun>> {
        let sql = "BEGIN;\n\
            LET $q = (SELECT VALUE id FROM trigger_run WHERE status = 'queued' AND due <= $now ORDER BY due LIMIT $limit);\n\
            LET $r = (SELECT VALUE id FROM trigger_run WHERE status = 'running' AND due <= $now ORDER BY due LIMIT $limit);\n\
            LET $c = (UPDATE array::concat($q, $r) SET status = 'running', due = $until, claim = $claim, attempts += 1 RETURN AFTER);\n\
            RETURN $c;\n\
            COMMIT;";
        let vars = json!({"now": now, "until": until, "claim": claim, "limit": limit});
        let mut response = super::check_tx(self.db.query(sql).bind(vars).await?)?;
        let rows: Vec<Value> = response.take(response.num_statements() - 2)?;
        let mut runs: Vec<TriggerRun> = super::decode_rows(rows.into_iter().map(super::strip_id).collect())?;
        runs.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(runs)
    }

    /// Records how a run ended, if it is still claimed under `claim`.
    pub async fn finish_run(&self, run: &TriggerRun, claim: &str) -> RepoResult<()> {
        let sql = "UPDATE type::record('trigger_run', $id) SET status = $status, due = $due, outcome = $outcome, \
                   error = $error, error_code = $code, finished_at = $finished, claim = NONE \
                   WHERE claim = $claim AND status = 'running' RETURN NONE";
        let vars = json!({
            "id": run.id, "status": run.status, "due": run.due, "outcome": run.outcome, "error": run.error,
            "code": run.error_code, "finished": run.finished_at, "claim": claim,
        });
        records::run_retried(&self.db, sql, vars).await
    }

    /// The runs of trigger `id`, newest first, after the descending key `after`.
    pub async fn runs(
        &self,
        trigger_id: &str,
        after: Option<&str>,
        limit: usize,
    ) -> RepoResult<(Vec<TriggerRun>, Option<String>)> {
        let mut query = records::ListQuery::newest_first(RUNS, after.map(String::from), limit);
        // The (trigger_id, rkey) index serves it.
        query.filtered = true;
        query.conditions.push("trigger_id = $t");
        query.vars.insert("t".into(), json!(trigger_id));
        query.page(&self.db).await
    }

    async fn of_object<T: serde::de::DeserializeOwned>(
        &self,
        table: &'static str,
        object: Object,
        order: &'static str,
    ) -> RepoResult<Vec<T>> {
        let sql = format!("SELECT * FROM {table} WHERE object = $object ORDER BY {order} LIMIT 1000");
        let mut res = self.db.query(sql).bind(json!({"object": object.name()})).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        super::decode_rows(rows.into_iter().map(super::strip_id).collect())
    }

    /// Defines the index of `def` (unique when the field is): a unique index is built before this
    /// returns, so duplicates already stored are reported; a plain one is built in the background.
    pub async fn define_index(&self, def: &FieldDef) -> RepoResult<()> {
        let index = index_name(def.object, &def.name);
        let table = def.object.table();
        let column = format!("custom.{}", def.name);
        let sql = if def.unique {
            format!("DEFINE INDEX OVERWRITE {index} ON {table} FIELDS {column} UNIQUE")
        } else {
            format!("DEFINE INDEX OVERWRITE {index} ON {table} FIELDS {column}, part, rkey CONCURRENTLY")
        };
        self.db.query(sql).await?.check().map_err(|e| {
            if crate::error::is_unique_violation(&e) {
                RepoError::Duplicate(index.clone())
            } else {
                RepoError::Db(e)
            }
        })?;
        Ok(())
    }

    /// Removes the index of field `name` on `object`, if there is one.
    pub async fn remove_index(&self, object: Object, name: &str) -> RepoResult<()> {
        let sql = format!("REMOVE INDEX IF EXISTS {} ON {}", index_name(object, name), object.table());
        self.db.query(sql).await?.check()?;
        Ok(())
    }

    /// Where the index of field `name` on `object` stands.
    pub async fn index_state(&self, object: Object, name: &str) -> RepoResult<IndexState> {
        let sql = format!("INFO FOR INDEX {} ON {}", index_name(object, name), object.table());
        let info: Option<Value> = match self.db.query(sql).await?.check() {
            Ok(mut res) => res.take(0)?,
            Err(_) => return Ok(IndexState::Missing),
        };
        let Some(info) = info.filter(|i| !i.is_null()) else { return Ok(IndexState::Missing) };
        let building = info.get("building");
        let status = building.and_then(|b| b.get("status")).and_then(Value::as_str);
        Ok(match status {
            None | Some("ready") => IndexState::Ready,
            Some("error") => IndexState::Failed(
                building.and_then(|b| b.get("error")).and_then(Value::as_str).unwrap_or("the build failed").to_string(),
            ),
            Some(_) => IndexState::Building { count: building.and_then(|b| b.get("count")).and_then(Value::as_u64) },
        })
    }

    /// Whether record `id` of `object` exists, for each reference (one query).
    pub async fn existing(&self, object: Object, ids: &[String]) -> RepoResult<Vec<String>> {
        records::existing(&self.db, object.table(), ids).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_names_map_back_to_their_field() {
        let name = index_name(Object::Case, "sla_tier");
        assert_eq!(name, "cf_support_case_sla_tier");
        assert_eq!(field_of_index(&name), Some((Object::Case, "sla_tier")));
        assert_eq!(field_of_index("contact_email"), None);
    }
}
