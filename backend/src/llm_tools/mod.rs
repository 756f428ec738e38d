//! LLM tools: four writers (email, social post, landing page, contact briefing) over one
//! provider trait. Provider `offline` (the default) is a deterministic writer that needs no
//! network; provider `openai` speaks the chat-completions API of OpenAI, Ollama, vLLM and
//! llama.cpp. Whatever writes, the answer passes the same checks ([`tools::parse_output`]).

pub mod html;
pub mod offline;
pub mod openai;
pub mod redact;
pub mod tools;

use std::sync::Arc;

use futures::future::BoxFuture;
use sha2::{Digest, Sha256};

pub use tools::{Job, Output, ToolName};

use crate::config::LlmSettings;

/// Where the pieces of an answer go as it is written (streaming): called once per piece.
pub type Partial<'p> = dyn Fn(String) + Send + Sync + 'p;

/// What a provider is asked: the job (for a writer that reads data) and the same job as chat
/// messages `(role, content)` for a model (personal data already redacted when configured).
pub struct Prompt<'a> {
    /// The job.
    pub job: &'a Job,
    /// The conversation so far.
    pub messages: &'a [(&'static str, String)],
}

/// A provider's raw answer.
#[derive(Debug, Clone, Default)]
pub struct Completion {
    /// The text (a JSON object, if the provider did its job).
    pub text: String,
    /// Prompt tokens the provider counted.
    pub tokens_in: u64,
    /// Answer tokens.
    pub tokens_out: u64,
}

/// Why a run failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LlmError {
    /// The provider could not be reached or kept failing (502 `llm_unavailable`).
    #[error("the language model is unavailable: {0}")]
    Unavailable(String),
    /// The answer failed the tool's checks twice (422 `llm_invalid_output`).
    #[error("the language model's answer is invalid: {0}")]
    Invalid(String),
}

/// Something that writes a tool's answer.
pub trait Provider: Send + Sync {
    /// `offline` or `openai`.
    fn name(&self) -> &'static str;
    /// The model (the offline writer's version for `offline`).
    fn model(&self) -> &str;
    /// Answers the prompt, passing pieces of the answer to `partial` as they are written.
    fn complete<'a>(
        &'a self,
        prompt: &'a Prompt<'a>,
        partial: Option<&'a Partial<'a>>,
    ) -> BoxFuture<'a, Result<Completion, LlmError>>;
}

/// The offline writer as a provider: it reads the job, not the messages, and counts no tokens
/// (nothing is sent anywhere).
pub struct Offline;

impl Provider for Offline {
    fn name(&self) -> &'static str {
        "offline"
    }

    fn model(&self) -> &str {
        "offline-writer-1"
    }

    fn complete<'a>(
        &'a self,
        prompt: &'a Prompt<'a>,
        partial: Option<&'a Partial<'a>>,
    ) -> BoxFuture<'a, Result<Completion, LlmError>> {
        Box::pin(async move {
            let text = serde_json::to_string(&offline::write(prompt.job)).unwrap_or_default();
            if let Some(partial) = partial {
                // Written a few words at a time, like a model, so live drafting looks the same.
                let mut piece = String::new();
                for (i, c) in text.chars().enumerate() {
                    piece.push(c);
                    if c == ' ' && i % 4 == 0 && piece.len() > 24 {
                        partial(std::mem::take(&mut piece));
                        tokio::task::yield_now().await;
                    }
                }
                if !piece.is_empty() {
                    partial(piece);
                }
            }
            Ok(Completion { text, tokens_in: 0, tokens_out: 0 })
        })
    }
}

/// The configured provider and whether its prompts are redacted.
pub fn provider(settings: &LlmSettings) -> Result<(Arc<dyn Provider>, bool), String> {
    match settings.provider.trim() {
        "" | "offline" => Ok((Arc::new(Offline), settings.redact.unwrap_or(false))),
        "openai" => Ok((Arc::new(openai::OpenAi::new(settings)?), settings.redact.unwrap_or(true))),
        other => Err(format!("llm.provider must be offline or openai, not {other}")),
    }
}

/// A finished run.
#[derive(Debug, Clone)]
pub struct Run {
    /// The validated output.
    pub output: Output,
    /// SHA-256 of the prompt as sent (hex): which runs had the same prompt, without the prompt.
    pub prompt_hash: String,
    /// Tokens in, all attempts.
    pub tokens_in: u64,
    /// Tokens out, all attempts.
    pub tokens_out: u64,
    /// Requests made (2 when the first answer failed its checks).
    pub attempts: u32,
}

/// A failed run with what it cost.
#[derive(Debug, Clone)]
pub struct Failure {
    /// Why.
    pub error: LlmError,
    /// SHA-256 of the prompt.
    pub prompt_hash: String,
    /// Tokens in.
    pub tokens_in: u64,
    /// Tokens out.
    pub tokens_out: u64,
}

fn hash(messages: &[(&'static str, String)]) -> String {
    let mut hasher = Sha256::new();
    for (role, content) in messages {
        hasher.update(role.as_bytes());
        hasher.update([0]);
        hasher.update(content.as_bytes());
        hasher.update([0]);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Runs a job: the prompt (redacted when `redact`), the provider, the checks; an answer that
/// fails them is sent back once with what is wrong, a second failure is [`LlmError::Invalid`].
pub async fn run(
    provider: &dyn Provider,
    job: &Job,
    redact: bool,
    partial: Option<&Partial<'_>>,
) -> Result<Run, Failure> {
    let mut redactions = redact::Redactions::default();
    let user = tools::user_prompt(job);
    let user = if redact { redactions.redact(&user) } else { user };
    let mut messages: Vec<(&'static str, String)> = vec![("system", tools::system_prompt(job)), ("user", user)];
    let prompt_hash = hash(&messages);
    let (mut tokens_in, mut tokens_out) = (0, 0);
    let mut attempts = 0;
    loop {
        attempts += 1;
        let completion = provider
            .complete(&Prompt { job, messages: &messages }, partial)
            .await
            .map_err(|error| Failure { error, prompt_hash: prompt_hash.clone(), tokens_in, tokens_out })?;
        tokens_in += completion.tokens_in;
        tokens_out += completion.tokens_out;
        let answer = redactions.restore_json(&completion.text);
        match tools::parse_output(job, &answer) {
            Ok(output) => return Ok(Run { output, prompt_hash, tokens_in, tokens_out, attempts }),
            Err(why) if attempts >= 2 => {
                return Err(Failure { error: LlmError::Invalid(why), prompt_hash, tokens_in, tokens_out });
            }
            Err(why) => {
                messages.push(("assistant", completion.text));
                messages.push((
                    "user",
                    format!("That answer cannot be used: {why}. Answer again with only the JSON object, in the shape asked for."),
                ));
            }
        }
    }
}
