//! Whole-frame benchmarks of the workstation, headless (`egui::Context::run_ui` plus
//! tessellation), on a 10,000-article project with a 20,000-word article open and the preview
//! showing; egui's own demo windows (`egui_demo_lib`) are measured in the same run as the
//! yardstick. Run: `cargo bench --bench frame`.

mod support;

use copydesk::app::Modal;
use copydesk::app::command::Command;
use copydesk::app::settings::Settings;
use copydesk::bundle::{Access, Bundle};
use copydesk::model::Article;
use copydesk::ui::Workstation;
use egui::Event;
use std::sync::{Arc, Mutex, OnceLock};
use support::window::{NoDialogs, WIDTH, frame, input};
use uuid::Uuid;

/// The generated project on disk, its two 20,000-word articles, and a third whose 20,000 words
/// are lines with no blank line between them: one Markdown paragraph.
struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    long: [Uuid; 2],
    one_paragraph: Uuid,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = support::temp_dir();
        let root = dir.path().join("Frame.copydesk");
        support::generate(&root, 10_000);
        let mut bundle = Bundle::open(&root, Access::ReadWrite).expect("open");
        let mut next = support::lcg(7);
        let long = [0, 1].map(|n| {
            let mut article = Article::new(format!("A 20,000-word investigation, part {}", n + 1));
            article.section = "World".into();
            article.body = support::body(20_000, &mut next);
            let id = bundle.insert_article(article).expect("insert");
            bundle.move_article(id, 0).expect("move");
            id
        });
        let mut article = Article::new("A 20,000-word transcript in one paragraph");
        article.section = "World".into();
        article.body = support::body(20_000, &mut next).replace("\n\n", "\n");
        let one_paragraph = bundle.insert_article(article).expect("insert");
        bundle.save().expect("save");
        Fixture {
            _dir: dir,
            root,
            long,
            one_paragraph,
        }
    })
}

/// A workstation with the fixture open, the first long article selected and the index built.
fn workstation(ctx: &egui::Context) -> Workstation {
    workstation_showing(ctx, fixture().long[0])
}

/// A workstation with the fixture open, `article` selected and the index built.
fn workstation_showing(ctx: &egui::Context, article: Uuid) -> Workstation {
    let fixture = fixture();
    let mut workstation = Workstation::new(ctx, Settings::default(), Arc::new(NoDialogs), None);
    workstation
        .state
        .adopt(Bundle::open(&fixture.root, Access::ReadOnly).expect("open"));
    workstation.state.read_only = None;
    while workstation.state.search.is_none() {
        std::thread::sleep(std::time::Duration::from_millis(20));
        workstation.state.receive();
    }
    workstation.state.apply(Command::Select(article));
    for _ in 0..3 {
        frame(ctx, &mut workstation, input(WIDTH, vec![]));
    }
    workstation
}

fn main() {
    support::run();
}

/// Runs `run` on what `make` gives, timing `run` alone; with `at_60_hz`, each run starts 1/60 s
/// of real time after the last, as frames do on a display (the CPU's caches cool and the review
/// thread works between them), instead of back to back.
fn frames<I>(
    bencher: divan::Bencher,
    at_60_hz: bool,
    mut make: impl FnMut() -> I,
    run: impl FnMut(I),
) {
    let mut last = std::time::Instant::now();
    bencher
        .with_inputs(|| {
            if at_60_hz {
                let next = last + std::time::Duration::from_micros(16_667);
                std::thread::sleep(next.saturating_duration_since(std::time::Instant::now()));
                last = std::time::Instant::now();
            }
            make()
        })
        .bench_local_values(run);
}

/// Yardstick: egui's demo windows, one frame with tessellation.
#[divan::bench(sample_count = 100)]
fn yardstick_egui_demo_frame(bencher: divan::Bencher) {
    yardstick(bencher, false);
}

