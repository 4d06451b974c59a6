//! The article list's search, filters and sort; the word index behind search runs off the UI thread.

use crate::bundle::ArticleSummary;
use crate::model::{Article, Status};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    /// The project's own order.
    #[default]
    Project,
    /// Most recently updated first.
    Updated,
    /// Headline, A to Z.
    Headline,
    /// Workflow order, draft first.
    Status,
}

impl SortKey {
    /// Every sort key.
    pub const ALL: [SortKey; 4] = [
        SortKey::Project,
        SortKey::Updated,
        SortKey::Headline,
        SortKey::Status,
    ];

    /// The name shown in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Project => "Project order",
            SortKey::Updated => "Last updated",
            SortKey::Headline => "Headline",
            SortKey::Status => "Status",
        }
    }
}

/// What the editor asked the list to show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListFilter {
    /// Words that must all occur (prefixes of words in the body, standfirst and tags; anywhere
    /// in the headline, section and bylines).
    pub query: String,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this section.
    pub section: Option<String>,
    /// Only articles with this byline.
    pub byline: Option<String>,
    /// Only articles with this tag.
    pub tag: Option<String>,
    /// The order.
    pub sort: SortKey,
}

impl ListFilter {
    /// This filter without its search and filters: only its order.
    pub fn cleared(&self) -> ListFilter {
        ListFilter {
            sort: self.sort,
            ..Default::default()
        }
    }

    /// This filter without its search.
    pub fn without_search(&self) -> ListFilter {
        ListFilter {
            query: String::new(),
            ..self.clone()
        }
    }
}

/// A word index of every article's text: word → the articles that contain it.
#[derive(Debug, Default, Clone)]
pub struct SearchIndex {
    docs: Vec<Uuid>,
    doc_of: HashMap<Uuid, u32>,
    doc_terms: Vec<Vec<String>>,
    terms: BTreeMap<String, Vec<u32>>,
}

impl super::AppState {
    /// Opens the article `step` rows below the selected one in the list as it is shown
    /// (above for a negative step), or the first (last) one when none of them is open.
    pub fn step_in_list(&mut self, step: isize) {
        let Some(bundle) = &self.bundle else {
            return;
        };
        let Some(last) = self.visible.len().checked_sub(1) else {
            return;
        };
        let selected_at = self.selected.and_then(|id| bundle.position(id));
        let row = match self.visible.iter().position(|i| Some(*i) == selected_at) {
            Some(row) => row.saturating_add_signed(step).min(last),
            None if step > 0 => 0,
            None => last,
        };
        let Some(id) = bundle.summary_at(self.visible[row]).map(|s| s.id) else {
            return;
        };
        self.reveal_selected = true;
        if self.selected != Some(id) {
            self.select(Some(id));
        }
    }
}

/// The searchable text of an article: standfirst, tags, section, bylines, headline and body.
pub fn searchable_text(article: &Article) -> String {
    let mut text = String::with_capacity(article.body.len() + 256);
    for part in [
        &article.headline,
        &article.standfirst,
        &article.section,
        &article.slugline,
    ] {
        text.push_str(part);
        text.push(' ');
    }
    for part in article
        .tags
        .iter()
        .chain(article.bylines.iter().map(|b| &b.name))
    {
        text.push_str(part);
        text.push(' ');
    }
    text.push_str(&article.body);
    text
}

fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

impl SearchIndex {
    /// Indexes (or re-indexes) one article's text.
    pub fn set(&mut self, id: Uuid, text: &str) {
        let doc = match self.doc_of.get(&id) {
            Some(&doc) => {
                for term in std::mem::take(&mut self.doc_terms[doc as usize]) {
                    if let Some(postings) = self.terms.get_mut(&term) {
                        postings.retain(|d| *d != doc);
                    }
                }
                doc
            }
            None => {
                let doc = self.docs.len() as u32;
                self.docs.push(id);
                self.doc_of.insert(id, doc);
                self.doc_terms.push(Vec::new());
                doc
            }
        };
        let terms = words(text);
        for term in &terms {
            let postings = self.terms.entry(term.clone()).or_default();
            if let Err(at) = postings.binary_search(&doc) {
                postings.insert(at, doc);
            }
        }
        self.doc_terms[doc as usize] = terms;
    }

    /// The articles with a word starting with `prefix` (lowercase).
    pub fn matching(&self, prefix: &str) -> std::collections::HashSet<Uuid> {
        self.terms
            .range(prefix.to_owned()..)
            .take_while(|(term, _)| term.starts_with(prefix))
            .flat_map(|(_, postings)| postings.iter().map(|d| self.docs[*d as usize]))
            .collect()
    }

