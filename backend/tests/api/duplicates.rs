//! Duplicates: the pairs the background scan finds, merging two contacts and undoing it exactly.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::cases::open_case;
use crate::deals::create_deal;
use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

/// The pairs once at least `n` are listed (the scan runs in the background).
async fn pairs_of_at_least(app: &TestApp, query: &str, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let page = app.get_ok(&format!("/api/contacts/duplicates?limit=500{query}")).await;
        let pairs = page["data"].as_array().unwrap().clone();
        if pairs.len() >= n || Instant::now() > deadline {
            return pairs;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn emails(pair: &Value) -> HashSet<String> {
    pair["contacts"].as_array().unwrap().iter().map(|c| c["email"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_scan_pairs_lookalikes_with_their_reason_and_drops_pairs_that_no_longer_match() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let c = &acme["id"];
    for body in [
        json!({"email": "ada.lovelace+crm@gmail.com"}),
        json!({"email": "AdaLovelace@googlemail.com"}),
        json!({"email": "grace@one.example", "phone": "+44 20 7946 0958"}),
        json!({"email": "grace@two.example", "phone": "0044 (20) 7946-0958"}),
        json!({"email": "jose1@acme.example", "first_name": "José", "last_name": "García", "company_id": c}),
        json!({"email": "jose2@acme.example", "first_name": "jose", "last_name": "GARCIA", "company_id": c}),
        json!({"email": "kj1@acme.example", "first_name": "Katherine", "last_name": "Johnson", "company_id": c}),
        json!({"email": "kj2@acme.example", "first_name": "Katherine", "last_name": "Johnsen", "company_id": c}),
        json!({"email": "alone@acme.example", "first_name": "Dorothy", "last_name": "Vaughan", "company_id": c}),
        json!({"email": "katherine@elsewhere.example", "first_name": "Katherine", "last_name": "Johnson"}),
    ] {
        app.create_contact(&body).await;
    }
    let pairs = pairs_of_at_least(&app, "", 4).await;
    let mut found: Vec<(String, HashSet<String>)> =
        pairs.iter().map(|p| (p["reason"].as_str().unwrap().to_string(), emails(p))).collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    let set = |a: &str, b: &str| HashSet::from([a.to_string(), b.to_string()]);
    assert_eq!(
        found,
        vec![
            ("same_email".into(), set("ada.lovelace+crm@gmail.com", "adalovelace@googlemail.com")),
            ("same_name_same_company".into(), set("jose1@acme.example", "jose2@acme.example")),
            ("same_phone".into(), set("grace@one.example", "grace@two.example")),
            ("similar_name_same_company".into(), set("kj1@acme.example", "kj2@acme.example")),
        ]
    );
    let phones = app.get_ok("/api/contacts/duplicates?reason=same_phone").await;
    assert_eq!(phones["data"].as_array().unwrap().len(), 1);
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut progress = app.get_ok("/api/contacts/duplicates/scan").await;
    // `current` means caught up with the events numbered so far; the last of the eleven may
    // still be waiting for its number (the sequencer runs beside the scan).
    let caught_up = |p: &Value| p["status"] == "current" && p["processed"].as_i64().unwrap_or(0) >= 11;
    while !caught_up(&progress) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        progress = app.get_ok("/api/contacts/duplicates/scan").await;
    }
    assert_eq!(progress["status"], "current", "{progress}");
    assert_eq!(progress["processed"], progress["total"]);
    assert!(progress["processed"].as_i64().unwrap() >= 11);

    // A pair whose contacts no longer look alike leaves the list.
    let grace =
        phones["data"][0]["contacts"].as_array().unwrap().iter().find(|c| c["email"] == "grace@two.example").unwrap();
    let res = app.patch_json(&format!("/api/contacts/{}", id(grace)), &json!({"phone": "+1 555 010 0000"}), None).await;
    assert_eq!(res.status(), 200);
    let phones = app.get_ok("/api/contacts/duplicates?reason=same_phone").await;
    assert_eq!(phones["data"], json!([]));

    // Pages follow the cursor; a bad reason is 422.
    let first = app.get_ok("/api/contacts/duplicates?limit=1").await;
    assert_eq!(first["data"].as_array().unwrap().len(), 1);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app.get_ok(&format!("/api/contacts/duplicates?limit=1&cursor={cursor}")).await;
    assert_ne!(second["data"][0]["id"], first["data"][0]["id"]);
    let problem =
        assert_problem(app.get("/api/contacts/duplicates?reason=same_shoe").await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), vec!["reason".to_string()]);

    // A scan from the start again finds the same pairs.
    let res = app.post_json("/api/contacts/duplicates/scan", &json!({})).await;
    assert_eq!(res.status(), 202);
    assert_eq!(pairs_of_at_least(&app, "", 3).await.len(), 3);
}

/// What a merge and its undo must leave as it was: both contacts' data, the records naming them
/// and their timelines.
#[derive(Debug, PartialEq)]
struct World {
    contacts: Vec<Value>,
    deals: Vec<Value>,
    cases: Vec<Value>,
    tasks: Vec<Value>,
    timelines: Vec<HashSet<String>>,
}

/// A record without its bookkeeping (version, updated_at move on with every write).
fn data(mut record: Value) -> Value {
    for field in ["version", "updated_at", "score"] {
        record.as_object_mut().unwrap().remove(field);
    }
    record
}

async fn world(app: &TestApp, contacts: &[&str], deals: &[&str], cases: &[&str], tasks: &[&str]) -> World {
    let mut w = World { contacts: vec![], deals: vec![], cases: vec![], tasks: vec![], timelines: vec![] };
    for contact in contacts {
        w.contacts.push(data(app.get_ok(&format!("/api/contacts/{contact}")).await));
        let timeline = app.get_ok(&format!("/api/contacts/{contact}/timeline?limit=500")).await;
        w.timelines.push(timeline["data"].as_array().unwrap().iter().map(|e| id(e).to_string()).collect());
    }
    for (path, ids, out) in
        [("deals", deals, &mut w.deals), ("cases", cases, &mut w.cases), ("tasks", tasks, &mut w.tasks)]
    {
        for record in ids {
            out.push(data(app.get_ok(&format!("/api/{path}/{record}")).await));
        }
    }
    w
}

fn id(v: &Value) -> &str {
    v["id"].as_str().unwrap()
}

/// One merge case: the two contacts' fields and tags, which fields the merge takes from the
/// other, and which records name whom.
#[derive(Debug, Clone)]
struct Case {
    survivor_fields: BTreeMap<String, String>,
    other_fields: BTreeMap<String, String>,
    survivor_tags: Vec<String>,
    other_tags: Vec<String>,
    theirs: Vec<String>,
    take_email: bool,
    deal_names_both: bool,
    notes: usize,
}

fn case() -> impl Strategy<Value = Case> {
    let field = prop_oneof![Just("first_name"), Just("last_name"), Just("title"), Just("phone"), Just("source")];
    let fields = proptest::collection::btree_map(field.clone().prop_map(String::from), "[A-Z][a-z]{1,6}", 0..4);
    let tags =
        proptest::collection::vec(prop_oneof![Just("vip"), Just("gold"), Just("partner")].prop_map(String::from), 0..3);
    (
        fields.clone(),
        fields,
        tags.clone(),
        tags,
        proptest::collection::vec(field.prop_map(String::from), 0..4),
        any::<bool>(),
        any::<bool>(),
        0usize..3,
    )
        .prop_map(
            |(survivor_fields, other_fields, survivor_tags, other_tags, theirs, take_email, deal_names_both, notes)| {
                Case {
                    survivor_fields,
                    other_fields,
                    survivor_tags,
                    other_tags,
                    theirs,
                    take_email,
                    deal_names_both,
                    notes,
                }
            },
        )
}

fn contact_body(email: &str, fields: &BTreeMap<String, String>, tags: &[String]) -> Value {
    let mut body = json!({"email": email, "tags": tags});
    for (f, v) in fields {
        let v = if f == "phone" { format!("+44 20 7946 {:04}", v.len()) } else { v.clone() };
        body[f] = json!(v);
    }
    body
}

async fn merge_then_unmerge_restores_everything(app: &TestApp, n: usize, case: Case) -> Result<(), TestCaseError> {
    let s = app
        .create_contact(&contact_body(&format!("s{n}@example.com"), &case.survivor_fields, &case.survivor_tags))
        .await;
    let o = app.create_contact(&contact_body(&format!("o{n}@example.com"), &case.other_fields, &case.other_tags)).await;
    let (sid, oid) = (id(&s).to_string(), id(&o).to_string());
    let named = if case.deal_names_both { json!([sid, oid]) } else { json!([oid]) };
    let deal = create_deal(app, &json!({"name": format!("D{n}"), "amount": "10", "contact_ids": named})).await;
    let company = app.create_company(&json!({"name": format!("C{n}")})).await;
    let case_rec = open_case(app, &json!({"company_id": company["id"], "contact_id": oid, "subject": "S"})).await;
    let task: Value =
        app.post_json("/api/tasks", &json!({"title": "T", "contact_id": oid})).await.json().await.unwrap();
    for i in 0..case.notes {
        let res = app
            .post_json(&format!("/api/contacts/{oid}/timeline"), &json!({"kind": "note", "body": format!("note {i}")}))
            .await;
        prop_assert_eq!(res.status(), 201);
    }
    let ids = ([sid.as_str(), oid.as_str()], [id(&deal)], [id(&case_rec)], [id(&task)]);
    let before = world(app, &ids.0, &ids.1, &ids.2, &ids.3).await;

    let mut fields: BTreeMap<String, &str> = case.theirs.iter().map(|f| (f.clone(), "theirs")).collect();
    if case.take_email {
        fields.insert("email".into(), "theirs");
    }
    let res = app.post_json(&format!("/api/contacts/{sid}/merge"), &json!({"other_id": oid, "fields": fields})).await;
    prop_assert_eq!(res.status(), 200);
    let merged: Value = res.json().await.unwrap();
    let merge_id = merged["merge_id"].as_str().unwrap().to_string();
    let after = &merged["contact"];
    for f in ["first_name", "last_name", "title", "phone", "source", "email"] {
        let from = if fields.contains_key(f) { &o } else { &s };
        prop_assert_eq!(&after[f], &from[f], "field {}", f);
    }
    let mut tags: Vec<String> = case.survivor_tags.clone();
    for t in &case.other_tags {
        if !tags.contains(t) {
            tags.push(t.clone());
        }
    }
    tags.dedup();
    let got: HashSet<&str> = after["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    prop_assert_eq!(got, tags.iter().map(String::as_str).collect::<HashSet<_>>());
    let gone = assert_problem(app.get(&format!("/api/contacts/{oid}")).await, 410, "merged").await;
    prop_assert_eq!(&gone["merged_into"], &json!(sid));
    let moved_deal = app.get_ok(&format!("/api/deals/{}", id(&deal))).await;
    prop_assert_eq!(&moved_deal["contact_ids"], &json!([sid]));
    prop_assert_eq!(&app.get_ok(&format!("/api/cases/{}", id(&case_rec))).await["contact_id"], &json!(sid));
    prop_assert_eq!(&app.get_ok(&format!("/api/tasks/{}", id(&task))).await["contact_id"], &json!(sid));
    let history = app.get_ok(&format!("/api/contacts/{oid}/history")).await;
    let last = history["data"].as_array().unwrap().last().unwrap().clone();
    prop_assert_eq!((&last["kind"], &last["trace_id"]), (&json!("merged_into"), &json!(merge_id)));
    let history = app.get_ok(&format!("/api/contacts/{sid}/history")).await;
    prop_assert_eq!(&history["data"].as_array().unwrap().last().unwrap()["kind"], &json!("merged"));

    let res = app.post_json(&format!("/api/contacts/{sid}/unmerge"), &json!({"merge_id": merge_id})).await;
    prop_assert_eq!(res.status(), 200);
    let mut restored = world(app, &ids.0, &ids.1, &ids.2, &ids.3).await;
    // Each contact's timeline holds its entries from before again (and the entries the merge and
    // its undo wrote, which are history), none of the other's.
    for (i, entries) in restored.timelines.iter_mut().enumerate() {
        prop_assert!(before.timelines[i].is_subset(entries), "contact {}'s timeline is back", i);
        prop_assert!(before.timelines[1 - i].is_disjoint(entries));
        entries.retain(|e| before.timelines[i].contains(e));
    }
    prop_assert_eq!(restored, before);
    let again = app.post_json(&format!("/api/contacts/{sid}/unmerge"), &json!({"merge_id": merge_id})).await;
    prop_assert_eq!(again.status(), 409);
    Ok(())
}

#[test]
fn merge_then_unmerge_restores_both_contacts_and_every_moved_link() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let app = rt.block_on(spawn_app());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 12, ..ProptestConfig::default() });
    let counter = std::sync::atomic::AtomicUsize::new(0);
    runner
        .run(&case(), |c| {
            let n = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            rt.block_on(merge_then_unmerge_restores_everything(&app, n, c))
        })
        .unwrap();
}

