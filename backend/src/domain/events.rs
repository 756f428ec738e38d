//! Events and their invitations: a workshop or webinar with a time, a place and maybe a
//! capacity; one invitation per guest whose RSVP decides a seat. The seat rules are pure
//! ([`decide`]): the service reads the event's seat counts and writes the decision with them in
//! one transaction, so the event is never overbooked.

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use serde_json::{Map, Value};

use super::custom::CustomValues;
use super::fields::{DomainError, Issues};
use super::ids::{format_ts, parse_ts};

/// Most seats an event may have.
pub const MAX_CAPACITY: i64 = 1_000_000;

/// An event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id (UUIDv7).
    pub id: String,
    /// Name.
    pub name: String,
    /// What it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Start (RFC 3339, UTC).
    pub starts_at: String,
    /// End (RFC 3339, UTC), after the start.
    pub ends_at: String,
    /// IANA time zone the event is held in (`Europe/Paris`).
    pub timezone: String,
    /// Where it is held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Where to join it online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_url: Option<String>,
    /// Seats; none means no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<i64>,
    /// Values of the custom fields (domain/custom.rs).
    #[serde(default, skip_serializing_if = "CustomValues::is_empty")]
    pub custom: CustomValues,
    /// The user who owns the event (under a `private` sharing model, members see their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Untrusted event fields (`Some(None)` = explicit null in a patch).
#[derive(Debug, Clone, Default)]
pub struct EventInput {
    /// Name.
    pub name: Option<Option<String>>,
    /// Description.
    pub description: Option<Option<String>>,
    /// Start.
    pub starts_at: Option<Option<String>>,
    /// End.
    pub ends_at: Option<Option<String>>,
    /// Time zone.
    pub timezone: Option<Option<String>>,
    /// Place.
    pub location: Option<Option<String>>,
    /// Online link.
    pub online_url: Option<Option<String>>,
    /// Seats.
    pub capacity: Option<Option<i64>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id (`null`: no owner).
    pub owner_id: Option<Option<String>>,
}

/// A validated change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventPatch {
    /// Name (cannot be cleared).
    pub name: Option<String>,
    /// Description.
    pub description: Option<Option<String>>,
    /// Start (cannot be cleared).
    pub starts_at: Option<String>,
    /// End (cannot be cleared).
    pub ends_at: Option<String>,
    /// Time zone (cannot be cleared).
    pub timezone: Option<String>,
    /// Place.
    pub location: Option<Option<String>>,
    /// Online link.
    pub online_url: Option<Option<String>>,
    /// Seats (`Some(None)` lifts the limit).
    pub capacity: Option<Option<i64>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id (`null`: no owner).
    pub owner_id: Option<Option<String>>,
}

fn time(issues: &mut Issues, field: &str, raw: Option<Option<String>>) -> Option<String> {
    match raw? {
        None => {
            issues.add(field, "cannot be null");
            None
        }
        Some(raw) => {
            let parsed = parse_ts(raw.trim()).map(format_ts);
            if parsed.is_none() {
                issues.add(field, "must be an RFC 3339 timestamp such as 2026-03-31T17:00:00Z");
            }
            parsed
        }
    }
}

/// Checks an IANA time zone name (`Europe/Paris`, `UTC`).
pub fn parse_timezone(raw: &str) -> Option<String> {
    chrono_tz::Tz::from_str(raw.trim()).ok().map(|tz| tz.name().to_string())
}

