//! The benchmarked operations: each as an HTTP request, and as the same service call made
//! in-process on the embedded database (no HTTP, no JSON, no credential check).

use crm::domain::contacts::{ContactPatch, NewContact};
use crm::domain::deals::DealPatch;
use crm::domain::history::Origin;
use crm::domain::timeline::NewEntry;
use crm::models::cases::OpenCasesParams;
use crm::models::contacts::{CreateContactRequest, ListContactsParams, UpdateContactRequest};
use crm::models::deals::{CreateDealRequest, ListDealsParams, UpdateDealRequest};
use crm::models::segments::SegmentPageParams;
use crm::models::tasks::ListTasksParams;
use crm::models::timeline::TimelineParams;
use crm::services::Precondition;
use crm::state::AppState;
use serde_json::json;

use crate::http::{Reply, Request};

/// Tags the seed command hands out.
const TAGS: [&str; 4] = ["vip", "newsletter", "partner", "prospect"];
/// Statuses to filter by.
const STATUSES: [&str; 3] = ["lead", "customer", "mql"];

/// A contact the bench can read.
#[derive(Debug, Clone)]
pub struct SampleContact {
    /// Id.
    pub id: String,
    /// Email.
    pub email: String,
    /// Given name (for the two-word name search).
    pub first_name: String,
    /// Family name (for name search).
    pub last_name: String,
    /// Company (for the company + status filter).
    pub company_id: Option<String>,
}

/// What the operations need: credentials and sample data gathered before the load.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// Sign-in token of the admin.
    pub token: String,
    /// Admin API key (used by every operation but the token one).
    pub key: String,
    /// Contacts spread over the whole table.
    pub sample: Vec<SampleContact>,
    /// Cursors deep in the default order (past half of the table).
    pub deep_cursors: Vec<String>,
    /// One contact per worker for PATCH (so If-Match never races).
    pub patch_ids: Vec<String>,
    /// Unique per run, so created emails never collide.
    pub run: String,
    /// One deal per worker for the stage moves (so If-Match never races).
    pub deal_ids: Vec<String>,
    /// The signed-in admin's user id (the assignee of "my open tasks").
    pub admin_id: String,
    /// A saved segment with a 3-condition filter ([`segment_filter`]).
    pub segment_id: String,
    /// An upcoming event with invited guests (the event operations read it).
    pub event_id: String,
    /// The slug of a published landing page.
    pub page_slug: String,
    /// Contacts in the database when the bench started.
    pub contacts: usize,
    /// The custom fields the rules step writes (a select and a currency), when it runs.
    pub custom: Option<(String, String)>,
    /// The indexed custom field the query step filters on, when it runs.
    pub region: Option<String>,
    /// The custom object the objects step writes and lists, with a company its records name.
    pub object: Option<(String, String)>,
    /// A member's sign-in token, used instead of the admin key when set (the security step).
    pub member: Option<String>,
}

/// The segment the bench saves and reads: leads tagged vip, created within the last two years.
pub fn segment_filter() -> serde_json::Value {
    json!({"and": [
        {"field": "status", "op": "eq", "value": "lead"},
        {"field": "tags", "op": "contains", "value": "vip"},
        {"field": "created_at", "op": "within_last", "value": "104w"}
    ]})
}

/// Per-worker state.
#[derive(Debug, Default)]
pub struct Worker {
    /// Worker number.
    pub index: usize,
    /// Requests made so far.
    pub i: u64,
    /// Version of this worker's PATCH contact (0 = unknown).
    pub version: i64,
    /// Which run of the operation this is (the throughput and latency passes create contacts
    /// with different emails).
    pub pass: u32,
}

impl Worker {
    /// A sample index that spreads over the table and differs between workers.
    fn pick(&self, len: usize) -> usize {
        ((self.index as u64).wrapping_mul(7919).wrapping_add(self.i.wrapping_mul(104_729)) % len.max(1) as u64) as usize
    }
}

/// The operations that read a page of `GET /api/contacts` (a pattern, shared by the HTTP request
/// and the in-process call).
macro_rules! list_ops {
    () => {
        Op::ListFirst
            | Op::ListDeep
            | Op::Filter
            | Op::FilterTag
            | Op::FilterCompanyStatus
            | Op::SearchName
            | Op::SearchFullName
            | Op::SearchEmail
    };
}

