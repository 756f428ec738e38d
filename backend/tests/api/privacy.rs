//! Personal-data rights: export everything about a contact; erase it everywhere.

use crm::domain::auth::Role;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app};

const TABLES: [&str; 18] = [
    "contact",
    "company",
    "change_event",
    "timeline_entry",
    "idempotency",
    "user",
    "api_key",
    "auth_token",
    "server_setting",
    "briefing",
    "llm_run",
    "consent",
    "outbox",
    "webhook_delivery",
    "event_invitation",
    "event_mail",
    "event_seats",
    "lp_submission",
];

async fn whole_database(app: &crate::helpers::TestApp) -> String {
    let mut dump = String::new();
    for table in TABLES {
        dump.push_str(&format!("{:?}", app.rows(&format!("SELECT * FROM {table}")).await));
    }
    dump
}

#[tokio::test]
async fn export_returns_record_timeline_and_history() {
    let app = spawn_app().await;
    let c = app.create_contact(&json!({"email": "ex@example.com", "first_name": "Ex"})).await;
    let path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
    app.patch_json(&path, &json!({"title": "CFO"}), None).await;
    app.post_json(&format!("{path}/timeline"), &json!({"kind": "note", "body": "likes tea"})).await;
    let export = app.get_ok(&format!("{path}/export")).await;
    assert_eq!(export["contact"]["title"], "CFO");
    assert_eq!(export["history"].as_array().unwrap().len(), 2);
    assert_eq!(export["timeline"].as_array().unwrap().len(), 3);
    assert!(export["exported_at"].is_string());
    assert_problem(app.get("/api/contacts/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c/export").await, 404, "not_found").await;
}

