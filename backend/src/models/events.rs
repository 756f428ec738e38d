//! Event DTOs: create and patch requests, the event with its counts, invitations, RSVPs,
//! check-in, list parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::deals::{bool_param, uuid_param};
use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::contacts::{Contact, ContactInput};
use crate::domain::events::{Event, EventInput, EventPatch, Invitation, InvitationStatus, Response, Seats};
use crate::domain::fields::DomainError;
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::repositories::events::EventQuery;
use crate::services::events::{CheckIn, Invited, MAX_INVITE_IDS};

/// A new event. `name`, `starts_at` and `ends_at` are required.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Cloud cost workshop", "starts_at": "2026-03-12T09:00:00+01:00",
    "ends_at": "2026-03-12T12:00:00+01:00", "timezone": "Europe/Paris", "location": "Paris office", "capacity": 40}))]
pub struct CreateEventRequest {
    /// Name.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<String>,
    /// What it is about.
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    /// Start (RFC 3339).
    #[schema(required = true, nullable = false, format = DateTime)]
    pub starts_at: Option<String>,
    /// End (RFC 3339), after the start.
    #[schema(required = true, nullable = false, format = DateTime)]
    pub ends_at: Option<String>,
    /// IANA time zone it is held in (default `UTC`).
    #[schema(nullable = false, example = "Europe/Paris")]
    pub timezone: Option<String>,
    /// Where it is held.
    #[schema(max_length = 500)]
    pub location: Option<String>,
    /// Where to join online (http or https).
    #[schema(max_length = 2048)]
    pub online_url: Option<String>,
    /// Seats; omitted or null for no limit.
    #[schema(minimum = 1, maximum = 1000000)]
    pub capacity: Option<i64>,
    /// Custom field values by name (`GET /api/schema/event/fields`), checked by type.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
    /// The owning user's id; default: the caller (none for an API key).
    #[schema(format = Uuid)]
    pub owner_id: Option<String>,
}

/// A partial update: omitted fields are unchanged, `null` clears (`capacity: null` lifts the
/// limit). A capacity below the confirmed guests is a 409; a larger one seats the waitlist.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"capacity": 60}))]
pub struct UpdateEventRequest {
    /// Name.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<Option<String>>,
    /// Description.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub description: Option<Option<String>>,
    /// Start.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, format = DateTime)]
    pub starts_at: Option<Option<String>>,
    /// End.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, format = DateTime)]
    pub ends_at: Option<Option<String>>,
    /// Time zone.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false)]
    pub timezone: Option<Option<String>>,
    /// Place.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 500)]
    pub location: Option<Option<String>>,
    /// Online link.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 2048)]
    pub online_url: Option<Option<String>>,
    /// Seats.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>, minimum = 1, maximum = 1000000)]
    pub capacity: Option<Option<i64>>,
    /// Custom values to set by name; `null` removes one, names left out are kept.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
    /// The owning user's id; `null`: no owner.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub owner_id: Option<Option<String>>,
}

impl TryFrom<CreateEventRequest> for EventPatch {
    type Error = DomainError;
    fn try_from(r: CreateEventRequest) -> Result<Self, Self::Error> {
        EventPatch::parse(EventInput {
            name: Some(r.name),
            description: Some(r.description),
            starts_at: r.starts_at.map(Some),
            ends_at: r.ends_at.map(Some),
            timezone: r.timezone.map(Some),
            location: Some(r.location),
            online_url: Some(r.online_url),
            capacity: Some(r.capacity),
            custom: r.custom,
            owner_id: Some(r.owner_id),
        })
    }
}

impl TryFrom<UpdateEventRequest> for EventPatch {
    type Error = DomainError;
    fn try_from(r: UpdateEventRequest) -> Result<Self, Self::Error> {
        EventPatch::parse(EventInput {
            name: r.name,
            description: r.description,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            timezone: r.timezone,
            location: r.location,
            online_url: r.online_url,
            capacity: r.capacity,
            custom: r.custom,
            owner_id: r.owner_id,
        })
    }
}

/// How many guests stand where.
#[derive(Debug, Clone, Copy, Default, Serialize, ToSchema)]
pub struct EventCounts {
    /// Invitations in all.
    pub invited: i64,
    /// With a seat.
    pub confirmed: i64,
    /// Waiting for a seat.
    pub waitlisted: i64,
    /// Said no.
    pub declined: i64,
    /// Said maybe.
    pub maybe: i64,
    /// Checked in.
    pub attended: i64,
}

impl From<Seats> for EventCounts {
    fn from(s: Seats) -> Self {
        Self {
            invited: s.invited,
            confirmed: s.confirmed,
            waitlisted: s.waitlisted,
            declined: s.declined,
            maybe: s.maybe,
            attended: s.attended,
        }
    }
}

