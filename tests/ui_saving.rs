//! Saving without losing work, driven through the real window (egui_kittest): save and save as,
//! the quit question, the lock, and recovery after a crash.

mod common;

use common::ui::*;

use copydesk::app::command::Command;
use copydesk::ui::Workstation;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::{Arc, Mutex};

#[test]
fn save_as_through_the_injected_dialog_and_reopen() {
    let (dir, root) = sample_copy();
    let target = dir.path().join("Saved.copydesk");
    let dialogs = Arc::new(FakeDialogs(Mutex::new(Some(target.clone()))));
    let mut harness = open(&root, dialogs);
    append_to(&mut harness, Role::TextInput, "Headline", " today");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    wait_until(&mut harness, |w| {
        w.state.bundle.as_ref().is_some_and(|b| b.root() == target)
    });
    assert!(!harness.state().state.has_unsaved_changes());
    assert!(harness.query_by_label_contains("Saved as").is_some());
    drop(harness);

    let reopened = open(&target, no_dialogs());
    let draft = reopened.state().state.draft.clone().unwrap();
    assert_eq!(
        draft.headline,
        "Kremlin indicates lack of progress following Ukraine talks with US today"
    );
}

#[test]
fn ctrl_s_saves_and_the_title_loses_its_marker() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    append_to(&mut harness, Role::TextInput, "Slugline", "-X");
    assert!(harness.state().state.window_title().ends_with('●'));
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    assert!(!harness.state().state.window_title().ends_with('●'));
    assert!(harness.query_all_by_label_contains("Saved ").count() >= 1);
    assert_eq!(
        first_article_on_disk(&root).slugline,
        "RUSSIA-UKRAINE-TALKS-X"
    );
}

#[test]
fn a_delete_undone_before_the_save_leaves_every_article_on_disk() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let files = || std::fs::read_dir(root.join("articles")).unwrap().count();
    for new_article in [false, true] {
        if new_article {
            harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
            harness.run_steps(3);
        }
        let articles = harness.state().state.bundle.as_ref().unwrap().len();
        // From the menu: a new article's headline has the keys, and Ctrl+Delete is its.
        choose_in_menu(&mut harness, "Article", "Delete article");
        harness.run_steps(3);
        harness.key_press(Key::Enter);
        harness.run_steps(3);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(3);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run_steps(3);
        // Saved, not refused as changed on disk, and the file kept.
        assert!(
            !harness.state().state.has_unsaved_changes(),
            "new: {new_article}"
        );
        assert_eq!(files(), articles, "new: {new_article}");
    }
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Save changes before quitting?")
            .is_some()
    );
    harness.check_accessibility();
    assert!(!harness.state().state.close_now);
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Save changes before quitting?")
            .is_none()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "Save and quit")
        .click();
    harness.run_steps(3);
    assert!(harness.state().state.close_now);
    assert!(!harness.state().state.has_unsaved_changes());
}

#[test]
fn a_bundle_locked_by_another_instance_opens_read_only() {
    let (_dir, root) = sample_copy();
    let other = copydesk::bundle::Bundle::open(&root, copydesk::bundle::Access::ReadWrite).unwrap();
    let mut harness = open(&root, no_dialogs());
    assert!(
        harness
            .query_by_label_contains("Read-only: another Copydesk (process")
            .is_some()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.bundle.as_ref().unwrap().len(),
        7,
        "no edits on a read-only bundle"
    );
    // Backspace at a paragraph's start would join two paragraphs: not in a read-only body.
    let body = draft(&harness).body;
    let second = body[..body.find("\n\n").unwrap() + 2].chars().count();
    harness.state_mut().state.pending_body_cursor = Some((second, second));
    harness.run_steps(3);
    harness.key_press(Key::Backspace);
    harness.run_steps(3);
    assert_eq!(draft(&harness).body, body);

    // While the other still holds it, trying again changes nothing; once it has closed the
    // project, the same button opens it for writing, on the same article.
    let library: uuid::Uuid = LIBRARY.parse().unwrap();
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::Select(library));
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Open for writing again")
        .click();
    wait_until(&mut harness, |w| w.state.opening.is_none());
    assert!(harness.state().state.read_only.is_some());
    drop(other);
    harness
        .get_by_role_and_label(Role::Button, "Open for writing again")
        .click();
    wait_until(&mut harness, |w| w.state.opening.is_none());
    assert_eq!(harness.state().state.read_only, None);
    assert_eq!(harness.state().state.selected, Some(library));
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Open for writing again")
            .is_none()
    );
    // Opening the project this window already holds does not lock it out of itself.
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::OpenPath(root.clone()));
    harness.run_steps(3);
    assert_eq!(harness.state().state.read_only, None);
    assert!(harness.state().state.opening.is_none());
}

