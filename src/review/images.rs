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
            id: "image.file",
            title: "Picture files are in the bundle",
            default_level: Required,
        },
        file_present,
    ),
    (
        RuleInfo {
            id: "image.hero_size",
            title: "Hero at least 1200 px wide and 50,000 pixels",
            default_level: Recommended,
        },
        hero_size,
    ),
    (
        RuleInfo {
            id: "image.crops",
            title: "Note the hero's aspect ratio and the crops its focal point allows",
            default_level: Recommended,
        },
        crops,
    ),
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

/// The article's pictures: each one's name in messages, its index among the body's pictures
/// (none for the hero), and the picture.
fn images(article: &Article) -> impl Iterator<Item = (String, Option<usize>, &ImageRef)> {
    let hero = article
        .hero_image
        .iter()
        .map(|image| ("The hero image".to_owned(), None, image));
    let inline = article
        .images
        .iter()
        .enumerate()
        .map(|(i, image)| (format!("Picture {} of the body", i + 1), Some(i), image));
    hero.chain(inline)
}

fn file_present(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let Some(assets) = c.assets else {
        return;
    };
    for (name, index, image) in images(a) {
        let path = assets.join(image.asset.as_str());
        let problem = match std::fs::File::open(&path) {
            Err(_) => Some("is missing from the bundle's assets"),
            Ok(file) => {
                use std::io::Read;
                let mut head = Vec::with_capacity(64);
                let read = file.take(64).read_to_end(&mut head);
                (read.is_err() || image::guess_format(&head).is_err())
                    .then_some("is damaged: its file is not a picture")
            }
        };
        if let Some(problem) = problem {
            let message = format!("{name} {problem} ({})", image.asset.as_str());
            out.push(Finding::new("image.file", level, Field::HeroImage, message).of_item(index));
        }
    }
}

fn hero_size(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let limits = &c.settings.checklist.limits;
    let Some(hero) = a.hero_image.as_ref().filter(|h| h.width > 0) else {
        return;
    };
    let pixels = u64::from(hero.width) * u64::from(hero.height);
    if hero.width < limits.hero_min_width || pixels < limits.hero_min_pixels {
        let message = format!(
            "The hero image is {}×{} pixels; it should be at least {} pixels wide and {} pixels in all",
            hero.width, hero.height, limits.hero_min_width, limits.hero_min_pixels
        );
        out.push(Finding::new(
            "image.hero_size",
            level,
            Field::HeroImage,
            message,
        ));
    }
}

/// The crops editors ask for, as width and height ratios.
pub const CROPS: [(&str, u32, u32); 3] = [("16:9", 16, 9), ("4:3", 4, 3), ("1:1", 1, 1)];

/// The largest crop of a `ratio` (width to height) of a `width` × `height` picture, centred on
/// the focal point and kept inside the picture: its left, top, right and bottom edges as
/// fractions of the picture's width and height (0 to 1).
pub fn crop_around(
    width: u32,
    height: u32,
    focus: crate::model::FocalPoint,
    ratio: (u32, u32),
) -> [f64; 4] {
    let (w, h) = (f64::from(width).max(1.0), f64::from(height).max(1.0));
    let target = f64::from(ratio.0) / f64::from(ratio.1.max(1));
    let (crop_w, crop_h) = if w / h > target {
        (h * target, h)
    } else {
        (w, w / target)
    };
    // The largest crop can exceed the picture by a rounding error; clamp never sees min > max.
    let start = |focus: f64, size: f64, crop: f64| {
        (focus - crop / 2.0).clamp(0.0, (size - crop).max(0.0)) / size
    };
    let left = start(f64::from(focus.x) / 1000.0 * w, w, crop_w);
    let top = start(f64::from(focus.y) / 1000.0 * h, h, crop_h);
    [left, top, left + crop_w / w, top + crop_h / h]
}

/// Whether the largest crop of a ratio, centred on the focal point and kept inside the picture,
/// still has the focal point in its middle two thirds.
pub fn crop_keeps_focus(
    width: u32,
    height: u32,
    focus: crate::model::FocalPoint,
    ratio: (u32, u32),
) -> bool {
    let [left, top, right, bottom] = crop_around(width, height, focus, ratio);
    let inside = |focus: u16, start: f64, end: f64| {
        let at = (f64::from(focus) / 1000.0 - start) / (end - start);
        (1.0 / 6.0..=5.0 / 6.0).contains(&at)
    };
    inside(focus.x, left, right) && inside(focus.y, top, bottom)
}

fn crops(a: &Article, _: &CheckContext, _: Severity, out: &mut Vec<Finding>) {
    let Some(hero) = a
        .hero_image
        .as_ref()
        .filter(|h| h.width > 0 && h.height > 0)
    else {
        return;
    };
    let focus = hero.focal_point.unwrap_or_default();
    let allowed: Vec<&str> = CROPS
        .iter()
        .filter(|(_, x, y)| crop_keeps_focus(hero.width, hero.height, focus, (*x, *y)))
        .map(|(name, ..)| *name)
        .collect();
    let message = format!(
        "The hero image is {}×{} ({:.2}:1); crops that keep the focal point: {}",
        hero.width,
        hero.height,
        f64::from(hero.width) / f64::from(hero.height),
        if allowed.is_empty() {
            "none".to_owned()
        } else {
            allowed.join(", ")
        }
    );
    out.push(Finding::new(
        "image.crops",
        Severity::Info,
        Field::HeroImage,
        message,
    ));
}

fn alt_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (name, index, image) in images(a) {
        if !image.decorative && image.alt.trim().is_empty() {
            let message = format!("{name} has no alt text and is not marked decorative");
            out.push(Finding::new("image.alt", level, Field::HeroImage, message).of_item(index));
        }
    }
}

fn alt_length(a: &Article, c: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    let max = c.settings.checklist.limits.alt_text_max;
    for (name, index, image) in images(a) {
        let length = image.alt.chars().count();
        if length > max {
            let message = format!("{name}'s alt text is {length} characters; the limit is {max}");
            out.push(
                Finding::new("image.alt_length", level, Field::HeroImage, message).of_item(index),
            );
        }
    }
}

fn caption_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (name, index, image) in images(a) {
        if image.caption.trim().is_empty() {
            let message = format!("{name} has no caption");
            out.push(
                Finding::new("image.caption", level, Field::HeroImage, message).of_item(index),
            );
        }
    }
}

fn credit_present(a: &Article, _: &CheckContext, level: Severity, out: &mut Vec<Finding>) {
    for (name, index, image) in images(a) {
        if image.credit.trim().is_empty() {
            let message = format!("{name} has no credit");
            out.push(Finding::new("image.credit", level, Field::HeroImage, message).of_item(index));
        }
    }
}
