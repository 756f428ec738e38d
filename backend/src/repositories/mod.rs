//! All SurrealQL lives here. Bound parameters only; query text is assembled from fixed fragments.

pub mod analytics;
pub mod backup;
pub mod campaigns;
pub mod cases;
pub mod changes;
pub mod companies;
pub mod consents;
pub mod contacts;
pub mod credentials;
pub mod deals;
pub mod deliveries;
pub mod duplicates;
pub mod events;
pub mod history;
pub mod idempotency;
pub mod imports;
pub mod landing_pages;
pub mod leases;
pub mod llm;
pub mod notifications;
pub mod objects;
pub mod records;
pub mod schema;
pub mod segments;
pub mod tasks;
pub mod timeline;
pub mod users;
pub mod webhooks;

use serde::de::DeserializeOwned;
use serde_json::Value;
use surrealdb::IndexedResults;

/// What a repository call can report besides success.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// The record does not exist.
    #[error("not found")]
    NotFound,
    /// The record's version is not the expected one.
    #[error("version mismatch")]
    VersionMismatch,
    /// A unique index already holds the value; carries the index name.
    #[error("duplicate value for index {0}")]
    Duplicate(String),
    /// A rule checked inside the transaction failed; carries the thrown code.
    #[error("rule failed: {0}")]
    Rule(String),
    /// Another transaction touched the same keys; safe to retry.
    #[error("transaction conflict")]
    TxConflict,
    /// Anything else from the database.
    #[error(transparent)]
    Db(#[from] surrealdb::Error),
    /// A stored row could not be read back.
    #[error("corrupt row: {0}")]
    Decode(String),
}

/// Repository result.
pub type RepoResult<T> = Result<T, RepoError>;

/// Turns the errors of a multi-statement transaction into the one that caused them.
pub(crate) fn check_tx(mut response: IndexedResults) -> RepoResult<IndexedResults> {
    let errors = response.take_errors();
    if errors.is_empty() {
        return Ok(response);
    }
    let mut errors: Vec<_> = errors.into_iter().collect();
    errors.sort_by_key(|(i, _)| *i);
    for (_, err) in &errors {
        if err.is_thrown() {
            let code = err.message().rsplit(": ").next().unwrap_or("").trim().to_string();
            return Err(match code.as_str() {
                "not_found" => RepoError::NotFound,
                "version_mismatch" => RepoError::VersionMismatch,
                _ => RepoError::Rule(code),
            });
        }
        if crate::error::is_unique_violation(err) {
            let index = err.message().split('`').nth(1).unwrap_or("").to_string();
            return Err(RepoError::Duplicate(index));
        }
        if is_conflict(err) {
            return Err(RepoError::TxConflict);
        }
    }
    // The first error that is not a consequence of another.
    let (_, err) = errors
        .into_iter()
        .find(|(_, e)| !e.message().contains("not executed") && !e.message().contains("cancelled"))
        .ok_or(RepoError::TxConflict)?;
    Err(RepoError::Db(err))
}

fn is_conflict(err: &surrealdb::Error) -> bool {
    matches!(err.query_details(), Some(surrealdb::types::QueryError::TransactionConflict))
        || err.message().contains("can be retried")
}

/// Reads rows as JSON and decodes them into `T`.
pub(crate) fn decode_rows<T: DeserializeOwned>(rows: Vec<Value>) -> RepoResult<Vec<T>> {
    rows.into_iter().map(decode_row).collect()
}

/// Decodes one stored row: its `key` becomes the public `id`.
pub(crate) fn decode_row<T: DeserializeOwned>(mut row: Value) -> RepoResult<T> {
    if let Value::Object(map) = &mut row {
        if let Some(key) = map.remove("key") {
            map.insert("id".into(), key);
        }
    }
    serde_json::from_value(row).map_err(|e| RepoError::Decode(e.to_string()))
}

/// A row read with `SELECT *` whose `key` names it: its record id goes.
pub(crate) fn strip_id(mut row: Value) -> Value {
    if let Value::Object(map) = &mut row {
        map.remove("id");
    }
    row
}

/// Encodes an entity for storage: `id` moves to `key`, nulls are dropped (absent = NONE).
pub(crate) fn encode_row<T: serde::Serialize>(entity: &T) -> Value {
    let mut value = serde_json::to_value(entity).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        if let Some(id) = map.remove("id") {
            map.insert("key".into(), id);
        }
        map.retain(|_, v| !v.is_null());
    }
    value
}

/// Answers when the database can run a query.
pub async fn ping(db: &crate::db::Db) -> Result<(), surrealdb::Error> {
    db.query("RETURN true").await?.check().map(|_| ())
}
