//! Import jobs and the bulk writes of imported rows. The worker reads the file a chunk of rows at
//! a time and splits each chunk into lanes (rows of one email on one lane) written side by side:
//! each lane's transaction holds its new contacts, its changed ones, their events, timeline
//! entries and counters, and a mark of what it did (`import_mark`, keyed by job, the chunk's
//! first row and the lane); a small fold then adds the chunk's marks to the job's progress and
//! deletes them. A lane is written once or not at all, and a chunk is counted once, so a job
//! resumed after a crash skips the lanes already marked and neither loses nor repeats a row.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::records::{self, keyed, ListQuery};
use super::{check_tx, decode_row, decode_rows, encode_row, RepoResult};
use crate::db::Db;
use crate::domain::contacts::Contact;
use crate::domain::history::ChangeEvent;
use crate::domain::timeline::TimelineEntry;

/// Table name.
pub const TABLE: &str = "import_job";

/// One row's problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowError {
    /// Line in the file (the header is line 1).
    pub row: u64,
    /// The field at fault, or `row`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// An import and how far it got.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportJob {
    /// Id (UUIDv7).
    pub id: String,
    /// `queued`, `running`, `completed`, `failed` or `cancelled`.
    pub status: String,
    /// `csv` or `ndjson`.
    pub format: String,
    /// `upsert` or `create_only`.
    pub mode: String,
    /// Validate only.
    pub dry_run: bool,
    /// The uploaded file's size.
    pub bytes: u64,
    /// The spooled file (read by whichever server runs the job).
    pub file: String,
    /// The CSV delimiter (`,` or `;`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// Field per column (`null`: ignored), in column order.
    #[serde(default)]
    pub targets: Vec<Option<String>>,
    /// Headers that match no field.
    #[serde(default)]
    pub unmapped_columns: Vec<String>,
    /// Lanes each chunk of rows is split into, fixed when the job first starts (a resumed job
    /// splits its chunks as before, whatever the settings are now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lanes: Option<u64>,
    /// Rows per lane's transaction, fixed likewise (a chunk is `lanes` times as many rows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch_rows: Option<u64>,
    /// Data rows in the file, once it has been read to the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// Data rows handled so far.
    #[serde(default)]
    pub processed: u64,
    /// Contacts created.
    #[serde(default)]
    pub imported: u64,
    /// Contacts changed.
    #[serde(default)]
    pub updated: u64,
    /// Rows that changed nothing.
    #[serde(default)]
    pub unchanged: u64,
    /// The first row errors.
    #[serde(default)]
    pub errors: Vec<RowError>,
    /// All row errors.
    #[serde(default)]
    pub error_count: u64,
    /// Why the job failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// Who uploaded it.
    pub actor: String,
    /// Upload time.
    pub created_at: String,
    /// When a server started on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// When it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
}

/// What one lane of a chunk writes.
#[derive(Debug, Default)]
pub struct Batch {
    /// New contacts (as the batch leaves them).
    pub created: Vec<Contact>,
    /// Changed contacts: the version each had when read, and its state after the batch.
    pub changed: Vec<(i64, Contact)>,
    /// Every change event of the batch, with its timeline entry.
    pub events: Vec<(ChangeEvent, TimelineEntry)>,
    /// Counter changes (domain/analytics.rs).
    pub counts: Vec<crate::domain::analytics::Count>,
    /// What the lane did, kept as its mark.
    pub mark: Mark,
}

/// What one lane of a chunk did: stored with its writes, added to the job by the chunk's fold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// Rows the lane handled.
    #[serde(default)]
    pub rows: u64,
    /// Contacts created.
    #[serde(default)]
    pub imported: u64,
    /// Contacts changed.
    #[serde(default)]
    pub updated: u64,
    /// Rows that changed nothing.
    #[serde(default)]
    pub unchanged: u64,
    /// The lane's row errors (the first [`crate::domain::imports::MAX_ERRORS`], in file order).
    #[serde(default)]
    pub errors: Vec<RowError>,
    /// All its row errors.
    #[serde(default)]
    pub error_count: u64,
}

impl Mark {
    /// Counts `error` (kept while fewer than the job keeps).
    pub fn fail(&mut self, error: RowError) {
        if self.errors.len() < crate::domain::imports::MAX_ERRORS {
            self.errors.push(error);
        }
        self.error_count += 1;
    }

