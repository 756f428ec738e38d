//! Contact imports: an upload is spooled to a file (never held in memory), checked (its header
//! and mapping), and answered with a queued job; a background worker, holding the job's lease,
//! reads the file a chunk at a time and writes each chunk's lanes side by side, each with its
//! mark, then folds the marks into the job's progress (repositories/imports.rs), so a job
//! resumed after a crash (by this server or another) goes on where it stopped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use futures::{Stream, StreamExt};
use serde_json::Value;
use tokio::io::AsyncWriteExt;
use tokio::sync::Notify;

use crate::db::Db;
use crate::domain::analytics::contact_change;
use crate::domain::contacts::{Contact, NewContact};
use crate::domain::custom::{from_text, FieldType, Object};
use crate::domain::history::{event_for, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::imports::{
    columns, company_ref, lane_of, row_errors, row_input, upsert, Columns, CompanyRef, Mode, Target,
};
use crate::domain::pagination::{Page, PageRequest};
use crate::domain::timeline::entry_for_change;
use crate::error::{AppError, AppResult};
use crate::repositories::companies::CompanyRepository;
use crate::repositories::contacts::ContactRepository;
use crate::repositories::imports::{Batch, ImportJob, ImportRepository, Mark, RowError};
use crate::repositories::leases::LeaseRepository;
use crate::repositories::RepoError;

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// `text/csv`: a header row, `,` or `;` between fields.
    Csv,
    /// `application/x-ndjson`: one JSON object per line.
    Ndjson,
}

impl FileFormat {
    fn as_str(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Ndjson => "ndjson",
        }
    }
}

/// What an upload asks for.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The file's format.
    pub format: FileFormat,
    /// Upsert or create only.
    pub mode: Mode,
    /// Validate without writing.
    pub dry_run: bool,
    /// Column header -> field name (or `ignore`).
    pub mapping: BTreeMap<String, String>,
}

/// Imports.
#[derive(Clone)]
pub struct ImportService {
    db: Db,
    jobs: ImportRepository,
    contacts: ContactRepository,
    companies: CompanyRepository,
    dir: PathBuf,
    max_bytes: u64,
    batch_rows: usize,
    lanes: usize,
    lease: Duration,
    wake: Arc<Notify>,
    notifications: Option<super::notifications::NotificationService>,
    schema: Option<super::schema::SchemaService>,
}

/// One data row: its line and its cells, or what is wrong with it.
type Row = (u64, Result<Vec<String>, String>);

/// At most this many lanes per job.
const MAX_LANES: usize = 64;

/// What every lane of a running job needs to know.
struct Run {
    id: String,
    columns: Columns,
    mode: Mode,
    dry_run: bool,
    origin: Origin,
}

impl ImportService {
    /// A service over `db` with `settings` (its spool directory resolved to `dir`).
    pub fn new(db: Db, settings: &crate::config::ImportSettings, dir: PathBuf) -> Self {
        Self {
            jobs: ImportRepository::new(db.clone()),
            contacts: ContactRepository::new(db.clone()),
            companies: CompanyRepository::new(db.clone()),
            db,
            dir,
            max_bytes: settings.max_bytes,
            batch_rows: settings.batch_rows.clamp(1, 10_000),
            lanes: settings.lanes.clamp(1, MAX_LANES),
            lease: Duration::from_secs(settings.lease_secs.max(1)),
            wake: Arc::new(Notify::new()),
            notifications: None,
            schema: None,
        }
    }

    /// The same service, filling the contacts' custom fields from columns named `custom.<name>`
    /// (or mapped to one) and checking them, and the validation rules, as every write does.
    pub fn with_schema(mut self, schema: super::schema::SchemaService) -> Self {
        self.schema = Some(schema);
        self
    }

    /// The contacts' custom fields and rules now (none without a schema service).
    async fn contact_schema(&self) -> AppResult<Option<Arc<super::schema::ObjectSchema>>> {
        match &self.schema {
            Some(schema) => Ok(Some(schema.schema(Object::Contact).await?)),
            None => Ok(None),
        }
    }

    /// The same service, telling the uploader when a job finishes (`import_finished`).
    pub fn with_notifications(mut self, notifications: super::notifications::NotificationService) -> Self {
        self.notifications = Some(notifications);
        self
    }

