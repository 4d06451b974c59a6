//! Help: every keyboard shortcut in one table, and what Copydesk is and where it keeps its data.

use crate::app::command::{Command, PALETTE};

/// Keys that belong to text boxes and lists rather than to a command.
const KEYS_IN_PLACE: &[(&str, &str)] = &[
    (
        "Shift+F10, Menu key",
        "In a text box: its right-click menu at the text cursor",
    ),
    (
        "Enter",
        "In the list or its search: go on to the open article's headline; in a tag, byline or \
         time zone box: take the offer chosen; in the headline: go on to the standfirst, and \
         from the standfirst to the body; in the SEO title: go on to the social title, and \
         from there to the standfirst",
    ),
    (
        "↑ / ↓",
        "In the list (once a row is clicked) or its search: open the previous or next \
         article the list shows; in a box with offers under it: choose one",
    ),
    (
        "Delete",
        "In the list: delete the open article (asks first; undoable)",
    ),
    (
        "Escape",
        "Close a menu, the find bar or a dialog; in the list search: clear it; in the body \
         (where Tab indents a list item or types a tab): leave it, and Tab goes on from the \
         window's first control",
    ),
    (
        "Backspace",
        "In the empty tag box: take the last tag back into it, to be edited",
    ),
    (
        "Ctrl+← / →, Ctrl+Backspace / Delete",
        "In a text box: move or delete by a word (Ctrl+Delete deletes the article only when \
         no text box has the keys); in the body, across paragraphs too",
    ),
    ("Tab / Shift+Tab", "The next or previous field"),
];

/// Every command that has a keyboard shortcut, with all of its shortcuts, then the keys that
/// work in place. Close or Escape closes it.
pub fn shortcuts(ui: &mut egui::Ui, first_frame: bool, out: &mut Vec<Command>) {
    ui.set_max_width(560.0);
    ui.heading("Keyboard shortcuts");
    let height = (ui.ctx().content_rect().height() * 0.6).min(520.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        // As wide as the window, not shrunk to the rows: the room kept for the bar stays.
        .auto_shrink([false, true])
        .show(ui, |ui| {
            super::panes::clear_of_scroll_bar(ui, f32::INFINITY);
            // A grid wraps its text only under a column width: without one, the long
            // descriptions of the keys in text boxes made the window wider than the screen.
            // The descriptions wrap to what the keys leave of the measure.
            egui::Grid::new("help-shortcuts")
                .num_columns(2)
                .max_col_width(ui.available_width())
                .striped(true)
                .show(ui, |ui| {
                    for command in PALETTE {
                        let keys: Vec<String> = command
                            .shortcuts()
                            .iter()
                            .chain(command.text_box_keys())
                            .map(|shortcut| crate::app::command::shortcut_name(ui.ctx(), shortcut))
                            .collect();
                        if !keys.is_empty() {
                            ui.monospace(keys.join(", "));
                            ui.label(command.label());
                            ui.end_row();
                        }
                    }
                    for (keys, what) in KEYS_IN_PLACE {
                        ui.monospace(*keys);
                        ui.label(*what);
                        ui.end_row();
                    }
                });
        });
    ui.weak("Every command, with or without a shortcut, is in the command palette (Ctrl+K).");
    close(ui, first_frame, out);
}

/// Copydesk's name, version and purpose, and the folders it keeps things in.
pub fn about(ui: &mut egui::Ui, first_frame: bool, out: &mut Vec<Command>) {
    ui.heading(format!("Copydesk {}", env!("CARGO_PKG_VERSION")));
    ui.label(env!("CARGO_PKG_DESCRIPTION"));
    ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
    ui.separator();
    let data = crate::sample::data_dir();
    ui.label("Your settings, recent projects and the sample project are kept in:");
    ui.monospace(data.display().to_string());
    ui.label("Projects are folders of JSON files: they are yours, wherever you save them.");
    close(ui, first_frame, out);
}

/// The Close button, which takes the keys when the window appears, so Enter closes it too.
pub(super) fn close(ui: &mut egui::Ui, first_frame: bool, out: &mut Vec<Command>) {
    let button = ui.button("Close");
    if first_frame {
        button.request_focus();
    }
    if button.clicked() {
        out.push(Command::CloseModal);
    }
}
