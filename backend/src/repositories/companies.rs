//! Company storage: rows with derived index fields, lookups and keyset lists.

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::companies::Company;
use crate::domain::history::ChangeEvent;
use crate::domain::pagination::Sort;
use crate::domain::security::Visible;

/// Table name.
pub const TABLE: &str = "company";

/// Filters of a company list.
#[derive(Debug, Clone, Default)]
pub struct CompanyQuery {
    /// Name/domain search text.
    pub q: Option<String>,
    /// Only this industry.
    pub industry: Option<String>,
    /// Only this domain.
    pub domain: Option<String>,
}

/// Company persistence over SurrealDB.
#[derive(Clone)]
pub struct CompanyRepository {
    db: Db,
}

fn sort_column(field: &str) -> &'static str {
    match field {
        "updated_at" => "ukey",
        "name" => "nkey",
        _ => "key",
    }
}

/// The stored form of a company, with derived fields for search and sorting.
pub fn row(company: &Company) -> Value {
    let mut row = encode_row(company);
    if let Value::Object(map) = &mut row {
        map.insert("part".into(), json!(records::LIST_PART));
        map.insert("search".into(), json!(company.search_text()));
        map.insert("nkey".into(), json!(company.name_key()));
        map.insert("ukey".into(), json!(format!("{}|{}", company.updated_at, company.id)));
    }
    records::add_descending_keys(&mut row, &["key", "ukey", "nkey"]);
    row
}

impl Stored for Company {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "company";

    records::identity_fields!();

    fn row(&self) -> Value {
        row(self)
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    /// An owner must be a user.
    fn guards(&self) -> Vec<Guard> {
        self.owner_id.iter().map(|u| Guard::Exists { table: "user", id: u.clone(), field: "owner_id" }).collect()
    }

    /// No contact, open deal or open case may be left pointing at a deleted company.
    fn delete_guards(id: &str) -> Vec<Guard> {
        vec![
            Guard::NoneWhere {
                table: "contact",
                condition: "company_id = $g",
                id: id.to_string(),
                code: "company_has_contacts",
            },
            Guard::NoneWhere {
                table: "deal",
                condition: "facets CONTAINS string::concat('c=', $g, '&o=open')",
                id: id.to_string(),
                code: "company_has_open_deals",
            },
            Guard::NoneWhere {
                table: "support_case",
                condition: "facets CONTAINS string::concat('c=', $g, '&st=open')",
                id: id.to_string(),
                code: "company_has_open_cases",
            },
        ]
    }
}

impl CompanyRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The ids of the companies with these (lower-cased) domains and names, by domain and by
    /// name; the oldest of several companies with one name. One query, each lookup an index
    /// range.
    pub async fn ids_by_domain_and_name(
        &self,
        domains: &[String],
        names: &[String],
    ) -> RepoResult<(std::collections::HashMap<String, String>, std::collections::HashMap<String, String>)> {
        let mut sql = String::from("SELECT key, domain FROM company WHERE domain IN $domains ORDER BY key;\n");
        let mut vars = serde_json::Map::new();
        vars.insert("domains".into(), json!(domains));
        for (i, name) in names.iter().enumerate() {
            sql.push_str(&format!(
                "SELECT VALUE key FROM company WHERE part = 0 AND nkey >= $from{i} AND nkey < $to{i} ORDER BY nkey LIMIT 1;\n"
            ));
            vars.insert(format!("from{i}"), json!(format!("{name}\u{1f}")));
            vars.insert(format!("to{i}"), json!(format!("{name}\u{1f}\u{10FFFF}")));
        }
        let mut res = self.db.query(sql).bind(Value::Object(vars)).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        let mut by_domain = std::collections::HashMap::new();
        for row in rows {
            if let (Some(key), Some(domain)) = (row["key"].as_str(), row["domain"].as_str()) {
                by_domain.entry(domain.to_string()).or_insert_with(|| key.to_string());
            }
        }
        let mut by_name = std::collections::HashMap::new();
        for (i, name) in names.iter().enumerate() {
            let keys: Vec<String> = res.take(i + 1)?;
            if let Some(key) = keys.into_iter().next() {
                by_name.insert(name.clone(), key);
            }
        }
        Ok((by_domain, by_name))
    }

    fn list_query(&self, query: &CompanyQuery, sort: Sort, after: Option<String>, limit: usize) -> ListQuery {
        let mut conditions = Vec::new();
        let mut vars = Map::new();
        if let Some(q) = &query.q {
            conditions.push("search @1@ $q");
            vars.insert("q".into(), json!(q));
        }
        if let Some(industry) = &query.industry {
            conditions.push("industry = $industry");
            vars.insert("industry".into(), json!(industry));
        }
        if let Some(domain) = &query.domain {
            conditions.push("domain = $domain");
            vars.insert("domain".into(), json!(domain));
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

    /// One page of companies and the sort key to continue from.
    pub async fn list(
        &self,
        query: &CompanyQuery,
        sort: Sort,
        after: Option<String>,
        limit: usize,
        visible: Option<&Visible>,
    ) -> RepoResult<(Vec<Company>, Option<String>)> {
        self.list_query(query, sort, after, limit).page_seen(&self.db, visible).await
    }

    /// How many companies match.
    pub async fn count(&self, query: &CompanyQuery, visible: Option<&Visible>) -> RepoResult<u64> {
        self.list_query(query, Sort { field: "created_at", desc: false }, None, 1).count_seen(&self.db, visible).await
    }

    /// Inserts already-built companies with their events (seed, replay).
    pub async fn insert_bulk(&self, companies: &[Company], events: &[ChangeEvent]) -> RepoResult<()> {
        let batches = vec![
            (TABLE, companies.iter().map(row).collect()),
            ("change_event", events.iter().map(encode_row).collect()),
        ];
        // Company writers of the bulk path (seed, replay) run one at a time.
        records::insert_rows(&self.db, batches, records::Counting::Shard(0)).await
    }
}
