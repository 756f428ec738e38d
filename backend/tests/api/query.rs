//! `POST /api/query`: one query over any object, with custom fields, company traversal, pages,
//! the index of an indexed custom field, and the same roles as every read.

use crm::domain::auth::Role;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn a_query_filters_any_object_returns_chosen_fields_and_pages() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme", "industry": "Consulting"})).await;
    let globex = app.create_company(&json!({"name": "Globex", "industry": "Retail"})).await;
    let res = app.post_json("/api/schema/deal/fields", &json!({"name": "risk", "type": "number"})).await;
    assert_eq!(res.status(), 201);
    for (name, company, stage, risk) in [
        ("A", &acme, "proposal", 1),
        ("B", &acme, "negotiation", 5),
        ("C", &globex, "proposal", 2),
        ("D", &acme, "won", 3),
    ] {
        let body = json!({"name": name, "company_id": company["id"], "stage": stage, "amount": "100", "custom": {"risk": risk}});
        assert_eq!(app.post_json("/api/deals", &body).await.status(), 201);
    }
    let query = json!({
        "object": "deals",
        "filter": {"and": [{"field": "stage", "op": "in", "value": ["proposal", "negotiation"]},
                           {"field": "company.industry", "op": "eq", "value": "Consulting"}]},
        "fields": ["name", "company.name", "custom.risk"],
        "limit": 1
    });
    let first = app.post_ok("/api/query", &query).await;
    assert_eq!(
        first["data"],
        json!([{"id": first["data"][0]["id"], "name": "B", "company.name": "Acme", "custom.risk": 5}])
    );
    let mut next = query.clone();
    next["cursor"] = first["next_cursor"].clone();
    let second = app.post_ok("/api/query", &next).await;
    assert_eq!(second["data"][0]["name"], "A");
    assert!(second["next_cursor"].is_null(), "two matches, two pages");

    // Custom fields filter too; without `fields` the whole record comes back.
    let risky = app
        .post_ok("/api/query", &json!({"object": "deal", "filter": {"field": "custom.risk", "op": "gte", "value": 3}}))
        .await;
    let names: Vec<&str> = risky["data"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["D", "B"]);
    assert_eq!(risky["data"][0]["amount"], "100.00");
    // Companies, cases and events answer the same way.
    let companies = app
        .post_ok("/api/query", &json!({"object": "company", "filter": {"field": "industry", "op": "eq", "value": "Retail"}, "fields": ["name"]}))
        .await;
    assert_eq!(companies["data"], json!([{"id": globex["id"], "name": "Globex"}]));

    // Bad requests name what is wrong; every role may read; no credentials is 401.
    let res = app.post_json("/api/query", &json!({"object": "deal", "fields": ["password", "company.nope"]})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["fields[0]", "fields[1]"]);
    let res = app
        .post_json("/api/query", &json!({"object": "event", "filter": {"field": "stage", "op": "eq", "value": "x"}}))
        .await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["filter.field"]);
    let res = app.post_json("/api/query", &json!({"object": "deal", "cursor": "garbage"})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["cursor"]);
    assert_problem(app.post_json("/api/query", &json!({"object": "invoice"})).await, 404, "not_found").await;
    let viewer = app.client_for(Role::Viewer).await;
    let res =
        viewer.post(app.url("/api/query")).json(&json!({"object": "deal", "fields": ["name"]})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["data"].as_array().unwrap().len(), 4);
    let res = app.anonymous.post(app.url("/api/query")).json(&json!({"object": "deal"})).send().await.unwrap();
    assert_eq!(res.status(), 401);
}

