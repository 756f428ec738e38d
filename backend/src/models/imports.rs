//! Import DTOs: upload parameters, jobs and their row errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::deals::bool_param;
use super::pagination::{list_response, ParamErrors};
use crate::domain::imports::Mode;
use crate::error::AppError;
use crate::repositories::imports::{ImportJob, RowError};

/// How to read and apply an uploaded file.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// `upsert` (default: a row whose email a contact has changes that contact with its
    /// non-empty cells, tags are added) or `create_only` (such a row changes nothing).
    #[param(nullable = false, pattern = "^(upsert|create_only)$")]
    pub mode: Option<String>,
    /// `true` checks every row and counts what would be imported, updated or unchanged,
    /// writing nothing.
    #[param(value_type = Option<bool>, nullable = false)]
    pub dry_run: Option<String>,
    /// JSON object: column header -> field (`email`, `first_name`, `last_name`, `phone`,
    /// `title`, `status`, `source`, `tags` (split on `;`), `company_id`, `company`: an existing
    /// company's domain or name, `owner_id`: a user's id) or `ignore`. Columns
    /// not named are matched by their usual spellings (`E-mail`, `Given name`, `Surname`...).
    #[param(nullable = false)]
    pub mapping: Option<String>,
}

impl ImportParams {
    /// Parses every parameter, reporting all invalid ones at once.
    pub fn parse(self) -> Result<(Mode, bool, BTreeMap<String, String>), AppError> {
        let mut errors = ParamErrors::default();
        let mode = match self.mode.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => Mode::Upsert,
            Some(raw) => Mode::parse(raw).unwrap_or_else(|| {
                errors.add("mode", "must be upsert or create_only");
                Mode::Upsert
            }),
        };
        let dry_run = bool_param(&mut errors, "dry_run", self.dry_run.as_deref()).unwrap_or(false);
        let mapping = match self.mapping.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
            None => BTreeMap::new(),
            Some(raw) => serde_json::from_str::<BTreeMap<String, String>>(raw).unwrap_or_else(|_| {
                errors.add("mapping", "must be a JSON object of column header to field name");
                BTreeMap::new()
            }),
        };
        errors.finish((mode, dry_run, mapping))
    }
}

/// Page of the import jobs.
pub type ImportPageParams = super::pagination::NewestFirstParams;

/// A row that was not imported, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportRowError {
    /// Line in the file (the header is line 1; NDJSON: the object's line).
    pub row: u64,
    /// The field at fault, or `row` for the whole row.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl From<RowError> for ImportRowError {
    fn from(e: RowError) -> Self {
        Self { row: e.row, field: e.field, message: e.message }
    }
}

/// An import job.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResponse {
    /// Id.
    pub id: String,
    /// `queued`, `running`, `completed`, `failed` or `cancelled`.
    pub status: String,
    /// `csv` or `ndjson`.
    pub format: String,
    /// `upsert` or `create_only`.
    pub mode: String,
    /// Checked only, nothing written.
    pub dry_run: bool,
    /// Size of the uploaded file.
    pub bytes: u64,
    /// Data rows in the file (known once it has been read to the end).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// Rows handled so far.
    pub processed: u64,
    /// Contacts created (with `dry_run`: that would be).
    pub imported: u64,
    /// Contacts changed.
    pub updated: u64,
    /// Rows that changed nothing.
    pub unchanged: u64,
    /// The first 1,000 row errors.
    pub errors: Vec<ImportRowError>,
    /// All row errors.
    pub error_count: u64,
    /// Headers that match no field (their cells are not imported).
    pub unmapped_columns: Vec<String>,
    /// The field each column fills, in column order (`null`: not imported).
    pub columns: Vec<Option<String>>,
    /// Why the job failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// Upload time.
    pub created_at: String,
    /// Start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// End.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
}

impl From<ImportJob> for ImportResponse {
    fn from(j: ImportJob) -> Self {
        Self {
            id: j.id,
            status: j.status,
            format: j.format,
            mode: j.mode,
            dry_run: j.dry_run,
            bytes: j.bytes,
            total: j.total,
            processed: j.processed,
            imported: j.imported,
            updated: j.updated,
            unchanged: j.unchanged,
            errors: j.errors.into_iter().map(Into::into).collect(),
            error_count: j.error_count,
            unmapped_columns: j.unmapped_columns,
            columns: j.targets,
            failure: j.failure,
            created_at: j.created_at,
            started_at: j.started_at,
            finished_at: j.finished_at,
        }
    }
}

list_response!(ImportList, ImportResponse, "A page of import jobs.");
