//! Duplicate contacts: a background scan that follows the change feed's contact events and
//! pairs each written contact with its look-alikes, and the list of pairs it found.
//!
//! Following the feed from its first event is the full scan (every contact was created by an
//! event), with progress (the feed position against the feed's last number); after that the
//! same job keeps the pairs current within a second of each write. The write path pays only the
//! match keys among the contact's facets.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Duration;

use crate::db::{Db, Feature, Migrations};
use crate::domain::auth::Role;
use crate::domain::contacts::Contact;
use crate::domain::duplicates::{keys, pair_id, reason, Reason};
use crate::error::AppResult;
use crate::repositories::duplicates::{DuplicateRepository, StoredPair};
use crate::repositories::RepoError;
use crate::services::changes::ChangeService;

/// Contact events read per scan step.
const STEP: usize = 500;
/// The scan's lease.
pub const SCAN_LEASE: &str = "duplicate_scan";
const IDLE: Duration = Duration::from_millis(200);

/// Two contacts that look like one person.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicatePair {
    /// Pair id.
    pub id: String,
    /// Why.
    pub reason: Reason,
    /// The two contacts, as they are now.
    pub contacts: [Contact; 2],
}

/// Where the scan stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanProgress {
    /// `scanning` while it reads events written before now, `current` once it has read them all
    /// (it then follows new writes).
    pub status: &'static str,
    /// Change events read (of every entity: the feed's position).
    pub processed: i64,
    /// Change events in the feed now.
    pub total: i64,
}

/// Duplicate detection.
#[derive(Clone)]
pub struct DuplicateService {
    repo: DuplicateRepository,
    changes: ChangeService,
    migrations: Migrations,
    db: Db,
}

impl DuplicateService {
    /// A service over `db`, reading `changes`.
    pub fn new(db: Db, changes: ChangeService, migrations: Migrations) -> Self {
        Self { repo: DuplicateRepository::new(db.clone()), changes, migrations, db }
    }

    /// The stored pairs after `after` (a pair id), checked against the contacts now: a pair whose
    /// contacts no longer look alike (or exist) is dropped, and forgotten. Up to `limit` pairs
    /// and the position to continue from when more may follow.
    pub async fn list(
        &self,
        only: Option<Reason>,
        after: Option<&str>,
        limit: usize,
    ) -> AppResult<(Vec<DuplicatePair>, Option<String>)> {
        self.migrations.require(Feature::Duplicates)?;
        let stored = self.repo.page(only.map(Reason::as_str), after.unwrap_or(""), limit).await?;
        let next = (stored.len() == limit).then(|| stored.last().map(|p| p.key.clone())).flatten();
        let ids: Vec<String> =
            stored.iter().flat_map(|p| [p.a.clone(), p.b.clone()]).collect::<HashSet<_>>().into_iter().collect();
        let contacts: HashMap<String, Contact> =
            self.repo.contacts(&ids).await?.into_iter().map(|c| (c.id.clone(), c)).collect();
        let mut pairs = Vec::new();
        let mut stale = Vec::new();
        for p in stored {
            let (Some(a), Some(b)) = (contacts.get(&p.a), contacts.get(&p.b)) else {
                stale.push(p.key);
                continue;
            };
            match reason(a, b) {
                Some(r) if only.is_none_or(|o| o == r) => {
                    pairs.push(DuplicatePair { id: p.key, reason: r, contacts: [a.clone(), b.clone()] })
                }
                Some(_) => {}
                None => stale.push(p.key),
            }
        }
        self.repo.remove(&stale).await?;
        Ok((pairs, next))
    }

    /// Where the scan stands.
    pub async fn progress(&self) -> AppResult<ScanProgress> {
        let processed = self.repo.position().await?;
        let total = self.changes.last_number().await?;
        let status = if processed >= total { "current" } else { "scanning" };
        Ok(ScanProgress { status, processed, total })
    }

    /// Starts the scan again from the first event (pairs found before stay until checked).
    pub async fn rescan(&self) -> AppResult<ScanProgress> {
        self.repo.restart().await?;
        self.progress().await
    }

    /// Reads one step of contact events and stores the pairs of the contacts they wrote; true
    /// when more may follow at once.
    pub async fn scan_once(&self) -> Result<bool, RepoError> {
        if self.migrations.require(Feature::Duplicates).is_err() {
            return Ok(false); // the older contacts' match keys are still being written
        }
        let from = self.repo.position().await?;
        // Read before the page: every event numbered up to here is visible to the page's read.
        let end = self.changes.last_number().await.map_err(|e| RepoError::Decode(e.to_string()))?;
        let events = self
            .changes
            .page(from, Some(crate::repositories::contacts::TABLE), Role::Admin, STEP)
            .await
            .map_err(|e| RepoError::Decode(e.to_string()))?;
        let full = events.len() == STEP;
        let last_read = events.last().map_or(from, |(seq, _)| *seq);
        // A short page holds every contact event up to `end`: the scan is current up to there.
        let to = if full { last_read } else { last_read.max(end) };
        if events.is_empty() {
            if to > from {
                self.repo.advance(from, to).await?;
            }
            return Ok(false);
        }
        let ids: Vec<String> =
            events.iter().map(|(_, e)| e.entity_id.clone()).collect::<HashSet<_>>().into_iter().collect();
        let written = self.repo.contacts(&ids).await?;
        let match_keys: Vec<String> = written.iter().flat_map(keys).collect::<HashSet<_>>().into_iter().collect();
        let (hits, candidates) = self.repo.candidates(&match_keys).await?;
        let by_id: HashMap<&str, &Contact> = candidates.iter().map(|c| (c.id.as_str(), c)).collect();
        let holders: HashMap<&str, &Vec<String>> = hits.iter().map(|(k, ids)| (k.as_str(), ids)).collect();
        let mut found: BTreeMap<String, StoredPair> = BTreeMap::new();
        for a in &written {
            // Only the contacts sharing one of its keys: at most a few dozen, however large the
            // company.
            let mut near: Vec<&str> = keys(a)
                .iter()
                .filter_map(|k| holders.get(k.as_str()))
                .flat_map(|ids| ids.iter().map(String::as_str))
                .collect();
            near.sort_unstable();
            near.dedup();
            for b in near.into_iter().filter_map(|id| by_id.get(id)) {
                if let Some(r) = reason(a, b) {
                    let key = pair_id(&a.id, &b.id);
                    let (x, y) = if a.id < b.id { (&a.id, &b.id) } else { (&b.id, &a.id) };
                    found.insert(
                        key.clone(),
                        StoredPair { key, a: x.clone(), b: y.clone(), reason: r.as_str().to_string() },
                    );
                }
            }
        }
        self.repo.save(&found.into_values().collect::<Vec<_>>()).await?;
        self.repo.advance(from, to).await?;
        Ok(full)
    }

    /// Runs the scan in the background while this process holds its lease.
    pub fn spawn_scan(self) -> tokio::task::JoinHandle<()> {
        let db = self.db.clone();
        crate::repositories::leases::spawn_leased_worker(db, SCAN_LEASE, "duplicate scan", IDLE, move || {
            let this = self.clone();
            async move { this.scan_once().await }
        })
    }
}
