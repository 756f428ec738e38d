//! A fake OpenAI-compatible server on loopback: answers `POST /v1/chat/completions` from a
//! script (JSON, errors with `Retry-After`, slowness, streamed answers) and records what it
//! was sent.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// One scripted answer.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with this message content and usage.
    Content { content: String, tokens_in: u64, tokens_out: u64 },
    /// This status, with `Retry-After` seconds when given.
    Status { code: u16, retry_after: Option<u64> },
    /// Waits this long, then answers like `Content`.
    Slow { wait: Duration, content: String },
    /// A streamed answer in these pieces, with usage in the last chunk.
    Stream { pieces: Vec<String> },
    /// 200 with a body that is not JSON.
    Garbage,
}

impl Reply {
    pub fn content(content: impl Into<String>) -> Self {
        Reply::Content { content: content.into(), tokens_in: 30, tokens_out: 20 }
    }
}

#[derive(Default)]
struct Script {
    replies: VecDeque<Reply>,
    received: Vec<(Instant, Value, Option<String>)>,
}

/// The server: its base URL (`.../v1`) and what it saw.
#[derive(Clone)]
pub struct FakeLlm {
    pub base_url: String,
    script: Arc<Mutex<Script>>,
}

impl FakeLlm {
    /// Starts a server that answers `replies` in order (then 500s).
    pub async fn start(replies: Vec<Reply>) -> FakeLlm {
        let script = Arc::new(Mutex::new(Script { replies: replies.into(), received: Vec::new() }));
        let app =
            axum::Router::new().route("/v1/chat/completions", axum::routing::post(answer)).with_state(script.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}/v1", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        FakeLlm { base_url, script }
    }

    /// Request bodies received, in order.
    pub fn requests(&self) -> Vec<Value> {
        self.script.lock().unwrap().received.iter().map(|(_, body, _)| body.clone()).collect()
    }

    /// When each request arrived.
    pub fn arrivals(&self) -> Vec<Instant> {
        self.script.lock().unwrap().received.iter().map(|(at, _, _)| *at).collect()
    }

    /// The `Authorization` header of each request.
    pub fn authorizations(&self) -> Vec<Option<String>> {
        self.script.lock().unwrap().received.iter().map(|(_, _, auth)| auth.clone()).collect()
    }

    /// Settings pointing `llm` at this server.
    pub fn configure(&self, settings: &mut crm::config::Settings) {
        settings.llm.provider = "openai".into();
        settings.llm.base_url = self.base_url.clone();
        settings.llm.model = "fake-model".into();
        settings.llm.api_key = crm::config::Secret::new("sk-test-key");
        settings.llm.timeout_secs = 2;
        settings.llm.max_retries = 2;
    }
}

fn completion(content: &str, tokens_in: u64, tokens_out: u64) -> Value {
    json!({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "fake-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out}
    })
}

async fn answer(State(script): State<Arc<Mutex<Script>>>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).map(String::from);
    let reply = {
        let mut s = script.lock().unwrap();
        s.received.push((Instant::now(), body, auth));
        s.replies.pop_front()
    };
    match reply {
        Some(Reply::Content { content, tokens_in, tokens_out }) => {
            Json(completion(&content, tokens_in, tokens_out)).into_response()
        }
        Some(Reply::Status { code, retry_after }) => {
            let mut response =
                (StatusCode::from_u16(code).unwrap(), Json(json!({"error": {"message": "busy"}}))).into_response();
            if let Some(secs) = retry_after {
                response.headers_mut().insert("retry-after", secs.into());
            }
            response
        }
        Some(Reply::Slow { wait, content }) => {
            tokio::time::sleep(wait).await;
            Json(completion(&content, 1, 1)).into_response()
        }
        Some(Reply::Stream { pieces }) => {
            let mut text = String::new();
            for piece in &pieces {
                let chunk = json!({"choices": [{"index": 0, "delta": {"content": piece}}]});
                text.push_str(&format!("data: {chunk}\n\n"));
            }
            let last = json!({"choices": [], "usage": {"prompt_tokens": 11, "completion_tokens": 7}});
            text.push_str(&format!("data: {last}\n\ndata: [DONE]\n\n"));
            Response::builder().header("content-type", "text/event-stream").body(Body::from(text)).unwrap()
        }
        Some(Reply::Garbage) => (StatusCode::OK, "<html>proxy error</html>").into_response(),
        None => (StatusCode::INTERNAL_SERVER_ERROR, "script exhausted").into_response(),
    }
}