    /// Tells the job's uploader it ended (a lost notification is logged, never fails the job).
    async fn finished(&self, id: &str) {
        let Some(notifications) = &self.notifications else { return };
        let Ok(Some(job)) = self.jobs.get(id).await else { return };
        let Some(user) = job.actor.strip_prefix("user:") else { return };
        let title = match job.status.as_str() {
            "completed" => format!(
                "Import finished: {} created, {} updated, {} unchanged, {} rows with errors",
                job.imported, job.updated, job.unchanged, job.error_count
            ),
            _ => "An import of yours failed".to_string(),
        };
        let raised =
            crate::domain::notifications::Raised::new(user, "import_finished", title, format!("/imports/view?id={id}"));
        if let Err(e) = notifications.raise(vec![raised]).await {
            tracing::warn!(error = %e, import = %id, "raising the import's notification failed");
        }
    }

    /// Spools an upload, checks its header against the mapping, and queues its job.
    pub async fn upload<S, E>(&self, request: ImportRequest, body: S, origin: &Origin) -> AppResult<ImportJob>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let at = now();
        let id = new_id(at);
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| AppError::Internal(format!("cannot create {}: {e}", self.dir.display())))?;
        let path = self.dir.join(format!("{id}.{}", request.format.as_str()));
        let spooled = self.spool(body, &path).await;
        let head = match spooled {
            Ok(bytes) => {
                let custom: Vec<String> = match self.contact_schema().await {
                    Ok(schema) => schema.map(|s| s.fields.iter().map(|f| f.name.clone()).collect()).unwrap_or_default(),
                    Err(e) => {
                        let _ = tokio::fs::remove_file(&path).await;
                        return Err(e);
                    }
                };
                let (p, format, mapping) = (path.clone(), request.format, request.mapping.clone());
                let head = tokio::task::spawn_blocking(move || read_head(&p, format, &mapping, &custom)).await;
                head.map_err(AppError::from).and_then(|h| h).map(|h| (bytes, h))
            }
            Err(e) => Err(e),
        };
        let (bytes, (delimiter, columns)) = match head {
            Ok(head) => head,
            Err(e) => {
                let _ = tokio::fs::remove_file(&path).await;
                return Err(e);
            }
        };
        let job = ImportJob {
            id,
            status: "queued".into(),
            format: request.format.as_str().into(),
            mode: request.mode.as_str().into(),
            dry_run: request.dry_run,
            bytes,
            file: path.display().to_string(),
            delimiter: delimiter.map(|d| char::from(d).to_string()),
            targets: columns
                .targets
                .iter()
                .zip(&columns.custom)
                .map(|(t, c)| match c {
                    Some(name) => Some(format!("custom.{name}")),
                    None => t.map(|t| t.as_str().to_string()),
                })
                .collect(),
            unmapped_columns: columns.unmapped,
            actor: origin.actor.clone(),
            created_at: format_ts(at),
            ..ImportJob::default()
        };
        if let Err(e) = self.jobs.create(&job).await {
            let _ = tokio::fs::remove_file(&path).await;
            return Err(e.into());
        }
        self.wake.notify_one();
        Ok(job)
    }

    /// Writes the body to `path`, refusing it (413) once it passes the limit; its size.
    async fn spool<S, E>(&self, mut body: S, path: &Path) -> AppResult<u64>
    where
        S: Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let io = |e: std::io::Error| AppError::Internal(format!("spooling an upload: {e}"));
        let file = tokio::fs::File::create(path).await.map_err(io)?;
        let mut out = tokio::io::BufWriter::with_capacity(1 << 20, file);
        let mut bytes = 0u64;
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| AppError::BadRequest(format!("the upload broke off: {e}")))?;
            bytes += chunk.len() as u64;
            if bytes > self.max_bytes {
                return Err(AppError::PayloadTooLarge);
            }
            out.write_all(&chunk).await.map_err(io)?;
        }
        out.flush().await.map_err(io)?;
        if bytes == 0 {
            return Err(AppError::invalid_field("body", "the file is empty"));
        }
        Ok(bytes)
    }

    /// Imports a file from disk in this process (`crm import FILE`), with a progress bar on
    /// standard error: the same job, checks and batches as an upload.
    pub async fn import_file(&self, path: &Path, request: ImportRequest) -> AppResult<ImportJob> {
        let io = |e: std::io::Error| AppError::invalid_field("file", format!("{}: {e}", path.display()));
        let file = tokio::fs::File::open(path).await.map_err(io)?;
        // The bar counts lines: a CSV field with a line break makes it end early, never late.
        let lines = {
            let p = path.to_path_buf();
            tokio::task::spawn_blocking(move || count_lines(&p)).await?
        }
        .map_err(io)?;
        let chunks = futures::stream::unfold(file, |mut file| async move {
            use tokio::io::AsyncReadExt;
            let mut buf = vec![0u8; 1 << 20];
            match file.read(&mut buf).await {
                Ok(0) => None,
                Ok(n) => {
                    buf.truncate(n);
                    Some((Ok::<_, std::io::Error>(Bytes::from(buf)), file))
                }
                Err(e) => Some((Err(e), file)),
            }
        });
        let header = u64::from(request.format == FileFormat::Csv);
        let origin = Origin::system("import");
        let job = self.upload(request, Box::pin(chunks), &origin).await?;
        // Run here, unless a server over the same database took the job first: then follow it.
        let holder = new_id(now());
        let leases = LeaseRepository::new(self.db.clone());
        let lease = format!("import:{}", job.id);
        let run = if leases.acquire(&lease, &holder, self.lease).await? {
            let (this, id) = (self.clone(), job.id.clone());
            Some(tokio::spawn(async move { this.run(&id, &leases, &lease, &holder).await }))
        } else {
            None
        };
        let mut progress =
            crate::services::progress::Progress::new("importing rows", lines.saturating_sub(header) as usize);
        let mut shown = 0;
        let done = loop {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let now = self.get(&job.id).await?;
            progress.add(now.processed.saturating_sub(shown) as usize);
            shown = now.processed;
            let ended = now.status != "queued" && now.status != "running";
            if ended || run.as_ref().is_some_and(|r| r.is_finished()) {
                break now;
            }
        };
        if let Some(run) = run {
            run.await??;
        }
        progress.finish();
        // The job as it ended (a local run may have finished between the last look and now).
        let done = if done.status == "running" { self.get(&done.id).await? } else { done };
        Ok(done)
    }

    /// The job with this id.
    pub async fn get(&self, id: &str) -> AppResult<ImportJob> {
        self.jobs.get(id).await?.ok_or_else(|| AppError::not_found("import", id))
    }

    /// Jobs, newest first.
    pub async fn list(&self, page: &PageRequest) -> AppResult<Page<ImportJob>> {
        let (rows, next) = self.jobs.list(page.after.clone(), page.limit).await?;
        Ok(page.page(rows, next, None))
    }

    /// Stops a queued or running job after its current batch; 409 when it had ended.
    pub async fn cancel(&self, id: &str) -> AppResult<ImportJob> {
        let job = self.get(id).await?;
        if !self.jobs.end(id, "cancelled", None, &format_ts(now())).await? {
            return Err(AppError::conflict(
                "import_finished",
                format!("the import has already ended ({})", job.status),
            ));
        }
        let _ = tokio::fs::remove_file(&job.file).await;
        self.get(id).await
    }

    /// Runs unfinished jobs in the background: woken by uploads, and every few seconds for jobs
    /// whose server stopped (their lease ran out).
    pub fn spawn_worker(self) -> tokio::task::JoinHandle<()> {
        let holder = new_id(now());
        tokio::spawn(async move {
            let leases = LeaseRepository::new(self.db.clone());
            loop {
                let _ = tokio::time::timeout(Duration::from_secs(5), self.wake.notified()).await;
                let ids = match self.jobs.unfinished().await {
                    Ok(ids) => ids,
                    Err(e) => {
                        tracing::warn!(error = %e, "listing import jobs failed");
                        continue;
                    }
                };
                for id in ids {
                    let name = format!("import:{id}");
                    if let Ok(true) = leases.acquire(&name, &holder, self.lease).await {
                        if let Err(e) = self.run(&id, &leases, &name, &holder).await {
                            tracing::error!(error = %e, import = %id, "import failed");
                            if let Ok(true) =
                                self.jobs.end(&id, "failed", Some(&e.to_string()), &format_ts(now())).await
                            {
                                self.finished(&id).await;
                            }
                        }
                    }
                }
            }
        })
    }

    /// Runs one job from where it stopped to its end (or until it is cancelled): a chunk of rows
    /// at a time, each chunk's lanes written side by side, then folded into the job.
    pub async fn run(&self, id: &str, leases: &LeaseRepository, lease: &str, holder: &str) -> AppResult<()> {
        let Some(job) = self.jobs.get(id).await? else { return Ok(()) };
        if job.status != "queued" && job.status != "running" {
            return Ok(());
        }
        let at = format_ts(now());
        let Some(job) = self.jobs.start(id, &at, self.lanes as u64, self.batch_rows as u64).await? else {
            return Ok(());
        };
        if job.status != "running" {
            return Ok(());
        }
        let lanes = job.lanes.map_or(1, |n| (n as usize).clamp(1, MAX_LANES));
        let chunk_rows = job.batch_rows.map_or(self.batch_rows, |n| (n as usize).clamp(1, 10_000)) * lanes;
        let run = Arc::new(Run {
            id: job.id.clone(),
            columns: Columns {
                targets: job.targets.iter().map(|t| t.as_deref().and_then(Target::parse)).collect(),
                custom: job
                    .targets
                    .iter()
                    .map(|t| t.as_deref().and_then(|t| t.strip_prefix("custom.")).map(str::to_string))
                    .collect(),
                unmapped: Vec::new(),
            },
            mode: Mode::parse(&job.mode).unwrap_or(Mode::Upsert),
            dry_run: job.dry_run,
            origin: Origin {
                triggers: Vec::new(),
                actor: job.actor.clone(),
                source: "import".into(),
                trace_id: job.id.clone(),
            },
        });
        let (path, format, delimiter, skip) =
            (job.file.clone(), job.format.clone(), job.delimiter.clone(), job.processed);
        let mut reader = tokio::task::spawn_blocking(move || RowReader::open(&path, &format, delimiter, skip))
            .await?
            .map_err(|e| AppError::Internal(format!("cannot read the uploaded file: {e}")))?;
        let mut processed = job.processed;
        loop {
            let (back, rows) = tokio::task::spawn_blocking(move || {
                let rows = reader.take(chunk_rows);
                (reader, rows)
            })
            .await?;
            reader = back;
            let rows = rows.map_err(|e| AppError::Internal(format!("reading the uploaded file: {e}")))?;
            let last = rows.len() < chunk_rows;
            let n = rows.len() as u64;
            let written = self.chunk(&run, processed, rows, lanes).await?;
            let done = Mark::merged(self.jobs.marks(id, processed).await?);
            if written && done.rows != n {
                // Marks already folded away: another server took the job over and moved it on.
                let now = self.get(id).await?;
                if now.status != "running" || now.processed != processed {
                    return Ok(());
                }
                return Err(AppError::Internal(format!(
                    "the lanes of rows {processed}.. marked {} of {n} rows",
                    done.rows
                )));
            }
            match self.jobs.fold(id, processed, &done, (written && last).then_some(processed + n)).await {
                Ok(()) => {}
                Err(RepoError::Rule(code)) if code == "import_stopped" => return Ok(()),
                Err(e) => return Err(e.into()),
            }
            if !written {
                return Ok(()); // cancelled: what the chunk wrote is counted, the rest is not read
            }
            processed += n;
            if last {
                break;
            }
            if !leases.acquire(lease, holder, self.lease).await? {
                return Ok(()); // another server took the job over
            }
        }
        if self.jobs.end(id, "completed", None, &format_ts(now())).await? {
            self.finished(id).await;
        }
        let _ = tokio::fs::remove_file(&job.file).await;
        Ok(())
    }

    /// Writes the chunk of `rows` starting at row `from`: split into `lanes` by email, each lane
    /// a task of its own (the embedded database works on the task that awaits it, so the lanes
    /// share the cores); a lane marked already (before a crash) finds its mark and writes
    /// nothing. False when the job was stopped meanwhile
    /// (cancelled, or moved on by another server); the lanes that had started are awaited first.
    async fn chunk(&self, run: &Arc<Run>, from: u64, rows: Vec<Row>, lanes: usize) -> AppResult<bool> {
        let mut split: Vec<Vec<Row>> = (0..lanes).map(|_| Vec::new()).collect();
        for row in rows {
            let lane = match &row.1 {
                Ok(cells) => lane_of(&run.columns, cells, lanes),
                Err(_) => 0,
            };
            split[lane].push(row);
        }
        // Counter shards of their own for the lanes (domain/analytics.rs: one write, one shard).
        let shard = rand::random::<u64>();
        let mut tasks = tokio::task::JoinSet::new();
        for (lane, rows) in split.into_iter().enumerate() {
            let lane = lane as u64;
            if rows.is_empty() {
                continue;
            }
            let (this, run) = (self.clone(), run.clone());
            tasks.spawn(async move { this.lane(&run, from, lane, shard.wrapping_add(lane), &rows).await });
        }
        let mut outcome = Ok(true);
        while let Some(joined) = tasks.join_next().await {
            match joined.map_err(AppError::from).and_then(|r| r) {
                Ok(written) => outcome = outcome.map(|all| all && written),
                Err(e) => {
                    if outcome.is_ok() {
                        outcome = Err(e);
                    }
                }
            }
        }
        outcome
    }

    /// Writes one lane of a chunk (read again and retried when a contact changed under it); false
    /// when the job was stopped.
    async fn lane(&self, run: &Run, from: u64, lane: u64, shard: u64, rows: &[Row]) -> AppResult<bool> {
        let mut tries = 0;
        loop {
            let mut batch = self.prepare(rows, &run.columns, run.mode, run.dry_run, &run.origin).await?;
            batch.mark.rows = rows.len() as u64;
            match self.jobs.commit(&run.id, from, lane, shard, batch).await {
                Ok(()) => return Ok(true),
                Err(RepoError::Rule(code)) if code == "lane_done" => return Ok(true),
                Err(RepoError::Rule(code)) if code == "import_stopped" => return Ok(false),
                Err(RepoError::VersionMismatch | RepoError::Duplicate(_) | RepoError::TxConflict) if tries < 5 => {
                    tries += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// What a batch of rows does, against the contacts as they are now.
    async fn prepare(
        &self,
        rows: &[Row],
        columns: &Columns,
        mode: Mode,
        dry_run: bool,
        origin: &Origin,
    ) -> AppResult<Batch> {
        let mut batch = Batch::default();
        let mut valid = Vec::with_capacity(rows.len());
        let fail = |batch: &mut Batch, row: u64, field: String, message: String| {
            batch.mark.fail(RowError { row, field, message });
        };
        let schema = self.contact_schema().await?;
        for (line, cells) in rows {
            match cells {
                Err(message) => fail(&mut batch, *line, "row".into(), message.clone()),
                Ok(cells) => {
                    let mut input = row_input(columns, cells);
                    if let (Some(schema), Some(custom)) = (&schema, input.custom.as_mut()) {
                        for (name, value) in custom.iter_mut() {
                            let def = schema.fields.iter().find(|d| &d.name == name);
                            if let (Some(def), Some(text)) = (def, value.as_str()) {
                                *value = from_text(def.field_type, text);
                            }
                        }
                    }
                    let has_status = input.status.is_some();
                    let company = input.company_id.is_none().then(|| company_ref(columns, cells)).flatten();
                    match NewContact::parse(input) {
                        Ok(new) => valid.push((*line, new, has_status, company)),
                        Err(e) => row_errors(&e).into_iter().for_each(|(f, m)| fail(&mut batch, *line, f, m)),
                    }
                }
            }
        }
        // Companies named by domain or name: one lookup for the batch.
        let (mut domains, mut names) = (HashSet::new(), HashSet::new());
        for (_, _, _, company) in &valid {
            match company {
                Some(CompanyRef::Domain(d)) => domains.insert(d.clone()),
                Some(CompanyRef::Name(n)) => names.insert(n.clone()),
                None => false,
            };
        }
        let (domains, names): (Vec<String>, Vec<String>) = (domains.into_iter().collect(), names.into_iter().collect());
        let (by_domain, by_name) = if domains.is_empty() && names.is_empty() {
            Default::default()
        } else {
            self.companies.ids_by_domain_and_name(&domains, &names).await?
        };
        let mut named = Vec::with_capacity(valid.len());
        for (line, mut new, has_status, company) in valid {
            let found = match &company {
                Some(CompanyRef::Domain(d)) => by_domain.get(d),
                Some(CompanyRef::Name(n)) => by_name.get(n),
                None => {
                    named.push((line, new, has_status));
                    continue;
                }
            };
            match found {
                Some(id) => {
                    new.company_id = Some(id.clone());
                    named.push((line, new, has_status));
                }
                None => fail(&mut batch, line, "company".into(), "no company has this domain or name".into()),
            }
        }
        let valid = match &schema {
            Some(schema) => self.existing_references(schema, named, &mut batch).await?,
            None => named,
        };
        let emails: Vec<String> =
            valid.iter().map(|(_, n, _)| n.email.clone()).collect::<HashSet<_>>().into_iter().collect();
        let mut known: HashMap<String, Contact> =
            self.contacts.by_emails(&emails).await?.into_iter().map(|c| (c.email.clone(), c)).collect();
        let company_ids: Vec<String> =
            valid.iter().filter_map(|(_, n, _)| n.company_id.clone()).collect::<HashSet<_>>().into_iter().collect();
        let companies: HashSet<String> = self.contacts.existing_companies(&company_ids).await?.into_iter().collect();
        let owner_ids: Vec<String> =
            valid.iter().filter_map(|(_, n, _)| n.owner_id.clone()).collect::<HashSet<_>>().into_iter().collect();
        let owners: HashSet<String> = self.contacts.existing_users(&owner_ids).await?.into_iter().collect();
        let at = now();
        let ts = format_ts(at);
        // Per email: the version it had when read (None: new in this batch), and its state now.
        let mut touched: HashMap<String, Option<i64>> = HashMap::new();
        for (line, new, has_status) in valid {
            if let Some(company) = new.company_id.as_ref().filter(|c| !companies.contains(*c)) {
                fail(&mut batch, line, "company_id".into(), format!("no company has the id {company}"));
                continue;
            }
            if let Some(owner) = new.owner_id.as_ref().filter(|o| !owners.contains(*o)) {
                fail(&mut batch, line, "owner_id".into(), format!("no user has the id {owner}"));
                continue;
            }
            let current = known.get(&new.email).cloned();
            let next = match &current {
                None => Contact::create(new_id(at), new, &ts),
                Some(_) if mode == Mode::CreateOnly => {
                    batch.mark.unchanged += 1;
                    continue;
                }
                Some(current) => match upsert(current, &new, has_status, &ts) {
                    Err(e) => {
                        row_errors(&e).into_iter().for_each(|(f, m)| fail(&mut batch, line, f, m));
                        continue;
                    }
                    Ok(None) => {
                        batch.mark.unchanged += 1;
                        continue;
                    }
                    Ok(Some(next)) => next,
                },
            };
            let next = match &schema {
                Some(schema) => match checked(schema, current.as_ref(), next) {
                    Ok(next) => next,
                    Err(failures) => {
                        failures.into_iter().for_each(|(f, m)| fail(&mut batch, line, f, m));
                        continue;
                    }
                },
                None => next,
            };
            if current.is_none() {
                batch.mark.imported += 1;
            } else {
                batch.mark.updated += 1;
            }
            touched.entry(next.email.clone()).or_insert(current.as_ref().map(|c| c.version));
            if !dry_run {
                let event = event_for(
                    "contact",
                    &next.id,
                    next.version,
                    current.as_ref(),
                    Some(&next),
                    origin,
                    new_id(at),
                    &ts,
                );
                batch.counts.extend(contact_change(current.as_ref(), Some(&next), &ts));
                let entry = entry_for_change(&event, new_id(at));
                batch.events.push((event, entry));
            }
            known.insert(next.email.clone(), next);
        }
        if !dry_run {
            for (email, read) in touched {
                let Some(contact) = known.remove(&email) else { continue };
                match read {
                    None => batch.created.push(contact),
                    Some(version) => batch.changed.push((version, contact)),
                }
            }
        }
        Ok(batch)
    }
}

/// `next` (after `current`) as the contacts' custom fields and rules let it be stored, or the
/// issues of its row (`custom.<name>`, a rule's field).
fn checked(
    schema: &super::schema::ObjectSchema,
    current: Option<&Contact>,
    next: Contact,
) -> Result<Contact, Vec<(String, String)>> {
    if schema.fields.is_empty() && schema.rules.is_empty() && next.custom.is_empty() {
        return Ok(next);
    }
    let old = current.and_then(|c| serde_json::to_value(c).ok());
    let mut value = serde_json::to_value(&next).map_err(|e| vec![("row".to_string(), e.to_string())])?;
    super::schema::check_record(Object::Contact, schema, old.as_ref(), &mut value)
        .map_err(|failures| failures.into_iter().map(|f| (f.field, f.message)).collect::<Vec<_>>())?;
    serde_json::from_value(value).map_err(|e| vec![("row".to_string(), e.to_string())])
}

impl ImportService {
    /// `rows` without those whose reference fields name a record that does not exist (each
    /// reported on its `custom.<name>`): one look-up per object for the batch.
    async fn existing_references(
        &self,
        schema: &super::schema::ObjectSchema,
        rows: Vec<(u64, NewContact, bool)>,
        batch: &mut Batch,
    ) -> AppResult<Vec<(u64, NewContact, bool)>> {
        let Some(service) = &self.schema else { return Ok(rows) };
        let mut references = Vec::new();
        let mut owners = Vec::new();
        for (i, (_, new, _)) in rows.iter().enumerate() {
            for def in schema.fields.iter().filter(|d| d.field_type == FieldType::Reference) {
                let id = new.custom.get(&def.name).and_then(|v| def.check(v).ok());
                if let (Some(object), Some(id)) = (def.reference, id.as_ref().and_then(Value::as_str)) {
                    references.push((format!("custom.{}", def.name), object, id.to_string()));
                    owners.push(i);
                }
            }
        }
        if references.is_empty() {
            return Ok(rows);
        }
        let missing = service.missing_references(&references).await?;
        let mut dropped = HashSet::new();
        for m in missing {
            let (field, object, id) = &references[m];
            let line = rows[owners[m]].0;
            batch.mark.fail(RowError {
                row: line,
                field: field.clone(),
                message: format!("no {} with id {id} exists", object.name()),
            });
            dropped.insert(owners[m]);
        }
        Ok(rows.into_iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, r)| r).collect())
    }
}

/// Line breaks in a file.
fn count_lines(path: &Path) -> std::io::Result<u64> {
    let mut reader = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut lines = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(lines);
        }
        lines += buf.iter().filter(|b| **b == b'\n').count() as u64;
        let n = buf.len();
        reader.consume(n);
    }
}

