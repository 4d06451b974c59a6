//! The body editor drives like one text although each paragraph is its own text box: Enter
//! twice starts a paragraph, Backspace and Delete join paragraphs, the arrows and Ctrl+Home/End
//! cross paragraph edges, and the cursor is reported in characters of the whole body.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = Harness<'static, copydesk::ui::Workstation>;

fn body(harness: &Workstation) -> String {
    draft(harness).body
}

fn selection(harness: &Workstation) -> Option<(usize, usize)> {
    harness.state().state.body_selection
}

/// Whether paragraph `n`'s text box has the focus, or `None` when there is no paragraph `n`.
fn paragraph(harness: &Workstation, n: usize) -> Option<bool> {
    let label = format!("Body paragraph {n}");
    harness
        .query_by_role_and_label(Role::MultilineTextInput, &label)
        .map(|p| p.is_focused())
}

#[test]
fn enter_twice_starts_a_paragraph_and_backspace_joins_it_again() {
    let (_dir, mut harness) = new_article_with("First paragraph.");
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 1")
        .type_text("Second one.");
    harness.run_steps(3);
    assert_eq!(body(&harness), "First paragraph.\n\nSecond one.");
    assert!(
        paragraph(&harness, 2) == Some(true),
        "the typing went on in a paragraph of its own"
    );
    assert_eq!(selection(&harness), Some((29, 29)));

    // Backspace at the start of a paragraph deletes the newline before it.
    press_key(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(selection(&harness), Some((18, 18)));
    press_key(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(body(&harness), "First paragraph.\nSecond one.");
    assert!(
        paragraph(&harness, 2).is_none(),
        "the two are one paragraph"
    );
    assert_eq!(selection(&harness), Some((17, 17)));
    harness.check_accessibility();
}

#[test]
fn delete_at_the_end_of_a_paragraph_joins_the_next() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, Modifiers::COMMAND, Key::N);
    harness.state_mut().state.draft.as_mut().unwrap().body = "One.\n\nTwo.".into();
    harness.state_mut().state.pending_body_cursor = Some((5, 5));
    harness.run_steps(3);
    assert!(paragraph(&harness, 1) == Some(true));
    press_key(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(body(&harness), "One.\nTwo.");
}

#[test]
fn ctrl_with_an_arrow_backspace_or_delete_crosses_a_paragraph_edge_too() {
    let (_dir, mut harness) = new_article_with("One two.\n\nThree four.");
    // Ctrl on Linux and Windows is also the command key.
    let by_word = Modifiers::CTRL | Modifiers::COMMAND;
    harness.state_mut().state.pending_body_cursor = Some((10, 10));
    harness.run_steps(3);
    press_key(&mut harness, by_word, Key::ArrowLeft);
    assert_eq!(selection(&harness), Some((9, 9)));
    assert!(paragraph(&harness, 1) == Some(true));
    press_key(&mut harness, by_word, Key::ArrowRight);
    assert_eq!(selection(&harness), Some((10, 10)));
    assert!(paragraph(&harness, 2) == Some(true));
    press_key(&mut harness, by_word, Key::Backspace);
    assert_eq!(body(&harness), "One two.\nThree four.");
    assert_eq!(selection(&harness), Some((9, 9)));

    harness.state_mut().state.draft.as_mut().unwrap().body = "One.\n\nTwo.".into();
    harness.state_mut().state.pending_body_cursor = Some((5, 5));
    harness.run_steps(3);
    press_key(&mut harness, by_word, Key::Delete);
    assert_eq!(body(&harness), "One.\nTwo.");
}

#[test]
fn arrows_and_ctrl_home_end_cross_paragraph_edges() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let text = body(&harness);
    let second = text[..text.find("\n\n").expect("two paragraphs") + 2]
        .chars()
        .count();
    harness.state_mut().state.pending_body_cursor = Some((second, second));
    harness.run_steps(3);
    assert!(paragraph(&harness, 2) == Some(true));

    press_key(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(paragraph(&harness, 1) == Some(true));
    assert_eq!(selection(&harness), Some((second - 1, second - 1)));
    press_key(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selection(&harness), Some((second, second)));
    press_key(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(
        selection(&harness),
        Some((second - 1, second - 1)),
        "up from the first row goes to the blank line above"
    );
    press_key(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(selection(&harness), Some((second, second)));

    // Page Down goes a screen further into the body; Page Up comes back.
    press_key(&mut harness, Modifiers::NONE, Key::PageDown);
    let (down, _) = selection(&harness).expect("a cursor");
    assert!(
        down > second + 200,
        "a page down moved from {second} to {down}"
    );
    press_key(&mut harness, Modifiers::NONE, Key::PageUp);
    let (up, _) = selection(&harness).expect("a cursor");
    assert!(up < down, "a page up moved back from {down} to {up}");

    let total = text.chars().count();
    press_key(&mut harness, Modifiers::COMMAND, Key::End);
    assert_eq!(selection(&harness), Some((total, total)));
    press_key(&mut harness, Modifiers::COMMAND, Key::Home);
    assert_eq!(selection(&harness), Some((0, 0)));
    assert!(paragraph(&harness, 1) == Some(true));
    assert_eq!(body(&harness), text, "moving changed nothing");
}

#[test]
fn text_with_blank_lines_arrives_once_and_the_cursor_follows_it() {
    let (_dir, mut harness) = new_article_with("One.\n\nTwo.\n\nThree.");
    assert_eq!(body(&harness), "One.\n\nTwo.\n\nThree.");
    assert_eq!(paragraph(&harness, 3), Some(true));
    assert_eq!(selection(&harness), Some((18, 18)));
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 3")
        .type_text(" Four.");
    harness.run_steps(3);
    assert_eq!(body(&harness), "One.\n\nTwo.\n\nThree. Four.");
}

/// Presses a modifier key on its own, as egui reports it before the key it modifies.
fn press_modifier_key(harness: &Workstation, key: Key) {
    harness.event(egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
}

#[test]
fn ctrl_a_selects_the_whole_body_and_typing_replaces_it() {
    let (_dir, mut harness) = new_article_with("One.\n\nTwo.\n\nThree.");
    press_key(&mut harness, Modifiers::COMMAND, Key::A);
    assert_eq!(
        selection(&harness),
        Some((0, 18)),
        "all of it, across paragraphs"
    );
    // Ctrl+C: egui reports the Ctrl key itself first, which must not end the selection.
    press_modifier_key(&harness, Key::ControlLeft);
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("One.\n\nTwo.\n\nThree."));
    assert_eq!(
        body(&harness),
        "One.\n\nTwo.\n\nThree.",
        "copying changes nothing"
    );
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 3")
        .type_text("Fresh start.");
    harness.run_steps(3);
    assert_eq!(body(&harness), "Fresh start.");
    assert_eq!(selection(&harness), Some((12, 12)));
}

#[test]
fn the_status_bar_counts_the_selection_while_there_is_one() {
    let (_dir, mut harness) = new_article_with("One two.\n\nThree four five.");
    assert!(harness.query_by_label_contains("selected").is_none());
    harness.state_mut().state.pending_body_cursor = Some((4, 8));
    harness.run_steps(3);
    harness.get_by_label("1 word and 4 characters selected");
    // Across the paragraph break too.
    press_key(&mut harness, Modifiers::COMMAND, Key::A);
    harness.get_by_label("5 words and 24 characters selected");
    press_key(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(
        harness.query_by_label_contains("selected").is_none(),
        "an arrow ends the selection and the count goes"
    );
}

#[test]
fn ctrl_a_then_cut_moves_the_body_to_the_clipboard_and_an_arrow_ends_the_selection() {
    let (_dir, mut harness) = new_article_with("One.\n\nTwo.");
    press_key(&mut harness, Modifiers::COMMAND, Key::A);
    press_key(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert_ne!(
        selection(&harness),
        Some((0, 9)),
        "an arrow ends the selection"
    );
    press_key(&mut harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Cut);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("One.\n\nTwo."));
    harness.run_steps(2);
    assert_eq!(body(&harness), "");
}

#[test]
fn shift_and_the_arrows_select_across_paragraphs() {
    let (_dir, mut harness) = new_article_with("One two.\n\nThree four.\n\nFive.");
    harness.state_mut().state.pending_body_cursor = Some((8, 8));
    harness.run_steps(3);
    // The first Shift+Right stays in the paragraph (its text box selects the blank line's
    // newline); the next ones go on into the next paragraph.
    for _ in 0..3 {
        press_key(&mut harness, Modifiers::SHIFT, Key::ArrowRight);
    }
    assert_eq!(selection(&harness), Some((8, 11)));
    // Pressing Shift again (egui reports it as a key of its own) keeps the selection.
    press_modifier_key(&harness, Key::ShiftLeft);
    harness.run_steps(2);
    assert_eq!(selection(&harness), Some((8, 11)));
    // A held key repeats: two presses in one frame move the selection's end twice.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run_steps(3);
    assert_eq!(selection(&harness), Some((8, 13)));
    press_key(&mut harness, Modifiers::SHIFT, Key::ArrowLeft);
    press_key(&mut harness, Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(selection(&harness), Some((8, 11)));
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("\n\nT"));
    harness.run_steps(2);
    press_key(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(body(&harness), "One two.hree four.\n\nFive.");
    assert_eq!(selection(&harness), Some((8, 8)));

    // Shift+Ctrl+End selects to the body's end; typing replaces the selection.
    press_key(
        &mut harness,
        Modifiers::SHIFT | Modifiers::COMMAND,
        Key::End,
    );
    assert_eq!(selection(&harness), Some((8, 25)));
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 2")
        .type_text("!");
    harness.run_steps(3);
    assert_eq!(body(&harness), "One two.!");
}

#[test]
fn ctrl_shift_and_the_arrows_select_by_words_within_and_across_paragraphs() {
    let (_dir, mut harness) = new_article_with("One two.\n\nThree four.");
    harness.state_mut().state.pending_body_cursor = Some((21, 21));
    harness.run_steps(3);
    // The selection is reported as (start, end). Ctrl on Linux and Windows is also the command key.
    let by_word = Modifiers::SHIFT | Modifiers::CTRL | Modifiers::COMMAND;
    // Inside the paragraph: "four.", then "Three four.".
    press_key(&mut harness, by_word, Key::ArrowLeft);
    assert_eq!(selection(&harness), Some((16, 21)));
    press_key(&mut harness, by_word, Key::ArrowLeft);
    assert_eq!(selection(&harness), Some((10, 21)));
    // At the paragraph's start, over to the end of the one before, then on by words.
    press_key(&mut harness, by_word, Key::ArrowLeft);
    assert_eq!(selection(&harness), Some((9, 21)));
    for _ in 0..4 {
        press_key(&mut harness, by_word, Key::ArrowLeft);
    }
    assert_eq!(selection(&harness), Some((0, 21)));
    press_key(&mut harness, by_word, Key::ArrowRight);
    assert_eq!(selection(&harness), Some((3, 21)));
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some(" two.\n\nThree four."));
}

#[test]
fn shift_click_in_another_paragraph_selects_up_to_it() {
    let (_dir, mut harness) = new_article_with("One.\n\nTwo.\n\nThree.");
    harness.state_mut().state.pending_body_cursor = Some((2, 2));
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 3")
        .click_modifiers(Modifiers::SHIFT);
    harness.run_steps(3);
    let (start, end) = selection(&harness).expect("a selection");
    assert_eq!(start, 2);
    assert!(end > 12, "into the third paragraph: {end}");
    press_key(&mut harness, Modifiers::NONE, Key::Delete);
    assert!(body(&harness).starts_with("On"));
    assert!(!body(&harness).contains("Two"));
}

/// Where a point `dy` below the top of paragraph `n`'s text box is, a little in from its left.
fn inside_paragraph(harness: &Workstation, n: usize, dy: f64) -> egui::Pos2 {
    let label = format!("Body paragraph {n}");
    let node = harness.get_by_role_and_label(Role::MultilineTextInput, &label);
    let bounds = node.accesskit_node().bounding_box().expect("on screen");
    egui::pos2((bounds.x0 + 12.0) as f32, (bounds.y0 + dy) as f32)
}

#[test]
fn dragging_the_mouse_into_another_paragraph_selects_across() {
    let (_dir, mut harness) = new_article_with("One two.\n\nThree four.\n\nFive six.");
    let (from, to) = (
        inside_paragraph(&harness, 1, 8.0),
        inside_paragraph(&harness, 3, 8.0),
    );
    primary_button(&harness, from, true);
    harness.run_steps(2);
    for step in 1..=6 {
        harness.event(egui::Event::PointerMoved(from.lerp(to, step as f32 / 6.0)));
        harness.run_steps(1);
    }
    primary_button(&harness, to, false);
    harness.run_steps(3);
    let (start, end) = selection(&harness).expect("a selection");
    assert!(start <= 2, "from the first paragraph: {start}");
    assert!(end >= 23, "into the third: {end}");
}

#[test]
fn a_drag_held_at_the_pane_s_bottom_edge_scrolls_and_selects_on() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.pending_body_cursor = Some((0, 0));
    harness.run_steps(3);
    let from = inside_paragraph(&harness, 1, 6.0);
    let edge = egui::pos2(from.x + 40.0, 900.0 - 40.0);
    primary_button(&harness, from, true);
    harness.run_steps(2);
    harness.event(egui::Event::PointerMoved(edge));
    harness.run_steps(3);
    let (_, before) = selection(&harness).expect("a selection");
    harness.run_steps(30);
    harness.event(egui::Event::PointerMoved(edge));
    harness.run_steps(2);
    let (start, after) = selection(&harness).expect("a selection");
    primary_button(&harness, edge, false);
    harness.run_steps(2);
    assert!(start <= 3, "from the press: {start}");
    assert!(
        after > before + 200,
        "the selection grew as the body scrolled: {before} -> {after}"
    );
}

#[test]
fn escape_leaves_the_body_so_tab_goes_on_from_the_first_control() {
    let (_dir, mut harness) = new_article_with("One two.");
    assert_eq!(paragraph(&harness, 1), Some(true));
    // Tab in the body types a tab (outside a list); Escape lets the keys go.
    press_key(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(paragraph(&harness, 1), Some(false));
    press_key(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("File").is_focused());
    assert_eq!(body(&harness), "One two.");
}

#[test]
fn lines_pasted_from_a_page_become_paragraphs_and_markdown_stays_as_it_is() {
    let (_dir, mut harness) = new_article_with("Lead. ");
    harness.event(egui::Event::Paste(
        "First pasted line.\r\nSecond pasted line.".into(),
    ));
    harness.run_steps(3);
    assert_eq!(
        body(&harness),
        "Lead. First pasted line.\n\nSecond pasted line."
    );
    assert_eq!(paragraph(&harness, 2), Some(true), "the cursor follows it");
    // A Markdown list keeps its lines.
    assert_paste_ends_body(&mut harness, "\n\n- one\n- two", "line.\n\n- one\n- two");
    // One paste is one step to undo.
    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(body(&harness), "Lead. ");
}

/// Lines copied out of the body (an address, a poem: soft line breaks in one paragraph) paste
/// back as they were: the window knows the text it put on the clipboard is Markdown already.
#[test]
fn text_copied_from_the_body_pastes_back_as_it_was() {
    let (_dir, mut harness) = new_article_with("Lead.\n\nAn address\nTwo Main Street");
    // The second paragraph selected, and copied.
    harness.state_mut().state.pending_body_cursor = Some((7, 33));
    harness.run_steps(2);
    press_modifier_key(&harness, Key::ControlLeft);
    harness.event(egui::Event::Copy);
    harness.step();
    let copied = copied(&harness).expect("copied");
    assert_eq!(copied, "An address\nTwo Main Street");
    harness.state_mut().state.pending_body_cursor = Some((33, 33));
    harness.run_steps(2);
    harness.event(egui::Event::Paste(copied));
    harness.run_steps(3);
    assert_eq!(
        body(&harness),
        "Lead.\n\nAn address\nTwo Main StreetAn address\nTwo Main Street",
        "the lines pasted back stay as they were"
    );
    // Other lines (another program's copy) are a page's paragraphs.
    assert_paste_ends_body(
        &mut harness,
        "\nOne line\nAnother line",
        "Street\n\nOne line\n\nAnother line",
    );
}

/// Pastes `text` into the body and checks that the body then ends with `ending`.
fn assert_paste_ends_body(harness: &mut Workstation, text: &str, ending: &str) {
    harness.event(egui::Event::Paste(text.into()));
    harness.run_steps(3);
    assert!(body(harness).ends_with(ending), "{}", body(harness));
}

#[test]
fn ctrl_shift_v_pastes_the_lines_as_they_are() {
    let (_dir, mut harness) = new_article_with("Lead. ");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::V);
    // The window answers with the clipboard's text next frame.
    harness.event(egui::Event::Paste("An address\nTwo Main Street".into()));
    harness.run_steps(3);
    assert_eq!(body(&harness), "Lead. An address\nTwo Main Street");
    // The next paste is an ordinary one again.
    assert_paste_ends_body(&mut harness, "\nOne\nTwo", "Street\n\nOne\n\nTwo");
}
