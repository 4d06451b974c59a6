//! The review pane driven through the real UI (egui_kittest); the history pane is in
//! `ui_history.rs`, the workflow's moves in `ui_workflow.rs`.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

const REFERENCE: &str = "5a3e0000-0000-4000-8000-000000000001";

fn body(harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>) -> String {
    draft(harness).body
}

#[test]
fn the_review_lists_the_reference_article_s_findings_and_a_click_selects_the_span() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert_eq!(
        harness.state().state.selected,
        Some(REFERENCE.parse().unwrap())
    );
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    harness.check_accessibility();
    for word in ["\"Kyivs\"", "\"Moscows\"", "\"Russias\"", "\"membershipa\""] {
        assert!(
            harness.query_all_by_label_contains(word).count() >= 1,
            "{word} is listed"
        );
    }
    // The reference article loses the apostrophe of "Kyiv's" twice: each row quotes its own
    // sentence, so the two tell apart before a click.
    let kyivs: Vec<String> = harness
        .get_all_by_label_contains("\"Kyivs\" looks like")
        .map(|row| row.accesskit_node().label().unwrap_or_default())
        // Each finding's Waive button is named after it too.
        .filter(|label| !label.starts_with("Waive: "))
        .collect();
    assert_eq!(kyivs.len(), 2);
    assert!(
        kyivs.iter().all(|label| label.contains("Kyivs ")) && kyivs[0] != kyivs[1],
        "{kyivs:?}"
    );
    // A finding's actions sit on the line right below its message, with no blank band between.
    let bounds = |node: egui_kittest::Node<'_>| node.accesskit_node().bounding_box().unwrap();
    let message = bounds(
        harness
            .get_all_by_label_contains("\"Kyivs\" looks like")
            .next()
            .unwrap(),
    );
    let fix = bounds(
        harness
            .get_all_by_label("Fix \"Kyivs\" → Kyiv's")
            .next()
            .unwrap(),
    );
    assert!(
        (0.0..8.0).contains(&(fix.y0 - message.y1)),
        "{fix:?} is right below {message:?}"
    );
    harness
        .get_all_by_label_contains("\"Moscows\" looks like")
        .next()
        .unwrap()
        .click();
    harness.run_steps(4);
    let (start, end) = harness
        .state()
        .state
        .body_selection
        .expect("the body has a selection");
    let selected: String = body(&harness)
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    assert_eq!(selected, "Moscows");
}

#[test]
fn a_fix_changes_the_body_and_undoes() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    assert!(body(&harness).contains("Russias Defense"));
    harness.get_by_label("Fix \"Russias\" → Russia's").click();
    harness.run_steps(3);
    settle(&mut harness);
    assert!(
        body(&harness).contains("Russia's Defense"),
        "the fix is applied"
    );
    assert!(
        harness
            .query_by_label("Fix \"Russias\" → Russia's")
            .is_none(),
        "and its finding is gone"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert!(
        body(&harness).contains("Russias Defense"),
        "a fix is one undoable step"
    );
}

#[test]
fn a_waiver_is_recorded_with_its_reason() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.settings.editor_name = "Desk Editor".into();
    ask_first_waiver(&mut harness);
    assert!(
        matches!(
            harness.state().state.modal,
            Some(copydesk::app::Modal::Waiver { .. })
        ),
        "{:?}",
        harness.state().state.notice
    );
    harness.run_steps(2);
    // The first finding is one of two of "Kyivs": the question says the waiver covers both.
    assert!(
        harness
            .query_by_label_contains("The waiver covers all 2 of these findings in the body.")
            .is_some()
    );
    // The reason is typed at once, and Enter waives.
    harness.event(egui::Event::Text("Agency spelling".into()));
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    settle(&mut harness);
    let draft = harness.state().state.draft.clone().unwrap();
    assert_eq!(draft.waivers.len(), 1);
    assert_eq!(draft.waivers[0].reason, "Agency spelling");
    assert_eq!(draft.waivers[0].editor, "Desk Editor");
    assert_eq!(
        harness
            .query_all_by_label_contains("waived: Agency spelling")
            .count(),
        2
    );

    // Withdrawn again from either finding: both count again, and Ctrl+Z puts the waiver back.
    harness
        .query_all_by_label_contains("Withdraw the waiver: ")
        .next()
        .expect("a withdraw button")
        .click();
    harness.run_steps(2);
    settle(&mut harness);
    assert!(
        harness
            .state()
            .state
            .draft
            .as_ref()
            .unwrap()
            .waivers
            .is_empty()
    );
    assert!(harness.query_by_label_contains("waived: ").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().waivers.len(),
        1
    );
}

