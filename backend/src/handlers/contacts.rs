//! `/api/contacts`: create, list, read (now or `as_of`), update, delete, history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{created, download, with_etag};
use crate::domain::contacts::{ContactPatch, NewContact};
use crate::domain::ids::parse_ts;
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::contacts::{
    ContactExportResponse, ContactList, ContactResponse, CreateContactRequest, ListContactsParams, UpdateContactRequest,
};
use crate::models::exports::{ContactExportParams, ExportParams};
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::services::contacts::ContactService;
use crate::services::exports::{encode, Format};
use crate::services::history::HistoryService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_contacts, create_contact))
        .routes(routes!(export_contacts))
        .routes(routes!(get_contact, update_contact, delete_contact))
        .routes(routes!(list_contact_history))
        .routes(routes!(export_contact))
        .routes(routes!(erase_contact))
}

/// Parses `?as_of=`.
pub(crate) fn as_of(params: AsOfParams) -> AppResult<Option<chrono::DateTime<chrono::Utc>>> {
    match params.as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(raw) => parse_ts(raw).map(Some).ok_or_else(|| {
            AppError::invalid_field("as_of", "must be an RFC 3339 timestamp such as 2026-01-31T09:00:00Z")
        }),
    }
}

/// List contacts (keyset-paginated, filterable).
#[utoipa::path(get, path = "/api/contacts", tag = "contacts", params(ListContactsParams, crate::models::pagination::FieldFilterParams),
    responses(
        (status = 200, description = "A page of contacts", body = ContactList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_contacts(
    State(contacts): State<Arc<ContactService>>,
    State(fields): State<Arc<crate::services::query::QueryService>>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    ApiQuery(params): ApiQuery<ListContactsParams>,
) -> AppResult<Json<ContactList>> {
    if let Some((filter, page)) = crate::models::pagination::field_filter(raw.as_deref())? {
        let object = crate::domain::custom::Object::Contact;
        return Ok(Json(
            fields.list::<crate::domain::contacts::Contact>(object, Some(filter), &audience.page(page)).await?.into(),
        ));
    }
    let (query, page) = params.parse()?;
    Ok(Json(contacts.list(&query, &audience.page(page)).await?.into()))
}

/// Column order of a contact CSV export.
const CONTACT_COLUMNS: &[&str] = &[
    "id",
    "email",
    "first_name",
    "last_name",
    "title",
    "phone",
    "company_id",
    "status",
    "source",
    "tags",
    "score",
    "owner_id",
    "version",
    "created_at",
    "updated_at",
];

/// Export the contacts a list selects (its filters; its sort, newest first by default), or a
/// segment's members now, as CSV or NDJSON, streamed: memory stays constant whatever the size.
#[utoipa::path(get, path = "/api/contacts/export", tag = "contacts",
    params(ListContactsParams, ExportParams, ContactExportParams),
    responses(
        (status = 200, description = "The contacts, as a download", content(
            (String = "text/csv"),
            (String = "application/x-ndjson"),
        )),
        (status = 404, description = "No such segment", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_contacts(
    State(state): State<crate::state::AppState>,
    ApiQuery(params): ApiQuery<ListContactsParams>,
    ApiQuery(export): ApiQuery<ExportParams>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    ApiQuery(source): ApiQuery<ContactExportParams>,
) -> AppResult<Response> {
    crate::models::pagination::no_field_filter(raw.as_deref())?;
    let (schema, contacts, segments) = (&state.schema, &state.contacts, &state.segments);
    let format = Format::parse(export.format.as_deref())?;
    let columns = schema.export_columns(crate::domain::custom::Object::Contact, CONTACT_COLUMNS).await?;
    let filtered = params.status.is_some()
        || params.company_id.is_some()
        || params.tag.is_some()
        || params.q.is_some()
        || params.created_after.is_some()
        || params.created_before.is_some();
    let (query, page) = params.parse()?;
    let Some(segment) = source.segment_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        let pages = contacts.export_list(query, page.sort, audience.visible()).await?;
        return Ok(download(
            format,
            "contacts",
            encode::<_, ContactResponse, _>(format, columns, audience.clone(), pages),
        ));
    };
    if filtered {
        return Err(AppError::invalid_field("segment_id", "cannot be combined with the list filters"));
    }
    let id = crate::domain::ids::parse_id(segment).ok_or_else(|| AppError::not_found("segment", segment))?;
    let pages = segments.export_members(&id).await?;
    Ok(download(format, "segment", encode::<_, ContactResponse, _>(format, columns, audience.clone(), pages)))
}

/// Create a contact.
#[utoipa::path(post, path = "/api/contacts", tag = "contacts", request_body = CreateContactRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = ContactResponse,
            headers(("Location" = String, description = "URL of the contact"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Email already taken", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_contact(
    State(contacts): State<Arc<ContactService>>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateContactRequest>,
) -> AppResult<Response> {
    let mut new = NewContact::try_from(body)?;
    new.owner_id = new.owner_id.or(caller);
    let contact = contacts.create(new, &origin).await?;
    Ok(created(format!("/api/contacts/{}", contact.id), contact.version, ContactResponse::from(contact)))
}

/// Get a contact, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/contacts/{id}", tag = "contacts",
    params(("id" = String, Path, description = "Contact id"), AsOfParams),
    responses(
        (status = 200, description = "The contact", body = ContactResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such contact (or it did not exist at as_of)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_contact(
    State(contacts): State<Arc<ContactService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let contact = match as_of(params)? {
        Some(at) => contacts.get_as_of(&id, at).await?,
        None => contacts.get(&id).await?,
    };
    Ok(with_etag(contact.version, ContactResponse::from(contact)))
}

/// Update some fields of a contact.
#[utoipa::path(patch, path = "/api/contacts/{id}", tag = "contacts", request_body = UpdateContactRequest,
    params(("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the contact changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = ContactResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Email already taken", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or forbidden status change (invalid_transition)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_contact(
    State(contacts): State<Arc<ContactService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateContactRequest>,
) -> AppResult<Response> {
    let patch = ContactPatch::try_from(body)?;
    let contact = contacts.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(contact.version, ContactResponse::from(contact)))
}

/// Delete a contact (its history stays readable).
#[utoipa::path(delete, path = "/api/contacts/{id}", tag = "contacts",
    params(("id" = String, Path, description = "Contact id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the contact changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_contact(
    State(contacts): State<Arc<ContactService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    contacts.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The change events of a contact, oldest first (also after it was deleted).
#[utoipa::path(get, path = "/api/contacts/{id}/history", tag = "contacts",
    params(("id" = String, Path, description = "Contact id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No contact with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_contact_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("contact", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}

/// Everything held about a contact: record, timeline and history (data-subject access).
#[utoipa::path(get, path = "/api/contacts/{id}/export", tag = "contacts",
    params(("id" = String, Path, description = "Contact id")),
    responses(
        (status = 200, description = "The export", body = ContactExportResponse),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_contact(
    State(contacts): State<Arc<ContactService>>,
    PathId(id): PathId,
) -> AppResult<Json<ContactExportResponse>> {
    Ok(Json(contacts.export(&id).await?.into()))
}

/// Erase a contact's personal data (admin): from the record, every past change event and its
/// timeline. Status, tags, company and dates stay for anonymous counts; the erasure is recorded.
#[utoipa::path(post, path = "/api/contacts/{id}/erase", tag = "contacts",
    params(("id" = String, Path, description = "Contact id")),
    responses(
        (status = 200, description = "Erased; the anonymous record", body = ContactResponse),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed during erasure; retry", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn erase_contact(
    State(contacts): State<Arc<ContactService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let contact = contacts.erase(&id, &origin).await?;
    Ok(with_etag(contact.version, ContactResponse::from(contact)))
}
