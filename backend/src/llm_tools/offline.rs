//! The offline writer (provider `offline`, the default): deterministic text built from the
//! brief, the campaign, the event and the contact's and company's data. Same job, same text.

use chrono::{DateTime, Datelike, Utc};

use super::html::escape;
use super::tools::{
    Activity, ContactBriefing, Dossier, EmailDraft, EventInfo, Job, LandingPage, Network, Output, Section, SectionKind,
    Sentiment, SocialPost, Tone, Writing,
};

/// Writes the job's output.
pub fn write(job: &Job) -> Output {
    match job {
        Job::Email(w) => Output::Email(email(w)),
        Job::Social(w) => Output::Social(social(w)),
        Job::LandingPage(w) => Output::LandingPage(landing_page(w)),
        Job::Briefing(d) => Output::Briefing(briefing(d)),
    }
}

/// A stable choice among variants, by the brief's bytes (FNV-1a), so the same brief reads the
/// same and different briefs do not all read alike.
fn pick<'a>(seed: &str, variants: &[&'a str]) -> &'a str {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    variants[(hash % variants.len() as u64) as usize]
}

/// The brief's sentences, trimmed, each ending with its punctuation.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(if c == '\n' { ' ' } else { c });
        if matches!(c, '.' | '!' | '?' | '\n') {
            let s = current.trim().to_string();
            if s.chars().any(char::is_alphanumeric) {
                out.push(s);
            }
            current.clear();
        }
    }
    let rest = current.trim();
    if rest.chars().any(char::is_alphanumeric) {
        out.push(format!("{rest}."));
    }
    out
}

/// A sentence of a brief turned towards the reader: briefs are often written as instructions to
/// the writer ("Invite our customers to the summit."), which a reader must not see as such.
fn towards_reader(sentence: &str) -> String {
    let audience = [
        "our customers ",
        "our clients ",
        "customers ",
        "clients ",
        "our contacts ",
        "contacts ",
        "everyone ",
        "them ",
        "people ",
        "our leads ",
        "leads ",
        "the team ",
        "our partners ",
        "partners ",
    ];
    let lower = sentence.to_lowercase();
    let rest_after = |prefix: &str| -> Option<String> {
        if !lower.starts_with(prefix) {
            return None;
        }
        let mut rest = &sentence[prefix.len()..];
        let rest_lower = rest.to_lowercase();
        if let Some(a) = audience.iter().find(|a| rest_lower.starts_with(*a)) {
            rest = &rest[a.len()..];
        }
        Some(rest.trim().to_string())
    };
    let rules: [(&str, &str); 8] = [
        ("invite ", "We would like to invite you "),
        ("announce ", "We are happy to announce "),
        ("tell ", "We want to tell you "),
        ("remind ", "A quick reminder "),
        ("promote ", "We would like to introduce "),
        ("ask ", "We would love for you "),
        ("encourage ", "We would love for you "),
        ("thank ", "Thank you "),
    ];
    for (prefix, opening) in rules {
        if let Some(rest) = rest_after(prefix) {
            if rest.is_empty() {
                break;
            }
            let rest = if prefix == "ask " || prefix == "encourage " {
                rest.strip_prefix("to ").map(|r| format!("to {r}")).unwrap_or(rest)
            } else {
                rest
            };
            return format!("{opening}{rest}");
        }
    }
    sentence.to_string()
}

/// The brief's sentences, each turned towards the reader.
fn reader_sentences(text: &str) -> Vec<String> {
    sentences(text).iter().map(|s| towards_reader(s)).collect()
}

/// At most `max` characters, cut at a word, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ', '.']))
}

/// A sentence without its final punctuation (for subject lines and headings).
fn bare(sentence: &str) -> String {
    sentence.trim().trim_end_matches(['.', '!', '?']).to_string()
}

/// `Tuesday 12 May 2026 at 18:00 UTC`, or the text as given when it is not a timestamp.
pub fn when(event: &EventInfo) -> String {
    match DateTime::parse_from_rfc3339(&event.starts_at) {
        Ok(at) => {
            let at = at.with_timezone(&Utc);
            format!("{} {} {} at {} UTC", at.format("%A"), at.day(), at.format("%B %Y"), at.format("%H:%M"))
        }
        Err(_) => event.starts_at.clone(),
    }
}

