//! `spawn_app()` and typed helpers. `CRM_TEST_DATABASE=surrealkv` reruns everything on disk.

use crm::db::Db;
use crm::domain::auth::Role;
use crm::state::AppState;
use crm::{settings_for, Application};
use reqwest::{Response, StatusCode};
use serde_json::{json, Value};

pub struct TestApp {
    pub address: String,
    /// Authenticated as an admin API key.
    pub client: reqwest::Client,
    /// No credentials.
    pub anonymous: reqwest::Client,
    pub db: Db,
    pub state: AppState,
    /// The gRPC port, when the settings turned gRPC on.
    pub grpc_port: Option<u16>,
    _dir: Option<tempfile::TempDir>,
}

/// Settings for a fresh test database, and the temp dir that holds it (if on disk).
///
/// `CRM_TEST_DATABASE`: unset = `mem://`; `surrealkv` = a temp dir; `ws://host:port` = a fresh
/// database on that SurrealDB server (root user from `CRM_TEST_DB_USER`/`CRM_TEST_DB_PASS`,
/// default `root`/`root`).
pub fn fresh_settings() -> (crm::config::Settings, Option<tempfile::TempDir>) {
    let target = std::env::var("CRM_TEST_DATABASE").unwrap_or_default();
    if target == "surrealkv" {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("surrealkv://{}", dir.path().join("crm.db").display());
        return (settings_for(&url).expect("settings"), Some(dir));
    }
    if target.starts_with("ws://") || target.starts_with("wss://") {
        let mut settings = settings_for(&target).expect("settings");
        settings.database.database = format!("t{}", uuid::Uuid::now_v7().simple());
        settings.database.username = Some(std::env::var("CRM_TEST_DB_USER").unwrap_or_else(|_| "root".into()));
        settings.database.password = Some(std::env::var("CRM_TEST_DB_PASS").unwrap_or_else(|_| "root".into()));
        return (settings, None);
    }
    (settings_for("mem://").expect("settings"), None)
}

/// Whether the suite runs against a SurrealDB server.
pub fn remote_database() -> bool {
    std::env::var("CRM_TEST_DATABASE").is_ok_and(|t| t.starts_with("ws://") || t.starts_with("wss://"))
}

/// Builds the real application on port 0 over a fresh database; the listener is bound on return.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with a hook to change settings first.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut crm::config::Settings)) -> TestApp {
    let (mut settings, dir) = fresh_settings();
    tweak(&mut settings);
    let db = crm::db::connect(&settings.database).await.expect("database");
    let app = Application::with_db(settings, db.clone()).await.expect("application");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (_, admin_key) = app.state().auth.create_key("tests".into(), Role::Admin, "system").await.expect("key");
    let state = app.state().clone();
    let grpc_port = app.grpc_port();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    TestApp {
        address,
        client: client_with(&admin_key),
        anonymous: reqwest::Client::new(),
        db,
        state,
        grpc_port,
        _dir: dir,
    }
}

/// POSTs `body` as JSON with `client` and returns the response's JSON, whatever the status.
pub async fn post_for_json(client: &reqwest::Client, url: &str, body: &Value) -> Value {
    client.post(url).json(body).send().await.expect("request").json().await.expect("json body")
}

