//! Helpers of the checklist and proofreading tests: an article that passes every rule, and
//! the findings of a change to it.

use chrono::{TimeZone, Utc};
use copydesk::model::{Article, Byline, ProjectSettings};
use copydesk::review::{CheckContext, Finding, ProjectFacts, Reviewer};

pub const BODY_WORD: &str =
    "The council met on Tuesday and agreed to extend the library's opening hours. ";

/// An article that passes every rule.
pub fn clean() -> Article {
    let mut a = Article::new_at(
        "Council extends library hours",
        Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap(),
    );
    a.standfirst =
        "Readers will be able to borrow books until midnight from next month, the council said."
            .into();
    a.bylines = vec![Byline::new("Ann Reporter", "Reporter")];
    a.section = "News".into();
    a.tags = vec!["libraries".into()];
    a.dateline.place = "Leeds".into();
    a.body = BODY_WORD.repeat(13);
    a
}

pub fn settings() -> ProjectSettings {
    ProjectSettings::default()
}

pub fn findings_with(
    article: &Article,
    settings: &ProjectSettings,
    others: &[(&str, uuid::Uuid)],
) -> Vec<Finding> {
    let owners = ProjectFacts::of_slugs(
        others
            .iter()
            .map(|(s, id)| (*s, *id))
            .chain([(article.slug.as_str(), article.id)]),
    );
    let context = CheckContext {
        settings,
        now: Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap(),
        project: &owners,
        assets: None,
    };
    Reviewer::new(settings).check_with_suggestions(article, &context)
}

pub fn findings(article: &Article) -> Vec<Finding> {
    findings_with(article, &settings(), &[])
}

pub fn rules_of(article: &Article) -> Vec<&'static str> {
    findings(article).iter().map(|f| f.rule).collect()
}

/// Asserts that a rule fires on `bad` and not on `good`.
pub fn flags(rule: &str, bad: &Article, good: &Article) {
    assert!(
        rules_of(bad).contains(&rule),
        "{rule} should fire: {:?}",
        findings(bad)
    );
    assert!(
        !rules_of(good).contains(&rule),
        "{rule} should not fire: {:?}",
        findings(good)
    );
}

pub fn edited(change: impl FnOnce(&mut Article)) -> Article {
    let mut a = clean();
    change(&mut a);
    a
}

/// The findings of one rule.
pub fn of_rule(rule: &str, article: &Article) -> Vec<Finding> {
    findings(article)
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

/// The text of each finding of a rule in a body.
pub fn flagged_in_body(rule: &str, body: &str) -> Vec<String> {
    let article = edited(|a| a.body = body.into());
    findings(&article)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.flagged_text(&article).to_owned())
        .collect()
}

/// Whether `body` has no spelling finding once `word` is in the project's dictionary.
pub fn spelled_right_with_project_word(word: &str, body: &str) -> bool {
    let mut settings = settings();
    settings.dictionary.push(word.into());
    let article = edited(|a| a.body = body.into());
    !findings_with(&article, &settings, &[])
        .iter()
        .any(|f| f.rule == "proof.spelling")
}
