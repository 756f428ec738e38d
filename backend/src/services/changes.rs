//! The change feed: every change event of every entity, numbered in the order the events became
//! visible, read forwards from a number.
//!
//! The numbering: writers queue each change event in the transaction that writes it
//! (`repositories::changes::queue_sql`); one sequencer at a time (the lease `change_sequencer`,
//! held by one replica) takes the queue in event-id order and gives the events the next numbers
//! in one transaction fenced by the last number. A number exists only for a committed event and
//! numbers become visible as a gap-free prefix 1..N, so a reader that continues after the last
//! number it saw neither misses nor repeats an event, whatever replica wrote it.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::db::Db;
use crate::domain::auth::Role;
use crate::domain::changes::in_version_order;
use crate::domain::history::ChangeEvent;
use crate::error::AppResult;
use crate::repositories::changes::{ChangeRepository, QueueRows};
use crate::repositories::RepoError;

/// The sequencer's lease.
pub const SEQUENCER_LEASE: &str = "change_sequencer";
/// Events numbered per transaction.
const BATCH: usize = 1000;
/// Pause when the queue is empty.
const IDLE: Duration = Duration::from_millis(100);
/// Numbered queue rows are deleted once this many wait, or the oldest has waited [`RETIRE_AFTER`].
const RETIRE_ROWS: usize = 2 * BATCH;
/// See [`RETIRE_ROWS`].
const RETIRE_AFTER: Duration = Duration::from_secs(1);
/// The queue is read from the ids made this long ago: its numbered rows are deleted, and a read
/// from the table's start walks every deleted row the storage engine still keeps (a quiet
/// server spent ~40% of a core so at ~700,000 events). An id is made when its transaction
/// starts; a transaction that commits later than this (or a replica whose clock is behind by
/// more) is numbered by the next whole read, after events that committed later than it.
const RECENT: Duration = Duration::from_secs(60);
/// The queue is read whole this often (and while a whole read finds a full batch).
const WHOLE_READ_EVERY: Duration = Duration::from_secs(60);

/// Reads the feed and runs the sequencer.
#[derive(Clone)]
pub struct ChangeService {
    repo: ChangeRepository,
    db: Db,
    numbered: watch::Sender<i64>,
    retired: Arc<Mutex<Numbered>>,
}

/// Queue rows this process numbered and has not deleted yet.
#[derive(Default)]
struct Numbered {
    keys: Vec<String>,
    since: Option<Instant>,
    /// Whether rows an earlier sequencer marked and left behind were deleted.
    swept: bool,
    /// When the queue was last read whole, and whether that read found a full batch.
    whole_read: Option<(Instant, bool)>,
}

impl Numbered {
    /// The rows to delete now, when `adding` more would make too many or the oldest waited long
    /// enough.
    fn due(&self, adding: usize) -> Option<Vec<String>> {
        let due = self.keys.len() + adding >= RETIRE_ROWS || self.since.is_some_and(|t| t.elapsed() >= RETIRE_AFTER);
        due.then(|| self.keys.clone())
    }

    /// Keeps `keys`, marked numbered, to delete later.
    fn wait(&mut self, keys: Vec<String>) {
        self.keys.extend(keys);
        self.since.get_or_insert_with(Instant::now);
    }

    /// Where the next read of the queue starts: `None` for the whole queue (the first read, one
    /// every [`WHOLE_READ_EVERY`], and the next while the last whole read found a full batch),
    /// otherwise the ids made since [`RECENT`] before `wall`.
    fn read_from(
        &mut self,
        now: Instant,
        wall: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        let whole = match self.whole_read {
            None => true,
            Some((at, full)) => full || now.duration_since(at) >= WHOLE_READ_EVERY,
        };
        if whole {
            return None;
        }
        Some(wall - chrono::Duration::from_std(RECENT).unwrap_or_default())
    }

    /// A whole read of the queue found `found` rows.
    fn read_whole(&mut self, now: Instant, found: usize) {
        self.whole_read = Some((now, found >= BATCH));
    }

    /// Drops the first `n` keys, deleted now (keys added meanwhile stay).
    fn forget(&mut self, n: usize) {
        self.keys.drain(..n.min(self.keys.len()));
        self.since = (!self.keys.is_empty()).then(Instant::now);
    }
}

impl ChangeService {
    /// A service over `db`.
    pub fn new(db: Db) -> Self {
        Self { repo: ChangeRepository::new(db.clone()), db, numbered: watch::Sender::new(0), retired: Arc::default() }
    }

    /// Up to `limit` events numbered after `after` (of `entity` when given) that `role` may
    /// read, with their numbers: users' events (emails and roles of the people who sign in) are
    /// for admins, as `/api/users` is.
    pub async fn page(
        &self,
        after: i64,
        entity: Option<&str>,
        role: Role,
        limit: usize,
    ) -> AppResult<Vec<(i64, ChangeEvent)>> {
        let hidden: &[&str] = if role == Role::Admin { &[] } else { &[crate::repositories::users::TABLE] };
        Ok(self.repo.page(after, entity, hidden, limit).await?)
    }

