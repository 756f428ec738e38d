//! Task storage: rows with filter combinations and the due-date order, keyset lists.

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::pagination::Sort;
use crate::domain::tasks::{Task, TaskStatus};

/// Table name.
pub const TABLE: &str = "task";

/// Filters of a task list.
#[derive(Debug, Clone, Default)]
pub struct TaskQuery {
    /// Assigned to this user.
    pub assignee_id: Option<String>,
    /// Open or done.
    pub status: Option<TaskStatus>,
    /// Due before.
    pub due_before: Option<String>,
    /// Due at or after.
    pub due_after: Option<String>,
    /// About this contact.
    pub contact_id: Option<String>,
    /// About this company.
    pub company_id: Option<String>,
    /// About this deal.
    pub deal_id: Option<String>,
    /// About this case.
    pub case_id: Option<String>,
}

/// The filter combinations a task matches: `st=` status, `a=` assignee, `p=` contact, `c=`
/// company, `d=` deal, `k=` case, each reference also joined with the status.
pub fn facets(task: &Task) -> Vec<String> {
    let status = format!("st={}", task.status.as_str());
    let refs = [
        task.assignee_id.as_ref().map(|v| format!("a={v}")),
        task.contact_id.as_ref().map(|v| format!("p={v}")),
        task.company_id.as_ref().map(|v| format!("c={v}")),
        task.deal_id.as_ref().map(|v| format!("d={v}")),
        task.case_id.as_ref().map(|v| format!("k={v}")),
    ];
    let mut out = vec![status.clone()];
    for r in refs.into_iter().flatten() {
        out.push(format!("{r}&{status}"));
        out.push(r);
    }
    out.sort();
    out
}

/// Sort key of the due-date order: due tasks by due time (overdue first), then undated ones.
fn due_key(task: &Task) -> String {
    format!("{}|{}", task.due_at.as_deref().unwrap_or("~"), task.id)
}

impl Stored for Task {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "task";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
            map.insert("facets".into(), json!(facets(self)));
            map.insert("dkey".into(), json!(due_key(self)));
        }
        records::add_descending_keys(&mut row, &["key"]);
        row
    }

    fn title(&self) -> String {
        self.title.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        let refs = [
            (&self.assignee_id, "user", "assignee_id"),
            (&self.contact_id, "contact", "contact_id"),
            (&self.company_id, "company", "company_id"),
            (&self.deal_id, "deal", "deal_id"),
            (&self.case_id, "support_case", "case_id"),
        ];
        refs.into_iter()
            .filter_map(|(id, table, field)| id.as_ref().map(|id| Guard::Exists { table, id: id.clone(), field }))
            .collect()
    }

    fn contacts(&self) -> Vec<String> {
        self.contact_id.iter().cloned().collect()
    }
}

/// The sort column behind each public sort field.
fn sort_column(field: &str) -> &'static str {
    match field {
        "due_at" => "dkey",
        _ => "key",
    }
}

/// Task persistence.
#[derive(Clone)]
pub struct TaskRepository {
    db: Db,
}

impl TaskRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn list_query(&self, query: &TaskQuery, sort: Sort, after: Option<String>, limit: usize) -> ListQuery {
        let mut conditions: Vec<&'static str> = Vec::new();
        let mut vars = Map::new();
        let status = query.status.map(|s| format!("st={}", s.as_str()));
        let refs = vec![
            (query.assignee_id.as_ref().map(|v| format!("a={v}")), "facets CONTAINS $f_a", "f_a"),
            (query.contact_id.as_ref().map(|v| format!("p={v}")), "facets CONTAINS $f_p", "f_p"),
            (query.company_id.as_ref().map(|v| format!("c={v}")), "facets CONTAINS $f_c", "f_c"),
            (query.deal_id.as_ref().map(|v| format!("d={v}")), "facets CONTAINS $f_d", "f_d"),
            (query.case_id.as_ref().map(|v| format!("k={v}")), "facets CONTAINS $f_k", "f_k"),
        ];
        records::facet_conditions(&mut conditions, &mut vars, status, refs);
        if let Some(after) = &query.due_after {
            conditions.push("due_at >= $due_after");
            vars.insert("due_after".into(), json!(after));
        }
        if let Some(before) = &query.due_before {
            conditions.push("due_at < $due_before");
            vars.insert("due_before".into(), json!(before));
        }
        ListQuery {
            compiled: None,
            table: TABLE,
            filtered: !conditions.is_empty(),
            conditions,
            vars,
            sort_column: sort_column(sort.field),
            desc: sort.desc,
            after,
            limit,
        }
    }

    /// One page of tasks.
    pub async fn list(
        &self,
        query: &TaskQuery,
        sort: Sort,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Task>, Option<String>)> {
        self.list_query(query, sort, after, limit).page(&self.db).await
    }

    /// The plan of a page of this list.
    pub async fn explain_list(&self, query: &TaskQuery, sort: Sort) -> RepoResult<Value> {
        self.list_query(query, sort, None, 50).explain(&self.db).await
    }

    /// How many tasks match.
    pub async fn count(&self, query: &TaskQuery) -> RepoResult<u64> {
        self.list_query(query, Sort { field: "created_at", desc: false }, None, 1).count(&self.db).await
    }

    /// Tasks about this contact, at most `limit`.
    pub async fn naming_contact(&self, contact_id: &str, limit: usize) -> RepoResult<Vec<Task>> {
        records::referencing(&self.db, "facets CONTAINS $v", &format!("p={contact_id}"), limit).await
    }
}