#[tokio::test]
async fn erasure_removes_the_person_from_the_whole_database_and_is_recorded() {
    let app = spawn_app().await;
    // A webhook subscription keeps a copy of every contact event it is sent.
    let hook = json!({"url": "http://127.0.0.1:9/hook", "events": ["contact.*"]});
    assert_eq!(app.post_json("/api/webhooks", &hook).await.status(), 201);
    let email = "zebulon.quux@erasure.example";
    let res = app
        .client
        .post(app.url("/api/contacts"))
        .header("Idempotency-Key", "erase-me")
        .json(&json!({"email": email, "first_name": "Zebulon", "last_name": "Quuxington", "phone": "+1 555 0199",
            "title": "Chief Zebulon Officer", "tags": ["vip"], "status": "customer"}))
        .send()
        .await
        .unwrap();
    let c: Value = res.json().await.unwrap();
    let id = c["id"].as_str().unwrap().to_string();
    let path = format!("/api/contacts/{id}");
    app.patch_json(&path, &json!({"email": "zebulon.second@erasure.example", "title": "Zebulon Emeritus"}), None).await;
    app.post_json(&format!("{path}/timeline"), &json!({"kind": "call", "body": "Zebulon asked about pricing"})).await;
    app.get_ok(&format!("{path}/briefing")).await;
    let consent = json!({"channel": "email", "status": "granted", "text": "Yes", "ip": "198.51.100.23"});
    assert_eq!(app.post_json(&format!("{path}/consents"), &consent).await.status(), 201);
    // A campaign email to the contact (the log transport), its address and name in the outbox.
    let segment = json!({"name": "VIP", "filter": {"field": "tags", "op": "contains", "value": "vip"}});
    let segment: Value = app.post_json("/api/segments", &segment).await.json().await.unwrap();
    let campaign = json!({"name": "News", "brief": "Our news.", "segment_id": segment["id"]});
    let campaign: Value = app.post_json("/api/campaigns", &campaign).await.json().await.unwrap();
    let cpath = format!("/api/campaigns/{}", campaign["id"].as_str().unwrap());
    let assets: Value =
        app.post_json(&format!("{cpath}/assets"), &json!({"kinds": ["email"]})).await.json().await.unwrap();
    let approve = format!("{cpath}/assets/{}/approve", assets["data"][0]["id"].as_str().unwrap());
    assert_eq!(app.client.post(app.url(&approve)).send().await.unwrap().status(), 200);
    assert_eq!(app.client.post(app.url(&format!("{cpath}/execute"))).send().await.unwrap().status(), 202);
    for _ in 0..100 {
        if app.get_ok(&format!("{cpath}/progress")).await["sent"] == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.get_ok(&format!("{cpath}/progress")).await["sent"], 1);
    for _ in 0..100 {
        let queued = app.rows(&format!("SELECT VALUE key FROM webhook_delivery WHERE entity_id = '{id}'")).await;
        if queued.len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Invited to an event: an invitation email queued for them.
    let starts = chrono::Utc::now() + chrono::Duration::days(9);
    let event = json!({"name": "Gala", "starts_at": starts.to_rfc3339(), "ends_at": (starts + chrono::Duration::hours(2)).to_rfc3339()});
    let event: Value = app.post_json("/api/events", &event).await.json().await.unwrap();
    app.post_ok(&format!("/api/events/{}/invite", event["id"].as_str().unwrap()), &json!({"contact_ids": [id]})).await;
    // An SMTP server's refusal names the address; the message keeps it as its error.
    app.rows(&format!(
        "UPDATE outbox SET error = 'permanent error (550): <{email}>: no such user' WHERE contact_id = '{id}' RETURN NONE"
    ))
    .await;
    app.rows(&format!(
        "UPDATE event_mail SET error = 'permanent error (550): <{email}>: no such user', status = 'failed' \
         WHERE invitation_id IN (SELECT VALUE key FROM event_invitation WHERE contact_id = '{id}') RETURN NONE"
    ))
    .await;
    assert_eq!(app.rows("SELECT * FROM event_mail WHERE error != NONE").await.len(), 1);
    // A landing page form they sent: the page they came from can name them.
    let page = json!({"title": "Gala sign-up", "slug": "gala"});
    let page: Value = app.post_json("/api/landing-pages", &page).await.json().await.unwrap();
    app.post_ok(&format!("/api/landing-pages/{}/publish", page["id"].as_str().unwrap()), &json!({})).await;
    app.rows(&format!(
        "CREATE lp_submission CONTENT {{ key: 'sub1', page_id: '{}', page_title: 'Gala', contact_id: '{id}', \
         referrer: 'https://mail.example/?to={email}', company: 'Quuxington Holdings', consented: false, version: 1, \
         created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }} RETURN NONE",
        page["id"].as_str().unwrap()
    ))
    .await;
    let before = whole_database(&app).await;
    assert!(
        app.rows("SELECT VALUE body FROM webhook_delivery")
            .await
            .iter()
            .any(|b| b.as_str().is_some_and(|b| b.contains("Quuxington"))),
        "a webhook delivery holds the person's data before the erasure"
    );
    assert!(before.contains(email) && before.contains("Zebulon"));

    let member = app.client_for(Role::Member).await;
    assert_problem(member.post(app.url(&format!("{path}/erase"))).send().await.unwrap(), 403, "forbidden").await;

    let res = app.client.post(app.url(&format!("{path}/erase"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let erased: Value = res.json().await.unwrap();
    assert_eq!(
        (erased["first_name"].clone(), erased["status"].clone(), erased["tags"].clone()),
        (Value::Null, json!("customer"), json!(["vip"]))
    );

    let after = whole_database(&app).await;
    // Lower-case too: search words and sort keys hold folded copies of the names.
    for needle in
        [email, "zebulon.second", "Zebulon", "zebulon", "Quuxington", "quuxington", "555 0199", "198.51.100.23"]
    {
        assert!(!after.contains(needle), "{needle} is still stored after erasure");
    }
    let history = app.get_ok(&format!("{path}/history")).await;
    let last = history["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "erased");
    assert!(last["actor"].as_str().unwrap().starts_with("api_key:"));
    assert!(last["at"].is_string());
    assert_eq!(app.get_ok("/api/contacts?status=customer&count=true").await["total"], 1, "counts stay");
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true).replace(':', "%3A");
    let replayed = app.get_ok(&format!("{path}?as_of={now}")).await;
    assert_eq!(replayed, app.get_ok(&path).await, "history still replays to the record");
}
