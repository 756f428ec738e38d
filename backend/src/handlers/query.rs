//! `POST /api/query`: one query endpoint over every object.

use axum::extract::State;
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::pagination::{Cursor, Sort};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::ValidJson;
use crate::models::query::{QueryRequest, QueryResponse};
use crate::services::query::QueryService;
use crate::services::schema::SchemaService;
use crate::services::security::Audience;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(run_query))
}

/// The one order queries offer.
const NEWEST: Sort = Sort { field: "created_at", desc: true };

/// Query any object: a filter in the segment grammar over its built-in, custom and company
/// fields, the fields to return (`company.name` follows the record's company), newest first
/// in keyset pages. A read: every role may query.
#[utoipa::path(post, path = "/api/query", tag = "query", request_body = QueryRequest,
    responses(
        (status = 200, description = "A page of rows", body = QueryResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such object", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid filter, field, sort, limit or cursor", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn run_query(
    State(queries): State<Arc<QueryService>>,
    State(schema): State<Arc<SchemaService>>,
    audience: Audience,
    ValidJson(body): ValidJson<QueryRequest>,
) -> AppResult<Json<QueryResponse>> {
    let Some(object) = body.object.as_deref().map(str::trim).filter(|o| !o.is_empty()) else {
        return Err(AppError::invalid_field("object", "is required: contact, company, deal, case or event"));
    };
    let object = schema.object(object).await?;
    let query = queries.parse(object, (&body).into()).await?;
    let after = match body.cursor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(raw) => Some(Cursor::decode(raw, &NEWEST).map_err(|m| AppError::invalid_field("cursor", m))?.k),
        None => None,
    };
    let page = queries.run(&query, after, audience.visible().as_ref()).await?;
    let next_cursor = page.next.map(|k| Cursor { s: NEWEST.as_param(), k }.encode());
    Ok(Json(QueryResponse { data: page.rows, next_cursor }))
}
