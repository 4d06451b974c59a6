//! The find-and-replace bar above the editor's fields: what to find, how many there are and
//! which one is selected, what to put in their place.

use crate::app::AppState;
use crate::app::command::Command;
use crate::app::find::{FindAction, counted_matches};
use crate::model::plural::grouped;
use egui::TextEdit;

/// The id of the find box.
pub fn find_box_id() -> egui::Id {
    egui::Id::unique("copydesk-find-box")
}

/// The id of the replacement box.
fn replacement_box_id() -> egui::Id {
    find_box_id().with("replacement")
}

/// Draws the bar while it is open.
pub fn ui(ui: &mut egui::Ui, state: &mut AppState, out: &mut Vec<Command>) {
    let read_only = state.read_only.is_some();
    let state_is_quiet = state.modal.is_none() && state.palette.is_none();
    let (Some(bar), Some(draft)) = (&mut state.find_bar, &state.draft) else {
        return;
    };
    // Escape in the bar's box or in the text it searches closes it. egui drops the focus on
    // Escape before anything is drawn, so where the keys were is last frame's.
    let escape_in_editor = ui.input(|i| i.key_pressed(egui::Key::Escape))
        && !ui.ctx().any_popup_open()
        && state_is_quiet;
    if let Some(text_box) = bar.keys_in_editor.filter(|_| escape_in_editor) {
        out.push(Command::Find(FindAction::Close));
        // egui takes the keys from a text box on Escape; they go back to it, as the bar is
        // what Escape closes here.
        if ![find_box_id(), replacement_box_id()].contains(&text_box) {
            ui.memory_mut(|m| m.request_focus(text_box));
        }
    }
    let matches = bar.matches(draft);
    let (count, position) = (matches.len(), bar.position(bar.shown()));
    let found = count > 0;
    let mut ask = |action| out.push(Command::Find(action));
    // The boxes give way in a narrow pane, so each row stays one line as long as it can.
    let box_width = (ui.available_width() - 300.0).clamp(100.0, 240.0);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Find");
        let field = ui
            .add(
                TextEdit::singleline(&mut bar.query.text)
                    .id(find_box_id())
                    .hint_text("in this article")
                    .desired_width(box_width),
            )
            .labelled_by(label.id);
        // Enter goes to the next match, Shift+Enter to the one before.
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            bar.keys_back_to_replacement = false;
            let back = ui.input(|i| i.modifiers.shift);
            ask(if back {
                FindAction::Previous
            } else {
                FindAction::Next
            });
        }
        let count = match (bar.query.text.is_empty(), position) {
            (true, _) => None,
            (false, _) if !found => Some("No match".to_owned()),
            (false, Some(at)) => Some(format!("{at} of {}", grouped(count))),
            (false, None) => Some(counted_matches(count)),
        };
        // No label at all while nothing is looked for: an empty label in a wrapping row sends
        // the buttons after it back over the box in a narrow pane.
        if let Some(count) = count {
            ui.label(count);
        }
        if ui
            .add_enabled(found, egui::Button::new("Previous"))
            .clicked()
        {
            ask(FindAction::Previous);
        }
        if ui.add_enabled(found, egui::Button::new("Next")).clicked() {
            ask(FindAction::Next);
        }
        if field.changed() {
            bar.current = None;
        }
        if ui
            .button("Close")
            .on_hover_text("Close the find bar (Escape)")
            .clicked()
        {
            ask(FindAction::Close);
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Replace with");
        let field = ui
            .add(
                TextEdit::singleline(&mut bar.replacement)
                    .id(replacement_box_id())
                    .desired_width(box_width),
            )
            .labelled_by(label.id);
        let can_replace = found && !read_only;
        // Enter replaces the match gone to and goes to the next, the keys staying in the box.
        if can_replace && field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            bar.keys_back_to_replacement = true;
            ask(FindAction::Replace);
        }
        if ui
            .add_enabled(can_replace, egui::Button::new("Replace"))
            .on_hover_text("Replace the selected match and go to the next")
            .clicked()
        {
            ask(FindAction::Replace);
        }
        if ui
            .add_enabled(can_replace, egui::Button::new("Replace all"))
            .clicked()
        {
            ask(FindAction::ReplaceAll);
        }
        let case = ui.checkbox(&mut bar.query.match_case, "Match case");
        let words = ui.checkbox(&mut bar.query.whole_words, "Whole words");
        // A new way of matching starts the count afresh; Enter still goes to the next match.
        if case.changed() || words.changed() {
            bar.current = None;
            bar.focus = true;
        }
    });
    ui.separator();
}

/// Notes whether the keys are in the editor's pane (`pane`) at the end of this frame, for an
/// Escape next frame, and in which box; gives them back to the find box once a match gone to
/// from the bar has been selected (drawn this frame).
pub fn note_focus(ctx: &egui::Context, state: &mut AppState, pane: egui::Rect) {
    if let Some(bar) = &mut state.find_bar {
        let focused = ctx.memory(|m| m.focused());
        let rect = focused.and_then(|id| ctx.read_response(id)).map(|r| r.rect);
        bar.keys_in_editor = focused.filter(|_| rect.is_some_and(|r| pane.contains_rect(r)));
        bar.keys_in_bar =
            focused.is_some_and(|id| [find_box_id(), replacement_box_id()].contains(&id));
        if std::mem::take(&mut bar.keys_back) {
            let id = if std::mem::take(&mut bar.keys_back_to_replacement) {
                replacement_box_id()
            } else {
                find_box_id()
            };
            ctx.memory_mut(|m| m.request_focus(id));
        }
    }
}