    /// The last number given so far (0: none).
    pub async fn last_number(&self) -> AppResult<i64> {
        Ok(self.repo.state().await?.last)
    }

    /// Tells when this process numbers events (other replicas' numbers are seen by reading).
    pub fn subscribe(&self) -> watch::Receiver<i64> {
        self.numbered.subscribe()
    }

    /// Numbers one batch: events older than the feed first (once per database), then the queue.
    /// True when there may be more to number right away.
    pub async fn sequence_once(&self) -> Result<bool, RepoError> {
        let state = self.repo.state().await?;
        if let Some(after) = state.older_after.as_deref() {
            let (mut events, last_read) = self.repo.older(after, BATCH).await?;
            in_version_order(&mut events);
            let more = last_read.is_some();
            // Older events have no queue rows: nothing to mark or delete.
            let last = self.repo.number(state.last, &events, last_read.as_deref(), QueueRows::default()).await?;
            if !more {
                tracing::info!(numbered = last, "change feed: every event written before it existed is numbered");
            }
            return Ok(more);
        }
        if !self.retired().swept {
            self.repo.sweep_numbered().await?;
            self.retired().swept = true;
        }
        let started = Instant::now();
        let from = self.retired().read_from(started, chrono::Utc::now());
        let mut events = self.repo.queued(BATCH, from).await?;
        if from.is_none() {
            self.retired().read_whole(started, events.len());
        }
        let read = started.elapsed();
        in_version_order(&mut events);
        let keys: Vec<String> = events.iter().map(|e| e.key.clone()).collect();
        let waiting = self.retired().due(keys.len());
        if events.is_empty() {
            if let Some(waiting) = waiting.filter(|w| !w.is_empty()) {
                self.repo.delete_queued(&waiting).await?;
                self.retired().forget(waiting.len());
            }
            return Ok(false);
        }
        // Due: this batch's rows go with the waiting ones; else they are marked and wait.
        let (mark, delete) = match &waiting {
            Some(waiting) => (Vec::new(), waiting.iter().chain(&keys).cloned().collect()),
            None => (keys, Vec::new()),
        };
        let last = self.repo.number(state.last, &events, None, QueueRows { mark: &mark, delete: &delete }).await?;
        tracing::debug!(
            events = events.len(),
            deleted = delete.len(),
            whole_read = from.is_none(),
            read_ms = read.as_secs_f64() * 1e3,
            total_ms = started.elapsed().as_secs_f64() * 1e3,
            last,
            "change feed: numbered a batch"
        );
        match waiting {
            Some(waiting) => self.retired().forget(waiting.len()),
            None => self.retired().wait(mark),
        }
        self.numbered.send_replace(last);
        Ok(events.len() == BATCH)
    }

    fn retired(&self) -> std::sync::MutexGuard<'_, Numbered> {
        self.retired.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs the sequencer in the background while this process holds its lease.
    pub fn spawn_sequencer(self) -> tokio::task::JoinHandle<()> {
        let db = self.db.clone();
        crate::repositories::leases::spawn_leased_worker(db, SEQUENCER_LEASE, "change numbering", IDLE, move || {
            let this = self.clone();
            async move { this.sequence_once().await }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_is_read_whole_first_every_minute_and_while_a_whole_read_is_full() {
        let wall = chrono::Utc::now();
        let t0 = Instant::now();
        let mut n = Numbered::default();
        assert_eq!(n.read_from(t0, wall), None, "the first read is whole");
        n.read_whole(t0, 3);
        let since = n.read_from(t0 + Duration::from_secs(1), wall).expect("then the recent ids");
        assert_eq!(since, wall - chrono::Duration::seconds(60));
        let recent = crate::domain::ids::id_floor(since);
        // An id made 61 s ago sorts before the floor, one made 59 s ago after it.
        assert!(crate::domain::ids::new_id(wall - chrono::Duration::seconds(61)) < recent);
        assert!(crate::domain::ids::new_id(wall - chrono::Duration::seconds(59)) >= recent);
        assert!(n.read_from(t0 + Duration::from_secs(59), wall).is_some());
        assert_eq!(n.read_from(t0 + WHOLE_READ_EVERY, wall), None, "whole again after a minute");
        n.read_whole(t0 + WHOLE_READ_EVERY, BATCH);
        assert_eq!(n.read_from(t0 + WHOLE_READ_EVERY, wall), None, "whole while a whole read is full");
        n.read_whole(t0 + WHOLE_READ_EVERY, BATCH - 1);
        assert!(n.read_from(t0 + WHOLE_READ_EVERY, wall).is_some());
    }
}
