//! Ctrl+A in the body selects the whole body, across its paragraphs: copy and cut take all of
//! it, typing or pasting replaces it, Backspace and Delete clear it, and any other key or a click
//! ends the selection.

use egui::{Event, Key, Modifiers, Ui};

/// What the whole-body selection did with this frame's input.
pub enum Outcome {
    /// Still selected: nothing changed.
    Kept,
    /// The selection ended without a change (a click or another key, which go on to the text).
    Ended,
    /// The body was replaced with this text (empty after a cut or a delete); the selection ends.
    Replaced(String),
}

/// Whether Ctrl+A was pressed (consumed, so the paragraph's own text box does not select
/// only itself).
pub fn pressed(ui: &mut Ui) -> bool {
    ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::A))
}

/// Takes the events that act on a whole-body selection of `body` out of this frame's input.
pub fn handle(ui: &mut Ui, body: &str) -> Outcome {
    let events = ui.input_mut(|i| std::mem::take(&mut i.events));
    let typing_key = |event: &Event| matches!(event, Event::Key { pressed: true, modifiers, .. } if !modifiers.command);
    let key = |wanted: &[Key]| {
        events.iter().any(|e| {
            matches!(e, Event::Key { key, pressed: true, modifiers, .. }
                if wanted.contains(key) && !modifiers.command)
        })
    };
    // Typed text arrives as a key and its text: the text replaces the body, the key is spent.
    let typed: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(text) | Event::Paste(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let outcome = if events.iter().any(|e| matches!(e, Event::Cut)) {
        ui.ctx().copy_text(body.to_owned());
        Outcome::Replaced(String::new())
    } else if !typed.is_empty() {
        Outcome::Replaced(typed)
    } else if key(&[Key::Enter]) {
        Outcome::Replaced("\n".to_owned())
    } else if key(&[Key::Backspace, Key::Delete]) {
        Outcome::Replaced(String::new())
    } else {
        if events.iter().any(|e| matches!(e, Event::Copy)) {
            ui.ctx().copy_text(body.to_owned());
        }
        let ends = events
            .iter()
            .any(|e| typing_key(e) || matches!(e, Event::PointerButton { pressed: true, .. }));
        if ends { Outcome::Ended } else { Outcome::Kept }
    };
    let kept: Vec<Event> = match outcome {
        // The keys and text that replaced the body must not reach a paragraph as well.
        Outcome::Replaced(_) => events
            .into_iter()
            .filter(|e| {
                !typing_key(e)
                    && !matches!(
                        e,
                        Event::Text(_) | Event::Paste(_) | Event::Cut | Event::Copy
                    )
            })
            .collect(),
        _ => events
            .into_iter()
            .filter(|e| !matches!(e, Event::Copy))
            .collect(),
    };
    ui.input_mut(|i| i.events = kept);
    outcome
}
