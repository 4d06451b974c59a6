//! Every user action is a `Command`: menus, keyboard shortcuts, the command palette and tests all
//! go through this one enum.

pub use crate::app::command_keys::shortcut_name;
use crate::app::copy_out::CopyFormat;
use crate::app::find::FindAction;
use crate::app::settings::{SidePane, Zoom};
use crate::model::Status;
use std::path::PathBuf;
use uuid::Uuid;

/// How the preview pane shows the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum PreviewMode {
    /// The published page.
    #[default]
    Page,
    /// A search engine's result snippet.
    SearchSnippet,
    /// A social network's link card.
    SocialCard,
}

impl PreviewMode {
    /// The name shown in menus.
    pub fn label(self) -> &'static str {
        match self {
            PreviewMode::Page => "Page",
            PreviewMode::SearchSnippet => "Search result",
            PreviewMode::SocialCard => "Social card",
        }
    }

    /// The next mode, cycling.
    pub fn next(self) -> Self {
        match self {
            PreviewMode::Page => PreviewMode::SearchSnippet,
            PreviewMode::SearchSnippet => PreviewMode::SocialCard,
            PreviewMode::SocialCard => PreviewMode::Page,
        }
    }
}

/// Markdown formatting applied to the body's selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// `**bold**`
    Bold,
    /// `*italic*`
    Italic,
    /// `[text](https://)`
    Link,
    /// `## ` at the line start
    Heading,
    /// `> ` at the line start
    Quote,
    /// `- ` at the line start
    List,
}

/// What Edit → Cut, Copy, Paste and Select all do, to the text box that last had the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextAction {
    /// Move the selection to the clipboard.
    Cut,
    /// Copy the selection to the clipboard.
    Copy,
    /// Put the clipboard's text where the cursor is.
    Paste,
    /// Select all of the box's text (all of the body, in the body).
    SelectAll,
}

impl TextAction {
    /// The four, in the order menus show them.
    pub const ALL: [TextAction; 4] = [
        TextAction::Cut,
        TextAction::Copy,
        TextAction::Paste,
        TextAction::SelectAll,
    ];

    /// Whether it changes the text (refused in a read-only project).
    pub fn changes_text(self) -> bool {
        matches!(self, TextAction::Cut | TextAction::Paste)
    }
}

