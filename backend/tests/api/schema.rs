//! The data model admins shape: custom fields (typed, defaulted, required, unique, indexed,
//! referencing), validation rules in CEL, and the JSON Schema of each object.

use crm::domain::auth::Role;
use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

async fn add_field(app: &TestApp, object: &str, body: Value) -> Value {
    let res = app.post_json(&format!("/api/schema/{object}/fields"), &body).await;
    let status = res.status();
    let field: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "add field {body}: {field}");
    field
}

async fn add_rule(app: &TestApp, object: &str, body: Value) -> Value {
    let res = app.post_json(&format!("/api/schema/{object}/rules"), &body).await;
    let status = res.status();
    let rule: Value = res.json().await.unwrap();
    assert_eq!(status, 201, "add rule {body}: {rule}");
    rule
}

#[tokio::test]
async fn custom_values_are_checked_by_type_defaulted_merged_and_kept_in_history() {
    let app = spawn_app().await;
    add_field(&app, "contacts", json!({"name": "industry_code", "type": "text"})).await;
    add_field(
        &app,
        "contact",
        json!({"name": "tier", "type": "select", "options": ["gold", "silver"], "default": "silver"}),
    )
    .await;
    add_field(&app, "contact", json!({"name": "budget", "type": "currency"})).await;
    add_field(&app, "contact", json!({"name": "renews_on", "type": "date"})).await;
    add_field(&app, "contact", json!({"name": "topics", "type": "multi_select", "options": ["tax", "audit", "it"]}))
        .await;
    let fields = app.get_ok("/api/schema/contact/fields").await;
    let names: Vec<&str> = fields["items"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["industry_code", "tier", "budget", "renews_on", "topics"], "in form order");

    // Bad values are 422 naming custom.<field>, every one at once, and nothing is stored.
    let bad = app
        .post_json(
            "/api/contacts",
            &json!({"email": "ann@example.com", "custom": {"tier": "bronze", "budget": -5, "renews_on": "2026-02-30", "nope": 1}}),
        )
        .await;
    let problem = assert_problem(bad, 422, "validation_failed").await;
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["custom.budget", "custom.nope", "custom.renews_on", "custom.tier"]);
    assert!(app.rows("SELECT * FROM contact WHERE email = 'ann@example.com'").await.is_empty());

    // Good values are normalised; a missing one gets its default.
    let ann = app
        .create_contact(&json!({"email": "ann@example.com", "custom": {"industry_code": " K70 ", "budget": "1250.5", "topics": ["tax", "it", "tax"]}}))
        .await;
    assert_eq!(
        ann["custom"],
        json!({"industry_code": "K70", "budget": 1250.5, "tier": "silver", "topics": ["tax", "it"]})
    );
    let path = format!("/api/contacts/{}", ann["id"].as_str().unwrap());

    // A PATCH sets the names it gives, null removes one, the rest stay.
    let res = app.patch_json(&path, &json!({"custom": {"tier": "gold", "industry_code": null}}), Some("\"1\"")).await;
    assert_eq!(res.status(), 200);
    let now: Value = res.json().await.unwrap();
    assert_eq!(now["custom"], json!({"budget": 1250.5, "tier": "gold", "topics": ["tax", "it"]}));
    assert_problem(
        app.patch_json(&path, &json!({"custom": {"topics": ["golf"]}}), None).await,
        422,
        "validation_failed",
    )
    .await;

    // Recorded in history, and `as_of` rebuilds the values of the time.
    let history = app.get_ok(&format!("{path}/history")).await;
    let change = &history["data"][1]["changes"]["custom"];
    assert_eq!(change["old"]["industry_code"], "K70");
    assert_eq!(change["new"]["tier"], "gold");
    let created_at = ann["created_at"].as_str().unwrap();
    let then = app.get_ok(&format!("{path}?as_of={}", created_at.replace('+', "%2B"))).await;
    assert_eq!(then["custom"]["tier"], "silver");

    // Removing a field keeps the values already stored and their history; later edits pass.
    let budget = app.get_ok("/api/schema/contact/fields").await["items"][2].clone();
    assert_eq!(budget["name"], "budget");
    let field_path = format!("/api/schema/contact/fields/{}", budget["id"].as_str().unwrap());
    assert_eq!(app.delete(&field_path).await.status(), 204);
    let res = app.patch_json(&path, &json!({"title": "Partner"}), None).await;
    assert_eq!(res.status(), 200);
    let after: Value = res.json().await.unwrap();
    assert_eq!(after["custom"]["budget"], 1250.5, "an unchanged value of a removed field stays");
    let res = app.patch_json(&path, &json!({"custom": {"budget": 10}}), None).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["custom.budget"]);
}

