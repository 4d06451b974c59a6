//! The editor's structured fields driven through the real window (egui_kittest): an embargo set
//! on the clock of its time zone, and tags typed as an editor types them and removed from their
//! chips.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

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
    // Saved, the change is a revision; the history says what changed besides the text.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut harness);
    harness.get_by_label("History").click();
    harness.run_steps(4);
    // Which tags came and went, not only that the tags changed.
    let changed = "Also changed: tags (+ Peace talks, + Kremlin, − Russia)";
    assert!(harness.query_by_label(changed).is_some());
    assert!(
        harness
            .query_by_label("The headline, standfirst and body are the same in both.")
            .is_some()
    );
}

#[test]
fn backspace_in_the_empty_tag_box_takes_the_last_tag_back_to_be_edited() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .click();
    harness.run_steps(2);
    harness.key_press(egui::Key::Backspace);
    harness.run_steps(3);
    assert_eq!(draft(&harness).tags, ["Ukraine", "Russia", "United States"]);
    let box_text = |harness: &Workstation| {
        harness
            .get_by_role_and_label(Role::TextInput, "Tags")
            .value()
            .unwrap_or_default()
    };
    assert_eq!(
        box_text(&harness),
        "Diplomacy",
        "the tag is in the box, to edit"
    );
    // A Backspace with text in the box deletes a letter, as anywhere.
    harness.key_press(egui::Key::Backspace);
    harness.run_steps(2);
    assert_eq!(box_text(&harness), "Diplomac");
    assert_eq!(draft(&harness).tags.len(), 3);
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("y talks");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).tags,
        ["Ukraine", "Russia", "United States", "Diplomacy talks"]
    );
    // A tag typed but not added stays with its article, not in the next one's box.
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("Half");
    harness.run_steps(2);
    let (this, next) = (draft(&harness).id, article_ids(&harness)[1]);
    select(&mut harness, &next.to_string());
    assert_eq!(box_text(&harness), "");
    select(&mut harness, &this.to_string());
    assert_eq!(box_text(&harness), "Half");
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run_steps(2);
    assert_eq!(box_text(&harness), "");
    // Undone twice: the new tag goes, and the one taken back returns as it was.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).tags,
        ["Ukraine", "Russia", "United States", "Diplomacy"]
    );
}

#[test]
fn a_section_typed_for_one_article_is_offered_for_the_next() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let first = harness.state().state.selected.unwrap();
    // The section's text box (after its menu) takes a new section.
    let boxes: Vec<_> = harness
        .get_all_by_role_and_label(Role::TextInput, "Section")
        .collect();
    boxes.last().unwrap().click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_all_by_role_and_label(Role::TextInput, "Section")
        .last()
        .unwrap()
        .type_text("Environment");
    harness.run_steps(3);
    assert_eq!(draft(&harness).section, "Environment");
    // The next article's section menu offers it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageDown);
    harness.run_steps(3);
    assert_ne!(harness.state().state.selected, Some(first));
    open_editor_section_menu(&mut harness);
    harness.get_by_label("Environment").click();
    harness.run_steps(3);
    assert_eq!(draft(&harness).section, "Environment");
}

#[test]
fn bylines_reorder_within_their_ends_and_are_removed() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000003");
    let names = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        draft(harness)
            .bylines
            .iter()
            .map(|b| b.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&harness), ["Priya Natarajan", "Jon Ekdahl"]);
    // Each button says which byline it moves or removes.
    let disabled = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>, name| {
        let button = harness.get_by_role_and_label(Role::Button, name);
        button.accesskit_node().is_disabled()
    };
    // The first byline cannot go up, nor the last down.
    assert!(disabled(&harness, "Move byline 1 up") && !disabled(&harness, "Move byline 2 up"));
    assert!(!disabled(&harness, "Move byline 1 down") && disabled(&harness, "Move byline 2 down"));
    harness
        .get_by_role_and_label(Role::Button, "Move byline 2 up")
        .click();
    harness.run_steps(3);
    assert_eq!(names(&harness), ["Jon Ekdahl", "Priya Natarajan"]);
    harness
        .get_by_role_and_label(Role::Button, "Remove byline 1")
        .click();
    harness.run_steps(3);
    assert_eq!(names(&harness), ["Priya Natarajan"]);
}

