//! `/api/imports`: upload a file of contacts, follow its job, cancel it.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin};
use crate::models::imports::{ImportList, ImportPageParams, ImportParams, ImportResponse};
use crate::services::imports::{FileFormat, ImportRequest, ImportService};
use crate::state::AppState;

/// Routes of this module but the upload.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_imports)).routes(routes!(get_import)).routes(routes!(cancel_import))
}

/// The upload, served outside the request timeout (a large file may take longer to arrive).
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(import_contacts))
}

/// Import contacts from CSV (`text/csv`: a header row, `,` or `;` between fields, UTF-8 with
/// or without BOM) or NDJSON (`application/x-ndjson`), streamed to disk as it arrives. Answers
/// 202 with the queued job once the file is stored and its header checked; follow it with
/// `GET /api/imports/{id}`. Rows with errors are reported (line, field, message) and never stop
/// the others; each contact written gets its change event (`source: import`, `trace_id`: the
/// job id). Importing the same file again creates nothing new.
#[utoipa::path(post, path = "/api/imports/contacts", tag = "imports", params(ImportParams),
    request_body(content(
        (String = "text/csv"),
        (String = "application/x-ndjson"),
    ), description = "The file"),
    responses(
        (status = 202, description = "Queued", body = ImportResponse,
            headers(("Location" = String, description = "URL of the job"))),
        (status = 413, description = "Larger than `imports.max_bytes`", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Neither CSV nor NDJSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter, header or mapping", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import_contacts(
    State(imports): State<Arc<ImportService>>,
    RequestOrigin(origin): RequestOrigin,
    ApiQuery(params): ApiQuery<ImportParams>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> AppResult<Response> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let format = match content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase().as_str() {
        "text/csv" => FileFormat::Csv,
        "application/x-ndjson" | "application/ndjson" => FileFormat::Ndjson,
        _ => return Err(AppError::UnsupportedMediaType),
    };
    let (mode, dry_run, mapping) = params.parse()?;
    let request = ImportRequest { format, mode, dry_run, mapping };
    let job = imports.upload(request, body.into_data_stream(), &origin).await?;
    let mut response = (StatusCode::ACCEPTED, Json(ImportResponse::from(job.clone()))).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/imports/{}", job.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// List import jobs, newest first.
#[utoipa::path(get, path = "/api/imports", tag = "imports", params(ImportPageParams),
    responses(
        (status = 200, description = "A page of jobs", body = ImportList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_imports(
    State(imports): State<Arc<ImportService>>,
    ApiQuery(params): ApiQuery<ImportPageParams>,
) -> AppResult<Json<ImportList>> {
    let page = params.parse()?;
    Ok(Json(imports.list(&page).await?.into()))
}

/// An import job: its status, counts and first row errors.
#[utoipa::path(get, path = "/api/imports/{id}", tag = "imports",
    params(("id" = String, Path, description = "Job id", format = Uuid)),
    responses(
        (status = 200, description = "The job", body = ImportResponse),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_import(
    State(imports): State<Arc<ImportService>>,
    PathId(id): PathId,
) -> AppResult<Json<ImportResponse>> {
    Ok(Json(imports.get(&id).await?.into()))
}

/// Cancel a queued or running import (rows already written stay).
#[utoipa::path(post, path = "/api/imports/{id}/cancel", tag = "imports",
    params(("id" = String, Path, description = "Job id", format = Uuid)),
    responses(
        (status = 200, description = "Cancelled", body = ImportResponse),
        (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The import had already ended", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn cancel_import(
    State(imports): State<Arc<ImportService>>,
    PathId(id): PathId,
) -> AppResult<Json<ImportResponse>> {
    Ok(Json(imports.cancel(&id).await?.into()))
}
