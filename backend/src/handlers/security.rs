//! Row- and field-level security: `/api/schema/{object}/security` (the sharing model and field
//! permissions), `.../{id}/share` (a record's shares), and the middleware that applies them to
//! every request of a member or viewer: records they may not see are 404, records they may only
//! read are 403 to writes, hidden fields are taken out of what is served (records, lists, history,
//! the change feed, query rows) and refused in filters, and writes setting a hidden or read-only
//! field are 403. Exports take their [`Audience`] from the request (services/exports.rs).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::response::Parts;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::Value;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::with_etag;
use crate::domain::auth::{Principal, Role};
use crate::domain::custom::Object;
use crate::domain::ids::parse_id;
use crate::domain::security::{filter_fields, RecordAccess, ShareAccess};
use crate::error::{AppError, AppResult, FieldError, Problem};
use crate::extract::{IfMatch, RequestOrigin, ValidJson};
use crate::models::security::{SecurityResponse, ShareList, ShareRequest, ShareResponse, UpdateSecurityRequest};
use crate::services::schema::SchemaService;
use crate::services::security::{Audience, SecurityService};
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_security, put_security))
        .routes(routes!(list_shares))
        .routes(routes!(share_record))
        .routes(routes!(unshare_record))
        .routes(routes!(list_object_shares))
        .routes(routes!(share_object_record))
        .routes(routes!(unshare_object_record))
}

