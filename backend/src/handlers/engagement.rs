//! `GET /api/contacts/{id}/score`: the engagement score and the activities that make it up.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use std::sync::Arc;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::engagement::Score;
use crate::domain::ids::format_ts;
use crate::error::{AppResult, Problem};
use crate::extract::PathId;
use crate::services::engagement::EngagementService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(contact_score))
}

/// One activity's share of a score.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScorePart {
    /// `note`, `call`, `meeting`, `email`, `deal_won`, ...
    pub kind: String,
    /// When it happened.
    pub at: String,
    /// Its full points (2 decimals, as text).
    pub points: String,
    /// What is left of them now (2 decimals, as text); the parts' values add up to `score`.
    pub decayed: String,
}

/// An engagement score with its explanation.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScoreResponse {
    /// The score (2 decimals, as text): exactly the sum of the parts' `decayed`.
    pub score: String,
    /// When it was computed.
    pub at: String,
    /// The activities that count, newest first.
    pub parts: Vec<ScorePart>,
}

impl From<Score> for ScoreResponse {
    fn from(s: Score) -> Self {
        Self {
            score: s.score.to_string(),
            at: format_ts(s.at),
            parts: s
                .parts
                .into_iter()
                .map(|p| ScorePart {
                    kind: p.kind,
                    at: format_ts(p.at),
                    points: p.points.to_string(),
                    decayed: p.decayed.to_string(),
                })
                .collect(),
        }
    }
}

/// The contact's engagement score now: points per activity (configurable weights), halved every
/// `engagement.half_life_days`, with every part that adds up to it.
#[utoipa::path(get, path = "/api/contacts/{id}/score", tag = "contacts",
    params(("id" = String, Path, description = "Contact id")),
    responses(
        (status = 200, description = "The score and its parts", body = ScoreResponse),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn contact_score(
    State(engagement): State<Arc<EngagementService>>,
    PathId(id): PathId,
) -> AppResult<Json<ScoreResponse>> {
    Ok(Json(engagement.score(&id).await?.into()))
}
