//! Pictures driven through the real window (egui_kittest): attach, describe, see the check clear.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::{Arc, Mutex};

const KYOTO: &str = "5a3e0000-0000-4000-8000-000000000005";

#[test]
fn a_picture_attached_through_the_dialog_needs_alt_text_and_the_check_clears() {
    let (dir, root) = sample_copy();
    let file = dir.path().join("shop.png");
    image::RgbImage::from_fn(1600, 900, |x, _| image::Rgb([(x % 255) as u8, 90, 140]))
        .save(&file)
        .unwrap();
    let mut harness = open(&root, Arc::new(FakeDialogs(Mutex::new(Some(file)))));
    select(&mut harness, KYOTO);
    assert!(draft(&harness).hero_image.is_none());
    harness.get_by_label("Add hero picture…").click();
    wait_until(&mut harness, |w| {
        w.state
            .draft
            .as_ref()
            .is_some_and(|d| d.hero_image.is_some())
    });
    settle(&mut harness);
    let hero = harness
        .state()
        .state
        .draft
        .clone()
        .unwrap()
        .hero_image
        .unwrap();
    assert_eq!(
        (hero.width, hero.height),
        (1600, 900),
        "the size is read from the file"
    );
    assert!(root.join("assets").join(hero.asset.as_str()).exists());
    let rules = |h: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        h.state()
            .state
            .review
            .findings
            .iter()
            .map(|f| f.rule)
            .collect::<Vec<_>>()
    };
    assert!(
        rules(&harness).contains(&"image.alt"),
        "{:?}",
        rules(&harness)
    );
    wait_until(&mut harness, |w| !w.state.thumbnails.loading());
    harness.check_accessibility();
    // The new hero's alt text takes the keys at once.
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Hero alt text")
            .is_focused()
    );
    harness.event(egui::Event::Text("A bookshop window in Kyoto".into()));
    harness.run_steps(2);
    settle(&mut harness);
    assert!(
        !rules(&harness).contains(&"image.alt"),
        "{:?}",
        rules(&harness)
    );
    assert_eq!(
        draft(&harness).hero_image.as_ref().unwrap().alt,
        "A bookshop window in Kyoto"
    );
}

#[test]
fn a_broken_picture_shows_a_placeholder_and_a_finding() {
    let (_dir, root) = sample_copy();
    let talks = std::fs::read_dir(root.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    for path in &talks {
        std::fs::write(path, b"broken").unwrap();
    }
    let _ = std::fs::remove_dir_all(root.join(".local/thumbs"));
    let mut harness = open(&root, no_dialogs());
    wait_until(&mut harness, |w| !w.state.thumbnails.loading());
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_label_contains("Picture missing or damaged")
            .count()
            >= 2,
        "editor and preview"
    );
    let findings = &harness.state().state.review.findings;
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "image.file" && f.message.contains("damaged")),
        "{findings:?}"
    );
}

/// Dialogs with a picture on the clipboard.
struct PictureClipboard(Vec<u8>);

impl copydesk::app::jobs::FileDialogs for PictureClipboard {
    fn available(&self) -> bool {
        true
    }
    fn pick(
        &self,
        _: copydesk::app::jobs::DialogPurpose,
        _: std::sync::mpsc::Sender<copydesk::app::jobs::Outcome>,
    ) {
    }
    fn clipboard_image(&self) -> Option<Vec<u8>> {
        Some(self.0.clone())
    }
}

#[test]
fn a_pasted_picture_goes_into_the_body_and_an_unused_one_is_offered_for_deletion() {
    let (_dir, root) = sample_copy();
    let mut png = Vec::new();
    image::RgbImage::from_pixel(320, 200, image::Rgb([200, 60, 60]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let mut harness = open(&root, Arc::new(PictureClipboard(png)));
    harness.get_by_label("Article").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Paste picture").click();
    wait_until(&mut harness, |w| {
        w.state.draft.as_ref().is_some_and(|d| !d.images.is_empty())
    });
    let pasted = draft(&harness);
    let asset = pasted.images[0].asset.clone();
    assert!(
        pasted
            .body
            .contains(&format!("](asset:{})", asset.as_str())),
        "the body refers to it"
    );
    // Its alt text takes the keys, scrolled into view, far down the editor as it is.
    settle(&mut harness);
    assert_described_next(&harness, "Picture 1 alt text");
    // The review's finding about it leads to the same box, not to the hero's.
    harness
        .get_by_role_and_label(Role::TextInput, "Headline")
        .click();
    harness.run_steps(3);
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    harness
        .get_by_label_contains("Picture 1 of the body has no alt text")
        .click();
    harness.run_steps(4);
    assert_described_next(&harness, "Picture 1 alt text");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert!(draft(&harness).images.is_empty(), "undone");
    let list_unused = |harness: &mut egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness.get_by_label("Article").click();
        harness.run_steps(2);
        harness.get_by_label_contains("Unused pictures").click();
        // The search runs on a worker; the dialog shows what it found.
        wait_until(harness, |w| {
            matches!(w.state.modal, Some(copydesk::app::Modal::UnusedPictures(_)))
        });
    };
    // Redo would bring the picture back: it is kept.
    list_unused(&mut harness);
    assert!(harness.query_by_label(asset.as_str()).is_none());
    assert!(
        harness
            .query_by_label("Every picture in the project is used by an article.")
            .is_some()
            && harness
                .query_by_role_and_label(Role::Button, "Close")
                .is_some(),
        "a message, closed with Close"
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    // Once an edit has taken Redo's place, no article can show it again.
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::SetStatus(
            copydesk::model::Status::Draft,
        ));
    harness.run_steps(2);
    assert!(!harness.state().state.undo.can_redo());
    list_unused(&mut harness);
    assert!(
        harness.query_by_label(asset.as_str()).is_some(),
        "the picture no article uses is listed"
    );
    assert!(
        root.join("assets").join(asset.as_str()).exists(),
        "and not deleted until asked"
    );
    harness.get_by_label("Delete them").click();
    harness.run_steps(3);
    assert!(!root.join("assets").join(asset.as_str()).exists());
}

/// The text box `label` has the keys and shows inside the window.
fn assert_described_next(
    harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>,
    label: &str,
) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    assert!(field.is_focused(), "{label} has the keys");
    let bounds = field.accesskit_node().bounding_box().expect("laid out");
    assert!(
        bounds.y0 >= 0.0 && bounds.y1 <= 900.0,
        "{label} is in view: {bounds:?}"
    );
}

