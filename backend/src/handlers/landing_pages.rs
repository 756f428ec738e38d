//! `/api/landing-pages`: generate, create, list, read, edit, publish, unpublish, delete, history,
//! analytics; and the public `/lp/{id or slug}` page with its form at `/lp/{id}/submit`.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contacts::as_of;
use super::{created, with_etag};
use crate::domain::landing_pages::{PagePatch, PageStatus, Utm};
use crate::error::{AppError, AppResult, Problem};
use crate::extract::{ApiQuery, IfMatch, PathId, RequestOrigin, ValidJson};
use crate::models::history::{AsOfParams, HistoryList, HistoryParams};
use crate::models::landing_pages::{
    CreateLandingPageRequest, GenerateLandingPageRequest, LandingPageAnalytics, LandingPageFigures, LandingPageList,
    LandingPageResponse, ListLandingPagesParams, UpdateLandingPageRequest,
};
use crate::services::history::HistoryService;
use crate::services::landing_pages::{Confirmation, LandingPageService, Submitted, Visit, PAGE_POLICY};
use crate::state::AppState;

/// Largest form body accepted.
const FORM_LIMIT: usize = 16 * 1024;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_landing_pages, create_landing_page))
        .routes(routes!(generate_landing_page))
        .routes(routes!(get_landing_page, update_landing_page, delete_landing_page))
        .routes(routes!(publish_landing_page))
        .routes(routes!(unpublish_landing_page))
        .routes(routes!(landing_page_history))
        .routes(routes!(landing_page_analytics))
        .routes(routes!(preview_landing_page))
        .routes(routes!(public_page))
        .routes(routes!(submit_form))
        .routes(routes!(confirm_consent))
        .layer(axum::extract::DefaultBodyLimit::max(256 * 1024))
}

