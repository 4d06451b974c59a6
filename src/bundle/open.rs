//! Creating and opening bundles: validation, migration, lazy listing and setting bad files aside.

use super::error::describe_json_error;
use super::format::{
    ARTICLES_DIR, FORMAT_NAME, FORMAT_VERSION, LOCAL_DIR, MANIFEST_FILE, Manifest, migrate_article,
};
use super::fsio::{read_json_bytes, sha256_hex, sync_dir, write_atomic};
use super::index::{ArticleSummary, DiskState, INDEX_FILE};
use super::{Access, Bundle, BundleError, Entry, Problem, SetAside, backup, lock::BundleLock};
use crate::model::{Article, Project};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::Path;
use uuid::Uuid;

/// What the manifest gave on open.
struct LoadedManifest {
    manifest: Manifest,
    sha256: Option<String>,
    rebuilt: bool,
}

impl Bundle {
    /// Creates an empty bundle at `root` (which must not exist, or be an empty folder) and opens it.
    pub fn create(root: &Path, title: &str) -> Result<Bundle, BundleError> {
        ensure_empty_target(root)?;
        fs::create_dir_all(root.join(ARTICLES_DIR)).map_err(|e| BundleError::io(root, e))?;
        fs::create_dir_all(root.join(super::format::ASSETS_DIR))
            .map_err(|e| BundleError::io(root, e))?;
        write_atomic(
            &root.join(".gitignore"),
            format!("{LOCAL_DIR}/\n").as_bytes(),
        )?;
        let lock = BundleLock::acquire(root)?;
        let mut bundle = Bundle::empty(root, Project::new(title), Some(lock));
        bundle.save()?;
        sync_dir(root)?;
        Ok(bundle)
    }

    pub(super) fn empty(root: &Path, project: Project, lock: Option<BundleLock>) -> Bundle {
        Bundle {
            root: root.to_owned(),
            project,
            manifest_minor: super::format::FORMAT_MINOR,
            manifest_extra: BTreeMap::new(),
            manifest_sha256: None,
            manifest_dirty: true,
            manifest_edits: 0,
            entries: Vec::new(),
            positions: HashMap::new(),
            order_version: 0,
            set_aside: Vec::new(),
            deleted: Vec::new(),
            problems: Vec::new(),
            index_dirty: true,
            entries_maybe_dirty: true,
            editor: String::new(),
            histories: Default::default(),
            lock,
        }
    }

    /// Opens the bundle at `root`. Article files that cannot be read are set aside and listed in
    /// [`Bundle::problems`]; the rest opens. A lost or broken manifest is rebuilt from the files.
    pub fn open(root: &Path, access: Access) -> Result<Bundle, BundleError> {
        let manifest_path = root.join(MANIFEST_FILE);
        if !root.is_dir() {
            return Err(BundleError::NotABundle {
                path: root.to_owned(),
                reason: "no such folder".into(),
            });
        }
        if !manifest_path.exists() && !root.join(ARTICLES_DIR).is_dir() {
            return Err(BundleError::NotABundle {
                path: root.to_owned(),
                reason: format!("it has neither {MANIFEST_FILE} nor an {ARTICLES_DIR}/ folder"),
            });
        }
        let mut problems = Vec::new();
        let loaded = load_manifest(root, &mut problems)?;
        let lock = match access {
            Access::ReadWrite => Some(BundleLock::acquire(root)?),
            Access::ReadOnly => None,
        };
        let from_version = loaded.manifest.format_version;
        if lock.is_some() && (from_version < FORMAT_VERSION || loaded.rebuilt) {
            let reason = if loaded.rebuilt {
                "before-manifest-rebuild".to_owned()
            } else {
                format!("before-migration-from-v{from_version}")
            };
            backup::take_backup(root, &reason)?;
        }
        let mut bundle = Bundle::empty(root, loaded.manifest.project(), lock);
        bundle.manifest_minor = loaded.manifest.format_minor;
        bundle.manifest_extra = loaded.manifest.extra.clone();
        bundle.manifest_sha256 = loaded.sha256;
        bundle.manifest_dirty = loaded.rebuilt || from_version < FORMAT_VERSION;
        bundle.problems = problems;
        bundle.scan_articles(&loaded.manifest, from_version);
        bundle.entries_maybe_dirty = bundle.entries.iter().any(|e| e.dirty);
        if bundle.lock.is_some() {
            remove_leftover_temp_files(root);
            if bundle.index_dirty {
                let _ = bundle.write_index();
            }
        }
        Ok(bundle)
    }

