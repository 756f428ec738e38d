//! Custom field and validation rule DTOs.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use validator::Validate;

use super::double_option;
use crate::domain::custom::{FieldDef, FieldInput};
use crate::domain::rules::{Rule, RuleInput};
use crate::domain::triggers::{Timing, Trigger, TriggerInput, TriggerRun};
use crate::repositories::schema::IndexState;
use crate::services::schema::{FieldView, RuleTrial};

/// What a custom field holds.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldTypeDto {
    /// One line of text (at most 1,000 characters).
    Text,
    /// Free text (at most 100,000 characters).
    LongText,
    /// A number.
    Number,
    /// A number with at most 6 decimal places.
    Decimal,
    /// An amount of money: not negative, at most 2 decimal places.
    Currency,
    /// `YYYY-MM-DD`.
    Date,
    /// RFC 3339, stored in UTC.
    Datetime,
    /// True or false.
    Boolean,
    /// One of `options`.
    Select,
    /// A list of `options`.
    MultiSelect,
    /// An http(s) URL.
    Url,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// The id of a record of `reference`.
    Reference,
}

/// An object that carries custom fields: `contact`, `company`, `deal`, `case`, `event`, or the
/// name of a custom object (`GET /api/schema/objects`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = "deal", pattern = "^[a-z][a-z0-9_]{0,62}$")]
pub struct ObjectDto(pub String);

/// A new custom field. `name` and `type` never change afterwards.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "industry_code", "label": "Industry code", "type": "text", "indexed": true}))]
pub struct CreateFieldRequest {
    /// Key under `custom` (snake_case, not a built-in field's name).
    #[schema(required = true, nullable = false, pattern = "^[a-z][a-z0-9_]{0,62}$")]
    pub name: Option<String>,
    /// Label shown in forms; default from the name.
    #[schema(max_length = 100)]
    pub label: Option<String>,
    /// What it holds.
    #[serde(rename = "type")]
    #[schema(required = true, nullable = false, value_type = Option<FieldTypeDto>)]
    pub field_type: Option<String>,
    /// A record must have a value (default false).
    pub required: Option<bool>,
    /// No two records may share a value (default false; checked against stored values).
    pub unique: Option<bool>,
    /// Set on new records without a value (of the field's type).
    #[schema(value_type = Option<Object>)]
    pub default: Option<Value>,
    /// Choices of a select or multi_select.
    pub options: Option<Vec<String>>,
    /// Filterable and sortable fast: an index, built in the background (default false).
    pub indexed: Option<bool>,
    /// The object a reference points to.
    #[schema(value_type = Option<ObjectDto>)]
    pub reference: Option<String>,
    /// Help text.
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// Position in forms (ascending); default last.
    pub position: Option<i64>,
}

/// A change to a custom field: omitted members are unchanged.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"label": "NACE code", "required": true}))]
pub struct UpdateFieldRequest {
    /// Cannot change (422 if different).
    pub name: Option<String>,
    /// Label.
    #[schema(max_length = 100)]
    pub label: Option<String>,
    /// Cannot change (422 if different).
    #[serde(rename = "type")]
    #[schema(value_type = Option<FieldTypeDto>)]
    pub field_type: Option<String>,
    /// Required.
    pub required: Option<bool>,
    /// Unique.
    pub unique: Option<bool>,
    /// Default; `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Object>)]
    pub default: Option<Option<Value>>,
    /// Replaces the options.
    pub options: Option<Vec<String>>,
    /// Indexed.
    pub indexed: Option<bool>,
    /// Cannot change the object of an existing reference.
    #[schema(value_type = Option<ObjectDto>)]
    pub reference: Option<String>,
    /// Help text; `null` removes it.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>, max_length = 500)]
    pub description: Option<Option<String>>,
    /// Position.
    pub position: Option<i64>,
}

impl From<CreateFieldRequest> for FieldInput {
    fn from(r: CreateFieldRequest) -> Self {
        FieldInput {
            name: r.name,
            label: r.label,
            field_type: r.field_type,
            required: r.required,
            unique: r.unique,
            default: r.default,
            options: r.options,
            indexed: r.indexed,
            reference: r.reference,
            description: r.description.map(Some),
            position: r.position,
        }
    }
}

impl From<UpdateFieldRequest> for FieldInput {
    fn from(r: UpdateFieldRequest) -> Self {
        FieldInput {
            name: r.name,
            label: r.label,
            field_type: r.field_type,
            required: r.required,
            unique: r.unique,
            default: r.default.map(|d| d.unwrap_or(Value::Null)),
            options: r.options,
            indexed: r.indexed,
            reference: r.reference,
            description: r.description,
            position: r.position,
        }
    }
}

