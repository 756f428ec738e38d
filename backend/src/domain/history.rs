//! The change-event log: diffs between states, events, and rebuilding state by replay.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Fields every entity carries that are bookkeeping, not data: never part of `changes`.
/// Bookkeeping fields, and derived ones (a contact's `score`), that no change event records.
const META_FIELDS: [&str; 5] = ["id", "version", "created_at", "updated_at", "score"];

/// Event kind for a new record.
pub const CREATED: &str = "created";
/// Event kind for a changed record.
pub const UPDATED: &str = "updated";
/// Event kind for a removed record.
pub const DELETED: &str = "deleted";
/// Kind of a contact's event when it absorbed another (an update: the fields it took).
pub const MERGED: &str = "merged";
/// Kind of a contact's event when it was merged into another (it no longer exists).
pub const MERGED_INTO: &str = "merged_into";
/// Kind of a survivor's event when its merge was undone (an update: its fields as before).
pub const UNMERGED: &str = "unmerged";
/// Kind of a merged contact's event when its merge was undone: it exists again, with every field
/// it had (`created_at` among the changes).
pub const RESTORED: &str = "restored";

/// One field's value before and after a change (`null` = absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// Value before.
    pub old: Value,
    /// Value after.
    pub new: Value,
}

/// Who made a change, through what, under which trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// User or API key (or `system`).
    pub actor: String,
    /// `api`, `import`, `seed`, `form`, ...
    pub source: String,
    /// Trace id of the request.
    pub trace_id: String,
    /// The triggers whose actions led to this write, first to last (empty: none did).
    pub triggers: Vec<String>,
}

impl Origin {
    /// An origin for work not started by a request.
    pub fn system(source: &str) -> Self {
        Origin { triggers: Vec::new(), actor: "system".into(), source: source.into(), trace_id: "-".into() }
    }
}

/// An immutable record of one change to one entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeEvent {
    /// Event id (UUIDv7).
    pub id: String,
    /// `contact`, `company`, ...
    pub entity: String,
    /// Id of the changed record.
    pub entity_id: String,
    /// Version of the record after this change.
    pub version: i64,
    /// `created`, `updated`, `deleted` or a domain kind.
    pub kind: String,
    /// Changed fields.
    pub changes: BTreeMap<String, FieldChange>,
    /// Who.
    pub actor: String,
    /// Through what.
    pub source: String,
    /// Trace id.
    pub trace_id: String,
    /// The trigger that made the change (`source` is then `trigger`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_id: Option<String>,
    /// When (RFC 3339).
    pub at: String,
}

/// The data fields of an entity as a JSON object, without bookkeeping fields.
pub fn data_fields<T: Serialize>(entity: &T) -> Map<String, Value> {
    let mut map = match serde_json::to_value(entity) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    for f in META_FIELDS {
        map.remove(f);
    }
    map.retain(|_, v| !v.is_null());
    map
}

/// Field-by-field difference between two states (absent = `null`).
pub fn diff(old: &Map<String, Value>, new: &Map<String, Value>) -> BTreeMap<String, FieldChange> {
    let mut changes = BTreeMap::new();
    for key in old.keys().chain(new.keys()) {
        let o = old.get(key).cloned().unwrap_or(Value::Null);
        let n = new.get(key).cloned().unwrap_or(Value::Null);
        if o != n {
            changes.insert(key.clone(), FieldChange { old: o, new: n });
        }
    }
    changes
}

/// Builds the event for a transition from `old` to `new` (either may be absent).
#[allow(clippy::too_many_arguments)] // each argument is a distinct part of the event
pub fn event_for<T: Serialize>(
    entity: &str,
    entity_id: &str,
    version: i64,
    old: Option<&T>,
    new: Option<&T>,
    origin: &Origin,
    id: String,
    at: &str,
) -> ChangeEvent {
    let kind = match (old, new) {
        (None, _) => CREATED,
        (Some(_), None) => DELETED,
        (Some(_), Some(_)) => UPDATED,
    };
    let before = old.map(data_fields).unwrap_or_default();
    let after = new.map(data_fields).unwrap_or_default();
    ChangeEvent {
        id,
        entity: entity.into(),
        entity_id: entity_id.into(),
        version,
        kind: kind.into(),
        changes: diff(&before, &after),
        actor: origin.actor.clone(),
        source: origin.source.clone(),
        trace_id: origin.trace_id.clone(),
        trigger_id: origin.triggers.last().cloned(),
        at: at.into(),
    }
}

