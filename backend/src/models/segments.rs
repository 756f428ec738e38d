//! Segment DTOs: create and patch requests, the response, preview, list parameters.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::contacts::ContactResponse;
use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::repositories::segments::Segment;
use crate::services::segments::{Preview, SegmentInput};

/// A filter tree: `{"and": [node, ...]}`, `{"or": [node, ...]}`, `{"not": node}`, or a condition
/// `{"field", "op", "value"}`. Fields: contact fields (`status`, `tags`, `email`, `email_domain`,
/// `first_name`, `last_name`, `title`, `phone`, `source`, `company_id`, `created_at`,
/// `updated_at`, `score`), `company.<name|domain|industry|size|website>`, and
/// `activity.<note|call|meeting|email|rsvp|form>` (with `within_last` / `not_within_last`).
/// Ops: `eq, neq, in, not_in, contains, starts_with, gt, gte, lt, lte, exists, within_last,
/// not_within_last`; durations such as `"30d"`, `"12h"`, `"15m"`, `"2w"`.
pub struct FilterDto;

impl utoipa::PartialSchema for FilterDto {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .additional_properties(Some(AdditionalProperties::<utoipa::openapi::schema::Schema>::FreeForm(true)))
            .description(Some(
                "A filter tree: {\"and\": [...]}, {\"or\": [...]}, {\"not\": {...}} or {\"field\", \"op\", \"value\"}",
            ))
            .examples([serde_json::json!({"and": [
                {"field": "status", "op": "in", "value": ["lead", "mql"]},
                {"field": "activity.call", "op": "within_last", "value": "30d"}
            ]})])
            .into()
    }
}

impl ToSchema for FilterDto {}

/// A new segment.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Warm leads", "filter": {"and": [{"field": "status", "op": "eq", "value": "lead"}, {"field": "tags", "op": "contains", "value": "vip"}]}}))]
pub struct CreateSegmentRequest {
    /// Name.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<String>,
    /// Description.
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// The filter.
    #[schema(value_type = FilterDto, required = true)]
    pub filter: Option<Value>,
}

/// A partial update: omitted fields are unchanged, `null` clears the description.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Warm leads (EU)"}))]
pub struct UpdateSegmentRequest {
    /// Name (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<Option<String>>,
    /// Description.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub description: Option<Option<String>>,
    /// The filter (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<FilterDto>, nullable = false)]
    pub filter: Option<Option<Value>>,
}

/// An unsaved filter to preview.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    /// The filter.
    #[schema(value_type = FilterDto, required = true)]
    pub filter: Option<Value>,
}

/// A segment.
#[derive(Debug, Serialize, ToSchema)]
pub struct SegmentResponse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// The filter.
    #[schema(value_type = FilterDto)]
    pub filter: Value,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Segment> for SegmentResponse {
    fn from(s: Segment) -> Self {
        Self {
            id: s.id,
            name: s.name,
            description: s.description,
            filter: s.filter,
            version: s.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

list_response!(SegmentList, SegmentResponse, "A page of segments, newest first.");

/// How many contacts a filter selects now, and the newest of them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PreviewResponse {
    /// Matching contacts; null for a member or viewer when contacts are private (a count over
    /// contacts they may not see would tell how many there are).
    pub count: Option<u64>,
    /// The first 10, newest first.
    pub sample: Vec<ContactResponse>,
}

impl From<Preview> for PreviewResponse {
    fn from(p: Preview) -> Self {
        Self { count: Some(p.count), sample: p.sample.into_iter().map(Into::into).collect() }
    }
}

impl From<CreateSegmentRequest> for SegmentInput {
    fn from(r: CreateSegmentRequest) -> Self {
        SegmentInput { name: Some(r.name), description: Some(r.description), filter: Some(r.filter) }
    }
}

impl From<UpdateSegmentRequest> for SegmentInput {
    fn from(r: UpdateSegmentRequest) -> Self {
        SegmentInput { name: r.name, description: r.description, filter: r.filter }
    }
}

/// Newest first.
pub const SEGMENT_SORT: Sort = Sort { field: "created_at", desc: true };

/// Page of a list of segments or of a segment's contacts.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SegmentPageParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `true` adds `total` (a segment's contacts only).
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
}

impl SegmentPageParams {
    /// Parses the page.
    pub fn parse(self) -> Result<PageRequest, AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            None,
            self.cursor.as_deref(),
            self.count.as_deref(),
            &["created_at"],
            SEGMENT_SORT,
        );
        errors.finish(page)
    }
}
