//! The text box that last had the keys, kept so that Edit → Cut, Copy, Paste and Select all act
//! on it: the menu or the palette that runs them has taken the keys by then.

use super::AppState;
use super::command::TextAction;

/// A text box that had the keys: its widget, its selection then, and the article open then.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextFocus {
    /// The text box's widget id.
    pub id: egui::Id,
    /// Its selection (or cursor) when it last had the keys.
    pub selection: Option<egui::text::CCursorRange>,
    /// The article open when it had the keys (its fields' boxes are the same widgets for
    /// every article).
    pub article: Option<uuid::Uuid>,
}

impl AppState {
    /// Why `action` cannot run now: no text box had the keys, or the project is read-only
    /// (Cut and Paste change text).
    pub(super) fn why_no_text_action(&self, action: TextAction) -> Option<String> {
        if self.noted_text_box().is_none() {
            Some("Click in a text box first".to_owned())
        } else if self.read_only.is_some() && action.changes_text() {
            Some("The project is open read-only".to_owned())
        } else {
            None
        }
    }

    /// The text box noted for the Edit menu, unless another article was opened since.
    pub fn noted_text_box(&self) -> Option<TextFocus> {
        self.text_focus
            .filter(|focus| focus.article == self.selected)
    }
}
