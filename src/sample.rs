//! The sample project embedded in the binary, copied to the user's data folder on first run,
//! with its dates moved to the day of that run.

use crate::bundle::{Access, Bundle, BundleError};
use chrono::{DateTime, NaiveDate, Utc};
use include_dir::{Dir, include_dir};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The sample bundle, as shipped in `assets/sample.copydesk`.
static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/sample.copydesk");

/// The folder name of the user's copy of the sample.
pub const SAMPLE_FOLDER: &str = "Sample.copydesk";

/// The moment the sample's stories were written for: then, the Kremlin story was updated
/// "2 days ago" and the Hollin Bakeries results were still under embargo for four days.
pub fn sample_written_at() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 11, 28)
        .and_then(|day| day.and_hms_opt(8, 40, 0))
        .expect("a valid moment")
        .and_utc()
}

/// Copydesk's folder for user data: `$COPYDESK_DATA_DIR`, else the platform's data folder.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("COPYDESK_DATA_DIR") {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("copydesk")
}

/// The user's copy of the sample project, made from the embedded one (dated today) when it does
/// not exist yet. Never writes into the program's own `assets/`.
pub fn ensure_sample_copy() -> Result<PathBuf, BundleError> {
    let target = data_dir().join(SAMPLE_FOLDER);
    if !target.join(crate::bundle::format::MANIFEST_FILE).exists() {
        extract_current_sample(&target, Utc::now())?;
    }
    Ok(target)
}

/// Writes the embedded sample to `target` with its dates moved by the whole days from
/// [`sample_written_at`] to `now`, so its stories read as recent and its embargo is still ahead.
/// The copy is made in a folder beside `target` and renamed into place when whole, so a first
/// run cut short leaves no half-written sample behind.
pub fn extract_current_sample(target: &Path, now: DateTime<Utc>) -> Result<(), BundleError> {
    let parent = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| BundleError::io(parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(".sample-")
        .tempdir_in(parent)
        .map_err(|e| BundleError::io(parent, e))?;
    extract_sample(staging.path()).map_err(|e| BundleError::io(staging.path(), e))?;
    let days = (now - sample_written_at()).num_seconds().div_euclid(86_400);
    move_dates(staging.path(), days)?;
    fs::rename(staging.path(), target).map_err(|e| BundleError::io(target, e))?;
    // The folder is the sample now: nothing is left for the guard to remove.
    let _ = staging.keep();
    Ok(())
}

/// Moves every article's dates in the bundle at `root` by `days`; its revision history starts
/// again from the moved articles, so no revision is dated before the article was written.
fn move_dates(root: &Path, days: i64) -> Result<(), BundleError> {
    if days == 0 {
        return Ok(());
    }
    let history = root.join(crate::history::HISTORY_DIR);
    fs::remove_dir_all(&history).map_err(|e| BundleError::io(&history, e))?;
    let mut bundle = Bundle::open(root, Access::ReadWrite)?;
    for id in bundle.ids() {
        bundle.update_article(id, |article| article.shift_dates(days))?;
    }
    bundle.save()?;
    Ok(())
}

/// Writes the embedded sample to `target` as shipped (skipping any machine-local `.local/`
/// folder).
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
