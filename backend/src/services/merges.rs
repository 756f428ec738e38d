//! Merging two contacts into one, and undoing it exactly.
//!
//! A merge writes, in ONE transaction: the survivor with the chosen fields and both contacts'
//! tags (`merged` event), the other contact removed (`merged_into` event; its GET answers 410),
//! every deal, case and task that named the other now naming the survivor (an event each), the
//! other's timeline moved to the survivor, and a `contact_merge` record of what it changed. An
//! unmerge writes the inverse from that record (`unmerged` and `restored` events), and is refused
//! once anything the merge wrote has changed since.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::db::Db;
use crate::domain::contacts::Contact;
use crate::domain::history::{event_for, FieldChange, Origin, MERGED, MERGED_INTO, RESTORED, UNMERGED};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::timeline::entry_for_change;
use crate::error::{AppError, AppResult, FieldError};
use crate::repositories::contacts::{versioned, ContactRepository, TABLE};
use crate::repositories::duplicates::{merge_undone, move_timeline, record_merge, DuplicateRepository};
use crate::repositories::records::{self, Stored, VersionedWrite};
use crate::repositories::RepoError;
use crate::services::contacts::{existing, ContactLinks};

/// The contact fields a merge can take from either side (tags are always combined).
pub const MERGE_FIELDS: [&str; 8] =
    ["first_name", "last_name", "email", "phone", "title", "company_id", "status", "source"];
/// Most timeline entries, deals, cases or tasks one merge moves.
const MAX_MOVED: usize = 10_000;

/// Which contact a merged field comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The surviving contact's value (the default).
    Mine,
    /// The merged contact's value.
    Theirs,
}

/// A record a merge re-pointed: its link field before and after, and its version after.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Moved {
    table: String,
    id: String,
    before: Value,
    after: Value,
    version: i64,
}

/// What a merge changed (stored as `contact_merge`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct MergeRecord {
    key: String,
    survivor_id: String,
    other_id: String,
    survivor_before: Contact,
    other_before: Contact,
    survivor_version: i64,
    fields: BTreeMap<String, Side>,
    moved: Vec<Moved>,
    timeline: Vec<String>,
    at: String,
    actor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    undone_at: Option<String>,
}

/// Merges and unmerges.
#[derive(Clone)]
pub struct MergeService {
    contacts: ContactRepository,
    links: ContactLinks,
    store: DuplicateRepository,
    db: Db,
}

/// 409 for a merge that can no longer be undone exactly.
fn changed_since(what: &str) -> AppError {
    AppError::conflict(
        "changed_since_merge",
        format!("{what} changed after the merge, so it cannot be undone exactly; edit the records instead"),
    )
}

impl MergeService {
    /// A service over the contacts and the records that name them.
    pub fn new(db: Db, links: ContactLinks) -> Self {
        Self { contacts: ContactRepository::new(db.clone()), links, store: DuplicateRepository::new(db.clone()), db }
    }

