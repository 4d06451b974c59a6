//! Laying a changed text out again by reusing the rows of its previous layout that the change
//! cannot have moved: a keystroke lays out the row or two around the cursor, not the whole
//! paragraph. egui's own cache reuses only a layout whose text is unchanged.
//!
//! Where a row breaks depends only on the text up to the first word of the row after it. So
//! after an edit, the rows before the edited one are kept (and the one just above it, unless the
//! edit reaches into the edited row's first word, which might then fit on it). From there, a
//! window of the text is laid out again, reaching into the row after the edit; as soon as one of
//! its rows starts where an old row after the edit started (shifted by the edit), that old row
//! and every row after it are kept. Otherwise the next window goes on from the last settled row
//! and reaches further, at worst to the text's end.
//!
//! egui rounds glyph positions to pixels from where the laid-out text starts, so a kept or
//! re-laid row can sit a pixel apart from a fresh layout's, and a row that ends within a pixel
//! of the measure can wrap its last word differently (about 1 edit in 100; see the tests).

mod rows;
#[cfg(test)]
mod tests;
mod window;

use egui::text::LayoutJob;
use egui::{Galley, Id, Ui};
use rows::{first_word_end, format_prefix, format_suffix, row_starts};
use std::collections::HashMap;
use std::sync::Arc;
use window::{Built, window_layout};

/// A text's layout, with where each of its rows starts.
#[derive(Clone, Debug)]
pub struct Laid {
    /// The layout.
    pub galley: Arc<Galley>,
    /// Byte offset of each row's start in the text, then the text's length.
    starts: Vec<usize>,
    /// The font atlas as it was when laid out.
    atlas: Atlas,
}

/// The font atlas's state, to tell whether the glyph positions of rows laid out earlier still
/// hold: egui rebuilds the atlas when it fills up (its fill then drops) and when the text
/// options change (a switch between the light and the dark theme changes how glyph coverage
/// becomes alpha), and either leaves older rows pointing at other glyphs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Atlas {
    fill: f32,
    options: egui::epaint::text::TextOptions,
}

impl Atlas {
    /// The atlas of `fonts` now.
    fn of(fonts: &egui::epaint::FontsView<'_>) -> Atlas {
        Atlas {
            fill: fonts.font_atlas_fill_ratio(),
            options: *fonts.options(),
        }
    }

    /// Whether rows laid out when the atlas was `self` can be drawn with the atlas `now`.
    fn still_holds_in(&self, now: &Atlas) -> bool {
        now.options == self.options && now.fill >= self.fill
    }
}

/// Lays out `job`, reusing the rows of `previous` (a layout of a similar text) that the
/// difference between the two cannot have moved; without a usable `previous`, lays it out anew.
pub fn relayout(
    fonts: &mut egui::epaint::FontsView<'_>,
    previous: Option<&Arc<Laid>>,
    job: LayoutJob,
) -> Arc<Laid> {
    let atlas = Atlas::of(fonts);
    let reusable =
        previous.filter(|p| p.atlas.still_holds_in(&atlas) && compatible(&p.galley.job, &job));
    match reusable {
        Some(previous) if previous.galley.job.as_ref() == &job => Arc::clone(previous),
        Some(previous) => after_edit(fonts, previous, job, atlas),
        None => fresh(fonts, job, atlas),
    }
}

/// Lays `job` out anew (through egui's own cache).
fn fresh(fonts: &mut egui::epaint::FontsView<'_>, job: LayoutJob, atlas: Atlas) -> Arc<Laid> {
    let galley = fonts.layout_job(job);
    let starts = row_starts(&galley.job.text, &galley);
    Arc::new(Laid {
        galley,
        starts,
        atlas,
    })
}

/// Whether rows laid out for `old` can stand in `new`'s layout: the same wrapping and alignment,
/// no elision, no justification and no taller first row.
fn compatible(old: &LayoutJob, new: &LayoutJob) -> bool {
    old.wrap.max_width.round() == new.wrap.max_width.round()
        && old.wrap.max_rows == usize::MAX
        && new.wrap.max_rows == usize::MAX
        && old.wrap.break_anywhere == new.wrap.break_anywhere
        && old.halign == new.halign
        && !old.justify
        && !new.justify
        && old.first_row_min_height == 0.0
        && new.first_row_min_height == 0.0
        && old.round_output_to_gui == new.round_output_to_gui
        && old.keep_trailing_whitespace == new.keep_trailing_whitespace
        && old.break_on_newline == new.break_on_newline
}

