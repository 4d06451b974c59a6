//! Renaming a project's sections in the settings dialog, driven through the real window
//! (egui_kittest): the articles filed in a renamed section go with it, in one undoable step.

mod common;

use common::ui::*;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

/// The sections the project's articles are filed in, one per article, sorted.
fn filed_sections(harness: &Workstation) -> Vec<String> {
    let state = &harness.state().state;
    let bundle = state.bundle.as_ref().expect("a project");
    let mut sections: Vec<String> = bundle.summaries().map(|s| s.section.clone()).collect();
    sections.sort();
    sections
}

/// Renames section `from` to `to` in the open settings dialog's Sections tab.
fn rename_section(harness: &mut Workstation, from: &str, to: &str) {
    press(harness, Role::Button, &format!("Rename the section {from}"));
    harness.run_steps(2);
    let field = format!("New name for {from}");
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, &field)
            .is_focused()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, &field)
        .type_text(to);
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
}

#[test]
fn a_renamed_section_takes_its_articles_along_in_one_undoable_step() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = (project(&harness), filed_sections(&harness));
    assert_eq!(draft(&harness).section, "World", "the open article");
    // The list shows the Culture section's articles.
    harness.state_mut().state.filter.section = Some("Culture".into());
    harness.state_mut().state.articles_changed();
    harness.run_steps(2);
    assert_eq!(harness.state().state.visible.len(), 3);
    open_settings(&mut harness);
    press(&mut harness, Role::Tab, "Sections");
    // Escape gives up a renaming, not the dialog.
    press(&mut harness, Role::Button, "Rename the section Science");
    harness.check_accessibility();
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.query_by_label("New name for Science").is_none());
    assert!(harness.state().state.modal.is_some(), "the dialog stays");
    // A name another section has is refused, and the row stays open to try again.
    rename_section(&mut harness, "Culture", "business");
    assert!(
        harness
            .query_by_label_contains("There is a section \"business\" already")
            .is_some()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "New name for Culture")
        .type_text("Arts");
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    // The renamed row keeps its count of articles.
    assert!(harness.query_by_label("Arts").is_some());
    assert!(harness.query_by_label("3 articles").is_some());
    rename_section(&mut harness, "World", "International");
    assert_eq!(
        filed_sections(&harness),
        before.1,
        "nothing moves before Apply"
    );
    press(&mut harness, Role::Button, "Apply");

    let after = (project(&harness), filed_sections(&harness));
    assert_eq!(after.0.settings.sections[0], "International");
    assert!(after.0.settings.sections.contains(&"Arts".to_owned()));
    assert_eq!(after.1.iter().filter(|s| *s == "Arts").count(), 3);
    assert!(!after.1.iter().any(|s| s == "Culture" || s == "World"));
    // The open article went along, and says so in the editor; the list's filter followed.
    assert_eq!(draft(&harness).section, "International");
    assert_eq!(
        harness.state().state.filter.section.as_deref(),
        Some("Arts")
    );
    assert_eq!(harness.state().state.visible.len(), 3);
    assert!(harness.query_by_label_contains("refiled").is_some());

    // One Ctrl+Z files them all back, and Ctrl+Y again.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!((project(&harness), filed_sections(&harness)), before);
    assert_eq!(draft(&harness).section, "World");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    harness.run_steps(2);
    assert_eq!((project(&harness), filed_sections(&harness)), after);

    // Saved: the articles' files say so.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    let mut on_disk = copydesk::bundle::Bundle::open(&root, copydesk::bundle::Access::ReadOnly)
        .expect("the saved project opens");
    let ids = on_disk.ids();
    let sections: Vec<String> = ids
        .into_iter()
        .map(|id| on_disk.article(id).expect("readable").section.clone())
        .collect();
    assert_eq!(sections.iter().filter(|s| *s == "Arts").count(), 3);
}

/// Replaces the open article's section with `name`, typed into the box beside the menu.
fn type_section(harness: &mut Workstation, name: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Section")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Section")
        .type_text(name);
    settle(harness);
}

