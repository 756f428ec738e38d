//! Case DTOs: open and patch requests, close, interactions, the responses, list parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::deals::uuid_param;
use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::cases::{CaseInput, CasePatch, CaseStatus, Interaction, Priority, SupportCase};
use crate::domain::fields::DomainError;
use crate::domain::pagination::{PageRequest, Sort};
use crate::error::AppError;
use crate::repositories::cases::CaseQuery;

/// How urgent a case is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriorityDto {
    /// Low.
    Low,
    /// Normal.
    Normal,
    /// High.
    High,
    /// Urgent.
    Urgent,
}

/// Whether a case is open.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatusDto {
    /// Being worked.
    Open,
    /// Resolved.
    Closed,
}

/// A new case.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"company_id": "0193a3f0-6c1e-7c4a-9a57-3f1d2e4b5a60", "subject": "Invoice 1042 is wrong", "description": "Billed twice for March.", "priority": "high"}))]
pub struct CreateCaseRequest {
    /// The customer company (must exist).
    #[schema(required = true, nullable = false, format = Uuid)]
    pub company_id: Option<String>,
    /// The person who raised it (must exist).
    #[schema(format = Uuid)]
    pub contact_id: Option<String>,
    /// Subject.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 300)]
    pub subject: Option<String>,
    /// Description.
    #[schema(max_length = 20000)]
    pub description: Option<String>,
    /// Priority (default `normal`).
    #[schema(value_type = Option<PriorityDto>)]
    pub priority: Option<String>,
    /// Owner (a user id); default the signed-in caller.
    #[schema(format = Uuid)]
    pub owner_id: Option<String>,
    /// Custom field values by name (`GET /api/schema/case/fields`), checked by type.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
}

/// A partial update: omitted fields are unchanged, `null` clears. Open and close a case with
/// its `close` and `reopen` actions.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"priority": "urgent"}))]
pub struct UpdateCaseRequest {
    /// Company (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, format = Uuid)]
    pub company_id: Option<Option<String>>,
    /// Contact.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub contact_id: Option<Option<String>>,
    /// Subject (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 300)]
    pub subject: Option<Option<String>>,
    /// Description.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub description: Option<Option<String>>,
    /// Priority.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<PriorityDto>, nullable = false)]
    pub priority: Option<Option<String>>,
    /// Owner.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub owner_id: Option<Option<String>>,
    /// Custom values to set by name; `null` removes one, names left out are kept.
    #[schema(value_type = Option<std::collections::BTreeMap<String, serde_json::Value>>)]
    pub custom: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Closing a case.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"resolution": "Credit note sent."}))]
pub struct CloseCaseRequest {
    /// How it was resolved.
    #[validate(length(max = 20000))]
    #[schema(max_length = 20000)]
    pub resolution: Option<String>,
}

/// A new interaction on a case.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "call", "body": "Called back; credit note on its way."}))]
pub struct CreateInteractionRequest {
    /// `note`, `call`, `email` or `meeting`.
    #[schema(required = true, nullable = false, pattern = "^(note|call|email|meeting)$")]
    pub kind: Option<String>,
    /// Text.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 20000)]
    pub body: Option<String>,
}