/// The yardstick's frames 1/60 s apart in real time.
#[divan::bench(sample_count = 300)]
fn at_60_hz_yardstick_egui_demo_frame(bencher: divan::Bencher) {
    yardstick(bencher, true);
}

fn yardstick(bencher: divan::Bencher, at_60_hz: bool) {
    let ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    frames(
        bencher,
        at_60_hz,
        || input(WIDTH, vec![]),
        |input| {
            let mut output = ctx.run_ui(input, |ui| demo.ui(ui));
            divan::black_box(
                ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point),
            );
            output.textures_delta.clear();
        },
    );
}

/// An idle frame: nothing changes.
#[divan::bench(sample_count = 100)]
fn idle_frame(bencher: divan::Bencher) {
    idle(bencher, false);
}

/// Idle frames 1/60 s apart in real time.
#[divan::bench(sample_count = 300)]
fn at_60_hz_idle_frame(bencher: divan::Bencher) {
    idle(bencher, true);
}

fn idle(bencher: divan::Bencher, at_60_hz: bool) {
    let ctx = egui::Context::default();
    let mut workstation = workstation(&ctx);
    frames(
        bencher,
        at_60_hz,
        || input(WIDTH, vec![]),
        |input| frame(&ctx, &mut workstation, input),
    );
}

/// An idle frame while the find bar is open on a word the 20,000-word body holds hundreds of
/// times ("minister"), its matches underlined.
#[divan::bench(sample_count = 100)]
fn idle_frame_with_the_find_bar_open(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let mut workstation = workstation(&ctx);
    workstation
        .state
        .apply(Command::Find(copydesk::app::find::FindAction::Open));
    if let Some(bar) = &mut workstation.state.find_bar {
        bar.query.text = "minister".into();
    }
    for _ in 0..3 {
        frame(&ctx, &mut workstation, input(WIDTH, vec![]));
    }
    let found = workstation
        .state
        .find_bar
        .as_ref()
        .map_or(0, |b| b.shown().len());
    assert!(found > 100, "the word is found often ({found})");
    bencher.bench_local(|| frame(&ctx, &mut workstation, input(WIDTH, vec![])));
}

/// A frame in which one character of a sentence is typed into a paragraph of the 20,000-word body.
#[divan::bench(sample_count = 100)]
fn typing_frame(bencher: divan::Bencher) {
    typing(bencher, fixture().long[0], false);
}

/// The same typing, a character every 1/60 s of real time (the fastest typing a display shows).
#[divan::bench(sample_count = 300)]
fn at_60_hz_typing_frame(bencher: divan::Bencher) {
    typing(bencher, fixture().long[0], true);
}

/// The same typing into a 20,000-word paragraph of single lines (a transcript or a long list):
/// the preview shows it as one paragraph.
#[divan::bench(sample_count = 100)]
fn typing_frame_in_a_20000_word_paragraph(bencher: divan::Bencher) {
    typing(bencher, fixture().one_paragraph, false);
}

/// Types a sentence a character a frame into `article`, a few lines into its body.
fn typing(bencher: divan::Bencher, article: Uuid, at_60_hz: bool) {
    let ctx = egui::Context::default();
    let mut workstation = workstation_showing(&ctx, article);
    // The cursor goes a few lines into the body, as a click there would put it.
    workstation.state.pending_body_cursor = Some((400, 400));
    frame(&ctx, &mut workstation, input(WIDTH, vec![]));
    let before = workstation.state.draft.as_ref().map(|d| d.body.len());
    // A sentence typed a character a frame, so the paragraph grows as it does under an editor.
    let sentence: Vec<char> = "The minister said the talks would resume on Monday. "
        .chars()
        .collect();
    let mut typed = 0;
    frames(
        bencher,
        at_60_hz,
        || {
            let key = sentence[typed % sentence.len()];
            typed += 1;
            input(WIDTH, vec![Event::Text(key.to_string())])
        },
        |input| frame(&ctx, &mut workstation, input),
    );
    let after = workstation.state.draft.as_ref().map(|d| d.body.len());
    assert!(after > before, "the keystrokes reached the body");
}

