//! Analytics: the four summaries over a range, and counters kept in the write transactions that
//! always equal a full recount from the records and their history.

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

fn count_of(list: &Value, key: &str) -> i64 {
    list.as_array().unwrap().iter().find(|k| k["key"] == key).map_or(0, |k| k["count"].as_i64().unwrap())
}

#[tokio::test]
async fn contacts_funnel_pipeline_and_activity_count_what_is_stored() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ada = app
        .create_contact(
            &json!({"email": "ada@acme.com", "source": "web", "tags": ["vip", "b2b"], "company_id": acme["id"]}),
        )
        .await;
    let bob = app
        .create_contact(&json!({"email": "bob@acme.com", "source": "web", "tags": ["vip"], "company_id": acme["id"]}))
        .await;
    let cy = app.create_contact(&json!({"email": "cy@other.org", "status": "mql"})).await;
    let path = |c: &Value| format!("/api/contacts/{}", c["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&path(&ada), &json!({"status": "sql"}), None).await.status(), 200);
    assert_eq!(app.patch_json(&path(&bob), &json!({"status": "mql"}), None).await.status(), 200);
    assert_eq!(app.delete(&path(&cy)).await.status(), 204);

    let contacts = app.get_ok("/api/analytics/contacts").await;
    assert_eq!(contacts["total"], 2, "{contacts}");
    assert_eq!((count_of(&contacts["by_status"], "sql"), count_of(&contacts["by_status"], "mql")), (1, 1));
    assert_eq!(contacts["by_status"].as_array().unwrap().len(), 6, "every status, zeros included");
    assert_eq!(contacts["by_source"], json!([{"key": "web", "count": 2}]));
    assert_eq!(contacts["by_tag"], json!([{"key": "vip", "count": 2}, {"key": "b2b", "count": 1}]));
    assert_eq!(contacts["by_company"], json!([{"company_id": acme["id"], "name": "Acme", "count": 2}]));
    assert_eq!(contacts["new_per_day"], json!([{"day": today(), "count": 2}]));

    // The funnel counts history: Cy entered mql before being deleted.
    let funnel = app.get_ok("/api/analytics/funnel").await;
    let stage = |s: &str| funnel["stages"].as_array().unwrap().iter().find(|x| x["status"] == s).unwrap().clone();
    assert_eq!((stage("lead")["entered"].as_i64(), stage("lead")["advanced"].as_i64()), (Some(2), Some(2)));
    assert_eq!(stage("lead")["conversion_rate"], 1.0);
    assert_eq!((stage("mql")["entered"].as_i64(), stage("sql")["entered"].as_i64()), (Some(2), Some(1)));
    assert_eq!(stage("mql")["conversion_rate"], 0.0);
    assert_eq!(stage("customer")["conversion_rate"], Value::Null);

    let deal = |name: &str| json!({"name": name, "amount": "100.00", "contact_ids": [ada["id"]]});
    let mut deals = Vec::new();
    for name in ["A", "B", "C"] {
        let res = app.post_json("/api/deals", &deal(name)).await;
        assert_eq!(res.status(), 201);
        deals.push(format!("/api/deals/{}", res.json::<Value>().await.unwrap()["id"].as_str().unwrap()));
    }
    assert_eq!(app.patch_json(&deals[0], &json!({"stage": "won"}), None).await.status(), 200);
    assert_eq!(app.patch_json(&deals[1], &json!({"stage": "lost", "lost_reason": "Budget"}), None).await.status(), 200);
    let pipeline = app.get_ok("/api/analytics/pipeline").await;
    assert_eq!((pipeline["won"].as_i64(), pipeline["lost"].as_i64()), (Some(1), Some(1)));
    assert_eq!(pipeline["win_rate"], 0.5);
    assert_eq!(pipeline["average_days_to_close"], 0.0);
    assert_eq!(
        pipeline["by_stage"],
        json!([{"key": "qualification", "count": 1}, {"key": "proposal", "count": 0}, {"key": "negotiation", "count": 0},
               {"key": "won", "count": 1}, {"key": "lost", "count": 1}])
    );
    // Reopening takes the loss back.
    assert_eq!(app.patch_json(&deals[1], &json!({"stage": "proposal"}), None).await.status(), 200);
    let pipeline = app.get_ok("/api/analytics/pipeline").await;
    assert_eq!((pipeline["lost"].as_i64(), pipeline["win_rate"].as_f64()), (Some(0), Some(1.0)));

    let timeline = format!("{}/timeline", path(&ada));
    let call = json!({"kind": "call", "body": "Rang", "at": "2026-01-15T09:00:00Z"});
    assert_eq!(app.post_json(&timeline, &call).await.status(), 201);
    let activity = app.get_ok("/api/analytics/activity?from=2026-01-14&to=2026-01-16").await;
    assert_eq!(activity["by_kind"], json!([{"key": "call", "count": 1}]));
    let days: Vec<_> = activity["per_day"].as_array().unwrap().iter().map(|d| d["total"].as_i64().unwrap()).collect();
    assert_eq!(days, [0, 1, 0]);
    assert_eq!(activity["per_day"][1]["by_kind"], json!({"call": 1}));
    let everything = app.get_ok("/api/analytics/activity").await;
    // Three contacts created, two changed, one deleted; three deals (naming Ada) created, won,
    // lost and reopened: one entry each on a timeline.
    assert_eq!((count_of(&everything["by_kind"], "change"), count_of(&everything["by_kind"], "deal")), (6, 6));

    // A range before any of it counts nothing; today's counts everything created today.
    let old = app.get_ok("/api/analytics/contacts?from=2020-01-01&to=2020-01-31").await;
    assert_eq!((old["total"].as_i64(), old["new_per_day"].as_array().unwrap().len()), (Some(0), 31));
    let now = app.get_ok(&format!("/api/analytics/contacts?from={}T00:00:00Z", today())).await;
    assert_eq!(now["total"], 2);
}

#[tokio::test]
async fn a_bad_range_is_a_422_naming_the_parameter() {
    let app = spawn_app().await;
    for path in
        ["/api/analytics/contacts", "/api/analytics/funnel", "/api/analytics/pipeline", "/api/analytics/activity"]
    {
        let problem = assert_problem(app.get(&format!("{path}?from=yesterday")).await, 422, "validation_failed").await;
        assert_eq!(error_fields(&problem), ["from"]);
        let problem =
            assert_problem(app.get(&format!("{path}?from=2026-02-01&to=2026-01-01")).await, 422, "validation_failed")
                .await;
        assert_eq!(error_fields(&problem), ["to"]);
    }
}

#[tokio::test]
async fn summaries_scan_a_range_of_counter_ids() {
    let app = spawn_app().await;
    let repo = crm::repositories::analytics::AnalyticsRepository::new(app.db.clone());
    let plan = repo.explain_sums(crm::domain::analytics::CONTACT_STATUS).await.unwrap().to_string();
    assert!(plan.contains("RecordIdScan") && !plan.contains("TableScan"), "{plan}");
}

#[derive(Debug, Clone)]
enum Op {
    Create { status: usize, source: Option<u8>, tags: Vec<u8>, company: bool },
    SetStatus(usize, usize),
    SetTags(usize, Vec<u8>),
    Delete(usize),
    Erase(usize),
    Log(usize, u8, i64),
    Deal(usize),
    Move(usize, usize),
    DeleteDeal(usize),
}

const STATUSES: [&str; 6] = ["lead", "mql", "sql", "opportunity", "customer", "churned"];
const STAGES: [&str; 5] = ["qualification", "proposal", "negotiation", "won", "lost"];
const KINDS: [&str; 3] = ["note", "call", "meeting"];

fn op() -> impl Strategy<Value = Op> {
    let tags = proptest::collection::vec(0u8..4, 0..3);
    prop_oneof![
        3 => (0usize..6, proptest::option::of(0u8..3), tags.clone(), any::<bool>())
            .prop_map(|(status, source, tags, company)| Op::Create { status, source, tags, company }),
        3 => (0usize..8, 0usize..6).prop_map(|(i, s)| Op::SetStatus(i, s)),
        1 => (0usize..8, tags).prop_map(|(i, t)| Op::SetTags(i, t)),
        1 => (0usize..8).prop_map(Op::Delete),
        1 => (0usize..8).prop_map(Op::Erase),
        2 => (0usize..8, 0u8..3, 0i64..40).prop_map(|(i, k, d)| Op::Log(i, k, d)),
        2 => (0usize..8).prop_map(Op::Deal),
        3 => (0usize..4, 0usize..5).prop_map(|(i, s)| Op::Move(i, s)),
        1 => (0usize..4).prop_map(Op::DeleteDeal),
    ]
}

async fn apply(app: &TestApp, ops: Vec<Op>) {
    let company = app.create_company(&json!({"name": "Acme"})).await;
    let (mut contacts, mut deals): (Vec<String>, Vec<String>) = (vec![], vec![]);
    let tag_names = |t: &[u8]| t.iter().map(|t| format!("t{t}")).collect::<Vec<_>>();
    for (n, op) in ops.into_iter().enumerate() {
        match op {
            Op::Create { status, source, tags, company: with_company } => {
                let mut body =
                    json!({"email": format!("c{n}@example.com"), "status": STATUSES[status], "tags": tag_names(&tags)});
                if let Some(s) = source {
                    body["source"] = json!(format!("s{s}"));
                }
                if with_company {
                    body["company_id"] = company["id"].clone();
                }
                contacts.push(app.create_contact(&body).await["id"].as_str().unwrap().to_string());
            }
            Op::SetStatus(i, s) => {
                if let Some(id) = contacts.get(i) {
                    app.patch_json(&format!("/api/contacts/{id}"), &json!({"status": STATUSES[s]}), None).await;
                }
            }
            Op::SetTags(i, t) => {
                if let Some(id) = contacts.get(i) {
                    app.patch_json(&format!("/api/contacts/{id}"), &json!({"tags": tag_names(&t)}), None).await;
                }
            }
            Op::Delete(i) => {
                if let Some(id) = contacts.get(i) {
                    app.delete(&format!("/api/contacts/{id}")).await;
                }
            }
            Op::Erase(i) => {
                if let Some(id) = contacts.get(i) {
                    app.post_json(&format!("/api/contacts/{id}/erase"), &json!({})).await;
                }
            }
            Op::Log(i, k, days_ago) => {
                if let Some(id) = contacts.get(i) {
                    let at = chrono::Utc::now() - chrono::Duration::days(days_ago);
                    let body = json!({"kind": KINDS[usize::from(k)], "body": "x", "at": at.to_rfc3339()});
                    app.post_json(&format!("/api/contacts/{id}/timeline"), &body).await;
                }
            }
            Op::Deal(i) => {
                let mut body = json!({"name": format!("D{n}"), "amount": "10.00"});
                if let Some(id) = contacts.get(i) {
                    body["contact_ids"] = json!([id]);
                }
                let res = app.post_json("/api/deals", &body).await;
                if res.status() == 201 {
                    deals.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string());
                }
            }
            Op::Move(i, s) => {
                if let Some(id) = deals.get(i) {
                    let body = json!({"stage": STAGES[s], "lost_reason": (STAGES[s] == "lost").then_some("No budget")});
                    app.patch_json(&format!("/api/deals/{id}"), &body, None).await;
                }
            }
            Op::DeleteDeal(i) => {
                if let Some(id) = deals.get(i) {
                    app.delete(&format!("/api/deals/{id}")).await;
                }
            }
        }
    }
}

