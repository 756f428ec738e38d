//! Health, Swagger UI and the OpenAPI document (snapshot-tested).

use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_checks_the_database() {
    let app = spawn_app().await;
    let body = app.get_ok("/health").await;
    assert_eq!((body["status"].as_str(), body["database"].as_str()), (Some("ok"), Some("ok")));
}

#[tokio::test]
async fn swagger_ui_is_served() {
    let app = spawn_app().await;
    let res = app.get("/swagger-ui/").await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("swagger"));
}

#[tokio::test]
async fn openapi_documents_every_operation_with_its_errors() {
    let app = spawn_app().await;
    let doc = app.get_ok("/api-docs/openapi.json").await;
    let expected = [
        ("/api/contacts", "get"),
        ("/api/contacts", "post"),
        ("/api/contacts/{id}", "get"),
        ("/api/contacts/{id}", "patch"),
        ("/api/contacts/{id}", "delete"),
        ("/api/contacts/{id}/history", "get"),
        ("/api/contacts/{id}/timeline", "get"),
        ("/api/contacts/{id}/timeline", "post"),
        ("/api/timeline", "get"),
        ("/api/companies", "get"),
        ("/api/companies", "post"),
        ("/api/companies/{id}", "get"),
        ("/api/companies/{id}", "patch"),
        ("/api/companies/{id}", "delete"),
        ("/api/companies/{id}/contacts", "get"),
        ("/api/companies/{id}/history", "get"),
        ("/health", "get"),
    ];
    for (path, method) in expected {
        let op = &doc["paths"][path][method];
        assert!(op.is_object(), "{method} {path} missing");
        assert!(op["operationId"].is_string());
        let responses = op["responses"].as_object().unwrap();
        let has_error = responses.keys().any(|k| k.starts_with('4') || k.starts_with('5'));
        assert!(has_error, "{method} {path} documents no error status");
        if method == "post" || method == "patch" {
            for status in ["400", "413", "415", "422"] {
                assert!(responses.contains_key(status), "{method} {path} lacks {status}");
            }
        }
        if method == "patch" || method == "delete" {
            assert!(responses.contains_key("412"), "{method} {path} lacks 412");
        }
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

/// The served document is compared with `tests/snapshots/openapi.json`;
/// `UPDATE_SNAPSHOTS=1` rewrites it, so a contract change shows up as a diff.
#[tokio::test]
async fn openapi_document_matches_the_snapshot() {
    let app = spawn_app().await;
    let doc: Value = app.get_ok("/api-docs/openapi.json").await;
    let pretty = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    assert!(
        path.exists() || std::env::var("CI").is_err(),
        "snapshot missing: run with UPDATE_SNAPSHOTS=1 and commit it"
    );
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() || !path.exists() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &pretty).unwrap();
    }
    let stored = std::fs::read_to_string(&path).unwrap();
    assert!(stored == pretty, "OpenAPI document changed; review and rerun with UPDATE_SNAPSHOTS=1");
}

#[tokio::test]
async fn the_dashboard_is_served_at_the_root_with_a_policy_for_its_inline_scripts() {
    use sha2::Digest;
    let dir = tempfile::tempdir().unwrap();
    let inline = "self.__next_f=self.__next_f||[]";
    std::fs::write(dir.path().join("index.html"), format!("<html><script>{inline}</script><p>home</p></html>"))
        .unwrap();
    std::fs::create_dir_all(dir.path().join("contacts")).unwrap();
    std::fs::write(dir.path().join("contacts/view.html"), "<p>a contact</p>").unwrap();
    std::fs::create_dir_all(dir.path().join("_next/static/chunks")).unwrap();
    std::fs::write(dir.path().join("_next/static/chunks/app.js"), "console.log(1)").unwrap();
    std::fs::write(dir.path().join("404.html"), "<p>not here</p>").unwrap();
    let served = dir.path().to_str().unwrap().to_string();
    let app = crate::helpers::spawn_app_with(|s| s.server.dashboard_dir = served).await;

    let home = app.anonymous.get(app.url("/")).send().await.unwrap();
    assert_eq!(home.status(), 200);
    assert_eq!(home.headers()["content-type"], "text/html; charset=utf-8");
    let csp = home.headers()["content-security-policy"].to_str().unwrap().to_string();
    let hash = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, sha2::Sha256::digest(inline));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
    assert!(home.text().await.unwrap().contains("home"));

    let view = app.anonymous.get(app.url("/contacts/view?id=x")).send().await.unwrap();
    assert_eq!(view.status(), 200);
    assert!(view.text().await.unwrap().contains("a contact"));
    let js = app.anonymous.get(app.url("/_next/static/chunks/app.js")).send().await.unwrap();
    assert_eq!(js.status(), 200);
    assert!(js.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    assert_eq!(js.headers()["content-type"], "text/javascript; charset=utf-8");
    let missing = app.anonymous.get(app.url("/no-such-page")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("not here"));

    // The API is unchanged: unknown API routes are problem+json, and the API still needs credentials.
    let api_missing = app.anonymous.get(app.url("/api/nothing")).send().await.unwrap();
    assert_eq!(api_missing.status(), 401);
    let api_missing = app.get("/api/nothing").await;
    crate::helpers::assert_problem(api_missing, 404, "not_found").await;
    let post = app.anonymous.post(app.url("/")).send().await.unwrap();
    crate::helpers::assert_problem(post, 404, "not_found").await;
}

#[tokio::test]
async fn without_a_dashboard_the_root_is_a_problem_404() {
    let app = crate::helpers::spawn_app().await;
    let res = app.anonymous.get(app.url("/")).send().await.unwrap();
    crate::helpers::assert_problem(res, 404, "not_found").await;
}
