//! Who sees and changes which records and fields of an object.
//!
//! Row level: each object has a sharing model. `public_read_write` (the default) lets every
//! member read and change every record. `public_read` lets everyone read, but only a record's
//! owner, users it is shared with for writing, and admins change it. `private` shows members and
//! viewers only their own records (`owner_id`) and those shared with them (`POST .../share`).
//! Admins see and change everything.
//!
//! Field level: per role (member or viewer) and field (`amount`, `custom.salary`), `hidden`
//! (never served: redacted from records, lists, exports, history and the change feed, and not
//! usable in filters) or `read_only` (served, but a write that sets it is refused).

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::auth::Role;
use super::custom::Object;
use super::fields::{DomainError, Issues};

/// Most field permissions of one object.
pub const MAX_FIELD_RULES: usize = 500;

/// The rows of a private object one member or viewer may see: those they own and those shared
/// with them. Lists scan the owner's index and read the shared records by id, then merge the two
/// in the list's order (repositories/records.rs `ListQuery::fetch_seen`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Visible {
    /// The caller's user id; an API key's caller owns nothing.
    pub owner: Option<String>,
    /// Ids of the records shared with them, sorted.
    pub shared: Vec<String>,
}

/// Who reads and changes an object's records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sharing {
    /// Own records and those shared with the caller.
    Private,
    /// Everyone reads; owners, write shares and admins change.
    PublicRead,
    /// Everyone reads and changes (what a role allows).
    #[default]
    PublicReadWrite,
}

impl Sharing {
    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "private" => Some(Self::Private),
            "public_read" => Some(Self::PublicRead),
            "public_read_write" => Some(Self::PublicReadWrite),
            _ => None,
        }
    }
}

/// What a field permission allows a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldAccess {
    /// Never served to the role.
    Hidden,
    /// Served, not writable by the role.
    ReadOnly,
}

/// One role's access to one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldPermission {
    /// A built-in field (`amount`) or `custom.<name>`.
    pub field: String,
    /// `member` or `viewer` (admins are never restricted).
    pub role: Role,
    /// Hidden or read-only.
    pub access: FieldAccess,
}

/// The security settings of one object, as stored (one row per object; none = the defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectSecurity {
    /// Id (UUIDv7).
    pub id: String,
    /// The object.
    pub object: Object,
    /// The sharing model.
    pub sharing: Sharing,
    /// Field permissions.
    pub fields: Vec<FieldPermission>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// Raw settings from a request.
#[derive(Debug, Clone, Default)]
pub struct SecurityInput {
    /// Sharing model.
    pub sharing: Option<String>,
    /// Field permissions `(field, role, access)`; replaces the stored ones.
    pub fields: Option<Vec<(String, String, String)>>,
}

impl ObjectSecurity {
    /// The defaults of `object`: public read and write, no field permissions (version 0: not stored).
    pub fn defaults(object: Object) -> Self {
        Self {
            id: String::new(),
            object,
            sharing: Sharing::default(),
            fields: Vec::new(),
            version: 0,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    /// These settings changed by `input`, one version later; `known(field)` says whether a field exists on the object.
    pub fn apply(&self, input: SecurityInput, known: &dyn Fn(&str) -> bool, now: &str) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let mut next = self.clone();
        if let Some(raw) = input.sharing {
            match Sharing::parse(&raw) {
                Some(s) => next.sharing = s,
                None => issues.add("sharing", "must be private, public_read or public_read_write"),
            }
        }
        if let Some(rules) = input.fields {
            if rules.len() > MAX_FIELD_RULES {
                issues.add("fields", format!("must hold at most {MAX_FIELD_RULES} permissions"));
            }
            let mut seen = HashSet::new();
            let mut parsed = Vec::new();
            for (i, (field, role, access)) in rules.into_iter().enumerate() {
                let field = field.trim().to_string();
                if ["id", "version"].contains(&field.as_str()) || !known(&field) {
                    issues.add(format!("fields[{i}].field"), format!("`{field}` is not a field of this object"));
                }
                let role = match Role::parse(&role) {
                    Some(Role::Admin) => {
                        issues.add(format!("fields[{i}].role"), "admins see and change every field");
                        None
                    }
                    None => {
                        issues.add(format!("fields[{i}].role"), "must be member or viewer");
                        None
                    }
                    r => r,
                };
                let access = match access.trim() {
                    "hidden" => Some(FieldAccess::Hidden),
                    "read_only" => Some(FieldAccess::ReadOnly),
                    _ => {
                        issues.add(format!("fields[{i}].access"), "must be hidden or read_only");
                        None
                    }
                };
                if let (Some(role), Some(access)) = (role, access) {
                    if !seen.insert((field.clone(), role.as_str())) {
                        issues.add(format!("fields[{i}]"), "this field already has a permission for this role");
                    }
                    parsed.push(FieldPermission { field, role, access });
                }
            }
            next.fields = parsed;
        }
        next.updated_at = now.to_string();
        next.version = self.version + 1;
        issues.finish(next)
    }

    /// What `role` may not see or change of this object's fields.
    pub fn mask(&self, role: Role) -> FieldMask {
        let mut mask = FieldMask::default();
        if role == Role::Admin {
            return mask;
        }
        for p in self.fields.iter().filter(|p| p.role == role) {
            match p.access {
                FieldAccess::Hidden => mask.hidden.push(p.field.clone()),
                FieldAccess::ReadOnly => mask.read_only.push(p.field.clone()),
            }
        }
        mask
    }
}

/// The fields one role may not see (`hidden`) or change (`hidden` and `read_only`) on one object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMask {
    /// Never served.
    pub hidden: Vec<String>,
    /// Served, not writable.
    pub read_only: Vec<String>,
}

