//! Campaign delivery: `execute` starts a campaign; a leased worker (one process at a time)
//! starts scheduled campaigns when their time comes and queues each running campaign's
//! audience into the outbox in batches, each batch in the transaction that moves the
//! campaign's progress marker; every process sends what is queued through claims that run out
//! (a killed process's messages go again, with the same `Message-ID`). The webhook channel's
//! messages go the same way, as signed POSTs to the subscriptions to `campaign.message`. Opens, clicks,
//! unsubscribes and bounces come back through signed links and the bounce webhook.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use serde::Serialize;
use serde_json::json;

use super::campaigns::CampaignService;
use super::consents::ConsentService;
use super::mail::{Mailer, Outgoing, Pace};
use super::segments::SegmentService;
use super::timeline::TimelineService;
use crate::config::{CampaignSettings, EmailSettings};
use crate::domain::auth::Role;
use crate::domain::campaigns::{unapproved, AssetContent, AssetKind, AssetStatus, Campaign, CampaignStatus, Channel};
use crate::domain::consents::{ConsentInput, DEFAULT_PURPOSE};
use crate::domain::contacts::Contact;
use crate::domain::deliveries::{
    after_attempt, backoff, exclusion, is_win, last_touch, merge_values, message_id, message_key, webhook_key,
    MessageStatus, Outcome, Reach, Skipped, Suppressed, ATTRIBUTION_DAYS,
};
use crate::domain::history::{ChangeEvent, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::timeline::{NewEntry, TimelineEntry};
use crate::domain::tracking::{render, Action, Token};
use crate::domain::webhooks::{Webhook, CAMPAIGN_MESSAGE};
use crate::error::{AppError, AppResult};
use crate::llm_tools::tools::EmailDraft;
use crate::repositories::deliveries::{Attempted, Counter, DeliveryRepository, Marker, Message, Tracked};
use crate::repositories::segments::SegmentRepository;
use crate::repositories::RepoError;

/// Members read (and messages queued) per batch.
pub const QUEUE_BATCH: usize = 1000;
/// Deal events read per attribution step.
const ATTRIBUTION_PAGE: usize = 500;

/// Where a campaign's delivery stands.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// The campaign's status.
    pub status: CampaignStatus,
    /// Every member is queued or skipped.
    pub queued_all: bool,
    /// The counters.
    #[serde(flatten)]
    pub marker: Marker,
}

/// Who a campaign would reach now.
#[derive(Debug, Clone, Serialize)]
pub struct Audience {
    /// Members of the segment.
    pub members: u64,
    /// Members a message would go to.
    pub recipients: u64,
    /// Members left out, by reason.
    pub skipped: Skipped,
}

/// What the bounce webhook reports.
#[derive(Debug, Clone)]
pub struct Bounce {
    /// The address.
    pub email: String,
    /// Hard (permanent) or soft.
    pub hard: bool,
    /// The bounced message's `Message-ID`, if the provider passes it on.
    pub message_id: Option<String>,
}

struct Inner {
    repo: DeliveryRepository,
    campaigns: CampaignService,
    segments: SegmentService,
    members: SegmentRepository,
    consents: ConsentService,
    timeline: TimelineService,
    contacts: crate::repositories::contacts::ContactRepository,
    webhooks: super::webhooks::WebhookService,
    changes: super::changes::ChangeService,
    mailer: Mailer,
    pace: Pace,
    domain: String,
    key: Vec<u8>,
    email: EmailSettings,
    require_consent: bool,
}

/// Campaign delivery.
#[derive(Clone)]
pub struct DeliveryService {
    inner: Arc<Inner>,
}

/// The parts delivery works with.
pub struct DeliveryParts {
    /// Deliveries' own storage.
    pub repo: DeliveryRepository,
    /// Campaigns (status moves, assets).
    pub campaigns: CampaignService,
    /// Segments (the audience).
    pub segments: SegmentService,
    /// Segment members.
    pub members: SegmentRepository,
    /// Consent ledgers (unsubscribes).
    pub consents: ConsentService,
    /// Timelines (opens, clicks, unsubscribes, bounces).
    pub timeline: TimelineService,
    /// Contacts (bounces by address).
    pub contacts: crate::repositories::contacts::ContactRepository,
    /// Outgoing webhooks (the campaign webhook channel).
    pub webhooks: super::webhooks::WebhookService,
    /// The change feed (deals won, for attribution).
    pub changes: super::changes::ChangeService,
}