/// A client that sends `Authorization: Bearer <credential>` on every request.
pub fn client_with(credential: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    let value = reqwest::header::HeaderValue::from_str(&format!("Bearer {credential}")).expect("header");
    headers.insert(reqwest::header::AUTHORIZATION, value);
    reqwest::Client::builder().default_headers(headers).build().expect("client")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client.get(self.url(path)).send().await.expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.client.post(self.url(path)).json(body).send().await.expect("request")
    }

    pub async fn patch_json(&self, path: &str, body: &Value, if_match: Option<&str>) -> Response {
        let mut req = self.client.patch(self.url(path)).json(body);
        if let Some(tag) = if_match {
            req = req.header("If-Match", tag);
        }
        req.send().await.expect("request")
    }

    pub async fn delete(&self, path: &str) -> Response {
        self.client.delete(self.url(path)).send().await.expect("request")
    }

    /// A client holding a new API key with `role`.
    pub async fn client_for(&self, role: Role) -> reqwest::Client {
        let (_, key) = self.state.auth.create_key(format!("{role:?}"), role, "system").await.expect("key");
        client_with(&key)
    }

    /// Creates a user through the API and signs in; returns the token.
    pub async fn user_token(&self, email: &str, role: &str) -> String {
        let password = "a long enough passphrase";
        let res = self.post_json("/api/users", &json!({"email": email, "password": password, "role": role})).await;
        assert_eq!(res.status(), StatusCode::CREATED);
        let res = self
            .anonymous
            .post(self.url("/api/auth/login"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .expect("login");
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.expect("json");
        body["token"].as_str().expect("token").to_string()
    }

    /// Creates a contact and returns its JSON, asserting 201.
    pub async fn create_contact(&self, body: &Value) -> Value {
        let res = self.post_json("/api/contacts", body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "create contact {body}");
        res.json().await.expect("json")
    }

    /// Creates a contact with just an email.
    pub async fn contact_with_email(&self, email: &str) -> Value {
        self.create_contact(&json!({ "email": email })).await
    }

    /// Creates a company and returns its JSON, asserting 201.
    pub async fn create_company(&self, body: &Value) -> Value {
        let res = self.post_json("/api/companies", body).await;
        assert_eq!(res.status(), StatusCode::CREATED, "create company {body}");
        res.json().await.expect("json")
    }

    /// GET that must answer 200; returns the body.
    pub async fn get_ok(&self, path: &str) -> Value {
        let res = self.get(path).await;
        assert_eq!(res.status(), StatusCode::OK, "GET {path}");
        res.json().await.expect("json")
    }

    /// POST that must answer 200; returns the body.
    pub async fn post_ok(&self, path: &str, body: &Value) -> Value {
        let res = self.post_json(path, body).await;
        let status = res.status();
        let body: Value = res.json().await.expect("json");
        assert_eq!(status, StatusCode::OK, "POST {path}: {body}");
        body
    }

    /// Rows of a table, straight from the database.
    pub async fn rows(&self, sql: &str) -> Vec<Value> {
        let mut res = self.db.query(sql).await.expect("query").check().expect("check");
        res.take(0).expect("rows")
    }

    /// Follows `next_cursor` through every page of a list; returns all ids in order.
    pub async fn all_ids(&self, path_with_query: &str) -> Vec<String> {
        let mut ids = Vec::new();
        let mut cursor: Option<String> = None;
        let sep = if path_with_query.contains('?') { '&' } else { '?' };
        for _ in 0..1000 {
            let path = match &cursor {
                Some(c) => format!("{path_with_query}{sep}cursor={c}"),
                None => path_with_query.to_string(),
            };
            let page = self.get_ok(&path).await;
            for item in page["data"].as_array().expect("data") {
                ids.push(item["id"].as_str().expect("id").to_string());
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => return ids,
            }
        }
        panic!("pagination did not end");
    }
}

/// Asserts a problem+json response and returns its body.
pub async fn assert_problem(res: Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert_eq!(ct, "application/problem+json");
    let body: Value = res.json().await.expect("problem json");
    assert_eq!(body["status"], status);
    assert_eq!(body["code"], code, "problem {body}");
    for field in ["type", "title", "detail", "trace_id"] {
        assert!(body[field].is_string(), "problem lacks {field}: {body}");
    }
    body
}

/// The fields named in a 422 problem.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| a.iter().map(|e| e["field"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default()
}

/// What a receiver on loopback got: (headers, body).
pub type Received = std::sync::Arc<std::sync::Mutex<Vec<(Vec<(String, String)>, String)>>>;

/// A receiver on loopback (`http://…/hook`) answering `status` to every POST.
pub async fn receiver(status: std::sync::Arc<std::sync::Mutex<u16>>) -> (String, Received) {
    let received: Received = std::sync::Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let store = received.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap, body: String| {
            let store = store.clone();
            let status = status.clone();
            async move {
                let headers = headers
                    .iter()
                    .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
                    .collect();
                store.lock().unwrap().push((headers, body));
                let code = *status.lock().unwrap();
                axum::http::StatusCode::from_u16(code).unwrap()
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, received)
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or("")
}
