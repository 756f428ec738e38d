//! Segments: their stored rows, and their filters turned into SurrealQL conditions over
//! contacts (field names from the parser's fixed lists, every value bound).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::records::{self, ListQuery, Stored};
use super::RepoResult;
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
        records::listed_row(self)
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
    /// The creation-time range every match is in (from conditions at the top level), which
    /// the key indexes serve.
    pub created: Created,
    /// When the driver's equalities and [`Self::created`] are the whole filter: that range. A
    /// count then reads index entries only, never a contact.
    pub covered: Option<Created>,
}

/// A range of creation times, `from` included, `to` excluded, both on whole milliseconds.
///
/// A contact's key is a UUIDv7 made from the same instant as its `created_at` (ids.rs), so
/// "created at or after a whole millisecond" is "key at or after that millisecond's floor":
/// the key indexes answer it exactly.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Created {
    /// Earliest creation time.
    pub from: Option<DateTime<Utc>>,
    /// First creation time past the range.
    pub to: Option<DateTime<Utc>>,
}

impl Created {
    /// Narrows the range by a condition on `created_at`; false when the condition is not a
    /// range on whole milliseconds (`gt` and `lte`, or a moment with microseconds).
    fn narrow(&mut self, op: Op, value: &Operand, now: DateTime<Utc>) -> bool {
        let at = match value {
            Operand::Time(at) if at.timestamp_subsec_micros() % 1000 == 0 => *at,
            Operand::Seconds(s) => now - chrono::Duration::seconds(*s),
            _ => return false,
        };
        match op {
            Op::Gte | Op::WithinLast => self.from = Some(self.from.map_or(at, |f| f.max(at))),
            Op::Lt | Op::NotWithinLast => self.to = Some(self.to.map_or(at, |t| t.min(at))),
            _ => return false,
        }
        true
    }

    /// The range as descending keys (`rkey`, the newest-first lists' column): contacts created
    /// before `to` have `rkey >` the first, those created at or after `from` `rkey <=` the second.
    fn descending_keys(&self) -> (Option<String>, Option<String>) {
        let twin = |at: DateTime<Utc>| records::descending(&crate::domain::ids::id_floor(at));
        (self.to.map(twin), self.from.map(twin))
    }
}

impl Compiled {
    /// Whether the scan uses the contacts' facets index (and so needs its migration).
    pub fn uses_facets(&self) -> bool {
        crate::repositories::contacts::uses_facets(&self.driver)
    }
}

/// Turns a checked filter into a condition; `now` anchors `within_last` (taken to the
/// millisecond, so a `within_last` range is one the key indexes answer exactly).
pub fn compile(filter: &Filter, now: DateTime<Utc>) -> Compiled {
    let now = chrono::TimeZone::timestamp_millis_opt(&Utc, now.timestamp_millis()).single().unwrap_or(now);
    let mut vars = Map::new();
    let sql = node(filter, now, &mut vars);
    let (driver, created, covered) = driver(filter, now);
    Compiled { sql, vars, driver, created, covered: covered.then_some(created) }
}

/// The status, tag and company every match must have, from conditions at the top level, and
/// the creation-time range, and whether they are the whole filter.
fn driver(filter: &Filter, now: DateTime<Utc>) -> (ContactQuery, Created, bool) {
    let mut query = ContactQuery::default();
    let mut range = Created::default();
    let (leaves, mut covered) = filter.top_level_leaves();
    for c in leaves {
        let used = match (&c.field, c.op, &c.value) {
            (Field::Contact("status", _), Op::Eq, Operand::Text(value)) if query.status.is_none() => {
                query.status = crate::domain::contacts::ContactStatus::ALL.into_iter().find(|s| s.as_str() == value);
                query.status.is_some()
            }
            (Field::Contact("tags", _), Op::Contains, Operand::Text(value)) if query.tag.is_none() => {
                query.tag = Some(value.clone());
                true
            }
            (Field::Contact("company_id", _), Op::Eq, Operand::Text(value)) if query.company_id.is_none() => {
                query.company_id = Some(value.clone());
                true
            }
            (Field::Contact("created_at", _), op, value) => range.narrow(op, value, now),
            _ => false,
        };
        covered &= used;
    }
    (query, range, covered)
}