    /// Reads the article folder, trusting the index for files whose fingerprint is unchanged.
    fn scan_articles(&mut self, manifest: &Manifest, from_version: u64) {
        let root = self.root.clone();
        let index_path = root.join(LOCAL_DIR).join(INDEX_FILE);
        let articles_dir = root.join(ARTICLES_DIR);
        let (listing, mut index) = super::scan::scan(&articles_dir, &index_path);
        let listing = match listing {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                self.problems
                    .push(Problem::new(&articles_dir, e.to_string()));
                Vec::new()
            }
        };
        let mut found: HashMap<Uuid, Entry> = HashMap::with_capacity(listing.len());
        for file in listing {
            let path = || articles_dir.join(&file.name);
            let Some(id) = file.id else {
                self.problems.push(Problem::new(
                    path(),
                    "not an article file (expected <uuid>.json); ignored",
                ));
                continue;
            };
            let fingerprint = match file.fingerprint {
                Ok(fingerprint) => fingerprint,
                Err(e) => {
                    self.set_aside(Some(id), Problem::new(path(), e.to_string()));
                    continue;
                }
            };
            match index.remove(&id) {
                Some(cached)
                    if cached.fingerprint == fingerprint && from_version == FORMAT_VERSION =>
                {
                    let disk = DiskState {
                        sha256: cached.sha256,
                        fingerprint: cached.fingerprint,
                    };
                    found.insert(id, unloaded_entry(cached.summary, disk));
                }
                _ => {
                    self.index_dirty = true;
                    // Read for its summary; kept in memory only when it must be written again
                    // in the current format, so that a folder opened without an index (another
                    // tool's, or read-only) holds no more than one opened every day.
                    match read_article(&path(), id, from_version) {
                        Ok((article, disk)) if from_version < FORMAT_VERSION => {
                            found.insert(id, loaded_entry(article, disk, true));
                        }
                        Ok((article, disk)) => {
                            found.insert(id, unloaded_entry(ArticleSummary::of(&article), disk));
                        }
                        Err(problem) => self.set_aside(Some(id), problem),
                    }
                }
            }
        }
        if !index.is_empty() {
            self.index_dirty = true;
        }
        self.order_entries(manifest, found);
    }

    /// Puts found entries in the manifest's order, then any the manifest does not list.
    fn order_entries(&mut self, manifest: &Manifest, mut found: HashMap<Uuid, Entry>) {
        let manifest_path = self.root.join(MANIFEST_FILE);
        let set_aside: HashSet<Uuid> = self.set_aside.iter().filter_map(|s| s.id).collect();
        let mut seen = HashSet::new();
        for raw in &manifest.articles {
            let Ok(id) = Uuid::parse_str(raw) else {
                self.problems.push(Problem::new(
                    &manifest_path,
                    format!("article id {raw:?} is not a UUID; ignored"),
                ));
                self.manifest_dirty = true;
                continue;
            };
            if !seen.insert(id) {
                self.problems.push(Problem::new(
                    &manifest_path,
                    format!("article {id} is listed twice (duplicate id); listed once"),
                ));
                self.manifest_dirty = true;
                continue;
            }
            match found.remove(&id) {
                Some(entry) => self.entries.push(entry),
                None if set_aside.contains(&id) => {}
                None => {
                    self.problems.push(Problem::new(
                        &manifest_path,
                        format!(
                            "lists article {id}, but {} is missing; dropped from the list",
                            super::article_path(&self.root, id).display()
                        ),
                    ));
                    self.manifest_dirty = true;
                }
            }
        }
        let mut rest: Vec<Entry> = found.into_values().collect();
        if !rest.is_empty() {
            self.manifest_dirty = true;
        }
        rest.sort_by(|a, b| {
            b.summary
                .updated
                .cmp(&a.summary.updated)
                .then(a.summary.id.cmp(&b.summary.id))
        });
        self.entries.extend(rest);
        self.reindex();
    }

    fn set_aside(&mut self, id: Option<Uuid>, problem: Problem) {
        self.problems.push(problem.clone());
        self.set_aside.push(SetAside { id, problem });
    }
}

/// An entry whose article stays on disk until it is needed.
fn unloaded_entry(summary: ArticleSummary, disk: DiskState) -> Entry {
    Entry {
        words_stale: false,
        summary,
        article: None,
        disk: Some(disk),
        dirty: false,
        edits: 0,
    }
}

fn loaded_entry(article: Article, disk: DiskState, migrated: bool) -> Entry {
    Entry {
        words_stale: false,
        summary: ArticleSummary::of(&article),
        article: Some(Box::new(article)),
        disk: Some(disk),
        dirty: migrated,
        edits: 0,
    }
}