/// Detects the delimiter of a CSV header line: `;` when it has more of them than `,` outside
/// quotes.
pub fn detect_delimiter(line: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Opens `path` past a UTF-8 byte order mark.
fn open_past_bom(path: &str) -> std::io::Result<std::fs::File> {
    let mut file = std::fs::File::open(path)?;
    let mut bom = [0u8; 3];
    let n = file.read(&mut bom)?;
    file.seek(SeekFrom::Start(if n == 3 && bom == [0xEF, 0xBB, 0xBF] { 3 } else { 0 }))?;
    Ok(file)
}

/// The delimiter (CSV) and columns of a spooled file, checked against the mapping.
fn read_head(
    path: &Path,
    format: FileFormat,
    mapping: &BTreeMap<String, String>,
    custom: &[String],
) -> AppResult<(Option<u8>, Columns)> {
    let io = |e: std::io::Error| AppError::Internal(format!("reading an upload: {e}"));
    let mut first = Vec::new();
    let mut lines = BufReader::new(open_past_bom(&path.display().to_string()).map_err(io)?);
    // At most 1 MiB of header line.
    (&mut lines).take(1 << 20).read_until(b'\n', &mut first).map_err(io)?;
    let (delimiter, headers) = match format {
        FileFormat::Csv => {
            let delimiter = detect_delimiter(&first);
            let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).from_reader(&first[..]);
            let mut record = csv::ByteRecord::new();
            let read =
                reader.read_byte_record(&mut record).map_err(|e| AppError::invalid_field("body", e.to_string()))?;
            let headers: Option<Vec<String>> =
                record.iter().map(|f| String::from_utf8(f.to_vec()).ok()).collect::<Option<_>>().filter(|_| read);
            let headers = headers.ok_or_else(|| AppError::invalid_field("body", "the header row is not UTF-8 text"))?;
            (Some(delimiter), headers)
        }
        FileFormat::Ndjson => {
            let object = serde_json::from_slice::<Value>(&first).ok().and_then(|v| v.as_object().cloned());
            let object =
                object.ok_or_else(|| AppError::invalid_field("body", "the first line is not a JSON object"))?;
            (None, ndjson_headers(&object))
        }
    };
    let columns = columns(&headers, mapping, custom).map_err(|e| match AppError::from(e) {
        AppError::Validation { errors, .. } => AppError::validation(errors),
        other => other,
    })?;
    Ok((delimiter, columns))
}

