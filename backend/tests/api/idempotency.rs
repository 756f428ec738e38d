//! `Idempotency-Key` on POST.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn same_key_and_body_returns_the_first_response_once_stored() {
    let app = spawn_app().await;
    let send = |body: Value, key: &'static str| {
        let req = app.client.post(app.url("/api/contacts")).header("Idempotency-Key", key).json(&body);
        async move { req.send().await.unwrap() }
    };
    let first = send(json!({"email": "idem@example.com"}), "key-1").await;
    assert_eq!(first.status(), 201);
    let loc = first.headers()["location"].clone();
    let first_body: Value = first.json().await.unwrap();
    let again = send(json!({"email": "idem@example.com"}), "key-1").await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["location"], loc);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.json::<Value>().await.unwrap(), first_body);
    assert_eq!(app.rows("SELECT key FROM contact").await.len(), 1);
    let other = send(json!({"email": "other@example.com"}), "key-1").await;
    assert_problem(other, 422, "idempotency_key_reused").await;
    assert_eq!(app.rows("SELECT key FROM contact").await.len(), 1);
    // Without a key, the same body is a new request (and a duplicate email).
    assert_eq!(app.post_json("/api/contacts", &json!({"email": "idem@example.com"})).await.status(), 409);
}

#[tokio::test]
async fn keys_are_scoped_to_the_path() {
    let app = spawn_app().await;
    let body = json!({"name": "Acme"});
    for _ in 0..2 {
        let res =
            app.client.post(app.url("/api/companies")).header("Idempotency-Key", "k").json(&body).send().await.unwrap();
        assert_eq!(res.status(), 201);
    }
    assert_eq!(app.rows("SELECT key FROM company").await.len(), 1);
    let res = app
        .client
        .post(app.url("/api/contacts"))
        .header("Idempotency-Key", "k")
        .json(&json!({"email": "x@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "the same key on another path is another request");
}
