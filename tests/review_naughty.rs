//! Every string of the Big List of Naughty Strings goes through the review (every rule and
//! proofreading, with the dictionary's repairs) and through each finding's fix, and through the
//! window's text helpers (list continuation, the settings' checks) and find and replace, without
//! a panic: bad input gets findings, never a crash.

mod common;

use chrono::{TimeZone, Utc};
use common::*;
use copydesk::model::{Article, ProjectSettings};
use copydesk::review::{CheckContext, ProjectFacts, Reviewer};

#[test]
fn every_naughty_string_is_reviewed_and_fixed_without_a_panic() {
    // A house that settled its dash and its quotes, so that those checks and fixes run too.
    let mut settings = ProjectSettings::default();
    settings.house_style.dash = copydesk::review::HouseDash::SpacedEn;
    settings.house_style.curly_quotes = true;
    let mut reviewer = Reviewer::new(&settings);
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    let mut fixes = 0;
    for s in naughty_strings() {
        let mut article = Article::new_at(s.clone(), now);
        article.standfirst = s.clone();
        article.tags = vec![s.clone()];
        // In the body, alone, indented, and among words the proofreading looks at.
        article.body = format!(
            "{s}\n\n    {s}\n\nKyiv said Kyivs {s} talks wierd Chastian.\n\nChastain and Chastain.\n\n\
             a — {s} — b—{s}—c - {s} - d"
        );
        let owners = ProjectFacts::of_slugs([(article.slug.as_str(), article.id)].into_iter());
        let context = CheckContext {
            settings: &settings,
            now,
            project: &owners,
            assets: None,
        };
        let findings = reviewer.check_with_suggestions(&article, &context);
        for finding in &findings {
            let mut fixed = article.clone();
            fixes += usize::from(finding.apply_fix(&mut fixed));
            for alternative in &finding.alternatives {
                let mut other = article.clone();
                finding
                    .clone()
                    .fixed_with(alternative.clone())
                    .apply_fix(&mut other);
            }
            let _ = finding.context(&article);
        }
        let _ = copydesk::review::fix_twin_counts(&findings, &article);
        let _ = copydesk::markdown::opening(&article.body);
        let _ = copydesk::model::tags::offered(std::slice::from_ref(&s), &[], &s);
        // Enter after it in a list item, a quote or a line of its own.
        for line in [
            format!("- {s}"),
            format!("> {s}"),
            format!("1. {s}"),
            s.clone(),
        ] {
            let _ = copydesk::markdown::continuation::continuation(&line);
        }
        // As the project's settings: a title, a section, a site address.
        let mut project = copydesk::model::Project::new(s.clone());
        project.settings.base_url = s.clone();
        project.settings.sections.push(s.clone());
        let _ = project.problems();
        // Found and replaced by the find bar, in any case and as whole words.
        for (match_case, whole_words) in [(false, false), (true, true)] {
            let query = copydesk::find::Query {
                text: s.clone(),
                match_case,
                whole_words,
            };
            let matches = copydesk::find::Finder::new(&query).matches(&article);
            let mut replaced = article.clone();
            copydesk::find::replace(&mut replaced, &matches, "X");
        }
    }
    assert!(fixes > 0, "the damage planted beside the strings is fixed");
}
