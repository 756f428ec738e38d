//! Leases: which process runs a background job, so that several servers over one database run
//! it once.

use serde_json::json;

use super::{check_tx, RepoError, RepoResult};
use crate::db::Db;

/// Lease storage.
#[derive(Clone)]
pub struct LeaseRepository {
    db: Db,
}

/// Runs `job` every `every` in whichever process holds the lease `name` (taken or renewed for
/// `every` before each run), in a background task.
pub fn spawn_leased<F, Fut>(
    db: Db,
    name: &'static str,
    every: std::time::Duration,
    mut job: F,
) -> tokio::task::JoinHandle<()>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let holder = crate::domain::ids::new_id(crate::domain::ids::now());
    tokio::spawn(async move {
        let leases = LeaseRepository::new(db);
        loop {
            tokio::time::sleep(every).await;
            match leases.acquire(name, &holder, every).await {
                Ok(true) => job().await,
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, lease = name, "taking a job lease failed"),
            }
        }
    })
}

impl LeaseRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Takes or renews the lease `name` for `holder` for `ttl`; false while another holder's
    /// lease runs (or another process took it in the same instant).
    pub async fn acquire(&self, name: &str, holder: &str, ttl: std::time::Duration) -> RepoResult<bool> {
        let sql = "BEGIN;\n\
            LET $l = (SELECT holder, until FROM ONLY type::record('lease', $name));\n\
            IF $l != NONE AND $l.holder != $holder AND $l.until > time::now() { THROW 'lease_held' };\n\
            UPSERT type::record('lease', $name) SET holder = $holder, until = time::now() + $ttl RETURN NONE;\n\
            COMMIT;";
        let ttl = surrealdb::types::Duration::from_std(ttl);
        let response = self.db.query(sql).bind(json!({"name": name, "holder": holder})).bind(("ttl", ttl)).await?;
        match check_tx(response) {
            Ok(_) => Ok(true),
            Err(RepoError::Rule(code)) if code == "lease_held" => Ok(false),
            Err(RepoError::TxConflict) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
