//! Campaign deliveries: one outbox message per campaign and contact, who is left out and why,
//! the message's life (`queued -> sending -> sent`, back to `queued` to retry, `failed` when
//! the receiving server refused it for good, `dead` after the last attempt), the backoff
//! between attempts, and the progress counts of a campaign.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::consents::ConsentStatus;
use super::contacts::Contact;

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// Waiting for its (next) attempt.
    Queued,
    /// Claimed by a worker, being sent.
    Sending,
    /// Accepted by the receiving server (or recorded by the log transport).
    Sent,
    /// Refused for good (a permanent SMTP error); not retried.
    Failed,
    /// Every attempt failed; the last error is kept.
    Dead,
}

impl MessageStatus {
    /// Every status.
    pub const ALL: [MessageStatus; 5] = [
        MessageStatus::Queued,
        MessageStatus::Sending,
        MessageStatus::Sent,
        MessageStatus::Failed,
        MessageStatus::Dead,
    ];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageStatus::Queued => "queued",
            MessageStatus::Sending => "sending",
            MessageStatus::Sent => "sent",
            MessageStatus::Failed => "failed",
            MessageStatus::Dead => "dead",
        }
    }
}

/// Why a member of the audience gets no message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// Unsubscribed (one click in an earlier message, or withdrew consent for the channel).
    Unsubscribed,
    /// `campaigns.require_consent` is on and no consent is recorded for the channel.
    NoConsent,
    /// The address hard-bounced.
    Bounced,
    /// Marked `do_not_contact`.
    DoNotContact,
}

impl SkipReason {
    /// Every reason.
    pub const ALL: [SkipReason; 4] =
        [SkipReason::Unsubscribed, SkipReason::NoConsent, SkipReason::Bounced, SkipReason::DoNotContact];

    /// Wire name (and the progress counter's name).
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Unsubscribed => "unsubscribed",
            SkipReason::NoConsent => "no_consent",
            SkipReason::Bounced => "bounced",
            SkipReason::DoNotContact => "do_not_contact",
        }
    }
}

/// Why an address is never mailed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Suppressed {
    /// Unsubscribed in one click.
    Unsubscribed,
    /// Hard-bounced.
    Bounced,
}

/// What is known about a contact when a campaign is queued.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reach {
    /// The address is suppressed.
    pub suppressed: Option<Suppressed>,
    /// The latest consent entry for the channel and purpose.
    pub consent: Option<ConsentStatus>,
}

/// Whether a contact is left out of a campaign, and why (the first reason that holds:
/// `do_not_contact`, bounced, unsubscribed or withdrawn, no consent when it is required).
pub fn exclusion(contact: &Contact, reach: Reach, require_consent: bool) -> Option<SkipReason> {
    if contact.do_not_contact {
        return Some(SkipReason::DoNotContact);
    }
    match reach.suppressed {
        Some(Suppressed::Bounced) => return Some(SkipReason::Bounced),
        Some(Suppressed::Unsubscribed) => return Some(SkipReason::Unsubscribed),
        None => {}
    }
    match reach.consent {
        Some(ConsentStatus::Withdrawn) => Some(SkipReason::Unsubscribed),
        Some(ConsentStatus::Granted) => None,
        None if require_consent => Some(SkipReason::NoConsent),
        None => None,
    }
}

/// The outbox key of a campaign's message to a contact: one per campaign and contact, so a
/// contact is never queued twice.
pub fn message_key(campaign_id: &str, contact_id: &str) -> String {
    format!("{campaign_id}_{contact_id}")
}

/// The outbox key of a campaign's webhook-channel message about a contact (one per campaign
/// and contact, beside the email's).
pub fn webhook_key(campaign_id: &str, contact_id: &str) -> String {
    format!("{campaign_id}_{contact_id}_webhook")
}

/// Days before a deal is won during which a campaign email to one of its contacts earns the
/// campaign the conversion.
pub const ATTRIBUTION_DAYS: i64 = 30;

/// Whether a deal's change event is its win (moved to won, or created won).
pub fn is_win(event: &super::history::ChangeEvent) -> bool {
    event.kind == "won"
        || (event.kind == "created" && event.changes.get("stage").is_some_and(|c| c.new.as_str() == Some("won")))
}

