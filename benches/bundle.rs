//! Bundle benchmarks on a generated 10,000-article bundle (deterministic; bodies of 300 to 3,000
//! words in paragraphs). Run: `cargo bench --bench bundle`.
//!
//! - opening to a listed project, against bare `serde_json` parsing of the same manifest bytes;
//! - saving after one article changed, against one atomic write of that one file;
//! - peak memory of opening, against the bundle's size on disk (printed before the table).

mod support;

use copydesk::bundle::fsio::{sync_dir, write_atomic};
use copydesk::bundle::{Access, Bundle, article_path};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::generate;

/// The system allocator, counting live bytes and their peak.
struct PeakAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts sizes.
unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const ARTICLES: usize = 10_000;
/// The generated bundle, made once per run, and the article the save benchmarks change.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    changed: uuid::Uuid,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = support::temp_dir();
        let root = dir.path().join("Bench.copydesk");
        let ids = generate(&root, ARTICLES);
        // One read-write open builds the machine-local index, as a user's first open would.
        drop(Bundle::open(&root, Access::ReadWrite).expect("open"));
        Fixture {
            _dir: dir,
            root,
            changed: ids[ARTICLES / 2],
        }
    })
}

fn size_on_disk(root: &Path) -> u64 {
    let articles: u64 = std::fs::read_dir(root.join("articles"))
        .unwrap()
        .flatten()
        .map(|e| e.metadata().unwrap().len())
        .sum();
    articles + std::fs::metadata(root.join("bundle.json")).unwrap().len()
}

/// Peak heap while opening to a listed project, and what stays allocated, against disk size.
fn report_memory() {
    let fixture = fixture();
    let disk = size_on_disk(&fixture.root);
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let bundle = Bundle::open(&fixture.root, Access::ReadOnly).expect("open");
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let retained = LIVE.load(Ordering::Relaxed) - base;
    let listed = bundle.summaries().count();
    drop(bundle);
    println!(
        "memory: {listed} articles, {:.1} MB on disk; opening peaked at {:.1} MB ({:.3}x disk), {:.1} MB retained ({:.3}x disk)",
        disk as f64 / 1e6,
        peak as f64 / 1e6,
        peak as f64 / disk as f64,
        retained as f64 / 1e6,
        retained as f64 / disk as f64,
    );
}

fn main() {
    report_memory();
    support::run();
}

/// Opening the 10,000-article bundle to a listed project (bodies load lazily).
#[divan::bench(sample_count = 30)]
fn open_listed_project() -> Bundle {
    // Returned, so that divan drops it outside the timed section.
    Bundle::open(&fixture().root, Access::ReadOnly).expect("open")
}

/// Bare `serde_json` parsing of `bundle.json` alone, into `serde_json::Value`.
#[divan::bench(sample_count = 30)]
fn serde_json_manifest_only(bencher: divan::Bencher) {
    let bytes = std::fs::read(fixture().root.join("bundle.json")).unwrap();
    bencher
        .bench(|| serde_json::from_slice::<serde_json::Value>(divan::black_box(&bytes)).unwrap());
}

/// Bare `serde_json` parsing of every manifest byte the listing comes from: `bundle.json` and
/// the machine-local index `.local/index.json`, into `serde_json::Value`.
#[divan::bench(sample_count = 30)]
fn serde_json_manifest_and_index(bencher: divan::Bencher) {
    let manifest = std::fs::read(fixture().root.join("bundle.json")).unwrap();
    let index = std::fs::read(fixture().root.join(".local/index.json")).unwrap();
    bencher.bench(|| {
        (
            serde_json::from_slice::<serde_json::Value>(divan::black_box(&manifest)).unwrap(),
            serde_json::from_slice::<serde_json::Value>(divan::black_box(&index)).unwrap(),
        )
    });
}

/// Saving after one article changed (the bundle open read-write, 10,000 articles listed).
#[divan::bench(sample_count = 50)]
fn save_after_one_article_changed(bencher: divan::Bencher) {
    let fixture = fixture();
    let mut bundle = Bundle::open(&fixture.root, Access::ReadWrite).expect("open");
    let mut flip = false;
    bencher.bench_local(|| {
        flip = !flip;
        let headline = if flip {
            "Changed headline A"
        } else {
            "Changed headline B"
        };
        bundle
            .update_article(fixture.changed, |a| a.headline = headline.into())
            .unwrap();
        bundle.save().unwrap()
    });
}

/// One atomic write (temp file, fsync, rename, fsync folder) of that same article file.
#[divan::bench(sample_count = 50)]
fn one_atomic_write_of_that_file(bencher: divan::Bencher) {
    let fixture = fixture();
    let path = article_path(&fixture.root, fixture.changed);
    let bytes = std::fs::read(&path).unwrap();
    let dir = path.parent().unwrap().to_owned();
    bencher.bench_local(|| {
        write_atomic(&path, &bytes).unwrap();
        sync_dir(&dir).unwrap();
    });
}

/// The typed parse of the machine-local index alone (a part of opening).
#[divan::bench(sample_count = 30)]
fn part_read_index() -> usize {
    copydesk::bundle::index::read_index(&fixture().root.join(".local/index.json")).len()
}

