//! The history pane: the open article's revisions, a word diff of two, and restore.

use crate::app::AppState;
use crate::app::command::Command;
use crate::history::{Change, History, Revision};
use crate::history_changes::{Changed, describe};
use egui::{Color32, RichText, text::LayoutJob};
use std::ops::Range;

/// Draws the history pane.
pub fn ui(ui: &mut egui::Ui, state: &mut AppState, out: &mut Vec<Command>) {
    if state.draft.is_none() {
        ui.weak("Select an article to see its revisions.");
        return;
    }
    state.load_history();
    if let Some(error) = &state.history.error {
        ui.colored_label(ui.visuals().warn_fg_color, error);
        return;
    }
    let Some(history) = &state.history.history else {
        return;
    };
    if history.revisions.is_empty() {
        ui.weak("No revisions yet: one is kept each time a save changes the article.");
        return;
    }
    ui.label(format!(
        "{}, newest first",
        crate::model::plural::counted(history.revisions.len(), "revision")
    ));
    let last = history.revisions.len() - 1;
    let rows = rows(&state.history);
    let changed = &state.history.changed;
    let rows_id = egui::Id::unique("copydesk-history-rows");
    let mut toggled = None;
    egui::ScrollArea::vertical()
        .id_salt("history-scroll")
        .max_height(ui.available_height() * 0.45)
        // As wide as the pane, not shrunk to the rows: the room kept for the bar stays.
        .auto_shrink([false, true])
        .show_viewport(ui, |ui, viewport| {
            // Only the rows in view are drawn: a history of thousands of revisions costs a
            // frame what a screenful does. A row's height is remembered once drawn.
            super::panes::clear_of_scroll_bar(ui, f32::INFINITY);
            let width = ui.available_width();
            let mut heights: RowHeights =
                ui.data_mut(|d| d.remove_temp(rows_id)).unwrap_or_default();
            if heights.width != width || heights.rows != rows {
                heights = RowHeights {
                    width,
                    heights: vec![None; rows.len()],
                    rows: rows.clone(),
                };
            }
            let estimate = heights
                .heights
                .iter()
                .flatten()
                .copied()
                .fold(ROW_ESTIMATE, f32::max);
            let spacing = ui.spacing().item_spacing;
            ui.spacing_mut().item_spacing.y = 0.0;
            let (mut y, mut skipped) = (0.0, 0.0);
            for (position, row) in rows.iter().enumerate() {
                let height = heights.heights[position].unwrap_or(estimate);
                if y + height < viewport.min.y || y > viewport.max.y {
                    skipped += height;
                    y += height;
                    continue;
                }
                if skipped > 0.0 {
                    ui.allocate_space(egui::vec2(width, skipped));
                    skipped = 0.0;
                }
                let drawn = ui.scope(|ui| {
                    ui.spacing_mut().item_spacing = spacing;
                    match row {
                        Row::Revision { index, inside } if *inside => {
                            ui.indent(("revision of a sitting", index), |ui| {
                                revision_row(ui, history, *index, changed, out);
                            });
                        }
                        Row::Revision { index, .. } => {
                            revision_row(ui, history, *index, changed, out);
                        }
                        Row::Sitting(sitting) => {
                            let opened = state.history.opened.contains(&sitting.start);
                            if sitting_row(ui, history, sitting, opened, changed, out) {
                                toggled = Some(sitting.start);
                            }
                        }
                    }
                });
                let height = drawn.response.rect.height();
                heights.heights[position] = Some(height);
                y += height;
            }
            if skipped > 0.0 {
                ui.allocate_space(egui::vec2(width, skipped));
            }
            ui.data_mut(|d| d.insert_temp(rows_id, heights));
        });
    if let Some(first) = toggled
        && !state.history.opened.remove(&first)
    {
        state.history.opened.insert(first);
    }
    let Some(history) = &state.history.history else {
        return;
    };
    ui.separator();
    if last == 0 {
        ui.weak("One revision so far: each save that changes the article adds one to compare.");
        return;
    }
    let shown_first = state.history.default_comparison();
    let (mut from, mut to) = state
        .history
        .chosen
        .or(shown_first)
        .unwrap_or((last.saturating_sub(1), last));
    ui.horizontal_wrapped(|ui| {
        revision_box(ui, "From", &mut from, history);
        revision_box(ui, "To", &mut to, history);
    });
    state.history.chosen = Some((from, to));
    if from == to {
        ui.weak("Choose two different revisions to compare.");
        return;
    }
    // The two chosen revisions are compared as soon as they are chosen.
    let shown = state.history.comparison.as_ref().map(|(pair, _)| *pair);
    if shown != Some((from.min(to), from.max(to))) {
        out.push(Command::CompareRevisions(from, to));
    }
    let Some(((old, new), fields)) = &state.history.comparison else {
        return;
    };
    ui.label(RichText::new(format!("Changes from revision {} to {}", old + 1, new + 1)).strong());
    let others = &state.history.other_changes;
    if !others.is_empty() {
        ui.label(format!("Also changed: {}", others.join(", ")));
    }
    if fields.is_empty() {
        ui.weak("The headline, standfirst and body are the same in both.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("diff-scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            super::panes::clear_of_scroll_bar(ui, f32::INFINITY);
            for diff in fields {
                ui.add_space(4.0);
                ui.label(RichText::new(diff.field).italics());
                ui.label(diff_job(ui, &diff.runs))
                    .on_hover_text("Green: added. Red, struck through: removed.");
            }
        });
}

