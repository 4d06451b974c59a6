//! Underlines under the text of findings, drawn by the fields' layouters as the editor types.

use crate::review::{Field, Finding};
use crate::text_diff::{common_prefix, common_suffix};
use egui::text::LayoutJob;
use egui::{Color32, Stroke, TextFormat, Ui};
use std::ops::Range;
use std::sync::Arc;

/// How a stretch of a field's text is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Underlined in this colour: a finding, or a match of the find bar.
    Underline(Color32),
    /// Filled behind in this colour, as a selection is: the match the find bar went to.
    Fill(Color32),
}

/// The byte ranges to underline in a field, with their colours, sorted and not overlapping.
pub fn spans_for(findings: &[Finding], field: Field) -> Vec<(Range<usize>, Mark)> {
    let mut spans: Vec<(Range<usize>, Mark)> = findings
        .iter()
        .filter(|f| f.field == field && f.waived.is_none())
        .filter_map(|f| {
            let color = super::review_panel::level_color(f.level);
            Some((f.span.clone()?, Mark::Underline(color)))
        })
        .filter(|(span, _)| !span.is_empty())
        .collect();
    spans.sort_by_key(|(span, _)| span.start);
    let mut kept: Vec<(Range<usize>, Mark)> = Vec::with_capacity(spans.len());
    for (span, mark) in spans {
        match kept.last() {
            Some((last, _)) if span.start < last.end => {}
            _ => kept.push((span, mark)),
        }
    }
    kept
}

/// `spans` with `marks` (the find bar's matches) added as `mark`; a mark wins over a span it
/// overlaps, and the result stays sorted and without overlaps.
pub fn with_marks(
    spans: Vec<(Range<usize>, Mark)>,
    marks: impl Iterator<Item = Range<usize>>,
    mark: Mark,
) -> Vec<(Range<usize>, Mark)> {
    let marks: Vec<Range<usize>> = marks.filter(|m| !m.is_empty()).collect();
    if marks.is_empty() {
        return spans;
    }
    let overlaps = |span: &Range<usize>| {
        marks
            .iter()
            .any(|m| m.start < span.end && span.start < m.end)
    };
    let mut merged: Vec<(Range<usize>, Mark)> = spans
        .into_iter()
        .filter(|(span, _)| !overlaps(span))
        .collect();
    merged.extend(marks.into_iter().map(|m| (m, mark)));
    merged.sort_by_key(|(span, _)| span.start);
    merged
}

/// Moves `spans`, made on `reviewed`, onto `text` as it is now: spans before the edited stretch
/// stay, spans after it move with the text, and spans inside it are dropped until the next
/// review. So underlines stay on their words while the review catches up with typing.
pub fn rebase<T>(
    spans: Vec<(Range<usize>, T)>,
    reviewed: &str,
    text: &str,
) -> Vec<(Range<usize>, T)> {
    if spans.is_empty() || reviewed == text {
        return spans;
    }
    let prefix = common_prefix(reviewed, text);
    let suffix_start = reviewed.len() - common_suffix(reviewed, text, prefix);
    spans
        .into_iter()
        .filter_map(|(span, tag)| {
            if span.end <= prefix {
                Some((span, tag))
            } else if span.start >= suffix_start {
                let moved = span.start + text.len() - reviewed.len()
                    ..span.end + text.len() - reviewed.len();
                Some((moved, tag))
            } else {
                None
            }
        })
        .collect()
}

/// The findings (indices into `findings`) whose underlined text in `field` takes in byte `at`
/// of `text`, the field as it is now; `reviewed` is the field's text the findings were made on,
/// so a finding is found where its underline is drawn.
pub fn findings_at(
    findings: &[Finding],
    field: Field,
    reviewed: &str,
    text: &str,
    at: usize,
) -> Vec<usize> {
    let spans = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.field == field && f.waived.is_none())
        .filter_map(|(index, f)| Some((f.span.clone()?, index)))
        .filter(|(span, _)| !span.is_empty())
        .collect();
    rebase(spans, reviewed, text)
        .into_iter()
        .filter(|(span, _)| span.start <= at && at <= span.end)
        .map(|(_, index)| index)
        .collect()
}

/// Lays out a field's text with the given spans marked.
pub fn layout(
    ui: &Ui,
    text: &str,
    wrap_width: f32,
    multiline: bool,
    spans: &[(Range<usize>, Mark)],
) -> Arc<egui::Galley> {
    let job = job(ui, text, wrap_width, multiline, spans);
    ui.fonts_mut(|f| f.layout_job(job))
}

/// The layout job of a field's text with the given spans marked.
pub fn job(
    ui: &Ui,
    text: &str,
    wrap_width: f32,
    multiline: bool,
    spans: &[(Range<usize>, Mark)],
) -> LayoutJob {
    let font_id = egui::TextStyle::Body.resolve(ui.style());
    // The text box paints the placeholder in its own text colour, so a field with underlines
    // reads in the same colour as one without.
    let color = Color32::PLACEHOLDER;
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
    for (span, mark) in spans {
        let (Some(before), Some(marked)) = (text.get(at..span.start), text.get(span.clone()))
        else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        let mut format = plain.clone();
        match *mark {
            Mark::Underline(color) => format.underline = Stroke::new(2.0, color),
            Mark::Fill(color) => format.background = color,
        }
        job.append(marked, 0.0, format);
        at = span.end;
    }
    job.append(text.get(at..).unwrap_or(""), 0.0, plain);
    job.wrap.max_width = if multiline { wrap_width } else { f32::INFINITY };
    job.keep_trailing_whitespace = true;
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underlines_stay_on_their_words_while_the_review_catches_up() {
        let reviewed = "Kyivs talks. Moscows reply.";
        let red = Mark::Underline(Color32::RED);
        let spans = vec![(0..5, red), (13..20, red)];
        // Typing before both words moves both underlines with their words.
        let text = "Breaking: Kyivs talks. Moscows reply.";
        let moved = rebase(spans.clone(), reviewed, text);
        assert_eq!(moved, vec![(10..15, red), (23..30, red)]);
        assert_eq!(&text[moved[1].0.clone()], "Moscows");
        // An edit inside a word drops its underline until the next review; the other stays.
        let text = "Kyiv's talks. Moscows reply.";
        assert_eq!(rebase(spans.clone(), reviewed, text), vec![(14..21, red)]);
        // Nothing changed: nothing moves.
        assert_eq!(rebase(spans.clone(), reviewed, reviewed), spans);
    }

    #[test]
    fn find_marks_join_the_underlines_and_win_where_they_overlap() {
        let (red, blue) = (Mark::Underline(Color32::RED), Mark::Fill(Color32::BLUE));
        let spans = vec![(0..5, red), (13..20, red)];
        let merged = with_marks(spans.clone(), [15..18, 6..8].into_iter(), blue);
        assert_eq!(merged, vec![(0..5, red), (6..8, blue), (15..18, blue)]);
        assert_eq!(with_marks(spans.clone(), std::iter::empty(), blue), spans);
    }
}
