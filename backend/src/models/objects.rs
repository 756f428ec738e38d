//! Custom object DTOs: definitions (with their fields and relationships), records, lists.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::double_option;
use super::pagination::{list_response, ParamErrors};
use super::schema::{CreateFieldRequest, FieldResponse};
use crate::domain::objects::{ObjectDef, ObjectInput, ObjectRecord, RecordInput};
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::services::objects::{NewObject, RelationshipInput};

/// A relationship of a new object: a reference field pointing at another object's records.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "company_id", "object": "company", "required": true}))]
pub struct RelationshipRequest {
    /// Key of the reference field under `custom` (snake_case).
    #[schema(required = true, nullable = false, pattern = "^[a-z][a-z0-9_]{0,62}$")]
    pub name: Option<String>,
    /// The object it points to: a built-in one or a custom one (the new object itself too).
    #[schema(required = true, nullable = false, value_type = Option<super::schema::ObjectDto>)]
    pub object: Option<String>,
    /// Label; default from the name.
    #[schema(max_length = 100, pattern = "\\S")]
    pub label: Option<String>,
    /// Every record must name one (default false).
    pub required: Option<bool>,
}

/// A new custom object.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "name": "contract", "label": "Contract",
    "fields": [{"name": "value", "type": "currency", "required": true}, {"name": "signed_on", "type": "date", "indexed": true}],
    "relationships": [{"name": "company_id", "object": "company", "required": true}, {"name": "deal_id", "object": "deal"}]
}))]
pub struct CreateObjectRequest {
    /// Key: the records' path `/api/objects/<name>` and the rules' binding (snake_case, at
    /// most 40 characters, not a built-in object's name). Never changes.
    #[schema(required = true, nullable = false, pattern = "^[a-z][a-z0-9_]{0,39}$")]
    pub name: Option<String>,
    /// What one is called; default from the name.
    #[schema(max_length = 100, pattern = "\\S")]
    pub label: Option<String>,
    /// What several are called; default the label with an `s`.
    #[schema(max_length = 100, pattern = "\\S")]
    pub plural_label: Option<String>,
    /// What it is for.
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// Its fields (as `POST /api/schema/{object}/fields` takes them).
    #[serde(default)]
    pub fields: Vec<CreateFieldRequest>,
    /// Its references to other objects.
    #[serde(default)]
    pub relationships: Vec<RelationshipRequest>,
}

impl From<CreateObjectRequest> for NewObject {
    fn from(r: CreateObjectRequest) -> Self {
        NewObject {
            object: ObjectInput {
                name: r.name,
                label: r.label,
                plural_label: r.plural_label,
                description: r.description.map(Some),
            },
            fields: r.fields.into_iter().map(Into::into).collect(),
            relationships: r
                .relationships
                .into_iter()
                .map(|r| RelationshipInput { name: r.name, object: r.object, label: r.label, required: r.required })
                .collect(),
        }
    }
}

/// A change to a custom object: omitted members are unchanged. Its fields change through
/// `/api/schema/{object}/fields`.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"label": "Agreement", "plural_label": "Agreements"}))]
pub struct UpdateObjectRequest {
    /// Cannot change (422 if different).
    pub name: Option<String>,
    /// Label.
    #[schema(max_length = 100, pattern = "\\S")]
    pub label: Option<String>,
    /// Plural label.
    #[schema(max_length = 100, pattern = "\\S")]
    pub plural_label: Option<String>,
    /// Description; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 500)]
    pub description: Option<Option<String>>,
}

impl From<UpdateObjectRequest> for ObjectInput {
    fn from(r: UpdateObjectRequest) -> Self {
        ObjectInput { name: r.name, label: r.label, plural_label: r.plural_label, description: r.description }
    }
}

/// A custom object.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectResponse {
    /// Id.
    pub id: String,
    /// Key (`contract`).
    pub name: String,
    /// What one is called.
    pub label: String,
    /// What several are called.
    pub plural_label: String,
    /// What it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where its records are: `/api/objects/<name>`.
    pub records_url: String,
    /// Its fields, relationships included (reference fields), in form order.
    pub fields: Vec<FieldResponse>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

impl ObjectResponse {
    /// The response for `def` with its fields.
    pub fn new(def: ObjectDef, fields: Vec<FieldResponse>) -> Self {
        ObjectResponse {
            records_url: format!("/api/objects/{}", def.name),
            id: def.id,
            name: def.name,
            label: def.label,
            plural_label: def.plural_label,
            description: def.description,
            fields,
            version: def.version,
            created_at: def.created_at,
            updated_at: def.updated_at,
        }
    }
}

