//! Duplicate contacts: what makes two contacts the same person, and the keys that find the
//! candidates through an index.

use serde::{Deserialize, Serialize};

use super::contacts::Contact;

/// Why two contacts look like one person, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The same address once case, `+tags` and (for providers that ignore them) dots are set aside.
    SameEmail,
    /// The same number in E.164.
    SamePhone,
    /// The same full name at the same company.
    SameNameSameCompany,
    /// Names this close (Jaro-Winkler >= [`SIMILAR`]) at the same company.
    SimilarNameSameCompany,
}

impl Reason {
    /// The stored and served name.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::SameEmail => "same_email",
            Reason::SamePhone => "same_phone",
            Reason::SameNameSameCompany => "same_name_same_company",
            Reason::SimilarNameSameCompany => "similar_name_same_company",
        }
    }

    /// The reason named `s`.
    pub fn parse(s: &str) -> Option<Self> {
        [Reason::SameEmail, Reason::SamePhone, Reason::SameNameSameCompany, Reason::SimilarNameSameCompany]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// The Jaro-Winkler similarity from which two names at one company count as the same person.
pub const SIMILAR: f64 = 0.92;

/// Mail providers that deliver `a.b@` to `ab@`; the value is the domain they are one under.
const DOTLESS: [(&str, &str); 2] = [("gmail.com", "gmail.com"), ("googlemail.com", "gmail.com")];

/// The address a mailbox receives: lower case, without `+tag`, without dots where the provider
/// ignores them.
pub fn canonical_email(email: &str) -> String {
    let email = email.trim().to_lowercase();
    let Some((local, domain)) = email.rsplit_once('@') else { return email };
    let local = local.split('+').next().unwrap_or(local);
    match DOTLESS.iter().find(|(d, _)| *d == domain) {
        Some((_, one)) => format!("{}@{one}", local.replace('.', "")),
        None => format!("{local}@{domain}"),
    }
}

/// The number in E.164 (`+` and digits) when it is written with its country code (`+44 ...` or
/// `0044 ...`); a national number cannot be compared without knowing its country.
pub fn e164(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let phone = phone.split(['x', 'X']).next().unwrap_or(phone); // an extension is not the line
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = if phone.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else {
        return None;
    };
    (8..=15).contains(&international.len()).then(|| format!("+{international}"))
}

/// The full name folded to lower-case ASCII with single spaces; `None` without a name.
pub fn folded_name(contact: &Contact) -> Option<String> {
    let full =
        format!("{} {}", contact.first_name.as_deref().unwrap_or(""), contact.last_name.as_deref().unwrap_or(""));
    let folded = deunicode::deunicode(&full).to_lowercase();
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Letters of a name that two similar names are expected to share (the blocking key of the
/// similar-name check).
const BLOCK: usize = 3;

/// The index keys under which a contact's look-alikes are found (stored among its facets):
/// `d=e:<address>`, `d=p:<number>`, and at its company the first letters of its first and of its
/// last name (`d=f:<company>:<ada>`, `d=l:<company>:<lov>`), so similar names are compared among
/// the few contacts of the company that share either, never all of its contacts.
pub fn keys(contact: &Contact) -> Vec<String> {
    let mut keys = vec![format!("d=e:{}", canonical_email(&contact.email))];
    if let Some(p) = contact.phone.as_deref().and_then(e164) {
        keys.push(format!("d=p:{p}"));
    }
    if let Some(company) = &contact.company_id {
        let start = |name: &Option<String>| {
            let folded = deunicode::deunicode(name.as_deref().unwrap_or("")).to_lowercase();
            let letters: String = folded.chars().filter(char::is_ascii_alphanumeric).take(BLOCK).collect();
            (!letters.is_empty()).then_some(letters)
        };
        if let Some(first) = start(&contact.first_name) {
            keys.push(format!("d=f:{company}:{first}"));
        }
        if let Some(last) = start(&contact.last_name) {
            keys.push(format!("d=l:{company}:{last}"));
        }
    }
    keys
}

/// Why `a` and `b` look like one person, if they do.
pub fn reason(a: &Contact, b: &Contact) -> Option<Reason> {
    if a.id == b.id {
        return None;
    }
    if canonical_email(&a.email) == canonical_email(&b.email) {
        return Some(Reason::SameEmail);
    }
    if let (Some(pa), Some(pb)) = (a.phone.as_deref().and_then(e164), b.phone.as_deref().and_then(e164)) {
        if pa == pb {
            return Some(Reason::SamePhone);
        }
    }
    if a.company_id.is_some() && a.company_id == b.company_id {
        if let (Some(na), Some(nb)) = (folded_name(a), folded_name(b)) {
            if na == nb {
                return Some(Reason::SameNameSameCompany);
            }
            if jaro_winkler(&na, &nb) >= SIMILAR {
                return Some(Reason::SimilarNameSameCompany);
            }
        }
    }
    None
}

/// The id of the pair `{a, b}` whichever order they come in.
pub fn pair_id(a: &str, b: &str) -> String {
    if a < b {
        format!("{a}_{b}")
    } else {
        format!("{b}_{a}")
    }
}

/// Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal).
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() || b.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_hit = vec![false; a.len()];
    let mut b_hit = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && b[j] == *ca {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let a_matched = a.iter().zip(&a_hit).filter(|(_, h)| **h).map(|(c, _)| c);
    let b_matched = b.iter().zip(&b_hit).filter(|(_, h)| **h).map(|(c, _)| c);
    let transpositions = a_matched.zip(b_matched).filter(|(x, y)| x != y).count() / 2;
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64) / m) / 3.0;
    let prefix = a.iter().zip(&b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(id: &str, email: &str) -> Contact {
        serde_json::from_value(serde_json::json!({
            "id": id, "email": email, "status": "lead", "tags": [], "version": 1,
            "created_at": "2026-01-01T00:00:00.000000Z", "updated_at": "2026-01-01T00:00:00.000000Z"
        }))
        .unwrap()
    }

    #[test]
    fn addresses_are_one_mailbox_without_case_tags_and_gmail_dots() {
        assert_eq!(canonical_email("Ada.Lovelace+news@GMail.com"), "adalovelace@gmail.com");
        assert_eq!(canonical_email("ada.lovelace@googlemail.com"), "adalovelace@gmail.com");
        assert_eq!(canonical_email("Ada.Lovelace+x@example.com"), "ada.lovelace@example.com");
        assert_ne!(canonical_email("a.b@example.com"), canonical_email("ab@example.com"));
    }

    #[test]
    fn phones_with_a_country_code_become_e164() {
        assert_eq!(e164("+44 20 7946 0958").as_deref(), Some("+442079460958"));
        assert_eq!(e164("0044 (20) 7946-0958").as_deref(), Some("+442079460958"));
        assert_eq!(e164("+1 555 010 0000 x12").as_deref(), Some("+15550100000"));
        assert_eq!(e164("020 7946 0958"), None);
        assert_eq!(e164("+12"), None);
    }

    #[test]
    fn reasons_go_from_strongest_to_weakest() {
        let mut a = contact("a", "ada+1@example.com");
        let mut b = contact("b", "ADA@example.com");
        assert_eq!(reason(&a, &b), Some(Reason::SameEmail));
        b.email = "other@example.com".into();
        assert_eq!(reason(&a, &b), None);
        a.phone = Some("+44 20 7946 0958".into());
        b.phone = Some("0044 20 7946 0958".into());
        assert_eq!(reason(&a, &b), Some(Reason::SamePhone));
        b.phone = None;
        a.company_id = Some("c1".into());
        b.company_id = Some("c1".into());
        a.first_name = Some("José".into());
        a.last_name = Some("García".into());
        b.first_name = Some("jose".into());
        b.last_name = Some("GARCIA".into());
        assert_eq!(reason(&a, &b), Some(Reason::SameNameSameCompany));
        b.last_name = Some("Garcya".into());
        assert_eq!(reason(&a, &b), Some(Reason::SimilarNameSameCompany));
        b.company_id = Some("c2".into());
        assert_eq!(reason(&a, &b), None, "similar names at different companies are different people");
        b.first_name = Some("Maria".into());
        b.company_id = Some("c1".into());
        assert_eq!(reason(&a, &b), None);
        assert_eq!(reason(&a, &a), None);
    }

    #[test]
    fn keys_find_exact_duplicates() {
        let mut a = contact("a", "Ada+x@example.com");
        a.phone = Some("+44 20 7946 0958".into());
        a.company_id = Some("c1".into());
        a.first_name = Some("Ada".into());
        a.last_name = Some("Lövelace".into());
        assert_eq!(keys(&a), ["d=e:ada@example.com", "d=p:+442079460958", "d=f:c1:ada", "d=l:c1:lov"]);
        assert_eq!(pair_id("b", "a"), pair_id("a", "b"));
    }

    #[test]
    fn jaro_winkler_matches_known_values() {
        assert!((jaro_winkler("martha", "marhta") - 0.961).abs() < 0.001);
        assert!((jaro_winkler("dwayne", "duane") - 0.84).abs() < 0.001);
        assert_eq!(jaro_winkler("same", "same"), 1.0);
        assert_eq!(jaro_winkler("abc", "xyz"), 0.0);
    }
}