    /// How many articles are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// The positions (into `summaries`) of the articles that pass `filter`, in its order.
pub fn filter_and_sort(
    summaries: &[&ArticleSummary],
    filter: &ListFilter,
    index: Option<&SearchIndex>,
) -> Vec<usize> {
    let tokens: Vec<String> = filter
        .query
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let by_index: Vec<std::collections::HashSet<Uuid>> = match index {
        Some(index) => tokens.iter().map(|t| index.matching(t)).collect(),
        None => Vec::new(),
    };
    let mut shown: Vec<usize> = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| passes_filters(s, filter))
        .filter(|(_, s)| {
            tokens.iter().enumerate().all(|(i, token)| {
                contains_lowercase(&s.headline, token)
                    || contains_lowercase(&s.section, token)
                    || s.bylines.iter().any(|b| contains_lowercase(b, token))
                    || by_index.get(i).is_some_and(|set| set.contains(&s.id))
            })
        })
        .map(|(i, _)| i)
        .collect();
    if filter.sort != SortKey::Project {
        // A stable sort: articles that sort alike keep the project's order.
        shown.sort_by_cached_key(|i| sort_value(filter.sort, summaries[*i]));
    }
    shown
}

/// What an article sorts by under a sort key: smaller comes first, and articles that sort alike
/// keep the project's order.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    /// The project's order alone.
    Unsorted,
    /// The last update, newest first.
    Newest(std::cmp::Reverse<chrono::DateTime<chrono::Utc>>),
    /// The headline, A to Z whatever the case.
    Headline(String),
    /// The status, in workflow order.
    Status(u8),
}

fn sort_value(sort: SortKey, summary: &ArticleSummary) -> SortValue {
    match sort {
        SortKey::Project => SortValue::Unsorted,
        SortKey::Updated => SortValue::Newest(std::cmp::Reverse(summary.updated)),
        SortKey::Headline => SortValue::Headline(summary.headline.to_lowercase()),
        SortKey::Status => SortValue::Status(summary.status as u8),
    }
}

/// Whether an article passes the status, section, byline and tag filters.
fn passes_filters(s: &ArticleSummary, filter: &ListFilter) -> bool {
    filter.status.is_none_or(|status| s.status == status)
        && filter
            .section
            .as_ref()
            .is_none_or(|section| &s.section == section)
        && filter
            .byline
            .as_ref()
            .is_none_or(|name| s.bylines.contains(name))
        && filter.tag.as_ref().is_none_or(|tag| s.tags.contains(tag))
}

/// Puts the article at position `changed` back in its place in `shown` (a list made by
/// [`filter_and_sort`] with a `filter` without search words) after it was edited: a keystroke
/// moves one row instead of filtering and sorting 10,000.
pub fn reposition<'a>(
    shown: &mut Vec<usize>,
    summary: impl Fn(usize) -> Option<&'a ArticleSummary>,
    changed: usize,
    filter: &ListFilter,
) {
    let was_at = shown.iter().position(|i| *i == changed);
    let Some(edited) = summary(changed).filter(|s| passes_filters(s, filter)) else {
        if let Some(at) = was_at {
            shown.remove(at);
        }
        return;
    };
    // The order `filter_and_sort`'s stable sort gives: the sort value, then the project's order.
    let place = (sort_value(filter.sort, edited), changed);
    let key = |i: usize| summary(i).map(|other| (sort_value(filter.sort, other), i));
    // Still between its neighbours (a keystroke rarely moves an article): left where it is,
    // rather than moving the 10,000 indices after it out and back.
    if let Some(at) = was_at {
        let after_previous = at == 0 || key(shown[at - 1]).is_none_or(|k| k < place);
        let before_next = shown
            .get(at + 1)
            .is_none_or(|&next| key(next).is_some_and(|k| place < k));
        if after_previous && before_next {
            return;
        }
        shown.remove(at);
    }
    let at = shown.partition_point(|i| {
        summary(*i).is_none_or(|other| (sort_value(filter.sort, other), *i) < place)
    });
    shown.insert(at, changed);
}