fn event_line(event: &EventInfo) -> String {
    match &event.location {
        Some(place) => format!("{} takes place on {} in {}.", event.name, when(event), place),
        None => format!("{} takes place on {}.", event.name, when(event)),
    }
}

/// What the call to action says, from the goal and the event.
fn cta_label(w: &Writing) -> &'static str {
    let goal = w.goal.as_deref().unwrap_or_default().to_ascii_lowercase();
    if w.event.is_some() || goal.contains("regist") || goal.contains("rsvp") || goal.contains("attend") {
        "Save your seat"
    } else if goal.contains("meeting") || goal.contains("demo") || goal.contains("call") {
        "Book a meeting"
    } else if goal.contains("download") {
        "Get your copy"
    } else if goal.contains("buy") || goal.contains("trial") || goal.contains("sign") {
        "Get started"
    } else {
        "Learn more"
    }
}

/// The topic in a few words: the campaign's name, else the event's, else the brief's opening.
fn topic(w: &Writing) -> String {
    w.campaign_name
        .clone()
        .or_else(|| w.event.as_ref().map(|e| e.name.clone()))
        .unwrap_or_else(|| clip(&bare(sentences(&w.brief).first().map(String::as_str).unwrap_or("News")), 60))
}

fn email(w: &Writing) -> EmailDraft {
    let parts = reader_sentences(&w.brief);
    let (first_name, company) = match &w.contact {
        Some(person) => (person.first_name.clone(), w.company.as_ref().map(|c| c.name.clone())),
        None => ("{{first_name}}".to_string(), None),
    };
    let topic = topic(w);
    let subject = match &w.event {
        Some(event) => format!("{}: {}", pick(&w.brief, &["You're invited", "Join us", "Save the date"]), event.name),
        None => match w.contact {
            Some(_) => format!("{first_name}, {}", lowercase_first(&topic)),
            None => topic.clone(),
        },
    };
    let preheader = match (&w.event, parts.get(1).or(parts.first())) {
        (Some(event), _) => clip(&format!("{} · {}", when(event), event.location.as_deref().unwrap_or("online")), 200),
        (None, Some(line)) => clip(line, 200),
        (None, None) => clip(&topic, 200),
    };
    let greeting = match w.tone {
        Tone::Friendly => format!("Hi {first_name},"),
        Tone::Formal => format!("Dear {first_name},"),
    };
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(company) = company {
        paragraphs.push(format!(
            "{} for you and the team at {company}.",
            pick(&w.brief, &["We put this together", "We thought this would be useful", "We wrote this"])
        ));
    }
    if parts.is_empty() {
        paragraphs.push(format!("We have news about {topic}."));
    } else {
        paragraphs.extend(parts.chunks(3).map(|chunk| chunk.join(" ")));
    }
    if let Some(event) = &w.event {
        paragraphs.push(event_line(event));
    }
    let label = cta_label(w);
    let closing = match w.tone {
        Tone::Friendly => pick(&w.brief, &["Talk soon,", "Best,", "Cheers,"]),
        Tone::Formal => "Kind regards,",
    };
    let signature = w.campaign_name.as_deref().map(|n| format!("The {n} team")).unwrap_or_else(|| "The team".into());

    let mut text = format!("{greeting}\n\n");
    let mut html = format!("<p>{}</p>\n", escape(&greeting));
    for p in &paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>\n", escape(p)));
    }
    match &w.cta_url {
        Some(url) => {
            text.push_str(&format!("{label}: {url}\n\n"));
            html.push_str(&format!(
                "<p><a href=\"{}\" style=\"display: inline-block; padding: 10px 18px; background-color: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 4px\">{}</a></p>\n",
                escape(url),
                escape(label)
            ));
        }
        None => {
            let ask = format!("{label}: reply to this email and we will take care of the rest.");
            text.push_str(&ask);
            text.push_str("\n\n");
            html.push_str(&format!("<p><strong>{}</strong></p>\n", escape(&ask)));
        }
    }
    text.push_str(&format!("{closing}\n{signature}"));
    html.push_str(&format!("<p>{}<br>{}</p>", escape(closing), escape(&signature)));
    if w.contact.is_none() {
        text.push_str("\n\nUnsubscribe: {{unsubscribe_url}}");
        html.push_str(
            "\n<p style=\"font-size: 12px; color: #555555\"><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>",
        );
    }
    EmailDraft { subject: clip(&subject, 150), preheader, html: super::html::sanitize(&html), text }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep acronyms and names that are capitalised throughout (`CRM`, `Q3`).
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// `#SpringSummit` from a name.
fn hashtag(name: &str) -> Option<String> {
    let tag: String = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|f| f.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect();
    (!tag.is_empty()).then(|| format!("#{tag}"))
}