#[test]
fn unsaved_work_is_recovered_after_a_crash() {
    let (_dir, root) = sample_copy();
    {
        let mut harness = open(&root, no_dialogs());
        append_to(&mut harness, Role::TextInput, "Slugline", "-LOST");
        harness.state_mut().state.write_journal();
        harness.state().state.journal.flush();
        // Dropped without saving, once the journal is written: as if the process had been
        // killed then.
        std::mem::forget(harness);
    }
    std::fs::remove_file(root.join(".local/lock.json")).unwrap();
    let mut harness = open(&root, no_dialogs());
    assert!(harness.query_by_label("Recover unsaved changes?").is_some());
    harness
        .get_by_role_and_label(Role::Button, "Recover")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().slugline,
        "RUSSIA-UKRAINE-TALKS-LOST"
    );
    assert!(harness.state().state.has_unsaved_changes());
    // Recovered, the changes are saved as typing is, a pause later, and not offered again.
    let later = std::time::Instant::now() + copydesk::app::AUTOSAVE_AFTER;
    harness.state_mut().state.tick(later);
    wait_until(&mut harness, |w| !w.state.has_unsaved_changes());
    assert_eq!(
        first_article_on_disk(&root).slugline,
        "RUSSIA-UKRAINE-TALKS-LOST"
    );
    drop(harness);
    let harness = open(&root, no_dialogs());
    assert!(harness.query_by_label("Recover unsaved changes?").is_none());
}

#[test]
fn typing_without_a_pause_still_writes_the_recovery_journal() {
    let (_dir, root) = sample_copy();
    {
        let mut harness = open(&root, no_dialogs());
        append_to(&mut harness, Role::TextInput, "Slugline", "-LOST");
        let now = std::time::Instant::now();
        let state = &mut harness.state_mut().state;
        // The last keystroke was just now, but the edits have gone on for two seconds.
        state.last_edit = Some(now);
        state.unjournaled_since = Some(now - std::time::Duration::from_secs(2));
        state.tick(now);
        assert_eq!(state.unjournaled_since, None, "the journal holds the edits");
        state.journal.flush();
        std::mem::forget(harness);
    }
    std::fs::remove_file(root.join(".local/lock.json")).unwrap();
    let harness = open(&root, no_dialogs());
    assert!(harness.query_by_label("Recover unsaved changes?").is_some());
}

#[test]
fn while_a_copy_or_a_large_save_is_written_its_progress_shows_and_the_window_stays_open() {
    use copydesk::app::Modal;
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // A Save as under way (the worker's progress arrives as these numbers): a dialog.
    harness.state_mut().state.modal = Some(Modal::SavingAs {
        target: dir.path().join("Copy.copydesk"),
        done: 3_400,
        total: 10_000,
    });
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("3,400 of 10,000 articles")
            .is_some()
    );
    assert_close_refused(&mut harness, "A copy of the project is being written");
    assert!(matches!(
        harness.state().state.modal,
        Some(Modal::SavingAs { .. })
    ));
    // A large save under way: the status bar, while editing goes on.
    let state = &mut harness.state_mut().state;
    state.modal = None;
    state.saving = Some((1_200, 2_500));
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Saving… 1,200 of 2,500 articles")
            .is_some()
    );
    assert_close_refused(&mut harness, "The project is being saved");
}

/// Asks the window to close, and checks that it stays, saying why.
fn assert_close_refused(harness: &mut Harness<'static, Workstation>, refusal: &str) {
    harness.check_accessibility();
    request_close(harness);
    let state = &harness.state().state;
    assert!(
        state
            .notice
            .as_ref()
            .is_some_and(|n| n.text.starts_with(refusal)),
        "{:?}",
        state.notice
    );
    assert!(!state.close_now);
}

/// Adds `n` new articles to the open project, as a batch edit would leave them: unsaved.
fn add_unsaved_articles(harness: &mut Harness<'static, Workstation>, n: usize) {
    let state = &mut harness.state_mut().state;
    let bundle = state.bundle.as_mut().unwrap();
    for i in 0..n {
        let article = copydesk::model::Article::new(format!("Brief number {i}"));
        bundle.insert_article(article).unwrap();
    }
    state.articles_changed();
}

