//! Workflow moves from the window: a move the checklist refuses says why, and its notice follows
//! the editor's fixes until nothing blocks the move.

use super::AppState;
use super::Modal;
use crate::model::Status;
use crate::review::workflow::{self, Move, Refusal};
use std::time::Instant;
use uuid::Uuid;

/// A move the checklist refused, while the status bar still says so.
#[derive(Debug, Clone, Copy)]
pub struct RefusedMove {
    /// The article it was asked for.
    article: Uuid,
    /// The status asked for.
    to: Status,
    /// When the refusal was said: the notice it follows.
    said_at: Instant,
}

impl AppState {
    /// Moves the open article to a status through the workflow; killing asks for a reason.
    pub fn set_status(&mut self, to: Status, reason: &str) {
        let Some(mut draft) = self.draft.clone() else {
            return;
        };
        // The status it has (the menu's and the palette's marked entry): nothing to move.
        if draft.status == to {
            self.tell(format!("The article is already {to}"));
            return;
        }
        if to == Status::Killed && reason.trim().is_empty() {
            self.modal = Some(Modal::KillReason(String::new()));
            return;
        }
        let editor = self.editor_name();
        let step = Move {
            to,
            reason,
            editor: &editor,
            at: (self.clock)(),
        };
        let outcome = workflow::move_article(&mut draft, step, |moved| self.findings_for(moved));
        match outcome {
            Ok(()) => {
                self.draft = Some(draft);
                self.undo.break_typing();
                self.commit_draft(None);
                self.tell(format!("Status: {to}"));
            }
            Err(Refusal::Blocked(failures)) => {
                self.settings.show_preview = true;
                self.settings.side_pane = super::settings::SidePane::Review;
                self.warn(refusal_text(to, failures));
                self.review.refused = self.notice.as_ref().map(|notice| RefusedMove {
                    article: draft.id,
                    to,
                    said_at: notice.at,
                });
            }
            Err(refusal) => self.warn(refusal.to_string()),
        }
    }

    /// Brings a refused move's notice up to date with the open article's fresh findings: it
    /// lists the failures left, or says that nothing blocks the move any more. Once the notice
    /// is gone or another article is open, the refusal is forgotten.
    pub(super) fn follow_refused_move(&mut self) {
        let Some(refused) = self.review.refused else {
            return;
        };
        let shown = self
            .notice
            .as_ref()
            .is_some_and(|notice| notice.error && notice.at == refused.said_at);
        // Copied only while its notice shows and the refused article is open, not yet moved.
        let Some(mut moved) = (self.draft.as_ref())
            .filter(|draft| shown && draft.id == refused.article && draft.status != refused.to)
            .cloned()
        else {
            self.review.refused = None;
            return;
        };
        moved.status = refused.to;
        let failures = workflow::blocking_failures(&moved, |moved| self.findings_for(moved));
        if failures.is_empty() {
            self.review.refused = None;
            self.tell(format!("Nothing blocks {} now", refused.to));
        } else if let Some(notice) = &mut self.notice {
            notice.text = refusal_text(refused.to, failures);
        }
    }
}

/// The status bar's line for a move refused by these failures.
fn refusal_text(to: Status, failures: Vec<String>) -> String {
    format!("Not moved to {to}. {}", Refusal::Blocked(failures))
}
