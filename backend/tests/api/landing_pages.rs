//! Landing pages: generated, edited, published, served inert; forms that upsert one contact
//! with consent, register for the event, keep UTM; bots and bad input turned away; analytics.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app_with, TestApp};

const XSS: [&str; 4] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><a href=\"javascript:alert(1)\">x</a>",
    "<svg onload=alert(1)><circle/></svg>",
];

async fn app() -> TestApp {
    // Forms may be sent at once in tests; the time check has its own test below.
    spawn_app_with(|s| s.landing_pages.min_fill_secs = 0).await
}

async fn published(app: &TestApp, body: Value) -> Value {
    let res = app.post_json("/api/landing-pages", &body).await;
    let status = res.status();
    let page: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{page}");
    app.post_ok(&format!("/api/landing-pages/{}/publish", page["id"].as_str().unwrap()), &json!({})).await
}

/// The hidden timing field of a served form.
fn token_of(html: &str) -> String {
    let at = html.find("name=\"_t\" value=\"").expect("the form's timing field") + "name=\"_t\" value=\"".len();
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

async fn serve(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.anonymous.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn submit(app: &TestApp, page: &Value, mut form: BTreeMap<&str, String>, query: &str) -> (u16, String) {
    let (_, html) = serve(app, &format!("/lp/{}", page["slug"].as_str().unwrap())).await;
    form.entry("_t").or_insert_with(|| token_of(&html));
    let res = app
        .anonymous
        .post(app.url(&format!("/lp/{}/submit{query}", page["id"].as_str().unwrap())))
        .header("referer", "https://news.example/article")
        .form(&form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_generated_page_is_stored_published_served_and_unpublished() {
    let app = app().await;
    let event = app
        .post_json(
            "/api/events",
            &json!({"name": "Cloud cost workshop", "starts_at": "2031-03-12T09:00:00Z", "ends_at": "2031-03-12T12:00:00Z", "location": "Paris"}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let body = json!({"brief": "Invite CFOs to our cloud cost workshop.", "event_id": event["id"], "fields": ["first_name", "company"]});
    let res = app.post_json("/api/landing-pages/generate", &body).await;
    assert_eq!(res.status(), 201);
    let page: Value = res.json().await.unwrap();
    assert_eq!((&page["status"], &page["fields"]), (&json!("draft"), &json!(["email", "first_name", "company"])));
    assert!(!page["sections"].as_array().unwrap().is_empty(), "{page}");
    let slug = page["slug"].as_str().unwrap().to_string();
    assert!(crm::domain::landing_pages::valid_slug(&slug), "{slug}");
    // A draft can be previewed; it is not served until published.
    let preview = app.get_ok(&format!("/api/landing-pages/{}/preview", page["id"].as_str().unwrap())).await;
    assert!(preview["html"].as_str().unwrap().contains("name=\"email\""), "{preview}");
    // Not served while a draft; served once published, by slug and id; 404 again after.
    assert_eq!(serve(&app, &format!("/lp/{slug}")).await.0, 404);
    let id = page["id"].as_str().unwrap();
    app.post_ok(&format!("/api/landing-pages/{id}/publish"), &json!({})).await;
    let res = app.anonymous.get(app.url(&format!("/lp/{slug}"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("default-src 'none'") && !csp.contains("script-src"), "{csp}");
    let html = res.text().await.unwrap();
    assert!(
        html.contains("name=\"company\"") && html.contains("name=\"consent\"") && !html.contains("<script"),
        "{html}"
    );
    assert!(html.contains("name=\"viewport\""));
    assert_eq!(serve(&app, &format!("/lp/{id}")).await.0, 200);
    app.post_ok(&format!("/api/landing-pages/{id}/unpublish"), &json!({})).await;
    assert_eq!(serve(&app, &format!("/lp/{slug}")).await.0, 404);
    assert_eq!(serve(&app, "/lp/nothing-here").await.0, 404);
    let history = app.get_ok(&format!("/api/landing-pages/{id}/history")).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "published", "unpublished"]);

    // Slugs: a second page of the same title gets its own; a chosen slug that is taken is 409.
    let again = app.post_json("/api/landing-pages/generate", &body).await.json::<Value>().await.unwrap();
    assert_eq!(again["slug"], json!(format!("{slug}-2")));
    let taken = app.post_json("/api/landing-pages", &json!({"title": "X", "slug": slug})).await;
    assert_problem(taken, 409, "slug_taken").await;
    let bad = app
        .post_json(
            "/api/landing-pages",
            &json!({"title": "X", "slug": "Not ok", "redirect_url": "https://evil.example"}),
        )
        .await;
    let mut fields = error_fields(&assert_problem(bad, 422, "validation_failed").await);
    fields.sort();
    assert_eq!(fields, ["redirect_url", "slug"]);
}

#[tokio::test]
async fn every_text_of_a_page_and_its_form_comes_back_inert() {
    let app = app().await;
    for (n, payload) in XSS.iter().enumerate() {
        let sections = json!([{"kind": "hero", "heading": payload, "body": payload, "items": [payload], "cta_label": "Go"},
            {"kind": "form", "heading": payload, "body": payload, "cta_label": payload}]);
        let page = published(
            &app,
            json!({"title": payload, "slug": format!("xss-{n}"), "sections": sections,
            "consent_text": payload, "fields": ["first_name"]}),
        )
        .await;
        let (status, html) = serve(&app, &format!("/lp/xss-{n}")).await;
        assert_eq!(status, 200);
        for raw in ["<script>", "<img src=x", "href=\"javascript:", "<svg onload", "onerror=alert(1)>"] {
            assert!(!html.contains(raw), "{payload}: {raw} came back raw");
        }
        // A bad submission shows the typed values again, escaped too.
        let form = BTreeMap::from([("email", "not an email".to_string()), ("first_name", payload.to_string())]);
        let (status, html) = submit(&app, &page, form, "").await;
        assert_eq!(status, 422);
        assert!(html.contains("Email:") && !html.contains("<script>") && !html.contains("<img src=x"), "{html}");
    }
}

#[tokio::test]
async fn a_submission_upserts_one_contact_with_consent_registers_for_the_event_and_counts() {
    let app = app().await;
    let event = app
        .post_json("/api/events", &json!({"name": "Workshop", "starts_at": "2031-03-12T09:00:00Z", "ends_at": "2031-03-12T12:00:00Z", "capacity": 50}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    let campaign =
        app.post_json("/api/campaigns", &json!({"name": "Workshop push", "brief": "Fill the workshop."})).await;
    let campaign: Value = campaign.json().await.unwrap();
    let page = published(
        &app,
        json!({"title": "Workshop sign-up", "event_id": event["id"], "campaign_id": campaign["id"],
            "fields": ["first_name", "last_name", "company"],
        "consent_text": "Yes, email me about the workshop."}),
    )
    .await;
    let form = |first: &str| {
        BTreeMap::from([
            ("email", " Ann@Example.COM ".to_string()),
            ("first_name", first.to_string()),
            ("last_name", "Lee".to_string()),
            ("company", "Acme".to_string()),
            ("consent", "yes".to_string()),
        ])
    };
    let (status, html) = submit(&app, &page, form("Ann"), "?utm_source=newsletter&utm_medium=email").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Thank you, Ann!") && html.contains("your place at Workshop"), "{html}");
    let (status, _) = submit(&app, &page, form("Annie"), "?utm_source=linkedin").await;
    assert_eq!(status, 200);

    let contacts = app.rows("SELECT key, first_name, source FROM contact WHERE email = 'ann@example.com'").await;
    assert_eq!(contacts.len(), 1, "one contact for two submissions");
    assert_eq!(contacts[0]["first_name"], "Ann", "the CRM's data is kept");
    let id = contacts[0]["key"].as_str().unwrap();
    let ledger = app.get_ok(&format!("/api/contacts/{id}/consents")).await;
    assert_eq!(ledger["data"].as_array().unwrap().len(), 2);
    assert_eq!(ledger["data"][0]["text"], "Yes, email me about the workshop.");
    assert!(
        ledger["data"][0]["ip"].is_string()
            && ledger["data"][0]["source"].as_str().unwrap().starts_with("landing_page:")
    );
    let subs = app
        .rows(&format!(
            "SELECT utm, referrer, company, event_id FROM lp_submission WHERE contact_id = '{id}' ORDER BY created_at"
        ))
        .await;
    assert_eq!(subs.len(), 2);
    assert_eq!((&subs[0]["utm"]["source"], &subs[0]["utm"]["medium"]), (&json!("newsletter"), &json!("email")));
    assert_eq!((&subs[0]["referrer"], &subs[0]["company"]), (&json!("https://news.example/article"), &json!("Acme")));
    let timeline = app.get_ok(&format!("/api/contacts/{id}/timeline")).await;
    assert!(timeline["data"].as_array().unwrap().iter().any(|e| e["kind"] == "form_submission"), "{timeline}");
    let guests =
        app.get_ok(&format!("/api/events/{}/invitations?status=confirmed", event["id"].as_str().unwrap())).await;
    assert_eq!(guests["data"].as_array().unwrap().len(), 1, "registered once");

    // Analytics: views by day and source, distinct visitors, submissions, conversion.
    serve(&app, &format!("/lp/{}?utm_source=newsletter", page["slug"].as_str().unwrap())).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let stats = loop {
        let stats = app.get_ok(&format!("/api/landing-pages/{}/analytics", page["id"].as_str().unwrap())).await;
        if stats["views"].as_u64().unwrap_or(0) >= 3 || std::time::Instant::now() > deadline {
            break stats;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(
        (&stats["views"], &stats["unique_visitors"], &stats["submissions"]),
        (&json!(3), &json!(1), &json!(2)),
        "{stats}"
    );
    assert_eq!(stats["conversion_rate"], 2.0);
    let sources: Vec<_> =
        stats["by_source"].as_array().unwrap().iter().map(|s| (s["key"].clone(), s["submissions"].clone())).collect();
    assert!(
        sources.contains(&(json!("newsletter"), json!(1))) && sources.contains(&(json!("linkedin"), json!(1))),
        "{stats}"
    );
    // The leads count as the campaign's conversions.
    let figures = app.get_ok(&format!("/api/analytics/campaign/{}", campaign["id"].as_str().unwrap())).await;
    assert_eq!((&figures["form_submissions"], &figures["conversions"]), (&json!(2), &json!(2)), "{figures}");
    let bad = app.get(&format!("/api/landing-pages/{}/analytics?from=yesterday", page["id"].as_str().unwrap())).await;
    assert_eq!(error_fields(&assert_problem(bad, 422, "validation_failed").await), ["from"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn double_opt_in_records_the_consent_only_when_the_emailed_link_is_followed() {
    let sink = crm::smtp_sink::SmtpSink::start(true).await.unwrap();
    let app = crate::deliveries::app_with_sink(&sink, |s| s.landing_pages.min_fill_secs = 0).await;
    let wording = "Yes, send me <the> newsletter & offers.";
    let page = published(
        &app,
        json!({"title": "Newsletter", "fields": ["first_name"], "consent_text": wording, "double_opt_in": true}),
    )
    .await;
    assert_eq!(page["double_opt_in"], true);
    let form = |consent: bool| {
        let mut f = BTreeMap::from([("email", "dora@optin.example".to_string()), ("first_name", "Dora".to_string())]);
        if consent {
            f.insert("consent", "yes".to_string());
        }
        f
    };
    let (status, html) = submit(&app, &page, form(true), "").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("we have emailed you a link"), "{html}");
    let contact = app.rows("SELECT key FROM contact WHERE email = 'dora@optin.example'").await;
    let id = contact[0]["key"].as_str().unwrap().to_string();
    let consents_path = format!("/api/contacts/{id}/consents");
    let ledger = || app.get_ok(&consents_path);
    assert!(ledger().await["data"].as_array().unwrap().is_empty(), "no consent before the link is followed");

    // The page's wording was changed after the visitor saw it: the email and the ledger keep
    // what was shown.
    let page_id = page["id"].as_str().unwrap();
    app.patch_json(&format!("/api/landing-pages/{page_id}"), &json!({"consent_text": "Something else."}), None).await;
    let mail = crate::deliveries::decoded(&crate::events::mail_to(&sink, "dora@optin.example", 1).await[0]);
    assert!(mail.contains("Subject: Please confirm: Newsletter"), "{mail}");
    assert!(mail.contains("Yes, send me &lt;the&gt; newsletter &amp; offers."), "the wording, escaped: {mail}");
    let link = crate::deliveries::link(&mail, "/confirm/");

    // An altered link is an HTML 404 and records nothing.
    let mut forged = link.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    let (status, html) = serve(&app, &forged).await;
    assert_eq!(status, 404, "{html}");
    assert!(ledger().await["data"].as_array().unwrap().is_empty());

    let (status, html) = serve(&app, &link).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("your consent is confirmed") && html.contains("We have recorded it"), "{html}");
    let entries = ledger().await["data"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!((&entries[0]["status"], &entries[0]["text"]), (&json!("granted"), &json!(wording)));
    assert_eq!(entries[0]["source"], "landing_page:newsletter");
    assert!(entries[0]["ip"].is_string());

    // Followed again (a second click, a mail scanner): nothing more is recorded.
    let (status, html) = serve(&app, &link).await;
    assert_eq!(status, 200);
    assert!(html.contains("You had already confirmed it"), "{html}");
    assert_eq!(ledger().await["data"].as_array().unwrap().len(), 1);
    let subs = app.rows(&format!("SELECT confirmed_at, version FROM lp_submission WHERE contact_id = '{id}'")).await;
    assert_eq!(subs[0]["version"], 2);
    assert!(subs[0]["confirmed_at"].is_string());
    let timeline = app.get_ok(&format!("/api/contacts/{id}/timeline")).await;
    let kinds: Vec<&str> = timeline["data"].as_array().unwrap().iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "form_submission").count(), 1, "{kinds:?}");
    assert!(kinds.contains(&"consent_confirmed"), "{kinds:?}");

    // Without the box ticked there is nothing to confirm: no email.
    let (status, _) = submit(&app, &page, form(false), "").await;
    assert_eq!(status, 200);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    crate::events::mail_to(&sink, "dora@optin.example", 1).await;
}

#[tokio::test]
async fn bots_and_bad_forms_are_turned_away_and_store_nothing() {
    let app = spawn_app_with(|s| s.landing_pages.min_fill_secs = 2).await;
    let page = published(&app, json!({"title": "Guide", "redirect_url": "/thanks"})).await;
    let good = || BTreeMap::from([("email", "real@example.com".to_string())]);
    // The honeypot: answered like a success, nothing stored.
    let mut trap = good();
    trap.insert("website", "http://spam.example".into());
    let (status, html) = submit(&app, &page, trap, "").await;
    assert_eq!((status, html.contains("Thank you")), (200, true));
    // Too fast, no timing field, a forged one.
    assert_eq!(submit(&app, &page, good(), "").await.0, 422);
    let mut forged = good();
    forged.insert("_t", "AAAAAAAAAAAAAAAAAAAAAAAAAAAA".into());
    assert_eq!(submit(&app, &page, forged, "").await.0, 400);
    assert!(app.rows("SELECT * FROM contact WHERE email = 'real@example.com'").await.is_empty());
    assert!(app.rows("SELECT * FROM lp_submission").await.is_empty());
    // After the time to fill: stored, then to the page's redirect.
    let (_, html) = serve(&app, "/lp/guide").await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let mut form = good();
    form.insert("_t", token_of(&html));
    let no_follow = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = no_follow
        .post(app.url(&format!("/lp/{}/submit", page["id"].as_str().unwrap())))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/thanks");
    assert_eq!(app.rows("SELECT * FROM lp_submission").await.len(), 1);
    // A JSON body works too; an oversized one is refused.
    let (_, html) = serve(&app, "/lp/guide").await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let res = no_follow
        .post(app.url(&format!("/lp/{}/submit", page["id"].as_str().unwrap())))
        .json(&json!({"email": "json@example.com", "consent": true, "_t": token_of(&html)}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let huge = "x".repeat(20_000);
    let res = app
        .anonymous
        .post(app.url(&format!("/lp/{}/submit", page["id"].as_str().unwrap())))
        .form(&[("email", huge)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
}

#[tokio::test]
async fn page_lists_scan_an_index_and_stop_after_the_page() {
    use crm::domain::landing_pages::PageStatus;
    use crm::repositories::landing_pages::LandingPageRepository;
    let app = app().await;
    let repo = LandingPageRepository::new(app.db.clone());
    for status in [None, Some(PageStatus::Published)] {
        let text = repo.explain_list(status).await.unwrap().to_string();
        assert!(
            text.contains("IndexScan") && !text.contains("TableScan") && !text.contains("Sort"),
            "{status:?}: {text}"
        );
    }
    let page = published(&app, json!({"title": "Listed"})).await;
    let list = app.get_ok("/api/landing-pages?status=published").await;
    assert_eq!(list["data"][0]["id"], page["id"]);
    assert_eq!(list["data"][0]["url"], "/lp/listed");
    assert!(app.get_ok("/api/landing-pages?status=draft").await["data"].as_array().unwrap().is_empty());
}
