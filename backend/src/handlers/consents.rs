//! `/api/contacts/{id}/consents`: the contact's consent ledger (append-only) and its state.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin, ValidJson};
use crate::models::consents::{ConsentLedger, ConsentPageParams, ConsentResponse, CreateConsentRequest};
use crate::services::consents::ConsentService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_consents, record_consent))
}

/// The contact's consent ledger, newest recorded first, with its state now (the latest entry
/// per channel and purpose).
#[utoipa::path(get, path = "/api/contacts/{id}/consents", tag = "contacts",
    params(("id" = String, Path, description = "Contact id"), ConsentPageParams),
    responses(
        (status = 200, description = "Entries and state", body = ConsentLedger),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The contact was merged into another", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_consents(
    State(consents): State<Arc<ConsentService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<ConsentPageParams>,
) -> AppResult<Json<ConsentLedger>> {
    let page = params.parse()?;
    Ok(Json(consents.ledger(&id, &page).await?.into()))
}

/// Record that the contact granted or withdrew consent (append-only; the entry is kept as
/// evidence, with the wording shown, the source and the address).
#[utoipa::path(post, path = "/api/contacts/{id}/consents", tag = "contacts", request_body = CreateConsentRequest,
    params(("id" = String, Path, description = "Contact id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Recorded", body = ConsentResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The contact was merged into another", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn record_consent(
    State(consents): State<Arc<ConsentService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateConsentRequest>,
) -> AppResult<Response> {
    let consent = consents.record(&id, body.into(), &origin).await?;
    Ok((StatusCode::CREATED, Json(ConsentResponse::from(consent))).into_response())
}
