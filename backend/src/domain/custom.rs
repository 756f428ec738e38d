//! Custom fields: the objects that carry them, field definitions, the values' type rules
//! (checked and normalised on every write), and the JSON Schema a client builds forms from.
//!
//! Values live under `custom` in the record (`{"custom": {"industry_code": "K70"}}`); a
//! definition says how each is checked. Nothing here touches the database: whether a referenced
//! record exists, or a value is unique, is the service's and the database's part.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::fields::{parse_email, Issues};

/// The values of a record's custom fields, by field name.
pub type CustomValues = BTreeMap<String, Value>;

/// Applies a partial update of custom values: a key set to `null` is removed, others replace.
pub fn merge(current: &CustomValues, patch: &Map<String, Value>) -> CustomValues {
    let mut next = current.clone();
    for (k, v) in patch {
        if v.is_null() {
            next.remove(k);
        } else {
            next.insert(k.clone(), v.clone());
        }
    }
    next
}

/// The values of a new record's `custom` (nulls dropped).
pub fn initial(values: Option<Map<String, Value>>) -> CustomValues {
    values.map(|m| merge(&CustomValues::new(), &m)).unwrap_or_default()
}

/// The names of an object admins defined (`contract`): interned, so [`Object`] stays `Copy`.
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomName {
    name: String,
    table: String,
}

/// Every custom object name this process has met, each stored once for the process's life:
/// names come only from stored definitions and checked creations, so the set stays as small
/// as the number of objects ever defined.
fn interned() -> &'static std::sync::Mutex<Vec<&'static CustomName>> {
    static NAMES: std::sync::OnceLock<std::sync::Mutex<Vec<&'static CustomName>>> = std::sync::OnceLock::new();
    NAMES.get_or_init(Default::default)
}

/// The prefix of the tables that hold custom objects' records (`obj_contract`).
pub const CUSTOM_TABLE_PREFIX: &str = "obj_";

/// Most characters of a custom object's name.
pub const MAX_OBJECT_NAME: usize = 40;

/// Names no custom object may take: the other record types' (their webhook events and paths
/// would be ambiguous) and `objects` (`/api/schema/objects` defines them).
const RESERVED_OBJECT_NAMES: [&str; 16] = [
    "objects",
    "object",
    "user",
    "users",
    "task",
    "tasks",
    "campaign",
    "campaigns",
    "segment",
    "segments",
    "consent",
    "consents",
    "landing_page",
    "landing_pages",
    "record",
    "records",
];

/// Whether `name` may name a custom object: a field-like key of at most 40 characters that is
/// no built-in object's name or plural, nor reserved ([`RESERVED_OBJECT_NAMES`]).
pub fn is_object_name(name: &str) -> bool {
    is_field_name(name)
        && name.len() <= MAX_OBJECT_NAME
        && !RESERVED_OBJECT_NAMES.contains(&name)
        && !Object::BUILT_IN.iter().any(|o| o.name() == name || o.plural() == name)
}

/// A record type that carries custom fields: a built-in one, or an object admins defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Object {
    /// People.
    Contact,
    /// Companies.
    Company,
    /// Deals.
    Deal,
    /// Support cases.
    Case,
    /// Events.
    Event,
    /// An object admins defined (`POST /api/schema/objects`).
    Custom(&'static CustomName),
}

impl Serialize for Object {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Object::BUILT_IN
            .into_iter()
            .find(|o| o.name() == raw)
            .or_else(|| is_object_name(&raw).then(|| Object::custom(&raw)))
            .ok_or_else(|| serde::de::Error::custom(format!("no object `{raw}`")))
    }
}

impl Object {
    /// The built-in objects, in the order the dashboard lists them.
    pub const BUILT_IN: [Object; 5] = [Object::Contact, Object::Company, Object::Deal, Object::Case, Object::Event];
    /// The built-in objects and every custom object this process has met.
    pub fn known() -> Vec<Object> {
        let names = interned().lock().unwrap_or_else(|e| e.into_inner());
        Object::BUILT_IN.into_iter().chain(names.iter().map(|n| Object::Custom(n))).collect()
    }

    /// The custom object `name` (a name [`is_object_name`] accepts, of a stored or checked
    /// definition: it is interned).
    pub fn custom(name: &str) -> Object {
        let mut names = interned().lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = names.iter().find(|n| n.name == name) {
            return Object::Custom(found);
        }
        let leaked: &'static CustomName =
            Box::leak(Box::new(CustomName { name: name.to_string(), table: format!("{CUSTOM_TABLE_PREFIX}{name}") }));
        names.push(leaked);
        Object::Custom(leaked)
    }

