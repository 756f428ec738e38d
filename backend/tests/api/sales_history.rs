//! Deals, cases and tasks under generated sequences of changes: every past state is rebuilt by
//! `as_of`, and replaying the log into an empty database gives the same records, timelines and
//! pipeline.

use std::collections::HashMap;

use crm::domain::cases::CasePatch;
use crm::domain::deals::{DealPatch, Stage};
use crm::domain::history::Origin;
use crm::domain::money::Amount;
use crm::domain::tasks::{TaskPatch, TaskStatus};
use crm::repositories::companies::CompanyRepository;
use crm::repositories::contacts::ContactRepository;
use crm::repositories::deals::DealQuery;
use crm::repositories::history::HistoryRepository;
use crm::services::history::replay_log;
use crm::services::Precondition;
use crm::state::AppState;
use proptest::prelude::*;
use serde_json::Value;

use crate::helpers::fresh_settings;

#[derive(Debug, Clone)]
enum Op {
    Deal(usize, Option<u32>),
    Move(usize, usize, bool),
    Case(usize),
    Interact(usize),
    Close(usize),
    Reopen(usize),
    Task(usize),
    Complete(usize),
    DeleteContact(usize),
    DeleteDeal(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..3, proptest::option::of(0u32..100_000)).prop_map(|(c, a)| Op::Deal(c, a)),
        (0usize..5, 0usize..5, proptest::bool::ANY).prop_map(|(d, s, r)| Op::Move(d, s, r)),
        (0usize..3).prop_map(Op::Case),
        (0usize..4).prop_map(Op::Interact),
        (0usize..4).prop_map(Op::Close),
        (0usize..4).prop_map(Op::Reopen),
        (0usize..3).prop_map(Op::Task),
        (0usize..4).prop_map(Op::Complete),
        (0usize..3).prop_map(Op::DeleteContact),
        (0usize..5).prop_map(Op::DeleteDeal),
    ]
}

async fn state() -> (AppState, Option<tempfile::TempDir>) {
    let (settings, dir) = fresh_settings();
    let db = crm::db::connect(&settings.database).await.unwrap();
    (AppState::new(settings, db).await.unwrap(), dir)
}

