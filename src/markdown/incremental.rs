//! The body's blocks kept up to date as it is edited. A body of plain paragraphs (and lists and
//! quotes) is parsed group by group: paragraphs between blank lines, with neighbouring list and
//! quote paragraphs kept together. A keystroke then re-parses the groups around it, not 120 KB.
//! Anything whose meaning can reach across a blank line (fenced or indented code, raw HTML,
//! link reference definitions) makes the whole body parse at once, as [`parse`] does.

use super::{Block, parse};
use crate::text_diff::{common_prefix, common_suffix, paragraph_ends};
use std::sync::Arc;

/// How a paragraph (text between blank lines) can affect its neighbours when parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A paragraph or heading: its blocks are its own.
    Plain,
    /// List items, quotes or indented lines: parsed with the neighbouring ones of this kind.
    Joined,
    /// Code fences, raw HTML, indented code or link definitions: the body parses as a whole.
    Whole,
}

fn kind(paragraph: &str) -> Kind {
    if paragraph.contains("]:") || paragraph.contains("[^") {
        return Kind::Whole;
    }
    let mut kind = Kind::Plain;
    for line in paragraph.lines() {
        let text = line.trim_start_matches(' ');
        let indent = line.len() - text.len();
        if indent >= 4 || text.starts_with('\t') {
            return Kind::Whole;
        }
        if ["```", "~~~", "<"]
            .iter()
            .any(|open| text.starts_with(open))
        {
            return Kind::Whole;
        }
        if indent > 0 || text.starts_with('>') || is_list_item(text) {
            kind = Kind::Joined;
        }
    }
    kind
}

