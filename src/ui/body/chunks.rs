//! A body cut into paragraphs for editing: each chunk is a paragraph with the blank lines after
//! it, so typing re-lays out one paragraph, not 120 KB. Pure text bookkeeping, no egui.

use crate::text_diff::{common_prefix, common_suffix, paragraph_ends as split};
use std::ops::Range;

/// The body as the editor last saw it, cut into chunks, with each chunk's laid-out height.
#[derive(Clone, Debug, Default)]
pub struct Chunks {
    /// The body the chunks were cut from.
    text: String,
    /// Byte end of each chunk; a chunk starts where the one before it ends.
    ends: Vec<usize>,
    /// Character count of each chunk.
    chars: Vec<usize>,
    /// Laid-out height of each chunk in points, once measured.
    heights: Vec<Option<f32>>,
}

impl Chunks {
    /// Whether the chunks were cut from `text`.
    pub fn matches(&self, text: &str) -> bool {
        !self.ends.is_empty() && self.text == text
    }

    /// Brings the chunks up to date with `text`, re-cutting only the chunks around what changed,
    /// so the heights of the others are kept.
    pub fn sync(&mut self, text: &str) {
        if self.matches(text) {
            return;
        }
        if self.ends.is_empty() {
            self.ends = split(text);
            self.chars = self.ranges().map(|r| text[r].chars().count()).collect();
            self.heights = vec![None; self.ends.len()];
            self.text = text.to_owned();
            return;
        }
        let prefix = common_prefix(&self.text, text);
        let suffix = common_suffix(&self.text, text, prefix);
        // The chunks that hold the change, and one on each side: a new or lost newline at a
        // chunk's edge can join it to, or part it from, its neighbour.
        let first = self.index_of_byte(prefix).saturating_sub(1);
        let last = (self.index_of_byte(self.text.len() - suffix) + 1).min(self.ends.len() - 1);
        let start = self.start(first);
        let old_end = self.ends[last];
        let new_end = old_end + text.len() - self.text.len();
        let region = &text[start..new_end];
        let ends: Vec<usize> = split(region).into_iter().map(|e| start + e).collect();
        let chars: Vec<usize> = std::iter::once(start)
            .chain(ends.iter().copied())
            .zip(ends.iter())
            .map(|(a, b)| text[a..*b].chars().count())
            .collect();
        // A re-cut chunk whose text and place did not change keeps its height: one before the
        // edit at the same bytes, or one after it at the same distance from the end.
        let (old_len, new_len) = (self.text.len(), text.len());
        let old: Vec<(usize, usize, Option<f32>)> = (first..=last)
            .map(|i| (self.start(i), self.ends[i], self.heights[i]))
            .collect();
        let heights: Vec<Option<f32>> = std::iter::once(start)
            .chain(ends.iter().copied())
            .zip(ends.iter())
            .map(|(a, b)| {
                old.iter()
                    .find(|(oa, ob, _)| {
                        (*oa == a && *ob == *b && *b <= prefix)
                            || (old_len - oa == new_len - a
                                && old_len - ob == new_len - b
                                && *oa >= old_len - suffix)
                    })
                    .and_then(|(_, _, height)| *height)
            })
            .collect();
        let shift = |end: usize| end + new_len - old_len;
        let tail: Vec<usize> = self.ends[last + 1..].iter().map(|e| shift(*e)).collect();
        self.ends.splice(first.., ends.into_iter().chain(tail));
        self.chars.splice(first..=last, chars);
        self.heights.splice(first..=last, heights);
        self.text.clear();
        self.text.push_str(text);
    }

    /// The number of chunks.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no chunks (nothing synced yet).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The byte range of chunk `index`.
    pub fn range(&self, index: usize) -> Range<usize> {
        self.start(index)..self.ends[index]
    }

