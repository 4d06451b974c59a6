//! The project settings and preferences dialogs, driven through the real window (egui_kittest).

mod common;

use common::ui::*;
use copydesk::review::Level;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

#[test]
fn settings_changed_in_the_dialog_apply_as_one_undoable_step() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = project(&harness);
    open_settings(&mut harness);
    // The title.
    type_into(&mut harness, Role::TextInput, "Title", " (weekend)");
    // A new section, added with Enter and moved up one place.
    press(&mut harness, Role::Tab, "Sections");
    // Each section says how many articles are filed in it (three in Culture, none in Opinion).
    assert!(harness.query_by_label("3 articles").is_some());
    assert!(harness.query_by_label("0 articles").is_some());
    type_into(&mut harness, Role::TextInput, "New section", "Travel");
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    press(&mut harness, Role::Button, "Move Travel up");
    // A rule switched off.
    press(&mut harness, Role::Tab, "Checklist");
    harness
        .get_by_role_and_label(Role::ComboBox, "At least one tag")
        .scroll_to_me();
    harness.run_steps(3);
    press(&mut harness, Role::ComboBox, "At least one tag");
    press(&mut harness, Role::Button, "Off");
    // Nothing changed until Apply.
    assert_eq!(project(&harness), before);
    press(&mut harness, Role::Button, "Apply");
    assert!(harness.state().state.modal.is_none());

    let after = project(&harness);
    assert_eq!(after.title, "Sample desk (weekend)");
    let sections = &after.settings.sections;
    assert_eq!(sections[sections.len() - 2], "Travel");
    assert_eq!(after.settings.checklist.rules["tags.present"], Level::Off);
    // The editor's section menu offers the new section at once.
    open_editor_section_menu(&mut harness);
    assert!(harness.query_by_label("Travel").is_some());
    harness.key_press(Key::Escape);
    harness.run_steps(2);

    // One Ctrl+Z takes all of it back, and Ctrl+Y brings it again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(project(&harness), before);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    harness.run_steps(2);
    assert_eq!(project(&harness), after);
    assert!(
        harness
            .state()
            .state
            .window_title()
            .contains("Sample desk (weekend)")
    );

    // Saved in bundle.json.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    assert!(!harness.state().state.has_unsaved_changes());
    let on_disk = copydesk::bundle::Bundle::open(&root, copydesk::bundle::Access::ReadOnly)
        .expect("the saved project opens");
    assert_eq!(*on_disk.project(), after);
}

#[test]
fn settings_with_a_problem_cannot_be_applied_and_the_dialog_says_why() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = project(&harness);
    open_settings(&mut harness);
    harness
        .get_by_role_and_label(Role::TextInput, "Site address")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Site address")
        .type_text("news.example.com");
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Site address: \"news.example.com\" is not a web address")
            .is_some()
    );
    let apply = harness.get_by_role_and_label(Role::Button, "Apply");
    assert!(apply.accesskit_node().is_disabled());
    apply.click();
    harness.run_steps(2);
    assert_eq!(project(&harness), before);
    // A section already listed is refused, in any capitals, and the dialog says so.
    press(&mut harness, Role::Tab, "Sections");
    type_into(&mut harness, Role::TextInput, "New section", "world");
    press(&mut harness, Role::Button, "Add section");
    assert!(
        harness
            .query_by_label("\"World\" is already listed")
            .is_some()
    );
    // A click beside the dialog is taken for a slip: it stays, with what was typed.
    primary_button(&harness, egui::pos2(20.0, 450.0), true);
    harness.step();
    primary_button(&harness, egui::pos2(20.0, 450.0), false);
    harness.run_steps(2);
    assert!(harness.state().state.modal.is_some());
    assert!(
        harness
            .query_by_label("\"World\" is already listed")
            .is_some()
    );
    // Escape closes the dialog and changes nothing.
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.modal.is_none());
    assert_eq!(project(&harness), before);
}

