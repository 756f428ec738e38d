//! `/api/llm-tools`: the tools and their schemas, a run (JSON, or Server-Sent Events while the
//! text is written), the recorded runs; `/api/contacts/{id}/briefing`.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::sse::{Event, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures::Stream;
use serde::Deserialize;
use serde_json::{json, Map, Value};
use tokio::sync::mpsc::UnboundedSender;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use validator::Validate;

use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, PathId, RequestOrigin, ValidJson};
use crate::llm_tools::ToolName;
use crate::models::llm_tools::{
    BriefingParams, BriefingResponse, LlmRunList, SseEventDto, StreamParams, ToolInputDto, ToolList, ToolRunResponse,
};
use crate::models::pagination::NewestFirstParams;
use crate::services::llm::LlmService;
use crate::state::AppState;

/// Quick routes (no model is called).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_tools)).routes(routes!(list_runs))
}

/// Routes that call the model, outside the request timeout: the model client has its own
/// (`llm.timeout_secs` per request, `llm.max_retries`), and a stream stays open while it writes.
pub fn long_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(run_tool)).routes(routes!(contact_briefing))
}

/// A tool's input: any JSON object, read as the tool's own input type.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct ToolBody(Map<String, Value>);

impl Validate for ToolBody {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}

/// The tools, with the JSON Schemas of their input and output, and the writer in use.
#[utoipa::path(get, path = "/api/llm-tools", tag = "llm-tools",
    responses((status = 200, description = "Every tool", body = ToolList)))]
pub async fn list_tools(State(llm): State<Arc<LlmService>>) -> Json<ToolList> {
    Json(ToolList::new(llm.provider()))
}

/// Runs a tool. The answer is checked (shape, lengths, merge fields, sources; email HTML
/// sanitised); an answer that fails is sent back to the model once, a second failure is 422
/// `llm_invalid_output`. Every run is recorded without its prompt or answer.
#[utoipa::path(post, path = "/api/llm-tools/{name}", tag = "llm-tools", request_body = ToolInputDto,
    params(("name" = String, Path, description = "Tool: email_generator, social_post_generator, landing_page_generator or contact_briefing"), StreamParams),
    responses(
        (status = 200, description = "The tool's output; with `stream=true`, Server-Sent Events (`partial`, then `result` or `error`)",
            content((ToolRunResponse = "application/json"), (SseEventDto = "text/event-stream"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such tool", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid input, or the model's answer failed the checks twice (`llm_invalid_output`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Today's token budget is spent (`llm_budget_spent`, `Retry-After`)", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "The model could not be reached (`llm_unavailable`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn run_tool(
    State(llm): State<Arc<LlmService>>,
    Path(name): Path<String>,
    RequestOrigin(origin): RequestOrigin,
    ApiQuery(params): ApiQuery<StreamParams>,
    ValidJson(ToolBody(body)): ValidJson<ToolBody>,
) -> AppResult<Response> {
    let tool = ToolName::parse(&name).ok_or_else(|| AppError::NotFound("tool".into()))?;
    let stream = params.wanted()?;
    let job = llm.job(tool, Value::Object(body)).await?;
    if !stream {
        let run = llm.run(&job, &origin.actor, None).await?;
        return Ok(Json(ToolRunResponse::from(run)).into_response());
    }
    Ok(event_stream(|events| async move {
        let on_piece = move |text: String| {
            let _ = events.send(json_event("partial", &json!({ "text": text })));
        };
        let run = llm.run(&job, &origin.actor, Some(&on_piece)).await?;
        Ok(vec![json_event("result", &ToolRunResponse::from(run))])
    })
    .into_response())
}

/// An SSE event with a JSON body.
pub fn json_event<T: serde::Serialize>(name: &str, body: &T) -> Event {
    Event::default().event(name).json_data(body).unwrap_or_else(|_| Event::default().comment("unencodable"))
}

/// A Server-Sent Events answer fed by `work`, run in the background: it sends events as it goes
/// (through the sender it is given) and ends with its last events, or with one `error` event
/// (problem+json) when it fails. The stream ends when the work does.
pub fn event_stream<Fut>(
    work: impl FnOnce(UnboundedSender<Event>) -> Fut,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>>
where
    Fut: Future<Output = AppResult<Vec<Event>>> + Send + 'static,
{
    let (events, rx) = tokio::sync::mpsc::unbounded_channel();
    let work = work(events.clone());
    tokio::spawn(async move {
        let last = match work.await {
            Ok(last) => last,
            Err(e) => vec![json_event("error", &e.to_problem())],
        };
        for event in last {
            let _ = events.send(event);
        }
    });
    Sse::new(futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|e| (Ok(e), rx)) }))
}

/// A briefing on the contact from their recent timeline, open deals and cases. It is reused
/// until any of that (or the contact) changes; `refresh=true` writes a new one.
#[utoipa::path(get, path = "/api/contacts/{id}/briefing", tag = "contacts",
    params(("id" = String, Path, description = "Contact id"), BriefingParams),
    responses(
        (status = 200, description = "The briefing", body = BriefingResponse),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The contact was merged into another (`merged_into`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter, or the model's answer failed the checks twice", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "The model could not be reached (`llm_unavailable`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn contact_briefing(
    State(llm): State<Arc<LlmService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
    ApiQuery(params): ApiQuery<BriefingParams>,
) -> AppResult<Json<BriefingResponse>> {
    let refresh = params.refresh()?;
    Ok(Json(llm.briefing(&id, &origin.actor, refresh).await?.into()))
}

/// The recorded tool runs, newest first: tool, provider, model, prompt hash, tokens, latency,
/// outcome.
#[utoipa::path(get, path = "/api/llm-tools/runs", tag = "llm-tools", params(NewestFirstParams),
    responses(
        (status = 200, description = "A page of runs", body = LlmRunList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_runs(
    State(llm): State<Arc<LlmService>>,
    ApiQuery(params): ApiQuery<NewestFirstParams>,
) -> AppResult<Json<LlmRunList>> {
    let page = params.parse()?;
    let (rows, next) = llm.runs(page.after.clone(), page.limit).await?;
    let page = page.page(rows, next, None);
    Ok(Json(page.into()))
}
