//! The right-click menu on underlined text: the findings under the pointer, with their fixes,
//! in the body and in the one-line fields (egui_kittest).

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// A point on the first word of the text box named `label`.
fn first_word_of(harness: &Harness<'static, copydesk::ui::Workstation>, label: &str) -> egui::Pos2 {
    let node = harness.get_by_label(label);
    let bounds = node.accesskit_node().bounding_box().expect("drawn");
    egui::pos2(
        bounds.x0 as f32 + 14.0,
        ((bounds.y0 + bounds.y1) / 2.0) as f32,
    )
}

/// The window, and the temporary copy of the sample it works on (removed when dropped: keep
/// it for as long as the window).
type Window = (
    tempfile::TempDir,
    Harness<'static, copydesk::ui::Workstation>,
);

/// A new article in a copy of the sample with `headline` and `body` typed in, checked.
fn new_article(headline: &str, body: &str) -> Window {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    type_into(&mut harness, Role::TextInput, "Headline", headline);
    type_into(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        body,
    );
    settle(&mut harness);
    (dir, harness)
}

/// A new article whose headline and body each begin with a possessive that lost its apostrophe.
fn article_with_lost_apostrophes() -> Window {
    new_article("Moscows reply", "Moscows talks went on.")
}

#[test]
fn a_right_click_on_an_underlined_word_in_the_body_offers_its_fix() {
    let (_dir, mut harness) = article_with_lost_apostrophes();
    assert!(
        harness
            .query_by_label("Fix \"Moscows\" → Moscow's")
            .is_none()
    );
    let on_moscows = first_word_of(&harness, "Body paragraph 1");
    right_click(&mut harness, on_moscows);
    harness.check_accessibility();
    // The menu says what the finding is (its Waive… is named after it too).
    let said = harness
        .query_all_by_label_contains("\"Moscows\" looks like a possessive")
        .filter(|n| {
            !n.accesskit_node()
                .label()
                .unwrap_or_default()
                .starts_with("Waive: ")
        })
        .count();
    assert_eq!(said, 1);
    harness.get_by_label("Fix \"Moscows\" → Moscow's").click();
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, "Moscow's talks went on.");
    assert!(
        harness
            .query_by_label("Fix \"Moscows\" → Moscow's")
            .is_none(),
        "the menu closes once a fix is chosen"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).body,
        "Moscows talks went on.",
        "and it undoes"
    );
}

#[test]
fn a_right_click_on_an_underlined_word_in_the_headline_offers_its_fix() {
    let (_dir, mut harness) = article_with_lost_apostrophes();
    let on_moscows = first_word_of(&harness, "Headline");
    right_click(&mut harness, on_moscows);
    harness.get_by_label("Fix \"Moscows\" → Moscow's").click();
    harness.run_steps(3);
    assert_eq!(draft(&harness).headline, "Moscow's reply");
}

#[test]
fn away_from_any_finding_the_menu_offers_cut_copy_and_paste() {
    let (_dir, mut harness) = article_with_lost_apostrophes();
    // The end of the body's text, past "went on.", has no finding.
    let node = harness.get_by_label("Body paragraph 1");
    let bounds = node.accesskit_node().bounding_box().expect("drawn");
    let past_the_text = egui::pos2(
        bounds.x1 as f32 - 20.0,
        ((bounds.y0 + bounds.y1) / 2.0) as f32,
    );
    right_click(&mut harness, past_the_text);
    assert!(
        harness
            .query_by_label_contains("looks like a possessive")
            .is_none()
    );
    assert!(
        harness
            .query_by_label("Fix \"Moscows\" → Moscow's")
            .is_none()
    );
    harness.get_by_label_contains("Cut");
    harness.get_by_label_contains("Copy");
    // Paste gives the paragraph the keys back and asks the window for the clipboard, which
    // answers with a paste event, as Ctrl+V does.
    harness.get_by_label_contains("Paste").click();
    harness.step();
    assert!(
        window_asked(&harness, &egui::ViewportCommand::RequestPaste),
        "the window is asked to paste"
    );
    harness.run_steps(2);
    assert!(harness.get_by_label("Body paragraph 1").is_focused());
    assert!(
        harness.query_by_label_contains("Paste").is_none(),
        "the menu closes"
    );
    harness.event(egui::Event::Paste(" More.".into()));
    harness.run_steps(3);
    assert!(
        draft(&harness).body.contains(" More."),
        "{:?}",
        draft(&harness).body
    );
}

