//! The runner of after triggers: claims queued runs (by due time, so every replica shares the
//! work) and carries out each action through the same services the API uses, as the original
//! actor through `trigger` (each change its own event, with the trigger's id). A write an action
//! makes fires triggers in turn, up to the depth limit (then the run fails with `trigger_loop`).

use std::time::Duration;

use serde_json::{json, Map, Value};

use super::Precondition;
use crate::domain::custom::Object;
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::rules::binding;
use crate::domain::triggers::{related_ids, related_object, render, Action, Compiled, RunStatus, TriggerRun};
use crate::error::{AppError, AppResult};
use crate::repositories::schema::SchemaRepository;
use crate::repositories::RepoError;

/// Runs claimed at once.
const BATCH: usize = 20;
/// Attempts for a run whose action failed on something passing (the database, a race).
const MAX_ATTEMPTS: u32 = 3;
/// How long a claim lasts before another runner may take the run over.
const CLAIM: Duration = Duration::from_secs(60);

/// The services actions go through.
#[derive(Clone)]
pub struct TriggerParts {
    /// Definitions.
    pub schema: super::schema::SchemaService,
    /// Contacts.
    pub contacts: super::contacts::ContactService,
    /// Companies.
    pub companies: super::companies::CompanyService,
    /// Deals.
    pub deals: super::deals::DealService,
    /// Cases.
    pub cases: super::cases::CaseService,
    /// Events.
    pub events: super::events::EventService,
    /// Tasks.
    pub tasks: super::tasks::TaskService,
    /// Timelines.
    pub timeline: super::timeline::TimelineService,
    /// Notifications.
    pub notifications: super::notifications::NotificationService,
    /// Webhooks.
    pub webhooks: super::webhooks::WebhookService,
    /// Custom objects' records.
    pub objects: super::objects::ObjectService,
}

/// Runs queued after-trigger actions.
#[derive(Clone)]
pub struct TriggerRunner {
    parts: TriggerParts,
    repo: SchemaRepository,
}

impl TriggerRunner {
    /// A runner over `parts`.
    pub fn new(parts: TriggerParts, repo: SchemaRepository) -> Self {
        Self { parts, repo }
    }

    /// Claims due runs and carries them out; true while there may be more.
    pub async fn step(&self) -> Result<bool, RepoError> {
        let at = now();
        let claim = new_id(at);
        let until = at + chrono::Duration::from_std(CLAIM).unwrap_or_default();
        let runs = match self.repo.claim_runs(&format_ts(at), &format_ts(until), &claim, BATCH).await {
            Ok(runs) => runs,
            Err(RepoError::TxConflict) => return Ok(true),
            Err(e) => return Err(e),
        };
        if runs.is_empty() {
            return Ok(false);
        }
        for mut run in runs {
            let result = Box::pin(self.run(&run)).await;
            let done = now();
            match result {
                Ok(outcome) => {
                    run.status = RunStatus::Done;
                    run.outcome = Some(outcome);
                    run.error = None;
                    run.error_code = None;
                }
                Err(e) => {
                    let passing = matches!(e, AppError::Database(_) | AppError::Internal(_) | AppError::Unavailable(_));
                    run.error = Some(describe(&e));
                    run.error_code = Some(e.code().to_string());
                    if passing && run.attempts < MAX_ATTEMPTS {
                        run.status = RunStatus::Queued;
                        run.due = format_ts(done + chrono::Duration::seconds(2_i64.pow(run.attempts)));
                        self.repo.finish_run(&run, &claim).await?;
                        continue;
                    }
                    tracing::warn!(trigger = %run.trigger_id, code = e.code(), "a trigger's action failed");
                    run.status = RunStatus::Failed;
                }
            }
            run.finished_at = Some(format_ts(done));
            self.repo.finish_run(&run, &claim).await?;
        }
        Ok(true)
    }

