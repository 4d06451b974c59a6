//! Application-level undo and redo: every edit, including structural ones, as a reversible step.
//! Typing in one field is coalesced into one step until a pause or a change of field.

use crate::model::Article;
use crate::review::Field;
use std::ops::Range;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Typing pauses longer than this start a new undo step.
pub const COALESCE_WINDOW: Duration = Duration::from_millis(1200);
/// Steps kept; older ones are dropped.
pub const MAX_STEPS: usize = 300;

/// One reversible change.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// An article's fields changed.
    Edit {
        /// The article as it was.
        before: Box<Article>,
        /// The article as it became.
        after: Box<Article>,
    },
    /// An article was added at `index`.
    Insert {
        /// Its position in the order.
        index: usize,
        /// The article.
        article: Box<Article>,
    },
    /// An article was removed from `index`.
    Delete {
        /// Its position in the order.
        index: usize,
        /// The article.
        article: Box<Article>,
    },
    /// The project's settings changed (a word added to the dictionary, a section renamed, …).
    Project {
        /// The project as it was.
        before: Box<crate::model::Project>,
        /// The project as it became.
        after: Box<crate::model::Project>,
        /// The articles refiled with their renamed sections.
        refiled: Vec<Refiling>,
    },
    /// An article moved in the order.
    Move {
        /// The article.
        id: Uuid,
        /// Where it was.
        from: usize,
        /// Where it went.
        to: usize,
    },
}

impl Step {
    /// The step that reverses this one.
    pub fn inverse(&self) -> Step {
        match self.clone() {
            Step::Edit { before, after } => Step::Edit {
                before: after,
                after: before,
            },
            Step::Insert { index, article } => Step::Delete { index, article },
            Step::Delete { index, article } => Step::Insert { index, article },
            Step::Project {
                before,
                after,
                refiled,
            } => Step::Project {
                before: after,
                after: before,
                refiled: refiled.into_iter().map(Refiling::inverse).collect(),
            },
            Step::Move { id, from, to } => Step::Move {
                id,
                from: to,
                to: from,
            },
        }
    }

    /// The article the step is about; none for a change of the project.
    pub fn article_id(&self) -> Option<Uuid> {
        match self {
            Step::Edit { after, .. } => Some(after.id),
            Step::Insert { article, .. } | Step::Delete { article, .. } => Some(article.id),
            Step::Move { id, .. } => Some(*id),
            Step::Project { .. } => None,
        }
    }
}

/// The articles a renamed section took along: filed under `from`, refiled under `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Refiling {
    /// The section's name before.
    pub from: String,
    /// Its new name.
    pub to: String,
    /// The articles that were filed under `from`.
    pub articles: Vec<Uuid>,
}

impl Refiling {
    /// The refiling that takes the articles back.
    fn inverse(self) -> Refiling {
        Refiling {
            from: self.to,
            to: self.from,
            articles: self.articles,
        }
    }
}

/// What a run of typing is in: one field of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypingKey {
    /// The article.
    pub article: Uuid,
    /// The field's name.
    pub field: &'static str,
}

/// The undo and redo stacks.
#[derive(Debug, Default)]
pub struct UndoStack {
    undo: Vec<Step>,
    redo: Vec<Step>,
    typing: Option<(TypingKey, Instant)>,
}

impl UndoStack {
    /// Every version of an article that Undo or Redo could bring back.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.undo
            .iter()
            .chain(&self.redo)
            .flat_map(|step| match step {
                Step::Edit { before, after } => vec![before.as_ref(), after.as_ref()],
                Step::Insert { article, .. } | Step::Delete { article, .. } => {
                    vec![article.as_ref()]
                }
                Step::Project { .. } | Step::Move { .. } => Vec::new(),
            })
    }

    /// Records a step; `typing` coalesces it with the previous step of the same run of typing.
    pub fn record(&mut self, step: Step, typing: Option<TypingKey>, now: Instant) {
        self.redo.clear();
        let continues = self.continues_typing(typing.as_ref(), now);
        match (self.undo.last_mut(), step) {
            // A keystroke in the same run: the run's step now ends where this one does.
            (
                Some(Step::Edit { after, .. }),
                Step::Edit {
                    after: new_after, ..
                },
            ) if continues => {
                *after = new_after;
            }
            (_, step) => {
                self.undo.push(step);
                if self.undo.len() > MAX_STEPS {
                    self.undo.remove(0);
                }
            }
        }
        self.typing = typing.map(|key| (key, now));
    }

    /// Records an edit of one article: `before` is `None` when the edit joins the current run
    /// of typing (see [`Self::continues_typing`]), whose step then ends at `after`.
    pub fn record_edit(
        &mut self,
        before: Option<Box<Article>>,
        after: &Article,
        typing: Option<TypingKey>,
        now: Instant,
    ) {
        match before {
            Some(before) => {
                let after = Box::new(after.clone());
                self.record(Step::Edit { before, after }, typing, now);
            }
            None => {
                self.redo.clear();
                if let Some(Step::Edit { after: last, .. }) = self.undo.last_mut() {
                    last.assign_from(after);
                }
                self.typing = typing.map(|key| (key, now));
            }
        }
    }

    /// Whether a keystroke with `typing` at `now` joins the current run of typing (its
    /// [`Step::Edit`] would be merged into the last one).
    pub fn continues_typing(&self, typing: Option<&TypingKey>, now: Instant) -> bool {
        match (typing, &self.typing, self.undo.last()) {
            (Some(key), Some((last_key, at)), Some(Step::Edit { .. })) => {
                key == last_key && now.duration_since(*at) < COALESCE_WINDOW
            }
            _ => false,
        }
    }

    /// Ends the current run of typing, so the next keystroke starts a new step.
    pub fn break_typing(&mut self) {
        self.typing = None;
    }

    /// The step to apply to undo the last change (moved to the redo stack).
    pub fn undo(&mut self) -> Option<Step> {
        self.typing = None;
        let step = self.undo.pop()?;
        self.redo.push(step.clone());
        Some(step.inverse())
    }

    /// The step to apply to redo the last undone change.
    pub fn redo(&mut self) -> Option<Step> {
        self.typing = None;
        let step = self.redo.pop()?;
        self.undo.push(step.clone());
        Some(step)
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new project was opened).
    pub fn clear(&mut self) {
        *self = UndoStack::default();
    }
}

