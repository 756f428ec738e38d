//! Stored first responses for `Idempotency-Key`, replayed for 24 hours.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{check_tx, RepoError, RepoResult};
use crate::db::Db;

/// A stored key: the request it belongs to and, once finished, its response.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IdempotencyRecord {
    /// Method, path and key (and later the caller).
    pub scope: String,
    /// SHA-256 of the request body.
    pub request_hash: String,
    /// Status of the first response; absent while it is being produced.
    #[serde(default)]
    pub status: Option<u16>,
    /// Headers worth replaying (`location`, `etag`, `content-type`).
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// Body of the first response.
    #[serde(default)]
    pub body: Option<String>,
    /// Expiry (RFC 3339).
    pub expires_at: String,
}

/// Idempotency-key persistence.
#[derive(Clone)]
pub struct IdempotencyRepository {
    db: Db,
}

impl IdempotencyRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The live record for `scope`, if any (expired ones are removed).
    pub async fn find(&self, scope: &str, now: &str) -> RepoResult<Option<IdempotencyRecord>> {
        let mut response = self
            .db
            .query(
                "DELETE idempotency WHERE scope = $scope AND expires_at < $now;\n\
                 SELECT * OMIT id FROM idempotency WHERE scope = $scope LIMIT 1;",
            )
            .bind(json!({ "scope": scope, "now": now }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(1)?;
        rows.into_iter()
            .next()
            .map(|r| serde_json::from_value(r).map_err(|e| RepoError::Decode(e.to_string())))
            .transpose()
    }

    /// Claims `scope` for a request in progress; `Duplicate` when another request holds it.
    pub async fn claim(&self, record: &IdempotencyRecord) -> RepoResult<()> {
        let response = self.db.query("CREATE idempotency CONTENT $row").bind(json!({ "row": record })).await?;
        check_tx(response).map(|_| ())
    }

    /// Stores the finished response of a claimed scope.
    pub async fn complete(
        &self,
        scope: &str,
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    ) -> RepoResult<()> {
        self.db
            .query("UPDATE idempotency SET status = $status, headers = $headers, body = $body WHERE scope = $scope")
            .bind(json!({ "scope": scope, "status": status, "headers": headers, "body": body }))
            .await?
            .check()?;
        Ok(())
    }

    /// Releases a claim whose request failed, so the client may retry.
    pub async fn release(&self, scope: &str) -> RepoResult<()> {
        self.db.query("DELETE idempotency WHERE scope = $scope").bind(json!({ "scope": scope })).await?.check()?;
        Ok(())
    }

    /// Deletes every expired record.
    pub async fn purge_expired(&self, now: &str) -> RepoResult<()> {
        self.db.query("DELETE idempotency WHERE expires_at < $now").bind(json!({ "now": now })).await?.check()?;
        Ok(())
    }
}
