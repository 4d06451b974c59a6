//! Where rows start in a text, and where two texts (or their formatting) begin to differ.

use egui::Galley;
use egui::text::LayoutJob;
use std::ops::Range;

pub use crate::text_diff::{common_prefix, common_suffix};

/// Byte offsets where each row of `galley` starts in `text`, then `text.len()`.
pub fn row_starts(text: &str, galley: &Galley) -> Vec<usize> {
    let mut starts = Vec::with_capacity(galley.rows.len() + 1);
    let mut offsets = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let mut at = offsets.next().unwrap_or(0);
    for row in &galley.rows {
        starts.push(at);
        let chars = row.glyphs.len() + usize::from(row.ends_with_newline);
        if chars > 0 {
            at = offsets.nth(chars - 1).unwrap_or(text.len());
        }
    }
    starts.push(text.len());
    starts
}

/// Where the first word of `text[range]` and the whitespace after it end, if they end in it.
pub fn first_word_end(text: &str, range: Range<usize>) -> Option<usize> {
    let part = &text[range.clone()];
    let word = part.find(|c: char| !c.is_whitespace())?;
    let space = word + part[word..].find(char::is_whitespace)?;
    let after = space + part[space..].chars().next().map_or(0, char::len_utf8);
    Some(range.start + after)
}

/// How many bytes from their starts two jobs format alike.
pub fn format_prefix(a: &LayoutJob, b: &LayoutJob) -> usize {
    let mut agreed = 0;
    for (x, y) in a.sections.iter().zip(&b.sections) {
        let (xs, ys) = (x.byte_range.start.0, y.byte_range.start.0);
        if x.format != y.format || x.leading_space != y.leading_space || xs != ys {
            return xs.min(ys);
        }
        let (xe, ye) = (x.byte_range.end.0, y.byte_range.end.0);
        if xe != ye {
            return xe.min(ye);
        }
        agreed = xe;
    }
    if a.sections.len() == b.sections.len() {
        usize::MAX
    } else {
        agreed
    }
}

/// How many bytes before their ends two jobs format alike.
pub fn format_suffix(a: &LayoutJob, b: &LayoutJob) -> usize {
    let (a_len, b_len) = (a.text.len(), b.text.len());
    let mut agreed = 0;
    for (x, y) in a.sections.iter().rev().zip(b.sections.iter().rev()) {
        let (xe, ye) = (a_len - x.byte_range.end.0, b_len - y.byte_range.end.0);
        if x.format != y.format || xe != ye {
            return xe.min(ye);
        }
        let (xs, ys) = (a_len - x.byte_range.start.0, b_len - y.byte_range.start.0);
        if xs != ys || x.leading_space != y.leading_space {
            // A leading space sits at a section's start, so its formatting ends there.
            let plain = x.leading_space == 0.0 && y.leading_space == 0.0;
            return if plain { xs.min(ys) } else { xe };
        }
        agreed = xs;
    }
    if a.sections.len() == b.sections.len() {
        usize::MAX
    } else {
        agreed
    }
}
