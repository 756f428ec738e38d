//! Replaying the whole change log into an empty database rebuilds the same current state.

use crm::domain::companies::{CompanyPatch, NewCompany};
use crm::domain::contacts::{ContactPatch, ContactStatus, NewContact};
use crm::domain::history::Origin;
use crm::repositories::companies::CompanyRepository;
use crm::repositories::contacts::ContactRepository;
use crm::repositories::history::HistoryRepository;
use crm::services::history::replay_log;
use crm::services::Precondition;
use crm::state::AppState;
use proptest::prelude::*;
use serde_json::Value;

use crate::helpers::fresh_settings;

#[derive(Debug, Clone)]
enum Op {
    CreateContact(u8, Option<String>, usize),
    CreateCompany(String),
    RetitleContact(usize, Option<String>),
    MoveContact(usize, usize),
    RenameCompany(usize, String),
    DeleteContact(usize),
    DeleteCompany(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..6, proptest::option::of("[A-Za-z' ]{1,8}"), 0usize..6).prop_map(|(e, n, s)| Op::CreateContact(e, n, s)),
        "[A-Z][a-z]{1,6}".prop_map(Op::CreateCompany),
        (0usize..8, proptest::option::of("[a-z]{1,6}")).prop_map(|(i, t)| Op::RetitleContact(i, t)),
        (0usize..8, 0usize..4).prop_map(|(i, c)| Op::MoveContact(i, c)),
        (0usize..4, "[A-Z][a-z]{1,6}").prop_map(|(i, n)| Op::RenameCompany(i, n)),
        (0usize..8).prop_map(Op::DeleteContact),
        (0usize..4).prop_map(Op::DeleteCompany),
    ]
}

async fn state() -> (AppState, Option<tempfile::TempDir>) {
    let (settings, dir) = fresh_settings();
    let db = crm::db::connect(&settings.database).await.unwrap();
    (AppState::new(settings, db).await.unwrap(), dir)
}

async fn apply_ops(s: &AppState, ops: Vec<Op>) {
    let origin = Origin { triggers: Vec::new(), actor: "tester".into(), source: "api".into(), trace_id: "t".into() };
    let (mut contacts, mut companies): (Vec<String>, Vec<String>) = (vec![], vec![]);
    for op in ops {
        match op {
            Op::CreateContact(e, name, status) => {
                let new = NewContact {
                    first_name: name,
                    last_name: None,
                    email: format!("e{e}@example.com"),
                    phone: None,
                    title: None,
                    company_id: None,
                    status: ContactStatus::ALL[status],
                    source: None,
                    tags: vec![],
                    do_not_contact: false,
                    custom: Default::default(),
                    owner_id: None,
                };
                if let Ok(c) = s.contacts.create(new, &origin).await {
                    contacts.push(c.id);
                }
            }
            Op::CreateCompany(name) => {
                let new = NewCompany {
                    name,
                    domain: None,
                    industry: None,
                    size: None,
                    website: None,
                    custom: Default::default(),
                    owner_id: None,
                };
                companies.push(s.companies.create(new, &origin).await.unwrap().id);
            }
            Op::RetitleContact(i, title) => {
                if let Some(id) = contacts.get(i) {
                    let patch = ContactPatch { title: Some(title), ..Default::default() };
                    let _ = s.contacts.update(id, patch, Precondition::None, &origin).await;
                }
            }
            Op::MoveContact(i, c) => {
                if let (Some(id), Some(company)) = (contacts.get(i), companies.get(c)) {
                    let patch = ContactPatch { company_id: Some(Some(company.clone())), ..Default::default() };
                    let _ = s.contacts.update(id, patch, Precondition::None, &origin).await;
                }
            }
            Op::RenameCompany(i, name) => {
                if let Some(id) = companies.get(i) {
                    let patch = CompanyPatch { name: Some(name), ..Default::default() };
                    let _ = s.companies.update(id, patch, Precondition::None, &origin).await;
                }
            }
            Op::DeleteContact(i) => {
                if let Some(id) = contacts.get(i) {
                    let _ = s.contacts.delete(id, Precondition::None, &origin).await;
                }
            }
            Op::DeleteCompany(i) => {
                if let Some(id) = companies.get(i) {
                    let _ = s.companies.delete(id, Precondition::None, &origin).await;
                }
            }
        }
    }
}

async fn table(s: &AppState, sql: &str) -> Vec<Value> {
    let mut res = s.db.query(sql).await.unwrap().check().unwrap();
    res.take(0).unwrap()
}

