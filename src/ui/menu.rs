//! The menu bar: every entry is a `Command`, shown with its shortcut.

use crate::app::AppState;
use crate::app::command::{Command, Markup, PreviewMode};
use crate::model::Status;

/// Draws the menu bar.
pub fn ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, Command::NewProject, out);
            item(ui, Command::Open, out);
            ui.menu_button("Open recent", |ui| {
                if state.settings.recent.is_empty() {
                    ui.weak("No recent projects");
                }
                for path in &state.settings.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            item(ui, Command::Save, out);
            item(ui, Command::SaveAs, out);
            ui.separator();
            item(ui, Command::ImportFile, out);
            item(ui, Command::PasteAsArticle, out);
            item(ui, Command::ExportDialog, out);
            ui.separator();
            item(ui, Command::Quit, out);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Command::Undo, out);
            item(ui, Command::Redo, out);
            ui.separator();
            for markup in [
                Markup::Bold,
                Markup::Italic,
                Markup::Link,
                Markup::Heading,
                Markup::Quote,
                Markup::List,
            ] {
                item(ui, Command::Format(markup), out);
            }
            ui.separator();
            item(ui, Command::FindInList, out);
            item(ui, Command::OpenPalette, out);
        });
        ui.menu_button("Article", |ui| {
            item(ui, Command::NewArticle, out);
            item(ui, Command::DuplicateArticle, out);
            item(ui, Command::DeleteArticle, out);
            ui.separator();
            item(ui, Command::NextArticle, out);
            item(ui, Command::PreviousArticle, out);
            ui.separator();
            item(ui, Command::MoveUp, out);
            item(ui, Command::MoveDown, out);
            ui.separator();
            item(ui, Command::AddHeroImage, out);
            item(ui, Command::InsertImage, out);
            item(ui, Command::PasteImage, out);
            item(ui, Command::ReviewUnusedPictures, out);
            ui.separator();
            for status in Status::ALL {
                item(ui, Command::SetStatus(status), out);
            }
        });
        ui.menu_button("View", |ui| {
            item(ui, Command::ToggleListPane, out);
            item(ui, Command::TogglePreviewPane, out);
            ui.separator();
            for mode in [
                PreviewMode::Page,
                PreviewMode::SearchSnippet,
                PreviewMode::SocialCard,
            ] {
                item(ui, Command::SetPreviewMode(mode), out);
            }
            item(ui, Command::CyclePreviewMode, out);
            ui.separator();
            for theme in [
                egui::ThemePreference::System,
                egui::ThemePreference::Light,
                egui::ThemePreference::Dark,
            ] {
                item(ui, Command::SetTheme(theme), out);
            }
        });
    });
}

fn item(ui: &mut egui::Ui, command: Command, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(shortcut);
    }
    if ui.add(button).clicked() {
        out.push(command);
        ui.close();
    }
}
