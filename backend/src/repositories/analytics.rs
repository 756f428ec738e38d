//! Analytics counters (domain/analytics.rs) stored in `stat` rows, one per metric, day, key and
//! shard, changed in the same transaction as the write they count; sums over a day range; and
//! the full recount from the records and their history.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::records::Statement;
use super::{decode_row, RepoResult};
use crate::db::{Database, Db};
use crate::domain::analytics::{self, Count, DayRange};

/// Rows each counter is spread over, so concurrent writes of the same day and key seldom touch
/// the same row (a collision is a retried transaction). Every count of one write goes to one
/// shard, so two writes collide only when they draw the same one.
const SHARDS: u64 = 256;

/// Rows read per page by the recount.
const PAGE: usize = 1000;

/// Applies the counts bound as `$P_counts`, each to its row: one statement, whatever their
/// number (a `FOR` loop costs a copy of the query's bound values per turn, slow beside a bulk
/// insert's thousands of rows).
const APPLY: &str =
    "INSERT INTO stat $P_counts ON DUPLICATE KEY UPDATE n += $input.n, secs += $input.secs RETURN NONE;";

/// The counts as bound values, all on one random shard: two writes then collide only when they
/// draw the same one.
pub fn bound(counts: &[Count]) -> Value {
    bound_on(counts, rand::random::<u64>() % SHARDS)
}

/// The counts as bound values, all on `shard` (of [`SHARDS`]): for writers that know they do not
/// run beside each other on the same shard (the bulk path's batches in flight).
pub fn bound_on(counts: &[Count], shard: u64) -> Value {
    let shard = shard % SHARDS;
    Value::Array(
        counts
            .iter()
            .map(|c| {
                json!({ "id": [c.metric, c.day, c.key, shard], "metric": c.metric, "day": c.day, "key": c.key,
                        "n": c.n, "secs": c.secs })
            })
            .collect(),
    )
}

/// Adds `counts` to the counters (shard 0), in transactions of a few thousand: the end of a
/// bulk write that tallied its counts (`records::Counting::Tally`).
pub async fn write_counts(db: &Database, counts: Vec<Count>) -> RepoResult<()> {
    let sql = format!("BEGIN;\n{}\nCOMMIT;", apply_counts_sql());
    for chunk in counts.chunks(5_000) {
        super::records::run_retried(db, &sql, json!({ "counts": bound_on(chunk, 0) })).await?;
    }
    Ok(())
}

/// The statement of a versioned write that applies `counts` (none when there are none).
pub fn statement(counts: &[Count]) -> Option<Statement> {
    (!counts.is_empty()).then(|| {
        let mut vars = Map::new();
        vars.insert("counts".into(), bound(counts));
        Statement { sql: APPLY, vars }
    })
}

/// The SurrealQL applying counts bound as `$counts` (inside another transaction).
pub fn apply_counts_sql() -> String {
    APPLY.replace("$P_", "$")
}

/// One summed counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sum {
    /// Day.
    pub day: String,
    /// Key.
    pub key: String,
    /// Count.
    pub n: i64,
    /// Seconds.
    pub secs: i64,
}

/// Sums and recounts of the analytics counters.
#[derive(Clone)]
pub struct AnalyticsRepository {
    db: Db,
}

impl AnalyticsRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// The sums of `metric` per day and key within `range`: a scan of the record ids from
    /// `[metric, from]` to `[metric, to~]` (ids sort by metric, day, key, shard; `~` sorts after
    /// every day's own ids).
    pub async fn sums(&self, metric: &str, range: &DayRange) -> RepoResult<Vec<Sum>> {
        let sql =
            "SELECT day, key, math::sum(n) AS n, math::sum(secs) AS secs FROM stat:[$metric, $from]..[$metric, $to] \
                   GROUP BY day, key";
        let mut res = self
            .db
            .query(sql)
            .bind(json!({
                "metric": metric,
                "from": range.from.clone().unwrap_or_default(),
                "to": format!("{}~", range.to.as_deref().unwrap_or("9999-12-31")),
            }))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|r| {
                let sum = Sum {
                    day: r["day"].as_str()?.to_string(),
                    key: r["key"].as_str()?.to_string(),
                    n: r["n"].as_i64().unwrap_or(0),
                    secs: r["secs"].as_i64().unwrap_or(0),
                };
                (sum.n != 0 || sum.secs != 0).then_some(sum)
            })
            .collect())
    }

    /// The query plan of a sum (tests assert it scans a range of record ids).
    pub async fn explain_sums(&self, metric: &str) -> RepoResult<Value> {
        let sql =
            "SELECT day, key, math::sum(n) AS n FROM stat:[$metric, $from]..[$metric, $to] GROUP BY day, key EXPLAIN";
        let mut res =
            self.db.query(sql).bind(json!({"metric": metric, "from": "", "to": "9999-12-31~"})).await?.check()?;
        let plan: Vec<Value> = res.take(0)?;
        Ok(Value::Array(plan))
    }

    /// Company names by id, for the ones a summary shows.
    pub async fn company_names(&self, ids: &[String]) -> RepoResult<BTreeMap<String, String>> {
        let mut res = self
            .db
            .query("SELECT key, name FROM company WHERE key INSIDE $ids")
            .bind(("ids", ids.to_vec()))
            .await?
            .check()?;
        let rows: Vec<Value> = res.take(0)?;
        Ok(rows
            .into_iter()
            .filter_map(|r| Some((r["key"].as_str()?.to_string(), r["name"].as_str()?.to_string())))
            .collect())
    }
}

