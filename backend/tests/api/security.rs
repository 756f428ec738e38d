//! Row- and field-level security: sharing models, shares, hidden and read-only fields, and the
//! walk of every read operation of the OpenAPI document as a member and as a viewer.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, client_with, error_fields, spawn_app, TestApp};

const MARKER: &str = "MARKER-hidden-7f3a";
const FOREIGN: &str = "FOREIGN-private-9c2e";

struct Person {
    client: reqwest::Client,
    id: String,
}

impl Person {
    /// The JSON answer to a GET of `path` by this person.
    async fn read(&self, app: &TestApp, path: &str) -> Value {
        self.client.get(app.url(path)).send().await.expect("request").json().await.expect("json")
    }
}

async fn person(app: &TestApp, email: &str, role: &str) -> Person {
    let client = client_with(&app.user_token(email, role).await);
    let me: Value = client.get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    Person { client, id: me["id"].as_str().expect("user id").to_string() }
}

async fn send(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: String,
    body: Option<&Value>,
) -> reqwest::Response {
    let req = client.request(method, url);
    let req = match body {
        Some(b) => req.json(b),
        None => req,
    };
    req.send().await.expect("request")
}

/// Sets `object`'s sharing model and field permissions as the admin (200).
pub(crate) async fn secure(app: &TestApp, object: &str, settings: &Value) {
    let res = app.client.put(app.url(&format!("/api/schema/{object}/security"))).json(settings).send().await;
    assert_eq!(res.expect("request").status(), 200, "{object} security");
}

/// Deals private, `custom.salary` hidden from members and viewers, `amount` hidden from viewers,
/// `stage` read-only for members; on contacts `custom.salary` hidden from both.
async fn secured(app: &TestApp) {
    for object in ["deal", "contact"] {
        let res =
            app.post_json(&format!("/api/schema/{object}/fields"), &json!({"name": "salary", "type": "text"})).await;
        assert_eq!(res.status(), 201);
    }
    let deal = json!({"sharing": "private", "fields": [
        {"field": "custom.salary", "role": "member", "access": "hidden"},
        {"field": "custom.salary", "role": "viewer", "access": "hidden"},
        {"field": "amount", "role": "viewer", "access": "hidden"},
        {"field": "stage", "role": "member", "access": "read_only"},
    ]});
    secure(app, "deal", &deal).await;
    let contact = json!({"fields": [
        {"field": "custom.salary", "role": "member", "access": "hidden"},
        {"field": "custom.salary", "role": "viewer", "access": "hidden"},
    ]});
    secure(app, "contact", &contact).await;
}

#[tokio::test]
async fn settings_are_checked_and_read_by_everyone() {
    let app = spawn_app().await;
    let viewer = person(&app, "v@example.com", "viewer").await;
    let res = app.client.get(app.url("/api/schema/deal/security")).send().await.unwrap();
    assert_eq!(res.headers()["etag"], "\"0\"");
    let defaults: Value = res.json().await.unwrap();
    assert_eq!((&defaults["sharing"], &defaults["fields"]), (&json!("public_read_write"), &json!([])));
    let bad = json!({"sharing": "secret", "fields": [
        {"field": "nope", "role": "member", "access": "hidden"},
        {"field": "amount", "role": "admin", "access": "hidden"},
        {"field": "amount", "role": "viewer", "access": "gone"},
    ]});
    let res = app.client.put(app.url("/api/schema/deal/security")).json(&bad).send().await.unwrap();
    let problem = assert_problem(res, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["sharing", "fields[0].field", "fields[1].role", "fields[2].access"]);
    let res = send(&viewer.client, reqwest::Method::PUT, app.url("/api/schema/deal/security"), Some(&json!({}))).await;
    assert_problem(res, 403, "forbidden").await;
    secured(&app).await;
    let settings: Value =
        viewer.client.get(app.url("/api/schema/deal/security")).send().await.unwrap().json().await.unwrap();
    assert_eq!((&settings["sharing"], &settings["version"]), (&json!("private"), &json!(1)));
    assert_eq!(settings["fields"].as_array().unwrap().len(), 4);
    let stale = app.client.put(app.url("/api/schema/deal/security")).header("if-match", "\"7\"").json(&json!({}));
    assert_problem(stale.send().await.unwrap(), 412, "precondition_failed").await;
}

