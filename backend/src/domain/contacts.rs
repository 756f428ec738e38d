//! Contacts: the entity, its lifecycle state machine, creation and partial updates.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::custom::CustomValues;

use super::fields::{check_phone, parse_email, parse_tags, DomainError, Issues};

pub use super::funnel::ContactStatus;

/// A person in the CRM, as stored now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Id (UUIDv7).
    pub id: String,
    /// Given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Unique, lower-cased email.
    pub email: String,
    /// Phone number as entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The company this person works for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<String>,
    /// Funnel status.
    pub status: ContactStatus,
    /// Where the contact came from (`web`, `import`, `referral`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Lower-cased labels.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Never to be sent campaigns (set by hand; unsubscribes and bounces are kept apart).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub do_not_contact: bool,
    /// Values of the custom fields (domain/custom.rs).
    #[serde(default, skip_serializing_if = "CustomValues::is_empty")]
    pub custom: CustomValues,
    /// The user who owns the contact (under a `private` sharing model, members see their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it last changed (RFC 3339).
    pub updated_at: String,
    /// The engagement score as last refreshed (an activity landed, or the decay job ran); not
    /// part of the history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

/// Validated input for a new contact.
#[derive(Debug, Clone, PartialEq)]
pub struct NewContact {
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Normalised email.
    pub email: String,
    /// Phone.
    pub phone: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Company id (existence is checked by the service).
    pub company_id: Option<String>,
    /// Initial status; any status is allowed at creation (imports).
    pub status: ContactStatus,
    /// Origin.
    pub source: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Never to be sent campaigns.
    pub do_not_contact: bool,
    /// Custom field values (checked against their definitions by the service).
    pub custom: CustomValues,
    /// Owner's user id (existence is checked by the write).
    pub owner_id: Option<String>,
}

/// Raw, untrusted fields of a new contact.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
    /// Email as typed.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Company id as typed.
    pub company_id: Option<String>,
    /// Status name.
    pub status: Option<String>,
    /// Origin.
    pub source: Option<String>,
    /// Tags.
    pub tags: Option<Vec<String>>,
    /// Never to be sent campaigns.
    pub do_not_contact: Option<bool>,
    /// Custom field values.
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id as typed.
    pub owner_id: Option<String>,
}

/// A partial update: `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactPatch {
    /// Given name.
    pub first_name: Option<Option<String>>,
    /// Family name.
    pub last_name: Option<Option<String>>,
    /// Email (cannot be cleared).
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<Option<String>>,
    /// Title.
    pub title: Option<Option<String>>,
    /// Company id.
    pub company_id: Option<Option<String>>,
    /// Status (checked against the state machine).
    pub status: Option<ContactStatus>,
    /// Origin.
    pub source: Option<Option<String>>,
    /// Tags (replaces the list).
    pub tags: Option<Vec<String>>,
    /// Never to be sent campaigns.
    pub do_not_contact: Option<bool>,
    /// Custom values to set (`null` removes one); others are kept.
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id.
    pub owner_id: Option<Option<String>>,
}

/// Raw, untrusted fields of a partial update (`Some(None)` = explicit null).
#[derive(Debug, Clone, Default)]
pub struct ContactPatchInput {
    /// Given name.
    pub first_name: Option<Option<String>>,
    /// Family name.
    pub last_name: Option<Option<String>>,
    /// Email.
    pub email: Option<Option<String>>,
    /// Phone.
    pub phone: Option<Option<String>>,
    /// Title.
    pub title: Option<Option<String>>,
    /// Company id.
    pub company_id: Option<Option<String>>,
    /// Status.
    pub status: Option<Option<String>>,
    /// Origin.
    pub source: Option<Option<String>>,
    /// Tags.
    pub tags: Option<Option<Vec<String>>>,
    /// Never to be sent campaigns (`null`: false).
    pub do_not_contact: Option<Option<bool>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id (`null`: no owner).
    pub owner_id: Option<Option<String>>,
}

const NAME_MAX: usize = 100;
const TITLE_MAX: usize = 200;
const PHONE_MAX: usize = 40;
const SOURCE_MAX: usize = 64;

