//! Landing pages: a page written from a brief (sections from the landing page tool), a readable
//! unique slug, a form whose inputs are contact fields, the consent wording it shows, and what a
//! submission is tied to (a campaign, an event). Submissions are records too, so each lands on
//! the contact's timeline.

use serde::{Deserialize, Serialize};

use super::fields::{DomainError, Issues};
use crate::llm_tools::tools::Section;

/// The contact fields a form may ask for; `email` is always asked.
pub const FORM_FIELDS: [&str; 6] = ["email", "first_name", "last_name", "company", "phone", "title"];

/// Whether a page is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageStatus {
    /// Being written: not served.
    Draft,
    /// Served at `/lp/{slug}`.
    Published,
}

impl PageStatus {
    /// Wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            PageStatus::Draft => "draft",
            PageStatus::Published => "published",
        }
    }
}

/// A landing page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Id (UUIDv7).
    pub id: String,
    /// Title.
    pub title: String,
    /// Readable unique address (`/lp/<slug>`).
    pub slug: String,
    /// Sections, top to bottom.
    pub sections: Vec<Section>,
    /// The form's inputs (contact fields, `email` first).
    pub fields: Vec<String>,
    /// The consent checkbox's wording, recorded with each consent given.
    pub consent_text: String,
    /// The campaign its leads are attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
    /// The event a submission registers for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Where to send the visitor after submitting (a path of this site), instead of the
    /// thank-you page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_url: Option<String>,
    /// Double opt-in: a ticked consent box is recorded only once the visitor follows the link
    /// of the confirmation email sent to the address they typed.
    #[serde(default)]
    pub double_opt_in: bool,
    /// Draft or published.
    pub status: PageStatus,
    /// When it was last published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// 1 on create, +1 per change.
    pub version: i64,
    /// Creation time.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
}

/// A validated change (`None`: unchanged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PagePatch {
    /// Title.
    pub title: Option<String>,
    /// Slug.
    pub slug: Option<String>,
    /// Sections.
    pub sections: Option<Vec<Section>>,
    /// Form inputs.
    pub fields: Option<Vec<String>>,
    /// Consent wording.
    pub consent_text: Option<String>,
    /// Campaign (`Some(None)` unlinks).
    pub campaign_id: Option<Option<String>>,
    /// Event (`Some(None)` unlinks).
    pub event_id: Option<Option<String>>,
    /// Redirect (`Some(None)` removes).
    pub redirect_url: Option<Option<String>>,
    /// Double opt-in.
    pub double_opt_in: Option<bool>,
}

/// Untrusted fields of a page.
#[derive(Debug, Clone, Default)]
pub struct PageInput {
    /// Title.
    pub title: Option<Option<String>>,
    /// Slug.
    pub slug: Option<Option<String>>,
    /// Sections.
    pub sections: Option<Vec<Section>>,
    /// Form inputs.
    pub fields: Option<Vec<String>>,
    /// Consent wording.
    pub consent_text: Option<Option<String>>,
    /// Campaign.
    pub campaign_id: Option<Option<String>>,
    /// Event.
    pub event_id: Option<Option<String>>,
    /// Redirect.
    pub redirect_url: Option<Option<String>>,
    /// Double opt-in.
    pub double_opt_in: Option<bool>,
}

/// The consent wording a page shows when none is given.
pub const DEFAULT_CONSENT: &str =
    "Yes, you may email me about this and similar events and offers. I can unsubscribe at any time.";

/// A readable slug from a title: lower-case ASCII letters and digits joined by `-`, at most 60
/// characters (`page` when nothing is left).
pub fn slugify(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(|c| c.to_lowercase()) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "page".into()
    } else {
        slug
    }
}

/// Whether `slug` is one we would make: `a-z0-9` words joined by `-`, at most 80 characters.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 80
        && slug.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn check_sections(issues: &mut Issues, sections: &[Section]) {
    if sections.len() > 30 {
        issues.add("sections", "at most 30 sections");
    }
    for (i, s) in sections.iter().enumerate() {
        let field = |f: &str| format!("sections[{i}].{f}");
        for (f, text, max) in [("heading", &s.heading, 200), ("body", &s.body, 5000)] {
            if text.chars().count() > max {
                issues.add(field(f), format!("must be at most {max} characters"));
            }
        }
        if s.items.len() > 20 || s.items.iter().any(|t| t.chars().count() > 300) {
            issues.add(field("items"), "at most 20 items of 300 characters");
        }
        if s.cta_label.as_ref().is_some_and(|l| l.chars().count() > 60) {
            issues.add(field("cta_label"), "must be at most 60 characters");
        }
    }
}

