//! Erasing a person: which fields are personal, the anonymous record, scrubbed history.

use super::contacts::Contact;

/// Fields that identify a person; erasure removes them from the record, its history and timeline.
pub const PERSONAL_FIELDS: [&str; 5] = ["first_name", "last_name", "email", "phone", "title"];

/// What erased values read as in the history.
pub const ERASED: &str = "[erased]";

impl Contact {
    /// The contact with its personal fields removed, one version later. What remains (status,
    /// tags, company, source, dates) is anonymous and keeps analytics counts intact.
    pub fn erased(&self, now: &str) -> Contact {
        Contact {
            first_name: None,
            last_name: None,
            email: format!("erased+{}@erased.invalid", self.id),
            phone: None,
            title: None,
            version: self.version + 1,
            updated_at: now.to_string(),
            ..self.clone()
        }
    }
}

/// The changes of an event with every personal value replaced by [`ERASED`]; `keep_new` keeps
/// the new values (for the erasure event itself, whose new values are anonymous).
pub fn scrub_changes(
    changes: &std::collections::BTreeMap<String, super::history::FieldChange>,
    keep_new: bool,
) -> std::collections::BTreeMap<String, super::history::FieldChange> {
    let scrub = |v: &serde_json::Value| {
        if v.is_null() {
            serde_json::Value::Null
        } else {
            serde_json::Value::String(ERASED.into())
        }
    };
    changes
        .iter()
        .map(|(field, change)| {
            let change = if PERSONAL_FIELDS.contains(&field.as_str()) {
                let new = if keep_new { change.new.clone() } else { scrub(&change.new) };
                super::history::FieldChange { old: scrub(&change.old), new }
            } else {
                change.clone()
            };
            (field.clone(), change)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::{ContactInput, NewContact};
    use crate::domain::history::{event_for, replay, Origin};

    #[test]
    fn erasure_scrubs_history_and_replay_still_matches_the_record() {
        let new = NewContact::parse(ContactInput {
            email: Some("zed@example.com".into()),
            first_name: Some("Zed".into()),
            tags: Some(vec!["vip".into()]),
            ..Default::default()
        })
        .unwrap();
        let c = Contact::create("c1".into(), new, "t1");
        let o = Origin::system("test");
        let created = event_for("contact", "c1", 1, None, Some(&c), &o, "e1".into(), "t1");
        let gone = c.erased("t2");
        let mut erased = event_for("contact", "c1", 2, Some(&c), Some(&gone), &o, "e2".into(), "t2");
        erased.kind = "erased".into();
        let events = vec![
            crate::domain::history::ChangeEvent { changes: scrub_changes(&created.changes, false), ..created },
            crate::domain::history::ChangeEvent { changes: scrub_changes(&erased.changes, true), ..erased },
        ];
        let text = serde_json::to_string(&events).unwrap();
        assert!(!text.contains("zed@example.com") && !text.contains("Zed"), "{text}");
        assert!(text.contains("vip"), "anonymous fields stay");
        let rebuilt: Contact = serde_json::from_value(serde_json::Value::Object(replay(&events).unwrap())).unwrap();
        assert_eq!(rebuilt, gone);
    }
}
