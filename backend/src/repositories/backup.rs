//! Backups: a consistent SurrealQL export of the whole database, and loading one into an empty
//! database.

use futures::{Stream, StreamExt};
use tokio::io::AsyncWriteExt;

use crate::db::Database;

/// Chunks of a consistent export (one read transaction), streamed with backpressure.
pub async fn export(db: &Database) -> anyhow::Result<impl Stream<Item = Result<Vec<u8>, surrealdb::Error>>> {
    Ok(db.export_stream().await?)
}

/// Writes a consistent export to `path`; returns the bytes written.
pub async fn export_to_file(db: &Database, path: &std::path::Path) -> anyhow::Result<u64> {
    let mut file = tokio::fs::File::create(path).await?;
    let mut chunks = std::pin::pin!(export(db).await?);
    let mut written = 0u64;
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk?;
        file.write_all(&chunk).await?;
        written += chunk.len() as u64;
    }
    file.sync_all().await?;
    Ok(written)
}

/// The tables defined in the selected database.
pub async fn tables(db: &Database) -> anyhow::Result<Vec<String>> {
    let mut res = db.query("INFO FOR DB").await?.check()?;
    let info: Option<serde_json::Value> = res.take(0)?;
    let tables = info.as_ref().and_then(|i| i.get("tables")).and_then(serde_json::Value::as_object);
    Ok(tables.map(|t| t.keys().cloned().collect()).unwrap_or_default())
}

/// Loads an export into the selected database, which must be empty (no table defined).
pub async fn restore(db: &Database, path: &std::path::Path) -> anyhow::Result<()> {
    let existing = tables(db).await?;
    if !existing.is_empty() {
        anyhow::bail!(
            "the target database is not empty (it defines {} tables, e.g. {}); restore into an empty one",
            existing.len(),
            existing[0]
        );
    }
    db.import_file(path).await?;
    Ok(())
}
