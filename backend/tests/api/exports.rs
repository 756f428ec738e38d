//! Exports: every record a list selects, as CSV or NDJSON, streamed across pages.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app, TestApp};

/// Rows of a CSV export (header first), split on CRLF; fields are simple in these tests.
async fn csv(app: &TestApp, path: &str) -> Vec<Vec<String>> {
    let res = app.get(path).await;
    assert_eq!(res.status(), 200, "{path}");
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(res.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename="));
    let text = res.text().await.unwrap();
    assert!(text.ends_with("\r\n"));
    text.trim_end_matches("\r\n").split("\r\n").map(|l| l.split(',').map(str::to_string).collect()).collect()
}

async fn ids_of_list(app: &TestApp, path: &str) -> BTreeSet<String> {
    let (mut ids, mut cursor) = (BTreeSet::new(), String::new());
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let page = app.get_ok(&format!("{path}{sep}limit=500{cursor}")).await;
        ids.extend(page["data"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return ids,
        }
    }
}

#[tokio::test]
async fn contact_exports_hold_every_contact_the_list_selects() {
    let app = spawn_app().await;
    // 1,250 contacts in bulk (their statuses and emails vary), more than one export page.
    let statuses = ["lead", "customer", "mql"];
    let contacts: Vec<_> = (0..1_250)
        .map(|i| {
            let input = crm::domain::contacts::ContactInput {
                email: Some(format!("c{:04}@example.com", (i * 7919) % 1_250)),
                status: Some(statuses[i % 3].to_string()),
                ..Default::default()
            };
            let at = chrono::Utc::now() - chrono::Duration::milliseconds(i as i64);
            let new = crm::domain::contacts::NewContact::parse(input).unwrap();
            crm::domain::contacts::Contact::create(crm::domain::ids::new_id(at), new, &crm::domain::ids::format_ts(at))
        })
        .collect();
    let origin = crm::domain::history::Origin::system("test");
    let events: Vec<_> = contacts
        .iter()
        .map(|c| {
            let id = crm::domain::ids::new_id(chrono::Utc::now());
            crm::domain::history::event_for("contact", &c.id, 1, None, Some(c), &origin, id, &c.created_at)
        })
        .collect();
    let repo = crm::repositories::contacts::ContactRepository::new(app.db.clone());
    // Small transactions: the in-memory engine's cost per row grows with a transaction's size.
    for (contacts, events) in contacts.chunks(50).zip(events.chunks(50)) {
        repo.insert_bulk(contacts, events, &[], crm::repositories::records::Counting::Shard(0)).await.unwrap();
    }
    // More rows than one export page: the stream goes on past the first 1,000.
    let rows = csv(&app, "/api/contacts/export").await;
    assert_eq!(rows[0][..3], ["id", "email", "first_name"]);
    assert!(rows[1..].iter().all(|r| r.len() == rows[0].len()), "one cell per column on every row");
    let exported: BTreeSet<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!((rows.len() - 1, exported.len()), (1_250, 1_250));
    assert_eq!(exported, ids_of_list(&app, "/api/contacts").await);

    // The list's filters apply.
    let leads = csv(&app, "/api/contacts/export?status=lead&sort=email").await;
    let lead_ids: BTreeSet<String> = leads[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(lead_ids, ids_of_list(&app, "/api/contacts?status=lead").await);
    assert!(leads[1..].iter().all(|r| r[7] == "lead"));
    let emails: Vec<&String> = leads[1..].iter().map(|r| &r[1]).collect();
    assert!(emails.windows(2).all(|w| w[0] <= w[1]), "in the list's sort order");
    // NDJSON: each line is the contact as GET answers it.
    let res = app.get("/api/contacts/export?format=ndjson&status=customer").await;
    assert_eq!(res.headers()["content-type"], "application/x-ndjson");
    let text = res.text().await.unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty());
    let first = &lines[0];
    assert_eq!(first, &app.get_ok(&format!("/api/contacts/{}", first["id"].as_str().unwrap())).await);
    // Bad parameters are 422 before any byte of an export.
    assert_problem(app.get("/api/contacts/export?format=xml").await, 422, "validation_failed").await;
    assert_problem(app.get("/api/contacts/export?status=nope").await, 422, "validation_failed").await;
}

#[tokio::test]
async fn a_segment_exports_its_members_now() {
    let app = spawn_app().await;
    let vip = app.create_contact(&json!({"email": "ada@example.com", "tags": ["vip"], "title": "CTO, \"Acme\""})).await;
    app.create_contact(&json!({"email": "bob@example.com"})).await;
    let segment = app
        .post_json(
            "/api/segments",
            &json!({"name": "VIP", "filter": {"field": "tags", "op": "contains", "value": "vip"}}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let path = format!("/api/contacts/export?segment_id={}", segment["id"].as_str().unwrap());
    let text = app.get(&path).await.text().await.unwrap();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].starts_with(&format!("{},ada@example.com,", vip["id"].as_str().unwrap())));
    assert!(lines[1].contains(",\"CTO, \"\"Acme\"\"\","), "quoted as RFC 4180 says: {}", lines[1]);
    assert_problem(app.get(&format!("{path}&status=lead")).await, 422, "validation_failed").await;
    assert_problem(
        app.get("/api/contacts/export?segment_id=01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c").await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn companies_and_deals_export_too() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme", "domain": "acme.com"})).await;
    app.create_company(&json!({"name": "Globex"})).await;
    let deal = crate::deals::create_deal(&app, &json!({"name": "Big one", "company_id": acme["id"]})).await;
    let companies = csv(&app, "/api/companies/export?q=acme").await;
    assert_eq!(companies.len(), 2);
    assert_eq!(companies[1][..3], [acme["id"].as_str().unwrap(), "Acme", "acme.com"]);
    let deals = csv(&app, "/api/deals/export").await;
    assert_eq!(deals[0][..4], ["id", "name", "company_id", "contact_ids"]);
    assert_eq!(deals[1][..3], [deal["id"].as_str().unwrap(), "Big one", acme["id"].as_str().unwrap()]);
    let text = app.get("/api/deals/export?format=ndjson").await.text().await.unwrap();
    assert_eq!(serde_json::from_str::<Value>(text.trim()).unwrap()["id"], deal["id"]);
}

#[tokio::test]
async fn an_export_reads_one_snapshot() {
    use crm::repositories::contacts::ContactRepository;
    let app = spawn_app().await;
    let ada = app.create_contact(&json!({"email": "ada@example.com"})).await;
    let snapshot = std::sync::Arc::new(app.db.snapshot().await.unwrap());
    let before = ContactRepository::new(snapshot.clone());
    // Writes after the snapshot are not in it: a new contact, a change, a deletion.
    app.create_contact(&json!({"email": "bob@example.com"})).await;
    let id = ada["id"].as_str().unwrap();
    app.patch_json(&format!("/api/contacts/{id}"), &json!({"title": "CTO"}), None).await;
    let sort = crm::domain::pagination::Sort { field: "created_at", desc: true };
    let (rows, _) = before.list(&Default::default(), sort, None, 10, None).await.unwrap();
    assert_eq!(
        rows.iter().map(|c| (c.email.as_str(), c.title.clone())).collect::<Vec<_>>(),
        [("ada@example.com", None)]
    );
    let (now, _) =
        ContactRepository::new(app.db.clone()).list(&Default::default(), sort, None, 10, None).await.unwrap();
    assert_eq!(now.len(), 2);
    // Dropping the handle ends its transaction; writes go on.
    drop((before, snapshot));
    app.create_contact(&json!({"email": "cy@example.com"})).await;
    assert_eq!(csv(&app, "/api/contacts/export").await.len(), 4);
}
