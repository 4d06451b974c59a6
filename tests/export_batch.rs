//! A batch export as the window runs it: articles not in memory are read by the export's
//! worker, a file that cannot be read refuses its article, and the export can be stopped.

mod common;

use common::*;
use copydesk::export::{ExportJob, Format, run_export};
use std::sync::atomic::Ordering;

/// The job exporting every article of the bundle at `root`, as text, forced.
fn job_for_all(bundle: &mut copydesk::bundle::Bundle, out: &std::path::Path) -> ExportJob {
    ExportJob::from_bundle(bundle, &bundle.ids(), &[Format::Text], out, true).unwrap()
}

#[test]
fn articles_not_in_memory_are_read_by_the_export_not_before_it() {
    let (dir, root, ids) = bundle_with(5);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Edited, not saved".into())
        .unwrap();
    let out = dir.path().join("out");
    let job = job_for_all(&mut bundle, &out);
    assert!(
        ids[1..].iter().all(|id| !bundle.is_loaded(*id)),
        "the others are left for the export to read"
    );
    let report = run_export(&job, &mut |_, _| {}).unwrap();
    assert_eq!((report.exported, report.files), (5, 5));
    assert!(!report.stopped);
    let edited = std::fs::read_to_string(out.join("headline-number-0.txt")).unwrap();
    assert!(
        edited.contains("Edited, not saved"),
        "the edit in memory: {edited}"
    );
}

#[test]
fn a_file_that_cannot_be_read_refuses_its_article_naming_the_file() {
    let (dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    let job = job_for_all(&mut bundle, &dir.path().join("out"));
    let slug = bundle.summary_at(2).unwrap().slug.clone();
    let damaged = copydesk::bundle::article_path(&root, ids[2]);
    std::fs::write(&damaged, b"{ \"id\": ").unwrap();
    let report = run_export(&job, &mut |_, _| {}).unwrap();
    assert_eq!(report.exported, 2);
    assert_eq!(report.refused.len(), 1);
    // Named by its slug, as the project's index has it, as every refusal is.
    assert_eq!(report.refused[0].slug, slug);
    let why = report.refused[0].failures.join("; ");
    assert!(why.contains(&ids[2].to_string()), "{why}");
}

#[test]
fn a_stopped_export_keeps_what_it_wrote_and_says_it_stopped() {
    let (dir, root, _) = bundle_with(6);
    let mut bundle = open_rw(&root);
    let out = dir.path().join("out");
    let job = job_for_all(&mut bundle, &out);
    // Stopped once the first article is written (as the dialog's button would, meanwhile).
    let stop = job.stop.clone();
    let report = run_export(&job, &mut |done, _| {
        if done == 1 {
            stop.store(true, Ordering::Relaxed);
        }
    })
    .unwrap();
    assert!(report.stopped);
    assert_eq!(report.exported, 1);
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        1,
        "what it wrote stays"
    );

    let again = job_for_all(&mut bundle, &dir.path().join("again"));
    again.stop.store(true, Ordering::Relaxed);
    let report = run_export(&again, &mut |_, _| {}).unwrap();
    assert!(report.stopped);
    assert_eq!(report.exported, 0);
}

#[test]
fn an_export_to_a_file_says_it_is_not_a_folder() {
    let (dir, root, _) = bundle_with(1);
    let mut bundle = open_rw(&root);
    let out = dir.path().join("notes.txt");
    std::fs::write(&out, "mine").unwrap();
    let job = job_for_all(&mut bundle, &out);
    let error = run_export(&job, &mut |_, _| {}).unwrap_err().to_string();
    assert!(
        error.contains("notes.txt") && error.contains("a file, not a folder"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine", "left alone");
}

/// An export into the project's own folder or its storage (articles, pictures, history) is
/// refused, naming the folder: exported files there would be taken for damaged articles on every
/// open. A folder of its own within the project is fine.
#[test]
fn an_export_into_the_project_s_own_folders_is_refused() {
    let (_dir, root, _) = bundle_with(2);
    let mut bundle = open_rw(&root);
    let ids = bundle.ids();
    for (inside, named) in [
        (root.clone(), "the project's own folder"),
        (root.join("articles"), "the project's articles folder"),
        (
            root.join("assets").join("sub"),
            "the project's assets folder",
        ),
        (root.join("history"), "the project's history folder"),
        (
            root.join("articles").join("..").join("history"),
            "the project's history folder",
        ),
        (
            root.join("new").join("..").join("articles"),
            "the project's articles folder",
        ),
    ] {
        let error = ExportJob::from_bundle(&mut bundle, &ids, &[Format::Ninjs], &inside, true)
            .err()
            .unwrap_or_else(|| panic!("{} refused", inside.display()))
            .to_string();
        assert!(error.contains(named), "{error}");
        assert!(error.contains("exports"), "says where instead: {error}");
    }
    let files = |folder: &std::path::Path| std::fs::read_dir(folder).unwrap().count();
    assert_eq!(files(&root.join("articles")), 2, "nothing written");
    let exports = root.join("exports");
    let job = ExportJob::from_bundle(&mut bundle, &ids, &[Format::Ninjs], &exports, true).unwrap();
    assert_eq!(run_export(&job, &mut |_, _| {}).unwrap().exported, 2);
}
