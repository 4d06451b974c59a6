//! Where dialogs stay (egui_kittest): a dialog whose height changes while it is open keeps its
//! top edge, so that what the editor is about to click does not move under the pointer.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn the_export_dialog_stays_put_when_its_warning_goes() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The open article fails a Required check: the dialog warns under "The open article".
    select(&mut harness, LIBRARY);
    press_key(&mut harness, Modifiers::COMMAND, Key::E);
    let warning = "It will be refused unless \"Export anyway\" is ticked.";
    assert!(harness.query_by_label(warning).is_some());
    let html_at = bounds_of(&harness, Role::CheckBox, "HTML page");
    harness.get_by_label_contains("Every article (").click();
    harness.run_steps(3);
    assert!(
        harness.query_by_label(warning).is_none(),
        "the warning went"
    );
    assert_eq!(bounds_of(&harness, Role::CheckBox, "HTML page"), html_at);
}

#[test]
fn the_palette_stays_put_while_its_list_narrows() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, Modifiers::COMMAND, Key::K);
    let query_at = bounds_of(&harness, Role::TextInput, "Command");
    harness.event(egui::Event::Text("status".into()));
    harness.run_steps(3);
    assert!(
        harness.query_by_label_contains("Save as").is_none(),
        "fewer commands"
    );
    assert_eq!(bounds_of(&harness, Role::TextInput, "Command"), query_at);
}
