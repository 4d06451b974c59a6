//! Saving: Ctrl+S and autosave (on the window's thread, or on a worker for a save of many
//! articles), Save as on a worker, and what each save's result tells the window.

use super::{AppState, Modal, SAVE_ON_WORKER_FROM};
use crate::bundle::BundleError;
use std::path::PathBuf;
use std::time::Instant;

impl AppState {
    /// Starts writing the project as a copy in `target`, on a worker: the window shows its
    /// progress meanwhile, and edits wait until the copy is written.
    pub(super) fn start_save_as(&mut self, target: PathBuf) {
        let Some(bundle) = &self.bundle else {
            return;
        };
        if self.saving.is_some() {
            return self.warn("The project is being saved: save a copy once the save is done");
        }
        match bundle.save_as_job(&target) {
            Ok(job) => {
                let total = job.len();
                self.modal = Some(Modal::SavingAs {
                    target,
                    done: 0,
                    total,
                });
                self.stop_running = Some(job.stopper());
                self.jobs.save_as(job);
            }
            Err(error) => self.warn(error.to_string()),
        }
    }

    /// Continues at the copy a Save as wrote, or says why it could not be written.
    pub(super) fn saved_as(&mut self, result: Result<crate::bundle::SavedCopy, BundleError>) {
        if matches!(self.modal, Some(Modal::SavingAs { .. })) {
            self.modal = None;
        }
        self.stop_running = None;
        let copy = match result {
            Ok(copy) => copy,
            Err(BundleError::Stopped { path }) => {
                let said = format!("Save as stopped; nothing was kept in {}", path.display());
                return self.tell(said);
            }
            Err(error) => return self.warn(format!("Not saved as a copy: {error}")),
        };
        let Some(bundle) = self.bundle.as_mut().filter(|b| b.root() == copy.original()) else {
            return;
        };
        let path = copy.root().to_owned();
        let lost: Vec<String> = copy
            .lost()
            .iter()
            .filter_map(|id| bundle.summary_at(bundle.position(*id)?))
            .map(|summary| summary.headline.clone())
            .collect();
        bundle.continue_at(copy);
        self.journal.clear(path.clone());
        self.read_only = None;
        self.folder_missing = false;
        self.settings.remember(path.clone());
        self.last_saved = Some(chrono::Local::now());
        if lost.is_empty() {
            self.tell(format!("Saved as {}", path.display()));
        } else {
            self.articles_changed();
            self.modal = Some(Modal::SavedWithoutLost {
                target: path,
                headlines: lost,
            });
        }
    }

    /// Saves changed articles; a conflict with changes on disk asks the user. A save of many
    /// articles runs on a worker while editing goes on, its progress in the status bar; a save
    /// asked for meanwhile follows it.
    pub fn save(&mut self) {
        self.save_with(SAVE_ON_WORKER_FROM);
    }

    /// Saves changed articles before going on, on the window's thread whatever their number
    /// (before another project is opened, or the window closes).
    pub fn save_now(&mut self) {
        self.save_with(usize::MAX);
    }

    /// Saves on a worker when the save writes at least `on_worker_from` articles.
    fn save_with(&mut self, on_worker_from: usize) {
        if self.saving.is_some() {
            self.save_again = true;
            return;
        }
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        if let Some(reason) = &self.read_only {
            let reason = reason.clone();
            self.warn(format!("{reason} Use Save as to keep your changes."));
            return;
        }
        let job = match bundle.save_job() {
            Ok(job) => job,
            Err(error) => return self.warn(format!("Not saved: {error}")),
        };
        if job.len() >= on_worker_from {
            self.saving = Some((0, job.len()));
            self.jobs.save(job);
        } else {
            let result = bundle.finish_save(job.run(|_, _| {}));
            self.saved(result);
        }
    }

    /// Takes back what a save on a worker wrote; then the save asked for meanwhile, if any,
    /// and the quit that waited for it.
    pub(super) fn saved_on_worker(&mut self, saved: crate::bundle::SavedFiles) {
        self.saving = None;
        let result = self.bundle.as_mut().map(|b| b.finish_save(saved));
        if let Some(result) = result {
            self.saved(result);
        }
        if std::mem::take(&mut self.save_again) && self.has_unsaved_changes() {
            self.save();
        }
        if self.quit_when_saved && self.saving.is_none() {
            self.quit_when_saved = false;
            self.close_now = !self.has_unsaved_changes();
        }
    }

    /// Says what a save did, or asks about files changed on disk, or says why it failed.
    fn saved(&mut self, result: Result<crate::bundle::SaveReport, BundleError>) {
        let Some(bundle) = &self.bundle else {
            return;
        };
        if result.is_err() && !bundle.root().is_dir() {
            return self.project_folder_missing(true);
        }
        match result {
            Ok(report) => {
                // Edits made while a save was written on a worker keep the journal that holds
                // them, until it is written again without what was saved.
                if bundle.has_unsaved_changes() {
                    self.unjournaled_since = Some(Instant::now());
                } else {
                    self.journal.clear(bundle.root().to_owned());
                    self.unjournaled_since = None;
                }
                self.history_after_save();
                self.last_saved = Some(chrono::Local::now());
                self.tell(format!("Saved: {}", report.describe()));
            }
            // A save on a worker can end while a dialog is open (a typed export folder): the
            // question waits for it.
            Err(BundleError::ChangedOnDisk { paths }) if self.modal.is_some() => {
                self.conflict_waiting = Some(paths);
                self.warn(
                    "Not saved: files changed on disk; you will be asked about them when this \
                     dialog closes",
                );
            }
            Err(BundleError::ChangedOnDisk { paths }) => {
                self.modal = Some(Modal::Conflict { paths })
            }
            Err(error) => self.warn(format!("Not saved: {error}")),
        }
    }
}
