//! The commands' keyboard shortcuts, and which were pressed this frame.

use super::command::{Command, Markup, PALETTE, TextAction};
use crate::app::find::FindAction;
use crate::app::settings::{SidePane, Zoom};
use egui::{Key, KeyboardShortcut, Modifiers};

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// Shortcuts that a text box also uses (Ctrl+Delete deletes the next word): commands take them
/// only when no text box has the keys.
pub const TEXT_EDITING_KEYS: &[KeyboardShortcut] = &[key(CMD, Key::Delete)];

pub(super) const CMD: Modifiers = Modifiers::COMMAND;
pub(super) const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const CMD_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);

impl Command {
    /// The keyboard shortcuts, most important first.
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        const SAVE: &[KeyboardShortcut] = &[key(CMD, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::S)];
        const NEW_ARTICLE: &[KeyboardShortcut] = &[key(CMD, Key::N)];
        const NEW_PROJECT: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::N)];
        const OPEN: &[KeyboardShortcut] = &[key(CMD, Key::O)];
        const DUPLICATE: &[KeyboardShortcut] = &[key(CMD, Key::D)];
        const DELETE: &[KeyboardShortcut] = &[key(CMD, Key::Delete)];
        const FIND: &[KeyboardShortcut] = &[key(CMD, Key::F)];
        const FIND_IN_ARTICLE: &[KeyboardShortcut] = &[key(CMD, Key::H)];
        const NEXT_MATCH: &[KeyboardShortcut] = &[key(Modifiers::NONE, Key::F3)];
        const PREVIOUS_MATCH: &[KeyboardShortcut] = &[key(Modifiers::SHIFT, Key::F3)];
        const UNDO: &[KeyboardShortcut] = &[key(CMD, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::Z), key(CMD, Key::Y)];
        const PALETTE_KEYS: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::P), key(CMD, Key::K)];
        const CYCLE: &[KeyboardShortcut] = &[key(CMD, Key::P)];
        const LIST: &[KeyboardShortcut] = &[key(CMD, Key::Num1)];
        const PREVIEW: &[KeyboardShortcut] = &[key(CMD, Key::Num3)];
        const QUIT: &[KeyboardShortcut] = &[key(CMD, Key::Q)];
        const BOLD: &[KeyboardShortcut] = &[key(CMD, Key::B)];
        const ITALIC: &[KeyboardShortcut] = &[key(CMD, Key::I)];
        const LINK: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::L)];
        const HEADING: &[KeyboardShortcut] = &[key(CMD_ALT, Key::H)];
        const QUOTE: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::Q)];
        const BULLETS: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::Num8)];
        const UP: &[KeyboardShortcut] = &[key(CMD_ALT, Key::ArrowUp)];
        const NEXT: &[KeyboardShortcut] = &[key(CMD, Key::PageDown)];
        const PREVIOUS: &[KeyboardShortcut] = &[key(CMD, Key::PageUp)];
        const DOWN: &[KeyboardShortcut] = &[key(CMD_ALT, Key::ArrowDown)];
        const SHOW_PREVIEW: &[KeyboardShortcut] = &[key(CMD_ALT, Key::Num1)];
        const SHOW_REVIEW: &[KeyboardShortcut] = &[key(CMD_ALT, Key::Num2)];
        const SHOW_HISTORY: &[KeyboardShortcut] = &[key(CMD_ALT, Key::Num3)];
        const EXPORT: &[KeyboardShortcut] = &[key(CMD, Key::E)];
        const PREFERENCES: &[KeyboardShortcut] = &[key(CMD, Key::Comma)];
        const HELP: &[KeyboardShortcut] = &[key(Modifiers::NONE, Key::F1)];
        const ZOOM_IN: &[KeyboardShortcut] = &[key(CMD, Key::Plus), key(CMD, Key::Equals)];
        const ZOOM_OUT: &[KeyboardShortcut] = &[key(CMD, Key::Minus)];
        const ZOOM_RESET: &[KeyboardShortcut] = &[key(CMD, Key::Num0)];
        const IMPORT: &[KeyboardShortcut] = &[key(CMD_SHIFT, Key::I)];
        const NEXT_FINDING: &[KeyboardShortcut] = &[key(Modifiers::NONE, Key::F8)];
        const PREVIOUS_FINDING: &[KeyboardShortcut] = &[key(Modifiers::SHIFT, Key::F8)];
        match self {
            Command::Save => SAVE,
            Command::SaveAs => SAVE_AS,
            Command::NewArticle => NEW_ARTICLE,
            Command::NewProject => NEW_PROJECT,
            Command::Open => OPEN,
            Command::DuplicateArticle => DUPLICATE,
            Command::DeleteArticle => DELETE,
            Command::FindInList => FIND,
            Command::Find(FindAction::Open) => FIND_IN_ARTICLE,
            Command::Find(FindAction::Next) => NEXT_MATCH,
            Command::Find(FindAction::Previous) => PREVIOUS_MATCH,
            Command::Undo => UNDO,
            Command::Redo => REDO,
            Command::OpenPalette => PALETTE_KEYS,
            Command::CyclePreviewMode => CYCLE,
            Command::ToggleListPane => LIST,
            Command::TogglePreviewPane => PREVIEW,
            Command::Quit => QUIT,
            Command::Format(Markup::Bold) => BOLD,
            Command::Format(Markup::Italic) => ITALIC,
            Command::Format(Markup::Link) => LINK,
            Command::Format(Markup::Heading) => HEADING,
            Command::Format(Markup::Quote) => QUOTE,
            Command::Format(Markup::List) => BULLETS,
            Command::NextArticle => NEXT,
            Command::PreviousArticle => PREVIOUS,
            Command::MoveUp => UP,
            Command::MoveDown => DOWN,
            Command::ShowSidePane(SidePane::Preview) => SHOW_PREVIEW,
            Command::ShowSidePane(SidePane::Review) => SHOW_REVIEW,
            Command::ShowSidePane(SidePane::History) => SHOW_HISTORY,
            Command::ExportDialog => EXPORT,
            Command::Preferences => PREFERENCES,
            Command::KeyboardShortcuts => HELP,
            Command::Zoom(Zoom::In) => ZOOM_IN,
            Command::Zoom(Zoom::Out) => ZOOM_OUT,
            Command::Zoom(Zoom::Reset) => ZOOM_RESET,
            Command::ImportFile => IMPORT,
            Command::NextFinding => NEXT_FINDING,
            Command::PreviousFinding => PREVIOUS_FINDING,
            _ => &[],
        }
    }

    /// The keys a text box answers itself for this command (Ctrl+X, C, V and A), which menus
    /// and the palette show; the window does not take them as shortcuts.
    pub fn text_box_keys(&self) -> &'static [KeyboardShortcut] {
        const CUT: &[KeyboardShortcut] = &[key(CMD, Key::X)];
        const COPY: &[KeyboardShortcut] = &[key(CMD, Key::C)];
        const PASTE: &[KeyboardShortcut] = &[key(CMD, Key::V)];
        const SELECT_ALL: &[KeyboardShortcut] = &[key(CMD, Key::A)];
        match self {
            Command::EditText(TextAction::Cut) => CUT,
            Command::EditText(TextAction::Copy) => COPY,
            Command::EditText(TextAction::Paste) => PASTE,
            Command::EditText(TextAction::SelectAll) => SELECT_ALL,
            _ => &[],
        }
    }

    /// The first shortcut as text ("Ctrl+S"), for menus and the palette.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        let mut keys = self.shortcuts().iter().chain(self.text_box_keys());
        keys.next().map(|s| shortcut_name(ctx, s))
    }

    /// The commands whose shortcut was pressed this frame, consumed so no widget also sees them.
    /// Shortcuts with more modifiers are matched first (Ctrl+Shift+S before Ctrl+S). While a
    /// text box has the keys (`typing`), the keys it edits with are left to it.
    pub fn pressed(input: &mut egui::InputState, typing: bool) -> Vec<Command> {
        let mut bindings: Vec<(KeyboardShortcut, &Command)> = PALETTE
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
            .filter(|(s, _)| !(typing && TEXT_EDITING_KEYS.contains(s)))
            .collect();
        bindings.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut pressed = Vec::new();
        for (shortcut, command) in bindings {
            if input.consume_shortcut(&shortcut) {
                pressed.push(command.clone());
            }
        }
        pressed
    }
}

/// A shortcut as menus show it: egui's name for it, with a comma shown as one ("Ctrl+,", not
/// "Ctrl+Comma").
pub fn shortcut_name(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let name = ctx.format_shortcut(shortcut);
    match shortcut.logical_key {
        Key::Comma => name.replace("Comma", ","),
        _ => name,
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}
