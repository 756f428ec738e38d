//! Campaign use cases: the record with its status machine, its assets written by the LLM
//! tools, edited and approved by people; a campaign is scheduled only with an approved asset
//! for each of its channels.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::llm::{writing, LlmService};
use super::records::Store;
use super::Precondition;
use crate::db::{Feature, Migrations};
use crate::domain::campaigns::{
    transition, unapproved, Asset, AssetContent, AssetKind, AssetStatus, Campaign, CampaignInput, CampaignPatch,
    CampaignStatus,
};
use crate::domain::history::Origin;
use crate::domain::pagination::{Page, PageRequest};
use crate::error::{AppError, AppResult};
use crate::llm_tools::{Job, Output, Partial};
use crate::repositories::campaigns::{CampaignRepository, MAX_ASSETS};

/// Campaign use cases.
#[derive(Clone)]
pub struct CampaignService {
    store: Store<Campaign>,
    assets: Store<Asset>,
    campaigns: CampaignRepository,
    llm: LlmService,
    migrations: Migrations,
}

fn not_editable(status: CampaignStatus) -> AppError {
    AppError::conflict(
        "campaign_not_editable",
        format!("the campaign is {}; only a draft's content and assets can change", status.as_str()),
    )
}

impl CampaignService {
    /// A service over its stores.
    pub fn new(
        store: Store<Campaign>,
        assets: Store<Asset>,
        campaigns: CampaignRepository,
        llm: LlmService,
        migrations: Migrations,
    ) -> Self {
        Self { store, assets, campaigns, llm, migrations }
    }

    /// The writer in use: `(provider, model)`.
    pub fn provider(&self) -> (&'static str, String) {
        self.llm.provider()
    }

    /// Creates a draft.
    #[instrument(skip_all)]
    pub async fn create(&self, patch: CampaignPatch, origin: &Origin) -> AppResult<Campaign> {
        self.store.create(origin, |id, ts| Ok(Campaign::new(id, patch, ts)?)).await
    }

    /// The campaign now.
    pub async fn get(&self, id: &str) -> AppResult<Campaign> {
        self.store.get(id).await
    }