/// A user action.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Create a new project (asks where).
    NewProject,
    /// Open a project (asks which).
    Open,
    /// Open a project by path (recent list, drag and drop).
    OpenPath(PathBuf),
    /// Open the read-only project again, for writing once no other program holds it.
    OpenForWriting,
    /// Save changed articles.
    Save,
    /// Save the whole project elsewhere (asks where).
    SaveAs,
    /// Add an article.
    NewArticle,
    /// Copy the selected article.
    DuplicateArticle,
    /// Delete the selected article (asks first).
    DeleteArticle,
    /// Delete an article without asking (the confirmation's answer).
    ConfirmDelete(Uuid),
    /// Focus the list's search field.
    FindInList,
    /// Find and replace in the open article.
    Find(crate::app::find::FindAction),
    /// Undo the last edit.
    Undo,
    /// Cut, copy, paste or select all in the text box that last had the keys.
    EditText(TextAction),
    /// Redo the last undone edit.
    Redo,
    /// Show the preview in a mode.
    SetPreviewMode(PreviewMode),
    /// Cycle the preview modes.
    CyclePreviewMode,
    /// Show or hide the article list.
    ToggleListPane,
    /// Show or hide the side pane (preview, review, history).
    TogglePreviewPane,
    /// Open the command palette.
    OpenPalette,
    /// Close the window (asks about unsaved changes).
    Quit,
    /// Close without saving (the prompt's answer).
    QuitWithoutSaving,
    /// Select an article.
    Select(Uuid),
    /// Set the selected article's status.
    SetStatus(Status),
    /// Apply Markdown formatting to the body selection.
    Format(Markup),
    /// Open the next article the list shows.
    NextArticle,
    /// Open the article before it in the list.
    PreviousArticle,
    /// Move the selected article up in the project's order.
    MoveUp,
    /// Move the selected article down.
    MoveDown,
    /// Draw the window larger, smaller or at its actual size.
    Zoom(Zoom),
    /// Use light, dark or the system's theme.
    SetTheme(egui::ThemePreference),
    /// Save, then close (the quit prompt's answer).
    SaveAndQuit,
    /// Answer to "changed on disk": overwrite with this program's version, or reload from disk.
    ResolveConflict {
        /// `true`: keep this program's version; `false`: reload the files.
        keep_mine: bool,
    },
    /// Answer to the recovery prompt: restore the journal's articles, or discard them.
    Recover(bool),
    /// A path typed where no file dialog is available.
    PathEntered(crate::app::jobs::DialogPurpose, PathBuf),
    /// Dismiss the question on screen.
    CloseModal,
    /// Show the preview, the review or the history beside the editor.
    ShowSidePane(crate::app::settings::SidePane),
    /// Select a finding's text in its field (index into the open article's findings).
    JumpToFinding(usize),
    /// Apply a finding's fix.
    ApplyFix(usize),
    /// Apply a finding's fix and the same fix of every finding of the same text.
    ApplyFixEverywhere(usize),
    /// Apply one of a finding's alternatives instead of its fix (another repair of a misspelling).
    ApplyAlternative(usize, String),
    /// Put the body's cursor at a character offset, the keys in the body (from the preview).
    EditBodyAt(usize),
    /// Ask for the reason to waive a finding.
    AskWaiver(usize),
    /// Waive a finding with a reason (the waiver dialog's answer).
    Waive {
        /// The rule.
        rule: String,
        /// The field.
        field: crate::review::Field,
        /// The flagged text.
        text: String,
        /// The editor's reason.
        reason: String,
    },
    /// Withdraw the waiver of the open article's finding at this index.
    WithdrawWaiver(usize),
    /// Add a word to the project dictionary.
    AddToDictionary(String),
    /// Add a section to the project's list of sections.
    AddSection(String),
    /// Kill the open article with a reason (the kill dialog's answer).
    Kill(String),
    /// Check the open article again now (after the system's dictionaries changed, say).
    Recheck,
    /// Go to the next finding to act on (neither a note nor waived), as a click on it would.
    NextFinding,
    /// Go to the previous finding to act on.
    PreviousFinding,
    /// Compare two revisions of the open article (indexes into its history, oldest first).
    CompareRevisions(usize, usize),
    /// Restore the open article to a revision (undoable).
    RestoreRevision(usize),
    /// Open the export dialog.
    ExportDialog,
    /// Write the open article's page and open it in the system's browser.
    OpenPageInBrowser,
    /// Show every keyboard shortcut.
    KeyboardShortcuts,
    /// Show what Copydesk is, its version and where it keeps its data.
    About,
    /// Put the open article on the clipboard in a format.
    CopyArticleAs(CopyFormat),
    /// Empty the list of recent projects.
    ClearRecent,
    /// Open the project settings dialog.
    ProjectSettings,
    /// Apply the project settings dialog's changes.
    ApplyProjectSettings,
    /// Open the preferences dialog (the editor's name, new articles' byline, the colours).
    Preferences,
    /// Keep the preferences dialog's choices.
    ApplyPreferences,
    /// Choose the export folder (asks).
    ChooseExportFolder,
    /// Run the export the dialog describes.
    StartExport,
    /// Stop the running export after the articles being written; what is written stays.
    StopExport,
    /// Stop the running Save as; its unfinished copy is removed.
    StopSaveAs,
    /// Show the last export's folder in the system's file manager.
    ShowExportFolder,
    /// Import a file as a new article (asks which).
    ImportFile,
    /// Import the clipboard's text as a new article.
    PasteAsArticle,
    /// Add (or replace) the open article's hero picture (asks which file).
    AddHeroImage,
    /// Put a picture in the body at the cursor (asks which file).
    InsertImage,
    /// Put the clipboard's picture in the open article.
    PasteImage,
    /// List the pictures no article uses, offering to delete them.
    ReviewUnusedPictures,
    /// Delete the listed unused pictures (the list dialog's answer).
    DeleteUnusedPictures,
}

