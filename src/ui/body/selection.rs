//! A selection across paragraphs, in characters of the whole body. Ctrl+A selects the whole
//! body; Shift with a movement key that leaves the paragraph (or Shift+click in another one)
//! starts one, and further Shift+movement keys move its end. Copy and cut take its text; typing,
//! pasting, Enter, Backspace and Delete replace it; an arrow collapses it to that side; another
//! key or a click ends it (not a right-click, whose menu copies or cuts it).

use egui::{Event, Key, Modifiers, Ui};
use std::ops::Range;

/// A selection across paragraphs: where it started and its moving end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Where it started, in characters.
    pub anchor: usize,
    /// Its moving end, in characters.
    pub head: usize,
}

impl Span {
    /// The selected characters.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

/// What the selection did with this frame's input.
pub enum Outcome {
    /// Still selected: nothing changed.
    Kept,
    /// The selection ended without a change; the cursor goes to this character when given.
    Ended(Option<usize>),
    /// Its characters are replaced with this text; the selection ends.
    Replaced(String),
}

/// The keys that move a selection's end.
const MOVEMENT: [Key; 8] = [
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::Home,
    Key::End,
    Key::PageUp,
    Key::PageDown,
];

/// Keys that only change the modifiers (egui reports them as keys of their own).
const MODIFIER_KEYS: [Key; 10] = [
    Key::ShiftLeft,
    Key::ShiftRight,
    Key::ControlLeft,
    Key::ControlRight,
    Key::AltLeft,
    Key::AltRight,
    Key::SuperLeft,
    Key::SuperRight,
    Key::CapsLock,
    Key::NumLock,
];

/// Whether Ctrl+A was pressed (consumed, so the paragraph's own text box does not select
/// only itself).
pub fn select_all_pressed(ui: &mut Ui) -> bool {
    ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::A))
}

/// The first Shift+movement key pressed this frame, with whether Ctrl (Cmd) was held; not
/// consumed.
pub fn shift_movement(ui: &Ui) -> Option<(Key, bool)> {
    ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if modifiers.shift && !modifiers.alt && MOVEMENT.contains(key) => {
                Some((*key, modifiers.command))
            }
            _ => None,
        })
    })
}

/// Consumes the presses of a Shift+movement key found by [`shift_movement`]; returns how many
/// there were this frame.
pub fn consume_movement(ui: &mut Ui, key: Key, command: bool) -> usize {
    let modifiers = if command {
        Modifiers::COMMAND | Modifiers::SHIFT
    } else {
        Modifiers::SHIFT
    };
    ui.input_mut(|i| i.count_and_consume_key(modifiers, key))
}

/// Takes the events that act on the selection `span` of `body` out of this frame's input.
pub fn handle(ui: &mut Ui, body: &str, span: Span) -> Outcome {
    let events = ui.input_mut(|i| std::mem::take(&mut i.events));
    // A key that ends the selection: not a shortcut, not a Shift+movement, not a modifier.
    let typing_key = |event: &Event| match event {
        Event::Key {
            pressed: true,
            modifiers,
            key,
            ..
        } => {
            let shortcut = modifiers.command;
            let extends = modifiers.shift && MOVEMENT.contains(key);
            !(shortcut || extends || MODIFIER_KEYS.contains(key))
        }
        _ => false,
    };
    let pressed = |wanted: &[Key]| {
        events.iter().find_map(|e| match e {
            Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } if wanted.contains(key) && !modifiers.command => Some(*key),
            _ => None,
        })
    };
    // Typed text arrives as a key and its text: the text replaces the selection, the key is spent.
    let typed: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(text) | Event::Paste(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let range = span.range();
    let selected = || -> String { body.chars().skip(range.start).take(range.len()).collect() };
    let outcome =
        if events.iter().any(|e| matches!(e, Event::Cut)) {
            ui.ctx().copy_text(selected());
            Outcome::Replaced(String::new())
        } else if !typed.is_empty() {
            Outcome::Replaced(typed)
        } else if pressed(&[Key::Enter]).is_some() {
            Outcome::Replaced("\n".to_owned())
        } else if pressed(&[Key::Backspace, Key::Delete]).is_some() {
            Outcome::Replaced(String::new())
        } else {
            if events.iter().any(|e| matches!(e, Event::Copy)) {
                ui.ctx().copy_text(selected());
            }
            match pressed(&[Key::ArrowLeft, Key::ArrowUp, Key::ArrowRight, Key::ArrowDown]) {
            Some(Key::ArrowLeft | Key::ArrowUp) => Outcome::Ended(Some(range.start)),
            Some(_) => Outcome::Ended(Some(range.end)),
            // A click in the editor's pane ends it, but not a right-click, whose menu copies or
            // cuts it, nor a click in that menu (on another layer than the body's), nor one on
            // the menu bar, whose Edit menu copies or cuts it.
            None if events.iter().any(|e| {
                typing_key(e)
                    || matches!(e, Event::PointerButton { pressed: true, modifiers, button, pos }
                        if !modifiers.shift
                            && *button != egui::PointerButton::Secondary
                            && ui.clip_rect().contains(*pos)
                            && ui.ctx().layer_id_at(*pos) == Some(ui.layer_id()))
            }) =>
            {
                Outcome::Ended(None)
            }
            None => Outcome::Kept,
        }
        };
    let spent = |e: &Event| match &outcome {
        // The keys and text that replaced the selection must not reach a paragraph as well.
        Outcome::Replaced(_) => {
            typing_key(e)
                || matches!(
                    e,
                    Event::Text(_) | Event::Paste(_) | Event::Cut | Event::Copy
                )
        }
        // An arrow that collapsed the selection has done its work.
        Outcome::Ended(Some(_)) => {
            matches!(e, Event::Copy)
                || matches!(e, Event::Key { key, pressed: true, .. }
                    if [Key::ArrowLeft, Key::ArrowUp, Key::ArrowRight, Key::ArrowDown].contains(key))
        }
        _ => matches!(e, Event::Copy),
    };
    let kept: Vec<Event> = events.into_iter().filter(|e| !spent(e)).collect();
    ui.input_mut(|i| i.events = kept);
    outcome
}