/// Applies one event to a record's state (`None` = does not exist) and returns the new state.
pub fn apply(state: Option<Map<String, Value>>, event: &ChangeEvent) -> Option<Map<String, Value>> {
    let mut current = match event.kind.as_str() {
        CREATED | RESTORED => {
            let mut fresh = Map::new();
            fresh.insert("id".into(), Value::String(event.entity_id.clone()));
            fresh.insert("created_at".into(), Value::String(event.at.clone()));
            fresh
        }
        DELETED | MERGED_INTO => return None,
        _ => state?,
    };
    for (field, change) in &event.changes {
        if change.new.is_null() {
            current.remove(field);
        } else {
            current.insert(field.clone(), change.new.clone());
        }
    }
    current.insert("version".into(), Value::from(event.version));
    current.insert("updated_at".into(), Value::String(event.at.clone()));
    Some(current)
}

/// Rebuilds a record from its events (oldest first); `None` if it does not exist after them.
///
/// The result has the bookkeeping fields (`id`, `version`, `created_at`, `updated_at`)
/// and deserialises into the entity type.
pub fn replay<'a>(events: impl IntoIterator<Item = &'a ChangeEvent>) -> Option<Map<String, Value>> {
    events.into_iter().fold(None, apply)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
    struct Thing {
        id: String,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        name: Option<String>,
        tags: Vec<String>,
        version: i64,
        created_at: String,
        updated_at: String,
    }

    fn thing(name: Option<&str>, version: i64, at: &str) -> Thing {
        Thing {
            id: "t1".into(),
            name: name.map(Into::into),
            tags: vec!["a".into()],
            version,
            created_at: "t0".into(),
            updated_at: at.into(),
        }
    }

    #[test]
    fn diff_lists_only_changed_data_fields() {
        let o = origin();
        let e = event_for(
            "thing",
            "t1",
            2,
            Some(&thing(Some("a"), 1, "t0")),
            Some(&thing(None, 2, "t1")),
            &o,
            "e".into(),
            "t1",
        );
        assert_eq!(e.kind, UPDATED);
        assert_eq!(e.changes.len(), 1);
        assert_eq!(e.changes["name"], FieldChange { old: json!("a"), new: Value::Null });
    }

    fn origin() -> Origin {
        Origin { triggers: Vec::new(), actor: "u".into(), source: "api".into(), trace_id: "tr".into() }
    }

    proptest::proptest! {
        #[test]
        fn replay_of_generated_history_equals_final_state(names in proptest::collection::vec(proptest::option::of("[a-z]{0,5}"), 1..8), delete_at_end in proptest::bool::ANY) {
            let o = origin();
            let mut events = Vec::new();
            let mut prev: Option<Thing> = None;
            for (i, name) in names.iter().enumerate() {
                let v = i as i64 + 1;
                let at = format!("t{v}");
                let mut next = thing(name.as_deref(), v, &at);
                if let Some(p) = &prev { next.created_at = p.created_at.clone(); } else { next.created_at = at.clone(); }
                events.push(event_for("thing", "t1", v, prev.as_ref(), Some(&next), &o, format!("e{v}"), &at));
                prev = Some(next);
            }
            if delete_at_end {
                let v = names.len() as i64 + 1;
                events.push(event_for::<Thing>("thing", "t1", v, prev.as_ref(), None, &o, "ed".into(), "td"));
                proptest::prop_assert!(replay(&events).is_none());
            } else {
                let rebuilt: Thing = serde_json::from_value(Value::Object(replay(&events).unwrap())).unwrap();
                proptest::prop_assert_eq!(rebuilt, prev.unwrap());
            }
        }
    }
}
