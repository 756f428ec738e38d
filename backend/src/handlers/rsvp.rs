//! `/rsvp/{token}`: a guest's personal RSVP page, reached from the invitation email. With
//! `?response=yes|no|maybe` it records that answer first (the same rules as the API: a yes
//! beyond the seats joins the waitlist). It shows where the guest stands and, with a seat, the
//! check-in code as a QR code. Everything shown is escaped; the page loads nothing else.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse};
use serde::Deserialize;
use std::sync::Arc;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::events::{qr_svg, InvitationStatus, Response};
use crate::domain::history::Origin;
use crate::error::{AppResult, Problem};
use crate::llm_tools::html::escape;
use crate::services::event_mail::when;
use crate::services::events::EventService;
use crate::state::AppState;

/// Routes of this module.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(rsvp_page))
}

/// The answer a link carries.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RsvpLinkParams {
    /// `yes`, `no` or `maybe`: recorded before the page is shown.
    #[param(nullable = false, pattern = "^(yes|no|maybe)$")]
    pub response: Option<String>,
}

/// A guest's RSVP page; `?response=` records the answer first.
#[utoipa::path(get, path = "/rsvp/{token}", tag = "rsvp", security(()),
    params(("token" = String, Path, description = "The guest's signed RSVP token"), RsvpLinkParams),
    responses(
        (status = 200, description = "The guest's page", content_type = "text/html"),
        (status = 404, description = "Not a link of ours", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An answer other than yes, no or maybe", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn rsvp_page(
    State(events): State<Arc<EventService>>,
    Path(token): Path<String>,
    RawQuery(query): RawQuery,
) -> AppResult<impl IntoResponse> {
    let params = RsvpLinkParams { response: query_value(query.as_deref(), "response") };
    let (mut invitation, event) = events.by_token(&token).await?;
    let mut note = "";
    if let Some(raw) = params.response.as_deref().filter(|r| !r.trim().is_empty()) {
        let response = Response::parse(raw)
            .ok_or_else(|| crate::error::AppError::invalid_field("response", "must be yes, no or maybe"))?;
        let origin = Origin {
            triggers: Vec::new(),
            actor: format!("contact:{}", invitation.contact_id),
            source: "rsvp_link".into(),
            trace_id: "-".into(),
        };
        invitation = events.rsvp(&event.id, &invitation.contact_id, response, &origin).await?.0;
        note = "<p class=\"saved\" role=\"status\">Thank you, your answer is saved.</p>";
    }
    let standing = match invitation.status {
        InvitationStatus::Confirmed => "You are coming: a seat is yours.".to_string(),
        InvitationStatus::Waitlisted => {
            "Every seat is taken: you are on the waitlist. We will write as soon as one frees up.".to_string()
        }
        InvitationStatus::Declined => "You are not coming.".to_string(),
        InvitationStatus::Maybe => "You might come.".to_string(),
        InvitationStatus::Invited => "You have not answered yet.".to_string(),
    };
    let link = |r: &str, label: &str| {
        format!("<a class=\"answer\" href=\"/rsvp/{}?response={r}\">{label}</a>", escape(&token))
    };
    let code = if invitation.status == InvitationStatus::Confirmed {
        format!(
            "<h2>At the door</h2><p>Show this code: <strong class=\"code\">{}</strong></p><div class=\"qr\" role=\"img\" aria-label=\"QR code of the check-in code\">{}</div>",
            escape(&invitation.checkin_code),
            qr_svg(&invitation.checkin_code)
        )
    } else {
        String::new()
    };
    let place = event.location.as_deref().or(event.online_url.as_deref()).unwrap_or("");
    let page = Html(format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{name}</title>\
         <style>body{{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}}\
         .answer{{display:inline-block;margin:.25rem .5rem .25rem 0;padding:.6rem 1.2rem;border:1px solid #1d4ed8;border-radius:6px;color:#1d4ed8;text-decoration:none}}\
         .saved{{background:#e7f6ec;padding:.5rem .75rem;border-radius:6px}}.code{{font-size:1.4rem;letter-spacing:.12em}}\
         .qr svg{{width:180px;height:180px}}</style></head><body><main>\
         <h1>{name}</h1><p>{when}<br>{place}</p>{note}<p><strong>{standing}</strong></p>\
         <p>Change your answer:</p><p>{yes}{no}{maybe}</p>{code}</main></body></html>",
        name = escape(&event.name),
        when = escape(&when(&event)),
        place = escape(place),
        yes = link("yes", "Yes, I'm coming"),
        no = link("no", "No"),
        maybe = link("maybe", "Maybe"),
    ));
    // The page loads nothing: no scripts, no files, its own inline style only.
    Ok(([(header::CONTENT_SECURITY_POLICY, PAGE_POLICY), (header::CACHE_CONTROL, "no-store")], page))
}

/// The RSVP page's Content-Security-Policy.
const PAGE_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The first value of `name` in a query string, read leniently: a link pasted twice or edited by
/// hand still opens its page.
pub fn query_value(query: Option<&str>, name: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
    pairs.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}
