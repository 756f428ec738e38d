//! Validation rules: a CEL (Common Expression Language) condition over a record and its
//! previous version; a write whose condition is true is rejected with the rule's message on
//! its field. The record is bound by its object's name (`deal`), the previous version by
//! `old_deal` (`null` on create); decimal strings are numbers, every field is present (`null`
//! when unset), custom fields under `custom`.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::custom::{FieldDef, FieldType, Object};
use super::fields::{DomainError, Issues};

/// A validation rule as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    /// Id (UUIDv7).
    pub id: String,
    /// The object whose writes it checks.
    pub object: Object,
    /// A short name (`won_needs_amount`).
    pub name: String,
    /// The CEL condition; true rejects the write.
    pub condition: String,
    /// What the client is told.
    pub message: String,
    /// The field the error names (`amount`, `custom.industry_code`).
    pub field: String,
    /// Checked on writes (a rule can be switched off without deleting it).
    #[serde(default = "yes")]
    pub active: bool,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
}

fn yes() -> bool {
    true
}

/// Raw, untrusted fields of a rule or a change to one.
#[derive(Debug, Clone, Default)]
pub struct RuleInput {
    /// Name.
    pub name: Option<String>,
    /// Condition.
    pub condition: Option<String>,
    /// Message.
    pub message: Option<String>,
    /// Field.
    pub field: Option<String>,
    /// Active.
    pub active: Option<bool>,
}

/// Most characters of a condition.
const MAX_CONDITION: usize = 4000;
/// Deepest nesting of a condition's syntax tree (evaluation recurses through it).
pub const MAX_DEPTH: usize = 24;
/// Stack of the thread that parses a condition.
const COMPILE_STACK: usize = 256 << 20;

/// How deeply `expr` nests (a leaf is 1).
fn depth(expr: &cel::IdedExpr) -> usize {
    use cel::common::ast::{EntryExpr, Expr};
    let entry = |e: &cel::common::ast::IdedEntryExpr| match &e.expr {
        EntryExpr::StructField(f) => depth(&f.value),
        EntryExpr::MapEntry(m) => depth(&m.key).max(depth(&m.value)),
    };
    1 + match &expr.expr {
        Expr::Call(c) => c.target.iter().map(|t| depth(t)).chain(c.args.iter().map(depth)).max().unwrap_or(0),
        Expr::Comprehension(c) => [&c.iter_range, &c.accu_init, &c.loop_cond, &c.loop_step, &c.result]
            .into_iter()
            .map(depth)
            .max()
            .unwrap_or(0),
        Expr::List(l) => l.elements.iter().map(depth).max().unwrap_or(0),
        Expr::Map(m) => m.entries.iter().map(entry).max().unwrap_or(0),
        Expr::Struct(s) => s.entries.iter().map(entry).max().unwrap_or(0),
        Expr::Select(s) => depth(&s.operand),
        _ => 0,
    }
}

/// A compiled condition, shared by every write that checks it.
#[derive(Clone)]
pub struct Condition(Arc<cel::Program>);

impl std::fmt::Debug for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Condition")
    }
}

