//! Importing files and pasted text as new articles. The reading and parsing run on a worker: a
//! page of megabytes takes the better part of a second, and a file on a far share as long as
//! the share takes, while the window goes on. What arrives goes into the project it was
//! imported into, after the article selected when it arrives, and is opened unless the editor
//! has edited or opened another article since; one that arrives while a dialog is open waits
//! for it to close, as the dialog may be about the open article.

use super::AppState;
use super::jobs::Outcome;
use crate::import::{ImportFormat, ImportProblem, import_file, import_text};
use crate::model::Article;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::time::Instant;
use uuid::Uuid;

/// Something to import as an article.
#[derive(Debug)]
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
    /// The batch it was started in.
    pub batch: u64,
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

    /// Starts a worker that imports `requests` one after another, each sent back as it is done;
    /// the batch is summed up once the last has arrived.
    fn import(&mut self, requests: Vec<ImportRequest>) {
        let root = match &self.bundle {
            None => return self.warn("Open a project to import into."),
            Some(_) if self.read_only.is_some() => {
                return self.warn("The project is open read-only: nothing was imported.");
            }
            Some(bundle) => bundle.root().to_owned(),
        };
        if requests.is_empty() {
            return;
        }
        let first = requests[0].name();
        let batch = self.imports.start(requests.len(), first, self.selected);
        let now = (self.clock)();
        let (sender, waker) = (self.jobs.sender(), self.jobs.waker.clone());
        std::thread::spawn(move || {
            for request in requests {
                let result = request.run(now);
                let name = request.name();
                let root = root.clone();
                let imported = Imported {
                    batch,
                    root,
                    name,
                    result,
                };
                if sender.send(Outcome::Imported(Box::new(imported))).is_err() {
                    return;
                }
                waker();
            }
        });
    }

    /// What the status bar says while imports are on their way: "Importing harbour.md…",
    /// "Importing 3 files: 1 done…"; `None` when none is.
    pub fn importing(&self) -> Option<String> {
        self.imports.describe()
    }

    /// Puts in the imports that arrived while a dialog was open, once it has closed.
    pub(super) fn put_in_held_imports(&mut self) {
        if self.modal.is_none() && !self.imports.held.is_empty() {
            for imported in std::mem::take(&mut self.imports.held) {
                self.imported(imported);
            }
        }
    }

    /// Puts an import that arrived into the project, or says why it was not; the last of a
    /// batch of several sums the batch up. While a dialog is open it waits.
    pub(super) fn imported(&mut self, imported: Imported) {
        if self.modal.is_some() {
            self.imports.held.push(imported);
            return;
        }
        let moved_on = self
            .imports
            .moved_on(imported.batch, self.last_edit, self.selected);
        let Imported {
            batch,
            root,
            name,
            result,
        } = imported;
        let result = match result {
            _ if self.bundle.as_ref().is_none_or(|b| b.root() != root) => Err(format!(
                "{name} was not imported: the project it was imported into was closed"
            )),
            Ok(article) => Ok(self.add_imported(article, !moved_on)),
            Err(message) => Err(message),
        };
        let refused = result.as_ref().err();
        match (self.imports.arrived(batch, refused, self.selected), result) {
            (Progress::Single, Ok(said)) => self.tell(said),
            (Progress::Single, Err(message)) => self.warn(message),
            // The status bar counts the batch while it goes (`importing`).
            (Progress::Going, _) => {}
            (Progress::Done { total, refusals }, _) if refusals.is_empty() => {
                self.tell(format!("Imported {total} files"));
            }
            (Progress::Done { total, refusals }, _) => {
                let summary = match total - refusals.len() {
                    0 => format!("None of the {total} files could be imported"),
                    imported => format!(
                        "Imported {imported} of {total} files; {} could not be imported",
                        refusals.len()
                    ),
                };
                self.warn_with_details(summary, refusals);
            }
        }
    }

    /// Inserts an imported article after the selected one, and opens it when `open`; what to
    /// say about it.
    fn add_imported(&mut self, mut article: Article, open: bool) -> String {
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
        // When the editor went on with another article meanwhile, that one stays open.
        self.insert_after_selection(article, open);
        if open {
            format!("Imported “{headline}”{read_as}")
        } else {
            format!("Imported “{headline}”{read_as}, below the open article in the list")
        }
    }
}

/// The batches of imports on their way, each summed up once its last import has arrived.
#[derive(Debug, Default)]
pub struct Imports {
    /// The number the next batch takes.
    next: u64,
    /// The batches not yet summed up.
    batches: Vec<Batch>,
    /// Imports that arrived while a dialog was open, put in when it closes.
    held: Vec<Imported>,
}

/// Imports started together.
#[derive(Debug)]
struct Batch {
    /// Its number.
    id: u64,
    /// What the messages call its first import.
    first: String,
    /// When it was started, or its last import put in: an edit after that means the editor
    /// went on with other work.
    since: Instant,
    /// The article open then: another opened since means the same.
    open_then: Option<Uuid>,
    /// How many were started.
    total: usize,
    /// How many have arrived.
    arrived: usize,
    /// Why each refused one was not imported.
    refusals: Vec<String>,
}