/// A frame while the window is being resized (its width changes every frame).
#[divan::bench(sample_count = 100)]
fn resizing_frame(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let mut workstation = workstation(&ctx);
    let mut step = 0u32;
    bencher.bench_local(|| {
        step += 1;
        let width = WIDTH - (step % 40) as f32 * 5.0;
        frame(&ctx, &mut workstation, input(width, vec![]));
    });
}

/// Selecting a 20,000-word article and drawing its first frame (the two long articles alternate,
/// so the other's layout is never cached).
#[divan::bench(sample_count = 50)]
fn first_display_of_an_article(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let mut workstation = workstation(&ctx);
    let long = fixture().long;
    let mut which = 0;
    bencher.bench_local(|| {
        which = 1 - which;
        workstation.state.apply(Command::Select(long[which]));
        frame(&ctx, &mut workstation, input(WIDTH, vec![]));
    });
}

/// A workstation on `root` (read-write) whose settings dialog has renamed Sport (2,500 of the
/// 10,000 articles) to Sports, not yet applied.
fn renaming_sport(ctx: &egui::Context, root: &std::path::Path) -> Workstation {
    let mut workstation = Workstation::new(ctx, Settings::default(), Arc::new(NoDialogs), None);
    let access = if root == fixture().root {
        Access::ReadOnly
    } else {
        Access::ReadWrite
    };
    workstation
        .state
        .adopt(Bundle::open(root, access).expect("open"));
    workstation.state.read_only = None;
    workstation.state.apply(Command::ProjectSettings);
    let Some(Modal::ProjectSettings(draft)) = &mut workstation.state.modal else {
        panic!("the settings dialog opens");
    };
    let sections = &draft.project.settings.sections;
    let at = sections.iter().position(|s| s == "Sport").expect("listed");
    draft.renaming = Some((at, "Sports".into()));
    draft.rename_section().expect("renamed");
    workstation
}

/// Applies the settings dialog and waits until it is applied: the worker that reads the
/// renamed section's articles first, then the refiling.
fn apply_settings_and_wait(workstation: &mut Workstation) {
    workstation.state.apply(Command::ApplyProjectSettings);
    while workstation.state.modal.is_some() {
        std::thread::sleep(std::time::Duration::from_micros(200));
        workstation.state.receive();
    }
}

/// The ids of the articles filed in Sport.
fn sport_ids(workstation: &Workstation) -> Vec<uuid::Uuid> {
    let bundle = workstation.state.bundle.as_ref().expect("open");
    let sport = bundle.summaries().filter(|s| s.section == "Sport");
    sport.map(|s| s.id).collect()
}

/// Renaming a section that 2,500 of the 10,000 articles are filed in, and applying the settings
/// until it is applied: the articles read on a worker, then refiled as one undoable step.
#[divan::bench(sample_count = 5)]
fn rename_a_section_of_2500_articles(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| renaming_sport(&ctx, &fixture().root))
        .bench_local_values(|mut workstation| {
            apply_settings_and_wait(&mut workstation);
            let bundle = workstation.state.bundle.as_ref().expect("open");
            let refiled = bundle.summaries().filter(|s| s.section == "Sports").count();
            assert_eq!(refiled, 2_500);
            workstation
        });
}

/// What that renaming holds the window for once the worker has read the 2,500 articles (read
/// before each sample, untimed): taking them into the project, and refiling them.
#[divan::bench(sample_count = 5)]
fn taking_the_read_articles_and_refiling_2500(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| {
            let workstation = renaming_sport(&ctx, &fixture().root);
            let bundle = workstation.state.bundle.as_ref().expect("open");
            let read = bundle.read_job(&sport_ids(&workstation)).run(|_, _| {});
            (workstation, read)
        })
        .bench_local_values(|(mut workstation, read)| {
            let bundle = workstation.state.bundle.as_mut().expect("open");
            assert_eq!(bundle.finish_read(read), 0);
            workstation.state.apply(Command::ApplyProjectSettings);
            assert!(workstation.state.modal.is_none(), "applied at once");
            workstation
        });
}

