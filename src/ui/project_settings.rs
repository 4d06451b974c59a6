//! The project settings dialog and the preferences dialog.

use crate::app::command::Command;
use crate::app::project_settings::{SettingsDraft, SettingsTab};
use crate::model::project::READING_SPEEDS;
use crate::review::{Level, Limits};

/// The project settings dialog: its tabs, the chosen tab's settings, the problems that keep
/// Apply greyed out, then Apply and Cancel.
pub fn settings(
    ui: &mut egui::Ui,
    draft: &mut SettingsDraft,
    first_frame: bool,
    out: &mut Vec<Command>,
) {
    ui.set_max_width(560.0);
    ui.heading("Project settings");
    ui.horizontal(|ui| {
        for tab in SettingsTab::ALL {
            let chosen = ui.selectable_value(&mut draft.tab, tab, tab.label());
            let on = draft.tab == tab;
            chosen
                .widget_info(|| egui::WidgetInfo::selected(egui::Role::Tab, true, on, tab.label()));
            if chosen.changed() {
                draft.refusal = None;
            }
            if first_frame && on {
                chosen.request_focus();
            }
        }
    });
    ui.separator();
    // One size for every tab, so that the dialog does not move under the pointer.
    let height = (ui.ctx().content_rect().height() * 0.6).min(480.0);
    egui::ScrollArea::vertical()
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink(false)
        .show(ui, |ui| match draft.tab {
            SettingsTab::General => general(ui, draft),
            SettingsTab::Sections => sections(ui, draft),
            SettingsTab::Checklist => checklist(ui, draft),
            SettingsTab::Dictionary => dictionary(ui, draft),
        });
    ui.separator();
    let problems = draft.project.problems();
    for problem in &problems {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
    ui.horizontal(|ui| {
        let apply = ui
            .add_enabled(problems.is_empty(), egui::Button::new("Apply"))
            .on_hover_text("One step: Ctrl+Z undoes it")
            .on_disabled_hover_text("Mend the problems above first");
        if apply.clicked() {
            out.push(Command::ApplyProjectSettings);
        }
        if ui.button(Command::CloseModal.label()).clicked() {
            out.push(Command::CloseModal);
        }
    });
}

/// The preferences dialog: the editor's name. Enter applies.
pub fn preferences(
    ui: &mut egui::Ui,
    name: &mut String,
    first_frame: bool,
    out: &mut Vec<Command>,
) {
    ui.heading("Preferences");
    let label = ui.label("Your name");
    let field = ui
        .add(egui::TextEdit::singleline(name).desired_width(320.0))
        .labelled_by(label.id);
    if first_frame {
        field.request_focus();
    }
    ui.weak("It signs the waivers, kills and saved revisions you make on this computer.");
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui.button(Command::ApplyPreferences.label()).clicked() || entered {
            out.push(Command::ApplyPreferences);
        }
        if ui.button(Command::CloseModal.label()).clicked() {
            out.push(Command::CloseModal);
        }
    });
}

/// Title, site address, reading speed, plain-text wrap.
fn general(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    let settings = &mut draft.project.settings;
    egui::Grid::new("settings-general")
        .num_columns(2)
        .show(ui, |ui| {
            let label = ui.label("Title");
            ui.add(egui::TextEdit::singleline(&mut draft.project.title).desired_width(320.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Site address");
            ui.add(
                egui::TextEdit::singleline(&mut settings.base_url)
                    .hint_text("https://news.example.com")
                    .desired_width(320.0),
            )
            .labelled_by(label.id)
            .on_hover_text("Exports link each article at this address, then its slug");
            ui.end_row();
            let label = ui.label("Reading speed");
            ui.add(
                egui::DragValue::new(&mut settings.reading_words_per_minute)
                    .range(READING_SPEEDS)
                    .suffix(" words a minute"),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Plain-text wrap");
            ui.add(
                egui::DragValue::new(&mut settings.export.text_wrap)
                    .range(0..=200)
                    .suffix(" columns"),
            )
            .labelled_by(label.id)
            .on_hover_text("Plain-text exports wrap paragraphs here; 0 keeps each on one line");
            ui.end_row();
        });
}

/// The sections in menu order: move, remove, add.
fn sections(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.label("Articles are filed in these, in this order. Removing one leaves its articles where they are.");
    let sections = &mut draft.project.settings.sections;
    let count = sections.len();
    // (from, to): a move; (at, at): a removal.
    let mut edit = None;
    for (at, section) in sections.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(section.as_str());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if named_button(ui, "Remove", &format!("Remove the section {section}"), true) {
                    edit = Some((at, at));
                }
                let last = at + 1 == count;
                if named_button(ui, "Down", &format!("Move {section} down"), !last) {
                    edit = Some((at, at + 1));
                }
                if named_button(ui, "Up", &format!("Move {section} up"), at > 0) {
                    edit = Some((at, at.saturating_sub(1)));
                }
            });
        });
    }
    match edit {
        Some((at, to)) if at == to => {
            sections.remove(at);
        }
        Some((from, to)) => sections.swap(from, to),
        None => {}
    }
    let added = ui
        .horizontal(|ui| {
            let label = ui.label("New section");
            let field = ui
                .add(egui::TextEdit::singleline(&mut draft.new_section).desired_width(200.0))
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered {
                field.request_focus();
            }
            ui.button("Add section").clicked() || entered
        })
        .inner;
    if added {
        draft.refusal = draft.add_section().err();
    }
    refusal(ui, draft);
}

