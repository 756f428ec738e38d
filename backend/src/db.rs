//! Connecting to SurrealDB (embedded or remote) and applying the schema at start-up.

use surrealdb::engine::any::Any;
use surrealdb::opt::auth::Root;
use surrealdb::Surreal;

use crate::config::DatabaseSettings;

/// The one database handle for `mem://`, `surrealkv://` and `ws://`, shared behind an `Arc`:
/// cloning a `Surreal` itself starts a new session, which costs milliseconds per request.
pub type Db = std::sync::Arc<Surreal<Any>>;

/// Schema files, applied in order at every start; every statement is idempotent.
const SCHEMA: [(&str, &str); 3] = [
    ("001_core", include_str!("../schema/001_core.surql")),
    ("002_auth", include_str!("../schema/002_auth.surql")),
    ("003_ordered_lists", include_str!("../schema/003_ordered_lists.surql")),
];

/// A data migration: SurrealQL, or a step computed in Rust.
enum Migration {
    Query(&'static str),
    DescendingKeys,
    SearchWords,
}

/// Data migrations, each run once per database (recorded in `schema_migration`), after the schema.
const MIGRATIONS: [(&str, Migration); 3] = [
    ("0001_backfill_part", Migration::Query(include_str!("../schema/migrations/0001_backfill_part.surql"))),
    ("0002_descending_keys", Migration::DescendingKeys),
    ("0003_search_words", Migration::SearchWords),
];

/// Connects, signs in for remote servers, selects namespace and database, applies the schema.
///
/// `use_ns`/`use_db` run on this handle before anything clones it: a clone copies the session.
pub async fn connect(settings: &DatabaseSettings) -> anyhow::Result<Db> {
    let url = settings.url.trim();
    if let Some(path) = url.strip_prefix("surrealkv://") {
        let dir = std::path::Path::new(path.split('?').next().unwrap_or(path));
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
    }
    let db = surrealdb::engine::any::connect(url).await?;
    let remote = url.starts_with("ws://") || url.starts_with("wss://") || url.starts_with("http");
    if remote {
        if let (Some(username), Some(password)) = (&settings.username, &settings.password) {
            db.signin(Root { username: username.clone(), password: password.clone() }).await?;
        }
    }
    db.use_ns(settings.namespace.as_str()).use_db(settings.database.as_str()).await?;
    apply_schema(&db).await?;
    Ok(std::sync::Arc::new(db))
}

/// Applies every schema file, then the data migrations not yet run (before the server accepts
/// requests). A migration may run twice if two processes start at once: each is idempotent.
pub async fn apply_schema(db: &Surreal<Any>) -> anyhow::Result<()> {
    for (name, text) in SCHEMA {
        db.query(text).await.and_then(|r| r.check()).map_err(|e| anyhow::anyhow!("schema {name}: {e}"))?;
    }
    for (name, text) in &MIGRATIONS {
        let name = *name;
        let mut done = db
            .query("SELECT VALUE name FROM type::record('schema_migration', $name)")
            .bind(("name", name))
            .await
            .and_then(|r| r.check())
            .map_err(|e| anyhow::anyhow!("reading migrations: {e}"))?;
        let applied: Vec<String> = done.take(0).map_err(|e| anyhow::anyhow!("reading migrations: {e}"))?;
        if !applied.is_empty() {
            continue;
        }
        match text {
            Migration::Query(text) => {
                db.query(*text).await.and_then(|r| r.check()).map_err(|e| anyhow::anyhow!("migration {name}: {e}"))?;
            }
            Migration::DescendingKeys => {
                backfill_descending_keys(db).await.map_err(|e| anyhow::anyhow!("migration {name}: {e}"))?
            }
            Migration::SearchWords => {
                backfill_search_words(db).await.map_err(|e| anyhow::anyhow!("migration {name}: {e}"))?
            }
        }
        db.query("UPSERT type::record('schema_migration', $name) CONTENT { name: $name, at: time::now() }")
            .bind(("name", name))
            .await
            .and_then(|r| r.check())
            .map_err(|e| anyhow::anyhow!("recording migration {name}: {e}"))?;
        tracing::info!(migration = name, "applied");
    }
    Ok(())
}

/// Gives rows written before the descending sort keys existed their `rkey`, `rukey`, `rnkey`,
/// computed from the stored `key`, `ukey`, `nkey`.
async fn backfill_descending_keys(db: &Surreal<Any>) -> anyhow::Result<()> {
    use crate::repositories::records::add_descending_keys;
    let tables: [(&str, &[&str]); 3] =
        [("contact", &["key", "ukey", "nkey"]), ("company", &["key", "ukey", "nkey"]), ("timeline_entry", &["key"])];
    for (table, columns) in tables {
        backfill(db, table, |row| {
            let mut row = row.clone();
            add_descending_keys(&mut row, columns);
            ["rkey", "rukey", "rnkey"].iter().filter_map(|c| row.get(*c).map(|v| (c.to_string(), v.clone()))).collect()
        })
        .await?;
    }
    Ok(())
}

/// Gives contacts written before word-prefix search existed their `words`.
async fn backfill_search_words(db: &Surreal<Any>) -> anyhow::Result<()> {
    backfill(db, "contact", |row| {
        let text = |f: &str| row.get(f).and_then(serde_json::Value::as_str).unwrap_or("").to_string();
        let (first, last, email) = (text("first_name"), text("last_name"), text("email"));
        let words = crate::domain::search::prefixes([first.as_str(), last.as_str(), email.as_str()]);
        [("words".to_string(), serde_json::json!(words))].into_iter().collect()
    })
    .await
}

/// Merges `fields(row)` into every row of `table`, a thousand rows per query, in key order.
async fn backfill(
    db: &Surreal<Any>,
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
            .map(|row| json!({ "key": row.get("key").cloned().unwrap_or(Value::Null), "set": fields(row) }))
            .collect();
        let sql = format!("FOR $p IN $patches {{ UPDATE type::record('{table}', $p.key) MERGE $p.set RETURN NONE; }};");
        db.query(sql).bind(("patches", Value::Array(patches))).await?.check()?;
        after = last;
    }
}