    /// A custom object this process already knows by `name`, without defining one.
    fn known_custom(name: &str) -> Option<Object> {
        let names = interned().lock().unwrap_or_else(|e| e.into_inner());
        names.iter().find(|n| n.name == name || n.table == name).map(|n| Object::Custom(n))
    }

    /// The built-in object named `raw` (`deal`) or by its plural (`deals`).
    pub fn built_in(raw: &str) -> Option<Object> {
        Object::BUILT_IN.into_iter().find(|o| raw == o.name() || raw == o.plural())
    }

    /// A built-in object by its name (`deal`) or plural (`deals`), or a custom object this
    /// process has met; whether a custom one still exists is the schema service's to say.
    pub fn parse(raw: &str) -> Option<Object> {
        Object::built_in(raw).or_else(|| Object::known_custom(raw).filter(|o| o.name() == raw))
    }

    /// The name a rule binds the record by (`deal`, and `old_deal` for its previous version).
    pub fn name(self) -> &'static str {
        match self {
            Object::Contact => "contact",
            Object::Company => "company",
            Object::Deal => "deal",
            Object::Case => "case",
            Object::Event => "event",
            Object::Custom(names) => &names.name,
        }
    }

    /// The plural (`companies`), as in the record's API path; a custom object's records are
    /// under its name (`/api/objects/contract`).
    pub fn plural(self) -> &'static str {
        match self {
            Object::Contact => "contacts",
            Object::Company => "companies",
            Object::Deal => "deals",
            Object::Case => "cases",
            Object::Event => "events",
            Object::Custom(names) => &names.name,
        }
    }

    /// The path of a record's page in the dashboard and of its API resource, from `/`.
    pub fn record_path(self, id: &str) -> String {
        match self {
            Object::Custom(names) => format!("/objects/{}/{id}", names.name),
            other => format!("/{}/{id}", other.plural()),
        }
    }

    /// The table its records live in.
    pub fn table(self) -> &'static str {
        match self {
            Object::Case => "support_case",
            Object::Custom(names) => &names.table,
            other => other.name(),
        }
    }

    /// The object stored in `table`, if it carries custom fields.
    pub fn of_table(table: &str) -> Option<Object> {
        match Object::BUILT_IN.into_iter().find(|o| o.table() == table) {
            Some(o) => Some(o),
            None if table.starts_with(CUSTOM_TABLE_PREFIX) => Object::known_custom(table),
            None => None,
        }
    }

    /// The built-in fields, which a custom field may not be named after.
    pub fn builtin_fields(self) -> &'static [&'static str] {
        match self {
            Object::Contact => &[
                "first_name",
                "last_name",
                "email",
                "phone",
                "title",
                "company_id",
                "status",
                "source",
                "tags",
                "do_not_contact",
                "score",
            ],
            Object::Company => &["name", "domain", "industry", "size", "website"],
            Object::Deal => &[
                "name",
                "company_id",
                "contact_ids",
                "amount",
                "currency",
                "stage",
                "probability",
                "expected_close",
                "owner_id",
                "lost_reason",
                "closed_at",
            ],
            Object::Case => &[
                "company_id",
                "contact_id",
                "subject",
                "description",
                "priority",
                "status",
                "owner_id",
                "resolution",
                "closed_at",
            ],
            Object::Event => {
                &["name", "description", "starts_at", "ends_at", "timezone", "location", "online_url", "capacity"]
            }
            Object::Custom(_) => &["name", "object"],
        }
    }

    /// Whether `name` is a built-in field on this object, or reserved (identity, `custom`, the
    /// owner and sharing of records).
    pub fn is_builtin(self, name: &str) -> bool {
        ["id", "version", "created_at", "updated_at", "custom", "owner_id", "shared_with"].contains(&name)
            || self.builtin_fields().contains(&name)
    }

    /// Built-in fields held as decimal strings, which rules see as numbers.
    pub fn decimal_fields(self) -> &'static [&'static str] {
        match self {
            Object::Deal => &["amount"],
            _ => &[],
        }
    }
}

