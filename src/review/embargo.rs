//! The embargo's rules: not lifted already when the article is ready, lifted when it is
//! published, and given in a time zone the desk's clocks know, on that zone's offset.

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::embargo::{ZONE_EXAMPLES, nearest_zone};
use crate::model::{Article, Status};
use chrono::Utc;

/// A ready article's embargo must not have lifted already.
pub(super) fn embargo_future(
    a: &Article,
    c: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    if let Some(embargo) = &a.embargo
        && a.status == Status::Ready
        && embargo.until.with_timezone(&Utc) < c.now
    {
        let message = format!(
            "The embargo is in the past: it lifted {}",
            embargo.describe()
        );
        out.push(Finding::new(
            "embargo.future",
            level,
            Field::Embargo,
            message,
        ));
    }
}

/// A published article's embargo must have lifted: marking it published before then would
/// break the embargo, so the move is refused until the time comes.
pub(super) fn embargo_lifted(
    a: &Article,
    c: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    if let Some(embargo) = &a.embargo
        && matches!(a.status, Status::Published | Status::Corrected)
        && embargo.until.with_timezone(&Utc) > c.now
    {
        let message = format!(
            "The embargo lifts only at {}: the article cannot be {} before then (keep it ready)",
            embargo.describe(),
            a.status
        );
        out.push(Finding::new(
            "embargo.lifted",
            level,
            Field::Embargo,
            message,
        ));
    }
}

/// The embargo's time zone must be one the clocks know, and its time on that zone's offset.
pub(super) fn embargo_time_zone(
    a: &Article,
    _: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    let Some(embargo) = &a.embargo else {
        return;
    };
    let zone = embargo.time_zone.trim();
    let message = if zone.is_empty() {
        format!("The embargo has no time zone; give one {ZONE_EXAMPLES}")
    } else if embargo.zone().is_err() {
        match nearest_zone(zone) {
            Some(near) => {
                format!("The embargo's time zone \"{zone}\" is not one; did you mean {near}?")
            }
            None => {
                format!("The embargo's time zone \"{zone}\" is not one; give one {ZONE_EXAMPLES}")
            }
        }
    } else if let Some(expected) = embargo.offset_mismatch() {
        format!(
            "The embargo's time is given at {}, but {zone} is at {expected} then; set the time again",
            embargo.until.offset()
        )
    } else {
        return;
    };
    out.push(Finding::new(
        "embargo.time_zone",
        level,
        Field::Embargo,
        message,
    ));
}
