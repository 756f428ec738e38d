//! Event use cases: the record, invitations, RSVPs with a capacity and a waitlist, check-in.
//!
//! Every change to who holds a seat reads the event, the invitation and the event's seat counts,
//! decides (domain/events.rs `decide`), and writes the invitation, any promoted guest and the new
//! counts in ONE transaction that fails if the counts changed since they were read; it is then
//! decided again. Within one process answers to the same event also wait for each other (a
//! striped lock), so they rarely collide; across replicas the transaction alone keeps the event
//! from being overbooked.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::contacts::ContactService;
use super::records::{versioned_write, write_error, Store};
use super::{backoff, Precondition};
use crate::db::{Feature, Migrations};
use crate::domain::contacts::{Contact, ContactInput, NewContact};
use crate::domain::events::{
    decide, normalize_code, should_promote, Event, EventMail, EventPatch, Invitation, InvitationStatus, InviteJob,
    InviteJobStatus, MailKind, Response, Seats,
};
use crate::domain::history::Origin;
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::pagination::{Page, PageRequest};
use crate::error::{AppError, AppResult};
use crate::repositories::events::{mail_statement, seats_statement, EventQuery, EventRepository};
use crate::repositories::records::{self as record_store, VersionedWrite};
use crate::repositories::RepoError;

/// Attempts at a seat decision before giving up with 409 `write_contention` (each lost race
/// means another answer to the same event committed: progress, so this is generous).
const SEAT_ATTEMPTS: usize = 40;
/// Guests invited per transaction.
pub const INVITE_BATCH: usize = 500;
/// Most contacts one invite request may name.
pub const MAX_INVITE_IDS: usize = 1_000;
/// Stripes of the in-process lock that orders answers to one event.
const STRIPES: usize = 64;

/// How a guest is found at the door.
#[derive(Debug, Clone)]
pub enum CheckIn {
    /// By the code of their invitation.
    Code(String),
    /// By contact (a walk-in when they have no invitation).
    Contact(String),
    /// A walk-in not yet in the CRM: found by email or created.
    WalkIn(Box<ContactInput>),
}

/// What an invite did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Invited {
    /// New invitations.
    pub invited: usize,
    /// Guests who already had one.
    pub already_invited: usize,
}

/// What one seat decision starts from: the event, the guest's invitation if any, the seat
/// counts at their revision, and the moment of the decision.
struct Turn {
    event: Event,
    found: Option<Invitation>,
    seats: Seats,
    rev: i64,
    at: DateTime<Utc>,
    ts: String,
}

/// A new invitation of `contact_id` (a walk-in's when `walk_in`): its write queued, counted
/// among the invited.
fn new_guest(
    event: &Event,
    (contact_id, walk_in): (&str, bool),
    seats: &mut Seats,
    writes: &mut Vec<VersionedWrite>,
    origin: &Origin,
    at: DateTime<Utc>,
) -> Invitation {
    let i = Invitation { walk_in, ..Invitation::new(new_id(at), event, contact_id, &format_ts(at)) };
    writes.push(versioned_write(None, Some(&i), None, origin, at));
    *seats = seats.moved(None, InvitationStatus::Invited);
    i
}

/// The write of a waitlisted guest taking a seat, with the email telling them.
fn promotion(from: &Invitation, to: &Invitation, origin: &Origin, at: DateTime<Utc>) -> VersionedWrite {
    let mut w = versioned_write(Some(from), Some(to), Some("promoted"), origin, at);
    let mail = EventMail::queued(&to.id, MailKind::Promoted, Some(to.version), &format_ts(at));
    w.statements.push(mail_statement(&mail));
    w
}

/// Event use cases.
#[derive(Clone)]
pub struct EventService {
    store: Store<Event>,
    scores: super::engagement::EngagementService,
    events: EventRepository,
    contacts: ContactService,
    segments: super::segments::SegmentService,
    members: crate::repositories::segments::SegmentRepository,
    migrations: Migrations,
    stripes: Arc<Vec<tokio::sync::Mutex<()>>>,
    queues: Arc<Vec<std::sync::Mutex<Vec<Ask>>>>,
    rsvp_key: Arc<Vec<u8>>,
}

/// Answers to one event decided in one transaction, at most.
const RSVP_ROUND: usize = 100;

