//! Deal storage: rows with derived index fields, filter combinations, keyset lists, and the
//! pipeline's running totals.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Statement, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::deals::{Deal, Stage};
use crate::domain::pagination::Sort;
use crate::domain::security::Visible;

/// Table name.
pub const TABLE: &str = "deal";

/// Filters of a deal list or pipeline.
#[derive(Debug, Clone, Default)]
pub struct DealQuery {
    /// Only this stage.
    pub stage: Option<Stage>,
    /// Only open (`true`) or closed (`false`) deals.
    pub open: Option<bool>,
    /// Only this owner's.
    pub owner_id: Option<String>,
    /// Only this company's.
    pub company_id: Option<String>,
    /// Only deals naming this contact.
    pub contact_id: Option<String>,
    /// Name search.
    pub q: Option<String>,
    /// Expected to close on or after (`YYYY-MM-DD`).
    pub expected_close_after: Option<String>,
    /// Expected to close before.
    pub expected_close_before: Option<String>,
}

/// Totals of one stage in one currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageTotals {
    /// Deals.
    pub count: i64,
    /// Sum of amounts, cents.
    pub amount: i128,
    /// Sum of amount x probability, cents x percent.
    pub weighted: i128,
    /// Sum of seconds from creation to close (closed stages).
    pub close_secs: i128,
}

/// Pipeline totals by stage, then currency.
pub type Totals = BTreeMap<Stage, BTreeMap<String, StageTotals>>;

/// Shards of the running totals: concurrent writes to one stage spread over this many rows
/// (the bench's 32 connections creating deals in one stage collided on 8; the summary sums at
/// most stages x currencies x shards small rows).
const STAT_SHARDS: u64 = 64;

fn state_facet(deal: &Deal) -> [String; 2] {
    [format!("s={}", deal.stage.as_str()), format!("o={}", if deal.stage.is_open() { "open" } else { "closed" })]
}

