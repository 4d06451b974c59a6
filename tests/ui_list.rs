//! The article list driven through the real window (egui_kittest): search, filters, the
//! keyboard walk, and a list that stays exact through edits.

mod common;

use common::ui::*;

use copydesk::model::Status;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// Clicks into the search field and types `text`.
fn search_for(harness: &mut egui_kittest::Harness<'static, copydesk::ui::Workstation>, text: &str) {
    type_into(harness, Role::TextInput, "Search articles", text);
    harness.run_steps(1);
}

#[test]
fn search_and_filter_the_list() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    search_for(&mut harness, "bakery");
    assert!(harness.query_by_label_contains("1 of 7 articles").is_some());
    assert!(
        harness
            .query_all_by_label("Hollin Bakeries to report first loss since 2009")
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label("City library opens its stacks to night readers")
            .next()
            .is_none()
    );
    // A word that only the body holds is found through the search index.
    harness.state_mut().state.filter.query = "Witkoff".into();
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(3);
    assert_eq!(harness.state().state.visible.len(), 1);

    harness.state_mut().state.filter.query.clear();
    harness.state_mut().state.filter.status = Some(Status::Published);
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("2 of 7 articles").is_some());

    // A search that finds nothing says so, and one click clears it and the filters.
    harness
        .get_by_role_and_label(Role::TextInput, "Search articles")
        .type_text("zzzq");
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("0 of 7 articles").is_some());
    harness.get_by_label("Clear search and filters").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("7 of 7 articles").is_some());
    assert_eq!(harness.state().state.filter.status, None);
    // Escape in the search field clears the search.
    search_for(&mut harness, "bakery");
    assert!(harness.query_by_label_contains("1 of 7 articles").is_some());
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("7 of 7 articles").is_some());
    assert_eq!(harness.state().state.filter.query, "");
}

#[test]
fn a_cut_headline_in_the_list_shows_whole_on_hover() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let headline = "Hollin Bakeries to report first loss since 2009";
    harness
        .get_by_role_and_label(Role::Button, headline)
        .hover();
    harness.run_steps(60);
    assert!(
        harness.query_all_by_label(headline).count() >= 2,
        "the row and its tooltip"
    );
}

/// The list the window shows equals the list a fresh filter and sort gives.
fn assert_list_is_fresh(
    harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>,
    after: &str,
) {
    let state = &harness.state().state;
    let bundle = state.bundle.as_ref().unwrap();
    let summaries: Vec<_> = bundle.summaries().collect();
    let fresh =
        copydesk::app::list::filter_and_sort(&summaries, &state.filter, state.search.as_ref());
    assert_eq!(state.visible, fresh, "after {after}");
}

#[test]
fn the_list_stays_exact_through_duplicates_moves_and_undo() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.filter.sort = copydesk::app::list::SortKey::Updated;
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(2);
    let steps = [
        (Modifiers::COMMAND, Key::D, "a duplicate"),
        (
            Modifiers::COMMAND | Modifiers::ALT,
            Key::ArrowDown,
            "a move",
        ),
        (Modifiers::COMMAND, Key::Z, "undoing the move"),
        (Modifiers::COMMAND, Key::Z, "undoing the duplicate"),
    ];
    for (modifiers, key, what) in steps {
        harness.key_press_modifiers(modifiers, key);
        harness.run_steps(3);
        assert_list_is_fresh(&harness, what);
    }
    append_to(&mut harness, Role::TextInput, "Headline", " again");
    assert_list_is_fresh(&harness, "typing in the headline");
}

#[test]
fn the_keyboard_walks_through_the_articles_the_list_shows() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let order = article_ids(&harness);
    let selected = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness.state().state.selected.unwrap()
    };
    assert_eq!(selected(&harness), order[0]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run_steps(3);
    assert_eq!(selected(&harness), order[1]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    harness.run_steps(3);
    assert_eq!(selected(&harness), order[0], "the first stays the first");

    // From the search field, the arrows go through what the list shows, and no further.
    harness.state_mut().state.filter.status = Some(Status::Published);
    harness.state_mut().state.list_dirty = true;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(3);
    let found: Vec<uuid::Uuid> = {
        let state = &harness.state().state;
        let bundle = state.bundle.as_ref().unwrap();
        state
            .visible
            .iter()
            .map(|i| bundle.summary_at(*i).unwrap().id)
            .collect()
    };
    assert!(found.len() >= 2 && !found.contains(&order[0]), "{found:?}");
    for expected in [found[0], found[1], found[1]] {
        harness.key_press(Key::ArrowDown);
        harness.run_steps(3);
        assert_eq!(selected(&harness), expected);
    }
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Search articles")
            .is_focused(),
        "the search field keeps the keys"
    );
    harness.key_press(Key::ArrowUp);
    harness.run_steps(3);
    assert_eq!(selected(&harness), found[0]);
    // In a short window the list scrolls to the article the keys open.
    harness.state_mut().state.filter.status = None;
    harness.state_mut().state.list_dirty = true;
    harness.set_size(egui::vec2(1400.0, 420.0));
    harness.run_steps(3);
    let last = *order.last().unwrap();
    for _ in 0..order.len() {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
        harness.run_steps(2);
    }
    harness.run_steps(3);
    assert_eq!(selected(&harness), last);
    let headline = draft(&harness).headline;
    let row = harness.get_by_role_and_label(Role::Button, &headline);
    let bottom = row.accesskit_node().bounding_box().expect("drawn").y1;
    assert!(bottom <= 420.0, "the last row is on screen: {bottom}");
}

