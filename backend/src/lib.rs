//! The CRM server: configuration, database, HTTP application and its layers.

pub mod config;
pub mod dashboard;
pub mod db;
pub mod domain;
pub mod error;
pub mod extract;
pub mod grpc;
pub mod handlers;
pub mod llm_tools;
pub mod models;
pub mod monitoring;
pub mod repositories;
pub mod router;
pub mod services;
pub mod smtp_sink;
pub mod state;
pub mod telemetry;

use std::future::Future;
use std::time::Duration;

use tokio::net::TcpListener;

use crate::config::Settings;
use crate::db::Db;
use crate::state::AppState;

/// How long start-up waits for the data migrations before serving without them.
const MIGRATION_HEAD_START_MS: u64 = 500;

/// A bound, ready-to-serve application.
pub struct Application {
    listener: TcpListener,
    grpc_listener: Option<TcpListener>,
    state: AppState,
    port: u16,
}

impl Application {
    /// Connects to the database, applies the schema and binds the listener.
    ///
    /// The schema is applied before the listener accepts anything.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = db::connect(&settings.database).await?;
        Self::with_db(settings, db).await
    }

    /// Like [`Application::build`], over an already connected database.
    pub async fn with_db(settings: Settings, db: Db) -> anyhow::Result<Self> {
        let addr = format!("{}:{}", settings.server.host, settings.server.port);
        let listener = TcpListener::bind(&addr).await.map_err(|e| anyhow::anyhow!("cannot bind {addr}: {e}"))?;
        let port = listener.local_addr()?.port();
        let grpc_listener = match settings.grpc.port {
            0 => None,
            grpc_port => {
                let addr = format!("{}:{grpc_port}", settings.server.host);
                Some(
                    TcpListener::bind(&addr)
                        .await
                        .map_err(|e| anyhow::anyhow!("cannot bind {addr} (grpc.port): {e}"))?,
                )
            }
        };
        let state = AppState::new(settings, db).await?;
        let auth = &state.settings.auth;
        if let Some(email) = auth.bootstrap_admin_email.as_deref().filter(|e| !e.trim().is_empty()) {
            if state.users.bootstrap_admin(email, auth.bootstrap_admin_password.expose()).await?.is_some() {
                tracing::info!("created the bootstrap admin user");
            }
        }
        // Data migrations run in the background; on a small database they are done before the
        // first request, on a large one the features they serve answer 503 `migrating` meanwhile.
        let migrations = state.migrations.spawn(state.db.clone());
        let _ = tokio::time::timeout(Duration::from_millis(MIGRATION_HEAD_START_MS), migrations).await;
        Ok(Self { listener, grpc_listener, state, port })
    }

    /// The bound gRPC port (`None`: gRPC is off).
    pub fn grpc_port(&self) -> Option<u16> {
        self.grpc_listener.as_ref().and_then(|l| l.local_addr().ok()).map(|a| a.port())
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The application state (services), for tests and commands.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    pub async fn run_until_stopped(self, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
        let idempotency = self.state.idempotency.clone();
        let auth = self.state.auth.clone();
        let sweeper = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(3600));
            loop {
                tick.tick().await;
                if let Err(e) = idempotency.purge_expired().await {
                    tracing::warn!(error = %e, "purging expired idempotency keys failed");
                }
                if let Err(e) = auth.purge_expired().await {
                    tracing::warn!(error = %e, "purging expired tokens failed");
                }
            }
        });
        let db = self.state.db.clone();
        let decay = (*self.state.engagement)
            .clone()
            .spawn_decay(db.clone(), Duration::from_secs(self.state.settings.engagement.decay_interval_secs.max(1)));
        let fold = crate::services::analytics::AnalyticsService::spawn_fold(db.clone(), Duration::from_secs(3600));
        let imports = (*self.state.imports).clone().spawn_worker();
        let sequencer = (*self.state.changes).clone().spawn_sequencer();
        let duplicate_scan = (*self.state.duplicates).clone().spawn_scan();
        let event_invites = (*self.state.events).clone().spawn_invites();
        let event_mail = (*self.state.event_mail).clone().spawn(db.clone());
        let mut delivery = (*self.state.deliveries).clone().spawn(db.clone());
        delivery.extend((*self.state.webhooks).clone().spawn(db.clone()));
        delivery.push((*self.state.notifications).clone().spawn(db.clone()));
        delivery.push((*self.state.triggers).clone().spawn());
        let upkeep = monitoring::spawn_upkeep();
        let metrics_port = self.state.settings.metrics.port;
        let metrics_listener = if metrics_port == 0 {
            None
        } else {
            let addr = format!("{}:{metrics_port}", self.state.settings.server.host);
            Some(TcpListener::bind(&addr).await.map_err(|e| anyhow::anyhow!("cannot bind {addr}: {e}"))?)
        };
        if let Some(listener) = metrics_listener {
            let app = router::metrics_only(self.state.clone());
            tokio::spawn(async move { axum::serve(listener, app).await });
        }
        // One shutdown signal for both listeners.
        let (stop, stopped) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            shutdown.await;
            let _ = stop.send(true);
        });
        let until_stopped = move || {
            let mut stopped = stopped.clone();
            async move {
                let _ = stopped.wait_for(|s| *s).await;
            }
        };
        let grpc = match self.grpc_listener {
            Some(listener) => {
                tracing::info!(port = listener.local_addr()?.port(), "gRPC listening");
                let (state, stop) = (self.state.clone(), until_stopped());
                Some(tokio::spawn(async move {
                    if let Err(e) = grpc::serve(state, listener, stop).await {
                        tracing::error!(error = %e, "the gRPC server stopped");
                    }
                }))
            }
            None => None,
        };
        let app = router::build(self.state);
        let service = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
        let result = axum::serve(self.listener, service).with_graceful_shutdown(until_stopped()).await;
        if let Some(grpc) = grpc {
            let _ = tokio::time::timeout(Duration::from_secs(10), grpc).await;
        }
        sweeper.abort();
        decay.abort();
        fold.abort();
        imports.abort();
        sequencer.abort();
        duplicate_scan.abort();
        event_invites.abort();
        event_mail.abort();
        for task in delivery {
            task.abort();
        }
        upkeep.abort();
        // In-flight requests are done: flush and close the embedded engine.
        db.close().await?;
        Ok(result?)
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

/// Keeps `anyhow` errors from capturing backtraces unless `RUST_LIB_BACKTRACE` asks for them.
/// With `RUST_BACKTRACE=1` (common in containers, meant for panics) every `anyhow` error captures
/// one, and the database creates and drops such errors on ordinary writes: a profile of contact
/// creates had ~6% of the server's CPU unwinding stacks. Panics still print theirs. Call it
/// first thing in `main`, before any thread starts.
pub fn quiet_error_backtraces() {
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
}

/// Settings for the given database URL with everything else at built-in defaults.
pub fn settings_for(database_url: &str) -> anyhow::Result<Settings> {
    Ok(Settings::for_tests(database_url)?)
}
