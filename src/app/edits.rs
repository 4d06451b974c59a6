//! Edits to articles and to the project's order, each recorded as an undoable step.

use super::command::Command;
use super::undo::{Refiling, Step, TypingKey};
use super::{AppState, Modal};
use crate::model::Article;
use crate::review::Field;
use std::time::Instant;
use uuid::Uuid;

impl AppState {
    /// Carries out an editing command.
    pub(super) fn apply_edit(&mut self, command: Command) {
        if self.bundle.is_none() {
            return;
        }
        if let Some(reason) = &self.read_only
            && !matches!(command, Command::Undo | Command::Redo)
        {
            let reason = reason.clone();
            self.warn(reason);
            return;
        }
        match command {
            Command::NewArticle => {
                let mut article = Article::new_at("", (self.clock)());
                article.section = self
                    .bundle_sections()
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                let name = self.settings.editor_name.trim();
                if self.settings.byline_new_articles && !name.is_empty() {
                    article.bylines.push(crate::model::Byline::new(name, ""));
                }
                self.insert_after_selection(article, true);
                // A new article is written headline first.
                self.pending_field_cursor = Some((Field::Headline.label().to_owned(), 0, 0));
            }
            Command::DuplicateArticle => {
                let Some(draft) = self.draft.clone() else {
                    return;
                };
                // A new draft with the text: the original's published record (its workflow
                // log and its corrections to readers) is not the copy's.
                let mut copy = draft;
                copy.id = Uuid::new_v4();
                copy.status = crate::model::Status::Draft;
                copy.first_published = None;
                copy.workflow_log.clear();
                copy.corrections.clear();
                copy.created = (self.clock)();
                copy.updated = copy.created;
                let headline = copy.headline.chars().count();
                self.insert_after_selection(copy, true);
                // A copy is usually made to be retitled: its headline is selected.
                self.pending_field_cursor = Some((Field::Headline.label().to_owned(), 0, headline));
            }
            Command::DeleteArticle => {
                if let Some(draft) = &self.draft {
                    self.modal = Some(Modal::ConfirmDelete {
                        id: draft.id,
                        headline: draft.headline.clone(),
                    });
                }
            }
            Command::ConfirmDelete(id) => {
                let Some(bundle) = &mut self.bundle else {
                    return;
                };
                let index = bundle.ids().iter().position(|x| *x == id);
                if let (Some(index), Ok(article)) = (index, bundle.article(id).cloned()) {
                    self.run_step(Step::Delete {
                        index,
                        article: Box::new(article),
                    });
                }
            }
            Command::Undo => match self.undo.undo() {
                Some(step) => {
                    // Undoing a new article or a duplicate (made just after the selected one)
                    // gives the selection back to the article it was made beside.
                    let beside = match &step {
                        Step::Delete { index, .. } if *index > 0 => Some(index - 1),
                        _ => None,
                    };
                    self.perform(step);
                    if let Some(id) =
                        beside.and_then(|i| Some(self.bundle.as_ref()?.summary_at(i)?.id))
                    {
                        self.select(Some(id));
                    }
                }
                None => self.tell("Nothing to undo"),
            },
            Command::Redo => match self.undo.redo() {
                Some(step) => self.perform(step),
                None => self.tell("Nothing to redo"),
            },
            Command::SetStatus(status) => self.set_status(status, ""),
            Command::Kill(reason) => {
                self.modal = None;
                self.set_status(crate::model::Status::Killed, &reason);
            }
            Command::Format(markup) => self.format_body(markup),
            Command::ApplyFix(index) => self.apply_fix(index, false, None),
            Command::ApplyFixEverywhere(index) => self.apply_fix(index, true, None),
            Command::ApplyAlternative(index, word) => self.apply_fix(index, false, Some(word)),
            Command::Waive {
                rule,
                field,
                text,
                reason,
            } => self.waive(rule, field, text, reason),
            Command::WithdrawWaiver(index) => self.withdraw_waiver(index),
            Command::AddToDictionary(word) => self.add_to_dictionary(word),
            Command::AddSection(name) => self.add_section(name),
            Command::RestoreRevision(index) => self.restore_revision(index),
            Command::MoveUp | Command::MoveDown => {
                let (Some(id), Some(from)) = (self.selected, self.selected_index()) else {
                    return;
                };
                let to = if command == Command::MoveUp {
                    from.checked_sub(1)
                } else {
                    Some(from + 1)
                };
                if let Some(to) = to.filter(|to| *to < self.article_count()) {
                    self.run_step(Step::Move { id, from, to });
                }
            }
            _ => {}
        }
    }

