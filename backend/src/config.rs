//! Settings: built-in defaults < `config/default.yaml` < `config/{APP_ENV}.yaml` < `CRM__SECTION__KEY`.

use std::fmt;
use std::path::PathBuf;

use serde::Deserialize;

/// All runtime settings of the `crm` binary.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// HTTP listener settings.
    pub server: ServerSettings,
    /// Database connection settings.
    pub database: DatabaseSettings,
    /// Logging settings.
    pub log: LogSettings,
    /// Sign-in and credentials.
    pub auth: AuthSettings,
    /// Rate limits.
    pub limits: LimitSettings,
    /// Cross-origin requests (the dashboard).
    pub cors: CorsSettings,
    /// Outgoing email (secrets only so far).
    #[serde(default)]
    pub smtp: SmtpSettings,
    /// LLM provider.
    #[serde(default)]
    pub llm: LlmSettings,
    /// `GET /metrics`.
    #[serde(default)]
    pub metrics: MetricsSettings,
    /// The gRPC services.
    #[serde(default)]
    pub grpc: GrpcSettings,
    /// OpenTelemetry traces.
    #[serde(default)]
    pub otel: OtelSettings,
    /// CRM behaviour.
    #[serde(default)]
    pub crm: CrmSettings,
    /// The engagement score.
    #[serde(default)]
    pub engagement: EngagementSettings,
    /// Imports.
    #[serde(default)]
    pub imports: ImportSettings,
    /// Campaign email: transport, sender, links, pace, retries.
    #[serde(default)]
    pub email: EmailSettings,
    /// Campaign rules.
    #[serde(default)]
    pub campaigns: CampaignSettings,
    /// Outgoing webhooks.
    #[serde(default)]
    pub webhooks: WebhookSettings,
    /// Notifications to users by SMS and push.
    #[serde(default)]
    pub notifications: NotificationSettings,
    /// Landing pages' forms.
    #[serde(default)]
    pub landing_pages: LandingPageSettings,
}

/// Landing pages' forms: their defences against bots.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct LandingPageSettings {
    /// A form sent sooner than this after it was shown is refused (bots are instant).
    pub min_fill_secs: u64,
    /// Forms one address may send a minute.
    pub forms_per_minute: f64,
}

impl Default for LandingPageSettings {
    fn default() -> Self {
        LandingPageSettings { min_fill_secs: 3, forms_per_minute: 10.0 }
    }
}

/// Notifications to users on channels other than in-app and email (email goes through
/// `email`'s transport to the user's sign-in address).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct NotificationSettings {
    /// The SMS provider's webhook: each SMS notification is POSTed there as signed JSON (empty:
    /// no SMS channel).
    pub sms_url: String,
    /// The push provider's webhook, the same way (empty: no push channel).
    pub push_url: String,
    /// Signs those POSTs (`X-CRM-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`).
    pub provider_secret: Secret,
    /// Attempts before a notification message is `dead`.
    pub max_attempts: u32,
    /// Seconds before the first retry; doubled each time, with jitter.
    pub retry_base_secs: u64,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        NotificationSettings {
            sms_url: String::new(),
            push_url: String::new(),
            provider_secret: Secret::default(),
            max_attempts: 6,
            retry_base_secs: 30,
        }
    }
}

/// Outgoing webhook settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct WebhookSettings {
    /// Let deliveries reach loopback, private, link-local and metadata addresses (off: refused).
    pub allow_private_targets: bool,
    /// Attempts before a delivery is `dead`.
    pub max_attempts: u32,
    /// Seconds before the first retry; doubled each time, with jitter.
    pub retry_base_secs: u64,
    /// Seconds a target may take to answer.
    pub timeout_secs: u64,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookSettings { allow_private_targets: false, max_attempts: 8, retry_base_secs: 30, timeout_secs: 10 }
    }
}

