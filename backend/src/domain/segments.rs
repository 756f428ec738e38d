//! Segment filters: a JSON tree (`and`, `or`, `not`, leaves `{field, op, value}`) parsed and
//! checked into a typed tree. No storage concern here: the repository turns the tree into a query
//! with bound values only.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::fields::{DomainError, FieldIssue, Issues};
use super::funnel::ContactStatus;

/// Deepest nesting of groups.
pub const MAX_DEPTH: usize = 8;
/// Most nodes in one filter.
pub const MAX_NODES: usize = 64;
/// Most values of an `in` / `not_in` list.
pub const MAX_VALUES: usize = 100;

/// A checked filter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// Every child holds.
    And(Vec<Filter>),
    /// Some child holds.
    Or(Vec<Filter>),
    /// The child does not hold.
    Not(Box<Filter>),
    /// One condition.
    Leaf(Condition),
}

impl Filter {
    /// The conditions every match must meet on their own (the filter itself, or the leaves of
    /// a top-level `and`), and whether they are the whole filter.
    pub fn top_level_leaves(&self) -> (Vec<&Condition>, bool) {
        match self {
            Filter::Leaf(c) => (vec![c], true),
            Filter::And(children) => {
                let leaves: Vec<&Condition> = children
                    .iter()
                    .filter_map(|c| match c {
                        Filter::Leaf(c) => Some(c),
                        _ => None,
                    })
                    .collect();
                let whole = leaves.len() == children.len();
                (leaves, whole)
            }
            _ => (Vec::new(), false),
        }
    }
}

/// What a value of a field is, which decides the operators it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Free text (email, names, source, ...).
    Text,
    /// A contact status.
    Status,
    /// A list of tags.
    Tags,
    /// A moment (RFC 3339).
    Time,
    /// A number.
    Number,
    /// A record id.
    Id,
    /// Activity of a kind on the contact's timeline.
    Activity,
    /// True or false.
    Bool,
    /// A calendar date (`YYYY-MM-DD`).
    Date,
}

/// The segment type of a custom field of `t`.
pub fn custom_field_type(t: super::custom::FieldType) -> FieldType {
    use super::custom::FieldType as C;
    match t {
        C::Number | C::Decimal | C::Currency => FieldType::Number,
        C::Date => FieldType::Date,
        C::Datetime => FieldType::Time,
        C::Boolean => FieldType::Bool,
        C::MultiSelect => FieldType::Tags,
        C::Reference => FieldType::Id,
        C::Text | C::LongText | C::Select | C::Url | C::Email | C::Phone => FieldType::Text,
    }
}

/// A field a leaf names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A field of the contact itself (its stored name).
    Contact(&'static str, FieldType),
    /// The domain part of the contact's email.
    EmailDomain,
    /// A field of the contact's company (its stored name).
    Company(&'static str, FieldType),
    /// Timeline entries of these kinds.
    Activity(&'static [&'static str]),
    /// A custom field of the contact (`custom.<name>`; the name is a checked field key).
    Custom(String, FieldType),
    /// A built-in field of another object than contacts (the query endpoint's filters).
    Own(&'static str, FieldType),
}

impl Field {
    /// The field's type.
    pub fn field_type(&self) -> FieldType {
        match self {
            Field::Contact(_, t) | Field::Company(_, t) | Field::Custom(_, t) | Field::Own(_, t) => *t,
            Field::EmailDomain => FieldType::Text,
            Field::Activity(_) => FieldType::Activity,
        }
    }
}

const CONTACT_FIELDS: [(&str, FieldType); 13] = [
    ("status", FieldType::Status),
    ("tags", FieldType::Tags),
    ("email", FieldType::Text),
    ("first_name", FieldType::Text),
    ("last_name", FieldType::Text),
    ("title", FieldType::Text),
    ("phone", FieldType::Text),
    ("source", FieldType::Text),
    ("company_id", FieldType::Id),
    ("owner_id", FieldType::Id),
    ("created_at", FieldType::Time),
    ("updated_at", FieldType::Time),
    ("score", FieldType::Number),
];

const COMPANY_FIELDS: [(&str, FieldType); 5] = [
    ("name", FieldType::Text),
    ("domain", FieldType::Text),
    ("industry", FieldType::Text),
    ("size", FieldType::Number),
    ("website", FieldType::Text),
];

/// Activity kinds and the timeline kinds behind them.
const ACTIVITIES: [(&str, &[&str]); 6] = [
    ("note", &["note"]),
    ("call", &["call"]),
    ("meeting", &["meeting"]),
    ("email", &["email"]),
    ("rsvp", &["rsvp", "rsvp_yes"]),
    ("form", &["form", "form_submission"]),
];

/// The fields a filter may name.
#[derive(Debug, Clone, Copy)]
pub struct Catalog<'a> {
    /// Built-in fields of another object than contacts (`None`: the contacts' own, with
    /// `email_domain` and `activity.<kind>`).
    pub own: Option<&'a [(&'static str, FieldType)]>,
    /// Custom fields (`custom.<name>`), name and type.
    pub custom: &'a [(String, FieldType)],
    /// Whether `company.<field>` names a field of the record's company (`company_id`).
    pub company: bool,
}

