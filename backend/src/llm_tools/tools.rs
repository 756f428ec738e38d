//! The four tools: their typed inputs and outputs (the API contract, with JSON Schemas), the
//! context each one writes from, its prompt for a model, and the checks every answer passes.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::html;

/// The tools, by wire name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ToolName {
    /// An email: subject, preheader, HTML and plain text.
    EmailGenerator,
    /// A social media post for one network.
    SocialPostGenerator,
    /// A landing page: a title and its sections.
    LandingPageGenerator,
    /// A briefing on one contact from their timeline, deals and cases.
    ContactBriefing,
}

impl ToolName {
    /// Every tool.
    pub const ALL: [ToolName; 4] = [
        ToolName::EmailGenerator,
        ToolName::SocialPostGenerator,
        ToolName::LandingPageGenerator,
        ToolName::ContactBriefing,
    ];

    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ToolName::EmailGenerator => "email_generator",
            ToolName::SocialPostGenerator => "social_post_generator",
            ToolName::LandingPageGenerator => "landing_page_generator",
            ToolName::ContactBriefing => "contact_briefing",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<ToolName> {
        ToolName::ALL.into_iter().find(|t| t.as_str() == raw)
    }

    /// What the tool does, for people and models.
    pub fn description(self) -> &'static str {
        match self {
            ToolName::EmailGenerator => {
                "Writes a marketing or invitation email from a brief: subject, preheader, HTML and plain text. \
                 Without a contact it uses merge fields such as {{first_name}}; with one it greets them by name."
            }
            ToolName::SocialPostGenerator => {
                "Writes one post for a social network (linkedin, x, facebook, instagram) within its length limit."
            }
            ToolName::LandingPageGenerator => {
                "Writes a landing page from a brief: a title and sections (hero, text, benefits, event, form)."
            }
            ToolName::ContactBriefing => {
                "Briefs you on a contact before a meeting: a summary, next steps, talking points and sentiment, \
                 from their recent timeline, open deals and cases."
            }
        }
    }
}

/// Formal or friendly wording.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// First names, short sentences (default).
    #[default]
    Friendly,
    /// "Dear ...", full sign-off.
    Formal,
}

/// A social network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Network {
    /// LinkedIn (3,000 characters; default).
    #[default]
    Linkedin,
    /// X (280 characters).
    X,
    /// Facebook (2,000 characters here).
    Facebook,
    /// Instagram (2,200 characters).
    Instagram,
}

impl Network {
    /// The longest post the network takes.
    pub fn max_chars(self) -> usize {
        match self {
            Network::Linkedin => 3000,
            Network::X => 280,
            Network::Facebook => 2000,
            Network::Instagram => 2200,
        }
    }
}

/// An event a text invites to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EventInfo {
    /// Name, e.g. `Spring Summit`.
    #[schema(max_length = 200)]
    pub name: String,
    /// Start, RFC 3339.
    #[schema(example = "2026-05-12T18:00:00Z")]
    pub starts_at: String,
    /// Place or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(max_length = 300)]
    pub location: Option<String>,
}

/// Input of `email_generator`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"brief": "Invite our customers to the spring summit. We will show the new reporting and share three client stories.", "campaign_name": "Spring Summit", "goal": "registrations", "event": {"name": "Spring Summit", "starts_at": "2026-05-12T18:00:00Z", "location": "Lisbon"}}))]
pub struct EmailInput {
    /// What the email is about, in your words.
    #[schema(max_length = 4000)]
    pub brief: String,
    /// The campaign's name.
    #[schema(max_length = 200)]
    pub campaign_name: Option<String>,
    /// What a reader should do (`registrations`, `meetings`, `awareness`, ...).
    #[schema(max_length = 200)]
    pub goal: Option<String>,
    /// Write to this contact (their name, title and company); without one, merge fields.
    pub contact_id: Option<String>,
    /// The event it invites to.
    pub event: Option<EventInfo>,
    /// Where the call to action links.
    #[schema(max_length = 2000)]
    pub cta_url: Option<String>,
    /// Wording.
    pub tone: Option<Tone>,
}