/// Where a field's database index stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndexStatus {
    /// `ready`, `building` (in the background; filters on it are slower until then), `failed`
    /// or `missing`.
    pub status: String,
    /// Rows indexed so far, while building.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indexed_rows: Option<u64>,
    /// Why the build failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl From<IndexState> for IndexStatus {
    fn from(s: IndexState) -> Self {
        let (status, indexed_rows, error) = match s {
            IndexState::Ready => ("ready", None, None),
            IndexState::Building { count } => ("building", count, None),
            IndexState::Failed(e) => ("failed", None, Some(e)),
            IndexState::Missing => ("missing", None, None),
        };
        IndexStatus { status: status.into(), indexed_rows, error }
    }
}

/// A custom field.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldResponse {
    /// Id.
    pub id: String,
    /// The object it belongs to.
    #[schema(value_type = ObjectDto)]
    pub object: String,
    /// Key under `custom`.
    pub name: String,
    /// Label.
    pub label: String,
    /// What it holds.
    #[serde(rename = "type")]
    #[schema(value_type = FieldTypeDto)]
    pub field_type: String,
    /// A record must have a value.
    pub required: bool,
    /// No two records share a value.
    pub unique: bool,
    /// Set on new records without a value.
    #[schema(value_type = Option<Object>)]
    pub default: Option<Value>,
    /// Choices of a select.
    pub options: Vec<String>,
    /// Has an index for fast filters and sorts.
    pub indexed: bool,
    /// The object a reference points to.
    #[schema(value_type = Option<ObjectDto>)]
    pub reference: Option<String>,
    /// Help text.
    pub description: Option<String>,
    /// Position in forms.
    pub position: i64,
    /// The index, when the field is indexed or unique.
    pub index: Option<IndexStatus>,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<FieldView> for FieldResponse {
    fn from(v: FieldView) -> Self {
        let f: FieldDef = v.field;
        FieldResponse {
            id: f.id,
            object: f.object.name().into(),
            name: f.name,
            label: f.label,
            field_type: f.field_type.as_str().into(),
            required: f.required,
            unique: f.unique,
            default: f.default,
            options: f.options,
            indexed: f.indexed,
            reference: f.reference.map(|o| o.name().to_string()),
            description: f.description,
            position: f.position,
            index: v.index.map(Into::into),
            version: f.version,
            created_at: f.created_at,
            updated_at: f.updated_at,
        }
    }
}

/// The custom fields of an object, in form order.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldList {
    /// Fields.
    pub items: Vec<FieldResponse>,
}

/// A new validation rule.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "won_needs_amount", "condition": "deal.stage == 'won' && (deal.amount == null || deal.amount <= 0)", "message": "A won deal needs an amount", "field": "amount"}))]
pub struct CreateRuleRequest {
    /// A short name, unique per object.
    #[schema(required = true, nullable = false, max_length = 100)]
    pub name: Option<String>,
    /// CEL condition over the record (bound by its object's name, `deal`) and its previous
    /// version (`old_deal`, null on create); true rejects the write.
    #[schema(required = true, nullable = false, max_length = 4000)]
    pub condition: Option<String>,
    /// The error shown when the condition holds.
    #[schema(required = true, nullable = false, max_length = 500)]
    pub message: Option<String>,
    /// The field the error names (`amount`, `custom.industry_code`); default the object.
    pub field: Option<String>,
    /// Checked on writes (default true).
    pub active: Option<bool>,
}

/// A change to a rule: omitted members are unchanged.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRuleRequest {
    /// Name.
    #[schema(max_length = 100)]
    pub name: Option<String>,
    /// Condition.
    #[schema(max_length = 4000)]
    pub condition: Option<String>,
    /// Message.
    #[schema(max_length = 500)]
    pub message: Option<String>,
    /// Field.
    pub field: Option<String>,
    /// Active.
    pub active: Option<bool>,
}

impl From<CreateRuleRequest> for RuleInput {
    fn from(r: CreateRuleRequest) -> Self {
        RuleInput { name: r.name, condition: r.condition, message: r.message, field: r.field, active: r.active }
    }
}

impl From<UpdateRuleRequest> for RuleInput {
    fn from(r: UpdateRuleRequest) -> Self {
        RuleInput { name: r.name, condition: r.condition, message: r.message, field: r.field, active: r.active }
    }
}