#[test]
fn a_byline_name_being_typed_offers_the_names_the_project_uses() {
    let (_dir, mut harness) = new_byline_typed("pri");
    harness.check_accessibility();
    let offer = harness
        .get_by_role_and_label(Role::Button, "Priya Natarajan")
        .accesskit_node()
        .bounding_box()
        .expect("offered");
    // Picked with the mouse, as an editor would: press, then release, on the name.
    let at = egui::pos2(
        ((offer.x0 + offer.x1) / 2.0) as f32,
        ((offer.y0 + offer.y1) / 2.0) as f32,
    );
    for pressed in [true, false] {
        primary_button(&harness, at, pressed);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert_eq!(draft(&harness).bylines[1].name, "Priya Natarajan");
    assert!(
        harness.query_by_label("Priya Natarajan").is_none(),
        "no longer offered once picked"
    );
}

#[test]
fn enter_in_a_byline_name_takes_the_first_name_offered() {
    let (_dir, mut harness) = new_byline_typed("Eil");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).bylines[1].name, "Eilidh MacLeod");
}

/// The sample with a byline added to its first article and `text` typed into its name, which
/// has the keys.
fn new_byline_typed(
    text: &str,
) -> (
    tempfile::TempDir,
    egui_kittest::Harness<'static, copydesk::ui::Workstation>,
) {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness
        .get_by_role_and_label(Role::Button, "Add byline")
        .click();
    harness.run_steps(3);
    harness.event(egui::Event::Text(text.into()));
    harness.run_steps(3);
    (dir, harness)
}

#[test]
fn a_language_is_picked_by_name_and_its_name_shows_beside_its_tag() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert_eq!(draft(&harness).language, "en");
    harness.get_by_label("Common languages").click();
    harness.run_steps(2);
    harness.get_by_label("German (de)").click();
    harness.run_steps(2);
    assert_eq!(draft(&harness).language, "de");
    let field = harness.get_by_role_and_label(Role::TextInput, "Language");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("de"));
    // A tag typed by hand names its language too, or "Other" when it is not a common one.
    let shown = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        let menu = harness.get_by_label("Common languages");
        menu.accesskit_node().value().map(|v| v.to_string())
    };
    assert_eq!(shown(&harness).as_deref(), Some("German"));
    retype(&mut harness, "Language", "en-GB");
    assert_eq!(shown(&harness).as_deref(), Some("English (UK)"));
    retype(&mut harness, "Language", "eu");
    assert_eq!(shown(&harness).as_deref(), Some("Other"));
    assert_eq!(draft(&harness).language, "eu");
    harness.check_accessibility();
}

#[test]
fn an_article_without_a_section_is_filed_under_news_in_the_preview_as_in_the_export() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert!(harness.query_by_label_contains("HOME › WORLD › ").is_some());
    harness
        .get_all_by_role_and_label(Role::TextInput, "Section")
        .last()
        .unwrap()
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Delete);
    harness.run_steps(3);
    assert_eq!(draft(&harness).section, "");
    assert!(
        harness
            .query_by_label_contains("HOME › NEWS › Kremlin")
            .is_some(),
        "no empty crumb between HOME and the headline"
    );
}

#[test]
fn a_tag_being_typed_is_offered_as_the_project_spells_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    select(&mut harness, LIBRARY);
    assert_eq!(draft(&harness).tags, ["Libraries"]);
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("ukr");
    harness.run_steps(3);
    // The reference article's "Ukraine" is offered, and Enter takes it as it is spelled there.
    harness.get_by_role_and_label(Role::Button, "Ukraine");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).tags, ["Libraries", "Ukraine"]);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Ukraine")
            .is_none()
    );
    // A tag no other article has is added as typed, the keys still in the box (the new chip
    // before it once took them, so the next Enter removed that chip).
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("night reading");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).tags,
        ["Libraries", "Ukraine", "night reading"]
    );
}

#[test]
fn an_empty_seo_or_social_title_meters_the_headline_that_stands_in() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(3);
    // The new article's headline box has the keys.
    harness.event(egui::Event::Text("x".repeat(65)));
    harness.run_steps(3);
    // The SEO title (limit 60) is over through the headline; the social title (70) is not.
    assert!(harness.query_by_label("65/60").is_some());
    assert!(harness.query_by_label("65/70").is_some());
    let flagged = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>, rule| {
        let findings = &harness.state().state.review.findings;
        findings.iter().any(|f| f.rule == rule)
    };
    settle(&mut harness);
    assert!(flagged(&harness, "seo_title.length"));
    assert!(!flagged(&harness, "social_title.length"));
    type_into(&mut harness, Role::TextInput, "SEO title", "Short");
    assert!(harness.query_by_label("5/60").is_some());
    settle(&mut harness);
    assert!(!flagged(&harness, "seo_title.length"));
}