/// An answer waiting for its event's turn.
struct Ask {
    event_id: String,
    contact_id: String,
    response: Response,
    origin: Origin,
    answer: tokio::sync::oneshot::Sender<AppResult<(Invitation, Option<Invitation>)>>,
}

/// Why one attempt at a seat decision did not commit.
enum Attempt {
    /// The counts or a record changed meanwhile: decide again.
    Again,
    /// A final error.
    Failed(AppError),
}

impl From<AppError> for Attempt {
    fn from(e: AppError) -> Self {
        Attempt::Failed(e)
    }
}

fn contention() -> AppError {
    AppError::conflict("write_contention", "the event's guest list is being changed by many at once; try again")
}

impl EventService {
    /// A service over its stores.
    pub fn new(
        store: Store<Event>,
        scores: super::engagement::EngagementService,
        events: EventRepository,
        contacts: ContactService,
        segments: super::segments::SegmentService,
        migrations: Migrations,
        rsvp_key: Vec<u8>,
    ) -> Self {
        let stripes = Arc::new((0..STRIPES).map(|_| tokio::sync::Mutex::new(())).collect());
        let members = crate::repositories::segments::SegmentRepository::new(store.db().clone());
        let rsvp_key = Arc::new(rsvp_key);
        let queues = Arc::new((0..STRIPES).map(|_| std::sync::Mutex::new(Vec::new())).collect());
        Self { store, scores, events, contacts, segments, members, migrations, stripes, queues, rsvp_key }
    }

    fn stripe_of(&self, event_id: &str) -> usize {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        event_id.hash(&mut h);
        (h.finish() as usize) % STRIPES
    }

    fn stripe(&self, event_id: &str) -> &tokio::sync::Mutex<()> {
        &self.stripes[self.stripe_of(event_id)]
    }

    /// The invitation a personal RSVP link names, and its event (404 for a token not ours).
    pub async fn by_token(&self, token: &str) -> AppResult<(Invitation, Event)> {
        let missing = || AppError::NotFound("invitation".into());
        let id = crate::domain::events::verify_rsvp_token(&self.rsvp_key, token).ok_or_else(missing)?;
        let invitation = self.events.invitation(&id).await?.ok_or_else(missing)?;
        let event = self.store.get(&invitation.event_id).await?;
        Ok((invitation, event))
    }

    /// The token of an invitation's personal RSVP links.
    pub fn token(&self, invitation_id: &str) -> String {
        crate::domain::events::rsvp_token(&self.rsvp_key, invitation_id).unwrap_or_default()
    }

    /// Creates an event.
    #[instrument(skip_all)]
    pub async fn create(&self, patch: EventPatch, origin: &Origin) -> AppResult<Event> {
        self.store.create(origin, |id, ts| Ok(Event::create(id, patch, ts)?)).await
    }

    /// The event now.
    pub async fn get(&self, id: &str) -> AppResult<Event> {
        self.store.get(id).await
    }

    /// The event now with its seat counts.
    pub async fn get_with_counts(&self, id: &str) -> AppResult<(Event, Seats)> {
        let event = self.store.get(id).await?;
        let (seats, _) = self.events.seats(id).await?;
        Ok((event, seats))
    }

