//! What each revision of an article changed from the one before, in a few words ("body (+12
//! words), tags"), read from the history's stored fields and line edits without rebuilding
//! every revision's article.

use crate::history::{History, LineEdit};

/// For each revision, oldest first, what it changed from the one before.
pub fn changes_by_revision(history: &History) -> Vec<String> {
    changes_from(history, 0)
}

/// For each revision from the `first`th on, what it changed from the one before.
pub fn changes_from(history: &History, first: usize) -> Vec<String> {
    (first..history.revisions.len())
        .map(|index| changes_at(history, index))
        .collect()
}

/// What revision `index` changed from the one before.
fn changes_at(history: &History, index: usize) -> String {
    let Some(previous) = index.checked_sub(1) else {
        return "First revision".to_owned();
    };
    let (old, new) = (&history.revisions[previous], &history.revisions[index]);
    let mut changed: Vec<String> = Vec::new();
    if body_changed(history, index) {
        let words = new.words as i64 - old.words as i64;
        changed.push(match words {
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
    changed.extend(
        crate::model::changes::changed_in(&old.fields, &new.fields)
            .into_iter()
            .map(str::to_owned),
    );
    if changed.is_empty() {
        "No change to the text or the fields".to_owned()
    } else {
        format!("Changed: {}", changed.join(", "))
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
    use crate::model::Article;

    #[test]
    fn each_revision_says_what_it_changed() {
        let mut history = History::new(uuid::Uuid::new_v4());
        let mut article = Article::new("Talks resume");
        article.body = "One two three.".into();
        assert!(history.record(&article, "Ana"));
        article.body.push_str(" Four five.");
        article.tags.push("Diplomacy".into());
        assert!(history.record(&article, "Ana"));
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
