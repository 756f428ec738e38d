//! Guests' emails: the invitation (RSVP links and the calendar entry), a freed seat, the
//! reminder a day before (with the check-in code); and a landing page visitor's double opt-in
//! link. They are queued in the transaction of the change that calls for them
//! (services/events.rs, services/landing_pages.rs) and sent here by a leased worker, with the
//! retries and backoff of campaign mail; reminders are queued by the same worker, once per event.

use std::collections::HashMap;
use std::time::Duration;

use crate::domain::deliveries::Suppressed;
use crate::domain::deliveries::{settle_attempt, Outcome};
use crate::domain::events::{ics, rsvp_token, Event, EventMail, Invitation, InvitationStatus, MailKind};
use crate::domain::ids::{format_ts, now};
use crate::domain::landing_pages::{confirm_token, Page, Submission};
use crate::error::{AppError, AppResult};
use crate::llm_tools::html::escape;
use crate::repositories::contacts::ContactRepository;
use crate::repositories::events::EventRepository;
use crate::services::mail::{Attachment, Mailer, Outgoing};

/// Emails sent per step.
const SEND_BATCH: usize = 50;
/// Attempts before a message is dead.
const MAX_ATTEMPTS: u32 = 6;
/// First retry wait (doubling after).
const RETRY_BASE: Duration = Duration::from_secs(60);
/// Reminders go out this long before the start.
const REMIND_BEFORE: chrono::Duration = chrono::Duration::hours(24);

/// What a batch of emails is about, by id, and the addresses suppressed.
struct Batch {
    invitations: HashMap<String, Invitation>,
    events: HashMap<String, Event>,
    submissions: HashMap<String, Submission>,
    pages: HashMap<String, Page>,
    contacts: HashMap<String, crate::domain::contacts::Contact>,
    suppressed: HashMap<String, Suppressed>,
}

impl Batch {
    /// The person a message of `kind` may go to: not `do_not_contact`; for event mail not
    /// suppressed at all; a consent confirmation (which the person just asked for) goes to an
    /// address that unsubscribed before, not to one that bounced.
    fn recipient(&self, contact_id: &str, kind: MailKind) -> Option<&crate::domain::contacts::Contact> {
        let contact = self.contacts.get(contact_id).filter(|c| !c.do_not_contact)?;
        match (self.suppressed.get(&contact.email), kind) {
            (None, _) | (Some(Suppressed::Unsubscribed), MailKind::ConfirmConsent) => Some(contact),
            _ => None,
        }
    }
}

/// Sends guests' emails.
#[derive(Clone)]
pub struct EventMailer {
    events: EventRepository,
    contacts: ContactRepository,
    suppressions: crate::repositories::deliveries::DeliveryRepository,
    mailer: Mailer,
    public_url: String,
    rsvp_key: std::sync::Arc<Vec<u8>>,
    confirm_key: std::sync::Arc<Vec<u8>>,
}

/// The time of an event in its own zone, for people (`Thu 12 Mar 2026, 09:00–12:00 (Europe/Paris)`).
pub fn when(event: &Event) -> String {
    use chrono::TimeZone;
    let tz: chrono_tz::Tz = event.timezone.parse().unwrap_or(chrono_tz::UTC);
    let local = |ts: &str| tz.from_utc_datetime(&crate::domain::ids::parse_ts(ts).unwrap_or_default().naive_utc());
    let (start, end) = (local(&event.starts_at), local(&event.ends_at));
    let end_fmt = if start.date_naive() == end.date_naive() { "%H:%M" } else { "%a %-d %b %Y, %H:%M" };
    format!("{}–{} ({})", start.format("%a %-d %b %Y, %H:%M"), end.format(end_fmt), tz.name())
}

