//! The database: one handle over the embedded engine (`mem://`, `surrealkv://`) or a SurrealDB
//! server (`ws://`), connecting, the embedded engine's memory settings and its clean close.

mod handle;
pub mod migrations;

use std::sync::Arc;

use surrealdb::opt::auth::Root;

pub use handle::{Database, Query};
pub use migrations::{apply_schema, Feature, MigrationReport, Migrations};

use crate::config::DatabaseSettings;

/// The one database handle, shared behind an `Arc`: cloning a `Surreal` itself starts a new
/// session, which costs milliseconds per request.
pub type Db = Arc<Database>;

/// Connects, signs in for remote servers, selects namespace and database, defines the schema
/// (data migrations are run by [`Migrations`]: in the background by the server).
///
/// `surrealkv://` is opened by [`Database::open_embedded`] with the configured block cache and
/// memtable sizes; everything else through the SDK's `connect`.
pub async fn connect(settings: &DatabaseSettings) -> anyhow::Result<Db> {
    let db = open(settings).await?;
    migrations::define_schema(&db).await?;
    Ok(db)
}

/// Connects without applying the schema (backups and restores).
pub async fn open(settings: &DatabaseSettings) -> anyhow::Result<Db> {
    let url = settings.url.trim();
    let db = if let Some(path) = url.strip_prefix("surrealkv://") {
        let dir = std::path::Path::new(path.split('?').next().unwrap_or(path));
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
        Database::open_embedded(url, settings.cache_mb, settings.memtable_mb).await?
    } else {
        let db = Database::connect_any(url).await?;
        let remote = url.starts_with("ws://") || url.starts_with("wss://") || url.starts_with("http");
        if remote {
            if let (Some(username), Some(password)) = (&settings.username, &settings.password) {
                db.signin(Root { username: username.clone(), password: password.clone() }).await?;
            }
        }
        db
    };
    db.use_ns_db(&settings.namespace, &settings.database).await?;
    Ok(Arc::new(db))
}
