//! The dates a pasted news page shows above its text: "11:59PM GMT 29 Dec 2014", "MUMBAI Tue
//! Dec 30, 2014 4:33pm IST", "Published" and "Last updated" with the date on the next line, or
//! "Last update: 2 days ago" (counted back from the moment of the paste).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// The month names and abbreviations a page writes.
const MONTH: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").expect("valid regex"));
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,3}|an?|one)\s+(minute|hour|day|week)s?\s+ago\b").expect("valid regex")
});
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(\d{1,2})[:.](\d{2})\s*(am|pm)?\b").expect("valid regex"));
static ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST)\b")
        .expect("valid regex")
});
/// "Published", "Updated", "Last updated", "Last update:" before a date, or alone on the line
/// above it.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(published|posted|first published)|(?:last\s+)?(?:updated?|modified))\b\s*(?:on\s+)?:?\s*(.*)$")
        .expect("valid regex")
});

/// The most words a line that gives the page's date has (a caption with a date is longer).
const MAX_WORDS: usize = 12;

/// When the page says the article was published and last updated.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PageDates {
    /// The first date shown, or the one labelled "Published".
    pub published: Option<DateTime<Utc>>,
    /// The one labelled "Updated" or "Last update".
    pub updated: Option<DateTime<Utc>>,
    /// The day of publication as the page prints it (in its own time zone), for the dateline;
    /// none when the page counts back ("2 days ago").
    pub published_on: Option<NaiveDate>,
}

/// The dates among `lines` (the page above its text); `now` is when it was pasted.
pub fn page_dates(lines: &[&str], now: DateTime<Utc>) -> PageDates {
    let mut dates = PageDates::default();
    // A label alone on its line ("Last updated") names the date on the next one.
    let mut pending: Option<bool> = None;
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if line.split_whitespace().count() > MAX_WORDS {
            pending = None;
            continue;
        }
        let (is_update, rest) = match LABEL.captures(line) {
            Some(label) => (
                Some(label.get(1).is_none()),
                label.get(2).map_or("", |r| r.as_str()),
            ),
            None => (pending.take(), line),
        };
        if rest.trim().is_empty() {
            pending = is_update;
            continue;
        }
        let Some(at) = date_in(rest, now) else {
            continue;
        };
        let slot = match is_update {
            Some(true) => &mut dates.updated,
            _ if dates.published.is_none() => {
                dates.published_on = calendar_date(rest).map(|(day, _)| day);
                &mut dates.published
            }
            _ => continue,
        };
        slot.get_or_insert(at);
    }
    dates
}

/// The moment a line gives: a date with its time and zone when written (UTC when not), or a
/// time counted back from `now`.
fn date_in(line: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if let Some(ago) = AGO.captures(line) {
        let count: i64 = ago[1].parse().unwrap_or(1);
        let unit = match ago[2].to_ascii_lowercase().as_str() {
            "minute" => Duration::minutes(count),
            "hour" => Duration::hours(count),
            "day" => Duration::days(count),
            _ => Duration::weeks(count),
        };
        return now.checked_sub_signed(unit);
    }
    let (date, date_span) = calendar_date(line)?;
    // The time may stand before the date ("11:59PM GMT 29 Dec 2014") or after it; a day or a
    // year is never taken for one.
    let time = TIME
        .captures_iter(line)
        .filter(|t| {
            let span = t.get(0).expect("whole match").range();
            span.end <= date_span.start || span.start >= date_span.end
        })
        .find_map(|t| time_of(&t))
        .unwrap_or(NaiveTime::MIN);
    let offset = ZONE
        .captures(line)
        .and_then(|z| zone_offset(&z[1]))
        .unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
    let local = offset.from_local_datetime(&date.and_time(time)).single()?;
    Some(local.with_timezone(&Utc))
}

/// The calendar date written in a line, with where it stands.
fn calendar_date(line: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let span = |c: &Captures| c.get(0).expect("whole match").range();
    if let Some(c) = DAY_MONTH_YEAR.captures(line) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[2])?, c[1].parse().ok()?);
        return Some((date?, span(&c)));
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(line) {
        let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?);
        return Some((date?, span(&c)));
    }
    let c = ISO_DATE.captures(line)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    Some((date?, span(&c)))
}

