//! Event and invitation storage: events in start or end order with name search, invitations by
//! event and status (the waitlist in its order), one per guest and event, found by check-in
//! code; each event's seat counts in one row written with every invitation change.

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Statement, Stored};
use super::{decode_rows, encode_row, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::events::{Event, EventMail, Invitation, InvitationStatus, InviteJob, Seats};
use crate::domain::pagination::Sort;
use crate::domain::security::Visible;

/// Table of events.
pub const TABLE: &str = "event";
/// Table of invitations.
pub const INVITATION_TABLE: &str = "event_invitation";
/// Table of seat counts (`event_seats:<event id>`).
pub const SEATS_TABLE: &str = "event_seats";
/// Table of jobs inviting a segment.
pub const JOB_TABLE: &str = "event_invite_job";

/// Sort key of the start order (unique: the id breaks ties).
fn start_key(event: &Event) -> String {
    format!("{}|{}", event.starts_at, event.id)
}

/// Sort key of the end order.
fn end_key(event: &Event) -> String {
    format!("{}|{}", event.ends_at, event.id)
}

/// Checks, in an event's write, that a new capacity still holds the confirmed guests, and
/// writes the seat row so that an answer deciding on the old capacity cannot commit beside it.
const CAPACITY_SQL: &str = "LET $P_s = (SELECT * FROM ONLY type::record('event_seats', $P_event));
IF $P_cap != NONE AND ($P_s.confirmed ?? 0) > $P_cap { THROW 'capacity_below_confirmed' };
UPSERT type::record('event_seats', $P_event) SET event_id = $P_event, rev = ($P_s.rev ?? 0) + 1;";

impl Stored for Event {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "event";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            let texts = [self.name.as_str(), self.location.as_deref().unwrap_or("")];
            map.insert("part".into(), json!(records::LIST_PART));
            map.insert("words".into(), json!(crate::domain::search::keys(texts)));
            map.insert("search".into(), json!(crate::domain::search::word_text(texts)));
            map.insert("skey".into(), json!(start_key(self)));
            map.insert("ekey".into(), json!(end_key(self)));
        }
        records::add_descending_keys(&mut row, &["key", "skey"]);
        row
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    /// An owner must be a user.
    fn guards(&self) -> Vec<Guard> {
        self.owner_id.iter().map(|u| Guard::Exists { table: "user", id: u.clone(), field: "owner_id" }).collect()
    }

    fn delete_guards(id: &str) -> Vec<Guard> {
        vec![Guard::NoneWhere {
            table: INVITATION_TABLE,
            condition: "event_id = $g",
            id: id.to_string(),
            code: "event_has_invitations",
        }]
    }

    fn statements(old: Option<&Self>, new: Option<&Self>) -> Vec<Statement> {
        match (old, new) {
            (Some(o), Some(n)) if o.capacity != n.capacity => {
                vec![Statement::new(CAPACITY_SQL, json!({"event": n.id, "cap": n.capacity}))]
            }
            _ => Vec::new(),
        }
    }
}

/// The filter combinations an invitation matches: `e=` its event, alone and with `&st=` its
/// status; `p=` its guest.
fn invitation_facets(i: &Invitation) -> Vec<String> {
    vec![
        format!("e={}", i.event_id),
        format!("e={}&st={}", i.event_id, i.status.as_str()),
        format!("p={}", i.contact_id),
    ]
}

/// Sort key of the waitlist order, while waitlisted.
fn wait_key(i: &Invitation) -> Option<String> {
    i.wait_seq.map(|seq| format!("{seq:012}|{}", i.id))
}

impl Stored for Invitation {
    const TABLE: &'static str = INVITATION_TABLE;
    const NOUN: &'static str = "invitation";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("facets".into(), json!(invitation_facets(self)));
            if let Some(w) = wait_key(self) {
                map.insert("wkey".into(), json!(w));
            }
        }
        row
    }

    fn title(&self) -> String {
        self.event_name.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        vec![
            Guard::Exists { table: TABLE, id: self.event_id.clone(), field: "event_id" },
            Guard::Exists { table: "contact", id: self.contact_id.clone(), field: "contact_id" },
        ]
    }

    fn contacts(&self) -> Vec<String> {
        vec![self.contact_id.clone()]
    }

    fn timeline_entry(
        &self,
        event: &crate::domain::history::ChangeEvent,
        contact_id: &str,
        id: String,
    ) -> crate::domain::timeline::TimelineEntry {
        let mut entry = crate::domain::timeline::entry_for_record(event, contact_id, Self::NOUN, &self.title(), id);
        entry.kind = crate::domain::events::timeline_kind(&event.kind).to_string();
        entry
    }
}

