//! Pastes into the body: text comes in with its lines as paragraphs
//! ([`crate::markdown::paste::pasted_paragraphs`]), unless Ctrl+Shift+V asked for it as it is or
//! the text is what the window itself last copied (Markdown already: its lines stay as they are).

use egui::{Event, Id, Key, KeyboardShortcut, Modifiers, OutputCommand, Ui};
use std::sync::Arc;

/// Ctrl+Shift+V: paste keeping the lines as they are.
const PLAIN_PASTE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);

/// How many frames the clipboard's text is awaited after Ctrl+Shift+V asked for it.
const PLAIN_PASTE_FRAMES: u64 = 5;

/// Where the frame of a Ctrl+Shift+V waits for the clipboard's text it asked for.
fn plain_id() -> Id {
    Id::unique("copydesk-body-plain-paste")
}

/// Where the text the window last put on the clipboard is kept.
fn copied_id() -> Id {
    Id::unique("copydesk-copied-text")
}

/// Keeps the text this frame put on the clipboard (a copy or cut anywhere in the window, or a
/// "Copy as…"), so that pasting it back into the body keeps its lines: call once the frame's
/// widgets are drawn.
pub fn remember_copies(ctx: &egui::Context) {
    let copied = ctx.output(|o| {
        o.commands.iter().rev().find_map(|command| match command {
            OutputCommand::CopyText(text) => Some(Arc::new(text.clone())),
            _ => None,
        })
    });
    if let Some(text) = copied {
        ctx.data_mut(|d| d.insert_temp(copied_id(), text));
    }
}

/// Handles this frame's pastes into the body, which has the keys: Ctrl+Shift+V asks the window
/// for the clipboard's text, which comes in next frame as it is, and so does the text the
/// window last copied; any other paste's lines become paragraphs.
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
    let ours: Option<Arc<String>> = ui.data(|d| d.get_temp(copied_id()));
    ui.input_mut(|input| {
        for event in &mut input.events {
            let Event::Paste(text) = event else {
                continue;
            };
            // The clipboard may have made the line ends CR LF on the way.
            let copied_here = ours
                .as_deref()
                .filter(|ours| **ours == *text || **ours == text.replace("\r\n", "\n"));
            if let Some(ours) = copied_here {
                text.clone_from(ours);
            } else if let std::borrow::Cow::Owned(paragraphs) =
                crate::markdown::paste::pasted_paragraphs(text)
            {
                *text = paragraphs;
            }
        }
    });
}