/// An event with its guest counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventResponse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What it is about.
    pub description: Option<String>,
    /// Start (UTC).
    pub starts_at: String,
    /// End (UTC).
    pub ends_at: String,
    /// IANA time zone it is held in.
    pub timezone: String,
    /// Where it is held.
    pub location: Option<String>,
    /// Where to join online.
    pub online_url: Option<String>,
    /// Seats; null for no limit.
    pub capacity: Option<i64>,
    /// Guests by where they stand.
    pub counts: EventCounts,
    /// Custom field values by name.
    #[schema(value_type = std::collections::BTreeMap<String, serde_json::Value>)]
    pub custom: crate::domain::custom::CustomValues,
    /// The owning user's id (under a `private` sharing model members see the events they own).
    pub owner_id: Option<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl EventResponse {
    /// The event with these counts.
    pub fn new(e: Event, counts: Seats) -> Self {
        Self {
            id: e.id,
            name: e.name,
            description: e.description,
            starts_at: e.starts_at,
            ends_at: e.ends_at,
            timezone: e.timezone,
            location: e.location,
            online_url: e.online_url,
            capacity: e.capacity,
            counts: counts.into(),
            custom: e.custom,
            owner_id: e.owner_id,
            version: e.version,
            created_at: e.created_at,
            updated_at: e.updated_at,
        }
    }
}

impl From<(Event, Seats)> for EventResponse {
    fn from((e, s): (Event, Seats)) -> Self {
        Self::new(e, s)
    }
}

list_response!(EventList, EventResponse, "A page of events.");

/// Start order (default), or creation order.
pub const EVENT_SORTS: [&str; 2] = ["starts_at", "created_at"];
/// Soonest start first.
pub const DEFAULT_EVENT_SORT: Sort = Sort { field: "starts_at", desc: false };

/// Filters, order and position of an event list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListEventsParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `starts_at` (default) or `created_at`; prefix `-` for descending. Ignored with `upcoming`.
    #[param(nullable = false, pattern = "^(-?(starts_at|created_at))?$")]
    pub sort: Option<String>,
    /// `true` adds `total`.
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// `true`: only events not over yet, the soonest to end first (an event under way is listed).
    #[param(value_type = Option<bool>, nullable = false)]
    pub upcoming: Option<String>,
    /// Starting at or after this moment (RFC 3339).
    #[param(nullable = false, format = DateTime)]
    pub from: Option<String>,
    /// Starting before this moment (RFC 3339).
    #[param(nullable = false, format = DateTime)]
    pub to: Option<String>,
    /// Words of the name or place (prefixes match).
    #[param(nullable = false, max_length = 200)]
    pub q: Option<String>,
}

impl ListEventsParams {
    /// Parses every parameter.
    pub fn parse(self) -> Result<(EventQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            self.sort.as_deref(),
            self.cursor.as_deref(),
            self.count.as_deref(),
            &EVENT_SORTS,
            DEFAULT_EVENT_SORT,
        );
        let upcoming = bool_param(&mut errors, "upcoming", self.upcoming.as_deref()).unwrap_or(false);
        let from = errors.timestamp("from", self.from.as_deref()).map(crate::domain::ids::format_ts);
        let to = errors.timestamp("to", self.to.as_deref()).map(crate::domain::ids::format_ts);
        if let (Some(f), Some(t)) = (&from, &to) {
            if t <= f {
                errors.add("to", "must be after from");
            }
        }
        let q = super::contacts::parse_q(&mut errors, self.q.as_deref());
        let query = EventQuery {
            upcoming_at: upcoming.then(|| crate::domain::ids::format_ts(crate::domain::ids::now())),
            from,
            to,
            q,
        };
        errors.finish((query, page))
    }
}

/// Whom to invite: contacts by id (at most 1,000 per request, answered at once), or the members
/// of a segment (a background job, answered 202). Exactly one of the two.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"contact_ids": ["0194f1c2-7a4e-7b1a-9c3d-2f1e0a9b8c7d"]}))]
pub struct InviteRequest {
    /// Contact ids; those already invited are not invited twice.
    #[schema(nullable = false, max_items = 1000)]
    pub contact_ids: Option<Vec<String>>,
    /// A segment: its members as they are while the job runs.
    #[schema(nullable = false, format = Uuid)]
    pub segment_id: Option<String>,
}

/// Whom an invite names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invitees {
    /// These contacts.
    Contacts(Vec<String>),
    /// The members of this segment.
    Segment(String),
}

