//! Shared list parameters: `limit`, `cursor`, `sort`, `count`, and date bounds.

use chrono::{DateTime, Utc};

use crate::domain::ids::parse_ts;
use crate::domain::pagination::{parse_limit, Cursor, PageRequest, Sort};
use crate::error::FieldError;

/// Collects field errors while list parameters are parsed.
#[derive(Default)]
pub struct ParamErrors(pub Vec<FieldError>);

impl ParamErrors {
    /// Records one error.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// Parses an optional `filter` parameter: the segment grammar as JSON (blank: none).
    pub fn filter(&mut self, raw: Option<&str>) -> Option<serde_json::Value> {
        let raw = raw.map(str::trim).filter(|f| !f.is_empty())?;
        serde_json::from_str(raw).map_err(|e| self.add("filter", format!("is not JSON: {e}"))).ok()
    }

    /// Parses an optional RFC 3339 timestamp.
    pub fn timestamp(&mut self, field: &str, raw: Option<&str>) -> Option<DateTime<Utc>> {
        let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
        let parsed = parse_ts(raw);
        if parsed.is_none() {
            self.add(field, "must be an RFC 3339 timestamp such as 2026-01-31T09:00:00Z");
        }
        parsed
    }

    /// Parses `limit`, `sort`, `cursor` and `count` into a page request.
    pub fn page(
        &mut self,
        limit: Option<&str>,
        sort: Option<&str>,
        cursor: Option<&str>,
        count: Option<&str>,
        allowed: &[&'static str],
        default: Sort,
    ) -> PageRequest {
        let limit = parse_limit(limit).unwrap_or_else(|m| {
            self.add("limit", m);
            1
        });
        let sort = Sort::parse(sort, allowed, default).unwrap_or_else(|m| {
            self.add("sort", m);
            default
        });
        let after = cursor.map(str::trim).filter(|c| !c.is_empty()).and_then(|c| match Cursor::decode(c, &sort) {
            Ok(c) => Some(c.k),
            Err(m) => {
                self.add("cursor", m);
                None
            }
        });
        let count = match count.map(|c| c.trim().to_ascii_lowercase()) {
            None => false,
            Some(c) if c == "true" || c == "1" => true,
            Some(c) if c == "false" || c == "0" || c.is_empty() => false,
            Some(_) => {
                self.add("count", "must be true or false");
                false
            }
        };
        PageRequest { limit, sort, after, count, visible: None }
    }

    /// Parses an optional value of a fixed set (`parse` names it), recording `message` when it is
    /// none of them; blank is absent.
    pub fn choice<T>(
        &mut self,
        field: &str,
        raw: Option<&str>,
        parse: impl Fn(&str) -> Option<T>,
        message: &str,
    ) -> Option<T> {
        let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
        let parsed = parse(raw);
        if parsed.is_none() {
            self.add(field, message);
        }
        parsed
    }

    /// `Ok(value)` when no error was recorded, else a 422 listing them.
    pub fn finish<T>(self, value: T) -> Result<T, crate::error::AppError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(crate::error::AppError::validation(self.0))
        }
    }
}

/// Response envelope of every list.
macro_rules! list_response {
    ($name:ident, $item:ty, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            /// The page of results.
            pub data: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
            /// Total number of matches; only present with `?count=true`.
            #[serde(skip_serializing_if = "Option::is_none")]
            pub total: Option<u64>,
        }

        impl<T: Into<$item>> From<crate::domain::pagination::Page<T>> for $name {
            fn from(page: crate::domain::pagination::Page<T>) -> Self {
                Self {
                    data: page.data.into_iter().map(Into::into).collect(),
                    next_cursor: page.next_cursor,
                    total: page.total,
                }
            }
        }
    };
}
pub(crate) use list_response;

/// `limit` and `cursor` of a list that is always newest first (import jobs, LLM runs, a
/// contact's consent ledger).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NewestFirstParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

impl NewestFirstParams {
    /// Parses the page (newest first).
    pub fn parse(self) -> Result<PageRequest, crate::error::AppError> {
        let mut errors = ParamErrors::default();
        let newest = Sort { field: "created_at", desc: true };
        let page = errors.page(self.limit.as_deref(), None, self.cursor.as_deref(), None, &["created_at"], newest);
        errors.finish(page)
    }
}

/// The newest-first order of a list served by a filter over any field (`filter`, `custom.<name>`).
pub const FILTERED_SORT: Sort = Sort { field: "created_at", desc: true };

/// The `filter` parameter of the lists that take one (read by [`field_filter`], documented here).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FieldFilterParams {
    /// A filter in the segment grammar over the records' fields, built-in and custom, as JSON
    /// (`{"field": "custom.tier", "op": "eq", "value": "gold"}`); `custom.<name>=<value>`
    /// parameters are equalities. With either, the list is newest first and takes only `limit`
    /// (at most 200), `cursor` and `count` beside them.
    #[param(nullable = false)]
    pub filter: Option<String>,
}

/// A list's `filter` (the segment grammar as JSON) and `custom.<name>=<value>` parameters (each an
/// equality; a value that reads as JSON, such as `5` or `true`, is taken as that), as one filter
/// with the page wanted; `None` when the query string has neither. Such a list is newest first
/// and takes `limit`, `cursor` and `count` beside them; the list's other parameters belong into
/// the filter (422 naming them).
pub fn field_filter(raw: Option<&str>) -> Result<Option<(serde_json::Value, PageRequest)>, crate::error::AppError> {
    use serde_json::{json, Value};
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default()).unwrap_or_default();
    if !pairs.iter().any(|(k, _)| k == "filter" || k.starts_with("custom.")) {
        return Ok(None);
    }
    let mut errors = ParamErrors::default();
    let mut nodes = Vec::new();
    let (mut limit, mut cursor, mut count) = (None, None, None);
    for (key, value) in &pairs {
        match key.as_str() {
            "limit" => limit = Some(value.as_str()),
            "cursor" => cursor = Some(value.as_str()),
            "count" => count = Some(value.as_str()),
            "filter" => nodes.extend(errors.filter(Some(value))),
            k if k.starts_with("custom.") => {
                let v = serde_json::from_str::<Value>(value).unwrap_or_else(|_| Value::String(value.clone()));
                nodes.push(json!({"field": k, "op": "eq", "value": v}));
            }
            other => errors.add(other, "cannot be combined with filter or custom.<name>: put it into the filter"),
        }
    }
    let page = errors.page(limit, None, cursor, count, &["created_at"], FILTERED_SORT);
    if page.limit > crate::domain::query::MAX_LIMIT {
        errors.add("limit", format!("must be at most {}", crate::domain::query::MAX_LIMIT));
    }
    errors.finish(())?;
    let filter = if nodes.len() == 1 { nodes.remove(0) } else { json!({"and": nodes}) };
    Ok(Some((filter, page)))
}

/// An export takes the list's own parameters only: `filter` and `custom.<name>` are 422 rather than
/// silently ignored (which would export every record).
pub fn no_field_filter(raw: Option<&str>) -> Result<(), crate::error::AppError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default()).unwrap_or_default();
    let mut errors = ParamErrors::default();
    for (key, _) in pairs.iter().filter(|(k, _)| k == "filter" || k.starts_with("custom.")) {
        errors.add(key, "exports take the list's own filters; a filter over any field is POST /api/query's");
    }
    errors.finish(())
}