impl<'a> Catalog<'a> {
    /// The contacts' fields, with these custom fields.
    pub fn contacts(custom: &'a [(String, FieldType)]) -> Self {
        Catalog { own: None, custom, company: true }
    }
}

/// Parses a field name of `catalog`: an own field, `company.<field>`, `custom.<name>`, and for
/// contacts `email_domain` and `activity.<kind>`.
pub fn parse_field(name: &str, catalog: &Catalog) -> Option<Field> {
    if let Some(f) = name.strip_prefix("custom.") {
        return catalog.custom.iter().find(|(n, _)| n == f).map(|(n, t)| Field::Custom(n.clone(), *t));
    }
    if let Some(own) = catalog.own {
        if let Some(f) = name.strip_prefix("company.").filter(|_| catalog.company) {
            return COMPANY_FIELDS.iter().find(|(n, _)| *n == f).map(|(n, t)| Field::Company(n, *t));
        }
        return own.iter().find(|(n, _)| *n == name).map(|(n, t)| Field::Own(n, *t));
    }
    if name == "email_domain" {
        return Some(Field::EmailDomain);
    }
    if let Some(f) = name.strip_prefix("company.") {
        return COMPANY_FIELDS.iter().find(|(n, _)| *n == f).map(|(n, t)| Field::Company(n, *t));
    }
    if let Some(kind) = name.strip_prefix("activity.") {
        return ACTIVITIES.iter().find(|(n, _)| *n == kind).map(|(_, kinds)| Field::Activity(kinds));
    }
    CONTACT_FIELDS.iter().find(|(n, _)| *n == name).map(|(n, t)| Field::Contact(n, *t))
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Equal.
    Eq,
    /// Not equal (or absent).
    Neq,
    /// One of the values.
    In,
    /// None of the values (or absent).
    NotIn,
    /// Text containing the value; tags including it.
    Contains,
    /// Text starting with the value.
    StartsWith,
    /// Greater than.
    Gt,
    /// Greater or equal.
    Gte,
    /// Less than.
    Lt,
    /// Less or equal.
    Lte,
    /// Present (`value: true`) or absent (`value: false`).
    Exists,
    /// A moment, or an activity, within this long ago (`"30d"`).
    WithinLast,
    /// Not within this long ago (earlier, or never).
    NotWithinLast,
}

impl Op {
    const ALL: [(&'static str, Op); 13] = [
        ("eq", Op::Eq),
        ("neq", Op::Neq),
        ("in", Op::In),
        ("not_in", Op::NotIn),
        ("contains", Op::Contains),
        ("starts_with", Op::StartsWith),
        ("gt", Op::Gt),
        ("gte", Op::Gte),
        ("lt", Op::Lt),
        ("lte", Op::Lte),
        ("exists", Op::Exists),
        ("within_last", Op::WithinLast),
        ("not_within_last", Op::NotWithinLast),
    ];

    /// Parses an operator name.
    pub fn parse(name: &str) -> Option<Op> {
        Op::ALL.iter().find(|(n, _)| *n == name).map(|(_, op)| *op)
    }

    /// The operators a field type takes.
    pub fn allowed(t: FieldType) -> &'static [Op] {
        use Op::*;
        match t {
            FieldType::Text => &[Eq, Neq, In, NotIn, Contains, StartsWith, Exists],
            FieldType::Status | FieldType::Id => &[Eq, Neq, In, NotIn, Exists],
            FieldType::Tags => &[Contains, In, NotIn, Exists],
            FieldType::Time => &[Gt, Gte, Lt, Lte, Exists, WithinLast, NotWithinLast],
            FieldType::Number => &[Eq, Neq, Gt, Gte, Lt, Lte, In, NotIn, Exists],
            FieldType::Activity => &[WithinLast, NotWithinLast],
            FieldType::Bool => &[Eq, Neq, Exists],
            FieldType::Date => &[Eq, Neq, In, NotIn, Gt, Gte, Lt, Lte, Exists, WithinLast, NotWithinLast],
        }
    }

