//! The query endpoint's DTOs.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use validator::Validate;

use crate::domain::query::QueryInput;

/// A query over one object.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"object": "deal", "filter": {"and": [{"field": "stage", "op": "in", "value": ["proposal", "negotiation"]}, {"field": "company.industry", "op": "eq", "value": "Consulting"}]}, "fields": ["name", "stage", "company.name", "custom.risk"], "limit": 50}))]
pub struct QueryRequest {
    /// contact, company, deal, case or event (plural accepted).
    #[schema(required = true, nullable = false)]
    pub object: Option<String>,
    /// A filter in the segment grammar over the object's fields: built-in, `custom.<name>`, and
    /// `company.<field>` for contacts, deals and cases (`activity.<kind>` and `email_domain` for
    /// contacts). Omitted: every record.
    #[schema(value_type = Option<Object>)]
    pub filter: Option<Value>,
    /// Fields to return beside `id`: built-in, `custom.<name>`, `company.<field>` (also
    /// `company.custom.<name>`), and `<reference>.<field>` through a custom reference field,
    /// named without its `_id` (`partner.name` through `partner_id`). Omitted: the whole record.
    pub fields: Option<Vec<String>>,
    /// `-created_at` (newest first), the only order offered.
    pub sort: Option<String>,
    /// Rows per page, 1 to 200 (default 50).
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl From<&QueryRequest> for QueryInput {
    fn from(r: &QueryRequest) -> Self {
        QueryInput { filter: r.filter.clone(), fields: r.fields.clone(), sort: r.sort.clone(), limit: r.limit }
    }
}

/// A page of a query.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueryResponse {
    /// Rows, newest first: `id` and the chosen fields (by their path, such as `company.name`).
    #[schema(value_type = Vec<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub data: Vec<serde_json::Map<String, Value>>,
    /// Pass back as `cursor` for the next page; null on the last.
    pub next_cursor: Option<String>,
}