fn social(w: &Writing) -> SocialPost {
    let parts = reader_sentences(&w.brief);
    let hook = match &w.event {
        Some(event) => format!("{} {}", pick(&w.brief, &["Mark your calendar:", "Coming up:", "Join us:"]), event.name),
        None => format!("{} {}", pick(&w.brief, &["News:", "Worth a look:", "Announcing"]), topic(w)),
    };
    let mut lines = vec![hook];
    let body_sentences = if w.network == Network::X { 1 } else { 3 };
    lines.push(parts.iter().take(body_sentences).cloned().collect::<Vec<_>>().join(" "));
    if let Some(event) = &w.event {
        lines.push(format!(
            "📅 {}{}",
            when(event),
            event.location.as_ref().map(|l| format!(" · 📍 {l}")).unwrap_or_default()
        ));
    }
    let cta = match &w.cta_url {
        Some(url) => format!("{}: {url}", cta_label(w)),
        None => format!("{}: send us a message.", cta_label(w)),
    };
    let tags: Vec<String> = [w.campaign_name.as_deref(), w.event.as_ref().map(|e| e.name.as_str())]
        .into_iter()
        .flatten()
        .filter_map(hashtag)
        .fold(Vec::new(), |mut acc, t| {
            if !acc.contains(&t) {
                acc.push(t);
            }
            acc
        });
    let tail = if tags.is_empty() { cta } else { format!("{cta}\n\n{}", tags.join(" ")) };
    let separator = if w.network == Network::X { "\n" } else { "\n\n" };
    let head = lines.into_iter().filter(|l| !l.is_empty()).collect::<Vec<_>>().join(separator);
    let limit = w.network.max_chars();
    let room = limit.saturating_sub(tail.chars().count() + separator.chars().count());
    let text = format!("{}{separator}{tail}", clip(&head, room.max(20)));
    SocialPost { network: w.network, text: clip(&text, limit) }
}

fn landing_page(w: &Writing) -> LandingPage {
    let parts = reader_sentences(&w.brief);
    let title = topic(w);
    let label = cta_label(w);
    let mut sections = vec![Section {
        kind: SectionKind::Hero,
        heading: clip(&title, 200),
        body: parts.first().cloned().unwrap_or_else(|| format!("Everything about {title} in one place.")),
        items: Vec::new(),
        cta_label: Some(label.to_string()),
    }];
    if parts.len() > 1 {
        sections.push(Section {
            kind: SectionKind::Text,
            heading: pick(&w.brief, &["Why it matters", "What to expect", "The short version"]).to_string(),
            body: parts[1..].iter().take(4).cloned().collect::<Vec<_>>().join(" "),
            items: Vec::new(),
            cta_label: None,
        });
    }
    if parts.len() > 2 {
        sections.push(Section {
            kind: SectionKind::Benefits,
            heading: "What you get".into(),
            body: String::new(),
            items: parts.iter().skip(1).take(5).map(|s| clip(&bare(s), 500)).collect(),
            cta_label: None,
        });
    }
    if let Some(event) = &w.event {
        sections.push(Section {
            kind: SectionKind::Event,
            heading: "When and where".into(),
            body: event_line(event),
            items: Vec::new(),
            cta_label: None,
        });
    }
    let form_heading = if w.event.is_some() { "Register" } else { "Get in touch" };
    sections.push(Section {
        kind: SectionKind::Form,
        heading: form_heading.into(),
        body: "Leave your name and email and we will confirm by email.".into(),
        items: Vec::new(),
        cta_label: Some(label.to_string()),
    });
    LandingPage { title: clip(&title, 200), sections }
}

