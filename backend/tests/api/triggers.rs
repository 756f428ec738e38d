//! Triggers: before triggers derive fields and refuse writes inside the write (each change its
//! own event, replayed without running them again), after triggers run through the outbox
//! (tasks, timeline entries, related records, notifications, webhooks), and loops stop.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, spawn_app, TestApp};

async fn add(app: &TestApp, path: &str, body: Value) -> Value {
    let res = app.post_json(path, &body).await;
    let status = res.status();
    let made: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "{path} {body}: {made}");
    made
}

/// The runs of trigger `id` of `object` once none is queued or running any more.
async fn settled_runs(app: &TestApp, object: &str, id: &str, at_least: usize) -> Vec<Value> {
    let path = format!("/api/schema/{object}/triggers/{id}/runs");
    for _ in 0..200 {
        let runs = app.get_ok(&path).await["data"].as_array().unwrap().clone();
        let settled = runs.iter().all(|r| r["status"] == "done" || r["status"] == "failed");
        if runs.len() >= at_least && settled {
            return runs;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the runs of {id} did not settle: {}", app.get_ok(&path).await);
}

#[tokio::test]
async fn before_triggers_derive_fields_as_changes_of_their_own_and_replay_needs_no_rerun() {
    let app = spawn_app().await;
    add(&app, "/api/schema/deal/fields", json!({"name": "size", "type": "select", "options": ["small", "large"]}))
        .await;
    add(&app, "/api/schema/deal/fields", json!({"name": "net", "type": "decimal"})).await;
    let sizing = add(
        &app,
        "/api/schema/deal/triggers",
        json!({"name": "sizing", "timing": "before", "condition": "deal.amount != null",
               "action": {"type": "set", "values": {"custom.size": "deal.amount >= 1000.0 ? 'large' : 'small'",
                                                     "custom.net": "deal.amount * 0.8"}}}),
    )
    .await;
    assert_eq!(sizing["action"]["type"], "set");

    let res = app.post_json("/api/deals", &json!({"name": "Audit", "amount": "5000"})).await;
    assert_eq!(res.status(), 201);
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let deal: Value = res.json().await.unwrap();
    assert_eq!(deal["custom"], json!({"size": "large", "net": 4000}));
    assert_eq!(deal["version"], 2, "the trigger's change is a version of its own");
    assert!(etag.contains('2'), "{etag}");
    let path = format!("/api/deals/{}", deal["id"].as_str().unwrap());

    // The writer's change and the trigger's are two events: the second by `trigger`, naming it.
    let history = app.get_ok(&format!("{path}/history")).await["data"].as_array().unwrap().clone();
    assert_eq!(history.len(), 2);
    assert_eq!((history[0]["source"].as_str(), history[0]["kind"].as_str()), (Some("api"), Some("created")));
    assert!(history[0]["changes"].get("custom").is_none(), "the writer set no custom value");
    assert_eq!(history[1]["source"], "trigger");
    assert_eq!(history[1]["trigger_id"], sizing["id"]);
    assert_eq!(history[1]["changes"]["custom"]["new"]["size"], "large");

    // An update that changes what the trigger derives from: derived again, one more event.
    let res = app.patch_json(&path, &json!({"amount": "200"}), Some(&etag)).await;
    assert_eq!(res.status(), 200);
    let cheaper: Value = res.json().await.unwrap();
    assert_eq!((cheaper["custom"]["size"].as_str(), cheaper["version"].as_i64()), (Some("small"), Some(4)));
    // An update the trigger adds nothing to is one event.
    let res = app.patch_json(&path, &json!({"name": "Audit 2027"}), None).await;
    assert_eq!(res.json::<Value>().await.unwrap()["version"], 5);

    // Without the trigger, history still rebuilds every derived value: nothing runs again.
    let trigger_path = format!("/api/schema/deal/triggers/{}", sizing["id"].as_str().unwrap());
    assert_eq!(app.delete(&trigger_path).await.status(), 204);
    let now = app.get_ok(&path).await;
    let replayed =
        app.get_ok(&format!("{path}?as_of={}", now["updated_at"].as_str().unwrap().replace('+', "%2B"))).await;
    assert_eq!(replayed["custom"], json!({"size": "small", "net": 160}));
    assert_eq!(replayed["version"], 5);
    let first = app.get_ok(&format!("{path}?as_of={}", history[1]["at"].as_str().unwrap().replace('+', "%2B"))).await;
    assert_eq!(first["custom"]["size"], "large");
}

#[tokio::test]
async fn before_triggers_reject_with_the_previous_version_and_bad_derived_values_are_refused() {
    let app = spawn_app().await;
    add(&app, "/api/schema/contact/fields", json!({"name": "tier", "type": "select", "options": ["gold", "silver"]}))
        .await;
    add(
        &app,
        "/api/schema/contact/triggers",
        json!({"name": "keep_email", "timing": "before",
               "condition": "old_contact != null && old_contact.email != contact.email && contact.custom.tier == 'gold'",
               "action": {"type": "reject", "message": "gold contacts keep their address", "field": "email"}}),
    )
    .await;
    let ann = app.create_contact(&json!({"email": "ann@example.com", "custom": {"tier": "gold"}})).await;
    let path = format!("/api/contacts/{}", ann["id"].as_str().unwrap());
    let res = app.patch_json(&path, &json!({"email": "ann@other.example"}), None).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["email"]);
    assert_eq!(problem["errors"][0]["message"], "gold contacts keep their address");
    assert_eq!(app.get_ok(&path).await["email"], "ann@example.com", "nothing stored");

    // A trigger deriving a value its field cannot hold refuses the write, naming the field.
    add(
        &app,
        "/api/schema/contact/triggers",
        json!({"name": "bronze", "timing": "before", "condition": "contact.title == 'Intern'",
               "action": {"type": "set", "values": {"custom.tier": "'bronze'"}}}),
    )
    .await;
    let res = app.post_json("/api/contacts", &json!({"email": "bo@example.com", "title": "Intern"})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["custom.tier"]);
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("set by a trigger"));

    // Definitions are checked: actions suit their timing, fields exist, expressions compile.
    for (body, field) in [
        (
            json!({"name": "x", "timing": "after", "action": {"type": "set", "values": {"custom.tier": "'gold'"}}}),
            "action.type",
        ),
        (
            json!({"name": "x", "timing": "before", "action": {"type": "set", "values": {"custom.nope": "1"}}}),
            "action.values.custom.nope",
        ),
        (
            json!({"name": "x", "timing": "before", "condition": "contact.", "action": {"type": "reject", "message": "m"}}),
            "condition",
        ),
        (
            json!({"name": "x", "timing": "after", "action": {"type": "update_related", "via": "email", "values": {"custom.a": "1"}}}),
            "action.via",
        ),
        (json!({"name": "x", "timing": "later", "action": {"type": "reject", "message": "m"}}), "timing"),
    ] {
        let res = app.post_json("/api/schema/contact/triggers", &body).await;
        assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), [field], "{body}");
    }
    let member = client_with(&app.user_token("mo@example.com", "member").await);
    let res = member
        .post(app.url("/api/schema/contact/triggers"))
        .json(&json!({"name": "y", "timing": "before", "action": {"type": "reject", "message": "m"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn before_triggers_that_keep_changing_a_record_are_a_loop_and_nothing_is_stored() {
    let app = spawn_app().await;
    add(&app, "/api/schema/company/fields", json!({"name": "flag", "type": "text"})).await;
    for (name, condition, value) in
        [("ping", "company.custom.flag != 'ping'", "'ping'"), ("pong", "company.custom.flag == 'ping'", "'pong'")]
    {
        add(
            &app,
            "/api/schema/company/triggers",
            json!({"name": name, "timing": "before", "condition": condition,
                   "action": {"type": "set", "values": {"custom.flag": value}}}),
        )
        .await;
    }
    let res = app.post_json("/api/companies", &json!({"name": "Loop Ltd"})).await;
    let problem = assert_problem(res, 409, "trigger_loop").await;
    assert!(problem["detail"].as_str().unwrap().contains("ping -> pong -> ping"), "{problem}");
    assert!(app.rows("SELECT * FROM company WHERE name = 'Loop Ltd'").await.is_empty());
}

#[tokio::test]
async fn after_triggers_run_through_the_outbox_as_changes_of_their_own() {
    let app = spawn_app().await;
    let owner_token = app.user_token("olga@example.com", "member").await;
    let olga = client_with(&owner_token);
    let me: Value = olga.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let olga_id = me["id"].as_str().unwrap().to_string();
    add(&app, "/api/schema/company/fields", json!({"name": "last_won", "type": "text"})).await;
    let won = "deal.stage == 'won' && (old_deal == null || old_deal.stage != 'won')";
    let mut triggers = Vec::new();
    for (name, action) in [
        ("kickoff", json!({"type": "create_task", "title": "Kick off {{deal.name}}", "due_in_days": 2})),
        ("note", json!({"type": "add_timeline_entry", "summary": "Won {{deal.name}} ({{old_deal.stage}} before)"})),
        ("stamp", json!({"type": "update_related", "via": "company_id", "values": {"custom.last_won": "deal.name"}})),
        ("tell", json!({"type": "notify", "message": "{{deal.name}} is won"})),
    ] {
        let body = json!({"name": name, "timing": "after", "condition": won, "action": action});
        triggers.push(add(&app, "/api/schema/deal/triggers", body).await);
    }
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ann = app.create_contact(&json!({"email": "ann@example.com"})).await;
    let deal = add(
        &app,
        "/api/deals",
        json!({"name": "Audit", "company_id": acme["id"], "contact_ids": [ann["id"]], "owner_id": olga_id}),
    )
    .await;
    let path = format!("/api/deals/{}", deal["id"].as_str().unwrap());
    // Not won yet: nothing queued.
    let res = app.patch_json(&path, &json!({"stage": "won", "amount": "900"}), None).await;
    assert_eq!(res.status(), 200);

    let ids: Vec<&str> = triggers.iter().map(|t| t["id"].as_str().unwrap()).collect();
    for id in &ids {
        let runs = settled_runs(&app, "deal", id, 1).await;
        assert_eq!(runs.len(), 1, "one run per firing");
        assert_eq!(runs[0]["status"], "done", "{}", runs[0]);
        assert_eq!(runs[0]["record_id"], deal["id"]);
    }
    // The task, about the deal, for its owner, made by the trigger.
    let tasks = app.get_ok(&format!("/api/tasks?deal_id={}", deal["id"].as_str().unwrap())).await;
    let task = &tasks["data"][0];
    assert_eq!(
        (task["title"].as_str(), task["assignee_id"].as_str()),
        (Some("Kick off Audit"), Some(olga_id.as_str()))
    );
    let task_history = app.get_ok(&format!("/api/tasks/{}/history", task["id"].as_str().unwrap())).await;
    assert_eq!(task_history["data"][0]["source"], "trigger");
    assert_eq!(task_history["data"][0]["trigger_id"], ids[0]);
    // The contact's timeline.
    let timeline = app.get_ok(&format!("/api/contacts/{}/timeline", ann["id"].as_str().unwrap())).await;
    let note = timeline["data"].as_array().unwrap().iter().find(|e| e["kind"] == "note").expect("a note");
    assert_eq!(note["body"], "Won Audit (qualification before)");
    // The related company, changed by an event of its own naming the trigger.
    let company_path = format!("/api/companies/{}", acme["id"].as_str().unwrap());
    assert_eq!(app.get_ok(&company_path).await["custom"]["last_won"], "Audit");
    let company_history = app.get_ok(&format!("{company_path}/history")).await;
    let last = company_history["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!((last["source"].as_str(), last["trigger_id"].as_str()), (Some("trigger"), Some(ids[2])));
    // The owner's notification.
    let inbox: Value = olga.get(app.url("/api/notifications")).send().await.unwrap().json().await.unwrap();
    assert!(inbox["data"].as_array().unwrap().iter().any(|n| n["title"] == "Audit is won"), "{inbox}");

    // A later edit of a won deal does not fire them again.
    app.patch_json(&path, &json!({"name": "Audit FY27"}), None).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(settled_runs(&app, "deal", ids[0], 1).await.len(), 1);
}

#[tokio::test]
async fn after_triggers_that_fire_each_other_stop_at_the_depth_limit() {
    let app = spawn_app().await;
    add(&app, "/api/schema/contact/fields", json!({"name": "n", "type": "number"})).await;
    add(&app, "/api/schema/company/fields", json!({"name": "n", "type": "number"})).await;
    add(&app, "/api/schema/company/fields", json!({"name": "main", "type": "reference", "reference": "contact"})).await;
    let down = add(
        &app,
        "/api/schema/contact/triggers",
        json!({"name": "down", "timing": "after", "condition": "contact.custom.n != null",
               "action": {"type": "update_related", "via": "company_id", "values": {"custom.n": "contact.custom.n + 1"}}}),
    )
    .await;
    let up = add(
        &app,
        "/api/schema/company/triggers",
        json!({"name": "up", "timing": "after", "condition": "company.custom.n != null",
               "action": {"type": "update_related", "via": "custom.main", "values": {"custom.n": "company.custom.n + 1"}}}),
    )
    .await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let ann = app.create_contact(&json!({"email": "ann@example.com", "company_id": acme["id"]})).await;
    let company_path = format!("/api/companies/{}", acme["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&company_path, &json!({"custom": {"main": ann["id"]}}), None).await.status(), 200);
    let contact_path = format!("/api/contacts/{}", ann["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&contact_path, &json!({"custom": {"n": 0}}), None).await.status(), 200);

    // contact -> company -> contact -> ...: the run whose write would go deeper fails.
    let mut failed = None;
    for _ in 0..200 {
        let runs = [
            settled_runs(&app, "contact", down["id"].as_str().unwrap(), 1).await,
            settled_runs(&app, "company", up["id"].as_str().unwrap(), 1).await,
        ]
        .concat();
        failed = runs.into_iter().find(|r| r["status"] == "failed");
        if failed.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let failed = failed.expect("a run stopped by the depth limit");
    assert_eq!(failed["error_code"], "trigger_loop", "{failed}");
    assert!(failed["error"].as_str().unwrap().contains(down["id"].as_str().unwrap()), "the chain is named: {failed}");
    assert_eq!(failed["chain"].as_array().unwrap().len(), 5);
    // Bounded: the contact was set once by the API and at most a few times by the chain.
    let n = app.get_ok(&contact_path).await["custom"]["n"].as_i64().unwrap();
    assert!((2..=6).contains(&n), "n = {n}");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.get_ok(&contact_path).await["custom"]["n"].as_i64().unwrap(), n, "the chain stopped");

    // Erasing the contact empties the copies of it that its runs keep.
    let sql = format!("SELECT record, old FROM trigger_run WHERE record_id = '{}'", ann["id"].as_str().unwrap());
    assert!(app.rows(&sql).await.iter().any(|r| r["record"]["email"] == "ann@example.com"));
    let res = app.client.post(app.url(&format!("{contact_path}/erase"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let runs = app.rows(&sql).await;
    assert!(!runs.is_empty());
    assert!(runs.iter().all(|r| r["record"] == json!({}) && r["old"].is_null()), "{runs:?}");
}