#[tokio::test]
async fn private_records_are_their_owners_and_shares_open_them() {
    let app = spawn_app().await;
    secured(&app).await;
    let ann = person(&app, "ann@example.com", "member").await;
    let bob = person(&app, "bob@example.com", "member").await;
    // A member may not set a field hidden from them.
    let body = json!({"name": "Ann's", "amount": "100", "custom": {"salary": MARKER}});
    let res = send(&ann.client, reqwest::Method::POST, app.url("/api/deals"), Some(&body)).await;
    assert_problem(res, 403, "field_read_only").await;
    let body = json!({"name": "Ann's", "amount": "100"});
    let res = send(&ann.client, reqwest::Method::POST, app.url("/api/deals"), Some(&body)).await;
    assert_eq!(res.status(), 201);
    let anns: Value = res.json().await.unwrap();
    assert_eq!(anns["owner_id"], json!(ann.id));
    let res = app
        .post_json(
            "/api/deals",
            &json!({"name": FOREIGN, "amount": "5", "owner_id": bob.id, "custom": {"salary": MARKER}}),
        )
        .await;
    let bobs: Value = res.json().await.unwrap();
    let bobs_path = format!("/api/deals/{}", bobs["id"].as_str().unwrap());
    // Ann sees her own deal only; Bob's is 404 to her, also its history.
    let list: Value = ann.client.get(app.url("/api/deals?count=true")).send().await.unwrap().json().await.unwrap();
    let names: Vec<&str> = list["data"].as_array().unwrap().iter().filter_map(|d| d["name"].as_str()).collect();
    assert_eq!(names, ["Ann's"]);
    assert_eq!(list["total"], 1, "the total counts the rows she may see: {list}");
    for path in [bobs_path.clone(), format!("{bobs_path}/history")] {
        assert_problem(ann.client.get(app.url(&path)).send().await.unwrap(), 404, "not_found").await;
    }
    let patch = json!({"name": "taken"});
    assert_problem(
        send(&ann.client, reqwest::Method::PATCH, app.url(&bobs_path), Some(&patch)).await,
        404,
        "not_found",
    )
    .await;
    // Bob shares it for reading: Ann reads it, without the hidden field, and may not change it.
    let share = json!({"user_id": ann.id, "access": "read"});
    let res = send(&bob.client, reqwest::Method::POST, app.url(&format!("{bobs_path}/share")), Some(&share)).await;
    assert_eq!(res.status(), 201);
    let deal: Value = ann.client.get(app.url(&bobs_path)).send().await.unwrap().json().await.unwrap();
    assert_eq!(deal["name"], FOREIGN);
    assert!(deal["custom"].get("salary").is_none(), "{deal}");
    assert_problem(
        send(&ann.client, reqwest::Method::PATCH, app.url(&bobs_path), Some(&patch)).await,
        403,
        "forbidden",
    )
    .await;
    let ids = app.all_ids("/api/deals").await;
    assert_eq!(ids.len(), 2, "admins see every deal");
    // For writing: Ann changes the name, not the read-only stage, and may not share it on.
    let share = json!({"user_id": ann.id, "access": "write"});
    let res = send(&bob.client, reqwest::Method::POST, app.url(&format!("{bobs_path}/share")), Some(&share)).await;
    assert_eq!(res.status(), 200);
    let res = send(&ann.client, reqwest::Method::PATCH, app.url(&bobs_path), Some(&patch)).await;
    assert_eq!(res.status(), 200);
    let stage = json!({"stage": "won"});
    let problem = assert_problem(
        send(&ann.client, reqwest::Method::PATCH, app.url(&bobs_path), Some(&stage)).await,
        403,
        "field_read_only",
    )
    .await;
    assert_eq!(error_fields(&problem), ["stage"]);
    let shares: Value =
        ann.client.get(app.url(&format!("{bobs_path}/shares"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(shares["items"][0]["access"], "write");
    // Unshared, it is gone for her again.
    let res =
        send(&bob.client, reqwest::Method::DELETE, app.url(&format!("{bobs_path}/shares/{}", ann.id)), None).await;
    assert_eq!(res.status(), 204, "{}", res.text().await.unwrap());
    assert_problem(ann.client.get(app.url(&bobs_path)).send().await.unwrap(), 404, "not_found").await;
    let nobody = json!({"user_id": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"});
    let res = send(&bob.client, reqwest::Method::POST, app.url(&format!("{bobs_path}/share")), Some(&nobody)).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "validation_failed").await), ["user_id"]);
    // Filtering or asking for a hidden field is refused, not answered.
    let res = ann.client.get(app.url("/api/deals?sort=-custom.salary")).send().await.unwrap();
    assert_problem(res, 422, "field_hidden").await;
    let query = json!({"object": "deal", "fields": ["name", "custom.salary"]});
    let res = send(&ann.client, reqwest::Method::POST, app.url("/api/query"), Some(&query)).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "field_hidden").await), ["fields[1]"]);
    let query = json!({"object": "deal", "fields": ["name"]});
    let rows: Value =
        send(&ann.client, reqwest::Method::POST, app.url("/api/query"), Some(&query)).await.json().await.unwrap();
    assert_eq!(rows["data"].as_array().unwrap().len(), 1, "{rows}");
    let segment = json!({"name": "Rich", "filter": {"field": "custom.salary", "op": "eq", "value": "x"}});
    let res = send(&ann.client, reqwest::Method::POST, app.url("/api/segments"), Some(&segment)).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "field_hidden").await), ["filter"]);
    // Totals over private deals, and imports of contacts with a hidden field, are for admins.
    for path in ["/api/deals/pipeline", "/api/analytics/pipeline"] {
        assert_problem(ann.client.get(app.url(path)).send().await.unwrap(), 403, "forbidden").await;
        assert_eq!(app.get(path).await.status(), 200, "{path} for admins");
    }
    let res = ann
        .client
        .post(app.url("/api/imports/contacts"))
        .header("content-type", "text/csv")
        .body("email,custom.salary\na@example.com,1\n")
        .send()
        .await
        .unwrap();
    assert_problem(res, 403, "forbidden").await;
}

