//! Helpers for driving the workstation with egui_kittest.

use copydesk::app::jobs::{DialogPurpose, FileDialogs, Outcome};
use copydesk::app::settings::Settings;
use copydesk::ui::Workstation;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Answers every file dialog with a preset path.
pub struct FakeDialogs(pub Mutex<Option<PathBuf>>);

impl FileDialogs for FakeDialogs {
    fn available(&self) -> bool {
        true
    }
    fn pick(&self, purpose: DialogPurpose, reply: std::sync::mpsc::Sender<Outcome>) {
        let _ = reply.send(Outcome::Picked(purpose, self.0.lock().unwrap().clone()));
    }
}

/// A file dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// `path` dropped on the window, for its next frame.
pub fn drop_on_window(harness: &mut Harness<'static, Workstation>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path)));
}

pub fn fixed_clock() -> chrono::DateTime<chrono::Utc> {
    "2026-11-28T12:00:00Z".parse().unwrap()
}

/// The primary mouse button pressed or released at `pos`, as a real mouse does it.
pub fn primary_button(harness: &Harness<'static, Workstation>, pos: egui::Pos2, pressed: bool) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    });
}

/// A right-click at `pos`, as a real mouse does it, and the frames that show its menu.
pub fn right_click(harness: &mut Harness<'static, Workstation>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(2);
}

/// The text the last frame put on the clipboard, if it did.
pub fn copied(harness: &Harness<'static, Workstation>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

/// Whether the last frame asked the window for `command` (a paste from the clipboard, say).
pub fn window_asked(
    harness: &Harness<'static, Workstation>,
    command: &egui::ViewportCommand,
) -> bool {
    harness
        .output()
        .viewport_output
        .values()
        .any(|viewport| viewport.commands.contains(command))
}

/// A copy of the sample project in a temporary folder.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Sample.copydesk");
    copydesk::sample::extract_sample(&root).unwrap();
    (dir, root)
}

/// A copy of the sample open in a window of `width` × `height` points, its first frames drawn.
pub fn sample_open_at(
    width: f32,
    height: f32,
) -> (tempfile::TempDir, Harness<'static, Workstation>) {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.set_size(egui::vec2(width, height));
    harness.run_steps(3);
    (dir, harness)
}

pub fn open(root: &Path, dialogs: Arc<dyn FileDialogs>) -> Harness<'static, Workstation> {
    open_with(root, dialogs, Harness::builder(), Settings::default())
}

/// The window on the project at `root`, started with `settings` (as kept from an earlier run).
pub fn open_with_settings(root: &Path, settings: Settings) -> Harness<'static, Workstation> {
    open_with(root, no_dialogs(), Harness::builder(), settings)
}

/// The window on the project at `root`, drawing a box for a character no font has (as the real
/// window does) rather than stopping the test there.
pub fn open_allowing_missing_glyphs(
    root: &Path,
    dialogs: Arc<dyn FileDialogs>,
) -> Harness<'static, Workstation> {
    let builder = Harness::builder().allow_missing_glyphs();
    open_with(root, dialogs, builder, Settings::default())
}

fn open_with(
    root: &Path,
    dialogs: Arc<dyn FileDialogs>,
    builder: egui_kittest::HarnessBuilder<Workstation>,
    settings: Settings,
) -> Harness<'static, Workstation> {
    let root = root.to_owned();
    let mut harness = builder.with_size([1400.0, 900.0]).build_eframe(move |cc| {
        let mut workstation = Workstation::new(&cc.egui_ctx, settings, dialogs, Some(root));
        workstation.state.clock = fixed_clock;
        workstation
    });
    wait_until(&mut harness, |w| {
        w.state.bundle.is_some() && w.state.search.is_some() && w.state.review.is_current()
    });
    harness.check_accessibility();
    harness
}

