//! Laying out a window of a text, and stacking kept and new rows into one layout.

use super::Laid;
use egui::emath::{GuiRounding as _, NumExt as _};
use egui::epaint::text::PlacedRow;
use egui::text::{ByteIndex, LayoutJob, LayoutSection};
use egui::{Galley, Rect};
use std::ops::{Range, RangeFrom, RangeTo};
use std::sync::Arc;

/// Lays out the part `range` of `job` as a text of its own.
pub fn window_layout(
    fonts: &mut egui::epaint::FontsView<'_>,
    job: &LayoutJob,
    range: Range<usize>,
) -> Arc<Galley> {
    let first = job
        .sections
        .partition_point(|s| s.byte_range.end.0 <= range.start);
    let mut sections: Vec<LayoutSection> = job.sections[first..]
        .iter()
        .take_while(|s| s.byte_range.start.0 < range.end)
        .map(|s| {
            let (start, end) = (s.byte_range.start.0, s.byte_range.end.0);
            LayoutSection {
                // A section cut at its start loses its leading space.
                leading_space: if start < range.start {
                    0.0
                } else {
                    s.leading_space
                },
                byte_range: ByteIndex(start.max(range.start) - range.start)
                    ..ByteIndex(end.min(range.end) - range.start),
                format: s.format.clone(),
            }
        })
        .collect();
    // An empty window still has the text's format, so that its empty row has the right height.
    if sections.is_empty()
        && let Some(section) = job.sections.first()
    {
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(0)..ByteIndex(0),
            format: section.format.clone(),
        });
    }
    fonts.layout_job(LayoutJob {
        text: job.text[range].to_owned(),
        sections,
        wrap: job.wrap.clone(),
        first_row_min_height: job.first_row_min_height,
        break_on_newline: job.break_on_newline,
        halign: job.halign,
        justify: job.justify,
        round_output_to_gui: job.round_output_to_gui,
        keep_trailing_whitespace: job.keep_trailing_whitespace,
    })
}

/// The rows of a layout being stacked together, and the byte where each starts.
pub struct Built {
    rows: Vec<PlacedRow>,
    starts: Vec<usize>,
}

impl Built {
    /// Starts with `previous`'s rows `kept`.
    pub fn keeping(previous: &Laid, kept: RangeTo<usize>) -> Self {
        Self {
            rows: previous.galley.rows[kept].to_vec(),
            starts: previous.starts[kept].to_vec(),
        }
    }

    /// Adds the first `count` rows of `window`, which was laid out from byte `at`;
    /// `window_starts` are its [`row_starts`](super::rows::row_starts).
    pub fn take(&mut self, window: &Galley, window_starts: &[usize], at: usize, count: usize) {
        self.rows.extend_from_slice(&window.rows[..count]);
        let starts = window_starts[..count].iter().map(|s| s + at);
        self.starts.extend(starts);
    }

    /// Adds `previous`'s rows `kept`, whose starts `shift` moves to where they are now.
    pub fn keep_shifted(
        &mut self,
        previous: &Laid,
        kept: RangeFrom<usize>,
        shift: impl Fn(usize) -> usize,
    ) {
        self.rows
            .extend_from_slice(&previous.galley.rows[kept.clone()]);
        let starts = previous.starts[kept].iter().map(|s| shift(*s));
        self.starts.extend(starts);
    }

    /// The layout of `job` made of the rows added, stacked; `window` is one laid out for it.
    pub fn finish(mut self, window: &Galley, job: LayoutJob, atlas: super::Atlas) -> Arc<Laid> {
        if self.starts.len() == self.rows.len() {
            self.starts.push(job.text.len());
        }
        let mut galley = window.clone();
        galley.job = Arc::new(job);
        place_rows(&mut galley, self.rows);
        Arc::new(Laid {
            galley: Arc::new(galley),
            starts: self.starts,
            atlas,
        })
    }
}

/// Puts `rows` one under the other in `galley`, and sets its bounds and sizes as egui's own
/// layout does.
fn place_rows(galley: &mut Galley, mut rows: Vec<PlacedRow>) {
    let pixels_per_point = galley.pixels_per_point;
    let mut y = 0.0_f32;
    let mut rect = Rect::ZERO;
    let mut mesh_bounds = Rect::NOTHING;
    let (mut vertices, mut indices) = (0, 0);
    for placed in &mut rows {
        placed.pos.y = y;
        y = ((y + placed.row.size.y) * pixels_per_point).round() / pixels_per_point;
        rect |= placed.rect();
        mesh_bounds |= placed.visuals.mesh_bounds.translate(placed.pos.to_vec2());
        vertices += placed.visuals.mesh.vertices.len();
        indices += placed.visuals.mesh.indices.len();
    }
    if galley.job.round_output_to_gui {
        let exceeds = rect.width() > galley.job.wrap.max_width + 1.0;
        rect = rect.round_ui();
        if !exceeds {
            rect.max.x = rect
                .max
                .x
                .at_most(rect.min.x + galley.job.wrap.max_width)
                .floor_ui();
        }
    }
    galley.rows = rows;
    galley.elided = false;
    galley.rect = rect;
    galley.mesh_bounds = mesh_bounds;
    galley.num_vertices = vertices;
    galley.num_indices = indices;
}
