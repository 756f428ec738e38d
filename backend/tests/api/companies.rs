//! Companies: CRUD, their contacts, deletion rules.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn company_crud_round_trip() {
    let app = spawn_app().await;
    let res = app
        .post_json("/api/companies", &json!({"name": "Acme", "domain": "ACME.com", "industry": "Consulting", "size": 120, "website": "https://acme.com"}))
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    let c: Value = res.json().await.unwrap();
    assert_eq!((c["domain"].clone(), c["size"].clone()), (json!("acme.com"), json!(120)));
    let res = app.patch_json(&loc, &json!({"size": "51-200", "industry": null}), Some("\"1\"")).await;
    assert_eq!(res.status(), 200);
    let c: Value = res.json().await.unwrap();
    assert_eq!(
        (c["size"].clone(), c["industry"].clone(), c["version"].clone()),
        (json!("51-200"), Value::Null, json!(2))
    );
    assert_eq!(app.get_ok(&loc).await, c);
    assert_eq!(app.get_ok("/api/companies?q=acme").await["data"][0]["id"], c["id"]);
    assert_eq!(app.delete(&loc).await.status(), 204);
    assert_problem(app.get(&loc).await, 404, "not_found").await;
    let history = app.get_ok(&format!("{loc}/history")).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "updated", "deleted"]);
}

#[tokio::test]
async fn invalid_companies_are_422() {
    let app = spawn_app().await;
    for (body, field) in [
        (json!({}), "name"),
        (json!({"name": "   "}), "name"),
        (json!({"name": "A", "domain": "not a domain"}), "domain"),
        (json!({"name": "A", "size": -5}), "size"),
        (json!({"name": "A", "size": 1e300}), "size"),
        (json!({"name": "A", "website": "has spaces in it"}), "website"),
    ] {
        let p = assert_problem(app.post_json("/api/companies", &body).await, 422, "validation_failed").await;
        assert!(error_fields(&p).contains(&field.to_string()), "{body}: {p}");
    }
    assert!(app.rows("SELECT key FROM company").await.is_empty());
}

#[tokio::test]
async fn company_contacts_lists_only_its_contacts() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let other = app.create_company(&json!({"name": "Other"})).await;
    let acme_id = acme["id"].as_str().unwrap();
    let mine = app.create_contact(&json!({"email": "a@acme.com", "company_id": acme_id})).await;
    app.create_contact(&json!({"email": "b@other.com", "company_id": other["id"]})).await;
    app.contact_with_email("c@none.com").await;
    let page = app.get_ok(&format!("/api/companies/{acme_id}/contacts")).await;
    let ids: Vec<_> = page["data"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect();
    assert_eq!(ids, vec![mine["id"].clone()]);
    assert_problem(app.get("/api/companies/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c/contacts").await, 404, "not_found")
        .await;
}

#[tokio::test]
async fn deleting_a_company_with_contacts_is_409_until_they_are_unlinked() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let path = format!("/api/companies/{}", acme["id"].as_str().unwrap());
    let c = app.create_contact(&json!({"email": "a@acme.com", "company_id": acme["id"]})).await;
    assert_problem(app.delete(&path).await, 409, "company_has_contacts").await;
    assert_eq!(app.get_ok(&path).await["version"], 1, "still there");
    let contact_path = format!("/api/contacts/{}", c["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&contact_path, &json!({"company_id": null}), None).await.status(), 200);
    assert_eq!(app.delete(&path).await.status(), 204);
    let dangling = app.rows("SELECT key FROM contact WHERE company_id != NONE").await;
    assert!(dangling.is_empty());
}
