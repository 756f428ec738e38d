//! `/api/auth/*` (sign in, sign out, who am I) and the middleware guarding every `/api` route.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::auth::{Access, Principal};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::ValidJson;
use crate::models::auth::{LoginRequest, LoginResponse, MeResponse};
use crate::services::auth::AuthService;
use crate::services::limits::RateLimiter;
use crate::state::AppState;

/// The only `/api` path that needs no credential.
pub const LOGIN_PATH: &str = "/api/auth/login";

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(login)).routes(routes!(logout)).routes(routes!(me))
}

/// Sign in with email and password.
#[utoipa::path(post, path = "/api/auth/login", tag = "auth", request_body = LoginRequest, security(()),
    responses(
        (status = 200, description = "Signed in", body = LoginResponse),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Wrong email or password (the same answer for both)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn login(
    State(auth): State<Arc<AuthService>>,
    connect: Option<Extension<ConnectInfo<SocketAddr>>>,
    ValidJson(body): ValidJson<LoginRequest>,
) -> AppResult<Json<LoginResponse>> {
    let ip = connect.map(|Extension(c)| c.0.ip().to_string()).unwrap_or_else(|| "unknown".into());
    let session = auth.login(&body.email, &body.password, &ip).await?;
    Ok(Json(LoginResponse {
        token: session.token,
        token_type: "Bearer".into(),
        expires_at: session.expires_at,
        user: session.user.into(),
    }))
}

/// Sign out: the token stops working at once.
#[utoipa::path(post, path = "/api/auth/logout", tag = "auth",
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Called with an API key", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Rate limited", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn logout(
    State(auth): State<Arc<AuthService>>,
    Extension(principal): Extension<Principal>,
) -> AppResult<StatusCode> {
    auth.logout(&principal).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Who is calling: the signed-in user or the API key.
#[utoipa::path(get, path = "/api/auth/me", tag = "auth",
    responses(
        (status = 200, description = "The caller", body = MeResponse),
        (status = 401, description = "No or bad credentials", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Rate limited", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn me(Extension(principal): Extension<Principal>) -> Json<MeResponse> {
    Json(principal.into())
}

/// What a request needs: admin for users, keys and erasure; write for any other change.
pub fn required_access(method: &Method, path: &str) -> Access {
    let admin_area = path.starts_with("/api/users")
        || path.starts_with("/api/api-keys")
        || path.starts_with("/api/admin/")
        || path.starts_with("/api/webhooks")
        || path.ends_with("/erase")
        // The data model: everyone reads it (forms are built from it), admins change it.
        || (path.starts_with("/api/schema/") && !matches!(*method, Method::GET | Method::HEAD));
    if admin_area {
        Access::Admin
    } else if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
        || path == "/api/auth/logout"
        || path == "/api/segments/preview"
        || path == "/api/query"
        // Everyone keeps views of their own (only their own: checked by the service).
        || path.starts_with("/api/views")
        // Everyone reads and marks their own notifications and chooses their channels.
        || path.starts_with("/api/notifications")
    {
        Access::Read
    } else {
        Access::Write
    }
}

/// Middleware: every `/api` route but login needs a valid bearer credential (401), the role its
/// method and path require (403), and stays within the per-credential rate (429).
pub async fn require_credentials(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if !path.starts_with("/api/") || path == LOGIN_PATH || req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty() && t.len() <= 512)
        .map(str::to_string);
    let Some(bearer) = bearer else { return unauthorized() };
    let principal = match state.auth.authenticate(&bearer).await {
        Ok(p) => p,
        Err(AppError::Unauthorized) => return unauthorized(),
        Err(e) => return e.into_response(),
    };
    if let Err(retry_after_secs) = state.request_limiter.check(&principal.actor()) {
        return AppError::RateLimited { retry_after_secs }.into_response();
    }
    if !required_access(req.method(), &path).allowed_for(principal.role) {
        return AppError::Forbidden.into_response();
    }
    req.extensions_mut().insert(principal);
    next.run(req).await
}

fn unauthorized() -> Response {
    let mut response = AppError::Unauthorized.into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
    response
}

/// The per-credential request limiter from settings (`0` turns it off).
pub fn request_limiter(requests_per_second: u32) -> RateLimiter {
    let rate = f64::from(requests_per_second);
    RateLimiter::new(rate, rate * 2.0)
}