/// Where a batch stands after an import arrived.
#[derive(Debug, PartialEq)]
enum Progress {
    /// It was one import alone, said as it is.
    Single,
    /// More are to come.
    Going,
    /// It was the last of several.
    Done {
        /// How many were started.
        total: usize,
        /// Why each refused one was not imported.
        refusals: Vec<String>,
    },
}

impl Imports {
    /// Starts a batch of `total` imports, the `first` of them named so, with article `open`
    /// open; its number.
    fn start(&mut self, total: usize, first: String, open: Option<Uuid>) -> u64 {
        self.next += 1;
        self.batches.push(Batch {
            id: self.next,
            first,
            since: Instant::now(),
            open_then: open,
            total,
            arrived: 0,
            refusals: Vec::new(),
        });
        self.next
    }

    /// What is on its way, in words: the one file by its name, one batch with how many of it
    /// are done, else how many files are left.
    fn describe(&self) -> Option<String> {
        match self.held.as_slice() {
            [] => {}
            [one] => {
                return Some(format!(
                    "{} is read: it goes in once the dialog closes",
                    one.name
                ));
            }
            many => {
                let read = many.len();
                return Some(format!(
                    "{read} files are read: they go in once the dialog closes"
                ));
            }
        }
        match self.batches.as_slice() {
            [] => None,
            [one] if one.total == 1 => Some(format!("Importing {}…", one.first)),
            [one] if one.arrived == 0 => Some(format!("Importing {} files…", one.total)),
            [one] => Some(format!(
                "Importing {} files: {} done…",
                one.total, one.arrived
            )),
            many => {
                let left: usize = many.iter().map(|b| b.total - b.arrived).sum();
                Some(format!("Importing {left} files…"))
            }
        }
    }

    /// Whether the editor went on with other work since batch `id` started or last put an
    /// import in: an edit since (`last_edit`), or another article `open`.
    fn moved_on(&self, id: u64, last_edit: Option<Instant>, open: Option<Uuid>) -> bool {
        self.batches
            .iter()
            .find(|b| b.id == id)
            .is_some_and(|batch| {
                last_edit.is_some_and(|edit| edit > batch.since) || open != batch.open_then
            })
    }

    /// Notes an import of batch `id` arrived and was dealt with (refused, with why), article
    /// `open` open after it: only what the editor does from now on counts as going on with
    /// other work. Where the batch stands.
    fn arrived(&mut self, id: u64, refused: Option<&String>, open: Option<Uuid>) -> Progress {
        let Some(at) = self.batches.iter().position(|b| b.id == id) else {
            return Progress::Single;
        };
        let batch = &mut self.batches[at];
        batch.arrived += 1;
        batch.refusals.extend(refused.cloned());
        batch.since = Instant::now();
        batch.open_then = open;
        let total = batch.total;
        if batch.arrived < total {
            return Progress::Going;
        }
        let batch = self.batches.remove(at);
        match total {
            1 => Progress::Single,
            _ => Progress::Done {
                total,
                refusals: batch.refusals,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_is_summed_up_when_its_last_import_arrives_whatever_the_order_of_batches() {
        let mut imports = Imports::default();
        let one = imports.start(1, "harbour.md".into(), None);
        assert_eq!(imports.describe().as_deref(), Some("Importing harbour.md…"));
        let three = imports.start(3, "first.md".into(), None);
        let refusal = "blank.md: the file is empty".to_owned();
        assert_eq!(imports.arrived(three, None, None), Progress::Going);
        // Two batches: the files left of both (1 and 2).
        assert_eq!(imports.describe().as_deref(), Some("Importing 3 files…"));
        assert_eq!(imports.arrived(one, None, None), Progress::Single);
        assert_eq!(
            imports.arrived(three, Some(&refusal), None),
            Progress::Going
        );
        assert_eq!(
            imports.describe().as_deref(),
            Some("Importing 3 files: 2 done…")
        );
        assert_eq!(
            imports.arrived(three, None, None),
            Progress::Done {
                total: 3,
                refusals: vec![refusal]
            }
        );
        assert!(imports.batches.is_empty(), "nothing is kept once summed up");
        assert_eq!(imports.describe(), None);
    }

    #[test]
    fn an_edit_or_another_article_opened_since_the_import_began_means_the_editor_went_on() {
        let mut imports = Imports::default();
        let (open, other) = (Some(Uuid::new_v4()), Some(Uuid::new_v4()));
        let before = Instant::now();
        let id = imports.start(2, "first.md".into(), open);
        assert!(!imports.moved_on(id, None, open));
        assert!(
            !imports.moved_on(id, Some(before), open),
            "an edit before it"
        );
        assert!(imports.moved_on(id, None, other), "another article opened");
        let edit = Instant::now();
        assert!(imports.moved_on(id, Some(edit), open), "an edit since");
        // Its first import put in (and opened): only what comes after that counts.
        assert_eq!(imports.arrived(id, None, other), Progress::Going);
        assert!(!imports.moved_on(id, Some(edit), other));
    }
}
