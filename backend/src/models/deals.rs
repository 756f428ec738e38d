//! Deal DTOs: create and patch requests, the response, list and pipeline parameters, the pipeline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::contacts::parse_q;
use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::deals::{Deal, DealInput, DealPatch, Stage};
use crate::domain::fields::DomainError;
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::repositories::deals::DealQuery;
use crate::services::deals::Pipeline;

/// An amount: a JSON number or a decimal string, at most 2 decimal places, not negative
/// (schema only; requests carry it as JSON and `domain::money` reads it exactly).
pub struct AmountDto;

impl utoipa::PartialSchema for AmountDto {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Number).minimum(Some(0)).maximum(Some(999_999_999.99)))
            .item(ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[0-9]{1,9}(\\.[0-9]{1,2})?$")))
            .description(Some("A number or decimal string with at most 2 decimals, such as \"1250.50\""))
            .into()
    }
}

impl ToSchema for AmountDto {}

/// A deal's stage.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StageDto {
    /// Open.
    Qualification,
    /// Open.
    Proposal,
    /// Open.
    Negotiation,
    /// Closed, won.
    Won,
    /// Closed, lost (needs `lost_reason`).
    Lost,
}

/// A new deal. Only `name` is required.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Website relaunch", "amount": "48000.00", "currency": "EUR", "stage": "proposal", "expected_close": "2026-03-31"}))]
pub struct CreateDealRequest {
    /// Name.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<String>,
    /// The customer company.
    #[schema(format = Uuid)]
    pub company_id: Option<String>,
    /// Contacts involved (each must exist).
    pub contact_ids: Option<Vec<String>>,
    /// Value: a number or decimal string with at most 2 decimals (`"1250.50"`).
    #[schema(value_type = Option<AmountDto>)]
    pub amount: Option<serde_json::Value>,
    /// ISO 4217 code; default `crm.default_currency` (EUR).
    #[schema(pattern = "^[A-Za-z]{3}$")]
    pub currency: Option<String>,
    /// Stage (default `qualification`).
    #[schema(value_type = Option<StageDto>)]
    pub stage: Option<String>,
    /// Chance of winning, 0-100; default per stage (10, 40, 70; won 100, lost 0).
    #[schema(minimum = 0, maximum = 100)]
    pub probability: Option<i64>,
    /// Expected close date, `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub expected_close: Option<String>,
    /// Owner (a user id); default the signed-in caller.
    #[schema(format = Uuid)]
    pub owner_id: Option<String>,
    /// Why it was lost (required with stage `lost`).
    #[schema(max_length = 2000)]
    pub lost_reason: Option<String>,
    /// Custom field values by name (`GET /api/schema/deal/fields`), checked by type.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
}

/// A partial update: omitted fields are unchanged, `null` clears. Moving `stage` to `lost`
/// needs `lost_reason`; moving a closed deal to an open stage reopens it.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"stage": "negotiation"}))]
pub struct UpdateDealRequest {
    /// Name (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 200)]
    pub name: Option<Option<String>>,
    /// Company.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub company_id: Option<Option<String>>,
    /// Contacts (replaces the list).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Vec<String>>)]
    pub contact_ids: Option<Option<Vec<String>>>,
    /// Amount.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<AmountDto>)]
    pub amount: Option<Option<serde_json::Value>>,
    /// Currency (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "^[A-Za-z]{3}$")]
    pub currency: Option<Option<String>>,
    /// Stage.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<StageDto>, nullable = false)]
    pub stage: Option<Option<String>>,
    /// Probability (0-100).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i64>, nullable = false, minimum = 0, maximum = 100)]
    pub probability: Option<Option<i64>>,
    /// Expected close date.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Date)]
    pub expected_close: Option<Option<String>>,
    /// Owner.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub owner_id: Option<Option<String>>,
    /// Lost reason.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub lost_reason: Option<Option<String>>,
    /// Custom values to set by name; `null` removes one, names left out are kept.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
}

