//! Timeline entries: what happened with a contact (notes, calls, meetings, emails, changes).

use serde::{Deserialize, Serialize};

use super::fields::{DomainError, Issues};
use super::history::ChangeEvent;

/// Kinds a person can log by hand.
pub const MANUAL_KINDS: [&str; 4] = ["note", "call", "meeting", "email"];
/// Kind of the entries that mirror the contact's own change events.
pub const CHANGE_KIND: &str = "change";

/// One entry on a contact's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Id (UUIDv7 made from `at`, so ids sort by `at`).
    pub id: String,
    /// The contact.
    pub contact_id: String,
    /// `note`, `call`, `meeting`, `email` or `change`.
    pub kind: String,
    /// Text; for changes, a summary naming the changed fields.
    pub body: String,
    /// Who logged it.
    pub actor: String,
    /// `api`, `import`, `campaign`, ...
    pub source: String,
    /// When it happened.
    pub at: String,
    /// When it was recorded.
    pub created_at: String,
    /// For `change` entries: the change event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_event_id: Option<String>,
    /// For `change` entries: `created`, `updated`, `deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_kind: Option<String>,
    /// For `change` entries: the record's version after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// For `change` entries: names of the changed fields (never their values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<String>>,
    /// For entries about another record (a deal, case or task): its kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// For entries about another record: its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
}

/// Validated input for a hand-logged entry.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    /// One of [`MANUAL_KINDS`].
    pub kind: String,
    /// Text, 1 to 20,000 characters.
    pub body: String,
}

impl NewEntry {
    /// Validates untrusted input.
    pub fn parse(kind: Option<String>, body: Option<String>) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let kind = kind.map(|k| k.trim().to_lowercase()).unwrap_or_default();
        if !MANUAL_KINDS.contains(&kind.as_str()) {
            issues.add("kind", "must be one of note, call, meeting, email");
        }
        let body = issues.required_text("body", body, 20_000);
        issues.finish(NewEntry { kind, body })
    }
}

/// The timeline entry mirroring a contact's change event.
pub fn entry_for_change(event: &ChangeEvent, id: String) -> TimelineEntry {
    let fields: Vec<String> = event.changes.keys().cloned().collect();
    let body = match event.kind.as_str() {
        "created" => "Contact created".to_string(),
        "deleted" => "Contact deleted".to_string(),
        kind if fields.is_empty() => format!("Contact {kind}"),
        kind => format!("Contact {kind}: {}", fields.join(", ")),
    };
    TimelineEntry {
        id,
        contact_id: event.entity_id.clone(),
        kind: CHANGE_KIND.into(),
        body,
        actor: event.actor.clone(),
        source: event.source.clone(),
        at: event.at.clone(),
        created_at: event.at.clone(),
        change_event_id: Some(event.id.clone()),
        change_kind: Some(event.kind.clone()),
        version: Some(event.version),
        fields: Some(fields),
        entity: None,
        entity_id: None,
    }
}

/// Kinds of the entries about records that name a contact (deals, cases, tasks).
pub const RECORD_KINDS: [&str; 3] = ["deal", "case", "task"];

/// The entry on `contact_id`'s timeline for a change to a record that names the contact
/// (`Deal won: Audit`), or `body` as given (a case interaction, `kind` its own).
pub fn entry_for_record(event: &ChangeEvent, contact_id: &str, noun: &str, title: &str, id: String) -> TimelineEntry {
    let mut noun_upper = noun.to_string();
    if let Some(first) = noun_upper.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    TimelineEntry {
        id,
        contact_id: contact_id.to_string(),
        kind: noun.to_string(),
        body: format!("{noun_upper} {}: {title}", event.kind),
        actor: event.actor.clone(),
        source: event.source.clone(),
        at: event.at.clone(),
        created_at: event.at.clone(),
        change_event_id: Some(event.id.clone()),
        change_kind: Some(event.kind.clone()),
        version: Some(event.version),
        fields: Some(event.changes.keys().cloned().collect()),
        entity: Some(event.entity.clone()),
        entity_id: Some(event.entity_id.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_manual_kinds_and_a_body_are_accepted() {
        assert!(NewEntry::parse(Some("Note".into()), Some("hi".into())).is_ok());
        assert!(NewEntry::parse(Some("change".into()), Some("hi".into())).is_err());
        assert!(NewEntry::parse(Some("call".into()), Some("   ".into())).is_err());
    }
}
