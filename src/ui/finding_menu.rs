//! The right-click menu on underlined text: the findings under the pointer, each with the
//! buttons the review pane gives it (its fix, "Fix all", "Add to dictionary", "Waive…"), so a
//! misspelling is mended where it is read.

use crate::app::command::Command;
use crate::app::review::ReviewState;
use crate::model::Article;
use crate::review::Field;
use egui::{Galley, Pos2, Response, Ui};

/// Where the last right-click on a text box landed, kept under the box's id.
fn clicked_id(response: &Response) -> egui::Id {
    response.id.with("right-clicked-at")
}

/// Notes where a right-click on a text box landed, as a byte offset into its field: `text` is
/// shown as `galley` at `galley_pos` and starts `base` bytes into the field (a body paragraph's
/// place in the body; 0 for a whole field).
pub fn note_click(
    ui: &Ui,
    response: &Response,
    galley: &Galley,
    galley_pos: Pos2,
    text: &str,
    base: usize,
) {
    if !response.secondary_clicked() {
        return;
    }
    let Some(pointer) = response.interact_pointer_pos() else {
        return;
    };
    let chars = galley.cursor_from_pos(pointer - galley_pos).index.0;
    let byte = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b);
    ui.data_mut(|d| d.insert_temp(clicked_id(response), base + byte));
}

/// Shows the menu of the findings under the last right-click on `response`, a text box of
/// `field`, when there are any there.
pub fn attach(
    ui: &Ui,
    response: &Response,
    field: Field,
    review: &ReviewState,
    draft: &Article,
    out: &mut Vec<Command>,
) {
    if !response.secondary_clicked() && !response.context_menu_opened() {
        return;
    }
    let Some(at) = ui.data(|d| d.get_temp::<usize>(clicked_id(response))) else {
        return;
    };
    let (Some(text), Some(reviewed)) = (field.text(draft), review.reviewed.as_deref()) else {
        return;
    };
    // Findings of the article open before are not this one's.
    let Some(reviewed_text) = field.text(reviewed).filter(|_| reviewed.id == draft.id) else {
        return;
    };
    let findings = &review.findings;
    let under = super::highlight::findings_at(findings, field, reviewed_text, text, at);
    if under.is_empty() {
        return;
    }
    response.context_menu(|ui| {
        ui.set_max_width(340.0);
        let twins = crate::review::fix_twin_counts(findings, draft);
        let before = out.len();
        for (n, index) in under.iter().enumerate() {
            let finding = &findings[*index];
            if n > 0 {
                ui.separator();
            }
            ui.add(egui::Label::new(&finding.message).wrap());
            super::review_panel::actions(ui, (*index, finding), twins[*index], draft, out);
        }
        if out.len() > before {
            ui.close();
        }
    });
}
