//! `/api/campaigns`: the record and its status machine, assets generated, edited, approved,
//! and scheduling only with approved assets.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};
use crate::llm_tools::sse_events;

async fn campaign(app: &TestApp, body: Value) -> Value {
    let res = app.post_json("/api/campaigns", &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert!(res.headers()["location"].to_str().unwrap().starts_with("/api/campaigns/"));
    assert_eq!(res.headers()["etag"], "\"1\"");
    res.json().await.unwrap()
}

fn summit() -> Value {
    json!({
        "name": "Spring Summit",
        "brief": "Invite our customers to the spring summit in Lisbon. We will show the new reporting. Three clients share their stories.",
        "goal": "registrations",
        "channels": ["email", "social"]
    })
}

async fn patch_status(app: &TestApp, id: &str, status: &str) -> reqwest::Response {
    app.patch_json(&format!("/api/campaigns/{id}"), &json!({ "status": status }), None).await
}

#[tokio::test]
async fn a_campaign_is_written_approved_and_scheduled() {
    let app = spawn_app().await;
    let c = campaign(&app, summit()).await;
    assert_eq!(c["status"], "draft");
    assert_eq!(c["next_statuses"], json!(["scheduled", "cancelled"]));
    let id = c["id"].as_str().unwrap();

    let res = patch_status(&app, id, "scheduled").await;
    let problem = assert_problem(res, 409, "assets_not_approved").await;
    assert!(problem["detail"].as_str().unwrap().contains("email, social_post"), "{problem}");

    let res = app
        .post_json(&format!("/api/campaigns/{id}/assets"), &json!({"kinds": ["email", "social_post", "landing_page"]}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let assets: Value = res.json().await.unwrap();
    let kinds: Vec<&str> = assets["data"].as_array().unwrap().iter().map(|a| a["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["email", "social_post", "landing_page"]);
    let email = &assets["data"][0];
    assert_eq!((email["status"].as_str(), email["provider"].as_str()), (Some("draft"), Some("offline")));
    assert!(email["content"]["text"].as_str().unwrap().starts_with("Hi {{first_name}},"));
    let runs = app.get_ok("/api/llm-tools/runs").await;
    assert_eq!(runs["data"][2]["id"], email["llm_run_id"], "each asset names its run");
    let listed = app.get_ok(&format!("/api/campaigns/{id}/assets")).await;
    assert_eq!(listed["data"], assets["data"]);

    // Edit the email: checked, sanitised, a new version and a draft again.
    let email_path = format!("/api/campaigns/{id}/assets/{}", email["id"].as_str().unwrap());
    let res = app.patch_json(&email_path, &json!({"content": {"subject": "Hi {{shoe_size}}"}}), None).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["content.subject"]);
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("shoe_size"));
    let edit = json!({"content": {"subject": "See you in Lisbon, {{first_name}}", "html": "<p onclick=\"x()\">Hi {{first_name}}</p><script>alert(1)</script><a href=\"javascript:alert(1)\">x</a>"}});
    let res = app.patch_json(&email_path, &edit, Some("\"1\"")).await;
    assert_eq!(res.status(), StatusCode::OK);
    let edited: Value = res.json().await.unwrap();
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["content"]["html"], "<p>Hi {{first_name}}</p><a rel=\"noopener noreferrer\">x</a>");
    assert_eq!(edited["content"]["text"], email["content"]["text"], "fields not given are kept");
    let res = app.patch_json(&email_path, &json!({"content": {"subject": "Stale"}}), Some("\"1\"")).await;
    assert_problem(res, 412, "precondition_failed").await;
    let history = app.get_ok(&format!("{email_path}/history")).await;
    let diff = &history["data"][1]["changes"]["content"];
    assert_eq!(diff["old"]["subject"], email["content"]["subject"]);
    assert_eq!(diff["new"]["subject"], "See you in Lisbon, {{first_name}}");

    for asset in &assets["data"].as_array().unwrap()[..2] {
        let path = format!("/api/campaigns/{id}/assets/{}/approve", asset["id"].as_str().unwrap());
        let res = app.client.post(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let approved: Value = res.json().await.unwrap();
        assert_eq!(approved["status"], "approved");
        assert!(approved["approved_by"].is_string() && approved["approved_at"].is_string());
    }
    // An edit after approval needs a new approval.
    let res = app.patch_json(&email_path, &json!({"content": {"preheader": "Lisbon, 12 May"}}), None).await;
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "draft");
    assert_problem(patch_status(&app, id, "scheduled").await, 409, "assets_not_approved").await;
    let res = app.client.post(app.url(&format!("{email_path}/approve"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);

    let res = app
        .patch_json(
            &format!("/api/campaigns/{id}"),
            &json!({"status": "scheduled", "scheduled_at": "2030-05-01T09:00:00+02:00"}),
            None,
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let scheduled: Value = res.json().await.unwrap();
    assert_eq!(scheduled["status"], "scheduled");
    assert_eq!(scheduled["scheduled_at"], "2030-05-01T07:00:00.000000Z", "stored in UTC");
    assert_eq!(scheduled["next_statuses"], json!(["running", "cancelled"]));

    // A scheduled campaign's content and assets are fixed.
    let res = app.patch_json(&format!("/api/campaigns/{id}"), &json!({"name": "Renamed"}), None).await;
    assert_problem(res, 409, "campaign_not_editable").await;
    let res = app.patch_json(&email_path, &json!({"content": {"subject": "Late"}}), None).await;
    assert_problem(res, 409, "campaign_not_editable").await;
    let res = app.post_json(&format!("/api/campaigns/{id}/assets"), &json!({"kinds": ["email"]})).await;
    assert_problem(res, 409, "campaign_not_editable").await;
    assert_problem(app.delete(&format!("/api/campaigns/{id}")).await, 409, "campaign_active").await;

    let history = app.get_ok(&format!("/api/campaigns/{id}/history")).await;
    let kinds: Vec<&str> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "scheduled"]);
    let before = history["data"][0]["at"].as_str().unwrap();
    let then = app.get_ok(&format!("/api/campaigns/{id}?as_of={}", before.replace('+', "%2B"))).await;
    assert_eq!(then["status"], "draft");
}

#[tokio::test]
async fn the_status_machine_refuses_illegal_moves_with_a_code() {
    let app = spawn_app().await;
    // Scheduled for later, so the scheduler leaves it to the moves below.
    let body = json!({"name": "Webhook only", "brief": "Tell the integration.", "channels": ["webhook"],
                      "scheduled_at": "2030-01-01T00:00:00Z"});
    let c = campaign(&app, body).await;
    let id = c["id"].as_str().unwrap();
    assert_problem(patch_status(&app, id, "running").await, 409, "invalid_status_transition").await;
    assert_problem(patch_status(&app, id, "completed").await, 409, "invalid_status_transition").await;
    assert_problem(patch_status(&app, id, "paused").await, 409, "invalid_status_transition").await;
    let moves = ["scheduled", "running", "paused", "running", "completed"];
    for status in moves {
        let res = patch_status(&app, id, status).await;
        assert_eq!(res.status(), StatusCode::OK, "to {status}");
    }
    assert_problem(patch_status(&app, id, "running").await, 409, "campaign_finished").await;
    assert_problem(patch_status(&app, id, "cancelled").await, 409, "campaign_finished").await;
    let done = app.get_ok(&format!("/api/campaigns/{id}")).await;
    assert_eq!((done["status"].as_str(), done["version"].as_i64()), (Some("completed"), Some(6)));
    assert_eq!(done["next_statuses"], json!([]));
    let res = app.delete(&format!("/api/campaigns/{id}")).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_problem(app.get(&format!("/api/campaigns/{id}")).await, 404, "not_found").await;

    let other = campaign(&app, json!({"name": "Off", "brief": "x"})).await;
    let oid = other["id"].as_str().unwrap();
    assert_eq!(patch_status(&app, oid, "cancelled").await.status(), StatusCode::OK);
    assert_problem(patch_status(&app, oid, "scheduled").await, 409, "campaign_finished").await;
    let res = app.patch_json(&format!("/api/campaigns/{oid}"), &json!({"status": "done"}), None).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["status"]);
}

#[tokio::test]
async fn bad_campaigns_are_refused_and_lists_filter_by_status() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/campaigns",
            &json!({"name": " ", "channels": ["fax"], "segment_id": "nope", "status": "running"}),
        )
        .await;
    let fields = error_fields(&assert_problem(res, 422, "validation_failed").await);
    for field in ["name", "brief", "channels[0]", "segment_id", "status"] {
        assert!(fields.contains(&field.to_string()), "{field} in {fields:?}");
    }
    let missing = uuid::Uuid::now_v7().to_string();
    let res = app.post_json("/api/campaigns", &json!({"name": "A", "brief": "b", "segment_id": missing})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["segment_id"]);
    let segment = crate::helpers::post_for_json(
        &app.client,
        &app.url("/api/segments"),
        &json!({"name": "Leads", "filter": {"field": "status", "op": "eq", "value": "lead"}}),
    )
    .await;
    let with_audience = campaign(&app, json!({"name": "A", "brief": "b", "segment_id": segment["id"]})).await;
    assert_eq!(with_audience["segment_id"], segment["id"]);
    assert_eq!(with_audience["channels"], json!(["email"]), "email by default");

    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(
            campaign(&app, json!({"name": format!("C{i}"), "brief": "b", "channels": ["webhook"]})).await["id"].clone(),
        );
    }
    for id in &ids[..2] {
        assert_eq!(patch_status(&app, id.as_str().unwrap(), "cancelled").await.status(), StatusCode::OK);
    }
    let cancelled = app.all_ids("/api/campaigns?status=cancelled&limit=1").await;
    assert_eq!(cancelled, [ids[1].as_str().unwrap(), ids[0].as_str().unwrap()], "newest first");
    assert_eq!(app.all_ids("/api/campaigns?limit=2").await.len(), 6);
    let res = app.get("/api/campaigns?status=done").await;
    assert_problem(res, 422, "validation_failed").await;
    let plan = app
        .state
        .campaigns
        .explain_list(Some(crm::domain::campaigns::CampaignStatus::Draft))
        .await
        .unwrap()
        .to_string();
    assert!(plan.contains("campaign_facets_rkey"), "{plan}");
    let plan = app.state.campaigns.explain_list(None).await.unwrap().to_string();
    assert!(plan.contains("campaign_part_rkey"), "{plan}");

    let unknown = uuid::Uuid::now_v7();
    assert_problem(app.get(&format!("/api/campaigns/{unknown}/assets")).await, 404, "not_found").await;
    let res = app
        .post_json(
            &format!("/api/campaigns/{}/assets", with_audience["id"].as_str().unwrap()),
            &json!({"kinds": ["poster"]}),
        )
        .await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["kinds[0]"]);
    let res = app.get(&format!("/api/campaigns/{}/assets/{unknown}", with_audience["id"].as_str().unwrap())).await;
    assert_problem(res, 404, "not_found").await;
}

