//! Editorial review: the pre-publication checklist, proofreading and the workflow. Plain Rust, no UI.

mod body;
pub mod checklist;
mod corrections;
mod embargo;
mod fixing;
pub mod images;
mod lengths;
mod links;
pub mod profile;
pub mod proofread;
pub mod tags;
pub mod workflow;

pub use checklist::{CheckContext, ProjectFacts, Reviewer};
pub use fixing::{apply_fixes, fix_twin_counts};
pub use profile::{ChecklistProfile, HouseDash, HouseStyle, Level, Limits, PatternRule, Preferred};

use serde::Serialize;
use std::ops::Range;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks ready, published and export.
    Required,
    /// A warning; can be waived with a reason.
    Recommended,
    /// A note, such as a missing dictionary.
    Info,
}

impl Severity {
    /// The severity a rule's level gives its findings; none when the rule is off.
    pub fn of(level: Level) -> Option<Severity> {
        match level {
            Level::Off => None,
            Level::Recommended => Some(Severity::Recommended),
            Level::Required => Some(Severity::Required),
        }
    }
}

/// The article field a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The headline.
    Headline,
    /// The SEO title.
    SeoTitle,
    /// The social title.
    SocialTitle,
    /// The standfirst.
    Standfirst,
    /// The bylines.
    Bylines,
    /// The section.
    Section,
    /// The tags.
    Tags,
    /// The slugline.
    Slugline,
    /// The dateline.
    Dateline,
    /// The language.
    Language,
    /// The editor's note.
    EditorsNote,
    /// The body.
    Body,
    /// The URL slug.
    Slug,
    /// The workflow status.
    Status,
    /// The embargo.
    Embargo,
    /// The corrections.
    Corrections,
    /// The hero image and its metadata.
    HeroImage,
}

impl Field {
    /// The snake_case name used in JSON and waivers.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Headline => "headline",
            Field::SeoTitle => "seo_title",
            Field::SocialTitle => "social_title",
            Field::Standfirst => "standfirst",
            Field::Bylines => "bylines",
            Field::Section => "section",
            Field::Tags => "tags",
            Field::Slugline => "slugline",
            Field::Dateline => "dateline",
            Field::Language => "language",
            Field::EditorsNote => "editors_note",
            Field::Body => "body",
            Field::Slug => "slug",
            Field::Status => "status",
            Field::Embargo => "embargo",
            Field::Corrections => "corrections",
            Field::HeroImage => "hero_image",
        }
    }

    /// The label of the editor's box for item `index` of this field, which is also the box's
    /// name: a byline's name ("Name 1"), a correction's text ("Correction 1"); none for a
    /// field without such items.
    pub fn item_label(self, index: usize) -> Option<String> {
        match self {
            Field::Bylines => Some(format!("Name {}", index + 1)),
            Field::Corrections => Some(format!("Correction {}", index + 1)),
            _ => None,
        }
    }

    /// The label of the field in the editor.
    pub fn label(self) -> &'static str {
        match self {
            Field::Headline => "Headline",
            Field::SeoTitle => "SEO title",
            Field::SocialTitle => "Social title",
            Field::Standfirst => "Standfirst",
            Field::Bylines => "Bylines",
            Field::Section => "Section",
            Field::Tags => "Tags",
            Field::Slugline => "Slugline",
            Field::Dateline => "Dateline",
            Field::Language => "Language",
            Field::EditorsNote => "Editor's note",
            Field::Body => "Body",
            Field::Slug => "Slug",
            Field::Status => "Status",
            Field::Embargo => "Embargo",
            Field::Corrections => "Corrections",
            Field::HeroImage => "Pictures",
        }
    }

    /// The text of this field in an article, for the fields that are one piece of text.
    pub fn text(self, article: &crate::model::Article) -> Option<&str> {
        Some(match self {
            Field::Headline => &article.headline,
            Field::SeoTitle => &article.seo_title,
            Field::SocialTitle => &article.social_title,
            Field::Standfirst => &article.standfirst,
            Field::Slugline => &article.slugline,
            Field::EditorsNote => &article.editors_note,
            Field::Body => &article.body,
            Field::Slug => &article.slug,
            Field::Language => &article.language,
            Field::Section => &article.section,
            _ => return None,
        })
    }

    /// Bytes `span` of this field's text as characters (what the editor selects), while the
    /// text still holds them.
    pub fn chars_of(
        self,
        article: &crate::model::Article,
        span: Range<usize>,
    ) -> Option<Range<usize>> {
        let text = self.text(article)?;
        let start = text.get(..span.start)?.chars().count();
        Some(start..start + text.get(span)?.chars().count())
    }

    /// The text of this field, to be changed by a fix.
    pub fn text_mut(self, article: &mut crate::model::Article) -> Option<&mut String> {
        Some(match self {
            Field::Headline => &mut article.headline,
            Field::SeoTitle => &mut article.seo_title,
            Field::SocialTitle => &mut article.social_title,
            Field::Standfirst => &mut article.standfirst,
            Field::Slugline => &mut article.slugline,
            Field::EditorsNote => &mut article.editors_note,
            Field::Body => &mut article.body,
            Field::Slug => &mut article.slug,
            Field::Language => &mut article.language,
            Field::Section => &mut article.section,
            _ => return None,
        })
    }
}

