//! Tracking and unsubscribe links: signed tokens naming a campaign's message to a contact and
//! what the link does, and the rendering of a message for its recipient (merge fields filled,
//! links rewritten to the click tracker, an open pixel, the unsubscribe link).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::llm_tools::html::{escape, fill};
use crate::llm_tools::tools::EmailDraft;

/// Bytes of the signature kept in a token.
const MAC_LEN: usize = 16;

/// What a token's link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The open pixel.
    Open,
    /// The n-th link of the message.
    Click(u16),
    /// Unsubscribe.
    Unsubscribe,
}

/// A campaign's message to a contact, and what the link does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Campaign id (a UUID).
    pub campaign_id: String,
    /// Contact id (a UUID).
    pub contact_id: String,
    /// What the link does.
    pub action: Action,
}

fn mac(key: &[u8], payload: &[u8]) -> [u8; 32] {
    super::signature::token_mac(key, b"crm-tracking-v1", &[payload])
}

impl Token {
    fn payload(&self) -> Option<Vec<u8>> {
        let campaign = uuid::Uuid::parse_str(&self.campaign_id).ok()?;
        let contact = uuid::Uuid::parse_str(&self.contact_id).ok()?;
        let (kind, n) = match self.action {
            Action::Open => (b'o', 0u16),
            Action::Click(n) => (b'c', n),
            Action::Unsubscribe => (b'u', 0),
        };
        let mut p = Vec::with_capacity(35);
        p.push(kind);
        p.extend_from_slice(campaign.as_bytes());
        p.extend_from_slice(contact.as_bytes());
        p.extend_from_slice(&n.to_be_bytes());
        Some(p)
    }

    /// The token signed with `key` (URL-safe); `None` when the ids are not UUIDs.
    pub fn sign(&self, key: &[u8]) -> Option<String> {
        let mut p = self.payload()?;
        let m = mac(key, &p);
        p.extend_from_slice(&m[..MAC_LEN]);
        Some(URL_SAFE_NO_PAD.encode(p))
    }

    /// The token a string carries, when `key` signed it; anything altered is `None`.
    pub fn verify(key: &[u8], raw: &str) -> Option<Token> {
        let bytes = URL_SAFE_NO_PAD.decode(raw.as_bytes()).ok()?;
        if bytes.len() != 35 + MAC_LEN {
            return None;
        }
        let (p, sig) = bytes.split_at(35);
        let expected = mac(key, p);
        // Constant time: every byte is compared.
        if !super::signature::same(&expected[..MAC_LEN], sig) {
            return None;
        }
        let uuid = |b: &[u8]| uuid::Uuid::from_slice(b).ok().map(|u| u.to_string());
        let n = u16::from_be_bytes([p[33], p[34]]);
        let action = match p[0] {
            b'o' => Action::Open,
            b'c' => Action::Click(n),
            b'u' => Action::Unsubscribe,
            _ => return None,
        };
        Some(Token { campaign_id: uuid(&p[1..17])?, contact_id: uuid(&p[17..33])?, action })
    }
}

/// A message ready for its recipient.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    /// Subject.
    pub subject: String,
    /// HTML body: links go through the click tracker, an open pixel at the end.
    pub html: String,
    /// Plain-text body.
    pub text: String,
    /// The one-click unsubscribe URL (also the `List-Unsubscribe` header).
    pub unsubscribe_url: String,
    /// The links the message contains, in order: the only places its click links lead to.
    pub links: Vec<String>,
}

/// Undoes the escaping of an attribute value written by the sanitiser.
fn unescape(value: &str) -> String {
    value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The `http(s)` links of `html`'s `href="..."` attributes but `untracked`, and the HTML with
/// each replaced by `link_for(n)`.
fn rewrite_links(html: &str, untracked: &str, link_for: impl Fn(u16) -> String) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len());
    let mut links = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("href=\"") {
        let value_start = start + 6;
        let Some(len) = rest[value_start..].find('"') else { break };
        let value = unescape(&rest[value_start..value_start + len]);
        out.push_str(&rest[..value_start]);
        let lower = value.to_ascii_lowercase();
        let web = lower.starts_with("http://") || lower.starts_with("https://");
        if web && value != untracked && links.len() < usize::from(u16::MAX) {
            out.push_str(&escape(&link_for(links.len() as u16)));
            links.push(value);
        } else {
            out.push_str(&rest[value_start..value_start + len]);
        }
        rest = &rest[value_start + len..];
    }
    out.push_str(rest);
    (out, links)
}