/// List landing pages, newest first.
#[utoipa::path(get, path = "/api/landing-pages", tag = "landing-pages", params(ListLandingPagesParams),
    responses(
        (status = 200, description = "A page of landing pages", body = LandingPageList),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_landing_pages(
    State(pages): State<Arc<LandingPageService>>,
    ApiQuery(params): ApiQuery<ListLandingPagesParams>,
) -> AppResult<Json<LandingPageList>> {
    let (status, page) = params.parse()?;
    Ok(Json(pages.list(status, &page).await?.into()))
}

/// Create a landing page by hand (a draft).
#[utoipa::path(post, path = "/api/landing-pages", tag = "landing-pages", request_body = CreateLandingPageRequest,
    responses(
        (status = 201, description = "Created", body = LandingPageResponse,
            headers(("Location" = String, description = "URL of the page"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug is taken (`slug_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields or unknown ids", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<CreateLandingPageRequest>,
) -> AppResult<Response> {
    let page = pages.create(PagePatch::try_from(body)?, &origin).await?;
    Ok(created(format!("/api/landing-pages/{}", page.id), page.version, LandingPageResponse::from(page)))
}

/// Write a landing page from a brief with the landing page tool (the offline writer unless a
/// model is configured) and store it as a draft.
#[utoipa::path(post, path = "/api/landing-pages/generate", tag = "landing-pages", request_body = GenerateLandingPageRequest,
    responses(
        (status = 201, description = "Written and stored", body = LandingPageResponse,
            headers(("Location" = String, description = "URL of the page"), ("ETag" = String, description = "Version"))),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug is taken (`slug_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, unknown campaign or event, or an unusable draft", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 502, description = "The language model is unavailable", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn generate_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<GenerateLandingPageRequest>,
) -> AppResult<Response> {
    let (brief, patch) = body.parse()?;
    let page = pages.generate(patch, brief, &origin).await?;
    Ok(created(format!("/api/landing-pages/{}", page.id), page.version, LandingPageResponse::from(page)))
}

/// Get a landing page, now or as it was at `as_of`.
#[utoipa::path(get, path = "/api/landing-pages/{id}", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id"), AsOfParams),
    responses(
        (status = 200, description = "The page", body = LandingPageResponse, headers(("ETag" = String, description = "Version"))),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid as_of", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<AsOfParams>,
) -> AppResult<Response> {
    let page = match as_of(params)? {
        Some(at) => pages.get_as_of(&id, at).await?,
        None => pages.get(&id).await?,
    };
    Ok(with_etag(page.version, LandingPageResponse::from(page)))
}

/// Edit a landing page (a published page shows the edit at once).
#[utoipa::path(patch, path = "/api/landing-pages/{id}", tag = "landing-pages", request_body = UpdateLandingPageRequest,
    params(("id" = String, Path, description = "Page id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET; 412 if the page changed since", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 200, description = "Updated", body = LandingPageResponse, headers(("ETag" = String, description = "New version"))),
        (status = 400, description = "Malformed JSON or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug is taken", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
    ValidJson(body): ValidJson<UpdateLandingPageRequest>,
) -> AppResult<Response> {
    let page = pages.update(&id, PagePatch::try_from(body)?, pre, &origin).await?;
    Ok(with_etag(page.version, LandingPageResponse::from(page)))
}

/// Delete a landing page.
#[utoipa::path(delete, path = "/api/landing-pages/{id}", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id"),
        ("If-Match" = Option<String>, Header, description = "ETag from a GET", nullable = false, pattern = "^(\\*|(W/)?\"?[0-9]{1,18}\"?)$")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "If-Match does not match", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
    IfMatch(pre): IfMatch,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<impl IntoResponse> {
    pages.delete(&id, pre, &origin).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Publish a landing page: served at `/lp/{slug}` (and `/lp/{id}`).
#[utoipa::path(post, path = "/api/landing-pages/{id}/publish", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id")),
    responses(
        (status = 200, description = "Published", body = LandingPageResponse),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn publish_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let page = pages.set_status(&id, PageStatus::Published, &origin).await?;
    Ok(with_etag(page.version, LandingPageResponse::from(page)))
}

/// Unpublish a landing page: `/lp/...` answers 404 again.
#[utoipa::path(post, path = "/api/landing-pages/{id}/unpublish", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id")),
    responses(
        (status = 200, description = "Unpublished", body = LandingPageResponse),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn unpublish_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
    RequestOrigin(origin): RequestOrigin,
) -> AppResult<Response> {
    let page = pages.set_status(&id, PageStatus::Draft, &origin).await?;
    Ok(with_etag(page.version, LandingPageResponse::from(page)))
}

/// The change events of a landing page, oldest first.
#[utoipa::path(get, path = "/api/landing-pages/{id}/history", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id"), HistoryParams),
    responses(
        (status = 200, description = "Change events", body = HistoryList),
        (status = 404, description = "No page with this id ever existed", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameter", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn landing_page_history(
    State(history): State<Arc<HistoryService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> AppResult<Json<HistoryList>> {
    let (after, limit) = params.parse()?;
    let (page, names) = history.list_named("landing_page", &id, after, limit).await?;
    Ok(Json(HistoryList::named(page, &names)))
}

/// How a page reads now, published or not.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct LandingPagePreview {
    /// The page's HTML as `/lp/{slug}` would serve it (show it in a sandboxed frame).
    pub html: String,
}

/// The page's HTML as it would be served, for a preview (drafts too).
#[utoipa::path(get, path = "/api/landing-pages/{id}/preview", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id")),
    responses(
        (status = 200, description = "The page's HTML", body = LandingPagePreview),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn preview_landing_page(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
) -> AppResult<Json<LandingPagePreview>> {
    let page = pages.get(&id).await?;
    Ok(Json(LandingPagePreview { html: pages.render(&page, "", &BTreeMap::new(), &[]) }))
}

/// The days of a range (`YYYY-MM-DD`).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DaysParams {
    /// First day (default: 29 days before `to`).
    #[param(nullable = false, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub from: Option<String>,
    /// Last day (default: today, UTC).
    #[param(nullable = false, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    pub to: Option<String>,
}

/// Views, distinct visitors, submissions and the conversion rate of a page, per day and per UTM
/// source, over a range of days (UTC, both ends included).
#[utoipa::path(get, path = "/api/landing-pages/{id}/analytics", tag = "landing-pages",
    params(("id" = String, Path, description = "Page id"), DaysParams),
    responses(
        (status = 200, description = "The figures", body = LandingPageAnalytics),
        (status = 404, description = "No such page", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid day", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn landing_page_analytics(
    State(pages): State<Arc<LandingPageService>>,
    PathId(id): PathId,
    ApiQuery(params): ApiQuery<DaysParams>,
) -> AppResult<Json<LandingPageAnalytics>> {
    let day = |field: &str, raw: Option<&str>| -> AppResult<Option<chrono::NaiveDate>> {
        raw.map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| {
                chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid_field(field, "must be a day such as 2026-03-31"))
            })
            .transpose()
    };
    let to = day("to", params.to.as_deref())?.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let from = day("from", params.from.as_deref())?.unwrap_or(to - chrono::Duration::days(29));
    if to < from {
        return Err(AppError::invalid_field("to", "must not be before from"));
    }
    let (from, to) = (from.format("%Y-%m-%d").to_string(), to.format("%Y-%m-%d").to_string());
    let (views, submissions) = pages.analytics(&id, &from, &to).await?;
    let mut by_day: BTreeMap<String, LandingPageFigures> = BTreeMap::new();
    let mut by_source: BTreeMap<String, LandingPageFigures> = BTreeMap::new();
    let text = |v: &serde_json::Value, f: &str| v.get(f).and_then(|x| x.as_str()).unwrap_or_default().to_string();
    let num = |v: &serde_json::Value, f: &str| v.get(f).and_then(serde_json::Value::as_u64).unwrap_or(0);
    for v in &views {
        for (map, key) in [(&mut by_day, text(v, "day")), (&mut by_source, text(v, "source"))] {
            let f = map.entry(key.clone()).or_insert_with(|| LandingPageFigures { key, ..Default::default() });
            f.views += num(v, "views");
            f.visitors += num(v, "visitors");
        }
    }
    for s in &submissions {
        for (map, key) in [(&mut by_day, text(s, "day")), (&mut by_source, text(s, "source"))] {
            map.entry(key.clone()).or_insert_with(|| LandingPageFigures { key, ..Default::default() }).submissions +=
                num(s, "n");
        }
    }
    let total = |f: fn(&LandingPageFigures) -> u64| by_day.values().map(f).sum::<u64>();
    let (views, unique_visitors, submissions) = (total(|f| f.views), total(|f| f.visitors), total(|f| f.submissions));
    let conversion_rate = if unique_visitors == 0 {
        0.0
    } else {
        (submissions as f64 / unique_visitors as f64 * 10_000.0).round() / 10_000.0
    };
    Ok(Json(LandingPageAnalytics {
        from,
        to,
        views,
        unique_visitors,
        submissions,
        conversion_rate,
        by_day: by_day.into_values().collect(),
        by_source: by_source.into_values().collect(),
    }))
}

/// UTM parameters of a visit's query string (each at most 200 characters).
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitParams {
    /// `utm_source`.
    #[param(nullable = false, max_length = 200)]
    pub utm_source: Option<String>,
    /// `utm_medium`.
    #[param(nullable = false, max_length = 200)]
    pub utm_medium: Option<String>,
    /// `utm_campaign`.
    #[param(nullable = false, max_length = 200)]
    pub utm_campaign: Option<String>,
    /// `utm_term`.
    #[param(nullable = false, max_length = 200)]
    pub utm_term: Option<String>,
    /// `utm_content`.
    #[param(nullable = false, max_length = 200)]
    pub utm_content: Option<String>,
}

impl VisitParams {
    /// The UTM parameters of a query string, read leniently (the first of a repeated one).
    fn from_query(query: Option<&str>) -> Self {
        let get = |name: &str| super::rsvp::query_value(query, name);
        VisitParams {
            utm_source: get("utm_source"),
            utm_medium: get("utm_medium"),
            utm_campaign: get("utm_campaign"),
            utm_term: get("utm_term"),
            utm_content: get("utm_content"),
        }
    }

    fn utm(&self) -> Utm {
        let clean = |v: &Option<String>| {
            v.as_ref()
                .map(|v| v.trim().chars().filter(|c| !c.is_control()).take(200).collect::<String>())
                .filter(|v| !v.is_empty())
        };
        Utm {
            source: clean(&self.utm_source),
            medium: clean(&self.utm_medium),
            campaign: clean(&self.utm_campaign),
            term: clean(&self.utm_term),
            content: clean(&self.utm_content),
        }
    }
}

/// The UTM parameters again as a query string for the form's action (`""` without any).
fn utm_query(utm: &Utm) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    let pairs = [
        ("utm_source", &utm.source),
        ("utm_medium", &utm.medium),
        ("utm_campaign", &utm.campaign),
        ("utm_term", &utm.term),
        ("utm_content", &utm.content),
    ];
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", utf8_percent_encode(v, NON_ALPHANUMERIC))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn visit(addr: SocketAddr, headers: &HeaderMap, params: &VisitParams) -> Visit {
    let header = |name: header::HeaderName| {
        headers.get(name).and_then(|v| v.to_str().ok()).map(|v| v.chars().take(500).collect::<String>())
    };
    Visit {
        ip: addr.ip().to_string(),
        user_agent: header(header::USER_AGENT).unwrap_or_default(),
        referrer: header(header::REFERER),
        utm: params.utm(),
    }
}

/// An HTML answer with the landing pages' policy.
fn html(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_SECURITY_POLICY, PAGE_POLICY), (header::CACHE_CONTROL, "no-store")], Html(body))
        .into_response()
}

fn not_found() -> Response {
    html(
        StatusCode::NOT_FOUND,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\
         <body><main><h1>This page does not exist</h1></main></body></html>"
            .into(),
    )
}

/// A published landing page (by id or slug), with its form; unknown or unpublished pages are 404.
#[utoipa::path(get, path = "/lp/{key}", tag = "landing-pages", security(()),
    params(("key" = String, Path, description = "Page slug or id"), VisitParams),
    responses(
        (status = 200, description = "The page", content_type = "text/html"),
        (status = 404, description = "No such published page", content_type = "text/html"),
    ))]
pub async fn public_page(
    State(pages): State<Arc<LandingPageService>>,
    Path(key): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    let params = VisitParams::from_query(query.as_deref());
    let Some(page) = pages.published(&key).await? else { return Ok(not_found()) };
    let visit = visit(addr, &headers, &params);
    let body = pages.render(&page, &utm_query(&visit.utm), &BTreeMap::new(), &[]);
    let (counter, counted) = (pages.clone(), page.clone());
    tokio::spawn(async move { counter.record_view(&counted, &visit).await });
    Ok(html(StatusCode::OK, body))
}

/// A page's form (form-urlencoded or JSON): the contact upserted by email, consent recorded,
/// the submission on the contact's timeline, the event registration made; the thank-you page
/// (or a 303 to the page's redirect). Bad input shows the form again with the reasons (400 or
/// 422); too many forms from one address is 429.
#[utoipa::path(post, path = "/lp/{id}/submit", tag = "landing-pages", security(()),
    params(("id" = String, Path, description = "Page id"), VisitParams),
    request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "The form's fields"),
    responses(
        (status = 200, description = "Thank you", content_type = "text/html"),
        (status = 303, description = "To the page's redirect"),
        (status = 400, description = "The form expired or could not be read", content_type = "text/html"),
        (status = 404, description = "No such published page", content_type = "text/html"),
        (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields: the form again with the reasons", content_type = "text/html"),
        (status = 429, description = "Too many forms from this address", content_type = "text/html"),
    ))]