/// Whether a line (without its indentation) starts a list item.
fn is_list_item(text: &str) -> bool {
    let bullet = ["-", "*", "+"]
        .iter()
        .any(|b| text == *b || text.starts_with(&format!("{b} ")));
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = (1..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(text.as_bytes().get(digits + 1), None | Some(b' '));
    bullet || ordered
}

/// The groups of `text[start..end]` that parse independently: their byte ends (into `text`),
/// or `None` when some paragraph needs the whole body.
fn groups(text: &str, start: usize, end: usize) -> Option<Vec<usize>> {
    let mut ends: Vec<usize> = Vec::new();
    let mut last_kind = None;
    let mut at = start;
    for end in paragraph_ends(&text[start..end])
        .into_iter()
        .map(|e| start + e)
    {
        let kind = kind(&text[at..end]);
        match (kind, last_kind) {
            (Kind::Whole, _) => return None,
            (Kind::Joined, Some(Kind::Joined)) => *ends.last_mut()? = end,
            _ => ends.push(end),
        }
        last_kind = Some(kind);
        at = end;
    }
    Some(ends)
}

/// Parses the groups of `text` from byte `start` that end at `ends`: their blocks, and each
/// group's end with its number of blocks.
fn parse_groups(text: &str, start: usize, ends: Vec<usize>) -> (Vec<Block>, Vec<(usize, usize)>) {
    let mut blocks = Vec::new();
    let mut groups = Vec::with_capacity(ends.len());
    let mut at = start;
    for end in ends {
        let parsed = parse(&text[at..end]);
        groups.push((end, parsed.len()));
        blocks.extend(parsed);
        at = end;
    }
    (blocks, groups)
}

/// A body's blocks, parsed again only where it changed.
#[derive(Default)]
pub struct BlockCache {
    /// The body last parsed.
    text: String,
    /// Its blocks.
    blocks: Arc<Vec<Block>>,
    /// The groups it was parsed in (byte end, number of blocks), when it parses group by group.
    groups: Option<Vec<(usize, usize)>>,
    /// Whether anything was parsed yet.
    parsed: bool,
}

impl BlockCache {
    /// The blocks of `text`, the same as [`parse`] gives.
    pub fn update(&mut self, text: &str) -> Arc<Vec<Block>> {
        if self.parsed && self.text == text {
            return self.blocks.clone();
        }
        if !(self.parsed && self.reparse_around_edit(text)) {
            self.parse_all(text);
        }
        self.parsed = true;
        self.text.clear();
        self.text.push_str(text);
        self.blocks.clone()
    }

    fn parse_all(&mut self, text: &str) {
        let Some(ends) = groups(text, 0, text.len()) else {
            self.blocks = Arc::new(parse(text));
            self.groups = None;
            return;
        };
        let (blocks, groups) = parse_groups(text, 0, ends);
        self.blocks = Arc::new(blocks);
        self.groups = Some(groups);
    }

    /// Where top-level block `index` of the body last parsed begins (a byte offset), when the
    /// body was parsed group by group (not when fenced code, raw HTML or link definitions made it
    /// parse whole).
    pub fn block_start(&self, index: usize) -> Option<usize> {
        let groups = self.groups.as_ref()?;
        let mut before = 0;
        let mut start = 0;
        for (end, count) in groups {
            if index < before + count {
                return Some(start);
            }
            before += count;
            start = *end;
        }
        None
    }

    /// The first top-level block of the group that holds byte `at` of the body last parsed, when
    /// it was parsed group by group: the block being edited, for the preview to follow.
    pub fn block_at(&self, at: usize) -> Option<usize> {
        let groups = self.groups.as_ref()?;
        // The body's very end (the cursor after its last character) is in its last group.
        let holding = groups
            .partition_point(|(end, _)| *end <= at)
            .min(groups.len().saturating_sub(1));
        let index = groups[..holding].iter().map(|(_, count)| count).sum();
        (index < self.blocks.len()).then_some(index)
    }

    /// Re-parses the groups an edit touched (and one on each side, which a new or lost blank
    /// line can join or part); false when the body must be parsed whole.
    fn reparse_around_edit(&mut self, text: &str) -> bool {
        let Some(old_groups) = &self.groups else {
            return false;
        };
        let old = &self.text;
        let prefix = common_prefix(old, text);
        let suffix = common_suffix(old, text, prefix);
        let holding = |at: usize| {
            old_groups
                .partition_point(|(end, _)| *end <= at)
                .min(old_groups.len() - 1)
        };
        let first = holding(prefix).saturating_sub(1);
        let last = (holding(old.len() - suffix) + 1).min(old_groups.len() - 1);
        let start = if first == 0 {
            0
        } else {
            old_groups[first - 1].0
        };
        let new_end = old_groups[last].0 + text.len() - old.len();
        let Some(ends) = groups(text, start, new_end) else {
            return false;
        };
        let (fresh, counts) = parse_groups(text, start, ends);
        let before: usize = old_groups[..first].iter().map(|(_, n)| n).sum();
        let replaced: usize = old_groups[first..=last].iter().map(|(_, n)| n).sum();
        let shift = |(end, n): &(usize, usize)| (end + text.len() - old.len(), *n);
        let tail: Vec<(usize, usize)> = old_groups[last + 1..].iter().map(shift).collect();
        let mut groups = old_groups[..first].to_vec();
        groups.extend(counts);
        groups.extend(tail);
        Arc::make_mut(&mut self.blocks).splice(before..before + replaced, fresh);
        self.groups = Some(groups);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_found_by_where_they_begin_and_by_a_byte_inside_them() {
        let text = "One.\n\n## Two\n\nThree three.";
        let mut cache = BlockCache::default();
        cache.update(text);
        let starts: Vec<usize> = (0..3).filter_map(|i| cache.block_start(i)).collect();
        assert_eq!(starts, [0, 6, 14]);
        assert_eq!(cache.block_start(3), None);
        assert_eq!(cache.block_at(0), Some(0));
        assert_eq!(cache.block_at(8), Some(1));
        assert_eq!(cache.block_at(16), Some(2));
        // The cursor after the last character, as Ctrl+End puts it, is in the last block.
        assert_eq!(cache.block_at(text.len()), Some(2));
        assert_eq!(cache.block_at(text.len() + 10), Some(2));
        let mut empty = BlockCache::default();
        empty.update("");
        assert_eq!(empty.block_at(0), None);
    }

    fn check(cache: &mut BlockCache, text: &str) {
        assert_eq!(*cache.update(text), parse(text), "{text:?}");
    }

    #[test]
    fn kinds_of_paragraphs() {
        let table = [
            ("Plain words. And *more*.\n\n", Kind::Plain),
            ("# Heading\n", Kind::Plain),
            ("1999 was a year", Kind::Plain),
            ("- one\n- two\n", Kind::Joined),
            ("12. twelve", Kind::Joined),
            ("2024. A year", Kind::Joined),
            ("> quoted", Kind::Joined),
            ("  indented a little", Kind::Joined),
            ("```\ncode", Kind::Whole),
            ("<div>", Kind::Whole),
            ("[a]: https://example.com", Kind::Whole),
            ("    code", Kind::Whole),
        ];
        for (text, expected) in table {
            assert_eq!(kind(text), expected, "{text:?}");
        }
    }

    /// After every edit of a long run of edits, the blocks are those a whole parse gives.
    #[test]
    fn every_edit_parses_as_the_whole_would() {
        let mut text = String::from(
            "# Title\n\nFirst *para* with [a link](https://example.com).\n\n- one\n- two\n\n\
             Middle para.\n\n> quoted\n\nLast para.",
        );
        let inserts = [
            "x", "\n", "\n\n", "- ", "> ", "```", "  ", "1. ", "word ", "*", "[b]: /u", "<b>", "#",
        ];
        let mut cache = BlockCache::default();
        check(&mut cache, &text);
        crate::text_diff::random_edits(&mut text, 12345, &inserts, 600, |_, text| {
            check(&mut cache, text)
        });
    }

    #[test]
    fn the_corpus_parses_as_a_whole() {
        let mut cache = BlockCache::default();
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/articles");
        let mut read = 0;
        for entry in std::fs::read_dir(folder).expect("the corpus").flatten() {
            if entry.path().extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).expect("an article");
            check(&mut cache, &text);
            let edited = text.replacen(' ', "\n\n", 3);
            check(&mut cache, &edited);
            read += 1;
        }
        assert!(read >= 9, "read {read} articles");
    }
}
