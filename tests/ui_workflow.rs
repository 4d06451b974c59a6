//! The workflow driven through the real window (egui_kittest): a move the checklist refuses
//! says why, a kill asks for its reason, and the status the article has is said to be its own.

mod common;

use common::ui::*;
use copydesk::app::command::Command;
use copydesk::model::Status;
use copydesk::ui::Workstation;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn marking_an_article_corrected_needs_a_correction_first() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // A published article with no correction.
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000005");
    let corrected = Command::SetStatus(Status::Corrected);
    harness.state_mut().state.apply(corrected.clone());
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).status,
        Status::Published,
        "corrected was refused"
    );
    let notice = harness
        .state()
        .state
        .notice
        .as_ref()
        .expect("a message")
        .text
        .clone();
    assert!(
        notice.contains("Not moved to corrected") && notice.contains("no correction"),
        "{notice}"
    );
    // With a correction written, the move is made.
    write_a_correction(&mut harness);
    harness.run_steps(2);
    harness.state_mut().state.apply(corrected);
    harness.run_steps(3);
    assert_eq!(draft(&harness).status, Status::Corrected);
}

#[test]
fn an_embargoed_article_cannot_be_marked_published_before_the_embargo_lifts() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // Hollin Bakeries: ready, under embargo until 3 December, 07:00 London time.
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000003");
    harness.get_by_label("Article").click();
    harness.run_steps(2);
    harness.get_by_label("Status: published").click();
    harness.run_steps(3);
    assert_eq!(
        draft(&harness).status,
        Status::Ready,
        "published was refused"
    );
    let notice = harness.state().state.notice.as_ref().expect("a message");
    assert!(
        notice.text.contains("Not moved to published")
            && notice
                .text
                .contains("The embargo lifts only at 03 Dec 2026 07:00 Europe/London"),
        "{}",
        notice.text
    );
    // The review says so too, rather than that nothing holds the article back.
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("Embargoed until 03 Dec 2026 07:00 Europe/London: it cannot be published before then")
            .is_some()
    );
}

#[test]
fn marking_ready_with_a_required_failure_is_refused_and_says_why() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    select(&mut harness, LIBRARY);
    for status in ["editing", "ready"] {
        harness.get_by_label("Article").click();
        harness.run_steps(2);
        harness.get_by_label(&format!("Status: {status}")).click();
        harness.run_steps(3);
    }
    let state = &harness.state().state;
    assert_eq!(
        state.draft.as_ref().unwrap().status,
        Status::Editing,
        "ready was refused"
    );
    let notice = state.notice.as_ref().expect("a message").text.clone();
    assert!(
        notice.contains("Not moved to ready") && notice.contains("Placeholder \"TK\""),
        "{notice}"
    );
    assert_eq!(
        state.settings.side_pane,
        copydesk::app::settings::SidePane::Review,
        "the failures are shown"
    );
    let log = &state.draft.as_ref().unwrap().workflow_log;
    assert_eq!(
        log.last().map(|t| (t.from, t.to)),
        Some((Status::Draft, Status::Editing)),
        "the move is logged"
    );
}

#[test]
fn killing_asks_for_a_reason_and_logs_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label("Article").click();
    harness.run_steps(2);
    harness.get_by_label("Status: killed").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.draft.as_ref().unwrap().status,
        Status::Editing,
        "not without a reason"
    );
    type_into(
        &mut harness,
        Role::TextInput,
        "Reason for killing",
        "Legal advice",
    );
    harness.get_by_label("Kill article").click();
    harness.run_steps(3);
    let draft = harness.state().state.draft.clone().unwrap();
    assert_eq!(draft.status, Status::Killed);
    let last = draft.workflow_log.last().unwrap();
    assert_eq!(
        (last.reason.as_str(), last.to),
        ("Legal advice", Status::Killed)
    );
    // The preview says it is not for publication, and why; the review blocks it.
    assert!(
        harness
            .query_by_label("KILLED: not for publication (\u{201c}Legal advice\u{201d})")
            .is_some()
    );
    settle(&mut harness);
    assert!(
        has_finding(&harness, |f| f.rule == "status.killed"),
        "the killed article fails a Required rule"
    );
}

#[test]
fn choosing_the_status_the_article_has_says_so_rather_than_warning() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let status = draft(&harness).status;
    assert!(!harness.state().state.undo.can_undo());
    harness.state_mut().state.apply(Command::SetStatus(status));
    harness.run_steps(2);
    let notice = harness.state().state.notice.clone().expect("a message");
    assert_eq!(notice.text, format!("The article is already {status}"));
    assert!(!notice.error, "not a failure");
    assert!(!harness.state().state.undo.can_undo(), "no undo step");
}

/// Adds a correction to the open article and writes it.
fn write_a_correction(harness: &mut Harness<'static, Workstation>) {
    harness.get_by_label("Add correction").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Correction 1")
        .type_text("An earlier version gave the wrong date.");
}

/// The status bar's notice, and whether it is a failure.
fn notice(harness: &Harness<'static, Workstation>) -> (String, bool) {
    let notice = harness.state().state.notice.as_ref().expect("a message");
    (notice.text.clone(), notice.error)
}

#[test]
fn a_refused_move_s_notice_follows_the_fixes_and_says_when_nothing_blocks_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // A published article with no correction, and with its headline emptied: two failures.
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000005");
    retype(&mut harness, "Headline", "");
    settle(&mut harness);
    harness
        .state_mut()
        .state
        .apply(Command::SetStatus(Status::Corrected));
    harness.run_steps(3);
    let (refused, error) = notice(&harness);
    assert!(
        error && refused.contains("no correction") && refused.contains("headline"),
        "{refused}"
    );

    // An edit that fixes neither leaves the notice as it was.
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Standfirst",
        " More.",
    );
    settle(&mut harness);
    assert_eq!(notice(&harness), (refused.clone(), true));

    // With a headline, only the missing correction is left.
    retype(&mut harness, "Headline", "Harbour club wins again");
    settle(&mut harness);
    let (left, error) = notice(&harness);
    assert!(
        error
            && left.contains("Not moved to corrected")
            && left.contains("no correction")
            && !left.contains("headline"),
        "{left}"
    );

    // With a correction written, nothing blocks the move, and the red line says so.
    write_a_correction(&mut harness);
    settle(&mut harness);
    let (cleared, error) = notice(&harness);
    assert!(
        !error && cleared.contains("Nothing blocks corrected now"),
        "{cleared}"
    );
    assert_eq!(
        draft(&harness).status,
        Status::Published,
        "not moved unasked"
    );
}
