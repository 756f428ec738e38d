//! Orchestration: turning validated requests into domain changes and versioned writes.

pub mod companies;
pub mod contacts;
pub mod history;
pub mod idempotency;
pub mod seed;
pub mod timeline;

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