/// A row's height before it is first drawn, in points (a header, a line of changes, buttons).
const ROW_ESTIMATE: f32 = 60.0;

/// A row of the pane's list of revisions.
#[derive(Clone, Debug, PartialEq)]
enum Row {
    /// The saves of one sitting, shown as one row.
    Sitting(Range<usize>),
    /// One revision; `inside` an opened sitting, shown as one of its saves.
    Revision { index: usize, inside: bool },
}

/// The rows of the pane's list, newest first: a sitting of one save is that revision's row; a
/// sitting of several is a row of its own, followed by each of its saves when opened.
fn rows(view: &crate::app::history::HistoryView) -> Vec<Row> {
    let mut rows = Vec::new();
    for sitting in view.sittings.iter().rev() {
        if sitting.len() == 1 {
            rows.push(Row::Revision {
                index: sitting.start,
                inside: false,
            });
            continue;
        }
        rows.push(Row::Sitting(sitting.clone()));
        if view.opened.contains(&sitting.start) {
            rows.extend(sitting.clone().rev().map(|index| Row::Revision {
                index,
                inside: true,
            }));
        }
    }
    rows
}

/// The drawn heights of the pane's rows, at the width they were drawn at.
#[derive(Clone, Default)]
struct RowHeights {
    width: f32,
    /// The rows, newest first.
    rows: Vec<Row>,
    /// Each row's height; none until drawn.
    heights: Vec<Option<f32>>,
}

/// One revision's row: its number, time, status, words and editor, what it changed, and the
/// buttons to compare and restore it.
fn revision_row(
    ui: &mut egui::Ui,
    history: &History,
    index: usize,
    changed: &[Changed],
    out: &mut Vec<Command>,
) {
    let revision = &history.revisions[index];
    // Seconds too: autosaves a few seconds apart are told apart.
    let when = local(revision).format("%Y-%m-%d %H:%M:%S");
    // Numbered as the From and To boxes below number them; its actions go on the line below,
    // wrapped, so that a narrow pane keeps its width.
    ui.label(format!("{} · {when} · {}", index + 1, standing(revision)));
    ui.weak(describe(history, index..index + 1, changed));
    ui.horizontal_wrapped(|ui| {
        actions(ui, history, index, index.checked_sub(1), out);
    });
    ui.add_space(4.0);
}

/// A sitting's row: the revisions and times it spans, where its last save left the article,
/// what its saves changed together, the buttons acting on its last save while it is closed,
/// and one to show each save; true when that one was clicked.
fn sitting_row(
    ui: &mut egui::Ui,
    history: &History,
    sitting: &Range<usize>,
    opened: bool,
    changed: &[Changed],
    out: &mut Vec<Command>,
) -> bool {
    let (first, last) = (sitting.start, sitting.end - 1);
    let (start, end) = (
        local(&history.revisions[first]),
        local(&history.revisions[last]),
    );
    // The end's date only when it is another day.
    let mut when = start.format("%Y-%m-%d %H:%M:%S").to_string();
    if end != start {
        let same_day = start.date_naive() == end.date_naive();
        let format = if same_day {
            "%H:%M:%S"
        } else {
            "%Y-%m-%d %H:%M:%S"
        };
        when = format!("{when} – {}", end.format(format));
    }
    ui.label(format!(
        "{}–{} · {when} · {}",
        first + 1,
        last + 1,
        standing(&history.revisions[last])
    ));
    ui.weak(describe(history, sitting.clone(), changed));
    let (span, saves) = (
        format!("revisions {} to {}", first + 1, last + 1),
        sitting.len(),
    );
    let mut toggled = false;
    ui.horizontal_wrapped(|ui| {
        if opened {
            toggled = named(ui, "Hide the saves", &format!("Hide the saves of {span}"));
        } else {
            actions(ui, history, last, first.checked_sub(1), out);
            let name = format!("Show the {saves} saves of {span}");
            toggled = named(ui, &format!("Show the {saves} saves"), &name);
        }
    });
    ui.add_space(4.0);
    toggled
}

/// When a revision was made, in local time.
fn local(revision: &Revision) -> chrono::DateTime<chrono::Local> {
    revision.at.with_timezone(&chrono::Local)
}

/// Where a revision left the article, and who saved it: "draft · 656 words · Ann".
fn standing(revision: &Revision) -> String {
    let by = if revision.editor.is_empty() {
        String::new()
    } else {
        format!(" · {}", revision.editor)
    };
    let words = crate::model::plural::counted(revision.words, "word");
    format!("{} · {words}{by}", revision.status)
}

