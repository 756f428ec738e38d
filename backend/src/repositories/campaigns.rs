//! Campaign and asset storage: rows with the status filter and the newest-first order; a
//! campaign's assets in the order they were written.

use serde_json::{json, Map, Value};

use super::records::{self, Guard, ListQuery, Stored};
use super::{encode_row, RepoResult};
use crate::db::Db;
use crate::domain::campaigns::{Asset, Campaign, CampaignStatus};

/// Table of campaigns.
pub const TABLE: &str = "campaign";
/// Table of assets.
pub const ASSET_TABLE: &str = "campaign_asset";

/// Most assets a campaign may hold (generated and kept); listing them is one page.
pub const MAX_ASSETS: usize = 200;

/// The filter combinations a campaign matches: `st=` status.
fn facets(campaign: &Campaign) -> Vec<String> {
    vec![format!("st={}", campaign.status.as_str())]
}

impl Stored for Campaign {
    const TABLE: &'static str = TABLE;
    const NOUN: &'static str = "campaign";

    records::identity_fields!();

    fn row(&self) -> Value {
        let mut row = encode_row(self);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(records::LIST_PART));
            map.insert("facets".into(), json!(facets(self)));
        }
        records::add_descending_keys(&mut row, &["key"]);
        row
    }

    fn title(&self) -> String {
        self.name.clone()
    }

    fn guards(&self) -> Vec<Guard> {
        self.segment_id
            .iter()
            .map(|id| Guard::Exists { table: "segment", id: id.clone(), field: "segment_id" })
            .collect()
    }
}

impl Stored for Asset {
    const TABLE: &'static str = ASSET_TABLE;
    const NOUN: &'static str = "asset";

    records::identity_fields!();

    fn row(&self) -> Value {
        encode_row(self)
    }

    fn title(&self) -> String {
        self.kind.as_str().to_string()
    }

    fn guards(&self) -> Vec<Guard> {
        vec![Guard::Exists { table: TABLE, id: self.campaign_id.clone(), field: "campaign_id" }]
    }
}

/// Campaign persistence.
#[derive(Clone)]
pub struct CampaignRepository {
    db: Db,
}

impl CampaignRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    fn list_query(&self, status: Option<CampaignStatus>, after: Option<String>, limit: usize) -> ListQuery {
        ListQuery::newest_first(TABLE, after, limit).with_facet(status.map(|s| format!("st={}", s.as_str())))
    }

    /// Campaigns, newest first, with one status or all.
    pub async fn list(
        &self,
        status: Option<CampaignStatus>,
        after: Option<String>,
        limit: usize,
    ) -> RepoResult<(Vec<Campaign>, Option<String>)> {
        self.list_query(status, after, limit).page(&self.db).await
    }

    /// The plan of a page (tests assert the index that drives it).
    pub async fn explain_list(&self, status: Option<CampaignStatus>) -> RepoResult<Value> {
        self.list_query(status, None, 50).explain(&self.db).await
    }

    /// The campaign's assets, oldest first (at most [`MAX_ASSETS`]).
    pub async fn assets(&self, campaign_id: &str) -> RepoResult<Vec<Asset>> {
        let mut vars = Map::new();
        vars.insert("campaign_id".into(), json!(campaign_id));
        let query = ListQuery {
            compiled: None,
            table: ASSET_TABLE,
            conditions: vec!["campaign_id = $campaign_id"],
            vars,
            sort_column: "key",
            desc: false,
            after: None,
            limit: MAX_ASSETS,
            filtered: true,
        };
        Ok(query.page(&self.db).await?.0)
    }
}
