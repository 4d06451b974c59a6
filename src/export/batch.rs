//! Exporting many articles to a folder, refusing those that fail a Required rule.

use super::{ExportContext, Format, file_name};
use crate::bundle::fsio::write_atomic_unsynced;
use crate::bundle::{Bundle, BundleError};
use crate::review::Severity;
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
    /// Of them, files that took the place of a file of the same name (an earlier export's).
    pub replaced: usize,
    /// Articles refused because a Required rule fails.
    pub refused: Vec<Refused>,
    /// Articles exported although a Required rule fails (`--force`), with their failures.
    pub forced: Vec<Refused>,
}

/// What became of one article: its rendered files, or why it was refused.
enum Outcome {
    Exported {
        files: Vec<(std::path::PathBuf, Vec<u8>)>,
        media: Vec<crate::media::RenditionFile>,
        forced: Option<Refused>,
    },
    Refused(Refused),
}

/// Everything an export needs, detached from the bundle so it can run on another thread.
pub struct ExportJob {
    /// The articles, as they are now.
    pub articles: Vec<crate::model::Article>,
    /// Their project.
    pub project: crate::model::Project,
    /// The bundle's asset folder.
    pub assets: std::path::PathBuf,
    /// What the project's articles hold (slugs and tags, for the checklist).
    pub project_facts: crate::review::ProjectFacts,
    /// The formats to write.
    pub formats: Vec<Format>,
    /// The folder to write to.
    pub out: std::path::PathBuf,
    /// Export articles that fail a Required rule all the same.
    pub force: bool,
}

impl ExportJob {
    /// A job for articles of a bundle (loading them when needed).
    pub fn from_bundle(
        bundle: &mut Bundle,
        ids: &[Uuid],
        formats: &[Format],
        out: &Path,
        force: bool,
    ) -> Result<Self, BundleError> {
        let articles = ids
            .iter()
            .map(|&id| bundle.article(id).cloned())
            .collect::<Result<_, _>>()?;
        Ok(ExportJob {
            articles,
            project: bundle.project().clone(),
            assets: bundle.root().join(crate::bundle::format::ASSETS_DIR),
            project_facts: crate::review::ProjectFacts::of(bundle.summaries()),
            formats: formats.to_vec(),
            out: out.to_owned(),
            force,
        })
    }
}

/// Exports articles of a bundle to `out` in each format; see [`run_export`].
pub fn export_articles(
    bundle: &mut Bundle,
    ids: &[Uuid],
    formats: &[Format],
    out: &Path,
    force: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, BundleError> {
    run_export(
        &ExportJob::from_bundle(bundle, ids, formats, out, force)?,
        progress,
    )
}

/// Runs an export: articles failing a Required rule are refused unless the job forces them.
/// Two threads render; this one writes the files (threads creating files in one folder only
/// wait for each other's lock). `progress` is told how many articles are done, of how many.
pub fn run_export(
    job: &ExportJob,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, BundleError> {
    let out = job.out.as_path();
    std::fs::create_dir_all(out).map_err(|e| BundleError::io(out, e))?;
    let context = crate::review::CheckContext {
        settings: &job.project.settings,
        now: chrono::Utc::now(),
        project: &job.project_facts,
        assets: Some(&job.assets),
    };
    let reviews = crate::review::review_articles(job.articles.clone(), &context, false);
    let (project, assets, formats, force) =
        (&job.project, &job.assets, job.formats.as_slice(), job.force);
    let total = reviews.len();
    let mut report = ExportReport::default();
    let mut first_error = None;
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for share in reviews.chunks(total.div_ceil(WORKERS).max(1)) {
            let sender = sender.clone();
            scope.spawn(move || {
                for review in share {
                    let outcome = render_one(review, project, assets, formats, out, force);
                    if sender.send(outcome).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        for (done, outcome) in receiver.iter().enumerate() {
            match outcome {
                Outcome::Exported {
                    files,
                    media,
                    forced,
                } if first_error.is_none() => match write_files(&files, &media, out) {
                    Ok(replaced) => {
                        report.exported += 1;
                        report.files += files.len();
                        report.replaced += replaced;
                        report.forced.extend(forced);
                    }
                    Err(error) => first_error = Some(error),
                },
                Outcome::Exported { .. } => {}
                Outcome::Refused(refused) => report.refused.push(refused),
            }
            progress(done + 1, total);
        }
    });
    if let Some(error) = first_error {
        return Err(error);
    }
    report.refused.sort_by(|a, b| a.slug.cmp(&b.slug));
    report.forced.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(report)
}

/// Threads writing an export.
const WORKERS: usize = 2;

/// Renders one article in every format, unless a Required rule fails and it is not forced.
fn render_one(
    review: &crate::review::ArticleReview,
    project: &crate::model::Project,
    assets: &Path,
    formats: &[Format],
    out: &Path,
    force: bool,
) -> Outcome {
    let article = &review.article;
    let failures: Vec<String> = review
        .findings
        .iter()
        .filter(|f| f.level == Severity::Required)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    let refused = (!failures.is_empty()).then(|| Refused {
        slug: article.slug.clone(),
        failures,
    });
    if let Some(refused) = &refused
        && !force
    {
        return Outcome::Refused(refused.clone());
    }
    let mut context = ExportContext::new(article, project, Some(assets));
    let files = formats
        .iter()
        .map(|&format| (out.join(file_name(article, format)), context.export(format)))
        .collect();
    Outcome::Exported {
        files,
        media: std::mem::take(&mut context.media_files),
        forced: refused,
    }
}

/// Writes an article's rendered files and its pictures' renditions (once: assets never change);
/// how many of the files replaced one of the same name.
fn write_files(
    files: &[(std::path::PathBuf, Vec<u8>)],
    media: &[crate::media::RenditionFile],
    out: &Path,
) -> Result<usize, BundleError> {
    let mut replaced = 0;
    for (path, bytes) in files {
        replaced += usize::from(path.exists());
        write_atomic_unsynced(path, bytes)?;
    }
    if media.is_empty() {
        return Ok(replaced);
    }
    let folder = out.join("media");
    std::fs::create_dir_all(&folder).map_err(|e| BundleError::io(&folder, e))?;
    for file in media {
        let path = folder.join(&file.rendition.file);
        if !path.exists() {
            write_atomic_unsynced(&path, &file.data)?;
        }
    }
    Ok(replaced)
}