async fn replay_round_trip(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let (source, _d1) = state().await;
    let (target, _d2) = state().await;
    apply_ops(&source, ops).await;
    let report = replay_log(
        &HistoryRepository::new(source.db.clone()),
        &ContactRepository::new(target.db.clone()),
        &CompanyRepository::new(target.db.clone()),
    )
    .await
    .unwrap();
    for sql in [
        "SELECT * FROM contact ORDER BY key",
        "SELECT * FROM company ORDER BY key",
        "SELECT * FROM change_event ORDER BY key",
        "SELECT * OMIT id, key, rkey FROM timeline_entry ORDER BY change_event_id",
    ] {
        prop_assert_eq!(table(&source, sql).await, table(&target, sql).await, "{}", sql);
    }
    prop_assert_eq!(report.contacts, table(&source, "SELECT key FROM contact").await.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn replaying_the_log_into_an_empty_database_gives_the_same_state(ops in proptest::collection::vec(op(), 1..25)) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(replay_round_trip(ops))?;
    }
}

#[tokio::test]
async fn seed_writes_records_with_their_history() {
    let (s, _dir) = state().await;
    let report = crm::services::seed::seed(
        &ContactRepository::new(s.db.clone()),
        &CompanyRepository::new(s.db.clone()),
        600,
        20,
        200,
    )
    .await
    .unwrap();
    assert_eq!((report.contacts, report.companies), (600, 20));
    let count = |sql: &'static str| {
        let s = &s;
        async move { table(s, sql).await.first().and_then(|r| r["n"].as_u64()).unwrap_or(0) }
    };
    assert_eq!(count("SELECT count() AS n FROM contact GROUP ALL").await, 600);
    assert_eq!(count("SELECT count() AS n FROM company GROUP ALL").await, 20);
    assert_eq!(count("SELECT count() AS n FROM change_event GROUP ALL").await, 620);
    assert_eq!(count("SELECT count() AS n FROM timeline_entry GROUP ALL").await, 600);
    // Its counts were summed and written once: every contact counted once by status.
    let by_status = "SELECT math::sum(n) AS n FROM stat WHERE metric = 'contact.status' GROUP ALL";
    assert_eq!(count(by_status).await, 600);
    // The companies read once, not once per contact.
    let sql = "LET $companies = SELECT VALUE key FROM company; \
               SELECT key FROM contact WHERE company_id != NONE AND company_id NOTINSIDE $companies";
    let mut res = s.db.query(sql).await.unwrap().check().unwrap();
    let dangling: Vec<Value> = res.take(1).unwrap();
    assert!(dangling.is_empty());
}

/// The bulk path counts on the shard its writer names (a seed's batch slot), so that a seeded
/// day holds a few counter rows to fold, not one per shard.
#[tokio::test]
async fn bulk_writes_count_on_the_shard_they_name() {
    use crm::domain::contacts::{Contact, ContactInput};
    use crm::domain::ids::{format_ts, new_id, now};
    use crm::repositories::records::Counting;
    let (s, _dir) = state().await;
    let repo = ContactRepository::new(s.db.clone());
    for (i, shard) in [(0, 5u64), (1, 5), (2, 6)] {
        let input = ContactInput { email: Some(format!("b{i}@example.com")), ..Default::default() };
        let contact = Contact::create(new_id(now()), NewContact::parse(input).unwrap(), &format_ts(now()));
        repo.insert_bulk(&[contact], &[], &[], Counting::Shard(shard)).await.unwrap();
    }
    let mut shards: Vec<u64> =
        table(&s, "SELECT VALUE record::id(id)[3] FROM stat").await.iter().filter_map(Value::as_u64).collect();
    shards.sort();
    shards.dedup();
    assert_eq!(shards, [5, 6]);
}

#[tokio::test]
async fn a_change_log_file_replays_into_another_instance() {
    use crm::services::history::{export_log, import_log};
    let (source, _d1) = state().await;
    let (target, _d2) = state().await;
    apply_ops(
        &source,
        vec![
            Op::CreateCompany("Acme".into()),
            Op::CreateContact(0, Some("Ada".into()), 0),
            Op::CreateContact(1, None, 4),
            Op::MoveContact(0, 0),
            Op::RetitleContact(1, Some("cto".into())),
            Op::RenameCompany(0, "Globex".into()),
            Op::DeleteContact(1),
            Op::CreateContact(2, Some("Cy".into()), 2),
        ],
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("log.ndjson");
    let written = export_log(&HistoryRepository::new(source.db.clone()), &file, &Default::default()).await.unwrap();
    let lines = std::fs::read_to_string(&file).unwrap();
    assert_eq!(lines.lines().count(), written);
    let contacts = ContactRepository::new(target.db.clone());
    let companies = CompanyRepository::new(target.db.clone());
    let report = import_log(&file, &contacts, &companies).await.unwrap();
    assert_eq!(report.events, written);
    for sql in [
        "SELECT * FROM contact ORDER BY key",
        "SELECT * FROM company ORDER BY key",
        "SELECT * FROM change_event ORDER BY key",
        "SELECT * OMIT id, key, rkey FROM timeline_entry ORDER BY change_event_id",
    ] {
        assert_eq!(table(&source, sql).await, table(&target, sql).await, "{sql}");
    }
    // A second import would repeat the history: refused. So is a file out of log order.
    assert!(import_log(&file, &contacts, &companies).await.is_err());
    let (empty, _d3) = state().await;
    let reversed: Vec<&str> = lines.lines().rev().collect();
    std::fs::write(&file, reversed.join("\n")).unwrap();
    let err = import_log(&file, &ContactRepository::new(empty.db.clone()), &CompanyRepository::new(empty.db.clone()))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("out of log order") || format!("{err:?}").contains("out of log order"), "{err:?}");
}

