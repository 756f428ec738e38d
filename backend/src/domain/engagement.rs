//! The engagement score: points per activity, halved every `half_life_days`, in fixed point
//! (hundredths): every part is rounded once and the score is the exact sum of the parts, so the
//! explanation always adds up.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Points per activity kind and the decay.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Weights {
    /// Points (hundredths) per kind: `note`, `call`, `meeting`, `email`, `email_open`, `click`,
    /// `rsvp_yes`, `attendance`, `form_submission`, `deal_won`.
    pub points: BTreeMap<String, i64>,
    /// Days after which an activity counts half.
    pub half_life_days: f64,
}

impl Default for Weights {
    fn default() -> Self {
        let points = [
            ("note", 100),
            ("call", 300),
            ("meeting", 500),
            ("email", 100),
            ("email_open", 100),
            ("click", 200),
            ("rsvp_yes", 400),
            ("attendance", 600),
            ("form_submission", 500),
            ("deal_won", 1000),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        Weights { points, half_life_days: 30.0 }
    }
}

/// Hundredths shown as a decimal (`1234` -> `"12.34"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Fixed(pub i64);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let v = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", v / 100, v % 100)
    }
}

impl Serialize for Fixed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// One activity that counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Its kind (a key of [`Weights::points`]).
    pub kind: String,
    /// When it happened.
    pub at: DateTime<Utc>,
}

/// One activity's contribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// Kind.
    pub kind: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Its full points.
    pub points: Fixed,
    /// What is left of them now.
    pub decayed: Fixed,
}

/// A score and what makes it up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// The sum of the parts' `decayed`.
    pub score: Fixed,
    /// When it was computed.
    pub at: DateTime<Utc>,
    /// The activities that count, newest first (those worth less than a hundredth now are left out).
    pub parts: Vec<Part>,
}

/// `points` decayed over `age_days`, rounded half up to a hundredth.
pub fn decay(points: i64, age_days: f64, half_life_days: f64) -> i64 {
    let age = age_days.max(0.0);
    let factor = if half_life_days > 0.0 { 0.5f64.powf(age / half_life_days) } else { 1.0 };
    (points as f64 * factor).round() as i64
}

/// The score of these activities at `now`.
pub fn score(activities: &[Activity], weights: &Weights, now: DateTime<Utc>) -> Score {
    let mut parts: Vec<Part> = activities
        .iter()
        .filter_map(|a| {
            let points = *weights.points.get(&a.kind)?;
            let age_days = (now - a.at).num_seconds() as f64 / 86_400.0;
            let decayed = decay(points, age_days, weights.half_life_days);
            (decayed != 0).then(|| Part {
                kind: a.kind.clone(),
                at: a.at,
                points: Fixed(points),
                decayed: Fixed(decayed),
            })
        })
        .collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.at));
    let total = parts.iter().map(|p| p.decayed.0).sum();
    Score { score: Fixed(total), at: now, parts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn an_activity_counts_half_after_one_half_life() {
        let w = Weights::default();
        let s = score(
            &[
                Activity { kind: "meeting".into(), at: now() },
                Activity { kind: "call".into(), at: now() - Duration::days(30) },
                Activity { kind: "deal_won".into(), at: now() - Duration::days(60) },
                Activity { kind: "unknown".into(), at: now() },
            ],
            &w,
            now(),
        );
        let decayed: Vec<String> = s.parts.iter().map(|p| p.decayed.to_string()).collect();
        assert_eq!(decayed, ["5.00", "1.50", "2.50"]);
        assert_eq!(s.score.to_string(), "9.00");
        assert_eq!(Fixed(-5).to_string(), "-0.05");
    }

    #[test]
    fn old_activities_fade_out_of_the_explanation() {
        let s =
            score(&[Activity { kind: "note".into(), at: now() - Duration::days(3650) }], &Weights::default(), now());
        assert!(s.parts.is_empty());
        assert_eq!(s.score, Fixed(0));
    }

    proptest! {
        #[test]
        fn the_parts_add_up_exactly_to_the_score(ages in proptest::collection::vec((0usize..10, 0i64..400), 0..40)) {
            let kinds: Vec<String> = Weights::default().points.keys().cloned().collect();
            let activities: Vec<Activity> = ages
                .iter()
                .map(|(k, days)| Activity { kind: kinds[*k].clone(), at: now() - Duration::hours(days * 7) })
                .collect();
            let s = score(&activities, &Weights::default(), now());
            prop_assert_eq!(s.parts.iter().map(|p| p.decayed.0).sum::<i64>(), s.score.0);
            for p in &s.parts {
                prop_assert!(p.decayed.0 <= p.points.0 && p.decayed.0 > 0);
            }
        }
    }
}