pub fn wait_until(
    harness: &mut Harness<'static, Workstation>,
    done: impl Fn(&Workstation) -> bool,
) {
    for _ in 0..500 {
        harness.step();
        if done(harness.state()) {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out waiting for the workstation");
}

/// Runs frames until the project holds `count` articles (an import runs on a worker).
pub fn wait_for_articles(harness: &mut Harness<'static, Workstation>, count: usize) {
    wait_until(harness, |w| {
        w.state.bundle.as_ref().is_some_and(|b| b.len() == count)
    });
}

/// Clicks the field named `label`, moves to the end of its text and types `text`.
pub fn append_to(harness: &mut Harness<'static, Workstation>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run_steps(2);
    harness.key_press(Key::End);
    harness.run_steps(1);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run_steps(3);
}

/// Presses `key` with `modifiers` and lets the window take it.
pub fn press_key(harness: &mut Harness<'static, Workstation>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(3);
}

/// A new article (Ctrl+N) in a copy of the sample, with `text` typed into its empty body.
pub fn new_article_with(text: &str) -> (tempfile::TempDir, Harness<'static, Workstation>) {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    press_key(&mut harness, Modifiers::COMMAND, Key::N);
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        text,
    );
    (dir, harness)
}

pub fn no_dialogs() -> Arc<FakeDialogs> {
    Arc::new(FakeDialogs(Mutex::new(None)))
}

/// Runs frames until the review thread has checked the article as it is now.
pub fn settle(harness: &mut Harness<'static, Workstation>) {
    // A click's edit happens in the frame after the click, after that frame's review refresh:
    // one frame first, so the wait sees the edit sent for checking.
    harness.step();
    wait_until(harness, |w| w.state.review.is_current());
}

/// Whether the open article's findings, as the review pane shows them, hold one that `is`.
pub fn has_finding(
    harness: &Harness<'static, Workstation>,
    is: impl Fn(&copydesk::review::Finding) -> bool,
) -> bool {
    harness.state().state.review.findings.iter().any(is)
}

/// Where the widget of `role` named `name` is drawn.
pub fn bounds_of(
    harness: &Harness<'static, Workstation>,
    role: Role,
    name: &str,
) -> egui::accesskit::Rect {
    let node = harness.get_by_role_and_label(role, name);
    node.accesskit_node().bounding_box().expect("drawn")
}

/// Clicks the control named `label` and lets the window take the click.
pub fn press(harness: &mut Harness<'static, Workstation>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run_steps(2);
}

/// Clicks the field named `label` and types `text` into it.
pub fn type_into(harness: &mut Harness<'static, Workstation>, role: Role, label: &str, text: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run_steps(2);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run_steps(2);
}

/// The sample's library article, which fails a Required rule (a TK is left in it).
pub const LIBRARY: &str = "5a3e0000-0000-4000-8000-000000000002";

/// Selects an article by id and waits for its review.
pub fn select(harness: &mut Harness<'static, Workstation>, id: &str) {
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::Select(id.parse().unwrap()));
    settle(harness);
}

/// The open article as the window holds it.
pub fn draft(harness: &Harness<'static, Workstation>) -> copydesk::model::Article {
    harness
        .state()
        .state
        .draft
        .clone()
        .expect("an open article")
}

/// The open project's articles, in the project's order.
pub fn article_ids(harness: &Harness<'static, Workstation>) -> Vec<uuid::Uuid> {
    harness
        .state()
        .state
        .bundle
        .as_ref()
        .expect("a project is open")
        .ids()
        .to_vec()
}

/// The project's first article as it stands on disk (what a save wrote).
pub fn first_article_on_disk(root: &Path) -> copydesk::model::Article {
    let mut bundle =
        copydesk::bundle::Bundle::open(root, copydesk::bundle::Access::ReadOnly).expect("open");
    let first = bundle.ids()[0];
    bundle.article(first).expect("the first article").clone()
}

