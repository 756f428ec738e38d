//! Case use cases: open, read, change, close, reopen, interactions, lists.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::records::Store;
use super::Precondition;
use crate::db::{Feature, Migrations};
use crate::domain::cases::{CasePatch, Interaction, SupportCase};
use crate::domain::history::Origin;
use crate::domain::pagination::{Page, PageRequest, Sort};
use crate::error::{AppError, AppResult};
use crate::repositories::cases::{CaseQuery, CaseRepository};

/// Case use cases.
#[derive(Clone)]
pub struct CaseService {
    store: Store<SupportCase>,
    interactions: Store<Interaction>,
    cases: CaseRepository,
    migrations: Migrations,
}

/// The order of interaction pages (oldest first).
pub const INTERACTION_SORT: Sort = Sort { field: "created_at", desc: false };

impl CaseService {
    /// A service over its stores.
    pub fn new(
        store: Store<SupportCase>,
        interactions: Store<Interaction>,
        cases: CaseRepository,
        migrations: Migrations,
    ) -> Self {
        Self { store, interactions, cases, migrations }
    }

    /// Opens a case; without an owner it is the caller's.
    #[instrument(skip_all)]
    pub async fn open(&self, mut patch: CasePatch, owner: Option<String>, origin: &Origin) -> AppResult<SupportCase> {
        if patch.owner_id.is_none() {
            patch.owner_id = Some(owner);
        }
        self.store.create(origin, |id, ts| Ok(SupportCase::open(id, patch, ts)?)).await
    }

    /// The case now.
    pub async fn get(&self, id: &str) -> AppResult<SupportCase> {
        self.store.get(id).await
    }

    /// The case as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<SupportCase> {
        self.store.get_as_of(id, at).await
    }

    /// Changes fields of a case.
    #[instrument(skip_all)]
    pub async fn update(
        &self,
        id: &str,
        patch: CasePatch,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<SupportCase> {
        self.store.update(id, pre, origin, |c, ts| Ok((c.apply(patch.clone(), ts), None))).await
    }

    /// Closes an open case (409 `case_closed` when it is closed already).
    #[instrument(skip_all)]
    pub async fn close(
        &self,
        id: &str,
        resolution: Option<String>,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<SupportCase> {
        self.store
            .update(id, pre, origin, |c, ts| {
                let next = c.close(resolution.clone(), ts).ok_or_else(|| {
                    AppError::conflict("case_closed", "the case is closed already; reopen it to close it again")
                })?;
                Ok((next, Some("closed")))
            })
            .await
    }

    /// Reopens a closed case (409 `case_open` when it is open).
    #[instrument(skip_all)]
    pub async fn reopen(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<SupportCase> {
        self.store
            .update(id, pre, origin, |c, ts| {
                let next = c.reopen(ts).ok_or_else(|| AppError::conflict("case_open", "the case is open"))?;
                Ok((next, Some("reopened")))
            })
            .await
    }

    /// Adds an interaction to an open case (409 `case_closed` otherwise).
    #[instrument(skip_all)]
    pub async fn interact(
        &self,
        case_id: &str,
        kind: Option<String>,
        body: Option<String>,
        origin: &Origin,
    ) -> AppResult<Interaction> {
        let case = self.get(case_id).await?;
        if case.status != crate::domain::cases::CaseStatus::Open {
            return Err(AppError::conflict("case_closed", "the case is closed; reopen it to add to it"));
        }
        self.interactions.create(origin, |id, ts| Ok(Interaction::new(id, &case, kind, body, &origin.actor, ts)?)).await
    }

    /// Interactions of a case, oldest first.
    pub async fn interactions(&self, case_id: &str, page: &PageRequest) -> AppResult<Page<Interaction>> {
        self.get(case_id).await?;
        let (rows, next) = self.cases.interactions(case_id, page.after.clone(), page.limit).await?;
        Ok(page.page(rows, next, None))
    }

    /// One page of cases.
    pub async fn list(&self, query: &CaseQuery, page: &PageRequest) -> AppResult<Page<SupportCase>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) =
            self.cases.list(query, page.sort, page.after.clone(), page.limit, page.visible.as_ref()).await?;
        let total = if page.count { Some(self.cases.count(query, page.visible.as_ref()).await?) } else { None };
        Ok(page.page(rows, next, total))
    }
}