/// The counters as stored: summed over shards, zeros dropped.
pub async fn stored(app: &TestApp) -> Vec<(String, String, String, i64, i64)> {
    let rows = app
        .rows("SELECT metric, day, key, math::sum(n) AS n, math::sum(secs) AS secs FROM stat GROUP BY metric, day, key")
        .await;
    let mut out: Vec<_> = rows
        .into_iter()
        .map(|r| {
            let s = |f: &str| r[f].as_str().unwrap().to_string();
            (s("metric"), s("day"), s("key"), r["n"].as_i64().unwrap_or(0), r["secs"].as_i64().unwrap_or(0))
        })
        .filter(|(_, _, _, n, secs)| *n != 0 || *secs != 0)
        .collect();
    out.sort();
    out
}

/// The counters a full recount from the records and their history gives, as [`stored`] lists them.
pub async fn recounted(app: &TestApp) -> Vec<(String, String, String, i64, i64)> {
    let mut recounted: Vec<_> = crm::repositories::analytics::recount(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.metric.to_string(), c.day, c.key, c.n, c.secs))
        .collect();
    recounted.sort();
    recounted
}

async fn counters_equal_a_recount(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let app = spawn_app().await;
    apply(&app, ops).await;
    let recounted = recounted(&app).await;
    prop_assert_eq!(stored(&app).await, recounted.clone());
    // Folding the shards of every day changes no sum, and leaves one row per counter.
    crm::repositories::analytics::fold(&app.db, "9999-12-31", true).await.unwrap();
    prop_assert_eq!(stored(&app).await, recounted);
    let rows = app.rows("SELECT metric, day, key, count() AS rows FROM stat GROUP BY metric, day, key").await;
    prop_assert!(rows.iter().all(|r| r["rows"] == 1), "{:?}", rows);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]
    #[test]
    fn the_counters_always_equal_a_full_recount(ops in proptest::collection::vec(op(), 1..30)) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(counters_equal_a_recount(ops))?;
    }
}
