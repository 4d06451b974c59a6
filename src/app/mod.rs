//! Application state and the commands that change it. No widgets here: the window (`ui`) draws
//! this state and emits `Command`s, which `AppState::apply` carries out at the end of a frame.

mod availability;
pub mod command;
mod command_keys;
pub mod copy_out;
mod edits;
pub mod find;
mod format;
pub mod history;
pub mod images;
pub mod importing;
pub mod jobs;
pub mod journal_writer;
pub mod list;
mod list_state;
mod modal;
mod notice;
mod page_in_browser;
mod project_settings;
pub use project_settings::READ_ON_WORKER_FROM;
pub mod review;
mod review_worker;
mod saving;
mod session;
pub mod settings;
pub mod settings_draft;
pub mod text_focus;
pub mod transfer;
pub mod undo;
mod workflow_moves;

use crate::bundle::Bundle;
use crate::model::Article;
use chrono::{DateTime, Local, Utc};
use command::{Command, PreviewMode};
use jobs::{DialogPurpose, Jobs};
use list::{ListFilter, SearchIndex};
pub use list_state::Facets;
pub use modal::Modal;
pub use notice::Notice;
use settings::Settings;
use std::path::PathBuf;
use std::time::Instant;
use undo::UndoStack;
use uuid::Uuid;

/// Saves writing at least this many articles (a section renamed across the project) run on a
/// worker while editing goes on, with their progress in the status bar; smaller ones take a few
/// milliseconds on the window's thread.
pub const SAVE_ON_WORKER_FROM: usize = 100;

/// What is said when leaving the project must wait for a save on a worker.
pub const SAVING_REFUSAL: &str =
    "The project is being saved: close it or open another once the save is done";

/// Autosave this long after typing stops.
pub const AUTOSAVE_AFTER: std::time::Duration = std::time::Duration::from_secs(3);
/// Write the recovery journal this long after an edit.
pub const JOURNAL_AFTER: std::time::Duration = std::time::Duration::from_millis(700);
/// Write it at least this often while edits go on without a pause, so that a killed process
/// loses at most about this much.
pub const JOURNAL_AT_MOST: std::time::Duration = std::time::Duration::from_millis(1500);
/// Look this often (while the window is in use, and whenever it comes to the front) whether
/// another program changed the open article's file.
pub const DISK_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// The command palette's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Palette {
    /// What was typed.
    pub query: String,
    /// The highlighted row.
    pub selected: usize,
}

