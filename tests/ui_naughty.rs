//! The window shows every string of the Big List of Naughty Strings, in every field and in the
//! project's settings, through the editor, the three preview modes, the review, the history and
//! every tab of the settings dialog, without a panic.

mod common;

use common::naughty_strings;
use common::ui::*;
use copydesk::bundle::{Access, Bundle};
use copydesk::model::{Article, Byline, Correction, CorrectionKind};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

/// Strings per article: each article carries a batch in every field.
const BATCH: usize = 60;

fn fill(article: &mut Article, batch: &[String]) {
    let line = batch.join(" ");
    article.headline = line.clone();
    article.seo_title = line.clone();
    article.social_title = batch.concat();
    article.standfirst = line.clone();
    article.bylines = batch
        .iter()
        .take(5)
        .map(|s| Byline::new(s.clone(), s.clone()))
        .collect();
    article.section = batch[0].clone();
    article.tags = batch.to_vec();
    article.slugline = line.clone();
    article.dateline.place = batch[1].clone();
    article.editors_note = line.clone();
    article.body = batch.join("\n\n");
    article.corrections = vec![Correction {
        date: fixed_clock(),
        kind: CorrectionKind::Correction,
        text: line,
    }];
}

#[test]
fn every_naughty_string_is_shown_in_every_pane_without_a_panic() {
    let strings = naughty_strings();
    let (_dir, root) = sample_copy();
    let mut bundle = Bundle::open(&root, Access::ReadWrite).expect("the sample opens");
    let mut ids = Vec::new();
    for batch in strings.chunks(BATCH) {
        let mut article = Article::new_at("", fixed_clock());
        fill(&mut article, batch);
        ids.push(bundle.insert_article(article).unwrap());
    }
    let settings = &mut bundle.project_mut().settings;
    settings
        .sections
        .extend(strings.iter().take(BATCH).cloned());
    settings
        .dictionary
        .extend(strings.iter().take(BATCH).cloned());
    settings
        .house_style
        .banned
        .extend(strings.iter().take(BATCH).cloned());
    bundle.save().unwrap();
    drop(bundle);

    // Rare scripts here have no font on purpose: the window draws a box for them.
    let mut harness = open_allowing_missing_glyphs(&root, no_dialogs());
    for id in &ids {
        select(&mut harness, &id.to_string());
        for pane in ["Review (", "History", "Preview"] {
            harness.get_by_label_contains(pane).click();
            harness.run_steps(2);
        }
        for mode in [
            copydesk::app::command::PreviewMode::SearchSnippet,
            copydesk::app::command::PreviewMode::SocialCard,
            copydesk::app::command::PreviewMode::Page,
        ] {
            harness
                .state_mut()
                .state
                .apply(copydesk::app::command::Command::SetPreviewMode(mode));
            harness.run_steps(2);
        }
    }
    harness
        .state_mut()
        .state
        .apply(copydesk::app::command::Command::ProjectSettings);
    harness.run_steps(2);
    for tab in [
        "Sections",
        "Checklist",
        "House style",
        "Dictionary",
        "General",
    ] {
        harness.get_by_role_and_label(Role::Tab, tab).click();
        harness.run_steps(2);
    }
    // Looking at every tab changed nothing.
    assert!(!harness.state().state.settings_unapplied());
}
