//! Language tags (BCP 47): the languages a newsroom writes in most, by tag and name, and what
//! makes a tag one.

/// Common languages of the news, as (tag, English name), in the order the editor offers them.
pub const COMMON: &[(&str, &str)] = &[
    ("en", "English"),
    ("en-GB", "English (UK)"),
    ("en-US", "English (US)"),
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("nl", "Dutch"),
    ("fr", "French"),
    ("de", "German"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("fa", "Persian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("es", "Spanish"),
    ("sv", "Swedish"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
];

/// The English name of a common language's tag ("en-GB" → "English (UK)"), any case.
pub fn name_of(tag: &str) -> Option<&'static str> {
    COMMON
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(tag.trim()))
        .map(|(_, name)| *name)
}

/// The tag of a common language written by its name ("English" → "en"), any case.
pub fn tag_of_name(name: &str) -> Option<&'static str> {
    COMMON
        .iter()
        .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
        .map(|(tag, _)| *tag)
}

/// Whether a tag is a well-formed BCP 47 language tag whose language is a code of two or three
/// letters (ISO 639), as every registered language has: "en", "en-GB", "yue-Hant-HK"; not
/// "English" (which BCP 47's grammar allows but no registry holds) nor "en_GB".
pub fn is_tag(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or("");
    !tag.contains('_')
        && (2..=3).contains(&primary.len())
        && icu_locale_core::Locale::try_from_str(tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_codes_not_names() {
        for good in ["en", "en-GB", "ja", "yue-Hant-HK", "sr-Latn"] {
            assert!(is_tag(good), "{good}");
        }
        for bad in ["", "English", "engl", "en_GB", "e", "en-", "12"] {
            assert!(!is_tag(bad), "{bad}");
        }
    }

    #[test]
    fn names_and_tags_of_common_languages() {
        assert_eq!(name_of("EN-gb"), Some("English (UK)"));
        assert_eq!(name_of("xx"), None);
        assert_eq!(tag_of_name(" english "), Some("en"));
        assert_eq!(tag_of_name("Ukrainian"), Some("uk"));
        assert_eq!(tag_of_name("Klingon"), None);
    }
}
