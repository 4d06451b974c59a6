//! Edit → Cut, Copy, Paste and Select all, from the menu and the palette, act on the text box
//! that last had the keys, with its selection, although the menu or the palette took the keys
//! to run them.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, ViewportCommand};
use egui_kittest::kittest::Queryable;

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