#[tokio::test]
async fn every_object_carries_custom_fields_and_required_ones_are_enforced() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let cases = [
        ("company", "/api/companies", json!({"name": "Globex"})),
        ("deal", "/api/deals", json!({"name": "Audit"})),
        ("case", "/api/cases", json!({"subject": "Login fails", "company_id": acme["id"]})),
        (
            "event",
            "/api/events",
            json!({"name": "Breakfast", "starts_at": "2027-03-01T08:00:00Z", "ends_at": "2027-03-01T10:00:00Z"}),
        ),
    ];
    for (object, path, body) in cases {
        add_field(
            &app,
            object,
            json!({"name": "region", "type": "select", "options": ["north", "south"], "required": true}),
        )
        .await;
        let missing = app.post_json(path, &body).await;
        let problem = assert_problem(missing, 422, "validation_failed").await;
        assert_eq!(error_fields(&problem), ["custom.region"], "{object}");
        let mut with = body.clone();
        with["custom"] = json!({"region": "north"});
        let res = app.post_json(path, &with).await;
        assert_eq!(res.status(), 201, "{object}");
        let record: Value = res.json().await.unwrap();
        assert_eq!(record["custom"], json!({"region": "north"}), "{object}");
        let record_path = format!("{path}/{}", record["id"].as_str().unwrap());
        let cleared = app.patch_json(&record_path, &json!({"custom": {"region": null}}), None).await;
        assert_eq!(error_fields(&assert_problem(cleared, 422, "validation_failed").await), ["custom.region"]);
        assert_eq!(app.get_ok(&record_path).await["custom"]["region"], "north", "{object} unchanged");
    }
    // A reference must name a record that exists.
    add_field(&app, "deal", json!({"name": "partner", "type": "reference", "reference": "company"})).await;
    let ghost = "01900000-0000-7000-8000-000000000000";
    let res = app.post_json("/api/deals", &json!({"name": "X", "custom": {"region": "south", "partner": ghost}})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["custom.partner"]);
    let res =
        app.post_json("/api/deals", &json!({"name": "X", "custom": {"region": "south", "partner": acme["id"]}})).await;
    assert_eq!(res.status(), 201);
}