/// The filter combinations a deal matches (`s=` stage, `o=` open/closed, `w=` owner, `c=`
/// company, `p=` contact, and each of the last three joined with a stage or open/closed), indexed
/// with the newest-first key: a filtered list scans `(facets, rkey)` from one key.
pub fn facets(deal: &Deal) -> Vec<String> {
    let states = state_facet(deal);
    let mut refs: Vec<String> = Vec::new();
    if let Some(o) = &deal.owner_id {
        refs.push(format!("w={o}"));
    }
    if let Some(c) = &deal.company_id {
        refs.push(format!("c={c}"));
    }
    refs.extend(deal.contact_ids.iter().map(|p| format!("p={p}")));
    let mut out: Vec<String> = states.to_vec();
    for r in &refs {
        out.push(r.clone());
        for s in &states {
            out.push(format!("{r}&{s}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The facet key a list scans, and whether each filter is covered by it.
fn facet_of(query: &DealQuery) -> Option<(String, [bool; 5])> {
    // [stage, open, owner, company, contact] covered
    let mut covered = [false; 5];
    let reference = if let Some(p) = &query.contact_id {
        covered[4] = true;
        Some(format!("p={p}"))
    } else if let Some(c) = &query.company_id {
        covered[3] = true;
        Some(format!("c={c}"))
    } else if let Some(w) = &query.owner_id {
        covered[2] = true;
        Some(format!("w={w}"))
    } else {
        None
    };
    let state = if let Some(s) = query.stage {
        covered[0] = true;
        Some(format!("s={}", s.as_str()))
    } else if let Some(o) = query.open {
        covered[1] = true;
        Some(format!("o={}", if o { "open" } else { "closed" }))
    } else {
        None
    };
    let key = match (reference, state) {
        (Some(r), Some(s)) => format!("{r}&{s}"),
        (Some(r), None) => r,
        (None, Some(s)) => s,
        (None, None) => return None,
    };
    Some((key, covered))
}

fn padded_amount(deal: &Deal) -> String {
    match deal.amount {
        Some(a) => format!("{:015}|{}", a.0, deal.id),
        None => format!("|{}", deal.id),
    }
}

impl Stored for Deal {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "deal";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
            map.insert("words".into(), json!(crate::domain::search::keys([self.name.as_str()])));
            map.insert("search".into(), json!(crate::domain::search::word_text([self.name.as_str()])));
            map.insert("facets".into(), json!(facets(self)));
            map.insert("nkey".into(), json!(format!("{}\u{1f}{}", self.name.to_lowercase(), self.id)));
            map.insert("akey".into(), json!(padded_amount(self)));
            let ekey = format!("{}|{}", self.expected_close.as_deref().unwrap_or("~"), self.id);
            map.insert("ekey".into(), json!(ekey));
            map.insert("amount_minor".into(), json!(self.amount_minor()));
            map.insert("weighted_minor".into(), json!(self.amount_minor() * self.probability));
            map.insert("close_secs".into(), json!(self.seconds_to_close().unwrap_or(0)));
        }
        records::add_descending_keys(&mut row, &["key", "nkey", "akey", "ekey"]);
        row
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        let mut guards: Vec<Guard> = self
            .company_id
            .iter()
            .map(|c| Guard::Exists { table: "company", id: c.clone(), field: "company_id" })
            .collect();
        guards.extend(self.contact_ids.iter().map(|c| Guard::Exists {
            table: "contact",
            id: c.clone(),
            field: "contact_ids",
        }));
        guards.extend(self.owner_id.iter().map(|u| Guard::Exists { table: "user", id: u.clone(), field: "owner_id" }));
        guards
    }

    fn counts(old: Option<&Self>, new: Option<&Self>) -> Vec<crate::domain::analytics::Count> {
        crate::domain::analytics::deal_change(old, new)
    }

    fn scored_contacts(old: Option<&Self>, new: Option<&Self>) -> Vec<String> {
        let won = |d: Option<&Deal>| d.filter(|d| d.stage == Stage::Won).map(|d| d.closed_at.clone());
        if won(old) == won(new) {
            return Vec::new();
        }
        old.into_iter().chain(new).flat_map(|d| d.contact_ids.iter().cloned()).collect()
    }

    fn statements(old: Option<&Self>, new: Option<&Self>) -> Vec<Statement> {
        let totals = |deal: &Deal, sign: i64| {
            let mut vars = Map::new();
            vars.insert("stage".into(), json!(deal.stage.as_str()));
            vars.insert("currency".into(), json!(deal.currency));
            vars.insert("shard".into(), json!(rand::random::<u64>() % STAT_SHARDS));
            vars.insert("n".into(), json!(sign));
            vars.insert("amount".into(), json!(sign * deal.amount_minor()));
            vars.insert("weighted".into(), json!(sign * deal.amount_minor() * deal.probability));
            vars.insert("close".into(), json!(sign * deal.seconds_to_close().unwrap_or(0)));
            Statement {
                sql: "UPSERT type::record('deal_stat', [$P_stage, $P_currency, $P_shard]) SET stage = $P_stage, \
                      currency = $P_currency, n += $P_n, amount += $P_amount, weighted += $P_weighted, \
                      close_secs += $P_close RETURN NONE;",
                vars,
            }
        };
        // Only what the totals see: a rename writes no counter.
        let key = |d: &Deal| (d.stage, d.currency.clone(), d.amount_minor(), d.probability, d.seconds_to_close());
        if let (Some(o), Some(n)) = (old, new) {
            if key(o) == key(n) {
                return Vec::new();
            }
        }
        old.map(|o| totals(o, -1)).into_iter().chain(new.map(|n| totals(n, 1))).collect()
    }

    fn contacts(&self) -> Vec<String> {
        self.contact_ids.clone()
    }
}

/// The sort column behind each public sort field.
fn sort_column(field: &str) -> &'static str {
    match field {
        "name" => "nkey",
        "amount" => "akey",
        "expected_close" => "ekey",
        _ => "key",
    }
}

/// Deal persistence.
#[derive(Clone)]
pub struct DealRepository {
    db: Db,
}

impl DealRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    fn list_query(&self, query: &DealQuery, sort: Sort, after: Option<String>, limit: usize) -> ListQuery {
        let mut conditions: Vec<&'static str> = Vec::new();
        let mut vars = Map::new();
        let covered = match facet_of(query) {
            Some((facet, covered)) => {
                conditions.push("facets CONTAINS $facet");
                vars.insert("facet".into(), json!(facet));
                covered
            }
            None => [false; 5],
        };
        if let (Some(stage), false) = (query.stage, covered[0]) {
            conditions.push("facets CONTAINS $stage_facet");
            vars.insert("stage_facet".into(), json!(format!("s={}", stage.as_str())));
        }
        if let (Some(open), false) = (query.open, covered[1]) {
            conditions.push("facets CONTAINS $open_facet");
            vars.insert("open_facet".into(), json!(format!("o={}", if open { "open" } else { "closed" })));
        }
        if let (Some(owner), false) = (&query.owner_id, covered[2]) {
            conditions.push("owner_id = $owner_id");
            vars.insert("owner_id".into(), json!(owner));
        }
        if let (Some(company), false) = (&query.company_id, covered[3]) {
            conditions.push("company_id = $company_id");
            vars.insert("company_id".into(), json!(company));
        }
        if let Some(q) = &query.q {
            records::word_search(&mut conditions, &mut vars, &q.trim().to_lowercase());
        }
        let filtered = !conditions.is_empty();
        let column = sort_column(sort.field);
        if let Some(from) = &query.expected_close_after {
            if !filtered && column == "ekey" && !sort.desc {
                conditions.push("ekey >= $ec_from_key");
                vars.insert("ec_from_key".into(), json!(from));
            }
            conditions.push("expected_close >= $ec_from");
            vars.insert("ec_from".into(), json!(from));
        }
        if let Some(to) = &query.expected_close_before {
            if !filtered && column == "ekey" && !sort.desc {
                conditions.push("ekey < $ec_to_key");
                vars.insert("ec_to_key".into(), json!(to));
            }
            conditions.push("expected_close < $ec_to");
            vars.insert("ec_to".into(), json!(to));
        }
        ListQuery {
            compiled: None,
            table: TABLE,
            filtered,
            conditions,
            vars,
            sort_column: column,
            desc: sort.desc,
            after,
            limit,
        }
    }

    /// One page of deals and the sort key to continue from.
    pub async fn list(
        &self,
        query: &DealQuery,
        sort: Sort,
        after: Option<String>,
        limit: usize,
        visible: Option<&Visible>,
    ) -> RepoResult<(Vec<Deal>, Option<String>)> {
        self.list_query(query, sort, after, limit).page_seen(&self.db, visible).await
    }

    /// The plan of a page of this list (tests assert it scans an index).
    pub async fn explain_list(&self, query: &DealQuery, sort: Sort) -> RepoResult<Value> {
        self.list_query(query, sort, None, 50).explain(&self.db).await
    }

    /// How many deals match.
    pub async fn count(&self, query: &DealQuery, visible: Option<&Visible>) -> RepoResult<u64> {
        self.list_query(query, Sort { field: "created_at", desc: false }, None, 1).count_seen(&self.db, visible).await
    }

    /// Recomputes the pipeline's running totals from the deals themselves (after a replay or
    /// restore; tests compare both).
    pub async fn rebuild_totals(&self) -> RepoResult<()> {
        let sql = "BEGIN;\n\
            DELETE deal_stat;\n\
            FOR $g IN (SELECT stage, currency, count() AS n, math::sum(amount_minor) AS amount, \
                math::sum(weighted_minor) AS weighted, math::sum(close_secs) AS close_secs \
                FROM deal GROUP BY stage, currency) {\n\
              CREATE type::record('deal_stat', [$g.stage, $g.currency, 0]) CONTENT { stage: $g.stage, \
                currency: $g.currency, n: $g.n, amount: $g.amount, weighted: $g.weighted, close_secs: $g.close_secs };\n\
            };\n\
            COMMIT;";
        let response = self.db.query(sql).await?;
        super::check_tx(response).map(|_| ())
    }

    /// Deals naming this contact (the ones a contact's deletion unlinks), at most `limit`.
    pub async fn naming_contact(&self, contact_id: &str, limit: usize) -> RepoResult<Vec<Deal>> {
        records::referencing(&self.db, "facets CONTAINS $v", &format!("p={contact_id}"), limit).await
    }

    /// Totals by stage and currency: from the running totals when unfiltered, else summed over
    /// the matching deals.
    pub async fn totals(&self, query: &DealQuery) -> RepoResult<Totals> {
        let unfiltered =
            query.owner_id.is_none() && query.expected_close_after.is_none() && query.expected_close_before.is_none();
        let rows: Vec<Value> = if unfiltered {
            let sql = "SELECT stage, currency, math::sum(n) AS n, math::sum(amount) AS amount, \
                       math::sum(weighted) AS weighted, math::sum(close_secs) AS close_secs \
                       FROM deal_stat GROUP BY stage, currency";
            self.db.query(sql).await?.check()?.take(0)?
        } else {
            let list = self.list_query(
                &DealQuery { q: None, ..query.clone() },
                Sort { field: "created_at", desc: true },
                None,
                1,
            );
            let (filter, vars) = list.filter_clause();
            let sql = format!(
                "SELECT stage, currency, count() AS n, math::sum(amount_minor) AS amount, \
                 math::sum(weighted_minor) AS weighted, math::sum(close_secs) AS close_secs \
                 FROM deal{filter} GROUP BY stage, currency"
            );
            self.db.query(sql).bind(Value::Object(vars)).await?.check()?.take(0)?
        };
        let mut totals = Totals::new();
        for row in rows {
            let (Some(stage), Some(currency)) =
                (row["stage"].as_str().and_then(Stage::parse), row["currency"].as_str())
            else {
                continue;
            };
            let t = StageTotals {
                count: row["n"].as_i64().unwrap_or(0),
                amount: i128::from(row["amount"].as_i64().unwrap_or(0)),
                weighted: i128::from(row["weighted"].as_i64().unwrap_or(0)),
                close_secs: i128::from(row["close_secs"].as_i64().unwrap_or(0)),
            };
            if t.count == 0 {
                continue;
            }
            totals.entry(stage).or_default().insert(currency.to_string(), t);
        }
        Ok(totals)
    }
}
