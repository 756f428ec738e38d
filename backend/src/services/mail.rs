//! Outgoing email: SMTP (pooled connections, STARTTLS or TLS, auth; see `smtp`) when
//! `email.smtp_url` is set, else the `log` transport that records what would be sent; and the
//! pace that keeps sending within `email.rate_per_second` and `email.window_limit` per
//! `email.window_secs`.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};

use super::smtp::{Pool, Sent, Target};
use crate::config::EmailSettings;
use crate::domain::deliveries::Outcome;
use crate::error::{AppError, AppResult};

/// One email, ready to go.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// Recipient address.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// HTML body.
    pub html: String,
    /// Plain-text body.
    pub text: String,
    /// `Message-ID`, the same on every attempt.
    pub message_id: String,
    /// The one-click unsubscribe URL (RFC 8058 headers), if any.
    pub unsubscribe_url: Option<String>,
    /// Files sent along (an event's calendar entry).
    pub attachments: Vec<Attachment>,
}

/// A file sent along with a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// File name (`invite.ics`).
    pub filename: String,
    /// Media type (`text/calendar; method=REQUEST; charset=utf-8`).
    pub content_type: String,
    /// Content.
    pub body: String,
}

/// Where email goes.
pub enum Transport {
    /// Records each message's id and size in the log (never the address or content); the
    /// outbox row keeps what was sent.
    Log,
    /// An SMTP server.
    Smtp(Box<Pool>),
}

impl Transport {
    /// The transport `settings` name (`smtp_url` empty: the log transport). A password from
    /// `smtp.password` completes a URL that names a user without one.
    pub fn from_settings(settings: &EmailSettings, password: &str) -> AppResult<Transport> {
        let url = settings.smtp_url.trim();
        if url.is_empty() {
            return Ok(Transport::Log);
        }
        let target = Target::parse(url, password).map_err(AppError::Internal)?;
        let pool =
            Pool::new(target, settings.pool_size.max(1) as usize, Duration::from_secs(settings.timeout_secs.max(1)));
        Ok(Transport::Smtp(Box::new(pool)))
    }

    /// Its name, for progress and logs.
    pub fn name(&self) -> &'static str {
        match self {
            Transport::Log => "log",
            Transport::Smtp(_) => "smtp",
        }
    }

    /// Sends one message from `from`: `Sent` once the server accepted it, `Refused` for a
    /// permanent refusal (or an address no server would take), `Retry` otherwise.
    pub async fn send(&self, from: &Mailbox, message: &Outgoing) -> Outcome {
        let email = match build(from, message) {
            Ok(email) => email,
            Err(reason) => return Outcome::Refused(reason),
        };
        match self {
            Transport::Log => {
                tracing::info!(message_id = %message.message_id, bytes = email.formatted().len(), "email recorded (log transport)");
                Outcome::Sent
            }
            Transport::Smtp(pool) => match pool.send(email.envelope(), &email.formatted()).await {
                Sent::Accepted => Outcome::Sent,
                Sent::Refused(e) => Outcome::Refused(short(&e)),
                Sent::Failed(e) => Outcome::Retry(short(&e)),
            },
        }
    }
}

/// A transport and the sender's address: what campaign email and notifications share.
#[derive(Clone)]
pub struct Mailer {
    transport: Arc<Transport>,
    from: Mailbox,
}

impl Mailer {
    /// The mailer of `settings` (`email.from`, `email.smtp_url`); `password` completes the URL.
    pub fn from_settings(settings: &EmailSettings, password: &str) -> AppResult<Mailer> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| AppError::Internal(format!("email.from {:?} is not an address: {e}", settings.from)))?;
        Ok(Mailer { transport: Arc::new(Transport::from_settings(settings, password)?), from })
    }

    /// The sender's address.
    pub fn from(&self) -> &Mailbox {
        &self.from
    }

    /// The transport's name (`log` or `smtp`).
    pub fn name(&self) -> &'static str {
        self.transport.name()
    }

    /// Sends one message (see [`Transport::send`]).
    pub async fn send(&self, message: &Outgoing) -> Outcome {
        self.transport.send(&self.from, message).await
    }
}

fn short(error: &str) -> String {
    error.chars().take(500).collect()
}

fn build(from: &Mailbox, message: &Outgoing) -> Result<lettre::Message, String> {
    let to: Mailbox = message.to.parse().map_err(|e| format!("invalid recipient address: {e}"))?;
    let mut email = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone())
        .message_id(Some(message.message_id.clone()))
        .multipart(body(message)?)
        .map_err(|e| format!("building the message: {e}"))?;
    if let Some(url) = &message.unsubscribe_url {
        let headers = email.headers_mut();
        headers.insert_raw(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")));
        headers.insert_raw(HeaderValue::new(
            HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
            "List-Unsubscribe=One-Click".to_string(),
        ));
    }
    Ok(email)
}

