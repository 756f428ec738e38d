//! Cases: customer issues a team owes an answer, their interactions, closing and reopening.

use serde::{Deserialize, Serialize};

use serde_json::{Map, Value};

use super::custom::CustomValues;
use super::deals::parse_ref;
use super::fields::{DomainError, Issues};

/// How urgent a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Low.
    Low,
    /// Normal (default).
    Normal,
    /// High.
    High,
    /// Urgent.
    Urgent,
}

impl Priority {
    /// Every priority.
    pub const ALL: [Priority; 4] = [Priority::Low, Priority::Normal, Priority::High, Priority::Urgent];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<Priority> {
        let raw = raw.trim().to_ascii_lowercase();
        Priority::ALL.into_iter().find(|p| p.as_str() == raw)
    }
}

/// Whether a case still needs an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being worked.
    Open,
    /// Resolved.
    Closed,
}

impl CaseStatus {
    /// Parses a wire name (case-insensitive).
    pub fn parse(raw: &str) -> Option<CaseStatus> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "open" => Some(CaseStatus::Open),
            "closed" => Some(CaseStatus::Closed),
            _ => None,
        }
    }

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
        }
    }
}

/// A support or account issue of a company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportCase {
    /// Id (UUIDv7).
    pub id: String,
    /// The customer company.
    pub company_id: String,
    /// The person who raised it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// Subject.
    pub subject: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Priority.
    pub priority: Priority,
    /// Open or closed.
    pub status: CaseStatus,
    /// The user working it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// How it was resolved (set when closed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// When it was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    /// Values of the custom fields (domain/custom.rs).
    #[serde(default, skip_serializing_if = "CustomValues::is_empty")]
    pub custom: CustomValues,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// When it was opened.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Untrusted case fields (`Some(None)` = explicit null in a patch).
#[derive(Debug, Clone, Default)]
pub struct CaseInput {
    /// Company.
    pub company_id: Option<Option<String>>,
    /// Contact.
    pub contact_id: Option<Option<String>>,
    /// Subject.
    pub subject: Option<Option<String>>,
    /// Description.
    pub description: Option<Option<String>>,
    /// Priority.
    pub priority: Option<Option<String>>,
    /// Owner.
    pub owner_id: Option<Option<String>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
}

/// A validated change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CasePatch {
    /// Company (cannot be cleared).
    pub company_id: Option<String>,
    /// Contact.
    pub contact_id: Option<Option<String>>,
    /// Subject (cannot be cleared).
    pub subject: Option<String>,
    /// Description.
    pub description: Option<Option<String>>,
    /// Priority.
    pub priority: Option<Priority>,
    /// Owner.
    pub owner_id: Option<Option<String>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
}

impl CasePatch {
    /// Validates untrusted fields.
    pub fn parse(input: CaseInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let company_id = input.company_id.map(|c| {
            let id = parse_ref(&mut issues, "company_id", c.clone());
            if c.is_none_or(|c| c.trim().is_empty()) {
                issues.add("company_id", "is required");
            }
            id.unwrap_or_default()
        });
        let priority = match input.priority {
            None | Some(None) => None,
            Some(Some(p)) => {
                let parsed = Priority::parse(&p);
                if parsed.is_none() {
                    issues.add("priority", "must be one of low, normal, high, urgent");
                }
                parsed
            }
        };
        let patch = CasePatch {
            company_id,
            contact_id: input.contact_id.map(|c| parse_ref(&mut issues, "contact_id", c)),
            subject: input.subject.map(|s| issues.required_text("subject", s, 300)),
            description: input.description.map(|d| issues.text("description", d, 20_000)),
            priority,
            owner_id: input.owner_id.map(|o| parse_ref(&mut issues, "owner_id", o)),
            custom: input.custom,
        };
        issues.finish(patch)
    }
}

impl SupportCase {
    /// A new open case; `company_id` and `subject` are required.
    pub fn open(id: String, patch: CasePatch, now: &str) -> Result<SupportCase, DomainError> {
        let mut issues = Issues::default();
        if patch.company_id.is_none() {
            issues.add("company_id", "is required");
        }
        if patch.subject.is_none() {
            issues.add("subject", "is required");
        }
        let case = SupportCase {
            id,
            company_id: patch.company_id.clone().unwrap_or_default(),
            contact_id: None,
            subject: String::new(),
            description: None,
            priority: Priority::Normal,
            status: CaseStatus::Open,
            owner_id: None,
            resolution: None,
            closed_at: None,
            custom: Default::default(),
            version: 0,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        }
        .apply(patch, now);
        issues.finish(case)
    }

