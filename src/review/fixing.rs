//! Applying findings' fixes: one, or every finding that shares it, as the review pane's "Fix"
//! and "Fix all" buttons do. A deletion leaves no run of blank lines where the text was.

use super::{Field, Finding};
use crate::model::Article;

/// The rules whose fix is the same act whatever the text they flag, and what it does.
const FIXED_ALIKE: &[(&str, &str)] = &[("proof.residue", "delete each line left from a copy")];

/// What findings with the same fix share ([`Finding::same_fix`]).
type FixKey<'a> = (&'static str, Field, &'a str, &'a str);

impl Finding {
    /// Applies the fix to an article; false when there is none or the text moved under it.
    /// A deletion also takes the blank lines after it that would make a run of more than one
    /// blank line with those before it.
    pub fn apply_fix(&self, article: &mut Article) -> bool {
        let (Some(span), Some(replacement)) = (&self.span, &self.suggestion) else {
            return false;
        };
        let Some(text) = self.field.text_mut(article) else {
            return false;
        };
        if text.get(span.clone()).is_none() {
            return false;
        }
        text.replace_range(span.clone(), replacement);
        if replacement.is_empty() {
            close_gap(text, span.start);
        }
        true
    }

    /// Whether `other` is an open finding with the same fix as this one: of the same rule in
    /// the same field, on the same text unless the rule's fix is the same act whatever the text
    /// ([`Self::fixed_alike`]).
    pub fn same_fix(&self, other: &Finding, article: &Article) -> bool {
        other.waived.is_none()
            && other
                .fix_key(article)
                .is_some_and(|key| Some(key) == self.fix_key(article))
    }

    /// What the fix of every finding of this rule does, when it is the same act whatever the
    /// text flagged (deleting a line left from a copy), so that one click may fix them all.
    pub fn fixed_alike(&self) -> Option<&'static str> {
        // A picture's caption is left out: its words may belong with the picture.
        if self.message.contains(super::proofread::CAPTION_LEFT) {
            return None;
        }
        FIXED_ALIKE
            .iter()
            .find(|(rule, _)| *rule == self.rule)
            .map(|(_, fix)| *fix)
    }

    /// What findings with the same fix share: rule, field, flagged text (none for a rule fixed
    /// alike) and fix; nothing without a fix.
    fn fix_key<'a>(&'a self, article: &'a Article) -> Option<FixKey<'a>> {
        let fix = self.suggestion.as_deref()?;
        let text = match self.fixed_alike() {
            Some(_) => "",
            None => self.flagged_text(article),
        };
        Some((self.rule, self.field, text, fix))
    }
}

/// Applies each of `fixes` to `article`, from the end of each text backwards so that each
/// leaves the spans before it in place; returns how many applied. Blank lines the deletions
/// leave at the end of a text go too.
pub fn apply_fixes(fixes: &mut [&Finding], article: &mut Article) -> usize {
    fixes.sort_by_key(|f| std::cmp::Reverse(f.span.as_ref().map_or(0, |s| s.start)));
    // How many line ends each field the fixes touch ended with before them.
    let mut ended: Vec<(Field, usize)> = Vec::new();
    for fix in fixes.iter() {
        if let Some(text) = fix.field.text(article)
            && !ended.iter().any(|(field, _)| *field == fix.field)
        {
            ended.push((fix.field, trailing_newlines(text)));
        }
    }
    let fixed = fixes.iter().filter(|fix| fix.apply_fix(article)).count();
    for (field, before) in ended {
        if let Some(text) = field.text_mut(article)
            && trailing_newlines(text) > before
        {
            let end = text.trim_end_matches('\n').len() + before;
            text.truncate(end);
        }
    }
    fixed
}

/// How many line ends a text ends with.
fn trailing_newlines(text: &str) -> usize {
    text.len() - text.trim_end_matches('\n').len()
}

/// After a deletion at `at`: the line ends just after it that make, with those just before it,
/// more than two in a row (more than one blank line) go. Only text after `at` changes, so
/// spans before it stay good.
fn close_gap(text: &mut String, at: usize) {
    let before = trailing_newlines(&text[..at]);
    let after = text[at..].len() - text[at..].trim_start_matches('\n').len();
    let extra = (before + after).saturating_sub(2).min(after);
    text.replace_range(at..at + extra, "");
}

/// For each finding, how many findings share its fix ([`Finding::same_fix`]; 0 without a fix),
/// counted in one pass rather than each finding against every other.
pub fn fix_twin_counts(findings: &[Finding], article: &Article) -> Vec<usize> {
    let mut counts = std::collections::HashMap::new();
    for finding in findings.iter().filter(|f| f.waived.is_none()) {
        if let Some(key) = finding.fix_key(article) {
            *counts.entry(key).or_insert(0) += 1;
        }
    }
    findings
        .iter()
        .map(|f| {
            f.fix_key(article)
                .and_then(|k| counts.get(&k).copied())
                .unwrap_or(0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::Severity;

    fn with_body(body: &str) -> Article {
        let mut article = Article::new("Headline");
        article.body = body.to_owned();
        article
    }

    /// A finding that deletes `line` (with its line end) from the body.
    fn deleting(body: &str, line: &str) -> Finding {
        let start = body.find(line).unwrap();
        let end = (start + line.len() + 1).min(body.len());
        Finding::new(
            "proof.residue",
            Severity::Recommended,
            Field::Body,
            "left".to_owned(),
        )
        .at(start..end)
        .fix("")
    }

    #[test]
    fn deleting_a_line_between_paragraphs_leaves_one_blank_line() {
        let body = "One.\n\nShare\n\nTwo.";
        let mut article = with_body(body);
        assert!(deleting(body, "Share").apply_fix(&mut article));
        assert_eq!(article.body, "One.\n\nTwo.");
    }

    #[test]
    fn lines_deleted_together_leave_no_blank_lines_at_the_end_nor_in_a_run() {
        let body = "One.\n\n  1. HOME\n  2. WORLD\n\nTwo.\n\nAuthor: Ann\n\nShare";
        let mut article = with_body(body);
        let found: Vec<Finding> = ["  1. HOME", "  2. WORLD", "Author: Ann", "Share"]
            .iter()
            .map(|line| deleting(body, line))
            .collect();
        assert!(found[0].same_fix(&found[3], &article), "fixed alike");
        let mut fixes: Vec<&Finding> = found.iter().collect();
        assert_eq!(apply_fixes(&mut fixes, &mut article), 4);
        assert_eq!(article.body, "One.\n\nTwo.");
    }

    #[test]
    fn a_picture_s_caption_is_not_deleted_with_the_page_s_furniture() {
        let body = "Share\n\nCrowds in the square. (Photo: Ann Lee/Reuters)\n\nTweet";
        let article = with_body(body);
        let mut caption = deleting(body, "Crowds in the square. (Photo: Ann Lee/Reuters)");
        caption.message = format!("It looks like {}", crate::review::proofread::CAPTION_LEFT);
        let (share, tweet) = (deleting(body, "Share"), deleting(body, "Tweet"));
        assert!(share.same_fix(&tweet, &article));
        assert!(!share.same_fix(&caption, &article) && !caption.same_fix(&share, &article));
        let found = [share, caption, tweet];
        assert_eq!(fix_twin_counts(&found, &article), [2, 1, 2]);
    }

    #[test]
    fn a_text_that_ended_with_a_line_end_keeps_it() {
        let body = "One.\n\nShare\n";
        let mut article = with_body(body);
        let found = deleting(body, "Share");
        assert_eq!(apply_fixes(&mut [&found], &mut article), 1);
        assert_eq!(article.body, "One.\n");
    }
}