impl FieldMask {
    /// Whether nothing is restricted.
    pub fn is_empty(&self) -> bool {
        self.hidden.is_empty() && self.read_only.is_empty()
    }

    /// Whether `field` (`amount`, `custom.salary`, or a column such as `custom.salary`) is served.
    pub fn shows(&self, field: &str) -> bool {
        !self.hidden.iter().any(|h| h == field)
    }

    /// Removes the hidden fields from a record as served (`{"amount": .., "custom": {..}}`).
    pub fn redact_record(&self, record: &mut Value) {
        let Some(map) = record.as_object_mut() else { return };
        for field in &self.hidden {
            match field.strip_prefix("custom.") {
                Some(name) => {
                    if let Some(custom) = map.get_mut("custom").and_then(Value::as_object_mut) {
                        custom.remove(name);
                    }
                }
                None => {
                    map.remove(field);
                }
            }
        }
    }

    /// Removes the hidden fields from a change event's `changes` (`{"amount": {old, new}, "custom": {old, new}}`).
    pub fn redact_changes(&self, changes: &mut Value) {
        let Some(map) = changes.as_object_mut() else { return };
        for field in &self.hidden {
            map.remove(field);
            if let Some(name) = field.strip_prefix("custom.") {
                if let Some(change) = map.get_mut("custom") {
                    for side in ["old", "new"] {
                        if let Some(values) = change.get_mut(side).and_then(Value::as_object_mut) {
                            values.remove(name);
                        }
                    }
                }
            }
        }
    }

    /// The fields of a write's body (`{"amount": 1, "custom": {"salary": 2}}`) this role may not set.
    pub fn refused_in(&self, body: &Value) -> Vec<String> {
        let Some(map) = body.as_object() else { return Vec::new() };
        self.hidden
            .iter()
            .chain(&self.read_only)
            .filter(|field| match field.strip_prefix("custom.") {
                Some(name) => {
                    map.get("custom").and_then(Value::as_object).is_some_and(|c| c.contains_key(name))
                        || map.contains_key(field.as_str())
                }
                None => map.contains_key(field.as_str()),
            })
            .cloned()
            .collect()
    }

    /// The hidden fields a filter in the segment grammar names (`{"field": "custom.salary", ...}` at any depth).
    pub fn hidden_in_filter(&self, filter: &Value) -> Vec<String> {
        let named = filter_fields(filter);
        self.hidden.iter().filter(|h| named.iter().any(|n| n == *h)).cloned().collect()
    }
}

/// The fields a filter in the segment grammar names, at any depth.
pub fn filter_fields(filter: &Value) -> Vec<String> {
    let mut named = Vec::new();
    collect_fields(filter, &mut named);
    named
}

fn collect_fields(node: &Value, into: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(field) = map.get("field").and_then(Value::as_str) {
                into.push(field.to_string());
            }
            map.values().for_each(|v| collect_fields(v, into));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_fields(v, into)),
        _ => {}
    }
}

/// A share's access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareAccess {
    /// Sees the record.
    Read,
    /// Sees and changes it.
    Write,
}

impl ShareAccess {
    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "read" => Some(Self::Read),
            "write" => Some(Self::Write),
            _ => None,
        }
    }
}

/// One record shared with one user, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// Id (UUIDv7).
    pub id: String,
    /// The record's object.
    pub object: Object,
    /// The record.
    pub record_id: String,
    /// The user it is shared with.
    pub user_id: String,
    /// Read or write.
    pub access: ShareAccess,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// What a caller may do with one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RecordAccess {
    /// Not even know it exists.
    None,
    /// Read it.
    Read,
    /// Read and change it.
    Write,
}

