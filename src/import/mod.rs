//! Import: text pasted from a news page, Markdown with front matter, HTML pages and ninjs
//! (1.x, 2.x, 3.x). Every import keeps where it came from, and bad input gets a message that
//! names the file.

pub mod decode;
pub mod html;
pub mod markdown;
pub mod ninjs;
pub mod noted_caption;
pub mod page_date;
pub mod pasted_page;

use crate::model::Article;
pub use crate::model::ImportSource;
use chrono::{DateTime, Utc};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The largest file imported.
pub const MAX_IMPORT_BYTES: u64 = 16 * 1024 * 1024;

/// A format that can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFormat {
    /// Text copied from a news page.
    PastedPage,
    /// Markdown, with or without front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// An IPTC ninjs document.
    Ninjs,
}

impl ImportFormat {
    /// The name recorded on the article.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::PastedPage => "pasted page",
            ImportFormat::Markdown => "markdown",
            ImportFormat::Html => "html",
            ImportFormat::Ninjs => "ninjs",
        }
    }

    /// The format a file's extension names, else what its first characters look like.
    pub fn detect(path: &Path, text: &str) -> ImportFormat {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" => ImportFormat::Markdown,
            "html" | "htm" | "xhtml" => ImportFormat::Html,
            "json" => ImportFormat::Ninjs,
            "txt" | "text" => ImportFormat::PastedPage,
            _ => {
                let start = text.trim_start();
                if start.starts_with('{') {
                    ImportFormat::Ninjs
                } else if start.starts_with('<') {
                    ImportFormat::Html
                } else if start.starts_with("---") {
                    ImportFormat::Markdown
                } else {
                    ImportFormat::PastedPage
                }
            }
        }
    }
}

/// Why a file could not be imported; every message names the file.
#[derive(Debug, Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is empty or holds only white space.
    #[error("{0}: the file is empty")]
    Empty(PathBuf),
    /// The file is not text.
    #[error(
        "{0}: not a text file (its bytes are not text in UTF-8 or any encoding it could be \
         read in; a picture or a binary?)"
    )]
    NotText(PathBuf),
    /// The file is too large.
    #[error("{0}: larger than 16 MB; not imported")]
    TooLarge(PathBuf),
    /// The content is not what its format needs.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// Reads and imports one file.
pub fn import_file(path: &Path, now: DateTime<Utc>) -> Result<Article, ImportError> {
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(path.to_owned()));
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    // JSON is UTF-8; a page is read in the character set it declares; other text in its
    // likeliest encoding.
    let legacy = match extension.to_ascii_lowercase().as_str() {
        "json" => decode::Legacy::Refused,
        "txt" | "text" | "md" | "markdown" => decode::Legacy::Text,
        _ => decode::Legacy::Html,
    };
    let decoded =
        decode::decode(&bytes, legacy).ok_or_else(|| ImportError::NotText(path.to_owned()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let format = ImportFormat::detect(path, &decoded.text);
    let mut article =
        import_text(&decoded.text, format, &name, now).map_err(|message| match message {
            ImportProblem::Empty => ImportError::Empty(path.to_owned()),
            ImportProblem::Invalid(message) => ImportError::Invalid {
                path: path.to_owned(),
                message,
            },
        })?;
    // The encoding a file was read from is kept with its format: "html, read as windows-1252".
    if let (Some(encoding), Some(source)) = (decoded.encoding, &mut article.import_source) {
        source.format = format!("{}, read as {encoding}", source.format);
    }
    Ok(article)
}

/// Why text could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Nothing to import.
    Empty,
    /// Not valid in its format.
    Invalid(String),
}

/// Imports text in a format; `source` names where it came from ("clipboard" for a paste).
pub fn import_text(
    text: &str,
    format: ImportFormat,
    source: &str,
    now: DateTime<Utc>,
) -> Result<Article, ImportProblem> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportProblem::Empty);
    }
    let mut article = match format {
        ImportFormat::PastedPage => pasted_page::import(text, now),
        ImportFormat::Markdown => markdown::import(text, now),
        ImportFormat::Html => html::import(text, now),
        ImportFormat::Ninjs => ninjs::import(text, now),
    }
    .map_err(ImportProblem::Invalid)?;
    if matches!(format, ImportFormat::PastedPage | ImportFormat::Html) {
        // Pages carry non-breaking and doubled spaces in headlines.
        article.headline = article
            .headline
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    if article.slug.is_empty() {
        article.slug = crate::model::slug::slugify(&article.headline);
    }
    article.import_source = Some(ImportSource {
        file: source.to_owned(),
        format: format.name().to_owned(),
        imported_at: now,
    });
    Ok(article)
}

/// What an imported article's editor's note says when the file gave no headline.
pub const NO_HEADLINE: &str = "No headline was found; the first words of the text stand in for it.";

/// A stand-in headline for a file that gave none: the first twelve words of its text.
pub fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gives an article imported without a headline the first words of its body's first paragraph
/// as one (and the slug that follows it), and a note saying so.
fn stand_in_headline(article: &mut Article) {
    let opening = crate::markdown::opening(&article.body).unwrap_or_default();
    let text = if opening.is_empty() {
        &article.body
    } else {
        &opening
    };
    article.headline = first_words(text);
    article.slug = crate::model::slug::slugify(&article.headline);
    article.editors_note = NO_HEADLINE.to_owned();
}

/// A name in title case: `WORLD` → `World`, `new york` → `New York`.
pub fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}
