//! The menu bar: every entry is a `Command`, shown with its shortcut.

use crate::app::AppState;
use crate::app::command::{Command, Markup, PreviewMode, TextAction};
use crate::app::copy_out::CopyFormat;
use crate::app::find::FindAction;
use crate::app::settings::Zoom;
use crate::model::Status;

/// Draws the menu bar.
pub fn ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, state, Command::NewProject, out);
            item(ui, state, Command::Open, out);
            ui.menu_button("Open recent", |ui| {
                if state.settings.recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in &state.settings.recent {
                    // A project moved or deleted since is greyed out (looked for only while
                    // this menu is open).
                    let there = path.join(crate::bundle::format::MANIFEST_FILE).is_file();
                    if ui
                        .add_enabled(there, egui::Button::new(path.display().to_string()))
                        .on_disabled_hover_text("No longer there: moved or deleted")
                        .clicked()
                    {
                        out.push(Command::OpenPath(path.clone()));
                    }
                }
                ui.separator();
                item(ui, state, Command::ClearRecent, out);
            });
            ui.separator();
            item(ui, state, Command::Save, out);
            item(ui, state, Command::SaveAs, out);
            ui.separator();
            item(ui, state, Command::ImportFile, out);
            item(ui, state, Command::PasteAsArticle, out);
            item(ui, state, Command::ExportDialog, out);
            ui.separator();
            item(ui, state, Command::ProjectSettings, out);
            item(ui, state, Command::Preferences, out);
            ui.separator();
            item(ui, state, Command::Quit, out);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, state, Command::Undo, out);
            item(ui, state, Command::Redo, out);
            ui.separator();
            for action in TextAction::ALL {
                item(ui, state, Command::EditText(action), out);
            }
            ui.separator();
            ui.menu_button("Copy article as", |ui| {
                for format in CopyFormat::ALL {
                    item(ui, state, Command::CopyArticleAs(format), out);
                }
            });
            ui.separator();
            for markup in [
                Markup::Bold,
                Markup::Italic,
                Markup::Link,
                Markup::Heading,
                Markup::Quote,
                Markup::List,
            ] {
                item(ui, state, Command::Format(markup), out);
            }
            ui.separator();
            item(ui, state, Command::NextFinding, out);
            item(ui, state, Command::PreviousFinding, out);
            ui.separator();
            item(ui, state, Command::Find(FindAction::Open), out);
            item(ui, state, Command::Find(FindAction::Next), out);
            item(ui, state, Command::Find(FindAction::Previous), out);
            item(ui, state, Command::FindInList, out);
            ui.separator();
            item(ui, state, Command::OpenPalette, out);
        });
        ui.menu_button("Article", |ui| {
            item(ui, state, Command::NewArticle, out);
            item(ui, state, Command::DuplicateArticle, out);
            item(ui, state, Command::DeleteArticle, out);
            ui.separator();
            item(ui, state, Command::NextArticle, out);
            item(ui, state, Command::PreviousArticle, out);
            ui.separator();
            item(ui, state, Command::MoveUp, out);
            item(ui, state, Command::MoveDown, out);
            ui.separator();
            item(ui, state, Command::AddHeroImage, out);
            item(ui, state, Command::InsertImage, out);
            item(ui, state, Command::PasteImage, out);
            item(ui, state, Command::ReviewUnusedPictures, out);
            ui.separator();
            for status in Status::ALL {
                item(ui, state, Command::SetStatus(status), out);
            }
        });
        ui.menu_button("View", |ui| {
            item(ui, state, Command::ToggleListPane, out);
            item(ui, state, Command::TogglePreviewPane, out);
            ui.separator();
            for mode in [
                PreviewMode::Page,
                PreviewMode::SearchSnippet,
                PreviewMode::SocialCard,
            ] {
                item(ui, state, Command::SetPreviewMode(mode), out);
            }
            item(ui, state, Command::CyclePreviewMode, out);
            item(ui, state, Command::OpenPageInBrowser, out);
            ui.separator();
            for change in [Zoom::In, Zoom::Out, Zoom::Reset] {
                item(ui, state, Command::Zoom(change), out);
            }
            ui.separator();
            for theme in [
                egui::ThemePreference::System,
                egui::ThemePreference::Light,
                egui::ThemePreference::Dark,
            ] {
                item(ui, state, Command::SetTheme(theme), out);
            }
        });
        ui.menu_button("Help", |ui| {
            item(ui, state, Command::KeyboardShortcuts, out);
            item(ui, state, Command::About, out);
        });
    });
}

/// A menu entry that runs `command`: its shortcut beside it, ticked when it is the choice in
/// force, greyed out with the reason on hover when it cannot run now.
pub(super) fn item(ui: &mut egui::Ui, state: &AppState, command: Command, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label());
    // The choice in force is marked, as a menu marks a ticked item.
    let status = state.draft.as_ref().map(|draft| draft.status);
    if let Some(on) = command.in_force(&state.settings, status) {
        button = button.selected(on);
    }
    if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    // What cannot run now is greyed out, and says why on hover.
    let why = state.why_unavailable(&command);
    if ui
        .add_enabled(why.is_none(), button)
        .on_disabled_hover_text(why.unwrap_or_default())
        .clicked()
    {
        out.push(command);
        ui.close();
    }
}