    fn name(self) -> &'static str {
        Op::ALL.iter().find(|(_, op)| *op == self).map_or("?", |(n, _)| n)
    }
}

/// A leaf's value, checked against its field and operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// `exists`: whether the field must be present.
    Present(bool),
    /// One text (lower-cased for email, domains and tags).
    Text(String),
    /// Several texts.
    Texts(Vec<String>),
    /// One number.
    Number(f64),
    /// Several numbers.
    Numbers(Vec<f64>),
    /// A moment.
    Time(DateTime<Utc>),
    /// A duration in seconds (`within_last`).
    Seconds(i64),
    /// True or false.
    Bool(bool),
}

/// One checked condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The field.
    pub field: Field,
    /// The comparison.
    pub op: Op,
    /// The value.
    pub value: Operand,
}

/// Parses `"30d"`, `"12h"`, `"15m"`, `"2w"` into seconds (at most ten years).
pub fn parse_duration(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    let unit = raw.chars().last()?;
    let n: i64 = raw[..raw.len() - unit.len_utf8()].parse().ok().filter(|n| *n > 0)?;
    let secs = match unit {
        'm' => n.checked_mul(60)?,
        'h' => n.checked_mul(3_600)?,
        'd' => n.checked_mul(86_400)?,
        'w' => n.checked_mul(604_800)?,
        _ => return None,
    };
    (secs <= 10 * 366 * 86_400).then_some(secs)
}

struct Parser<'a> {
    issues: Issues,
    nodes: usize,
    catalog: Catalog<'a>,
}

