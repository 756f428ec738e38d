//! Landing page DTOs: generate, create and patch requests, the page, list parameters, analytics.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::fields::DomainError;
use crate::domain::landing_pages::{Page, PageInput, PagePatch, PageStatus};
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::llm_tools::tools::Section;

/// Where a page stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PageStatusDto {
    /// Not served.
    Draft,
    /// Served at `/lp/{slug}`.
    Published,
}

/// A page written by the landing page tool from a brief.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "Cloud cost workshop", "brief": "Invite CFOs to our cloud cost workshop in Paris.", "fields": ["first_name", "last_name", "company"]}))]
pub struct GenerateLandingPageRequest {
    /// Title (default: the one the writer proposes).
    #[schema(max_length = 200)]
    pub title: Option<String>,
    /// What the page is for, in your words.
    #[schema(required = true, nullable = false, max_length = 4000)]
    pub brief: Option<String>,
    /// The campaign its leads are attributed to.
    #[schema(format = Uuid)]
    pub campaign_id: Option<String>,
    /// The event a submission registers for.
    #[schema(format = Uuid)]
    pub event_id: Option<String>,
    /// The form's inputs besides `email`: `first_name`, `last_name`, `company`, `phone`, `title`.
    pub fields: Option<Vec<String>>,
    /// Readable address (default: from the title).
    #[schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80)]
    pub slug: Option<String>,
    /// Double opt-in: a ticked consent box is recorded only once the visitor follows the link
    /// emailed to them (default false).
    pub double_opt_in: Option<bool>,
}

impl GenerateLandingPageRequest {
    /// The brief and the page's other fields, checked.
    pub fn parse(self) -> Result<(String, PagePatch), AppError> {
        let brief = self.brief.map(|b| b.trim().to_string()).filter(|b| !b.is_empty());
        let patch = PagePatch::parse(PageInput {
            title: self.title.map(Some),
            slug: self.slug.map(Some),
            fields: self.fields,
            campaign_id: Some(self.campaign_id),
            event_id: Some(self.event_id),
            double_opt_in: self.double_opt_in,
            ..Default::default()
        })
        .map_err(AppError::from);
        match (brief, patch) {
            (Some(b), Ok(p)) => Ok((b, p)),
            (None, Ok(_)) => Err(AppError::invalid_field("brief", "is required")),
            (_, Err(e)) => Err(e),
        }
    }
}

/// A page written by hand.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLandingPageRequest {
    /// Title.
    #[schema(required = true, nullable = false, max_length = 200)]
    pub title: Option<String>,
    /// Readable address (default: from the title).
    #[schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80)]
    pub slug: Option<String>,
    /// Sections, top to bottom.
    pub sections: Option<Vec<Section>>,
    /// The form's inputs besides `email`.
    pub fields: Option<Vec<String>>,
    /// The consent checkbox's wording.
    #[schema(max_length = 1000)]
    pub consent_text: Option<String>,
    /// The campaign its leads are attributed to.
    #[schema(format = Uuid)]
    pub campaign_id: Option<String>,
    /// The event a submission registers for.
    #[schema(format = Uuid)]
    pub event_id: Option<String>,
    /// A path of this site to send visitors to after submitting.
    #[schema(max_length = 500)]
    pub redirect_url: Option<String>,
    /// Double opt-in: a ticked consent box is recorded only once the visitor follows the link
    /// emailed to them (default false).
    pub double_opt_in: Option<bool>,
}

impl TryFrom<CreateLandingPageRequest> for PagePatch {
    type Error = DomainError;
    fn try_from(r: CreateLandingPageRequest) -> Result<Self, Self::Error> {
        PagePatch::parse(PageInput {
            title: Some(r.title),
            slug: r.slug.map(Some),
            sections: r.sections,
            fields: r.fields,
            consent_text: r.consent_text.map(Some),
            campaign_id: Some(r.campaign_id),
            event_id: Some(r.event_id),
            redirect_url: Some(r.redirect_url),
            double_opt_in: r.double_opt_in,
        })
    }
}

