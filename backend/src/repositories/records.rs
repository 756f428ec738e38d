//! Versioned writes shared by every entity: the record, its change event and (for contacts)
//! its timeline entry, committed in ONE transaction with an optimistic version check.

use serde_json::{json, Map, Value};

use super::{check_tx, encode_row, RepoError, RepoResult};
use crate::db::Db;
use crate::domain::history::ChangeEvent;
use crate::domain::timeline::TimelineEntry;

/// A rule checked inside the write transaction (fixed query fragments, bound values).
#[derive(Debug, Clone)]
pub enum Guard {
    /// The company with this id must exist (else `company_not_found`).
    CompanyExists(String),
    /// No contact may reference this company (else `company_has_contacts`).
    CompanyUnreferenced(String),
}

impl Guard {
    fn fragment(&self, i: usize) -> String {
        match self {
            Guard::CompanyExists(_) => format!(
                "IF (SELECT VALUE key FROM ONLY type::record('company', $g{i})) = NONE {{ THROW 'company_not_found' }};\n"
            ),
            Guard::CompanyUnreferenced(_) => format!(
                "IF array::len(SELECT VALUE key FROM contact WHERE company_id = $g{i} LIMIT 1) > 0 {{ THROW 'company_has_contacts' }};\n"
            ),
        }
    }

    fn value(&self) -> &str {
        match self {
            Guard::CompanyExists(id) | Guard::CompanyUnreferenced(id) => id,
        }
    }
}

/// What one versioned write stores.
pub struct VersionedWrite<'a> {
    /// Table of the record.
    pub table: &'static str,
    /// Record id.
    pub id: &'a str,
    /// The new stored row (`None` deletes the record).
    pub row: Option<Value>,
    /// The version the record must have now (`None` for a create).
    pub expected: Option<i64>,
    /// The change event to append.
    pub event: &'a ChangeEvent,
    /// A timeline entry to append as well.
    pub timeline: Option<&'a TimelineEntry>,
    /// Rules checked first.
    pub guards: Vec<Guard>,
}

