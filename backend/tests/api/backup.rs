//! `GET /api/admin/backup` and restoring it: every table comes back equal, history included.

use crm::db::Database;
use crm::domain::auth::Role;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app};

async fn table_rows(db: &Database, table: &str) -> Vec<Value> {
    let mut res = db.query("SELECT * FROM type::table($t) ORDER BY id").bind(("t", table.to_string())).await.unwrap();
    res.take(0).unwrap()
}

#[tokio::test]
async fn a_backup_restores_into_an_empty_database_with_every_table_equal() {
    let app = spawn_app().await;
    let company = app.create_company(&json!({"name": "Backup Partners", "domain": "backup.example"})).await;
    let contact = app
        .create_contact(&json!({"email": "restore@example.com", "company_id": company["id"], "tags": ["vip"]}))
        .await;
    let id = contact["id"].as_str().unwrap();
    assert_eq!(app.patch_json(&format!("/api/contacts/{id}"), &json!({"title": "CTO"}), None).await.status(), 200);
    let note = json!({"kind": "note", "body": "met at the fair"});
    assert_eq!(app.post_json(&format!("/api/contacts/{id}/timeline"), &note).await.status(), 201);

    let member = app.client_for(Role::Member).await;
    // Background jobs settle first: the change feed numbers the events, the duplicate scan, the
    // webhook dispatcher and the notifier read them; after that nothing changes but the jobs'
    // leases (renewed every few seconds) until something new happens.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let pending = app.rows("SELECT VALUE id FROM change_pending").await;
        let scan = app.get_ok("/api/contacts/duplicates/scan").await;
        let last = app.state.changes.last_number().await.unwrap();
        let cursors = app.rows("SELECT VALUE last FROM [webhook_feed:cursor]").await;
        let followed = cursors.len() == 1 && cursors.iter().all(|c| c.as_i64() == Some(last));
        // The notifier's look for tasks falling due has its starting place.
        let due = app.rows("SELECT VALUE last FROM [notify_feed:task_due]").await.len() == 1;
        if (pending.is_empty() && scan["status"] == "current" && followed && due)
            || std::time::Instant::now() > deadline
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_problem(member.get(app.url("/api/admin/backup")).send().await.unwrap(), 403, "forbidden").await;
    let res = app.get("/api/admin/backup").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().contains("crm-backup-"));
    let dump = res.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.surql");
    std::fs::write(&file, &dump).unwrap();

    let target = Database::connect_any("mem://").await.unwrap();
    target.use_ns_db("crm", "restored").await.unwrap();
    crm::repositories::backup::restore(&target, &file).await.unwrap();

    let tables = crm::repositories::backup::tables(&app.db).await.unwrap();
    for table in ["contact", "company", "change_event", "timeline_entry", "user", "api_key", "schema_migration"] {
        assert!(tables.iter().any(|t| t == table), "{table} is not in {tables:?}");
    }
    for table in tables.iter().filter(|t| *t != "lease") {
        let (before, after) = (table_rows(&app.db, table).await, table_rows(&target, table).await);
        assert_eq!(before, after, "table {table} differs after the restore");
    }
    let events = table_rows(&target, "change_event").await;
    assert!(events.iter().any(|e| e["entity_id"] == id && e["version"] == 2), "the history came back");

    // A database that holds anything is refused, and left as it was.
    let err = crm::repositories::backup::restore(&target, &file).await.unwrap_err();
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(table_rows(&target, "contact").await.len(), 1);
}