/// Input of `social_post_generator`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"brief": "Our spring summit is open for registration.", "network": "linkedin"}))]
pub struct SocialPostInput {
    /// What the post is about.
    #[schema(max_length = 4000)]
    pub brief: String,
    /// The campaign's name.
    #[schema(max_length = 200)]
    pub campaign_name: Option<String>,
    /// What a reader should do.
    #[schema(max_length = 200)]
    pub goal: Option<String>,
    /// The network (default `linkedin`).
    pub network: Option<Network>,
    /// The event it announces.
    pub event: Option<EventInfo>,
    /// Link to share.
    #[schema(max_length = 2000)]
    pub cta_url: Option<String>,
}

/// Input of `landing_page_generator`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"brief": "A page where customers register for the spring summit.", "campaign_name": "Spring Summit", "goal": "registrations"}))]
pub struct LandingPageInput {
    /// What the page is for.
    #[schema(max_length = 4000)]
    pub brief: String,
    /// The campaign's name.
    #[schema(max_length = 200)]
    pub campaign_name: Option<String>,
    /// What a visitor should do.
    #[schema(max_length = 200)]
    pub goal: Option<String>,
    /// The event it is for.
    pub event: Option<EventInfo>,
}

/// Input of `contact_briefing`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"contact_id": "0190f0a4-7c1e-7000-8000-000000000001"}))]
pub struct BriefingInput {
    /// The contact.
    pub contact_id: String,
}

/// An email draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EmailDraft {
    /// Subject line (at most 150 characters).
    pub subject: String,
    /// The preview text inboxes show after the subject (at most 200 characters).
    pub preheader: String,
    /// HTML body (sanitised).
    pub html: String,
    /// Plain-text body.
    pub text: String,
}

/// A social media post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SocialPost {
    /// The network it is written for.
    pub network: Network,
    /// The post, within the network's limit.
    pub text: String,
}

/// What a landing page section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// The opening: headline, one line, the call to action.
    Hero,
    /// A paragraph.
    Text,
    /// A list of reasons.
    Benefits,
    /// When and where.
    Event,
    /// The sign-up form.
    Form,
}

/// One section of a landing page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Section {
    /// What it is.
    pub kind: SectionKind,
    /// Heading.
    pub heading: String,
    /// Body text (plain; pages escape it).
    #[serde(default)]
    pub body: String,
    /// List items (benefits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Button label (hero, form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cta_label: Option<String>,
}

/// A landing page draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct LandingPage {
    /// Page title.
    pub title: String,
    /// Sections, top to bottom.
    pub sections: Vec<Section>,
}

/// How the contact seems to feel about you lately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    /// Good signs (won deals, thanks, interest).
    Positive,
    /// Nothing either way.
    Neutral,
    /// Warning signs (urgent cases, complaints).
    Negative,
}

/// A briefing on a contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ContactBriefing {
    /// Who they are and where things stand, in a few sentences.
    pub summary: String,
    /// What to do next.
    pub next_steps: Vec<String>,
    /// What to bring up.
    pub talking_points: Vec<String>,
    /// Their mood lately.
    pub sentiment: Sentiment,
    /// Ids of the timeline entries, deals and cases the briefing used.
    pub sources: Vec<String>,
}

/// A person as the tools see them (only what a text needs).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Person {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Lifecycle status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Engagement score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl Person {
    /// First and last name.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name).trim().to_string()
    }
}

/// A company as the tools see it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Org {
    /// Name.
    pub name: String,
    /// Industry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
}

/// What a writing tool writes from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Writing {
    /// The brief.
    pub brief: String,
    /// Campaign name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign_name: Option<String>,
    /// Goal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    /// The reader, when the text is for one person.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Person>,
    /// The reader's company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<Org>,
    /// The event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventInfo>,
    /// Call-to-action link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cta_url: Option<String>,
    /// Wording.
    pub tone: Tone,
    /// Network (social posts).
    pub network: Network,
}

