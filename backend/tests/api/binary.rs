//! The `crm` binary as a user runs it: env config, on-disk data, SIGTERM, restart.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn start(dir: &std::path::Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_crm"))
        .env("CRM__SERVER__PORT", port.to_string())
        .env("CRM__DATABASE__URL", format!("surrealkv://{}", dir.join("crm.db").display()))
        .env("CRM_CONFIG_DIR", dir.join("no-config-here"))
        .env("CRM__LOG__LEVEL", "warn")
        .env("CRM__AUTH__BOOTSTRAP_ADMIN_EMAIL", "admin@example.com")
        .env("CRM__AUTH__BOOTSTRAP_ADMIN_PASSWORD_FILE", dir.join("admin-password"))
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