/// Campaign email settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct EmailSettings {
    /// `smtp://user@host:587?tls=required` (STARTTLS), `smtps://host:465` (TLS) or
    /// `smtp://host:25` (plain); the password may come from `smtp.password`. Empty: the `log`
    /// transport records what would be sent and sends nothing.
    pub smtp_url: String,
    /// The sender, e.g. `Acme <news@acme.example>`.
    pub from: String,
    /// The address recipients reach this server at: tracking and unsubscribe links start with it.
    pub public_url: String,
    /// SMTP connections kept open (and messages sent at once).
    pub pool_size: u32,
    /// Seconds an SMTP command may take.
    pub timeout_secs: u64,
    /// Messages per second at most (0: no limit).
    pub rate_per_second: f64,
    /// Messages per sliding window at most (0: no limit) ...
    pub window_limit: usize,
    /// ... of this many seconds.
    pub window_secs: u64,
    /// Attempts before a message is `dead`.
    pub max_attempts: u32,
    /// Seconds before the first retry; doubled each time, with jitter.
    pub retry_base_secs: u64,
    /// Messages a worker claims at once.
    pub batch: usize,
    /// Seconds a claim lasts: a message claimed by a process that died goes again after it.
    pub claim_secs: u64,
    /// Key of `POST /webhooks/bounce` signatures (`CRM__EMAIL__BOUNCE_SECRET` or `..._FILE`);
    /// unset: the endpoint answers 404.
    pub bounce_secret: Secret,
}

impl Default for EmailSettings {
    fn default() -> Self {
        EmailSettings {
            smtp_url: String::new(),
            from: "CRM <crm@localhost>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            pool_size: 4,
            timeout_secs: 30,
            rate_per_second: 0.0,
            window_limit: 0,
            window_secs: 3600,
            max_attempts: 5,
            retry_base_secs: 30,
            batch: 200,
            claim_secs: 60,
            bounce_secret: Secret::default(),
        }
    }
}

/// Campaign rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CampaignSettings {
    /// Send only to contacts with consent recorded for the channel (purpose `marketing`);
    /// otherwise everyone but those who withdrew it.
    pub require_consent: bool,
}

/// Where uploaded import files wait for their job, and how large they may be.
#[derive(Debug, Clone, Deserialize)]
pub struct ImportSettings {
    /// Directory of uploaded files until their job ends; every server that may run a job must
    /// see it (a shared volume with several servers). Default: `<database path>.imports` next to
    /// an embedded database, else `crm-imports` in the system's temporary directory.
    #[serde(default)]
    pub dir: String,
    /// Largest upload, in bytes (default 2 GiB); a larger body is refused with 413 as soon as it
    /// passes the limit.
    #[serde(default = "default_import_max_bytes")]
    pub max_bytes: u64,
    /// Rows written per transaction (default 1,000; smaller batches cost more per row on a
    /// release build, bench/RESULTS.md).
    #[serde(default = "default_import_batch_rows")]
    pub batch_rows: usize,
    /// Transactions of one job written side by side (default: the machine's cores, at most 8):
    /// each chunk of rows is split into this many lanes by email, so the rows of one contact
    /// keep their order.
    #[serde(default = "default_import_lanes")]
    pub lanes: usize,
    /// Seconds a server's claim on a running job lasts without renewal (default 30): how long
    /// a job whose server died waits before another server, or the restarted one, takes it.
    #[serde(default = "default_import_lease_secs")]
    pub lease_secs: u64,
}

fn default_import_lease_secs() -> u64 {
    30
}

fn default_import_lanes() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(8)
}

fn default_import_batch_rows() -> usize {
    1_000
}

fn default_import_max_bytes() -> u64 {
    2 * 1024 * 1024 * 1024
}

impl Default for ImportSettings {
    fn default() -> Self {
        ImportSettings {
            dir: String::new(),
            max_bytes: default_import_max_bytes(),
            batch_rows: default_import_batch_rows(),
            lanes: default_import_lanes(),
            lease_secs: default_import_lease_secs(),
        }
    }
}

impl ImportSettings {
    /// The directory to use for a database at `database_url`.
    pub fn directory(&self, database_url: &str) -> std::path::PathBuf {
        if !self.dir.trim().is_empty() {
            return self.dir.trim().into();
        }
        match database_url.strip_prefix("surrealkv://") {
            Some(path) => format!("{}.imports", path.split('?').next().unwrap_or(path)).into(),
            None => std::env::temp_dir().join("crm-imports"),
        }
    }
}

/// The engagement score's weights and decay.
#[derive(Debug, Clone, Deserialize)]
pub struct EngagementSettings {
    /// Days after which an activity counts half (default 30).
    #[serde(default = "default_half_life")]
    pub half_life_days: f64,
    /// Points per activity kind, overriding the defaults (`call: 3`, at most 2 decimals).
    #[serde(default)]
    pub weights: std::collections::BTreeMap<String, f64>,
    /// Seconds between runs of the job that decays stored scores (default 3600).
    #[serde(default = "default_decay_interval")]
    pub decay_interval_secs: u64,
}