#[test]
fn a_focal_point_out_of_range_is_shown_as_it_is_and_not_changed_by_being_shown() {
    let (_dir, root) = sample_copy();
    let path = root
        .join("articles")
        .join("5a3e0000-0000-4000-8000-000000000001.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen("\"x\": 500", "\"x\": 5000", 1);
    assert_ne!(edited, text, "the sample's hero has a focal point");
    std::fs::write(&path, edited).unwrap();
    let mut harness = open(&root, no_dialogs());
    harness.run_steps(5);
    assert!(!harness.state().state.has_unsaved_changes());
    let hero = draft(&harness).hero_image.unwrap();
    assert_eq!(hero.focal_point.unwrap().x, 5000);
}

#[test]
fn what_is_below_a_picture_stays_put_when_its_thumbnail_arrives() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    wait_until(&mut harness, |w| !w.state.thumbnails.loading());
    // Asked for again: the frame that asks shows placeholders, the worker answers later.
    harness.state_mut().state.thumbnails.clear();
    harness.step();
    assert!(harness.state().state.thumbnails.loading());
    assert!(
        harness
            .query_all_by_label("Loading picture…")
            .any(|n| n.rect().height() > 0.0),
        "placeholders are shown"
    );
    // Under the hero: in the editor its "decorative" box, in the preview its caption.
    let below = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        let editor = harness.get_by_label("Hero: decorative (no alt text needed)");
        let preview = harness.get_by_label_contains("lasted five hours. Photo:");
        (editor.rect().top(), preview.rect().top())
    };
    let loading = below(&harness);
    wait_until(&mut harness, |w| !w.state.thumbnails.loading());
    harness.run_steps(2);
    assert!(harness.query_by_label("Loading picture…").is_none());
    assert_eq!(below(&harness), loading);
}

#[test]
fn an_imported_page_s_caption_goes_to_the_hero_picture_added_later() {
    let (dir, root) = sample_copy();
    let page = dir.path().join("telegraph.txt");
    let corpus = common::shared().join("corpus/articles/04-telegraph-co-uk2.txt");
    std::fs::copy(corpus, &page).unwrap();
    let dialogs = Arc::new(FakeDialogs(Mutex::new(Some(page))));
    let mut harness = open(&root, dialogs.clone());
    choose_in_menu(&mut harness, "File", "Import file…");
    wait_until(&mut harness, |w| {
        (w.state.draft.as_ref()).is_some_and(|d| d.editors_note.contains("Photo: Getty Images"))
    });
    let offer = "Use the page's caption for the hero";
    assert!(harness.query_by_label(offer).is_none(), "no picture yet");

    let file = dir.path().join("exam.png");
    image::RgbImage::from_fn(1200, 800, |x, _| image::Rgb([(x % 255) as u8, 60, 90]))
        .save(&file)
        .unwrap();
    *dialogs.0.lock().unwrap() = Some(file);
    harness.get_by_label("Add hero picture…").click();
    wait_until(&mut harness, |w| {
        (w.state.draft.as_ref()).is_some_and(|d| d.hero_image.is_some())
    });
    settle(&mut harness);
    harness.get_by_label(offer).scroll_to_me();
    settle(&mut harness);
    harness.get_by_label(offer).click();
    harness.run_steps(3);
    let taken = draft(&harness);
    let hero = taken.hero_image.as_ref().unwrap();
    assert_eq!(hero.credit, "Getty Images");
    assert!(
        hero.caption
            .starts_with("The papers reveal Margaret Thatcher")
            && hero.caption.ends_with("new exam”"),
        "{}",
        hero.caption
    );
    assert!(
        !taken.editors_note.contains("Getty"),
        "{}",
        taken.editors_note
    );
    assert!(harness.query_by_label(offer).is_none());

    // One undoable step.
    choose_in_menu(&mut harness, "Edit", "Undo Ctrl+Z");
    harness.run_steps(3);
    let undone = draft(&harness);
    assert!(undone.editors_note.contains("Photo: Getty Images"));
    assert_eq!(undone.hero_image.unwrap().caption, "");
    harness.check_accessibility();
}

/// The search for unused pictures reads the articles not in memory on a worker; one whose file
/// cannot be read stops it, naming the file, and nothing is offered for deletion.
#[test]
fn an_unreadable_article_stops_the_search_for_unused_pictures_with_its_name() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let library = root.join("articles").join(format!("{LIBRARY}.json"));
    std::fs::write(&library, "{ \"headline\": ").unwrap();
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::ReviewUnusedPictures);
    harness.run_steps(1);
    wait_until(&mut harness, |w| w.state.modal.is_none());
    let notice = harness.state().state.notice.clone().expect("a message");
    assert!(notice.error, "{notice:?}");
    assert!(
        notice
            .text
            .starts_with("Cannot tell which pictures are unused")
            && notice.text.contains(&format!("{LIBRARY}.json")),
        "{}",
        notice.text
    );
}