    /// The marks of a chunk's lanes as one: sums, and the first errors in file order.
    pub fn merged(marks: Vec<Mark>) -> Mark {
        let mut all = Mark::default();
        let mut errors = Vec::new();
        for mark in marks {
            all.rows += mark.rows;
            all.imported += mark.imported;
            all.updated += mark.updated;
            all.unchanged += mark.unchanged;
            all.error_count += mark.error_count;
            errors.extend(mark.errors);
        }
        errors.sort_by_key(|e| e.row);
        errors.truncate(crate::domain::imports::MAX_ERRORS);
        all.errors = errors;
        all
    }
}

/// Import job storage and batch writes.
#[derive(Clone)]
pub struct ImportRepository {
    db: Db,
}

fn job_row(job: &ImportJob) -> Value {
    let mut row = encode_row(job);
    if let Value::Object(map) = &mut row {
        map.insert("part".into(), json!(records::LIST_PART));
    }
    records::add_descending_keys(&mut row, &["key"]);
    row
}

impl ImportRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Stores a new job.
    pub async fn create(&self, job: &ImportJob) -> RepoResult<()> {
        self.db
            .query("CREATE type::record('import_job', $id) CONTENT $row RETURN NONE")
            .bind(json!({"id": job.id, "row": job_row(job)}))
            .await?
            .check()?;
        Ok(())
    }

    /// The job with this id.
    pub async fn get(&self, id: &str) -> RepoResult<Option<ImportJob>> {
        records::get_row(&self.db, TABLE, id).await?.map(decode_row).transpose()
    }

    /// Jobs, newest first.
    pub async fn list(&self, after: Option<String>, limit: usize) -> RepoResult<(Vec<ImportJob>, Option<String>)> {
        ListQuery::newest_first(TABLE, after, limit).page(&self.db).await
    }

    /// Ids of the jobs not finished (queued, or running on a server that may have died).
    pub async fn unfinished(&self) -> RepoResult<Vec<String>> {
        let mut res =
            self.db.query("SELECT VALUE key FROM import_job WHERE status IN ['queued', 'running']").await?.check()?;
        Ok(res.take(0)?)
    }

    /// Marks a queued or running job as `status` at `at` (with why it failed); false when it
    /// had already ended.
    pub async fn end(&self, id: &str, status: &str, failure: Option<&str>, at: &str) -> RepoResult<bool> {
        let mut res = self
            .db
            .query(
                "UPDATE type::record('import_job', $id) SET status = $status, failure = $failure, finished_at = $at \
                 WHERE status IN ['queued', 'running'] RETURN VALUE key",
            )
            .bind(json!({"id": id, "status": status, "failure": failure, "at": at}))
            .await?
            .check()?;
        let keys: Vec<Value> = res.take(0)?;
        Ok(!keys.is_empty())
    }

    /// Marks a queued job as running (a resumed one keeps its first start time, lanes and batch
    /// size); the job as it is now (`None` when it has gone).
    pub async fn start(&self, id: &str, at: &str, lanes: u64, batch_rows: u64) -> RepoResult<Option<ImportJob>> {
        self.db
            .query(
                "UPDATE type::record('import_job', $id) SET status = 'running', started_at = started_at ?? $at, \
                 lanes = lanes ?? $lanes, batch_rows = batch_rows ?? $batch_rows \
                 WHERE status IN ['queued', 'running'] RETURN NONE",
            )
            .bind(json!({"id": id, "at": at, "lanes": lanes, "batch_rows": batch_rows}))
            .await?
            .check()?;
        self.get(id).await
    }

    /// The marks of the lanes of the chunk starting at row `from` that have been written.
    pub async fn marks(&self, job_id: &str, from: u64) -> RepoResult<Vec<Mark>> {
        let mut res = self
            .db
            .query("SELECT * FROM import_mark:[$job, $from]..[$job, $next]")
            .bind(json!({"job": job_id, "from": from, "next": from + 1}))
            .await?
            .check()?;
        decode_rows(res.take(0)?)
    }

    /// Adds the chunk starting at row `from` (its lanes' marks merged as `done`) to the job's
    /// progress and deletes its marks, in one transaction; `total` when the chunk is the file's
    /// last. A cancelled job still counts what its last chunk wrote. `Rule("import_stopped")`
    /// when the chunk was counted already (by another server that took the job over) or the
    /// job has ended otherwise.
    pub async fn fold(&self, job_id: &str, from: u64, done: &Mark, total: Option<u64>) -> RepoResult<()> {
        let sql = "BEGIN;\n\
             LET $j = (SELECT status, processed FROM ONLY type::record('import_job', $job));\n\
             IF $j.status NOT IN ['running', 'cancelled'] OR $j.processed != $from { THROW 'import_stopped' };\n\
             UPDATE type::record('import_job', $job) SET processed += $rows, imported += $imported, \
                 updated += $updated, unchanged += $unchanged, error_count += $error_count, \
                 errors = array::slice(array::concat(errors ?? [], $errors), 0, $max_errors), \
                 total = $total ?? total RETURN NONE;\n\
             DELETE import_mark:[$job, $from]..[$job, $next] RETURN NONE;\n\
             COMMIT;";
        let vars = json!({
            "job": job_id,
            "from": from,
            "next": from + 1,
            "rows": done.rows,
            "imported": done.imported,
            "updated": done.updated,
            "unchanged": done.unchanged,
            "error_count": done.error_count,
            "errors": done.errors,
            "max_errors": crate::domain::imports::MAX_ERRORS,
            "total": total,
        });
        check_tx(self.db.query(sql).bind(vars).await?).map(|_| ())
    }

    /// Writes one lane of the chunk starting at row `from`, with its mark, in one transaction;
    /// its counters go to counter shard `shard`. `Rule("lane_done")` when the lane has its mark
    /// already (written before a crash, or by another server), `Rule("import_stopped")` when the
    /// job was cancelled meanwhile or another server has moved it on (its lease ran out),
    /// `VersionMismatch` or a duplicate email when a contact changed since it was read (the
    /// caller reads again and retries).
    pub async fn commit(&self, job_id: &str, from: u64, lane: u64, shard: u64, batch: Batch) -> RepoResult<()> {
        let contacts: Vec<Value> = batch.created.iter().map(|c| keyed(super::contacts::row(c))).collect();
        let updates: Vec<Value> = batch
            .changed
            .iter()
            .map(|(expected, c)| json!({"id": c.id, "expected": expected, "rec": super::contacts::row(c)}))
            .collect();
        let events: Vec<Value> = batch.events.iter().map(|(e, _)| keyed(encode_row(e))).collect();
        let timeline: Vec<Value> = batch.events.iter().map(|(_, t)| keyed(super::timeline::row(t))).collect();
        let mut counts = batch.counts;
        counts.extend(crate::domain::analytics::activity(
            &batch.events.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>(),
        ));
        let counts = crate::domain::analytics::merge(counts);
        let mark = encode_row(&batch.mark);
        // Reads first (the job's state, the versions, the counters), while the transaction's
        // write set is small: reads in a transaction holding thousands of new rows are slow.
        let mut sql = String::from(
            "BEGIN;\n\
             LET $j = (SELECT status, processed FROM ONLY type::record('import_job', $job));\n\
             IF $j.status != 'running' OR $j.processed != $from { THROW 'import_stopped' };\n\
             IF record::exists(type::record('import_mark', [$job, $from, $lane])) { THROW 'lane_done' };\n\
             FOR $u IN $updates {\n\
                 IF (SELECT VALUE version FROM ONLY type::record('contact', $u.id)) != $u.expected { THROW 'version_mismatch' };\n\
             };\n",
        );
        if !counts.is_empty() {
            sql.push_str(&super::analytics::apply_counts_sql());
            sql.push('\n');
        }
        sql.push_str(
            "FOR $u IN $updates { UPDATE type::record('contact', $u.id) CONTENT $u.rec RETURN NONE; };\n\
             INSERT INTO contact $contacts RETURN NONE;\n\
             INSERT INTO change_event $events RETURN NONE;\n",
        );
        sql.push_str(&super::changes::queue_sql("events"));
        sql.push_str(
            "INSERT INTO timeline_entry $timeline RETURN NONE;\n\
             CREATE type::record('import_mark', [$job, $from, $lane]) CONTENT $mark RETURN NONE;\n\
             COMMIT;",
        );
        let mut vars = json!({
            "job": job_id,
            "from": from,
            "updates": updates,
            "contacts": contacts,
            "events": events,
            "timeline": timeline,
            "lane": lane,
            "mark": mark,
        });
        if !counts.is_empty() {
            vars["counts"] = super::analytics::bound_on(&counts, shard);
        }
        let response = self.db.query(sql).bind(vars).await?;
        check_tx(response).map(|_| ())
    }
}
