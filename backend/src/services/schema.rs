//! The data model admins shape: custom fields and validation rules per object, and the check
//! every write of a contact, company, deal, case or event passes through ([`SchemaService::check`]):
//! custom values by type, defaults, required values, references, then the rules.
//!
//! Definitions are read per object and kept for [`CACHE_FOR`]; a change made through this
//! process is seen by its next write, one made through another replica within that time.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::records::Store;
use super::Precondition;
use crate::domain::custom::{check_values, custom_schema, CustomValues, FieldDef, FieldInput, Object};
use crate::domain::history::{event_for, Origin};
use crate::domain::ids::{format_ts, new_id, now};
use crate::domain::objects::ObjectDef;
use crate::domain::rules::{binding, Bindings, Condition, Rule, RuleInput};
use crate::domain::triggers::{
    fire_after, fire_before, Compiled, Refusal, Trigger, TriggerInput, TriggerRun, MAX_DEPTH,
};
use crate::error::{AppError, AppResult, FieldError};
use crate::repositories::objects::ObjectRepository;
use crate::repositories::records::Statement;
use crate::repositories::schema::{field_of_index, IndexState, SchemaRepository};
use crate::repositories::RepoError;

/// How long definitions read from the database are used before they are read again.
pub const CACHE_FOR: Duration = Duration::from_secs(2);

/// The definitions of one object, as writes use them.
pub struct ObjectSchema {
    /// Custom fields, in form order.
    pub fields: Vec<FieldDef>,
    /// Active rules with their compiled conditions.
    pub rules: Vec<(Rule, Condition)>,
    /// Active triggers, compiled, in order.
    pub triggers: Vec<Compiled>,
    loaded: Instant,
}

/// A write as the schema lets it be stored.
pub struct Checked<T> {
    /// The record as its writer made it, custom values checked: the state of the write's own
    /// change event.
    pub written: T,
    /// The record after the before triggers that changed it (one version further per trigger).
    derived: Option<T>,
    /// Statements for the write's transaction: the triggers' change events and the after
    /// triggers' queued runs.
    pub statements: Vec<Statement>,
}

impl<T> Checked<T> {
    /// A write no definition touches.
    pub fn plain(record: T) -> Self {
        Checked { written: record, derived: None, statements: Vec::new() }
    }

    /// The record to store.
    pub fn stored(&self) -> &T {
        self.derived.as_ref().unwrap_or(&self.written)
    }

    /// The record to store, taken.
    pub fn into_stored(self) -> T {
        self.derived.unwrap_or(self.written)
    }
}

/// Custom fields, rules, and the check of every write.
#[derive(Clone)]
pub struct SchemaService {
    fields: Store<FieldDef>,
    rules: Store<Rule>,
    triggers: Store<Trigger>,
    repo: SchemaRepository,
    objects: ObjectRepository,
    cache: Arc<RwLock<HashMap<Object, Arc<ObjectSchema>>>>,
    custom_objects: Arc<RwLock<Option<LoadedObjects>>>,
}

/// The custom objects' definitions and when they were read.
type LoadedObjects = (Instant, Arc<Vec<ObjectDef>>);

/// A field with where its index stands.
pub struct FieldView {
    /// The definition.
    pub field: FieldDef,
    /// Its index, when it is indexed or unique.
    pub index: Option<IndexState>,
}

/// What trying a condition gave.
pub struct RuleTrial {
    /// Whether it holds (a write would be rejected); `None` when it could not be decided.
    pub result: Option<bool>,
    /// Why it could not be decided.
    pub error: Option<String>,
}

fn no_object(raw: &str) -> AppError {
    // Reads "object `widget` not found".
    AppError::NotFound(format!("object `{raw}`"))
}

/// Maps a failed write of a record with custom fields: a unique custom value already taken is
/// a 409 naming the field.
pub fn unique_error(err: &RepoError) -> Option<AppError> {
    match err {
        RepoError::Duplicate(index) => field_of_index(index).map(|(_, name)| {
            AppError::conflict("value_taken", format!("custom.{name}: another record already has this value"))
        }),
        _ => None,
    }
}