/// The campaign a won deal is attributed to: of the campaign emails its contacts were sent in
/// the window, `(campaign, sent at)`, the last one (last touch).
pub fn last_touch(sends: &[(String, String)]) -> Option<&str> {
    sends.iter().max_by(|a, b| a.1.cmp(&b.1)).map(|(campaign, _)| campaign.as_str())
}

/// The `Message-ID` of a campaign's message to a contact: the same on every attempt, so a
/// re-send after a crash is recognisable.
pub fn message_id(campaign_id: &str, contact_id: &str, domain: &str) -> String {
    format!("<{campaign_id}.{contact_id}@{domain}>")
}

/// The values of the merge fields for a contact (`company_name` from its company).
pub fn merge_values(contact: &Contact, company_name: Option<&str>) -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    let mut put = |k: &str, v: Option<&str>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            values.insert(k.to_string(), v.to_string());
        }
    };
    put("first_name", contact.first_name.as_deref());
    put("last_name", contact.last_name.as_deref());
    put("full_name", Some(&contact.display_name()));
    put("email", Some(&contact.email));
    put("title", contact.title.as_deref());
    put("company_name", company_name);
    values
}

/// The wait before attempt `attempt + 1` (after `attempt` failed ones): `base * 2^(attempt-1)`,
/// at most an hour, times a jitter factor in `[0.5, 1.5)` (`jitter` in `[0, 1)`).
pub fn backoff(attempt: u32, base: std::time::Duration, jitter: f64) -> std::time::Duration {
    let exp = base.saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
    let capped = exp.min(std::time::Duration::from_secs(3600));
    capped.mul_f64(0.5 + jitter.clamp(0.0, 0.999))
}

/// What happened to one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted.
    Sent,
    /// Failed; may be tried again.
    Retry(String),
    /// Refused for good.
    Refused(String),
}

/// The status a message moves to after attempt number `attempts` ended with `outcome`.
pub fn after_attempt(outcome: &Outcome, attempts: u32, max_attempts: u32) -> MessageStatus {
    match outcome {
        Outcome::Sent => MessageStatus::Sent,
        Outcome::Refused(_) => MessageStatus::Failed,
        Outcome::Retry(_) if attempts >= max_attempts => MessageStatus::Dead,
        Outcome::Retry(_) => MessageStatus::Queued,
    }
}

/// What one attempt at a queued message leaves on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Settled {
    /// Its status's wire name.
    pub status: &'static str,
    /// When the next attempt is due (meaningful while `queued`).
    pub due: chrono::DateTime<chrono::Utc>,
    /// The failure kept, if any.
    pub error: Option<String>,
}

/// Settles attempt number `attempts` of a queued message that ended with `outcome`: its new
/// status, the backoff before the next attempt, the error to keep (the outboxes beside the
/// campaign's share this).
pub fn settle_attempt(
    outcome: Outcome,
    attempts: u32,
    max_attempts: u32,
    base: std::time::Duration,
    now: chrono::DateTime<chrono::Utc>,
) -> Settled {
    let status = after_attempt(&outcome, attempts, max_attempts.max(1)).as_str();
    let wait = backoff(attempts, base, rand::random());
    let due = now + chrono::Duration::from_std(wait).unwrap_or_default();
    let error = match outcome {
        Outcome::Sent => None,
        Outcome::Retry(e) | Outcome::Refused(e) => Some(e),
    };
    Settled { status, due, error }
}

/// Skipped members by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// Unsubscribed or withdrew consent.
    pub unsubscribed: u64,
    /// No consent recorded while it is required.
    pub no_consent: u64,
    /// Hard-bounced.
    pub bounced: u64,
    /// Marked `do_not_contact`.
    pub do_not_contact: u64,
}

impl Skipped {
    /// Counts one more for `reason`.
    pub fn add(&mut self, reason: SkipReason) {
        match reason {
            SkipReason::Unsubscribed => self.unsubscribed += 1,
            SkipReason::NoConsent => self.no_consent += 1,
            SkipReason::Bounced => self.bounced += 1,
            SkipReason::DoNotContact => self.do_not_contact += 1,
        }
    }

