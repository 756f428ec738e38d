//! LLM run records, the daily token count, and cached briefings.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{encode_row, RepoResult};
use crate::db::Db;

/// One tool run as recorded: what ran and how it went, never the prompt or the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmRun {
    /// Id (UUIDv7).
    pub id: String,
    /// Tool.
    pub tool: String,
    /// `offline` or `openai`.
    pub provider: String,
    /// Model.
    pub model: String,
    /// SHA-256 of the prompt as sent (hex).
    pub prompt_hash: String,
    /// Prompt tokens (all attempts).
    pub tokens_in: u64,
    /// Answer tokens.
    pub tokens_out: u64,
    /// Wall time, milliseconds.
    pub latency_ms: u64,
    /// `ok`, `invalid_output` or `unavailable`.
    pub outcome: String,
    /// Requests made.
    pub attempts: u32,
    /// Who ran it (user or API key id).
    pub actor: String,
    /// When it started.
    pub created_at: String,
}

/// A stored briefing and the fingerprint of the data it was written from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CachedBriefing {
    /// Hash of the contact's data the briefing read.
    pub fingerprint: String,
    /// The briefing (the tool's output).
    pub briefing: Value,
    /// Provider.
    pub provider: String,
    /// Model.
    pub model: String,
    /// The run that wrote it.
    pub llm_run_id: String,
    /// When it was written.
    pub generated_at: String,
}

/// Rows the daily token count is spread over.
pub const USAGE_SHARDS: u64 = 16;

/// LLM bookkeeping.
#[derive(Clone)]
pub struct LlmRepository {
    db: Db,
}

impl LlmRepository {
    /// A repository over `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }

    /// Records a run and adds its tokens to its UTC day's count, in one transaction. The count
    /// is spread over [`USAGE_SHARDS`] rows a day, so concurrent runs rarely touch the same one.
    pub async fn record(&self, run: &LlmRun) -> RepoResult<()> {
        let mut row = encode_row(run);
        if let Value::Object(map) = &mut row {
            map.insert("part".into(), json!(super::records::LIST_PART));
            map.insert("rkey".into(), json!(super::records::descending(&run.id)));
        }
        let tokens = run.tokens_in + run.tokens_out;
        let sql = if tokens == 0 {
            "CREATE type::record('llm_run', $id) CONTENT $row RETURN NONE;"
        } else {
            "BEGIN;\n\
             CREATE type::record('llm_run', $id) CONTENT $row RETURN NONE;\n\
             UPSERT type::record('llm_usage', $shard) SET day = $day, tokens = (tokens ?? 0) + $tokens, runs = (runs ?? 0) + 1 RETURN NONE;\n\
             COMMIT;"
        };
        let day = run.created_at.get(..10).unwrap_or_default();
        let shard = format!("{day}_{}", rand::random::<u64>() % USAGE_SHARDS);
        let vars = json!({"id": run.id, "row": row, "day": day, "shard": shard, "tokens": tokens});
        super::records::run_retried(&self.db, sql, vars).await
    }

    /// Tokens spent on `day` (`YYYY-MM-DD`).
    pub async fn tokens_on(&self, day: &str) -> RepoResult<u64> {
        let mut response = self
            .db
            .query("SELECT VALUE tokens FROM llm_usage WHERE day = $day")
            .bind(json!({"day": day}))
            .await?
            .check()?;
        let tokens: Vec<Value> = response.take(0)?;
        Ok(tokens.iter().filter_map(Value::as_u64).sum())
    }

    /// Runs, newest first.
    pub async fn runs(&self, after: Option<String>, limit: usize) -> RepoResult<(Vec<LlmRun>, Option<String>)> {
        super::records::ListQuery::newest_first("llm_run", after, limit).page(&self.db).await
    }

    /// The cached briefing of a contact.
    pub async fn briefing(&self, contact_id: &str) -> RepoResult<Option<CachedBriefing>> {
        let mut response = self
            .db
            .query("SELECT * OMIT id FROM ONLY type::record('briefing', $id)")
            .bind(json!({"id": contact_id}))
            .await?
            .check()?;
        let row: Option<Value> = response.take(0)?;
        row.filter(|r| !r.is_null())
            .map(|r| serde_json::from_value(r).map_err(|e| super::RepoError::Decode(e.to_string())))
            .transpose()
    }

    /// Stores a contact's briefing.
    pub async fn save_briefing(&self, contact_id: &str, briefing: &CachedBriefing) -> RepoResult<()> {
        let sql = "UPSERT type::record('briefing', $id) CONTENT $row RETURN NONE;";
        super::records::run_retried(&self.db, sql, json!({"id": contact_id, "row": briefing})).await
    }
}
