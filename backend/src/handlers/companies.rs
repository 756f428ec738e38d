//! `/api/companies`: create, list, read (now or `as_of`), update, delete, contacts, history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, download, with_etag};
use crate::domain::companies::{CompanyPatch, NewCompany};
use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::companies::{
    CompanyList, CompanyResponse, CreateCompanyRequest, ListCompaniesParams, UpdateCompanyRequest,
};
use crate::models::contacts::{ContactList, ListContactsParams};
use crate::models::exports::ExportParams;
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::services::companies::CompanyService;
use crate::services::contacts::ContactService;
use crate::services::exports::{encode, Format};
use crate::services::history::HistoryService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_companies, create_company))
        .routes(routes!(export_companies))
        .routes(routes!(get_company, update_company, delete_company))
        .routes(routes!(list_company_contacts))
        .routes(routes!(list_company_history))
}

/// List companies (keyset-paginated, filterable).
#[utoipa::path(get, path = "/api/companies", tag = "companies", params(ListCompaniesParams, crate::models::pagination::FieldFilterParams),
    responses(
        (status = 200, description = "A page of companies", body = CompanyList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_companies(
    State(companies): State<Arc<CompanyService>>,
    State(fields): State<Arc<crate::services::query::QueryService>>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
    ApiQuery(params): ApiQuery<ListCompaniesParams>,
) -> AppResult<Json<CompanyList>> {
    if let Some((filter, page)) = crate::models::pagination::field_filter(raw.as_deref())? {
        let object = crate::domain::custom::Object::Company;
        return Ok(Json(
            fields.list::<crate::domain::companies::Company>(object, Some(filter), &audience.page(page)).await?.into(),
        ));
    }
    let (query, page) = params.parse()?;
    Ok(Json(companies.list(&query, &audience.page(page)).await?.into()))
}

/// Column order of a company CSV export.
const COMPANY_COLUMNS: &[&str] =
    &["id", "name", "domain", "industry", "size", "website", "owner_id", "version", "created_at", "updated_at"];

/// Export the companies a list selects, as CSV or NDJSON, streamed.
#[utoipa::path(get, path = "/api/companies/export", tag = "companies", params(ListCompaniesParams, ExportParams),
    responses(
        (status = 200, description = "The companies, as a download", content(
            (String = "text/csv"),
            (String = "application/x-ndjson"),
        )),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn export_companies(
    State(schema): State<Arc<crate::services::schema::SchemaService>>,
    State(companies): State<Arc<CompanyService>>,
    ApiQuery(params): ApiQuery<ListCompaniesParams>,
    ApiQuery(export): ApiQuery<ExportParams>,
    audience: crate::services::security::Audience,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> AppResult<Response> {
    crate::models::pagination::no_field_filter(raw.as_deref())?;
    let format = Format::parse(export.format.as_deref())?;
    let columns = schema.export_columns(crate::domain::custom::Object::Company, COMPANY_COLUMNS).await?;
    let (query, page) = params.parse()?;
    let pages = companies.export_list(query, page.sort, audience.visible()).await?;
    Ok(download(format, "companies", encode::<_, CompanyResponse, _>(format, columns, audience.clone(), pages)))
}

/// Create a company.
#[utoipa::path(post, path = "/api/companies", tag = "companies", request_body = CreateCompanyRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = CompanyResponse,
            headers(("Location" = String, description = "URL of the company"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_company(
    State(companies): State<Arc<CompanyService>>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateCompanyRequest>,
) -> AppResult<Response> {
    let mut new = NewCompany::try_from(body)?;
    new.owner_id = new.owner_id.or(caller);
    let company = companies.create(new, &origin).await?;
    Ok(created(format!("/api/companies/{}", company.id), company.version, CompanyResponse::from(company)))
}

/// Get a company, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/companies/{id}", tag = "companies",
    params(("id" = String, Path, description = "Company id"), AsOfParams),
    responses(
        (status = 200, description = "The company", body = CompanyResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such company", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_company(
    State(companies): State<Arc<CompanyService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let company = match as_of(params)? {
        Some(at) => companies.get_as_of(&id, at).await?,
        None => companies.get(&id).await?,
    };
    Ok(with_etag(company.version, CompanyResponse::from(company)))
}

/// Update some fields of a company.
#[utoipa::path(patch, path = "/api/companies/{id}", tag = "companies", request_body = UpdateCompanyRequest,
    params(("id" = String, Path, description = "Company id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the company changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = CompanyResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such company", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_company(
    State(companies): State<Arc<CompanyService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateCompanyRequest>,
) -> AppResult<Response> {
    let patch = CompanyPatch::try_from(body)?;
    let company = companies.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(company.version, CompanyResponse::from(company)))
}

/// Delete a company. Refused (409 `company_has_contacts`) while contacts belong to it:
/// move or unlink them first, so no contact is left pointing at nothing.
#[utoipa::path(delete, path = "/api/companies/{id}", tag = "companies",
    params(("id" = String, Path, description = "Company id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the company changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such company", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The company still has contacts", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_company(
    State(companies): State<Arc<CompanyService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    companies.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The contacts of a company (same parameters as `GET /api/contacts`).
#[utoipa::path(get, path = "/api/companies/{id}/contacts", tag = "companies",
    params(("id" = String, Path, description = "Company id"), ListContactsParams),
    responses(
        (status = 200, description = "A page of contacts", body = ContactList),
        (status = 404, description = "No such company", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_company_contacts(
    State(companies): State<Arc<CompanyService>>,
    State(contacts): State<Arc<ContactService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<ListContactsParams>,
) -> AppResult<Json<ContactList>> {
    let (mut query, page) = params.parse()?;
    companies.get(&id).await?;
    query.company_id = Some(id);
    Ok(Json(contacts.list(&query, &page).await?.into()))
}

/// The change events of a company, oldest first (also after it was deleted).
#[utoipa::path(get, path = "/api/companies/{id}/history", tag = "companies",
    params(("id" = String, Path, description = "Company id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No company with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_company_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("company", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