/// The palette and menus list these (commands without a chosen target).
pub const PALETTE: &[Command] = &[
    Command::NewProject,
    Command::Open,
    Command::OpenForWriting,
    Command::ClearRecent,
    Command::Save,
    Command::SaveAs,
    Command::NewArticle,
    Command::DuplicateArticle,
    Command::DeleteArticle,
    Command::FindInList,
    Command::Find(FindAction::Open),
    Command::Find(FindAction::Next),
    Command::Find(FindAction::Previous),
    Command::Find(FindAction::ReplaceAll),
    Command::Undo,
    Command::Redo,
    Command::EditText(TextAction::Cut),
    Command::EditText(TextAction::Copy),
    Command::EditText(TextAction::Paste),
    Command::EditText(TextAction::SelectAll),
    Command::SetPreviewMode(PreviewMode::Page),
    Command::SetPreviewMode(PreviewMode::SearchSnippet),
    Command::SetPreviewMode(PreviewMode::SocialCard),
    Command::CyclePreviewMode,
    Command::OpenPageInBrowser,
    Command::ToggleListPane,
    Command::TogglePreviewPane,
    Command::OpenPalette,
    Command::NextArticle,
    Command::PreviousArticle,
    Command::MoveUp,
    Command::MoveDown,
    Command::SetStatus(Status::Draft),
    Command::SetStatus(Status::Editing),
    Command::SetStatus(Status::Ready),
    Command::SetStatus(Status::Published),
    Command::SetStatus(Status::Corrected),
    Command::SetStatus(Status::Killed),
    Command::Format(Markup::Bold),
    Command::Format(Markup::Italic),
    Command::Format(Markup::Link),
    Command::Format(Markup::Heading),
    Command::Format(Markup::Quote),
    Command::Format(Markup::List),
    Command::ShowSidePane(SidePane::Preview),
    Command::ShowSidePane(SidePane::Review),
    Command::ShowSidePane(SidePane::History),
    Command::Recheck,
    Command::NextFinding,
    Command::PreviousFinding,
    Command::Zoom(Zoom::In),
    Command::Zoom(Zoom::Out),
    Command::Zoom(Zoom::Reset),
    Command::SetTheme(egui::ThemePreference::System),
    Command::SetTheme(egui::ThemePreference::Light),
    Command::SetTheme(egui::ThemePreference::Dark),
    Command::ExportDialog,
    Command::CopyArticleAs(CopyFormat::Markdown),
    Command::CopyArticleAs(CopyFormat::Text),
    Command::CopyArticleAs(CopyFormat::BodyHtml),
    Command::ProjectSettings,
    Command::Preferences,
    Command::ImportFile,
    Command::PasteAsArticle,
    Command::AddHeroImage,
    Command::InsertImage,
    Command::PasteImage,
    Command::ReviewUnusedPictures,
    Command::KeyboardShortcuts,
    Command::About,
    Command::Quit,
];

impl Command {
    /// For a command that picks one of several choices, whether its choice is the one in force
    /// (the open article's status, the preview mode, the theme, a pane that shows); none for
    /// the others. Menus mark the choice in force.
    pub fn in_force(
        &self,
        settings: &crate::app::settings::Settings,
        status: Option<Status>,
    ) -> Option<bool> {
        match self {
            Command::SetStatus(choice) => Some(status == Some(*choice)),
            Command::SetPreviewMode(mode) => Some(
                settings.show_preview
                    && settings.side_pane == SidePane::Preview
                    && settings.preview_mode == *mode,
            ),
            Command::SetTheme(theme) => Some(settings.theme == *theme),
            Command::ToggleListPane => Some(settings.show_list),
            Command::TogglePreviewPane => Some(settings.show_preview),
            _ => None,
        }
    }

