//! The embedded engine opened by `db.rs` with its own settings: the settings reach the engine,
//! and the handle serves queries. These fail first when a SurrealDB upgrade changes the
//! (unstable) way in: `Datastore::builder().with_config(..)` + `Surreal::unstable_from_datastore`.

use crm::db::Database;
use serde_json::json;

/// One transaction of about 3 MiB.
async fn write_three_mib(db: &Database) -> Result<(), String> {
    let rows: Vec<_> = (0..3000).map(|i| json!({ "n": i, "pad": "x".repeat(1000) })).collect();
    db.query("INSERT INTO blob $rows RETURN NONE")
        .bind(("rows", rows))
        .await
        .and_then(|r| r.check())
        .map(drop)
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn the_memtable_setting_reaches_the_embedded_engine() {
    let dir = tempfile::tempdir().unwrap();
    // A transaction must fit in one memtable: 1 MiB refuses 3 MiB, 16 MiB takes it.
    let small = format!("surrealkv://{}", dir.path().join("small").display());
    let db = Database::open_embedded(&small, 8, 1).await.unwrap();
    assert!(db.is_embedded_datastore());
    db.use_ns_db("t", "t").await.unwrap();
    assert!(write_three_mib(&db).await.is_err(), "a 1 MiB memtable took a 3 MiB transaction");
    db.close().await.unwrap();

    let large = format!("surrealkv://{}", dir.path().join("large").display());
    let db = Database::open_embedded(&large, 8, 16).await.unwrap();
    db.use_ns_db("t", "t").await.unwrap();
    write_three_mib(&db).await.unwrap();
    let mut res = db.query("SELECT count() AS n FROM blob GROUP ALL").await.unwrap().check().unwrap();
    let n: Option<serde_json::Value> = res.take(0).unwrap();
    assert_eq!(n.unwrap()["n"], 3000);
    db.close().await.unwrap();
}

#[tokio::test]
async fn an_embedded_database_closed_cleanly_reopens_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("surrealkv://{}", dir.path().join("crm.db").display());
    let mut settings = crm::settings_for(&url).unwrap().database;
    settings.memtable_mb = 1;
    let db = crm::db::connect(&settings).await.unwrap();
    crm::db::apply_schema(&db).await.unwrap();
    write_three_mib_in_small_commits(&db).await;
    db.close().await.unwrap();
    drop(db);
    let db = crm::db::connect(&settings).await.unwrap();
    let mut res = db.query("SELECT count() AS n FROM blob GROUP ALL").await.unwrap().check().unwrap();
    let n: Option<serde_json::Value> = res.take(0).unwrap();
    assert_eq!(n.unwrap()["n"], 300);
}

/// 300 commits of 10 KiB: three memtable rotations with a 1 MiB memtable.
async fn write_three_mib_in_small_commits(db: &Database) {
    for i in 0..300 {
        db.query("CREATE blob CONTENT { n: $n, pad: $pad } RETURN NONE")
            .bind(json!({ "n": i, "pad": "y".repeat(10_000) }))
            .await
            .unwrap()
            .check()
            .unwrap();
    }
}

/// The engine crates built are the vendored ones with our fixes (docs/surrealkv-rotation-fix.md,
/// docs/surrealdb-datastore-cache-fix.md): an upgrade that leaves a `[patch.crates-io]` entry
/// unused (cargo only warns) would silently build the published crate instead.
#[test]
fn the_vendored_engine_fixes_are_the_crates_built() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap();
    for name in ["surrealkv", "surrealdb-datastore"] {
        let packages: Vec<&str> =
            lock.split("[[package]]").filter(|p| p.contains(&format!("\nname = \"{name}\"\n"))).collect();
        assert_eq!(packages.len(), 1, "{name}: one version in Cargo.lock");
        assert!(!packages[0].contains("source = "), "{name} is built from crates.io, not vendor/: {}", packages[0]);
    }
}

/// Reads see a table's field definitions as they are now: the compiled definitions are shared
/// between read transactions by the table's fields stamp (docs/surrealdb-datastore-cache-fix.md),
/// so every DEFINE, ALTER and REMOVE FIELD must be seen by the next read, and a transaction that
/// changes a field sees its own change.
#[tokio::test]
async fn reads_see_every_change_to_a_tables_fields() {
    let db = Database::open_embedded("mem://", 8, 16).await.unwrap();
    db.use_ns_db("t", "t").await.unwrap();
    /// `shown` of the first row the statement `at` of `sql` answers.
    async fn shown_at(db: &Database, sql: &str, at: usize) -> serde_json::Value {
        let mut res = db.query(sql).await.unwrap().check().unwrap();
        let rows: Vec<serde_json::Value> = res.take(at).unwrap();
        rows.first().map(|r| r["shown"].clone()).unwrap_or_default()
    }
    async fn shown(db: &Database, sql: &str) -> serde_json::Value {
        shown_at(db, sql, 0).await
    }
    const READ: &str = "SELECT shown FROM probe:1";
    db.query("DEFINE TABLE probe SCHEMALESS; DEFINE FIELD shown ON probe COMPUTED 'one'; CREATE probe:1")
        .await
        .unwrap()
        .check()
        .unwrap();
    for _ in 0..3 {
        assert_eq!(shown(&db, READ).await, "one");
    }
    db.query("DEFINE FIELD OVERWRITE shown ON probe COMPUTED 'two'").await.unwrap().check().unwrap();
    assert_eq!(shown(&db, READ).await, "two");
    assert_eq!(shown(&db, READ).await, "two");
    // A writing transaction reads its own definition, before and after it commits.
    let inside = "BEGIN; DEFINE FIELD OVERWRITE shown ON probe COMPUTED 'three'; SELECT shown FROM probe:1; COMMIT";
    assert_eq!(shown_at(&db, inside, 2).await, "three");
    assert_eq!(shown(&db, READ).await, "three");
    // One that is cancelled leaves the committed definition in force.
    let cancelled = "BEGIN; DEFINE FIELD OVERWRITE shown ON probe COMPUTED 'four'; CANCEL";
    let _ = db.query(cancelled).await.unwrap();
    assert_eq!(shown(&db, READ).await, "three");
    db.query("REMOVE FIELD shown ON probe").await.unwrap().check().unwrap();
    assert_eq!(shown(&db, READ).await, serde_json::Value::Null);
    db.query("DEFINE FIELD shown ON probe COMPUTED 'five'").await.unwrap().check().unwrap();
    assert_eq!(shown(&db, READ).await, "five");
}
