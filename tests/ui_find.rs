//! Find and replace in the open article, driven through the real window (egui_kittest): the
//! bar opens on Ctrl+H, counts the matches, goes from one to the next, and replaces one match or
//! all of them as one undoable edit.

mod common;

use common::ui::*;
use copydesk::app::command::Command;
use copydesk::app::find::FindAction;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

type Harness = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

/// Opens the bar with Ctrl+H and types `text` into its find box.
fn find(harness: &mut Harness, text: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.into()));
    harness.run_steps(2);
}

/// Puts `text` in the bar's replacement box, in place of what it held.
fn replace_with(harness: &mut Harness, text: &str) {
    press(harness, Role::TextInput, "Replace with");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text(text.into()));
    harness.run_steps(2);
}

/// Where the body's selection starts, in characters, and its text.
fn selected_in_body(harness: &Harness) -> (usize, String) {
    let (start, end) = harness.state().state.body_selection.expect("a selection");
    let selected = draft(harness)
        .body
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    (start, selected)
}

fn notice(harness: &Harness) -> String {
    let notice = harness.state().state.notice.as_ref();
    notice.map(|n| n.text.clone()).unwrap_or_default()
}

#[test]
fn matches_are_counted_and_gone_to_one_after_another() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    find(&mut harness, "kyiv");
    // "Kyiv" three times and "Kyivs" twice, in the body.
    assert!(harness.query_by_label("5 matches").is_some());
    harness
        .get_by_role_and_label(Role::CheckBox, "Whole words")
        .click();
    harness.run_steps(2);
    assert!(harness.query_by_label("3 matches").is_some());
    // Enter in the find box goes to the first match in the body.
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(notice(&harness), "Match 1 of 3: Body");
    assert!(harness.query_by_label("1 of 3").is_some());
    // F3 goes on, Shift+F3 back, and past the last comes the first again.
    for expected in ["Match 2 of 3", "Match 3 of 3", "Match 1 of 3"] {
        harness.key_press(Key::F3);
        harness.run_steps(3);
        assert!(
            notice(&harness).starts_with(expected),
            "{}",
            notice(&harness)
        );
    }
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F3);
    harness.run_steps(3);
    assert!(notice(&harness).starts_with("Match 3 of 3"));
    harness.check_accessibility();
    // Matches in the other fields come first, in the editor's order.
    find(&mut harness, "talks");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(
        notice(&harness).ends_with(": Headline"),
        "{}",
        notice(&harness)
    );
}

#[test]
fn enter_in_the_find_box_goes_on_from_match_to_match_and_escape_selects_the_last() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let body = draft(&harness).body;
    find(&mut harness, "kyiv");
    // The keys stay in the find box: each Enter goes on, none types over the match.
    for expected in ["1 of 5", "2 of 5", "3 of 5"] {
        harness.key_press(Key::Enter);
        harness.run_steps(3);
        assert!(harness.query_by_label(expected).is_some(), "{expected}");
        assert!(
            harness
                .get_by_role_and_label(Role::TextInput, "Find")
                .is_focused(),
            "the find box has the keys at {expected}"
        );
    }
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run_steps(3);
    assert!(harness.query_by_label("2 of 5").is_some());
    assert_eq!(
        draft(&harness).body,
        body,
        "going from match to match changed nothing"
    );
    // Escape closes the bar and leaves the match gone to selected in the body, with the keys.
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().state.find_bar.is_none());
    let (start, selected) = selected_in_body(&harness);
    assert_eq!(selected.to_lowercase(), "kyiv");
    let second = body.to_lowercase().match_indices("kyiv").nth(1).unwrap().0;
    assert_eq!(start, body[..second].chars().count(), "the second match");
    // F3 with the keys in the body goes on there: the next match is selected, keys and all.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 1")
        .click();
    harness.run_steps(2);
    harness.key_press(Key::F3);
    harness.run_steps(3);
    assert_eq!(selected_in_body(&harness).1.to_lowercase(), "kyiv");
}

#[test]
fn the_body_selection_is_what_ctrl_h_looks_for() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let start = draft(&harness).body.find("Steve Witkoff").unwrap();
    harness.state_mut().state.pending_body_cursor = Some((start, start + "Steve Witkoff".len()));
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run_steps(2);
    let bar = harness
        .state()
        .state
        .find_bar
        .clone()
        .expect("the bar is open");
    assert_eq!(bar.query.text, "Steve Witkoff");
    // Once in the standfirst and once in the body.
    assert!(harness.query_by_label("2 matches").is_some());
}

