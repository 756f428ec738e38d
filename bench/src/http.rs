//! A minimal HTTP/1.1 keep-alive client: one connection, one request at a time.
//!
//! Small on purpose: the load generator shares the machine with the server, so every
//! microsecond it spends is taken from the figures it reports.

use std::io;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One response.
#[derive(Debug)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// `ETag` header, if any.
    pub etag: Option<String>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> anyhow::Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
            .map_err(|e| anyhow::anyhow!("status {}: body is not JSON ({e}): {}", self.status, self.text()))
    }

    /// The version an `ETag: "<n>"` names.
    pub fn version(&self) -> Option<i64> {
        self.etag.as_deref().and_then(|t| t.trim_matches('"').parse().ok())
    }

    /// The body as text (lossy), for error messages.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).chars().take(500).collect()
    }
}

/// A request to send.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// Path and query.
    pub path: String,
    /// JSON body.
    pub body: Option<Vec<u8>>,
    /// `Authorization: Bearer` value.
    pub bearer: Option<String>,
    /// `If-Match` value.
    pub if_match: Option<String>,
    /// Content type of the body (default JSON).
    pub content_type: Option<&'static str>,
}

impl Request {
    /// A GET of `path`.
    pub fn get(path: impl Into<String>) -> Self {
        Self { method: "GET", path: path.into(), ..Self::default() }
    }

    /// A request with a JSON body.
    pub fn json(method: &'static str, path: impl Into<String>, body: &serde_json::Value) -> Self {
        Self { method, path: path.into(), body: Some(body.to_string().into_bytes()), ..Self::default() }
    }

    /// A request with a body of another type (`text/csv`).
    pub fn raw(method: &'static str, path: impl Into<String>, content_type: &'static str, body: Vec<u8>) -> Self {
        Self { method, path: path.into(), body: Some(body), content_type: Some(content_type), ..Self::default() }
    }

    /// Adds the credential.
    pub fn bearer(mut self, credential: &str) -> Self {
        self.bearer = Some(credential.to_string());
        self
    }

    /// Serialises the request head and body.
    fn encode(&self, host: &str) -> Vec<u8> {
        let mut head = format!("{} {} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n", self.method, self.path);
        if let Some(b) = &self.bearer {
            head.push_str(&format!("Authorization: Bearer {b}\r\n"));
        }
        if let Some(tag) = &self.if_match {
            head.push_str(&format!("If-Match: {tag}\r\n"));
        }
        let body = self.body.as_deref().unwrap_or_default();
        if self.body.is_some() {
            head.push_str(&format!("Content-Type: {}\r\n", self.content_type.unwrap_or("application/json")));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut out = head.into_bytes();
        out.extend_from_slice(body);
        out
    }
}

/// One keep-alive connection.
pub struct Conn {
    addr: String,
    stream: Option<BufReader<TcpStream>>,
}

impl Conn {
    /// A connection to `addr` (`host:port`), opened on first use.
    pub fn new(addr: &str) -> Self {
        Self { addr: addr.to_string(), stream: None }
    }

    /// Sends `req` and reads the whole response; reconnects once if the server closed the connection.
    pub async fn send(&mut self, req: &Request) -> io::Result<Reply> {
        let bytes = req.encode(&self.addr);
        let reused = self.stream.is_some();
        match self.exchange(&bytes).await {
            Err(e) if reused => {
                self.stream = None;
                self.exchange(&bytes).await.map_err(|_| e)
            }
            other => other,
        }
    }

    async fn exchange(&mut self, bytes: &[u8]) -> io::Result<Reply> {
        if self.stream.is_none() {
            let tcp = TcpStream::connect(&self.addr).await?;
            tcp.set_nodelay(true)?;
            self.stream = Some(BufReader::with_capacity(64 * 1024, tcp));
        }
        let stream = self.stream.as_mut().ok_or_else(|| io::Error::other("no connection"))?;
        stream.get_mut().write_all(bytes).await?;
        let result = read_reply(stream).await;
        match &result {
            Ok((_, true)) | Err(_) => self.stream = None,
            Ok(_) => {}
        }
        result.map(|(reply, _)| reply)
    }
}

/// Reads one response; the flag says the server will close the connection.
async fn read_reply<R: AsyncBufReadExt + Unpin>(stream: &mut R) -> io::Result<(Reply, bool)> {
    let mut line = String::new();
    if stream.read_line(&mut line).await? == 0 {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed"));
    }
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("bad status line {line:?}")))?;
    let (mut length, mut chunked, mut close, mut etag) = (None, false, false, None);
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "connection closed in headers"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else { continue };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse::<usize>().ok(),
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            "connection" => close = value.eq_ignore_ascii_case("close"),
            "etag" => etag = Some(value.to_string()),
            _ => {}
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            stream.read_line(&mut line).await?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or("0"), 16)
                .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
            let start = body.len();
            body.resize(start + size, 0);
            stream.read_exact(&mut body[start..]).await?;
            line.clear();
            stream.read_line(&mut line).await?;
            if size == 0 {
                break;
            }
        }
    } else if let Some(n) = length {
        body.resize(n, 0);
        stream.read_exact(&mut body).await?;
    } else if status != 204 && status != 304 {
        stream.read_to_end(&mut body).await?;
        close = true;
    }
    Ok((Reply { status, etag, body }, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn parse(raw: &str) -> (Reply, bool) {
        let mut reader = BufReader::new(raw.as_bytes());
        read_reply(&mut reader).await.expect("parses")
    }

    #[tokio::test]
    async fn reads_a_sized_body_and_the_etag() {
        let (reply, close) =
            parse("HTTP/1.1 201 Created\r\nETag: \"3\"\r\ncontent-length: 7\r\n\r\n{\"a\":1}EXTRA").await;
        assert_eq!(reply.status, 201);
        assert_eq!(reply.etag.as_deref(), Some("\"3\""));
        assert_eq!(reply.json().expect("json")["a"], 1);
        assert!(!close);
    }

    #[tokio::test]
    async fn reads_a_chunked_body() {
        let (reply, _) =
            parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").await;
        assert_eq!(reply.body, b"abcde");
    }

    #[tokio::test]
    async fn notices_connection_close() {
        let (reply, close) = parse("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n").await;
        assert_eq!(reply.status, 204);
        assert!(close);
    }

    #[test]
    fn encodes_headers_and_body() {
        let mut req = Request::json("PATCH", "/api/contacts/x", &serde_json::json!({"a": 1})).bearer("k");
        req.if_match = Some("\"2\"".into());
        let text = String::from_utf8(req.encode("127.0.0.1:1")).expect("utf8");
        assert!(text.starts_with("PATCH /api/contacts/x HTTP/1.1\r\n"));
        assert!(text.contains("Authorization: Bearer k\r\n"));
        assert!(text.contains("If-Match: \"2\"\r\n"));
        assert!(text.ends_with("Content-Length: 7\r\n\r\n{\"a\":1}"));
    }
}
