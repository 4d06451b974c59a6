//! Questions that must be answered before going on: delete, quit, conflicts, recovery, paths.

use super::export_dialog::ArticleCounts;
use crate::app::command::Command;
use crate::app::{AppState, Modal};
use crate::model::plural::counted;

/// Which question was drawn last frame, so that a new one gives the keys to its answer.
type Kind = std::mem::Discriminant<Modal>;

/// Where the kind of question drawn last frame is kept.
fn shown_kind_id() -> egui::Id {
    egui::Id::unique("copydesk-modal-first-focus")
}

/// Whether `modal` is drawn for the first time this frame.
pub fn opening(ctx: &egui::Context, modal: &Modal) -> bool {
    ctx.data_mut(|d| d.get_temp::<Kind>(shown_kind_id())) != Some(std::mem::discriminant(modal))
}

/// The text box a question is answered in (a path, a reason), which has the keys from its first
/// frame; none for a question answered with a button.
pub fn first_text_box(modal: &Modal) -> Option<egui::Id> {
    matches!(
        modal,
        Modal::PathPrompt { .. } | Modal::Waiver { .. } | Modal::KillReason(_)
    )
    .then(answer_box_id)
}

/// The text box of the question on screen.
fn answer_box_id() -> egui::Id {
    egui::Id::unique("copydesk-modal-answer")
}

/// The text box a question is answered in; it has the keys from the question's first frame
/// (`key_target`).
fn answer_box(ui: &mut egui::Ui, text: &mut String) -> egui::Response {
    ui.add(
        egui::TextEdit::singleline(text)
            .id(answer_box_id())
            .desired_width(420.0),
    )
}

