//! Bundle storage: saving only what changed, stable bytes, conflicts, locks, versions, recovery.

mod common;

use common::*;
use copydesk::bundle::backup::list_backups;
use copydesk::bundle::{Access, Bundle, BundleError};
use std::fs;

#[test]
fn save_load_round_trip_and_lazy_bodies() {
    let (_dir, root, ids) = bundle_with(3);
    let mut bundle = open_ro(&root);
    assert_eq!(bundle.len(), 3);
    assert_eq!(
        bundle.summaries().next().unwrap().headline,
        "Headline number 0"
    );
    let article = bundle.article(ids[1]).unwrap();
    assert_eq!(
        article.body,
        "First paragraph of 1.\n\nSecond paragraph.\n\nThird paragraph."
    );
    assert_eq!(bundle.resolve("headline-number-2"), Some(ids[2]));
    assert!(bundle.problems().is_empty(), "{:?}", bundle.problems());
}

#[test]
fn saving_twice_writes_nothing_the_second_time() {
    let (_dir, root, ids) = bundle_with(3);
    let before = snapshot_files(&root);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = a.headline.clone())
        .unwrap();
    let report = bundle.save().unwrap();
    assert_eq!((report.written, report.manifest), (0, false));
    assert_eq!(snapshot_files(&root), before, "no per-save churn");
}

#[test]
fn editing_one_paragraph_changes_one_line_and_one_file() {
    let (_dir, root, ids) = bundle_with(3);
    let path = root.join(format!("articles/{}.json", ids[1]));
    let before = fs::read_to_string(&path).unwrap();
    let others = snapshot_files(&root);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[1], |a| {
            a.body = a
                .body
                .replace("Second paragraph.", "A rewritten second paragraph.")
        })
        .unwrap();
    let report = bundle.save().unwrap();
    assert_eq!((report.written, report.manifest), (1, false));
    let after = fs::read_to_string(&path).unwrap();
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    let now = snapshot_files(&root);
    let differing: Vec<_> = others
        .iter()
        .zip(&now)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| a.0.clone())
        .collect();
    let history = copydesk::history::history_path(&root, ids[1]);
    assert_eq!(
        differing,
        vec![path, history],
        "the article and its revision history"
    );
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten() {
    let (_dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Mine".into())
        .unwrap();
    let path = root.join(format!("articles/{}.json", ids[0]));
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Headline number 0", "Theirs");
    fs::write(&path, &theirs).unwrap();
    let err = bundle.save().unwrap_err();
    assert!(matches!(err, BundleError::ChangedOnDisk { .. }), "{err}");
    assert!(err.to_string().contains(&ids[0].to_string()), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
}

#[test]
fn second_writer_is_refused_but_list_still_reads() {
    let (_dir, root, _) = bundle_with(2);
    let _holder = open_rw(&root);
    let err = Bundle::open(&root, Access::ReadWrite)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("process {}", std::process::id())) && err.contains("since"),
        "{err}"
    );
    let reader = open_ro(&root);
    assert_eq!(reader.len(), 2);
    assert!(matches!(
        open_ro(&root).save(),
        Err(BundleError::ReadOnly { .. })
    ));
}

#[test]
fn newer_format_version_is_refused_and_nothing_written() {
    let (_dir, root, _) = bundle_with(1);
    let manifest = root.join("bundle.json");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("\"format_version\": 2", "\"format_version\": 999");
    fs::write(&manifest, &text).unwrap();
    let before = snapshot_files(&root);
    let err = Bundle::open(&root, Access::ReadWrite)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("format_version 999 is newer") && err.contains("bundle.json"),
        "{err}"
    );
    assert_eq!(snapshot_files(&root), before);
    assert!(!root.join(".local/lock.json").exists());
}

#[test]
fn older_format_is_migrated_after_a_backup() {
    let (_dir, root, ids) = bundle_with(1);
    let manifest = root.join("bundle.json");
    fs::write(
        &manifest,
        fs::read_to_string(&manifest)
            .unwrap()
            .replace("\"format_version\": 2", "\"format_version\": 1"),
    )
    .unwrap();
    let path = root.join(format!("articles/{}.json", ids[0]));
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    value["bylines"] = serde_json::json!(["Old Style"]);
    value["body"] = serde_json::json!("One string body.\n\nTwo.");
    fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();

    let mut bundle = open_rw(&root);
    let backups = list_backups(&root);
    assert_eq!(backups.len(), 1);
    assert!(
        backups[0]
            .to_string_lossy()
            .ends_with("before-migration-from-v1")
    );
    assert!(
        fs::read_to_string(backups[0].join("bundle.json"))
            .unwrap()
            .contains("\"format_version\": 1")
    );
    assert_eq!(bundle.article(ids[0]).unwrap().bylines[0].name, "Old Style");
    bundle.save().unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains("\"name\": \"Old Style\"") && saved.contains("\"Two.\""),
        "{saved}"
    );
    assert!(
        fs::read_to_string(&manifest)
            .unwrap()
            .contains("\"format_version\": 2")
    );
}

