//! Reading a record's history, and replaying the whole log into another database.

use crate::repositories::records::Counting;
use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::domain::cases::{Interaction, SupportCase};
use crate::domain::companies::Company;
use crate::domain::contacts::Contact;
use crate::domain::deals::Deal;
use crate::domain::history::{apply, ChangeEvent};
use crate::domain::log_scope::{LinkMap, LogScope};
use crate::domain::pagination::{Cursor, Page, Sort};
use crate::domain::tasks::Task;
use crate::domain::timeline::entry_for_change;
use crate::error::{AppError, AppResult};
use crate::repositories::companies::CompanyRepository;
use crate::repositories::contacts::ContactRepository;
use crate::repositories::history::HistoryRepository;
use crate::repositories::records::Stored;
use crate::services::records::timeline_for;

/// The sort a history cursor is bound to.
pub const HISTORY_SORT: Sort = Sort { field: "version", desc: false };

/// History use cases.
#[derive(Clone)]
pub struct HistoryService {
    history: HistoryRepository,
}

impl HistoryService {
    /// A service over the log.
    pub fn new(history: HistoryRepository) -> Self {
        Self { history }
    }

    /// Events of one record, oldest first; 404 when the record never existed.
    pub async fn list(
        &self,
        entity: &'static str,
        id: &str,
        after_version: i64,
        limit: usize,
    ) -> AppResult<Page<ChangeEvent>> {
        let mut events = self.history.events(entity, id, after_version, limit + 1).await?;
        if events.is_empty() && after_version == 0 {
            return Err(AppError::not_found(entity, id));
        }
        let more = events.len() > limit;
        events.truncate(limit);
        let next_cursor = if more {
            events.last().map(|e| Cursor { s: HISTORY_SORT.as_param(), k: e.version.to_string() }.encode())
        } else {
            None
        };
        Ok(Page { data: events, next_cursor, total: None })
    }

    /// Who the actors of these events are, by actor (`user:<id>` -> email, `api_key:<id>` ->
    /// key name); actors that no longer exist are left out.
    pub async fn actor_names(&self, events: &[ChangeEvent]) -> AppResult<HashMap<String, String>> {
        let mut users: Vec<&str> = Vec::new();
        let mut keys: Vec<&str> = Vec::new();
        for event in events {
            if let Some(id) = event.actor.strip_prefix("user:") {
                users.push(id);
            } else if let Some(id) = event.actor.strip_prefix("api_key:") {
                keys.push(id);
            }
        }
        users.sort_unstable();
        users.dedup();
        keys.sort_unstable();
        keys.dedup();
        if users.is_empty() && keys.is_empty() {
            return Ok(HashMap::new());
        }
        Ok(self.history.actor_names(&users, &keys).await?.into_iter().collect())
    }

    /// A page of events with their actors' names.
    pub async fn list_named(
        &self,
        entity: &'static str,
        id: &str,
        after_version: i64,
        limit: usize,
    ) -> AppResult<(Page<ChangeEvent>, HashMap<String, String>)> {
        let page = self.list(entity, id, after_version, limit).await?;
        let names = self.actor_names(&page.data).await?;
        Ok((page, names))
    }
}

/// Counts of what a replay rebuilt.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ReplayReport {
    /// Events read.
    pub events: usize,
    /// Contacts that exist after the replay.
    pub contacts: usize,
    /// Companies that exist after the replay.
    pub companies: usize,
}

/// Replays the whole change log of `source` into the (empty) database behind the target
/// repositories: current records, the log itself, the contact change timeline and the timeline
/// entries of deals, cases and tasks, and the pipeline's totals.
///
/// Reads the log page by page; memory grows with the number of records, not events.
pub async fn replay_log(
    source: &HistoryRepository,
    contacts: &ContactRepository,
    companies: &CompanyRepository,
) -> AppResult<ReplayReport> {
    replay_pages(LogPages { source, after: None }, contacts, companies).await
}

/// Events per page of a replay.
pub const REPLAY_PAGE: usize = 2_000;

/// Where a replay reads its events, a page at a time, in log order.
pub trait EventPages {
    /// The next page; empty at the end.
    fn next_page(&mut self) -> impl std::future::Future<Output = AppResult<Vec<ChangeEvent>>> + Send;
}

/// The change log of a database.
struct LogPages<'a> {
    source: &'a HistoryRepository,
    after: Option<String>,
}

impl EventPages for LogPages<'_> {
    async fn next_page(&mut self) -> AppResult<Vec<ChangeEvent>> {
        let events = self.source.log_page(self.after.as_deref(), REPLAY_PAGE).await?;
        if let Some(last) = events.last() {
            self.after = Some(last.id.clone());
        }
        Ok(events)
    }
}

