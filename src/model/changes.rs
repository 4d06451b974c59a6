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
    }
}