    /// The case after `patch`, one version later.
    pub fn apply(&self, patch: CasePatch, now: &str) -> SupportCase {
        let mut next = self.clone();
        if let Some(custom) = &patch.custom {
            next.custom = super::custom::merge(&self.custom, custom);
        }
        if let Some(v) = patch.company_id {
            next.company_id = v;
        }
        if let Some(v) = patch.contact_id {
            next.contact_id = v;
        }
        if let Some(v) = patch.subject {
            next.subject = v;
        }
        if let Some(v) = patch.description {
            next.description = v;
        }
        if let Some(v) = patch.priority {
            next.priority = v;
        }
        if let Some(v) = patch.owner_id {
            next.owner_id = v;
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The case closed with an optional resolution; `None` when it is closed already.
    pub fn close(&self, resolution: Option<String>, now: &str) -> Option<SupportCase> {
        if self.status == CaseStatus::Closed {
            return None;
        }
        let mut next = self.apply(CasePatch::default(), now);
        next.status = CaseStatus::Closed;
        next.resolution = resolution;
        next.closed_at = Some(now.to_string());
        Some(next)
    }

    /// The case open again; `None` when it is open.
    pub fn reopen(&self, now: &str) -> Option<SupportCase> {
        if self.status == CaseStatus::Open {
            return None;
        }
        let mut next = self.apply(CasePatch::default(), now);
        next.status = CaseStatus::Open;
        next.resolution = None;
        next.closed_at = None;
        Some(next)
    }
}

/// Kinds of case interactions.
pub const INTERACTION_KINDS: [&str; 4] = ["note", "call", "email", "meeting"];

/// One exchange on a case: a note, call, email or meeting. Immutable once written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// Id (UUIDv7).
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The case's contact when it was written (its timeline shows the interaction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// `note`, `call`, `email`, `meeting`.
    pub kind: String,
    /// Text.
    pub body: String,
    /// Who wrote it.
    pub actor: String,
    /// Always 1.
    pub version: i64,
    /// When.
    pub created_at: String,
    /// Same as `created_at`.
    pub updated_at: String,
}

impl Interaction {
    /// Validates a new interaction on `case`.
    pub fn new(
        id: String,
        case: &SupportCase,
        kind: Option<String>,
        body: Option<String>,
        actor: &str,
        now: &str,
    ) -> Result<Interaction, DomainError> {
        let mut issues = Issues::default();
        let kind = kind.map(|k| k.trim().to_ascii_lowercase()).unwrap_or_default();
        if !INTERACTION_KINDS.contains(&kind.as_str()) {
            issues.add("kind", "must be one of note, call, email, meeting");
        }
        let body = issues.required_text("body", body, 20_000);
        issues.finish(Interaction {
            id,
            case_id: case.id.clone(),
            contact_id: case.contact_id.clone(),
            kind,
            body,
            actor: actor.to_string(),
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> SupportCase {
        let patch = CasePatch::parse(CaseInput {
            company_id: Some(Some("0193a000-0000-7000-8000-000000000001".into())),
            subject: Some(Some("Invoice wrong".into())),
            ..Default::default()
        })
        .unwrap();
        SupportCase::open("c1".into(), patch, "t0").unwrap()
    }

    #[test]
    fn a_case_opens_normal_and_needs_a_company_and_subject() {
        let c = case();
        assert_eq!((c.status, c.priority, c.version), (CaseStatus::Open, Priority::Normal, 1));
        let DomainError::Invalid(issues) = SupportCase::open("c2".into(), CasePatch::default(), "t0").unwrap_err()
        else {
            panic!()
        };
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["company_id", "subject"]);
        assert!(CasePatch::parse(CaseInput { priority: Some(Some("asap".into())), ..Default::default() }).is_err());
    }

    #[test]
    fn a_case_closes_once_and_reopens_once() {
        let c = case();
        assert!(c.reopen("t1").is_none());
        let closed = c.close(Some("Credit note sent".into()), "t1").unwrap();
        assert_eq!((closed.status, closed.closed_at.as_deref(), closed.version), (CaseStatus::Closed, Some("t1"), 2));
        assert!(closed.close(None, "t2").is_none());
        let open = closed.reopen("t2").unwrap();
        assert_eq!((open.status, open.resolution, open.closed_at, open.version), (CaseStatus::Open, None, None, 3));
    }

    #[test]
    fn interactions_need_a_known_kind_and_a_body() {
        let c = case();
        assert!(Interaction::new("i".into(), &c, Some("Call".into()), Some("Rang".into()), "user:u", "t").is_ok());
        assert!(Interaction::new("i".into(), &c, Some("fax".into()), Some("x".into()), "user:u", "t").is_err());
        assert!(Interaction::new("i".into(), &c, Some("note".into()), Some(" ".into()), "user:u", "t").is_err());
    }
}