/// The check-in code as an HTML table of dark and light cells: what email clients show of a QR
/// code (they drop SVG and inline images).
fn qr_table(code: &str) -> String {
    let Ok(qr) = qrcode::QrCode::new(code.as_bytes()) else { return String::new() };
    let width = qr.width();
    let colors = qr.to_colors();
    let mut html = String::from(
        "<table role=\"img\" aria-label=\"QR code of the check-in code\" cellpadding=\"0\" cellspacing=\"0\" \
         style=\"border-collapse:collapse;border:8px solid #fff\">",
    );
    for row in colors.chunks(width) {
        html.push_str("<tr>");
        for c in row {
            let color = if *c == qrcode::Color::Dark { "#000" } else { "#fff" };
            html.push_str(&format!("<td style=\"width:4px;height:4px;background:{color}\"></td>"));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    html
}

impl EventMailer {
    /// A sender through `mailer`; links point at `public_url`, RSVP links signed with
    /// `rsvp_key`, consent confirmation links with `confirm_key` (the landing pages' key).
    pub fn new(
        events: EventRepository,
        contacts: ContactRepository,
        mailer: Mailer,
        public_url: &str,
        (rsvp_key, confirm_key): (Vec<u8>, Vec<u8>),
    ) -> Self {
        let public_url = public_url.trim_end_matches('/').to_string();
        let suppressions = crate::repositories::deliveries::DeliveryRepository::new(contacts.db().clone());
        Self {
            events,
            contacts,
            suppressions,
            mailer,
            public_url,
            rsvp_key: std::sync::Arc::new(rsvp_key),
            confirm_key: std::sync::Arc::new(confirm_key),
        }
    }

    /// One step: queue the reminders of events starting within a day, send a batch of due
    /// emails. True when there may be more to do at once.
    pub async fn step(&self) -> AppResult<bool> {
        let reminded = self.remind().await?;
        Ok(self.send_due().await? || reminded)
    }

    async fn remind(&self) -> AppResult<bool> {
        let at = now();
        let from = format_ts(at);
        let to = format_ts(at + REMIND_BEFORE);
        let events = self.events.to_remind(&from, &to).await?;
        for event in &events {
            let mut after = None;
            loop {
                let (page, next) =
                    self.events.invitations(&event.id, Some(InvitationStatus::Confirmed), after, 500).await?;
                let ts = format_ts(now());
                let mails: Vec<EventMail> =
                    page.iter().map(|i| EventMail::queued(&i.id, MailKind::Reminder, None, &ts)).collect();
                self.events.queue_reminders(&event.id, &mails, next.is_none()).await?;
                match next {
                    Some(n) => after = Some(n),
                    None => break,
                }
            }
        }
        Ok(!events.is_empty())
    }

    async fn send_due(&self) -> AppResult<bool> {
        let due = self.events.due_mail(&format_ts(now()), SEND_BATCH).await?;
        let full = due.len() == SEND_BATCH;
        let batch = self.batch(&due).await?;
        for mut mail in due {
            let outcome = match self.compose(&mail, &batch) {
                Ok(Some(message)) => self.mailer.send(&message).await,
                Ok(None) => {
                    Outcome::Refused("what the message is about is gone, or its recipient is not to be emailed".into())
                }
                Err(e) => Outcome::Retry(e.to_string()),
            };
            mail.attempts += 1;
            let settled = settle_attempt(outcome, mail.attempts, MAX_ATTEMPTS, RETRY_BASE, now());
            (mail.status, mail.due, mail.error) = (settled.status.into(), format_ts(settled.due), settled.error);
            self.events.record_mail(&mail).await?;
        }
        Ok(full)
    }

    /// What a batch of messages is about: their invitations or submissions, events or pages,
    /// the people and their suppressed addresses, in one query each.
    async fn batch(&self, due: &[EventMail]) -> AppResult<Batch> {
        use crate::repositories::records::rows_by_id;
        let db = self.contacts.db();
        let ids: Vec<String> =
            due.iter().filter(|m| !m.invitation_id.is_empty()).map(|m| m.invitation_id.clone()).collect();
        let submission_ids: Vec<String> = due.iter().filter_map(|m| m.submission_id.clone()).collect();
        let invitations: Vec<Invitation> = rows_by_id(db, crate::repositories::events::INVITATION_TABLE, &ids).await?;
        let submissions: Vec<Submission> =
            rows_by_id(db, crate::repositories::landing_pages::SUBMISSION_TABLE, &submission_ids).await?;
        let event_ids: Vec<String> = invitations.iter().map(|i| i.event_id.clone()).collect();
        let page_ids: Vec<String> = submissions.iter().map(|s| s.page_id.clone()).collect();
        let contact_ids: Vec<String> = invitations
            .iter()
            .map(|i| i.contact_id.clone())
            .chain(submissions.iter().map(|s| s.contact_id.clone()))
            .collect();
        let events: Vec<Event> = rows_by_id(db, crate::repositories::events::TABLE, &event_ids).await?;
        let pages: Vec<Page> = rows_by_id(db, crate::repositories::landing_pages::TABLE, &page_ids).await?;
        let contacts = self.contacts.get_many(&contact_ids).await?;
        let emails: Vec<String> = contacts.iter().map(|c| c.email.clone()).collect();
        Ok(Batch {
            suppressed: self.suppressions.suppressions(&emails).await?,
            invitations: invitations.into_iter().map(|i| (i.id.clone(), i)).collect(),
            events: events.into_iter().map(|e| (e.id.clone(), e)).collect(),
            submissions: submissions.into_iter().map(|s| (s.id.clone(), s)).collect(),
            pages: pages.into_iter().map(|p| (p.id.clone(), p)).collect(),
            contacts: contacts.into_iter().map(|c| (c.id.clone(), c)).collect(),
        })
    }

    /// The email a queued message is, as it reads now (`None` when what it is about is gone, or
    /// its recipient is not to be contacted: `do_not_contact`, unsubscribed or bounced).
    fn compose(&self, mail: &EventMail, batch: &Batch) -> AppResult<Option<Outgoing>> {
        if mail.kind == MailKind::ConfirmConsent {
            return self.compose_confirmation(mail, batch);
        }
        let Some(invitation) = batch.invitations.get(&mail.invitation_id) else { return Ok(None) };
        let Some(event) = batch.events.get(&invitation.event_id) else { return Ok(None) };
        let Some(contact) = batch.recipient(&invitation.contact_id, mail.kind) else { return Ok(None) };
        let token = rsvp_token(&self.rsvp_key, &invitation.id)
            .ok_or_else(|| AppError::Internal("an invitation id is not a UUID".into()))?;
        Ok(Some(self.render(mail, event, invitation, &contact.email, contact.first_name.as_deref(), &token)))
    }

    /// The double opt-in email: the page's consent wording and the link that completes it
    /// (nothing once the consent is confirmed).
    fn compose_confirmation(&self, mail: &EventMail, batch: &Batch) -> AppResult<Option<Outgoing>> {
        let Some(submission) = mail.submission_id.as_ref().and_then(|id| batch.submissions.get(id)) else {
            return Ok(None);
        };
        if !submission.awaiting_confirmation() {
            return Ok(None);
        }
        let Some(contact) = batch.recipient(&submission.contact_id, mail.kind) else { return Ok(None) };
        let token = confirm_token(&self.confirm_key, &submission.id)
            .ok_or_else(|| AppError::Internal("a submission id is not a UUID".into()))?;
        let link = format!("{}/confirm/{token}", self.public_url);
        let title = batch.pages.get(&submission.page_id).map_or(submission.page_title.as_str(), |p| p.title.as_str());
        let wording = submission.consent_text.clone().unwrap_or_default();
        let hello = match &contact.first_name {
            Some(n) => format!("Hello {n},"),
            None => "Hello,".to_string(),
        };
        let text = format!(
            "{hello}\n\nPlease confirm that you agreed to this on \"{title}\":\n\n  {wording}\n\nConfirm: {link}\n\n\
             If this was not you, ignore this email: nothing is recorded without your confirmation.\n"
        );
        let html = format!(
            "<p>{}</p><p>Please confirm that you agreed to this on <strong>{}</strong>:</p><blockquote>{}</blockquote>\
             <p><a href=\"{}\">Confirm</a></p><p>If this was not you, ignore this email: nothing is recorded without your confirmation.</p>",
            escape(&hello),
            escape(title),
            escape(&wording),
            escape(&link)
        );
        let domain = self.mailer.from().email.domain().to_string();
        Ok(Some(Outgoing {
            to: contact.email.clone(),
            subject: format!("Please confirm: {title}"),
            html,
            text,
            message_id: format!("<{}@{domain}>", mail.id),
            unsubscribe_url: None,
            attachments: Vec::new(),
        }))
    }

    fn render(
        &self,
        mail: &EventMail,
        event: &Event,
        invitation: &Invitation,
        email: &str,
        first_name: Option<&str>,
        token: &str,
    ) -> Outgoing {
        let link = |response: &str| format!("{}/rsvp/{token}?response={response}", self.public_url);
        let page = format!("{}/rsvp/{token}", self.public_url);
        let hello = match first_name {
            Some(n) => format!("Hello {n},"),
            None => "Hello,".to_string(),
        };
        let place = event.location.clone().or_else(|| event.online_url.clone()).unwrap_or_default();
        let (subject, lead, with_code) = match mail.kind {
            MailKind::Invitation => (format!("You're invited: {}", event.name), "You are invited to", false),
            MailKind::Promoted => {
                (format!("A seat is yours: {}", event.name), "A seat freed up and is now yours at", true)
            }
            // A consent confirmation is composed apart and never reaches here.
            MailKind::Reminder | MailKind::ConfirmConsent => {
                (format!("Tomorrow: {}", event.name), "A reminder: you are expected at", true)
            }
        };
        let when = when(event);
        let mut text = format!("{hello}\n\n{lead} {}.\n{when}\n", event.name);
        let mut html = format!(
            "<p>{}</p><p>{} <strong>{}</strong>.<br>{}",
            escape(&hello),
            escape(lead),
            escape(&event.name),
            escape(&when)
        );
        if !place.is_empty() {
            text.push_str(&format!("{place}\n"));
            html.push_str(&format!("<br>{}", escape(&place)));
        }
        html.push_str("</p>");
        if with_code {
            text.push_str(&format!("\nYour check-in code: {}\nYour page: {page}\n", invitation.checkin_code));
            html.push_str(&format!(
                "<p>Your check-in code: <strong style=\"font-size:1.3em;letter-spacing:.1em\">{}</strong></p>{}<p><a href=\"{}\">Your page</a></p>",
                escape(&invitation.checkin_code),
                qr_table(&invitation.checkin_code),
                escape(&page)
            ));
        } else {
            text.push_str(&format!(
                "\nWill you come?\nYes: {}\nNo: {}\nMaybe: {}\n",
                link("yes"),
                link("no"),
                link("maybe")
            ));
            html.push_str(&format!(
                "<p>Will you come? <a href=\"{}\">Yes</a> · <a href=\"{}\">No</a> · <a href=\"{}\">Maybe</a></p>",
                escape(&link("yes")),
                escape(&link("no")),
                escape(&link("maybe"))
            ));
        }
        let from = self.mailer.from().email.to_string();
        let domain = self.mailer.from().email.domain().to_string();
        Outgoing {
            to: email.to_string(),
            subject,
            html,
            text,
            message_id: format!("<{}@{domain}>", mail.id),
            unsubscribe_url: None,
            attachments: vec![Attachment {
                filename: "invite.ics".into(),
                content_type: "text/calendar; method=REQUEST; charset=utf-8".into(),
                body: ics(event, invitation, &from, email, &domain, &format_ts(now())),
            }],
        }
    }

    /// Works through guests' emails in whichever process holds their lease.
    pub fn spawn(self, db: crate::db::Db) -> tokio::task::JoinHandle<()> {
        crate::repositories::leases::spawn_leased_worker(
            db,
            "event_mail",
            "event email",
            Duration::from_secs(1),
            move || {
                let this = self.clone();
                async move { this.step().await.map_err(|e| crate::repositories::RepoError::Decode(e.to_string())) }
            },
        )
    }
}