/// Lays out `job`, an edit of `previous`'s text or formatting, window by window (see the module
/// documentation).
fn after_edit(
    fonts: &mut egui::epaint::FontsView<'_>,
    previous: &Laid,
    job: LayoutJob,
    atlas: Atlas,
) -> Arc<Laid> {
    let (old, new) = (previous.galley.job.text.as_str(), job.text.as_str());
    // What changed: the text, or its formatting (an underline that came or went).
    let prefix = rows::common_prefix(old, new).min(format_prefix(&previous.galley.job, &job));
    let suffix =
        rows::common_suffix(old, new, prefix).min(format_suffix(&previous.galley.job, &job));
    // A text that is mostly new (another article's paragraph in the same slot, a large paste)
    // is laid out anew rather than window by window.
    if prefix + suffix < new.len() / 2 {
        return fresh(fonts, job, atlas);
    }
    let edit_end = old.len() - suffix;
    let shift = |at: usize| at + new.len() - old.len();
    let starts = &previous.starts[..previous.galley.rows.len()];
    let row_of = |byte: usize| starts.partition_point(|s| *s <= byte) - 1;
    let edited = row_of(prefix);
    let above_stands = first_word_end(old, starts[edited]..prefix).is_some()
        || edited == 0
        || previous.galley.rows[edited - 1].ends_with_newline;
    let first = if above_stands { edited } else { edited - 1 };
    let mut built = Built::keeping(previous, ..first);
    let mut at = starts[first];
    let mut reach = row_of(edit_end) + 1;
    let mut growth = 2;
    let last_window = loop {
        let Some(&reach_start) = starts.get(reach) else {
            let window = window_layout(fonts, &job, at..new.len());
            let window_starts = row_starts(&window.job.text, &window);
            built.take(&window, &window_starts, at, window.rows.len());
            break window;
        };
        // Into the old row `reach` up to the end of its first word: enough to see whether the
        // row before still breaks where it did. A row without one is taken whole.
        let reach_end = previous.starts[reach + 1];
        let reach_end = first_word_end(old, reach_start..reach_end).unwrap_or(reach_end);
        let window = window_layout(fonts, &job, at..shift(reach_end));
        let window_starts = row_starts(&window.job.text, &window);
        let resync = (1..window.rows.len()).find_map(|row| {
            let old_start = (at + window_starts[row] + old.len()).checked_sub(new.len())?;
            let old_row = starts.binary_search(&old_start).ok()?;
            (old_start >= edit_end).then_some((row, old_row))
        });
        if let Some((row, old_row)) = resync {
            built.take(&window, &window_starts, at, row);
            built.keep_shifted(previous, old_row.., shift);
            break window;
        }
        // No row of this window starts as an old one did: all but its last row (cut short by
        // the window's end) are settled, and the next window starts with that last row.
        let settled = window.rows.len() - 1;
        built.take(&window, &window_starts, at, settled);
        at += window_starts[settled];
        reach += growth;
        growth *= 4;
    };
    built.finish(&last_window, job, atlas)
}

/// One pane's layouts from its last frame, by slot (a paragraph's index), so that each can be
/// laid out again from its previous layout.
#[derive(Clone, Default)]
struct Layouts {
    /// The pass the `current` layouts were made in.
    pass: u64,
    /// Layouts made in the last pass before `pass`.
    previous: HashMap<usize, Arc<Laid>>,
    /// Layouts made in `pass`.
    current: HashMap<usize, Arc<Laid>>,
}

/// Lays out `job` for slot `slot` of the pane `pane`, reusing what it can of the slot's layout
/// in the last frame (see [`relayout`]).
pub fn layout_in_slot(ui: &Ui, pane: Id, slot: usize, job: LayoutJob) -> Arc<Galley> {
    let pass = ui.ctx().cumulative_pass_nr();
    let previous = ui.data_mut(|d| {
        let layouts = d.get_temp_mut_or_default::<Layouts>(pane);
        if layouts.pass != pass {
            layouts.previous = std::mem::take(&mut layouts.current);
            layouts.pass = pass;
        }
        layouts
            .current
            .get(&slot)
            .or_else(|| layouts.previous.get(&slot))
            .cloned()
    });
    // Rows laid out at another scale (before a zoom) have their glyphs placed for that scale.
    let scale = ui.pixels_per_point();
    let previous = previous.filter(|laid| laid.galley.pixels_per_point == scale);
    let laid = ui.fonts_mut(|fonts| relayout(fonts, previous.as_ref(), job));
    let galley = laid.galley.clone();
    ui.data_mut(|d| {
        d.get_temp_mut_or_default::<Layouts>(pane)
            .current
            .insert(slot, laid);
    });
    galley
}
