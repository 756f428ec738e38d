//! Orchestration: turning validated requests into domain changes and versioned writes.

pub mod analytics;
pub mod auth;
pub mod backup;
pub mod campaigns;
pub mod cases;
pub mod changes;
pub mod companies;
pub mod consents;
pub mod contacts;
pub mod deals;
pub mod deliveries;
pub mod duplicates;
pub mod engagement;
pub mod event_mail;
pub mod events;
pub mod exports;
pub mod history;
pub mod idempotency;
pub mod imports;
pub mod landing_pages;
pub mod limits;
pub mod llm;
pub mod mail;
pub mod merges;
pub mod notifications;
pub mod objects;
pub mod progress;
pub mod query;
pub mod records;
pub mod schema;
pub mod security;
pub mod seed;
pub mod segments;
pub mod smtp;
pub mod tasks;
pub mod timeline;
pub mod triggers;
pub mod users;
pub mod views;
pub mod webhooks;

/// What an `If-Match` header asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precondition {
    /// No header: last writer wins (conflicting writes are retried on fresh state).
    None,
    /// `*`: the record must exist.
    Any,
    /// `"<version>"`: the record must be at exactly this version.
    Version(i64),
}

impl Precondition {
    /// Whether a record at `version` satisfies this precondition.
    pub fn holds(self, version: i64) -> bool {
        match self {
            Self::None | Self::Any => true,
            Self::Version(v) => v == version,
        }
    }

    /// Whether a lost race must be reported (412) instead of retried.
    pub fn is_strict(self) -> bool {
        matches!(self, Self::Version(_))
    }
}

/// How many times a write without `If-Match` is retried after losing a race.
pub(crate) const WRITE_ATTEMPTS: usize = 8;

/// Waits a little before retrying a write that lost a race (grows with `attempt`, jittered).
pub(crate) async fn backoff(attempt: usize) {
    let base = 2u64 << attempt.min(6);
    let jitter = rand::random::<u64>() % base.max(1);
    tokio::time::sleep(std::time::Duration::from_millis(base + jitter)).await;
}

/// Why one attempt at a versioned write did not commit.
pub(crate) enum WriteFailure {
    /// Another writer got there first; the record was at `version` when this attempt read it.
    Lost { version: i64 },
    /// The transaction kept colliding with others on shared keys (counters, indexes) although
    /// the record itself may be unchanged: always worth another attempt, never a 412.
    Contended,
    /// A final error.
    Failed(crate::error::AppError),
}

impl From<crate::error::AppError> for WriteFailure {
    fn from(e: crate::error::AppError) -> Self {
        WriteFailure::Failed(e)
    }
}

/// Runs `attempt` until it commits. A lost race is reported as 412 under `If-Match`,
/// otherwise retried on fresh state after a short backoff, so no update is lost.
pub(crate) async fn retry_write<T, Fut>(
    pre: Precondition,
    entity: &str,
    mut attempt: impl FnMut() -> Fut,
) -> crate::error::AppResult<T>
where
    Fut: std::future::Future<Output = Result<T, WriteFailure>>,
{
    for n in 0..WRITE_ATTEMPTS {
        match attempt().await {
            Ok(value) => return Ok(value),
            Err(WriteFailure::Failed(e)) => return Err(e),
            Err(WriteFailure::Lost { version }) if pre.is_strict() => return Err(precondition_failed(version + 1)),
            Err(WriteFailure::Lost { .. } | WriteFailure::Contended) => backoff(n).await,
        }
    }
    Err(crate::error::AppError::conflict(
        "write_contention",
        format!("the {entity} is being changed by others; try again"),
    ))
}

/// 412 naming the version the record is at.
pub(crate) fn precondition_failed(current: i64) -> crate::error::AppError {
    crate::error::AppError::PreconditionFailed {
        detail: format!("the record has changed (it is at version {current}); fetch it again and retry"),
    }
}

/// Classifies a repository error of a versioned write.
pub(crate) fn write_failure(
    err: crate::repositories::RepoError,
    version: i64,
    map: impl FnOnce(crate::repositories::RepoError) -> crate::error::AppError,
) -> WriteFailure {
    use crate::repositories::RepoError;
    match err {
        RepoError::VersionMismatch => WriteFailure::Lost { version },
        RepoError::TxConflict => WriteFailure::Contended,
        other => WriteFailure::Failed(map(other)),
    }
}