/// Everything the window shows and edits.
pub struct AppState {
    /// The open project.
    pub bundle: Option<Bundle>,
    /// The selected article.
    pub selected: Option<Uuid>,
    /// The working copy of the selected article, bound to the editor's fields.
    pub draft: Option<Article>,
    /// The list's search, filters and sort.
    pub filter: ListFilter,
    /// The word index for search (built off the UI thread).
    pub search: Option<SearchIndex>,
    /// Articles whose index entry is stale.
    pub search_stale: Vec<Uuid>,
    /// Positions of the listed articles, in list order.
    pub visible: Vec<usize>,
    /// Whether `visible` must be recomputed.
    pub list_dirty: bool,
    /// The article whose edit is the list's only change since it was computed: that one row is
    /// moved instead of filtering all articles again.
    list_touched: Option<Uuid>,
    /// The filter `visible` was computed with, and the bundle's order version then (its
    /// positions are stale once articles were removed or moved).
    list_basis: Option<(ListFilter, u64)>,
    /// The sections and byline names in use, for the list's filters.
    pub facets: Facets,
    /// Whether the articles changed since `facets` was computed (a new search does not).
    pub facets_stale: bool,
    /// Undo and redo.
    pub undo: UndoStack,
    /// Persisted preferences.
    pub settings: Settings,
    /// The question on screen.
    pub modal: Option<Modal>,
    /// The command palette, when open.
    pub palette: Option<Palette>,
    /// The latest status message.
    pub notice: Option<Notice>,
    /// When the project was last saved.
    pub last_saved: Option<DateTime<Local>>,
    /// When the last edit happened.
    pub last_edit: Option<Instant>,
    /// When the first edit the journal does not hold yet was made (none: it holds them all).
    pub unjournaled_since: Option<Instant>,
    /// When the open article's file was last compared with the disk (none: at the next frame).
    pub disk_checked_at: Option<Instant>,
    /// Whether the project's folder was found missing (said once until it is back; autosave
    /// waits meanwhile).
    pub folder_missing: bool,
    /// Writes and clears the recovery journal on a thread of its own, in order.
    pub journal: journal_writer::JournalWriter,
    /// Why the project is read-only, when it is.
    pub read_only: Option<String>,
    /// Focus the list's search field next frame.
    pub focus_search: bool,
    /// Whether the list should scroll to the selected article (it was chosen by keyboard).
    pub reveal_selected: bool,
    /// An article just made (new, duplicated, imported) that the list must show, and when: a
    /// search or filters that would hide it are cleared.
    pub reveal_new: Option<(Uuid, Instant)>,
    /// The body editor's selection, in characters.
    pub body_selection: Option<(usize, usize)>,
    /// The body's selection while the body has the keys and something is selected (characters):
    /// the status bar counts its words.
    pub body_selected: Option<(usize, usize)>,
    /// Where the body's cursor is (a byte offset) while the body has the keys: the preview
    /// follows it.
    pub body_cursor: Option<usize>,
    /// A body selection the editor must apply to its cursor next frame.
    pub pending_body_cursor: Option<(usize, usize)>,
    /// A selection in another field to apply next frame, in characters: the field's label in
    /// the editor ("Headline", "Picture 2 alt text", …), then the range. The editor scrolls to it.
    pub pending_field_cursor: Option<(String, usize, usize)>,
    /// The find-and-replace bar, when open.
    pub find_bar: Option<find::FindBar>,
    /// The open article's findings.
    pub review: review::ReviewState,
    /// The open article's revision history, when shown.
    pub history: history::HistoryView,
    /// Thumbnails of the project's pictures.
    pub thumbnails: images::Thumbnails,
    /// Background work and dialogs.
    pub jobs: Jobs,
    /// The clock (fixed in tests).
    pub clock: fn() -> DateTime<Utc>,
    /// Set when the window may close.
    pub close_now: bool,
    /// A large save running on a worker, while editing goes on: its articles written of the
    /// total.
    pub saving: Option<(usize, usize)>,
    /// Set by a save asked for while one runs: it starts when that one is done.
    save_again: bool,
    /// Set by Save and quit while its save runs on a worker: the window closes once it is done.
    quit_when_saved: bool,
    /// Set to stop the running export or Save as.
    stop_running: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
    /// Files a save on a worker found changed on disk while a dialog was open: the question
    /// about them waits for the dialog to close instead of replacing it.
    conflict_waiting: Option<Vec<PathBuf>>,
    /// The imports on their way, summed up batch by batch as they arrive.
    imports: importing::Imports,
    /// The text box that last had the keys, for Edit → Cut, Copy, Paste and Select all.
    pub text_focus: Option<text_focus::TextFocus>,
    /// Whether the article list had the keys when last seen with no dialog open: a dialog that
    /// closes gives them back to it.
    pub list_had_keys: bool,
    /// Cut, Copy, Paste or Select all asked for this frame, carried out by the window at its end.
    pub text_request: Option<command::TextAction>,
    /// Text for the clipboard ("Copy article as"), taken by the window at the end of the frame.
    pub to_clipboard: Option<String>,
    /// Where "Open the page in a browser" writes pages, a folder per article.
    pub page_folder: PathBuf,
    /// A project is being opened.
    pub opening: Option<PathBuf>,
}