/// Commits a versioned write; errors say which rule stopped it.
pub async fn commit(db: &Db, write: VersionedWrite<'_>) -> RepoResult<()> {
    let mut sql = String::from("BEGIN;\n");
    let mut vars = Map::new();
    for (i, guard) in write.guards.iter().enumerate() {
        sql.push_str(&guard.fragment(i));
        vars.insert(format!("g{i}"), Value::String(guard.value().to_string()));
    }
    if let Some(expected) = write.expected {
        sql.push_str(
            "LET $cur = (SELECT version FROM ONLY type::record($tb, $id));\n\
             IF $cur = NONE { THROW 'not_found' };\n\
             IF $cur.version != $expected { THROW 'version_mismatch' };\n",
        );
        vars.insert("expected".into(), json!(expected));
    }
    sql.push_str(match (&write.row, write.expected) {
        (Some(_), None) => "CREATE type::record($tb, $id) CONTENT $rec;\n",
        (Some(_), Some(_)) => "UPDATE type::record($tb, $id) CONTENT $rec;\n",
        (None, _) => "DELETE type::record($tb, $id);\n",
    });
    sql.push_str("CREATE type::record('change_event', $eid) CONTENT $ev;\n");
    if let Some(entry) = write.timeline {
        sql.push_str("CREATE type::record('timeline_entry', $tid) CONTENT $tl;\n");
        vars.insert("tid".into(), json!(entry.id));
        vars.insert("tl".into(), super::timeline::row(entry));
    }
    sql.push_str("COMMIT;");
    vars.insert("tb".into(), json!(write.table));
    vars.insert("id".into(), json!(write.id));
    vars.insert("rec".into(), write.row.unwrap_or(Value::Null));
    vars.insert("eid".into(), json!(write.event.id));
    vars.insert("ev".into(), encode_row(write.event));
    let vars = Value::Object(vars);
    // A create has no state to re-read: when it collides with another transaction it is simply
    // run again (a duplicate then surfaces as a unique-index violation). Updates report the
    // conflict, and the service retries them on fresh state.
    let attempts = if write.expected.is_none() { 6 } else { 1 };
    let mut result = Ok(());
    for attempt in 0..attempts {
        let response = db.query(sql.as_str()).bind(vars.clone()).await?;
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

/// Reads one stored row as JSON, `None` when absent.
pub async fn get_row(db: &Db, table: &'static str, id: &str) -> RepoResult<Option<Value>> {
    let sql = format!("SELECT {} FROM ONLY type::record($tb, $id)", projection(table, None));
    let mut response = db.query(sql).bind(json!({ "tb": table, "id": id })).await?.check()?;
    let row: Option<Value> = response.take(0)?;
    Ok(row.filter(|v| !v.is_null()))
}

/// Inserts prepared rows of several tables in ONE transaction (the bulk path: seed, replay,
/// imports): one `INSERT ... RETURN NONE` per table, no per-row round trip; each row's `key`
/// becomes its record id.
pub async fn insert_rows(db: &Db, batches: Vec<(&'static str, Vec<Value>)>) -> RepoResult<()> {
    let mut sql = String::from("BEGIN;\n");
    let mut vars = Map::new();
    for (i, (table, rows)) in batches.into_iter().enumerate() {
        if rows.is_empty() {
            continue;
        }
        sql.push_str(match table {
            "contact" => "INSERT INTO contact $r",
            "company" => "INSERT INTO company $r",
            "change_event" => "INSERT INTO change_event $r",
            "timeline_entry" => "INSERT INTO timeline_entry $r",
            other => return Err(RepoError::Decode(format!("no bulk insert for {other}"))),
        });
        sql.push_str(&format!("{i} RETURN NONE;\n"));
        let rows: Vec<Value> = rows
            .into_iter()
            .map(|mut row| {
                if let Value::Object(map) = &mut row {
                    if let Some(key) = map.get("key").cloned() {
                        map.insert("id".into(), key);
                    }
                }
                row
            })
            .collect();
        vars.insert(format!("r{i}"), Value::Array(rows));
    }
    if vars.is_empty() {
        return Ok(());
    }
    sql.push_str("COMMIT;");
    let response = db.query(sql).bind(Value::Object(vars)).await?;
    check_tx(response).map(|_| ())
}

/// Fields stored only for indexes (search words, sort keys); reads leave them out, which halves
/// the cost of a page of contacts (their search words outweigh the record).
fn derived_fields(table: &str) -> &'static [&'static str] {
    match table {
        "contact" => &["words", "facets", "search", "nkey", "ukey", "rkey", "rukey", "rnkey", "part"],
        "company" => &["search", "nkey", "ukey", "rkey", "rukey", "rnkey", "part"],
        "timeline_entry" => &["rkey", "part"],
        _ => &[],
    }
}

/// `*` without the derived fields of `table`, except `keep` (a list's sort column).
fn projection(table: &str, keep: Option<&str>) -> String {
    let omit: Vec<&str> = derived_fields(table).iter().copied().filter(|f| Some(*f) != keep).collect();
    if omit.is_empty() {
        "*".to_string()
    } else {
        format!("* OMIT {}", omit.join(", "))
    }
}

/// `part` of every listed row (schema/003_ordered_lists.surql); one value until tenants exist.
pub const LIST_PART: i64 = 0;

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

/// A keyset-paginated query over one table: fixed condition fragments plus bound values.
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
        let (column, _) = self.order();
        let (sql, vars) = self.page_sql();
        let mut response = db.query(sql).bind(Value::Object(vars)).await?.check()?;
        let mut rows: Vec<Value> = response.take(0)?;
        let more = rows.len() > self.limit;
        rows.truncate(self.limit);
        let next = if more {
            rows.last().and_then(|r| r.get(column)).and_then(Value::as_str).map(str::to_string)
        } else {
            None
        };
        Ok(RowPage { rows, next })
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
