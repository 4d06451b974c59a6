//! Which fields of an article changed between two versions, named as the editor names them:
//! the history pane says "Also changed: tags, status" beside its word diff of the text.

use super::Article;

/// The fields besides the headline, standfirst and body (which the word diff shows) in which
/// `new` differs from `old`, in the editor's order and words.
pub fn changed_fields(old: &Article, new: &Article) -> Vec<&'static str> {
    [
        ("SEO title", old.seo_title != new.seo_title),
        ("social title", old.social_title != new.social_title),
        ("status", old.status != new.status),
        ("section", old.section != new.section),
        ("bylines", old.bylines != new.bylines),
        ("tags", old.tags != new.tags),
        ("slugline", old.slugline != new.slugline),
        ("slug", old.slug != new.slug),
        ("dateline", old.dateline != new.dateline),
        ("language", old.language != new.language),
        ("embargo", old.embargo != new.embargo),
        ("editor's note", old.editors_note != new.editors_note),
        ("corrections", old.corrections != new.corrections),
        (
            "pictures",
            old.hero_image != new.hero_image || old.images != new.images,
        ),
        ("waivers", old.waivers != new.waivers),
    ]
    .into_iter()
    .filter_map(|(name, changed)| changed.then_some(name))
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
