//! The `crm` binary as a user runs it: env config, on-disk data, SIGTERM, restart.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::ports::free_port;

fn start(dir: &std::path::Path, port: u16) -> Child {
    start_with(dir, port, &[])
}

fn start_with(dir: &std::path::Path, port: u16, env: &[(&str, String)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_crm"))
        .env("CRM__SERVER__PORT", port.to_string())
        .env("CRM__GRPC__PORT", "0")
        .env("CRM__DATABASE__URL", format!("surrealkv://{}", dir.join("crm.db").display()))
        .env("CRM_CONFIG_DIR", dir.join("no-config-here"))
        .env("CRM__LOG__LEVEL", "warn")
        .env("CRM__AUTH__BOOTSTRAP_ADMIN_EMAIL", "admin@example.com")
        .env("CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD_FILE", dir.join("admin-password"))
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_healthy(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(res) = client.get(format!("{base}/health")).send().await {
            if res.status() == 200 {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("crm did not become healthy");
}

fn terminate(mut child: Child) {
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(exit.success(), "graceful shutdown exits 0, got {exit:?}");
            return;
        }
        assert!(Instant::now() < deadline, "crm did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[tokio::test]
async fn the_binary_keeps_data_and_sign_ins_across_a_sigterm_restart() {
    let dir = tempfile::tempdir().unwrap();
    // The admin password comes from a file, the way Kubernetes mounts secrets.
    std::fs::write(dir.path().join("admin-password"), "bootstrap passphrase 1\n").unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let anonymous = reqwest::Client::new();
    let child = start(dir.path(), port);
    wait_healthy(&anonymous, &base).await;
    let login = json!({"email": "admin@example.com", "password": "bootstrap passphrase 1"});
    let res = anonymous.post(format!("{base}/api/auth/login")).json(&login).send().await.unwrap();
    assert_eq!(res.status(), 200, "the bootstrap admin can sign in");
    let token = res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_string();
    let client = crate::helpers::client_with(&token);
    let res =
        client.post(format!("{base}/api/contacts")).json(&json!({"email": "keep@example.com"})).send().await.unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let path = format!("{base}/api/contacts/{}", created["id"].as_str().unwrap());
    client.patch(&path).json(&json!({"title": "CTO"})).send().await.unwrap();
    let res = client
        .post(format!("{base}/api/api-keys"))
        .json(&json!({"name": "ci", "role": "viewer"}))
        .send()
        .await
        .unwrap();
    let api_key = res.json::<Value>().await.unwrap()["key"].as_str().unwrap().to_string();
    terminate(child);

    let child = start(dir.path(), port);
    wait_healthy(&client, &base).await;
    // The token from before the restart still works; only one admin was bootstrapped.
    let users: Value = client.get(format!("{base}/api/users")).send().await.unwrap().json().await.unwrap();
    assert_eq!(users["data"].as_array().unwrap().len(), 1);
    let by_key = crate::helpers::client_with(&api_key).get(&path).send().await.unwrap();
    assert_eq!(by_key.status(), 200, "API keys survive the restart too");
    let got: Value = client.get(&path).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        (got["email"].clone(), got["title"].clone(), got["version"].clone()),
        (json!("keep@example.com"), json!("CTO"), json!(2))
    );
    let history: Value = client.get(format!("{path}/history")).send().await.unwrap().json().await.unwrap();
    assert_eq!(history["data"].as_array().unwrap().len(), 2);
    terminate(child);
}

/// Signs in as the bootstrap admin; returns the token.
async fn sign_in(client: &reqwest::Client, base: &str) -> String {
    let login = json!({"email": "admin@example.com", "password": "bootstrap passphrase 1"});
    let res = client.post(format!("{base}/api/auth/login")).json(&login).send().await.unwrap();
    assert_eq!(res.status(), 200, "the bootstrap admin can sign in");
    res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_string()
}

/// Runs `crm <args>` on the database in `db_dir`; returns success and standard error.
fn crm_command(db_dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crm"))
        .args(args)
        .env("CRM__DATABASE__URL", format!("surrealkv://{}", db_dir.join("crm.db").display()))
        .env("CRM_CONFIG_DIR", db_dir.join("no-config-here"))
        .env("CRM__LOG__LEVEL", "error")
        .output()
        .unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crm_backup_and_restore_move_a_stopped_database_into_an_empty_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("admin-password"), "bootstrap passphrase 1\n").unwrap();
    let (port, anonymous) = (free_port(), reqwest::Client::new());
    let base = format!("http://127.0.0.1:{port}");
    let child = start(dir.path(), port);
    wait_healthy(&anonymous, &base).await;
    let client = crate::helpers::client_with(&sign_in(&anonymous, &base).await);
    let res = client.post(format!("{base}/api/contacts")).json(&json!({"email": "moved@example.com"})).send();
    let id = res.await.unwrap().json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    terminate(child);

    let file = dir.path().join("backup.surql");
    let (ok, err) = crm_command(dir.path(), &["backup", "--out", file.to_str().unwrap()]);
    assert!(ok, "crm backup failed: {err}");
    let target = tempfile::tempdir().unwrap();
    let (ok, err) = crm_command(target.path(), &["restore", file.to_str().unwrap()]);
    assert!(ok, "crm restore failed: {err}");
    let (ok, err) = crm_command(target.path(), &["restore", file.to_str().unwrap()]);
    assert!(!ok && err.contains("not empty"), "a second restore must be refused: {err}");

    // The restored database serves the contact, its history and the admin's sign-in.
    std::fs::write(target.path().join("admin-password"), "bootstrap passphrase 1\n").unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start(target.path(), port);
    wait_healthy(&anonymous, &base).await;
    let client = crate::helpers::client_with(&sign_in(&anonymous, &base).await);
    let contact = client.get(format!("{base}/api/contacts/{id}")).send().await.unwrap();
    assert_eq!(contact.status(), 200);
    let history: Value =
        client.get(format!("{base}/api/contacts/{id}/history")).send().await.unwrap().json().await.unwrap();
    assert_eq!(history["data"][0]["kind"], "created");
    terminate(child);
}

/// A fake OTLP/HTTP collector on loopback: every span it receives, as (trace id hex, name).
async fn fake_collector() -> (String, std::sync::Arc<std::sync::Mutex<Vec<(String, String)>>>) {
    use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
    use prost::Message;
    let spans = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let into = spans.clone();
    let app = axum::Router::new().route(
        "/v1/traces",
        axum::routing::post(move |body: axum::body::Bytes| {
            let into = into.clone();
            async move {
                let request = ExportTraceServiceRequest::decode(body).expect("an OTLP protobuf body");
                let mut spans = into.lock().unwrap();
                for span in request.resource_spans.iter().flat_map(|r| &r.scope_spans).flat_map(|s| &s.spans) {
                    let hex: String = span.trace_id.iter().map(|b| format!("{b:02x}")).collect();
                    spans.push((hex, span.name.clone()));
                }
                axum::http::StatusCode::OK
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, spans)
}

// Multi-threaded: `terminate` blocks its thread while crm sends its last spans to the collector.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn traces_go_to_the_otlp_endpoint_with_the_change_events_trace_id() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("admin-password"), "bootstrap passphrase 1\n").unwrap();
    let (collector, spans) = fake_collector().await;
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let anonymous = reqwest::Client::new();
    let child =
        start_with(dir.path(), port, &[("CRM__OTEL__ENDPOINT", collector), ("CRM__LOG__LEVEL", "info".to_string())]);
    wait_healthy(&anonymous, &base).await;
    let token = &sign_in(&anonymous, &base).await;
    let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let created = anonymous
        .post(format!("{base}/api/contacts"))
        .bearer_auth(token)
        .header("traceparent", format!("00-{trace}-00f067aa0ba902b7-01"))
        .json(&json!({"email": "traced@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let id = created.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let history: Value = anonymous
        .get(format!("{base}/api/contacts/{id}/history"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(history["data"][0]["trace_id"], trace, "the change event keeps the request's trace id");
    terminate(child); // flushes the buffered spans
    let spans = spans.lock().unwrap().clone();
    assert!(
        spans.iter().any(|(t, name)| t == trace && name == "request"),
        "no request span with trace id {trace} among {spans:?}"
    );
}
