//! The schema, applied at every start, and run-once data migrations.

use std::sync::{Arc, RwLock};

use super::Database;

/// Schema files, applied in order at every start; every statement is idempotent.
const SCHEMA: [(&str, &str); 25] = [
    ("001_core", include_str!("../../schema/001_core.surql")),
    ("002_auth", include_str!("../../schema/002_auth.surql")),
    ("003_ordered_lists", include_str!("../../schema/003_ordered_lists.surql")),
    ("004_facets", include_str!("../../schema/004_facets.surql")),
    ("005_lean_indexes", include_str!("../../schema/005_lean_indexes.surql")),
    ("006_sales", include_str!("../../schema/006_sales.surql")),
    ("007_segments", include_str!("../../schema/007_segments.surql")),
    ("008_analytics", include_str!("../../schema/008_analytics.surql")),
    ("009_imports", include_str!("../../schema/009_imports.surql")),
    ("010_changes", include_str!("../../schema/010_changes.surql")),
    ("011_duplicates", include_str!("../../schema/011_duplicates.surql")),
    ("012_campaigns", include_str!("../../schema/012_campaigns.surql")),
    ("013_consents", include_str!("../../schema/013_consents.surql")),
    ("014_deliveries", include_str!("../../schema/014_deliveries.surql")),
    ("015_webhooks", include_str!("../../schema/015_webhooks.surql")),
    ("016_notify_channels", include_str!("../../schema/016_notify_channels.surql")),
    ("017_events", include_str!("../../schema/017_events.surql")),
    ("018_landing_pages", include_str!("../../schema/018_landing_pages.surql")),
    ("019_custom", include_str!("../../schema/019_custom.surql")),
    ("020_triggers", include_str!("../../schema/020_triggers.surql")),
    ("021_views", include_str!("../../schema/021_views.surql")),
    ("022_objects", include_str!("../../schema/022_objects.surql")),
    ("023_security", include_str!("../../schema/023_security.surql")),
    ("024_owners", include_str!("../../schema/024_owners.surql")),
    ("025_owner_lists", include_str!("../../schema/025_owner_lists.surql")),
];

/// A data migration: SurrealQL, or a step computed in Rust.
enum Step {
    Query(&'static str),
    DescendingKeys,
    SearchWords,
    Facets,
    Analytics,
    ScoreKeys,
    ObjectOwnerIndexes,
}

/// What a data migration serves: requests for that feature answer 503 `migrating` until it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Every keyset list (the `part` column and the descending sort keys).
    Lists,
    /// Contact search by name and email.
    ContactSearch,
    /// Contact lists filtered by tag, or by two or more of company, status and tag.
    ContactFilters,
    /// The analytics counters of data written before they existed.
    Analytics,
    /// Contact lists sorted by engagement score.
    ScoreSort,
    /// Duplicate contacts (their match keys among the facets).
    Duplicates,
    /// A member's list of a private custom object (the owner index of its table).
    ObjectOwners,
}

/// Data migrations, each run once per database (recorded in `schema_migration`), after the schema.
const MIGRATIONS: [(&str, Feature, Step); 9] = [
    (
        "0001_backfill_part",
        Feature::Lists,
        Step::Query(include_str!("../../schema/migrations/0001_backfill_part.surql")),
    ),
    ("0002_descending_keys", Feature::Lists, Step::DescendingKeys),
    ("0003_search_words", Feature::ContactSearch, Step::SearchWords),
    ("0004_facets", Feature::ContactFilters, Step::Facets),
    // Search keys bounded per word (domain/search.rs) replace every prefix of every word.
    ("0005_search_keys", Feature::ContactSearch, Step::SearchWords),
    // Counters from the records and history already stored (writes keep them current after).
    ("0006_analytics", Feature::Analytics, Step::Analytics),
    ("0007_score_keys", Feature::ScoreSort, Step::ScoreKeys),
    // The duplicate match keys (domain/duplicates.rs `keys`) join the facets.
    ("0008_duplicate_match_keys", Feature::Duplicates, Step::Facets),
    // Custom objects defined before private lists scanned an owner's index get theirs.
    ("0009_object_owner_indexes", Feature::ObjectOwners, Step::ObjectOwnerIndexes),
];

/// Applies every schema file (fast: definitions only; any index added to a table that may be
/// large is defined `CONCURRENTLY`). Run before the server accepts requests.
pub async fn define_schema(db: &Database) -> anyhow::Result<()> {
    for (name, text) in SCHEMA {
        db.query(text).await.and_then(|r| r.check()).map_err(|e| anyhow::anyhow!("schema {name}: {e}"))?;
    }
    Ok(())
}

/// Applies the schema and runs every pending data migration now (commands and tests; the server
/// runs them in the background through [`Migrations`]).
pub async fn apply_schema(db: &Database) -> anyhow::Result<()> {
    define_schema(db).await?;
    let status = Migrations::default();
    status.run(db).await
}