/// What a custom field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// One line of text (at most 1,000 characters).
    Text,
    /// Free text (at most 100,000 characters).
    LongText,
    /// A number (integer or not).
    Number,
    /// A number with at most 6 decimal places.
    Decimal,
    /// An amount of money: not negative, at most 2 decimal places.
    Currency,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A moment, RFC 3339 (stored in UTC with milliseconds, so stored values sort as text).
    Datetime,
    /// True or false.
    Boolean,
    /// One of the field's options.
    Select,
    /// Several of the field's options.
    MultiSelect,
    /// An http(s) URL.
    Url,
    /// An email address (lower-cased).
    Email,
    /// A phone number.
    Phone,
    /// The id of a record of the object the field names.
    Reference,
}

impl FieldType {
    /// Every type.
    pub const ALL: [FieldType; 14] = [
        FieldType::Text,
        FieldType::LongText,
        FieldType::Number,
        FieldType::Decimal,
        FieldType::Currency,
        FieldType::Date,
        FieldType::Datetime,
        FieldType::Boolean,
        FieldType::Select,
        FieldType::MultiSelect,
        FieldType::Url,
        FieldType::Email,
        FieldType::Phone,
        FieldType::Reference,
    ];

    /// Its name on the wire (`multi_select`).
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::LongText => "long_text",
            FieldType::Number => "number",
            FieldType::Decimal => "decimal",
            FieldType::Currency => "currency",
            FieldType::Date => "date",
            FieldType::Datetime => "datetime",
            FieldType::Boolean => "boolean",
            FieldType::Select => "select",
            FieldType::MultiSelect => "multi_select",
            FieldType::Url => "url",
            FieldType::Email => "email",
            FieldType::Phone => "phone",
            FieldType::Reference => "reference",
        }
    }

    /// The type named `raw`.
    pub fn parse(raw: &str) -> Option<FieldType> {
        FieldType::ALL.into_iter().find(|t| t.as_str() == raw)
    }

    /// Whether a unique or indexed value of this type makes sense (not long text, not a list).
    pub fn indexable(self) -> bool {
        !matches!(self, FieldType::LongText | FieldType::MultiSelect)
    }
}

/// The definition of one custom field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldDef {
    /// Id (UUIDv7).
    pub id: String,
    /// The object it belongs to.
    pub object: Object,
    /// Its key under `custom` (snake_case; never changes).
    pub name: String,
    /// What people call it.
    pub label: String,
    /// What it holds.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// A record must have a value.
    #[serde(default)]
    pub required: bool,
    /// No two records may have the same value.
    #[serde(default)]
    pub unique: bool,
    /// Set on a new record that has no value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Value>,
    /// The choices of a select or multi-select, in order.
    #[serde(default)]
    pub options: Vec<String>,
    /// Filterable and sortable fast (a database index, built in the background).
    #[serde(default)]
    pub indexed: bool,
    /// The object a reference points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Object>,
    /// Help text shown beside the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where it appears in forms (ascending).
    #[serde(default)]
    pub position: i64,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// Raw, untrusted fields of a definition or a change to one (`None`: not given).
#[derive(Debug, Clone, Default)]
pub struct FieldInput {
    /// Key.
    pub name: Option<String>,
    /// Label.
    pub label: Option<String>,
    /// Type name.
    pub field_type: Option<String>,
    /// Required.
    pub required: Option<bool>,
    /// Unique.
    pub unique: Option<bool>,
    /// Default (`Some(Null)` clears it).
    pub default: Option<Value>,
    /// Options.
    pub options: Option<Vec<String>>,
    /// Indexed.
    pub indexed: Option<bool>,
    /// Referenced object name.
    pub reference: Option<String>,
    /// Help text (`Some(None)` clears it).
    pub description: Option<Option<String>>,
    /// Position.
    pub position: Option<i64>,
}

/// Most custom fields per object.
pub const MAX_FIELDS: usize = 200;
/// Most options of a select.
const MAX_OPTIONS: usize = 500;

/// Whether `name` is a field key: snake_case ASCII, a letter first, at most 63 characters.
pub fn is_field_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z'))
        && name.len() <= 63
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.ends_with('_')
        && !name.contains("__")
}

