//! Which fields of an article changed between two versions, named as the editor names them:
//! the history pane says "Also changed: tags, status" beside its word diff of the text.

use super::Article;
use serde_json::Value;

/// The article's fields as its file stores them, each with the editor's name for it, in the
/// editor's order. Fields that only follow others (the workflow record, the times) are left out.
const FIELD_NAMES: [(&str, &str); 18] = [
    ("headline", "headline"),
    ("seo_title", "SEO title"),
    ("social_title", "social title"),
    ("standfirst", "standfirst"),
    ("status", "status"),
    ("section", "section"),
    ("bylines", "bylines"),
    ("tags", "tags"),
    ("slugline", "slugline"),
    ("slug", "slug"),
    ("dateline", "dateline"),
    ("language", "language"),
    ("embargo", "embargo"),
    ("editors_note", "editor's note"),
    ("corrections", "corrections"),
    ("hero_image", "pictures"),
    ("images", "pictures"),
    ("waivers", "waivers"),
];

/// The fields besides the body in which two stored versions of an article differ (as a file or
/// a revision holds them), in the editor's order and words; an absent field and an empty one
/// are alike, as an empty field is left out of the file.
pub fn changed_in(old: &Value, new: &Value) -> Vec<&'static str> {
    let mut changed: Vec<&'static str> = Vec::new();
    for (key, name) in FIELD_NAMES {
        if stored(old, key) != stored(new, key) && !changed.contains(&name) {
            changed.push(name);
        }
    }
    changed
}

/// A stored field, absent and empty alike.
fn stored<'a>(fields: &'a Value, key: &str) -> Option<&'a Value> {
    fields.get(key).filter(|value| match value {
        Value::Null => false,
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        _ => true,
    })
}

/// The fields besides the headline, standfirst and body (which the word diff shows) in which
/// `new` differs from `old`, in the editor's order and words.
pub fn changed_fields(old: &Article, new: &Article) -> Vec<&'static str> {
    let stored = |article: &Article| serde_json::to_value(article).unwrap_or(Value::Null);
    changed_in(&stored(old), &stored(new))
        .into_iter()
        .filter(|name| !matches!(*name, "headline" | "standfirst"))
        .collect()
}

/// [`changed_fields`], each with how it changed where that is short to say: "status (draft →
/// ready)", "tags (+ Diplomacy, − Russia)", "bylines (+ Ann Other)".
pub fn described_changes(old: &Article, new: &Article) -> Vec<String> {
    changed_fields(old, new)
        .into_iter()
        .map(|name| match how_changed(name, old, new) {
            Some(how) => format!("{name} ({how})"),
            None => name.to_owned(),
        })
        .collect()
}

/// How field `name` changed from `old` to `new`, for the fields short enough to say it of.
fn how_changed(name: &str, old: &Article, new: &Article) -> Option<String> {
    let names = |article: &Article| -> Vec<String> {
        article.bylines.iter().map(|b| b.name.clone()).collect()
    };
    match name {
        "status" => Some(format!("{} → {}", old.status, new.status)),
        "section" => from_to(&old.section, &new.section),
        "SEO title" => from_to(&old.seo_title, &new.seo_title),
        "social title" => from_to(&old.social_title, &new.social_title),
        "slugline" => from_to(&old.slugline, &new.slugline),
        "slug" => from_to(&old.slug, &new.slug),
        "language" => from_to(&old.language, &new.language),
        "tags" => came_and_went(&old.tags, &new.tags),
        "bylines" => came_and_went(&names(old), &names(new)),
        _ => None,
    }
}

/// The longest value a change is shown with.
const LONGEST_SHOWN: usize = 60;

/// "old → new", an empty value shown as "none"; nothing when either is too long to show.
fn from_to(old: &str, new: &str) -> Option<String> {
    let shown = |value: &str| match value.trim() {
        "" => Some("none".to_owned()),
        value if value.chars().count() <= LONGEST_SHOWN => Some(value.to_owned()),
        _ => None,
    };
    Some(format!("{} → {}", shown(old)?, shown(new)?))
}

/// The items of `new` not in `old` ("+ …") and those of `old` not in `new` ("− …"); nothing
/// when the same items only moved (or changed otherwise, as a byline's role).
fn came_and_went(old: &[String], new: &[String]) -> Option<String> {
    let came = new.iter().filter(|item| !old.contains(item));
    let went = old.iter().filter(|item| !new.contains(item));
    let said: Vec<String> = came
        .map(|item| format!("+ {item}"))
        .chain(went.map(|item| format!("− {item}")))
        .collect();
    (!said.is_empty()).then(|| said.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_fields_that_changed_and_no_others() {
        let old = Article::new("Talks resume");
        let mut new = old.clone();
        assert!(changed_fields(&old, &new).is_empty());
        new.tags.push("Diplomacy".into());
        new.status = crate::model::Status::Editing;
        new.body = "A body the word diff shows.".into();
        new.headline = "Talks resume today".into();
        assert_eq!(changed_fields(&old, &new), ["status", "tags"]);
        assert_eq!(
            described_changes(&old, &new),
            ["status (draft → editing)", "tags (+ Diplomacy)"]
        );
    }

    #[test]
    fn says_only_that_a_field_changed_when_how_is_long_or_not_a_coming_or_going() {
        let mut old = Article::new("Talks resume");
        old.bylines = vec![
            crate::model::Byline::new("Ann", ""),
            crate::model::Byline::new("Bo", ""),
        ];
        let mut new = old.clone();
        new.bylines.reverse();
        new.seo_title =
            "A very long SEO title that goes on well past what a line can show at all".into();
        new.editors_note = "Check the figures.".into();
        assert_eq!(
            described_changes(&old, &new),
            ["SEO title", "bylines", "editor's note"]
        );
    }
}
