//! Tags written as the project writes them: a tag in other capitals than the other articles'
//! ("ukraine" where they write "Ukraine"), or given twice to one article.

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::Article;
use crate::model::plural::counted;
use std::collections::HashMap;
use uuid::Uuid;

/// The tags in use, by their form in small letters: each way they are written, with the
/// articles that write them so.
pub type TagSpellings = HashMap<String, Vec<(String, Vec<Uuid>)>>;

/// Adds the tags of article `id` to `spellings`.
pub fn note(spellings: &mut TagSpellings, tags: &[String], id: Uuid) {
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let ways = spellings.entry(tag.to_lowercase()).or_default();
        match ways.iter_mut().find(|(way, _)| way == tag) {
            Some((_, ids)) => ids.push(id),
            None => ways.push((tag.to_owned(), vec![id])),
        }
    }
}

/// Flags a tag written otherwise by more of the project's other articles than write it this
/// way, and a tag the article has twice in different capitals.
pub fn tags_consistent(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let finding = |message| Finding::new("tags.consistent", level, Field::Tags, message);
    let others = |ids: &[Uuid]| ids.iter().filter(|id| **id != a.id).count();
    let mut seen: Vec<(String, &str)> = Vec::new();
    for tag in a.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let key = tag.to_lowercase();
        if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == key) {
            out.push(finding(format!(
                "\u{201c}{tag}\u{201d} repeats the tag \u{201c}{first}\u{201d} in other capitals"
            )));
            continue;
        }
        let ways = c
            .project
            .tag_spellings
            .get(&key)
            .map_or(&[][..], Vec::as_slice);
        let mine = ways
            .iter()
            .find(|(way, _)| way == tag)
            .map_or(0, |(_, ids)| others(ids));
        let usual = ways
            .iter()
            .filter(|(way, _)| way != tag)
            .map(|(way, ids)| (way, others(ids)))
            .max_by_key(|(_, count)| *count);
        if let Some((usual, count)) = usual
            && count > mine
        {
            out.push(finding(format!(
                "The tag \u{201c}{tag}\u{201d} is written \u{201c}{usual}\u{201d} in {}: remove it \
                 and add \u{201c}{usual}\u{201d}",
                counted(count, "other article")
            )));
        }
        seen.push((key, tag));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProjectSettings;

    /// The findings of this rule for an article tagged `tags`, in a project whose other
    /// articles are tagged `others`.
    fn findings(tags: &[&str], others: &[&[&str]]) -> Vec<String> {
        let mut article = Article::new("Talks");
        article.tags = tags.iter().map(|t| t.to_string()).collect();
        let mut project = super::super::ProjectFacts::default();
        note(&mut project.tag_spellings, &article.tags, article.id);
        for tags in others {
            let tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
            note(&mut project.tag_spellings, &tags, Uuid::new_v4());
        }
        let settings = ProjectSettings::default();
        let context = CheckContext {
            settings: &settings,
            now: chrono::Utc::now(),
            project: &project,
            assets: None,
        };
        let mut out = Vec::new();
        tags_consistent(&article, &context, Severity::Recommended, &mut out);
        out.into_iter().map(|f| f.message).collect()
    }

    #[test]
    fn a_tag_in_other_capitals_than_the_project_s_is_flagged() {
        let others: &[&[&str]] = &[&["Ukraine", "Russia"], &["Ukraine"], &["ukraine"]];
        assert_eq!(
            findings(&["ukraine", "Russia"], others),
            [
                "The tag \u{201c}ukraine\u{201d} is written \u{201c}Ukraine\u{201d} in 2 other \
              articles: remove it and add \u{201c}Ukraine\u{201d}"
            ]
        );
        // Written as most others write it; or as many write it each way; or new to the project.
        assert!(findings(&["Ukraine", "Russia"], others).is_empty());
        assert!(findings(&["diplomacy"], &[&["Diplomacy"], &["diplomacy"]]).is_empty());
        assert!(findings(&["Kremlin"], others).is_empty());
    }

    #[test]
    fn a_tag_given_twice_in_other_capitals_is_flagged() {
        assert_eq!(
            findings(&["Ukraine", "Russia", " UKRAINE "], &[]),
            ["\u{201c}UKRAINE\u{201d} repeats the tag \u{201c}Ukraine\u{201d} in other capitals"]
        );
    }
}
