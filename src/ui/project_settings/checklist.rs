//! The checklist tab: the limits the rules measure against, and each rule's level.

use crate::app::settings_draft::SettingsDraft;
use crate::review::{Level, Limits};

/// The limits the rules measure against, then each rule's level.
pub(super) fn checklist(ui: &mut egui::Ui, draft: &mut SettingsDraft) {
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
                // A rule the profile does not list has its default level, and stays unlisted
                // until its level is chosen: looking changes nothing.
                let mut level = profile.level(&rule);
                egui::ComboBox::from_id_salt(rule.id)
                    .selected_text(level_name(level))
                    .show_ui(ui, |ui| {
                        for choice in [Level::Off, Level::Recommended, Level::Required] {
                            crate::ui::fields::choice(ui, &mut level, choice, level_name(choice));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if level != profile.level(&rule) {
                    profile.rules.insert(rule.id.to_owned(), level);
                }
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
            .clamp_existing_to_range(false)
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
