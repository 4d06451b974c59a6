//! The editor's structured fields: bylines with roles, tags as chips and the corrections, each
//! row labelled by its number.

use super::editor::Change;
use super::fields;
use crate::model::{Byline, Correction, CorrectionKind};
use crate::review::Field;
use egui::{RichText, TextEdit};

/// The bylines, each a name and a role, with buttons to move and remove them and to add one.
/// While a name is typed, the names the project's other bylines use that begin with it are
/// offered below it (`known`), so a colleague's name is picked rather than typed again.
pub(super) fn bylines(
    ui: &mut egui::Ui,
    bylines: &mut Vec<Byline>,
    known: &[String],
    enabled: bool,
    change: &mut Change,
) {
    ui.label(RichText::new("Bylines").strong());
    let mut action: Option<(usize, i32)> = None;
    let count = bylines.len();
    // A pane too narrow for a byline's whole row takes its role and buttons on a second line.
    let one_row = ui.available_width() >= BYLINE_ROW_WIDTH;
    for (i, byline) in bylines.iter_mut().enumerate() {
        let row = Row {
            index: i,
            count,
            enabled,
        };
        // The name's row (with the role and buttons when they fit), the names offered while
        // the name is typed right under its box, then the role's own row when they did not.
        let offering = byline_offering(i);
        fields::offer_keys(ui, byline_name_id(i), offering);
        let typing = ui
            .horizontal(|ui| {
                let typing = byline_name(ui, byline, &row, change);
                if one_row {
                    byline_role(ui, byline, &row, change, &mut action);
                }
                typing
            })
            .inner;
        let picked = fields::offers_shown(ui, offering, typing)
            && name_suggestions(ui, &mut byline.name, known, offering);
        if !one_row {
            ui.horizontal(|ui| byline_role(ui, byline, &row, change, &mut action));
        }
        if picked {
            *change = Some(None);
        }
    }
    let add = ui.add_enabled(enabled, egui::Button::new("Add byline"));
    fields::note_jump_target(ui, "Add byline", &add);
    if add.clicked() {
        bylines.push(Byline::default());
        // The new byline's name is typed at once.
        let name = byline_name_id(bylines.len() - 1);
        ui.memory_mut(|m| m.request_focus(name));
        *change = Some(None);
    }
    if let Some((i, direction)) = action {
        match direction {
            0 => {
                bylines.remove(i);
            }
            -1 if i > 0 => bylines.swap(i, i - 1),
            1 if i + 1 < bylines.len() => bylines.swap(i, i + 1),
            _ => return,
        }
        *change = Some(None);
    }
}

/// The least width a byline's name, role and buttons take on one line.
const BYLINE_ROW_WIDTH: f32 = 560.0;

/// Which byline a row shows, of how many, and whether it may be edited.
struct Row {
    index: usize,
    count: usize,
    enabled: bool,
}

/// A byline's name box; true while it is typed in (or just left), for the names offered.
fn byline_name(ui: &mut egui::Ui, byline: &mut Byline, row: &Row, change: &mut Change) -> bool {
    let name_label = ui.label(byline_name_label(row.index));
    let name = ui
        .add_enabled(
            row.enabled,
            TextEdit::singleline(&mut byline.name)
                .id(byline_name_id(row.index))
                .desired_width(160.0),
        )
        .labelled_by(name_label.id);
    if name.changed() {
        *change = Some(Some("byline"));
        fields::offers_changed(ui, byline_offering(row.index));
    }
    // Enter in the name takes the name chosen among those offered (the key that ends the box).
    name.has_focus() || name.lost_focus()
}

/// A byline's role box and its Up, Down and Remove buttons, which set `action` to the byline
/// and -1, 1 or 0.
fn byline_role(
    ui: &mut egui::Ui,
    byline: &mut Byline,
    row: &Row,
    change: &mut Change,
    action: &mut Option<(usize, i32)>,
) {
    let i = row.index;
    // The role takes the room the row has left beside its label and buttons, so that
    // "Culture correspondent" shows whole in a wide pane.
    let role_width = (ui.available_width() - 230.0).clamp(80.0, 200.0);
    let role_label = ui.label(format!("Role {}", i + 1));
    if ui
        .add_enabled(
            row.enabled,
            TextEdit::singleline(&mut byline.role)
                .id(row_field_id("byline-role", i))
                .desired_width(role_width),
        )
        .labelled_by(role_label.id)
        .changed()
    {
        *change = Some(Some("byline"));
    }
    ui.add_enabled_ui(row.enabled, |ui| {
        // The first byline cannot go up, nor the last down.
        let n = i + 1;
        if fields::small_named_button(ui, "Up", &format!("Move byline {n} up"), i > 0) {
            *action = Some((i, -1));
        }
        let last = n == row.count;
        if fields::small_named_button(ui, "Down", &format!("Move byline {n} down"), !last) {
            *action = Some((i, 1));
        }
        if fields::small_named_button(ui, "Remove", &format!("Remove byline {n}"), true) {
            *action = Some((i, 0));
        }
    });
}