/// One activity on a contact's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    /// Timeline entry id.
    pub id: String,
    /// Kind (`note`, `call`, `meeting`, ...).
    pub kind: String,
    /// What happened.
    pub summary: String,
    /// When.
    pub at: String,
}

/// An open deal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealInfo {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Pipeline stage.
    pub stage: String,
    /// Amount with currency, e.g. `EUR 12000.00`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// Expected close date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub close_date: Option<String>,
    /// `open`, `won` or `lost`.
    pub status: String,
}

/// A case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseInfo {
    /// Id.
    pub id: String,
    /// Subject.
    pub subject: String,
    /// Priority.
    pub priority: String,
    /// `open` or `closed`.
    pub status: String,
}

/// What a briefing is written from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Dossier {
    /// The contact.
    pub contact: Person,
    /// Their company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<Org>,
    /// Recent activities, newest first.
    pub timeline: Vec<Activity>,
    /// Their deals (open ones first).
    pub deals: Vec<DealInfo>,
    /// Their company's cases (open ones first).
    pub cases: Vec<CaseInfo>,
    /// Today (RFC 3339 date), so "overdue" means the same to every writer.
    pub today: String,
}

impl Dossier {
    /// Ids a briefing may cite.
    pub fn source_ids(&self) -> Vec<&str> {
        let timeline = self.timeline.iter().map(|a| a.id.as_str());
        let deals = self.deals.iter().map(|d| d.id.as_str());
        timeline.chain(deals).chain(self.cases.iter().map(|c| c.id.as_str())).collect()
    }
}

/// One tool's job, with everything it writes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Job {
    /// `email_generator`.
    Email(Writing),
    /// `social_post_generator`.
    Social(Writing),
    /// `landing_page_generator`.
    LandingPage(Writing),
    /// `contact_briefing`.
    Briefing(Dossier),
}

impl Job {
    /// The tool this job is for.
    pub fn tool(&self) -> ToolName {
        match self {
            Job::Email(_) => ToolName::EmailGenerator,
            Job::Social(_) => ToolName::SocialPostGenerator,
            Job::LandingPage(_) => ToolName::LandingPageGenerator,
            Job::Briefing(_) => ToolName::ContactBriefing,
        }
    }
}

/// A tool's validated result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Output {
    /// An email.
    Email(EmailDraft),
    /// A post.
    Social(SocialPost),
    /// A page.
    LandingPage(LandingPage),
    /// A briefing.
    Briefing(ContactBriefing),
}

/// The system prompt of a tool: the task, the rules and the exact JSON shape to answer with.
pub fn system_prompt(job: &Job) -> String {
    let shape = match job {
        Job::Email(w) => format!(
            "{{\"subject\": string (at most 150 characters), \"preheader\": string (at most 200), \
             \"html\": string (simple HTML: p, a, strong, em, ul, li, h2), \"text\": string (the same email as plain text)}}. \
             {}",
            if w.contact.is_some() {
                "Greet the contact by first name."
            } else {
                "Greet the reader with the merge field {{first_name}}; you may also use {{last_name}}, {{full_name}}, \
                 {{company_name}}, {{title}}, {{email}} and {{unsubscribe_url}}, and no other merge fields."
            }
        ),
        Job::Social(w) => format!(
            "{{\"network\": \"{}\", \"text\": string (at most {} characters, no merge fields)}}",
            serde_json::to_value(w.network).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
            w.network.max_chars()
        ),
        Job::LandingPage(_) => "{\"title\": string, \"sections\": [{\"kind\": \"hero\"|\"text\"|\"benefits\"|\"event\"|\"form\", \
             \"heading\": string, \"body\": string, \"items\": [string] (benefits only), \"cta_label\": string (hero and form)}] \
             (2 to 8 sections, starting with a hero and ending with a form)}"
            .to_string(),
        Job::Briefing(_) => "{\"summary\": string (2-4 sentences), \"next_steps\": [string] (1-5), \"talking_points\": [string] (0-5), \
             \"sentiment\": \"positive\"|\"neutral\"|\"negative\", \"sources\": [string] (ids of the timeline entries, deals \
             and cases you used, exactly as given)}"
            .to_string(),
    };
    format!(
        "You are the writing assistant of a CRM. Task: {} Use only the facts in the user's JSON; do not invent \
         names, dates, prices or links. Answer with one JSON object and nothing else, of this shape: {shape}",
        job.tool().description()
    )
}