/// What one stored row counts for, as it is when inserted: contacts by status, source, tag and
/// company; contacts' change events in the funnel; timeline entries as activity; deals by stage
/// and outcome. The recount and the bulk inserts (seed, replay) both count with this.
pub fn row_counts(table: &str, row: Value) -> RepoResult<Vec<Count>> {
    use crate::domain::contacts::Contact;
    use crate::domain::deals::Deal;
    use crate::domain::history::ChangeEvent;
    use crate::domain::timeline::TimelineEntry;
    Ok(match table {
        "contact" => {
            let c: Contact = decode_row(row)?;
            // Its funnel entry is counted from its `created` event.
            analytics::contact_change(None, Some(&c), &c.created_at)
                .into_iter()
                .filter(|c| !c.metric.starts_with("funnel"))
                .collect()
        }
        "change_event" if row["entity"] == "contact" => analytics::funnel_of_event(&decode_row::<ChangeEvent>(row)?),
        "timeline_entry" => analytics::activity([&decode_row::<TimelineEntry>(row)?]),
        "deal" => analytics::deal_change(None, Some(&decode_row::<Deal>(row)?)),
        _ => Vec::new(),
    })
}

/// Every counter recounted from the records (contacts, deals, timeline entries) and the
/// contacts' change history, a page at a time.
pub async fn recount(db: &Database) -> RepoResult<Vec<Count>> {
    let mut tally = analytics::Tally::default();
    for table in ["contact", "change_event", "timeline_entry", "deal"] {
        scan(db, table, &mut tally).await?;
    }
    Ok(tally.into_counts())
}

/// Counts every row of `table` into `tally`, a page at a time in key order.
async fn scan(db: &Database, table: &str, tally: &mut analytics::Tally) -> RepoResult<()> {
    let sql = format!("SELECT * FROM {table} WHERE part = 0 AND key > $after ORDER BY key ASC LIMIT {PAGE}");
    let mut after = String::new();
    loop {
        let mut res = db.query(sql.as_str()).bind(("after", after.clone())).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        let Some(last) = rows.last().and_then(|r| r["key"].as_str()).map(str::to_string) else {
            return Ok(());
        };
        for mut row in rows {
            if let Value::Object(map) = &mut row {
                map.remove("id");
            }
            tally.add(row_counts(table, row)?);
        }
        after = last;
    }
}

/// Replaces every counter with a recount (once, for data written before the counters existed;
/// writes made while it runs may be counted twice or not at all, so it runs only when records
/// exist: never on a new database).
pub async fn rebuild(db: &Database) -> RepoResult<()> {
    let mut res = db
        .query("SELECT VALUE key FROM contact LIMIT 1; SELECT VALUE key FROM timeline_entry LIMIT 1; SELECT VALUE key FROM deal LIMIT 1;")
        .await?
        .check()?;
    let mut empty = true;
    for i in 0..3 {
        let found: Vec<Value> = res.take(i)?;
        empty &= found.is_empty();
    }
    if empty {
        return Ok(());
    }
    let counts = recount(db).await?;
    db.query("DELETE stat").await?.check()?;
    for chunk in counts.chunks(PAGE) {
        db.query(apply_counts_sql()).bind(("counts", bound(chunk))).await?.check()?;
    }
    Ok(())
}

/// Groups folded per transaction.
const FOLD_CHUNK: usize = 100;

/// Folds the shards of every counter of a day before `before` into one row: today's counters
/// need their shards (concurrent writes), a settled day's only cost reads. Each group is summed,
/// deleted and written back as shard 0 in one transaction, so a late write to an old day (a
/// back-dated note, a deleted contact) either lands before the fold and is summed, or after it
/// and adds to the folded row. Returns the groups folded. `paced`: after each chunk of groups,
/// pause as long as it took, so that a server's fold (a delete per folded row) leaves at least
/// half of its time to requests.
pub async fn fold(db: &Database, before: &str, paced: bool) -> RepoResult<usize> {
    let mut res = db
        .query("SELECT metric, day, key, count() AS rows FROM stat WHERE day < $before GROUP BY metric, day, key")
        .bind(("before", before.to_string()))
        .await?
        .check()?;
    let rows: Vec<Value> = res.take(0)?;
    let groups: Vec<Value> = rows
        .into_iter()
        .filter(|r| r["rows"].as_u64().unwrap_or(0) > 1)
        .map(|r| {
            // The ids of one counter: from [metric, day, key] to [metric, day, key + U+0001].
            let upper = format!("{}\u{1}", r["key"].as_str().unwrap_or(""));
            json!({"metric": r["metric"], "day": r["day"], "key": r["key"], "upper": upper})
        })
        .collect();
    let sql = "BEGIN;\n\
        FOR $g IN $groups {\n\
          LET $rows = (SELECT n, secs FROM stat:[$g.metric, $g.day, $g.key]..[$g.metric, $g.day, $g.upper]);\n\
          DELETE stat:[$g.metric, $g.day, $g.key]..[$g.metric, $g.day, $g.upper] RETURN NONE;\n\
          CREATE type::record('stat', [$g.metric, $g.day, $g.key, 0]) CONTENT { metric: $g.metric, day: $g.day, \
            key: $g.key, n: math::sum($rows.n), secs: math::sum($rows.secs) } RETURN NONE;\n\
        };\n\
        COMMIT;";
    for chunk in groups.chunks(FOLD_CHUNK) {
        let started = std::time::Instant::now();
        super::records::run_retried(db, sql, json!({ "groups": chunk })).await?;
        if paced {
            tokio::time::sleep(started.elapsed()).await;
        }
    }
    Ok(groups.len())
}