/// The sharing model and field permissions of an object (everyone reads them: clients hide
/// what a role may not see and lock what it may not change).
#[utoipa::path(get, path = "/api/schema/{object}/security", tag = "schema",
    params(("object" = String, Path, description = "contact, company, deal, case, event or a custom object")),
    responses(
        (status = 200, description = "The settings", body = SecurityResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_security(
    State(schema): State<Arc<SchemaService>>,
    State(security): State<Arc<SecurityService>>,
    Path(object): Path<String>,
) -> AppResult<Response> {
    let settings = security.get(schema.object(&object).await?).await?;
    Ok(with_etag(settings.version, SecurityResponse::from(settings)))
}

/// Set the sharing model and field permissions of an object (admin). `fields` replaces every
/// permission; each names a field of the object, `member` or `viewer`, and `hidden` or `read_only`.
#[utoipa::path(put, path = "/api/schema/{object}/security", tag = "schema", request_body = UpdateSecurityRequest,
    params(("object" = String, Path, description = "contact, company, deal, case, event or a custom object"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the settings changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Saved", body = SecurityResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed by another request at the same moment", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid settings", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_security(
    State(schema): State<Arc<SchemaService>>,
    State(security): State<Arc<SecurityService>>,
    Path(object): Path<String>,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateSecurityRequest>,
) -> AppResult<Response> {
    let object = schema.object(&object).await?;
    let builtin = super::schema::builtin_fields(object);
    let saved = security.put(object, &builtin, body.into(), pre, &origin).await?;
    Ok(with_etag(saved.version, SecurityResponse::from(saved)))
}

/// The object of a built-in collection path segment (`deals`).
fn collection(raw: &str) -> AppResult<Object> {
    Object::built_in(raw).filter(|o| raw == o.plural()).ok_or_else(|| AppError::NotFound(format!("collection `{raw}`")))
}

/// The record a share path names, which the caller may see (404 otherwise).
async fn shared_record(
    state: &AppState,
    object: Object,
    id: &str,
    caller: &Principal,
) -> AppResult<(String, RecordAccess)> {
    let id = parse_id(id).ok_or_else(|| AppError::not_found(object.name(), id))?;
    let table = object.table();
    if crate::repositories::records::get_row(&state.db, table, &id).await?.is_none() {
        return Err(AppError::not_found(object.name(), &id));
    }
    let access = state.security.access(object, &id, caller).await?;
    if access == RecordAccess::None {
        return Err(AppError::not_found(object.name(), &id));
    }
    Ok((id, access))
}

async fn list(state: AppState, object: Object, id: String, caller: Principal) -> AppResult<Json<ShareList>> {
    let (id, _) = shared_record(&state, object, &id, &caller).await?;
    let items = state.security.shares_of(object, &id).await?.into_iter().map(Into::into).collect();
    Ok(Json(ShareList { items }))
}

async fn share(
    state: AppState,
    object: Object,
    id: String,
    caller: Principal,
    origin: crate::domain::history::Origin,
    body: ShareRequest,
) -> AppResult<Response> {
    let (id, access) = shared_record(&state, object, &id, &caller).await?;
    if access != RecordAccess::Write {
        return Err(AppError::Forbidden);
    }
    let granted = match body.access.as_deref().map(str::trim) {
        None | Some("") => ShareAccess::Read,
        Some(raw) => {
            ShareAccess::parse(raw).ok_or_else(|| AppError::invalid_field("access", "must be read or write"))?
        }
    };
    let user = parse_id(&body.user_id).ok_or_else(|| AppError::invalid_field("user_id", "no user with this id"))?;
    state.users.get(&user).await.map_err(|_| AppError::invalid_field("user_id", "no user with this id"))?;
    let (saved, created) = state.security.share(object, &id, user, granted, &origin).await?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(ShareResponse::from(saved))).into_response())
}

async fn unshare(
    state: AppState,
    object: Object,
    id: String,
    user: String,
    caller: Principal,
    origin: crate::domain::history::Origin,
) -> AppResult<StatusCode> {
    let (id, access) = shared_record(&state, object, &id, &caller).await?;
    if access != RecordAccess::Write {
        return Err(AppError::Forbidden);
    }
    state.security.unshare(object, &id, user.trim(), &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who a record is shared with.
#[utoipa::path(get, path = "/api/{collection}/{id}/shares", tag = "schema",
    params(("collection" = String, Path, description = "contacts, companies, deals, cases or events"),
        ("id" = String, Path, description = "Record id")),
    responses(
        (status = 200, description = "Shares", body = ShareList),
        (status = 404, description = "No such record (or not yours to see)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_shares(
    State(state): State<AppState>,
    Extension(caller): Extension<Principal>,
    Path((collection_name, id)): Path<(String, String)>,
) -> AppResult<Json<ShareList>> {
    list(state, collection(&collection_name)?, id, caller).await
}

/// Share a record with a user (`read` or `write`); sharing again changes the access. The
/// record's owner, those it is shared with for writing, and admins share it.
#[utoipa::path(post, path = "/api/{collection}/{id}/share", tag = "schema", request_body = ShareRequest,
    params(("collection" = String, Path, description = "contacts, companies, deals, cases or events"),
        ("id" = String, Path, description = "Record id")),
    responses(
        (status = 201, description = "Shared", body = ShareResponse),
        (status = 200, description = "The share's access changed", body = ShareResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such record (or not yours to see)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such user, or a bad access", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn share_record(
    State(state): State<AppState>,
    Extension(caller): Extension<Principal>,
    Path((collection_name, id)): Path<(String, String)>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<ShareRequest>,
) -> AppResult<Response> {
    share(state, collection(&collection_name)?, id, caller, origin, body).await
}

/// Stop sharing a record with a user.
#[utoipa::path(delete, path = "/api/{collection}/{id}/shares/{user_id}", tag = "schema",
    params(("collection" = String, Path, description = "contacts, companies, deals, cases or events"),
        ("id" = String, Path, description = "Record id"), ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 204, description = "No longer shared"),
        (status = 404, description = "No such record or share", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unshare_record(
    State(state): State<AppState>,
    Extension(caller): Extension<Principal>,
    Path((collection_name, id, user)): Path<(String, String, String)>,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<StatusCode> {
    unshare(state, collection(&collection_name)?, id, user, caller, origin).await
}

/// Who a custom object's record is shared with.
#[utoipa::path(get, path = "/api/objects/{object}/{id}/shares", tag = "objects",
    params(("object" = String, Path, description = "Custom object name"), ("id" = String, Path, description = "Record id")),
    responses(
        (status = 200, description = "Shares", body = ShareList),
        (status = 404, description = "No such object or record", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_object_shares(
    State(state): State<AppState>,
    Extension(caller): Extension<Principal>,
    Path((object, id)): Path<(String, String)>,
) -> AppResult<Json<ShareList>> {
    let object = state.schema.custom_object(&object).await?.object();
    list(state, object, id, caller).await
}

/// Share a custom object's record with a user (`read` or `write`).
#[utoipa::path(post, path = "/api/objects/{object}/{id}/share", tag = "objects", request_body = ShareRequest,
    params(("object" = String, Path, description = "Custom object name"), ("id" = String, Path, description = "Record id")),
    responses(
        (status = 201, description = "Shared", body = ShareResponse),
        (status = 200, description = "The share's access changed", body = ShareResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object or record", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such user, or a bad access", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn share_object_record(
    State(state): State<AppState>,
    Extension(caller): Extension<Principal>,
    Path((object, id)): Path<(String, String)>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<ShareRequest>,
) -> AppResult<Response> {
    let object = state.schema.custom_object(&object).await?.object();
    share(state, object, id, caller, origin, body).await
}

/// Stop sharing a custom object's record with a user.
#[utoipa::path(delete, path = "/api/objects/{object}/{id}/shares/{user_id}", tag = "objects",
    params(("object" = String, Path, description = "Custom object name"), ("id" = String, Path, description = "Record id"),
        ("user_id" = String, Path, description = "User id")),
    responses(
        (status = 204, description = "No longer shared"),
        (status = 404, description = "No such object, record or share", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unshare_object_record(
    State(state): State<AppState>,
    Extension(caller): Extension<Principal>,
    Path((object, id, user)): Path<(String, String, String)>,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<StatusCode> {
    let object = state.schema.custom_object(&object).await?.object();
    unshare(state, object, id, user, caller, origin).await
}

/// What a request reaches, as far as security goes.
#[derive(Debug)]
enum Target {
    /// A list of records (`data[*]`), or a create (the record).
    Collection(Object),
    /// A download of records (filtered by the export itself).
    Export(Object),
    /// One record, or something under it (`/history` is [`Target::History`]).
    Record(Object, String),
    /// A record's change events.
    History(Object, String),
    /// Contacts in a list (`data[*]`), a preview (`sample[*]`) or duplicate pairs
    /// (`data[*].contacts[*]`); of a record (a company's), which the caller must see.
    Contacts(Option<(Object, String)>),
    /// Totals over records (the pipeline, analytics, an import): for admins when the records
    /// are private (and deals' when a field of them is hidden).
    Totals(Vec<Object>),
    /// The change feed.
    Feed,
    /// Timeline entries (`data[*]`), some about other records (`entity`, `entity_id`); of a
    /// record (a contact's), which the caller must see.
    Timeline(Option<(Object, String)>),
    /// A write of records in bulk (an import): for admins when the records are private or
    /// fields of them locked.
    Import(Object),
    /// A segment's filter (create, change): over contacts' fields.
    SegmentFilter,
    /// Rows about contacts (`contact_id`), of a record if any: a campaign's messages, an
    /// event's invitations.
    ContactRows(Option<(Object, String)>),
    /// The query endpoint (its object is in the body).
    Query,
    /// Anything else.
    Other,
}

async fn target(schema: &SchemaService, path: &str) -> Target {
    let segments: Vec<&str> = path.trim_start_matches("/api/").split('/').filter(|s| !s.is_empty()).collect();
    let (object, rest) = match segments.as_slice() {
        ["objects", name, rest @ ..] if *name != "objects" => match schema.custom_object(name).await {
            Ok(def) => (def.object(), rest),
            Err(_) => return Target::Other,
        },
        ["changes", ..] => return Target::Feed,
        ["timeline"] => return Target::Timeline(None),
        ["imports", "contacts"] => return Target::Import(Object::Contact),
        ["query"] => return Target::Query,
        ["segments", _, "contacts"] | ["segments", "preview"] | ["contacts", "duplicates", ..] => {
            return Target::Contacts(None)
        }
        ["segments"] | ["segments", _] => return Target::SegmentFilter,
        ["campaigns", _, "messages"] => return Target::ContactRows(None),
        ["campaigns", _, "audience" | "progress"] => return Target::Totals(vec![Object::Contact]),
        ["events", id, "invitations"] => {
            return parse_id(id).map_or(Target::Other, |id| Target::ContactRows(Some((Object::Event, id))))
        }
        ["companies", id, "contacts"] => {
            return parse_id(id).map_or(Target::Other, |id| Target::Contacts(Some((Object::Company, id))))
        }
        ["analytics", ..] => return Target::Totals(vec![Object::Contact, Object::Deal]),
        [first, rest @ ..] => match collection(first) {
            Ok(o) => (o, rest),
            Err(_) => return Target::Other,
        },
        [] => return Target::Other,
    };
    match rest {
        [] | ["open"] => Target::Collection(object),
        ["export"] => Target::Export(object),
        ["import"] => Target::Import(object),
        ["pipeline"] => Target::Totals(vec![object]),
        [id, "history"] => parse_id(id).map_or(Target::Other, |id| Target::History(object, id)),
        [id, "timeline"] => parse_id(id).map_or(Target::Other, |id| Target::Timeline(Some((object, id)))),
        [id, ..] => parse_id(id).map_or(Target::Other, |id| Target::Record(object, id)),
    }
}

fn problem(err: AppError) -> Response {
    err.into_response()
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The hidden fields a list's query string names in a filter, a sort or a `custom.<name>` parameter.
fn hidden_in_query(query: &str, audience: &Audience) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    for (key, value) in pairs {
        let named: Vec<String> = match key.as_str() {
            "filter" => serde_json::from_str(&value).map(|f| audience.mask.hidden_in_filter(&f)).unwrap_or_default(),
            "sort" => vec![value.trim_start_matches('-').to_string()],
            other => vec![other.to_string()],
        };
        for field in named.into_iter().filter(|f| !audience.mask.shows(f)) {
            errors.push(FieldError::new(key.clone(), format!("`{field}` is hidden from your role")));
        }
    }
    errors
}

/// A list or export whose query string names a hidden field (or one of a company the caller may
/// not reach, in its filter) is 422 `field_hidden`.
async fn refuse_hidden_params(
    state: &AppState,
    caller: &Principal,
    query: Option<String>,
    seen: &Audience,
) -> Result<(), Response> {
    let query = query.unwrap_or_default();
    let mut errors = hidden_in_query(&query, seen);
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&query).unwrap_or_default();
    let filters = pairs.iter().filter(|(k, _)| k == "filter").filter_map(|(_, v)| serde_json::from_str(v).ok());
    let named: Vec<(String, String)> =
        filters.flat_map(|f: Value| filter_fields(&f)).map(|f| ("filter".to_string(), f)).collect();
    errors.extend(refused_traversals(state, caller, named, &[]).await?);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(problem(hidden_error(errors)))
    }
}

/// Of `named` (an error key and a field each), the traversals (`company.<field>`, or
/// `<relation>.<field>` through one of `relations`) the caller may not make: to a field hidden
/// from their role, or to any when the records reached are private to them (the values would
/// come from records they may not see).
async fn refused_traversals(
    state: &AppState,
    caller: &Principal,
    named: Vec<(String, String)>,
    relations: &[(String, Object)],
) -> Result<Vec<FieldError>, Response> {
    let mut errors = Vec::new();
    let mut audiences: HashMap<Object, Audience> = HashMap::new();
    for (key, field) in named {
        let Some((prefix, inner)) = field.split_once('.') else { continue };
        let target = match relations.iter().find(|(name, _)| name == prefix) {
            Some((_, object)) => *object,
            None if prefix == "company" => Object::Company,
            None => continue,
        };
        let seen = match audiences.entry(target) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(state.security.audience(target, caller).await.map_err(problem)?)
            }
        };
        if seen.rows.is_some() {
            let message = format!("`{field}` reaches {}, which are private to your role", target.plural());
            errors.push(FieldError::new(key, message));
        } else if !seen.mask.shows(inner) {
            errors.push(FieldError::new(key, format!("`{field}` is hidden from your role")));
        }
    }
    Ok(errors)
}

/// The body of a request, read whole (up to `limit`), and its head.
async fn read_body(req: Request, limit: usize) -> Result<(axum::http::request::Parts, Bytes), Response> {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| problem(AppError::PayloadTooLarge))?;
    Ok((parts, bytes))
}

fn hidden_error(errors: Vec<FieldError>) -> AppError {
    AppError::Validation {
        code: "field_hidden",
        detail: "the request names fields hidden from your role".into(),
        errors,
    }
}

/// Middleware: applies row- and field-level security to a member's or viewer's request.
pub async fn enforce(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(caller) = req.extensions().get::<Principal>().cloned() else { return next.run(req).await };
    if caller.role == Role::Admin || !state.security.any().await.unwrap_or(true) {
        return next.run(req).await;
    }
    match guarded(&state, &caller, req, next).await {
        Ok(response) | Err(response) => response,
    }
}

async fn guarded(state: &AppState, caller: &Principal, mut req: Request, next: Next) -> Result<Response, Response> {
    let security = &state.security;
    let audience = |object: Object| async move { security.audience(object, caller).await.map_err(problem) };
    let method = req.method().clone();
    let target = target(&state.schema, req.uri().path()).await;
    let limit = state.settings.server.body_limit_bytes;
    match target {
        Target::Collection(object) => {
            let seen = audience(object).await?;
            refuse_hidden_params(state, caller, req.uri().query().map(String::from), &seen).await?;
            if is_write(&method) {
                let req = refuse_fields(req, &seen, limit).await?;
                return rewrite(next.run(req).await, limit, |body| seen.mask.redact_record(body)).await;
            }
            // The list reads only the rows the caller may see (its `total` counts those); the
            // page is checked again on its way out.
            req.extensions_mut().insert(seen.clone());
            rewrite(next.run(req).await, limit, |body| retain_records(body.get_mut("data"), &seen)).await
        }
        Target::Export(object) => {
            let seen = audience(object).await?;
            refuse_hidden_params(state, caller, req.uri().query().map(String::from), &seen).await?;
            req.extensions_mut().insert(seen);
            Ok(next.run(req).await)
        }
        Target::Record(object, id) => {
            let seen = security.field_audience(object, caller).await.map_err(problem)?;
            check_row(state, caller, object, &id, &method).await?;
            // A contact's personal-data export and briefing are written from every field.
            let path = req.uri().path();
            if !seen.mask.hidden.is_empty() && (path.ends_with("/export") || path.ends_with("/briefing")) {
                return Err(problem(AppError::Forbidden));
            }
            if is_write(&method) {
                req = refuse_fields(req, &seen, limit).await?;
            }
            rewrite(next.run(req).await, limit, |body| {
                if body.get("id").and_then(Value::as_str) == Some(id.as_str()) {
                    seen.mask.redact_record(body);
                }
            })
            .await
        }
        Target::History(object, id) => {
            let seen = security.field_audience(object, caller).await.map_err(problem)?;
            check_row(state, caller, object, &id, &method).await?;
            rewrite(next.run(req).await, limit, |body| {
                for event in body.get_mut("data").and_then(Value::as_array_mut).into_iter().flatten() {
                    if let Some(changes) = event.get_mut("changes") {
                        seen.mask.redact_changes(changes);
                    }
                }
            })
            .await
        }
        Target::Contacts(_) | Target::SegmentFilter
            if req.method() == Method::POST || req.method() == Method::PATCH =>
        {
            // A filter over a hidden field would tell what it holds, by the contacts it selects.
            let seen = audience(Object::Contact).await?;
            let (parts, bytes) = read_body(req, limit).await?;
            let filter = serde_json::from_slice::<Value>(&bytes).map(|b| b["filter"].clone()).unwrap_or_default();
            let named = filter_fields(&filter).into_iter().map(|f| ("filter".to_string(), f)).collect();
            let mut errors = refused_traversals(state, caller, named, &[]).await?;
            if !seen.mask.hidden_in_filter(&filter).is_empty() {
                errors.push(FieldError::new("filter", "the filter names a field hidden from your role"));
            }
            if !errors.is_empty() {
                return Err(problem(hidden_error(errors)));
            }
            let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
            rewrite(response, limit, |body| {
                retain_records(body.get_mut("sample"), &seen);
                withhold_counts(body, &seen);
            })
            .await
        }
        Target::SegmentFilter => Ok(next.run(req).await),
        Target::Contacts(of) => {
            if let Some((object, id)) = of {
                check_row(state, caller, object, &id, &method).await?;
            }
            let seen = audience(Object::Contact).await?;
            rewrite(next.run(req).await, limit, |body| {
                retain_records(body.get_mut("sample"), &seen);
                for pair in body.get_mut("data").and_then(Value::as_array_mut).into_iter().flatten() {
                    retain_records(pair.get_mut("contacts"), &seen);
                }
                retain_records(body.get_mut("data"), &seen);
                withhold_counts(body, &seen);
            })
            .await
        }
        Target::ContactRows(of) => {
            if let Some((object, id)) = of {
                check_row(state, caller, object, &id, &method).await?;
            }
            let page = next.run(req).await;
            let about = |row: &Value| Some((Object::Contact, row["contact_id"].as_str()?.to_string()));
            entries(state, caller, page, limit, about).await
        }
        Target::Totals(objects) => {
            security.check_totals(&objects, caller).await.map_err(problem)?;
            Ok(next.run(req).await)
        }
        Target::Import(object) => {
            let seen = audience(object).await?;
            if seen.rows.is_some() || !seen.mask.is_empty() {
                return Err(problem(AppError::Forbidden));
            }
            Ok(next.run(req).await)
        }
        Target::Timeline(of) => {
            if let Some((object, id)) = of {
                check_row(state, caller, object, &id, &method).await?;
            }
            let page = next.run(req).await;
            entries(state, caller, page, limit, about_entity).await
        }
        Target::Feed => {
            if req.uri().path().ends_with("/stream") {
                // Filtered event by event as it is written (handlers/changes.rs).
                return Ok(next.run(req).await);
            }
            let page = next.run(req).await;
            entries(state, caller, page, limit, about_entity).await
        }
        Target::Query => query(state, caller, req, next, limit).await,
        Target::Other => Ok(next.run(req).await),
    }
}

/// 404 when the caller may not see the record, 403 when they may only read it and this writes
/// (404 when it does not exist: there is nothing to refuse).
async fn check_row(
    state: &AppState,
    caller: &Principal,
    object: Object,
    id: &str,
    method: &Method,
) -> Result<(), Response> {
    let not_found = || problem(AppError::not_found(object.name(), id));
    match state.security.access(object, id, caller).await.map_err(problem)? {
        RecordAccess::None => Err(not_found()),
        RecordAccess::Read if is_write(method) => {
            let row = crate::repositories::records::get_row(&state.db, object.table(), id).await;
            match row.map_err(|e| problem(e.into()))? {
                Some(_) => Err(problem(AppError::Forbidden)),
                None => Err(not_found()),
            }
        }
        _ => Ok(()),
    }
}

/// A count over private contacts the caller may not all see would tell how many there are: a
/// page of contacts filtered on its way out (a segment's, a company's, duplicate pairs) leaves
/// out its `total`, a preview's `count` is null. The collections' own lists count only what the
/// caller may see, and keep theirs.
fn withhold_counts(body: &mut Value, seen: &Audience) {
    if seen.rows.is_none() {
        return;
    }
    let Some(map) = body.as_object_mut() else { return };
    if map.contains_key("data") {
        map.remove("total");
    }
    if map.contains_key("sample") && map.contains_key("count") {
        map.insert("count".into(), Value::Null);
    }
}

/// Keeps the records of a list the caller may see, redacted.
fn retain_records(list: Option<&mut Value>, seen: &Audience) {
    let Some(items) = list.and_then(Value::as_array_mut) else { return };
    let kept: Vec<Value> = std::mem::take(items).into_iter().filter_map(|r| seen.show(r)).collect();
    *items = kept;
}

/// A write whose JSON body sets a field the caller may not change is 403 naming the fields.
async fn refuse_fields(req: Request, seen: &Audience, limit: usize) -> Result<Request, Response> {
    if seen.mask.is_empty() {
        return Ok(req);
    }
    let (parts, bytes) = read_body(req, limit).await?;
    if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
        let refused = seen.mask.refused_in(&value);
        if !refused.is_empty() {
            let errors =
                refused.into_iter().map(|f| FieldError::new(f, "your role may not change this field")).collect();
            return Err(problem(AppError::FieldsLocked(errors)));
        }
    }
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// A JSON success answer, parsed; anything else (`Err`) as it was.
async fn parsed(response: Response, limit: usize) -> Result<Result<(Parts, Value), Response>, Response> {
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if !response.status().is_success() || !json {
        return Ok(Err(response));
    }
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, limit.max(64 << 20)).await.map_err(|_| problem(internal()))?;
    Ok(match serde_json::from_slice::<Value>(&bytes) {
        Ok(value) => Ok((parts, value)),
        Err(_) => Err(Response::from_parts(parts, Body::from(bytes))),
    })
}

/// The answer `parts` with `value` as its body.
fn reply(mut parts: Parts, value: &Value) -> Response {
    let bytes = Bytes::from(serde_json::to_vec(value).unwrap_or_default());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(bytes))
}

/// A JSON success answer, changed by `edit`; anything else as it is.
async fn rewrite(response: Response, limit: usize, edit: impl FnOnce(&mut Value)) -> Result<Response, Response> {
    match parsed(response, limit).await? {
        Ok((parts, mut value)) => {
            edit(&mut value);
            Ok(reply(parts, &value))
        }
        Err(untouched) => Ok(untouched),
    }
}

fn internal() -> AppError {
    AppError::Internal("an answer could not be read for redaction".into())
}

/// The record a change event or timeline entry is about.
fn about_entity(entry: &Value) -> Option<(Object, String)> {
    let object = object_of_entity(entry["entity"].as_str()?)?;
    Some((object, entry["entity_id"].as_str().unwrap_or_default().to_string()))
}

/// A page of entries about records (change events, timeline entries, a campaign's messages, an
/// event's invitations) for a member or viewer: entries about records they may not see are left
/// out (the cursor still moves past them), the hidden fields of their `changes` redacted, and
/// a `guest` (a contact's name and email) left out when a contact's name or email is hidden.
/// `about` names the entry's object and record id.
async fn entries(
    state: &AppState,
    caller: &Principal,
    page: Response,
    limit: usize,
    about: impl Fn(&Value) -> Option<(Object, String)>,
) -> Result<Response, Response> {
    let (parts, mut value) = match parsed(page, limit).await? {
        Ok(parsed) => parsed,
        Err(untouched) => return Ok(untouched),
    };
    let entries = value.get_mut("data").and_then(Value::as_array_mut).map(std::mem::take).unwrap_or_default();
    // Per object: its audience, and the records of the page the caller may see.
    let mut audiences: HashMap<Object, Audience> = HashMap::new();
    let mut ids: HashMap<Object, Vec<String>> = HashMap::new();
    for (object, id) in entries.iter().filter_map(&about) {
        ids.entry(object).or_default().push(id);
    }
    let mut visible: HashMap<Object, HashSet<String>> = HashMap::new();
    for (object, ids) in ids {
        let seen = state.security.audience(object, caller).await.map_err(problem)?;
        if seen.rows.is_some() {
            visible.insert(object, state.security.visible(object, &ids, caller).await.map_err(problem)?);
        }
        audiences.insert(object, seen);
    }
    let kept: Vec<Value> = entries
        .into_iter()
        .filter_map(|mut entry| {
            let Some((object, id)) = about(&entry) else { return Some(entry) };
            if visible.get(&object).is_some_and(|v| !v.contains(&id)) {
                return None;
            }
            let Some(seen) = audiences.get(&object) else { return Some(entry) };
            if let Some(changes) = entry.get_mut("changes") {
                seen.mask.redact_changes(changes);
            }
            if ["first_name", "last_name", "email"].iter().any(|f| !seen.mask.shows(f)) {
                if let Some(map) = entry.as_object_mut() {
                    map.remove("guest");
                }
            }
            Some(entry)
        })
        .collect();
    if visible.contains_key(&Object::Contact) {
        if let Some(map) = value.as_object_mut() {
            map.remove("total");
        }
    }
    value["data"] = Value::Array(kept);
    Ok(reply(parts, &value))
}

/// The object a change event's or timeline entry's `entity` names: a name (`deal`) or the table
/// its records live in (`support_case`, `obj_contract`).
pub fn object_of_entity(entity: &str) -> Option<Object> {
    Object::parse(entity).or_else(|| Object::known().into_iter().find(|o| o.table() == entity))
}

/// The query endpoint for a member or viewer: hidden fields may not be asked for or filtered
/// on (422), and rows of a private object are those the caller may see (the query reads only
/// those).
async fn query(
    state: &AppState,
    caller: &Principal,
    req: Request,
    next: Next,
    limit: usize,
) -> Result<Response, Response> {
    let (parts, bytes) = read_body(req, limit).await?;
    let Ok(input) = serde_json::from_slice::<Value>(&bytes) else {
        return Ok(next.run(Request::from_parts(parts, Body::from(bytes))).await);
    };
    let Some(object) = input["object"].as_str() else {
        return Ok(next.run(Request::from_parts(parts, Body::from(bytes))).await);
    };
    let Ok(object) = state.schema.object(object).await else {
        return Ok(next.run(Request::from_parts(parts, Body::from(bytes))).await);
    };
    let seen = state.security.audience(object, caller).await.map_err(problem)?;
    let mut errors = Vec::new();
    let mut named: Vec<(String, String)> = Vec::new();
    for (i, field) in input["fields"].as_array().into_iter().flatten().enumerate() {
        let Some(field) = field.as_str().map(str::trim) else { continue };
        if !seen.mask.shows(field) {
            errors.push(FieldError::new(format!("fields[{i}]"), "this field is hidden from your role"));
        }
        named.push((format!("fields[{i}]"), field.to_string()));
    }
    named.extend(filter_fields(&input["filter"]).into_iter().map(|f| ("filter".to_string(), f)));
    let relations: Vec<(String, Object)> = match state.query.relations(object).await {
        Ok(found) => found.into_iter().map(|r| (r.name, r.object)).collect(),
        Err(e) => return Err(problem(e)),
    };
    if object != Object::Company || !relations.is_empty() {
        errors.extend(refused_traversals(state, caller, named, &relations).await?);
    }
    if !seen.mask.hidden_in_filter(&input["filter"]).is_empty() {
        errors.push(FieldError::new("filter", "the filter names a field hidden from your role"));
    }
    if input["sort"].as_str().is_some_and(|s| !seen.mask.shows(s.trim_start_matches('-'))) {
        errors.push(FieldError::new("sort", "this field is hidden from your role"));
    }
    if !errors.is_empty() {
        return Err(problem(hidden_error(errors)));
    }
    let mut parts = parts;
    // The query reads only the rows the caller may see (handlers/query.rs).
    parts.extensions.insert(seen);
    Ok(next.run(Request::from_parts(parts, Body::from(bytes))).await)
}
