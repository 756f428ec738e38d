//! The gRPC services (`proto/crm/v1/*.proto`) on `grpc.port`, beside the REST API in the same
//! binary: thin adapters over the same services as the REST handlers, with the same credentials
//! (`authorization: Bearer` metadata), roles, rate limit and trace ids, and errors mapped the way
//! problem+json maps them to HTTP. gRPC health checking and server reflection are on.

mod analytics;
mod campaigns;
mod notifications;

use std::future::Future;

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

use crate::domain::auth::{Access, Principal};
use crate::domain::history::Origin;
use crate::error::AppError;
use crate::state::AppState;

/// The generated messages, services and clients of package `crm.v1`.
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod proto {
    tonic::include_proto!("crm.v1");

    /// The descriptor set of the contracts (for server reflection).
    pub const FILE_DESCRIPTOR_SET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/crm_descriptor.bin"));
}

/// A count as the contracts carry it (`int64`).
pub fn count(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The status of an error, as its problem+json maps to HTTP: 400/422 INVALID_ARGUMENT (field
/// violations in `google.rpc.BadRequest`), 401 UNAUTHENTICATED, 403 PERMISSION_DENIED, 404 and
/// 410 NOT_FOUND, 409 and 412 FAILED_PRECONDITION, 429 RESOURCE_EXHAUSTED, 502 and 503
/// UNAVAILABLE, the rest INTERNAL. The message is the problem's detail; its `code` (such as
/// `assets_not_approved`) is the `x-crm-code` metadata.
pub fn status_of(error: AppError) -> Status {
    let problem = error.to_problem();
    if problem.status >= 500 && !matches!(error, AppError::Migrating(_)) {
        tracing::error!(error = %crate::error::redact(&error.to_string()), trace_id = %problem.trace_id, "gRPC call failed");
    }
    let code = match problem.status {
        400 | 413 | 415 | 422 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 | 410 => Code::NotFound,
        409 | 412 => Code::FailedPrecondition,
        429 => Code::ResourceExhausted,
        502 | 503 => Code::Unavailable,
        _ => Code::Internal,
    };
    let mut details = ErrorDetails::new();
    for e in problem.errors.iter().flatten() {
        details.add_bad_request_violation(e.field.clone(), e.message.clone());
    }
    let mut status = if details.bad_request().is_some() {
        Status::with_error_details(code, problem.detail, details)
    } else {
        Status::new(code, problem.detail)
    };
    if let Ok(value) = problem.code.parse() {
        status.metadata_mut().insert("x-crm-code", value);
    }
    if let Ok(value) = problem.trace_id.parse() {
        status.metadata_mut().insert("x-trace-id", value);
    }
    status
}

/// Who calls, checked like the REST middleware does: a bearer credential (token or API key),
/// the per-credential rate, and the role `access` needs.
#[derive(Clone)]
pub struct Gate {
    state: AppState,
}

impl Gate {
    /// A gate over the app's services.
    pub fn new(state: AppState) -> Self {
        Gate { state }
    }

    /// The app's services.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The caller of `request`, allowed `access`.
    pub async fn caller<T>(&self, request: &tonic::Request<T>, access: Access) -> Result<Principal, Status> {
        let bearer = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 512)
            .ok_or_else(|| status_of(AppError::Unauthorized))?;
        let principal = self.state.auth.authenticate(bearer).await.map_err(status_of)?;
        if let Err(retry_after_secs) = self.state.request_limiter.check(&principal.actor()) {
            return Err(status_of(AppError::RateLimited { retry_after_secs }));
        }
        if !access.allowed_for(principal.role) {
            return Err(status_of(AppError::Forbidden));
        }
        Ok(principal)
    }

    /// PERMISSION_DENIED when `objects` hold records private to the caller (or, for deals, hidden
    /// amounts): totals over them would count rows they may not see.
    pub async fn totals(&self, principal: &Principal, objects: &[crate::domain::custom::Object]) -> Result<(), Status> {
        self.state.security.check_totals(objects, principal).await.map_err(status_of)
    }

    /// Runs `call` as `principal` under the request's trace id (W3C `traceparent` or
    /// `x-request-id` metadata, else a fresh one), which the change events it writes carry.
    pub async fn run<T, R, F>(
        &self,
        request: &tonic::Request<T>,
        principal: &Principal,
        call: impl FnOnce(Origin) -> F,
    ) -> Result<R, Status>
    where
        F: Future<Output = Result<R, AppError>>,
    {
        let headers = request.metadata().clone().into_headers();
        let trace_id = crate::telemetry::trace_id_from(&headers);
        crate::telemetry::with_trace_id(trace_id.clone(), async move {
            let origin = Origin { triggers: Vec::new(), actor: principal.actor(), source: "grpc".into(), trace_id };
            call(origin).await.map_err(status_of)
        })
        .await
    }
}

/// The gRPC router: the three services, health (`grpc.health.v1`) and reflection.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let gate = Gate::new(state);
    let (health_reporter, health) = tonic_health::server::health_reporter();
    health_reporter.set_serving::<proto::campaign_service_server::CampaignServiceServer<campaigns::Campaigns>>().await;
    health_reporter
        .set_serving::<proto::analytics_service_server::AnalyticsServiceServer<analytics::Analytics>>()
        .await;
    health_reporter
        .set_serving::<proto::notification_service_server::NotificationServiceServer<notifications::Notifications>>()
        .await;
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
    tonic::transport::Server::builder()
        .add_service(health)
        .add_service(reflection)
        .add_service(proto::campaign_service_server::CampaignServiceServer::new(campaigns::Campaigns(gate.clone())))
        .add_service(proto::analytics_service_server::AnalyticsServiceServer::new(analytics::Analytics(gate.clone())))
        .add_service(proto::notification_service_server::NotificationServiceServer::new(notifications::Notifications(
            gate,
        )))
        .serve_with_incoming_shutdown(incoming, shutdown)
        .await?;
    Ok(())
}
