//! `/api/events`: events with their guest counts, invitations, RSVPs, check-in, history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, with_etag};
use crate::domain::events::EventPatch;
use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::events::{
    CheckInRequest, CreateEventRequest, EventList, EventResponse, InvitationList, InvitationResponse,
    InviteJobResponse, InviteRequest, InviteResponse, Invitees, ListEventsParams, ListInvitationsParams, RsvpRequest,
    UpdateEventRequest,
};
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::services::events::EventService;
use crate::services::history::HistoryService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_events, create_event))
        .routes(routes!(get_event, update_event, delete_event))
        .routes(routes!(invite_guests))
        .routes(routes!(get_invite_job))
        .routes(routes!(list_invitations))
        .routes(routes!(rsvp))
        .routes(routes!(check_in))
        .routes(routes!(list_event_history))
}

/// List events: by start (default), `upcoming=true` for those not over yet, a start range, a
/// name search, or any field (built-in or custom) through `filter`. Each comes with its guest
/// counts.
#[utoipa::path(get, path = "/api/events", tag = "events", params(ListEventsParams, crate::models::pagination::FieldFilterParams),
    responses(
        (status = 200, description = "A page of events", body = EventList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_events(
    State(events): State<Arc<EventService>>,
    State(fields): State<Arc<crate::services::query::QueryService>>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    ApiQuery(params): ApiQuery<ListEventsParams>,
) -> AppResult<Json<EventList>> {
    if let Some((filter, page)) = crate::models::pagination::field_filter(raw.as_deref())? {
        let object = crate::domain::custom::Object::Event;
        let found = fields.list::<crate::domain::events::Event>(object, Some(filter), &audience.page(page)).await?;
        return Ok(Json(events.with_seats(found).await?.into()));
    }
    let (query, page) = params.parse()?;
    Ok(Json(events.list(&query, &audience.page(page)).await?.into()))
}

/// Create an event.
#[utoipa::path(post, path = "/api/events", tag = "events", request_body = CreateEventRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = EventResponse,
            headers(("Location" = String, description = "URL of the event"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (an end before the start, an unknown time zone)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_event(
    State(events): State<Arc<EventService>>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateEventRequest>,
) -> AppResult<Response> {
    let mut patch = EventPatch::try_from(body)?;
    if patch.owner_id.as_ref().is_none_or(Option::is_none) {
        patch.owner_id = Some(caller);
    }
    let event = events.create(patch, &origin).await?;
    let id = event.id.clone();
    let version = event.version;
    Ok(created(format!("/api/events/{id}"), version, EventResponse::new(event, Default::default())))
}

/// Get an event with its guest counts, now (or as it was at `as_of`, with today's counts).
#[utoipa::path(get, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "Event id"), AsOfParams),
    responses(
        (status = 200, description = "The event", body = EventResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_event(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let (event, counts) = match as_of(params)? {
        Some(at) => (events.get_as_of(&id, at).await?, events.counts(&id).await?),
        None => events.get_with_counts(&id).await?,
    };
    Ok(with_etag(event.version, EventResponse::new(event, counts)))
}

/// Update an event. A capacity below the confirmed guests is 409 `capacity_below_confirmed`; a
/// larger one seats waitlisted guests in order.
#[utoipa::path(patch, path = "/api/events/{id}", tag = "events", request_body = UpdateEventRequest,
    params(("id" = String, Path, description = "Event id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the event changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = EventResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The capacity is below the confirmed guests", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_event(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateEventRequest>,
) -> AppResult<Response> {
    let patch = EventPatch::try_from(body)?;
    let event = events.update(&id, patch, pre, &origin).await?;
    let counts = events.counts(&id).await?;
    Ok(with_etag(event.version, EventResponse::new(event, counts)))
}

/// Delete an event that has no invitations.
#[utoipa::path(delete, path = "/api/events/{id}", tag = "events",
    params(("id" = String, Path, description = "Event id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the event changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The event has invitations (`event_has_invitations`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_event(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    events.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Invite contacts (answered at once) or a segment's members (a background job, 202): one
/// invitation each; inviting someone twice does not duplicate.
#[utoipa::path(post, path = "/api/events/{id}/invite", tag = "events", request_body = InviteRequest,
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The contacts are invited", body = InviteResponse),
        (status = 202, description = "The segment's members are being invited", body = InviteJobResponse,
            headers(("Location" = String, description = "URL of the job"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No contacts, too many, or unknown ids (`contact_ids[i]`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn invite_guests(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<InviteRequest>,
) -> AppResult<Response> {
    match body.parse()? {
        Invitees::Contacts(ids) => {
            Ok(Json(InviteResponse::from(events.invite(&id, &ids, &origin).await?)).into_response())
        }
        Invitees::Segment(segment) => {
            let job = events.invite_segment(&id, &segment, &origin).await?;
            let location = format!("/api/events/{id}/invite-jobs/{}", job.id);
            let headers = [(axum::http::header::LOCATION, location)];
            Ok((StatusCode::ACCEPTED, headers, Json(InviteJobResponse::from(job))).into_response())
        }
    }
}

/// An invite job: how far the invitations of a segment's members have come.
#[utoipa::path(get, path = "/api/events/{id}/invite-jobs/{job_id}", tag = "events",
    params(("id" = String, Path, description = "Event id"), ("job_id" = String, Path, description = "Job id")),
    responses(
        (status = 200, description = "The job", body = InviteJobResponse),
        (status = 404, description = "No such job for this event", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_invite_job(
    State(events): State<Arc<EventService>>,
    axum::extract::Path((id, job_id)): axum::extract::Path<(String, String)>,
) -> AppResult<Json<InviteJobResponse>> {
    Ok(Json(events.job(&id, &job_id).await?.into()))
}

/// The guest list, by status; `status=waitlisted` lists the waitlist in its order.
#[utoipa::path(get, path = "/api/events/{id}/invitations", tag = "events",
    params(("id" = String, Path, description = "Event id"), ListInvitationsParams),
    responses(
        (status = 200, description = "A page of invitations", body = InvitationList),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_invitations(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<ListInvitationsParams>,
) -> AppResult<Json<InvitationList>> {
    let (status, page) = params.parse()?;
    let mut list = InvitationList::from(events.invitations(&id, status, &page).await?);
    for i in &mut list.data {
        i.rsvp_path = rsvp_path(&events, &i.id);
    }
    Ok(Json(list))
}

/// Record a guest's answer. A yes takes a free seat (`confirmed`) or the next waitlist place
/// (`waitlisted`); a confirmed guest saying no or maybe frees the seat for the first in the
/// waitlist. Answers are decided one at a time: the event is never overbooked.
#[utoipa::path(post, path = "/api/events/{id}/rsvp", tag = "events", request_body = RsvpRequest,
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The guest's invitation after the answer", body = InvitationResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Too many answers at once; try again", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown contact", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn rsvp(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<RsvpRequest>,
) -> AppResult<Json<InvitationResponse>> {
    let (contact_id, response) = body.parse()?;
    let (invitation, _) = events.rsvp(&id, &contact_id, response, &origin).await?;
    let mut answer = InvitationResponse::from(invitation);
    answer.rsvp_path = rsvp_path(&events, &answer.id);
    Ok(Json(answer))
}

/// Check a guest in by code, by contact, or as a walk-in (a new invitation, confirmed and
/// checked in; a walk-in's contact is found by email or created). Once only: a second time is
/// 409 `already_checked_in` with `checked_in_at`.
#[utoipa::path(post, path = "/api/events/{id}/check-in", tag = "events", request_body = CheckInRequest,
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "Checked in", body = InvitationResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such event, or no invitation to it with this code", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already checked in (`already_checked_in`, `checked_in_at`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown contact", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn check_in(
    State(events): State<Arc<EventService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CheckInRequest>,
) -> AppResult<Json<InvitationResponse>> {
    let how = body.parse()?;
    let checked = events.check_in(&id, how, &origin).await?;
    let mut with_guest = events.with_guests(vec![checked]).await?;
    let mut answer = InvitationResponse::from(with_guest.remove(0));
    answer.rsvp_path = rsvp_path(&events, &answer.id);
    Ok(Json(answer))
}

/// The path of an invitation's personal RSVP page.
fn rsvp_path(events: &EventService, invitation_id: &str) -> String {
    format!("/rsvp/{}", events.token(invitation_id))
}

/// The change events of an event, oldest first.
#[utoipa::path(get, path = "/api/events/{id}/history", tag = "events",
    params(("id" = String, Path, description = "Event id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No event with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_event_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("event", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
