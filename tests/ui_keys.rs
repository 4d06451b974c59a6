//! A key typed at once after a shortcut that opens a box goes into that box, driven through the
//! real window (egui_kittest): the box is drawn a frame after the shortcut, and the key typed in
//! that frame used to go to the headline that had the keys, or nowhere. The arrows choose among
//! the tags, names or zones offered under a box.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

/// The next frame, with exactly `events` after `modifiers` are held (kittest's own `key_press`
/// and `event` run a frame per event, so the frame after the shortcut would come and go before
/// the text was typed).
fn frame_with(harness: &mut Workstation, modifiers: Modifiers, events: Vec<egui::Event>) {
    let input = harness.input_mut();
    input.events = vec![egui::Event::ModifiersChanged(modifiers)];
    input.events.extend(events);
    harness.step();
}

/// Presses `shortcut` in one frame and types `text` in the very next, as a quick typist does.
fn press_then_type(harness: &mut Workstation, (modifiers, key): (Modifiers, Key), text: &str) {
    let press = egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    };
    frame_with(harness, modifiers, vec![press]);
    frame_with(
        harness,
        Modifiers::NONE,
        vec![egui::Event::Text(text.into())],
    );
    harness.run_steps(2);
}

/// Puts the keys in the headline, presses `shortcut`, and types `text` in the very next frame.
fn shortcut_then_type(harness: &mut Workstation, shortcut: (Modifiers, Key), text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, "Headline")
        .click();
    harness.run_steps(2);
    press_then_type(harness, shortcut, text);
}

/// Opens the sample, puts the keys in the headline, presses `shortcut` and types `text` in the
/// very next frame; checks that the headline did not take the text.
fn typed_at_once(
    dialogs: std::sync::Arc<dyn copydesk::app::jobs::FileDialogs>,
    shortcut: (Modifiers, Key),
    text: &str,
) -> (tempfile::TempDir, Workstation) {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, dialogs);
    let headline = draft(&harness).headline;
    shortcut_then_type(&mut harness, shortcut, text);
    assert_eq!(draft(&harness).headline, headline);
    (dir, harness)
}

#[test]
fn a_command_typed_at_once_after_ctrl_k_goes_to_the_palette_not_the_headline() {
    let (_dir, harness) = typed_at_once(no_dialogs(), (Modifiers::COMMAND, Key::K), "save");
    let palette = harness.state().state.palette.as_ref();
    assert_eq!(palette.expect("the palette is open").query, "save");
}

#[test]
fn a_search_typed_at_once_after_ctrl_f_keeps_its_first_letter() {
    let (_dir, harness) = typed_at_once(no_dialogs(), (Modifiers::COMMAND, Key::F), "library");
    assert_eq!(harness.state().state.filter.query, "library");
}

#[test]
fn a_word_typed_at_once_after_ctrl_h_goes_to_the_find_bar() {
    let (_dir, harness) = typed_at_once(no_dialogs(), (Modifiers::COMMAND, Key::H), "Kremlin");
    let bar = harness.state().state.find_bar.as_ref();
    assert_eq!(bar.expect("the bar is open").query.text, "Kremlin");
}

/// A system with no file dialog service: paths are typed.
struct NoDialogService;

impl copydesk::app::jobs::FileDialogs for NoDialogService {
    fn available(&self) -> bool {
        false
    }
    fn pick(
        &self,
        _: copydesk::app::jobs::DialogPurpose,
        _: std::sync::mpsc::Sender<copydesk::app::jobs::Outcome>,
    ) {
        unreachable!("no dialog is asked for where none can be shown");
    }
}

/// The path the path prompt holds.
fn typed_path(harness: &Workstation) -> String {
    match &harness.state().state.modal {
        Some(copydesk::app::Modal::PathPrompt { text, .. }) => text.clone(),
        other => panic!("no path prompt: {other:?}"),
    }
}

