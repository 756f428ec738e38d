//! Outgoing webhooks: subscriptions to change events (`contact.created`, `deal.updated`, ...),
//! the event names the change feed maps to, and the addresses a delivery may never reach.

use super::custom::{is_object_name, CUSTOM_TABLE_PREFIX};
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::fields::{DomainError, Issues};

/// Entities a subscription can name, as events call them.
pub const ENTITIES: [&str; 8] = ["contact", "company", "deal", "case", "task", "campaign", "segment", "consent"];
/// Kinds a subscription can name.
pub const KINDS: [&str; 3] = ["created", "updated", "deleted"];
/// Most event patterns per subscription.
pub const MAX_EVENTS: usize = 50;

/// A subscription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Webhook {
    /// Id (UUIDv7).
    pub id: String,
    /// Where deliveries go (`http` or `https`).
    pub url: String,
    /// Event patterns: `contact.created`, `deal.*`, `*`.
    pub events: Vec<String>,
    /// The signing key (shown once, when created).
    pub secret: String,
    /// Events numbered after this one are delivered (the feed's position when it was created).
    pub from: i64,
    /// Who created it.
    pub created_by: String,
    /// When.
    pub created_at: String,
}

/// A validated new subscription.
#[derive(Debug, Clone, PartialEq)]
pub struct NewWebhook {
    /// Target URL.
    pub url: String,
    /// Event patterns.
    pub events: Vec<String>,
}

impl NewWebhook {
    /// Validates a URL (absolute `http(s)`, a host, no credentials) and event patterns (each
    /// `<entity>.<kind>`, either part `*`).
    pub fn parse(url: Option<String>, events: Option<Vec<String>>) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let url = url.map(|u| u.trim().to_string()).unwrap_or_default();
        match reqwest::Url::parse(&url) {
            Ok(u) if !matches!(u.scheme(), "http" | "https") => issues.add("url", "must be an http or https URL"),
            Ok(u) if u.host_str().is_none_or(str::is_empty) => issues.add("url", "must name a host"),
            Ok(u) if !u.username().is_empty() || u.password().is_some() => {
                issues.add("url", "must not carry credentials; deliveries are signed")
            }
            Ok(_) if url.len() > 2000 => issues.add("url", "must be at most 2000 characters"),
            Ok(_) => {}
            Err(_) => issues.add("url", "must be an absolute http or https URL"),
        }
        let events = events.unwrap_or_default();
        if events.is_empty() {
            issues.add("events", "must name at least one event, e.g. contact.created");
        }
        if events.len() > MAX_EVENTS {
            issues.add("events", format!("at most {MAX_EVENTS} patterns"));
        }
        let mut patterns: Vec<String> = Vec::new();
        for (i, raw) in events.iter().enumerate() {
            let p = raw.trim().to_ascii_lowercase();
            let valid = p == "*"
                || p == CAMPAIGN_MESSAGE
                || p == "custom.*"
                || valid_custom(&p)
                || p.split_once('.').is_some_and(|(e, k)| {
                    (e == "*" || ENTITIES.contains(&e) || is_object_name(e)) && (k == "*" || KINDS.contains(&k))
                });
            if !valid {
                issues.add(
                    format!("events[{i}]"),
                    format!(
                        "must be <entity>.<kind> with entity one of {} or a custom object's name, and kind one of {} (or *), {CAMPAIGN_MESSAGE}, or custom.<name>",
                        ENTITIES.join(", "),
                        KINDS.join(", ")
                    ),
                );
            } else if !patterns.contains(&p) {
                patterns.push(p);
            }
        }
        issues.finish(NewWebhook { url, events: patterns })
    }
}

/// The event of a campaign's webhook channel: one POST per recipient, made when the campaign
/// sends. Only a subscription naming it exactly takes it (`*` or `campaign.*` do not, so a
/// subscriber to campaign changes is not flooded with one call per recipient).
pub const CAMPAIGN_MESSAGE: &str = "campaign.message";

/// Events an integration sends through the API (gRPC `SendWebhook`) are named `custom.<name>`;
/// only `custom.*` or the exact name subscribes to them (no wildcard floods a subscriber).
pub const CUSTOM_PREFIX: &str = "custom.";

/// Whether `name` is a custom event name: `custom.` then 1 to 60 of `a-z0-9_-`.
pub fn valid_custom(name: &str) -> bool {
    name.strip_prefix(CUSTOM_PREFIX).is_some_and(|rest| {
        !rest.is_empty()
            && rest.len() <= 60
            && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
    })
}

/// The public name of a change event (`contact.created`; a domain kind such as a deal won or a
/// merge is an update), `None` for records no subscription sees (users, keys, assets, ...).
pub fn event_name(entity: &str, kind: &str) -> Option<String> {
    let entity = match entity {
        "support_case" => "case",
        other if ENTITIES.contains(&other) => other,
        // A custom object's records: `contract.created` for table `obj_contract`.
        other => match other.strip_prefix(CUSTOM_TABLE_PREFIX) {
            Some(name) if is_object_name(name) => name,
            _ => return None,
        },
    };
    let kind = if KINDS.contains(&kind) { kind } else { "updated" };
    Some(format!("{entity}.{kind}"))
}

