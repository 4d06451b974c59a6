//! The preview's search-result and social-card modes driven through the real window
//! (egui_kittest): the address the export gives, and what an engine shows without a standfirst.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn a_search_result_gives_the_export_s_address_and_the_opening_without_a_standfirst() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // Ctrl+P goes from the page to the search result.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run_steps(2);
    let article = draft(&harness);
    let site = harness
        .state()
        .state
        .bundle
        .as_ref()
        .unwrap()
        .project()
        .settings
        .site()
        .unwrap()
        .to_owned();
    // The canonical link of the HTML export: no section in it.
    harness.get_by_label(&format!("{site}/{}", article.slug));
    harness.get_by_label_contains("Putin met Steve Witkoff");

    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Standfirst")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Delete);
    harness.run_steps(3);
    assert_eq!(draft(&harness).standfirst, "");
    // The body's first paragraph stands in for it, as an engine would take it.
    harness.get_by_label_contains("After five hours of discussions, Russian President");
    harness.get_by_label_contains("no description: the engine shows the page's opening");
}

#[test]
fn a_right_click_on_a_paragraph_of_the_page_edits_it_in_the_body() {
    use egui_kittest::kittest::NodeT;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let body = draft(&harness).body;
    let paragraph = harness
        .get_all_by_label_contains("Weeks of intense diplomatic efforts")
        .find(|node| node.accesskit_node().role() == Role::Label)
        .expect("the page shows the paragraph");
    let bounds = paragraph.accesskit_node().bounding_box().unwrap();
    let pos = egui::pos2(
        ((bounds.x0 + bounds.x1) / 2.0) as f32,
        ((bounds.y0 + bounds.y1) / 2.0) as f32,
    );
    right_click(&mut harness, pos);
    harness.get_by_label("Edit this in the body").click();
    harness.run_steps(4);
    let at = body[..body.find("Weeks of intense").unwrap()]
        .chars()
        .count();
    assert_eq!(harness.state().state.body_selection, Some((at, at)));
    let focused = harness
        .get_all_by_role(Role::MultilineTextInput)
        .find(|node| node.is_focused())
        .expect("a body paragraph has the keys");
    assert!(
        focused
            .accesskit_node()
            .value()
            .is_some_and(|text| text.starts_with("Weeks of intense")),
        "the paragraph edited is the one clicked"
    );
}

#[test]
fn the_page_follows_the_cursor_from_paragraph_to_paragraph() {
    use egui_kittest::kittest::NodeT;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let last_paragraph = "Zelensky highlighted that control";
    let on_page = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness
            .query_all_by_label_contains(last_paragraph)
            .filter(|node| node.accesskit_node().role() == Role::Label)
            .any(|node| {
                let bounds = node.accesskit_node().bounding_box().unwrap();
                bounds.y0 >= 0.0 && bounds.y1 <= 900.0
            })
    };
    // The hero picture above the body has its height once it has loaded.
    wait_until(&mut harness, |w| !w.state.thumbnails.loading());
    assert!(!on_page(&harness), "the page opens at its top");
    // The cursor goes to the body's very end, as Ctrl+End puts it.
    let body = draft(&harness).body;
    let at = body.chars().count();
    harness.state_mut().state.pending_body_cursor = Some((at, at));
    // The page scrolls there smoothly, over a few frames.
    harness.run_steps(60);
    assert!(
        on_page(&harness),
        "the page scrolled to the paragraph being edited"
    );
}

#[test]
fn a_byline_or_correction_being_added_leaves_the_page_as_it_was() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label("By Sophia Brooks (Reporter)");
    harness.get_by_label("Author: Sophia Brooks");
    harness
        .get_by_role_and_label(Role::Button, "Add byline")
        .click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "Add correction")
        .click();
    harness.run_steps(3);
    let article = draft(&harness);
    assert_eq!((article.bylines.len(), article.corrections.len()), (2, 1));
    // No dangling comma after the name, and no empty "Correction (…):" at the foot.
    harness.get_by_label("By Sophia Brooks (Reporter)");
    harness.get_by_label("Author: Sophia Brooks");
    assert!(harness.query_by_label_contains("Correction (").is_none());
    // Once written, the correction is printed.
    harness.event(egui::Event::Text("The talks lasted five hours.".into()));
    harness.run_steps(3);
    harness.get_by_label_contains("): The talks lasted five hours.");
}

/// Each article's page opens at its top: one read far down before does not leave the next
/// one shown from the middle, its headline out of sight.
#[test]
fn another_article_s_page_opens_at_its_top() {
    use egui_kittest::kittest::NodeT;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    wait_until(&mut harness, |w| !w.state.thumbnails.loading());
    let headline = draft(&harness).headline;
    let headline_on_page = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness
            .query_all_by_label(&headline)
            .filter(|node| node.accesskit_node().role() == Role::Label)
            .any(|node| node.accesskit_node().bounding_box().unwrap().y0 >= 0.0)
    };
    assert!(headline_on_page(&harness));
    // The page scrolled to the body's end, as editing there does.
    let at = draft(&harness).body.chars().count();
    harness.state_mut().state.pending_body_cursor = Some((at, at));
    harness.run_steps(60);
    assert!(!headline_on_page(&harness), "scrolled past the headline");
    // A copy of the article, as long, opens at its headline.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run_steps(5);
    assert_eq!(draft(&harness).headline, headline, "the copy is open");
    assert!(
        headline_on_page(&harness),
        "the copy's page shows its headline"
    );
}
