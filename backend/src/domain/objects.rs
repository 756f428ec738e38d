//! Custom objects: record types admins define (`contract`, `project`), and their records.
//!
//! A definition names the object and how people call it; its fields are custom field
//! definitions (domain/custom.rs) like those of the built-in objects, and its relationships are
//! reference fields to other objects. A record has the built-ins every record has (`id`, a
//! `name` shown in lists and links, an `owner_id`, the version and times) and its values under
//! `custom`, checked by the same rules as custom values of built-in records.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::custom::{is_object_name, merge, CustomValues, Object, MAX_OBJECT_NAME};
use super::fields::{DomainError, Issues};

/// Most custom objects one instance defines.
pub const MAX_OBJECTS: usize = 100;

/// A custom object's definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectDef {
    /// Id (UUIDv7).
    pub id: String,
    /// Its key (`contract`): the API path `/api/objects/contract`, the rule binding `contract`.
    pub name: String,
    /// What people call one (`Contract`).
    pub label: String,
    /// What people call several (`Contracts`).
    pub plural_label: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// Raw fields of a definition or a change to one.
#[derive(Debug, Clone, Default)]
pub struct ObjectInput {
    /// Key (only on create).
    pub name: Option<String>,
    /// Label.
    pub label: Option<String>,
    /// Plural label.
    pub plural_label: Option<String>,
    /// Description (`Some(None)` clears it).
    pub description: Option<Option<String>>,
}

impl ObjectDef {
    /// The object its records are.
    pub fn object(&self) -> Object {
        Object::custom(&self.name)
    }

