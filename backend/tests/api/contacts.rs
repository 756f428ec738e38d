//! Contacts: create, read, update, delete, the funnel, uniqueness.

use futures::future::join_all;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn create_contact_returns_201_with_location_etag_and_stores_it_normalised() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/contacts",
            &json!({"first_name": " Ada ", "last_name": "Lovelace", "email": "  Ada@Example.COM ", "tags": ["VIP", "vip"]}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(res.headers()["etag"], "\"1\"");
    let body: Value = res.json().await.unwrap();
    assert_eq!(location, format!("/api/contacts/{}", body["id"].as_str().unwrap()));
    assert_eq!(body["email"], "ada@example.com");
    assert_eq!(body["first_name"], "Ada");
    assert_eq!(body["status"], "lead");
    assert_eq!(body["tags"], json!(["vip"]));
    assert_eq!(body["version"], 1);
    let stored = app.get_ok(&location).await;
    assert_eq!(stored, body);
    let rows = app.rows("SELECT email FROM contact").await;
    assert_eq!(rows, vec![json!({"email": "ada@example.com"})]);
}

#[tokio::test]
async fn create_contact_returns_409_when_email_is_taken_in_any_case() {
    let app = spawn_app().await;
    app.contact_with_email("sam@example.com").await;
    let res = app.post_json("/api/contacts", &json!({"email": "SAM@example.com "})).await;
    assert_problem(res, 409, "email_taken").await;
    assert_eq!(app.rows("SELECT key FROM contact").await.len(), 1);
    assert_eq!(app.rows("SELECT key FROM change_event").await.len(), 1, "no event for the failed create");
}

#[tokio::test]
async fn concurrent_creates_of_one_email_commit_exactly_once() {
    let app = spawn_app().await;
    for round in 0..3 {
        let email = format!("race{round}@example.com");
        let body = json!({"email": email});
        let results = join_all((0..12).map(|_| app.post_json("/api/contacts", &body))).await;
        let created = results.iter().filter(|r| r.status() == 201).count();
        let conflicts = results.iter().filter(|r| r.status() == 409).count();
        assert_eq!((created, conflicts), (1, 11), "round {round}");
    }
    assert_eq!(app.rows("SELECT key FROM contact").await.len(), 3);
    assert_eq!(app.rows("SELECT key FROM change_event").await.len(), 3);
}

#[tokio::test]
async fn get_contact_returns_404_for_unknown_and_malformed_ids() {
    let app = spawn_app().await;
    for id in ["01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c", "nope", "contact:1", "'%20OR%201=1", "1;DELETE%20contact"] {
        let res = app.get(&format!("/api/contacts/{id}")).await;
        assert_problem(res, 404, "not_found").await;
    }
}

#[tokio::test]
async fn patch_changes_only_given_fields_and_null_clears() {
    let app = spawn_app().await;
    let c = app.create_contact(&json!({"email": "p@example.com", "title": "CTO", "phone": "+1 555 0100"})).await;
    let path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
    let res = app.patch_json(&path, &json!({"title": "CEO", "phone": null}), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        (body["title"].clone(), body["phone"].clone(), body["version"].clone()),
        (json!("CEO"), Value::Null, json!(2))
    );
    assert_eq!(body["email"], "p@example.com");
    assert_eq!(app.get_ok(&path).await, body);
}

#[tokio::test]
async fn patch_to_a_taken_email_is_409_and_changes_nothing() {
    let app = spawn_app().await;
    app.contact_with_email("one@example.com").await;
    let two = app.contact_with_email("two@example.com").await;
    let path = format!("/api/contacts/{}", two["id"].as_str().unwrap());
    assert_problem(app.patch_json(&path, &json!({"email": "ONE@example.com"}), None).await, 409, "email_taken").await;
    assert_eq!(app.get_ok(&path).await["version"], 1);
}

