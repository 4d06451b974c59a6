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
    let total: usize = start + (k..chunks.len()).map(|i| chunks.chars_of(i)).sum::<usize>();
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
            return move_to(paged(ui, chunks, k, rows, width, direction * page));
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
        let galley = super::layout(ui, super::shown_text(chunks, k - 1), width, &[]);
        let below = galley.rect.bottom() - 1.0;
        let local = galley.cursor_from_pos(egui::vec2(rows.x, below)).index.0;
        return move_to(chunks.char_start(k - 1) + local);
    }
    if !last && !rows.selecting && rows.last_row && pressed(ui, Modifiers::NONE, Key::ArrowDown) {
        let galley = super::layout(ui, super::shown_text(chunks, k + 1), width, &[]);
        let local = galley.cursor_from_pos(egui::vec2(rows.x, 1.0)).index.0;
        return move_to(start + chunks.chars_of(k) + local);
    }
    None
}

/// The character a page up or down (`distance` points) from the cursor in paragraph `k`, at the
/// same x position.
fn paged(
    ui: &Ui,
    chunks: &Chunks,
    k: usize,
    rows: &CursorRows,
    width: f32,
    distance: f32,
) -> usize {
    let height = |i: usize| {
        chunks.height(i).unwrap_or_else(|| {
            super::layout(ui, super::shown_text(chunks, i), width, &[])
                .size()
                .y
        })
    };
    let top: f32 = (0..k).map(height).sum();
    let mut target = (top + rows.y + distance).max(0.0);
    let mut index = 0;
    while index + 1 < chunks.len() && target >= height(index) {
        target -= height(index);
        index += 1;
    }
    let galley = super::layout(ui, super::shown_text(chunks, index), width, &[]);
    let local = galley.cursor_from_pos(egui::vec2(rows.x, target)).index.0;
    chunks.char_start(index) + local
}