/// The user prompt: the job's data as JSON (only the fields the tool needs).
pub fn user_prompt(job: &Job) -> String {
    serde_json::to_string(job).unwrap_or_default()
}

/// Reads a model's answer as the tool's output and checks it: the JSON shape, lengths, known
/// merge fields, cited sources; email HTML is sanitised. `Err` says what is wrong, for a retry.
pub fn parse_output(job: &Job, answer: &str) -> Result<Output, String> {
    let json = extract_json(answer).ok_or("the answer is not a JSON object")?;
    let invalid = |e: serde_json::Error| format!("the answer does not have the required shape: {e}");
    match job {
        Job::Email(_) => {
            let mut draft: EmailDraft = serde_json::from_str(json).map_err(invalid)?;
            draft.html = html::sanitize(&draft.html);
            check_email(&draft)?;
            Ok(Output::Email(draft))
        }
        Job::Social(w) => {
            let mut post: SocialPost = serde_json::from_str(json).map_err(invalid)?;
            post.network = w.network;
            post.text = post.text.trim().to_string();
            check_social(&post)?;
            Ok(Output::Social(post))
        }
        Job::LandingPage(_) => {
            let page: LandingPage = serde_json::from_str(json).map_err(invalid)?;
            check_page(&page)?;
            Ok(Output::LandingPage(page))
        }
        Job::Briefing(dossier) => {
            let briefing: ContactBriefing = serde_json::from_str(json).map_err(invalid)?;
            check_briefing(&briefing, dossier)?;
            Ok(Output::Briefing(briefing))
        }
    }
}

/// The JSON object in an answer: models wrap it in a code fence now and then.
fn extract_json(answer: &str) -> Option<&str> {
    let start = answer.find('{')?;
    let end = answer.rfind('}')?;
    (end > start).then(|| &answer[start..=end])
}

fn check_len(field: &str, value: &str, min: usize, max: usize) -> Result<(), String> {
    let n = value.trim().chars().count();
    if n < min {
        return Err(format!("{field} is empty"));
    }
    if n > max {
        return Err(format!("{field} is longer than {max} characters"));
    }
    Ok(())
}

/// The checks an email passes (generated or edited).
pub fn check_email(draft: &EmailDraft) -> Result<(), String> {
    check_len("subject", &draft.subject, 1, 150)?;
    if draft.subject.contains(['\n', '\r']) {
        return Err("subject has a line break".into());
    }
    check_len("preheader", &draft.preheader, 0, 200)?;
    check_len("html", &draft.html, 1, 200_000)?;
    check_len("text", &draft.text, 1, 100_000)?;
    for (field, value) in
        [("subject", &draft.subject), ("preheader", &draft.preheader), ("html", &draft.html), ("text", &draft.text)]
    {
        html::check_merge_fields(value)
            .map_err(|name| format!("{field} uses the unknown merge field {{{{{name}}}}}"))?;
    }
    Ok(())
}

/// The checks a post passes.
pub fn check_social(post: &SocialPost) -> Result<(), String> {
    check_len("text", &post.text, 1, post.network.max_chars())?;
    if !html::merge_fields(&post.text).is_empty() {
        return Err("text has merge fields; posts go to everyone".into());
    }
    Ok(())
}

