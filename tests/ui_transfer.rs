//! Export driven through the real window (egui_kittest): every format, an article refused unless
//! exported anyway, the articles the list shows, the last folder offered again, the summary, the
//! page opened in a browser, a stopped export and the project's own folders refused. Paste as
//! article and Import file are in `ui_clipboard.rs`.

mod common;

use common::ui::*;
use copydesk::app::Modal;
use copydesk::app::command::Command;
use copydesk::app::jobs::{DialogPurpose, FileDialogs, Outcome};
use copydesk::ui::Workstation;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

fn menu(harness: &mut Harness<'static, Workstation>, menu: &str, entry: &str) {
    harness.get_by_label(menu).click();
    harness.run_steps(2);
    harness.get_by_label_contains(entry).click();
    harness.run_steps(3);
}

/// Exports the open article through the dialog into `out`; returns when the summary shows.
fn export_open_article(harness: &mut Harness<'static, Workstation>, force: bool) {
    menu(harness, "File", "Export…");
    assert!(matches!(
        harness.state().state.modal,
        Some(Modal::Export(_))
    ));
    // The first export waits for a folder, and says so (the next offers the same folder); the
    // status choice is named by its radio button.
    let hint = "Choose the folder to export to, or type its path.";
    assert!(harness.query_by_label("status").is_none());
    if harness.state().state.settings.export_folder.is_empty() {
        assert!(harness.query_by_label(hint).is_some());
        harness.get_by_label("Choose folder…").click();
        harness.run_steps(3);
    }
    assert!(harness.query_by_label(hint).is_none());
    if force {
        harness
            .get_by_label("Export anyway when a Required check fails (recorded on the article)")
            .click();
        harness.run_steps(2);
    }
    harness.check_accessibility();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    wait_until(harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
}

#[test]
fn exporting_from_the_window_writes_every_format_and_sums_up() {
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = open(
        &root,
        Arc::new(FakeDialogs(Mutex::new(Some(out.path().to_owned())))),
    );
    export_open_article(&mut harness, false);
    assert!(
        harness
            .query_by_label_contains("1 article exported (5 files), 0 refused")
            .is_some()
    );
    let slug = "kremlin-indicates-lack-of-progress-following-ukraine-talks-with-us";
    for extension in ["html", "md", "txt", "ninjs.json", "jsonld"] {
        assert!(
            out.path().join(format!("{slug}.{extension}")).exists(),
            "{extension}"
        );
    }
}

#[test]
fn a_failing_article_is_refused_unless_exported_anyway_which_is_recorded() {
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = open(
        &root,
        Arc::new(FakeDialogs(Mutex::new(Some(out.path().to_owned())))),
    );
    select(&mut harness, LIBRARY);
    export_open_article(&mut harness, false);
    assert!(
        harness
            .query_by_label_contains("0 articles exported (0 files), 1 refused")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(
                "Refused city-library-opens-its-stacks-to-night-readers: placeholder"
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("export again with \"Export anyway\" ticked")
            .is_some(),
        "the summary says how to export it anyway"
    );
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    export_open_article(&mut harness, true);
    assert!(
        harness
            .query_by_label_contains("1 article exported (5 files), 0 refused")
            .is_some()
    );
    let log = harness.state().state.draft.clone().unwrap().workflow_log;
    let last = log.last().expect("the forced export is logged");
    assert!(
        last.reason.starts_with("Exported anyway") && last.reason.contains("TK"),
        "{}",
        last.reason
    );
}

#[test]
fn the_articles_the_list_shows_can_be_exported_together() {
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = open(
        &root,
        Arc::new(FakeDialogs(Mutex::new(Some(out.path().to_owned())))),
    );
    harness.state_mut().state.filter.status = Some(copydesk::model::Status::Published);
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(3);
    menu(&mut harness, "File", "Export…");
    // Each choice says how many articles it takes: the list's two, the project's seven, and
    // the one ready article (the status offered first).
    assert!(harness.query_by_label("Every article (7)").is_some());
    let by_status =
        harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Every article with status");
    assert_eq!(
        by_status.accesskit_node().value().as_deref(),
        Some("ready (1)")
    );
    harness
        .get_by_label("The 2 articles the list shows (search and filters)")
        .click();
    harness.get_by_label("Choose folder…").click();
    harness.run_steps(3);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    wait_until(&mut harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
    assert!(
        harness
            .query_by_label_contains("2 articles exported (10 files), 0 refused")
            .is_some()
    );
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 10);
}

/// Types `folder` into the open export dialog, exports with Enter (as the Export button does),
/// and waits for the summary; the folder as typed.
fn export_to_typed_folder(
    harness: &mut Harness<'static, Workstation>,
    folder: &std::path::Path,
) -> String {
    use egui::accesskit::Role;
    let folder = folder.to_string_lossy().into_owned();
    type_into(harness, Role::TextInput, "Folder", &folder);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    wait_until(harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
    folder
}

#[test]
fn the_next_export_offers_the_last_folder_and_formats() {
    use egui::accesskit::{Role, Toggled};
    use egui_kittest::kittest::NodeT;
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = open(&root, no_dialogs());
    menu(&mut harness, "File", "Export…");
    // Markdown alone, to a folder typed in the box.
    for format in ["HTML page", "Plain text", "IPTC ninjs 3.1", "JSON-LD"] {
        harness
            .get_by_role_and_label(Role::CheckBox, format)
            .click();
        harness.run_steps(1);
    }
    let folder = export_to_typed_folder(&mut harness, out.path());
    let mut files: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let slug = "kremlin-indicates-lack-of-progress-following-ukraine-talks-with-us";
    assert_eq!(
        files,
        [format!("{slug}.md"), "media".into()],
        "Markdown alone"
    );
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run_steps(2);
    // The next export starts where the last one left off.
    menu(&mut harness, "File", "Export…");
    let field = harness.get_by_role_and_label(Role::TextInput, "Folder");
    assert_eq!(
        field.accesskit_node().value().as_deref(),
        Some(folder.as_str())
    );
    let ticked = |harness: &Harness<'static, Workstation>, format: &str| {
        let node = harness.get_by_role_and_label(Role::CheckBox, format);
        node.accesskit_node().toggled() == Some(Toggled::True)
    };
    assert!(ticked(&harness, "Markdown"));
    assert!(!ticked(&harness, "HTML page"));
    assert_eq!(harness.state().state.settings.export_folder, folder);
    // Exporting again says that it replaced the earlier file.
    let replaced = "Replaced 1 earlier file of the same name already in the folder.";
    assert!(harness.query_by_label(replaced).is_none());
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    wait_until(&mut harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
    assert!(harness.query_by_label(replaced).is_some());
}

/// No dialogs, and a file manager that notes which folders it was asked to show.
struct ShowsFolders(Mutex<Vec<PathBuf>>);

impl FileDialogs for ShowsFolders {
    fn available(&self) -> bool {
        false
    }
    fn pick(&self, _: DialogPurpose, _: std::sync::mpsc::Sender<Outcome>) {}
    fn show(&self, folder: &std::path::Path) -> bool {
        self.0.lock().unwrap().push(folder.to_owned());
        true
    }
}

#[test]
fn the_export_summary_shows_the_folder_in_the_file_manager() {
    use egui::accesskit::Role;
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let file_manager = Arc::new(ShowsFolders(Mutex::new(Vec::new())));
    let mut harness = open(&root, file_manager.clone());
    menu(&mut harness, "File", "Export…");
    let folder = export_to_typed_folder(&mut harness, out.path());
    harness
        .get_by_role_and_label(Role::Button, "Show the folder")
        .click();
    // The file manager is asked on a worker thread: the window goes on meanwhile.
    wait_until(&mut harness, |_| !file_manager.0.lock().unwrap().is_empty());
    assert_eq!(*file_manager.0.lock().unwrap(), [out.path().to_owned()]);
    // Without a file manager, the status bar says where the files are.
    harness.state_mut().state.jobs.dialogs = no_dialogs();
    harness
        .get_by_role_and_label(Role::Button, "Show the folder")
        .click();
    wait_until(&mut harness, |w| {
        w.state
            .notice
            .as_ref()
            .is_some_and(|n| n.text.starts_with("No file manager"))
    });
    let notice = harness.state().state.notice.clone().expect("a notice");
    assert!(notice.error && notice.text.ends_with(&format!("the files are in {folder}")));
}

#[test]
fn the_page_opens_in_the_browser_as_the_editor_has_it_and_nothing_is_recorded() {
    let (_dir, root) = sample_copy();
    let data = tempfile::tempdir().unwrap();
    let browser = Arc::new(ShowsFolders(Mutex::new(Vec::new())));
    let mut harness = open(&root, browser.clone());
    harness.state_mut().state.page_folder = data.path().to_owned();
    append_to(
        &mut harness,
        egui::accesskit::Role::TextInput,
        "Headline",
        " today",
    );
    // Saved now, so that no autosave's notice comes while the page is opened.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    let page_shown = |harness: &mut Harness<'static, Workstation>, browser: &ShowsFolders| {
        let seen = browser.0.lock().unwrap().len();
        let asked = std::time::Instant::now();
        harness.get_by_label("View").click();
        harness.run_steps(2);
        harness.get_by_label("Open the page in a browser").click();
        // Until the browser was asked and the window has heard back (the page is written and
        // the browser started off the window's thread; on a busy machine the answer comes
        // frames later).
        wait_until(harness, |w| {
            browser.0.lock().unwrap().len() > seen
                && w.state
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.at >= asked && (n.text.starts_with("Opened ") || n.error))
        });
        browser.0.lock().unwrap().last().cloned().unwrap()
    };
    let page = page_shown(&mut harness, &browser);
    assert!(page.starts_with(data.path()) && page.extension().unwrap() == "html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("Kremlin indicates lack of progress following Ukraine talks with US today")
    );
    // Its pictures are beside it.
    assert!(
        page.parent()
            .unwrap()
            .join("media")
            .read_dir()
            .unwrap()
            .count()
            > 0
    );
    let notice = harness.state().state.notice.clone().expect("a notice");
    assert!(
        notice.text.starts_with("Opened ") && notice.text.ends_with(" in the browser"),
        "{}",
        notice.text
    );

    // An article failing a Required check is shown too, and no "export anyway" is recorded.
    select(&mut harness, LIBRARY);
    let before = draft(&harness);
    let page = page_shown(&mut harness, &browser);
    assert!(std::fs::read_to_string(&page).unwrap().contains("TK"));
    harness.run_steps(2);
    assert_eq!(draft(&harness), before);
}

#[test]
fn a_running_export_can_be_stopped_and_what_it_wrote_stays() {
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = open(&root, no_dialogs());
    menu(&mut harness, "File", "Export…");
    let state = &mut harness.state_mut().state;
    if let Some(Modal::Export(choice)) = &mut state.modal {
        choice.folder = out.path().to_string_lossy().into_owned();
    }
    // Started, then stopped before a frame has passed: the worker has barely begun.
    state.apply(Command::StartExport);
    assert!(matches!(state.modal, Some(Modal::Exporting { .. })));
    state.apply(Command::StopExport);
    assert!(state.stopping());
    wait_until(&mut harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
    assert!(harness.query_by_label("Export stopped").is_some());
    let Some(Modal::ExportSummary(report)) = &harness.state().state.modal else {
        unreachable!("waited for the summary");
    };
    assert!(report.stopped && report.exported < 7);
    // What it wrote before it stopped stays.
    let written = std::fs::read_dir(out.path()).unwrap().flatten();
    let files = written.filter(|entry| entry.path().is_file()).count();
    assert_eq!(files, report.files);
    // The dialog's progress offers the stop.
    harness.state_mut().state.modal = Some(Modal::Exporting {
        done: 3,
        total: 7,
        formats: vec![copydesk::export::Format::Text],
    });
    harness.run_steps(2);
    let stop = harness.get_by_role_and_label(egui::accesskit::Role::Button, "Stop the export");
    assert!(!stop.accesskit_node().is_disabled());
    harness.check_accessibility();
}

#[test]
fn the_export_dialog_says_before_exporting_that_the_open_article_would_be_refused() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let warning = "The open article fails a Required check";
    menu(&mut harness, "File", "Export…");
    assert!(harness.query_by_label_contains(warning).is_none());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    select(&mut harness, LIBRARY);
    menu(&mut harness, "File", "Export…");
    // It names what fails, as the review pane does, and what to do.
    let named = format!(
        "{warning} (Body: Placeholder \"TK\" left in the body; Body: Placeholder \"TKTK\" left in the body)."
    );
    assert!(harness.query_by_label(&named).is_some());
    let refused = "It will be refused unless \"Export anyway\" is ticked.";
    assert!(harness.query_by_label(refused).is_some());
    // Ticking "Export anyway" changes what it says, not where the buttons are.
    let export_at = bounds_of(&harness, egui::accesskit::Role::Button, "Export");
    harness
        .get_by_label("Export anyway when a Required check fails (recorded on the article)")
        .click();
    harness.run_steps(3);
    assert!(harness.query_by_label(refused).is_none());
    assert!(
        harness
            .query_by_label("It will be exported anyway, and that is recorded on it.")
            .is_some()
    );
    assert_eq!(
        bounds_of(&harness, egui::accesskit::Role::Button, "Export"),
        export_at
    );
}

/// A folder typed into the export dialog that is the project's own, or in its storage, is
/// named in the dialog before anything is exported, and Export waits for another; a folder of
/// its own within the project is fine.
#[test]
fn the_export_dialog_will_not_export_into_the_project_s_own_folders() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    menu(&mut harness, "File", "Export…");
    let articles = root.join("articles").to_string_lossy().into_owned();
    type_into(&mut harness, Role::TextInput, "Folder", &articles);
    let said = "Not into the project's articles folder: choose one outside the project.";
    assert!(
        harness.query_by_label(said).is_some(),
        "the dialog says why"
    );
    let export = harness.get_by_role_and_label(Role::Button, "Export");
    assert!(export.accesskit_node().is_disabled(), "Export waits");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(matches!(
        harness.state().state.modal,
        Some(Modal::Export(_))
    ));
    // A folder of its own within the project.
    let field = harness.get_by_role_and_label(Role::TextInput, "Folder");
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    let exports = root.join("exports");
    harness
        .get_by_role_and_label(Role::TextInput, "Folder")
        .type_text(&exports.to_string_lossy());
    harness.run_steps(2);
    assert!(harness.query_by_label(said).is_none());
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    wait_until(&mut harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
    assert!(exports.is_dir());
}

/// Enter in the dialog exports from a radio button or a checkbox holding the keys too, as a
/// desktop dialog's default button does, and chooses nothing (Space does that).
#[test]
fn enter_on_a_choice_exports_without_changing_it() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    let (_dir, root) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let mut harness = open(&root, no_dialogs());
    menu(&mut harness, "File", "Export…");
    let folder = out.path().to_string_lossy().into_owned();
    type_into(&mut harness, Role::TextInput, "Folder", &folder);
    press_key(&mut harness, egui::Modifiers::SHIFT, egui::Key::Tab);
    let every = harness.get_by_role_and_label(Role::RadioButton, "Every article (7)");
    assert!(
        every.accesskit_node().is_focused(),
        "the radio holds the keys"
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    wait_until(&mut harness, |w| {
        matches!(w.state.modal, Some(Modal::ExportSummary(_)))
    });
    let Some(Modal::ExportSummary(report)) = &harness.state().state.modal else {
        unreachable!("waited for the summary");
    };
    assert_eq!(report.exported, 1, "the open article, as chosen");
}
