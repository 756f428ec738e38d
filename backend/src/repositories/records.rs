//! Versioned writes shared by every entity: the record, its change event and (for contacts)
//! its timeline entry, committed in ONE transaction with an optimistic version check.

use serde_json::{json, Map, Value};

use super::{check_tx, encode_row, RepoError, RepoResult};
use crate::db::{Database, Db};
use crate::domain::history::ChangeEvent;
use crate::domain::security::Visible;
use crate::domain::timeline::TimelineEntry;

/// A rule checked inside the write transaction (fixed query fragments, bound values).
#[derive(Debug, Clone)]
pub enum Guard {
    /// The `table` record with this id must exist (else `missing:<field>:<table>`).
    Exists {
        /// Table (a fixed name).
        table: &'static str,
        /// Record id.
        id: String,
        /// The request field that named it.
        field: &'static str,
    },
    /// No row of `table` may match `condition` (a fixed fragment using `$g` for the bound id),
    /// else `code`.
    NoneWhere {
        /// Table (a fixed name).
        table: &'static str,
        /// Condition over `$g`.
        condition: &'static str,
        /// Bound value.
        id: String,
        /// Thrown code.
        code: &'static str,
    },
    /// `field` of the `table` record with this id must equal `value` (else `code`).
    FieldIs {
        /// Table (a fixed name).
        table: &'static str,
        /// Record id.
        id: String,
        /// Field (a fixed name).
        field: &'static str,
        /// Required value.
        value: &'static str,
        /// Thrown code.
        code: &'static str,
    },
}

impl Guard {
    fn fragment(&self, g: &str) -> String {
        match self {
            Guard::Exists { table, field, .. } => format!(
                "IF (SELECT VALUE key FROM ONLY type::record('{table}', ${g})) = NONE {{ THROW 'missing:{field}:{table}' }};\n"
            ),
            Guard::NoneWhere { table, condition, code, .. } => format!(
                "IF array::len(SELECT VALUE key FROM {table} WHERE {} LIMIT 1) > 0 {{ THROW '{code}' }};\n",
                condition.replace("$g", &format!("${g}"))
            ),
            Guard::FieldIs { table, field, value, code, .. } => format!(
                "IF (SELECT VALUE {field} FROM ONLY type::record('{table}', ${g})) != '{value}' {{ THROW '{code}' }};\n"
            ),
        }
    }

    fn value(&self) -> &str {
        match self {
            Guard::Exists { id, .. } | Guard::NoneWhere { id, .. } | Guard::FieldIs { id, .. } => id,
        }
    }
}

/// A further statement of a write transaction (counters and the like): a fixed fragment whose
/// variables are written `$P_name` and bound in `vars` as `name`.
#[derive(Debug, Clone)]
pub struct Statement {
    /// The fragment, ending with `;`.
    pub sql: &'static str,
    /// Its values.
    pub vars: Map<String, Value>,
}

impl Statement {
    /// A fragment with its values given as one JSON object (`{"name": value, ...}`).
    pub fn new(sql: &'static str, vars: Value) -> Self {
        let vars = match vars {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        Self { sql, vars }
    }
}

/// What one versioned write stores.
#[derive(Debug, Clone)]
pub struct VersionedWrite {
    /// Table of the record.
    pub table: &'static str,
    /// Record id.
    pub id: String,
    /// The new stored row (`None` deletes the record).
    pub row: Option<Value>,
    /// The version the record must have now (`None` for a create).
    pub expected: Option<i64>,
    /// The change event to append.
    pub event: ChangeEvent,
    /// Timeline entries to append as well.
    pub timeline: Vec<TimelineEntry>,
    /// Rules checked first.
    pub guards: Vec<Guard>,
    /// Further statements run after the write.
    pub statements: Vec<Statement>,
    /// Analytics counts to apply (domain/analytics.rs), on one shard for the whole write.
    pub counts: Vec<crate::domain::analytics::Count>,
}

impl VersionedWrite {
    /// A write with no timeline entry, guard or further statement.
    pub fn new(table: &'static str, id: &str, row: Option<Value>, expected: Option<i64>, event: &ChangeEvent) -> Self {
        VersionedWrite {
            table,
            id: id.to_string(),
            row,
            expected,
            event: event.clone(),
            timeline: Vec::new(),
            guards: Vec::new(),
            statements: Vec::new(),
            counts: Vec::new(),
        }
    }

