//! `/api/schema/{object}`: the data model admins shape: custom fields, validation rules, and
//! the JSON Schema of each object's records (built-in and custom fields) for building forms.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{created, with_etag};
use crate::domain::custom::Object;
use crate::domain::ids::parse_id;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::ApiQuery;
use crate::extract::{IfMatch, RequestOrigin, ValidJson};
use crate::models::schema::{
    CreateFieldRequest, CreateRuleRequest, CreateTriggerRequest, FieldList, FieldResponse, RuleList, RuleResponse,
    RuleTestRequest, RuleTestResponse, TriggerList, TriggerResponse, TriggerRunList, UpdateFieldRequest,
    UpdateRuleRequest, UpdateTriggerRequest,
};
use crate::models::webhooks::DeliveryParams;
use crate::services::schema::SchemaService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_object_schema))
        .routes(routes!(list_fields, create_field))
        .routes(routes!(get_field, update_field, delete_field))
        .routes(routes!(list_rules, create_rule))
        .routes(routes!(test_rule))
        .routes(routes!(get_rule, update_rule, delete_rule))
        .routes(routes!(list_triggers, create_trigger))
        .routes(routes!(get_trigger, update_trigger, delete_trigger))
        .routes(routes!(list_trigger_runs))
}

/// The object and record id of a path; a malformed id is a 404.
async fn object_and_id(schema: &SchemaService, object: &str, id: &str, noun: &str) -> AppResult<(Object, String)> {
    let object = schema.object(object).await?;
    let id = parse_id(id).ok_or_else(|| AppError::not_found(noun, id))?;
    Ok((object, id))
}

/// The response schema of `object`'s records in the API document, its references inlined, as
/// the base of its JSON Schema.
pub fn builtin_schema(object: Object) -> Value {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let doc = DOC.get_or_init(|| serde_json::to_value(crate::router::openapi_document()).unwrap_or_default());
    let name = match object {
        Object::Contact => "ContactResponse",
        Object::Company => "CompanyResponse",
        Object::Deal => "DealResponse",
        Object::Case => "CaseResponse",
        Object::Event => "EventResponse",
        Object::Custom(_) => "ObjectRecordResponse",
    };
    let components = doc.pointer("/components/schemas").cloned().unwrap_or_default();
    let mut schema = inline(components.get(name).cloned().unwrap_or_default(), &components, 0);
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        for read_only in ["id", "version", "created_at", "updated_at", "score", "counts", "closed_at"] {
            if let Some(Value::Object(p)) = props.get_mut(read_only) {
                p.insert("readOnly".into(), Value::Bool(true));
            }
        }
    }
    schema
}

/// The names of the built-in fields of `object`'s records as served.
pub fn builtin_fields(object: Object) -> Vec<String> {
    let schema = builtin_schema(object);
    let props = schema.get("properties").and_then(Value::as_object);
    props.map(|p| p.keys().filter(|k| *k != "custom").cloned().collect()).unwrap_or_default()
}