    /// Records the working copy's change as an undo step and stores it in the bundle.
    /// `typing` names the field being typed in, so keystrokes coalesce.
    pub fn commit_draft(&mut self, typing: Option<&'static str>) {
        if typing == Some("headline") {
            self.slug_follows_headline();
        }
        if typing.is_some() {
            self.review.typed_at = Some(std::time::Instant::now());
        }
        let (Some(bundle), Some(draft)) = (&mut self.bundle, &mut self.draft) else {
            return;
        };
        let Ok(stored) = bundle.article(draft.id) else {
            return;
        };
        if stored == draft {
            return;
        }
        let facets_changed = stored.section != draft.section
            || stored.bylines != draft.bylines
            || stored.tags != draft.tags;
        let id = draft.id;
        let key = typing.map(|field| TypingKey { article: id, field });
        let now = Instant::now();
        // A keystroke that joins a run of typing keeps the run's "before": no copy is needed.
        let before =
            (!self.undo.continues_typing(key.as_ref(), now)).then(|| Box::new(stored.clone()));
        draft.updated = (self.clock)();
        if bundle.update_article(id, |a| a.assign_from(draft)).is_ok() {
            self.undo.record_edit(before, draft, key, now);
            self.edited(id, facets_changed);
        }
    }

    /// Until an article is first published, a slug still made from its headline follows the
    /// headline as it is rewritten (kept unique); a slug the editor wrote stays as written.
    fn slug_follows_headline(&mut self) {
        use crate::model::slug;
        let (Some(bundle), Some(draft)) = (&mut self.bundle, &mut self.draft) else {
            return;
        };
        let Ok(stored) = bundle.article(draft.id) else {
            return;
        };
        let follows = draft.first_published.is_none()
            && draft.slug == stored.slug
            && slug::follows_headline(&stored.slug, &stored.headline, draft.id);
        if follows {
            let id = draft.id;
            // The review's map of slugs, not a scan of every article on each keystroke.
            let project = self.review.project_facts(bundle);
            draft.slug = slug::unique_slug(&slug::slug_for(&draft.headline, id), |s| {
                project
                    .slug_owners
                    .get(s)
                    .is_some_and(|holders| holders.iter().any(|other| *other != id))
            });
        }
    }

    /// Applies a step (a new one, or an undo or redo) to the bundle, opening the article it
    /// changed.
    pub(super) fn perform(&mut self, step: Step) {
        self.apply_step(step, true);
    }

    /// Applies a step to the bundle; `opens` says whether the article it changed is opened, or
    /// the open one stays as it is (its editor, its review and its history pane).
    fn apply_step(&mut self, step: Step, opens: bool) {
        let now = (self.clock)();
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        let Some(id) = step.article_id() else {
            if let Step::Project { after, refiled, .. } = step {
                *bundle.project_mut() = *after;
                self.review.invalidate();
                self.mark_unsaved();
                self.refile(&refiled);
            }
            return;
        };
        // The text an undone or redone edit changed, to be selected where the editor shows it.
        let mut changed = None;
        let result = match step {
            // An undone or redone edit is a change made now: the article's last update (and the
            // revision its next save records) says so, and the history stays in time order.
            Step::Edit { after, .. } => bundle
                .update_article(id, |a| {
                    changed = super::undo::changed_text(a, &after);
                    *a = *after;
                    a.updated = now;
                })
                .map(|_| Some(id)),
            Step::Insert { index, article } => bundle
                .insert_article(*article)
                .and_then(|id| bundle.move_article(id, index).map(|()| Some(id))),
            Step::Delete { index, .. } => {
                let neighbour = list_neighbour(&self.visible, index)
                    .map(|shown| shown.and_then(|i| Some(bundle.summary_at(i)?.id)));
                bundle.remove_article(id).map(|_| {
                    neighbour.unwrap_or_else(|| {
                        let ids = bundle.ids();
                        ids.get(index.min(ids.len().saturating_sub(1))).copied()
                    })
                })
            }
            Step::Move { to, .. } => bundle.move_article(id, to).map(|()| Some(id)),
            Step::Project { .. } => Ok(None),
        };
        match result {
            Ok(select) => {
                if opens {
                    self.select(select);
                } else {
                    // The project's slugs and tags changed under the open article.
                    self.review.invalidate();
                }
                self.edited(id, true);
                if let Some((field, span)) = changed {
                    self.select_in_editor(field, field.label().to_owned(), span);
                }
            }
            Err(error) => self.warn(error.to_string()),
        }
    }

