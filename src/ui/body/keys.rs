//! The keys that cross a paragraph's edge, and Enter in a list item: the body editor handles
//! them before the paragraph's text box sees them, so the arrows, Backspace and Delete work as
//! in one text, and a list goes on (or ends) as in a Markdown editor.

use super::chunks::Chunks;
use egui::text_selection::text_cursor_state::{ccursor_next_word, ccursor_previous_word};
use egui::{Key, Modifiers, Ui};
use std::ops::Range;

/// Where the focused paragraph's cursor was at the end of the last frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct CursorRows {
    /// The cursor's character offset in the paragraph.
    index: usize,
    /// Where its selection started (the same as `index` when nothing is selected).
    anchor: usize,
    /// Whether text is selected.
    selecting: bool,
    /// Whether the cursor is on the paragraph's first row.
    first_row: bool,
    /// Whether the cursor is on the paragraph's last row.
    last_row: bool,
    /// The cursor's position within the paragraph.
    x: f32,
    y: f32,
}

impl CursorRows {
    /// The rows of `primary` in `galley`, for a selection from `secondary`.
    pub fn of(galley: &egui::Galley, primary: egui::text::CCursor, secondary: usize) -> Self {
        let row = galley.layout_from_cursor(primary).row;
        let at = galley.pos_from_cursor(primary).center();
        Self {
            index: primary.index.0,
            anchor: secondary,
            selecting: primary.index.0 != secondary,
            first_row: row == 0,
            last_row: row + 1 >= galley.rows.len(),
            x: at.x,
            y: at.y,
        }
    }
}

impl CursorRows {
    /// The cursor's character offset in the paragraph.
    pub fn index(&self) -> usize {
        self.index
    }

    /// Where the paragraph's selection started, in characters of the paragraph.
    pub fn anchor(&self) -> usize {
        self.anchor
    }
}

/// A key handled for the paragraph: a byte range of the body to replace and its new text, and
/// where the cursor goes (a character offset into the body).
pub struct Crossing {
    /// The bytes to replace (the newline between two paragraphs, a list marker) and by what.
    pub replace: Option<(Range<usize>, String)>,
    /// The cursor's new place.
    pub cursor: usize,
}

/// Handles a key pressed in paragraph `k` that leaves it, if one was: an arrow, Backspace or
/// Delete (alone or with Ctrl) at its edge, Page Up or Down, Ctrl+Home or End, Enter or Tab in
/// a list. `page` is the height Page Up and Page Down move by.
pub fn crossing(
    ui: &mut Ui,
    k: usize,
    chunks: &Chunks,
    rows: &CursorRows,
    width: f32,
    page: f32,
) -> Option<Crossing> {
    let start = chunks.char_start(k);
    let total = chunks.char_start(chunks.len());
    let (first, last) = (k == 0, k + 1 == chunks.len());
    let shown = super::shown_chars(chunks, k);
    let range = chunks.range(k);
    let at_start = !rows.selecting && rows.index == 0;
    let at_end = !rows.selecting && rows.index >= shown;
    let move_to = |cursor| {
        Some(Crossing {
            replace: None,
            cursor,
        })
    };
    let pressed = |ui: &mut Ui, modifiers, key| ui.input_mut(|i| i.consume_key(modifiers, key));
    // A key alone or with Ctrl (by a word), which at a paragraph's edge do the same.
    let alone_or_by_word = |ui: &mut Ui, key| {
        pressed(ui, Modifiers::NONE, key) || pressed(ui, Modifiers::COMMAND, key)
    };
    for (key, direction) in [(Key::PageUp, -1.0), (Key::PageDown, 1.0)] {
        if pressed(ui, Modifiers::NONE, key) {
            let y = rows.y + direction * page;
            return move_to(paged(ui, chunks, k, (rows.x, y), width));
        }
    }
    if pressed(ui, Modifiers::COMMAND, Key::Home) {
        return move_to(0);
    }
    if pressed(ui, Modifiers::COMMAND, Key::End) {
        return move_to(total);
    }
    if !first && at_start && alone_or_by_word(ui, Key::Backspace) {
        return Some(Crossing {
            replace: Some((range.start - 1..range.start, String::new())),
            cursor: start - 1,
        });
    }
    if !last && at_end && alone_or_by_word(ui, Key::Delete) {
        return Some(Crossing {
            replace: Some((range.end - 1..range.end, String::new())),
            cursor: start + shown,
        });
    }
    if !first && at_start && alone_or_by_word(ui, Key::ArrowLeft) {
        return move_to(start - 1);
    }
    if !last && at_end && alone_or_by_word(ui, Key::ArrowRight) {
        return move_to(start + chunks.chars_of(k));
    }
    if !rows.selecting
        && ui.input(|i| i.modifiers.is_none() && i.key_pressed(Key::Enter))
        && let Some(edit) = enter_in_list(chunks, k, rows.index)
    {
        pressed(ui, Modifiers::NONE, Key::Enter);
        return Some(edit);
    }
    for (modifiers, deeper) in [(Modifiers::NONE, true), (Modifiers::SHIFT, false)] {
        if !rows.selecting
            && ui.input(|i| i.modifiers == modifiers && i.key_pressed(Key::Tab))
            && let Some(edit) = tab_in_list(chunks, k, rows.index, deeper)
        {
            pressed(ui, modifiers, Key::Tab);
            return Some(edit);
        }
    }
    if !first && !rows.selecting && rows.first_row && pressed(ui, Modifiers::NONE, Key::ArrowUp) {
        return move_to(paged(ui, chunks, k, (rows.x, -1.0), width));
    }
    if !last && !rows.selecting && rows.last_row && pressed(ui, Modifiers::NONE, Key::ArrowDown) {
        let below = chunks.height(k).unwrap_or(rows.y) + 1.0;
        return move_to(paged(ui, chunks, k, (rows.x, below), width));
    }
    None
}

