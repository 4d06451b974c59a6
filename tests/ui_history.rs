//! The history pane driven through the real UI (egui_kittest): what each revision changed,
//! comparing two, restoring one, and a long history that stays quick to draw.

mod common;

use common::ui::*;
use copydesk::app::command::Command;
use copydesk::model::Status;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn an_article_with_one_revision_has_nothing_to_compare_and_says_so() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label("History").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("1 revision, newest first")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("One revision so far")
            .is_some()
    );
    assert!(
        harness.query_by_label("From").is_none(),
        "no boxes to choose from"
    );
}

#[test]
fn an_edit_undone_before_the_save_adds_no_revision() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    append_to(&mut harness, Role::TextInput, "Headline", " today");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    assert!(!harness.state().state.has_unsaved_changes());
    harness.get_by_label("History").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("1 revision, newest first")
            .is_some(),
        "the article is as its one revision has it, but for the time"
    );
}

#[test]
fn restoring_a_revision_works_and_undoes() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    for word in [" today", " again"] {
        append_to(&mut harness, Role::TextInput, "Headline", word);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run_steps(3);
    }
    let latest = draft(&harness).headline;
    assert!(latest.ends_with("today again"), "{latest}");
    harness.get_by_label("History").click();
    harness.run_steps(3);
    harness.check_accessibility();
    // The two saves, made one after the other, are one sitting's row: numbered as the From and
    // To boxes number them, saying what they changed together, and acting on the last save.
    assert!(harness.query_by_label_contains("2–3 · 2026-").is_some());
    // The slug follows the headline until the article is first published.
    assert_eq!(
        harness
            .query_all_by_label("Changed: headline, slug")
            .count(),
        1
    );
    assert!(harness.query_by_label("First revision").is_some());
    assert_eq!(
        harness
            .query_all_by_label_contains("Restore revision")
            .count(),
        2,
        "the sitting's last save and the sample's first revision"
    );
    harness
        .get_by_label("Compare revision 3 with revision 1, before its sitting")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.history.chosen, Some((0, 2)));
    // Shown save by save, each says what it changed.
    harness
        .get_by_label("Show the 2 saves of revisions 2 to 3")
        .click();
    harness.run_steps(3);
    harness.check_accessibility();
    assert_eq!(
        harness.query_all_by_label_contains("3 · 2026-").count(),
        2,
        "the sitting's row and its last save's"
    );
    assert_eq!(
        harness
            .query_all_by_label("Changed: headline, slug")
            .count(),
        3
    );
    harness
        .get_by_label("Compare revision 2 with the latest")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .state
            .history
            .comparison
            .as_ref()
            .map(|c| c.0),
        Some((1, 2))
    );
    // The From and To boxes follow the comparison shown.
    assert_eq!(harness.state().state.history.chosen, Some((1, 2)));
    harness
        .get_by_label("Compare revision 1 with the latest")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.history.chosen, Some((0, 2)));
    // Opened afresh, the pane shows at once what the newest sitting changed.
    harness.state_mut().state.history.forget();
    harness.run_steps(3);
    let compared = harness.state().state.history.comparison.clone().unwrap();
    assert_eq!(
        compared.0,
        (0, 2),
        "From the revision before the newest sitting To the latest"
    );
    // Each changed field is compared on its own, under its name: here only the headline.
    let fields: Vec<&str> = compared.1.iter().map(|diff| diff.field).collect();
    assert_eq!(fields, ["Headline"]);
    let added: String = compared.1[0]
        .runs
        .iter()
        .filter(|(change, _)| *change == copydesk::history::Change::Added)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(added, " today again", "{:?}", compared.1);
    // Opened afresh, the sitting is one row again.
    let restores = || {
        harness
            .query_all_by_label_contains("Restore revision")
            .count()
    };
    assert_eq!(restores(), 2, "the sample's first revision and the sitting");
    harness
        .get_by_label("Show the 2 saves of revisions 2 to 3")
        .click();
    harness.run_steps(3);
    let restores = harness
        .query_all_by_label_contains("Restore revision")
        .count();
    assert_eq!(restores, 3, "the sample's first revision and two saves");
    harness
        .get_by_label("Hide the saves of revisions 2 to 3")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Restore revision 2 (undoable with Ctrl+Z)")
            .is_none()
    );
    harness
        .get_by_label("Show the 2 saves of revisions 2 to 3")
        .click();
    harness.run_steps(3);
    harness
        .get_by_label("Restore revision 2 (undoable with Ctrl+Z)")
        .click();
    harness.run_steps(3);
    let restored = draft(&harness).headline;
    assert!(
        restored.ends_with("today") && !restored.ends_with("again"),
        "{restored}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().headline,
        latest
    );
}

#[test]
fn restoring_a_revision_brings_back_its_text_but_not_its_status() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The open article, in editing at its first revision, is marked ready and saved with a
    // new headline: the second revision.
    harness
        .state_mut()
        .state
        .apply(Command::SetStatus(Status::Ready));
    harness.run_steps(2);
    append_to(&mut harness, Role::TextInput, "Headline", " today");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    let log = draft(&harness).workflow_log;
    assert_eq!(log.last().map(|step| step.to), Some(Status::Ready));
    harness.state_mut().state.apply(Command::RestoreRevision(0));
    harness.run_steps(3);
    let restored = draft(&harness);
    assert!(
        !restored.headline.ends_with("today"),
        "the old text is back"
    );
    assert_eq!(
        restored.status,
        Status::Ready,
        "the status moves only through the workflow"
    );
    assert_eq!(restored.workflow_log, log);
    // Restoring the revision the article already is changes nothing, and says so.
    harness.state_mut().state.apply(Command::RestoreRevision(0));
    harness.run_steps(3);
    let notice = harness.state().state.notice.as_ref().unwrap().text.clone();
    assert_eq!(notice, "The article is already as revision 1");
    assert_eq!(draft(&harness), restored);
}

