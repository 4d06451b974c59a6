//! Edit → Cut, Copy and Paste from the menu or the palette: the text box that last had the keys
//! is noted at the end of every frame, and given the keys and its selection back when one of
//! them runs, as the right-click menu's Cut, Copy and Paste do.

use crate::app::AppState;
use crate::app::command::ClipboardAction;
use crate::app::text_focus::TextFocus;
use egui::text_edit::TextEditState;

/// At the end of a frame: notes the text box with the keys and its selection. A menu takes the
/// keys without giving them to another widget, so the box stays noted while one is open; a
/// box no longer drawn is forgotten. The palette's and the dialogs' own boxes are not noted:
/// nothing is noted in a frame that drew one (`modal_shown`).
pub fn note(ctx: &egui::Context, state: &mut AppState, modal_shown: bool) {
    if modal_shown {
        return;
    }
    match ctx.memory(|m| m.focused()) {
        Some(id) => {
            state.text_focus = TextEditState::load(ctx, id).map(|edit| TextFocus {
                id,
                selection: edit.cursor.char_range(),
            });
        }
        // (`read_response` is asked only here: for a box with the keys it would take them away
        // after a click elsewhere in the frame, as egui does for a click outside a box.)
        None => {
            if state
                .text_focus
                .is_some_and(|focus| ctx.read_response(focus.id).is_none())
            {
                state.text_focus = None;
            }
        }
    }
}

/// After the frame's commands: carries out the Cut, Copy or Paste asked for, on the noted box.
/// When the palette or a dialog was drawn this frame (`modal_shown`), it waits a frame: egui
/// keeps the keys from the boxes under a modal layer until the frame after it went.
pub fn act(ctx: &egui::Context, state: &mut AppState, modal_shown: bool) {
    if modal_shown && state.clipboard_request.is_some() {
        ctx.request_repaint();
        return;
    }
    let Some(action) = state.clipboard_request.take() else {
        return;
    };
    let Some(focus) = state.text_focus else {
        return;
    };
    if let Some(selection) = focus.selection
        && let Some(mut edit) = TextEditState::load(ctx, focus.id)
    {
        edit.cursor.set_char_range(Some(selection));
        edit.store(ctx, focus.id);
    }
    ask_window(ctx, focus.id, action);
}

/// Gives text box `id` the keys and asks the window for `action` on it: the window answers next
/// frame with the event its keyboard shortcut makes (Ctrl+X, C or V), and with the clipboard's
/// text for a paste.
pub fn ask_window(ctx: &egui::Context, id: egui::Id, action: ClipboardAction) {
    ctx.memory_mut(|m| m.request_focus(id));
    ctx.send_viewport_cmd(match action {
        ClipboardAction::Cut => egui::ViewportCommand::RequestCut,
        ClipboardAction::Copy => egui::ViewportCommand::RequestCopy,
        ClipboardAction::Paste => egui::ViewportCommand::RequestPaste,
    });
}
