//! Custom objects: defined with fields and relationships in one request, then served at
//! `/api/objects/{name}` with every convention of the built-in records (history, `as_of`,
//! `If-Match`, idempotent creates, keyset lists with filters, export), checked by their fields,
//! rules and triggers, and queryable through `POST /api/query`.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, spawn_app};

fn contract_definition() -> Value {
    json!({
        "name": "contract", "label": "Contract",
        "fields": [
            {"name": "value", "type": "currency", "required": true},
            {"name": "signed_on", "type": "date", "indexed": true},
            {"name": "tier", "type": "select", "options": ["gold", "silver"]}
        ],
        "relationships": [
            {"name": "company_id", "object": "company", "required": true},
            {"name": "deal_id", "object": "deal"},
            {"name": "renews", "object": "contract"}
        ]
    })
}

#[tokio::test]
async fn objects_are_defined_with_fields_and_relationships_and_every_issue_is_reported_at_once() {
    let app = spawn_app().await;
    let bad = json!({
        "name": "deals",
        "fields": [{"name": "value", "type": "money"}, {"name": "id", "type": "text"}, {"name": "parent", "type": "reference"}],
        "relationships": [{"name": "ship_id", "object": "ship"}, {"name": "value", "object": "company"}]
    });
    let problem = assert_problem(app.post_json("/api/schema/objects", &bad).await, 422, "validation_failed").await;
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["fields[0].type", "fields[1].name", "fields[2].reference", "name", "relationships[0].object"]);
    let objects: Value = app.get_ok("/api/schema/objects").await;
    assert_eq!(objects["items"], json!([]), "nothing was stored");

    let res = app.post_json("/api/schema/objects", &contract_definition()).await;
    assert_eq!(res.status(), 201);
    assert_eq!(res.headers()["location"], "/api/schema/objects/contract");
    let contract: Value = res.json().await.unwrap();
    assert_eq!(
        (contract["plural_label"].as_str(), contract["records_url"].as_str()),
        (Some("Contracts"), Some("/api/objects/contract"))
    );
    let names: Vec<&str> = contract["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["value", "signed_on", "tier", "company_id", "deal_id", "renews"]);
    let listed = app.get_ok("/api/schema/objects").await;
    let listed: Vec<&str> =
        listed["items"][0]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(listed, names, "the list carries each object's fields in form order");
    assert_eq!(contract["fields"][3]["reference"], "company");
    assert_eq!(contract["fields"][5]["reference"], "contract", "an object may point at its own records");
    assert_problem(app.post_json("/api/schema/objects", &json!({"name": "contract"})).await, 409, "object_exists")
        .await;

    // Its JSON Schema, fields and rules are served like a built-in object's.
    let schema = app.get_ok("/api/schema/contract").await;
    assert_eq!(schema["properties"]["custom"]["properties"]["value"]["x-field-type"], "currency");
    assert_eq!(schema["properties"]["name"]["type"], "string");
    let res = app.post_json("/api/schema/contract/fields", &json!({"name": "notes", "type": "long_text"})).await;
    assert_eq!(res.status(), 201);
    // Built-in objects may point at it too.
    let res = app
        .post_json(
            "/api/schema/deal/fields",
            &json!({"name": "contract_id", "type": "reference", "reference": "contract"}),
        )
        .await;
    assert_eq!(res.status(), 201);

    // Members read definitions; only admins change them.
    let member = client_with(&app.user_token("mia@example.com", "member").await);
    assert_eq!(member.get(app.url("/api/schema/objects/contract")).send().await.unwrap().status(), 200);
    let res = member.post(app.url("/api/schema/objects")).json(&json!({"name": "project"})).send().await.unwrap();
    assert_eq!(res.status(), 403);

    let res = app
        .patch_json("/api/schema/objects/contract", &json!({"label": "Agreement", "name": "deal2"}), Some("\"1\""))
        .await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["name"]);
    let res = app.patch_json("/api/schema/objects/contract", &json!({"label": "Agreement"}), Some("\"1\"")).await;
    assert_eq!(res.status(), 200);
    let res = app.patch_json("/api/schema/objects/contract", &json!({"label": "Deal paper"}), Some("\"1\"")).await;
    assert_eq!(res.status(), 412);
    assert_eq!(app.get("/api/schema/objects/nope").await.status(), 404);
}

