//! The sample project embedded in the binary, copied to the user's data folder on first run.

use include_dir::{Dir, include_dir};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The sample bundle, as shipped in `assets/sample.copydesk`.
static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample.copydesk");

/// The folder name of the user's copy of the sample.
pub const SAMPLE_FOLDER: &str = "Sample.copydesk";

/// Copydesk's folder for user data: `$COPYDESK_DATA_DIR`, else the platform's data folder.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("COPYDESK_DATA_DIR") {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("copydesk")
}

/// The user's copy of the sample project, made from the embedded one when it does not exist yet.
/// Never writes into the program's own `assets/`.
pub fn ensure_sample_copy() -> io::Result<PathBuf> {
    let target = data_dir().join(SAMPLE_FOLDER);
    if !target.join(crate::bundle::format::MANIFEST_FILE).exists() {
        extract_sample(&target)?;
    }
    Ok(target)
}

/// Writes the embedded sample to `target` (skipping any machine-local `.local/` folder).
pub fn extract_sample(target: &Path) -> io::Result<()> {
    fs::create_dir_all(target)?;
    write_dir(&SAMPLE, target)
}

fn write_dir(dir: &Dir<'_>, target: &Path) -> io::Result<()> {
    for file in dir.files() {
        let path = target.join(file.path());
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, file.contents())?;
    }
    for sub in dir.dirs() {
        if sub.path().starts_with(crate::bundle::format::LOCAL_DIR) {
            continue;
        }
        fs::create_dir_all(target.join(sub.path()))?;
        write_dir(sub, target)?;
    }
    Ok(())
}
