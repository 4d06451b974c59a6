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
