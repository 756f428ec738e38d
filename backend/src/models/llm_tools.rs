//! LLM tool DTOs: the tool list with JSON Schemas, a run's answer, a briefing.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};

use super::pagination::list_response;
use crate::llm_tools::tools::{
    BriefingInput, ContactBriefing, EmailDraft, EmailInput, LandingPage, LandingPageInput, SocialPost, SocialPostInput,
};
use crate::llm_tools::ToolName;
use crate::repositories::llm::LlmRun;
use crate::services::llm::{Briefing, ToolRun};

/// The writer in use.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderInfo {
    /// `offline` (the built-in writer) or `openai` (a model behind an OpenAI-compatible API).
    #[schema(example = "offline")]
    pub name: String,
    /// The model.
    #[schema(example = "offline-writer-1")]
    pub model: String,
}

/// One tool.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolDescriptor {
    /// Name, for `POST /api/llm-tools/{name}`.
    #[schema(example = "email_generator")]
    pub name: String,
    /// What it does.
    pub description: String,
    /// JSON Schema of its input (self-contained: nested types under `$defs`).
    #[schema(value_type = Object)]
    pub input_schema: Value,
    /// JSON Schema of its output.
    #[schema(value_type = Object)]
    pub output_schema: Value,
}

/// The tools and the writer in use.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolList {
    /// Every tool.
    pub data: Vec<ToolDescriptor>,
    /// Who writes.
    pub provider: ProviderInfo,
}

/// A self-contained JSON Schema of `T`: its schema with the types it names under `$defs`.
fn schema_of<T: ToSchema>() -> Value {
    let mut nested = Vec::new();
    T::schemas(&mut nested);
    let mut root = serde_json::to_value(T::schema()).unwrap_or(Value::Null);
    if !nested.is_empty() {
        let defs: Map<String, Value> = nested
            .into_iter()
            .map(|(name, schema)| (name, serde_json::to_value(schema).unwrap_or(Value::Null)))
            .collect();
        root["$defs"] = Value::Object(defs);
    }
    let text = root.to_string().replace("#/components/schemas/", "#/$defs/");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

impl ToolList {
    /// Every tool, described.
    pub fn new(provider: (&str, String)) -> Self {
        let data = ToolName::ALL
            .into_iter()
            .map(|tool| {
                let (input_schema, output_schema) = match tool {
                    ToolName::EmailGenerator => (schema_of::<EmailInput>(), schema_of::<EmailDraft>()),
                    ToolName::SocialPostGenerator => (schema_of::<SocialPostInput>(), schema_of::<SocialPost>()),
                    ToolName::LandingPageGenerator => (schema_of::<LandingPageInput>(), schema_of::<LandingPage>()),
                    ToolName::ContactBriefing => (schema_of::<BriefingInput>(), schema_of::<ContactBriefing>()),
                };
                ToolDescriptor {
                    name: tool.as_str().to_string(),
                    description: tool.description().to_string(),
                    input_schema,
                    output_schema,
                }
            })
            .collect();
        Self { data, provider: ProviderInfo { name: provider.0.to_string(), model: provider.1 } }
    }
}

/// One Server-Sent Event of a streamed answer, as a client reads it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SseEventDto {
    /// `partial` (a piece of the text being written), `asset` (a stored asset), `result` (the
    /// whole answer, as the JSON response would be) or `error` (a problem+json).
    #[schema(example = "partial")]
    pub event: String,
    /// The event's JSON document, as text.
    #[schema(example = "{\"text\": \"Hi Ada, \"}")]
    pub data: String,
}

/// The input of one tool (see each tool's `input_schema`).
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub enum ToolInputDto {
    /// `email_generator`.
    Email(EmailInput),
    /// `social_post_generator`.
    Social(SocialPostInput),
    /// `landing_page_generator`.
    LandingPage(LandingPageInput),
    /// `contact_briefing`.
    Briefing(BriefingInput),
}

/// A tool's output.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub enum ToolOutputDto {
    /// An email.
    Email(EmailDraft),
    /// A post.
    Social(SocialPost),
    /// A page.
    LandingPage(LandingPage),
    /// A briefing.
    Briefing(ContactBriefing),
}

/// A finished run.
#[derive(Debug, Serialize, ToSchema)]
pub struct ToolRunResponse {
    /// The tool.
    pub tool: String,
    /// `offline` or `openai`.
    pub provider: String,
    /// The model.
    pub model: String,
    /// The run's record.
    pub llm_run_id: String,
    /// The validated output.
    #[schema(value_type = ToolOutputDto)]
    pub output: Value,
}

