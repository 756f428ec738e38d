//! `/metrics`, `/health/live`, `/health/ready` and data migrations running in the background.

use crm::db::{Feature, Migrations};
use serde_json::{json, Value};

use crate::helpers::{assert_problem, spawn_app, spawn_app_with};

/// The value of the first sample line starting with `series` (name and labels).
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find(|l| l.starts_with(series)).and_then(|l| l.rsplit(' ').next()?.parse().ok())
}

#[tokio::test]
async fn metrics_count_requests_by_route_template_with_latency_and_database_calls() {
    let app = spawn_app().await;
    let contact = app.create_contact(&json!({"email": "metrics@example.com"})).await;
    let id = contact["id"].as_str().unwrap();
    for _ in 0..3 {
        assert_eq!(app.get(&format!("/api/contacts/{id}")).await.status(), 200);
    }
    assert_eq!(app.get("/api/contacts/no-such-id").await.status(), 404);
    let res = app.anonymous.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/plain"));
    let text = res.text().await.unwrap();
    // The route template, never the raw id, so series stay bounded.
    let ok = sample(&text, r#"http_requests_total{method="GET",route="/api/contacts/{id}",status="200"}"#);
    assert!(ok.is_some_and(|n| n >= 3.0), "{text}");
    assert!(sample(&text, r#"http_requests_total{method="GET",route="/api/contacts/{id}",status="404"}"#).is_some());
    assert!(!text.contains(id), "a raw path leaked into the labels");
    assert!(text.contains(r#"http_request_duration_seconds_bucket{method="GET",route="/api/contacts/{id}",le="#));
    assert!(sample(&text, "db_query_duration_seconds_count").is_some_and(|n| n > 0.0));
    assert_eq!(sample(&text, &format!(r#"crm_build_info{{version="{}"}}"#, env!("CARGO_PKG_VERSION"))), Some(1.0));
    assert_eq!(sample(&text, "crm_migrations_pending"), Some(0.0));
    assert!(text.contains("crm_outbox_depth") && text.contains(r#"crm_background_jobs{job="migrations"}"#));
}

#[tokio::test]
async fn metrics_need_the_token_when_one_is_set() {
    let app = spawn_app_with(|s| s.metrics.token = crm::config::Secret::new("scrape-me-please")).await;
    let url = app.url("/metrics");
    assert_problem(app.anonymous.get(&url).send().await.unwrap(), 401, "unauthorized").await;
    let wrong = app.anonymous.get(&url).bearer_auth("scrape-me-pleasf").send().await.unwrap();
    assert_eq!(wrong.status(), 401);
    let right = app.anonymous.get(&url).bearer_auth("scrape-me-please").send().await.unwrap();
    assert_eq!(right.status(), 200);
    assert!(right.text().await.unwrap().contains("http_requests_total"));
}

#[tokio::test]
async fn metrics_port_moves_the_endpoint_to_its_own_listener() {
    let port = crate::ports::free_port();
    let app = spawn_app_with(|s| s.metrics.port = port).await;
    assert_eq!(app.anonymous.get(app.url("/metrics")).send().await.unwrap().status(), 404);
    let mut res = None;
    for _ in 0..50 {
        if let Ok(r) = app.anonymous.get(format!("http://127.0.0.1:{port}/metrics")).send().await {
            res = Some(r);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let res = res.expect("the metrics listener answers");
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("crm_build_info"));
}

#[tokio::test]
async fn live_and_ready_probes_answer_without_credentials() {
    let app = spawn_app().await;
    let live: Value = app.anonymous.get(app.url("/health/live")).send().await.unwrap().json().await.unwrap();
    assert_eq!(live["status"], "ok");
    let res = app.anonymous.get(app.url("/health/ready")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let ready: Value = res.json().await.unwrap();
    assert_eq!(ready["status"], "ready");
    assert_eq!(ready["database"], "ok");
    assert_eq!(ready["migrations"]["pending"], json!([]));
}

#[tokio::test]
async fn a_feature_answers_503_migrating_until_its_migration_is_done() {
    let app = spawn_app().await;
    crm::services::seed::seed(
        &crm::repositories::contacts::ContactRepository::new(app.db.clone()),
        &crm::repositories::companies::CompanyRepository::new(app.db.clone()),
        300,
        5,
        100,
    )
    .await
    .unwrap();
    // Make the contacts look written before filter combinations were indexed.
    app.rows("UPDATE contact SET facets = NONE RETURN NONE").await;
    app.rows("DELETE schema_migration WHERE name = '0004_facets'").await;

    let migrations = Migrations::default();
    assert!(!migrations.done());
    let err = migrations.require(Feature::ContactFilters).unwrap_err();
    let res = axum::response::IntoResponse::into_response(err);
    assert_eq!(res.status(), 503);
    assert_eq!(res.headers()["retry-after"], "5");
    let body: Value = serde_json::from_slice(&axum::body::to_bytes(res.into_body(), 1 << 16).await.unwrap()).unwrap();
    assert_eq!(body["code"], "migrating");

    migrations.spawn(app.db.clone()).await.unwrap();
    assert!(migrations.done());
    assert!(migrations.require(Feature::ContactFilters).is_ok());
    let report = migrations.report();
    assert_eq!(report.rows_done, 300, "one backfilled row per contact: {report:?}");
    assert!(report.pending.is_empty() && report.failed.is_none());
    let missing = app.rows("SELECT VALUE key FROM contact WHERE facets = NONE").await;
    assert!(missing.is_empty(), "{} contacts without facets", missing.len());
}