fn default_decay_interval() -> u64 {
    3_600
}

fn default_half_life() -> f64 {
    30.0
}

impl Default for EngagementSettings {
    fn default() -> Self {
        EngagementSettings {
            half_life_days: default_half_life(),
            weights: Default::default(),
            decay_interval_secs: default_decay_interval(),
        }
    }
}

impl EngagementSettings {
    /// The weights in fixed point, defaults overridden by the configured ones.
    pub fn weights(&self) -> crate::domain::engagement::Weights {
        let mut weights = crate::domain::engagement::Weights::default();
        for (kind, points) in &self.weights {
            weights.points.insert(kind.clone(), (points * 100.0).round() as i64);
        }
        if self.half_life_days.is_finite() && self.half_life_days > 0.0 {
            weights.half_life_days = self.half_life_days;
        }
        weights
    }
}

/// CRM behaviour.
#[derive(Debug, Clone, Deserialize)]
pub struct CrmSettings {
    /// Currency of deals created without one (ISO 4217, default `EUR`).
    #[serde(default = "default_currency")]
    pub default_currency: String,
}

fn default_currency() -> String {
    "EUR".into()
}

impl Default for CrmSettings {
    fn default() -> Self {
        CrmSettings { default_currency: default_currency() }
    }
}

/// OpenTelemetry trace export (off unless `endpoint` is set).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OtelSettings {
    /// Base URL of an OTLP/HTTP collector, e.g. `http://otel-collector:4318`; spans are sent to
    /// `<endpoint>/v1/traces`. Empty: no export.
    #[serde(default)]
    pub endpoint: String,
    /// `service.name` of the exported spans (default `crm`).
    #[serde(default)]
    pub service_name: String,
}

/// Prometheus metrics settings.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MetricsSettings {
    /// When set, `/metrics` needs `Authorization: Bearer <token>` (`CRM__METRICS__TOKEN` or
    /// `CRM__METRICS__TOKEN_FILE`).
    #[serde(default)]
    pub token: Secret,
    /// Serve `/metrics` on this port of `server.host` instead of the API's listener (0: the API's).
    #[serde(default)]
    pub port: u16,
}

/// gRPC settings.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GrpcSettings {
    /// Port of the gRPC services on `server.host` (`CRM__GRPC__PORT`, default 50051; 0 turns
    /// them off).
    #[serde(default)]
    pub port: u16,
}

/// A secret value: never printed by `Debug`.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// A secret from a string.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether no value was configured.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "[unset]" } else { "[redacted]" })
    }
}

/// Sign-in and credential settings.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    /// Lifetime of a sign-in token, in minutes.
    pub token_ttl_minutes: i64,
    /// Key that tokens and API keys are hashed with (HMAC-SHA256); generated and stored in
    /// the database when unset. `CRM__AUTH__TOKEN_SECRET` or a file named by `..._FILE`.
    #[serde(default)]
    pub token_secret: Secret,
    /// Email of the admin created at first start when no user exists.
    #[serde(default)]
    pub bootstrap_admin_email: Option<String>,
    /// Password of that admin.
    #[serde(default)]
    pub bootstrap_admin_password: Secret,
}

/// Rate limits (per process).
#[derive(Debug, Clone, Deserialize)]
pub struct LimitSettings {
    /// Login attempts per minute, per client IP and per account.
    pub login_per_minute: u32,
    /// Requests per second per credential (burst twice that); 0 turns the limit off.
    pub requests_per_second: u32,
}

/// Cross-origin settings.
#[derive(Debug, Clone, Deserialize)]
pub struct CorsSettings {
    /// Comma-separated origins allowed to call the API from a browser, e.g. `http://localhost:3000`.
    pub allowed_origins: String,
}

impl CorsSettings {
    /// The configured origins.
    pub fn origins(&self) -> Vec<String> {
        self.allowed_origins.split(',').map(str::trim).filter(|o| !o.is_empty()).map(String::from).collect()
    }
}

/// Outgoing email settings.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SmtpSettings {
    /// SMTP password (`CRM__SMTP__PASSWORD` or `CRM__SMTP__PASSWORD_FILE`).
    #[serde(default)]
    pub password: Secret,
}