/// Every state each record had, keyed by (kind, id): (updated_at, JSON).
type Snapshots = HashMap<(&'static str, String), Vec<(String, Value)>>;

fn snap<T: serde::Serialize>(snaps: &mut Snapshots, kind: &'static str, id: &str, at: &str, record: &T) {
    snaps.entry((kind, id.to_string())).or_default().push((at.to_string(), serde_json::to_value(record).unwrap()));
}

async fn apply_ops(s: &AppState, ops: Vec<Op>) -> Snapshots {
    let origin = Origin { triggers: Vec::new(), actor: "tester".into(), source: "api".into(), trace_id: "t".into() };
    let mut snaps = Snapshots::new();
    let company = s
        .companies
        .create(
            crm::domain::companies::NewCompany {
                name: "Acme".into(),
                domain: None,
                industry: None,
                size: None,
                website: None,
                custom: Default::default(),
                owner_id: None,
            },
            &origin,
        )
        .await
        .unwrap()
        .id;
    let mut contacts = Vec::new();
    for i in 0..3 {
        let new = crm::domain::contacts::NewContact {
            first_name: None,
            last_name: None,
            email: format!("c{i}@example.com"),
            phone: None,
            title: None,
            company_id: None,
            status: crm::domain::contacts::ContactStatus::ALL[0],
            source: None,
            tags: vec![],
            do_not_contact: false,
            custom: Default::default(),
            owner_id: None,
        };
        contacts.push(s.contacts.create(new, &origin).await.unwrap().id);
    }
    let (mut deals, mut cases, mut tasks): (Vec<String>, Vec<String>, Vec<String>) = (vec![], vec![], vec![]);
    for op in ops {
        match op {
            Op::Deal(c, amount) => {
                let patch = DealPatch {
                    name: Some(format!("Deal {}", deals.len())),
                    contact_ids: Some(vec![contacts[c].clone()]),
                    amount: Some(amount.map(|a| Amount(i64::from(a)))),
                    ..Default::default()
                };
                if let Ok(d) = s.deals.create(patch, None, &origin).await {
                    snap(&mut snaps, "deal", &d.id, &d.updated_at, &d);
                    deals.push(d.id);
                }
            }
            Op::Move(i, stage, reason) => {
                let Some(id) = deals.get(i) else { continue };
                let patch = DealPatch {
                    stage: Some(Stage::ALL[stage]),
                    lost_reason: reason.then(|| Some("Price".to_string())),
                    ..Default::default()
                };
                if let Ok(d) = s.deals.update(id, patch, Precondition::None, &origin).await {
                    snap(&mut snaps, "deal", &d.id, &d.updated_at, &d);
                }
            }
            Op::DeleteDeal(i) => {
                if let Some(id) = deals.get(i) {
                    let _ = s.deals.delete(id, Precondition::None, &origin).await;
                }
            }
            Op::Case(c) => {
                let patch = CasePatch {
                    company_id: Some(company.clone()),
                    contact_id: Some(Some(contacts[c].clone())),
                    subject: Some("Help".into()),
                    ..Default::default()
                };
                if let Ok(k) = s.cases.open(patch, None, &origin).await {
                    snap(&mut snaps, "case", &k.id, &k.updated_at, &k);
                    cases.push(k.id);
                }
            }
            Op::Interact(i) => {
                if let Some(id) = cases.get(i) {
                    let _ = s.cases.interact(id, Some("call".into()), Some("Rang".into()), &origin).await;
                }
            }
            Op::Close(i) | Op::Reopen(i) => {
                let Some(id) = cases.get(i) else { continue };
                let result = if matches!(op, Op::Close(_)) {
                    s.cases.close(id, Some("Done".into()), Precondition::None, &origin).await
                } else {
                    s.cases.reopen(id, Precondition::None, &origin).await
                };
                if let Ok(k) = result {
                    snap(&mut snaps, "case", &k.id, &k.updated_at, &k);
                }
            }
            Op::Task(c) => {
                let patch = TaskPatch {
                    title: Some("Call".into()),
                    contact_id: Some(Some(contacts[c].clone())),
                    ..Default::default()
                };
                if let Ok(t) = s.tasks.create(patch, None, &origin).await {
                    snap(&mut snaps, "task", &t.id, &t.updated_at, &t);
                    tasks.push(t.id);
                }
            }
            Op::Complete(i) => {
                let Some(id) = tasks.get(i) else { continue };
                let patch = TaskPatch { status: Some(TaskStatus::Done), ..Default::default() };
                if let Ok(t) = s.tasks.update(id, patch, Precondition::None, &origin).await {
                    snap(&mut snaps, "task", &t.id, &t.updated_at, &t);
                }
            }
            Op::DeleteContact(c) => {
                if s.contacts.delete(&contacts[c], Precondition::None, &origin).await.is_ok() {
                    // The unlinked records changed too: read their new states.
                    for id in &deals {
                        if let Ok(d) = s.deals.get(id).await {
                            snap(&mut snaps, "deal", id, &d.updated_at, &d);
                        }
                    }
                    for id in &cases {
                        if let Ok(k) = s.cases.get(id).await {
                            snap(&mut snaps, "case", id, &k.updated_at, &k);
                        }
                    }
                    for id in &tasks {
                        if let Ok(t) = s.tasks.get(id).await {
                            snap(&mut snaps, "task", id, &t.updated_at, &t);
                        }
                    }
                }
            }
        }
    }
    snaps
}

async fn table(s: &AppState, sql: &str) -> Vec<Value> {
    let mut res = s.db.query(sql).await.unwrap().check().unwrap();
    res.take(0).unwrap()
}

async fn round_trip(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let (source, _d1) = state().await;
    let (target, _d2) = state().await;
    let snaps = apply_ops(&source, ops).await;
    for ((kind, id), states) in &snaps {
        for (at, expected) in states {
            let at = crm::domain::ids::parse_ts(at).unwrap();
            let rebuilt = match *kind {
                "deal" => serde_json::to_value(source.deals.get_as_of(id, at).await.unwrap()).unwrap(),
                "case" => serde_json::to_value(source.cases.get_as_of(id, at).await.unwrap()).unwrap(),
                _ => serde_json::to_value(source.tasks.get_as_of(id, at).await.unwrap()).unwrap(),
            };
            prop_assert_eq!(&rebuilt, expected, "{} {} as of {}", kind, id, at);
        }
    }
    replay_log(
        &HistoryRepository::new(source.db.clone()),
        &ContactRepository::new(target.db.clone()),
        &CompanyRepository::new(target.db.clone()),
    )
    .await
    .unwrap();
    for sql in [
        "SELECT * FROM deal ORDER BY key",
        "SELECT * OMIT touched_at FROM support_case ORDER BY key",
        "SELECT * FROM case_interaction ORDER BY key",
        "SELECT * FROM task ORDER BY key",
        "SELECT * FROM change_event ORDER BY key",
        "SELECT * OMIT id, key, rkey FROM timeline_entry ORDER BY change_event_id, contact_id",
    ] {
        prop_assert_eq!(table(&source, sql).await, table(&target, sql).await, "{}", sql);
    }
    let all = DealQuery::default();
    prop_assert_eq!(source.deals.pipeline(&all).await.unwrap(), target.deals.pipeline(&all).await.unwrap());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]
    #[test]
    fn as_of_and_replay_rebuild_deals_cases_and_tasks(ops in proptest::collection::vec(op(), 1..30)) {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(round_trip(ops))?;
    }
}
