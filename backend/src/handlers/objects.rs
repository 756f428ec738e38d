//! Custom objects: `/api/schema/objects` defines them (admin), `/api/objects/{object}` serves
//! their records with every convention of the built-in ones (lists in keyset pages, `as_of`,
//! `If-Match`, idempotent creates, history, export and import).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, download, with_etag};
use crate::domain::custom::Object;
use crate::domain::ids::parse_id;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, RequestOrigin, ValidJson};
use crate::models::exports::ExportParams;
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::models::objects::{
    CreateObjectRequest, CreateRecordRequest, ListRecordsParams, ObjectImportResponse, ObjectList, ObjectRecordList,
    ObjectRecordResponse, ObjectResponse, UpdateObjectRequest, UpdateRecordRequest,
};
use crate::models::schema::FieldResponse;
use crate::services::exports::{encode, Format};
use crate::services::history::HistoryService;
use crate::services::objects::ObjectService;
use crate::services::schema::SchemaService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_objects, create_object))
        .routes(routes!(get_object, update_object, delete_object))
        .routes(routes!(list_records, create_record))
        .routes(routes!(export_records))
        .routes(routes!(import_records))
        .routes(routes!(get_record, update_record, delete_record))
        .routes(routes!(list_record_history))
}

/// The columns of a CSV export before the object's own fields.
const RECORD_COLUMNS: &[&str] = &["id", "name", "owner_id", "version", "created_at", "updated_at"];

async fn response(schema: &SchemaService, def: crate::domain::objects::ObjectDef) -> AppResult<ObjectResponse> {
    let fields = schema.list_fields(def.object()).await?.into_iter().map(FieldResponse::from).collect();
    Ok(ObjectResponse::new(def, fields))
}

/// The custom object a records path names (404 for a built-in one: their records have paths of
/// their own).
async fn custom(schema: &SchemaService, raw: &str) -> AppResult<Object> {
    if let Some(builtin) = Object::built_in(raw) {
        // Reads "custom object `deal` (... at /api/deals) not found".
        return Err(AppError::NotFound(format!(
            "custom object `{raw}` (built-in records are at /api/{})",
            builtin.plural()
        )));
    }
    schema.custom_object(raw).await.map(|d| d.object())
}

/// The custom object and record id of a path; a malformed id is a 404.
async fn object_and_id(schema: &SchemaService, object: &str, id: &str) -> AppResult<(Object, String)> {
    let object = custom(schema, object).await?;
    let id = parse_id(id).ok_or_else(|| AppError::not_found("record", id))?;
    Ok((object, id))
}

/// The custom objects, by name, each with its fields.
#[utoipa::path(get, path = "/api/schema/objects", tag = "objects",
    responses((status = 200, description = "Objects", body = ObjectList)))]
pub async fn list_objects(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
) -> AppResult<Json<ObjectList>> {
    let defs = objects.list_objects().await?;
    let all: Vec<Object> = defs.iter().map(|d| d.object()).collect();
    let mut fields = schema.list_fields_of_all(&all).await?;
    let items = defs
        .into_iter()
        .map(|def| {
            let own = fields.remove(&def.object()).unwrap_or_default();
            ObjectResponse::new(def, own.into_iter().map(FieldResponse::from).collect())
        })
        .collect();
    Ok(Json(ObjectList { items }))
}

