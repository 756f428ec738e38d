//! Signed webhook bodies: `X-CRM-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`,
//! the scheme of outgoing webhooks and of the bounce webhook providers call.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Header carrying the signature.
pub const HEADER: &str = "X-CRM-Signature";

/// How far a signature's time may be from now, in seconds (replays of older bodies fail).
pub const TOLERANCE_SECS: i64 = 300;

/// Whether two byte strings are equal, comparing every byte (no early exit on the first
/// difference, so a signature cannot be guessed byte by byte from timing).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// HMAC-SHA256 under `key` of `label` (what the token is for) followed by `parts`: the
/// signature of the links and fields the server hands out (tracking, RSVP, form timing).
pub fn token_mac(key: &[u8], label: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(label);
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// Bytes of the signature kept in an id token.
const ID_MAC_LEN: usize = 16;

/// A URL-safe token naming the record `id` (a UUID), signed under `key` for the purpose `label`:
/// the personal links the server emails (RSVP, confirming consent).
pub fn id_token(key: &[u8], label: &[u8], id: &str) -> Option<String> {
    use base64::Engine;
    let id = uuid::Uuid::parse_str(id).ok()?;
    let mut bytes = id.as_bytes().to_vec();
    bytes.extend_from_slice(&token_mac(key, label, &[id.as_bytes()])[..ID_MAC_LEN]);
    Some(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// The id a token from [`id_token`] names, when `key` signed it for `label`; anything altered
/// (or signed for another purpose) is `None`.
pub fn verify_id_token(key: &[u8], label: &[u8], token: &str) -> Option<String> {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(token.trim().as_bytes()).ok()?;
    if bytes.len() != 16 + ID_MAC_LEN {
        return None;
    }
    let (id, sig) = bytes.split_at(16);
    if !same(&token_mac(key, label, &[id])[..ID_MAC_LEN], sig) {
        return None;
    }
    uuid::Uuid::from_slice(id).ok().map(|u| u.to_string())
}

fn digest(secret: &[u8], t: i64, body: &[u8]) -> Vec<u8> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.finalize().into_bytes().to_vec()
}

/// The header value signing `body` at `t`.
pub fn sign(secret: &[u8], t: i64, body: &[u8]) -> String {
    let hex: String = digest(secret, t, body).iter().map(|b| format!("{b:02x}")).collect();
    format!("t={t},v1={hex}")
}

/// Whether `header` is a signature of `body` by `secret` made within the tolerance of `now`.
pub fn verify(secret: &[u8], header: &str, body: &[u8], now: i64) -> bool {
    let mut t = None;
    let mut candidates = Vec::new();
    for part in header.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => t = v.parse::<i64>().ok(),
            Some(("v1", v)) => candidates.push(v.to_ascii_lowercase()),
            _ => {}
        }
    }
    let Some(t) = t else { return false };
    if (now - t).abs() > TOLERANCE_SECS {
        return false;
    }
    let expected: String = digest(secret, t, body).iter().map(|b| format!("{b:02x}")).collect();
    candidates.iter().any(|c| same(c.as_bytes(), expected.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_body_key_and_time_only() {
        let header = sign(b"k", 1_700_000_000, b"{\"a\":1}");
        assert!(verify(b"k", &header, b"{\"a\":1}", 1_700_000_100));
        assert!(!verify(b"k", &header, b"{\"a\":2}", 1_700_000_100), "another body");
        assert!(!verify(b"other", &header, b"{\"a\":1}", 1_700_000_100), "another key");
        assert!(!verify(b"k", &header, b"{\"a\":1}", 1_700_000_000 + TOLERANCE_SECS + 1), "too old");
        assert!(!verify(b"k", "t=1700000000", b"{\"a\":1}", 1_700_000_000));
        assert!(!verify(b"k", "garbage", b"", 0));
        // The openssl form of the README's example.
        assert!(header.starts_with("t=1700000000,v1=") && header.len() == "t=1700000000,v1=".len() + 64);
    }
}