/// Words that tip the mood of a recent activity.
const NEGATIVE: [&str; 12] = [
    "complain",
    "cancel",
    "unhappy",
    "angry",
    "refund",
    "churn",
    "problem",
    "broken",
    "delay",
    "escalat",
    "frustrat",
    "disappoint",
];
const POSITIVE: [&str; 10] =
    ["thank", "great", "happy", "interested", "excited", "signed", "renew", "love", "impressed", "agreed"];

fn mood(d: &Dossier) -> Sentiment {
    let recent = d.timeline.iter().take(10).map(|a| a.summary.to_lowercase()).collect::<Vec<_>>().join(" ");
    let urgent =
        d.cases.iter().filter(|c| c.status == "open" && matches!(c.priority.as_str(), "high" | "urgent")).count();
    let bad = NEGATIVE.iter().filter(|w| recent.contains(*w)).count() + urgent * 2;
    let good =
        POSITIVE.iter().filter(|w| recent.contains(*w)).count() + d.deals.iter().filter(|x| x.status == "won").count();
    match bad.cmp(&good) {
        std::cmp::Ordering::Greater => Sentiment::Negative,
        std::cmp::Ordering::Less => Sentiment::Positive,
        std::cmp::Ordering::Equal => Sentiment::Neutral,
    }
}

fn day(ts: &str) -> String {
    match DateTime::parse_from_rfc3339(ts) {
        Ok(at) => format!("{} {}", at.day(), at.format("%B %Y")),
        Err(_) => ts.chars().take(10).collect(),
    }
}

fn activity_phrase(a: &Activity) -> String {
    let what = match a.kind.as_str() {
        "call" => "a call",
        "meeting" => "a meeting",
        "email" => "an email",
        "note" => "a note",
        "rsvp" => "an RSVP",
        "form" => "a form",
        _ => "an update",
    };
    format!("{what} on {}", day(&a.at))
}