/// The buttons acting on revision `index`: compare it with the latest and with `previous` (the
/// one before it, or before its sitting), and restore it. Each button's name for a screen
/// reader says which revisions it acts on.
fn actions(
    ui: &mut egui::Ui,
    history: &History,
    index: usize,
    previous: Option<usize>,
    out: &mut Vec<Command>,
) {
    let (n, latest) = (index + 1, history.revisions.len() - 1);
    let name = format!("Compare revision {n} with the latest");
    if index < latest && named(ui, "Compare with latest", &name) {
        out.push(Command::CompareRevisions(index, latest));
    }
    if let Some(previous) = previous {
        let name = if previous + 1 == index {
            format!("Compare revision {n} with the one before")
        } else {
            format!(
                "Compare revision {n} with revision {}, before its sitting",
                previous + 1
            )
        };
        if named(ui, "Compare with previous", &name) {
            out.push(Command::CompareRevisions(previous, index));
        }
    }
    let restore = format!("Restore revision {n} (undoable with Ctrl+Z)");
    if named(ui, "Restore", &restore) {
        out.push(Command::RestoreRevision(index));
    }
}

/// One field's runs laid out: added text on green, removed text struck through on red, long
/// unchanged stretches cut to the words beside the changes.
fn diff_job(ui: &egui::Ui, runs: &[(Change, String)]) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_color = ui.visuals().text_color();
    let last = runs.len().saturating_sub(1);
    for (index, (change, text)) in runs.iter().enumerate() {
        let text = if *change == Change::Same {
            elided(text, index > 0, index < last)
        } else {
            std::borrow::Cow::Borrowed(text.as_str())
        };
        let mut format = egui::TextFormat::simple(font.clone(), text_color);
        match change {
            Change::Same => {}
            Change::Added => format.background = Color32::from_rgba_unmultiplied(40, 170, 60, 70),
            Change::Removed => {
                format.background = Color32::from_rgba_unmultiplied(210, 40, 40, 60);
                format.strikethrough = egui::Stroke::new(1.0, text_color);
            }
        }
        job.append(&text, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// Characters of unchanged text kept beside a change, on each side.
const CONTEXT: usize = 160;

/// An unchanged stretch of text cut to its `CONTEXT` characters after the change before it
/// (`after_change`) and before the change after it (`before_change`), with "…" between; the
/// cuts fall between words.
fn elided(text: &str, after_change: bool, before_change: bool) -> std::borrow::Cow<'_, str> {
    let length = text.chars().count();
    let keep = CONTEXT * (usize::from(after_change) + usize::from(before_change));
    if length <= keep + CONTEXT {
        return std::borrow::Cow::Borrowed(text);
    }
    let byte = |chars: usize| crate::text_diff::byte_at_char(text, chars);
    // Cut between words where the stretch has spaces, so no word is shown in part.
    let head = if after_change {
        let cut = &text[..byte(CONTEXT)];
        cut.rfind(char::is_whitespace).map_or(cut, |at| &cut[..at])
    } else {
        ""
    };
    let tail = if before_change {
        let cut = &text[byte(length - CONTEXT)..];
        cut.find(char::is_whitespace)
            .map_or(cut, |at| cut[at..].trim_start())
    } else {
        ""
    };
    std::borrow::Cow::Owned(format!("{head} … {tail}"))
}

/// A labelled choice of one revision.
fn revision_box(
    ui: &mut egui::Ui,
    label: &str,
    chosen: &mut usize,
    history: &crate::history::History,
) {
    let name = |index: usize| {
        let at = history.revisions[index].at.with_timezone(&chrono::Local);
        format!("{} · {}", index + 1, at.format("%d %b %H:%M"))
    };
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(("revision", label.id))
        .selected_text(name(*chosen))
        .show_ui(ui, |ui| {
            for index in (0..history.revisions.len()).rev() {
                super::fields::choice(ui, chosen, index, name(index));
            }
        })
        .response
        .labelled_by(label.id);
}

/// A small button showing `text`, named `name` for screen readers and on hover.
fn named(ui: &mut egui::Ui, text: &str, name: &str) -> bool {
    super::fields::small_named_button(ui, text, name, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_unchanged_text_keeps_only_the_words_beside_changes() {
        let long = "word ".repeat(200);
        assert_eq!(elided("short", true, true), "short");
        let middle = elided(&long, true, true);
        assert!(middle.contains(" … ") && middle.chars().count() < 2 * CONTEXT + 10);
        let first = elided(&long, false, true);
        assert!(first.starts_with(" … ") && first.chars().count() < CONTEXT + 10);
        let end = elided(&long, true, false);
        assert!(end.ends_with(" … ") && end.chars().count() < CONTEXT + 10);
        // Cut between words, not inside one.
        let stretch = "abcdefgh ".repeat(100);
        let words = elided(&stretch, true, true);
        let (head, tail) = words.split_once(" … ").expect("elided");
        for word in head.split_whitespace().chain(tail.split_whitespace()) {
            assert_eq!(word, "abcdefgh", "{words:?}");
        }
        // Cut on characters, not bytes.
        assert!(elided(&"é ".repeat(400), true, true).contains(" … "));
    }
}
