//! The project settings dialog's working copy: the project as edited so far, and the entries
//! being typed into its lists (sections, dictionary words, house style), each added only when it
//! makes sense, with the reason when it does not.

use crate::model::Project;
use crate::review::{PatternRule, Preferred};

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
    /// Preferred forms, banned words, pattern rules, curly quotes.
    HouseStyle,
    /// The project dictionary.
    Dictionary,
}

impl SettingsTab {
    /// Every tab, in order.
    pub const ALL: [SettingsTab; 5] = [
        SettingsTab::General,
        SettingsTab::Sections,
        SettingsTab::Checklist,
        SettingsTab::HouseStyle,
        SettingsTab::Dictionary,
    ];

    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            SettingsTab::General => "General",
            SettingsTab::Sections => "Sections",
            SettingsTab::Checklist => "Checklist",
            SettingsTab::HouseStyle => "House style",
            SettingsTab::Dictionary => "Dictionary",
        }
    }
}

/// What is being typed into the dialog's lists, not yet added.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Typed {
    /// A section.
    pub section: String,
    /// A dictionary word.
    pub word: String,
    /// A house form ("Kyiv").
    pub preferred: String,
    /// The forms it replaces, separated by commas ("Kiev, Kiew").
    pub instead_of: String,
    /// A banned word.
    pub banned: String,
    /// A pattern rule's regular expression.
    pub pattern: String,
    /// A pattern rule's message.
    pub message: String,
    /// A pattern rule's replacement; empty for none.
    pub replacement: String,
}

/// The settings dialog's working copy of the project, and what is being typed into it.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsDraft {
    /// The project as edited so far.
    pub project: Project,
    /// The part shown.
    pub tab: SettingsTab,
    /// What is being typed into the lists.
    pub typed: Typed,
    /// How many of the project's articles are filed in each section, when the dialog opened.
    pub filed: std::collections::HashMap<String, usize>,
    /// Why the last entry typed was not added, with the action that tried (its button's name).
    pub refusal: Option<(&'static str, String)>,
    /// The section being renamed: its row, and the new name typed so far.
    pub renaming: Option<(usize, String)>,
    /// The sections renamed in the dialog: each original name with its new one. Applying files
    /// their articles under the new names.
    pub renamed: Vec<(String, String)>,
    /// Apply waits while the renamed sections' articles are read on a worker: articles read
    /// of the total.
    pub reading: Option<(usize, usize)>,
}

impl SettingsDraft {
    /// A working copy of `project`, on its general settings.
    pub fn new(project: Project) -> Self {
        SettingsDraft {
            project,
            tab: SettingsTab::General,
            typed: Typed::default(),
            filed: Default::default(),
            refusal: None,
            renaming: None,
            renamed: Vec::new(),
            reading: None,
        }
    }

    /// Runs `add` for the button named `action`, keeping its refusal to show beside it; what
    /// was typed stays when it is refused.
    pub fn attempt(
        &mut self,
        action: &'static str,
        add: fn(&mut SettingsDraft) -> Result<(), String>,
    ) {
        self.refusal = add(self).err().map(|why| (action, why));
    }

    /// Why the last try of the button named `action` added nothing, if it did.
    pub fn refused(&self, action: &str) -> Option<&str> {
        self.refusal
            .as_ref()
            .filter(|(tried, _)| *tried == action)
            .map(|(_, why)| why.as_str())
    }

    /// Adds the section typed, unless it is empty or already listed.
    pub fn add_section(&mut self) -> Result<(), String> {
        let name = self.typed.section.trim().to_owned();
        add_unique(&mut self.project.settings.sections, name, "section")?;
        self.typed.section.clear();
        Ok(())
    }

    /// Gives the section being renamed the name typed, unless it is empty or another section's;
    /// its articles (counted beside it) will follow it when the settings are applied.
    pub fn rename_section(&mut self) -> Result<(), String> {
        let Some((at, typed)) = &self.renaming else {
            return Ok(());
        };
        let sections = &mut self.project.settings.sections;
        let Some(old) = sections.get(*at).cloned() else {
            self.renaming = None;
            return Ok(());
        };
        let new = typed.trim().to_owned();
        if new.is_empty() {
            return Err("Type the section's new name".to_owned());
        }
        let others = sections.iter().enumerate().filter(|(i, _)| i != at);
        if listed(others.map(|(_, s)| s), &new).is_some() {
            return Err(format!("There is a section \"{new}\" already"));
        }
        sections[*at] = new.clone();
        // A second rename of the same section goes on from its original name.
        match self.renamed.iter().position(|(_, to)| *to == old) {
            Some(i) if self.renamed[i].0 == new => {
                self.renamed.remove(i);
            }
            Some(i) => self.renamed[i].1 = new.clone(),
            None => self.renamed.push((old.clone(), new.clone())),
        }
        if let Some(count) = self.filed.remove(&old) {
            self.filed.insert(new, count);
        }
        self.renaming = None;
        Ok(())
    }

