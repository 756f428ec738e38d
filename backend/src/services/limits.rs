//! In-process token-bucket rate limits (per replica): login attempts and requests per credential.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Keys kept before idle buckets are dropped.
const MAX_KEYS: usize = 100_000;

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// A set of token buckets sharing one rate and burst.
#[derive(Clone)]
pub struct RateLimiter {
    per_second: f64,
    burst: f64,
    buckets: Arc<Mutex<HashMap<String, Bucket>>>,
}

impl RateLimiter {
    /// `per_second` tokens refill each second, up to `burst`. A rate of 0 never limits.
    pub fn new(per_second: f64, burst: f64) -> Self {
        Self { per_second, burst, buckets: Arc::new(Mutex::new(HashMap::new())) }
    }

    /// Takes one token for `key`; `Err(seconds)` says when to retry.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        if self.per_second <= 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() > MAX_KEYS {
            let full_after = self.burst / self.per_second;
            buckets.retain(|_, b| now.duration_since(b.at).as_secs_f64() < full_after);
        }
        let bucket = buckets.entry(key.to_string()).or_insert(Bucket { tokens: self.burst, at: now });
        let refill = now.duration_since(bucket.at).as_secs_f64() * self.per_second;
        bucket.tokens = (bucket.tokens + refill).min(self.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / self.per_second).ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_refusal_with_retry_after() {
        let limiter = RateLimiter::new(10.0 / 60.0, 10.0);
        for _ in 0..10 {
            assert!(limiter.check("ip").is_ok());
        }
        let wait = limiter.check("ip").unwrap_err();
        assert!((1..=6).contains(&wait), "{wait}");
        assert!(limiter.check("other").is_ok(), "keys are independent");
        assert!(RateLimiter::new(0.0, 0.0).check("x").is_ok(), "0 turns it off");
    }
}
