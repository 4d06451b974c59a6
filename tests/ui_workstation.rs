//! The workstation driven through its real UI by role and label (egui_kittest), with its
//! accessibility checks on: every control must have a name.

mod common;

use common::ui::*;

use copydesk::app::command::PreviewMode;
use copydesk::app::jobs::DialogPurpose;
use copydesk::app::settings::SidePane;
use copydesk::model::Status;
use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn create_an_article_type_and_see_preview_and_counts_change() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The status bar counts the open article in words and characters, thousands grouped.
    assert!(
        harness
            .query_by_label_contains("651 words · 4,354 characters (3,715 without spaces) · 4 min")
            .is_some()
    );
    let before = harness.state().state.bundle.as_ref().unwrap().len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.bundle.as_ref().unwrap().len(),
        before + 1
    );
    // Without a headline, the breadcrumb ends with the section (the open article's).
    assert!(harness.query_by_label("HOME › WORLD").is_some());

    append_to(
        &mut harness,
        Role::TextInput,
        "Headline",
        "Tram line opens to riders",
    );
    // Without a word in the body, neither the page nor the status bar says "0 min read".
    assert!(harness.query_by_label("Last update: just now").is_some());
    assert!(
        harness
            .query_by_label("0 words · 0 characters (0 without spaces)")
            .is_some()
    );
    append_to(
        &mut harness,
        Role::MultilineTextInput,
        "Body paragraph 1",
        "The first tram left at six with forty riders aboard.",
    );

    let draft = harness.state().state.draft.clone().unwrap();
    assert_eq!(draft.headline, "Tram line opens to riders");
    // The preview shows the breadcrumb, headline and body; the status bar counts the words.
    assert!(harness.query_by_label_contains("HOME › ").is_some());
    assert!(
        harness
            .query_all_by_label("Tram line opens to riders")
            .count()
            >= 2,
        "list row and preview headline"
    );
    assert!(
        harness
            .query_by_label_contains("first tram left at six")
            .is_some()
    );
    assert!(harness.query_by_label_contains("10 words").is_some());
    assert!(
        harness
            .query_by_label_contains("Last update: just now · 1 min read")
            .is_some()
    );
    assert!(
        harness
            .state()
            .state
            .window_title()
            .starts_with("Copydesk — Sample desk — Tram line opens to riders")
    );
}

/// The side pane's tab in front, and the preview's mode.
fn shown(
    harness: &egui_kittest::Harness<'_, copydesk::ui::Workstation>,
) -> (SidePane, PreviewMode) {
    let settings = &harness.state().state.settings;
    (settings.side_pane, settings.preview_mode)
}

#[test]
fn choosing_a_preview_mode_brings_the_preview_forward_and_the_menu_marks_choices() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.get_by_label_contains("Review (").click();
    harness.run_steps(3);
    // From the review tab, a preview mode is chosen to be seen.
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Preview: Social card").click();
    harness.run_steps(3);
    assert_eq!(
        shown(&harness),
        (SidePane::Preview, PreviewMode::SocialCard)
    );
    // So does the next mode, from the history tab.
    harness.get_by_label("History").click();
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run_steps(3);
    assert_eq!(shown(&harness), (SidePane::Preview, PreviewMode::Page));
    // The menus mark the choices in force: the preview mode and the open article's status.
    harness.get_by_label("View").click();
    harness.run_steps(2);
    let selected = |harness: &egui_kittest::Harness<'_, _>, label: &str| {
        harness.get_by_label(label).accesskit_node().toggled()
    };
    assert_eq!(selected(&harness, "Preview: Page"), Some(Toggled::True));
    assert_eq!(
        selected(&harness, "Preview: Social card"),
        Some(Toggled::False)
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("Article").click();
    harness.run_steps(2);
    assert_eq!(selected(&harness, "Status: editing"), Some(Toggled::True));
    assert_eq!(selected(&harness, "Status: ready"), Some(Toggled::False));
    // A status the workflow does not lead to from "editing" is greyed out.
    let disabled = |harness: &egui_kittest::Harness<'_, _>, label: &str| {
        harness.get_by_label(label).accesskit_node().is_disabled()
    };
    assert!(disabled(&harness, "Status: published") && !disabled(&harness, "Status: ready"));
}

#[test]
fn the_palette_runs_a_command() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run_steps(3);
    harness
        .get_by_role_and_label(Role::TextInput, "Command")
        .type_text("prev soc");
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("Preview: Social card")
            .is_some()
    );
    harness.check_accessibility();
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.settings.preview_mode,
        copydesk::app::command::PreviewMode::SocialCard
    );
    assert!(harness.state().state.palette.is_none());
    assert!(
        harness.query_by_label("Social card").is_some(),
        "the preview says which mode it shows"
    );
}

