//! What Undo and Redo show, driven through the real window (egui_kittest): the text they changed
//! is selected in its field, wherever the keys were, and a change to text already in view does
//! not scroll the editor; a status change and a deletion (which asks first) are undone too.

mod common;

use common::ui::*;
use copydesk::model::Status;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

/// A new article in a copy of the sample, with `headline` and `body` typed into it.
fn new_article(headline: &str, body: &str) -> (tempfile::TempDir, Workstation) {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, Modifiers::COMMAND, Key::N);
    append_to(&mut harness, Role::TextInput, "Headline", headline);
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        body,
    );
    (dir, harness)
}

fn body_selection(harness: &Workstation) -> Option<(usize, usize)> {
    harness.state().state.body_selection
}

/// Undoing a format command selects the words it had wrapped (not the same offsets in the
/// shorter text, which fell three characters further on), and Redo selects them with their
/// markers.
#[test]
fn undo_and_redo_select_the_text_they_changed_in_the_body() {
    let (_dir, mut harness) = new_article("Council", "The council voted for twelve lanes.");
    harness.state_mut().state.pending_body_cursor = Some((22, 28));
    harness.run_steps(3);
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    assert_eq!(
        draft(&harness).body,
        "The council voted for **twelve** lanes."
    );
    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(draft(&harness).body, "The council voted for twelve lanes.");
    assert_eq!(body_selection(&harness), Some((22, 28)), "\"twelve\"");
    press_key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(
        draft(&harness).body,
        "The council voted for **twelve** lanes."
    );
    assert_eq!(body_selection(&harness), Some((22, 32)), "\"**twelve**\"");
}

/// Undo pressed while the keys are in the body, for typing done in the headline, puts the keys
/// back in the headline where the undone text was: the next key typed goes there.
#[test]
fn undo_gives_the_keys_to_the_field_it_changed() {
    let (_dir, mut harness) = new_article("Council votes", "The council voted.");
    append_to(&mut harness, Role::TextInput, "Headline", " today");
    assert_eq!(draft(&harness).headline, "Council votes today");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Body paragraph 1")
        .click();
    harness.run_steps(2);
    press_key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(draft(&harness).headline, "Council votes");
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Headline")
            .is_focused()
    );
    harness.event(egui::Event::Text("!".into()));
    harness.run_steps(3);
    assert_eq!(draft(&harness).headline, "Council votes!");
    assert_eq!(draft(&harness).body, "The council voted.");
}

/// Bold applied to a word in view leaves the editor where it was; it used to centre the word,
/// moving the text under the editor's eyes.
#[test]
fn a_format_command_on_text_in_view_does_not_scroll_the_editor() {
    let paragraphs: Vec<String> = (1..=40)
        .map(|n| format!("Paragraph {n} of the council's long report."))
        .collect();
    let (_dir, mut harness) = new_article("Council", &paragraphs.join("\n\n"));
    press_key(&mut harness, Modifiers::COMMAND, Key::Home);
    let bottom = harness.ctx.content_rect().bottom() as f64;
    // The lowest paragraph wholly in view, well below the middle of the window.
    let lowest = (1..=40)
        .filter_map(|n| {
            let label = format!("Body paragraph {n}");
            let node = harness.query_by_role_and_label(Role::MultilineTextInput, &label)?;
            let rect = node.accesskit_node().bounding_box()?;
            (rect.y1 < bottom - 40.0).then_some((n, rect.y0))
        })
        .last()
        .expect("paragraphs in view");
    assert!(lowest.1 > bottom * 0.6, "{lowest:?} is low in the window");
    let label = format!("Body paragraph {}", lowest.0);
    let start = draft(&harness)
        .body
        .find(&paragraphs[lowest.0 - 1])
        .unwrap();
    // "Paragraph" selected, as a double-click would, then made bold.
    harness.state_mut().state.pending_body_cursor = Some((start, start + 9));
    harness.run_steps(3);
    press_key(&mut harness, Modifiers::COMMAND, Key::B);
    assert!(draft(&harness).body.contains("**Paragraph**"));
    let node = harness.get_by_role_and_label(Role::MultilineTextInput, &label);
    let now = node.accesskit_node().bounding_box().unwrap().y0;
    assert_eq!(now, lowest.1, "{label} stayed where it was");
}

#[test]
fn change_status_then_undo_and_redo() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().status,
        Status::Editing
    );
    harness.get_by_label("Article").click();
    harness.run_steps(2);
    harness.get_by_label("Status: ready").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().status,
        Status::Ready
    );
    let headline = draft(&harness).headline;
    let row = harness.get_by_role_and_label(Role::Button, &headline);
    let row_text = row.accesskit_node().description().unwrap_or_default();
    assert!(
        row_text.starts_with("ready · WORLD"),
        "the list row: {row_text}"
    );

    let updated_before = draft(&harness).updated;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().status,
        Status::Editing
    );
    // Undoing is a change made now: the last update is not set back to an older time.
    assert_eq!(draft(&harness).updated, fixed_clock());
    assert!(updated_before <= fixed_clock());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().status,
        Status::Ready
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().status,
        Status::Ready
    );
}

#[test]
fn ctrl_delete_in_a_text_box_deletes_a_word_not_the_article() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let articles = harness.state().state.bundle.as_ref().unwrap().len();
    let headline = harness
        .state()
        .state
        .draft
        .as_ref()
        .unwrap()
        .headline
        .clone();
    harness
        .get_by_role_and_label(Role::TextInput, "Headline")
        .focus();
    harness.run_steps(2);
    harness.key_press(Key::Home);
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::COMMAND, Key::Delete);
    harness.run_steps(3);
    assert!(harness.state().state.modal.is_none(), "no question asked");
    let first_word = headline.split(' ').next().unwrap();
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().headline,
        headline[first_word.len()..],
        "the first word went, up to the space after it"
    );
    assert_eq!(
        harness.state().state.bundle.as_ref().unwrap().len(),
        articles
    );
}

#[test]
fn delete_asks_first_and_can_be_undone() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Delete);
    harness.run_steps(3);
    assert!(harness.query_by_label("Delete this article?").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().len(), 6);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().len(), 7);
    // From the keyboard: Escape keeps the article, Enter deletes it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Delete);
    harness.run_steps(3);
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().state.modal.is_none());
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().len(), 7);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Delete);
    harness.run_steps(3);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().len(), 6);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    let bundle = harness.state().state.bundle.as_ref().unwrap();
    assert_eq!(bundle.len(), 7);
    assert_eq!(
        bundle.summaries().next().unwrap().headline,
        "Kremlin indicates lack of progress following Ukraine talks with US"
    );
}
