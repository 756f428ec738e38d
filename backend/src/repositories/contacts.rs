//! Contact storage: rows with derived index fields, lookups and keyset lists.

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, VersionedWrite};
use super::{decode_row, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::contacts::{Contact, ContactStatus};
use crate::domain::history::ChangeEvent;
use crate::domain::pagination::Sort;
use crate::domain::security::Visible;
use crate::domain::timeline::TimelineEntry;

/// Table name.
pub const TABLE: &str = "contact";

/// Filters and position of a contact list.
#[derive(Debug, Clone, Default)]
pub struct ContactQuery {
    /// Only this status.
    pub status: Option<ContactStatus>,
    /// Only contacts of this company.
    pub company_id: Option<String>,
    /// Only contacts with this tag.
    pub tag: Option<String>,
    /// Name/email search text.
    pub q: Option<String>,
    /// Created at or after.
    pub created_after: Option<DateTime<Utc>>,
    /// Created before.
    pub created_before: Option<DateTime<Utc>>,
}

/// Contact persistence over SurrealDB.
#[derive(Clone)]
pub struct ContactRepository {
    db: Db,
}

/// The sort column behind each public sort field.
fn sort_column(field: &str) -> &'static str {
    match field {
        "updated_at" => "ukey",
        "name" => "nkey",
        "email" => "email",
        "score" => "skey",
        _ => "key",
    }
}

/// The stored form of a contact, with derived fields for search and sorting.
pub fn row(contact: &Contact) -> Value {
    let mut row = encode_row(contact);
    if let Value::Object(map) = &mut row {
        map.insert("part".into(), json!(records::LIST_PART));
        map.insert("search".into(), json!(contact.search_text()));
        map.insert("words".into(), json!(contact.search_words()));
        map.insert("facets".into(), json!(facets(contact)));
        map.insert("nkey".into(), json!(contact.name_key()));
        map.insert("ukey".into(), json!(format!("{}|{}", contact.updated_at, contact.id)));
        map.insert("skey".into(), json!(score_key(contact.score.unwrap_or(0.0), &contact.id)));
    }
    records::add_descending_keys(&mut row, &["key", "ukey", "nkey", "skey"]);
    row
}

/// The versioned write of a contact change from `old` (see [`ContactRepository::write`]), for
/// transactions that write more (a merge).
pub fn versioned(
    id: &str,
    old: Option<&Contact>,
    contact: Option<&Contact>,
    expected: Option<i64>,
    event: &ChangeEvent,
    timeline: &TimelineEntry,
) -> VersionedWrite {
    let mut write = VersionedWrite::new(TABLE, id, contact.map(row), expected, event);
    let company = contact.and_then(|c| c.company_id.clone());
    // An owner is checked when it is set, so a contact of a removed user can still change.
    let owner = contact.and_then(|c| c.owner_id.clone()).filter(|o| old.and_then(|c| c.owner_id.as_ref()) != Some(o));
    write.guards = company
        .map(|id| Guard::Exists { table: "company", id, field: "company_id" })
        .into_iter()
        .chain(owner.map(|id| Guard::Exists { table: "user", id, field: "owner_id" }))
        .collect();
    write.timeline = vec![timeline.clone()];
    write.counts = crate::domain::analytics::contact_change(old, contact, &event.at);
    write
}

/// The score sort key: hundredths zero-padded, then the id (unique, ordered like the score).
pub fn score_key(score: f64, id: &str) -> String {
    let hundredths = (score * 100.0).round().clamp(0.0, 999_999_999_999.0) as i64;
    format!("{hundredths:012}|{id}")
}

/// The filter combinations a contact matches, one key each (`c=<company>`, `s=<status>`,
/// `t=<tag>`, joined by `&` in that order), indexed with the newest-first key: a list filtered
/// by any combination of tag, status and company scans `(facets, rkey)` from the one key and
/// stops after the page. A single status or company alone has its own index already. The
/// duplicate match keys (`d=...`, domain/duplicates.rs) find a contact's look-alikes the same way.
pub fn facets(contact: &Contact) -> Vec<String> {
    let status = format!("s={}", contact.status.as_str());
    let company = contact.company_id.as_ref().map(|c| format!("c={c}"));
    let mut out = Vec::with_capacity(2 + 4 * contact.tags.len());
    if let Some(c) = &company {
        out.push(format!("{c}&{status}"));
    }
    for tag in &contact.tags {
        let tag = format!("t={tag}");
        out.push(format!("{status}&{tag}"));
        if let Some(c) = &company {
            out.push(format!("{c}&{tag}"));
            out.push(format!("{c}&{status}&{tag}"));
        }
        out.push(tag);
    }
    out.extend(crate::domain::duplicates::keys(contact));
    out.sort();
    out.dedup();
    out
}

