//! Embargo times on a zone's own clock: "09:00 Europe/Kyiv" is a wall-clock time in an IANA
//! time zone (or a fixed offset such as "+02:00"), turned into a moment with the zone's offset
//! on that day, summer time included.

use super::Embargo;
use chrono::{
    DateTime, DurationRound, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
    Utc,
};

/// A time zone an embargo can be given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// An IANA zone, such as Europe/Kyiv, whose offset follows its summer time.
    Named(chrono_tz::Tz),
    /// A fixed offset from UTC, such as +02:00 (what an imported ninjs embargo carries).
    Fixed(FixedOffset),
}

/// The IANA names of UTC itself, which are written "UTC".
const UTC_NAMES: &[&str] = &[
    "UTC",
    "UCT",
    "Etc/UTC",
    "Etc/UCT",
    "Universal",
    "Etc/Universal",
    "Zulu",
    "Etc/Zulu",
    "GMT",
    "GMT0",
    "GMT+0",
    "GMT-0",
    "Etc/GMT",
    "Etc/GMT0",
    "Etc/GMT+0",
    "Etc/GMT-0",
    "Greenwich",
    "Etc/Greenwich",
];

/// How a zone is written when the editor has not named one.
pub const ZONE_EXAMPLES: &str = "such as Europe/Kyiv, America/New_York, UTC or +02:00";

impl Zone {
    /// Reads a zone: an IANA name in any case ("europe/kyiv"), "UTC", or an offset ("+02:00",
    /// "UTC+2", "GMT-05:30"). The error says what was wrong.
    pub fn parse(text: &str) -> Result<Zone, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("no time zone".into());
        }
        // A stored name is written exactly (a hash lookup; the editor reads the zone every
        // frame), a typed one may be in any case (a scan of the zones).
        let exact = text.parse::<chrono_tz::Tz>().ok();
        if let Some(tz) = exact.or_else(|| {
            chrono_tz::TZ_VARIANTS
                .iter()
                .copied()
                .find(|tz| tz.name().eq_ignore_ascii_case(text))
        }) {
            // Etc/UTC, GMT, Zulu and the like are UTC by another name.
            if UTC_NAMES.contains(&tz.name()) {
                return Ok(Zone::Fixed(FixedOffset::east_opt(0).expect("zero offset")));
            }
            return Ok(Zone::Named(tz));
        }
        parse_offset(text)
            .map(Zone::Fixed)
            .ok_or_else(|| format!("\"{text}\" is not a time zone ({ZONE_EXAMPLES})"))
    }

    /// The zone's name as it is stored: the IANA name, "UTC", or "+02:00".
    pub fn name(&self) -> String {
        match self {
            Zone::Named(tz) => tz.name().to_owned(),
            Zone::Fixed(offset) if offset.local_minus_utc() == 0 => "UTC".to_owned(),
            Zone::Fixed(offset) => offset.to_string(),
        }
    }

    /// The zone's offset from UTC at `moment`.
    pub fn offset_at(&self, moment: DateTime<Utc>) -> FixedOffset {
        match self {
            Zone::Named(tz) => tz.offset_from_utc_datetime(&moment.naive_utc()).fix(),
            Zone::Fixed(offset) => *offset,
        }
    }

    /// `moment` on the zone's clock.
    pub fn clock(&self, moment: DateTime<Utc>) -> DateTime<FixedOffset> {
        moment.with_timezone(&self.offset_at(moment))
    }

    /// The moment the zone's clock reads `date` `time`. Of a time the clocks pass twice (when
    /// they go back) the first is taken; a time they skip (when they go forward) is an error.
    pub fn at(&self, date: NaiveDate, time: NaiveTime) -> Result<DateTime<FixedOffset>, String> {
        let local = NaiveDateTime::new(date, time);
        match self {
            Zone::Named(tz) => match tz.from_local_datetime(&local).earliest() {
                Some(moment) => Ok(moment.fixed_offset()),
                None => Err(format!(
                    "{} does not exist in {} on {}: the clocks go forward then",
                    time.format("%H:%M"),
                    tz.name(),
                    date.format("%Y-%m-%d")
                )),
            },
            Zone::Fixed(offset) => offset
                .from_local_datetime(&local)
                .single()
                .ok_or_else(|| "the time is out of range".to_owned()),
        }
    }
}

/// Reads "+02:00", "-0530", "+2", "UTC+2", "GMT-05:30" or "Z" as an offset from UTC.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let upper = text.to_ascii_uppercase();
    let rest = ["UTC", "GMT"]
        .iter()
        .find_map(|prefix| upper.strip_prefix(prefix))
        .unwrap_or(&upper)
        .trim();
    if rest.is_empty() || rest == "Z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, digits) = match rest.as_bytes()[0] {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() == 4 && digits.is_ascii() => digits.split_at(2),
        None => (digits, "0"),
    };
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if hours > 14 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
}

