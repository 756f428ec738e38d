//! The consent ledger: what a contact agreed to (or withdrew), on which channel, for which
//! purpose, in which words, from where. Append-only; the latest entry per channel and purpose
//! (by `at`) is the contact's state.

use serde::{Deserialize, Serialize};

use super::fields::{DomainError, Issues};

/// Channels consent is recorded for.
pub const CHANNELS: [&str; 6] = ["email", "sms", "phone", "push", "post", "whatsapp"];

/// The purpose when none is given.
pub const DEFAULT_PURPOSE: &str = "marketing";

/// Granted or withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentStatus {
    /// The contact agreed.
    Granted,
    /// The contact withdrew (or never agreed and said so: an unsubscribe).
    Withdrawn,
}

impl ConsentStatus {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentStatus::Granted => "granted",
            ConsentStatus::Withdrawn => "withdrawn",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<ConsentStatus> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "granted" => Some(ConsentStatus::Granted),
            "withdrawn" => Some(ConsentStatus::Withdrawn),
            _ => None,
        }
    }
}

/// One entry of the ledger. Immutable once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    /// Id (UUIDv7).
    pub id: String,
    /// The contact.
    pub contact_id: String,
    /// `email`, `sms`, `phone`, `push`, `post`, `whatsapp`.
    pub channel: String,
    /// What for (`marketing`, `newsletter`, `events`, ...).
    pub purpose: String,
    /// Granted or withdrawn.
    pub status: ConsentStatus,
    /// The exact wording the contact saw (required when granted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Where it was given: `api`, `form`, `import`, `unsubscribe`, `phone call`, ...
    pub source: String,
    /// The address it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// When the contact gave or withdrew it (default: when it was recorded).
    pub at: String,
    /// Who recorded it.
    pub recorded_by: String,
    /// Always 1.
    pub version: i64,
    /// When it was recorded.
    pub created_at: String,
    /// Same as `created_at`.
    pub updated_at: String,
}

/// Untrusted fields of a new entry.
#[derive(Debug, Clone, Default)]
pub struct ConsentInput {
    /// Channel.
    pub channel: Option<String>,
    /// Purpose.
    pub purpose: Option<String>,
    /// Status.
    pub status: Option<String>,
    /// Wording.
    pub text: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// IP address.
    pub ip: Option<String>,
    /// When.
    pub at: Option<String>,
}

impl Consent {
    /// Validates a new entry for `contact_id`, recorded by `actor` at `now`; `at` may not lie in
    /// the future.
    pub fn new(
        id: String,
        contact_id: &str,
        input: ConsentInput,
        actor: &str,
        now: &str,
    ) -> Result<Consent, DomainError> {
        let mut issues = Issues::default();
        let channel = input.channel.map(|c| c.trim().to_ascii_lowercase()).unwrap_or_default();
        if !CHANNELS.contains(&channel.as_str()) {
            issues.add("channel", format!("must be one of {}", CHANNELS.join(", ")));
        }
        let purpose = issues
            .text("purpose", input.purpose, 100)
            .map(|p| p.to_lowercase())
            .unwrap_or_else(|| DEFAULT_PURPOSE.to_string());
        let status = match input.status.as_deref().map(ConsentStatus::parse) {
            Some(Some(s)) => s,
            _ => {
                issues.add("status", "must be granted or withdrawn");
                ConsentStatus::Withdrawn
            }
        };
        let text = issues.text("text", input.text, 5000);
        if status == ConsentStatus::Granted && text.is_none() {
            issues.add("text", "is required when consent is granted: the exact wording the contact agreed to");
        }
        let source = issues.text("source", input.source, 50).unwrap_or_else(|| "api".to_string());
        let ip = issues.text("ip", input.ip, 45);
        if let Some(ip) = &ip {
            if ip.parse::<std::net::IpAddr>().is_err() {
                issues.add("ip", "must be an IPv4 or IPv6 address");
            }
        }
        let at = match issues.text("at", input.at, 40) {
            None => now.to_string(),
            Some(raw) => match super::ids::parse_ts(&raw) {
                Some(at) if super::ids::format_ts(at).as_str() <= now => super::ids::format_ts(at),
                Some(_) => {
                    issues.add("at", "may not be in the future");
                    now.to_string()
                }
                None => {
                    issues.add("at", "must be an RFC 3339 time such as 2026-05-12T09:00:00Z");
                    now.to_string()
                }
            },
        };
        issues.finish(Consent {
            id,
            contact_id: contact_id.to_string(),
            channel,
            purpose,
            status,
            text,
            source,
            ip,
            at,
            recorded_by: actor.to_string(),
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        })
    }