/// `value` with every `$ref` to `components` replaced by the schema it names (to a depth of 8).
fn inline(value: Value, components: &Value, depth: usize) -> Value {
    match value {
        Value::Object(map) => {
            if let Some(target) = map.get("$ref").and_then(Value::as_str) {
                let name = target.rsplit('/').next().unwrap_or_default();
                if depth < 8 {
                    if let Some(found) = components.get(name) {
                        return inline(found.clone(), components, depth + 1);
                    }
                }
            }
            Value::Object(map.into_iter().map(|(k, v)| (k, inline(v, components, depth))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| inline(v, components, depth)).collect()),
        other => other,
    }
}

/// The JSON Schema (2020-12) of an object's records: built-in fields and custom fields (under
/// `custom`), with each custom field's type, choices, default and whether it is required.
#[utoipa::path(get, path = "/api/schema/{object}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event (plural accepted)")),
    responses(
        (status = 200, description = "JSON Schema", body = Object, content_type = "application/schema+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_object_schema(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
) -> AppResult<Response> {
    let object = schema.object(&object).await?;
    let body = schema.json_schema(object, builtin_schema(object)).await?;
    let mut response = Json(body).into_response();
    response
        .headers_mut()
        .insert(axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static("application/schema+json"));
    Ok(response)
}

/// The custom fields of an object, in form order, with where their indexes stand.
#[utoipa::path(get, path = "/api/schema/{object}/fields", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 200, description = "Fields", body = FieldList),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_fields(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
) -> AppResult<Json<FieldList>> {
    let object = schema.object(&object).await?;
    let items = schema.list_fields(object).await?.into_iter().map(Into::into).collect();
    Ok(Json(FieldList { items }))
}

/// Add a custom field (admin). An indexed field's index is built in the background (`index.status`
/// says how far); a unique field's index at once, 409 `values_not_unique` when stored records
/// already share values.
#[utoipa::path(post, path = "/api/schema/{object}/fields", tag = "schema", request_body = CreateFieldRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 201, description = "Created", body = FieldResponse,
            headers(("Location" = String, description = "URL of the field"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`field_exists`, `values_not_unique` or `too_many_fields`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid definition", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_field(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateFieldRequest>,
) -> AppResult<Response> {
    let object = schema.object(&object).await?;
    let view = schema.create_field(object, body.into(), &origin).await?;
    let location = format!("/api/schema/{}/fields/{}", object.name(), view.field.id);
    Ok(created(location, view.field.version, FieldResponse::from(view)))
}

/// One custom field.
#[utoipa::path(get, path = "/api/schema/{object}/fields/{id}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Field id")),
    responses(
        (status = 200, description = "The field", body = FieldResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such object or field", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_field(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id, "field").await?;
    let view = schema.get_field(object, &id).await?;
    Ok(with_etag(view.field.version, FieldResponse::from(view)))
}

/// Change a custom field (admin): label, options, required, default, unique, indexed, position,
/// description. Its name and type never change.
#[utoipa::path(patch, path = "/api/schema/{object}/fields/{id}", tag = "schema", request_body = UpdateFieldRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Field id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the field changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = FieldResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or field", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`values_not_unique`", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid change", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_field(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateFieldRequest>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id, "field").await?;
    let view = schema.update_field(object, &id, body.into(), pre, &origin).await?;
    Ok(with_etag(view.field.version, FieldResponse::from(view)))
}

/// Remove a custom field (admin). Values already stored stay in the records and their history.
#[utoipa::path(delete, path = "/api/schema/{object}/fields/{id}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Field id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the field changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or field", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_field(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    let (object, id) = object_and_id(&schema, &object, &id, "field").await?;
    schema.delete_field(object, &id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The validation rules of an object, oldest first.
#[utoipa::path(get, path = "/api/schema/{object}/rules", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 200, description = "Rules", body = RuleList),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_rules(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
) -> AppResult<Json<RuleList>> {
    let object = schema.object(&object).await?;
    let items = schema.list_rules(object).await?.into_iter().map(Into::into).collect();
    Ok(Json(RuleList { items }))
}

/// Add a validation rule (admin): a CEL condition over the record (`deal`) and its previous
/// version (`old_deal`); every later write for which it is true is refused with 422 and the
/// rule's message on its field. A condition that does not compile is 422.
#[utoipa::path(post, path = "/api/schema/{object}/rules", tag = "schema", request_body = CreateRuleRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 201, description = "Created", body = RuleResponse,
            headers(("Location" = String, description = "URL of the rule"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`rule_exists`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid rule, or a condition that does not compile", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_rule(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateRuleRequest>,
) -> AppResult<Response> {
    let object = schema.object(&object).await?;
    let rule = schema.create_rule(object, body.into(), &origin).await?;
    let location = format!("/api/schema/{}/rules/{}", object.name(), rule.id);
    Ok(created(location, rule.version, RuleResponse::from(rule)))
}

/// Try a condition on a record before saving it as a rule (admin): `result` true means a write
/// of this record would be refused. A condition that does not compile is 422.
#[utoipa::path(post, path = "/api/schema/{object}/rules/test", tag = "schema", request_body = RuleTestRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 200, description = "What the condition gave", body = RuleTestResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The condition does not compile", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn test_rule(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    ValidJson(body): ValidJson<RuleTestRequest>,
) -> AppResult<Json<RuleTestResponse>> {
    let object = schema.object(&object).await?;
    let condition = body.condition.unwrap_or_default();
    let record = body.record.unwrap_or(Value::Object(serde_json::Map::new()));
    if !record.is_object() {
        return Err(AppError::invalid_field("record", "must be an object"));
    }
    if body.old_record.as_ref().is_some_and(|o| !o.is_object() && !o.is_null()) {
        return Err(AppError::invalid_field("old_record", "must be an object or null"));
    }
    let trial = schema.try_rule(object, &condition, &record, body.old_record.as_ref()).await?;
    Ok(Json(trial.into()))
}

/// One validation rule.
#[utoipa::path(get, path = "/api/schema/{object}/rules/{id}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Rule id")),
    responses(
        (status = 200, description = "The rule", body = RuleResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such object or rule", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_rule(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id, "rule").await?;
    let rule = schema.get_rule(object, &id).await?;
    Ok(with_etag(rule.version, RuleResponse::from(rule)))
}

/// Change a validation rule (admin).
#[utoipa::path(patch, path = "/api/schema/{object}/rules/{id}", tag = "schema", request_body = UpdateRuleRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Rule id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the rule changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = RuleResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or rule", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`rule_exists`", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid change", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_rule(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateRuleRequest>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id, "rule").await?;
    let rule = schema.update_rule(object, &id, body.into(), pre, &origin).await?;
    Ok(with_etag(rule.version, RuleResponse::from(rule)))
}

/// Remove a validation rule (admin).
#[utoipa::path(delete, path = "/api/schema/{object}/rules/{id}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Rule id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the rule changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or rule", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_rule(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    let (object, id) = object_and_id(&schema, &object, &id, "rule").await?;
    schema.delete_rule(object, &id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The triggers of an object, in the order they run.
#[utoipa::path(get, path = "/api/schema/{object}/triggers", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 200, description = "Triggers", body = TriggerList),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_triggers(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
) -> AppResult<Json<TriggerList>> {
    let object = schema.object(&object).await?;
    let items = schema.list_triggers(object).await?.into_iter().map(Into::into).collect();
    Ok(Json(TriggerList { items }))
}

/// Add a trigger (admin). `before` triggers run inside every create and update whose record
/// meets the condition (`set` derives custom fields, `reject` refuses with 422); ones that keep
/// changing the record are a loop (409 `trigger_loop`, naming the chain). `after` triggers are
/// queued with the write and run once it is committed; their changes are change events of
/// their own (`source: trigger`, with the trigger's id).
#[utoipa::path(post, path = "/api/schema/{object}/triggers", tag = "schema", request_body = CreateTriggerRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event")),
    responses(
        (status = 201, description = "Created", body = TriggerResponse,
            headers(("Location" = String, description = "URL of the trigger"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`trigger_exists`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid trigger: a condition or expression that does not compile, an action that does not suit the timing, a field that does not exist", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_trigger(
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateTriggerRequest>,
) -> AppResult<Response> {
    let object = schema.object(&object).await?;
    let trigger = schema.create_trigger(object, body.into(), &origin).await?;
    let location = format!("/api/schema/{}/triggers/{}", object.name(), trigger.id);
    Ok(created(location, trigger.version, TriggerResponse::from(trigger)))
}

/// One trigger.
#[utoipa::path(get, path = "/api/schema/{object}/triggers/{id}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Trigger id")),
    responses(
        (status = 200, description = "The trigger", body = TriggerResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such object or trigger", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_trigger(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id, "trigger").await?;
    let trigger = schema.get_trigger(object, &id).await?;
    Ok(with_etag(trigger.version, TriggerResponse::from(trigger)))
}

/// Change a trigger (admin).
#[utoipa::path(patch, path = "/api/schema/{object}/triggers/{id}", tag = "schema", request_body = UpdateTriggerRequest,
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Trigger id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the trigger changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = TriggerResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or trigger", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`trigger_exists`", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid change", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_trigger(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateTriggerRequest>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id, "trigger").await?;
    let trigger = schema.update_trigger(object, &id, body.into(), pre, &origin).await?;
    Ok(with_etag(trigger.version, TriggerResponse::from(trigger)))
}

/// Remove a trigger (admin); runs already queued fail as `trigger_deleted`, its log stays.
#[utoipa::path(delete, path = "/api/schema/{object}/triggers/{id}", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Trigger id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the trigger changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or trigger", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_trigger(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    let (object, id) = object_and_id(&schema, &object, &id, "trigger").await?;
    schema.delete_trigger(object, &id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The recent runs of an after trigger, newest first: what each did, or why it failed.
#[utoipa::path(get, path = "/api/schema/{object}/triggers/{id}/runs", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case or event"), ("id" = String, Path, description = "Trigger id"), DeliveryParams),
    responses(
        (status = 200, description = "A page of runs", body = TriggerRunList),
        (status = 404, description = "No such object or trigger", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_trigger_runs(
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    ApiQuery(params): ApiQuery<DeliveryParams>,
) -> AppResult<Json<TriggerRunList>> {
    let (object, id) = object_and_id(&schema, &object, &id, "trigger").await?;
    let (after, limit) = params.parse()?;
    let (rows, next_cursor) = schema.trigger_runs(object, &id, after.as_deref(), limit).await?;
    Ok(Json(TriggerRunList { data: rows.into_iter().map(Into::into).collect(), next_cursor }))
}