/// Every read operation of the OpenAPI document, as a member and as a viewer, with every
/// record id of the installation in its path: no hidden value and no foreign private row.
#[tokio::test]
async fn the_walk_finds_no_hidden_field_and_no_foreign_private_row() {
    let app = spawn_app().await;
    secured(&app).await;
    let member = person(&app, "m@example.com", "member").await;
    let viewer = person(&app, "v@example.com", "viewer").await;
    let other = person(&app, "o@example.com", "member").await;
    let company = app.create_company(&json!({"name": "Acme"})).await;
    let contact = app.create_contact(&json!({"email": "c@example.com", "custom": {"salary": MARKER}})).await;
    let foreign = app
        .post_json(
            "/api/deals",
            &json!({"name": FOREIGN, "amount": "77", "owner_id": other.id, "contact_ids": [contact["id"]],
                    "custom": {"salary": MARKER}}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    let own = app
        .post_json(
            "/api/deals",
            &json!({"name": "Mine", "amount": "1", "owner_id": member.id, "custom": {"salary": MARKER}}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    // A change to each, so history and the feed hold the values.
    for (path, body) in [
        (
            format!("/api/deals/{}", foreign["id"].as_str().unwrap()),
            json!({"custom": {"salary": format!("{MARKER}-2")}}),
        ),
        (
            format!("/api/contacts/{}", contact["id"].as_str().unwrap()),
            json!({"custom": {"salary": format!("{MARKER}-2")}}),
        ),
    ] {
        assert_eq!(app.patch_json(&path, &body, None).await.status(), 200);
    }
    let path = format!("/api/deals/{}/share", own["id"].as_str().unwrap());
    assert_eq!(app.post_json(&path, &json!({"user_id": viewer.id})).await.status(), 201);
    let ids = [&company["id"], &contact["id"], &foreign["id"], &own["id"]].map(|v| v.as_str().unwrap().to_string());
    let doc = app.get_ok("/api-docs/openapi.json").await;
    let mut reads = 0;
    for (path, ops) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/api/") || ops.get("get").is_none() || path.ends_with("/stream") {
            continue;
        }
        let collections = ["contacts", "companies", "deals", "cases", "events"];
        let mut urls = vec![path.clone()];
        for (param, values) in [
            ("{collection}", collections.map(String::from).to_vec()),
            ("{object}", vec!["deal".to_string(), "contact".to_string()]),
            ("{id}", ids.to_vec()),
        ] {
            if path.contains(param) {
                urls = urls.iter().flat_map(|u| values.iter().map(move |v| u.replace(param, v))).collect();
            }
        }
        for url in urls {
            let url = url.replace("{user_id}", &member.id).replace("{name}", "deal");
            for (who, client) in [("member", &member.client), ("viewer", &viewer.client)] {
                let queries =
                    if url.ends_with("/export") { ["?format=csv", "?format=ndjson"] } else { ["", "?count=true"] };
                for query in queries {
                    let res = client.get(app.url(&format!("{url}{query}"))).send().await.unwrap();
                    let status = res.status();
                    let body = res.text().await.unwrap();
                    assert!(!body.contains(MARKER), "{who} GET {url}{query} ({status}) shows a hidden value: {body}");
                    assert!(
                        !body.contains(FOREIGN),
                        "{who} GET {url}{query} ({status}) shows a foreign private row: {body}"
                    );
                    reads += 1;
                }
            }
        }
    }
    assert!(reads > 300, "only {reads} reads walked");
    // The viewer does not see amounts; the member sees their own deal with its amount.
    let mine: Value = member.client.get(app.url("/api/deals")).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine["data"][0]["amount"], own["amount"]);
    let seen: Value = viewer.client.get(app.url("/api/deals")).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["data"].as_array().unwrap().len(), 1, "the deal shared with the viewer: {seen}");
    assert!(seen["data"][0].get("amount").is_none(), "{seen}");
    // The admin sees everything.
    let all = app.get_ok(&format!("/api/deals/{}", foreign["id"].as_str().unwrap())).await;
    assert_eq!(all["custom"]["salary"], format!("{MARKER}-2"));
}

