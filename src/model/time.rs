//! Human times: "2 days ago", as the published page shows them.

use chrono::{DateTime, Utc};

/// How long ago `then` was, seen from `now`: "just now", "5 minutes ago", "2 days ago", …
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    if seconds < 0 {
        return "in the future".to_owned();
    }
    let (count, unit) = match seconds {
        0..60 => return "just now".to_owned(),
        60..3_600 => (seconds / 60, "minute"),
        3_600..86_400 => (seconds / 3_600, "hour"),
        86_400..2_592_000 => (seconds / 86_400, "day"),
        2_592_000..31_536_000 => (seconds / 2_592_000, "month"),
        _ => (seconds / 31_536_000, "year"),
    };
    format!("{} ago", super::plural::counted(count as usize, unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_times() {
        let now: DateTime<Utc> = "2026-11-28T12:00:00Z".parse().unwrap();
        let ago = |s: i64| relative(now - chrono::Duration::seconds(s), now);
        assert_eq!(ago(5), "just now");
        assert_eq!(ago(60), "1 minute ago");
        assert_eq!(ago(7_200), "2 hours ago");
        assert_eq!(ago(2 * 86_400 + 5), "2 days ago");
        assert_eq!(ago(400 * 86_400), "1 year ago");
        assert_eq!(ago(-10), "in the future");
    }
}
