//! `/api/llm-tools` and briefings: the offline writer, and the OpenAI client against a fake
//! server on loopback (JSON mode, redaction, retries, Retry-After, malformed answers, timeouts,
//! streaming, the token budget).

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::fake_llm::{FakeLlm, Reply};
use crate::helpers::{assert_problem, error_fields, spawn_app, spawn_app_with};

const EMAIL_ANSWER: &str = r#"{"subject": "Join us, {{first_name}}", "preheader": "Spring Summit", "html": "<p>Hi {{first_name}}</p><script>alert(1)</script>", "text": "Hi {{first_name}}"}"#;

#[tokio::test]
async fn the_tools_are_listed_with_self_contained_schemas() {
    let app = spawn_app().await;
    let list = app.get_ok("/api/llm-tools").await;
    assert_eq!(list["provider"], json!({"name": "offline", "model": "offline-writer-1"}));
    let names: Vec<&str> = list["data"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["email_generator", "social_post_generator", "landing_page_generator", "contact_briefing"]);
    let email = &list["data"][0];
    assert_eq!(email["input_schema"]["required"], json!(["brief"]));
    assert!(email["input_schema"]["$defs"]["EventInfo"].is_object(), "{email}");
    let text = email["input_schema"].to_string();
    assert!(!text.contains("#/components/"), "refs point inside the schema: {text}");
    assert_eq!(list["data"][3]["output_schema"]["properties"]["sentiment"]["$ref"], "#/$defs/Sentiment");
}

#[tokio::test]
async fn the_offline_writer_answers_every_tool_and_records_each_run() {
    let app = spawn_app().await;
    let company = app.create_company(&json!({"name": "Analytical Engines"})).await;
    let contact = app
        .create_contact(&json!({"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "company_id": company["id"]}))
        .await;
    let event = json!({"name": "Spring Summit", "starts_at": "2026-05-12T18:00:00Z", "location": "Lisbon"});
    let body =
        json!({"brief": "Invite our customers to the spring summit.", "contact_id": contact["id"], "event": event});
    let run = app.post_ok("/api/llm-tools/email_generator", &body).await;
    assert_eq!(run["provider"], "offline");
    let email = &run["output"];
    assert!(email["text"].as_str().unwrap().starts_with("Hi Ada,"), "{email}");
    assert!(email["text"].as_str().unwrap().contains("Tuesday 12 May 2026"));
    assert!(email["html"].as_str().unwrap().contains("Analytical Engines"));
    assert!(!email.to_string().contains("{{"), "no unresolved merge fields: {email}");
    let again = app.post_ok("/api/llm-tools/email_generator", &body).await;
    assert_eq!(again["output"], run["output"], "same input, same output");

    let post =
        app.post_ok("/api/llm-tools/social_post_generator", &json!({"brief": "New pricing.", "network": "x"})).await;
    assert_eq!(post["output"]["network"], "x");
    assert!(post["output"]["text"].as_str().unwrap().chars().count() <= 280);
    let page = app.post_ok("/api/llm-tools/landing_page_generator", &json!({"brief": "A page.", "event": event})).await;
    assert_eq!(page["output"]["sections"][0]["kind"], "hero");
    let briefing = app.post_ok("/api/llm-tools/contact_briefing", &json!({"contact_id": contact["id"]})).await;
    assert!(briefing["output"]["summary"].as_str().unwrap().contains("Ada Lovelace"));

    let runs = app.get_ok("/api/llm-tools/runs").await;
    let runs = runs["data"].as_array().unwrap();
    assert_eq!(runs.len(), 5);
    assert_eq!(runs[0]["tool"], "contact_briefing", "newest first");
    assert!(runs.iter().all(|r| r["outcome"] == "ok" && r["prompt_hash"].as_str().unwrap().len() == 64));
    assert_eq!(runs[3]["prompt_hash"], runs[4]["prompt_hash"], "the same prompt hashes alike");
    let stored = app.rows("SELECT * FROM llm_run").await;
    assert!(!json!(stored).to_string().contains("ada@example.com"), "no personal data in run records");
}

#[tokio::test]
async fn bad_tool_input_is_a_clear_error() {
    let app = spawn_app().await;
    let res = app.post_json("/api/llm-tools/poem_generator", &json!({"brief": "x"})).await;
    assert_problem(res, 404, "not_found").await;
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "  "})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["brief"]);
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "x", "shoe": 1})).await;
    assert_problem(res, 422, "validation_failed").await;
    let body = json!({"brief": "x", "event": {"name": "E", "starts_at": "soon"}, "cta_url": "javascript:alert(1)"});
    let res = app.post_json("/api/llm-tools/email_generator", &body).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["cta_url", "event.starts_at"]);
    let res = app
        .post_json("/api/llm-tools/contact_briefing", &json!({"contact_id": uuid::Uuid::now_v7().to_string()}))
        .await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["contact_id"]);
    let res = app.post_json("/api/llm-tools/email_generator?stream=maybe", &json!({"brief": "x"})).await;
    assert_problem(res, 422, "validation_failed").await;
}

