//! The status bar's latest line: news for a while, a failure for longer.

use super::AppState;
use std::time::{Duration, Instant};

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// Whether it is a failure.
    pub error: bool,
    /// When it was said: the status bar shows news for a while, and failures for longer.
    pub at: Instant,
    /// Each thing it sums up, in full (the problems found opening a project), shown when the
    /// line is hovered.
    pub details: Vec<String>,
}

impl Notice {
    /// How long the status bar shows a notice: 10 seconds, or 30 for a failure.
    pub fn shown_for(&self) -> Duration {
        Duration::from_secs(if self.error { 30 } else { 10 })
    }
}

impl AppState {
    /// Shows a message in the status bar.
    pub fn tell(&mut self, text: impl Into<String>) {
        self.say(text.into(), false);
    }

    /// Shows a failure in the status bar.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.say(text.into(), true);
    }

    /// Shows a failure that sums up several, each of them in full when the line is hovered.
    pub fn warn_with_details(&mut self, text: impl Into<String>, details: Vec<String>) {
        self.say(text.into(), true);
        if let Some(notice) = &mut self.notice {
            notice.details = details;
        }
    }

    fn say(&mut self, text: String, error: bool) {
        self.notice = Some(Notice {
            text,
            error,
            at: Instant::now(),
            details: Vec::new(),
        });
    }
}