#[test]
fn f8_walks_through_the_findings_and_shift_f8_walks_back() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let selected = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        let (start, end) = harness.state().state.body_selection.expect("a selection");
        body(harness)
            .chars()
            .skip(start)
            .take(end - start)
            .collect::<String>()
    };
    let notice = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness.state().state.notice.clone().unwrap().text
    };
    harness.key_press(Key::F8);
    harness.run_steps(4);
    assert_eq!(selected(&harness), "Kyivs");
    assert!(
        notice(&harness).starts_with("Finding 1 of "),
        "{}",
        notice(&harness)
    );
    harness.key_press(Key::F8);
    harness.run_steps(4);
    assert_eq!(selected(&harness), "Kyivs", "the second one");
    assert!(notice(&harness).starts_with("Finding 2 of "));
    harness.key_press(Key::F8);
    harness.run_steps(4);
    assert_eq!(selected(&harness), "membershipa");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    harness.run_steps(4);
    assert!(notice(&harness).starts_with("Finding 2 of "));
    // Fixed, a finding leaves the list, and F8 goes on to the one that took its place.
    harness.key_press(Key::F8);
    harness.run_steps(4);
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    harness
        .get_by_label("Fix \"membershipa\" → membership—a")
        .click();
    settle(&mut harness);
    harness.key_press(Key::F8);
    harness.run_steps(4);
    assert_eq!(selected(&harness), "Pokrovsk");
}

#[test]
fn a_fix_found_twice_is_applied_everywhere_in_one_undoable_step() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    assert_eq!(body(&harness).matches("Kyivs").count(), 2);
    harness
        .get_all_by_label("Fix all 2: \"Kyivs\" → Kyiv's")
        .next()
        .expect("offered beside each of the two, named by what it mends")
        .click();
    settle(&mut harness);
    let fixed = body(&harness);
    assert_eq!(fixed.matches("Kyivs").count(), 0);
    assert_eq!(
        fixed.matches("Kyiv's").count(),
        2,
        "both fixed, nothing else"
    );
    assert!(harness.query_by_label_contains("Fix all 2").is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(body(&harness).matches("Kyivs").count(), 2, "one undo");
}

#[test]
fn f8_pressed_while_a_check_runs_goes_once_it_is_done() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // An edit, and F8 in the same frame, before the review has seen the edit.
    harness
        .state_mut()
        .state
        .draft
        .as_mut()
        .unwrap()
        .headline
        .push_str(" today");
    harness.key_press(Key::F8);
    harness.step();
    settle(&mut harness);
    harness.run_steps(3);
    let (start, end) = harness
        .state()
        .state
        .body_selection
        .expect("the first finding is selected");
    let selected: String = body(&harness)
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    assert_eq!(selected, "Kyivs");
}

#[test]
fn typing_is_checked_once_it_pauses_and_other_edits_at_once() {
    use std::time::Duration;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    settle(&mut harness);
    // A pause the test cannot outrun, so that what waits is seen waiting.
    harness.state_mut().state.review.pause = Duration::from_secs(3600);
    // A tag removed is not typing: it is checked at once.
    harness.get_by_label("Ukraine  ×").click();
    settle(&mut harness);
    let reviewed = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness
            .state()
            .state
            .review
            .reviewed
            .clone()
            .expect("checked")
    };
    assert!(!reviewed(&harness).tags.contains(&"Ukraine".to_owned()));
    // Typing waits for the pause.
    append_to(&mut harness, Role::TextInput, "Headline", " TK");
    harness.run_steps(5);
    assert!(
        !harness.state().state.review.is_current(),
        "waiting for a pause"
    );
    assert!(harness.state().state.review.waiting().is_some());
    assert!(!reviewed(&harness).headline.ends_with(" TK"));
    // Once typing pauses, the article is checked, and the placeholder typed is found.
    harness.state_mut().state.review.pause = Duration::ZERO;
    settle(&mut harness);
    assert!(reviewed(&harness).headline.ends_with(" TK"));
    let findings = &harness.state().state.review.findings;
    assert!(findings.iter().any(|f| f.rule == "placeholder"));
    // Reaching for the mouse ends the pause at once, so a finding clicked is current.
    harness.state_mut().state.review.pause = Duration::from_secs(3600);
    append_to(&mut harness, Role::TextInput, "Headline", "TK");
    assert!(harness.state().state.review.waiting().is_some());
    harness.event(egui::Event::PointerMoved(egui::pos2(700.0, 500.0)));
    settle(&mut harness);
    assert!(reviewed(&harness).headline.ends_with(" TKTK"));
    // So does F8, which goes to the first finding once the check is done.
    append_to(&mut harness, Role::TextInput, "Headline", "!");
    assert!(harness.state().state.review.waiting().is_some());
    harness.key_press(Key::F8);
    settle(&mut harness);
    assert!(reviewed(&harness).headline.ends_with(" TKTK!"));
    let notice = harness.state().state.notice.clone().expect("said");
    assert!(notice.text.starts_with("Finding 1 of"), "{}", notice.text);
}