impl FieldDef {
    /// A new definition on `object` from `input`, checked.
    pub fn create(
        id: String,
        object: Object,
        input: FieldInput,
        now: &str,
    ) -> Result<FieldDef, super::fields::DomainError> {
        let mut issues = Issues::default();
        let name = input.name.clone().map(|n| n.trim().to_string()).unwrap_or_default();
        if name.is_empty() {
            issues.add("name", "is required");
        } else if !is_field_name(&name) {
            issues.add("name", "must be snake_case: a-z, 0-9 and _, starting with a letter, at most 63 characters");
        } else if object.is_builtin(&name) {
            issues.add("name", format!("`{name}` is a built-in field of {}", object.plural()));
        }
        let field_type = match input.field_type.as_deref() {
            None => {
                issues.add("type", "is required");
                FieldType::Text
            }
            Some(raw) => FieldType::parse(raw).unwrap_or_else(|| {
                let names: Vec<&str> = FieldType::ALL.iter().map(|t| t.as_str()).collect();
                issues.add("type", format!("must be one of {}", names.join(", ")));
                FieldType::Text
            }),
        };
        let label = input.label.clone().map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
        let def = FieldDef {
            id,
            object,
            label: label.unwrap_or_else(|| humanise(&name)),
            name,
            field_type,
            required: false,
            unique: false,
            default: None,
            options: Vec::new(),
            indexed: false,
            reference: None,
            description: None,
            position: 0,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        let input = FieldInput { name: None, field_type: None, ..input };
        def.apply_checked(input, issues)
    }

    /// This definition changed by `input`, one version later; the name and type never change.
    pub fn apply(&self, input: FieldInput, now: &str) -> Result<FieldDef, super::fields::DomainError> {
        let mut issues = Issues::default();
        if input.name.as_ref().is_some_and(|n| n != &self.name) {
            issues.add("name", "cannot change (it is the key stored in every record); add a new field instead");
        }
        if input.field_type.as_ref().is_some_and(|t| t != self.field_type.as_str()) {
            issues.add("type", "cannot change; add a new field instead");
        }
        let mut next = self.apply_checked(FieldInput { name: None, field_type: None, ..input }, issues)?;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    fn apply_checked(&self, input: FieldInput, mut issues: Issues) -> Result<FieldDef, super::fields::DomainError> {
        let mut next = self.clone();
        if let Some(label) = input.label {
            match label.trim() {
                "" => issues.add("label", "must not be empty"),
                l if l.chars().count() > 100 => issues.add("label", "must be at most 100 characters"),
                l => next.label = l.to_string(),
            }
        }
        if let Some(description) = input.description {
            next.description = issues.text("description", description, 500);
        }
        if let Some(required) = input.required {
            next.required = required;
        }
        if let Some(unique) = input.unique {
            next.unique = unique;
        }
        if let Some(indexed) = input.indexed {
            next.indexed = indexed;
        }
        if let Some(position) = input.position {
            next.position = position;
        }
        if let Some(options) = input.options {
            let mut kept: Vec<String> = Vec::new();
            for (i, o) in options.into_iter().enumerate() {
                let o = o.trim().to_string();
                if o.is_empty() || o.chars().count() > 200 {
                    issues.add(format!("options[{i}]"), "must be 1 to 200 characters");
                } else if kept.contains(&o) {
                    issues.add(format!("options[{i}]"), "is listed twice");
                } else {
                    kept.push(o);
                }
            }
            next.options = kept;
        }
        match (input.reference.as_deref(), next.field_type) {
            (Some(raw), FieldType::Reference) => match Object::parse(raw) {
                Some(o) => next.reference = Some(o),
                None => issues.add("reference", "must name an object: contact, company, deal, case or event"),
            },
            (Some(_), _) => issues.add("reference", "is only for fields of type reference"),
            (None, _) => {}
        }
        if next.field_type == FieldType::Reference && next.reference.is_none() {
            issues.add("reference", "is required for a reference: the object it points to");
        }
        if matches!(next.field_type, FieldType::Select | FieldType::MultiSelect) {
            if next.options.is_empty() {
                issues.add("options", "a select needs at least one option");
            } else if next.options.len() > MAX_OPTIONS {
                issues.add("options", format!("at most {MAX_OPTIONS} options"));
            }
        } else if !next.options.is_empty() {
            issues.add("options", "are only for select and multi_select fields");
        }
        if (next.unique || next.indexed) && !next.field_type.indexable() {
            let what = if next.unique { "unique" } else { "indexed" };
            issues.add(what, format!("a {} field cannot be {what}", next.field_type.as_str()));
        }
        if let Some(default) = input.default {
            next.default = if default.is_null() { None } else { Some(default) };
        }
        if let Some(default) = next.default.clone() {
            if next.unique {
                issues.add("default", "a unique field cannot have a default (every record would share it)");
            }
            match next.check(&default) {
                Ok(v) => next.default = Some(v),
                Err(message) => issues.add("default", message),
            }
        }
        issues.finish(next)
    }

    /// The value `raw` normalised for storage, or why it does not fit this field.
    pub fn check(&self, raw: &Value) -> Result<Value, String> {
        check_value(self.field_type, &self.options, raw)
    }

    /// The JSON Schema of this field's value.
    pub fn json_schema(&self) -> Value {
        let mut schema = match self.field_type {
            FieldType::Text => json!({"type": "string", "maxLength": 1000}),
            FieldType::LongText => json!({"type": "string", "maxLength": 100_000}),
            FieldType::Number => json!({"type": "number"}),
            FieldType::Decimal => json!({"type": "number", "multipleOf": 0.000001}),
            FieldType::Currency => json!({"type": "number", "minimum": 0, "multipleOf": 0.01}),
            FieldType::Date => json!({"type": "string", "format": "date"}),
            FieldType::Datetime => json!({"type": "string", "format": "date-time"}),
            FieldType::Boolean => json!({"type": "boolean"}),
            FieldType::Select => json!({"type": "string", "enum": self.options}),
            FieldType::MultiSelect => {
                json!({"type": "array", "items": {"type": "string", "enum": self.options}, "uniqueItems": true})
            }
            FieldType::Url => json!({"type": "string", "format": "uri", "maxLength": 2048}),
            FieldType::Email => json!({"type": "string", "format": "email", "maxLength": 254}),
            FieldType::Phone => json!({"type": "string", "maxLength": 40}),
            FieldType::Reference => json!({"type": "string", "format": "uuid"}),
        };
        if let Value::Object(map) = &mut schema {
            map.insert("title".into(), json!(self.label));
            map.insert("x-field-type".into(), json!(self.field_type.as_str()));
            if let Some(d) = &self.description {
                map.insert("description".into(), json!(d));
            }
            if let Some(d) = &self.default {
                map.insert("default".into(), d.clone());
            }
            if let Some(o) = self.reference {
                map.insert("x-reference".into(), json!(o.name()));
            }
            if self.unique {
                map.insert("x-unique".into(), json!(true));
            }
            if self.indexed || self.unique {
                map.insert("x-indexed".into(), json!(true));
            }
        }
        schema
    }
}

/// `industry_code` as `Industry code`.
pub fn humanise(name: &str) -> String {
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Most digits before the point of a number field (integers stay exact in a double up to 2^53).
const MAX_ABS: f64 = 9_007_199_254_740_991.0;

fn number_of(raw: &Value) -> Result<f64, String> {
    let n = match raw {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok().filter(|_| !s.trim().is_empty()),
        _ => None,
    };
    match n {
        Some(n) if n.is_finite() && n.abs() <= MAX_ABS => Ok(n),
        Some(_) => Err("is too large".into()),
        None => Err("must be a number".into()),
    }
}

/// A JSON number for `n`: an integer when it is whole.
fn number_value(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        json!(n as i64)
    } else {
        json!(n)
    }
}

/// Whether `n` has at most `places` decimal places (read through its shortest decimal form).
fn has_places(n: f64, places: usize) -> bool {
    let text = format!("{n}");
    !text.contains('e') && text.split_once('.').is_none_or(|(_, f)| f.len() <= places)
}

/// A value of `field_type` (with `options` for selects) normalised, or why it does not fit.
pub fn check_value(field_type: FieldType, options: &[String], raw: &Value) -> Result<Value, String> {
    let text = |max: usize| -> Result<String, String> {
        let s = raw.as_str().ok_or("must be a string")?;
        let s = s.trim();
        if s.chars().count() > max {
            return Err(format!("must be at most {max} characters"));
        }
        if s.contains('\0') {
            return Err("must not contain NUL characters".into());
        }
        Ok(s.to_string())
    };
    match field_type {
        FieldType::Text => Ok(json!(text(1000)?)),
        FieldType::LongText => Ok(json!(text(100_000)?)),
        FieldType::Number => Ok(number_value(number_of(raw)?)),
        FieldType::Decimal => {
            let n = number_of(raw)?;
            if !has_places(n, 6) {
                return Err("must have at most 6 decimal places".into());
            }
            Ok(number_value(n))
        }
        FieldType::Currency => {
            let n = number_of(raw)?;
            if n < 0.0 {
                return Err("must not be negative".into());
            }
            if n > 999_999_999_999.99 {
                return Err("is too large".into());
            }
            if !has_places(n, 2) {
                return Err("must have at most 2 decimal places".into());
            }
            Ok(number_value(n))
        }
        FieldType::Date => {
            let s = text(10)?;
            chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
                .map(|d| json!(d.format("%Y-%m-%d").to_string()))
                .map_err(|_| "must be a date such as 2026-03-31".to_string())
        }
        FieldType::Datetime => {
            let s = text(64)?;
            chrono::DateTime::parse_from_rfc3339(&s)
                .map(|d| json!(d.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)))
                .map_err(|_| "must be an RFC 3339 date-time such as 2026-03-31T09:30:00Z".to_string())
        }
        FieldType::Boolean => raw.as_bool().map(Value::Bool).ok_or_else(|| "must be true or false".to_string()),
        FieldType::Select => {
            let s = text(200)?;
            if options.contains(&s) {
                Ok(json!(s))
            } else {
                Err(format!("must be one of: {}", options.join(", ")))
            }
        }
        FieldType::MultiSelect => {
            let items = raw.as_array().ok_or("must be a list of options")?;
            let mut kept: Vec<String> = Vec::new();
            for item in items {
                let s = item.as_str().map(str::trim).ok_or("must be a list of strings")?;
                if !options.iter().any(|o| o == s) {
                    return Err(format!("`{s}` is not one of: {}", options.join(", ")));
                }
                if !kept.iter().any(|k| k == s) {
                    kept.push(s.to_string());
                }
            }
            Ok(json!(kept))
        }
        FieldType::Url => {
            let s = text(2048)?;
            let ok = (s.starts_with("https://") || s.starts_with("http://"))
                && s.len() > 8
                && !s.chars().any(char::is_whitespace)
                && reqwest::Url::parse(&s).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()));
            if ok {
                Ok(json!(s))
            } else {
                Err("must be an http(s) URL such as https://example.com".into())
            }
        }
        FieldType::Email => {
            let s = raw.as_str().ok_or("must be a string")?;
            parse_email(s).map(|e| json!(e)).map_err(|e| e.to_string())
        }
        FieldType::Phone => {
            let s = text(40)?;
            let ok_chars = s.chars().all(|c| c.is_ascii_digit() || " +-().x/".contains(c));
            let digits = s.chars().filter(char::is_ascii_digit).count();
            if ok_chars && (3..=20).contains(&digits) {
                Ok(json!(s))
            } else {
                Err("must be a phone number (3 to 20 digits, optional + - ( ) . x)".into())
            }
        }
        FieldType::Reference => {
            let s = text(64)?;
            if uuid::Uuid::parse_str(&s).is_ok() {
                Ok(json!(s.to_lowercase()))
            } else {
                Err("must be a record id".into())
            }
        }
    }
}