#[test]
fn a_save_of_many_articles_runs_on_a_worker_while_editing_goes_on() {
    use copydesk::app::SAVE_ON_WORKER_FROM;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    add_unsaved_articles(&mut harness, SAVE_ON_WORKER_FROM + 20);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    let state = &harness.state().state;
    assert!(
        state
            .saving
            .is_some_and(|(_, total)| total == SAVE_ON_WORKER_FROM + 20),
        "the save runs on a worker"
    );
    assert!(state.modal.is_none(), "and editing goes on");
    // An edit while the save is written (no frame between: the save cannot be done yet), and
    // the recovery journal that then holds it.
    let state = &mut harness.state_mut().state;
    state.apply(Command::NewArticle);
    let added = state.selected.unwrap();
    state.write_journal();
    wait_until(&mut harness, |w| w.state.saving.is_none());
    harness.state().state.journal.flush();
    let journal = copydesk::bundle::recovery::read_journal(&root);
    assert!(
        journal.is_some_and(|j| j.articles.iter().any(|a| a.id == added)),
        "the edit made meanwhile keeps its journal"
    );
    assert!(
        harness
            .query_by_label_contains("Saved: 120 articles written, project file updated")
            .is_some()
    );
    let files = || std::fs::read_dir(root.join("articles")).unwrap().count();
    assert_eq!(files(), 7 + 120);
    assert!(
        harness.state().state.has_unsaved_changes(),
        "the new article is still to save"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(!harness.state().state.has_unsaved_changes());
    assert_eq!(files(), 7 + 120 + 1);

    add_unsaved_articles(&mut harness, SAVE_ON_WORKER_FROM);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::Button, "Save and quit")
        .click();
    harness.step();
    assert!(harness.state().state.saving.is_some());
    assert!(
        !harness.state().state.close_now,
        "not before the save is done"
    );
    wait_until(&mut harness, |w| w.state.close_now);
    assert_eq!(files(), 7 + 120 + 1 + 100);
}

#[test]
fn a_conflict_found_by_a_save_on_a_worker_waits_for_an_open_dialog_to_close() {
    use copydesk::app::SAVE_ON_WORKER_FROM;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // An article other than the open one, edited here and changed on disk by another program.
    let state = &mut harness.state_mut().state;
    let bundle = state.bundle.as_mut().unwrap();
    let other = bundle.ids()[1];
    assert_ne!(Some(other), state.selected);
    bundle
        .update_article(other, |a| a.slugline.push_str("-MINE"))
        .unwrap();
    let path = bundle.article_path(other);
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"language\"", "\"language\"  ");
    std::fs::write(&path, &theirs).unwrap();
    add_unsaved_articles(&mut harness, SAVE_ON_WORKER_FROM);
    // A save, and a dialog opened while it runs on a worker (no frame between: the window has
    // not taken its result yet).
    let state = &mut harness.state_mut().state;
    state.apply(Command::Save);
    assert!(state.saving.is_some(), "the save runs on a worker");
    state.apply(Command::ExportDialog);
    wait_until(&mut harness, |w| w.state.saving.is_none());
    harness.run_steps(2);
    assert!(
        matches!(
            harness.state().state.modal,
            Some(copydesk::app::Modal::Export(_))
        ),
        "the dialog stays: {:?}",
        harness.state().state.modal
    );
    assert!(
        harness
            .query_by_label_contains("you will be asked about them when this dialog closes")
            .is_some()
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing overwritten"
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Changed on disk").is_some(),
        "the question comes once the dialog is closed"
    );
    let file = format!("articles/{other}.json");
    assert!(harness.query_by_label(&file).is_some(), "{file}");
}

#[test]
fn a_save_as_can_be_stopped_and_the_project_stays_where_it_is() {
    use copydesk::app::jobs::DialogPurpose;
    let (dir, root) = sample_copy();
    let target = dir.path().join("Copy.copydesk");
    let mut harness = open(&root, no_dialogs());
    append_to(&mut harness, Role::TextInput, "Headline", " today");
    // Started, then stopped before a frame has passed: the worker is still copying pictures.
    let state = &mut harness.state_mut().state;
    state.apply(Command::PathEntered(DialogPurpose::SaveAs, target.clone()));
    assert!(matches!(
        state.modal,
        Some(copydesk::app::Modal::SavingAs { .. })
    ));
    state.apply(Command::StopSaveAs);
    assert!(state.stopping());
    wait_until(&mut harness, |w| w.state.modal.is_none());
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("Save as stopped; nothing was kept in")
            .is_some()
    );
    assert!(!target.exists(), "the unfinished copy is removed");
    let state = &harness.state().state;
    assert_eq!(state.bundle.as_ref().unwrap().root(), root);
    assert!(state.has_unsaved_changes(), "the edit is still to save");
    // The dialog's progress offers the stop.
    harness.state_mut().state.modal = Some(copydesk::app::Modal::SavingAs {
        target,
        done: 100,
        total: 700,
    });
    harness.run_steps(2);
    let stop = harness.get_by_role_and_label(Role::Button, "Stop saving the copy");
    assert!(!stop.accesskit_node().is_disabled());
    harness.check_accessibility();
}