/// A copy of the project (made before each sample, untimed) in which Sport has been renamed and
/// applied: 2,500 articles unsaved.
fn renamed_copy(ctx: &egui::Context) -> (tempfile::TempDir, Workstation) {
    let copy = support::temp_dir();
    let root = copy.path().join("Copy.copydesk");
    support::copy_folder(&fixture().root, &root);
    let mut workstation = renaming_sport(ctx, &root);
    apply_settings_and_wait(&mut workstation);
    (copy, workstation)
}

/// The save after that renaming: 2,500 article files written atomically, each with its revision
/// appended to its history. The window hands this to a worker; here it runs to its end on the
/// bench's thread.
#[divan::bench(sample_count = 3)]
fn save_after_renaming_a_section_of_2500_articles(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| renamed_copy(&ctx))
        .bench_local_values(|(copy, mut workstation)| {
            workstation.state.save_now();
            assert!(!workstation.state.has_unsaved_changes());
            (copy, workstation)
        });
}

/// What that save holds the window for: taking the 2,500 changed articles (copies of them) for
/// the worker that writes them.
#[divan::bench(sample_count = 10)]
fn taking_the_save_after_renaming_a_section_of_2500_articles(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| renamed_copy(&ctx))
        .bench_local_values(|(copy, mut workstation)| {
            let bundle = workstation.state.bundle.as_mut().unwrap();
            let job = bundle.save_job().unwrap();
            assert_eq!(job.len(), 2_500);
            (copy, workstation, job)
        });
}

/// What a Save as after that renaming holds the window for: taking its job, with the 2,500
/// loaded articles copied for the worker that writes them.
#[divan::bench(sample_count = 5)]
fn taking_a_save_as_after_renaming_a_section_of_2500_articles(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| renamed_copy(&ctx))
        .bench_local_values(|(copy, workstation)| {
            let target = copy.path().join("Another.copydesk");
            let bundle = workstation.state.bundle.as_ref().unwrap();
            let job = bundle.save_as_job(&target).unwrap();
            (copy, workstation, job)
        });
}

/// What the recovery journal after that renaming (before the save) holds the window for: the
/// 2,500 unsaved articles copied for the journal's thread, which writes them in one fsynced file
/// (finished when the workstation is dropped, outside the timing).
#[divan::bench(sample_count = 3)]
fn journal_after_renaming_a_section_of_2500_articles(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| renamed_copy(&ctx))
        .bench_local_values(|(copy, mut workstation)| {
            workstation.state.write_journal();
            assert!(workstation.state.unjournaled_since.is_none());
            (copy, workstation)
        });
}

/// The same journal until it is on disk: what the window held before the journal had a thread
/// of its own.
#[divan::bench(sample_count = 3)]
fn journal_on_disk_after_renaming_a_section_of_2500_articles(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    bencher
        .with_inputs(|| renamed_copy(&ctx))
        .bench_local_values(|(copy, mut workstation)| {
            workstation.state.write_journal();
            workstation.state.journal.flush();
            (copy, workstation)
        });
}

/// Filtering the 10,000-article list for one more keystroke of a search ("coalitio" → "coalition").
#[divan::bench(sample_count = 100)]
fn list_filter_per_keystroke(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    let workstation = Mutex::new(workstation(&ctx));
    let queries = [
        "c",
        "co",
        "coa",
        "coal",
        "coali",
        "coalit",
        "coaliti",
        "coalitio",
        "coalition",
    ];
    let mut n = 0;
    bencher.bench_local(|| {
        let mut workstation = workstation.lock().unwrap();
        n = (n + 1) % queries.len();
        workstation.state.filter.query = queries[n].into();
        workstation.state.list_dirty = true;
        workstation.state.refresh_list();
        divan::black_box(workstation.state.visible.len())
    });
}

