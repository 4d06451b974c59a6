//! Exporting 1,000 articles in all five formats to a folder, checklist gating included
//! (target: at most 2 s). Run: `cargo bench --bench export`.

mod support;

use copydesk::bundle::{Access, Bundle};
use copydesk::export::{Format, export_articles};
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    support::run();
}

fn bundle_root() -> &'static std::path::Path {
    static ROOT: OnceLock<(tempfile::TempDir, std::path::PathBuf)> = OnceLock::new();
    &ROOT
        .get_or_init(|| {
            let dir = support::temp_dir();
            let root = dir.path().join("Export.copydesk");
            support::generate(&root, 1_000);
            // Opened for writing once, which writes the index: as a project is opened every
            // day, its articles are read only when needed.
            drop(Bundle::open(&root, Access::ReadWrite).expect("open"));
            (dir, root)
        })
        .1
}

/// 1,000 articles (300 to 3,000 words each) in HTML, Markdown, text, ninjs and JSON-LD: 5,000
/// files, 61 MB, written under `target/` on the project's disk. Each sample writes a folder of
/// its own, and the folders are deleted only after the run: ext4 searches past inodes deleted in
/// the last seconds when it allocates new ones, which made back-to-back samples measure the
/// file system's clean-up rather than the export (3 s instead of under 1 s). The disk's write
/// cache is flushed (`sync`) before each sample, outside the timing.
#[divan::bench(sample_count = 10)]
fn export_1000_articles_in_5_formats(bencher: divan::Bencher) {
    let mut bundle = Bundle::open(bundle_root(), Access::ReadOnly).expect("open");
    let ids = bundle.ids();
    let mut kept = Vec::new();
    bencher
        .with_inputs(|| {
            let out = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("out dir");
            // SAFETY: sync(2) takes no arguments and cannot fail.
            unsafe { libc::sync() };
            out
        })
        .bench_local_values(|out| {
            let report = export_articles(
                &mut bundle,
                &ids,
                &Format::ALL,
                out.path(),
                true,
                &mut |_, _| {},
            )
            .expect("export");
            assert_eq!(report.files, 5_000);
            kept.push(out);
        });
}

/// The checklist over the same 1,000 articles (the gating part of the export).
#[divan::bench(sample_count = 10)]
fn checklist_of_1000_articles(bencher: divan::Bencher) {
    let mut bundle = Bundle::open(bundle_root(), Access::ReadOnly).expect("open");
    let ids = bundle.ids();
    bencher.bench_local(|| {
        copydesk::review::check_articles(&mut bundle, &ids, chrono::Utc::now(), false)
            .expect("check")
    });
}

/// Rendering the 1,000 articles in the five formats in memory (no files).
#[divan::bench(sample_count = 10)]
fn render_1000_articles_in_5_formats(bencher: divan::Bencher) {
    let mut bundle = Bundle::open(bundle_root(), Access::ReadOnly).expect("open");
    let ids = bundle.ids();
    let project = bundle.project().clone();
    let articles: Vec<_> = ids
        .iter()
        .map(|id| bundle.article(*id).expect("article").clone())
        .collect();
    bencher.bench_local(|| {
        articles
            .iter()
            .map(|a| {
                let context = copydesk::export::ExportContext::new(a, &project, None);
                Format::ALL
                    .iter()
                    .map(|f| context.export(*f).len())
                    .sum::<usize>()
            })
            .sum::<usize>()
    });
}

/// What starting an export of the 1,000 articles holds the window for, the project freshly
/// opened (none of them read yet): taking the export's job.
#[divan::bench(sample_count = 10)]
fn taking_an_export_of_1000_articles(bencher: divan::Bencher) {
    let out = support::temp_dir();
    bencher
        .with_inputs(|| Bundle::open(bundle_root(), Access::ReadOnly).expect("open"))
        .bench_local_values(|mut bundle| {
            let ids = bundle.ids();
            let job = copydesk::export::ExportJob::from_bundle(
                &mut bundle,
                &ids,
                &Format::ALL,
                out.path(),
                true,
            )
            .expect("job");
            assert_eq!(
                job.unread.len(),
                1_000,
                "read by the export's worker, not here"
            );
            (bundle, job)
        });
}