impl EventPatch {
    /// Validates untrusted fields.
    pub fn parse(input: EventInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let timezone = match input.timezone {
            None => None,
            Some(None) => {
                issues.add("timezone", "cannot be null");
                None
            }
            Some(Some(raw)) => {
                let tz = parse_timezone(&raw);
                if tz.is_none() {
                    issues.add("timezone", "must be an IANA time zone such as Europe/Paris or UTC");
                }
                tz
            }
        };
        let online_url = input.online_url.map(|u| {
            let u = issues.text("online_url", u, 2048)?;
            let lower = u.to_ascii_lowercase();
            let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
                && !u.chars().any(char::is_whitespace)
                && u.split("://").nth(1).is_some_and(|rest| !rest.is_empty());
            if !ok {
                issues.add("online_url", "must be an http(s) URL such as https://meet.example.com/workshop");
            }
            Some(u)
        });
        if let Some(Some(c)) = input.capacity {
            if !(1..=MAX_CAPACITY).contains(&c) {
                issues.add("capacity", format!("must be between 1 and {MAX_CAPACITY}, or null for no limit"));
            }
        }
        let capacity = input.capacity;
        let patch = EventPatch {
            name: input.name.map(|n| issues.required_text("name", n, 200)),
            description: input.description.map(|d| issues.text("description", d, 10_000)),
            starts_at: time(&mut issues, "starts_at", input.starts_at),
            ends_at: time(&mut issues, "ends_at", input.ends_at),
            timezone,
            location: input.location.map(|l| issues.text("location", l, 500)),
            online_url,
            capacity,
            custom: input.custom,
            owner_id: input.owner_id.map(|o| super::deals::parse_ref(&mut issues, "owner_id", o)),
        };
        issues.finish(patch)
    }

    /// Whether it changes the seats.
    pub fn changes_capacity(&self) -> bool {
        self.capacity.is_some()
    }
}

impl Event {
    /// A new event; `name`, `starts_at` and `ends_at` are required, `timezone` defaults to UTC.
    pub fn create(id: String, patch: EventPatch, now: &str) -> Result<Event, DomainError> {
        let mut issues = Issues::default();
        for (field, missing) in [
            ("name", patch.name.is_none()),
            ("starts_at", patch.starts_at.is_none()),
            ("ends_at", patch.ends_at.is_none()),
        ] {
            if missing {
                issues.add(field, "is required");
            }
        }
        issues.finish(())?;
        let blank = Event {
            id,
            name: String::new(),
            description: None,
            starts_at: String::new(),
            ends_at: String::new(),
            timezone: "UTC".into(),
            location: None,
            online_url: None,
            capacity: None,
            custom: Default::default(),
            owner_id: None,
            version: 0,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        blank.apply(patch, now)
    }

    /// The event after `patch`, one version later; the end must stay after the start.
    pub fn apply(&self, patch: EventPatch, now: &str) -> Result<Event, DomainError> {
        let mut next = self.clone();
        if let Some(custom) = &patch.custom {
            next.custom = super::custom::merge(&self.custom, custom);
        }
        if let Some(v) = patch.name {
            next.name = v;
        }
        if let Some(v) = patch.description {
            next.description = v;
        }
        if let Some(v) = patch.starts_at {
            next.starts_at = v;
        }
        if let Some(v) = patch.ends_at {
            next.ends_at = v;
        }
        if let Some(v) = patch.timezone {
            next.timezone = v;
        }
        if let Some(v) = patch.location {
            next.location = v;
        }
        if let Some(v) = patch.online_url {
            next.online_url = v;
        }
        if let Some(v) = patch.capacity {
            next.capacity = v;
        }
        if let Some(v) = patch.owner_id {
            next.owner_id = v;
        }
        let mut issues = Issues::default();
        if next.ends_at <= next.starts_at {
            issues.add("ends_at", format!("must be after starts_at ({})", next.starts_at));
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        issues.finish(next)
    }
}

/// Where a guest stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Invited, no answer yet.
    Invited,
    /// Said yes and has a seat.
    Confirmed,
    /// Said yes when every seat was taken; promoted in order when one frees.
    Waitlisted,
    /// Said no.
    Declined,
    /// Said maybe (holds no seat).
    Maybe,
}

impl InvitationStatus {
    /// Every status, in the order counts list them.
    pub const ALL: [InvitationStatus; 5] = [
        InvitationStatus::Invited,
        InvitationStatus::Confirmed,
        InvitationStatus::Waitlisted,
        InvitationStatus::Declined,
        InvitationStatus::Maybe,
    ];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Invited => "invited",
            InvitationStatus::Confirmed => "confirmed",
            InvitationStatus::Waitlisted => "waitlisted",
            InvitationStatus::Declined => "declined",
            InvitationStatus::Maybe => "maybe",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<InvitationStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim().to_ascii_lowercase())
    }
}

/// A guest's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// Coming.
    Yes,
    /// Not coming.
    No,
    /// Not sure.
    Maybe,
}