/// Listing and stat-ing the article files alone (a part of opening).
#[divan::bench(sample_count = 30)]
fn part_stat_article_files() -> u64 {
    std::fs::read_dir(fixture().root.join("articles"))
        .unwrap()
        .flatten()
        .map(|e| e.metadata().unwrap().len())
        .sum()
}

/// Save as of the whole 10,000-article project into a new folder: every article read, written
/// with its fsync, and the history and pictures copied (run here on the bench's thread; the
/// window runs it on a worker).
#[divan::bench(sample_count = 3)]
fn save_as_the_whole_project(bencher: divan::Bencher) {
    let fixture = fixture();
    bencher
        .with_inputs(|| {
            let bundle = Bundle::open(&fixture.root, Access::ReadOnly).expect("open");
            (bundle, support::temp_dir())
        })
        .bench_local_values(|(mut bundle, dir)| {
            bundle
                .save_as(&dir.path().join("Copy.copydesk"))
                .expect("saved as");
            // Returned, so that divan drops the copy outside the timed section.
            (bundle, dir)
        });
}

/// What the review gathers of the 10,000 listed articles when an article is opened: which
/// articles hold each slug, and how each tag is written (two tags an article).
#[divan::bench(sample_count = 30)]
fn project_facts_of_the_listed_articles(bencher: divan::Bencher) {
    let bundle = Bundle::open(&fixture().root, Access::ReadOnly).expect("open");
    bencher.bench_local(|| copydesk::review::ProjectFacts::of(bundle.summaries()));
}

/// The slugs alone, as the review gathered them before it looked at tags (for reference).
#[divan::bench(sample_count = 30)]
fn slug_owners_of_the_listed_articles(bencher: divan::Bencher) {
    let bundle = Bundle::open(&fixture().root, Access::ReadOnly).expect("open");
    bencher.bench_local(|| {
        copydesk::review::ProjectFacts::of_slugs(
            bundle.summaries().map(|s| (s.slug.as_str(), s.id)),
        )
    });
}

/// A second generated bundle of 10,000 articles, each with a revision in its history, as a
/// project that has been saved has.
fn with_history() -> &'static (tempfile::TempDir, PathBuf) {
    static FIXTURE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = support::temp_dir();
        let root = dir.path().join("History.copydesk");
        let ids = generate(&root, ARTICLES);
        let mut bundle = Bundle::open(&root, Access::ReadWrite).expect("open");
        for id in ids {
            let bytes = std::fs::read(bundle.article_path(id)).expect("article file");
            let article = bundle.article(id).expect("article").clone();
            let sha256 = copydesk::bundle::fsio::sha256_hex(&bytes);
            copydesk::history::record(&root, &article, "", &sha256).expect("history");
        }
        (dir, root)
    })
}

/// Article → Unused pictures on 10,000 articles, as its worker does it: every article read from
/// disk (none is in memory yet, as after opening), the pictures each names, and every history
/// file scanned for the pictures it names.
#[divan::bench(sample_count = 3)]
fn unused_pictures_of_10000_articles_with_their_history(bencher: divan::Bencher) {
    let (_, root) = with_history();
    bencher
        .with_inputs(|| Bundle::open(root, Access::ReadOnly).expect("open"))
        .bench_local_values(|bundle| {
            let read = bundle.read_job(&bundle.ids()).run(|_, _| {});
            let used = read
                .articles()
                .flat_map(copydesk::media::assets_named_by)
                .collect();
            let unused = copydesk::media::unused_assets_but(root, used).expect("listed");
            (bundle, unused)
        });
}

/// What the window's thread does before handing Unused pictures to the worker: the list of the
/// 10,000 article files to read.
#[divan::bench(sample_count = 20)]
fn part_unused_pictures_on_the_window_s_thread(bencher: divan::Bencher) {
    let (_, root) = with_history();
    let bundle = Bundle::open(root, Access::ReadOnly).expect("open");
    bencher.bench_local(|| bundle.read_job(&bundle.ids()));
}

/// Its part that scans the 10,000 history files (no article given).
#[divan::bench(sample_count = 3)]
fn part_unused_pictures_history_scan(bencher: divan::Bencher) {
    let (_, root) = with_history();
    bencher
        .bench_local(|| copydesk::media::unused_assets(root, std::iter::empty()).expect("listed"));
}

/// Revisions in the long history below.
const REVISIONS: usize = 500;

