//! Task use cases: create, read, change, complete, delete, lists.

use chrono::{DateTime, Utc};
use tracing::instrument;

use super::records::Store;
use super::Precondition;
use crate::db::{Feature, Migrations};
use crate::domain::history::Origin;
use crate::domain::pagination::{Page, PageRequest};
use crate::domain::tasks::{Task, TaskPatch, TaskStatus};
use crate::error::AppResult;
use crate::repositories::tasks::{TaskQuery, TaskRepository};

/// Task use cases.
#[derive(Clone)]
pub struct TaskService {
    store: Store<Task>,
    tasks: TaskRepository,
    migrations: Migrations,
}

impl TaskService {
    /// A service over its store.
    pub fn new(store: Store<Task>, tasks: TaskRepository, migrations: Migrations) -> Self {
        Self { store, tasks, migrations }
    }

    /// Creates a task; without an assignee it is the caller's.
    #[instrument(skip_all)]
    pub async fn create(&self, mut patch: TaskPatch, assignee: Option<String>, origin: &Origin) -> AppResult<Task> {
        if patch.assignee_id.is_none() {
            patch.assignee_id = Some(assignee);
        }
        self.store.create(origin, |id, ts| Ok(Task::create(id, patch, ts)?)).await
    }

    /// The task now.
    pub async fn get(&self, id: &str) -> AppResult<Task> {
        self.store.get(id).await
    }

    /// The task as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Task> {
        self.store.get_as_of(id, at).await
    }

    /// Changes a task (`status` completes or reopens it).
    #[instrument(skip_all)]
    pub async fn update(&self, id: &str, patch: TaskPatch, pre: Precondition, origin: &Origin) -> AppResult<Task> {
        self.store
            .update(id, pre, origin, |t, ts| {
                let next = t.apply(patch.clone(), ts);
                let kind = t.change_kind(&next);
                Ok((next, Some(kind)))
            })
            .await
    }

    /// Completes a task; a done task stays as it is.
    #[instrument(skip_all)]
    pub async fn complete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<Task> {
        let patch = TaskPatch { status: Some(TaskStatus::Done), ..Default::default() };
        self.update(id, patch, pre, origin).await
    }

    /// Deletes a task.
    #[instrument(skip_all)]
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store.delete(id, pre, origin).await
    }

    /// One page of tasks.
    pub async fn list(&self, query: &TaskQuery, page: &PageRequest) -> AppResult<Page<Task>> {
        self.migrations.require(Feature::Lists)?;
        let (rows, next) = self.tasks.list(query, page.sort, page.after.clone(), page.limit).await?;
        let total = if page.count { Some(self.tasks.count(query).await?) } else { None };
        Ok(page.page(rows, next, total))
    }
}
