//! Which part of the change log an export writes: all of it, one record, or a sample, with or
//! without the records they link to (`crm history export --entity/--related/--sample`).

use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::Value;

use super::history::ChangeEvent;

/// A record: (entity, id).
pub type RecordKey = (String, String);

/// What to export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogScope {
    /// Only this record (`entity:id`).
    pub entity: Option<RecordKey>,
    /// Only this share of the records (0 < p <= 100), chosen by a hash of their ids, so the same
    /// sample comes out of the same log every time.
    pub sample_percent: Option<f64>,
    /// Also the records that name the chosen ones (deals, cases and tasks of a contact) and every
    /// record those name in turn (their companies, contacts, cases), so the export replays into
    /// records whose links all resolve. Always on for a sample.
    pub related: bool,
}

impl LogScope {
    /// Parses `--entity contact:<id>`, `--related`, `--sample 1%`.
    pub fn parse(entity: Option<&str>, related: bool, sample: Option<&str>) -> Result<Self, String> {
        let entity = match entity {
            None => None,
            Some(raw) => {
                let (kind, id) = raw.split_once(':').ok_or("--entity must look like contact:<id>")?;
                if kind.is_empty() || id.is_empty() || !kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err("--entity must look like contact:<id>".into());
                }
                Some((kind.to_string(), id.to_string()))
            }
        };
        let sample_percent = match sample {
            None => None,
            Some(raw) => {
                let p: f64 = raw.trim().trim_end_matches('%').parse().map_err(|_| "--sample must look like 1%")?;
                if !(p > 0.0 && p <= 100.0) {
                    return Err("--sample must be more than 0% and at most 100%".into());
                }
                Some(p)
            }
        };
        if entity.is_some() && sample_percent.is_some() {
            return Err("--entity and --sample do not go together".into());
        }
        if related && entity.is_none() && sample_percent.is_none() {
            return Err("--related needs --entity or --sample".into());
        }
        Ok(Self { entity, sample_percent, related: related || sample_percent.is_some() })
    }

    /// Whether every event is exported (no record chosen).
    pub fn is_all(&self) -> bool {
        self.entity.is_none() && self.sample_percent.is_none()
    }

    /// Whether the sample holds record `id`.
    fn sampled(&self, id: &str) -> bool {
        self.sample_percent.is_some_and(|p| ((fnv1a(id) % 10_000) as f64) < p * 100.0)
    }
}

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The records an event's new values name (`company_id`, `contact_id`, `contact_ids`, `case_id`,
/// `deal_id`).
pub fn links(event: &ChangeEvent) -> Vec<RecordKey> {
    let mut out = Vec::new();
    for (field, entity) in
        [("company_id", "company"), ("contact_id", "contact"), ("case_id", "support_case"), ("deal_id", "deal")]
    {
        if let Some(Value::String(id)) = event.changes.get(field).map(|c| &c.new) {
            out.push((entity.to_string(), id.clone()));
        }
    }
    if let Some(Value::Array(ids)) = event.changes.get("contact_ids").map(|c| &c.new) {
        out.extend(ids.iter().filter_map(Value::as_str).map(|id| ("contact".to_string(), id.to_string())));
    }
    out
}

/// The links seen in a log, read once.
#[derive(Debug, Default)]
pub struct LinkMap {
    names: HashMap<RecordKey, HashSet<RecordKey>>,
    records: HashSet<RecordKey>,
}

impl LinkMap {
    /// Takes in one event.
    pub fn add(&mut self, event: &ChangeEvent) {
        let key = (event.entity.clone(), event.entity_id.clone());
        let named = links(event);
        if !named.is_empty() {
            self.names.entry(key.clone()).or_default().extend(named);
        }
        self.records.insert(key);
    }

