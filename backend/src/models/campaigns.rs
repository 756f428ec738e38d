//! Campaign and asset DTOs: requests, responses, list parameters.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::campaigns::{Asset, AssetKind, Campaign, CampaignInput, CampaignPatch, CampaignStatus};
use crate::domain::fields::DomainError;
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::llm_tools::tools::{EmailDraft, LandingPage, SocialPost};

/// Where a campaign stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatusDto {
    /// Being written.
    Draft,
    /// Waiting for `scheduled_at`.
    Scheduled,
    /// Sending.
    Running,
    /// Stopped for now.
    Paused,
    /// Done.
    Completed,
    /// Called off.
    Cancelled,
}

/// A channel.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChannelDto {
    /// Email to the segment.
    Email,
    /// Social posts.
    Social,
    /// A webhook call.
    Webhook,
}

/// What an asset is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssetKindDto {
    /// Email.
    Email,
    /// Social media post.
    SocialPost,
    /// Landing page.
    LandingPage,
}

/// A new campaign (always a draft).
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Spring Summit", "brief": "Invite our customers to the spring summit in Lisbon. We will show the new reporting and three clients share their stories.", "goal": "registrations", "channels": ["email", "social"]}))]
pub struct CreateCampaignRequest {
    /// Name.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<String>,
    /// What it is about; assets are written from it.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 10000)]
    pub brief: Option<String>,
    /// What a recipient should do.
    #[schema(max_length = 200)]
    pub goal: Option<String>,
    /// Channels (default `["email"]`).
    #[schema(value_type = Option<Vec<ChannelDto>>, nullable = false)]
    pub channels: Option<Vec<String>>,
    /// The audience.
    #[schema(format = Uuid)]
    pub segment_id: Option<String>,
    /// The event it invites to.
    #[schema(format = Uuid)]
    pub event_id: Option<String>,
    /// The landing page it links to.
    #[schema(format = Uuid)]
    pub landing_page_id: Option<String>,
    /// When it should start (RFC 3339).
    #[schema(format = DateTime)]
    pub scheduled_at: Option<String>,
    /// Only `draft`.
    #[schema(value_type = Option<CampaignStatusDto>, nullable = false)]
    pub status: Option<String>,
}

/// A partial update: omitted fields are unchanged, `null` clears; `status` moves the campaign
/// (`draft -> scheduled -> running -> completed`, `draft|scheduled -> cancelled`,
/// `running -> paused -> running`; other moves are 409). Content changes only while a draft.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"status": "scheduled", "scheduled_at": "2026-05-01T09:00:00Z"}))]
pub struct UpdateCampaignRequest {
    /// Name (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<Option<String>>,
    /// Brief (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 10000)]
    pub brief: Option<Option<String>>,
    /// Goal.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 200)]
    pub goal: Option<Option<String>>,
    /// Channels (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Vec<ChannelDto>>, nullable = false)]
    pub channels: Option<Option<Vec<String>>>,
    /// Audience.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub segment_id: Option<Option<String>>,
    /// Event.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub event_id: Option<Option<String>>,
    /// Landing page.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub landing_page_id: Option<Option<String>>,
    /// Start.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub scheduled_at: Option<Option<String>>,
    /// The status to move to.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<CampaignStatusDto>, nullable = false)]
    pub status: Option<Option<String>>,
}

impl TryFrom<CreateCampaignRequest> for CampaignPatch {
    type Error = DomainError;
    fn try_from(r: CreateCampaignRequest) -> Result<Self, Self::Error> {
        let not_draft = r.status.as_deref().and_then(CampaignStatus::parse).is_some_and(|s| s != CampaignStatus::Draft);
        let parsed = CampaignPatch::parse(CampaignInput {
            name: Some(r.name),
            brief: Some(r.brief),
            goal: Some(r.goal),
            channels: r.channels.map(Some),
            segment_id: Some(r.segment_id),
            event_id: Some(r.event_id),
            landing_page_id: Some(r.landing_page_id),
            scheduled_at: Some(r.scheduled_at),
            status: r.status.map(Some),
        });
        match (parsed, not_draft) {
            (Err(DomainError::Invalid(mut issues)), true) => {
                issues.push(crate::domain::fields::FieldIssue {
                    field: "status".into(),
                    message: crate::domain::campaigns::NEW_IS_DRAFT.into(),
                });
                Err(DomainError::Invalid(issues))
            }
            (parsed, _) => parsed,
        }
    }
}

impl TryFrom<UpdateCampaignRequest> for CampaignPatch {
    type Error = DomainError;
    fn try_from(r: UpdateCampaignRequest) -> Result<Self, Self::Error> {
        CampaignPatch::parse(CampaignInput {
            name: r.name,
            brief: r.brief,
            goal: r.goal,
            channels: r.channels,
            segment_id: r.segment_id,
            event_id: r.event_id,
            landing_page_id: r.landing_page_id,
            scheduled_at: r.scheduled_at,
            status: r.status,
        })
    }
}

