//! Companies: the entity, creation and partial updates.

use serde::{Deserialize, Serialize};

use serde_json::{Map, Value};

use super::custom::CustomValues;
use super::fields::{check_website, parse_domain, DomainError, Issues};

/// Company size: a head count (`250`) or a band as the user writes it (`"51-200"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CompanySize {
    /// Number of employees.
    Count(i64),
    /// A band such as `"51-200"`.
    Band(String),
}

/// An organisation contacts work for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Company {
    /// Id (UUIDv7).
    pub id: String,
    /// Name.
    pub name: String,
    /// Lower-cased web domain, e.g. `acme.com`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Industry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// Size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<CompanySize>,
    /// Website URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Values of the custom fields (domain/custom.rs).
    #[serde(default, skip_serializing_if = "CustomValues::is_empty")]
    pub custom: CustomValues,
    /// The user who owns the company (under a `private` sharing model, members see their own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// When it was created.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
}

/// Raw, untrusted company fields (`Some(None)` in a patch = explicit null).
#[derive(Debug, Clone, Default)]
pub struct CompanyPatchInput {
    /// Name.
    pub name: Option<Option<String>>,
    /// Domain.
    pub domain: Option<Option<String>>,
    /// Industry.
    pub industry: Option<Option<String>>,
    /// Size.
    pub size: Option<Option<CompanySize>>,
    /// Website.
    pub website: Option<Option<String>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id (`null`: no owner).
    pub owner_id: Option<Option<String>>,
}

/// Validated new company.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCompany {
    /// Name.
    pub name: String,
    /// Domain.
    pub domain: Option<String>,
    /// Industry.
    pub industry: Option<String>,
    /// Size.
    pub size: Option<CompanySize>,
    /// Website.
    pub website: Option<String>,
    /// Custom field values (checked against their definitions by the service).
    pub custom: CustomValues,
    /// Owner's user id (existence is checked by the write).
    pub owner_id: Option<String>,
}

/// Validated partial update: `None` leaves a field alone, `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompanyPatch {
    /// Name (cannot be cleared).
    pub name: Option<String>,
    /// Domain.
    pub domain: Option<Option<String>>,
    /// Industry.
    pub industry: Option<Option<String>>,
    /// Size.
    pub size: Option<Option<CompanySize>>,
    /// Website.
    pub website: Option<Option<String>>,
    /// Custom values to set (`null` removes one).
    pub custom: Option<Map<String, Value>>,
    /// Owner's user id (`null`: no owner).
    pub owner_id: Option<Option<String>>,
}

const NAME_MAX: usize = 200;

fn size(issues: &mut Issues, raw: Option<CompanySize>) -> Option<CompanySize> {
    match raw? {
        CompanySize::Count(n) if !(0..=10_000_000).contains(&n) => {
            issues.add("size", "must be between 0 and 10000000");
            None
        }
        CompanySize::Band(b) => issues.text("size", Some(b), 32).map(CompanySize::Band),
        count => Some(count),
    }
}

fn optionals(issues: &mut Issues, domain: Option<String>, website: Option<String>) -> (Option<String>, Option<String>) {
    let domain = issues.text("domain", domain, 253);
    let domain = parse_domain(issues, domain);
    let website = issues.text("website", website, 2048);
    check_website(issues, &website);
    (domain, website)
}

impl NewCompany {
    /// Validates and normalises untrusted input (a patch shape with every field given).
    pub fn parse(input: CompanyPatchInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let name = issues.required_text("name", input.name.flatten(), NAME_MAX);
        let (domain, website) = optionals(&mut issues, input.domain.flatten(), input.website.flatten());
        let new = NewCompany {
            name,
            domain,
            industry: issues.text("industry", input.industry.flatten(), 100),
            size: size(&mut issues, input.size.flatten()),
            website,
            custom: super::custom::initial(input.custom),
            owner_id: super::deals::parse_ref(&mut issues, "owner_id", input.owner_id.flatten()),
        };
        issues.finish(new)
    }
}

impl CompanyPatch {
    /// Validates and normalises an untrusted partial update.
    pub fn parse(input: CompanyPatchInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let name = input.name.map(|n| issues.required_text("name", n, NAME_MAX));
        let domain = input.domain.map(|d| {
            let d = issues.text("domain", d, 253);
            parse_domain(&mut issues, d)
        });
        let website = input.website.map(|w| {
            let w = issues.text("website", w, 2048);
            check_website(&mut issues, &w);
            w
        });
        let patch = CompanyPatch {
            name,
            domain,
            industry: input.industry.map(|v| issues.text("industry", v, 100)),
            size: input.size.map(|s| size(&mut issues, s)),
            website,
            custom: input.custom,
            owner_id: input.owner_id.map(|o| super::deals::parse_ref(&mut issues, "owner_id", o)),
        };
        issues.finish(patch)
    }
}

impl Company {
    /// A new company at version 1.
    pub fn create(id: String, new: NewCompany, now: &str) -> Self {
        Company {
            id,
            name: new.name,
            domain: new.domain,
            industry: new.industry,
            size: new.size,
            website: new.website,
            custom: new.custom,
            owner_id: new.owner_id,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        }
    }

    /// The company after `patch`, one version later.
    pub fn apply(&self, patch: CompanyPatch, now: &str) -> Self {
        let mut next = self.clone();
        if let Some(name) = patch.name {
            next.name = name;
        }
        if let Some(v) = patch.domain {
            next.domain = v;
        }
        if let Some(v) = patch.industry {
            next.industry = v;
        }
        if let Some(v) = patch.size {
            next.size = v;
        }
        if let Some(v) = patch.website {
            next.website = v;
        }
        if let Some(custom) = &patch.custom {
            next.custom = super::custom::merge(&self.custom, custom);
        }
        if let Some(v) = patch.owner_id {
            next.owner_id = v;
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// Text indexed for `q` search: name and domain.
    pub fn search_text(&self) -> String {
        format!("{} {}", self.name, self.domain.as_deref().unwrap_or(""))
    }

    /// Sort key for `sort=name`.
    pub fn name_key(&self) -> String {
        format!("{}\u{1f}{}", self.name.to_lowercase(), self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_is_required_and_size_is_bounded() {
        let Err(DomainError::Invalid(issues)) =
            NewCompany::parse(CompanyPatchInput { size: Some(Some(CompanySize::Count(-1))), ..Default::default() })
        else {
            panic!("expected invalid")
        };
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, vec!["name", "size"]);
    }

    #[test]
    fn patch_clears_optional_fields_and_bumps_version() {
        let c = Company::create(
            "id".into(),
            NewCompany::parse(CompanyPatchInput {
                name: Some(Some("Acme".into())),
                domain: Some(Some("ACME.com".into())),
                ..Default::default()
            })
            .unwrap(),
            "t0",
        );
        assert_eq!(c.domain.as_deref(), Some("acme.com"));
        let patch = CompanyPatch::parse(CompanyPatchInput { domain: Some(None), ..Default::default() }).unwrap();
        let next = c.apply(patch, "t1");
        assert_eq!((next.domain, next.version), (None, 2));
    }
}