#[tokio::test]
async fn unique_and_indexed_fields_are_database_indexes() {
    let app = spawn_app().await;
    let vat = add_field(&app, "contact", json!({"name": "vat_id", "type": "text", "unique": true})).await;
    assert_eq!(vat["index"]["status"], "ready");
    app.create_contact(&json!({"email": "a@example.com", "custom": {"vat_id": "DE123"}})).await;
    app.create_contact(&json!({"email": "b@example.com"})).await;
    app.create_contact(&json!({"email": "c@example.com"})).await; // many records without a value
    let taken = app.post_json("/api/contacts", &json!({"email": "d@example.com", "custom": {"vat_id": "DE123"}})).await;
    let problem = assert_problem(taken, 409, "value_taken").await;
    assert!(problem["detail"].as_str().unwrap().contains("custom.vat_id"));

    // Making a field unique over values already shared is refused and leaves it as it was.
    let code = add_field(&app, "contact", json!({"name": "code", "type": "text"})).await;
    app.create_contact(&json!({"email": "e@example.com", "custom": {"code": "X"}})).await;
    app.create_contact(&json!({"email": "f@example.com", "custom": {"code": "X"}})).await;
    let code_path = format!("/api/schema/contact/fields/{}", code["id"].as_str().unwrap());
    assert_problem(app.patch_json(&code_path, &json!({"unique": true}), None).await, 409, "values_not_unique").await;
    let code_now = app.get_ok(&code_path).await;
    assert_eq!((code_now["unique"].clone(), code_now["index"].clone()), (json!(false), Value::Null));

    // An indexed field is built in the background and then answers a filter from its index.
    let res = app.patch_json(&code_path, &json!({"indexed": true}), None).await;
    assert_eq!(res.status(), 200);
    let mut status = String::new();
    for _ in 0..100 {
        status = app.get_ok(&code_path).await["index"]["status"].as_str().unwrap().to_string();
        if status == "ready" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(status, "ready");
    let plan = app.rows("SELECT * FROM contact WHERE custom.code = 'X' EXPLAIN").await;
    assert!(format!("{plan:?}").contains("cf_contact_code"), "the filter uses the field's index: {plan:?}");
    // Removing the field removes its index.
    assert_eq!(app.delete(&code_path).await.status(), 204);
    let plan = app.rows("SELECT * FROM contact WHERE custom.code = 'X' EXPLAIN").await;
    assert!(!format!("{plan:?}").contains("cf_contact_code"));
}

#[tokio::test]
async fn definitions_are_checked_and_only_admins_change_them() {
    let app = spawn_app().await;
    for (body, field) in [
        (json!({"name": "email", "type": "text"}), "name"),
        (json!({"name": "Bad Name", "type": "text"}), "name"),
        (json!({"name": "x", "type": "colour"}), "type"),
        (json!({"name": "x", "type": "select"}), "options"),
        (json!({"name": "x", "type": "reference"}), "reference"),
        (json!({"name": "x", "type": "boolean", "default": "yes"}), "default"),
        (json!({"name": "x", "type": "long_text", "indexed": true}), "indexed"),
    ] {
        let res = app.post_json("/api/schema/contact/fields", &body).await;
        assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), [field], "{body}");
    }
    assert_problem(
        app.post_json("/api/schema/invoices/fields", &json!({"name": "x", "type": "text"})).await,
        404,
        "not_found",
    )
    .await;
    let field = add_field(&app, "company", json!({"name": "segment", "type": "text"})).await;
    assert_problem(
        app.post_json("/api/schema/company/fields", &json!({"name": "segment", "type": "number"})).await,
        409,
        "field_exists",
    )
    .await;
    let path = format!("/api/schema/company/fields/{}", field["id"].as_str().unwrap());
    let res = app.patch_json(&path, &json!({"type": "number"}), None).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["type"]);
    assert_problem(app.patch_json(&path, &json!({"label": "Stale"}), Some("\"9\"")).await, 412, "precondition_failed")
        .await;
    // The field of another object is not found under this one.
    assert_problem(
        app.get(&format!("/api/schema/deal/fields/{}", field["id"].as_str().unwrap())).await,
        404,
        "not_found",
    )
    .await;

    let member = app.client_for(Role::Member).await;
    let viewer = app.client_for(Role::Viewer).await;
    let res =
        member.post(app.url("/api/schema/company/fields")).json(&json!({"name": "y", "type": "text"})).send().await;
    assert_eq!(res.unwrap().status(), 403);
    let res = member
        .post(app.url("/api/schema/company/rules"))
        .json(&json!({"name": "r", "condition": "true", "message": "m"}))
        .send()
        .await;
    assert_eq!(res.unwrap().status(), 403);
    let res = viewer.get(app.url("/api/schema/company/fields")).send().await.unwrap();
    assert_eq!(res.status(), 200, "everyone reads the model to build forms");
    let schema: Value = viewer.get(app.url("/api/schema/companies")).send().await.unwrap().json().await.unwrap();
    assert_eq!(schema["properties"]["custom"]["properties"]["segment"]["type"], "string");
    assert_eq!(schema["properties"]["name"]["type"], "string", "built-in fields too");
    assert_eq!(schema["properties"]["id"]["readOnly"], true);
}

