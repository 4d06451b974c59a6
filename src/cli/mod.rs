//! The `copydesk` command line: thin subcommands over the core.

mod check;
mod export;
mod import;

use crate::bundle::{Access, Bundle, BundleError};
use crate::model::stats::reading_minutes;
use clap::{Parser, Subcommand};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: done.
pub const EXIT_OK: u8 = 0;
/// Exit status: checklist failures (or an export refused because of them).
pub const EXIT_CHECK_FAILED: u8 = 1;
/// Exit status: bad usage, or a bundle that cannot be read.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Copydesk: an offline newsroom workstation. With no subcommand it opens the window.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The bundle to open in the workstation (default: the last project, else the sample).
    pub bundle: Option<PathBuf>,
    /// What to do instead of opening the window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty bundle.
    New {
        /// The folder to create, such as `Desk.copydesk`.
        bundle: PathBuf,
        /// The project's title (default: the folder's name).
        #[arg(long)]
        title: Option<String>,
    },
    /// List the articles of a bundle: one line, or with --json one object, per article.
    List {
        /// The bundle to read (read-only: works while another program has it open).
        bundle: PathBuf,
        /// Print a JSON array instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Run the checklist and proofreading; exit 1 when a Required rule fails.
    Check {
        /// The bundle to read (read-only).
        bundle: PathBuf,
        /// Articles to check, by id or slug (default: every article).
        articles: Vec<String>,
        /// Print a JSON array of findings instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// Import files as new articles: .txt (pasted page), .md, .html, .json (ninjs).
    Import {
        /// The bundle to add to.
        bundle: PathBuf,
        /// The files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export articles to a folder; articles failing a Required rule are refused unless --force.
    Export {
        /// The bundle to read (read-only).
        bundle: PathBuf,
        /// The format: html, markdown, text, ninjs or jsonld.
        #[arg(long, value_enum)]
        format: crate::export::Format,
        /// The folder to write to (created when missing).
        #[arg(long)]
        out: PathBuf,
        /// Articles to export, by id or slug (default: every article).
        articles: Vec<String>,
        /// Export articles even when a Required rule fails.
        #[arg(long)]
        force: bool,
    },
}

/// One article as `list --json` prints it.
#[derive(Debug, Serialize)]
pub struct ListedArticle {
    /// Article id.
    pub id: String,
    /// URL slug.
    pub slug: String,
    /// Main headline.
    pub headline: String,
    /// Section.
    pub section: String,
    /// Byline names.
    pub bylines: Vec<String>,
    /// Workflow status.
    pub status: String,
    /// Body words.
    pub words: usize,
    /// Reading time at the project's speed, rounded up.
    pub reading_minutes: u32,
    /// Last change (RFC 3339).
    pub updated: String,
    /// Language tag.
    pub language: String,
}

/// Runs a subcommand, printing to stdout and stderr; returns the exit status.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::New { bundle, title } => new(&bundle, title),
        Command::List { bundle, json } => list(&bundle, json),
        Command::Check {
            bundle,
            articles,
            json,
        } => check::run(&bundle, &articles, json),
        Command::Import { bundle, files } => import::run(&bundle, &files),
        Command::Export {
            bundle,
            format,
            out,
            articles,
            force,
        } => export::run(&bundle, format, &out, &articles, force),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("copydesk: {error}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn new(path: &std::path::Path, title: Option<String>) -> Result<u8, BundleError> {
    let title = title.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".into())
    });
    let bundle = Bundle::create(path, &title)?;
    println!("created {} ({title:?})", bundle.root().display());
    Ok(EXIT_OK)
}

fn list(path: &std::path::Path, json: bool) -> Result<u8, BundleError> {
    let bundle = open_read_only(path)?;
    let speed = bundle.project().settings.reading_words_per_minute;
    let listed: Vec<ListedArticle> = bundle
        .summaries()
        .map(|s| ListedArticle {
            id: s.id.to_string(),
            slug: s.slug.clone(),
            headline: s.headline.clone(),
            section: s.section.clone(),
            bylines: s.bylines.clone(),
            status: s.status.to_string(),
            words: s.words,
            reading_minutes: reading_minutes(s.words, speed),
            updated: s.updated.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            language: s.language.clone(),
        })
        .collect();
    print(json, &listed, |a| {
        format!(
            "{}\t{:<9}\t{}\t{} min\t{}",
            a.id, a.status, a.section, a.reading_minutes, a.headline
        )
    })?;
    Ok(EXIT_OK)
}

/// Prints items as a pretty JSON array or one line each; a closed pipe is not an error.
fn print<T: Serialize>(
    json: bool,
    items: &[T],
    line: impl Fn(&T) -> String,
) -> Result<(), BundleError> {
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, items)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        items
            .iter()
            .try_for_each(|item| writeln!(out, "{}", line(item)))
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(BundleError::io("<stdout>", e)),
        _ => Ok(()),
    }
}

/// Opens a bundle read-only and reports its damaged files on stderr.
fn open_read_only(path: &std::path::Path) -> Result<Bundle, BundleError> {
    let bundle = Bundle::open(path, Access::ReadOnly)?;
    for problem in bundle.problems() {
        eprintln!("copydesk: warning: {problem}");
    }
    Ok(bundle)
}