/// The columns of an NDJSON file: the first object's keys, its `custom` object's keys as
/// `custom.<name>` (the way exports write them).
fn ndjson_headers(first: &serde_json::Map<String, Value>) -> Vec<String> {
    let mut headers = Vec::with_capacity(first.len());
    for (key, value) in first {
        match (key.as_str(), value) {
            ("custom", Value::Object(custom)) => headers.extend(custom.keys().map(|k| format!("custom.{k}"))),
            _ => headers.push(key.clone()),
        }
    }
    headers
}

/// The value of column `header` in an NDJSON object (`custom.<name>` inside `custom`).
fn ndjson_value<'a>(object: &'a serde_json::Map<String, Value>, header: &str) -> Option<&'a Value> {
    match header.strip_prefix("custom.") {
        Some(name) => object.get("custom").and_then(|c| c.get(name)),
        None => object.get(header),
    }
}

/// Reads the data rows of a spooled file, in order, with their line numbers.
enum RowReader {
    Csv { reader: csv::Reader<std::fs::File>, width: usize },
    Ndjson { lines: BufReader<std::fs::File>, headers: Vec<String>, line: u64 },
}

impl RowReader {
    /// Opens a job's file past its header and the `skip` rows already handled.
    fn open(path: &str, format: &str, delimiter: Option<String>, skip: u64) -> std::io::Result<Self> {
        let file = open_past_bom(path)?;
        let mut reader = if format == "ndjson" {
            // NDJSON has no header line: the first object's keys are the columns, and it is a
            // row too.
            let mut first = Vec::new();
            BufReader::new(file).read_until(b'\n', &mut first)?;
            let headers = serde_json::from_slice::<Value>(&first)
                .ok()
                .and_then(|v| v.as_object().map(ndjson_headers))
                .unwrap_or_default();
            RowReader::Ndjson { lines: BufReader::new(open_past_bom(path)?), headers, line: 0 }
        } else {
            let delimiter = delimiter.and_then(|d| d.bytes().next()).unwrap_or(b',');
            // Records end at `\n` (a `\r` before it is dropped from the last field): with CRLF
            // as the terminator the reader's line numbers drift.
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(csv::Terminator::Any(b'\n'))
                .flexible(true)
                .from_reader(file);
            let width = reader.byte_headers().map(|h| h.len()).map_err(std::io::Error::other)?;
            RowReader::Csv { reader, width }
        };
        for _ in 0..skip {
            if reader.next_row()?.is_none() {
                break;
            }
        }
        Ok(reader)
    }

