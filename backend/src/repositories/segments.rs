//! Segments: their stored rows, and their filters turned into SurrealQL conditions over
//! contacts (field names from the parser's fixed lists, every value bound).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::records::{self, ListQuery, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::contacts::Contact;
use crate::domain::ids::format_ts;
use crate::domain::segments::{Condition, Field, FieldType, Filter, Op, Operand};
use crate::repositories::contacts::ContactQuery;

/// Table name.
pub const TABLE: &str = "segment";

/// A saved filter over contacts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    /// Id (UUIDv7).
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The filter tree as given (checked by `domain::segments::parse_filter`).
    pub filter: Value,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl Stored for Segment {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "segment";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
        }
        records::add_descending_keys(&mut row, &["key"]);
        row
    }

    fn title(&self) -> String {
        self.name.clone()
    }
}

/// A filter as a condition over `contact` rows, with the values it binds (named `sg<n>`).
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The condition.
    pub sql: String,
    /// Its values.
    pub vars: Map<String, Value>,
    /// The equalities every match has (status, tag, company of top-level conditions), which an
    /// index serves.
    pub driver: ContactQuery,
}

impl Compiled {
    /// Whether the scan uses the contacts' facets index (and so needs its migration).
    pub fn uses_facets(&self) -> bool {
        crate::repositories::contacts::uses_facets(&self.driver)
    }
}

/// Turns a checked filter into a condition; `now` anchors `within_last`.
pub fn compile(filter: &Filter, now: DateTime<Utc>) -> Compiled {
    let mut vars = Map::new();
    let sql = node(filter, now, &mut vars);
    Compiled { sql, vars, driver: driver(filter) }
}