fn company_ref(issues: &mut Issues, raw: Option<String>) -> Option<String> {
    let raw = raw.map(|r| r.trim().to_string()).filter(|r| !r.is_empty())?;
    match super::ids::parse_id(&raw) {
        Some(id) => Some(id),
        None => {
            issues.add("company_id", "is not a company id");
            None
        }
    }
}

fn owner_ref(issues: &mut Issues, raw: Option<String>) -> Option<String> {
    super::deals::parse_ref(issues, "owner_id", raw)
}

fn status_of(issues: &mut Issues, raw: &str) -> ContactStatus {
    ContactStatus::parse(raw).unwrap_or_else(|| {
        issues.add("status", "must be one of lead, mql, sql, opportunity, customer, churned");
        ContactStatus::Lead
    })
}

impl NewContact {
    /// Validates and normalises untrusted input.
    pub fn parse(input: ContactInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let email = match input.email.as_deref().map(parse_email) {
            Some(Ok(e)) => e,
            Some(Err(msg)) => {
                issues.add("email", msg);
                String::new()
            }
            None => {
                issues.add("email", "is required");
                String::new()
            }
        };
        let phone = issues.text("phone", input.phone, PHONE_MAX);
        check_phone(&mut issues, &phone);
        let new = NewContact {
            first_name: issues.text("first_name", input.first_name, NAME_MAX),
            last_name: issues.text("last_name", input.last_name, NAME_MAX),
            email,
            phone,
            title: issues.text("title", input.title, TITLE_MAX),
            company_id: company_ref(&mut issues, input.company_id),
            status: input.status.map(|s| status_of(&mut issues, &s)).unwrap_or_default(),
            source: issues.text("source", input.source, SOURCE_MAX),
            tags: parse_tags(&mut issues, input.tags.unwrap_or_default()),
            do_not_contact: input.do_not_contact.unwrap_or(false),
            custom: super::custom::initial(input.custom),
            owner_id: owner_ref(&mut issues, input.owner_id),
        };
        issues.finish(new)
    }
}

impl ContactPatch {
    /// Validates and normalises an untrusted partial update.
    pub fn parse(input: ContactPatchInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let email = match input.email {
            None => None,
            Some(None) => {
                issues.add("email", "cannot be removed");
                None
            }
            Some(Some(raw)) => match parse_email(&raw) {
                Ok(e) => Some(e),
                Err(msg) => {
                    issues.add("email", msg);
                    None
                }
            },
        };
        let status = match input.status {
            None => None,
            Some(None) => {
                issues.add("status", "cannot be removed");
                None
            }
            Some(Some(raw)) => Some(status_of(&mut issues, &raw)),
        };
        let phone = input.phone.map(|p| issues.text("phone", p, PHONE_MAX));
        if let Some(p) = &phone {
            check_phone(&mut issues, p);
        }
        let patch = ContactPatch {
            first_name: input.first_name.map(|v| issues.text("first_name", v, NAME_MAX)),
            last_name: input.last_name.map(|v| issues.text("last_name", v, NAME_MAX)),
            email,
            phone,
            title: input.title.map(|v| issues.text("title", v, TITLE_MAX)),
            company_id: input.company_id.map(|v| company_ref(&mut issues, v)),
            status,
            source: input.source.map(|v| issues.text("source", v, SOURCE_MAX)),
            tags: input.tags.map(|t| parse_tags(&mut issues, t.unwrap_or_default())),
            do_not_contact: input.do_not_contact.map(|v| v.unwrap_or(false)),
            custom: input.custom,
            owner_id: input.owner_id.map(|v| owner_ref(&mut issues, v)),
        };
        issues.finish(patch)
    }
}

impl Contact {
    /// A new contact at version 1.
    pub fn create(id: String, new: NewContact, now: &str) -> Self {
        Contact {
            id,
            first_name: new.first_name,
            last_name: new.last_name,
            email: new.email,
            phone: new.phone,
            title: new.title,
            company_id: new.company_id,
            status: new.status,
            source: new.source,
            tags: new.tags,
            do_not_contact: new.do_not_contact,
            custom: new.custom,
            owner_id: new.owner_id,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
            score: None,
        }
    }