    /// Removes section `at`: its articles stay where they are, under the name they had when the
    /// dialog opened, whatever it was renamed to since.
    pub fn remove_section(&mut self, at: usize) {
        let sections = &mut self.project.settings.sections;
        if at >= sections.len() {
            return;
        }
        let removed = sections.remove(at);
        if let Some(i) = self.renamed.iter().position(|(_, to)| *to == removed) {
            let (original, _) = self.renamed.remove(i);
            if let Some(count) = self.filed.remove(&removed) {
                self.filed.insert(original, count);
            }
        }
        self.renaming = None;
    }

    /// Adds the word typed to the dictionary, unless it is empty, holds a space or is listed.
    pub fn add_word(&mut self) -> Result<(), String> {
        let word = one_word(&self.typed.word, "the dictionary")?;
        add_unique(&mut self.project.settings.dictionary, word, "word")?;
        self.typed.word.clear();
        Ok(())
    }

    /// Adds the banned word typed, unless it is empty, holds a space or is listed.
    pub fn add_banned(&mut self) -> Result<(), String> {
        let word = one_word(&self.typed.banned, "the banned list")?;
        add_unique(&mut self.project.settings.house_style.banned, word, "word")?;
        self.typed.banned.clear();
        Ok(())
    }

    /// Adds the house form typed with the forms it replaces (to its entry when it has one),
    /// unless one of those forms is already replaced by another.
    pub fn add_preferred(&mut self) -> Result<(), String> {
        let preferred = self.typed.preferred.trim().to_owned();
        let forms: Vec<String> = self
            .typed
            .instead_of
            .split(',')
            .map(|form| form.trim().to_owned())
            .filter(|form| !form.is_empty())
            .collect();
        if preferred.is_empty() {
            return Err("Type the house form first".to_owned());
        }
        if forms.is_empty() {
            return Err(format!("Type the forms \"{preferred}\" replaces"));
        }
        if forms.contains(&preferred) {
            return Err(format!("\"{preferred}\" cannot replace itself"));
        }
        let style = &mut self.project.settings.house_style;
        for entry in &style.preferred {
            if let Some(form) = forms.iter().find(|form| entry.instead_of.contains(form)) {
                return Err(format!(
                    "\"{form}\" is already replaced by \"{}\"",
                    entry.preferred
                ));
            }
        }
        match style
            .preferred
            .iter_mut()
            .find(|p| p.preferred == preferred)
        {
            Some(entry) => entry.instead_of.extend(forms),
            None => style.preferred.push(Preferred {
                preferred,
                instead_of: forms,
            }),
        }
        self.typed.preferred.clear();
        self.typed.instead_of.clear();
        Ok(())
    }

    /// Adds the pattern rule typed, unless its pattern is not a valid regular expression or it
    /// has no message.
    pub fn add_pattern(&mut self) -> Result<(), String> {
        let typed = &self.typed;
        if typed.pattern.is_empty() {
            return Err("Type the pattern first".to_owned());
        }
        if let Err(error) = PatternRule::compile(&typed.pattern) {
            return Err(format!(
                "The pattern is not a valid regular expression: {error}"
            ));
        }
        if typed.message.trim().is_empty() {
            return Err("Say what the finding tells the editor".to_owned());
        }
        let replacement = Some(typed.replacement.clone()).filter(|r| !r.is_empty());
        self.project
            .settings
            .house_style
            .patterns
            .push(PatternRule {
                pattern: typed.pattern.clone(),
                message: typed.message.trim().to_owned(),
                replacement,
            });
        self.typed.pattern.clear();
        self.typed.message.clear();
        self.typed.replacement.clear();
        Ok(())
    }
}

/// The word typed, trimmed, unless it holds a space.
fn one_word(typed: &str, list: &str) -> Result<String, String> {
    let word = typed.trim();
    if word.contains(char::is_whitespace) {
        return Err(format!(
            "\"{word}\" holds a space: {list} takes one word at a time"
        ));
    }
    Ok(word.to_owned())
}

/// Appends `value` to `list` unless it is empty or there already (in any capitals).
fn add_unique(list: &mut Vec<String>, value: String, what: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("Type the {what} first"));
    }
    if let Some(there) = listed(list.iter(), &value) {
        return Err(format!("\"{there}\" is already listed"));
    }
    list.push(value);
    Ok(())
}

