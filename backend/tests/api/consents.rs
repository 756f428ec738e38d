//! `/api/contacts/{id}/consents`: the append-only ledger and the state it gives.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn the_ledger_keeps_every_entry_and_the_latest_decides() {
    let app = spawn_app().await;
    let contact = app.contact_with_email("consenting@example.com").await;
    let path = format!("/api/contacts/{}/consents", contact["id"].as_str().unwrap());
    let granted = json!({"channel": "email", "purpose": "newsletter", "status": "granted",
        "text": "Yes, send me the monthly newsletter.", "source": "form", "ip": "203.0.113.7", "at": "2026-11-01T09:00:00Z"});
    let res = app.post_json(&path, &granted).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let first: Value = res.json().await.unwrap();
    assert_eq!((first["status"].as_str(), first["source"].as_str()), (Some("granted"), Some("form")));
    assert!(first["recorded_by"].as_str().unwrap().starts_with("api_key:"));

    let withdrawn =
        json!({"channel": "email", "purpose": "newsletter", "status": "withdrawn", "source": "unsubscribe"});
    assert_eq!(app.post_json(&path, &withdrawn).await.status(), StatusCode::CREATED);
    // A paper form typed in later but signed before: recorded, not the state.
    let older = json!({"channel": "email", "purpose": "newsletter", "status": "granted", "text": "Paper form", "at": "2026-01-01T00:00:00Z"});
    assert_eq!(app.post_json(&path, &older).await.status(), StatusCode::CREATED);
    let sms = json!({"channel": "sms", "status": "granted", "text": "Texts about my orders"});
    assert_eq!(app.post_json(&path, &sms).await.status(), StatusCode::CREATED);

    let ledger = app.get_ok(&path).await;
    assert_eq!(ledger["data"].as_array().unwrap().len(), 4);
    assert_eq!(ledger["data"][0]["channel"], "sms", "newest recorded first");
    let state: Vec<(String, String, String)> = ledger["state"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["channel"].as_str().unwrap().into(),
                c["purpose"].as_str().unwrap().into(),
                c["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        state,
        [
            ("email".into(), "newsletter".into(), "withdrawn".into()),
            ("sms".into(), "marketing".into(), "granted".into())
        ]
    );
    let page = app.get_ok(&format!("{path}?limit=3")).await;
    assert!(page["next_cursor"].is_string());
    assert_eq!(app.all_ids(&format!("{path}?limit=3")).await.len(), 4);

    let timeline = app.get_ok(&format!("/api/contacts/{}/timeline", contact["id"].as_str().unwrap())).await;
    let bodies: Vec<&str> = timeline["data"].as_array().unwrap().iter().map(|e| e["body"].as_str().unwrap()).collect();
    assert!(bodies.contains(&"Consent created: email withdrawn for newsletter"), "{bodies:?}");
}

#[tokio::test]
async fn bad_entries_are_refused() {
    let app = spawn_app().await;
    let contact = app.contact_with_email("careful@example.com").await;
    let path = format!("/api/contacts/{}/consents", contact["id"].as_str().unwrap());
    let res = app
        .post_json(&path, &json!({"channel": "fax", "status": "granted", "ip": "1.2.3", "at": "2999-01-01T00:00:00Z"}))
        .await;
    let fields = error_fields(&assert_problem(res, 422, "validation_failed").await);
    assert_eq!(fields, ["channel", "text", "ip", "at"]);
    let res = app.post_json(&path, &json!({"channel": "email", "status": "maybe"})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["status"]);
    assert_eq!(app.get_ok(&path).await["data"], json!([]), "nothing stored");
    let unknown = format!("/api/contacts/{}/consents", uuid::Uuid::now_v7());
    assert_problem(
        app.post_json(&unknown, &json!({"channel": "email", "status": "withdrawn"})).await,
        404,
        "not_found",
    )
    .await;
    assert_problem(app.get(&unknown).await, 404, "not_found").await;
}
