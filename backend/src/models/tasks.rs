//! Task DTOs: create and patch requests, the response, list parameters.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::deals::uuid_param;
use super::double_option;
use super::pagination::{list_response, ParamErrors};
use crate::domain::fields::DomainError;
use crate::domain::pagination::{PageRequest, Sort};
use crate::domain::tasks::{Task, TaskInput, TaskPatch, TaskStatus};
use crate::error::AppError;
use crate::repositories::tasks::TaskQuery;

/// Whether a task is open.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatusDto {
    /// To do.
    Open,
    /// Done.
    Done,
}

/// A new task. Only `title` is required.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"title": "Send the revised proposal", "due_at": "2026-03-31T16:00:00Z"}))]
pub struct CreateTaskRequest {
    /// What to do.
    #[schema(required = true, nullable = false, pattern = "\\S", max_length = 300)]
    pub title: Option<String>,
    /// When it is due (RFC 3339).
    #[schema(format = DateTime)]
    pub due_at: Option<String>,
    /// Who does it (a user id); default the signed-in caller.
    #[schema(format = Uuid)]
    pub assignee_id: Option<String>,
    /// About this contact.
    #[schema(format = Uuid)]
    pub contact_id: Option<String>,
    /// About this company.
    #[schema(format = Uuid)]
    pub company_id: Option<String>,
    /// About this deal.
    #[schema(format = Uuid)]
    pub deal_id: Option<String>,
    /// About this case.
    #[schema(format = Uuid)]
    pub case_id: Option<String>,
}

/// A partial update: omitted fields are unchanged, `null` clears; `status` completes
/// (`done`) or reopens (`open`) the task.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"due_at": "2026-04-02T09:00:00Z"}))]
pub struct UpdateTaskRequest {
    /// Title (cannot be cleared).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, nullable = false, pattern = "\\S", max_length = 300)]
    pub title: Option<Option<String>>,
    /// Due time.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub due_at: Option<Option<String>>,
    /// Assignee.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub assignee_id: Option<Option<String>>,
    /// Contact.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub contact_id: Option<Option<String>>,
    /// Company.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub company_id: Option<Option<String>>,
    /// Deal.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub deal_id: Option<Option<String>>,
    /// Case.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, format = Uuid)]
    pub case_id: Option<Option<String>>,
    /// `open` or `done`.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<TaskStatusDto>, nullable = false)]
    pub status: Option<Option<String>>,
}

