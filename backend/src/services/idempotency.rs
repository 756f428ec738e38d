//! `Idempotency-Key` on POST: the same key and body within 24 h returns the first response.

use sha2::{Digest, Sha256};

use crate::domain::ids::{format_ts, now};
use crate::error::{AppError, AppResult};
use crate::repositories::idempotency::{IdempotencyRecord, IdempotencyRepository};
use crate::repositories::RepoError;

/// How long a key is remembered.
pub const TTL_HOURS: i64 = 24;

/// What to do with a request that carries a key.
#[derive(Debug)]
pub enum Claim {
    /// First time: run it, then [`IdempotencyService::complete`] or [`IdempotencyService::release`].
    Run,
    /// Seen before with the same body: answer with this stored response.
    Replay { status: u16, headers: Vec<(String, String)>, body: String },
}

/// Idempotency-key use cases.
#[derive(Clone)]
pub struct IdempotencyService {
    repo: IdempotencyRepository,
}

/// SHA-256 of a request body, hex.
pub fn hash_body(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl IdempotencyService {
    /// A service over its repository.
    pub fn new(repo: IdempotencyRepository) -> Self {
        Self { repo }
    }

    /// Claims `scope` for a request whose body hashes to `request_hash`.
    pub async fn claim(&self, scope: &str, request_hash: &str) -> AppResult<Claim> {
        let at = now();
        let ts = format_ts(at);
        if let Some(found) = self.repo.find(scope, &ts).await? {
            return settle(found, request_hash);
        }
        let record = IdempotencyRecord {
            scope: scope.to_string(),
            request_hash: request_hash.to_string(),
            status: None,
            headers: vec![],
            body: None,
            expires_at: format_ts(at + chrono::Duration::hours(TTL_HOURS)),
        };
        match self.repo.claim(&record).await {
            Ok(()) => Ok(Claim::Run),
            Err(RepoError::Duplicate(_) | RepoError::TxConflict) => match self.repo.find(scope, &ts).await? {
                Some(found) => settle(found, request_hash),
                None => Err(in_progress()),
            },
            Err(e) => Err(e.into()),
        }
    }

    /// Stores the response of a claimed request.
    pub async fn complete(
        &self,
        scope: &str,
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    ) -> AppResult<()> {
        Ok(self.repo.complete(scope, status, headers, body).await?)
    }

    /// Forgets a claim whose request failed, so a retry runs again.
    pub async fn release(&self, scope: &str) -> AppResult<()> {
        Ok(self.repo.release(scope).await?)
    }

    /// Removes expired keys.
    pub async fn purge_expired(&self) -> AppResult<()> {
        Ok(self.repo.purge_expired(&format_ts(now())).await?)
    }
}

fn settle(found: IdempotencyRecord, request_hash: &str) -> AppResult<Claim> {
    if found.request_hash != request_hash {
        return Err(AppError::Validation {
            code: "idempotency_key_reused",
            detail: "this Idempotency-Key was already used with a different request body".into(),
            errors: vec![crate::error::FieldError::new("Idempotency-Key", "was used with a different body")],
        });
    }
    match (found.status, found.body) {
        (Some(status), Some(body)) => Ok(Claim::Replay { status, headers: found.headers, body }),
        _ => Err(in_progress()),
    }
}

fn in_progress() -> AppError {
    AppError::conflict("idempotency_in_progress", "a request with this Idempotency-Key is still being processed")
}