/// Draws the question on screen, if any.
pub fn ui(ctx: &egui::Context, state: &mut AppState, out: &mut Vec<Command>) {
    let can_pick = state.jobs.dialogs.available();
    let stopping = state.stopping();
    // How many articles the export dialog's choices take, counted only while it is open.
    let counts = match state.modal {
        Some(Modal::Export(_)) => ArticleCounts::of(
            state.bundle.as_ref(),
            state.visible.len(),
            &state.review.findings,
        ),
        _ => ArticleCounts::default(),
    };
    let Some(modal) = &mut state.modal else {
        ctx.data_mut(|d| d.remove::<Kind>(shown_kind_id()));
        return;
    };
    let first_frame = opening(ctx, modal);
    ctx.data_mut(|d| d.insert_temp(shown_kind_id(), std::mem::discriminant(&*modal)));
    let response = super::steady_modal::show(
        ctx,
        egui::Id::unique("copydesk-modal"),
        first_frame,
        |ui| {
            ui.set_max_width(460.0);
            match modal {
                Modal::ConfirmDelete { id, headline } => {
                    ui.heading("Delete this article?");
                    let what = if headline.trim().is_empty() {
                        "This untitled article".to_owned()
                    } else {
                        format!("“{headline}”")
                    };
                    ui.label(format!(
                        "{what} will be removed from the project. You can undo this."
                    ));
                    ui.horizontal(|ui| {
                        primary(ui, Command::ConfirmDelete(*id), first_frame, out);
                        button(ui, Command::CloseModal, out);
                    });
                }
                Modal::UnsavedOnQuit => {
                    ui.heading("Save changes before quitting?");
                    ui.label("Some changes have not been saved.");
                    ui.horizontal(|ui| {
                        primary(ui, Command::SaveAndQuit, first_frame, out);
                        button(ui, Command::QuitWithoutSaving, out);
                        button(ui, Command::CloseModal, out);
                    });
                }
                Modal::Conflict { paths } => {
                    ui.heading("Changed on disk");
                    ui.label("Another program changed these files since Copydesk read them:");
                    for path in paths.iter() {
                        let (headline, file) = changed_file(state.bundle.as_ref(), path);
                        if let Some(headline) = headline {
                            ui.label(format!("“{headline}”"));
                        }
                        ui.monospace(file);
                    }
                    ui.label("Nothing has been overwritten. Which version do you want?");
                    ui.horizontal(|ui| {
                        button(ui, Command::ResolveConflict { keep_mine: false }, out);
                        button(ui, Command::ResolveConflict { keep_mine: true }, out);
                        button(ui, Command::CloseModal, out);
                    });
                }
                Modal::ProjectMissing(root) => {
                    ui.heading("The project's folder cannot be found");
                    ui.label(format!(
                        "{} is not there: it may have been moved, renamed or deleted, or its drive \
                     disconnected.",
                        root.display()
                    ));
                    ui.label(
                        "Your changes stay open in this window; nothing has been lost. Put the \
                     folder back (or reconnect its drive) and save: Copydesk writes them there. \
                     Or save the articles open in this window as a new project with Save as.",
                    );
                    ui.horizontal(|ui| {
                        super::help::close(ui, first_frame, out);
                        button(ui, Command::SaveAs, out);
                    });
                }
                Modal::SavedWithoutLost { target, headlines } => {
                    ui.heading(format!(
                        "Saved without {}",
                        counted(headlines.len(), "article")
                    ));
                    ui.label(format!(
                        "The copy is in {}. These articles had not been opened in this window, and \
                     their files were gone before the copy was made, so they are not in it:",
                        target.display()
                    ));
                    const SHOWN: usize = 8;
                    for headline in headlines.iter().take(SHOWN) {
                        ui.label(format!("• {headline}"));
                    }
                    if headlines.len() > SHOWN {
                        ui.label(format!("and {} more", headlines.len() - SHOWN));
                    }
                    super::help::close(ui, first_frame, out);
                }
                Modal::Recovery(journal) => {
                    ui.heading("Recover unsaved changes?");
                    ui.label(format!(
                    "Copydesk found unsaved changes to {} from {}; Copydesk stopped before they were saved.",
                    counted(journal.articles.len(), "article"),
                    journal.written.with_timezone(&chrono::Local).format("%d %b %H:%M:%S")
                ));
                    for article in journal.articles.iter().take(5) {
                        ui.label(format!("• {}", article.headline));
                    }
                    ui.horizontal(|ui| {
                        primary(ui, Command::Recover(true), first_frame, out);
                        button(ui, Command::Recover(false), out);
                    });
                }
                Modal::Waiver {
                    rule,
                    field,
                    text,
                    message,
                    reason,
                } => {
                    ui.heading("Waive this finding?");
                    ui.label(message.as_str());
                    ui.label("The waiver is recorded with your name, the time and this reason.");
                    if reason_given(ui, "Reason", reason, "Waive", out) {
                        out.push(Command::Waive {
                            rule: rule.clone(),
                            field: *field,
                            text: text.clone(),
                            reason: reason.clone(),
                        });
                    }
                }
                Modal::KillReason(reason) => {
                    ui.heading("Kill this article?");
                    ui.label("A killed article is withdrawn. The reason is logged with your name and the time.");
                    if reason_given(ui, "Reason for killing", reason, "Kill article", out) {
                        out.push(Command::Kill(reason.clone()));
                    }
                }
                Modal::Export(choice) => {
                    super::export_dialog::choose(ui, choice, can_pick, &counts, out)
                }
                Modal::Exporting { done, total, .. } => {
                    super::export_dialog::progress(ui, (*done, *total), stopping, out)
                }
                Modal::SavingAs {
                    target,
                    done,
                    total,
                } => super::export_dialog::saving_as(ui, target, (*done, *total), stopping, out),
                Modal::ExportSummary(report) => {
                    super::export_dialog::summary(ui, report, first_frame, out)
                }
                Modal::LookingForUnusedPictures { done, total } => {
                    ui.heading("Unused pictures");
                    ui.label("Reading the articles and their history…");
                    super::export_dialog::articles_done(ui, *done, *total);
                    button(ui, Command::CloseModal, out);
                }
                Modal::UnusedPictures(unused) => {
                    ui.heading("Unused pictures");
                    if unused.is_empty() {
                        ui.label("Every picture in the project is used by an article.");
                        super::help::close(ui, first_frame, out);
                    } else {
                        ui.label(format!(
                            "{} in assets/ used by no article:",
                            counted(unused.len(), "picture")
                        ));
                        for name in unused.iter().take(12) {
                            ui.monospace(name.as_str());
                        }
                        ui.label(
                        "Pictures that Undo or Redo could bring back, or that a revision in the \
                         history shows, are kept. Deleting these cannot be undone.",
                    );
                        ui.horizontal(|ui| {
                            button(ui, Command::DeleteUnusedPictures, out);
                            button(ui, Command::CloseModal, out);
                        });
                    }
                }
                Modal::ProjectSettings(draft) => {
                    super::project_settings::settings(ui, draft, first_frame, out)
                }
                Modal::Preferences {
                    name,
                    byline_new_articles,
                    theme,
                } => super::project_settings::preferences(
                    ui,
                    (name, byline_new_articles, theme),
                    first_frame,
                    out,
                ),
                Modal::Shortcuts => super::help::shortcuts(ui, first_frame, out),
                Modal::About => super::help::about(ui, first_frame, out),
                Modal::PathPrompt { purpose, text } => {
                    ui.heading("Type a path");
                    ui.label("No file dialog is available on this system.");
                    ui.label(purpose.typed_path_prompt());
                    ui.weak("~ is your home folder; a path not starting with / is taken from it.");
                    let label = ui.label("Path");
                    let field = answer_box(ui, text).labelled_by(label.id);
                    let entered =
                        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let use_it = ui.button("Use this path").clicked();
                        if (use_it || entered) && !text.trim().is_empty() {
                            let path = crate::app::jobs::typed_path(text);
                            out.push(Command::PathEntered(*purpose, path));
                        }
                        button(ui, Command::CloseModal, out);
                    });
                }
            }
        },
    );
    let busy = matches!(
        state.modal,
        Some(Modal::Recovery(_) | Modal::Exporting { .. } | Modal::SavingAs { .. })
    );
    // A click beside a form being filled in is more often a slip than a choice: what was typed
    // there stays until Cancel or Escape.
    let slip = response.backdrop_response.clicked() && state.form_typing().is_some();
    if response.should_close() && !busy && !slip {
        out.push(Command::CloseModal);
    }
}

