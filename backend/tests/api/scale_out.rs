//! Scale-out: two crm front-ends on one database serve the same data, and racing If-Match
//! PATCHes sent through both still let exactly one win.
//!
//! Against a SurrealDB server (`CRM_TEST_DATABASE=ws://...`, as `just test-remote` runs it) the
//! front-ends are two `crm` processes. The embedded engines belong to one process, so there the
//! two front-ends are two applications in this process sharing one database handle.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::{client_with, fresh_settings, post_for_json, remote_database, spawn_app};

/// Two base URLs in front of one database, and what keeps them running.
struct Fronts {
    bases: [String; 2],
    client: reqwest::Client,
    children: Vec<Child>,
    _app: Option<crate::helpers::TestApp>,
}

impl Drop for Fronts {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

async fn wait_healthy(base: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        assert!(child.try_wait().unwrap().is_none(), "crm exited during start-up");
        if let Ok(res) = reqwest::get(format!("{base}/health")).await {
            if res.status() == 200 {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("crm at {base} did not become healthy");
}

async fn two_processes() -> Fronts {
    let (settings, _) = fresh_settings();
    let db = &settings.database;
    let mut children = Vec::new();
    let mut bases = Vec::new();
    for _ in 0..2 {
        let port = crate::ports::free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_crm"))
            .env("CRM__SERVER__PORT", port.to_string())
            .env("CRM__GRPC__PORT", "0")
            .env("CRM__DATABASE__URL", &db.url)
            .env("CRM__DATABASE__DATABASE", &db.database)
            .env("CRM__DATABASE__USERNAME", db.username.clone().unwrap_or_default())
            .env("CRM__DATABASE__PASSWORD", db.password.clone().unwrap_or_default())
            .env("CRM__LOG__LEVEL", "warn")
            .env("CRM__AUTH__BOOTSTRAP_ADMIN_EMAIL", "scale@example.com")
            .env("CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD", "scale-password-123")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        wait_healthy(&base, &mut child).await;
        children.push(child);
        bases.push(base);
    }
    let anon = reqwest::Client::new();
    let login: Value = post_for_json(
        &anon,
        &format!("{}/api/auth/login", bases[0]),
        &json!({"email": "scale@example.com", "password": "scale-password-123"}),
    )
    .await;
    let token = login["token"].as_str().expect("token").to_string();
    let key: Value = post_for_json(
        &client_with(&token),
        &format!("{}/api/api-keys", bases[0]),
        &json!({"name": "scale", "role": "admin"}),
    )
    .await;
    let client = client_with(key["key"].as_str().expect("key"));
    Fronts { bases: [bases[0].clone(), bases[1].clone()], client, children, _app: None }
}

async fn two_applications() -> Fronts {
    let app = spawn_app().await;
    let mut settings = crm::settings_for("mem://").unwrap();
    settings.server.port = 0;
    let second = crm::Application::with_db(settings, app.db.clone()).await.unwrap();
    let second_base = format!("http://127.0.0.1:{}", second.port());
    tokio::spawn(second.run_until_stopped(std::future::pending()));
    Fronts { bases: [app.address.clone(), second_base], client: app.client.clone(), children: vec![], _app: Some(app) }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_front_ends_share_data_and_one_if_match_winner() {
    let fronts = if remote_database() { two_processes().await } else { two_applications().await };
    let [a, b] = &fronts.bases;
    let c = &fronts.client;

    let created =
        c.post(format!("{a}/api/contacts")).json(&json!({"email": "shared@example.com"})).send().await.unwrap();
    assert_eq!(created.status(), 201);
    let id = created.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let seen = c.get(format!("{b}/api/contacts/{id}")).send().await.unwrap();
    assert_eq!(seen.status(), 200, "the second front-end sees the first one's write");
    assert_eq!(seen.json::<Value>().await.unwrap()["email"], "shared@example.com");

    for round in 0..3i64 {
        let version = round + 1;
        let tasks: Vec<_> = (0..10)
            .map(|i| {
                let (c, base, id) = (c.clone(), fronts.bases[i % 2].clone(), id.clone());
                tokio::spawn(async move {
                    let res = c
                        .patch(format!("{base}/api/contacts/{id}"))
                        .header("If-Match", format!("\"{version}\""))
                        .json(&json!({"title": format!("r{round}-{i}")}))
                        .send()
                        .await
                        .unwrap();
                    (res.status().as_u16(), i)
                })
            })
            .collect();
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await.unwrap());
        }
        let winners: Vec<usize> = results.iter().filter(|(s, _)| *s == 200).map(|(_, i)| *i).collect();
        let lost = results.iter().filter(|(s, _)| *s == 412).count();
        assert_eq!((winners.len(), lost), (1, 9), "round {round}: {results:?}");
        let now: Value = c.get(format!("{b}/api/contacts/{id}")).send().await.unwrap().json().await.unwrap();
        assert_eq!(now["version"], version + 1);
        assert_eq!(now["title"], format!("r{round}-{}", winners[0]), "the winner's write is the one stored");
    }
    let history: Value = c.get(format!("{a}/api/contacts/{id}/history")).send().await.unwrap().json().await.unwrap();
    let versions: Vec<i64> =
        history["data"].as_array().unwrap().iter().map(|e| e["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, vec![1, 2, 3, 4], "one event per committed version, no gaps");
}

/// Every entry of the change feed as one front-end serves it.
async fn whole_feed(c: &reqwest::Client, base: &str) -> Vec<Value> {
    let mut entries = Vec::new();
    let mut after = "0".to_string();
    loop {
        let page: Value =
            c.get(format!("{base}/api/changes?limit=9&after={after}")).send().await.unwrap().json().await.unwrap();
        let Some(next) = page["next_cursor"].as_str() else { return entries };
        after = next.to_string();
        entries.extend(page["data"].as_array().unwrap().iter().cloned());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_front_ends_writing_at_once_serve_one_change_feed_with_every_event_once() {
    let fronts = if remote_database() { two_processes().await } else { two_applications().await };
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let (c, base) = (fronts.client.clone(), fronts.bases[i % 2].clone());
            tokio::spawn(async move {
                let body = json!({"email": format!("feed{i}@example.com")});
                let res = c.post(format!("{base}/api/contacts")).json(&body).send().await.unwrap();
                assert_eq!(res.status(), 201);
                res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
            })
        })
        .collect();
    let mut created = std::collections::HashSet::new();
    for t in tasks {
        created.insert(t.await.unwrap());
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    let [a, b] = &fronts.bases;
    let mut feed = whole_feed(&fronts.client, a).await;
    while feed.iter().filter(|e| e["entity"] == "contact").count() < 40 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        feed = whole_feed(&fronts.client, a).await;
    }
    let contacts: Vec<String> = feed
        .iter()
        .filter(|e| e["entity"] == "contact")
        .map(|e| e["entity_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(contacts.len(), 40, "each contact's event once");
    assert_eq!(contacts.into_iter().collect::<std::collections::HashSet<_>>(), created);
    let numbers: Vec<u64> = feed.iter().map(|e| e["cursor"].as_str().unwrap().parse().unwrap()).collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(whole_feed(&fronts.client, b).await, feed, "both front-ends serve the same feed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_revoked_key_stops_at_once_where_revoked_and_within_the_cache_time_elsewhere() {
    let fronts = two_applications().await;
    let [a, b] = &fronts.bases;
    let admin = &fronts.client;
    let created: Value =
        post_for_json(admin, &format!("{a}/api/api-keys"), &json!({"name": "short-lived", "role": "viewer"})).await;
    let key = client_with(created["key"].as_str().unwrap());
    for base in [a, b] {
        assert_eq!(key.get(format!("{base}/api/contacts")).send().await.unwrap().status(), 200, "{base} caches it");
    }
    let revoked = admin.delete(format!("{a}/api/api-keys/{}", created["id"].as_str().unwrap())).send().await.unwrap();
    assert_eq!(revoked.status(), 204);
    assert_eq!(key.get(format!("{a}/api/contacts")).send().await.unwrap().status(), 401, "at once where revoked");
    let started = Instant::now();
    while key.get(format!("{b}/api/contacts")).send().await.unwrap().status() != 401 {
        assert!(started.elapsed() < crm::services::auth::KEY_CACHE_TTL + Duration::from_secs(2), "still accepted");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