#[test]
fn unknown_fields_of_a_newer_minor_survive_load_and_save() {
    let (_dir, root, ids) = bundle_with(1);
    let manifest = root.join("bundle.json");
    let mut value: serde_json::Value =
        serde_json::from_slice(&fs::read(&manifest).unwrap()).unwrap();
    value["format_minor"] = serde_json::json!(3);
    value["review_profile"] = serde_json::json!({"rules": ["x"]});
    value["settings"]["newsletter"] = serde_json::json!({"Kiev": "Kyiv"});
    fs::write(&manifest, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let path = root.join(format!("articles/{}.json", ids[0]));
    let mut article: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    article["audio"] = serde_json::json!({"voice": "Ann"});
    fs::write(&path, serde_json::to_vec_pretty(&article).unwrap()).unwrap();

    let mut bundle = open_rw(&root);
    bundle.project_mut().title = "Renamed".into();
    bundle
        .update_article(ids[0], |a| a.headline = "Changed".into())
        .unwrap();
    bundle.save().unwrap();
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(&manifest).unwrap()).unwrap();
    assert_eq!(
        manifest["review_profile"],
        serde_json::json!({"rules": ["x"]})
    );
    assert_eq!(
        manifest["settings"]["newsletter"],
        serde_json::json!({"Kiev": "Kyiv"})
    );
    assert_eq!(manifest["format_minor"], 3);
    let article: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(article["audio"], serde_json::json!({"voice": "Ann"}));
    assert_eq!(article["headline"], "Changed");
}

#[test]
fn a_corrupt_article_is_set_aside_and_never_overwritten() {
    let (_dir, root, ids) = bundle_with(3);
    let bad = root.join(format!("articles/{}.json", ids[1]));
    fs::write(&bad, b"{\n  \"id\": \"oops\n").unwrap();
    let mut bundle = open_rw(&root);
    assert_eq!(bundle.len(), 2);
    let problems: Vec<String> = bundle.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains(&bad.display().to_string())
            && problems[0].contains("malformed JSON at line 3"),
        "{problems:?}"
    );
    bundle
        .update_article(ids[0], |a| a.headline = "Still works".into())
        .unwrap();
    bundle.project_mut().title = "Changed".into();
    bundle.save().unwrap();
    assert_eq!(fs::read(&bad).unwrap(), b"{\n  \"id\": \"oops\n");
    // The bad article keeps its place in the manifest, so fixing the file brings it back.
    assert!(
        fs::read_to_string(root.join("bundle.json"))
            .unwrap()
            .contains(&ids[1].to_string())
    );
}

#[test]
fn a_lost_or_broken_manifest_is_rebuilt_from_the_articles() {
    for damage in [None, Some(&b"{ not json"[..]), Some(&b""[..])] {
        let (_dir, root, ids) = bundle_with(3);
        match damage {
            None => fs::remove_file(root.join("bundle.json")).unwrap(),
            Some(bytes) => fs::write(root.join("bundle.json"), bytes).unwrap(),
        }
        let mut bundle = open_rw(&root);
        assert_eq!(bundle.len(), 3);
        let mut listed = bundle.ids();
        listed.sort();
        let mut expected = ids.clone();
        expected.sort();
        assert_eq!(listed, expected);
        assert!(
            bundle.problems()[0]
                .to_string()
                .contains("rebuilt from the article files")
        );
        assert!(
            list_backups(&root)[0]
                .to_string_lossy()
                .ends_with("before-manifest-rebuild")
        );
        bundle.save().unwrap();
        drop(bundle);
        assert!(open_ro(&root).problems().is_empty());
    }
}

#[test]
fn index_cache_is_rebuilt_when_lost_or_stale() {
    let (_dir, root, ids) = bundle_with(2);
    drop(open_rw(&root));
    assert!(root.join(".local/index.json").exists());
    // Change an article behind the bundle's back: the stale index entry must not be trusted.
    let path = root.join(format!("articles/{}.json", ids[0]));
    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replace("Headline number 0", "Edited outside, longer"),
    )
    .unwrap();
    assert_eq!(
        open_ro(&root).summaries().next().unwrap().headline,
        "Edited outside, longer"
    );
    fs::write(root.join(".local/index.json"), b"garbage").unwrap();
    assert_eq!(open_ro(&root).len(), 2);
}

#[test]
fn a_bundle_opened_without_its_index_reads_each_article_for_its_summary_and_keeps_none() {
    let (_dir, root, ids) = bundle_with(3);
    let _ = fs::remove_file(root.join(".local/index.json"));
    let mut bundle = open_ro(&root);
    assert_eq!(bundle.summaries().count(), 3);
    assert_eq!(
        bundle.summaries().next().unwrap().headline,
        "Headline number 0"
    );
    assert!(
        ids.iter().all(|id| !bundle.is_loaded(*id)),
        "read for their summaries, then left on disk"
    );
    // Read again when needed, as the same file.
    assert_eq!(
        bundle.article(ids[1]).unwrap().headline,
        "Headline number 1"
    );
    assert!(bundle.is_loaded(ids[1]));
}