impl Response {
    /// Parses `yes`, `no` or `maybe`.
    pub fn parse(raw: &str) -> Option<Response> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "yes" => Some(Response::Yes),
            "no" => Some(Response::No),
            "maybe" => Some(Response::Maybe),
            _ => None,
        }
    }
}

/// One guest's invitation to one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    /// Id (UUIDv7).
    pub id: String,
    /// The event.
    pub event_id: String,
    /// The event's name when the guest was invited (for the guest's timeline).
    pub event_name: String,
    /// The guest.
    pub contact_id: String,
    /// Where the guest stands.
    pub status: InvitationStatus,
    /// Place in the waitlist (lower goes first), while waitlisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_seq: Option<i64>,
    /// When the guest last answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responded_at: Option<String>,
    /// The code shown at the door (a QR code in the email).
    pub checkin_code: String,
    /// When the guest was checked in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_in_at: Option<String>,
    /// Came without an invitation and was added at the door.
    #[serde(default)]
    pub walk_in: bool,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Letters of a check-in code: no 0/O, 1/I/L, so a code read aloud or typed is unambiguous.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Length of a check-in code (~40 bits).
pub const CODE_LEN: usize = 8;

/// A new random check-in code.
pub fn new_checkin_code() -> String {
    use rand::Rng;
    let mut rng = rand::rng();
    (0..CODE_LEN).map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char).collect()
}

/// A code as typed or scanned: trimmed, upper case, spaces and dashes dropped; `None` when it
/// cannot be a code.
pub fn normalize_code(raw: &str) -> Option<String> {
    let code: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>().to_ascii_uppercase();
    (code.len() == CODE_LEN && code.bytes().all(|b| CODE_ALPHABET.contains(&b))).then_some(code)
}

impl Invitation {
    /// A new invitation of `contact_id` to `event`, not yet answered.
    pub fn new(id: String, event: &Event, contact_id: &str, now: &str) -> Invitation {
        Invitation {
            id,
            event_id: event.id.clone(),
            event_name: event.name.clone(),
            contact_id: contact_id.to_string(),
            status: InvitationStatus::Invited,
            wait_seq: None,
            responded_at: None,
            checkin_code: new_checkin_code(),
            checked_in_at: None,
            walk_in: false,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        }
    }

    /// The invitation with `decision` applied, one version later.
    pub fn decided(&self, decision: Decision, now: &str) -> Invitation {
        let mut next = self.clone();
        next.status = decision.status;
        next.wait_seq = decision.wait_seq;
        next.responded_at = Some(now.to_string());
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The invitation promoted from the waitlist to a seat, one version later.
    pub fn promoted(&self, now: &str) -> Invitation {
        let mut next = self.clone();
        next.status = InvitationStatus::Confirmed;
        next.wait_seq = None;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The invitation checked in at `now`, one version later.
    pub fn checked_in(&self, now: &str) -> Invitation {
        let mut next = self.clone();
        next.checked_in_at = Some(now.to_string());
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }
}

/// How many guests stand where, and the next waitlist place: kept per event and written in the
/// same transaction as every invitation change (a count never written reads 0: a capacity change
/// may write the row before any guest).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Seats {
    /// Invitations in all (every status).
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
    /// The waitlist place the next waitlisted guest gets.
    pub next_wait: i64,
}

impl Seats {
    fn slot(&mut self, status: InvitationStatus) -> Option<&mut i64> {
        match status {
            InvitationStatus::Invited => None,
            InvitationStatus::Confirmed => Some(&mut self.confirmed),
            InvitationStatus::Waitlisted => Some(&mut self.waitlisted),
            InvitationStatus::Declined => Some(&mut self.declined),
            InvitationStatus::Maybe => Some(&mut self.maybe),
        }
    }

    /// The counts after one guest moved from `from` (`None`: a new invitation) to `to`.
    pub fn moved(mut self, from: Option<InvitationStatus>, to: InvitationStatus) -> Seats {
        match from {
            None => self.invited += 1,
            Some(from) => {
                if let Some(n) = self.slot(from) {
                    *n -= 1;
                }
            }
        }
        if let Some(n) = self.slot(to) {
            *n += 1;
        }
        self
    }

