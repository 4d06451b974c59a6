//! The status bar: counts for the current article, save state, lock state, the latest message.

use crate::app::AppState;
use crate::model::TextStats;
use crate::model::plural::{counted, grouped, part_of};

/// Text statistics of the body, recounted only where it changed since the last frame.
pub fn body_stats(body: &str) -> TextStats {
    thread_local! {
        static COUNTS: std::cell::RefCell<crate::model::stats::IncrementalStats> = Default::default();
    }
    COUNTS.with(|counts| counts.borrow_mut().of(body))
}

/// A selection counted: characters `start..end` of a body of a length (in bytes), and its counts.
type CountedSelection = ((usize, usize, usize), TextStats);

/// Text statistics of characters `start..end` of the body (a selection), counted again only
/// when the selection or the body's length changes.
fn selection_stats(body: &str, (start, end): (usize, usize)) -> TextStats {
    thread_local! {
        static LAST: std::cell::Cell<Option<CountedSelection>> = const { std::cell::Cell::new(None) };
    }
    let key = (start, end, body.len());
    if let Some((counted, stats)) = LAST.get()
        && counted == key
    {
        return stats;
    }
    use crate::text_diff::byte_at_char;
    let from = byte_at_char(body, start);
    let to = from + byte_at_char(&body[from..], end.saturating_sub(start));
    let stats = TextStats::of(&body[from..to]);
    LAST.set(Some((key, stats)));
    stats
}

/// Draws the status bar.
pub fn ui(ui: &mut egui::Ui, state: &AppState) {
    ui.horizontal(|ui| {
        if let Some(draft) = &state.draft {
            let stats = body_stats(&draft.body);
            let speed = state
                .bundle
                .as_ref()
                .map_or(crate::model::project::DEFAULT_READING_SPEED, |b| {
                    b.project().settings.reading_words_per_minute
                });
            // No "0 min read" without a word, as the page and the export say it.
            ui.label(format!(
                "{} · {} ({} without spaces){}",
                counted(stats.words, "word"),
                counted(stats.chars, "character"),
                grouped(stats.chars_no_spaces),
                crate::model::stats::reading_note(stats.reading_minutes(speed))
            ));
            if let Some(selected) = state.body_selected {
                let chosen = selection_stats(&draft.body, selected);
                ui.separator();
                ui.label(format!(
                    "{} and {} selected",
                    counted(chosen.words, "word"),
                    counted(chosen.chars, "character")
                ));
            }
            ui.separator();
        }
        let save_state = if state.bundle.is_none() {
            String::new()
        } else if let Some((done, total)) = state.saving {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
            format!("Saving… {}", part_of(done, total, "article"))
        } else if state.has_unsaved_changes() {
            "Unsaved changes".to_owned()
        } else if let Some(at) = state.last_saved {
            format!("Saved {}", at.format("%H:%M"))
        } else {
            "No changes".to_owned()
        };
        ui.label(save_state);
        // Imports on their way, said until the last has arrived (a notice would go after ten
        // seconds, or with the next).
        if let Some(importing) = state.importing() {
            ui.separator();
            ui.label(importing);
        }
        if state.read_only.is_some() {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, "Read-only");
        }
        // The latest notice, for a while (`Notice::shown_for`); the bar wakes to take it down.
        let fresh = state.notice.as_ref().and_then(|notice| {
            let left = notice.shown_for().checked_sub(notice.at.elapsed())?;
            ui.ctx().request_repaint_after(left);
            Some(notice)
        });
        if let Some(notice) = fresh {
            ui.separator();
            let text = egui::RichText::new(&notice.text);
            let text = if notice.error {
                text.color(ui.visuals().error_fg_color)
            } else {
                text.weak()
            };
            // Cut to the bar's width; hovered, the line shows in full, or every problem it sums
            // up, each in full.
            let line = ui.add(
                egui::Label::new(text)
                    .truncate()
                    .show_tooltip_when_elided(notice.details.is_empty()),
            );
            if !notice.details.is_empty() {
                line.on_hover_ui(|ui| {
                    ui.set_max_width(640.0);
                    for detail in &notice.details {
                        ui.label(detail);
                    }
                });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_counted_by_characters_not_bytes() {
        let body = "Hé said so, and left.";
        let said = selection_stats(body, (1, 7));
        assert_eq!((said.words, said.chars), (2, 6), "\"é said\"");
        // The same range of another body is counted afresh.
        let other = selection_stats("One two three four five six.", (0, 7));
        assert_eq!((other.words, other.chars), (2, 7));
        let all = selection_stats(body, (0, 21));
        assert_eq!(all.words, 5);
        assert_eq!(selection_stats(body, (3, 3)).chars, 0);
        assert_eq!(
            selection_stats(body, (19, 400)).chars,
            2,
            "cut at the body's end"
        );
    }
}
