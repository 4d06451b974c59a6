//! What each revision of an article changed from the one before, in a few words ("body (+12
//! words), tags"), read from the history's stored fields and line edits without rebuilding
//! every revision's article; and the sittings that group the saves made in one stretch of work.

use crate::history::{History, LineEdit};
use std::ops::Range;

/// Saves further apart than this, in minutes, start a new sitting.
pub const SITTING_GAP_MINUTES: i64 = 10;
/// The longest a sitting lasts, in minutes: a day of unbroken work shows as several rows.
pub const SITTING_SPAN_MINUTES: i64 = 60;

/// What one revision changed from the one before (nothing, for the first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    /// Whether its body differs from the one before.
    pub body: bool,
    /// The other fields that differ, by name, in the model's order.
    pub fields: Vec<&'static str>,
}

/// For each revision from the `first`th on, what it changed from the one before.
pub fn changed_from(history: &History, first: usize) -> Vec<Changed> {
    (first..history.revisions.len())
        .map(|index| changed_at(history, index))
        .collect()
}

/// What the revisions of `range` changed together from the revision before them, in a few
/// words; `changed` holds what each revision of the history changed, oldest first.
pub fn describe(history: &History, range: Range<usize>, changed: &[Changed]) -> String {
    if range.start == 0 {
        let later = describe_changes(history, 1..range.end.max(1), changed);
        return match later {
            Some(later) => format!("First revision, then changed: {later}"),
            None => "First revision".to_owned(),
        };
    }
    match describe_changes(history, range, changed) {
        Some(changes) => format!("Changed: {changes}"),
        None => "No change to the text or the fields".to_owned(),
    }
}

