//! Opening, autosave, the recovery journal and changes made on disk by others (saving itself
//! is in `saving.rs`).

use super::jobs::{DialogPurpose, Outcome};
use super::{AUTOSAVE_AFTER, AppState, DISK_CHECK_EVERY, JOURNAL_AFTER, JOURNAL_AT_MOST, Modal};
use crate::bundle::Bundle;
use crate::bundle::recovery::{Journal, read_journal};
use crate::model::plural::counted;
use std::path::PathBuf;
use std::time::Instant;

impl AppState {
    /// Opens a project on a worker thread, saving the current one first.
    pub fn open_path(&mut self, path: PathBuf) {
        // Opening the project again would find this very window's lock and open it read-only.
        if self.read_only.is_none() && self.is_open(&path) {
            self.tell(format!("{} is already open", path.display()));
            return;
        }
        if !self.saved_before_leaving() {
            return;
        }
        self.tell(format!("Opening {}…", path.display()));
        self.opening = Some(path.clone());
        self.jobs.open(path);
    }

    /// Saves the open project's changes before another project replaces it; false when they
    /// could not be saved (the save said why), and the project must stay.
    fn saved_before_leaving(&mut self) -> bool {
        if self.saving.is_some() {
            self.warn(super::SAVING_REFUSAL);
            return false;
        }
        if self.has_unsaved_changes() && self.read_only.is_none() {
            self.save_now();
        }
        self.read_only.is_some() || !self.has_unsaved_changes()
    }

    /// Opens the read-only project again, so that it becomes writable if its lock is gone.
    pub fn open_for_writing(&mut self) {
        match (&self.bundle, &self.read_only) {
            (Some(bundle), Some(_)) => {
                let root = bundle.root().to_owned();
                self.open_path(root);
            }
            (Some(_), None) => self.tell("The project is already open for writing"),
            (None, _) => self.tell("No project is open"),
        }
    }

    /// Whether `path` is the open project's folder.
    fn is_open(&self, path: &std::path::Path) -> bool {
        let canonical =
            |p: &std::path::Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
        self.bundle
            .as_ref()
            .is_some_and(|b| canonical(b.root()) == canonical(path))
    }

    /// Takes a bundle that finished opening.
    pub fn adopt(&mut self, mut bundle: Bundle) {
        bundle.set_editor(&self.editor_name());
        self.thumbnails.clear();
        let path = bundle.root().to_owned();
        self.read_only =
            (!bundle.is_writable()).then(|| match crate::bundle::lock::current_holder(&path) {
                Some(holder) => {
                    let since = chrono::DateTime::parse_from_rfc3339(&holder.since).map_or(
                        holder.since.clone(),
                        |t| t.with_timezone(&chrono::Local).format("%d %b %H:%M").to_string(),
                    );
                    format!(
                        "Read-only: another Copydesk (process {} on {}) has had it open for writing since {since}.",
                        holder.pid, holder.host
                    )
                }
                None => "Read-only: the project could not be opened for writing.".to_owned(),
            });
        let mut problems: Vec<String> = bundle.problems().iter().map(|p| p.to_string()).collect();
        // Settings edited by hand in bundle.json can be out of range; the settings dialog
        // mends them.
        problems.extend(bundle.project().problems().into_iter().map(|problem| {
            format!(
                "{}: {problem} (File → Project settings… mends it)",
                crate::bundle::format::MANIFEST_FILE
            )
        }));
        // The same project opened again (for writing) keeps its selected article; another
        // opens at the article last open in it, if it still has it.
        let kept = self
            .selected
            .filter(|id| self.is_open(&path) && bundle.position(*id).is_some());
        let last = (self.settings.last_article.get(&path).copied())
            .filter(|id| bundle.position(*id).is_some());
        let first = (kept.or(last)).or_else(|| bundle.summary_at(0).map(|s| s.id));
        self.bundle = Some(bundle);
        self.undo.clear();
        self.conflict_waiting = None;
        self.search = None;
        self.articles_changed();
        self.last_saved = None;
        self.settings.remember(path.clone());
        self.select(first);
        match problems.first() {
            Some(problem) => {
                let text = format!("{}: {problem}", counted(problems.len(), "problem"));
                self.warn_with_details(text, problems);
            }
            None => self.tell(format!("Opened {}", path.display())),
        }
        // A journal of this project still being written lands before it is read back.
        self.journal.flush();
        if self.read_only.is_none()
            && let Some(journal) = read_journal(&path)
            && (!journal.articles.is_empty() || !journal.deleted.is_empty())
        {
            self.modal = Some(Modal::Recovery(journal));
        }
        self.jobs.index(&path);
    }