    /// Appends this write's statements and variables (named with suffix `w`) to a transaction.
    fn push(mut self, w: usize, sql: &mut String, vars: &mut Map<String, Value>) {
        // Every timeline entry counts in the activity analytics, in this same transaction, with
        // the write's other counts: all on one shard, so two writes collide only when they draw
        // the same one.
        self.counts.extend(crate::domain::analytics::activity(&self.timeline));
        let counts = crate::domain::analytics::merge(std::mem::take(&mut self.counts));
        self.statements.extend(super::analytics::statement(&counts));
        for (i, guard) in self.guards.iter().enumerate() {
            let g = format!("g{w}_{i}");
            sql.push_str(&guard.fragment(&g));
            vars.insert(g, Value::String(guard.value().to_string()));
        }
        if let Some(expected) = self.expected {
            sql.push_str(&format!(
                "LET $cur{w} = (SELECT version FROM ONLY type::record($tb{w}, $id{w}));\n\
                 IF $cur{w} = NONE {{ THROW 'not_found' }};\n\
                 IF $cur{w}.version != $expected{w} {{ THROW 'version_mismatch' }};\n"
            ));
            vars.insert(format!("expected{w}"), json!(expected));
        }
        sql.push_str(&match (&self.row, self.expected) {
            (Some(_), None) => format!("CREATE type::record($tb{w}, $id{w}) CONTENT $rec{w};\n"),
            (Some(_), Some(_)) => format!("UPDATE type::record($tb{w}, $id{w}) CONTENT $rec{w};\n"),
            (None, _) => format!("DELETE type::record($tb{w}, $id{w});\n"),
        });
        sql.push_str(&format!("CREATE type::record('change_event', $eid{w}) CONTENT $ev{w};\n"));
        sql.push_str(&super::changes::queue_one_sql(&format!("eid{w}"), &format!("ev{w}")));
        for (i, entry) in self.timeline.iter().enumerate() {
            sql.push_str(&format!("CREATE type::record('timeline_entry', $tid{w}_{i}) CONTENT $tl{w}_{i};\n"));
            vars.insert(format!("tid{w}_{i}"), json!(entry.id));
            vars.insert(format!("tl{w}_{i}"), super::timeline::row(entry));
        }
        for (i, statement) in self.statements.iter().enumerate() {
            let prefix = format!("$s{w}_{i}_");
            sql.push_str(&statement.sql.replace("$P_", &prefix));
            sql.push('\n');
            for (name, value) in &statement.vars {
                vars.insert(format!("s{w}_{i}_{name}"), value.clone());
            }
        }
        vars.insert(format!("tb{w}"), json!(self.table));
        vars.insert(format!("id{w}"), json!(self.id));
        vars.insert(format!("rec{w}"), self.row.unwrap_or(Value::Null));
        vars.insert(format!("eid{w}"), json!(self.event.id));
        vars.insert(format!("ev{w}"), encode_row(&self.event));
    }
}

/// Commits a versioned write; errors say which rule stopped it.
pub async fn commit(db: &Db, write: VersionedWrite) -> RepoResult<()> {
    commit_all(db, vec![write]).await
}

/// Commits several versioned writes in ONE transaction: all or none.
///
/// A transaction that collides with another is run again as it is: its version checks are
/// inside it, so a record changed meanwhile surfaces as `version_mismatch` (the service then
/// retries on fresh state or answers 412), and a duplicate as a unique-index violation.
pub async fn commit_all(db: &Db, writes: Vec<VersionedWrite>) -> RepoResult<()> {
    let mut sql = String::from("BEGIN;\n");
    let mut vars = Map::new();
    for (w, write) in writes.into_iter().enumerate() {
        write.push(w, &mut sql, &mut vars);
    }
    sql.push_str("COMMIT;");
    run_retried(db, &sql, Value::Object(vars)).await
}

/// The `id`, `version` and `updated_at` of a [`Stored`] entity whose fields have those names
/// (inside its impl).
macro_rules! identity_fields {
    () => {
        fn id(&self) -> &str {
            &self.id
        }

        fn version(&self) -> i64 {
            self.version
        }

        fn bump(&mut self, ts: &str) {
            self.version += 1;
            self.updated_at = ts.to_string();
        }
    };
}
pub(crate) use identity_fields;

/// A versioned entity stored by the shared record machinery (services/records.rs): its table,
/// its stored row, the rules its writes check and the contacts whose timelines show it.
pub trait Stored: serde::Serialize + serde::de::DeserializeOwned + Clone + PartialEq + Send + Sync + 'static {
    /// Table, also the `entity` of its change events.
    const TABLE: &'static str;
    /// What a person calls it (`deal`), in messages and timeline entries.
    const NOUN: &'static str;
    /// The table this record lives in: [`Stored::TABLE`], unless the type's records are spread
    /// over tables (custom objects' records, one table per object).
    fn table(&self) -> &'static str {
        Self::TABLE
    }
    /// Id.
    fn id(&self) -> &str;
    /// Version.
    fn version(&self) -> i64;
    /// One version later, changed at `ts`.
    fn bump(&mut self, ts: &str);
    /// The stored row, with derived index fields.
    fn row(&self) -> Value;
    /// A short description for timelines (its name or subject).
    fn title(&self) -> String;
    /// Rules checked when this state is written.
    fn guards(&self) -> Vec<Guard> {
        Vec::new()
    }
    /// Rules checked when the record with this id is deleted.
    fn delete_guards(_id: &str) -> Vec<Guard> {
        Vec::new()
    }
    /// The analytics counts of a change from `old` to `new` (domain/analytics.rs).
    fn counts(_old: Option<&Self>, _new: Option<&Self>) -> Vec<crate::domain::analytics::Count> {
        Vec::new()
    }
    /// Contacts whose engagement score a change from `old` to `new` changes beyond the
    /// timeline entries it writes (a deal won or unwon).
    fn scored_contacts(_old: Option<&Self>, _new: Option<&Self>) -> Vec<String> {
        Vec::new()
    }
    /// Further statements of a change from `old` to `new` (counters).
    fn statements(_old: Option<&Self>, _new: Option<&Self>) -> Vec<Statement> {
        Vec::new()
    }
    /// Contacts whose timelines show this record's changes.
    fn contacts(&self) -> Vec<String> {
        Vec::new()
    }
    /// The entry on `contact_id`'s timeline for `event` (`Deal won: Audit`).
    fn timeline_entry(&self, event: &ChangeEvent, contact_id: &str, id: String) -> TimelineEntry {
        crate::domain::timeline::entry_for_record(event, contact_id, Self::NOUN, &self.title(), id)
    }
}

