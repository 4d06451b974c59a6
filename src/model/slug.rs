//! URL slugs made from headlines.

/// The longest slug we make from a headline, in bytes.
pub const MAX_SLUG_LEN: usize = 80;

/// Lowercase ASCII letters and digits joined by single hyphens; accents are folded where simple.
/// Text with no Latin letters or digits (Arabic, Chinese, …) gives an empty slug, which callers
/// replace with one made from the article id.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for ch in text.chars().flat_map(fold_accent) {
        if ch.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(ch.to_ascii_lowercase());
        } else if ch != '\'' && ch != '’' {
            pending_hyphen = true;
        }
        if slug.len() >= MAX_SLUG_LEN {
            break;
        }
    }
    slug.truncate(MAX_SLUG_LEN);
    slug.trim_end_matches('-').to_owned()
}

/// The slug of an article whose headline gives none (empty, or with no Latin letters or digits).
fn placeholder_slug(id: uuid::Uuid) -> String {
    format!("article-{}", &id.simple().to_string()[..8])
}

/// The slug made from `headline` for article `id`: from its words, or else from its id.
pub fn slug_for(headline: &str, id: uuid::Uuid) -> String {
    let made = slugify(headline);
    if made.is_empty() {
        placeholder_slug(id)
    } else {
        made
    }
}

/// Whether `slug` is still the one made from `headline` (perhaps numbered to be unique, as
/// `talks-2`), so that it may follow the headline as it is rewritten.
pub fn follows_headline(slug: &str, headline: &str, id: uuid::Uuid) -> bool {
    slug.strip_prefix(slug_for(headline, id).as_str())
        .is_some_and(|rest| {
            rest.is_empty()
                || rest
                    .strip_prefix('-')
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether `slug` is usable in a URL as we make them: non-empty, `a-z`, `0-9` and single inner hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG_LEN * 2
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold.
pub fn unique_slug(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .expect("an unbounded range always yields a free slug")
}

fn fold_accent(ch: char) -> impl Iterator<Item = char> {
    let folded: &str = match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'š' | 'Š' | 'ś' => "s",
        'ž' | 'Ž' | 'ź' | 'ż' => "z",
        'ł' | 'Ł' => "l",
        'ř' => "r",
        _ => "",
    };
    let single = folded.is_empty().then_some(ch);
    folded.chars().chain(single)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_follows_its_headline_only_while_made_from_it() {
        let id: uuid::Uuid = "5a3e0000-0000-4000-8000-000000000001".parse().unwrap();
        assert_eq!(slug_for("", id), "article-5a3e0000");
        assert_eq!(slug_for("Talks resume", id), "talks-resume");
        assert!(follows_headline("article-5a3e0000", "", id));
        assert!(follows_headline("talks-resume", "Talks resume", id));
        assert!(follows_headline("talks-resume-12", "Talks resume", id));
        assert!(!follows_headline("talks-resume-late", "Talks resume", id));
        assert!(!follows_headline("talks-resume-", "Talks resume", id));
        assert!(!follows_headline("kremlin-talks", "Talks resume", id));
    }

    #[test]
    fn slugs_from_headlines() {
        assert_eq!(
            slugify("Kremlin indicates lack of progress following Ukraine talks with US"),
            "kremlin-indicates-lack-of-progress-following-ukraine-talks-with-us"
        );
        assert_eq!(slugify("  Kyiv’s mayor: “No!”  "), "kyivs-mayor-no");
        assert_eq!(slugify("Café crème à Zürich"), "cafe-creme-a-zurich");
        assert_eq!(slugify("東京の春"), "");
        assert!(slugify(&"word ".repeat(100)).len() <= MAX_SLUG_LEN);
    }

    #[test]
    fn slug_validity() {
        assert!(is_valid_slug("a-b-1"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "../x"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn unique_slugs_get_numbers() {
        let taken = ["a", "a-2"];
        assert_eq!(unique_slug("a", |s| taken.contains(&s)), "a-3");
        assert_eq!(unique_slug("b", |s| taken.contains(&s)), "b");
    }
}
