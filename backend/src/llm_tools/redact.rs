//! `llm.redact`: email addresses and phone numbers leave the process as placeholders
//! (`[EMAIL_1]`, `[PHONE_1]`) and come back in the model's answer as they were.

use std::sync::OnceLock;

use regex::Regex;

fn email_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}").expect("a valid pattern")
    })
}

fn phone_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    // A leading `+` or digit, 7 to 15 digits in all, with the usual separators between them.
    PATTERN.get_or_init(|| Regex::new(r"\+?\d(?:[\s().\-]*\d){6,14}").expect("a valid pattern"))
}

/// Whether a run of digits is a phone number rather than a date, an amount or part of an id:
/// it starts with `+` or has a space, hyphen or bracket between digits, it is not `YYYY-MM-DD`,
/// and no letter, digit or hyphen touches it.
fn looks_like_phone(found: &str, before: Option<char>, after: Option<char>) -> bool {
    let touches = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if touches(before) || touches(after) {
        return false;
    }
    let b = found.as_bytes();
    let date = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let separated = found.contains([' ', '-', '(', ')']);
    !date && (found.starts_with('+') || separated)
}

/// The placeholders of one prompt and what they stand for.
#[derive(Debug, Default, Clone)]
pub struct Redactions {
    pairs: Vec<(String, String)>,
}

impl Redactions {
    fn placeholder(&mut self, kind: &str, original: &str) -> String {
        if let Some((p, _)) = self.pairs.iter().find(|(_, o)| o == original) {
            return p.clone();
        }
        let n = self.pairs.iter().filter(|(p, _)| p.starts_with(&format!("[{kind}_"))).count() + 1;
        let placeholder = format!("[{kind}_{n}]");
        self.pairs.push((placeholder.clone(), original.to_string()));
        placeholder
    }

    /// `text` with every email address and phone number replaced by its placeholder.
    pub fn redact(&mut self, text: &str) -> String {
        let emails = email_pattern().replace_all(text, |c: &regex::Captures<'_>| self.placeholder("EMAIL", &c[0]));
        let emails = emails.into_owned();
        let mut out = String::with_capacity(emails.len());
        let mut last = 0;
        for m in phone_pattern().find_iter(&emails) {
            out.push_str(&emails[last..m.start()]);
            let before = emails[..m.start()].chars().next_back();
            let after = emails[m.end()..].chars().next();
            if looks_like_phone(m.as_str(), before, after) {
                out.push_str(&self.placeholder("PHONE", m.as_str()));
            } else {
                out.push_str(m.as_str());
            }
            last = m.end();
        }
        out.push_str(&emails[last..]);
        out
    }

    /// `text` with the placeholders put back (inside JSON strings: the originals are escaped).
    pub fn restore_json(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (placeholder, original) in &self.pairs {
            let escaped = serde_json::to_string(original).unwrap_or_default();
            out = out.replace(placeholder, escaped.trim_matches('"'));
        }
        out
    }

    /// Whether anything was replaced.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_phones_go_out_as_placeholders_and_come_back() {
        let mut r = Redactions::default();
        let prompt = r#"{"email":"ada.l+crm@example.co.uk","phone":"+44 (20) 7946-0958","again":"ada.l+crm@example.co.uk","year":"2026-05-12","at":"2026-05-12T18:00:00Z","id":"0190f0a4-7c1e-7000-8000-000000000001","amount":"EUR 12000.00"}"#;
        let sent = r.redact(prompt);
        assert!(!sent.contains("ada.l"), "{sent}");
        assert!(!sent.contains("7946"), "{sent}");
        assert!(sent.contains("[EMAIL_1]") && sent.contains("[PHONE_1]"), "{sent}");
        assert_eq!(sent.matches("[EMAIL_1]").count(), 2, "one placeholder per address");
        for kept in ["2026-05-12\"", "2026-05-12T18:00:00Z", "7000-8000-000000000001", "12000.00"] {
            assert!(sent.contains(kept), "{kept} is not a phone number: {sent}");
        }
        let answer = r#"{"text": "Write to [EMAIL_1] or call [PHONE_1]."}"#;
        assert_eq!(
            r.restore_json(answer),
            r#"{"text": "Write to ada.l+crm@example.co.uk or call +44 (20) 7946-0958."}"#
        );
    }
}