/// A deal.
#[derive(Debug, Serialize, ToSchema)]
pub struct DealResponse {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Company.
    pub company_id: Option<String>,
    /// Contacts.
    pub contact_ids: Vec<String>,
    /// Amount as a decimal string with 2 decimals (`"48000.00"`).
    pub amount: Option<String>,
    /// ISO 4217 currency.
    pub currency: String,
    /// Stage.
    #[schema(value_type = StageDto)]
    pub stage: String,
    /// Chance of winning, percent.
    pub probability: i64,
    /// Expected close date.
    pub expected_close: Option<String>,
    /// Owner.
    pub owner_id: Option<String>,
    /// Why it was lost.
    pub lost_reason: Option<String>,
    /// When it was won or lost.
    pub closed_at: Option<String>,
    /// Custom field values by name.
    #[schema(value_type = std::collections::BTreeMap<String, serde_json::Value>)]
    pub custom: crate::domain::custom::CustomValues,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Deal> for DealResponse {
    fn from(d: Deal) -> Self {
        Self {
            id: d.id,
            name: d.name,
            company_id: d.company_id,
            contact_ids: d.contact_ids,
            amount: d.amount.map(|a| a.to_string()),
            currency: d.currency,
            stage: d.stage.as_str().to_string(),
            probability: d.probability,
            expected_close: d.expected_close,
            owner_id: d.owner_id,
            lost_reason: d.lost_reason,
            closed_at: d.closed_at,
            custom: d.custom,
            version: d.version,
            created_at: d.created_at,
            updated_at: d.updated_at,
        }
    }
}

list_response!(DealList, DealResponse, "A page of deals.");

impl TryFrom<CreateDealRequest> for DealPatch {
    type Error = DomainError;
    fn try_from(r: CreateDealRequest) -> Result<Self, Self::Error> {
        DealPatch::parse(DealInput {
            name: Some(r.name),
            company_id: Some(r.company_id),
            contact_ids: Some(r.contact_ids),
            amount: Some(r.amount),
            currency: Some(r.currency),
            stage: Some(r.stage),
            probability: Some(r.probability),
            expected_close: Some(r.expected_close),
            owner_id: r.owner_id.map(Some),
            lost_reason: Some(r.lost_reason),
            custom: r.custom,
        })
    }
}

impl TryFrom<UpdateDealRequest> for DealPatch {
    type Error = DomainError;
    fn try_from(r: UpdateDealRequest) -> Result<Self, Self::Error> {
        let mut issues = crate::domain::fields::Issues::default();
        for (field, cleared) in [
            ("currency", r.currency == Some(None)),
            ("stage", r.stage == Some(None)),
            ("probability", r.probability == Some(None)),
        ] {
            if cleared {
                issues.add(field, "cannot be null");
            }
        }
        issues.finish(())?;
        DealPatch::parse(DealInput {
            name: r.name,
            company_id: r.company_id,
            contact_ids: r.contact_ids,
            amount: r.amount,
            currency: r.currency,
            stage: r.stage,
            probability: r.probability,
            expected_close: r.expected_close,
            owner_id: r.owner_id,
            lost_reason: r.lost_reason,
            custom: r.custom,
        })
    }
}

/// Sort fields of deal lists.
pub const DEAL_SORTS: [&str; 4] = ["created_at", "name", "amount", "expected_close"];
/// Newest first.
pub const DEFAULT_DEAL_SORT: Sort = Sort { field: "created_at", desc: true };

/// Filters, order and position of a deal list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListDealsParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `created_at`, `name`, `amount`, `expected_close`; prefix `-` for descending. Default `-created_at`.
    #[param(nullable = false, pattern = "^(-?(created_at|name|amount|expected_close))?$")]
    pub sort: Option<String>,
    /// `true` adds `total`.
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// Only this stage.
    #[param(value_type = Option<StageDto>, nullable = false)]
    pub stage: Option<String>,
    /// `true`: open deals only; `false`: closed (won or lost) only.
    #[param(value_type = Option<bool>, nullable = false)]
    pub open: Option<String>,
    /// Only this owner's deals.
    #[param(nullable = false, format = Uuid)]
    pub owner_id: Option<String>,
    /// Only this company's deals.
    #[param(nullable = false, format = Uuid)]
    pub company_id: Option<String>,
    /// Only deals naming this contact.
    #[param(nullable = false, format = Uuid)]
    pub contact_id: Option<String>,
    /// Search the name (words or word prefixes).
    #[param(nullable = false, max_length = 200)]
    pub q: Option<String>,
    /// Expected to close on or after this date (`YYYY-MM-DD`).
    #[param(nullable = false, format = Date)]
    pub expected_close_after: Option<String>,
    /// Expected to close before this date (`YYYY-MM-DD`).
    #[param(nullable = false, format = Date)]
    pub expected_close_before: Option<String>,
}

/// Parses an optional UUID filter.
pub fn uuid_param(errors: &mut ParamErrors, field: &str, raw: Option<&str>) -> Option<String> {
    let raw = raw.map(str::trim).filter(|s| !s.is_empty())?;
    let id = crate::domain::ids::parse_id(raw);
    if id.is_none() {
        errors.add(field, "must be a UUID");
    }
    id
}

