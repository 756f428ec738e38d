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
                Ok(true) => crate::monitoring::job_step(name, job()).await,
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, lease = name, "taking a job lease failed"),
            }
        }
    })
}

/// Runs `step` over and over in whichever process holds the lease `name` (taken for 10 s,
/// renewed every ~3 s), in a background task: again at once while it answers true (more work
/// waiting), after `idle` when it answers false or lost a race with another holder
/// (`TxConflict`, a thrown rule), after ten times that on any other error (logged as `what`).
pub fn spawn_leased_worker<F, Fut>(
    db: Db,
    name: &'static str,
    what: &'static str,
    idle: std::time::Duration,
    mut step: F,
) -> tokio::task::JoinHandle<()>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = RepoResult<bool>> + Send,
{
    const LEASE: std::time::Duration = std::time::Duration::from_secs(10);
    let holder = crate::domain::ids::new_id(crate::domain::ids::now());
    tokio::spawn(async move {
        let leases = LeaseRepository::new(db);
        let mut renew_at = tokio::time::Instant::now();
        let mut held = false;
        loop {
            if tokio::time::Instant::now() >= renew_at {
                held = match leases.acquire(name, &holder, LEASE).await {
                    Ok(held) => held,
                    Err(e) => {
                        tracing::warn!(error = %e, lease = name, "taking a job lease failed");
                        false
                    }
                };
                renew_at = tokio::time::Instant::now() + if held { LEASE / 3 } else { LEASE / 5 };
            }
            if !held {
                tokio::time::sleep(idle * 5).await;
                continue;
            }
            match crate::monitoring::job_step(what, step()).await {
                Ok(true) => tokio::task::yield_now().await,
                Ok(false) => tokio::time::sleep(idle).await,
                Err(e @ (RepoError::TxConflict | RepoError::Rule(_))) => {
                    tracing::debug!(error = %e, job = what, "a background job step met a conflict and waits");
                    tokio::time::sleep(idle).await;
                }
                Err(e) => {
                    tracing::warn!(error = %e, job = what, "a background job step failed");
                    tokio::time::sleep(idle * 10).await;
                }
            }
        }
    })
}

/// Runs `step` over and over in this process (no lease: every process shares the work by its
/// own claims): again at once while it answers true, after `idle` when false, after ten times
/// that on an error (logged as `what`).
pub fn spawn_loop<F, Fut, E>(what: &'static str, idle: std::time::Duration, mut step: F) -> tokio::task::JoinHandle<()>
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<bool, E>> + Send,
    E: std::fmt::Display + Send,
{
    tokio::spawn(async move {
        loop {
            match crate::monitoring::job_step(what, step()).await {
                Ok(true) => tokio::task::yield_now().await,
                Ok(false) => tokio::time::sleep(idle).await,
                Err(e) => {
                    tracing::warn!(error = %e, job = what, "a background job step failed");
                    tokio::time::sleep(idle * 10).await;
                }
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
