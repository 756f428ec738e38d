//! Field-level validation shared by every entity: collected issues and text normalisers.

use std::fmt;

/// One invalid input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// Field path, e.g. `email` or `tags[1]`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// Errors every entity's rules can report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    /// Some fields are invalid.
    Invalid(Vec<FieldIssue>),
    /// A status change the state machine forbids.
    InvalidTransition { from: String, to: String },
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(issues) => write!(f, "{} invalid field(s)", issues.len()),
            Self::InvalidTransition { from, to } => write!(f, "status cannot change from {from} to {to}"),
        }
    }
}

impl std::error::Error for DomainError {}

/// Collects issues while a request is turned into a domain value.
#[derive(Debug, Default)]
pub struct Issues(Vec<FieldIssue>);

impl Issues {
    /// Records one issue.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldIssue { field: field.into(), message: message.into() });
    }

    /// Whether an issue was recorded on `field`.
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|i| i.field == field)
    }

    /// `Ok(value)` when nothing was recorded, else every issue.
    pub fn finish<T>(self, value: T) -> Result<T, DomainError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(DomainError::Invalid(self.0))
        }
    }

    /// Normalises optional free text: trimmed, empty becomes `None`, at most `max` characters.
    pub fn text(&mut self, field: &str, value: Option<String>, max: usize) -> Option<String> {
        let value = value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())?;
        if value.chars().count() > max {
            self.add(field, format!("must be at most {max} characters"));
        }
        if value.chars().any(|c| c == '\0') {
            self.add(field, "must not contain NUL characters");
        }
        Some(value)
    }

    /// Like [`Issues::text`], but the field must be present and non-empty.
    pub fn required_text(&mut self, field: &str, value: Option<String>, max: usize) -> String {
        match self.text(field, value, max) {
            Some(v) => v,
            None => {
                self.add(field, "is required");
                String::new()
            }
        }
    }
}

/// Parses and normalises an email address: trimmed and lower-cased.
pub fn parse_email(raw: &str) -> Result<String, &'static str> {
    use validator::ValidateEmail;
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        return Err("is required");
    }
    if email.len() > 254 {
        return Err("must be at most 254 characters");
    }
    if !email.validate_email() {
        return Err("is not a valid email address");
    }
    Ok(email)
}

/// Normalises a tag list: trimmed, lower-cased, de-duplicated, order kept.
pub fn parse_tags(issues: &mut Issues, raw: Vec<String>) -> Vec<String> {
    const MAX_TAGS: usize = 50;
    const MAX_LEN: usize = 64;
    if raw.len() > MAX_TAGS {
        issues.add("tags", format!("at most {MAX_TAGS} tags"));
    }
    let mut tags: Vec<String> = Vec::with_capacity(raw.len());
    for (i, tag) in raw.into_iter().enumerate() {
        let tag = tag.trim().to_lowercase();
        if tag.is_empty() {
            issues.add(format!("tags[{i}]"), "must not be empty");
        } else if tag.chars().count() > MAX_LEN {
            issues.add(format!("tags[{i}]"), format!("must be at most {MAX_LEN} characters"));
        } else if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Validates a phone number loosely: digits and the usual punctuation.
pub fn check_phone(issues: &mut Issues, phone: &Option<String>) {
    if let Some(p) = phone {
        let ok_chars = p.chars().all(|c| c.is_ascii_digit() || " +-().x/".contains(c));
        let digits = p.chars().filter(char::is_ascii_digit).count();
        if !ok_chars || !(3..=20).contains(&digits) {
            issues.add("phone", "must be a phone number (3 to 20 digits, optional + - ( ) . x)");
        }
    }
}

/// Validates a domain name such as `acme.com`, lower-casing it.
pub fn parse_domain(issues: &mut Issues, domain: Option<String>) -> Option<String> {
    let d = domain?.to_lowercase();
    let valid = d.len() <= 253
        && d.contains('.')
        && d.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !valid {
        issues.add("domain", "must be a domain name such as example.com");
    }
    Some(d)
}

/// Validates a website: an http(s) URL or a bare host, no spaces.
pub fn check_website(issues: &mut Issues, website: &Option<String>) {
    if let Some(w) = website {
        if w.chars().any(char::is_whitespace) || w.len() > 2048 || !w.contains('.') {
            issues.add("website", "must be a URL such as https://example.com");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_trimmed_and_lowercased() {
        assert_eq!(parse_email("  Ann@Example.COM ").unwrap(), "ann@example.com");
        assert!(parse_email("not-an-email").is_err());
        assert!(parse_email("").is_err());
        assert!(parse_email("a b@example.com").is_err());
    }

    #[test]
    fn tags_are_normalised_and_deduplicated() {
        let mut issues = Issues::default();
        let tags = parse_tags(&mut issues, vec![" VIP ".into(), "vip".into(), "Partner".into()]);
        assert_eq!(tags, vec!["vip", "partner"]);
        assert!(issues.finish(()).is_ok());
        let mut issues = Issues::default();
        parse_tags(&mut issues, vec!["".into()]);
        assert!(issues.finish(()).is_err());
    }

    #[test]
    fn text_trims_limits_and_drops_empty() {
        let mut issues = Issues::default();
        assert_eq!(issues.text("f", Some("  ".into()), 5), None);
        assert_eq!(issues.text("f", Some(" ab ".into()), 5).as_deref(), Some("ab"));
        issues.text("f", Some("abcdef".into()), 5);
        assert!(issues.finish(()).is_err());
    }

    #[test]
    fn phone_and_domain_rules() {
        let mut issues = Issues::default();
        check_phone(&mut issues, &Some("+1 (555) 010-9999".into()));
        assert_eq!(parse_domain(&mut issues, Some("Acme.COM".into())).as_deref(), Some("acme.com"));
        assert!(issues.finish(()).is_ok());
        let mut issues = Issues::default();
        check_phone(&mut issues, &Some("call me".into()));
        parse_domain(&mut issues, Some("not a domain".into()));
        match issues.finish(()) {
            Err(DomainError::Invalid(v)) => assert_eq!(v.len(), 2),
            other => panic!("unexpected {other:?}"),
        }
    }
}