#[test]
fn a_path_typed_at_once_when_no_dialog_can_ask_goes_to_the_path_box() {
    // The first time a question is ever shown, egui lays it out in a sizing pass of its own.
    let save_as = (Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    let (_dir, mut harness) =
        typed_at_once(std::sync::Arc::new(NoDialogService), save_as, "/tmp/first");
    assert_eq!(typed_path(&harness), "/tmp/first");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.modal.is_none());
    shortcut_then_type(&mut harness, save_as, "/tmp/copy");
    assert_eq!(typed_path(&harness), "/tmp/copy");
}

#[test]
fn a_headline_typed_at_once_after_ctrl_n_goes_to_the_new_article_not_the_search() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness
        .get_by_role_and_label(Role::TextInput, "Search articles")
        .click();
    harness.run_steps(2);
    press_then_type(&mut harness, (Modifiers::COMMAND, Key::N), "Budget");
    assert_eq!(draft(&harness).headline, "Budget");
    assert_eq!(harness.state().state.filter.query, "");
}

#[test]
fn the_keys_go_back_to_the_field_that_had_them_when_the_palette_or_a_question_closes() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, std::sync::Arc::new(NoDialogService));
    let headline = draft(&harness).headline;
    // The palette, closed with Escape: typing goes on where it was, at the end of the headline.
    shortcut_then_type(&mut harness, (Modifiers::COMMAND, Key::K), "sav");
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state.palette.is_none());
    harness.key_press(Key::End);
    harness.event(egui::Event::Text(" today".into()));
    harness.run_steps(2);
    assert_eq!(draft(&harness).headline, format!("{headline} today"));
    // A question answered (the path of a copy): the same.
    let copy = tempfile::tempdir().unwrap();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run_steps(2);
    let path = copy.path().join("Copy").display().to_string();
    harness.event(egui::Event::Text(path));
    harness.key_press(Key::Enter);
    wait_until(&mut harness, |w| w.state.modal.is_none());
    harness.event(egui::Event::Text(" again".into()));
    harness.run_steps(2);
    assert_eq!(draft(&harness).headline, format!("{headline} today again"));
}

/// The sample open, with " More." typed at the end of the standfirst's first line.
fn typed_in_the_standfirst() -> (tempfile::TempDir, Workstation) {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Standfirst",
        " More.",
    );
    (dir, harness)
}

/// A question asked from a button clicked in a pane, after typing in a box: when it closes the
/// keys stay away from that box, left by the click (they went back to it, and the next letter
/// typed went into the standfirst).
#[test]
fn the_keys_do_not_go_back_to_a_box_left_by_a_click_elsewhere() {
    let (_dir, mut harness) = typed_in_the_standfirst();
    let standfirst = draft(&harness).standfirst;
    ask_first_waiver(&mut harness);
    assert!(
        harness.state().state.modal.is_some(),
        "the waiver's question"
    );
    harness.event(egui::Event::Text("Agency spelling".into()));
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    wait_until(&mut harness, |w| w.state.modal.is_none());
    harness.event(egui::Event::Text("x".into()));
    harness.run_steps(2);
    assert_eq!(draft(&harness).standfirst, standfirst);
    assert_eq!(
        draft(&harness).waivers.len(),
        1,
        "the reason went to the waiver"
    );
    // Edit → Copy has no box to act on either.
    assert!(greyed(&mut harness, "Edit", "Copy Ctrl+C"));
}

/// A click on a pane away from the box that had the keys, pressed in one frame and released in
/// a later one as a real mouse does: the Edit menu has no box left to copy from.
#[test]
fn a_click_away_from_a_box_leaves_the_edit_menu_nothing_to_copy() {
    let (_dir, mut harness) = typed_in_the_standfirst();
    assert!(harness.state().state.noted_text_box().is_some());
    let blank = harness
        .get_all_by_label("Corrections")
        .next()
        .unwrap()
        .rect()
        .center();
    primary_button(&harness, blank, true);
    harness.run_steps(2);
    primary_button(&harness, blank, false);
    harness.run_steps(2);
    assert!(greyed(&mut harness, "Edit", "Copy Ctrl+C"));
}

