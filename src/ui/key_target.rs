//! Where the keys go when a command opens a box for them. The command runs at the end of a
//! frame and the box is drawn in the next, after the panes; so without a hand-over a key typed at
//! once went to the field that had the keys (Ctrl+K, then "s" typed an "s" into the headline) or
//! was lost (Ctrl+F, then the first letter of the search). At the start of every frame, before
//! anything is drawn, the keys are given to the box that is to have them.

use crate::app::AppState;

/// At the start of a frame: gives the keys to the palette's field while it is open, to a
/// question's text box as it opens (or takes them from the article's fields when it has none),
/// to the field a command goes to (the new article's headline), to the list's search after Find
/// in list, and to the find bar's box after Find. The requests for the search and the find bar
/// are taken here, drawn or not.
pub fn hand_over(ctx: &egui::Context, state: &mut AppState) {
    let target = if state.palette.is_some() {
        Some(super::palette::field_id())
    } else if let Some(modal) = &state.modal {
        if !super::modals::opening(ctx, modal) {
            return;
        }
        super::modals::first_text_box(modal)
    } else if let Some((label, ..)) = &state.pending_field_cursor {
        Some(super::fields::field_id(label))
    } else if std::mem::take(&mut state.focus_search) {
        Some(super::article_list::search_box_id())
    } else if let Some(bar) = state.find_bar.as_mut().filter(|bar| bar.focus) {
        bar.focus = false;
        Some(super::find_bar::find_box_id())
    } else {
        return;
    };
    ctx.memory_mut(|memory| match (target, memory.focused()) {
        (Some(id), _) => memory.request_focus(id),
        (None, Some(focused)) => memory.surrender_focus(focused),
        (None, None) => {}
    });
}
