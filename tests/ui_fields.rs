//! The editor's structured fields driven through the real window (egui_kittest): tags typed as
//! an editor types them, and removed from their chips.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

#[test]
fn tags_are_typed_comma_separated_once_each_and_removed_from_their_chips() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert_eq!(
        draft(&harness).tags,
        ["Ukraine", "Russia", "United States", "Diplomacy"]
    );
    let field = harness.get_by_role_and_label(Role::TextInput, "Tags");
    field.click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("Peace talks, diplomacy; Kremlin");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    // Two new tags; "diplomacy" is one the article has already.
    assert_eq!(
        draft(&harness).tags,
        [
            "Ukraine",
            "Russia",
            "United States",
            "Diplomacy",
            "Peace talks",
            "Kremlin"
        ]
    );
    harness.get_by_label("Russia  ×").click();
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).tags,
        [
            "Ukraine",
            "United States",
            "Diplomacy",
            "Peace talks",
            "Kremlin"
        ]
    );
}
