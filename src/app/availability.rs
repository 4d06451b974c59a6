//! Whether a command can run now, and why not: menus grey out what cannot, and say why on hover.

use super::AppState;
use super::command::Command;
use super::find::FindAction;

impl AppState {
    /// Why `command` cannot run now (nothing to undo, no article open, a read-only project, a
    /// status the workflow does not lead to), or `None` when it can.
    pub fn why_unavailable(&self, command: &Command) -> Option<String> {
        let no_project = || Some("No project is open".to_owned());
        let no_article = || Some("No article is open".to_owned());
        let read_only = || Some("The project is open read-only".to_owned());
        match command {
            Command::Undo if !self.undo.can_undo() => Some("Nothing to undo".to_owned()),
            Command::ClearRecent if self.settings.recent.is_empty() => {
                Some("No recent projects".to_owned())
            }
            Command::Redo if !self.undo.can_redo() => Some("Nothing to redo".to_owned()),
            Command::EditText(action) => self.why_no_text_action(*action),
            Command::Save
            | Command::SaveAs
            | Command::ExportDialog
            | Command::ReviewUnusedPictures
            | Command::NewArticle
            | Command::ImportFile
            | Command::PasteAsArticle
            | Command::ProjectSettings
                if self.bundle.is_none() =>
            {
                no_project()
            }
            // Save As writes elsewhere, so it stays open to a read-only project.
            Command::Save
            | Command::NewArticle
            | Command::ImportFile
            | Command::PasteAsArticle
            | Command::ProjectSettings
                if self.read_only.is_some() =>
            {
                read_only()
            }
            Command::DuplicateArticle
            | Command::DeleteArticle
            | Command::MoveUp
            | Command::MoveDown
            | Command::Format(_)
            | Command::AddHeroImage
            | Command::InsertImage
            | Command::PasteImage
            | Command::SetStatus(_) => match &self.draft {
                None => no_article(),
                Some(_) if self.read_only.is_some() => read_only(),
                Some(draft) => match command {
                    Command::SetStatus(to)
                        if draft.status != *to
                            && !crate::review::workflow::allowed(draft.status, *to) =>
                    {
                        Some(format!(
                            "The workflow does not go from {} to {to}",
                            draft.status
                        ))
                    }
                    _ => None,
                },
            },
            Command::NextFinding
            | Command::PreviousFinding
            | Command::Recheck
            | Command::Find(_)
            | Command::CopyArticleAs(_)
            | Command::OpenPageInBrowser
                if self.draft.is_none() =>
            {
                no_article()
            }
            Command::Find(FindAction::ReplaceAll | FindAction::Replace)
                if self.read_only.is_some() =>
            {
                read_only()
            }
            Command::Find(FindAction::ReplaceAll | FindAction::Replace)
                if self
                    .find_bar
                    .as_ref()
                    .is_none_or(|bar| bar.query.text.is_empty()) =>
            {
                Some("Nothing to replace: say what to find first (Ctrl+H)".to_owned())
            }
            _ => None,
        }
    }
}
