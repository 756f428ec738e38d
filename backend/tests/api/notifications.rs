//! Notifications: a task or case assigned to a user and a campaign of theirs finished raise
//! in-app notifications; the unread count, marking read, preferences; email (through a real
//! SMTP sink), SMS and push (signed POSTs to the provider webhook) as each user chooses; tasks
//! falling due and imports finishing.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crm::smtp_sink::SmtpSink;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, header, receiver, spawn_app, spawn_app_with};

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
    let stored = get("/api/notifications/preferences").await;
    assert_eq!(stored["kinds"], prefs["kinds"]);
    assert_eq!(stored["available"], json!(["in_app", "email"]), "no SMS or push provider is configured");
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

#[tokio::test]
async fn notifications_go_by_email_and_sms_as_chosen_and_tasks_due_and_imports_raise_theirs() {
    let sink = SmtpSink::start(true).await.unwrap();
    let (sms_url, sms) = receiver(Arc::new(Mutex::new(200))).await;
    let smtp = sink.url.clone();
    let app = spawn_app_with(move |s| {
        s.email.smtp_url = smtp;
        s.email.public_url = "http://crm.test".into();
        s.notifications.sms_url = sms_url;
        s.notifications.provider_secret = crm::config::Secret::new("provider-secret");
    })
    .await;
    let token = app.user_token("nina@example.com", "member").await;
    let nina = client_with(&token);
    let me: Value = nina.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let nina_id = me["id"].as_str().unwrap().to_string();

    // Push has no provider here: choosing it is refused, the rest is kept.
    let push = json!({"kinds": {"task_assigned": ["push"]}});
    let res = nina.put(app.url("/api/notifications/preferences")).json(&push).send().await.unwrap();
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["task_assigned[0]"]);
    let prefs = json!({"kinds": {"task_assigned": ["email", "sms"], "import_finished": ["in_app", "email"]}});
    let res = nina.put(app.url("/api/notifications/preferences")).json(&prefs).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["available"], json!(["in_app", "email", "sms"]));

    // Assigned a task: an email to her sign-in address and an SMS, nothing in-app.
    let due = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let task = app.post_json("/api/tasks", &json!({"title": "Call Ada", "assignee_id": nina_id, "due_at": due})).await;
    assert_eq!(task.status(), StatusCode::CREATED);
    let task: Value = task.json().await.unwrap();
    let task_id = task["id"].as_str().unwrap();
    for _ in 0..100 {
        if !sink.received().is_empty() && !sms.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mail = sink.received();
    assert_eq!(mail.len(), 1, "one email");
    assert_eq!(mail[0].to, ["nina@example.com"]);
    assert!(mail[0].data.contains("Subject: Task assigned to you: Call Ada"), "{}", mail[0].data);
    assert!(mail[0].data.contains(&format!("http://crm.test/tasks/view?id={task_id}")));
    let (headers, body) = sms.lock().unwrap()[0].clone();
    let now = chrono::Utc::now().timestamp();
    assert!(crm::domain::signature::verify(
        b"provider-secret",
        header(&headers, "x-crm-signature"),
        body.as_bytes(),
        now
    ));
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!((body["channel"].as_str(), body["kind"].as_str()), (Some("sms"), Some("task_assigned")));
    assert_eq!(
        (body["user_id"].as_str(), body["user_email"].as_str()),
        (Some(nina_id.as_str()), Some("nina@example.com"))
    );

    // Two seconds later the task is due: in-app, the default channel of that kind.
    let mut kinds = Vec::new();
    for _ in 0..100 {
        let page: Value = nina.get(app.url("/api/notifications")).send().await.unwrap().json().await.unwrap();
        kinds = page["data"].as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap().to_string()).collect();
        if kinds.contains(&"task_due".to_string()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(kinds, ["task_due"], "task_assigned went by email and SMS only");

    // Her import finishes: in-app and by email.
    let csv = "email,first name\nann@example.com,Ann\nnot-an-email,Bob\n";
    let res =
        nina.post(app.url("/api/imports/contacts")).header("content-type", "text/csv").body(csv).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED, "{:?}", res.text().await);
    let mut page = Value::Null;
    for _ in 0..100 {
        page = nina.get(app.url("/api/notifications")).send().await.unwrap().json().await.unwrap();
        if page["data"][0]["kind"] == "import_finished" && sink.received().len() == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(page["data"][0]["kind"], "import_finished");
    assert_eq!(page["data"][0]["title"], "Import finished: 1 created, 0 updated, 0 unchanged, 1 rows with errors");
    assert!(sink.received()[1].data.contains("Subject: Import finished"));
}

#[tokio::test]
async fn a_campaign_whose_messages_fail_tells_its_creator_once() {
    let sink = SmtpSink::start(true).await.unwrap();
    for i in 0..10 {
        sink.refuse_for_good(&format!("fail{i}@example.com"));
    }
    let smtp = sink.url.clone();
    let app = spawn_app_with(move |s| s.email.smtp_url = smtp).await;
    let cara = client_with(&app.user_token("cara@example.com", "admin").await);
    let post = |path: &str, body: Value| {
        let req = cara.post(app.url(path)).json(&body);
        async move {
            let res = req.send().await.unwrap();
            assert!(res.status().is_success(), "{}", res.status());
            res.json::<Value>().await.unwrap_or(Value::Null)
        }
    };
    for i in 0..10 {
        post("/api/contacts", json!({"email": format!("fail{i}@example.com"), "tags": ["fail"]})).await;
    }
    let filter = json!({"field": "tags", "op": "contains", "value": "fail"});
    let segment = post("/api/segments", json!({"name": "Failing", "filter": filter})).await;
    let brief = "Tell them about the spring summit in Lisbon.";
    let campaign = post("/api/campaigns", json!({"name": "Doomed", "brief": brief, "segment_id": segment["id"]})).await;
    let id = campaign["id"].as_str().unwrap();
    let assets = post(&format!("/api/campaigns/{id}/assets"), json!({"kinds": ["email"]})).await;
    let asset = assets["data"][0]["id"].as_str().unwrap();
    post(&format!("/api/campaigns/{id}/assets/{asset}/approve"), json!({})).await;
    post(&format!("/api/campaigns/{id}/execute"), json!({})).await;

    let mut kinds: Vec<(String, String)> = Vec::new();
    for _ in 0..100 {
        let page: Value = cara.get(app.url("/api/notifications")).send().await.unwrap().json().await.unwrap();
        kinds = page["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["kind"].as_str().unwrap().to_string(), n["title"].as_str().unwrap().to_string()))
            .collect();
        if kinds.iter().any(|(k, _)| k == "campaign_failing") && kinds.iter().any(|(k, _)| k == "campaign_finished") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let failing: Vec<_> = kinds.iter().filter(|(k, _)| k == "campaign_failing").collect();
    assert_eq!(failing.len(), 1, "{kinds:?}");
    assert!(failing[0].1.contains("10 of 10 messages could not be sent"), "{}", failing[0].1);
    assert!(kinds.iter().any(|(k, _)| k == "campaign_finished"), "{kinds:?}");
    assert!(sink.received().is_empty());

    // Newest first, a page at a time.
    let get = |path: String| {
        let req = cara.get(app.url(&path));
        async move { req.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let first = get("/api/notifications?limit=1".into()).await;
    assert_eq!(first["data"][0]["kind"].as_str(), kinds.first().map(|(k, _)| k.as_str()));
    let cursor = first["next_cursor"].as_str().expect("a second page").to_string();
    let second = get(format!("/api/notifications?limit=1&cursor={cursor}")).await;
    assert_eq!(second["data"][0]["kind"].as_str(), kinds.get(1).map(|(k, _)| k.as_str()));
}

#[tokio::test]
async fn a_push_reaches_the_provider_with_the_users_registered_devices() {
    let (push_url, pushes) = receiver(Arc::new(Mutex::new(200))).await;
    let app = spawn_app_with(move |s| {
        s.notifications.push_url = push_url;
        s.notifications.provider_secret = crm::config::Secret::new("provider-secret");
    })
    .await;
    let nina = client_with(&app.user_token("nina@example.com", "member").await);
    let me: Value = nina.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let nina_id = me["id"].as_str().unwrap().to_string();

    let token = "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]";
    let res =
        nina.post(app.url("/api/push-devices")).json(&json!({"token": token, "platform": "ios"})).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let device: Value = res.json().await.unwrap();
    let device_id = device["id"].as_str().unwrap().to_string();
    // Registering again refreshes the same device.
    let again: Value = nina
        .post(app.url("/api/push-devices"))
        .json(&json!({"token": token, "platform": "ios"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["id"], device["id"]);
    let listed: Value = nina.get(app.url("/api/push-devices")).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    let bad =
        nina.post(app.url("/api/push-devices")).json(&json!({"token": " ", "platform": "pager"})).send().await.unwrap();
    assert_eq!(error_fields(&assert_problem(bad, 422, "validation_failed").await), ["token", "platform"]);

    let prefs = json!({"kinds": {"task_assigned": ["push"]}});
    let res = nina.put(app.url("/api/notifications/preferences")).json(&prefs).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let task = app.post_json("/api/tasks", &json!({"title": "Call Ada", "assignee_id": nina_id})).await;
    assert_eq!(task.status(), StatusCode::CREATED);
    for _ in 0..100 {
        if !pushes.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (headers, body) = pushes.lock().unwrap()[0].clone();
    assert!(crm::domain::signature::verify(
        b"provider-secret",
        header(&headers, "x-crm-signature"),
        body.as_bytes(),
        chrono::Utc::now().timestamp()
    ));
    let body: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (body["channel"].as_str(), body["title"].as_str()),
        (Some("push"), Some("Task assigned to you: Call Ada"))
    );
    assert_eq!(body["devices"], json!([{"token": token, "platform": "ios"}]));

    // Only its owner can forget it.
    let otto = client_with(&app.user_token("otto@example.com", "member").await);
    let path = format!("/api/push-devices/{device_id}");
    assert_problem(otto.delete(app.url(&path)).send().await.unwrap(), 404, "not_found").await;
    assert_eq!(nina.delete(app.url(&path)).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_problem(nina.delete(app.url(&path)).send().await.unwrap(), 404, "not_found").await;
    let listed: Value = nina.get(app.url("/api/push-devices")).send().await.unwrap().json().await.unwrap();
    assert_eq!(listed["data"], json!([]));
}