/// Shows the review pane and asks to waive its first finding that can be waived.
pub fn ask_first_waiver(harness: &mut Harness<'static, Workstation>) {
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    harness
        .query_all_by_label_contains("Waive: ")
        .next()
        .expect("a finding that can be waived")
        .click();
    harness.run_steps(3);
}

/// Opens the editor's Section menu (the list's section filter is named "Section" too, and
/// comes first).
pub fn open_editor_section_menu(harness: &mut Harness<'static, Workstation>) {
    harness
        .get_all_by_role_and_label(Role::ComboBox, "Section")
        .last()
        .expect("the editor's section menu")
        .click();
    harness.run_steps(2);
}

/// Whether the entry named `label` of menu `menu` is greyed out (the menu is closed again after).
pub fn greyed(harness: &mut Harness<'static, Workstation>, menu: &str, label: &str) -> bool {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    // An entry's name ends with its shortcut ("Undo Ctrl+Z").
    let disabled = harness
        .get_by_label_contains(label)
        .accesskit_node()
        .is_disabled();
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    disabled
}

/// Clicks entry `label` of menu `menu` and lets the window take the click.
pub fn choose_in_menu(harness: &mut Harness<'static, Workstation>, menu: &str, label: &str) {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    harness.get_by_label_contains(label).click();
    harness.step();
}

/// Opens the project settings dialog from the File menu.
pub fn open_settings(harness: &mut Harness<'static, Workstation>) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Project settings…").click();
    harness.run_steps(3);
}

/// The open project as the window holds it.
pub fn project(harness: &Harness<'static, Workstation>) -> copydesk::model::Project {
    let state = &harness.state().state;
    state.bundle.as_ref().expect("a project").project().clone()
}

/// Clicks the box named `label`, empties it and types `text` into it.
pub fn retype(harness: &mut Harness<'static, Workstation>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(2);
}

/// Asks the window to close, as its title bar's close button does, and lets it answer.
pub fn request_close(harness: &mut Harness<'static, Workstation>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(2);
}

/// Checks that no text box, button or line of text in a scroll area runs under its scroll bar;
/// the number of those beside one.
pub fn lines_beside_scroll_bars(harness: &Harness<'static, Workstation>) -> usize {
    /// The text boxes, buttons and lines of text under `node`; a single-line box's text runs
    /// on past the box (it scrolls, cut at the box's edges) and is left out.
    fn shown(node: egui_kittest::Node<'_>, out: &mut Vec<(Role, egui::accesskit::Rect)>) {
        let role = node.accesskit_node().role();
        let checked = [
            Role::TextInput,
            Role::MultilineTextInput,
            Role::TextRun,
            Role::Button,
        ];
        if checked.contains(&role)
            && let Some(bounds) = node.accesskit_node().bounding_box()
        {
            out.push((role, bounds));
        }
        if role != Role::TextInput {
            for child in node.children() {
                shown(child, out);
            }
        }
    }
    let mut beside_bars = 0;
    for bar in harness.query_all_by_role(Role::ScrollBar) {
        let (Some(bounds), Some(area)) = (bar.accesskit_node().bounding_box(), bar.parent()) else {
            continue;
        };
        let mut inside = Vec::new();
        shown(area, &mut inside);
        for (role, at) in inside {
            let beside = at.y0 < bounds.y1 && bounds.y0 < at.y1 && at.x0 < bounds.x0;
            beside_bars += usize::from(beside);
            assert!(
                !beside || at.x1 <= bounds.x0,
                "a {role:?} at {at:?} runs under the scroll bar at {bounds:?}"
            );
        }
    }
    beside_bars
}

/// In the History pane of an article saved three times in one sitting, opens the sitting and
/// compares its second revision with the latest.
pub fn compare_revision_2_with_the_latest(harness: &mut Harness<'static, Workstation>) {
    harness
        .get_by_label("Show the 2 saves of revisions 2 to 3")
        .click();
    harness.run_steps(3);
    harness
        .get_by_label("Compare revision 2 with the latest")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.history.chosen, Some((1, 2)));
}
