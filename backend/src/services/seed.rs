//! `crm seed`: realistic fake companies and contacts, with their history, written in batches.

use std::time::Instant;

use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::domain::companies::{Company, CompanySize, NewCompany};
use crate::domain::contacts::{Contact, ContactStatus, NewContact};
use crate::domain::history::{event_for, Origin};
use crate::domain::ids::{format_ts, new_id};
use crate::domain::timeline::entry_for_change;
use crate::error::AppResult;
use crate::repositories::companies::CompanyRepository;
use crate::repositories::contacts::ContactRepository;
use crate::services::progress::Progress;

const FIRST: [&str; 24] = [
    "Ava", "Liam", "Emma", "Noah", "Olivia", "Lucas", "Mia", "Elias", "Sofia", "Mateo", "Amara", "Kenji", "Priya",
    "Omar", "Hannah", "Jonas", "Chloe", "Ravi", "Ingrid", "Tomás", "Zara", "Felix", "Nora", "Diego",
];
const LAST: [&str; 24] = [
    "Smith",
    "Müller",
    "García",
    "Rossi",
    "Nakamura",
    "Patel",
    "Johansson",
    "Dubois",
    "Kowalski",
    "Silva",
    "Okafor",
    "Chen",
    "Novak",
    "Haddad",
    "Fischer",
    "Moreau",
    "Lindqvist",
    "O'Brien",
    "Costa",
    "Ivanova",
    "Kim",
    "Andersen",
    "Bianchi",
    "Nguyen",
];
const COMPANY_WORDS: [&str; 16] = [
    "Northwind",
    "Blue Harbor",
    "Summit",
    "Brightline",
    "Ironwood",
    "Cedar",
    "Polaris",
    "Meridian",
    "Atlas",
    "Keystone",
    "Silverlake",
    "Redwood",
    "Horizon",
    "Lumen",
    "Granite",
    "Evergreen",
];
const SUFFIXES: [&str; 6] = ["Consulting", "Partners", "Advisory", "Group", "Labs", "Solutions"];
const INDUSTRIES: [&str; 8] =
    ["Consulting", "Software", "Finance", "Healthcare", "Manufacturing", "Retail", "Education", "Energy"];
const TITLES: [&str; 8] =
    ["CEO", "CTO", "Head of Sales", "Marketing Manager", "Procurement Lead", "Partner", "Analyst", "COO"];
const TAGS: [&str; 8] = ["vip", "newsletter", "event-2026", "partner", "prospect", "renewal", "webinar", "referral"];
const SOURCES: [&str; 5] = ["web", "referral", "event", "import", "linkedin"];

/// Contacts written per transaction by default (with their events and timeline entries). Measured
/// at 20,000 contacts: 50, 500 and 2,000 per transaction all wrote ~1,250 contacts/s, the cost
/// being the index entries of each row (bench/RESULTS.md); 500 keeps transactions few and well
/// inside the 64 MiB memtable.
pub const DEFAULT_BATCH: usize = 500;
/// Transactions in flight at once (the engine groups their commits into one fsync).
const IN_FLIGHT: usize = 4;

