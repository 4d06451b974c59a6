//! The pre-publication checklist: metadata rules, and the `Reviewer` that runs every rule.

use super::proofread::Proofreader;
use super::{Field, Finding, RuleInfo, Severity};
use crate::model::{Article, ProjectSettings};
use chrono::{DateTime, Utc};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;
use uuid::Uuid;

use super::profile::Level::{Recommended, Required};

/// What rules need to know beyond the article itself.
pub struct CheckContext<'a> {
    /// The project's settings (profile, limits, house style).
    pub settings: &'a ProjectSettings,
    /// The present moment, for embargoes.
    pub now: DateTime<Utc>,
    /// What the project's other articles hold: their slugs and tags.
    pub project: &'a ProjectFacts,
    /// The bundle's asset folder, when picture files can be checked.
    pub assets: Option<&'a std::path::Path>,
}

/// What rules need to know of the project's articles beyond the one checked.
#[derive(Debug, Clone, Default)]
pub struct ProjectFacts {
    /// Which articles hold each slug.
    pub slug_owners: HashMap<String, Vec<Uuid>>,
    /// How the articles write each tag.
    pub tag_spellings: super::tags::TagSpellings,
}

impl ProjectFacts {
    /// The facts of a project's listed articles.
    pub fn of<'a>(summaries: impl Iterator<Item = &'a crate::bundle::ArticleSummary>) -> Self {
        let mut facts = ProjectFacts::default();
        for summary in summaries {
            facts.note_slug(&summary.slug, summary.id);
            super::tags::note(&mut facts.tag_spellings, &summary.tags, summary.id);
        }
        facts
    }

    /// Facts holding only which articles hold each slug.
    pub fn of_slugs<'a>(slugs: impl Iterator<Item = (&'a str, Uuid)>) -> Self {
        let mut facts = ProjectFacts::default();
        for (slug, id) in slugs {
            facts.note_slug(slug, id);
        }
        facts
    }

    /// Notes that article `id` holds `slug`.
    fn note_slug(&mut self, slug: &str, id: Uuid) {
        self.slug_owners
            .entry(slug.to_owned())
            .or_default()
            .push(id);
    }
}

/// A rule's check: adds findings at the given severity.
pub type CheckFn = fn(&Article, &CheckContext, Severity, &mut Vec<Finding>);

const fn rule(id: &'static str, title: &'static str, level: super::Level) -> RuleInfo {
    RuleInfo {
        id,
        title,
        default_level: level,
    }
}

/// The metadata rules, with their checks.
pub const RULES: &[(RuleInfo, CheckFn)] = &[
    (
        rule("headline.present", "Headline present", Required),
        headline_present,
    ),
    (
        rule("headline.length", "Headline within its length", Required),
        super::lengths::headline_length,
    ),
    (
        rule(
            "seo_title.length",
            "SEO title within its length",
            Recommended,
        ),
        super::lengths::seo_title_length,
    ),
    (
        rule(
            "social_title.length",
            "Social title within its length",
            Recommended,
        ),
        super::lengths::social_title_length,
    ),
    (
        rule(
            "standfirst.length",
            "Standfirst between its lengths",
            Recommended,
        ),
        super::lengths::standfirst_length,
    ),
    (
        rule("byline.present", "At least one byline", Required),
        byline_present,
    ),
    (
        rule("byline.name", "Bylines have a name and no \"By\"", Required),
        byline_names,
    ),
    (rule("section.set", "Section set", Required), section_set),
    (
        rule("section.known", "Section one of the project's", Recommended),
        section_known,
    ),
    (
        rule("tags.present", "At least one tag", Recommended),
        tags_present,
    ),
    (
        rule(
            "tags.consistent",
            "Tags written as the project's other articles write them",
            Recommended,
        ),
        super::tags::tags_consistent,
    ),
    (
        rule("dateline.place", "Dateline place", Recommended),
        dateline_place,
    ),
    (
        rule("body.length", "Body long enough", Recommended),
        super::lengths::body_length,
    ),
    (
        rule("slug.valid", "Slug valid for a URL", Required),
        slug_valid,
    ),
    (
        rule("slug.unique", "Slug unique in the project", Required),
        slug_unique,
    ),
    (
        rule("language.valid", "Language is a valid BCP 47 tag", Required),
        language_valid,
    ),
    (
        rule(
            "placeholder",
            "No placeholder left (TK, XX, [[…]], lorem ipsum)",
            Required,
        ),
        placeholders,
    ),
    (
        rule("links.wellformed", "Links well-formed", Required),
        super::links::links_wellformed,
    ),
    (
        rule(
            "body.indented_code",
            "No paragraph turned into code by its indent",
            Recommended,
        ),
        super::body::indented_code,
    ),
    (
        rule(
            "embargo.future",
            "Embargo not in the past when ready",
            Required,
        ),
        super::embargo::embargo_future,
    ),
    (
        rule("embargo.lifted", "Embargo lifted when published", Required),
        super::embargo::embargo_lifted,
    ),
    (
        rule(
            "embargo.time_zone",
            "Embargo in a known time zone",
            Required,
        ),
        super::embargo::embargo_time_zone,
    ),
    (
        rule(
            "correction.after_publish",
            "A changed published article has a correction",
            Recommended,
        ),
        super::corrections::correction_after_publish,
    ),
    (
        rule(
            "correction.present",
            "A corrected article has a correction",
            Required,
        ),
        super::corrections::corrected_has_correction,
    ),
    (
        rule("correction.text", "Every correction has its text", Required),
        super::corrections::correction_text,
    ),
    (
        rule(
            "status.killed",
            "A killed article is not published",
            Required,
        ),
        super::workflow::not_killed,
    ),
];