/// A caller's access to one record of an object with `sharing`: `owner` is the record's
/// `owner_id`, `share` what is shared with the caller (`user`), `admin` whether the caller is one.
pub fn record_access(
    sharing: Sharing,
    admin: bool,
    user: Option<&str>,
    owner: Option<&str>,
    share: Option<ShareAccess>,
) -> RecordAccess {
    let own = user.is_some() && user == owner;
    if admin || own || share == Some(ShareAccess::Write) {
        return RecordAccess::Write;
    }
    match sharing {
        Sharing::PublicReadWrite => RecordAccess::Write,
        Sharing::PublicRead => RecordAccess::Read,
        Sharing::Private if share == Some(ShareAccess::Read) => RecordAccess::Read,
        Sharing::Private => RecordAccess::None,
    }
}

/// Field permissions by role for display: `{"member": {"amount": "read_only"}}`.
pub fn by_role(fields: &[FieldPermission]) -> BTreeMap<&'static str, BTreeMap<String, FieldAccess>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, FieldAccess>> = BTreeMap::new();
    for p in fields {
        out.entry(p.role.as_str()).or_default().insert(p.field.clone(), p.access);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rules(rules: &[(&str, &str, &str)]) -> SecurityInput {
        SecurityInput {
            sharing: Some("private".into()),
            fields: Some(rules.iter().map(|(f, r, a)| (f.to_string(), r.to_string(), a.to_string())).collect()),
        }
    }

    #[test]
    fn settings_name_every_bad_permission() {
        let known = |f: &str| ["amount", "custom.salary"].contains(&f);
        let base = ObjectSecurity::defaults(Object::Deal);
        let ok = base.apply(rules(&[("custom.salary", "viewer", "hidden")]), &known, "t").expect("valid");
        assert_eq!(ok.sharing, Sharing::Private);
        let bad = [("nope", "member", "hidden"), ("amount", "admin", "hidden"), ("amount", "viewer", "secret")];
        let Err(DomainError::Invalid(issues)) = base.apply(rules(&bad), &known, "t") else { panic!("invalid") };
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["fields[0].field", "fields[1].role", "fields[2].access"]);
        let twice = [("amount", "member", "hidden"), ("amount", "member", "read_only")];
        assert!(base.apply(rules(&twice), &known, "t").is_err());
        let sharing = SecurityInput { sharing: Some("open".into()), fields: None };
        assert!(base.apply(sharing, &known, "t").is_err());
    }

    #[test]
    fn a_mask_redacts_records_and_changes_and_refuses_writes() {
        let mut s = ObjectSecurity::defaults(Object::Deal);
        s.fields = vec![
            FieldPermission { field: "amount".into(), role: Role::Viewer, access: FieldAccess::Hidden },
            FieldPermission { field: "custom.salary".into(), role: Role::Viewer, access: FieldAccess::Hidden },
            FieldPermission { field: "stage".into(), role: Role::Member, access: FieldAccess::ReadOnly },
        ];
        assert!(s.mask(Role::Admin).is_empty());
        let viewer = s.mask(Role::Viewer);
        let mut record = json!({"name": "A", "amount": "5", "custom": {"salary": 9, "tier": "x"}});
        viewer.redact_record(&mut record);
        assert_eq!(record, json!({"name": "A", "custom": {"tier": "x"}}));
        let mut changes =
            json!({"amount": {"old": null, "new": "5"}, "custom": {"old": null, "new": {"salary": 9, "tier": "x"}}});
        viewer.redact_changes(&mut changes);
        assert_eq!(changes, json!({"custom": {"old": null, "new": {"tier": "x"}}}));
        let member = s.mask(Role::Member);
        assert!(member.shows("amount") && !viewer.shows("custom.salary"));
        assert_eq!(member.refused_in(&json!({"stage": "won", "name": "B"})), ["stage"]);
        assert!(member.refused_in(&json!({"name": "B"})).is_empty());
        assert_eq!(viewer.refused_in(&json!({"custom": {"salary": 1}})), ["custom.salary"]);
        let filter = json!({"and": [{"field": "custom.salary", "op": "gt", "value": 1}]});
        assert_eq!(viewer.hidden_in_filter(&filter), ["custom.salary"]);
    }

    #[test]
    fn record_access_follows_the_sharing_model() {
        use RecordAccess::{None as Hidden, Read, Write};
        use Sharing::*;
        let me = Some("u1");
        assert_eq!(record_access(Private, false, me, Some("u2"), None), Hidden);
        assert_eq!(record_access(Private, false, me, Some("u1"), None), Write);
        assert_eq!(record_access(Private, false, me, Some("u2"), Some(ShareAccess::Read)), Read);
        assert_eq!(record_access(Private, false, me, None, Some(ShareAccess::Write)), Write);
        assert_eq!(record_access(Private, true, me, Some("u2"), None), Write);
        assert_eq!(record_access(PublicRead, false, me, Some("u2"), None), Read);
        assert_eq!(record_access(PublicReadWrite, false, me, Some("u2"), None), Write);
        assert_eq!(record_access(Private, false, None, None, None), Hidden);
    }
}
