//! Triggers: automation when a record of an object is created or changed. Each has a CEL
//! condition over the record and its previous version (bound as validation rules bind them:
//! `deal` and `old_deal`) and one action.
//!
//! `before` triggers run inside the write: `set` derives custom fields from CEL expressions,
//! `reject` refuses the write. They run in order, again and again while one of them still
//! changes the record; a write that keeps changing after [`MAX_FIRINGS`] firings is a loop.
//! `after` triggers are queued with the write (an outbox row in its transaction) and run once
//! it is committed: a task, a timeline entry, custom fields of a related record, an in-app
//! notification, or a webhook event. A write made by an after trigger fires triggers in turn,
//! at most [`MAX_DEPTH`] deep.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::custom::{FieldDef, FieldType, Object};
use super::fields::{DomainError, Issues};
use super::rules::{binding, check_error_field, checked_condition, Bindings, Condition};

/// Most firings of before triggers in one write.
pub const MAX_FIRINGS: usize = 16;
/// Longest chain of after-trigger writes (a trigger's write firing a trigger, ...).
pub const MAX_DEPTH: usize = 5;
/// Most fields one action sets.
const MAX_VALUES: usize = 20;

/// When a trigger runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    /// Inside the write, before it is stored.
    Before,
    /// After the write is committed, through the outbox.
    After,
}

/// What a trigger does when its condition holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// (before) Sets custom fields (`custom.<name>`) to the values of CEL expressions.
    Set {
        /// Field -> expression.
        values: BTreeMap<String, String>,
    },
    /// (before) Refuses the write: 422 with `message` on `field`.
    Reject {
        /// What the client is told.
        message: String,
        /// The field the error names (default: the object's name).
        #[serde(default)]
        field: String,
    },
    /// (after) Creates a task about the record (its contact, company, deal or case).
    CreateTask {
        /// Title; `{{deal.name}}` is replaced by the record's value.
        title: String,
        /// Due this many days after the write.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_in_days: Option<i64>,
        /// Assignee (a user id); default: the record's owner, else nobody.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        assignee_id: Option<String>,
    },
    /// (after) Adds a note to the timeline of each contact the record names.
    AddTimelineEntry {
        /// The note; `{{...}}` as in titles.
        summary: String,
    },
    /// (after) Sets custom fields of the record a reference field names.
    UpdateRelated {
        /// The reference: `company_id`, `contact_id`, `contact_ids` or a custom reference field.
        via: String,
        /// Field of the related record (`custom.<name>`) -> CEL expression over this record.
        values: BTreeMap<String, String>,
    },
    /// (after) An in-app notification to a user.
    Notify {
        /// The user; default: the record's owner.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        user_id: Option<String>,
        /// One line; `{{...}}` as in titles.
        message: String,
    },
    /// (after) A webhook event `custom.<event>` to the subscriptions that want it, with the
    /// record and its previous version.
    Webhook {
        /// The event's name after `custom.`.
        event: String,
    },
}

impl Action {
    /// The action's `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Set { .. } => "set",
            Action::Reject { .. } => "reject",
            Action::CreateTask { .. } => "create_task",
            Action::AddTimelineEntry { .. } => "add_timeline_entry",
            Action::UpdateRelated { .. } => "update_related",
            Action::Notify { .. } => "notify",
            Action::Webhook { .. } => "webhook",
        }
    }

    fn timing(&self) -> Timing {
        match self {
            Action::Set { .. } | Action::Reject { .. } => Timing::Before,
            _ => Timing::After,
        }
    }
}

/// A trigger as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    /// Id (UUIDv7).
    pub id: String,
    /// The object whose writes fire it.
    pub object: Object,
    /// A short name, unique per object.
    pub name: String,
    /// Before or after the write.
    pub timing: Timing,
    /// CEL condition; empty: every create and update.
    pub condition: String,
    /// What it does.
    pub action: Action,
    /// Fires (a trigger can be switched off without deleting it).
    pub active: bool,
    /// Order among the object's triggers (lower first).
    pub position: i64,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

/// Raw, untrusted fields of a trigger or a change to one.
#[derive(Debug, Clone, Default)]
pub struct TriggerInput {
    /// Name.
    pub name: Option<String>,
    /// `before` or `after`.
    pub timing: Option<String>,
    /// Condition.
    pub condition: Option<String>,
    /// The action as JSON (`{"type": "set", ...}`).
    pub action: Option<Value>,
    /// Active.
    pub active: Option<bool>,
    /// Position.
    pub position: Option<i64>,
}

