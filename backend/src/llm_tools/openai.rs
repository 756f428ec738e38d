//! Provider `openai`: the chat-completions HTTP API that OpenAI, Ollama, vLLM and llama.cpp's
//! server all speak (docs/llm.md has their differences). JSON mode, streaming over SSE, retries
//! with backoff on 429 and 5xx that honour `Retry-After`.

use std::time::Duration;

use futures::future::BoxFuture;
use futures::StreamExt;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{Completion, LlmError, Partial, Prompt, Provider};
use crate::config::LlmSettings;

/// The longest wait a `Retry-After` may ask for; longer ones fail at once.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// A chat-completions client.
pub struct OpenAi {
    client: reqwest::Client,
    url: String,
    model: String,
    api_key: String,
    timeout: Duration,
    max_retries: u32,
}

impl OpenAi {
    /// A client for the configured server.
    pub fn new(settings: &LlmSettings) -> Result<Self, String> {
        let base = settings.base_url.trim().trim_end_matches('/');
        if base.is_empty() {
            return Err("llm.base_url is required when llm.provider is openai".into());
        }
        if settings.model.trim().is_empty() {
            return Err("llm.model is required when llm.provider is openai".into());
        }
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("crm/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Self {
            client,
            url: format!("{base}/chat/completions"),
            model: settings.model.trim().to_string(),
            api_key: settings.api_key.expose().to_string(),
            timeout: Duration::from_secs(settings.timeout_secs.max(1)),
            max_retries: settings.max_retries,
        })
    }

    fn body(&self, prompt: &Prompt<'_>, stream: bool) -> Value {
        let messages: Vec<Value> =
            prompt.messages.iter().map(|(role, content)| json!({"role": role, "content": content})).collect();
        let mut body = json!({
            "model": self.model,
            "messages": messages,
            "temperature": 0.3,
            "response_format": {"type": "json_object"},
            "stream": stream,
        });
        if stream {
            body["stream_options"] = json!({"include_usage": true});
        }
        body
    }

    /// One request; `Err((retryable, wait, why))`.
    async fn attempt(
        &self,
        body: &Value,
        partial: Option<&Partial<'_>>,
    ) -> Result<Completion, (bool, Option<Duration>, String)> {
        let mut request = self.client.post(&self.url).timeout(self.timeout).json(body);
        if !self.api_key.is_empty() {
            request = request.bearer_auth(&self.api_key);
        }
        let response = match request.send().await {
            Ok(r) => r,
            Err(e) if e.is_timeout() => return Err((true, None, "the model did not answer in time".into())),
            Err(e) => return Err((true, None, format!("cannot reach the model server ({})", kind_of(&e)))),
        };
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
            let wait = retry_after(response.headers());
            return Err((
                wait.is_none_or(|w| w <= MAX_RETRY_AFTER),
                wait,
                format!("the model server answered {status}"),
            ));
        }
        if !status.is_success() {
            return Err((false, None, format!("the model server answered {status}")));
        }
        let read = if partial.is_some() { read_stream(response, partial).await } else { read_whole(response).await };
        read.map_err(|e| (e.0, None, e.1))
    }
}

fn kind_of(e: &reqwest::Error) -> &'static str {
    if e.is_connect() {
        "connection refused or failed"
    } else if e.is_request() {
        "request failed"
    } else {
        "transport error"
    }
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let raw = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = raw.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = chrono::DateTime::parse_from_rfc2822(raw).ok()?;
    let wait = at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or_default())
}

fn usage_of(value: &Value) -> (u64, u64) {
    let usage = &value["usage"];
    (usage["prompt_tokens"].as_u64().unwrap_or(0), usage["completion_tokens"].as_u64().unwrap_or(0))
}

async fn read_whole(response: reqwest::Response) -> Result<Completion, (bool, String)> {
    let body: Value = response.json().await.map_err(|e| {
        if e.is_timeout() {
            (true, "the model did not answer in time".to_string())
        } else {
            (false, "the model server's answer is not JSON".to_string())
        }
    })?;
    let text = body["choices"][0]["message"]["content"].as_str().unwrap_or_default().to_string();
    let (tokens_in, tokens_out) = usage_of(&body);
    Ok(Completion { text, tokens_in, tokens_out })
}

/// Reads a streamed answer (`data: {...}` lines, `data: [DONE]` at the end), passing each piece
/// of text on as it arrives.
async fn read_stream(response: reqwest::Response, partial: Option<&Partial<'_>>) -> Result<Completion, (bool, String)> {
    let mut stream = response.bytes_stream();
    let mut buffer: Vec<u8> = Vec::new();
    let mut text = String::new();
    let (mut tokens_in, mut tokens_out) = (0, 0);
    let mut done = false;
    while !done {
        let Some(chunk) = stream.next().await else { break };
        let chunk = chunk.map_err(|e| {
            (
                e.is_timeout(),
                if e.is_timeout() { "the model did not finish in time" } else { "the stream broke off" }.to_string(),
            )
        })?;
        buffer.extend_from_slice(&chunk);
        while let Some(end) = buffer.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = buffer.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            let Some(data) = line.trim().strip_prefix("data:") else { continue };
            let data = data.trim();
            if data == "[DONE]" {
                done = true;
                break;
            }
            let Ok(event) = serde_json::from_str::<Value>(data) else { continue };
            if let Some(piece) = event["choices"][0]["delta"]["content"].as_str() {
                text.push_str(piece);
                if let Some(partial) = partial {
                    partial(piece.to_string());
                }
            }
            if event["usage"].is_object() {
                (tokens_in, tokens_out) = usage_of(&event);
            }
        }
    }
    Ok(Completion { text, tokens_in, tokens_out })
}

impl Provider for OpenAi {
    fn name(&self) -> &'static str {
        "openai"
    }

    fn model(&self) -> &str {
        &self.model
    }

    fn complete<'a>(
        &'a self,
        prompt: &'a Prompt<'a>,
        partial: Option<&'a Partial<'a>>,
    ) -> BoxFuture<'a, Result<Completion, LlmError>> {
        Box::pin(async move {
            let body = self.body(prompt, partial.is_some());
            let mut tries = 0;
            loop {
                match self.attempt(&body, partial).await {
                    Ok(done) => return Ok(done),
                    Err((retryable, wait, why)) => {
                        if !retryable || tries >= self.max_retries {
                            return Err(LlmError::Unavailable(why));
                        }
                        let backoff = Duration::from_millis(250 * 2u64.pow(tries.min(5)));
                        tokio::time::sleep(wait.unwrap_or(backoff)).await;
                        tries += 1;
                    }
                }
            }
        })
    }
}