/// A validation rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleResponse {
    /// Id.
    pub id: String,
    /// The object whose writes it checks.
    #[schema(value_type = ObjectDto)]
    pub object: String,
    /// Name.
    pub name: String,
    /// CEL condition; true rejects the write.
    pub condition: String,
    /// Error message.
    pub message: String,
    /// The field the error names (empty: the object).
    pub field: String,
    /// Checked on writes.
    pub active: bool,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Rule> for RuleResponse {
    fn from(r: Rule) -> Self {
        RuleResponse {
            id: r.id,
            object: r.object.name().into(),
            name: r.name,
            condition: r.condition,
            message: r.message,
            field: r.field,
            active: r.active,
            version: r.version,
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}

/// The rules of an object, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleList {
    /// Rules.
    pub items: Vec<RuleResponse>,
}

/// A condition to try on a record, before saving it as a rule.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"condition": "deal.stage == 'won' && deal.amount <= 0", "record": {"stage": "won", "amount": "0"}}))]
pub struct RuleTestRequest {
    /// CEL condition.
    #[schema(required = true, nullable = false, max_length = 4000)]
    pub condition: Option<String>,
    /// The record as the API returns it (missing fields are null).
    #[schema(value_type = Option<Object>)]
    pub record: Option<Value>,
    /// Its previous version (`old_<object>`); omitted or null as on create.
    #[schema(value_type = Option<Object>)]
    pub old_record: Option<Value>,
}

/// What the condition gave.
#[derive(Debug, Serialize, ToSchema)]
pub struct RuleTestResponse {
    /// True: a write of this record would be rejected; null when it could not be decided.
    pub result: Option<bool>,
    /// Why it could not be decided (a type mismatch, say).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl From<RuleTrial> for RuleTestResponse {
    fn from(t: RuleTrial) -> Self {
        RuleTestResponse { result: t.result, error: t.error }
    }
}

/// When a trigger runs.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TriggerTimingDto {
    /// Inside the write, before it is stored: `set` and `reject`.
    Before,
    /// After the write is committed, through the outbox: every other action.
    After,
}

/// What a trigger does (by `type`). Texts may name the record's values: `{{deal.name}}`,
/// `{{deal.custom.tier}}`, `{{old_deal.stage}}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(dead_code)] // documents the shape; requests are parsed by domain/triggers.rs
pub enum TriggerActionDto {
    /// (before) Sets custom fields to CEL expressions over the record: `{"custom.size": "deal.amount > 1000 ? 'large' : 'small'"}`.
    Set {
        /// `custom.<name>` -> CEL expression.
        values: std::collections::BTreeMap<String, String>,
    },
    /// (before) Refuses the write: 422 with `message` on `field`.
    Reject {
        /// The error.
        message: String,
        /// The field it names (default: the object).
        #[serde(default)]
        field: Option<String>,
    },
    /// (after) Creates a task about the record, due `due_in_days` later, for `assignee_id` (default: the record's owner).
    CreateTask {
        /// Title.
        title: String,
        /// Days until due (0 to 3650).
        due_in_days: Option<i64>,
        /// Assignee.
        assignee_id: Option<String>,
    },
    /// (after) A note on the timeline of each contact the record names.
    AddTimelineEntry {
        /// The note.
        summary: String,
    },
    /// (after) Sets custom fields of the record the reference field `via` names (`company_id`, `contact_id`, `contact_ids`, `custom.<reference>`).
    UpdateRelated {
        /// The reference field.
        via: String,
        /// `custom.<name>` of the related record -> CEL expression over this record.
        values: std::collections::BTreeMap<String, String>,
    },
    /// (after) An in-app notification to `user_id` (default: the record's owner).
    Notify {
        /// The user.
        user_id: Option<String>,
        /// One line.
        message: String,
    },
    /// (after) A signed webhook event `custom.<event>` with the record and its previous version.
    Webhook {
        /// The name after `custom.`.
        event: String,
    },
}

/// A new trigger.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "won_kickoff", "timing": "after", "condition": "deal.stage == 'won' && (old_deal == null || old_deal.stage != 'won')", "action": {"type": "create_task", "title": "Kick off {{deal.name}}", "due_in_days": 2}}))]
pub struct CreateTriggerRequest {
    /// A short name, unique per object.
    #[schema(required = true, nullable = false, max_length = 100)]
    pub name: Option<String>,
    /// `before` or `after` the write.
    #[schema(required = true, nullable = false, value_type = Option<TriggerTimingDto>)]
    pub timing: Option<String>,
    /// CEL condition over the record (`deal`) and its previous version (`old_deal`, null on
    /// create); empty: every create and update.
    #[schema(max_length = 4000)]
    pub condition: Option<String>,
    /// What it does.
    #[schema(required = true, nullable = false, value_type = Option<TriggerActionDto>)]
    pub action: Option<Value>,
    /// Fires (default true).
    pub active: Option<bool>,
    /// Order among the object's triggers (default: last).
    pub position: Option<i64>,
}

