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
        license(name = "MIT", identifier = "MIT")
    ),
    servers((url = "/", description = "This server")),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    tags(
        (name = "auth", description = "Sign in and out; who am I"),
        (name = "users", description = "User administration (admin)"),
        (name = "api-keys", description = "API keys for integrations (admin)"),
        (name = "contacts", description = "People, their funnel status, history"),
        (name = "companies", description = "Organisations contacts work for"),
        (name = "timeline", description = "Notes, calls, meetings, emails and changes per contact"),
        (name = "deals", description = "Deals on a pipeline of stages, won or lost"),
        (name = "cases", description = "Customer cases, their interactions, closing and reopening"),
        (name = "tasks", description = "Things to do, by whom and when"),
        (name = "segments", description = "Saved contact filters, always current"),
        (name = "events", description = "Events, invitations, RSVPs with a waitlist, check-in"),
        (name = "rsvp", description = "Guests' personal RSVP pages, reached from their invitation email"),
        (name = "landing-pages", description = "Landing pages written from a brief, published, and their forms"),
        (name = "analytics", description = "Contacts, funnel, pipeline and activity over a date range"),
        (name = "imports", description = "Contacts from CSV or NDJSON files, in background jobs"),
        (name = "changes", description = "Every change of every record in commit order: pages and a live stream"),
        (name = "admin", description = "Backups of the whole installation (admin)"),
        (name = "schema", description = "Custom fields, validation rules, triggers and the JSON Schema of each object"),
        (name = "views", description = "Saved views: the columns, filter and order of a table, per user or shared"),
        (name = "query", description = "One query over any object: filters, chosen fields, related companies"),
        (name = "objects", description = "Custom objects: their definitions, and their records with history, as_of, If-Match, export"),
        (name = "health", description = "Liveness and readiness")
    ),
    components(schemas(Problem, FieldError))
)]
pub struct ApiDoc;

/// Declares the bearer scheme (sign-in tokens and API keys), so Swagger UI can authorize.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A token from POST /api/auth/login, or an API key"))
                    .build(),
            ),
        );
    }
}

/// Adds the statuses the middleware can answer with to every `/api` operation, so no
/// operation forgets them: 401 and 429 everywhere but login, 403 where a role can be refused.
fn document_guard_statuses(openapi: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let problem = |description: &str| {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
            )
            .build()
    };
    for (path, item) in openapi.paths.paths.iter_mut() {
        if !path.starts_with("/api/") {
            continue;
        }
        let ops = [
            ("get", item.get.as_mut()),
            ("post", item.post.as_mut()),
            ("patch", item.patch.as_mut()),
            ("delete", item.delete.as_mut()),
            ("put", item.put.as_mut()),
        ];
        for (method, op) in ops {
            let Some(op) = op else { continue };
            let responses = &mut op.responses.responses;
            if path.as_str() != handlers::auth::LOGIN_PATH {
                responses.entry("401".into()).or_insert_with(|| problem("No or bad credentials").into());
                let access = handlers::auth::required_access(&method.to_uppercase().parse().unwrap_or_default(), path);
                if access != crate::domain::auth::Access::Read {
                    responses
                        .entry("403".into())
                        .or_insert_with(|| problem("The caller's role may not do this").into());
                }
            }
            responses.entry("429".into()).or_insert_with(|| problem("Rate limited; see Retry-After").into());
        }
    }
}

/// Routes and the OpenAPI document they describe.
pub fn api() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, uploads, openapi) = api_routes();
    (router.merge(uploads), openapi)
}

/// The routes with the request timeout, the long-lived routes without it (a large upload may
/// take longer than `server.request_timeout_secs` to arrive; a stream stays open), and the
/// OpenAPI document of both.
fn api_routes() -> (Router<AppState>, Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut openapi) = api_parts();
    let (uploads, uploads_doc) = OpenApiRouter::new()
        .merge(handlers::imports::upload_router())
        .merge(handlers::changes::stream_router())
        .merge(handlers::llm_tools::long_router())
        .merge(handlers::campaigns::long_router())
        .split_for_parts();
    openapi.merge(uploads_doc);
    document_guard_statuses(&mut openapi);
    (router, uploads, openapi)
}

