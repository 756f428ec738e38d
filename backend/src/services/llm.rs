//! LLM tool runs: the job from the request and the CRM's data (only the fields a tool needs),
//! the daily token budget, the run itself, its record; contact briefings cached until the
//! contact's data changes.

use std::sync::Arc;
use std::time::Instant;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::domain::contacts::Contact;
use crate::domain::ids::{format_ts, new_id, now};
use crate::error::{AppError, AppResult};
use crate::extract::parse_value;
use crate::llm_tools::tools::{
    Activity, BriefingInput, CaseInfo, DealInfo, Dossier, EmailInput, LandingPageInput, Org, Person, SocialPostInput,
    Writing,
};
use crate::llm_tools::{self, Job, LlmError, Output, Partial, Provider, ToolName};
use crate::repositories::cases::CaseRepository;
use crate::repositories::contacts::ContactRepository;
use crate::repositories::deals::DealRepository;
use crate::repositories::llm::{CachedBriefing, LlmRepository, LlmRun};
use crate::repositories::timeline::{TimelineQuery, TimelineRepository};

/// Timeline entries a briefing reads.
const BRIEFING_ACTIVITIES: usize = 20;
/// Deals and cases a briefing reads.
const BRIEFING_RECORDS: usize = 20;

/// A finished tool run.
#[derive(Debug, Clone)]
pub struct ToolRun {
    /// The tool.
    pub tool: ToolName,
    /// Provider.
    pub provider: String,
    /// Model.
    pub model: String,
    /// Its record.
    pub llm_run_id: String,
    /// The validated output.
    pub output: Output,
}

/// A briefing and whether it came from the cache.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// The briefing.
    pub briefing: Value,
    /// Provider that wrote it.
    pub provider: String,
    /// Model.
    pub model: String,
    /// The run that wrote it.
    pub llm_run_id: String,
    /// When it was written.
    pub generated_at: String,
    /// Whether it was reused (the contact's data has not changed since).
    pub cached: bool,
}

/// Where a tool reads the CRM.
#[derive(Clone)]
pub struct CrmData {
    /// Contacts.
    pub contacts: ContactRepository,
    /// Timeline.
    pub timeline: TimelineRepository,
    /// Deals.
    pub deals: DealRepository,
    /// Cases.
    pub cases: CaseRepository,
}

/// LLM tools.
#[derive(Clone)]
pub struct LlmService {
    provider: Arc<dyn Provider>,
    redact: bool,
    daily_budget: u64,
    runs: LlmRepository,
    data: CrmData,
    db: Db,
}

impl LlmService {
    /// The service over the configured provider.
    pub fn new(settings: &crate::config::LlmSettings, db: Db, data: CrmData) -> AppResult<Self> {
        let (provider, redact) = llm_tools::provider(settings).map_err(AppError::Internal)?;
        Ok(Self::with_provider(provider, redact, settings.daily_token_budget, db, data))
    }

    /// The service over a given provider.
    pub fn with_provider(provider: Arc<dyn Provider>, redact: bool, daily_budget: u64, db: Db, data: CrmData) -> Self {
        Self { provider, redact, daily_budget, runs: LlmRepository::new(db.clone()), data, db }
    }

    /// `(provider, model)`.
    pub fn provider(&self) -> (&'static str, String) {
        (self.provider.name(), self.provider.model().to_string())
    }

    /// Recorded runs, newest first.
    pub async fn runs(&self, after: Option<String>, limit: usize) -> AppResult<(Vec<LlmRun>, Option<String>)> {
        Ok(self.runs.runs(after, limit).await?)
    }

    /// The job of a tool from its request body (422 naming bad fields, unknown contacts).
    pub async fn job(&self, tool: ToolName, body: Value) -> AppResult<Job> {
        Ok(match tool {
            ToolName::EmailGenerator => {
                let input: EmailInput = parse_value(body)?;
                let (contact, company) = match input.contact_id.as_deref() {
                    Some(id) => self.reader(id).await?,
                    None => (None, None),
                };
                let mut w = writing(input.brief, input.campaign_name, input.goal, input.event, input.cta_url)?;
                w.tone = input.tone.unwrap_or_default();
                w.contact = contact;
                w.company = company;
                Job::Email(w)
            }
            ToolName::SocialPostGenerator => {
                let input: SocialPostInput = parse_value(body)?;
                let mut w = writing(input.brief, input.campaign_name, input.goal, input.event, input.cta_url)?;
                w.network = input.network.unwrap_or_default();
                Job::Social(w)
            }
            ToolName::LandingPageGenerator => {
                let input: LandingPageInput = parse_value(body)?;
                Job::LandingPage(writing(input.brief, input.campaign_name, input.goal, input.event, None)?)
            }
            ToolName::ContactBriefing => {
                let input: BriefingInput = parse_value(body)?;
                let contact = self.contact_ref(&input.contact_id).await?;
                Job::Briefing(self.dossier(&contact).await?)
            }
        })
    }