/// Which of these ids name a record of `table` (a fixed name): one look-up per id, in one query.
pub async fn existing(db: &Db, table: &'static str, ids: &[String]) -> RepoResult<Vec<String>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut res = db
        .query("SELECT VALUE key FROM array::map($ids, |$i| type::record($tb, $i)) WHERE key != NONE")
        .bind(json!({"ids": ids, "tb": table}))
        .await?
        .check()?;
    Ok(res.take(0)?)
}

/// The rows of `table` (a fixed name) with these ids that exist, decoded: one look-up per id,
/// in one query.
pub async fn rows_by_id<T: serde::de::DeserializeOwned>(
    db: &Db,
    table: &'static str,
    ids: &[String],
) -> RepoResult<Vec<T>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {} FROM array::map($ids, |$i| type::record($tb, $i)) WHERE key != NONE",
        projection(table, None)
    );
    let mut res = db.query(sql).bind(json!({"ids": ids, "tb": table})).await?.check()?;
    let rows: Vec<Value> = res.take(0)?;
    super::decode_rows(rows)
}

/// The record of type `T` with this id, if it exists.
pub async fn get<T: Stored>(db: &Db, id: &str) -> RepoResult<Option<T>> {
    get_in::<T>(db, T::TABLE, id).await
}

/// The record of type `T` with this id in `table`, if it exists.
pub async fn get_in<T: Stored>(db: &Db, table: &'static str, id: &str) -> RepoResult<Option<T>> {
    get_row(db, table, id).await?.map(super::decode_row).transpose()
}

/// Every `T` whose `field` (an indexed field or array) holds `value`, at most `limit`.
pub async fn referencing<T: Stored>(db: &Db, condition: &'static str, value: &str, limit: usize) -> RepoResult<Vec<T>> {
    let sql = format!("SELECT {} FROM {} WHERE {condition} LIMIT $limit", projection(T::TABLE, None), T::TABLE);
    let mut response = db.query(sql).bind(json!({ "v": value, "limit": limit })).await?.check()?;
    let rows: Vec<Value> = response.take(0)?;
    super::decode_rows(rows)
}

/// Reads one stored row as JSON, `None` when absent.
pub async fn get_row(db: &Db, table: &'static str, id: &str) -> RepoResult<Option<Value>> {
    let sql = format!("SELECT {} FROM ONLY type::record($tb, $id)", projection(table, None));
    let mut response = db.query(sql).bind(json!({ "tb": table, "id": id })).await?.check()?;
    let row: Option<Value> = response.take(0)?;
    Ok(row.filter(|v| !v.is_null()))
}

/// Where the bulk path's analytics counts go.
pub enum Counting<'a> {
    /// Into the same transaction, on this counter shard: the bulk path's writers are few and
    /// name their own, so that a day they filled has a few rows per counter, not one per shard,
    /// and folding them is cheap (every folded row is a delete).
    Shard(u64),
    /// Into a running tally the caller writes once at the end (`analytics::write_counts`): a seed's
    /// batches, which would otherwise leave every day's counters on several rows to fold.
    Tally(&'a std::sync::Mutex<crate::domain::analytics::Tally>),
}

