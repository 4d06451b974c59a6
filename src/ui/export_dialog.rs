//! The export dialog, its progress bar and its summary.

use crate::app::command::Command;
use crate::app::transfer::{ExportChoice, ExportScope};
use crate::export::ExportReport;
use crate::model::Status;
use crate::model::plural::{counted, grouped};

/// How many articles each choice of articles would export.
#[derive(Default)]
pub struct ArticleCounts {
    /// The articles the list shows.
    pub listed: usize,
    /// Every article of the project.
    pub all: usize,
    /// The articles of each status, in the order of `Status::ALL`.
    pub by_status: [usize; Status::ALL.len()],
    /// The Required checks the open article fails, as the review pane names them.
    pub open_blocked: Vec<String>,
    /// The project's folder, whose own folders take no export.
    pub root: Option<std::path::PathBuf>,
}

impl ArticleCounts {
    /// The counts for `bundle`, whose list shows `listed` articles; `findings` are the open
    /// article's.
    pub fn of(
        bundle: Option<&crate::bundle::Bundle>,
        listed: usize,
        findings: &[crate::review::Finding],
    ) -> Self {
        let mut by_status = [0; Status::ALL.len()];
        for summary in bundle.into_iter().flat_map(|b| b.summaries()) {
            by_status[summary.status.index()] += 1;
        }
        ArticleCounts {
            listed,
            all: bundle.map_or(0, |b| b.len()),
            root: bundle.map(|b| b.root().to_owned()),
            by_status,
            open_blocked: findings
                .iter()
                .filter(|f| f.blocks())
                .map(|f| format!("{}: {}", f.field.label(), f.message))
                .collect(),
        }
    }

    /// A status as the dialog offers it, with how many articles have it: "ready (3)".
    fn status(&self, status: Status) -> String {
        let count = grouped(self.by_status[status.index()]);
        format!("{} ({count})", status.as_str())
    }
}

/// The choices: formats, which articles (each with how many it takes), the folder, "export
/// anyway".
pub fn choose(
    ui: &mut egui::Ui,
    choice: &mut ExportChoice,
    can_pick: bool,
    counts: &ArticleCounts,
    out: &mut Vec<Command>,
) {
    ui.heading("Export");
    let enter_on_choice = enter_on_a_choice(ui);
    let mut choices = Vec::new();
    ui.label("Formats");
    for (format, on) in &mut choice.formats {
        choices.push(ui.checkbox(on, format.label()).id);
    }
    ui.separator();
    ui.label("Articles");
    let open = ui.radio_value(&mut choice.scope, ExportScope::Current, "The open article");
    choices.push(open.id);
    if choice.scope == ExportScope::Current && !counts.open_blocked.is_empty() {
        // Said whether or not "Export anyway" is ticked, in as many lines, so that ticking it
        // moves nothing under the pointer.
        let warn = ui.visuals().warn_fg_color;
        ui.colored_label(
            warn,
            format!(
                "The open article fails a Required check ({}).",
                first_of(&counts.open_blocked, 2)
            ),
        );
        ui.colored_label(
            warn,
            if choice.force {
                "It will be exported anyway, and that is recorded on it."
            } else {
                "It will be refused unless \"Export anyway\" is ticked."
            },
        );
    }
    let listed = format!(
        "The {} the list shows (search and filters)",
        counted(counts.listed, "article")
    );
    choices.push(
        ui.radio_value(&mut choice.scope, ExportScope::Listed, listed)
            .id,
    );
    ui.horizontal(|ui| {
        let status = match choice.scope {
            ExportScope::WithStatus(status) => status,
            _ => Status::Ready,
        };
        let radio = ui.radio(
            matches!(choice.scope, ExportScope::WithStatus(_)),
            "Every article with status",
        );
        if radio.clicked() {
            choice.scope = ExportScope::WithStatus(status);
        }
        choices.push(radio.id);
        let mut chosen = status;
        egui::ComboBox::from_id_salt("export-status")
            .selected_text(counts.status(chosen))
            .show_ui(ui, |ui| {
                for s in Status::ALL {
                    super::fields::choice(ui, &mut chosen, s, counts.status(s));
                }
            })
            .response
            .labelled_by(radio.id);
        if chosen != status {
            choice.scope = ExportScope::WithStatus(chosen);
        }
    });
    let every = format!("Every article ({})", grouped(counts.all));
    choices.push(
        ui.radio_value(&mut choice.scope, ExportScope::All, every)
            .id,
    );
    ui.separator();
    // Enter in the folder box exports, as the dialog's Export button does.
    let entered = ui
        .horizontal(|ui| {
            let label = ui.label("Folder");
            let field = ui
                .add(egui::TextEdit::singleline(&mut choice.folder).desired_width(300.0))
                .labelled_by(label.id);
            if can_pick && ui.button("Choose folder…").clicked() {
                out.push(Command::ChooseExportFolder);
            }
            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
        })
        .inner;
    let force = "Export anyway when a Required check fails (recorded on the article)";
    choices.push(ui.checkbox(&mut choice.force, force).id);
    ui.data_mut(|d| d.insert_temp(choices_key(), choices));
    ui.horizontal(|ui| {
        let missing = if !choice.formats.iter().any(|(_, on)| *on) {
            Some("Tick at least one format.".to_owned())
        } else if choice.folder.trim().is_empty() {
            Some(if can_pick {
                "Choose the folder to export to, or type its path.".to_owned()
            } else {
                "Type the path of the folder to export to.".to_owned()
            })
        } else {
            let typed = crate::app::jobs::typed_path(&choice.folder);
            (counts.root.as_deref())
                .and_then(|root| crate::export::project_folder_of(root, &typed))
                .map(|folder| format!("Not into {folder}: choose one outside the project."))
        };
        let export = ui.add_enabled(missing.is_none(), egui::Button::new("Export"));
        if export.clicked() || ((entered || enter_on_choice) && missing.is_none()) {
            out.push(Command::StartExport);
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::CloseModal);
        }
        // Why Export is greyed out, in words.
        if let Some(missing) = missing {
            ui.weak(missing);
        }
    });
}