/// Up to `limit` IANA zone names that contain what was typed (any case, spaces for
/// underscores), those whose city begins with it first: "new y" offers America/New_York.
pub fn zones_matching(typed: &str, limit: usize) -> Vec<&'static str> {
    let typed = typed.trim().to_lowercase().replace(' ', "_");
    if typed.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(bool, &'static str)> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let city = lower.rsplit('/').next().unwrap_or(&lower);
            let starts = city.starts_with(&typed) || lower.starts_with(&typed);
            (starts || lower.contains(&typed)).then_some((!starts, current_name(name)))
        })
        .collect();
    found.sort();
    let mut names: Vec<&'static str> = Vec::new();
    for (_, name) in found {
        if names.len() == limit {
            break;
        }
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Old names the IANA database keeps as links to a zone since renamed, with the zone's current
/// name: a name typed or mistyped is offered the current one ("Kiev" offers Europe/Kyiv, and
/// "Europe/Kyev", as near to the old name as to the new, is taken for Europe/Kyiv).
const RENAMED_ZONES: &[(&str, &str)] = &[
    ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("America/Godthab", "America/Nuuk"),
    ("Asia/Ashkhabad", "Asia/Ashgabat"),
    ("Asia/Calcutta", "Asia/Kolkata"),
    ("Asia/Chongqing", "Asia/Shanghai"),
    ("Asia/Chungking", "Asia/Shanghai"),
    ("Asia/Dacca", "Asia/Dhaka"),
    ("Asia/Katmandu", "Asia/Kathmandu"),
    ("Asia/Macao", "Asia/Macau"),
    ("Asia/Rangoon", "Asia/Yangon"),
    ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
    ("Asia/Thimbu", "Asia/Thimphu"),
    ("Asia/Ujung_Pandang", "Asia/Makassar"),
    ("Asia/Ulan_Bator", "Asia/Ulaanbaatar"),
    ("Atlantic/Faeroe", "Atlantic/Faroe"),
    ("Europe/Kiev", "Europe/Kyiv"),
    ("Europe/Uzhgorod", "Europe/Kyiv"),
    ("Europe/Zaporozhye", "Europe/Kyiv"),
    ("Pacific/Enderbury", "Pacific/Kanton"),
    ("Pacific/Ponape", "Pacific/Pohnpei"),
    ("Pacific/Truk", "Pacific/Chuuk"),
];

/// The zone's current name, for an old one it was renamed from.
fn current_name(name: &'static str) -> &'static str {
    RENAMED_ZONES
        .iter()
        .find(|(old, _)| *old == name)
        .map_or(name, |(_, new)| new)
}

/// The IANA zone whose name is nearest to a mistyped one ("Europe/Kyev" → "Europe/Kyiv"),
/// when one is within two letters of it; a zone's current name, never its old one.
pub fn nearest_zone(typed: &str) -> Option<&'static str> {
    let current = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|tz| tz.name())
        .filter(|name| current_name(name) == *name);
    super::nearest::nearest_name(typed, current)
}

impl Embargo {
    /// An embargo lifting at the first whole hour a day after `now`, on the clock of `zone`.
    pub fn starting(now: DateTime<Utc>, zone: Zone) -> Embargo {
        let later = now + chrono::Duration::days(1);
        let hour = later
            .duration_trunc(chrono::Duration::hours(1))
            .unwrap_or(later);
        Embargo {
            until: zone.clock(hour + chrono::Duration::hours(1)),
            time_zone: zone.name(),
        }
    }

    /// The embargo's zone, or why its `time_zone` is not one.
    pub fn zone(&self) -> Result<Zone, String> {
        Zone::parse(&self.time_zone)
    }

    /// The moment the embargo lifts, on its zone's clock (on its own offset when the zone is
    /// not one).
    pub fn local_until(&self) -> DateTime<FixedOffset> {
        match self.zone() {
            Ok(zone) => zone.clock(self.until.with_timezone(&Utc)),
            Err(_) => self.until,
        }
    }

    /// When `until` carries another offset than its zone has at that moment (a hand-edited
    /// file, say): the zone's offset then.
    pub fn offset_mismatch(&self) -> Option<FixedOffset> {
        let expected = self.zone().ok()?.offset_at(self.until.with_timezone(&Utc));
        (expected != *self.until.offset()).then_some(expected)
    }

    /// Moves the embargo to `date` `time` on its zone's clock (or the new `zone`'s), keeping
    /// the other; the error says why that time cannot be.
    pub fn set_local(
        &mut self,
        zone: Zone,
        date: NaiveDate,
        time: NaiveTime,
    ) -> Result<(), String> {
        self.until = zone.at(date, time)?;
        self.time_zone = zone.name();
        Ok(())
    }

    /// How the embargo reads to a person: "29 Nov 2026 09:00 Europe/Kyiv", with the UTC time
    /// after it when the zone is not UTC ("(07:00 UTC)").
    pub fn describe(&self) -> String {
        let local = self.local_until();
        let utc = self.until.with_timezone(&Utc);
        let mut text = format!(
            "{} {}",
            local.format("%d %b %Y %H:%M"),
            self.time_zone.trim()
        )
        .trim_end()
        .to_owned();
        if local.offset().local_minus_utc() != 0 {
            text.push_str(&format!(" ({} UTC)", utc.format("%H:%M")));
        }
        text
    }
}

#[cfg(test)]
#[path = "embargo_tests.rs"]
mod tests;