#[test]
fn articles_missing_from_the_manifest_are_added_and_listed_files_missing_are_dropped() {
    let (_dir, root, ids) = bundle_with(3);
    fs::remove_file(root.join(format!("articles/{}.json", ids[2]))).unwrap();
    let bundle = open_ro(&root);
    assert_eq!(bundle.ids(), ids[..2].to_vec());
    assert!(
        bundle.problems()[0]
            .to_string()
            .contains("is missing; dropped from the list")
    );
}

#[test]
fn delete_reorder_and_backups() {
    let (_dir, root, ids) = bundle_with(3);
    let mut bundle = open_rw(&root);
    bundle.move_article(ids[2], 0).unwrap();
    let removed = bundle.remove_article(ids[1]).unwrap();
    assert_eq!(removed.headline, "Headline number 1");
    let report = bundle.save().unwrap();
    assert_eq!((report.deleted, report.manifest), (1, true));
    drop(bundle);
    assert_eq!(open_ro(&root).ids(), vec![ids[2], ids[0]]);
    let backup = &list_backups(&root)[0];
    assert!(
        backup.join(format!("articles/{}.json", ids[1])).exists(),
        "deleted file kept in the backup"
    );
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), b"mine").unwrap();
    let err = Bundle::create(dir.path(), "X").unwrap_err().to_string();
    assert!(err.contains("already exists and is not empty"), "{err}");
    assert_eq!(fs::read(dir.path().join("notes.txt")).unwrap(), b"mine");
}

#[test]
fn keep_mine_overwrites_only_after_accepting_the_disk_version_and_reload_takes_theirs() {
    let (_dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    let path = root.join(format!("articles/{}.json", ids[0]));
    assert_eq!(bundle.article_of_path(&path), Some(ids[0]));
    assert_eq!(
        bundle.article_of_path(&root.join("articles/not-an-id.json")),
        None
    );
    bundle
        .update_article(ids[0], |a| a.headline = "Mine".into())
        .unwrap();
    let theirs = fs::read_to_string(&path)
        .unwrap()
        .replace("Headline number 0", "Theirs");
    fs::write(&path, &theirs).unwrap();
    let Err(BundleError::ChangedOnDisk { paths }) = bundle.save() else {
        panic!("conflict expected")
    };
    assert!(bundle.changed_on_disk(ids[0]));
    bundle.accept_disk_versions(&paths).unwrap();
    bundle.save().unwrap();
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("\"headline\": \"Mine\"")
    );

    fs::write(
        &path,
        fs::read_to_string(&path)
            .unwrap()
            .replace("\"Mine\"", "\"Theirs again\""),
    )
    .unwrap();
    assert_eq!(
        bundle.reload_article(ids[0]).unwrap().headline,
        "Theirs again"
    );
    assert!(!bundle.is_dirty(ids[0]));
}

#[test]
fn a_project_folder_deleted_while_open_is_not_brought_back() {
    use copydesk::bundle::recovery::{Journal, write_journal};
    let (_dir, root, ids) = bundle_with(2);
    let mut bundle = open_rw(&root);
    bundle
        .update_article(ids[0], |a| a.headline = "Saved before".into())
        .unwrap();
    // This save leaves the index to be written when the bundle is closed.
    bundle.save().unwrap();
    bundle
        .update_article(ids[1], |a| a.headline = "Not saved".into())
        .unwrap();
    fs::remove_dir_all(&root).unwrap();

    let journal = Journal {
        written: chrono::Utc::now(),
        articles: bundle.unsaved_articles(),
        deleted: Vec::new(),
    };
    let error = write_journal(&root, &journal).unwrap_err().to_string();
    assert!(error.contains(".local"), "{error}");
    bundle
        .accept_disk_versions(&[bundle.article_path(ids[1])])
        .unwrap();
    let error = bundle.save().unwrap_err().to_string();
    assert!(error.contains("articles"), "{error}");
    let mut png = Vec::new();
    image::RgbaImage::new(2, 2)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    assert!(copydesk::media::store(&root, &png, "dot.png").is_err());
    drop(bundle);
    assert!(!root.exists(), "the deleted folder came back");
}

#[test]
fn an_article_loaded_after_another_program_changed_it_lists_its_new_word_count() {
    let (_dir, root, ids) = bundle_with(2);
    // Opened again: the articles are listed from the index and loaded on first use.
    drop(open_rw(&root));
    let mut bundle = open_rw(&root);
    let listed = |bundle: &Bundle| bundle.summaries().nth(1).unwrap().words;
    let before = listed(&bundle);
    let path = bundle.article_path(ids[1]);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("Third paragraph.", "Third paragraph, with four words more.");
    fs::write(&path, text).unwrap();
    bundle.article(ids[1]).unwrap();
    assert_eq!(listed(&bundle), before + 4);
}
