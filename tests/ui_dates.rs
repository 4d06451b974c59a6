//! Values typed in a fixed form, driven through the real window (egui_kittest): the embargo
//! on its zone's clock, and the dateline's date; text that is not a value is named, not kept.

mod common;

use common::ui::*;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

#[test]
fn an_embargo_is_set_on_the_clock_of_its_time_zone() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness
        .get_by_role_and_label(Role::CheckBox, "Embargo")
        .click();
    harness.run_steps(2);
    // Part of a zone's name offers the zones it fits; Enter takes the first.
    retype(&mut harness, "Embargo time zone", "kyiv");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Europe/Kyiv")
            .is_some()
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(draft(&harness).embargo.unwrap().time_zone, "Europe/Kyiv");
    // The date and time are the zone's own clock, its winter offset in December.
    retype(&mut harness, "Embargo date", "2026-12-01");
    retype(&mut harness, "Embargo time", "09:00");
    let embargo = draft(&harness).embargo.unwrap();
    assert_eq!(embargo.until.to_rfc3339(), "2026-12-01T09:00:00+02:00");
    assert!(
        harness
            .query_by_label("Lifts at 01 Dec 2026 07:00 UTC")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("EMBARGOED until 01 Dec 2026 09:00 Europe/Kyiv (07:00 UTC)")
            .is_some()
    );
    // A time the clocks skip is refused, and the box says why.
    retype(&mut harness, "Embargo date", "2027-03-28");
    retype(&mut harness, "Embargo time", "03:30");
    assert!(
        harness
            .query_by_label(
                "03:30 does not exist in Europe/Kyiv on 2027-03-28: the clocks go forward then"
            )
            .is_some()
    );
    let embargo = draft(&harness).embargo.unwrap();
    assert_eq!(embargo.until.to_rfc3339(), "2027-03-28T09:00:00+03:00");
    // Another zone keeps the time on the clock: 09:00 in New York, on its summer offset.
    retype(&mut harness, "Embargo time zone", "America/New_York");
    let embargo = draft(&harness).embargo.unwrap();
    assert_eq!(
        (
            embargo.until.to_rfc3339().as_str(),
            embargo.time_zone.as_str()
        ),
        ("2027-03-28T09:00:00-04:00", "America/New_York")
    );
    // A mistyped zone is named with the one it nearly is, and changes nothing.
    retype(&mut harness, "Embargo time zone", "Europe/Londn");
    assert!(
        harness
            .query_by_label("not a zone: did you mean Europe/London?")
            .is_some()
    );
    assert_eq!(
        draft(&harness).embargo.unwrap().time_zone,
        "America/New_York"
    );
    harness.check_accessibility();
}

#[test]
fn a_dateline_date_that_is_no_date_is_named_as_not_kept() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = draft(&harness).dateline.date;
    type_over_the_dateline_date(&mut harness, "2026-13-45");
    assert!(
        harness.query_by_label("YYYY-MM-DD").is_some(),
        "said while typed"
    );
    // Tab leaves the box: it shows the date it kept, and says what it did not keep.
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert_eq!(draft(&harness).dateline.date, before);
    assert!(
        harness
            .query_by_label("\u{201c}2026-13-45\u{201d} not kept (YYYY-MM-DD)")
            .is_some()
    );
    harness.check_accessibility();
    // Back in the box, the message goes; a real date is kept.
    retype(&mut harness, "Dateline date", "2026-11-26");
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("not kept").is_none());
    assert_eq!(
        draft(&harness)
            .dateline
            .date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-11-26")
    );
}

#[test]
fn escape_in_a_date_box_puts_back_its_date_without_a_word() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let before = draft(&harness).dateline.date;
    type_over_the_dateline_date(&mut harness, "fr");
    assert!(harness.query_by_label("YYYY-MM-DD").is_some());
    // Escape is the editor taking the typing back: the box shows its date, and nothing is
    // named as not kept.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(draft(&harness).dateline.date, before);
    assert!(harness.query_by_label_contains("not kept").is_none());
    assert!(harness.query_by_label("YYYY-MM-DD").is_none());
    let shown = before.map(|date| date.to_string()).unwrap_or_default();
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "Dateline date")
            .value()
            .unwrap_or_default(),
        shown
    );
}

/// Types `text` over the dateline's date, as Ctrl+A and typing do (an empty box would clear it).
fn type_over_the_dateline_date(
    harness: &mut egui_kittest::Harness<'static, copydesk::ui::Workstation>,
    text: &str,
) {
    harness
        .get_by_role_and_label(Role::TextInput, "Dateline date")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Dateline date")
        .type_text(text);
    harness.run_steps(2);
}