impl Parser<'_> {
    fn node(&mut self, value: &Value, path: &str, depth: usize) -> Option<Filter> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            if self.nodes == MAX_NODES + 1 {
                self.issues.add(path, format!("a filter has at most {MAX_NODES} nodes"));
            }
            return None;
        }
        if depth > MAX_DEPTH {
            self.issues.add(path, format!("groups nest at most {MAX_DEPTH} deep"));
            return None;
        }
        let Some(object) = value.as_object() else {
            self.issues.add(path, "must be an object: {\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}} or {\"field\", \"op\", \"value\"}");
            return None;
        };
        let group = |key: &str| object.get(key).filter(|_| object.len() == 1);
        if let Some(children) = group("and").or_else(|| group("or")) {
            let key = if object.contains_key("and") { "and" } else { "or" };
            let Some(items) = children.as_array().filter(|a| !a.is_empty()) else {
                self.issues.add(format!("{path}.{key}"), "must be a non-empty array of filters");
                return None;
            };
            let parsed: Vec<Option<Filter>> = items
                .iter()
                .enumerate()
                .map(|(i, child)| self.node(child, &format!("{path}.{key}[{i}]"), depth + 1))
                .collect();
            let parsed: Option<Vec<Filter>> = parsed.into_iter().collect();
            return parsed.map(|p| if key == "and" { Filter::And(p) } else { Filter::Or(p) });
        }
        if let Some(child) = group("not") {
            return self.node(child, &format!("{path}.not"), depth + 1).map(|f| Filter::Not(Box::new(f)));
        }
        if object.contains_key("and") || object.contains_key("or") || object.contains_key("not") {
            self.issues.add(path, "a group has exactly one key: and, or, or not");
            return None;
        }
        self.leaf(object, path).map(Filter::Leaf)
    }

    fn leaf(&mut self, object: &serde_json::Map<String, Value>, path: &str) -> Option<Condition> {
        for key in object.keys() {
            if !["field", "op", "value"].contains(&key.as_str()) {
                self.issues.add(format!("{path}.{key}"), "is not part of a condition (field, op, value)");
            }
        }
        let field = match object.get("field").and_then(Value::as_str) {
            Some(name) => {
                let field = parse_field(name, &self.catalog);
                if field.is_none() {
                    let message = match self.catalog.own {
                        None => "is not a segment field: a contact field (status, tags, email, email_domain, source, company_id, created_at, updated_at, score, ...), company.<field>, activity.<kind> or custom.<name> of a custom field".to_string(),
                        Some(own) => {
                            let names: Vec<&str> = own.iter().map(|(n, _)| *n).collect();
                            let company = if self.catalog.company { ", company.<field>" } else { "" };
                            format!("is not a field of this object: {}{company} or custom.<name> of a custom field", names.join(", "))
                        }
                    };
                    self.issues.add(format!("{path}.field"), message);
                }
                field
            }
            None => {
                self.issues.add(format!("{path}.field"), "is required (a field name)");
                None
            }
        };
        let op = match object.get("op").and_then(Value::as_str) {
            Some(name) => {
                let op = Op::parse(name);
                if op.is_none() {
                    self.issues.add(format!("{path}.op"), "is not an operator (eq, neq, in, not_in, contains, starts_with, gt, gte, lt, lte, exists, within_last, not_within_last)");
                }
                op
            }
            None => {
                self.issues.add(format!("{path}.op"), "is required (an operator)");
                None
            }
        };
        let (field, op) = (field?, op?);
        let t = field.field_type();
        if !Op::allowed(t).contains(&op) {
            let names: Vec<&str> = Op::allowed(t).iter().map(|o| o.name()).collect();
            self.issues.add(format!("{path}.op"), format!("this field takes {}", names.join(", ")));
            return None;
        }
        let value = object.get("value").unwrap_or(&Value::Null);
        let value = self.operand(value, t, op, &field, &format!("{path}.value"))?;
        Some(Condition { field, op, value })
    }

    fn operand(&mut self, value: &Value, t: FieldType, op: Op, field: &Field, path: &str) -> Option<Operand> {
        let lower = matches!(field, Field::EmailDomain | Field::Contact("email" | "tags", _));
        let text = |v: &Value| -> Option<String> {
            let s = v.as_str()?.trim();
            (!s.is_empty() && s.chars().count() <= 200).then(|| if lower { s.to_lowercase() } else { s.to_string() })
        };
        match op {
            Op::Exists => match value.as_bool() {
                Some(b) => Some(Operand::Present(b)),
                None => self.fail(path, "must be true (present) or false (absent)".into()),
            },
            Op::WithinLast | Op::NotWithinLast => match value.as_str().and_then(parse_duration) {
                Some(s) => Some(Operand::Seconds(s)),
                None => self.fail(path, "must be a duration such as \"30d\", \"12h\", \"15m\" or \"2w\"".into()),
            },
            Op::Eq | Op::Neq if t == FieldType::Bool => match value.as_bool() {
                Some(b) => Some(Operand::Bool(b)),
                None => self.fail(path, "must be true or false".into()),
            },
            Op::In | Op::NotIn => {
                let Some(items) = value.as_array().filter(|a| !a.is_empty() && a.len() <= MAX_VALUES) else {
                    return self.fail(path, format!("must be an array of 1 to {MAX_VALUES} values"));
                };
                if t == FieldType::Number {
                    let numbers: Option<Vec<f64>> = items.iter().map(Value::as_f64).collect();
                    return numbers
                        .map(Operand::Numbers)
                        .or_else(|| self.fail(path, "must be an array of numbers".into()));
                }
                let texts: Option<Vec<String>> = items.iter().map(|v| self.checked_text(v, t, lower)).collect();
                texts.map(Operand::Texts).or_else(|| self.fail(path, expected(t)))
            }
            Op::Gt | Op::Gte | Op::Lt | Op::Lte if t == FieldType::Time => {
                match value.as_str().and_then(super::ids::parse_ts) {
                    Some(at) => Some(Operand::Time(at)),
                    None => self.fail(path, "must be an RFC 3339 timestamp such as 2026-01-31T09:00:00Z".into()),
                }
            }
            _ if t == FieldType::Number => match value.as_f64().filter(|f| f.is_finite()) {
                Some(n) => Some(Operand::Number(n)),
                None => self.fail(path, "must be a number".into()),
            },
            Op::Contains | Op::StartsWith => match text(value) {
                Some(s) => Some(Operand::Text(s)),
                None => self.fail(path, "must be a non-empty text of at most 200 characters".into()),
            },
            _ => match self.checked_text(value, t, lower) {
                Some(s) => Some(Operand::Text(s)),
                None => self.fail(path, expected(t)),
            },
        }
    }

    fn fail(&mut self, path: &str, message: String) -> Option<Operand> {
        self.issues.add(path, message);
        None
    }

    /// One text value of a field of type `t` (a status must be one, an id a UUID).
    fn checked_text(&self, value: &Value, t: FieldType, lower: bool) -> Option<String> {
        let s = value.as_str()?.trim();
        if s.is_empty() || s.chars().count() > 200 {
            return None;
        }
        match t {
            FieldType::Status => ContactStatus::ALL.iter().find(|c| c.as_str() == s).map(|c| c.as_str().to_string()),
            FieldType::Id => super::ids::parse_id(s),
            FieldType::Date => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(|_| s.to_string()),
            _ => Some(if lower { s.to_lowercase() } else { s.to_string() }),
        }
    }
}