    async fn contact_ref(&self, id: &str) -> AppResult<Contact> {
        let unknown = || AppError::invalid_field("contact_id", "no contact with this id exists");
        let id = crate::domain::ids::parse_id(id).ok_or_else(unknown)?;
        self.data.contacts.get(&id).await?.ok_or_else(unknown)
    }

    /// The reader of an email: the person and their company.
    async fn reader(&self, contact_id: &str) -> AppResult<(Option<Person>, Option<Org>)> {
        let contact = self.contact_ref(contact_id).await?;
        let company = self.company_of(&contact).await?;
        Ok((Some(person(&contact)), company))
    }

    async fn company_of(&self, contact: &Contact) -> AppResult<Option<Org>> {
        let Some(id) = &contact.company_id else { return Ok(None) };
        let company = crate::repositories::records::get::<crate::domain::companies::Company>(&self.db, id).await?;
        Ok(company.map(|c| Org { name: c.name, industry: c.industry }))
    }

    /// Everything a briefing reads about a contact: recent timeline, deals, cases.
    async fn dossier(&self, contact: &Contact) -> AppResult<Dossier> {
        let query = TimelineQuery { contact_id: Some(contact.id.clone()), ..Default::default() };
        let (entries, _) = self.data.timeline.list(&query, None, BRIEFING_ACTIVITIES).await?;
        let mut deals = self.data.deals.naming_contact(&contact.id, BRIEFING_RECORDS).await?;
        deals.sort_by_key(|d| (!d.stage.is_open(), d.id.clone()));
        let mut cases = self.data.cases.naming_contact(&contact.id, BRIEFING_RECORDS).await?;
        cases.sort_by_key(|c| (c.status.as_str() != "open", c.id.clone()));
        Ok(Dossier {
            contact: person(contact),
            company: self.company_of(contact).await?,
            timeline: entries
                .into_iter()
                .map(|e| Activity { id: e.id, kind: e.kind, summary: e.body, at: e.at })
                .collect(),
            deals: deals
                .into_iter()
                .map(|d| DealInfo {
                    id: d.id,
                    name: d.name,
                    stage: d.stage.as_str().to_string(),
                    amount: d.amount.map(|a| format!("{} {a}", d.currency)),
                    close_date: d.expected_close,
                    status: match d.stage.as_str() {
                        "won" => "won",
                        "lost" => "lost",
                        _ => "open",
                    }
                    .to_string(),
                })
                .collect(),
            cases: cases
                .into_iter()
                .map(|c| CaseInfo {
                    id: c.id,
                    subject: c.subject,
                    priority: c.priority.as_str().to_string(),
                    status: c.status.as_str().to_string(),
                })
                .collect(),
            today: format_ts(now()).chars().take(10).collect(),
        })
    }

    /// 429 `llm_budget_spent` when today's tokens reached the budget.
    async fn check_budget(&self) -> AppResult<()> {
        if self.daily_budget == 0 {
            return Ok(());
        }
        let today = now();
        let spent = self.runs.tokens_on(&format_ts(today)[..10]).await?;
        if spent >= self.daily_budget {
            let midnight = (today + chrono::Duration::days(1)).date_naive().and_hms_opt(0, 0, 0).unwrap_or_default();
            let wait = (midnight.and_utc() - today).num_seconds().max(1) as u64;
            return Err(AppError::BudgetSpent { retry_after_secs: wait });
        }
        Ok(())
    }

    /// Runs a job; every run, failed or not, is recorded.
    pub async fn run(&self, job: &Job, actor: &str, partial: Option<&Partial<'_>>) -> AppResult<ToolRun> {
        self.check_budget().await?;
        let started = now();
        let clock = Instant::now();
        let result = llm_tools::run(self.provider.as_ref(), job, self.redact, partial).await;
        let mut record = LlmRun {
            id: new_id(started),
            tool: job.tool().as_str().to_string(),
            provider: self.provider.name().to_string(),
            model: self.provider.model().to_string(),
            prompt_hash: String::new(),
            tokens_in: 0,
            tokens_out: 0,
            latency_ms: clock.elapsed().as_millis() as u64,
            outcome: "ok".into(),
            attempts: 1,
            actor: actor.to_string(),
            created_at: format_ts(started),
        };
        match result {
            Ok(run) => {
                (record.prompt_hash, record.tokens_in, record.tokens_out) =
                    (run.prompt_hash, run.tokens_in, run.tokens_out);
                record.attempts = run.attempts;
                self.runs.record(&record).await?;
                Ok(ToolRun {
                    tool: job.tool(),
                    provider: record.provider,
                    model: record.model,
                    llm_run_id: record.id,
                    output: run.output,
                })
            }
            Err(failure) => {
                (record.prompt_hash, record.tokens_in, record.tokens_out) =
                    (failure.prompt_hash, failure.tokens_in, failure.tokens_out);
                let (outcome, attempts, error) = match failure.error {
                    LlmError::Unavailable(why) => ("unavailable", 1, AppError::LlmUnavailable(why)),
                    LlmError::Invalid(why) => (
                        "invalid_output",
                        2,
                        AppError::Validation {
                            code: "llm_invalid_output",
                            detail: format!("the model's answer failed the tool's checks twice: {why}"),
                            errors: Vec::new(),
                        },
                    ),
                };
                record.outcome = outcome.into();
                record.attempts = attempts;
                self.runs.record(&record).await?;
                Err(error)
            }
        }
    }