    /// Handles finished background work.
    pub fn receive(&mut self) {
        self.put_in_held_imports();
        for outcome in self.jobs.drain() {
            match outcome {
                Outcome::Picked(_, None) => {}
                Outcome::Picked(purpose, Some(path)) => self.path_chosen(purpose, path),
                Outcome::Opened(path, result) => {
                    self.opening = None;
                    match *result {
                        Ok(bundle) => self.adopt(bundle),
                        Err(error) => {
                            self.warn(format!("Could not open {}: {error}", path.display()))
                        }
                    }
                }
                Outcome::ExportProgress(done, total) => self.export_progressed(done, total),
                Outcome::SaveAsProgress(written, _) => {
                    if let Some(Modal::SavingAs { done, .. }) = &mut self.modal {
                        *done = written;
                    }
                }
                Outcome::ReadProgress(done, total) => {
                    if let Some(Modal::ProjectSettings(draft)) = &mut self.modal
                        && draft.reading.is_some()
                    {
                        draft.reading = Some((done, total));
                    }
                }
                Outcome::Read(read) => self.articles_read(*read),
                Outcome::UnusedProgress(done, total) => {
                    if let Some(Modal::LookingForUnusedPictures { .. }) = self.modal {
                        self.modal = Some(Modal::LookingForUnusedPictures { done, total });
                    }
                }
                Outcome::UnusedFound(root, unused) => self.unused_pictures_found(&root, unused),
                Outcome::SaveProgress(done, total) => {
                    if self.saving.is_some() {
                        self.saving = Some((done, total));
                    }
                }
                Outcome::Saved(saved) => self.saved_on_worker(*saved),
                Outcome::SavedAs(result) => self.saved_as(*result),
                Outcome::Exported(result) => self.export_finished(result),
                Outcome::PageWritten(result) => self.page_written(result),
                Outcome::FolderShown(folder, shown) => self.folder_shown(folder, shown),
                Outcome::ImageStored(target, result) => self.image_stored(target, result),
                Outcome::Imported(imported) => self.imported(*imported),
                Outcome::Thumbnail(asset, result) => self.thumbnails.arrived.push((asset, result)),
                Outcome::Indexed(path, index) => {
                    if self.bundle.as_ref().is_some_and(|b| b.root() == path) {
                        self.search = Some(index);
                        if let Some(id) = self.selected {
                            self.search_stale.push(id);
                        }
                        self.list_dirty = true;
                    }
                }
            }
        }
    }