/// Inserts prepared rows of several tables in ONE transaction (the bulk path: seed, replay):
/// one `INSERT ... RETURN NONE` per table, no per-row round trip; each row's `key` becomes its
/// record id. The analytics counts go where `counting` says.
pub async fn insert_rows(db: &Db, batches: Vec<(&'static str, Vec<Value>)>, counting: Counting<'_>) -> RepoResult<()> {
    let mut sql = String::from("BEGIN;\n");
    let mut vars = Map::new();
    let mut tally = crate::domain::analytics::Tally::default();
    for (i, (table, rows)) in batches.into_iter().enumerate() {
        if rows.is_empty() {
            continue;
        }
        for row in &rows {
            tally.add(super::analytics::row_counts(table, row.clone())?);
        }
        sql.push_str(match table {
            "contact" => "INSERT INTO contact $r",
            "company" => "INSERT INTO company $r",
            "change_event" => "INSERT INTO change_event $r",
            "timeline_entry" => "INSERT INTO timeline_entry $r",
            "deal" => "INSERT INTO deal $r",
            "support_case" => "INSERT INTO support_case $r",
            "case_interaction" => "INSERT INTO case_interaction $r",
            "task" => "INSERT INTO task $r",
            other => return Err(RepoError::Decode(format!("no bulk insert for {other}"))),
        });
        sql.push_str(&format!("{i} RETURN NONE;\n"));
        if table == "change_event" {
            sql.push_str(&super::changes::queue_sql(&format!("r{i}")));
        }
        let rows: Vec<Value> = rows.into_iter().map(keyed).collect();
        vars.insert(format!("r{i}"), Value::Array(rows));
    }
    if vars.is_empty() {
        return Ok(());
    }
    let shard = match counting {
        Counting::Shard(shard) => shard,
        Counting::Tally(total) => {
            total.lock().unwrap_or_else(|e| e.into_inner()).add(std::mem::take(&mut tally).into_counts());
            0
        }
    };
    let counts = tally.into_counts();
    if !counts.is_empty() {
        // First, while the transaction's write set is small: each counter is a read as well as
        // a write, and reads inside a transaction holding thousands of new rows are slow.
        sql = sql.replacen("BEGIN;\n", &format!("BEGIN;\n{}\n", super::analytics::apply_counts_sql()), 1);
        vars.insert("counts".into(), super::analytics::bound_on(&counts, shard));
    }
    sql.push_str("COMMIT;");
    run_retried(db, &sql, Value::Object(vars)).await
}

/// A stored row whose `key` is also its record id, as bulk inserts write them.
pub(crate) fn keyed(mut row: Value) -> Value {
    if let Value::Object(map) = &mut row {
        if let Some(key) = map.get("key").cloned() {
            map.insert("id".into(), key);
        }
    }
    row
}

/// Runs a transaction, again after a short pause while it collides with another (at most six
/// times): it is all or nothing, so running it again is safe.
pub(crate) async fn run_retried(db: &Database, sql: &str, vars: Value) -> RepoResult<()> {
    let attempts = 6;
    let mut result = Ok(());
    for attempt in 0..attempts {
        let response = db.query(sql).bind(vars.clone()).await?;
        result = check_tx(response).map(|_| ());
        match result {
            Err(RepoError::TxConflict) if attempt + 1 < attempts => {
                let pause = (1u64 << attempt) + rand::random::<u64>() % 4;
                tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
            }
            _ => break,
        }
    }
    result
}

/// Fields stored only for indexes (search words, sort keys); reads leave them out, which halves
/// the cost of a page of contacts (their search words outweigh the record).
fn derived_fields(table: &str) -> &'static [&'static str] {
    match table {
        "contact" => &["words", "facets", "search", "nkey", "ukey", "rkey", "rukey", "rnkey", "skey", "rskey", "part"],
        "company" => &["search", "nkey", "ukey", "rkey", "rukey", "rnkey", "part"],
        "timeline_entry" => &["rkey", "part"],
        "deal" => &[
            "words",
            "facets",
            "search",
            "nkey",
            "rkey",
            "rnkey",
            "akey",
            "rakey",
            "ekey",
            "rekey",
            "part",
            "amount_minor",
            "weighted_minor",
            "close_secs",
        ],
        "support_case" => &["facets", "rkey", "part", "touched_at"],
        "case_interaction" => &["part"],
        "task" => &["facets", "rkey", "dkey", "part"],
        "segment" | "llm_run" => &["rkey", "part"],
        "campaign" => &["facets", "rkey", "part"],
        "event" => &["words", "search", "skey", "rskey", "ekey", "rkey", "part"],
        "event_invitation" => &["facets", "wkey"],
        "landing_page" => &["facets", "rkey", "part"],
        "lp_submission" => &["day"],
        "consent" | "webhook_delivery" => &["rkey"],
        "notification" => &["rkey", "unread"],
        t if t.starts_with(crate::domain::custom::CUSTOM_TABLE_PREFIX) => &["rkey", "part"],
        _ => &[],
    }
}

/// `*` without the derived fields of `table`, except `keep` (a list's sort column).
pub(crate) fn projection(table: &str, keep: Option<&str>) -> String {
    let omit: Vec<&str> = derived_fields(table).iter().copied().filter(|f| Some(*f) != keep).collect();
    if omit.is_empty() {
        "*".to_string()
    } else {
        format!("* OMIT {}", omit.join(", "))
    }
}

