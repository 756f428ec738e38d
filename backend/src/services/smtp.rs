//! SMTP connections we open ourselves and keep in a small pool, then hand to `lettre`'s
//! connection for the protocol (EHLO, STARTTLS, AUTH, MAIL/RCPT/DATA).
//!
//! `lettre`'s own transport leaves Nagle's algorithm on and writes a message's body and its
//! closing `.` in two writes: the second waits for the server's delayed acknowledgement, about
//! 40 ms per message on Linux, which caps a connection at ~25 messages a second. Every socket
//! here has `TCP_NODELAY`.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// How the connection is encrypted (the `smtp_url` forms `lettre` documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `smtp://host`: none.
    None,
    /// `smtp://host?tls=opportunistic`: STARTTLS when the server offers it.
    Opportunistic,
    /// `smtp://host?tls=required`: STARTTLS or no connection.
    Required,
    /// `smtps://host`: TLS from the first byte.
    Implicit,
}

/// Where and how to connect, parsed from `email.smtp_url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Host name or address.
    pub host: String,
    /// Port (default 25 for plain `smtp://`, 587 with STARTTLS, 465 for `smtps://`).
    pub port: u16,
    /// Encryption.
    pub security: Security,
    /// User and password, if the URL (or the separate password) gives them.
    pub user: Option<(String, String)>,
    /// EHLO name (the URL's path), else the host name.
    pub hello: Option<String>,
}

impl Target {
    /// Parses `url`; `password` completes a URL that names a user without one.
    pub fn parse(url: &str, password: &str) -> Result<Target, String> {
        let parsed = reqwest::Url::parse(url).map_err(|e| format!("email.smtp_url: {e}"))?;
        let tls = parsed.query_pairs().find(|(k, _)| k == "tls").map(|(_, v)| v.to_string());
        let (security, default_port) = match (parsed.scheme(), tls.as_deref()) {
            ("smtp", None) => (Security::None, 25),
            ("smtp", Some("opportunistic")) => (Security::Opportunistic, 587),
            ("smtp", Some("required")) => (Security::Required, 587),
            ("smtps", _) => (Security::Implicit, 465),
            (scheme, tls) => {
                return Err(format!(
                    "email.smtp_url: use smtp://, smtp://…?tls=required|opportunistic or smtps:// (not {scheme} with tls={tls:?})"
                ))
            }
        };
        let host = parsed.host_str().filter(|h| !h.is_empty()).ok_or("email.smtp_url: no host")?;
        let host = host.trim_start_matches('[').trim_end_matches(']').to_string();
        let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
        let user = (!parsed.username().is_empty()).then(|| {
            let pass = parsed.password().map(decode).unwrap_or_else(|| password.to_string());
            (decode(parsed.username()), pass)
        });
        let path = parsed.path().trim_matches('/');
        Ok(Target {
            host,
            port: parsed.port().unwrap_or(default_port),
            security,
            user,
            hello: (!path.is_empty()).then(|| path.to_string()),
        })
    }
}

/// What sending one message came to.
pub enum Sent {
    /// The server accepted it.
    Accepted,
    /// The server refused it for good (a 5xx answer).
    Refused(String),
    /// Anything else: worth another attempt.
    Failed(String),
}

/// A pool of SMTP connections to one server. Connections are opened on demand (the caller
/// bounds how many messages are in flight), kept while they work, and dropped on any error.
pub struct Pool {
    target: Target,
    credentials: Option<Credentials>,
    hello: ClientId,
    timeout: Duration,
    keep: usize,
    idle: Mutex<Vec<(AsyncSmtpConnection, Instant)>>,
}

/// An idle connection older than this is checked with NOOP before use.
const CHECK_AFTER: Duration = Duration::from_secs(30);

impl Pool {
    /// A pool for `target` that keeps up to `keep` idle connections.
    pub fn new(target: Target, keep: usize, timeout: Duration) -> Pool {
        let credentials = target.user.as_ref().map(|(u, p)| Credentials::new(u.clone(), p.clone()));
        let hello = target.hello.clone().map(ClientId::Domain).unwrap_or_default();
        Pool { target, credentials, hello, timeout, keep: keep.max(1), idle: Mutex::new(Vec::new()) }
    }

