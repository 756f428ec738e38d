//! Segments: saved filters with history, members always current, previews, bad trees.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn a_segment_is_always_current() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme", "industry": "Consulting"})).await;
    let ada = app
        .create_contact(&json!({"email": "ada@acme.com", "status": "lead", "tags": ["vip"], "company_id": acme["id"]}))
        .await;
    let bob = app.create_contact(&json!({"email": "bob@other.org", "status": "lead", "tags": ["vip"]})).await;
    app.create_contact(&json!({"email": "cy@acme.com", "status": "customer"})).await;
    let filter = json!({"and": [
        {"field": "status", "op": "eq", "value": "lead"},
        {"field": "tags", "op": "contains", "value": "VIP"},
        {"or": [{"field": "email_domain", "op": "eq", "value": "acme.com"}, {"field": "company.industry", "op": "eq", "value": "Consulting"}]}
    ]});
    let res = app.post_json("/api/segments", &json!({"name": "Warm Acme leads", "filter": filter})).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["etag"], "\"1\"");
    let segment: Value = res.json().await.unwrap();
    assert_eq!(segment["filter"], filter);
    let base = format!("/api/segments/{}", segment["id"].as_str().unwrap());
    let members = app.get_ok(&format!("{base}/contacts?count=true")).await;
    assert_eq!(members["total"], 1);
    assert_eq!(members["data"][0]["id"], ada["id"]);
    // A change shows on the very next request: Ada becomes a customer, Bob joins Acme.
    let ada_path = format!("/api/contacts/{}", ada["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&ada_path, &json!({"status": "customer"}), None).await.status(), 200);
    let bob_path = format!("/api/contacts/{}", bob["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&bob_path, &json!({"company_id": acme["id"]}), None).await.status(), 200);
    let members = app.get_ok(&format!("{base}/contacts?count=true")).await;
    let ids: Vec<_> = members["data"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect();
    assert_eq!((ids, &members["total"]), (vec![bob["id"].clone()], &json!(1)));
    // Versioned like every record.
    let renamed = app.patch_json(&base, &json!({"name": "Warm leads"}), Some("\"1\"")).await;
    assert_eq!(renamed.status(), 200);
    assert_problem(app.patch_json(&base, &json!({"name": "Stale"}), Some("\"1\"")).await, 412, "precondition_failed")
        .await;
    let history = app.get_ok(&format!("{base}/history")).await;
    assert_eq!(history["data"].as_array().unwrap().len(), 2);
    assert_eq!(app.get_ok("/api/segments").await["data"][0]["name"], "Warm leads");
    assert_eq!(app.delete(&base).await.status(), 204);
    assert_problem(app.get(&format!("{base}/contacts")).await, 404, "not_found").await;
}

#[tokio::test]
async fn preview_counts_an_unsaved_filter_and_activity_counts_the_timeline() {
    let app = spawn_app().await;
    let mut ids = Vec::new();
    for i in 0..12 {
        let c = app
            .create_contact(
                &json!({"email": format!("p{i}@example.com"), "source": if i % 2 == 0 { "web" } else { "event" }}),
            )
            .await;
        ids.push(c["id"].as_str().unwrap().to_string());
    }
    let preview = app
        .post_json("/api/segments/preview", &json!({"filter": {"field": "source", "op": "eq", "value": "web"}}))
        .await;
    assert_eq!(preview.status(), 200);
    let preview: Value = preview.json().await.unwrap();
    assert_eq!((preview["count"].as_u64(), preview["sample"].as_array().unwrap().len()), (Some(6), 6));
    let all = app
        .post_json(
            "/api/segments/preview",
            &json!({"filter": {"field": "email", "op": "contains", "value": "EXAMPLE"}}),
        )
        .await;
    let all: Value = all.json().await.unwrap();
    assert_eq!((all["count"].as_u64(), all["sample"].as_array().unwrap().len()), (Some(12), 10));
    let call = |id: &str| format!("/api/contacts/{id}/timeline");
    assert_eq!(app.post_json(&call(&ids[3]), &json!({"kind": "call", "body": "Rang"})).await.status(), 201);
    let called = json!({"filter": {"field": "activity.call", "op": "within_last", "value": "1d"}});
    let preview: Value = app.post_json("/api/segments/preview", &called).await.json().await.unwrap();
    assert_eq!(preview["count"], 1);
    assert_eq!(preview["sample"][0]["id"], json!(ids[3]));
    let not_called = json!({"filter": {"and": [
        {"field": "activity.call", "op": "not_within_last", "value": "1d"},
        {"field": "created_at", "op": "within_last", "value": "1h"},
        {"not": {"field": "tags", "op": "exists", "value": true}}
    ]}});
    let preview: Value = app.post_json("/api/segments/preview", &not_called).await.json().await.unwrap();
    assert_eq!(preview["count"], 11);
    let viewer = app.client_for(crm::domain::auth::Role::Viewer).await;
    let res = viewer.post(app.url("/api/segments/preview")).json(&called).send().await.unwrap();
    assert_eq!(res.status(), 200, "previewing reads; viewers may");
}

#[tokio::test]
async fn bad_filters_are_422_naming_the_node() {
    let app = spawn_app().await;
    for (filter, field) in [
        (
            json!({"and": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "status", "op": "like", "value": "x"}]}),
            "filter.and[1].op",
        ),
        (json!({"field": "colour", "op": "eq", "value": "red"}), "filter.field"),
        (json!({"not": {"field": "created_at", "op": "within_last", "value": "a while"}}), "filter.not.value"),
        (json!({"or": []}), "filter.or"),
        (json!("status = lead"), "filter"),
    ] {
        let p = assert_problem(
            app.post_json("/api/segments", &json!({"name": "S", "filter": filter})).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{filter}");
        let p = assert_problem(
            app.post_json("/api/segments/preview", &json!({"filter": filter})).await,
            422,
            "validation_failed",
        )
        .await;
        assert_eq!(error_fields(&p), [field], "{filter}");
    }
    let p = assert_problem(
        app.post_json("/api/segments", &json!({"filter": {"field": "status", "op": "eq", "value": "lead"}})).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(error_fields(&p), ["name"]);
    assert!(app.rows("SELECT key FROM segment").await.is_empty());
}

#[tokio::test]
async fn top_level_equalities_drive_an_index_scan() {
    use crm::domain::segments::parse_filter;
    use crm::repositories::segments::{compile, SegmentRepository};
    let app = spawn_app().await;
    let repo = SegmentRepository::new(app.db.clone());
    for (filter, index) in [
        (
            json!({"and": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "tags", "op": "contains", "value": "vip"},
                        {"field": "created_at", "op": "within_last", "value": "30d"}]}),
            "contact_facets_rkey",
        ),
        (
            json!({"and": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "source", "op": "eq", "value": "web"}]}),
            "contact_status_rkey",
        ),
        (
            json!({"field": "company_id", "op": "eq", "value": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"}),
            "contact_company_rkey",
        ),
        (
            json!({"or": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "source", "op": "eq", "value": "web"}]}),
            "contact_part_rkey",
        ),
    ] {
        let compiled = compile(&parse_filter(&filter).unwrap(), chrono::Utc::now());
        let plan = repo.explain_members(&compiled).await.unwrap().to_string();
        assert!(plan.contains("IndexScan") && plan.contains(index) && !plan.contains("TableScan"), "{filter}: {plan}");
    }
    // A creation-time range seeks the scan: its start when it has one, else where it stops.
    let lead = json!({"field": "status", "op": "eq", "value": "lead"});
    for (range, access) in [
        (json!({"field": "created_at", "op": "within_last", "value": "30d"}), "LessThanEqual"),
        (json!({"field": "created_at", "op": "lt", "value": "2026-01-01T00:00:00Z"}), "MoreThan"),
    ] {
        let filter = json!({"and": [lead, range]});
        let compiled = compile(&parse_filter(&filter).unwrap(), chrono::Utc::now());
        let plan = repo.explain_members(&compiled).await.unwrap().to_string();
        assert!(plan.contains("contact_status_rkey") && plan.contains(access), "{filter}: {plan}");
    }
}