/// Paragraph `k`'s text as shown, the byte of its character `index`, and the byte where that
/// character's line starts.
fn line_at(chunks: &Chunks, k: usize, index: usize) -> (&str, usize, usize) {
    let text = super::shown_text(chunks, k);
    let at = crate::text_diff::byte_at_char(text, index);
    let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    (text, at, line_start)
}

/// Enter at character `index` of paragraph `k` when its line is a list item or a quote: the next
/// item's marker after a new line, or the marker of an empty item taken off.
fn enter_in_list(chunks: &Chunks, k: usize, index: usize) -> Option<Crossing> {
    use crate::markdown::continuation::{Continuation, continuation};
    let (text, at, line_start) = line_at(chunks, k, index);
    let body_at = chunks.range(k).start + at;
    let cursor = chunks.char_start(k) + index;
    match continuation(&text[line_start..at])? {
        Continuation::Next(marker) => Some(Crossing {
            cursor: cursor + 1 + marker.chars().count(),
            replace: Some((body_at..body_at, format!("\n{marker}"))),
        }),
        // Only at the end of the line: an empty item's marker comes off.
        Continuation::End if text[at..].starts_with('\n') || at == text.len() => {
            let marker = &text[line_start..at];
            Some(Crossing {
                cursor: cursor - marker.chars().count(),
                replace: Some((body_at - marker.len()..body_at, String::new())),
            })
        }
        Continuation::End => None,
    }
}

/// Tab (`deeper`) or Shift+Tab at character `index` of paragraph `k` when its line is a list
/// item: the item nested under the one above by its marker's width, or brought back out.
fn tab_in_list(chunks: &Chunks, k: usize, index: usize, deeper: bool) -> Option<Crossing> {
    let (text, at, line_start) = line_at(chunks, k, index);
    let line_end = text[at..]
        .find('\n')
        .map_or(text.len(), |newline| at + newline);
    let line = &text[line_start..line_end];
    use crate::markdown::continuation::nesting;
    let own = nesting(line)?;
    // Nested under the item above, by that item's marker ("1. " takes three spaces).
    let above = text[..line_start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .filter(|_| line_start > 0);
    let width = above.and_then(nesting).unwrap_or(own);
    let body_line = chunks.range(k).start + line_start;
    let cursor = chunks.char_start(k) + index;
    if deeper {
        return Some(Crossing {
            replace: Some((body_line..body_line, " ".repeat(width))),
            cursor: cursor + width,
        });
    }
    // Spaces only, and no further back than the line's own indent (nor than the cursor).
    let indent = line.len() - line.trim_start_matches(' ').len();
    let out = width.min(indent).min(at - line_start);
    (out > 0).then(|| Crossing {
        replace: Some((body_line..body_line + out, String::new())),
        cursor: cursor - out,
    })
}

/// Where a selection's moving end at character `head` goes for a movement `key` (an arrow, by
/// a word with `command`; Home or End, with `command` the body's start or end; Page Up or Page
/// Down). A word move at a paragraph's edge goes over to the next paragraph's edge.
pub fn moved(
    ui: &Ui,
    chunks: &Chunks,
    head: usize,
    key: Key,
    command: bool,
    width: f32,
    page: f32,
) -> usize {
    let total = chunks.char_start(chunks.len());
    let (k, local) = chunks.locate(head);
    let galley = super::layout(ui, super::shown_text(chunks, k), width, &[]);
    let cursor = egui::text::CCursor::new(local);
    let at = galley.pos_from_cursor(cursor).center();
    let start = chunks.char_start(k);
    match key {
        Key::Home if command => 0,
        Key::End if command => total,
        Key::Home => start + galley.cursor_begin_of_row(&cursor).index.0,
        Key::End => start + galley.cursor_end_of_row(&cursor).index.0,
        Key::ArrowLeft if command && local > 0 => {
            start + ccursor_previous_word(galley.text(), cursor).index.0
        }
        Key::ArrowRight if command && local < galley.text().chars().count() => {
            start + ccursor_next_word(galley.text(), cursor).index.0
        }
        Key::ArrowLeft => head.saturating_sub(1),
        Key::ArrowRight => (head + 1).min(total),
        Key::ArrowUp => paged(ui, chunks, k, (at.x, at.y - row_height(&galley)), width),
        Key::ArrowDown => paged(ui, chunks, k, (at.x, at.y + row_height(&galley)), width),
        Key::PageUp => paged(ui, chunks, k, (at.x, at.y - page), width),
        Key::PageDown => paged(ui, chunks, k, (at.x, at.y + page), width),
        _ => head,
    }
}

/// The character at `(x, y)`, a position relative to the top of paragraph `k` that may lie in
/// another paragraph above or below it (clamped to the body).
fn paged(ui: &Ui, chunks: &Chunks, k: usize, (x, y): (f32, f32), width: f32) -> usize {
    let height = |i: usize| {
        chunks.height(i).unwrap_or_else(|| {
            super::layout(ui, super::shown_text(chunks, i), width, &[])
                .size()
                .y
        })
    };
    let top: f32 = (0..k).map(height).sum();
    let mut target = (top + y).max(0.0);
    let mut index = 0;
    while index + 1 < chunks.len() && target >= height(index) {
        target -= height(index);
        index += 1;
    }
    let galley = super::layout(ui, super::shown_text(chunks, index), width, &[]);
    let local = galley.cursor_from_pos(egui::vec2(x, target)).index.0;
    chunks.char_start(index) + local
}

/// The height of a paragraph's rows.
fn row_height(galley: &egui::Galley) -> f32 {
    galley.rows.first().map_or(16.0, |row| row.height())
}
