//! Deal use cases: create, read (now or as of a moment), change stage and fields, delete,
//! list, and the pipeline summary.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::records::Store;
use super::Precondition;
use crate::db::{Feature, Migrations};
use crate::domain::deals::{Deal, DealPatch, Stage};
use crate::domain::history::Origin;
use crate::domain::money::totals_text;
use crate::domain::pagination::{Page, PageRequest};
use crate::error::AppResult;
use crate::repositories::deals::{DealQuery, DealRepository, StageTotals};

/// One stage of the pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct StageSummary {
    /// Stage.
    pub stage: Stage,
    /// Deals in it.
    pub count: i64,
    /// Sum of amounts by currency (decimal text).
    pub amount: std::collections::BTreeMap<String, String>,
    /// Sum of amount x probability by currency (decimal text, rounded to cents).
    pub weighted: std::collections::BTreeMap<String, String>,
}

/// The pipeline: every stage in order, the win rate and the average days to close.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    /// Stages in pipeline order.
    pub stages: Vec<StageSummary>,
    /// Won / (won + lost), when any deal closed.
    pub win_rate: Option<f64>,
    /// Mean days from creation to close of closed deals.
    pub avg_days_to_close: Option<f64>,
}

/// Deal use cases.
#[derive(Clone)]
pub struct DealService {
    store: Store<Deal>,
    deals: DealRepository,
    default_currency: String,
    migrations: Migrations,
}

impl DealService {
    /// A service over its store.
    pub fn new(store: Store<Deal>, deals: DealRepository, default_currency: String, migrations: Migrations) -> Self {
        Self { store, deals, default_currency, migrations }
    }

    /// Creates a deal; without an owner it is the caller's (`owner`, a user id, if any).
    #[instrument(skip_all)]
    pub async fn create(&self, mut patch: DealPatch, owner: Option<String>, origin: &Origin) -> AppResult<Deal> {
        if patch.owner_id.is_none() {
            patch.owner_id = Some(owner);
        }
        self.store.create(origin, |id, ts| Ok(Deal::create(id, patch, &self.default_currency, ts)?)).await
    }

    /// The deal now.
    pub async fn get(&self, id: &str) -> AppResult<Deal> {
        self.store.get(id).await
    }

    /// The deal as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Deal> {
        self.store.get_as_of(id, at).await
    }

    /// Applies a change (fields, stage moves, closing, reopening) under an optional `If-Match`.
    #[instrument(skip_all)]
    pub async fn update(&self, id: &str, patch: DealPatch, pre: Precondition, origin: &Origin) -> AppResult<Deal> {
        self.store
            .update(id, pre, origin, |current, ts| {
                let next = current.apply(patch.clone(), ts)?;
                let kind = current.change_kind(&next);
                Ok((next, Some(kind)))
            })
            .await
    }

    /// Deletes a deal.
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store.delete(id, pre, origin).await
    }

    /// One page of deals.
    pub async fn list(&self, query: &DealQuery, page: &PageRequest) -> AppResult<Page<Deal>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) =
            self.deals.list(query, page.sort, page.after.clone(), page.limit, page.visible.as_ref()).await?;
        let total = if page.count { Some(self.deals.count(query, page.visible.as_ref()).await?) } else { None };
        Ok(page.page(rows, next, total))
    }

    /// Every deal `query` selects, in `sort` order, read from one snapshot of the database a
    /// page at a time (an export); of the rows `visible` holds, when given. Parameters and
    /// migrations are checked first.
    pub async fn export_list(
        &self,
        query: DealQuery,
        sort: crate::domain::pagination::Sort,
        visible: Option<crate::domain::security::Visible>,
    ) -> AppResult<impl futures::Stream<Item = AppResult<Vec<Deal>>> + Send> {
        self.list(&query, &PageRequest { limit: 1, sort, after: None, count: false, visible: None }).await?;
        let page = move |repo: DealRepository, (query, visible): (DealQuery, Option<_>), after| async move {
            repo.list(&query, sort, after, crate::services::exports::EXPORT_PAGE, visible.as_ref()).await
        };
        crate::services::exports::snapshot_pages(self.deals.db(), DealRepository::new, (query, visible), page).await
    }

    /// The pipeline summary (filters: owner, expected close range).
    pub async fn pipeline(&self, query: &DealQuery) -> AppResult<Pipeline> {
        let totals = self.deals.totals(query).await?;
        Ok(summarise(&totals))
    }
}

/// The pipeline of some totals.
pub fn summarise(totals: &crate::repositories::deals::Totals) -> Pipeline {
    let empty = std::collections::BTreeMap::new();
    let stages = Stage::ALL
        .iter()
        .map(|stage| {
            let by_currency = totals.get(stage).unwrap_or(&empty);
            let sum = |f: fn(&StageTotals) -> i128| {
                by_currency.iter().map(|(c, t)| (c.clone(), f(t))).collect::<std::collections::BTreeMap<_, _>>()
            };
            StageSummary {
                stage: *stage,
                count: by_currency.values().map(|t| t.count).sum(),
                amount: totals_text(&sum(|t| t.amount), false),
                weighted: totals_text(&sum(|t| t.weighted), true),
            }
        })
        .collect();
    let closed = |stage: Stage| {
        totals.get(&stage).map(|m| m.values().fold((0i64, 0i128), |(n, s), t| (n + t.count, s + t.close_secs)))
    };
    let (won, won_secs) = closed(Stage::Won).unwrap_or_default();
    let (lost, lost_secs) = closed(Stage::Lost).unwrap_or_default();
    let closed_count = won + lost;
    let (win_rate, avg_days_to_close) = if closed_count > 0 {
        let rate = won as f64 / closed_count as f64;
        let days = (won_secs + lost_secs) as f64 / closed_count as f64 / 86_400.0;
        (Some((rate * 10_000.0).round() / 10_000.0), Some((days * 10.0).round() / 10.0))
    } else {
        (None, None)
    };
    Pipeline { stages, win_rate, avg_days_to_close }
}
