//! The machine-local index (`.local/index.json`): a summary and a file fingerprint per article,
//! so a bundle lists without reading every article. A cache: lost or stale, it is rebuilt.

use super::fsio::{sha256_hex, write_atomic_unsynced};
use crate::model::{Article, Status};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::Metadata;
use std::path::Path;
use uuid::Uuid;

/// The index file, inside `.local/`.
pub const INDEX_FILE: &str = "index.json";
/// 2: summaries carry the tags.
const INDEX_VERSION: u32 = 2;

/// What the article list shows of an article, without its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The article's id.
    pub id: Uuid,
    /// Its slug.
    pub slug: String,
    /// Its headline.
    pub headline: String,
    /// Its section.
    pub section: String,
    /// The byline names, in order.
    pub bylines: Vec<String>,
    /// Its workflow state.
    pub status: Status,
    /// Words in the body.
    pub words: usize,
    /// When it was last changed (stored as microseconds: the index is read on every open).
    #[serde(with = "chrono::serde::ts_microseconds")]
    pub updated: DateTime<Utc>,
    /// Its language tag.
    pub language: String,
    /// Its hero picture, for the list's thumbnail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hero: Option<crate::model::AssetName>,
    /// Its tags, which the tag box offers for other articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl ArticleSummary {
    /// The summary of a loaded article.
    pub fn of(article: &Article) -> Self {
        Self::of_counted(article, article.body_stats().words)
    }

    /// The summary of an article whose body has `words` words (counted elsewhere, or later).
    pub fn of_counted(article: &Article, words: usize) -> Self {
        ArticleSummary {
            id: article.id,
            slug: article.slug.clone(),
            headline: article.headline.clone(),
            section: article.section.clone(),
            bylines: article.byline_names(),
            status: article.status,
            words,
            updated: article.updated,
            language: article.language.clone(),
            hero: article.hero_image.as_ref().map(|h| h.asset.clone()),
            tags: article.tags.clone(),
        }
    }
}

/// Identifies one version of a file cheaply: size, modification time and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime_ns: i64,
    /// Inode number (the bundle replaces files, so each write gets a new one).
    pub ino: u64,
}

impl Fingerprint {
    /// The fingerprint of a file's metadata.
    pub fn of(meta: &Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        Fingerprint {
            len: meta.len(),
            mtime_ns: meta
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(meta.mtime_nsec()),
            ino: meta.ino(),
        }
    }
}

/// One article's indexed state.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The file's fingerprint when `sha256` and `summary` were taken.
    pub fingerprint: Fingerprint,
    /// The file's content hash.
    pub sha256: String,
    /// The article's summary.
    pub summary: ArticleSummary,
}

#[derive(Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    articles: Vec<IndexEntry>,
}

/// Reads the index; anything missing, unreadable or of another version gives an empty one.
pub fn read_index(path: &Path) -> HashMap<Uuid, IndexEntry> {
    let Ok(bytes) = std::fs::read(path) else {
        return HashMap::new();
    };
    match serde_json::from_slice::<IndexFile>(&bytes) {
        Ok(file) if file.version == INDEX_VERSION => file
            .articles
            .into_iter()
            .map(|entry| (entry.summary.id, entry))
            .collect(),
        _ => HashMap::new(),
    }
}

/// Writes the index (compact JSON, atomically, without fsync: it is only a cache).
pub fn write_index<'a>(
    path: &Path,
    entries: impl Iterator<Item = &'a IndexEntry>,
) -> Result<(), super::BundleError> {
    let file = IndexFile {
        version: INDEX_VERSION,
        articles: entries.cloned().collect(),
    };
    let bytes = serde_json::to_vec(&file).expect("index serializes");
    write_atomic_unsynced(path, &bytes)
}

/// The state of an article file on disk as last read or written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskState {
    /// Content hash of the file.
    pub sha256: String,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
}

impl DiskState {
    /// The disk state of freshly read or written `bytes` whose file has `meta`.
    pub fn new(bytes: &[u8], meta: &Metadata) -> Self {
        DiskState {
            sha256: sha256_hex(bytes),
            fingerprint: Fingerprint::of(meta),
        }
    }
}
