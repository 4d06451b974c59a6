//! The list tabs: sections, house style and the dictionary, each entry removable and each new
//! one typed and added.

use super::{add_row, entry_box, refusal};
use crate::app::settings_draft::SettingsDraft;
use crate::review::HouseDash;
use crate::ui::fields::small_named_button as named_button;

/// What a click in the sections' rows asks for.
enum SectionEdit {
    Move(usize, usize),
    Remove(usize),
    StartRename(usize),
    Rename,
    CancelRename,
}

/// The sections in menu order: move, rename (the articles follow), remove, add.
pub(super) fn sections(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.label(
        "Articles are filed in these, in this order. A renamed section takes its articles \
         along; removing one leaves its articles where they are.",
    );
    let sections = &draft.project.settings.sections;
    let count = sections.len();
    let mut edit = None;
    for (at, section) in sections.iter().enumerate() {
        let renaming = draft.renaming.as_mut().filter(|(row, _)| *row == at);
        if let Some((_, typed)) = renaming {
            edit = rename_row(ui, section, typed).or(edit);
            continue;
        }
        ui.horizontal(|ui| {
            ui.label(section.as_str());
            let articles = draft.filed.get(section).copied().unwrap_or(0);
            ui.weak(crate::model::plural::counted(articles, "article"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if named_button(ui, "Remove", &format!("Remove the section {section}"), true) {
                    edit = Some(SectionEdit::Remove(at));
                }
                let last = at + 1 == count;
                if named_button(ui, "Down", &format!("Move {section} down"), !last) {
                    edit = Some(SectionEdit::Move(at, at + 1));
                }
                if named_button(ui, "Up", &format!("Move {section} up"), at > 0) {
                    edit = Some(SectionEdit::Move(at, at.saturating_sub(1)));
                }
                if named_button(ui, "Rename", &format!("Rename the section {section}"), true) {
                    edit = Some(SectionEdit::StartRename(at));
                }
            });
        });
    }
    match edit {
        Some(SectionEdit::Move(from, to)) => draft.project.settings.sections.swap(from, to),
        Some(SectionEdit::Remove(at)) => draft.remove_section(at),
        Some(SectionEdit::StartRename(at)) => {
            draft.renaming = Some((at, draft.project.settings.sections[at].clone()));
            ui.memory_mut(|m| m.request_focus(rename_box_id()));
        }
        Some(SectionEdit::Rename) => draft.attempt(RENAME, SettingsDraft::rename_section),
        Some(SectionEdit::CancelRename) => draft.renaming = None,
        None => {}
    }
    refusal(ui, draft, RENAME);
    let action = "Add section";
    if add_row(ui, "New section", &mut draft.typed.section, action) {
        draft.attempt(action, SettingsDraft::add_section);
    }
    refusal(ui, draft, action);
}

/// The name of the button that renames a section, under which its refusal is kept.
const RENAME: &str = "Rename section";

/// The id of the box a section's new name is typed in.
fn rename_box_id() -> egui::Id {
    egui::Id::unique("copydesk-rename-section")
}

/// The row of the section being renamed: its new name's box (Enter renames), Rename, Cancel.
/// Escape cancels the renaming (a second Escape, the dialog).
fn rename_row(ui: &mut egui::Ui, section: &str, typed: &mut String) -> Option<SectionEdit> {
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        return Some(SectionEdit::CancelRename);
    }
    ui.horizontal(|ui| {
        let label = ui.label(format!("New name for {section}"));
        let field = ui
            .add(
                egui::TextEdit::singleline(typed)
                    .id(rename_box_id())
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if entered {
            // A refused name stays in the box, with the keys, to be mended.
            field.request_focus();
        }
        if ui.button(RENAME).clicked() || entered {
            Some(SectionEdit::Rename)
        } else if ui.button("Cancel renaming").clicked() {
            Some(SectionEdit::CancelRename)
        } else {
            None
        }
    })
    .inner
}

/// The project dictionary in alphabetical order: remove, add.
pub(super) fn dictionary(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.label("Spelling accepts these words in every article of the project.");
    let action = "Add word";
    if add_row(ui, "New word", &mut draft.typed.word, action) {
        draft.attempt(action, SettingsDraft::add_word);
    }
    refusal(ui, draft, action);
    let words = &mut draft.project.settings.dictionary;
    if words.is_empty() {
        ui.weak("No words yet: \"Add to dictionary\" on a spelling finding puts one here.");
    }
    removable_words(ui, words, "the dictionary");
}