    /// Merges `other_id` into `survivor_id`: the survivor's fields, each taken from the other
    /// where `fields` says `theirs`, and both contacts' tags. Returns the survivor and the
    /// merge's id.
    pub async fn merge(
        &self,
        survivor_id: &str,
        other_id: &str,
        fields: BTreeMap<String, Side>,
        origin: &Origin,
    ) -> AppResult<(Contact, String)> {
        if let Some(field) = fields.keys().find(|f| !MERGE_FIELDS.contains(&f.as_str())) {
            return Err(AppError::invalid_field(
                &format!("fields.{field}"),
                format!("is not a field a merge can choose; one of {}", MERGE_FIELDS.join(", ")),
            ));
        }
        if survivor_id == other_id {
            return Err(AppError::invalid_field("other_id", "must be another contact than the one merged into"));
        }
        let survivor = existing(&self.contacts, survivor_id).await?;
        let Some(other) = self.contacts.get(other_id).await? else {
            return Err(match self.contacts.merged_into(other_id).await? {
                Some(_) => AppError::conflict("already_merged", "the other contact was already merged"),
                None => AppError::Validation {
                    code: "validation_failed",
                    detail: "one or more fields are invalid".into(),
                    errors: vec![FieldError::new("other_id", "no contact with this id")],
                },
            });
        };
        let at = now();
        let ts = format_ts(at);
        let merge_id = new_id(at);
        let origin = Origin {
            triggers: Vec::new(),
            actor: origin.actor.clone(),
            source: "merge".into(),
            trace_id: merge_id.clone(),
        };
        let merged = combine(&survivor, &other, &fields, &ts)?;

        // The other contact goes first: the survivor may take its email.
        let mut gone =
            event_for(TABLE, other_id, other.version + 1, Some(&other), None::<&Contact>, &origin, new_id(at), &ts);
        gone.kind = MERGED_INTO.into();
        gone.changes.insert("merged_into".into(), FieldChange { old: Value::Null, new: json!(survivor_id) });
        let mut writes = vec![versioned(
            other_id,
            Some(&other),
            None,
            Some(other.version),
            &gone,
            &entry_for_change(&gone, new_id(at)),
        )];
        let mut event =
            event_for(TABLE, survivor_id, merged.version, Some(&survivor), Some(&merged), &origin, new_id(at), &ts);
        event.kind = MERGED.into();
        writes.push(versioned(
            survivor_id,
            Some(&survivor),
            Some(&merged),
            Some(survivor.version),
            &event,
            &entry_for_change(&event, new_id(at)),
        ));

        let (link_writes, moved) = self.repoint(other_id, survivor_id, &origin, at).await?;
        writes.extend(link_writes);
        let timeline = self.timeline_of(other_id).await?;
        let record = MergeRecord {
            key: merge_id.clone(),
            survivor_id: survivor_id.into(),
            other_id: other_id.into(),
            survivor_before: survivor.clone(),
            other_before: other.clone(),
            survivor_version: merged.version,
            fields,
            moved,
            timeline: timeline.clone(),
            at: ts.clone(),
            actor: origin.actor.clone(),
            undone_at: None,
        };
        let last = writes.len() - 1;
        let record = serde_json::to_value(&record).map_err(|e| AppError::Internal(format!("encoding a merge: {e}")))?;
        writes[last].statements.push(move_timeline(&timeline, survivor_id));
        writes[last].statements.push(record_merge(&merge_id, record));
        records::commit_all(&self.db, writes).await.map_err(|e| match e {
            RepoError::VersionMismatch | RepoError::TxConflict | RepoError::NotFound => {
                AppError::conflict("write_contention", "a contact changed during the merge; try again")
            }
            RepoError::Duplicate(_) => AppError::conflict("email_taken", "a contact with this email already exists"),
            other => crate::services::records::write_error(other),
        })?;
        Ok((merged, merge_id))
    }