    /// The contact after `patch`, one version later; a forbidden status change is refused.
    pub fn apply(&self, patch: ContactPatch, now: &str) -> Result<Self, DomainError> {
        let mut next = self.clone();
        if let Some(to) = patch.status {
            if !self.status.can_transition_to(to) {
                return Err(DomainError::InvalidTransition {
                    from: self.status.as_str().into(),
                    to: to.as_str().into(),
                });
            }
            next.status = to;
        }
        set(&mut next.first_name, patch.first_name);
        set(&mut next.last_name, patch.last_name);
        set(&mut next.phone, patch.phone);
        set(&mut next.title, patch.title);
        set(&mut next.company_id, patch.company_id);
        set(&mut next.source, patch.source);
        set(&mut next.owner_id, patch.owner_id);
        if let Some(email) = patch.email {
            next.email = email;
        }
        if let Some(tags) = patch.tags {
            next.tags = tags;
        }
        if let Some(dnc) = patch.do_not_contact {
            next.do_not_contact = dnc;
        }
        if let Some(custom) = &patch.custom {
            next.custom = super::custom::merge(&self.custom, custom);
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    /// Display name: "First Last", or the email when there is no name.
    pub fn display_name(&self) -> String {
        let name =
            [self.first_name.as_deref(), self.last_name.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            self.email.clone()
        } else {
            name
        }
    }

    fn searched(&self) -> [&str; 3] {
        [self.first_name.as_deref().unwrap_or(""), self.last_name.as_deref().unwrap_or(""), self.email.as_str()]
    }

    /// The words of the names and email, each after a space (`q` checks prefixes in it).
    pub fn search_text(&self) -> String {
        crate::domain::search::word_text(self.searched())
    }

    /// The `q` index keys: short prefixes and whole words of the names and email.
    pub fn search_words(&self) -> Vec<String> {
        crate::domain::search::keys(self.searched())
    }

    /// Sort key for `sort=name`: last name, first name, then id for uniqueness.
    pub fn name_key(&self) -> String {
        format!(
            "{}\u{1f}{}\u{1f}{}",
            self.last_name.as_deref().unwrap_or("").to_lowercase(),
            self.first_name.as_deref().unwrap_or("").to_lowercase(),
            self.id
        )
    }
}

fn set<T>(field: &mut Option<T>, change: Option<Option<T>>) {
    if let Some(v) = change {
        *field = v;
    }
}

#[cfg(test)]
mod tests {
    use super::ContactStatus::*;
    use super::*;

    fn input() -> ContactInput {
        ContactInput { email: Some(" Ann@Example.com ".into()), first_name: Some(" Ann ".into()), ..Default::default() }
    }

    #[test]
    fn new_contact_is_normalised_and_defaults_to_lead() {
        let c = NewContact::parse(input()).unwrap();
        assert_eq!(c.email, "ann@example.com");
        assert_eq!(c.first_name.as_deref(), Some("Ann"));
        assert_eq!(c.status, Lead);
    }

    #[test]
    fn new_contact_reports_every_bad_field() {
        let bad = ContactInput {
            email: Some("nope".into()),
            status: Some("vip".into()),
            company_id: Some("acme".into()),
            ..Default::default()
        };
        let Err(DomainError::Invalid(issues)) = NewContact::parse(bad) else { panic!("expected invalid") };
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, vec!["email", "company_id", "status"]);
    }

    #[test]
    fn apply_bumps_version_and_enforces_the_funnel() {
        let c = Contact::create("id".into(), NewContact::parse(input()).unwrap(), "t0");
        let patch = ContactPatch { status: Some(Mql), title: Some(Some("CTO".into())), ..Default::default() };
        let next = c.apply(patch, "t1").unwrap();
        assert_eq!((next.version, next.status, next.updated_at.as_str()), (2, Mql, "t1"));
        let churn = ContactPatch { status: Some(Churned), ..Default::default() };
        assert!(matches!(next.apply(churn, "t2"), Err(DomainError::InvalidTransition { .. })));
    }
}