/// The limits the rules measure against, then each rule's level.
fn checklist(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    let profile = &mut draft.project.settings.checklist;
    ui.strong("Limits");
    egui::Grid::new("settings-limits")
        .num_columns(2)
        .show(ui, |ui| {
            let Limits {
                headline_max,
                seo_title_max,
                social_title_max,
                standfirst_min,
                standfirst_max,
                body_min_words,
                alt_text_max,
                hero_min_width,
                hero_min_pixels,
            } = &mut profile.limits;
            limit(ui, "Longest headline", headline_max, " characters");
            limit(ui, "Longest SEO title", seo_title_max, " characters");
            limit(ui, "Longest social title", social_title_max, " characters");
            limit(ui, "Shortest standfirst", standfirst_min, " characters");
            limit(ui, "Longest standfirst", standfirst_max, " characters");
            limit(ui, "Fewest words in the body", body_min_words, " words");
            limit(ui, "Longest alt text", alt_text_max, " characters");
            limit(ui, "Narrowest hero picture", hero_min_width, " pixels");
            limit(
                ui,
                "Smallest hero picture",
                hero_min_pixels,
                " pixels in all",
            );
        });
    ui.separator();
    ui.strong("Rules");
    ui.weak("Required failures block Ready, Published and export; Recommended ones warn and can be waived.");
    egui::Grid::new("settings-rules")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for rule in crate::review::all_rules() {
                let label = ui.label(rule.title).on_hover_text(rule.id);
                let level = profile
                    .rules
                    .entry(rule.id.to_owned())
                    .or_insert(rule.default_level);
                egui::ComboBox::from_id_salt(rule.id)
                    .selected_text(level_name(*level))
                    .show_ui(ui, |ui| {
                        for choice in [Level::Off, Level::Recommended, Level::Required] {
                            ui.selectable_value(level, choice, level_name(choice));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
}

/// One limit's row: its name and a number to drag or type.
fn limit<N: egui::emath::Numeric>(ui: &mut egui::Ui, name: &str, value: &mut N, unit: &str) {
    let label = ui.label(name);
    ui.add(
        egui::DragValue::new(value)
            .range(0..=100_000_000)
            .suffix(unit),
    )
    .labelled_by(label.id);
    ui.end_row();
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Off => "Off",
        Level::Recommended => "Recommended",
        Level::Required => "Required",
    }
}

/// The project dictionary in alphabetical order: remove, add.
fn dictionary(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
    ui.label("Spelling accepts these words in every article of the project.");
    let added = ui
        .horizontal(|ui| {
            let label = ui.label("New word");
            let field = ui
                .add(egui::TextEdit::singleline(&mut draft.new_word).desired_width(200.0))
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered {
                field.request_focus();
            }
            ui.button("Add word").clicked() || entered
        })
        .inner;
    if added {
        draft.refusal = draft.add_word().err();
    }
    refusal(ui, draft);
    let words = &mut draft.project.settings.dictionary;
    if words.is_empty() {
        ui.weak("No words yet: \"Add to dictionary\" on a spelling finding puts one here.");
    }
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|word| word.to_lowercase());
    let mut removed = None;
    for word in sorted {
        ui.horizontal(|ui| {
            ui.label(word.as_str());
            let name = format!("Remove \"{word}\" from the dictionary");
            if named_button(ui, "Remove", &name, true) {
                removed = Some(word.clone());
            }
        });
    }
    if let Some(word) = removed {
        words.retain(|w| *w != word);
    }
}

/// A small button showing `text`, whose accessible name and hover text is the fuller `name`
/// ("Remove the section World" where it shows "Remove"); true when clicked.
fn named_button(ui: &mut egui::Ui, text: &str, name: &str, enabled: bool) -> bool {
    let button = ui.add_enabled(enabled, egui::Button::new(text).small());
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    button.on_hover_text(name).clicked()
}

/// Why the last section or word typed was not added, if it was not.
fn refusal(ui: &mut egui::Ui, draft: &SettingsDraft) {
    if let Some(why) = &draft.refusal {
        ui.colored_label(ui.visuals().warn_fg_color, why);
    }
}