#[tokio::test]
async fn records_keep_every_convention_of_built_in_records() {
    let app = spawn_app().await;
    assert_eq!(app.post_json("/api/schema/objects", &contract_definition()).await.status(), 201);
    let company = app.create_company(&json!({"name": "Acme"})).await;
    let company_id = company["id"].as_str().unwrap();

    // Values are checked by type, required and references; nothing is stored on a refusal.
    let nameless = json!({"custom": {"value": 1}});
    let problem =
        assert_problem(app.post_json("/api/objects/contract", &nameless).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["name"]);
    let bad = json!({"name": "Bad", "custom": {"value": "lots", "tier": "bronze", "deal_id": "01a24d01-bfe4-75cc-9400-df0d737c6b61"}});
    let problem = assert_problem(app.post_json("/api/objects/contract", &bad).await, 422, "validation_failed").await;
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["custom.company_id", "custom.tier", "custom.value"]);
    let missing =
        json!({"name": "Ghost", "custom": {"value": 1, "company_id": "01a24d01-bfe4-75cc-9400-df0d737c6b61"}});
    let problem =
        assert_problem(app.post_json("/api/objects/contract", &missing).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["custom.company_id"]);
    let listed: Value = app.get_ok("/api/objects/contract?count=true").await;
    assert_eq!(listed["total"], 0);

    // Create (idempotently), read, change under If-Match.
    let body = json!({"name": "Acme support 2027", "custom": {"value": 12000, "company_id": company_id, "signed_on": "2026-12-01"}});
    let create = |key: &'static str| {
        let body = body.clone();
        let url = app.url("/api/objects/contract");
        let client = app.client.clone();
        async move { client.post(url).header("idempotency-key", key).json(&body).send().await.unwrap() }
    };
    let res = create("contract-1").await;
    assert_eq!(res.status(), 201);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let record: Value = res.json().await.unwrap();
    let again: Value = create("contract-1").await.json().await.unwrap();
    assert_eq!(again["id"], record["id"], "the same key replays the first answer");
    assert_eq!(location, format!("/api/objects/contract/{}", record["id"].as_str().unwrap()));
    assert_eq!((record["object"].as_str(), record["version"].as_i64()), (Some("contract"), Some(1)));
    assert!(record.get("owner_id").is_none(), "an API key is nobody's: no owner");
    let member = client_with(&app.user_token("mia@example.com", "member").await);
    let me: Value = member.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let mine: Value =
        member.post(app.url("/api/objects/contract")).json(&body).send().await.unwrap().json().await.unwrap();
    assert!(me["id"].is_string());
    assert_eq!(mine["owner_id"], me["id"], "a user owns what they create");
    let res = member
        .delete(app.url(&format!("/api/objects/contract/{}", mine["id"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let created_at = record["created_at"].as_str().unwrap().to_string();

    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let res = app.patch_json(&location, &json!({"custom": {"tier": "gold", "signed_on": null}}), Some("\"1\"")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let res = app.patch_json(&location, &json!({"custom": {"tier": "silver"}}), Some("\"1\"")).await;
    assert_problem(res, 412, "precondition_failed").await;
    let now = app.get_ok(&location).await;
    assert_eq!(now["custom"], json!({"value": 12000, "company_id": company_id, "tier": "gold"}));

    // As it was, and its history.
    let then = app.get_ok(&format!("{location}?as_of={created_at}")).await;
    assert_eq!((then["version"].as_i64(), then["custom"]["signed_on"].as_str()), (Some(1), Some("2026-12-01")));
    let history = app.get_ok(&format!("{location}/history")).await;
    let kinds: Vec<&str> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "updated"]);
    assert_eq!(history["data"][1]["changes"]["custom"]["new"]["tier"], "gold");

    // Lists: keyset pages and filters over the object's fields; the query endpoint serves it.
    for n in 0..3 {
        let body =
            json!({"name": format!("Extra {n}"), "custom": {"value": n, "company_id": company_id, "tier": "silver"}});
        assert_eq!(app.post_json("/api/objects/contract", &body).await.status(), 201);
    }
    let ids = app.all_ids("/api/objects/contract?limit=1").await;
    assert_eq!(ids.len(), 4);
    assert_eq!(ids[3], record["id"].as_str().unwrap(), "newest first");
    let filter = serde_json::to_string(&json!({"field": "custom.tier", "op": "eq", "value": "silver"})).unwrap();
    let silver: Value = app
        .client
        .get(app.url("/api/objects/contract"))
        .query(&[("filter", &filter), ("count", &"true".to_string())])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(silver["total"], 3);
    let bad = serde_json::to_string(&json!({"field": "custom.colour", "op": "eq", "value": 1})).unwrap();
    let res = app.client.get(app.url("/api/objects/contract")).query(&[("filter", &bad)]).send().await.unwrap();
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["filter.field"]);
    // Both lists scan an index that stops after the page: the list order, or the indexed field.
    let object = app.state.schema.object("contract").await.unwrap();
    for (filter, index) in [
        (None, "obj_contract_part_rkey"),
        (Some(json!({"field": "custom.signed_on", "op": "eq", "value": "2026-12-01"})), "cf_obj_contract_signed_on"),
    ] {
        let input = crm::domain::query::QueryInput { filter, limit: Some(10), ..Default::default() };
        let query = app.state.query.parse(object, input).await.unwrap();
        let plan = app.state.query.explain(&query).await.unwrap().to_string();
        assert!(plan.contains(index), "{plan}");
        assert!(!plan.contains("TableScan") && !plan.contains("Sort"), "{plan}");
    }
    let rows: Value = app
        .post_ok("/api/query", &json!({"object": "contract", "fields": ["name", "custom.value"], "filter": {"field": "custom.value", "op": "gte", "value": 1000}}))
        .await;
    assert_eq!(rows["data"], json!([{"id": record["id"], "name": "Acme support 2027", "custom.value": 12000}]));
    // Reference fields are traversed by their name without `_id`: one read per field and page.
    let body = json!({"object": "contract", "fields": ["name", "company.name", "deal.name"], "filter": {"field": "custom.value", "op": "gte", "value": 1000}});
    let rows: Value = app.post_ok("/api/query", &body).await;
    assert_eq!(rows["data"][0]["company.name"], "Acme");
    assert_eq!(rows["data"][0]["deal.name"], Value::Null, "no deal is named");
    let res = app.post_json("/api/query", &json!({"object": "contract", "fields": ["company.nope"]})).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["fields[0]"]);

    // Export: every record, the object's fields as columns.
    let csv = app.get("/api/objects/contract/export?format=csv").await.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,name,owner_id,version,created_at,updated_at,custom.value,custom.signed_on,custom.tier,custom.company_id,custom.deal_id,custom.renews"
    );
    assert_eq!(lines.count(), 4);

    // Built-in objects' records are not here; an unknown object is a 404.
    assert_eq!(app.get("/api/objects/deal").await.status(), 404);
    assert_eq!(app.get("/api/objects/ship").await.status(), 404);
    assert_eq!(app.get("/api/objects/contract/not-an-id").await.status(), 404);

    // An object with records cannot go; once they are deleted it can, and the history stays.
    assert_problem(app.delete("/api/schema/objects/contract").await, 409, "object_has_records").await;
    for id in app.all_ids("/api/objects/contract").await {
        assert_eq!(app.delete(&format!("/api/objects/contract/{id}")).await.status(), 204);
    }
    assert_eq!(app.delete("/api/schema/objects/contract").await.status(), 204);
    assert_eq!(app.get("/api/objects/contract").await.status(), 404);
    let kept =
        app.rows(&format!("SELECT * FROM change_event WHERE entity_id = '{}'", record["id"].as_str().unwrap())).await;
    assert_eq!(kept.len(), 3, "created, updated, deleted");
    let fields = app.rows("SELECT * FROM custom_field WHERE object = 'contract'").await;
    assert!(fields.is_empty(), "its fields went with it");
}