/// Contacts have no owner: private, a member sees only the contacts shared with them, with their
/// timeline; totals over contacts are for admins.
#[tokio::test]
async fn private_contacts_are_seen_only_when_shared() {
    let app = spawn_app().await;
    let member = person(&app, "m@example.com", "member").await;
    let contact = app.create_contact(&json!({"email": "p@example.com", "first_name": FOREIGN})).await;
    let path = format!("/api/contacts/{}", contact["id"].as_str().unwrap());
    secure(&app, "contact", &json!({"sharing": "private"})).await;
    for p in [path.clone(), format!("{path}/timeline"), format!("{path}/history")] {
        assert_problem(member.client.get(app.url(&p)).send().await.unwrap(), 404, "not_found").await;
    }
    let list = member.client.get(app.url("/api/contacts")).send().await.unwrap().text().await.unwrap();
    assert!(!list.contains(FOREIGN), "{list}");
    let res = member.client.get(app.url("/api/analytics/contacts")).send().await.unwrap();
    assert_problem(res, 403, "forbidden").await;
    assert_eq!(app.post_json(&format!("{path}/share"), &json!({"user_id": member.id})).await.status(), 201);
    for p in [path.clone(), format!("{path}/timeline")] {
        assert_eq!(member.client.get(app.url(&p)).send().await.unwrap().status(), 200, "{p}");
    }
    let list: Value = member.client.get(app.url("/api/contacts")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["data"][0]["first_name"], FOREIGN);
}

/// The live stream shows a member the events of their own private records, hidden fields
/// redacted, and nothing of the others'.
#[tokio::test]
async fn the_live_stream_keeps_private_rows_and_hidden_fields_out() {
    let app = spawn_app().await;
    secured(&app).await;
    let member = person(&app, "m@example.com", "member").await;
    let other = person(&app, "o@example.com", "member").await;
    let mut live = member.client.get(app.url("/api/changes/stream?entity=deal")).send().await.unwrap();
    assert_eq!(live.status(), 200);
    let foreign = json!({"name": FOREIGN, "amount": "5", "owner_id": other.id, "custom": {"salary": MARKER}});
    assert_eq!(app.post_json("/api/deals", &foreign).await.status(), 201);
    let own = json!({"name": "Mine", "amount": "5", "owner_id": member.id, "custom": {"salary": MARKER}});
    let own: Value = app.post_json("/api/deals", &own).await.json().await.unwrap();
    let events = crate::changes::read_stream(&mut live, 1).await;
    assert_eq!(events[0].1["entity_id"], own["id"]);
    assert_eq!(events[0].1["changes"]["name"]["new"], "Mine");
    assert!(!events[0].1.to_string().contains(MARKER), "{}", events[0].1);
}

