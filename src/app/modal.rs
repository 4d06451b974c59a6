//! The questions and messages that take over the window until answered.

use super::jobs::DialogPurpose;
use super::transfer;
use crate::bundle::recovery::Journal;
use std::path::PathBuf;
use uuid::Uuid;

/// A question or message that takes over the window until answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// "Delete this article?"
    ConfirmDelete {
        /// The article.
        id: Uuid,
        /// Its headline, for the question.
        headline: String,
    },
    /// "Save before quitting?"
    UnsavedOnQuit,
    /// The project's folder is not where it was opened (moved, deleted, its drive gone).
    ProjectMissing(PathBuf),
    /// A Save as wrote the copy without the articles whose files were gone before they were
    /// ever read (the project's folder deleted under the window).
    SavedWithoutLost {
        /// The copy's folder.
        target: PathBuf,
        /// The headlines of the articles left out.
        headlines: Vec<String>,
    },
    /// Files changed on disk since they were loaded.
    Conflict {
        /// The files.
        paths: Vec<PathBuf>,
    },
    /// Unsaved work from a session that did not end cleanly.
    Recovery(Journal),
    /// "Why waive this finding?"
    Waiver {
        /// The rule.
        rule: String,
        /// The field.
        field: crate::review::Field,
        /// The flagged text.
        text: String,
        /// The finding's message.
        message: String,
        /// The reason typed so far.
        reason: String,
    },
    /// "Why kill this article?" with the reason typed so far.
    KillReason(String),
    /// The export dialog.
    Export(transfer::ExportChoice),
    /// An export running: articles done of the total.
    Exporting {
        /// Articles done.
        done: usize,
        /// Articles in all.
        total: usize,
        /// The formats being written.
        formats: Vec<crate::export::Format>,
    },
    /// What an export did.
    ExportSummary(crate::export::ExportReport),
    /// A Save as running: the folder it writes, and its articles written of the total.
    SavingAs {
        /// The new folder.
        target: PathBuf,
        /// Articles written.
        done: usize,
        /// Articles in all.
        total: usize,
    },
    /// The search for pictures no article uses, running: articles read of the total.
    LookingForUnusedPictures {
        /// Articles read.
        done: usize,
        /// Articles to read.
        total: usize,
    },
    /// Pictures no article uses, offered for deletion.
    UnusedPictures(Vec<crate::model::AssetName>),
    /// The project settings dialog, on a working copy.
    ProjectSettings(Box<super::settings_draft::SettingsDraft>),
    /// The preferences dialog, as set so far.
    Preferences {
        /// The name that signs waivers, kills and revisions.
        name: String,
        /// Whether new articles start with that name as their byline.
        byline_new_articles: bool,
        /// Light, dark or the system's theme.
        theme: egui::ThemePreference,
    },
    /// Every keyboard shortcut.
    Shortcuts,
    /// What Copydesk is, its version and where it keeps its data.
    About,
    /// No file dialog is available: type a path.
    PathPrompt {
        /// What the path is for.
        purpose: DialogPurpose,
        /// The path typed so far.
        text: String,
    },
}
