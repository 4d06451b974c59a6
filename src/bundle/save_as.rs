//! Save as: the whole bundle written to a new folder, then continued there. What to write is
//! taken from the bundle at once ([`Bundle::save_as_job`]), the writing can run on another
//! thread with its progress ([`SaveAsJob::run`]), and the bundle then continues at the copy
//! ([`Bundle::continue_at`]).

use super::format::{ARTICLES_DIR, ASSETS_DIR, LOCAL_DIR, MANIFEST_FILE, Manifest};
use super::fsio::{sha256_hex, sync_dir, to_pretty_json, write_atomic};
use super::index::DiskState;
use super::lock::BundleLock;
use super::open::ensure_empty_target;
use super::{Bundle, BundleError, article_path};
use crate::model::Article;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use uuid::Uuid;

/// Where an article's bytes come from in the copy.
enum Source {
    /// Its file in the original, as read (the article was never loaded).
    File(PathBuf),
    /// The article as it stands (copied: it is serialized by the job, off the window's thread),
    /// and whether it has unsaved changes, which make a revision of the copy.
    Loaded(Box<Article>, bool),
}

/// Everything a Save as writes, taken from the bundle at once so that the writing can run
/// elsewhere. It holds the new folder's lock.
pub struct SaveAsJob {
    from: PathBuf,
    target: PathBuf,
    lock: BundleLock,
    /// Each article with its edit count when the job was taken.
    articles: Vec<(Uuid, u64, Source)>,
    set_aside: Vec<PathBuf>,
    /// The manifest, with its edit count then.
    manifest: (Manifest, u64),
    editor: String,
    /// Whether the target folder was there (empty) before the job made its files.
    target_existed: bool,
    /// Set to stop the job; the unfinished copy is then removed.
    stop: Arc<AtomicBool>,
}

/// What a finished Save as wrote, for the bundle to continue at the copy.
pub struct SavedCopy {
    from: PathBuf,
    target: PathBuf,
    lock: BundleLock,
    /// Each article's file in the copy, with the article's edit count when the job was taken.
    disk: Vec<(Uuid, u64, DiskState)>,
    manifest_sha256: String,
    manifest_edits: u64,
    /// The articles never opened whose files were gone (the project's folder moved or deleted
    /// under the window): not in the copy.
    lost: Vec<Uuid>,
}

impl SavedCopy {
    /// The articles left out of the copy because their files were gone.
    pub fn lost(&self) -> &[Uuid] {
        &self.lost
    }

    /// The copy's folder.
    pub fn root(&self) -> &Path {
        &self.target
    }

    /// The folder it is a copy of.
    pub fn original(&self) -> &Path {
        &self.from
    }
}

impl SaveAsJob {
    /// How many articles the job writes.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the job writes no article (an empty project).
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// What stops the job when set (from another thread): it removes the unfinished copy and
    /// ends with [`BundleError::Stopped`].
    pub fn stopper(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    /// Removes the unfinished copy (leaving the target folder empty if it was there before),
    /// and says so; a copy that cannot be removed is named.
    fn abandon(self) -> BundleError {
        let target = self.target;
        drop(self.lock);
        let removed = fs::remove_dir_all(&target).and_then(|()| match self.target_existed {
            true => fs::create_dir(&target),
            false => Ok(()),
        });
        match removed {
            Ok(()) => BundleError::Stopped { path: target },
            Err(error) => BundleError::io(&target, error),
        }
    }

    /// Writes the copy, telling `progress` how many articles of how many are written. A failure
    /// leaves the original as it was and names the file; the copy so far stays in its folder.
    /// An article never opened whose file is gone is left out and named in [`SavedCopy::lost`],
    /// so that the articles in memory can still be rescued from a folder deleted under them.
    pub fn run(self, mut progress: impl FnMut(usize, usize)) -> Result<SavedCopy, BundleError> {
        let articles_dir = super::fsio::make_dir_in(&self.target, ARTICLES_DIR)?;
        let ignore = format!("{LOCAL_DIR}/\n");
        write_atomic(&self.target.join(".gitignore"), ignore.as_bytes())?;
        // Pictures are never rewritten, so the copy may share their files; histories grow by
        // appending, so each bundle gets its own.
        let (assets, history) = (ASSETS_DIR, crate::history::HISTORY_DIR);
        copy_folder(
            &self.from.join(assets),
            &self.target.join(assets),
            Sharing::Link,
        )?;
        copy_folder(
            &self.from.join(history),
            &self.target.join(history),
            Sharing::Copy,
        )?;
        for path in &self.set_aside {
            if let Some(name) = path.file_name() {
                let _ = fs::copy(path, articles_dir.join(name));
            }
        }
        let total = self.articles.len();
        let mut disk = Vec::with_capacity(total);
        let mut lost = Vec::new();
        let mut revisions = Vec::new();
        for (done, (id, edits, source)) in self.articles.iter().enumerate() {
            if done % 100 == 0 {
                progress(done, total);
            }
            if self.stop.load(Ordering::Relaxed) {
                return Err(self.abandon());
            }
            let bytes = match source {
                Source::File(from) => match fs::read(from) {
                    Ok(bytes) => bytes,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        lost.push(*id);
                        continue;
                    }
                    Err(e) => return Err(BundleError::io(from, e)),
                },
                Source::Loaded(article, _) => to_pretty_json(article.as_ref()),
            };
            let path = article_path(&self.target, *id);
            write_atomic(&path, &bytes)?;
            let meta = fs::metadata(&path).map_err(|e| BundleError::io(&path, e))?;
            let written = DiskState::new(&bytes, &meta);
            if let Source::Loaded(article, true) = source {
                revisions.push((article.as_ref(), written.sha256.clone()));
            }
            disk.push((*id, *edits, written));
        }
        sync_dir(&articles_dir)?;
        let (mut manifest, manifest_edits) = self.manifest;
        let left_out: std::collections::HashSet<String> =
            lost.iter().map(Uuid::to_string).collect();
        manifest.articles.retain(|id| !left_out.contains(id));
        let manifest = to_pretty_json(&manifest);
        write_atomic(&self.target.join(MANIFEST_FILE), &manifest)?;
        sync_dir(&self.target)?;
        // The unsaved changes are a revision of the copy, as a save would make them.
        for (article, sha256) in revisions {
            crate::history::record(&self.target, article, &self.editor, &sha256)?;
        }
        progress(total, total);
        Ok(SavedCopy {
            from: self.from,
            target: self.target,
            lock: self.lock,
            disk,
            manifest_sha256: sha256_hex(&manifest),
            manifest_edits,
            lost,
        })
    }
}

