//! Latency samples and the figures printed from them.

use std::time::Duration;

/// Everything measured for one operation.
#[derive(Debug, Default, Clone)]
pub struct Measured {
    /// Successful requests.
    pub ok: u64,
    /// Failed requests (transport errors or unexpected statuses).
    pub failed: u64,
    /// First failure, for the report.
    pub first_failure: Option<String>,
    /// Wall time of the run.
    pub elapsed: Duration,
    /// Latency of each successful request, microseconds, sorted.
    pub latencies_us: Vec<u32>,
}

impl Measured {
    /// Merges per-worker results into one.
    pub fn merge(parts: Vec<Measured>, elapsed: Duration) -> Self {
        let mut all = Measured { elapsed, ..Measured::default() };
        for p in parts {
            all.ok += p.ok;
            all.failed += p.failed;
            if all.first_failure.is_none() {
                all.first_failure = p.first_failure;
            }
            all.latencies_us.extend(p.latencies_us);
        }
        all.latencies_us.sort_unstable();
        all
    }

    /// One success that took `took`.
    pub fn record(&mut self, took: Duration) {
        self.ok += 1;
        self.latencies_us.push(took.as_micros().min(u32::MAX as u128) as u32);
    }

    /// One failure, keeping the first reason.
    pub fn fail(&mut self, why: String) {
        self.failed += 1;
        self.first_failure.get_or_insert(why);
    }

    /// Successful operations per second.
    pub fn rate(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Latency at quantile `q` (0..=1), in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        percentile(&self.latencies_us, q) as f64 / 1000.0
    }
}

/// Nearest-rank percentile of sorted samples.
pub fn percentile(sorted: &[u32], q: f64) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (q.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// A number with a sensible amount of digits.
pub fn fmt_num(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<u32> = (1..=100).collect();
        assert_eq!(percentile(&samples, 0.5), 50);
        assert_eq!(percentile(&samples, 0.99), 99);
        assert_eq!(percentile(&samples, 1.0), 100);
        assert_eq!(percentile(&[7], 0.99), 7);
        assert_eq!(percentile(&[], 0.5), 0);
    }

    #[test]
    fn merge_sorts_and_sums() {
        let a = Measured { ok: 2, latencies_us: vec![30, 10], ..Measured::default() };
        let b = Measured {
            ok: 1,
            failed: 1,
            first_failure: Some("x".into()),
            latencies_us: vec![20],
            ..Measured::default()
        };
        let m = Measured::merge(vec![a, b], Duration::from_secs(1));
        assert_eq!(m.latencies_us, vec![10, 20, 30]);
        assert_eq!((m.ok, m.failed), (3, 1));
        assert_eq!(m.first_failure.as_deref(), Some("x"));
        assert!((m.rate() - 3.0).abs() < 1e-9);
        assert!((m.quantile_ms(0.5) - 0.02).abs() < 1e-9);
    }
}