#[test]
fn a_finding_about_the_embargo_zone_leads_to_the_zone_box() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let until = "2027-01-05T09:00:00+02:00".parse().unwrap();
    harness.state_mut().state.draft.as_mut().unwrap().embargo = Some(copydesk::model::Embargo {
        until,
        time_zone: "Europe/Londn".into(),
    });
    harness.run_steps(2);
    settle(&mut harness);
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    harness
        .get_by_label_contains("did you mean Europe/London?")
        .click();
    harness.run_steps(3);
    assert!(
        harness.get_by_label("Embargo time zone").is_focused(),
        "the zone box has the keys"
    );
}

#[test]
fn a_name_spelled_otherwise_once_is_mended_to_the_usual_spelling_and_not_offered_to_the_dictionary()
{
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let text = "Chastain stars. Chastain said so. Chastain's role grew. Jessica Chastian laughed.";
    retype(&mut harness, "Headline", text);
    settle(&mut harness);
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    let message = "is spelled \"Chastain\" 3 other times";
    assert!(
        harness
            .query_all_by_label_contains(message)
            .next()
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Add \"Chastian\" to dictionary")
            .is_none(),
        "the slip would hide every later one"
    );
    harness
        .get_all_by_role_and_label(Role::Button, "Fix \"Chastian\" → Chastain")
        .next()
        .expect("its fix")
        .click();
    settle(&mut harness);
    assert!(
        draft(&harness)
            .headline
            .ends_with("Jessica Chastain laughed.")
    );
}

#[test]
fn a_finding_about_a_field_of_rows_or_choices_leads_to_its_box_or_button() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, egui::Modifiers::COMMAND, egui::Key::N);
    harness.state_mut().state.draft.as_mut().unwrap().section = String::new();
    harness.run_steps(2);
    settle(&mut harness);
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    // A new article has no byline, section, tag or dateline: each finding leads to where one
    // is given.
    for (finding, role, target) in [
        (
            "Bylines: The article has no byline",
            Role::Button,
            "Add byline",
        ),
        ("Section: No section is set", Role::TextInput, "Section"),
        ("Tags: The article has no tags", Role::TextInput, "Tags"),
        (
            "Dateline: The dateline has no place",
            Role::TextInput,
            "Dateline place",
        ),
    ] {
        harness.get_by_label(finding).click();
        harness.run_steps(3);
        assert!(
            harness.get_by_role_and_label(role, target).is_focused(),
            "{finding}: {target} has the keys"
        );
    }
    // With a byline, its name box.
    harness
        .get_by_role_and_label(Role::Button, "Add byline")
        .click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::TextInput, "Name 1")
        .type_text("By Ann Reporter");
    harness.run_steps(2);
    settle(&mut harness);
    harness
        .get_by_label_contains("Bylines: Byline \"By Ann Reporter\" starts with")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Name 1")
            .is_focused()
    );
}

/// A page pasted whole into the body leaves a dozen lines of page furniture (its breadcrumb,
/// "Last update", "4 min read", "Share"): one fix takes them all, and one undo brings them back.
#[test]
fn every_line_of_page_furniture_goes_with_one_fix_and_comes_back_with_one_undo() {
    let seed = common::shared().join("corpus/articles/00-seed-kremlin-ukraine-talks.txt");
    let page = std::fs::read_to_string(seed).unwrap();
    let (_dir, mut harness) = new_article_with(&page);
    settle(&mut harness);
    let furniture = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        let findings = &harness.state().state.review.findings;
        findings
            .iter()
            .filter(|f| f.rule == "proof.residue")
            .count()
    };
    let lines = furniture(&harness);
    assert!(lines >= 8, "{lines}");
    let before = draft(&harness).body;
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(2);
    // Each of them offers it.
    let fix_all = format!("Fix all {lines}: delete each line left from a copy");
    assert_eq!(harness.query_all_by_label(&fix_all).count(), lines);
    harness.query_all_by_label(&fix_all).next().unwrap().click();
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(furniture(&harness), 0);
    let body = draft(&harness).body;
    for gone in ["1. HOME", "Last update", "4 min read", "11 Views", "Share"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(body.contains("After five hours of discussions"));
    assert!(
        !body.contains("\n\n\n"),
        "no run of blank lines is left: {body:?}"
    );
    assert!(
        body.ends_with("advancing peace negotiations."),
        "nor any at its end"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, before);
}