/// Public read: every member reads every deal; only its owner (and write shares, and admins)
/// changes it.
#[tokio::test]
async fn public_read_records_are_read_by_all_and_changed_by_their_owner() {
    let app = spawn_app().await;
    secure(&app, "deal", &json!({"sharing": "public_read"})).await;
    let ann = person(&app, "ann@example.com", "member").await;
    let bob = person(&app, "bob@example.com", "member").await;
    let deal = json!({"name": "Bob's", "amount": "5", "owner_id": bob.id});
    let deal: Value = app.post_json("/api/deals", &deal).await.json().await.unwrap();
    let path = format!("/api/deals/{}", deal["id"].as_str().unwrap());
    let list: Value = ann.client.get(app.url("/api/deals?count=true")).send().await.unwrap().json().await.unwrap();
    assert_eq!((list["data"].as_array().unwrap().len(), &list["total"]), (1, &json!(1)));
    assert_eq!(ann.client.get(app.url(&path)).send().await.unwrap().status(), 200);
    let patch = json!({"name": "Ann's now"});
    assert_problem(send(&ann.client, reqwest::Method::PATCH, app.url(&path), Some(&patch)).await, 403, "forbidden")
        .await;
    assert_eq!(send(&bob.client, reqwest::Method::PATCH, app.url(&path), Some(&patch)).await.status(), 200);
    let share = json!({"user_id": ann.id, "access": "write"});
    assert_eq!(
        send(&bob.client, reqwest::Method::POST, app.url(&format!("{path}/share")), Some(&share)).await.status(),
        201
    );
    let again = json!({"name": "Ann's at last"});
    assert_eq!(send(&ann.client, reqwest::Method::PATCH, app.url(&path), Some(&again)).await.status(), 200);
    let missing = app.url("/api/deals/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c");
    assert_problem(send(&ann.client, reqwest::Method::PATCH, missing, Some(&again)).await, 404, "not_found").await;
}