    /// The key of the state this entry decides: one per contact, channel and purpose.
    pub fn state_key(&self) -> String {
        format!("{}|{}|{}", self.contact_id, self.channel, self.purpose)
    }
}

/// The contact's state per channel and purpose: the latest entry of each (by `at`, then by
/// when it was recorded).
pub fn current(entries: &[Consent]) -> Vec<&Consent> {
    let mut latest: Vec<&Consent> = Vec::new();
    for entry in entries {
        match latest.iter_mut().find(|c| c.channel == entry.channel && c.purpose == entry.purpose) {
            Some(held) => {
                if (entry.at.as_str(), entry.id.as_str()) > (held.at.as_str(), held.id.as_str()) {
                    *held = entry;
                }
            }
            None => latest.push(entry),
        }
    }
    latest.sort_by(|a, b| (a.channel.as_str(), a.purpose.as_str()).cmp(&(b.channel.as_str(), b.purpose.as_str())));
    latest
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-30T12:00:00.000000Z";

    fn entry(id: &str, channel: &str, status: &str, at: Option<&str>) -> Result<Consent, DomainError> {
        Consent::new(
            id.into(),
            "c1",
            ConsentInput {
                channel: Some(channel.into()),
                status: Some(status.into()),
                text: Some("Yes, send me the newsletter.".into()),
                at: at.map(String::from),
                ..Default::default()
            },
            "user:u",
            NOW,
        )
    }

    #[test]
    fn entries_are_checked() {
        let ok = entry("a", "Email", "granted", Some("2026-11-01T10:00:00+01:00")).unwrap();
        assert_eq!((ok.channel.as_str(), ok.purpose.as_str(), ok.source.as_str()), ("email", "marketing", "api"));
        assert_eq!(ok.at, "2026-11-01T09:00:00.000000Z");
        let DomainError::Invalid(issues) = Consent::new(
            "b".into(),
            "c1",
            ConsentInput {
                channel: Some("fax".into()),
                status: Some("granted".into()),
                ip: Some("999.1.1.1".into()),
                at: Some("2030-01-01T00:00:00Z".into()),
                ..Default::default()
            },
            "user:u",
            NOW,
        )
        .unwrap_err() else {
            panic!("invalid")
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["channel", "text", "ip", "at"]);
        assert!(entry("c", "sms", "withdrawn", None).is_ok(), "withdrawing needs no wording");
    }

    #[test]
    fn the_latest_entry_per_channel_and_purpose_is_the_state() {
        let entries = vec![
            entry("01", "email", "granted", Some("2026-10-01T00:00:00Z")).unwrap(),
            entry("02", "email", "withdrawn", Some("2026-11-01T00:00:00Z")).unwrap(),
            // Recorded later, but given earlier (a paper form typed in): not the latest.
            entry("03", "email", "granted", Some("2026-09-01T00:00:00Z")).unwrap(),
            entry("04", "sms", "granted", None).unwrap(),
        ];
        let state: Vec<(&str, ConsentStatus)> =
            current(&entries).iter().map(|c| (c.channel.as_str(), c.status)).collect();
        assert_eq!(state, [("email", ConsentStatus::Withdrawn), ("sms", ConsentStatus::Granted)]);
    }
}