/// `part` of every listed row (schema/003_ordered_lists.surql); one value until tenants exist.
pub const LIST_PART: i64 = 0;

/// The stored row of a record listed newest first by its `(part, rkey)` index.
pub fn listed_row<T: serde::Serialize>(record: &T) -> Value {
    let mut row = super::encode_row(record);
    if let Value::Object(map) = &mut row {
        map.insert("part".into(), json!(LIST_PART));
    }
    add_descending_keys(&mut row, &["key"]);
    row
}

/// The descending twin of a sort key: ascending order of `descending(x)` is descending order of
/// `x`, for any strings (each byte `b` becomes the hex of `255 - b`, then `~` ends the key, so a
/// longer key sorts before its own prefix). SurrealDB 3.3 scans indexes backwards by reading the
/// whole range (schema/003_ordered_lists.surql), so newest-first lists scan these forwards.
pub fn descending(key: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(key.len() * 2 + 1);
    for b in key.bytes() {
        let inverted = 255 - b;
        out.push(char::from(HEX[usize::from(inverted >> 4)]));
        out.push(char::from(HEX[usize::from(inverted & 15)]));
    }
    out.push('~');
    out
}

/// The stored descending twin of a sort column, if it has one.
pub fn descending_column(column: &str) -> Option<&'static str> {
    match column {
        "key" => Some("rkey"),
        "ukey" => Some("rukey"),
        "nkey" => Some("rnkey"),
        "akey" => Some("rakey"),
        "ekey" => Some("rekey"),
        "skey" => Some("rskey"),
        _ => None,
    }
}

/// Adds the descending twins of `columns` to a stored row.
pub fn add_descending_keys(row: &mut Value, columns: &[&str]) {
    if let Value::Object(map) = row {
        for column in columns {
            let (Some(twin), Some(value)) = (descending_column(column), map.get(*column).and_then(Value::as_str))
            else {
                continue;
            };
            let twin_value = descending(value);
            map.insert(twin.into(), Value::String(twin_value));
        }
    }
}

/// One condition per query word (`domain::search::MAX_QUERY_WORDS`).
const WORD_CONDITIONS: [&str; crate::domain::search::MAX_QUERY_WORDS] = [
    "words CONTAINS $w0",
    "words CONTAINS $w1",
    "words CONTAINS $w2",
    "words CONTAINS $w3",
    "words CONTAINS $w4",
    "words CONTAINS $w5",
    "words CONTAINS $w6",
    "words CONTAINS $w7",
];

/// For query words longer than the stored short prefixes: a stored word must start with them.
const PREFIX_CONDITIONS: [&str; crate::domain::search::MAX_QUERY_WORDS] = [
    "string::contains(search, $p0)",
    "string::contains(search, $p1)",
    "string::contains(search, $p2)",
    "string::contains(search, $p3)",
    "string::contains(search, $p4)",
    "string::contains(search, $p5)",
    "string::contains(search, $p6)",
    "string::contains(search, $p7)",
];

/// Adds the conditions of a word-prefix search (domain/search.rs) over the stored `words` and
/// `search` fields: each query word must be a prefix of a stored word; a query with no word at
/// all (only punctuation) matches nothing.
pub fn word_search(conditions: &mut Vec<&'static str>, vars: &mut Map<String, Value>, q: &str) {
    let words = crate::domain::search::query_words(q);
    if words.is_empty() {
        conditions.push(WORD_CONDITIONS[0]);
        vars.insert("w0".into(), json!(""));
    }
    for (i, word) in words.into_iter().enumerate() {
        conditions.push(WORD_CONDITIONS[i]);
        vars.insert(format!("w{i}"), json!(word.key));
        if let Some(prefix) = word.prefix {
            conditions.push(PREFIX_CONDITIONS[i]);
            vars.insert(format!("p{i}"), json!(format!(" {prefix}")));
        }
    }
}

/// Adds the conditions of equality filters stored as facets (`facets` holds `x=<value>` for
/// each reference and `x=<value>&<state>` for each joined with the record's state): the first
/// reference given, joined with `state` when given, drives the scan of `(facets, sort key)`;
/// the other references are checked on the rows it yields. `refs` are (facet, condition, name).
pub fn facet_conditions(
    conditions: &mut Vec<&'static str>,
    vars: &mut Map<String, Value>,
    state: Option<String>,
    refs: Vec<(Option<String>, &'static str, &'static str)>,
) {
    let mut lead = true;
    for (value, condition, name) in refs {
        let Some(value) = value else { continue };
        if lead {
            conditions.push("facets CONTAINS $facet");
            let facet = match &state {
                Some(s) => format!("{value}&{s}"),
                None => value,
            };
            vars.insert("facet".into(), json!(facet));
            lead = false;
        } else {
            conditions.push(condition);
            vars.insert(name.into(), json!(value));
        }
    }
    if let (Some(s), true) = (state, lead) {
        conditions.push("facets CONTAINS $facet");
        vars.insert("facet".into(), json!(s));
    }
}

