//! Imports: CSV and NDJSON files into contacts, in background jobs, row errors reported.

use serde_json::{json, Value};

use crate::helpers::{assert_problem, error_fields, spawn_app, spawn_app_with, TestApp};

async fn upload(app: &TestApp, query: &str, content_type: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/imports/contacts{query}")))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("request")
}

/// Uploads a file and waits for its job to end.
async fn import(app: &TestApp, query: &str, content_type: &str, body: &str) -> Value {
    let res = upload(app, query, content_type, body.to_string()).await;
    assert_eq!(res.status(), 202, "{}", res.text().await.unwrap());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let job: Value = res.json().await.unwrap();
    assert_eq!(location, format!("/api/imports/{}", job["id"].as_str().unwrap()));
    for _ in 0..600 {
        let job = app.get_ok(&location).await;
        if !["queued", "running"].contains(&job["status"].as_str().unwrap()) {
            return job;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not end");
}

async fn contact_by_email(app: &TestApp, email: &str) -> Value {
    let page = app.get_ok(&format!("/api/contacts?q={email}")).await;
    page["data"].as_array().unwrap().iter().find(|c| c["email"] == email).cloned().unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_csv_file_imports_its_good_rows_and_reports_the_bad_ones() {
    let app = spawn_app().await;
    // A BOM, `;` between fields, a quoted field with the delimiter and a line break, a column
    // no field matches, an invalid email, a ragged row, and a status.
    let csv = "\u{feff}E-mail;Given name;Surname;Shoe size;Tags;Status\r\n\
               ada@example.com;Ada;Lovelace;38;vip;customer\r\n\
               not-an-email;Bob;;41;;\r\n\
               cy@example.com;\"Cy; the\nsecond\";Young;40;;\r\n\
               dee@example.com;Dee\r\n";
    let job = import(&app, "", "text/csv", csv).await;
    assert_eq!(job["status"], "completed", "{job}");
    assert_eq!((&job["total"], &job["processed"], &job["imported"]), (&json!(4), &json!(4), &json!(2)));
    assert_eq!((&job["updated"], &job["unchanged"], &job["error_count"]), (&json!(0), &json!(0), &json!(2)));
    assert_eq!(job["unmapped_columns"], json!(["Shoe size"]));
    let errors: Vec<(u64, &str)> = job["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, [(3, "email"), (6, "row")], "{job}");
    let ada = contact_by_email(&app, "ada@example.com").await;
    assert_eq!(
        (&ada["first_name"], &ada["status"], &ada["tags"]),
        (&json!("Ada"), &json!("customer"), &json!(["vip"]))
    );
    let cy = contact_by_email(&app, "cy@example.com").await;
    assert_eq!(cy["first_name"], "Cy; the\nsecond");
    // Each contact's history says where it came from.
    let history = app.get_ok(&format!("/api/contacts/{}/history", ada["id"].as_str().unwrap())).await;
    assert_eq!((&history["data"][0]["source"], &history["data"][0]["trace_id"]), (&json!("import"), &job["id"]));
    // The same file again creates nothing new.
    let again = import(&app, "", "text/csv", csv).await;
    assert_eq!((&again["imported"], &again["updated"], &again["unchanged"]), (&json!(0), &json!(0), &json!(2)));
    let all = app.get_ok("/api/contacts?count=true").await;
    assert_eq!(all["total"], 2);
}

#[tokio::test]
async fn upserts_change_what_rows_hold_and_create_only_leaves_contacts_alone() {
    let app = spawn_app().await;
    let ada = app.create_contact(&json!({"email": "ada@example.com", "first_name": "Ada", "tags": ["old"]})).await;
    let file = "email,title,tags\nADA@example.com,CTO,new\nbob@example.com,,\n";
    let job = import(&app, "?mode=create_only", "text/csv", file).await;
    assert_eq!((&job["imported"], &job["unchanged"]), (&json!(1), &json!(1)));
    assert_eq!(contact_by_email(&app, "ada@example.com").await["version"], 1);
    let job = import(&app, "", "text/csv", file).await;
    assert_eq!((&job["imported"], &job["updated"], &job["unchanged"]), (&json!(0), &json!(1), &json!(1)));
    let now = app.get_ok(&format!("/api/contacts/{}", ada["id"].as_str().unwrap())).await;
    assert_eq!(
        (&now["first_name"], &now["title"], &now["tags"], &now["version"]),
        (&json!("Ada"), &json!("CTO"), &json!(["old", "new"]), &json!(2))
    );
    // A dry run counts without writing.
    let job = import(&app, "?dry_run=true", "text/csv", "email,title\nada@example.com,CEO\ncy@example.com,\n").await;
    assert_eq!((&job["imported"], &job["updated"], &job["dry_run"]), (&json!(1), &json!(1), &json!(true)));
    assert_eq!(contact_by_email(&app, "cy@example.com").await, Value::Null);
    assert_eq!(contact_by_email(&app, "ada@example.com").await["title"], "CTO");
    // The analytics counters moved with the imported writes as with any other.
    assert_eq!(crate::analytics::stored(&app).await, crate::analytics::recounted(&app).await);
}

#[tokio::test]
async fn ndjson_and_mapped_columns_import_too() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme"})).await;
    let file = format!(
        "{{\"mail\": \"ada@example.com\", \"who\": \"Ada\", \"labels\": [\"vip\", \"eu\"], \"company_id\": \"{}\"}}\n\n\
         [1, 2]\n\
         {{\"mail\": \"bob@example.com\", \"company_id\": \"01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c\"}}\n",
        acme["id"].as_str().unwrap()
    );
    let job = import(&app, "?mapping=%7B%22who%22%3A%22first_name%22%7D", "application/x-ndjson", &file).await;
    assert_eq!((&job["imported"], &job["error_count"]), (&json!(1), &json!(2)), "{job}");
    let errors: Vec<(u64, &str)> = job["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, [(3, "row"), (4, "company_id")]);
    let ada = contact_by_email(&app, "ada@example.com").await;
    assert_eq!(
        (&ada["first_name"], &ada["tags"], &ada["company_id"]),
        (&json!("Ada"), &json!(["vip", "eu"]), &acme["id"])
    );
}

/// An `owner_id` column gives each contact its owner (a user); an unknown user fails its row,
/// and an upsert hands the contact over.
#[tokio::test]
async fn an_owner_column_sets_each_contacts_owner() {
    let app = spawn_app().await;
    let token = app.user_token("sam@example.com", "member").await;
    let me: Value =
        crate::helpers::client_with(&token).get(app.url("/api/auth/me")).send().await.unwrap().json().await.unwrap();
    let sam = me["id"].as_str().unwrap().to_string();
    let unknown = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
    let file = format!("email,owner_id\nada@example.com,{sam}\nbob@example.com,{unknown}\ncy@example.com,\n");
    let job = import(&app, "", "text/csv", &file).await;
    assert_eq!((&job["imported"], &job["error_count"]), (&json!(2), &json!(1)), "{job}");
    assert_eq!((&job["errors"][0]["row"], &job["errors"][0]["field"]), (&json!(3), &json!("owner_id")), "{job}");
    assert_eq!(contact_by_email(&app, "ada@example.com").await["owner_id"], sam.as_str());
    assert_eq!(contact_by_email(&app, "cy@example.com").await["owner_id"], Value::Null);
    assert_eq!(contact_by_email(&app, "bob@example.com").await, Value::Null, "nothing written for a failed row");
    let job = import(&app, "", "text/csv", &format!("email,owner_id\ncy@example.com,{sam}\n")).await;
    assert_eq!(job["updated"], 1, "{job}");
    assert_eq!(contact_by_email(&app, "cy@example.com").await["owner_id"], sam.as_str());
}

#[tokio::test]
async fn bad_uploads_are_refused_before_any_job() {
    let app = spawn_app().await;
    let p = assert_problem(upload(&app, "", "text/csv", "name,phone\nAda,1\n").await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["columns"]);
    let p = assert_problem(
        upload(&app, "?mapping=%7B%22nope%22%3A%22email%22%7D&mode=sometimes", "text/csv", "email\na@b.c\n").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(error_fields(&p), ["mode"]);
    let p = assert_problem(
        upload(&app, "?mapping=%7B%22nope%22%3A%22email%22%7D", "text/csv", "email\na@b.c\n").await,
        422,
        "validation_failed",
    )
    .await;
    assert_eq!(error_fields(&p), ["mapping.nope"]);
    let wide = (0..10_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",");
    let p =
        assert_problem(upload(&app, "", "text/csv", format!("email,{wide}\n")).await, 422, "validation_failed").await;
    assert_eq!(error_fields(&p), ["columns"]);
    assert_problem(upload(&app, "", "application/json", "{}").await, 415, "unsupported_media_type").await;
    assert_problem(upload(&app, "", "text/csv", "").await, 422, "validation_failed").await;
    assert_problem(upload(&app, "", "text/csv", vec![0xff_u8, 0xfe, b'\n']).await, 422, "validation_failed").await;
    assert!(app.get_ok("/api/imports").await["data"].as_array().unwrap().is_empty(), "no job was queued");
    assert_problem(app.get("/api/imports/01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c").await, 404, "not_found").await;
}

#[tokio::test]
async fn jobs_are_listed_and_an_ended_one_cannot_be_cancelled() {
    let app = spawn_app().await;
    let job = import(&app, "", "text/csv", "email\nada@example.com\n").await;
    let list = app.get_ok("/api/imports").await;
    assert_eq!(list["data"][0]["id"], job["id"]);
    let res =
        app.client.post(app.url(&format!("/api/imports/{}/cancel", job["id"].as_str().unwrap()))).send().await.unwrap();
    assert_problem(res, 409, "import_finished").await;
}

#[tokio::test]
async fn a_file_on_disk_imports_like_an_upload() {
    use crm::services::imports::{FileFormat, ImportRequest};
    // Batches of 100 rows (the in-memory engine of the tests is slow with large transactions).
    let app = spawn_app_with(|s| s.imports.batch_rows = 100).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    let rows: String = (0..650).map(|i| format!("p{i}@example.com,P{i}\n")).collect();
    std::fs::write(&path, format!("email,first_name\n{rows}bad,X\n")).unwrap();
    let request = ImportRequest {
        format: FileFormat::Csv,
        mode: crm::domain::imports::Mode::Upsert,
        dry_run: false,
        mapping: Default::default(),
    };
    let job = app.state.imports.import_file(&path, request).await.unwrap();
    assert_eq!(job.status, "completed");
    assert_eq!((job.total, job.processed, job.imported, job.error_count), (Some(651), 651, 650, 1));
    assert_eq!(job.errors[0].row, 652);
    assert_eq!(app.get_ok("/api/contacts?count=true&limit=1").await["total"], 650);
}

#[tokio::test]
async fn lanes_write_side_by_side_and_keep_each_contacts_rows_in_file_order() {
    // Chunks of 3 lanes x 10 rows; 40 emails, each on 5 rows spread over the file.
    let app = spawn_app_with(|s| {
        s.imports.batch_rows = 10;
        s.imports.lanes = 3;
    })
    .await;
    let rows: String = (0..200).map(|i| format!("r{}@example.com,T{i}\n", i % 40)).collect();
    let job = import(&app, "", "text/csv", &format!("email,title\n{rows}")).await;
    assert_eq!(job["status"], "completed", "{job}");
    assert_eq!((&job["total"], &job["processed"]), (&json!(200), &json!(200)), "{job}");
    assert_eq!((&job["imported"], &job["updated"], &job["unchanged"]), (&json!(40), &json!(160), &json!(0)));
    let page = app.get_ok("/api/contacts?limit=100").await;
    let contacts = page["data"].as_array().unwrap();
    assert_eq!(contacts.len(), 40);
    for c in contacts {
        let n: usize = c["email"].as_str().unwrap()[1..].split('@').next().unwrap().parse().unwrap();
        // The file's last row of each email wins, after its four earlier ones.
        assert_eq!((&c["title"], &c["version"]), (&json!(format!("T{}", 160 + n)), &json!(5)), "{c}");
    }
    let id = contacts[0]["id"].as_str().unwrap();
    let history = app.get_ok(&format!("/api/contacts/{id}/history")).await;
    let versions: Vec<&Value> = history["data"].as_array().unwrap().iter().map(|e| &e["version"]).collect();
    assert_eq!(versions, [&json!(1), &json!(2), &json!(3), &json!(4), &json!(5)], "{history}");
}

#[tokio::test]
async fn a_resumed_job_skips_the_lanes_written_before_it_stopped_and_counts_them_once() {
    use crm::domain::imports::{columns, lane_of};
    use crm::repositories::imports::{ImportJob, ImportRepository};
    use crm::repositories::leases::LeaseRepository;
    // The settings say 5 lanes; the job, started before with 2 lanes of 10 rows, keeps them.
    let app = spawn_app_with(|s| s.imports.lanes = 5).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    let emails: Vec<String> = (0..50).map(|i| format!("r{i}@example.com")).collect();
    let body: String = emails.iter().map(|e| format!("{e},Title\n")).collect();
    std::fs::write(&path, format!("email,title\n{body}")).unwrap();
    let id = crm::domain::ids::new_id(crm::domain::ids::now());
    // Held here, so the background worker leaves the job to this test.
    let (leases, lease) = (LeaseRepository::new(app.db.clone()), format!("import:{id}"));
    assert!(leases.acquire(&lease, "test", std::time::Duration::from_secs(600)).await.unwrap());
    let jobs = ImportRepository::new(app.db.clone());
    jobs.create(&ImportJob {
        id: id.clone(),
        status: "running".into(),
        format: "csv".into(),
        mode: "upsert".into(),
        dry_run: false,
        bytes: 0,
        file: path.display().to_string(),
        delimiter: Some(",".into()),
        targets: vec![Some("email".into()), Some("title".into())],
        lanes: Some(2),
        batch_rows: Some(10),
        actor: "system".into(),
        created_at: crm::domain::ids::format_ts(crm::domain::ids::now()),
        ..ImportJob::default()
    })
    .await
    .unwrap();
    // Lane 1 of the first chunk (rows 0..20) had committed, with its mark, when the server died.
    let cols = columns(&["email".to_string(), "title".to_string()], &Default::default(), &[]).unwrap();
    let lane_one: Vec<&String> =
        emails[..20].iter().filter(|e| lane_of(&cols, &[e.to_string(), "Title".into()], 2) == 1).collect();
    assert!(!lane_one.is_empty() && lane_one.len() < 20, "{lane_one:?}");
    let n = lane_one.len();
    app.db
        .query("CREATE type::record('import_mark', [$job, 0, 1]) CONTENT { rows: $n, imported: $n }")
        .bind(json!({"job": id, "n": n}))
        .await
        .unwrap()
        .check()
        .unwrap();
    app.state.imports.run(&id, &leases, &lease, "test").await.unwrap();
    let job = app.get_ok(&format!("/api/imports/{id}")).await;
    assert_eq!(job["status"], "completed", "{job}");
    assert_eq!((&job["total"], &job["processed"], &job["imported"]), (&json!(50), &json!(50), &json!(50)), "{job}");
    // The marked lane was not written again: its contacts are the ones the dead server wrote
    // (none here), every other row's contact is there once.
    for (i, email) in emails.iter().enumerate() {
        let found = contact_by_email(&app, email).await;
        assert_eq!(found.is_null(), lane_one.contains(&email), "row {i}: {found}");
    }
    assert_eq!(app.get_ok("/api/contacts?count=true&limit=1").await["total"], json!(50 - n));
    let mut res = app.db.query("SELECT count() AS n FROM import_mark GROUP ALL").await.unwrap();
    let left: Vec<Value> = res.take(0).unwrap();
    assert_eq!(left.first().map_or(0, |r| r["n"].as_u64().unwrap()), 0, "marks left after the fold: {left:?}");
}

#[tokio::test]
async fn an_upload_past_the_limit_is_refused_as_it_streams() {
    let app = spawn_app_with(|s| s.imports.max_bytes = 10_000).await;
    let body: String =
        std::iter::once("email\n".to_string()).chain((0..2_000).map(|i| format!("p{i}@example.com\n"))).collect();
    assert_problem(upload(&app, "", "text/csv", body).await, 413, "payload_too_large").await;
    assert!(app.get_ok("/api/imports").await["data"].as_array().unwrap().is_empty(), "no job was queued");
}

#[tokio::test]
async fn a_company_column_links_contacts_by_domain_or_name() {
    let app = spawn_app().await;
    let acme = app.create_company(&json!({"name": "Acme Consulting", "domain": "acme.com"})).await;
    let globex = app.create_company(&json!({"name": "Globex"})).await;
    let csv =
        "email,Company\nada@example.com,ACME.com\nbob@example.com,globex\ncy@example.com,Nope Ltd\ndee@example.com,\n";
    let job = import(&app, "", "text/csv", csv).await;
    assert_eq!((&job["imported"], &job["error_count"]), (&json!(3), &json!(1)), "{job}");
    assert_eq!((&job["errors"][0]["row"], &job["errors"][0]["field"]), (&json!(4), &json!("company")));
    assert_eq!(contact_by_email(&app, "ada@example.com").await["company_id"], acme["id"]);
    assert_eq!(contact_by_email(&app, "bob@example.com").await["company_id"], globex["id"]);
    assert_eq!(contact_by_email(&app, "dee@example.com").await["company_id"], Value::Null);
}

#[tokio::test]
async fn a_slow_upload_is_not_cut_by_the_request_timeout() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app_with(|s| s.server.request_timeout_secs = 1).await;
    let (_, key) =
        app.state.auth.create_key("slow".into(), crm::domain::auth::Role::Admin, "system").await.expect("key");
    let body = "email\nslow@example.com\n";
    let host = app.address.trim_start_matches("http://").to_string();
    let mut tcp = tokio::net::TcpStream::connect(&host).await.unwrap();
    let head = format!(
        "POST /api/imports/contacts HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\nContent-Type: text/csv\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    tcp.write_all(&body.as_bytes()[..6]).await.unwrap();
    // The rest arrives after the request timeout has passed.
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    tcp.write_all(&body.as_bytes()[6..]).await.unwrap();
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 202"), "{answer}");
    // Other requests keep their timeout (the setting is in force).
    assert_eq!(app.get("/api/imports").await.status(), 200);
}

/// The process's resident memory in bytes (Linux).
fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_two_gigabyte_upload_is_refused_as_it_streams_without_memory_growth() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    const LIMIT: u64 = 32 * 1024 * 1024;
    const SENT: u64 = 2 * 1024 * 1024 * 1024;
    let app = spawn_app_with(|s| s.imports.max_bytes = LIMIT).await;
    let key = app.state.auth.create_key("big".into(), crm::domain::auth::Role::Admin, "system").await.unwrap().1;
    let before = rss_bytes();
    let addr = app.address.trim_start_matches("http://").to_string();
    let stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    // A chunked body of 2 GiB of CSV rows, written until the server stops taking it.
    let sender = tokio::spawn(async move {
        let head = format!(
            "POST /api/imports/contacts HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {key}\r\n\
             Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
        );
        writer.write_all(head.as_bytes()).await.unwrap();
        let row = "someone@example.com,Some,One\n";
        let mut chunk = String::from("email,first_name,last_name\n");
        while chunk.len() < 1024 * 1024 {
            chunk.push_str(row);
        }
        let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
        let mut sent = 0u64;
        while sent < SENT {
            if writer.write_all(framed.as_bytes()).await.is_err() {
                break;
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    let mut response = Vec::new();
    let mut buf = [0u8; 4096];
    let read = tokio::time::timeout(std::time::Duration::from_secs(120), async {
        loop {
            match reader.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    response.extend_from_slice(&buf[..n]);
                    if response.windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server answered in time");
    let text = String::from_utf8_lossy(&response);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    drop(reader);
    let sent = sender.await.unwrap();
    assert!(sent < SENT, "the server stopped reading: {sent} bytes sent");
    let grown = rss_bytes().saturating_sub(before);
    assert!(grown < 256 * 1024 * 1024, "memory grew by {} MiB", grown / 1048576);
    assert!(app.get_ok("/api/imports").await["data"].as_array().unwrap().is_empty(), "no job was queued");
}