/// LLM provider settings (docs/llm.md).
#[derive(Debug, Clone, Deserialize)]
pub struct LlmSettings {
    /// `offline` (default: the built-in deterministic writer, no network) or `openai` (any
    /// server speaking OpenAI's chat-completions API: OpenAI, Ollama, vLLM, llama.cpp).
    #[serde(default)]
    pub provider: String,
    /// Base URL of the API, up to and including `/v1` (e.g. `https://api.openai.com/v1`,
    /// `http://localhost:11434/v1` for Ollama).
    #[serde(default)]
    pub base_url: String,
    /// Model name, e.g. `gpt-4o-mini` or `llama3.1:8b`.
    #[serde(default)]
    pub model: String,
    /// API key (`CRM__LLM__API_KEY` or `CRM__LLM__API_KEY_FILE`); empty sends none.
    #[serde(default)]
    pub api_key: Secret,
    /// Seconds one request may take, streamed answers included (default 60).
    #[serde(default = "default_llm_timeout")]
    pub timeout_secs: u64,
    /// Retries after a 429, a 5xx, a timeout or a refused connection (default 2).
    #[serde(default = "default_llm_retries")]
    pub max_retries: u32,
    /// Model tokens (in + out) the workspace may spend per UTC day; 0: no limit (default 500,000).
    #[serde(default = "default_llm_budget")]
    pub daily_token_budget: u64,
    /// Replace email addresses and phone numbers in prompts with placeholders (restored in
    /// the answer). Default: on for `openai`, off for `offline` (which sends nothing anywhere).
    #[serde(default)]
    pub redact: Option<bool>,
}

fn default_llm_timeout() -> u64 {
    60
}

fn default_llm_retries() -> u32 {
    2
}

fn default_llm_budget() -> u64 {
    500_000
}

impl Default for LlmSettings {
    fn default() -> Self {
        LlmSettings {
            provider: String::new(),
            base_url: String::new(),
            model: String::new(),
            api_key: Secret::default(),
            timeout_secs: default_llm_timeout(),
            max_retries: default_llm_retries(),
            daily_token_budget: default_llm_budget(),
            redact: None,
        }
    }
}

/// HTTP listener settings.
#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    /// Interface to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    pub host: String,
    /// Port to bind; `0` picks a free one.
    pub port: u16,
    /// Largest accepted request body in bytes (413 beyond).
    pub body_limit_bytes: usize,
    /// Requests running longer than this are answered with 408.
    pub request_timeout_secs: u64,
    /// Directory of the built dashboard (`frontend/out`), served at `/` when it holds an
    /// `index.html`; empty turns it off.
    #[serde(default)]
    pub dashboard_dir: String,
}

/// Database connection settings.
#[derive(Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `surrealkv://path`, `mem://` or `ws://host:port`.
    pub url: String,
    /// SurrealDB namespace.
    pub namespace: String,
    /// SurrealDB database.
    pub database: String,
    /// Root user for a remote server (`ws://`); unused when embedded.
    #[serde(default)]
    pub username: Option<String>,
    /// Password for `username`.
    #[serde(default)]
    pub password: Option<String>,
    /// Block cache of the embedded engine (`surrealkv://`), in MiB: reads of hot index and
    /// record blocks. Larger is faster for big working sets and costs memory one for one.
    pub cache_mb: u64,
    /// Memtable of the embedded engine, in MiB: writes are buffered there before a flush to disk.
    /// Also the largest single transaction; up to three can be in memory during flushes, and
    /// after a crash at most about two are replayed from the write-ahead log at start-up.
    pub memtable_mb: u64,
}

impl fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &self.url)
            .field("namespace", &self.namespace)
            .field("database", &self.database)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
            .field("cache_mb", &self.cache_mb)
            .field("memtable_mb", &self.memtable_mb)
            .finish()
    }
}

/// Logging settings.
#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    /// `tracing` filter directive, e.g. `info` or `crm=debug,info`.
    pub level: String,
    /// One JSON object per line instead of human-readable text.
    pub json: bool,
}

impl Settings {
    /// Loads settings from defaults, the config directory and the environment.
    ///
    /// The directory comes from `CRM_CONFIG_DIR`; without it `backend/config` or `config`
    /// is used when present. Every file is optional: the binary runs on built-in defaults.
    pub fn load() -> Result<Self, config::ConfigError> {
        let env = std::env::var("APP_ENV").unwrap_or_else(|_| "development".into());
        let dir = config_dir();
        let mut builder = Self::defaults()?;
        if let Some(dir) = dir {
            builder = builder
                .add_source(config::File::from(dir.join("default.yaml")).required(false))
                .add_source(config::File::from(dir.join(format!("{env}.yaml"))).required(false));
        }
        let mut settings: Settings = builder
            .add_source(
                config::Environment::with_prefix("CRM").prefix_separator("__").separator("__").try_parsing(true),
            )
            .build()?
            .try_deserialize()?;
        settings.read_secret_files()?;
        settings.crm.default_currency = crate::domain::money::parse_currency(&settings.crm.default_currency)
            .ok_or_else(|| {
                config::ConfigError::Message(format!(
                    "crm.default_currency: {:?} is not an ISO 4217 currency code",
                    settings.crm.default_currency
                ))
            })?;
        Ok(settings)
    }