#[tokio::test]
async fn validation_rules_see_the_record_and_its_previous_version() {
    let app = spawn_app().await;
    add_rule(
        &app,
        "deal",
        json!({"name": "won_needs_amount", "condition": "deal.stage == 'won' && (deal.amount == null || deal.amount <= 0)",
               "message": "A won deal needs an amount", "field": "amount"}),
    )
    .await;
    add_rule(
        &app,
        "deals",
        json!({"name": "no_shrinking", "condition": "old_deal != null && deal.amount != null && old_deal.amount != null && deal.amount < old_deal.amount",
               "message": "The amount of a deal may not go down", "field": "amount"}),
    )
    .await;
    let res = app.post_json("/api/deals", &json!({"name": "Free", "stage": "won"})).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0], json!({"field": "amount", "message": "A won deal needs an amount"}));
    let res = app.post_json("/api/deals", &json!({"name": "Audit", "amount": "1000.00"})).await;
    assert_eq!(res.status(), 201);
    let deal: Value = res.json().await.unwrap();
    let path = format!("/api/deals/{}", deal["id"].as_str().unwrap());
    let down = app.patch_json(&path, &json!({"amount": "999.99"}), None).await;
    let problem = assert_problem(down, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["message"], "The amount of a deal may not go down");
    assert_eq!(app.get_ok(&path).await["amount"], "1000.00", "nothing stored");
    assert_eq!(app.patch_json(&path, &json!({"amount": "1500", "stage": "won"}), None).await.status(), 200);

    // A rule over a custom field; switching it off lets the write through.
    add_field(&app, "deal", json!({"name": "risk", "type": "number"})).await;
    let risky = add_rule(
        &app,
        "deal",
        json!({"name": "risk_cap", "condition": "deal.custom.risk != null && deal.custom.risk > 7", "message": "Too risky", "field": "custom.risk"}),
    )
    .await;
    let res = app.post_json("/api/deals", &json!({"name": "Bet", "custom": {"risk": 9}})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["custom.risk"]);
    let rule_path = format!("/api/schema/deal/rules/{}", risky["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&rule_path, &json!({"active": false}), Some("\"1\"")).await.status(), 200);
    assert_eq!(app.post_json("/api/deals", &json!({"name": "Bet", "custom": {"risk": 9}})).await.status(), 201);

    // Trying a rule before saving it; conditions that do not compile are 422.
    let tried = app
        .post_ok(
            "/api/schema/deal/rules/test",
            &json!({"condition": "deal.amount < old_deal.amount", "record": {"amount": "5"}, "old_record": {"amount": "10.5"}}),
        )
        .await;
    assert_eq!(tried, json!({"result": true}));
    let tried =
        app.post_ok("/api/schema/deal/rules/test", &json!({"condition": "deal.name", "record": {"name": "x"}})).await;
    assert!(tried["result"].is_null() && tried["error"].is_string(), "{tried}");
    for condition in ["deal.stage ==", "contact.email == ''"] {
        let res = app.post_json("/api/schema/deal/rules/test", &json!({"condition": condition, "record": {}})).await;
        assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["condition"]);
        let res = app
            .post_json("/api/schema/deal/rules", &json!({"name": "bad", "condition": condition, "message": "m"}))
            .await;
        assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["condition"]);
    }
    let rules = app.get_ok("/api/schema/deal/rules").await;
    assert_eq!(rules["items"].as_array().unwrap().len(), 3);

    // Conditions nested deep enough to exhaust a stack are refused, and the server stays up.
    for condition in [format!("{}1{}", "(".repeat(1990), ")".repeat(1990)), vec!["1"; 40].join(" + ")] {
        let res = app.post_json("/api/schema/deal/rules/test", &json!({"condition": condition, "record": {}})).await;
        assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["condition"]);
    }
    assert_eq!(app.get("/health/live").await.status(), 200);
}

