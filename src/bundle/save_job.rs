//! A save taken from the bundle at once ([`Bundle::save_job`]), written on any thread with its
//! progress ([`SaveJob::run`]), then taken back by the bundle ([`Bundle::finish_save`]). An
//! article edited while its save was being written stays to be saved.

use super::format::{ARTICLES_DIR, MANIFEST_FILE};
use super::fsio::{hash_on_disk, make_dir_in, sha256_hex, sync_dir, to_pretty_json, write_atomic};
use super::index::DiskState;
use super::save::SaveReport;
use super::{Bundle, BundleError, article_path, backup};
use crate::history::History;
use crate::model::Article;
use std::cell::Cell;
use std::fs;
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// An article with unsaved changes, as it stood when the save was taken.
struct ArticleToSave {
    article: Box<Article>,
    /// The hash its file must still have on disk (`None`: never saved).
    expected: Option<String>,
    /// The article's edit count then.
    edits: u64,
    /// Whether its summary's word count predates its last edit (counting 20,000 words takes
    /// half a millisecond, so the count is made with the save, off the window's thread).
    count_words: bool,
    /// Its history as the last save left it, when the bundle kept it (taken by the save).
    history: Cell<Option<History>>,
}

/// An article a save wrote, or found its file already holding.
struct SavedArticle {
    id: Uuid,
    /// Its edit count when the save was taken.
    edits: u64,
    /// Its file's new state when it was written (`None`: the file already held it).
    disk: Option<DiskState>,
    /// Its word count, when the summary's was out of date.
    words: Option<usize>,
    /// Its history with the save's revision, for the next save to append to.
    history: Option<History>,
}

/// Everything a save writes, taken from the bundle at once so that the writing can run on
/// another thread while the bundle stays with the window.
pub struct SaveJob {
    root: PathBuf,
    articles: Vec<ArticleToSave>,
    /// Articles removed, with the hash their file must still have.
    deleted: Vec<(Uuid, Option<String>)>,
    /// The manifest's bytes when it changed, with the manifest's edit count then.
    manifest: Option<(Vec<u8>, u64)>,
    manifest_expected: Option<String>,
    editor: String,
}

/// What a save wrote, for the bundle to take back; with the error that stopped it, if one did.
pub struct SavedFiles {
    root: PathBuf,
    articles: Vec<SavedArticle>,
    deleted: Vec<Uuid>,
    /// The manifest's hash when it was written or found unchanged, with its edit count.
    manifest: Option<(String, u64)>,
    report: SaveReport,
    failure: Option<BundleError>,
}

impl ArticleToSave {
    /// What the save did with the article: `disk` is its file's new state when it was written,
    /// `history` its history after the save.
    fn saved(&self, disk: Option<DiskState>, history: Option<History>) -> SavedArticle {
        SavedArticle {
            id: self.article.id,
            edits: self.edits,
            disk,
            words: self.count_words.then(|| self.article.body_stats().words),
            history,
        }
    }

    /// Appends the article's revision to its history (the one kept from the last save, or the
    /// file read); the history after it.
    fn record(&self, root: &Path, editor: &str, sha256: &str) -> Result<History, BundleError> {
        let mut history = match self.history.take() {
            Some(history) => history,
            None => crate::history::load_for_append(root, self.article.id)?,
        };
        history.append(root, &self.article, editor, sha256)?;
        Ok(history)
    }
}

impl SaveJob {
    /// How many articles the save writes or deletes.
    pub fn len(&self) -> usize {
        self.articles.len() + self.deleted.len()
    }

    /// Whether the save has no article to write or delete.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the save, telling `progress` how many articles of how many are done. Before
    /// anything is written, every target file is checked against the hash taken when it was
    /// read: if another program changed it, nothing is written and the result's error is
    /// [`BundleError::ChangedOnDisk`], naming the files.
    pub fn run(self, mut progress: impl FnMut(usize, usize)) -> SavedFiles {
        let mut saved = SavedFiles {
            root: self.root.clone(),
            articles: Vec::with_capacity(self.articles.len()),
            deleted: Vec::new(),
            manifest: None,
            report: SaveReport::default(),
            failure: None,
        };
        if let Err(error) = self.write(&mut saved, &mut progress) {
            saved.failure = Some(error);
        }
        saved
    }