/// The rows `sql` answers with `vars` bound.
async fn rows_of(db: &Db, sql: String, vars: Map<String, Value>) -> RepoResult<Vec<Value>> {
    let mut response = db.query(sql).bind(Value::Object(vars)).await?.check()?;
    Ok(response.take(0)?)
}

/// A keyset-paginated query over one table: fixed condition fragments plus bound values.
#[derive(Debug, Clone)]
pub struct ListQuery {
    /// Table (a fixed name).
    pub table: &'static str,
    /// `AND`-ed condition fragments, each a constant string.
    pub conditions: Vec<&'static str>,
    /// Values the fragments bind.
    pub vars: Map<String, Value>,
    /// Sort column: unique and indexed.
    pub sort_column: &'static str,
    /// Descending order.
    pub desc: bool,
    /// Sort key of the last row already seen.
    pub after: Option<String>,
    /// Rows wanted.
    pub limit: usize,
    /// A further condition assembled from fixed fragments and bound values (a segment's filter,
    /// repositories/segments.rs); it filters the rows the scan yields.
    pub compiled: Option<String>,
    /// Whether `conditions` hold an equality or search filter with its own index. Without one
    /// the list scans the composite (part, sort key) index, which stops after the page
    /// (schema/003_ordered_lists.surql).
    pub filtered: bool,
}

/// One page of rows and the sort key of its last row when more follow.
pub struct RowPage {
    /// The rows, in order.
    pub rows: Vec<Value>,
    /// Sort key to continue from, when there is a next page.
    pub next: Option<String>,
}

impl ListQuery {
    /// Every row of `table`, newest first (by its `(part, rkey)` index).
    pub fn newest_first(table: &'static str, after: Option<String>, limit: usize) -> Self {
        ListQuery {
            compiled: None,
            table,
            conditions: Vec::new(),
            vars: Map::new(),
            sort_column: "key",
            desc: true,
            after,
            limit,
            filtered: false,
        }
    }

    /// The same list restricted to rows whose `facets` hold `facet` (scanning the
    /// `(facets, rkey)` index), when there is one.
    pub fn with_facet(mut self, facet: Option<String>) -> Self {
        if let Some(facet) = facet {
            self.conditions.push("facets CONTAINS $facet");
            self.vars.insert("facet".into(), json!(facet));
            self.filtered = true;
        }
        self
    }

    /// The column actually scanned and its direction: descending orders scan the column's
    /// descending twin forwards when it has one.
    fn order(&self) -> (&'static str, bool) {
        match descending_column(self.sort_column) {
            Some(twin) if self.desc => (twin, false),
            _ => (self.sort_column, self.desc),
        }
    }

