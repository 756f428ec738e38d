//! Tasks: create for the caller, complete, due-date order, filters.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, spawn_app};

#[tokio::test]
async fn my_open_tasks_come_overdue_first_and_complete_in_one_call() {
    let app = spawn_app().await;
    let token = app.user_token("rep@example.com", "member").await;
    let rep = client_with(&token);
    let now = chrono::Utc::now();
    let at = |hours: i64| (now + chrono::Duration::hours(hours)).to_rfc3339();
    let mut ids = Vec::new();
    for (title, due) in [("Later", Some(at(48))), ("Undated", None), ("Overdue", Some(at(-2))), ("Today", Some(at(1)))]
    {
        let res = rep.post(app.url("/api/tasks")).json(&json!({"title": title, "due_at": due})).send().await.unwrap();
        assert_eq!(res.status(), 201);
        let task: Value = res.json().await.unwrap();
        ids.push(task["id"].as_str().unwrap().to_string());
    }
    // Someone else's task stays out of "mine".
    app.post_json("/api/tasks", &json!({"title": "Not mine"})).await;
    let mine: Value =
        rep.get(app.url("/api/tasks?assignee_id=me&status=open")).send().await.unwrap().json().await.unwrap();
    let titles: Vec<_> = mine["data"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Overdue", "Today", "Later", "Undated"]);
    assert_eq!(mine["data"][0]["overdue"], true);
    assert_eq!(mine["data"][1]["overdue"], false);
    let done = rep.post(app.url(&format!("/api/tasks/{}/complete", ids[3]))).send().await.unwrap();
    assert_eq!(done.status(), 200);
    let done: Value = done.json().await.unwrap();
    assert_eq!(
        (&done["status"], done["completed_at"].is_string(), &done["version"]),
        (&json!("done"), true, &json!(2))
    );
    let again: Value =
        rep.post(app.url(&format!("/api/tasks/{}/complete", ids[3]))).send().await.unwrap().json().await.unwrap();
    assert_eq!(again["version"], 2, "completing a done task changes nothing");
    let mine: Value =
        rep.get(app.url("/api/tasks?assignee_id=me&status=open")).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine["data"].as_array().unwrap().len(), 3);
    let done_list: Value =
        rep.get(app.url("/api/tasks?assignee_id=me&status=done")).send().await.unwrap().json().await.unwrap();
    assert_eq!(done_list["data"][0]["id"], json!(ids[3]));
    let due_soon = rep
        .get(app.url("/api/tasks"))
        .query(&[("assignee_id", "me"), ("due_after", &at(0)), ("due_before", &at(24))])
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(due_soon["data"].as_array().unwrap().len(), 1);
    let reopened = app.patch_json(&format!("/api/tasks/{}", ids[3]), &json!({"status": "open"}), Some("\"2\"")).await;
    assert_eq!(reopened.status(), 200);
    let history = app.get_ok(&format!("/api/tasks/{}/history", ids[3])).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "completed", "reopened"]);
    assert_eq!(app.delete(&format!("/api/tasks/{}", ids[0])).await.status(), 204);
    assert_problem(app.get(&format!("/api/tasks/{}", ids[0])).await, 404, "not_found").await;
}

#[tokio::test]
async fn tasks_link_records_and_bad_ones_are_422() {
    let app = spawn_app().await;
    let missing = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ada = app.contact_with_email("ada@acme.com").await;
    let deal = crate::deals::create_deal(&app, &json!({"name": "D"})).await;
    let body = json!({"title": "Follow up", "contact_id": ada["id"], "company_id": acme["id"], "deal_id": deal["id"]});
    let task: Value = app.post_json("/api/tasks", &body).await.json().await.unwrap();
    let q = format!("/api/tasks?deal_id={}&status=open", deal["id"].as_str().unwrap());
    assert_eq!(app.get_ok(&q).await["data"][0]["id"], task["id"]);
    let timeline = app.get_ok(&format!("/api/timeline?contact_id={}&kind=task", ada["id"].as_str().unwrap())).await;
    assert_eq!(timeline["data"][0]["entity_id"], task["id"]);
    for (body, field) in [
        (json!({}), "title"),
        (json!({"title": "T", "due_at": "tomorrow"}), "due_at"),
        (json!({"title": "T", "deal_id": missing}), "deal_id"),
        (json!({"title": "T", "case_id": missing}), "case_id"),
        (json!({"title": "T", "assignee_id": missing}), "assignee_id"),
        (json!({"title": "T", "contact_id": "x"}), "contact_id"),
    ] {
        let p = assert_problem(app.post_json("/api/tasks", &body).await, 422, "validation_failed").await;
        assert!(error_fields(&p).contains(&field.to_string()), "{body}: {p}");
    }
    assert_eq!(app.rows("SELECT key FROM task").await.len(), 1);
    assert_problem(app.get("/api/tasks?assignee_id=me").await, 422, "validation_failed").await;
    assert_problem(app.get("/api/tasks?status=finished").await, 422, "validation_failed").await;
}

#[tokio::test]
async fn viewers_read_but_cannot_write_sales_records() {
    let app = spawn_app().await;
    let viewer = app.client_for(crm::domain::auth::Role::Viewer).await;
    for path in ["/api/deals", "/api/cases", "/api/tasks"] {
        let res =
            viewer.post(app.url(path)).json(&json!({"name": "x", "title": "x", "subject": "x"})).send().await.unwrap();
        assert_eq!(res.status(), 403, "{path}");
        assert_eq!(viewer.get(app.url(path)).send().await.unwrap().status(), 200, "{path}");
    }
    assert_eq!(viewer.get(app.url("/api/deals/pipeline")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn task_and_case_lists_scan_an_index_and_stop_after_the_page() {
    use crm::domain::cases::{CaseStatus, Priority};
    use crm::domain::pagination::Sort;
    use crm::domain::tasks::TaskStatus;
    use crm::repositories::cases::{CaseQuery, CaseRepository};
    use crm::repositories::tasks::{TaskQuery, TaskRepository};
    let app = spawn_app().await;
    let id = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c".to_string();
    let stops = |text: String, what: String| {
        let scans_index = text.contains("IndexScan") && text.contains("direction: Forward");
        assert!(
            scans_index && !text.contains("TableScan") && !text.contains("Sort") && !text.contains("Backward"),
            "{what} does not stop after the page: {text}"
        );
    };
    let tasks = TaskRepository::new(app.db.clone());
    for mask in 0..8u32 {
        let query = TaskQuery {
            assignee_id: (mask & 1 != 0).then(|| id.clone()),
            status: (mask & 2 != 0).then_some(TaskStatus::Open),
            contact_id: (mask & 4 != 0).then(|| id.clone()),
            ..Default::default()
        };
        for sort in [
            Sort { field: "due_at", desc: false },
            Sort { field: "created_at", desc: true },
            Sort { field: "created_at", desc: false },
        ] {
            stops(tasks.explain_list(&query, sort).await.unwrap().to_string(), format!("tasks {query:?} {sort:?}"));
        }
    }
    let cases = CaseRepository::new(app.db.clone());
    for mask in 0..8u32 {
        let query = CaseQuery {
            status: (mask & 1 != 0).then_some(CaseStatus::Open),
            company_id: (mask & 2 != 0).then(|| id.clone()),
            priority: (mask & 4 != 0).then_some(Priority::High),
            ..Default::default()
        };
        for desc in [false, true] {
            let sort = Sort { field: "created_at", desc };
            stops(cases.explain_list(&query, sort).await.unwrap().to_string(), format!("cases {query:?} {sort:?}"));
        }
    }
}