#[tokio::test]
async fn rules_triggers_and_webhooks_apply_to_custom_objects_by_their_name() {
    let app = crate::helpers::spawn_app_with(|s| s.webhooks.allow_private_targets = true).await;
    let (url, received) = crate::helpers::receiver(std::sync::Arc::new(std::sync::Mutex::new(200u16))).await;
    let res = app.post_json("/api/webhooks", &json!({"url": url, "events": ["contract.created"]})).await;
    assert_eq!(res.status(), 201);
    assert_eq!(app.post_json("/api/schema/objects", &contract_definition()).await.status(), 201);
    let company = app.create_company(&json!({"name": "Acme"})).await;
    let rule = json!({"name": "no shrinking", "field": "custom.value",
                      "condition": "has(old_contract.custom.value) && contract.custom.value < old_contract.custom.value",
                      "message": "a contract's value only grows"});
    assert_eq!(app.post_json("/api/schema/contract/rules", &rule).await.status(), 201);
    let trigger = json!({"name": "gold over 10k", "timing": "before", "condition": "contract.custom.value >= 10000",
                         "action": {"type": "set", "values": {"custom.tier": "'gold'"}}});
    assert_eq!(app.post_json("/api/schema/contract/triggers", &trigger).await.status(), 201);

    let body = json!({"name": "Big one", "custom": {"value": 5000, "company_id": company["id"]}});
    let res = app.post_json("/api/objects/contract", &body).await;
    assert_eq!(res.status(), 201);
    let record: Value = res.json().await.unwrap();
    assert!(record["custom"].get("tier").is_none());
    let path = format!("/api/objects/contract/{}", record["id"].as_str().unwrap());
    let res = app.patch_json(&path, &json!({"custom": {"value": 4000}}), None).await;
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(problem["errors"][0]["message"], "a contract's value only grows");
    let res = app.patch_json(&path, &json!({"custom": {"value": 15000}}), None).await;
    assert_eq!(res.status(), 200);
    let grown: Value = res.json().await.unwrap();
    assert_eq!(grown["custom"]["tier"], "gold", "the before trigger derived it");
    let history = app.get_ok(&format!("{path}/history")).await;
    let sources: Vec<&str> =
        history["data"].as_array().unwrap().iter().map(|e| e["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["api", "api", "trigger"]);

    // Subscribers hear of its records as `<object>.<kind>`.
    for _ in 0..100 {
        if !received.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let (_, body) = received.lock().unwrap().first().cloned().expect("a delivery");
    let event: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (event["event"].as_str(), event["entity_id"].as_str()),
        (Some("contract.created"), record["id"].as_str())
    );
}

#[tokio::test]
async fn records_import_from_csv_and_ndjson_and_a_reimport_creates_nothing() {
    let app = spawn_app().await;
    assert_eq!(app.post_json("/api/schema/objects", &contract_definition()).await.status(), 201);
    let company = app.create_company(&json!({"name": "Acme"})).await;
    let company_id = company["id"].as_str().unwrap();
    let import = |content_type: &'static str, body: String| {
        let url = app.url("/api/objects/contract/import");
        let client = app.client.clone();
        async move {
            let res = client.post(url).header("content-type", content_type).body(body).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.json::<Value>().await.unwrap()
        }
    };
    // `;`-separated with a BOM, bare and prefixed field names, a bad row and an unknown column.
    let csv = format!(
        "\u{feff}name;value;custom.tier;company_id;colour\nAlpha;1200;gold;{company_id};red\nBeta;x;silver;{company_id};blue\nGamma;300;;{company_id};\n"
    );
    let summary = import("text/csv", csv).await;
    assert_eq!((summary["processed"].as_u64(), summary["imported"].as_u64()), (Some(3), Some(2)));
    assert_eq!(summary["error_count"], 1);
    assert_eq!(summary["errors"], json!([{"row": 3, "field": "custom.value", "message": "must be a number"}]));
    assert_eq!(summary["unmapped_columns"], json!(["colour"]));
    let history = app.rows("SELECT * FROM change_event WHERE entity = 'obj_contract'").await;
    assert!(history.iter().all(|e| e["source"] == "import"), "imported rows say so in their history");

    // The export, imported again, names its records: nothing new, nothing changed.
    let ndjson = app.get("/api/objects/contract/export?format=ndjson").await.text().await.unwrap();
    let summary = import("application/x-ndjson", ndjson.clone()).await;
    assert_eq!((summary["imported"].as_u64(), summary["unchanged"].as_u64()), (Some(0), Some(2)));
    assert_eq!(app.all_ids("/api/objects/contract").await.len(), 2);
    // A changed line changes its record.
    let changed = ndjson.replacen("\"value\":1200", "\"value\":1500", 1);
    let summary = import("application/x-ndjson", changed).await;
    assert_eq!((summary["updated"].as_u64(), summary["unchanged"].as_u64()), (Some(1), Some(1)));
    let res = app
        .client
        .post(app.url("/api/objects/contract/import"))
        .header("content-type", "application/pdf")
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
}