fn system() -> Origin {
    Origin::system("campaign")
}

impl DeliveryService {
    /// The service; `key` signs tracking links, `password` completes the SMTP URL.
    pub fn new(
        parts: DeliveryParts,
        email: &EmailSettings,
        campaigns: &CampaignSettings,
        password: &str,
        key: Vec<u8>,
    ) -> AppResult<Self> {
        let mailer = Mailer::from_settings(email, password)?;
        let domain = mailer.from().email.domain().to_string();
        let inner = Inner {
            repo: parts.repo,
            campaigns: parts.campaigns,
            segments: parts.segments,
            members: parts.members,
            consents: parts.consents,
            timeline: parts.timeline,
            contacts: parts.contacts,
            webhooks: parts.webhooks,
            changes: parts.changes,
            mailer,
            pace: Pace::new(email.rate_per_second, email.window_limit, Duration::from_secs(email.window_secs)),
            domain,
            key,
            email: email.clone(),
            require_consent: campaigns.require_consent,
        };
        Ok(Self { inner: Arc::new(inner) })
    }

    /// The transport in use (`log` or `smtp`).
    pub fn transport(&self) -> &'static str {
        self.inner.mailer.name()
    }

    /// The mailer campaign email goes through (notifications use it too).
    pub fn mailer(&self) -> Mailer {
        self.inner.mailer.clone()
    }

    /// Emails one contact now through the campaign mail transport (an email an integration
    /// sends through the API): refused with 409 `not_emailable` for a contact marked
    /// `do_not_contact` or an address that unsubscribed or bounced; on the contact's timeline as
    /// an `email` once the server accepted it. The Message-ID sent.
    pub async fn send_one(&self, contact_id: &str, subject: &str, text: &str, origin: &Origin) -> AppResult<String> {
        let mut issues = crate::domain::fields::Issues::default();
        let subject = issues.required_text("subject", Some(subject.to_string()), 200);
        let text = issues.required_text("text", Some(text.to_string()), 50_000);
        issues.finish(()).map_err(AppError::from)?;
        let contact =
            self.inner.contacts.get(contact_id).await?.ok_or_else(|| AppError::not_found("contact", contact_id))?;
        let suppressed = self.inner.repo.suppressions(std::slice::from_ref(&contact.email)).await?;
        if contact.do_not_contact || !suppressed.is_empty() {
            return Err(AppError::conflict(
                "not_emailable",
                "this contact is not to be emailed (do_not_contact, unsubscribed or bounced)",
            ));
        }
        let id = new_id(now());
        let message_id = format!("<{id}@{}>", self.inner.domain);
        let html = format!("<p>{}</p>", crate::llm_tools::html::escape(&text).replace('\n', "<br>"));
        let message = Outgoing {
            to: contact.email.clone(),
            subject: subject.clone(),
            html,
            text,
            message_id: message_id.clone(),
            unsubscribe_url: None,
            attachments: Vec::new(),
        };
        match self.inner.mailer.send(&message).await {
            Outcome::Sent => {}
            Outcome::Retry(why) => return Err(AppError::Unavailable(why)),
            Outcome::Refused(why) => {
                return Err(AppError::conflict("email_refused", format!("the mail server refused the message: {why}")))
            }
        }
        let entry = NewEntry { kind: "email".into(), body: format!("Email sent: {subject}") };
        self.inner.timeline.add(&contact.id, entry, None, origin).await?;
        Ok(message_id)
    }

    /// Checks a campaign can go out: an audience for its email channel, an approved asset per
    /// channel; answers the approved email.
    async fn ready(&self, campaign: &Campaign) -> AppResult<Option<EmailDraft>> {
        let assets = self.inner.campaigns.assets(&campaign.id).await?;
        let missing = unapproved(&campaign.required_assets(), &assets);
        if !missing.is_empty() {
            let kinds: Vec<&str> = missing.iter().map(|k| k.as_str()).collect();
            return Err(AppError::conflict(
                "assets_not_approved",
                format!("approve an asset of each kind its channels need first: {}", kinds.join(", ")),
            ));
        }
        if !per_recipient(campaign) {
            return Ok(None);
        }
        if campaign.segment_id.is_none() {
            return Err(AppError::conflict("campaign_has_no_audience", "set the campaign's segment_id first"));
        }
        if campaign.channels.contains(&Channel::Webhook)
            && self.inner.webhooks.subscribers(CAMPAIGN_MESSAGE).await?.is_empty()
        {
            return Err(AppError::conflict(
                "campaign_has_no_webhook",
                format!("subscribe a webhook to {CAMPAIGN_MESSAGE} first: the webhook channel posts there"),
            ));
        }
        Ok(approved_email(&assets))
    }

    /// Starts a campaign: a draft or a scheduled one whose time has come starts now (a draft
    /// with a later `scheduled_at` is scheduled for it); a running or paused one is answered
    /// as it is (executing twice queues nobody twice).
    pub async fn execute(&self, campaign_id: &str, origin: &Origin) -> AppResult<Campaign> {
        let campaign = self.inner.campaigns.get(campaign_id).await?;
        match campaign.status {
            CampaignStatus::Running | CampaignStatus::Paused => return Ok(campaign),
            CampaignStatus::Completed | CampaignStatus::Cancelled => {
                return Err(AppError::conflict(
                    "campaign_finished",
                    format!("the campaign is {}; it cannot run again", campaign.status.as_str()),
                ))
            }
            CampaignStatus::Draft | CampaignStatus::Scheduled => {}
        }
        self.ready(&campaign).await?;
        let campaign = if campaign.status == CampaignStatus::Draft {
            self.inner.campaigns.move_to(campaign_id, CampaignStatus::Scheduled, origin).await?
        } else {
            campaign
        };
        if is_due(&campaign, &format_ts(now())) {
            self.start(&campaign, origin).await
        } else {
            Ok(campaign)
        }
    }

    async fn start(&self, campaign: &Campaign, origin: &Origin) -> AppResult<Campaign> {
        let running = self.inner.campaigns.move_to(&campaign.id, CampaignStatus::Running, origin).await?;
        self.inner.repo.start(&campaign.id, &format_ts(now())).await?;
        Ok(running)
    }

    /// Moves a campaign to `to` (pause, resume, cancel), from where that move is allowed.
    pub async fn set_status(&self, campaign_id: &str, to: CampaignStatus, origin: &Origin) -> AppResult<Campaign> {
        let campaign = self.inner.campaigns.get(campaign_id).await?;
        if to == CampaignStatus::Running && campaign.status != CampaignStatus::Paused {
            return Err(AppError::conflict(
                "campaign_not_paused",
                format!("the campaign is {}; only a paused campaign resumes", campaign.status.as_str()),
            ));
        }
        self.inner.campaigns.move_to(campaign_id, to, origin).await
    }

    /// Where the campaign's delivery stands (all zero before it started).
    pub async fn progress(&self, campaign_id: &str) -> AppResult<Progress> {
        let campaign = self.inner.campaigns.get(campaign_id).await?;
        let marker = self.inner.repo.marker(campaign_id).await?.unwrap_or_default();
        Ok(Progress {
            status: campaign.status,
            queued_all: marker.queued_all,
            marker: Marker { campaign_id: campaign.id, ..marker },
        })
    }

    /// Who the campaign would reach if it were executed now (every member is checked, a page
    /// at a time).
    pub async fn audience(&self, campaign_id: &str) -> AppResult<Audience> {
        let campaign = self.inner.campaigns.get(campaign_id).await?;
        let Some(segment_id) = campaign.segment_id.as_deref() else {
            return Ok(Audience { members: 0, recipients: 0, skipped: Skipped::default() });
        };
        let compiled = self.inner.segments.compiled(segment_id).await?;
        let mut audience = Audience { members: 0, recipients: 0, skipped: Skipped::default() };
        let mut after = None;
        loop {
            let (members, next) = self.inner.members.members(&compiled, after, QUEUE_BATCH).await?;
            let reach = self.reach(&members).await?;
            for (contact, reach) in members.iter().zip(reach) {
                audience.members += 1;
                match exclusion(contact, reach, self.inner.require_consent) {
                    Some(reason) => audience.skipped.add(reason),
                    None => audience.recipients += 1,
                }
            }
            match next {
                Some(n) => after = Some(n),
                None => return Ok(audience),
            }
        }
    }

    /// What is known of each contact's address and consent for the email channel.
    async fn reach(&self, contacts: &[crate::domain::contacts::Contact]) -> AppResult<Vec<Reach>> {
        let emails: Vec<String> = contacts.iter().map(|c| c.email.clone()).collect();
        let ids: Vec<String> = contacts.iter().map(|c| c.id.clone()).collect();
        let suppressed = self.inner.repo.suppressions(&emails).await?;
        let consents = self.inner.repo.consents(&ids, "email", DEFAULT_PURPOSE).await?;
        Ok(contacts
            .iter()
            .map(|c| Reach { suppressed: suppressed.get(&c.email).copied(), consent: consents.get(&c.id).copied() })
            .collect())
    }

    /// The email message of `campaign` to `contact`, queued now (`ts`).
    fn message(&self, campaign: &Campaign, contact: &Contact, company: Option<&str>, ts: &str) -> Message {
        Message {
            id: message_key(&campaign.id, &contact.id),
            campaign_id: campaign.id.clone(),
            contact_id: contact.id.clone(),
            channel: Channel::Email.as_str().into(),
            to: contact.email.clone(),
            fields: merge_values(contact, company),
            status: MessageStatus::Queued,
            attempts: 0,
            due: ts.to_string(),
            claim: None,
            error: None,
            message_id: message_id(&campaign.id, &contact.id, &self.inner.domain),
            sent_at: None,
            opened_at: None,
            clicked_at: None,
            created_at: ts.to_string(),
        }
    }

    /// Queues the next batch of a running campaign's audience; false when there is nothing
    /// left to queue.
    async fn queue_batch(&self, campaign: &Campaign, marker: &Marker) -> AppResult<bool> {
        if marker.queued_all {
            return Ok(false);
        }
        let Some(segment_id) = campaign.segment_id.as_deref() else {
            self.inner.repo.queue(&campaign.id, marker.cursor.as_deref(), None, &[], Skipped::default()).await?;
            return Ok(false);
        };
        let t0 = std::time::Instant::now();
        let compiled = self.inner.segments.compiled(segment_id).await?;
        let (members, next) = self.inner.members.members(&compiled, marker.cursor.clone(), QUEUE_BATCH).await?;
        let t1 = t0.elapsed();
        let reach = self.reach(&members).await?;
        let t2 = t0.elapsed();
        let companies: Vec<String> = members.iter().filter_map(|c| c.company_id.clone()).collect();
        let names = self.inner.repo.company_names(&companies).await?;
        let ts = format_ts(now());
        let mut skipped = Skipped::default();
        let mut messages = Vec::with_capacity(members.len());
        let email = campaign.channels.contains(&Channel::Email);
        let webhook = campaign.channels.contains(&Channel::Webhook);
        for (contact, reach) in members.iter().zip(reach) {
            let company = contact.company_id.as_ref().and_then(|id| names.get(id)).map(String::as_str);
            // The webhook channel hands the contact to an integration: only do_not_contact
            // keeps a contact out of it (the email exclusions are about the address).
            if webhook && !contact.do_not_contact {
                messages.push(Message {
                    id: webhook_key(&campaign.id, &contact.id),
                    channel: Channel::Webhook.as_str().into(),
                    ..self.message(campaign, contact, company, &ts)
                });
            }
            if !email {
                continue;
            }
            if let Some(reason) = exclusion(contact, reach, self.inner.require_consent) {
                skipped.add(reason);
                continue;
            }
            messages.push(self.message(campaign, contact, company, &ts));
        }
        let t3 = t0.elapsed();
        let queued =
            self.inner.repo.queue(&campaign.id, marker.cursor.as_deref(), next.as_deref(), &messages, skipped).await;
        tracing::debug!(members = ?t1, reach = ?t2, built = ?t3, written = ?t0.elapsed(), ok = queued.is_ok(), "queued a batch");
        match queued {
            Ok(()) => Ok(next.is_some()),
            // Another process moved the marker first: nothing written, it goes on from there.
            Err(RepoError::Rule(code)) if code == "cursor_moved" => Ok(true),
            Err(RepoError::TxConflict) => Ok(true),
            Err(e) => Err(e.into()),
        }
    }

    /// One step of the queueing worker: starts scheduled campaigns whose time came, queues a
    /// batch of each running campaign; true while there is more to do at once.
    pub async fn queue_step(&self) -> AppResult<bool> {
        let ts = format_ts(now());
        for (id, at) in self.inner.repo.campaigns_in(CampaignStatus::Scheduled.as_str()).await? {
            if at.as_deref().is_none_or(|at| at <= ts.as_str()) {
                let campaign = self.inner.campaigns.get(&id).await?;
                // One that cannot go out (no audience for its email) waits: executing it says why.
                if self.ready(&campaign).await.is_err() {
                    continue;
                }
                if let Err(e) = self.start(&campaign, &system()).await {
                    tracing::warn!(campaign = %id, error = %e, "starting a scheduled campaign failed");
                }
            }
        }
        let mut more = false;
        for (id, _) in self.inner.repo.campaigns_in(CampaignStatus::Running.as_str()).await? {
            let campaign = self.inner.campaigns.get(&id).await?;
            if !per_recipient(&campaign) || campaign.segment_id.is_none() {
                continue;
            }
            let marker = match self.inner.repo.marker(&id).await? {
                Some(m) => m,
                None => {
                    self.inner.repo.start(&id, &ts).await?;
                    more = true;
                    continue;
                }
            };
            more |= self.queue_batch(&campaign, &marker).await?;
        }
        Ok(more)
    }

    /// One step of a sender: a batch of each running campaign's due messages; true while
    /// there is more to send at once.
    pub async fn send_step(&self) -> AppResult<bool> {
        let mut more = false;
        for (id, _) in self.inner.repo.campaigns_in(CampaignStatus::Running.as_str()).await? {
            more |= self.send_batch(&id).await?;
        }
        Ok(more)
    }

    async fn send_batch(&self, campaign_id: &str) -> AppResult<bool> {
        let email = &self.inner.email;
        let at = now();
        let claim = new_id(at);
        let claim_for = Duration::from_secs(email.claim_secs.max(5));
        let until = at + chrono::Duration::from_std(claim_for).unwrap_or_default();
        let limit = match email.rate_per_second {
            // About a second's worth: a pause takes effect within a second or so.
            r if r > 0.0 => email.batch.min(r.ceil() as usize).max(1),
            _ => email.batch.max(1),
        };
        let claimed = match self.inner.repo.claim(campaign_id, &format_ts(at), &format_ts(until), &claim, limit).await {
            Ok(claimed) => claimed,
            // Another worker claimed at the same instant: try again.
            Err(RepoError::TxConflict) => return Ok(true),
            Err(e) => return Err(e.into()),
        };
        if claimed.is_empty() {
            self.complete_if_done(campaign_id).await?;
            return Ok(false);
        }
        let campaign = self.inner.campaigns.get(campaign_id).await?;
        let assets = self.inner.campaigns.assets(campaign_id).await?;
        let draft = approved_email(&assets);
        let subscribers = if claimed.iter().any(|m| m.channel == Channel::Webhook.as_str()) {
            self.inner.webhooks.subscribers(CAMPAIGN_MESSAGE).await?
        } else {
            Vec::new()
        };
        let t0 = std::time::Instant::now();
        let n = claimed.len();
        let results: Vec<(Attempted, Option<TimelineEntry>)> = futures::stream::iter(claimed)
            .map(|m| self.attempt(&campaign, draft.as_ref(), &subscribers, m))
            .buffer_unordered(email.pool_size.max(1) as usize)
            .collect()
            .await;
        let mut attempted = Vec::with_capacity(results.len());
        let mut timeline = Vec::new();
        for (a, entry) in results {
            if let Some(entry) = entry {
                timeline.push((a.id.clone(), entry));
            }
            attempted.push(a);
        }
        let sent = t0.elapsed();
        self.inner.repo.finish(campaign_id, &claim, &attempted, timeline, &format_ts(now())).await?;
        tracing::debug!(messages = n, sent = ?sent, recorded = ?t0.elapsed(), "sent a batch");
        Ok(true)
    }

    async fn attempt(
        &self,
        campaign: &Campaign,
        draft: Option<&EmailDraft>,
        subscribers: &[Webhook],
        m: Message,
    ) -> (Attempted, Option<TimelineEntry>) {
        let email = &self.inner.email;
        let outcome = match (m.channel.as_str(), draft) {
            ("webhook", _) => {
                let body = json!({
                    "id": m.id, "event": CAMPAIGN_MESSAGE, "campaign": {"id": campaign.id, "name": campaign.name},
                    "contact": {"id": m.contact_id, "email": m.to, "fields": m.fields}, "at": format_ts(now()),
                });
                self.inner.webhooks.post_now(subscribers, CAMPAIGN_MESSAGE, &m.id, &body.to_string()).await
            }
            (_, None) => Outcome::Refused("the campaign has no approved email".into()),
            (_, Some(draft)) => {
                self.inner.pace.wait().await;
                let values = |name: &str| m.fields.get(name).cloned();
                let r = render(draft, &values, &email.public_url, &self.inner.key, &m.campaign_id, &m.contact_id);
                let outgoing = Outgoing {
                    to: m.to.clone(),
                    subject: r.subject,
                    html: r.html,
                    text: r.text,
                    message_id: m.message_id.clone(),
                    unsubscribe_url: Some(r.unsubscribe_url),
                    attachments: Vec::new(),
                };
                self.inner.mailer.send(&outgoing).await
            }
        };
        let status = after_attempt(&outcome, m.attempts, email.max_attempts.max(1));
        let retry_at = now()
            + chrono::Duration::from_std(backoff(
                m.attempts,
                Duration::from_secs(email.retry_base_secs),
                rand::random(),
            ))
            .unwrap_or_default();
        let at = now();
        let entry = (status == MessageStatus::Sent && m.channel == Channel::Email.as_str()).then(|| TimelineEntry {
            id: new_id(at),
            contact_id: m.contact_id.clone(),
            kind: "email_sent".into(),
            body: format!("Campaign email sent: {}", campaign.name),
            actor: "system".into(),
            source: "campaign".into(),
            at: format_ts(at),
            created_at: format_ts(at),
            change_event_id: None,
            change_kind: None,
            version: None,
            fields: None,
            entity: Some("campaign".into()),
            entity_id: Some(campaign.id.clone()),
        });
        let error = match outcome {
            Outcome::Sent => None,
            Outcome::Retry(e) | Outcome::Refused(e) => Some(e),
        };
        (Attempted { id: m.id, status, error, due: format_ts(retry_at) }, entry)
    }

    async fn complete_if_done(&self, campaign_id: &str) -> AppResult<()> {
        let Some(marker) = self.inner.repo.marker(campaign_id).await? else { return Ok(()) };
        if marker.queued_all && marker.queued == 0 && marker.sending == 0 {
            match self.inner.campaigns.move_to(campaign_id, CampaignStatus::Completed, &system()).await {
                Ok(_) => {}
                // Paused or cancelled meanwhile.
                Err(AppError::Conflict { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// A page of a campaign's messages (in key order, after `after`).
    pub async fn messages(
        &self,
        campaign_id: &str,
        status: Option<MessageStatus>,
        after: Option<&str>,
        limit: usize,
    ) -> AppResult<Vec<Message>> {
        self.inner.campaigns.get(campaign_id).await?;
        Ok(self.inner.repo.messages(campaign_id, status, after, limit).await?)
    }

    /// The message a token names, when the token is genuine and the message exists.
    async fn tokened(&self, raw: &str) -> AppResult<(Token, Message)> {
        let token = Token::verify(&self.inner.key, raw).ok_or_else(|| AppError::not_found("link", raw))?;
        let key = message_key(&token.campaign_id, &token.contact_id);
        let message = self.inner.repo.message(&key).await?.ok_or_else(|| AppError::not_found("link", raw))?;
        Ok((token, message))
    }

    async fn note(&self, contact_id: &str, kind: &str, body: String) {
        let entry = NewEntry { kind: kind.into(), body };
        match self.inner.timeline.add(contact_id, entry, None, &system()).await {
            Ok(_) | Err(AppError::NotFound(_)) => {}
            Err(e) => tracing::warn!(error = %e, kind, "recording a campaign event on a timeline failed"),
        }
    }

    /// Records an open (the pixel loaded).
    pub async fn open(&self, raw: &str) -> AppResult<()> {
        let (token, message) = self.tokened(raw).await?;
        if token.action != Action::Open {
            return Err(AppError::not_found("link", raw));
        }
        let first = self.inner.repo.track(&message.id, &message.campaign_id, Tracked::Open, &format_ts(now())).await?;
        if first {
            self.note(&message.contact_id, "email_open", "Opened a campaign email".into()).await;
        }
        Ok(())
    }

    /// Records a click and answers where it leads: only a link the message contained.
    pub async fn click(&self, raw: &str) -> AppResult<String> {
        let (token, message) = self.tokened(raw).await?;
        let Action::Click(n) = token.action else { return Err(AppError::not_found("link", raw)) };
        let assets = self.inner.campaigns.assets(&message.campaign_id).await?;
        let draft = approved_email(&assets).ok_or_else(|| AppError::not_found("link", raw))?;
        let values = |name: &str| message.fields.get(name).cloned();
        let r = render(
            &draft,
            &values,
            &self.inner.email.public_url,
            &self.inner.key,
            &token.campaign_id,
            &token.contact_id,
        );
        let url = r.links.get(usize::from(n)).cloned().ok_or_else(|| AppError::not_found("link", raw))?;
        self.inner.repo.track(&message.id, &message.campaign_id, Tracked::Click, &format_ts(now())).await?;
        self.note(&message.contact_id, "click", format!("Clicked a campaign link: {}", host_of(&url))).await;
        Ok(url)
    }

    /// Whether the token is a genuine unsubscribe link (the page to confirm it).
    pub async fn check_unsubscribe(&self, raw: &str) -> AppResult<()> {
        match self.tokened(raw).await? {
            (Token { action: Action::Unsubscribe, .. }, _) => Ok(()),
            _ => Err(AppError::not_found("link", raw)),
        }
    }

    /// Unsubscribes the recipient of the token's message: the address is suppressed, the
    /// contact's ledger records the withdrawal; a second time changes nothing.
    pub async fn unsubscribe(&self, raw: &str, ip: Option<String>) -> AppResult<()> {
        let (token, message) = self.tokened(raw).await?;
        if token.action != Action::Unsubscribe {
            return Err(AppError::not_found("link", raw));
        }
        let ts = format_ts(now());
        if !self.inner.repo.suppress(&message.to, Suppressed::Unsubscribed, &ts).await? {
            return Ok(());
        }
        self.inner.repo.bump(&message.campaign_id, Counter::Unsubscribed).await?;
        let input = ConsentInput {
            channel: Some("email".into()),
            purpose: Some(DEFAULT_PURPOSE.into()),
            status: Some("withdrawn".into()),
            text: Some("Unsubscribe (one click from a campaign email)".into()),
            source: Some("unsubscribe".into()),
            ip,
            at: None,
        };
        let origin = Origin {
            triggers: Vec::new(),
            actor: "recipient".into(),
            source: "unsubscribe".into(),
            trace_id: "-".into(),
        };
        match self.inner.consents.record(&message.contact_id, input, &origin).await {
            Ok(_) | Err(AppError::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
        self.note(&message.contact_id, "unsubscribe", "Unsubscribed from campaign emails".into()).await;
        Ok(())
    }

    /// Records a bounce; a hard one suppresses the address. Answers whether anything changed.
    pub async fn bounce(&self, bounce: Bounce) -> AppResult<bool> {
        if !bounce.hard {
            return Ok(false);
        }
        let email = bounce.email.trim().to_lowercase();
        if !self.inner.repo.suppress(&email, Suppressed::Bounced, &format_ts(now())).await? {
            return Ok(false);
        }
        let campaign = bounce.message_id.as_deref().and_then(campaign_of_message_id);
        if let Some(campaign_id) = campaign {
            if self.inner.repo.marker(&campaign_id).await?.is_some() {
                self.inner.repo.bump(&campaign_id, Counter::Bounced).await?;
            }
        }
        for contact in self.inner.contacts.by_emails(std::slice::from_ref(&email)).await? {
            self.note(&contact.id, "bounce", "A campaign email to this address bounced (hard)".into()).await;
        }
        Ok(true)
    }

    /// One attribution step: the deals won since the last step (read from the change feed),
    /// each counted as a conversion of the campaign whose email reached one of its contacts
    /// last in the [`ATTRIBUTION_DAYS`] before the win; true while there may be more at once.
    pub async fn attribute_step(&self) -> AppResult<bool> {
        let repo = &self.inner.repo;
        let from = repo.attribution_cursor().await?;
        let events = self.inner.changes.page(from, Some("deal"), Role::Admin, ATTRIBUTION_PAGE).await?;
        let Some(to) = events.last().map(|(n, _)| *n) else { return Ok(false) };
        let wins: Vec<&ChangeEvent> = events.iter().map(|(_, e)| e).filter(|e| is_win(e)).collect();
        let ids: Vec<String> = wins.iter().map(|e| e.entity_id.clone()).collect();
        let contacts = if ids.is_empty() { Default::default() } else { repo.deal_contacts(&ids).await? };
        let mut campaigns = Vec::new();
        for win in wins {
            let until = win.at.as_str();
            let since = chrono::DateTime::parse_from_rfc3339(until)
                .map(|t| format_ts((t - chrono::Duration::days(ATTRIBUTION_DAYS)).with_timezone(&chrono::Utc)))
                .unwrap_or_default();
            let mut sends = Vec::new();
            // A deal names a few contacts; a win is rare next to everything else in the feed.
            for contact in contacts.get(&win.entity_id).into_iter().flatten() {
                sends.extend(repo.sent_to(contact, &since, until).await?);
            }
            if let Some(campaign) = last_touch(&sends) {
                campaigns.push(campaign.to_string());
            }
        }
        match repo.attribute(from, to, &campaigns).await {
            Ok(()) => Ok(events.len() == ATTRIBUTION_PAGE),
            Err(RepoError::TxConflict) => Ok(true),
            Err(RepoError::Rule(code)) if code == "cursor_moved" => Ok(true),
            Err(e) => Err(e.into()),
        }
    }

    /// Runs the queueing worker (one process at a time) and this process's sender.
    pub fn spawn(self, db: crate::db::Db) -> Vec<tokio::task::JoinHandle<()>> {
        const IDLE: Duration = Duration::from_millis(500);
        let queue = self.clone();
        let queuer = crate::repositories::leases::spawn_leased_worker(
            db,
            "campaign_queue",
            "campaign queueing",
            IDLE,
            move || {
                let this = queue.clone();
                async move {
                    let queued = this.queue_step().await.map_err(into_repo)?;
                    let attributed = this.attribute_step().await.map_err(into_repo)?;
                    Ok(queued || attributed)
                }
            },
        );
        let sender = crate::repositories::leases::spawn_loop("sending campaign email", IDLE, move || {
            let this = self.clone();
            async move { this.send_step().await }
        });
        vec![queuer, sender]
    }
}

fn into_repo(e: AppError) -> RepoError {
    match e {
        AppError::Conflict { code, .. } => RepoError::Rule(code.to_string()),
        other => RepoError::Decode(other.to_string()),
    }
}

/// Whether a scheduled campaign should start at `ts`.
fn is_due(campaign: &Campaign, ts: &str) -> bool {
    campaign.scheduled_at.as_deref().is_none_or(|at| at <= ts)
}

/// The approved email of a campaign (the newest approved, if several).
fn approved_email(assets: &[crate::domain::campaigns::Asset]) -> Option<EmailDraft> {
    let approved =
        |a: &&crate::domain::campaigns::Asset| a.status == AssetStatus::Approved && a.kind == AssetKind::Email;
    assets.iter().rev().find(approved).and_then(|a| match &a.content {
        AssetContent::Email(e) => Some(e.clone()),
        _ => None,
    })
}

/// The campaign a `Message-ID` of ours names (`<campaign.contact@domain>`).
fn campaign_of_message_id(raw: &str) -> Option<String> {
    let inner = raw.trim().trim_start_matches('<').trim_end_matches('>');
    let (local, _) = inner.split_once('@')?;
    let (campaign, _) = local.split_once('.')?;
    crate::domain::ids::parse_id(campaign)
}

fn host_of(url: &str) -> String {
    reqwest::Url::parse(url).ok().and_then(|u| u.host_str().map(String::from)).unwrap_or_default()
}

/// Whether the campaign sends one message per member of its segment (email, webhook).
fn per_recipient(campaign: &Campaign) -> bool {
    campaign.channels.iter().any(|c| matches!(c, Channel::Email | Channel::Webhook))
}
