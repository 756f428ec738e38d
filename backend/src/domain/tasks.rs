//! Tasks: something to do, for someone, by a date, about a contact, company, deal or case.

use serde::{Deserialize, Serialize};

use super::deals::parse_ref;
use super::fields::{DomainError, Issues};

/// Whether a task is still to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// To do.
    Open,
    /// Done.
    Done,
}

impl TaskStatus {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Open => "open",
            TaskStatus::Done => "done",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<TaskStatus> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "open" => Some(TaskStatus::Open),
            "done" => Some(TaskStatus::Done),
            _ => None,
        }
    }
}

/// A task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Id (UUIDv7).
    pub id: String,
    /// What to do.
    pub title: String,
    /// When it is due (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<String>,
    /// Who does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee_id: Option<String>,
    /// About this contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// About this company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_id: Option<String>,
    /// About this deal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    /// About this case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// Open or done.
    pub status: TaskStatus,
    /// When it was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Untrusted task fields (`Some(None)` = explicit null in a patch).
#[derive(Debug, Clone, Default)]
pub struct TaskInput {
    /// Title.
    pub title: Option<Option<String>>,
    /// Due time (RFC 3339).
    pub due_at: Option<Option<String>>,
    /// Assignee.
    pub assignee_id: Option<Option<String>>,
    /// Contact.
    pub contact_id: Option<Option<String>>,
    /// Company.
    pub company_id: Option<Option<String>>,
    /// Deal.
    pub deal_id: Option<Option<String>>,
    /// Case.
    pub case_id: Option<Option<String>>,
    /// Status.
    pub status: Option<Option<String>>,
}

/// A validated change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskPatch {
    /// Title (cannot be cleared).
    pub title: Option<String>,
    /// Due time.
    pub due_at: Option<Option<String>>,
    /// Assignee.
    pub assignee_id: Option<Option<String>>,
    /// Contact.
    pub contact_id: Option<Option<String>>,
    /// Company.
    pub company_id: Option<Option<String>>,
    /// Deal.
    pub deal_id: Option<Option<String>>,
    /// Case.
    pub case_id: Option<Option<String>>,
    /// Status (`done` completes, `open` reopens).
    pub status: Option<TaskStatus>,
}

impl TaskPatch {
    /// Validates untrusted fields.
    pub fn parse(input: TaskInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let due_at = input.due_at.map(|d| {
            let d = d.map(|d| d.trim().to_string()).filter(|d| !d.is_empty())?;
            let parsed = super::ids::parse_ts(&d).map(super::ids::format_ts);
            if parsed.is_none() {
                issues.add("due_at", "must be an RFC 3339 timestamp such as 2026-03-31T17:00:00Z");
            }
            parsed
        });
        let status = match input.status {
            None | Some(None) => None,
            Some(Some(s)) => {
                let parsed = TaskStatus::parse(&s);
                if parsed.is_none() {
                    issues.add("status", "must be open or done");
                }
                parsed
            }
        };
        let patch = TaskPatch {
            title: input.title.map(|t| issues.required_text("title", t, 300)),
            due_at,
            assignee_id: input.assignee_id.map(|a| parse_ref(&mut issues, "assignee_id", a)),
            contact_id: input.contact_id.map(|c| parse_ref(&mut issues, "contact_id", c)),
            company_id: input.company_id.map(|c| parse_ref(&mut issues, "company_id", c)),
            deal_id: input.deal_id.map(|d| parse_ref(&mut issues, "deal_id", d)),
            case_id: input.case_id.map(|c| parse_ref(&mut issues, "case_id", c)),
            status,
        };
        issues.finish(patch)
    }
}

impl Task {
    /// A new open task; `title` is required.
    pub fn create(id: String, patch: TaskPatch, now: &str) -> Result<Task, DomainError> {
        let mut issues = Issues::default();
        if patch.title.is_none() {
            issues.add("title", "is required");
        }
        let task = Task {
            id,
            title: String::new(),
            due_at: None,
            assignee_id: None,
            contact_id: None,
            company_id: None,
            deal_id: None,
            case_id: None,
            status: TaskStatus::Open,
            completed_at: None,
            version: 0,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        }
        .apply(patch, now);
        issues.finish(task)
    }