/// Replays events read from `pages` (in log order) into the (empty) database behind the target
/// repositories, as [`replay_log`] does.
pub async fn replay_pages(
    mut pages: impl EventPages,
    contacts: &ContactRepository,
    companies: &CompanyRepository,
) -> AppResult<ReplayReport> {
    const PAGE: usize = REPLAY_PAGE;
    let mut report = ReplayReport::default();
    let mut states: HashMap<(String, String), Option<Map<String, Value>>> = HashMap::new();
    loop {
        let events = pages.next_page().await?;
        if events.is_empty() {
            break;
        }
        report.events += events.len();
        let mut timeline = Vec::new();
        for event in &events {
            let state = states.entry((event.entity.clone(), event.entity_id.clone())).or_default();
            let before = state.take();
            let next = apply(before.clone(), event);
            if event.entity == crate::repositories::contacts::TABLE {
                timeline.push(entry_for_change(event, event.id.clone()));
            } else {
                timeline.extend(record_timeline(event, before, next.clone())?);
            }
            *state = next;
        }
        let (contact_events, other_events): (Vec<_>, Vec<_>) =
            events.into_iter().partition(|e| e.entity == crate::repositories::contacts::TABLE);
        contacts.insert_bulk(&[], &contact_events, &timeline, Counting::Shard(0)).await?;
        companies.insert_bulk(&[], &other_events).await?;
    }
    let mut batch_contacts: Vec<Contact> = Vec::new();
    let mut batch_companies: Vec<Company> = Vec::new();
    let mut rows: HashMap<&'static str, Vec<Value>> = HashMap::new();
    for ((entity, _), state) in states {
        let Some(state) = state else { continue };
        match entity.as_str() {
            crate::repositories::contacts::TABLE => batch_contacts.push(decode(state)?),
            crate::repositories::companies::TABLE => batch_companies.push(decode(state)?),
            // Accounts are not replayed: their passwords are not in the history (their events
            // are, so the log is the same); the target instance has its own users.
            crate::repositories::users::TABLE => {}
            other => {
                let (table, row) = record_row(other, state)?;
                rows.entry(table).or_default().push(row);
            }
        }
    }
    report.contacts = batch_contacts.len();
    report.companies = batch_companies.len();
    for chunk in batch_companies.chunks(PAGE) {
        companies.insert_bulk(chunk, &[]).await?;
    }
    for chunk in batch_contacts.chunks(PAGE) {
        contacts.insert_bulk(chunk, &[], &[], Counting::Shard(0)).await?;
    }
    let db = contacts.db();
    for (table, rows) in rows {
        for chunk in rows.chunks(PAGE) {
            crate::repositories::records::insert_rows(db, vec![(table, chunk.to_vec())], Counting::Shard(0)).await?;
        }
    }
    crate::repositories::deals::DealRepository::new(db.clone()).rebuild_totals().await?;
    crate::repositories::analytics::fold(db, "9999-12-31", false).await?;
    Ok(report)
}

/// The timeline entries of one replayed event of a deal, case, interaction or task.
fn record_timeline(
    event: &ChangeEvent,
    before: Option<Map<String, Value>>,
    after: Option<Map<String, Value>>,
) -> AppResult<Vec<crate::domain::timeline::TimelineEntry>> {
    fn entries<T: Stored>(
        event: &ChangeEvent,
        before: Option<Map<String, Value>>,
        after: Option<Map<String, Value>>,
    ) -> AppResult<Vec<crate::domain::timeline::TimelineEntry>> {
        let old: Option<T> = before.map(decode).transpose()?;
        let new: Option<T> = after.map(decode).transpose()?;
        let at = crate::domain::ids::parse_ts(&event.at).unwrap_or_else(crate::domain::ids::now);
        Ok(timeline_for(old.as_ref(), new.as_ref(), event, at))
    }
    match event.entity.as_str() {
        "deal" => entries::<Deal>(event, before, after),
        "support_case" => entries::<SupportCase>(event, before, after),
        "case_interaction" => entries::<Interaction>(event, before, after),
        "task" => entries::<Task>(event, before, after),
        "consent" => entries::<crate::domain::consents::Consent>(event, before, after),
        _ => Ok(Vec::new()),
    }
}

