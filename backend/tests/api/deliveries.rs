//! Campaign delivery end to end: a 200-contact segment through a real SMTP sink on loopback,
//! exclusions, tracking and unsubscribe links, retries and dead letters, pause, resume and
//! cancel, the signed bounce webhook.

use std::time::Duration;

use crm::domain::contacts::{ContactStatus, NewContact};
use crm::domain::history::Origin;
use crm::smtp_sink::SmtpSink;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, header as posted_header, receiver, spawn_app_with, TestApp};

pub(crate) const PUBLIC: &str = "http://crm.test";

pub(crate) async fn app_with_sink(sink: &SmtpSink, tweak: impl FnOnce(&mut crm::config::Settings)) -> TestApp {
    let url = sink.url.clone();
    spawn_app_with(move |s| {
        s.email.smtp_url = url;
        s.email.public_url = PUBLIC.into();
        s.email.from = "Acme Events <events@acme.test>".into();
        tweak(s);
    })
    .await
}

/// Creates `n` contacts tagged `tag` (named `First{i}`), returns their ids and emails.
pub(crate) async fn contacts(app: &TestApp, tag: &str, n: usize, dnc: bool) -> Vec<(String, String)> {
    let origin = Origin::system("test");
    let mut made = Vec::new();
    for i in 0..n {
        let email = format!("{tag}{i}@example.com");
        let new = NewContact {
            first_name: Some(format!("First{i}")),
            last_name: Some("Tester".into()),
            email: email.clone(),
            phone: None,
            title: None,
            company_id: None,
            status: ContactStatus::Lead,
            source: None,
            tags: vec![tag.to_string()],
            do_not_contact: dnc,
            custom: Default::default(),
            owner_id: None,
        };
        made.push((app.state.contacts.create(new, &origin).await.expect("contact").id, email));
    }
    made
}

