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

/// The rules an article of the sample fails at `now`, by slug.
fn failed_rules(root: &Path, now: chrono::DateTime<chrono::Utc>) -> Vec<(String, &'static str)> {
    let mut bundle = open_ro(root);
    let ids = bundle.ids();
    let reviews = copydesk::review::check_articles(&mut bundle, &ids, now, false).unwrap();
    let mut failed: Vec<_> = reviews
        .iter()
        .flat_map(|review| {
            review
                .findings
                .iter()
                .filter(|finding| finding.blocks())
                .map(|finding| (review.article.slug.clone(), finding.rule))
        })
        .collect();
    failed.sort();
    failed.dedup();
    failed
}

#[test]
fn a_sample_first_opened_later_is_dated_that_day() {
    let later: chrono::DateTime<chrono::Utc> = "2027-06-15T10:00:00Z".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("Sample.copydesk");
    copydesk::sample::extract_current_sample(&copy, later).unwrap();
    let mut bundle = open_ro(&copy);
    assert!(bundle.problems().is_empty(), "{:?}", bundle.problems());
    // The reference story reads as its page did, and the embargoed one is still ahead.
    let kremlin = bundle
        .resolve("kremlin-indicates-lack-of-progress-following-ukraine-talks-with-us")
        .unwrap();
    let updated = bundle.article(kremlin).unwrap().updated;
    assert_eq!(
        copydesk::model::time::relative(updated, later),
        "2 days ago"
    );
    let embargoed = bundle
        .ids()
        .into_iter()
        .find(|&id| bundle.article(id).unwrap().embargo.is_some())
        .unwrap();
    let embargo = bundle.article(embargoed).unwrap().embargo.clone().unwrap();
    assert_eq!(
        embargo.local_until().to_rfc3339(),
        "2027-06-20T07:00:00+01:00",
        "07:00 London, in summer time"
    );
    // It fails the same checks then as the shipped sample did on the day it was written for,
    // and its history holds one revision per article, dated as the article.
    assert_eq!(
        failed_rules(&copy, later),
        failed_rules(sample_root(), copydesk::sample::sample_written_at())
    );
    for id in bundle.ids() {
        let history = copydesk::history::History::load(&copy, id).unwrap();
        let article = bundle.article(id).unwrap();
        assert_eq!(history.revisions.len(), 1, "{}", article.slug);
        assert_eq!(history.revisions[0].at, article.updated);
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no staging folder left: {leftovers:?}");
}

#[test]
fn a_sample_cannot_be_copied_over_a_folder_that_holds_something() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("Sample.copydesk");
    std::fs::create_dir_all(&copy).unwrap();
    std::fs::write(copy.join("notes.txt"), "mine").unwrap();
    let error = copydesk::sample::extract_current_sample(&copy, chrono::Utc::now())
        .unwrap_err()
        .to_string();
    assert!(error.contains("Sample.copydesk"), "{error}");
    assert_eq!(
        std::fs::read_to_string(copy.join("notes.txt")).unwrap(),
        "mine"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no staging folder left: {leftovers:?}");
}