/// The stored row of a replayed deal, case, interaction or task.
fn record_row(entity: &str, state: Map<String, Value>) -> AppResult<(&'static str, Value)> {
    fn row<T: Stored>(state: Map<String, Value>) -> AppResult<(&'static str, Value)> {
        let record: T = decode(state)?;
        Ok((T::TABLE, record.row()))
    }
    match entity {
        "deal" => row::<Deal>(state),
        "support_case" => row::<SupportCase>(state),
        "case_interaction" => row::<Interaction>(state),
        "task" => row::<Task>(state),
        "segment" => row::<crate::repositories::segments::Segment>(state),
        "campaign" => row::<crate::domain::campaigns::Campaign>(state),
        "campaign_asset" => row::<crate::domain::campaigns::Asset>(state),
        "consent" => row::<crate::domain::consents::Consent>(state),
        other => Err(AppError::Internal(format!("the log names an unknown entity {other}"))),
    }
}

fn decode<T: DeserializeOwned>(state: Map<String, Value>) -> AppResult<T> {
    serde_json::from_value(Value::Object(state))
        .map_err(|e| AppError::Internal(format!("replay produced a bad record: {e}")))
}

/// Writes the change log of `source` (all of it, or the records `scope` chooses) to `out` as
/// NDJSON (one event per line, in log order), a page at a time; the number of events written.
/// Choosing records reads the log twice: once to learn which records name which (kept in
/// memory: a few dozen bytes per link), once to write.
pub async fn export_log(source: &HistoryRepository, out: &std::path::Path, scope: &LogScope) -> AppResult<usize> {
    use tokio::io::AsyncWriteExt;
    let chosen = if scope.is_all() {
        None
    } else {
        let mut links = LinkMap::default();
        let mut pages = LogPages { source, after: None };
        loop {
            let events = pages.next_page().await?;
            if events.is_empty() {
                break;
            }
            events.iter().for_each(|e| links.add(e));
        }
        let chosen = links.select(scope);
        if let (Some((entity, id)), true) = (&scope.entity, chosen.is_empty()) {
            return Err(AppError::invalid_field("entity", format!("no change event names {entity}:{id}")));
        }
        Some(chosen)
    };
    let io = |e: std::io::Error| AppError::Internal(format!("writing {}: {e}", out.display()));
    let mut file = tokio::io::BufWriter::new(tokio::fs::File::create(out).await.map_err(io)?);
    let mut pages = LogPages { source, after: None };
    let mut written = 0;
    loop {
        let mut events = pages.next_page().await?;
        if events.is_empty() {
            break;
        }
        if let Some(chosen) = &chosen {
            events.retain(|e| chosen.contains(&(e.entity.clone(), e.entity_id.clone())));
        }
        let mut chunk = String::new();
        for event in &events {
            chunk.push_str(&serde_json::to_string(event).map_err(|e| AppError::Internal(e.to_string()))?);
            chunk.push('\n');
        }
        file.write_all(chunk.as_bytes()).await.map_err(io)?;
        written += events.len();
    }
    file.flush().await.map_err(io)?;
    Ok(written)
}

/// The events of an NDJSON change log file (as [`export_log`] writes it), checked to be in log
/// order.
struct FilePages {
    lines: tokio::io::Lines<tokio::io::BufReader<tokio::fs::File>>,
    line: usize,
    last: Option<String>,
}

impl EventPages for FilePages {
    async fn next_page(&mut self) -> AppResult<Vec<ChangeEvent>> {
        let mut events = Vec::with_capacity(REPLAY_PAGE);
        while events.len() < REPLAY_PAGE {
            let next = self.lines.next_line().await;
            let Some(text) = next.map_err(|e| AppError::Internal(format!("reading the log: {e}")))? else { break };
            self.line += 1;
            if text.trim().is_empty() {
                continue;
            }
            let line = self.line;
            let event: ChangeEvent = serde_json::from_str(&text)
                .map_err(|e| AppError::invalid_field("file", format!("line {line} is not a change event: {e}")))?;
            if self.last.as_ref().is_some_and(|last| *last >= event.id) {
                return Err(AppError::invalid_field("file", format!("line {line} is out of log order")));
            }
            self.last = Some(event.id.clone());
            events.push(event);
        }
        Ok(events)
    }
}

/// Replays an NDJSON change log file into the database behind the target repositories, which
/// must hold no history yet.
pub async fn import_log(
    path: &std::path::Path,
    contacts: &ContactRepository,
    companies: &CompanyRepository,
) -> AppResult<ReplayReport> {
    use tokio::io::AsyncBufReadExt;
    if !HistoryRepository::new(contacts.db().clone()).log_page(None, 1).await?.is_empty() {
        return Err(AppError::conflict(
            "not_empty",
            "the database already has a change history; import into an empty one",
        ));
    }
    let file = tokio::fs::File::open(path)
        .await
        .map_err(|e| AppError::invalid_field("file", format!("{}: {e}", path.display())))?;
    let lines = tokio::io::BufReader::new(file).lines();
    replay_pages(FilePages { lines, line: 0, last: None }, contacts, companies).await
}
