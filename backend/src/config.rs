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
}

impl fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &self.url)
            .field("namespace", &self.namespace)
            .field("database", &self.database)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "[redacted]"))
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
        builder
            .add_source(
                config::Environment::with_prefix("CRM").prefix_separator("__").separator("__").try_parsing(true),
            )
            .build()?
            .try_deserialize()
    }

    /// Built-in defaults only (plus environment), as used by tests.
    pub fn defaults() -> Result<config::ConfigBuilder<config::builder::DefaultState>, config::ConfigError> {
        config::Config::builder()
            .set_default("server.host", "127.0.0.1")?
            .set_default("server.port", 8080)?
            .set_default("server.body_limit_bytes", 1_048_576)?
            .set_default("server.request_timeout_secs", 30)?
            .set_default("database.url", "surrealkv://./data/crm.db")?
            .set_default("database.namespace", "crm")?
            .set_default("database.database", "crm")?
            .set_default("log.level", "info")?
            .set_default("log.json", false)
    }

    /// Settings for tests: built-in defaults, an in-memory database, a free port.
    pub fn for_tests(database_url: &str) -> Result<Self, config::ConfigError> {
        Self::defaults()?
            .set_override("server.port", 0)?
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
