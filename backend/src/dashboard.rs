//! The built web dashboard (the static export in `frontend/out`), served at `/` when present.
//!
//! Files are read once at start-up. Each HTML page gets its own Content-Security-Policy that
//! allows exactly its inline scripts (by SHA-256 hash) and nothing else inline, so the
//! dashboard keeps the same strict policy as the rest of the server.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// One file of the export.
struct Asset {
    body: axum::body::Bytes,
    content_type: &'static str,
    /// For HTML pages: the policy allowing their inline scripts.
    csp: Option<HeaderValue>,
    immutable: bool,
}

/// The dashboard's files by URL path (`/index.html`, `/_next/static/...`).
pub struct Dashboard {
    files: HashMap<String, Asset>,
}

/// Largest export read into memory; a directory beyond it is refused rather than half-served.
const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

impl Dashboard {
    /// Reads the export in `dir`; `None` when the directory has no `index.html`.
    pub fn load(dir: &Path) -> std::io::Result<Option<Self>> {
        if !dir.join("index.html").is_file() {
            return Ok(None);
        }
        let mut files = HashMap::new();
        let mut total = 0u64;
        let mut pending: Vec<PathBuf> = vec![dir.to_path_buf()];
        while let Some(current) = pending.pop() {
            for entry in std::fs::read_dir(&current)? {
                let entry = entry?;
                let path = entry.path();
                let kind = entry.file_type()?;
                if kind.is_dir() {
                    pending.push(path);
                    continue;
                }
                if !kind.is_file() {
                    continue;
                }
                total += entry.metadata()?.len();
                if total > MAX_TOTAL_BYTES {
                    return Err(std::io::Error::other(format!("{} is larger than 256 MiB", dir.display())));
                }
                let Ok(relative) = path.strip_prefix(dir) else { continue };
                let url = format!(
                    "/{}",
                    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
                );
                let body = std::fs::read(&path)?;
                let content_type = content_type(&url);
                let csp = (content_type.starts_with("text/html"))
                    .then(|| HeaderValue::from_str(&page_policy(&String::from_utf8_lossy(&body))).ok())
                    .flatten();
                let immutable = url.starts_with("/_next/static/");
                files.insert(url, Asset { body: body.into(), content_type, csp, immutable });
            }
        }
        Ok(Some(Self { files }))
    }

    /// Number of files served.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether the export is empty (never true for a loaded dashboard).
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The response for a GET or HEAD of `path`, if the dashboard has that page or file.
    ///
    /// `/` is `index.html`, `/contacts` is `contacts.html` (or `contacts/index.html`).
    /// Unknown paths outside `/api/` get the export's `404.html` with status 404.
    pub fn respond(&self, method: &Method, path: &str) -> Option<Response> {
        if (method != Method::GET && method != Method::HEAD) || path.starts_with("/api/") || path == "/api" {
            return None;
        }
        let trimmed = path.trim_end_matches('/');
        let candidates = [path.to_string(), format!("{trimmed}.html"), format!("{trimmed}/index.html")];
        let found = candidates.iter().find_map(|c| self.files.get(c.as_str()));
        let (asset, status) = match found {
            Some(asset) => (asset, StatusCode::OK),
            None => (self.files.get("/404.html")?, StatusCode::NOT_FOUND),
        };
        let mut response = Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, asset.content_type)
            .header(header::CONTENT_LENGTH, asset.body.len())
            .header(
                header::CACHE_CONTROL,
                if asset.immutable { "public, max-age=31536000, immutable" } else { "no-cache" },
            );
        if let Some(csp) = &asset.csp {
            response = response.header(header::CONTENT_SECURITY_POLICY, csp.clone());
        }
        let body = if method == Method::HEAD { Body::empty() } else { Body::from(asset.body.clone()) };
        response.body(body).ok()
    }
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// The strict policy of the server plus the hashes of this page's inline scripts.
fn page_policy(html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .into_iter()
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
        })
        .collect();
    crate::router::HTML_POLICY.replacen("script-src 'self'", &format!("script-src 'self' {}", hashes.join(" ")), 1)
}

/// The bodies of the `<script>` elements without a `src` attribute, byte for byte.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = find_ascii_ci(rest, "<script") {
        let after_tag = &rest[start + "<script".len()..];
        let Some(tag_end) = after_tag.find('>') else { break };
        let attributes = &after_tag[..tag_end];
        let content_start = &after_tag[tag_end + 1..];
        let Some(close) = find_ascii_ci(content_start, "</script") else { break };
        let has_src = attributes.split(|c: char| c.is_ascii_whitespace()).any(|a| {
            let name = a.split('=').next().unwrap_or_default();
            name.eq_ignore_ascii_case("src")
        });
        if !has_src && !attributes.ends_with('/') {
            scripts.push(&content_start[..close]);
        }
        rest = &content_start[close..];
    }
    scripts
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html = r#"<html><head><script src="/_next/a.js" async=""></script>
            <SCRIPT>self.__next_f=[]</SCRIPT></head><body><script type="application/ld+json">{"a":1}</script>
            <script>(self.__next_f.push([1,"x<y"]))</script></body></html>"#;
        assert_eq!(inline_scripts(html), vec!["self.__next_f=[]", r#"{"a":1}"#, r#"(self.__next_f.push([1,"x<y"]))"#]);
    }

    #[test]
    fn the_page_policy_names_each_inline_script_by_hash() {
        let policy = page_policy("<script>alert(1)</script>");
        let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"alert(1)"));
        assert!(policy.contains(&format!("script-src 'self' 'sha256-{digest}';")), "{policy}");
        assert!(!policy.contains("unsafe-inline';") || policy.contains("style-src 'self' 'unsafe-inline'"));
        assert!(!policy.contains("script-src 'self' 'unsafe-inline'"));
    }

    #[test]
    fn pages_resolve_with_and_without_the_html_suffix() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<p>home</p>").unwrap();
        std::fs::create_dir_all(dir.path().join("contacts")).unwrap();
        std::fs::write(dir.path().join("contacts/view.html"), "<p>view</p>").unwrap();
        std::fs::write(dir.path().join("404.html"), "<p>missing</p>").unwrap();
        let dashboard = Dashboard::load(dir.path()).unwrap().expect("loaded");
        assert_eq!(dashboard.len(), 3);
        let ok = |p: &str| dashboard.respond(&Method::GET, p).map(|r| r.status());
        assert_eq!(ok("/"), Some(StatusCode::OK));
        assert_eq!(ok("/contacts/view"), Some(StatusCode::OK));
        assert_eq!(ok("/contacts/view/"), Some(StatusCode::OK));
        assert_eq!(ok("/nope"), Some(StatusCode::NOT_FOUND));
        assert_eq!(ok("/api/nope"), None);
        assert!(dashboard.respond(&Method::POST, "/").is_none());
        assert!(Dashboard::load(&dir.path().join("contacts")).unwrap().is_none(), "no index.html, no dashboard");
    }
}