#[test]
fn every_control_is_named_in_every_state() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // Fill the structured fields so their controls appear: an embargo, a correction, a byline.
    press(&mut harness, Role::CheckBox, "Embargo");
    press(&mut harness, Role::Button, "Add correction");
    // The new correction takes the keys at once.
    harness.event(egui::Event::Text("The vote was 7 to 2.".into()));
    harness.run_steps(2);
    assert_eq!(draft(&harness).corrections[0].text, "The vote was 7 to 2.");
    // Its wording and its kind are named by its number; the kind can be changed.
    assert!(
        harness
            .query_by_role_and_label(Role::MultilineTextInput, "Correction 1")
            .is_some()
    );
    harness.get_by_label("Kind of correction 1").click();
    harness.run_steps(2);
    harness.get_by_label("Clarification").click();
    harness.run_steps(2);
    assert_eq!(
        draft(&harness).corrections[0].kind,
        copydesk::model::CorrectionKind::Clarification
    );
    harness
        .get_by_role_and_label(Role::Button, "Add byline")
        .click();
    harness.run_steps(3);
    harness.event(egui::Event::Text("Ana Costa".into()));
    harness.run_steps(2);
    assert_eq!(draft(&harness).bylines[1].name, "Ana Costa");
    harness.check_accessibility();
    let draft = harness.state().state.draft.clone().unwrap();
    assert!(draft.embargo.is_some() && draft.corrections.len() == 1 && draft.bylines.len() == 2);
    for mode in ["Search result", "Social card", "Page"] {
        harness.get_by_label("View").click();
        harness.run_steps(2);
        harness.get_by_label(&format!("Preview: {mode}")).click();
        harness.run_steps(3);
        harness.check_accessibility();
    }
    // Without a dialog service, a path field takes over and is named too.
    harness.state_mut().state.modal = Some(copydesk::app::Modal::PathPrompt {
        purpose: DialogPurpose::Open,
        text: String::new(),
    });
    harness.run_steps(3);
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Path")
            .is_some()
    );
    harness.check_accessibility();
    assert!(
        harness
            .query_by_label_contains("project folder to open")
            .is_some()
    );
    // The prompt says what the path is for.
    harness.state_mut().state.modal = Some(copydesk::app::Modal::PathPrompt {
        purpose: DialogPurpose::Import,
        text: String::new(),
    });
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("the file to import")
            .is_some()
    );
}

#[test]
fn a_duplicate_of_a_published_article_is_a_new_draft_without_its_record() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // The ready article is published once its embargo has lifted (a step in its workflow
    // log); the corrected one has a correction to its readers.
    harness.state_mut().state.clock = || "2026-12-03T07:00:01Z".parse().unwrap();
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000003");
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::SetStatus(
            Status::Published,
        ));
    harness.run_steps(2);
    for id in ["3", "4"] {
        select(
            &mut harness,
            &format!("5a3e0000-0000-4000-8000-00000000000{id}"),
        );
        let original = draft(&harness);
        assert!(original.first_published.is_some());
        assert!(!original.corrections.is_empty() || !original.workflow_log.is_empty());
        harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
        harness.run_steps(3);
        let copy = draft(&harness);
        assert_ne!(copy.id, original.id);
        assert_eq!(
            (copy.body, copy.headline),
            (original.body, original.headline)
        );
        assert_eq!((copy.status, copy.first_published), (Status::Draft, None));
        assert!(copy.corrections.is_empty(), "{:?}", copy.corrections);
        assert!(copy.workflow_log.is_empty(), "{:?}", copy.workflow_log);
        assert_ne!(copy.slug, original.slug);
    }
}

#[test]
fn a_new_article_takes_its_headline_at_once_and_a_duplicate_is_ready_to_retitle() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    // Scrolled down in the open article: the new one still opens at its top.
    harness.state_mut().state.pending_body_cursor = Some((2_000, 2_000));
    harness.run_steps(3);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    // No click: the keys go to the headline.
    harness.event(egui::Event::Text("Tram line opens".into()));
    harness.run_steps(3);
    assert_eq!(draft(&harness).headline, "Tram line opens");
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Headline")
            .is_focused()
    );
    // Its slug, made from the empty headline, follows the one typed.
    assert_eq!(draft(&harness).slug, "tram-line-opens");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run_steps(3);
    harness.event(egui::Event::Text("Tram line extended".into()));
    harness.run_steps(3);
    assert_eq!(draft(&harness).headline, "Tram line extended");
    assert_eq!(draft(&harness).slug, "tram-line-extended");
    // A slug the editor wrote stays as written.
    append_to(&mut harness, Role::TextInput, "Slug", "-late");
    append_to(&mut harness, Role::TextInput, "Headline", " south");
    let copy = draft(&harness);
    assert_eq!(copy.headline, "Tram line extended south");
    assert_eq!(copy.slug, "tram-line-extended-late");
    // A published article's address never changes with its headline.
    select(&mut harness, "5a3e0000-0000-4000-8000-000000000004");
    append_to(&mut harness, Role::TextInput, "Headline", " again");
    let published = draft(&harness);
    assert!(published.headline.ends_with("in 40 years again"));
    assert_eq!(
        published.slug,
        "harbour-rowing-club-wins-first-national-title-in-40-years"
    );
    let headlines: Vec<String> = {
        let bundle = harness.state_mut().state.bundle.as_mut().unwrap();
        let ids = bundle.ids().to_vec();
        ids.iter()
            .map(|id| bundle.article(*id).unwrap().headline.clone())
            .collect()
    };
    assert!(
        headlines.contains(&"Tram line opens".to_owned()),
        "{headlines:?}"
    );
}

