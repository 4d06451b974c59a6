//! The body's format commands over a selection that runs across paragraphs, and with no cursor
//! in the body, driven through the real window (egui_kittest).

mod common;

use common::ui::{append_to, draft, no_dialogs, open, sample_copy};
use egui::accesskit::Role;
use egui::{Key, Modifiers};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

fn press(harness: &mut Workstation, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(3);
}

/// Bold over three paragraphs makes each bold on its own: Markdown's emphasis cannot cross a
/// blank line, and "**One.\n\nTwo.\n**" showed its asterisks on the page.
#[test]
fn bold_over_several_paragraphs_is_bold_in_each() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press(&mut harness, Modifiers::COMMAND, Key::N);
    let body = "One two.\n\nThree four.\n\nFive.";
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        body,
    );
    press(&mut harness, Modifiers::COMMAND, Key::Home);
    for _ in 0..3 {
        press(&mut harness, Modifiers::SHIFT, Key::ArrowDown);
    }
    assert_eq!(harness.state().state.body_selection, Some((0, 22)));
    press(&mut harness, Modifiers::COMMAND, Key::B);
    assert_eq!(
        draft(&harness).body,
        "**One two.**\n\n**Three four.**\n\nFive."
    );
    // A link cannot run across paragraphs: it is refused, and the body stays.
    press(&mut harness, Modifiers::COMMAND, Key::A);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    assert_eq!(
        draft(&harness).body,
        "**One two.**\n\n**Three four.**\n\nFive."
    );
    let notice = harness.state().state.notice.clone().expect("a message");
    assert!(
        notice.text.contains("within one paragraph"),
        "{}",
        notice.text
    );
}

/// Bold before the body ever had the cursor (the keys in the headline of a new article) does
/// not write "****" at the body's end: it says where to click.
#[test]
fn bold_with_no_cursor_in_the_body_says_where_to_click() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press(&mut harness, Modifiers::COMMAND, Key::N);
    append_to(&mut harness, Role::TextInput, "Headline", "Council");
    press(&mut harness, Modifiers::COMMAND, Key::B);
    assert_eq!(draft(&harness).body, "");
    let notice = harness.state().state.notice.clone().expect("a message");
    assert!(
        notice.text.starts_with("Click in the body first"),
        "{}",
        notice.text
    );
}