/// The statement that writes an event's seat counts after a change, if nobody changed them
/// since they were read at revision `rev` (else `seats_changed`: read again and decide again).
pub fn seats_statement(event_id: &str, rev: i64, seats: &Seats) -> Statement {
    let mut row = serde_json::to_value(seats).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut row {
        map.insert("event_id".into(), json!(event_id));
        map.insert("rev".into(), json!(rev + 1));
    }
    Statement::new(
        "IF ((SELECT VALUE rev FROM ONLY type::record('event_seats', $P_event)) ?? 0) != $P_rev { THROW 'seats_changed' };
UPSERT type::record('event_seats', $P_event) CONTENT $P_row;",
        json!({"event": event_id, "rev": rev, "row": row}),
    )
}

/// The statement that queues a guest email in a write's transaction (a second one with the same
/// key is not queued).
pub fn mail_statement(mail: &EventMail) -> Statement {
    Statement::new("INSERT IGNORE INTO event_mail $P_row;", json!({"row": encode_mail(mail)}))
}

fn encode_mail(mail: &EventMail) -> Value {
    let mut row = encode_row(mail);
    if let Value::Object(map) = &mut row {
        if let Some(key) = map.get("key").cloned() {
            map.insert("id".into(), key);
        }
    }
    row
}

/// Filters of an event list.
#[derive(Debug, Clone, Default)]
pub struct EventQuery {
    /// Only events not over at this moment (RFC 3339), soonest ending first.
    pub upcoming_at: Option<String>,
    /// Starting at or after.
    pub from: Option<String>,
    /// Starting before.
    pub to: Option<String>,
    /// Name or place search.
    pub q: Option<String>,
}

/// The sort column behind each public sort field.
fn sort_column(field: &str) -> &'static str {
    match field {
        "created_at" => "key",
        _ => "skey",
    }
}

/// Event and invitation persistence.
#[derive(Clone)]
pub struct EventRepository {
    db: Db,
}