impl InviteRequest {
    /// Whom to invite, checked.
    pub fn parse(self) -> Result<Invitees, AppError> {
        let mut errors = ParamErrors::default();
        match (self.contact_ids, self.segment_id) {
            (None, Some(segment)) => {
                let id = uuid_param(&mut errors, "segment_id", Some(&segment));
                if segment.trim().is_empty() {
                    errors.add("segment_id", "is required");
                }
                errors.finish(Invitees::Segment(id.unwrap_or_default()))
            }
            (Some(_), Some(_)) => {
                errors.add("segment_id", "give contact_ids or segment_id, not both");
                errors.finish(Invitees::Contacts(Vec::new()))
            }
            (raw, None) => Self::contacts(errors, raw.unwrap_or_default()).map(Invitees::Contacts),
        }
    }

    fn contacts(mut errors: ParamErrors, raw: Vec<String>) -> Result<Vec<String>, AppError> {
        if raw.is_empty() {
            errors.add("contact_ids", "name at least one contact, or give segment_id");
        }
        if raw.len() > MAX_INVITE_IDS {
            errors.add("contact_ids", format!("at most {MAX_INVITE_IDS} per request"));
        }
        let ids: Vec<String> = raw
            .iter()
            .enumerate()
            .filter_map(|(i, id)| uuid_param(&mut errors, &format!("contact_ids[{i}]"), Some(id)))
            .collect();
        errors.finish(ids)
    }
}

/// What an invite did.
#[derive(Debug, Serialize, ToSchema)]
pub struct InviteResponse {
    /// New invitations.
    pub invited: usize,
    /// Named contacts who already had one.
    pub already_invited: usize,
}

impl From<Invited> for InviteResponse {
    fn from(i: Invited) -> Self {
        Self { invited: i.invited, already_invited: i.already_invited }
    }
}

/// Where an invite job stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InviteJobStatusDto {
    /// Not started.
    Queued,
    /// Some members invited.
    Running,
    /// Every member invited.
    Completed,
    /// Stopped: the segment or the event is gone.
    Failed,
}

/// A job inviting a segment's members.
#[derive(Debug, Serialize, ToSchema)]
pub struct InviteJobResponse {
    /// Id.
    pub id: String,
    /// The event.
    pub event_id: String,
    /// The segment.
    pub segment_id: String,
    /// Where it stands.
    #[schema(value_type = InviteJobStatusDto)]
    pub status: crate::domain::events::InviteJobStatus,
    /// New invitations so far.
    pub invited: u64,
    /// Members who already had one.
    pub already_invited: u64,
    /// Why it failed.
    pub error: Option<String>,
    /// Creation time.
    pub created_at: String,
    /// Last step.
    pub updated_at: String,
}

impl From<crate::domain::events::InviteJob> for InviteJobResponse {
    fn from(j: crate::domain::events::InviteJob) -> Self {
        Self {
            id: j.id,
            event_id: j.event_id,
            segment_id: j.segment_id,
            status: j.status,
            invited: j.invited,
            already_invited: j.already_invited,
            error: j.error,
            created_at: j.created_at,
            updated_at: j.updated_at,
        }
    }
}

/// Where a guest stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatusDto {
    /// No answer yet.
    Invited,
    /// Has a seat.
    Confirmed,
    /// Waiting for a seat.
    Waitlisted,
    /// Said no.
    Declined,
    /// Said maybe.
    Maybe,
}

/// One guest's invitation.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationResponse {
    /// Id.
    pub id: String,
    /// The event.
    pub event_id: String,
    /// The guest.
    pub contact_id: String,
    /// Where the guest stands.
    #[schema(value_type = InvitationStatusDto)]
    pub status: String,
    /// Waitlist order (lower goes first), while waitlisted.
    pub wait_seq: Option<i64>,
    /// When the guest last answered.
    pub responded_at: Option<String>,
    /// The code to show at the door.
    pub checkin_code: String,
    /// When the guest was checked in.
    pub checked_in_at: Option<String>,
    /// Added at the door without an invitation.
    pub walk_in: bool,
    /// The guest's personal RSVP page (`/rsvp/<token>`; `?response=yes|no|maybe` records an
    /// answer), the link their emails carry.
    pub rsvp_path: String,
    /// The guest's name and email (in guest lists and check-in answers; null when the contact
    /// is gone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guest: Option<Guest>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Who a guest is.
#[derive(Debug, Serialize, ToSchema)]
pub struct Guest {
    /// Given and family name, or the email when there is no name.
    pub name: String,
    /// Email.
    pub email: String,
}