/// A change to a trigger: omitted members are unchanged.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTriggerRequest {
    /// Name.
    #[schema(max_length = 100)]
    pub name: Option<String>,
    /// Timing.
    #[schema(value_type = Option<TriggerTimingDto>)]
    pub timing: Option<String>,
    /// Condition.
    #[schema(max_length = 4000)]
    pub condition: Option<String>,
    /// Action.
    #[schema(value_type = Option<TriggerActionDto>)]
    pub action: Option<Value>,
    /// Active.
    pub active: Option<bool>,
    /// Position.
    pub position: Option<i64>,
}

impl From<CreateTriggerRequest> for TriggerInput {
    fn from(r: CreateTriggerRequest) -> Self {
        TriggerInput {
            name: r.name,
            timing: r.timing,
            condition: r.condition,
            action: r.action,
            active: r.active,
            position: r.position,
        }
    }
}

impl From<UpdateTriggerRequest> for TriggerInput {
    fn from(r: UpdateTriggerRequest) -> Self {
        TriggerInput {
            name: r.name,
            timing: r.timing,
            condition: r.condition,
            action: r.action,
            active: r.active,
            position: r.position,
        }
    }
}

/// A trigger.
#[derive(Debug, Serialize, ToSchema)]
pub struct TriggerResponse {
    /// Id.
    pub id: String,
    /// The object whose writes fire it.
    #[schema(value_type = ObjectDto)]
    pub object: String,
    /// Name.
    pub name: String,
    /// Before or after the write.
    #[schema(value_type = TriggerTimingDto)]
    pub timing: String,
    /// CEL condition (empty: always).
    pub condition: String,
    /// What it does.
    #[schema(value_type = TriggerActionDto)]
    pub action: Value,
    /// Fires.
    pub active: bool,
    /// Order among the object's triggers.
    pub position: i64,
    /// 1 on create, +1 per change; also sent as `ETag`.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl From<Trigger> for TriggerResponse {
    fn from(t: Trigger) -> Self {
        TriggerResponse {
            id: t.id,
            object: t.object.name().into(),
            name: t.name,
            timing: match t.timing {
                Timing::Before => "before".into(),
                Timing::After => "after".into(),
            },
            condition: t.condition,
            action: serde_json::to_value(&t.action).unwrap_or_default(),
            active: t.active,
            position: t.position,
            version: t.version,
            created_at: t.created_at,
            updated_at: t.updated_at,
        }
    }
}

/// The triggers of an object, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct TriggerList {
    /// Triggers.
    pub items: Vec<TriggerResponse>,
}

/// One run of an after trigger.
#[derive(Debug, Serialize, ToSchema)]
pub struct TriggerRunResponse {
    /// Id.
    pub id: String,
    /// The trigger.
    pub trigger_id: String,
    /// Its name when it fired.
    pub trigger_name: String,
    /// The record whose write fired it.
    pub record_id: String,
    /// `queued`, `running`, `done` or `failed`.
    #[schema(example = "done")]
    pub status: String,
    /// Attempts so far.
    pub attempts: u32,
    /// What the action did (`task 0193...`).
    pub outcome: Option<String>,
    /// Why it failed.
    pub error: Option<String>,
    /// The failure's code (`trigger_loop`, `validation_failed`, ...).
    pub error_code: Option<String>,
    /// The triggers that led to it, this one last.
    pub chain: Vec<String>,
    /// Who made the write that fired it.
    pub actor: String,
    /// Queued.
    pub created_at: String,
    /// Finished.
    pub finished_at: Option<String>,
}

impl From<TriggerRun> for TriggerRunResponse {
    fn from(r: TriggerRun) -> Self {
        TriggerRunResponse {
            id: r.id,
            trigger_id: r.trigger_id,
            trigger_name: r.trigger_name,
            record_id: r.record_id,
            status: serde_json::to_value(r.status).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
            attempts: r.attempts,
            outcome: r.outcome,
            error: r.error,
            error_code: r.error_code,
            chain: r.chain,
            actor: r.actor,
            created_at: r.created_at,
            finished_at: r.finished_at,
        }
    }
}

/// A page of a trigger's runs, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TriggerRunList {
    /// Runs.
    pub data: Vec<TriggerRunResponse>,
    /// Cursor of the next page; null on the last.
    pub next_cursor: Option<String>,
}
