//! The open article's file changed by another program (a git pull, another editor) while the
//! window shows it, driven through the real window (egui_kittest): an article without edits
//! here shows the new version; one with edits asks which to keep, and nothing is overwritten.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

type Workstation = egui_kittest::Harness<'static, copydesk::ui::Workstation>;

/// Rewrites the open article's file as another program would: its headline changed.
fn rewrite_open_article_on_disk(harness: &Workstation, headline: &str) -> std::path::PathBuf {
    let state = &harness.state().state;
    let path = state
        .bundle
        .as_ref()
        .unwrap()
        .article_path(state.selected.unwrap());
    let theirs = std::fs::read_to_string(&path).unwrap().replacen(
        &format!(
            "\"headline\": {}",
            serde_json::to_string(&draft(harness).headline).unwrap()
        ),
        &format!("\"headline\": {}", serde_json::to_string(headline).unwrap()),
        1,
    );
    assert!(theirs.contains(headline), "the headline was rewritten");
    std::fs::write(&path, theirs).unwrap();
    path
}

/// The check the window makes every two seconds while in use, and whenever it comes to the
/// front, made now.
fn look_at_the_disk(harness: &mut Workstation) {
    harness.state_mut().state.disk_checked_at = None;
    harness.run_steps(3);
}

#[test]
fn an_article_changed_by_another_program_shows_its_new_version() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    rewrite_open_article_on_disk(&harness, "Kremlin and US envoys end talks without a deal");
    look_at_the_disk(&mut harness);
    assert_eq!(
        draft(&harness).headline,
        "Kremlin and US envoys end talks without a deal"
    );
    assert!(
        harness
            .query_by_label_contains("Reloaded from disk")
            .is_some()
    );
    assert!(!harness.state().state.has_unsaved_changes());
}

#[test]
fn an_article_edited_here_and_changed_by_another_program_asks_which_to_keep() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    append_to(&mut harness, Role::TextInput, "Slugline", "-MINE");
    let path = rewrite_open_article_on_disk(&harness, "Their headline");
    let theirs = std::fs::read_to_string(&path).unwrap();
    look_at_the_disk(&mut harness);
    assert!(harness.query_by_label("Changed on disk").is_some());
    assert!(
        draft(&harness).slugline.ends_with("-MINE"),
        "mine stays open"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "theirs stays on disk"
    );
    // Reload from disk takes theirs.
    harness.get_by_label("Reload from disk").click();
    harness.run_steps(3);
    assert_eq!(draft(&harness).headline, "Their headline");
    assert!(!draft(&harness).slugline.ends_with("-MINE"));
}

/// The project's folder moved away (renamed, deleted, its drive disconnected) is said once, in
/// plain words, rather than as every file "changed on disk"; the edits stay open, a save asked
/// for says it again, and once the folder is back the save writes them there.
#[test]
fn a_project_folder_gone_is_said_once_and_saving_resumes_when_it_is_back() {
    let (dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let away = dir.path().join("Moved away");
    std::fs::rename(&root, &away).unwrap();
    look_at_the_disk(&mut harness);
    let question = "The project's folder cannot be found";
    assert!(harness.query_by_label(question).is_some());
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run_steps(2);
    look_at_the_disk(&mut harness);
    assert!(harness.query_by_label(question).is_none(), "said once");
    append_to(&mut harness, Role::TextInput, "Slugline", "-KEPT");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    assert!(
        harness.query_by_label(question).is_some(),
        "a save asked for says it again"
    );
    assert!(
        harness.state().state.has_unsaved_changes(),
        "the edit stays open"
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    // Back where it was: the next save writes the edit there.
    std::fs::rename(&away, &root).unwrap();
    look_at_the_disk(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    assert!(!harness.state().state.has_unsaved_changes());
    assert!(first_article_on_disk(&root).slugline.ends_with("-KEPT"));
}

#[test]
fn with_the_project_s_folder_gone_save_as_keeps_the_articles_open_here_and_names_the_rest() {
    let (dir, root) = sample_copy();
    let dialogs = no_dialogs();
    let mut harness = open(&root, dialogs.clone());
    let listed = article_ids(&harness).len();
    append_to(&mut harness, Role::TextInput, "Slugline", "-KEPT");
    let kept = harness.state().state.selected.unwrap();
    std::fs::rename(&root, dir.path().join("Deleted")).unwrap();
    look_at_the_disk(&mut harness);
    assert!(
        harness
            .query_by_label("The project's folder cannot be found")
            .is_some()
    );
    let copy = dir.path().join("Rescued.copydesk");
    *dialogs.0.lock().unwrap() = Some(copy.clone());
    harness
        .get_by_role_and_label(Role::Button, "Save as…")
        .click();
    wait_until(&mut harness, |w| {
        matches!(
            w.state.modal,
            Some(copydesk::app::Modal::SavedWithoutLost { .. })
        )
    });
    harness.run_steps(2);
    // The sample's other articles were never opened here: their files went with the folder.
    let left_out = listed - 1;
    let heading = format!("Saved without {left_out} articles");
    assert!(harness.query_by_label(&heading).is_some(), "{heading}");
    assert!(
        harness
            .query_by_label_contains("Harbour rowing club wins first national title")
            .is_some(),
        "a headline left out is named"
    );
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run_steps(2);
    // The window goes on in the copy, which opens cleanly and holds the edit.
    assert_eq!(harness.state().state.bundle.as_ref().unwrap().root(), copy);
    assert_eq!(article_ids(&harness), vec![kept]);
    let rescued = copydesk::bundle::Bundle::open(&copy, copydesk::bundle::Access::ReadOnly)
        .expect("the copy opens");
    assert!(rescued.problems().is_empty(), "{:?}", rescued.problems());
    assert_eq!(rescued.ids(), vec![kept]);
    assert!(first_article_on_disk(&copy).slugline.ends_with("-KEPT"));
    // Saving goes on there.
    append_to(&mut harness, Role::TextInput, "Slugline", "-AGAIN");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(3);
    assert!(!harness.state().state.has_unsaved_changes());
    assert!(
        first_article_on_disk(&copy)
            .slugline
            .ends_with("-KEPT-AGAIN")
    );
}