#[tokio::test]
async fn a_briefing_is_cached_until_the_contacts_data_changes() {
    let app = spawn_app().await;
    let contact =
        app.create_contact(&json!({"first_name": "Grace", "last_name": "Hopper", "email": "grace@example.com"})).await;
    let id = contact["id"].as_str().unwrap();
    let path = format!("/api/contacts/{id}/briefing");
    let first = app.get_ok(&path).await;
    assert_eq!(first["cached"], false);
    for field in ["summary", "next_steps", "talking_points", "sentiment", "sources"] {
        assert!(!first[field].is_null(), "{field} in {first}");
    }
    let second = app.get_ok(&path).await;
    assert_eq!(second["cached"], true);
    assert_eq!(second["llm_run_id"], first["llm_run_id"]);
    let res = app
        .post_json(&format!("/api/contacts/{id}/timeline"), &json!({"kind": "call", "body": "Unhappy about the delay"}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let third = app.get_ok(&path).await;
    assert_eq!(third["cached"], false, "a new activity makes a new briefing");
    assert_eq!(third["sentiment"], "negative");
    let entry_ids = app.all_ids(&format!("/api/contacts/{id}/timeline")).await;
    assert!(third["sources"].as_array().unwrap().iter().all(|s| entry_ids.contains(&s.as_str().unwrap().to_string())));
    let refreshed = app.get_ok(&format!("{path}?refresh=true")).await;
    assert_eq!(refreshed["cached"], false);
    let res = app.get(&format!("/api/contacts/{}/briefing", uuid::Uuid::now_v7())).await;
    assert_problem(res, 404, "not_found").await;
}

#[tokio::test]
async fn the_openai_client_sends_json_mode_redacts_and_restores() {
    let fake = FakeLlm::start(vec![Reply::content(
        r#"{"network": "linkedin", "text": "Questions? Write to [EMAIL_1] or call [PHONE_1]."}"#,
    )])
    .await;
    let app = spawn_app_with(|s| fake.configure(s)).await;
    assert_eq!(app.get_ok("/api/llm-tools").await["provider"], json!({"name": "openai", "model": "fake-model"}));
    let body = json!({"brief": "Tell people to write to help@example.com or call +44 20 7946 0958."});
    let run = app.post_ok("/api/llm-tools/social_post_generator", &body).await;
    assert_eq!(run["output"]["text"], "Questions? Write to help@example.com or call +44 20 7946 0958.");
    assert_eq!((run["provider"].as_str(), run["model"].as_str()), (Some("openai"), Some("fake-model")));
    let sent = &fake.requests()[0];
    assert_eq!(sent["model"], "fake-model");
    assert_eq!(sent["response_format"], json!({"type": "json_object"}));
    assert_eq!(sent["messages"][0]["role"], "system");
    let prompt = sent["messages"].to_string();
    assert!(!prompt.contains("help@example.com") && !prompt.contains("7946"), "redacted: {prompt}");
    assert!(prompt.contains("[EMAIL_1]"));
    assert_eq!(fake.authorizations()[0].as_deref(), Some("Bearer sk-test-key"));
    let runs = app.get_ok("/api/llm-tools/runs").await;
    assert_eq!((runs["data"][0]["tokens_in"].as_u64(), runs["data"][0]["tokens_out"].as_u64()), (Some(30), Some(20)));
}

#[tokio::test]
async fn a_malformed_answer_is_sent_back_once_then_refused() {
    let fake = FakeLlm::start(vec![
        Reply::content("Sure! Here is your email: subject Hello"),
        Reply::content(EMAIL_ANSWER),
        Reply::content("{\"subject\": 42}"),
        Reply::content("not json either"),
    ])
    .await;
    let app = spawn_app_with(|s| fake.configure(s)).await;
    let run = app.post_ok("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    assert_eq!(run["output"]["html"], "<p>Hi {{first_name}}</p>", "sanitised: {run}");
    let retry = &fake.requests()[1]["messages"];
    assert_eq!(retry.as_array().unwrap().len(), 4, "the bad answer and what is wrong go back: {retry}");
    assert!(retry[3]["content"].as_str().unwrap().contains("not a JSON object"));

    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    let problem = assert_problem(res, 422, "llm_invalid_output").await;
    assert!(problem["detail"].as_str().unwrap().contains("twice"));
    let runs = app.get_ok("/api/llm-tools/runs").await;
    assert_eq!(runs["data"][0]["outcome"], "invalid_output");
    assert_eq!(runs["data"][1]["attempts"], 2);
}

#[tokio::test]
async fn busy_servers_are_retried_honouring_retry_after() {
    let fake = FakeLlm::start(vec![
        Reply::Status { code: 429, retry_after: Some(1) },
        Reply::Status { code: 503, retry_after: None },
        Reply::content(EMAIL_ANSWER),
    ])
    .await;
    let app = spawn_app_with(|s| fake.configure(s)).await;
    let run = app.post_ok("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    assert_eq!(run["output"]["subject"], "Join us, {{first_name}}");
    let at = fake.arrivals();
    assert_eq!(at.len(), 3);
    assert!(at[1] - at[0] >= Duration::from_millis(950), "waited for Retry-After: {:?}", at[1] - at[0]);
}

#[tokio::test]
async fn an_unreachable_or_failing_model_is_a_502() {
    let fake = FakeLlm::start(vec![
        Reply::Status { code: 500, retry_after: None },
        Reply::Status { code: 502, retry_after: None },
        Reply::Status { code: 500, retry_after: None },
        Reply::Status { code: 401, retry_after: None },
        Reply::Garbage,
    ])
    .await;
    let app = spawn_app_with(|s| fake.configure(s)).await;
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    let problem = assert_problem(res, 502, "llm_unavailable").await;
    assert!(problem["detail"].as_str().unwrap().contains("500"), "{problem}");
    assert_eq!(fake.requests().len(), 3, "1 try + llm.max_retries");
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    assert_problem(res, 502, "llm_unavailable").await;
    assert_eq!(fake.requests().len(), 4, "a 401 is not retried");
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    assert_problem(res, 502, "llm_unavailable").await;

    let nobody = spawn_app_with(|s| {
        fake.configure(s);
        s.llm.base_url = "http://127.0.0.1:9/v1".into();
        s.llm.max_retries = 0;
    })
    .await;
    let res = nobody.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    assert_problem(res, 502, "llm_unavailable").await;
    assert_eq!(nobody.get_ok("/api/llm-tools/runs").await["data"][0]["outcome"], "unavailable");
}

#[tokio::test]
async fn a_model_that_does_not_answer_in_time_is_a_502() {
    let slow = Reply::Slow { wait: Duration::from_secs(5), content: EMAIL_ANSWER.into() };
    let fake = FakeLlm::start(vec![slow.clone(), slow]).await;
    let app = spawn_app_with(|s| {
        fake.configure(s);
        s.llm.timeout_secs = 1;
        s.llm.max_retries = 1;
    })
    .await;
    let started = std::time::Instant::now();
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    let problem = assert_problem(res, 502, "llm_unavailable").await;
    assert!(problem["detail"].as_str().unwrap().contains("in time"), "{problem}");
    assert!(started.elapsed() < Duration::from_secs(5), "bounded by llm.timeout_secs: {:?}", started.elapsed());
    assert_eq!(fake.requests().len(), 2);
}

/// The events of an SSE body: `(event, data)`.
pub fn sse_events(body: &str) -> Vec<(String, Value)> {
    body.split("\n\n")
        .filter_map(|block| {
            let event = block.lines().find_map(|l| l.strip_prefix("event: "))?;
            let data: String = block.lines().filter_map(|l| l.strip_prefix("data: ")).collect::<Vec<_>>().join("\n");
            Some((event.to_string(), serde_json::from_str(&data).ok()?))
        })
        .collect()
}

#[tokio::test]
async fn a_streamed_answer_arrives_in_pieces_then_validated() {
    let pieces = vec!["{\"network\": \"x\", ".to_string(), "\"text\": \"Big ".into(), "news\"}".into()];
    let fake = FakeLlm::start(vec![Reply::Stream { pieces }]).await;
    let app = spawn_app_with(|s| fake.configure(s)).await;
    let res = app
        .client
        .post(app.url("/api/llm-tools/social_post_generator?stream=true"))
        .json(&json!({"brief": "News", "network": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let events = sse_events(&res.text().await.unwrap());
    let partial: String =
        events.iter().filter(|(e, _)| e == "partial").map(|(_, d)| d["text"].as_str().unwrap().to_string()).collect();
    assert_eq!(partial, "{\"network\": \"x\", \"text\": \"Big news\"}");
    let (last, result) = events.last().unwrap();
    assert_eq!(last, "result");
    assert_eq!(result["output"], json!({"network": "x", "text": "Big news"}));
    assert_eq!(fake.requests()[0]["stream"], true);
    let runs = app.get_ok("/api/llm-tools/runs").await;
    assert_eq!((runs["data"][0]["tokens_in"].as_u64(), runs["data"][0]["tokens_out"].as_u64()), (Some(11), Some(7)));

    // Offline, the same stream shape; a failure is an `error` event with the problem.
    let offline = spawn_app().await;
    let res = offline
        .client
        .post(offline.url("/api/llm-tools/landing_page_generator?stream=true"))
        .json(&json!({"brief": "A page. For people. With reasons."}))
        .send()
        .await
        .unwrap();
    let events = sse_events(&res.text().await.unwrap());
    assert!(events.iter().filter(|(e, _)| e == "partial").count() > 2);
    assert_eq!(events.last().unwrap().0, "result");
}

#[tokio::test]
async fn the_daily_token_budget_answers_429_when_spent() {
    let fake = FakeLlm::start(vec![
        Reply::Content { content: EMAIL_ANSWER.into(), tokens_in: 60, tokens_out: 50 },
        Reply::content(EMAIL_ANSWER),
    ])
    .await;
    let app = spawn_app_with(|s| {
        fake.configure(s);
        s.llm.daily_token_budget = 100;
    })
    .await;
    app.post_ok("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    let res = app.post_json("/api/llm-tools/email_generator", &json!({"brief": "Summit"})).await;
    let retry_after: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry_after > 0 && retry_after <= 86_400);
    assert_problem(res, 429, "llm_budget_spent").await;
    assert_eq!(fake.requests().len(), 1, "a spent budget calls no model");
}
