//! The menus driven through the real window (egui_kittest): what cannot run now is greyed out.

mod common;

use common::ui::*;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

#[test]
fn undo_is_greyed_out_until_there_is_something_to_undo_and_edits_while_read_only() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert!(greyed(&mut harness, "Edit", "Undo"));
    assert!(greyed(&mut harness, "Edit", "Redo"));
    append_to(&mut harness, Role::TextInput, "Headline", " today");
    assert!(!greyed(&mut harness, "Edit", "Undo"));
    assert!(!greyed(&mut harness, "Article", "Duplicate article"));
    // Read-only, the article menu's edits are greyed out.
    harness.state_mut().state.read_only = Some("Another Copydesk has it open".into());
    harness.run_steps(2);
    assert!(greyed(&mut harness, "Article", "Duplicate article"));
    assert!(greyed(&mut harness, "Article", "New article"));
    // Save is greyed out; Save As, which writes elsewhere, is not.
    assert!(greyed(&mut harness, "File", "Save Ctrl+S"));
    assert!(!greyed(&mut harness, "File", "Save as"));
}

#[test]
fn a_recent_project_that_is_no_longer_there_is_greyed_out() {
    let (dir, root) = sample_copy();
    let gone = dir.path().join("Moved away.copydesk");
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.settings.recent = vec![root.clone(), gone.clone()];
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open recent").hover();
    harness.run_steps(3);
    let entry = |harness: &Workstation, path: &std::path::Path| {
        harness
            .get_by_label(&path.display().to_string())
            .accesskit_node()
            .is_disabled()
    };
    assert!(!entry(&harness, &root));
    assert!(entry(&harness, &gone));
    // The list can be cleared; the projects themselves are untouched.
    harness.get_by_label("Clear recent projects").click();
    harness.run_steps(2);
    assert!(harness.state().state.settings.recent.is_empty());
    assert!(root.join("bundle.json").is_file());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open recent").hover();
    harness.run_steps(3);
    assert!(harness.query_by_label("No recent projects").is_some());
    let clear = harness.get_by_label("Clear recent projects");
    assert!(clear.accesskit_node().is_disabled());
}

#[test]
fn the_palette_greys_out_what_cannot_run_now() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::K);
    harness.run_steps(2);
    harness.event(egui::Event::Text("undo".into()));
    harness.run_steps(2);
    assert!(
        harness
            .get_by_label_contains("Undo Ctrl+Z")
            .accesskit_node()
            .is_disabled()
    );
    // Enter on it does nothing, and the palette stays for another choice.
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().state.palette.is_some());
}

#[test]
fn the_window_zooms_from_the_keyboard_and_the_view_menu_and_remembers_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let zoom = |harness: &Workstation| {
        (
            harness.state().state.settings.zoom,
            harness.ctx.zoom_factor(),
        )
    };
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Equals);
    harness.run_steps(2);
    assert_eq!(zoom(&harness), (1.2, 1.2));
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Zoom out").click();
    harness.run_steps(3);
    assert_eq!(zoom(&harness), (1.1, 1.1));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert_eq!(zoom(&harness), (1.0, 1.0));
    // The zoom is kept with the window's settings, for the next run.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Minus);
    harness.run_steps(2);
    let saved: copydesk::app::settings::Settings =
        serde_json::from_str(&serde_json::to_string(&harness.state().state.settings).unwrap())
            .unwrap();
    assert_eq!(saved.zoom, 0.9);
}