/// Reads and validates one article file written in format `from_version`.
pub(super) fn read_article(
    path: &Path,
    id: Uuid,
    from_version: u64,
) -> Result<(Article, DiskState), Problem> {
    let bytes = read_json_bytes(path).map_err(|e| problem_of(path, e))?;
    let parsed = if from_version < FORMAT_VERSION {
        serde_json::from_slice::<serde_json::Value>(&bytes).and_then(|mut value| {
            migrate_article(&mut value, from_version);
            serde_json::from_value::<Article>(value)
        })
    } else {
        serde_json::from_slice::<Article>(&bytes)
    };
    let article = parsed.map_err(|e| {
        Problem::new(
            path,
            format!("{}; set aside, not overwritten", describe_json_error(&e)),
        )
    })?;
    if article.id != id {
        return Err(Problem::new(
            path,
            format!(
                "its \"id\" is {}, which does not match the file name (a copied file? duplicate id); set aside",
                article.id
            ),
        ));
    }
    let meta = fs::metadata(path).map_err(|e| Problem::new(path, e.to_string()))?;
    Ok((article, DiskState::new(&bytes, &meta)))
}

fn problem_of(path: &Path, error: BundleError) -> Problem {
    match error {
        BundleError::Format { message, .. } => {
            Problem::new(path, format!("{message}; set aside, not overwritten"))
        }
        other => Problem::new(path, other.to_string()),
    }
}

#[derive(Deserialize)]
struct ManifestHeader {
    format: Option<String>,
    format_version: Option<serde_json::Value>,
}

/// Reads `bundle.json`; a missing or broken one yields a manifest to rebuild from the files.
fn load_manifest(root: &Path, problems: &mut Vec<Problem>) -> Result<LoadedManifest, BundleError> {
    let path = root.join(MANIFEST_FILE);
    let rebuild = |problems: &mut Vec<Problem>, message: String, sha256: Option<String>| {
        problems.push(Problem::new(
            &path,
            format!("{message}; rebuilt from the article files"),
        ));
        let title = root
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into());
        let manifest = Manifest::new(&Project::new(title), Vec::new(), 0, BTreeMap::new());
        Ok(LoadedManifest {
            manifest,
            sha256,
            rebuilt: true,
        })
    };
    let bytes = match read_json_bytes(&path) {
        Ok(bytes) => bytes,
        Err(BundleError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return rebuild(problems, "missing".into(), None);
        }
        Err(BundleError::Format { message, .. }) => {
            let sha = fs::read(&path).ok().map(|b| sha256_hex(&b));
            return rebuild(problems, message, sha);
        }
        Err(other) => return Err(other),
    };
    let sha256 = Some(sha256_hex(&bytes));
    match serde_json::from_slice::<Manifest>(&bytes) {
        Ok(manifest) => {
            check_header(&path, Some(&manifest.format), manifest.format_version)?;
            Ok(LoadedManifest {
                manifest,
                sha256,
                rebuilt: false,
            })
        }
        Err(error) => {
            if let Ok(header) = serde_json::from_slice::<ManifestHeader>(&bytes) {
                let version = header
                    .format_version
                    .as_ref()
                    .and_then(serde_json::Value::as_u64);
                if let Some(version) = version {
                    check_header(&path, header.format.as_ref(), version)?;
                }
            }
            rebuild(problems, describe_json_error(&error), sha256)
        }
    }
}

fn check_header(path: &Path, format: Option<&String>, version: u64) -> Result<(), BundleError> {
    if format.is_some_and(|f| f != FORMAT_NAME) {
        return Err(BundleError::format(
            path,
            format!("\"format\" is {:?}, not {FORMAT_NAME:?}", format.unwrap()),
        ));
    }
    if version > FORMAT_VERSION {
        return Err(BundleError::TooNew {
            path: path.to_owned(),
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version == 0 {
        return Err(BundleError::format(
            path,
            "\"format_version\" 0 does not exist",
        ));
    }
    Ok(())
}

/// Refuses a target that exists and holds anything, or that is inside another project (in its
/// storage it would be a damaged article file to the outer one; in its pictures folder a copy
/// would copy itself).
pub(super) fn ensure_empty_target(root: &Path) -> Result<(), BundleError> {
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
    if let Some(project) = absolute.parent().and_then(super::format::project_holding) {
        return Err(BundleError::InsideProject {
            path: root.to_owned(),
            project: project.to_owned(),
        });
    }
    match fs::read_dir(root).map(|mut entries| entries.next().is_some()) {
        Ok(true) => Err(BundleError::TargetExists {
            path: root.to_owned(),
        }),
        Ok(false) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Err(BundleError::TargetExists {
            path: root.to_owned(),
        }),
        Err(e) => Err(BundleError::io(root, e)),
    }
}

/// Removes `.tmp-*` files a crash left behind (never a real file).
fn remove_leftover_temp_files(root: &Path) {
    for dir in [root.to_owned(), root.join(ARTICLES_DIR)] {
        for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
            if entry.file_name().to_string_lossy().starts_with(".tmp-") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}