    /// Undoes merge `merge_id` of survivor `survivor_id`: both contacts as they were before it and
    /// every record it re-pointed back. Returns the survivor and the restored contact.
    pub async fn unmerge(&self, survivor_id: &str, merge_id: &str, origin: &Origin) -> AppResult<(Contact, Contact)> {
        let record: MergeRecord = match self.merge_record(merge_id).await? {
            Some(r) if r.survivor_id == survivor_id => r,
            _ => {
                return Err(AppError::invalid_field("merge_id", "is not a merge into this contact"));
            }
        };
        if record.undone_at.is_some() {
            return Err(AppError::conflict("merge_undone", "this merge was already undone"));
        }
        let survivor = existing(&self.contacts, survivor_id).await?;
        if survivor.version != record.survivor_version {
            return Err(changed_since("the contact"));
        }
        if self.contacts.get(&record.other_id).await?.is_some() {
            return Err(changed_since("the merged contact"));
        }
        let at = now();
        let ts = format_ts(at);
        let origin = Origin {
            triggers: Vec::new(),
            actor: origin.actor.clone(),
            source: "merge".into(),
            trace_id: merge_id.to_string(),
        };

        let mut restored_survivor = record.survivor_before.clone();
        restored_survivor.version = survivor.version + 1;
        restored_survivor.updated_at = ts.clone();
        restored_survivor.score = survivor.score;
        let mut event = event_for(
            TABLE,
            survivor_id,
            restored_survivor.version,
            Some(&survivor),
            Some(&restored_survivor),
            &origin,
            new_id(at),
            &ts,
        );
        event.kind = UNMERGED.into();
        let mut writes = vec![versioned(
            survivor_id,
            Some(&survivor),
            Some(&restored_survivor),
            Some(survivor.version),
            &event,
            &entry_for_change(&event, new_id(at)),
        )];

        let other_id = record.other_id.clone();
        let mut other = record.other_before.clone();
        other.version = record.other_before.version + 2;
        other.updated_at = ts.clone();
        let mut back = event_for(TABLE, &other_id, other.version, None, Some(&other), &origin, new_id(at), &ts);
        back.kind = RESTORED.into();
        back.changes.insert("created_at".into(), FieldChange { old: Value::Null, new: json!(other.created_at) });
        writes.push(versioned(&other_id, None, Some(&other), None, &back, &entry_for_change(&back, new_id(at))));

        for moved in &record.moved {
            writes.push(self.restore_link(moved, &origin, at).await?);
        }
        let last = writes.len() - 1;
        writes[last].statements.push(move_timeline(&record.timeline, &other_id));
        writes[last].statements.push(merge_undone(merge_id, &ts));
        records::commit_all(&self.db, writes).await.map_err(|e| match e {
            RepoError::VersionMismatch | RepoError::TxConflict | RepoError::NotFound => changed_since("a record"),
            RepoError::Duplicate(_) => {
                AppError::conflict("email_taken", "another contact took the merged contact's email")
            }
            other => crate::services::records::write_error(other),
        })?;
        Ok((restored_survivor, other))
    }

    async fn merge_record(&self, merge_id: &str) -> AppResult<Option<MergeRecord>> {
        self.store
            .merge(merge_id)
            .await?
            .map(|r| serde_json::from_value(r).map_err(|e| AppError::Internal(format!("reading a merge: {e}"))))
            .transpose()
    }

    /// The other contact's timeline entries (ids), bounded.
    async fn timeline_of(&self, contact_id: &str) -> AppResult<Vec<String>> {
        let ids = self.store.timeline_ids(contact_id, MAX_MOVED + 1).await?;
        if ids.len() > MAX_MOVED {
            return Err(AppError::conflict(
                "contact_widely_linked",
                format!("the other contact has more than {MAX_MOVED} timeline entries"),
            ));
        }
        Ok(ids)
    }

    /// The writes that make every deal, case and task naming `from` name `to`, and what each
    /// changed.
    async fn repoint(
        &self,
        from: &str,
        to: &str,
        origin: &Origin,
        at: DateTime<Utc>,
    ) -> AppResult<(Vec<VersionedWrite>, Vec<Moved>)> {
        let ts = format_ts(at);
        let mut writes = Vec::new();
        let mut moved = Vec::new();
        let deals = self.links.deals.naming_contact(from, MAX_MOVED).await?;
        let cases = self.links.cases.naming_contact(from, MAX_MOVED).await?;
        let tasks = self.links.tasks.naming_contact(from, MAX_MOVED).await?;
        if deals.len() == MAX_MOVED || cases.len() == MAX_MOVED || tasks.len() == MAX_MOVED {
            return Err(AppError::conflict(
                "contact_widely_linked",
                format!("the other contact is named by {MAX_MOVED} or more deals, cases or tasks"),
            ));
        }
        for deal in deals {
            let mut next = deal.clone();
            next.contact_ids =
                deal.contact_ids.iter().map(|c| if c == from { to.to_string() } else { c.clone() }).collect();
            let mut seen = std::collections::HashSet::new();
            next.contact_ids.retain(|c| seen.insert(c.clone()));
            moved.push(link(&deal, json!(deal.contact_ids), json!(next.contact_ids)));
            writes.push(change(&deal, next, &ts, origin, at));
        }
        for case in cases {
            let mut next = case.clone();
            next.contact_id = Some(to.to_string());
            moved.push(link(&case, json!(case.contact_id), json!(next.contact_id)));
            writes.push(change(&case, next, &ts, origin, at));
        }
        for task in tasks {
            let mut next = task.clone();
            next.contact_id = Some(to.to_string());
            moved.push(link(&task, json!(task.contact_id), json!(next.contact_id)));
            writes.push(change(&task, next, &ts, origin, at));
        }
        Ok((writes, moved))
    }