/// A case.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseResponse {
    /// Id.
    pub id: String,
    /// Company.
    pub company_id: String,
    /// Contact.
    pub contact_id: Option<String>,
    /// Subject.
    pub subject: String,
    /// Description.
    pub description: Option<String>,
    /// Priority.
    #[schema(value_type = PriorityDto)]
    pub priority: String,
    /// `open` or `closed`.
    #[schema(value_type = CaseStatusDto)]
    pub status: String,
    /// Owner.
    pub owner_id: Option<String>,
    /// Resolution (closed cases).
    pub resolution: Option<String>,
    /// When it was closed.
    pub closed_at: Option<String>,
    /// Custom field values by name.
    #[schema(value_type = std::collections::BTreeMap<String, serde_json::Value>)]
    pub custom: crate::domain::custom::CustomValues,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// When it was opened.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<SupportCase> for CaseResponse {
    fn from(c: SupportCase) -> Self {
        Self {
            id: c.id,
            company_id: c.company_id,
            contact_id: c.contact_id,
            subject: c.subject,
            description: c.description,
            priority: c.priority.as_str().to_string(),
            status: c.status.as_str().to_string(),
            owner_id: c.owner_id,
            resolution: c.resolution,
            closed_at: c.closed_at,
            custom: c.custom,
            version: c.version,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

list_response!(CaseList, CaseResponse, "A page of cases.");

/// One interaction on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct InteractionResponse {
    /// Id.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// `note`, `call`, `email`, `meeting`.
    pub kind: String,
    /// Text.
    pub body: String,
    /// Who wrote it (`user:<id>` or `api_key:<id>`).
    pub actor: String,
    /// When.
    pub created_at: String,
}

impl From<Interaction> for InteractionResponse {
    fn from(i: Interaction) -> Self {
        Self { id: i.id, case_id: i.case_id, kind: i.kind, body: i.body, actor: i.actor, created_at: i.created_at }
    }
}

list_response!(InteractionList, InteractionResponse, "A page of interactions, oldest first.");

impl TryFrom<CreateCaseRequest> for CasePatch {
    type Error = DomainError;
    fn try_from(r: CreateCaseRequest) -> Result<Self, Self::Error> {
        CasePatch::parse(CaseInput {
            company_id: Some(r.company_id),
            contact_id: Some(r.contact_id),
            subject: Some(r.subject),
            description: Some(r.description),
            priority: Some(r.priority),
            owner_id: r.owner_id.map(Some),
            custom: r.custom,
        })
    }
}

impl TryFrom<UpdateCaseRequest> for CasePatch {
    type Error = DomainError;
    fn try_from(r: UpdateCaseRequest) -> Result<Self, Self::Error> {
        if r.priority == Some(None) {
            return Err(DomainError::Invalid(vec![crate::domain::fields::FieldIssue {
                field: "priority".into(),
                message: "cannot be null".into(),
            }]));
        }
        CasePatch::parse(CaseInput {
            company_id: r.company_id,
            contact_id: r.contact_id,
            subject: r.subject,
            description: r.description,
            priority: r.priority,
            owner_id: r.owner_id,
            custom: r.custom,
        })
    }
}

/// Newest first.
pub const DEFAULT_CASE_SORT: Sort = Sort { field: "created_at", desc: true };
/// Oldest first (the open queue).
pub const QUEUE_SORT: Sort = Sort { field: "created_at", desc: false };

/// Filters, order and position of a case list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListCasesParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `created_at` (oldest first) or `-created_at` (default, newest first).
    #[param(nullable = false, pattern = "^(-?created_at)?$")]
    pub sort: Option<String>,
    /// `true` adds `total`.
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// `open` or `closed`.
    #[param(value_type = Option<CaseStatusDto>, nullable = false)]
    pub status: Option<String>,
    /// Only this company's cases.
    #[param(nullable = false, format = Uuid)]
    pub company_id: Option<String>,
    /// Only cases raised by this contact.
    #[param(nullable = false, format = Uuid)]
    pub contact_id: Option<String>,
    /// Only this priority.
    #[param(value_type = Option<PriorityDto>, nullable = false)]
    pub priority: Option<String>,
    /// Only this owner's cases.
    #[param(nullable = false, format = Uuid)]
    pub owner_id: Option<String>,
}

impl ListCasesParams {
    /// Parses every parameter, reporting all invalid ones at once.
    pub fn parse(self) -> Result<(CaseQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            self.sort.as_deref(),
            self.cursor.as_deref(),
            self.count.as_deref(),
            &["created_at"],
            DEFAULT_CASE_SORT,
        );
        let status = errors.choice("status", self.status.as_deref(), CaseStatus::parse, "must be open or closed");
        let priority = errors.choice(
            "priority",
            self.priority.as_deref(),
            Priority::parse,
            "must be one of low, normal, high, urgent",
        );
        let query = CaseQuery {
            status,
            company_id: uuid_param(&mut errors, "company_id", self.company_id.as_deref()),
            contact_id: uuid_param(&mut errors, "contact_id", self.contact_id.as_deref()),
            priority,
            owner_id: uuid_param(&mut errors, "owner_id", self.owner_id.as_deref()),
        };
        errors.finish((query, page))
    }
}

/// The open queue: open cases, oldest first.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OpenCasesParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// Only this company's cases.
    #[param(nullable = false, format = Uuid)]
    pub company_id: Option<String>,
}

impl OpenCasesParams {
    /// Parses every parameter.
    pub fn parse(self) -> Result<(CaseQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(self.limit.as_deref(), None, self.cursor.as_deref(), None, &["created_at"], QUEUE_SORT);
        let query = CaseQuery {
            status: Some(CaseStatus::Open),
            company_id: uuid_param(&mut errors, "company_id", self.company_id.as_deref()),
            ..Default::default()
        };
        errors.finish((query, page))
    }
}

/// Page parameters of the interaction thread.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InteractionParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

impl InteractionParams {
    /// Parses the page.
    pub fn parse(self) -> Result<PageRequest, AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(self.limit.as_deref(), None, self.cursor.as_deref(), None, &["created_at"], QUEUE_SORT);
        errors.finish(page)
    }
}
