//! The window's panes at any size, driven through the real UI (egui_kittest): the side pane
//! keeps its width whatever it shows, a narrow editor scrolls sideways or narrows its body, and
//! on a narrow window the list and the side pane give way to the editor; no field or line of
//! text lies under a scroll bar.

mod common;

use common::ui::*;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn the_side_pane_keeps_its_width_whatever_it_shows() {
    use copydesk::app::command::Command;
    use copydesk::app::settings::SidePane;
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The pane's tabs sit at its left edge: a wider pane moves them left.
    let width = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        let tab = harness.get_by_role_and_label(Role::Button, "History");
        let left = tab.accesskit_node().bounding_box().expect("laid out").x0;
        1400.0 - left as f32
    };
    let before = width(&harness);
    let ids = article_ids(&harness);
    for pane in [SidePane::Preview, SidePane::Review, SidePane::History] {
        harness.state_mut().state.apply(Command::ShowSidePane(pane));
        for id in &ids {
            select(&mut harness, &id.to_string());
            assert!(
                width(&harness) <= before + 1.0,
                "{pane:?} of {id} widened the pane from {before} to {}",
                width(&harness)
            );
        }
    }
}

/// Where the widget of `role` named `name` ends on the right.
fn right_edge(
    harness: &Harness<'static, copydesk::ui::Workstation>,
    role: Role,
    name: &str,
) -> f32 {
    bounds_of(harness, role, name).x1 as f32
}

/// Where the editor pane ends on the right: where the side pane's Preview tab begins.
fn editor_right(harness: &Harness<'static, copydesk::ui::Workstation>) -> f32 {
    bounds_of(harness, Role::Button, "Preview").x0 as f32
}

#[test]
fn a_narrow_editor_scrolls_sideways_to_what_it_cannot_show() {
    // A window too narrow for the list and the side pane at their least widths leaves the
    // editor narrower than a byline's role and buttons.
    let (_dir, mut harness) = sample_open_at(700.0, 900.0);
    let remove = |harness: &Harness<'static, copydesk::ui::Workstation>| {
        right_edge(harness, Role::Button, "Remove byline 1")
    };
    let pane = editor_right(&harness);
    assert!(
        remove(&harness) > pane,
        "the byline's Remove is cut off at first: {} against {pane}",
        remove(&harness)
    );
    harness
        .get_by_role_and_label(Role::Button, "Remove byline 1")
        .scroll_to_me();
    harness.run_steps(10);
    assert!(
        remove(&harness) <= pane,
        "scrolled into view: {} against the pane's edge {pane}",
        remove(&harness)
    );
}

#[test]
fn in_a_pane_narrower_than_its_measure_the_body_narrows_instead_of_scrolling_sideways() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // Laptops' widths: the editor pane is narrower than the body's 680-point measure, down to
    // its least width at 1,000 (tall, so that the body is on screen below the pictures).
    for width in [1100.0, 1000.0] {
        harness.set_size(egui::vec2(width, 1600.0));
        harness.run_steps(3);
        let pane = editor_right(&harness);
        for (role, name) in [
            (Role::MultilineTextInput, "Body paragraph 1"),
            (Role::MultilineTextInput, "Standfirst"),
            (Role::TextInput, "Slug"),
            (Role::Button, "Remove byline 1"),
            (Role::Button, "Remove hero picture"),
            (Role::SpinButton, "down (‰)"),
        ] {
            let right = right_edge(&harness, role, name);
            assert!(
                right <= pane,
                "{width}: {name} ends at {right}, past the pane's edge {pane}"
            );
        }
    }
}

#[test]
fn on_a_narrow_window_the_panes_give_way_to_the_editor() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label("History").click();
    harness.run_steps(3);
    // In a wide window a byline's role has room to show whole.
    let role_width = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        bounds_of(harness, Role::TextInput, "Role 1").width()
    };
    assert!(role_width(&harness) > 190.0, "{}", role_width(&harness));
    // Where the side pane's History tab sits shows the pane's width.
    let tab_left = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        bounds_of(harness, Role::Button, "History").x0
    };
    let wide = tab_left(&harness);
    // The list and the side pane had their usual widths; the window is made narrow.
    harness.set_size(egui::vec2(820.0, 560.0));
    harness.run_steps(5);
    let headline = harness
        .get_by_role_and_label(Role::TextInput, "Headline")
        .accesskit_node()
        .bounding_box()
        .expect("drawn");
    assert!(
        headline.width() >= 120.0,
        "the headline box keeps room to write in: {headline:?}"
    );
    // Wide again, the panes return to the widths they had (the editor's choice is kept).
    let narrow = tab_left(&harness);
    harness.set_size(egui::vec2(1400.0, 900.0));
    harness.run_steps(5);
    let settings = &harness.state().state.settings;
    assert_eq!((settings.list_width, settings.side_width), (280.0, 400.0));
    assert!(
        narrow < wide - 300.0 && (tab_left(&harness) - wide).abs() < 0.5,
        "the side pane is as wide as before: its tab at {} ({wide} before, {narrow} when narrow)",
        tab_left(&harness)
    );
    // A drag of its edge is the editor's new choice.
    primary_button(&harness, egui::pos2(1000.0, 450.0), true);
    harness.run_steps(2);
    for x in [980.0, 950.0, 920.0, 900.0] {
        harness.event(egui::Event::PointerMoved(egui::pos2(x, 450.0)));
        harness.run_steps(1);
    }
    primary_button(&harness, egui::pos2(900.0, 450.0), false);
    harness.run_steps(3);
    let chosen = harness.state().state.settings.side_width;
    assert!((chosen - 500.0).abs() < 3.0, "dragged to {chosen}");
}

/// The article list's rows, the editor's fields and the side pane's page, findings and revisions
/// end short of their pane's scroll bar, which floats over the pane's right edge (it widens
/// under the pointer): no row, field, button or line of text runs under it.
#[test]
fn the_fields_and_the_side_panes_end_short_of_their_scroll_bars() {
    let (_dir, mut harness) = sample_open_at(1100.0, 700.0);
    // A word too long for a line: the page and the review's finding on it break it where the
    // line is full, right up to their measure.
    let word = "Qzxvbnrtk".repeat(12);
    type_into(&mut harness, Role::MultilineTextInput, "Standfirst", &word);
    // Saves that each add a revision, so that the History pane's list scrolls too.
    for n in 0..8 {
        append_to(&mut harness, Role::TextInput, "Slugline", &n.to_string());
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        harness.run_steps(3);
    }
    settle(&mut harness);
    for tab in ["Preview", "Review", "History"] {
        harness
            .query_all_by_role(Role::Button)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with(tab))
            })
            .expect("the side pane's tab")
            .click();
        harness.run_steps(4);
        let lines = lines_beside_scroll_bars(&harness);
        assert!(
            lines > 10,
            "{tab}: fields and lines beside the bars: {lines}"
        );
    }
}