/// A value of `field_type` from the text of a file's cell, as [`check_value`] takes it: yes/no
/// words as booleans, a multi-select split on `;`, the rest as text (numbers are read from text).
pub fn from_text(field_type: FieldType, text: &str) -> Value {
    let t = text.trim();
    match field_type {
        FieldType::Boolean => match t.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Value::Bool(true),
            "false" | "no" | "n" | "0" => Value::Bool(false),
            _ => json!(t),
        },
        FieldType::MultiSelect => json!(t.split(';').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>()),
        _ => json!(t),
    }
}

/// What checking a record's custom values found: the normalised values and the references to
/// look up (`(field path, object, id)`).
#[derive(Debug, Default)]
pub struct Checked {
    /// The values to store.
    pub values: CustomValues,
    /// References whose records must exist.
    pub references: Vec<(String, Object, String)>,
}

/// Checks `values` against `defs`: unknown keys, types, required values; on a new record
/// (`creating`) missing values get their defaults. Issues are reported as `custom.<name>`.
pub fn check_values(
    defs: &[FieldDef],
    values: &CustomValues,
    creating: bool,
) -> Result<Checked, Vec<(String, String)>> {
    let mut issues = Vec::new();
    let mut checked = Checked::default();
    for key in values.keys() {
        if !defs.iter().any(|d| &d.name == key) {
            issues.push((format!("custom.{key}"), "is not a field of this object".to_string()));
        }
    }
    for def in defs {
        let path = format!("custom.{}", def.name);
        let value = match values.get(&def.name) {
            Some(v) if !v.is_null() && v != &json!("") && v != &json!([]) => Some(v.clone()),
            _ if creating => def.default.clone(),
            _ => None,
        };
        match value {
            Some(v) => match def.check(&v) {
                Ok(v) => {
                    if let (FieldType::Reference, Some(object), Some(id)) = (def.field_type, def.reference, v.as_str())
                    {
                        checked.references.push((path.clone(), object, id.to_string()));
                    }
                    checked.values.insert(def.name.clone(), v);
                }
                Err(message) => issues.push((path, message)),
            },
            None if def.required => issues.push((path, "is required".to_string())),
            None => {}
        }
    }
    if issues.is_empty() {
        Ok(checked)
    } else {
        Err(issues)
    }
}