    /// The briefing on a contact: the cached one while the contact, its company, its recent
    /// timeline, deals and cases are as they were, else a new one.
    pub async fn briefing(&self, contact_id: &str, actor: &str, refresh: bool) -> AppResult<Briefing> {
        let contact = crate::services::contacts::existing(&self.data.contacts, contact_id).await?;
        let dossier = self.dossier(&contact).await?;
        let fingerprint = fingerprint(&dossier, self.provider.name(), self.provider.model());
        if !refresh {
            if let Some(cached) = self.runs.briefing(&contact.id).await?.filter(|c| c.fingerprint == fingerprint) {
                return Ok(Briefing {
                    briefing: cached.briefing,
                    provider: cached.provider,
                    model: cached.model,
                    llm_run_id: cached.llm_run_id,
                    generated_at: cached.generated_at,
                    cached: true,
                });
            }
        }
        let run = self.run(&Job::Briefing(dossier), actor, None).await?;
        let stored = CachedBriefing {
            fingerprint,
            briefing: serde_json::to_value(&run.output).unwrap_or(Value::Null),
            provider: run.provider,
            model: run.model,
            llm_run_id: run.llm_run_id,
            generated_at: format_ts(now()),
        };
        self.runs.save_briefing(&contact.id, &stored).await?;
        Ok(Briefing {
            briefing: stored.briefing,
            provider: stored.provider,
            model: stored.model,
            llm_run_id: stored.llm_run_id,
            generated_at: stored.generated_at,
            cached: false,
        })
    }
}

/// Hash of what a briefing reads (`today` and the decaying score aside: time passing alone does
/// not make a new briefing) and of who writes it.
fn fingerprint(dossier: &Dossier, provider: &str, model: &str) -> String {
    let mut data = serde_json::to_value(dossier).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut data {
        map.remove("today");
        // The stored score decays every hour by itself: not a change of the contact's data.
        if let Some(Value::Object(contact)) = map.get_mut("contact") {
            contact.remove("score");
        }
    }
    let mut hasher = Sha256::new();
    hasher.update(provider.as_bytes());
    hasher.update([0]);
    hasher.update(model.as_bytes());
    hasher.update([0]);
    hasher.update(data.to_string().as_bytes());
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn person(contact: &Contact) -> Person {
    Person {
        first_name: contact.first_name.clone().unwrap_or_default(),
        last_name: contact.last_name.clone().unwrap_or_default(),
        email: Some(contact.email.clone()),
        title: contact.title.clone(),
        status: Some(contact.status.as_str().to_string()),
        score: contact.score,
    }
}

/// The common part of a writing job, checked: a brief, optional names, an event with a real
/// start time, an http(s) link.
pub fn writing(
    brief: String,
    campaign_name: Option<String>,
    goal: Option<String>,
    event: Option<crate::llm_tools::tools::EventInfo>,
    cta_url: Option<String>,
) -> AppResult<Writing> {
    let mut issues = crate::domain::fields::Issues::default();
    let brief = issues.required_text("brief", Some(brief), 4000);
    let campaign_name = issues.text("campaign_name", campaign_name, 200);
    let goal = issues.text("goal", goal, 200);
    let cta_url = issues.text("cta_url", cta_url, 2000);
    if let Some(url) = &cta_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
            issues.add("cta_url", "must be an http or https URL");
        }
    }
    if let Some(event) = &event {
        issues.required_text("event.name", Some(event.name.clone()), 200);
        issues.text("event.location", event.location.clone(), 300);
        if chrono::DateTime::parse_from_rfc3339(&event.starts_at).is_err() {
            issues.add("event.starts_at", "must be an RFC 3339 time such as 2026-05-12T18:00:00Z");
        }
    }
    Ok(issues.finish(Writing { brief, campaign_name, goal, event, cta_url, ..Default::default() })?)
}
