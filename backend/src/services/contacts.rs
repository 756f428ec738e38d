//! Contact use cases: create, read (now or as of a moment), update, delete, list, history.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::{precondition_failed, retry_write, write_failure, Precondition, WriteFailure};
use crate::db::{Feature, Migrations};
use crate::domain::contacts::{Contact, ContactPatch, NewContact};
use crate::domain::erasure::{scrub_changes, PERSONAL_FIELDS};
use crate::domain::history::{data_fields, event_for, replay, ChangeEvent, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::pagination::{Page, PageRequest};
use crate::domain::timeline::{entry_for_change, TimelineEntry};
use crate::error::{AppError, AppResult};
use crate::repositories::contacts::{ContactQuery, ContactRepository, Erasure, TABLE};
use crate::repositories::history::HistoryRepository;
use crate::repositories::timeline::{TimelineQuery, TimelineRepository};
use crate::repositories::RepoError;

/// Contact use cases.
#[derive(Clone)]
pub struct ContactService {
    contacts: ContactRepository,
    history: HistoryRepository,
    timeline: TimelineRepository,
    migrations: Migrations,
    links: Option<ContactLinks>,
    schema: Option<super::schema::SchemaService>,
}

/// The records that name contacts, which a contact's deletion unlinks.
#[derive(Clone)]
pub struct ContactLinks {
    /// Deals.
    pub deals: crate::repositories::deals::DealRepository,
    /// Cases.
    pub cases: crate::repositories::cases::CaseRepository,
    /// Tasks.
    pub tasks: crate::repositories::tasks::TaskRepository,
}

/// Most records of each kind one contact's deletion unlinks in its transaction.
const MAX_UNLINKED: usize = 1000;

impl ContactLinks {
    /// The writes that take contact `id` out of every deal, case and task naming it, each a
    /// change of its own (one event per record).
    async fn unlink(&self, id: &str, origin: &Origin) -> AppResult<Vec<crate::repositories::records::VersionedWrite>> {
        let at = now();
        let ts = format_ts(at);
        let mut writes = Vec::new();
        let deals = self.deals.naming_contact(id, MAX_UNLINKED).await?;
        let cases = self.cases.naming_contact(id, MAX_UNLINKED).await?;
        let tasks = self.tasks.naming_contact(id, MAX_UNLINKED).await?;
        if deals.len() == MAX_UNLINKED || cases.len() == MAX_UNLINKED || tasks.len() == MAX_UNLINKED {
            return Err(AppError::conflict(
                "contact_widely_linked",
                format!("the contact is named by more than {MAX_UNLINKED} deals, cases or tasks; unlink some first"),
            ));
        }
        writes
            .extend(deals.into_iter().map(|d| unlink_write(d, |d| d.contact_ids.retain(|c| c != id), &ts, origin, at)));
        writes.extend(cases.into_iter().map(|c| unlink_write(c, |c| c.contact_id = None, &ts, origin, at)));
        writes.extend(tasks.into_iter().map(|t| unlink_write(t, |t| t.contact_id = None, &ts, origin, at)));
        Ok(writes)
    }
}

/// The write that changes `record` by `unlink`, one version later, with its own event.
fn unlink_write<T: crate::repositories::records::Stored>(
    record: T,
    unlink: impl FnOnce(&mut T),
    ts: &str,
    origin: &Origin,
    at: DateTime<Utc>,
) -> crate::repositories::records::VersionedWrite {
    let mut next = record.clone();
    unlink(&mut next);
    next.bump(ts);
    crate::services::records::versioned_write(Some(&record), Some(&next), None, origin, at)
}

/// The contact now: 404 when it never existed, 410 naming the survivor when it was merged.
pub(crate) async fn existing(contacts: &ContactRepository, id: &str) -> AppResult<Contact> {
    if let Some(contact) = contacts.get(id).await? {
        return Ok(contact);
    }
    match contacts.merged_into(id).await? {
        Some((_, survivor)) => Err(AppError::Gone { entity: "contact", merged_into: survivor }),
        None => Err(AppError::not_found("contact", id)),
    }
}

/// Everything held about one contact.
pub struct ContactExport {
    /// The record.
    pub contact: Contact,
    /// Every timeline entry, newest first.
    pub timeline: Vec<TimelineEntry>,
    /// Every change event, oldest first.
    pub history: Vec<ChangeEvent>,
}

/// Maps a failed contact write to the error a client sees.
fn write_error(err: RepoError) -> AppError {
    if let Some(e) = super::schema::unique_error(&err) {
        return e;
    }
    match err {
        RepoError::Duplicate(index) if index.contains("email") => {
            AppError::conflict("email_taken", "a contact with this email already exists")
        }
        other => super::records::write_error(other),
    }
}

impl ContactService {
    /// A service over its repositories.
    pub fn new(
        contacts: ContactRepository,
        history: HistoryRepository,
        timeline: TimelineRepository,
        migrations: Migrations,
    ) -> Self {
        Self { contacts, history, timeline, migrations, links: None, schema: None }
    }

    /// The same service, checking custom values and validation rules on every write.
    pub fn with_schema(mut self, schema: super::schema::SchemaService) -> Self {
        self.schema = Some(schema);
        self
    }

    /// `new` as the schema lets it be stored (after `old`).
    async fn schema_checked(
        &self,
        old: Option<&Contact>,
        new: Contact,
        origin: &Origin,
    ) -> AppResult<super::schema::Checked<Contact>> {
        match &self.schema {
            Some(schema) => Box::pin(schema.check(crate::domain::custom::Object::Contact, old, new, origin)).await,
            None => Ok(super::schema::Checked::plain(new)),
        }
    }

    /// The same service, unlinking deals, cases and tasks when a contact is deleted.
    pub fn with_links(mut self, links: ContactLinks) -> Self {
        self.links = Some(links);
        self
    }

    /// Every event of a contact, oldest first.
    async fn all_events(&self, id: &str) -> AppResult<Vec<ChangeEvent>> {
        let mut events = Vec::new();
        loop {
            let after = events.last().map_or(0, |e: &ChangeEvent| e.version);
            let page = self.history.events(TABLE, id, after, 500).await?;
            let done = page.len() < 500;
            events.extend(page);
            if done {
                return Ok(events);
            }
        }
    }

    /// Everything held about a contact: record, timeline and history.
    pub async fn export(&self, id: &str) -> AppResult<ContactExport> {
        let contact = self.get(id).await?;
        let query = TimelineQuery { contact_id: Some(id.to_string()), ..Default::default() };
        let mut timeline = Vec::new();
        let mut after = None;
        loop {
            let (page, next) = self.timeline.list(&query, after, 500).await?;
            timeline.extend(page);
            match next {
                Some(n) => after = Some(n),
                None => break,
            }
        }
        Ok(ContactExport { contact, timeline, history: self.all_events(id).await? })
    }

    /// Erases a contact's personal data from the record, every past change event and its
    /// timeline, keeping the anonymous rest; the erasure itself is recorded (who, when).
    #[instrument(skip_all)]
    pub async fn erase(&self, id: &str, origin: &Origin) -> AppResult<Contact> {
        let current = self.get(id).await?;
        let events = self.all_events(id).await?;
        let at = now();
        let ts = format_ts(at);
        let erased = current.erased(&ts);
        let mut event = event_for(TABLE, id, erased.version, Some(&current), Some(&erased), origin, new_id(at), &ts);
        event.kind = "erased".into();
        event.changes = scrub_changes(&event.changes, true);
        let entry = entry_for_change(&event, new_id(at));
        let mut needles = vec![id.to_string()];
        for e in &events {
            for field in PERSONAL_FIELDS {
                if let Some(change) = e.changes.get(field) {
                    needles.extend([&change.old, &change.new].into_iter().filter_map(|v| v.as_str().map(String::from)));
                }
            }
        }
        let scrubbed = events
            .iter()
            .map(|e| (e.id.clone(), serde_json::to_value(scrub_changes(&e.changes, false)).unwrap_or_default()))
            .collect();
        let erasure =
            Erasure { contact: &erased, expected: current.version, scrubbed, event: &event, timeline: &entry, needles };
        match self.contacts.erase(erasure).await {
            Ok(()) => Ok(erased),
            Err(RepoError::NotFound) => Err(AppError::not_found("contact", id)),
            Err(RepoError::VersionMismatch | RepoError::TxConflict) => {
                Err(AppError::conflict("write_contention", "the contact changed during erasure; try again"))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Creates a contact (version 1) with its `created` event and timeline entry.
    #[instrument(skip_all)]
    pub async fn create(&self, new: NewContact, origin: &Origin) -> AppResult<Contact> {
        let at = now();
        let ts = format_ts(at);
        let mut checked = self.schema_checked(None, Contact::create(new_id(at), new, &ts), origin).await?;
        let written = &checked.written;
        let event = event_for(TABLE, &written.id, 1, None, Some(written), origin, new_id(at), &ts);
        let entry = entry_for_change(&event, new_id(at));
        let statements = std::mem::take(&mut checked.statements);
        let contact = checked.into_stored();
        self.contacts
            .write(&contact.id, None, Some(&contact), None, &event, &entry, Vec::new(), statements)
            .await
            .map_err(write_error)?;
        Ok(contact)
    }

    /// The contacts with these ids that exist.
    pub async fn get_many(&self, ids: &[String]) -> AppResult<Vec<Contact>> {
        Ok(self.contacts.get_many(ids).await?)
    }

    /// The contact with this (normalised) email, if any.
    pub async fn find_by_email(&self, email: &str) -> AppResult<Option<Contact>> {
        Ok(self.contacts.by_emails(&[email.to_string()]).await?.pop())
    }

    /// The contact now; 404 when it does not exist, 410 naming the survivor when it was merged.
    pub async fn get(&self, id: &str) -> AppResult<Contact> {
        existing(&self.contacts, id).await
    }

    /// The contact as it was at `at`, rebuilt from its events; 404 if it did not exist then.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Contact> {
        let events = self.history.events_until(TABLE, id, &format_ts(at)).await?;
        let state = replay(&events).ok_or_else(|| AppError::not_found("contact", id))?;
        let mut contact: Contact = serde_json::from_value(serde_json::Value::Object(state))
            .map_err(|e| AppError::Internal(format!("replaying contact history: {e}")))?;
        // The score is derived, not history: the one stored now (as last refreshed).
        contact.score = self.contacts.get(id).await?.and_then(|c| c.score);
        Ok(contact)
    }

    /// Applies a partial update under an optional `If-Match` precondition.
    #[instrument(skip_all)]
    pub async fn update(
        &self,
        id: &str,
        patch: ContactPatch,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Contact> {
        retry_write(pre, "contact", || async {
            let current = self.checked(id, pre).await?;
            let at = now();
            let ts = format_ts(at);
            let next = current.apply(patch.clone(), &ts).map_err(AppError::from)?;
            let next = self.schema_checked(Some(&current), next, origin).await?;
            if data_fields(next.stored()) == data_fields(&current) {
                return Ok(current); // nothing changed: no new version, no event
            }
            Ok(self.commit(id, &current, Some(next), origin).await?.unwrap_or(current))
        })
        .await
    }

    /// Deletes a contact; its history stays readable.
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        retry_write(pre, "contact", || async {
            let current = self.checked(id, pre).await?;
            self.commit(id, &current, None, origin).await.map(|_| ())
        })
        .await
    }

    /// The current contact, if it satisfies the precondition.
    async fn checked(&self, id: &str, pre: Precondition) -> Result<Contact, WriteFailure> {
        let current = self.get(id).await?;
        if !pre.holds(current.version) {
            return Err(precondition_failed(current.version).into());
        }
        Ok(current)
    }

    /// Writes `next` (or a delete) over `current` with its event and timeline entry.
    async fn commit(
        &self,
        id: &str,
        current: &Contact,
        next: Option<super::schema::Checked<Contact>>,
        origin: &Origin,
    ) -> Result<Option<Contact>, WriteFailure> {
        let at = now();
        let written = next.as_ref().map(|n| &n.written);
        let ts = written.map(|n| n.updated_at.clone()).unwrap_or_else(|| format_ts(at));
        let version = current.version + 1;
        let event = event_for(TABLE, id, version, Some(current), written, origin, new_id(at), &ts);
        let entry = entry_for_change(&event, new_id(at));
        let also = match (&self.links, &next) {
            (Some(links), None) => links.unlink(id, origin).await?,
            _ => Vec::new(),
        };
        let (statements, next) = match next {
            Some(mut n) => (std::mem::take(&mut n.statements), Some(n.into_stored())),
            None => (Vec::new(), None),
        };
        self.contacts
            .write(id, Some(current), next.as_ref(), Some(current.version), &event, &entry, also, statements)
            .await
            .map_err(|e| {
                write_failure(e, current.version, |e| match e {
                    RepoError::NotFound => AppError::not_found("contact", id),
                    other => write_error(other),
                })
            })?;
        Ok(next)
    }

    /// One page of contacts matching `query`.
    pub async fn list(&self, query: &ContactQuery, page: &PageRequest) -> AppResult<Page<Contact>> {
        self.migrations.require(Feature::Lists)?;
        if query.q.is_some() {
            self.migrations.require(Feature::ContactSearch)?;
        }
        if crate::repositories::contacts::uses_facets(query) {
            self.migrations.require(Feature::ContactFilters)?;
        }
        if page.sort.field == "score" {
            self.migrations.require(Feature::ScoreSort)?;
        }
        let (rows, next) =
            self.contacts.list(query, page.sort, page.after.clone(), page.limit, page.visible.as_ref()).await?;
        let total = if page.count { Some(self.contacts.count(query, page.visible.as_ref()).await?) } else { None };
        Ok(page.page(rows, next, total))
    }

    /// Every contact `query` selects, in `sort` order, read from one snapshot of the database a
    /// page at a time (an export); of the rows `visible` holds, when given. Parameters and
    /// migrations are checked first.
    pub async fn export_list(
        &self,
        query: ContactQuery,
        sort: crate::domain::pagination::Sort,
        visible: Option<crate::domain::security::Visible>,
    ) -> AppResult<impl futures::Stream<Item = AppResult<Vec<Contact>>> + Send> {
        self.list(&query, &PageRequest { limit: 1, sort, after: None, count: false, visible: None }).await?;
        let page = move |repo: ContactRepository, (query, visible): (ContactQuery, Option<_>), after| async move {
            repo.list(&query, sort, after, crate::services::exports::EXPORT_PAGE, visible.as_ref()).await
        };
        crate::services::exports::snapshot_pages(self.contacts.db(), ContactRepository::new, (query, visible), page)
            .await
    }
}
