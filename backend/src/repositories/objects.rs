//! Custom objects: their definitions (`custom_object`) and their records, one table per object
//! (`obj_<name>`), each defined with the list index the built-in tables have.

use serde_json::{json, Value};

use super::records::{self, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::custom::Object;
use crate::domain::objects::{ObjectDef, ObjectRecord};

/// Table of definitions.
pub const DEFINITIONS: &str = "custom_object";

impl Stored for ObjectDef {
    const TABLE: &'static str = DEFINITIONS;
    const NOUN: &'static str = "object";

    records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        self.label.clone()
    }
}

impl Stored for ObjectRecord {
    /// Not a table: each object's records are in its own ([`Stored::table`]).
    const TABLE: &'static str = "obj_";
    const NOUN: &'static str = "record";

    records::identity_fields!();

    fn table(&self) -> &'static str {
        self.object.table()
    }

    fn row(&self) -> Value {
        records::listed_row(self)
    }

    fn title(&self) -> String {
        self.name.clone()
    }
}

/// Reads and table management of custom objects.
#[derive(Clone)]
pub struct ObjectRepository {
    db: Db,
}

impl ObjectRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Every definition, by name.
    pub async fn definitions(&self) -> RepoResult<Vec<ObjectDef>> {
        let sql = format!("SELECT * FROM {DEFINITIONS} ORDER BY name LIMIT 1000");
        let mut res = self.db.query(sql).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        super::decode_rows(rows.into_iter().map(super::strip_id).collect())
    }

    /// Defines the table of `object`'s records and its list indexes (newest first, by key for
    /// exports, and an owner's newest first for private lists), if they are not there yet.
    pub async fn define_table(&self, object: Object) -> RepoResult<()> {
        let table = object.table();
        let sql = format!(
            "DEFINE TABLE IF NOT EXISTS {table} SCHEMALESS;\n\
             DEFINE INDEX IF NOT EXISTS {table}_part_rkey ON {table} FIELDS part, rkey;\n\
             DEFINE INDEX IF NOT EXISTS {table}_part_key ON {table} FIELDS part, key;\n\
             {};",
            owner_index(table)
        );
        self.db.query(sql).await?.check()?;
        Ok(())
    }

    /// Whether `object` has any record.
    pub async fn has_records(&self, object: Object) -> RepoResult<bool> {
        let sql = format!("SELECT VALUE key FROM {} WHERE part = $part LIMIT 1", object.table());
        let mut res = self.db.query(sql).bind(json!({"part": records::LIST_PART})).await?.check()?;
        let keys: Vec<Value> = res.take(0)?;
        Ok(!keys.is_empty())
    }
}

/// Defines the owner index of every custom object's table, built in the background where the
/// table has rows (objects defined before private lists scanned it); returns each index and
/// its table, to wait for.
pub async fn define_owner_indexes_concurrently(db: &crate::db::Database) -> RepoResult<Vec<(String, &'static str)>> {
    let mut res = db.query(format!("SELECT VALUE name FROM {DEFINITIONS}")).await?.check()?;
    let names: Vec<String> = res.take(0)?;
    let mut built = Vec::new();
    for name in names.iter().filter(|n| crate::domain::custom::is_object_name(n)) {
        let table = Object::custom(name).table();
        db.query(format!("{} CONCURRENTLY", owner_index(table))).await?.check()?;
        built.push((format!("{table}_owner_rkey"), table));
    }
    Ok(built)
}

/// The `(owner_id, rkey)` index of a custom object's table: a member's private list scans it
/// from their id.
fn owner_index(table: &str) -> String {
    format!("DEFINE INDEX IF NOT EXISTS {table}_owner_rkey ON {table} FIELDS owner_id, rkey")
}
