//! Saving: only what changed, atomically, never over a file that changed on disk.

use super::format::Manifest;
use super::index::{INDEX_FILE, IndexEntry, write_index};
use super::{Bundle, BundleError};

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

impl Bundle {
    /// Writes what changed since the last save, on this thread. Before anything is written,
    /// every target file is checked against the hash taken when it was read: if another
    /// program changed it, nothing is written and [`BundleError::ChangedOnDisk`] names the files.
    pub fn save(&mut self) -> Result<SaveReport, BundleError> {
        let saved = self.save_job()?.run(|_, _| {});
        self.finish_save(saved)
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
