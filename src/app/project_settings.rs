//! The project settings dialog (title, site address, reading speed, sections, checklist levels
//! and limits, house style, dictionary) and the preferences dialog (the editor's name and
//! byline): each works on a copy and applies it at once, the project's as one undoable step.

use super::settings_draft::SettingsDraft;
use super::undo::{Refiling, Step};
use super::{AppState, Modal};

/// Applying a renamed section that files at least this many articles not read yet reads them
/// on a worker first, the dialog showing its progress; fewer are read at once.
pub const READ_ON_WORKER_FROM: usize = 100;

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
                let mut draft = SettingsDraft::new(bundle.project().clone());
                for summary in bundle.summaries() {
                    *draft.filed.entry(summary.section.clone()).or_default() += 1;
                }
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
        if draft.reading.is_some() {
            return;
        }
        if let Some(problem) = draft.project.problems().into_iter().next() {
            self.warn(format!("Not applied. {problem}"));
            return;
        }
        let before = bundle.project().clone();
        let mut after = draft.project.clone();
        after.title = after.title.trim().to_owned();
        after.settings.base_url = after.settings.base_url.trim().to_owned();
        // The articles of each renamed section go with it.
        let refiled: Vec<Refiling> = draft
            .renamed
            .iter()
            .map(|(from, to)| Refiling {
                from: from.clone(),
                to: to.clone(),
                articles: bundle
                    .summaries()
                    .filter(|summary| summary.section == *from)
                    .map(|summary| summary.id)
                    .collect(),
            })
            .collect();
        // Thousands of articles to refile are read on a worker first, the dialog waiting.
        let ids: Vec<_> = refiled
            .iter()
            .flat_map(|r| r.articles.iter().copied())
            .collect();
        let reading = bundle.read_job(&ids);
        if reading.len() >= READ_ON_WORKER_FROM {
            if let Some(Modal::ProjectSettings(draft)) = &mut self.modal {
                draft.reading = Some((0, reading.len()));
            }
            self.jobs.read(reading);
            return;
        }
        self.modal = None;
        if after == before {
            return;
        }
        let moved: usize = refiled.iter().map(|r| r.articles.len()).sum();
        self.run_step(Step::Project {
            before: Box::new(before),
            after: Box::new(after),
            refiled,
        });
        if moved > 0 {
            self.tell(format!(
                "Project settings changed; {} refiled under the renamed sections (Ctrl+Z undoes)",
                crate::model::plural::counted(moved, "article")
            ));
        } else {
            self.tell("Project settings changed (Ctrl+Z undoes)");
        }
    }

    /// Takes the articles a worker read for the settings dialog's Apply, and applies it if it
    /// is still waiting for them (not cancelled).
    pub(super) fn articles_read(&mut self, read: crate::bundle::ReadArticles) {
        let set_aside = self.bundle.as_mut().map_or(0, |b| b.finish_read(read));
        if set_aside > 0 {
            self.articles_changed();
            let count = crate::model::plural::counted(set_aside, "article");
            self.warn(format!("{count} could not be read: set aside, not refiled"));
        }
        if let Some(Modal::ProjectSettings(draft)) = &mut self.modal
            && draft.reading.take().is_some()
        {
            self.apply_project_settings();
        }
    }

    /// Whether the project settings dialog is open with changes not applied yet.
    pub fn settings_unapplied(&self) -> bool {
        matches!(
            (&self.modal, &self.bundle),
            (Some(Modal::ProjectSettings(draft)), Some(bundle)) if draft.project != *bundle.project()
        )
    }

    /// Whether an open dialog holds something typed that closing the window would lose: settings
    /// not applied, preferences not kept, a waiver's or a kill's reason, a typed path, an export
    /// folder typed and not yet exported to.
    pub fn dialog_holds_typing(&self) -> bool {
        self.form_typing() == Some(true)
    }

    /// Whether the open dialog is a form (one that something is typed or chosen in), and if so
    /// whether it holds what closing it would lose; none for another dialog, or none open.
    pub fn form_typing(&self) -> Option<bool> {
        match self.modal.as_ref()? {
            Modal::ProjectSettings(_) => Some(self.settings_unapplied()),
            Modal::Preferences {
                name,
                byline_new_articles,
                theme,
            } => Some(
                *name != self.settings.editor_name
                    || *byline_new_articles != self.settings.byline_new_articles
                    || *theme != self.settings.theme,
            ),
            Modal::Waiver { reason, .. } | Modal::KillReason(reason) => {
                Some(!reason.trim().is_empty())
            }
            Modal::PathPrompt { text, .. } => Some(!text.trim().is_empty()),
            Modal::Export(choice) => {
                Some(choice.folder.trim() != self.settings.export_folder.trim())
            }
            _ => None,
        }
    }

    /// Opens the preferences dialog on the preferences as they are.
    pub(super) fn open_preferences(&mut self) {
        self.modal = Some(Modal::Preferences {
            name: self.settings.editor_name.clone(),
            byline_new_articles: self.settings.byline_new_articles,
            theme: self.settings.theme,
        });
    }

    /// Keeps the preferences dialog's choices: waivers, kills and the revisions saved from now
    /// on are signed with the name typed.
    pub(super) fn apply_preferences(&mut self) {
        let Some(Modal::Preferences {
            name,
            byline_new_articles,
            theme,
        }) = self.modal.take()
        else {
            return;
        };
        self.settings.editor_name = name.trim().to_owned();
        self.settings.byline_new_articles = byline_new_articles;
        self.settings.theme = theme;
        let signed = self.editor_name();
        if let Some(bundle) = &mut self.bundle {
            bundle.set_editor(&signed);
        }
        self.tell(format!("Your work is signed \"{signed}\""));
    }
}