/// The fields the revisions of `range` (none of them the first) changed, the body first with
/// its gain or loss of words; none when they changed nothing.
fn describe_changes(history: &History, range: Range<usize>, changed: &[Changed]) -> Option<String> {
    let (Some(before), Some(after)) = (
        range
            .start
            .checked_sub(1)
            .and_then(|i| history.revisions.get(i)),
        range
            .end
            .checked_sub(1)
            .and_then(|i| history.revisions.get(i)),
    ) else {
        return None;
    };
    let mut parts: Vec<String> = Vec::new();
    let changes = changed.get(range.clone()).unwrap_or_default();
    if changes.iter().any(|change| change.body) {
        let words = after.words as i64 - before.words as i64;
        parts.push(match words {
            0 => "body".to_owned(),
            1.. => format!(
                "body (+{})",
                crate::model::plural::counted(words as usize, "word")
            ),
            _ => format!(
                "body (−{})",
                crate::model::plural::counted(words.unsigned_abs() as usize, "word")
            ),
        });
    }
    let mut fields: Vec<&'static str> = Vec::new();
    for field in changes.iter().flat_map(|change| &change.fields) {
        if !fields.contains(field) {
            fields.push(field);
        }
    }
    parts.extend(fields.into_iter().map(str::to_owned));
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The history's sittings, oldest first: runs of saves by one editor in one status, each
/// within [`SITTING_GAP_MINUTES`] of the one before and all within [`SITTING_SPAN_MINUTES`]
/// of the first, as autosaves come while an editor works.
pub fn sittings(history: &History) -> Vec<Range<usize>> {
    let revisions = &history.revisions;
    let mut sittings: Vec<Range<usize>> = Vec::new();
    for index in 0..revisions.len() {
        let joins = sittings.last().is_some_and(|sitting| {
            let (first, last, this) = (
                &revisions[sitting.start],
                &revisions[index - 1],
                &revisions[index],
            );
            let gap = (this.at - last.at).num_seconds();
            this.editor == last.editor
                && this.status == last.status
                && (0..=SITTING_GAP_MINUTES * 60).contains(&gap)
                && (this.at - first.at).num_seconds() <= SITTING_SPAN_MINUTES * 60
        });
        match sittings.last_mut() {
            Some(sitting) if joins => sitting.end = index + 1,
            _ => sittings.push(index..index + 1),
        }
    }
    sittings
}

/// What revision `index` changed from the one before.
fn changed_at(history: &History, index: usize) -> Changed {
    let Some(previous) = index.checked_sub(1) else {
        return Changed::default();
    };
    let (old, new) = (&history.revisions[previous], &history.revisions[index]);
    Changed {
        body: body_changed(history, index),
        fields: crate::model::changes::changed_in(&old.fields, &new.fields),
    }
}

/// Whether revision `index` has another body than the one before.
fn body_changed(history: &History, index: usize) -> bool {
    match &history.revisions[index].body_edits {
        Some(edits) => edits.iter().any(|edit| !matches!(edit, LineEdit::Keep(_))),
        // A whole snapshot: compared with the body before it.
        None => !history.same_body(index, index - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Status};

    /// For each revision, oldest first, what it changed from the one before, in words, as the
    /// pane's row of each says.
    fn changes_by_revision(history: &History) -> Vec<String> {
        let changed = changed_from(history, 0);
        (0..history.revisions.len())
            .map(|index| describe(history, index..index + 1, &changed))
            .collect()
    }

    /// An article's history of two revisions: a three-word body, then two words and a tag more.
    fn two_revisions() -> (History, Article) {
        let mut history = History::new(uuid::Uuid::new_v4());
        let mut article = Article::new("Talks resume");
        article.body = "One two three.".into();
        assert!(history.record(&article, "Ana"));
        article.body.push_str(" Four five.");
        article.tags.push("Diplomacy".into());
        assert!(history.record(&article, "Ana"));
        (history, article)
    }

    #[test]
    fn each_revision_says_what_it_changed() {
        let (mut history, mut article) = two_revisions();
        article.slugline = "TALKS".into();
        article.updated = "2030-01-01T00:00:00Z".parse().unwrap();
        assert!(history.record(&article, "Ana"));
        article.body = "One.".into();
        assert!(history.record(&article, "Ana"));
        // A revision the same but for its time, as older versions recorded after an undo.
        let mut again = history.revisions.last().unwrap().clone();
        again.at = "2031-01-01T00:00:00Z".parse().unwrap();
        again.body = None;
        again.body_edits = Some(vec![LineEdit::Keep(1)]);
        history.revisions.push(again);
        assert_eq!(
            changes_by_revision(&history),
            [
                "First revision",
                "Changed: body (+2 words), tags",
                "Changed: slugline",
                "Changed: body (−4 words)",
                "No change to the text or the fields",
            ]
        );
    }

    /// A history of saves by the given editors, statuses and minutes after the first, a word
    /// added to the body each time.
    fn saved_at(saves: &[(&str, Status, i64)]) -> History {
        let mut history = History::new(uuid::Uuid::new_v4());
        let mut article = Article::new("Sittings");
        let start: chrono::DateTime<chrono::Utc> = "2030-01-01T09:00:00Z".parse().unwrap();
        for (editor, status, minutes) in saves {
            article.body.push_str(" word");
            article.status = *status;
            article.updated = start + chrono::Duration::minutes(*minutes);
            assert!(history.record(&article, editor));
        }
        history
    }

    #[test]
    fn saves_by_one_editor_a_few_minutes_apart_make_one_sitting() {
        use Status::{Draft, Editing};
        let history = saved_at(&[
            ("Ana", Draft, 0),
            ("Ana", Draft, 2),
            ("Ana", Draft, 11),
            // More than ten minutes after the one before.
            ("Ana", Draft, 22),
            // Another editor, then another status.
            ("Ben", Draft, 23),
            ("Ben", Editing, 24),
            ("Ben", Editing, 30),
            // Every few minutes for more than an hour: a new sitting after the hour.
            ("Ben", Editing, 38),
            ("Ben", Editing, 46),
            ("Ben", Editing, 54),
            ("Ben", Editing, 62),
            ("Ben", Editing, 70),
            ("Ben", Editing, 78),
            ("Ben", Editing, 86),
            // An earlier time than the save before (a restored revision keeps its time).
            ("Ben", Editing, 80),
        ]);
        assert_eq!(
            sittings(&history),
            [0..3, 3..4, 4..5, 5..13, 13..14, 14..15]
        );
        assert!(sittings(&History::new(uuid::Uuid::new_v4())).is_empty());
    }

    #[test]
    fn a_sitting_says_what_its_saves_changed_together() {
        let (mut history, mut article) = two_revisions();
        article.slugline = "TALKS".into();
        assert!(history.record(&article, "Ana"));
        article.body = "One two three.".into();
        article.tags.push("Kremlin".into());
        assert!(history.record(&article, "Ana"));
        let changed = changed_from(&history, 0);
        let describe = |range| describe(&history, range, &changed);
        assert_eq!(describe(1..4), "Changed: body, tags, slugline");
        assert_eq!(describe(1..3), "Changed: body (+2 words), tags, slugline");
        assert_eq!(describe(2..3), "Changed: slugline");
        assert_eq!(
            describe(0..2),
            "First revision, then changed: body (+2 words), tags"
        );
        assert_eq!(describe(0..1), "First revision");
    }

    #[test]
    fn a_snapshot_revision_is_compared_with_the_body_before_it() {
        let mut history = History::new(uuid::Uuid::new_v4());
        let mut article = Article::new("Count");
        for n in 0..crate::history::SNAPSHOT_EVERY + 1 {
            article.headline = format!("Count {n}");
            assert!(history.record(&article, ""));
        }
        let snapshot = crate::history::SNAPSHOT_EVERY;
        assert!(
            history.revisions[snapshot].body.is_some(),
            "a whole snapshot"
        );
        assert_eq!(changes_by_revision(&history)[snapshot], "Changed: headline");
        article.body = "New text.".into();
        assert!(history.record(&article, ""));
        assert_eq!(
            changes_by_revision(&history)[snapshot + 1],
            "Changed: body (+2 words)"
        );
    }
}