/// The status, tag and company every match must have, from conditions at the top level.
fn driver(filter: &Filter) -> ContactQuery {
    let mut query = ContactQuery::default();
    let leaves: Vec<&Condition> = match filter {
        Filter::Leaf(c) => vec![c],
        Filter::And(children) => children
            .iter()
            .filter_map(|c| match c {
                Filter::Leaf(c) => Some(c),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    for c in leaves {
        let (Field::Contact(name, _), Operand::Text(value)) = (&c.field, &c.value) else { continue };
        match (*name, c.op) {
            ("status", Op::Eq) if query.status.is_none() => {
                query.status = crate::domain::contacts::ContactStatus::ALL.into_iter().find(|s| s.as_str() == value);
            }
            ("tags", Op::Contains) if query.tag.is_none() => query.tag = Some(value.clone()),
            ("company_id", Op::Eq) if query.company_id.is_none() => query.company_id = Some(value.clone()),
            _ => {}
        }
    }
    query
}

fn bind(vars: &mut Map<String, Value>, value: Value) -> String {
    let name = format!("sg{}", vars.len());
    vars.insert(name.clone(), value);
    format!("${name}")
}

fn node(filter: &Filter, now: DateTime<Utc>, vars: &mut Map<String, Value>) -> String {
    match filter {
        Filter::And(children) | Filter::Or(children) => {
            let joiner = if matches!(filter, Filter::And(_)) { " AND " } else { " OR " };
            let parts: Vec<String> = children.iter().map(|c| node(c, now, vars)).collect();
            format!("({})", parts.join(joiner))
        }
        Filter::Not(child) => format!("!({})", node(child, now, vars)),
        Filter::Leaf(condition) => leaf(condition, now, vars),
    }
}

fn operand_value(value: &Operand) -> Value {
    match value {
        Operand::Present(b) => json!(b),
        Operand::Text(t) => json!(t),
        Operand::Texts(t) => json!(t),
        Operand::Number(n) => json!(n),
        Operand::Numbers(n) => json!(n),
        Operand::Time(at) => json!(format_ts(*at)),
        Operand::Seconds(s) => json!(s),
    }
}

/// The comparison of `expr` (a fixed expression) under `op` with the bound value.
fn compare(
    expr: &str,
    t: FieldType,
    op: Op,
    value: &Operand,
    now: DateTime<Utc>,
    vars: &mut Map<String, Value>,
) -> String {
    let since = |vars: &mut Map<String, Value>| match value {
        Operand::Seconds(s) => bind(vars, json!(format_ts(now - chrono::Duration::seconds(*s)))),
        _ => bind(vars, Value::Null),
    };
    match (op, t) {
        (Op::Exists, FieldType::Tags) => {
            let cmp = if *value == Operand::Present(true) { ">" } else { "=" };
            format!("array::len({expr} ?? []) {cmp} 0")
        }
        (Op::Exists, _) => {
            let cmp = if *value == Operand::Present(true) { "!=" } else { "=" };
            format!("{expr} {cmp} NONE")
        }
        (Op::Contains, FieldType::Tags) => format!("{expr} CONTAINS {}", bind(vars, operand_value(value))),
        (Op::In, FieldType::Tags) => format!("{expr} CONTAINSANY {}", bind(vars, operand_value(value))),
        (Op::NotIn, FieldType::Tags) => format!("{expr} CONTAINSNONE {}", bind(vars, operand_value(value))),
        (Op::Contains, _) => {
            let v = bind(vars, json!(text_lower(value)));
            format!("string::contains(string::lowercase({expr} ?? ''), {v})")
        }
        (Op::StartsWith, _) => {
            let v = bind(vars, json!(text_lower(value)));
            format!("string::starts_with(string::lowercase({expr} ?? ''), {v})")
        }
        (Op::Eq, _) => format!("{expr} = {}", bind(vars, operand_value(value))),
        (Op::Neq, _) => format!("{expr} != {}", bind(vars, operand_value(value))),
        (Op::In, _) => format!("{expr} INSIDE {}", bind(vars, operand_value(value))),
        (Op::NotIn, _) => format!("{expr} NOTINSIDE {}", bind(vars, operand_value(value))),
        (Op::Gt, _) => format!("({expr} != NONE AND {expr} > {})", bind(vars, operand_value(value))),
        (Op::Gte, _) => format!("({expr} != NONE AND {expr} >= {})", bind(vars, operand_value(value))),
        (Op::Lt, _) => format!("({expr} != NONE AND {expr} < {})", bind(vars, operand_value(value))),
        (Op::Lte, _) => format!("({expr} != NONE AND {expr} <= {})", bind(vars, operand_value(value))),
        (Op::WithinLast, _) => format!("({expr} != NONE AND {expr} >= {})", since(vars)),
        (Op::NotWithinLast, _) => format!("({expr} = NONE OR {expr} < {})", since(vars)),
    }
}

fn text_lower(value: &Operand) -> String {
    match value {
        Operand::Text(t) => t.to_lowercase(),
        _ => String::new(),
    }
}

fn leaf(c: &Condition, now: DateTime<Utc>, vars: &mut Map<String, Value>) -> String {
    let t = c.field.field_type();
    match &c.field {
        // A contact never scored has a score of zero.
        Field::Contact("score", _) => compare("(score ?? 0)", t, c.op, &c.value, now, vars),
        Field::Contact(name, _) => compare(name, t, c.op, &c.value, now, vars),
        Field::EmailDomain => compare("array::last(string::split(email, '@'))", t, c.op, &c.value, now, vars),
        Field::Company(name, _) => {
            let inner = compare(name, t, c.op, &c.value, now, vars);
            format!("company_id INSIDE (SELECT VALUE key FROM company WHERE {inner})")
        }
        Field::Activity(kinds) => {
            let kinds = bind(vars, json!(kinds));
            let Operand::Seconds(s) = c.value else { return "false".into() };
            let since = bind(vars, json!(format_ts(now - chrono::Duration::seconds(s))));
            let active = format!(
                "key INSIDE (SELECT VALUE contact_id FROM timeline_entry WHERE kind INSIDE {kinds} AND at >= {since})"
            );
            if c.op == Op::WithinLast {
                active
            } else {
                format!("!({active})")
            }
        }
    }
}

/// Segment storage and the contact lists a filter selects.
#[derive(Clone)]
pub struct SegmentRepository {
    db: Db,
}

impl SegmentRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Segments, newest first.
    pub async fn list(&self, after: Option<String>, limit: usize) -> RepoResult<(Vec<Segment>, Option<String>)> {
        ListQuery {
            compiled: None,
            table: TABLE,
            conditions: Vec::new(),
            vars: Map::new(),
            sort_column: "key",
            desc: true,
            after,
            limit,
            filtered: false,
        }
        .page(&self.db)
        .await
    }

    fn members_query(&self, compiled: &Compiled, after: Option<String>, limit: usize) -> ListQuery {
        // The filter's top-level equalities on status, tag and company drive an index scan (the
        // contact lists' own indexes); the whole filter is still checked on every row.
        let mut conditions = Vec::new();
        let mut vars = compiled.vars.clone();
        crate::repositories::contacts::equality_conditions(&compiled.driver, &mut conditions, &mut vars);
        ListQuery {
            compiled: Some(compiled.sql.clone()),
            table: crate::repositories::contacts::TABLE,
            filtered: !conditions.is_empty(),
            conditions,
            vars,
            sort_column: "key",
            desc: true,
            after,
            limit,
        }
    }

    /// A page of the contacts the filter selects now, newest first.
    pub async fn members(
        &self,
        compiled: &Compiled,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Contact>, Option<String>)> {
        self.members_query(compiled, after, limit).page(&self.db).await
    }

    /// The plan of a page of members (tests assert which index drives it).
    pub async fn explain_members(&self, compiled: &Compiled) -> RepoResult<Value> {
        self.members_query(compiled, None, 50).explain(&self.db).await
    }

    /// How many contacts the filter selects now.
    pub async fn count(&self, compiled: &Compiled) -> RepoResult<u64> {
        self.members_query(compiled, None, 1).count(&self.db).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::segments::parse_filter;
    use chrono::TimeZone;

    #[test]
    fn filters_compile_to_conditions_with_every_value_bound() {
        let now = Utc.with_ymd_and_hms(2026, 1, 31, 0, 0, 0).unwrap();
        let filter = parse_filter(&json!({"and": [
            {"field": "status", "op": "in", "value": ["lead", "mql"]},
            {"or": [
                {"field": "tags", "op": "contains", "value": "VIP"},
                {"not": {"field": "email_domain", "op": "eq", "value": "acme.com"}}
            ]},
            {"field": "company.industry", "op": "eq", "value": "x' OR true --"},
            {"field": "activity.call", "op": "within_last", "value": "1d"}
        ]}))
        .unwrap();
        let c = compile(&filter, now);
        assert_eq!(
            c.sql,
            "(status INSIDE $sg0 AND (tags CONTAINS $sg1 OR !(array::last(string::split(email, '@')) = $sg2)) AND \
             company_id INSIDE (SELECT VALUE key FROM company WHERE industry = $sg3) AND \
             key INSIDE (SELECT VALUE contact_id FROM timeline_entry WHERE kind INSIDE $sg4 AND at >= $sg5))"
        );
        assert_eq!(c.vars["sg1"], json!("vip"));
        assert_eq!(c.vars["sg3"], json!("x' OR true --"), "values are bound, never spliced");
        assert_eq!(c.vars["sg5"], json!("2026-01-30T00:00:00.000000Z"));
    }
}