#[tokio::test]
async fn an_equality_on_an_indexed_custom_field_scans_its_index() {
    let app = spawn_app().await;
    let res =
        app.post_json("/api/schema/contact/fields", &json!({"name": "region", "type": "text", "indexed": true})).await;
    assert_eq!(res.status(), 201);
    for i in 0..30 {
        let region = if i % 3 == 0 { "north" } else { "south" };
        app.create_contact(&json!({"email": format!("c{i}@example.com"), "custom": {"region": region}})).await;
    }
    let mut ready = false;
    for _ in 0..100 {
        let fields = app.get_ok("/api/schema/contact/fields").await;
        if fields["items"][0]["index"]["status"] == "ready" {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(ready, "the index was built");
    let filter = json!({"and": [{"field": "custom.region", "op": "eq", "value": "north"}, {"field": "status", "op": "eq", "value": "lead"}]});
    let input = crm::domain::query::QueryInput { filter: Some(filter.clone()), limit: Some(4), ..Default::default() };
    let query = app.state.query.parse(crm::domain::custom::Object::Contact, input).await.unwrap();
    let plan = app.state.query.explain(&query).await.unwrap().to_string();
    assert!(plan.contains("cf_contact_region"), "{plan}");
    assert!(!plan.contains("TableScan") && !plan.contains("Sort"), "a forward scan that stops after the page: {plan}");
    let ids = {
        let mut ids = Vec::new();
        let mut body = json!({"object": "contact", "filter": filter, "fields": ["email", "custom.region"], "limit": 4});
        loop {
            let page = app.post_ok("/api/query", &body).await;
            for row in page["data"].as_array().unwrap() {
                assert_eq!(row["custom.region"], "north");
                ids.push(row["id"].as_str().unwrap().to_string());
            }
            match page["next_cursor"].as_str() {
                Some(c) => body["cursor"] = json!(c),
                None => break ids,
            }
        }
    };
    assert_eq!(ids.len(), 10);
    let mut sorted = ids.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ids, sorted, "newest first");
}

/// The built-in lists take `filter` and `custom.<name>=<value>` over any field, with keyset pages.
#[tokio::test]
async fn lists_filter_by_custom_fields() {
    let app = spawn_app().await;
    for (object, body) in [
        ("deal", json!({"name": "tier", "type": "text"})),
        ("deal", json!({"name": "score", "type": "number"})),
        ("contact", json!({"name": "tier", "type": "text"})),
        ("company", json!({"name": "tier", "type": "text"})),
        ("event", json!({"name": "tier", "type": "text"})),
    ] {
        assert_eq!(app.post_json(&format!("/api/schema/{object}/fields"), &body).await.status(), 201);
    }
    for (name, tier, score) in [("A", "gold", 1), ("B", "silver", 2), ("C", "gold", 3)] {
        let body = json!({"name": name, "amount": "10", "custom": {"tier": tier, "score": score}});
        assert_eq!(app.post_json("/api/deals", &body).await.status(), 201);
        let contact = json!({"email": format!("{name}@example.com"), "custom": {"tier": tier}});
        app.create_contact(&contact).await;
        app.create_company(&json!({"name": name, "custom": {"tier": tier}})).await;
        let event = json!({"name": name, "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T11:00:00Z",
            "capacity": 10, "custom": {"tier": tier}});
        assert_eq!(app.post_json("/api/events", &event).await.status(), 201);
    }
    let names = |list: &Value, key: &str| -> Vec<String> {
        list["data"].as_array().unwrap().iter().map(|d| d[key].as_str().unwrap_or_default().to_string()).collect()
    };
    assert_eq!(names(&app.get_ok("/api/deals?custom.tier=gold").await, "name"), ["C", "A"]);
    let score = "%7B%22field%22%3A%22custom.score%22%2C%22op%22%3A%22gte%22%2C%22value%22%3A2%7D";
    assert_eq!(names(&app.get_ok(&format!("/api/deals?filter={score}")).await, "name"), ["C", "B"]);
    let both = app.get_ok(&format!("/api/deals?filter={score}&custom.tier=gold&count=true&limit=1")).await;
    assert_eq!((names(&both, "name"), &both["total"]), (vec!["C".to_string()], &json!(1)));
    let first = app.get_ok("/api/deals?custom.tier=gold&limit=1").await;
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_eq!(
        names(&app.get_ok(&format!("/api/deals?custom.tier=gold&limit=1&cursor={cursor}")).await, "name"),
        ["A"]
    );
    assert_eq!(names(&app.get_ok("/api/contacts?custom.tier=silver").await, "email"), ["b@example.com"]);
    assert_eq!(names(&app.get_ok("/api/companies?custom.tier=gold").await, "name"), ["C", "A"]);
    let events = app.get_ok("/api/events?custom.tier=gold&count=true").await;
    assert_eq!((names(&events, "name"), &events["total"]), (vec!["C".to_string(), "A".to_string()], &json!(2)));
    assert_eq!(events["data"][0]["counts"]["invited"], 0, "events come with their seat counts");
    let status = "%7B%22field%22%3A%22status%22%2C%22op%22%3A%22eq%22%2C%22value%22%3A%22open%22%7D";
    assert_eq!(app.get_ok(&format!("/api/cases?filter={status}")).await["data"], json!([]));
    assert_eq!(app.get("/api/cases?custom.tier=gold").await.status(), 422, "cases have no field tier");
    let mixed = app.get("/api/deals?custom.tier=gold&stage=won").await;
    assert_eq!(error_fields(&assert_problem(mixed, 422, "validation_failed").await), ["stage"]);
    let unknown = app.get("/api/deals?custom.nope=1").await;
    assert_eq!(unknown.status(), 422);
    let export = app.get("/api/deals/export?custom.tier=gold").await;
    assert_eq!(error_fields(&assert_problem(export, 422, "validation_failed").await), ["custom.tier"]);
}
