//! Files arriving from outside, driven through the real window (egui_kittest): files dropped on
//! the window, and a bundle changed on disk by another program while it is open.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

fn drop_file(harness: &mut Harness<'static, copydesk::ui::Workstation>, path: PathBuf) {
    drop_on_window(harness, path);
    harness.run_steps(3);
}

#[test]
fn dropping_a_page_imports_it_and_dropping_a_picture_attaches_it() {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = harness.state().state.bundle.as_ref().unwrap().len();
    drop_file(
        &mut harness,
        common::shared().join("corpus/articles/00-seed-kremlin-ukraine-talks.txt"),
    );
    // The page became an article.
    wait_for_articles(&mut harness, before + 1);
    assert!(draft(&harness).hero_image.is_none());
    let picture = dir.path().join("desk.png");
    image::RgbImage::from_pixel(1400, 800, image::Rgb([30, 90, 160]))
        .save(&picture)
        .unwrap();
    drop_file(&mut harness, picture);
    wait_until(&mut harness, |w| {
        w.state
            .draft
            .as_ref()
            .is_some_and(|d| d.hero_image.is_some())
    });
    assert_eq!(
        draft(&harness).hero_image.unwrap().width,
        1400,
        "a picture dropped on an article without a hero becomes its hero"
    );
    let stray = dir.path().join("notes.xyz");
    std::fs::write(&stray, "x").unwrap();
    drop_file(&mut harness, stray);
    let notice = harness
        .state()
        .state
        .notice
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default();
    assert!(
        notice.contains("notes.xyz") && notice.contains("not a Copydesk project"),
        "{notice}"
    );
}

#[test]
fn dropping_a_bundle_folder_opens_it() {
    let (_dir, root) = sample_copy();
    let other = tempfile::tempdir().unwrap();
    let second = other.path().join("Other.copydesk");
    copydesk::bundle::Bundle::create(&second, "Other desk").unwrap();
    let mut harness = open(&root, no_dialogs());
    drop_file(&mut harness, second.join("bundle.json"));
    wait_until(&mut harness, |w| {
        w.state
            .bundle
            .as_ref()
            .is_some_and(|b| b.project().title == "Other desk")
    });
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_and_the_editor_chooses() {
    for keep_mine in [false, true] {
        let (_dir, root) = sample_copy();
        let mut harness = open(&root, no_dialogs());
        append_to(&mut harness, Role::TextInput, "Slugline", "-MINE");
        let id = harness.state().state.selected.unwrap();
        let path = copydesk::bundle::article_path(&root, id);
        let theirs = std::fs::read_to_string(&path)
            .unwrap()
            .replace("RUSSIA-UKRAINE-TALKS", "THEIRS");
        std::fs::write(&path, &theirs).unwrap();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run_steps(3);
        assert!(
            harness.query_by_label("Changed on disk").is_some(),
            "the conflict is shown"
        );
        // The file is named by its article's headline and its place in the bundle.
        let headline = format!("“{}”", draft(&harness).headline);
        assert!(harness.query_by_label(&headline).is_some(), "{headline}");
        let file = format!("articles/{id}.json");
        assert!(harness.query_by_label(&file).is_some(), "{file}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            theirs,
            "nothing overwritten yet"
        );
        harness.check_accessibility();
        let answer = if keep_mine {
            "Keep mine (overwrite)"
        } else {
            "Reload from disk"
        };
        harness.get_by_label(answer).click();
        harness.run_steps(3);
        let slugline = draft(&harness).slugline;
        if keep_mine {
            harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
            harness.run_steps(3);
            assert_eq!(slugline, "RUSSIA-UKRAINE-TALKS-MINE");
            assert!(
                std::fs::read_to_string(&path)
                    .unwrap()
                    .contains("RUSSIA-UKRAINE-TALKS-MINE")
            );
        } else {
            assert_eq!(slugline, "THEIRS", "their version is loaded");
        }
    }
}

#[test]
fn a_new_project_saves_the_open_one_first_and_opens_empty() {
    let (dir, root) = sample_copy();
    let target = dir.path().join("Desk.copydesk");
    let dialogs = Arc::new(FakeDialogs(std::sync::Mutex::new(Some(target.clone()))));
    let mut harness = open(&root, dialogs);
    append_to(&mut harness, Role::TextInput, "Slugline", "-KEPT");
    assert!(harness.state().state.has_unsaved_changes());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    wait_until(&mut harness, |w| {
        w.state.bundle.as_ref().is_some_and(|b| b.root() == target)
    });
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().len(), 0);
    assert!(
        harness
            .query_by_label_contains("This project has no articles yet")
            .is_some()
    );
    // The edit made before went to disk, not away.
    assert_eq!(
        first_article_on_disk(&root).slugline,
        "RUSSIA-UKRAINE-TALKS-KEPT"
    );
}