/// Contacts, companies and events belong to whoever creates them, and pass to another owner;
/// private, they are their owners' (and admins').
#[tokio::test]
async fn contacts_companies_and_events_have_owners_who_alone_see_them_when_private() {
    let app = spawn_app().await;
    let ann = person(&app, "ann@example.com", "member").await;
    let bob = person(&app, "bob@example.com", "member").await;
    let records = [
        ("contact", "/api/contacts", json!({"email": "p@example.com"})),
        ("company", "/api/companies", json!({"name": "Acme"})),
        (
            "event",
            "/api/events",
            json!({"name": "Launch", "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T12:00:00Z"}),
        ),
    ];
    for (object, collection, body) in records {
        secure(&app, object, &json!({"sharing": "private"})).await;
        let res = send(&ann.client, reqwest::Method::POST, app.url(collection), Some(&body)).await;
        assert_eq!(res.status(), 201, "{collection}");
        let record: Value = res.json().await.unwrap();
        assert_eq!(record["owner_id"], ann.id.as_str(), "{collection}");
        let path = app.url(&format!("{collection}/{}", record["id"].as_str().unwrap()));
        assert_eq!(ann.client.get(&path).send().await.unwrap().status(), 200);
        assert_problem(bob.client.get(&path).send().await.unwrap(), 404, "not_found").await;
        let list = bob.read(&app, collection).await;
        assert_eq!(list["data"], json!([]), "{collection}");
        assert_eq!(app.client.get(&path).send().await.unwrap().status(), 200, "admins see every record");
        let handover = json!({"owner_id": bob.id});
        assert_eq!(send(&ann.client, reqwest::Method::PATCH, path.clone(), Some(&handover)).await.status(), 200);
        assert_problem(ann.client.get(&path).send().await.unwrap(), 404, "not_found").await;
        assert_eq!(bob.client.get(&path).send().await.unwrap().status(), 200, "{collection}");
        let nobody = json!({"owner_id": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"});
        let res = send(&bob.client, reqwest::Method::PATCH, path.clone(), Some(&nobody)).await;
        let problem = assert_problem(res, 422, "validation_failed").await;
        assert_eq!(error_fields(&problem), ["owner_id"], "{collection}");
    }
    let history = app.get_ok("/api/contacts?limit=1").await;
    let id = history["data"][0]["id"].as_str().unwrap().to_string();
    let events = app.get_ok(&format!("/api/contacts/{id}/history")).await;
    assert_eq!(events["data"][1]["changes"]["owner_id"]["new"], bob.id.as_str(), "the hand-over is history");
}

/// With contacts private, a member's segment pages, previews, campaign messages and event
/// guest lists hold only the contacts they may see, and no count over the others.
#[tokio::test]
async fn private_contacts_stay_out_of_segments_messages_guest_lists_and_counts() {
    let app = spawn_app().await;
    let ann = person(&app, "ann@example.com", "member").await;
    secure(&app, "contact", &json!({"sharing": "private"})).await;
    crate::deliveries::contacts(&app, "foreign", 3, false).await;
    let own = json!({"email": "own@example.com", "first_name": "Own"});
    let own: Value =
        send(&ann.client, reqwest::Method::POST, app.url("/api/contacts"), Some(&own)).await.json().await.unwrap();
    let filter = json!({"field": "email", "op": "contains", "value": "@"});
    let segment: Value =
        app.post_json("/api/segments", &json!({"name": "All", "filter": filter})).await.json().await.unwrap();
    let members = format!("/api/segments/{}/contacts?count=true", segment["id"].as_str().unwrap());
    assert_eq!(app.get_ok(&members).await["total"], 4, "admins count every member");
    let page = ann.read(&app, &members).await;
    assert_eq!((page["data"].as_array().unwrap().len(), page.get("total")), (1, None), "{page}");
    assert_eq!(page["data"][0]["id"], own["id"]);
    let res =
        send(&ann.client, reqwest::Method::POST, app.url("/api/segments/preview"), Some(&json!({"filter": filter})))
            .await;
    let preview: Value = res.json().await.unwrap();
    assert_eq!((&preview["count"], preview["sample"].as_array().unwrap().len()), (&Value::Null, 1), "{preview}");
    let scan = ann.read(&app, "/api/contacts/duplicates/scan").await;
    assert!(scan["total"].is_i64(), "a count of change events is not withheld: {scan}");

    let event = json!({"name": "Launch", "starts_at": "2027-01-01T10:00:00Z", "ends_at": "2027-01-01T12:00:00Z"});
    let event: Value = app.post_json("/api/events", &event).await.json().await.unwrap();
    let guests = format!("/api/events/{}/invitations", event["id"].as_str().unwrap());
    let all = app.get_ok("/api/contacts").await;
    let ids: Vec<&Value> = all["data"].as_array().unwrap().iter().map(|c| &c["id"]).collect();
    let invite = guests.replace("/invitations", "/invite");
    assert_eq!(app.post_json(&invite, &json!({"contact_ids": ids})).await.status(), 200);
    assert_eq!(app.get_ok(&guests).await["data"].as_array().unwrap().len(), 4);
    let listed = ann.read(&app, &guests).await;
    let seen: Vec<&Value> = listed["data"].as_array().unwrap().iter().map(|i| &i["contact_id"]).collect();
    assert_eq!(seen, [&own["id"]], "{listed}");

    let campaign = crate::deliveries::ready_campaign(&app, "foreign").await;
    let res = app.client.post(app.url(&format!("/api/campaigns/{campaign}/execute"))).send().await.unwrap();
    assert_eq!(res.status(), 202);
    let done = crate::deliveries::wait_for(&app, &campaign, |p| p["status"] == "completed").await;
    assert_eq!(done["sent"], 3);
    let messages = ann.read(&app, &format!("/api/campaigns/{campaign}/messages")).await;
    assert_eq!(messages["data"], json!([]), "{messages}");
    for path in ["progress", "audience"] {
        let res = ann.client.get(app.url(&format!("/api/campaigns/{campaign}/{path}"))).send().await.unwrap();
        assert_problem(res, 403, "forbidden").await;
    }
}

/// `company.<field>` reaches companies: a member may not use it for a company field hidden from
/// members, nor at all once companies are private to them.
#[tokio::test]
async fn traversals_to_companies_keep_their_security() {
    let app = spawn_app().await;
    let ann = person(&app, "ann@example.com", "member").await;
    let field = json!({"name": "secret", "type": "text"});
    assert_eq!(app.post_json("/api/schema/company/fields", &field).await.status(), 201);
    let company = app.create_company(&json!({"name": "Acme", "custom": {"secret": MARKER}})).await;
    let deal = json!({"name": "Audit", "amount": "5", "company_id": company["id"]});
    assert_eq!(app.post_json("/api/deals", &deal).await.status(), 201);
    let query = async |who: &reqwest::Client, fields: Value| {
        let body = json!({"object": "deal", "fields": fields});
        send(who, reqwest::Method::POST, app.url("/api/query"), Some(&body)).await
    };
    let res = query(&ann.client, json!(["name", "company.custom.secret"])).await;
    assert_eq!(res.status(), 200, "nothing is hidden yet");
    assert!(res.text().await.unwrap().contains(MARKER));
    let hidden = json!({"fields": [{"field": "custom.secret", "role": "member", "access": "hidden"}]});
    secure(&app, "company", &hidden).await;
    let res = query(&ann.client, json!(["name", "company.custom.secret"])).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "field_hidden").await), ["fields[1]"]);
    let filter = json!({"field": "company.custom.secret", "op": "eq", "value": MARKER});
    let res =
        send(&ann.client, reqwest::Method::POST, app.url("/api/segments/preview"), Some(&json!({"filter": filter})))
            .await;
    assert_problem(res, 422, "field_hidden").await;
    let encoded: String = serde_urlencoded::to_string([("filter", filter.to_string())]).unwrap();
    assert_problem(
        ann.client.get(app.url(&format!("/api/deals?{encoded}"))).send().await.unwrap(),
        422,
        "field_hidden",
    )
    .await;
    secure(&app, "company", &json!({"sharing": "private"})).await;
    let res = query(&ann.client, json!(["name", "company.name"])).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "field_hidden").await), ["fields[1]"]);
    let res = query(&app.client, json!(["name", "company.name"])).await;
    assert_eq!(res.status(), 200, "admins reach every company");
    // So do the reference fields of custom objects.
    let vault =
        json!({"name": "vault", "label": "Vault", "relationships": [{"name": "partner_id", "object": "company"}]});
    assert_eq!(app.post_json("/api/schema/objects", &vault).await.status(), 201);
    let body = json!({"object": "vault", "fields": ["name", "partner.name"]});
    let res = send(&ann.client, reqwest::Method::POST, app.url("/api/query"), Some(&body)).await;
    assert_eq!(error_fields(&assert_problem(res, 422, "field_hidden").await), ["fields[1]"]);
    assert_eq!(app.post_json("/api/query", &body).await.status(), 200);
}