impl Bundle {
    /// What a Save as to `target` (a new or empty folder) writes, with the new folder's lock
    /// taken; nothing is written yet. Articles never loaded are copied from their files.
    pub fn save_as_job(&self, target: &Path) -> Result<SaveAsJob, BundleError> {
        ensure_empty_target(target)?;
        let target_existed = target.is_dir();
        fs::create_dir_all(target).map_err(|e| BundleError::io(target, e))?;
        let lock = BundleLock::acquire(target)?;
        let articles = self
            .entries
            .iter()
            .map(|entry| {
                let id = entry.summary.id;
                let source = match &entry.article {
                    Some(article) => Source::Loaded(article.clone(), entry.dirty),
                    None => Source::File(article_path(&self.root, id)),
                };
                (id, entry.edits, source)
            })
            .collect();
        Ok(SaveAsJob {
            from: self.root.clone(),
            target: target.to_owned(),
            lock,
            articles,
            set_aside: self
                .set_aside
                .iter()
                .map(|s| s.problem.path.clone())
                .collect(),
            manifest: (self.manifest(), self.manifest_edits),
            editor: self.editor.clone(),
            target_existed,
            stop: Arc::default(),
        })
    }

    /// Continues at the copy a finished Save as wrote: its folder, its lock and its files. An
    /// article or setting changed since the job was taken stays unsaved; an article left out
    /// because its file was gone is no longer listed.
    pub fn continue_at(&mut self, copy: SavedCopy) {
        if !copy.lost.is_empty() {
            let lost: std::collections::HashSet<Uuid> = copy.lost.iter().copied().collect();
            self.entries.retain(|e| !lost.contains(&e.summary.id));
            self.reindex();
        }
        self.root = copy.target;
        self.lock = Some(copy.lock);
        self.histories.clear();
        self.deleted.clear();
        for (id, edits, disk) in copy.disk {
            if let Some(&position) = self.positions.get(&id) {
                let entry = &mut self.entries[position];
                entry.dirty = entry.edits != edits;
                entry.disk = Some(disk);
            }
        }
        // An article added meanwhile is not in the copy yet.
        for entry in self.entries.iter_mut().filter(|e| e.disk.is_none()) {
            entry.dirty = true;
        }
        self.entries_maybe_dirty = self.entries.iter().any(|e| e.dirty);
        self.manifest_dirty = self.manifest_edits != copy.manifest_edits;
        self.manifest_sha256 = Some(copy.manifest_sha256);
        self.index_dirty = true;
    }

    /// Writes the whole bundle to `target` (a new or empty folder), then continues there: the
    /// lock moves to the new bundle, and the old one is left as it was on disk.
    pub fn save_as(&mut self, target: &Path) -> Result<(), BundleError> {
        let copy = self.save_as_job(target)?.run(|_, _| {})?;
        self.continue_at(copy);
        Ok(())
    }
}

/// Whether a copied folder's files may be shared with the original (hard links).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sharing {
    /// Files that are never changed in place: linked where the file system allows.
    Link,
    /// Files that grow or change: always copied.
    Copy,
}

/// Copies the files of one folder into another, hard-linking them where `sharing` allows.
fn copy_folder(from: &Path, to: &Path, sharing: Sharing) -> Result<(), BundleError> {
    fs::create_dir_all(to).map_err(|e| BundleError::io(to, e))?;
    for entry in fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(entry.file_name());
        if sharing == Sharing::Copy || fs::hard_link(entry.path(), &target).is_err() {
            fs::copy(entry.path(), &target).map_err(|e| BundleError::io(entry.path(), e))?;
        }
    }
    Ok(())
}
