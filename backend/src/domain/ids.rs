//! Record ids (UUIDv7: time-ordered, so keys sort by creation) and timestamps.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use uuid::{Timestamp, Uuid};

/// Formats a timestamp the one way it is stored and served: RFC 3339, UTC, microseconds.
///
/// Fixed width, so stored timestamps compare correctly as strings.
pub fn format_ts(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// The current time, truncated to what is stored (microseconds).
pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    Utc.timestamp_micros(now.timestamp_micros()).single().unwrap_or(now)
}

/// A new id whose leading bits carry `at`, so ids sort by time.
pub fn new_id(at: DateTime<Utc>) -> String {
    let secs = at.timestamp().max(0) as u64;
    let nanos = at.timestamp_subsec_nanos();
    let ts = Timestamp::from_unix(uuid::NoContext, secs, nanos);
    Uuid::new_v7(ts).hyphenated().to_string()
}

/// Parses a client-supplied id; `None` for anything that is not a UUID (answered as 404).
pub fn parse_id(raw: &str) -> Option<String> {
    Uuid::parse_str(raw.trim()).ok().map(|u| u.hyphenated().to_string())
}

/// The smallest id that can be made at or after `at` (a lower bound for key ranges).
pub fn id_floor(at: DateTime<Utc>) -> String {
    let ms = at.timestamp_millis().max(0) as u64;
    format!("{:08x}-{:04x}", ms >> 16, ms & 0xffff)
}

/// Parses an RFC 3339 timestamp from a query parameter.
pub fn parse_ts(raw: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(raw.trim()).ok().map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_and_floor_bounds_them() {
        let a = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        let b = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 1).unwrap();
        let (ida, idb) = (new_id(a), new_id(b));
        assert!(ida < idb);
        assert!(id_floor(a) <= ida && ida < id_floor(b));
        assert!(id_floor(b) <= idb);
    }

    #[test]
    fn parse_id_rejects_garbage_and_normalises_case() {
        assert_eq!(parse_id("nope"), None);
        assert_eq!(parse_id("contact:1"), None);
        let id = new_id(now());
        assert_eq!(parse_id(&id.to_uppercase()), Some(id));
    }

    #[test]
    fn timestamps_are_fixed_width() {
        let t = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
        assert_eq!(format_ts(t), "2024-05-01T12:00:00.000000Z");
    }
}