#[test]
fn undoing_a_new_article_or_a_duplicate_selects_the_article_it_was_made_beside() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let first = harness.state().state.selected;
    for shortcut in [Key::N, Key::D] {
        harness.key_press_modifiers(Modifiers::COMMAND, shortcut);
        harness.run_steps(3);
        assert_ne!(harness.state().state.selected, first);
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(3);
        assert_eq!(
            harness.state().state.selected,
            first,
            "after undoing {shortcut:?}"
        );
    }
}

#[test]
fn a_right_click_on_a_row_selects_it_and_offers_what_the_article_menu_does() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let library: uuid::Uuid = LIBRARY.parse().unwrap();
    assert_ne!(harness.state().state.selected, Some(library));
    let row = harness.get_by_role_and_label(
        Role::Button,
        "City library opens its stacks to night readers",
    );
    let bounds = row.accesskit_node().bounding_box().unwrap();
    let pos = egui::pos2(
        ((bounds.x0 + bounds.x1) / 2.0) as f32,
        ((bounds.y0 + bounds.y1) / 2.0) as f32,
    );
    right_click(&mut harness, pos);
    assert_eq!(
        harness.state().state.selected,
        Some(library),
        "the row is selected"
    );
    harness.check_accessibility();
    let before = article_ids(&harness).len();
    harness.get_by_label_contains("Duplicate article").click();
    harness.run_steps(3);
    assert_eq!(
        article_ids(&harness).len(),
        before + 1,
        "the duplicate is made"
    );
    assert!(
        harness
            .query_by_label_contains("Duplicate article")
            .is_none(),
        "and the menu closes"
    );
    assert!(draft(&harness).headline.contains("City library"));
}

#[test]
fn the_list_filters_by_a_tag_the_project_uses() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_role_and_label(Role::ComboBox, "Tag").click();
    harness.run_steps(2);
    harness.get_by_label("Rowing").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.filter.tag.as_deref(), Some("Rowing"));
    assert!(harness.query_by_label_contains("1 of 7 articles").is_some());
    assert!(
        harness
            .query_by_label("Harbour rowing club wins first national title in 40 years")
            .is_some()
    );
    // A tag added in the editor is offered by the filter at once.
    append_to(&mut harness, Role::TextInput, "Tags", "Regatta");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    harness.get_by_role_and_label(Role::ComboBox, "Tag").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Regatta").is_some());
}

#[test]
fn sorted_another_way_the_list_scrolls_to_the_open_article() {
    // A short window: the list shows its first rows only.
    let (_dir, mut harness) = sample_open_at(1400.0, 420.0);
    let open_row = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        let headline = draft(harness).headline;
        harness
            .query_by_role_and_label(Role::Button, &headline)
            .is_some()
    };
    assert!(
        open_row(&harness),
        "the open article is first in project order"
    );
    // By headline it goes fifth, below the rows in view; the list follows it there.
    harness.state_mut().state.filter.sort = copydesk::app::list::SortKey::Headline;
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(4);
    assert!(open_row(&harness), "the list scrolled to the open article");
}

#[test]
fn a_project_opens_again_at_the_article_last_open_in_it() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let first = article_ids(&harness)[0];
    assert_eq!(harness.state().state.selected, Some(first));
    select(&mut harness, LIBRARY);
    // The next run starts with the settings this one leaves.
    let settings = harness.state().state.settings.clone();
    drop(harness);
    let harness = open_with_settings(&root, settings.clone());
    assert_eq!(
        harness.state().state.selected,
        Some(LIBRARY.parse().unwrap())
    );
    // An article deleted meanwhile (elsewhere) leaves the project opening at its first.
    std::fs::remove_file(root.join(format!("articles/{LIBRARY}.json"))).unwrap();
    drop(harness);
    let harness = open_with_settings(&root, settings);
    assert_eq!(harness.state().state.selected, Some(first));
}

