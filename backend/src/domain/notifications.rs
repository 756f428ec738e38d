//! Notifications to users: what the change feed says a user should hear about (a task or a
//! case assigned to them, a campaign of theirs finished), what else raises one (a task falling
//! due, a campaign failing, an import finished), and the channels each user wants per kind.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::history::ChangeEvent;

/// Kinds of notification.
pub const KINDS: [&str; 6] =
    ["task_assigned", "task_due", "case_assigned", "campaign_finished", "campaign_failing", "import_finished"];
/// Channels a notification can go through: the dashboard, an email to the user, and SMS or
/// push through the provider webhook the server is configured with.
pub const CHANNELS: [&str; 4] = ["in_app", "email", "sms", "push"];
/// The channels of a kind the user has not chosen for.
pub const DEFAULT_CHANNELS: [&str; 1] = ["in_app"];

/// A notification raised, before it is stored: for whom, what, and where it points.
#[derive(Debug, Clone, PartialEq)]
pub struct Raised {
    /// The user.
    pub user_id: String,
    /// One of [`KINDS`].
    pub kind: &'static str,
    /// One line.
    pub title: String,
    /// The dashboard page it is about.
    pub link: String,
}

impl Raised {
    /// A notification of `kind` for `user_id`.
    pub fn new(
        user_id: impl Into<String>,
        kind: &'static str,
        title: impl Into<String>,
        link: impl Into<String>,
    ) -> Self {
        Raised { user_id: user_id.into(), kind, title: title.into(), link: link.into() }
    }
}

/// One message of a notification on a channel other than in-app, kept until it is sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outbound {
    /// `<notification id>_<channel>`.
    pub id: String,
    /// The user.
    pub user_id: String,
    /// `email`, `sms` or `push`.
    pub channel: String,
    /// The kind.
    pub kind: String,
    /// One line.
    pub title: String,
    /// The dashboard page it is about.
    pub link: String,
    /// `queued`, `sent`, `failed` (refused for good) or `dead` (out of attempts).
    pub status: String,
    /// Attempts so far.
    pub attempts: u32,
    /// When the next attempt is due.
    pub due: String,
    /// The last attempt's error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// When it was raised.
    pub created_at: String,
}

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