    fn write(
        &self,
        saved: &mut SavedFiles,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(), BundleError> {
        let total = self.len();
        let mut writes = Vec::with_capacity(self.articles.len());
        for item in &self.articles {
            let bytes = to_pretty_json(item.article.as_ref());
            if item.expected.as_deref() == Some(sha256_hex(&bytes).as_str()) {
                saved.articles.push(item.saved(None, item.history.take()));
            } else {
                writes.push((item, bytes));
            }
        }
        let manifest_path = self.root.join(MANIFEST_FILE);
        let manifest = self
            .manifest
            .as_ref()
            .map(|(bytes, edits)| (bytes, *edits, sha256_hex(bytes)));
        // The manifest is written only when its bytes differ from the file's.
        let manifest_changed = manifest.as_ref().is_some_and(|(_, _, sha256)| {
            self.manifest_expected.as_deref() != Some(sha256.as_str())
        });
        self.check_disk(&writes, &manifest_path, manifest_changed)?;

        let articles_dir = self.root.join(ARTICLES_DIR);
        if !writes.is_empty() || !self.deleted.is_empty() {
            make_dir_in(&self.root, ARTICLES_DIR)?;
        }
        let mut done = saved.articles.len();
        progress(done, total);
        let mut history_failure = None;
        for (item, bytes) in writes {
            let path = article_path(&self.root, item.article.id);
            write_atomic(&path, &bytes)?;
            let meta = fs::metadata(&path).map_err(|e| BundleError::io(&path, e))?;
            let disk = DiskState::new(&bytes, &meta);
            // The article is saved by then: a history that cannot be written is reported
            // once the other articles are saved too (and read again by the next save).
            let history = match item.record(&self.root, &self.editor, &disk.sha256) {
                Ok(history) => Some(history),
                Err(error) => {
                    history_failure.get_or_insert(error);
                    None
                }
            };
            saved.articles.push(item.saved(Some(disk), history));
            saved.report.written += 1;
            done += 1;
            if done.is_multiple_of(50) {
                progress(done, total);
            }
        }
        if !self.deleted.is_empty() {
            backup::take_backup(&self.root, "before-delete")?;
            for (id, _) in &self.deleted {
                let path = article_path(&self.root, *id);
                match fs::remove_file(&path) {
                    Ok(()) => saved.report.deleted += 1,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(BundleError::io(&path, e)),
                }
                saved.deleted.push(*id);
            }
        }
        if saved.report.written + saved.report.deleted > 0 {
            sync_dir(&articles_dir)?;
        }
        if let Some((bytes, edits, sha256)) = manifest {
            if manifest_changed {
                write_atomic(&manifest_path, bytes)?;
                sync_dir(&self.root)?;
                saved.report.manifest = true;
            }
            saved.manifest = Some((sha256, edits));
        }
        progress(total, total);
        history_failure.map_or(Ok(()), Err)
    }

    /// Fails with the files another program changed since they were read, before anything is
    /// written.
    fn check_disk(
        &self,
        writes: &[(&ArticleToSave, Vec<u8>)],
        manifest_path: &std::path::Path,
        manifest_written: bool,
    ) -> Result<(), BundleError> {
        let mut conflicts = Vec::new();
        for (item, _) in writes {
            let path = article_path(&self.root, item.article.id);
            if hash_on_disk(&path)? != item.expected {
                conflicts.push(path);
            }
        }
        for (id, expected) in &self.deleted {
            let path = article_path(&self.root, *id);
            let on_disk = hash_on_disk(&path)?;
            if on_disk.is_some() && on_disk != *expected {
                conflicts.push(path);
            }
        }
        if manifest_written && hash_on_disk(manifest_path)? != self.manifest_expected {
            conflicts.push(manifest_path.to_owned());
        }
        match conflicts.is_empty() {
            true => Ok(()),
            false => Err(BundleError::ChangedOnDisk { paths: conflicts }),
        }
    }
}

impl Bundle {
    /// What a save writes now: the articles with unsaved changes (copied), the removed ones and
    /// the manifest if it changed. Nothing is written yet.
    pub fn save_job(&mut self) -> Result<SaveJob, BundleError> {
        if self.lock.is_none() {
            return Err(BundleError::ReadOnly {
                path: self.root.clone(),
            });
        }
        let articles = self
            .entries
            .iter()
            .filter(|e| e.dirty)
            .filter_map(|entry| {
                let article = entry.article.clone()?;
                Some(ArticleToSave {
                    history: Cell::new(self.histories.take(article.id)),
                    article,
                    expected: entry.disk.as_ref().map(|d| d.sha256.clone()),
                    edits: entry.edits,
                    count_words: entry.words_stale,
                })
            })
            .collect();
        Ok(SaveJob {
            root: self.root.clone(),
            articles,
            deleted: self
                .deleted
                .iter()
                .map(|(id, disk)| (*id, disk.as_ref().map(|d| d.sha256.clone())))
                .collect(),
            manifest: self
                .manifest_dirty
                .then(|| (to_pretty_json(&self.manifest()), self.manifest_edits)),
            manifest_expected: self.manifest_sha256.clone(),
            editor: self.editor.clone(),
        })
    }

    /// Takes back what a save wrote: each article written is clean unless it was edited
    /// meanwhile. Returns what the save did, or the error that stopped it (what it wrote before
    /// that is taken back all the same).
    pub fn finish_save(&mut self, saved: SavedFiles) -> Result<SaveReport, BundleError> {
        // A save of a folder the bundle has left (Save as) has nothing to give back.
        if saved.root != self.root {
            return saved.failure.map_or(Ok(saved.report), Err);
        }
        for mut article in saved.articles {
            if let Some(history) = article.history.take() {
                self.histories.keep(history);
            }
            let Some(&position) = self.positions.get(&article.id) else {
                // Removed meanwhile: its deletion must expect the file the save wrote.
                let removed = self.deleted.iter_mut().find(|(id, _)| *id == article.id);
                if let (Some((_, disk)), Some(written)) = (removed, article.disk) {
                    *disk = Some(written);
                }
                continue;
            };
            let entry = &mut self.entries[position];
            if let Some(disk) = article.disk {
                entry.disk = Some(disk);
            }
            if entry.edits == article.edits {
                entry.dirty = false;
                if let Some(words) = article.words {
                    entry.summary.words = words;
                    entry.words_stale = false;
                }
            }
        }
        self.deleted.retain(|(id, _)| !saved.deleted.contains(id));
        self.entries_maybe_dirty = self.entries.iter().any(|e| e.dirty);
        if saved.report.written + saved.report.deleted > 0 {
            self.index_dirty = true;
        }
        if let Some((sha256, edits)) = saved.manifest {
            self.manifest_sha256 = Some(sha256);
            self.manifest_dirty = self.manifest_edits != edits;
        }
        saved.failure.map_or(Ok(saved.report), Err)
    }
}