/// Define a custom object (admin) with its fields and relationships (reference fields to other
/// objects). Its records are then served at `/api/objects/{name}`; its fields, rules and
/// triggers change through `/api/schema/{name}/...` like those of built-in objects.
#[utoipa::path(post, path = "/api/schema/objects", tag = "objects", request_body = CreateObjectRequest,
    responses(
        (status = 201, description = "Defined", body = ObjectResponse,
            headers(("Location" = String, description = "URL of the object"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`object_exists` or `too_many_objects`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid name, field or relationship", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_object(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateObjectRequest>,
) -> AppResult<Response> {
    let def = objects.create_object(body.into(), &origin).await?;
    let location = format!("/api/schema/objects/{}", def.name);
    let version = def.version;
    Ok(created(location, version, response(&schema, def).await?))
}

/// One custom object with its fields.
#[utoipa::path(get, path = "/api/schema/objects/{name}", tag = "objects",
    params(("name" = String, Path, description = "The object's name")),
    responses(
        (status = 200, description = "The object", body = ObjectResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_object(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path(name): Path<String>,
) -> AppResult<Response> {
    let def = objects.get_object(&name).await?;
    let version = def.version;
    Ok(with_etag(version, response(&schema, def).await?))
}

/// Change a custom object's labels or description (admin); its name never changes.
#[utoipa::path(patch, path = "/api/schema/objects/{name}", tag = "objects", request_body = UpdateObjectRequest,
    params(("name" = String, Path, description = "The object's name"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the object changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = ObjectResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid change", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_object(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path(name): Path<String>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateObjectRequest>,
) -> AppResult<Response> {
    let def = objects.update_object(&name, body.into(), pre, &origin).await?;
    let version = def.version;
    Ok(with_etag(version, response(&schema, def).await?))
}

/// Remove a custom object that has no records (admin), with its fields, rules and triggers;
/// their history stays. 409 `object_has_records` while it has records.
#[utoipa::path(delete, path = "/api/schema/objects/{name}", tag = "objects",
    params(("name" = String, Path, description = "The object's name"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the object changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`object_has_records`", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_object(
    State(objects): State<Arc<ObjectService>>,
    Path(name): Path<String>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<StatusCode> {
    objects.delete_object(&name, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// List a custom object's records, newest first in keyset pages, optionally filtered (the
/// segment grammar over its fields, as `POST /api/query` takes it).
#[utoipa::path(get, path = "/api/objects/{object}", tag = "objects",
    params(("object" = String, Path, description = "A custom object's name"), ListRecordsParams),
    responses(
        (status = 200, description = "A page of records", body = ObjectRecordList),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter or filter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_records(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    audience: crate::services::security::Audience,
    ApiQuery(params): ApiQuery<ListRecordsParams>,
) -> AppResult<Json<ObjectRecordList>> {
    let object = custom(&schema, &object).await?;
    let (page, filter) = params.parse()?;
    Ok(Json(objects.list(object, filter, &audience.page(page)).await?.into()))
}

/// Create a record of a custom object; its values are checked by the object's fields, rules
/// and before triggers.
#[utoipa::path(post, path = "/api/objects/{object}", tag = "objects", request_body = CreateRecordRequest,
    params(("object" = String, Path, description = "A custom object's name"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = ObjectRecordResponse,
            headers(("Location" = String, description = "URL of the record"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A unique value is taken, or triggers loop", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown references", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_record(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateRecordRequest>,
) -> AppResult<Response> {
    let object = custom(&schema, &object).await?;
    let record = objects.create(object, body.into(), caller, &origin).await?;
    let location = format!("/api/objects/{}/{}", object.name(), record.id);
    Ok(created(location, record.version, ObjectRecordResponse::from(record)))
}

/// Export a custom object's records (optionally filtered) as CSV or NDJSON, streamed from one
/// snapshot.
#[utoipa::path(get, path = "/api/objects/{object}/export", tag = "objects",
    params(("object" = String, Path, description = "A custom object's name"), ListRecordsParams, ExportParams),
    responses(
        (status = 200, description = "The records, as a download", content(
            (String = "text/csv"),
            (String = "application/x-ndjson"),
        )),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_records(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    ApiQuery(params): ApiQuery<ListRecordsParams>,
    ApiQuery(export): ApiQuery<ExportParams>,
    audience: crate::services::security::Audience,
) -> AppResult<Response> {
    let object = custom(&schema, &object).await?;
    let format = Format::parse(export.format.as_deref())?;
    let (_, filter) = params.parse()?;
    let columns = schema.export_columns(object, RECORD_COLUMNS).await?;
    let pages = objects.export(object, filter, audience.visible()).await?;
    Ok(download(format, object.name(), encode::<_, ObjectRecordResponse, _>(format, columns, audience.clone(), pages)))
}

/// Import records of a custom object from CSV (`text/csv`: a header row of `id`, `name`,
/// `owner_id` and the object's fields, bare or as `custom.<name>`) or NDJSON
/// (`application/x-ndjson`: records as the export writes them), up to the request body limit.
/// A row whose `id` names a record changes it; any other row creates one. Each row is checked
/// like any write and recorded with `source: import`; bad rows are reported, never stop the others.
#[utoipa::path(post, path = "/api/objects/{object}/import", tag = "objects",
    request_body(content(
        (String = "text/csv"),
        (String = "application/x-ndjson"),
    ), description = "The records"),
    params(("object" = String, Path, description = "A custom object's name")),
    responses(
        (status = 200, description = "What the import did", body = ObjectImportResponse),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither CSV nor NDJSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unreadable header row", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import_records(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path(object): Path<String>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> AppResult<Json<ObjectImportResponse>> {
    let object = custom(&schema, &object).await?;
    let content_type = headers.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let csv = match content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase().as_str() {
        "text/csv" => true,
        "application/x-ndjson" | "application/ndjson" => false,
        _ => return Err(AppError::UnsupportedMediaType),
    };
    Ok(Json(objects.import(object, csv, &body, caller, &origin).await?.into()))
}

/// Get a record of a custom object, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/objects/{object}/{id}", tag = "objects",
    params(("object" = String, Path, description = "A custom object's name"), ("id" = String, Path, description = "Record id"), AsOfParams),
    responses(
        (status = 200, description = "The record", body = ObjectRecordResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such object or record", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_record(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id).await?;
    let record = match as_of(params)? {
        Some(at) => objects.get_as_of(object, &id, at).await?,
        None => objects.get(object, &id).await?,
    };
    Ok(with_etag(record.version, ObjectRecordResponse::from(record)))
}

/// Update some fields of a record of a custom object.
#[utoipa::path(patch, path = "/api/objects/{object}/{id}", tag = "objects", request_body = UpdateRecordRequest,
    params(("object" = String, Path, description = "A custom object's name"), ("id" = String, Path, description = "Record id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the record changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = ObjectRecordResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or record", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A unique value is taken, or triggers loop", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_record(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateRecordRequest>,
) -> AppResult<Response> {
    let (object, id) = object_and_id(&schema, &object, &id).await?;
    let record = objects.update(object, &id, body.into(), pre, &origin).await?;
    Ok(with_etag(record.version, ObjectRecordResponse::from(record)))
}

/// Delete a record of a custom object; its history stays readable.
#[utoipa::path(delete, path = "/api/objects/{object}/{id}", tag = "objects",
    params(("object" = String, Path, description = "A custom object's name"), ("id" = String, Path, description = "Record id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the record changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or record", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_record(
    State(objects): State<Arc<ObjectService>>,
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    let (object, id) = object_and_id(&schema, &object, &id).await?;
    objects.delete(object, &id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The change events of a record of a custom object, oldest first.
#[utoipa::path(get, path = "/api/objects/{object}/{id}/history", tag = "objects",
    params(("object" = String, Path, description = "A custom object's name"), ("id" = String, Path, description = "Record id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No such object, or no record with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_record_history(
    State(history): State<Arc<HistoryService>>,
    State(schema): State<Arc<SchemaService>>,
    Path((object, id)): Path<(String, String)>,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (object, id) = object_and_id(&schema, &object, &id).await?;
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named(object.table(), &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