#[tokio::test]
async fn merges_refuse_what_cannot_be_merged_or_undone() {
    let app = spawn_app().await;
    let a = app.create_contact(&json!({"email": "a@example.com"})).await;
    let b = app.create_contact(&json!({"email": "b@example.com"})).await;
    let c = app.create_contact(&json!({"email": "c@example.com"})).await;
    let merge = |x: &Value, body: Value| {
        let path = format!("/api/contacts/{}/merge", id(x));
        let app = &app;
        async move { app.post_json(&path, &body).await }
    };
    let p = assert_problem(merge(&a, json!({"other_id": id(&a)})).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), vec!["other_id".to_string()]);
    let p = assert_problem(
        merge(&a, json!({"other_id": id(&b), "fields": {"score": "theirs"}})).await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(error_fields(&p), vec!["fields.score".to_string()]);
    assert_problem(merge(&a, json!({"other_id": id(&b), "fields": {"phone": "both"}})).await, 422, "validation_failed")
        .await;
    assert_problem(
        merge(&a, json!({"other_id": "01a22dd6-843e-7044-b1d9-e11fb9084e6b"})).await,
        422,
        "validation_failed",
    )
    .await;

    let res = merge(&a, json!({"other_id": id(&b)})).await;
    assert_eq!(res.status(), 200);
    let merge_id = res.json::<Value>().await.unwrap()["merge_id"].as_str().unwrap().to_string();
    assert_problem(merge(&c, json!({"other_id": id(&b)})).await, 409, "already_merged").await;
    let p = assert_problem(merge(&b, json!({"other_id": id(&c)})).await, 410, "merged").await;
    assert_eq!(p["merged_into"], a["id"]);
    // Undone only from the contact it went into, and not once that contact changed.
    let wrong = app.post_json(&format!("/api/contacts/{}/unmerge", id(&c)), &json!({"merge_id": merge_id})).await;
    assert_problem(wrong, 422, "validation_failed").await;
    let res = app.patch_json(&format!("/api/contacts/{}", id(&a)), &json!({"title": "Changed"}), None).await;
    assert_eq!(res.status(), 200);
    let late = app.post_json(&format!("/api/contacts/{}/unmerge", id(&a)), &json!({"merge_id": merge_id})).await;
    assert_problem(late, 409, "changed_since_merge").await;
    // The change feed carries the merge like any change.
    let events = app.rows("SELECT VALUE kind FROM change_event WHERE source = 'merge'").await;
    let kinds: HashSet<&str> = events.iter().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(kinds, HashSet::from(["merged", "merged_into"]));
}