/// A task.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskResponse {
    /// Id.
    pub id: String,
    /// What to do.
    pub title: String,
    /// When it is due.
    pub due_at: Option<String>,
    /// Who does it.
    pub assignee_id: Option<String>,
    /// Contact.
    pub contact_id: Option<String>,
    /// Company.
    pub company_id: Option<String>,
    /// Deal.
    pub deal_id: Option<String>,
    /// Case.
    pub case_id: Option<String>,
    /// `open` or `done`.
    #[schema(value_type = TaskStatusDto)]
    pub status: String,
    /// Open and past due.
    pub overdue: bool,
    /// When it was completed.
    pub completed_at: Option<String>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Task> for TaskResponse {
    fn from(t: Task) -> Self {
        let now = crate::domain::ids::format_ts(crate::domain::ids::now());
        Self {
            overdue: t.is_overdue(&now),
            id: t.id,
            title: t.title,
            due_at: t.due_at,
            assignee_id: t.assignee_id,
            contact_id: t.contact_id,
            company_id: t.company_id,
            deal_id: t.deal_id,
            case_id: t.case_id,
            status: t.status.as_str().to_string(),
            completed_at: t.completed_at,
            version: t.version,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

list_response!(TaskList, TaskResponse, "A page of tasks.");

impl TryFrom<CreateTaskRequest> for TaskPatch {
    type Error = DomainError;
    fn try_from(r: CreateTaskRequest) -> Result<Self, Self::Error> {
        TaskPatch::parse(TaskInput {
            title: Some(r.title),
            due_at: Some(r.due_at),
            assignee_id: r.assignee_id.map(Some),
            contact_id: Some(r.contact_id),
            company_id: Some(r.company_id),
            deal_id: Some(r.deal_id),
            case_id: Some(r.case_id),
            status: None,
        })
    }
}

impl TryFrom<UpdateTaskRequest> for TaskPatch {
    type Error = DomainError;
    fn try_from(r: UpdateTaskRequest) -> Result<Self, Self::Error> {
        if r.status == Some(None) {
            return Err(DomainError::Invalid(vec![crate::domain::fields::FieldIssue {
                field: "status".into(),
                message: "cannot be null".into(),
            }]));
        }
        TaskPatch::parse(TaskInput {
            title: r.title,
            due_at: r.due_at,
            assignee_id: r.assignee_id,
            contact_id: r.contact_id,
            company_id: r.company_id,
            deal_id: r.deal_id,
            case_id: r.case_id,
            status: r.status,
        })
    }
}

/// Due date first (overdue first, undated last), or by creation.
pub const TASK_SORTS: [&str; 2] = ["due_at", "created_at"];
/// Due date order.
pub const DEFAULT_TASK_SORT: Sort = Sort { field: "due_at", desc: false };

/// Filters, order and position of a task list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListTasksParams {
    /// Page size, 1 to 500 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500, nullable = false)]
    pub limit: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(nullable = false, pattern = "^[A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
    /// `due_at` (default: soonest due first, so overdue first; undated last) or `created_at`;
    /// prefix `-` for descending.
    #[param(nullable = false, pattern = "^(-?(due_at|created_at))?$")]
    pub sort: Option<String>,
    /// `true` adds `total`.
    #[param(value_type = Option<bool>, nullable = false)]
    pub count: Option<String>,
    /// Assigned to this user; `me` for the signed-in caller.
    #[param(nullable = false, pattern = "^(me|[0-9A-Fa-f-]{32,36})$")]
    pub assignee_id: Option<String>,
    /// `open` or `done`.
    #[param(value_type = Option<TaskStatusDto>, nullable = false)]
    pub status: Option<String>,
    /// Due before this moment (RFC 3339).
    #[param(nullable = false, format = DateTime)]
    pub due_before: Option<String>,
    /// Due at or after this moment (RFC 3339).
    #[param(nullable = false, format = DateTime)]
    pub due_after: Option<String>,
    /// About this contact.
    #[param(nullable = false, format = Uuid)]
    pub contact_id: Option<String>,
    /// About this company.
    #[param(nullable = false, format = Uuid)]
    pub company_id: Option<String>,
    /// About this deal.
    #[param(nullable = false, format = Uuid)]
    pub deal_id: Option<String>,
    /// About this case.
    #[param(nullable = false, format = Uuid)]
    pub case_id: Option<String>,
}

impl ListTasksParams {
    /// Parses every parameter; `me` becomes `caller` (a user id; 422 without one).
    pub fn parse(self, caller: Option<&str>) -> Result<(TaskQuery, PageRequest), AppError> {
        let mut errors = ParamErrors::default();
        let page = errors.page(
            self.limit.as_deref(),
            self.sort.as_deref(),
            self.cursor.as_deref(),
            self.count.as_deref(),
            &TASK_SORTS,
            DEFAULT_TASK_SORT,
        );
        let assignee_id = match self.assignee_id.as_deref().map(str::trim) {
            Some(me) if me.eq_ignore_ascii_case("me") => match caller {
                Some(id) => Some(id.to_string()),
                None => {
                    errors.add("assignee_id", "`me` needs a signed-in user (an API key is no assignee)");
                    None
                }
            },
            other => uuid_param(&mut errors, "assignee_id", other),
        };
        let status = errors.choice("status", self.status.as_deref(), TaskStatus::parse, "must be open or done");
        let ts = |errors: &mut ParamErrors, field: &str, raw: Option<&str>| {
            errors.timestamp(field, raw).map(crate::domain::ids::format_ts)
        };
        let query = TaskQuery {
            assignee_id,
            status,
            due_before: ts(&mut errors, "due_before", self.due_before.as_deref()),
            due_after: ts(&mut errors, "due_after", self.due_after.as_deref()),
            contact_id: uuid_param(&mut errors, "contact_id", self.contact_id.as_deref()),
            company_id: uuid_param(&mut errors, "company_id", self.company_id.as_deref()),
            deal_id: uuid_param(&mut errors, "deal_id", self.deal_id.as_deref()),
            case_id: uuid_param(&mut errors, "case_id", self.case_id.as_deref()),
        };
        errors.finish((query, page))
    }
}