/// Curly quotes, the dash, preferred forms, banned words and pattern rules.
pub(super) fn house_style(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    let style = &mut draft.project.settings.house_style;
    ui.checkbox(
        &mut style.curly_quotes,
        "The house uses curly quotes (straight ones are flagged)",
    );
    egui::ComboBox::from_label("Dash between words")
        .selected_text(style.dash.label())
        .show_ui(ui, |ui| {
            for dash in HouseDash::ALL {
                crate::ui::fields::choice(ui, &mut style.dash, dash, dash.label());
            }
        });
    ui.separator();
    ui.strong("Preferred forms");
    let rows = style.preferred.iter().enumerate().map(|(at, entry)| {
        let forms = entry.instead_of.join(", ");
        (at, format!("{} instead of {forms}", entry.preferred))
    });
    if let Some(at) = removed_row(ui, rows, |text| format!("Remove {text}")) {
        style.preferred.remove(at);
    }
    let action = "Add preferred form";
    let added = ui
        .horizontal_wrapped(|ui| {
            let typed = &mut draft.typed;
            let entered = entry_box(ui, "Use", &mut typed.preferred)
                | entry_box(ui, "instead of", &mut typed.instead_of);
            ui.button(action).clicked() || entered
        })
        .inner;
    if added {
        draft.attempt(action, SettingsDraft::add_preferred);
    }
    refusal(ui, draft, action);
    ui.separator();
    ui.strong("Banned words");
    let action = "Add banned word";
    if add_row(ui, "New banned word", &mut draft.typed.banned, action) {
        draft.attempt(action, SettingsDraft::add_banned);
    }
    refusal(ui, draft, action);
    removable_words(
        ui,
        &mut draft.project.settings.house_style.banned,
        "the banned words",
    );
    ui.separator();
    patterns(ui, draft);
}

/// The house's pattern rules (regular expressions with a message and an optional fix).
fn patterns(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.strong("Pattern rules");
    let patterns = &mut draft.project.settings.house_style.patterns;
    let rows = patterns.iter().enumerate().map(|(at, rule)| {
        let fix = rule
            .replacement
            .as_ref()
            .map(|r| format!(" (fix: {r})"))
            .unwrap_or_default();
        (at, format!("{}: {}{fix}", rule.pattern, rule.message))
    });
    if let Some(at) = removed_row(ui, rows, |text| format!("Remove {text}")) {
        patterns.remove(at);
    }
    let action = "Add pattern rule";
    let typed = &mut draft.typed;
    let added = egui::Grid::new("settings-new-pattern")
        .num_columns(2)
        .show(ui, |ui| {
            let mut entered = entry_box(ui, "Pattern", &mut typed.pattern);
            ui.end_row();
            entered |= entry_box(ui, "Message", &mut typed.message);
            ui.end_row();
            entered |= entry_box(ui, "Replacement (optional)", &mut typed.replacement);
            ui.end_row();
            entered
        })
        .inner;
    if ui.button(action).clicked() || added {
        draft.attempt(action, SettingsDraft::add_pattern);
    }
    refusal(ui, draft, action);
}

/// `words` in alphabetical order, each with a Remove button ("Remove \"very\" from `list`").
fn removable_words(ui: &mut egui::Ui, words: &mut Vec<String>, list: &str) {
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|&at| words[at].to_lowercase());
    let rows = order.into_iter().map(|at| (at, words[at].clone()));
    if let Some(at) = removed_row(ui, rows, |word| format!("Remove \"{word}\" from {list}")) {
        let word = words[at].clone();
        words.retain(|w| *w != word);
    }
}

/// Each row (an index into its list, and the text shown) with a Remove button named by `name`
/// of its text; the index of the row whose Remove was clicked.
fn removed_row(
    ui: &mut egui::Ui,
    rows: impl Iterator<Item = (usize, String)>,
    name: impl Fn(&str) -> String,
) -> Option<usize> {
    let mut removed = None;
    for (at, text) in rows {
        ui.horizontal(|ui| {
            ui.label(text.as_str());
            if named_button(ui, "Remove", &name(&text), true) {
                removed = Some(at);
            }
        });
    }
    removed
}