    /// Sends `message` (formatted) to `envelope`'s recipients.
    pub async fn send(&self, envelope: &Envelope, message: &[u8]) -> Sent {
        let mut conn = match self.checkout().await {
            Ok(conn) => conn,
            Err(e) => return Sent::Failed(e),
        };
        match tokio::time::timeout(self.timeout, conn.send(envelope, message)).await {
            Ok(Ok(_)) => {
                self.checkin(conn);
                Sent::Accepted
            }
            // The connection aborted itself; it is dropped here.
            Ok(Err(e)) if e.is_permanent() => Sent::Refused(e.to_string()),
            Ok(Err(e)) => Sent::Failed(e.to_string()),
            Err(_) => Sent::Failed(format!("no answer from the SMTP server in {:?}", self.timeout)),
        }
    }

    fn checkin(&self, conn: AsyncSmtpConnection) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < self.keep && !conn.has_broken() {
            idle.push((conn, Instant::now()));
        }
    }

    async fn checkout(&self) -> Result<AsyncSmtpConnection, String> {
        loop {
            let pooled = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
            let Some((mut conn, since)) = pooled else { break };
            if since.elapsed() < CHECK_AFTER
                || tokio::time::timeout(self.timeout, conn.test_connected()).await.unwrap_or(false)
            {
                return Ok(conn);
            }
        }
        tokio::time::timeout(self.timeout, self.connect())
            .await
            .unwrap_or_else(|_| Err(format!("connecting to the SMTP server took over {:?}", self.timeout)))
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, String> {
        let t = &self.target;
        let failed = |e: &dyn std::fmt::Display| format!("connecting to {}:{}: {e}", t.host, t.port);
        let tcp = TcpStream::connect((t.host.as_str(), t.port)).await.map_err(|e| failed(&e))?;
        tcp.set_nodelay(true).map_err(|e| failed(&e))?;
        let tls = || TlsParameters::new(t.host.clone()).map_err(|e| failed(&e));
        let mut conn = if t.security == Security::Implicit {
            let name = rustls::pki_types::ServerName::try_from(t.host.clone()).map_err(|e| failed(&e))?;
            let stream = tls_connector().map_err(|e| failed(&e))?.connect(name, tcp).await.map_err(|e| failed(&e))?;
            AsyncSmtpConnection::connect_with_transport(Box::new(Tls(stream)), &self.hello).await
        } else {
            AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello).await
        }
        .map_err(|e| failed(&e))?;
        if t.security == Security::Required || (t.security == Security::Opportunistic && conn.can_starttls()) {
            conn.starttls(tls()?, &self.hello).await.map_err(|e| failed(&e))?;
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials).await.map_err(|e| failed(&e))?;
        }
        Ok(conn)
    }
}

/// TLS from the first byte (`smtps://`), verified against the Web PKI roots as `lettre`
/// verifies STARTTLS.
fn tls_connector() -> Result<tokio_rustls::TlsConnector, rustls::Error> {
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

/// A TLS connection made here, handed to `lettre` as a stream.
struct Tls(tokio_rustls::client::TlsStream<TcpStream>);

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tls")
    }
}

impl AsyncRead for Tls {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for Tls {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for Tls {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_name_the_server_its_encryption_and_credentials() {
        let t = Target::parse("smtp://127.0.0.1:2525", "").unwrap();
        assert_eq!((t.host.as_str(), t.port, t.security, t.user), ("127.0.0.1", 2525, Security::None, None));
        let t = Target::parse("smtp://mail.example.com?tls=required", "").unwrap();
        assert_eq!((t.port, t.security), (587, Security::Required));
        let t = Target::parse("smtp://mail.example.com?tls=opportunistic", "").unwrap();
        assert_eq!(t.security, Security::Opportunistic);
        let t = Target::parse("smtps://ann%40example.com:p%40ss@mail.example.com/crm.example.com", "").unwrap();
        assert_eq!((t.port, t.security), (465, Security::Implicit));
        assert_eq!(t.user, Some(("ann@example.com".into(), "p@ss".into())));
        assert_eq!(t.hello.as_deref(), Some("crm.example.com"));
        let t = Target::parse("smtp://relay@mail.example.com", "from-the-secret").unwrap();
        assert_eq!(t.user, Some(("relay".into(), "from-the-secret".into())));
        assert_eq!(Target::parse("smtp://[::1]:25", "").unwrap().host, "::1");
        assert!(Target::parse("http://mail.example.com", "").is_err());
        assert!(Target::parse("smtp://mail.example.com?tls=sometimes", "").is_err());
        assert!(Target::parse("not a url", "").is_err());
    }
}