    /// Whether a seat is free under `capacity` (none: always).
    pub fn has_room(&self, capacity: Option<i64>) -> bool {
        capacity.is_none_or(|c| self.confirmed < c)
    }
}

/// What an answer does to an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// The new status.
    pub status: InvitationStatus,
    /// Its waitlist place, when waitlisted.
    pub wait_seq: Option<i64>,
}

/// Decides an answer: a yes takes a free seat, else the next waitlist place (first come, first
/// served); a confirmed or waitlisted guest saying yes again keeps their seat or place; no and
/// maybe hold no seat. Returns the decision and the counts after it.
pub fn decide(capacity: Option<i64>, seats: Seats, current: &Invitation, response: Response) -> (Decision, Seats) {
    let status = current.status;
    let decision = match response {
        Response::Yes => match status {
            InvitationStatus::Confirmed => Decision { status, wait_seq: None },
            InvitationStatus::Waitlisted => Decision { status, wait_seq: current.wait_seq },
            _ if seats.has_room(capacity) => Decision { status: InvitationStatus::Confirmed, wait_seq: None },
            _ => Decision { status: InvitationStatus::Waitlisted, wait_seq: Some(seats.next_wait) },
        },
        Response::No => Decision { status: InvitationStatus::Declined, wait_seq: None },
        Response::Maybe => Decision { status: InvitationStatus::Maybe, wait_seq: None },
    };
    let mut after = seats.moved(Some(status), decision.status);
    if decision.wait_seq == Some(seats.next_wait) && status != InvitationStatus::Waitlisted {
        after.next_wait += 1;
    }
    (decision, after)
}

/// Whether, after `seats`, the oldest waitlisted guest should take a seat.
pub fn should_promote(capacity: Option<i64>, seats: &Seats) -> bool {
    seats.waitlisted > 0 && seats.has_room(capacity)
}

/// The timeline kind of an invitation change: a yes (seat or waitlist) is `rsvp_yes`, another
/// answer `rsvp`, a check-in `attendance`, anything else `invitation`.
pub fn timeline_kind(change_kind: &str) -> &'static str {
    match change_kind {
        "confirmed" | "waitlisted" | "promoted" => "rsvp_yes",
        "declined" | "maybe" => "rsvp",
        "checked_in" => "attendance",
        _ => "invitation",
    }
}

/// The calendar entry of an event for one guest (RFC 5545, `METHOD:REQUEST`): times in the
/// event's time zone (`TZID`) with a `VTIMEZONE` giving its UTC offsets at the start and the end,
/// the place or link, the guest as attendee. `domain` makes the `UID` unique; `now` is `DTSTAMP`.
pub fn ics(event: &Event, invitation: &Invitation, organizer: &str, guest: &str, domain: &str, now: &str) -> String {
    use chrono::{Offset, TimeZone};
    let tz: chrono_tz::Tz = event.timezone.parse().unwrap_or(chrono_tz::UTC);
    let instant = |ts: &str| parse_ts(ts).unwrap_or_default();
    let local = |ts: &str| tz.from_utc_datetime(&instant(ts).naive_utc());
    let (start, end) = (local(&event.starts_at), local(&event.ends_at));
    let stamp = instant(now).format("%Y%m%dT%H%M%SZ").to_string();
    let offset = |secs: i32| {
        let sign = if secs < 0 { '-' } else { '+' };
        let secs = secs.abs();
        format!("{sign}{:02}{:02}", secs / 3600, (secs % 3600) / 60)
    };
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//CRM//Events//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:REQUEST".into(),
        "BEGIN:VTIMEZONE".into(),
        format!("TZID:{}", tz.name()),
    ];
    // One observance per distinct offset the event spans (two when it crosses a DST change).
    let mut offsets = vec![(start, start.offset().fix().local_minus_utc())];
    if end.offset().fix().local_minus_utc() != offsets[0].1 {
        offsets.push((end, end.offset().fix().local_minus_utc()));
    }
    for (i, (at, secs)) in offsets.iter().enumerate() {
        let from = if i == 0 { *secs } else { offsets[i - 1].1 };
        lines.push("BEGIN:STANDARD".into());
        let since = if i == 0 { "19700101T000000".to_string() } else { at.format("%Y%m%dT%H%M%S").to_string() };
        lines.push(format!("DTSTART:{since}"));
        lines.push(format!("TZOFFSETFROM:{}", offset(from)));
        lines.push(format!("TZOFFSETTO:{}", offset(*secs)));
        lines.push("END:STANDARD".into());
    }
    lines.push("END:VTIMEZONE".into());
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}@{}", invitation.id, domain));
    lines.push(format!("DTSTAMP:{stamp}"));
    lines.push(format!("DTSTART;TZID={}:{}", tz.name(), start.format("%Y%m%dT%H%M%S")));
    lines.push(format!("DTEND;TZID={}:{}", tz.name(), end.format("%Y%m%dT%H%M%S")));
    lines.push(format!("SUMMARY:{}", ics_text(&event.name)));
    if let Some(d) = &event.description {
        lines.push(format!("DESCRIPTION:{}", ics_text(d)));
    }
    match (&event.location, &event.online_url) {
        (Some(place), _) => lines.push(format!("LOCATION:{}", ics_text(place))),
        (None, Some(url)) => lines.push(format!("LOCATION:{}", ics_text(url))),
        (None, None) => {}
    }
    if let Some(url) = &event.online_url {
        lines.push(format!("URL:{}", ics_text(url)));
    }
    lines.push(format!("ORGANIZER:mailto:{}", ics_text(organizer)));
    lines.push(format!("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{}", ics_text(guest)));
    lines.push(format!("SEQUENCE:{}", event.version - 1));
    lines.push("STATUS:CONFIRMED".into());
    lines.push("END:VEVENT".into());
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

/// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, newlines; control
/// characters dropped.
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets (never inside a character), ending with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// What RSVP tokens sign (tokens made for another purpose do not verify as RSVP tokens).
const RSVP_LABEL: &[u8] = b"crm-rsvp-v1";

/// The token of a guest's personal RSVP links: the invitation id, signed (URL-safe).
pub fn rsvp_token(key: &[u8], invitation_id: &str) -> Option<String> {
    super::signature::id_token(key, RSVP_LABEL, invitation_id)
}

/// The invitation id an RSVP token names, when `key` signed it; anything altered is `None`.
pub fn verify_rsvp_token(key: &[u8], token: &str) -> Option<String> {
    super::signature::verify_id_token(key, RSVP_LABEL, token)
}

/// The check-in code as a QR code, an SVG image (dark modules on white).
pub fn qr_svg(code: &str) -> String {
    match qrcode::QrCode::new(code.as_bytes()) {
        Ok(qr) => qr
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(160, 160)
            .dark_color(qrcode::render::svg::Color("#000000"))
            .light_color(qrcode::render::svg::Color("#ffffff"))
            .build(),
        Err(_) => String::new(),
    }
}

/// What a guest's email is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailKind {
    /// You are invited (with the RSVP links and the calendar entry).
    Invitation,
    /// A seat freed up and is yours (with the check-in code).
    Promoted,
    /// The event is within a day (with the check-in code).
    Reminder,
    /// A landing page's double opt-in: the link that completes the visitor's consent. Not about
    /// an event: `submission_id` names the form submission, `invitation_id` is empty.
    ConfirmConsent,
}

/// One guest email in the outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMail {
    /// Key (`<invitation>_<kind>`, `_<version>` for a promotion).
    pub id: String,
    /// The invitation it is about (empty for a consent confirmation).
    #[serde(default)]
    pub invitation_id: String,
    /// The form submission a consent confirmation is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_id: Option<String>,
    /// What it says.
    pub kind: MailKind,
    /// `queued`, `sent`, `failed` (refused) or `dead` (out of attempts).
    pub status: String,
    /// Attempts made.
    pub attempts: u32,
    /// When the next attempt is due.
    pub due: String,
    /// The last failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When it was queued.
    pub created_at: String,
}