    /// Files the articles of each renamed section under its new name (the open one's draft
    /// too); their last update stays, as a refiling is the desk's, not the story's.
    fn refile(&mut self, refiled: &[Refiling]) {
        let Some(bundle) = &mut self.bundle else {
            return;
        };
        let mut touched = Vec::new();
        let mut failed = None;
        for refiling in refiled {
            for id in &refiling.articles {
                let moved = bundle.update_article(*id, |article| {
                    if article.section == refiling.from {
                        article.section = refiling.to.clone();
                    }
                });
                match moved {
                    Ok(_) => touched.push(*id),
                    Err(error) => failed = Some(error.to_string()),
                }
            }
            if let Some(draft) = &mut self.draft
                && refiling.articles.contains(&draft.id)
                && draft.section == refiling.from
            {
                draft.section = refiling.to.clone();
            }
            // The list's section filter follows the section too.
            if self.filter.section.as_ref() == Some(&refiling.from) {
                self.filter.section = Some(refiling.to.clone());
            }
        }
        for id in touched {
            self.edited(id, true);
        }
        if let Some(error) = failed {
            self.warn(format!("Some articles could not be refiled: {error}"));
        }
    }

    /// Adds `article` just after the selected one (or at the end), as an undoable step, and
    /// opens it when `opens` (else the open article stays open, and the list keeps its search).
    pub(super) fn insert_after_selection(&mut self, article: Article, opens: bool) {
        if opens {
            self.reveal_new = Some((article.id, Instant::now()));
        }
        let index = self
            .selected_index()
            .map_or(self.article_count(), |i| i + 1);
        let step = Step::Insert {
            index,
            article: Box::new(article),
        };
        self.run_step_opening(step, opens);
    }

    /// Performs a new step and records it.
    pub(super) fn run_step(&mut self, step: Step) {
        self.run_step_opening(step, true);
    }

    /// Performs a new step and records it; `opens` as for [`Self::apply_step`].
    fn run_step_opening(&mut self, step: Step, opens: bool) {
        self.undo.record(step.clone(), None, Instant::now());
        self.apply_step(step, opens);
    }

    /// Notes that article `id` changed; `facets` when its section or bylines may have changed
    /// (the list's filter menus are rebuilt from all 10,000 articles only then).
    fn edited(&mut self, id: Uuid, facets: bool) {
        self.note_list_edit(id);
        self.facets_stale |= facets;
        self.search_stale.push(id);
        self.mark_unsaved();
    }

    pub(super) fn mark_unsaved(&mut self) {
        let now = Instant::now();
        self.last_edit = Some(now);
        self.unjournaled_since.get_or_insert(now);
    }

    fn selected_index(&self) -> Option<usize> {
        let id = self.selected?;
        self.bundle.as_ref()?.ids().iter().position(|x| *x == id)
    }

    fn article_count(&self) -> usize {
        self.bundle.as_ref().map_or(0, |b| b.len())
    }

    fn bundle_sections(&self) -> Vec<String> {
        self.bundle
            .as_ref()
            .map(|b| b.project().settings.sections.clone())
            .unwrap_or_default()
    }
}

/// The article that takes the place of the one at `index` when it goes: the one below it in the
/// list as shown (`visible`, searched, filtered and sorted), or above it when it was the last;
/// `Some(None)` when the list showed it alone, and `None` when the list did not show it.
fn list_neighbour(visible: &[usize], index: usize) -> Option<Option<usize>> {
    let at = visible.iter().position(|&shown| shown == index)?;
    let below = visible.get(at + 1);
    let above = at.checked_sub(1).and_then(|above| visible.get(above));
    Some(below.or(above).copied())
}
