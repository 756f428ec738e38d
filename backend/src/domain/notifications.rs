//! Notifications to users: what the change feed says a user should hear about (a task or a
//! case assigned to them, a campaign of theirs finished), and which kinds each user wants.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::history::ChangeEvent;

/// Kinds of notification.
pub const KINDS: [&str; 3] = ["task_assigned", "case_assigned", "campaign_finished"];
/// Channels a notification can go through (in-app only so far).
pub const CHANNELS: [&str; 1] = ["in_app"];

/// One notification of a user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    /// Id (UUIDv7).
    pub id: String,
    /// The user it is for.
    pub user_id: String,
    /// One of [`KINDS`].
    pub kind: String,
    /// One line.
    pub title: String,
    /// The dashboard page it is about.
    pub link: String,
    /// When it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_at: Option<String>,
    /// When it was raised.
    pub created_at: String,
}

/// What a change event raises: `(user id, kind, title, link)`; `creator` is the user who
/// created a campaign (for `campaign_finished`).
pub fn raised(event: &ChangeEvent, creator: Option<&str>) -> Vec<(String, &'static str, String, String)> {
    let new_value = |field: &str| event.changes.get(field).and_then(|c| c.new.as_str()).map(String::from);
    let named = |noun: &str, field: &str| match new_value(field) {
        Some(title) => format!("{noun} assigned to you: {title}"),
        None => format!("A {} was assigned to you", noun.to_lowercase()),
    };
    match event.entity.as_str() {
        "task" => new_value("assignee_id")
            .map(|user| {
                vec![(user, "task_assigned", named("Task", "title"), format!("/tasks/view?id={}", event.entity_id))]
            })
            .unwrap_or_default(),
        "support_case" => new_value("owner_id")
            .map(|user| {
                vec![(user, "case_assigned", named("Case", "subject"), format!("/cases/view?id={}", event.entity_id))]
            })
            .unwrap_or_default(),
        "campaign" if event.kind == "completed" => creator
            .map(|user| {
                let title = "A campaign of yours finished sending".to_string();
                vec![(user.to_string(), "campaign_finished", title, format!("/campaigns/view?id={}", event.entity_id))]
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A user's choice of channels per kind; a kind not named goes in-app.
pub type Preferences = BTreeMap<String, Vec<String>>;

/// Whether `prefs` send a notification of `kind` in-app.
pub fn in_app(prefs: &Preferences, kind: &str) -> bool {
    prefs.get(kind).is_none_or(|channels| channels.iter().any(|c| c == "in_app"))
}

/// Checks preferences: known kinds and channels only.
pub fn check_preferences(prefs: &Preferences) -> Result<(), super::fields::DomainError> {
    let mut issues = super::fields::Issues::default();
    for (kind, channels) in prefs {
        if !KINDS.contains(&kind.as_str()) {
            issues.add(kind.clone(), format!("is not a kind of notification ({})", KINDS.join(", ")));
        }
        for (i, c) in channels.iter().enumerate() {
            if !CHANNELS.contains(&c.as_str()) {
                issues.add(
                    format!("{kind}[{i}]"),
                    format!("must be one of {} (the only channel so far)", CHANNELS.join(", ")),
                );
            }
        }
    }
    issues.finish(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::FieldChange;
    use serde_json::json;

    fn event(entity: &str, kind: &str, changes: &[(&str, serde_json::Value)]) -> ChangeEvent {
        ChangeEvent {
            id: "e".into(),
            entity: entity.into(),
            entity_id: "r1".into(),
            version: 2,
            kind: kind.into(),
            changes: changes
                .iter()
                .map(|(k, v)| (k.to_string(), FieldChange { old: serde_json::Value::Null, new: v.clone() }))
                .collect(),
            actor: "user:u0".into(),
            source: "api".into(),
            trace_id: "-".into(),
            at: "t".into(),
        }
    }

    #[test]
    fn assignments_and_finished_campaigns_notify_their_people() {
        let task = event("task", "created", &[("assignee_id", json!("u1")), ("title", json!("Call Ada"))]);
        assert_eq!(
            raised(&task, None),
            [("u1".into(), "task_assigned", "Task assigned to you: Call Ada".into(), "/tasks/view?id=r1".into())]
        );
        let reassigned = event("support_case", "updated", &[("owner_id", json!("u2"))]);
        assert_eq!(raised(&reassigned, None)[0].2, "A case was assigned to you");
        let unassigned = event("task", "updated", &[("assignee_id", serde_json::Value::Null)]);
        assert!(raised(&unassigned, None).is_empty());
        let done = event("campaign", "completed", &[("status", json!("completed"))]);
        assert_eq!(raised(&done, Some("u3"))[0].1, "campaign_finished");
        assert!(raised(&done, None).is_empty());
        assert!(raised(&event("contact", "created", &[]), Some("u3")).is_empty());
    }

    #[test]
    fn preferences_name_known_kinds_and_channels() {
        let mut prefs = Preferences::new();
        assert!(in_app(&prefs, "task_assigned"), "in-app unless said otherwise");
        prefs.insert("task_assigned".into(), vec![]);
        assert!(!in_app(&prefs, "task_assigned"));
        assert!(check_preferences(&prefs).is_ok());
        prefs.insert("party".into(), vec!["pigeon".into()]);
        assert!(check_preferences(&prefs).is_err());
    }
}