/// Progress of the data migrations of this process: which are pending, which one runs and how
/// far it got. Features whose migration is not done answer 503 `migrating`.
#[derive(Clone, Default)]
pub struct Migrations {
    inner: Arc<RwLock<Progress>>,
}

#[derive(Default)]
struct Progress {
    /// Names not yet known to be done (all of them until the first check).
    pending: Vec<(&'static str, Feature)>,
    checked: bool,
    running: Option<&'static str>,
    rows: u64,
    failed: Option<String>,
}

/// A snapshot of [`Migrations`] for `/health/ready`.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct MigrationReport {
    /// Migrations not yet done, in the order they run.
    pub pending: Vec<String>,
    /// The one running now.
    pub running: Option<String>,
    /// Rows it has processed so far.
    pub rows_done: u64,
    /// Why the last run stopped, when it failed (it is retried at the next start).
    pub failed: Option<String>,
}

impl Migrations {
    /// Whether every data migration is done.
    pub fn done(&self) -> bool {
        let p = self.read();
        p.checked && p.pending.is_empty()
    }

    /// `Err(Migrating)` while a migration that `feature` needs is not done.
    pub fn require(&self, feature: Feature) -> Result<(), crate::error::AppError> {
        let p = self.read();
        let waiting = !p.checked || p.pending.iter().any(|(_, f)| *f == feature);
        if !waiting {
            return Ok(());
        }
        let what = match p.running {
            Some(name) => format!("{name}, {} rows done", p.rows),
            None => "starting".to_string(),
        };
        Err(crate::error::AppError::Migrating(what))
    }

