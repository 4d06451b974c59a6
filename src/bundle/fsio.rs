//! File primitives: atomic crash-safe writes, bounded reads, content hashes.

use super::error::BundleError;
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest file the bundle reads as JSON (an article of 100,000 words is about 1 MB).
pub const MAX_JSON_FILE: u64 = 16 * 1024 * 1024;

/// A SHA-256 digest in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// Makes the folder `name` of the bundle at `root` (its articles, pictures, histories or
/// machine-local files) unless it exists, but never the project's folder itself: a project
/// folder deleted or moved while it is open is not brought back holding a lock, a journal or a
/// lone file, and the write that needed it fails with the folder's name instead.
pub fn make_dir_in(root: &Path, name: &str) -> Result<PathBuf, BundleError> {
    let folder = root.join(name);
    match fs::create_dir(&folder) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => Err(BundleError::io(&folder, e)),
        _ => Ok(folder),
    }
}

/// The bundle's machine-local folder (its lock, index, journal and caches), made if needed
/// as [`make_dir_in`] makes folders.
pub fn make_local_dir(root: &Path) -> Result<PathBuf, BundleError> {
    make_dir_in(root, super::format::LOCAL_DIR)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename.
/// The caller fsyncs the folder (once for a batch) with [`sync_dir`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), BundleError> {
    write_atomic_inner(path, bytes, true)
}

/// Like [`write_atomic`] without the fsync, for caches that may be lost but never torn.
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> Result<(), BundleError> {
    write_atomic_inner(path, bytes, false)
}

fn write_atomic_inner(path: &Path, bytes: &[u8], sync: bool) -> Result<(), BundleError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".tmp-")
        .suffix(".part")
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(|e| BundleError::io(dir, e))?;
    temp.write_all(bytes)
        .map_err(|e| BundleError::io(temp.path(), e))?;
    if sync {
        temp.as_file()
            .sync_all()
            .map_err(|e| BundleError::io(temp.path(), e))?;
    }
    temp.persist(path)
        .map_err(|e| BundleError::io(path, e.error))?;
    Ok(())
}

/// Flushes a folder's entries (renames, creations) to disk.
pub fn sync_dir(dir: &Path) -> Result<(), BundleError> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| BundleError::io(dir, e))
}

/// Reads a JSON file of at most [`MAX_JSON_FILE`] bytes, refusing empty and oversized files.
pub fn read_json_bytes(path: &Path) -> Result<Vec<u8>, BundleError> {
    let file = File::open(path).map_err(|e| BundleError::io(path, e))?;
    let len = file.metadata().map_err(|e| BundleError::io(path, e))?.len();
    if len == 0 {
        return Err(BundleError::format(path, "the file is empty (0 bytes)"));
    }
    if len > MAX_JSON_FILE {
        return Err(BundleError::format(
            path,
            format!(
                "the file is {:.1} MB; the limit is {} MB, so it was not read",
                len as f64 / 1e6,
                MAX_JSON_FILE / (1024 * 1024)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_JSON_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| BundleError::io(path, e))?;
    if let Err(e) = std::str::from_utf8(&bytes) {
        return Err(BundleError::format(
            path,
            format!("not valid UTF-8 text at byte {}", e.valid_up_to()),
        ));
    }
    Ok(bytes)
}

/// The hash of a file's current bytes, or `None` when it does not exist.
pub fn hash_on_disk(path: &Path) -> Result<Option<String>, BundleError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(sha256_hex(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(BundleError::io(path, e)),
    }
}

/// Pretty JSON with two-space indents and a final newline: the one way the bundle writes JSON.
pub fn to_pretty_json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("bundle types always serialize");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        sync_dir(dir.path()).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[test]
    fn bounded_reads_refuse_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.json");
        fs::write(&empty, b"").unwrap();
        assert!(
            read_json_bytes(&empty)
                .unwrap_err()
                .to_string()
                .contains("empty (0 bytes)")
        );
        let latin = dir.path().join("latin.json");
        fs::write(&latin, b"{\"a\": \"\xe9\"}").unwrap();
        assert!(
            read_json_bytes(&latin)
                .unwrap_err()
                .to_string()
                .contains("not valid UTF-8 text at byte 7")
        );
    }

    #[test]
    fn hashes_are_hex_sha256() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