#[test]
fn a_long_history_draws_the_rows_in_view_and_scrolls_to_the_first() {
    let (_dir, root) = sample_copy();
    // The open article saved 120 times, a line added each time.
    let id = {
        let mut bundle =
            copydesk::bundle::Bundle::open(&root, copydesk::bundle::Access::ReadWrite).unwrap();
        let id = bundle.ids()[0];
        for n in 0..119 {
            let line = format!("\n\nAdded in save {n}.");
            bundle
                .update_article(id, |a| a.body.push_str(&line))
                .unwrap();
            bundle.save().unwrap();
        }
        id
    };
    let mut harness = open(&root, no_dialogs());
    assert_eq!(harness.state().state.selected, Some(id));
    harness.get_by_label("History").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("120 revisions").is_some());
    // The saves, made one after the other in the sample's fixed time, are one sitting's row;
    // shown save by save, the list is long.
    assert!(harness.query_by_label_contains("1–120 · ").is_some());
    assert_eq!(
        harness
            .query_all_by_label_contains("Restore revision")
            .count(),
        1
    );
    harness
        .get_by_label("Show the 120 saves of revisions 1 to 120")
        .click();
    harness.run_steps(3);
    let drawn = harness
        .query_all_by_label_contains("Restore revision")
        .count();
    assert!(
        (1..30).contains(&drawn),
        "only the rows in view are drawn: {drawn} of 120"
    );
    assert!(
        harness
            .query_all_by_label("Changed: body (+4 words)")
            .count()
            > 1
    );
    assert!(
        harness
            .query_by_label_contains("Restore revision 120")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Restore revision 1 ")
            .is_none()
    );
    // Scrolled to its end, the list shows the first revision.
    let over = harness
        .get_by_label_contains("Restore revision 120")
        .rect()
        .center();
    for _ in 0..60 {
        harness.event(egui::Event::PointerMoved(over));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(3);
    assert!(harness.query_by_label("First revision").is_some());
    assert!(
        harness
            .query_by_label_contains("Restore revision 1 ")
            .is_some()
    );
}

#[test]
fn the_history_shown_takes_in_each_save_s_revision() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label("History").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("1 revision,").is_some());
    for (n, word) in [" today", " again"].into_iter().enumerate() {
        append_to(&mut harness, Role::TextInput, "Headline", word);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
        harness.run_steps(3);
        let revisions = format!("{} revisions, newest first", n + 2);
        assert!(harness.query_by_label(&revisions).is_some(), "{revisions}");
        // The second save joins the first's sitting, whose row says what both changed.
        let row = ["2 · 2026-", "2–3 · 2026-"][n];
        assert!(harness.query_by_label_contains(row).is_some(), "{row}");
        assert_eq!(
            harness
                .query_all_by_label("Changed: headline, slug")
                .count(),
            1
        );
        // The comparison moves on to what the sitting changed, the save's words among it.
        let compared = harness.state().state.history.comparison.clone().unwrap();
        assert_eq!(compared.0, (0, n + 1));
        assert!(
            compared.1[0]
                .runs
                .iter()
                .any(|(change, text)| *change == copydesk::history::Change::Added
                    && text.ends_with(word)),
            "{:?}",
            compared.1
        );
    }
    // A comparison the editor chose stays through the next save.
    compare_revision_2_with_the_latest(&mut harness);
    // A save of a new paragraph: its line is taken in too.
    harness
        .state_mut()
        .state
        .draft
        .as_mut()
        .unwrap()
        .body
        .push_str("\n\nA paragraph of the third save.");
    harness.state_mut().state.commit_draft(None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Changed: body (+6 words), headline, slug")
            .is_some()
    );
    assert_eq!(harness.state().state.history.chosen, Some((1, 2)));
    let compared = harness
        .state()
        .state
        .history
        .comparison
        .as_ref()
        .map(|c| c.0);
    assert_eq!(compared, Some((1, 2)));
    // What the pane holds is what the file holds.
    let id = harness.state().state.selected.unwrap();
    let on_disk = copydesk::history::History::load(&root, id).unwrap();
    let shown = harness.state().state.history.history.clone().unwrap();
    assert_eq!(shown.revisions, on_disk.revisions);
    assert!(
        shown.lines == on_disk.lines,
        "the pane lacks lines the file holds"
    );
}

#[test]
fn a_comparison_says_how_the_status_section_and_bylines_changed() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let state = &mut harness.state_mut().state;
    let draft = state.draft.as_mut().unwrap();
    let was = draft.status;
    draft.status = copydesk::model::Status::Published;
    draft.section = "Europe".into();
    draft.bylines[0].name = "Ann Other".into();
    draft.slugline.clear();
    state.commit_draft(None);
    press_key(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("History").click();
    harness.run_steps(3);
    let said = format!(
        "Also changed: status ({was} → published), section (World → Europe), bylines \
         (+ Ann Other, − Sophia Brooks), slugline (RUSSIA-UKRAINE-TALKS → none)"
    );
    assert!(
        harness.query_by_label(&said).is_some(),
        "{:?}",
        harness.state().state.history.other_changes
    );
}