/// The rectangles that highlight characters `local` of a paragraph laid out as `galley` at
/// `origin`: one per row, reaching past a row's end when the selection goes on.
pub fn row_rects(
    galley: &egui::Galley,
    local: Range<usize>,
    origin: egui::Pos2,
) -> Vec<egui::Rect> {
    let mut rects = Vec::new();
    let mut start = 0;
    for row in &galley.rows {
        let end = start + row.char_count_excluding_newline().0;
        let next = start + row.char_count_including_newline().0;
        // The row holds characters start..next (its newline included, when it has one).
        if local.start < next.max(end + 1) && local.end > start {
            let from = egui::text::CCursor {
                index: local.start.max(start).into(),
                prefer_next_row: true,
            };
            let left = galley.pos_from_cursor(from).min.x;
            let right = if local.end > end {
                galley.pos_from_cursor(egui::text::CCursor::new(end)).min.x + 6.0
            } else {
                galley
                    .pos_from_cursor(egui::text::CCursor::new(local.end))
                    .min
                    .x
            };
            if right > left {
                let rect = egui::Rect::from_x_y_ranges(left..=right, row.min_y()..=row.max_y());
                rects.push(rect.translate(origin.to_vec2()));
            }
        }
        start = next;
        if start >= local.end {
            break;
        }
    }
    rects
}

/// Where the pointer is while the primary button drags, if it does.
pub fn drag_pointer(ui: &Ui) -> Option<egui::Pos2> {
    ui.input(|i| {
        let dragging = i.pointer.primary_down() && i.pointer.is_decidedly_dragging();
        dragging.then(|| i.pointer.interact_pos()).flatten()
    })
}

/// A drag held near the pane's top or bottom edge scrolls the body on.
pub fn scroll_near_edges(ui: &Ui, pointer: egui::Pos2) {
    let clip = ui.clip_rect();
    let edge = 24.0;
    let speed = if pointer.y > clip.bottom() - edge {
        -12.0
    } else if pointer.y < clip.top() + edge {
        12.0
    } else {
        return;
    };
    ui.scroll_with_delta(egui::vec2(0.0, speed));
    ui.ctx().request_repaint();
}

/// Ctrl+A, Shift with a movement key that leaves paragraph `k` (the focused one), and the keys
/// that act on a selection across paragraphs. Returns where the cursor goes, when it moves.
pub(super) fn across_paragraphs(
    ui: &mut Ui,
    memory: &mut super::Memory,
    body: &mut String,
    k: usize,
    width: f32,
    page: f32,
    output: &mut super::BodyOutput,
) -> Option<usize> {
    let chunks = &memory.chunks;
    let total = chunks.char_start(chunks.len());
    if select_all_pressed(ui) {
        memory.span = (total > 0).then_some(Span {
            anchor: 0,
            head: total,
        });
    }
    // Every Shift+movement key of the frame (a held key repeats several in one frame).
    let mut moved_to = None;
    while let Some((key, command)) = shift_movement(ui) {
        let here = chunks.char_start(k);
        let head = memory
            .span
            .map_or(here + memory.cursor_rows.index(), |s| s.head);
        let moved = super::keys::moved(ui, chunks, head, key, command, width, page);
        // Inside one paragraph, its own text box extends its selection (by a character, a word
        // or a row; Ctrl+Shift+Home, End, Up and Down are the body's).
        let its_own = !command || matches!(key, Key::ArrowLeft | Key::ArrowRight);
        if memory.span.is_none() && chunks.locate(moved).0 == k && its_own {
            break;
        }
        let times = consume_movement(ui, key, command);
        if times == 0 {
            break;
        }
        let head = (1..times).fold(moved, |head, _| {
            super::keys::moved(ui, chunks, head, key, command, width, page)
        });
        let anchor = memory
            .span
            .map_or(here + memory.cursor_rows.anchor(), |s| s.anchor);
        memory.span = (anchor != head).then_some(Span { anchor, head });
        moved_to = Some(head);
    }
    if moved_to.is_some() {
        return moved_to;
    }
    let span = memory.span?;
    match handle(ui, body, span) {
        Outcome::Kept => None,
        Outcome::Ended(at) => {
            memory.span = None;
            at
        }
        Outcome::Replaced(text) => {
            memory.span = None;
            if !ui.is_enabled() {
                return None;
            }
            let range = span.range();
            let byte = |at: usize| crate::text_diff::byte_at_char(body, at);
            let bytes = byte(range.start)..byte(range.end);
            body.replace_range(bytes, &text);
            memory.chunks.sync(body);
            output.changed = true;
            Some(range.start + text.chars().count())
        }
    }
}
