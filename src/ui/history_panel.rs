//! The history pane: the open article's revisions, a word diff of two, and restore.

use crate::app::AppState;
use crate::app::command::Command;
use crate::history::Change;
use egui::{Color32, RichText, text::LayoutJob};

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
    let rows_id = egui::Id::unique("copydesk-history-rows");
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
            if heights.width != width || heights.rows.len() != last + 1 {
                heights = RowHeights {
                    width,
                    rows: vec![None; last + 1],
                };
            }
            let estimate = heights
                .rows
                .iter()
                .flatten()
                .copied()
                .fold(ROW_ESTIMATE, f32::max);
            let spacing = ui.spacing().item_spacing;
            ui.spacing_mut().item_spacing.y = 0.0;
            let (mut y, mut skipped) = (0.0, 0.0);
            for index in (0..=last).rev() {
                let height = heights.rows[index].unwrap_or(estimate);
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
                    let changes = state.history.changes.get(index).map(String::as_str);
                    revision_row(ui, history, index, changes, out);
                });
                let height = drawn.response.rect.height();
                heights.rows[index] = Some(height);
                y += height;
            }
            if skipped > 0.0 {
                ui.allocate_space(egui::vec2(width, skipped));
            }
            ui.data_mut(|d| d.insert_temp(rows_id, heights));
        });
    ui.separator();
    if last == 0 {
        ui.weak("One revision so far: each save that changes the article adds one to compare.");
        return;
    }
    let (mut from, mut to) = state
        .history
        .chosen
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

/// The drawn heights of the revision rows, at the width they were drawn at.
#[derive(Clone, Default)]
struct RowHeights {
    width: f32,
    /// Each revision's row, oldest first; none until drawn.
    rows: Vec<Option<f32>>,
}

/// One revision's row: its number, time, status, words and editor, what it changed, and the
/// buttons to compare and restore it.
fn revision_row(
    ui: &mut egui::Ui,
    history: &crate::history::History,
    index: usize,
    changes: Option<&str>,
    out: &mut Vec<Command>,
) {
    let revision = &history.revisions[index];
    let last = history.revisions.len() - 1;
    // Seconds too: autosaves a few seconds apart are told apart.
    let when = revision
        .at
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M:%S");
    let by = if revision.editor.is_empty() {
        String::new()
    } else {
        format!(" · {}", revision.editor)
    };
    // Numbered as the From and To boxes below number them; its actions go on the line below,
    // wrapped, so that a narrow pane keeps its width.
    ui.label(format!(
        "{} · {when} · {} · {}{by}",
        index + 1,
        revision.status,
        crate::model::plural::counted(revision.words, "word")
    ));
    if let Some(changes) = changes {
        ui.weak(changes);
    }
    // Each button's name for a screen reader says which revision it acts on.
    let n = index + 1;
    ui.horizontal_wrapped(|ui| {
        let latest = format!("Compare revision {n} with the latest");
        if index < last && named(ui, "Compare with latest", &latest) {
            out.push(Command::CompareRevisions(index, last));
        }
        let previous = format!("Compare revision {n} with the one before");
        if index > 0 && named(ui, "Compare with previous", &previous) {
            out.push(Command::CompareRevisions(index - 1, index));
        }
        let restore = format!("Restore revision {n} (undoable with Ctrl+Z)");
        if named(ui, "Restore", &restore) {
            out.push(Command::RestoreRevision(index));
        }
    });
    ui.add_space(4.0);
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