impl From<ToolRun> for ToolRunResponse {
    fn from(run: ToolRun) -> Self {
        Self {
            tool: run.tool.as_str().to_string(),
            provider: run.provider,
            model: run.model,
            llm_run_id: run.llm_run_id,
            output: serde_json::to_value(run.output).unwrap_or(Value::Null),
        }
    }
}

/// `?stream=true` answers Server-Sent Events instead.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamParams {
    /// `true`: `text/event-stream` with `partial` events (`{"text"}`: pieces of the answer as
    /// written), then one `result` event (the response body) or one `error` event (problem+json).
    #[param(value_type = Option<bool>, nullable = false)]
    pub stream: Option<String>,
}

impl StreamParams {
    /// Whether a stream was asked for (422 for anything but true/false).
    pub fn wanted(&self) -> Result<bool, crate::error::AppError> {
        match self.stream.as_deref().map(str::trim) {
            None | Some("") | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(crate::error::AppError::invalid_field("stream", "must be true or false")),
        }
    }
}

/// `?refresh=true` writes a new briefing even when the data has not changed.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BriefingParams {
    /// `true`: write it again.
    #[param(value_type = Option<bool>, nullable = false)]
    pub refresh: Option<String>,
}

impl BriefingParams {
    /// Whether a fresh briefing was asked for.
    pub fn refresh(&self) -> Result<bool, crate::error::AppError> {
        match self.refresh.as_deref().map(str::trim) {
            None | Some("") | Some("false") => Ok(false),
            Some("true") => Ok(true),
            Some(_) => Err(crate::error::AppError::invalid_field("refresh", "must be true or false")),
        }
    }
}

/// A briefing on a contact.
#[derive(Debug, Serialize, ToSchema)]
pub struct BriefingResponse {
    /// Who they are and where things stand.
    pub summary: String,
    /// What to do next.
    pub next_steps: Vec<String>,
    /// What to bring up.
    pub talking_points: Vec<String>,
    /// `positive`, `neutral` or `negative`.
    #[schema(example = "neutral")]
    pub sentiment: String,
    /// Ids of the timeline entries, deals and cases it used.
    pub sources: Vec<String>,
    /// Who wrote it.
    pub provider: String,
    /// The model.
    pub model: String,
    /// The run that wrote it.
    pub llm_run_id: String,
    /// When it was written.
    pub generated_at: String,
    /// Whether it was reused because the contact's data has not changed since.
    pub cached: bool,
}

impl From<Briefing> for BriefingResponse {
    fn from(b: Briefing) -> Self {
        let list = |key: &str| -> Vec<String> {
            b.briefing[key]
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
                .unwrap_or_default()
        };
        Self {
            summary: b.briefing["summary"].as_str().unwrap_or_default().to_string(),
            next_steps: list("next_steps"),
            talking_points: list("talking_points"),
            sentiment: b.briefing["sentiment"].as_str().unwrap_or("neutral").to_string(),
            sources: list("sources"),
            provider: b.provider,
            model: b.model,
            llm_run_id: b.llm_run_id,
            generated_at: b.generated_at,
            cached: b.cached,
        }
    }
}

/// A recorded run (no prompt, no answer).
#[derive(Debug, Serialize, ToSchema)]
pub struct LlmRunResponse {
    /// Id.
    pub id: String,
    /// Tool.
    pub tool: String,
    /// Provider.
    pub provider: String,
    /// Model.
    pub model: String,
    /// SHA-256 of the prompt as sent.
    pub prompt_hash: String,
    /// Prompt tokens.
    pub tokens_in: u64,
    /// Answer tokens.
    pub tokens_out: u64,
    /// Milliseconds.
    pub latency_ms: u64,
    /// `ok`, `invalid_output` or `unavailable`.
    pub outcome: String,
    /// Requests made.
    pub attempts: u32,
    /// Who ran it.
    pub actor: String,
    /// When.
    pub created_at: String,
}

impl From<LlmRun> for LlmRunResponse {
    fn from(r: LlmRun) -> Self {
        Self {
            id: r.id,
            tool: r.tool,
            provider: r.provider,
            model: r.model,
            prompt_hash: r.prompt_hash,
            tokens_in: r.tokens_in,
            tokens_out: r.tokens_out,
            latency_ms: r.latency_ms,
            outcome: r.outcome,
            attempts: r.attempts,
            actor: r.actor,
            created_at: r.created_at,
        }
    }
}

list_response!(LlmRunList, LlmRunResponse, "A page of LLM runs, newest first.");
