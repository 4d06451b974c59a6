//! Rotating backups under `.local/backups/`, taken before risky operations.

use super::error::BundleError;
use super::format::{ARTICLES_DIR, LOCAL_DIR, MANIFEST_FILE};
use std::fs;
use std::path::{Path, PathBuf};

/// How many backups are kept; older ones are removed.
pub const KEEP_BACKUPS: usize = 10;
/// The backups folder, inside `.local/`.
pub const BACKUPS_DIR: &str = "backups";

/// Copies the manifest and article files of `root` into a new backup folder named after the
/// time and `reason`, then removes all but the newest [`KEEP_BACKUPS`]. Article files are
/// hard-linked where possible: the bundle replaces files rather than rewriting them, so a link
/// keeps the old bytes.
pub fn take_backup(root: &Path, reason: &str) -> Result<PathBuf, BundleError> {
    let backups = super::fsio::make_local_dir(root)?.join(BACKUPS_DIR);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
    let target = backups.join(format!("{stamp}-{reason}"));
    let target_articles = target.join(ARTICLES_DIR);
    fs::create_dir_all(&target_articles).map_err(|e| BundleError::io(&target_articles, e))?;
    let manifest = root.join(MANIFEST_FILE);
    if manifest.exists() {
        copy_or_link(&manifest, &target.join(MANIFEST_FILE))?;
    }
    let articles = root.join(ARTICLES_DIR);
    if let Ok(entries) = fs::read_dir(&articles) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            if entry.file_type().is_ok_and(|t| t.is_file()) {
                copy_or_link(&entry.path(), &target_articles.join(&name))?;
            }
        }
    }
    prune(&backups)?;
    Ok(target)
}

fn copy_or_link(from: &Path, to: &Path) -> Result<(), BundleError> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| BundleError::io(from, e))
}

/// The backups of a bundle, oldest first.
pub fn list_backups(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(root.join(LOCAL_DIR).join(BACKUPS_DIR))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

fn prune(backups: &Path) -> Result<(), BundleError> {
    let root = backups.parent().and_then(Path::parent).unwrap_or(backups);
    let all = list_backups(root);
    let excess = all.len().saturating_sub(KEEP_BACKUPS);
    for old in &all[..excess] {
        fs::remove_dir_all(old).map_err(|e| BundleError::io(old, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_ten() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(MANIFEST_FILE), b"{}").unwrap();
        for i in 0..13 {
            take_backup(dir.path(), &format!("test{i:02}")).unwrap();
        }
        let kept = list_backups(dir.path());
        assert_eq!(kept.len(), KEEP_BACKUPS);
        assert!(kept.last().unwrap().to_string_lossy().ends_with("test12"));
        assert!(kept[0].join(MANIFEST_FILE).exists());
    }
}
