//! Underlines under the text of findings, drawn by the fields' layouters as the editor types.

use crate::review::{Field, Finding};
use egui::text::LayoutJob;
use egui::{Color32, Stroke, TextFormat, Ui};
use std::ops::Range;
use std::sync::Arc;

/// The byte ranges to underline in a field, with their colours, sorted and not overlapping.
pub fn spans_for(findings: &[Finding], field: Field) -> Vec<(Range<usize>, Color32)> {
    let mut spans: Vec<(Range<usize>, Color32)> = findings
        .iter()
        .filter(|f| f.field == field && f.waived.is_none())
        .filter_map(|f| Some((f.span.clone()?, super::review_panel::level_color(f.level))))
        .filter(|(span, _)| !span.is_empty())
        .collect();
    spans.sort_by_key(|(span, _)| span.start);
    let mut kept: Vec<(Range<usize>, Color32)> = Vec::with_capacity(spans.len());
    for (span, color) in spans {
        match kept.last() {
            Some((last, _)) if span.start < last.end => {}
            _ => kept.push((span, color)),
        }
    }
    kept
}

/// Lays out a field's text with wavy-looking underlines under the given spans.
pub fn layout(
    ui: &Ui,
    text: &str,
    wrap_width: f32,
    multiline: bool,
    spans: &[(Range<usize>, Color32)],
) -> Arc<egui::Galley> {
    let font_id = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let line_height =
        ui.fonts_mut(|f| f.row_height(&font_id)) + ui.spacing().extra_text_line_spacing;
    let plain = TextFormat {
        font_id,
        color,
        line_height: Some(line_height),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (span, underline) in spans {
        let (Some(before), Some(marked)) = (text.get(at..span.start), text.get(span.clone()))
        else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        let mut format = plain.clone();
        format.underline = Stroke::new(2.0, *underline);
        job.append(marked, 0.0, format);
        at = span.end;
    }
    job.append(text.get(at..).unwrap_or(""), 0.0, plain);
    job.wrap.max_width = if multiline { wrap_width } else { f32::INFINITY };
    job.keep_trailing_whitespace = true;
    ui.fonts_mut(|f| f.layout_job(job))
}