#[test]
fn a_command_run_from_the_palette_gives_the_keys_to_its_box() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // Find in list, chosen in the palette: the search has the keys once the palette is gone
    // (egui keeps them from every box beneath it for a frame after).
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run_steps(2);
    harness.event(egui::Event::Text("find in list".into()));
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(harness.state().state.palette.is_none());
    harness.event(egui::Event::Text("harbour".into()));
    harness.run_steps(2);
    assert_eq!(harness.state().state.filter.query, "harbour");
}

#[test]
fn a_choice_made_with_enter_in_a_drop_down_closes_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The keys on the Status box (Tab from the standfirst), Enter opens its list.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Standfirst")
        .focus();
    harness.run_steps(2);
    harness.key_press(Key::Tab);
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("→ ready").is_some(),
        "the list is open"
    );
    // Down to "→ ready", Enter: the status moves and the list closes, so that another Enter
    // does not choose again under the keys.
    for _ in 0..4 {
        if harness
            .get_by_label("→ ready")
            .accesskit_node()
            .is_focused()
        {
            break;
        }
        harness.key_press(Key::ArrowDown);
        harness.run_steps(2);
    }
    assert!(
        harness
            .get_by_label("→ ready")
            .accesskit_node()
            .is_focused()
    );
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).status, copydesk::model::Status::Ready);
    assert!(
        harness.query_by_label("→ editing").is_none(),
        "the list closed (it would offer the way back to editing)"
    );
    // The keys are back on the Status box: Tab goes on to the Section box after it.
    harness.key_press(Key::Tab);
    harness.run_steps(2);
    // (The list's filter is labelled Section too.)
    let on_section = harness
        .query_all_by_role_and_label(Role::ComboBox, "Section")
        .any(|section| section.accesskit_node().is_focused());
    assert!(on_section, "Tab went on from Status");
}

#[test]
fn the_arrows_choose_among_the_tags_or_zones_offered_and_enter_takes_the_one_chosen() {
    let (_dir, mut harness) = new_article_with("");
    let known = harness.state().state.facets.tags.clone();
    let offered = copydesk::model::tags::offered(&known, &[], "R");
    assert!(offered.len() >= 3, "{offered:?}");
    append_to(&mut harness, Role::TextInput, "Tags", "R");
    // Down twice, up once, down again: the third offer; the keys stay in the box.
    for key in [
        egui::Key::ArrowDown,
        egui::Key::ArrowDown,
        egui::Key::ArrowUp,
        egui::Key::ArrowDown,
    ] {
        harness.key_press(key);
        harness.run_steps(2);
    }
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(draft(&harness).tags, [offered[2].clone()]);
    // Typing again starts from the first offer; past the last, the last stays chosen, and one
    // ↑ goes to the one before it.
    harness
        .get_by_role_and_label(Role::TextInput, "Tags")
        .type_text("R");
    harness.run_steps(2);
    for _ in 0..9 {
        harness.key_press(egui::Key::ArrowDown);
    }
    harness.run_steps(2);
    harness.key_press(egui::Key::ArrowUp);
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let left = copydesk::model::tags::offered(&known, &[offered[2].clone()], "R");
    assert_eq!(draft(&harness).tags[1], left[left.len() - 2]);

    harness
        .get_by_role_and_label(Role::CheckBox, "Embargo")
        .click();
    harness.run_steps(2);
    retype(&mut harness, "Embargo time zone", "america/");
    let zones: Vec<String> = harness
        .query_all_by_role(Role::Button)
        .filter_map(|button| button.accesskit_node().label())
        .filter(|label| label.starts_with("America/"))
        .collect();
    assert!(zones.len() >= 2, "{zones:?}");
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let zone = draft(&harness).embargo.unwrap().time_zone;
    assert_eq!(zone, zones[1], "the second zone offered");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, &zone)
            .is_none(),
        "the offers went with the Enter"
    );
}