    /// Other words the palette finds the command by ("dictionary" finds the project settings).
    pub fn keywords(&self) -> &'static str {
        match self {
            Command::ProjectSettings => {
                "sections checklist rules limits house style dictionary site address reading speed"
            }
            Command::Preferences => "name byline signature",
            Command::Zoom(Zoom::In) => "larger bigger text size font",
            Command::Zoom(Zoom::Out) => "smaller text size font",
            Command::Zoom(Zoom::Reset) => "reset text size font",
            Command::ExportDialog => "ninjs html markdown json-ld plain text files",
            Command::CopyArticleAs(_) => "clipboard cms paste email",
            Command::EditText(_) => "clipboard selection",
            Command::TogglePreviewPane => "preview review history",
            Command::OpenPageInBrowser => "html web view",
            Command::KeyboardShortcuts => "help keys",
            Command::About => "help version licence",
            Command::ClearRecent => "forget history",
            Command::ImportFile | Command::PasteAsArticle => "wire copy page",
            Command::SetTheme(_) => "dark light colours appearance",
            Command::ReviewUnusedPictures => "images assets clean",
            _ => "",
        }
    }

    /// The name shown in menus and the palette.
    pub fn label(&self) -> String {
        match self {
            Command::NewProject => "New project…".into(),
            Command::Open => "Open project…".into(),
            Command::OpenPath(path) => format!("Open {}", path.display()),
            Command::OpenForWriting => "Open for writing again".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::NewArticle => "New article".into(),
            Command::DuplicateArticle => "Duplicate article".into(),
            Command::DeleteArticle => "Delete article…".into(),
            Command::ConfirmDelete(_) => "Delete".into(),
            Command::FindInList => "Find in list".into(),
            Command::Find(action) => match action {
                FindAction::Open => "Find and replace in article…",
                FindAction::Next => "Next match",
                FindAction::Previous => "Previous match",
                FindAction::Replace => "Replace",
                FindAction::ReplaceAll => "Replace all",
                FindAction::Close => "Close find",
            }
            .into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::EditText(TextAction::Cut) => "Cut".into(),
            Command::EditText(TextAction::Copy) => "Copy".into(),
            Command::EditText(TextAction::Paste) => "Paste".into(),
            Command::EditText(TextAction::SelectAll) => "Select all".into(),
            Command::SetPreviewMode(mode) => format!("Preview: {}", mode.label()),
            Command::CyclePreviewMode => "Next preview mode".into(),
            Command::ToggleListPane => "Show or hide the article list".into(),
            Command::TogglePreviewPane => "Show or hide the side pane".into(),
            Command::OpenPalette => "Command palette…".into(),
            Command::Quit => "Quit".into(),
            Command::QuitWithoutSaving => "Quit without saving".into(),
            Command::Select(_) => "Select article".into(),
            Command::SetStatus(status) => format!("Status: {status}"),
            Command::Format(markup) => format!("Format: {markup:?}"),
            Command::NextArticle => "Next article in the list".into(),
            Command::PreviousArticle => "Previous article in the list".into(),
            Command::MoveUp => "Move article up".into(),
            Command::MoveDown => "Move article down".into(),
            Command::SetTheme(theme) => format!("Theme: {theme:?}"),
            Command::Zoom(Zoom::In) => "Zoom in".into(),
            Command::Zoom(Zoom::Out) => "Zoom out".into(),
            Command::Zoom(Zoom::Reset) => "Actual size".into(),
            Command::SaveAndQuit => "Save and quit".into(),
            Command::ResolveConflict { keep_mine: true } => "Keep mine (overwrite)".into(),
            Command::ResolveConflict { keep_mine: false } => "Reload from disk".into(),
            Command::Recover(true) => "Recover".into(),
            Command::Recover(false) => "Discard".into(),
            Command::PathEntered(..) => "Use this path".into(),
            Command::CloseModal => "Cancel".into(),
            Command::ShowSidePane(pane) => format!("Show {}", pane.label()),
            Command::JumpToFinding(_) => "Go to finding".into(),
            Command::ApplyFix(_) => "Apply fix".into(),
            Command::ApplyFixEverywhere(_) => "Apply fix everywhere".into(),
            Command::ApplyAlternative(_, word) => format!("Fix → {word}"),
            Command::EditBodyAt(_) => "Edit this in the body".into(),
            Command::AskWaiver(_) => "Waive…".into(),
            Command::Waive { .. } => "Waive".into(),
            Command::WithdrawWaiver(_) => "Withdraw the waiver".into(),
            Command::AddToDictionary(word) => format!("Add \"{word}\" to the dictionary"),
            Command::AddSection(name) => format!("Add \"{name}\" to the sections"),
            Command::Kill(_) => "Kill article".into(),
            Command::Recheck => "Check the article again".into(),
            Command::NextFinding => "Next finding".into(),
            Command::PreviousFinding => "Previous finding".into(),
            Command::CompareRevisions(..) => "Compare revisions".into(),
            Command::RestoreRevision(_) => "Restore this revision".into(),
            Command::ExportDialog => "Export…".into(),
            Command::ProjectSettings => "Project settings…".into(),
            Command::ClearRecent => "Clear recent projects".into(),
            Command::KeyboardShortcuts => "Keyboard shortcuts".into(),
            Command::OpenPageInBrowser => "Open the page in a browser".into(),
            Command::About => "About Copydesk".into(),
            Command::CopyArticleAs(format) => format!("Copy article as {}", format.label()),
            Command::ApplyProjectSettings | Command::ApplyPreferences => "Apply".into(),
            Command::Preferences => "Preferences…".into(),
            Command::ChooseExportFolder => "Choose folder…".into(),
            Command::StartExport => "Export".into(),
            Command::StopExport => "Stop the export".into(),
            Command::StopSaveAs => "Stop saving the copy".into(),
            Command::ShowExportFolder => "Show the folder".into(),
            Command::ImportFile => "Import file…".into(),
            Command::PasteAsArticle => "Paste as article".into(),
            Command::AddHeroImage => "Add hero picture…".into(),
            Command::InsertImage => "Insert picture…".into(),
            Command::PasteImage => "Paste picture".into(),
            Command::ReviewUnusedPictures => "Unused pictures…".into(),
            Command::DeleteUnusedPictures => "Delete them".into(),
        }
    }
}

#[cfg(test)]
#[path = "command_tests.rs"]
mod tests;
