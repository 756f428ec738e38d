//! Sign-in tokens, API keys and the generated token secret. Only HMACs of secrets are stored.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{check_tx, decode_row, decode_rows, RepoResult};
use crate::db::Db;

/// A stored API key (without its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyRecord {
    /// Id.
    pub id: String,
    /// Name given by its creator.
    pub name: String,
    /// Role.
    pub role: String,
    /// First characters of the key, to recognise it.
    pub prefix: String,
    /// Actor that created it.
    pub created_by: String,
    /// Created.
    pub created_at: String,
    /// Last successful use.
    #[serde(default)]
    pub last_used_at: Option<String>,
    /// When it was revoked.
    #[serde(default)]
    pub revoked_at: Option<String>,
}

/// Credential persistence.
#[derive(Clone)]
pub struct CredentialRepository {
    db: Db,
}

impl CredentialRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The token secret stored by an earlier start, or `candidate` stored now.
    pub async fn token_secret(&self, candidate: &str) -> RepoResult<String> {
        let mut res = self
            .db
            .query(
                "BEGIN;\n\
                 IF (SELECT * FROM ONLY server_setting:token_secret) = NONE {\n\
                     CREATE server_setting:token_secret CONTENT { value: $candidate };\n\
                 };\n\
                 COMMIT;\n\
                 SELECT VALUE value FROM ONLY server_setting:token_secret;",
            )
            .bind(json!({ "candidate": candidate }))
            .await?;
        let errors = res.take_errors();
        if let Some((_, e)) = errors.into_iter().next() {
            return Err(e.into());
        }
        let value: Option<String> = res.take(3)?;
        Ok(value.unwrap_or_else(|| candidate.to_string()))
    }

    /// Stores a sign-in token's HMAC.
    pub async fn insert_token(&self, hash: &str, user_id: &str, created_at: &str, expires_at: &str) -> RepoResult<()> {
        self.db
            .query("CREATE auth_token CONTENT { hash: $hash, user_id: $user, created_at: $at, expires_at: $exp }")
            .bind(json!({ "hash": hash, "user": user_id, "at": created_at, "exp": expires_at }))
            .await?
            .check()?;
        Ok(())
    }

    /// Revokes one token.
    pub async fn delete_token(&self, hash: &str) -> RepoResult<()> {
        self.db.query("DELETE auth_token WHERE hash = $hash").bind(json!({ "hash": hash })).await?.check()?;
        Ok(())
    }

    /// Removes expired tokens.
    pub async fn purge_expired_tokens(&self, now: &str) -> RepoResult<()> {
        self.db.query("DELETE auth_token WHERE expires_at < $now").bind(json!({ "now": now })).await?.check()?;
        Ok(())
    }

    /// Stores a new API key.
    pub async fn insert_key(&self, key: &ApiKeyRecord, hash: &str) -> RepoResult<()> {
        let mut row = super::encode_row(key);
        row["hash"] = json!(hash);
        let res = self
            .db
            .query("CREATE type::record('api_key', $id) CONTENT $row")
            .bind(json!({ "id": key.id, "row": row }))
            .await?;
        check_tx(res).map(|_| ())
    }

    /// The live (not revoked) key with this HMAC.
    pub async fn key_by_hash(&self, hash: &str) -> RepoResult<Option<ApiKeyRecord>> {
        let mut res = self
            .db
            .query("SELECT * OMIT hash FROM api_key WHERE hash = $hash AND revoked_at = NONE LIMIT 1")
            .bind(json!({ "hash": hash }))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        rows.into_iter().next().map(decode_row).transpose()
    }

    /// Every key, newest first.
    pub async fn list_keys(&self) -> RepoResult<Vec<ApiKeyRecord>> {
        let mut res = self.db.query("SELECT * OMIT hash FROM api_key ORDER BY key DESC LIMIT 10000").await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        decode_rows(rows)
    }

    /// Marks a key revoked; `false` when there is no such live key.
    pub async fn revoke_key(&self, id: &str, at: &str) -> RepoResult<bool> {
        let mut res = self
            .db
            .query("UPDATE api_key SET revoked_at = $at WHERE key = $id AND revoked_at = NONE RETURN key")
            .bind(json!({ "id": id, "at": at }))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(!rows.is_empty())
    }

    /// Records a key's last use.
    pub async fn touch_key(&self, id: &str, at: &str) -> RepoResult<()> {
        self.db
            .query("UPDATE api_key SET last_used_at = $at WHERE key = $id")
            .bind(json!({ "id": id, "at": at }))
            .await?
            .check()?;
        Ok(())
    }
}
