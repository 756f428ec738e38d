//! `/api/changes`: every change event of every entity in commit order, as pages or a live
//! Server-Sent Events stream.

use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::{Extension, Json};
use futures::Stream;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::auth::Principal;
use crate::domain::pagination::MAX_LIMIT;
use crate::error::{AppResult, Problem};
use crate::extract::ApiQuery;
use crate::models::changes::{ChangeFeedEntry, ChangeFeedPage, ChangeFeedParams, ChangeStreamParams};
use crate::services::changes::ChangeService;
use crate::state::AppState;

/// How often an idle stream looks for events numbered by another replica.
const STREAM_POLL: Duration = Duration::from_secs(1);

/// The feed's pages.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_changes))
}

/// The stream, served outside the request timeout (it stays open).
pub fn stream_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stream_changes))
}

/// Every change event of every entity (or of one, with `entity`), in commit order: each event
/// carries a `cursor`; pass the last one you processed as `after` to continue. Events written
/// while you read get later cursors, so following the feed misses and repeats nothing, whichever
/// replica wrote them. Events appear once committed and numbered (within ~0.1 s). Users' events
/// are shown to admins only.
#[utoipa::path(get, path = "/api/changes", tag = "changes", params(ChangeFeedParams),
    responses(
        (status = 200, description = "Change events after `after`, oldest first", body = ChangeFeedPage),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_changes(
    State(changes): State<Arc<ChangeService>>,
    Extension(principal): Extension<Principal>,
    ApiQuery(params): ApiQuery<ChangeFeedParams>,
) -> AppResult<Json<ChangeFeedPage>> {
    let query = params.parse()?;
    let page = changes.page(query.after.unwrap_or(0), query.entity.as_deref(), principal.role, query.limit).await?;
    Ok(Json(ChangeFeedPage::new(page)))
}

/// The change feed live, as Server-Sent Events: one `change` event per change event (`id`: its
/// cursor, `data`: the event as in `GET /api/changes`), and a comment every 15 s to keep the
/// connection open. A client that reconnects with `Last-Event-ID` continues exactly after the
/// last event it received.
#[utoipa::path(get, path = "/api/changes/stream", tag = "changes", params(ChangeStreamParams,
        ("Last-Event-ID" = Option<String>, Header, description = "The `id` of the last event received (reconnecting)", pattern = "^[0-9]{1,18}$")),
    responses(
        (status = 200, description = "An endless stream of `change` events", content_type = "text/event-stream", body = String),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn stream_changes(
    State(changes): State<Arc<ChangeService>>,
    State(security): State<Arc<crate::services::security::SecurityService>>,
    Extension(principal): Extension<Principal>,
    ApiQuery(params): ApiQuery<ChangeStreamParams>,
    headers: HeaderMap,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let last_event_id = headers.get("last-event-id").map(|v| v.to_str().unwrap_or("-"));
    let query = params.parse(last_event_id)?;
    let after = match query.after {
        Some(after) => after,
        None => changes.last_number().await?,
    };
    let feed = Feed {
        numbered: changes.subscribe(),
        changes,
        entity: query.entity,
        role: principal.role,
        after,
        buffered: VecDeque::new(),
    };
    let shown = Shown { security, principal, audiences: HashMap::new(), since: Instant::now() };
    let stream = futures::stream::unfold((feed, shown), |(mut feed, mut shown)| async move {
        loop {
            let (seq, event) = feed.next().await?;
            let entry = ChangeFeedEntry::new(seq, event);
            let cursor = entry.cursor.clone();
            // Events of records the caller may not see are left out; hidden fields redacted.
            let Some(value) = shown.of(entry).await else { continue };
            let sse = Event::default().id(cursor).event("change").json_data(&value);
            let sse = sse.unwrap_or_else(|_| Event::default().comment("unencodable event skipped"));
            return Some((Ok(sse), (feed, shown)));
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// What of the stream a member or viewer sees (handlers/security.rs applies the same to pages).
struct Shown {
    security: Arc<crate::services::security::SecurityService>,
    principal: Principal,
    audiences: HashMap<crate::domain::custom::Object, crate::services::security::Audience>,
    since: Instant,
}

impl Shown {
    /// The entry as the caller may see it, `None` when it is about a record they may not see
    /// (or their settings could not be read: nothing is shown then).
    async fn of(&mut self, entry: ChangeFeedEntry) -> Option<serde_json::Value> {
        let mut value = serde_json::to_value(&entry).ok()?;
        if self.principal.role == crate::domain::auth::Role::Admin {
            return Some(value);
        }
        let entity = value["entity"].as_str().unwrap_or_default().to_string();
        let Some(object) = super::security::object_of_entity(&entity) else { return Some(value) };
        if self.since.elapsed() >= crate::services::schema::CACHE_FOR {
            (self.audiences, self.since) = (HashMap::new(), Instant::now());
        }
        if !self.audiences.contains_key(&object) {
            let audience = self.security.audience(object, &self.principal).await.ok()?;
            self.audiences.insert(object, audience);
        }
        let audience = self.audiences.get(&object)?;
        if audience.rows.is_some() {
            let id = value["entity_id"].as_str().unwrap_or_default().to_string();
            let visible = self.security.visible(object, std::slice::from_ref(&id), &self.principal).await.ok()?;
            if !visible.contains(&id) {
                return None;
            }
        }
        if let Some(changes) = value.get_mut("changes") {
            audience.mask.redact_changes(changes);
        }
        Some(value)
    }
}

/// A stream's position.
struct Feed {
    changes: Arc<ChangeService>,
    numbered: tokio::sync::watch::Receiver<i64>,
    entity: Option<String>,
    role: crate::domain::auth::Role,
    after: i64,
    buffered: VecDeque<(i64, crate::domain::history::ChangeEvent)>,
}

impl Feed {
    /// The next event, waiting for one; `None` ends the stream (the database failed: the
    /// client reconnects with `Last-Event-ID`).
    async fn next(&mut self) -> Option<(i64, crate::domain::history::ChangeEvent)> {
        loop {
            if let Some(next) = self.buffered.pop_front() {
                return Some(next);
            }
            self.numbered.mark_unchanged();
            match self.changes.page(self.after, self.entity.as_deref(), self.role, MAX_LIMIT).await {
                Ok(page) if !page.is_empty() => {
                    self.after = page.last().map(|(seq, _)| *seq).unwrap_or(self.after);
                    self.buffered.extend(page);
                }
                Ok(_) => {
                    let _ = tokio::time::timeout(STREAM_POLL, self.numbered.changed()).await;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "reading the change feed for a stream failed");
                    return None;
                }
            }
        }
    }
}
