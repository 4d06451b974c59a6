//! The status bar: counts for the current article, save state, lock state, the latest message.

use crate::app::AppState;
use crate::model::TextStats;
use crate::model::plural::{counted, grouped};

/// Text statistics of the body, recounted only where it changed since the last frame.
pub fn body_stats(body: &str) -> TextStats {
    thread_local! {
        static COUNTS: std::cell::RefCell<crate::model::stats::IncrementalStats> = Default::default();
    }
    COUNTS.with(|counts| counts.borrow_mut().of(body))
}

/// Draws the status bar.
pub fn ui(ui: &mut egui::Ui, state: &AppState) {
    ui.horizontal(|ui| {
        if let Some(draft) = &state.draft {
            let stats = body_stats(&draft.body);
            let speed = state
                .bundle
                .as_ref()
                .map_or(200, |b| b.project().settings.reading_words_per_minute);
            ui.label(format!(
                "{} · {} ({} without spaces) · {} min read",
                counted(stats.words, "word"),
                counted(stats.chars, "character"),
                grouped(stats.chars_no_spaces),
                stats.reading_minutes(speed)
            ));
            ui.separator();
        }
        let save_state = if state.bundle.is_none() {
            String::new()
        } else if state.has_unsaved_changes() {
            "Unsaved changes".to_owned()
        } else if let Some(at) = state.last_saved {
            format!("Saved {}", at.format("%H:%M"))
        } else {
            "No changes".to_owned()
        };
        ui.label(save_state);
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
            if notice.error {
                ui.colored_label(ui.visuals().error_fg_color, &notice.text);
            } else {
                ui.weak(&notice.text);
            }
        }
    });
}