/// The history of a 20,000-word article saved 500 times, each save changing one paragraph (and
/// every tenth a tag), as a long-worked piece has.
fn long_history() -> &'static (tempfile::TempDir, PathBuf, uuid::Uuid) {
    static FIXTURE: OnceLock<(tempfile::TempDir, PathBuf, uuid::Uuid)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = support::temp_dir();
        let root = dir.path().to_owned();
        let mut next = support::lcg(11);
        let mut article = copydesk::model::Article::new("A long-worked piece");
        article.body = support::body(20_000, &mut next);
        for n in 0..REVISIONS {
            let mut paragraphs: Vec<String> =
                article.body.split("\n\n").map(str::to_owned).collect();
            let at = next() % paragraphs.len();
            paragraphs[at].push_str(&format!(" Revised {n}."));
            article.body = paragraphs.join("\n\n");
            if n % 10 == 0 {
                article.tags.push(format!("Tag {n}"));
            }
            let json = copydesk::bundle::fsio::to_pretty_json(&article);
            let sha256 = copydesk::bundle::fsio::sha256_hex(&json);
            copydesk::history::record(&root, &article, "", &sha256).expect("history");
        }
        (dir, root, article.id)
    })
}

/// The history pane opened on that article: its history file read.
#[divan::bench(sample_count = 20)]
fn history_of_500_revisions_loaded(bencher: divan::Bencher) {
    let (_, root, id) = long_history();
    bencher.bench_local(|| copydesk::history::History::load(root, *id).expect("history"));
}

/// What the pane compares by default when the 500 saves are one sitting, the longest it can
/// be: the first revision and the last read back, the body compared word by word.
#[divan::bench(sample_count = 20)]
fn history_of_500_revisions_sitting_compared(bencher: divan::Bencher) {
    let (_, root, id) = long_history();
    let history = copydesk::history::History::load(root, *id).expect("history");
    bencher.bench_local(|| {
        let before = history.article_at(0).expect("revision");
        let after = history.article_at(REVISIONS - 1).expect("revision");
        copydesk::history::word_diff(&before.body, &after.body)
    });
}

/// The pane's comparison of the last two revisions: both read back, the body compared word by
/// word.
#[divan::bench(sample_count = 20)]
fn history_of_500_revisions_last_two_compared(bencher: divan::Bencher) {
    let (_, root, id) = long_history();
    let history = copydesk::history::History::load(root, *id).expect("history");
    bencher.bench_local(|| {
        let before = history.article_at(REVISIONS - 2).expect("revision");
        let after = history.article_at(REVISIONS - 1).expect("revision");
        copydesk::history::word_diff(&before.body, &after.body)
    });
}

/// The History pane after a save: its history of 499 revisions takes in the 500th from the
/// history the bundle kept, and says what it changed (before, the pane read the file again).
#[divan::bench(sample_count = 20)]
fn history_of_500_revisions_caught_up_after_a_save(bencher: divan::Bencher) {
    let (_, root, id) = long_history();
    let kept = copydesk::history::History::load(root, *id).expect("history");
    let mut shown = kept.clone();
    shown.revisions.pop();
    bencher
        .with_inputs(|| shown.clone())
        .bench_local_values(|mut shown| {
            assert!(shown.catch_up(&kept));
            let changed = copydesk::history_changes::changed_from(&shown, REVISIONS - 1);
            let sittings = copydesk::history_changes::sittings(&shown);
            (shown, changed, sittings)
        });
}

/// The pane's list: what each of the 500 revisions changed from the one before, and the
/// sittings they make.
#[divan::bench(sample_count = 20)]
fn history_of_500_revisions_changes_listed(bencher: divan::Bencher) {
    let (_, root, id) = long_history();
    let history = copydesk::history::History::load(root, *id).expect("history");
    assert_eq!(history.revisions.len(), REVISIONS);
    bencher.bench_local(|| {
        let changed = copydesk::history_changes::changed_from(&history, 0);
        (changed, copydesk::history_changes::sittings(&history))
    });
}

/// A project whose one article, of 20,000 words, has been saved 500 times (a paragraph changed
/// each time), as a long-worked piece is autosaved all day.
fn long_worked_project() -> &'static (tempfile::TempDir, PathBuf, uuid::Uuid) {
    static FIXTURE: OnceLock<(tempfile::TempDir, PathBuf, uuid::Uuid)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = support::temp_dir();
        let root = dir.path().join("Long.copydesk");
        let id = support::article_saved_many_times(&root, 20_000, 17, REVISIONS, |a, n| {
            revise_a_paragraph(a, n, n)
        });
        (dir, root, id)
    })
}

/// Adds a sentence to the `at`th paragraph (of those there are) of the article's body.
fn revise_a_paragraph(article: &mut copydesk::model::Article, at: usize, n: usize) {
    let mut paragraphs: Vec<String> = article.body.split("\n\n").map(str::to_owned).collect();
    let at = at % paragraphs.len();
    paragraphs[at].push_str(&format!(" Revised {n}."));
    article.body = paragraphs.join("\n\n");
}

/// An autosave of that article after one more paragraph changed: the article file written and
/// a revision appended to its 500-revision history.
#[divan::bench(sample_count = 30)]
fn save_of_an_article_with_500_revisions(bencher: divan::Bencher) {
    let (_, root, id) = long_worked_project();
    let mut bundle = Bundle::open(root, Access::ReadWrite).expect("open");
    let mut n = REVISIONS;
    bencher.bench_local(|| {
        n += 1;
        bundle
            .update_article(*id, |a| revise_a_paragraph(a, n * 7, n))
            .expect("edit");
        bundle.save().expect("save")
    });
}
