//! The body's format commands, driven through the real window (egui_kittest): bold and italic
//! typed in and stepped out of, line marks on and off, Enter and Tab in a list, and each over a
//! selection that runs across paragraphs or with no cursor in the body.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

/// Bold over three paragraphs makes each bold on its own: Markdown's emphasis cannot cross a
/// blank line, and "**One.\n\nTwo.\n**" showed its asterisks on the page.
#[test]
fn bold_over_several_paragraphs_is_bold_in_each() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, Modifiers::COMMAND, Key::N);
    let body = "One two.\n\nThree four.\n\nFive.";
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        body,
    );
    press_key(&mut harness, Modifiers::COMMAND, Key::Home);
    for _ in 0..3 {
        press_key(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    }
    assert_eq!(harness.state().state.body_selection, Some((0, 22)));
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    assert_eq!(
        draft(&harness).body,
        "**One two.**\n\n**Three four.**\n\nFive."
    );
    // A link cannot run across paragraphs: it is refused, and the body stays.
    press_key(&mut harness, Modifiers::COMMAND, Key::A);
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    assert_eq!(
        draft(&harness).body,
        "**One two.**\n\n**Three four.**\n\nFive."
    );
    let notice = harness.state().state.notice.clone().expect("a message");
    assert!(
        notice.text.contains("within one paragraph"),
        "{}",
        notice.text
    );
}

/// Bold before the body ever had the cursor (the keys in the headline of a new article) does
/// not write "****" at the body's end: it says where to click.
#[test]
fn bold_with_no_cursor_in_the_body_says_where_to_click() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, Modifiers::COMMAND, Key::N);
    append_to(&mut harness, Role::TextInput, "Headline", "Council");
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    assert_eq!(draft(&harness).body, "");
    let notice = harness.state().state.notice.clone().expect("a message");
    assert!(
        notice.text.starts_with("Click in the body first"),
        "{}",
        notice.text
    );
}

/// Ctrl+B with nothing selected opens bold where the cursor is; typing goes inside, and Ctrl+B
/// again steps out of it, so "**twelve**" is typed as one would type it in a word processor.
#[test]
fn bold_is_typed_in_and_stepped_out_of_with_ctrl_b() {
    let (_dir, mut harness) = new_article_with("The council voted for ");
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    type_into_body(&mut harness, "twelve");
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    type_into_body(&mut harness, " lanes.");
    assert_eq!(
        draft(&harness).body,
        "The council voted for **twelve** lanes."
    );
    // Ctrl+B twice with nothing typed between leaves no empty markers behind.
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    assert_eq!(
        draft(&harness).body,
        "The council voted for **twelve** lanes."
    );
    // Italic steps out the same way, and its lone "*" is not confused with bold's "**".
    type_into_body(&mut harness, " ");
    press_key(&mut harness, Modifiers::COMMAND, Key::I);
    type_into_body(&mut harness, "Soon");
    press_key(&mut harness, Modifiers::COMMAND, Key::I);
    type_into_body(&mut harness, ".");
    assert_eq!(
        draft(&harness).body,
        "The council voted for **twelve** lanes. *Soon*."
    );
    harness.state_mut().state.draft.as_mut().unwrap().body =
        "The council voted for **twelve** lanes.".into();
    harness.run_steps(3);
    // A selection is wrapped, and stays selected inside the markers.
    harness.state_mut().state.pending_body_cursor = Some((4, 11));
    harness.run_steps(3);
    press_key(&mut harness, Modifiers::COMMAND, Key::I);
    assert_eq!(
        draft(&harness).body,
        "The *council* voted for **twelve** lanes."
    );
    assert_eq!(harness.state().state.body_selection, Some((5, 12)));
}

/// Types `text` where the body's cursor is.
fn type_into_body(harness: &mut Workstation, text: &str) {
    harness.event(egui::Event::Text(text.into()));
    harness.run_steps(3);
}

/// The line marks (heading, list, quote) go on the cursor's line, and come off when pressed
/// again, rather than piling up as "## ## ".
#[test]
fn a_line_mark_goes_on_and_comes_off_again() {
    let (_dir, mut harness) = new_article_with("What changes");
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::ALT, Key::H);
    assert_eq!(draft(&harness).body, "## What changes");
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::ALT, Key::H);
    assert_eq!(draft(&harness).body, "What changes");
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Q);
    assert_eq!(draft(&harness).body, "> What changes");
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Q);
    press_key(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::Num8,
    );
    assert_eq!(draft(&harness).body, "- What changes");
}

#[test]
fn enter_in_a_list_item_starts_the_next_and_enter_on_an_empty_one_ends_the_list() {
    let (_dir, mut harness) = new_article_with("What changes:\n\n- Parking goes");
    let typed = |harness: &mut Workstation, text: &str| {
        harness.event(egui::Event::Text(text.into()));
        harness.run_steps(3);
    };
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    typed(&mut harness, "Lanes open in stages");
    assert_eq!(
        draft(&harness).body,
        "What changes:\n\n- Parking goes\n- Lanes open in stages"
    );
    // The cursor is after what was typed, in characters of the whole body.
    assert_eq!(harness.state().state.body_selection, Some((52, 52)));
    // Enter on the empty item takes its marker off; Enter again starts a paragraph.
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        draft(&harness).body,
        "What changes:\n\n- Parking goes\n- Lanes open in stages\n"
    );
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    typed(&mut harness, "After the list.");
    assert_eq!(
        draft(&harness).body,
        "What changes:\n\n- Parking goes\n- Lanes open in stages\n\nAfter the list."
    );
    // Numbers count on, and Shift+Enter breaks the line without a marker.
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    typed(&mut harness, "1. One");
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    typed(&mut harness, "Two");
    press_key(&mut harness, Modifiers::SHIFT, Key::Enter);
    typed(&mut harness, "still two");
    assert!(
        draft(&harness)
            .body
            .ends_with("After the list.\n\n1. One\n2. Two\nstill two"),
        "{:?}",
        draft(&harness).body
    );
    harness.check_accessibility();
}

#[test]
fn tab_nests_a_list_item_under_the_one_above_and_shift_tab_brings_it_back() {
    let (_dir, mut harness) = new_article_with("1. Streets\n- Market Street");
    press_key(&mut harness, Modifiers::NONE, Key::Tab);
    // Nested by the width of the item above's marker ("1. " takes three spaces).
    assert_eq!(draft(&harness).body, "1. Streets\n   - Market Street");
    assert_eq!(harness.state().state.body_selection, Some((29, 29)));
    press_key(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert_eq!(draft(&harness).body, "1. Streets\n- Market Street");
    // Outside a list, Tab is left to the text box.
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    press_key(&mut harness, Modifiers::NONE, Key::Enter);
    harness.event(egui::Event::Text("Plain".into()));
    harness.run_steps(3);
    press_key(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(
        draft(&harness).body.ends_with("\n\nPlain\t"),
        "{:?}",
        draft(&harness).body
    );
}
