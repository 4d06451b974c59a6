//! The workflow: which status may follow which, and what stops a move.

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::{Article, Status, Transition};
use chrono::{DateTime, Utc};
use std::fmt;

/// Whether an article may move from one status to another (reasons and checks aside).
pub fn allowed(from: Status, to: Status) -> bool {
    use Status::*;
    matches!(
        (from, to),
        (Draft, Editing)
            | (Editing, Draft | Ready)
            | (Ready, Editing | Published)
            | (Published, Corrected)
            | (Killed, Draft)
    ) || (to == Killed && from != Killed)
}

/// The statuses an article may move to next.
pub fn next_statuses(from: Status) -> Vec<Status> {
    Status::ALL
        .into_iter()
        .filter(|&to| allowed(from, to))
        .collect()
}

/// Why a move was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The workflow has no such step.
    NotAllowed {
        /// The status now.
        from: Status,
        /// The status asked for.
        to: Status,
    },
    /// Killing an article needs a reason.
    ReasonNeeded,
    /// Required checklist rules fail; their messages.
    Blocked(Vec<String>),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotAllowed { from, to } => {
                write!(f, "An article cannot go from {from} to {to}")
            }
            Refusal::ReasonNeeded => f.write_str("Killing an article needs a reason"),
            Refusal::Blocked(failures) => {
                write!(f, "Required checks fail: {}", failures.join("; "))
            }
        }
    }
}

/// Who moves an article, when, and why.
pub struct Move<'a> {
    /// The status asked for.
    pub to: Status,
    /// The reason (needed to kill).
    pub reason: &'a str,
    /// The editor's name, for the log.
    pub editor: &'a str,
    /// The moment of the move.
    pub at: DateTime<Utc>,
}

/// The Required failures that keep `moved`, an article with the status asked for already set,
/// from that status: none for the statuses the checklist does not guard.
pub fn blocking_failures(
    moved: &Article,
    check: impl FnOnce(&Article) -> Vec<Finding>,
) -> Vec<String> {
    if !matches!(
        moved.status,
        Status::Ready | Status::Published | Status::Corrected
    ) {
        return Vec::new();
    }
    super::checklist::blocking(&check(moved))
        .map(|f| f.message.clone())
        .collect()
}

/// Moves an article, logging the transition. `check` gives the findings of the article as it
/// would be after the move (an embargo matters only once an article is ready).
pub fn move_article(
    article: &mut Article,
    step: Move,
    check: impl FnOnce(&Article) -> Vec<Finding>,
) -> Result<(), Refusal> {
    let from = article.status;
    if !allowed(from, step.to) {
        return Err(Refusal::NotAllowed { from, to: step.to });
    }
    if step.to == Status::Killed && step.reason.trim().is_empty() {
        return Err(Refusal::ReasonNeeded);
    }
    let mut moved = article.clone();
    moved.status = step.to;
    let failures = blocking_failures(&moved, check);
    if !failures.is_empty() {
        return Err(Refusal::Blocked(failures));
    }
    if step.to == Status::Published && moved.first_published.is_none() {
        moved.first_published = Some(step.at);
    }
    moved.workflow_log.push(Transition {
        from,
        to: step.to,
        at: step.at,
        editor: step.editor.to_owned(),
        reason: step.reason.trim().to_owned(),
    });
    *article = moved;
    Ok(())
}

/// A killed article is not to be published: an export or a paste elsewhere is stopped, with the
/// reason it was killed for.
pub(super) fn not_killed(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if a.status != Status::Killed {
        return;
    }
    let message = match a.kill_reason() {
        Some(reason) => {
            format!("The article was killed (\u{201c}{reason}\u{201d}): it must not be published")
        }
        None => "The article was killed: it must not be published".to_owned(),
    };
    out.push(Finding::new("status.killed", level, Field::Status, message));
}