    /// Acts on a path chosen in a dialog or typed in the path prompt.
    pub fn path_chosen(&mut self, purpose: DialogPurpose, path: PathBuf) {
        match purpose {
            DialogPurpose::Import => self.import_path(path),
            DialogPurpose::HeroImage => self.add_image(
                super::images::ImageSource::File(path),
                super::images::ImageUse::Hero,
            ),
            DialogPurpose::InlineImage => self.add_image(
                super::images::ImageSource::File(path),
                super::images::ImageUse::Inline,
            ),
            DialogPurpose::ExportFolder => {
                if let Some(Modal::Export(choice)) = &mut self.modal {
                    choice.folder = path.display().to_string();
                }
            }
            DialogPurpose::Open => self.open_path(path),
            DialogPurpose::NewProject => {
                if !self.saved_before_leaving() {
                    return;
                }
                let path = crate::bundle::format::bundle_folder(&path);
                let title = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "Untitled".into());
                match Bundle::create(&path, &title) {
                    Ok(bundle) => self.adopt(bundle),
                    Err(error) => self.warn(error.to_string()),
                }
            }
            DialogPurpose::SaveAs => {
                self.start_save_as(crate::bundle::format::bundle_folder(&path))
            }
        }
    }

    /// "Keep mine": overwrite the files that changed on disk, as the user chose.
    pub fn keep_mine(&mut self, paths: &[PathBuf]) {
        if let Some(bundle) = &mut self.bundle
            && let Err(error) = bundle.accept_disk_versions(paths)
        {
            self.warn(error.to_string());
            return;
        }
        self.save();
    }

    /// "Reload theirs": drop this program's version of the changed articles.
    pub fn reload_theirs(&mut self, paths: &[PathBuf]) {
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        let ids: Vec<_> = paths
            .iter()
            .filter_map(|p| bundle.article_of_path(p))
            .collect();
        let failures: Vec<String> = ids
            .into_iter()
            .filter_map(|id| bundle.reload_article(id).err().map(|e| e.to_string()))
            .collect();
        self.reselect_after_change();
        match failures.first() {
            Some(failure) => self.warn(failure.clone()),
            None => self.tell("Reloaded from disk"),
        }
    }

    /// Restores the articles of a recovery journal.
    pub fn recover(&mut self, journal: Journal) {
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        for article in journal.articles {
            let id = article.id;
            let replaced = bundle.update_article(id, |a| *a = article.clone());
            if replaced.is_err() {
                let _ = bundle.insert_article(article);
            }
        }
        for id in journal.deleted {
            let _ = bundle.remove_article(id);
        }
        self.reselect_after_change();
        // Recovered work is saved as typed work is, once a pause has passed (until then the
        // journal still holds it).
        self.mark_unsaved();
        self.tell("Recovered the unsaved changes: they are saved in a moment.");
    }

    /// Refreshes the list and reloads the selected article's working copy after the bundle's
    /// articles were replaced underneath it.
    fn reselect_after_change(&mut self) {
        self.articles_changed();
        let selected = self.selected;
        self.select(selected);
    }

    /// Per-frame housekeeping: autosave, the recovery journal, changes on disk.
    pub fn tick(&mut self, now: Instant) {
        if self
            .disk_checked_at
            .is_none_or(|at| now.duration_since(at) >= DISK_CHECK_EVERY)
        {
            self.disk_checked_at = Some(now);
            self.check_disk();
        }
        // A journal that could not be written is tried again once edits have gone on a while.
        for failure in self.journal.failures() {
            self.warn(failure);
            self.unjournaled_since.get_or_insert(now);
        }
        if self.modal.is_none()
            && let Some(paths) = self.conflict_waiting.take()
        {
            self.modal = Some(Modal::Conflict { paths });
        }
        let Some(last_edit) = self.last_edit else {
            return;
        };
        // Nothing can be written while the project's folder is gone.
        if self.read_only.is_some() || self.modal.is_some() || self.folder_missing {
            return;
        }
        let since = now.duration_since(last_edit);
        // After a pause, or at least every 1.5 s while the edits go on.
        if let Some(first) = self.unjournaled_since
            && (since >= JOURNAL_AFTER || now.duration_since(first) >= JOURNAL_AT_MOST)
        {
            self.write_journal();
        }
        if since >= AUTOSAVE_AFTER && self.has_unsaved_changes() {
            self.save();
            self.last_edit = None;
        }
    }

    /// Writes the unsaved articles to the recovery journal, on the journal's thread.
    pub fn write_journal(&mut self) {
        let Some(bundle) = &self.bundle else { return };
        let journal = Journal {
            written: (self.clock)(),
            articles: bundle.unsaved_articles(),
            deleted: bundle.unsaved_deletions(),
        };
        self.journal.write(bundle.root().to_owned(), journal);
        self.unjournaled_since = None;
    }

    /// Says that the project's folder cannot be found: in a question the first time (or when a
    /// save was `asked` for), then in the status bar.
    pub(super) fn project_folder_missing(&mut self, asked: bool) {
        let Some(bundle) = &self.bundle else {
            return;
        };
        let root = bundle.root().to_owned();
        let first = !std::mem::replace(&mut self.folder_missing, true);
        if (first || asked) && self.modal.is_none() {
            self.modal = Some(Modal::ProjectMissing(root));
        } else if asked {
            let shown = root.display();
            self.warn(format!(
                "Not saved: the project's folder {shown} cannot be found"
            ));
        }
    }

    /// Checks whether the selected article's file changed on disk; reloads it when there are no
    /// local edits, and asks when there are. A project folder that is gone is said so, once.
    pub fn check_disk(&mut self) {
        // A save on a worker rewrites the files as it goes: they are the bundle's own.
        if self.modal.is_some() || self.saving.is_some() {
            return;
        }
        let Some(bundle) = &self.bundle else {
            return;
        };
        if !bundle.root().is_dir() {
            return self.project_folder_missing(false);
        }
        self.folder_missing = false;
        let (Some(bundle), Some(id)) = (&mut self.bundle, self.selected) else {
            return;
        };
        if !bundle.changed_on_disk(id) {
            return;
        }
        let path = bundle.article_path(id);
        if bundle.is_dirty(id) {
            self.modal = Some(Modal::Conflict { paths: vec![path] });
        } else {
            self.reload_theirs(&[path]);
        }
    }
}