/// A labelled reason field with an action button (enabled once a reason is typed) and Cancel;
/// true when the action was chosen, by the button or Enter.
fn reason_given(
    ui: &mut egui::Ui,
    label: &str,
    reason: &mut String,
    action: &str,
    out: &mut Vec<Command>,
) -> bool {
    let label = ui.label(label);
    let entered = answer_box(ui, reason).labelled_by(label.id);
    let submit = entered.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let has_reason = !reason.trim().is_empty();
    ui.horizontal(|ui| {
        let chosen = ui
            .add_enabled(has_reason, egui::Button::new(action))
            .clicked();
        button(ui, Command::CloseModal, out);
        (chosen || submit) && has_reason
    })
    .inner
}

/// The button of the answer Enter gives: it takes the keyboard focus when the question appears
/// (`first_frame`), and Escape still cancels.
pub(super) fn primary(
    ui: &mut egui::Ui,
    command: Command,
    first_frame: bool,
    out: &mut Vec<Command>,
) {
    let response = ui.button(command.label());
    if first_frame {
        response.request_focus();
    }
    if response.clicked() {
        out.push(command);
    }
}

fn button(ui: &mut egui::Ui, command: Command, out: &mut Vec<Command>) {
    if ui.button(command.label()).clicked() {
        out.push(command);
    }
}

/// A file the conflict question names: the headline of the article it holds, if it holds one,
/// and its path in the bundle (the whole path when it is outside).
fn changed_file(
    bundle: Option<&crate::bundle::Bundle>,
    path: &std::path::Path,
) -> (Option<String>, String) {
    let Some(bundle) = bundle else {
        return (None, path.display().to_string());
    };
    let headline = bundle
        .article_of_path(path)
        .and_then(|id| bundle.summary_at(bundle.position(id)?))
        .map(|summary| summary.headline.clone())
        .filter(|headline| !headline.trim().is_empty());
    let file = path.strip_prefix(bundle.root()).unwrap_or(path);
    (headline, file.display().to_string())
}