impl PagePatch {
    /// Validates untrusted fields.
    pub fn parse(input: PageInput) -> Result<Self, DomainError> {
        let mut issues = Issues::default();
        let title = input.title.map(|t| issues.required_text("title", t, 200));
        let slug = input.slug.map(|s| {
            let s = s.map(|s| s.trim().to_ascii_lowercase()).unwrap_or_default();
            if !valid_slug(&s) {
                issues.add("slug", "must be lower-case letters and digits joined by hyphens, such as spring-summit");
            }
            s
        });
        if let Some(sections) = &input.sections {
            check_sections(&mut issues, sections);
        }
        let fields = input.fields.map(|fields| {
            let mut out = vec!["email".to_string()];
            for (i, f) in fields.iter().enumerate() {
                let f = f.trim().to_ascii_lowercase();
                if !FORM_FIELDS.contains(&f.as_str()) {
                    issues.add(format!("fields[{i}]"), format!("must be one of {}", FORM_FIELDS.join(", ")));
                } else if !out.contains(&f) {
                    out.push(f);
                }
            }
            out
        });
        let consent_text = input.consent_text.map(|t| issues.required_text("consent_text", t, 1000));
        let uuid = |issues: &mut Issues, field: &str, v: Option<Option<String>>| {
            v.map(|v| {
                let v = v.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())?;
                let id = super::ids::parse_id(&v);
                if id.is_none() {
                    issues.add(field, "must be a UUID");
                }
                id
            })
        };
        let campaign_id = uuid(&mut issues, "campaign_id", input.campaign_id);
        let event_id = uuid(&mut issues, "event_id", input.event_id);
        let redirect_url = input.redirect_url.map(|r| {
            let r = issues.text("redirect_url", r, 500)?;
            let same_site = r.starts_with('/') && !r.starts_with("//") && !r.contains(['\\', ' ', '\t']);
            if !same_site {
                issues.add("redirect_url", "must be a path of this site, such as /thanks");
            }
            Some(r)
        });
        issues.finish(PagePatch {
            title,
            slug,
            sections: input.sections,
            fields,
            consent_text,
            campaign_id,
            event_id,
            redirect_url,
            double_opt_in: input.double_opt_in,
        })
    }
}

impl Page {
    /// A new draft from a patch with at least a title (the slug from the title unless given).
    pub fn create(id: String, patch: PagePatch, now: &str) -> Result<Page, DomainError> {
        let Some(title) = patch.title.clone() else {
            return Err(DomainError::Invalid(vec![super::fields::FieldIssue {
                field: "title".into(),
                message: "is required".into(),
            }]));
        };
        let page = Page {
            id,
            slug: slugify(&title),
            title,
            sections: Vec::new(),
            fields: vec!["email".into(), "first_name".into(), "last_name".into()],
            consent_text: DEFAULT_CONSENT.into(),
            campaign_id: None,
            event_id: None,
            redirect_url: None,
            double_opt_in: false,
            status: PageStatus::Draft,
            published_at: None,
            version: 0,
            created_at: now.to_string(),
            updated_at: now.to_string(),
        };
        Ok(page.apply(patch, now))
    }

    /// The page after `patch`, one version later.
    pub fn apply(&self, patch: PagePatch, now: &str) -> Page {
        let mut next = self.clone();
        if let Some(v) = patch.title {
            next.title = v;
        }
        if let Some(v) = patch.slug {
            next.slug = v;
        }
        if let Some(v) = patch.sections {
            next.sections = v;
        }
        if let Some(v) = patch.fields {
            next.fields = v;
        }
        if let Some(v) = patch.consent_text {
            next.consent_text = v;
        }
        if let Some(v) = patch.campaign_id {
            next.campaign_id = v;
        }
        if let Some(v) = patch.event_id {
            next.event_id = v;
        }
        if let Some(v) = patch.redirect_url {
            next.redirect_url = v;
        }
        if let Some(v) = patch.double_opt_in {
            next.double_opt_in = v;
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }

    /// The page published (or unpublished) at `now`, one version later.
    pub fn with_status(&self, status: PageStatus, now: &str) -> Page {
        let mut next = self.clone();
        next.status = status;
        if status == PageStatus::Published {
            next.published_at = Some(now.to_string());
        }
        next.version = self.version + 1;
        next.updated_at = now.to_string();
        next
    }
}

/// UTM parameters of a visit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Utm {
    /// `utm_source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `utm_medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<String>,
    /// `utm_campaign`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
    /// `utm_term`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// `utm_content`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

/// One form submission: who, from which page, how they came.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// Id (UUIDv7).
    pub id: String,
    /// The page.
    pub page_id: String,
    /// The page's title then (for the contact's timeline).
    pub page_title: String,
    /// The contact it created or updated.
    pub contact_id: String,
    /// The campaign the lead is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<String>,
    /// The event it registered for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// The company name typed in the form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// UTM parameters.
    #[serde(default)]
    pub utm: Utm,
    /// The referring page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrer: Option<String>,
    /// Whether the consent box was ticked.
    pub consented: bool,
    /// The consent wording the visitor saw (when they ticked the box).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent_text: Option<String>,
    /// The page asked for double opt-in: the consent is recorded when the emailed link is
    /// followed ([`Submission::awaiting_confirmation`] until then).
    #[serde(default)]
    pub confirm_by_email: bool,
    /// When the visitor followed the confirmation link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<String>,
    /// 1; 2 once its consent is confirmed.
    pub version: i64,
    /// When.
    pub created_at: String,
    /// Same.
    pub updated_at: String,
}

