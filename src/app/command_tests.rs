//! The command table's own checks: shortcuts, labels.

use super::*;
use crate::app::command_keys::{CMD, CMD_SHIFT};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::collections::HashMap;

#[test]
fn no_two_commands_share_a_shortcut() {
    let mut seen: HashMap<KeyboardShortcut, String> = HashMap::new();
    for command in PALETTE {
        for shortcut in command.shortcuts().iter().chain(command.text_box_keys()) {
            if let Some(other) = seen.insert(*shortcut, command.label()) {
                panic!(
                    "{shortcut:?} is bound to both {other} and {}",
                    command.label()
                );
            }
        }
    }
    assert!(seen.len() >= 20);
}

#[test]
fn every_palette_command_has_a_distinct_label() {
    let mut labels: Vec<String> = PALETTE.iter().map(Command::label).collect();
    labels.sort();
    labels.dedup();
    assert_eq!(labels.len(), PALETTE.len());
}

#[test]
fn the_issue_s_shortcuts_are_bound() {
    let has =
        |c: Command, m: Modifiers, k: Key| c.shortcuts().contains(&KeyboardShortcut::new(m, k));
    assert!(has(Command::Save, CMD, Key::S));
    assert!(has(Command::SaveAs, CMD_SHIFT, Key::S));
    assert!(has(Command::NewArticle, CMD, Key::N));
    assert!(has(Command::FindInList, CMD, Key::F));
    assert!(has(Command::Undo, CMD, Key::Z));
    assert!(has(Command::Redo, CMD_SHIFT, Key::Z) && has(Command::Redo, CMD, Key::Y));
    assert!(has(Command::OpenPalette, CMD_SHIFT, Key::P) && has(Command::OpenPalette, CMD, Key::K));
}

#[test]
fn a_comma_shortcut_is_shown_as_a_comma() {
    let ctx = egui::Context::default();
    let shown = Command::Preferences.shortcut_text(&ctx).unwrap();
    assert!(shown.ends_with(',') && !shown.contains("Comma"), "{shown}");
}
