//! The query endpoint's request: one object, a filter in the segment grammar over that object's
//! fields (built-in, custom, and its company's), the fields to return (with `company.<field>`
//! traversal), newest first, keyset pages.

use serde_json::Value;

use super::custom::{is_field_name, Object};
use super::fields::{DomainError, Issues};
use super::segments::{parse_filter_in, Catalog, FieldType, Filter};

/// Most rows of a page.
pub const MAX_LIMIT: usize = 200;
/// Rows of a page when not asked.
pub const DEFAULT_LIMIT: usize = 50;
/// Most fields one query returns.
pub const MAX_FIELDS: usize = 50;

const COMPANY: [(&str, FieldType); 8] = [
    ("name", FieldType::Text),
    ("domain", FieldType::Text),
    ("industry", FieldType::Text),
    ("size", FieldType::Number),
    ("website", FieldType::Text),
    ("owner_id", FieldType::Id),
    ("created_at", FieldType::Time),
    ("updated_at", FieldType::Time),
];

const DEAL: [(&str, FieldType); 11] = [
    ("name", FieldType::Text),
    ("company_id", FieldType::Id),
    ("contact_ids", FieldType::Tags),
    ("currency", FieldType::Text),
    ("stage", FieldType::Text),
    ("probability", FieldType::Number),
    ("expected_close", FieldType::Date),
    ("owner_id", FieldType::Id),
    ("closed_at", FieldType::Time),
    ("created_at", FieldType::Time),
    ("updated_at", FieldType::Time),
];

const CASE: [(&str, FieldType); 10] = [
    ("company_id", FieldType::Id),
    ("contact_id", FieldType::Id),
    ("subject", FieldType::Text),
    ("description", FieldType::Text),
    ("priority", FieldType::Text),
    ("status", FieldType::Text),
    ("owner_id", FieldType::Id),
    ("closed_at", FieldType::Time),
    ("created_at", FieldType::Time),
    ("updated_at", FieldType::Time),
];

const EVENT: [(&str, FieldType); 10] = [
    ("name", FieldType::Text),
    ("description", FieldType::Text),
    ("location", FieldType::Text),
    ("timezone", FieldType::Text),
    ("starts_at", FieldType::Time),
    ("ends_at", FieldType::Time),
    ("capacity", FieldType::Number),
    ("owner_id", FieldType::Id),
    ("created_at", FieldType::Time),
    ("updated_at", FieldType::Time),
];

const CUSTOM_RECORD: [(&str, FieldType); 4] = [
    ("name", FieldType::Text),
    ("owner_id", FieldType::Id),
    ("created_at", FieldType::Time),
    ("updated_at", FieldType::Time),
];

/// The filter fields of `object` with these custom fields.
pub fn catalog(object: Object, custom: &[(String, FieldType)]) -> Catalog<'_> {
    match object {
        Object::Contact => Catalog::contacts(custom),
        Object::Company => Catalog { own: Some(&COMPANY), custom, company: false },
        Object::Deal => Catalog { own: Some(&DEAL), custom, company: true },
        Object::Case => Catalog { own: Some(&CASE), custom, company: true },
        Object::Event => Catalog { own: Some(&EVENT), custom, company: false },
        Object::Custom(_) => Catalog { own: Some(&CUSTOM_RECORD), custom, company: false },
    }
}

/// Whether records of `object` name a company (`company_id`), so `company.<field>` reaches it.
pub fn has_company(object: Object) -> bool {
    matches!(object, Object::Contact | Object::Deal | Object::Case)
}

/// A field the query returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selected {
    /// A field of the record (built-in, or `custom.<name>`).
    Own(String),
    /// A field of the record's company (`company.name`, `company.custom.<name>`).
    Company(String),
    /// A field of the record a reference field points to (`partner.name` through the custom
    /// reference `partner_id`): the relation's name, the field holding the id
    /// (`custom.partner_id`), the object pointed to, and its field.
    Related {
        /// The relation's name (the reference field's name without `_id`).
        relation: String,
        /// Where the row holds the id (`custom.<name>`).
        via: String,
        /// The object the reference points to.
        object: Object,
        /// Its field.
        field: String,
    },
}