#[tokio::test]
async fn status_follows_the_funnel() {
    let app = spawn_app().await;
    let cases = [
        ("lead", "mql", true),
        ("lead", "opportunity", true),
        ("sql", "mql", true),
        ("opportunity", "lead", false),
        ("customer", "churned", true),
        ("customer", "lead", false),
        ("lead", "churned", false),
        ("churned", "customer", true),
        ("churned", "sql", false),
    ];
    for (i, (from, to, allowed)) in cases.into_iter().enumerate() {
        let c = app.create_contact(&json!({"email": format!("f{i}@example.com"), "status": from})).await;
        assert_eq!(c["status"], from, "any status may be given at creation");
        let path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
        let res = app.patch_json(&path, &json!({"status": to}), None).await;
        if allowed {
            assert_eq!(res.status(), 200, "{from} -> {to}");
            assert_eq!(app.get_ok(&path).await["status"], to);
        } else {
            let p = assert_problem(res, 422, "invalid_transition").await;
            assert_eq!(error_fields(&p), vec!["status"]);
            assert_eq!(app.get_ok(&path).await["status"], from, "{from} -> {to} must not be stored");
        }
    }
}

#[tokio::test]
async fn delete_contact_returns_204_then_404() {
    let app = spawn_app().await;
    let c = app.contact_with_email("gone@example.com").await;
    let path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
    assert_eq!(app.delete(&path).await.status(), 204);
    assert_problem(app.get(&path).await, 404, "not_found").await;
    assert_problem(app.delete(&path).await, 404, "not_found").await;
    // The email is free again.
    app.contact_with_email("gone@example.com").await;
}

#[tokio::test]
async fn company_id_must_name_an_existing_company() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/contacts",
            &json!({"email": "c@example.com", "company_id": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"}),
        )
        .await;
    let p = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), vec!["company_id"]);
    assert!(app.rows("SELECT key FROM contact").await.is_empty());
}

#[tokio::test]
async fn invalid_contacts_are_422_with_each_field_named() {
    let app = spawn_app().await;
    let long = "x".repeat(101);
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "email"),
        (json!({"email": "not-an-email"}), "email"),
        (json!({"email": ""}), "email"),
        (json!({"email": "a@example.com", "status": "vip"}), "status"),
        (json!({"email": "a@example.com", "first_name": long}), "first_name"),
        (json!({"email": "a@example.com", "phone": "call me maybe"}), "phone"),
        (json!({"email": "a@example.com", "tags": [""]}), "tags[0]"),
        (json!({"email": "a@example.com", "company_id": "acme"}), "company_id"),
        (json!({"email": 42}), "email"),
        (json!({"email": "a@example.com", "tags": "vip"}), "tags"),
        (json!({"email": "a@example.com", "id": "x"}), "id"),
        (json!({"email": "a@example.com", "version": 7}), "version"),
    ];
    for (body, field) in cases {
        let res = app.post_json("/api/contacts", &body).await;
        let p = assert_problem(res, 422, "validation_failed").await;
        assert!(error_fields(&p).contains(&field.to_string()), "{body} should name {field}: {p}");
    }
    assert!(app.rows("SELECT key FROM contact").await.is_empty(), "nothing stored");
}

#[tokio::test]
async fn patch_rejects_clearing_email_and_bad_values() {
    let app = spawn_app().await;
    let c = app.contact_with_email("keep@example.com").await;
    let path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
    for (body, field) in [
        (json!({"email": null}), "email"),
        (json!({"status": null}), "status"),
        (json!({"email": "bad"}), "email"),
        (json!({"unknown": 1}), "unknown"),
    ] {
        let p = assert_problem(app.patch_json(&path, &body, None).await, 422, "validation_failed").await;
        assert_eq!(error_fields(&p), vec![field.to_string()], "{body}");
    }
    assert_eq!(app.get_ok(&path).await["version"], 1);
}

#[tokio::test]
async fn a_patch_that_changes_nothing_makes_no_new_version() {
    let app = spawn_app().await;
    let c = app.create_contact(&json!({"email": "same@example.com", "title": "CTO"})).await;
    let path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
    let res = app.patch_json(&path, &json!({"title": "CTO", "email": "SAME@example.com"}), Some("\"1\"")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"1\"");
    assert_eq!(app.get_ok(&format!("{path}/history")).await["data"].as_array().unwrap().len(), 1);
}
