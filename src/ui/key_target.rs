//! Where the keys go when a command opens a box for them. The command runs at the end of a
//! frame and the box is drawn in the next, after the panes; so without a hand-over a key typed at
//! once went to the field that had the keys (Ctrl+K, then "s" typed an "s" into the headline) or
//! was lost (Ctrl+F, then the first letter of the search). At the start of every frame, before
//! anything is drawn, the keys are given to the box that is to have them ([`hand_over`]); after
//! the frame is drawn they are given again if that box did not keep them ([`keep`]): in the frame
//! after the palette or a question closes, egui still keeps the keys from every box beneath it.

use crate::app::AppState;

/// Where the keys went at the start of this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handed(Option<egui::Id>);

/// At the start of a frame: gives the keys to the palette's field while it is open, to a
/// question's text box as it opens (or takes them from the article's fields when it has none),
/// to the field a command goes to (the new article's headline), to the list's search after Find
/// in list, and to the find bar's box after Find. The requests for the search and the find bar
/// are taken here, drawn or not. When the palette or a question closes and no command sent the
/// keys elsewhere, they go back to the article list or the text box that had them before, with
/// its selection.
pub fn hand_over(ctx: &egui::Context, state: &mut AppState) -> Handed {
    let overlay_open = state.palette.is_some() || state.modal.is_some();
    let overlay_id = egui::Id::unique("copydesk-overlay-open-last-frame");
    let was_open = ctx.data_mut(|d| {
        let was_open = d.get_temp::<bool>(overlay_id).unwrap_or(false);
        d.insert_temp(overlay_id, overlay_open);
        was_open
    });
    let target = if state.palette.is_some() {
        Some(super::palette::field_id())
    } else if let Some(modal) = &state.modal {
        if !super::modals::opening(ctx, modal) {
            return Handed(None);
        }
        super::modals::first_text_box(modal)
    } else if let Some((label, ..)) = &state.pending_field_cursor {
        Some(super::fields::jump_target(ctx, label))
    } else if std::mem::take(&mut state.focus_search) {
        Some(super::article_list::search_box_id())
    } else if let Some(bar) = state.find_bar.as_mut().filter(|bar| bar.focus) {
        bar.focus = false;
        Some(super::find_bar::find_box_id())
    } else if was_open && state.list_had_keys {
        Some(super::article_list::keys_id())
    } else if let Some(noted) = state.noted_text_box().filter(|_| was_open) {
        super::text_focus::give_back(ctx, noted);
        Some(noted.id)
    } else {
        return Handed(None);
    };
    ctx.memory_mut(|memory| match (target, memory.focused()) {
        (Some(id), _) => memory.request_focus(id),
        (None, Some(focused)) => memory.surrender_focus(focused),
        (None, None) => {}
    });
    Handed(target)
}

/// After the frame is drawn: gives the keys again to the box they were handed to, if it did not
/// keep them (egui takes them from a box drawn beneath the palette or a question in the frame
/// after it closed); the box has them from the next frame.
pub fn keep(ctx: &egui::Context, handed: Handed) {
    if let Handed(Some(id)) = handed
        && ctx.memory(|m| m.focused()) != Some(id)
    {
        ctx.memory_mut(|m| m.request_focus(id));
    }
}
