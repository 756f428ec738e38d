//! History: events written with every change, as_of, optimistic concurrency.

use futures::future::join_all;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app};

async fn contact_path(app: &crate::helpers::TestApp, email: &str) -> String {
    let c = app.contact_with_email(email).await;
    format!("/api/contacts/{}", c["id"].as_str().unwrap())
}

#[tokio::test]
async fn every_change_writes_one_event_and_history_survives_delete() {
    let app = spawn_app().await;
    let path = contact_path(&app, "h@example.com").await;
    app.patch_json(&path, &json!({"title": "CTO"}), None).await;
    app.patch_json(&path, &json!({"title": "CEO", "status": "mql"}), None).await;
    assert_eq!(app.delete(&path).await.status(), 204);
    let history = app.get_ok(&format!("{path}/history")).await;
    let events = history["data"].as_array().unwrap();
    let versions: Vec<_> = events.iter().map(|e| e["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, [1, 2, 3, 4]);
    let kinds: Vec<_> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "updated", "updated", "deleted"]);
    assert_eq!(events[1]["changes"], json!({"title": {"old": null, "new": "CTO"}}));
    assert_eq!(events[2]["changes"]["status"], json!({"old": "lead", "new": "mql"}));
    assert_eq!(events[3]["changes"]["email"], json!({"old": "h@example.com", "new": null}));
    for e in events {
        for field in ["entity", "entity_id", "actor", "source", "trace_id", "at"] {
            assert!(e[field].is_string(), "{field} in {e}");
        }
        assert_eq!(e["entity"], "contact");
    }
    let stored = app.rows("SELECT version FROM change_event ORDER BY version").await;
    assert_eq!(stored.len(), 4);
}

#[tokio::test]
async fn history_pages_oldest_first() {
    let app = spawn_app().await;
    let path = contact_path(&app, "pages@example.com").await;
    for i in 0..4 {
        app.patch_json(&path, &json!({"title": format!("T{i}")}), None).await;
    }
    let first = app.get_ok(&format!("{path}/history?limit=2")).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app.get_ok(&format!("{path}/history?limit=2&cursor={cursor}")).await;
    let v = |p: &Value| -> Vec<i64> {
        p["data"].as_array().unwrap().iter().map(|e| e["version"].as_i64().unwrap()).collect()
    };
    assert_eq!((v(&first), v(&second)), (vec![1, 2], vec![3, 4]));
    assert_problem(app.get("/api/contacts/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c/history").await, 404, "not_found").await;
}