/// A rule of the checklist or of proofreading, as the profile and the review panel know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id (`headline.length`), used in profiles, waivers and `check --json`.
    pub id: &'static str,
    /// What the rule checks, for settings and tooltips.
    pub title: &'static str,
    /// The level in a new project.
    pub default_level: Level,
}

/// Every rule: checklist, image and proofreading rules.
pub fn all_rules() -> impl Iterator<Item = RuleInfo> {
    checklist::RULES
        .iter()
        .map(|(info, _)| *info)
        .chain(images::RULES.iter().map(|(info, _)| *info))
        .chain(proofread::RULES.iter().copied())
}

/// One thing the review found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: &'static str,
    /// How serious it is.
    pub level: Severity,
    /// The field it is in.
    pub field: Field,
    /// What is wrong, in words an editor understands.
    pub message: String,
    /// Byte range in the field's text, when the finding points at text.
    #[serde(skip)]
    pub span: Option<Range<usize>>,
    /// The replacement for the span, when there is a one-click fix.
    pub suggestion: Option<String>,
    /// Other likely replacements after `suggestion` (a misspelling's other repairs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<String>,
    /// The reason given, when an editor waived this finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived: Option<String>,
    /// For a finding about one of a field's items, which one (from 0): a picture in the body
    /// (none for the hero), a byline, a correction.
    #[serde(skip)]
    pub item: Option<usize>,
}

impl Finding {
    /// A finding about a whole field.
    pub fn new(rule: &'static str, level: Severity, field: Field, message: String) -> Self {
        Finding {
            rule,
            level,
            field,
            message,
            span: None,
            suggestion: None,
            alternatives: Vec::new(),
            waived: None,
            item: None,
        }
    }

    /// The same finding about item `index` of its field (a picture of the body, none for the
    /// hero; a byline; a correction).
    pub fn of_item(mut self, index: Option<usize>) -> Self {
        self.item = index;
        self
    }

    /// The label of the editor's box (or button) that holds what this finding is about: for a
    /// picture, the box of its caption, credit or (otherwise) alt text, under that picture's
    /// name; for a byline or a correction, its box, or the button that adds one.
    pub fn editor_label(&self) -> String {
        match (self.field, self.rule, self.item) {
            (Field::Embargo, "embargo.time_zone", _) => return "Embargo time zone".to_owned(),
            (Field::Embargo, ..) => return "Embargo date".to_owned(),
            (Field::Dateline, ..) => return "Dateline place".to_owned(),
            (Field::Bylines | Field::Corrections, _, Some(i)) => {
                return self.field.item_label(i).unwrap_or_default();
            }
            (Field::Bylines, _, None) => return "Add byline".to_owned(),
            (Field::Corrections, _, None) => return "Add correction".to_owned(),
            (Field::HeroImage, ..) => {}
            (field, ..) => return field.label().to_owned(),
        }
        let name = match self.item {
            Some(index) => format!("Picture {}", index + 1),
            None => "Hero".to_owned(),
        };
        let part = match self.rule {
            "image.caption" => "caption",
            "image.credit" => "credit",
            _ => "alt text",
        };
        format!("{name} {part}")
    }

    /// The same finding pointing at a byte range of the field.
    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// The same finding with a fix.
    pub fn fix(mut self, replacement: impl Into<String>) -> Self {
        self.suggestion = Some(replacement.into());
        self
    }

    /// Gives the finding `repairs`, best first: the first is its fix, the rest its
    /// alternatives; none leaves it as it is.
    pub fn set_repairs(&mut self, repairs: &[String]) {
        if let Some((best, rest)) = repairs.split_first() {
            self.suggestion = Some(best.clone());
            self.alternatives = rest.to_vec();
        }
    }

    /// The same finding with `alternative` (one of its alternatives) as its fix.
    pub fn fixed_with(mut self, alternative: String) -> Self {
        self.alternatives.retain(|a| *a != alternative);
        self.suggestion = Some(alternative);
        self
    }