#[tokio::test]
async fn assets_are_written_live_over_server_sent_events() {
    let app = spawn_app().await;
    let c = campaign(&app, summit()).await;
    let id = c["id"].as_str().unwrap();
    let res = app
        .client
        .post(app.url(&format!("/api/campaigns/{id}/assets?stream=true")))
        .json(&json!({"kinds": ["email", "social_post"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let events = sse_events(&res.text().await.unwrap());
    let email_text: String = events
        .iter()
        .filter(|(e, d)| e == "partial" && d["kind"] == "email")
        .map(|(_, d)| d["text"].as_str().unwrap().to_string())
        .collect();
    let streamed: Value = serde_json::from_str(&email_text).unwrap();
    let names: Vec<&str> = events.iter().map(|(e, _)| e.as_str()).filter(|e| *e != "partial").collect();
    assert_eq!(names, ["asset", "asset", "result"]);
    let result = &events.last().unwrap().1;
    assert_eq!(result["data"][0]["content"], streamed, "the pieces add up to the stored email");
    assert_eq!(app.get_ok(&format!("/api/campaigns/{id}/assets")).await["data"], result["data"]);
}

#[tokio::test]
async fn a_generation_that_fails_half_way_stores_nothing() {
    use crate::fake_llm::{FakeLlm, Reply};
    let email = r#"{"subject": "Hi {{first_name}}", "preheader": "", "html": "<p>Hi</p>", "text": "Hi"}"#;
    let fake = FakeLlm::start(vec![Reply::content(email), Reply::Status { code: 503, retry_after: None }]).await;
    let app = crate::helpers::spawn_app_with(|s| {
        fake.configure(s);
        s.llm.max_retries = 0;
    })
    .await;
    let c = campaign(&app, summit()).await;
    let id = c["id"].as_str().unwrap();
    let res = app.post_json(&format!("/api/campaigns/{id}/assets"), &json!({"kinds": ["email", "social_post"]})).await;
    assert_problem(res, 502, "llm_unavailable").await;
    assert_eq!(app.get_ok(&format!("/api/campaigns/{id}/assets")).await["data"], json!([]));
    let runs = app.get_ok("/api/llm-tools/runs").await;
    let outcomes: Vec<&str> = runs["data"].as_array().unwrap().iter().map(|r| r["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["unavailable", "ok"], "both runs are recorded");
}