fn briefing(d: &Dossier) -> ContactBriefing {
    let name = d.contact.full_name();
    let mut sources: Vec<String> = Vec::new();
    let role = match (&d.contact.title, &d.company) {
        (Some(title), Some(company)) => format!("{title} at {}", company.name),
        (None, Some(company)) => format!("works at {}", company.name),
        (Some(title), None) => title.clone(),
        (None, None) => "has no company on record".into(),
    };
    let status = d.contact.status.as_deref().unwrap_or("contact");
    let mut summary = format!("{name} ({role}) is a {status}");
    if let Some(score) = d.contact.score {
        summary.push_str(&format!(" with an engagement score of {score:.0}"));
    }
    summary.push('.');
    let open_deals: Vec<_> = d.deals.iter().filter(|x| x.status == "open").collect();
    let open_cases: Vec<_> = d.cases.iter().filter(|c| c.status == "open").collect();
    if !open_deals.is_empty() {
        let names = open_deals.iter().take(3).map(|x| format!("'{}' ({})", x.name, x.stage)).collect::<Vec<_>>();
        summary.push_str(&format!(
            " {} open deal{}: {}.",
            open_deals.len(),
            if open_deals.len() == 1 { "" } else { "s" },
            names.join(", ")
        ));
    }
    if !open_cases.is_empty() {
        summary.push_str(&format!(
            " {} open case{} at the company.",
            open_cases.len(),
            if open_cases.len() == 1 { "" } else { "s" }
        ));
    }
    match d.timeline.first() {
        Some(last) => {
            summary.push_str(&format!(" Last activity: {}.", activity_phrase(last)));
        }
        None => summary.push_str(" No activity is recorded yet."),
    }

    let mut next_steps = Vec::new();
    for case in open_cases.iter().filter(|c| matches!(c.priority.as_str(), "high" | "urgent")).take(2) {
        next_steps
            .push(format!("Get the {} case '{}' resolved before you sell anything new.", case.priority, case.subject));
        sources.push(case.id.clone());
    }
    for deal in open_deals.iter().take(3) {
        let step = match &deal.close_date {
            Some(date) if date.as_str() < d.today.as_str() => {
                format!("'{}' was expected to close on {date}: agree a new date or close it.", deal.name)
            }
            Some(date) => format!("Move '{}' on from {} before its close date, {date}.", deal.name, deal.stage),
            None => format!("Agree the next step and a close date for '{}' ({}).", deal.name, deal.stage),
        };
        next_steps.push(step);
        sources.push(deal.id.clone());
    }
    let stale = d.timeline.first().is_none_or(|a| days_between(&a.at, &d.today).is_some_and(|n| n > 30));
    if stale {
        next_steps.push(format!("Reconnect with {}: nothing has happened in over a month.", d.contact.first_name));
    }
    if next_steps.is_empty() {
        next_steps.push(format!("Follow up with {} on your last conversation.", d.contact.first_name));
    }

    let mut talking_points = Vec::new();
    for a in d.timeline.iter().filter(|a| matches!(a.kind.as_str(), "note" | "call" | "meeting" | "email")).take(3) {
        talking_points.push(format!("From {}: {}", activity_phrase(a), clip(&a.summary, 300)));
        sources.push(a.id.clone());
    }
    if let Some(industry) = d.company.as_ref().and_then(|c| c.industry.as_ref()) {
        talking_points.push(format!("Their industry: {industry}."));
    }
    for deal in d.deals.iter().filter(|x| x.status == "won").take(1) {
        talking_points.push(format!("They already bought '{}'; ask how it is going.", deal.name));
        sources.push(deal.id.clone());
    }
    let mut seen = Vec::new();
    sources.retain(|s| {
        let fresh = !seen.contains(s);
        seen.push(s.clone());
        fresh
    });
    ContactBriefing { summary, next_steps, talking_points, sentiment: mood(d), sources }
}

fn days_between(from: &str, to: &str) -> Option<i64> {
    let from = DateTime::parse_from_rfc3339(from).ok()?.date_naive();
    let to = chrono::NaiveDate::parse_from_str(to.get(..10)?, "%Y-%m-%d").ok()?;
    Some((to - from).num_days())
}

#[cfg(test)]
mod tests {
    use super::super::html::merge_fields;
    use super::super::tools::{parse_output, CaseInfo, DealInfo, Org, Person};
    use super::*;

    fn ada() -> Person {
        Person {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            title: Some("CTO".into()),
            status: Some("lead".into()),
            ..Default::default()
        }
    }

    fn summit() -> EventInfo {
        EventInfo {
            name: "Spring Summit".into(),
            starts_at: "2026-05-12T18:00:00Z".into(),
            location: Some("Lisbon".into()),
        }
    }

    fn brief() -> String {
        "Invite our customers to the spring summit. We will show the new reporting. Three clients share their stories."
            .into()
    }

    /// Every output also passes the checks a model's answer must pass.
    fn checked(job: &Job) -> Output {
        let out = write(job);
        let text = serde_json::to_string(&out).unwrap();
        assert_eq!(parse_output(job, &text).unwrap(), out, "the offline output passes its own checks");
        assert_eq!(write(job), out, "same job, same text");
        out
    }

    #[test]
    fn an_email_to_a_contact_greets_them_and_names_the_event() {
        let job = Job::Email(Writing {
            brief: brief(),
            campaign_name: Some("Spring Summit".into()),
            goal: Some("registrations".into()),
            contact: Some(ada()),
            company: Some(Org { name: "Analytical Engines".into(), industry: None }),
            event: Some(summit()),
            cta_url: Some("https://example.com/summit".into()),
            ..Default::default()
        });
        let Output::Email(e) = checked(&job) else { panic!("an email") };
        assert!(e.text.starts_with("Hi Ada,"), "{}", e.text);
        assert!(e.text.contains("We would like to invite you to the spring summit."), "{}", e.text);
        assert!(!e.text.contains("Invite our customers"), "the brief's instruction is not echoed: {}", e.text);
        assert!(e.html.contains("Hi Ada,"));
        for fact in ["Tuesday 12 May 2026 at 18:00 UTC", "Lisbon", "Analytical Engines", "https://example.com/summit"] {
            assert!(e.text.contains(fact), "{fact} missing from {}", e.text);
        }
        assert!(e.subject.contains("Spring Summit"));
        assert!(merge_fields(&e.text).is_empty() && merge_fields(&e.html).is_empty(), "no unresolved merge fields");
        assert!(e.html.contains("href=\"https://example.com/summit\""));
    }