    /// A new definition from `input`, checked.
    pub fn create(id: String, input: ObjectInput, now: &str) -> Result<ObjectDef, DomainError> {
        let mut issues = Issues::default();
        let name = input.name.clone().map(|n| n.trim().to_string()).unwrap_or_default();
        if name.is_empty() {
            issues.add("name", "is required");
        } else if !is_object_name(&name) {
            issues.add(
                "name",
                format!(
                    "must be snake_case (a-z, 0-9 and _, starting with a letter, at most {MAX_OBJECT_NAME} characters) \
                     and neither a built-in object (contact, company, deal, case, event) nor a reserved name such as task or user"
                ),
            );
        }
        let label = super::custom::humanise(&name);
        let blank = ObjectDef {
            id,
            plural_label: format!("{label}s"),
            label,
            name,
            description: None,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        blank.apply_checked(ObjectInput { name: None, ..input }, issues)
    }

    /// This definition changed by `input`, one version later; the name never changes.
    pub fn apply(&self, input: ObjectInput, now: &str) -> Result<ObjectDef, DomainError> {
        let mut issues = Issues::default();
        if input.name.as_ref().is_some_and(|n| n.trim() != self.name) {
            issues.add("name", "cannot change (it is the path and key of every record); define a new object instead");
        }
        let mut next = self.apply_checked(ObjectInput { name: None, ..input }, issues)?;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    fn apply_checked(&self, input: ObjectInput, mut issues: Issues) -> Result<ObjectDef, DomainError> {
        let mut next = self.clone();
        for (field, raw, target) in
            [("label", input.label, &mut next.label), ("plural_label", input.plural_label, &mut next.plural_label)]
        {
            if let Some(raw) = raw {
                match raw.trim() {
                    "" => issues.add(field, "must not be empty"),
                    l if l.chars().count() > 100 => issues.add(field, "must be at most 100 characters"),
                    l => *target = l.to_string(),
                }
            }
        }
        if let Some(description) = input.description {
            next.description = issues.text("description", description, 500);
        }
        issues.finish(next)
    }
}

/// A record of a custom object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectRecord {
    /// Id (UUIDv7).
    pub id: String,
    /// The object it is a record of.
    pub object: Object,
    /// What lists and links show.
    pub name: String,
    /// The user it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// Its values, by field name (checked against the object's fields by the schema service).
    #[serde(default)]
    pub custom: CustomValues,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// Raw fields of a record or a change to one (`Some(None)`: cleared).
#[derive(Debug, Clone, Default)]
pub struct RecordInput {
    /// Name.
    pub name: Option<String>,
    /// Owner.
    pub owner_id: Option<Option<String>>,
    /// Values to set (a `null` removes one).
    pub custom: Option<Map<String, Value>>,
}

/// Most characters of a record's name.
pub const MAX_RECORD_NAME: usize = 300;

impl ObjectRecord {
    /// A new record of `object` from `input`.
    pub fn create(id: String, object: Object, input: RecordInput, now: &str) -> Result<ObjectRecord, DomainError> {
        let mut issues = Issues::default();
        if input.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            issues.add("name", "is required");
        }
        let blank = ObjectRecord {
            id,
            object,
            name: String::new(),
            owner_id: None,
            custom: CustomValues::new(),
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        blank.apply_checked(input, issues)
    }

    /// This record changed by `input` (the version is the store's to bump).
    pub fn apply(&self, input: RecordInput, now: &str) -> Result<ObjectRecord, DomainError> {
        let mut next = self.apply_checked(input, Issues::default())?;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    fn apply_checked(&self, input: RecordInput, mut issues: Issues) -> Result<ObjectRecord, DomainError> {
        let mut next = self.clone();
        if let Some(name) = input.name {
            match name.trim() {
                "" => issues.add("name", "must not be empty"),
                n if n.chars().count() > MAX_RECORD_NAME => {
                    issues.add("name", format!("must be at most {MAX_RECORD_NAME} characters"))
                }
                n => next.name = n.to_string(),
            }
        }
        if let Some(owner) = input.owner_id {
            next.owner_id = match owner.map(|o| o.trim().to_string()).filter(|o| !o.is_empty()) {
                Some(o) if super::ids::parse_id(&o).is_none() => {
                    issues.add("owner_id", "must be a user id");
                    None
                }
                other => other,
            };
        }
        if let Some(custom) = input.custom {
            next.custom = merge(&self.custom, &custom);
        }
        issues.finish(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn first_field(err: DomainError) -> String {
        match err {
            DomainError::Invalid(issues) => issues[0].field.clone(),
            other => other.to_string(),
        }
    }

    #[test]
    fn definitions_are_named_once_and_labelled() {
        let def = ObjectDef::create(
            "1".into(),
            ObjectInput { name: Some("service_contract".into()), ..Default::default() },
            "t0",
        )
        .expect("valid");
        assert_eq!((def.label.as_str(), def.plural_label.as_str()), ("Service contract", "Service contracts"));
        for bad in ["", "Deal", "deals", "contact", "9lives", "a-b"] {
            let err = ObjectDef::create("1".into(), ObjectInput { name: Some(bad.into()), ..Default::default() }, "t0")
                .expect_err(bad);
            assert_eq!(first_field(err), "name", "{bad}");
        }
        let renamed = def.apply(ObjectInput { name: Some("other".into()), ..Default::default() }, "t1");
        assert!(renamed.is_err(), "the name is the records' path");
        let relabelled = def
            .apply(
                ObjectInput {
                    label: Some(" Agreement ".into()),
                    description: Some(Some("Signed".into())),
                    ..Default::default()
                },
                "t1",
            )
            .expect("valid");
        assert_eq!((relabelled.label.as_str(), relabelled.version), ("Agreement", 2));
        assert_eq!(relabelled.description.as_deref(), Some("Signed"));
    }

    #[test]
    fn records_need_a_name_and_merge_their_values() {
        let object = Object::custom("unit_test_contract");
        let input =
            RecordInput { custom: Some(json!({"value": 5}).as_object().cloned().unwrap()), ..Default::default() };
        let err = ObjectRecord::create("1".into(), object, input, "t0").expect_err("no name");
        assert_eq!(first_field(err), "name");
        let input = RecordInput {
            name: Some(" Acme support ".into()),
            custom: Some(json!({"value": 5, "tier": "gold"}).as_object().cloned().unwrap()),
            ..Default::default()
        };
        let record = ObjectRecord::create("1".into(), object, input, "t0").expect("valid");
        assert_eq!(record.name, "Acme support");
        let patch =
            RecordInput { custom: Some(json!({"tier": null}).as_object().cloned().unwrap()), ..Default::default() };
        let next = record.apply(patch, "t1").expect("valid");
        assert_eq!(next.custom, CustomValues::from([("value".to_string(), json!(5))]));
        assert_eq!(next.version, 2);
        let bad_owner = RecordInput { owner_id: Some(Some("not an id".into())), ..Default::default() };
        assert_eq!(first_field(record.apply(bad_owner, "t1").expect_err("bad")), "owner_id");
    }
}