impl SchemaService {
    /// A service over its stores.
    pub fn new(
        fields: Store<FieldDef>,
        rules: Store<Rule>,
        triggers: Store<Trigger>,
        repo: SchemaRepository,
        objects: ObjectRepository,
    ) -> Self {
        Self { fields, rules, triggers, repo, objects, cache: Arc::default(), custom_objects: Arc::default() }
    }

    /// The object named `raw`: a built-in one (`deal` or `deals`) or a defined custom one
    /// (`contract`); 404 for anything else.
    pub async fn object(&self, raw: &str) -> AppResult<Object> {
        if let Some(o) = Object::built_in(raw) {
            return Ok(o);
        }
        self.custom_object(raw).await.map(|def| def.object())
    }

    /// The definition of custom object `raw`; 404 when there is none.
    pub async fn custom_object(&self, raw: &str) -> AppResult<ObjectDef> {
        self.custom_objects().await?.iter().find(|d| d.name == raw).cloned().ok_or_else(|| no_object(raw))
    }

    /// Every custom object's definition, by name (read again after [`CACHE_FOR`]).
    pub async fn custom_objects(&self) -> AppResult<Arc<Vec<ObjectDef>>> {
        if let Some((loaded, defs)) = self.custom_objects.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            if loaded.elapsed() < CACHE_FOR {
                return Ok(defs.clone());
            }
        }
        let defs = Arc::new(self.objects.definitions().await?);
        *self.custom_objects.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), defs.clone()));
        Ok(defs)
    }

    /// Makes the custom object a field input points to known to this process (the field's
    /// check parses its name); an unknown name is the check's to report.
    async fn know_reference(&self, input: &FieldInput) {
        if let Some(raw) = input.reference.as_deref() {
            let _ = self.object(raw.trim()).await;
        }
    }

    /// Reads the custom objects' definitions afresh on their next use (after a change to one).
    pub fn forget_objects(&self) {
        *self.custom_objects.write().unwrap_or_else(|e| e.into_inner()) = None;
    }

    fn forget(&self, object: Object) {
        self.cache.write().unwrap_or_else(|e| e.into_inner()).remove(&object);
    }

    /// The definitions of `object` as writes use them.
    pub async fn schema(&self, object: Object) -> AppResult<Arc<ObjectSchema>> {
        if let Some(s) = self.cache.read().unwrap_or_else(|e| e.into_inner()).get(&object) {
            if s.loaded.elapsed() < CACHE_FOR {
                return Ok(s.clone());
            }
        }
        let fields = self.repo.fields(object).await?;
        let rules = self
            .repo
            .rules(object)
            .await?
            .into_iter()
            .filter(|r| r.active)
            .filter_map(|r| match Condition::compile(object, &r.condition) {
                Ok(c) => Some((r, c)),
                Err(e) => {
                    tracing::warn!(rule = %r.id, error = %e, "a stored rule does not compile; it is skipped");
                    None
                }
            })
            .collect();
        let triggers = self
            .repo
            .triggers(object)
            .await?
            .into_iter()
            .filter(|t| t.active)
            .filter_map(|t| match Compiled::new(t) {
                Ok(c) => Some(c),
                Err(e) => {
                    tracing::warn!(error = %e, "a stored trigger does not compile; it is skipped");
                    None
                }
            })
            .collect();
        let schema = Arc::new(ObjectSchema { fields, rules, triggers, loaded: Instant::now() });
        self.cache.write().unwrap_or_else(|e| e.into_inner()).insert(object, schema.clone());
        Ok(schema)
    }

    /// Checks a write of `object` from `old` to `new` made by `origin`: custom values by type
    /// (normalised, with defaults on create), required values, then the before triggers (their
    /// values checked in turn), references, and every active rule on the result. A value that is
    /// unchanged from `old` is kept as it is, so a definition changed later (or removed) does
    /// not block unrelated edits. The after triggers the write fires are queued with it.
    pub async fn check<T: Serialize + DeserializeOwned>(
        &self,
        object: Object,
        old: Option<&T>,
        new: T,
        origin: &Origin,
    ) -> AppResult<Checked<T>> {
        let schema = self.schema(object).await?;
        let to_json = |v: &T| serde_json::to_value(v).map_err(|e| AppError::Internal(e.to_string()));
        let mut value = to_json(&new)?;
        if schema.fields.is_empty()
            && schema.rules.is_empty()
            && schema.triggers.is_empty()
            && custom_of(&value).is_empty()
        {
            return Ok(Checked::plain(new));
        }
        let old_value = old.map(to_json).transpose()?;
        let old_value = old_value.as_ref();
        let from_json =
            |v: Value| serde_json::from_value::<T>(v).map_err(|e| AppError::Internal(format!("custom values: {e}")));
        let mut references =
            check_custom(&schema, old_value, &mut value, old.is_none()).map_err(AppError::validation)?;
        let firings = fire_before(object, &schema.fields, &schema.triggers, old_value, &value).map_err(refused)?;
        let at = now();
        let ts = format_ts(at);
        let version = value.get("version").and_then(Value::as_i64).unwrap_or(1);
        let id = value.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
        let mut statements = Vec::new();
        let mut state = value.clone();
        let mut derived_versions = 0;
        for firing in &firings {
            let mut next = firing.state.clone();
            let derived = check_custom(&schema, Some(&state), &mut next, false).map_err(|errors| {
                AppError::validation(
                    errors
                        .into_iter()
                        .map(|e| FieldError::new(e.field, format!("{} (set by a trigger)", e.message)))
                        .collect(),
                )
            })?;
            if next == state {
                continue; // the same once normalised (a float's last digits, say)
            }
            references.extend(derived);
            derived_versions += 1;
            let mut by = origin.clone();
            by.source = "trigger".into();
            by.triggers.push(firing.trigger_id.clone());
            let v = version + derived_versions;
            let event = event_for(object.table(), &id, v, Some(&state), Some(&next), &by, new_id(at), &ts);
            statements.push(crate::repositories::changes::event_statement(&event));
            state = next;
        }
        let failures = broken_rules(object, &schema, &state, old_value);
        if !failures.is_empty() {
            return Err(AppError::validation(failures));
        }
        self.check_references(&references).await?;
        let after = fire_after(object, &schema.fields, &schema.triggers, old_value, &state);
        if !after.is_empty() && origin.triggers.len() >= MAX_DEPTH {
            let mut chain = origin.triggers.clone();
            chain.push(after[0].trigger.id.clone());
            return Err(AppError::conflict(
                "trigger_loop",
                format!(
                    "triggers kept firing each other: a write {} triggers deep would fire `{}`; the chain of \
                     trigger ids: {}",
                    origin.triggers.len(),
                    after[0].trigger.name,
                    chain.join(" -> ")
                ),
            ));
        }
        for t in after {
            let run = TriggerRun::queued(new_id(at), &t.trigger, &id, old_value.cloned(), state.clone(), origin, &ts);
            statements.push(crate::repositories::schema::queue_run(&run));
        }
        let derived = if derived_versions == 0 {
            None
        } else {
            if let Value::Object(map) = &mut state {
                map.insert("version".into(), Value::from(version + derived_versions));
            }
            Some(from_json(state)?)
        };
        Ok(Checked { written: from_json(value)?, derived, statements })
    }

    /// Which of `references` (`(field, object, id)`) name no record: their positions.
    pub async fn missing_references(&self, references: &[(String, Object, String)]) -> AppResult<Vec<usize>> {
        let mut missing = Vec::new();
        let mut objects: Vec<Object> = references.iter().map(|(_, o, _)| *o).collect();
        objects.sort();
        objects.dedup();
        for object in objects {
            let ids: Vec<String> =
                references.iter().filter(|(_, o, _)| *o == object).map(|(_, _, id)| id.clone()).collect();
            if ids.is_empty() {
                continue;
            }
            let found = self.repo.existing(object, &ids).await?;
            missing.extend(
                references
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, o, id))| *o == object && !found.contains(id))
                    .map(|(i, _)| i),
            );
        }
        Ok(missing)
    }

    async fn check_references(&self, references: &[(String, Object, String)]) -> AppResult<()> {
        let errors: Vec<FieldError> = self
            .missing_references(references)
            .await?
            .into_iter()
            .map(|i| {
                let (field, object, id) = &references[i];
                FieldError::new(field.clone(), format!("no {} with id {id} exists", object.name()))
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::validation(errors))
        }
    }

    /// The columns of an export of `object`: `base`, then `custom.<name>` per custom field.
    pub async fn export_columns(&self, object: Object, base: &[&str]) -> AppResult<Vec<String>> {
        let schema = self.schema(object).await?;
        let custom = schema.fields.iter().map(|f| format!("custom.{}", f.name));
        Ok(base.iter().map(|c| c.to_string()).chain(custom).collect())
    }

    /// The fields of `object`, in form order, with where their indexes stand.
    pub async fn list_fields(&self, object: Object) -> AppResult<Vec<FieldView>> {
        self.views_of(self.repo.fields(object).await?).await
    }

    /// The fields of each of `objects` (read in one query), in form order, with where their
    /// indexes stand.
    pub async fn list_fields_of_all(&self, objects: &[Object]) -> AppResult<HashMap<Object, Vec<FieldView>>> {
        let mut by_object: HashMap<Object, Vec<FieldView>> = objects.iter().map(|o| (*o, Vec::new())).collect();
        for view in self.views_of(self.repo.fields_of_all(objects).await?).await? {
            by_object.entry(view.field.object).or_default().push(view);
        }
        Ok(by_object)
    }

    /// Each field with where its index stands (asked only of indexed and unique fields).
    async fn views_of(&self, fields: Vec<FieldDef>) -> AppResult<Vec<FieldView>> {
        let mut views = Vec::with_capacity(fields.len());
        for field in fields {
            views.push(self.view(field).await?);
        }
        Ok(views)
    }

    async fn view(&self, field: FieldDef) -> AppResult<FieldView> {
        let index = if field.indexed || field.unique {
            Some(self.repo.index_state(field.object, &field.name).await?)
        } else {
            None
        };
        Ok(FieldView { field, index })
    }

    /// One field of `object`; 404 when it is not one of its fields.
    pub async fn get_field(&self, object: Object, id: &str) -> AppResult<FieldView> {
        let field = self.fields.get(id).await?;
        if field.object != object {
            return Err(AppError::not_found("field", id));
        }
        self.view(field).await
    }

    /// Adds a field to `object`; its index, if any, is defined (a plain one is built in the
    /// background, a unique one at once: values already shared are a 409).
    pub async fn create_field(&self, object: Object, input: FieldInput, origin: &Origin) -> AppResult<FieldView> {
        self.know_reference(&input).await;
        let count = self.repo.fields(object).await?.len();
        if count >= crate::domain::custom::MAX_FIELDS {
            return Err(AppError::conflict(
                "too_many_fields",
                format!("{} already has {count} custom fields", object.plural()),
            ));
        }
        let position = input.position;
        let field = self
            .fields
            .create(origin, |id, ts| {
                let mut def = FieldDef::create(id, object, input, ts)?;
                def.position = position.unwrap_or(count as i64 + 1);
                Ok(def)
            })
            .await
            .map_err(|e| name_taken(e, "field_exists", "a field with this name already exists"))?;
        self.forget(object);
        if let Err(e) = self.sync_index(None, &field).await {
            // The field stands without its index flags rather than promise what the data breaks.
            let undo = FieldInput { unique: Some(false), indexed: Some(false), ..Default::default() };
            self.fields
                .update(&field.id, Precondition::None, origin, |f, ts| Ok((f.apply(undo.clone(), ts)?, None)))
                .await?;
            self.forget(object);
            return Err(e);
        }
        self.view(field).await
    }

    /// Changes a field (label, options, required, default, unique, indexed, position, help).
    pub async fn update_field(
        &self,
        object: Object,
        id: &str,
        input: FieldInput,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<FieldView> {
        self.know_reference(&input).await;
        let before = self.get_field(object, id).await?.field;
        let field = self.fields.update(id, pre, origin, |f, ts| Ok((f.apply(input.clone(), ts)?, None))).await?;
        self.forget(object);
        if let Err(e) = self.sync_index(Some(&before), &field).await {
            let undo = FieldInput { unique: Some(before.unique), indexed: Some(before.indexed), ..Default::default() };
            self.fields.update(id, Precondition::None, origin, |f, ts| Ok((f.apply(undo.clone(), ts)?, None))).await?;
            self.forget(object);
            return Err(e);
        }
        self.view(field).await
    }

    /// Removes a field definition and its index; values already stored, and their history, stay.
    pub async fn delete_field(&self, object: Object, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        let field = self.get_field(object, id).await?.field;
        self.fields.delete(id, pre, origin).await?;
        self.forget(object);
        self.repo.remove_index(object, &field.name).await?;
        Ok(())
    }

    async fn sync_index(&self, before: Option<&FieldDef>, after: &FieldDef) -> AppResult<()> {
        let wanted = after.unique || after.indexed;
        let had = before.is_some_and(|b| b.unique || b.indexed);
        let same = before.is_some_and(|b| b.unique == after.unique && b.indexed == after.indexed);
        if wanted && !same {
            self.repo.define_index(after).await.map_err(|e| match e {
                RepoError::Duplicate(_) => AppError::conflict(
                    "values_not_unique",
                    format!("custom.{}: records already share values; make them unique first", after.name),
                ),
                other => other.into(),
            })?;
        } else if had && !wanted {
            self.repo.remove_index(after.object, &after.name).await?;
        }
        Ok(())
    }

    /// Removes every field, rule and trigger of `object` (a custom object being deleted); their
    /// history stays.
    pub async fn remove_definitions(&self, object: Object, origin: &Origin) -> AppResult<()> {
        for field in self.repo.fields(object).await? {
            self.delete_field(object, &field.id, Precondition::None, origin).await?;
        }
        for rule in self.repo.rules(object).await? {
            self.delete_rule(object, &rule.id, Precondition::None, origin).await?;
        }
        for trigger in self.repo.triggers(object).await? {
            self.delete_trigger(object, &trigger.id, Precondition::None, origin).await?;
        }
        // The (empty) table stays: a record written by a request already past the object's
        // look-up lands there rather than being dropped, and defining the object again finds it.
        Ok(())
    }

    /// The rules of `object`, oldest first.
    pub async fn list_rules(&self, object: Object) -> AppResult<Vec<Rule>> {
        Ok(self.repo.rules(object).await?)
    }

    /// One rule of `object`.
    pub async fn get_rule(&self, object: Object, id: &str) -> AppResult<Rule> {
        let rule = self.rules.get(id).await?;
        if rule.object != object {
            return Err(AppError::not_found("rule", id));
        }
        Ok(rule)
    }

    /// Adds a rule; its condition must compile.
    pub async fn create_rule(&self, object: Object, input: RuleInput, origin: &Origin) -> AppResult<Rule> {
        let rule = self
            .rules
            .create(origin, |id, ts| Ok(Rule::create(id, object, input, ts)?))
            .await
            .map_err(|e| name_taken(e, "rule_exists", "a rule with this name already exists"))?;
        self.forget(object);
        Ok(rule)
    }

    /// Changes a rule.
    pub async fn update_rule(
        &self,
        object: Object,
        id: &str,
        input: RuleInput,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Rule> {
        self.get_rule(object, id).await?;
        let rule = self
            .rules
            .update(id, pre, origin, |r, ts| Ok((r.apply(input.clone(), ts)?, None)))
            .await
            .map_err(|e| name_taken(e, "rule_exists", "a rule with this name already exists"))?;
        self.forget(object);
        Ok(rule)
    }

    /// Removes a rule.
    pub async fn delete_rule(&self, object: Object, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.get_rule(object, id).await?;
        self.rules.delete(id, pre, origin).await?;
        self.forget(object);
        Ok(())
    }

    /// The triggers of `object`, in order.
    pub async fn list_triggers(&self, object: Object) -> AppResult<Vec<Trigger>> {
        Ok(self.repo.triggers(object).await?)
    }

    /// One trigger of `object`.
    pub async fn get_trigger(&self, object: Object, id: &str) -> AppResult<Trigger> {
        let trigger = self.triggers.get(id).await?;
        if trigger.object != object {
            return Err(AppError::not_found("trigger", id));
        }
        Ok(trigger)
    }

    /// Adds a trigger; its condition and expressions must compile and the fields it sets exist.
    pub async fn create_trigger(&self, object: Object, input: TriggerInput, origin: &Origin) -> AppResult<Trigger> {
        let fields = self.repo.fields(object).await?;
        let count = self.repo.triggers(object).await?.len();
        let position = input.position;
        let trigger = self
            .triggers
            .create(origin, |id, ts| {
                let mut t = Trigger::create(id, object, &fields, input, ts)?;
                t.position = position.unwrap_or(count as i64 + 1);
                Ok(t)
            })
            .await
            .map_err(|e| name_taken(e, "trigger_exists", "a trigger with this name already exists"))?;
        self.forget(object);
        Ok(trigger)
    }

    /// Changes a trigger.
    pub async fn update_trigger(
        &self,
        object: Object,
        id: &str,
        input: TriggerInput,
        pre: Precondition,
        origin: &Origin,
    ) -> AppResult<Trigger> {
        self.get_trigger(object, id).await?;
        let fields = self.repo.fields(object).await?;
        let trigger = self
            .triggers
            .update(id, pre, origin, |t, ts| Ok((t.apply(&fields, input.clone(), ts)?, None)))
            .await
            .map_err(|e| name_taken(e, "trigger_exists", "a trigger with this name already exists"))?;
        self.forget(object);
        Ok(trigger)
    }

    /// Removes a trigger; its queued runs still run, its log stays.
    pub async fn delete_trigger(&self, object: Object, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.get_trigger(object, id).await?;
        self.triggers.delete(id, pre, origin).await?;
        self.forget(object);
        Ok(())
    }

    /// A page of the runs of trigger `id` of `object`, newest first.
    pub async fn trigger_runs(
        &self,
        object: Object,
        id: &str,
        after: Option<&str>,
        limit: usize,
    ) -> AppResult<(Vec<TriggerRun>, Option<String>)> {
        self.get_trigger(object, id).await?;
        Ok(self.repo.runs(id, after, limit).await?)
    }

    /// Tries `condition` on `record` (and `old`, its previous version) as a write would: 422
    /// when it does not compile.
    pub async fn try_rule(
        &self,
        object: Object,
        condition: &str,
        record: &Value,
        old: Option<&Value>,
    ) -> AppResult<RuleTrial> {
        let compiled = Condition::compile(object, condition).map_err(|m| AppError::invalid_field("condition", m))?;
        let schema = self.schema(object).await?;
        let record = binding(object, &schema.fields, record);
        let old = old.filter(|o| !o.is_null()).map(|o| binding(object, &schema.fields, o));
        Ok(match compiled.holds(object, &record, old.as_ref()) {
            Ok(b) => RuleTrial { result: Some(b), error: None },
            Err(e) => RuleTrial { result: None, error: Some(e) },
        })
    }

    /// The JSON Schema of `object`'s records: `base` (the built-in fields, from the API
    /// document) with its custom fields under `custom`.
    pub async fn json_schema(&self, object: Object, base: Value) -> AppResult<Value> {
        let fields = self.repo.fields(object).await?;
        let mut schema = match base {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        schema.insert("$schema".into(), Value::String("https://json-schema.org/draft/2020-12/schema".into()));
        schema.insert("title".into(), Value::String(object.name().into()));
        let properties = schema.entry("properties").or_insert_with(|| Value::Object(serde_json::Map::new()));
        if let Value::Object(p) = properties {
            p.insert("custom".into(), custom_schema(&fields));
        }
        Ok(Value::Object(schema))
    }
}

/// Checks a write of `object` from `old` to `value` (both as JSON) against `schema`, without
/// the database: custom values by type (normalised in `value`, with defaults on create), required
/// values, then every active rule. A value unchanged from `old` is kept as it is. Returns the
/// references whose records must exist.
pub fn check_record(
    object: Object,
    schema: &ObjectSchema,
    old: Option<&Value>,
    value: &mut Value,
) -> Result<Vec<(String, Object, String)>, Vec<FieldError>> {
    let references = check_custom(schema, old, value, old.is_none())?;
    let failures = broken_rules(object, schema, value, old);
    if failures.is_empty() {
        Ok(references)
    } else {
        Err(failures)
    }
}

/// Checks the custom values of `value` (after `old`) by type, normalised in place; values
/// unchanged from `old` stand as they are; `creating` fills defaults. The references to check.
fn check_custom(
    schema: &ObjectSchema,
    old: Option<&Value>,
    value: &mut Value,
    creating: bool,
) -> Result<Vec<(String, Object, String)>, Vec<FieldError>> {
    let custom = custom_of(value);
    let old_custom = old.map(custom_of).unwrap_or_default();
    let (kept, changed): (CustomValues, CustomValues) =
        custom.into_iter().partition(|(k, v)| old_custom.get(k) == Some(v));
    // Unchanged values stand as they are; changed ones and required ones are checked.
    let defs: Vec<FieldDef> = schema.fields.iter().filter(|d| !kept.contains_key(&d.name)).cloned().collect();
    let checked = check_values(&defs, &changed, creating)
        .map_err(|issues| issues.into_iter().map(|(f, m)| FieldError::new(f, m)).collect::<Vec<_>>())?;
    let mut stored = kept;
    stored.extend(checked.values);
    if let Value::Object(map) = value {
        if stored.is_empty() {
            map.remove("custom");
        } else {
            map.insert("custom".into(), serde_json::to_value(&stored).unwrap_or_default());
        }
    }
    Ok(checked.references)
}

/// What a client is told when before triggers refuse a write.
fn refused(refusal: Refusal) -> AppError {
    match refusal {
        Refusal::Rejected(errors) => {
            AppError::validation(errors.into_iter().map(|(f, m)| FieldError::new(f, m)).collect())
        }
        Refusal::Loop(names) => AppError::conflict(
            "trigger_loop",
            format!(
                "before triggers kept changing the record ({} firings, at most {}): {}",
                names.len(),
                crate::domain::triggers::MAX_FIRINGS,
                names.join(" -> ")
            ),
        ),
    }
}

/// `custom` of a record as JSON.
fn custom_of(value: &Value) -> CustomValues {
    value
        .get("custom")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default()
}

/// The rules of `schema` that `value` (after `old`) breaks, as field errors. A rule that cannot
/// be decided (a type mismatch on this record, say) does not reject the write; it is logged.
fn broken_rules(object: Object, schema: &ObjectSchema, value: &Value, old: Option<&Value>) -> Vec<FieldError> {
    if schema.rules.is_empty() {
        return Vec::new();
    }
    let record = binding(object, &schema.fields, value);
    let old = old.map(|o| binding(object, &schema.fields, o));
    let bound = Bindings::new(object, &record, old.as_ref());
    let mut failures = Vec::new();
    for (rule, condition) in &schema.rules {
        match condition.holds_for(&bound) {
            Ok(true) => failures.push(FieldError::new(rule.error_field(), rule.message.clone())),
            Ok(false) => {}
            Err(e) => tracing::warn!(rule = %rule.id, error = %e, "a rule could not be decided on a write"),
        }
    }
    failures
}

/// A 409 `code` for a unique name already taken by another definition.
/// A duplicate-key conflict of a write as the 409 `code` a client understands.
pub fn name_taken(err: AppError, code: &'static str, detail: &str) -> AppError {
    match err {
        AppError::Conflict { code: "duplicate", .. } => AppError::conflict(code, detail),
        other => other,
    }
}
