//! Importing from the window, driven through the real window (egui_kittest): a file is read and
//! turned into an article on a worker, so a slow one (a page of megabytes, a far share) does not
//! hold the window, and what arrives goes into the project it was imported into.

mod common;

use common::ui::*;
use copydesk::app::command::Command;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

type Window = Harness<'static, copydesk::ui::Workstation>;

/// The status bar's line.
fn notice(harness: &Window) -> String {
    let notice = harness.state().state.notice.as_ref();
    notice.map(|n| n.text.clone()).unwrap_or_default()
}

/// Makes `path` a file whose bytes come only when [`let_read`] gives them (a named pipe): a
/// file as slow to read as the test wants.
#[cfg(unix)]
fn make_slow(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|status| status.success()), "mkfifo");
}

/// Gives the slow file its text, and ends it.
#[cfg(unix)]
fn let_read(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

const HARBOUR: &str = "---\ntitle: Harbour club wins again\n---\n\nThe club won.\n";

/// A copy of the sample open in the window, with file `name` made by `make` in its folder and
/// offered by the file dialog.
fn sample_offering(name: &str, make: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf, Window) {
    let (dir, root) = sample_copy();
    let file = dir.path().join(name);
    make(&file);
    let dialogs = FakeDialogs(Mutex::new(Some(file.clone())));
    (dir, file, open(&root, Arc::new(dialogs)))
}

/// File → Import file… in the window, and the frames after.
fn import_through_the_menu(harness: &mut Window) {
    choose_in_menu(harness, "File", "Import file…");
    harness.run_steps(3);
}

/// A copy of the sample importing a slow "harbour.md" through the menu ([`make_slow`]).
#[cfg(unix)]
fn importing_a_slow_file() -> (tempfile::TempDir, PathBuf, Window) {
    let (dir, slow, mut harness) = sample_offering("harbour.md", make_slow);
    import_through_the_menu(&mut harness);
    (dir, slow, harness)
}

#[cfg(unix)]
#[test]
fn a_slow_file_is_imported_on_a_worker_and_the_window_goes_on_meanwhile() {
    let (_dir, slow, mut harness) = importing_a_slow_file();
    let before = article_ids(&harness).len();
    let importing = "Importing harbour.md…";
    assert!(harness.query_by_label(importing).is_some(), "said at once");
    append_to(&mut harness, Role::TextInput, "Search articles", "Kremlin");
    assert_eq!(
        harness.state().state.visible.len(),
        1,
        "the window searches while the file is read"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run_steps(2);
    assert!(
        harness.state().state.visible.len() > 1,
        "the search emptied"
    );
    // Other news does not take the import's line from the status bar.
    harness.state_mut().state.tell("Saved");
    harness.run_steps(2);
    assert!(
        harness.query_by_label(importing).is_some(),
        "still importing"
    );
    assert_eq!(article_ids(&harness).len(), before, "nothing arrived yet");
    let_read(&slow, HARBOUR);
    wait_until(&mut harness, |w| {
        w.state.draft.as_ref().map(|d| d.headline.as_str()) == Some("Harbour club wins again")
    });
    assert_eq!(article_ids(&harness).len(), before + 1);
    assert_eq!(notice(&harness), "Imported “Harbour club wins again”");
    assert!(harness.query_by_label(importing).is_none(), "done");
}

#[cfg(unix)]
#[test]
fn a_file_still_read_when_its_project_closes_goes_into_no_other() {
    let (_dir, slow, mut harness) = importing_a_slow_file();
    let (_other_dir, other) = sample_copy();
    drop_on_window(&mut harness, other.clone());
    wait_until(&mut harness, |w| {
        w.state.bundle.as_ref().is_some_and(|b| b.root() == other)
    });
    let before = article_ids(&harness).len();
    let_read(&slow, HARBOUR);
    wait_until(&mut harness, |w| {
        w.state
            .notice
            .as_ref()
            .is_some_and(|n| n.text.contains("harbour.md"))
    });
    assert_eq!(
        notice(&harness),
        "harbour.md was not imported: the project it was imported into was closed"
    );
    assert_eq!(
        article_ids(&harness).len(),
        before,
        "nothing came into the other"
    );
}

#[test]
fn a_file_that_cannot_be_imported_says_why_when_its_reading_ends() {
    let blank = |file: &Path| std::fs::write(file, "  \n").unwrap();
    let (_dir, _, mut harness) = sample_offering("blank.md", blank);
    import_through_the_menu(&mut harness);
    let before = article_ids(&harness).len();
    wait_until(&mut harness, |w| {
        w.state.notice.as_ref().is_some_and(|n| n.error)
    });
    assert!(
        notice(&harness).ends_with("blank.md: the file is empty"),
        "{}",
        notice(&harness)
    );
    assert_eq!(article_ids(&harness).len(), before);
}

#[test]
fn pages_dropped_together_are_imported_in_the_order_dropped() {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let selected = harness.state().state.selected.expect("an article is open");
    let at = article_ids(&harness)
        .iter()
        .position(|id| *id == selected)
        .unwrap();
    let before = article_ids(&harness).len();
    for (name, headline) in [
        ("first.md", "First dropped"),
        ("second.md", "Second dropped"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("# {headline}\n\nText.\n")).unwrap();
        drop_on_window(&mut harness, path);
    }
    wait_until(&mut harness, |w| {
        w.state
            .bundle
            .as_ref()
            .is_some_and(|b| b.len() == before + 2)
    });
    let bundle = harness.state().state.bundle.as_ref().unwrap();
    let headlines: Vec<String> = (at + 1..at + 3)
        .map(|i| {
            bundle
                .summary_at(i)
                .map(|s| s.headline.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(headlines, ["First dropped", "Second dropped"]);
}

#[test]
fn a_page_dropped_on_a_read_only_project_is_not_imported_and_the_window_says_why() {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.read_only = Some("Another Copydesk has it open".into());
    let before = article_ids(&harness).len();
    let page = dir.path().join("page.md");
    std::fs::write(&page, "# A page\n\nText.\n").unwrap();
    drop_on_window(&mut harness, page);
    harness.run_steps(3);
    assert_eq!(
        notice(&harness),
        "The project is open read-only: nothing was imported."
    );
    assert_eq!(article_ids(&harness).len(), before);
}

#[test]
fn files_dropped_together_are_summed_up_once_with_each_refusal_in_full() {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = article_ids(&harness).len();
    let files = [
        ("first.md", "# First dropped\n\nText.\n"),
        ("blank.md", "  \n"),
        ("second.md", "# Second dropped\n\nText.\n"),
    ];
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        drop_on_window(&mut harness, path);
    }
    harness.run_steps(1);
    assert!(
        harness
            .query_by_label_contains("Importing 3 files")
            .is_some()
    );
    wait_until(&mut harness, |w| {
        w.state.notice.as_ref().is_some_and(|n| n.error)
    });
    assert_eq!(article_ids(&harness).len(), before + 2);
    let said = harness.state().state.notice.clone().unwrap();
    assert_eq!(said.text, "Imported 2 of 3 files; 1 could not be imported");
    assert_eq!(said.details.len(), 1);
    assert!(
        said.details[0].ends_with("blank.md: the file is empty"),
        "{:?}",
        said.details
    );
}

/// Imports a slow file through the menu, then does `meanwhile` in the window, which lets the
/// file be read by calling the function it is given; then waits for the article.
#[cfg(unix)]
fn import_slowly(meanwhile: impl FnOnce(&mut Window, &dyn Fn())) -> (tempfile::TempDir, Window) {
    let (dir, slow, mut harness) = importing_a_slow_file();
    let before = article_ids(&harness).len();
    meanwhile(&mut harness, &|| let_read(&slow, HARBOUR));
    wait_for_articles(&mut harness, before + 1);
    (dir, harness)
}

#[cfg(unix)]
#[test]
fn an_import_arriving_while_the_editor_types_elsewhere_does_not_take_the_article_away() {
    let (_dir, mut harness) = import_slowly(|harness, read| {
        append_to(harness, Role::TextInput, "Headline", " today");
        read();
    });
    let open = draft(&harness);
    assert!(open.headline.ends_with(" today"), "{}", open.headline);
    assert_eq!(
        notice(&harness),
        "Imported “Harbour club wins again”, below the open article in the list"
    );
    let at = article_ids(&harness).iter().position(|id| *id == open.id);
    let bundle = harness.state().state.bundle.as_ref().unwrap();
    let below = bundle.summary_at(at.unwrap() + 1).unwrap();
    assert_eq!(below.headline, "Harbour club wins again");
    // Undone, the import goes, and the article the editor works on stays open.
    let count = article_ids(&harness).len();
    harness.state_mut().state.apply(Command::Undo);
    harness.run_steps(3);
    assert_eq!(article_ids(&harness).len(), count - 1);
    assert_eq!(draft(&harness).id, open.id);
    assert!(draft(&harness).headline.ends_with(" today"));
}

#[cfg(unix)]
#[test]
fn an_import_arriving_while_a_question_is_open_waits_for_it_to_close() {
    let waits = "harbour.md is read: it goes in once the dialog closes";
    let (_dir, harness) = import_slowly(|harness, read| {
        let before = article_ids(harness).len();
        ask_first_waiver(harness);
        let open = harness.state().state.selected;
        assert!(
            harness.state().state.modal.is_some(),
            "the waiver's question"
        );
        read();
        wait_until(harness, |w| w.state.importing().as_deref() == Some(waits));
        assert!(
            harness.query_by_label(waits).is_some(),
            "said in the status bar"
        );
        assert_eq!(article_ids(harness).len(), before);
        assert_eq!(
            harness.state().state.selected,
            open,
            "its article stays open"
        );
        harness.key_press(Key::Escape);
    });
    assert_eq!(draft(&harness).headline, "Harbour club wins again");
    assert!(harness.query_by_label(waits).is_none());
}

#[test]
fn an_import_opened_past_the_list_s_search_says_both_what_came_and_that_the_search_went() {
    let page = |file: &Path| std::fs::write(file, HARBOUR).unwrap();
    let (_dir, _, mut harness) = sample_offering("harbour.md", page);
    let before = article_ids(&harness).len();
    append_to(&mut harness, Role::TextInput, "Search articles", "Kremlin");
    import_through_the_menu(&mut harness);
    wait_for_articles(&mut harness, before + 1);
    assert_eq!(
        notice(&harness),
        "Imported “Harbour club wins again”; the search was cleared to show it"
    );
    assert!(harness.state().state.filter.query.is_empty());
}

#[cfg(unix)]
#[test]
fn an_import_put_below_the_open_article_leaves_the_list_s_search_alone() {
    let (_dir, harness) = import_slowly(|harness, read| {
        append_to(harness, Role::TextInput, "Search articles", "Kremlin");
        append_to(harness, Role::TextInput, "Headline", " today");
        read();
    });
    assert_eq!(harness.state().state.filter.query, "Kremlin");
    assert!(draft(&harness).headline.ends_with(" today"));
}

#[cfg(unix)]
#[test]
fn an_import_put_below_the_open_article_leaves_the_comparison_chosen_in_its_history() {
    let (_dir, harness) = import_slowly(|harness, read| {
        harness.get_by_label("History").click();
        harness.run_steps(3);
        for word in [" today", " again"] {
            append_to(harness, Role::TextInput, "Headline", word);
            press_key(harness, Modifiers::COMMAND, Key::S);
        }
        compare_revision_2_with_the_latest(harness);
        read();
    });
    let history = &harness.state().state.history;
    assert_eq!(history.chosen, Some((1, 2)), "the editor's choice stays");
    assert!(
        harness
            .query_by_label("Compare revision 2 with the latest")
            .is_some(),
        "the sitting stays opened"
    );
}