/// The entry of `list` that is `value` in any capitals, if there is one.
pub(super) fn listed<'a>(
    mut list: impl Iterator<Item = &'a String>,
    value: &str,
) -> Option<&'a String> {
    let value = value.to_lowercase();
    list.find(|entry| entry.to_lowercase() == value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> SettingsDraft {
        SettingsDraft::new(Project::new("Desk"))
    }

    /// Renames the section named `from` to `to` as the dialog does.
    fn rename(draft: &mut SettingsDraft, from: &str, to: &str) -> Result<(), String> {
        let sections = &draft.project.settings.sections;
        let at = sections.iter().position(|s| s == from).expect("listed");
        draft.renaming = Some((at, to.into()));
        draft.rename_section()
    }

    #[test]
    fn a_section_renamed_twice_is_refiled_once_from_its_first_name() {
        let mut draft = draft();
        draft.project.settings.sections = vec!["World".into(), "Sport".into()];
        draft.filed.insert("Sport".into(), 4);
        assert!(rename(&mut draft, "Sport", " ").is_err());
        assert!(rename(&mut draft, "Sport", "WORLD").is_err());
        assert_eq!(rename(&mut draft, "Sport", "Sports"), Ok(()));
        assert_eq!(rename(&mut draft, "Sports", "Games"), Ok(()));
        assert_eq!(draft.renamed, [("Sport".to_owned(), "Games".to_owned())]);
        assert_eq!(draft.filed.get("Games"), Some(&4));
        // Back to its first name: nothing to refile.
        assert_eq!(rename(&mut draft, "Games", "Sport"), Ok(()));
        assert!(draft.renamed.is_empty());
        // Renamed, then removed: its articles stay under the name they have.
        assert_eq!(rename(&mut draft, "Sport", "Sports"), Ok(()));
        draft.remove_section(1);
        assert!(draft.renamed.is_empty());
        assert_eq!(draft.filed.get("Sport"), Some(&4));
        assert_eq!(draft.project.settings.sections, ["World"]);
    }

    #[test]
    fn sections_and_words_are_added_once_in_any_capitals() {
        let mut draft = draft();
        draft.typed.section = " Travel ".into();
        assert_eq!(draft.add_section(), Ok(()));
        assert_eq!(draft.project.settings.sections.last().unwrap(), "Travel");
        assert!(draft.typed.section.is_empty());
        draft.typed.section = "travel".into();
        assert_eq!(
            draft.add_section(),
            Err("\"Travel\" is already listed".into())
        );
        assert_eq!(draft.typed.section, "travel", "what was typed stays");
        draft.typed.word = "Zelenskyy".into();
        assert_eq!(draft.add_word(), Ok(()));
        assert_eq!(draft.project.settings.dictionary, ["Zelenskyy"]);
        draft.typed.word = "Vovchansk Kupiansk".into();
        assert!(draft.add_word().unwrap_err().contains("one word at a time"));
        draft.typed.word = "  ".into();
        assert_eq!(draft.add_word(), Err("Type the word first".into()));
        draft.typed.banned = "very".into();
        draft.attempt("Add banned word", SettingsDraft::add_banned);
        assert_eq!(draft.refusal, None);
        draft.attempt("Add banned word", SettingsDraft::add_banned);
        assert_eq!(
            draft.refused("Add banned word"),
            Some("Type the word first")
        );
        assert_eq!(draft.refused("Add word"), None);
        assert_eq!(draft.project.settings.house_style.banned, ["very"]);
    }

    #[test]
    fn a_preferred_form_joins_its_entry_and_no_form_is_replaced_twice() {
        let mut draft = draft();
        draft.typed.preferred = "Kyiv".into();
        draft.typed.instead_of = "Kiew, , Kyjiw".into();
        assert_eq!(draft.add_preferred(), Ok(()));
        let kyiv = &draft.project.settings.house_style.preferred[0];
        assert_eq!(kyiv.instead_of, ["Kiev", "Kiew", "Kyjiw"]);
        draft.typed.preferred = "Kyyiv".into();
        draft.typed.instead_of = "Kiev".into();
        assert_eq!(
            draft.add_preferred(),
            Err("\"Kiev\" is already replaced by \"Kyiv\"".into())
        );
        draft.typed.preferred = "email".into();
        draft.typed.instead_of = "".into();
        assert_eq!(
            draft.add_preferred(),
            Err("Type the forms \"email\" replaces".into())
        );
        draft.typed.instead_of = "e-mail, email".into();
        assert_eq!(
            draft.add_preferred(),
            Err("\"email\" cannot replace itself".into())
        );
    }

    #[test]
    fn a_pattern_rule_needs_a_valid_pattern_and_a_message() {
        let mut draft = draft();
        draft.typed.pattern = "(\\d+)%(".into();
        draft.typed.message = "Spell out per cent".into();
        assert_eq!(
            draft.add_pattern().unwrap_err(),
            "The pattern is not a valid regular expression: unclosed group at character 7"
        );
        draft.typed.pattern = "(\\d+)%".into();
        draft.typed.message = " ".into();
        assert_eq!(
            draft.add_pattern(),
            Err("Say what the finding tells the editor".into())
        );
        draft.typed.message = "Spell out per cent".into();
        draft.typed.replacement = "$1 per cent".into();
        assert_eq!(draft.add_pattern(), Ok(()));
        let rule = &draft.project.settings.house_style.patterns[0];
        assert_eq!(rule.replacement.as_deref(), Some("$1 per cent"));
        assert!(draft.typed.pattern.is_empty());
    }
}
