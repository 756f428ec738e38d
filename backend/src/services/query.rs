//! `POST /api/query`: one query over any object (contacts, companies, deals, cases, events)
//! with the segment grammar, chosen fields with `company.<field>` traversal, and keyset pages.
//!
//! The scan: an equality on an indexed custom field at the top of the filter drives its index
//! (`cf_<table>_<name>`: the field, then the list order); for contacts the status, tag and company
//! equalities drive the lists' own indexes; otherwise the newest-first index is scanned and the
//! filter checked on each row, stopping after the page.

use serde_json::{json, Map, Value};

use super::schema::SchemaService;
use crate::db::{Db, Feature, Migrations};
use crate::domain::custom::Object;
use crate::domain::query::{has_company, parse_with, Query, QueryInput, Relation, Selected};
use crate::domain::security::Visible;
use crate::domain::segments::{custom_field_type, Field, FieldType, Filter, Op, Operand};
use crate::error::AppResult;
use crate::repositories::records::{self, ListQuery};
use crate::repositories::segments::compile;

/// One page of a query: rows (`id` and the chosen fields) and the key after the last.
pub struct QueryPage {
    /// Rows.
    pub rows: Vec<Map<String, Value>>,
    /// Sort key of the last row when more follow.
    pub next: Option<String>,
}

/// The query endpoint.
#[derive(Clone)]
pub struct QueryService {
    db: Db,
    schema: SchemaService,
    migrations: Migrations,
}

/// The top-level equality of `filter` on one of `indexed` custom fields, if any: `(name, value)`.
fn indexed_equality(filter: &Filter, indexed: &[String]) -> Option<(String, Value)> {
    let (leaves, _) = filter.top_level_leaves();
    leaves.into_iter().find_map(|c| match (&c.field, c.op, &c.value) {
        (Field::Custom(name, _), Op::Eq, value) if indexed.contains(name) => {
            let value = match value {
                Operand::Text(t) => json!(t),
                Operand::Number(n) => json!(n),
                Operand::Bool(b) => json!(b),
                _ => return None,
            };
            Some((name.clone(), value))
        }
        _ => None,
    })
}

impl QueryService {
    /// A service over `db`.
    pub fn new(db: Db, schema: SchemaService, migrations: Migrations) -> Self {
        Self { db, schema, migrations }
    }

    async fn custom_types(&self, object: Object) -> AppResult<(Vec<(String, FieldType)>, Vec<String>)> {
        let schema = self.schema.schema(object).await?;
        let types = schema.fields.iter().map(|f| (f.name.clone(), custom_field_type(f.field_type))).collect();
        let indexed = schema.fields.iter().filter(|f| f.indexed || f.unique).map(|f| f.name.clone()).collect();
        Ok((types, indexed))
    }

    /// The reference fields of `object` a query's `fields` may traverse (`partner.name`).
    pub async fn relations(&self, object: Object) -> AppResult<Vec<Relation>> {
        let schema = self.schema.schema(object).await?;
        let mut relations = Vec::new();
        for field in &schema.fields {
            if let Some(target) = field.reference {
                relations.push(Relation::of(&field.name, target, self.custom_types(target).await?.0));
            }
        }
        Ok(relations)
    }

    /// Checks `input` against `object`'s fields (422 naming the node or field).
    pub async fn parse(&self, object: Object, input: QueryInput) -> AppResult<Query> {
        let (custom, _) = self.custom_types(object).await?;
        let company_custom = if has_company(object) { self.custom_types(Object::Company).await?.0 } else { Vec::new() };
        let traverses = input.fields.iter().flatten().any(|f| f.contains('.') && !f.starts_with("custom."));
        let relations = if traverses { self.relations(object).await? } else { Vec::new() };
        Ok(parse_with(object, input, &custom, &company_custom, &relations)?)
    }

    /// The scan of `query` from `after` (a sort key): its plan for tests, its page for clients.
    async fn list_query(&self, query: &Query, after: Option<String>) -> AppResult<ListQuery> {
        self.migrations.require(Feature::Lists)?;
        let mut list = ListQuery::newest_first(query.object.table(), after, query.limit);
        let Some(filter) = &query.filter else { return Ok(list) };
        let compiled = compile(filter, crate::domain::ids::now());
        let mut vars = compiled.vars.clone();
        let (_, indexed) = self.custom_types(query.object).await?;
        let mut sql = compiled.sql.clone();
        if let Some((name, value)) = indexed_equality(filter, &indexed) {
            // The field's index leads with the value, then the list order (part, rkey).
            vars.insert("driver".into(), value);
            sql = format!("custom.{name} = $driver AND ({sql})");
            list.conditions.push("part = 0");
            list.filtered = true;
        } else if query.object == Object::Contact {
            if compiled.uses_facets() {
                self.migrations.require(Feature::ContactFilters)?;
            }
            let mut conditions = Vec::new();
            crate::repositories::contacts::equality_conditions(&compiled.driver, &mut conditions, &mut vars);
            list.filtered = !conditions.is_empty();
            list.conditions = conditions;
        }
        list.compiled = Some(sql);
        list.vars = vars;
        Ok(list)
    }

    /// [`Self::list_query`] for a caller who sees `visible` (all when `None`). A member's list of a
    /// custom object scans its owner index: 503 `migrating` until the objects defined before it
    /// existed have it.
    async fn seen_query(
        &self,
        query: &Query,
        after: Option<String>,
        visible: Option<&Visible>,
    ) -> AppResult<ListQuery> {
        if visible.is_some() && matches!(query.object, Object::Custom(_)) {
            self.migrations.require(Feature::ObjectOwners)?;
        }
        self.list_query(query, after).await
    }

