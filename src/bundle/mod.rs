//! Bundle storage: a project kept as a folder of pretty JSON files, written atomically.
//!
//! `bundle.json` holds the project and the article order, `articles/<id>.json` one article each,
//! `assets/` content-addressed images, and `.local/` the machine's lock, index and backups.

pub mod backup;
pub mod error;
pub mod format;
pub mod fsio;
pub mod index;
mod kept_histories;
pub mod lock;
mod open;
mod read_job;
pub mod recovery;
mod save;
mod save_as;
mod save_job;
mod scan;

pub use error::{BundleError, Problem};
pub use index::ArticleSummary;
pub use read_job::{FileToRead, ReadArticles, ReadJob};
pub use save::SaveReport;
pub use save_as::{SaveAsJob, SavedCopy};
pub use save_job::{SaveJob, SavedFiles};

use crate::model::{Article, Project, slug};
use format::{ARTICLES_DIR, LOCAL_DIR};
use index::DiskState;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use uuid::Uuid;

/// Whether a bundle is opened to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Takes the lock; saving is allowed.
    ReadWrite,
    /// No lock, nothing is ever written.
    ReadOnly,
}

/// An article of the bundle: its summary always, its full text once loaded.
#[derive(Debug)]
struct Entry {
    summary: ArticleSummary,
    article: Option<Box<Article>>,
    /// The file as last read or written; `None` for an article never saved.
    disk: Option<DiskState>,
    dirty: bool,
    /// Counts the edits made to the article, so that a save finished on another thread can tell
    /// whether the article changed while it was written.
    edits: u64,
    /// The summary's word count predates the last edit (counted again by the next save).
    words_stale: bool,
}

/// An article file that could not be read; kept on disk untouched and reported.
#[derive(Debug, Clone)]
struct SetAside {
    id: Option<Uuid>,
    problem: Problem,
}

/// An open bundle: the project, its articles (loaded lazily) and what was found wrong.
#[derive(Debug)]
pub struct Bundle {
    root: PathBuf,
    project: Project,
    manifest_minor: u64,
    manifest_extra: BTreeMap<String, Value>,
    manifest_sha256: Option<String>,
    manifest_dirty: bool,
    /// Counts the changes to the project and the order, as `Entry::edits` counts an article's.
    manifest_edits: u64,
    entries: Vec<Entry>,
    positions: HashMap<Uuid, usize>,
    /// Counts the changes that gave articles other positions (removals and moves).
    order_version: u64,
    set_aside: Vec<SetAside>,
    deleted: Vec<(Uuid, Option<DiskState>)>,
    problems: Vec<Problem>,
    index_dirty: bool,
    /// False only when no entry can be dirty (lets the window ask every frame for free).
    entries_maybe_dirty: bool,
    /// The name recorded with each revision saved.
    editor: String,
    /// Histories of the articles saved last, kept to append to.
    histories: kept_histories::KeptHistories,
    lock: Option<lock::BundleLock>,
}

impl Bundle {
    /// The bundle's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The history of an article as the bundle's last save of it left it, when kept (the
    /// articles saved last); `None` says nothing of the file.
    pub fn kept_history(&self, id: Uuid) -> Option<&crate::history::History> {
        self.histories.get(id)
    }

    /// The project's title and settings.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The project, for changing its title or settings.
    pub fn project_mut(&mut self) -> &mut Project {
        self.touch_manifest();
        &mut self.project
    }

    /// Marks the manifest (the project or the order) as changed since the last save.
    fn touch_manifest(&mut self) {
        self.manifest_dirty = true;
        self.manifest_edits += 1;
    }

    /// Sets the name recorded with the revisions this session saves.
    pub fn set_editor(&mut self, name: &str) {
        self.editor = name.to_owned();
    }

    /// Whether this bundle may be saved (it holds the lock).
    pub fn is_writable(&self) -> bool {
        self.lock.is_some()
    }

    /// What was wrong when the bundle opened: files set aside, entries dropped, a rebuilt manifest.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Whether anything differs from what is on disk.
    pub fn has_unsaved_changes(&self) -> bool {
        self.manifest_dirty
            || !self.deleted.is_empty()
            || (self.entries_maybe_dirty && self.entries.iter().any(|e| e.dirty))
    }

    /// The number of articles that can be listed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the bundle has no listable article.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The summaries of all articles, in the project's order.
    pub fn summaries(&self) -> impl ExactSizeIterator<Item = &ArticleSummary> {
        self.entries.iter().map(|e| &e.summary)
    }

    /// Where article `id` is in the project's order.
    pub fn position(&self, id: Uuid) -> Option<usize> {
        self.positions.get(&id).copied()
    }

    /// Changes whenever articles take other positions in the project's order (a removal or a
    /// move), so that positions remembered before can be known to be stale.
    pub fn order_version(&self) -> u64 {
        self.order_version
    }

    /// The summary of the article at `index` in the project's order.
    pub fn summary_at(&self, index: usize) -> Option<&ArticleSummary> {
        self.entries.get(index).map(|e| &e.summary)
    }

