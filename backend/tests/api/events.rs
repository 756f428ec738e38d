//! Events: the record, invitations, RSVPs that never overbook (also through two front-ends),
//! promotion from the waitlist, capacity changes, check-in once, walk-ins, list plans.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, TestApp};

fn event_body(capacity: Option<i64>) -> Value {
    let starts = chrono::Utc::now() + chrono::Duration::days(7);
    json!({
        "name": "Cloud cost workshop",
        "starts_at": starts.to_rfc3339(),
        "ends_at": (starts + chrono::Duration::hours(3)).to_rfc3339(),
        "timezone": "Europe/Paris",
        "location": "Paris office",
        "capacity": capacity,
    })
}

async fn create_event(app: &TestApp, capacity: Option<i64>) -> String {
    let res = app.post_json("/api/events", &event_body(capacity)).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

async fn guests(app: &TestApp, n: usize, tag: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..n {
        let c = app.contact_with_email(&format!("{tag}{i}@guests.example")).await;
        ids.push(c["id"].as_str().unwrap().to_string());
    }
    ids
}

async fn counts(app: &TestApp, event: &str) -> Value {
    app.get_ok(&format!("/api/events/{event}")).await["counts"].clone()
}

#[tokio::test]
async fn events_are_records_with_history_counts_and_checked_fields() {
    let app = spawn_app().await;
    let res = app.post_json("/api/events", &event_body(Some(40))).await;
    assert_eq!(res.status(), 201);
    let etag = res.headers()["etag"].to_str().unwrap().to_string();
    let event: Value = res.json().await.unwrap();
    let id = event["id"].as_str().unwrap();
    assert_eq!(
        (&event["timezone"], &event["capacity"], &event["version"]),
        (&json!("Europe/Paris"), &json!(40), &json!(1))
    );
    assert_eq!(
        event["counts"],
        json!({"invited": 0, "confirmed": 0, "waitlisted": 0, "declined": 0, "maybe": 0, "attended": 0})
    );
    assert!(event["starts_at"].as_str().unwrap().ends_with('Z'), "stored in UTC");

    // Bad input: 422 naming each field, nothing stored.
    let mut bad = event_body(Some(0));
    bad["ends_at"] = bad["starts_at"].clone();
    bad["timezone"] = json!("Mars/Olympus");
    bad["online_url"] = json!("javascript:alert(1)");
    let problem = assert_problem(app.post_json("/api/events", &bad).await, 422, "validation_failed").await;
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(fields, ["capacity", "online_url", "timezone"], "{problem}");
    let mut backwards = event_body(None);
    backwards["ends_at"] = json!("2020-01-01T00:00:00Z");
    let problem = assert_problem(app.post_json("/api/events", &backwards).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["ends_at"]);
    let problem =
        assert_problem(app.post_json("/api/events", &json!({"name": "x"})).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["starts_at", "ends_at"]);
    assert_eq!(app.rows("SELECT * FROM event").await.len(), 1);

    // If-Match, history, as_of.
    let stale = app.patch_json(&format!("/api/events/{id}"), &json!({"name": "Renamed"}), Some("\"9\"")).await;
    assert_problem(stale, 412, "precondition_failed").await;
    let res = app.patch_json(&format!("/api/events/{id}"), &json!({"name": "FinOps workshop"}), Some(&etag)).await;
    assert_eq!(res.status(), 200);
    let moved = app.patch_json(&format!("/api/events/{id}"), &json!({"ends_at": "2020-01-01T00:00:00Z"}), None).await;
    assert_eq!(error_fields(&assert_problem(moved, 422, "validation_failed").await), ["ends_at"]);
    let history = app.get_ok(&format!("/api/events/{id}/history")).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["created", "updated"]);
    let then = app.get_ok(&format!("/api/events/{id}?as_of={}", event["created_at"].as_str().unwrap())).await;
    assert_eq!(then["name"], "Cloud cost workshop");

    // Lists: upcoming, a start range, search.
    let mut past = event_body(None);
    past["name"] = json!("Old breakfast");
    past["starts_at"] = json!("2024-05-01T08:00:00Z");
    past["ends_at"] = json!("2024-05-01T10:00:00Z");
    let past_id = app.post_json("/api/events", &past).await.json::<Value>().await.unwrap()["id"].clone();
    let names = |page: Value| -> Vec<String> {
        page["data"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(app.get_ok("/api/events").await), ["Old breakfast", "FinOps workshop"]);
    assert_eq!(names(app.get_ok("/api/events?upcoming=true").await), ["FinOps workshop"]);
    assert_eq!(
        names(app.get_ok("/api/events?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z").await),
        ["Old breakfast"]
    );
    assert_eq!(names(app.get_ok("/api/events?q=finop").await), ["FinOps workshop"]);
    assert_eq!(names(app.get_ok("/api/events?sort=-starts_at&limit=1").await), ["FinOps workshop"]);
    assert_eq!(app.get_ok("/api/events?count=true").await["total"], 2);
    let bad = app.get("/api/events?upcoming=soon&from=x").await;
    let mut fields = error_fields(&assert_problem(bad, 422, "validation_failed").await);
    fields.sort();
    assert_eq!(fields, ["from", "upcoming"]);

    // An event without guests can be deleted; one with guests cannot.
    assert_eq!(app.delete(&format!("/api/events/{}", past_id.as_str().unwrap())).await.status(), 204);
    let guest = guests(&app, 1, "del").await;
    app.post_ok(&format!("/api/events/{id}/invite"), &json!({"contact_ids": guest})).await;
    assert_problem(app.delete(&format!("/api/events/{id}")).await, 409, "event_has_invitations").await;
}

#[tokio::test]
async fn event_lists_and_the_waitlist_scan_an_index_and_stop_after_the_page() {
    use crm::domain::events::InvitationStatus;
    use crm::domain::pagination::Sort;
    use crm::repositories::events::{EventQuery, EventRepository};
    let app = spawn_app().await;
    let repo = EventRepository::new(app.db.clone());
    let stops = |text: String, what: String| {
        let scans_index = text.contains("IndexScan") && text.contains("direction: Forward");
        assert!(
            scans_index && !text.contains("TableScan") && !text.contains("Sort") && !text.contains("Backward"),
            "{what} does not stop after the page: {text}"
        );
    };
    let now = "2026-01-01T00:00:00.000000Z".to_string();
    for (query, sort) in [
        (EventQuery::default(), Sort { field: "starts_at", desc: false }),
        (EventQuery::default(), Sort { field: "starts_at", desc: true }),
        (EventQuery::default(), Sort { field: "created_at", desc: true }),
        (EventQuery { upcoming_at: Some(now.clone()), ..Default::default() }, Sort { field: "starts_at", desc: false }),
        (
            EventQuery {
                from: Some(now.clone()),
                to: Some("2027-01-01T00:00:00.000000Z".into()),
                ..Default::default()
            },
            Sort { field: "starts_at", desc: false },
        ),
        (EventQuery { q: Some("workshop".into()), ..Default::default() }, Sort { field: "starts_at", desc: false }),
    ] {
        stops(repo.explain_list(&query, sort).await.unwrap().to_string(), format!("events {query:?} {sort:?}"));
    }
    let event = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
    for status in [None, Some(InvitationStatus::Waitlisted), Some(InvitationStatus::Confirmed)] {
        stops(repo.explain_invitations(event, status).await.unwrap().to_string(), format!("guests {status:?}"));
    }
    stops(repo.explain_first_waitlisted(event).await.unwrap().to_string(), "the waitlist's first".into());
}

/// Sends one yes per guest at once, alternating between `bases`; returns the statuses answered.
async fn yes_from_all(client: &reqwest::Client, bases: &[String], event: &str, ids: &[String]) -> Vec<String> {
    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let (c, base, event, id) = (client.clone(), bases[i % bases.len()].clone(), event.to_string(), id.clone());
            tokio::spawn(async move {
                let res = c
                    .post(format!("{base}/api/events/{event}/rsvp"))
                    .json(&json!({"contact_id": id, "response": "yes"}))
                    .send()
                    .await
                    .unwrap();
                let status = res.status();
                let body: Value = res.json().await.unwrap();
                assert_eq!(status, 200, "{body}");
                body["status"].as_str().unwrap().to_string()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses
}

async fn assert_ten_of_thirty(app: &TestApp, event: &str, statuses: &[String]) {
    let confirmed = statuses.iter().filter(|s| *s == "confirmed").count();
    let waitlisted = statuses.iter().filter(|s| *s == "waitlisted").count();
    assert_eq!((confirmed, waitlisted), (10, 20), "{statuses:?}");
    let c = counts(app, event).await;
    assert_eq!((&c["confirmed"], &c["waitlisted"], &c["invited"]), (&json!(10), &json!(20), &json!(30)));
    // The stored invitations agree with the counts, and the waitlist places are 0..20, once each.
    let stored = app.rows(&format!("SELECT status, wait_seq FROM event_invitation WHERE event_id = '{event}'")).await;
    assert_eq!(stored.iter().filter(|r| r["status"] == "confirmed").count(), 10);
    let mut places: Vec<i64> = stored.iter().filter_map(|r| r["wait_seq"].as_i64()).collect();
    places.sort();
    assert_eq!(places, (0..20).collect::<Vec<_>>());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_concurrent_yeses_for_ten_seats_confirm_ten_and_waitlist_twenty() {
    let app = spawn_app().await;
    let event = create_event(&app, Some(10)).await;
    let ids = guests(&app, 30, "rush").await;
    // A stranger's answer in the rush is refused on its own; everyone else's stands.
    let stranger = {
        let (c, url) = (app.client.clone(), app.url(&format!("/api/events/{event}/rsvp")));
        tokio::spawn(async move {
            let body = json!({"contact_id": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c", "response": "yes"});
            c.post(url).json(&body).send().await.unwrap()
        })
    };
    let statuses = yes_from_all(&app.client, std::slice::from_ref(&app.address), &event, &ids).await;
    let refused = assert_problem(stranger.await.unwrap(), 422, "validation_failed").await;
    assert_eq!(error_fields(&refused), ["contact_id"]);
    assert_ten_of_thirty(&app, &event, &statuses).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_concurrent_yeses_through_two_front_ends_still_confirm_exactly_ten() {
    let app = spawn_app().await;
    let mut settings = crm::settings_for("mem://").unwrap();
    settings.server.port = 0;
    let second = crm::Application::with_db(settings, app.db.clone()).await.unwrap();
    let bases = [app.address.clone(), format!("http://127.0.0.1:{}", second.port())];
    tokio::spawn(second.run_until_stopped(std::future::pending()));
    let event = create_event(&app, Some(10)).await;
    let ids = guests(&app, 30, "two").await;
    let statuses = yes_from_all(&app.client, &bases, &event, &ids).await;
    assert_ten_of_thirty(&app, &event, &statuses).await;
}

#[tokio::test]
async fn a_decline_seats_the_first_in_line_and_capacity_changes_keep_the_rules() {
    let app = spawn_app().await;
    let event = create_event(&app, Some(2)).await;
    let ids = guests(&app, 5, "line").await;
    let rsvp = |id: &str, response: &str| json!({"contact_id": id, "response": response});
    let path = format!("/api/events/{event}/rsvp");
    let mut statuses = Vec::new();
    for id in &ids {
        statuses.push(app.post_ok(&path, &rsvp(id, "yes")).await["status"].clone());
    }
    assert_eq!(statuses, ["confirmed", "confirmed", "waitlisted", "waitlisted", "waitlisted"]);
    let again = app.post_ok(&path, &rsvp(&ids[3], "yes")).await;
    assert_eq!(
        (&again["status"], &again["version"]),
        (&json!("waitlisted"), &json!(2)),
        "a second yes keeps the place"
    );
    let waitlist = app.get_ok(&format!("/api/events/{event}/invitations?status=waitlisted")).await;
    let line: Vec<_> = waitlist["data"].as_array().unwrap().iter().map(|i| i["contact_id"].clone()).collect();
    assert_eq!(waitlist["data"][0]["guest"]["email"], "line2@guests.example");
    assert_eq!(line, [json!(ids[2]), json!(ids[3]), json!(ids[4])], "the waitlist in arrival order");

    // A confirmed guest declines: the first in line takes the seat.
    assert_eq!(app.post_ok(&path, &rsvp(&ids[0], "no")).await["status"], "declined");
    let promoted = app.get_ok(&format!("/api/events/{event}/invitations?status=confirmed")).await;
    let seated: Vec<_> = promoted["data"].as_array().unwrap().iter().map(|i| i["contact_id"].clone()).collect();
    assert_eq!(seated, [json!(ids[1]), json!(ids[2])]);
    // The first in line leaving the line moves nobody up; a maybe from a seat seats the next.
    assert_eq!(app.post_ok(&path, &rsvp(&ids[3], "no")).await["status"], "declined");
    assert_eq!(app.post_ok(&path, &rsvp(&ids[1], "maybe")).await["status"], "maybe");
    let c = counts(&app, &event).await;
    assert_eq!(c, json!({"invited": 5, "confirmed": 2, "waitlisted": 0, "declined": 2, "maybe": 1, "attended": 0}));

    // Capacity: below the confirmed is refused; more seats take the waitlist in order.
    let res = app.patch_json(&format!("/api/events/{event}"), &json!({"capacity": 1}), None).await;
    assert_problem(res, 409, "capacity_below_confirmed").await;
    let late = guests(&app, 2, "late").await;
    for id in &late {
        assert_eq!(app.post_ok(&path, &rsvp(id, "yes")).await["status"], "waitlisted");
    }
    let res = app.patch_json(&format!("/api/events/{event}"), &json!({"capacity": 3}), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["counts"]["confirmed"], 3);
    let waiting = app.get_ok(&format!("/api/events/{event}/invitations?status=waitlisted")).await;
    assert_eq!(waiting["data"][0]["contact_id"], json!(late[1]), "the earlier one was seated");

    // The guest's history and timeline: invited, confirmed, promoted; a yes earns points.
    let inv = app.rows(&format!("SELECT key FROM event_invitation WHERE contact_id = '{}'", ids[2])).await;
    let inv_id = inv[0]["key"].as_str().unwrap();
    let history = app.get_ok(&format!("/api/contacts/{}/timeline", ids[2])).await;
    let kinds: Vec<_> = history["data"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"rsvp_yes"), "{kinds:?}");
    let events =
        app.rows(&format!("SELECT kind FROM change_event WHERE entity_id = '{inv_id}' ORDER BY version")).await;
    let events: Vec<_> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(events, ["created", "waitlisted", "promoted"]);
    let score = app.get_ok(&format!("/api/contacts/{}/score", ids[2])).await;
    assert!(score["parts"].as_array().unwrap().iter().any(|p| p["kind"] == "rsvp_yes"), "{score}");

    // Bad answers.
    let bad = app.post_json(&path, &json!({"contact_id": "nope", "response": "perhaps"})).await;
    let mut fields = error_fields(&assert_problem(bad, 422, "validation_failed").await);
    fields.sort();
    assert_eq!(fields, ["contact_id", "response"]);
    let unknown = app.post_json(&path, &rsvp("01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c", "yes")).await;
    assert_eq!(error_fields(&assert_problem(unknown, 422, "validation_failed").await), ["contact_id"]);
    let no_event = app.post_json("/api/events/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c/rsvp", &rsvp(&ids[0], "yes")).await;
    assert_problem(no_event, 404, "not_found").await;
}

#[tokio::test]
async fn inviting_twice_does_not_duplicate_and_unknown_contacts_are_named() {
    let app = spawn_app().await;
    let event = create_event(&app, None).await;
    let ids = guests(&app, 3, "inv").await;
    let path = format!("/api/events/{event}/invite");
    let first = app.post_ok(&path, &json!({"contact_ids": &ids[..2]})).await;
    assert_eq!(first, json!({"invited": 2, "already_invited": 0}));
    let second = app.post_ok(&path, &json!({"contact_ids": [&ids[1], &ids[2], &ids[2]]})).await;
    assert_eq!(second, json!({"invited": 1, "already_invited": 1}));
    assert_eq!(counts(&app, &event).await["invited"], 3);
    let list = app.all_ids(&format!("/api/events/{event}/invitations?status=invited&limit=2")).await;
    assert_eq!(list.len(), 3);
    // Each guest's personal page, for staff to pass on.
    let first = app.get_ok(&format!("/api/events/{event}/invitations?limit=1")).await["data"][0].clone();
    let page = first["rsvp_path"].as_str().unwrap().to_string();
    assert!(page.starts_with("/rsvp/"), "{first}");
    let res = app.anonymous.get(app.url(&format!("{page}?response=maybe"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("You might come."));
    assert_eq!(counts(&app, &event).await["maybe"], 1);
    let unknown = json!({"contact_ids": [&ids[0], "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c", "x"]});
    let problem = assert_problem(app.post_json(&path, &unknown).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["contact_ids[2]"]);
    let unknown = json!({"contact_ids": [&ids[0], "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"]});
    let problem = assert_problem(app.post_json(&path, &unknown).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&problem), ["contact_ids[1]"]);
    assert_problem(app.post_json(&path, &json!({"contact_ids": []})).await, 422, "validation_failed").await;
    assert_eq!(app.rows("SELECT * FROM event_invitation").await.len(), 3, "refused invites store nothing");
}

#[tokio::test]
async fn a_guest_is_checked_in_once_by_code_or_contact_and_walk_ins_join_at_the_door() {
    let app = spawn_app().await;
    let event = create_event(&app, Some(1)).await;
    let other = create_event(&app, None).await;
    let ids = guests(&app, 2, "door").await;
    let seat =
        app.post_ok(&format!("/api/events/{event}/rsvp"), &json!({"contact_id": ids[0], "response": "yes"})).await;
    let code = seat["checkin_code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 8);
    let path = format!("/api/events/{event}/check-in");

    // The code of this event, typed loosely; the same code at another event is unknown there.
    let wrong = app.post_json(&format!("/api/events/{other}/check-in"), &json!({"code": code})).await;
    assert_problem(wrong, 404, "not_found").await;
    let typed = format!(" {}-{} ", code[..4].to_lowercase(), &code[4..]);
    let first = app.post_ok(&path, &json!({"code": typed})).await;
    let at = first["checked_in_at"].as_str().unwrap().to_string();
    let again = app.post_json(&path, &json!({"code": code})).await;
    let problem = assert_problem(again, 409, "already_checked_in").await;
    assert_eq!(problem["checked_in_at"], json!(at));
    let by_contact = app.post_json(&path, &json!({"contact_id": ids[0]})).await;
    assert_problem(by_contact, 409, "already_checked_in").await;

    // A known contact without an invitation, and a stranger, walk in (the event is full).
    let known = app.post_ok(&path, &json!({"contact_id": ids[1]})).await;
    assert_eq!((&known["walk_in"], &known["status"]), (&json!(true), &json!("confirmed")));
    let stranger = json!({"walk_in": {"email": "Walk.In@Door.example", "first_name": "Wal"}});
    let walked = app.post_ok(&path, &stranger).await;
    assert_eq!(walked["guest"], json!({"name": "Wal", "email": "walk.in@door.example"}));
    let contact = app.get_ok(&format!("/api/contacts/{}", walked["contact_id"].as_str().unwrap())).await;
    assert_eq!((&contact["email"], &contact["first_name"]), (&json!("walk.in@door.example"), &json!("Wal")));
    assert_problem(app.post_json(&path, &stranger).await, 409, "already_checked_in").await;
    let c = counts(&app, &event).await;
    assert_eq!((&c["attended"], &c["confirmed"], &c["invited"]), (&json!(3), &json!(3), &json!(3)));
    let timeline = app.get_ok(&format!("/api/contacts/{}/timeline", ids[0])).await;
    assert!(timeline["data"].as_array().unwrap().iter().any(|e| e["kind"] == "attendance"), "{timeline}");

    // Bad requests.
    let both = app.post_json(&path, &json!({"code": code, "contact_id": ids[0]})).await;
    assert_problem(both, 422, "validation_failed").await;
    let bad_email = app.post_json(&path, &json!({"walk_in": {"email": "nope"}})).await;
    assert_eq!(error_fields(&assert_problem(bad_email, 422, "validation_failed").await), ["walk_in.email"]);
    assert_problem(app.post_json(&path, &json!({"code": "ZZZZZZZZ"})).await, 404, "not_found").await;
}

#[tokio::test]
async fn a_segment_is_invited_in_the_background_once_per_member() {
    let app = spawn_app().await;
    let event = create_event(&app, None).await;
    let mut members = Vec::new();
    for i in 0..7 {
        let c = app.create_contact(&json!({"email": format!("seg{i}@guests.example"), "tags": ["workshop"]})).await;
        members.push(c["id"].as_str().unwrap().to_string());
    }
    app.contact_with_email("outsider@guests.example").await;
    let segment = app
        .post_json(
            "/api/segments",
            &json!({"name": "Workshop", "filter": {"field": "tags", "op": "contains", "value": "workshop"}}),
        )
        .await
        .json::<Value>()
        .await
        .unwrap();
    // One member was invited by hand before.
    app.post_ok(&format!("/api/events/{event}/invite"), &json!({"contact_ids": [members[0]]})).await;

    let res = app.post_json(&format!("/api/events/{event}/invite"), &json!({"segment_id": segment["id"]})).await;
    assert_eq!(res.status(), 202);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let job: Value = res.json().await.unwrap();
    assert_eq!((&job["status"], &job["invited"]), (&json!("queued"), &json!(0)));
    assert_eq!(location, format!("/api/events/{event}/invite-jobs/{}", job["id"].as_str().unwrap()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let done = loop {
        let now = app.get_ok(&location).await;
        if now["status"] == "completed" {
            break now;
        }
        assert!(now["status"] != "failed" && std::time::Instant::now() < deadline, "{now}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!((&done["invited"], &done["already_invited"]), (&json!(6), &json!(1)));
    assert_eq!(counts(&app, &event).await["invited"], 7);
    let stored = app.rows(&format!("SELECT contact_id FROM event_invitation WHERE event_id = '{event}'")).await;
    let mut invited: Vec<String> = stored.iter().map(|r| r["contact_id"].as_str().unwrap().to_string()).collect();
    invited.sort();
    members.sort();
    assert_eq!(invited, members, "every member once, nobody else");

    // Bad requests: both, neither, an unknown segment; an unknown job.
    let both = json!({"segment_id": segment["id"], "contact_ids": [members[0]]});
    assert_problem(app.post_json(&format!("/api/events/{event}/invite"), &both).await, 422, "validation_failed").await;
    let unknown = json!({"segment_id": "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c"});
    let problem =
        assert_problem(app.post_json(&format!("/api/events/{event}/invite"), &unknown).await, 422, "validation_failed")
            .await;
    assert_eq!(error_fields(&problem), ["segment_id"]);
    let missing = app.get(&format!("/api/events/{event}/invite-jobs/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c")).await;
    assert_problem(missing, 404, "not_found").await;
}

/// The calendar attachment of a message, decoded.
fn calendar_of(data: &str) -> String {
    let start = data.find("filename=\"invite.ics\"").expect("an invite.ics attachment");
    let part = &data[start..];
    let body_at = part.find("\r\n\r\n").expect("attachment body") + 4;
    let body = &part[body_at..];
    let body = &body[..body.find("\r\n--").unwrap_or(body.len())];
    let headers = &part[..body_at];
    if headers.contains("base64") {
        use base64::Engine;
        let clean: String = body.split_whitespace().collect();
        String::from_utf8(base64::engine::general_purpose::STANDARD.decode(clean).unwrap()).unwrap()
    } else {
        crate::deliveries::decoded(body)
    }
}

/// The messages the sink received for `address`, waiting until there are `n`.
pub(crate) async fn mail_to(sink: &crm::smtp_sink::SmtpSink, address: &str, n: usize) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let got: Vec<String> =
            sink.received().into_iter().filter(|r| r.to.iter().any(|t| t == address)).map(|r| r.data).collect();
        if got.len() >= n || std::time::Instant::now() > deadline {
            assert_eq!(got.len(), n, "messages to {address}");
            return got;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn guests_get_an_invitation_with_a_calendar_entry_rsvp_by_link_and_hear_of_a_freed_seat() {
    let sink = crm::smtp_sink::SmtpSink::start(true).await.unwrap();
    let app = crate::deliveries::app_with_sink(&sink, |_| {}).await;
    let event = create_event(&app, Some(1)).await;
    let ann = app.create_contact(&json!({"email": "ann@guests.example", "first_name": "Ann"})).await;
    let bob = app.create_contact(&json!({"email": "bob@guests.example", "first_name": "Bob"})).await;
    // Cy's address bounced for good: Cy is invited, but not emailed.
    let cy = app.create_contact(&json!({"email": "cy@guests.example"})).await;
    let bounce = crm::services::deliveries::Bounce { email: "cy@guests.example".into(), hard: true, message_id: None };
    app.state.deliveries.bounce(bounce).await.unwrap();
    let ids = [ann["id"].as_str().unwrap(), bob["id"].as_str().unwrap(), cy["id"].as_str().unwrap()];
    app.post_ok(&format!("/api/events/{event}/invite"), &json!({"contact_ids": ids})).await;

    let ann_mail = crate::deliveries::decoded(&mail_to(&sink, "ann@guests.example", 1).await[0]);
    assert!(ann_mail.contains("Subject: You're invited: Cloud cost workshop"), "{ann_mail}");
    assert!(ann_mail.contains("Hello Ann,"));
    let calendar = calendar_of(&mail_to(&sink, "ann@guests.example", 1).await[0]);
    let lines: Vec<String> = calendar.replace("\r\n ", "").split("\r\n").map(str::to_string).collect();
    let start =
        lines.iter().find(|l| l.starts_with("DTSTART;TZID=Europe/Paris:")).expect("DTSTART in the event's zone");
    let stored: Value = app.get_ok(&format!("/api/events/{event}")).await;
    let local = chrono::NaiveDateTime::parse_from_str(start.rsplit(':').next().unwrap(), "%Y%m%dT%H%M%S").unwrap();
    let paris: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
    let instant = chrono::TimeZone::from_local_datetime(&paris, &local).single().unwrap().with_timezone(&chrono::Utc);
    // The calendar counts whole seconds.
    assert_eq!(crm::domain::ids::format_ts(instant)[..19], stored["starts_at"].as_str().unwrap()[..19], "the start");
    assert!(lines.contains(&"ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ann@guests.example".to_string()));

    // Ann says yes by her link: the page shows her code; Bob's yes waits.
    let yes = crate::deliveries::link(&ann_mail, "/rsvp/");
    let page = app.anonymous.get(app.url(&yes)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.headers()["content-security-policy"].to_str().unwrap().contains("default-src 'none'"));
    let html = page.text().await.unwrap();
    let seated = app.get_ok(&format!("/api/events/{event}/invitations?status=confirmed")).await;
    let code = seated["data"][0]["checkin_code"].as_str().unwrap().to_string();
    assert!(html.contains("a seat is yours") && html.contains(&code) && html.contains("<svg"), "{html}");
    let bob_mail = crate::deliveries::decoded(&mail_to(&sink, "bob@guests.example", 1).await[0]);
    let bob_yes = crate::deliveries::link(&bob_mail, "/rsvp/");
    let html = app.anonymous.get(app.url(&bob_yes)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("waitlist"), "{html}");

    // Ann changes her mind: Bob is seated and told, with his code.
    let ann_no = yes.replace("response=yes", "response=no");
    let html = app.anonymous.get(app.url(&ann_no)).send().await.unwrap().text().await.unwrap();
    assert!(html.contains("You are not coming"), "{html}");
    let bob_now = crate::deliveries::decoded(&mail_to(&sink, "bob@guests.example", 2).await[1]);
    let bob_code = app.get_ok(&format!("/api/events/{event}/invitations?status=confirmed")).await["data"][0]
        ["checkin_code"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(bob_now.contains("Subject: A seat is yours: Cloud cost workshop"), "{bob_now}");
    assert!(bob_now.contains(&format!("Your check-in code: {bob_code}")), "{bob_now}");

    let cy_mail = app.rows("SELECT status, error FROM event_mail WHERE error != NONE").await;
    assert_eq!(cy_mail.len(), 1, "{cy_mail:?}");
    assert_eq!(cy_mail[0]["status"], "failed");
    assert!(sink.received().iter().all(|r| !r.to.contains(&"cy@guests.example".to_string())));

    // Links not ours, answers not allowed.
    let tampered = yes.replacen("/rsvp/", "/rsvp/A", 1);
    assert_problem(app.anonymous.get(app.url(&tampered)).send().await.unwrap(), 404, "not_found").await;
    let odd = yes.replace("response=yes", "response=perhaps");
    assert_problem(app.anonymous.get(app.url(&odd)).send().await.unwrap(), 422, "validation_failed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn confirmed_guests_get_one_reminder_a_day_before() {
    let sink = crm::smtp_sink::SmtpSink::start(true).await.unwrap();
    let app = crate::deliveries::app_with_sink(&sink, |_| {}).await;
    let starts = chrono::Utc::now() + chrono::Duration::hours(20);
    let body = json!({"name": "Soon", "starts_at": starts.to_rfc3339(), "ends_at": (starts + chrono::Duration::hours(1)).to_rfc3339()});
    let event =
        app.post_json("/api/events", &body).await.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let later = create_event(&app, None).await; // a week away: no reminder yet
    let guest = app.create_contact(&json!({"email": "cara@guests.example"})).await;
    let id = guest["id"].as_str().unwrap();
    for e in [&event, &later] {
        app.post_ok(&format!("/api/events/{e}/rsvp"), &json!({"contact_id": id, "response": "yes"})).await;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !sink.received().iter().any(|r| r.data.contains("Subject: Tomorrow: Soon")) {
        assert!(std::time::Instant::now() < deadline, "no reminder");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let reminders: Vec<_> = sink.received().into_iter().filter(|r| r.data.contains("Subject: Tomorrow:")).collect();
    assert_eq!(reminders.len(), 1, "one reminder, for the event within a day");
    assert!(crate::deliveries::decoded(&reminders[0].data).contains("Your check-in code:"));
}

#[tokio::test]
async fn a_capacity_set_before_any_guest_leaves_the_event_readable_and_answerable() {
    let app = spawn_app().await;
    let event = create_event(&app, None).await;
    // The capacity change writes the event's seat row before any guest does.
    let res = app.patch_json(&format!("/api/events/{event}"), &json!({"capacity": 60}), Some("*")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.json::<Value>().await.unwrap()["counts"]["confirmed"], 0);
    assert_eq!(app.get_ok("/api/events").await["data"][0]["capacity"], 60);
    let guest = guests(&app, 1, "early").await;
    let answer =
        app.post_ok(&format!("/api/events/{event}/rsvp"), &json!({"contact_id": guest[0], "response": "yes"})).await;
    assert_eq!(answer["status"], "confirmed");
    // A personal link pasted twice still opens its page (the first answer counts).
    let page = answer["rsvp_path"].as_str().unwrap();
    let res = app.anonymous.get(app.url(&format!("{page}?response=maybe&response=no"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(counts(&app, &event).await["maybe"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn answers_whose_callers_hang_up_mid_rush_leave_nobody_waiting_forever() {
    use crm::domain::events::Response;
    use crm::domain::history::Origin;
    let app = spawn_app().await;
    let event = create_event(&app, Some(5)).await;
    let ids = guests(&app, 24, "hangup").await;
    let events = app.state.events.clone();
    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let (events, event, id) = (events.clone(), event.clone(), id.clone());
            tokio::spawn(async move {
                let origin = Origin::system("test");
                let answer = events.rsvp(&event, &id, Response::Yes, &origin);
                if i % 2 == 0 {
                    // These callers give up almost at once, maybe while deciding for others.
                    let _ = tokio::time::timeout(std::time::Duration::from_millis(3), answer).await;
                    None
                } else {
                    Some(answer.await.map(|(inv, _)| inv.status))
                }
            })
        })
        .collect();
    let all = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.unwrap());
        }
        out
    })
    .await
    .expect("every answer that was waited for came back");
    assert!(all.iter().flatten().all(|r| r.is_ok()), "{all:?}");
    let c = counts(&app, &event).await;
    let stored = app.rows(&format!("SELECT status FROM event_invitation WHERE event_id = '{event}'")).await;
    let confirmed = stored.iter().filter(|r| r["status"] == "confirmed").count() as i64;
    assert_eq!(c["confirmed"].as_i64().unwrap(), confirmed, "the counts match the invitations");
    assert!(confirmed <= 5);
}