    /// The campaign as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Campaign> {
        self.store.get_as_of(id, at).await
    }

    /// Changes fields and moves the status: content only while a draft; a move the machine
    /// forbids is a 409 with its code; scheduling needs an approved asset per channel.
    #[instrument(skip_all)]
    pub async fn update(
        &self,
        id: &str,
        patch: CampaignPatch,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Campaign> {
        let assets = match patch.status {
            Some(CampaignStatus::Scheduled) => self.campaigns.assets(id).await?,
            _ => Vec::new(),
        };
        self.store
            .update(id, pre, origin, |c, ts| {
                if patch.changes_content() && !c.status.editable() {
                    return Err(not_editable(c.status));
                }
                let next = c.apply(patch.clone(), ts);
                let kind = match patch.status.filter(|s| *s != c.status) {
                    None => None,
                    Some(to) => {
                        transition(c.status, to).map_err(|code| {
                            AppError::conflict(
                                code,
                                format!(
                                    "a {} campaign cannot become {}; it can become: {}",
                                    c.status.as_str(),
                                    to.as_str(),
                                    allowed(c.status)
                                ),
                            )
                        })?;
                        if to == CampaignStatus::Scheduled {
                            let missing = unapproved(&next.required_assets(), &assets);
                            if !missing.is_empty() {
                                let kinds: Vec<&str> = missing.iter().map(|k| k.as_str()).collect();
                                return Err(AppError::conflict(
                                    "assets_not_approved",
                                    format!(
                                        "approve an asset of each kind its channels need first: {}",
                                        kinds.join(", ")
                                    ),
                                ));
                            }
                        }
                        Some(to.as_str())
                    }
                };
                Ok((next, kind))
            })
            .await
    }

    /// Plans a draft to start by itself at `at` (RFC 3339; it becomes `scheduled`), or with
    /// `None` clears a draft's planned start: the change a `PATCH` of `scheduled_at` and `status`
    /// makes, under the same rules (a scheduled campaign is not moved: it runs or is cancelled).
    pub async fn schedule(&self, id: &str, at: Option<String>, origin: &Origin) -> AppResult<Campaign> {
        let input = match at {
            Some(at) => CampaignInput {
                scheduled_at: Some(Some(at)),
                status: Some(Some("scheduled".into())),
                ..Default::default()
            },
            None => CampaignInput { scheduled_at: Some(None), ..Default::default() },
        };
        self.update(id, CampaignPatch::parse(input)?, Precondition::None, origin).await
    }

    /// Moves the campaign's status to `to` (the machine's rules and the asset check apply).
    pub async fn move_to(&self, id: &str, to: CampaignStatus, origin: &Origin) -> AppResult<Campaign> {
        let mut patch = CampaignPatch::default();
        patch.status = Some(to);
        self.update(id, patch, Precondition::None, origin).await
    }

    /// Deletes a campaign that is not under way (draft, completed or cancelled).
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store
            .change(id, pre, origin, |c, _| match c.status {
                CampaignStatus::Scheduled | CampaignStatus::Running | CampaignStatus::Paused => {
                    Err(AppError::conflict(
                        "campaign_active",
                        format!("the campaign is {}; cancel or complete it first", c.status.as_str()),
                    ))
                }
                _ => Ok(None),
            })
            .await
            .map(|_| ())
    }

    /// One page of campaigns, newest first.
    pub async fn list(&self, status: Option<CampaignStatus>, page: &PageRequest) -> AppResult<Page<Campaign>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) = self.campaigns.list(status, page.after.clone(), page.limit).await?;
        Ok(page.page(rows, next, None))
    }

    /// The database's plan of a page of the list (tests assert the index that drives it).
    pub async fn explain_list(&self, status: Option<CampaignStatus>) -> AppResult<serde_json::Value> {
        Ok(self.campaigns.explain_list(status).await?)
    }

    /// The campaign's assets, oldest first.
    pub async fn assets(&self, campaign_id: &str) -> AppResult<Vec<Asset>> {
        self.get(campaign_id).await?;
        Ok(self.campaigns.assets(campaign_id).await?)
    }

    /// One asset of the campaign.
    pub async fn asset(&self, campaign_id: &str, asset_id: &str) -> AppResult<Asset> {
        let asset = self.assets.get(asset_id).await?;
        if asset.campaign_id != campaign_id {
            return Err(AppError::not_found("asset", asset_id));
        }
        Ok(asset)
    }

    /// The job that writes an asset of `kind` for the campaign.
    fn job(campaign: &Campaign, kind: AssetKind) -> AppResult<Job> {
        let w = writing(campaign.brief.clone(), Some(campaign.name.clone()), campaign.goal.clone(), None, None)?;
        Ok(match kind {
            AssetKind::Email => Job::Email(w),
            AssetKind::SocialPost => Job::Social(w),
            AssetKind::LandingPage => Job::LandingPage(w),
        })
    }

    /// Writes one draft asset per kind (in order) from the campaign's brief and stores them
    /// all at once; `partial` gets `(kind, piece)` as the text is written.
    #[instrument(skip_all)]
    pub async fn generate(
        &self,
        campaign_id: &str,
        kinds: &[AssetKind],
        origin: &Origin,
        partial: Option<&(dyn Fn(AssetKind, String) + Send + Sync)>,
    ) -> AppResult<Vec<Asset>> {
        let campaign = self.draft(campaign_id).await?;
        let held = self.campaigns.assets(campaign_id).await?.len();
        if held + kinds.len() > MAX_ASSETS {
            return Err(AppError::conflict(
                "too_many_assets",
                format!("a campaign keeps at most {MAX_ASSETS} assets; it has {held}"),
            ));
        }
        let mut written = Vec::with_capacity(kinds.len());
        for &kind in kinds {
            let job = Self::job(&campaign, kind)?;
            let tagged = move |piece: String| {
                if let Some(out) = partial {
                    out(kind, piece);
                }
            };
            let run = self.llm.run(&job, &origin.actor, partial.map(|_| &tagged as &Partial<'_>)).await?;
            let content = match run.output {
                Output::Email(e) => AssetContent::Email(e),
                Output::Social(p) => AssetContent::SocialPost(p),
                Output::LandingPage(p) => AssetContent::LandingPage(p),
                Output::Briefing(_) => return Err(AppError::Internal("a campaign asset job wrote a briefing".into())),
            };
            let at = crate::domain::ids::now();
            let ts = crate::domain::ids::format_ts(at);
            written.push(Asset {
                id: crate::domain::ids::new_id(at),
                campaign_id: campaign.id.clone(),
                kind,
                content,
                status: AssetStatus::Draft,
                provider: run.provider,
                model: run.model,
                llm_run_id: run.llm_run_id,
                approved_by: None,
                approved_at: None,
                version: 1,
                created_at: ts.clone(),
                updated_at: ts,
            });
        }
        // Every draft is written first, then all are stored together: a failure on the way
        // (the model unavailable for the third) leaves no partial set behind.
        self.assets.create_all(origin, &written).await?;
        Ok(written)
    }

    /// The campaign, if it is a draft (409 `campaign_not_editable` otherwise).
    pub async fn draft(&self, campaign_id: &str) -> AppResult<Campaign> {
        let campaign = self.get(campaign_id).await?;
        if !campaign.status.editable() {
            return Err(not_editable(campaign.status));
        }
        Ok(campaign)
    }

    /// Edits an asset's content (a new version, a draft again when it changed).
    #[instrument(skip_all)]
    pub async fn edit_asset(
        &self,
        campaign_id: &str,
        asset_id: &str,
        content: serde_json::Value,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Asset> {
        self.asset(campaign_id, asset_id).await?;
        self.draft(campaign_id).await?;
        self.assets.update(asset_id, pre, origin, |a, ts| Ok((a.edit(content.clone(), ts)?, None))).await
    }

    /// Approves an asset as it is (an approved one is answered as it is).
    #[instrument(skip_all)]
    pub async fn approve_asset(
        &self,
        campaign_id: &str,
        asset_id: &str,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Asset> {
        self.asset(campaign_id, asset_id).await?;
        self.draft(campaign_id).await?;
        self.assets
            .update(asset_id, pre, origin, |a, ts| match a.approve(&origin.actor, ts) {
                Some(next) => Ok((next, Some("approved"))),
                None => Ok((a.clone(), None)),
            })
            .await
    }
}

/// The statuses a campaign in `status` can move to, for messages.
fn allowed(status: CampaignStatus) -> String {
    let next: Vec<&str> = status.next().iter().map(|s| s.as_str()).collect();
    if next.is_empty() {
        "nothing (it is finished)".into()
    } else {
        next.join(", ")
    }
}