/// The email `draft` for a recipient: merge fields from `value_of`; with `base_url` and `key`,
/// tracked links, an open pixel and the unsubscribe URL of the message's token.
pub fn render(
    draft: &EmailDraft,
    value_of: &dyn Fn(&str) -> Option<String>,
    base_url: &str,
    key: &[u8],
    campaign_id: &str,
    contact_id: &str,
) -> Rendered {
    let base = base_url.trim_end_matches('/');
    let url = |path: &str, action: Action| {
        let token = Token { campaign_id: campaign_id.into(), contact_id: contact_id.into(), action }
            .sign(key)
            .unwrap_or_default();
        format!("{base}/{path}/{token}")
    };
    let unsubscribe_url = url("u", Action::Unsubscribe);
    let values = |name: &str| if name == "unsubscribe_url" { Some(unsubscribe_url.clone()) } else { value_of(name) };
    let html = fill(&draft.html, true, values);
    let (mut html, links) = rewrite_links(&html, &unsubscribe_url, |n| url("t/c", Action::Click(n)));
    html.push_str(&format!(
        "<p style=\"font-size: 12px; color: #555555\"><a href=\"{}\">Unsubscribe</a></p>\
         <img src=\"{}\" width=\"1\" height=\"1\" alt=\"\">",
        escape(&unsubscribe_url),
        escape(&url("t/o", Action::Open))
    ));
    let mut text = fill(&draft.text, false, values);
    text.push_str(&format!("\n\nUnsubscribe: {unsubscribe_url}\n"));
    Rendered { subject: fill(&draft.subject, false, values), html, text, unsubscribe_url, links }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test-key";
    const CAMPAIGN: &str = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8c";
    const CONTACT: &str = "01932c07-a8f4-7b43-9d2a-0c1e5f6a7b8d";

    fn token(action: Action) -> Token {
        Token { campaign_id: CAMPAIGN.into(), contact_id: CONTACT.into(), action }
    }

    #[test]
    fn tokens_round_trip_and_any_change_breaks_them() {
        for action in [Action::Open, Action::Click(7), Action::Unsubscribe] {
            let signed = token(action).sign(KEY).unwrap();
            assert_eq!(Token::verify(KEY, &signed), Some(token(action)));
            assert_eq!(Token::verify(b"other-key", &signed), None);
            let mut bytes = URL_SAFE_NO_PAD.decode(&signed).unwrap();
            for i in 0..bytes.len() {
                bytes[i] ^= 1;
                assert_eq!(Token::verify(KEY, &URL_SAFE_NO_PAD.encode(&bytes)), None, "byte {i} flipped");
                bytes[i] ^= 1;
            }
        }
        assert_eq!(Token::verify(KEY, "not-a-token"), None);
        assert_eq!(Token::verify(KEY, ""), None);
        assert!(Token { contact_id: "nope".into(), ..token(Action::Open) }.sign(KEY).is_none());
    }

    #[test]
    fn a_rendered_email_tracks_its_links_and_carries_its_unsubscribe_link() {
        let draft = EmailDraft {
            subject: "Hi {{first_name}}".into(),
            preheader: String::new(),
            html: "<p>Hello {{first_name}}</p><a href=\"https://example.com/a?x=1&amp;y=2\">A</a>\
                   <a href=\"mailto:x@example.com\">mail</a><a href=\"{{unsubscribe_url}}\">stop</a>"
                .into(),
            text: "Hello {{first_name}}".into(),
        };
        let values = |name: &str| (name == "first_name").then(|| "<Ann>".to_string());
        let r = render(&draft, &values, "https://crm.example.com/", KEY, CAMPAIGN, CONTACT);
        assert_eq!(r.subject, "Hi <Ann>");
        assert!(r.html.contains("Hello &lt;Ann&gt;"), "{}", r.html);
        assert_eq!(r.links[0], "https://example.com/a?x=1&y=2");
        assert!(r.links.iter().all(|l| !l.contains("/u/")), "the unsubscribe link is no tracked click");
        assert!(r.html.contains("mailto:x@example.com"));
        assert!(r.html.contains("https://crm.example.com/t/c/"));
        assert!(r.html.contains("https://crm.example.com/t/o/"));
        assert!(r.unsubscribe_url.starts_with("https://crm.example.com/u/"));
        assert!(r.text.contains(&r.unsubscribe_url));
        let click = r.html.split("/t/c/").nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(Token::verify(KEY, click).unwrap().action, Action::Click(0));
    }
}