/// What a change event raises; `creator` is the user who created a campaign (for
/// `campaign_finished`).
pub fn raised(event: &ChangeEvent, creator: Option<&str>) -> Vec<Raised> {
    let new_value = |field: &str| event.changes.get(field).and_then(|c| c.new.as_str()).map(String::from);
    let named = |noun: &str, field: &str| match new_value(field) {
        Some(title) => format!("{noun} assigned to you: {title}"),
        None => format!("A {} was assigned to you", noun.to_lowercase()),
    };
    match event.entity.as_str() {
        "task" => new_value("assignee_id")
            .map(|user| {
                vec![Raised::new(
                    user,
                    "task_assigned",
                    named("Task", "title"),
                    format!("/tasks/view?id={}", event.entity_id),
                )]
            })
            .unwrap_or_default(),
        "support_case" => new_value("owner_id")
            .map(|user| {
                vec![Raised::new(
                    user,
                    "case_assigned",
                    named("Case", "subject"),
                    format!("/cases/view?id={}", event.entity_id),
                )]
            })
            .unwrap_or_default(),
        "campaign" if event.kind == "completed" => creator
            .map(|user| {
                let title = "A campaign of yours finished sending".to_string();
                vec![Raised::new(user, "campaign_finished", title, format!("/campaigns/view?id={}", event.entity_id))]
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A user's choice of channels per kind; a kind not named goes in-app.
pub type Preferences = BTreeMap<String, Vec<String>>;

/// The channels `prefs` send a notification of `kind` through.
pub fn channels<'a>(prefs: Option<&'a Preferences>, kind: &str) -> Vec<&'a str> {
    match prefs.and_then(|p| p.get(kind)) {
        Some(chosen) => chosen.iter().map(String::as_str).collect(),
        None => DEFAULT_CHANNELS.to_vec(),
    }
}

/// Checks preferences: known kinds, and channels this server can deliver (`available`).
pub fn check_preferences(prefs: &Preferences, available: &[&str]) -> Result<(), super::fields::DomainError> {
    let mut issues = super::fields::Issues::default();
    for (kind, channels) in prefs {
        if !KINDS.contains(&kind.as_str()) {
            issues.add(kind.clone(), format!("is not a kind of notification ({})", KINDS.join(", ")));
        }
        for (i, c) in channels.iter().enumerate() {
            if !CHANNELS.contains(&c.as_str()) {
                issues.add(format!("{kind}[{i}]"), format!("must be one of {}", CHANNELS.join(", ")));
            } else if !available.contains(&c.as_str()) {
                issues.add(
                    format!("{kind}[{i}]"),
                    format!("{c} is not set up on this server (its provider URL is not configured)"),
                );
            }
        }
    }
    issues.finish(())
}

/// Platforms a push device runs on.
pub const PLATFORMS: [&str; 3] = ["ios", "android", "web"];

/// A phone (or browser) of a user that takes push notifications: the push provider gets its
/// token with each push for the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    /// Id: a hash of the token (tokens are long and carry brackets).
    pub id: String,
    /// The token the platform's push service gave the app (an Expo push token, say).
    pub token: String,
    /// Whose it is.
    pub user_id: String,
    /// `ios`, `android` or `web`.
    pub platform: String,
    /// When it was last registered.
    pub updated_at: String,
}

impl Device {
    /// A device of `user_id` from untrusted fields, checked.
    pub fn parse(
        user_id: &str,
        token: Option<String>,
        platform: Option<String>,
        now: &str,
    ) -> Result<Device, super::fields::DomainError> {
        use sha2::Digest;
        let mut issues = super::fields::Issues::default();
        let token = issues.required_text("token", token, 500);
        if token.chars().any(char::is_control) {
            issues.add("token", "must be printable");
        }
        let platform = platform.map(|p| p.trim().to_ascii_lowercase()).unwrap_or_default();
        if !PLATFORMS.contains(&platform.as_str()) {
            issues.add("platform", format!("must be one of {}", PLATFORMS.join(", ")));
        }
        let digest = sha2::Sha256::digest(token.as_bytes());
        let id = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        issues.finish(Device { id, token, user_id: user_id.to_string(), platform, updated_at: now.to_string() })
    }
}

/// Whether a campaign's failures call for a `campaign_failing` notification: at least 10
/// messages failed or dead, and they are at least a fifth of the attempts that ended.
pub fn failing(sent: u64, failed: u64) -> bool {
    failed >= 10 && failed * 5 >= sent + failed
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
            trigger_id: None,
            at: "t".into(),
        }
    }

    #[test]
    fn assignments_and_finished_campaigns_notify_their_people() {
        let task = event("task", "created", &[("assignee_id", json!("u1")), ("title", json!("Call Ada"))]);
        assert_eq!(
            raised(&task, None),
            [Raised::new("u1", "task_assigned", "Task assigned to you: Call Ada", "/tasks/view?id=r1")]
        );
        let reassigned = event("support_case", "updated", &[("owner_id", json!("u2"))]);
        assert_eq!(raised(&reassigned, None)[0].title, "A case was assigned to you");
        let unassigned = event("task", "updated", &[("assignee_id", serde_json::Value::Null)]);
        assert!(raised(&unassigned, None).is_empty());
        let done = event("campaign", "completed", &[("status", json!("completed"))]);
        assert_eq!(raised(&done, Some("u3"))[0].kind, "campaign_finished");
        assert!(raised(&done, None).is_empty());
        assert!(raised(&event("contact", "created", &[]), Some("u3")).is_empty());
    }

    #[test]
    fn preferences_name_known_kinds_and_channels() {
        let mut prefs = Preferences::new();
        assert_eq!(channels(None, "task_assigned"), ["in_app"], "in-app unless said otherwise");
        assert_eq!(channels(Some(&prefs), "task_due"), ["in_app"]);
        prefs.insert("task_assigned".into(), vec![]);
        assert!(channels(Some(&prefs), "task_assigned").is_empty());
        prefs.insert("import_finished".into(), vec!["email".into(), "in_app".into()]);
        assert_eq!(channels(Some(&prefs), "import_finished"), ["email", "in_app"]);
        assert!(check_preferences(&prefs, &["in_app", "email"]).is_ok());
        prefs.insert("task_due".into(), vec!["sms".into()]);
        assert!(check_preferences(&prefs, &["in_app", "email"]).is_err(), "sms has no provider here");
        assert!(check_preferences(&prefs, &CHANNELS).is_ok());
        prefs.insert("party".into(), vec!["pigeon".into()]);
        assert!(check_preferences(&prefs, &CHANNELS).is_err());
    }

    #[test]
    fn a_campaign_is_failing_when_a_fifth_of_at_least_ten_attempts_fail() {
        assert!(!failing(0, 9));
        assert!(failing(0, 10));
        assert!(failing(40, 10));
        assert!(!failing(41, 10));
        assert!(!failing(1000, 100));
    }
}