/// Whether a list with these filters scans the facets index (and so needs its migration).
pub fn uses_facets(query: &ContactQuery) -> bool {
    facet_of(query).is_some()
}

/// The facet key of a list's equality filters, when it has two or more of them or a tag.
fn facet_of(query: &ContactQuery) -> Option<String> {
    let parts: Vec<String> = [
        query.company_id.as_ref().map(|c| format!("c={c}")),
        query.status.map(|s| format!("s={}", s.as_str())),
        query.tag.as_ref().map(|t| format!("t={t}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (parts.len() >= 2 || query.tag.is_some()).then(|| parts.join("&"))
}

/// The condition of a list's status, company and tag filters that an index serves: one facet
/// key for a tag or two of them, else the status or company alone.
pub(crate) fn equality_conditions(
    query: &ContactQuery,
    conditions: &mut Vec<&'static str>,
    vars: &mut Map<String, Value>,
) {
    if let Some(facet) = facet_of(query) {
        conditions.push("facets CONTAINS $facet");
        vars.insert("facet".into(), json!(facet));
    } else if let Some(status) = query.status {
        conditions.push("status = $status");
        vars.insert("status".into(), json!(status.as_str()));
    } else if let Some(company) = &query.company_id {
        conditions.push("company_id = $company_id");
        vars.insert("company_id".into(), json!(company));
    }
}

impl ContactRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The contact with this id, if it exists.
    pub async fn get(&self, id: &str) -> RepoResult<Option<Contact>> {
        records::get_row(&self.db, TABLE, id).await?.map(decode_row).transpose()
    }

    /// The contacts with these ids that exist (one look-up per id, in one query).
    pub async fn get_many(&self, ids: &[String]) -> RepoResult<Vec<Contact>> {
        records::rows_by_id(&self.db, TABLE, ids).await
    }

    /// Writes a contact change from `old` (create when `expected` is `None`, delete when
    /// `contact` is `None`), with its analytics counts and `also` (the records a delete unlinks)
    /// in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn write(
        &self,
        id: &str,
        old: Option<&Contact>,
        contact: Option<&Contact>,
        expected: Option<i64>,
        event: &ChangeEvent,
        timeline: &TimelineEntry,
        also: Vec<VersionedWrite>,
        statements: Vec<records::Statement>,
    ) -> RepoResult<()> {
        let mut write = versioned(id, old, contact, expected, event, timeline);
        write.statements.extend(statements);
        let mut writes = vec![write];
        writes.extend(also);
        records::commit_all(&self.db, writes).await
    }

    /// The merge that retired contact `other_id` and has not been undone: its id and the
    /// surviving contact.
    pub async fn merged_into(&self, other_id: &str) -> RepoResult<Option<(String, String)>> {
        let mut response = self
            .db
            .query("SELECT key, survivor_id FROM contact_merge WHERE other_id = $o AND undone_at = NONE LIMIT 1")
            .bind(json!({ "o": other_id }))
            .await?
            .check()?;
        let rows: Vec<Value> = response.take(0)?;
        Ok(rows
            .first()
            .and_then(|r| Some((r.get("key")?.as_str()?.to_string(), r.get("survivor_id")?.as_str()?.to_string()))))
    }

    fn list_query(&self, query: &ContactQuery, sort: Sort, after: Option<String>, limit: usize) -> ListQuery {
        let mut conditions = Vec::new();
        let mut vars = Map::new();
        equality_conditions(query, &mut conditions, &mut vars);
        if let Some(q) = &query.q {
            let q = q.trim().to_lowercase();
            if q.contains('@') && !q.starts_with('@') {
                // An address (or the start of one): a range of the unique email index, a few
                // rows, where the full-text index would match every word of it.
                conditions.push("email >= $q_from");
                conditions.push("email < $q_to");
                vars.insert("q_to".into(), json!(format!("{q}\u{10FFFF}")));
                vars.insert("q_from".into(), json!(q));
            } else {
                records::word_search(&mut conditions, &mut vars, &q);
            }
        }
        let mut list = ListQuery {
            compiled: None,
            table: TABLE,
            filtered: !conditions.is_empty(),
            conditions,
            vars,
            sort_column: sort_column(sort.field),
            desc: sort.desc,
            after,
            limit,
        };
        list.time_range(query.created_after, query.created_before, ("created_at >= $after", "created_at < $before"));
        list
    }

    /// One page of contacts and the sort key to continue from.
    pub async fn list(
        &self,
        query: &ContactQuery,
        sort: Sort,
        after: Option<String>,
        limit: usize,
        visible: Option<&Visible>,
    ) -> RepoResult<(Vec<Contact>, Option<String>)> {
        self.list_query(query, sort, after, limit).page_seen(&self.db, visible).await
    }

    /// The query plan of a page of this list (tests assert it scans an index and stops).
    pub async fn explain_list(&self, query: &ContactQuery, sort: Sort, after: Option<String>) -> RepoResult<Value> {
        self.list_query(query, sort, after, 50).explain(&self.db).await
    }

    /// Stores a refreshed engagement score and its sort keys, leaving the version alone (the
    /// score is derived, not a change).
    pub async fn set_score(&self, id: &str, score: f64) -> RepoResult<()> {
        let skey = score_key(score, id);
        records::run_retried(
            &self.db,
            "UPDATE type::record('contact', $id) SET score = $score, skey = $skey, rskey = $rskey RETURN NONE",
            json!({"id": id, "score": score, "rskey": records::descending(&skey), "skey": skey}),
        )
        .await
    }

    /// Ids of contacts whose stored score is above zero, in score order after `after` (a score
    /// key), and the score key of the last.
    pub async fn scored(&self, after: Option<&str>, limit: usize) -> RepoResult<(Vec<String>, Option<String>)> {
        // Every score-0 key starts with twelve zeros and a `|`; `|~` is above all of them.
        let floor = "000000000000|~".to_string();
        let after = after.map(str::to_string).filter(|a| *a > floor).unwrap_or(floor);
        let mut res = self
            .db
            .query("SELECT key, skey FROM contact WHERE part = 0 AND skey > $after ORDER BY skey ASC LIMIT $limit")
            .bind(json!({"after": after, "limit": limit}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        let last = rows.last().and_then(|r| r["skey"].as_str()).map(str::to_string);
        Ok((rows.iter().filter_map(|r| r["key"].as_str().map(str::to_string)).collect(), last))
    }

    /// How many contacts match.
    pub async fn count(&self, query: &ContactQuery, visible: Option<&Visible>) -> RepoResult<u64> {
        self.list_query(query, Sort { field: "created_at", desc: false }, None, 1).count_seen(&self.db, visible).await
    }

    /// The contacts with these emails (one query over the unique email index).
    pub async fn by_emails(&self, emails: &[String]) -> RepoResult<Vec<Contact>> {
        if emails.is_empty() {
            return Ok(Vec::new());
        }
        let mut res = self
            .db
            .query("SELECT * FROM contact WHERE email IN $emails")
            .bind(json!({"emails": emails}))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        super::decode_rows(rows)
    }

    /// Which of these company ids exist.
    pub async fn existing_companies(&self, ids: &[String]) -> RepoResult<Vec<String>> {
        records::existing(&self.db, "company", ids).await
    }

    /// Which of these ids name a user (an import's owners).
    pub async fn existing_users(&self, ids: &[String]) -> RepoResult<Vec<String>> {
        records::existing(&self.db, "user", ids).await
    }

    /// Inserts already-built contacts with their events and timeline entries (seed, replay).
    pub async fn insert_bulk(
        &self,
        contacts: &[Contact],
        events: &[ChangeEvent],
        timeline: &[TimelineEntry],
        counting: records::Counting<'_>,
    ) -> RepoResult<()> {
        let batches = vec![
            (TABLE, contacts.iter().map(row).collect()),
            ("change_event", events.iter().map(encode_row).collect()),
            ("timeline_entry", timeline.iter().map(super::timeline::row).collect()),
        ];
        records::insert_rows(&self.db, batches, counting).await
    }
}

/// Everything an erasure writes, prepared by the service.
pub struct Erasure<'a> {
    /// The record with its personal fields removed.
    pub contact: &'a Contact,
    /// The version the record must have now.
    pub expected: i64,
    /// Past events with their personal values scrubbed: (event id, changes).
    pub scrubbed: Vec<(String, Value)>,
    /// The `erased` event itself.
    pub event: &'a ChangeEvent,
    /// Its timeline entry.
    pub timeline: &'a TimelineEntry,
    /// Texts that mark stored responses about this person (ids, old emails).
    pub needles: Vec<String>,
}

impl ContactRepository {
    /// Erases a contact's personal data everywhere it is stored, in one transaction: the record,
    /// every past change event, the bodies of its timeline entries, and stored idempotent
    /// responses that mention it. Records the erasure as an event.
    pub async fn erase(&self, erasure: Erasure<'_>) -> RepoResult<()> {
        let mut res = self.db.query("SELECT scope, body FROM idempotency WHERE body != NONE").await?.check()?;
        let stored: Vec<Value> = res.take(0)?;
        let scopes: Vec<String> = stored
            .iter()
            .filter(|r| {
                let body = r["body"].as_str().unwrap_or("");
                erasure.needles.iter().any(|n| !n.is_empty() && body.contains(n.as_str()))
            })
            .filter_map(|r| r["scope"].as_str().map(str::to_string))
            .collect();
        let scrubbed: Vec<Value> =
            erasure.scrubbed.into_iter().map(|(id, changes)| json!({"id": id, "changes": changes})).collect();
        let response = self
            .db
            .query(format!(
                "BEGIN;\n\
                 LET $cur = (SELECT version FROM ONLY type::record('contact', $id));\n\
                 IF $cur = NONE {{ THROW 'not_found' }};\n\
                 IF $cur.version != $expected {{ THROW 'version_mismatch' }};\n\
                 UPDATE type::record('contact', $id) CONTENT $rec;\n\
                 FOR $e IN $scrubbed {{ UPDATE type::record('change_event', $e.id) SET changes = $e.changes; }};\n\
                 UPDATE timeline_entry SET body = '[erased]' WHERE contact_id = $id AND kind != 'change';\n\
                 DELETE idempotency WHERE scope IN $scopes;\n\
                 DELETE type::record('briefing', $id);\n\
                 UPDATE outbox SET to = 'erased', fields = {{}}, error = IF error = NONE {{ NONE }} ELSE {{ '[erased]' }} WHERE contact_id = $id;\n\
                 UPDATE webhook_delivery SET body = '{{\"erased\":true}}' WHERE entity_id = $id;\n\
                 UPDATE trigger_run SET record = {{}}, old = NONE WHERE record_id = $id AND object = 'contact';\n\
                 LET $invitations = (SELECT VALUE key FROM event_invitation WHERE contact_id = $id);\n\
                 LET $submissions = (SELECT VALUE key FROM lp_submission WHERE contact_id = $id);\n\
                 UPDATE event_mail SET error = IF error = NONE {{ NONE }} ELSE {{ '[erased]' }} WHERE invitation_id IN $invitations;\n\
                 UPDATE event_mail SET error = IF error = NONE {{ NONE }} ELSE {{ '[erased]' }} WHERE submission_id IN $submissions;\n\
                 UPDATE lp_submission SET referrer = NONE, company = NONE WHERE contact_id = $id;\n\
                 LET $consents = (SELECT VALUE key FROM consent WHERE contact_id = $id);\n\
                 UPDATE consent SET ip = NONE WHERE contact_id = $id;\n\
                 FOR $c IN $consents {{ UPDATE change_event SET changes.ip = NONE WHERE entity = 'consent' AND entity_id = $c; }};\n\
                 CREATE type::record('change_event', $eid) CONTENT $ev;\n\
                 {queue}\
                 CREATE type::record('timeline_entry', $tid) CONTENT $tl;\n\
                 {apply}\n\
                 COMMIT;",
                apply = super::analytics::apply_counts_sql(),
                queue = super::changes::queue_one_sql("eid", "ev"),
            ))
            .bind(json!({
                "id": erasure.contact.id,
                "expected": erasure.expected,
                "rec": row(erasure.contact),
                "scrubbed": scrubbed,
                "scopes": scopes,
                "eid": erasure.event.id,
                "ev": encode_row(erasure.event),
                "tid": erasure.timeline.id,
                "tl": super::timeline::row(erasure.timeline),
                "counts": super::analytics::bound(&crate::domain::analytics::activity([erasure.timeline])),
            }))
            .await?;
        super::check_tx(response).map(|_| ())
    }
}