#[tokio::test]
async fn the_engagement_score_adds_up_to_its_parts() {
    let app = spawn_app().await;
    let ada = app.contact_with_email("ada@example.com").await;
    let id = ada["id"].as_str().unwrap();
    let empty = app.get_ok(&format!("/api/contacts/{id}/score")).await;
    assert_eq!((&empty["score"], empty["parts"].as_array().unwrap().len()), (&json!("0.00"), 0));
    let a_month_ago = (chrono::Utc::now() - chrono::Duration::days(30)).to_rfc3339();
    for (kind, at) in [("call", None), ("meeting", Some(a_month_ago.clone())), ("note", None)] {
        let mut body = json!({"kind": kind, "body": "x"});
        if let Some(at) = at {
            body["at"] = json!(at);
        }
        assert_eq!(app.post_json(&format!("/api/contacts/{id}/timeline"), &body).await.status(), 201);
    }
    let deal = crate::deals::create_deal(&app, &json!({"name": "D", "contact_ids": [id]})).await;
    app.patch_json(&format!("/api/deals/{}", deal["id"].as_str().unwrap()), &json!({"stage": "won"}), None).await;
    let s = app.get_ok(&format!("/api/contacts/{id}/score")).await;
    let parts = s["parts"].as_array().unwrap();
    let kinds: Vec<_> = parts.iter().map(|p| p["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["deal_won", "note", "call", "meeting"]);
    let cents = |v: &Value| -> i64 {
        let (w, f) = v.as_str().unwrap().split_once('.').unwrap();
        w.parse::<i64>().unwrap() * 100 + f.parse::<i64>().unwrap()
    };
    let sum: i64 = parts.iter().map(|p| cents(&p["decayed"])).sum();
    assert_eq!(sum, cents(&s["score"]));
    // A 30-day-old meeting counts half of its 5 points.
    assert_eq!(parts[3]["decayed"], "2.50");
    assert_eq!(parts[0]["points"], "10.00");
    assert_problem(app.get("/api/contacts/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c/score").await, 404, "not_found").await;
}

#[tokio::test]
async fn the_stored_score_follows_activity_sorts_lists_and_filters_segments() {
    let app = spawn_app().await;
    let ada = app.contact_with_email("ada@example.com").await;
    let bob = app.contact_with_email("bob@example.com").await;
    let (ada_id, bob_id) = (ada["id"].as_str().unwrap(), bob["id"].as_str().unwrap());
    assert_eq!(ada["score"], 0.0);
    // A call (3 points) lands: the stored score is current on the next read.
    let call = json!({"kind": "call", "body": "Rang"});
    assert_eq!(app.post_json(&format!("/api/contacts/{ada_id}/timeline"), &call).await.status(), 201);
    assert_eq!(app.get_ok(&format!("/api/contacts/{ada_id}")).await["score"], 3.0);
    // A deal naming Bob is won (10 points).
    let deal = crate::deals::create_deal(&app, &json!({"name": "D", "contact_ids": [bob_id]})).await;
    let deal_path = format!("/api/deals/{}", deal["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&deal_path, &json!({"stage": "won"}), None).await.status(), 200);
    assert_eq!(app.get_ok(&format!("/api/contacts/{bob_id}")).await["score"], 10.0);
    let carol = app.contact_with_email("carol@example.com").await;
    // Sorted by score, highest first; a score filter counts a never-scored contact as zero.
    let ids = app.all_ids("/api/contacts?sort=-score&limit=2").await;
    assert_eq!(ids, [bob_id, ada_id, carol["id"].as_str().unwrap()]);
    let repo = crm::repositories::contacts::ContactRepository::new(app.db.clone());
    let sort = crm::domain::pagination::Sort { field: "score", desc: true };
    let plan = repo.explain_list(&Default::default(), sort, None).await.unwrap().to_string();
    assert!(plan.contains("contact_part_rskey") && plan.contains("limit"), "{plan}");
    let preview = |filter: Value| {
        let app = &app;
        async move {
            let res: Value =
                app.post_json("/api/segments/preview", &json!({"filter": filter})).await.json().await.unwrap();
            res["count"].as_u64().unwrap()
        }
    };
    assert_eq!(preview(json!({"field": "score", "op": "gt", "value": 5})).await, 1);
    assert_eq!(preview(json!({"field": "score", "op": "lt", "value": 5})).await, 2);
    // Unwinning the deal takes its points back.
    assert_eq!(app.patch_json(&deal_path, &json!({"stage": "proposal"}), None).await.status(), 200);
    assert_eq!(app.get_ok(&format!("/api/contacts/{bob_id}")).await["score"], 0.0);
    // The decay job recomputes every stored score above zero (here one that went stale).
    crm::repositories::contacts::ContactRepository::new(app.db.clone()).set_score(ada_id, 42.0).await.unwrap();
    assert_eq!(app.state.engagement.refresh_scored(1).await.unwrap(), 1);
    assert_eq!(app.get_ok(&format!("/api/contacts/{ada_id}")).await["score"], 3.0);
    // A score is not a change: no event for it.
    let history = app.get_ok(&format!("/api/contacts/{ada_id}/history")).await;
    assert_eq!(history["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn one_process_at_a_time_holds_a_job_lease() {
    let app = spawn_app().await;
    let leases = crm::repositories::leases::LeaseRepository::new(app.db.clone());
    let minute = std::time::Duration::from_secs(60);
    assert!(leases.acquire("job", "a", minute).await.unwrap());
    assert!(!leases.acquire("job", "b", minute).await.unwrap(), "held by a");
    assert!(leases.acquire("job", "a", minute).await.unwrap(), "a renews");
    assert!(leases.acquire("job", "b", std::time::Duration::from_millis(1)).await.is_ok());
    let short = std::time::Duration::from_millis(50);
    assert!(leases.acquire("other", "a", short).await.unwrap());
    tokio::time::sleep(std::time::Duration::from_millis(120)).await;
    assert!(leases.acquire("other", "b", minute).await.unwrap(), "a's lease ran out");
}

#[tokio::test]
async fn counts_from_index_entries_equal_counts_that_check_every_contact() {
    use crm::domain::segments::parse_filter;
    use crm::repositories::segments::{compile, SegmentRepository};
    let app = spawn_app().await;
    let repo = SegmentRepository::new(app.db.clone());
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let mut created = Vec::new();
    for i in 0..12 {
        let status = ["lead", "customer", "lead"][i % 3];
        let tags = [json!(["vip"]), json!(["vip", "eu"]), json!([])][(i / 2) % 3].clone();
        let mut body = json!({"email": format!("c{i}@example.com"), "status": status, "tags": tags});
        if i % 4 == 0 {
            body["company_id"] = acme["id"].clone();
        }
        let c = app.create_contact(&body).await;
        created.push(c["created_at"].as_str().unwrap().to_string());
        // Contacts a millisecond or more apart, so bounds fall between them.
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    // Bounds on whole milliseconds: the floor of a creation time, and the one after it.
    let ms = |at: &str, plus: i64| {
        let at = chrono::DateTime::parse_from_rfc3339(at).unwrap().with_timezone(&chrono::Utc);
        let floor = chrono::DateTime::from_timestamp_millis(at.timestamp_millis() + plus).unwrap();
        floor.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    let bounds = [ms(&created[3], 0), ms(&created[3], 1), ms(&created[8], 0), ms(&created[0], -5)];
    let equalities = [
        vec![],
        vec![json!({"field": "status", "op": "eq", "value": "lead"})],
        vec![json!({"field": "tags", "op": "contains", "value": "vip"})],
        vec![
            json!({"field": "status", "op": "eq", "value": "lead"}),
            json!({"field": "tags", "op": "contains", "value": "eu"}),
        ],
        vec![json!({"field": "company_id", "op": "eq", "value": acme["id"]})],
    ];
    let mut seen = std::collections::BTreeSet::new();
    for leaves in &equalities {
        for range in [
            vec![],
            vec![("gte", 0)],
            vec![("lt", 1)],
            vec![("gte", 0), ("lt", 2)],
            vec![("gte", 2), ("lt", 1)],
            vec![("gte", 3)],
        ] {
            let mut all = leaves.clone();
            all.extend(range.iter().map(|(op, b)| json!({"field": "created_at", "op": op, "value": bounds[*b]})));
            if all.is_empty() {
                all.push(json!({"field": "created_at", "op": "within_last", "value": "1d"}));
            }
            let filter = json!({"and": all});
            let compiled = compile(&parse_filter(&filter).unwrap(), chrono::Utc::now());
            assert!(compiled.covered.is_some(), "{filter}");
            let (fast, checked) = (repo.count(&compiled).await.unwrap(), repo.count_checked(&compiled).await.unwrap());
            assert_eq!(fast, checked, "{filter}");
            // Pages of 3 (the range narrows their scan) list exactly those contacts, newest first.
            let (mut ids, mut after) = (Vec::new(), None);
            loop {
                let (page, next) = repo.members(&compiled, after.clone(), 3).await.unwrap();
                ids.extend(page.into_iter().map(|c| c.id));
                if next.is_none() {
                    break;
                }
                after = next;
            }
            let mut sorted = ids.clone();
            sorted.sort_by(|a, b| b.cmp(a));
            sorted.dedup();
            assert_eq!((ids.len() as u64, &ids), (checked, &sorted), "{filter}");
            seen.insert(fast);
            let plan =
                repo.explain_count(&compiled).await.unwrap().expect("a covered filter's count query").to_string();
            assert!(plan.contains("IndexCountScan") && !plan.contains("Filter"), "{filter}: {plan}");
        }
    }
    assert!(seen.len() >= 5 && seen.contains(&0) && seen.contains(&12), "counts vary with the filter: {seen:?}");
    // A value that would need escaping is bound, and its contacts checked one by one.
    app.create_contact(&json!({"email": "quote@example.com", "tags": ["it's \\ here"]})).await;
    let filter = json!({"field": "tags", "op": "contains", "value": "It's \\ here"});
    let compiled = compile(&parse_filter(&filter).unwrap(), chrono::Utc::now());
    assert!(repo.explain_count(&compiled).await.unwrap().is_none());
    assert_eq!(repo.count(&compiled).await.unwrap(), 1);
    // The API answers the same: a preview of a covered filter.
    let filter = json!({"and": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "created_at", "op": "gte", "value": bounds[0]}]});
    let compiled = compile(&parse_filter(&filter).unwrap(), chrono::Utc::now());
    let preview =
        app.post_json("/api/segments/preview", &json!({"filter": filter})).await.json::<Value>().await.unwrap();
    let before = repo.count_checked(&compiled).await.unwrap();
    assert_eq!(preview["count"], before);
    // An edit shows in the count on the next request: the index moves in the write's transaction.
    let lead = app.rows("SELECT key FROM contact WHERE status = 'lead' ORDER BY key DESC LIMIT 1").await;
    let id = lead[0]["key"].as_str().unwrap();
    let res = app.patch_json(&format!("/api/contacts/{id}"), &json!({"status": "customer"}), None).await;
    assert_eq!(res.status(), 200);
    let preview =
        app.post_json("/api/segments/preview", &json!({"filter": filter})).await.json::<Value>().await.unwrap();
    assert_eq!(preview["count"], before - 1);
}
