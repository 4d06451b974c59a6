//! Image rules of the checklist. They sit in their own table so that image checks can grow
//! (sizes, crops) without touching the metadata rules.

use super::checklist::{CheckContext, CheckFn};
use super::profile::Level::{Recommended, Required};
use super::{Field, Finding, RuleInfo, Severity};
use crate::model::{Article, ImageRef};

/// The image rules, with their checks.
pub const RULES: &[(RuleInfo, CheckFn)] = &[
    (
        RuleInfo {
            id: "image.alt",
            title: "Images have alt text (or are marked decorative)",
            default_level: Required,
        },
        alt_present,
    ),
    (
        RuleInfo {
            id: "image.alt_length",
            title: "Alt text within its length",
            default_level: Recommended,
        },
        alt_length,
    ),
    (
        RuleInfo {
            id: "image.caption",
            title: "Images have a caption",
            default_level: Recommended,
        },
        caption_present,
    ),
    (
        RuleInfo {
            id: "image.credit",
            title: "Images have a credit",
            default_level: Required,
        },
        credit_present,
    ),
];

/// The images of an article that carry metadata, with a name for messages.
fn images(article: &Article) -> impl Iterator<Item = (&'static str, &ImageRef)> {
    article
        .hero_image
        .iter()
        .map(|image| ("The hero image", image))
}

fn alt_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (name, image) in images(a) {
        if !image.decorative && image.alt.trim().is_empty() {
            let message = format!("{name} has no alt text and is not marked decorative");
            out.push(Finding::new("image.alt", level, Field::HeroImage, message));
        }
    }
}

fn alt_length(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let max = c.settings.checklist.limits.alt_text_max;
    for (name, image) in images(a) {
        let length = image.alt.chars().count();
        if length > max {
            let message = format!("{name}'s alt text is {length} characters; the limit is {max}");
            out.push(Finding::new(
                "image.alt_length",
                level,
                Field::HeroImage,
                message,
            ));
        }
    }
}

fn caption_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (name, image) in images(a) {
        if image.caption.trim().is_empty() {
            let message = format!("{name} has no caption");
            out.push(Finding::new(
                "image.caption",
                level,
                Field::HeroImage,
                message,
            ));
        }
    }
}

fn credit_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (name, image) in images(a) {
        if image.credit.trim().is_empty() {
            let message = format!("{name} has no credit");
            out.push(Finding::new(
                "image.credit",
                level,
                Field::HeroImage,
                message,
            ));
        }
    }
}
