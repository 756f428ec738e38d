//! Export parameters shared by the record lists' exports.

use serde::Deserialize;
use utoipa::IntoParams;

/// How to write an export.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` (default; a header row, arrays joined with `;`) or `ndjson` (each record as its GET
    /// answers it).
    #[param(nullable = false, pattern = "^(csv|ndjson)$")]
    pub format: Option<String>,
}

/// A contact export's source besides the list filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactExportParams {
    /// Export this segment's members now (newest first) instead of a filtered list; not
    /// combined with the list filters.
    #[param(value_type = Option<String>, format = Uuid, nullable = false)]
    pub segment_id: Option<String>,
}