/// One benchmarked operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `POST /api/contacts`.
    Create,
    /// `GET /api/contacts/{id}`.
    Get,
    /// `GET /api/contacts?limit=50`.
    ListFirst,
    /// `GET /api/contacts?limit=50&cursor=<deep>`.
    ListDeep,
    /// `GET /api/contacts?status=..&tag=..`.
    Filter,
    /// `GET /api/contacts?tag=..`.
    FilterTag,
    /// `GET /api/contacts?company_id=..&status=..`.
    FilterCompanyStatus,
    /// `GET /api/contacts?q=<last name>`.
    SearchName,
    /// `GET /api/contacts?q=<first name> <last name>`.
    SearchFullName,
    /// `GET /api/contacts?q=<email>`.
    SearchEmail,
    /// `PATCH /api/contacts/{id}` with `If-Match`.
    Patch,
    /// `POST /api/contacts/{id}/timeline`.
    TimelineAppend,
    /// `GET /api/contacts/{id}/timeline`.
    TimelineRead,
    /// `GET /api/contacts/{id}/history`.
    History,
    /// `GET /api/auth/me` with a sign-in token.
    AuthToken,
    /// `GET /api/auth/me` with an API key.
    AuthKey,
    /// `POST /api/deals`.
    CreateDeal,
    /// `PATCH /api/deals/{id}` moving its stage, with `If-Match`.
    MoveDeal,
    /// `GET /api/deals?limit=50`.
    DealsList,
    /// `GET /api/deals/pipeline`.
    Pipeline,
    /// `GET /api/cases/open?limit=50`.
    OpenCases,
    /// `GET /api/tasks?assignee_id=me&status=open` with a sign-in token.
    MyTasks,
    /// `GET /api/segments/{id}/contacts?limit=50`.
    SegmentPage,
    /// `GET /api/segments/{id}/contacts?limit=1&count=true`.
    SegmentCount,
    /// `POST /api/segments/preview`.
    SegmentPreview,
    /// `GET /api/contacts/{id}/score`.
    Score,
    /// `GET /api/contacts?sort=-score&limit=50`.
    ScoreSorted,
    /// `GET /api/analytics/contacts` (all time).
    AnalyticsContacts,
    /// `GET /api/analytics/funnel` (all time).
    AnalyticsFunnel,
    /// `GET /api/analytics/pipeline` (all time).
    AnalyticsPipeline,
    /// `GET /api/analytics/activity` (the last 30 days).
    AnalyticsActivity,
    /// `GET /api/changes?after=<position>&limit=100`.
    ChangeFeed,
    /// `GET /api/contacts/duplicates?limit=50`.
    Duplicates,
    /// `POST /api/llm-tools/email_generator` for a contact (the offline writer, recorded run).
    LlmEmail,
    /// `GET /api/contacts/{id}/briefing` (written once per contact, then reused).
    Briefing,
    /// `POST /api/campaigns`.
    CreateCampaign,
    /// `POST /api/contacts/{id}/consents`.
    RecordConsent,
    /// `GET /api/contacts/{id}/consents` (entries and state).
    ConsentLedger,
    /// `GET /api/events?upcoming=true&limit=50` (each with its counts).
    EventsList,
    /// `GET /api/events/{id}` (with its counts).
    EventGet,
    /// `GET /api/events/{id}/invitations?limit=50` (each with its guest).
    GuestList,
    /// `GET /lp/{slug}`: a published landing page as a visitor gets it (counted as a view).
    LandingPage,
    /// `POST /api/contacts` with two custom values, through three validation rules (the
    /// custom fields step; not in [`Op::ALL`]).
    CreateRuled,
    /// `POST /api/query` for a page of contacts by an indexed custom field (the custom fields
    /// step; not in [`Op::ALL`]).
    QueryCustom,
    /// `POST /api/objects/{object}`: a record with 3 values, one a reference (the custom objects
    /// step; not in [`Op::ALL`]).
    CreateRecord,
    /// `GET /api/objects/{object}?limit=50` (the custom objects step).
    RecordsList,
    /// `GET /api/objects/{object}?filter=<indexed field eq>` (the custom objects step).
    RecordsFilter,
}