/// A trigger with its condition and expressions compiled.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The trigger.
    pub trigger: Trigger,
    condition: Option<Condition>,
    expressions: Vec<(String, Condition)>,
}

impl Compiled {
    /// Compiles `trigger` for its object's writes.
    pub fn new(trigger: Trigger) -> Result<Compiled, String> {
        let object = trigger.object;
        let condition = match trigger.condition.trim() {
            "" => None,
            c => Some(Condition::compile(object, c)?),
        };
        let expressions = match &trigger.action {
            Action::Set { values } | Action::UpdateRelated { values, .. } => values
                .iter()
                .map(|(field, source)| Ok((field.clone(), Condition::compile(object, source)?)))
                .collect::<Result<_, String>>()?,
            _ => Vec::new(),
        };
        Ok(Compiled { trigger, condition, expressions })
    }

    /// Whether it fires for a record and its previous version: its condition holds.
    pub fn fires(&self, bound: &Bindings) -> Result<bool, String> {
        match &self.condition {
            None => Ok(true),
            Some(c) => c.holds_for(bound),
        }
    }

    /// The values its expressions give for a record and its previous version, by field.
    pub fn values(&self, bound: &Bindings) -> Result<Vec<(String, Value)>, String> {
        self.expressions
            .iter()
            .map(|(field, e)| e.value_for(bound).map(|v| (field.clone(), v)).map_err(|m| format!("{field}: {m}")))
            .collect()
    }
}