pub async fn submit_form(
    State(pages): State<Arc<LandingPageService>>,
    Path(id): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> AppResult<Response> {
    let params = VisitParams::from_query(query.as_deref());
    let Some(page) = pages.published(&id).await? else { return Ok(not_found()) };
    if body.len() > FORM_LIMIT {
        return Err(AppError::PayloadTooLarge);
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    let form: Option<BTreeMap<String, String>> = if json {
        serde_json::from_slice::<BTreeMap<String, serde_json::Value>>(&body).ok().map(|m| {
            m.into_iter()
                .filter_map(|(k, v)| match v {
                    serde_json::Value::String(s) => Some((k, s)),
                    serde_json::Value::Bool(true) => Some((k, "yes".into())),
                    serde_json::Value::Number(n) => Some((k, n.to_string())),
                    _ => None,
                })
                .collect()
        })
    } else {
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body).ok().map(|pairs| pairs.into_iter().collect())
    };
    let Some(form) = form else {
        let again =
            pages.render(&page, "", &BTreeMap::new(), &["The form could not be read; please try again.".into()]);
        return Ok(html(StatusCode::BAD_REQUEST, again));
    };
    let visit = visit(addr, &headers, &params);
    Ok(match pages.submit(&page, form, &visit).await? {
        Submitted::Done { redirect: Some(to), .. } => (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response(),
        Submitted::Done { html: body, .. } | Submitted::Ignored { html: body } => html(StatusCode::OK, body),
        Submitted::Refused { status, html: body } => {
            html(StatusCode::from_u16(status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY), body)
        }
    })
}

/// The double opt-in link a visitor was emailed after submitting a page's form with consent:
/// records the consent (the wording they saw, the time and address of this confirmation) and
/// shows that it is done; following it again records nothing more. An altered or unknown link
/// is an HTML 404.
#[utoipa::path(get, path = "/confirm/{token}", tag = "landing-pages", security(()),
    params(("token" = String, Path, description = "The signed token of the emailed link")),
    responses(
        (status = 200, description = "Consent confirmed (now or before)", content_type = "text/html"),
        (status = 404, description = "The link is not valid", content_type = "text/html"),
    ))]
pub async fn confirm_consent(
    State(pages): State<Arc<LandingPageService>>,
    Path(token): Path<String>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
) -> AppResult<Response> {
    Ok(match pages.confirm(&token, &addr.ip().to_string()).await? {
        Confirmation::Done { html: body, .. } => html(StatusCode::OK, body),
        Confirmation::Unknown { html: body } => html(StatusCode::NOT_FOUND, body),
    })
}