/// The known names that begin with what `name` holds so far (up to five), as buttons that
/// complete it, the one chosen with ↓ and ↑ (`offering`) also by Enter; whether one was picked.
fn name_suggestions(
    ui: &mut egui::Ui,
    name: &mut String,
    known: &[String],
    offering: egui::Id,
) -> bool {
    let typed = name.trim().to_lowercase();
    if typed.is_empty() {
        return false;
    }
    let matches: Vec<&str> = known
        .iter()
        .filter(|k| k.to_lowercase().starts_with(&typed) && **k != *name)
        .map(String::as_str)
        .take(5)
        .collect();
    if matches.is_empty() {
        return false;
    }
    if ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        *name = matches[fields::chosen_offer(ui, offering, matches.len())].to_owned();
        return true;
    }
    let caption = "Known (↓ ↑ choose, Enter takes it):";
    let picked = fields::offer_buttons(ui, offering, caption, &matches);
    if let Some(known) = picked {
        *name = known.to_owned();
    }
    picked.is_some()
}

/// The tags as chips with a remove button, and a box that adds a tag on Enter (Backspace in it
/// when empty takes the last tag back to be edited). While a tag is typed, the project's tags
/// that begin with it are offered (↓ and ↑ choose, Enter takes the one chosen), so one subject
/// keeps one spelling across the project. A tag typed but not yet added stays with its article
/// (`id`).
pub(super) fn tags(
    ui: &mut egui::Ui,
    (id, tags): (uuid::Uuid, &mut Vec<String>),
    known: &[String],
    enabled: bool,
    change: &mut Change,
) {
    let new_tag_id = egui::Id::unique("copydesk-new-tag");
    ui.horizontal_wrapped(|ui| {
        let label = fields::row_label(ui, "Tags");
        let mut remove = None;
        for (i, tag) in tags.iter().enumerate() {
            let chip = egui::Button::new(format!("{tag}  ×"))
                .small()
                .corner_radius(10.0);
            if ui
                .add_enabled(enabled, chip)
                .on_hover_text(format!("Remove tag {tag}"))
                .clicked()
            {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            tags.remove(i);
            *change = Some(None);
        }
        let typed_id = new_tag_id.with(id);
        let mut new_tag: String = ui.data_mut(|d| d.get_temp(typed_id).unwrap_or_default());
        let was_empty = new_tag.is_empty();
        let offering = egui::Id::unique("copydesk-tag-offers");
        fields::offer_keys(ui, fields::field_id("Tags"), offering);
        let field = ui
            .add_enabled(
                enabled,
                TextEdit::singleline(&mut new_tag)
                    // Its own id (the one a finding about tags goes to): a chip added before it
                    // must not take its automatic id, and with it the keys, so that the next
                    // Enter would remove that chip.
                    .id(fields::field_id("Tags"))
                    .hint_text("add a tag, Enter")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        // Backspace in the empty box takes the last tag back into it, to be edited.
        if was_empty
            && field.has_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Backspace))
            && let Some(last) = tags.pop()
        {
            new_tag = last;
            let end = new_tag.chars().count();
            fields::select_in_field(ui.ctx(), field.id, end, end);
            fields::offers_changed(ui, offering);
            *change = Some(None);
        }
        let offers = crate::model::tags::offered(known, tags, &new_tag);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if field.changed() {
            fields::offers_changed(ui, offering);
        }
        let picked = if fields::offers_shown(ui, offering, field.has_focus() || entered)
            && !offers.is_empty()
        {
            let offers: Vec<&str> = offers.iter().map(String::as_str).collect();
            let caption = "In the project (↓ ↑ choose, Enter takes it):";
            let clicked = fields::offer_buttons(ui, offering, caption, &offers);
            let chosen = offers[fields::chosen_offer(ui, offering, offers.len())];
            clicked.or(entered.then_some(chosen)).map(str::to_owned)
        } else {
            None
        };
        let chosen = picked.is_some();
        if let Some(known) = picked {
            crate::model::tags::complete_last(&mut new_tag, &known);
        }
        if entered || chosen {
            // "Peace talks, Diplomacy" adds two tags; one the article has is not added again.
            let added = crate::model::tags::typed_tags(tags, &new_tag);
            if !added.is_empty() {
                tags.extend(added);
                *change = Some(None);
            }
            new_tag.clear();
            field.request_focus();
        }
        ui.data_mut(|d| d.insert_temp(typed_id, new_tag));
    });
}

