//! `/api/tasks`: create, list (`assignee_id=me`), read (now or `as_of`), update, complete,
//! delete, history.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::Arc;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, with_etag};
use crate::domain::tasks::TaskPatch;
use crate::error::{AppResult, Problem};
use crate::extract::{ApiQuery, CallerUser, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::models::tasks::{CreateTaskRequest, ListTasksParams, TaskList, TaskResponse, UpdateTaskRequest};
use crate::services::history::HistoryService;
use crate::services::tasks::TaskService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tasks, create_task))
        .routes(routes!(get_task, update_task, delete_task))
        .routes(routes!(complete_task))
        .routes(routes!(list_task_history))
}

/// List tasks: open ones by due date (overdue first); `assignee_id=me` for the caller's.
#[utoipa::path(get, path = "/api/tasks", tag = "tasks", params(ListTasksParams),
    responses(
        (status = 200, description = "A page of tasks", body = TaskList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_tasks(
    State(tasks): State<Arc<TaskService>>,
    CallerUser(caller): CallerUser,
    ApiQuery(params): ApiQuery<ListTasksParams>,
) -> AppResult<Json<TaskList>> {
    let (query, page) = params.parse(caller.as_deref())?;
    Ok(Json(tasks.list(&query, &page).await?.into()))
}

/// Create a task (assigned to the caller unless `assignee_id` says otherwise).
#[utoipa::path(post, path = "/api/tasks", tag = "tasks", request_body = CreateTaskRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for 24 h", nullable = false, pattern = "^[!-~]{1,255}$")),
    responses(
        (status = 201, description = "Created", body = TaskResponse,
            headers(("Location" = String, description = "URL of the task"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_task(
    State(tasks): State<Arc<TaskService>>,
    RequestOrigin(origin): RequestOrigin,
    CallerUser(caller): CallerUser,
    ValidJson(body): ValidJson<CreateTaskRequest>,
) -> AppResult<Response> {
    let patch = TaskPatch::try_from(body)?;
    let task = tasks.create(patch, caller, &origin).await?;
    Ok(created(format!("/api/tasks/{}", task.id), task.version, TaskResponse::from(task)))
}

/// Get a task, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/tasks/{id}", tag = "tasks",
    params(("id" = String, Path, description = "Task id"), AsOfParams),
    responses(
        (status = 200, description = "The task", body = TaskResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such task", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_task(
    State(tasks): State<Arc<TaskService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let task = match as_of(params)? {
        Some(at) => tasks.get_as_of(&id, at).await?,
        None => tasks.get(&id).await?,
    };
    Ok(with_etag(task.version, TaskResponse::from(task)))
}

/// Update a task (`status: done` completes it, `open` reopens it).
#[utoipa::path(patch, path = "/api/tasks/{id}", tag = "tasks", request_body = UpdateTaskRequest,
    params(("id" = String, Path, description = "Task id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the task changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = TaskResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such task", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_task(
    State(tasks): State<Arc<TaskService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateTaskRequest>,
) -> AppResult<Response> {
    let patch = TaskPatch::try_from(body)?;
    let task = tasks.update(&id, patch, pre, &origin).await?;
    Ok(with_etag(task.version, TaskResponse::from(task)))
}

/// Complete a task (a done task is answered as it is).
#[utoipa::path(post, path = "/api/tasks/{id}/complete", tag = "tasks",
    params(("id" = String, Path, description = "Task id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the task changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Done", body = TaskResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such task", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn complete_task(
    State(tasks): State<Arc<TaskService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let task = tasks.complete(&id, pre, &origin).await?;
    Ok(with_etag(task.version, TaskResponse::from(task)))
}

/// Delete a task.
#[utoipa::path(delete, path = "/api/tasks/{id}", tag = "tasks",
    params(("id" = String, Path, description = "Task id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the task changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such task", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_task(
    State(tasks): State<Arc<TaskService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    tasks.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The change events of a task, oldest first.
#[utoipa::path(get, path = "/api/tasks/{id}/history", tag = "tasks",
    params(("id" = String, Path, description = "Task id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No task with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_task_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("task", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}
