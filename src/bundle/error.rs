//! Errors and problems of bundle storage; every message names the file and what is wrong.

use std::path::{Path, PathBuf};
use thiserror::Error;

/// Something that stops a bundle operation; nothing was written when it is returned.
#[derive(Debug, Error)]
pub enum BundleError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A file is not valid JSON, or not of the expected shape.
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with line and column where JSON is malformed.
        message: String,
    },
    /// The folder is not a Copydesk bundle.
    #[error("{path}: not a Copydesk bundle ({reason})")]
    NotABundle {
        /// The folder.
        path: PathBuf,
        /// Why not.
        reason: String,
    },
    /// The bundle was written by a newer Copydesk.
    #[error(
        "{path}: format_version {found} is newer than this Copydesk understands ({supported}); \
         open it with a newer Copydesk. Nothing was written."
    )]
    TooNew {
        /// The manifest.
        path: PathBuf,
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// Another process holds the bundle's lock.
    #[error(
        "{path} is open for writing by process {pid} on {host} since {since}; \
         it can be opened read-only"
    )]
    Locked {
        /// The bundle.
        path: PathBuf,
        /// The holder's host name.
        host: String,
        /// The holder's process id.
        pid: u32,
        /// When the holder took the lock (RFC 3339).
        since: String,
    },
    /// The bundle was opened read-only.
    #[error("{path} is open read-only; nothing was written")]
    ReadOnly {
        /// The bundle.
        path: PathBuf,
    },
    /// Files were changed by another program since they were loaded; nothing was overwritten.
    #[error(
        "changed on disk since it was loaded, not overwritten: {}. Reload or save elsewhere.",
        .paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    ChangedOnDisk {
        /// The files that changed.
        paths: Vec<PathBuf>,
    },
    /// No article has this id or slug.
    #[error("no article {0:?} in this bundle")]
    NoSuchArticle(String),
    /// An article file could not be loaded earlier and is set aside.
    #[error("{0}")]
    Unloadable(Problem),
    /// A Save as was stopped before it was done, and its unfinished copy removed.
    #[error("{path}: stopped; the unfinished copy was removed")]
    Stopped {
        /// The copy's folder.
        path: PathBuf,
    },
    /// The target of "save as" already holds something.
    #[error("{path}: already exists and is not empty; choose another place")]
    TargetExists {
        /// The target folder.
        path: PathBuf,
    },
    /// The target of a new project or a "save as" is inside another project.
    #[error(
        "{path}: inside the project at {project}; a project cannot hold another, choose a place outside it"
    )]
    InsideProject {
        /// The target folder.
        path: PathBuf,
        /// The project it is in.
        project: PathBuf,
    },
}

impl BundleError {
    /// An I/O error on `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        BundleError::Io {
            path: path.as_ref().to_owned(),
            source,
        }
    }

    /// A format error on `path`.
    pub fn format(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        BundleError::Format {
            path: path.as_ref().to_owned(),
            message: message.into(),
        }
    }
}

/// A file that could not be used while the rest of the bundle opened: reported, never overwritten.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}: {message}", .path.display())]
pub struct Problem {
    /// The file, relative to the bundle where it is inside it.
    pub path: PathBuf,
    /// What is wrong and what was done about it.
    pub message: String,
}

impl Problem {
    /// A problem with `path`.
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Describes a serde_json error with its line and column, in words.
pub fn describe_json_error(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match error.classify() {
        Category::Eof => "the file ends too early (truncated?)",
        Category::Syntax => "malformed JSON",
        Category::Data => "unexpected content",
        Category::Io => "could not be read",
    };
    let detail = error.to_string();
    let detail = detail
        .rsplit_once(" at line ")
        .map_or(detail.as_str(), |(head, _)| head);
    format!(
        "{what} at line {}, column {}: {detail}",
        error.line(),
        error.column()
    )
}