#[tokio::test]
async fn segments_filter_on_custom_fields_by_their_type() {
    let app = spawn_app().await;
    add_field(&app, "contact", json!({"name": "tier", "type": "select", "options": ["gold", "silver"]})).await;
    add_field(&app, "contact", json!({"name": "budget", "type": "currency"})).await;
    add_field(&app, "contact", json!({"name": "partner", "type": "boolean"})).await;
    add_field(&app, "contact", json!({"name": "topics", "type": "multi_select", "options": ["tax", "audit"]})).await;
    add_field(&app, "contact", json!({"name": "renews_on", "type": "date"})).await;
    let ann = app
        .create_contact(&json!({"email": "ann@example.com", "custom": {"tier": "gold", "budget": 500, "partner": true, "topics": ["tax"], "renews_on": "2027-01-15"}}))
        .await;
    let bob = app
        .create_contact(&json!({"email": "bob@example.com", "custom": {"tier": "silver", "budget": 50, "partner": false, "topics": ["audit"], "renews_on": "2026-06-01"}}))
        .await;
    app.create_contact(&json!({"email": "cy@example.com"})).await;
    let count = |filter: Value| {
        let app = &app;
        async move {
            let preview = app.post_ok("/api/segments/preview", &json!({"filter": filter})).await;
            let ids: Vec<String> =
                preview["sample"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect();
            (preview["count"].as_u64().unwrap(), ids)
        }
    };
    let ann_id = ann["id"].as_str().unwrap().to_string();
    let bob_id = bob["id"].as_str().unwrap().to_string();
    assert_eq!(count(json!({"field": "custom.tier", "op": "eq", "value": "gold"})).await, (1, vec![ann_id.clone()]));
    assert_eq!(count(json!({"field": "custom.budget", "op": "gt", "value": 100})).await, (1, vec![ann_id.clone()]));
    assert_eq!(count(json!({"field": "custom.partner", "op": "eq", "value": false})).await, (1, vec![bob_id.clone()]));
    assert_eq!(
        count(json!({"field": "custom.topics", "op": "contains", "value": "audit"})).await,
        (1, vec![bob_id.clone()])
    );
    assert_eq!(count(json!({"field": "custom.renews_on", "op": "lt", "value": "2027-01-01"})).await, (1, vec![bob_id]));
    assert_eq!(count(json!({"field": "custom.tier", "op": "exists", "value": false})).await.0, 1);
    let both = json!({"and": [{"field": "custom.tier", "op": "in", "value": ["gold", "silver"]}, {"field": "custom.budget", "op": "gte", "value": 500}]});
    assert_eq!(count(both.clone()).await, (1, vec![ann_id]));

    // A saved segment stays current as the values change.
    let res = app
        .post_json(
            "/api/segments",
            &json!({"name": "Gold", "filter": {"field": "custom.tier", "op": "eq", "value": "gold"}}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let segment: Value = res.json().await.unwrap();
    let bob_path = format!("/api/contacts/{}", bob["id"].as_str().unwrap());
    assert_eq!(app.patch_json(&bob_path, &json!({"custom": {"tier": "gold"}}), None).await.status(), 200);
    let members = app.get_ok(&format!("/api/segments/{}/contacts?count=true", segment["id"].as_str().unwrap())).await;
    assert_eq!(members["total"], 2);

    // Fields that do not exist, and values of the wrong type, are 422 on their node.
    for (filter, path) in [
        (json!({"field": "custom.nope", "op": "eq", "value": "x"}), "filter.field"),
        (json!({"field": "custom.partner", "op": "eq", "value": "yes"}), "filter.value"),
        (json!({"field": "custom.partner", "op": "gt", "value": true}), "filter.op"),
        (json!({"field": "custom.renews_on", "op": "gt", "value": "soon"}), "filter.value"),
    ] {
        let res = app.post_json("/api/segments/preview", &json!({"filter": filter})).await;
        assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), [path], "{filter}");
    }
}

#[tokio::test]
async fn exports_carry_custom_fields_as_columns() {
    let app = spawn_app().await;
    add_field(&app, "contact", json!({"name": "tier", "type": "select", "options": ["gold", "silver"]})).await;
    add_field(&app, "contact", json!({"name": "topics", "type": "multi_select", "options": ["tax", "audit"]})).await;
    add_field(&app, "deal", json!({"name": "risk", "type": "number"})).await;
    app.create_contact(&json!({"email": "ann@example.com", "custom": {"tier": "gold", "topics": ["tax", "audit"]}}))
        .await;
    app.create_contact(&json!({"email": "bob@example.com"})).await;
    assert_eq!(app.post_json("/api/deals", &json!({"name": "Audit", "custom": {"risk": 3}})).await.status(), 201);

    let csv = app.get("/api/contacts/export?format=csv").await.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",custom.tier,custom.topics"), "{}", lines[0]);
    let ann = lines.iter().find(|l| l.contains("ann@example.com")).unwrap();
    assert!(ann.ends_with(",gold,tax;audit"), "{ann}");
    let bob = lines.iter().find(|l| l.contains("bob@example.com")).unwrap();
    assert!(bob.ends_with(",,"), "{bob}");
    let ndjson = app.get("/api/contacts/export?format=ndjson").await.text().await.unwrap();
    let ann: Value = ndjson
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["email"] == "ann@example.com")
        .unwrap();
    assert_eq!(ann["custom"], json!({"tier": "gold", "topics": ["tax", "audit"]}));
    let deals = app.get("/api/deals/export?format=csv").await.text().await.unwrap();
    assert!(deals.lines().next().unwrap().ends_with(",custom.risk"));
    assert!(deals.lines().nth(1).unwrap().ends_with(",3"));
}

