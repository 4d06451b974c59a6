//! The project settings dialog and the preferences dialog.

mod checklist;
mod lists;

use crate::app::command::Command;
use crate::app::settings_draft::{SettingsDraft, SettingsTab};
use crate::model::project::READING_SPEEDS;

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
    // While Apply waits for the articles to refile, the dialog shows what it applies, still.
    let reading = draft.reading;
    ui.add_enabled_ui(reading.is_none(), |ui| {
        tabs_and_settings(ui, draft, first_frame)
    });
    let problems = draft.project.problems();
    for problem in &problems {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
    if let Some((done, total)) = reading {
        ui.label("Reading the articles to refile under the renamed sections…");
        super::export_dialog::articles_done(ui, done, total);
    }
    ui.horizontal(|ui| {
        let apply = ui
            .add_enabled(
                problems.is_empty() && reading.is_none(),
                egui::Button::new("Apply"),
            )
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

/// The dialog's tabs and the chosen tab's settings.
fn tabs_and_settings(ui: &mut egui::Ui, draft: &mut SettingsDraft, first_frame: bool) {
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
            SettingsTab::Sections => lists::sections(ui, draft),
            SettingsTab::Checklist => checklist::checklist(ui, draft),
            SettingsTab::HouseStyle => lists::house_style(ui, draft),
            SettingsTab::Dictionary => lists::dictionary(ui, draft),
        });
    ui.separator();
}

/// The preferences dialog: the editor's name, whether it is new articles' byline, and the
/// colours. Enter in the name applies.
pub fn preferences(
    ui: &mut egui::Ui,
    (name, byline_new_articles, theme): (&mut String, &mut bool, &mut egui::ThemePreference),
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
    ui.checkbox(
        byline_new_articles,
        "Put my name in the byline of the articles I create",
    );
    ui.separator();
    ui.label("Colours");
    ui.horizontal(|ui| {
        ui.radio_value(theme, egui::ThemePreference::System, "As the system's");
        ui.radio_value(theme, egui::ThemePreference::Light, "Light");
        ui.radio_value(theme, egui::ThemePreference::Dark, "Dark");
    });
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
                    // A value out of range is shown as it is, and named among the problems.
                    .clamp_existing_to_range(false)
                    .suffix(" words a minute"),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Plain-text wrap");
            ui.add(
                egui::DragValue::new(&mut settings.export.text_wrap)
                    .range(0..=200)
                    .clamp_existing_to_range(false)
                    .suffix(" columns"),
            )
            .labelled_by(label.id)
            .on_hover_text("Plain-text exports wrap paragraphs here; 0 keeps each on one line");
            ui.end_row();
        });
}

/// Why the last try of the button named `action` added nothing, if it did.
pub(super) fn refusal(ui: &mut egui::Ui, draft: &SettingsDraft, action: &str) {
    if let Some(why) = draft.refused(action) {
        ui.colored_label(ui.visuals().warn_fg_color, why);
    }
}

/// A labelled one-line box, and an `action` button beside it; true when the button is clicked
/// or Enter is pressed in the box (which keeps the keys for the next entry).
pub(super) fn add_row(ui: &mut egui::Ui, label: &str, text: &mut String, action: &str) -> bool {
    ui.horizontal(|ui| {
        let entered = entry_box(ui, label, text);
        ui.button(action).clicked() || entered
    })
    .inner
}

/// A labelled one-line box; true when Enter was pressed in it (the keys stay in it).
pub(super) fn entry_box(ui: &mut egui::Ui, label: &str, text: &mut String) -> bool {
    let label = ui.label(label);
    let field = ui
        .add(egui::TextEdit::singleline(text).desired_width(200.0))
        .labelled_by(label.id);
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if entered {
        field.request_focus();
    }
    entered
}
