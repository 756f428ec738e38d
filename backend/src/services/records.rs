//! The use cases every versioned record shares (deals, cases, tasks and what follows): read now
//! or as of a moment, create, change under `If-Match` with retries, delete, each change one
//! event (and one timeline entry per contact the record names) in the record's transaction.

use std::marker::PhantomData;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{precondition_failed, retry_write, write_failure, Precondition, WriteFailure};
use crate::db::Db;
use crate::domain::history::{data_fields, event_for, replay, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::error::{AppError, AppResult};
use crate::repositories::history::HistoryRepository;
use crate::repositories::records::{self, Guard, Statement, Stored, VersionedWrite};
use crate::repositories::RepoError;

/// Versioned reads and writes of one record type.
pub struct Store<T> {
    db: Db,
    table: &'static str,
    history: HistoryRepository,
    scores: Option<super::engagement::EngagementService>,
    schema: Option<Arc<super::schema::SchemaService>>,
    _record: PhantomData<fn() -> T>,
}

impl<T> Clone for Store<T> {
    fn clone(&self) -> Self {
        Store {
            db: self.db.clone(),
            table: self.table,
            history: self.history.clone(),
            scores: self.scores.clone(),
            schema: self.schema.clone(),
            _record: PhantomData,
        }
    }
}

/// The contacts whose engagement score a write changes: those it gives a timeline entry of a
/// kind that earns points, and those the record itself says ([`Stored::scored_contacts`]).
fn rescored<T: Stored>(
    scores: &super::engagement::EngagementService,
    write: &VersionedWrite,
    old: Option<&T>,
    new: Option<&T>,
) -> Vec<String> {
    let mut ids: Vec<String> =
        write.timeline.iter().filter(|e| scores.counts(&e.kind)).map(|e| e.contact_id.clone()).collect();
    ids.extend(T::scored_contacts(old, new));
    ids
}

/// Maps a failed write to what a client sees: a missing reference is a 422 on its field, the
/// rules records share are 409s with their code.
pub fn write_error(err: RepoError) -> AppError {
    if let Some(e) = super::schema::unique_error(&err) {
        return e;
    }
    match err {
        RepoError::Rule(code) => {
            if let Some((field, table)) = code.strip_prefix("missing:").and_then(|rest| rest.split_once(':')) {
                let noun = if table == "support_case" { "case" } else { table };
                return AppError::invalid_field(field, format!("no {noun} with this id exists"));
            }
            match code.as_str() {
                "company_has_contacts" => AppError::conflict(
                    "company_has_contacts",
                    "the company still has contacts; move or unlink them (PATCH company_id) first",
                ),
                "company_has_open_deals" => AppError::conflict(
                    "company_has_open_deals",
                    "the company still has open deals; close them or move them to another company first",
                ),
                "company_has_open_cases" => {
                    AppError::conflict("company_has_open_cases", "the company still has open cases; close them first")
                }
                "case_closed" => AppError::conflict("case_closed", "the case is closed; reopen it first"),
                "capacity_below_confirmed" => AppError::conflict(
                    "capacity_below_confirmed",
                    "more guests are confirmed than the new capacity holds; decline some first",
                ),
                "event_has_invitations" => AppError::conflict(
                    "event_has_invitations",
                    "the event has invitations; an event with guests cannot be deleted",
                ),
                _ => RepoError::Rule(code).into(),
            }
        }
        other => other.into(),
    }
}

/// The write of a change from `old` to `new` (either may be absent) at `ts`: the row, its event
/// of `kind` (`None`: created, updated or deleted), its timeline entries, guards and counters.
pub fn versioned_write<T: Stored>(
    old: Option<&T>,
    new: Option<&T>,
    kind: Option<&str>,
    origin: &Origin,
    at: DateTime<Utc>,
) -> VersionedWrite {
    let ts = format_ts(at);
    let record = new.or(old).expect("a change has a side");
    let id = record.id().to_string();
    let table = record.table();
    let version = old.map_or(1, |o| o.version() + 1);
    let mut event = event_for(table, &id, version, old, new, origin, new_id(at), &ts);
    if let (Some(kind), Some(_), Some(_)) = (kind, old, new) {
        event.kind = kind.to_string();
    }
    let mut write = VersionedWrite::new(table, &id, new.map(T::row), old.map(T::version), &event);
    let kept: Vec<String> = old.map(|o| o.guards().iter().map(guard_id).collect()).unwrap_or_default();
    write.guards = match new {
        Some(n) => n.guards().into_iter().filter(|g| !kept.contains(&guard_id(g))).collect(),
        None => T::delete_guards(&id),
    };
    write.statements = T::statements(old, new);
    write.counts = T::counts(old, new);
    write.timeline = timeline_for(old, new, &event, at);
    write
}

/// The timeline entries of `event`, the change from `old` to `new`: one on the timeline of
/// each contact either side names.
pub fn timeline_for<T: Stored>(
    old: Option<&T>,
    new: Option<&T>,
    event: &crate::domain::history::ChangeEvent,
    at: DateTime<Utc>,
) -> Vec<crate::domain::timeline::TimelineEntry> {
    let Some(record) = new.or(old) else { return Vec::new() };
    let mut contacts: Vec<String> = old.map(T::contacts).unwrap_or_default();
    for c in new.map(T::contacts).unwrap_or_default() {
        if !contacts.contains(&c) {
            contacts.push(c);
        }
    }
    contacts.iter().map(|c| record.timeline_entry(event, c, new_id(at))).collect()
}

/// The record `checked` stores, with the triggers' statements (and their derived row) put
/// into `write`, which was made for the record as written.
fn with_checked<T: Stored>(write: &mut VersionedWrite, mut checked: super::schema::Checked<T>) -> T {
    write.statements.extend(std::mem::take(&mut checked.statements));
    let stored = checked.into_stored();
    write.row = Some(stored.row());
    stored
}

fn guard_id(guard: &Guard) -> String {
    format!("{guard:?}")
}

impl<T: Stored> Store<T> {
    /// A store over `db`.
    pub fn new(db: Db, history: HistoryRepository) -> Self {
        Store { db, table: T::TABLE, history, scores: None, schema: None, _record: PhantomData }
    }

    /// The same store over the records of `table` (a type whose records are spread over tables,
    /// [`Stored::table`]).
    pub fn in_table(mut self, table: &'static str) -> Self {
        self.table = table;
        self
    }

    /// The same store, checking custom values and validation rules on every write (the record
    /// type must be one that carries custom fields, `domain::custom::Object`).
    pub fn with_schema(mut self, schema: super::schema::SchemaService) -> Self {
        self.schema = Some(Arc::new(schema));
        self
    }

    /// `new` as the schema lets it be stored (after `old`), when this store checks one.
    async fn checked(&self, old: Option<&T>, new: T, origin: &Origin) -> AppResult<super::schema::Checked<T>> {
        match (&self.schema, crate::domain::custom::Object::of_table(self.table)) {
            // Boxed: the check's state would otherwise sit inside every write's future, which
            // nests deep enough in a debug build to exhaust a 2 MiB stack.
            (Some(schema), Some(object)) => Box::pin(schema.check(object, old, new, origin)).await,
            _ => Ok(super::schema::Checked::plain(new)),
        }
    }

    /// The same store, refreshing the stored engagement scores its writes change.
    pub fn with_scores(mut self, scores: super::engagement::EngagementService) -> Self {
        self.scores = Some(scores);
        self
    }

    async fn refresh_scores(&self, contacts: Vec<String>) {
        if let (Some(scores), false) = (&self.scores, contacts.is_empty()) {
            scores.refresh_after_write(contacts).await;
        }
    }

    /// The database handle (for the record's own queries).
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The record now, if it exists.
    pub async fn find(&self, id: &str) -> AppResult<Option<T>> {
        Ok(records::get_in::<T>(&self.db, self.table, id).await?)
    }

    /// The record now; 404 when it does not exist.
    pub async fn get(&self, id: &str) -> AppResult<T> {
        self.find(id).await?.ok_or_else(|| AppError::not_found(T::NOUN, id))
    }

    /// The record as it was at `at`, rebuilt from its events; 404 if it did not exist then.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<T> {
        let events = self.history.events_until(self.table, id, &format_ts(at)).await?;
        let state = replay(&events).ok_or_else(|| AppError::not_found(T::NOUN, id))?;
        serde_json::from_value(serde_json::Value::Object(state))
            .map_err(|e| AppError::Internal(format!("replaying {} history: {e}", T::NOUN)))
    }

    /// Stores a new record built by `make` from its id and creation time (a transaction that
    /// keeps colliding with others, on the pipeline's counters say, is run again).
    pub async fn create(&self, origin: &Origin, make: impl FnOnce(String, &str) -> AppResult<T>) -> AppResult<T> {
        self.create_with(origin, |id, ts| Ok((make(id, ts)?, Vec::new()))).await
    }

    /// Like [`Store::create`], with further statements `make` returns beside the record run in
    /// the same transaction (an email queued with the record it is about, say).
    pub async fn create_with(
        &self,
        origin: &Origin,
        make: impl FnOnce(String, &str) -> AppResult<(T, Vec<Statement>)>,
    ) -> AppResult<T> {
        let at = now();
        let (record, statements) = make(new_id(at), &format_ts(at))?;
        let checked = self.checked(None, record, origin).await?;
        let mut write = versioned_write(None, Some(&checked.written), None, origin, at);
        write.statements.extend(statements);
        let record = with_checked(&mut write, checked);
        let rescore = self.scores.as_ref().map(|s| rescored(s, &write, None, Some(&record))).unwrap_or_default();
        retry_write(Precondition::None, T::NOUN, || async {
            match records::commit(&self.db, write.clone()).await {
                Ok(()) => Ok(()),
                Err(RepoError::TxConflict) => Err(WriteFailure::Contended),
                Err(e) => Err(WriteFailure::Failed(write_error(e))),
            }
        })
        .await?;
        self.refresh_scores(rescore).await;
        Ok(record)
    }

    /// Stores several new records in ONE transaction: all or none. Each has its own event.
    pub async fn create_all(&self, origin: &Origin, records: &[T]) -> AppResult<()> {
        let at = now();
        let writes: Vec<VersionedWrite> =
            records.iter().map(|r| versioned_write(None, Some(r), None, origin, at)).collect();
        retry_write(Precondition::None, T::NOUN, || async {
            match records::commit_all(&self.db, writes.clone()).await {
                Ok(()) => Ok(()),
                Err(RepoError::TxConflict) => Err(WriteFailure::Contended),
                Err(e) => Err(WriteFailure::Failed(write_error(e))),
            }
        })
        .await
    }

    /// Writes the change `next_of` makes to the current record (`None` deletes it), under an
    /// optional `If-Match`; without one a lost race is retried on fresh state. `next_of` also
    /// names the event's kind (`None`: `updated`). An unchanged record writes nothing.
    pub async fn change(
        &self,
        id: &str,
        pre: Precondition,
        origin: &Origin,
        next_of: impl Fn(&T, &str) -> AppResult<Option<(T, Option<&'static str>)>>,
    ) -> AppResult<Option<T>> {
        let rescore = std::sync::Mutex::new(Vec::new());
        let next = retry_write(pre, T::NOUN, || async {
            let current = self.get(id).await?;
            if !pre.holds(current.version()) {
                return Err(precondition_failed(current.version()).into());
            }
            let at = now();
            let next = match next_of(&current, &format_ts(at))? {
                Some((n, kind)) => Some((self.checked(Some(&current), n, origin).await?, kind)),
                None => None,
            };
            if let Some((n, _)) = &next {
                if data_fields(n.stored()) == data_fields(&current) {
                    return Ok(Some(current));
                }
            }
            let kind = next.as_ref().and_then(|(_, k)| *k);
            let mut write = versioned_write(Some(&current), next.as_ref().map(|(n, _)| &n.written), kind, origin, at);
            let next = next.map(|(n, _)| with_checked(&mut write, n));
            let contacts = self.scores.as_ref().map(|s| rescored(s, &write, Some(&current), next.as_ref()));
            match records::commit(&self.db, write).await {
                Ok(()) => {
                    *rescore.lock().unwrap_or_else(|e| e.into_inner()) = contacts.unwrap_or_default();
                    Ok(next)
                }
                Err(e) => Err(write_failure(e, current.version(), |e| match e {
                    RepoError::NotFound => AppError::not_found(T::NOUN, id),
                    other => write_error(other),
                })),
            }
        })
        .await?;
        self.refresh_scores(rescore.into_inner().unwrap_or_else(|e| e.into_inner())).await;
        Ok(next)
    }

    /// Like [`Store::change`] for a change that must leave a record.
    pub async fn update(
        &self,
        id: &str,
        pre: Precondition,
        origin: &Origin,
        next_of: impl Fn(&T, &str) -> AppResult<(T, Option<&'static str>)>,
    ) -> AppResult<T> {
        let next = self.change(id, pre, origin, |c, ts| next_of(c, ts).map(Some)).await?;
        next.ok_or_else(|| AppError::Internal(format!("updating a {} left no record", T::NOUN)))
    }

    /// Deletes the record; its history stays readable.
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.change(id, pre, origin, |_, _| Ok(None)).await.map(|_| ())
    }
}
