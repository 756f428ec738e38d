//! The HTTP router: every module's routes, the OpenAPI document, Swagger UI and the layers.

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_swagger_ui::SwaggerUi;

use crate::error::{AppError, FieldError, Problem};
use crate::handlers;
use crate::state::AppState;

/// The OpenAPI document's fixed parts; paths come from the routers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "CRM API",
        description = "Contacts, companies, timelines and a complete, replayable change history. \
            Errors are RFC 9457 problem+json. Lists are keyset-paginated: pass `next_cursor` back as `cursor`.",
        license(name = "MIT")
    ),
    tags(
        (name = "contacts", description = "People, their funnel status, history"),
        (name = "companies", description = "Organisations contacts work for"),
        (name = "timeline", description = "Notes, calls, meetings, emails and changes per contact"),
        (name = "health", description = "Liveness")
    ),
    components(schemas(Problem, FieldError))
)]
pub struct ApiDoc;

/// Routes and the OpenAPI document they describe.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(handlers::health::router())
        .merge(handlers::contacts::router())
        .merge(handlers::companies::router())
        .merge(handlers::timeline::router())
        .split_for_parts()
}

/// The whole application router with its middleware.
pub fn build(state: AppState) -> Router {
    let (api, openapi) = api();
    let body_limit = state.settings.server.body_limit_bytes;
    let timeout = Duration::from_secs(state.settings.server.request_timeout_secs.max(1));
    api.merge(SwaggerUi::new("/swagger-ui").url("/api-docs/openapi.json", openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::idempotency::idempotency))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(CatchPanicLayer::custom(on_panic))
        .layer(axum::middleware::from_fn(problem_for_bare_errors))
        .layer(axum::middleware::from_fn(crate::telemetry::trace_requests))
        .with_state(state)
}

async fn not_found() -> AppError {
    AppError::NotFound("route".into())
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

/// Gives error responses made outside the handlers (e.g. a timeout) the problem+json shape.
async fn problem_for_bare_errors(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    if (status.is_client_error() || status.is_server_error()) && !response.headers().contains_key("content-type") {
        return crate::error::bare_status_problem(status);
    }
    response
}

fn on_panic(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    AppError::Internal("handler panicked".into()).into_response()
}
