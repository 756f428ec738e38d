//! Company use cases: create, read (now or as of a moment), update, delete, list.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::records::Store;
use super::Precondition;
use crate::db::{Feature, Migrations};
use crate::domain::companies::{Company, CompanyPatch, NewCompany};
use crate::domain::history::Origin;
use crate::domain::pagination::{Page, PageRequest};
use crate::error::AppResult;
use crate::repositories::companies::{CompanyQuery, CompanyRepository};

/// Company use cases.
#[derive(Clone)]
pub struct CompanyService {
    store: Store<Company>,
    companies: CompanyRepository,
    migrations: Migrations,
}

impl CompanyService {
    /// A service over its store.
    pub fn new(store: Store<Company>, companies: CompanyRepository, migrations: Migrations) -> Self {
        Self { store, companies, migrations }
    }

    /// Creates a company (version 1) with its `created` event.
    #[instrument(skip_all)]
    pub async fn create(&self, new: NewCompany, origin: &Origin) -> AppResult<Company> {
        self.store.create(origin, |id, ts| Ok(Company::create(id, new, ts))).await
    }

    /// The company now; 404 when it does not exist.
    pub async fn get(&self, id: &str) -> AppResult<Company> {
        self.store.get(id).await
    }

    /// The company as it was at `at`, rebuilt from its events.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Company> {
        self.store.get_as_of(id, at).await
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
        self.store.update(id, pre, origin, |c, ts| Ok((c.apply(patch.clone(), ts), None))).await
    }

    /// Deletes a company; refused with 409 while contacts, open deals or open cases reference it.
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store.delete(id, pre, origin).await
    }

    /// One page of companies matching `query`.
    pub async fn list(&self, query: &CompanyQuery, page: &PageRequest) -> AppResult<Page<Company>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) =
            self.companies.list(query, page.sort, page.after.clone(), page.limit, page.visible.as_ref()).await?;
        let total = if page.count { Some(self.companies.count(query, page.visible.as_ref()).await?) } else { None };
        Ok(page.page(rows, next, total))
    }

    /// Every company `query` selects, in `sort` order, read from one snapshot of the database a
    /// page at a time (an export); of the rows `visible` holds, when given. Parameters and
    /// migrations are checked first.
    pub async fn export_list(
        &self,
        query: CompanyQuery,
        sort: crate::domain::pagination::Sort,
        visible: Option<crate::domain::security::Visible>,
    ) -> AppResult<impl futures::Stream<Item = AppResult<Vec<Company>>> + Send> {
        self.list(&query, &PageRequest { limit: 1, sort, after: None, count: false, visible: None }).await?;
        let page = move |repo: CompanyRepository, (query, visible): (CompanyQuery, Option<_>), after| async move {
            repo.list(&query, sort, after, crate::services::exports::EXPORT_PAGE, visible.as_ref()).await
        };
        crate::services::exports::snapshot_pages(self.companies.db(), CompanyRepository::new, (query, visible), page)
            .await
    }
}