    /// The ids of all articles, in order.
    pub fn ids(&self) -> Vec<Uuid> {
        self.entries.iter().map(|e| e.summary.id).collect()
    }

    /// Finds an article by id or slug.
    pub fn resolve(&self, id_or_slug: &str) -> Option<Uuid> {
        if let Ok(id) = Uuid::parse_str(id_or_slug)
            && self.positions.contains_key(&id)
        {
            return Some(id);
        }
        self.summaries()
            .find(|s| s.slug == id_or_slug)
            .map(|s| s.id)
    }

    /// The article with `id`, read from disk on first use.
    pub fn article(&mut self, id: Uuid) -> Result<&Article, BundleError> {
        let position = self.load(id)?;
        Ok(self.entries[position]
            .article
            .as_deref()
            .expect("load leaves the article in place"))
    }

    /// Changes the article with `id` through `edit`, then refreshes its summary.
    pub fn update_article<R>(
        &mut self,
        id: Uuid,
        edit: impl FnOnce(&mut Article) -> R,
    ) -> Result<R, BundleError> {
        let position = self.load(id)?;
        let entry = &mut self.entries[position];
        let article = entry.article.as_deref_mut().expect("loaded");
        let result = edit(article);
        // Counting 20,000 words takes half a millisecond: typing defers it to the next save.
        entry.summary = ArticleSummary::of_counted(article, entry.summary.words);
        entry.words_stale = true;
        entry.dirty = true;
        entry.edits += 1;
        self.entries_maybe_dirty = true;
        Ok(result)
    }

    /// Adds an imported article: it gets a new id when its id is taken (an article imported
    /// twice), and a unique slug; returns its id and slug.
    pub fn insert_imported(&mut self, mut article: Article) -> Result<(Uuid, String), BundleError> {
        if self.positions.contains_key(&article.id) {
            article.id = Uuid::new_v4();
        }
        let id = self.insert_article(article)?;
        let slug = self
            .summaries()
            .find(|s| s.id == id)
            .map(|s| s.slug.clone())
            .unwrap_or_default();
        Ok((id, slug))
    }

    /// Adds an article at the end of the order; its slug is made unique (or from its id when empty).
    pub fn insert_article(&mut self, mut article: Article) -> Result<Uuid, BundleError> {
        if self.positions.contains_key(&article.id) {
            return Err(BundleError::format(
                self.article_path(article.id),
                "an article with this id is already in the bundle",
            ));
        }
        let base = if slug::is_valid_slug(&article.slug) {
            article.slug.clone()
        } else {
            slug::slug_for(&article.headline, article.id)
        };
        article.slug = slug::unique_slug(&base, |s| self.summaries().any(|x| x.slug == s));
        let id = article.id;
        // An article removed since the last save and put back (an undone delete) takes its file
        // back: the save no longer deletes it, and writes it only if the article changed.
        let disk = self
            .deleted
            .iter()
            .position(|(gone, _)| *gone == id)
            .and_then(|at| self.deleted.remove(at).1);
        self.positions.insert(id, self.entries.len());
        self.entries.push(Entry {
            words_stale: false,
            summary: ArticleSummary::of(&article),
            article: Some(Box::new(article)),
            disk,
            dirty: true,
            edits: 0,
        });
        self.entries_maybe_dirty = true;
        self.touch_manifest();
        Ok(id)
    }

    /// Removes an article; its file is deleted at the next save (after a backup).
    pub fn remove_article(&mut self, id: Uuid) -> Result<Article, BundleError> {
        let position = self.load(id)?;
        let entry = self.entries.remove(position);
        self.reindex();
        self.deleted.push((id, entry.disk));
        self.touch_manifest();
        Ok(*entry.article.expect("loaded"))
    }

    /// Moves an article to `to` in the order.
    pub fn move_article(&mut self, id: Uuid, to: usize) -> Result<(), BundleError> {
        let from = *self
            .positions
            .get(&id)
            .ok_or_else(|| BundleError::NoSuchArticle(id.to_string()))?;
        let entry = self.entries.remove(from);
        self.entries.insert(to.min(self.entries.len()), entry);
        self.reindex();
        self.touch_manifest();
        Ok(())
    }

    /// The articles with unsaved changes, whole (for the recovery journal).
    pub fn unsaved_articles(&self) -> Vec<Article> {
        self.entries
            .iter()
            .filter(|e| e.dirty)
            .filter_map(|e| e.article.as_deref().cloned())
            .collect()
    }

    /// The articles in memory (read from their files, or new), as they are now.
    pub fn loaded_articles(&self) -> impl Iterator<Item = &Article> {
        self.entries.iter().filter_map(|e| e.article.as_deref())
    }

    /// Whether article `id` is in memory (read from its file, or new).
    pub fn is_loaded(&self, id: Uuid) -> bool {
        self.positions
            .get(&id)
            .is_some_and(|&at| self.entries[at].article.is_some())
    }