impl AppState {
    /// An empty state using `jobs` for background work.
    pub fn new(jobs: Jobs, settings: Settings) -> Self {
        AppState {
            bundle: None,
            selected: None,
            draft: None,
            filter: ListFilter {
                sort: settings.sort,
                ..ListFilter::default()
            },
            search: None,
            search_stale: Vec::new(),
            visible: Vec::new(),
            list_dirty: true,
            list_touched: None,
            list_basis: None,
            facets: Facets::default(),
            facets_stale: true,
            undo: UndoStack::default(),
            settings,
            modal: None,
            palette: None,
            notice: None,
            last_saved: None,
            last_edit: None,
            unjournaled_since: None,
            disk_checked_at: None,
            folder_missing: false,
            journal: Default::default(),
            read_only: None,
            focus_search: false,
            reveal_selected: false,
            reveal_new: None,
            body_selection: None,
            body_selected: None,
            body_cursor: None,
            pending_body_cursor: None,
            pending_field_cursor: None,
            find_bar: None,
            review: review::ReviewState::new(),
            history: Default::default(),
            thumbnails: Default::default(),
            jobs,
            clock: Utc::now,
            close_now: false,
            saving: None,
            save_again: false,
            quit_when_saved: false,
            conflict_waiting: None,
            stop_running: None,
            imports: importing::Imports::default(),
            text_focus: None,
            list_had_keys: false,
            text_request: None,
            to_clipboard: None,
            page_folder: crate::sample::data_dir().join("page-preview"),
            opening: None,
        }
    }

    /// Whether anything is unsaved.
    pub fn has_unsaved_changes(&self) -> bool {
        self.bundle
            .as_ref()
            .is_some_and(Bundle::has_unsaved_changes)
    }

    /// The window title: `Copydesk — <project> — <article>`, with a dot for unsaved changes.
    pub fn window_title(&self) -> String {
        let mut title = "Copydesk".to_owned();
        if let Some(bundle) = &self.bundle {
            title.push_str(" — ");
            title.push_str(&bundle.project().title);
        }
        if let Some(draft) = &self.draft {
            title.push_str(" — ");
            title.push_str(if draft.headline.is_empty() {
                "Untitled"
            } else {
                &draft.headline
            });
        }
        if self.has_unsaved_changes() {
            title.push_str(" ●");
        }
        if self.read_only.is_some() {
            title.push_str(" (read-only)");
        }
        title
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command) {
        if self.opening.is_some() && !matches!(command, Command::Quit | Command::QuitWithoutSaving)
        {
            self.tell("Still opening the project…");
            return;
        }
        match command {
            Command::NewProject => self.ask_path(DialogPurpose::NewProject),
            Command::Open => self.ask_path(DialogPurpose::Open),
            Command::SaveAs => self.ask_path(DialogPurpose::SaveAs),
            Command::OpenPath(path) => self.open_path(path),
            Command::OpenForWriting => self.open_for_writing(),
            Command::ClearRecent => {
                self.settings.recent.clear();
                self.tell("Cleared the list of recent projects (the projects are untouched)");
            }
            Command::Save => self.save(),
            Command::Quit => {
                if self.has_unsaved_changes() {
                    self.modal = Some(Modal::UnsavedOnQuit);
                } else {
                    self.close_now = true;
                }
            }
            // Quitting while a save writes would leave it half done.
            Command::QuitWithoutSaving if self.saving.is_some() => {
                self.modal = None;
                self.warn(SAVING_REFUSAL);
            }
            Command::QuitWithoutSaving => {
                self.modal = None;
                if let Some(bundle) = &self.bundle {
                    self.journal.clear(bundle.root().to_owned());
                }
                self.close_now = true;
            }
            Command::FindInList => {
                self.settings.show_list = true;
                self.focus_search = true;
            }
            // A preview mode is chosen to be seen: the preview tab comes to the front.
            Command::SetPreviewMode(mode) => self.show_preview(mode),
            Command::CyclePreviewMode => self.show_preview(self.settings.preview_mode.next()),
            Command::ToggleListPane => self.settings.show_list = !self.settings.show_list,
            Command::TogglePreviewPane => self.settings.show_preview = !self.settings.show_preview,
            Command::OpenPalette => self.palette = Some(Palette::default()),
            Command::EditText(action) => self.text_request = Some(action),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::Zoom(change) => self.settings.zoom(change),
            Command::Select(id) => self.select(Some(id)),
            Command::NextArticle => self.step_in_list(1),
            Command::PreviousArticle => self.step_in_list(-1),
            Command::SaveAndQuit => {
                self.modal = None;
                self.save();
                if self.saving.is_some() {
                    self.quit_when_saved = true;
                } else if !self.has_unsaved_changes() {
                    self.close_now = true;
                }
            }
            Command::ResolveConflict { keep_mine } => {
                if let Some(Modal::Conflict { paths }) = self.modal.take() {
                    if keep_mine {
                        self.keep_mine(&paths);
                    } else {
                        self.reload_theirs(&paths);
                    }
                }
            }
            Command::Recover(restore) => {
                if let Some(Modal::Recovery(journal)) = self.modal.take() {
                    if restore {
                        self.recover(journal);
                    } else if let Some(bundle) = &self.bundle {
                        self.journal.clear(bundle.root().to_owned());
                        self.tell("Discarded the recovered changes");
                    }
                }
            }
            Command::PathEntered(purpose, path) => {
                self.modal = None;
                self.path_chosen(purpose, path);
            }
            Command::CloseModal => self.modal = None,
            Command::ShowSidePane(pane) => {
                self.settings.side_pane = pane;
                self.settings.show_preview = true;
            }
            Command::Find(action) => self.find(action),
            Command::JumpToFinding(index) => self.jump_to_finding(index),
            Command::EditBodyAt(at) => self.pending_body_cursor = Some((at, at)),
            Command::AskWaiver(index) => self.ask_waiver(index),
            Command::Recheck => self.review.invalidate(),
            Command::NextFinding => self.step_finding(true),
            Command::PreviousFinding => self.step_finding(false),
            Command::CompareRevisions(a, b) => self.compare_revisions(a, b),
            Command::ProjectSettings => self.open_project_settings(),
            Command::ApplyProjectSettings => self.apply_project_settings(),
            Command::Preferences => self.open_preferences(),
            Command::ApplyPreferences => self.apply_preferences(),
            Command::ExportDialog => self.open_export_dialog(),
            Command::CopyArticleAs(format) => self.copy_article_as(format),
            Command::OpenPageInBrowser => self.open_page_in_browser(),
            Command::KeyboardShortcuts => self.modal = Some(Modal::Shortcuts),
            Command::About => self.modal = Some(Modal::About),
            Command::ChooseExportFolder => self.jobs.pick(jobs::DialogPurpose::ExportFolder),
            Command::StartExport => self.start_export(),
            Command::StopExport | Command::StopSaveAs => self.stop_job(),
            Command::ShowExportFolder => self.show_export_folder(),
            Command::ImportFile => self.ask_path(jobs::DialogPurpose::Import),
            Command::PasteAsArticle => self.paste_as_article(),
            Command::AddHeroImage => self.ask_path(jobs::DialogPurpose::HeroImage),
            Command::InsertImage => self.ask_path(jobs::DialogPurpose::InlineImage),
            Command::PasteImage => self.paste_image(),
            Command::ReviewUnusedPictures => self.review_unused_pictures(),
            Command::DeleteUnusedPictures => self.delete_unused_pictures(),
            Command::ConfirmDelete(_) => {
                self.modal = None;
                self.apply_edit(command);
            }
            other => self.apply_edit(other),
        }
    }

