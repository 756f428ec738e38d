//! Saved views: each user's own and the shared ones, checked against the object's fields like
//! a query, changed only by their owner or an admin.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, spawn_app};

#[tokio::test]
async fn views_are_personal_or_shared_checked_like_queries_and_changed_by_their_owner() {
    let app = spawn_app().await;
    let res = app.post_json("/api/schema/deal/fields", &json!({"name": "risk", "type": "number"})).await;
    assert_eq!(res.status(), 201);
    let (ann, bob) = (
        client_with(&app.user_token("ann@example.com", "member").await),
        client_with(&app.user_token("bob@example.com", "viewer").await),
    );
    let post = |client: &reqwest::Client, body: Value| client.post(app.url("/api/views")).json(&body).send();

    // Columns and filter are checked against the deal's fields, built-in, custom and company.
    let bad = json!({"object": "deal", "name": "Risky", "columns": ["name", "colour", "company.nope"],
                     "filter": {"field": "custom.risk", "op": "within_last", "value": "3d"}});
    let problem = assert_problem(post(&ann, bad).await.unwrap(), 422, "validation_failed").await;
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["columns[1]", "columns[2]", "filter.op"]);
    let problem = assert_problem(
        post(&ann, json!({"object": "ship", "name": "x", "columns": ["name"]})).await.unwrap(),
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(error_fields(&problem), ["object"]);

    let good = json!({"object": "deal", "name": "Risky", "columns": ["name", "custom.risk", "company.name"],
                      "filter": {"field": "custom.risk", "op": "gte", "value": 7}});
    let res = post(&ann, good).await.unwrap();
    assert_eq!(res.status(), 201);
    let risky: Value = res.json().await.unwrap();
    assert_eq!((risky["mine"].as_bool(), risky["shared"].as_bool()), (Some(true), Some(false)));
    let path = format!("/api/views/{}", risky["id"].as_str().unwrap());

    // A viewer keeps views of their own too; neither sees the other's until it is shared.
    let res = post(&bob, json!({"object": "contact", "name": "Mine", "columns": ["email"]})).await.unwrap();
    assert_eq!(res.status(), 201);
    let list = |client: reqwest::Client, query: &'static str| {
        let url = app.url(&format!("/api/views{query}"));
        async move { client.get(url).send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let names = |list: &Value| -> Vec<String> {
        list["items"].as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(&list(bob.clone(), "").await), ["Mine"]);
    assert_eq!(bob.get(app.url(&path)).send().await.unwrap().status(), 404);
    let res =
        ann.patch(app.url(&path)).header("if-match", "\"1\"").json(&json!({"shared": true})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(names(&list(bob.clone(), "?object=deal").await), ["Risky"]);
    let seen: Value = bob.get(app.url(&path)).send().await.unwrap().json().await.unwrap();
    assert_eq!((seen["mine"].as_bool(), seen["version"].as_i64()), (Some(false), Some(2)));

    // Only the owner (or an admin) changes or removes it.
    let res = bob.patch(app.url(&path)).json(&json!({"name": "Bob's now"})).send().await.unwrap();
    assert_problem(res, 403, "forbidden").await;
    assert_problem(bob.delete(app.url(&path)).send().await.unwrap(), 403, "forbidden").await;
    let res =
        ann.patch(app.url(&path)).json(&json!({"filter": null, "columns": ["name", "stage"]})).send().await.unwrap();
    let cleared: Value = res.json().await.unwrap();
    assert_eq!((cleared["filter"].clone(), cleared["columns"].clone()), (Value::Null, json!(["name", "stage"])));
    assert_eq!(app.patch_json(&path, &json!({"name": "Risky (admin)"}), None).await.status(), 200);
    assert_eq!(ann.delete(app.url(&path)).send().await.unwrap().status(), 204);
    assert!(names(&list(bob, "").await) == ["Mine"]);
}
