//! The recovery journal (`.local/recovery.json`): unsaved articles written every second or two
//! while the editor types, so a killed process loses at most that much. Removed on save.

use super::BundleError;
use super::format::LOCAL_DIR;
use super::fsio::write_atomic;
use crate::model::Article;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The journal file, inside `.local/`.
pub const JOURNAL_FILE: &str = "recovery.json";

/// Unsaved work: the articles that differed from disk when the journal was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    /// When the journal was written.
    pub written: DateTime<Utc>,
    /// The unsaved articles, whole.
    pub articles: Vec<Article>,
    /// Ids of articles deleted but not yet saved.
    #[serde(default)]
    pub deleted: Vec<uuid::Uuid>,
}

/// The journal's path in the bundle at `root`.
pub fn journal_path(root: &Path) -> PathBuf {
    root.join(LOCAL_DIR).join(JOURNAL_FILE)
}

/// Writes the journal atomically (fsynced: it is what survives a crash).
pub fn write_journal(root: &Path, journal: &Journal) -> Result<(), BundleError> {
    super::fsio::make_local_dir(root)?;
    let path = journal_path(root);
    let bytes = serde_json::to_vec(journal).expect("journal serializes");
    write_atomic(&path, &bytes)
}

/// Reads a journal left by a process that did not save; `None` when there is none or it is unreadable.
pub fn read_journal(root: &Path) -> Option<Journal> {
    let bytes = std::fs::read(journal_path(root)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Removes the journal (after a save, or when the user discards it).
pub fn clear_journal(root: &Path) {
    let _ = std::fs::remove_file(journal_path(root));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_round_trip_and_clear() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_journal(dir.path()).is_none());
        let journal = Journal {
            written: Utc::now(),
            articles: vec![Article::new("Unsaved")],
            deleted: vec![],
        };
        write_journal(dir.path(), &journal).unwrap();
        assert_eq!(read_journal(dir.path()), Some(journal));
        clear_journal(dir.path());
        assert!(read_journal(dir.path()).is_none());
    }
}