    /// The write that puts one re-pointed record's link back, if it is still as the merge left it.
    async fn restore_link(&self, moved: &Moved, origin: &Origin, at: DateTime<Utc>) -> AppResult<VersionedWrite> {
        use crate::domain::cases::SupportCase;
        use crate::domain::deals::Deal;
        use crate::domain::tasks::Task;
        let ts = format_ts(at);
        match moved.table.as_str() {
            t if t == Deal::TABLE => {
                let current: Deal = self.current(moved).await?;
                let mut next = current.clone();
                next.contact_ids = serde_json::from_value(moved.before.clone()).unwrap_or_default();
                Ok(change(&current, next, &ts, origin, at))
            }
            t if t == SupportCase::TABLE => {
                let current: SupportCase = self.current(moved).await?;
                let mut next = current.clone();
                next.contact_id = moved.before.as_str().map(String::from);
                Ok(change(&current, next, &ts, origin, at))
            }
            t if t == Task::TABLE => {
                let current: Task = self.current(moved).await?;
                let mut next = current.clone();
                next.contact_id = moved.before.as_str().map(String::from);
                Ok(change(&current, next, &ts, origin, at))
            }
            other => Err(AppError::Internal(format!("a merge moved a record of unknown table {other}"))),
        }
    }

    /// The re-pointed record now, if it is at the version the merge left it at.
    async fn current<T: Stored>(&self, moved: &Moved) -> AppResult<T> {
        match records::get::<T>(&self.db, &moved.id).await? {
            Some(record) if record.version() == moved.version => Ok(record),
            _ => Err(changed_since(&format!("a {} the merge moved", T::NOUN))),
        }
    }
}

/// The survivor after the merge: its own fields but where `fields` says `theirs`, and both
/// contacts' tags (its own first).
fn combine(survivor: &Contact, other: &Contact, fields: &BTreeMap<String, Side>, ts: &str) -> AppResult<Contact> {
    let to_map = |c: &Contact| match serde_json::to_value(c) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(AppError::Internal("encoding a contact".into())),
    };
    let mut merged: Map<String, Value> = to_map(survivor)?;
    let theirs = to_map(other)?;
    for (field, side) in fields {
        if *side == Side::Theirs {
            match theirs.get(field) {
                Some(value) => merged.insert(field.clone(), value.clone()),
                None => merged.remove(field),
            };
        }
    }
    let mut next: Contact = serde_json::from_value(Value::Object(merged))
        .map_err(|e| AppError::Internal(format!("merging contacts: {e}")))?;
    for tag in &other.tags {
        if !next.tags.contains(tag) {
            next.tags.push(tag.clone());
        }
    }
    next.version = survivor.version + 1;
    next.updated_at = ts.to_string();
    Ok(next)
}

fn link<T: Stored>(record: &T, before: Value, after: Value) -> Moved {
    Moved { table: T::TABLE.into(), id: record.id().into(), before, after, version: record.version() + 1 }
}

/// The write changing `record` to `next` (one version later) with its own event.
fn change<T: Stored>(record: &T, mut next: T, ts: &str, origin: &Origin, at: DateTime<Utc>) -> VersionedWrite {
    next.bump(ts);
    crate::services::records::versioned_write(Some(record), Some(&next), None, origin, at)
}