/// The JSON Schema of the `custom` object of a record with these fields.
pub fn custom_schema(defs: &[FieldDef]) -> Value {
    let properties: Map<String, Value> = defs.iter().map(|d| (d.name.clone(), d.json_schema())).collect();
    let required: Vec<&str> = defs.iter().filter(|d| d.required).map(|d| d.name.as_str()).collect();
    json!({
        "type": "object",
        "description": "Custom fields (GET /api/schema/{object}/fields)",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(field_type: &str, extra: impl FnOnce(&mut FieldInput)) -> FieldDef {
        let mut input = FieldInput {
            name: Some("f".into()),
            field_type: Some(field_type.into()),
            options: matches!(field_type, "select" | "multi_select").then(|| vec!["a".into(), "b".into()]),
            reference: (field_type == "reference").then(|| "company".into()),
            ..Default::default()
        };
        extra(&mut input);
        FieldDef::create("id".into(), Object::Deal, input, "2026-01-01T00:00:00Z").expect("valid definition")
    }

    /// Each type: values it takes (with what is stored) and values it refuses.
    #[test]
    fn every_type_takes_its_values_and_refuses_others() {
        type Row = (&'static str, Vec<(Value, Value)>, Vec<Value>);
        let table: Vec<Row> = vec![
            ("text", vec![(json!(" K70 "), json!("K70"))], vec![json!(5), json!("x".repeat(1001)), json!(true)]),
            ("long_text", vec![(json!("x".repeat(5000)), json!("x".repeat(5000)))], vec![json!(["a"])]),
            (
                "number",
                vec![(json!(12), json!(12)), (json!(-1.5), json!(-1.5)), (json!("7"), json!(7))],
                vec![json!("seven"), json!(true), json!(1e300)],
            ),
            ("decimal", vec![(json!(1.123456), json!(1.123456)), (json!("2.50"), json!(2.5))], vec![json!(1.1234567)]),
            (
                "currency",
                vec![(json!(1250.5), json!(1250.5)), (json!("99.99"), json!(99.99)), (json!(3), json!(3))],
                vec![json!(-1), json!(1.234)],
            ),
            ("date", vec![(json!("2026-03-31"), json!("2026-03-31"))], vec![json!("2026-02-30"), json!("31/03/2026")]),
            (
                "datetime",
                vec![(json!("2026-03-31T11:30:00+02:00"), json!("2026-03-31T09:30:00.000Z"))],
                vec![json!("2026-03-31")],
            ),
            ("boolean", vec![(json!(true), json!(true)), (json!(false), json!(false))], vec![json!("yes"), json!(1)]),
            ("select", vec![(json!("a"), json!("a"))], vec![json!("c"), json!(["a"])]),
            ("multi_select", vec![(json!(["b", "a", "b"]), json!(["b", "a"]))], vec![json!("a"), json!(["c"])]),
            (
                "url",
                vec![(json!("https://example.com/x"), json!("https://example.com/x"))],
                vec![json!("example.com"), json!("javascript:alert(1)"), json!("https:// x")],
            ),
            ("email", vec![(json!(" Ann@Example.COM"), json!("ann@example.com"))], vec![json!("nope")]),
            ("phone", vec![(json!("+49 30 1234-56"), json!("+49 30 1234-56"))], vec![json!("call me"), json!("12")]),
            (
                "reference",
                vec![(json!("0190A0B0-0000-7000-8000-000000000001"), json!("0190a0b0-0000-7000-8000-000000000001"))],
                vec![json!("acme"), json!(7)],
            ),
        ];
        assert_eq!(table.len(), FieldType::ALL.len(), "every type is in the table");
        for (field_type, good, bad) in table {
            let d = def(field_type, |_| {});
            for (raw, stored) in good {
                assert_eq!(d.check(&raw), Ok(stored.clone()), "{field_type} takes {raw}");
            }
            for raw in bad {
                assert!(d.check(&raw).is_err(), "{field_type} refuses {raw}");
            }
        }
    }

    #[test]
    fn definitions_are_checked() {
        let bad = |input: FieldInput| -> Vec<String> {
            match FieldDef::create("id".into(), Object::Contact, input, "t") {
                Err(super::super::fields::DomainError::Invalid(issues)) => {
                    issues.into_iter().map(|i| i.field).collect()
                }
                other => panic!("expected issues, got {other:?}"),
            }
        };
        let named = |name: &str, t: &str| FieldInput {
            name: Some(name.into()),
            field_type: Some(t.into()),
            ..Default::default()
        };
        assert_eq!(bad(named("email", "text")), ["name"]);
        assert_eq!(bad(named("Industry Code", "text")), ["name"]);
        assert_eq!(bad(named("custom", "text")), ["name"]);
        assert_eq!(bad(named("x", "colour")), ["type"]);
        assert_eq!(bad(named("x", "select")), ["options"]);
        assert_eq!(bad(named("x", "reference")), ["reference"]);
        assert_eq!(bad(FieldInput { unique: Some(true), ..named("x", "long_text") }), ["unique"]);
        assert_eq!(bad(FieldInput { default: Some(json!("maybe")), ..named("x", "boolean") }), ["default"]);
        let ok = FieldDef::create("id".into(), Object::Contact, named("industry_code", "text"), "t").expect("valid");
        assert_eq!(ok.label, "Industry code");
        let changed = ok.apply(FieldInput { field_type: Some("number".into()), ..Default::default() }, "t2");
        assert!(changed.is_err(), "the type cannot change");
    }

    #[test]
    fn values_get_defaults_on_create_and_required_ones_are_enforced() {
        let tier = def("select", |i| {
            i.name = Some("tier".into());
            i.default = Some(json!("a"));
        });
        let code = def("text", |i| {
            i.name = Some("code".into());
            i.required = Some(true);
        });
        let defs = vec![tier, code];
        let created = check_values(&defs, &BTreeMap::from([("code".into(), json!("K70"))]), true).expect("valid");
        assert_eq!(created.values, BTreeMap::from([("code".into(), json!("K70")), ("tier".into(), json!("a"))]));
        let updated = check_values(&defs, &BTreeMap::from([("code".into(), json!("K70"))]), false).expect("valid");
        assert!(!updated.values.contains_key("tier"), "defaults fill new records only");
        let errs = check_values(&defs, &BTreeMap::from([("nope".into(), json!(1)), ("tier".into(), json!("z"))]), true)
            .expect_err("invalid");
        let fields: Vec<&str> = errs.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["custom.nope", "custom.tier", "custom.code"]);
    }

    #[test]
    fn merging_sets_replaces_and_removes() {
        let current = BTreeMap::from([("a".to_string(), json!(1)), ("b".to_string(), json!(2))]);
        let patch = json!({"a": null, "c": 3});
        let next = merge(&current, patch.as_object().expect("object"));
        assert_eq!(next, BTreeMap::from([("b".to_string(), json!(2)), ("c".to_string(), json!(3))]));
    }

    #[test]
    fn objects_parse_by_singular_and_plural() {
        assert_eq!(Object::parse("deals"), Some(Object::Deal));
        assert_eq!(Object::parse("case"), Some(Object::Case));
        assert_eq!(Object::parse("support_case"), None);
        assert_eq!(Object::of_table("support_case"), Some(Object::Case));
    }

    #[test]
    fn custom_objects_are_interned_and_named_by_their_table() {
        assert!(is_object_name("contract"));
        assert!(!is_object_name("deals"), "a built-in plural");
        assert!(!is_object_name("task") && !is_object_name("objects"), "reserved");
        assert!(!is_object_name("Contract"));
        assert_eq!(Object::parse("unit_test_widget"), None, "unknown until defined or read");
        let widget = Object::custom("unit_test_widget");
        assert_eq!(widget, Object::custom("unit_test_widget"));
        assert_eq!(widget.table(), "obj_unit_test_widget");
        assert_eq!(Object::of_table("obj_unit_test_widget"), Some(widget));
        assert_eq!(Object::parse("unit_test_widget"), Some(widget));
        assert_eq!(Object::parse("obj_unit_test_widget"), None, "a table is not a name");
        assert_eq!(serde_json::to_value(widget).unwrap(), json!("unit_test_widget"));
        assert_eq!(serde_json::from_value::<Object>(json!("unit_test_widget")).unwrap(), widget);
        assert_eq!(serde_json::from_value::<Object>(json!("case")).unwrap(), Object::Case);
        assert!(serde_json::from_value::<Object>(json!("Not A Name")).is_err());
        assert!(widget.is_builtin("name") && !widget.is_builtin("value"));
        assert_eq!(widget.record_path("1"), "/objects/unit_test_widget/1");
    }
}
