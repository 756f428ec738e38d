//! Saved views: a user's way of looking at one object's records (the columns shown, a filter in
//! the segment grammar, the order), kept for themselves or shared with everyone. The dashboard's
//! tables switch between them; the filter and columns are those `POST /api/query` takes.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::custom::Object;
use super::fields::{DomainError, Issues};

/// Most columns a view shows.
pub const MAX_COLUMNS: usize = 30;

/// A saved view as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// Id (UUIDv7).
    pub id: String,
    /// The records it shows.
    pub object: Object,
    /// Name.
    pub name: String,
    /// Who made it (`user:<id>` or `api_key:<id>`); only they (and admins) change it.
    pub owner: String,
    /// Everyone sees it, not only its owner.
    pub shared: bool,
    /// Field paths shown, in order (`name`, `custom.tier`, `company.name`).
    pub columns: Vec<String>,
    /// Filter in the segment grammar (`None`: every record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<Value>,
    /// Order (`-created_at`).
    pub sort: String,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// Raw fields of a view or a change to one (the filter and columns are checked against the
/// object's fields by the query parser, not here).
#[derive(Debug, Clone, Default)]
pub struct ViewInput {
    /// Name.
    pub name: Option<String>,
    /// Shared.
    pub shared: Option<bool>,
    /// Columns.
    pub columns: Option<Vec<String>>,
    /// Filter: `Some(None)` clears it.
    pub filter: Option<Option<Value>>,
    /// Sort.
    pub sort: Option<String>,
}

impl View {
    /// A new view of `object` owned by `owner`.
    pub fn create(id: String, object: Object, owner: &str, input: ViewInput, now: &str) -> Result<View, DomainError> {
        let blank = View {
            id,
            object,
            name: String::new(),
            owner: owner.to_string(),
            shared: false,
            columns: Vec::new(),
            filter: None,
            sort: "-created_at".into(),
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        let mut issues = Issues::default();
        if input.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            issues.add("name", "is required");
        }
        if input.columns.is_none() {
            issues.add("columns", "is required");
        }
        blank.checked(input, issues)
    }

    /// This view changed by `input`, one version later.
    pub fn apply(&self, input: ViewInput, now: &str) -> Result<View, DomainError> {
        let mut next = self.checked(input, Issues::default())?;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    fn checked(&self, input: ViewInput, mut issues: Issues) -> Result<View, DomainError> {
        let mut next = self.clone();
        if let Some(name) = issues.text("name", input.name, 100) {
            next.name = name;
        }
        if let Some(shared) = input.shared {
            next.shared = shared;
        }
        if let Some(columns) = input.columns {
            let columns: Vec<String> = columns.into_iter().map(|c| c.trim().to_string()).collect();
            if columns.is_empty() || columns.len() > MAX_COLUMNS {
                issues.add("columns", format!("must name 1 to {MAX_COLUMNS} fields"));
            }
            next.columns = columns;
        }
        if let Some(filter) = input.filter {
            next.filter = filter.filter(|f| !f.is_null());
        }
        if let Some(sort) = input.sort {
            next.sort = sort.trim().to_string();
        }
        issues.finish(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_view_needs_a_name_and_columns_and_changes_by_version() {
        let err = View::create("1".into(), Object::Deal, "user:u", ViewInput::default(), "t0").unwrap_err();
        assert!(format!("{err:?}").contains("name") && format!("{err:?}").contains("columns"));
        let input = ViewInput {
            name: Some(" Big deals ".into()),
            columns: Some(vec!["name".into(), " amount ".into()]),
            filter: Some(Some(json!({"field": "amount", "op": "gte", "value": 1000}))),
            ..Default::default()
        };
        let view = View::create("1".into(), Object::Deal, "user:u", input, "t0").unwrap();
        assert_eq!((view.name.as_str(), view.columns[1].as_str(), view.shared), ("Big deals", "amount", false));
        let next =
            view.apply(ViewInput { shared: Some(true), filter: Some(None), ..Default::default() }, "t1").unwrap();
        assert_eq!((next.version, next.shared, next.filter.clone()), (2, true, None));
        let too_many = ViewInput { columns: Some(vec!["name".into(); MAX_COLUMNS + 1]), ..Default::default() };
        assert!(view.apply(too_many, "t2").is_err());
    }
}