/// How long an export of the 1,000 articles (none of them read yet) takes to write its first
/// article, stopped there as the dialog's Stop would: the wait before the progress moves.
#[divan::bench(sample_count = 10)]
fn first_article_of_an_export_of_1000(bencher: divan::Bencher) {
    let out = support::temp_dir();
    bencher
        .with_inputs(|| {
            let mut bundle = Bundle::open(bundle_root(), Access::ReadOnly).expect("open");
            let ids = bundle.ids();
            let formats = &Format::ALL;
            copydesk::export::ExportJob::from_bundle(&mut bundle, &ids, formats, out.path(), true)
                .expect("job")
        })
        .bench_local_values(|job| {
            let stop = job.stop.clone();
            let report = copydesk::export::run_export(&job, &mut |done, _| {
                if done == 1 {
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            })
            .expect("export");
            assert!(report.stopped && report.exported >= 1);
            report
        });
}

/// A 1 MB page of text, in UTF-8 and in Windows-1252.
fn megabyte_page() -> &'static (Vec<u8>, Vec<u8>) {
    static PAGE: OnceLock<(Vec<u8>, Vec<u8>)> = OnceLock::new();
    PAGE.get_or_init(|| {
        let paragraph = "The caf\u{e9} owners\u{2019} association in Z\u{fc}rich said the \
                         r\u{e9}gime of fees was na\u{ef}ve \u{2014} a fa\u{e7}ade.\n\n";
        let text = paragraph.repeat(1_000_000 / paragraph.len());
        let legacy = encoding_rs::WINDOWS_1252.encode(&text).0.into_owned();
        (text.into_bytes(), legacy)
    })
}

/// Importing a file: its 1 MB of UTF-8 read as text (the usual case).
#[divan::bench(sample_count = 20)]
fn decoding_a_1_mb_utf8_file(bencher: divan::Bencher) {
    let (utf8, _) = megabyte_page();
    bencher
        .bench(|| copydesk::import::decode::decode(utf8, copydesk::import::decode::Legacy::Text));
}

/// Importing a file not in UTF-8: its 1 MB of Windows-1252, the encoding worked out by
/// `chardetng` and the bytes read in it.
#[divan::bench(sample_count = 20)]
fn decoding_a_1_mb_windows_1252_file(bencher: divan::Bencher) {
    let (_, legacy) = megabyte_page();
    bencher
        .bench(|| copydesk::import::decode::decode(legacy, copydesk::import::decode::Legacy::Text));
}

/// A 1 MB news page as a file, HTML and pasted text: what an import reads and parses.
fn megabyte_files() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    static FILES: OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = support::temp_dir();
        let mut next = support::lcg(7);
        let paragraphs: Vec<String> = (0..1_500).map(|_| support::body(110, &mut next)).collect();
        let html = dir.path().join("page.html");
        let page: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
        let head = "<html><head><title>A long page</title></head><body><article>";
        std::fs::write(
            &html,
            format!("{head}<h1>A long page</h1>{page}</article></body></html>"),
        )
        .expect("write the page");
        let text = dir.path().join("page.txt");
        std::fs::write(&text, format!("A long page\n\n{}", paragraphs.join("\n\n")))
            .expect("write the text");
        (dir, html, text)
    })
}

/// Importing a 1 MB HTML page: read, parsed and made an article (on the import's worker; the
/// window's thread did all of it before 2026-12-07's thirteenth session).
#[divan::bench(sample_count = 10)]
fn importing_a_1_mb_html_page(bencher: divan::Bencher) {
    let (_, html, _) = megabyte_files();
    bencher.bench(|| copydesk::import::import_file(html, chrono::Utc::now()).expect("imports"));
}

/// Importing 1 MB of text copied from a news page, the same way.
#[divan::bench(sample_count = 10)]
fn importing_a_1_mb_pasted_page(bencher: divan::Bencher) {
    let (_, _, text) = megabyte_files();
    bencher.bench(|| copydesk::import::import_file(text, chrono::Utc::now()).expect("imports"));
}