/// The custom objects, by name.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectList {
    /// Objects.
    pub items: Vec<ObjectResponse>,
}

/// A new record of a custom object.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Acme support 2027", "custom": {"value": 12000, "company_id": "0193a3f0-6c1e-7c4a-9a57-3f1d2e4b5a60"}}))]
pub struct CreateRecordRequest {
    /// What lists and links show.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 300)]
    pub name: Option<String>,
    /// Owner (a user id); default the signed-in caller.
    #[schema(format = Uuid)]
    pub owner_id: Option<String>,
    /// Values of the object's fields by name (`GET /api/schema/objects/{name}`), checked by type.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<Map<String, Value>>,
}

impl From<CreateRecordRequest> for RecordInput {
    fn from(r: CreateRecordRequest) -> Self {
        RecordInput { name: r.name, owner_id: r.owner_id.map(Some), custom: r.custom }
    }
}

/// A partial update: omitted members are unchanged; under `custom`, `null` removes a value.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"custom": {"value": 15000}}))]
pub struct UpdateRecordRequest {
    /// Name (cannot be cleared).
    #[schema(nullable = false, pattern = "\\S", max_length = 300)]
    pub name: Option<String>,
    /// Owner; `null` clears it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub owner_id: Option<Option<String>>,
    /// Values to set; `null` removes one.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<Map<String, Value>>,
}

impl From<UpdateRecordRequest> for RecordInput {
    fn from(r: UpdateRecordRequest) -> Self {
        RecordInput { name: r.name, owner_id: r.owner_id, custom: r.custom }
    }
}

/// A record of a custom object.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectRecordResponse {
    /// Id.
    pub id: String,
    /// The object it is a record of.
    #[schema(value_type = super::schema::ObjectDto)]
    pub object: String,
    /// Name.
    pub name: String,
    /// Owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<String>,
    /// Values of the object's fields.
    #[schema(value_type = std::collections::BTreeMap<String, serde_json::Value>)]
    pub custom: std::collections::BTreeMap<String, Value>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

impl From<ObjectRecord> for ObjectRecordResponse {
    fn from(r: ObjectRecord) -> Self {
        ObjectRecordResponse {
            id: r.id,
            object: r.object.name().to_string(),
            name: r.name,
            owner_id: r.owner_id,
            custom: r.custom,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

list_response!(ObjectRecordList, ObjectRecordResponse, "A page of a custom object's records, newest first.");

/// The order of record lists.
pub const RECORD_SORT: Sort = Sort { field: "created_at", desc: true };

/// Parameters of a record list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListRecordsParams {
    /// Page size, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `true` adds `total`.
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// A filter in the segment grammar over the object's fields, as JSON
    /// (`{"field": "custom.value", "op": "gte", "value": 1000}`); 422 names its bad node.
    #[param(nullable = false)]
    pub filter: Option<String>,
}

impl ListRecordsParams {
    /// The page wanted and the parsed filter, every bad parameter reported at once.
    pub fn parse(self) -> Result<(PageRequest, Option<Value>), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            None,
            self.cursor.as_deref(),
            self.count.as_deref(),
            &["created_at"],
            RECORD_SORT,
        );
        if page.limit > crate::domain::query::MAX_LIMIT {
            errors.add("limit", format!("must be at most {}", crate::domain::query::MAX_LIMIT));
        }
        let filter = errors.filter(self.filter.as_deref());
        errors.finish(())?;
        Ok((page, filter))
    }
}

/// How an import of records went.
#[derive(Debug, Serialize, ToSchema)]
pub struct ObjectImportResponse {
    /// Data rows read.
    pub processed: u64,
    /// Records created.
    pub imported: u64,
    /// Records changed (rows whose `id` names one).
    pub updated: u64,
    /// Rows that named a record and would not change it.
    pub unchanged: u64,
    /// The first 1,000 problems.
    pub errors: Vec<super::imports::ImportRowError>,
    /// How many rows were refused.
    pub error_count: u64,
    /// Columns (CSV) or members (NDJSON) that match no field.
    pub unmapped_columns: Vec<String>,
}

impl From<crate::services::objects::ImportSummary> for ObjectImportResponse {
    fn from(s: crate::services::objects::ImportSummary) -> Self {
        ObjectImportResponse {
            processed: s.processed,
            imported: s.imported,
            updated: s.updated,
            unchanged: s.unchanged,
            errors: s
                .errors
                .into_iter()
                .map(|(row, field, message)| super::imports::ImportRowError { row, field, message })
                .collect(),
            error_count: s.error_count,
            unmapped_columns: s.unmapped_columns,
        }
    }
}
