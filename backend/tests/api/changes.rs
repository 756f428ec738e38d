//! The change feed: every event once, in commit order, by pages and as a live stream.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

/// Every entry after `after`, following `next_cursor` with pages of `limit`.
async fn read_feed(app: &TestApp, query: &str, after: Option<&str>, limit: usize) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut after = after.map(str::to_string);
    loop {
        let position = after.as_deref().map(|a| format!("&after={a}")).unwrap_or_default();
        let page = app.get_ok(&format!("/api/changes?limit={limit}{query}{position}")).await;
        let data = page["data"].as_array().expect("data").clone();
        assert!(data.len() <= limit);
        match page["next_cursor"].as_str() {
            Some(next) => {
                assert_eq!(
                    data.last().map(|e| e["cursor"].clone()),
                    Some(json!(next)),
                    "next_cursor is the last cursor"
                );
                after = Some(next.to_string());
                entries.extend(data);
            }
            None => {
                assert!(data.is_empty(), "a page without next_cursor is empty");
                return entries;
            }
        }
    }
}

/// The feed once it holds at least `n` entries (numbering runs in the background).
async fn feed_of_at_least(app: &TestApp, query: &str, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let entries = read_feed(app, query, None, 500).await;
        if entries.len() >= n || Instant::now() > deadline {
            return entries;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn cursors(entries: &[Value]) -> Vec<u64> {
    entries.iter().map(|e| e["cursor"].as_str().expect("cursor").parse::<u64>().expect("numeric cursor")).collect()
}

fn ids(entries: &[Value]) -> Vec<String> {
    entries.iter().map(|e| e["id"].as_str().expect("id").to_string()).collect()
}

/// Event ids straight from the log, for comparison.
async fn logged_event_ids(app: &TestApp) -> HashSet<String> {
    app.rows("SELECT VALUE key FROM change_event").await.into_iter().map(|v| v.as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_feed_lists_every_change_of_every_entity_in_commit_order() {
    let app = spawn_app().await;
    let contact = app.create_contact(&json!({"email": "feed@example.com", "first_name": "Feed"})).await;
    let company = app.create_company(&json!({"name": "Feed Ltd"})).await;
    let id = contact["id"].as_str().unwrap();
    let res = app.patch_json(&format!("/api/contacts/{id}"), &json!({"last_name": "Reader"}), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = app.delete(&format!("/api/companies/{}", company["id"].as_str().unwrap())).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);

    let entries = feed_of_at_least(&app, "", 4).await;
    let seen: Vec<(String, String)> =
        entries.iter().map(|e| (e["entity"].as_str().unwrap().into(), e["kind"].as_str().unwrap().into())).collect();
    let expected = [("contact", "created"), ("company", "created"), ("contact", "updated"), ("company", "deleted")];
    assert_eq!(seen, expected.map(|(a, b)| (a.to_string(), b.to_string())).to_vec());
    assert_eq!(entries[2]["changes"]["last_name"]["new"], "Reader");
    assert_eq!(entries[2]["version"], 2);
    let numbers = cursors(&entries);
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "cursors ascend: {numbers:?}");
    assert_eq!(ids(&entries).into_iter().collect::<HashSet<_>>(), logged_event_ids(&app).await);

    // Pages of one give the same events; `after` the last one gives nothing (and no cursor).
    assert_eq!(ids(&read_feed(&app, "", None, 1).await), ids(&entries));
    let last = entries.last().unwrap()["cursor"].as_str().unwrap();
    let tail = app.get_ok(&format!("/api/changes?after={last}")).await;
    assert_eq!(tail, json!({"data": [], "next_cursor": null}));
    // After the second event: the third and fourth.
    let second = entries[1]["cursor"].as_str().unwrap();
    assert_eq!(ids(&read_feed(&app, "", Some(second), 50).await), ids(&entries[2..]));

    // One entity only.
    let contacts = read_feed(&app, "&entity=contact", None, 50).await;
    assert_eq!(ids(&contacts), vec![ids(&entries)[0].clone(), ids(&entries)[2].clone()]);
    let none = read_feed(&app, "&entity=deal", None, 50).await;
    assert!(none.is_empty());
}

#[tokio::test]
async fn users_events_are_in_the_feed_for_admins_only() {
    let app = spawn_app().await;
    app.user_token("feed-viewer@example.com", "viewer").await;
    let viewer = app.client_for(crm::domain::auth::Role::Viewer).await;
    app.create_contact(&json!({"email": "seen-by-all@example.com"})).await;
    let admin = feed_of_at_least(&app, "", 1).await;
    assert!(admin.iter().any(|e| e["entity"] == "user"), "the admin sees users' events");
    let deadline = Instant::now() + Duration::from_secs(30);
    let seen: Value = loop {
        let page: Value = viewer.get(app.url("/api/changes?limit=500")).send().await.unwrap().json().await.unwrap();
        if page["data"].as_array().unwrap().iter().any(|e| e["entity"] == "contact") || Instant::now() > deadline {
            break page;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let entities: HashSet<&str> =
        seen["data"].as_array().unwrap().iter().map(|e| e["entity"].as_str().unwrap()).collect();
    assert_eq!(entities, HashSet::from(["contact"]));
    let only_users: Value = viewer.get(app.url("/api/changes?entity=user")).send().await.unwrap().json().await.unwrap();
    assert_eq!(only_users["data"], json!([]));
}

#[tokio::test]
async fn bad_feed_parameters_are_422() {
    let app = spawn_app().await;
    for (query, field) in
        [("after=abc", "after"), ("after=-1", "after"), ("entity=Contact;DROP", "entity"), ("limit=0", "limit")]
    {
        let problem = assert_problem(app.get(&format!("/api/changes?{query}")).await, 422, "validation_failed").await;
        assert_eq!(error_fields(&problem), vec![field.to_string()], "{query}");
    }
    let res = app.client.get(app.url("/api/changes/stream")).header("Last-Event-ID", "x1").send().await.unwrap();
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), vec!["Last-Event-ID".to_string()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_follower_misses_and_repeats_nothing_while_writers_race() {
    let app = spawn_app().await;
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let client = app.client.clone();
            let url = app.url("/api/contacts");
            tokio::spawn(async move {
                for i in 0..15 {
                    let body = json!({"email": format!("race{w}-{i}@example.com")});
                    let res = client.post(&url).json(&body).send().await.unwrap();
                    assert_eq!(res.status(), StatusCode::CREATED);
                    let contact: Value = res.json().await.unwrap();
                    let id = contact["id"].as_str().unwrap();
                    let res = client
                        .patch(format!("{url}/{id}"))
                        .json(&json!({"first_name": format!("N{i}")}))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(res.status(), StatusCode::OK);
                }
            })
        })
        .collect();
    // Follow with small pages while the writers run, then until all 120 events are read.
    let mut followed: Vec<Value> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while followed.len() < 120 && Instant::now() < deadline {
        let after = followed.last().map(|e| e["cursor"].as_str().unwrap().to_string());
        followed.extend(read_feed(&app, "", after.as_deref(), 7).await);
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    for w in writers {
        w.await.unwrap();
    }
    let numbers = cursors(&followed);
    assert!(numbers.windows(2).all(|w| w[0] < w[1]), "cursors ascend");
    let got = ids(&followed);
    assert_eq!(got.len(), 120, "every event once");
    assert_eq!(got.iter().cloned().collect::<HashSet<_>>(), logged_event_ids(&app).await);
    // Each contact's versions arrive in order: created (1) before updated (2).
    let mut seen_created = HashSet::new();
    for e in &followed {
        let contact = e["entity_id"].as_str().unwrap().to_string();
        match e["version"].as_i64().unwrap() {
            1 => assert!(seen_created.insert(contact)),
            2 => assert!(seen_created.contains(&contact), "version 2 of {contact} before version 1"),
            v => panic!("unexpected version {v}"),
        }
    }
}

#[tokio::test]
async fn events_written_before_the_feed_existed_are_numbered_once_in_id_order() {
    let app = spawn_app().await;
    for i in 0..5 {
        app.create_contact(&json!({"email": format!("old{i}@example.com")})).await;
    }
    feed_of_at_least(&app, "", 5).await;
    // A database from before the feed: its events were never queued nor numbered.
    app.rows("DELETE change_pending; DELETE change_seq; DELETE change_sequence;").await;
    app.create_contact(&json!({"email": "new@example.com"})).await;
    let entries = feed_of_at_least(&app, "", 6).await;
    let got = ids(&entries);
    assert_eq!(got.len(), 6, "each event once: {got:?}");
    assert_eq!(got.iter().cloned().collect::<HashSet<_>>(), logged_event_ids(&app).await);
    assert_eq!(cursors(&entries), (1..=6).collect::<Vec<u64>>());
    // Numbered once: the walk over the older events is not taken again.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(ids(&read_feed(&app, "", None, 500).await), got);
}

#[tokio::test]
async fn numbered_queue_rows_leave_the_queue_in_bulk_and_are_never_numbered_twice() {
    let app = spawn_app().await;
    for i in 0..3 {
        app.create_contact(&json!({"email": format!("queued{i}@example.com")})).await;
    }
    assert_eq!(feed_of_at_least(&app, "", 3).await.len(), 3);
    // Marked numbered at once, deleted together about a second later.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !app.rows("SELECT VALUE id FROM change_pending").await.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(app.rows("SELECT VALUE id FROM change_pending").await, Vec::<Value>::new());

    // A row a stopped sequencer marked and never deleted is not numbered again, and the next
    // sequencer's first pass deletes it.
    let event = app.rows("SELECT VALUE key FROM change_event LIMIT 1").await[0].as_str().unwrap().to_string();
    app.rows(&format!(
        "CREATE type::record('change_pending', '{event}') SET entity = 'contact', entity_id = 'x', version = 1, numbered = true"
    ))
    .await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(read_feed(&app, "", None, 500).await.len(), 3, "a marked row is not numbered again");
    let next = crm::services::changes::ChangeService::new(app.db.clone());
    next.sequence_once().await.unwrap();
    assert_eq!(app.rows("SELECT VALUE id FROM change_pending").await, Vec::<Value>::new());
    assert_eq!(read_feed(&app, "", None, 500).await.len(), 3);
}

/// Reads SSE `change` events from a streaming response until `n` have arrived.
pub async fn read_stream(res: &mut reqwest::Response, n: usize) -> Vec<(String, Value)> {
    let mut events = Vec::new();
    let mut buffer = String::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while events.len() < n {
        let left = deadline.saturating_duration_since(Instant::now());
        let chunk = tokio::time::timeout(left, res.chunk()).await.expect("events in time").unwrap().expect("open");
        buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let mut id = None;
            let mut data = None;
            let mut kind = None;
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id:") {
                    id = Some(v.trim().to_string());
                } else if let Some(v) = line.strip_prefix("data:") {
                    data = Some(serde_json::from_str::<Value>(v.trim()).unwrap());
                } else if let Some(v) = line.strip_prefix("event:") {
                    kind = Some(v.trim().to_string());
                }
            }
            if let (Some(id), Some(data)) = (id, data) {
                assert_eq!(kind.as_deref(), Some("change"));
                events.push((id, data));
            }
        }
    }
    events
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_pushes_changes_live_and_resumes_after_last_event_id() {
    let app = spawn_app().await;
    app.create_contact(&json!({"email": "before-stream@example.com"})).await;
    feed_of_at_least(&app, "", 1).await;
    // Without a position the stream starts at now: the contact above is not sent.
    let mut live = app.client.get(app.url("/api/changes/stream")).send().await.unwrap();
    assert_eq!(live.status(), StatusCode::OK);
    assert!(live.headers()["content-type"].to_str().unwrap().starts_with("text/event-stream"));
    let first = app.create_contact(&json!({"email": "s1@example.com"})).await;
    app.create_company(&json!({"name": "Streamed"})).await;
    let third = app.create_contact(&json!({"email": "s3@example.com"})).await;
    let events = read_stream(&mut live, 3).await;
    assert_eq!(events[0].1["entity_id"], first["id"]);
    assert_eq!(events[1].1["entity"], "company");
    assert_eq!(events[2].1["entity_id"], third["id"]);
    for (id, data) in &events {
        assert_eq!(&data["cursor"], id);
    }
    drop(live);

    // Reconnecting after the first: the second and third, then whatever comes next.
    let mut resumed =
        app.client.get(app.url("/api/changes/stream")).header("Last-Event-ID", &events[0].0).send().await.unwrap();
    let fourth = app.create_contact(&json!({"email": "s4@example.com"})).await;
    let again = read_stream(&mut resumed, 3).await;
    assert_eq!(again[0], events[1]);
    assert_eq!(again[1], events[2]);
    assert_eq!(again[2].1["entity_id"], fourth["id"]);

    // One entity, from the start.
    let mut companies = app.client.get(app.url("/api/changes/stream?after=0&entity=company")).send().await.unwrap();
    let only = read_stream(&mut companies, 1).await;
    assert_eq!(only[0].1["entity"], "company");
}