impl Trigger {
    /// A new trigger on `object`, checked (its condition and expressions must compile).
    pub fn create(
        id: String,
        object: Object,
        defs: &[FieldDef],
        input: TriggerInput,
        now: &str,
    ) -> Result<Trigger, DomainError> {
        let blank = Trigger {
            id,
            object,
            name: String::new(),
            timing: Timing::Before,
            condition: String::new(),
            action: Action::Reject { message: String::new(), field: String::new() },
            active: true,
            position: 0,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        let mut issues = Issues::default();
        for (field, missing) in [
            ("name", input.name.as_deref().is_none_or(|v| v.trim().is_empty())),
            ("timing", input.timing.is_none()),
            ("action", input.action.is_none()),
        ] {
            if missing {
                issues.add(field, "is required");
            }
        }
        blank.apply_checked(defs, input, issues)
    }

    /// This trigger changed by `input`, one version later.
    pub fn apply(&self, defs: &[FieldDef], input: TriggerInput, now: &str) -> Result<Trigger, DomainError> {
        let mut next = self.apply_checked(defs, input, Issues::default())?;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    fn apply_checked(
        &self,
        defs: &[FieldDef],
        input: TriggerInput,
        mut issues: Issues,
    ) -> Result<Trigger, DomainError> {
        let mut next = self.clone();
        if let Some(name) = issues.text("name", input.name, 100) {
            next.name = name;
        }
        if let Some(timing) = input.timing {
            match timing.trim() {
                "before" => next.timing = Timing::Before,
                "after" => next.timing = Timing::After,
                _ => issues.add("timing", "must be before or after"),
            }
        }
        if let Some(active) = input.active {
            next.active = active;
        }
        if let Some(position) = input.position {
            next.position = position;
        }
        if let Some(condition) = input.condition {
            next.condition = checked_condition(self.object, condition, &mut issues);
        }
        if let Some(raw) = input.action {
            match serde_json::from_value::<Action>(raw) {
                Ok(action) => next.action = action,
                Err(e) => issues.add(
                    "action",
                    format!(
                        "is not an action ({e}): its type is set, reject, create_task, add_timeline_entry, \
                         update_related, notify or webhook"
                    ),
                ),
            }
        }
        if !issues.has("action") {
            check_action(self.object, defs, next.timing, &next.action, &mut issues);
        }
        issues.finish(next)
    }
}

/// Checks an action's parts: it suits the timing, the fields it sets exist, its expressions
/// and texts are well formed.
fn check_action(object: Object, defs: &[FieldDef], timing: Timing, action: &Action, issues: &mut Issues) {
    if action.timing() != timing {
        let when = if timing == Timing::Before { "before" } else { "after" };
        issues.add("action.type", format!("`{}` cannot run {when} a write", action.kind()));
        return;
    }
    // `known` says whether a field name is one the action may set; `what` says what it must be.
    let compile_values =
        |issues: &mut Issues, values: &BTreeMap<String, String>, known: &dyn Fn(&str) -> bool, what: &str| {
            if values.is_empty() || values.len() > MAX_VALUES {
                issues.add("action.values", format!("must set 1 to {MAX_VALUES} fields"));
            }
            for (field, source) in values {
                if !field.strip_prefix("custom.").is_some_and(known) {
                    issues.add(format!("action.values.{field}"), what);
                }
                if let Err(m) = Condition::compile(object, source) {
                    issues.add(format!("action.values.{field}"), m);
                }
            }
        };
    let text = |issues: &mut Issues, field: &str, value: &str, max: usize| {
        let n = value.trim().chars().count();
        if n == 0 || n > max {
            issues.add(format!("action.{field}"), format!("must be 1 to {max} characters"));
        }
    };
    match action {
        Action::Set { values } => compile_values(
            issues,
            values,
            &|name| defs.iter().any(|d| d.name == name),
            "must be a custom field (custom.<name>) of the record it sets",
        ),
        Action::Reject { message, field } => {
            text(issues, "message", message, 500);
            check_error_field(object, field, "action.field", issues);
        }
        Action::CreateTask { title, due_in_days, .. } => {
            text(issues, "title", title, 500);
            if due_in_days.is_some_and(|d| !(0..=3650).contains(&d)) {
                issues.add("action.due_in_days", "must be 0 to 3650");
            }
        }
        Action::AddTimelineEntry { summary } => text(issues, "summary", summary, 5000),
        Action::Notify { message, .. } => text(issues, "message", message, 500),
        Action::Webhook { event } => {
            if !super::custom::is_field_name(event) {
                issues.add("action.event", "must be a snake_case name (sent as custom.<event>)");
            }
        }
        Action::UpdateRelated { via, values } => match related_object(object, defs, via) {
            // The related object's own fields are checked when the write is made.
            Some(_) => {
                compile_values(issues, values, &super::custom::is_field_name, "must be a custom field (custom.<name>)")
            }
            None => issues.add(
                "action.via",
                format!(
                    "must be a reference field of {} (company_id, contact_id, or a custom reference)",
                    object.plural()
                ),
            ),
        },
    }
}

/// The object the reference field `via` of `object` points to.
pub fn related_object(object: Object, defs: &[FieldDef], via: &str) -> Option<Object> {
    if let Some(name) = via.strip_prefix("custom.") {
        return defs.iter().find(|d| d.name == name && d.field_type == FieldType::Reference).and_then(|d| d.reference);
    }
    match (object, via) {
        (Object::Contact | Object::Deal | Object::Case, "company_id") => Some(Object::Company),
        (Object::Case, "contact_id") | (Object::Deal, "contact_ids") => Some(Object::Contact),
        _ => None,
    }
}

/// The ids the reference field `via` holds in `record` (a JSON record): one, several or none.
pub fn related_ids(record: &Value, via: &str) -> Vec<String> {
    let value = match via.strip_prefix("custom.") {
        Some(name) => record.get("custom").and_then(|c| c.get(name)),
        None => record.get(via),
    };
    match value {
        Some(Value::String(s)) if !s.is_empty() => vec![s.clone()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(String::from).collect(),
        _ => Vec::new(),
    }
}

/// `text` with each `{{path}}` replaced by that value of the bound record (`{{deal.name}}`,
/// `{{deal.custom.tier}}`, `{{old_deal.stage}}`); an unknown path gives an empty string.
pub fn render(text: &str, object: Object, record: &Value, old: Option<&Value>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let path = rest[start + 2..start + end].trim();
        out.push_str(&lookup(path, object, record, old));
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

fn lookup(path: &str, object: Object, record: &Value, old: Option<&Value>) -> String {
    let mut parts = path.split('.');
    let root = match parts.next() {
        Some(r) if r == object.name() => Some(record),
        Some(r) if r.strip_prefix("old_") == Some(object.name()) => old,
        _ => None,
    };
    let found = parts.try_fold(root, |v, key| Some(v.and_then(|v| v.get(key))));
    match found.flatten() {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map(String::from).unwrap_or_else(|| i.to_string()))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// One before trigger that changed a write: the trigger and the record after it (as JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct Firing {
    /// The trigger's id.
    pub trigger_id: String,
    /// The record after it fired.
    pub state: Value,
}

/// Why before triggers refused a write.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// `reject` triggers whose conditions held, or values a `set` gave that could not be stored:
    /// `(field, message)`.
    Rejected(Vec<(String, String)>),
    /// The triggers kept changing the record: the names of the firings, in order.
    Loop(Vec<String>),
}

/// Runs the before triggers of a write of `object` from `old` to `new` (JSON records; `defs`
/// the object's custom fields): in order, over and over while a `set` still changes the record
/// (at most [`MAX_FIRINGS`] firings), then the `reject`s on the final record. A trigger whose
/// condition or expressions cannot be decided on this record does not fire (it is logged).
pub fn fire_before(
    object: Object,
    defs: &[FieldDef],
    triggers: &[Compiled],
    old: Option<&Value>,
    new: &Value,
) -> Result<Vec<Firing>, Refusal> {
    let before: Vec<&Compiled> =
        triggers.iter().filter(|t| t.trigger.active && t.trigger.timing == Timing::Before).collect();
    if before.is_empty() {
        return Ok(Vec::new());
    }
    let old = old.map(|o| binding(object, defs, o));
    let mut current = new.clone();
    let mut firings: Vec<Firing> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    loop {
        let mut changed = false;
        for t in before.iter().filter(|t| matches!(t.trigger.action, Action::Set { .. })) {
            let bound = Bindings::new(object, &binding(object, defs, &current), old.as_ref());
            let values = match t.fires(&bound).and_then(|f| if f { t.values(&bound).map(Some) } else { Ok(None) }) {
                Ok(Some(values)) => values,
                Ok(None) => continue,
                Err(e) => {
                    tracing::warn!(trigger = %t.trigger.id, error = %e, "a trigger could not be decided on a write");
                    continue;
                }
            };
            let next = with_values(&current, &values);
            if next == current {
                continue;
            }
            names.push(t.trigger.name.clone());
            if names.len() > MAX_FIRINGS {
                return Err(Refusal::Loop(names));
            }
            firings.push(Firing { trigger_id: t.trigger.id.clone(), state: next.clone() });
            current = next;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let bound = Bindings::new(object, &binding(object, defs, &current), old.as_ref());
    let rejected: Vec<(String, String)> = before
        .iter()
        .filter_map(|t| match &t.trigger.action {
            Action::Reject { message, field } => match t.fires(&bound) {
                Ok(true) => {
                    Some((if field.is_empty() { object.name().to_string() } else { field.clone() }, message.clone()))
                }
                Ok(false) => None,
                Err(e) => {
                    tracing::warn!(trigger = %t.trigger.id, error = %e, "a trigger could not be decided on a write");
                    None
                }
            },
            _ => None,
        })
        .collect();
    if rejected.is_empty() {
        Ok(firings)
    } else {
        Err(Refusal::Rejected(rejected))
    }
}

/// `record` with `values` (`custom.<name>` -> value) set; a null removes the value.
pub fn with_values(record: &Value, values: &[(String, Value)]) -> Value {
    let mut next = record.clone();
    let Value::Object(map) = &mut next else { return next };
    let custom = map.entry("custom").or_insert_with(|| Value::Object(Map::new()));
    if !custom.is_object() {
        *custom = Value::Object(Map::new());
    }
    if let Value::Object(custom) = custom {
        for (field, value) in values {
            if let Some(name) = field.strip_prefix("custom.") {
                if value.is_null() {
                    custom.remove(name);
                } else {
                    custom.insert(name.to_string(), value.clone());
                }
            }
        }
    }
    if map.get("custom").and_then(Value::as_object).is_some_and(Map::is_empty) {
        map.remove("custom");
    }
    next
}

/// The after triggers a write of `object` from `old` to `new` fires, in order.
pub fn fire_after<'a>(
    object: Object,
    defs: &[FieldDef],
    triggers: &'a [Compiled],
    old: Option<&Value>,
    new: &Value,
) -> Vec<&'a Compiled> {
    let after: Vec<&Compiled> =
        triggers.iter().filter(|t| t.trigger.active && t.trigger.timing == Timing::After).collect();
    if after.is_empty() {
        return after;
    }
    let old = old.map(|o| binding(object, defs, o));
    let bound = Bindings::new(object, &binding(object, defs, new), old.as_ref());
    after
        .into_iter()
        .filter(|t| match t.fires(&bound) {
            Ok(f) => f,
            Err(e) => {
                tracing::warn!(trigger = %t.trigger.id, error = %e, "a trigger could not be decided on a write");
                false
            }
        })
        .collect()
}

/// Where a queued after-trigger run stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Waiting for the runner.
    Queued,
    /// Claimed by a runner.
    Running,
    /// Its action was carried out.
    Done,
    /// Its action failed for good (`error` says why).
    Failed,
}

/// One firing of an after trigger: queued with the write that fired it, run once it is
/// committed; the log of a trigger's recent runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerRun {
    /// Id (UUIDv7, also its order).
    pub id: String,
    /// The trigger.
    pub trigger_id: String,
    /// Its name when it fired.
    pub trigger_name: String,
    /// The object of the record.
    pub object: Object,
    /// The record whose write fired it.
    pub record_id: String,
    /// The record before the write (`None`: created).
    pub old: Option<Value>,
    /// The record as written.
    pub record: Value,
    /// Who made the write.
    pub actor: String,
    /// The write's trace id.
    pub trace_id: String,
    /// The triggers that led here, this one last: the writes its action makes carry it.
    pub chain: Vec<String>,
    /// Where it stands.
    pub status: RunStatus,
    /// Attempts so far.
    pub attempts: u32,
    /// When it is due (RFC 3339); while running, when its claim runs out.
    pub due: String,
    /// What the action did (`task 0193...`), once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The failure's code (`trigger_loop`, `validation_failed`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Queued (RFC 3339).
    pub created_at: String,
    /// Finished (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
}

impl TriggerRun {
    /// A run of `trigger` for a write of `record_id` from `old` to `record` by `origin`.
    pub fn queued(
        id: String,
        trigger: &Trigger,
        record_id: &str,
        old: Option<Value>,
        record: Value,
        origin: &super::history::Origin,
        now: &str,
    ) -> TriggerRun {
        let mut chain = origin.triggers.clone();
        chain.push(trigger.id.clone());
        TriggerRun {
            id,
            trigger_id: trigger.id.clone(),
            trigger_name: trigger.name.clone(),
            object: trigger.object,
            record_id: record_id.to_string(),
            old,
            record,
            actor: origin.actor.clone(),
            trace_id: origin.trace_id.clone(),
            chain,
            status: RunStatus::Queued,
            attempts: 0,
            due: now.to_string(),
            outcome: None,
            error: None,
            error_code: None,
            created_at: now.to_string(),
            finished_at: None,
        }
    }

