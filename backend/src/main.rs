//! `crm`: serve the API (default), or seed demo data.

use clap::{Parser, Subcommand};
use crm::config::Settings;
use crm::repositories::companies::CompanyRepository;
use crm::repositories::contacts::ContactRepository;
use crm::{db, telemetry, Application};

#[derive(Parser)]
#[command(name = "crm", version, about = "CRM and marketing platform server")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API and Swagger UI (the default).
    Serve,
    /// Manage users.
    Users {
        #[command(subcommand)]
        command: UsersCommand,
    },
    /// Print the OpenAPI document (JSON) and exit.
    Openapi,
    /// Ask a running server's gRPC health service (`grpc.health.v1`) whether it serves; exits
    /// non-zero when it does not answer SERVING.
    GrpcHealth {
        /// The server's gRPC address.
        #[arg(long, default_value = "http://127.0.0.1:50051")]
        addr: String,
        /// A service to ask about (empty: the server as a whole).
        #[arg(long, default_value = "")]
        service: String,
    },
    /// Export the configured database (a stopped embedded one, or a server over ws://) to a file.
    Backup {
        /// The file to write (SurrealQL).
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Load an export made by `crm backup` or `GET /api/admin/backup` into the configured
    /// database, which must be empty.
    Restore {
        /// The export to load.
        file: std::path::PathBuf,
    },
    /// Import contacts from a CSV or NDJSON file into the configured database (stopped, when
    /// embedded), as `POST /api/imports/contacts` would, with a progress bar.
    Import {
        /// The file (`.csv`, or `.ndjson` / `.jsonl` for NDJSON).
        file: std::path::PathBuf,
        /// `upsert` (default) or `create_only`.
        #[arg(long, default_value = "upsert")]
        mode: String,
        /// Check every row and count, writing nothing.
        #[arg(long)]
        dry_run: bool,
        /// JSON object: column header -> field name (or `ignore`).
        #[arg(long)]
        mapping: Option<String>,
    },
    /// Copy the change log out of the configured database, or replay one into it.
    History {
        #[command(subcommand)]
        command: HistoryCommand,
    },
    /// Fill the configured database with realistic fake companies and contacts.
    Seed {
        /// Number of contacts.
        #[arg(long, default_value_t = 1000)]
        contacts: usize,
        /// Number of companies.
        #[arg(long, default_value_t = 100)]
        companies: usize,
        /// Contacts per transaction.
        #[arg(long, default_value_t = crm::services::seed::DEFAULT_BATCH)]
        batch: usize,
        /// Number of deals (over the stored companies and contacts).
        #[arg(long, default_value_t = 100)]
        deals: usize,
        /// Number of cases.
        #[arg(long, default_value_t = 20)]
        cases: usize,
        /// Number of tasks.
        #[arg(long, default_value_t = 100)]
        tasks: usize,
    },
}