#[test]
fn a_word_removed_from_the_dictionary_is_flagged_again() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let flagged = |harness: &Workstation| {
        has_finding(harness, |f| {
            f.rule == "proof.spelling" && f.message.contains("Pokrovsk")
        })
    };
    assert!(flagged(&harness));
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::AddToDictionary(
            "Pokrovsk".into(),
        ));
    settle(&mut harness);
    assert!(!flagged(&harness));
    open_settings(&mut harness);
    press(&mut harness, Role::Tab, "Dictionary");
    press(
        &mut harness,
        Role::Button,
        "Remove \"Pokrovsk\" from the dictionary",
    );
    press(&mut harness, Role::Button, "Apply");
    settle(&mut harness);
    assert!(project(&harness).settings.dictionary.is_empty());
    assert!(flagged(&harness));
}

#[test]
fn the_name_typed_in_preferences_signs_waivers() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Comma);
    harness.run_steps(3);
    // The name box has the keys: select what is there and type over it; Enter keeps it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Desk Editor".into()));
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().state.modal.is_none());
    assert_eq!(harness.state().state.settings.editor_name, "Desk Editor");

    ask_first_waiver(&mut harness);
    harness.event(egui::Event::Text("Agency spelling".into()));
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).waivers[0].editor, "Desk Editor");
}

#[test]
fn project_settings_are_greyed_out_read_only() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.read_only = Some("Another Copydesk has it open".into());
    harness.run_steps(2);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    let entry = harness.get_by_label("Project settings…");
    assert!(entry.accesskit_node().is_disabled());
}

#[test]
fn a_banned_word_and_a_preferred_form_added_in_house_style_are_flagged() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let flagged = |harness: &Workstation, what: &str| {
        let findings = &harness.state().state.review.findings;
        findings.iter().any(|f| f.message.contains(what))
    };
    assert!(!flagged(&harness, "\"constructive\" is not used"));
    assert!(!flagged(&harness, "\"Moscow\""));
    open_settings(&mut harness);
    press(&mut harness, Role::Tab, "House style");
    type_into(
        &mut harness,
        Role::TextInput,
        "New banned word",
        "constructive",
    );
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    type_into(&mut harness, Role::TextInput, "Use", "Moscow");
    type_into(&mut harness, Role::TextInput, "instead of", "Kremlin");
    press(&mut harness, Role::Button, "Add preferred form");
    // A pattern that is not a regular expression is refused, and says why.
    type_into(&mut harness, Role::TextInput, "Pattern", "(unclosed");
    type_into(&mut harness, Role::TextInput, "Message", "Never");
    press(&mut harness, Role::Button, "Add pattern rule");
    assert!(
        harness
            .query_by_label_contains("The pattern is not a valid regular expression")
            .is_some()
    );
    // A preferred form listed before can go.
    press(
        &mut harness,
        Role::Button,
        "Remove per cent instead of percent",
    );
    press(&mut harness, Role::Button, "Apply");
    settle(&mut harness);
    let style = project(&harness).settings.house_style;
    assert!(style.preferred.iter().all(|p| p.preferred != "per cent"));
    assert_eq!(style.banned, ["constructive"]);
    assert!(style.patterns.is_empty());
    assert!(flagged(&harness, "\"constructive\" is not used"));
    assert!(flagged(&harness, "\"Moscow\""));
}

#[test]
fn the_house_dash_chosen_in_house_style_mends_the_sample_s_lost_dash_that_way() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let fixes = |harness: &Workstation| -> Vec<String> {
        let findings = &harness.state().state.review.findings;
        findings
            .iter()
            .filter(|f| f.message.contains("where a dash was lost"))
            .filter_map(|f| f.suggestion.clone())
            .collect()
    };
    assert_eq!(fixes(&harness), ["membership—a"]);
    open_settings(&mut harness);
    press(&mut harness, Role::Tab, "House style");
    press(&mut harness, Role::ComboBox, "Dash between words");
    press(&mut harness, Role::Button, "Spaced en dash ( – )");
    press(&mut harness, Role::Button, "Apply");
    settle(&mut harness);
    let style = project(&harness).settings.house_style;
    assert_eq!(style.dash, copydesk::review::HouseDash::SpacedEn);
    assert_eq!(fixes(&harness), ["membership – a"]);
}