#[test]
fn a_new_project_typed_without_the_bundle_extension_gets_it() {
    let (dir, root) = sample_copy();
    let typed = dir.path().join("Desk");
    let mut harness = open(
        &root,
        Arc::new(FakeDialogs(Mutex::new(Some(typed.clone())))),
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    wait_until(&mut harness, |w| {
        w.state.bundle.as_ref().is_some_and(|b| b.root() != root)
    });
    let bundle = harness.state().state.bundle.as_ref().unwrap();
    assert_eq!(bundle.root(), dir.path().join("Desk.copydesk"));
    assert_eq!(bundle.project().title, "Desk");
    assert!(!typed.exists(), "no folder without the extension");
}

#[test]
fn every_problem_found_opening_a_project_can_be_read_in_full() {
    let (_dir, root) = sample_copy();
    // Two article files damaged by another program.
    let mut damaged: Vec<PathBuf> = std::fs::read_dir(root.join("articles"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    damaged.sort();
    for path in &damaged[1..3] {
        std::fs::write(path, "{\"id\": ").unwrap();
    }
    let mut harness = open(&root, no_dialogs());
    let notice = harness.state().state.notice.clone().unwrap();
    assert!(notice.error);
    assert!(notice.text.starts_with("2 problems: "), "{}", notice.text);
    // The status bar has room for a line: hovered, it shows every problem, each in full.
    let line = harness
        .get_by_label_contains("2 problems: ")
        .rect()
        .center();
    harness.event(egui::Event::PointerMoved(line));
    harness.run_steps(8);
    for path in &damaged[1..3] {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let shown = harness
            .query_all_by_label_contains(&name)
            .filter(|node| {
                node.accesskit_node()
                    .label()
                    .or(node.accesskit_node().value())
                    .is_some_and(|text| text.contains("set aside, not overwritten"))
            })
            .count();
        assert!(shown >= 1, "{name} in full");
    }
}

#[test]
fn a_page_dropped_in_a_legacy_encoding_is_imported_and_the_notice_says_how_it_was_read() {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let page = "<html><head><meta charset=\"iso-8859-1\"><title>Z\u{fc}rich caf\u{e9}s close\
                </title></head><body><article><h1>Z\u{fc}rich caf\u{e9}s close</h1><p>A dozen \
                caf\u{e9}s on the lake will close before the summer, their owners\u{b4} \
                association said on Monday, blaming the city\u{b4}s new fees.</p></article>\
                </body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let path = dir.path().join("zurich.html");
    std::fs::write(&path, &bytes).unwrap();
    let before = harness.state().state.bundle.as_ref().unwrap().len();
    drop_file(&mut harness, path);
    wait_for_articles(&mut harness, before + 1);
    assert_eq!(draft(&harness).headline, "Zürich cafés close");
    let notice = harness.state().state.notice.as_ref().unwrap().text.clone();
    assert_eq!(
        notice,
        "Imported “Zürich cafés close”, read as windows-1252"
    );
}