/// Where the dialog keeps the ids of its radio buttons and checkboxes between frames.
fn choices_key() -> egui::Id {
    egui::Id::unique("copydesk-export-dialog-choices")
}

/// Whether Enter was pressed on a radio button or a checkbox of the dialog (drawn last frame):
/// it then exports, as a desktop dialog's default button does. The key is taken before the
/// choices are drawn, or egui would take it as a click on the one holding the keys and choose
/// it; Space still does that.
fn enter_on_a_choice(ui: &mut egui::Ui) -> bool {
    let choices: Vec<egui::Id> = ui.data(|d| d.get_temp(choices_key())).unwrap_or_default();
    let focused = ui.memory(|m| m.focused());
    focused.is_some_and(|id| choices.contains(&id))
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
}

/// The progress of a running export.
pub fn progress(
    ui: &mut egui::Ui,
    (done, total): (usize, usize),
    stopping: bool,
    out: &mut Vec<Command>,
) {
    ui.heading("Exporting…");
    articles_done(ui, done, total);
    let kept = "The files written so far stay in the folder";
    stop_button(ui, (Command::StopExport, kept), stopping, out);
}

/// The progress of a running Save as, and where it writes.
pub fn saving_as(
    ui: &mut egui::Ui,
    target: &std::path::Path,
    (done, total): (usize, usize),
    stopping: bool,
    out: &mut Vec<Command>,
) {
    ui.heading("Saving a copy…");
    ui.label(format!("Writing the project to {}", target.display()));
    articles_done(ui, done, total);
    ui.weak("Your work continues in the copy once it is written.");
    let removed = "The unfinished copy is removed; the project stays where it is";
    stop_button(ui, (Command::StopSaveAs, removed), stopping, out);
}

/// The button that stops a running job (`command`, with what stopping does as its hover
/// text), greyed once it was asked to stop.
fn stop_button(
    ui: &mut egui::Ui,
    (command, what_stopping_does): (Command, &str),
    stopping: bool,
    out: &mut Vec<Command>,
) {
    let stop = ui.add_enabled(!stopping, egui::Button::new(command.label()));
    if stop.on_hover_text(what_stopping_does).clicked() {
        out.push(command);
    }
    if stopping {
        ui.weak("Stopping…");
    }
}

/// A progress bar of articles done of the total ("3,400 of 10,000 articles", "0 of 1 article").
pub fn articles_done(ui: &mut egui::Ui, done: usize, total: usize) {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    let text = crate::model::plural::part_of(done, total, "article");
    ui.add(egui::ProgressBar::new(fraction).text(text));
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(100));
}

/// What an export did: N exported, M refused and why.
pub fn summary(
    ui: &mut egui::Ui,
    report: &ExportReport,
    first_frame: bool,
    out: &mut Vec<Command>,
) {
    ui.heading(if report.stopped {
        "Export stopped"
    } else {
        "Export finished"
    });
    ui.label(format!(
        "{} exported ({}), {} refused",
        counted(report.exported, "article"),
        counted(report.files, "file"),
        report.refused.len()
    ));
    if report.stopped {
        ui.weak("The files written before it stopped stay in the folder.");
    }
    if report.replaced > 0 {
        ui.weak(format!(
            "Replaced {} of the same name already in the folder.",
            counted(report.replaced, "earlier file")
        ));
    }
    if !report.refused.is_empty() {
        ui.weak(
            "A refused article fails a Required check: fix it, or export again with \"Export anyway\" ticked.",
        );
    }
    egui::ScrollArea::vertical()
        .max_height(240.0)
        .show(ui, |ui| {
            for refused in &report.refused {
                ui.label(format!(
                    "Refused {}: {}",
                    refused.slug,
                    refused.failures.join("; ")
                ));
            }
            for forced in &report.forced {
                ui.label(format!(
                    "Exported anyway {}: {}",
                    forced.slug,
                    forced.failures.join("; ")
                ));
            }
        });
    let close = ui
        .horizontal(|ui| {
            let close = ui.button("Close");
            if report.files > 0 && ui.button(Command::ShowExportFolder.label()).clicked() {
                out.push(Command::ShowExportFolder);
            }
            close
        })
        .inner;
    if first_frame {
        close.request_focus();
    }
    if close.clicked() {
        out.push(Command::CloseModal);
    }
}

/// The first `shown` of `items`, joined, and how many more there are ("a; b; and 3 more"): a
/// dialog says enough to act on without outgrowing the window.
fn first_of(items: &[String], shown: usize) -> String {
    let mut text = items[..items.len().min(shown)].join("; ");
    if items.len() > shown {
        text.push_str(&format!("; and {} more", items.len() - shown));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_cut_to_its_first_items_and_a_count() {
        let items: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
        assert_eq!(first_of(&items[..1], 2), "a");
        assert_eq!(first_of(&items[..2], 2), "a; b");
        assert_eq!(first_of(&items, 2), "a; b; and 2 more");
    }
}
