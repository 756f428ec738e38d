//! Campaigns: a brief, an audience, channels, the assets written for them, and the status
//! machine `draft -> scheduled -> running -> completed`, `running -> paused -> running`, and
//! `cancelled` from any status but `completed` (mid-delivery too: what is queued stays unsent).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::deals::parse_ref;
use super::fields::{DomainError, Issues};
use crate::llm_tools::tools::{self, EmailDraft, LandingPage, SocialPost};

/// Where a campaign status stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignStatus {
    /// Being written; assets can be generated and edited.
    Draft,
    /// Approved and waiting for `scheduled_at`.
    Scheduled,
    /// Sending.
    Running,
    /// Sending stopped for now.
    Paused,
    /// Done.
    Completed,
    /// Called off before it ran.
    Cancelled,
}

impl CampaignStatus {
    /// Every status.
    pub const ALL: [CampaignStatus; 6] = [
        CampaignStatus::Draft,
        CampaignStatus::Scheduled,
        CampaignStatus::Running,
        CampaignStatus::Paused,
        CampaignStatus::Completed,
        CampaignStatus::Cancelled,
    ];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignStatus::Draft => "draft",
            CampaignStatus::Scheduled => "scheduled",
            CampaignStatus::Running => "running",
            CampaignStatus::Paused => "paused",
            CampaignStatus::Completed => "completed",
            CampaignStatus::Cancelled => "cancelled",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<CampaignStatus> {
        let raw = raw.trim().to_ascii_lowercase();
        CampaignStatus::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// The statuses this one may move to.
    pub fn next(self) -> &'static [CampaignStatus] {
        use CampaignStatus::*;
        match self {
            Draft => &[Scheduled, Cancelled],
            Scheduled => &[Running, Cancelled],
            Running => &[Paused, Completed, Cancelled],
            Paused => &[Running, Cancelled],
            Completed | Cancelled => &[],
        }
    }

    /// Whether the campaign's content (fields and assets) may still change.
    pub fn editable(self) -> bool {
        self == CampaignStatus::Draft
    }
}

/// Why a new campaign cannot have another status.
pub const NEW_IS_DRAFT: &str = "a new campaign is a draft; schedule it once its assets are approved";

/// Why a status move is refused: the `code` of the 409.
pub fn transition(from: CampaignStatus, to: CampaignStatus) -> Result<(), &'static str> {
    if from.next().contains(&to) {
        Ok(())
    } else if from == to {
        Err("campaign_status_unchanged")
    } else if matches!(from, CampaignStatus::Completed | CampaignStatus::Cancelled) {
        Err("campaign_finished")
    } else {
        Err("invalid_status_transition")
    }
}

/// How a campaign reaches people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// An email to each member of the segment.
    Email,
    /// Posts on social networks.
    Social,
    /// A call to an integration's webhook.
    Webhook,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 3] = [Channel::Email, Channel::Social, Channel::Webhook];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Social => "social",
            Channel::Webhook => "webhook",
        }
    }

    /// The asset a campaign needs approved before it is scheduled on this channel (a webhook
    /// carries the campaign's data, no written asset).
    pub fn asset(self) -> Option<AssetKind> {
        match self {
            Channel::Email => Some(AssetKind::Email),
            Channel::Social => Some(AssetKind::SocialPost),
            Channel::Webhook => None,
        }
    }
}

/// A campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Id (UUIDv7).
    pub id: String,
    /// Name.
    pub name: String,
    /// What it is about, in the words of whoever wrote it; assets are written from it.
    pub brief: String,
    /// What a recipient should do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// Channels (at least one).
    pub channels: Vec<Channel>,
    /// The audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_id: Option<String>,
    /// The event it invites to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The landing page it links to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_page_id: Option<String>,
    /// When it should start (RFC 3339); none: as soon as it is scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<String>,
    /// Status.
    pub status: CampaignStatus,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// Untrusted campaign fields (`Some(None)` = explicit null in a patch).
#[derive(Debug, Clone, Default)]
pub struct CampaignInput {
    /// Name.
    pub name: Option<Option<String>>,
    /// Brief.
    pub brief: Option<Option<String>>,
    /// Goal.
    pub goal: Option<Option<String>>,
    /// Channels.
    pub channels: Option<Option<Vec<String>>>,
    /// Segment.
    pub segment_id: Option<Option<String>>,
    /// Event.
    pub event_id: Option<Option<String>>,
    /// Landing page.
    pub landing_page_id: Option<Option<String>>,
    /// Start.
    pub scheduled_at: Option<Option<String>>,
    /// Status (a move of the status machine).
    pub status: Option<Option<String>>,
}

