//! Edit → Cut, Copy, Paste and Select all, from the menu and the palette, act on the text box
//! that last had the keys, with its selection, although the menu or the palette took the keys
//! to run them; a page on the clipboard is pasted as an article, a file imported as one, and the
//! article copied as Markdown, text or HTML.

mod common;

use common::ui::*;
use copydesk::app::jobs::{DialogPurpose, FileDialogs, Outcome};
use copydesk::ui::Workstation;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, ViewportCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::sync::Arc;

fn headline(harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>) -> String {
    draft(harness).headline
}

#[test]
fn edit_menu_cut_copy_and_paste_act_on_the_text_box_that_had_the_keys() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // No text box has had the keys yet: there is nothing to cut, copy or paste into.
    assert!(greyed(&mut harness, "Edit", "Copy Ctrl+C"));
    assert!(greyed(&mut harness, "Edit", "Paste Ctrl+V"));
    // "Kremlin" selected in the headline.
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), 0, 7));
    harness.run_steps(3);

    choose_in_menu(&mut harness, "Edit", "Copy Ctrl+C");
    assert!(window_asked(&harness, &ViewportCommand::RequestCopy));
    // The window answers with the event Ctrl+C makes; the headline has its selection back.
    harness.event(Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("Kremlin"));
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Headline")
            .is_focused()
    );

    choose_in_menu(&mut harness, "Edit", "Cut Ctrl+X");
    assert!(window_asked(&harness, &ViewportCommand::RequestCut));
    harness.event(Event::Cut);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("Kremlin"));
    harness.run_steps(2);
    assert!(
        headline(&harness).starts_with(" indicates"),
        "{}",
        headline(&harness)
    );

    choose_in_menu(&mut harness, "Edit", "Paste Ctrl+V");
    assert!(window_asked(&harness, &ViewportCommand::RequestPaste));
    harness.event(Event::Paste("Moscow".into()));
    harness.run_steps(2);
    assert!(
        headline(&harness).starts_with("Moscow indicates"),
        "{}",
        headline(&harness)
    );
    // Undo takes the paste back, then the cut: each is a step of its own, as after Ctrl+X
    // and Ctrl+V.
    for start in [" indicates", "Kremlin indicates"] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
        assert!(
            headline(&harness).starts_with(start),
            "{}",
            headline(&harness)
        );
    }
}

#[test]
fn read_only_the_menu_copies_but_does_not_cut_or_paste() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), 0, 7));
    harness.run_steps(3);
    harness.state_mut().state.read_only = Some("Another Copydesk has it open".into());
    harness.run_steps(2);
    assert!(!greyed(&mut harness, "Edit", "Copy Ctrl+C"));
    assert!(!greyed(&mut harness, "Edit", "Select all Ctrl+A"));
    assert!(greyed(&mut harness, "Edit", "Cut Ctrl+X"));
    assert!(greyed(&mut harness, "Edit", "Paste Ctrl+V"));
}

#[test]
fn edit_copy_takes_a_selection_across_body_paragraphs() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        "One two.\n\nThree four.",
    );
    // From the end of "One two." into the next paragraph.
    harness.state_mut().state.pending_body_cursor = Some((8, 8));
    harness.run_steps(3);
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
        harness.run_steps(3);
    }
    assert_eq!(harness.state().state.body_selection, Some((8, 11)));
    choose_in_menu(&mut harness, "Edit", "Copy Ctrl+C");
    assert!(window_asked(&harness, &ViewportCommand::RequestCopy));
    harness.event(Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("\n\nT"));
}

#[test]
fn the_palette_s_paste_goes_to_the_text_box_that_had_the_keys() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.pending_field_cursor = Some(("Standfirst".into(), 0, 0));
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run_steps(2);
    harness.event(Event::Text("paste".into()));
    harness.run_steps(2);
    harness.get_by_label_contains("Paste Ctrl+V").click();
    harness.step();
    assert!(harness.state().state.palette.is_none());
    // The window is asked a frame later, once the palette's modal layer is gone.
    harness.step();
    assert!(window_asked(&harness, &ViewportCommand::RequestPaste));
    harness.event(Event::Paste("Updated: ".into()));
    harness.run_steps(2);
    assert!(
        draft(&harness).standfirst.starts_with("Updated: Putin met"),
        "{}",
        draft(&harness).standfirst
    );
}

#[test]
fn edit_select_all_selects_the_whole_box_or_the_whole_body() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let headline = draft(&harness).headline;
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), 3, 3));
    harness.run_steps(3);
    choose_in_menu(&mut harness, "Edit", "Select all Ctrl+A");
    harness.run_steps(2);
    choose_in_menu(&mut harness, "Edit", "Copy Ctrl+C");
    harness.event(Event::Copy);
    harness.step();
    assert_eq!(copied(&harness), Some(headline));
    // In the body, all of the body: every paragraph.
    harness.state_mut().state.pending_body_cursor = Some((5, 5));
    harness.run_steps(3);
    choose_in_menu(&mut harness, "Edit", "Select all Ctrl+A");
    harness.run_steps(2);
    let length = draft(&harness).body.chars().count();
    assert_eq!(harness.state().state.body_selection, Some((0, length)));
}

