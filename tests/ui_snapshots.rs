//! A few small snapshot tests of the window: the three panes, the preview modes and a finding's
//! menu, rendered with a fixed clock on Mesa's software renderer. Update with
//! `UPDATE_SNAPSHOTS=1 cargo test`.

use copydesk::app::command::PreviewMode;
use copydesk::app::jobs::{DialogPurpose, FileDialogs, Outcome};
use copydesk::app::settings::Settings;
use copydesk::ui::Workstation;
use egui_kittest::{Harness, SnapshotOptions};
use std::sync::Arc;

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn available(&self) -> bool {
        false
    }
    fn pick(&self, _: DialogPurpose, _: std::sync::mpsc::Sender<Outcome>) {}
}

fn fixed_clock() -> chrono::DateTime<chrono::Utc> {
    "2026-11-28T12:00:00Z".parse().unwrap()
}

fn workstation(
    mode: PreviewMode,
    size: [f32; 2],
) -> (tempfile::TempDir, Harness<'static, Workstation>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Sample.copydesk");
    copydesk::sample::extract_sample(&root).unwrap();
    let settings = Settings {
        preview_mode: mode,
        theme: egui::ThemePreference::Light,
        ..Settings::default()
    };
    let mut harness = Harness::builder().with_size(size).build_eframe(move |cc| {
        let mut workstation =
            Workstation::new(&cc.egui_ctx, settings, Arc::new(NoDialogs), Some(root));
        workstation.state.clock = fixed_clock;
        workstation
    });
    for _ in 0..500 {
        harness.step();
        if harness.state().state.bundle.is_some()
            && harness.state().state.search.is_some()
            && harness.state().state.review.is_current()
            && !harness.state().state.thumbnails.loading()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The status bar's "Opened <temporary path>" would differ on every run.
    harness.state_mut().state.notice = None;
    harness.run_steps(4);
    (dir, harness)
}

fn options() -> SnapshotOptions {
    SnapshotOptions::default()
        .threshold(1.5)
        .max_failed_pixels(200)
}

#[test]
fn three_panes() {
    let (_dir, mut harness) = workstation(PreviewMode::Page, [1100.0, 640.0]);
    harness.snapshot_options("three_panes", &options());
}

#[test]
fn preview_search_snippet() {
    let (_dir, mut harness) = workstation(PreviewMode::SearchSnippet, [1100.0, 420.0]);
    harness.snapshot_options("preview_search_snippet", &options());
}

#[test]
fn preview_social_card() {
    let (_dir, mut harness) = workstation(PreviewMode::SocialCard, [1100.0, 560.0]);
    harness.snapshot_options("preview_social_card", &options());
}

#[test]
fn body_editor_with_underlines() {
    let (_dir, mut harness) = workstation(PreviewMode::Page, [1100.0, 640.0]);
    let body = harness.state().state.draft.as_ref().unwrap().body.clone();
    let at = body[..body.find("Moscows").expect("the reference damage")]
        .chars()
        .count();
    harness.state_mut().state.pending_body_cursor = Some((at, at + 7));
    // The preview follows the cursor to its paragraph, scrolling smoothly over a few frames.
    harness.run_steps(60);
    harness.snapshot_options("body_editor", &options());
}

#[test]
fn a_finding_s_menu_in_the_body() {
    let (_dir, mut harness) = workstation(PreviewMode::Page, [1100.0, 640.0]);
    let body = harness.state().state.draft.as_ref().unwrap().body.clone();
    let at = body[..body.find("Kyivs").expect("the reference damage")]
        .chars()
        .count();
    harness.state_mut().state.pending_body_cursor = Some((at + 2, at + 2));
    harness.run_steps(60);
    // Shift+F10 opens the menu at the cursor. Its message wraps: left-aligned, as the
    // review pane shows it, not stretched to the menu's width.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F10);
    harness.run_steps(4);
    harness.snapshot_options("finding_menu_in_the_body", &options());
}

#[test]
fn right_to_left_preview() {
    let (_dir, mut harness) = workstation(PreviewMode::Page, [1100.0, 640.0]);
    let arabic = uuid::Uuid::parse_str("5a3e0000-0000-4000-8000-000000000006").unwrap();
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::Select(arabic));
    harness.run_steps(6);
    harness.snapshot_options("right_to_left_preview", &options());
}