#[derive(Subcommand)]
enum HistoryCommand {
    /// Write every change event (NDJSON, in log order) to a file.
    Export {
        /// The file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        /// Only this record's events, e.g. `contact:<id>`.
        #[arg(long)]
        entity: Option<String>,
        /// With the records that name it (its deals, cases, tasks) and all they name in turn.
        #[arg(long)]
        related: bool,
        /// Only a share of the records (e.g. `1%`, chosen by id, the same every time) and all
        /// they link to.
        #[arg(long)]
        sample: Option<String>,
    },
    /// Replay a file written by `crm history export` into the configured database, which must
    /// have no history yet: the same records, versions, histories and timelines.
    Import {
        /// The file to read.
        file: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum UsersCommand {
    /// Create an admin user (the password may also come from CRM_ADMIN_PASSWORD).
    CreateAdmin {
        /// Email of the new admin.
        #[arg(long)]
        email: String,
        /// Password, at least 12 characters.
        #[arg(long, env = "CRM_ADMIN_PASSWORD", hide_env_values = true)]
        password: String,
    },
}

/// mimalloc instead of glibc's malloc: the database engine allocates and frees heavily per
/// write, where glibc spent ~45% of a bulk write's CPU (bench/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Stack of the runtime's threads: the embedded database recurses deeply while it runs a query
/// (SurrealDB's own server and SDK documentation ask for 10 MiB, 20 in debug builds, whose frames
/// are larger); the default 2 MiB overflowed on an event update in a debug build.
const THREAD_STACK: usize = if cfg!(debug_assertions) { 20 << 20 } else { 10 << 20 };

fn main() -> anyhow::Result<()> {
    crm::quiet_error_backtraces();
    tokio::runtime::Builder::new_multi_thread().enable_all().thread_stack_size(THREAD_STACK).build()?.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Openapi) = cli.command {
        println!("{}", crm::router::api().1.to_pretty_json()?);
        return Ok(());
    }
    if let Some(Command::GrpcHealth { addr, service }) = &cli.command {
        use tonic_health::pb::{health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest};
        let channel = tonic::transport::Channel::from_shared(addr.clone())?.connect().await?;
        let answer = HealthClient::new(channel).check(HealthCheckRequest { service: service.clone() }).await?;
        let status = ServingStatus::try_from(answer.get_ref().status).unwrap_or(ServingStatus::Unknown);
        println!("{addr} {}: {}", if service.is_empty() { "(server)" } else { service }, status.as_str_name());
        anyhow::ensure!(status == ServingStatus::Serving, "not serving");
        return Ok(());
    }
    let settings = Settings::load()?;
    telemetry::init(&settings.log, &settings.otel)?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let started = std::time::Instant::now();
            let app = Application::build(settings.clone()).await?;
            let dashboard = if app.state().dashboard.is_some() { "dashboard at /, " } else { "" };
            tracing::info!(
                host = %settings.server.host, port = app.port(), database = %settings.database.url,
                startup_ms = started.elapsed().as_millis() as u64, "listening; {dashboard}Swagger UI at /swagger-ui/"
            );
            let served = app.run_until_stopped(crm::shutdown_signal()).await;
            telemetry::flush_traces();
            served
        }
        Command::Openapi | Command::GrpcHealth { .. } => Ok(()),
        Command::Users { command: UsersCommand::CreateAdmin { email, password } } => {
            let db = db::connect(&settings.database).await?;
            db::apply_schema(&db).await?;
            let state = crm::state::AppState::new(settings, db).await?;
            let new = crm::domain::auth::NewUser::parse(Some(email), Some(password), Some("admin".into()))
                .map_err(|e| anyhow::anyhow!("{}", crm::error::AppError::from(e).to_problem().errors_text()))?;
            let user = state.users.create(new, &crm::domain::history::Origin::system("cli")).await?;
            println!("created admin {} ({})", user.email, user.id);
            Ok(())
        }
        Command::Backup { out } => {
            let db = db::open(&settings.database).await?;
            let bytes = crm::repositories::backup::export_to_file(&db, &out).await;
            db.close().await?;
            println!("wrote {} bytes to {}", bytes?, out.display());
            Ok(())
        }
        Command::Restore { file } => {
            let db = db::open(&settings.database).await?;
            let restored = crm::repositories::backup::restore(&db, &file).await;
            db.close().await?;
            restored?;
            println!("restored {} into {}", file.display(), settings.database.url);
            Ok(())
        }
        Command::History { command } => {
            let db = db::connect(&settings.database).await?;
            db::apply_schema(&db).await?;
            let result = match command {
                HistoryCommand::Export { out, entity, related, sample } => {
                    let scope = crm::domain::log_scope::LogScope::parse(entity.as_deref(), related, sample.as_deref())
                        .map_err(|e| anyhow::anyhow!("{e}"))?;
                    let history = crm::repositories::history::HistoryRepository::new(db.clone());
                    crm::services::history::export_log(&history, &out, &scope)
                        .await
                        .map(|n| format!("wrote {n} change events to {}", out.display()))
                }
                HistoryCommand::Import { file } => crm::services::history::import_log(
                    &file,
                    &ContactRepository::new(db.clone()),
                    &CompanyRepository::new(db.clone()),
                )
                .await
                .map(|r| {
                    format!("replayed {} change events: {} contacts, {} companies", r.events, r.contacts, r.companies)
                }),
            };
            db.close().await?;
            println!("{}", result.map_err(|e| anyhow::anyhow!("{e}"))?);
            Ok(())
        }
        Command::Import { file, mode, dry_run, mapping } => {
            use crm::services::imports::{FileFormat, ImportRequest, ImportService};
            let mode = crm::domain::imports::Mode::parse(&mode)
                .ok_or_else(|| anyhow::anyhow!("--mode must be upsert or create_only"))?;
            let mapping = match mapping {
                Some(raw) => serde_json::from_str(&raw)
                    .map_err(|_| anyhow::anyhow!("--mapping must be a JSON object of column header to field"))?,
                None => Default::default(),
            };
            let ndjson = matches!(file.extension().and_then(|e| e.to_str()), Some("ndjson" | "jsonl"));
            let format = if ndjson { FileFormat::Ndjson } else { FileFormat::Csv };
            let db = db::connect(&settings.database).await?;
            db::apply_schema(&db).await?;
            let limits = crm::config::ImportSettings { max_bytes: u64::MAX, ..settings.imports.clone() };
            let imports = ImportService::new(db.clone(), &limits, settings.imports.directory(&settings.database.url));
            let job = imports.import_file(&file, ImportRequest { format, mode, dry_run, mapping }).await;
            db.close().await?;
            let job = job.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "{} rows: {} imported, {} updated, {} unchanged, {} with errors ({}){}",
                job.processed,
                job.imported,
                job.updated,
                job.unchanged,
                job.error_count,
                job.status,
                if job.unmapped_columns.is_empty() {
                    String::new()
                } else {
                    format!("; columns not imported: {}", job.unmapped_columns.join(", "))
                }
            );
            for e in job.errors.iter().take(20) {
                println!("  line {}: {}: {}", e.row, e.field, e.message);
            }
            Ok(())
        }
        Command::Seed { contacts, companies, batch, deals, cases, tasks } => {
            let db = db::connect(&settings.database).await?;
            db::apply_schema(&db).await?;
            let report = crm::services::seed::seed(
                &ContactRepository::new(db.clone()),
                &CompanyRepository::new(db.clone()),
                contacts,
                companies,
                batch,
            )
            .await;
            let sales = match &report {
                Ok(_) => Some(crm::services::seed::seed_sales(&db, deals, cases, tasks).await),
                Err(_) => None,
            };
            db.close().await?;
            let report = report?;
            println!(
                "seeded {} companies and {} contacts in {:.1} s ({:.0} contacts/s)",
                report.companies,
                report.contacts,
                report.seconds,
                report.contacts as f64 / report.seconds.max(0.001)
            );
            if let Some(sales) = sales {
                let sales = sales?;
                println!(
                    "seeded {} deals, {} cases and {} tasks in {:.1} s",
                    sales.deals, sales.cases, sales.tasks, sales.seconds
                );
            }
            Ok(())
        }
    }
}