    /// What is pending and running.
    pub fn report(&self) -> MigrationReport {
        let p = self.read();
        let pending = if p.checked {
            p.pending.iter().map(|(n, _)| n.to_string()).collect()
        } else {
            MIGRATIONS.iter().map(|(n, _, _)| n.to_string()).collect()
        };
        MigrationReport { pending, running: p.running.map(str::to_string), rows_done: p.rows, failed: p.failed.clone() }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Progress> {
        self.inner.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Progress> {
        self.inner.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs the pending migrations in order in a background task; the server serves meanwhile.
    pub fn spawn(&self, db: crate::db::Db) -> tokio::task::JoinHandle<()> {
        let this = self.clone();
        tokio::spawn(async move {
            if let Err(e) = this.run(&db).await {
                tracing::error!(error = %crate::error::redact(&e.to_string()), "data migration failed");
                this.write().failed = Some(e.to_string());
            }
        })
    }

    /// Runs the pending migrations in order, recording each when done. A migration may run twice
    /// if two processes start at once: each is idempotent.
    pub async fn run(&self, db: &Database) -> anyhow::Result<()> {
        let mut done = db
            .query("SELECT VALUE name FROM schema_migration")
            .await
            .and_then(|r| r.check())
            .map_err(|e| anyhow::anyhow!("reading migrations: {e}"))?;
        let applied: Vec<String> = done.take(0).map_err(|e| anyhow::anyhow!("reading migrations: {e}"))?;
        {
            let mut p = self.write();
            p.pending = MIGRATIONS
                .iter()
                .filter(|(name, _, _)| !applied.iter().any(|a| a == name))
                .map(|(name, feature, _)| (*name, *feature))
                .collect();
            p.checked = true;
        }
        for (name, _, step) in &MIGRATIONS {
            let name = *name;
            if applied.iter().any(|a| a == name) {
                continue;
            }
            {
                let mut p = self.write();
                p.running = Some(name);
                p.rows = 0;
            }
            let started = std::time::Instant::now();
            let result = match step {
                Step::Query(text) => db.query(*text).await.and_then(|r| r.check()).map(drop).map_err(Into::into),
                Step::DescendingKeys => backfill_descending_keys(db, self).await,
                Step::SearchWords => backfill_contact_fields(db, self, &["words", "search"]).await,
                Step::Analytics => crate::repositories::analytics::rebuild(db).await.map_err(Into::into),
                Step::ScoreKeys => {
                    async {
                        backfill_contact_fields(db, self, &["skey", "rskey"]).await?;
                        db.query(
                            "DEFINE INDEX IF NOT EXISTS contact_part_skey ON contact FIELDS part, skey CONCURRENTLY;\n\
                             DEFINE INDEX IF NOT EXISTS contact_part_rskey ON contact FIELDS part, rskey CONCURRENTLY;",
                        )
                        .await?
                        .check()?;
                        wait_for_index(db, "contact_part_skey", "contact").await?;
                        wait_for_index(db, "contact_part_rskey", "contact").await
                    }
                    .await
                }
                Step::ObjectOwnerIndexes => object_owner_indexes(db).await,
                Step::Facets => {
                    async {
                        backfill_contact_fields(db, self, &["facets"]).await?;
                        wait_for_index(db, "contact_facets_rkey", "contact").await
                    }
                    .await
                }
            };
            result.map_err(|e| anyhow::anyhow!("migration {name}: {e}"))?;
            db.query("UPSERT type::record('schema_migration', $name) CONTENT { name: $name, at: time::now() }")
                .bind(("name", name))
                .await
                .and_then(|r| r.check())
                .map_err(|e| anyhow::anyhow!("recording migration {name}: {e}"))?;
            let rows = {
                let mut p = self.write();
                p.pending.retain(|(n, _)| *n != name);
                p.running = None;
                p.rows
            };
            tracing::info!(migration = name, rows, ms = started.elapsed().as_millis() as u64, "applied");
        }
        Ok(())
    }

    fn add_rows(&self, n: usize) {
        self.write().rows += n as u64;
        metrics::counter!("crm_migration_rows_total").increment(n as u64);
    }
}

/// Gives rows written before the descending sort keys existed their `rkey`, `rukey`, `rnkey`,
/// computed from the stored `key`, `ukey`, `nkey`.
async fn backfill_descending_keys(db: &Database, progress: &Migrations) -> anyhow::Result<()> {
    use crate::repositories::records::add_descending_keys;
    let tables: [(&str, &[&str]); 3] =
        [("contact", &["key", "ukey", "nkey"]), ("company", &["key", "ukey", "nkey"]), ("timeline_entry", &["key"])];
    for (table, columns) in tables {
        backfill(db, progress, table, |row| {
            let mut row = row.clone();
            add_descending_keys(&mut row, columns);
            ["rkey", "rukey", "rnkey"].iter().filter_map(|c| row.get(*c).map(|v| (c.to_string(), v.clone()))).collect()
        })
        .await?;
    }
    Ok(())
}

/// Gives contacts the derived `fields` of the current version (`repositories::contacts::row`),
/// computed from their stored values.
async fn backfill_contact_fields(db: &Database, progress: &Migrations, fields: &[&str]) -> anyhow::Result<()> {
    backfill(db, progress, "contact", |row| {
        let mut row = row.clone();
        if let serde_json::Value::Object(map) = &mut row {
            map.remove("id");
        }
        let Ok(contact) = crate::repositories::decode_row::<crate::domain::contacts::Contact>(row) else {
            return serde_json::Map::new();
        };
        let derived = crate::repositories::contacts::row(&contact);
        fields.iter().filter_map(|f| derived.get(*f).map(|v| (f.to_string(), v.clone()))).collect()
    })
    .await
}

/// Gives the table of every custom object its `(owner_id, rkey)` index
/// (`repositories::objects::define_table` adds it to the objects defined after), built in the
/// background; done when every one is built.
async fn object_owner_indexes(db: &Database) -> anyhow::Result<()> {
    for (index, table) in crate::repositories::objects::define_owner_indexes_concurrently(db).await? {
        wait_for_index(db, &index, table).await?;
    }
    Ok(())
}

/// Waits until an index defined `CONCURRENTLY` has been built.
async fn wait_for_index(db: &Database, index: &str, table: &str) -> anyhow::Result<()> {
    loop {
        let sql = format!("INFO FOR INDEX {index} ON {table}");
        let mut res = db.query(sql).await?.check()?;
        let info: Option<serde_json::Value> = res.take(0)?;
        let status = info.as_ref().and_then(|i| i.pointer("/building/status")).and_then(serde_json::Value::as_str);
        match status {
            None | Some("ready") => return Ok(()),
            Some("error") => anyhow::bail!("building index {index}: {info:?}"),
            Some(_) => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
        }
    }
}

/// Merges `fields(row)` into every row of `table`, a thousand rows per query, in key order.
/// A row changed since it was read keeps its newer state (the write computed its own fields).
async fn backfill(
    db: &Database,
    progress: &Migrations,
    table: &str,
    fields: impl Fn(&serde_json::Value) -> serde_json::Map<String, serde_json::Value>,
) -> anyhow::Result<()> {
    use serde_json::{json, Value};
    let mut after = String::new();
    loop {
        let sql = format!("SELECT * FROM {table} WHERE part = 0 AND key > $after ORDER BY key ASC LIMIT 1000");
        let mut res = db.query(sql).bind(("after", after.clone())).await?.check()?;
        let rows: Vec<Value> = res.take(0)?;
        let Some(last) = rows.last().and_then(|r| r.get("key")).and_then(Value::as_str).map(str::to_string) else {
            return Ok(());
        };
        let patches: Vec<Value> = rows
            .iter()
            .map(|row| {
                let field = |f: &str| row.get(f).cloned().unwrap_or(Value::Null);
                json!({ "key": field("key"), "version": field("version"), "set": fields(row) })
            })
            .collect();
        let n = patches.len();
        let sql = format!(
            "FOR $p IN $patches {{ UPDATE type::record('{table}', $p.key) MERGE $p.set WHERE version = $p.version RETURN NONE; }};"
        );
        db.query(sql).bind(("patches", Value::Array(patches))).await?.check()?;
        progress.add_rows(n);
        after = last;
    }
}
