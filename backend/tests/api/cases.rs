//! Cases: opening, interactions, closing and reopening, the open queue, lists.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

pub async fn open_case(app: &TestApp, body: &Value) -> Value {
    let res = app.post_json("/api/cases", body).await;
    assert_eq!(res.status(), 201, "open case {body}");
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_case_takes_interactions_until_closed_then_409_until_reopened() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ada = app.create_contact(&json!({"email": "ada@acme.com", "company_id": acme["id"]})).await;
    let case = open_case(
        &app,
        &json!({"company_id": acme["id"], "contact_id": ada["id"], "subject": "Invoice 1042 is wrong",
                "description": "Billed twice", "priority": "high"}),
    )
    .await;
    assert_eq!((&case["status"], &case["priority"], &case["version"]), (&json!("open"), &json!("high"), &json!(1)));
    let base = format!("/api/cases/{}", case["id"].as_str().unwrap());
    for (kind, body) in [("call", "Rang back"), ("note", "Credit note drafted"), ("email", "Sent it")] {
        let res = app.post_json(&format!("{base}/interactions"), &json!({"kind": kind, "body": body})).await;
        assert_eq!(res.status(), 201);
    }
    let thread = app.get_ok(&format!("{base}/interactions")).await;
    let kinds: Vec<_> = thread["data"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["call", "note", "email"], "oldest first");
    let paged = app.all_ids(&format!("{base}/interactions?limit=2")).await;
    assert_eq!(paged.len(), 3);
    let closed = app.post_json(&format!("{base}/close"), &json!({"resolution": "Credit note sent"})).await;
    assert_eq!(closed.status(), 200);
    let closed: Value = closed.json().await.unwrap();
    assert_eq!((&closed["status"], &closed["resolution"]), (&json!("closed"), &json!("Credit note sent")));
    assert!(closed["closed_at"].is_string());
    assert_problem(app.post_json(&format!("{base}/close"), &json!({})).await, 409, "case_closed").await;
    assert_problem(
        app.post_json(&format!("{base}/interactions"), &json!({"kind": "call", "body": "late"})).await,
        409,
        "case_closed",
    )
    .await;
    assert_eq!(app.get_ok(&format!("{base}/interactions")).await["data"].as_array().unwrap().len(), 3);
    let reopened = app.post_json(&format!("{base}/reopen"), &json!({})).await;
    assert_eq!(reopened.status(), 200);
    assert_problem(app.post_json(&format!("{base}/reopen"), &json!({})).await, 409, "case_open").await;
    let res = app.client.post(app.url(&format!("{base}/close"))).send().await.unwrap();
    assert_eq!(res.status(), 200, "close without a body");
    let history = app.get_ok(&format!("{base}/history")).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "closed", "reopened", "closed"]);
    let timeline = app.get_ok(&format!("/api/timeline?contact_id={}", ada["id"].as_str().unwrap())).await;
    let kinds: Vec<_> = timeline["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["case", "case", "case", "email", "note", "call", "case", "change"]);
}

