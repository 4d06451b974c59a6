//! Listing the article folder with a fingerprint per file, on both cores: one thread lists and
//! starts stat-ing while the other parses the index, then both stat what is left.

use super::index::{Fingerprint, IndexEntry, read_index};
use std::collections::HashMap;
use std::fs::{self, DirEntry};
use std::io;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use uuid::Uuid;

/// Files stat-ed per claim; small enough to share the work evenly.
const CHUNK: usize = 256;

/// A file in `articles/`: its name, its id when the name is `<uuid>.json`, its fingerprint.
pub struct ListedFile {
    /// The file name.
    pub name: String,
    /// The article id, when the name is a canonical `<uuid>.json`.
    pub id: Option<Uuid>,
    /// Size, modification time and inode, or why they could not be read.
    pub fingerprint: io::Result<Fingerprint>,
}

/// Lists `articles_dir` (temporary files left by a crash excluded) and reads the index at
/// `index_path`, in parallel.
pub fn scan(
    articles_dir: &Path,
    index_path: &Path,
) -> (io::Result<Vec<ListedFile>>, HashMap<Uuid, IndexEntry>) {
    let listing: OnceLock<io::Result<Vec<DirEntry>>> = OnceLock::new();
    let next_chunk = AtomicUsize::new(0);
    let (index, mut chunks) = std::thread::scope(|scope| {
        let helper = scope.spawn(|| {
            let entries = fs::read_dir(articles_dir).map(|dir| {
                dir.flatten()
                    .filter(|e| !e.file_name().to_string_lossy().starts_with(".tmp-"))
                    .collect()
            });
            let entries = listing.get_or_init(|| entries);
            stat_chunks(entries, &next_chunk)
        });
        let index = read_index(index_path);
        let mut chunks = stat_chunks(listing.wait(), &next_chunk);
        chunks.extend(
            helper
                .join()
                .expect("stat-ing article files does not panic"),
        );
        (index, chunks)
    });
    chunks.sort_by_key(|(chunk, _)| *chunk);
    let entries = match listing.into_inner().expect("the listing was made") {
        Ok(entries) => entries,
        Err(e) => return (Err(e), index),
    };
    let fingerprints = chunks
        .into_iter()
        .flat_map(|(_, fingerprints)| fingerprints);
    let files = entries
        .iter()
        .zip(fingerprints)
        .map(|(entry, fingerprint)| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let id = id_from_file_name(&name);
            ListedFile {
                name,
                id,
                fingerprint,
            }
        })
        .collect();
    (Ok(files), index)
}

type Chunk = (usize, Vec<io::Result<Fingerprint>>);

/// Stats chunks of `entries` until none is left unclaimed.
fn stat_chunks(entries: &io::Result<Vec<DirEntry>>, next_chunk: &AtomicUsize) -> Vec<Chunk> {
    let Ok(entries) = entries else {
        return Vec::new();
    };
    let mut done = Vec::new();
    loop {
        let chunk = next_chunk.fetch_add(1, Ordering::Relaxed);
        let start = chunk * CHUNK;
        if start >= entries.len() {
            return done;
        }
        let end = (start + CHUNK).min(entries.len());
        // DirEntry::metadata stats relative to the open folder: cheaper than a full path.
        let fingerprints = entries[start..end]
            .iter()
            .map(|e| e.metadata().map(|meta| Fingerprint::of(&meta)))
            .collect();
        done.push((chunk, fingerprints));
    }
}

/// The article id of a file name `<uuid>.json` in canonical (lowercase, hyphenated) form.
pub fn id_from_file_name(name: &str) -> Option<Uuid> {
    let stem = name.strip_suffix(".json")?;
    let id = Uuid::parse_str(stem).ok()?;
    (id.hyphenated().to_string() == stem).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_file_with_its_fingerprint_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let ids: Vec<Uuid> = (0..600).map(|_| Uuid::new_v4()).collect();
        for (i, id) in ids.iter().enumerate() {
            fs::write(dir.path().join(format!("{id}.json")), vec![b'x'; i]).unwrap();
        }
        fs::write(dir.path().join(".tmp-abc.part"), b"").unwrap();
        fs::write(dir.path().join("notes.txt"), b"").unwrap();
        let (files, index) = scan(dir.path(), &dir.path().join("missing-index.json"));
        let files = files.unwrap();
        assert!(index.is_empty());
        assert_eq!(files.len(), 601);
        for file in &files {
            let len = file.fingerprint.as_ref().unwrap().len as usize;
            match file.id {
                Some(id) => assert_eq!(ids[len], id, "{}", file.name),
                None => assert_eq!(file.name, "notes.txt"),
            }
        }
    }

    #[test]
    fn only_canonical_uuid_names_are_articles() {
        let id = Uuid::new_v4();
        assert_eq!(id_from_file_name(&format!("{id}.json")), Some(id));
        assert_eq!(id_from_file_name(&format!("{}.json", id.simple())), None);
        assert_eq!(
            id_from_file_name(&format!("{}.json", id.to_string().to_uppercase())),
            None
        );
        assert_eq!(id_from_file_name("../../etc/passwd"), None);
    }
}