impl Condition {
    /// Compiles `source` for rules on `object`: a syntax error, or a name other than the
    /// record's two bindings (and a comprehension's own variables), is reported.
    pub fn compile(object: Object, source: &str) -> Result<Condition, String> {
        if source.trim().is_empty() {
            return Err("is required".into());
        }
        if source.chars().count() > MAX_CONDITION {
            return Err(format!("must be at most {MAX_CONDITION} characters"));
        }
        // The parser recurses per nested bracket: it runs on a thread of its own with a large
        // stack, and a tree nested deeper than MAX_DEPTH (which evaluation, on the server's
        // threads, would recurse through) is refused.
        let source = source.to_string();
        let compiled = std::thread::Builder::new()
            .name("cel-compile".into())
            .stack_size(COMPILE_STACK)
            .spawn(move || -> Result<Condition, String> {
                let program = cel::Program::compile(&source)
                    .map_err(|e| format!("does not compile: {}", one_line(&e.to_string())))?;
                let depth = depth(program.expression());
                if depth > MAX_DEPTH {
                    return Err(format!("nests too deeply: {depth} levels, at most {MAX_DEPTH}"));
                }
                let condition = Condition(Arc::new(program));
                // A trial run on a record with every field null finds names that are not bound.
                let blank = Value::Object(Map::new());
                if let Err(cel::ExecutionError::UndeclaredReference(name)) =
                    condition.run(&Bindings::new(object, &blank, None))
                {
                    return Err(format!(
                        "uses `{name}`, which is not defined: a rule sees `{o}` and `old_{o}`",
                        o = object.name()
                    ));
                }
                Ok(condition)
            })
            .map_err(|e| format!("could not be compiled now: {e}"))?;
        compiled.join().map_err(|_| "could not be compiled".to_string())?
    }

    fn run(&self, bound: &Bindings) -> Result<cel::Value, cel::ExecutionError> {
        self.0.execute(&bound.context)
    }

    /// Whether the condition holds for `record` (and `old`, its previous version), both already
    /// bound by [`binding`]; an error says why it could not be decided.
    pub fn holds(&self, object: Object, record: &Value, old: Option<&Value>) -> Result<bool, String> {
        self.holds_for(&Bindings::new(object, record, old))
    }

    /// [`Condition::holds`] over values converted once for several conditions.
    pub fn holds_for(&self, bound: &Bindings) -> Result<bool, String> {
        match self.run(bound) {
            Ok(cel::Value::Bool(b)) => Ok(b),
            Ok(other) => Err(format!("the condition gave {}, not true or false", other.type_of())),
            Err(e) => Err(one_line(&e.to_string())),
        }
    }
}

impl Condition {
    /// The value the expression gives for `record` (and `old`), both already bound by
    /// [`binding`], as JSON (a trigger's derived field).
    pub fn value(&self, object: Object, record: &Value, old: Option<&Value>) -> Result<Value, String> {
        self.value_for(&Bindings::new(object, record, old))
    }

    /// [`Condition::value`] over values converted once for several expressions.
    pub fn value_for(&self, bound: &Bindings) -> Result<Value, String> {
        let value = self.run(bound).map_err(|e| one_line(&e.to_string()))?;
        value.json().map_err(|e| format!("gave a value that cannot be stored: {}", one_line(&e.to_string())))
    }
}

/// A record and its previous version (already bound by [`binding`]) in a CEL context: converted
/// once per write and evaluated by every condition it checks, over one standard library built
/// once per process (building it registers every standard function, far dearer than a check).
pub struct Bindings {
    context: cel::Context<'static, 'static>,
}

impl Bindings {
    /// Binds `record` as `<object>` and `old` as `old_<object>`.
    pub fn new(object: Object, record: &Value, old: Option<&Value>) -> Self {
        static STDLIB: std::sync::OnceLock<Arc<cel::Env>> = std::sync::OnceLock::new();
        let env = STDLIB.get_or_init(|| Arc::new(cel::Env::stdlib())).clone();
        let mut context = cel::Context::with_env(env);
        context.add_variable_from_value(object.name(), to_cel(record));
        context.add_variable_from_value(format!("old_{}", object.name()), old.map_or(cel::Value::Null, to_cel));
        Bindings { context }
    }
}