/// Parsing a 20,000-word body into the block model (what the preview does after an edit).
#[divan::bench(sample_count = 50)]
fn parse_20000_word_body(bencher: divan::Bencher) {
    let body = support::body(20_000, &mut support::lcg(3));
    bencher.bench(|| copydesk::markdown::parse(divan::black_box(&body)));
}

/// Word and character counts of a 20,000-word body (the status bar after an edit).
#[divan::bench(sample_count = 50)]
fn stats_of_20000_word_body(bencher: divan::Bencher) {
    let body = support::body(20_000, &mut support::lcg(3));
    bencher.bench(|| copydesk::model::TextStats::of(divan::black_box(&body)));
}

/// Re-parsing the 20,000-word body after one keystroke, as the preview does (only the
/// paragraphs around the edit are parsed again).
#[divan::bench(sample_count = 100)]
fn reparse_after_a_keystroke(bencher: divan::Bencher) {
    let mut body = support::body(20_000, &mut support::lcg(3));
    let mut cache = copydesk::markdown::BlockCache::default();
    cache.update(&body);
    bencher.bench_local(|| {
        body.insert(400, 'a');
        divan::black_box(cache.update(&body));
    });
}

/// Recounting words and characters of the 20,000-word body after one keystroke, as the status
/// bar does (only the lines around the edit are counted again).
#[divan::bench(sample_count = 100)]
fn recount_after_a_keystroke(bencher: divan::Bencher) {
    let mut body = support::body(20_000, &mut support::lcg(3));
    let mut counts = copydesk::model::stats::IncrementalStats::default();
    counts.of(&body);
    bencher.bench_local(|| {
        body.insert(400, 'a');
        divan::black_box(counts.of(&body));
    });
}

/// Laying out one new 100-word paragraph at the body's measure: what a keystroke paid twice (in
/// the editor and the preview) before only the rows around an edit were laid out again.
#[divan::bench(sample_count = 100)]
fn layout_of_one_100_word_paragraph(bencher: divan::Bencher) {
    let ctx = egui::Context::default();
    // One pass sets the fonts up; its texture delta (the font atlas) is not needed here.
    ctx.run_ui(input(WIDTH, vec![]), |_| {})
        .textures_delta
        .clear();
    let paragraph = support::body(100, &mut support::lcg(11)).replace("\n\n", " ");
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        let job = egui::text::LayoutJob::simple(
            format!("{paragraph} {n}"),
            egui::FontId::proportional(14.0),
            egui::Color32::WHITE,
            copydesk::ui::BODY_WIDTH,
        );
        ctx.fonts_mut(|fonts| fonts.layout_job(job))
    });
}

/// Finding where a keystroke 400 bytes into the 20,000-word body changed it (common prefix and
/// suffix with the text before), as each cache of the body does after an edit.
#[divan::bench(sample_count = 200)]
fn finding_a_keystroke_in_a_20000_word_body(bencher: divan::Bencher) {
    let before = support::body(20_000, &mut support::lcg(3));
    let mut after = before.clone();
    after.insert(400, 'a');
    bencher.bench(|| {
        let (old, new) = (divan::black_box(&before), divan::black_box(&after));
        let prefix = copydesk::text_diff::common_prefix(old, new);
        (prefix, copydesk::text_diff::common_suffix(old, new, prefix))
    });
}

/// Telling that the 20,000-word body did not change (what each cache of the body does in every
/// frame).
#[divan::bench(sample_count = 200)]
fn comparing_an_unchanged_20000_word_body(bencher: divan::Bencher) {
    let before = support::body(20_000, &mut support::lcg(3));
    let after = before.clone();
    bencher.bench(|| divan::black_box(&before) == divan::black_box(&after));
}