/// Case-insensitive containment without allocating for ASCII haystacks.
fn contains_lowercase(haystack: &str, needle_lower: &str) -> bool {
    if haystack.is_ascii() && needle_lower.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle_lower.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(needle_lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn summary(headline: &str, section: &str, status: Status, byline: &str) -> ArticleSummary {
        ArticleSummary {
            id: Uuid::new_v4(),
            slug: String::new(),
            headline: headline.into(),
            section: section.into(),
            bylines: vec![byline.into()],
            status,
            words: 0,
            updated: Utc::now(),
            language: "en".into(),
            hero: None,
            tags: Vec::new(),
        }
    }

    /// Moving one edited row gives the list a full filter and sort would give.
    #[test]
    fn repositioning_an_edited_article_equals_refiltering() {
        let statuses = [Status::Draft, Status::Editing, Status::Ready];
        let mut all: Vec<ArticleSummary> = (0..30)
            .map(|i| {
                let mut s = summary(
                    &format!("Headline {}", (i * 7) % 11),
                    ["World", "Sport"][i % 2],
                    statuses[i % 3],
                    "A",
                );
                s.updated =
                    chrono::DateTime::from_timestamp(1_700_000_000 + ((i * 13) % 17) as i64, 0)
                        .unwrap();
                s
            })
            .collect();
        let filters = [
            ListFilter::default(),
            ListFilter {
                sort: SortKey::Updated,
                ..Default::default()
            },
            ListFilter {
                sort: SortKey::Headline,
                section: Some("World".into()),
                ..Default::default()
            },
            ListFilter {
                sort: SortKey::Status,
                status: Some(Status::Editing),
                ..Default::default()
            },
        ];
        for filter in &filters {
            // Edits that move the article, and ones that leave it in place (its word count).
            for (changed, edit) in [(3, 0), (10, 1), (29, 2), (0, 3), (15, 4), (0, 4), (29, 4)] {
                let refs: Vec<&ArticleSummary> = all.iter().collect();
                let mut shown = filter_and_sort(&refs, filter, None);
                let edited = &mut all[changed];
                match edit {
                    0 => {
                        edited.updated = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap()
                    }
                    1 => edited.headline = "Aardvark".into(),
                    2 => edited.status = Status::Editing,
                    3 => edited.section = "Sport".into(),
                    _ => edited.words += 5,
                }
                reposition(&mut shown, |i| all.get(i), changed, filter);
                let refs: Vec<&ArticleSummary> = all.iter().collect();
                assert_eq!(
                    shown,
                    filter_and_sort(&refs, filter, None),
                    "{filter:?} edit {edit}"
                );
            }
        }
    }

    #[test]
    fn search_filters_and_sorts() {
        let mut all = [
            summary(
                "Kremlin talks stall",
                "World",
                Status::Editing,
                "Sophia Brooks",
            ),
            summary(
                "Bakery results",
                "Business",
                Status::Ready,
                "Priya Natarajan",
            ),
            summary("Rowing title", "Sport", Status::Draft, "Eilidh MacLeod"),
        ];
        all[1].tags = vec!["Economy".into()];
        all[2].tags = vec!["Rowing".into(), "Economy".into()];
        let refs: Vec<&ArticleSummary> = all.iter().collect();
        let run = |filter: ListFilter, index: Option<&SearchIndex>| {
            filter_and_sort(&refs, &filter, index)
        };
        let query = |q: &str| ListFilter {
            query: q.into(),
            ..Default::default()
        };
        let table = [
            (query("KREMLIN"), vec![0]),
            (query("brooks"), vec![0]),
            (
                ListFilter {
                    status: Some(Status::Ready),
                    ..Default::default()
                },
                vec![1],
            ),
            (
                ListFilter {
                    section: Some("Sport".into()),
                    ..Default::default()
                },
                vec![2],
            ),
            (
                ListFilter {
                    byline: Some("Priya Natarajan".into()),
                    ..Default::default()
                },
                vec![1],
            ),
            (
                ListFilter {
                    tag: Some("Economy".into()),
                    ..Default::default()
                },
                vec![1, 2],
            ),
            (
                ListFilter {
                    tag: Some("Economy".into()),
                    section: Some("Sport".into()),
                    ..Default::default()
                },
                vec![2],
            ),
            (
                ListFilter {
                    sort: SortKey::Headline,
                    ..Default::default()
                },
                vec![1, 0, 2],
            ),
            (
                ListFilter {
                    sort: SortKey::Status,
                    ..Default::default()
                },
                vec![2, 0, 1],
            ),
        ];
        for (filter, expected) in table {
            assert_eq!(run(filter.clone(), None), expected, "{filter:?}");
        }

        let mut index = SearchIndex::default();
        index.set(all[1].id, "Energy bills pushed the chain into the red");
        assert_eq!(
            run(
                ListFilter {
                    query: "energ red".into(),
                    ..Default::default()
                },
                Some(&index)
            ),
            vec![1]
        );
        index.set(all[1].id, "Rewritten body");
        assert!(
            run(
                ListFilter {
                    query: "energy".into(),
                    ..Default::default()
                },
                Some(&index)
            )
            .is_empty()
        );
        assert_eq!(index.len(), 1);
    }
}