    /// Shows the preview pane's preview tab in `mode`.
    fn show_preview(&mut self, mode: PreviewMode) {
        self.settings.preview_mode = mode;
        self.settings.side_pane = settings::SidePane::Preview;
        self.settings.show_preview = true;
    }

    fn ask_path(&mut self, purpose: DialogPurpose) {
        if purpose == DialogPurpose::SaveAs && self.bundle.is_none() {
            self.warn("No project is open.");
            return;
        }
        if self.jobs.dialogs.available() {
            self.jobs.pick(purpose);
        } else {
            self.modal = Some(Modal::PathPrompt {
                purpose,
                text: String::new(),
            });
        }
    }

    /// Selects an article (or none) and loads its working copy.
    pub fn select(&mut self, id: Option<Uuid>) {
        self.undo.break_typing();
        self.review.invalidate();
        self.history.forget();
        self.selected = id;
        self.body_selection = None;
        // The cursor was in the last article's body: the next one's page must not follow it.
        self.body_cursor = None;
        self.draft = match (id, &mut self.bundle) {
            (Some(id), Some(bundle)) => match bundle.article(id) {
                Ok(article) => Some(article.clone()),
                Err(error) => {
                    let message = error.to_string();
                    self.articles_changed();
                    self.selected = None;
                    self.warn(message);
                    None
                }
            },
            _ => None,
        };
        if let (Some(draft), Some(bundle)) = (&self.draft, &self.bundle) {
            self.settings.note_open_article(bundle.root(), draft.id);
        }
    }
}
