//! `copydesk export`: articles to files, gated by the checklist.

use super::{EXIT_CHECK_FAILED, EXIT_OK, open_read_only};
use crate::bundle::BundleError;
use crate::export::{Format, export_articles};
use crate::review::resolve_articles;
use std::path::Path;

/// Runs `copydesk export`.
pub fn run(
    path: &Path,
    format: Format,
    out: &Path,
    names: &[String],
    force: bool,
) -> Result<u8, BundleError> {
    let mut bundle = open_read_only(path)?;
    let ids = resolve_articles(&bundle, names)?;
    let report = export_articles(&mut bundle, &ids, &[format], out, force, &mut |_, _| {})?;
    for refused in &report.refused {
        eprintln!(
            "copydesk: refused {}: {}",
            refused.slug,
            refused.failures.join("; ")
        );
    }
    for forced in &report.forced {
        eprintln!(
            "copydesk: exported despite failures (--force) {}: {}",
            forced.slug,
            forced.failures.join("; ")
        );
    }
    let replaced = match report.replaced {
        0 => String::new(),
        1 => "; 1 file replaced one of the same name".to_owned(),
        n => format!("; {n} files replaced ones of the same name"),
    };
    eprintln!(
        "{} exported to {}, {} refused{replaced}",
        report.exported,
        out.display(),
        report.refused.len()
    );
    Ok(if report.refused.is_empty() {
        EXIT_OK
    } else {
        EXIT_CHECK_FAILED
    })
}