/// The text and HTML alternatives, inside a `multipart/mixed` with the attachments if any.
fn body(message: &Outgoing) -> Result<MultiPart, String> {
    let alternative = MultiPart::alternative_plain_html(message.text.clone(), message.html.clone());
    if message.attachments.is_empty() {
        return Ok(alternative);
    }
    let mut mixed = MultiPart::mixed().multipart(alternative);
    for a in &message.attachments {
        let content_type = lettre::message::header::ContentType::parse(&a.content_type)
            .map_err(|e| format!("attachment {} has a bad type: {e}", a.filename))?;
        mixed =
            mixed.singlepart(lettre::message::Attachment::new(a.filename.clone()).body(a.body.clone(), content_type));
    }
    Ok(mixed)
}

/// Keeps sending within a rate per second and a cap per sliding window (0 turns either off).
pub struct Pace {
    per_second: f64,
    window: Option<(usize, Duration)>,
    state: Mutex<PaceState>,
}

struct PaceState {
    next: Instant,
    sent: VecDeque<Instant>,
}

impl Pace {
    /// A pace of `per_second` messages a second and `window_limit` per `window`.
    pub fn new(per_second: f64, window_limit: usize, window: Duration) -> Pace {
        Pace {
            per_second,
            window: (window_limit > 0 && !window.is_zero()).then_some((window_limit, window)),
            state: Mutex::new(PaceState { next: Instant::now(), sent: VecDeque::new() }),
        }
    }

    /// How long to wait before the next message may go; `Duration::ZERO` takes its slot.
    fn slot(&self, now: Instant) -> Duration {
        let mut s = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((limit, window)) = self.window {
            while s.sent.front().is_some_and(|at| now.duration_since(*at) >= window) {
                s.sent.pop_front();
            }
            if s.sent.len() >= limit {
                return s.sent.front().map_or(Duration::ZERO, |first| window - now.duration_since(*first));
            }
        }
        if self.per_second > 0.0 {
            if s.next > now {
                return s.next - now;
            }
            s.next = s.next.max(now - Duration::from_secs(1)) + Duration::from_secs_f64(1.0 / self.per_second);
        }
        if self.window.is_some() {
            s.sent.push_back(now);
        }
        Duration::ZERO
    }

    /// Waits for a slot.
    pub async fn wait(&self) {
        loop {
            let wait = self.slot(Instant::now());
            if wait.is_zero() {
                return;
            }
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pace_spaces_messages_and_caps_a_window() {
        let pace = Pace::new(10.0, 0, Duration::ZERO);
        let t0 = Instant::now() + Duration::from_secs(5);
        // After an idle spell, a second's worth and the one due now go at once, then one per 100 ms.
        let taken = (0..20).filter(|_| pace.slot(t0).is_zero()).count();
        assert_eq!(taken, 11);
        let wait = pace.slot(t0);
        assert!(wait > Duration::ZERO && wait <= Duration::from_millis(100), "{wait:?}");

        let capped = Pace::new(0.0, 3, Duration::from_secs(60));
        let t0 = Instant::now();
        assert!((0..3).all(|_| capped.slot(t0).is_zero()));
        let wait = capped.slot(t0 + Duration::from_secs(10));
        assert_eq!(wait, Duration::from_secs(50));
        assert!(capped.slot(t0 + Duration::from_secs(60)).is_zero(), "the window slid");
        assert!(Pace::new(0.0, 0, Duration::ZERO).slot(Instant::now()).is_zero());
    }

    #[test]
    fn messages_carry_the_one_click_unsubscribe_headers_and_their_id() {
        let from: Mailbox = "CRM <crm@example.com>".parse().unwrap();
        let message = Outgoing {
            to: "ann@example.com".into(),
            subject: "Hi".into(),
            html: "<p>Hi</p>".into(),
            text: "Hi".into(),
            message_id: "<c.k@example.com>".into(),
            unsubscribe_url: Some("https://crm.example.com/u/t".into()),
            attachments: Vec::new(),
        };
        let raw = String::from_utf8(build(&from, &message).unwrap().formatted()).unwrap();
        assert!(raw.contains("multipart/alternative") && !raw.contains("multipart/mixed"), "{raw}");
        let ics = Attachment {
            filename: "invite.ics".into(),
            content_type: "text/calendar; method=REQUEST; charset=utf-8".into(),
            body: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
        };
        let with = Outgoing { attachments: vec![ics], ..message.clone() };
        let raw_with = String::from_utf8(build(&from, &with).unwrap().formatted()).unwrap();
        assert!(raw_with.contains("multipart/mixed") && raw_with.contains("filename=\"invite.ics\""), "{raw_with}");
        assert!(raw_with.contains("text/calendar; method=REQUEST"), "{raw_with}");
        assert!(raw.contains("List-Unsubscribe: <https://crm.example.com/u/t>"), "{raw}");
        assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(raw.contains("Message-ID: <c.k@example.com>"));
        let bad = Outgoing { to: "not an address".into(), ..message };
        assert!(build(&from, &bad).is_err());
    }
}
