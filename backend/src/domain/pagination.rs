//! Keyset pagination: page sizes, sort orders and opaque cursors.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

/// Default page size.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page size.
pub const MAX_LIMIT: usize = 500;

/// Parses `?limit=`: 1 to 500, default 50.
pub fn parse_limit(raw: Option<&str>) -> Result<usize, String> {
    match raw.map(str::trim) {
        None | Some("") => Ok(DEFAULT_LIMIT),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(format!("must be an integer from 1 to {MAX_LIMIT}")),
        },
    }
}

/// A sort order over one unique, indexed sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The public name (`created_at`, `name`, ...).
    pub field: &'static str,
    /// Descending when true.
    pub desc: bool,
}

impl Sort {
    /// Parses `?sort=` (`field` ascending, `-field` descending) against the allowed fields.
    pub fn parse(raw: Option<&str>, allowed: &[&'static str], default: Sort) -> Result<Sort, String> {
        let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(default) };
        let (desc, name) = match raw.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, raw.strip_prefix('+').unwrap_or(raw)),
        };
        allowed.iter().find(|f| **f == name).map(|f| Sort { field: f, desc }).ok_or_else(|| {
            let names: Vec<_> = allowed.iter().map(|f| format!("{f}, -{f}")).collect();
            format!("must be one of {}", names.join(", "))
        })
    }

    /// The wire form (`-created_at`).
    pub fn as_param(&self) -> String {
        if self.desc {
            format!("-{}", self.field)
        } else {
            self.field.to_string()
        }
    }
}

/// The position after the last row of a page, bound to the sort it was made for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// The sort, in wire form.
    pub s: String,
    /// The last row's sort key.
    pub k: String,
}

impl Cursor {
    /// Opaque text form.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    /// Parses a cursor made by [`Cursor::encode`] for the same sort.
    pub fn decode(raw: &str, sort: &Sort) -> Result<Cursor, String> {
        let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| "is not a valid cursor".to_string())?;
        let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| "is not a valid cursor".to_string())?;
        if cursor.s != sort.as_param() {
            return Err("was made for a different sort order".into());
        }
        Ok(cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOWED: [&str; 2] = ["created_at", "name"];
    const DEFAULT: Sort = Sort { field: "created_at", desc: true };

    #[test]
    fn limit_bounds() {
        assert_eq!(parse_limit(None), Ok(50));
        assert_eq!(parse_limit(Some("500")), Ok(500));
        assert!(parse_limit(Some("501")).is_err());
        assert!(parse_limit(Some("0")).is_err());
        assert!(parse_limit(Some("ten")).is_err());
    }

    #[test]
    fn sort_parses_direction_and_rejects_unknown_fields() {
        assert_eq!(Sort::parse(None, &ALLOWED, DEFAULT), Ok(DEFAULT));
        assert_eq!(Sort::parse(Some("name"), &ALLOWED, DEFAULT), Ok(Sort { field: "name", desc: false }));
        assert_eq!(Sort::parse(Some("-name"), &ALLOWED, DEFAULT), Ok(Sort { field: "name", desc: true }));
        assert!(Sort::parse(Some("password"), &ALLOWED, DEFAULT).is_err());
    }

    #[test]
    fn cursor_round_trips_and_is_bound_to_its_sort() {
        let c = Cursor { s: "-created_at".into(), k: "abc".into() };
        assert_eq!(Cursor::decode(&c.encode(), &DEFAULT), Ok(c.clone()));
        assert!(Cursor::decode(&c.encode(), &Sort { field: "name", desc: false }).is_err());
        assert!(Cursor::decode("!!!", &DEFAULT).is_err());
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The rows.
    pub data: Vec<T>,
    /// Cursor for the next page, `None` on the last.
    pub next_cursor: Option<String>,
    /// Total matching rows, only when asked for.
    pub total: Option<u64>,
}

/// How a list request asked to page: size, order, position and whether to count.
#[derive(Debug, Clone)]
pub struct PageRequest {
    /// Rows wanted.
    pub limit: usize,
    /// Order.
    pub sort: Sort,
    /// Sort key of the last row already seen.
    pub after: Option<String>,
    /// Whether to count all matches.
    pub count: bool,
    /// For a private object read by a member or viewer: the rows they may see (the page and its
    /// total hold only those). `None`: every row.
    pub visible: Option<super::security::Visible>,
}

impl PageRequest {
    /// Builds the page from a repository result, wrapping the next key into a cursor.
    pub fn page<T>(&self, data: Vec<T>, next_key: Option<String>, total: Option<u64>) -> Page<T> {
        Page { data, next_cursor: next_key.map(|k| Cursor { s: self.sort.as_param(), k }.encode()), total }
    }
}