/// The free-text fields an undone or redone edit shows its change in, in the editor's order.
const TEXT_FIELDS: [Field; 8] = [
    Field::Headline,
    Field::SeoTitle,
    Field::SocialTitle,
    Field::Standfirst,
    Field::Slugline,
    Field::Slug,
    Field::EditorsNote,
    Field::Body,
];

/// The first free-text field that differs between `from` and `to`, and the characters of `to`'s
/// text that the difference covers (empty where text was only removed, or at its start where it
/// runs across paragraphs, as a Replace all does): what Undo and Redo select, so the editor
/// sees what they changed.
pub fn changed_text(from: &Article, to: &Article) -> Option<(Field, Range<usize>)> {
    use crate::text_diff::{common_prefix, common_suffix};
    TEXT_FIELDS.into_iter().find_map(|field| {
        let (old, new) = (field.text(from)?, field.text(to)?);
        if old == new {
            return None;
        }
        let prefix = common_prefix(old, new);
        let suffix = common_suffix(old, new, prefix);
        let start = new[..prefix].chars().count();
        let changed = &new[prefix..new.len() - suffix];
        let end = if changed.contains('\n') {
            start
        } else {
            start + changed.chars().count()
        };
        Some((field, start..end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(from: &str, to: &str) -> Step {
        let mut before = Article::new(from);
        before.id = Uuid::nil();
        let mut after = before.clone();
        after.headline = to.into();
        Step::Edit {
            before: Box::new(before),
            after: Box::new(after),
        }
    }

    fn key(field: &'static str) -> Option<TypingKey> {
        Some(TypingKey {
            article: Uuid::nil(),
            field,
        })
    }

    #[test]
    fn typing_coalesces_until_a_pause_or_another_field() {
        let mut stack = UndoStack::default();
        let t0 = Instant::now();
        stack.record(edit("", "a"), key("headline"), t0);
        stack.record(
            edit("a", "ab"),
            key("headline"),
            t0 + Duration::from_millis(300),
        );
        stack.record(
            edit("ab", "abc"),
            key("standfirst"),
            t0 + Duration::from_millis(600),
        );
        stack.record(
            edit("abc", "abcd"),
            key("standfirst"),
            t0 + Duration::from_secs(5),
        );
        assert_eq!(stack.undo.len(), 3);
        let Some(Step::Edit { after, .. }) = stack.undo() else {
            panic!()
        };
        assert_eq!(after.headline, "abc");
        stack.undo();
        let Some(Step::Edit { before, after }) = stack.undo() else {
            panic!()
        };
        assert_eq!(
            (before.headline.as_str(), after.headline.as_str()),
            ("ab", "")
        );
        assert!(!stack.can_undo() && stack.can_redo());
        let Some(Step::Edit { after, .. }) = stack.redo() else {
            panic!()
        };
        assert_eq!(after.headline, "ab");
    }

    #[test]
    fn a_new_change_clears_redo_and_inverses_are_exact() {
        let mut stack = UndoStack::default();
        let now = Instant::now();
        stack.record(edit("a", "b"), None, now);
        stack.undo();
        stack.record(edit("a", "c"), None, now);
        assert!(!stack.can_redo());
        let insert = Step::Insert {
            index: 2,
            article: Box::new(Article::new("x")),
        };
        assert_eq!(insert.inverse().inverse(), insert);
        assert!(matches!(insert.inverse(), Step::Delete { index: 2, .. }));
    }

    #[test]
    fn undo_and_redo_select_the_text_they_changed() {
        let mut before = Article::new("Kremlin talks");
        before.body = "They gave no public comment.\n\nNext.".into();
        let mut after = before.clone();
        after.body = "They gave no ***public*** comment.\n\nNext.".into();
        // Undoing the bold selects the word it gave back; redoing it selects the markers too.
        assert_eq!(
            changed_text(&after, &before),
            Some((Field::Body, 13..13 + "public".len()))
        );
        assert_eq!(changed_text(&before, &after), Some((Field::Body, 13..25)));
        // Text only removed leaves the cursor where it was; characters, not bytes, are counted.
        after.body = before.body.clone();
        after.headline = "Kremlin – talks".into();
        assert_eq!(changed_text(&after, &before), Some((Field::Headline, 8..8)));
        assert_eq!(
            changed_text(&before, &after),
            Some((Field::Headline, 8..10))
        );
        after.headline = "Kremlin talké".into();
        assert_eq!(
            changed_text(&before, &after),
            Some((Field::Headline, 12..13))
        );
        // Changes in several paragraphs (a Replace all) put the cursor at the first.
        let mut replaced = before.clone();
        replaced.body = "They gave no comment.\n\nNone.".into();
        assert_eq!(
            changed_text(&before, &replaced),
            Some((Field::Body, 13..13))
        );
        // The first field in the editor's order wins; a change elsewhere selects nothing.
        after.slug = "other".into();
        assert_eq!(
            changed_text(&before, &after).map(|(f, _)| f),
            Some(Field::Headline)
        );
        let mut status_only = before.clone();
        status_only.status = crate::model::Status::Ready;
        assert_eq!(changed_text(&before, &status_only), None);
    }
}