    /// The byte ranges of all chunks, in order.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        (0..self.ends.len()).map(|i| self.range(i))
    }

    /// The text of chunk `index`.
    pub fn text_of(&self, index: usize) -> &str {
        &self.text[self.range(index)]
    }

    /// The whole body.
    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The character count of chunk `index`.
    pub fn chars_of(&self, index: usize) -> usize {
        self.chars[index]
    }

    fn start(&self, index: usize) -> usize {
        if index == 0 { 0 } else { self.ends[index - 1] }
    }

    /// The chunk holding byte `at` (the last chunk for the end of the text).
    fn index_of_byte(&self, at: usize) -> usize {
        self.ends
            .partition_point(|end| *end <= at)
            .min(self.ends.len() - 1)
    }

    /// The character offset at which chunk `index` starts (the body's length for `len()`).
    pub fn char_start(&self, index: usize) -> usize {
        self.chars[..index].iter().sum()
    }

    /// The chunk holding character `at`, and `at` within it (the last chunk for the end).
    pub fn locate(&self, at: usize) -> (usize, usize) {
        let mut start = 0;
        for (index, count) in self.chars.iter().enumerate() {
            if at < start + count || index + 1 == self.chars.len() {
                return (index, (at - start).min(*count));
            }
            start += count;
        }
        (0, 0)
    }

    /// The measured height of chunk `index`.
    pub fn height(&self, index: usize) -> Option<f32> {
        self.heights[index]
    }

    /// Records the laid-out height of chunk `index`.
    pub fn set_height(&mut self, index: usize, height: f32) {
        self.heights[index] = Some(height);
    }

    /// Scales every height by `factor`: estimates after the measure changed, until each
    /// chunk is drawn and measured again.
    pub fn scale_heights(&mut self, factor: f32) {
        self.heights.iter_mut().flatten().for_each(|h| *h *= factor);
    }

    /// Forgets every height (the font or the scale changed).
    pub fn forget_heights(&mut self) {
        self.heights.iter_mut().for_each(|h| *h = None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut chunks = Chunks::default();
        chunks.sync(text);
        chunks.ranges().map(|r| &text[r]).collect()
    }

    #[test]
    fn paragraphs_keep_their_blank_lines() {
        assert_eq!(pieces(""), [""]);
        assert_eq!(pieces("one"), ["one"]);
        assert_eq!(pieces("one\ntwo"), ["one\ntwo"]);
        assert_eq!(pieces("a\n\nb\n\n\nc"), ["a\n\n", "b\n\n\n", "c"]);
        assert_eq!(pieces("a\n\n"), ["a\n\n"]);
        assert_eq!(pieces("\n\na"), ["\n\n", "a"]);
    }

    /// Every edit, applied by re-cutting only around it, gives the chunks a fresh cut gives.
    #[test]
    fn syncing_after_any_edit_equals_cutting_afresh() {
        let base = "Intro line\nstill intro\n\nSecond para.\n\n\nThird — with ’quotes’.\n\nLast";
        let edits: [(usize, usize, &str); 9] = [
            (0, 0, "New start "),
            (10, 12, ""),
            (22, 24, "\n"),
            (22, 22, "\n\n"),
            (35, 35, "x\n\ny"),
            (base.len(), base.len(), "\n\n"),
            (0, base.len(), ""),
            (11, 11, "\n"),
            (36, 37, ""),
        ];
        for (from, to, insert) in edits {
            let (from, to) = (floor(base, from), floor(base, to));
            let mut text = base.to_owned();
            text.replace_range(from..to, insert);
            let mut chunks = Chunks::default();
            chunks.sync(base);
            chunks.set_height(0, 10.0);
            chunks.sync(&text);
            assert_eq!(chunks.ends, split(&text), "edit {from}..{to} {insert:?}");
            let counts: Vec<usize> = pieces(&text).iter().map(|p| p.chars().count()).collect();
            assert_eq!(chunks.chars, counts);
            assert_eq!(chunks.heights.len(), chunks.ends.len());
            assert_eq!(chunks.text(), text);
        }
    }

    fn floor(text: &str, mut at: usize) -> usize {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// A long run of random edits with multi-byte text and newlines: the chunks always equal
    /// a fresh cut, and never panic on a character boundary.
    #[test]
    fn random_edits_keep_the_chunks_exact() {
        let mut text = String::from("Kyiv’s talks\n\nМосква — ответ\n\n\n東京の書店\n\nend");
        let inserts = ["\n", "\n\n", "é", "—", "東", "word ", "\r\n", ""];
        let mut chunks = Chunks::default();
        chunks.sync(&text);
        crate::text_diff::random_edits(&mut text, 99, &inserts, 800, |step, text| {
            chunks.sync(text);
            assert_eq!(chunks.ends, split(text), "step {step}: {text:?}");
            let counts: Vec<usize> = pieces(text).iter().map(|p| p.chars().count()).collect();
            assert_eq!(chunks.chars, counts);
            assert_eq!(chunks.heights.len(), chunks.ends.len());
        });
    }

    #[test]
    fn an_edit_keeps_the_heights_of_far_chunks() {
        let text = "a\n\nb\n\nc\n\nd\n\ne";
        let mut chunks = Chunks::default();
        chunks.sync(text);
        (0..5).for_each(|i| chunks.set_height(i, i as f32));
        chunks.sync("a\n\nb\n\ncc\n\nd\n\ne");
        assert_eq!(chunks.height(0), Some(0.0));
        assert_eq!(
            chunks.height(1),
            Some(1.0),
            "the neighbour before is unchanged"
        );
        assert_eq!(chunks.height(2), None);
        assert_eq!(
            chunks.height(3),
            Some(3.0),
            "the neighbour after is unchanged"
        );
        assert_eq!(chunks.height(4), Some(4.0));
        chunks.sync("a\n\nb\n\n\ncc\n\nd\n\ne");
        assert_eq!(
            chunks.height(1),
            None,
            "a chunk that gained a newline is measured again"
        );
        assert_eq!(chunks.text(), "a\n\nb\n\n\ncc\n\nd\n\ne");
    }

    #[test]
    fn a_new_measure_scales_the_heights_known_and_leaves_the_unknown_unknown() {
        let mut chunks = Chunks::default();
        chunks.sync("a\n\nb\n\nc");
        chunks.set_height(0, 30.0);
        chunks.set_height(2, 60.0);
        // Half the width: about twice the lines.
        chunks.scale_heights(2.0);
        assert_eq!(
            [0, 1, 2].map(|i| chunks.height(i)),
            [Some(60.0), None, Some(120.0)]
        );
    }

    #[test]
    fn characters_locate_their_chunk() {
        let mut chunks = Chunks::default();
        chunks.sync("ab\n\ncd\n\nef");
        assert_eq!(chunks.locate(0), (0, 0));
        assert_eq!(chunks.locate(3), (0, 3));
        assert_eq!(chunks.locate(4), (1, 0));
        assert_eq!(chunks.locate(10), (2, 2));
        assert_eq!(chunks.locate(99), (2, 2));
        assert_eq!(chunks.char_start(2), 8);
    }
}