/// A validated change of a campaign's fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CampaignPatch {
    name: Option<String>,
    brief: Option<String>,
    goal: Option<Option<String>>,
    channels: Option<Vec<Channel>>,
    segment_id: Option<Option<String>>,
    event_id: Option<Option<String>>,
    landing_page_id: Option<Option<String>>,
    scheduled_at: Option<Option<String>>,
    /// The status asked for.
    pub status: Option<CampaignStatus>,
}

fn parse_channels(issues: &mut Issues, raw: Option<Vec<String>>) -> Option<Vec<Channel>> {
    let Some(raw) = raw else {
        issues.add("channels", "is required (one or more of email, social, webhook)");
        return None;
    };
    let mut channels = Vec::new();
    for (i, name) in raw.iter().enumerate() {
        match Channel::ALL.into_iter().find(|c| c.as_str() == name.trim().to_ascii_lowercase()) {
            Some(c) if !channels.contains(&c) => channels.push(c),
            Some(_) => {}
            None => issues.add(format!("channels[{i}]"), "must be one of email, social, webhook"),
        }
    }
    if raw.is_empty() {
        issues.add("channels", "must name at least one channel");
    }
    Some(channels)
}

fn parse_time(issues: &mut Issues, field: &str, raw: Option<String>) -> Option<String> {
    let raw = raw.map(|r| r.trim().to_string()).filter(|r| !r.is_empty())?;
    match chrono::DateTime::parse_from_rfc3339(&raw) {
        Ok(at) => Some(super::ids::format_ts(at.with_timezone(&chrono::Utc))),
        Err(_) => {
            issues.add(field, "must be an RFC 3339 time such as 2026-05-12T09:00:00Z");
            None
        }
    }
}

impl CampaignPatch {
    /// Validates untrusted fields.
    pub fn parse(input: CampaignInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let status = match input.status {
            None => None,
            Some(raw) => {
                let parsed = raw.as_deref().and_then(CampaignStatus::parse);
                if parsed.is_none() {
                    issues.add("status", "must be one of draft, scheduled, running, paused, completed, cancelled");
                }
                parsed
            }
        };
        let patch = CampaignPatch {
            name: input.name.map(|n| issues.required_text("name", n, 200)),
            brief: input.brief.map(|b| issues.required_text("brief", b, 10_000)),
            goal: input.goal.map(|g| issues.text("goal", g, 200)),
            channels: input.channels.and_then(|c| parse_channels(&mut issues, c)),
            segment_id: input.segment_id.map(|s| parse_ref(&mut issues, "segment_id", s)),
            event_id: input.event_id.map(|s| parse_ref(&mut issues, "event_id", s)),
            landing_page_id: input.landing_page_id.map(|s| parse_ref(&mut issues, "landing_page_id", s)),
            scheduled_at: input.scheduled_at.map(|s| parse_time(&mut issues, "scheduled_at", s)),
            status,
        };
        issues.finish(patch)
    }

    /// Whether the patch changes anything besides the status.
    pub fn changes_content(&self) -> bool {
        CampaignPatch { status: None, ..self.clone() } != CampaignPatch::default()
    }
}

impl Campaign {
    /// A new draft; `name` and `brief` are required, channels default to email.
    pub fn new(id: String, patch: CampaignPatch, now: &str) -> Result<Campaign, DomainError> {
        let mut issues = Issues::default();
        if patch.name.is_none() {
            issues.add("name", "is required");
        }
        if patch.brief.is_none() {
            issues.add("brief", "is required");
        }
        if patch.status.is_some_and(|s| s != CampaignStatus::Draft) {
            issues.add("status", NEW_IS_DRAFT);
        }
        let campaign = Campaign {
            id,
            name: String::new(),
            brief: String::new(),
            goal: None,
            channels: vec![Channel::Email],
            segment_id: None,
            event_id: None,
            landing_page_id: None,
            scheduled_at: None,
            status: CampaignStatus::Draft,
            version: 0,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        }
        .apply(CampaignPatch { status: None, ..patch }, now);
        issues.finish(campaign)
    }

