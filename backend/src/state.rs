//! Shared application state: settings, the database handle and every service.

use std::sync::Arc;

use axum::extract::FromRef;

use crate::config::Settings;
use crate::dashboard::Dashboard;
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
use crate::services::records::Store;
use crate::services::timeline::TimelineService;
use crate::services::users::UserService;

/// Everything handlers can ask for; each takes only what it uses (`State<Arc<ContactService>>`).
///
/// Services are held behind `Arc`: they hold one another by value (a contact service holds its
/// store, the schema service, the engagement service...), so extracting one by cloning it, or
/// cloning the whole state for a middleware, copied and dropped hundreds of fields per request:
/// at 1,000,000 contacts a `GET /api/contacts/{id}` cost 2.6 ms of CPU, 0.47 ms once they were
/// gone (bench/RESULTS.md). Now each extraction, and each clone of the state, is a reference count.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// Declares [`Services`] and lets a handler extract any one of its fields (`FromRef`).
macro_rules! services {
    ($($(#[$doc:meta])* $field:ident: $ty:ty,)*) => {
        /// The parts of [`AppState`].
        pub struct Services {
            $($(#[$doc])* pub $field: $ty,)*
        }

        $(impl FromRef<AppState> for $ty {
            fn from_ref(state: &AppState) -> Self {
                state.0.$field.clone()
            }
        })*
    };
}

services! {
    /// Settings.
    settings: Arc<Settings>,
    /// Database handle (health checks).
    db: Db,
    /// Backups.
    backup: Arc<crate::services::backup::BackupService>,
    /// Progress of the data migrations (run in the background).
    migrations: crate::db::Migrations,
    /// Contacts.
    contacts: Arc<ContactService>,
    /// Companies.
    companies: Arc<CompanyService>,
    /// Deals.
    deals: Arc<crate::services::deals::DealService>,
    /// Cases.
    cases: Arc<crate::services::cases::CaseService>,
    /// Tasks.
    tasks: Arc<crate::services::tasks::TaskService>,
    /// Custom fields and validation rules.
    schema: Arc<crate::services::schema::SchemaService>,
    /// The runner of after triggers.
    triggers: Arc<crate::services::triggers::TriggerRunner>,
    /// The query endpoint.
    query: Arc<crate::services::query::QueryService>,
    /// Saved views.
    views: Arc<crate::services::views::ViewService>,
    /// Row- and field-level security.
    security: Arc<crate::services::security::SecurityService>,
    /// Custom objects and their records.
    objects: Arc<crate::services::objects::ObjectService>,
    /// Segments.
    segments: Arc<crate::services::segments::SegmentService>,
    /// Analytics.
    analytics: Arc<crate::services::analytics::AnalyticsService>,
    /// Engagement scores.
    engagement: Arc<crate::services::engagement::EngagementService>,
    /// Contact imports.
    imports: Arc<crate::services::imports::ImportService>,
    /// Change history.
    history: Arc<HistoryService>,
    /// The change feed.
    changes: Arc<crate::services::changes::ChangeService>,
    /// Duplicate contacts.
    duplicates: Arc<crate::services::duplicates::DuplicateService>,
    /// Contact merges.
    merges: Arc<crate::services::merges::MergeService>,
    /// LLM tools and briefings.
    llm: Arc<crate::services::llm::LlmService>,
    /// Consent ledgers.
    consents: Arc<crate::services::consents::ConsentService>,
    /// Events, invitations, RSVPs and check-in.
    events: Arc<crate::services::events::EventService>,
    /// Guests' emails.
    event_mail: Arc<crate::services::event_mail::EventMailer>,
    /// Landing pages and their forms.
    landing_pages: Arc<crate::services::landing_pages::LandingPageService>,
    /// Campaigns and their assets.
    campaigns: Arc<crate::services::campaigns::CampaignService>,
    /// Outgoing webhooks.
    webhooks: Arc<crate::services::webhooks::WebhookService>,
    /// Notifications to users.
    notifications: Arc<crate::services::notifications::NotificationService>,
    /// Campaign delivery: the outbox, tracking, unsubscribes, bounces.
    deliveries: Arc<crate::services::deliveries::DeliveryService>,
    /// Timeline.
    timeline: Arc<TimelineService>,
    /// Idempotency keys.
    idempotency: Arc<IdempotencyService>,
    /// Sign-in and credentials.
    auth: Arc<AuthService>,
    /// Users.
    users: Arc<UserService>,
    /// Requests per credential.
    request_limiter: RateLimiter,
    /// The built dashboard, when its directory holds one.
    dashboard: Option<Arc<Dashboard>>,
}

impl AppState {
    /// Wires repositories into services over one database handle.
    pub async fn new(settings: Settings, db: Db) -> crate::error::AppResult<Self> {
        let migrations = crate::db::Migrations::default();
        let contacts_repo = ContactRepository::new(db.clone());
        let companies_repo = CompanyRepository::new(db.clone());
        let history_repo = HistoryRepository::new(db.clone());
        let users_repo = UserRepository::new(db.clone());
        let auth = AuthService::new(&settings, users_repo.clone(), CredentialRepository::new(db.clone())).await?;
        let request_limiter = crate::handlers::auth::request_limiter(settings.limits.requests_per_second);
        let dashboard = load_dashboard(&settings.server.dashboard_dir)?;
        let engagement_weights = settings.engagement.weights();
        let links = crate::services::contacts::ContactLinks {
            deals: crate::repositories::deals::DealRepository::new(db.clone()),
            cases: crate::repositories::cases::CaseRepository::new(db.clone()),
            tasks: crate::repositories::tasks::TaskRepository::new(db.clone()),
        };
        let schema = crate::services::schema::SchemaService::new(
            Store::new(db.clone(), history_repo.clone()),
            Store::new(db.clone(), history_repo.clone()),
            Store::new(db.clone(), history_repo.clone()),
            crate::repositories::schema::SchemaRepository::new(db.clone()),
            crate::repositories::objects::ObjectRepository::new(db.clone()),
        );
        let engagement = crate::services::engagement::EngagementService::new(
            ContactRepository::new(db.clone()),
            TimelineRepository::new(db.clone()),
            crate::repositories::deals::DealRepository::new(db.clone()),
            engagement_weights,
        );
        let deals = crate::services::deals::DealService::new(
            Store::new(db.clone(), history_repo.clone()).with_scores(engagement.clone()).with_schema(schema.clone()),
            links.deals.clone(),
            settings.crm.default_currency.clone(),
            migrations.clone(),
        );
        let cases = crate::services::cases::CaseService::new(
            Store::new(db.clone(), history_repo.clone()).with_schema(schema.clone()),
            Store::new(db.clone(), history_repo.clone()).with_scores(engagement.clone()),
            links.cases.clone(),
            migrations.clone(),
        );
        let tasks = crate::services::tasks::TaskService::new(
            Store::new(db.clone(), history_repo.clone()),
            links.tasks.clone(),
            migrations.clone(),
        );
        let changes = crate::services::changes::ChangeService::new(db.clone());
        let llm = crate::services::llm::LlmService::new(
            &settings.llm,
            db.clone(),
            crate::services::llm::CrmData {
                contacts: contacts_repo.clone(),
                timeline: TimelineRepository::new(db.clone()),
                deals: links.deals.clone(),
                cases: links.cases.clone(),
            },
        )?;
        let campaigns = crate::services::campaigns::CampaignService::new(
            Store::new(db.clone(), history_repo.clone()),
            Store::new(db.clone(), history_repo.clone()),
            crate::repositories::campaigns::CampaignRepository::new(db.clone()),
            llm.clone(),
            migrations.clone(),
        );
        let consents = crate::services::consents::ConsentService::new(
            Store::new(db.clone(), history_repo.clone()),
            crate::repositories::consents::ConsentRepository::new(db.clone()),
            contacts_repo.clone(),
        );
        let segments = crate::services::segments::SegmentService::new(
            Store::new(db.clone(), history_repo.clone()),
            crate::repositories::segments::SegmentRepository::new(db.clone()),
            migrations.clone(),
        )
        .with_schema(schema.clone());
        let timeline =
            TimelineService::new(TimelineRepository::new(db.clone()), contacts_repo.clone(), migrations.clone())
                .with_scores(engagement.clone());
        let webhooks = crate::services::webhooks::WebhookService::new(
            crate::repositories::webhooks::WebhookRepository::new(db.clone()),
            changes.clone(),
            &settings.webhooks,
        );
        let deliveries = crate::services::deliveries::DeliveryService::new(
            crate::services::deliveries::DeliveryParts {
                repo: crate::repositories::deliveries::DeliveryRepository::new(db.clone()),
                campaigns: campaigns.clone(),
                segments: segments.clone(),
                members: crate::repositories::segments::SegmentRepository::new(db.clone()),
                consents: consents.clone(),
                timeline: timeline.clone(),
                contacts: contacts_repo.clone(),
                webhooks: webhooks.clone(),
                changes: changes.clone(),
            },
            &settings.email,
            &settings.campaigns,
            settings.smtp.password.expose(),
            auth.derived_key("tracking-links"),
        )?;
        let notifications = crate::services::notifications::NotificationService::new(
            crate::repositories::notifications::NotificationRepository::new(db.clone()),
            changes.clone(),
            history_repo.clone(),
            deliveries.mailer(),
            &settings.email.public_url,
            &settings.notifications,
        );
        let imports = crate::services::imports::ImportService::new(
            db.clone(),
            &settings.imports,
            settings.imports.directory(&settings.database.url),
        )
        .with_notifications(notifications.clone())
        .with_schema(schema.clone());
        let contact_service = ContactService::new(
            contacts_repo.clone(),
            history_repo.clone(),
            TimelineRepository::new(db.clone()),
            migrations.clone(),
        )
        .with_links(links.clone())
        .with_schema(schema.clone());
        let events = crate::services::events::EventService::new(
            Store::new(db.clone(), history_repo.clone()).with_schema(schema.clone()),
            engagement.clone(),
            crate::repositories::events::EventRepository::new(db.clone()),
            contact_service.clone(),
            segments.clone(),
            migrations.clone(),
            auth.derived_key("rsvp-links"),
        );
        let event_mail = crate::services::event_mail::EventMailer::new(
            crate::repositories::events::EventRepository::new(db.clone()),
            contacts_repo.clone(),
            deliveries.mailer(),
            &settings.email.public_url,
            (auth.derived_key("rsvp-links"), auth.derived_key("landing-forms")),
        );
        let landing_pages = crate::services::landing_pages::LandingPageService::new(
            crate::services::landing_pages::LandingPageParts {
                store: Store::new(db.clone(), history_repo.clone()),
                submissions: Store::new(db.clone(), history_repo.clone()).with_scores(engagement.clone()),
                pages: crate::repositories::landing_pages::LandingPageRepository::new(db.clone()),
                llm: llm.clone(),
                contacts: contact_service.clone(),
                consents: consents.clone(),
                events: events.clone(),
            },
            auth.derived_key("landing-forms"),
            settings.landing_pages.min_fill_secs,
            settings.landing_pages.forms_per_minute,
        );
        let companies = CompanyService::new(
            Store::new(db.clone(), history_repo.clone()).with_schema(schema.clone()),
            companies_repo,
            migrations.clone(),
        );
        let query = crate::services::query::QueryService::new(db.clone(), schema.clone(), migrations.clone());
        let objects = crate::services::objects::ObjectService::new(
            db.clone(),
            history_repo.clone(),
            schema.clone(),
            query.clone(),
        );
        let triggers = crate::services::triggers::TriggerRunner::new(
            crate::services::triggers::TriggerParts {
                schema: schema.clone(),
                contacts: contact_service.clone(),
                companies: companies.clone(),
                deals: deals.clone(),
                cases: cases.clone(),
                events: events.clone(),
                tasks: tasks.clone(),
                timeline: timeline.clone(),
                notifications: notifications.clone(),
                webhooks: webhooks.clone(),
                objects: objects.clone(),
            },
            crate::repositories::schema::SchemaRepository::new(db.clone()),
        );
        Ok(AppState(Arc::new(Services {
            triggers: Arc::new(triggers),
            auth: Arc::new(auth),
            events: Arc::new(events),
            event_mail: Arc::new(event_mail),
            landing_pages: Arc::new(landing_pages),
            users: Arc::new(UserService::new(users_repo)),
            request_limiter,
            dashboard,
            settings: Arc::new(settings),
            contacts: Arc::new(contact_service),
            deals: Arc::new(deals),
            cases: Arc::new(cases),
            tasks: Arc::new(tasks),
            llm: Arc::new(llm),
            campaigns: Arc::new(campaigns),
            consents: Arc::new(consents),
            deliveries: Arc::new(deliveries),
            webhooks: Arc::new(webhooks),
            notifications: Arc::new(notifications),
            engagement: Arc::new(engagement),
            analytics: Arc::new(crate::services::analytics::AnalyticsService::new(
                crate::repositories::analytics::AnalyticsRepository::new(db.clone()),
                migrations.clone(),
            )),
            segments: Arc::new(segments),
            companies: Arc::new(companies),
            imports: Arc::new(imports),
            query: Arc::new(query.clone()),
            objects: Arc::new(objects),
            views: Arc::new(crate::services::views::ViewService::new(
                Store::new(db.clone(), history_repo.clone()),
                query,
            )),
            security: Arc::new(crate::services::security::SecurityService::new(
                Store::new(db.clone(), history_repo.clone()),
                Store::new(db.clone(), history_repo.clone()),
                schema.clone(),
            )),
            schema: Arc::new(schema),
            history: Arc::new(HistoryService::new(history_repo)),
            changes: Arc::new(changes.clone()),
            duplicates: Arc::new(crate::services::duplicates::DuplicateService::new(
                db.clone(),
                changes,
                migrations.clone(),
            )),
            merges: Arc::new(crate::services::merges::MergeService::new(db.clone(), links.clone())),
            timeline: Arc::new(timeline),
            idempotency: Arc::new(IdempotencyService::new(IdempotencyRepository::new(db.clone()))),
            backup: Arc::new(crate::services::backup::BackupService::new(db.clone())),
            db,
            migrations,
        })))
    }
}

/// The dashboard export in `dir`, if there is one; an unreadable export stops the start-up.
fn load_dashboard(dir: &str) -> crate::error::AppResult<Option<Arc<Dashboard>>> {
    if dir.trim().is_empty() {
        return Ok(None);
    }
    let path = std::path::Path::new(dir);
    match Dashboard::load(path) {
        Ok(Some(dashboard)) => {
            tracing::info!(dir, files = dashboard.len(), "serving the dashboard at /");
            Ok(Some(Arc::new(dashboard)))
        }
        Ok(None) => {
            tracing::info!(dir, "no dashboard build found (frontend: npm run build); serving the API only");
            Ok(None)
        }
        Err(e) => Err(crate::error::AppError::Internal(format!("cannot read the dashboard in {dir}: {e}"))),
    }
}