#[tokio::test]
async fn trace_id_and_actor_are_recorded() {
    let app = spawn_app().await;
    let res = app
        .client
        .post(app.url("/api/contacts"))
        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
        .json(&json!({"email": "t@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-trace-id"], "4bf92f3577b34da6a3ce929d0e0e4736");
    let c: Value = res.json().await.unwrap();
    let history = app.get_ok(&format!("/api/contacts/{}/history", c["id"].as_str().unwrap())).await;
    assert_eq!(history["data"][0]["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736");
    assert!(!history["data"][0]["actor"].as_str().unwrap().is_empty());
    let res = app.client.get(app.url("/health")).header("x-request-id", "req-123").send().await.unwrap();
    assert_eq!(res.headers()["x-trace-id"], "req-123");
}

#[tokio::test]
async fn as_of_rebuilds_past_states_from_events() {
    let app = spawn_app().await;
    let path = contact_path(&app, "asof@example.com").await;
    let before_create = "2000-01-01T00:00:00Z";
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let t1 = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    app.patch_json(&path, &json!({"title": "CTO", "tags": ["a"]}), None).await;
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let t2 = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    app.patch_json(&path, &json!({"title": null, "status": "sql"}), None).await;
    let current = app.get_ok(&path).await;
    let at = |t: &str| format!("{path}?as_of={}", t.replace(':', "%3A").replace('+', "%2B"));
    let v1 = app.get_ok(&at(&t1)).await;
    assert_eq!(
        (v1["version"].clone(), v1["title"].clone(), v1["status"].clone()),
        (json!(1), Value::Null, json!("lead"))
    );
    let v2 = app.get_ok(&at(&t2)).await;
    assert_eq!(
        (v2["version"].clone(), v2["title"].clone(), v2["tags"].clone()),
        (json!(2), json!("CTO"), json!(["a"]))
    );
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    assert_eq!(app.get_ok(&at(&now)).await, current, "replay of all events equals the stored record");
    assert_problem(app.get(&at(before_create)).await, 404, "not_found").await;
    assert_problem(app.get(&format!("{path}?as_of=last-week")).await, 422, "validation_failed").await;
    app.delete(&path).await;
    assert_eq!(app.get_ok(&at(&t2)).await["title"], "CTO", "the past is readable after delete");
}

#[tokio::test]
async fn if_match_mismatch_is_412_and_changes_nothing() {
    let app = spawn_app().await;
    let path = contact_path(&app, "etag@example.com").await;
    let res = app.get(&path).await;
    assert_eq!(res.headers()["etag"], "\"1\"");
    assert_eq!(app.patch_json(&path, &json!({"title": "A"}), Some("\"1\"")).await.status(), 200);
    assert_problem(app.patch_json(&path, &json!({"title": "B"}), Some("\"1\"")).await, 412, "precondition_failed")
        .await;
    assert_eq!(app.get_ok(&path).await["title"], "A");
    let res = app.client.delete(app.url(&path)).header("If-Match", "\"1\"").send().await.unwrap();
    assert_problem(res, 412, "precondition_failed").await;
    assert_eq!(app.patch_json(&path, &json!({"title": "C"}), Some("*")).await.status(), 200);
    assert_problem(app.patch_json(&path, &json!({"title": "D"}), Some("banana")).await, 400, "bad_request").await;
    let res = app.client.delete(app.url(&path)).header("If-Match", "\"3\"").send().await.unwrap();
    assert_eq!(res.status(), 204);
}

#[tokio::test]
async fn of_racing_patches_with_one_if_match_exactly_one_wins() {
    let app = spawn_app().await;
    let path = contact_path(&app, "race@example.com").await;
    for round in 1..=3i64 {
        let tag = format!("\"{round}\"");
        let results = join_all((0..10).map(|i| {
            let body = json!({"title": format!("r{round}-{i}")});
            let (app, path, tag) = (&app, &path, &tag);
            async move { app.patch_json(path, &body, Some(tag)).await.status().as_u16() }
        }))
        .await;
        let wins = results.iter().filter(|s| **s == 200).count();
        let lost = results.iter().filter(|s| **s == 412).count();
        assert_eq!((wins, lost), (1, 9), "round {round}: {results:?}");
        assert_eq!(app.get_ok(&path).await["version"], round + 1);
    }
    let events = app.get_ok(&format!("{path}/history")).await;
    assert_eq!(events["data"].as_array().unwrap().len(), 4, "one event per committed change");
}

#[tokio::test]
async fn racing_patches_without_if_match_all_apply() {
    let app = spawn_app().await;
    let path = contact_path(&app, "many@example.com").await;
    let bodies: Vec<Value> = (0..6).map(|i| json!({"title": format!("t{i}")})).collect();
    let results = join_all(bodies.iter().map(|b| app.patch_json(&path, b, None))).await;
    assert!(results.iter().all(|r| r.status() == 200));
    let current = app.get_ok(&path).await;
    assert_eq!(current["version"], 7);
    let history = app.get_ok(&format!("{path}/history")).await;
    let versions: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, (1..=7).collect::<Vec<_>>(), "no lost update: a gapless event per change");
}

#[tokio::test]
async fn history_names_who_made_each_change() {
    let app = spawn_app().await;
    let path = contact_path(&app, "who@example.com").await;
    let token = app.user_token("editor@example.com", "member").await;
    let editor = crate::helpers::client_with(&token);
    let res = editor.patch(app.url(&path)).json(&json!({"title": "COO"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let history = app.get_ok(&format!("{path}/history")).await;
    let events = history["data"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert!(events[0]["actor"].as_str().unwrap().starts_with("api_key:"));
    assert_eq!(events[0]["actor_name"], "tests", "the API key's name");
    assert!(events[1]["actor"].as_str().unwrap().starts_with("user:"));
    assert_eq!(events[1]["actor_name"], "editor@example.com", "the user's email");
    let company = app.create_company(&json!({"name": "Named Co"})).await;
    let company_history = app.get_ok(&format!("/api/companies/{}/history", company["id"].as_str().unwrap())).await;
    assert_eq!(company_history["data"][0]["actor_name"], "tests");
}

#[tokio::test]
async fn history_of_changes_by_a_deleted_user_still_reads() {
    let app = spawn_app().await;
    let path = contact_path(&app, "orphan@example.com").await;
    let token = app.user_token("leaver@example.com", "member").await;
    let leaver = crate::helpers::client_with(&token);
    assert_eq!(leaver.patch(app.url(&path)).json(&json!({"title": "CFO"})).send().await.unwrap().status(), 200);
    let users = app.get_ok("/api/users").await;
    let user = users["data"].as_array().unwrap().iter().find(|u| u["email"] == "leaver@example.com").unwrap().clone();
    assert_eq!(app.delete(&format!("/api/users/{}", user["id"].as_str().unwrap())).await.status(), 204);
    let history = app.get_ok(&format!("{path}/history")).await;
    let events = history["data"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[1]["actor"], format!("user:{}", user["id"].as_str().unwrap()));
    assert!(events[1]["actor_name"].is_null(), "no name for an actor that no longer exists: {:?}", events[1]);
    assert_eq!(events[0]["actor_name"], "tests");
}