impl Op {
    /// Every operation, in report order.
    pub const ALL: [Op; 42] = [
        Op::Create,
        Op::Get,
        Op::ListFirst,
        Op::ListDeep,
        Op::Filter,
        Op::FilterTag,
        Op::FilterCompanyStatus,
        Op::SearchName,
        Op::SearchFullName,
        Op::SearchEmail,
        Op::Patch,
        Op::TimelineAppend,
        Op::TimelineRead,
        Op::History,
        Op::AuthToken,
        Op::AuthKey,
        Op::CreateDeal,
        Op::MoveDeal,
        Op::DealsList,
        Op::Pipeline,
        Op::OpenCases,
        Op::MyTasks,
        Op::SegmentPage,
        Op::SegmentCount,
        Op::SegmentPreview,
        Op::Score,
        Op::ScoreSorted,
        Op::AnalyticsContacts,
        Op::AnalyticsFunnel,
        Op::AnalyticsPipeline,
        Op::AnalyticsActivity,
        Op::ChangeFeed,
        Op::Duplicates,
        Op::LlmEmail,
        Op::Briefing,
        Op::CreateCampaign,
        Op::RecordConsent,
        Op::ConsentLedger,
        Op::EventsList,
        Op::EventGet,
        Op::GuestList,
        Op::LandingPage,
    ];