#[test]
fn the_alt_text_meter_follows_the_project_s_limit() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert!(harness.query_by_label("69/125").is_some());
    let project = harness
        .state_mut()
        .state
        .bundle
        .as_mut()
        .unwrap()
        .project_mut();
    project.settings.checklist.limits.alt_text_max = 100;
    harness.run_steps(2);
    assert!(harness.query_by_label("69/100").is_some());
}

#[test]
fn a_correction_left_empty_can_be_removed_and_a_written_one_stays() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness
        .get_by_role_and_label(Role::Button, "Add correction")
        .click();
    harness.run_steps(3);
    let remove = "Remove the empty correction 1";
    assert!(harness.query_by_label(remove).is_some());
    // Written, it has no Remove; the typing goes on in its box.
    harness.event(egui::Event::Text("The vote was 7 to 2.".into()));
    harness.run_steps(3);
    assert!(harness.query_by_label(remove).is_none());
    harness.event(egui::Event::Text(" Sorry.".into()));
    harness.run_steps(2);
    assert_eq!(
        draft(&harness).corrections[0].text,
        "The vote was 7 to 2. Sorry."
    );
    // Emptied again, it can go.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run_steps(3);
    harness.get_by_label(remove).click();
    harness.run_steps(3);
    assert!(draft(&harness).corrections.is_empty());
}

#[test]
fn enter_goes_from_the_headline_to_the_standfirst_and_on_to_the_body() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(3);
    // A new article's headline has the keys.
    harness
        .get_by_role_and_label(Role::TextInput, "Headline")
        .type_text("Council approves bridge");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Standfirst")
            .is_focused()
    );
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Standfirst")
        .type_text("The vote was close.");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 1")
            .is_focused()
    );
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 1")
        .type_text("Work starts in May.");
    harness.run_steps(3);
    let article = draft(&harness);
    assert_eq!(article.headline, "Council approves bridge");
    assert_eq!(article.standfirst, "The vote was close.", "no line break");
    assert_eq!(article.body, "Work starts in May.");
    // From the SEO title, Enter goes on to the social title, and from there to the standfirst.
    let field = |harness: &Workstation, role, name| -> bool {
        harness.get_by_role_and_label(role, name).is_focused()
    };
    harness.state_mut().state.pending_field_cursor = Some(("SEO title".into(), 0, 0));
    harness.run_steps(3);
    assert!(field(&harness, Role::TextInput, "SEO title"));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(field(&harness, Role::TextInput, "Social title"));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(field(&harness, Role::MultilineTextInput, "Standfirst"));
}

#[test]
fn the_meters_count_wide_characters_twice_as_the_checklist_does() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The sample's Japanese article: a headline of 16 characters, a standfirst of 35.
    let japanese = uuid::Uuid::parse_str("5a3e0000-0000-4000-8000-000000000005").unwrap();
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::Select(japanese));
    settle(&mut harness);
    assert_eq!(draft(&harness).standfirst.chars().count(), 35);
    assert!(harness.query_by_label("32/110").is_some(), "the headline");
    assert!(harness.query_by_label("70 characters (50–160)").is_some());
    let findings = &harness.state().state.review.findings;
    assert!(!findings.iter().any(|f| f.rule == "standfirst.length"));
    // The empty SEO title's meter counts the headline that stands in, and says why it counts
    // so many.
    assert!(draft(&harness).seo_title.is_empty());
    harness.get_by_label("32/60").hover();
    harness.run_steps(60);
    let hover = harness.get_by_label_contains("the headline stands in with 32 characters");
    let said = hover.accesskit_node().value().unwrap_or_default();
    assert!(said.contains("count twice"), "{said}");
}

#[test]
fn in_a_narrow_editor_the_names_offered_are_right_under_the_name_box() {
    let (_dir, mut harness) = new_byline_typed("pri");
    // A laptop's window: the byline's role and buttons take a second line.
    harness.set_size(egui::vec2(1100.0, 900.0));
    harness.run_steps(3);
    let (name, offer, role) = (
        bounds_of(&harness, Role::TextInput, "Name 2").y0,
        bounds_of(&harness, Role::Button, "Priya Natarajan").y0,
        bounds_of(&harness, Role::TextInput, "Role 2").y0,
    );
    assert!(
        name < offer && offer < role,
        "name {name}, offer {offer}, role {role}"
    );
}