    /// The origin of the writes its action makes: the original actor and trace, through
    /// `trigger`, with the chain that led here.
    pub fn origin(&self) -> super::history::Origin {
        super::history::Origin {
            triggers: self.chain.clone(),
            actor: self.actor.clone(),
            source: "trigger".into(),
            trace_id: self.trace_id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn trigger(name: &str, timing: Timing, condition: &str, action: Value) -> Compiled {
        let action: Action = serde_json::from_value(action).unwrap();
        let t = Trigger {
            id: format!("id-{name}"),
            object: Object::Deal,
            name: name.into(),
            timing,
            condition: condition.into(),
            action,
            active: true,
            position: 0,
            version: 1,
            created_at: String::new(),
            updated_at: String::new(),
        };
        Compiled::new(t).unwrap()
    }

    #[test]
    fn a_set_derives_fields_and_stops_when_nothing_changes() {
        let t = trigger(
            "size",
            Timing::Before,
            "deal.amount > 1000",
            json!({"type": "set", "values": {"custom.size": "'large'"}}),
        );
        let firings =
            fire_before(Object::Deal, &[], std::slice::from_ref(&t), None, &json!({"amount": "5000"})).unwrap();
        assert_eq!(firings.len(), 1);
        assert_eq!(firings[0].state["custom"]["size"], "large");
        // Already derived: the trigger changes nothing, so it does not fire.
        let again = fire_before(Object::Deal, &[], &[t], None, &firings[0].state).unwrap();
        assert!(again.is_empty());
    }

    #[test]
    fn triggers_that_keep_changing_the_record_are_a_loop_with_their_chain() {
        let bump =
            trigger("bump", Timing::Before, "", json!({"type": "set", "values": {"custom.n": "deal.custom.n + 1"}}));
        let start = json!({"custom": {"n": 0}});
        let Err(Refusal::Loop(chain)) = fire_before(Object::Deal, &[], &[bump], None, &start) else { panic!("a loop") };
        assert_eq!(chain.len(), MAX_FIRINGS + 1);
        assert!(chain.iter().all(|n| n == "bump"));
        // Two triggers flipping a value between them.
        let a =
            trigger("a", Timing::Before, "deal.custom.x != 'a'", json!({"type": "set", "values": {"custom.x": "'a'"}}));
        let b =
            trigger("b", Timing::Before, "deal.custom.x == 'a'", json!({"type": "set", "values": {"custom.x": "'b'"}}));
        let Err(Refusal::Loop(chain)) = fire_before(Object::Deal, &[], &[a, b], None, &json!({"custom": {"x": "b"}}))
        else {
            panic!("a loop")
        };
        assert_eq!(&chain[..4], ["a", "b", "a", "b"]);
    }

    #[test]
    fn a_reject_sees_the_previous_version_and_the_derived_fields() {
        let shrink = trigger(
            "no_shrink",
            Timing::Before,
            "old_deal != null && deal.amount < old_deal.amount",
            json!({"type": "reject", "message": "amounts only grow", "field": "amount"}),
        );
        let old = json!({"amount": "10"});
        assert_eq!(
            fire_before(Object::Deal, &[], std::slice::from_ref(&shrink), Some(&old), &json!({"amount": "5"})),
            Err(Refusal::Rejected(vec![("amount".into(), "amounts only grow".into())]))
        );
        assert_eq!(fire_before(Object::Deal, &[], &[shrink], Some(&old), &json!({"amount": "50"})), Ok(vec![]));
    }

    #[test]
    fn after_triggers_fire_on_their_condition() {
        let won = trigger(
            "won",
            Timing::After,
            "deal.stage == 'won' && (old_deal == null || old_deal.stage != 'won')",
            json!({"type": "create_task", "title": "Kick off {{deal.name}}"}),
        );
        let all = [won];
        assert_eq!(fire_after(Object::Deal, &[], &all, None, &json!({"stage": "won"})).len(), 1);
        let old = json!({"stage": "won"});
        assert!(fire_after(Object::Deal, &[], &all, Some(&old), &json!({"stage": "won"})).is_empty());
    }

    #[test]
    fn texts_name_record_values() {
        let record = json!({"name": "Acme renewal", "custom": {"tier": "gold"}, "tags": ["a", "b"]});
        let old = json!({"name": "Acme"});
        assert_eq!(
            render(
                "Call {{ deal.name }} ({{deal.custom.tier}}, was {{old_deal.name}}) {{deal.tags}} {{x.y}}",
                Object::Deal,
                &record,
                Some(&old)
            ),
            "Call Acme renewal (gold, was Acme) a, b "
        );
        assert_eq!(render("open {{", Object::Deal, &record, None), "open {{");
    }

    #[test]
    fn actions_must_suit_their_timing_and_name_real_fields() {
        let input = |timing: &str, action: Value| TriggerInput {
            name: Some("t".into()),
            timing: Some(timing.into()),
            action: Some(action),
            ..Default::default()
        };
        let err = Trigger::create(
            "1".into(),
            Object::Deal,
            &[],
            input("after", json!({"type": "set", "values": {"custom.x": "1"}})),
            "",
        )
        .unwrap_err();
        assert!(format!("{err:?}").contains("action.type"));
        let err = Trigger::create(
            "1".into(),
            Object::Deal,
            &[],
            input("before", json!({"type": "set", "values": {"custom.x": "1"}})),
            "",
        )
        .unwrap_err();
        assert!(format!("{err:?}").contains("action.values.custom.x"));
        let err = Trigger::create(
            "1".into(),
            Object::Deal,
            &[],
            input("after", json!({"type": "update_related", "via": "name", "values": {"custom.x": "1"}})),
            "",
        )
        .unwrap_err();
        assert!(format!("{err:?}").contains("action.via"));
        let ok = Trigger::create(
            "1".into(),
            Object::Deal,
            &[],
            input(
                "after",
                json!({"type": "update_related", "via": "company_id", "values": {"custom.last_won": "deal.name"}}),
            ),
            "",
        );
        assert!(ok.is_ok());
        let err =
            Trigger::create("1".into(), Object::Deal, &[], input("after", json!({"type": "fly"})), "").unwrap_err();
        assert!(format!("{err:?}").contains("action"));
    }
}
