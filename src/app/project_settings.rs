//! The project settings dialog (title, site address, reading speed, sections, checklist levels
//! and limits, dictionary) and the preferences dialog (the editor's name): each works on a copy
//! and applies it at once, the project's as one undoable step.

use super::undo::Step;
use super::{AppState, Modal};
use crate::model::Project;

/// The parts of the project settings dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SettingsTab {
    /// Title, site address, reading speed, plain-text wrap.
    #[default]
    General,
    /// The sections articles are filed in.
    Sections,
    /// Each rule's level, and the limits the rules measure against.
    Checklist,
    /// The project dictionary.
    Dictionary,
}

impl SettingsTab {
    /// Every tab, in order.
    pub const ALL: [SettingsTab; 4] = [
        SettingsTab::General,
        SettingsTab::Sections,
        SettingsTab::Checklist,
        SettingsTab::Dictionary,
    ];

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            SettingsTab::General => "General",
            SettingsTab::Sections => "Sections",
            SettingsTab::Checklist => "Checklist",
            SettingsTab::Dictionary => "Dictionary",
        }
    }
}

/// The settings dialog's working copy of the project, and what is being typed into it.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsDraft {
    /// The project as edited so far.
    pub project: Project,
    /// The part shown.
    pub tab: SettingsTab,
    /// A section being typed, not yet added.
    pub new_section: String,
    /// A word being typed, not yet added to the dictionary.
    pub new_word: String,
    /// Why the last section or word typed was not added.
    pub refusal: Option<String>,
}

impl SettingsDraft {
    /// A working copy of `project`, on its general settings.
    pub fn new(project: Project) -> Self {
        SettingsDraft {
            project,
            tab: SettingsTab::General,
            new_section: String::new(),
            new_word: String::new(),
            refusal: None,
        }
    }

    /// Adds the section typed, unless it is empty or already listed (then says why).
    pub fn add_section(&mut self) -> Result<(), String> {
        let name = self.new_section.trim().to_owned();
        add_unique(&mut self.project.settings.sections, name, "section")?;
        self.new_section.clear();
        Ok(())
    }

    /// Adds the word typed to the dictionary, unless it is empty, holds a space or is listed.
    pub fn add_word(&mut self) -> Result<(), String> {
        let word = self.new_word.trim().to_owned();
        if word.contains(char::is_whitespace) {
            return Err(format!(
                "\"{word}\" holds a space: the dictionary takes one word at a time"
            ));
        }
        add_unique(&mut self.project.settings.dictionary, word, "word")?;
        self.new_word.clear();
        Ok(())
    }
}

/// Appends `value` to `list` unless it is empty or there already (in any capitals).
fn add_unique(list: &mut Vec<String>, value: String, what: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("Type the {what} first"));
    }
    if let Some(there) = list
        .iter()
        .find(|v| v.to_lowercase() == value.to_lowercase())
    {
        return Err(format!("\"{there}\" is already listed"));
    }
    list.push(value);
    Ok(())
}

impl AppState {
    /// Opens the project settings dialog on a copy of the open project's settings.
    pub(super) fn open_project_settings(&mut self) {
        match (&self.bundle, &self.read_only) {
            (None, _) => self.warn("No project is open."),
            (Some(_), Some(reason)) => {
                let reason = reason.clone();
                self.warn(reason);
            }
            (Some(bundle), None) => {
                let draft = SettingsDraft::new(bundle.project().clone());
                self.modal = Some(Modal::ProjectSettings(Box::new(draft)));
            }
        }
    }

    /// Applies the settings dialog's copy as one undoable step, unless it has problems.
    pub(super) fn apply_project_settings(&mut self) {
        let (Some(Modal::ProjectSettings(draft)), Some(bundle)) = (&self.modal, &self.bundle)
        else {
            return;
        };
        if let Some(problem) = draft.project.problems().into_iter().next() {
            self.warn(format!("Not applied. {problem}"));
            return;
        }
        let before = bundle.project().clone();
        let mut after = draft.project.clone();
        after.title = after.title.trim().to_owned();
        after.settings.base_url = after.settings.base_url.trim().to_owned();
        self.modal = None;
        if after == before {
            return;
        }
        self.run_step(Step::Project {
            before: Box::new(before),
            after: Box::new(after),
        });
        self.tell("Project settings changed (Ctrl+Z undoes)");
    }

    /// Opens the preferences dialog on the editor's name as it is.
    pub(super) fn open_preferences(&mut self) {
        self.modal = Some(Modal::Preferences {
            name: self.settings.editor_name.clone(),
        });
    }

    /// Keeps the name typed in the preferences dialog: waivers, kills and the revisions saved
    /// from now on are signed with it.
    pub(super) fn apply_preferences(&mut self) {
        let Some(Modal::Preferences { name }) = self.modal.take() else {
            return;
        };
        self.settings.editor_name = name.trim().to_owned();
        let signed = self.editor_name();
        if let Some(bundle) = &mut self.bundle {
            bundle.set_editor(&signed);
        }
        self.tell(format!("Your work is signed \"{signed}\""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_words_are_added_once_in_any_capitals() {
        let mut draft = SettingsDraft::new(Project::new("Desk"));
        draft.new_section = " Travel ".into();
        assert_eq!(draft.add_section(), Ok(()));
        assert_eq!(draft.project.settings.sections.last().unwrap(), "Travel");
        assert!(draft.new_section.is_empty());
        draft.new_section = "travel".into();
        assert_eq!(
            draft.add_section(),
            Err("\"Travel\" is already listed".into())
        );
        assert_eq!(
            draft.new_section, "travel",
            "what was typed stays to be corrected"
        );
        draft.new_word = "Zelenskyy".into();
        assert_eq!(draft.add_word(), Ok(()));
        assert_eq!(draft.project.settings.dictionary, ["Zelenskyy"]);
        draft.new_word = "Vovchansk Kupiansk".into();
        assert!(draft.add_word().unwrap_err().contains("one word at a time"));
        draft.new_word = "  ".into();
        assert_eq!(draft.add_word(), Err("Type the word first".into()));
    }
}