#[tokio::test]
async fn one_contact_with_what_it_links_to_replays_into_another_instance() {
    use crm::domain::log_scope::LogScope;
    use crm::services::history::{export_log, import_log};
    use serde_json::json;
    let app = crate::helpers::spawn_app().await;
    app.user_token("someone@example.com", "member").await; // a user's events are in the log, not replayed
    let x = app.create_company(&json!({"name": "Chosen Co"})).await;
    let y = app.create_company(&json!({"name": "Other Co"})).await;
    let ada = app.create_contact(&json!({"email": "ada@chosen.example", "company_id": x["id"]})).await;
    let bob = app.create_contact(&json!({"email": "bob@other.example", "company_id": y["id"]})).await;
    let ada_id = ada["id"].as_str().unwrap();
    let res = app.patch_json(&format!("/api/contacts/{ada_id}"), &json!({"title": "CTO"}), None).await;
    assert_eq!(res.status(), 200);
    let deal = crate::deals::create_deal(&app, &json!({"name": "Ada's", "amount": "5", "contact_ids": [ada_id]})).await;
    let case =
        crate::cases::open_case(&app, &json!({"company_id": x["id"], "contact_id": ada_id, "subject": "S"})).await;
    crate::deals::create_deal(&app, &json!({"name": "Bob's", "amount": "5", "contact_ids": [bob["id"]]})).await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ada.ndjson");
    let history = HistoryRepository::new(app.db.clone());
    let scope = LogScope::parse(Some(&format!("contact:{ada_id}")), true, None).unwrap();
    let written = export_log(&history, &file, &scope).await.unwrap();
    let lines = std::fs::read_to_string(&file).unwrap();
    let entities: std::collections::BTreeSet<String> = lines
        .lines()
        .map(|l| {
            let e: Value = serde_json::from_str(l).unwrap();
            format!("{}:{}", e["entity"].as_str().unwrap(), e["entity_id"].as_str().unwrap())
        })
        .collect();
    let expected: std::collections::BTreeSet<String> = [
        format!("contact:{ada_id}"),
        format!("company:{}", x["id"].as_str().unwrap()),
        format!("deal:{}", deal["id"].as_str().unwrap()),
        format!("support_case:{}", case["id"].as_str().unwrap()),
    ]
    .into_iter()
    .collect();
    assert_eq!(entities, expected);
    assert_eq!(written, 5, "ada's two events, one each for the company, the deal and the case");

    let (target, _d) = state().await;
    import_log(&file, &ContactRepository::new(target.db.clone()), &CompanyRepository::new(target.db.clone()))
        .await
        .unwrap();
    for (sql, n) in [
        ("SELECT * OMIT id FROM contact ORDER BY key", 1),
        ("SELECT * OMIT id FROM company ORDER BY key", 1),
        ("SELECT * OMIT id FROM deal ORDER BY key", 1),
        ("SELECT * OMIT id FROM support_case ORDER BY key", 1),
    ] {
        let replayed = table(&target, sql).await;
        assert_eq!(replayed.len(), n, "{sql}");
        let key = replayed[0]["key"].as_str().unwrap().to_string();
        let source = sql.replace("ORDER BY key", "WHERE key = $k");
        let mut res = app.db.query(source).bind(("k", key)).await.unwrap().check().unwrap();
        let original: Vec<Value> = res.take(0).unwrap();
        assert_eq!(original, replayed, "{sql}");
    }

    // The whole log (users' events included) replays too; a sample brings what it links to.
    let all = dir.path().join("all.ndjson");
    export_log(&history, &all, &LogScope::default()).await.unwrap();
    let (whole, _d2) = state().await;
    import_log(&all, &ContactRepository::new(whole.db.clone()), &CompanyRepository::new(whole.db.clone()))
        .await
        .unwrap();
    assert_eq!(table(&whole, "SELECT VALUE key FROM contact").await.len(), 2);
    assert!(LogScope::parse(None, false, Some("abc")).is_err());
}
