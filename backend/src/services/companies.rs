//! Company use cases: create, read (now or as of a moment), update, delete, list.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::{precondition_failed, retry_write, write_failure, Precondition};
use crate::db::{Feature, Migrations};
use crate::domain::companies::{Company, CompanyPatch, NewCompany};
use crate::domain::history::{data_fields, event_for, replay, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::pagination::{Page, PageRequest};
use crate::error::{AppError, AppResult};
use crate::repositories::companies::{CompanyQuery, CompanyRepository, TABLE};
use crate::repositories::history::HistoryRepository;
use crate::repositories::RepoError;

/// Company use cases.
#[derive(Clone)]
pub struct CompanyService {
    companies: CompanyRepository,
    history: HistoryRepository,
    migrations: Migrations,
}

fn write_error(err: RepoError) -> AppError {
    match err {
        RepoError::Rule(code) if code == "company_has_contacts" => AppError::conflict(
            "company_has_contacts",
            "the company still has contacts; move or unlink them (PATCH company_id) first",
        ),
        other => super::records::write_error(other),
    }
}

impl CompanyService {
    /// A service over its repositories.
    pub fn new(companies: CompanyRepository, history: HistoryRepository, migrations: Migrations) -> Self {
        Self { companies, history, migrations }
    }

    /// Creates a company (version 1) with its `created` event.
    #[instrument(skip_all)]
    pub async fn create(&self, new: NewCompany, origin: &Origin) -> AppResult<Company> {
        let at = now();
        let ts = format_ts(at);
        let company = Company::create(new_id(at), new, &ts);
        let event = event_for(TABLE, &company.id, 1, None, Some(&company), origin, new_id(at), &ts);
        self.companies.write(&company.id, Some(&company), None, &event).await.map_err(write_error)?;
        Ok(company)
    }

    /// The company now; 404 when it does not exist.
    pub async fn get(&self, id: &str) -> AppResult<Company> {
        self.companies.get(id).await?.ok_or_else(|| AppError::not_found("company", id))
    }

    /// The company as it was at `at`, rebuilt from its events.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Company> {
        let events = self.history.events_until(TABLE, id, &format_ts(at)).await?;
        let state = replay(&events).ok_or_else(|| AppError::not_found("company", id))?;
        serde_json::from_value(serde_json::Value::Object(state))
            .map_err(|e| AppError::Internal(format!("replaying company history: {e}")))
    }

    /// Writes `next` (or a delete) over `current`, with retries unless `If-Match` was given.
    async fn change(
        &self,
        id: &str,
        pre: Precondition,
        origin: &Origin,
        next_of: impl Fn(&Company, &str) -> Option<Company>,
    ) -> AppResult<Option<Company>> {
        retry_write(pre, "company", || async {
            let current = self.get(id).await?;
            if !pre.holds(current.version) {
                return Err(precondition_failed(current.version).into());
            }
            let at = now();
            let ts = format_ts(at);
            let next = next_of(&current, &ts);
            if next.as_ref().is_some_and(|n| data_fields(n) == data_fields(&current)) {
                return Ok(Some(current)); // nothing changed: no new version, no event
            }
            let event =
                event_for(TABLE, id, current.version + 1, Some(&current), next.as_ref(), origin, new_id(at), &ts);
            match self.companies.write(id, next.as_ref(), Some(current.version), &event).await {
                Ok(()) => Ok(next),
                Err(e) => Err(write_failure(e, current.version, |e| match e {
                    RepoError::NotFound => AppError::not_found("company", id),
                    other => write_error(other),
                })),
            }
        })
        .await
    }

    /// Applies a partial update under an optional `If-Match` precondition.
    #[instrument(skip_all)]
    pub async fn update(
        &self,
        id: &str,
        patch: CompanyPatch,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Company> {
        let next = self.change(id, pre, origin, |c, ts| Some(c.apply(patch.clone(), ts))).await?;
        next.ok_or_else(|| AppError::Internal("update produced no record".into()))
    }

    /// Deletes a company; refused with 409 while contacts reference it.
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.change(id, pre, origin, |_, _| None).await.map(|_| ())
    }

    /// One page of companies matching `query`.
    pub async fn list(&self, query: &CompanyQuery, page: &PageRequest) -> AppResult<Page<Company>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) = self.companies.list(query, page.sort, page.after.clone(), page.limit).await?;
        let total = if page.count { Some(self.companies.count(query).await?) } else { None };
        Ok(page.page(rows, next, total))
    }
}
