//! Sign-in, tokens, API keys, roles, limits, CORS and security headers.

use crm::domain::auth::Role;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, post_for_json, spawn_app, spawn_app_with};

#[tokio::test]
async fn login_me_logout_round_trip() {
    let app = spawn_app().await;
    let token = app.user_token("Sam@Example.com", "member").await;
    let client = client_with(&token);
    let me: Value = client.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        (me["kind"].as_str(), me["email"].as_str(), me["role"].as_str()),
        (Some("user"), Some("sam@example.com"), Some("member"))
    );
    let res = client.post(app.url("/api/auth/logout")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert_problem(client.get(app.url("/api/auth/me")).send().await.unwrap(), 401, "unauthorized").await;
}

#[tokio::test]
async fn wrong_email_and_wrong_password_answer_alike() {
    let app = spawn_app().await;
    app.user_token("real@example.com", "member").await;
    let attempt = |email: &'static str, password: &'static str| {
        let req = app.anonymous.post(app.url("/api/auth/login")).json(&json!({"email": email, "password": password}));
        async move { req.send().await.unwrap() }
    };
    let mut a = assert_problem(attempt("real@example.com", "wrong password!!").await, 401, "unauthorized").await;
    let mut b = assert_problem(attempt("nobody@example.com", "wrong password!!").await, 401, "unauthorized").await;
    a.as_object_mut().unwrap().remove("trace_id");
    b.as_object_mut().unwrap().remove("trace_id");
    assert_eq!(a, b);
}

#[tokio::test]
async fn expired_and_revoked_credentials_are_401() {
    let app = spawn_app().await;
    let token = app.user_token("exp@example.com", "member").await;
    app.rows("UPDATE auth_token SET expires_at = '2000-01-01T00:00:00.000000Z'").await;
    let res = client_with(&token).get(app.url("/api/contacts")).send().await.unwrap();
    assert_problem(res, 401, "unauthorized").await;
    assert_problem(
        client_with("crm_t_madeup").get(app.url("/api/contacts")).send().await.unwrap(),
        401,
        "unauthorized",
    )
    .await;
}

#[tokio::test]
async fn weak_passwords_and_bad_roles_are_422() {
    let app = spawn_app().await;
    for (body, field) in [
        (json!({"email": "w@example.com", "password": "short", "role": "member"}), "password"),
        (json!({"email": "w@example.com", "password": "long enough pass", "role": "root"}), "role"),
        (json!({"email": "nope", "password": "long enough pass"}), "email"),
    ] {
        let p = assert_problem(app.post_json("/api/users", &body).await, 422, "validation_failed").await;
        assert_eq!(crate::helpers::error_fields(&p), vec![field.to_string()]);
    }
    assert!(app.rows("SELECT key FROM user").await.is_empty());
}

