//! Importing files and pasted text as new articles. The reading and parsing run on a worker: a
//! page of megabytes takes the better part of a second, and a file on a far share as long as
//! the share takes, while the window goes on. What arrives goes into the project it was
//! imported into, after the article selected when it arrives.

use super::AppState;
use super::jobs::Outcome;
use crate::import::{ImportFormat, ImportProblem, import_file, import_text};
use crate::model::Article;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use uuid::Uuid;

/// Something to import as an article.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRequest {
    /// A file, its format told by its extension or its first characters.
    File(PathBuf),
    /// Text from the clipboard, read as a pasted news page.
    Pasted(String),
}

impl ImportRequest {
    /// What the messages call it: the file's name, or "the clipboard text".
    fn name(&self) -> String {
        match self {
            ImportRequest::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            ImportRequest::Pasted(_) => "The clipboard text".to_owned(),
        }
    }

    /// Reads and parses it (slow: on a worker), or says why it cannot be imported.
    fn run(&self, now: DateTime<Utc>) -> Result<Article, String> {
        match self {
            ImportRequest::File(path) => import_file(path, now).map_err(|e| e.to_string()),
            ImportRequest::Pasted(text) => {
                import_text(text, ImportFormat::PastedPage, "clipboard", now).map_err(|problem| {
                    let why = match problem {
                        ImportProblem::Empty => "it holds no article text".to_owned(),
                        ImportProblem::Invalid(message) => message,
                    };
                    format!("The clipboard text was not imported: {why}")
                })
            }
        }
    }
}

/// An import finished on the worker.
#[derive(Debug)]
pub struct Imported {
    /// The project it was imported into.
    pub root: PathBuf,
    /// What the messages call it.
    pub name: String,
    /// The article, or why there is none.
    pub result: Result<Article, String>,
}

impl AppState {
    /// Imports a file as a new article after the selected one (undoable), on a worker.
    pub fn import_path(&mut self, path: PathBuf) {
        self.import(vec![ImportRequest::File(path)]);
    }

    /// Imports files as new articles after the selected one, in their order, on a worker.
    pub fn import_paths(&mut self, paths: Vec<PathBuf>) {
        self.import(paths.into_iter().map(ImportRequest::File).collect());
    }

    /// Imports the clipboard's text as a pasted page.
    pub fn paste_as_article(&mut self) {
        let Some(text) = self
            .jobs
            .dialogs
            .clipboard_text()
            .filter(|t| !t.trim().is_empty())
        else {
            self.warn("The clipboard holds no text to import");
            return;
        };
        self.import(vec![ImportRequest::Pasted(text)]);
    }

    /// Starts a worker that imports `requests` one after another, each sent back as it is done.
    fn import(&mut self, requests: Vec<ImportRequest>) {
        let root = match &self.bundle {
            None => return self.warn("Open a project to import into."),
            Some(_) if self.read_only.is_some() => {
                return self.warn("The project is open read-only: nothing was imported.");
            }
            Some(bundle) => bundle.root().to_owned(),
        };
        match requests.as_slice() {
            [] => return,
            [one] => self.tell(format!("Importing {}…", one.name())),
            many => self.tell(format!("Importing {} files…", many.len())),
        }
        let now = (self.clock)();
        let (sender, waker) = (self.jobs.sender(), self.jobs.waker.clone());
        std::thread::spawn(move || {
            for request in requests {
                let result = request.run(now);
                let name = request.name();
                let root = root.clone();
                let imported = Imported { root, name, result };
                if sender.send(Outcome::Imported(Box::new(imported))).is_err() {
                    return;
                }
                waker();
            }
        });
    }

    /// Puts an import that arrived into the project, or says why it was not.
    pub(super) fn imported(&mut self, imported: Imported) {
        let Imported { root, name, result } = imported;
        if self.bundle.as_ref().is_none_or(|b| b.root() != root) {
            return self.warn(format!(
                "{name} was not imported: the project it was imported into was closed"
            ));
        }
        match result {
            Ok(article) => self.add_imported(article),
            Err(message) => self.warn(message),
        }
    }

    fn add_imported(&mut self, mut article: Article) {
        let taken = |b: &crate::bundle::Bundle| b.position(article.id).is_some();
        if self.bundle.as_ref().is_some_and(taken) {
            article.id = Uuid::new_v4();
        }
        let headline = article.headline.clone();
        // A file not in UTF-8 was read in an encoding worked out from it: say which.
        let read_as = article
            .imported_read_as()
            .map(|encoding| format!(", read as {encoding}"))
            .unwrap_or_default();
        self.insert_after_selection(article);
        self.tell(format!("Imported “{headline}”{read_as}"));
    }
}