#[tokio::test]
async fn bad_cases_and_interactions_are_422() {
    let app = spawn_app().await;
    let missing = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    for (body, field) in [
        (json!({"subject": "S"}), "company_id"),
        (json!({"company_id": acme["id"]}), "subject"),
        (json!({"company_id": missing, "subject": "S"}), "company_id"),
        (json!({"company_id": acme["id"], "subject": "S", "contact_id": missing}), "contact_id"),
        (json!({"company_id": acme["id"], "subject": "S", "priority": "asap"}), "priority"),
    ] {
        let p = assert_problem(app.post_json("/api/cases", &body).await, 422, "validation_failed").await;
        assert!(error_fields(&p).contains(&field.to_string()), "{body}: {p}");
    }
    assert!(app.rows("SELECT key FROM support_case").await.is_empty());
    let case = open_case(&app, &json!({"company_id": acme["id"], "subject": "S"})).await;
    let base = format!("/api/cases/{}", case["id"].as_str().unwrap());
    for body in [json!({"kind": "fax", "body": "x"}), json!({"kind": "call", "body": "  "}), json!({"kind": "call"})] {
        assert_problem(app.post_json(&format!("{base}/interactions"), &body).await, 422, "validation_failed").await;
    }
    assert_problem(
        app.post_json(&format!("/api/cases/{missing}/interactions"), &json!({"kind": "call", "body": "x"})).await,
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn the_open_queue_is_oldest_first_and_lists_filter() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let beta = app.create_company(&json!({"name": "Beta"})).await;
    let first = open_case(&app, &json!({"company_id": acme["id"], "subject": "First", "priority": "low"})).await;
    let second = open_case(&app, &json!({"company_id": beta["id"], "subject": "Second", "priority": "urgent"})).await;
    let third = open_case(&app, &json!({"company_id": acme["id"], "subject": "Third", "priority": "urgent"})).await;
    app.post_json(&format!("/api/cases/{}/close", second["id"].as_str().unwrap()), &json!({})).await;
    let ids = |v: Value| -> Vec<Value> { v["data"].as_array().unwrap().iter().map(|d| d["id"].clone()).collect() };
    assert_eq!(ids(app.get_ok("/api/cases/open").await), [first["id"].clone(), third["id"].clone()]);
    let acme_q = format!("company_id={}", acme["id"].as_str().unwrap());
    assert_eq!(ids(app.get_ok(&format!("/api/cases/open?{acme_q}")).await), [first["id"].clone(), third["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/cases?status=closed").await), [second["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/cases?priority=urgent").await), [third["id"].clone(), second["id"].clone()]);
    assert_eq!(ids(app.get_ok(&format!("/api/cases?priority=urgent&{acme_q}")).await), [third["id"].clone()]);
    assert_eq!(
        ids(app.get_ok(&format!("/api/cases?{acme_q}&sort=created_at")).await),
        [first["id"].clone(), third["id"].clone()]
    );
    for bad in ["status=pending", "priority=asap", "company_id=x", "sort=subject"] {
        assert_problem(app.get(&format!("/api/cases?{bad}")).await, 422, "validation_failed").await;
    }
}

#[tokio::test]
async fn companies_with_open_deals_or_cases_cannot_be_deleted() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let company = format!("/api/companies/{}", acme["id"].as_str().unwrap());
    let deal = crate::deals::create_deal(&app, &json!({"name": "D", "company_id": acme["id"]})).await;
    assert_problem(app.delete(&company).await, 409, "company_has_open_deals").await;
    let deal_path = format!("/api/deals/{}", deal["id"].as_str().unwrap());
    app.patch_json(&deal_path, &json!({"stage": "lost", "lost_reason": "No budget"}), None).await;
    let case = open_case(&app, &json!({"company_id": acme["id"], "subject": "S"})).await;
    assert_problem(app.delete(&company).await, 409, "company_has_open_cases").await;
    app.post_json(&format!("/api/cases/{}/close", case["id"].as_str().unwrap()), &json!({})).await;
    assert_eq!(app.delete(&company).await.status(), 204);
}

#[tokio::test]
async fn deleting_a_contact_takes_it_out_of_its_deals_cases_and_tasks() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ada = app.contact_with_email("ada@acme.com").await;
    let bob = app.contact_with_email("bob@acme.com").await;
    let deal = crate::deals::create_deal(&app, &json!({"name": "D", "contact_ids": [ada["id"], bob["id"]]})).await;
    let case = open_case(&app, &json!({"company_id": acme["id"], "contact_id": ada["id"], "subject": "S"})).await;
    let task: Value =
        app.post_json("/api/tasks", &json!({"title": "T", "contact_id": ada["id"]})).await.json().await.unwrap();
    assert_eq!(app.delete(&format!("/api/contacts/{}", ada["id"].as_str().unwrap())).await.status(), 204);
    let deal = app.get_ok(&format!("/api/deals/{}", deal["id"].as_str().unwrap())).await;
    assert_eq!((&deal["contact_ids"], &deal["version"]), (&json!([bob["id"]]), &json!(2)));
    let case = app.get_ok(&format!("/api/cases/{}", case["id"].as_str().unwrap())).await;
    assert_eq!((&case["contact_id"], &case["version"]), (&Value::Null, &json!(2)));
    let task = app.get_ok(&format!("/api/tasks/{}", task["id"].as_str().unwrap())).await;
    assert_eq!(task["contact_id"], Value::Null);
    for entity in ["deal", "support_case", "task"] {
        let events = app.rows(&format!("SELECT kind FROM change_event WHERE entity = '{entity}'")).await;
        assert_eq!(events.len(), 2, "{entity}: created + unlinked");
    }
    let contact_events = app.rows("SELECT kind FROM change_event WHERE entity = 'contact' AND kind = 'deleted'").await;
    assert_eq!(contact_events.len(), 1);
}