impl Submission {
    /// Whether its consent waits for the visitor to follow the confirmation email's link.
    pub fn awaiting_confirmation(&self) -> bool {
        self.consented && self.confirm_by_email && self.confirmed_at.is_none()
    }

    /// The submission with its consent confirmed at `now`, one version later.
    pub fn confirmed(&self, now: &str) -> Submission {
        Submission {
            confirmed_at: Some(now.to_string()),
            version: self.version + 1,
            updated_at: now.to_string(),
            ..self.clone()
        }
    }
}

/// What consent confirmation tokens sign.
const CONFIRM_LABEL: &[u8] = b"crm-confirm-consent-v1";

/// The token of a submission's consent confirmation link (`/confirm/{token}`).
pub fn confirm_token(key: &[u8], submission_id: &str) -> Option<String> {
    super::signature::id_token(key, CONFIRM_LABEL, submission_id)
}

/// The submission a confirmation token names, when `key` signed it; anything else is `None`.
pub fn verify_confirm_token(key: &[u8], token: &str) -> Option<String> {
    super::signature::verify_id_token(key, CONFIRM_LABEL, token)
}

/// Bytes of the signature kept in a form token.
const FORM_MAC_LEN: usize = 12;

fn form_mac(key: &[u8], page_id: &str, at_ms: i64) -> [u8; 32] {
    super::signature::token_mac(key, b"crm-form-v1", &[page_id.as_bytes(), &at_ms.to_be_bytes()])
}

/// The hidden field of a rendered form: when it was rendered, signed, so a submission can tell
/// how long the visitor took (bots fill forms in milliseconds).
pub fn form_token(key: &[u8], page_id: &str, at_ms: i64) -> String {
    use base64::Engine;
    let mut bytes = at_ms.to_be_bytes().to_vec();
    bytes.extend_from_slice(&form_mac(key, page_id, at_ms)[..FORM_MAC_LEN]);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// When the form behind `token` was rendered, if `key` signed it for this page.
pub fn form_rendered_at(key: &[u8], page_id: &str, token: &str) -> Option<i64> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token.trim().as_bytes()).ok()?;
    if bytes.len() != 8 + FORM_MAC_LEN {
        return None;
    }
    let at = i64::from_be_bytes(bytes[..8].try_into().ok()?);
    let expected = form_mac(key, page_id, at);
    super::signature::same(&expected[..FORM_MAC_LEN], &bytes[8..]).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_and_checked() {
        assert_eq!(slugify("Spring Summit 2027: Lisbon!"), "spring-summit-2027-lisbon");
        assert_eq!(slugify("Café Économie"), "cafe-economie");
        assert_eq!(slugify("!!!"), "page");
        assert!(slugify(&"long ".repeat(40)).len() <= 60);
        assert!(valid_slug("spring-summit") && !valid_slug("Spring") && !valid_slug("a--b") && !valid_slug("-a"));
    }

    #[test]
    fn bad_fields_are_reported() {
        let err = PagePatch::parse(PageInput {
            title: Some(Some(" ".into())),
            slug: Some(Some("Not A Slug".into())),
            fields: Some(vec!["first_name".into(), "password".into()]),
            redirect_url: Some(Some("//evil.example/x".into())),
            campaign_id: Some(Some("nope".into())),
            ..Default::default()
        })
        .unwrap_err();
        let DomainError::Invalid(issues) = err else { panic!() };
        let mut fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        fields.sort();
        assert_eq!(fields, ["campaign_id", "fields[1]", "redirect_url", "slug", "title"]);
        let ok = PagePatch::parse(PageInput {
            fields: Some(vec!["phone".into(), "email".into(), "phone".into()]),
            redirect_url: Some(Some("/thanks?x=1".into())),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.fields.unwrap(), ["email", "phone"], "email first, once each");
    }

    #[test]
    fn form_tokens_carry_their_time_and_resist_tampering() {
        let token = form_token(b"k", "p1", 1_700_000_000_000);
        assert_eq!(form_rendered_at(b"k", "p1", &token), Some(1_700_000_000_000));
        assert_eq!(form_rendered_at(b"k", "p2", &token), None, "another page's token");
        assert_eq!(form_rendered_at(b"other", "p1", &token), None);
        assert_eq!(form_rendered_at(b"k", "p1", "garbage"), None);
    }
}