/// A month's number from its name or abbreviation.
fn month(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let short = name.get(..3)?.to_ascii_lowercase();
    NAMES.iter().position(|n| *n == short).map(|i| i as u32 + 1)
}

/// A time of day: "4:33pm", "6:00 AM", "17:13".
fn time_of(t: &Captures) -> Option<NaiveTime> {
    let (mut hour, minute): (u32, u32) = (t[1].parse().ok()?, t[2].parse().ok()?);
    let half = t.get(3).map(|m| m.as_str().to_ascii_lowercase());
    match half.as_deref() {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some("pm") if hour < 12 => hour += 12,
        Some("am") if hour == 12 => hour = 0,
        _ => {}
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

/// The offset of a time zone's abbreviation as news pages use them (IST is India's).
fn zone_offset(zone: &str) -> Option<FixedOffset> {
    let hours = match zone {
        "GMT" | "UTC" => 0.0,
        "BST" | "CET" => 1.0,
        "CEST" => 2.0,
        "IST" => 5.5,
        "EDT" => -4.0,
        "EST" | "CDT" => -5.0,
        "CST" | "MDT" => -6.0,
        "MST" | "PDT" => -7.0,
        "PST" => -8.0,
        _ => return None,
    };
    FixedOffset::east_opt((hours * 3600.0) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-28T12:00:00Z".parse().unwrap()
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn the_date_lines_of_news_pages_are_read_with_their_time_and_zone() {
        for (line, moment) in [
            ("11:59PM GMT 29 Dec 2014", "2014-12-29T23:59:00Z"),
            ("MUMBAI Tue Dec 30, 2014 4:33pm IST", "2014-12-30T11:03:00Z"),
            ("Monday, Dec. 29 2014, 6:00 AM EST", "2014-12-29T11:00:00Z"),
            ("December 29, 2014 | 10:32am", "2014-12-29T10:32:00Z"),
            ("2014-12-31 17:13:38.0", "2014-12-31T17:13:00Z"),
            ("Last update: 2 days ago", "2026-11-26T12:00:00Z"),
            ("Updated an hour ago", "2026-11-28T11:00:00Z"),
        ] {
            assert_eq!(date_in(line, now()), Some(at(moment)), "{line}");
        }
        for line in [
            "Tweet",
            "Share this",
            "By Edward Malnick",
            "90000",
            "31 Feb 2014",
        ] {
            assert_eq!(date_in(line, now()), None, "{line}");
        }
    }

    #[test]
    fn labels_say_which_date_is_the_publication_and_which_the_update() {
        let globe = [
            "WASHINGTON — The Globe and Mail",
            "Published",
            "Monday, Dec. 29 2014, 6:00 AM EST",
            "Last updated",
            "Monday, Dec. 29 2014, 8:57 PM EST",
        ];
        assert_eq!(
            page_dates(&globe, now()),
            PageDates {
                published: Some(at("2014-12-29T11:00:00Z")),
                updated: Some(at("2014-12-30T01:57:00Z")),
                published_on: "2014-12-29".parse().ok(),
            }
        );
        let fox = ["By Lucia I. Suarez", "Published December 29, 2014"];
        assert_eq!(
            page_dates(&fox, now()).published,
            Some(at("2014-12-29T00:00:00Z"))
        );
        let seed = ["HOME", "WORLD", "Last update: 2 days ago", "4 min read"];
        assert_eq!(
            page_dates(&seed, now()),
            PageDates {
                published: None,
                updated: Some(at("2026-11-26T12:00:00Z")),
                published_on: None,
            }
        );
        // A caption's date is not the page's: the line is too long to be a date line.
        let caption = [
            "People walk past the Bombay Stock Exchange (BSE) building in Mumbai on a hot day, May 13, 2014.",
        ];
        assert_eq!(page_dates(&caption, now()), PageDates::default());
    }
}