    #[test]
    fn a_campaign_email_uses_only_known_merge_fields() {
        let job = Job::Email(Writing { brief: brief(), tone: Tone::Formal, ..Default::default() });
        let Output::Email(e) = checked(&job) else { panic!("an email") };
        assert!(e.text.starts_with("Dear {{first_name}},"));
        assert!(merge_fields(&e.html).contains(&"unsubscribe_url".to_string()));
        assert!(e.text.contains("Kind regards,"));
        assert!(!e.subject.is_empty() && e.subject.len() <= 150);
    }

    #[test]
    fn posts_fit_every_network() {
        for network in [Network::X, Network::Linkedin, Network::Facebook, Network::Instagram] {
            let job = Job::Social(Writing {
                brief: brief().repeat(20),
                campaign_name: Some("Spring Summit".into()),
                event: Some(summit()),
                network,
                cta_url: Some("https://example.com/s".into()),
                ..Default::default()
            });
            let Output::Social(p) = checked(&job) else { panic!("a post") };
            assert!(p.text.chars().count() <= network.max_chars(), "{network:?}: {}", p.text.len());
            assert!(p.text.contains("12 May 2026"), "{network:?}: {}", p.text);
            assert!(p.text.contains("#SpringSummit"));
        }
    }

    #[test]
    fn a_landing_page_opens_with_a_hero_and_ends_with_a_form() {
        let job = Job::LandingPage(Writing { brief: brief(), event: Some(summit()), ..Default::default() });
        let Output::LandingPage(page) = checked(&job) else { panic!("a page") };
        assert_eq!(page.sections.first().map(|s| s.kind), Some(SectionKind::Hero));
        assert_eq!(page.sections.last().map(|s| s.kind), Some(SectionKind::Form));
        assert!(page.sections.iter().any(|s| s.kind == SectionKind::Event && s.body.contains("12 May 2026")));
        assert_eq!(page.title, "Spring Summit");
    }

    #[test]
    fn a_briefing_reads_the_deals_cases_and_timeline() {
        let dossier = Dossier {
            contact: ada(),
            company: Some(Org { name: "Analytical Engines".into(), industry: Some("Software".into()) }),
            timeline: vec![Activity {
                id: "t1".into(),
                kind: "call".into(),
                summary: "Unhappy about the delay of the rollout".into(),
                at: "2026-11-20T10:00:00Z".into(),
            }],
            deals: vec![DealInfo {
                id: "d1".into(),
                name: "Audit".into(),
                stage: "proposal".into(),
                amount: None,
                close_date: Some("2026-11-01".into()),
                status: "open".into(),
            }],
            cases: vec![CaseInfo {
                id: "c1".into(),
                subject: "Login fails".into(),
                priority: "urgent".into(),
                status: "open".into(),
            }],
            today: "2026-11-30".into(),
        };
        let Output::Briefing(b) = checked(&Job::Briefing(dossier)) else { panic!("a briefing") };
        assert!(b.summary.contains("Ada Lovelace") && b.summary.contains("CTO at Analytical Engines"), "{}", b.summary);
        assert_eq!(b.sentiment, Sentiment::Negative);
        assert!(b.next_steps[0].contains("Login fails"));
        assert!(b.next_steps.iter().any(|s| s.contains("Audit") && s.contains("2026-11-01")), "{:?}", b.next_steps);
        assert!(b.talking_points.iter().any(|t| t.contains("delay")));
        assert_eq!(b.sources, ["c1", "d1", "t1"]);
    }
}
