//! The change feed's numbering order (services/changes.rs; ARCHITECTURE.md, "The change feed").

use std::collections::HashMap;

use serde::Deserialize;

/// A committed change event waiting for its number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Queued {
    /// Event id.
    pub key: String,
    /// Its entity.
    pub entity: String,
    /// The changed record.
    #[serde(default)]
    pub entity_id: Option<String>,
    /// The record's version after the change.
    #[serde(default)]
    pub version: Option<i64>,
}

/// Puts each record's events in version order, keeping the places the batch gives that record's
/// events: ids order a batch, but two events made in one millisecond (or on servers whose clocks
/// differ) may have ids in the other order.
pub fn in_version_order(batch: &mut [Queued]) {
    let mut places: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, event) in batch.iter().enumerate() {
        if let Some(id) = &event.entity_id {
            places.entry((event.entity.clone(), id.clone())).or_default().push(i);
        }
    }
    for positions in places.into_values().filter(|p| p.len() > 1) {
        let mut events: Vec<Queued> = positions.iter().map(|&p| batch[p].clone()).collect();
        events.sort_by_key(|e| e.version.unwrap_or(0));
        for (p, event) in positions.into_iter().zip(events) {
            batch[p] = event;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(key: &str, entity_id: &str, version: i64) -> Queued {
        Queued { key: key.into(), entity: "contact".into(), entity_id: Some(entity_id.into()), version: Some(version) }
    }

    #[test]
    fn a_records_events_take_its_places_in_version_order_and_others_stay() {
        let mut batch = vec![event("a", "x", 2), event("b", "y", 1), event("c", "x", 1), event("d", "x", 3)];
        in_version_order(&mut batch);
        let keys: Vec<&str> = batch.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["c", "b", "a", "d"]);
    }

    #[test]
    fn the_same_id_in_two_entities_is_two_records() {
        let mut batch = vec![event("a", "x", 2), event("b", "x", 1)];
        batch[1].entity = "company".into();
        in_version_order(&mut batch);
        assert_eq!(batch[0].key, "a");
    }
}