/// What a seed run wrote.
#[derive(Debug, Clone, Copy)]
pub struct SeedReport {
    /// Companies written.
    pub companies: usize,
    /// Contacts written.
    pub contacts: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

fn fake_company(rng: &mut StdRng, n: usize, run: &str) -> Company {
    let word = pick(rng, &COMPANY_WORDS);
    let name = format!("{word} {} {n}", pick(rng, &SUFFIXES));
    let slug: String = word.to_lowercase().chars().filter(char::is_ascii_alphanumeric).collect();
    let created = Utc::now() - Duration::seconds(rng.random_range(0..31_536_000));
    let ts = format_ts(created);
    let new = NewCompany {
        name,
        domain: Some(format!("{slug}{n}-{run}.example.com")),
        industry: Some(pick(rng, &INDUSTRIES).to_string()),
        size: Some(CompanySize::Count(rng.random_range(2..5_000))),
        website: Some(format!("https://{slug}{n}-{run}.example.com")),
        custom: Default::default(),
        owner_id: None,
    };
    Company::create(new_id(created), new, &ts)
}

fn fake_contact(rng: &mut StdRng, n: usize, run: &str, companies: &[String]) -> Contact {
    let first = pick(rng, &FIRST);
    let last = pick(rng, &LAST);
    let local: String =
        format!("{first}.{last}").to_lowercase().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    let created = Utc::now() - Duration::seconds(rng.random_range(0..31_536_000));
    let tags = (0..rng.random_range(0..3)).map(|_| pick(rng, &TAGS).to_string()).collect::<Vec<_>>();
    let mut tags_unique: Vec<String> = Vec::new();
    for t in tags {
        if !tags_unique.contains(&t) {
            tags_unique.push(t);
        }
    }
    let company_id = (!companies.is_empty() && rng.random_bool(0.8))
        .then(|| companies[rng.random_range(0..companies.len())].clone());
    let new = NewContact {
        first_name: Some(first.to_string()),
        last_name: Some(last.to_string()),
        email: format!("{local}.{n}.{run}@example.com"),
        phone: Some(format!("+1 555 {:03} {:04}", rng.random_range(0..1000), rng.random_range(0..10_000))),
        title: Some(pick(rng, &TITLES).to_string()),
        company_id,
        status: ContactStatus::ALL[rng.random_range(0..ContactStatus::ALL.len())],
        source: Some(pick(rng, &SOURCES).to_string()),
        tags: tags_unique,
        do_not_contact: false,
        custom: Default::default(),
        owner_id: None,
    };
    Contact::create(new_id(created), new, &format_ts(created))
}

/// Writes `companies` companies and `contacts` contacts (80% linked to a company), each with
/// its `created` change event (and, for contacts, timeline entry), `batch` contacts a transaction.
pub async fn seed(
    contacts_repo: &ContactRepository,
    companies_repo: &CompanyRepository,
    contacts: usize,
    companies: usize,
    batch: usize,
) -> AppResult<SeedReport> {
    let batch = batch.clamp(1, 10_000);
    let started = Instant::now();
    let run = format!("{:06x}", rand::random::<u32>() & 0xff_ffff);
    let origin = Origin::system("seed");
    let mut rng = StdRng::from_os_rng();
    let mut company_ids = Vec::with_capacity(companies);
    for start in (0..companies).step_by(batch) {
        let batch: Vec<Company> =
            (start..(start + batch).min(companies)).map(|n| fake_company(&mut rng, n, &run)).collect();
        let events: Vec<_> = batch
            .iter()
            .map(|c| event_for("company", &c.id, 1, None, Some(c), &origin, new_id(Utc::now()), &c.created_at))
            .collect();
        companies_repo.insert_bulk(&batch, &events).await?;
        company_ids.extend(batch.into_iter().map(|c| c.id));
    }
    let batches = (0..contacts).step_by(batch).map(|start| {
        let batch: Vec<Contact> =
            (start..(start + batch).min(contacts)).map(|n| fake_contact(&mut rng, n, &run, &company_ids)).collect();
        let events: Vec<_> = batch
            .iter()
            .map(|c| event_for("contact", &c.id, 1, None, Some(c), &origin, new_id(Utc::now()), &c.created_at))
            .collect();
        let timeline: Vec<_> = events.iter().map(|e| entry_for_change(e, new_id(Utc::now()))).collect();
        (batch, events, timeline)
    });
    let mut written = 0usize;
    let mut progress = Progress::new("seeding contacts", contacts);
    // The batches' analytics counts are summed here and written once at the end: counted by
    // each batch, every day's counters would be spread over several rows, and folding them (a
    // delete per row) took longer than writing the contacts.
    let tally = std::sync::Arc::new(std::sync::Mutex::new(crate::domain::analytics::Tally::default()));
    // Each batch is its own task: the embedded database runs a query on the task that awaits
    // it, so batches awaited side by side on one task would share one core. After a failure no
    // new batch starts, and the ones running are awaited, so the tally taken below counts every
    // contact written.
    let mut running = tokio::task::JoinSet::new();
    let mut batches = batches.peekable();
    let mut outcome = AppResult::Ok(());
    while outcome.is_ok() && batches.peek().is_some() || !running.is_empty() {
        while outcome.is_ok() && running.len() < IN_FLIGHT {
            let Some((batch, events, timeline)) = batches.next() else { break };
            let (repo, tally) = (contacts_repo.clone(), tally.clone());
            running.spawn(async move {
                let counting = crate::repositories::records::Counting::Tally(&tally);
                repo.insert_bulk(&batch, &events, &timeline, counting).await.map(|_| batch.len())
            });
        }
        let Some(joined) = running.join_next().await else { break };
        match joined.map_err(crate::error::AppError::from).and_then(|r| Ok(r?)) {
            Ok(n) => {
                written += n;
                progress.add(n);
            }
            Err(e) if outcome.is_ok() => outcome = Err(e),
            Err(_) => {}
        }
    }
    progress.finish();
    // Also when a batch failed: the contacts written are counted.
    let counts = std::mem::take(&mut *tally.lock().unwrap_or_else(|e| e.into_inner())).into_counts();
    crate::repositories::analytics::write_counts(contacts_repo.db(), counts).await?;
    outcome?;
    // Counters written before the seed may be spread over shards: fold them, as the hourly job
    // would.
    crate::repositories::analytics::fold(contacts_repo.db(), "9999-12-31", false).await?;
    Ok(SeedReport { companies, contacts: written, seconds: started.elapsed().as_secs_f64() })
}

/// What a sales seed run wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct SalesSeedReport {
    /// Deals written.
    pub deals: usize,
    /// Cases written.
    pub cases: usize,
    /// Tasks written.
    pub tasks: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

const DEAL_WORDS: [&str; 8] = [
    "Website relaunch",
    "Audit",
    "Retainer",
    "Data migration",
    "Workshop",
    "CRM rollout",
    "Strategy review",
    "Training",
];
const CASE_SUBJECTS: [&str; 6] =
    ["Invoice is wrong", "Cannot sign in", "Report is late", "Change of scope", "Renewal question", "Data export"];

/// Writes `deals` deals, `cases` cases and `tasks` tasks over the companies and contacts already
/// stored (each with its `created` event and the timeline entries of the contacts it names), in
/// batched transactions, then the pipeline's totals.
pub async fn seed_sales(db: &crate::db::Db, deals: usize, cases: usize, tasks: usize) -> AppResult<SalesSeedReport> {
    use crate::domain::cases::{CasePatch, Priority, SupportCase};
    use crate::domain::deals::{Deal, DealPatch, Stage};
    use crate::domain::money::Amount;
    use crate::domain::tasks::{Task, TaskPatch, TaskStatus};
    let started = Instant::now();
    let sample = |sql: &'static str| async move {
        let mut response = db.query(sql).await?.check()?;
        let ids: Vec<String> = response.take(0)?;
        AppResult::Ok(ids)
    };
    let contact_ids = sample("SELECT VALUE key FROM contact LIMIT 20000").await?;
    let company_ids = sample("SELECT VALUE key FROM company LIMIT 2000").await?;
    let mut rng = StdRng::from_os_rng();
    let origin = Origin::system("seed");
    let when = |rng: &mut StdRng| Utc::now() - Duration::seconds(rng.random_range(0..31_536_000));
    let one_of = |rng: &mut StdRng, ids: &[String], chance: f64| {
        (!ids.is_empty() && rng.random_bool(chance)).then(|| ids[rng.random_range(0..ids.len())].clone())
    };
    let mut progress = Progress::new("seeding deals, cases and tasks", deals + cases + tasks);
    let mut written = SalesSeedReport::default();
    for start in (0..deals).step_by(DEFAULT_BATCH) {
        let batch: Vec<Deal> = (start..(start + DEFAULT_BATCH).min(deals))
            .map(|n| {
                let created = when(&mut rng);
                let stage = Stage::ALL[rng.random_range(0..Stage::ALL.len())];
                let patch = DealPatch {
                    name: Some(format!("{} {n}", pick(&mut rng, &DEAL_WORDS))),
                    company_id: Some(one_of(&mut rng, &company_ids, 0.9)),
                    contact_ids: Some(one_of(&mut rng, &contact_ids, 0.8).into_iter().collect()),
                    amount: Some(Some(Amount(rng.random_range(50_000..10_000_000)))),
                    currency: Some(if rng.random_bool(0.8) { "EUR" } else { "USD" }.to_string()),
                    stage: Some(stage),
                    lost_reason: Some((stage == Stage::Lost).then(|| "Price".to_string())),
                    expected_close: Some(Some(
                        (created + Duration::days(rng.random_range(10..200))).format("%Y-%m-%d").to_string(),
                    )),
                    ..Default::default()
                };
                let mut deal = Deal::create(new_id(created), patch, "EUR", &format_ts(created))
                    .expect("generated deals are valid");
                if deal.closed_at.is_some() {
                    deal.closed_at = Some(format_ts(created + Duration::days(rng.random_range(5..120))));
                }
                deal
            })
            .collect();
        written.deals += insert_records(db, &batch, &origin).await?;
        progress.add(batch.len());
    }
    for start in (0..cases).step_by(DEFAULT_BATCH) {
        let batch: Vec<SupportCase> = (start..(start + DEFAULT_BATCH).min(cases))
            .filter_map(|_| {
                let created = when(&mut rng);
                let patch = CasePatch {
                    company_id: Some(one_of(&mut rng, &company_ids, 1.0)?),
                    contact_id: Some(one_of(&mut rng, &contact_ids, 0.7)),
                    subject: Some(pick(&mut rng, &CASE_SUBJECTS).to_string()),
                    priority: Some(Priority::ALL[rng.random_range(0..Priority::ALL.len())]),
                    ..Default::default()
                };
                let case = SupportCase::open(new_id(created), patch, &format_ts(created)).ok()?;
                Some(if rng.random_bool(0.6) { case.close(None, &format_ts(created)).unwrap_or(case) } else { case })
            })
            .collect();
        written.cases += insert_records(db, &batch, &origin).await?;
        progress.add(batch.len());
    }
    for start in (0..tasks).step_by(DEFAULT_BATCH) {
        let batch: Vec<Task> = (start..(start + DEFAULT_BATCH).min(tasks))
            .filter_map(|n| {
                let created = when(&mut rng);
                let patch = TaskPatch {
                    title: Some(format!("Follow up {n}")),
                    due_at: Some(Some(format_ts(created + Duration::days(rng.random_range(-5..30))))),
                    contact_id: Some(one_of(&mut rng, &contact_ids, 0.7)),
                    status: rng.random_bool(0.5).then_some(TaskStatus::Done),
                    ..Default::default()
                };
                Task::create(new_id(created), patch, &format_ts(created)).ok()
            })
            .collect();
        written.tasks += insert_records(db, &batch, &origin).await?;
        progress.add(batch.len());
    }
    progress.finish();
    crate::repositories::deals::DealRepository::new(db.clone()).rebuild_totals().await?;
    crate::repositories::analytics::fold(db, "9999-12-31", false).await?;
    written.seconds = started.elapsed().as_secs_f64();
    Ok(written)
}

/// Inserts new records with their `created` events and timeline entries in one transaction.
async fn insert_records<T: crate::repositories::records::Stored>(
    db: &crate::db::Db,
    records: &[T],
    origin: &Origin,
) -> AppResult<usize> {
    let mut events = Vec::with_capacity(records.len());
    let mut timeline = Vec::new();
    for record in records {
        // The event is dated when the record was created, so `as_of` finds it from then on.
        let created = serde_json::to_value(record).ok().and_then(|v| v["created_at"].as_str().map(String::from));
        let at = created.as_deref().and_then(crate::domain::ids::parse_ts).unwrap_or_else(Utc::now);
        let event = event_for(T::TABLE, record.id(), 1, None, Some(record), origin, new_id(at), &format_ts(at));
        timeline.extend(crate::services::records::timeline_for(None, Some(record), &event, at));
        events.push(event);
    }
    let rows = vec![
        (T::TABLE, records.iter().map(T::row).collect()),
        ("change_event", events.iter().map(crate::repositories::encode_row).collect()),
        ("timeline_entry", timeline.iter().map(crate::repositories::timeline::row).collect()),
    ];
    crate::repositories::records::insert_rows(db, rows, crate::repositories::records::Counting::Shard(0)).await?;
    Ok(records.len())
}