impl EventMail {
    /// A message about `invitation`, due now (`ts`); `n` tells repeated ones apart.
    pub fn queued(invitation_id: &str, kind: MailKind, n: Option<i64>, ts: &str) -> EventMail {
        let tag = match kind {
            MailKind::Invitation => "invitation",
            MailKind::Promoted => "promoted",
            MailKind::Reminder => "reminder",
            MailKind::ConfirmConsent => "confirm",
        };
        let id = match n {
            Some(n) => format!("{invitation_id}_{tag}_{n}"),
            None => format!("{invitation_id}_{tag}"),
        };
        EventMail {
            id,
            invitation_id: invitation_id.to_string(),
            submission_id: None,
            kind,
            status: "queued".into(),
            attempts: 0,
            due: ts.to_string(),
            error: None,
            created_at: ts.to_string(),
        }
    }
}

impl EventMail {
    /// The email asking the visitor of submission `submission_id` to confirm their consent.
    pub fn confirm_consent(submission_id: &str, ts: &str) -> EventMail {
        EventMail {
            invitation_id: String::new(),
            submission_id: Some(submission_id.to_string()),
            ..EventMail::queued(submission_id, MailKind::ConfirmConsent, None, ts)
        }
    }
}

/// Where a job inviting a segment's members stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InviteJobStatus {
    /// Not started.
    Queued,
    /// Some pages done.
    Running,
    /// Every member invited.
    Completed,
    /// Stopped (the segment or the event is gone); `error` says why.
    Failed,
}

