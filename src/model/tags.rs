//! Tags as an editor types them: "Peace talks, Diplomacy" is two tags, and a tag the article
//! already has (in any case) is not added twice.

/// The tags that typing `typed` adds to `existing`: split at commas and semicolons, trimmed,
/// without empty ones and without any the article has already, compared without case.
pub fn typed_tags(existing: &[String], typed: &str) -> Vec<String> {
    let mut added: Vec<String> = Vec::new();
    for tag in typed.split([',', ';']).map(str::trim) {
        let known = |other: &String| other.to_lowercase() == tag.to_lowercase();
        if !tag.is_empty() && !existing.iter().any(known) && !added.iter().any(known) {
            added.push(tag.to_owned());
        }
    }
    added
}

/// The last tag of what is typed (after the last comma or semicolon), trimmed.
fn last_typed(typed: &str) -> &str {
    typed.rsplit([',', ';']).next().unwrap_or("").trim()
}

/// The project's tags (`known`) that begin with the last tag being typed, in any case, that the
/// article does not have yet (up to five): what the tag box offers.
pub fn offered(known: &[String], existing: &[String], typed: &str) -> Vec<String> {
    let typed = last_typed(typed);
    let last = typed.to_lowercase();
    if last.is_empty() {
        return Vec::new();
    }
    let has = |tag: &String| {
        existing
            .iter()
            .any(|e| e.to_lowercase() == tag.to_lowercase())
    };
    known
        .iter()
        .filter(|tag| tag.to_lowercase().starts_with(&last) && **tag != typed)
        .filter(|tag| !has(tag))
        .take(5)
        .cloned()
        .collect()
}

/// Puts `known` in place of the last tag being typed, keeping the ones before it.
pub fn complete_last(typed: &mut String, known: &str) {
    let keep = typed.rfind([',', ';']).map_or(0, |at| at + 1);
    typed.truncate(keep);
    if keep > 0 {
        typed.push(' ');
    }
    typed.push_str(known);
}

#[cfg(test)]
mod tests {
    use super::{complete_last, offered, typed_tags};

    #[test]
    fn the_project_s_tags_are_offered_for_the_last_one_typed() {
        let known: Vec<String> = ["Diplomacy", "Ukraine", "United States", "Russia"]
            .map(String::from)
            .to_vec();
        let existing = vec!["Russia".to_owned()];
        assert_eq!(
            offered(&known, &existing, "u"),
            ["Ukraine", "United States"]
        );
        assert_eq!(offered(&known, &existing, "Peace talks, UKR"), ["Ukraine"]);
        // A tag the article has, or one typed as it is, is not offered; nothing typed, nothing.
        assert!(offered(&known, &existing, "rus").is_empty());
        assert!(offered(&known, &existing, "Ukraine").is_empty());
        assert_eq!(
            offered(&known, &existing, "ukraine"),
            ["Ukraine"],
            "its known capitals"
        );
        assert!(offered(&known, &existing, "Peace talks, ").is_empty());
        let mut typed = "Peace talks, ukr".to_owned();
        complete_last(&mut typed, "Ukraine");
        assert_eq!(typed, "Peace talks, Ukraine");
        let mut typed = "dip".to_owned();
        complete_last(&mut typed, "Diplomacy");
        assert_eq!(typed, "Diplomacy");
    }

    #[test]
    fn commas_part_tags_and_known_ones_are_skipped() {
        let existing = vec!["Ukraine".to_owned(), "Diplomacy".to_owned()];
        assert_eq!(
            typed_tags(&existing, "Peace talks, diplomacy; Kremlin,, kremlin , "),
            ["Peace talks", "Kremlin"]
        );
        assert_eq!(typed_tags(&existing, "  "), Vec::<String>::new());
        assert_eq!(typed_tags(&[], "Moscow"), ["Moscow"]);
    }
}