    /// The event as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Event> {
        self.store.get_as_of(id, at).await
    }

    /// The seat counts now.
    pub async fn counts(&self, id: &str) -> AppResult<Seats> {
        Ok(self.events.seats(id).await?.0)
    }

    /// Changes an event. A capacity below the confirmed guests is a 409; a larger one seats the
    /// waitlist in order.
    #[instrument(skip_all)]
    pub async fn update(&self, id: &str, patch: EventPatch, pre: Precondition, origin: &Origin) -> AppResult<Event> {
        let grows = patch.changes_capacity();
        let event = {
            let _order = self.stripe(id).lock().await;
            self.store.update(id, pre, origin, |e, ts| Ok((e.apply(patch.clone(), ts)?, None))).await?
        };
        if grows {
            self.promote_waiting(&event.id, origin).await?;
        }
        Ok(event)
    }

    /// Deletes an event without invitations (else 409 `event_has_invitations`).
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store.delete(id, pre, origin).await
    }

    /// One page of events, each with its seat counts.
    pub async fn list(&self, query: &EventQuery, page: &PageRequest) -> AppResult<Page<(Event, Seats)>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) =
            self.events.list(query, page.sort, page.after.clone(), page.limit, page.visible.as_ref()).await?;
        let total = if page.count { Some(self.events.count(query, page.visible.as_ref()).await?) } else { None };
        self.with_seats(page.page(rows, next, total)).await
    }

    /// A page of events with their seat counts (one query for the page).
    pub async fn with_seats(&self, page: Page<Event>) -> AppResult<Page<(Event, Seats)>> {
        let ids: Vec<String> = page.data.iter().map(|e| e.id.clone()).collect();
        let mut seats = self.events.seats_of(&ids).await?;
        let data = page
            .data
            .into_iter()
            .map(|e| {
                let s = seats.remove(&e.id).unwrap_or_default();
                (e, s)
            })
            .collect();
        Ok(Page { data, next_cursor: page.next_cursor, total: page.total })
    }

    /// One page of an event's invitations (the waitlist in its order), each with its guest.
    pub async fn invitations(
        &self,
        event_id: &str,
        status: Option<InvitationStatus>,
        page: &PageRequest,
    ) -> AppResult<Page<(Invitation, Option<Contact>)>> {
        self.store.get(event_id).await?;
        let (rows, next) = self.events.invitations(event_id, status, page.after.clone(), page.limit).await?;
        let rows = self.with_guests(rows).await?;
        Ok(page.page(rows, next, None))
    }

    /// Each invitation with its guest's contact (one query for all; a deleted contact is `None`).
    pub async fn with_guests(&self, invitations: Vec<Invitation>) -> AppResult<Vec<(Invitation, Option<Contact>)>> {
        let ids: Vec<String> = invitations.iter().map(|i| i.contact_id.clone()).collect();
        let mut contacts: std::collections::HashMap<String, Contact> =
            self.contacts.get_many(&ids).await?.into_iter().map(|c| (c.id.clone(), c)).collect();
        Ok(invitations
            .into_iter()
            .map(|i| {
                let c = contacts.remove(&i.contact_id);
                (i, c)
            })
            .collect())
    }

    /// Reads what a decision about `contact_id`'s seat at the event starts from.
    async fn turn(&self, event_id: &str, contact_id: &str) -> Result<Turn, Attempt> {
        let event = self.store.get(event_id).await?;
        let found = self.events.invitation_of(event_id, contact_id).await.map_err(AppError::from)?;
        let (seats, rev) = self.events.seats(event_id).await.map_err(AppError::from)?;
        let at = now();
        Ok(Turn { event, found, seats, rev, at, ts: format_ts(at) })
    }

    /// Commits the writes of one decision with the event's new counts, unless the counts
    /// changed since they were read at `rev`.
    async fn commit(
        &self,
        event_id: &str,
        rev: i64,
        seats: &Seats,
        mut writes: Vec<VersionedWrite>,
    ) -> Result<(), Attempt> {
        let Some(first) = writes.first_mut() else { return Ok(()) };
        first.statements.push(seats_statement(event_id, rev, seats));
        match record_store::commit_all(self.store.db(), writes).await {
            Ok(()) => Ok(()),
            Err(RepoError::TxConflict | RepoError::VersionMismatch | RepoError::Duplicate(_)) => Err(Attempt::Again),
            Err(RepoError::Rule(code)) if code == "seats_changed" => Err(Attempt::Again),
            Err(e) => Err(Attempt::Failed(write_error(e))),
        }
    }

    /// Runs `attempt` until it commits, in the event's turn.
    async fn decided<T, F, Fut>(&self, event_id: &str, attempt: F) -> AppResult<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, Attempt>>,
    {
        let _order = self.stripe(event_id).lock().await;
        self.retrying(attempt).await
    }

    /// Runs `attempt` until it commits (the caller holds the event's turn).
    async fn retrying<T, F, Fut>(&self, mut attempt: F) -> AppResult<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<T, Attempt>>,
    {
        for n in 0..SEAT_ATTEMPTS {
            match attempt().await {
                Ok(v) => return Ok(v),
                Err(Attempt::Failed(e)) => return Err(e),
                Err(Attempt::Again) => backoff(n.min(4)).await,
            }
        }
        Err(contention())
    }

    /// Invites these contacts (unknown ids are a 422 naming them; those already invited are
    /// counted, not invited twice).
    #[instrument(skip_all, fields(n = contact_ids.len()))]
    pub async fn invite(&self, event_id: &str, contact_ids: &[String], origin: &Origin) -> AppResult<Invited> {
        let mut ids: Vec<String> = Vec::with_capacity(contact_ids.len());
        for id in contact_ids {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        self.store.get(event_id).await?;
        let known = record_store::existing(self.store.db(), "contact", &ids).await?;
        let unknown: Vec<crate::error::FieldError> = contact_ids
            .iter()
            .enumerate()
            .filter(|(_, id)| !known.contains(id))
            .map(|(i, _)| crate::error::FieldError::new(format!("contact_ids[{i}]"), "no contact with this id exists"))
            .collect();
        if !unknown.is_empty() {
            return Err(AppError::validation(unknown));
        }
        let mut total = Invited::default();
        for batch in ids.chunks(INVITE_BATCH) {
            let done = self.invite_batch(event_id, batch, origin).await?;
            total.invited += done.invited;
            total.already_invited += done.already_invited;
        }
        Ok(total)
    }

    /// Starts inviting the members of a segment (in the background, a page at a time; those
    /// already invited are counted, not invited twice).
    #[instrument(skip_all)]
    pub async fn invite_segment(&self, event_id: &str, segment_id: &str, origin: &Origin) -> AppResult<InviteJob> {
        self.store.get(event_id).await?;
        match self.segments.get(segment_id).await {
            Err(AppError::NotFound(_)) => {
                return Err(AppError::invalid_field("segment_id", "no segment with this id exists"))
            }
            other => other?,
        };
        let ts = format_ts(now());
        let job = InviteJob {
            id: new_id(now()),
            event_id: event_id.to_string(),
            segment_id: segment_id.to_string(),
            status: InviteJobStatus::Queued,
            after: None,
            invited: 0,
            already_invited: 0,
            error: None,
            actor: origin.actor.clone(),
            created_at: ts.clone(),
            updated_at: ts,
        };
        self.events.save_job(&job).await?;
        Ok(job)
    }

    /// An invite job of the event.
    pub async fn job(&self, event_id: &str, job_id: &str) -> AppResult<InviteJob> {
        self.events
            .job(job_id)
            .await?
            .filter(|j| j.event_id == event_id)
            .ok_or_else(|| AppError::not_found("invite job", job_id))
    }

    /// One page of the oldest open invite job; false when there is none.
    pub async fn invite_step(&self) -> AppResult<bool> {
        let Some(mut job) = self.events.next_job().await? else { return Ok(false) };
        let origin = Origin {
            triggers: Vec::new(),
            actor: job.actor.clone(),
            source: "event_invite".into(),
            trace_id: job.id.clone(),
        };
        let step = async {
            let compiled = self.segments.compiled(&job.segment_id).await?;
            let (members, next) = self.members.members(&compiled, job.after.clone(), INVITE_BATCH).await?;
            let ids: Vec<String> = members.into_iter().map(|c| c.id).collect();
            let done = if ids.is_empty() {
                Invited::default()
            } else {
                self.invite_batch(&job.event_id, &ids, &origin).await?
            };
            AppResult::Ok((done, next))
        };
        match step.await {
            Ok((done, next)) => {
                job.invited += done.invited as u64;
                job.already_invited += done.already_invited as u64;
                job.status = if next.is_some() { InviteJobStatus::Running } else { InviteJobStatus::Completed };
                job.after = next;
            }
            Err(AppError::NotFound(what)) => {
                job.status = InviteJobStatus::Failed;
                job.error = Some(format!("{what} no longer exists"));
            }
            Err(e) => return Err(e),
        }
        job.updated_at = format_ts(now());
        self.events.save_job(&job).await?;
        Ok(true)
    }

    /// Works through invite jobs in whichever process holds their lease.
    pub fn spawn_invites(self) -> tokio::task::JoinHandle<()> {
        let db = self.store.db().clone();
        crate::repositories::leases::spawn_leased_worker(
            db,
            "event_invites",
            "event invites",
            std::time::Duration::from_millis(500),
            move || {
                let this = self.clone();
                async move { this.invite_step().await.map_err(|e| RepoError::Decode(e.to_string())) }
            },
        )
    }

    async fn invite_batch(&self, event_id: &str, batch: &[String], origin: &Origin) -> AppResult<Invited> {
        self.decided(event_id, || async {
            let event = self.store.get(event_id).await?;
            let existing = self.events.invitations_of(event_id, batch).await.map_err(AppError::from)?;
            let (mut seats, rev) = self.events.seats(event_id).await.map_err(AppError::from)?;
            let at = now();
            let ts = format_ts(at);
            let fresh: Vec<Invitation> = batch
                .iter()
                .filter(|c| !existing.iter().any(|i| &i.contact_id == *c))
                .map(|c| Invitation::new(new_id(at), &event, c, &ts))
                .collect();
            for _ in &fresh {
                seats = seats.moved(None, InvitationStatus::Invited);
            }
            let writes = fresh
                .iter()
                .map(|i| {
                    let mut w = versioned_write(None, Some(i), None, origin, at);
                    w.statements.push(mail_statement(&EventMail::queued(&i.id, MailKind::Invitation, None, &ts)));
                    w
                })
                .collect();
            self.commit(event_id, rev, &seats, writes).await?;
            Ok(Invited { invited: fresh.len(), already_invited: batch.len() - fresh.len() })
        })
        .await
    }

    /// Records a guest's answer (inviting them first when they were not): a yes takes a free
    /// seat or the next waitlist place; a confirmed guest who declines frees the seat for the
    /// first in the waitlist. Returns the invitation and whom that promoted.
    ///
    /// Answers wait in their event's queue; whoever holds the event's turn decides every answer
    /// waiting (each guest once per round) and writes them in one transaction, so a rush of
    /// answers costs a few commits, not one each.
    #[instrument(skip_all)]
    pub async fn rsvp(
        &self,
        event_id: &str,
        contact_id: &str,
        response: Response,
        origin: &Origin,
    ) -> AppResult<(Invitation, Option<Invitation>)> {
        let stripe = self.stripe_of(event_id);
        let ask = |answer| Ask {
            event_id: event_id.to_string(),
            contact_id: contact_id.to_string(),
            response,
            origin: origin.clone(),
            answer,
        };
        let (tx, mut rx) = tokio::sync::oneshot::channel();
        self.queues[stripe].lock().unwrap_or_else(|e| e.into_inner()).push(ask(tx));
        let answered = loop {
            let _turn = self.stripes[stripe].lock().await;
            // Answered by a previous holder of the turn, or still waiting: then this holder
            // decides everything waiting.
            match rx.try_recv() {
                Ok(answer) => break answer,
                Err(tokio::sync::oneshot::error::TryRecvError::Closed) => {
                    // Taken by a holder that went away unanswered: ask again.
                    let (tx, again) = tokio::sync::oneshot::channel();
                    rx = again;
                    self.queues[stripe].lock().unwrap_or_else(|e| e.into_inner()).push(ask(tx));
                }
                Err(tokio::sync::oneshot::error::TryRecvError::Empty) => {}
            }
            let waiting = std::mem::take(&mut *self.queues[stripe].lock().unwrap_or_else(|e| e.into_inner()));
            // Decided in a task of its own: a client that hangs up does not cancel the round
            // others wait on.
            let this = self.clone();
            if let Err(e) = tokio::spawn(async move { this.answer_all(waiting).await }).await {
                tracing::error!(error = %e, "deciding a round of RSVPs failed");
            }
        }?;
        let mut rescored = vec![answered.0.contact_id.clone()];
        if let Some(p) = &answered.1 {
            tracing::info!(event_id, invitation_id = %p.id, "a waitlisted guest took a freed seat");
            rescored.push(p.contact_id.clone());
        }
        self.scores.refresh_after_write(rescored).await;
        Ok(answered)
    }

    /// Decides waiting answers, a round per event (each guest once, at most [`RSVP_ROUND`]);
    /// a round refused as a whole (an unknown guest) is decided answer by answer.
    async fn answer_all(&self, waiting: Vec<Ask>) {
        let mut events: Vec<(String, Vec<Ask>)> = Vec::new();
        for ask in waiting {
            match events.iter_mut().find(|(e, _)| *e == ask.event_id) {
                Some((_, asks)) => asks.push(ask),
                None => events.push((ask.event_id.clone(), vec![ask])),
            }
        }
        for (event_id, mut asks) in events {
            while !asks.is_empty() {
                let mut round: Vec<Ask> = Vec::new();
                let mut rest = Vec::new();
                for ask in asks {
                    if round.len() < RSVP_ROUND && !round.iter().any(|r| r.contact_id == ask.contact_id) {
                        round.push(ask);
                    } else {
                        rest.push(ask);
                    }
                }
                asks = rest;
                let requests: Vec<(String, Response, Origin)> =
                    round.iter().map(|a| (a.contact_id.clone(), a.response, a.origin.clone())).collect();
                match self.retrying(|| self.decide_round(&event_id, &requests)).await {
                    Ok(results) => {
                        for (ask, result) in round.into_iter().zip(results) {
                            let _ = ask.answer.send(Ok(result));
                        }
                    }
                    Err(e) if round.len() == 1 => {
                        if let Some(ask) = round.pop() {
                            let _ = ask.answer.send(Err(e));
                        }
                    }
                    Err(_) => {
                        for (ask, request) in round.into_iter().zip(requests) {
                            let one = [request];
                            let result = self.retrying(|| self.decide_round(&event_id, &one)).await;
                            let _ = ask.answer.send(result.map(|mut r| r.remove(0)));
                        }
                    }
                }
            }
        }
    }

    /// Decides a round of answers to one event in order and writes them, the promotions they
    /// cause and the new counts in one transaction.
    async fn decide_round(
        &self,
        event_id: &str,
        requests: &[(String, Response, Origin)],
    ) -> Result<Vec<(Invitation, Option<Invitation>)>, Attempt> {
        let event = self.store.get(event_id).await?;
        let contacts: Vec<String> = requests.iter().map(|r| r.0.clone()).collect();
        let found = self.events.invitations_of(event_id, &contacts).await.map_err(AppError::from)?;
        let (mut seats, rev) = self.events.seats(event_id).await.map_err(AppError::from)?;
        let at = now();
        let ts = format_ts(at);
        let mut writes = Vec::new();
        // The latest state of every invitation this round changed, by id.
        let mut changed: HashMap<String, Invitation> = HashMap::new();
        let mut results = Vec::with_capacity(requests.len());
        for (contact_id, response, origin) in requests {
            let (current, new) = match found.iter().find(|i| &i.contact_id == contact_id) {
                Some(i) => (changed.get(&i.id).cloned().unwrap_or_else(|| i.clone()), false),
                None => (new_guest(&event, (contact_id, false), &mut seats, &mut writes, origin, at), true),
            };
            let (decision, mut after) = decide(event.capacity, seats, &current, *response);
            let next = current.decided(decision, &ts);
            if !new && next.status == current.status && next.wait_seq == current.wait_seq {
                results.push((current, None));
                continue;
            }
            writes.push(versioned_write(Some(&current), Some(&next), Some(next.status.as_str()), origin, at));
            changed.insert(next.id.clone(), next.clone());
            let mut promoted = None;
            if should_promote(event.capacity, &after) {
                if let Some(first) = self.first_in_line(event_id, &changed).await? {
                    let up = first.promoted(&ts);
                    writes.push(promotion(&first, &up, origin, at));
                    after = after.moved(Some(InvitationStatus::Waitlisted), InvitationStatus::Confirmed);
                    changed.insert(up.id.clone(), up.clone());
                    promoted = Some(up);
                }
            }
            seats = after;
            results.push((next, promoted));
        }
        self.commit(event_id, rev, &seats, writes).await?;
        Ok(results)
    }

    /// The first guest in the waitlist as this round left it: the stored waitlist's head past
    /// the invitations the round changed, or one the round waitlisted, whichever is first.
    async fn first_in_line(
        &self,
        event_id: &str,
        changed: &HashMap<String, Invitation>,
    ) -> Result<Option<Invitation>, Attempt> {
        let (stored, _) = self
            .events
            .invitations(event_id, Some(InvitationStatus::Waitlisted), None, changed.len() + 1)
            .await
            .map_err(AppError::from)?;
        let from_store = stored.into_iter().find(|i| !changed.contains_key(&i.id));
        let from_round =
            changed.values().filter(|i| i.status == InvitationStatus::Waitlisted).min_by_key(|i| i.wait_seq);
        Ok([from_store, from_round.cloned()].into_iter().flatten().min_by_key(|i| i.wait_seq))
    }

    /// Seats waitlisted guests in order while seats are free (after the capacity grew).
    async fn promote_waiting(&self, event_id: &str, origin: &Origin) -> AppResult<usize> {
        let mut promoted = 0;
        loop {
            let more = self
                .decided(event_id, || async {
                    let event = self.store.get(event_id).await?;
                    let (seats, rev) = self.events.seats(event_id).await.map_err(AppError::from)?;
                    if !should_promote(event.capacity, &seats) {
                        return Ok(false);
                    }
                    let Some(first) = self.events.first_waitlisted(event_id).await.map_err(AppError::from)? else {
                        return Ok(false);
                    };
                    let at = now();
                    let up = first.promoted(&format_ts(at));
                    let after = seats.moved(Some(InvitationStatus::Waitlisted), InvitationStatus::Confirmed);
                    let write = promotion(&first, &up, origin, at);
                    self.commit(event_id, rev, &after, vec![write]).await?;
                    Ok(true)
                })
                .await?;
            if !more {
                return Ok(promoted);
            }
            promoted += 1;
        }
    }

    /// Checks a guest in once (a second time is 409 `already_checked_in` with the first time).
    /// A guest without an invitation is a walk-in: invited, confirmed and checked in at once.
    #[instrument(skip_all)]
    pub async fn check_in(&self, event_id: &str, how: CheckIn, origin: &Origin) -> AppResult<Invitation> {
        let contact_id = match how {
            CheckIn::Code(raw) => {
                let missing = || AppError::NotFound(format!("invitation to this event with code {raw:?}"));
                let code = normalize_code(&raw).ok_or_else(missing)?;
                let found = self.events.by_code(&code).await?.filter(|i| i.event_id == event_id);
                found.ok_or_else(missing)?.contact_id
            }
            CheckIn::Contact(id) => id,
            CheckIn::WalkIn(input) => self.walk_in_contact(*input, origin).await?,
        };
        let checked = self
            .decided(event_id, || async {
                let Turn { event, found, mut seats, rev, at, ts } = self.turn(event_id, &contact_id).await?;
                let mut writes = Vec::new();
                let current = match found {
                    Some(i) => i,
                    None => {
                        let i = new_guest(&event, (&contact_id, true), &mut seats, &mut writes, origin, at);
                        // At the door a walk-in has a seat, whatever the capacity said.
                        let confirmed = i.decided(
                            crate::domain::events::Decision { status: InvitationStatus::Confirmed, wait_seq: None },
                            &ts,
                        );
                        writes.push(versioned_write(Some(&i), Some(&confirmed), Some("confirmed"), origin, at));
                        seats = seats.moved(Some(InvitationStatus::Invited), InvitationStatus::Confirmed);
                        confirmed
                    }
                };
                if let Some(first) = &current.checked_in_at {
                    return Err(Attempt::Failed(AppError::AlreadyCheckedIn { at: first.clone() }));
                }
                let next = current.checked_in(&ts);
                writes.push(versioned_write(Some(&current), Some(&next), Some("checked_in"), origin, at));
                seats.attended += 1;
                self.commit(event_id, rev, &seats, writes).await?;
                Ok(next)
            })
            .await?;
        self.scores.refresh_after_write([checked.contact_id.clone()]).await;
        Ok(checked)
    }

    /// The contact a walk-in is: the one with their email, or a new one.
    async fn walk_in_contact(&self, input: ContactInput, origin: &Origin) -> AppResult<String> {
        let new = NewContact::parse(input).map_err(|e| match e {
            crate::domain::fields::DomainError::Invalid(issues) => AppError::validation(
                issues
                    .into_iter()
                    .map(|i| crate::error::FieldError::new(format!("walk_in.{}", i.field), i.message))
                    .collect(),
            ),
            other => other.into(),
        })?;
        if let Some(c) = self.contacts.find_by_email(&new.email).await? {
            return Ok(c.id);
        }
        match self.contacts.create(new.clone(), origin).await {
            Ok(c) => Ok(c.id),
            // Created by someone else meanwhile: that is the one.
            Err(AppError::Conflict { .. }) => self
                .contacts
                .find_by_email(&new.email)
                .await?
                .map(|c| c.id)
                .ok_or_else(|| AppError::Internal("a walk-in's contact vanished".into())),
            Err(e) => Err(e),
        }
    }
}