#[tokio::test]
async fn imports_fill_custom_fields_checked_like_every_write() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    add_field(
        &app,
        "contact",
        json!({"name": "tier", "type": "select", "options": ["gold", "silver"], "default": "silver"}),
    )
    .await;
    add_field(&app, "contact", json!({"name": "partner", "type": "boolean"})).await;
    add_field(&app, "contact", json!({"name": "topics", "type": "multi_select", "options": ["tax", "audit"]})).await;
    add_field(&app, "contact", json!({"name": "employer", "type": "reference", "reference": "company"})).await;
    add_rule(&app, "contact", json!({"name": "gold_partners", "condition": "contact.custom.tier == 'gold' && contact.custom.partner != true", "message": "Gold is for partners", "field": "custom.tier"})).await;
    let ghost = "01900000-0000-7000-8000-000000000000";
    let csv = format!(
        "email,custom.tier,Partner?,custom.topics,custom.employer,custom.unknown\n\
         ann@example.com,gold,yes,tax;audit,{acme},x\n\
         bob@example.com,,no,,,\n\
         cy@example.com,bronze,no,,,\n\
         dee@example.com,gold,no,,,\n\
         eve@example.com,silver,maybe,,{ghost},\n",
        acme = acme["id"].as_str().unwrap()
    );
    let res = app
        .client
        .post(app.url("/api/imports/contacts?mapping=%7B%22Partner%3F%22%3A%22custom.partner%22%7D"))
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let job: Value = res.json().await.unwrap();
    let path = format!("/api/imports/{}", job["id"].as_str().unwrap());
    let mut done = Value::Null;
    for _ in 0..200 {
        done = app.get_ok(&path).await;
        if done["status"] == "completed" || done["status"] == "failed" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(done["status"], "completed", "{done}");
    assert_eq!(done["imported"], 2, "{done}");
    assert_eq!(done["unmapped_columns"], json!(["custom.unknown"]));
    let mut errors: Vec<(u64, String)> = done["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap().to_string()))
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [(4, "custom.tier".into()), (5, "custom.tier".into()), (6, "custom.employer".into())],
        "line 4 is not an option, line 5 breaks the rule, line 6 names no company (checked first for the batch)"
    );
    let ann = app.get_ok("/api/contacts?q=ann@example.com").await["data"][0].clone();
    assert_eq!(
        ann["custom"],
        json!({"tier": "gold", "partner": true, "topics": ["tax", "audit"], "employer": acme["id"]})
    );
    let bob = app.get_ok("/api/contacts?q=bob@example.com").await["data"][0].clone();
    assert_eq!(bob["custom"], json!({"tier": "silver", "partner": false}), "the default fills a new contact");

    // An export reads back in: the same file imports to nothing new.
    let export = app.get("/api/contacts/export?format=csv").await.text().await.unwrap();
    let res = app
        .client
        .post(app.url("/api/imports/contacts"))
        .header("content-type", "text/csv")
        .body(export)
        .send()
        .await
        .unwrap();
    let job: Value = res.json().await.unwrap();
    let path = format!("/api/imports/{}", job["id"].as_str().unwrap());
    for _ in 0..200 {
        done = app.get_ok(&path).await;
        if done["status"] == "completed" || done["status"] == "failed" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        (done["imported"].clone(), done["updated"].clone(), done["error_count"].clone()),
        (json!(0), json!(0), json!(0)),
        "{done}"
    );
}