#[test]
fn the_preview_warns_of_an_embargo_until_it_lifts() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    assert!(harness.query_by_label_contains("EMBARGOED until").is_none());
    harness
        .get_by_role_and_label(Role::CheckBox, "Embargo")
        .click();
    harness.run_steps(3);
    let embargo = draft(&harness).embargo.expect("the box sets an embargo");
    assert!(embargo.until > fixed_clock());
    assert!(harness.query_by_label_contains("EMBARGOED until").is_some());
    // An embargo that has lifted is no longer announced.
    let lifted = fixed_clock() - chrono::Duration::hours(1);
    harness.state_mut().state.draft.as_mut().unwrap().embargo = Some(copydesk::model::Embargo {
        until: lifted.fixed_offset(),
        time_zone: "UTC".into(),
    });
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("EMBARGOED until").is_none());
}

#[test]
fn a_date_is_typed_a_character_at_a_time() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    harness
        .get_by_role_and_label(Role::TextInput, "Dateline date")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run_steps(2);
    assert_eq!(
        draft(&harness).dateline.date,
        None,
        "emptied, the date is cleared"
    );
    // Half a date stays in the box, with the format beside it, and leaves the date alone.
    for c in "2026-11".chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run_steps(1);
    }
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(Role::TextInput, "Dateline date");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("2026-11"));
    assert!(harness.query_by_label("YYYY-MM-DD").is_some());
    assert_eq!(draft(&harness).dateline.date, None);
    for c in "-27".chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert_eq!(
        draft(&harness).dateline.date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27)
    );
    assert!(harness.query_by_label("YYYY-MM-DD").is_none());
}

#[test]
fn a_following_slug_stays_unique() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let taken = draft(&harness).slug;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run_steps(3);
    // The new article takes the open one's headline: its slug is numbered, not shared.
    let headline = "Kremlin indicates lack of progress following Ukraine talks with US";
    harness.event(egui::Event::Text(headline.into()));
    harness.run_steps(3);
    assert_eq!(draft(&harness).slug, format!("{taken}-2"));
}

#[test]
fn a_notice_leaves_the_status_bar_after_a_while_and_a_failure_later() {
    let (_dir, root) = sample_copy();
    let mut harness = open(&root, no_dialogs());
    let shown = |harness: &egui_kittest::Harness<'static, copydesk::ui::Workstation>,
                 text: &str| { harness.query_by_label(text).is_some() };
    let ago = |seconds: u64| std::time::Instant::now() - std::time::Duration::from_secs(seconds);
    harness.state_mut().state.tell("Saved: 1 article written");
    harness.run_steps(2);
    assert!(shown(&harness, "Saved: 1 article written"));
    harness.state_mut().state.notice.as_mut().unwrap().at = ago(11);
    harness.run_steps(2);
    assert!(
        !shown(&harness, "Saved: 1 article written"),
        "news goes after 10 s"
    );
    harness
        .state_mut()
        .state
        .warn("The clipboard holds no text to import");
    harness.state_mut().state.notice.as_mut().unwrap().at = ago(11);
    harness.run_steps(2);
    assert!(
        shown(&harness, "The clipboard holds no text to import"),
        "a failure stays longer"
    );
    harness.state_mut().state.notice.as_mut().unwrap().at = ago(31);
    harness.run_steps(2);
    assert!(!shown(&harness, "The clipboard holds no text to import"));
}

#[test]
fn opening_and_looking_at_every_article_and_pane_changes_nothing() {
    let (_dir, root) = sample_copy();
    // The corpus's news pages too, as imported: text from the wild, in every field.
    let mut bundle = copydesk::bundle::Bundle::open(&root, copydesk::bundle::Access::ReadWrite)
        .expect("the sample opens");
    let pages = common::shared().join("corpus/articles");
    let mut names: Vec<_> = std::fs::read_dir(&pages)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 9, "the corpus's pages are there");
    for page in &names {
        let article = copydesk::import::import_file(page, fixed_clock()).expect("imports");
        bundle.insert_article(article).unwrap();
    }
    bundle.save().unwrap();
    drop(bundle);
    let mut harness = open(&root, no_dialogs());
    for id in article_ids(&harness) {
        select(&mut harness, &id.to_string());
        for pane in ["Review (", "History", "Preview"] {
            harness.get_by_label_contains(pane).click();
            harness.run_steps(4);
        }
        assert!(
            !harness.state().state.has_unsaved_changes(),
            "looking at {} changed it",
            draft(&harness).slug
        );
    }
}