impl Selected {
    /// Its name in the request and the response (`company.name`).
    pub fn path(&self) -> String {
        match self {
            Selected::Own(f) => f.clone(),
            Selected::Company(f) => format!("company.{f}"),
            Selected::Related { relation, field, .. } => format!("{relation}.{field}"),
        }
    }
}

/// A checked query.
#[derive(Debug, Clone)]
pub struct Query {
    /// The object.
    pub object: Object,
    /// The filter (`None`: every record).
    pub filter: Option<Filter>,
    /// Fields to return beside `id` (empty: the whole record).
    pub fields: Vec<Selected>,
    /// Rows wanted.
    pub limit: usize,
}

/// What a client sent, before checking.
#[derive(Debug, Clone, Default)]
pub struct QueryInput {
    /// Filter tree.
    pub filter: Option<Value>,
    /// Field paths.
    pub fields: Option<Vec<String>>,
    /// Sort (`-created_at`, the only one: newest first).
    pub sort: Option<String>,
    /// Rows wanted.
    pub limit: Option<i64>,
}

/// Whether `field` is a field of `object` a query can return: built-in or custom.
fn selectable(object: Object, custom: &[(String, FieldType)], field: &str) -> bool {
    match field.strip_prefix("custom.") {
        Some(name) => is_field_name(name) && custom.iter().any(|(n, _)| n == name),
        None => field == "id" || object.is_builtin(field) && field != "custom" && field != "shared_with",
    }
}

/// A reference field of an object, which `fields` may traverse (`partner.name`).
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The name a path uses: the reference field's name without a trailing `_id`.
    pub name: String,
    /// Where a record holds the id (`custom.<name>`).
    pub via: String,
    /// The object it points to.
    pub object: Object,
    /// That object's custom fields.
    pub custom: Vec<(String, FieldType)>,
}

impl Relation {
    /// The relation of custom reference field `field` to `object`.
    pub fn of(field: &str, object: Object, custom: Vec<(String, FieldType)>) -> Self {
        let name = field.strip_suffix("_id").filter(|n| !n.is_empty()).unwrap_or(field).to_string();
        Relation { name, via: format!("custom.{field}"), object, custom }
    }
}

/// Checks `input` for `object`, whose custom fields are `custom` and whose company's are
/// `company_custom`; issues name `filter...`, `fields[i]`, `sort` or `limit`.
pub fn parse(
    object: Object,
    input: QueryInput,
    custom: &[(String, FieldType)],
    company_custom: &[(String, FieldType)],
) -> Result<Query, DomainError> {
    parse_with(object, input, custom, company_custom, &[])
}

