//! Saved view DTOs.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::double_option;
use crate::domain::views::{View, ViewInput};

/// A new saved view.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"object": "deal", "name": "Big open deals", "columns": ["name", "stage", "amount", "company.name"], "filter": {"and": [{"field": "amount", "op": "gte", "value": 10000}, {"field": "stage", "op": "not_in", "value": ["won", "lost"]}]}, "shared": true}))]
pub struct CreateViewRequest {
    /// The records it shows: contact, company, deal, case or event.
    #[schema(required = true, nullable = false, value_type = Option<super::schema::ObjectDto>)]
    pub object: Option<String>,
    /// Name.
    #[schema(required = true, nullable = false, max_length = 100)]
    pub name: Option<String>,
    /// Field paths shown, in order: built-in, `custom.<name>`, `company.<field>` (as
    /// `POST /api/query` takes them).
    #[schema(required = true, nullable = false, max_items = 30)]
    pub columns: Option<Vec<String>>,
    /// Filter in the segment grammar over the object's fields; absent: every record.
    #[schema(value_type = Option<Object>)]
    pub filter: Option<Value>,
    /// Order: `-created_at` (newest first; the only one offered yet).
    pub sort: Option<String>,
    /// Everyone sees it (default: only its owner).
    pub shared: Option<bool>,
}

/// A change to a view: omitted members are unchanged; `filter: null` clears the filter.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateViewRequest {
    /// Name.
    #[schema(max_length = 100)]
    pub name: Option<String>,
    /// Columns.
    #[schema(max_items = 30)]
    pub columns: Option<Vec<String>>,
    /// Filter; null clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Object>)]
    pub filter: Option<Option<Value>>,
    /// Sort.
    pub sort: Option<String>,
    /// Shared.
    pub shared: Option<bool>,
}

impl From<CreateViewRequest> for ViewInput {
    fn from(r: CreateViewRequest) -> Self {
        ViewInput { name: r.name, shared: r.shared, columns: r.columns, filter: r.filter.map(Some), sort: r.sort }
    }
}

impl From<UpdateViewRequest> for ViewInput {
    fn from(r: UpdateViewRequest) -> Self {
        ViewInput { name: r.name, shared: r.shared, columns: r.columns, filter: r.filter, sort: r.sort }
    }
}

/// A saved view.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViewResponse {
    /// Id.
    pub id: String,
    /// The records it shows.
    #[schema(value_type = super::schema::ObjectDto)]
    pub object: String,
    /// Name.
    pub name: String,
    /// Who made it (`user:<id>` or `api_key:<id>`).
    pub owner: String,
    /// The caller made it (and may change it).
    pub mine: bool,
    /// Everyone sees it.
    pub shared: bool,
    /// Field paths shown, in order.
    pub columns: Vec<String>,
    /// Filter in the segment grammar; null: every record.
    #[schema(value_type = Option<Object>)]
    pub filter: Option<Value>,
    /// Order.
    pub sort: String,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl ViewResponse {
    /// `view` as `actor` sees it.
    pub fn for_actor(view: View, actor: &str) -> Self {
        ViewResponse {
            mine: view.owner == actor,
            id: view.id,
            object: view.object.name().into(),
            name: view.name,
            owner: view.owner,
            shared: view.shared,
            columns: view.columns,
            filter: view.filter,
            sort: view.sort,
            version: view.version,
            created_at: view.created_at,
            updated_at: view.updated_at,
        }
    }
}

/// The views the caller sees, by name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViewList {
    /// Views.
    pub items: Vec<ViewResponse>,
}

/// Which views to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ViewParams {
    /// Only the views of this object (contact, company, deal, case or event).
    #[param(nullable = false)]
    pub object: Option<String>,
}