#[test]
fn an_unknown_section_is_added_to_the_projects_from_its_finding_in_one_undoable_step() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let sections_before = project(&harness).settings.sections;
    type_section(&mut harness, "Politics");
    assert!(has_finding(&harness, |f| f.rule == "section.known"));
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(2);
    harness.check_accessibility();
    press(
        &mut harness,
        Role::Button,
        "Add \"Politics\" to the sections",
    );
    settle(&mut harness);
    let sections = project(&harness).settings.sections;
    assert_eq!(sections.last().map(String::as_str), Some("Politics"));
    assert_eq!(sections.len(), sections_before.len() + 1);
    assert!(!has_finding(&harness, |f| f.rule == "section.known"));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(project(&harness).settings.sections, sections_before);

    // A section listed already in other capitals is named, not listed twice.
    type_section(&mut harness, "world");
    press(&mut harness, Role::Button, "Add \"world\" to the sections");
    assert_eq!(project(&harness).settings.sections, sections_before);
    assert!(
        harness
            .query_by_label_contains("has the section \"World\" already")
            .is_some()
    );
}

#[test]
fn a_section_of_many_articles_is_read_on_a_worker_before_it_is_renamed() {
    use copydesk::app::READ_ON_WORKER_FROM;
    use copydesk::bundle::{Access, Bundle};
    let (_dir, root) = sample_copy();
    {
        let mut bundle = Bundle::open(&root, Access::ReadWrite).unwrap();
        for i in 0..READ_ON_WORKER_FROM {
            let mut article = copydesk::model::Article::new(format!("Exhibition {i}"));
            article.section = "Culture".into();
            bundle.insert_article(article).unwrap();
        }
        bundle.save().unwrap();
    }
    // Opened again: none of the articles is read until it is needed.
    let mut harness = open(&root, no_dialogs());
    let filed = READ_ON_WORKER_FROM + 3;
    open_settings(&mut harness);
    press(&mut harness, Role::Tab, "Sections");
    rename_section(&mut harness, "Culture", "Arts");
    // Apply (no frame between: the worker cannot have answered) waits for the reading.
    let state = &mut harness.state_mut().state;
    state.apply(copydesk::app::command::Command::ApplyProjectSettings);
    let Some(copydesk::app::Modal::ProjectSettings(settings)) = &state.modal else {
        panic!("the dialog stays while the articles are read");
    };
    assert!(
        settings
            .reading
            .is_some_and(|(_, total)| total >= READ_ON_WORKER_FROM)
    );
    let sections = project(&harness).settings.sections;
    assert!(
        sections.contains(&"Culture".to_owned()),
        "not yet: {sections:?}"
    );
    wait_until(&mut harness, |w| w.state.modal.is_none());
    harness.run_steps(2);
    let sections = filed_sections(&harness);
    assert_eq!(sections.iter().filter(|s| *s == "Arts").count(), filed);
    assert!(
        project(&harness)
            .settings
            .sections
            .contains(&"Arts".to_owned())
    );
    assert!(
        harness
            .query_by_label_contains(&format!("{filed} articles refiled"))
            .is_some()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    let sections = filed_sections(&harness);
    assert_eq!(sections.iter().filter(|s| *s == "Culture").count(), filed);
}

#[test]
fn while_the_articles_to_refile_are_read_the_dialog_shows_it_and_apply_waits() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    open_settings(&mut harness);
    // The worker's progress, as it arrives.
    if let Some(copydesk::app::Modal::ProjectSettings(settings)) =
        &mut harness.state_mut().state.modal
    {
        settings.reading = Some((1_200, 2_500));
    }
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Reading the articles to refile")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("1,200 of 2,500 articles")
            .is_some()
    );
    let apply = harness.get_by_role_and_label(Role::Button, "Apply");
    assert!(apply.accesskit_node().is_disabled());
    let sections = harness.get_by_role_and_label(Role::Tab, "Sections");
    assert!(
        sections.accesskit_node().is_disabled(),
        "nothing changes meanwhile"
    );
    harness.check_accessibility();
    press(&mut harness, Role::Button, "Cancel");
    assert!(
        harness.state().state.modal.is_none(),
        "Cancel still closes it"
    );
}