#[test]
fn new_articles_can_start_with_the_editor_s_name_as_byline() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    assert!(draft(&harness).bylines.is_empty(), "not unless asked for");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Comma);
    harness.run_steps(3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Sophia Brooks".into()));
    harness.run_steps(2);
    press(
        &mut harness,
        Role::CheckBox,
        "Put my name in the byline of the articles I create",
    );
    // The colours are chosen here too.
    press(&mut harness, Role::RadioButton, "Dark");
    assert_ne!(
        harness.state().state.settings.theme,
        egui::ThemePreference::Dark,
        "not before Apply"
    );
    press(&mut harness, Role::Button, "Apply");
    assert!(harness.state().state.settings.byline_new_articles);
    assert_eq!(
        harness.state().state.settings.theme,
        egui::ThemePreference::Dark
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    let bylines = draft(&harness).bylines;
    assert_eq!(bylines.len(), 1);
    assert_eq!(bylines[0].name, "Sophia Brooks");
}

#[test]
fn settings_out_of_range_in_bundle_json_are_named_when_the_project_opens() {
    let (_dir, root) = sample_copy();
    let manifest = root.join("bundle.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let edited = text.replace(
        "\"reading_words_per_minute\": 200",
        "\"reading_words_per_minute\": 0",
    );
    assert_ne!(edited, text);
    std::fs::write(&manifest, edited).unwrap();
    let mut harness = open(&root, no_dialogs());
    let notice = harness.state().state.notice.clone().expect("a notice");
    assert!(notice.error);
    assert!(
        notice.text.contains(
            "bundle.json: Reading speed: 0 words a minute is outside 50–1000 (File → Project settings… mends it)"
        ),
        "{}",
        notice.text
    );
    // The dialog shows the value as it is, names the problem, and changes nothing by itself.
    open_settings(&mut harness);
    assert!(
        harness
            .query_by_label("Reading speed: 0 words a minute is outside 50–1000")
            .is_some()
    );
    let apply = harness.get_by_role_and_label(Role::Button, "Apply");
    assert!(apply.accesskit_node().is_disabled());
    assert!(!harness.state().state.settings_unapplied());
}

#[test]
fn closing_the_window_keeps_what_a_dialog_holds() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    open_settings(&mut harness);
    type_into(&mut harness, Role::TextInput, "Title", " (weekend)");
    request_close(&mut harness);
    // The dialog stays with what was typed, and says why the window did not close.
    assert!(
        harness
            .state()
            .state
            .notice
            .as_ref()
            .is_some_and(|n| { n.text.starts_with("The open dialog holds what you typed") })
    );
    assert!(harness.state().state.settings_unapplied());
    assert!(!harness.state().state.close_now);
    // So does a waiver's reason being typed.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    ask_first_waiver(&mut harness);
    harness.event(egui::Event::Text("Agency spelling".into()));
    harness.run_steps(2);
    harness.state_mut().state.notice = None;
    request_close(&mut harness);
    let notice = harness
        .state()
        .state
        .notice
        .clone()
        .expect("the window says why it stays");
    assert!(
        notice
            .text
            .starts_with("The open dialog holds what you typed")
    );
    assert!(matches!(
        &harness.state().state.modal,
        Some(copydesk::app::Modal::Waiver { reason, .. }) if reason == "Agency spelling"
    ));
    // And an export folder typed but not exported to yet.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    type_into(
        &mut harness,
        Role::TextInput,
        "Folder",
        "/tmp/weekend-pages",
    );
    harness.state_mut().state.notice = None;
    request_close(&mut harness);
    let notice = harness.state().state.notice.clone();
    assert!(
        notice.is_some_and(|n| n.text.starts_with("The open dialog holds what you typed")),
        "the window stays for the typed folder"
    );
}

#[test]
fn looking_at_the_checklist_of_an_older_project_changes_nothing() {
    let (_dir, root) = sample_copy();
    // A project saved before a rule existed does not list it.
    let manifest = root.join("bundle.json");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let older = text.replace("        \"correction.text\": \"required\",\n", "");
    assert_ne!(older, text);
    std::fs::write(&manifest, older).unwrap();
    let mut harness = open(&root, no_dialogs());
    open_settings(&mut harness);
    press(&mut harness, Role::Tab, "Checklist");
    assert!(!harness.state().state.settings_unapplied());
    // The unlisted rule shows its default level.
    let level = harness.get_by_role_and_label(Role::ComboBox, "Every correction has its text");
    assert_eq!(level.value().as_deref(), Some("Required"));
    press(&mut harness, Role::Button, "Apply");
    assert!(harness.state().state.modal.is_none());
    assert!(
        !harness.state().state.undo.can_undo(),
        "no step for no change"
    );
}