    /// The flagged text in the article, or "" for a whole-field finding.
    pub fn flagged_text<'a>(&self, article: &'a crate::model::Article) -> &'a str {
        match (&self.span, self.field.text(article)) {
            (Some(span), Some(text)) => text.get(span.clone()).unwrap_or(""),
            _ => "",
        }
    }

    /// The words around the flagged text within its line ("…by Kyivs and European leaders…"),
    /// so that two findings of one word tell apart; none for a whole-field finding or a short
    /// field, which the editor shows whole anyway.
    pub fn context(&self, article: &crate::model::Article) -> Option<String> {
        /// Characters of context on each side, give or take a word.
        const REACH: usize = 32;
        let span = self.span.clone()?;
        let text = self.field.text(article)?;
        if text.len() <= 2 * REACH + span.len() {
            return None;
        }
        let flagged = text.get(span.clone())?;
        // A paragraph flagged with its line breaks (to be deleted whole) is shown without them,
        // and without words from the next paragraph.
        let shown = match flagged.trim_matches('\n') {
            "" => flagged,
            trimmed => trimmed,
        };
        let before = match flagged.starts_with('\n') {
            true => "",
            false => text.get(..span.start)?,
        };
        let after = match flagged.ends_with('\n') {
            true => "",
            false => text.get(span.end..)?,
        };
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        let line_end = after.find('\n').unwrap_or(after.len());
        let (before, after) = (&before[line_start..], &after[..line_end]);
        // Cut at a space, so no word is shown in part.
        let head = match before.char_indices().rev().nth(REACH) {
            Some((at, _)) => before[at..]
                .find(' ')
                .map_or("", |space| &before[at + space + 1..]),
            None => before,
        };
        let tail = match after.char_indices().nth(REACH) {
            Some((at, _)) => after[..at].rfind(' ').map_or("", |space| &after[..space]),
            None => after,
        };
        let open = if head.len() < before.len() { "…" } else { "" };
        let close = if tail.len() < after.len() { "…" } else { "" };
        Some(format!("{open}{head}{shown}{tail}{close}"))
    }

    /// The span as character offsets in the field (what `check --json` and text cursors use).
    pub fn char_span(&self, article: &crate::model::Article) -> Option<Range<usize>> {
        self.field.chars_of(article, self.span.clone()?)
    }

    /// Whether `other` is an open finding of the same rule on the same text in the same field
    /// (the reference article's two "Kyivs"): a waiver of one covers both.
    pub fn same_flag(&self, other: &Finding, article: &crate::model::Article) -> bool {
        other.waived.is_none()
            && other.rule == self.rule
            && other.field == self.field
            && other.flagged_text(article) == self.flagged_text(article)
    }

    /// Whether a Required finding is still open (not waivable, so never waived).
    pub fn blocks(&self) -> bool {
        self.level == Severity::Required
    }
}

/// An article with its findings.
#[derive(Debug, Clone)]
pub struct ArticleReview {
    /// The article as checked.
    pub article: crate::model::Article,
    /// Its findings, Required first.
    pub findings: Vec<Finding>,
}

impl ArticleReview {
    /// Whether a Required rule fails.
    pub fn blocked(&self) -> bool {
        self.findings.iter().any(Finding::blocks)
    }
}

/// Resolves article names (ids or slugs) of a bundle; every article when none are given.
pub fn resolve_articles(
    bundle: &crate::bundle::Bundle,
    names: &[String],
) -> Result<Vec<uuid::Uuid>, crate::bundle::BundleError> {
    if names.is_empty() {
        return Ok(bundle.ids());
    }
    names
        .iter()
        .map(|name| {
            bundle
                .resolve(name)
                .ok_or_else(|| crate::bundle::BundleError::NoSuchArticle(name.clone()))
        })
        .collect()
}

/// Checks articles of a bundle with one reviewer, as `copydesk check` (with spelling
/// suggestions) and export gating (without: only the levels matter) do.
pub fn check_articles(
    bundle: &mut crate::bundle::Bundle,
    ids: &[uuid::Uuid],
    now: chrono::DateTime<chrono::Utc>,
    suggestions: bool,
) -> Result<Vec<ArticleReview>, crate::bundle::BundleError> {
    let articles = ids
        .iter()
        .map(|&id| bundle.article(id).cloned())
        .collect::<Result<Vec<_>, _>>()?;
    let project = ProjectFacts::of(bundle.summaries());
    let assets = bundle.root().join(crate::bundle::format::ASSETS_DIR);
    let context = CheckContext {
        settings: &bundle.project().settings,
        now,
        project: &project,
        assets: Some(&assets),
    };
    Ok(review_articles(articles, &context, suggestions))
}

/// Checks articles with one reviewer (so proofreading's caches serve them all).
pub fn review_articles(
    articles: Vec<crate::model::Article>,
    context: &CheckContext,
    suggestions: bool,
) -> Vec<ArticleReview> {
    let mut reviewer = Reviewer::new(context.settings);
    articles
        .into_iter()
        .map(|article| {
            let findings = if suggestions {
                reviewer.check_with_suggestions(&article, context)
            } else {
                reviewer.check(&article, context)
            };
            ArticleReview { article, findings }
        })
        .collect()
}

#[cfg(test)]
mod tests;