    /// Row label.
    pub fn name(self) -> &'static str {
        match self {
            Op::Create => "create contact",
            Op::Get => "get by id",
            Op::ListFirst => "list page 1 (50)",
            Op::ListDeep => "list deep page (keyset)",
            Op::Filter => "filter status + tag",
            Op::FilterTag => "filter by tag",
            Op::FilterCompanyStatus => "filter company + status",
            Op::SearchName => "search by name",
            Op::SearchFullName => "search by first and last name",
            Op::SearchEmail => "search by email",
            Op::Patch => "PATCH with If-Match",
            Op::TimelineAppend => "timeline append",
            Op::TimelineRead => "timeline read",
            Op::History => "history read",
            Op::AuthToken => "auth: sign-in token",
            Op::AuthKey => "auth: API key",
            Op::CreateDeal => "create deal",
            Op::MoveDeal => "move deal stage (If-Match)",
            Op::DealsList => "deals list page (50)",
            Op::Pipeline => "pipeline summary",
            Op::OpenCases => "open cases page (50)",
            Op::MyTasks => "my open tasks page (50)",
            Op::SegmentPage => "segment page (50)",
            Op::SegmentCount => "segment count (3 conditions)",
            Op::SegmentPreview => "segment preview (count + 10)",
            Op::Score => "engagement score",
            Op::ScoreSorted => "contacts by score page (50)",
            Op::AnalyticsContacts => "analytics: contacts (all time)",
            Op::AnalyticsFunnel => "analytics: funnel (all time)",
            Op::AnalyticsPipeline => "analytics: pipeline (all time)",
            Op::AnalyticsActivity => "analytics: activity (30 days)",
            Op::ChangeFeed => "change feed page (100)",
            Op::Duplicates => "duplicates page (50)",
            Op::LlmEmail => "LLM tool: email for a contact (offline)",
            Op::Briefing => "contact briefing (cached)",
            Op::CreateCampaign => "create campaign",
            Op::RecordConsent => "record consent",
            Op::ConsentLedger => "consent ledger (page + state)",
            Op::EventsList => "upcoming events page (50)",
            Op::EventGet => "event with counts",
            Op::GuestList => "guest list page (50)",
            Op::LandingPage => "landing page /lp/{slug}",
            Op::CreateRuled => "create contact (2 custom values, 3 rules, 2 triggers)",
            Op::QueryCustom => "query: indexed custom field (50)",
            Op::CreateRecord => "create custom object record (3 values)",
            Op::RecordsList => "custom object records page (50)",
            Op::RecordsFilter => "custom object records by indexed field (50)",
        }
    }

    /// Whether this operation changes a versioned record under `If-Match` (the worker tracks
    /// its version).
    pub fn tracks_version(self) -> bool {
        matches!(self, Op::Patch | Op::MoveDeal)
    }

    /// The record a versioned operation of worker `index` changes.
    pub fn target(self, ctx: &Ctx, index: usize) -> String {
        match self {
            Op::MoveDeal => format!("/api/deals/{}", ctx.deal_ids[index]),
            _ => format!("/api/contacts/{}", ctx.patch_ids[index]),
        }
    }

    fn deal_body(ctx: &Ctx, w: &Worker) -> serde_json::Value {
        let s = &ctx.sample[w.pick(ctx.sample.len())];
        json!({"name": format!("Bench deal {}-{}", w.index, w.i), "amount": "1250.50", "contact_ids": [s.id]})
    }

    fn email_body(ctx: &Ctx, w: &Worker) -> serde_json::Value {
        let s = &ctx.sample[w.pick(ctx.sample.len())];
        json!({
            "brief": "Invite our customers to the spring summit. We will show the new reporting.",
            "contact_id": s.id,
            "event": {"name": "Spring Summit", "starts_at": "2026-05-12T18:00:00Z", "location": "Lisbon"}
        })
    }

    fn campaign_body(w: &Worker) -> serde_json::Value {
        json!({
            "name": format!("Bench campaign {}-{}", w.index, w.i),
            "brief": "Invite our customers to the spring summit. We will show the new reporting.",
            "channels": ["email", "social"]
        })
    }

    fn consent_body(w: &Worker) -> serde_json::Value {
        let status = if w.i % 2 == 0 { "granted" } else { "withdrawn" };
        json!({"channel": "email", "purpose": "newsletter", "status": status, "text": "Yes, send me the newsletter."})
    }

    fn next_stage(w: &Worker) -> &'static str {
        ["proposal", "negotiation", "qualification"][(w.i % 3) as usize]
    }

    /// The status a successful response has.
    pub fn expected_status(self) -> u16 {
        match self {
            Op::Create
            | Op::CreateRuled
            | Op::CreateRecord
            | Op::TimelineAppend
            | Op::CreateDeal
            | Op::CreateCampaign
            | Op::RecordConsent => 201,
            _ => 200,
        }
    }

    fn create_body(ctx: &Ctx, w: &Worker, phase: &str) -> serde_json::Value {
        json!({
            "first_name": "Bench",
            "last_name": format!("Load{}", w.index),
            "email": format!("{phase}{}-{}-{}-{}@bench.example", w.pass, ctx.run, w.index, w.i),
            "status": "lead",
            "tags": [TAGS[(w.i % TAGS.len() as u64) as usize]],
        })
    }

    fn ruled_body(ctx: &Ctx, w: &Worker, phase: &str) -> serde_json::Value {
        let mut body = Self::create_body(ctx, w, phase);
        if let Some((tier, budget)) = &ctx.custom {
            let value = ["gold", "silver"][(w.i % 2) as usize];
            body["custom"] = json!({ tier: value, budget: 1250.5 });
        }
        body
    }

    fn record_body(ctx: &Ctx, w: &Worker) -> serde_json::Value {
        let company = ctx.object.as_ref().map(|(_, c)| c.clone()).unwrap_or_default();
        let tier = ["gold", "silver"][(w.i % 2) as usize];
        json!({"name": format!("Contract {}-{}-{}", ctx.run, w.index, w.i),
               "custom": {"value": 1000 + w.i, "tier": tier, "company_id": company}})
    }

    /// The object's path and the filter of [`Op::RecordsFilter`].
    fn records_query(ctx: &Ctx, w: &Worker) -> (String, String) {
        let object = ctx.object.as_ref().map(|(o, _)| o.clone()).unwrap_or_default();
        let tier = ["gold", "silver"][(w.i % 2) as usize];
        (object, json!({"field": "custom.tier", "op": "eq", "value": tier}).to_string())
    }

    fn query_body(ctx: &Ctx, w: &Worker) -> serde_json::Value {
        let region = ctx.region.clone().unwrap_or_default();
        let value = ["north", "south"][(w.i % 2) as usize];
        json!({"object": "contact", "filter": {"field": format!("custom.{region}"), "op": "eq", "value": value},
               "fields": ["email", "status", format!("custom.{region}")], "limit": 50})
    }

    fn list_params(self, ctx: &Ctx, w: &Worker) -> ListContactsParams {
        let s = &ctx.sample[w.pick(ctx.sample.len())];
        let mut p = ListContactsParams { limit: Some("50".into()), ..ListContactsParams::default() };
        match self {
            Op::ListDeep => p.cursor = Some(ctx.deep_cursors[w.pick(ctx.deep_cursors.len())].clone()),
            Op::Filter => {
                p.status = Some(STATUSES[(w.i % STATUSES.len() as u64) as usize].into());
                p.tag = Some(TAGS[(w.i / 3 % TAGS.len() as u64) as usize].into());
            }
            Op::FilterTag => p.tag = Some(TAGS[(w.i % TAGS.len() as u64) as usize].into()),
            Op::FilterCompanyStatus => {
                p.company_id = s.company_id.clone();
                p.status = Some(STATUSES[(w.i % STATUSES.len() as u64) as usize].into());
            }
            Op::SearchName => p.q = Some(s.last_name.clone()),
            Op::SearchFullName => p.q = Some(format!("{} {}", s.first_name, s.last_name)),
            Op::SearchEmail => p.q = Some(s.email.clone()),
            _ => {}
        }
        p
    }

    /// The HTTP request for the worker's next call.
    pub fn request(self, ctx: &Ctx, w: &Worker) -> Request {
        let s = &ctx.sample[w.pick(ctx.sample.len())];
        let req = match self {
            Op::Create => Request::json("POST", "/api/contacts", &Self::create_body(ctx, w, "http")),
            Op::Get => Request::get(format!("/api/contacts/{}", s.id)),
            list_ops!() => Request::get(format!("/api/contacts?{}", query_string(&self.list_params(ctx, w)))),
            Op::Patch => {
                let mut r = Request::json(
                    "PATCH",
                    format!("/api/contacts/{}", ctx.patch_ids[w.index]),
                    &json!({"title": format!("Title {}", w.i)}),
                );
                r.if_match = Some(format!("\"{}\"", w.version));
                r
            }
            Op::TimelineAppend => Request::json(
                "POST",
                format!("/api/contacts/{}/timeline", s.id),
                &json!({"kind": "note", "body": format!("Bench note {}", w.i)}),
            ),
            Op::TimelineRead => Request::get(format!("/api/contacts/{}/timeline?limit=20", s.id)),
            Op::History => Request::get(format!("/api/contacts/{}/history?limit=50", s.id)),
            Op::AuthToken => return Request::get("/api/auth/me").bearer(&ctx.token),
            Op::AuthKey => Request::get("/api/auth/me"),
            Op::CreateDeal => Request::json("POST", "/api/deals", &Self::deal_body(ctx, w)),
            Op::MoveDeal => {
                let mut r = Request::json("PATCH", self.target(ctx, w.index), &json!({"stage": Self::next_stage(w)}));
                r.if_match = Some(format!("\"{}\"", w.version));
                r
            }
            Op::DealsList => Request::get("/api/deals?limit=50"),
            Op::Pipeline => Request::get("/api/deals/pipeline"),
            Op::OpenCases => Request::get("/api/cases/open?limit=50"),
            Op::MyTasks => return Request::get("/api/tasks?assignee_id=me&status=open&limit=50").bearer(&ctx.token),
            Op::SegmentPage => Request::get(format!("/api/segments/{}/contacts?limit=50", ctx.segment_id)),
            Op::SegmentCount => Request::get(format!("/api/segments/{}/contacts?limit=1&count=true", ctx.segment_id)),
            Op::SegmentPreview => Request::json("POST", "/api/segments/preview", &json!({"filter": segment_filter()})),
            Op::Score => Request::get(format!("/api/contacts/{}/score", s.id)),
            Op::ScoreSorted => Request::get("/api/contacts?sort=-score&limit=50"),
            Op::AnalyticsContacts => Request::get("/api/analytics/contacts"),
            Op::AnalyticsFunnel => Request::get("/api/analytics/funnel"),
            Op::AnalyticsPipeline => Request::get("/api/analytics/pipeline"),
            Op::AnalyticsActivity => {
                let from = (chrono::Utc::now() - chrono::Duration::days(29)).format("%Y-%m-%d");
                Request::get(format!("/api/analytics/activity?from={from}"))
            }
            Op::ChangeFeed => Request::get(format!("/api/changes?after={}&limit=100", Self::feed_position(ctx, w))),
            Op::Duplicates => Request::get("/api/contacts/duplicates?limit=50"),
            Op::LlmEmail => Request::json("POST", "/api/llm-tools/email_generator", &Self::email_body(ctx, w)),
            Op::Briefing => Request::get(format!("/api/contacts/{}/briefing", s.id)),
            Op::CreateCampaign => Request::json("POST", "/api/campaigns", &Self::campaign_body(w)),
            Op::RecordConsent => {
                Request::json("POST", format!("/api/contacts/{}/consents", s.id), &Self::consent_body(w))
            }
            Op::ConsentLedger => Request::get(format!("/api/contacts/{}/consents?limit=20", s.id)),
            Op::EventsList => Request::get("/api/events?upcoming=true&limit=50"),
            Op::EventGet => Request::get(format!("/api/events/{}", ctx.event_id)),
            Op::GuestList => Request::get(format!("/api/events/{}/invitations?limit=50", ctx.event_id)),
            Op::LandingPage => Request::get(format!("/lp/{}?utm_source=bench", ctx.page_slug)),
            Op::CreateRuled => Request::json("POST", "/api/contacts", &Self::ruled_body(ctx, w, "ruled")),
            Op::QueryCustom => Request::json("POST", "/api/query", &Self::query_body(ctx, w)),
            Op::CreateRecord => {
                let (object, _) = Self::records_query(ctx, w);
                Request::json("POST", format!("/api/objects/{object}"), &Self::record_body(ctx, w))
            }
            Op::RecordsList => Request::get(format!("/api/objects/{}?limit=50", Self::records_query(ctx, w).0)),
            Op::RecordsFilter => {
                let (object, filter) = Self::records_query(ctx, w);
                let filter: String = filter
                    .bytes()
                    .map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") })
                    .collect();
                Request::get(format!("/api/objects/{object}?limit=50&filter={filter}"))
            }
        };
        req.bearer(ctx.member.as_deref().unwrap_or(&ctx.key))
    }

    /// Learns from a successful response (the new version after a PATCH).
    pub fn observe(self, reply: &Reply, w: &mut Worker) {
        if self.tracks_version() {
            if let Some(v) = reply.version() {
                w.version = v;
            }
        }
    }

    /// The same work done in-process, through the services, on the embedded database.
    pub async fn in_process(self, ctx: &Ctx, state: &AppState, w: &mut Worker) -> Result<(), String> {
        let origin =
            Origin { triggers: Vec::new(), actor: "api_key:bench".into(), source: "api".into(), trace_id: "-".into() };
        let s = &ctx.sample[w.pick(ctx.sample.len())];
        let err = |e: crm::error::AppError| e.to_string();
        match self {
            Op::Create => {
                let body: CreateContactRequest =
                    serde_json::from_value(Self::create_body(ctx, w, "inproc")).map_err(|e| e.to_string())?;
                let new = NewContact::try_from(body).map_err(|e| format!("{e:?}"))?;
                state.contacts.create(new, &origin).await.map_err(err)?;
            }
            Op::Get => {
                state.contacts.get(&s.id).await.map_err(err)?;
            }
            list_ops!() => {
                let (query, page) = self.list_params(ctx, w).parse().map_err(err)?;
                state.contacts.list(&query, &page).await.map_err(err)?;
            }
            Op::Patch => {
                let id = &ctx.patch_ids[w.index];
                if w.version == 0 {
                    w.version = state.contacts.get(id).await.map_err(err)?.version;
                }
                let body: UpdateContactRequest =
                    serde_json::from_value(json!({"title": format!("Title {}", w.i)})).map_err(|e| e.to_string())?;
                let patch = ContactPatch::try_from(body).map_err(|e| format!("{e:?}"))?;
                let updated =
                    state.contacts.update(id, patch, Precondition::Version(w.version), &origin).await.map_err(err)?;
                w.version = updated.version;
            }
            Op::TimelineAppend => {
                let new = NewEntry::parse(Some("note".into()), Some(format!("Bench note {}", w.i)))
                    .map_err(|e| format!("{e:?}"))?;
                state.timeline.add(&s.id, new, None, &origin).await.map_err(err)?;
            }
            Op::TimelineRead => {
                let params = TimelineParams { limit: Some("20".into()), ..TimelineParams::default() };
                let (query, page) = params.parse().map_err(err)?;
                state.timeline.for_contact(&s.id, query, &page).await.map_err(err)?;
            }
            Op::History => {
                state.history.list("contact", &s.id, 0, 50).await.map_err(err)?;
            }
            Op::AuthToken => {
                state.auth.authenticate(&ctx.token).await.map_err(err)?;
            }
            Op::AuthKey => {
                state.auth.authenticate(&ctx.key).await.map_err(err)?;
            }
            Op::CreateDeal => {
                let body: CreateDealRequest =
                    serde_json::from_value(Self::deal_body(ctx, w)).map_err(|e| e.to_string())?;
                let patch = DealPatch::try_from(body).map_err(|e| format!("{e:?}"))?;
                state.deals.create(patch, None, &origin).await.map_err(err)?;
            }
            Op::MoveDeal => {
                let id = &ctx.deal_ids[w.index];
                if w.version == 0 {
                    w.version = state.deals.get(id).await.map_err(err)?.version;
                }
                let body: UpdateDealRequest =
                    serde_json::from_value(json!({"stage": Self::next_stage(w)})).map_err(|e| e.to_string())?;
                let patch = DealPatch::try_from(body).map_err(|e| format!("{e:?}"))?;
                let moved =
                    state.deals.update(id, patch, Precondition::Version(w.version), &origin).await.map_err(err)?;
                w.version = moved.version;
            }
            Op::DealsList => {
                let params = ListDealsParams { limit: Some("50".into()), ..Default::default() };
                let (query, page) = params.parse().map_err(err)?;
                state.deals.list(&query, &page).await.map_err(err)?;
            }
            Op::Pipeline => {
                state.deals.pipeline(&Default::default()).await.map_err(err)?;
            }
            Op::OpenCases => {
                let params = OpenCasesParams { limit: Some("50".into()), ..Default::default() };
                let (query, page) = params.parse().map_err(err)?;
                state.cases.list(&query, &page).await.map_err(err)?;
            }
            Op::MyTasks => {
                let params = ListTasksParams {
                    assignee_id: Some("me".into()),
                    status: Some("open".into()),
                    limit: Some("50".into()),
                    ..Default::default()
                };
                let (query, page) = params.parse(Some(&ctx.admin_id)).map_err(err)?;
                state.tasks.list(&query, &page).await.map_err(err)?;
            }
            Op::SegmentPage | Op::SegmentCount => {
                let count = self == Op::SegmentCount;
                let params = SegmentPageParams {
                    limit: Some(if count { "1" } else { "50" }.into()),
                    count: count.then(|| "true".into()),
                    ..Default::default()
                };
                let page = params.parse().map_err(err)?;
                state.segments.members(&ctx.segment_id, &page).await.map_err(err)?;
            }
            Op::SegmentPreview => {
                state.segments.preview(&segment_filter()).await.map_err(err)?;
            }
            Op::Score => {
                state.engagement.score(&s.id).await.map_err(err)?;
            }
            Op::ScoreSorted => {
                let params = ListContactsParams {
                    limit: Some("50".into()),
                    sort: Some("-score".into()),
                    ..ListContactsParams::default()
                };
                let (query, page) = params.parse().map_err(err)?;
                state.contacts.list(&query, &page).await.map_err(err)?;
            }
            Op::AnalyticsContacts => {
                state.analytics.contacts(&Default::default()).await.map_err(err)?;
            }
            Op::AnalyticsFunnel => {
                state.analytics.funnel(&Default::default()).await.map_err(err)?;
            }
            Op::AnalyticsPipeline => {
                state.analytics.pipeline(&Default::default()).await.map_err(err)?;
            }
            Op::AnalyticsActivity => {
                let from = (chrono::Utc::now() - chrono::Duration::days(29)).format("%Y-%m-%d").to_string();
                let range = crm::domain::analytics::DayRange { from: Some(from), to: None };
                state.analytics.activity(&range).await.map_err(err)?;
            }
            Op::Duplicates => {
                state.duplicates.list(None, None, 50).await.map_err(err)?;
            }
            Op::LlmEmail => {
                let job = state
                    .llm
                    .job(crm::llm_tools::ToolName::EmailGenerator, Self::email_body(ctx, w))
                    .await
                    .map_err(err)?;
                state.llm.run(&job, &origin.actor, None).await.map_err(err)?;
            }
            Op::Briefing => {
                state.llm.briefing(&s.id, &origin.actor, false).await.map_err(err)?;
            }
            Op::CreateCampaign => {
                let body: crm::models::campaigns::CreateCampaignRequest =
                    serde_json::from_value(Self::campaign_body(w)).map_err(|e| e.to_string())?;
                let patch = crm::domain::campaigns::CampaignPatch::try_from(body).map_err(|e| format!("{e:?}"))?;
                state.campaigns.create(patch, &origin).await.map_err(err)?;
            }
            Op::RecordConsent => {
                let body: crm::models::consents::CreateConsentRequest =
                    serde_json::from_value(Self::consent_body(w)).map_err(|e| e.to_string())?;
                state.consents.record(&s.id, body.into(), &origin).await.map_err(err)?;
            }
            Op::ConsentLedger => {
                let params = crm::models::pagination::NewestFirstParams { limit: Some("20".into()), cursor: None };
                state.consents.ledger(&s.id, &params.parse().map_err(err)?).await.map_err(err)?;
            }
            Op::EventsList => {
                let params = crm::models::events::ListEventsParams {
                    upcoming: Some("true".into()),
                    limit: Some("50".into()),
                    ..Default::default()
                };
                let (query, page) = params.parse().map_err(err)?;
                state.events.list(&query, &page).await.map_err(err)?;
            }
            Op::EventGet => {
                state.events.get_with_counts(&ctx.event_id).await.map_err(err)?;
            }
            Op::GuestList => {
                let params =
                    crm::models::events::ListInvitationsParams { limit: Some("50".into()), ..Default::default() };
                let (status, page) = params.parse().map_err(err)?;
                state.events.invitations(&ctx.event_id, status, &page).await.map_err(err)?;
            }
            Op::LandingPage => {
                let page = state.landing_pages.published(&ctx.page_slug).await.map_err(err)?.ok_or("no such page")?;
                state.landing_pages.render(&page, "", &Default::default(), &[]);
            }
            Op::CreateRuled => {
                let body: CreateContactRequest =
                    serde_json::from_value(Self::ruled_body(ctx, w, "inproc-ruled")).map_err(|e| e.to_string())?;
                let new = NewContact::try_from(body).map_err(|e| format!("{e:?}"))?;
                state.contacts.create(new, &origin).await.map_err(err)?;
            }
            Op::QueryCustom => {
                let body: crm::models::query::QueryRequest =
                    serde_json::from_value(Self::query_body(ctx, w)).map_err(|e| e.to_string())?;
                let query =
                    state.query.parse(crm::domain::custom::Object::Contact, (&body).into()).await.map_err(err)?;
                state.query.run(&query, None, None).await.map_err(err)?;
            }
            Op::CreateRecord | Op::RecordsList | Op::RecordsFilter => {
                let (name, filter) = Self::records_query(ctx, w);
                let object = state.schema.object(&name).await.map_err(err)?;
                if self == Op::CreateRecord {
                    let body: crm::models::objects::CreateRecordRequest =
                        serde_json::from_value(Self::record_body(ctx, w)).map_err(|e| e.to_string())?;
                    state.objects.create(object, body.into(), None, &origin).await.map_err(err)?;
                } else {
                    let filter = (self == Op::RecordsFilter).then(|| serde_json::from_str(&filter)).transpose();
                    let page = crm::domain::pagination::PageRequest {
                        limit: 50,
                        sort: crm::models::objects::RECORD_SORT,
                        after: None,
                        count: false,
                        visible: None,
                    };
                    state.objects.list(object, filter.map_err(|e| e.to_string())?, &page).await.map_err(err)?;
                }
            }
            Op::ChangeFeed => {
                state
                    .changes
                    .page(Self::feed_position(ctx, w), None, crm::domain::auth::Role::Admin, 100)
                    .await
                    .map_err(err)?;
            }
        }
        Ok(())
    }

    /// A feed position spread over the seeded contacts' events (every contact has one).
    fn feed_position(ctx: &Ctx, w: &Worker) -> i64 {
        w.pick(ctx.contacts.max(1)) as i64
    }
}

/// `limit=..&cursor=..` from list parameters (values percent-encoded).
pub fn query_string(p: &ListContactsParams) -> String {
    let pairs = [
        ("limit", &p.limit),
        ("cursor", &p.cursor),
        ("status", &p.status),
        ("tag", &p.tag),
        ("company_id", &p.company_id),
        ("q", &p.q),
    ];
    pairs.iter().filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v)))).collect::<Vec<_>>().join("&")
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_query_values() {
        assert_eq!(encode("ada+x@example.com"), "ada%2Bx%40example.com");
        let p = ListContactsParams { limit: Some("50".into()), q: Some("o'brien".into()), ..Default::default() };
        assert_eq!(query_string(&p), "limit=50&q=o%27brien");
    }

    #[test]
    fn workers_spread_over_the_sample() {
        let mut seen = std::collections::HashSet::new();
        for index in 0..4 {
            for i in 0..50 {
                seen.insert(Worker { index, i, ..Worker::default() }.pick(1000));
            }
        }
        assert!(seen.len() > 150, "only {} distinct picks", seen.len());
    }
}