    /// The campaign after `patch` (its status included, unchecked), one version later.
    pub fn apply(&self, patch: CampaignPatch, now: &str) -> Campaign {
        let mut next = self.clone();
        if let Some(v) = patch.name {
            next.name = v;
        }
        if let Some(v) = patch.brief {
            next.brief = v;
        }
        if let Some(v) = patch.goal {
            next.goal = v;
        }
        if let Some(v) = patch.channels {
            next.channels = v;
        }
        if let Some(v) = patch.segment_id {
            next.segment_id = v;
        }
        if let Some(v) = patch.event_id {
            next.event_id = v;
        }
        if let Some(v) = patch.landing_page_id {
            next.landing_page_id = v;
        }
        if let Some(v) = patch.scheduled_at {
            next.scheduled_at = v;
        }
        if let Some(v) = patch.status {
            next.status = v;
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The asset kinds that must be approved before this campaign is scheduled.
    pub fn required_assets(&self) -> Vec<AssetKind> {
        self.channels.iter().filter_map(|c| c.asset()).collect()
    }
}

/// What an asset is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    /// An email.
    Email,
    /// A social media post.
    SocialPost,
    /// A landing page.
    LandingPage,
}

impl AssetKind {
    /// Every kind.
    pub const ALL: [AssetKind; 3] = [AssetKind::Email, AssetKind::SocialPost, AssetKind::LandingPage];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            AssetKind::Email => "email",
            AssetKind::SocialPost => "social_post",
            AssetKind::LandingPage => "landing_page",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<AssetKind> {
        AssetKind::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }
}

/// Draft until a person approves it; an edit makes it a draft again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetStatus {
    /// Written or edited, not approved.
    Draft,
    /// Approved as it is.
    Approved,
}

/// An asset's content, typed by its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AssetContent {
    /// `email`.
    Email(EmailDraft),
    /// `social_post`.
    SocialPost(SocialPost),
    /// `landing_page`.
    LandingPage(LandingPage),
}

impl AssetContent {
    /// Reads `value` as the content of a `kind` asset and checks it like a generated one (email
    /// HTML sanitised, merge fields known); issues are named `content.<field>`.
    pub fn parse(kind: AssetKind, value: Value) -> Result<AssetContent, DomainError> {
        let invalid = |message: String| Err(content_issue(message));
        let shape = |e: serde_json::Error| format!("content does not fit a {} asset: {e}", kind.as_str());
        match kind {
            AssetKind::Email => {
                let mut draft: EmailDraft = match serde_json::from_value(value) {
                    Ok(d) => d,
                    Err(e) => return invalid(shape(e)),
                };
                draft.html = crate::llm_tools::html::sanitize(&draft.html);
                tools::check_email(&draft).map(|_| AssetContent::Email(draft)).or_else(invalid)
            }
            AssetKind::SocialPost => {
                let post: SocialPost = match serde_json::from_value(value) {
                    Ok(p) => p,
                    Err(e) => return invalid(shape(e)),
                };
                tools::check_social(&post).map(|_| AssetContent::SocialPost(post)).or_else(invalid)
            }
            AssetKind::LandingPage => {
                let page: LandingPage = match serde_json::from_value(value) {
                    Ok(p) => p,
                    Err(e) => return invalid(shape(e)),
                };
                tools::check_page(&page).map(|_| AssetContent::LandingPage(page)).or_else(invalid)
            }
        }
    }
}

/// A content check's message as a field issue: `content.<field>` when the message starts with
/// the field's name (`subject is empty`), else `content`.
fn content_issue(message: String) -> DomainError {
    let first = message.split_whitespace().next().unwrap_or_default();
    let fields = ["subject", "preheader", "html", "text", "title", "sections", "network"];
    let named = fields.iter().any(|f| first == *f || first.starts_with(&format!("{f}[")));
    let field = if named { format!("content.{first}") } else { "content".to_string() };
    DomainError::Invalid(vec![super::fields::FieldIssue { field, message }])
}

/// Something written for a campaign: an email, a post or a page, versioned like every record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asset {
    /// Id (UUIDv7).
    pub id: String,
    /// The campaign.
    pub campaign_id: String,
    /// What it is.
    pub kind: AssetKind,
    /// The content.
    pub content: AssetContent,
    /// Draft or approved.
    pub status: AssetStatus,
    /// Who wrote the first version: `offline` or `openai`.
    pub provider: String,
    /// The model.
    pub model: String,
    /// The run that wrote it.
    pub llm_run_id: String,
    /// Who approved it (user or key id), when approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When it was approved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

impl Asset {
    /// The asset with `content` merged over its current content (fields given replace fields
    /// held), checked, as a draft again when anything changed.
    pub fn edit(&self, content: Value, now: &str) -> Result<Asset, DomainError> {
        let mut merged = serde_json::to_value(&self.content).unwrap_or(Value::Null);
        match (&mut merged, content) {
            (Value::Object(current), Value::Object(given)) => current.extend(given),
            (_, _) => {
                let mut issues = Issues::default();
                issues.add("content", "must be an object with the fields to change");
                issues.finish(())?;
            }
        }
        let content = AssetContent::parse(self.kind, merged)?;
        let mut next = self.clone();
        if content != self.content {
            next.content = content;
            next.status = AssetStatus::Draft;
            next.approved_by = None;
            next.approved_at = None;
        }
        next.version += 1;
        next.updated_at = now.to_string();
        Ok(next)
    }

