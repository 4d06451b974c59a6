//! Pastes into the body: text comes in with its lines as paragraphs
//! ([`crate::markdown::paste::pasted_paragraphs`]), unless Ctrl+Shift+V asked for it as it is.

use egui::{Event, Id, Key, KeyboardShortcut, Modifiers, Ui};

/// Ctrl+Shift+V: paste keeping the lines as they are.
const PLAIN_PASTE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);

/// How many frames the clipboard's text is awaited after Ctrl+Shift+V asked for it.
const PLAIN_PASTE_FRAMES: u64 = 5;

/// Where the frame of a Ctrl+Shift+V waits for the clipboard's text it asked for.
fn plain_id() -> Id {
    Id::unique("copydesk-body-plain-paste")
}

/// Handles this frame's pastes into the body, which has the keys: Ctrl+Shift+V asks the window
/// for the clipboard's text, which comes in next frame as it is; any other paste's lines become
/// paragraphs.
pub(super) fn take_pastes(ui: &Ui) {
    let frame = ui.ctx().cumulative_frame_nr();
    if ui.input_mut(|i| i.consume_shortcut(&PLAIN_PASTE)) {
        ui.data_mut(|d| d.insert_temp(plain_id(), frame));
        ui.ctx()
            .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
        return;
    }
    if !ui.input(|i| i.events.iter().any(|e| matches!(e, Event::Paste(_)))) {
        return;
    }
    let asked = ui.data_mut(|d| d.remove_temp::<u64>(plain_id()));
    if asked.is_some_and(|at| frame.saturating_sub(at) <= PLAIN_PASTE_FRAMES) {
        return;
    }
    ui.input_mut(|input| {
        for event in &mut input.events {
            if let Event::Paste(text) = event
                && let std::borrow::Cow::Owned(paragraphs) =
                    crate::markdown::paste::pasted_paragraphs(text)
            {
                *text = paragraphs;
            }
        }
    });
}
