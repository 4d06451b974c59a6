//! Questions that must be answered before going on: delete, quit, conflicts, recovery, paths.

use crate::app::command::Command;
use crate::app::{AppState, Modal};

/// Draws the question on screen, if any.
pub fn ui(ctx: &egui::Context, state: &mut AppState, out: &mut Vec<Command>) {
    let Some(modal) = &mut state.modal else {
        return;
    };
    let response = egui::Modal::new(egui::Id::unique("copydesk-modal")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        match modal {
            Modal::ConfirmDelete { id, headline } => {
                ui.heading("Delete this article?");
                ui.label(format!("“{headline}” will be removed from the project. You can undo this."));
                ui.horizontal(|ui| {
                    button(ui, Command::ConfirmDelete(*id), out);
                    button(ui, Command::CloseModal, out);
                });
            }
            Modal::UnsavedOnQuit => {
                ui.heading("Save changes before quitting?");
                ui.label("Some changes have not been saved.");
                ui.horizontal(|ui| {
                    button(ui, Command::SaveAndQuit, out);
                    button(ui, Command::QuitWithoutSaving, out);
                    button(ui, Command::CloseModal, out);
                });
            }
            Modal::Conflict { paths } => {
                ui.heading("Changed on disk");
                ui.label("Another program changed these files since Copydesk read them:");
                for path in paths.iter() {
                    ui.monospace(path.display().to_string());
                }
                ui.label("Nothing has been overwritten. Which version do you want?");
                ui.horizontal(|ui| {
                    button(ui, Command::ResolveConflict { keep_mine: false }, out);
                    button(ui, Command::ResolveConflict { keep_mine: true }, out);
                    button(ui, Command::CloseModal, out);
                });
            }
            Modal::Recovery(journal) => {
                ui.heading("Recover unsaved changes?");
                ui.label(format!(
                    "Copydesk found {} unsaved article(s) from {} that were not saved before it stopped.",
                    journal.articles.len(),
                    journal.written.with_timezone(&chrono::Local).format("%d %b %H:%M:%S")
                ));
                for article in journal.articles.iter().take(5) {
                    ui.label(format!("• {}", article.headline));
                }
                ui.horizontal(|ui| {
                    button(ui, Command::Recover(true), out);
                    button(ui, Command::Recover(false), out);
                });
            }
            Modal::PathPrompt { purpose, text } => {
                ui.heading("Type a path");
                ui.label("No file dialog is available on this system. Type the project folder's path:");
                let label = ui.label("Path");
                let field = ui.add(egui::TextEdit::singleline(text).desired_width(420.0)).labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let use_it = ui.button("Use this path").clicked();
                    if (use_it || entered) && !text.trim().is_empty() {
                        out.push(Command::PathEntered(*purpose, text.trim().into()));
                    }
                    button(ui, Command::CloseModal, out);
                });
            }
        }
    });
    if response.should_close() && !matches!(state.modal, Some(Modal::Recovery(_))) {
        out.push(Command::CloseModal);
    }
}

fn button(ui: &mut egui::Ui, command: Command, out: &mut Vec<Command>) {
    if ui.button(command.label()).clicked() {
        out.push(command);
    }
}