/// Parses an optional `true`/`false` filter.
pub fn bool_param(errors: &mut ParamErrors, field: &str, raw: Option<&str>) -> Option<bool> {
    match raw.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
        None | Some("") => None,
        Some("true" | "1") => Some(true),
        Some("false" | "0") => Some(false),
        Some(_) => {
            errors.add(field, "must be true or false");
            None
        }
    }
}

/// Parses an optional `YYYY-MM-DD` filter.
pub fn date_param(errors: &mut ParamErrors, field: &str, raw: Option<&str>) -> Option<String> {
    let mut issues = crate::domain::fields::Issues::default();
    let date = crate::domain::deals::parse_date(&mut issues, field, raw.map(String::from));
    if let Err(DomainError::Invalid(found)) = issues.finish(()) {
        for issue in found {
            errors.add(&issue.field, issue.message);
        }
    }
    date
}

fn deal_filters(
    errors: &mut ParamErrors,
    owner_id: Option<&str>,
    after: Option<&str>,
    before: Option<&str>,
) -> DealQuery {
    DealQuery {
        owner_id: uuid_param(errors, "owner_id", owner_id),
        expected_close_after: date_param(errors, "expected_close_after", after),
        expected_close_before: date_param(errors, "expected_close_before", before),
        ..Default::default()
    }
}

impl ListDealsParams {
    /// Parses every parameter, reporting all invalid ones at once.
    pub fn parse(self) -> Result<(DealQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            self.sort.as_deref(),
            self.cursor.as_deref(),
            self.count.as_deref(),
            &DEAL_SORTS,
            DEFAULT_DEAL_SORT,
        );
        let stage = errors.choice(
            "stage",
            self.stage.as_deref(),
            Stage::parse,
            "must be one of qualification, proposal, negotiation, won, lost",
        );
        let base = deal_filters(
            &mut errors,
            self.owner_id.as_deref(),
            self.expected_close_after.as_deref(),
            self.expected_close_before.as_deref(),
        );
        let query = DealQuery {
            stage,
            open: bool_param(&mut errors, "open", self.open.as_deref()),
            company_id: uuid_param(&mut errors, "company_id", self.company_id.as_deref()),
            contact_id: uuid_param(&mut errors, "contact_id", self.contact_id.as_deref()),
            q: parse_q(&mut errors, self.q.as_deref()),
            ..base
        };
        errors.finish((query, page))
    }
}

/// Filters of the pipeline summary.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineParams {
    /// Only this owner's deals.
    #[param(nullable = false, format = Uuid)]
    pub owner_id: Option<String>,
    /// Expected to close on or after this date (`YYYY-MM-DD`).
    #[param(nullable = false, format = Date)]
    pub expected_close_after: Option<String>,
    /// Expected to close before this date (`YYYY-MM-DD`).
    #[param(nullable = false, format = Date)]
    pub expected_close_before: Option<String>,
}

impl PipelineParams {
    /// Parses every parameter.
    pub fn parse(self) -> Result<DealQuery, AppError> {
        let mut errors = ParamErrors::default();
        let query = deal_filters(
            &mut errors,
            self.owner_id.as_deref(),
            self.expected_close_after.as_deref(),
            self.expected_close_before.as_deref(),
        );
        errors.finish(query)
    }
}

/// One stage of the pipeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct PipelineStage {
    /// Stage.
    #[schema(value_type = StageDto)]
    pub stage: String,
    /// Deals in it.
    pub count: i64,
    /// Sum of amounts by currency, exact decimal strings (`{"EUR": "48000.00"}`).
    pub amount: BTreeMap<String, String>,
    /// Sum of amount x probability by currency, rounded to cents.
    pub weighted: BTreeMap<String, String>,
}

/// The pipeline: every stage in order, with the win rate and days to close of closed deals.
#[derive(Debug, Serialize, ToSchema)]
pub struct PipelineResponse {
    /// `qualification`, `proposal`, `negotiation`, `won`, `lost`, in that order.
    pub stages: Vec<PipelineStage>,
    /// Won / (won + lost), 0 to 1; `null` before any deal closed.
    pub win_rate: Option<f64>,
    /// Mean days from creation to close of closed deals; `null` before any closed.
    pub avg_days_to_close: Option<f64>,
}

impl From<Pipeline> for PipelineResponse {
    fn from(p: Pipeline) -> Self {
        Self {
            stages: p
                .stages
                .into_iter()
                .map(|s| PipelineStage {
                    stage: s.stage.as_str().to_string(),
                    count: s.count,
                    amount: s.amount,
                    weighted: s.weighted,
                })
                .collect(),
            win_rate: p.win_rate,
            avg_days_to_close: p.avg_days_to_close,
        }
    }
}