    /// Reads each secret from the file named by its `CRM__SECTION__KEY_FILE` variable, if set
    /// (the way Kubernetes mounts secrets).
    pub fn read_secret_files(&mut self) -> Result<(), config::ConfigError> {
        let targets: [(&str, &mut Secret); 7] = [
            ("CRM__METRICS__TOKEN_FILE", &mut self.metrics.token),
            ("CRM__AUTH__TOKEN_SECRET_FILE", &mut self.auth.token_secret),
            ("CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD_FILE", &mut self.auth.bootstrap_admin_password),
            ("CRM__SMTP__PASSWORD_FILE", &mut self.smtp.password),
            ("CRM__LLM__API_KEY_FILE", &mut self.llm.api_key),
            ("CRM__EMAIL__BOUNCE_SECRET_FILE", &mut self.email.bounce_secret),
            ("CRM__NOTIFICATIONS__PROVIDER_SECRET_FILE", &mut self.notifications.provider_secret),
        ];
        let read = |var: &str| -> Result<Option<String>, config::ConfigError> {
            let Ok(path) = std::env::var(var) else { return Ok(None) };
            let value = std::fs::read_to_string(&path)
                .map_err(|e| config::ConfigError::Message(format!("{var}: cannot read {path}: {e}")))?;
            Ok(Some(value.trim_end_matches(['\n', '\r']).to_string()))
        };
        for (var, secret) in targets {
            if let Some(value) = read(var)? {
                *secret = Secret::new(value);
            }
        }
        // The password of a SurrealDB server (`ws://`).
        if let Some(value) = read("CRM__DATABASE__PASSWORD_FILE")? {
            self.database.password = Some(value);
        }
        Ok(())
    }

    /// Built-in defaults only (plus environment), as used by tests.
    pub fn defaults() -> Result<config::ConfigBuilder<config::builder::DefaultState>, config::ConfigError> {
        config::Config::builder()
            .set_default("server.host", "127.0.0.1")?
            .set_default("server.port", 8080)?
            .set_default("server.body_limit_bytes", 1_048_576)?
            .set_default("server.request_timeout_secs", 30)?
            .set_default("server.dashboard_dir", "frontend/out")?
            .set_default("database.url", "surrealkv://./data/crm.db")?
            .set_default("database.namespace", "crm")?
            .set_default("database.database", "crm")?
            .set_default("database.cache_mb", 256)?
            .set_default("database.memtable_mb", 64)?
            .set_default("grpc.port", 50051)?
            .set_default("log.level", "info")?
            .set_default("log.json", false)?
            .set_default("auth.token_ttl_minutes", 720)?
            .set_default("limits.login_per_minute", 10)?
            .set_default("limits.requests_per_second", 200)?
            .set_default("cors.allowed_origins", "http://localhost:3000,http://127.0.0.1:3000")
    }

    /// Settings for tests: built-in defaults, an in-memory database, a free port.
    pub fn for_tests(database_url: &str) -> Result<Self, config::ConfigError> {
        Self::defaults()?
            .set_override("server.port", 0)?
            .set_override("grpc.port", 0)?
            .set_override("server.dashboard_dir", "")?
            .set_override("database.url", database_url)?
            .build()?
            .try_deserialize()
    }
}

fn config_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("CRM_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    ["backend/config", "config"].into_iter().map(PathBuf::from).find(|p| p.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show_in_debug_output() {
        let mut settings = Settings::for_tests("mem://").unwrap();
        settings.auth.token_secret = Secret::new("s3cr3t-token-key");
        settings.smtp.password = Secret::new("smtp-pass-123");
        settings.llm.api_key = Secret::new("sk-llm-456");
        let text = format!("{settings:?}");
        for secret in ["s3cr3t-token-key", "smtp-pass-123", "sk-llm-456"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        assert!(text.contains("[redacted]"));
    }
}
