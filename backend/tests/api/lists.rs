//! Lists: keyset pagination, limits, sorting, every filter.

use std::collections::HashSet;

use serde_json::json;

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn pages_cover_every_contact_once_in_order() {
    let app = spawn_app().await;
    let mut created = Vec::new();
    for i in 0..7 {
        created.push(app.contact_with_email(&format!("p{i}@example.com")).await["id"].as_str().unwrap().to_string());
    }
    let newest_first = app.all_ids("/api/contacts?limit=2").await;
    let mut expected = created.clone();
    expected.reverse();
    assert_eq!(newest_first, expected, "default order is newest first");
    assert_eq!(app.all_ids("/api/contacts?limit=3&sort=created_at").await, created);
    let page = app.get_ok("/api/contacts").await;
    assert_eq!(page["data"].as_array().unwrap().len(), 7);
    assert!(page["next_cursor"].is_null());
    assert!(page.get("total").is_none(), "no count unless asked");
    assert_eq!(app.get_ok("/api/contacts?limit=2&count=true").await["total"], 7);
}

#[tokio::test]
async fn limit_beyond_500_or_below_1_is_422() {
    let app = spawn_app().await;
    for bad in ["0", "501", "-1", "abc", "99999999999999999999"] {
        let p = assert_problem(app.get(&format!("/api/contacts?limit={bad}")).await, 422, "validation_failed").await;
        assert_eq!(error_fields(&p), vec!["limit"]);
    }
    assert_eq!(app.get("/api/contacts?limit=500").await.status(), 200);
}

#[tokio::test]
async fn bad_cursor_and_sort_are_422() {
    let app = spawn_app().await;
    let p = assert_problem(app.get("/api/contacts?cursor=garbage!").await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), vec!["cursor"]);
    let p = assert_problem(app.get("/api/contacts?sort=password").await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), vec!["sort"]);
    // A cursor made for one sort cannot be used with another.
    for i in 0..3 {
        app.contact_with_email(&format!("s{i}@example.com")).await;
    }
    let page = app.get_ok("/api/contacts?limit=1&sort=name").await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let p = assert_problem(app.get(&format!("/api/contacts?cursor={cursor}")).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), vec!["cursor"]);
}