    /// Whether the article with `id` has unsaved changes.
    pub fn is_dirty(&self, id: Uuid) -> bool {
        self.positions
            .get(&id)
            .is_some_and(|&i| self.entries[i].dirty)
    }

    /// Ids of articles removed since the last save.
    pub fn unsaved_deletions(&self) -> Vec<Uuid> {
        self.deleted.iter().map(|(id, _)| *id).collect()
    }

    /// Discards this program's version of an article and reads the file again ("reload theirs").
    pub fn reload_article(&mut self, id: Uuid) -> Result<&Article, BundleError> {
        let position = *self
            .positions
            .get(&id)
            .ok_or_else(|| BundleError::NoSuchArticle(id.to_string()))?;
        let entry = &mut self.entries[position];
        entry.article = None;
        entry.dirty = false;
        self.article(id)
    }

    /// Takes the files as they are on disk now as the base for the next save, so that it
    /// overwrites them ("keep mine"). Only call this after the user chose to.
    pub fn accept_disk_versions(&mut self, paths: &[PathBuf]) -> Result<(), BundleError> {
        for path in paths {
            let current = fsio::hash_on_disk(path)?;
            if *path == self.root.join(format::MANIFEST_FILE) {
                self.manifest_sha256 = current;
                continue;
            }
            let Some(position) = self.article_of_path(path).map(|id| self.positions[&id]) else {
                continue;
            };
            self.entries[position].disk = match current {
                None => None,
                Some(hash) => {
                    let meta = std::fs::metadata(path).map_err(|e| BundleError::io(path, e))?;
                    Some(DiskState {
                        sha256: hash,
                        fingerprint: index::Fingerprint::of(&meta),
                    })
                }
            };
        }
        Ok(())
    }

    /// The listed article whose file is `path`, if any.
    pub fn article_of_path(&self, path: &Path) -> Option<Uuid> {
        let name = path.file_name()?.to_str()?;
        let id = scan::id_from_file_name(name)?;
        (self.positions.contains_key(&id) && article_path(&self.root, id) == path).then_some(id)
    }

    /// Whether the file of a loaded article changed on disk since it was read or written.
    pub fn changed_on_disk(&self, id: Uuid) -> bool {
        let Some(&position) = self.positions.get(&id) else {
            return false;
        };
        let Some(disk) = &self.entries[position].disk else {
            return false;
        };
        match std::fs::metadata(article_path(&self.root, id)) {
            Ok(meta) => index::Fingerprint::of(&meta) != disk.fingerprint,
            Err(_) => true,
        }
    }

    /// The file of the article with `id`.
    pub fn article_path(&self, id: Uuid) -> PathBuf {
        article_path(&self.root, id)
    }

    fn reindex(&mut self) {
        self.order_version += 1;
        self.positions = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.summary.id, i))
            .collect();
    }

    /// Loads the article at `id` if it is not in memory; returns its position.
    fn load(&mut self, id: Uuid) -> Result<usize, BundleError> {
        let position = *self
            .positions
            .get(&id)
            .ok_or_else(|| BundleError::NoSuchArticle(id.to_string()))?;
        if self.entries[position].article.is_some() {
            return Ok(position);
        }
        let path = self.article_path(id);
        let read = open::read_article(&path, id, format::FORMAT_VERSION);
        self.install_read(position, id, read)?;
        Ok(position)
    }

    /// Takes an article's file as read (here or on another thread) into the entry at
    /// `position`; a file that could not be read is set aside and reported.
    fn install_read(
        &mut self,
        position: usize,
        id: Uuid,
        read: Result<(Article, DiskState), Problem>,
    ) -> Result<(), BundleError> {
        match read {
            Ok((article, disk)) => {
                let entry = &mut self.entries[position];
                // A listed summary made from this very file keeps its word count: counting
                // 20,000 words takes half a millisecond, and a section renamed across the
                // project loads thousands of articles at once.
                let words = match &entry.disk {
                    Some(listed) if listed.sha256 == disk.sha256 && !entry.words_stale => {
                        entry.summary.words
                    }
                    _ => article.body_stats().words,
                };
                entry.summary = ArticleSummary::of_counted(&article, words);
                entry.words_stale = false;
                entry.disk = Some(disk);
                entry.article = Some(Box::new(article));
                Ok(())
            }
            Err(problem) => {
                self.entries.remove(position);
                self.reindex();
                self.set_aside.push(SetAside {
                    id: Some(id),
                    problem: problem.clone(),
                });
                self.problems.push(problem.clone());
                Err(BundleError::Unloadable(problem))
            }
        }
    }
}

/// The file of article `id` in the bundle at `root`.
pub fn article_path(root: &Path, id: Uuid) -> PathBuf {
    root.join(ARTICLES_DIR)
        .join(format!("{}.json", id.hyphenated()))
}

/// The machine-local folder of the bundle at `root`.
pub fn local_dir(root: &Path) -> PathBuf {
    root.join(LOCAL_DIR)
}

impl Drop for Bundle {
    fn drop(&mut self) {
        if self.lock.is_some() && self.index_dirty {
            let _ = self.write_index();
        }
    }
}
