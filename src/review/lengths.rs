//! The length rules: headline, SEO and social titles (or the headline standing in for an empty
//! one), standfirst and body, each against the project's limits.

use super::checklist::CheckContext;
use super::{Field, Finding, Severity};
use crate::model::Article;
use crate::model::display_length::{byte_at_length, display_length, has_wide};

/// A length as a finding says it: "70 characters (wide characters count twice)" when the text
/// holds Chinese, Japanese or Korean characters, which the limits count twice.
fn characters(length: usize, text: &str) -> String {
    let counted = crate::model::plural::counted(length, "character");
    if has_wide(text) {
        format!("{counted} (wide characters count twice)")
    } else {
        counted
    }
}

/// A finding when a text is longer than its limit, pointing at the part past the limit.
fn too_long(
    rule: &'static str,
    level: Severity,
    field: Field,
    text: &str,
    max: usize,
) -> Option<Finding> {
    let length = display_length(text);
    if length <= max {
        return None;
    }
    let cut = byte_at_length(text, max);
    let message = format!(
        "{} is {}; the limit is {max}",
        field.label(),
        characters(length, text)
    );
    Some(Finding::new(rule, level, field, message).at(cut..text.len()))
}

pub(super) fn headline_length(
    a: &Article,
    c: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    let max = c.settings.checklist.limits.headline_max;
    out.extend(too_long(
        "headline.length",
        level,
        Field::Headline,
        &a.headline,
        max,
    ));
}

pub(super) fn seo_title_length(
    a: &Article,
    c: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    let max = c.settings.checklist.limits.seo_title_max;
    out.extend(title_length(
        "seo_title.length",
        level,
        Field::SeoTitle,
        a,
        max,
    ));
}

pub(super) fn social_title_length(
    a: &Article,
    c: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    let max = c.settings.checklist.limits.social_title_max;
    out.extend(title_length(
        "social_title.length",
        level,
        Field::SocialTitle,
        a,
        max,
    ));
}

/// An SEO or social title (`field`) longer than `max`, and, when it is empty, the headline that
/// stands in for it longer than that.
fn title_length(
    rule: &'static str,
    level: Severity,
    field: Field,
    a: &Article,
    max: usize,
) -> impl Iterator<Item = Finding> {
    let title = field.text(a).unwrap_or_default();
    too_long(rule, level, field, title, max)
        .into_iter()
        .chain(headline_standing_in(rule, level, field, a, max))
}

/// A finding when an empty SEO or social title (`field`) leaves the headline to stand in, and
/// the headline is longer than that title's limit: search results or link cards would cut it.
fn headline_standing_in(
    rule: &'static str,
    level: Severity,
    field: Field,
    a: &Article,
    max: usize,
) -> Option<Finding> {
    let title = field.text(a).unwrap_or_default();
    let headline = a.headline.trim();
    let length = display_length(headline);
    (title.trim().is_empty() && length > max).then(|| {
        let title = match field {
            Field::SeoTitle => "SEO title",
            _ => "social title",
        };
        let message = format!(
            "The {title} is empty, so the headline stands in: {}, over the limit of {max}",
            characters(length, headline)
        );
        Finding::new(rule, level, field, message)
    })
}

pub(super) fn standfirst_length(
    a: &Article,
    c: &CheckContext,
    level: Severity,
    out: &mut Vec<Finding>,
) {
    let limits = &c.settings.checklist.limits;
    let length = display_length(a.standfirst.trim());
    if length < limits.standfirst_min {
        let message = if length == 0 {
            format!(
                "The article has no standfirst; it should be {} to {} characters",
                limits.standfirst_min, limits.standfirst_max
            )
        } else {
            format!(
                "The standfirst is {}; it should be at least {}",
                characters(length, &a.standfirst),
                limits.standfirst_min
            )
        };
        out.push(Finding::new(
            "standfirst.length",
            level,
            Field::Standfirst,
            message,
        ));
    }
    out.extend(too_long(
        "standfirst.length",
        level,
        Field::Standfirst,
        &a.standfirst,
        limits.standfirst_max,
    ));
}

pub(super) fn body_length(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let min = c.settings.checklist.limits.body_min_words;
    let words = a.body_stats().words;
    if words < min {
        let message = if words == 0 {
            format!("The body is empty; it should have at least {min} words")
        } else {
            format!(
                "The body has {}; it should have at least {min}",
                crate::model::plural::counted(words, "word")
            )
        };
        out.push(Finding::new("body.length", level, Field::Body, message));
    }
}
