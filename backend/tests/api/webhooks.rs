//! Outgoing webhooks: subscribe, receive signed deliveries of change events, retries to dead,
//! redelivery, the delivery log, and targets on private addresses refused.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, header, receiver, spawn_app_with, TestApp};

async fn wait_until<F: Fn(&Value) -> bool>(app: &TestApp, path: &str, done: F) -> Value {
    for _ in 0..200 {
        let page = app.get_ok(path).await;
        if done(&page) {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{path} never got there: {}", app.get_ok(path).await);
}

#[tokio::test]
async fn subscribers_get_signed_deliveries_retried_to_dead_and_redelivered() {
    let app = spawn_app_with(|s| {
        s.webhooks.allow_private_targets = true;
        s.webhooks.max_attempts = 2;
        s.webhooks.retry_base_secs = 0;
    })
    .await;
    let status = Arc::new(Mutex::new(200u16));
    let (url, received) = receiver(status.clone()).await;
    let res = app.post_json("/api/webhooks", &json!({"url": url, "events": ["contact.created", "deal.*"]})).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let hook: Value = res.json().await.unwrap();
    let secret = hook["secret"].as_str().unwrap().to_string();
    let id = hook["id"].as_str().unwrap().to_string();
    let listed = app.get_ok("/api/webhooks").await;
    assert!(listed["data"][0].get("secret").is_none(), "the secret is shown once");
    assert!(app.get_ok(&format!("/api/webhooks/{id}")).await.get("secret").is_none());

    let contact = app.create_contact(&json!({"email": "hooked@example.com", "first_name": "Hook"})).await;
    let cid = contact["id"].as_str().unwrap();
    app.patch_json(&format!("/api/contacts/{cid}"), &json!({"title": "CTO"}), None).await;
    let deliveries = format!("/api/webhooks/{id}/deliveries");
    let page = wait_until(&app, &deliveries, |p| p["data"][0]["status"] == "delivered").await;
    assert_eq!(page["data"].as_array().unwrap().len(), 1, "contact.updated is not subscribed: {page}");
    let (headers, body) = received.lock().unwrap()[0].clone();
    let event: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((event["event"].as_str(), event["entity_id"].as_str()), (Some("contact.created"), Some(cid)));
    assert_eq!(header(&headers, "x-crm-event"), "contact.created");
    let signature = header(&headers, "x-crm-signature");
    let now = chrono::Utc::now().timestamp();
    assert!(crm::domain::signature::verify(secret.as_bytes(), signature, body.as_bytes(), now), "{signature}");
    assert!(!crm::domain::signature::verify(b"other", signature, body.as_bytes(), now));

    // A target failing: retried, then dead with the status it answered; redelivered once it works.
    *status.lock().unwrap() = 500;
    let deal = app.post_json("/api/deals", &json!({"name": "Hooked deal", "amount": "100.00"})).await;
    assert_eq!(deal.status(), StatusCode::CREATED);
    let page = wait_until(&app, &deliveries, |p| p["data"][0]["status"] == "dead").await;
    let dead = &page["data"][0];
    assert_eq!(
        (dead["event"].as_str(), dead["attempts"].as_u64(), dead["response_status"].as_u64()),
        (Some("deal.created"), Some(2), Some(500))
    );
    *status.lock().unwrap() = 204;
    let res = app
        .client
        .post(app.url(&format!("{deliveries}/{}/redeliver", dead["id"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let page = wait_until(&app, &deliveries, |p| p["data"][0]["status"] == "delivered").await;
    assert_eq!(page["data"][0]["response_status"], 204);
    let page1 = app.get_ok(&format!("{deliveries}?limit=1")).await;
    let page2 = app.get_ok(&format!("{deliveries}?limit=1&cursor={}", page1["next_cursor"].as_str().unwrap())).await;
    assert_eq!(page2["data"][0]["event"], "contact.created", "newest first");

    let bogus = uuid::Uuid::now_v7();
    assert_problem(
        app.client.post(app.url(&format!("{deliveries}/{bogus}/redeliver"))).send().await.unwrap(),
        404,
        "not_found",
    )
    .await;
    let member = app.client_for(crm::domain::auth::Role::Member).await;
    assert_problem(member.get(app.url("/api/webhooks")).send().await.unwrap(), 403, "forbidden").await;
    let res = app.post_json("/api/webhooks", &json!({"url": "ftp://x", "events": ["user.created"]})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["url", "events[0]"]);
    assert_eq!(app.delete(&format!("/api/webhooks/{id}")).await.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&format!("/api/webhooks/{id}")).await, 404, "not_found").await;
}

#[tokio::test]
async fn a_target_on_a_private_address_is_refused_at_delivery() {
    let app = spawn_app_with(|s| s.webhooks.max_attempts = 3).await;
    let status = Arc::new(Mutex::new(200u16));
    let (url, received) = receiver(status).await;
    // `localhost` resolves to loopback: checked after DNS, refused without a retry.
    let named = url.replace("127.0.0.1", "localhost");
    for target in [url, named] {
        let res = app.post_json("/api/webhooks", &json!({"url": target, "events": ["contact.*"]})).await;
        assert_eq!(res.status(), StatusCode::CREATED);
    }
    app.create_contact(&json!({"email": "ssrf@example.com"})).await;
    for hook in app.get_ok("/api/webhooks").await["data"].as_array().unwrap() {
        let path = format!("/api/webhooks/{}/deliveries", hook["id"].as_str().unwrap());
        let page = wait_until(&app, &path, |p| p["data"][0]["status"] == "dead").await;
        let error = page["data"][0]["error"].as_str().unwrap();
        assert!(error.starts_with("refused:") && error.contains("loopback"), "{error}");
        assert_eq!(page["data"][0]["attempts"], 1, "a refused target is not retried");
    }
    assert!(received.lock().unwrap().is_empty(), "nothing reached the loopback receiver");
}