#[test]
fn a_misspelling_offers_its_other_likely_repairs_too() {
    let (_dir, mut harness) = new_article("Results", "wierd results came in.");
    // The dictionary's repairs come from the review thread once typing has paused.
    wait_until(&mut harness, |w| {
        w.state
            .review
            .findings
            .iter()
            .any(|f| f.rule == "proof.spelling" && !f.alternatives.is_empty())
    });
    let finding = harness
        .state()
        .state
        .review
        .findings
        .iter()
        .find(|f| f.rule == "proof.spelling")
        .cloned()
        .unwrap();
    assert_eq!(finding.suggestion.as_deref(), Some("weird"));
    let other = finding.alternatives[0].clone();
    let on_wierd = first_word_of(&harness, "Body paragraph 1");
    right_click(&mut harness, on_wierd);
    harness.get_by_label("Fix \"wierd\" → weird");
    harness
        .get_by_label(&format!("Fix \"wierd\" → {other}"))
        .click();
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, format!("{other} results came in."));
}

#[test]
fn a_right_click_inside_a_selection_keeps_it_for_the_menu_s_copy() {
    let (_dir, mut harness) = article_with_lost_apostrophes();
    // "Moscows" selected in the headline, as a double-click or a finding would select it.
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), 0, 7));
    harness.run_steps(3);
    let on_moscows = first_word_of(&harness, "Headline");
    // A quick click: pressed and released within one frame.
    harness.event(egui::Event::PointerMoved(on_moscows));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: on_moscows,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(3);
    harness.get_by_label_contains("Copy").click();
    harness.step();
    assert!(
        window_asked(&harness, &egui::ViewportCommand::RequestCopy),
        "the window is asked to copy"
    );
    // The window answers with a copy event, as Ctrl+C does.
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(
        copied(&harness).as_deref(),
        Some("Moscows"),
        "the selection survived the right-click"
    );
}

#[test]
fn shift_f10_opens_the_menu_at_the_text_cursor_with_the_keys_in_it() {
    let (_dir, mut harness) = article_with_lost_apostrophes();
    harness.state_mut().state.pending_field_cursor = Some(("Headline".into(), 3, 3));
    harness.run_steps(3);
    assert!(harness.get_by_label("Headline").is_focused());
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run_steps(3);
    harness.check_accessibility();
    let fix = harness.get_by_label("Fix \"Moscows\" → Moscow's");
    let menu_top = fix.accesskit_node().bounding_box().unwrap().y0;
    let field = harness
        .get_by_label("Headline")
        .accesskit_node()
        .bounding_box()
        .unwrap();
    assert!(
        menu_top >= field.y0 && menu_top < field.y1 + 40.0,
        "the menu opens by the field, not where the mouse is: {menu_top} vs {field:?}"
    );
    assert!(fix.is_focused(), "the keys are in the menu's first entry");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).headline, "Moscow's reply");
}

#[test]
fn shift_f10_in_the_body_offers_the_fix_at_the_cursor() {
    let (_dir, mut harness) = article_with_lost_apostrophes();
    harness.state_mut().state.pending_body_cursor = Some((2, 2));
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run_steps(3);
    assert!(
        harness
            .get_by_label("Fix \"Moscows\" → Moscow's")
            .is_focused()
    );
    // Escape closes it and gives the keys back to the paragraph.
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Fix \"Moscows\" → Moscow's")
            .is_none()
    );
    assert!(harness.get_by_label("Body paragraph 1").is_focused());
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run_steps(3);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, "Moscow's talks went on.");
}

#[test]
fn the_menu_s_copy_takes_a_selection_across_paragraphs() {
    let (_dir, mut harness) = new_article("Two paragraphs", "One two.\n\nThree four.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(3);
    assert_eq!(harness.state().state.body_selection, Some((0, 21)));
    let on_three = first_word_of(&harness, "Body paragraph 2");
    right_click(&mut harness, on_three);
    harness.get_by_label_contains("Copy").click();
    harness.step();
    assert!(window_asked(&harness, &egui::ViewportCommand::RequestCopy));
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(copied(&harness).as_deref(), Some("One two.\n\nThree four."));
    // Cut takes it out of the body.
    harness.run_steps(2);
    let on_three = first_word_of(&harness, "Body paragraph 2");
    right_click(&mut harness, on_three);
    harness.get_by_label_contains("Cut").click();
    harness.step();
    harness.event(egui::Event::Cut);
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, "");
}

#[test]
fn a_right_click_outside_a_selection_across_paragraphs_ends_it() {
    let (_dir, mut harness) =
        new_article("Three paragraphs", "One two.\n\nThree four.\n\nFive six.");
    harness.state_mut().state.pending_body_cursor = Some((0, 0));
    harness.run_steps(3);
    for _ in 0..2 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
        harness.run_steps(2);
    }
    let (start, end) = harness.state().state.body_selected.expect("a selection");
    assert!(
        start == 0 && (10..20).contains(&end),
        "into the second paragraph: {end}"
    );
    // Outside it, in the third paragraph, it ends, as a click would end it.
    let on_five = first_word_of(&harness, "Body paragraph 3");
    right_click(&mut harness, on_five);
    assert_eq!(harness.state().state.body_selected, None);
}
