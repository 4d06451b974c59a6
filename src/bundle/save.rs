//! Saving: only what changed, atomically, never over a file that changed on disk.

use super::format::{ARTICLES_DIR, LOCAL_DIR, MANIFEST_FILE, Manifest};
use super::fsio::{hash_on_disk, sha256_hex, sync_dir, to_pretty_json, write_atomic};
use super::index::{DiskState, INDEX_FILE, IndexEntry, write_index};
use super::{Bundle, BundleError, article_path, backup};
use std::fs;
use std::path::PathBuf;
use uuid::Uuid;

/// What a save wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaveReport {
    /// Article files written.
    pub written: usize,
    /// Article files deleted.
    pub deleted: usize,
    /// Whether `bundle.json` was written.
    pub manifest: bool,
}

impl SaveReport {
    /// What the save did, in words: "2 articles written, 1 deleted, project file updated", or
    /// "nothing had changed".
    pub fn describe(&self) -> String {
        use crate::model::plural::counted;
        let mut parts = Vec::new();
        if self.written > 0 {
            parts.push(format!("{} written", counted(self.written, "article")));
        }
        if self.deleted > 0 {
            parts.push(format!("{} deleted", counted(self.deleted, "article")));
        }
        if self.manifest {
            parts.push("project file updated".to_owned());
        }
        if parts.is_empty() {
            "nothing had changed".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// One planned file write, with the hash the file must still have on disk.
struct PlannedWrite {
    id: Uuid,
    path: PathBuf,
    bytes: Vec<u8>,
    expected: Option<String>,
}

impl Bundle {
    /// Writes what changed since the last save. Before anything is written, every target file is
    /// checked against the hash taken when it was read: if another program changed it, nothing
    /// is written and [`BundleError::ChangedOnDisk`] names the files.
    pub fn save(&mut self) -> Result<SaveReport, BundleError> {
        if self.lock.is_none() {
            return Err(BundleError::ReadOnly {
                path: self.root.clone(),
            });
        }
        self.recount_words();
        let writes = self.planned_article_writes();
        let manifest = self
            .manifest_dirty
            .then(|| to_pretty_json(&self.manifest()));
        let manifest_path = self.root.join(MANIFEST_FILE);
        let manifest =
            manifest.filter(|bytes| self.manifest_sha256.as_deref() != Some(&sha256_hex(bytes)));

        let mut conflicts = Vec::new();
        for write in &writes {
            if hash_on_disk(&write.path)? != write.expected {
                conflicts.push(write.path.clone());
            }
        }
        for (id, disk) in &self.deleted {
            let path = article_path(&self.root, *id);
            let on_disk = hash_on_disk(&path)?;
            if on_disk.is_some() && on_disk != disk.as_ref().map(|d| d.sha256.clone()) {
                conflicts.push(path);
            }
        }
        if manifest.is_some() && hash_on_disk(&manifest_path)? != self.manifest_sha256 {
            conflicts.push(manifest_path.clone());
        }
        if !conflicts.is_empty() {
            return Err(BundleError::ChangedOnDisk { paths: conflicts });
        }

        let mut report = SaveReport::default();
        let mut revised = Vec::with_capacity(writes.len());
        let articles_dir = self.root.join(ARTICLES_DIR);
        if !writes.is_empty() || !self.deleted.is_empty() {
            super::fsio::make_dir_in(&self.root, ARTICLES_DIR)?;
        }
        for write in writes {
            write_atomic(&write.path, &write.bytes)?;
            let meta = fs::metadata(&write.path).map_err(|e| BundleError::io(&write.path, e))?;
            let position = self.positions[&write.id];
            let entry = &mut self.entries[position];
            entry.disk = Some(DiskState::new(&write.bytes, &meta));
            entry.dirty = false;
            report.written += 1;
            revised.push(write.id);
        }
        if !self.deleted.is_empty() {
            backup::take_backup(&self.root, "before-delete")?;
            for (id, _) in std::mem::take(&mut self.deleted) {
                let path = article_path(&self.root, id);
                match fs::remove_file(&path) {
                    Ok(()) => report.deleted += 1,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(BundleError::io(&path, e)),
                }
            }
        }
        for entry in &mut self.entries {
            entry.dirty = false;
        }
        self.entries_maybe_dirty = false;
        if report.written + report.deleted > 0 {
            sync_dir(&articles_dir)?;
            self.index_dirty = true;
        }
        if let Some(bytes) = manifest {
            write_atomic(&manifest_path, &bytes)?;
            sync_dir(&self.root)?;
            self.manifest_sha256 = Some(sha256_hex(&bytes));
            report.manifest = true;
        }
        self.manifest_dirty = false;
        self.record_revisions(&revised)?;
        Ok(report)
    }

    /// Brings the word counts of edited articles' summaries up to date.
    pub fn recount_words(&mut self) {
        for entry in self.entries.iter_mut().filter(|e| e.words_stale) {
            if let Some(article) = entry.article.as_deref() {
                entry.summary.words = article.body_stats().words;
            }
            entry.words_stale = false;
        }
    }

    /// Adds a revision to the history of each article just written. The articles are saved
    /// by then; an error here names the history file that could not be written.
    fn record_revisions(&self, ids: &[Uuid]) -> Result<(), BundleError> {
        for id in ids {
            let Some(entry) = self.positions.get(id).map(|&p| &self.entries[p]) else {
                continue;
            };
            if let (Some(article), Some(disk)) = (entry.article.as_deref(), &entry.disk) {
                crate::history::record(&self.root, article, &self.editor, &disk.sha256)?;
            }
        }
        Ok(())
    }

    /// The manifest as it would be written now.
    pub(super) fn manifest(&self) -> Manifest {
        let mut order: Vec<String> = self
            .entries
            .iter()
            .map(|e| e.summary.id.to_string())
            .collect();
        order.extend(
            self.set_aside
                .iter()
                .filter_map(|s| s.id)
                .map(|id| id.to_string()),
        );
        Manifest::new(
            &self.project,
            order,
            self.manifest_minor,
            self.manifest_extra.clone(),
        )
    }

    fn planned_article_writes(&self) -> Vec<PlannedWrite> {
        self.entries
            .iter()
            .filter(|e| e.dirty)
            .filter_map(|entry| {
                let article = entry.article.as_deref()?;
                let bytes = to_pretty_json(article);
                let expected = entry.disk.as_ref().map(|d| d.sha256.clone());
                if expected.as_deref() == Some(sha256_hex(&bytes).as_str()) {
                    return None;
                }
                Some(PlannedWrite {
                    id: article.id,
                    path: article_path(&self.root, article.id),
                    bytes,
                    expected,
                })
            })
            .collect()
    }

    /// Writes the machine-local index of clean articles (a cache; unsaved edits are left out).
    pub(super) fn write_index(&mut self) -> Result<(), BundleError> {
        let local = super::fsio::make_local_dir(&self.root)?;
        let entries: Vec<IndexEntry> = self
            .entries
            .iter()
            .filter(|e| !e.dirty)
            .filter_map(|e| {
                let disk = e.disk.as_ref()?;
                Some(IndexEntry {
                    fingerprint: disk.fingerprint,
                    sha256: disk.sha256.clone(),
                    summary: e.summary.clone(),
                })
            })
            .collect();
        write_index(&local.join(INDEX_FILE), entries.iter())?;
        self.index_dirty = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::SaveReport;

    #[test]
    fn a_save_says_what_it_wrote() {
        let report = |written, deleted, manifest| SaveReport {
            written,
            deleted,
            manifest,
        };
        assert_eq!(report(0, 0, false).describe(), "nothing had changed");
        assert_eq!(report(1, 0, false).describe(), "1 article written");
        assert_eq!(
            report(2, 1, true).describe(),
            "2 articles written, 1 article deleted, project file updated"
        );
    }
}