#[tokio::test]
async fn users_are_managed_by_admins_and_the_last_admin_stays() {
    let app = spawn_app().await;
    let res = app
        .post_json(
            "/api/users",
            &json!({"email": "boss@example.com", "password": "a long passphrase", "role": "admin"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let boss: Value = res.json().await.unwrap();
    assert!(boss.get("password_hash").is_none() && boss.get("password").is_none());
    let path = format!("/api/users/{}", boss["id"].as_str().unwrap());
    assert_problem(app.patch_json(&path, &json!({"role": "member"}), None).await, 409, "last_admin").await;
    assert_problem(app.delete(&path).await, 409, "last_admin").await;
    assert_problem(
        app.post_json("/api/users", &json!({"email": "BOSS@example.com", "password": "a long passphrase"})).await,
        409,
        "email_taken",
    )
    .await;
    let list = app.get_ok("/api/users").await;
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    let stored = app.rows("SELECT password_hash FROM user").await;
    assert!(stored[0]["password_hash"].as_str().unwrap().starts_with("$argon2id$"));
    let member = client_with(&app.user_token("m@example.com", "member").await);
    let res = member.get(app.url("/api/users")).send().await.unwrap();
    assert_problem(res, 403, "forbidden").await;
}

#[tokio::test]
async fn api_keys_are_shown_once_work_as_bearer_and_can_be_revoked() {
    let app = spawn_app().await;
    let res = app.post_json("/api/api-keys", &json!({"name": "forms", "role": "member"})).await;
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let key = created["key"].as_str().unwrap().to_string();
    let id = created["id"].as_str().unwrap().to_string();
    let listed = app.get_ok("/api/api-keys").await;
    assert!(listed.to_string().contains(&id) && !listed.to_string().contains(&key), "secret never listed");
    assert!(!format!("{:?}", app.rows("SELECT * FROM api_key").await).contains(&key), "stored hashed");
    let client = client_with(&key);
    let me: Value = client.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!((me["kind"].as_str(), me["name"].as_str()), (Some("api_key"), Some("forms")));
    let c: Value = post_for_json(&client, &app.url("/api/contacts"), &json!({"email": "k@example.com"})).await;
    let history = app.get_ok(&format!("/api/contacts/{}/history", c["id"].as_str().unwrap())).await;
    assert_eq!(history["data"][0]["actor"], format!("api_key:{id}"));
    let listed = app.get_ok("/api/api-keys").await;
    let entry = listed["data"].as_array().unwrap().iter().find(|k| k["id"] == id.as_str()).unwrap().clone();
    assert!(entry["last_used_at"].is_string());
    assert_eq!(app.delete(&format!("/api/api-keys/{id}")).await.status(), 204);
    assert_problem(client.get(app.url("/api/contacts")).send().await.unwrap(), 401, "unauthorized").await;
}

#[tokio::test]
async fn change_events_name_the_signed_in_user() {
    let app = spawn_app().await;
    let token = app.user_token("writer@example.com", "member").await;
    let client = client_with(&token);
    let me: Value = client.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let c: Value = post_for_json(&client, &app.url("/api/contacts"), &json!({"email": "w@example.com"})).await;
    let history = app.get_ok(&format!("/api/contacts/{}/history", c["id"].as_str().unwrap())).await;
    assert_eq!(history["data"][0]["actor"], format!("user:{}", me["id"].as_str().unwrap()));
}

fn sample_path(path: &str) -> String {
    path.replace("{id}", "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c")
}

/// Walks the served OpenAPI document: no operation under /api but login works without a
/// credential; viewers cannot write; only admins reach users and keys.
#[tokio::test]
async fn every_operation_requires_the_right_credential() {
    let app = spawn_app().await;
    let doc = app.get_ok("/api-docs/openapi.json").await;
    let viewer = app.client_for(Role::Viewer).await;
    let member = app.client_for(Role::Member).await;
    let mut checked = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/api/") || path == "/api/auth/login" {
            continue;
        }
        for method in ops.as_object().unwrap().keys() {
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let url = app.url(&sample_path(path));
            let send = |client: &reqwest::Client| client.request(m.clone(), &url).json(&json!({})).send();
            assert_problem(send(&app.anonymous).await.unwrap(), 401, "unauthorized").await;
            let res = send(&client_with("crm_k_not-a-key")).await.unwrap();
            assert_problem(res, 401, "unauthorized").await;
            let admin_only = path.starts_with("/api/users")
                || path.starts_with("/api/api-keys")
                || path.starts_with("/api/admin/")
                || path.starts_with("/api/webhooks")
                || path.ends_with("/erase")
                // Everyone reads the data model; admins change it.
                || (path.starts_with("/api/schema/") && method != "get");
            // Previewing a segment and querying are reads sent as POST (a filter is a body).
            // Everyone marks their own notifications read and chooses their channels, and keeps
            // views of their own.
            let write = method != "get"
                && path != "/api/auth/logout"
                && path != "/api/segments/preview"
                && path != "/api/query"
                && !path.starts_with("/api/notifications")
                && !path.starts_with("/api/views");
            if admin_only {
                assert_problem(send(&member).await.unwrap(), 403, "forbidden").await;
            }
            if admin_only || write {
                assert_problem(send(&viewer).await.unwrap(), 403, "forbidden").await;
            } else {
                let status = send(&viewer).await.unwrap().status().as_u16();
                assert!(status != 401 && status != 403, "viewer may {method} {path}, got {status}");
            }
            let security = &ops[method]["security"];
            let inherited = doc["security"].is_array();
            assert!(security.is_array() || inherited, "{method} {path} declares no security");
            checked += 1;
        }
    }
    assert!(checked >= 20, "walked {checked} operations");
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
}

#[tokio::test]
async fn login_attempts_are_rate_limited_per_account() {
    let app = spawn_app().await;
    let mut last = None;
    for _ in 0..11 {
        let res = app
            .anonymous
            .post(app.url("/api/auth/login"))
            .json(&json!({"email": "x@example.com", "password": "guess guess guess"}))
            .send()
            .await
            .unwrap();
        last = Some(res);
    }
    let res = last.unwrap();
    assert!(res.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert_problem(res, 429, "rate_limited").await;
}

#[tokio::test]
async fn login_attempts_are_rate_limited_per_client_ip() {
    let app = spawn_app().await;
    let mut statuses = Vec::new();
    for i in 0..11 {
        let body = json!({"email": format!("user{i}@example.com"), "password": "guess guess guess"});
        statuses
            .push(app.anonymous.post(app.url("/api/auth/login")).json(&body).send().await.unwrap().status().as_u16());
    }
    assert!(statuses[..10].iter().all(|s| *s == 401), "{statuses:?}");
    assert_eq!(statuses[10], 429, "the 11th attempt from one IP within a minute");
}

#[tokio::test]
async fn requests_are_rate_limited_per_credential() {
    let app = spawn_app_with(|s| s.limits.requests_per_second = 1).await;
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(app.get("/api/contacts").await.status().as_u16());
    }
    assert_eq!(&statuses[..2], &[200, 200], "a burst of twice the rate");
    assert!(statuses.contains(&429), "{statuses:?}");
    let other = app.client_for(Role::Viewer).await;
    assert_eq!(other.get(app.url("/api/contacts")).send().await.unwrap().status(), 200, "per credential");
}

#[tokio::test]
async fn cors_allows_only_configured_origins_and_headers_are_set() {
    let app = spawn_app_with(|s| s.cors.allowed_origins = "https://crm.example".into()).await;
    let preflight = |origin: &'static str| {
        app.anonymous
            .request(reqwest::Method::OPTIONS, app.url("/api/contacts"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .send()
    };
    let ok = preflight("https://crm.example").await.unwrap();
    assert_eq!(ok.headers()["access-control-allow-origin"], "https://crm.example");
    let bad = preflight("https://evil.example").await.unwrap();
    assert!(bad.headers().get("access-control-allow-origin").is_none());
    let json = app.get("/api/contacts").await;
    assert_eq!(json.headers()["x-content-type-options"], "nosniff");
    assert_eq!(json.headers()["referrer-policy"], "no-referrer");
    let html = app.anonymous.get(app.url("/swagger-ui/")).send().await.unwrap();
    let csp = html.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "{csp}");
}