fn headline_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if a.headline.trim().is_empty() {
        out.push(Finding::new(
            "headline.present",
            level,
            Field::Headline,
            "The headline is empty".into(),
        ));
    }
}

fn byline_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if a.bylines.is_empty() {
        out.push(Finding::new(
            "byline.present",
            level,
            Field::Bylines,
            "The article has no byline".into(),
        ));
    }
}

fn byline_names(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (i, byline) in a.bylines.iter().enumerate() {
        let name = byline.name.trim();
        let message = if name.is_empty() {
            format!("Byline {} has no name", i + 1)
        } else if name
            .get(..3)
            .is_some_and(|by| by.eq_ignore_ascii_case("by "))
        {
            format!("Byline \"{name}\" starts with \"By\"; the page adds it")
        } else {
            continue;
        };
        out.push(Finding::new("byline.name", level, Field::Bylines, message).of_item(Some(i)));
    }
}

fn section_set(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if a.section.trim().is_empty() {
        out.push(Finding::new(
            "section.set",
            level,
            Field::Section,
            "No section is set".into(),
        ));
    }
}

/// The section is one of the project's, when it lists any: a slip of the keys ("Wolrd") or an
/// imported page's own section is named, with the project's section it nearly is as the fix.
fn section_known(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let section = a.section.trim();
    let sections = &c.settings.sections;
    if section.is_empty() || sections.is_empty() || sections.iter().any(|s| s == section) {
        return;
    }
    let nearest = crate::model::nearest::nearest_name(section, sections.iter().map(String::as_str));
    let finding = |message: String| Finding::new("section.known", level, Field::Section, message);
    out.push(match nearest {
        Some(known) => finding(format!(
            "\u{201c}{section}\u{201d} is not one of the project's sections: did you mean {known}?"
        ))
        .at(0..a.section.len())
        .fix(known.to_owned()),
        None => finding(format!(
            "\u{201c}{section}\u{201d} is not one of the project's sections: choose one, or add it to them"
        )),
    });
}

fn tags_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if a.tags.iter().all(|t| t.trim().is_empty()) {
        out.push(Finding::new(
            "tags.present",
            level,
            Field::Tags,
            "The article has no tags".into(),
        ));
    }
}

fn dateline_place(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if a.dateline.place.trim().is_empty() {
        out.push(Finding::new(
            "dateline.place",
            level,
            Field::Dateline,
            "The dateline has no place".into(),
        ));
    }
}

fn slug_valid(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    if !crate::model::slug::is_valid_slug(&a.slug) {
        let suggestion = crate::model::slug::slugify(&a.headline);
        let message = format!(
            "The slug \"{}\" is not valid in a URL (lowercase letters, digits and single hyphens)",
            a.slug
        );
        let finding = Finding::new("slug.valid", level, Field::Slug, message).at(0..a.slug.len());
        out.push(if suggestion.is_empty() {
            finding
        } else {
            finding.fix(suggestion)
        });
    }
}

