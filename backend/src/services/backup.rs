//! Backups of the whole database: export (a running server streams it) and restore.

use futures::{Stream, StreamExt};

use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::repositories::backup;

/// Exports and restores.
#[derive(Clone)]
pub struct BackupService {
    db: Db,
}

impl BackupService {
    /// A service over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// A consistent export (SurrealQL), chunk by chunk; a failure mid-stream ends the stream
    /// with an error (the client sees a truncated body, never a silently partial success).
    pub async fn export(&self) -> AppResult<impl Stream<Item = Result<Vec<u8>, std::io::Error>>> {
        let chunks = backup::export(&self.db).await.map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(chunks.map(|chunk| chunk.map_err(std::io::Error::other)))
    }
}