    /// The task after `patch`, one version later.
    pub fn apply(&self, patch: TaskPatch, now: &str) -> Task {
        let mut next = self.clone();
        if let Some(v) = patch.title {
            next.title = v;
        }
        if let Some(v) = patch.due_at {
            next.due_at = v;
        }
        if let Some(v) = patch.assignee_id {
            next.assignee_id = v;
        }
        if let Some(v) = patch.contact_id {
            next.contact_id = v;
        }
        if let Some(v) = patch.company_id {
            next.company_id = v;
        }
        if let Some(v) = patch.deal_id {
            next.deal_id = v;
        }
        if let Some(v) = patch.case_id {
            next.case_id = v;
        }
        match patch.status {
            Some(TaskStatus::Done) if self.status == TaskStatus::Open => {
                next.status = TaskStatus::Done;
                next.completed_at = Some(now.to_string());
            }
            Some(TaskStatus::Open) => {
                next.status = TaskStatus::Open;
                next.completed_at = None;
            }
            _ => {}
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The event kind of the change to `next`: `completed`, `reopened` or `updated`.
    pub fn change_kind(&self, next: &Task) -> &'static str {
        match (self.status, next.status) {
            (TaskStatus::Open, TaskStatus::Done) => "completed",
            (TaskStatus::Done, TaskStatus::Open) => "reopened",
            _ => "updated",
        }
    }

    /// Whether it is open and due before `now` (RFC 3339 text).
    pub fn is_overdue(&self, now: &str) -> bool {
        self.status == TaskStatus::Open && self.due_at.as_deref().is_some_and(|d| d < now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(due: Option<&str>) -> Task {
        let patch = TaskPatch::parse(TaskInput {
            title: Some(Some("Call back".into())),
            due_at: Some(due.map(String::from)),
            ..Default::default()
        })
        .unwrap();
        Task::create("t1".into(), patch, "2026-01-01T00:00:00.000000Z").unwrap()
    }

    #[test]
    fn completing_and_reopening_are_their_own_kinds() {
        let t = task(Some("2026-01-02T09:00:00+01:00"));
        assert_eq!(t.due_at.as_deref(), Some("2026-01-02T08:00:00.000000Z"));
        let done = t.apply(TaskPatch { status: Some(TaskStatus::Done), ..Default::default() }, "t2");
        assert_eq!(
            (done.status, done.completed_at.as_deref(), t.change_kind(&done)),
            (TaskStatus::Done, Some("t2"), "completed")
        );
        let again = done.apply(TaskPatch { status: Some(TaskStatus::Done), ..Default::default() }, "t3");
        assert_eq!(again.completed_at.as_deref(), Some("t2"), "completing twice keeps the first time");
        let open = done.apply(TaskPatch { status: Some(TaskStatus::Open), ..Default::default() }, "t4");
        assert_eq!((open.completed_at.as_deref(), done.change_kind(&open)), (None, "reopened"));
    }

    #[test]
    fn overdue_means_open_and_past_due() {
        let t = task(Some("2026-01-02T00:00:00Z"));
        assert!(t.is_overdue("2026-01-03T00:00:00.000000Z"));
        assert!(!t.is_overdue("2026-01-01T00:00:00.000000Z"));
        assert!(!task(None).is_overdue("2030-01-01T00:00:00.000000Z"));
    }

    #[test]
    fn bad_fields_are_reported() {
        let err = TaskPatch::parse(TaskInput {
            title: Some(Some(" ".into())),
            due_at: Some(Some("tomorrow".into())),
            deal_id: Some(Some("nope".into())),
            status: Some(Some("finished".into())),
            ..Default::default()
        })
        .unwrap_err();
        let DomainError::Invalid(issues) = err else { panic!() };
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["due_at", "status", "title", "deal_id"]);
    }
}
