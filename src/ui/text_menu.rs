//! The right-click menu on the editor's text boxes: the findings under the pointer, each with
//! the buttons the review pane gives it (its fix, "Fix all", "Add to dictionary", "Waive…"), so
//! a misspelling is mended where it is read; then Cut, Copy, Paste and Select all. Shift+F10 or
//! the Menu key opens it from the keyboard.

use crate::app::command::Command;
use crate::app::review::ReviewState;
use crate::model::Article;
use crate::review::Field;
use egui::{Galley, Pos2, Response, Ui};

/// Where the last right-click on a text box landed, kept under the box's id.
fn clicked_id(response: &Response) -> egui::Id {
    response.id.with("right-clicked-at")
}

/// Where the menu opened from the keyboard stands (at the text cursor), kept under the box's id.
fn keys_id(response: &Response) -> egui::Id {
    response.id.with("menu-opened-by-keys")
}

/// The id under which a text box's selection is kept while it is right-clicked.
fn kept_id(text_box: egui::Id) -> egui::Id {
    text_box.with("selection-kept-for-menu")
}

/// Before text box `id` is drawn: a right-click pressed this frame would collapse its selection
/// to the pointer (egui moves the cursor on any button, and collapses a selection when the box
/// loses the keys to the menu), so a non-empty selection is kept for the menu's Cut, Copy and
/// Paste; see [`after_show`] and [`restore_selection`].
pub fn before_show(ui: &Ui, id: egui::Id) {
    if !ui.input(|i| i.pointer.button_pressed(egui::PointerButton::Secondary)) {
        return;
    }
    ui.data_mut(|d| d.remove::<egui::text::CCursorRange>(kept_id(id)));
    let selection = egui::text_edit::TextEditState::load(ui.ctx(), id)
        .and_then(|state| state.cursor.char_range())
        .filter(|range| !range.is_empty());
    if let Some(selection) = selection {
        ui.data_mut(|d| d.insert_temp(kept_id(id), selection));
    }
}

/// While a right-click goes on: when it began inside the kept selection, the selection is put
/// back on screen; when it began elsewhere, the kept one is dropped, and the cursor stays where
/// egui put it, at the pointer, where Paste then pastes.
fn keep_selection(ui: &Ui, response: &Response, galley: &Galley, galley_pos: Pos2) {
    use egui::PointerButton::Secondary;
    let (pressed, going_on) = ui.input(|i| {
        (
            i.pointer.button_pressed(Secondary),
            i.pointer.button_down(Secondary) || i.pointer.button_released(Secondary),
        )
    });
    let id = kept_id(response.id);
    let Some(kept) = ui.data(|d| d.get_temp::<egui::text::CCursorRange>(id)) else {
        return;
    };
    if pressed {
        let (start, end) = (
            kept.primary.index.min(kept.secondary.index),
            kept.primary.index.max(kept.secondary.index),
        );
        // Where the button went down (a quick click is pressed and released in one frame).
        let press = ui.input(|i| {
            i.events.iter().find_map(|event| match event {
                egui::Event::PointerButton {
                    pos,
                    button: Secondary,
                    pressed: true,
                    ..
                } => Some(*pos),
                _ => None,
            })
        });
        let inside = press.is_some_and(|at| {
            let index = galley.cursor_from_pos(at - galley_pos).index;
            response.rect.contains(at) && (start..=end).contains(&index)
        });
        if !inside {
            ui.data_mut(|d| d.remove::<egui::text::CCursorRange>(id));
            return;
        }
    }
    if pressed || going_on {
        restore_selection(ui, response.id);
    }
}

/// Puts back text box `id`'s selection kept through a right-click, if one was.
fn restore_selection(ui: &Ui, id: egui::Id) {
    let kept = ui.data(|d| d.get_temp::<egui::text::CCursorRange>(kept_id(id)));
    if let Some(kept) = kept
        && let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id)
    {
        state.cursor.set_char_range(Some(kept));
        state.store(ui.ctx(), id);
    }
}

/// After a text box is drawn: keeps its selection through a right-click inside it (see
/// [`before_show`]), and notes where a right-click landed, as a byte offset into its field, for
/// the menu's findings. The box's text is shown as `galley` at `galley_pos` and starts `base`
/// bytes into the field (a body paragraph's place in the body; 0 for a whole field).
pub fn after_show(ui: &Ui, response: &Response, galley: &Galley, galley_pos: Pos2, base: usize) {
    keep_selection(ui, response, galley, galley_pos);
    // Shift+F10 or the Menu key opens the menu at the text cursor, as on other desktops.
    let by_keys = response.has_focus()
        && ui.ctx().input_mut(|i| {
            i.consume_key(egui::Modifiers::SHIFT, egui::Key::F10)
                || i.consume_key(egui::Modifiers::NONE, egui::Key::Menu)
        });
    let cursor = by_keys
        .then(|| egui::text_edit::TextEditState::load(ui.ctx(), response.id))
        .flatten()
        .and_then(|state| state.cursor.char_range());
    let chars = if let Some(cursor) = cursor {
        let at = galley_pos
            + galley
                .pos_from_cursor(cursor.primary)
                .left_bottom()
                .to_vec2();
        ui.data_mut(|d| d.insert_temp(keys_id(response), (at, true)));
        cursor.primary.index.0
    } else if response.secondary_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        ui.data_mut(|d| d.remove::<(Pos2, bool)>(keys_id(response)));
        galley.cursor_from_pos(pointer - galley_pos).index.0
    } else {
        return;
    };
    let byte = crate::text_diff::byte_at_char(galley.text(), chars);
    ui.data_mut(|d| d.insert_temp(clicked_id(response), base + byte));
}