/// `text` as a quoted SurrealQL string when none of its characters needs escaping (no quote,
/// backslash or control character can end or bend the literal), else `None`.
fn literal(text: &str) -> Option<String> {
    let plain = |c: char| c.is_alphanumeric() || " -_.&=:@+/#".contains(c);
    (text.len() <= 300 && text.chars().all(plain)).then(|| format!("'{text}'"))
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
        Operand::Bool(b) => json!(b),
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
        Field::Custom(name, _) => compare(&format!("custom.{name}"), t, c.op, &c.value, now, vars),
        Field::Own(name, _) => compare(name, t, c.op, &c.value, now, vars),
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

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Segments, newest first.
    pub async fn list(&self, after: Option<String>, limit: usize) -> RepoResult<(Vec<Segment>, Option<String>)> {
        ListQuery::newest_first(TABLE, after, limit).page(&self.db).await
    }

    fn members_query(&self, compiled: &Compiled, after: Option<String>, limit: usize) -> ListQuery {
        // The filter's top-level equalities on status, tag and company drive an index scan (the
        // contact lists' own indexes); the whole filter is still checked on every row.
        let mut conditions = Vec::new();
        let mut vars = compiled.vars.clone();
        crate::repositories::contacts::equality_conditions(&compiled.driver, &mut conditions, &mut vars);
        let filtered = !conditions.is_empty();
        // A creation-time range narrows the scan too. The engine seeks on one bound of a key
        // range only (the first condition on it): the start, where the newest match can be (the
        // cursor, or the range's end), else the stop of a range that is open towards now.
        let (start, stop) = compiled.created.descending_keys();
        let after = match (after, start) {
            (Some(a), Some(s)) => Some(a.max(s)),
            (a, s) => a.or(s),
        };
        if let (None, Some(stop)) = (&after, stop) {
            conditions.push("rkey <= $created_stop");
            vars.insert("created_stop".into(), json!(stop));
        }
        ListQuery {
            compiled: Some(compiled.sql.clone()),
            table: crate::repositories::contacts::TABLE,
            filtered,
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

    /// How many contacts the filter selects now: from index entries alone when the filter is
    /// equalities and a creation-time range ([`Compiled::covered`]), else by checking every
    /// contact the equalities' index selects.
    pub async fn count(&self, compiled: &Compiled) -> RepoResult<u64> {
        match compiled.covered {
            Some(range) => self.count_covered(compiled, range).await,
            None => self.count_checked(compiled).await,
        }
    }

    /// How many contacts the filter selects, checking the whole filter on every contact the
    /// equalities' index selects (what [`Self::count`] does for other filters; tests compare).
    pub async fn count_checked(&self, compiled: &Compiled) -> RepoResult<u64> {
        self.members_query(compiled, None, 1).count(&self.db).await
    }

    /// The count query of a covered filter, `None` when a value cannot be written as a plain
    /// literal (tests check its plan reads index entries only).
    ///
    /// SurrealDB 3.3 counts from index entries only when the condition's values are literals
    /// (its indexed-count path is planned before parameters are folded in), so this one query
    /// writes them in: the equalities' values when every character is one that needs no
    /// escaping in a quoted string (else the count checks rows, with bound values), and keys
    /// made here from hex digits.
    fn covered_sql(compiled: &Compiled, range: Created) -> Option<String> {
        let mut conditions = Vec::new();
        let mut vars = Map::new();
        crate::repositories::contacts::equality_conditions(&compiled.driver, &mut conditions, &mut vars);
        let mut base = if conditions.is_empty() { "part = 0".to_string() } else { conditions.join(" AND ") };
        for (name, value) in &vars {
            base = base.replace(&format!("${name}"), &literal(value.as_str()?)?);
        }
        // The index scan counts one side of a range only: contacts created in [from, to) are
        // those created at or after `from` less those created at or after `to`. Keys at or
        // after a floor are descending keys at or before its twin.
        let table = crate::repositories::contacts::TABLE;
        let count = |at: Option<DateTime<Utc>>| match at {
            Some(at) => {
                let twin = records::descending(&crate::domain::ids::id_floor(at));
                format!("SELECT count() AS n FROM {table} WHERE {base} AND rkey <= '{twin}' GROUP ALL;")
            }
            None => format!("SELECT count() AS n FROM {table} WHERE {base} GROUP ALL;"),
        };
        let less = range.to.map_or_else(|| "RETURN [];".to_string(), |to| count(Some(to)));
        Some(format!("BEGIN;\n{}\n{less}\nCOMMIT;", count(range.from)))
    }

    async fn count_covered(&self, compiled: &Compiled, range: Created) -> RepoResult<u64> {
        if let (Some(from), Some(to)) = (range.from, range.to) {
            if to <= from {
                return Ok(0);
            }
        }
        let Some(sql) = Self::covered_sql(compiled, range) else { return self.count_checked(compiled).await };
        let mut response = self.db.query(sql).await?.check()?;
        let mut n = [0u64; 2];
        for (i, slot) in n.iter_mut().enumerate() {
            let rows: Vec<Value> = response.take(i + 1)?;
            *slot = rows.first().and_then(|r| r.get("n")).and_then(Value::as_u64).unwrap_or(0);
        }
        Ok(n[0].saturating_sub(n[1]))
    }

    /// The plan of a covered filter's count (`None` for other filters).
    pub async fn explain_count(&self, compiled: &Compiled) -> RepoResult<Option<Value>> {
        let Some(sql) = compiled.covered.and_then(|range| Self::covered_sql(compiled, range)) else { return Ok(None) };
        let explained = sql.replace("SELECT count()", "EXPLAIN SELECT count()");
        let mut response = self.db.query(explained).await?.check()?;
        let plan: Vec<Value> = response.take(1)?;
        Ok(Some(Value::Array(plan)))
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

    #[test]
    fn equalities_and_a_creation_range_cover_a_filter() {
        let at_ms = Utc.with_ymd_and_hms(2026, 1, 31, 0, 0, 0).unwrap() + chrono::Duration::milliseconds(1);
        let now = at_ms + chrono::Duration::microseconds(500);
        let covered = |filter: Value| compile(&parse_filter(&filter).unwrap(), now).covered;
        let status = json!({"field": "status", "op": "eq", "value": "lead"});
        let tag = json!({"field": "tags", "op": "contains", "value": "vip"});
        let within = json!({"field": "created_at", "op": "within_last", "value": "1d"});
        let before = json!({"field": "created_at", "op": "lt", "value": "2026-01-20T00:00:00Z"});
        assert_eq!(covered(json!({"and": [status, tag]})), Some(Created::default()));
        assert_eq!(
            covered(json!({"and": [status, tag, within, before]})),
            Some(Created {
                from: Some(at_ms - chrono::Duration::days(1)),
                to: Some(Utc.with_ymd_and_hms(2026, 1, 20, 0, 0, 0).unwrap())
            }),
            "within_last counts from `now` taken to the millisecond"
        );
        assert_eq!(covered(within.clone()), Some(Created { from: Some(at_ms - chrono::Duration::days(1)), to: None }));
        for filter in [
            json!({"and": [status, {"field": "source", "op": "eq", "value": "web"}]}),
            json!({"and": [status, {"field": "status", "op": "eq", "value": "customer"}]}),
            json!({"and": [status, {"or": [tag, within]}]}),
            json!({"or": [status, tag]}),
            json!({"not": status}),
            json!({"field": "created_at", "op": "gt", "value": "2026-01-20T00:00:00Z"}),
            json!({"field": "created_at", "op": "gte", "value": "2026-01-20T00:00:00.000001Z"}),
            json!({"field": "tags", "op": "in", "value": ["vip"]}),
        ] {
            assert_eq!(covered(filter.clone()), None, "{filter}");
        }
    }
}
