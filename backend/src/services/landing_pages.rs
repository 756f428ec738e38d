//! Landing page use cases: pages written by the landing page tool, edited, published; served as
//! HTML from a template that escapes everything; their forms turned into contacts with recorded
//! consent, a timeline entry, the campaign's attribution and the event's registration.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use tracing::instrument;

use super::records::Store;
use super::Precondition;
use crate::domain::contacts::{ContactInput, NewContact};
use crate::domain::events::EventMail;
use crate::domain::events::Response;
use crate::domain::history::Origin;
use crate::domain::ids::{format_ts, now};
use crate::domain::landing_pages::{
    form_rendered_at, form_token, verify_confirm_token, Page, PagePatch, PageStatus, Submission, Utm,
};
use crate::domain::pagination::{Page as ListPage, PageRequest};
use crate::error::{AppError, AppResult};
use crate::llm_tools::tools::{EventInfo, Output};
use crate::llm_tools::ToolName;
use crate::repositories::events::mail_statement;
use crate::repositories::landing_pages::LandingPageRepository;

/// The page's HTML: every value is escaped by the engine (`.html` templates auto-escape).
const TEMPLATE: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ page.title }}</title>
<style>
body{font-family:system-ui,-apple-system,sans-serif;margin:0;color:#1a1a1a;line-height:1.55;background:#fafafa}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
section{margin:1.75rem 0}h1{font-size:1.9rem;line-height:1.2}h2{font-size:1.3rem}
.hero{background:#1d4ed8;color:#fff;margin:0 -1rem;padding:2rem 1rem;border-radius:0 0 10px 10px}
form{background:#fff;border:1px solid #ddd;border-radius:10px;padding:1rem}
label{display:block;font-weight:600;margin-top:.8rem}
input[type=text],input[type=email],input[type=tel]{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;border:1px solid #888;border-radius:6px}
.consent{font-weight:400;display:flex;gap:.5rem;align-items:flex-start}
button{margin-top:1rem;font-size:1.05rem;padding:.75rem 1.4rem;background:#1d4ed8;color:#fff;border:0;border-radius:6px}
.error{color:#a40000;font-weight:600}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
</style></head><body><main>
{% for s in page.sections %}
<section class="{{ s.kind }}">
{% if loop.first %}<h1>{{ s.heading }}</h1>{% else %}<h2>{{ s.heading }}</h2>{% endif %}
{% if s.body %}<p>{{ s.body }}</p>{% endif %}
{% if s.items %}<ul>{% for item in s.items %}<li>{{ item }}</li>{% endfor %}</ul>{% endif %}
{% if s.kind == "form" %}{% set show_form = true %}{% endif %}
</section>
{% else %}<h1>{{ page.title }}</h1>
{% endfor %}
<section id="sign-up" aria-labelledby="form-title">
<h2 id="form-title">{{ cta }}</h2>
{% if errors %}<div role="alert"><p class="error">Please check the form:</p><ul>{% for e in errors %}<li class="error">{{ e }}</li>{% endfor %}</ul></div>{% endif %}
<form method="post" action="/lp/{{ page.id }}/submit{{ query }}">
{% for f in fields %}
<label for="f-{{ f.name }}">{{ f.label }}{% if f.name == "email" %} (required){% endif %}</label>
<input id="f-{{ f.name }}" name="{{ f.name }}" type="{{ f.type }}" value="{{ f.value }}" autocomplete="{{ f.autocomplete }}"{% if f.name == "email" %} required{% endif %}>
{% endfor %}
<label class="consent"><input type="checkbox" name="consent" value="yes"{% if consent_checked %} checked{% endif %}> <span>{{ page.consent_text }}</span></label>
<div class="trap" aria-hidden="true"><label for="f-website">Leave this empty</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="_t" value="{{ token }}">
<button type="submit">{{ cta }}</button>
</form>
</section>
</main></body></html>"#;

/// The thank-you page.
const THANKS: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Thank you</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.55}</style>
</head><body><main><h1>Thank you{% if name %}, {{ name }}{% endif %}!</h1>
<p>We have your details{% if event %} and your place at {{ event }}{% endif %}.</p>
{% if confirm %}<p>One more step: we have emailed you a link. Please follow it to confirm your consent; until then we record none.</p>{% endif %}
<p><a href="/lp/{{ slug }}">Back to the page</a></p></main></body></html>"#;

/// The page a consent confirmation link shows.
const CONFIRMED: &str = r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% if found %}Consent confirmed{% else %}Link not valid{% endif %}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.55}</style>
</head><body><main>{% if found %}<h1>Thank you: your consent is confirmed</h1>
<p>{% if already %}You had already confirmed it{% else %}We have recorded it{% endif %}{% if at %} ({{ at }}){% endif %}:</p>
<blockquote>{{ text }}</blockquote>
{% if slug %}<p><a href="/lp/{{ slug }}">Back to the page</a></p>{% endif %}
{% else %}<h1>This link is not valid</h1><p>It may have been altered, or what it confirms no longer exists.</p>{% endif %}
</main></body></html>"#;

/// What following a consent confirmation link did.
#[derive(Debug, Clone)]
pub enum Confirmation {
    /// Consent recorded now (`already`: it had been before); the page to show.
    Done { html: String, already: bool },
    /// The token is forged, or the submission is gone or asked for no confirmation: a 404 page.
    Unknown { html: String },
}

/// The Content-Security-Policy of landing pages: nothing loads, no script runs, forms post here.
pub const PAGE_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// How a visitor arrived.
#[derive(Debug, Clone, Default)]
pub struct Visit {
    /// Their address (consent records, rate limits, the day's visitor hash).
    pub ip: String,
    /// `User-Agent` (for the visitor hash only).
    pub user_agent: String,
    /// `Referer`.
    pub referrer: Option<String>,
    /// UTM parameters.
    pub utm: Utm,
}

/// What a submission did.
#[derive(Debug, Clone)]
pub enum Submitted {
    /// Stored: the thank-you page (or the redirect).
    Done { html: String, redirect: Option<String> },
    /// The honeypot was filled: answered like a success, nothing stored.
    Ignored { html: String },
    /// Refused: the form again with the reasons (status 400 or 422).
    Refused { status: u16, html: String },
}

/// Landing page use cases.
#[derive(Clone)]
pub struct LandingPageService {
    store: Store<Page>,
    submissions: Store<Submission>,
    pages: LandingPageRepository,
    llm: super::llm::LlmService,
    contacts: super::contacts::ContactService,
    consents: super::consents::ConsentService,
    events: super::events::EventService,
    key: std::sync::Arc<Vec<u8>>,
    min_fill_ms: i64,
    limiter: super::limits::RateLimiter,
}

/// The parts the service works with.
pub struct LandingPageParts {
    /// Pages.
    pub store: Store<Page>,
    /// Submissions.
    pub submissions: Store<Submission>,
    /// Queries.
    pub pages: LandingPageRepository,
    /// The landing page tool.
    pub llm: super::llm::LlmService,
    /// Contacts.
    pub contacts: super::contacts::ContactService,
    /// Consent ledgers.
    pub consents: super::consents::ConsentService,
    /// Event registrations.
    pub events: super::events::EventService,
}

fn env() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    // `.html` names turn auto-escaping on.
    env.add_template("page.html", TEMPLATE).expect("the page template parses");
    env.add_template("thanks.html", THANKS).expect("the thank-you template parses");
    env.add_template("confirmed.html", CONFIRMED).expect("the confirmation template parses");
    env
}

fn field_view(name: &str, value: &str) -> Value {
    let (label, kind, autocomplete) = match name {
        "email" => ("Email", "email", "email"),
        "first_name" => ("First name", "text", "given-name"),
        "last_name" => ("Last name", "text", "family-name"),
        "company" => ("Company", "text", "organization"),
        "phone" => ("Phone", "tel", "tel"),
        _ => ("Job title", "text", "organization-title"),
    };
    json!({"name": name, "label": label, "type": kind, "autocomplete": autocomplete, "value": value})
}

impl LandingPageService {
    /// A service over its parts; `key` signs the forms' timing field, which must be at least
    /// `min_fill_secs` old when submitted; each address may submit `per_minute` forms a minute.
    pub fn new(parts: LandingPageParts, key: Vec<u8>, min_fill_secs: u64, per_minute: f64) -> Self {
        let LandingPageParts { store, submissions, pages, llm, contacts, consents, events } = parts;
        Self {
            store,
            submissions,
            pages,
            llm,
            contacts,
            consents,
            events,
            key: std::sync::Arc::new(key),
            min_fill_ms: (min_fill_secs * 1000) as i64,
            limiter: super::limits::RateLimiter::new(per_minute / 60.0, per_minute.max(1.0)),
        }
    }

    /// Writes a page with the landing page tool (the offline writer by default) from a brief,
    /// the campaign's name and the event's details, and stores it as a draft.
    #[instrument(skip_all)]
    pub async fn generate(&self, mut patch: PagePatch, brief: String, origin: &Origin) -> AppResult<Page> {
        let campaign_name = match patch.campaign_id.clone().flatten() {
            Some(id) => Some(self.campaign_name(&id).await?),
            None => None,
        };
        let event = match patch.event_id.clone().flatten() {
            Some(id) => {
                let e = self
                    .events
                    .get(&id)
                    .await
                    .map_err(|_| AppError::invalid_field("event_id", "no event with this id exists"))?;
                Some(EventInfo { name: e.name, starts_at: e.starts_at, location: e.location.or(e.online_url) })
            }
            None => None,
        };
        let body = json!({"brief": brief, "campaign_name": campaign_name, "goal": "sign-ups", "event": event});
        let job = self.llm.job(ToolName::LandingPageGenerator, body).await?;
        let run = self.llm.run(&job, &origin.actor, None).await?;
        let Output::LandingPage(draft) = run.output else {
            return Err(AppError::Internal("the landing page tool answered with something else".into()));
        };
        if patch.title.is_none() {
            patch.title = Some(draft.title.chars().take(200).collect());
        }
        patch.sections = Some(draft.sections);
        self.create(patch, origin).await
    }

    async fn campaign_name(&self, id: &str) -> AppResult<String> {
        let campaign = crate::repositories::records::get::<crate::domain::campaigns::Campaign>(self.store.db(), id)
            .await?
            .ok_or_else(|| AppError::invalid_field("campaign_id", "no campaign with this id exists"))?;
        Ok(campaign.name)
    }

    /// Stores a draft; a slug made from the title gets `-2`, `-3`... when taken, a slug given is
    /// 409 `slug_taken`.
    #[instrument(skip_all)]
    pub async fn create(&self, patch: PagePatch, origin: &Origin) -> AppResult<Page> {
        let chosen = patch.slug.is_some();
        for n in 1..=50 {
            let result = self
                .store
                .create(origin, |id, ts| {
                    let mut page = Page::create(id, patch.clone(), ts)?;
                    if !chosen && n > 1 {
                        page.slug = format!("{}-{n}", page.slug);
                    }
                    Ok(page)
                })
                .await;
            match result {
                Err(AppError::Conflict { code: "duplicate", .. }) if !chosen => continue,
                Err(AppError::Conflict { code: "duplicate", .. }) => return Err(slug_taken()),
                other => return other,
            }
        }
        Err(slug_taken())
    }

    /// The page now.
    pub async fn get(&self, id: &str) -> AppResult<Page> {
        self.store.get(id).await
    }

    /// The page as it was at `at`.
    pub async fn get_as_of(&self, id: &str, at: DateTime<Utc>) -> AppResult<Page> {
        self.store.get_as_of(id, at).await
    }

    /// Changes a page (a slug taken by another page is 409 `slug_taken`).
    #[instrument(skip_all)]
    pub async fn update(&self, id: &str, patch: PagePatch, pre: Precondition, origin: &Origin) -> AppResult<Page> {
        let result = self.store.update(id, pre, origin, |p, ts| Ok((p.apply(patch.clone(), ts), None))).await;
        match result {
            Err(AppError::Conflict { code: "duplicate", .. }) => Err(slug_taken()),
            other => other,
        }
    }

    /// Publishes or unpublishes a page (doing it twice changes nothing).
    #[instrument(skip_all)]
    pub async fn set_status(&self, id: &str, status: PageStatus, origin: &Origin) -> AppResult<Page> {
        let kind = if status == PageStatus::Published { "published" } else { "unpublished" };
        self.store
            .update(id, Precondition::None, origin, |p, ts| {
                if p.status == status {
                    return Ok((p.clone(), None));
                }
                Ok((p.with_status(status, ts), Some(kind)))
            })
            .await
    }

    /// Deletes a page.
    pub async fn delete(&self, id: &str, pre: Precondition, origin: &Origin) -> AppResult<()> {
        self.store.delete(id, pre, origin).await
    }

    /// A page of pages, newest first.
    pub async fn list(&self, status: Option<PageStatus>, page: &PageRequest) -> AppResult<ListPage<Page>> {
        let (rows, next) = self.pages.list(status, page.after.clone(), page.limit).await?;
        Ok(page.page(rows, next, None))
    }

    /// A published page by id or slug (`None`: unknown or not published).
    pub async fn published(&self, key: &str) -> AppResult<Option<Page>> {
        let page = match crate::domain::ids::parse_id(key) {
            Some(id) => self.store.find(&id).await?,
            None => self.pages.by_slug(&key.to_ascii_lowercase()).await?,
        };
        Ok(page.filter(|p| p.status == PageStatus::Published))
    }

    /// The page's HTML with its form (values and reasons when a submission is shown again).
    pub fn render(&self, page: &Page, query: &str, values: &BTreeMap<String, String>, errors: &[String]) -> String {
        let fields: Vec<Value> =
            page.fields.iter().map(|f| field_view(f, values.get(f).map(String::as_str).unwrap_or(""))).collect();
        let cta = page
            .sections
            .iter()
            .find_map(|s| s.cta_label.clone().filter(|_| s.kind == crate::llm_tools::tools::SectionKind::Form))
            .or_else(|| page.sections.iter().find_map(|s| s.cta_label.clone()))
            .unwrap_or_else(|| "Sign me up".into());
        let token = form_token(&self.key, &page.id, now().timestamp_millis());
        let ctx = minijinja::context! {
            page => page, fields => fields, cta => cta, token => token, errors => errors,
            consent_checked => values.contains_key("consent"), query => query,
        };
        env().get_template("page.html").and_then(|t| t.render(ctx)).unwrap_or_else(|e| {
            tracing::error!(error = %e, "rendering a landing page failed");
            String::from("<!doctype html><title>Unavailable</title><p>This page is unavailable.</p>")
        })
    }

    /// Counts a view (per day, UTM source and distinct visitor); a failure is logged, never shown.
    pub async fn record_view(&self, page: &Page, visit: &Visit) {
        use sha2::Digest;
        let day = format_ts(now()).get(..10).unwrap_or_default().to_string();
        let mut hash = sha2::Sha256::new();
        hash.update(self.key.as_slice());
        hash.update(format!("{}|{}|{}|{day}", page.id, visit.ip, visit.user_agent).as_bytes());
        let visitor = hex(&hash.finalize()[..12]);
        let source = visit.utm.source.clone().unwrap_or_default();
        if let Err(e) = self.pages.record_view(&page.id, &day, &source, &visitor).await {
            tracing::warn!(error = %e, "counting a landing page view failed");
        }
    }

    /// A form submitted to a published page: checked (honeypot, time to fill, rate, fields),
    /// then the contact upserted by email, consent recorded with the wording shown, the
    /// submission stored (on the contact's timeline, with UTM and referrer, attributed to the
    /// page's campaign), the event registration made.
    #[instrument(skip_all)]
    pub async fn submit(&self, page: &Page, form: BTreeMap<String, String>, visit: &Visit) -> AppResult<Submitted> {
        let query = String::new();
        let again = |status: u16, errors: Vec<String>| Submitted::Refused {
            status,
            html: self.render(page, &query, &form, &errors),
        };
        if form.get("website").is_some_and(|v| !v.trim().is_empty()) {
            return Ok(Submitted::Ignored { html: self.thanks(page, None, None, page.double_opt_in) });
        }
        let Some(rendered) = form.get("_t").and_then(|t| form_rendered_at(&self.key, &page.id, t)) else {
            return Ok(again(400, vec!["The form has expired; please fill it in again.".into()]));
        };
        if now().timestamp_millis() - rendered < self.min_fill_ms {
            return Ok(again(422, vec!["That was very fast; please check the form and send it again.".into()]));
        }
        if self.limiter.check(&format!("lp:{}", visit.ip)).is_err() {
            return Ok(again(429, vec!["Too many forms from your address; please try again in a minute.".into()]));
        }
        let text = |f: &str| {
            form.get(f).map(|v| v.trim().to_string()).filter(|v| !v.is_empty() && page.fields.iter().any(|p| p == f))
        };
        let input = ContactInput {
            email: form.get("email").map(|v| v.trim().to_string()),
            first_name: text("first_name"),
            last_name: text("last_name"),
            phone: text("phone"),
            title: text("title"),
            source: Some(format!("landing_page:{}", page.slug)),
            ..Default::default()
        };
        let new = match NewContact::parse(input) {
            Ok(n) => n,
            Err(crate::domain::fields::DomainError::Invalid(issues)) => {
                let errors = issues.into_iter().map(|i| format!("{}: {}", label(&i.field), i.message)).collect();
                return Ok(again(422, errors));
            }
            Err(e) => return Err(e.into()),
        };
        let company = text("company");
        if company.as_ref().is_some_and(|c| c.chars().count() > 200) {
            return Ok(again(422, vec!["Company: must be at most 200 characters".into()]));
        }
        let origin = Origin {
            triggers: Vec::new(),
            actor: "visitor".into(),
            source: "landing_page".into(),
            trace_id: page.id.clone(),
        };
        let contact = match self.contacts.find_by_email(&new.email).await? {
            Some(c) => c,
            None => match self.contacts.create(new.clone(), &origin).await {
                Ok(c) => c,
                Err(AppError::Conflict { .. }) => self
                    .contacts
                    .find_by_email(&new.email)
                    .await?
                    .ok_or_else(|| AppError::Internal("a submitted contact vanished".into()))?,
                Err(e) => return Err(e),
            },
        };
        let consented = form.get("consent").is_some_and(|v| !v.trim().is_empty());
        let confirm_by_email = consented && page.double_opt_in;
        if consented && !confirm_by_email {
            self.record_consent(&contact.id, &page.consent_text, &page.slug, &visit.ip, &origin).await?;
        }
        let submission = self
            .submissions
            .create_with(&origin, |id, ts| {
                let mail = confirm_by_email.then(|| mail_statement(&EventMail::confirm_consent(&id, ts)));
                let submission = Submission {
                    id,
                    page_id: page.id.clone(),
                    page_title: page.title.clone(),
                    contact_id: contact.id.clone(),
                    campaign_id: page.campaign_id.clone(),
                    event_id: page.event_id.clone(),
                    company: company.clone(),
                    utm: visit.utm.clone(),
                    referrer: visit.referrer.clone(),
                    consented,
                    consent_text: consented.then(|| page.consent_text.clone()),
                    confirm_by_email,
                    confirmed_at: None,
                    version: 1,
                    created_at: ts.to_string(),
                    updated_at: ts.to_string(),
                };
                Ok((submission, mail.into_iter().collect()))
            })
            .await?;
        let mut event_name = None;
        if let Some(event_id) = &page.event_id {
            match self.events.rsvp(event_id, &contact.id, Response::Yes, &origin).await {
                Ok(_) => event_name = self.events.get(event_id).await.ok().map(|e| e.name),
                Err(AppError::NotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        tracing::info!(page_id = %page.id, submission_id = %submission.id, "landing page form submitted");
        Ok(Submitted::Done {
            html: self.thanks(page, contact.first_name.as_deref(), event_name.as_deref(), confirm_by_email),
            redirect: page.redirect_url.clone(),
        })
    }

    /// Records a granted email consent with the wording shown on page `slug`.
    async fn record_consent(
        &self,
        contact_id: &str,
        text: &str,
        slug: &str,
        ip: &str,
        origin: &Origin,
    ) -> AppResult<()> {
        let consent = crate::domain::consents::ConsentInput {
            channel: Some("email".into()),
            purpose: Some("marketing".into()),
            status: Some("granted".into()),
            text: Some(text.to_string()),
            source: Some(format!("landing_page:{slug}")),
            ip: Some(ip.to_string()).filter(|ip| !ip.is_empty()),
            at: None,
        };
        self.consents.record(contact_id, consent, origin).await?;
        Ok(())
    }

    /// A visitor followed the double opt-in link of their submission: the consent they ticked is
    /// recorded (the wording they saw, the time and address of the confirmation) and the
    /// submission marked confirmed. Following it again records nothing more.
    #[instrument(skip_all)]
    pub async fn confirm(&self, token: &str, ip: &str) -> AppResult<Confirmation> {
        let unknown = || Confirmation::Unknown { html: self.confirmed_page(None, None, false) };
        let Some(id) = verify_confirm_token(&self.key, token) else { return Ok(unknown()) };
        let Some(submission) = self.submissions.find(&id).await? else { return Ok(unknown()) };
        if !submission.consented || !submission.confirm_by_email {
            return Ok(unknown());
        }
        let page = self.store.find(&submission.page_id).await?;
        let slug = page.as_ref().map_or(submission.page_id.as_str(), |p| p.slug.as_str()).to_string();
        if let Some(at) = &submission.confirmed_at {
            return Ok(Confirmation::Done {
                html: self.confirmed_page(Some(&submission), Some(at), true),
                already: true,
            });
        }
        let origin = Origin {
            triggers: Vec::new(),
            actor: "visitor".into(),
            source: "landing_page".into(),
            trace_id: submission.page_id.clone(),
        };
        let text = submission.consent_text.clone().unwrap_or_default();
        // The consent first: a failure after it leaves the link working, and a second entry in
        // the ledger saying the same is harmless, where a lost one is not.
        self.record_consent(&submission.contact_id, &text, &slug, ip, &origin).await?;
        let confirmed = self
            .submissions
            .change(&id, Precondition::None, &origin, |s, ts| {
                Ok(s.confirmed_at.is_none().then(|| (s.confirmed(ts), Some("consent_confirmed"))))
            })
            .await?
            .unwrap_or(submission);
        tracing::info!(submission_id = %id, "landing page consent confirmed");
        let at = confirmed.confirmed_at.clone();
        Ok(Confirmation::Done { html: self.confirmed_page(Some(&confirmed), at.as_deref(), false), already: false })
    }

    fn confirmed_page(&self, submission: Option<&Submission>, at: Option<&str>, already: bool) -> String {
        let ctx = minijinja::context! {
            found => submission.is_some(), already => already, at => at,
            text => submission.and_then(|s| s.consent_text.clone()),
            slug => submission.map(|s| s.page_id.clone()),
        };
        env().get_template("confirmed.html").and_then(|t| t.render(ctx)).unwrap_or_default()
    }

    fn thanks(&self, page: &Page, name: Option<&str>, event: Option<&str>, confirm: bool) -> String {
        let ctx = minijinja::context! { name => name, event => event, slug => page.slug, confirm => confirm };
        env().get_template("thanks.html").and_then(|t| t.render(ctx)).unwrap_or_default()
    }

    /// Forms submitted on the campaign's landing pages.
    pub async fn campaign_submissions(&self, campaign_id: &str) -> AppResult<u64> {
        Ok(self.pages.campaign_submissions(campaign_id).await?)
    }

    /// Views, distinct visitors and submissions of a page per day and UTM source in `[from, to]`.
    pub async fn analytics(&self, id: &str, from: &str, to: &str) -> AppResult<(Vec<Value>, Vec<Value>)> {
        self.store.get(id).await?;
        Ok((self.pages.views(id, from, to).await?, self.pages.submissions(id, from, to).await?))
    }
}

fn slug_taken() -> AppError {
    AppError::conflict("slug_taken", "another landing page has this slug; choose another")
}

fn label(field: &str) -> &str {
    match field {
        "email" => "Email",
        "first_name" => "First name",
        "last_name" => "Last name",
        "phone" => "Phone",
        "title" => "Job title",
        other => other,
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
