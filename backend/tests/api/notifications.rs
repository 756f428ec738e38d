//! Notifications: a task or case assigned to a user and a campaign of theirs finished raise
//! in-app notifications; the unread count, marking read, preferences.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, spawn_app};

#[tokio::test]
async fn assignments_and_finished_campaigns_notify_the_user() {
    let app = spawn_app().await;
    let token = app.user_token("nina@example.com", "member").await;
    let nina = client_with(&token);
    let me: Value = nina.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let nina_id = me["id"].as_str().unwrap().to_string();
    let get = |path: &str| {
        let req = nina.get(app.url(path));
        async move {
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "GET");
            res.json::<Value>().await.unwrap()
        }
    };

    // Silence campaign notifications; keep the rest in-app.
    let prefs = json!({"kinds": {"campaign_finished": []}});
    let res = nina.put(app.url("/api/notifications/preferences")).json(&prefs).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(get("/api/notifications/preferences").await, prefs);
    let bad = json!({"kinds": {"task_assigned": ["pigeon"], "party": []}});
    let res = nina.put(app.url("/api/notifications/preferences")).json(&bad).send().await.unwrap();
    let fields = error_fields(&assert_problem(res, 422, "validation_failed").await);
    assert_eq!(fields, ["party", "task_assigned[0]"]);

    let task = app.post_json("/api/tasks", &json!({"title": "Call Ada", "assignee_id": nina_id})).await;
    assert_eq!(task.status(), StatusCode::CREATED, "{:?}", task.text().await);
    let mut page = Value::Null;
    for _ in 0..100 {
        page = get("/api/notifications").await;
        if !page["data"].as_array().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let first = &page["data"][0];
    assert_eq!(
        (first["kind"].as_str(), first["title"].as_str()),
        (Some("task_assigned"), Some("Task assigned to you: Call Ada"))
    );
    assert!(first["link"].as_str().unwrap().starts_with("/tasks/view?id="));
    assert_eq!(get("/api/notifications/unread-count").await["unread"], 1);

    let id = first["id"].as_str().unwrap();
    let res = nina.post(app.url(&format!("/api/notifications/{id}/read"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(get("/api/notifications/unread-count").await["unread"], 0);
    assert!(get("/api/notifications").await["data"][0]["read_at"].is_string());
    assert_eq!(get("/api/notifications?unread=true").await["data"], json!([]));
    // Another user's notification is not there for anyone else.
    let other = client_with(&app.user_token("otto@example.com", "viewer").await);
    let res = other.post(app.url(&format!("/api/notifications/{id}/read"))).send().await.unwrap();
    assert_problem(res, 404, "not_found").await;
    assert_eq!(
        other.get(app.url("/api/notifications")).send().await.unwrap().json::<Value>().await.unwrap()["data"],
        json!([])
    );
    // An API key's list is empty: notifications are raised for users.
    assert_eq!(app.get_ok("/api/notifications").await["data"], json!([]));
    let res = nina.post(app.url("/api/notifications/read-all")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}
