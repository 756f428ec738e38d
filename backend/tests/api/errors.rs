//! Bad input: one problem+json shape, nothing stored, nothing interpreted, no crash.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app};

async fn raw_post(app: &crate::helpers::TestApp, path: &str, content_type: &str, body: Vec<u8>) -> reqwest::Response {
    app.client.post(app.url(path)).header("content-type", content_type).body(body).send().await.unwrap()
}

#[tokio::test]
async fn malformed_bodies_get_400_413_415_and_store_nothing() {
    let app = spawn_app().await;
    let json_ct = "application/json";
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (json_ct, b"{\"email\":".to_vec(), 400, "bad_request"),
        (json_ct, b"".to_vec(), 400, "bad_request"),
        (json_ct, b"{\"email\": \"a@b.co\"} trailing".to_vec(), 400, "bad_request"),
        (json_ct, deep.into_bytes(), 422, "validation_failed"),
        (json_ct, b"{\"email\": \"\xff\xfe@example.com\"}".to_vec(), 400, "bad_request"),
        ("text/plain", b"{\"email\": \"a@b.co\"}".to_vec(), 415, "unsupported_media_type"),
        (
            json_ct,
            format!("{{\"email\": \"a@b.co\", \"title\": \"{}\"}}", "x".repeat(1_100_000)).into_bytes(),
            413,
            "payload_too_large",
        ),
        (json_ct, b"[1, 2, 3]".to_vec(), 422, "validation_failed"),
        (json_ct, b"{\"email\": \"a@b.co\", \"tags\": [1e999999]}".to_vec(), 400, "bad_request"),
        (
            json_ct,
            b"{\"email\": \"a@b.co\", \"first_name\": 123456789012345678901234567890}".to_vec(),
            422,
            "validation_failed",
        ),
    ];
    for (ct, body, status, code) in cases {
        let preview = String::from_utf8_lossy(&body[..body.len().min(40)]).to_string();
        let res = raw_post(&app, "/api/contacts", ct, body).await;
        assert_eq!(res.status().as_u16(), status, "{preview}");
        assert_problem(res, status, code).await;
    }
    assert!(app.rows("SELECT key FROM contact").await.is_empty());
    assert_eq!(app.get("/health").await.status(), 200, "still serving");
}

#[tokio::test]
async fn an_array_body_is_not_read_as_an_object() {
    // serde would fill a struct's fields from `[null, null]` in order; found by schemathesis.
    let app = spawn_app().await;
    let created =
        app.post_json("/api/contacts", &serde_json::json!({"email": "arr@example.com", "first_name": "Ann"})).await;
    assert_eq!(created.status(), 201);
    let id = created.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let res = app
        .client
        .patch(app.url(&format!("/api/contacts/{id}")))
        .header("content-type", "application/json")
        .header("If-Match", "\"1\"")
        .body("[null, null]")
        .send()
        .await
        .unwrap();
    let body = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(body["errors"][0]["field"], "body");
    let now: serde_json::Value = app.get(&format!("/api/contacts/{id}")).await.json().await.unwrap();
    assert_eq!((now["version"].as_i64(), now["first_name"].as_str()), (Some(1), Some("Ann")), "nothing changed");
}

#[tokio::test]
async fn surrealql_html_and_shell_text_is_stored_verbatim() {
    let app = spawn_app().await;
    let nasty = [
        "Robert'); DELETE contact; --",
        "$(rm -rf /) `reboot`",
        "<script>alert('x')</script>",
        "contact:⟨x⟩ WHERE 1=1; REMOVE TABLE contact;",
        "{{ template }} %s %n",
        "emoji 👋 and 中文",
    ];
    for (i, text) in nasty.iter().enumerate() {
        let c = app
            .create_contact(&json!({"email": format!("n{i}@example.com"), "first_name": text, "tags": [text]}))
            .await;
        let got = app.get_ok(&format!("/api/contacts/{}", c["id"].as_str().unwrap())).await;
        assert_eq!(got["first_name"], *text);
        assert_eq!(got["tags"][0], text.to_lowercase());
        let note = json!({"kind": "note", "body": text});
        assert_eq!(
            app.post_json(&format!("/api/contacts/{}/timeline", c["id"].as_str().unwrap()), &note).await.status(),
            201
        );
    }
    let search = app.get_ok("/api/contacts?q=DELETE%20contact").await;
    assert!(search["data"].is_array());
    assert_eq!(app.rows("SELECT key FROM contact").await.len(), nasty.len(), "nothing was executed");
    let q = app.get("/api/contacts?status=lead'%20OR%201=1").await;
    assert_problem(q, 422, "validation_failed").await;
}

#[tokio::test]
async fn problems_carry_the_trace_id_and_never_internal_text() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/api/contacts/nope")).header("x-request-id", "trace-abc").send().await.unwrap();
    let body: Value = assert_problem(res, 404, "not_found").await;
    assert_eq!(body["trace_id"], "trace-abc");
    let res = app.client.put(app.url("/api/contacts")).send().await.unwrap();
    assert_problem(res, 405, "method_not_allowed").await;
    assert_problem(app.get("/no/such/route").await, 404, "not_found").await;
}
