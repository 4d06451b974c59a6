//! The keys that cross a paragraph's edge: the body editor handles them before the paragraph's
//! text box sees them, so the arrows, Backspace and Delete work as in one text.

use super::chunks::Chunks;
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

/// A key that crossed a paragraph's edge: a byte range of the body to delete, and where the
/// cursor goes (a character offset into the body).
pub struct Crossing {
    /// The bytes to delete (the newline between two paragraphs).
    pub delete: Option<Range<usize>>,
    /// The cursor's new place.
    pub cursor: usize,
}

/// Handles a key pressed in paragraph `k` that leaves it, if one was. `page` is the height
/// Page Up and Page Down move by.
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
            delete: None,
            cursor,
        })
    };
    let pressed = |ui: &mut Ui, modifiers, key| ui.input_mut(|i| i.consume_key(modifiers, key));
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
    if !first && at_start && pressed(ui, Modifiers::NONE, Key::Backspace) {
        return Some(Crossing {
            delete: Some(range.start - 1..range.start),
            cursor: start - 1,
        });
    }
    if !last && at_end && pressed(ui, Modifiers::NONE, Key::Delete) {
        return Some(Crossing {
            delete: Some(range.end - 1..range.end),
            cursor: start + shown,
        });
    }
    if !first && at_start && pressed(ui, Modifiers::NONE, Key::ArrowLeft) {
        return move_to(start - 1);
    }
    if !last && at_end && pressed(ui, Modifiers::NONE, Key::ArrowRight) {
        return move_to(start + chunks.chars_of(k));
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

/// Where a selection's moving end at character `head` goes for a movement `key` (an arrow,
/// Home or End, with `command` for the body's start or end, Page Up or Page Down).
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