/// [`parse`], with the reference fields `fields` may traverse (`<relation>.<field>`).
pub fn parse_with(
    object: Object,
    input: QueryInput,
    custom: &[(String, FieldType)],
    company_custom: &[(String, FieldType)],
    relations: &[Relation],
) -> Result<Query, DomainError> {
    let mut issues = Issues::default();
    let filter = match input.filter.filter(|f| !f.is_null()) {
        None => None,
        Some(value) => match parse_filter_in(&value, catalog(object, custom)) {
            Ok(f) => Some(f),
            Err(DomainError::Invalid(found)) => {
                for i in found {
                    issues.add(i.field, i.message);
                }
                None
            }
            Err(other) => return Err(other),
        },
    };
    let raw = input.fields.unwrap_or_default();
    if raw.len() > MAX_FIELDS {
        issues.add("fields", format!("at most {MAX_FIELDS} fields"));
    }
    let mut fields = Vec::new();
    for (i, f) in raw.iter().enumerate() {
        let f = f.trim();
        let related = f.split_once('.').and_then(|(name, inner)| {
            let relation = relations.iter().find(|r| r.name == name)?;
            Some((relation, inner))
        });
        let selected = match (f.strip_prefix("company."), related) {
            (Some(inner), _) if has_company(object) => {
                selectable(Object::Company, company_custom, inner).then(|| Selected::Company(inner.to_string()))
            }
            (_, Some((r, inner))) => selectable(r.object, &r.custom, inner).then(|| Selected::Related {
                relation: r.name.clone(),
                via: r.via.clone(),
                object: r.object,
                field: inner.to_string(),
            }),
            _ => selectable(object, custom, f).then(|| Selected::Own(f.to_string())),
        };
        match selected {
            Some(s) if !fields.contains(&s) => fields.push(s),
            Some(_) => {}
            None => issues.add(
                format!("fields[{i}]"),
                format!(
                    "is not a field of {}: a built-in field, custom.<name>{}{}",
                    object.plural(),
                    if has_company(object) { ", company.<field>" } else { "" },
                    if relations.is_empty() { "" } else { ", or <reference>.<field> through a reference field" }
                ),
            ),
        }
    }
    match input.sort.as_deref().map(str::trim) {
        None | Some("-created_at") => {}
        Some(_) => issues.add("sort", "must be -created_at (newest first); other orders are not offered yet"),
    }
    let limit = match input.limit {
        None => DEFAULT_LIMIT,
        Some(n) if (1..=MAX_LIMIT as i64).contains(&n) => n as usize,
        Some(_) => {
            issues.add("limit", format!("must be from 1 to {MAX_LIMIT}"));
            DEFAULT_LIMIT
        }
    };
    issues.finish(Query { object, filter, fields, limit })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn issues(object: Object, input: QueryInput) -> Vec<String> {
        match parse(object, input, &[("tier".into(), FieldType::Text)], &[]) {
            Err(DomainError::Invalid(found)) => found.into_iter().map(|i| i.field).collect(),
            other => panic!("expected issues, got {other:?}"),
        }
    }

    #[test]
    fn each_object_filters_on_its_own_fields_custom_ones_and_its_company() {
        let custom = [("tier".to_string(), FieldType::Text)];
        for (object, filter) in [
            (
                Object::Deal,
                json!({"and": [{"field": "stage", "op": "eq", "value": "won"}, {"field": "company.industry", "op": "eq", "value": "IT"}]}),
            ),
            (Object::Case, json!({"field": "priority", "op": "in", "value": ["high", "urgent"]})),
            (Object::Event, json!({"field": "starts_at", "op": "within_last", "value": "30d"})),
            (Object::Company, json!({"field": "custom.tier", "op": "eq", "value": "gold"})),
            (Object::Contact, json!({"field": "activity.call", "op": "within_last", "value": "7d"})),
        ] {
            let input = QueryInput { filter: Some(filter.clone()), ..Default::default() };
            assert!(parse(object, input, &custom, &[]).is_ok(), "{object:?} {filter}");
        }
        let wrong =
            QueryInput { filter: Some(json!({"field": "stage", "op": "eq", "value": "won"})), ..Default::default() };
        assert_eq!(issues(Object::Event, wrong), ["filter.field"]);
        let no_company = QueryInput {
            filter: Some(json!({"field": "company.name", "op": "eq", "value": "x"})),
            ..Default::default()
        };
        assert_eq!(issues(Object::Event, no_company), ["filter.field"]);
    }

    #[test]
    fn fields_sort_and_limit_are_checked() {
        let input = QueryInput {
            fields: Some(vec![
                "name".into(),
                "company.name".into(),
                "custom.tier".into(),
                "password".into(),
                "custom.nope".into(),
            ]),
            sort: Some("name".into()),
            limit: Some(500),
            ..Default::default()
        };
        assert_eq!(issues(Object::Deal, input), ["fields[3]", "fields[4]", "sort", "limit"]);
        let ok = parse(
            Object::Deal,
            QueryInput {
                fields: Some(vec!["name".into(), "company.name".into(), "name".into()]),
                ..Default::default()
            },
            &[],
            &[],
        )
        .expect("valid");
        assert_eq!(ok.fields, [Selected::Own("name".into()), Selected::Company("name".into())]);
        assert_eq!(ok.limit, DEFAULT_LIMIT);
    }
}