/// The checks a landing page passes.
pub fn check_page(page: &LandingPage) -> Result<(), String> {
    check_len("title", &page.title, 1, 200)?;
    if page.sections.is_empty() || page.sections.len() > 12 {
        return Err("a page has 1 to 12 sections".into());
    }
    for (i, s) in page.sections.iter().enumerate() {
        check_len(&format!("sections[{i}].heading"), &s.heading, 1, 200)?;
        check_len(&format!("sections[{i}].body"), &s.body, 0, 5000)?;
        if s.items.len() > 20 {
            return Err(format!("sections[{i}] has more than 20 items"));
        }
        for (j, item) in s.items.iter().enumerate() {
            check_len(&format!("sections[{i}].items[{j}]"), item, 1, 500)?;
        }
    }
    Ok(())
}

fn check_briefing(briefing: &ContactBriefing, dossier: &Dossier) -> Result<(), String> {
    check_len("summary", &briefing.summary, 1, 2000)?;
    if briefing.next_steps.is_empty() || briefing.next_steps.len() > 8 {
        return Err("next_steps has 1 to 8 items".into());
    }
    if briefing.talking_points.len() > 8 {
        return Err("talking_points has at most 8 items".into());
    }
    for item in briefing.next_steps.iter().chain(&briefing.talking_points) {
        check_len("an item", item, 1, 500)?;
    }
    let known = dossier.source_ids();
    if let Some(unknown) = briefing.sources.iter().find(|s| !known.contains(&s.as_str())) {
        return Err(format!("sources names {unknown}, which is not in the data given"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email_job() -> Job {
        Job::Email(Writing { brief: "Hello".into(), ..Default::default() })
    }

    #[test]
    fn answers_are_read_from_fenced_json_and_checked() {
        let answer = "```json\n{\"subject\": \"Hi\", \"preheader\": \"\", \"html\": \"<p>Hi {{first_name}}</p><script>x</script>\", \"text\": \"Hi {{first_name}}\"}\n```";
        let Output::Email(draft) = parse_output(&email_job(), answer).unwrap() else { panic!("an email") };
        assert_eq!(draft.html, "<p>Hi {{first_name}}</p>");
        assert!(parse_output(&email_job(), "no json here").is_err());
        assert!(parse_output(&email_job(), "{\"subject\": 1}").unwrap_err().contains("shape"));
        let unknown =
            "{\"subject\": \"Hi {{shoe_size}}\", \"preheader\": \"\", \"html\": \"<p>x</p>\", \"text\": \"x\"}";
        assert!(parse_output(&email_job(), unknown).unwrap_err().contains("shoe_size"));
    }

    #[test]
    fn posts_keep_to_the_network_limit() {
        let job = Job::Social(Writing { brief: "x".into(), network: Network::X, ..Default::default() });
        let long = format!("{{\"network\": \"x\", \"text\": \"{}\"}}", "a".repeat(281));
        assert!(parse_output(&job, &long).unwrap_err().contains("280"));
        let ok = "{\"network\": \"linkedin\", \"text\": \"Short\"}";
        let Output::Social(post) = parse_output(&job, ok).unwrap() else { panic!("a post") };
        assert_eq!(post.network, Network::X, "the network asked for wins");
    }

    #[test]
    fn briefings_cite_only_given_sources() {
        let dossier = Dossier {
            timeline: vec![Activity { id: "t1".into(), kind: "call".into(), summary: "x".into(), at: "2026".into() }],
            ..Default::default()
        };
        let job = Job::Briefing(dossier);
        let good = r#"{"summary": "S", "next_steps": ["Call"], "talking_points": [], "sentiment": "neutral", "sources": ["t1"]}"#;
        assert!(parse_output(&job, good).is_ok());
        let bad = good.replace("[\"t1\"]", "[\"t9\"]");
        assert!(parse_output(&job, &bad).unwrap_err().contains("t9"));
        let mood = good.replace("neutral", "ecstatic");
        assert!(parse_output(&job, &mood).is_err());
    }
}