/// A member's page of a private object holds the rows they may see, full and in order, however
/// many newer foreign rows there are; their `total` counts those rows. Every list path does:
/// the list's own parameters, its `filter`, the query endpoint and custom objects. The owner's
/// rows scan the owner's index.
#[tokio::test]
async fn private_lists_page_through_the_rows_the_caller_may_see() {
    let app = spawn_app().await;
    let ann = person(&app, "ann@example.com", "member").await;
    secure(&app, "contact", &json!({"sharing": "private"})).await;
    let mut expected = Vec::new();
    for i in 0..3 {
        let body = json!({"email": format!("ann{i}@example.com"), "status": "lead"});
        let res = send(&ann.client, reqwest::Method::POST, app.url("/api/contacts"), Some(&body)).await;
        assert_eq!(res.status(), 201);
        expected.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string());
    }
    let mut foreign = Vec::new();
    for i in 0..60 {
        let status = if i % 2 == 0 { "lead" } else { "customer" };
        let res =
            app.post_json("/api/contacts", &json!({"email": format!("f{i}@example.com"), "status": status})).await;
        assert_eq!(res.status(), 201);
        foreign.push(res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string());
    }
    // Some of the admin's (leads and customers), one lead also hers by a later hand-over.
    let shared: Vec<String> = [11, 30, 40, 41, 42, 43, 44, 45, 47].iter().map(|i| foreign[*i].clone()).collect();
    for id in &shared {
        let share = json!({"user_id": ann.id, "access": "read"});
        assert_eq!(app.post_json(&format!("/api/contacts/{id}/share"), &share).await.status(), 201);
    }
    let handover = json!({"owner_id": ann.id});
    let res = app.client.patch(app.url(&format!("/api/contacts/{}", foreign[30]))).json(&handover).send().await;
    assert_eq!(res.unwrap().status(), 200);
    expected.extend(shared.iter().cloned());
    let newest_first = |ids: &[String]| {
        let mut ids = ids.to_vec();
        ids.sort();
        ids.reverse();
        ids
    };
    let expected = newest_first(&expected);
    // Pages of two, through the list's parameters, then through `filter`.
    let filter = "%7B%22field%22%3A%22status%22%2C%22op%22%3A%22eq%22%2C%22value%22%3A%22lead%22%7D";
    let customers: Vec<&String> = [11, 41, 43, 45, 47].iter().map(|i| &foreign[*i]).collect();
    let leads: Vec<String> = expected.iter().filter(|id| !customers.contains(id)).cloned().collect();
    for (query, want) in [
        ("limit=2&count=true".to_string(), &expected),
        ("limit=2&count=true&status=lead".to_string(), &leads),
        (format!("limit=2&count=true&filter={filter}"), &leads),
    ] {
        let mut seen = Vec::new();
        let mut path = format!("/api/contacts?{query}");
        loop {
            let page = ann.read(&app, &path).await;
            let rows = page["data"].as_array().unwrap_or_else(|| panic!("{query}: {page}"));
            assert_eq!(page["total"], want.len(), "{query}: {page}");
            seen.extend(rows.iter().map(|r| r["id"].as_str().unwrap().to_string()));
            match page["next_cursor"].as_str() {
                Some(cursor) => {
                    assert_eq!(rows.len(), 2, "{query}: a page before the last is full: {page}");
                    path = format!("/api/contacts?{query}&cursor={cursor}");
                }
                None => break,
            }
        }
        assert_eq!(&seen, want, "{query}");
    }
    // Her export holds the same rows.
    let export = ann.client.get(app.url("/api/contacts/export?format=ndjson")).send().await.unwrap();
    let text = export.text().await.unwrap();
    let mut exported: Vec<String> =
        text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_str().unwrap().to_string()).collect();
    exported.sort();
    assert_eq!(exported, newest_first(&expected).into_iter().rev().collect::<Vec<_>>(), "her export");
    // In another order too (every shared record read, then sorted with the owner's).
    let page = ann.read(&app, "/api/contacts?sort=email&limit=50").await;
    let emails: Vec<&str> = page["data"].as_array().unwrap().iter().map(|r| r["email"].as_str().unwrap()).collect();
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!((emails.len(), &emails), (expected.len(), &sorted), "{page}");
    let body = json!({"object": "contact", "fields": ["email"], "limit": 50});
    let res = send(&ann.client, reqwest::Method::POST, app.url("/api/query"), Some(&body)).await;
    let rows: Value = res.json().await.unwrap();
    let ids: Vec<&str> = rows["data"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, expected, "the query endpoint: {rows}");
    // A custom object's records.
    let object = json!({"name": "contract", "label": "Contract", "fields": []});
    assert_eq!(app.post_json("/api/schema/objects", &object).await.status(), 201);
    secure(&app, "contract", &json!({"sharing": "private"})).await;
    let res =
        send(&ann.client, reqwest::Method::POST, app.url("/api/objects/contract"), Some(&json!({"name": "hers"})))
            .await;
    assert_eq!(res.status(), 201);
    for i in 0..55 {
        let res = app.post_json("/api/objects/contract", &json!({"name": format!("theirs {i}")})).await;
        assert_eq!(res.status(), 201);
    }
    let page = ann.read(&app, "/api/objects/contract?limit=50&count=true").await;
    assert_eq!((page["data"].as_array().unwrap().len(), &page["total"]), (1, &json!(1)), "{page}");
    assert_eq!(page["data"][0]["name"], "hers");
    let export = ann.client.get(app.url("/api/objects/contract/export?format=ndjson")).send().await.unwrap();
    assert_eq!(export.text().await.unwrap().lines().count(), 1, "her export of the object");
    // The owner's rows scan their index from the owner and stop after the page.
    for table in ["contact", "company", "deal", "support_case", "event"] {
        let list = crm::repositories::records::ListQuery::newest_first(table, None, 50);
        let plan = list.explain_owned(&app.db, &ann.id).await.unwrap().to_string();
        assert!(
            plan.contains(&format!("{table}_owner_rkey")) && !plan.contains("TableScan") && !plan.contains("Sort"),
            "{table}: {plan}"
        );
    }
}