#[test]
fn another_article_opened_from_the_list_leaves_nothing_to_paste_into() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), 0, 7));
    harness.run_steps(3);
    assert!(!greyed(&mut harness, "Edit", "Paste Ctrl+V"));
    // The list takes the click, not the keys: the headline noted was the other article's.
    harness
        .get_by_label("City library opens its stacks to night readers")
        .click();
    harness.run_steps(3);
    assert!(greyed(&mut harness, "Edit", "Paste Ctrl+V"));
    assert_eq!(
        draft(&harness).headline,
        "City library opens its stacks to night readers"
    );
}

#[test]
fn a_paste_amid_typing_is_an_undo_step_of_its_own() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let original = headline(&harness);
    let end = original.chars().count();
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), end, end));
    harness.run_steps(3);
    // Typed, pasted and typed again without a pause.
    for event in [
        Event::Text(" at".into()),
        Event::Paste(" noon".into()),
        Event::Text(" today".into()),
    ] {
        harness.event(event);
        harness.step();
    }
    assert_eq!(headline(&harness), format!("{original} at noon today"));
    for left in [" at noon", " at", ""] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
        assert_eq!(headline(&harness), format!("{original}{left}"));
    }
}

/// Dialogs that answer with a file and hold text on the clipboard.
struct Clipboard(String, Option<PathBuf>);

impl FileDialogs for Clipboard {
    fn available(&self) -> bool {
        true
    }
    fn pick(&self, purpose: DialogPurpose, reply: std::sync::mpsc::Sender<Outcome>) {
        let _ = reply.send(Outcome::Picked(purpose, self.1.clone()));
    }
    fn clipboard_text(&self) -> Option<String> {
        Some(self.0.clone())
    }
}

#[test]
fn paste_as_article_reads_the_page_on_the_clipboard() {
    let (_dir, root) = sample_copy();
    let page = std::fs::read_to_string(
        common::shared().join("corpus/articles/00-seed-kremlin-ukraine-talks.txt"),
    )
    .unwrap();
    let mut harness = open(&root, Arc::new(Clipboard(page, None)));
    let before = harness.state().state.bundle.as_ref().unwrap().len();
    choose_in_menu(&mut harness, "File", "Paste as article");
    wait_for_articles(&mut harness, before + 1);
    let state = &harness.state().state;
    let draft = state.draft.clone().unwrap();
    assert_eq!(
        draft.headline,
        "Kremlin indicates lack of progress following Ukraine talks with US"
    );
    assert_eq!(
        (draft.section.as_str(), draft.bylines[0].name.as_str()),
        ("World", "Sophia Brooks")
    );
    assert_eq!(draft.import_source.unwrap().file, "clipboard");
}

#[test]
fn import_file_adds_the_article_and_undo_removes_it() {
    let (dir, root) = sample_copy();
    let file = dir.path().join("harbour.md");
    std::fs::write(
        &file,
        "---\ntitle: Harbour club wins again\nauthor: Kofi Mensah\n---\n\nThe club won.\n",
    )
    .unwrap();
    let mut harness = open(&root, Arc::new(Clipboard(String::new(), Some(file))));
    let before = harness.state().state.bundle.as_ref().unwrap().len();
    choose_in_menu(&mut harness, "File", "Import file…");
    wait_for_articles(&mut harness, before + 1);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().headline,
        "Harbour club wins again"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().len(), before);
}

/// Runs Edit → Copy article as → the entry named `entry`; what went to the clipboard.
fn copy_as(harness: &mut Harness<'static, Workstation>, entry: &str) -> String {
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label("Copy article as").hover();
    harness.run_steps(3);
    harness.get_by_label(entry).click();
    harness.step();
    copied(harness).expect("something was copied")
}

#[test]
fn the_article_is_copied_as_markdown_text_or_body_html_as_the_editor_has_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    append_to(
        &mut harness,
        egui::accesskit::Role::TextInput,
        "Headline",
        " today",
    );
    let markdown = copy_as(&mut harness, "Copy article as Markdown");
    assert!(
        markdown.starts_with("---\n"),
        "front matter first: {markdown}"
    );
    assert!(
        markdown
            .contains("Kremlin indicates lack of progress following Ukraine talks with US today")
    );
    let notice = harness.state().state.notice.clone().expect("a notice");
    assert!(
        !notice.error && notice.text.starts_with("Copied the article as Markdown ("),
        "{}",
        notice.text
    );
    let text = copy_as(&mut harness, "Copy article as plain text");
    assert!(text.contains("RUSSIA-UKRAINE-TALKS") && !text.contains("---\n"));
    let html = copy_as(&mut harness, "Copy article as HTML (the body)");
    assert!(
        html.starts_with("<p>After five hours of discussions"),
        "{html}"
    );
    assert!(!html.contains("<html"));
}

#[test]
fn copying_an_article_that_fails_a_required_check_says_so() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    select(&mut harness, LIBRARY);
    let text = copy_as(&mut harness, "Copy article as plain text");
    assert!(text.contains("TK"));
    let notice = harness.state().state.notice.clone().expect("a notice");
    assert!(notice.error, "{}", notice.text);
    assert!(
        notice
            .text
            .ends_with("It fails 2 Required checks: see Review"),
        "{}",
        notice.text
    );
}
