//! The corrections' rules: a published article changed later says so, an article marked
//! corrected has a correction to show, and no correction is left without its text (readers
//! would see an empty one).

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::{Article, Status};

/// Grace period after publication within which edits need no correction.
const PUBLISH_GRACE_MINUTES: i64 = 10;

/// A published article changed after its publication has a correction dated after it.
pub(super) fn correction_after_publish(
    a: &Article,
    _: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    let Some(published) = a.first_published else {
        return;
    };
    let is_out = matches!(a.status, Status::Published | Status::Corrected);
    let changed = a.updated > published + chrono::Duration::minutes(PUBLISH_GRACE_MINUTES);
    if is_out && changed && !a.corrections.iter().any(|c| c.date >= published) {
        let message =
            "The article changed after publication but has no correction or clarification".into();
        out.push(Finding::new(
            "correction.after_publish",
            level,
            Field::Corrections,
            message,
        ));
    }
}

/// Every correction has its text.
pub(super) fn correction_text(
    a: &Article,
    _: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    for (at, correction) in a.corrections.iter().enumerate() {
        if correction.text.trim().is_empty() {
            let message = format!(
                "Correction {} has no text: readers would see an empty {}",
                at + 1,
                correction.kind.as_str()
            );
            let finding = Finding::new("correction.text", level, Field::Corrections, message);
            out.push(finding.of_item(Some(at)));
        }
    }
}

/// An article marked corrected has a correction or clarification for its readers.
pub(super) fn corrected_has_correction(
    a: &Article,
    _: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    if a.status == Status::Corrected && a.corrections.is_empty() {
        let message =
            "The article is marked corrected but has no correction or clarification to show".into();
        out.push(Finding::new(
            "correction.present",
            level,
            Field::Corrections,
            message,
        ));
    }
}