#[tokio::test]
async fn sort_by_name_and_email_both_directions() {
    let app = spawn_app().await;
    for (first, last, email) in [("Zoe", "Adams", "c@x.io"), ("Al", "Brown", "a@x.io"), ("Bo", "Adams", "b@x.io")] {
        app.create_contact(&json!({"first_name": first, "last_name": last, "email": email})).await;
    }
    let names = |page: serde_json::Value| -> Vec<String> {
        page["data"].as_array().unwrap().iter().map(|c| c["first_name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(app.get_ok("/api/contacts?sort=name").await), ["Bo", "Zoe", "Al"]);
    assert_eq!(names(app.get_ok("/api/contacts?sort=-name").await), ["Al", "Zoe", "Bo"]);
    assert_eq!(names(app.get_ok("/api/contacts?sort=email").await), ["Al", "Bo", "Zoe"]);
    assert_eq!(names(app.get_ok("/api/contacts?sort=-email&limit=1").await), ["Zoe"]);
}

#[tokio::test]
async fn filters_by_status_company_tag_search_and_dates() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let acme_id = acme["id"].as_str().unwrap();
    let a = app
        .create_contact(&json!({"first_name": "Grace", "last_name": "Hopper", "email": "grace@navy.example",
            "status": "customer", "company_id": acme_id, "tags": ["vip"]}))
        .await;
    let before_b = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let b = app.create_contact(&json!({"first_name": "Alan", "last_name": "Turing", "email": "alan@bletchley.example", "tags": ["partner"]})).await;
    let ids = |v: serde_json::Value| -> HashSet<String> {
        v["data"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
    };
    let only = |c: &serde_json::Value| HashSet::from([c["id"].as_str().unwrap().to_string()]);
    assert_eq!(ids(app.get_ok("/api/contacts?status=customer").await), only(&a));
    assert_eq!(ids(app.get_ok(&format!("/api/contacts?company_id={acme_id}")).await), only(&a));
    assert_eq!(ids(app.get_ok("/api/contacts?tag=VIP").await), only(&a));
    assert_eq!(ids(app.get_ok("/api/contacts?q=hopp").await), only(&a));
    assert_eq!(ids(app.get_ok("/api/contacts?q=Grace%20Hopper").await), only(&a));
    assert_eq!(ids(app.get_ok("/api/contacts?q=bletchley").await), only(&b));
    assert_eq!(ids(app.get_ok("/api/contacts?q=alan").await), only(&b));
    assert!(ids(app.get_ok("/api/contacts?q=nobody").await).is_empty());
    // An address, or its start, searches the email index.
    assert_eq!(ids(app.get_ok("/api/contacts?q=Grace%40Navy.example").await), only(&a));
    assert_eq!(ids(app.get_ok("/api/contacts?q=alan%40bl").await), only(&b));
    assert!(ids(app.get_ok("/api/contacts?q=grace%40bletchley.example").await).is_empty());
    assert_eq!(ids(app.get_ok("/api/contacts?q=%40navy.example").await), only(&a), "a domain still searches words");
    let enc = |s: &str| s.replace('+', "%2B").replace(':', "%3A");
    assert_eq!(ids(app.get_ok(&format!("/api/contacts?created_after={}", enc(&before_b))).await), only(&b));
    assert_eq!(ids(app.get_ok(&format!("/api/contacts?created_before={}", enc(&before_b))).await), only(&a));
    assert_eq!(ids(app.get_ok("/api/contacts?status=customer&tag=partner").await), HashSet::new());
    let p = assert_problem(app.get("/api/contacts?created_after=yesterday").await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), vec!["created_after"]);
}

#[tokio::test]
async fn filtered_pages_walk_a_larger_set_without_gaps() {
    let app = spawn_app().await;
    let mut vip = HashSet::new();
    for i in 0..30 {
        let tags = if i % 3 == 0 { json!(["vip"]) } else { json!([]) };
        let status = if i % 2 == 0 { "mql" } else { "lead" };
        let c =
            app.create_contact(&json!({"email": format!("w{i}@example.com"), "tags": tags, "status": status})).await;
        if i % 3 == 0 {
            vip.insert(c["id"].as_str().unwrap().to_string());
        }
    }
    let walked = app.all_ids("/api/contacts?tag=vip&limit=4").await;
    assert_eq!(walked.len(), vip.len());
    assert_eq!(walked.iter().cloned().collect::<HashSet<_>>(), vip);
    let mql = app.all_ids("/api/contacts?status=mql&limit=4&sort=created_at").await;
    assert_eq!(mql.len(), 15);
    let mut sorted = mql.clone();
    sorted.sort();
    assert_eq!(mql, sorted, "ascending by creation (ids are time-ordered)");
}

#[tokio::test]
async fn every_list_filter_is_backed_by_an_index() {
    let app = spawn_app().await;
    let plans = [
        "EXPLAIN SELECT * FROM contact WHERE status = 'lead' ORDER BY key DESC LIMIT 51",
        "EXPLAIN SELECT * FROM contact WHERE company_id = 'x' ORDER BY key DESC LIMIT 51",
        "EXPLAIN SELECT * FROM contact WHERE facets CONTAINS 't=vip' ORDER BY rkey ASC LIMIT 51",
        "EXPLAIN SELECT * FROM timeline_entry WHERE contact_id = 'x' ORDER BY key DESC LIMIT 51",
    ];
    for sql in plans {
        let plan = format!("{:?}", app.rows(sql).await);
        assert!(!plan.contains("TableScan") && (plan.contains("Index") || plan.contains("index")), "{sql}: {plan}");
    }
    // Lists scan a composite index forwards: single-field index scans do not stop at the LIMIT
    // and backward scans read the whole range on SurrealDB 3.3 (schema/003_ordered_lists.surql).
    let ordered = [
        ("SELECT * FROM contact WHERE part = 0 ORDER BY rkey ASC LIMIT 51", "contact_part_rkey"),
        ("SELECT * FROM contact WHERE part = 0 AND rkey > 'x' ORDER BY rkey ASC LIMIT 51", "contact_part_rkey"),
        ("SELECT * FROM contact WHERE part = 0 AND key > 'x' ORDER BY key ASC LIMIT 51", "contact_part_key"),
        (
            "SELECT * FROM contact WHERE part = 0 AND rkey <= '0' AND created_at >= '0' ORDER BY rkey ASC LIMIT 51",
            "contact_part_rkey",
        ),
        ("SELECT * FROM contact WHERE part = 0 ORDER BY nkey ASC LIMIT 51", "contact_part_nkey"),
        ("SELECT * FROM contact WHERE part = 0 ORDER BY rnkey ASC LIMIT 51", "contact_part_rnkey"),
        ("SELECT * FROM contact WHERE part = 0 ORDER BY rukey ASC LIMIT 51", "contact_part_rukey"),
        ("SELECT * FROM contact WHERE status = 'lead' ORDER BY rkey ASC LIMIT 51", "contact_status_rkey"),
        ("SELECT * FROM contact WHERE company_id = 'x' ORDER BY rkey ASC LIMIT 51", "contact_company_rkey"),
        ("SELECT * FROM contact WHERE words CONTAINS 'ada' ORDER BY rkey ASC LIMIT 51", "contact_words_rkey"),
        (
            "SELECT * FROM contact WHERE words CONTAINS 'ada' AND words CONTAINS 'lo' ORDER BY rkey ASC LIMIT 51",
            "contact_words_rkey",
        ),
        ("SELECT * FROM company WHERE part = 0 ORDER BY rkey ASC LIMIT 51", "company_part_rkey"),
        ("SELECT * FROM company WHERE part = 0 ORDER BY nkey ASC LIMIT 51", "company_part_nkey"),
        ("SELECT * FROM timeline_entry WHERE part = 0 ORDER BY rkey ASC LIMIT 51", "timeline_part_rkey"),
        ("SELECT * FROM timeline_entry WHERE contact_id = 'x' ORDER BY rkey ASC LIMIT 51", "timeline_contact_rkey"),
        ("SELECT * FROM change_event WHERE part = 0 AND key > '' ORDER BY key ASC LIMIT 51", "change_event_part_key"),
    ];
    for (sql, index) in ordered {
        let plan = format!("{:?}", app.rows(&format!("EXPLAIN {sql}")).await);
        assert!(plan.contains(index) && !plan.contains("Sort") && !plan.contains("Backward"), "{sql}: {plan}");
    }
}

#[tokio::test]
async fn rows_from_before_the_part_field_are_migrated_and_listed() {
    let app = spawn_app().await;
    let created =
        app.post_json("/api/contacts", &serde_json::json!({"email": "old@example.com", "tags": ["vip"]})).await;
    assert_eq!(created.status(), 201);
    // Make the row look like one written by an earlier version, then run the start-up again.
    app.rows("DEFINE FIELD OVERWRITE part ON contact TYPE option<int>").await;
    app.rows("UPDATE contact SET part = NONE RETURN NONE").await;
    app.rows("REMOVE FIELD part ON contact").await;
    app.rows("UPDATE contact SET rkey = NONE, rukey = NONE, rnkey = NONE, words = NONE, facets = NONE RETURN NONE")
        .await;
    app.rows("DELETE schema_migration").await;
    let listed: serde_json::Value = app.get("/api/contacts").await.json().await.unwrap();
    assert_eq!(listed["data"].as_array().unwrap().len(), 0, "an old row is invisible to the ordered list");
    crm::db::apply_schema(&app.db).await.unwrap();
    let listed: serde_json::Value = app.get("/api/contacts").await.json().await.unwrap();
    assert_eq!(listed["data"][0]["email"], "old@example.com");
    crm::db::apply_schema(&app.db).await.unwrap(); // a second start does not run it again
    let rkeys = app.rows("SELECT VALUE rkey FROM contact").await;
    assert!(rkeys[0].as_str().is_some_and(|k| k.ends_with('~')), "descending key backfilled: {rkeys:?}");
    let found: serde_json::Value = app.get("/api/contacts?q=old").await.json().await.unwrap();
    assert_eq!(found["data"][0]["email"], "old@example.com", "search words backfilled");
    let tagged: serde_json::Value = app.get("/api/contacts?tag=vip&status=lead").await.json().await.unwrap();
    assert_eq!(tagged["data"][0]["email"], "old@example.com", "filter combinations backfilled");
    let runs = app.rows("SELECT * FROM schema_migration").await;
    assert_eq!(runs.len(), 9, "each migration recorded once");
}

#[tokio::test]
async fn single_letter_search_matches_word_prefixes() {
    let app = spawn_app().await;
    let a = app.create_contact(&json!({"first_name": "Zelda", "email": "zelda@example.com"})).await;
    app.create_contact(&json!({"first_name": "Mario", "email": "mario@example.com"})).await;
    let page = app.get_ok("/api/contacts?q=z").await;
    let ids: Vec<_> = page["data"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect();
    assert_eq!(ids, vec![a["id"].clone()]);
}

#[tokio::test]
async fn every_combination_of_contact_filters_scans_an_index_forwards_and_stops() {
    use crm::domain::pagination::Sort;
    use crm::repositories::contacts::{ContactQuery, ContactRepository};
    let app = spawn_app().await;
    let repo = ContactRepository::new(app.db.clone());
    let at = chrono::Utc::now();
    let mut bad = Vec::new();
    for mask in 0u32..64 {
        let on = |bit: u32| mask & (1 << bit) != 0;
        let query = ContactQuery {
            status: on(0).then_some(crm::domain::contacts::ContactStatus::Mql),
            company_id: on(1).then(|| "01a00000-0000-7000-8000-000000000000".to_string()),
            tag: on(2).then(|| "vip".to_string()),
            q: on(3).then(|| "ada lovel".to_string()),
            created_after: on(4).then(|| at - chrono::Duration::days(30)),
            created_before: on(5).then_some(at),
        };
        for after in [None, Some("8".to_string())] {
            let plan =
                repo.explain_list(&query, Sort { field: "created_at", desc: true }, after.clone()).await.unwrap();
            let text = plan.to_string();
            let scans_index = text.contains("IndexScan") && text.contains("direction: Forward");
            if !scans_index || text.contains("TableScan") || text.contains("Sort") || text.contains("Backward") {
                bad.push(format!("{query:?} after {after:?}: {text}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} of 128 plans do not stop after the page:\n{}", bad.len(), bad.join("\n"));
}
