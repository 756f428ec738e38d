//! Deals: CRUD with history and `as_of`, stage rules, exact money, lists, the pipeline.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

pub async fn create_deal(app: &TestApp, body: &Value) -> Value {
    let res = app.post_json("/api/deals", body).await;
    assert_eq!(res.status(), 201, "create deal {body}");
    res.json().await.unwrap()
}

fn path(deal: &Value) -> String {
    format!("/api/deals/{}", deal["id"].as_str().unwrap())
}

#[tokio::test]
async fn deal_crud_round_trip_with_history_and_as_of() {
    let app = spawn_app().await;
    let company = app.create_company(&json!({"name": "Acme"})).await;
    let contact = app.contact_with_email("ada@acme.com").await;
    let res = app
        .post_json(
            "/api/deals",
            &json!({"name": "Website relaunch", "company_id": company["id"], "contact_ids": [contact["id"]],
                    "amount": 48000.5, "expected_close": "2026-03-31"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let loc = res.headers()["location"].to_str().unwrap().to_string();
    let deal: Value = res.json().await.unwrap();
    assert_eq!(
        (&deal["amount"], &deal["currency"], &deal["stage"], &deal["probability"], &deal["owner_id"]),
        (&json!("48000.50"), &json!("EUR"), &json!("qualification"), &json!(10), &Value::Null),
        "an API key has no user to own it"
    );
    assert_eq!(app.get_ok(&loc).await, deal);
    let moved = app.patch_json(&loc, &json!({"stage": "proposal"}), Some("\"1\"")).await;
    assert_eq!(moved.status(), 200);
    let moved: Value = moved.json().await.unwrap();
    assert_eq!((&moved["probability"], &moved["version"]), (&json!(40), &json!(2)));
    let before_move = app.get_ok(&format!("{loc}?as_of={}", deal["updated_at"].as_str().unwrap())).await;
    assert_eq!(before_move, deal, "as_of rebuilds version 1");
    assert_eq!(app.delete(&loc).await.status(), 204);
    assert_problem(app.get(&loc).await, 404, "not_found").await;
    let history = app.get_ok(&format!("{loc}/history")).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "updated", "deleted"]);
}

#[tokio::test]
async fn a_signed_in_user_owns_the_deals_they_create() {
    let app = spawn_app().await;
    let token = app.user_token("rep@example.com", "member").await;
    let rep = crate::helpers::client_with(&token);
    let deal: Value =
        rep.post(app.url("/api/deals")).json(&json!({"name": "Mine"})).send().await.unwrap().json().await.unwrap();
    let me: Value = rep.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(deal["owner_id"], me["id"]);
    let mine = app.get_ok(&format!("/api/deals?owner_id={}", me["id"].as_str().unwrap())).await;
    assert_eq!(mine["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn stage_rules_lost_needs_a_reason_closing_and_reopening() {
    let app = spawn_app().await;
    let deal = create_deal(&app, &json!({"name": "Audit", "amount": "1000"})).await;
    let p = path(&deal);
    let problem =
        assert_problem(app.patch_json(&p, &json!({"stage": "lost"}), None).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["lost_reason"]);
    assert_eq!(app.get_ok(&p).await["version"], 1, "a refused change stores nothing");
    let lost = app.patch_json(&p, &json!({"stage": "lost", "lost_reason": "Budget cut"}), None).await;
    let lost: Value = lost.json().await.unwrap();
    assert_eq!((&lost["probability"], lost["closed_at"].is_string()), (&json!(0), true));
    let reopened: Value = app.patch_json(&p, &json!({"stage": "negotiation"}), None).await.json().await.unwrap();
    assert_eq!(
        (&reopened["closed_at"], &reopened["lost_reason"], &reopened["probability"]),
        (&Value::Null, &Value::Null, &json!(70))
    );
    let won: Value = app.patch_json(&p, &json!({"stage": "won"}), None).await.json().await.unwrap();
    assert_eq!((&won["probability"], won["closed_at"].is_string()), (&json!(100), true));
    let history = app.get_ok(&format!("{p}/history")).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "lost", "reopened", "won"]);
}

#[tokio::test]
async fn bad_deals_are_422_and_store_nothing() {
    let app = spawn_app().await;
    let missing = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
    for (body, field) in [
        (json!({}), "name"),
        (json!({"name": "A", "amount": -1}), "amount"),
        (json!({"name": "A", "amount": "-0.01"}), "amount"),
        (json!({"name": "A", "amount": 1.005}), "amount"),
        (json!({"name": "A", "amount": "12.345"}), "amount"),
        (json!({"name": "A", "amount": "1e3"}), "amount"),
        (json!({"name": "A", "amount": true}), "amount"),
        (json!({"name": "A", "currency": "EURO"}), "currency"),
        (json!({"name": "A", "currency": "XYZ"}), "currency"),
        (json!({"name": "A", "stage": "done"}), "stage"),
        (json!({"name": "A", "probability": 101}), "probability"),
        (json!({"name": "A", "expected_close": "31/03/2026"}), "expected_close"),
        (json!({"name": "A", "stage": "lost"}), "lost_reason"),
        (json!({"name": "A", "company_id": missing}), "company_id"),
        (json!({"name": "A", "contact_ids": [missing]}), "contact_ids"),
        (json!({"name": "A", "contact_ids": ["nope"]}), "contact_ids"),
        (json!({"name": "A", "owner_id": missing}), "owner_id"),
    ] {
        let p = assert_problem(app.post_json("/api/deals", &body).await, 422, "validation_failed").await;
        assert!(error_fields(&p).contains(&field.to_string()), "{body}: {p}");
    }
    assert!(app.rows("SELECT key FROM deal").await.is_empty());
    assert!(app.rows("SELECT * FROM deal_stat").await.is_empty());
    let unknown = app.post_json("/api/deals", &json!({"name": "A", "colour": "red"})).await;
    assert_eq!(unknown.status(), 422);
}

#[tokio::test]
async fn amounts_are_summed_exactly_per_currency() {
    let app = spawn_app().await;
    for _ in 0..10 {
        create_deal(&app, &json!({"name": "Tenth", "amount": 0.1, "stage": "proposal"})).await;
    }
    create_deal(
        &app,
        &json!({"name": "Dollars", "amount": "1000.50", "currency": "usd", "stage": "proposal", "probability": 35}),
    )
    .await;
    let pipeline = app.get_ok("/api/deals/pipeline").await;
    let stages: Vec<_> = pipeline["stages"].as_array().unwrap().iter().map(|s| s["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, ["qualification", "proposal", "negotiation", "won", "lost"]);
    let proposal = &pipeline["stages"][1];
    assert_eq!(proposal["count"], 11);
    assert_eq!(proposal["amount"], json!({"EUR": "1.00", "USD": "1000.50"}));
    // 10 x 0.10 x 40% = 0.40; 1000.50 x 35% = 350.175, rounded half up once.
    assert_eq!(proposal["weighted"], json!({"EUR": "0.40", "USD": "350.18"}));
    assert_eq!(pipeline["win_rate"], Value::Null);
}

#[tokio::test]
async fn the_pipeline_counts_win_rate_and_days_and_follows_every_change() {
    let app = spawn_app().await;
    let a = create_deal(&app, &json!({"name": "A", "amount": 100})).await;
    let b = create_deal(&app, &json!({"name": "B", "amount": 200, "expected_close": "2026-02-01"})).await;
    let c = create_deal(&app, &json!({"name": "C", "amount": 300, "expected_close": "2026-06-01"})).await;
    app.patch_json(&path(&a), &json!({"stage": "won"}), None).await;
    app.patch_json(&path(&b), &json!({"stage": "lost", "lost_reason": "Price"}), None).await;
    app.patch_json(&path(&c), &json!({"amount": "350.25"}), None).await;
    app.patch_json(&path(&a), &json!({"name": "A renamed"}), None).await;
    let p = app.get_ok("/api/deals/pipeline").await;
    let counts: Vec<_> = p["stages"].as_array().unwrap().iter().map(|s| s["count"].as_i64().unwrap()).collect();
    assert_eq!(counts, [1, 0, 0, 1, 1]);
    assert_eq!(p["stages"][0]["amount"], json!({"EUR": "350.25"}));
    assert_eq!(p["stages"][3]["amount"], json!({"EUR": "100.00"}));
    assert_eq!(p["win_rate"], 0.5);
    assert!(p["avg_days_to_close"].as_f64().unwrap() >= 0.0);
    // The filtered pipeline sums the deals themselves; it agrees with the running totals.
    let range =
        app.get_ok("/api/deals/pipeline?expected_close_after=2026-01-01&expected_close_before=2026-12-31").await;
    let counts: Vec<_> = range["stages"].as_array().unwrap().iter().map(|s| s["count"].as_i64().unwrap()).collect();
    assert_eq!(counts, [1, 0, 0, 0, 1]);
    assert_eq!(app.delete(&path(&c)).await.status(), 204);
    let p = app.get_ok("/api/deals/pipeline").await;
    assert_eq!((&p["stages"][0]["count"], &p["stages"][0]["amount"]), (&json!(0), &json!({})));
    // Rebuilt from the deals, the totals are the same.
    let before = app.get_ok("/api/deals/pipeline").await;
    crm::repositories::deals::DealRepository::new(app.db.clone()).rebuild_totals().await.unwrap();
    assert_eq!(app.get_ok("/api/deals/pipeline").await, before);
    assert_problem(app.get("/api/deals/pipeline?owner_id=nope").await, 422, "validation_failed").await;
}

#[tokio::test]
async fn concurrent_stage_moves_keep_the_totals_exact() {
    let app = spawn_app().await;
    let mut deals = Vec::new();
    for i in 0..12 {
        deals.push(create_deal(&app, &json!({"name": format!("D{i}"), "amount": "10.01"})).await);
    }
    let moves = deals.iter().map(|d| {
        let app = &app;
        async move {
            for stage in ["proposal", "negotiation", "won"] {
                let res = app.patch_json(&path(d), &json!({"stage": stage}), None).await;
                assert_eq!(res.status(), 200);
            }
        }
    });
    futures::future::join_all(moves).await;
    let p = app.get_ok("/api/deals/pipeline").await;
    assert_eq!((&p["stages"][3]["count"], &p["stages"][3]["amount"]), (&json!(12), &json!({"EUR": "120.12"})));
    assert_eq!(p["stages"][0]["count"], 0);
}

#[tokio::test]
async fn deal_lists_filter_sort_and_page() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ada = app.contact_with_email("ada@acme.com").await;
    let a = create_deal(
        &app,
        &json!({"name": "Alpha audit", "amount": 300, "company_id": acme["id"], "expected_close": "2026-05-01"}),
    )
    .await;
    let b = create_deal(&app, &json!({"name": "Beta build", "amount": 100, "contact_ids": [ada["id"]], "stage": "proposal", "expected_close": "2026-03-01"})).await;
    let c =
        create_deal(&app, &json!({"name": "Gamma growth", "amount": 200, "company_id": acme["id"], "stage": "won"}))
            .await;
    let ids = |v: Value| -> Vec<Value> { v["data"].as_array().unwrap().iter().map(|d| d["id"].clone()).collect() };
    let acme_id = acme["id"].as_str().unwrap();
    assert_eq!(ids(app.get_ok("/api/deals").await), [c["id"].clone(), b["id"].clone(), a["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/deals?sort=amount").await), [b["id"].clone(), c["id"].clone(), a["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/deals?sort=-amount").await), [a["id"].clone(), c["id"].clone(), b["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/deals?sort=name").await), [a["id"].clone(), b["id"].clone(), c["id"].clone()]);
    assert_eq!(
        ids(app.get_ok("/api/deals?sort=expected_close").await),
        [b["id"].clone(), a["id"].clone(), c["id"].clone()],
        "undated last"
    );
    assert_eq!(ids(app.get_ok("/api/deals?stage=proposal").await), [b["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/deals?open=false").await), [c["id"].clone()]);
    assert_eq!(ids(app.get_ok(&format!("/api/deals?company_id={acme_id}&open=true")).await), [a["id"].clone()]);
    assert_eq!(ids(app.get_ok(&format!("/api/deals?company_id={acme_id}")).await), [c["id"].clone(), a["id"].clone()]);
    assert_eq!(
        ids(app.get_ok(&format!("/api/deals?contact_id={}", ada["id"].as_str().unwrap())).await),
        [b["id"].clone()]
    );
    assert_eq!(ids(app.get_ok("/api/deals?q=gam").await), [c["id"].clone()]);
    assert_eq!(ids(app.get_ok("/api/deals?q=audit&open=true").await), [a["id"].clone()]);
    assert_eq!(
        ids(app.get_ok("/api/deals?expected_close_after=2026-04-01&expected_close_before=2026-06-01").await),
        [a["id"].clone()]
    );
    assert_eq!(app.all_ids("/api/deals?limit=1").await.len(), 3);
    assert_eq!(app.get_ok("/api/deals?count=true&open=true").await["total"], 2);
    for bad in ["stage=done", "open=maybe", "sort=colour", "owner_id=x", "expected_close_after=soon", "limit=0"] {
        assert_problem(app.get(&format!("/api/deals?{bad}")).await, 422, "validation_failed").await;
    }
}

#[tokio::test]
async fn every_deal_filter_scans_an_index() {
    use crm::domain::deals::Stage;
    use crm::domain::pagination::Sort;
    use crm::repositories::deals::{DealQuery, DealRepository};
    let app = spawn_app().await;
    let repo = DealRepository::new(app.db.clone());
    let id = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c".to_string();
    for mask in 0..32u32 {
        let query = DealQuery {
            stage: (mask & 1 != 0).then_some(Stage::Proposal),
            open: (mask & 2 != 0).then_some(true),
            owner_id: (mask & 4 != 0).then(|| id.clone()),
            company_id: (mask & 8 != 0).then(|| id.clone()),
            contact_id: (mask & 16 != 0).then(|| id.clone()),
            ..Default::default()
        };
        let text = repo.explain_list(&query, Sort { field: "created_at", desc: true }).await.unwrap().to_string();
        let scans_index = text.contains("IndexScan") && text.contains("direction: Forward");
        assert!(
            scans_index && !text.contains("TableScan") && !text.contains("Sort") && !text.contains("Backward"),
            "{query:?} does not stop after the page: {text}"
        );
    }
}

#[tokio::test]
async fn an_idempotency_key_creates_one_deal() {
    let app = spawn_app().await;
    let send = || {
        app.client
            .post(app.url("/api/deals"))
            .header("Idempotency-Key", "deal-once-1")
            .json(&json!({"name": "Once", "amount": "10.00"}))
            .send()
    };
    let first: Value = send().await.unwrap().json().await.unwrap();
    let again = send().await.unwrap();
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(first["id"], again["id"]);
    assert_eq!(app.rows("SELECT key FROM deal").await.len(), 1);
    assert_eq!(app.get_ok("/api/deals/pipeline").await["stages"][0]["count"], 1);
}