#[test]
fn replace_all_is_one_undoable_edit_and_replace_shows_before_it_changes() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let replace_all = Command::Find(FindAction::ReplaceAll);
    let why = harness.state().state.why_unavailable(&replace_all);
    assert_eq!(
        why.as_deref(),
        Some("Nothing to replace: say what to find first (Ctrl+H)"),
        "the palette greys it out until there is a query"
    );
    find(&mut harness, "Kyivs");
    assert_eq!(harness.state().state.why_unavailable(&replace_all), None);
    replace_with(&mut harness, "Kyiv's");
    let before = draft(&harness).body;
    harness
        .get_by_role_and_label(Role::Button, "Replace all")
        .click();
    harness.run_steps(3);
    assert_eq!(notice(&harness), "Replaced 2 matches (body)");
    let after = draft(&harness).body;
    assert_eq!(after.matches("Kyivs").count(), 0);
    assert_eq!(after.matches("Kyiv's").count(), 2);
    assert!(harness.query_by_label("No match").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, before, "one undo takes both back");

    // Replace goes to a match first, so the editor sees it; the next press replaces it.
    find(&mut harness, "Moscows");
    replace_with(&mut harness, "Moscow's");
    harness
        .get_by_role_and_label(Role::Button, "Replace")
        .click();
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, before);
    assert!(notice(&harness).starts_with("Match 1 of 1"));
    harness
        .get_by_role_and_label(Role::Button, "Replace")
        .click();
    harness.run_steps(3);
    assert!(draft(&harness).body.contains("challenging Moscow's claims"));
    assert_eq!(notice(&harness), "Replaced; no match is left");
    // Escape in the find box closes the bar.
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .click();
    harness.run_steps(2);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.find_bar.is_none());
    assert!(harness.query_by_label("Replace with").is_none());
}

#[test]
fn escape_in_the_text_closes_the_bar_but_not_escape_in_the_list_search() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    find(&mut harness, "Kyiv");
    // Escape in the list's search clears that search and leaves the bar open.
    type_into(&mut harness, Role::TextInput, "Search articles", "kremlin");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.find_bar.is_some());
    // Enter goes to a match in the body; Escape there closes the bar.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().state.body_selection.is_some());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.find_bar.is_none());
}

#[test]
fn closing_the_bar_leaves_the_keys_in_the_box_being_typed_in() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run_steps(3);
    assert!(harness.state().state.find_bar.is_some());
    // The byline's role, below the bar: Escape there closes the bar, which moves every box
    // below it up; the role box keeps the keys, so typing goes on into it.
    harness.get_by_label("Role 1").click();
    harness.run_steps(2);
    harness.key_press(Key::End);
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().state.find_bar.is_none());
    harness.get_by_label("Role 1").type_text("s");
    harness.run_steps(3);
    assert_eq!(draft(&harness).bylines[0].role, "Reporters");
}

#[test]
fn the_bar_s_buttons_keep_their_place_in_a_narrow_pane_before_anything_is_typed() {
    let (_dir, mut harness) = sample_open_at(1024.0, 700.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::H);
    harness.run_steps(3);
    let field = harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .rect();
    for button in ["Previous", "Next", "Close"] {
        let rect = harness.get_by_role_and_label(Role::Button, button).rect();
        assert!(
            !rect.intersects(field),
            "{button} at {rect:?} lies over the find box at {field:?}"
        );
    }
}

#[test]
fn enter_in_the_replacement_box_replaces_match_after_match() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    find(&mut harness, "Kyivs");
    replace_with(&mut harness, "Kyiv's");
    // The first Enter goes to the first match, each next one replaces it and goes on; the keys
    // stay in the box.
    for (left, said) in [
        (2, "Match 1 of 2"),
        (1, "Match 1 of 1"),
        (0, "Replaced; no"),
    ] {
        harness.key_press(Key::Enter);
        harness.run_steps(3);
        assert_eq!(draft(&harness).body.matches("Kyivs").count(), left);
        assert!(notice(&harness).starts_with(said), "{}", notice(&harness));
        assert!(
            harness
                .get_by_role_and_label(Role::TextInput, "Replace with")
                .is_focused(),
            "the replacement box has the keys after {said}"
        );
    }
}
