//! Saving elsewhere and on another thread: Save as, and a save taken as a job; reading many
//! articles on another thread.

mod common;

use common::*;
use std::fs;

#[test]
fn a_save_job_reports_its_progress_and_an_edit_made_meanwhile_stays_to_save() {
    let (_dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    let words = |bundle: &copydesk::bundle::Bundle| bundle.summaries().next().unwrap().words;
    let before = words(&bundle);
    bundle
        .update_article(ids[0], |a| {
            a.headline = "Saved by the job".into();
            a.body.push_str(" Three more words.");
        })
        .unwrap();
    bundle
        .update_article(ids[1], |a| a.headline = "Taken by the job".into())
        .unwrap();
    bundle.remove_article(ids[2]).unwrap();
    let job = bundle.save_job().unwrap();
    assert_eq!(job.len(), 3, "two articles written, one deleted");
    // An edit while the job is written on another thread.
    bundle
        .update_article(ids[1], |a| a.headline = "Edited meanwhile".into())
        .unwrap();
    let mut seen = Vec::new();
    let saved = job.run(|done, total| seen.push((done, total)));
    assert_eq!((seen.first(), seen.last()), (Some(&(0, 3)), Some(&(3, 3))));
    let report = bundle.finish_save(saved).unwrap();
    assert_eq!(
        (report.written, report.deleted, report.manifest),
        (2, 1, true)
    );
    assert!(!bundle.is_dirty(ids[0]));
    assert_eq!(words(&bundle), before + 3, "counted with the save");
    assert!(bundle.is_dirty(ids[1]), "the later edit is still to save");
    assert!(!root.join(format!("articles/{}.json", ids[2])).exists());
    // The job's own writes are the bundle's: saving again is no conflict.
    let report = bundle.save().unwrap();
    assert_eq!(
        (report.written, report.deleted, report.manifest),
        (1, 0, false)
    );
    drop(bundle);
    let headlines: Vec<String> = open_ro(&root)
        .summaries()
        .map(|s| s.headline.clone())
        .collect();
    assert_eq!(headlines, ["Saved by the job", "Edited meanwhile"]);
}

#[test]
fn a_save_job_writes_nothing_over_a_file_changed_on_disk() {
    let (_dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Mine".into())
        .unwrap();
    let path = bundle.article_path(ids[0]);
    let job = bundle.save_job().unwrap();
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Headline number 0", "Theirs");
    fs::write(&path, &theirs).unwrap();
    let error = bundle.finish_save(job.run(|_, _| {})).unwrap_err();
    let named = match &error {
        copydesk::bundle::BundleError::ChangedOnDisk { paths } => paths.clone(),
        _ => Vec::new(),
    };
    assert_eq!(named, vec![path.clone()], "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert!(bundle.is_dirty(ids[0]), "mine is still to save");
}

#[test]
fn save_as_writes_a_complete_copy_and_moves_there() {
    let (dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Only in the copy".into())
        .unwrap();
    let target = dir.path().join("Copy.copydesk");
    bundle.save_as(&target).unwrap();
    assert_eq!(bundle.root(), target);
    assert!(!bundle.has_unsaved_changes());
    drop(bundle);
    assert_eq!(
        open_ro(&target).summaries().next().unwrap().headline,
        "Only in the copy"
    );
    assert_eq!(
        open_ro(&root).summaries().next().unwrap().headline,
        "Headline number 0"
    );
    let err = open_rw(&target).save_as(&root).unwrap_err().to_string();
    assert!(err.contains("already exists"), "{err}");
}

/// A new project or a copy is never made inside another project: inside its storage it would
/// be reported as a damaged article file on every open of the outer one (and a copy into the
/// project's own pictures folder would copy itself). Nothing is written.
#[test]
fn a_project_is_not_made_inside_another() {
    let (_dir, root, _) = bundle_with(1);
    for inside in [
        root.join("articles").join("Sub.copydesk"),
        root.join("assets").join("Copy.copydesk"),
        root.join("Nested.copydesk"),
    ] {
        let made = copydesk::bundle::Bundle::create(&inside, "Nested").err();
        let copied = open_rw(&root).save_as(&inside).err();
        for error in [made, copied] {
            let error = error
                .unwrap_or_else(|| panic!("refused: {}", inside.display()))
                .to_string();
            assert!(
                error.contains("inside the project at") && error.contains(&*root.to_string_lossy()),
                "{error}"
            );
        }
        assert!(!inside.exists(), "nothing written at {}", inside.display());
    }
    open_ro(&root);
    assert_eq!(fs::read_dir(root.join("articles")).unwrap().count(), 1);
}

#[test]
fn the_copy_s_history_grows_apart_from_the_original_s() {
    let (dir, root, ids) = bundle_with(1);
    let history = |root: &std::path::Path| {
        fs::read_to_string(root.join(format!("history/{}.jsonl", ids[0]))).unwrap_or_default()
    };
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Saved in the original".into())
        .unwrap();
    bundle.save().unwrap();
    let original = history(&root);
    assert!(!original.is_empty(), "a revision was recorded");
    let target = dir.path().join("Copy.copydesk");
    bundle.save_as(&target).unwrap();
    // Revisions saved in the copy go to the copy's history only.
    bundle
        .update_article(ids[0], |a| a.headline = "Saved in the copy".into())
        .unwrap();
    bundle.save().unwrap();
    assert_eq!(
        history(&root),
        original,
        "the original's history is as it was"
    );
    assert!(history(&target).len() > original.len());
}

#[test]
fn a_save_as_job_reports_its_progress_and_an_edit_made_meanwhile_stays_to_save() {
    let (dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Before the copy".into())
        .unwrap();
    let target = dir.path().join("Copy.copydesk");
    let job = bundle.save_as_job(&target).unwrap();
    assert_eq!(job.len(), 3);
    // An edit while the copy is written elsewhere.
    bundle
        .update_article(ids[1], |a| a.headline = "After the copy was taken".into())
        .unwrap();
    let mut seen = Vec::new();
    let copy = job.run(|done, total| seen.push((done, total))).unwrap();
    assert_eq!((seen.first(), seen.last()), (Some(&(0, 3)), Some(&(3, 3))));
    bundle.continue_at(copy);
    assert_eq!(bundle.root(), target);
    assert!(
        bundle.has_unsaved_changes(),
        "the later edit is still to save"
    );
    bundle.save().unwrap();
    drop(bundle);
    let headlines: Vec<String> = open_ro(&target)
        .summaries()
        .map(|s| s.headline.clone())
        .collect();
    assert_eq!(
        headlines[..2],
        ["Before the copy", "After the copy was taken"]
    );
    assert!(
        open_ro(&root)
            .summaries()
            .all(|s| !s.headline.contains("copy"))
    );
}

#[test]
fn an_article_removed_while_its_save_was_written_is_deleted_by_the_next_save() {
    let (_dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Saved, then removed".into())
        .unwrap();
    let job = bundle.save_job().unwrap();
    bundle.remove_article(ids[0]).unwrap();
    bundle.finish_save(job.run(|_, _| {})).unwrap();
    let report = bundle.save().unwrap();
    assert_eq!(report.deleted, 1, "no conflict with the save's own file");
    assert!(!root.join(format!("articles/{}.json", ids[0])).exists());
}

#[test]
fn an_article_removed_and_put_back_before_a_save_keeps_its_file() {
    // A delete undone before the next save: the save neither refuses the article's own file as
    // changed on disk, nor deletes the file it keeps.
    let (_dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    let removed = bundle.remove_article(ids[1]).unwrap();
    bundle.insert_article(removed.clone()).unwrap();
    bundle.move_article(ids[1], 1).unwrap();
    let report = bundle.save().unwrap();
    assert_eq!((report.written, report.deleted), (0, 0));
    assert!(!bundle.has_unsaved_changes());
    drop(bundle);
    let mut reopened = open_ro(&root);
    assert_eq!(reopened.ids(), ids);
    assert_eq!(reopened.article(ids[1]).unwrap(), &removed);
    // Put back with a change, it is written over its file.
    let mut bundle = open_rw(&root);
    let mut removed = bundle.remove_article(ids[2]).unwrap();
    removed.headline = "Put back, changed".into();
    bundle.insert_article(removed).unwrap();
    let report = bundle.save().unwrap();
    assert_eq!((report.written, report.deleted), (1, 0));
    drop(bundle);
    assert_eq!(
        open_ro(&root).article(ids[2]).unwrap().headline,
        "Put back, changed"
    );
    // A new article, never saved, removed and put back: the save writes it and leaves it.
    let mut bundle = open_rw(&root);
    let fresh = bundle.insert_article(sample_article(9)).unwrap();
    let fresh_article = bundle.remove_article(fresh).unwrap();
    bundle.insert_article(fresh_article).unwrap();
    let report = bundle.save().unwrap();
    assert_eq!((report.written, report.deleted), (1, 0));
    assert!(root.join(format!("articles/{fresh}.json")).exists());
}

#[test]
fn a_read_job_reads_what_is_not_in_memory_and_sets_aside_what_cannot_be_read() {
    let (_dir, root, ids) = bundle_with(4);
    let mut bundle = open_rw(&root);
    let job = bundle.read_job(&ids);
    assert_eq!(job.len(), 4, "none read at opening");
    // Meanwhile: one read here and edited, one damaged by another program.
    bundle
        .update_article(ids[0], |a| a.headline = "Edited meanwhile".into())
        .unwrap();
    let damaged = copydesk::bundle::article_path(&root, ids[1]);
    fs::write(&damaged, b"{ \"id\": ").unwrap();
    let mut steps = Vec::new();
    let read = job.run(|done, total| steps.push((done, total)));
    assert_eq!(steps.last(), Some(&(4, 4)));
    assert_eq!(bundle.finish_read(read), 1, "the damaged one is set aside");
    assert_eq!(bundle.article(ids[0]).unwrap().headline, "Edited meanwhile");
    assert!(bundle.is_dirty(ids[0]), "the edit made meanwhile is kept");
    assert_eq!(bundle.len(), 3);
    assert!(
        bundle.problems().iter().any(|p| p.path == damaged),
        "{:?}",
        bundle.problems()
    );
    assert!(bundle.read_job(&ids).is_empty(), "the rest are read");
    assert!(!bundle.is_dirty(ids[2]));
}

#[test]
fn what_a_read_job_read_for_another_folder_is_left() {
    let (dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    let read = bundle.read_job(&ids).run(|_, _| {});
    bundle.save_as(&dir.path().join("Copy.copydesk")).unwrap();
    assert_eq!(bundle.finish_read(read), 0);
    assert_eq!(
        bundle.read_job(&ids).len(),
        2,
        "read from the copy when needed"
    );
}

#[test]
fn a_stopped_save_as_removes_its_unfinished_copy_and_leaves_the_project_as_it_was() {
    let (dir, root, ids) = bundle_with(250);
    for existed in [false, true] {
        let target = dir.path().join(format!("Copy{existed}.copydesk"));
        if existed {
            fs::create_dir(&target).unwrap();
        }
        let mut bundle = open_rw(&root);
        bundle
            .update_article(ids[0], |a| a.headline = "Still to save".into())
            .unwrap();
        let job = bundle.save_as_job(&target).unwrap();
        let stop = job.stopper();
        // Stopped once a hundred articles are written, as the dialog's button would, meanwhile.
        let error = job
            .run(|done, _| {
                if done >= 100 {
                    stop.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            })
            .err()
            .expect("stopped");
        assert!(
            matches!(&error, copydesk::bundle::BundleError::Stopped { path } if *path == target),
            "{error}"
        );
        assert_eq!(target.exists(), existed, "an empty folder given stays");
        if existed {
            assert_eq!(fs::read_dir(&target).unwrap().count(), 0);
        }
        assert_eq!(bundle.root(), root, "the project stays where it is");
        assert!(bundle.is_dirty(ids[0]), "and its changes still to save");
        drop(bundle);
    }
}

#[test]
fn save_as_from_a_folder_deleted_underneath_keeps_what_is_in_memory_and_names_the_rest() {
    let (dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[1], |a| {
            a.headline = "Edited before the folder went".into()
        })
        .unwrap();
    fs::rename(&root, dir.path().join("Deleted")).unwrap();
    let target = dir.path().join("Rescued.copydesk");
    let copy = bundle.save_as_job(&target).unwrap().run(|_, _| {}).unwrap();
    assert_eq!(copy.lost(), [ids[0], ids[2]], "never read, and gone");
    bundle.continue_at(copy);
    assert_eq!(
        bundle.ids(),
        vec![ids[1]],
        "the lost ones are no longer listed"
    );
    assert!(!bundle.has_unsaved_changes());
    drop(bundle);
    // The copy lists only what it holds: it opens without a problem.
    let rescued = open_ro(&target);
    assert!(rescued.problems().is_empty(), "{:?}", rescued.problems());
    assert_eq!(rescued.ids(), vec![ids[1]]);
    assert_eq!(
        rescued.summaries().next().unwrap().headline,
        "Edited before the folder went"
    );
}

#[test]
fn save_as_still_stops_at_an_article_file_it_cannot_read() {
    let (dir, root, ids) = bundle_with(2);
    let bundle = open_rw(&root);
    let unreadable = root.join(format!("articles/{}.json", ids[0]));
    fs::remove_file(&unreadable).unwrap();
    fs::create_dir(&unreadable).unwrap();
    let target = dir.path().join("Copy.copydesk");
    let Err(error) = bundle.save_as_job(&target).unwrap().run(|_, _| {}) else {
        panic!("a file that is there but cannot be read stops the copy");
    };
    assert!(error.to_string().contains(&ids[0].to_string()), "{error}");
}

#[test]
fn a_history_kept_between_saves_takes_in_what_another_program_appended_meanwhile() {
    let (_dir, root, ids) = bundle_with(1);
    let mut bundle = open_rw(&root);
    let save_with = |bundle: &mut copydesk::bundle::Bundle, line: &str| {
        bundle
            .update_article(ids[0], |a| a.body.push_str(line))
            .unwrap();
        bundle.save().unwrap();
    };
    save_with(&mut bundle, "\n\nFirst save here.");
    // Another copy of the project (a colleague's, merged with `git pull`) adds a revision.
    let mut theirs = bundle.article(ids[0]).unwrap().clone();
    theirs.body.push_str("\n\nTheir paragraph.");
    copydesk::history::record(&root, &theirs, "Colleague", "sha-of-theirs").unwrap();
    save_with(&mut bundle, "\n\nSecond save here.");
    let history = copydesk::history::History::load(&root, ids[0]).unwrap();
    let editors: Vec<&str> = history
        .revisions
        .iter()
        .map(|r| r.editor.as_str())
        .collect();
    assert_eq!(editors.len(), 4, "{editors:?}");
    assert_eq!(editors[2], "Colleague", "nothing they wrote is cut off");
    for index in 0..4 {
        history
            .article_at(index)
            .expect("every revision reads back");
    }
    let last = history.article_at(3).unwrap().body;
    assert!(
        last.ends_with("First save here.\n\nSecond save here."),
        "{last}"
    );
}
