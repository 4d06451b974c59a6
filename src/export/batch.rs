//! Exporting many articles to a folder, refusing those that fail a Required rule.

use super::{ExportContext, Format, file_name};
use crate::bundle::fsio::write_atomic_unsynced;
use crate::bundle::{Bundle, BundleError};
use crate::review::{Severity, check_articles};
use std::path::Path;
use uuid::Uuid;

/// An article that was not exported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Its slug.
    pub slug: String,
    /// The Required rules it fails.
    pub failures: Vec<String>,
}

/// What a batch export did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Articles exported.
    pub exported: usize,
    /// Files written.
    pub files: usize,
    /// Articles refused because a Required rule fails.
    pub refused: Vec<Refused>,
    /// Articles exported although a Required rule fails (`--force`), with their failures.
    pub forced: Vec<Refused>,
}

/// Exports articles to `out` in each format; articles failing a Required rule are refused unless
/// `force`. `progress` is told how many articles are done, of how many.
pub fn export_articles(
    bundle: &mut Bundle,
    ids: &[Uuid],
    formats: &[Format],
    out: &Path,
    force: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, BundleError> {
    std::fs::create_dir_all(out).map_err(|e| BundleError::io(out, e))?;
    let reviews = check_articles(bundle, ids, chrono::Utc::now(), false)?;
    let project = bundle.project().clone();
    let assets = bundle.root().join(crate::bundle::format::ASSETS_DIR);
    let mut report = ExportReport::default();
    for (done, review) in reviews.iter().enumerate() {
        let failures: Vec<String> = review
            .findings
            .iter()
            .filter(|f| f.level == Severity::Required)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        let article = &review.article;
        if !failures.is_empty() {
            let refused = Refused {
                slug: article.slug.clone(),
                failures,
            };
            if !force {
                report.refused.push(refused);
                progress(done + 1, reviews.len());
                continue;
            }
            report.forced.push(refused);
        }
        let context = ExportContext::new(article, &project, Some(&assets));
        for &format in formats {
            let path = out.join(file_name(article, format));
            write_atomic_unsynced(&path, &context.export(format))?;
            report.files += 1;
        }
        if let Some(image) = &article.hero_image {
            copy_media(&assets, out, image.asset.as_str())?;
        }
        report.exported += 1;
        progress(done + 1, reviews.len());
    }
    Ok(report)
}

/// Copies a picture into `out/media/` unless it is there already (assets never change).
fn copy_media(assets: &Path, out: &Path, name: &str) -> Result<(), BundleError> {
    let source = assets.join(name);
    let media = out.join("media");
    let target = media.join(name);
    if target.exists() || !source.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&media).map_err(|e| BundleError::io(&media, e))?;
    std::fs::copy(&source, &target).map_err(|e| BundleError::io(&source, e))?;
    Ok(())
}
