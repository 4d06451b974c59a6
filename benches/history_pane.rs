//! The History pane's frame on a long history: an article saved 500 times. Run:
//! `cargo bench --bench history_pane`.

mod support;

use copydesk::app::command::Command;
use copydesk::app::settings::{Settings, SidePane};
use copydesk::bundle::{Access, Bundle};
use copydesk::ui::Workstation;
use std::sync::{Arc, OnceLock};
use support::window::{NoDialogs, WIDTH, frame, input};

/// Saves of the article, each a revision.
const SAVES: usize = 500;

fn main() {
    support::run();
}

/// A project of one 3,000-word article saved 500 times, a sentence added each time (and a tag
/// every tenth).
fn fixture() -> &'static (tempfile::TempDir, std::path::PathBuf) {
    static FIXTURE: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = support::temp_dir();
        let root = dir.path().join("History.copydesk");
        support::article_saved_many_times(&root, 3_000, 5, SAVES, |a, n| {
            a.body.push_str(&format!(" Revised {n}."));
            if n % 10 == 0 {
                a.tags.push(format!("Tag {n}"));
            }
        });
        (dir, root)
    })
}

/// A window on that project with the History pane showing its 500 revisions.
fn history_showing(ctx: &egui::Context) -> Workstation {
    let (_, root) = fixture();
    let settings = Settings {
        side_pane: SidePane::History,
        ..Settings::default()
    };
    let mut workstation = Workstation::new(ctx, settings, Arc::new(NoDialogs), None);
    let bundle = Bundle::open(root, Access::ReadOnly).expect("open");
    let id = bundle.ids()[0];
    workstation.state.adopt(bundle);
    workstation.state.read_only = None;
    workstation.state.apply(Command::Select(id));
    for _ in 0..5 {
        frame(ctx, &mut workstation, input(WIDTH, vec![]));
    }
    let revisions = workstation
        .state
        .history
        .history
        .as_ref()
        .map(|h| h.revisions.len());
    assert_eq!(revisions, Some(SAVES), "the pane shows the whole history");
    // Every sitting shown save by save: the pane lists all 500 revisions.
    let view = &mut workstation.state.history;
    view.opened = view.sittings.iter().map(|sitting| sitting.start).collect();
    workstation
}

/// An idle frame of the window with the History pane showing the 500 revisions, each sitting
/// shown save by save.
#[divan::bench(sample_count = 200)]
fn frame_with_500_revisions_in_the_history_pane(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let mut workstation = history_showing(&ctx);
    bencher.bench_local(|| frame(&ctx, &mut workstation, input(WIDTH, vec![])));
}

/// The same frame with each sitting shown as one row.
#[divan::bench(sample_count = 200)]
fn frame_with_the_sittings_closed(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let mut workstation = history_showing(&ctx);
    workstation.state.history.opened.clear();
    bencher.bench_local(|| frame(&ctx, &mut workstation, input(WIDTH, vec![])));
}

/// The same frame with the Preview showing instead, for comparison.
#[divan::bench(sample_count = 200)]
fn frame_with_the_preview_instead(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let mut workstation = history_showing(&ctx);
    workstation.state.settings.side_pane = SidePane::Preview;
    bencher.bench_local(|| frame(&ctx, &mut workstation, input(WIDTH, vec![])));
}
