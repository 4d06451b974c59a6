//! The embedded sample project: what it holds, and that using it never writes into `assets/`.

mod common;

use common::*;
use copydesk::model::Status;
use std::collections::HashSet;
use std::path::Path;

fn sample_root() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample.copydesk"
    ))
}

#[test]
fn the_sample_shows_the_product_off() {
    let mut bundle = open_ro(sample_root());
    assert!(bundle.problems().is_empty(), "{:?}", bundle.problems());
    assert!(bundle.len() >= 5);
    let statuses: HashSet<Status> = bundle.summaries().map(|s| s.status).collect();
    assert_eq!(statuses, Status::ALL.into_iter().collect(), "every status");
    let sections: HashSet<&str> = bundle.summaries().map(|s| s.section.as_str()).collect();
    assert!(sections.len() >= 4, "{sections:?}");
    let languages: HashSet<&str> = bundle.summaries().map(|s| s.language.as_str()).collect();
    assert!(
        languages.contains("ar") && languages.contains("ja"),
        "{languages:?}"
    );
    let mut embargoed = 0;
    let mut corrected = 0;
    for id in bundle.ids() {
        let article = bundle.article(id).unwrap();
        embargoed += usize::from(article.embargo.is_some());
        corrected +=
            usize::from(article.status == Status::Corrected && !article.corrections.is_empty());
    }
    assert_eq!((embargoed >= 1, corrected >= 1), (true, true));
}

#[test]
fn the_reference_article_keeps_its_copy_damage() {
    let mut bundle = open_ro(sample_root());
    let id = bundle
        .resolve("kremlin-indicates-lack-of-progress-following-ukraine-talks-with-us")
        .unwrap();
    let article = bundle.article(id).unwrap();
    assert_eq!(article.section, "World");
    assert_eq!(article.byline_names(), ["Sophia Brooks"]);
    assert!(article.body.starts_with("After five hours of discussions"));
    for damage in [
        "Kyivs",
        "Moscows",
        "Russias",
        "membershipa point",
        "compromise significant",
        "Kupyans",
    ] {
        assert!(article.body.contains(damage), "{damage}");
    }
    let stats = article.body_stats();
    assert_eq!((stats.words, stats.reading_minutes(200)), (651, 4));
}

#[test]
fn the_sample_is_written_exactly_as_the_bundle_writes() {
    // Saving the sample through the library must not change a byte: no churn on first save.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("Sample.copydesk");
    copydesk::sample::extract_sample(&copy).unwrap();
    let before = snapshot_files(&copy);
    let mut bundle = open_rw(&copy);
    for id in bundle.ids() {
        bundle.update_article(id, |_| ()).unwrap();
    }
    bundle.project_mut();
    let report = bundle.save().unwrap();
    assert_eq!((report.written, report.manifest), (0, false));
    drop(bundle);
    assert_eq!(snapshot_files(&copy), before);
}

#[test]
fn first_run_copies_the_sample_into_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    // SAFETY: this test binary runs no other test that reads COPYDESK_DATA_DIR.
    unsafe { std::env::set_var("COPYDESK_DATA_DIR", dir.path()) };
    let before = snapshot_files(sample_root());
    let copy = copydesk::sample::ensure_sample_copy().unwrap();
    assert!(copy.starts_with(dir.path()));
    let mut bundle = open_rw(&copy);
    let first = bundle.ids()[0];
    bundle
        .update_article(first, |a| a.headline = "Edited in the user's copy".into())
        .unwrap();
    bundle.save().unwrap();
    drop(bundle);
    // A second run reuses the copy rather than overwriting the user's work.
    let again = copydesk::sample::ensure_sample_copy().unwrap();
    assert_eq!(
        open_ro(&again).summaries().next().unwrap().headline,
        "Edited in the user's copy"
    );
    assert_eq!(snapshot_files(sample_root()), before, "assets/ untouched");
}