#[test]
fn f1_lists_every_shortcut_and_help_tells_what_copydesk_is() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press(Key::F1);
    harness.run_steps(3);
    // Each command with its shortcuts, the second ones too.
    assert!(harness.query_by_label("Ctrl+Shift+Z, Ctrl+Y").is_some());
    assert!(harness.query_by_label("Redo").is_some());
    assert!(harness.query_by_label("Shift+F10, Menu key").is_some());
    // It fits the window, its long descriptions wrapped: a row drawn off the window's edge
    // could not be read.
    assert_within_the_window(&harness, "Keyboard shortcuts");
    // Its scroll bar covers none of it, at its end either (the keys in text boxes, whose
    // descriptions wrap to the measure).
    assert!(lines_beside_scroll_bars(&harness) > 5);
    harness.get_by_label("Redo").hover();
    for _ in 0..5 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(3);
    assert!(harness.query_by_label("Tab / Shift+Tab").is_some());
    assert!(lines_beside_scroll_bars(&harness) > 5);
    // Enter closes it (its Close button has the keys).
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().state.modal.is_none());

    harness.get_by_label("Help").click();
    harness.run_steps(2);
    harness.get_by_label("About Copydesk").click();
    harness.run_steps(3);
    let version = format!("Copydesk {}", env!("CARGO_PKG_VERSION"));
    assert!(harness.query_by_label(&version).is_some());
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run_steps(2);
    assert!(harness.state().state.modal.is_none());
}

/// eframe's storage kept in memory.
#[derive(Default)]
struct Storage(std::collections::HashMap<String, String>);

impl eframe::Storage for Storage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn a_project_opened_or_a_preference_changed_is_stored_within_a_second() {
    use copydesk::app::settings::{STORAGE_KEY, Settings};
    use eframe::App;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let long_wait = std::time::Duration::from_secs(30);
    // Opening the project put it in Open recent: the settings go to the storage soon, not at
    // eframe's next half-minute save.
    let workstation = harness.state_mut();
    assert!(workstation.settings_unstored());
    assert_eq!(
        workstation.auto_save_interval(),
        copydesk::ui::SETTINGS_STORED_AFTER
    );
    let mut storage = Storage::default();
    workstation.save(&mut storage);
    let stored: Settings = eframe::get_value(&storage, STORAGE_KEY).expect("settings stored");
    assert_eq!(stored.recent.first(), Some(&root));
    assert!(!workstation.settings_unstored());
    assert_eq!(workstation.auto_save_interval(), long_wait);
    // A preference changed from the menu is stored soon too.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Plus);
    harness.run_steps(2);
    let workstation = harness.state_mut();
    assert_eq!(
        workstation.auto_save_interval(),
        copydesk::ui::SETTINGS_STORED_AFTER
    );
    workstation.save(&mut storage);
    let stored: Settings = eframe::get_value(&storage, STORAGE_KEY).expect("settings stored");
    assert!(stored.zoom > 1.0, "zoomed in: {}", stored.zoom);
}

/// Checks that every label, button and text box is drawn within the window's width.
fn assert_within_the_window(harness: &Workstation, shown: &str) {
    let width = f64::from(harness.ctx.content_rect().width());
    for role in [Role::Label, Role::Button, Role::TextInput, Role::CheckBox] {
        for node in harness.query_all_by_role(role) {
            if let Some(b) = node.accesskit_node().bounding_box() {
                assert!(
                    b.x0 >= 0.0 && b.x1 <= width,
                    "{shown}: {:?} drawn from {} to {} in a window {width} wide",
                    node.accesskit_node().label(),
                    b.x0,
                    b.x1
                );
            }
        }
    }
}

/// Every dialog fits a laptop's window: none grows past its edges.
#[test]
fn every_dialog_fits_a_laptop_s_window() {
    use copydesk::app::command::Command;
    let (_dir, mut harness) = sample_open_at(1024.0, 640.0);
    let dialogs = [
        Command::KeyboardShortcuts,
        Command::About,
        Command::Preferences,
        Command::ProjectSettings,
        Command::ExportDialog,
        Command::OpenPalette,
    ];
    for dialog in dialogs {
        let name = format!("{dialog:?}");
        harness.state_mut().state.apply(dialog);
        harness.run_steps(4);
        assert_within_the_window(&harness, &name);
        if name == "ProjectSettings" {
            for tab in ["Sections", "Checklist", "House style", "Dictionary"] {
                harness.get_by_role_and_label(Role::Tab, tab).click();
                harness.run_steps(4);
                assert_within_the_window(&harness, tab);
            }
        }
        harness.key_press(Key::Escape);
        harness.run_steps(3);
    }
}