fn expected(t: FieldType) -> String {
    match t {
        FieldType::Status => "must be a contact status (lead, mql, sql, opportunity, customer, churned)".into(),
        FieldType::Id => "must be a record id (a UUID)".into(),
        FieldType::Date => "must be a date such as 2026-03-31".into(),
        _ => "must be a non-empty text of at most 200 characters".into(),
    }
}

/// Parses and checks a filter tree over the built-in fields; issues name the offending node's
/// path from `filter`.
pub fn parse_filter(value: &Value) -> Result<Filter, DomainError> {
    parse_filter_with(value, &[])
}

/// Like [`parse_filter`], with the contacts' custom fields (`custom.<name>`) too.
pub fn parse_filter_with(value: &Value, custom: &[(String, FieldType)]) -> Result<Filter, DomainError> {
    parse_filter_in(value, Catalog::contacts(custom))
}

/// Parses and checks a filter tree over the fields of `catalog`.
pub fn parse_filter_in(value: &Value, catalog: Catalog) -> Result<Filter, DomainError> {
    let mut parser = Parser { issues: Issues::default(), nodes: 0, catalog };
    match parser.node(value, "filter", 1) {
        Some(filter) => parser.issues.finish(filter),
        // A node that failed recorded why; the fallback is for safety only.
        None => parser.issues.finish(()).and_then(|()| {
            Err(DomainError::Invalid(vec![FieldIssue {
                field: "filter".into(),
                message: "is not a valid filter".into(),
            }]))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields_of(value: Value) -> Vec<String> {
        match parse_filter(&value) {
            Err(DomainError::Invalid(issues)) => issues.into_iter().map(|i| i.field).collect(),
            other => panic!("expected invalid, got {other:?}"),
        }
    }

    #[test]
    fn every_operator_parses_for_the_fields_that_take_it() {
        let ok = [
            json!({"field": "status", "op": "eq", "value": "lead"}),
            json!({"field": "status", "op": "in", "value": ["lead", "mql"]}),
            json!({"field": "status", "op": "not_in", "value": ["churned"]}),
            json!({"field": "status", "op": "neq", "value": "customer"}),
            json!({"field": "tags", "op": "contains", "value": "VIP"}),
            json!({"field": "tags", "op": "exists", "value": true}),
            json!({"field": "email", "op": "starts_with", "value": "Ada"}),
            json!({"field": "email_domain", "op": "eq", "value": "ACME.com"}),
            json!({"field": "source", "op": "contains", "value": "web"}),
            json!({"field": "company_id", "op": "eq", "value": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"}),
            json!({"field": "created_at", "op": "gte", "value": "2026-01-01T00:00:00Z"}),
            json!({"field": "created_at", "op": "lt", "value": "2026-01-01T00:00:00Z"}),
            json!({"field": "updated_at", "op": "within_last", "value": "30d"}),
            json!({"field": "updated_at", "op": "not_within_last", "value": "12h"}),
            json!({"field": "score", "op": "gt", "value": 10.5}),
            json!({"field": "score", "op": "lte", "value": 3}),
            json!({"field": "company.industry", "op": "eq", "value": "Consulting"}),
            json!({"field": "company.size", "op": "gte", "value": 50}),
            json!({"field": "activity.call", "op": "within_last", "value": "2w"}),
            json!({"field": "activity.form", "op": "not_within_last", "value": "15m"}),
        ];
        for value in ok {
            assert!(parse_filter(&value).is_ok(), "{value}");
        }
        let f = parse_filter(&json!({"field": "email_domain", "op": "eq", "value": "ACME.com"})).unwrap();
        assert_eq!(
            f,
            Filter::Leaf(Condition { field: Field::EmailDomain, op: Op::Eq, value: Operand::Text("acme.com".into()) })
        );
        let f = parse_filter(&json!({"field": "updated_at", "op": "within_last", "value": "30d"})).unwrap();
        assert!(matches!(f, Filter::Leaf(Condition { value: Operand::Seconds(2_592_000), .. })));
    }

    #[test]
    fn groups_nest_and_errors_name_the_node() {
        let tree = json!({"and": [
            {"field": "status", "op": "eq", "value": "lead"},
            {"or": [{"field": "tags", "op": "contains", "value": "vip"}, {"not": {"field": "source", "op": "eq", "value": "web"}}]}
        ]});
        assert!(matches!(parse_filter(&tree), Ok(Filter::And(children)) if children.len() == 2));
        assert_eq!(
            fields_of(
                json!({"and": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "status", "op": "like", "value": "x"}]})
            ),
            ["filter.and[1].op"]
        );
        assert_eq!(fields_of(json!({"or": []})), ["filter.or"]);
        assert_eq!(fields_of(json!({"not": {"field": "colour", "op": "eq", "value": "red"}})), ["filter.not.field"]);
        assert_eq!(fields_of(json!({"field": "status", "op": "eq", "value": "prospect"})), ["filter.value"]);
        assert_eq!(fields_of(json!({"field": "status", "op": "gt", "value": "lead"})), ["filter.op"]);
        assert_eq!(fields_of(json!({"field": "tags", "op": "eq", "value": "vip"})), ["filter.op"]);
        assert_eq!(fields_of(json!({"field": "activity.call", "op": "eq", "value": "x"})), ["filter.op"]);
        assert_eq!(
            fields_of(json!({"field": "created_at", "op": "within_last", "value": "30 days"})),
            ["filter.value"]
        );
        assert_eq!(fields_of(json!({"field": "created_at", "op": "gt", "value": "yesterday"})), ["filter.value"]);
        assert_eq!(fields_of(json!({"field": "score", "op": "gt", "value": "ten"})), ["filter.value"]);
        assert_eq!(fields_of(json!({"field": "status", "op": "in", "value": []})), ["filter.value"]);
        assert_eq!(fields_of(json!({"field": "company_id", "op": "eq", "value": "acme"})), ["filter.value"]);
        assert_eq!(fields_of(json!({"field": "tags", "op": "exists", "value": "yes"})), ["filter.value"]);
        assert_eq!(fields_of(json!({"field": "status", "op": "eq", "value": "lead", "extra": 1})), ["filter.extra"]);
        assert_eq!(fields_of(json!({"and": [{"field": "status"}], "or": []})), ["filter"]);
        assert_eq!(fields_of(json!([1, 2])), ["filter"]);
        assert_eq!(fields_of(json!({"op": "eq"})), ["filter.field"]);
    }

    #[test]
    fn trees_are_bounded() {
        let mut deep = json!({"field": "status", "op": "eq", "value": "lead"});
        for _ in 0..MAX_DEPTH {
            deep = json!({"not": deep});
        }
        assert!(parse_filter(&deep).is_err());
        let wide: Vec<Value> =
            (0..MAX_NODES).map(|_| json!({"field": "status", "op": "eq", "value": "lead"})).collect();
        assert!(parse_filter(&json!({"and": wide})).is_err());
    }

    #[test]
    fn durations_parse_with_units_and_limits() {
        assert_eq!(parse_duration("15m"), Some(900));
        assert_eq!(parse_duration("12h"), Some(43_200));
        assert_eq!(parse_duration("30d"), Some(2_592_000));
        assert_eq!(parse_duration("2w"), Some(1_209_600));
        for bad in ["", "d", "0d", "-1d", "30", "30y", "1.5d", "99999w"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