/// A partial update: omitted fields are unchanged, `null` clears the optional ones.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateLandingPageRequest {
    /// Title.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, max_length = 200)]
    pub title: Option<Option<String>>,
    /// Slug.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")]
    pub slug: Option<Option<String>>,
    /// Sections.
    pub sections: Option<Vec<Section>>,
    /// Form inputs.
    pub fields: Option<Vec<String>>,
    /// Consent wording.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, max_length = 1000)]
    pub consent_text: Option<Option<String>>,
    /// Campaign.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub campaign_id: Option<Option<String>>,
    /// Event.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub event_id: Option<Option<String>>,
    /// Redirect.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 500)]
    pub redirect_url: Option<Option<String>>,
    /// Double opt-in.
    pub double_opt_in: Option<bool>,
}

impl TryFrom<UpdateLandingPageRequest> for PagePatch {
    type Error = DomainError;
    fn try_from(r: UpdateLandingPageRequest) -> Result<Self, Self::Error> {
        PagePatch::parse(PageInput {
            title: r.title,
            slug: r.slug,
            sections: r.sections,
            fields: r.fields,
            consent_text: r.consent_text,
            campaign_id: r.campaign_id,
            event_id: r.event_id,
            redirect_url: r.redirect_url,
            double_opt_in: r.double_opt_in,
        })
    }
}

/// A landing page.
#[derive(Debug, Serialize, ToSchema)]
pub struct LandingPageResponse {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Readable address: `/lp/{slug}`.
    pub slug: String,
    /// Where it is served once published.
    pub url: String,
    /// Sections.
    pub sections: Vec<Section>,
    /// Form inputs (`email` first).
    pub fields: Vec<String>,
    /// Consent wording.
    pub consent_text: String,
    /// Campaign.
    pub campaign_id: Option<String>,
    /// Event.
    pub event_id: Option<String>,
    /// Redirect after submitting.
    pub redirect_url: Option<String>,
    /// Double opt-in: consent is recorded when the visitor follows the emailed link.
    pub double_opt_in: bool,
    /// Draft or published.
    #[schema(value_type = PageStatusDto)]
    pub status: PageStatus,
    /// When it was last published.
    pub published_at: Option<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Page> for LandingPageResponse {
    fn from(p: Page) -> Self {
        Self {
            url: format!("/lp/{}", p.slug),
            id: p.id,
            title: p.title,
            slug: p.slug,
            sections: p.sections,
            fields: p.fields,
            consent_text: p.consent_text,
            campaign_id: p.campaign_id,
            event_id: p.event_id,
            redirect_url: p.redirect_url,
            double_opt_in: p.double_opt_in,
            status: p.status,
            published_at: p.published_at,
            version: p.version,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

list_response!(LandingPageList, LandingPageResponse, "A page of landing pages.");

/// Filters and position of the list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListLandingPagesParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `draft` or `published`.
    #[param(value_type = Option<PageStatusDto>, nullable = false)]
    pub status: Option<String>,
}

impl ListLandingPagesParams {
    /// Parses every parameter.
    pub fn parse(self) -> Result<(Option<PageStatus>, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let status = errors.choice(
            "status",
            self.status.as_deref(),
            |s| match s {
                "draft" => Some(PageStatus::Draft),
                "published" => Some(PageStatus::Published),
                _ => None,
            },
            "must be draft or published",
        );
        let page = errors.page(
            self.limit.as_deref(),
            None,
            self.cursor.as_deref(),
            None,
            &["created_at"],
            Sort { field: "created_at", desc: true },
        );
        errors.finish((status, page))
    }
}

/// One day of a page, or one UTM source.
#[derive(Debug, Default, Clone, Serialize, ToSchema)]
pub struct LandingPageFigures {
    /// The day (`YYYY-MM-DD`) or the UTM source (`""`: none).
    pub key: String,
    /// Page views.
    pub views: u64,
    /// Distinct visitors (per day).
    pub visitors: u64,
    /// Forms submitted.
    pub submissions: u64,
}

/// A page's audience and results over a range of days.
#[derive(Debug, Serialize, ToSchema)]
pub struct LandingPageAnalytics {
    /// First day counted.
    pub from: String,
    /// Last day counted.
    pub to: String,
    /// Page views.
    pub views: u64,
    /// Distinct visitors (summed over days).
    pub unique_visitors: u64,
    /// Forms submitted.
    pub submissions: u64,
    /// Submissions per distinct visitor (0 without visitors).
    pub conversion_rate: f64,
    /// Per day, oldest first.
    pub by_day: Vec<LandingPageFigures>,
    /// Per UTM source.
    pub by_source: Vec<LandingPageFigures>,
}