impl EventRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn list_query(&self, query: &EventQuery, sort: Sort, after: Option<String>, limit: usize) -> ListQuery {
        let mut conditions: Vec<&'static str> = Vec::new();
        let mut vars = Map::new();
        let mut sort_column = sort_column(sort.field);
        let mut desc = sort.desc;
        if let Some(q) = &query.q {
            records::word_search(&mut conditions, &mut vars, q);
        }
        if let Some(at) = &query.upcoming_at {
            conditions.push("ekey > $now");
            vars.insert("now".into(), json!(at));
            (sort_column, desc) = ("ekey", false);
        }
        if let Some(from) = &query.from {
            conditions.push("starts_at >= $from");
            vars.insert("from".into(), json!(from));
        }
        if let Some(to) = &query.to {
            conditions.push("starts_at < $to");
            vars.insert("to".into(), json!(to));
        }
        let filtered = query.q.is_some();
        if !filtered && sort_column == "skey" {
            // The range on the start order is the scan's own range.
            if query.from.is_some() {
                conditions.push("skey >= $from");
            }
            if query.to.is_some() {
                conditions.push("skey < $to");
            }
        }
        ListQuery { compiled: None, table: TABLE, filtered, conditions, vars, sort_column, desc, after, limit }
    }

    /// One page of events.
    pub async fn list(
        &self,
        query: &EventQuery,
        sort: Sort,
        after: Option<String>,
        limit: usize,
        visible: Option<&Visible>,
    ) -> RepoResult<(Vec<Event>, Option<String>)> {
        self.list_query(query, sort, after, limit).page_seen(&self.db, visible).await
    }

    /// How many events match.
    pub async fn count(&self, query: &EventQuery, visible: Option<&Visible>) -> RepoResult<u64> {
        self.list_query(query, Sort { field: "starts_at", desc: false }, None, 1).count_seen(&self.db, visible).await
    }

    /// The plan of a page (tests assert the index that drives it).
    pub async fn explain_list(&self, query: &EventQuery, sort: Sort) -> RepoResult<Value> {
        self.list_query(query, sort, None, 50).explain(&self.db).await
    }

    /// The event's seat counts and their revision (zeros before the first invitation).
    pub async fn seats(&self, event_id: &str) -> RepoResult<(Seats, i64)> {
        let mut res = self
            .db
            .query("SELECT * OMIT id FROM ONLY type::record('event_seats', $e)")
            .bind(json!({"e": event_id}))
            .await?
            .check()?;
        let row: Option<Value> = res.take(0)?;
        let Some(row) = row.filter(|r| r.is_object()) else { return Ok((Seats::default(), 0)) };
        let rev = row.get("rev").and_then(Value::as_i64).unwrap_or(0);
        let seats = serde_json::from_value(row).map_err(|e| RepoError::Decode(format!("event seats: {e}")))?;
        Ok((seats, rev))
    }

    /// The seat counts of several events, in one query (events without any are left out).
    pub async fn seats_of(&self, ids: &[String]) -> RepoResult<std::collections::HashMap<String, Seats>> {
        if ids.is_empty() {
            return Ok(Default::default());
        }
        let sql = "SELECT * OMIT id FROM array::map($ids, |$i| type::record('event_seats', $i)) WHERE event_id != NONE";
        let mut res = self.db.query(sql).bind(json!({"ids": ids})).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let Some(id) = row.get("event_id").and_then(Value::as_str).map(str::to_string) else { continue };
            let seats = serde_json::from_value(row).map_err(|e| RepoError::Decode(format!("event seats: {e}")))?;
            out.insert(id, seats);
        }
        Ok(out)
    }

    async fn invitations_where(&self, sql: &str, vars: Value) -> RepoResult<Vec<Invitation>> {
        let mut res = self.db.query(sql).bind(vars).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        decode_rows(rows)
    }

    /// The guest's invitation to the event, if any.
    pub async fn invitation_of(&self, event_id: &str, contact_id: &str) -> RepoResult<Option<Invitation>> {
        let sql = "SELECT * OMIT facets, wkey FROM event_invitation WHERE event_id = $e AND contact_id = $c LIMIT 1";
        Ok(self.invitations_where(sql, json!({"e": event_id, "c": contact_id})).await?.pop())
    }

    /// The invitations these guests already have to the event.
    pub async fn invitations_of(&self, event_id: &str, contact_ids: &[String]) -> RepoResult<Vec<Invitation>> {
        if contact_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = "SELECT * OMIT facets, wkey FROM event_invitation WHERE event_id = $e AND contact_id IN $c";
        self.invitations_where(sql, json!({"e": event_id, "c": contact_ids})).await
    }

    /// The guest first in the event's waitlist.
    pub async fn first_waitlisted(&self, event_id: &str) -> RepoResult<Option<Invitation>> {
        let sql = "SELECT * OMIT facets FROM event_invitation WHERE facets CONTAINS $f ORDER BY wkey ASC LIMIT 1";
        let facet = format!("e={event_id}&st={}", InvitationStatus::Waitlisted.as_str());
        Ok(self.invitations_where(sql, json!({"f": facet})).await?.pop())
    }

    /// The plan of the waitlist look-up (tests assert it reads one index entry).
    pub async fn explain_first_waitlisted(&self, event_id: &str) -> RepoResult<Value> {
        let sql = "EXPLAIN SELECT * FROM event_invitation WHERE facets CONTAINS $f ORDER BY wkey ASC LIMIT 1";
        let facet = format!("e={event_id}&st={}", InvitationStatus::Waitlisted.as_str());
        let mut res = self.db.query(sql).bind(json!({"f": facet})).await?.check()?;
        let plan: Vec<Value> = res.take(0)?;
        Ok(Value::Array(plan))
    }

    /// The invitation with this check-in code.
    pub async fn by_code(&self, code: &str) -> RepoResult<Option<Invitation>> {
        let sql = "SELECT * OMIT facets, wkey FROM event_invitation WHERE checkin_code = $code LIMIT 1";
        Ok(self.invitations_where(sql, json!({"code": code})).await?.pop())
    }

    /// The invitation with this id.
    pub async fn invitation(&self, id: &str) -> RepoResult<Option<Invitation>> {
        records::get_row(&self.db, INVITATION_TABLE, id).await?.map(super::decode_row).transpose()
    }

    /// Guest emails due at `now`, oldest due first.
    pub async fn due_mail(&self, now: &str, limit: usize) -> RepoResult<Vec<EventMail>> {
        let mut res = self
            .db
            .query("SELECT * FROM event_mail WHERE status = 'queued' AND due <= $now ORDER BY due ASC LIMIT $limit")
            .bind(json!({"now": now, "limit": limit}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        decode_rows(rows)
    }

    /// Stores a guest email's state after an attempt.
    pub async fn record_mail(&self, mail: &EventMail) -> RepoResult<()> {
        self.db
            .query("UPSERT type::record('event_mail', $id) CONTENT $row")
            .bind(json!({"id": mail.id, "row": encode_row(mail)}))
            .await?
            .check()?;
        Ok(())
    }

    /// The guest emails about an invitation, oldest first (tests and support).
    pub async fn mail_of(&self, invitation_id: &str) -> RepoResult<Vec<EventMail>> {
        let mut res = self
            .db
            .query("SELECT * FROM event_mail WHERE invitation_id = $i ORDER BY created_at ASC")
            .bind(json!({"i": invitation_id}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        decode_rows(rows)
    }

    /// Events starting in `[from, to)` whose reminders are not queued yet.
    pub async fn to_remind(&self, from: &str, to: &str) -> RepoResult<Vec<Event>> {
        let mut res = self
            .db
            .query(
                "SELECT * FROM event WHERE part = 0 AND skey >= $from AND skey < $to \
                 AND (SELECT VALUE key FROM ONLY type::record('event_reminded', key)) = NONE ORDER BY skey ASC LIMIT 50",
            )
            .bind(json!({"from": from, "to": to}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        decode_rows(rows)
    }

    /// Queues the reminders of these confirmed guests and, with the last page, marks the event
    /// reminded: one transaction.
    pub async fn queue_reminders(&self, event_id: &str, mails: &[EventMail], last: bool) -> RepoResult<()> {
        let rows: Vec<Value> = mails.iter().map(encode_mail).collect();
        let sql = if last {
            "BEGIN; INSERT IGNORE INTO event_mail $rows; UPSERT type::record('event_reminded', $e) SET key = $e, at = time::now(); COMMIT;"
        } else {
            "BEGIN; INSERT IGNORE INTO event_mail $rows; COMMIT;"
        };
        records::run_retried(&self.db, sql, json!({"rows": rows, "e": event_id})).await
    }

    /// Stores an invite job as it is now (created or after a step).
    pub async fn save_job(&self, job: &InviteJob) -> RepoResult<()> {
        self.db
            .query("UPSERT type::record('event_invite_job', $id) CONTENT $row")
            .bind(json!({"id": job.id, "row": encode_row(job)}))
            .await?
            .check()?;
        Ok(())
    }

    /// The invite job with this id.
    pub async fn job(&self, id: &str) -> RepoResult<Option<InviteJob>> {
        records::get_row(&self.db, JOB_TABLE, id).await?.map(super::decode_row).transpose()
    }

    /// The oldest job still to work on.
    pub async fn next_job(&self) -> RepoResult<Option<InviteJob>> {
        for status in ["running", "queued"] {
            let mut res = self
                .db
                .query("SELECT * FROM event_invite_job WHERE status = $s ORDER BY key ASC LIMIT 1")
                .bind(json!({"s": status}))
                .await?
                .check()?;
            let rows: Vec<Value> = res.take(0)?;
            if let Some(job) = decode_rows::<InviteJob>(rows)?.pop() {
                return Ok(Some(job));
            }
        }
        Ok(None)
    }

    fn invitation_query(
        &self,
        event_id: &str,
        status: Option<InvitationStatus>,
        after: Option<String>,
        limit: usize,
    ) -> ListQuery {
        let facet = match status {
            Some(s) => format!("e={event_id}&st={}", s.as_str()),
            None => format!("e={event_id}"),
        };
        let mut vars = Map::new();
        vars.insert("facet".into(), json!(facet));
        // The waitlist is listed in its order; every other list in invitation order.
        let sort_column = if status == Some(InvitationStatus::Waitlisted) { "wkey" } else { "key" };
        ListQuery {
            compiled: None,
            table: INVITATION_TABLE,
            conditions: vec!["facets CONTAINS $facet"],
            vars,
            sort_column,
            desc: false,
            after,
            limit,
            filtered: true,
        }
    }

    /// One page of an event's invitations, with one status or all.
    pub async fn invitations(
        &self,
        event_id: &str,
        status: Option<InvitationStatus>,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Invitation>, Option<String>)> {
        self.invitation_query(event_id, status, after, limit).page(&self.db).await
    }

    /// The plan of an invitation page.
    pub async fn explain_invitations(&self, event_id: &str, status: Option<InvitationStatus>) -> RepoResult<Value> {
        self.invitation_query(event_id, status, None, 50).explain(&self.db).await
    }
}
