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

#[cfg(test)]
mod tests {
    use super::typed_tags;

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