/// A JSON value as CEL sees it: whole numbers are `int` (so `deal.probability + 1` works),
/// others `double`.
fn to_cel(value: &Value) -> cel::Value {
    match value {
        Value::Null => cel::Value::Null,
        Value::Bool(b) => cel::Value::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => cel::Value::Int(i),
            None => cel::Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => cel::Value::String(Arc::new(s.clone())),
        Value::Array(items) => cel::Value::from(items.iter().map(to_cel).collect::<Vec<_>>()),
        Value::Object(map) => cel::Value::from(
            map.iter().map(|(k, v)| (k.clone(), to_cel(v))).collect::<std::collections::HashMap<String, cel::Value>>(),
        ),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value a condition sees for `record` (a stored row or a request's record): every
/// built-in and custom field present, `null` when unset, decimal strings as numbers.
pub fn binding(object: Object, defs: &[FieldDef], record: &Value) -> Value {
    let mut map = record.as_object().cloned().unwrap_or_default();
    for field in object.builtin_fields() {
        map.entry(field.to_string()).or_insert(Value::Null);
    }
    for field in object.decimal_fields() {
        if let Some(n) = map.get(*field).and_then(Value::as_str).and_then(|s| s.parse::<f64>().ok()) {
            map.insert(field.to_string(), serde_json::json!(n));
        }
    }
    let mut custom = map.get("custom").and_then(Value::as_object).cloned().unwrap_or_default();
    for def in defs {
        let entry = custom.entry(def.name.clone()).or_insert(Value::Null);
        if def.field_type == FieldType::MultiSelect && entry.is_null() {
            *entry = Value::Array(Vec::new());
        }
    }
    map.insert("custom".into(), Value::Object(custom));
    Value::Object(map)
}

/// `raw` trimmed as a condition of a definition on `object` (empty allowed); one that does not
/// compile is an issue on `condition`.
pub fn checked_condition(object: Object, raw: String, issues: &mut Issues) -> String {
    let condition = raw.trim().to_string();
    if !condition.is_empty() {
        if let Err(message) = Condition::compile(object, &condition) {
            issues.add("condition", message);
        }
    }
    condition
}

/// Checks that `field`, the field an error of a definition on `object` names, is empty (the
/// object), a built-in field or `custom.<name>`; an issue on `at` otherwise.
pub fn check_error_field(object: Object, field: &str, at: &str, issues: &mut Issues) {
    let custom = field.strip_prefix("custom.").is_some_and(super::custom::is_field_name);
    if !(field.is_empty() || custom || object.builtin_fields().contains(&field)) {
        issues.add(at, format!("must be a field of {} (or custom.<name>)", object.plural()));
    }
}

impl Rule {
    /// A new rule on `object`, checked (its condition must compile).
    pub fn create(id: String, object: Object, input: RuleInput, now: &str) -> Result<Rule, DomainError> {
        let blank = Rule {
            id,
            object,
            name: String::new(),
            condition: String::new(),
            message: String::new(),
            field: String::new(),
            active: true,
            version: 1,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        let mut issues = Issues::default();
        for (field, given) in [("name", &input.name), ("condition", &input.condition), ("message", &input.message)] {
            if given.as_deref().is_none_or(|v| v.trim().is_empty()) {
                issues.add(field, "is required");
            }
        }
        blank.apply_checked(input, issues)
    }

    /// This rule changed by `input`, one version later.
    pub fn apply(&self, input: RuleInput, now: &str) -> Result<Rule, DomainError> {
        let mut next = self.apply_checked(input, Issues::default())?;
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    fn apply_checked(&self, input: RuleInput, mut issues: Issues) -> Result<Rule, DomainError> {
        let mut next = self.clone();
        if let Some(name) = issues.text("name", input.name, 100) {
            next.name = name;
        }
        if let Some(message) = issues.text("message", input.message, 500) {
            next.message = message;
        }
        if let Some(field) = input.field {
            let field = field.trim().to_string();
            check_error_field(self.object, &field, "field", &mut issues);
            next.field = field;
        }
        if let Some(active) = input.active {
            next.active = active;
        }
        if let Some(condition) = input.condition {
            next.condition = checked_condition(self.object, condition, &mut issues);
        }
        issues.finish(next)
    }

    /// The field a failure is reported on: the rule's, or the object's name when it names none.
    pub fn error_field(&self) -> &str {
        if self.field.is_empty() {
            self.object.name()
        } else {
            &self.field
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn holds(object: Object, condition: &str, record: Value, old: Option<Value>) -> Result<bool, String> {
        let c = Condition::compile(object, condition)?;
        let record = binding(object, &[], &record);
        let old = old.map(|o| binding(object, &[], &o));
        c.holds(object, &record, old.as_ref())
    }

    #[test]
    fn a_rule_sees_the_record_with_decimals_as_numbers() {
        let won_free = "deal.stage == 'won' && deal.amount <= 0";
        assert_eq!(holds(Object::Deal, won_free, json!({"stage": "won", "amount": "0.00"}), None), Ok(true));
        assert_eq!(holds(Object::Deal, won_free, json!({"stage": "won", "amount": "12.50"}), None), Ok(false));
        assert_eq!(holds(Object::Deal, won_free, json!({"stage": "proposal", "amount": "0.00"}), None), Ok(false));
        assert_eq!(holds(Object::Deal, "deal.amount > 1000.5", json!({"amount": "1000.51"}), None), Ok(true));
    }

    #[test]
    fn a_rule_sees_the_previous_version() {
        let shrink = "old_deal != null && deal.amount < old_deal.amount";
        assert_eq!(holds(Object::Deal, shrink, json!({"amount": "5"}), None), Ok(false));
        assert_eq!(holds(Object::Deal, shrink, json!({"amount": "5"}), Some(json!({"amount": "10"}))), Ok(true));
        assert_eq!(holds(Object::Deal, shrink, json!({"amount": "50"}), Some(json!({"amount": "10"}))), Ok(false));
    }

    #[test]
    fn unset_fields_are_null_and_custom_fields_are_bound() {
        assert_eq!(holds(Object::Contact, "contact.phone == null", json!({"email": "a@b.c"}), None), Ok(true));
        assert_eq!(
            holds(Object::Contact, "contact.custom.tier == 'gold'", json!({"custom": {"tier": "gold"}}), None),
            Ok(true)
        );
        assert_eq!(
            holds(Object::Contact, "contact.tags.exists(t, t == 'vip')", json!({"tags": ["vip"]}), None),
            Ok(true)
        );
    }

    #[test]
    fn conditions_that_do_not_compile_or_name_unknown_things_are_refused() {
        assert!(Condition::compile(Object::Deal, "deal.stage ==").unwrap_err().contains("does not compile"));
        assert!(Condition::compile(Object::Deal, "contact.email == ''").unwrap_err().contains("`contact`"));
        assert!(Condition::compile(Object::Deal, "").is_err());
        assert!(Condition::compile(Object::Deal, "deal.contact_ids.all(c, c != '')").is_ok());
    }

    #[test]
    fn conditions_nested_too_deeply_are_refused_before_they_can_exhaust_a_stack() {
        let plus = vec!["1"; 30].join(" + ");
        assert!(Condition::compile(Object::Deal, &plus).unwrap_err().contains("nests too deeply"));
        let parens = format!("{}1{}", "(".repeat(1990), ")".repeat(1990));
        assert!(Condition::compile(Object::Deal, &parens).is_err());
        let lists = format!("{}1{}", "[".repeat(30), "]".repeat(30));
        assert!(Condition::compile(Object::Deal, &lists).unwrap_err().contains("nests too deeply"));
        // Long conjunctions are balanced, so they stay shallow.
        let chain = vec!["deal.probability == 1"; 100].join(" && ");
        let c = Condition::compile(Object::Deal, &chain).expect("a long conjunction compiles");
        let record = binding(Object::Deal, &[], &json!({"probability": 1}));
        // Evaluated on a thread with the server's 2 MiB stack.
        let held = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || c.holds(Object::Deal, &record, None))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(held, Ok(true));
    }

    #[test]
    fn a_condition_that_is_not_boolean_is_an_error() {
        assert!(holds(Object::Deal, "deal.name", json!({"name": "x"}), None).is_err());
    }
}
