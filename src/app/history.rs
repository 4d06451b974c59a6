//! The revision history pane's state: the open article's revisions, a comparison, restoring.

use super::AppState;
use crate::history::{History, WordDiff, word_diff};

/// The word diff of one text field between two revisions.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff {
    /// The field's name ("Headline", "Standfirst", "Body").
    pub field: &'static str,
    /// Its runs of unchanged, removed and added text.
    pub runs: WordDiff,
}

/// The history of the open article, loaded when the pane shows it.
#[derive(Debug, Default)]
pub struct HistoryView {
    /// The loaded history (none until the pane asks).
    pub history: Option<History>,
    /// Why the history could not be read.
    pub error: Option<String>,
    /// The two revisions compared, older first, and the word diffs of the text fields that
    /// differ (headline, standfirst, body; none when all three are the same).
    pub comparison: Option<((usize, usize), Vec<FieldDiff>)>,
    /// The revisions chosen in the pane's "From" and "To" boxes.
    pub chosen: Option<(usize, usize)>,
    /// The fields besides the text that differ between the compared revisions, each with how
    /// it changed where that is short to say.
    pub other_changes: Vec<String>,
    /// What each revision changed from the one before, oldest first.
    pub changed: Vec<crate::history_changes::Changed>,
    /// The runs of revisions saved in one sitting, oldest first; the pane shows each as a row.
    pub sittings: Vec<std::ops::Range<usize>>,
    /// The sittings the pane shows save by save, by their first revision.
    pub opened: std::collections::BTreeSet<usize>,
}

impl HistoryView {
    /// Forgets the loaded history (another article was selected, or a save added a revision).
    pub fn forget(&mut self) {
        *self = HistoryView::default();
    }

    /// The revisions compared until the editor chooses others, older first: what the newest
    /// sitting changed, from the revision before it to the latest (from the first, when the
    /// history is one sitting); none without two revisions.
    pub fn default_comparison(&self) -> Option<(usize, usize)> {
        let newest = self.sittings.last()?;
        let pair = (newest.start.saturating_sub(1), newest.end - 1);
        (pair.0 < pair.1).then_some(pair)
    }
}

impl AppState {
    /// After a save: the history shown takes in the revisions the save added from the history
    /// the bundle kept, without reading the file again (4.7 ms for 500 revisions of a 20,000-word
    /// article); read again when the bundle kept none, or another one. A new revision moves the
    /// comparison shown by default on to what the newest sitting changed.
    pub fn history_after_save(&mut self) {
        let view = &mut self.history;
        let default_before = view.default_comparison();
        let kept = match (&self.bundle, self.selected) {
            (Some(bundle), Some(id)) => bundle.kept_history(id),
            _ => None,
        };
        let Some(shown) = view.history.as_mut() else {
            return view.forget();
        };
        let count = shown.revisions.len();
        if !kept.is_some_and(|kept| shown.catch_up(kept)) {
            return view.forget();
        }
        if shown.revisions.len() > count {
            let added = crate::history_changes::changed_from(shown, count);
            view.changed.extend(added);
            view.sittings = crate::history_changes::sittings(shown);
            // The comparison shown by default moves on with the newest sitting; one the editor
            // chose stays.
            if view
                .chosen
                .is_none_or(|(a, b)| Some((a.min(b), a.max(b))) == default_before)
            {
                view.comparison = None;
                view.chosen = None;
                view.other_changes.clear();
            }
        }
    }

    /// Loads the open article's history when it is not loaded yet.
    pub fn load_history(&mut self) {
        if self.history.history.is_some() || self.history.error.is_some() {
            return;
        }
        let (Some(bundle), Some(id)) = (&self.bundle, self.selected) else {
            return;
        };
        match History::load(bundle.root(), id) {
            Ok(history) => {
                self.history.changed = crate::history_changes::changed_from(&history, 0);
                self.history.sittings = crate::history_changes::sittings(&history);
                self.history.history = Some(history);
            }
            Err(error) => self.history.error = Some(error.to_string()),
        }
    }

    /// Compares two revisions word by word.
    pub fn compare_revisions(&mut self, a: usize, b: usize) {
        self.load_history();
        let Some(history) = &self.history.history else {
            return;
        };
        let (old, new) = (a.min(b), a.max(b));
        let (runs, others) = match (history.article_at(old), history.article_at(new)) {
            (Ok(before), Ok(after)) => (
                compared_fields(&before, &after),
                crate::model::changes::described_changes(&before, &after),
            ),
            _ => {
                self.warn(format!(
                    "Revision {} or {} could not be read",
                    old + 1,
                    new + 1
                ));
                (Vec::new(), Vec::new())
            }
        };
        self.history.other_changes = others;
        self.history.comparison = Some(((old, new), runs));
        // The From and To boxes show what is compared.
        self.history.chosen = Some((old, new));
    }

    /// Restores the open article's text and metadata to a revision, as one undoable edit; its
    /// status, corrections, waivers and workflow record stay as they are.
    pub fn restore_revision(&mut self, index: usize) {
        self.load_history();
        let Some(history) = &self.history.history else {
            return;
        };
        match history.article_at(index) {
            Ok(mut restored) => {
                let when = history.revisions[index].at;
                // The revision's text and metadata come back; where the article stands in the
                // workflow, and the record of it, stay: its status moves only through the
                // workflow, and a correction or a waiver once made is not unmade by an old text.
                if let Some(draft) = &self.draft {
                    restored.id = draft.id;
                    restored.status = draft.status;
                    restored.created = draft.created;
                    restored.first_published = draft.first_published;
                    restored.workflow_log = draft.workflow_log.clone();
                    restored.corrections = draft.corrections.clone();
                    restored.waivers = draft.waivers.clone();
                    restored.updated = draft.updated;
                    if restored == *draft {
                        self.tell(format!("The article is already as revision {}", index + 1));
                        return;
                    }
                }
                self.draft = Some(restored);
                self.undo.break_typing();
                self.commit_draft(None);
                self.tell(format!(
                    "Restored the revision of {}",
                    when.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
                ));
            }
            Err(error) => self.warn(format!("Could not restore: {error}")),
        }
    }
}

/// The word diffs of the text fields that differ between two revisions, each under its name,
/// so a change shows in its field.
fn compared_fields(
    before: &crate::model::Article,
    after: &crate::model::Article,
) -> Vec<FieldDiff> {
    use crate::review::Field;
    [Field::Headline, Field::Standfirst, Field::Body]
        .into_iter()
        .filter_map(|field| {
            let (old, new) = (field.text(before)?, field.text(after)?);
            (old != new).then(|| FieldDiff {
                field: field.label(),
                runs: word_diff(old, new),
            })
        })
        .collect()
}