fn api_parts() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(handlers::health::router())
        .merge(handlers::auth::router())
        .merge(handlers::users::router())
        .merge(handlers::api_keys::router())
        .merge(handlers::contacts::router())
        .merge(handlers::duplicates::router())
        .merge(handlers::companies::router())
        .merge(handlers::timeline::router())
        .merge(handlers::deals::router())
        .merge(handlers::cases::router())
        .merge(handlers::tasks::router())
        .merge(handlers::segments::router())
        .merge(handlers::engagement::router())
        .merge(handlers::analytics::router())
        .merge(handlers::admin::router())
        .merge(handlers::imports::router())
        .merge(handlers::changes::router())
        .merge(handlers::llm_tools::router())
        .merge(handlers::campaigns::router())
        .merge(handlers::consents::router())
        .merge(handlers::deliveries::router())
        .merge(handlers::webhooks::router())
        .merge(handlers::notifications::router())
        .merge(handlers::events::router())
        .merge(handlers::rsvp::router())
        .merge(handlers::landing_pages::router())
        .merge(handlers::schema::router())
        .merge(handlers::query::router())
        .merge(handlers::views::router())
        .merge(handlers::security::router())
        .merge(handlers::objects::router())
        .split_for_parts()
}

/// The OpenAPI document of every route (built once).
pub fn openapi_document() -> &'static utoipa::openapi::OpenApi {
    static DOC: std::sync::OnceLock<utoipa::openapi::OpenApi> = std::sync::OnceLock::new();
    DOC.get_or_init(|| api_routes().2)
}

/// `/metrics` alone, for its own listener (`metrics.port`).
pub fn metrics_only(state: AppState) -> Router {
    Router::new().route("/metrics", axum::routing::get(crate::monitoring::metrics_endpoint)).with_state(state)
}

/// The whole application router with its middleware.
pub fn build(state: AppState) -> Router {
    let (mut api, uploads, openapi) = api_routes();
    if state.settings.metrics.port == 0 {
        api = api.route("/metrics", axum::routing::get(crate::monitoring::metrics_endpoint));
    }
    let body_limit = state.settings.server.body_limit_bytes;
    let timeout = Duration::from_secs(state.settings.server.request_timeout_secs.max(1));
    api.merge(SwaggerUi::new("/swagger-ui").url("/api-docs/openapi.json", openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::idempotency::idempotency))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::security::enforce))
        .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::auth::require_credentials))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .merge(
            uploads
                .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::idempotency::idempotency))
                .layer(DefaultBodyLimit::max(body_limit))
                .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::security::enforce))
                .layer(axum::middleware::from_fn_with_state(state.clone(), handlers::auth::require_credentials)),
        )
        .layer(CatchPanicLayer::custom(on_panic))
        .layer(axum::middleware::from_fn(problem_for_bare_errors))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(cors(&state.settings.cors.origins()))
        .layer(axum::middleware::from_fn(crate::telemetry::trace_requests))
        .layer(axum::middleware::from_fn(crate::monitoring::track_requests))
        .with_state(state)
}

/// The dashboard's page or file for a GET outside `/api`, else 404 problem+json.
async fn not_found(
    axum::extract::State(state): axum::extract::State<AppState>,
    method: axum::http::Method,
    uri: axum::http::Uri,
) -> Response {
    state
        .dashboard
        .as_deref()
        .and_then(|dashboard| dashboard.respond(&method, uri.path()))
        .unwrap_or_else(|| AppError::NotFound("route".into()).into_response())
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}

/// CORS for the configured origins only (the dashboard); none when the list is empty.
fn cors(origins: &[String]) -> tower_http::cors::CorsLayer {
    use axum::http::{header, HeaderName, HeaderValue, Method};
    let allowed: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    tower_http::cors::CorsLayer::new()
        .allow_origin(allowed)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::PATCH, Method::DELETE, Method::OPTIONS])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("traceparent"),
            HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            HeaderName::from_static("x-trace-id"),
            HeaderName::from_static("idempotent-replayed"),
        ])
        .max_age(Duration::from_secs(600))
}

/// The Content-Security-Policy of HTML pages: only the server's own scripts, styles and data.
/// Dashboard pages add the hashes of their inline scripts to `script-src`.
pub const HTML_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     frame-ancestors 'none'; form-action 'self'";

/// Security headers on every response; a strict CSP on HTML (Swagger UI needs only itself).
async fn security_headers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    use axum::http::{header, HeaderValue};
    let mut response = next.run(req).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"));
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let csp = if is_html { HTML_POLICY } else { "default-src 'none'; frame-ancestors 'none'" };
    // Dashboard pages bring their own policy (the same, plus hashes of their inline scripts).
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    }
    response
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