/// A job inviting the members of a segment to an event, a page at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InviteJob {
    /// Id (UUIDv7).
    pub id: String,
    /// The event.
    pub event_id: String,
    /// The segment whose members are invited (as they are while the job runs).
    pub segment_id: String,
    /// Where it stands.
    pub status: InviteJobStatus,
    /// Cursor of the members already seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// New invitations so far.
    pub invited: u64,
    /// Members who already had one.
    pub already_invited: u64,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Who asked (the invitations' actor).
    pub actor: String,
    /// Creation time.
    pub created_at: String,
    /// Last step.
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(capacity: Option<i64>) -> Event {
        let patch = EventPatch::parse(EventInput {
            name: Some(Some("Workshop".into())),
            starts_at: Some(Some("2026-03-01T09:00:00+01:00".into())),
            ends_at: Some(Some("2026-03-01T12:00:00+01:00".into())),
            timezone: Some(Some("Europe/Paris".into())),
            capacity: Some(capacity),
            ..Default::default()
        })
        .unwrap();
        Event::create("e1".into(), patch, "2026-01-01T00:00:00.000000Z").unwrap()
    }

    fn guest(n: usize) -> Invitation {
        Invitation::new(format!("i{n}"), &event(None), &format!("c{n}"), "t0")
    }

    /// Answers every guest's response in turn, as the service does, promoting after each.
    fn run(capacity: Option<i64>, answers: &[(usize, Response)], guests: usize) -> (Vec<Invitation>, Seats) {
        let mut all: Vec<Invitation> = (0..guests).map(guest).collect();
        let mut seats = Seats::default();
        for _ in 0..guests {
            seats = seats.moved(None, InvitationStatus::Invited);
        }
        for (n, response) in answers {
            let (decision, after) = decide(capacity, seats, &all[*n], *response);
            all[*n] = all[*n].decided(decision, "t1");
            seats = after;
            if should_promote(capacity, &seats) {
                let oldest = all
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.status == InvitationStatus::Waitlisted)
                    .min_by_key(|(_, i)| i.wait_seq)
                    .map(|(k, _)| k)
                    .unwrap();
                let from = all[oldest].status;
                all[oldest] = all[oldest].promoted("t2");
                seats = seats.moved(Some(from), InvitationStatus::Confirmed);
            }
        }
        (all, seats)
    }

    #[test]
    fn times_are_utc_and_the_end_must_follow_the_start() {
        let e = event(Some(10));
        assert_eq!((e.starts_at.as_str(), e.timezone.as_str()), ("2026-03-01T08:00:00.000000Z", "Europe/Paris"));
        let backwards = EventPatch { ends_at: Some("2026-03-01T07:00:00.000000Z".into()), ..Default::default() };
        let DomainError::Invalid(issues) = e.apply(backwards, "t").unwrap_err() else { panic!() };
        assert_eq!(issues[0].field, "ends_at");
        let same = EventPatch { ends_at: Some(e.starts_at.clone()), ..Default::default() };
        assert!(e.apply(same, "t").is_err(), "an event must last");
    }

    #[test]
    fn bad_fields_are_reported() {
        let err = EventPatch::parse(EventInput {
            name: Some(Some("  ".into())),
            starts_at: Some(Some("tomorrow".into())),
            ends_at: Some(None),
            timezone: Some(Some("Mars/Olympus".into())),
            online_url: Some(Some("javascript:alert(1)".into())),
            capacity: Some(Some(0)),
            ..Default::default()
        })
        .unwrap_err();
        let DomainError::Invalid(issues) = err else { panic!() };
        let mut fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["capacity", "ends_at", "name", "online_url", "starts_at", "timezone"]);
        assert!(Event::create("x".into(), EventPatch::default(), "t").is_err());
    }

    #[test]
    fn yes_takes_a_seat_until_full_then_the_waitlist_in_order() {
        let answers: Vec<_> = (0..5).map(|n| (n, Response::Yes)).collect();
        let (all, seats) = run(Some(2), &answers, 5);
        let statuses: Vec<_> = all.iter().map(|i| (i.status, i.wait_seq)).collect();
        use InvitationStatus::*;
        assert_eq!(
            statuses,
            [(Confirmed, None), (Confirmed, None), (Waitlisted, Some(0)), (Waitlisted, Some(1)), (Waitlisted, Some(2))]
        );
        assert_eq!((seats.invited, seats.confirmed, seats.waitlisted, seats.next_wait), (5, 2, 3, 3));
    }

    #[test]
    fn a_decline_frees_the_seat_for_the_oldest_waitlisted() {
        use InvitationStatus::*;
        let mut answers: Vec<_> = (0..4).map(|n| (n, Response::Yes)).collect();
        answers.push((0, Response::No));
        let (all, seats) = run(Some(2), &answers, 4);
        let statuses: Vec<_> = all.iter().map(|i| i.status).collect();
        assert_eq!(statuses, [Declined, Confirmed, Confirmed, Waitlisted], "guest 2 was first in line");
        assert_eq!((seats.confirmed, seats.waitlisted, seats.declined), (2, 1, 1));
        // A maybe from a confirmed guest frees the seat too; the last in line moves up.
        answers.push((1, Response::Maybe));
        let (all, seats) = run(Some(2), &answers, 4);
        assert_eq!(all.iter().map(|i| i.status).collect::<Vec<_>>(), [Declined, Maybe, Confirmed, Confirmed]);
        assert_eq!((seats.confirmed, seats.waitlisted, seats.maybe), (2, 0, 1));
    }

    #[test]
    fn answering_yes_again_keeps_the_seat_or_place_and_no_limit_means_no_waitlist() {
        use InvitationStatus::*;
        let answers = [(0, Response::Yes), (1, Response::Yes), (1, Response::Yes), (0, Response::Yes)];
        let (all, seats) = run(Some(1), &answers, 2);
        assert_eq!((all[0].status, all[1].status, all[1].wait_seq), (Confirmed, Waitlisted, Some(0)));
        assert_eq!((seats.confirmed, seats.waitlisted, seats.next_wait), (1, 1, 1));
        let answers: Vec<_> = (0..50).map(|n| (n, Response::Yes)).collect();
        let (_, seats) = run(None, &answers, 50);
        assert_eq!((seats.confirmed, seats.waitlisted), (50, 0));
    }

    #[test]
    fn counts_always_add_up_and_never_exceed_the_capacity() {
        use rand::Rng;
        let mut rng = rand::rng();
        for _ in 0..200 {
            let guests = rng.random_range(1..30);
            let capacity = rng.random_range(1..10);
            let answers: Vec<_> = (0..rng.random_range(0..80))
                .map(|_| {
                    let r = [Response::Yes, Response::Yes, Response::No, Response::Maybe][rng.random_range(0..4)];
                    (rng.random_range(0..guests), r)
                })
                .collect();
            let (all, seats) = run(Some(capacity), &answers, guests);
            let count = |s: InvitationStatus| all.iter().filter(|i| i.status == s).count() as i64;
            assert!(seats.confirmed <= capacity);
            assert_eq!(
                (seats.confirmed, seats.waitlisted, seats.declined, seats.maybe),
                (
                    count(InvitationStatus::Confirmed),
                    count(InvitationStatus::Waitlisted),
                    count(InvitationStatus::Declined),
                    count(InvitationStatus::Maybe)
                )
            );
            assert!(seats.waitlisted == 0 || seats.confirmed == capacity, "nobody waits while a seat is free");
        }
    }

    /// A calendar's lines unfolded, as a reader sees them.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_string).collect()
    }

    #[test]
    fn the_calendar_entry_reads_back_to_the_same_instants_in_the_event_zone() {
        let mut e = event(Some(10));
        e.description = Some("Costs; savings, and more\nbring a laptop".into());
        let i = Invitation::new("01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c".into(), &e, "c1", "t0");
        let ics = ics(&e, &i, "events@crm.example", "ann@example.com", "crm.example", "2026-01-01T10:00:00.000000Z");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.split("\r\n").all(|l| l.len() <= 75), "folded");
        let lines = unfold(&ics);
        let get = |prefix: &str| lines.iter().find(|l| l.starts_with(prefix)).cloned().unwrap_or_default();
        assert_eq!(get("DTSTART;"), "DTSTART;TZID=Europe/Paris:20260301T090000");
        assert_eq!(get("DTEND;"), "DTEND;TZID=Europe/Paris:20260301T120000");
        assert_eq!(get("TZOFFSETTO"), "TZOFFSETTO:+0100");
        assert_eq!(get("DESCRIPTION"), "DESCRIPTION:Costs\\; savings\\, and more\\nbring a laptop");
        assert_eq!(get("UID"), "UID:01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c@crm.example");
        assert_eq!(get("DTSTAMP"), "DTSTAMP:20260101T100000Z");
        // Back to an instant: local time minus the zone's offset is the stored start.
        let local = chrono::NaiveDateTime::parse_from_str("20260301T090000", "%Y%m%dT%H%M%S").unwrap();
        let utc = local - chrono::Duration::hours(1);
        assert_eq!(format_ts(utc.and_utc()), e.starts_at);
        assert_eq!(lines.iter().filter(|l| l.starts_with("BEGIN:")).count(), 4);
    }

    #[test]
    fn an_event_across_a_clock_change_has_both_offsets() {
        let mut e = event(None);
        e.starts_at = "2026-03-28T20:00:00.000000Z".into(); // 21:00 CET
        e.ends_at = "2026-03-29T10:00:00.000000Z".into(); // 12:00 CEST
        let i = Invitation::new("01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c".into(), &e, "c1", "t0");
        let lines = unfold(&ics(&e, &i, "o@x.example", "g@x.example", "x.example", "2026-01-01T00:00:00Z"));
        let offsets: Vec<_> = lines.iter().filter(|l| l.starts_with("TZOFFSETTO")).collect();
        assert_eq!(offsets, ["TZOFFSETTO:+0100", "TZOFFSETTO:+0200"]);
        assert!(lines.contains(&"DTEND;TZID=Europe/Paris:20260329T120000".to_string()));
    }

    #[test]
    fn rsvp_tokens_name_their_invitation_and_resist_tampering() {
        let id = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
        let token = rsvp_token(b"key", id).unwrap();
        assert_eq!(verify_rsvp_token(b"key", &token).as_deref(), Some(id));
        assert_eq!(verify_rsvp_token(b"other key", &token), None);
        let mut bytes = token.into_bytes();
        bytes[3] = if bytes[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(verify_rsvp_token(b"key", &String::from_utf8(bytes).unwrap()), None);
        assert_eq!(verify_rsvp_token(b"key", "not a token"), None);
        assert!(qr_svg("K7QXM2PA").starts_with("<?xml"));
    }

    #[test]
    fn codes_are_normalised_and_checked() {
        let code = new_checkin_code();
        assert_eq!(normalize_code(&code.to_ascii_lowercase()), Some(code.clone()));
        assert_eq!(normalize_code(&format!(" {}-{} ", &code[..4], &code[4..])), Some(code));
        assert_eq!(normalize_code("O0I1L000"), None);
        assert_eq!(normalize_code("ABC"), None);
    }
}
