//! What the review leaves on an article: waived findings and the workflow log.

use super::{Article, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A Recommended finding an editor chose to accept, with why, who and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    /// The rule that was waived (`headline.length`, `proof.spelling`, …).
    pub rule: String,
    /// The field the finding was in.
    pub field: String,
    /// The flagged text, so the waiver covers that finding and not every finding of the rule.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The editor's reason.
    pub reason: String,
    /// Who waived it.
    pub editor: String,
    /// When.
    pub at: DateTime<Utc>,
}

impl Waiver {
    /// Whether this waiver covers a finding of `rule` in `field` flagging `text`.
    pub fn covers(&self, rule: &str, field: &str, text: &str) -> bool {
        self.rule == rule && self.field == field && self.text == text
    }
}

/// One change of workflow status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// The status before.
    pub from: Status,
    /// The status after.
    pub to: Status,
    /// When.
    pub at: DateTime<Utc>,
    /// Who moved it.
    pub editor: String,
    /// Why (required when killing an article; also records an "export anyway").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// What an article was imported from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSource {
    /// The source file's name (or "clipboard").
    pub file: String,
    /// The format it was read as.
    pub format: String,
    /// When it was imported.
    pub imported_at: DateTime<Utc>,
}

impl ImportSource {
    /// The legacy encoding the file was read from ("windows-1252"), when it was not UTF-8.
    pub fn read_as(&self) -> Option<&str> {
        self.format
            .split_once(", read as ")
            .map(|(_, encoding)| encoding)
    }
}

impl Article {
    /// The legacy encoding the article's file was read from on import, when it was not UTF-8.
    pub fn imported_read_as(&self) -> Option<&str> {
        self.import_source.as_ref()?.read_as()
    }

    /// Why a killed article was killed, as its workflow log records it (none when the article
    /// is not killed, or a hand-edited file gives no reason).
    pub fn kill_reason(&self) -> Option<&str> {
        if self.status != Status::Killed {
            return None;
        }
        self.workflow_log
            .iter()
            .rev()
            .find(|step| step.to == Status::Killed)
            .map(|step| step.reason.trim())
            .filter(|reason| !reason.is_empty())
    }
}
