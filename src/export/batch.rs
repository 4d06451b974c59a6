//! Exporting many articles to a folder, refusing those that fail a Required rule.

use super::{ExportContext, Format, file_name};
use crate::bundle::fsio::write_atomic_unsynced;
use crate::bundle::{Bundle, BundleError};
use crate::review::Severity;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
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
    /// The export was stopped before every article was done; what was written stays.
    pub stopped: bool,
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
    /// The articles in memory, as they are now.
    pub articles: Vec<crate::model::Article>,
    /// The files of the others, read by the export (off the window's thread).
    pub unread: crate::bundle::ReadJob,
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
    /// Set to stop the export after the articles being written.
    pub stop: Arc<AtomicBool>,
}

impl ExportJob {
    /// A job for articles of a bundle: copies of those in memory, and the files of the others
    /// to read when it runs.
    pub fn from_bundle(
        bundle: &mut Bundle,
        ids: &[Uuid],
        formats: &[Format],
        out: &Path,
        force: bool,
    ) -> Result<Self, BundleError> {
        refuse_project_storage(bundle.root(), out)?;
        let unread = bundle.read_job(ids);
        let mut articles = Vec::with_capacity(ids.len() - unread.len());
        for &id in ids {
            if bundle.is_loaded(id) {
                articles.push(bundle.article(id)?.clone());
            } else if bundle.position(id).is_none() {
                return Err(BundleError::NoSuchArticle(id.to_string()));
            }
        }
        Ok(ExportJob {
            articles,
            unread,
            project: bundle.project().clone(),
            assets: bundle.root().join(crate::bundle::format::ASSETS_DIR),
            project_facts: crate::review::ProjectFacts::of(bundle.summaries()),
            formats: formats.to_vec(),
            out: out.to_owned(),
            force,
            stop: Arc::default(),
        })
    }

    /// The articles to export: those in memory, then those whose files are still to read.
    fn sources(&self) -> Vec<Source<'_>> {
        (self.articles.iter().map(Source::Loaded))
            .chain(self.unread.files().iter().map(Source::Unread))
            .collect()
    }
}

/// Which of the project at `root`'s own folders `out` is or is in, when it is its folder or its
/// storage (articles, pictures, history, machine-local files), where exported files would be
/// taken for damaged articles or mixed with the project's: "the project's articles folder". A
/// folder of its own within the project is fine (`None`).
pub fn project_folder_of(root: &Path, out: &Path) -> Option<String> {
    use crate::bundle::format::{ARTICLES_DIR, ASSETS_DIR, LOCAL_DIR};
    let (root, out) = (resolved(root), resolved(out));
    let within = out.strip_prefix(&root).ok()?;
    let storage = [
        ARTICLES_DIR,
        ASSETS_DIR,
        crate::history::HISTORY_DIR,
        LOCAL_DIR,
    ];
    match within.components().next() {
        None => Some("the project's own folder".to_owned()),
        Some(first) => match first.as_os_str().to_str() {
            Some(name) if storage.contains(&name) => Some(format!("the project's {name} folder")),
            _ => None,
        },
    }
}

/// Refuses an export into the project's own folder or its storage ([`project_folder_of`]).
fn refuse_project_storage(root: &Path, out: &Path) -> Result<(), BundleError> {
    match project_folder_of(root, out) {
        None => Ok(()),
        Some(named) => Err(BundleError::format(
            out,
            format!(
                "this is {named}: exported files would be mixed with the project's; choose a \
                 folder outside the project, or one of its own such as {}",
                root.join("exports").display()
            ),
        )),
    }
}

/// `path` made absolute, with its links and `..` resolved as far as it exists and the rest
/// appended as written (a `..` there taking off the part before it).
fn resolved(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let parts: Vec<Component> = absolute.components().collect();
    for cut in (1..=parts.len()).rev() {
        let head: std::path::PathBuf = parts[..cut].iter().collect();
        if let Ok(mut real) = head.canonicalize() {
            for part in &parts[cut..] {
                match part {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::CurDir => {}
                    other => real.push(other),
                }
            }
            return real;
        }
    }
    absolute
}

/// One article to export: a copy in memory, or its file, read by the thread that renders it.
enum Source<'a> {
    Loaded(&'a crate::model::Article),
    Unread(&'a crate::bundle::FileToRead),
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

/// Runs an export: articles failing a Required rule are refused unless the job forces them, and
/// an article whose file cannot be read is refused, naming the file. Two threads read, check and
/// render, each article in turn, so the first files are written at once; this one writes the
/// files (threads creating files in one folder only wait for each other's lock). `progress` is
/// told how many articles are done, of how many.
pub fn run_export(
    job: &ExportJob,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportReport, BundleError> {
    let out = job.out.as_path();
    if out.is_file() {
        return Err(BundleError::format(
            out,
            "this is a file, not a folder to export to",
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| BundleError::io(out, e))?;
    let context = crate::review::CheckContext {
        settings: &job.project.settings,
        now: chrono::Utc::now(),
        project: &job.project_facts,
        assets: Some(&job.assets),
    };
    let stop = job.stop.as_ref();
    let sources = job.sources();
    let total = sources.len();
    let mut report = ExportReport::default();
    let mut first_error = None;
    let mut processed = 0;
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for share in sources.chunks(total.div_ceil(WORKERS).max(1)) {
            let (sender, context) = (sender.clone(), &context);
            scope.spawn(move || {
                let mut reviewer = crate::review::Reviewer::new(context.settings);
                for source in share {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let outcome = export_one(source, &mut reviewer, context, job);
                    if sender.send(outcome).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        for (done, outcome) in receiver.iter().enumerate() {
            // Stopped: the articles rendered meanwhile are not written.
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            processed += 1;
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
    report.stopped = processed < total;
    report.refused.sort_by(|a, b| a.slug.cmp(&b.slug));
    report.forced.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(report)
}

/// Reads one article when it is not in memory, checks it and renders it.
fn export_one(
    source: &Source,
    reviewer: &mut crate::review::Reviewer,
    context: &crate::review::CheckContext,
    job: &ExportJob,
) -> Outcome {
    let read;
    let article = match source {
        Source::Loaded(article) => *article,
        Source::Unread(file) => match file.read() {
            Ok(article) => {
                read = article;
                &read
            }
            Err(problem) => {
                return Outcome::Refused(Refused {
                    slug: file.slug.clone(),
                    failures: vec![problem.to_string()],
                });
            }
        },
    };
    let findings = reviewer.check(article, context);
    render_one(article, &findings, job)
}

/// Threads writing an export.
const WORKERS: usize = 2;

/// Renders one article in every format, unless a Required rule fails and it is not forced.
fn render_one(
    article: &crate::model::Article,
    findings: &[crate::review::Finding],
    job: &ExportJob,
) -> Outcome {
    let failures: Vec<String> = findings
        .iter()
        .filter(|f| f.level == Severity::Required)
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    let refused = (!failures.is_empty()).then(|| Refused {
        slug: article.slug.clone(),
        failures,
    });
    if let Some(refused) = &refused
        && !job.force
    {
        return Outcome::Refused(refused.clone());
    }
    let mut context = ExportContext::new(article, &job.project, Some(&job.assets));
    let files = (job.formats.iter())
        .map(|&format| {
            (
                job.out.join(file_name(article, format)),
                context.export(format),
            )
        })
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