#[tokio::test]
async fn objects_defined_before_owner_lists_get_their_owner_index() {
    let app = spawn_app().await;
    let object = json!({"name": "contract", "label": "Contract", "fields": []});
    assert_eq!(app.post_json("/api/schema/objects", &object).await.status(), 201);
    assert_eq!(app.post_json("/api/objects/contract", &json!({"name": "one"})).await.status(), 201);
    // As an earlier version defined it: without the owner index.
    app.rows("REMOVE INDEX obj_contract_owner_rkey ON obj_contract").await;
    app.rows("DELETE schema_migration WHERE name = '0009_object_owner_indexes'").await;
    let list = crm::repositories::records::ListQuery::newest_first("obj_contract", None, 50);
    let plan = list.explain_owned(&app.db, "someone").await.unwrap().to_string();
    assert!(!plan.contains("obj_contract_owner_rkey"), "{plan}");

    let migrations = crm::db::Migrations::default();
    assert!(migrations.require(crm::db::Feature::ObjectOwners).is_err(), "503 migrating before it runs");
    migrations.run(&app.db).await.unwrap();
    assert!(migrations.require(crm::db::Feature::ObjectOwners).is_ok());
    let plan = list.explain_owned(&app.db, "someone").await.unwrap().to_string();
    assert!(plan.contains("obj_contract_owner_rkey") && !plan.contains("TableScan"), "{plan}");
}