/// Whether the menu of the text box of `response` was asked for this frame, by a right-click or
/// from the keyboard (after [`after_show`]).
pub fn asked(ui: &Ui, response: &Response) -> bool {
    response.secondary_clicked()
        || ui
            .data(|d| d.get_temp::<(Pos2, bool)>(keys_id(response)))
            .is_some_and(|(_, now)| now)
}

/// The findings (indices into the review's) under byte `at` of `field` as the draft reads now.
fn findings_under(field: Field, at: usize, review: &ReviewState, draft: &Article) -> Vec<usize> {
    let (Some(text), Some(reviewed)) = (field.text(draft), review.reviewed.as_deref()) else {
        return Vec::new();
    };
    // Findings of the article open before are not this one's.
    match field.text(reviewed).filter(|_| reviewed.id == draft.id) {
        Some(reviewed_text) => {
            super::highlight::findings_at(&review.findings, field, reviewed_text, text, at)
        }
        None => Vec::new(),
    }
}

/// Shows the right-click menu of `response`, a text box of `field`: the findings under the
/// pointer with their buttons, then Cut, Copy and Paste. Shift+F10 or the Menu key opens it at
/// the text cursor, for the findings there, with the keys in its first entry.
pub fn attach(
    ui: &Ui,
    response: &Response,
    field: Field,
    review: &ReviewState,
    draft: &Article,
    out: &mut Vec<Command>,
) {
    // Opened from the keyboard: where, and whether it was this frame.
    let by_keys = ui.data(|d| d.get_temp::<(Pos2, bool)>(keys_id(response)));
    let keys_now = by_keys.is_some_and(|(_, now)| now);
    if !asked(ui, response) && !response.context_menu_opened() {
        // A menu the keyboard opened and Escape closed gives the keys back to its text box.
        if by_keys.is_some() {
            ui.data_mut(|d| d.remove::<(Pos2, bool)>(keys_id(response)));
            if ui.memory(|m| m.focused().is_none()) {
                ui.memory_mut(|m| m.request_focus(response.id));
            }
        }
        return;
    }
    if let Some((at, true)) = by_keys {
        ui.data_mut(|d| d.insert_temp(keys_id(response), (at, false)));
    }
    let at = ui.data(|d| d.get_temp::<usize>(clicked_id(response)));
    let under = at.map_or_else(Vec::new, |at| findings_under(field, at, review, draft));
    let findings = &review.findings;
    use egui::SetOpenCommand;
    let open = if response.secondary_clicked() || keys_now {
        Some(SetOpenCommand::Bool(true))
    } else if response.clicked() {
        Some(SetOpenCommand::Bool(false))
    } else {
        None
    };
    let popup = egui::Popup::menu(response).open_memory(open);
    let popup = match by_keys {
        Some((at, _)) => popup.at_position(at),
        None => popup.at_pointer_fixed(),
    };
    popup.show(|ui| {
        ui.set_max_width(340.0);
        let twins = crate::review::fix_twin_counts(findings, draft);
        let before = out.len();
        // The menu's first button: where the keys go when the keyboard opened the menu.
        let mut first = None;
        for index in &under {
            let finding = &findings[*index];
            // Left-aligned: the menu's justified layout would stretch its words to the width.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.add(egui::Label::new(&finding.message).wrap())
            });
            first.get_or_insert(ui.next_auto_id());
            super::review_panel::actions(ui, (*index, finding), twins[*index], draft, out);
            ui.separator();
        }
        if out.len() > before {
            ui.close();
        }
        first.get_or_insert(ui.next_auto_id());
        clipboard(ui, response);
        if keys_now && let Some(first) = first {
            ui.memory_mut(|m| m.request_focus(first));
        }
    });
}

/// Cut, Copy, Paste and Select all for the text box of `response`, as its keyboard shortcuts
/// do them: the box takes the keys back and the window asks the system's clipboard (Cut and
/// Paste are greyed out in a read-only box).
fn clipboard(ui: &mut Ui, response: &Response) {
    use crate::app::command::TextAction;
    for action in TextAction::ALL {
        let command = Command::EditText(action);
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(shortcut);
        }
        let changes = action.changes_text();
        if ui
            .add_enabled(response.enabled() || !changes, button)
            .clicked()
        {
            restore_selection(ui, response.id);
            super::text_focus::ask_window(ui.ctx(), response.id, action);
            ui.close();
        }
    }
}
