//! Edit → Cut, Copy, Paste and Select all from the menu or the palette: the text box that last
//! had the keys is noted at the end of every frame, and given the keys and its selection back
//! when one of them runs, as the right-click menu's entries do.

use crate::app::AppState;
use crate::app::command::TextAction;
use crate::app::text_focus::TextFocus;
use egui::text_edit::TextEditState;

/// At the end of a frame: notes the text box with the keys and its selection. A menu takes the
/// keys without giving them to another widget, so the box stays noted while one is open; a
/// box no longer drawn is forgotten, and so is one left by a click in a pane (outside the
/// `menu_bar`): the keys are not given back to it when a question closes, nor does the Edit
/// menu act on it. The palette's and the dialogs' own boxes are not noted: nothing is noted in
/// a frame that drew one (`modal_shown`).
pub fn note(ctx: &egui::Context, state: &mut AppState, modal_shown: bool, menu_bar: egui::Rect) {
    if modal_shown {
        return;
    }
    let focused = ctx.memory(|m| m.focused());
    if focused.is_none() && clicked_in_a_pane(ctx, menu_bar) {
        state.text_focus = None;
        return;
    }
    match focused {
        Some(id) => {
            state.text_focus = TextEditState::load(ctx, id).map(|edit| TextFocus {
                id,
                selection: edit.cursor.char_range(),
                article: state.selected,
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

/// Whether the primary button clicked this frame on a pane, outside the `menu_bar`: not on a
/// menu, a pop-up or the menu bar, which take the keys from a box without leaving it. (egui
/// takes the keys from a box on a click elsewhere, in the frame of the button's release.)
fn clicked_in_a_pane(ctx: &egui::Context, menu_bar: egui::Rect) -> bool {
    let clicked_at = |i: &egui::InputState| {
        i.pointer
            .interact_pos()
            .filter(|_| i.pointer.primary_clicked())
    };
    let Some(at) = ctx.input(clicked_at) else {
        return false;
    };
    let layer = ctx.layer_id_at(at);
    !menu_bar.contains(at) && layer.is_some_and(|layer| layer.order == egui::Order::Background)
}

/// After the frame's commands: carries out the Cut, Copy or Paste asked for, on the noted box.
/// When the palette or a dialog was drawn this frame (`modal_shown`), it waits a frame: egui
/// keeps the keys from the boxes under a modal layer until the frame after it went.
pub fn act(ctx: &egui::Context, state: &mut AppState, modal_shown: bool) {
    if modal_shown && state.text_request.is_some() {
        ctx.request_repaint();
        return;
    }
    let Some(action) = state.text_request.take() else {
        return;
    };
    let Some(focus) = state.noted_text_box() else {
        return;
    };
    give_back(ctx, focus);
    ask_window(ctx, focus.id, action);
}

/// Gives a noted text box the keys again, with the selection it had.
pub fn give_back(ctx: &egui::Context, focus: TextFocus) {
    if let Some(selection) = focus.selection
        && let Some(mut edit) = TextEditState::load(ctx, focus.id)
    {
        edit.cursor.set_char_range(Some(selection));
        edit.store(ctx, focus.id);
    }
    ctx.memory_mut(|m| m.request_focus(focus.id));
}

/// Gives text box `id` the keys and asks for `action` on it. For Cut, Copy and Paste the window
/// answers next frame with the event its keyboard shortcut makes (Ctrl+X, C or V), and with the
/// clipboard's text for a paste; for Select all, Ctrl+A is pressed for it next frame
/// ([`press_pending_keys`]), so the body selects all of itself as it does for the key.
pub fn ask_window(ctx: &egui::Context, id: egui::Id, action: TextAction) {
    ctx.memory_mut(|m| m.request_focus(id));
    let command = match action {
        TextAction::Cut => egui::ViewportCommand::RequestCut,
        TextAction::Copy => egui::ViewportCommand::RequestCopy,
        TextAction::Paste => egui::ViewportCommand::RequestPaste,
        TextAction::SelectAll => {
            ctx.data_mut(|d| d.insert_temp(select_all_id(), true));
            ctx.request_repaint();
            return;
        }
    };
    ctx.send_viewport_cmd(command);
}

/// The id under which a Ctrl+A to press next frame is kept.
fn select_all_id() -> egui::Id {
    egui::Id::unique("copydesk-select-all-next-frame")
}

/// At the start of a frame, before the panes: presses the Ctrl+A that Select all asked for.
pub fn press_pending_keys(ctx: &egui::Context) {
    if ctx.data_mut(|d| d.remove_temp::<bool>(select_all_id())) == Some(true) {
        let modifiers = egui::Modifiers::COMMAND;
        ctx.input_mut(|i| {
            i.events.push(egui::Event::Key {
                key: egui::Key::A,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            });
        });
    }
}