    /// All skipped.
    pub fn total(&self) -> u64 {
        self.unsubscribed + self.no_consent + self.bounced + self.do_not_contact
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_won_deal_goes_to_the_last_campaign_that_reached_its_contacts() {
        let sends =
            [("c1".to_string(), "2026-03-01T10:00:00Z".to_string()), ("c2".into(), "2026-03-05T10:00:00Z".into())];
        assert_eq!(last_touch(&sends), Some("c2"));
        assert_eq!(last_touch(&[]), None);
        let event = |kind: &str, stage: &str| crate::domain::history::ChangeEvent {
            id: "e".into(),
            entity: "deal".into(),
            entity_id: "d".into(),
            version: 1,
            kind: kind.into(),
            changes: [(
                "stage".to_string(),
                crate::domain::history::FieldChange { old: serde_json::Value::Null, new: serde_json::json!(stage) },
            )]
            .into(),
            actor: "user:u".into(),
            source: "api".into(),
            trace_id: "-".into(),
            trigger_id: None,
            at: "t".into(),
        };
        assert!(is_win(&event("won", "won")));
        assert!(is_win(&event("created", "won")));
        assert!(!is_win(&event("created", "proposal")));
        assert!(!is_win(&event("updated", "proposal")));
    }

    fn contact(dnc: bool) -> Contact {
        let new = crate::domain::contacts::NewContact::parse(crate::domain::contacts::ContactInput {
            email: Some("ann@example.com".into()),
            first_name: Some("Ann".into()),
            do_not_contact: Some(dnc),
            ..Default::default()
        })
        .unwrap();
        Contact::create("c1".into(), new, "t0")
    }

    #[test]
    fn the_first_reason_that_holds_leaves_a_contact_out() {
        let bounced = Reach { suppressed: Some(Suppressed::Bounced), consent: Some(ConsentStatus::Granted) };
        assert_eq!(exclusion(&contact(true), bounced, false), Some(SkipReason::DoNotContact));
        assert_eq!(exclusion(&contact(false), bounced, false), Some(SkipReason::Bounced));
        let unsub = Reach { suppressed: Some(Suppressed::Unsubscribed), consent: None };
        assert_eq!(exclusion(&contact(false), unsub, false), Some(SkipReason::Unsubscribed));
        let withdrawn = Reach { suppressed: None, consent: Some(ConsentStatus::Withdrawn) };
        assert_eq!(exclusion(&contact(false), withdrawn, false), Some(SkipReason::Unsubscribed));
        assert_eq!(exclusion(&contact(false), Reach::default(), false), None);
        assert_eq!(exclusion(&contact(false), Reach::default(), true), Some(SkipReason::NoConsent));
        let granted = Reach { suppressed: None, consent: Some(ConsentStatus::Granted) };
        assert_eq!(exclusion(&contact(false), granted, true), None);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_a_cap() {
        let base = Duration::from_secs(10);
        assert_eq!(backoff(1, base, 0.5), Duration::from_secs(10));
        assert_eq!(backoff(3, base, 0.5), Duration::from_secs(40));
        assert_eq!(backoff(2, base, 0.0), Duration::from_secs(10));
        assert!(backoff(2, base, 0.999) < Duration::from_secs(30));
        assert_eq!(backoff(30, base, 0.5), Duration::from_secs(3600));
    }

    #[test]
    fn attempts_end_in_sent_failed_retry_or_dead() {
        assert_eq!(after_attempt(&Outcome::Sent, 1, 3), MessageStatus::Sent);
        assert_eq!(after_attempt(&Outcome::Refused("550".into()), 1, 3), MessageStatus::Failed);
        assert_eq!(after_attempt(&Outcome::Retry("421".into()), 2, 3), MessageStatus::Queued);
        assert_eq!(after_attempt(&Outcome::Retry("421".into()), 3, 3), MessageStatus::Dead);
    }

    #[test]
    fn merge_values_fill_what_the_contact_has() {
        let values = merge_values(&contact(false), Some("Acme"));
        assert_eq!(values["first_name"], "Ann");
        assert_eq!(values["full_name"], "Ann");
        assert_eq!(values["company_name"], "Acme");
        assert!(!values.contains_key("last_name"));
    }
}