    /// Carries out one run's action; what it did.
    async fn run(&self, run: &TriggerRun) -> AppResult<String> {
        let object = run.object;
        let trigger = match self.parts.schema.get_trigger(object, &run.trigger_id).await {
            Ok(t) => t,
            Err(AppError::NotFound(_)) => {
                return Err(AppError::conflict("trigger_deleted", "the trigger was deleted before it ran"))
            }
            Err(e) => return Err(e),
        };
        let compiled = Compiled::new(trigger).map_err(|m| AppError::conflict("trigger_invalid", m))?;
        let schema = self.parts.schema.schema(object).await?;
        let record = binding(object, &schema.fields, &run.record);
        let old = run.old.as_ref().map(|o| binding(object, &schema.fields, o));
        let origin = run.origin();
        let text = |t: &str| render(t, object, &record, old.as_ref());
        let owner = run.record.get("owner_id").and_then(Value::as_str).map(String::from);
        match &compiled.trigger.action {
            Action::CreateTask { title, due_in_days, assignee_id } => {
                let mut patch = crate::domain::tasks::TaskPatch {
                    title: Some(text(title)),
                    due_at: due_in_days.map(|d| Some(format_ts(now() + chrono::Duration::days(d)))),
                    ..Default::default()
                };
                let id = Some(Some(run.record_id.clone()));
                match object {
                    Object::Contact => patch.contact_id = id,
                    Object::Company => patch.company_id = id,
                    Object::Deal => patch.deal_id = id,
                    Object::Case => patch.case_id = id,
                    Object::Event | Object::Custom(_) => {}
                }
                let assignee = assignee_id.clone().or(owner);
                let task = self.parts.tasks.create(patch, assignee, &origin).await?;
                Ok(format!("task {}", task.id))
            }
            Action::AddTimelineEntry { summary } => {
                let contacts = match object {
                    Object::Contact => vec![run.record_id.clone()],
                    Object::Deal => related_ids(&run.record, "contact_ids"),
                    Object::Case => related_ids(&run.record, "contact_id"),
                    Object::Company | Object::Event => Vec::new(),
                    Object::Custom(_) => schema
                        .fields
                        .iter()
                        .filter(|f| f.reference == Some(Object::Contact))
                        .flat_map(|f| related_ids(&run.record, &format!("custom.{}", f.name)))
                        .collect(),
                };
                if contacts.is_empty() {
                    return Ok("no contact to add an entry to".into());
                }
                let entry = crate::domain::timeline::NewEntry::parse(Some("note".into()), Some(text(summary)))?;
                for contact in &contacts {
                    self.parts.timeline.add(contact, entry.clone(), None, &origin).await?;
                }
                Ok(format!("timeline entry on {} contact(s)", contacts.len()))
            }
            Action::UpdateRelated { via, .. } => {
                let Some(target) = related_object(object, &schema.fields, via) else {
                    return Err(AppError::invalid_field(
                        "action.via",
                        format!("`{via}` is no longer a reference field"),
                    ));
                };
                let ids = related_ids(&run.record, via);
                if ids.is_empty() {
                    return Ok(format!("no record in {via}"));
                }
                let bound = crate::domain::rules::Bindings::new(object, &record, old.as_ref());
                let values = compiled.values(&bound).map_err(|m| AppError::invalid_field("action.values", m))?;
                let custom: Map<String, Value> = values
                    .into_iter()
                    .filter_map(|(field, v)| field.strip_prefix("custom.").map(|n| (n.to_string(), v)))
                    .collect();
                for id in &ids {
                    Box::pin(self.set_custom(target, id, custom.clone(), &origin)).await?;
                }
                Ok(format!("{} {} updated", ids.len(), if ids.len() == 1 { target.name() } else { target.plural() }))
            }
            Action::Notify { user_id, message } => {
                let user = user_id.clone().or(owner).ok_or_else(|| {
                    AppError::conflict("no_recipient", "the trigger names no user and the record has no owner")
                })?;
                let link = object.record_path(&run.record_id);
                let raised = crate::domain::notifications::Raised::new(user.clone(), "message", text(message), link);
                self.parts.notifications.raise(vec![raised]).await?;
                Ok(format!("notified {user}"))
            }
            Action::Webhook { event } => {
                let payload = json!({
                    "trigger_id": run.trigger_id, "object": object.name(), "id": run.record_id,
                    "record": run.record, "old": run.old,
                });
                let sent = self.parts.webhooks.send_event(&format!("custom.{event}"), payload).await?;
                Ok(format!("queued to {sent} subscription(s)"))
            }
            Action::Set { .. } | Action::Reject { .. } => Ok("runs before writes".into()),
        }
    }

    /// Merges `custom` into the custom values of record `id` of `object`, through its service.
    async fn set_custom(
        &self,
        object: Object,
        id: &str,
        custom: Map<String, Value>,
        origin: &crate::domain::history::Origin,
    ) -> AppResult<()> {
        let p = &self.parts;
        let pre = Precondition::None;
        let custom = Some(custom);
        match object {
            Object::Contact => {
                let patch = crate::domain::contacts::ContactPatch { custom, ..Default::default() };
                p.contacts.update(id, patch, pre, origin).await.map(|_| ())
            }
            Object::Company => {
                let patch = crate::domain::companies::CompanyPatch { custom, ..Default::default() };
                p.companies.update(id, patch, pre, origin).await.map(|_| ())
            }
            Object::Deal => {
                let patch = crate::domain::deals::DealPatch { custom, ..Default::default() };
                p.deals.update(id, patch, pre, origin).await.map(|_| ())
            }
            Object::Case => {
                let patch = crate::domain::cases::CasePatch { custom, ..Default::default() };
                p.cases.update(id, patch, pre, origin).await.map(|_| ())
            }
            Object::Event => {
                let patch = crate::domain::events::EventPatch { custom, ..Default::default() };
                p.events.update(id, patch, pre, origin).await.map(|_| ())
            }
            Object::Custom(_) => {
                let patch = crate::domain::objects::RecordInput { custom, ..Default::default() };
                p.objects.update(object, id, patch, pre, origin).await.map(|_| ())
            }
        }
    }

    /// Runs this process's share of the queued runs, in the background.
    pub fn spawn(self) -> tokio::task::JoinHandle<()> {
        crate::repositories::leases::spawn_loop("running triggers", Duration::from_millis(200), move || {
            let this = self.clone();
            async move { this.step().await }
        })
    }
}

/// A failure as the run log shows it: the problem's detail with the fields it names.
fn describe(e: &AppError) -> String {
    match e {
        AppError::Validation { errors, .. } if !errors.is_empty() => {
            errors.iter().map(|f| format!("{}: {}", f.field, f.message)).collect::<Vec<_>>().join("; ")
        }
        other => other.detail(),
    }
}