    /// The database's plan of the first page of `query` (tests check which index drives it).
    pub async fn explain(&self, query: &Query) -> AppResult<Value> {
        Ok(self.list_query(query, None).await?.explain(&self.db).await?)
    }

    /// One page of `query`'s whole records after the sort key `after`, decoded.
    pub async fn records<T: serde::de::DeserializeOwned>(
        &self,
        query: &Query,
        after: Option<String>,
        visible: Option<&Visible>,
    ) -> AppResult<(Vec<T>, Option<String>)> {
        Ok(self.seen_query(query, after, visible).await?.page_seen(&self.db, visible).await?)
    }

    /// One page of the whole records of `object` that `filter` selects, newest first (with their
    /// total when the page asks).
    pub async fn list<T: serde::de::DeserializeOwned>(
        &self,
        object: Object,
        filter: Option<Value>,
        page: &crate::domain::pagination::PageRequest,
    ) -> AppResult<crate::domain::pagination::Page<T>> {
        let input = QueryInput { filter, limit: Some(page.limit as i64), ..Default::default() };
        let query = self.parse(object, input).await?;
        let visible = page.visible.as_ref();
        let (rows, next) = self.records(&query, page.after.clone(), visible).await?;
        let total = if page.count { Some(self.count(&query, visible).await?) } else { None };
        Ok(page.page(rows, next, total))
    }

    /// The scan of `query` from its first row, to be paged by an export.
    pub async fn scan(&self, query: &Query) -> AppResult<ListQuery> {
        self.list_query(query, None).await
    }

    /// How many records match `query` (of those `visible` holds, when given).
    pub async fn count(&self, query: &Query, visible: Option<&Visible>) -> AppResult<u64> {
        Ok(self.seen_query(query, None, visible).await?.count_seen(&self.db, visible).await?)
    }

    /// One page of `query` after the sort key `after` (of the rows `visible` holds, when given).
    pub async fn run(&self, query: &Query, after: Option<String>, visible: Option<&Visible>) -> AppResult<QueryPage> {
        let page = self.seen_query(query, after, visible).await?.fetch_seen(&self.db, visible).await?;
        let mut rows: Vec<Map<String, Value>> = page
            .rows
            .into_iter()
            .map(|mut row| {
                let mut map = row.as_object_mut().map(std::mem::take).unwrap_or_default();
                if let Some(key) = map.remove("key") {
                    map.insert("id".into(), key);
                }
                for derived in ["rkey", "part", "words", "facets", "search"] {
                    map.remove(derived);
                }
                map
            })
            .collect();
        if !query.fields.is_empty() {
            rows = self.project(query, rows).await?;
        }
        Ok(QueryPage { rows, next: page.next })
    }

    /// Keeps `id` and the chosen fields of each row, reading the rows' companies in one query,
    /// and the records of each traversed reference field in one more.
    async fn project(&self, query: &Query, rows: Vec<Map<String, Value>>) -> AppResult<Vec<Map<String, Value>>> {
        let wants_company = query.fields.iter().any(|f| matches!(f, Selected::Company(_)));
        let mut companies: Map<String, Value> = Map::new();
        if wants_company {
            let mut ids: Vec<String> =
                rows.iter().filter_map(|r| r.get("company_id").and_then(Value::as_str)).map(String::from).collect();
            ids.sort();
            ids.dedup();
            let found: Vec<Value> = records::rows_by_id(&self.db, "company", &ids).await?;
            for company in found {
                // Decoded rows carry their key as `id`.
                if let Some(id) = company.get("id").and_then(Value::as_str) {
                    companies.insert(id.to_string(), company.clone());
                }
            }
        }
        let pick = |record: &Map<String, Value>, field: &str| -> Value {
            match field.strip_prefix("custom.") {
                Some(name) => record.get("custom").and_then(|c| c.get(name)).cloned(),
                None => record.get(field).cloned(),
            }
            .unwrap_or(Value::Null)
        };
        // Per reference field traversed: the records it points to, by id.
        let mut related: std::collections::HashMap<&str, Map<String, Value>> = Default::default();
        for field in &query.fields {
            let Selected::Related { via, object, .. } = field else { continue };
            if related.contains_key(via.as_str()) {
                continue;
            }
            let mut ids: Vec<String> = rows.iter().filter_map(|r| pick(r, via).as_str().map(String::from)).collect();
            ids.sort();
            ids.dedup();
            let found: Vec<Value> = records::rows_by_id(&self.db, object.table(), &ids).await?;
            let by_id = found
                .into_iter()
                .filter_map(|r| Some((r.get("id")?.as_str()?.to_string(), r)))
                .collect::<Map<String, Value>>();
            related.insert(via.as_str(), by_id);
        }
        Ok(rows
            .into_iter()
            .map(|row| {
                let mut out = Map::new();
                out.insert("id".into(), row.get("id").cloned().unwrap_or(Value::Null));
                let company = row.get("company_id").and_then(Value::as_str).and_then(|id| companies.get(id));
                for field in &query.fields {
                    let value = match field {
                        Selected::Own(f) => pick(&row, f),
                        Selected::Company(f) => company.and_then(Value::as_object).map_or(Value::Null, |c| pick(c, f)),
                        Selected::Related { via, field, .. } => {
                            let id = pick(&row, via);
                            let record = id.as_str().and_then(|id| related.get(via.as_str())?.get(id));
                            record.and_then(Value::as_object).map_or(Value::Null, |r| pick(r, field))
                        }
                    };
                    out.insert(field.path(), value);
                }
                out
            })
            .collect())
    }
}
