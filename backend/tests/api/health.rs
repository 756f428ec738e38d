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