/// Whether a subscription's patterns take the event `name`.
pub fn matches(patterns: &[String], name: &str) -> bool {
    if name == CAMPAIGN_MESSAGE {
        return patterns.iter().any(|p| p == name);
    }
    if name.starts_with(CUSTOM_PREFIX) {
        return patterns.iter().any(|p| p == name || p == "custom.*");
    }
    let Some((entity, kind)) = name.split_once('.') else { return false };
    patterns.iter().any(|p| {
        p == "*" || p.split_once('.').is_some_and(|(pe, pk)| (pe == "*" || pe == entity) && (pk == "*" || pk == kind))
    })
}

/// Why a delivery may not go to `ip` (unless private targets are allowed): loopback, private,
/// link-local (cloud metadata lives there), unspecified, multicast, shared or documentation
/// ranges, and their IPv6 forms.
pub fn forbidden(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            if v4.is_loopback() {
                Some("loopback")
            } else if v4.is_private() {
                Some("private")
            } else if v4.is_link_local() {
                Some("link-local (cloud metadata)")
            } else if v4.is_unspecified() || o[0] == 0 {
                Some("unspecified")
            } else if v4.is_multicast() || v4.is_broadcast() || o[0] >= 240 {
                Some("multicast or reserved")
            } else if o[0] == 100 && (64..128).contains(&o[1]) {
                Some("shared address space")
            } else if v4.is_documentation() || (o[0] == 198 && (o[1] == 18 || o[1] == 19)) {
                Some("documentation or benchmarking")
            } else {
                None
            }
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return forbidden(IpAddr::V4(v4));
            }
            let s = v6.segments();
            if v6.is_loopback() {
                Some("loopback")
            } else if v6.is_unspecified() {
                Some("unspecified")
            } else if (s[0] & 0xfe00) == 0xfc00 {
                Some("private")
            } else if (s[0] & 0xffc0) == 0xfe80 {
                Some("link-local (cloud metadata)")
            } else if v6.is_multicast() {
                Some("multicast or reserved")
            } else if s[0] == 0x64 && s[1] == 0xff9b {
                // NAT64: the IPv4 address inside decides.
                let v4 = std::net::Ipv4Addr::new((s[6] >> 8) as u8, s[6] as u8, (s[7] >> 8) as u8, s[7] as u8);
                forbidden(IpAddr::V4(v4))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SSRF table: what a webhook may never reach.
    #[test]
    fn private_loopback_link_local_and_metadata_targets_are_refused() {
        let table: &[(&str, Option<&str>)] = &[
            ("127.0.0.1", Some("loopback")),
            ("127.255.0.9", Some("loopback")),
            ("10.0.0.1", Some("private")),
            ("172.16.5.4", Some("private")),
            ("192.168.1.1", Some("private")),
            ("169.254.169.254", Some("link-local (cloud metadata)")),
            ("0.0.0.0", Some("unspecified")),
            ("100.64.0.1", Some("shared address space")),
            ("224.0.0.1", Some("multicast or reserved")),
            ("255.255.255.255", Some("multicast or reserved")),
            ("::1", Some("loopback")),
            ("::", Some("unspecified")),
            ("fd00::1", Some("private")),
            ("fe80::1", Some("link-local (cloud metadata)")),
            ("::ffff:127.0.0.1", Some("loopback")),
            ("::ffff:169.254.169.254", Some("link-local (cloud metadata)")),
            ("64:ff9b::a00:1", Some("private")),
            ("93.184.216.34", None),
            ("8.8.8.8", None),
            ("2606:4700:4700::1111", None),
        ];
        for (ip, why) in table {
            assert_eq!(forbidden(ip.parse().unwrap()), *why, "{ip}");
        }
    }

    #[test]
    fn subscriptions_name_known_events_and_match_them() {
        let ok = NewWebhook::parse(
            Some(" https://hooks.example.com/crm ".into()),
            Some(vec!["contact.created".into(), "Deal.*".into(), "contact.created".into()]),
        )
        .unwrap();
        assert_eq!(ok.url, "https://hooks.example.com/crm");
        assert_eq!(ok.events, ["contact.created", "deal.*"]);
        assert!(matches(&ok.events, "deal.updated"));
        assert!(matches(&ok.events, "contact.created"));
        assert!(!matches(&ok.events, "contact.updated"));
        assert!(matches(&["*".to_string()], "task.deleted"));
        assert!(matches(&["*.deleted".to_string()], "task.deleted"));
        // One call per recipient goes only to those who ask for it by name.
        let channel = NewWebhook::parse(Some("https://h.example.com".into()), Some(vec!["campaign.message".into()]));
        assert!(matches(&channel.unwrap().events, CAMPAIGN_MESSAGE));
        assert!(!matches(&["*".to_string(), "campaign.*".to_string()], CAMPAIGN_MESSAGE));
        let Err(DomainError::Invalid(issues)) =
            NewWebhook::parse(Some("ftp://x".into()), Some(vec!["user.created".into(), "contact.won".into()]))
        else {
            panic!("invalid")
        };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["url", "events[0]", "events[1]"]);
        assert!(NewWebhook::parse(Some("https://u:p@example.com".into()), Some(vec!["*".into()])).is_err());
        assert!(NewWebhook::parse(Some("https://example.com".into()), Some(vec![])).is_err());
        assert_eq!(event_name("support_case", "created").as_deref(), Some("case.created"));
        assert_eq!(event_name("deal", "won").as_deref(), Some("deal.updated"));
        assert_eq!(event_name("user", "created"), None);
        assert_eq!(event_name("obj_contract", "deleted").as_deref(), Some("contract.deleted"));
        assert_eq!(event_name("obj_", "created"), None);
    }
}