#[test]
fn a_deleted_article_gives_its_place_to_the_next_one_the_list_shows() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let delete_open_article =
        |harness: &mut egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
            // From the menu: Ctrl+Delete would delete a word in the search box.
            choose_in_menu(harness, "Article", "Delete article");
            harness.run_steps(3);
            harness.key_press(Key::Enter);
            harness.run_steps(3);
        };
    // By headline, the city library's story is followed by the harbour's (in the project's
    // order, by the bakery's).
    harness.state_mut().state.filter.sort = copydesk::app::list::SortKey::Headline;
    harness.state_mut().state.list_dirty = true;
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000002");
    delete_open_article(&mut harness);
    assert_eq!(
        draft(&harness).headline,
        "Harbour rowing club wins first national title in 40 years"
    );
    // The last article the search shows: the one above it takes its place.
    search_for(&mut harness, "a");
    let shown = harness.state().state.visible.len();
    let last = harness.state().state.visible[shown - 1];
    let above = harness.state().state.visible[shown - 2];
    let id_at = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>, i| {
        harness
            .state()
            .state
            .bundle
            .as_ref()
            .unwrap()
            .summary_at(i)
            .unwrap()
            .id
    };
    let (last, above) = (id_at(&harness, last), id_at(&harness, above));
    select(&mut harness, &last.to_string());
    delete_open_article(&mut harness);
    assert_eq!(harness.state().state.selected, Some(above));
    // The only article the search shows: none is open after it, rather than one the list hides.
    harness.state_mut().state.filter.query = "comet".into();
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(2);
    assert_eq!(harness.state().state.visible.len(), 1);
    let comet = id_at(&harness, harness.state().state.visible[0]);
    select(&mut harness, &comet.to_string());
    delete_open_article(&mut harness);
    assert_eq!(harness.state().state.selected, None);
}

/// A clicked row takes the keys, as a list box does: the arrows open the article above or
/// below (and not the control below the list), Enter gives the keys to the headline, and
/// Delete asks before deleting.
#[test]
fn a_clicked_row_takes_the_arrow_keys() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let order = article_ids(&harness);
    let selected = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>| {
        harness.state().state.selected.unwrap()
    };
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run_steps(3);
    let headline = draft(&harness).headline;
    harness
        .get_by_role_and_label(Role::Button, &headline)
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .get_by_role_and_label(Role::List, "Article list")
            .is_focused()
    );
    harness.key_press(Key::ArrowDown);
    harness.run_steps(3);
    assert_eq!(selected(&harness), order[2]);
    for _ in 0..3 {
        harness.key_press(Key::ArrowUp);
        harness.run_steps(3);
    }
    assert_eq!(selected(&harness), order[0], "the first stays the first");
    assert!(
        harness
            .get_by_role_and_label(Role::List, "Article list")
            .is_focused(),
        "the list keeps the keys"
    );
    harness.key_press(Key::Delete);
    harness.run_steps(3);
    assert!(matches!(
        harness.state().state.modal,
        Some(copydesk::app::Modal::ConfirmDelete { .. })
    ));
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert_eq!(article_ids(&harness), order, "nothing deleted");
    // The question gave the keys back to the list: the arrows go on choosing.
    harness.key_press(Key::ArrowDown);
    harness.run_steps(3);
    assert_eq!(selected(&harness), order[1]);
    harness.key_press(Key::ArrowUp);
    harness.run_steps(3);
    // Enter sends the keys to the headline, at its end.
    harness
        .get_by_role_and_label(Role::Button, &draft(&harness).headline)
        .click();
    harness.run_steps(3);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    harness.event(egui::Event::Text("!".into()));
    harness.run_steps(3);
    assert!(
        draft(&harness).headline.ends_with("US!"),
        "{}",
        draft(&harness).headline
    );
    // Enter in the list's search goes on to the headline too.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(3);
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(selected(&harness), order[1]);
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Headline")
            .is_focused()
    );
}

#[test]
fn a_new_article_the_search_would_hide_clears_the_search_and_shows_in_the_list() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.state_mut().state.filter.sort = copydesk::app::list::SortKey::Headline;
    search_for(&mut harness, "library");
    assert!(harness.query_by_label_contains("1 of 7 articles").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    // The new article is listed and open; the sort chosen stays.
    assert!(harness.query_by_label_contains("8 of 8 articles").is_some());
    let state = &harness.state().state;
    assert_eq!(state.filter.query, "");
    assert_eq!(state.filter.sort, copydesk::app::list::SortKey::Headline);
    let new = state.selected.unwrap();
    let shown: Vec<_> = state
        .visible
        .iter()
        .map(|i| state.bundle.as_ref().unwrap().summary_at(*i).unwrap().id)
        .collect();
    assert!(shown.contains(&new));
    let notice = state.notice.as_ref().unwrap().text.clone();
    assert_eq!(notice, "The search was cleared to show the new article");
    // A duplicate of an article the list shows leaves the search alone.
    let copy_of = "City library opens its stacks to night readers";
    harness.get_by_label(copy_of).click();
    harness.run_steps(2);
    search_for(&mut harness, "library");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run_steps(3);
    assert_eq!(harness.state().state.filter.query, "library");
    assert!(harness.query_by_label_contains("2 of 9 articles").is_some());
    // A filter by status hides a new draft too.
    harness.state_mut().state.filter.query.clear();
    harness.state_mut().state.filter.status = Some(Status::Published);
    harness.state_mut().state.list_dirty = true;
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("10 of 10 articles")
            .is_some()
    );
    let notice = harness.state().state.notice.as_ref().unwrap().text.clone();
    assert_eq!(notice, "The filters were cleared to show the new article");
}
