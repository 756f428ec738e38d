//! Timelines: logged entries, the contact's changes, the feed.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn logged_entries_and_changes_appear_newest_first() {
    let app = spawn_app().await;
    let c = app.contact_with_email("tl@example.com").await;
    let id = c["id"].as_str().unwrap();
    let path = format!("/api/contacts/{id}/timeline");
    let res = app.post_json(&path, &json!({"kind": "note", "body": "Met at the conference"})).await;
    assert_eq!(res.status(), 201);
    let note: Value = res.json().await.unwrap();
    assert_eq!((note["kind"].clone(), note["contact_id"].clone()), (json!("note"), json!(id)));
    app.patch_json(&format!("/api/contacts/{id}"), &json!({"status": "mql"}), None).await;
    app.post_json(&path, &json!({"kind": "call", "body": "Intro call"})).await;
    let page = app.get_ok(&path).await;
    let kinds: Vec<_> =
        page["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap().to_string()).collect();
    assert_eq!(kinds, ["call", "change", "note", "change"]);
    assert_eq!(page["data"][1]["fields"], json!(["status"]));
    assert_eq!(page["data"][1]["change_kind"], "updated");
    let first = app.get_ok(&format!("{path}?limit=3")).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = app.get_ok(&format!("{path}?limit=3&cursor={cursor}")).await;
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    assert!(rest["next_cursor"].is_null());
}

#[tokio::test]
async fn back_dated_entries_sort_by_when_they_happened() {
    let app = spawn_app().await;
    let c = app.contact_with_email("past@example.com").await;
    let path = format!("/api/contacts/{}/timeline", c["id"].as_str().unwrap());
    app.post_json(&path, &json!({"kind": "meeting", "body": "Kick-off", "at": "2024-03-01T10:00:00Z"})).await;
    let page = app.get_ok(&format!("{path}?kind=meeting")).await;
    assert_eq!(page["data"][0]["at"], "2024-03-01T10:00:00.000000Z");
    let last = app.get_ok(&path).await["data"].as_array().unwrap().last().cloned().unwrap();
    assert_eq!(last["kind"], "meeting", "oldest at the end");
}

#[tokio::test]
async fn timeline_rejects_unknown_contacts_and_bad_entries() {
    let app = spawn_app().await;
    let missing = "/api/contacts/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c/timeline";
    assert_problem(app.post_json(missing, &json!({"kind": "note", "body": "x"})).await, 404, "not_found").await;
    assert_problem(app.get(missing).await, 404, "not_found").await;
    let c = app.contact_with_email("bad@example.com").await;
    let path = format!("/api/contacts/{}/timeline", c["id"].as_str().unwrap());
    for (body, field) in [
        (json!({"kind": "change", "body": "x"}), "kind"),
        (json!({"kind": "note"}), "body"),
        (json!({"kind": "note", "body": "  "}), "body"),
        (json!({"kind": "note", "body": "x", "at": "soon"}), "at"),
    ] {
        let p = assert_problem(app.post_json(&path, &body).await, 422, "validation_failed").await;
        assert_eq!(error_fields(&p), vec![field.to_string()], "{body}");
    }
    assert!(app.rows("SELECT key FROM timeline_entry WHERE kind != 'change'").await.is_empty());
}

#[tokio::test]
async fn feed_spans_contacts_and_filters_by_contact_kind_and_time() {
    let app = spawn_app().await;
    let a = app.contact_with_email("a@example.com").await;
    let b = app.contact_with_email("b@example.com").await;
    let (a_id, b_id) = (a["id"].as_str().unwrap(), b["id"].as_str().unwrap());
    app.post_json(&format!("/api/contacts/{a_id}/timeline"), &json!({"kind": "email", "body": "Sent deck"})).await;
    app.post_json(
        &format!("/api/contacts/{b_id}/timeline"),
        &json!({"kind": "note", "body": "Old note", "at": "2020-01-01T00:00:00Z"}),
    )
    .await;
    let all = app.get_ok("/api/timeline").await;
    assert_eq!(all["data"].as_array().unwrap().len(), 4);
    let for_b = app.get_ok(&format!("/api/timeline?contact_id={b_id}")).await;
    assert!(for_b["data"].as_array().unwrap().iter().all(|e| e["contact_id"] == b_id));
    let emails = app.get_ok("/api/timeline?kind=email").await;
    assert_eq!(emails["data"].as_array().unwrap().len(), 1);
    let old = app.get_ok("/api/timeline?before=2021-01-01T00:00:00Z").await;
    assert_eq!(old["data"][0]["body"], "Old note");
    assert_eq!(old["data"].as_array().unwrap().len(), 1);
    let recent = app.get_ok("/api/timeline?after=2021-01-01T00:00:00Z").await;
    assert_eq!(recent["data"].as_array().unwrap().len(), 3);
    assert_problem(app.get("/api/timeline?kind=tweet").await, 422, "validation_failed").await;
}