    fn where_clause(&self, with_cursor: bool) -> String {
        let mut conds: Vec<String> = Vec::with_capacity(self.conditions.len() + 2);
        if !self.filtered {
            conds.push("part = 0".into());
        }
        conds.extend(self.conditions.iter().map(|c| c.to_string()));
        if let Some(compiled) = &self.compiled {
            conds.push(format!("({compiled})"));
        }
        if with_cursor && self.after.is_some() {
            let (column, desc) = self.order();
            let op = if desc { "<" } else { ">" };
            conds.push(format!("{column} {op} $cursor"));
        }
        if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        }
    }

    /// ` WHERE ...` of every condition (no cursor) and the values it binds.
    pub fn filter_clause(&self) -> (String, Map<String, Value>) {
        (self.where_clause(false), self.vars.clone())
    }

    /// The page query and its variables.
    fn page_sql(&self) -> (String, Map<String, Value>) {
        let (column, desc) = self.order();
        let dir = if desc { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT {} FROM {}{} ORDER BY {column} {dir} LIMIT $limit",
            projection(self.table, Some(column)),
            self.table,
            self.where_clause(true)
        );
        let mut vars = self.vars.clone();
        vars.insert("limit".into(), json!(self.limit + 1));
        if let Some(after) = &self.after {
            vars.insert("cursor".into(), json!(after));
        }
        (sql, vars)
    }

    /// The database's plan for the page query (`EXPLAIN`), to check that it scans an index.
    pub async fn explain(&self, db: &Db) -> RepoResult<Value> {
        let (sql, vars) = self.page_sql();
        let mut response = db.query(format!("EXPLAIN {sql}")).bind(Value::Object(vars)).await?.check()?;
        let plan: Vec<Value> = response.take(0)?;
        Ok(Value::Array(plan))
    }

    /// Fetches one page (asks for one row more than wanted to know whether more follow).
    pub async fn fetch(&self, db: &Db) -> RepoResult<RowPage> {
        let (sql, vars) = self.page_sql();
        Ok(self.paged(rows_of(db, sql, vars).await?))
    }

    /// One page of the rows `visible` holds, when it is given (else [`ListQuery::fetch`]): the
    /// owner's rows by the `(owner_id, rkey)` index and the shared ones read by id, each as a
    /// page of this list, merged in the list's order. The cost follows the page and the
    /// caller's shares, not the table.
    pub async fn fetch_seen(&self, db: &Db, visible: Option<&Visible>) -> RepoResult<RowPage> {
        let Some(visible) = visible else { return self.fetch(db).await };
        let mut rows = Vec::new();
        if let Some(owned) = self.owned_by(visible) {
            let (sql, vars) = owned.page_sql();
            rows.extend(rows_of(db, sql, vars).await?);
        }
        rows.extend(self.shared_page(db, visible).await?);
        let (column, desc) = self.order();
        let sort_key = |row: &Value| row.get(column).and_then(Value::as_str).unwrap_or_default().to_string();
        rows.sort_by_cached_key(|row| sort_key(row));
        if desc {
            rows.reverse();
        }
        // The sort column is unique: a row both owned and shared is read twice, side by side.
        rows.dedup_by(|a, b| a.get("key") == b.get("key"));
        Ok(self.paged(rows))
    }

    /// The first rows of this list (one past the page) among those shared with the caller. In
    /// creation order the shares' ids are the sort keys: they are read in that order, a chunk at
    /// a time, until the page is full. In another order every shared record is read.
    async fn shared_page(&self, db: &Db, visible: &Visible) -> RepoResult<Vec<Value>> {
        let (column, desc) = self.order();
        let dir = if desc { "DESC" } else { "ASC" };
        let select = |source: &str| {
            format!("SELECT {} {source} ORDER BY {column} {dir} LIMIT $limit", projection(self.table, Some(column)))
        };
        if self.sort_column != "key" {
            let Some((source, vars)) = self.shared_source(visible, true, false) else { return Ok(Vec::new()) };
            return rows_of(db, select(&source), vars).await;
        }
        // The ids in scan order, as the scanned column holds them, past the cursor.
        let mut keyed: Vec<(String, &String)> = visible
            .shared
            .iter()
            .map(|id| (if column == "key" { id.clone() } else { descending(id) }, id))
            .filter(|(k, _)| match &self.after {
                Some(after) if desc => k < after,
                Some(after) => k > after,
                None => true,
            })
            .collect();
        keyed.sort();
        if desc {
            keyed.reverse();
        }
        let mut found = Vec::new();
        let mut chunk = self.limit + 1;
        let mut rest = keyed.as_slice();
        while !rest.is_empty() && found.len() <= self.limit {
            let (head, tail) = rest.split_at(chunk.min(rest.len()));
            rest = tail;
            let ids =
                Visible { owner: visible.owner.clone(), shared: head.iter().map(|(_, id)| (*id).clone()).collect() };
            if let Some((source, vars)) = self.shared_source(&ids, false, false) {
                found.extend(rows_of(db, select(&source), vars).await?);
            }
            chunk = (chunk * 2).min(1000);
        }
        Ok(found)
    }

    /// Fetches one page and decodes its rows, restricted to `visible` when it is given.
    pub async fn page_seen<T: serde::de::DeserializeOwned>(
        &self,
        db: &Db,
        visible: Option<&Visible>,
    ) -> RepoResult<(Vec<T>, Option<String>)> {
        let page = self.fetch_seen(db, visible).await?;
        let rows = page.rows.into_iter().map(super::decode_row).collect::<RepoResult<Vec<T>>>()?;
        Ok((rows, page.next))
    }

    /// Counts the rows `visible` holds (or every row, without it) matching the conditions.
    pub async fn count_seen(&self, db: &Db, visible: Option<&Visible>) -> RepoResult<u64> {
        let Some(visible) = visible else { return self.count(db).await };
        let mut n = 0;
        if let Some(owned) = self.owned_by(visible) {
            n += owned.count(db).await?;
        }
        if let Some((source, vars)) = self.shared_source(visible, false, true) {
            let rows = rows_of(db, format!("SELECT count() AS n {source} GROUP ALL"), vars).await?;
            n += rows.first().and_then(|r| r.get("n")).and_then(Value::as_u64).unwrap_or(0);
        }
        Ok(n)
    }

    /// The database's plan for the page of the caller's own rows (tests check it scans the
    /// owner's index).
    pub async fn explain_owned(&self, db: &Db, owner: &str) -> RepoResult<Value> {
        let visible = Visible { owner: Some(owner.to_string()), shared: Vec::new() };
        let owned = self.owned_by(&visible).unwrap_or_else(|| self.clone());
        owned.explain(db).await
    }

    /// This list restricted to the rows `visible`'s owner owns (none without an owner).
    fn owned_by(&self, visible: &Visible) -> Option<ListQuery> {
        let owner = visible.owner.as_ref()?;
        let mut owned = self.clone();
        owned.conditions.push("owner_id = $visible_owner");
        owned.vars.insert("visible_owner".into(), json!(owner));
        owned.filtered = true;
        Some(owned)
    }

    /// `FROM <the shared records> WHERE <this list's conditions>` and its values; without the
    /// owner's own rows when `not_owned` (a count adds the two parts).
    fn shared_source(
        &self,
        visible: &Visible,
        with_cursor: bool,
        not_owned: bool,
    ) -> Option<(String, Map<String, Value>)> {
        if visible.shared.is_empty() {
            return None;
        }
        let mut vars = self.vars.clone();
        vars.insert("limit".into(), json!(self.limit + 1));
        if let Some(after) = &self.after {
            vars.insert("cursor".into(), json!(after));
        }
        vars.insert("visible_ids".into(), json!(visible.shared));
        vars.insert("visible_table".into(), json!(self.table));
        let mut clause = self.where_clause(with_cursor);
        clause.push_str(if clause.is_empty() { " WHERE key != NONE" } else { " AND key != NONE" });
        if let (Some(owner), true) = (&visible.owner, not_owned) {
            clause.push_str(" AND owner_id != $visible_owner");
            vars.insert("visible_owner".into(), json!(owner));
        }
        Some((format!("FROM array::map($visible_ids, |$i| type::record($visible_table, $i)){clause}"), vars))
    }

    /// Trims rows read one past the page to the page, keeping the sort key to continue from.
    fn paged(&self, mut rows: Vec<Value>) -> RowPage {
        let (column, _) = self.order();
        let more = rows.len() > self.limit;
        rows.truncate(self.limit);
        let next = if more {
            rows.last().and_then(|r| r.get(column)).and_then(Value::as_str).map(str::to_string)
        } else {
            None
        };
        RowPage { rows, next }
    }

    /// Fetches one page and decodes its rows (their `key` becomes `id`).
    pub async fn page<T: serde::de::DeserializeOwned>(&self, db: &Db) -> RepoResult<(Vec<T>, Option<String>)> {
        let page = self.fetch(db).await?;
        let rows = page.rows.into_iter().map(super::decode_row).collect::<RepoResult<Vec<T>>>()?;
        Ok((rows, page.next))
    }

    /// Adds a time range over time-ordered keys: the key range uses the index, the `exact`
    /// fragments (`created_at >= $after`, `... < $before`) trim the edge millisecond.
    pub fn time_range(
        &mut self,
        after: Option<chrono::DateTime<chrono::Utc>>,
        before: Option<chrono::DateTime<chrono::Utc>>,
        exact: (&'static str, &'static str),
    ) {
        use crate::domain::ids::{format_ts, id_floor};
        // Newest-first lists scan `rkey`: key >= a <=> rkey <= descending(a), key < b <=> rkey > descending(b).
        let on_twin = self.order().0 == "rkey";
        let bounds = [
            (after, after.map(id_floor), ["key >= $after_key", "rkey <= $after_key"], "after", exact.0),
            (
                before,
                before.map(|b| id_floor(b + chrono::Duration::milliseconds(1))),
                ["key < $before_key", "rkey > $before_key"],
                "before",
                exact.1,
            ),
        ];
        for (at, floor, [on_key, on_twin_key], name, exact) in bounds {
            let (Some(at), Some(floor)) = (at, floor) else { continue };
            self.conditions.push(if on_twin { on_twin_key } else { on_key });
            self.vars.insert(format!("{name}_key"), json!(if on_twin { descending(&floor) } else { floor }));
            self.conditions.push(exact);
            self.vars.insert(name.into(), json!(format_ts(at)));
        }
    }

    /// Counts every row matching the conditions (ignores the cursor).
    pub async fn count(&self, db: &Db) -> RepoResult<u64> {
        let sql = format!("SELECT count() AS n FROM {}{} GROUP ALL", self.table, self.where_clause(false));
        let mut response = db.query(sql).bind(Value::Object(self.vars.clone())).await?.check()?;
        let rows: Vec<Value> = response.take(0)?;
        Ok(rows.first().and_then(|r| r.get("n")).and_then(Value::as_u64).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn descending_keys_reverse_the_order_including_prefixes() {
        let mut keys = vec!["", "a", "ab", "abc", "b", "01a2-ff", "01a3", "Z", "é", "\u{10FFFF}"];
        keys.sort();
        let mut twins: Vec<(String, &str)> = keys.iter().map(|k| (descending(k), *k)).collect();
        twins.sort();
        let reversed: Vec<&str> = twins.into_iter().map(|(_, k)| k).collect();
        keys.reverse();
        assert_eq!(reversed, keys);
    }

    proptest! {
        #[test]
        fn descending_is_order_reversing(a in ".{0,12}", b in ".{0,12}") {
            prop_assert_eq!(a.cmp(&b), descending(&b).cmp(&descending(&a)));
        }
    }
}
