//! Exports: every record a list selects, as CSV or NDJSON, streamed page by page (constant
//! memory: one page of rows at a time, whatever the size of the list).

use std::future::Future;

use axum::body::Bytes;
use futures::{Stream, StreamExt};
use serde::Serialize;
use serde_json::Value;

use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::repositories::RepoResult;

/// Rows read per page while exporting.
pub const EXPORT_PAGE: usize = 1000;

/// The two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row (RFC 4180; arrays joined with `;`).
    Csv,
    /// One JSON object per line, each as the record's GET answers it.
    Ndjson,
}

impl Format {
    /// Parses `?format=` (default CSV).
    pub fn parse(raw: Option<&str>) -> AppResult<Self> {
        match raw.map(str::trim).unwrap_or("csv") {
            "" | "csv" => Ok(Format::Csv),
            "ndjson" => Ok(Format::Ndjson),
            _ => Err(AppError::invalid_field("format", "must be csv or ndjson")),
        }
    }

    /// The response's content type.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Ndjson => "application/x-ndjson",
        }
    }

    /// The file name offered to a browser.
    pub fn file_name(self, what: &str) -> String {
        match self {
            Format::Csv => format!("{what}.csv"),
            Format::Ndjson => format!("{what}.ndjson"),
        }
    }
}

/// One CSV field: quoted when it holds a delimiter, quote or line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A JSON value as a CSV cell: text as is, arrays joined with `;`, absent as empty (the way
/// exports write cells and NDJSON imports read them).
pub fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items.iter().map(|v| cell(Some(v))).collect::<Vec<_>>().join(";"),
        Some(other) => other.to_string(),
    }
}

/// The header line of a CSV export.
pub fn csv_header<C: AsRef<str>>(columns: &[C]) -> String {
    let mut line = columns.iter().map(|c| csv_field(c.as_ref())).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

/// The value of column `column` of a record: a field, or `custom.<name>` for a custom field.
fn column_value<'a>(record: &'a Value, column: &str) -> Option<&'a Value> {
    match column.strip_prefix("custom.") {
        Some(name) => record.get("custom").and_then(|c| c.get(name)),
        None => record.get(column),
    }
}

/// One record as a line of the export.
pub fn line<T: Serialize, C: AsRef<str>>(format: Format, columns: &[C], record: &T) -> String {
    let value = serde_json::to_value(record).unwrap_or(Value::Null);
    match format {
        Format::Ndjson => {
            let mut line = value.to_string();
            line.push('\n');
            line
        }
        Format::Csv => {
            let mut line = columns
                .iter()
                .map(|c| csv_field(&cell(column_value(&value, c.as_ref()))))
                .collect::<Vec<_>>()
                .join(",");
            line.push_str("\r\n");
            line
        }
    }
}

/// Every row of a list, read from one snapshot of `db` a page at a time: `on` builds the
/// repository over the snapshot, `page(repo, args, after)` reads the page after a sort key.
pub async fn snapshot_pages<R, A, T, F, Fut>(
    db: &Db,
    on: fn(Db) -> R,
    args: A,
    page: F,
) -> AppResult<impl Stream<Item = AppResult<Vec<T>>> + Send>
where
    R: Clone + Send + Sync + 'static,
    A: Clone + Send + Sync + 'static,
    T: Send + 'static,
    F: Fn(R, A, Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = RepoResult<(Vec<T>, Option<String>)>> + Send + 'static,
{
    let repo = on(snapshot(db).await?);
    Ok(pages(move |after| page(repo.clone(), args.clone(), after)))
}

/// A handle on `db` as it is now, so that every page of an export reads the same snapshot.
async fn snapshot(db: &Db) -> AppResult<Db> {
    let snapshot = db.snapshot().await.map_err(crate::repositories::RepoError::from)?;
    Ok(std::sync::Arc::new(snapshot))
}

/// Every row `fetch` lists, `EXPORT_PAGE` at a time: `fetch(after)` answers a page and the sort
/// key to continue from (`None` on the last page).
fn pages<T, F, Fut>(fetch: F) -> impl Stream<Item = AppResult<Vec<T>>> + Send
where
    T: Send + 'static,
    F: Fn(Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = RepoResult<(Vec<T>, Option<String>)>> + Send + 'static,
{
    futures::stream::unfold(Some(None), move |state: Option<Option<String>>| {
        let pending = state.map(&fetch);
        async move {
            match pending?.await {
                Ok((rows, next)) => Some((Ok(rows), next.map(Some))),
                Err(e) => Some((Err(e.into()), None)),
            }
        }
    })
}

/// Pages of records written in `format`, each record as its API answer `R`. A failure after
/// the first byte ends the stream with an error, so the download is cut short rather than
/// silently complete.
pub fn encode<T, R, S>(
    format: Format,
    mut columns: Vec<String>,
    audience: super::security::Audience,
    pages: S,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> + Send
where
    T: Send + 'static,
    R: From<T> + Serialize,
    S: Stream<Item = AppResult<Vec<T>>> + Send + 'static,
{
    columns.retain(|c| audience.mask.shows(c));
    let header = (format == Format::Csv).then(|| Ok(Bytes::from(csv_header(&columns))));
    let rows = pages.map(move |page| match page {
        Ok(records) => {
            let mut chunk = String::with_capacity(records.len() * 200);
            for record in records {
                let value = serde_json::to_value(R::from(record)).unwrap_or(Value::Null);
                if let Some(value) = audience.show(value) {
                    chunk.push_str(&line(format, &columns, &value));
                }
            }
            Ok(Bytes::from(chunk))
        }
        Err(e) => {
            tracing::error!(error = %e, "export stopped");
            Err(std::io::Error::other("the export stopped"))
        }
    });
    futures::stream::iter(header).chain(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_lines_quote_what_needs_quoting() {
        let columns = ["id", "name", "tags", "score", "missing"];
        let record = json!({"id": "1", "name": "Ada \"The\" Lovelace, Jr.\nline", "tags": ["a", "b"], "score": 1.5});
        assert_eq!(line(Format::Csv, &columns, &record), "1,\"Ada \"\"The\"\" Lovelace, Jr.\nline\",a;b,1.5,\r\n");
        assert_eq!(line(Format::Ndjson, &columns, &record), format!("{record}\n"));
        assert_eq!(csv_header(&columns), "id,name,tags,score,missing\r\n");
    }

    #[test]
    fn formats_parse() {
        assert_eq!(Format::parse(None).unwrap(), Format::Csv);
        assert_eq!(Format::parse(Some("ndjson")).unwrap(), Format::Ndjson);
        assert!(Format::parse(Some("xml")).is_err());
    }
}