/// A campaign.
#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignResponse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Brief.
    pub brief: String,
    /// Goal.
    pub goal: Option<String>,
    /// Channels.
    #[schema(value_type = Vec<ChannelDto>)]
    pub channels: Vec<String>,
    /// Audience.
    pub segment_id: Option<String>,
    /// Event.
    pub event_id: Option<String>,
    /// Landing page.
    pub landing_page_id: Option<String>,
    /// Start.
    pub scheduled_at: Option<String>,
    /// Status.
    #[schema(value_type = CampaignStatusDto)]
    pub status: String,
    /// The statuses it can move to now.
    #[schema(value_type = Vec<CampaignStatusDto>)]
    pub next_statuses: Vec<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Campaign> for CampaignResponse {
    fn from(c: Campaign) -> Self {
        Self {
            id: c.id,
            name: c.name,
            brief: c.brief,
            goal: c.goal,
            channels: c.channels.iter().map(|ch| ch.as_str().to_string()).collect(),
            segment_id: c.segment_id,
            event_id: c.event_id,
            landing_page_id: c.landing_page_id,
            scheduled_at: c.scheduled_at,
            status: c.status.as_str().to_string(),
            next_statuses: c.status.next().iter().map(|s| s.as_str().to_string()).collect(),
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

list_response!(CampaignList, CampaignResponse, "A page of campaigns, newest first.");

/// Newest first.
pub const CAMPAIGN_SORT: Sort = Sort { field: "created_at", desc: true };

/// Filters and page of the campaign list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListCampaignsParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// Only campaigns in this status.
    #[param(value_type = Option<CampaignStatusDto>, nullable = false)]
    pub status: Option<String>,
}

impl ListCampaignsParams {
    /// Parses every parameter.
    pub fn parse(self) -> Result<(Option<CampaignStatus>, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page =
            errors.page(self.limit.as_deref(), None, self.cursor.as_deref(), None, &["created_at"], CAMPAIGN_SORT);
        let status = errors.choice(
            "status",
            self.status.as_deref(),
            CampaignStatus::parse,
            "must be one of draft, scheduled, running, paused, completed, cancelled",
        );
        errors.finish((status, page))
    }
}

/// What to generate.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kinds": ["email", "social_post", "landing_page"]}))]
pub struct GenerateAssetsRequest {
    /// One asset is written per kind, in this order (1 to 10 kinds).
    #[schema(value_type = Vec<AssetKindDto>, required = true, min_items = 1, max_items = 10)]
    pub kinds: Option<Vec<String>>,
}

impl GenerateAssetsRequest {
    /// The kinds asked for.
    pub fn kinds(self) -> Result<Vec<AssetKind>, AppError> {
        let Some(raw) = self.kinds else {
            return Err(AppError::invalid_field("kinds", "is required (email, social_post, landing_page)"));
        };
        if raw.is_empty() || raw.len() > 10 {
            return Err(AppError::invalid_field("kinds", "must name 1 to 10 kinds"));
        }
        raw.iter()
            .enumerate()
            .map(|(i, k)| {
                AssetKind::parse(k).ok_or_else(|| {
                    AppError::invalid_field(&format!("kinds[{i}]"), "must be one of email, social_post, landing_page")
                })
            })
            .collect()
    }
}

/// An edit of an asset's content: the fields given replace the current ones (e.g.
/// `{"content": {"subject": "New subject"}}`); the result is checked like a generated asset.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"content": {"subject": "See you in Lisbon, {{first_name}}"}}))]
pub struct UpdateAssetRequest {
    /// Fields of the content to change.
    #[schema(value_type = Object, required = true)]
    pub content: Option<Value>,
}

/// An asset's content, by kind.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum AssetContentDto {
    /// `email`.
    Email(EmailDraft),
    /// `social_post`.
    SocialPost(SocialPost),
    /// `landing_page`.
    LandingPage(LandingPage),
}

/// An asset written for a campaign.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssetResponse {
    /// Id.
    pub id: String,
    /// The campaign.
    pub campaign_id: String,
    /// What it is.
    #[schema(value_type = AssetKindDto)]
    pub kind: String,
    /// Its content.
    pub content: AssetContentDto,
    /// `draft` or `approved`.
    #[schema(example = "draft")]
    pub status: String,
    /// Who wrote the first version: `offline` or `openai`.
    pub provider: String,
    /// The model.
    pub model: String,
    /// The LLM run that wrote it.
    pub llm_run_id: String,
    /// Who approved it.
    pub approved_by: Option<String>,
    /// When.
    pub approved_at: Option<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Asset> for AssetResponse {
    fn from(a: Asset) -> Self {
        use crate::domain::campaigns::AssetContent;
        Self {
            id: a.id,
            campaign_id: a.campaign_id,
            kind: a.kind.as_str().to_string(),
            content: match a.content {
                AssetContent::Email(e) => AssetContentDto::Email(e),
                AssetContent::SocialPost(p) => AssetContentDto::SocialPost(p),
                AssetContent::LandingPage(p) => AssetContentDto::LandingPage(p),
            },
            status: match a.status {
                crate::domain::campaigns::AssetStatus::Draft => "draft".into(),
                crate::domain::campaigns::AssetStatus::Approved => "approved".into(),
            },
            provider: a.provider,
            model: a.model,
            llm_run_id: a.llm_run_id,
            approved_by: a.approved_by,
            approved_at: a.approved_at,
            version: a.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

/// A campaign's assets.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssetList {
    /// Oldest first.
    pub data: Vec<AssetResponse>,
}

impl AssetList {
    /// The list of `assets`.
    pub fn new(assets: Vec<Asset>) -> Self {
        Self { data: assets.into_iter().map(Into::into).collect() }
    }
}