    /// The records `scope` exports.
    pub fn select(&self, scope: &LogScope) -> HashSet<RecordKey> {
        let mut chosen: HashSet<RecordKey> = match &scope.entity {
            Some(key) => self.records.iter().filter(|k| *k == key).cloned().collect(),
            None => self.records.iter().filter(|(_, id)| scope.sampled(id)).cloned().collect(),
        };
        if !scope.related {
            return chosen;
        }
        // The records naming a chosen one, then everything named from there on.
        let naming: Vec<RecordKey> = self
            .names
            .iter()
            .filter(|(_, named)| named.iter().any(|n| chosen.contains(n)))
            .map(|(k, _)| k.clone())
            .collect();
        chosen.extend(naming);
        let mut queue: VecDeque<RecordKey> = chosen.iter().cloned().collect();
        while let Some(key) = queue.pop_front() {
            for named in self.names.get(&key).into_iter().flatten() {
                if self.records.contains(named) && chosen.insert(named.clone()) {
                    queue.push_back(named.clone());
                }
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::FieldChange;

    fn event(entity: &str, id: &str, links: &[(&str, Value)]) -> ChangeEvent {
        ChangeEvent {
            id: format!("e-{id}"),
            entity: entity.into(),
            entity_id: id.into(),
            version: 1,
            kind: "created".into(),
            changes: links
                .iter()
                .map(|(f, v)| (f.to_string(), FieldChange { old: Value::Null, new: v.clone() }))
                .collect(),
            actor: "system".into(),
            source: "test".into(),
            trace_id: "-".into(),
            trigger_id: None,
            at: "2026-01-01T00:00:00Z".into(),
        }
    }

    fn key(entity: &str, id: &str) -> RecordKey {
        (entity.into(), id.into())
    }

    fn map() -> LinkMap {
        let mut m = LinkMap::default();
        for e in [
            event("company", "x", &[]),
            event("company", "y", &[]),
            event("contact", "c1", &[("company_id", Value::from("x"))]),
            event("contact", "c2", &[("company_id", Value::from("y"))]),
            event("deal", "d", &[("contact_ids", serde_json::json!(["c1", "c3"])), ("company_id", Value::from("x"))]),
            event("contact", "c3", &[]),
            event("support_case", "k", &[("contact_id", Value::from("c1")), ("company_id", Value::from("x"))]),
            event("case_interaction", "i", &[("case_id", Value::from("k"))]),
            event("task", "t", &[("contact_id", Value::from("c2"))]),
        ] {
            m.add(&e);
        }
        m
    }

    #[test]
    fn one_record_alone_or_with_what_names_it_and_what_that_names() {
        let m = map();
        let alone = m.select(&LogScope::parse(Some("contact:c1"), false, None).unwrap());
        assert_eq!(alone, HashSet::from([key("contact", "c1")]));
        let related = m.select(&LogScope::parse(Some("contact:c1"), true, None).unwrap());
        let expected: HashSet<RecordKey> = [
            key("contact", "c1"),
            key("company", "x"),
            key("deal", "d"),
            key("contact", "c3"),
            key("support_case", "k"),
        ]
        .into_iter()
        .collect();
        assert_eq!(related, expected, "the case's interaction names the case, not the contact: one level of naming");
        assert!(m.select(&LogScope::parse(Some("contact:nobody"), true, None).unwrap()).is_empty());
    }

    #[test]
    fn a_sample_is_stable_and_brings_its_links() {
        let m = map();
        let all = m.select(&LogScope::parse(None, false, Some("100%")).unwrap());
        assert_eq!(all.len(), 9);
        let scope = LogScope::parse(None, false, Some("30%")).unwrap();
        assert_eq!(m.select(&scope), m.select(&scope));
        for chosen in m.select(&scope) {
            for named in m.names.get(&chosen).into_iter().flatten() {
                assert!(m.select(&scope).contains(named), "{chosen:?} names {named:?}");
            }
        }
    }

    #[test]
    fn bad_scopes_are_refused() {
        assert!(LogScope::parse(Some("contact"), false, None).is_err());
        assert!(LogScope::parse(None, false, Some("0%")).is_err());
        assert!(LogScope::parse(None, false, Some("150")).is_err());
        assert!(LogScope::parse(None, true, None).is_err());
        assert!(LogScope::parse(Some("contact:a"), false, Some("1%")).is_err());
        assert!(LogScope::parse(None, false, None).unwrap().is_all());
    }
}
