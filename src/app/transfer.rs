//! Export from the window: the export dialog's choices, the export running on a
//! worker with progress and a summary.

use super::{AppState, Modal};
use crate::export::{ExportJob, ExportReport, Format};
use crate::model::plural::counted;
use crate::model::{Status, Transition};
use std::path::PathBuf;
use uuid::Uuid;

/// Which articles an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportScope {
    /// The open article.
    Current,
    /// The articles the list shows now (its search and filters make the selection).
    Listed,
    /// Every article with a status.
    WithStatus(Status),
    /// Every article.
    All,
}

/// What the export dialog has chosen so far.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportChoice {
    /// Each format and whether it is chosen.
    pub formats: Vec<(Format, bool)>,
    /// Which articles.
    pub scope: ExportScope,
    /// Export articles failing a Required rule all the same ("export anyway"; recorded).
    pub force: bool,
    /// The folder, as chosen in a dialog or typed.
    pub folder: String,
}

impl Default for ExportChoice {
    fn default() -> Self {
        ExportChoice {
            formats: Format::ALL.iter().map(|&f| (f, true)).collect(),
            scope: ExportScope::Current,
            force: false,
            folder: String::new(),
        }
    }
}

/// File extensions the window imports when such a file is dropped on it.
pub const IMPORTABLE: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "json"];

impl AppState {
    /// Opens the export dialog.
    pub fn open_export_dialog(&mut self) {
        if self.bundle.is_none() {
            self.warn("No project is open.");
            return;
        }
        // The last export's folder and formats are offered again.
        let remembered = &self.settings.export_formats;
        let mut choice = ExportChoice {
            folder: self.settings.export_folder.clone(),
            formats: Format::ALL
                .iter()
                .map(|&f| {
                    let chosen =
                        remembered.is_empty() || remembered.iter().any(|e| e == f.extension());
                    (f, chosen)
                })
                .collect(),
            ..ExportChoice::default()
        };
        if self.draft.is_none() {
            choice.scope = ExportScope::All;
        }
        self.modal = Some(Modal::Export(choice));
    }

    /// The ids an export scope takes.
    fn export_ids(&self, scope: ExportScope) -> Vec<Uuid> {
        let Some(bundle) = &self.bundle else {
            return Vec::new();
        };
        match scope {
            ExportScope::Current => self.selected.into_iter().collect(),
            ExportScope::All => bundle.ids(),
            ExportScope::Listed => {
                let ids = bundle.ids();
                self.visible
                    .iter()
                    .filter_map(|&position| ids.get(position).copied())
                    .collect()
            }
            ExportScope::WithStatus(status) => bundle
                .summaries()
                .filter(|s| s.status == status)
                .map(|s| s.id)
                .collect(),
        }
    }

    /// Starts the export the dialog describes, on a worker.
    pub fn start_export(&mut self) {
        let Some(Modal::Export(choice)) = self.modal.clone() else {
            return;
        };
        let folder = super::jobs::typed_path(&choice.folder);
        if choice.folder.trim().is_empty() {
            if self.jobs.dialogs.available() {
                self.jobs.pick(super::jobs::DialogPurpose::ExportFolder);
            } else {
                self.warn("Type the folder to export to");
            }
            return;
        }
        let formats: Vec<Format> = choice
            .formats
            .iter()
            .filter(|(_, on)| *on)
            .map(|(f, _)| *f)
            .collect();
        let ids = self.export_ids(choice.scope);
        if formats.is_empty() || ids.is_empty() {
            self.warn(if formats.is_empty() {
                "Choose at least one format"
            } else {
                "No article to export"
            });
            return;
        }
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        match ExportJob::from_bundle(bundle, &ids, &formats, &folder, choice.force) {
            Ok(job) => {
                self.settings.export_folder = choice.folder.trim().to_owned();
                self.settings.export_formats =
                    formats.iter().map(|f| f.extension().to_owned()).collect();
                self.modal = Some(Modal::Exporting {
                    done: 0,
                    total: ids.len(),
                    formats: formats.clone(),
                });
                self.stop_running = Some(job.stop.clone());
                self.jobs.export(job);
            }
            Err(error) => self.warn(format!("Not exported: {error}")),
        }
    }

    /// Stops the running export after the articles being written (they stay written), or the
    /// running Save as (its unfinished copy is removed).
    pub fn stop_job(&mut self) {
        if let Some(stop) = &self.stop_running {
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            self.tell("Stopping…");
        }
    }

    /// Whether the running export or Save as was asked to stop.
    pub fn stopping(&self) -> bool {
        (self.stop_running.as_ref()).is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
    }

    /// Shows the last export's folder in the system's file manager (on a worker thread).
    pub fn show_export_folder(&mut self) {
        self.jobs
            .show_folder(PathBuf::from(&self.settings.export_folder));
    }

    /// Says where the files are when no file manager could show their folder.
    pub(super) fn folder_shown(&mut self, folder: PathBuf, shown: bool) {
        if !shown {
            let said = format!(
                "No file manager could be started; the files are in {}",
                folder.display()
            );
            self.warn(said);
        }
    }

    /// Takes an export's progress or result from the worker.
    pub fn export_progressed(&mut self, done: usize, total: usize) {
        if let Some(Modal::Exporting {
            done: shown,
            total: all,
            ..
        }) = &mut self.modal
        {
            (*shown, *all) = (done, total);
        }
    }

    /// Shows an export's summary, and records "export anyway" on each forced article.
    pub fn export_finished(&mut self, result: Result<ExportReport, String>) {
        self.stop_running = None;
        let formats = match self.modal.take() {
            Some(Modal::Exporting { formats, .. }) => formats,
            _ => Vec::new(),
        };
        match result {
            Ok(report) => {
                self.record_forced_exports(&report, &formats);
                let stopped = if report.stopped { "Stopped: " } else { "" };
                self.tell(format!(
                    "{stopped}{} exported, {} refused",
                    counted(report.exported, "article"),
                    report.refused.len()
                ));
                self.modal = Some(Modal::ExportSummary(report));
            }
            Err(error) => self.warn(format!("Export failed: {error}")),
        }
    }

    fn record_forced_exports(&mut self, report: &ExportReport, formats: &[Format]) {
        let (editor, at) = (self.editor_name(), (self.clock)());
        let names: Vec<&str> = formats.iter().map(|f| f.label()).collect();
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        for forced in &report.forced {
            let Some(id) = bundle
                .summaries()
                .find(|s| s.slug == forced.slug)
                .map(|s| s.id)
            else {
                continue;
            };
            let reason = format!(
                "Exported anyway ({}) despite: {}",
                names.join(", "),
                forced.failures.join("; ")
            );
            let logged = bundle.update_article(id, |article| {
                let status = article.status;
                article.workflow_log.push(Transition {
                    from: status,
                    to: status,
                    at,
                    editor: editor.clone(),
                    reason,
                });
            });
            if logged.is_ok() && self.selected == Some(id) {
                self.draft = bundle.article(id).ok().cloned();
            }
        }
        if !report.forced.is_empty() {
            self.mark_unsaved();
        }
    }
}
