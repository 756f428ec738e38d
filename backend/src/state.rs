//! Shared application state: settings, the database handle and every service.

use std::sync::Arc;

use axum::extract::FromRef;

use crate::config::Settings;
use crate::db::Db;
use crate::repositories::companies::CompanyRepository;
use crate::repositories::contacts::ContactRepository;
use crate::repositories::credentials::CredentialRepository;
use crate::repositories::history::HistoryRepository;
use crate::repositories::idempotency::IdempotencyRepository;
use crate::repositories::timeline::TimelineRepository;
use crate::repositories::users::UserRepository;
use crate::services::auth::AuthService;
use crate::services::companies::CompanyService;
use crate::services::contacts::ContactService;
use crate::services::history::HistoryService;
use crate::services::idempotency::IdempotencyService;
use crate::services::limits::RateLimiter;
use crate::services::timeline::TimelineService;
use crate::services::users::UserService;

/// Everything handlers can ask for; each takes only what it uses.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Settings.
    pub settings: Arc<Settings>,
    /// Database handle (health checks).
    pub db: Db,
    /// Contacts.
    pub contacts: ContactService,
    /// Companies.
    pub companies: CompanyService,
    /// Change history.
    pub history: HistoryService,
    /// Timeline.
    pub timeline: TimelineService,
    /// Idempotency keys.
    pub idempotency: IdempotencyService,
    /// Sign-in and credentials.
    pub auth: AuthService,
    /// Users.
    pub users: UserService,
    /// Requests per credential.
    pub request_limiter: RateLimiter,
}

impl AppState {
    /// Wires repositories into services over one database handle.
    pub async fn new(settings: Settings, db: Db) -> crate::error::AppResult<Self> {
        let contacts_repo = ContactRepository::new(db.clone());
        let companies_repo = CompanyRepository::new(db.clone());
        let history_repo = HistoryRepository::new(db.clone());
        let users_repo = UserRepository::new(db.clone());
        let auth = AuthService::new(&settings, users_repo.clone(), CredentialRepository::new(db.clone())).await?;
        let request_limiter = crate::handlers::auth::request_limiter(settings.limits.requests_per_second);
        Ok(Self {
            auth,
            users: UserService::new(users_repo),
            request_limiter,
            settings: Arc::new(settings),
            contacts: ContactService::new(
                contacts_repo.clone(),
                history_repo.clone(),
                TimelineRepository::new(db.clone()),
            ),
            companies: CompanyService::new(companies_repo, history_repo.clone()),
            history: HistoryService::new(history_repo),
            timeline: TimelineService::new(TimelineRepository::new(db.clone()), contacts_repo),
            idempotency: IdempotencyService::new(IdempotencyRepository::new(db.clone())),
            db,
        })
    }
}
