//! Find and replace in an article's text: the headline and its variants, the standfirst, the
//! slugline, the editor's note and the body, in the order the editor shows them.

use crate::model::Article;
use crate::review::Field;
use regex::{Regex, RegexBuilder};
use std::ops::Range;

/// The fields searched, in the editor's order.
pub const SEARCHED: [Field; 7] = [
    Field::Headline,
    Field::SeoTitle,
    Field::SocialTitle,
    Field::Standfirst,
    Field::Slugline,
    Field::EditorsNote,
    Field::Body,
];

/// What to look for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The text, taken literally.
    pub text: String,
    /// Whether "Kyiv" misses "KYIV".
    pub match_case: bool,
    /// Whether "war" misses "warship": a match must not touch a letter or digit on either side.
    pub whole_words: bool,
}

/// One place the query was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The field it is in.
    pub field: Field,
    /// Its bytes in the field's text.
    pub range: Range<usize>,
}

impl Match {
    /// Where it stands in the article: its field's place in [`SEARCHED`], then its start.
    pub fn order(&self) -> (usize, usize) {
        let field = SEARCHED.iter().position(|f| *f == self.field);
        (field.unwrap_or(SEARCHED.len()), self.range.start)
    }

    /// Its characters in the field's text (what the editor selects), when the text still holds it.
    pub fn char_range(&self, article: &Article) -> Option<Range<usize>> {
        self.field.chars_of(article, self.range.clone())
    }
}

/// A query made ready to search with.
#[derive(Debug, Clone)]
pub struct Finder {
    query: Query,
    pattern: Option<Regex>,
}

impl Finder {
    /// A finder for `query`; an empty query finds nothing, and so does one too long to make a
    /// pattern of (megabytes pasted into the box).
    pub fn new(query: &Query) -> Finder {
        let pattern = (!query.text.is_empty())
            .then(|| {
                RegexBuilder::new(&regex::escape(&query.text))
                    .case_insensitive(!query.match_case)
                    .build()
                    .ok()
            })
            .flatten();
        Finder {
            query: query.clone(),
            pattern,
        }
    }

    /// The query it searches for.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Every match in the article, in the editor's order.
    pub fn matches(&self, article: &Article) -> Vec<Match> {
        let Some(pattern) = &self.pattern else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for field in SEARCHED {
            let text = field.text(article).unwrap_or("");
            for m in pattern.find_iter(text) {
                if !self.query.whole_words || stands_alone(text, m.range()) {
                    found.push(Match {
                        field,
                        range: m.range(),
                    });
                }
            }
        }
        found
    }
}

/// Whether `range` of `text` has no letter or digit right before or after it.
fn stands_alone(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Replaces each of `matches` with `replacement`, from the end of each field backwards so the
/// ranges before stay true; returns how many were replaced (a match the text no longer holds,
/// or one that overlaps another, is skipped).
pub fn replace(article: &mut Article, matches: &[Match], replacement: &str) -> usize {
    let mut sorted: Vec<&Match> = matches.iter().collect();
    sorted.sort_by_key(|m| std::cmp::Reverse(m.order()));
    let mut replaced = 0;
    let mut last: Option<(Field, usize)> = None;
    for m in sorted {
        let overlaps = last.is_some_and(|(field, start)| field == m.field && m.range.end > start);
        let Some(text) = m.field.text_mut(article) else {
            continue;
        };
        if overlaps || text.get(m.range.clone()).is_none() {
            continue;
        }
        text.replace_range(m.range.clone(), replacement);
        last = Some((m.field, m.range.start));
        replaced += 1;
    }
    replaced
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        let mut a = Article::new("Kyiv talks stall");
        a.standfirst = "Envoys left KYIV without a deal.".into();
        a.body = "The talks in Kyiv ended.\n\nKyivan officials, in Kyiv, said so.".into();
        a
    }

    fn query(text: &str, match_case: bool, whole_words: bool) -> Query {
        Query {
            text: text.into(),
            match_case,
            whole_words,
        }
    }

    fn found(q: Query) -> Vec<(Field, String)> {
        let a = article();
        Finder::new(&q)
            .matches(&a)
            .into_iter()
            .map(|m| (m.field, m.field.text(&a).unwrap()[m.range].to_owned()))
            .collect()
    }

    #[test]
    fn matches_come_in_the_editor_s_order_in_any_case_unless_asked() {
        let any_case = found(query("kyiv", false, false));
        assert_eq!(any_case.len(), 5);
        assert_eq!(any_case[0].0, Field::Headline);
        assert_eq!(any_case[1], (Field::Standfirst, "KYIV".into()));
        assert_eq!(found(query("Kyiv", true, false)).len(), 4);
        // "Kyivan" is not the word Kyiv.
        assert_eq!(found(query("kyiv", false, true)).len(), 4);
        assert!(found(query("", false, false)).is_empty());
        // The query is taken literally, not as a pattern.
        assert!(found(query("K.iv", false, false)).is_empty());
    }

    #[test]
    fn replacing_keeps_the_other_matches_in_place() {
        let mut a = article();
        let matches = Finder::new(&query("kyiv", true, true)).matches(&a);
        assert!(matches.is_empty(), "case matters");
        let matches = Finder::new(&query("Kyiv", true, true)).matches(&a);
        assert_eq!(replace(&mut a, &matches, "Kyiv city"), 3);
        assert_eq!(a.headline, "Kyiv city talks stall");
        assert_eq!(
            a.body,
            "The talks in Kyiv city ended.\n\nKyivan officials, in Kyiv city, said so."
        );
        // A match whose text is gone is skipped, not forced in.
        let stale = Match {
            field: Field::Headline,
            range: 500..504,
        };
        assert_eq!(replace(&mut a, &[stale], "x"), 0);
    }

    #[test]
    fn a_query_too_long_to_search_finds_nothing_instead_of_failing() {
        let huge = "ä".repeat(400_000);
        let finder = Finder::new(&query(&huge, false, false));
        assert!(finder.matches(&article()).is_empty());
    }

    #[test]
    fn a_match_is_selected_by_characters() {
        let mut a = article();
        a.headline = "Ça va à Kyiv".into();
        let matches = Finder::new(&query("kyiv", false, false)).matches(&a);
        assert_eq!(matches[0].char_range(&a), Some(8..12));
        assert_eq!(matches[0].range, 10..14);
    }
}