/// The language's tag, its name beside it when it is a common one, and a menu of the common
/// languages that puts a tag in the box.
pub(super) fn language(
    ui: &mut egui::Ui,
    language: &mut String,
    enabled: bool,
    change: &mut Change,
) {
    use crate::model::language::{COMMON, name_of};
    ui.horizontal(|ui| {
        let label = fields::row_label(ui, "Language");
        if ui
            .add_enabled(
                enabled,
                TextEdit::singleline(language)
                    .id(fields::field_id("Language"))
                    .desired_width(100.0),
            )
            .labelled_by(label.id)
            .changed()
        {
            *change = Some(Some("language"));
        }
        let shown = name_of(language).unwrap_or("Other");
        let mut picked = None;
        ui.add_enabled_ui(enabled, |ui| {
            let combo = egui::ComboBox::from_id_salt("copydesk-language-menu")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (tag, name) in COMMON {
                        let chosen = language.eq_ignore_ascii_case(tag);
                        if ui
                            .selectable_label(chosen, format!("{name} ({tag})"))
                            .clicked()
                        {
                            // A choice made with the keys closes the list too.
                            fields::chosen(ui);
                            picked = Some(*tag);
                        }
                    }
                })
                .response;
            fields::name_for_readers(ui, &combo, "Common languages");
        });
        if let Some(tag) = picked.filter(|tag| language != tag) {
            *language = tag.to_owned();
            *change = Some(None);
        }
    });
}

/// The corrections, each dated, of a kind and with its text, and a button to add one.
pub(super) fn corrections(
    ui: &mut egui::Ui,
    corrections: &mut Vec<Correction>,
    now: chrono::DateTime<chrono::Utc>,
    enabled: bool,
    change: &mut Change,
) {
    ui.label(RichText::new("Corrections").strong());
    let mut removed = None;
    for (i, correction) in corrections.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            // "Correction 1 · 2026-11-22 [Correction ▾] [text]": the number, then the date, the
            // kind and the wording; the kind's box is named for screen readers only.
            let label = ui.label(correction_label(i));
            ui.weak(correction.date.format("%Y-%m-%d").to_string());
            let mut kind = correction.kind;
            ui.add_enabled_ui(enabled, |ui| {
                let combo = egui::ComboBox::from_id_salt(("correction-kind", i))
                    .selected_text(kind.label())
                    .show_ui(ui, |ui| {
                        for choice in CorrectionKind::ALL {
                            fields::choice(ui, &mut kind, choice, choice.label());
                        }
                    })
                    .response;
                fields::name_for_readers(ui, &combo, format!("Kind of correction {}", i + 1));
            });
            if kind != correction.kind {
                correction.kind = kind;
                *change = Some(None);
            }
            // A correction stays once written; one left empty (added by mistake) can go.
            let name = format!("Remove the empty correction {}", i + 1);
            if correction.text.trim().is_empty()
                && fields::small_named_button(ui, "Remove", &name, enabled)
            {
                removed = Some(i);
            }
            if ui
                .add_enabled(
                    enabled,
                    TextEdit::multiline(&mut correction.text)
                        .id(correction_text_id(i))
                        .desired_rows(1)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id)
                .changed()
            {
                *change = Some(Some("correction"));
            }
        });
    }
    if let Some(i) = removed {
        corrections.remove(i);
        *change = Some(None);
    }
    let add = ui.add_enabled(enabled, egui::Button::new("Add correction"));
    fields::note_jump_target(ui, "Add correction", &add);
    if add.clicked() {
        corrections.push(Correction {
            date: now,
            kind: CorrectionKind::Correction,
            text: String::new(),
        });
        // The new correction is written at once.
        let new = correction_text_id(corrections.len() - 1);
        ui.memory_mut(|m| m.request_focus(new));
        *change = Some(None);
    }
}

/// The text box `field` of row `index` of a list of bylines or corrections.
fn row_field_id(field: &str, index: usize) -> egui::Id {
    egui::Id::unique((field, index))
}

/// Where the names offered under byline `index`'s name box keep their state.
fn byline_offering(index: usize) -> egui::Id {
    egui::Id::unique(("copydesk-byline-offers", index))
}

/// The label of byline `index`'s name box ("Name 1"), which names the box for a finding too.
fn byline_name_label(index: usize) -> String {
    Field::Bylines.item_label(index).unwrap_or_default()
}

/// Byline `index`'s name box, which a finding about that byline goes to.
fn byline_name_id(index: usize) -> egui::Id {
    fields::field_id(&byline_name_label(index))
}

/// The label of correction `index`'s text box ("Correction 1"), which names the box for a
/// finding too.
fn correction_label(index: usize) -> String {
    Field::Corrections.item_label(index).unwrap_or_default()
}

/// Correction `index`'s text box, which a finding about that correction goes to.
fn correction_text_id(index: usize) -> egui::Id {
    fields::field_id(&correction_label(index))
}