impl From<(Invitation, Option<Contact>)> for InvitationResponse {
    fn from((i, c): (Invitation, Option<Contact>)) -> Self {
        let mut response = InvitationResponse::from(i);
        response.guest = c.map(|c| {
            let name =
                [c.first_name.as_deref(), c.last_name.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
            Guest { name: if name.is_empty() { c.email.clone() } else { name }, email: c.email }
        });
        response
    }
}

impl From<Invitation> for InvitationResponse {
    fn from(i: Invitation) -> Self {
        Self {
            guest: None,
            rsvp_path: String::new(),
            id: i.id,
            event_id: i.event_id,
            contact_id: i.contact_id,
            status: i.status.as_str().to_string(),
            wait_seq: i.wait_seq,
            responded_at: i.responded_at,
            checkin_code: i.checkin_code,
            checked_in_at: i.checked_in_at,
            walk_in: i.walk_in,
            version: i.version,
            created_at: i.created_at,
            updated_at: i.updated_at,
        }
    }
}

list_response!(InvitationList, InvitationResponse, "A page of invitations.");

/// Filters and position of a guest list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListInvitationsParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// Only guests with this status; `waitlisted` lists the waitlist in its order.
    #[param(value_type = Option<InvitationStatusDto>, nullable = false)]
    pub status: Option<String>,
}

impl ListInvitationsParams {
    /// Parses every parameter.
    pub fn parse(self) -> Result<(Option<InvitationStatus>, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let status = errors.choice(
            "status",
            self.status.as_deref(),
            InvitationStatus::parse,
            "must be invited, confirmed, waitlisted, declined or maybe",
        );
        let page = errors.page(
            self.limit.as_deref(),
            None,
            self.cursor.as_deref(),
            None,
            &["created_at"],
            Sort { field: "created_at", desc: false },
        );
        errors.finish((status, page))
    }
}

/// A guest's answer.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RsvpResponseDto {
    /// Coming.
    Yes,
    /// Not coming.
    No,
    /// Not sure.
    Maybe,
}

/// An RSVP on a guest's behalf.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"contact_id": "0194f1c2-7a4e-7b1a-9c3d-2f1e0a9b8c7d", "response": "yes"}))]
pub struct RsvpRequest {
    /// The guest (invited now if they were not).
    #[schema(required = true, nullable = false, format = Uuid)]
    pub contact_id: Option<String>,
    /// `yes`, `no` or `maybe`.
    #[schema(required = true, nullable = false, value_type = Option<RsvpResponseDto>)]
    pub response: Option<String>,
}

impl RsvpRequest {
    /// The guest and the answer, checked.
    pub fn parse(self) -> Result<(String, Response), AppError> {
        let mut errors = ParamErrors::default();
        let contact = uuid_param(&mut errors, "contact_id", self.contact_id.as_deref());
        if self.contact_id.as_deref().is_none_or(|c| c.trim().is_empty()) {
            errors.add("contact_id", "is required");
        }
        let response = errors.choice("response", self.response.as_deref(), Response::parse, "must be yes, no or maybe");
        if self.response.as_deref().is_none_or(|r| r.trim().is_empty()) {
            errors.add("response", "is required");
        }
        let parsed = contact.zip(response);
        errors.finish(())?;
        parsed.ok_or_else(|| AppError::Internal("an RSVP parsed without its fields".into()))
    }
}

/// A walk-in not yet in the CRM.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WalkInRequest {
    /// Email (finds the contact, or makes a new one).
    #[schema(required = true, nullable = false, format = Email)]
    pub email: Option<String>,
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
}

/// Whom to check in: exactly one of `code`, `contact_id` or `walk_in`.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"code": "K7QX-M2PA"}))]
pub struct CheckInRequest {
    /// The code of the guest's invitation (case, spaces and dashes do not matter).
    #[schema(nullable = false, max_length = 40)]
    pub code: Option<String>,
    /// The guest; without an invitation they are a walk-in.
    #[schema(nullable = false, format = Uuid)]
    pub contact_id: Option<String>,
    /// A walk-in not yet in the CRM.
    #[schema(nullable = false)]
    pub walk_in: Option<WalkInRequest>,
}

impl CheckInRequest {
    /// How the guest is found, checked.
    pub fn parse(self) -> Result<CheckIn, AppError> {
        let mut errors = ParamErrors::default();
        let given = [self.code.is_some(), self.contact_id.is_some(), self.walk_in.is_some()];
        if given.iter().filter(|g| **g).count() != 1 {
            errors.add("code", "give exactly one of code, contact_id or walk_in");
            return errors.finish(CheckIn::Code(String::new()));
        }
        let how = if let Some(code) = self.code {
            if code.trim().is_empty() || code.len() > 40 {
                errors.add("code", "must be the code of an invitation");
            }
            CheckIn::Code(code)
        } else if let Some(w) = self.walk_in {
            CheckIn::WalkIn(Box::new(ContactInput {
                first_name: w.first_name,
                last_name: w.last_name,
                email: w.email,
                phone: w.phone,
                source: Some("event".into()),
                ..Default::default()
            }))
        } else {
            let id = uuid_param(&mut errors, "contact_id", self.contact_id.as_deref());
            CheckIn::Contact(id.unwrap_or_default())
        };
        errors.finish(how)
    }
}