    /// The asset approved by `actor`; `None` when it is approved already.
    pub fn approve(&self, actor: &str, now: &str) -> Option<Asset> {
        if self.status == AssetStatus::Approved {
            return None;
        }
        let mut next = self.clone();
        next.status = AssetStatus::Approved;
        next.approved_by = Some(actor.to_string());
        next.approved_at = Some(now.to_string());
        next.version += 1;
        next.updated_at = now.to_string();
        Some(next)
    }
}

/// The kinds among `required` that no approved asset covers.
pub fn unapproved(required: &[AssetKind], assets: &[Asset]) -> Vec<AssetKind> {
    required
        .iter()
        .copied()
        .filter(|kind| !assets.iter().any(|a| a.kind == *kind && a.status == AssetStatus::Approved))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignStatus::*;

    #[test]
    fn the_status_machine_allows_exactly_its_moves() {
        let allowed = [
            (Draft, Scheduled),
            (Scheduled, Running),
            (Running, Completed),
            (Draft, Cancelled),
            (Scheduled, Cancelled),
            (Running, Paused),
            (Running, Cancelled),
            (Paused, Running),
            (Paused, Cancelled),
        ];
        for from in CampaignStatus::ALL {
            for to in CampaignStatus::ALL {
                let ok = transition(from, to).is_ok();
                assert_eq!(ok, allowed.contains(&(from, to)), "{from:?} -> {to:?}");
            }
        }
        assert_eq!(transition(Completed, Running), Err("campaign_finished"));
        assert_eq!(transition(Draft, Running), Err("invalid_status_transition"));
        assert_eq!(transition(Paused, Paused), Err("campaign_status_unchanged"));
        assert_eq!(transition(Completed, Cancelled), Err("campaign_finished"));
    }

    #[test]
    fn a_campaign_needs_approved_assets_for_its_channels() {
        let patch = CampaignPatch::parse(CampaignInput {
            name: Some(Some("Spring".into())),
            brief: Some(Some("Hello".into())),
            channels: Some(Some(vec!["email".into(), "social".into(), "webhook".into(), "email".into()])),
            ..Default::default()
        })
        .unwrap();
        let campaign = Campaign::new("c".into(), patch, "2026-01-01T00:00:00Z").unwrap();
        assert_eq!(campaign.channels, [Channel::Email, Channel::Social, Channel::Webhook]);
        let required = campaign.required_assets();
        let email = Asset {
            id: "a".into(),
            campaign_id: "c".into(),
            kind: AssetKind::Email,
            content: AssetContent::Email(EmailDraft {
                subject: "S".into(),
                preheader: String::new(),
                html: "<p>x</p>".into(),
                text: "x".into(),
            }),
            status: AssetStatus::Draft,
            provider: "offline".into(),
            model: "m".into(),
            llm_run_id: "r".into(),
            approved_by: None,
            approved_at: None,
            version: 1,
            created_at: String::new(),
            updated_at: String::new(),
        };
        assert_eq!(unapproved(&required, std::slice::from_ref(&email)), [AssetKind::Email, AssetKind::SocialPost]);
        let approved = email.approve("u", "now").unwrap();
        assert!(approved.approve("u", "later").is_none());
        assert_eq!(unapproved(&required, std::slice::from_ref(&approved)), [AssetKind::SocialPost]);
        let edited = approved.edit(serde_json::json!({"subject": "New"}), "now").unwrap();
        assert_eq!(edited.status, AssetStatus::Draft, "an edit needs a new approval");
        let same = approved.edit(serde_json::json!({"subject": "S"}), "now").unwrap();
        assert_eq!(same.status, AssetStatus::Approved, "an edit that changes nothing keeps the approval");
        let Err(DomainError::Invalid(issues)) = approved.edit(serde_json::json!({"text": "Hi {{shoe}}"}), "now") else {
            panic!("unknown merge field")
        };
        assert_eq!(issues[0].field, "content.text");
        assert!(issues[0].message.contains("shoe"));
    }

    #[test]
    fn bad_fields_are_named() {
        let err = CampaignPatch::parse(CampaignInput {
            channels: Some(Some(vec!["fax".into()])),
            scheduled_at: Some(Some("tomorrow".into())),
            status: Some(Some("done".into())),
            segment_id: Some(Some("nope".into())),
            ..Default::default()
        })
        .unwrap_err();
        let DomainError::Invalid(issues) = err else { panic!("invalid") };
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["status", "channels[0]", "segment_id", "scheduled_at"]);
    }
}