fn slug_unique(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let taken = |slug: &str| {
        c.project
            .slug_owners
            .get(slug)
            .is_some_and(|ids| ids.iter().any(|id| *id != a.id))
    };
    if !a.slug.is_empty() && taken(&a.slug) {
        let free = crate::model::slug::unique_slug(&a.slug, taken);
        let message = format!("Another article already has the slug \"{}\"", a.slug);
        out.push(
            Finding::new("slug.unique", level, Field::Slug, message)
                .at(0..a.slug.len())
                .fix(free),
        );
    }
}

fn language_valid(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    use crate::model::language;
    if language::is_tag(&a.language) {
        return;
    }
    let message = format!(
        "\"{}\" is not a BCP 47 language tag (such as en, en-GB, ja)",
        a.language
    );
    let finding = Finding::new("language.valid", level, Field::Language, message);
    // "English" is mended to "en", "en_GB" to "en-GB".
    let fix = language::tag_of_name(&a.language)
        .map(str::to_owned)
        .or_else(|| Some(a.language.trim().replace('_', "-")).filter(|t| language::is_tag(t)));
    out.push(match fix {
        Some(fix) => finding.at(0..a.language.len()).fix(fix),
        None => finding,
    });
}

/// Whether a tag is a well-formed BCP 47 language tag (see [`crate::model::language::is_tag`]).
pub fn is_bcp47(tag: &str) -> bool {
    crate::model::language::is_tag(tag)
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:TK(?:TK)*|XX+)\b|\[\[[^\]\n]*\]\]|(?i:lorem ipsum)").expect("valid regex")
});

fn placeholders(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let fields = [
        Field::Headline,
        Field::SeoTitle,
        Field::SocialTitle,
        Field::Standfirst,
        Field::Slugline,
        Field::Body,
    ];
    for field in fields {
        let text = field.text(a).unwrap_or("");
        for m in PLACEHOLDER.find_iter(text) {
            let message = format!(
                "Placeholder \"{}\" left in the {}",
                m.as_str(),
                field.label().to_lowercase()
            );
            out.push(Finding::new("placeholder", level, field, message).at(m.range()));
        }
    }
}

/// Runs every rule of a project's profile; keeps proofreading caches between runs.
pub struct Reviewer {
    proofreader: Proofreader,
}

impl Reviewer {
    /// A reviewer for a project's settings.
    pub fn new(settings: &ProjectSettings) -> Self {
        Reviewer {
            proofreader: Proofreader::new(settings),
        }
    }

    /// Whether this reviewer was built for these settings.
    pub fn is_for(&self, settings: &ProjectSettings) -> bool {
        self.proofreader.is_for(settings)
    }

    /// Every finding with the dictionary's spelling suggestions filled in (the command line).
    pub fn check_with_suggestions(
        &mut self,
        article: &Article,
        context: &CheckContext,
    ) -> Vec<Finding> {
        let mut findings = self.check(article, context);
        self.fill_suggestions(article, &mut findings, &|| true);
        findings
    }

    /// Fills in spelling suggestions not yet known, while `keep_going` says so; true when any changed.
    pub fn fill_suggestions(
        &mut self,
        article: &Article,
        findings: &mut [Finding],
        keep_going: &dyn Fn() -> bool,
    ) -> bool {
        self.proofreader
            .fill_suggestions(article, findings, keep_going)
    }

    /// Every finding for an article, Required first, waived findings marked. Spelling
    /// suggestions are included only once computed (see [`Reviewer::fill_suggestions`]).
    pub fn check(&mut self, article: &Article, context: &CheckContext) -> Vec<Finding> {
        let profile = &context.settings.checklist;
        let mut findings = Vec::new();
        for (info, check) in RULES.iter().chain(super::images::RULES) {
            if let Some(severity) = Severity::of(profile.level(info)) {
                check(article, context, severity, &mut findings);
            }
        }
        self.proofreader.check(article, profile, &mut findings);
        for finding in &mut findings {
            if finding.level != Severity::Recommended {
                continue;
            }
            let text = finding.flagged_text(article);
            finding.waived = article
                .waivers
                .iter()
                .find(|w| w.covers(finding.rule, finding.field.as_str(), text))
                .map(|w| w.reason.clone());
        }
        findings.sort_by_key(|f| (f.level, f.field, f.span.as_ref().map_or(0, |s| s.start)));
        findings
    }
}

/// The Required findings that stop an article from moving on.
pub fn blocking(findings: &[Finding]) -> impl Iterator<Item = &Finding> {
    findings.iter().filter(|f| f.blocks())
}
