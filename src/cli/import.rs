//! `copydesk import`: files become new articles of a bundle.

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::bundle::{Access, Bundle, BundleError};
use crate::import::import_file;
use std::path::{Path, PathBuf};

/// Runs `copydesk import`: every readable file is imported and saved; a file that cannot be
/// imported is named with the reason, and the exit status is then 2.
pub fn run(path: &Path, files: &[PathBuf]) -> Result<u8, BundleError> {
    let mut bundle = Bundle::open(path, Access::ReadWrite)?;
    let mut failed = 0;
    for file in files {
        match import_file(file, chrono::Utc::now()) {
            Ok(article) => {
                let read_as = article
                    .imported_read_as()
                    .map(|encoding| format!(" (read as {encoding})"))
                    .unwrap_or_default();
                let (id, slug) = bundle.insert_imported(article)?;
                println!("imported {}{read_as} as {slug} ({id})", file.display());
            }
            Err(error) => {
                eprintln!("copydesk: {error}");
                failed += 1;
            }
        }
    }
    bundle.save()?;
    Ok(if failed == 0 { EXIT_OK } else { EXIT_BAD_INPUT })
}