/// A campaign to the contacts tagged `tag`, with its email written, edited to carry a link,
/// and approved.
pub(crate) async fn ready_campaign(app: &TestApp, tag: &str) -> String {
    let segment = created(
        app,
        "/api/segments",
        &json!({"name": format!("Tag {tag}"), "filter": {"field": "tags", "op": "contains", "value": tag}}),
    )
    .await;
    let c = created(app, "/api/campaigns",
        &json!({"name": "Summit", "brief": "Invite our customers to the summit in Lisbon.", "segment_id": segment["id"]}),
    )
    .await;
    let id = c["id"].as_str().unwrap().to_string();
    let assets = created(app, &format!("/api/campaigns/{id}/assets"), &json!({"kinds": ["email"]})).await;
    let asset = format!("/api/campaigns/{id}/assets/{}", assets["data"][0]["id"].as_str().unwrap());
    let html = "<p>Hello {{first_name}} of {{company_name}}</p><p><a href=\"https://acme.test/summit?from=mail&amp;x=1\">Register</a></p>";
    let res =
        app.patch_json(&asset, &json!({"content": {"html": html, "subject": "Lisbon, {{first_name}}?"}}), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.client.post(app.url(&format!("{asset}/approve"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    id
}

/// POSTs and expects 201.
async fn created(app: &TestApp, path: &str, body: &Value) -> Value {
    let res = app.post_json(path, body).await;
    assert_eq!(res.status(), StatusCode::CREATED, "POST {path}");
    res.json().await.unwrap()
}

async fn progress(app: &TestApp, id: &str) -> Value {
    app.get_ok(&format!("/api/campaigns/{id}/progress")).await
}

/// Waits until the campaign's progress satisfies `done` (60 s at most).
pub(crate) async fn wait_for(app: &TestApp, id: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..600 {
        let p = progress(app, id).await;
        if done(&p) {
            return p;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the campaign did not get there: {}", progress(app, id).await);
}

fn header<'a>(data: &'a str, name: &str) -> Option<&'a str> {
    data.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(": ")))
}

/// The decoded text of a message (quoted-printable soft breaks and escapes undone).
pub(crate) fn decoded(data: &str) -> String {
    let joined = data.replace("=\r\n", "");
    let mut out = Vec::new();
    let bytes = joined.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first `PUBLIC` link in `text` starting with `path`, as a path of the test server.
pub(crate) fn link(text: &str, path: &str) -> String {
    let start = text.find(&format!("{PUBLIC}{path}")).unwrap_or_else(|| panic!("no {path} link in {text}"));
    let rest = &text[start + PUBLIC.len()..];
    let end = rest.find(|c: char| c == '"' || c == '>' || c.is_whitespace()).unwrap_or(rest.len());
    rest[..end].to_string()
}

#[tokio::test]
async fn a_campaign_reaches_a_200_contact_segment_once_each_through_smtp() {
    let sink = SmtpSink::start(true).await.unwrap();
    let app = app_with_sink(&sink, |_| {}).await;
    let members = contacts(&app, "summit", 203, false).await;
    contacts(&app, "summit", 0, true).await;
    // Left out: two marked do_not_contact, one who withdrew consent, one hard bounce.
    for (id, _) in &members[200..202] {
        let res = app.patch_json(&format!("/api/contacts/{id}"), &json!({"do_not_contact": true}), None).await;
        let status = res.status();
        let body = res.json::<Value>().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["do_not_contact"], true);
    }
    let withdrawn = &members[202].0;
    let res = app
        .post_json(&format!("/api/contacts/{withdrawn}/consents"), &json!({"channel": "email", "status": "withdrawn"}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let extra = contacts(&app, "summitb", 1, false).await;
    let res = app.patch_json(&format!("/api/contacts/{}", extra[0].0), &json!({"tags": ["summit"]}), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    app.state
        .deliveries
        .bounce(crm::services::deliveries::Bounce { email: extra[0].1.clone(), hard: true, message_id: None })
        .await
        .unwrap();

    let id = ready_campaign(&app, "summit").await;
    let audience = app.get_ok(&format!("/api/campaigns/{id}/audience")).await;
    assert_eq!(
        audience,
        json!({"members": 204, "recipients": 200,
               "skipped": {"unsubscribed": 1, "no_consent": 0, "bounced": 1, "do_not_contact": 2}})
    );
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/execute"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "running");
    // Executing again while it runs queues nobody twice.
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/execute"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);

    let done = wait_for(&app, &id, |p| p["status"] == "completed").await;
    assert_eq!(
        (done["total"].as_u64(), done["sent"].as_u64(), done["queued"].as_u64(), done["sending"].as_u64()),
        (Some(200), Some(200), Some(0), Some(0)),
        "{done}"
    );
    assert_eq!(done["skipped"], audience["skipped"]);

    // Every recipient got exactly one message, personalised, with its own Message-ID and the
    // RFC 8058 headers.
    let received = sink.received();
    assert_eq!(received.len(), 200);
    let mut recipients: Vec<&str> = received.iter().map(|r| r.to[0].as_str()).collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 200, "no recipient twice");
    let expected: Vec<&str> = members[..200].iter().map(|(_, e)| e.as_str()).collect();
    assert!(expected.iter().all(|e| recipients.contains(e)));
    let mut ids: Vec<&str> = received.iter().filter_map(|r| header(&r.data, "Message-ID")).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 200, "one Message-ID per message");
    for r in &received {
        let n: usize = r.to[0].trim_start_matches("summit").split('@').next().unwrap().parse().unwrap();
        let text = decoded(&r.data);
        assert!(text.contains(&format!("Hello First{n} of")), "personalised: {text}");
        assert!(header(&r.data, "List-Unsubscribe").is_some_and(|h| h.starts_with(&format!("<{PUBLIC}/u/"))));
        assert_eq!(header(&r.data, "List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"));
        assert!(!text.contains("https://acme.test/summit"), "links go through the tracker");
    }

    // Open, click and unsubscribe links of one message.
    let first = &received[0];
    let contact_email = first.to[0].clone();
    let contact_id = members.iter().find(|(_, e)| *e == contact_email).unwrap().0.clone();
    let text = decoded(&first.data);
    let pixel = link(&text, "/t/o/");
    let res = app.anonymous.get(app.url(&pixel)).send().await.unwrap();
    assert_eq!((res.status(), res.headers()["content-type"].to_str().unwrap()), (StatusCode::OK, "image/gif"));
    app.anonymous.get(app.url(&pixel)).send().await.unwrap();
    let click = link(&text, "/t/c/");
    let no_redirects = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = no_redirects.get(app.url(&click)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    assert_eq!(res.headers()["location"], "https://acme.test/summit?from=mail&x=1");
    // A tampered token leads nowhere (never an open redirect).
    let mut forged = click.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    assert_problem(no_redirects.get(app.url(&forged)).send().await.unwrap(), 404, "not_found").await;

    let unsubscribe = link(&text, "/u/");
    let page = app.anonymous.get(app.url(&unsubscribe)).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("<button type=\"submit\">Unsubscribe</button>"));
    assert_eq!(progress(&app, &id).await["status"], "completed", "a GET unsubscribes nobody");
    for _ in 0..2 {
        let res = app
            .anonymous
            .post(app.url(&unsubscribe))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
    }
    let ledger = app.get_ok(&format!("/api/contacts/{contact_id}/consents")).await;
    assert_eq!(ledger["state"][0]["status"], "withdrawn");
    assert_eq!(ledger["state"][0]["source"], "unsubscribe");
    assert_eq!(ledger["data"].as_array().unwrap().len(), 1, "unsubscribing twice records it once");

    let figures = app.get_ok(&format!("/api/analytics/campaign/{id}")).await;
    assert_eq!(
        [
            &figures["sent"],
            &figures["delivered"],
            &figures["opened"],
            &figures["unique_opens"],
            &figures["clicked"],
            &figures["unique_clicks"],
            &figures["unsubscribed"],
            &figures["bounced"]
        ],
        [&json!(200), &json!(200), &json!(2), &json!(1), &json!(1), &json!(1), &json!(1), &json!(0)],
        "{figures}"
    );
    assert_eq!(figures["rates"]["open"], 0.005);

    let timeline = app.get_ok(&format!("/api/contacts/{contact_id}/timeline?limit=50")).await;
    let kinds: Vec<&str> = timeline["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    for kind in ["email_sent", "email_open", "click", "unsubscribe"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let score = app.get_ok(&format!("/api/contacts/{contact_id}/score")).await;
    assert!(score["score"].as_str().unwrap().parse::<f64>().unwrap() > 0.0, "opens and clicks count: {score}");

    // The next campaign to the segment leaves the unsubscribed address out.
    let next = ready_campaign(&app, "summit").await;
    let audience = app.get_ok(&format!("/api/campaigns/{next}/audience")).await;
    assert_eq!((audience["recipients"].as_u64(), audience["skipped"]["unsubscribed"].as_u64()), (Some(199), Some(2)));
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/execute"))).send().await.unwrap();
    assert_problem(res, 409, "campaign_finished").await;
}

#[tokio::test]
async fn refused_messages_fail_and_failing_ones_go_dead_with_their_error() {
    let sink = SmtpSink::start(true).await.unwrap();
    sink.refuse_for_good("flaky0@example.com");
    sink.refuse_for_now("flaky1@example.com");
    let app = app_with_sink(&sink, |s| {
        s.email.max_attempts = 3;
        s.email.retry_base_secs = 0;
    })
    .await;
    contacts(&app, "flaky", 4, false).await;
    let id = ready_campaign(&app, "flaky").await;
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/execute"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let done = wait_for(&app, &id, |p| p["status"] == "completed").await;
    assert_eq!((done["sent"].as_u64(), done["failed"].as_u64(), done["dead"].as_u64()), (Some(2), Some(1), Some(1)));
    assert_eq!(sink.received().len(), 2);
    let dead = app.get_ok(&format!("/api/campaigns/{id}/messages?status=dead")).await;
    assert_eq!(dead["data"][0]["attempts"], 3);
    assert!(dead["data"][0]["error"].as_str().unwrap().contains("try again later"), "{dead}");
    let failed = app.get_ok(&format!("/api/campaigns/{id}/messages?status=failed")).await;
    assert_eq!(failed["data"][0]["attempts"], 1, "a permanent refusal is not retried");
    assert!(failed["data"][0]["error"].as_str().unwrap().contains("no such user"));
    let all = app.get_ok(&format!("/api/campaigns/{id}/messages?limit=3")).await;
    assert_eq!(all["data"].as_array().unwrap().len(), 3);
    let rest = app
        .get_ok(&format!("/api/campaigns/{id}/messages?limit=3&cursor={}", all["next_cursor"].as_str().unwrap()))
        .await;
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    let res = app.get(&format!("/api/campaigns/{id}/messages?status=lost")).await;
    assert_problem(res, 422, "validation_failed").await;
}

#[tokio::test]
async fn a_campaign_pauses_resumes_and_cancels_mid_delivery() {
    // The log transport at 10 messages a second.
    let app = spawn_app_with(|s| s.email.rate_per_second = 10.0).await;
    contacts(&app, "slow", 100, false).await;
    let id = ready_campaign(&app, "slow").await;
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/resume"))).send().await.unwrap();
    assert_problem(res, 409, "campaign_not_paused").await;
    app.client.post(app.url(&format!("/api/campaigns/{id}/execute"))).send().await.unwrap();
    wait_for(&app, &id, |p| p["sent"].as_u64() > Some(0)).await;
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/pause"))).send().await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "paused");
    // What was claimed finishes; then nothing moves.
    let settled = wait_for(&app, &id, |p| p["sending"] == 0).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let still = progress(&app, &id).await;
    assert_eq!(still["sent"], settled["sent"], "paused: nothing sent");
    assert!(still["sent"].as_u64().unwrap() < 100);
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/resume"))).send().await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "running");
    wait_for(&app, &id, |p| p["sent"].as_u64() > still["sent"].as_u64()).await;
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/cancel"))).send().await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "cancelled");
    let settled = wait_for(&app, &id, |p| p["sending"] == 0).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let after = progress(&app, &id).await;
    assert_eq!(after["sent"], settled["sent"]);
    assert!(after["queued"].as_u64().unwrap() > 0, "what was queued stays unsent: {after}");
    assert_eq!(after["total"], 100);
    let history = app.get_ok(&format!("/api/campaigns/{id}/history")).await;
    let kinds: Vec<&str> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds[kinds.len() - 5..], ["scheduled", "running", "paused", "running", "cancelled"]);
}

#[tokio::test]
async fn a_scheduled_campaign_starts_by_itself_and_a_campaign_needs_an_audience() {
    let app = spawn_app_with(|_| {}).await;
    contacts(&app, "later", 3, false).await;
    let id = ready_campaign(&app, "later").await;
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(1)).to_rfc3339();
    let res = app.patch_json(&format!("/api/campaigns/{id}"), &json!({"scheduled_at": soon}), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.client.post(app.url(&format!("/api/campaigns/{id}/execute"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<Value>().await.unwrap()["status"], "scheduled");
    let done = wait_for(&app, &id, |p| p["status"] == "completed").await;
    assert_eq!(done["sent"], 3);

    let bare = created(&app, "/api/campaigns", &json!({"name": "No one", "brief": "b"})).await;
    let bid = bare["id"].as_str().unwrap();
    let res = app.client.post(app.url(&format!("/api/campaigns/{bid}/execute"))).send().await.unwrap();
    assert_problem(res, 409, "assets_not_approved").await;
    let assets = created(&app, &format!("/api/campaigns/{bid}/assets"), &json!({"kinds": ["email"]})).await;
    let approve = format!("/api/campaigns/{bid}/assets/{}/approve", assets["data"][0]["id"].as_str().unwrap());
    app.client.post(app.url(&approve)).send().await.unwrap();
    let res = app.client.post(app.url(&format!("/api/campaigns/{bid}/execute"))).send().await.unwrap();
    assert_problem(res, 409, "campaign_has_no_audience").await;
    let missing = uuid::Uuid::now_v7();
    assert_problem(
        app.client.post(app.url(&format!("/api/campaigns/{missing}/execute"))).send().await.unwrap(),
        404,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn the_bounce_webhook_takes_only_signed_reports() {
    let secret = "bounce-secret";
    let app = spawn_app_with(|s| s.email.bounce_secret = crm::config::Secret::new(secret)).await;
    let people = contacts(&app, "bouncy", 2, false).await;
    let body = json!({"email": people[0].1, "type": "hard", "reason": "550 mailbox unknown"}).to_string();
    let now = chrono::Utc::now().timestamp();
    let post = |signature: String, body: String| {
        app.anonymous
            .post(app.url("/webhooks/bounce"))
            .header("content-type", "application/json")
            .header("X-CRM-Signature", signature)
            .body(body)
            .send()
    };
    let signed = crm::domain::signature::sign(secret.as_bytes(), now, body.as_bytes());
    assert_problem(post("t=1,v1=00".into(), body.clone()).await.unwrap(), 401, "unauthorized").await;
    let stale = crm::domain::signature::sign(secret.as_bytes(), now - 3600, body.as_bytes());
    assert_problem(post(stale, body.clone()).await.unwrap(), 401, "unauthorized").await;
    let other = crm::domain::signature::sign(b"guess", now, body.as_bytes());
    assert_problem(post(other, body.clone()).await.unwrap(), 401, "unauthorized").await;
    let res = post(signed.clone(), body.clone()).await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    assert_eq!(res.json::<Value>().await.unwrap()["suppressed"], true);
    let again = post(signed, body).await.unwrap();
    assert_eq!(again.json::<Value>().await.unwrap()["suppressed"], false);
    let soft = json!({"email": people[1].1, "type": "soft"}).to_string();
    let res = post(crm::domain::signature::sign(secret.as_bytes(), now, soft.as_bytes()), soft).await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["suppressed"], false, "a soft bounce suppresses nothing");
    let bad = json!({"email": "nope", "type": "hard"}).to_string();
    let res = post(crm::domain::signature::sign(secret.as_bytes(), now, bad.as_bytes()), bad).await.unwrap();
    assert_problem(res, 422, "validation_failed").await;
    let timeline = app.get_ok(&format!("/api/contacts/{}/timeline", people[0].0)).await;
    assert!(timeline["data"].as_array().unwrap().iter().any(|e| e["kind"] == "bounce"));

    let id = ready_campaign(&app, "bouncy").await;
    let audience = app.get_ok(&format!("/api/campaigns/{id}/audience")).await;
    assert_eq!((audience["recipients"].as_u64(), audience["skipped"]["bounced"].as_u64()), (Some(1), Some(1)));

    let unset = spawn_app_with(|_| {}).await;
    let res = unset.anonymous.post(unset.url("/webhooks/bounce")).body("{}").send().await.unwrap();
    assert_problem(res, 404, "not_found").await;
}

#[tokio::test]
async fn the_delivery_look_ups_scan_their_indexes() {
    let app = spawn_app_with(|_| {}).await;
    let explain = |sql: &str| format!("EXPLAIN {sql}");
    let vars =
        json!({"ids": ["a", "b"], "ch": "email", "p": "marketing", "c": "c", "st": "queued", "now": "z", "limit": 200});
    for (sql, index) in [
        (crm::repositories::deliveries::CONSENTS_SQL, "consent_contact_key"),
        (crm::repositories::deliveries::DUE_SQL, "outbox_campaign_status_due"),
    ] {
        let mut r = app.db.query(explain(sql)).bind(vars.clone()).await.unwrap();
        let plan: surrealdb::types::Value = r.take(0).unwrap();
        let plan = format!("{plan:?}");
        assert!(plan.contains(&format!("index: {index}")), "{sql}: {plan}");
        assert!(!plan.contains("TableScan"), "{sql}: {plan}");
    }
}

#[tokio::test]
async fn the_webhook_channel_posts_each_recipient_and_deals_they_win_are_conversions() {
    let sink = SmtpSink::start(true).await.unwrap();
    let app = app_with_sink(&sink, |s| s.webhooks.allow_private_targets = true).await;
    let made = contacts(&app, "hook", 3, false).await;
    contacts(&app, "hookdnc", 1, true).await;
    let id = ready_campaign(&app, "hook").await;
    let res = app.patch_json(&format!("/api/campaigns/{id}"), &json!({"channels": ["email", "webhook"]}), None).await;
    assert_eq!(res.status(), StatusCode::OK, "{:?}", res.text().await);
    let execute = format!("/api/campaigns/{id}/execute");
    let res = app.client.post(app.url(&execute)).send().await.unwrap();
    assert_problem(res, 409, "campaign_has_no_webhook").await;

    let (url, received) = receiver(std::sync::Arc::new(std::sync::Mutex::new(200))).await;
    let hook = created(&app, "/api/webhooks", &json!({"url": url, "events": ["campaign.message"]})).await;
    let secret = hook["secret"].as_str().unwrap().to_string();
    let (wide_url, wide) = receiver(std::sync::Arc::new(std::sync::Mutex::new(200))).await;
    created(&app, "/api/webhooks", &json!({"url": wide_url, "events": ["campaign.*"]})).await;
    let res = app.client.post(app.url(&execute)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::ACCEPTED);
    let done = wait_for(&app, &id, |p| p["status"] == "completed").await;
    assert_eq!((done["total"].as_u64(), done["sent"].as_u64()), (Some(6), Some(6)), "3 emails, 3 posts: {done}");
    assert_eq!(sink.received().len(), 3);

    let posts = received.lock().unwrap().clone();
    assert_eq!(posts.len(), 3, "one per recipient; the do-not-contact one is left out");
    let now = chrono::Utc::now().timestamp();
    let mut emails = Vec::new();
    for (headers, body) in &posts {
        assert_eq!(posted_header(headers, "x-crm-event"), "campaign.message");
        let signature = posted_header(headers, "x-crm-signature");
        assert!(crm::domain::signature::verify(secret.as_bytes(), signature, body.as_bytes(), now), "signed");
        let body: Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            (body["event"].as_str(), body["campaign"]["id"].as_str()),
            (Some("campaign.message"), Some(id.as_str()))
        );
        assert_eq!(posted_header(headers, "x-crm-delivery"), body["id"].as_str().unwrap());
        assert!(body["contact"]["fields"]["first_name"].as_str().unwrap().starts_with("First"));
        emails.push(body["contact"]["email"].as_str().unwrap().to_string());
    }
    emails.sort();
    let mut expected: Vec<String> = made.iter().map(|(_, e)| e.clone()).collect();
    expected.sort();
    assert_eq!(emails, expected);
    assert!(
        wide.lock().unwrap().iter().all(|(h, _)| posted_header(h, "x-crm-event") != "campaign.message"),
        "campaign.* does not take one call per recipient"
    );

    // Deals won by recipients are the campaign's conversions: one created won, one moved to won;
    // a deal of a contact the campaign never emailed, or one still open, is not.
    let won = json!({"name": "Summit tickets", "stage": "won", "contact_ids": [made[0].0]});
    assert_eq!(app.post_json("/api/deals", &won).await.status(), StatusCode::CREATED);
    let open = json!({"name": "Workshop", "stage": "proposal", "contact_ids": [made[1].0]});
    let res = app.post_json("/api/deals", &open).await;
    let deal: Value = res.json().await.unwrap();
    let res =
        app.patch_json(&format!("/api/deals/{}", deal["id"].as_str().unwrap()), &json!({"stage": "won"}), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let (other, _) = &contacts(&app, "nocampaign", 1, false).await[0];
    app.post_json("/api/deals", &json!({"name": "Other", "stage": "won", "contact_ids": [other]})).await;
    app.post_json("/api/deals", &json!({"name": "Open", "contact_ids": [made[2].0]})).await;
    let path = format!("/api/analytics/campaign/{id}");
    let mut figures = Value::Null;
    for _ in 0..100 {
        figures = app.get_ok(&path).await;
        if figures["conversions"] == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(figures["conversions"], 2, "{figures}");
    assert_eq!((figures["sent"].as_u64(), figures["webhooks_sent"].as_u64()), (Some(3), Some(3)), "{figures}");
    assert_eq!(figures["rates"]["delivery"], 1.0, "email rates leave the posts out: {figures}");
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(app.get_ok(&path).await["conversions"], 2, "each win counts once");
}
