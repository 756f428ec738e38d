//! Case and interaction storage: rows with filter combinations, keyset lists.

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Statement, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::cases::{CaseStatus, Interaction, Priority, SupportCase};
use crate::domain::history::ChangeEvent;
use crate::domain::pagination::Sort;
use crate::domain::security::Visible;
use crate::domain::timeline::TimelineEntry;

/// Table of cases.
pub const TABLE: &str = "support_case";
/// Table of interactions.
pub const INTERACTIONS: &str = "case_interaction";

/// Filters of a case list.
#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    /// Open or closed.
    pub status: Option<CaseStatus>,
    /// Of this company.
    pub company_id: Option<String>,
    /// Raised by this contact.
    pub contact_id: Option<String>,
    /// Of this priority.
    pub priority: Option<Priority>,
    /// Worked by this user.
    pub owner_id: Option<String>,
}

/// The filter combinations a case matches: `st=` status, `c=` company, `p=` contact, `w=` owner,
/// `pr=` priority, each of the last four also joined with the status.
pub fn facets(case: &SupportCase) -> Vec<String> {
    let status = format!("st={}", case.status.as_str());
    let mut refs = vec![format!("c={}", case.company_id), format!("pr={}", case.priority.as_str())];
    refs.extend(case.contact_id.iter().map(|p| format!("p={p}")));
    refs.extend(case.owner_id.iter().map(|w| format!("w={w}")));
    let mut out = vec![status.clone()];
    for r in refs {
        out.push(format!("{r}&{status}"));
        out.push(r);
    }
    out.sort();
    out.dedup();
    out
}

impl Stored for SupportCase {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "case";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
            map.insert("facets".into(), json!(facets(self)));
        }
        records::add_descending_keys(&mut row, &["key"]);
        row
    }

    fn title(&self) -> String {
        self.subject.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        let mut guards = vec![Guard::Exists { table: "company", id: self.company_id.clone(), field: "company_id" }];
        guards.extend(self.contact_id.iter().map(|c| Guard::Exists {
            table: "contact",
            id: c.clone(),
            field: "contact_id",
        }));
        guards.extend(self.owner_id.iter().map(|u| Guard::Exists { table: "user", id: u.clone(), field: "owner_id" }));
        guards
    }

    fn contacts(&self) -> Vec<String> {
        self.contact_id.iter().cloned().collect()
    }
}

impl Stored for Interaction {
    const TABLE: &'static str = INTERACTIONS;
    const NOUN: &'static str = "interaction";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
        }
        row
    }

    fn title(&self) -> String {
        self.body.chars().take(80).collect()
    }

    /// The case must be open; writing also touches the case, so an interaction and a close
    /// running at once cannot both commit.
    fn guards(&self) -> Vec<Guard> {
        vec![Guard::FieldIs {
            table: TABLE,
            id: self.case_id.clone(),
            field: "status",
            value: "open",
            code: "case_closed",
        }]
    }

    fn statements(_old: Option<&Self>, new: Option<&Self>) -> Vec<Statement> {
        new.map(|i| {
            let mut vars = Map::new();
            vars.insert("case".into(), json!(i.case_id));
            vars.insert("at".into(), json!(i.created_at));
            Statement { sql: "UPDATE type::record('support_case', $P_case) SET touched_at = $P_at RETURN NONE;", vars }
        })
        .into_iter()
        .collect()
    }

    fn contacts(&self) -> Vec<String> {
        self.contact_id.iter().cloned().collect()
    }

    /// On the contact's timeline an interaction is what it is (a call, a note), about its case.
    fn timeline_entry(&self, event: &ChangeEvent, contact_id: &str, id: String) -> TimelineEntry {
        let mut entry = crate::domain::timeline::entry_for_record(event, contact_id, "case", &self.title(), id);
        entry.kind = self.kind.clone();
        entry.body = self.body.clone();
        entry.entity = Some(TABLE.into());
        entry.entity_id = Some(self.case_id.clone());
        entry
    }
}

/// Case persistence.
#[derive(Clone)]
pub struct CaseRepository {
    db: Db,
}

impl CaseRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn list_query(&self, query: &CaseQuery, sort: Sort, after: Option<String>, limit: usize) -> ListQuery {
        let mut conditions: Vec<&'static str> = Vec::new();
        let mut vars = Map::new();
        let status = query.status.map(|s| format!("st={}", s.as_str()));
        let refs = vec![
            (query.contact_id.as_ref().map(|p| format!("p={p}")), "facets CONTAINS $f_contact", "f_contact"),
            (query.company_id.as_ref().map(|c| format!("c={c}")), "facets CONTAINS $f_company", "f_company"),
            (query.owner_id.as_ref().map(|w| format!("w={w}")), "facets CONTAINS $f_owner", "f_owner"),
            (query.priority.map(|p| format!("pr={}", p.as_str())), "facets CONTAINS $f_priority", "f_priority"),
        ];
        records::facet_conditions(&mut conditions, &mut vars, status, refs);
        ListQuery {
            compiled: None,
            table: TABLE,
            filtered: !conditions.is_empty(),
            conditions,
            vars,
            sort_column: "key",
            desc: sort.desc,
            after,
            limit,
        }
    }

    /// One page of cases.
    pub async fn list(
        &self,
        query: &CaseQuery,
        sort: Sort,
        after: Option<String>,
        limit: usize,
        visible: Option<&Visible>,
    ) -> RepoResult<(Vec<SupportCase>, Option<String>)> {
        self.list_query(query, sort, after, limit).page_seen(&self.db, visible).await
    }

    /// The plan of a page of this list.
    pub async fn explain_list(&self, query: &CaseQuery, sort: Sort) -> RepoResult<Value> {
        self.list_query(query, sort, None, 50).explain(&self.db).await
    }

    /// How many cases match.
    pub async fn count(&self, query: &CaseQuery, visible: Option<&Visible>) -> RepoResult<u64> {
        self.list_query(query, Sort { field: "created_at", desc: false }, None, 1).count_seen(&self.db, visible).await
    }

    /// Cases raised by this contact, at most `limit`.
    pub async fn naming_contact(&self, contact_id: &str, limit: usize) -> RepoResult<Vec<SupportCase>> {
        records::referencing(&self.db, "facets CONTAINS $v", &format!("p={contact_id}"), limit).await
    }

    /// Interactions of a case, oldest first.
    pub async fn interactions(
        &self,
        case_id: &str,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Interaction>, Option<String>)> {
        let mut vars = Map::new();
        vars.insert("case_id".into(), json!(case_id));
        ListQuery {
            compiled: None,
            table: INTERACTIONS,
            filtered: true,
            conditions: vec!["case_id = $case_id"],
            vars,
            sort_column: "key",
            desc: false,
            after,
            limit,
        }
        .page(&self.db)
        .await
    }
}