    /// Up to `n` rows.
    fn take(&mut self, n: usize) -> std::io::Result<Vec<Row>> {
        let mut rows = Vec::with_capacity(n);
        while rows.len() < n {
            match self.next_row()? {
                Some(row) => rows.push(row),
                None => break,
            }
        }
        Ok(rows)
    }

    fn next_row(&mut self) -> std::io::Result<Option<Row>> {
        match self {
            RowReader::Csv { reader, width } => {
                let mut record = csv::ByteRecord::new();
                if !reader.read_byte_record(&mut record).map_err(std::io::Error::other)? {
                    return Ok(None);
                }
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.len() != *width {
                    let message = format!("has {} fields, the header has {width}", record.len());
                    return Ok(Some((line, Err(message))));
                }
                let last = record.len().saturating_sub(1);
                let cells: Option<Vec<String>> = record
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let f = if i == last { f.strip_suffix(b"\r").unwrap_or(f) } else { f };
                        String::from_utf8(f.to_vec()).ok()
                    })
                    .collect();
                Ok(Some((line, cells.ok_or_else(|| "is not UTF-8 text".to_string()))))
            }
            RowReader::Ndjson { lines, headers, line } => loop {
                let mut bytes = Vec::new();
                if lines.read_until(b'\n', &mut bytes)? == 0 {
                    return Ok(None);
                }
                *line += 1;
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let object = serde_json::from_slice::<Value>(&bytes).ok().and_then(|v| match v {
                    Value::Object(o) => Some(o),
                    _ => None,
                });
                let Some(object) = object else {
                    return Ok(Some((*line, Err("is not a JSON object".into()))));
                };
                let cells = headers.iter().map(|h| crate::services::exports::cell(ndjson_value(&object, h))).collect();
                return Ok(Some((*line, Ok(cells))));
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected_outside_quotes() {
        assert_eq!(detect_delimiter(b"email,first_name,last_name\n"), b',');
        assert_eq!(detect_delimiter(b"email;first_name;\"a,b,c\"\n"), b';');
        assert_eq!(detect_delimiter(b"email\n"), b',');
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<u64> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, text).unwrap();
        let mut reader = RowReader::open(&path.display().to_string(), "csv", Some(",".into()), 0).unwrap();
        reader.take(100).unwrap().into_iter().map(|(line, _)| line).collect()
    }

    #[test]
    fn rows_carry_the_line_they_start_on() {
        assert_eq!(lines_of("email\na\nb\n"), [2, 3]);
        assert_eq!(lines_of("email\r\na\r\n\"b\nc\"\r\nd\r\n"), [2, 3, 5]);
        assert_eq!(lines_of("\u{feff}email\na\n"), [2]);
    }
}
